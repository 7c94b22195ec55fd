"""Centrality against networkx (an independent implementation) and hand-checked cases."""

from __future__ import annotations

import doctest
import importlib
import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from opgavelab.metrics import articulation_points, bridges, centrality

centrality_module = importlib.import_module("opgavelab.metrics.centrality")


def assert_matches_networkx(G, df, k=None, seed=0):
    bc = nx.betweenness_centrality(G, k=k, seed=seed)
    cc = nx.closeness_centrality(G)
    for v in G:
        assert df.loc[v, "betweenness"] == pytest.approx(bc[v], abs=1e-12), v
        assert df.loc[v, "closeness"] == pytest.approx(cc[v], abs=1e-12), v


def random_graphs():
    for seed in range(4):
        yield nx.gnp_random_graph(35, 0.08, seed=seed)  # usually disconnected
        yield nx.gnp_random_graph(35, 0.06, seed=seed, directed=True)
        yield nx.connected_watts_strogatz_graph(30, 4, 0.2, seed=seed)


# --------------------------------------------------------------------------
# against networkx
# --------------------------------------------------------------------------
@pytest.mark.parametrize("G", list(random_graphs()), ids=lambda G: f"{type(G).__name__}{G.number_of_edges()}")
def test_betweenness_and_closeness_equal_networkx(G):
    df = centrality(G)
    assert df.attrs["betweenness_approximate"] is False
    assert df.attrs["closeness_approximate"] is False
    assert_matches_networkx(G, df)


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("k", [1, 5, 20])
def test_sampled_betweenness_uses_the_same_sources_as_networkx(directed, k):
    G = nx.gnp_random_graph(30, 0.12, seed=7, directed=directed)
    df = centrality(G, betweenness_k=k, seed=11)
    assert df.attrs["betweenness_approximate"] is True
    assert df.attrs["betweenness_k"] == k
    bc = nx.betweenness_centrality(G, k=k, seed=11)
    for v in G:
        if math.isnan(bc[v]):  # networkx: no data for a sampled source when k = 1
            assert math.isnan(df.loc[v, "betweenness"])
        else:
            assert df.loc[v, "betweenness"] == pytest.approx(bc[v], abs=1e-12)
    # below exact_limit closeness stays exact even when betweenness is sampled
    assert df.attrs["closeness_approximate"] is False
    cc = nx.closeness_centrality(G)
    assert df["closeness"].tolist() == pytest.approx([cc[v] for v in G])


def test_above_exact_limit_betweenness_and_closeness_are_sampled():
    G = nx.connected_watts_strogatz_graph(200, 6, 0.2, seed=2)
    df = centrality(G, exact_limit=50, seed=5)
    assert df.attrs["betweenness_approximate"] is False  # min(n, 500) = n: all sources
    assert df.attrs["betweenness_k"] == 200
    assert df.attrs["closeness_approximate"] is False
    assert_matches_networkx(G, df)
    df = centrality(G, exact_limit=50, betweenness_k=120, seed=5)
    assert df.attrs["betweenness_approximate"] is True
    assert df.attrs["betweenness_k"] == 120
    assert df.attrs["closeness_approximate"] is True
    sampled = nx.betweenness_centrality(G, k=120, seed=5)
    assert df["betweenness"].tolist() == pytest.approx([sampled[v] for v in G])
    # closeness from 120 of 200 sources: an estimate, close to the exact value
    closeness = nx.closeness_centrality(G)
    exact = np.array([closeness[v] for v in G])
    error = np.abs(df["closeness"].to_numpy() - exact) / exact
    assert error.max() < 0.1
    assert error.mean() < 0.02


def test_default_sample_size_above_exact_limit(monkeypatch):
    monkeypatch.setattr(centrality_module, "DEFAULT_BETWEENNESS_K", 40)
    G = nx.connected_watts_strogatz_graph(120, 4, 0.2, seed=2)
    df = centrality(G, exact_limit=100, seed=9)
    assert df.attrs["betweenness_approximate"] is True
    assert df.attrs["betweenness_k"] == 40
    assert df.attrs["closeness_approximate"] is True
    sampled = nx.betweenness_centrality(G, k=40, seed=9)
    assert df["betweenness"].tolist() == pytest.approx([sampled[v] for v in G])


def test_long_paths_switch_to_the_loop_and_agree(monkeypatch):
    P = nx.path_graph(90)  # deeper than the batched search goes
    assert_matches_networkx(P, centrality(P))
    monkeypatch.setattr(centrality_module, "_MAX_LEVELS", 1)
    for G in random_graphs():
        assert_matches_networkx(G, centrality(G))
    D = nx.gnp_random_graph(30, 0.1, seed=3, directed=True)
    assert_matches_networkx(D, centrality(D, betweenness_k=8, seed=4), k=8, seed=4)


def test_small_batches_agree(monkeypatch):
    monkeypatch.setattr(centrality_module, "_BATCH_CELLS", 70)  # two sources per batch
    G = nx.gnp_random_graph(35, 0.1, seed=1, directed=True)
    assert_matches_networkx(G, centrality(G))


