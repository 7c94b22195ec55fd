"""What-if scenarios: the comparison is true, the case is never changed, undo gives the original."""

from __future__ import annotations

import copy

import networkx as nx
import pandas as pd
import pytest

import opgavelab
from opgavelab.metrics.keyplayers import distance_fragmentation


@pytest.fixture(scope="module")
def example():
    return opgavelab.example()


def _assert_case_equal(a, b):
    """A deep comparison: every table with dtypes, every cell (lists of domains too), every attribute."""
    assert set(vars(a)) == set(vars(b))
    for attr in ("actors", "opgaven", "involvement", "ties", "vocabularies", "warnings"):
        fa, fb = getattr(a, attr), getattr(b, attr)
        pd.testing.assert_frame_equal(fa, fb, check_exact=True)
        assert fa.to_dict("split") == fb.to_dict("split") if len(fa) else True
    assert (a.name, a.source, a.lang) == (b.name, b.source, b.lang)


def test_the_input_case_is_never_changed(example):
    original = copy.deepcopy(example)
    s = opgavelab.scenario(example, "economie", at=2024, remove=["eb", "gem-markenveen"], add=["riec", {
        "id": "nieuw", "name": "Nieuwe partner", "type": "bedrijf", "scale": "regionaal", "domains": "3.1; 1.2"}],
        add_ties=[("riec", "politie"), ("nieuw", "regio", "informatie")], remove_ties=[("eb", "ovm")])
    s.to_excel  # noqa: B018
    s.text()
    _assert_case_equal(example, original)
    assert "nieuw" not in example.actors.index
    assert "nieuw" in s.case_after.actors.index


def test_removing_a_cut_point_reports_the_real_pieces():
    G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d"), ("d", "e"), ("c", "f"), ("f", "g")])
    case = _case_from_graph(G)
    s = opgavelab.scenario(case, "o", remove=["c"])
    expected = sorted(sorted(c) for c in nx.connected_components(G.subgraph(set(G) - {"c"})))
    assert sorted(sorted(a) for a in s.pieces["actors"]) == expected
    assert s.diff.at["n_parts", "before"] == 1 and s.diff.at["n_parts", "after"] == 3
    assert s.pieces["n_actors"].tolist() == [2, 2, 2]
    # everyone loses someone; the actors outside the new largest piece are cut off from it
    assert set(s.cut_off.index) == {v for piece in s.pieces["actors"].iloc[1:] for v in piece}
    assert s.diff.at["distance_fragmentation", "after"] == pytest.approx(distance_fragmentation(G, ["c"]))
    text = s.text()
    assert "van 1 naar 3 delen" in text


def test_remove_then_add_back_returns_the_original_network_and_numbers(example):
    s1 = opgavelab.scenario(example, "economie", at=2024, remove=["eb"])
    s2 = opgavelab.scenario(s1.case_after, "economie", at=2024, add=["eb"])
    pd.testing.assert_series_equal(s2.after.numbers, s1.before.numbers)
    G, H = s1.before.graph, s2.after.graph
    assert set(G) == set(H) and nx.utils.edges_equal(G.edges(data=True), H.edges(data=True))
    assert s2.diff["after"].equals(s1.diff["before"])


def test_remove_then_add_back_returns_the_original_scan_and_case(example):
    s1 = opgavelab.scenario(example, "economie", at=2024, remove=["eb"])
    s2 = opgavelab.scenario(s1.case_after, "economie", at=2024, add=["eb"])
    for attr in ("actors", "opgaven", "involvement", "ties"):
        pd.testing.assert_frame_equal(getattr(s2.case_after, attr), getattr(example, attr))
    assert nx.utils.graphs_equal(s2.after.graph, s1.before.graph)
    full_before = opgavelab.scan(example, "economie", at=2024)
    full_back = s2.scan("after")
    for name in ("centrality", "coverage", "brokerage", "brokerage_z", "boundaries", "ei_by_group", "mixing",
                 "candidates", "unused_expertise", "awareness", "unaware", "bridges"):
        pd.testing.assert_frame_equal(getattr(full_back, name), getattr(full_before, name), obj=name)
    pd.testing.assert_series_equal(full_back.cohesion, full_before.cohesion)
    assert full_back.missing_domains == full_before.missing_domains
    assert full_back.articulation_points == full_before.articulation_points
    assert full_back.summary() == full_before.summary()


