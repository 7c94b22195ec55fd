"""The opgave scan and the case-level metric families: coverage, awareness, formation.

Small cases are checked by hand; the example case must show what was designed
into it.
"""

from __future__ import annotations

import math

import networkx as nx
import pandas as pd
import pytest

import opgavelab
from opgavelab.metrics.awareness import awareness, unaware_actors
from opgavelab.metrics.coverage import (candidate_partners, domain_coverage, missing_domains, scale_fit,
                                        unused_expertise)
from opgavelab.metrics.formation import formation, formation_moment, snapshot_dates
from opgavelab.network import opgave_graph


@pytest.fixture(scope="module")
def example_scan(example):
    return opgavelab.scan(example, "economie", at=2024)


def small_case(ties=None, involvement=None, actors=None, opgaven=None):
    """Five actors around opgave 'o'; 'x' is outside it."""
    actors = actors if actors is not None else pd.DataFrame({
        "id": ["a", "b", "c", "d", "x"],
        "naam": ["Gemeente A", "Bedrijf B", "Hogeschool C", "Burger D", "Politie X"],
        "type": ["overheid", "bedrijf", "kennisinstelling", "burger", "overheid"],
        "schaalniveau": ["lokaal", "regionaal", "regionaal", "buurt", "regionaal"],
        "domeinen": ["3.1; 8", "3.1", "4; 6.5", "", "1.2"],
    })
    opgaven = opgaven if opgaven is not None else pd.DataFrame({
        "id": ["o", "p"], "naam": ["Opgave O", "Opgave P"], "schaalniveau": ["provinciaal", "lokaal"],
        "domeinen": ["3; 8.3; 1.2; 6.5", "1"]})
    involvement = involvement if involvement is not None else pd.DataFrame({
        "actor": ["a", "b", "c", "d", "x"], "opgave": ["o", "o", "o", "o", "p"],
        "rol": ["trekker", "partner", None, "belanghebbende", "partner"],
        "bewust": ["ja", "ja", "nee", "nee", "ja"], "inzet": [5, 3, 2, None, 4],
        "sinds": [2019, 2019, 2020, 2021, 2019]})
    ties = ties if ties is not None else pd.DataFrame({
        "van": ["a", "a", "b", "x"], "naar": ["b", "c", "c", "a"],
        "type": ["samenwerking", "samenwerking", "informatie", "samenwerking"],
        "sinds": [2019, 2020, 2021, 2019], "tot": [None, None, 2021, None]})
    return opgavelab.Case.from_frames(actors=actors, opgaven=opgaven, involvement=involvement, ties=ties)


# -- coverage -----------------------------------------------------------------

def test_coverage_follows_the_domain_hierarchy():
    cov = domain_coverage(small_case(), "o")
    # needed '3' is covered by actors working on 3.1 (narrower); '8.3' by 'a' on '8' (broader)
    assert cov.loc["3", "actors"] == ["a", "b"]
    assert cov.loc["8.3", "actors"] == ["a"]
    assert cov.loc["6.5", "actors"] == ["c"]
    assert not cov.loc["1.2", "covered"] and cov.loc["1.2", "n_actors"] == 0
    assert cov.loc["4", "needed"] == False  # noqa: E712 - brought, not needed
    assert list(cov.index[:4]) == ["3", "8.3", "1.2", "6.5"]
    assert missing_domains(small_case(), "o") == ["1.2"]


def test_coverage_at_a_date_counts_only_actors_involved_then():
    assert missing_domains(small_case(), "o", at=2019) == ["1.2", "6.5"]


def test_scale_fit():
    fit = scale_fit(small_case(), "o")
    assert fit["n_actors"].to_dict() == {"buurt": 1, "lokaal": 1, "regionaal": 2, "provinciaal": 0,
                                         "nationaal": 0, "Europees": 0, "mondiaal": 0}
    assert fit.attrs == {"needed": "provinciaal", "needed_present": False, "lowest": "buurt",
                         "highest": "regionaal", "span": 3}


