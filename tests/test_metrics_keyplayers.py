"""Key players (Borgatti 2006) against an exhaustive search with networkx distances."""

from __future__ import annotations

import itertools
import random

import networkx as nx
import pytest

from opgavelab import metrics
from opgavelab.metrics.keyplayers import distance_fragmentation, distance_reach, key_players


# -- an independent implementation of the two scores (networkx BFS, plain Python) --
def _df(G, removed) -> float:
    H = G.subgraph([v for v in G if v not in set(removed)])
    n = H.number_of_nodes()
    if n < 2:
        return 1.0
    total = sum(1 / d for src, dists in nx.all_pairs_shortest_path_length(H) for dst, d in dists.items()
                if dst != src)
    return 1 - total / (n * (n - 1))


def _reach(G, group, m) -> float:
    group = set(group)
    dist = nx.multi_source_dijkstra_path_length(G, group)
    if m is None:
        return sum(1.0 if v in group else 1 / dist[v] for v in dist) / G.number_of_nodes()
    outside = G.number_of_nodes() - len(group)
    return sum(1 for v, d in dist.items() if v not in group and d <= m) / outside if outside else 1.0


def _best(G, k, score) -> float:
    return max(score(c) for c in itertools.combinations(G, k))


def _graphs():
    rng = random.Random(15)
    out = []
    for i in range(12):
        n = rng.randint(6, 14)
        p = rng.choice([0.15, 0.25, 0.4])
        out.append(nx.gnp_random_graph(n, p, seed=rng.randint(0, 10**6)))
    out.append(nx.barbell_graph(5, 2))
    out.append(nx.path_graph(12))
    return out


GRAPHS = _graphs()


def test_scores_match_networkx_on_a_known_graph():
    G = nx.krackhardt_kite_graph()
    assert distance_fragmentation(G) == pytest.approx(_df(G, []))
    assert distance_fragmentation(G, removed=[7]) == pytest.approx(_df(G, [7]))
    assert distance_reach(G, [3, 8]) == pytest.approx(_reach(G, [3, 8], None))
    assert distance_reach(G, [3, 8], m=2) == pytest.approx(_reach(G, [3, 8], 2))


@pytest.mark.parametrize("G", GRAPHS, ids=[f"g{i}" for i in range(len(GRAPHS))])
@pytest.mark.parametrize("k", [1, 2, 3])
def test_fragment_reaches_95_percent_of_the_exhaustive_optimum_and_k1_exactly(G, k):
    best = _best(G, k, lambda c: _df(G, c))
    kp = key_players(G, k, goal="fragment", seed=1)
    assert len(set(kp.players)) == k
    assert kp.score == pytest.approx(_df(G, kp.players))  # the reported score is the set's real score
    if k == 1:
        assert kp.score == pytest.approx(best)
    assert kp.score >= 0.95 * best - 1e-12


@pytest.mark.parametrize("G", GRAPHS, ids=[f"g{i}" for i in range(len(GRAPHS))])
@pytest.mark.parametrize("k", [1, 2, 3])
@pytest.mark.parametrize("m", [1, 2, None])
def test_reach_reaches_95_percent_of_the_exhaustive_optimum_and_k1_exactly(G, k, m):
    best = _best(G, k, lambda c: _reach(G, c, m))
    kp = key_players(G, k, goal="reach", m=m, seed=2)
    assert kp.score == pytest.approx(_reach(G, kp.players, m))
    if k == 1:
        assert kp.score == pytest.approx(best)
    assert kp.score >= 0.95 * best - 1e-12


def test_the_middle_of_a_path_is_the_key_player():
    # 0-1-2-3-4: without 2 two pairs remain, DF = 1 - 4/12; without 1, DF = 1 - 5/12
    kp = key_players(nx.path_graph(5), 1)
    assert kp.players == [2]
    assert kp.score == pytest.approx(1 - 4 / 12)


def test_same_seed_same_result_and_method_is_reported():
    G = nx.gnp_random_graph(40, 0.1, seed=3)
    a = key_players(G, 3, seed=7)
    b = key_players(G, 3, seed=7)
    assert a.players == b.players and a.score == b.score
    assert a.method["heuristic"] is True
    assert a.method["algorithm"].startswith("greedy optimisation with swaps")
    assert a.method["evaluations"] > 0
    assert list(a.table.columns) == ["score_alone", "score_without"]
    assert "heuristiek" in repr(a)
    assert "heuristic" in repr(key_players(G, 3, lang="en"))


def test_large_network_uses_sampled_search_but_reports_the_exact_score():
    G = nx.connected_watts_strogatz_graph(500, 6, 0.1, seed=4)
    kp = key_players(G, 2, seed=0)
    assert kp.method["sampled_sources"] == 200
    assert kp.method["candidates"] == 20
    assert kp.score == pytest.approx(distance_fragmentation(G, kp.players))


def test_directed_graphs_are_read_without_directions():
    D = nx.DiGraph([("a", "b"), ("c", "b"), ("b", "d")])
    assert key_players(D, 1).players == ["b"]


def test_exported_from_metrics():
    assert metrics.key_players is key_players


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"k": 0}, r"'k' must be an integer between 1 and the number of actors \(4\), got 0"),
        ({"k": 5}, r"'k' must be an integer between 1 and the number of actors \(4\), got 5"),
        ({"k": 1, "goal": "spread"}, r"'goal' must be one of \['fragment', 'reach'\], got 'spread'"),
        ({"k": 1, "goal": "reach", "m": 0}, r"'m' must be an integer >= 1"),
        ({"k": 1, "lang": "de"}, r"'lang' must be one of"),
    ],
)
def test_bad_arguments_are_named(kwargs, match):
    with pytest.raises(ValueError, match=match):
        key_players(nx.path_graph(4), **kwargs)


def test_not_a_graph():
    with pytest.raises(TypeError, match="networkx Graph"):
        key_players([(1, 2)], 1)


def test_unknown_actor_in_a_score():
    with pytest.raises(ValueError, match="not in it"):
        distance_fragmentation(nx.path_graph(3), removed=["x"])
