"""Gould-Fernandez brokerage against sna's published counts and a brute-force count.

The brute force below walks every triple (a, v, b), straight from Gould &
Fernandez's definitions, and the null-model moments are recomputed by
enumerating pairs of two-paths and by simulation, not from sna's closed forms.
"""

from __future__ import annotations

import doctest
import importlib
import itertools
import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from opgavelab.metrics import (
    BROKERAGE_ROLES,
    brokerage,
    brokerage_expected,
    brokerage_sd,
    brokerage_z,
)

from ._reference import read_groups, read_pajek

brokerage_module = importlib.import_module("opgavelab.metrics.brokerage")
COLUMNS = [*BROKERAGE_ROLES, "total"]
MISSING = "<missing>"


def role_of(ga, gv, gb) -> int:
    """Index in BROKERAGE_ROLES of the two-path a -> v -> b."""
    if ga == gv == gb:
        return 0  # coordinator A -> A -> A
    if ga == gv:
        return 2  # representative A -> A -> B
    if gv == gb:
        return 3  # gatekeeper B -> A -> A
    if ga == gb:
        return 1  # itinerant B -> A -> B
    return 4  # liaison A -> B -> C


def arcs_of(G) -> set:
    arcs = {(u, v) for u, v in G.edges() if u != v}
    if not G.is_directed():
        arcs |= {(v, u) for u, v in arcs}
    return arcs


def brute_brokerage(G, groups: dict) -> pd.DataFrame:
    arcs = arcs_of(G)
    group = {v: groups.get(v, MISSING) for v in G}
    rows = []
    for v in G:
        counts = [0] * 5
        for a, b in itertools.permutations(G, 2):
            if v in (a, b):
                continue
            if (a, v) in arcs and (v, b) in arcs and (a, b) not in arcs:
                counts[role_of(group[a], group[v], group[b])] += 1
        rows.append([*counts, sum(counts)])
    return pd.DataFrame(rows, index=list(G), columns=COLUMNS)


def enumerated_moments(group: list, d: float):
    """Mean and variance of each role count per broker in a Bernoulli(d) digraph.

    X_(a,b) = [a->v][v->b][not a->b]; E[X_P X_Q] is d^|arcs required present| *
    (1 - d)^|arcs required absent| (0 on a conflict), summed over all pairs.
    """
    n = len(group)
    mean = np.zeros((n, 6))
    var = np.zeros((n, 6))
    for v in range(n):
        paths = [(a, b) for a, b in itertools.permutations(range(n), 2) if v not in (a, b)]
        roles = [role_of(group[a], group[v], group[b]) for a, b in paths]
        for column in range(6):
            chosen = [p for p, r in zip(paths, roles, strict=True) if column == 5 or r == column]
            p1 = d**2 * (1 - d)
            mean[v, column] = p1 * len(chosen)
            total = 0.0
            for (a, b), (c, e) in itertools.product(chosen, repeat=2):
                present = {(a, v), (v, b), (c, v), (v, e)}
                absent = {(a, b), (c, e)}
                joint = 0.0 if present & absent else d ** len(present) * (1 - d) ** len(absent)
                total += joint - p1 * p1
            var[v, column] = total
    return mean, var


@pytest.fixture(scope="module")
def strike(reference_dir):
    return read_pajek(reference_dir / "strike.net")


@pytest.fixture(scope="module")
def strike_groups(reference_dir):
    return read_groups(reference_dir / "strikegroups.csv")


def random_case(seed: int, directed: bool, n: int = 12, k: int = 3, missing: bool = False):
    rng = np.random.default_rng(seed)
    G = nx.gnp_random_graph(n, float(rng.uniform(0.15, 0.5)), seed=seed, directed=directed)
    groups = {v: f"g{rng.integers(k)}" for v in G}
    if missing:
        for v in rng.choice(n, size=2, replace=False):
            groups.pop(int(v))
    return G, groups


