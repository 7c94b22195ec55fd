"""E-I index, mixing, crossing share and Blau index against published figures."""

from __future__ import annotations

import doctest
import importlib
import math

import networkx as nx
import pandas as pd
import pytest

from opgavelab.metrics import (
    blau_index,
    crossing_share,
    ei_index,
    ei_index_by_actor,
    ei_index_by_group,
    mixing_matrix,
)

from ._reference import read_network

boundaries_module = importlib.import_module("opgavelab.metrics.boundaries")


@pytest.fixture(scope="module")
def kinship(reference_dir):
    return read_network(reference_dir / "netseg_WhiteKinship-edb.csv", reference_dir / "netseg_WhiteKinship-vdb.csv")


@pytest.fixture(scope="module")
def classroom(reference_dir):
    return read_network(
        reference_dir / "netseg_classroom-edb.csv", reference_dir / "netseg_classroom-vdb.csv", directed=True
    )


@pytest.fixture(scope="module")
def jemaah(reference_dir):
    return read_network(
        reference_dir / "jemaah_islamiyah_koschade_edges.csv", reference_dir / "jemaah_islamiyah_koschade_roles.csv"
    )


@pytest.fixture(scope="module")
def campnet(reference_dir):
    return read_network(reference_dir / "campnet_arcs.csv", reference_dir / "campnet_attr.csv", directed=True)


def external_internal(G, attr, mutual=False):
    """E and I read off the mixing matrix / group table (not from ei_index)."""
    if mutual:
        by_group = ei_index_by_group(G, attr, mutual=True)
        internal = int(by_group["I"].sum())
        return int(by_group["E"].sum()) // 2, internal
    M = mixing_matrix(G, attr)
    diagonal = sum(M.iat[i, i] for i in range(len(M)))
    total = int(M.to_numpy().sum()) if G.is_directed() else int(M.to_numpy().sum() + diagonal) // 2
    return total - diagonal, diagonal


# --------------------------------------------------------------------------
# published figures
# --------------------------------------------------------------------------
def test_white_kinship_gender(kinship):
    assert kinship.number_of_nodes() == 10 and kinship.number_of_edges() == 22
    assert ei_index(kinship, "gender") == pytest.approx(-0.1818182, abs=1e-7)
    assert external_internal(kinship, "gender") == (9, 13)
    assert crossing_share(kinship, "gender") == pytest.approx(9 / 22)


def test_classroom_directed_and_mutual(classroom):
    assert classroom.number_of_nodes() == 26
    assert ei_index(classroom, "gender") == pytest.approx(-0.8409091, abs=1e-7)
    assert ei_index(classroom, "gender", mutual=True) == pytest.approx(-0.9090909, abs=1e-7)


def test_jemaah_islamiyah_role(jemaah):
    assert jemaah.number_of_nodes() == 17 and jemaah.number_of_edges() == 63
    assert ei_index(jemaah, "role") == pytest.approx(0.3650794, abs=1e-7)
    assert external_internal(jemaah, "role") == (43, 20)
    by_group = ei_index_by_group(jemaah, "role")
    assert by_group["I"].sum() == 20
    assert by_group["E"].sum() == 2 * 43  # each external tie counts for both groups
    assert by_group["n_actors"].sum() == 17


JEMAAH_PER_ACTOR = {
    "MUKLAS": 0.5556,
    "AMROZI": 0.5,
    "IMRON": 1,
    "SAMUDRA": 0.7333,
    "DULMATIN": 0.1111,
    "IDRIS": 0.6,
    "MUBAROK": 0.3333,
    "AZAHARI": 0.1111,
    "GHONI": 0.1111,
    "ARNASAN": 1,
    "RAUF": -0.2,
    "OCTAVIA": -0.2,
    "HIDAYAT": -0.2,
    "JUNAEDI": -0.2,
    "PATEK": 0.1111,
    "FERI": 1,
    "SARIJO": 0.1111,
}


def test_jemaah_islamiyah_per_actor(jemaah):
    per_actor = ei_index_by_actor(jemaah, "role")
    assert set(per_actor.index) == set(JEMAAH_PER_ACTOR)
    for actor, value in JEMAAH_PER_ACTOR.items():
        assert per_actor[actor] == pytest.approx(value, abs=5e-5), actor


def test_campnet_gender_directed(campnet):
    assert ei_index(campnet, "gender") == pytest.approx(-0.667, abs=5e-4)
    assert external_internal(campnet, "gender") == (9, 45)