def test_candidate_partners_come_with_their_reasons():
    cands = candidate_partners(small_case(), "o")
    assert list(cands.index) == ["x"]
    row = cands.loc["x"]
    assert row["covers"] == ["1.2"] and row["n_ties"] == 1 and row["distance"] == 1
    assert row["via"] == ["a"]
    assert row["reason"] == ("dekt 1.2 Openbare orde en veiligheid; 1 relatie met het collectief (Gemeente A); "
                             "1 schaalniveau verwijderd van provinciaal")
    assert row["domain_fit"] == "exact" and row["connected"]
    en = candidate_partners(small_case(), "o", lang="en").loc["x", "reason"]
    assert en.startswith("covers 1.2") and "1 tie into the collective" in en


def test_candidates_without_ties_are_ranked_by_distance(example):
    cands = candidate_partners(example, "economie", at=2024)
    # designed into the example: the grid operator, tied to three members, is the first candidate
    assert cands.index[0] == "bedr-marknet"
    assert cands.loc["bedr-marknet", "n_ties"] == cands["n_ties"].max() >= 2
    # every candidate covers one missing domain exactly, so distance decides next
    assert cands["distance"].is_monotonic_increasing
    assert (cands.loc[cands["n_ties"] == 0, "distance"] >= 2).all()
    # public order (1.2) is the mayor's, police's, prosecutor's and RIEC's; the safety region is 1.1
    assert {"burg-markenveen", "politie", "om-parket", "riec"} <= set(cands.index) and "vr" not in cands.index


def test_unused_expertise_lists_actors_with_needed_domain_but_no_role():
    un = unused_expertise(small_case(), "o")
    # 'c' is involved without a role and covers 6.5; 'x' is not involved and covers 1.2
    assert set(un.index) == {"c", "x"}
    assert un.loc["c", "involved"] and not un.loc["x", "involved"]
    assert un.loc["x", "other_opgaven"] == ["p"]


# -- awareness ------------------------------------------------------------------

def test_awareness_per_type_and_total():
    aw = awareness(small_case(), "o")
    assert aw.loc["total", "n_actors"] == 4 and aw.loc["total", "n_unaware"] == 2
    assert aw.loc["total", "share_unaware"] == 0.5
    assert aw.loc["total", "mean_commitment"] == pytest.approx((5 + 3 + 2) / 3)
    assert aw.loc["kennisinstelling", "n_unaware"] == 1
    assert list(unaware_actors(small_case(), "o").index) == ["c", "d"]
    assert awareness(small_case(), "o", lang="en").index[-1] == "total"


def test_awareness_checks_its_group_column():
    with pytest.raises(ValueError, match="'by' must be one of the actor columns"):
        awareness(small_case(), "o", by="kleur")


# -- formation ------------------------------------------------------------------

def test_formation_by_hand():
    f = formation(small_case(), "o")
    assert list(f.index.year) == [2019, 2020, 2021]
    # 2019: a, b involved; tie a-b                        -> 1 component
    # 2020: + c; ties a-b, a-c                            -> 1 component, 3 actors, 2 ties
    # 2021: + d (isolate); b-c tie active (until 2021)    -> 2 components
    assert f["n_actors"].tolist() == [2, 3, 4]
    assert f["n_ties"].tolist() == [1, 2, 3]
    assert f["n_components"].tolist() == [1, 1, 2]
    assert f["n_isolates"].tolist() == [0, 0, 1]
    assert f.loc["2021-12-31", "density"] == pytest.approx(3 / 6)
    assert f.loc["2021-12-31", "connectedness"] == pytest.approx(6 / 12)
    assert f.loc["2021-12-31", "largest_component_share"] == pytest.approx(0.75)
    # E-I by type: every tie links two different types
    assert f["ei_type"].tolist() == [1.0, 1.0, 1.0]
    # one whole in 2019-2020, two parts in 2021: no "since" holds through 2021
    assert f["formed"].tolist() == [True, True, False]
    assert formation_moment(f) is None
    assert formation_moment(formation(small_case(), "o", at=2020)).year == 2019