def test_an_added_actor_carries_the_involvement_it_is_given(example):
    s = opgavelab.scenario(example, "economie", at=2024,
                           add=[{"id": "riec", "role": "partner", "commitment": 3, "since": 2023, "aware": False}])
    row = s.case_after.involvement.query("actor == 'riec' and opgave == 'economie'").iloc[0]
    assert (row["role"], row["commitment"], row["aware"]) == ("partner", 3, False)
    assert row["since"] == pd.Timestamp("2023-01-01")
    assert opgavelab.scenario(example, "economie", at=2022, add=[{"id": "riec", "since": 2023}]).diff.at[
        "n_actors", "change"] == 0  # not yet involved at that date


def test_the_association_dropping_out_cuts_off_the_small_firms(example):
    s = opgavelab.scenario(example, "economie", at=2024, remove=["ovm"])
    G = opgavelab.network.opgave_graph(example, "economie", at=2024, directed=False)
    H = G.subgraph(set(G) - {"ovm"})
    assert s.diff.at["n_parts", "after"] == nx.number_connected_components(H)
    # designed into the example: the bakery and the café hang on the entrepreneurs' association
    assert sorted(s.cut_off.index) == sorted(set(H) - max(nx.connected_components(H), key=len))
    assert set(s.cut_off.index) == {"bedr-bakkerij", "bedr-turfsteker"}
    assert s.diff.at["n_actors", "change"] == -1
    assert s.diff.at["n_ties", "change"] == -G.degree("ovm")
    assert s.diff.at["average_distance", "before"] == pytest.approx(nx.average_shortest_path_length(G))


def test_adding_the_riec_closes_the_safety_gap(example):
    s = opgavelab.scenario(example, "economie", at=2024, add=["riec"], add_ties=[("riec", "politie")])
    assert s.gaps_closed == ["1.2"]
    assert s.gaps_opened == []
    assert s.diff.at["needed_domains_covered", "change"] == 1
    assert "1.2" in s.text()


def test_an_added_actor_without_ties_is_said_to_be_alone(example):
    s = opgavelab.scenario(example, "economie", at=2024, add=["om-parket"], lang="en")
    assert "has no tie yet" in s.text()


def test_texts_state_the_numbers_in_both_languages(example):
    nl = opgavelab.scenario(example, "economie", at=2024, remove=["ovm"])
    en = opgavelab.scenario(example, "economie", at=2024, remove=["ovm"], lang="en")
    b, a = nl.before.numbers, nl.after.numbers
    assert f"{b['average_distance']:.2f}".replace(".", ",") in nl.text()
    assert f"{a['average_distance']:.2f}" in en.text()
    assert f"falls apart: from 1 to {int(nl.diff.at['n_parts', 'after'])} parts" in en.text()
    assert "Bakkerij De Graaf & Zn." in en.text()
    assert "zonder Ondernemersvereniging Markenveen" in repr(nl)


def test_diff_is_tidy_and_html_and_excel_work(example, tmp_path):
    s = opgavelab.scenario(example, "economie", at=2024, remove=["ovm"])
    assert list(s.diff.columns) == ["label", "before", "after", "change", "direction"]
    assert s.diff.at["n_parts", "direction"] == "worse" and s.diff.at["n_actors", "direction"] == ""
    assert s.diff.at["scale_span", "direction"] == "" and s.diff.at["n_cut_points", "direction"] == "same"
    assert s.diff.index.name == "measure"
    assert (s.diff["change"] == s.diff["after"] - s.diff["before"]).all() or s.diff["change"].isna().any()
    page = s._repr_html_()
    assert "<table>" in page and "voor" in page and "na" in page
    out = s.to_excel(tmp_path / "wat-als.xlsx")
    sheets = pd.read_excel(out, sheet_name=None, engine="openpyxl")
    assert {"wat_als", "verschil", "delen", "afgesneden"} <= set(sheets)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"remove": ["riec"]}, r"'remove' must hold actors involved in opgave 'economie'"),
        ({"add": ["eb"]}, r"'add': actor 'eb' is already involved"),
        ({"add": ["onbekend"]}, r"'add': 'onbekend' is not an actor of the case, so it needs \['name', 'type'\]"),
        ({"add": [{"id": "n", "name": "N", "type": "robot"}]}, r"type='robot'; it must be one of"),
        ({"add_ties": [("eb", "zz")]}, r"'add_ties': 'zz' is not an actor of the case"),
        ({"add_ties": [("eb", "regio", "vriendschap")]}, r"tie type must be one of"),
        ({"remove_ties": [("eb", "riec")]}, r"'remove_ties': there is no tie between 'eb' and 'riec'"),
        ({"attr": "kleur"}, r"'attr' must be one of the actor columns"),
        ({"add": [{"id": "riec", "since": "gisteren"}]}, r"'add': 'since' of 'riec' must be a year or a date"),
        ({"add": [{"id": "riec", "commitment": 9}]}, r"'commitment' of 'riec' must be a whole number from 1 to 5"),
        ({"add": [{"id": "riec", "aware": "ja"}]}, r"'aware' of 'riec' must be True or False"),
        ({"add_ties": [("eb", "eb")]}, r"a tie needs two different actors"),
        ({"remove_ties": [("eb",)]}, r"'remove_ties' must hold \(source, target\) pairs"),
        ({"lang": "de"}, r"'lang' must be one of"),
    ],
)
def test_bad_arguments_are_named(example, kwargs, match):
    with pytest.raises(ValueError, match=match):
        opgavelab.scenario(example, "economie", at=2024, **kwargs)