def test_blau_ring():
    ring = nx.cycle_graph(6)
    nx.set_node_attributes(ring, dict(enumerate("aabbcc")), "group")
    assert blau_index(ring, attr="group") == pytest.approx(0.667, abs=5e-4)
    assert blau_index(list("aabbcc")) == pytest.approx(2 / 3)


# --------------------------------------------------------------------------
# hand-checked cases
# --------------------------------------------------------------------------
@pytest.fixture
def path4():
    G = nx.path_graph(["a", "b", "c", "d"])
    nx.set_node_attributes(G, {"a": "gov", "b": "gov", "c": "firm", "d": "firm"}, "type")
    return G


def test_path(path4):
    assert ei_index(path4, "type") == pytest.approx(-1 / 3)
    assert crossing_share(path4, "type") == pytest.approx(1 / 3)
    assert ei_index_by_actor(path4, "type").tolist() == [-1.0, 0.0, 0.0, -1.0]
    table = ei_index_by_group(path4, "type")
    assert table.index.tolist() == ["firm", "gov"]
    assert table.loc["gov"].tolist() == [2, 1, 1, 0.0]


def test_all_internal_and_all_external():
    G = nx.complete_bipartite_graph(2, 2)
    nx.set_node_attributes(G, {0: "x", 1: "x", 2: "y", 3: "y"}, "side")
    assert ei_index(G, "side") == 1.0
    nx.set_node_attributes(G, "same", "side")
    assert ei_index(G, "side") == -1.0


def test_missing_values_are_skipped_and_isolates_are_nan():
    G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d")])
    G.add_node("e", type="gov")  # isolate
    nx.set_node_attributes(G, {"a": "gov", "b": "firm", "d": "firm"}, "type")
    G.nodes["c"]["type"] = float("nan")
    # only a-b counts: external
    assert ei_index(G, "type") == 1.0
    per_actor = ei_index_by_actor(G, "type")
    assert per_actor["a"] == 1.0 and per_actor["b"] == 1.0
    assert math.isnan(per_actor["c"]) and math.isnan(per_actor["d"]) and math.isnan(per_actor["e"])
    table = ei_index_by_group(G, "type")
    assert table.loc["gov", "n_actors"] == 2 and table.loc["firm", "n_actors"] == 2
    for missing in (None, "", " ", [], float("nan")):
        G.nodes["c"]["type"] = missing
        assert ei_index(G, "type") == 1.0


def test_no_usable_tie_gives_nan():
    G = nx.Graph([(0, 1)])
    G.nodes[0]["type"] = "gov"
    assert math.isnan(ei_index(G, "type"))
    assert math.isnan(crossing_share(G, "type"))
    assert math.isnan(ei_index(nx.Graph(), "type"))


def test_multi_valued_attribute_shares_one_value():
    G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d")])
    nx.set_node_attributes(
        G, {"a": ["wonen", "zorg"], "b": ("zorg",), "c": {"energie", "wonen"}, "d": "energie"}, "domains"
    )
    # a-b share zorg: internal; b-c share nothing: external; c-d share energie: internal
    assert ei_index(G, "domains") == pytest.approx(-1 / 3)
    M = mixing_matrix(G, "domains")
    assert M.index.tolist() == ["energie", "wonen", "zorg"]
    assert M.loc["zorg", "zorg"] == 1  # a-b
    assert M.loc["wonen", "zorg"] == 2  # a-b (wonen of a) and b-c (wonen of c)
    assert M.loc["energie", "energie"] == 1
    table = ei_index_by_group(G, "domains")
    assert table.loc["zorg"].tolist()[:3] == [2, 1, 1]  # a-b inside, b-c leaves
    assert table.loc["wonen"].tolist()[:3] == [2, 3, 0]  # a-b, b-c and c-d all leave wonen
    assert blau_index([["wonen", "zorg"], "zorg"]) == pytest.approx(1 - (1 / 9 + 4 / 9))


def test_directed_arcs_and_mutual():
    D = nx.DiGraph([("a", "b"), ("b", "a"), ("a", "c"), ("c", "d"), ("d", "c")])
    nx.set_node_attributes(D, {"a": 1, "b": 1, "c": 2, "d": 2}, "g")
    # arcs: a->b, b->a, c->d, d->c internal; a->c external
    assert ei_index(D, "g") == pytest.approx((1 - 4) / 5)
    # mutual pairs a<->b and c<->d, each counted once, both internal
    assert ei_index(D, "g", mutual=True) == -1.0
    M = mixing_matrix(D, "g")
    assert M.index.name == "from" and M.columns.name == "to"
    assert M.loc[1, 2] == 1 and M.loc[2, 1] == 0
    assert M.loc[1, 1] == 2 and M.loc[2, 2] == 2
    per_actor = ei_index_by_actor(D, "g")
    assert per_actor["a"] == pytest.approx((1 - 2) / 3)  # sent a->b, a->c, received b->a
    assert ei_index_by_actor(D, "g", mutual=True)["a"] == -1.0
    # mutual has no effect on an undirected graph
    U = nx.Graph(D.to_undirected())
    assert ei_index(U, "g", mutual=True) == ei_index(U, "g")