# --------------------------------------------------------------------------
# published figures
# --------------------------------------------------------------------------
def test_strike_per_actor_equals_sna(strike, strike_groups, reference_dir):
    published = pd.read_csv(reference_dir / "strike_brokerage_expected_sna_raw_nli.csv", index_col=0)
    published.columns = COLUMNS  # w_I_coordinator, w_O_itinerant, b_IO_..., b_OI_..., b_O_..., t_total
    result = brokerage(strike, strike_groups, counting="paths")
    assert result.columns.tolist() == COLUMNS
    assert set(result.index) == set(published.index)
    for actor in published.index:
        assert result.loc[actor].tolist() == pytest.approx(published.loc[actor].tolist()), actor


def test_strike_column_totals(strike, strike_groups):
    totals = brokerage(strike, strike_groups, counting="paths").sum()
    assert totals.tolist() == pytest.approx([92, 0, 21, 21, 2, 136])


def test_cograph_directed_example():
    rows = {"A": "0110", "B": "0011", "C": "0001", "D": "1000"}
    D = nx.DiGraph()
    D.add_nodes_from(rows)
    D.add_edges_from((a, b) for a, row in rows.items() for b, x in zip("ABCD", row, strict=True) if x == "1")
    result = brokerage(D, {"A": 1, "B": 1, "C": 2, "D": 2}, counting="paths")
    expected = {"A": [0, 1, 0, 1, 0], "B": [0, 0, 1, 0, 0], "C": [0, 0, 0, 1, 0], "D": [0, 1, 1, 0, 0]}
    for node, values in expected.items():
        assert result.loc[node, list(BROKERAGE_ROLES)].tolist() == values, node
        assert result.loc[node, "total"] == sum(values)


# --------------------------------------------------------------------------
# against the brute force
# --------------------------------------------------------------------------
@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("seed", range(8))
def test_equals_brute_force_on_random_graphs(seed, directed):
    G, groups = random_case(seed, directed, k=2 + seed % 3, missing=seed % 2 == 1)
    result = brokerage(G, groups, counting="paths")
    expected = brute_brokerage(G, groups)
    assert (result.to_numpy() == expected.loc[result.index].to_numpy()).all()


def test_equals_brute_force_with_mutual_ties_and_small_blocks(monkeypatch):
    monkeypatch.setattr(brokerage_module, "_CHUNK", 3)  # many blocks of closed paths
    G = nx.gnp_random_graph(15, 0.4, seed=3, directed=True)
    G.add_edges_from([(v, u) for u, v in list(G.edges())[::2]])  # many reciprocated arcs
    groups = {v: v % 3 for v in G}
    assert (brokerage(G, groups, counting="paths").to_numpy() == brute_brokerage(G, groups).to_numpy()).all()


def test_undirected_counts_each_path_both_ways():
    G, groups = random_case(5, directed=False, n=20, k=3)
    result = brokerage(G, groups, counting="paths")
    assert (result["representative"] == result["gatekeeper"]).all()
    for role in ("coordinator", "itinerant", "liaison"):
        assert (result[role] % 2 == 0).all()
    D = G.to_directed()
    assert (brokerage(D, groups, counting="paths").to_numpy() == result.to_numpy()).all()


def test_reverse_arc_does_not_close_a_directed_path():
    D = nx.DiGraph([("a", "v"), ("v", "b"), ("b", "a")])
    result = brokerage(D, {"a": 1, "v": 1, "b": 1}, counting="paths")
    assert result.loc["v", "coordinator"] == 1
    D.add_edge("a", "b")
    assert brokerage(D, {"a": 1, "v": 1, "b": 1}, counting="paths").loc["v", "coordinator"] == 0


def test_hand_checked_roles():
    # the five patterns, each with broker v
    cases = {
        "coordinator": (1, 1, 1),
        "itinerant": (2, 1, 2),
        "representative": (1, 1, 2),
        "gatekeeper": (2, 1, 1),
        "liaison": (2, 1, 3),
    }
    for role, (ga, gv, gb) in cases.items():
        D = nx.DiGraph([("a", "v"), ("v", "b")])
        result = brokerage(D, {"a": ga, "v": gv, "b": gb}, counting="paths")
        assert result.loc["v", role] == 1 and result.loc["v", "total"] == 1, role