@pytest.mark.parametrize("seed", range(3))
def test_eigenvector_equals_networkx_on_a_connected_graph(seed):
    G = nx.connected_watts_strogatz_graph(40, 4, 0.3, seed=seed)
    df = centrality(G)
    ev = nx.eigenvector_centrality_numpy(G)
    assert df["eigenvector"].tolist() == pytest.approx([ev[v] for v in G], abs=1e-8)
    assert df.attrs["eigenvector_converged"] is True


def test_eigenvector_uses_weights_and_the_sparse_solver_for_large_components():
    G = nx.connected_watts_strogatz_graph(400, 6, 0.2, seed=1)
    rng = np.random.default_rng(0)
    for u, v in G.edges():
        G.edges[u, v]["weight"] = float(rng.integers(1, 6))
    df = centrality(G)
    ev = nx.eigenvector_centrality_numpy(G, weight="weight")
    assert df["eigenvector"].tolist() == pytest.approx([ev[v] for v in G], abs=1e-8)


def test_eigenvector_of_a_disconnected_graph_uses_the_largest_component():
    G = nx.union(nx.cycle_graph(5), nx.path_graph(["x", "y"]))
    df = centrality(G)
    assert df.loc[list(range(5)), "eigenvector"].tolist() == pytest.approx([1 / math.sqrt(5)] * 5)
    assert df.loc[["x", "y"], "eigenvector"].isna().all()


def test_eigenvector_of_a_digraph_is_that_of_its_undirected_version():
    D = nx.DiGraph([(0, 1), (1, 2), (2, 0), (2, 3), (3, 2), (3, 4)])
    ev = nx.eigenvector_centrality_numpy(nx.Graph(D.to_undirected()))
    assert centrality(D)["eigenvector"].tolist() == pytest.approx([ev[v] for v in D], abs=1e-8)


def test_eigenvector_without_ties_is_nan():
    df = centrality(nx.empty_graph(3))
    assert df["eigenvector"].isna().all()


def test_eigenvector_not_converging_gives_nan(monkeypatch):
    def fail(*args, **kwargs):
        raise centrality_module.spla.ArpackNoConvergence("no", np.array([]), np.array([]))

    monkeypatch.setattr(centrality_module.spla, "eigsh", fail)
    G = nx.connected_watts_strogatz_graph(400, 4, 0.2, seed=1)
    df = centrality(G)
    assert df["eigenvector"].isna().all()
    assert df.attrs["eigenvector_converged"] is False


# --------------------------------------------------------------------------
# hand-checked cases
# --------------------------------------------------------------------------
def test_star():
    df = centrality(nx.star_graph(3))
    assert df["degree"].tolist() == [3, 1, 1, 1]
    assert df["weighted_degree"].tolist() == [3.0, 1.0, 1.0, 1.0]
    assert df["betweenness"].tolist() == [1.0, 0.0, 0.0, 0.0]
    # a spoke: 1 step to the hub, 2 to the other two spokes -> 3 / 5
    assert df["closeness"].tolist() == pytest.approx([1.0, 0.6, 0.6, 0.6])
    assert df["articulation_point"].tolist() == [True, False, False, False]
    assert "in_degree" not in df.columns


def test_triangle_has_no_brokers():
    df = centrality(nx.complete_graph(3))
    assert df["betweenness"].tolist() == [0.0, 0.0, 0.0]
    assert df["closeness"].tolist() == [1.0, 1.0, 1.0]
    assert not df["articulation_point"].any()


def test_directed_degrees_and_weights():
    D = nx.DiGraph()
    D.add_edge("a", "b", weight=2.0)
    D.add_edge("b", "a", weight=1.0)
    D.add_edge("a", "c", weight=0.5)
    D.add_edge("c", "c")  # self-loop: ignored
    df = centrality(D)
    assert list(df.columns) == [
        "degree",
        "weighted_degree",
        "in_degree",
        "out_degree",
        "betweenness",
        "closeness",
        "eigenvector",
        "articulation_point",
    ]
    assert df.loc["a", ["degree", "in_degree", "out_degree"]].tolist() == [2, 1, 2]
    assert df.loc["a", "weighted_degree"] == pytest.approx(3.5)
    assert df.loc["c", "weighted_degree"] == pytest.approx(0.5)
    assert centrality(D, weight=None).loc["a", "weighted_degree"] == 3.0
    # b reaches c only through a: a lies on 1 of the 2 * 1 ordered pairs around it
    assert df.loc["a", "betweenness"] == pytest.approx(0.5)
    assert df.dtypes["degree"] == "int64" and df.dtypes["articulation_point"] == "bool"


def test_a_tie_of_weight_zero_is_still_a_tie():
    G = nx.Graph()
    G.add_edge("a", "b", weight=0)
    G.add_edge("b", "c", weight=2)
    df = centrality(G)
    assert df["degree"].tolist() == [1, 2, 1]
    assert df["weighted_degree"].tolist() == [0.0, 2.0, 2.0]
    assert df.loc["b", "betweenness"] == 1.0
    assert df["closeness"].tolist() == pytest.approx([2 / 3, 1.0, 2 / 3])