def test_undirected_mixing_matrix_is_symmetric(jemaah):
    M = mixing_matrix(jemaah, "role")
    assert (M.to_numpy() == M.to_numpy().T).all()
    upper = sum(M.iat[i, j] for i in range(len(M)) for j in range(i, len(M)))
    assert upper == 63
    assert M.dtypes.eq("int64").all()


def test_self_loops_and_parallel_ties_are_ignored():
    M = nx.MultiGraph([("a", "b"), ("a", "b"), ("b", "b")])
    nx.set_node_attributes(M, {"a": 1, "b": 2}, "g")
    assert ei_index(M, "g") == 1.0
    assert mixing_matrix(M, "g").loc[1, 2] == 1


def test_attribute_as_mapping_or_series(path4):
    mapping = {"a": "gov", "b": "gov", "c": "firm", "d": "firm"}
    bare = nx.path_graph(["a", "b", "c", "d"])
    assert ei_index(bare, mapping) == ei_index(path4, "type")
    assert ei_index(bare, pd.Series(mapping)) == ei_index(path4, "type")
    assert ei_index_by_group(bare, mapping).index.name == "group"
    assert ei_index(bare, {"a": "gov", "b": "firm"}) == 1.0  # c, d missing


def test_blau_index_inputs():
    assert blau_index(["x"] * 4) == 0.0
    assert blau_index(["x", "y", None, float("nan"), ""]) == pytest.approx(0.5)
    assert math.isnan(blau_index([]))
    assert math.isnan(blau_index([None, None]))
    assert blau_index(pd.Series(["x", "y", "y", "y"])) == pytest.approx(1 - (1 / 16 + 9 / 16))
    assert blau_index({"a": "x", "b": "y"}) == pytest.approx(0.5)  # values, not keys
    assert blau_index(iter("abcd")) == pytest.approx(0.75)


# --------------------------------------------------------------------------
# errors
# --------------------------------------------------------------------------
def test_unknown_attribute(path4):
    with pytest.raises(ValueError, match=r"No node has the attribute 'gender'\. Node attributes present: \['type'\]\."):
        ei_index(path4, "gender")
    for function in (ei_index_by_group, ei_index_by_actor, crossing_share, mixing_matrix):
        with pytest.raises(ValueError, match="No node has the attribute 'gender'"):
            function(path4, "gender")
    with pytest.raises(ValueError, match="No node has the attribute 'gender'"):
        blau_index(path4, attr="gender")


def test_attribute_of_the_wrong_type(path4):
    message = r"'attr' must be the name of a node attribute or a mapping from node to value, got list\."
    with pytest.raises(TypeError, match=message):
        ei_index(path4, ["type"])


def test_mapping_without_any_node(path4):
    message = (
        r"None of the nodes is a key of the mapping given as 'attr' "
        r"\(for example node 'a' of type str, key 1 of type int\)\. Use the node ids as keys\."
    )
    with pytest.raises(ValueError, match=message):
        ei_index(path4, {1: "gov", 2: "firm"})


def test_mutual_must_be_bool(path4):
    with pytest.raises(TypeError, match=r"'mutual' must be True or False, got 'yes'\."):
        ei_index(path4, "type", mutual="yes")


def test_blau_of_a_graph_needs_attr(path4):
    with pytest.raises(TypeError, match=r"'attr' is needed when 'values' is a graph"):
        blau_index(path4)


def test_not_a_graph():
    with pytest.raises(TypeError, match=r"'G' must be a networkx Graph or DiGraph, got DataFrame\."):
        ei_index(pd.DataFrame(), "type")