def test_missing_values_form_their_own_group():
    D = nx.DiGraph([("a", "v"), ("v", "b")])
    D.nodes["a"]["g"] = None
    D.nodes["v"]["g"] = "x"
    D.nodes["b"]["g"] = float("nan")
    assert brokerage(D, "g", counting="paths").loc["v", "itinerant"] == 1  # missing -> x -> missing
    D.nodes["v"]["g"] = ""
    assert brokerage(D, "g", counting="paths").loc["v", "coordinator"] == 1


def test_multigraph_and_self_loops():
    M = nx.MultiGraph([("a", "v"), ("a", "v"), ("v", "b"), ("v", "v")])
    result = brokerage(M, {"a": 1, "v": 1, "b": 1}, counting="paths")
    assert result.loc["v", "coordinator"] == 2  # a-v-b both ways, parallel ties once


def test_empty_and_tiny_graphs():
    for G in (nx.Graph(), nx.DiGraph()):
        assert brokerage(G, "g", counting="paths").empty
        assert list(brokerage(G, "g", counting="paths").columns) == COLUMNS
        assert brokerage_expected(G, "g", counting="paths").empty and brokerage_z(G, "g", counting="paths").empty and brokerage_sd(G, "g", counting="paths").empty
    G = nx.Graph()
    G.add_node("a", g=1)
    assert brokerage(G, "g", counting="paths").loc["a"].tolist() == [0] * 6
    assert brokerage_expected(G, "g", counting="paths").isna().all(axis=None)


def test_result_types_and_index():
    G, groups = random_case(1, directed=True)
    result = brokerage(G, groups, counting="paths")
    assert result.index.name == "node"
    assert result.dtypes.eq("int64").all()
    assert (result["total"] == result[list(BROKERAGE_ROLES)].sum(axis=1)).all()


# --------------------------------------------------------------------------
# expectations, standard deviations and z-scores
# --------------------------------------------------------------------------
@pytest.mark.parametrize("directed", [True, False])
def test_moments_equal_exact_enumeration(directed):
    group = ["a", "a", "a", "a", "b", "b", "b", "c", "c", "d"]
    G = nx.gnp_random_graph(len(group), 0.3, seed=2, directed=directed)
    groups = dict(enumerate(group))
    n = len(group)
    d = len(arcs_of(G)) / (n * (n - 1))
    mean, var = enumerated_moments(group, d)
    assert brokerage_expected(G, groups, counting="paths").to_numpy() == pytest.approx(mean, abs=1e-12)
    assert brokerage_sd(G, groups, counting="paths").to_numpy() == pytest.approx(np.sqrt(var), abs=1e-12)


def test_moments_agree_with_simulated_random_digraphs():
    group = np.array([0, 0, 0, 1, 1, 2, 2])
    n = len(group)
    G = nx.gnp_random_graph(n, 0.35, seed=4, directed=True)
    d = G.number_of_edges() / (n * (n - 1))
    rng = np.random.default_rng(12345)
    sims = 20_000
    A = rng.random((sims, n, n)) < d
    A[:, np.arange(n), np.arange(n)] = False
    # open[s, a, v, b]: a -> v -> b without a -> b, a != b
    open_paths = A[:, :, :, None] & A[:, None, :, :] & ~A[:, :, None, :]
    distinct = np.ones((n, n, n), dtype=bool)
    idx = np.arange(n)
    distinct[idx, :, idx] = False
    distinct[idx, idx, :] = False
    distinct[:, idx, idx] = False
    roles = np.array([[[role_of(group[a], group[v], group[b]) for b in range(n)] for v in range(n)] for a in range(n)])
    counts = np.stack(
        [((open_paths & distinct & (roles == r)).sum(axis=(1, 3))) for r in range(5)], axis=-1
    )  # sims x v x role
    counts = np.concatenate([counts, counts.sum(axis=-1, keepdims=True)], axis=-1)
    expected = brokerage_expected(G, dict(enumerate(group))).to_numpy()
    sd = brokerage_sd(G, dict(enumerate(group))).to_numpy()
    standard_error = sd / math.sqrt(sims)
    assert np.all(np.abs(counts.mean(axis=0) - expected) <= 5 * standard_error + 1e-12)
    assert counts.std(axis=0) == pytest.approx(sd, rel=0.05, abs=1e-12)