def test_formation_matches_the_network_builder(example):
    f = formation(example, "economie")
    for t in f.index:
        G = opgave_graph(example, "economie", at=t, directed=False)
        assert f.loc[t, "n_actors"] == G.number_of_nodes()
        assert f.loc[t, "n_ties"] == G.number_of_edges()
        assert f.loc[t, "n_components"] == nx.number_connected_components(G)


def test_example_forms_from_at_least_five_components_into_one(example):
    f = formation(example, "economie")
    assert f["n_components"].iloc[0] >= 5
    assert f["n_components"].iloc[-1] == 1
    assert formation_moment(f).year == 2021  # designed: the last parts join in 2021, by several ties
    share = f["largest_component_share"]
    assert formation_moment(f, share=0.8) == share.index[(share >= 0.8).to_numpy()][0]
    with pytest.raises(ValueError, match=r"'share' must be in \(0, 1\], got 0"):
        formation_moment(f, share=0)


def test_formation_at_given_dates_and_snapshot_dates(example):
    f = formation(example, "economie", dates=[2020, "2023-06-30"])
    assert list(f.index) == [pd.Timestamp("2020-12-31"), pd.Timestamp("2023-06-30")]
    assert snapshot_dates(example, "economie").year.tolist() == list(range(2018, 2025))


def test_formation_rejects_list_attributes(example):
    with pytest.raises(ValueError, match="'attr' must be a column with one value per actor"):
        formation(example, "economie", attr="domains")


def test_ended_ties_are_not_in_later_snapshots():
    case = small_case()
    G = opgave_graph(case, "o", at=2022)
    assert not G.has_edge("b", "c")
    assert opgave_graph(case, "o", at=2021).has_edge("b", "c")


# -- the scan -------------------------------------------------------------------

def test_scan_of_the_example_shows_the_designed_gap_and_candidates(example_scan):
    s = example_scan
    assert s.missing_domains == ["1.2", "Netcapaciteit"]
    assert s.candidates.index[0] == "bedr-marknet"
    assert s.formed_at.year == 2021
    assert s.formation["n_components"].iloc[0] >= 5
    assert s.scale.attrs["needed_present"] is True
    assert int(s.awareness.loc["total", "n_unaware"]) == 4
    assert s.brokerage.index[0] == "eb"  # the Economic Board brokers most
    assert set(s.brokerage.columns[:2]) == {"name", "type"}


def test_scan_summary_reads_as_dutch_with_numbers(example_scan):
    from opgavelab._i18n import fmt_number

    s = example_scan
    text = dict(s.summary())
    types = s.case.actors.loc[list(s.graph.nodes), "type"].value_counts()
    n = s.graph.number_of_nodes()
    assert text["Het collectief"].startswith(f"{n} actoren (overheid {types['overheid']}, bedrijf {types['bedrijf']}")
    assert f"dichtheid {fmt_number(s.cohesion['density'], 'nl')}" in text["Het collectief"]
    assert "Ontbreken: 1.2 Openbare orde en veiligheid en Netcapaciteit" in text["Wie ontbreekt"]
    k = int(s.candidates.loc["bedr-marknet", "n_ties"])
    assert f"Marknet Netbeheer (dekt Netcapaciteit; {k} relaties met het collectief" in text["Wie ontbreekt"]
    f = s.formation
    assert text["Vorming"].startswith(f"In 2018 stonden {f['n_actors'].iloc[0]} actoren nog in "
                                      f"{f['n_components'].iloc[0]} losse delen. In 2019 kwamen ")
    assert text["Vorming"].endswith(f"Sinds 2021 is het één samenhangend collectief ({n} actoren in {f.index[-1].year}).")
    page = example_scan._repr_html_()
    assert "Regionale economische groei Veenmarken" in page and "<details>" in page
    assert "Oorsprong" in page and "Kern" in page