def test_an_actor_named_twice_counts_once(example):
    s = opgavelab.scenario(example, "economie", at=2024, remove=["eb", "eb"], add=["riec", "riec"])
    assert s.changes["remove"] == ["eb"] and s.changes["add"] == ["riec"]
    assert s.diff.at["n_actors", "change"] == 0


def test_not_a_case():
    with pytest.raises(TypeError, match="must be an opgavelab.Case"):
        opgavelab.scenario("case.xlsx", "economie")


def _case_from_graph(G):
    nodes = sorted(G)
    actors = pd.DataFrame({"id": nodes, "naam": [f"Actor {v}" for v in nodes], "type": ["overheid"] * len(nodes)})
    opgaven = pd.DataFrame({"id": ["o"], "naam": ["Opgave"]})
    involvement = pd.DataFrame({"actor": nodes, "opgave": ["o"] * len(nodes)})
    ties = pd.DataFrame({"van": [u for u, _ in G.edges()], "naar": [v for _, v in G.edges()],
                         "type": ["samenwerking"] * G.number_of_edges()})
    return opgavelab.Case.from_frames(actors=actors, opgaven=opgaven, involvement=involvement, ties=ties)


def test_importing_the_module_keeps_the_function():
    import opgavelab._scenario  # noqa: F401

    assert callable(opgavelab.scenario)
    assert "scenario" in opgavelab.__all__ and "Scenario" in opgavelab.__all__


@pytest.mark.parametrize("kwargs", [{"remove": ["eb"]}, {"remove": ["eb", "ovm"], "remove_ties": [("regio", "prov")]}])
def test_the_quick_network_after_a_removal_is_the_one_the_case_gives(example, kwargs):
    s = opgavelab.scenario(example, "economie", at=2024, **kwargs)
    built = opgavelab.network.opgave_graph(s.case_after, "economie", at=2024, directed=False)
    assert nx.utils.graphs_equal(s.after.graph, built)
    assert list(s.after.graph) == list(built)


def test_when_everyone_leaves_it_says_so_and_names_the_gaps(example):
    ids = list(example.actors_of("zorg", 2024))
    s = opgavelab.scenario(example, "zorg", at=2024, remove=ids, lang="en")
    text = s.text()
    assert "no one is involved" in text and "A gap opens in the needed domains" in text
    assert s.diff.at["n_parts", "direction"] == "" and s.diff.at["n_cut_points", "direction"] == ""
    assert s.diff.at["needed_domains_covered", "direction"] == "worse"
    assert len(s.pieces) == 0


def test_a_newcomer_without_ties_does_not_make_the_collective_fall_apart():
    import opgavelab

    case = opgavelab.example()
    for lang, split in (("nl", "valt uiteen"), ("en", "falls apart")):
        text = opgavelab.scenario(case, "economie", at=2024, add=["om-parket"], lang=lang).text()
        assert split not in text
        assert ("nieuwkomers" if lang == "nl" else "newcomers") in text
    text = opgavelab.scenario(case, "economie", at=2024, remove=["ovm"], lang="nl").text()
    assert "valt uiteen" in text
