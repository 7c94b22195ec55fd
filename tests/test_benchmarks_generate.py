"""The synthetic benchmark cases keep their promises, at a tiny size."""

from __future__ import annotations

import networkx as nx
import pytest

import opgavelab
from benchmarks.generate import BIG, EXPLORER, Spec, generate
from opgavelab.network import actor_graph, opgave_graph

TINY = Spec("T", actors=300, ties=1_800, big_actors=60, big_ties=400, explorer_actors=40)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    root = tmp_path_factory.mktemp("cases")
    return generate(TINY, seed=7, root=root), root


@pytest.fixture(scope="module")
def case(generated):
    meta, _ = generated
    return opgavelab.load(meta["xlsx"])


def test_the_workbook_and_the_csv_folder_load_to_the_same_case_without_warnings(generated, case):
    meta, _ = generated
    from_csv = opgavelab.load(meta["csv"])
    assert len(case.warnings) == 0
    assert len(from_csv.warnings) == 0
    assert (len(case.actors), len(case.ties)) == (meta["n_actors"], meta["n_ties"]) == (300, 1_800)
    assert case.actors.index.tolist() == from_csv.actors.index.tolist()
    assert case.ties["since"].equals(from_csv.ties["since"])  # Dutch day-first dates in the CSV read back alike


def test_every_actor_type_and_scale_level_occurs(case):
    assert set(case.actors["type"].astype(str)) == set(case.vocabulary("actor_type")["value"])
    assert set(case.actors["scale"].astype(str)) == set(case.vocabulary("scale")["value"])


def test_there_are_several_opgaven_with_domains_and_everyone_takes_part(case):
    assert len(case.opgaven) >= 4
    assert {BIG, EXPLORER} <= set(case.opgaven.index)
    assert case.opgaven["domains"].map(len).min() >= 2
    assert set(case.involvement["actor"]) == set(case.actors.index)
    assert case.involvement["aware"].sum() < len(case.involvement)  # some take part without knowing it
    assert case.involvement["role"].nunique() >= 4


def test_ties_are_dated_and_some_have_ended(case):
    ties = case.ties
    assert ties["since"].notna().all()
    assert ties["until"].notna().any()
    assert (ties["until"].dropna() >= ties.loc[ties["until"].notna(), "since"]).all()
    assert ties["since"].dt.year.nunique() >= 10
    assert set(ties["type"].astype(str)) == {"samenwerking", "financiering", "informatie", "mandaat"}
    assert ties["directed"].any() and not ties["directed"].all()


def test_ties_are_clustered_not_uniform_random(case):
    G = actor_graph(case, directed=False)
    density = nx.density(G)
    assert nx.transitivity(G) > 4 * density


def test_the_special_opgaven_have_their_sizes(generated, case):
    meta, _ = generated
    G = opgave_graph(case, BIG, directed=False)
    assert G.number_of_nodes() == TINY.big_actors == meta["big_actors"]
    assert G.number_of_edges() == meta["big_pairs"]
    assert TINY.big_ties <= meta["big_pairs"] <= 1.3 * TINY.big_ties
    assert opgave_graph(case, EXPLORER).number_of_nodes() == TINY.explorer_actors


def test_the_collective_forms_over_time(case):
    from opgavelab.metrics.formation import formation

    f = formation(case, BIG, dates=list(range(2005, 2025)))
    assert f["n_actors"].iloc[0] < f["n_actors"].iloc[-1]
    assert f["n_ties"].iloc[0] < f["n_ties"].iloc[-1]


def test_generation_is_deterministic_and_cached(generated, tmp_path):
    meta, root = generated
    again = generate(TINY, seed=7, root=root)
    assert again == meta  # from the cache
    fresh = generate(TINY, seed=7, root=tmp_path)
    for name in ("actoren", "opgaven", "betrokkenheid", "relaties"):
        a = (root / "T-s7" / "csv" / f"{name}.csv").read_bytes()
        b = (tmp_path / "T-s7" / "csv" / f"{name}.csv").read_bytes()
        assert a == b, name
    assert fresh["n_ties"] == meta["n_ties"]


def test_loading_with_a_progress_bar_gives_the_same_case(generated, case, capsys):
    meta, _ = generated
    shown = opgavelab.load(meta["xlsx"], progress=True)
    assert shown.ties.equals(case.ties)
    assert "stap" in capsys.readouterr().err
