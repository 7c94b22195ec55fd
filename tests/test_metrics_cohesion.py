"""Cohesion metrics against UCINET's Campnet figures, Strike, and hand-checked cases."""

from __future__ import annotations

import doctest
import importlib
import itertools
import math

import networkx as nx
import numpy as np
import pytest

from opgavelab.metrics import cohesion, connectedness, degree_centralization, density, fragmentation

from ._reference import read_network, read_pajek


@pytest.fixture(scope="module")
def campnet(reference_dir):
    return read_network(reference_dir / "campnet_arcs.csv", reference_dir / "campnet_attr.csv", directed=True)


@pytest.fixture(scope="module")
def strike(reference_dir):
    return read_pajek(reference_dir / "strike.net")


def brute_connectedness(G) -> float:
    """Reachability by one search per actor (networkx), the slow obvious way."""
    n = G.number_of_nodes()
    reach = sum(len(nx.descendants(G, v) if G.is_directed() else nx.node_connected_component(G, v)) for v in G)
    if not G.is_directed():
        reach -= n  # node_connected_component includes v itself
    return reach / (n * (n - 1))


# --------------------------------------------------------------------------
# published figures
# --------------------------------------------------------------------------
# UCINET prints single-precision values: agreement to about 1e-8 is all it shows.
UCINET = {"abs": 5e-8}


def test_campnet_matches_ucinet(campnet):
    s = cohesion(campnet)
    assert s["n_actors"] == 18
    assert s["n_ties"] == 54
    assert s["density"] == pytest.approx(0.17647059, **UCINET)
    assert s["degree_centralization"] == pytest.approx(0.07352941, **UCINET)
    assert s["in_centralization"] == pytest.approx(0.12456747, **UCINET)
    assert s["out_centralization"] == pytest.approx(0.0, abs=1e-12)
    assert s["n_strong_components"] == 4
    assert s["largest_strong_component_size"] == 10
    assert s["connectedness"] == pytest.approx(0.67320263, **UCINET)
    assert s["fragmentation"] == pytest.approx(0.32679740, **UCINET)


def test_campnet_separate_functions(campnet):
    assert density(campnet) == pytest.approx(0.17647059, **UCINET)
    assert degree_centralization(campnet) == pytest.approx(0.07352941, **UCINET)
    assert degree_centralization(campnet, mode="in") == pytest.approx(0.12456747, **UCINET)
    assert degree_centralization(campnet, mode="out") == pytest.approx(0.0, abs=1e-12)
    assert connectedness(campnet) == pytest.approx(0.67320263, **UCINET)
    assert fragmentation(campnet) == pytest.approx(0.32679740, **UCINET)


def test_strike_fragmentation_without_norm_bob_gill(strike):
    assert strike.number_of_nodes() == 24
    assert strike.number_of_edges() == 38
    assert fragmentation(strike) == pytest.approx(0.0, abs=1e-12)
    H = strike.copy()
    H.remove_nodes_from(["Norm", "Bob", "Gill"])
    assert fragmentation(H) == pytest.approx(0.747619, abs=1e-6)
    assert cohesion(H)["fragmentation"] == pytest.approx(0.747619, abs=1e-6)


# --------------------------------------------------------------------------
# hand-checked cases
# --------------------------------------------------------------------------
def test_triangle():
    s = cohesion(nx.complete_graph(3))
    assert s["density"] == 1.0
    assert s["connectedness"] == 1.0
    assert s["average_distance"] == 1.0
    assert s["degree_centralization"] == 0.0
    assert s["clustering"] == 1.0
    assert s["transitivity"] == 1.0
    assert math.isnan(s["in_centralization"]) and math.isnan(s["out_centralization"])


def test_star_is_fully_centralized():
    star = nx.star_graph(4)  # hub + 4 spokes
    assert degree_centralization(star) == 1.0
    s = cohesion(star)
    assert s["density"] == pytest.approx(4 / 10)
    # 4 hub-spoke pairs at 1, 6 spoke-spoke pairs at 2: (4 + 12) / 10
    assert s["average_distance"] == pytest.approx(1.6)
    assert s["clustering"] == 0.0
    assert s["transitivity"] == 0.0


def test_path_of_four():
    s = cohesion(nx.path_graph(4))
    assert s["density"] == 0.5
    # degrees 1,2,2,1: Σ(max - d) = 2 over (3)(2)
    assert s["degree_centralization"] == pytest.approx(2 / 6)
    # distances 1,1,1,2,2,3 over 6 unordered pairs
    assert s["average_distance"] == pytest.approx(10 / 6)
    assert s["transitivity"] == 0.0  # two-paths, none closed
    assert s["clustering"] == 0.0


