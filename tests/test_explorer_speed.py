"""The explorer's quicker paths give what the plain ones give (issue 21): the same graphs, data and numbers.

- the snapshots of an opgave built in one pass equal ``opgave_graph`` date by date (nodes, edges,
  attributes and their order);
- the formation data chosen for a filter equals ``formation_data`` computed afresh for it;
- the key figures equal those of ``metrics.cohesion``;
- the filtered graph holds the actors and ties the filters let through.

The case is random but seeded: missing and repeated tie types, ties without an opgave or a date,
directed ties, parallel ties, involvement that ends and starts again.
"""

from __future__ import annotations

import random

import networkx as nx
import pandas as pd
import pytest

import opgavelab
from opgavelab import Explorer
from opgavelab.draw.formation import formation_data, formation_frames
from opgavelab.draw.widget import _FormationChoice
from opgavelab.metrics import cohesion
from opgavelab.metrics.formation import snapshot_dates
from opgavelab.network import _build_opgave_graph, _opgave_snapshots, opgave_graph, reuse_graphs

TYPES = ["overheid", "bedrijf", "kennisinstelling", "maatschappelijke organisatie", "burger"]
TIE_TYPES = ["samenwerking", "financiering", "informatie", "mandaat"]


def _random_case(seed: int) -> opgavelab.Case:
    rng = random.Random(seed)
    ids = [f"a{i:02d}" for i in range(40)]
    actors = pd.DataFrame({"id": ids, "name": [f"Actor {i}" for i in range(40)],
                           "type": [rng.choice(TYPES) for _ in ids]})
    opgaven = pd.DataFrame({"id": ["o1", "o2", "o3"], "name": ["Een", "Twee", "Drie"]})
    inv = []
    for a in ids:
        for o in ("o1", "o2", "o3"):
            if rng.random() < 0.55:
                since = rng.choice([None, 2018, 2019, 2020, 2021, 2022])
                until = rng.choice([None, None, None, 2020, 2022]) if since is None or since < 2020 else None
                inv.append((a, o, since, until))
                if rng.random() < 0.1:  # a second row for the same actor: it ends and starts again
                    inv.append((a, o, 2023, None))
    involvement = pd.DataFrame(inv, columns=["actor", "opgave", "since", "until"])
    ties = []
    for _ in range(260):
        s, t = rng.sample(ids, 2)
        since = rng.choice([None, 2018, 2019, 2020, 2021, 2022, 2023])
        until = rng.choice([None, None, 2021, 2023]) if since is None or since < 2021 else None
        ties.append((s, t, rng.choice([*TIE_TYPES, None]), rng.choice([1, 1, 2, 0.5, 1.25]),
                     rng.choice(["o1", "o2", "o3", None]), rng.random() < 0.2, since, until))
    ties += [(t[1], t[0], *t[2:]) for t in ties[:30]]  # parallel ties, the other way round
    frame = pd.DataFrame(ties, columns=["source", "target", "type", "weight", "opgave", "directed", "since",
                                        "until"])
    return opgavelab.Case.from_frames(actors=actors, opgaven=opgaven, involvement=involvement, ties=frame,
                                      lang="nl")


@pytest.fixture(scope="module", params=[1, 2])
def case(request):
    return _random_case(request.param)


def _same_graph(a: nx.Graph, b: nx.Graph) -> None:
    assert a.graph == b.graph
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(data=True)) == list(b.edges(data=True))
    for (_, _, d), (_, _, e) in zip(a.edges(data=True), b.edges(data=True)):
        assert list(d) == list(e) and [type(x) for x in d.values()] == [type(x) for x in e.values()]


@pytest.mark.parametrize("only_opgave_ties", [False, True])
def test_snapshots_in_one_pass_equal_the_graphs_date_by_date(case, only_opgave_ties):
    for opgave in case.opgaven.index:
        dates = [*snapshot_dates(case, opgave), None, 2019]
        graphs = _opgave_snapshots(case, opgave, dates, only_opgave_ties=only_opgave_ties)
        assert len(graphs) == len(dates) and graphs[-1] is not graphs[1]
        for at, G in zip(dates, graphs):
            _same_graph(G, _build_opgave_graph(case, opgave, opgavelab._dates.snapshot_at(at), only_opgave_ties,
                                               False))


def test_snapshots_fill_the_memo_of_reuse_graphs_and_hand_out_copies(case):
    dates = list(snapshot_dates(case, "o1"))
    with reuse_graphs():
        first = _opgave_snapshots(case, "o1", dates)
        first[0].add_node("new")
        again = opgave_graph(case, "o1", at=dates[0])
        assert "new" not in again
        _same_graph(again, _build_opgave_graph(case, "o1", dates[0], False, False))
    # a directed network is built date by date, as opgave_graph does
    directed = _opgave_snapshots(case, "o1", dates[:2], directed=True)
    for at, G in zip(dates, directed):
        _same_graph(G, opgave_graph(case, "o1", at=at, directed=True))