def test_scan_in_english(example):
    s = opgavelab.scan(example, "economie", at=2024, lang="en")
    text = dict(s.summary())
    assert f"density {s.cohesion['density']:.2f}" in text["The collective"]
    assert "Missing: 1.2 Public order and safety and Netcapaciteit" in text["Who is missing"]
    assert "kandidaten" not in s.tables() and "candidates" in s.tables()


def test_scan_of_an_opgave_before_anyone_is_involved():
    s = opgavelab.scan(small_case(), "o", at=2018)
    assert s.graph.number_of_nodes() == 0
    assert s.cohesion["n_actors"] == 0
    assert dict(s.summary())["Het collectief"] == "Op deze datum is nog geen actor betrokken."
    assert s.brokerage.empty and s.centrality.empty
    s._repr_html_()


def test_scan_of_one_actor():
    s = opgavelab.scan(small_case(), "p")
    assert s.cohesion["n_actors"] == 1 and s.cohesion["n_ties"] == 0
    assert math.isnan(s.cohesion["density"])
    assert s.missing_domains == []  # 'x' covers 1.2, a narrower domain of the needed '1'
    s._repr_html_()


def test_scan_with_isolates_and_directed_ties():
    ties = pd.DataFrame({"van": ["a", "b"], "naar": ["b", "a"], "type": ["financiering", "mandaat"],
                         "gericht": ["ja", "ja"], "sinds": [2019, 2019]})
    s = opgavelab.scan(small_case(ties=ties), "o", directed=True)
    assert s.graph.is_directed()
    assert s.cohesion["n_ties"] == 2
    assert s.cohesion["n_weak_components"] == 3  # a-b, and isolates c, d
    undirected = opgavelab.scan(small_case(ties=ties), "o")
    assert undirected.cohesion["n_ties"] == 1


def test_scan_arguments_are_checked(example):
    with pytest.raises(ValueError, match="'opgave' must be one of the opgave ids"):
        opgavelab.scan(example, "klimaat")
    with pytest.raises(ValueError, match="'attr' must be one of the actor columns"):
        opgavelab.scan(example, "economie", attr="kleur")
    with pytest.raises(TypeError, match="'case' must be an opgavelab.Case"):
        opgavelab.scan("case.xlsx", "economie")
    with pytest.raises(ValueError, match="'lang' must be one of"):
        opgavelab.scan(example, "economie", lang="fr")


def test_scan_by_another_attribute(example):
    s = opgavelab.scan(example, "economie", at=2024, attr="scale")
    assert "regionaal" in set(s.brokerage["type"].astype(str)) or len(s.brokerage)
    assert set(s.ei_by_group.index) <= set(example.vocabulary("scale")["value"])


def test_scan_tables_have_one_sheet_each(example_scan):
    tables = example_scan.tables()
    assert list(tables)[:4] == ["samenvatting", "methode", "samenhang", "centraliteit"]
    assert all(isinstance(t, pd.DataFrame) for t in tables.values())