def test_two_components_and_isolates():
    G = nx.Graph([(0, 1), (1, 2), (3, 4)])
    G.add_node(5)
    s = cohesion(G)
    assert s["n_weak_components"] == 3
    assert s["n_strong_components"] == 3
    assert s["largest_component_size"] == 3
    assert s["largest_component_share"] == pytest.approx(0.5)
    # ordered reachable pairs: 3*2 + 2*1 + 0 = 8 of 6*5 = 30
    assert s["connectedness"] == pytest.approx(8 / 30)
    assert s["fragmentation"] == pytest.approx(22 / 30)
    # pairs: 0-1:1, 1-2:1, 0-2:2, 3-4:1 -> 5 / 4
    assert s["average_distance"] == pytest.approx(5 / 4)


def test_only_isolates():
    G = nx.empty_graph(4)
    s = cohesion(G)
    assert s["density"] == 0.0
    assert s["connectedness"] == 0.0
    assert s["fragmentation"] == 1.0
    assert math.isnan(s["average_distance"])
    assert s["degree_centralization"] == 0.0
    assert s["clustering"] == 0.0
    assert math.isnan(s["transitivity"])


def test_empty_graph_gives_nan_not_an_error():
    for G in (nx.Graph(), nx.DiGraph()):
        s = cohesion(G)
        assert s["n_actors"] == 0 and s["n_ties"] == 0
        for key in (
            "density",
            "connectedness",
            "fragmentation",
            "average_distance",
            "degree_centralization",
            "largest_component_share",
            "clustering",
            "transitivity",
        ):
            assert math.isnan(s[key]), key
        assert math.isnan(density(G)) and math.isnan(connectedness(G)) and math.isnan(fragmentation(G))
        assert math.isnan(degree_centralization(G, "in"))


def test_one_node():
    s = cohesion(nx.DiGraph([(0, 0)]))  # a self-loop is not a tie
    assert s["n_actors"] == 1 and s["n_ties"] == 0
    assert s["n_weak_components"] == 1
    assert s["largest_component_share"] == 1.0
    assert math.isnan(s["density"])
    assert math.isnan(s["connectedness"])
    assert math.isnan(s["degree_centralization"])
    assert math.isnan(s["in_centralization"])


def test_transitivity_of_a_path_is_zero():
    s = cohesion(nx.path_graph(3))
    assert s["transitivity"] == 0.0


def test_directed_chain_and_cycle():
    chain = nx.DiGraph([(0, 1), (1, 2), (2, 3)])
    s = cohesion(chain)
    assert s["density"] == pytest.approx(3 / 12)
    assert s["n_weak_components"] == 1
    assert s["n_strong_components"] == 4
    assert s["largest_strong_component_size"] == 1
    assert s["connectedness"] == pytest.approx(6 / 12)
    # reachable ordered pairs: 3 at 1, 2 at 2, 1 at 3
    assert s["average_distance"] == pytest.approx(10 / 6)
    # in-degrees 0,1,1,1: Σ(1 - d) = 1 over 3²; out-degrees 1,1,1,0 likewise
    assert s["in_centralization"] == pytest.approx(1 / 9)
    assert s["out_centralization"] == pytest.approx(1 / 9)
    cycle = nx.DiGraph([(0, 1), (1, 2), (2, 3), (3, 0)])
    assert connectedness(cycle) == 1.0
    assert cohesion(cycle)["n_strong_components"] == 1


def test_directed_star_centralization():
    D = nx.DiGraph([(i, 0) for i in range(1, 5)])  # everyone sends to 0
    assert degree_centralization(D, "in") == pytest.approx(4 * 4 / 16)
    # out-degrees 0,1,1,1,1: only the receiver falls short of the maximum
    assert degree_centralization(D, "out") == pytest.approx(1 / 16)
    assert degree_centralization(D, "all") == 1.0


def test_in_out_centralization_is_nan_for_undirected():
    assert math.isnan(degree_centralization(nx.path_graph(4), "in"))
    assert math.isnan(degree_centralization(nx.path_graph(4), "out"))


def test_reciprocated_arcs_count_once_in_symmetrized_degree():
    D = nx.DiGraph([(0, 1), (1, 0), (0, 2), (2, 0), (0, 3)])
    assert degree_centralization(D) == 1.0  # a star once symmetrized


def test_multigraph_and_self_loops_collapse():
    M = nx.MultiGraph([(0, 1), (0, 1), (1, 2), (2, 2)])
    s = cohesion(M)
    assert s["n_ties"] == 2
    assert s["density"] == pytest.approx(2 / 3)
    assert density(M) == pytest.approx(2 / 3)


@pytest.mark.parametrize("seed", range(6))
def test_directed_connectedness_against_search_per_actor(seed):
    D = nx.gnp_random_graph(30, 0.05, seed=seed, directed=True)
    assert connectedness(D) == pytest.approx(brute_connectedness(D))
    G = nx.gnp_random_graph(30, 0.05, seed=seed)
    assert connectedness(G) == pytest.approx(brute_connectedness(G))