def test_the_chosen_formation_data_equals_formation_data_computed_for_that_choice(case):
    rng = random.Random(0)
    for opgave in ("o1", "o2"):
        frames = formation_frames(case, opgave, aspect=2.0, labels=12)
        choice = _FormationChoice(case, opgave, "nl", frames)
        actors = sorted({v for f in frames for v in f.scene.nodes.index})
        choices = [(None, None), (actors, TIE_TYPES), ([*actors, "elders"], [*TIE_TYPES, "x"]), ([], None),
                   (None, [])]
        choices += [(rng.sample(actors, rng.randint(1, len(actors))), rng.sample(TIE_TYPES, rng.randint(0, 3)))
                    for _ in range(8)]
        for kept, kinds in choices:
            want = formation_data(case, opgave, lang="nl", frames=frames, actors=kept, tie_types=kinds)
            got = choice.choose(kept, kinds)
            assert got == want and repr(got) == repr(want)  # the same values, in the same order
            got["nodes"].append("changed")
            got["frames"][0]["present"].append("changed")
            assert choice.choose(kept, kinds) == want  # what was handed out is a copy


def test_the_key_figures_equal_cohesion(case):
    from opgavelab.explorer import _key_cohesion

    for opgave in case.opgaven.index:
        for at in (2019, 2024):
            for directed in (False, True):
                G = opgave_graph(case, opgave, at=at, directed=directed)
                G.add_edge(next(iter(G)), next(iter(G)))  # a self-loop is no tie
                mine, theirs = _key_cohesion(G), cohesion(G)
                for key in ("density", "n_weak_components", "largest_component_share"):
                    assert mine[key] == theirs[key] or (pd.isna(mine[key]) and pd.isna(theirs[key]))


def test_a_filter_change_shows_what_the_filters_let_through(case, tmp_path):
    ex = Explorer(case, opgave="o1", export_dir=tmp_path)
    G = ex.scan.graph
    ex.types = TYPES[:3]
    ex.tie_types = ["samenwerking", "informatie"]
    H = ex.shown_graph
    kept = [n for n in G if G.nodes[n]["type"] in TYPES[:3]]
    assert list(H) == kept and all(H.nodes[n] == G.nodes[n] and H.nodes[n] is not G.nodes[n] for n in H)
    want = {frozenset((u, v)) for u, v, types in G.edges(data="types")
            if u in kept and v in kept and (not types or {"samenwerking", "informatie"} & set(types))}
    assert {frozenset(e) for e in H.edges} == want
    assert ex.metrics["n_ties"] == len(want) and ex.last_error is None
    shown = {n["id"] for n in ex._formation_view.data["nodes"]}
    frames = formation_frames(case, "o1", seed=0, aspect=2.0, labels=12)
    assert ex._formation_view.data == formation_data(case, "o1", lang="nl", frames=frames, actors=shown,
                                                     tie_types=ex.tie_types)


def _reference_pack(centres, half, weight, gap, iterations=400):
    """The packing loop as it was before it stopped early (issue 21): every pass, constants each time."""
    import numpy as np

    from opgavelab.draw._frames import _overlaps, _shelves

    c = centres.astype(float).copy()
    k = len(c)
    if k < 2:
        return c
    c += np.column_stack([np.cos(np.arange(k) * 2.399), np.sin(np.arange(k) * 2.399)]) * 1e-4
    for _ in range(iterations):
        d = c[None, :, :] - c[:, None, :]
        need = half[:, None, :] + half[None, :, :] + gap
        over = need - np.abs(d)
        hit = (over[:, :, 0] > 0) & (over[:, :, 1] > 0)
        np.fill_diagonal(hit, False)
        if not hit.any():
            break
        axis = np.where(over[:, :, 0] < over[:, :, 1], 0, 1)
        amount = np.where(axis == 0, over[:, :, 0], over[:, :, 1]) * hit
        sign = np.sign(np.where(axis == 0, d[:, :, 0], d[:, :, 1]))
        sign[sign == 0] = 1
        share_i = weight[None, :] / (weight[:, None] + weight[None, :])
        move = np.zeros_like(c)
        for ax in (0, 1):
            m = amount * (axis == ax) * share_i * 0.55
            move[:, ax] -= (m * sign).sum(axis=1)
        c += move
    return _shelves(half, gap) if _overlaps(c, half, gap) else c


def test_packing_gives_the_same_positions_bit_for_bit_as_every_pass_would():
    import numpy as np

    from opgavelab.draw._frames import GAP, _pack

    rng = np.random.default_rng(21)
    for trial in range(20):
        k = int(rng.integers(2, 8))
        centres = np.zeros((k, 2)) if trial % 4 == 0 else rng.normal(size=(k, 2)) * rng.choice([0.05, 0.5])
        half = np.abs(rng.normal(size=(k, 2))) * 0.2 + 0.05
        weight = rng.integers(1, 20, size=k).astype(float)
        assert _pack(centres, half, weight).tobytes() == _reference_pack(centres, half, weight, GAP).tobytes()