def test_isolates_and_index():
    G = nx.Graph([("x", "y")])
    G.add_node("z")
    df = centrality(G)
    assert df.index.tolist() == ["x", "y", "z"]
    assert df.index.name == "node"
    assert df.loc["z", "degree"] == 0
    assert df.loc["z", "closeness"] == 0.0
    assert df.loc["z", "betweenness"] == 0.0


def test_empty_and_single_node_graphs():
    for G in (nx.Graph(), nx.DiGraph()):
        df = centrality(G)
        assert df.empty and "betweenness" in df.columns
    df = centrality(nx.empty_graph(1))
    assert df.loc[0, "degree"] == 0
    assert df.loc[0, "betweenness"] == 0.0
    assert df.loc[0, "closeness"] == 0.0


def test_multigraph_counts_a_tie_once_but_adds_weights():
    M = nx.MultiGraph()
    M.add_edge(0, 1, weight=2)
    M.add_edge(0, 1, weight=3)
    M.add_edge(1, 2)
    df = centrality(M)
    assert df["degree"].tolist() == [1, 2, 1]
    assert df.loc[0, "weighted_degree"] == pytest.approx(5.0)
    assert df.loc[1, "betweenness"] == 1.0


def test_articulation_points_and_bridges():
    G = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e")])
    assert articulation_points(G) == ["c", "d"]
    found = bridges(G)
    assert list(found.columns) == ["source", "target"]
    assert {frozenset(r) for r in found.itertuples(index=False)} == {frozenset("cd"), frozenset("de")}
    assert bridges(nx.complete_graph(4)).empty
    assert articulation_points(nx.complete_graph(4)) == []


def test_bridges_of_a_digraph_keep_the_direction_of_the_tie():
    D = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("d", "c")])
    found = bridges(D)
    assert found.to_numpy().tolist() == [["d", "c"]]
    assert articulation_points(D) == ["c"]


def test_bridges_of_an_empty_graph():
    found = bridges(nx.Graph())
    assert found.empty and list(found.columns) == ["source", "target"]
    assert isinstance(found, pd.DataFrame)


# --------------------------------------------------------------------------
# errors
# --------------------------------------------------------------------------
def test_not_a_graph():
    with pytest.raises(TypeError, match=r"'G' must be a networkx Graph or DiGraph, got dict\."):
        centrality({0: [1]})
    with pytest.raises(TypeError, match="'G' must be a networkx Graph"):
        bridges("ab")
    with pytest.raises(TypeError, match="'G' must be a networkx Graph"):
        articulation_points(None)


def test_bad_betweenness_k():
    G = nx.path_graph(4)
    with pytest.raises(ValueError, match=r"'betweenness_k' must be between 1 and the number of actors \(4\), got 5\."):
        centrality(G, betweenness_k=5)
    with pytest.raises(ValueError, match=r"'betweenness_k' must be an integer >= 1 or None, got 0\."):
        centrality(G, betweenness_k=0)
    with pytest.raises(ValueError, match=r"'betweenness_k' must be an integer >= 1 or None, got 2.5\."):
        centrality(G, betweenness_k=2.5)


def test_bad_exact_limit_and_weight():
    G = nx.path_graph(4)
    with pytest.raises(ValueError, match=r"'exact_limit' must be an integer >= 0, got -3\."):
        centrality(G, exact_limit=-3)
    with pytest.raises(TypeError, match=r"'weight' must be the name of a tie attribute or None, got 3\."):
        centrality(G, weight=3)
    G.edges[0, 1]["weight"] = "strong"
    with pytest.raises(TypeError, match=r"Tie weights in the attribute 'weight' must be numbers, got 'strong'"):
        centrality(G)


def test_docstring_examples():
    result = doctest.testmod(centrality_module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0 and result.attempted > 0


def test_cut_point_effects_against_networkx():
    from opgavelab.metrics import cut_point_effects

    G = nx.connected_watts_strogatz_graph(30, 4, 0.2, seed=3)
    G.add_edges_from([(0, "x"), ("x", "y"), (5, "z")])
    table = cut_point_effects(G)
    assert set(table.index) == set(nx.articulation_points(G))
    for v, row in table.iterrows():
        H = G.copy()
        H.remove_node(v)
        parts = sorted(nx.connected_components(H), key=len, reverse=True)
        assert row["pieces"] == [len(p) for p in parts]
        assert row["cut_off"] == len(G) - 1 - len(parts[0])
        main = parts[0]
        dist_g = dict(nx.all_pairs_shortest_path_length(G))
        pairs = [(a, b) for a in main for b in main if a != b]
        before = sum(dist_g[a][b] for a, b in pairs) / len(pairs)
        after = nx.average_shortest_path_length(H.subgraph(main))
        assert row["distance_before"] == pytest.approx(before)
        assert row["distance_after"] == pytest.approx(after)
        assert row["distance_change"] == pytest.approx(after / before - 1)