@pytest.mark.parametrize("seed", range(4))
def test_average_distance_and_clustering_against_networkx(seed):
    G = nx.connected_watts_strogatz_graph(40, 4, 0.3, seed=seed)
    s = cohesion(G)
    assert s["average_distance"] == pytest.approx(nx.average_shortest_path_length(G))
    assert s["clustering"] == pytest.approx(nx.average_clustering(G))
    assert s["transitivity"] == pytest.approx(nx.transitivity(G))
    D = nx.DiGraph(nx.cycle_graph(10, create_using=nx.DiGraph))
    D.add_edges_from((i, (i + 3) % 10) for i in range(0, 10, 2))
    assert cohesion(D)["average_distance"] == pytest.approx(nx.average_shortest_path_length(D))


def test_directed_clustering_uses_the_symmetrized_graph():
    D = nx.DiGraph([(0, 1), (1, 2), (2, 0), (2, 3)])
    s = cohesion(D)
    U = nx.Graph(D.to_undirected())
    assert s["clustering"] == pytest.approx(nx.average_clustering(U))
    assert s["transitivity"] == pytest.approx(nx.transitivity(U))


def test_average_distance_is_sampled_above_exact_limit():
    G = nx.connected_watts_strogatz_graph(300, 6, 0.2, seed=1)
    exact = cohesion(G)
    assert exact.attrs["average_distance_approximate"] is False
    approx = cohesion(G, exact_limit=100, sample_size=120, seed=3)
    assert approx.attrs["average_distance_approximate"] is True
    assert approx["average_distance"] == pytest.approx(exact["average_distance"], rel=0.05)
    assert approx["connectedness"] == exact["connectedness"]  # never sampled
    again = cohesion(G, exact_limit=100, sample_size=120, seed=3)
    assert again["average_distance"] == approx["average_distance"]


def test_weighted_density_and_mean_weight():
    G = nx.Graph()
    G.add_edge("a", "b", weight=2)
    G.add_edge("b", "c", weight=4)
    G.add_edge("c", "d")  # no weight: counts as 1
    s = cohesion(G, weight="weight")
    assert s["weighted_density"] == pytest.approx(7 / 6)
    assert s["mean_weight"] == pytest.approx(7 / 3)
    assert "weighted_density" not in cohesion(G).index
    D = nx.DiGraph()
    D.add_edge("a", "b", weight=3)
    D.add_edge("b", "a", weight=1)
    s = cohesion(D, weight="weight")
    assert s["weighted_density"] == pytest.approx(4 / 2)


def test_large_graph_is_fast_enough():
    # 10,000 actors / ~100,000 ties: connectedness by condensation, not per-actor search
    D = nx.gnm_random_graph(10_000, 100_000, seed=1, directed=True)
    value = connectedness(D)
    assert 0 < value <= 1


def test_condensation_reach_on_a_dag_of_components():
    # two 3-cycles linked one way, plus a tail: reach counted per component
    D = nx.DiGraph([(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (2, 3), (5, 6)])
    assert connectedness(D) == pytest.approx(brute_connectedness(D))
    pairs = list(itertools.permutations(D, 2))
    assert connectedness(D) == pytest.approx(sum(nx.has_path(D, u, v) for u, v in pairs) / len(pairs))


# --------------------------------------------------------------------------
# errors
# --------------------------------------------------------------------------
def test_not_a_graph():
    with pytest.raises(TypeError, match=r"'G' must be a networkx Graph or DiGraph, got list\."):
        cohesion([(0, 1)])
    with pytest.raises(TypeError, match="'G' must be a networkx Graph"):
        density(np.zeros((2, 2)))


def test_bad_mode():
    with pytest.raises(ValueError, match=r"'mode' must be one of \['all', 'in', 'out'\], got 'x'\."):
        degree_centralization(nx.path_graph(3), mode="x")


def test_bad_limits():
    with pytest.raises(ValueError, match=r"'exact_limit' must be an integer >= 0, got -1\."):
        cohesion(nx.path_graph(3), exact_limit=-1)
    with pytest.raises(ValueError, match=r"'sample_size' must be an integer >= 1, got 0\."):
        cohesion(nx.path_graph(3), sample_size=0)


def test_non_numeric_weight():
    G = nx.Graph()
    G.add_edge(0, 1, weight="heavy")
    with pytest.raises(TypeError, match=r"Tie weights in the attribute 'weight' must be numbers, got 'heavy'"):
        cohesion(G, weight="weight")


def test_docstring_examples():
    module = importlib.import_module("opgavelab.metrics.cohesion")  # the name `cohesion` is the function
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0 and result.attempted > 0