def test_strike_expectations_use_group_sizes_and_density(strike, strike_groups):
    expected = brokerage_expected(strike, strike_groups, counting="paths")
    n, m = 24, 2 * 38
    d = m / (n * (n - 1))
    p = d**2 * (1 - d)
    sizes = pd.Series(strike_groups).value_counts()
    # Bob is in group 2 (9 members): coordinator p (n_i - 1)(n_i - 2)
    n_bob = sizes[strike_groups["Bob"]]
    assert expected.loc["Bob", "coordinator"] == pytest.approx(p * (n_bob - 1) * (n_bob - 2))
    assert expected.loc["Bob", "total"] == pytest.approx(p * (n - 1) * (n - 2))
    assert expected.loc["Bob", "representative"] == expected.loc["Bob", "gatekeeper"]
    # the five roles split all pairs of other actors
    assert expected[list(BROKERAGE_ROLES)].sum(axis=1).to_numpy() == pytest.approx(expected["total"].to_numpy())


def test_z_scores(strike, strike_groups):
    raw = brokerage(strike, strike_groups, counting="paths").astype(float)
    expected = brokerage_expected(strike, strike_groups, counting="paths")
    sd = brokerage_sd(strike, strike_groups, counting="paths")
    z = brokerage_z(strike, strike_groups, counting="paths")
    assert z.to_numpy() == pytest.approx(((raw - expected) / sd).to_numpy(), nan_ok=True)
    assert z.loc["Norm", "coordinator"] > 2  # Norm coordinates far above chance


def test_z_is_nan_where_a_role_is_impossible():
    D = nx.DiGraph([("a", "v"), ("v", "b"), ("b", "c")])
    z = brokerage_z(D, {"a": 1, "v": 2, "b": 1, "c": 3}, counting="paths")
    # groups of one or two cannot hold a coordinator: sd = 0
    assert z["coordinator"].isna().all()
    assert not z["total"].isna().any()


# --------------------------------------------------------------------------
# errors
# --------------------------------------------------------------------------
def test_unknown_attribute():
    G = nx.path_graph(3)
    nx.set_node_attributes(G, "gov", "type")
    for function in (brokerage, brokerage_expected, brokerage_sd, brokerage_z):
        message = r"No node has the attribute 'sector'\. Node attributes present: \['type'\]\."
        with pytest.raises(ValueError, match=message):
            function(G, "sector")


def test_multi_valued_attribute_is_refused():
    G = nx.path_graph(3)
    nx.set_node_attributes(G, {0: "a", 1: ["a", "b"], 2: "b"}, "domains")
    message = r"Brokerage needs one group per actor, but node 1 has several values \['a', 'b'\] in 'domains'"
    with pytest.raises(TypeError, match=message):
        brokerage(G, "domains", counting="paths")


def test_unhashable_value_is_refused():
    G = nx.path_graph(2)
    nx.set_node_attributes(G, {0: {"x": 1}, 1: "a"}, "g")
    with pytest.raises(TypeError, match=r"The value of 'g' for node 0 cannot be a group label: \{'x': 1\}\."):
        brokerage(G, "g", counting="paths")


def test_not_a_graph():
    with pytest.raises(TypeError, match=r"'G' must be a networkx Graph or DiGraph, got ndarray\."):
        brokerage(np.eye(3), "g")