def test_docstring_examples():
    result = doctest.testmod(boundaries_module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0 and result.attempted > 0


# --------------------------------------------------------------------------
# expected E-I under random mixing and the permutation test
# --------------------------------------------------------------------------
def all_relabellings(G, groups: dict):
    """E-I of the network and per group for every distinct assignment of the labels (exact null)."""
    import itertools as it

    from opgavelab.metrics import ei_index as _ei_index

    nodes = list(groups)
    seen = set()
    for perm in it.permutations([groups[v] for v in nodes]):
        if perm in seen:
            continue
        seen.add(perm)
        mapping = dict(zip(nodes, perm, strict=True))
        yield _ei_index(G, mapping), ei_index_by_group(G, mapping)["ei"]


def test_expected_ei_is_the_mean_over_every_relabelling():
    from opgavelab.metrics import ei_expected

    G = nx.gnp_random_graph(7, 0.45, seed=3)
    groups = dict(zip(G, ["a", "a", "a", "a", "b", "b", "c"], strict=True))
    values = [net for net, _ in all_relabellings(G, groups)]
    assert ei_expected(G, groups) == pytest.approx(sum(values) / len(values))
    # by hand: 6 + 1 internal pairs of 21
    assert ei_expected(G, groups) == pytest.approx((14 - 7) / 21)


def test_ei_test_p_values_match_the_exact_permutation_distribution():
    from opgavelab.metrics import ei_test

    G = nx.gnp_random_graph(7, 0.45, seed=3)
    groups = dict(zip(G, ["a", "a", "a", "a", "b", "b", "c"], strict=True))
    exact = [net for net, _ in all_relabellings(G, groups)]
    table = ei_test(G, groups, n_permutations=4000, seed=5)
    net = table.iloc[0]
    assert net["level"] == "network" and net["ei"] == pytest.approx(ei_index(G, groups))
    share_less = sum(v <= net["ei"] + 1e-12 for v in exact) / len(exact)
    share_greater = sum(v >= net["ei"] - 1e-12 for v in exact) / len(exact)
    assert net["p_less"] == pytest.approx(share_less, abs=0.03)
    assert net["p_greater"] == pytest.approx(share_greater, abs=0.03)
    assert net["perm_mean"] == pytest.approx(net["expected"], abs=0.03)
    assert table.attrs == {"n_permutations": 4000, "seed": 5}
    # the same seed gives the same p
    assert ei_test(G, groups, n_permutations=200, seed=1)["p"].equals(ei_test(G, groups, n_permutations=200, seed=1)["p"])


def test_ei_test_group_rows_equal_ei_index_by_group(jemaah):
    from opgavelab.metrics import ei_test

    table = ei_test(jemaah, "role", n_permutations=50)
    groups = table[table["level"] == "group"].set_index("group")
    by_group = ei_index_by_group(jemaah, "role")
    assert groups["ei"].to_numpy() == pytest.approx(by_group["ei"].to_numpy(), nan_ok=True)
    assert (groups["E"].to_numpy() == by_group["E"].to_numpy()).all()
    # expected per group: C(m, 2) internal against m (n - m) external pairs
    n = int(table.iloc[0]["n_actors"])
    m = groups["n_actors"].astype(float)
    want = (m * (n - m) - m * (m - 1) / 2) / (m * (n - m) + m * (m - 1) / 2)
    assert groups["expected"].to_numpy() == pytest.approx(want.to_numpy())
    assert table.iloc[0]["ei"] == pytest.approx(0.3650794, abs=1e-6)  # the published figure


def test_ei_expected_on_kinship_by_hand(kinship):
    from opgavelab.metrics import ei_expected

    genders = pd.Series(dict(kinship.nodes(data="gender")))
    sizes = genders.value_counts()
    n = len(genders)
    internal = sum(s * (s - 1) / 2 for s in sizes)
    total = n * (n - 1) / 2
    assert ei_expected(kinship, "gender") == pytest.approx((total - 2 * internal) / total)


def test_ei_test_rejects_a_negative_number_of_permutations():
    from opgavelab.metrics import ei_test

    with pytest.raises(ValueError, match="'n_permutations' must be a whole number"):
        ei_test(nx.path_graph(3), {0: 1, 1: 1, 2: 2}, n_permutations=-1)


def test_ei_test_without_groups_tests_only_the_network():
    from opgavelab.metrics import ei_test

    G = nx.gnp_random_graph(7, 0.45, seed=3)
    groups = dict(zip(G, ["a", "a", "a", "a", "b", "b", "c"], strict=True))
    full = ei_test(G, groups, n_permutations=300, seed=2)
    net_only = ei_test(G, groups, n_permutations=300, seed=2, groups=False)
    pd.testing.assert_series_equal(net_only.iloc[0], full.iloc[0])
    group_rows = net_only[net_only["level"] == "group"]
    assert len(group_rows) == 3 and group_rows["ei"].notna().all()
    assert group_rows[["perm_mean", "p_less", "p_greater", "p"]].isna().all().all()