def test_summary_compares_every_interpreted_number_with_its_baseline(example_scan):
    from opgavelab._i18n import fmt_number, fmt_signed

    s = example_scan
    text = dict(s.summary())
    bounds = text["Grenzen"]
    test = s.ei_test.iloc[0]
    assert test["ei"] < test["expected"] - 0.3  # designed: ties stay within actor type far more than by chance
    assert f"E-I-index naar actortype: {fmt_signed(test['ei'], 'nl')}" in bounds
    assert f"bij willekeurige menging van dezelfde groepsgroottes zou die {fmt_signed(test['expected'], 'nl')} zijn" \
        in bounds
    assert "blijven dus vaker binnen het eigen actortype dan toeval zou geven" in bounds
    assert "1.000 permutaties" in bounds
    brokers = text["Makelaars"]
    pairs = int(s.brokerage.loc["eb", "total"])
    assert f"Economic Board Veenmarken verbindt {pairs} paren" in brokers  # pairs, not ordered paths
    z = s.brokerage_z.loc["eb", "total"]
    assert z > 2 and f"z = {fmt_number(z, 'nl', 1)}: vaker dan toeval zou geven" in brokers
    collective = text["Het collectief"]
    # designed: the small firms hang on the entrepreneurs' association
    cut = s.cut_points.loc["ovm"]
    assert cut["cut_off"] == 2
    assert (f"zonder Ondernemersvereniging Markenveen raken 2 actoren los (het collectief valt in "
            f"{len(cut['pieces'])} stukken: " in collective)
    assert "valt het collectief uiteen" not in collective


def test_scan_states_its_method(example_scan):
    method = example_scan.method
    assert list(method.index) == ["ties", "direction", "date", "coverage", "computation", "null_ei",
                                  "null_brokerage", "cut_points"]
    assert "31-12-2024" in method.at["date", "text"] and "at=2022 is 31-12-2022" in method.at["date", "text"]
    assert method.attrs["directed"] is False and method.attrs["brokerage_counting"] == "pairs"
    assert method.at["computation", "text"].startswith("Exact")
    assert "Methode" in example_scan._repr_html_()
    assert "methode" in example_scan.tables()


def test_the_readme_path_gives_the_scans_numbers(example, example_scan):
    from opgavelab import metrics, network

    G = network.opgave_graph(example, "economie", at=2024)
    assert not G.is_directed()
    assert metrics.density(G) == pytest.approx(example_scan.cohesion["density"])
    assert metrics.ei_index(G, "type") == pytest.approx(example_scan.boundaries.at["type", "ei"])
    assert (metrics.brokerage(G, "type")["total"].sort_index()
            == example_scan.brokerage["total"].sort_index()).all()


def test_candidates_rank_domain_fit_before_closeness(example_scan):
    cands = example_scan.candidates
    assert cands.attrs["rule"] == "domain fit, then network distance, then scale fit"
    covering = cands[cands["covers"].map(len) > 0]
    # every actor that covers the missing domain comes before any that only fills a scale level
    assert list(cands.index[: len(covering)]) == list(covering.index)
    assert "riec" in covering.index or covering["domain_fit"].notna().all()


def test_scan_tables_read_in_the_users_language(example_scan, example):
    tables = example_scan.tables()
    cands = tables["kandidaten"]
    assert "naam" in cands.columns and "reden" in cands.columns and "covers" not in cands.columns
    assert set(cands["verbonden"]) <= {"ja", "nee"}
    assert cands["dekt"].iloc[0] == "Netcapaciteit"  # a domain of the case's own: its name once
    assert cands.loc[cands["dekt"].str.startswith("1.2"), "dekt"].iloc[0] == "1.2 Openbare orde en veiligheid"
    en = opgavelab.scan(example, "economie", at=2024, lang="en").tables()
    assert "name" in en["candidates"].columns and set(en["candidates"]["connected"]) <= {"yes", "no"}
    assert example_scan.candidates.columns[0] == "name"  # the attribute keeps the canonical columns


def test_estimates_are_called_estimates_in_words(example, monkeypatch):
    import opgavelab._scan as scan_module

    monkeypatch.setattr(scan_module, "EXACT_LIMIT", 10)
    s = opgavelab.scan(example, "economie", at=2024)
    assert s.centrality.attrs["betweenness_approximate"] or s.cohesion.attrs["average_distance_approximate"]
    text = dict(s.summary())["Het collectief"]
    assert "een schatting uit een steekproef" in text and "(naar schatting)" in text
    assert s.method.at["computation", "text"].startswith("Geschat: boven 10 actoren")
    assert s.method.attrs["estimated"] is True