def test_docstring_examples():
    result = doctest.testmod(brokerage_module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0 and result.attempted > 0


# --------------------------------------------------------------------------
# unordered pairs on undirected networks (the default there)
# --------------------------------------------------------------------------
PAIR_COLUMNS = ["coordinator", "itinerant", "boundary_spanner", "liaison", "total"]


def pair_role(ga, gv, gb) -> int:
    """Index in PAIR_COLUMNS of the unordered pair {a, b} linked by v."""
    if ga == gv == gb:
        return 0
    if ga == gb:
        return 1
    if ga == gv or gb == gv:
        return 2
    return 3


def brute_pairs(G, groups: dict) -> np.ndarray:
    out = np.zeros((len(G), 5), dtype=int)
    for i, v in enumerate(G):
        for a, b in itertools.combinations([x for x in G[v] if x != v], 2):
            if not G.has_edge(a, b):
                out[i, pair_role(groups.get(a, MISSING), groups.get(v, MISSING), groups.get(b, MISSING))] += 1
    out[:, 4] = out[:, :4].sum(axis=1)
    return out


@pytest.mark.parametrize("seed", range(6))
def test_pairs_equal_brute_force_on_undirected_graphs(seed):
    G, groups = random_case(seed, directed=False)
    result = brokerage(G, groups)
    assert list(result.columns) == PAIR_COLUMNS
    assert result.attrs["counting"] == "pairs"
    assert (result.to_numpy() == brute_pairs(G, groups)).all()


def test_pairs_are_half_the_paths_and_one_spanner_role(strike, strike_groups):
    pairs = brokerage(strike, strike_groups)
    paths = brokerage(strike, strike_groups, counting="paths")
    assert (2 * pairs["coordinator"] == paths["coordinator"]).all()
    assert (pairs["boundary_spanner"] == paths["representative"]).all()
    assert (paths["representative"] == paths["gatekeeper"]).all()


def test_directed_graph_keeps_ordered_paths():
    D = nx.gnp_random_graph(8, 0.4, seed=1, directed=True)
    groups = {v: v % 3 for v in D}
    assert brokerage(D, groups).attrs["counting"] == "paths"
    assert (brokerage(D, groups).to_numpy() == brokerage(D, groups, counting="paths").to_numpy()).all()


def test_counting_must_be_known():
    with pytest.raises(ValueError, match="'counting' must be one of"):
        brokerage(nx.path_graph(3), {0: 1, 1: 1, 2: 2}, counting="ordered")


def enumerated_pair_moments(group: list, d: float):
    """Mean and variance per broker and pair role in a Bernoulli(d) undirected graph,
    by summing E[X_P X_Q] - E[X_P] E[X_Q] over every two pairs (no closed form)."""
    n = len(group)
    mean = np.zeros((n, 5))
    var = np.zeros((n, 5))
    p1 = d**2 * (1 - d)
    for v in range(n):
        pairs = [(a, b) for a, b in itertools.combinations(range(n), 2) if v not in (a, b)]
        roles = [pair_role(group[a], group[v], group[b]) for a, b in pairs]
        for column in range(5):
            chosen = [p for p, r in zip(pairs, roles, strict=True) if column == 4 or r == column]
            mean[v, column] = p1 * len(chosen)
            total = 0.0
            for (a, b), (c, e) in itertools.product(chosen, repeat=2):
                present = {frozenset(x) for x in [(a, v), (v, b), (c, v), (v, e)]}
                absent = {frozenset((a, b)), frozenset((c, e))}
                joint = 0.0 if present & absent else d ** len(present) * (1 - d) ** len(absent)
                total += joint - p1 * p1
            var[v, column] = total
    return mean, var


def test_pair_moments_equal_exact_enumeration():
    group = ["a", "a", "a", "a", "b", "b", "b", "c", "c", "d"]
    G = nx.gnp_random_graph(len(group), 0.3, seed=2)
    groups = dict(enumerate(group))
    n = len(group)
    d = G.number_of_edges() / (n * (n - 1) / 2)
    mean, var = enumerated_pair_moments(group, d)
    assert brokerage_expected(G, groups).to_numpy() == pytest.approx(mean, abs=1e-12)
    assert brokerage_sd(G, groups).to_numpy() == pytest.approx(np.sqrt(var), abs=1e-12)
    z = brokerage_z(G, groups)
    raw = brokerage(G, groups).to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        want = np.where(var > 0, (raw - mean) / np.sqrt(np.where(var > 0, var, 1)), np.nan)
    assert z.to_numpy() == pytest.approx(want, nan_ok=True)
