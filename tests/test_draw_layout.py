"""Layouts: the same picture for the same seed, the opgave in the middle, the compass's rings and sectors."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest

import opgavelab
from opgavelab.draw.layout import (
    EXACT_LIMIT,
    Layout,
    _MeshRepulsion,
    _repulsion_exact,
    compass_layout,
    force_layout,
    opgave_key,
)
from opgavelab.network import opgave_graph


@pytest.fixture(scope="module")
def case():
    return opgavelab.example()


@pytest.fixture(scope="module")
def economie(case):
    return opgave_graph(case, "economie")


def _radius(pos, v):
    x, y = pos[v]
    return math.hypot(x, y)


# -- force layout -----------------------------------------------------------

def test_force_layout_is_the_same_for_the_same_seed(economie):
    assert force_layout(economie, seed=3) == force_layout(economie, seed=3)


def test_force_layout_differs_for_another_seed(economie):
    assert force_layout(economie, seed=1) != force_layout(economie, seed=2)


def test_force_layout_does_not_depend_on_the_order_nodes_were_added(economie):
    shuffled = nx.DiGraph(opgave="economie")
    nodes = list(economie.nodes(data=True))[::-1]
    shuffled.add_nodes_from(nodes)
    shuffled.add_edges_from(list(economie.edges(data=True))[::-1])
    assert force_layout(shuffled, seed=0) == force_layout(economie, seed=0)


def test_force_layout_puts_the_opgave_in_the_centre_and_everyone_within_the_unit_circle(economie):
    pos = force_layout(economie, seed=0)
    assert pos.hub == opgave_key("economie") == ("opgave", "economie")
    assert pos[pos.hub] == (0.0, 0.0)
    radii = [_radius(pos, v) for v in economie]
    assert max(radii) == pytest.approx(1.0)
    # a free circle around the opgave for its name
    assert min(radii) >= 0.14 - 1e-9
    assert set(pos) == set(economie) | {pos.hub}


def test_force_layout_keeps_tied_actors_closer_than_untied_ones(economie):
    pos = force_layout(economie, seed=0)
    U = economie.to_undirected()
    tied = [math.dist(pos[u], pos[v]) for u, v in U.edges]
    nodes = list(U)
    rng = np.random.default_rng(0)
    untied = []
    while len(untied) < 300:
        u, v = rng.choice(len(nodes), 2, replace=False)
        if not U.has_edge(nodes[u], nodes[v]):
            untied.append(math.dist(pos[nodes[u]], pos[nodes[v]]))
    assert np.median(tied) < np.median(untied)


def test_force_layout_without_hub_has_no_opgave_node(economie):
    pos = force_layout(economie, seed=0, hub=False)
    assert pos.hub is None and set(pos) == set(economie)


def test_force_layout_of_an_empty_graph_is_just_the_opgave():
    pos = force_layout(nx.Graph(opgave="o"), seed=0)
    assert dict(pos) == {("opgave", "o"): (0.0, 0.0)}


def test_mesh_repulsion_matches_the_exact_forces():
    # the grid approximation used above EXACT_LIMIT nodes, against the O(n²) sum
    pos = np.random.default_rng(1).random((700, 2))
    k = 1 / math.sqrt(700)
    exact, mesh = _repulsion_exact(pos, k), _MeshRepulsion(700)(pos, k)
    rel = np.linalg.norm(exact - mesh, axis=1) / np.linalg.norm(exact, axis=1)
    assert np.median(rel) < 0.02


@pytest.mark.timeout(120)
def test_force_layout_of_2000_actors_is_deterministic():
    # above EXACT_LIMIT the repulsion runs on a grid; its speed is measured by `make bench`
    G = nx.barabasi_albert_graph(2000, 2, seed=1)
    G.graph["opgave"] = "x"
    assert G.number_of_nodes() > EXACT_LIMIT
    pos = force_layout(G, seed=5)
    assert pos == force_layout(G, seed=5)


def test_force_layout_rejects_a_seed_that_is_not_a_number(economie):
    with pytest.raises(TypeError, match="'seed' must be an integer or None, got 'a'"):
        force_layout(economie, seed="a")


def test_layouts_reject_something_that_is_not_a_graph(case):
    with pytest.raises(TypeError, match="'G' must be a networkx graph"):
        force_layout([1, 2])
    with pytest.raises(TypeError, match="'G' must be a networkx graph"):
        compass_layout({"a": 1}, case)


# -- compass ------------------------------------------------------------------

def test_compass_layout_is_deterministic(economie, case):
    assert compass_layout(economie, case) == compass_layout(economie, case)


def test_compass_puts_each_actor_in_the_ring_of_its_scale_level(economie, case):
    pos = compass_layout(economie, case)
    rings = {r["value"]: r for r in pos.guides["rings"]}
    assert [r["value"] for r in pos.guides["rings"]][:7] == ["buurt", "lokaal", "regionaal", "provinciaal",
                                                             "nationaal", "Europees", "mondiaal"]
    for v, d in economie.nodes(data=True):
        r = _radius(pos, v)
        ring = rings[d["scale"]]
        assert ring["r_inner"] <= r <= ring["r_outer"], (v, d["scale"], r)


def test_compass_puts_each_actor_in_the_sector_of_its_type(economie, case):
    pos = compass_layout(economie, case)
    sectors = {s["value"]: s for s in pos.guides["sectors"]}
    for v, d in economie.nodes(data=True):
        x, y = pos[v]
        a = math.atan2(y, x)
        s = sectors[d["type"]]
        # the angle, shifted into the sector's range
        a = s["start"] + (a - s["start"]) % (2 * math.pi)
        assert s["start"] <= a <= s["end"], (v, d["type"])


def test_compass_draws_empty_rings_and_sectors_too(case):
    G = nx.Graph(opgave="o")
    G.add_node("a", type="overheid", scale="lokaal")
    pos = compass_layout(G, case)
    assert len(pos.guides["rings"]) == 7
    assert len(pos.guides["sectors"]) == 5
    assert pos[("opgave", "o")] == (0.0, 0.0)


def test_compass_gives_missing_values_their_own_ring_and_sector(case):
    G = nx.Graph(opgave="o")
    G.add_node("a", type=None, scale=None)
    G.add_node("b", type="burger", scale="buurt")
    pos = compass_layout(G, case)
    assert pos.guides["rings"][-1]["value"] is None
    assert pos.guides["sectors"][-1]["value"] is None
    assert _radius(pos, "a") > _radius(pos, "b")


@pytest.mark.timeout(120)
def test_compass_places_10000_actors(case):
    G = nx.gnm_random_graph(10_000, 20_000, seed=2)
    types, scales = list(case.labels("actor_type")), list(case.labels("scale"))
    for v in G:
        G.nodes[v].update(type=types[v % 5], scale=scales[v % 7])
    pos = compass_layout(G, case)
    assert len(pos) == 10_001


def test_compass_rejects_an_unknown_sector_rule(economie, case):
    with pytest.raises(ValueError, match=r"'sectors' must be one of \['balanced', 'equal'\], got 'x'\."):
        compass_layout(economie, case, sectors="x")
    with pytest.raises(ValueError, match=r"'rings' must be one of \['balanced', 'equal'\], got 'wide'\."):
        compass_layout(economie, case, rings="wide")


def test_layout_is_a_dict_with_its_kind():
    pos = Layout({"a": (0.0, 1.0)}, kind="custom")
    assert isinstance(pos, dict) and pos.kind == "custom" and "custom" in repr(pos)
    assert pos.array(["a"]).tolist() == [[0.0, 1.0]]


def test_layouts_take_the_opgave_as_an_argument(case):
    G = nx.Graph()
    G.add_node("a", type="overheid", scale="lokaal")
    assert ("opgave", "o9") in force_layout(G, opgave="o9")
    assert ("opgave", "o9") in compass_layout(G, case, opgave="o9")
