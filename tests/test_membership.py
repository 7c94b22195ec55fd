"""Membership lists into cases: every cleaning step on a small case, the analysis helpers, and the real data."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

import opgavelab
from opgavelab import public_bodies as pb
from opgavelab.membership import (
    MembershipReport,
    MembershipResult,
    boundary_spanners,
    boundary_summary,
    brokerage_by_group,
    category_summary,
    co_membership_graph,
    from_membership,
    group_combinations,
    group_copresence,
    home_province,
    spanning_opgaven,
    tier_summary,
)


def rows(members, regeling_col="regeling", **extra):
    """A membership list from (participant, arrangement) pairs."""
    frame = pd.DataFrame(members, columns=["lid", regeling_col])
    for col, values in extra.items():
        frame[col] = values
    return frame


def step(report, key):
    return report.steps.set_index("step").loc[key]


# --- building the case ------------------------------------------------------------


def test_each_participant_becomes_an_actor_and_each_row_an_involvement():
    case, report = from_membership(rows([("A", "R1"), ("B", "R1"), ("A", "R2")]), "lid", "regeling")
    assert isinstance(case, opgavelab.Case)
    assert list(case.actors.index) == ["A", "B"]
    assert list(case.opgaven.index) == ["R1", "R2"]
    assert case.involvement[["actor", "opgave"]].values.tolist() == [["A", "R1"], ["B", "R1"], ["A", "R2"]]
    assert case.involvement["since"].isna().all() and case.involvement["until"].isna().all()
    assert isinstance(report, MembershipReport)


def test_the_result_unpacks_and_has_named_fields():
    result = from_membership(rows([("A", "R1")]), "lid", "regeling")
    assert isinstance(result, MembershipResult)
    case, report = result
    assert result.case is case and result.report is report


def test_without_actor_type_every_actor_is_onbekend_and_the_vocabulary_knows_it():
    case, _ = from_membership(rows([("A", "R1")]), "lid", "regeling")
    assert case.actors["type"].tolist() == ["onbekend"]
    assert "onbekend" in case.vocabulary("actor_type")["value"].tolist()
    assert "scale" not in case.actors or case.actors["scale"].isna().all()


def test_actor_type_infer_recognises_public_bodies_and_adds_body_and_tier():
    case, report = from_membership(
        rows([("Zeist", "R"), ("Provincie Utrecht", "R"), ("Hoogheemraadschap De Stichtse Rijnlanden", "R")]),
        "lid", "regeling", actor_type="infer", scale="infer")
    assert case.actors["type"].tolist() == ["overheid"] * 3
    assert case.actors["scale"].astype(str).tolist() == ["lokaal", "provinciaal", "regionaal"]
    assert case.actors["body"].tolist() == ["gemeente", "provincie", "waterschap"]
    assert case.actors["tier"].tolist() == ["gemeente", "provincie", "waterschap"]
    assert step(report, "actor_type")["values_affected"] == 2  # by keyword; Zeist by the bare-name rule
    assert report.classification.loc["Zeist", "basis"] == "bare name"


def test_actor_type_and_scale_from_columns():
    frame = rows([("A", "R"), ("B", "R")], soort=["bedrijf", "kennisinstelling"], niveau=["lokaal", "nationaal"])
    case, _ = from_membership(frame, "lid", "regeling", actor_type="soort", scale="niveau")
    assert case.actors["type"].tolist() == ["bedrijf", "kennisinstelling"]
    assert case.actors["scale"].astype(str).tolist() == ["lokaal", "nationaal"]


def test_an_actor_type_column_outside_the_vocabulary_fails_like_a_workbook():
    frame = rows([("A", "R")], soort=["gemeente"])
    with pytest.raises(opgavelab.ValidationError, match="gemeente"):
        from_membership(frame, "lid", "regeling", actor_type="soort")


def test_municipality_list_confirms_bare_names_and_lists_the_rest():
    frame = rows([("Zeist", "R"), ("Zaanstreek", "R"), ("Zaanstreek", "S"), ("Provincie Utrecht", "R")])
    case, report = from_membership(frame, "lid", "regeling", actor_type="infer", municipalities=["Zeist"])
    assert list(report.unrecognised.index) == ["Zaanstreek"]
    assert report.unrecognised.loc["Zaanstreek", "n_opgaven"] == 2
    assert (step(report, "unrecognised")["rows_affected"], step(report, "unrecognised")["values_affected"]) == (2, 1)


def test_attributes_go_to_actors_opgaven_and_involvement():
    frame = rows([("A", "R1"), ("B", "R1")], regio=["x", "y"], plaats=["P", "P"], sinds=["2015", "2016"])
    case, _ = from_membership(frame, "lid", "regeling", actor_attributes={"regio": "region"},
                              opgave_attributes=["plaats"], involvement_attributes=["sinds"])
    assert case.actors["region"].tolist() == ["x", "y"]
    assert case.opgaven.loc["R1", "plaats"] == "P"
    assert case.involvement["since"].dt.year.tolist() == [2015, 2016]


def test_conflicting_opgave_attributes_keep_the_most_frequent_value_and_are_reported():
    frame = rows([("A", "R"), ("B", "R"), ("C", "R")], prov=["Zeeland", "Zuid-Holland", "Zuid-Holland"])
    case, report = from_membership(frame, "lid", "regeling", opgave_attributes=["prov"])
    assert case.opgaven.loc["R", "prov"] == "Zuid-Holland"
    conflict = report.conflicts.iloc[0]
    assert (conflict["level"], conflict["id"], conflict["column"], conflict["kept"]) == (
        "opgave", "R", "prov", "Zuid-Holland")
    assert conflict["values"] == "Zuid-Holland (2) | Zeeland (1)"
    assert step(report, "attribute_conflicts")["rows_affected"] == 1


def test_category_infer_sets_the_category_and_the_bbv_domain():
    frame = rows([("A", "Veiligheidsregio Groningen"), ("A", "Avalex"), ("A", "Vixia Holding"), ("A", "Xyz")])
    case, report = from_membership(frame, "lid", "regeling", category="infer")
    assert case.opgaven["category"].to_dict() == {
        "Veiligheidsregio Groningen": "veiligheid", "Avalex": "afval", "Vixia Holding": "werk en inkomen",
        "Xyz": "overig"}
    assert case.opgaven.loc["Avalex", "domains"] == ["7"]
    assert case.opgaven.loc["Xyz", "domains"] == []
    assert step(report, "category_other")["examples"] == "Xyz"


def test_category_from_a_column_maps_known_categories_to_their_domain():
    frame = rows([("A", "R1"), ("A", "R2")], soort=["afval", "eigen soort"])
    case, _ = from_membership(frame, "lid", "regeling", category="soort")
    assert case.opgaven["category"].tolist() == ["afval", "eigen soort"]
    assert case.opgaven["domains"].tolist() == [["7"], []]


def test_an_opgave_named_like_a_participant_gets_a_distinct_id():
    frame = rows([("Meerschap Paterswolde", "Klachtenregeling"), ("Haren", "Meerschap Paterswolde")])
    case, report = from_membership(frame, "lid", "regeling")
    assert "Meerschap Paterswolde (opgave)" in case.opgaven.index
    assert case.opgaven.loc["Meerschap Paterswolde (opgave)", "name"] == "Meerschap Paterswolde"
    assert step(report, "id_collisions")["values_affected"] == 1
    assert nx.is_bipartite(opgavelab.network.two_mode_graph(case))


def test_rows_without_participant_or_arrangement_are_left_out_and_counted():
    frame = pd.DataFrame({"lid": ["A", None, "B", " "], "regeling": ["R", "R", None, "R"]})
    case, report = from_membership(frame, "lid", "regeling")
    assert len(case.involvement) == 1
    assert step(report, "empty_rows")["rows_affected"] == 3


# --- each cleaning step, on and off ---------------------------------------------------

MESSY = rows([
    ("Provincie FryslÃ¢n", "Hefpunt"),
    ("Provincie Fryslân", "Marrekrite"),
    ("Dronten ", "Hefpunt"),
    ("Dronten", "Hefpunt"),
    ("EnkHuizen", "Hefpunt"),
    ("Enkhuizen", "Marrekrite"),
])


def test_fix_encoding_repairs_mojibake_and_reports_it():
    case, report = from_membership(MESSY, "lid", "regeling")
    assert "Provincie FryslÃ¢n" not in case.actors.index
    s = step(report, "fix_encoding")
    assert (s["enabled"], s["rows_affected"], s["values_affected"]) == (True, 1, 1)
    assert s["examples"] == "Provincie FryslÃ¢n → Provincie Fryslân"


def test_fix_encoding_can_be_switched_off():
    case, report = from_membership(MESSY, "lid", "regeling", fix_encoding=False)
    assert "Provincie FryslÃ¢n" in case.actors.index
    assert not step(report, "fix_encoding")["enabled"]


def test_normalise_names_trims_and_unifies_letter_case():
    case, report = from_membership(MESSY, "lid", "regeling")
    assert sorted(case.actors.index) == ["Dronten", "Enkhuizen", "Provincie Fryslân"]
    assert step(report, "normalise_names")["examples"] == "Dronten  → Dronten"
    assert step(report, "unify_case")["examples"] == "EnkHuizen → Enkhuizen"
    changes = report.changes
    assert set(changes["step"]) == {"fix_encoding", "normalise_names", "unify_case"}


def test_normalise_names_can_be_switched_off():
    case, report = from_membership(MESSY, "lid", "regeling", normalise_names=False)
    assert {"Dronten", "EnkHuizen", "Enkhuizen"} <= set(case.actors.index)  # ids are still read as cells are
    assert not step(report, "normalise_names")["enabled"]
    assert not step(report, "unify_case")["enabled"]


def test_merge_duplicates_keeps_one_row_per_participant_and_arrangement():
    case, report = from_membership(MESSY, "lid", "regeling")
    assert len(case.involvement) == 5  # "Dronten " and "Dronten" in Hefpunt are one membership
    s = step(report, "merge_duplicates")
    assert (s["rows_affected"], s["examples"]) == (1, "Dronten × Hefpunt (2×)")
    assert case.warnings.empty


def test_merge_duplicates_can_be_switched_off_and_the_case_then_warns():
    case, report = from_membership(MESSY, "lid", "regeling", merge_duplicates=False)
    assert len(case.involvement) == 6
    assert not step(report, "merge_duplicates")["enabled"]
    assert len(case.warnings) == 1
    assert "vaker bij deze opgave" in case.warnings.iloc[0]["message"]


def test_near_duplicates_are_flagged_not_merged():
    frame = rows([("Provincie Overijssel", "R1"), ("Provincie Overijssel", "R2"), ("Provincie Overrijssel", "R3")])
    case, report = from_membership(frame, "lid", "regeling")
    assert {"Provincie Overijssel", "Provincie Overrijssel"} <= set(case.actors.index)
    pair = report.near_duplicates.iloc[0]
    assert (pair["column"], pair["name"], pair["candidate"]) == ("lid", "Provincie Overrijssel", "Provincie Overijssel")
    assert step(report, "near_duplicates")["rows_affected"] == 1


def test_near_duplicates_can_be_switched_off():
    frame = rows([("Provincie Overijssel", "R1"), ("Provincie Overrijssel", "R3")])
    _, report = from_membership(frame, "lid", "regeling", flag_near_duplicates=False)
    assert report.near_duplicates.empty
    assert not step(report, "near_duplicates")["enabled"]


def test_near_duplicates_in_attribute_columns_are_flagged_too():
    frame = rows([("A", "R1"), ("B", "R2"), ("C", "R3")],
                 prov=["Provincie Overrijssel", "Provincie Overrijssel", "Provincie Overijssel"])
    _, report = from_membership(frame, "lid", "regeling", opgave_attributes=["prov"])
    pair = report.near_duplicates.iloc[0]
    # the official spelling is kept even though the misspelling is more frequent
    assert (pair["column"], pair["name"], pair["candidate"]) == ("prov", "Provincie Overrijssel", "Provincie Overijssel")


def test_confirmed_aliases_merge_the_variants():
    frame = rows([("Provincie Overijssel", "R1"), ("Provincie Overrijssel", "R2")])
    _, first = from_membership(frame, "lid", "regeling")
    case, report = from_membership(frame, "lid", "regeling", aliases=first.aliases())
    assert list(case.actors.index) == ["Provincie Overijssel"]
    assert step(report, "aliases")["rows_affected"] == 1
    assert report.near_duplicates.empty


def test_aliases_may_be_written_as_in_the_raw_data_and_per_column():
    frame = rows([("Provincie FryslÃ¢n", "R1"), ("Fryslân", "R1")], prov=["Fryslân", "Fryslân"])
    case, _ = from_membership(frame, "lid", "regeling", opgave_attributes=["prov"],
                              aliases={"lid": {"Fryslân": "Provincie Fryslân"}, "Provincie FryslÃ¢n": "Provincie Fryslân"})
    assert list(case.actors.index) == ["Provincie Fryslân"]
    assert case.opgaven.loc["R1", "prov"] == "Fryslân"  # the per-column alias left the other column alone


def test_report_aliases_accept_and_reject_flagged_names():
    frame = rows([("Haaksbergen", "R1"), ("Haaksbergen", "R2"), ("Haasbergen", "R3"), ("Haren", "R4"),
                  ("Haren", "R5"), ("Haaren", "R6")])
    _, report = from_membership(frame, "lid", "regeling")
    assert report.aliases(reject=["Haaren"]) == {"Haasbergen": "Haaksbergen"}
    assert report.aliases(accept=["Haaren"]) == {"Haaren": "Haren"}
    assert report.aliases(column="lid") == {"Haasbergen": "Haaksbergen", "Haaren": "Haren"}


def test_report_aliases_errors_name_the_flagged_names():
    frame = rows([("Haaksbergen", "R1"), ("Haaksbergen", "R2"), ("Haasbergen", "R3")])
    _, report = from_membership(frame, "lid", "regeling")
    with pytest.raises(ValueError, match=r"'reject' must hold names from report.near_duplicates\['name'\], "
                                         r"got \['Hengelo'\]; flagged are \['Haasbergen'\]"):
        report.aliases(reject=["Hengelo"])
    with pytest.raises(TypeError, match="'accept' must be a list of flagged names, got the single string"):
        report.aliases(accept="Haasbergen")
    with pytest.raises(ValueError, match=r"'column' must be one of \['lid'\], got 'x'"):
        report.aliases(column="x")


# --- the report -----------------------------------------------------------------------


def test_report_steps_is_a_tidy_table_with_every_step():
    _, report = from_membership(MESSY, "lid", "regeling")
    assert list(report.steps.columns) == ["step", "description", "enabled", "rows_affected", "values_affected",
                                          "examples"]
    assert list(report.steps["step"]) == [
        "empty_rows", "fix_encoding", "normalise_names", "unify_case", "aliases", "merge_duplicates",
        "attribute_conflicts", "near_duplicates", "actor_type", "unrecognised", "category", "category_other",
        "id_collisions"]


def test_report_counts_before_and_after():
    _, report = from_membership(MESSY, "lid", "regeling")
    assert report.counts.to_dict() == {"voor": {"rijen": 6, "deelnemers": 6, "opgaven": 2},
                                       "na": {"rijen": 5, "deelnemers": 3, "opgaven": 2}}


def test_report_speaks_dutch_and_english():
    _, nl = from_membership(MESSY, "lid", "regeling")
    _, en = from_membership(MESSY, "lid", "regeling", lang="en")
    assert "Dubbel gecodeerde UTF-8 hersteld" in repr(nl)
    assert "Double-encoded UTF-8 repaired" in repr(en)
    assert "Verder:" in repr(nl) and "Next:" in repr(en)
    assert list(en.counts.columns) == ["before", "after"]
    assert "<table" in nl._repr_html_() and "Lidmaatschapslijst" in nl._repr_html_()
    html = en._repr_html_()
    assert "values" in html and "rows_affected" not in html and "empty_rows" not in html
    assert ">ja<" in nl._repr_html_() and ">nee<" in nl._repr_html_()


def test_result_shows_case_and_report():
    result = from_membership(MESSY, "lid", "regeling")
    assert "<Case" in repr(result) and "Lidmaatschapslijst" in repr(result)
    assert "Casus" in result._repr_html_()


# --- argument errors ----------------------------------------------------------------------


def test_df_must_be_a_dataframe():
    with pytest.raises(TypeError, match="'df' must be a pandas DataFrame .*, got list"):
        from_membership([("A", "R")], "lid", "regeling")


def test_actor_and_opgave_must_be_columns():
    with pytest.raises(ValueError, match=r"'actor' must be one of the columns \['lid', 'regeling'\], got 'naam'"):
        from_membership(rows([("A", "R")]), "naam", "regeling")
    with pytest.raises(ValueError, match=r"'opgave' must be one of the columns"):
        from_membership(rows([("A", "R")]), "lid", "GR")
    with pytest.raises(ValueError, match="'actor' and 'opgave' must be different columns, got 'lid' for both"):
        from_membership(rows([("A", "R")]), "lid", "lid")


def test_attribute_arguments_are_checked():
    with pytest.raises(ValueError, match=r"'opgave_attributes' must be one of the columns"):
        from_membership(rows([("A", "R")]), "lid", "regeling", opgave_attributes=["plaats"])
    with pytest.raises(TypeError, match="'actor_attributes' must be a list of column names or a dict"):
        from_membership(rows([("A", "R")]), "lid", "regeling", actor_attributes=5)
    with pytest.raises(ValueError, match=r"'actor_attributes' must not produce the columns .* got \['type'\]"):
        from_membership(rows([("A", "R")], t=["x"]), "lid", "regeling", actor_attributes={"t": "type"})


@pytest.mark.parametrize("param", ["actor_type", "scale", "category"])
def test_source_arguments_are_none_infer_or_a_column(param):
    with pytest.raises(ValueError, match=rf"'{param}' must be None, 'infer' or one of the columns .* got 'guess'"):
        from_membership(rows([("A", "R")]), "lid", "regeling", **{param: "guess"})


@pytest.mark.parametrize("param", ["fix_encoding", "normalise_names", "merge_duplicates", "flag_near_duplicates"])
def test_switches_must_be_bool(param):
    with pytest.raises(TypeError, match=rf"'{param}' must be True or False, got 'yes'"):
        from_membership(rows([("A", "R")]), "lid", "regeling", **{param: "yes"})


def test_threshold_and_lang_are_checked():
    with pytest.raises(ValueError, match=r"'threshold' must be a number in \(0, 1\], got 2"):
        from_membership(rows([("A", "R")]), "lid", "regeling", threshold=2)
    with pytest.raises(ValueError, match=r"'lang' must be one of \['nl', 'en'\], got 'de'"):
        from_membership(rows([("A", "R")]), "lid", "regeling", lang="de")


def test_aliases_are_checked():
    with pytest.raises(TypeError, match=r"'aliases' must be a dict \{variant: name\}"):
        from_membership(rows([("A", "R")]), "lid", "regeling", aliases=[("A", "B")])
    with pytest.raises(TypeError, match=r"'aliases' must map names to names \(str → str\), got 'A' → 3"):
        from_membership(rows([("A", "R")]), "lid", "regeling", aliases={"A": 3})
    with pytest.raises(ValueError, match=r"'aliases' must be one of the columns .* got 'plaats'"):
        from_membership(rows([("A", "R")]), "lid", "regeling", aliases={"plaats": {"A": "B"}})


# --- analysis helpers ------------------------------------------------------------------------

SMALL = rows([
    ("Zeist", "Recreatieschap Utrecht"), ("Bunnik", "Recreatieschap Utrecht"),
    ("Provincie Utrecht", "Recreatieschap Utrecht"),
    ("Zeist", "GGD regio Utrecht"), ("Bunnik", "GGD regio Utrecht"), ("Houten", "GGD regio Utrecht"),
    ("Hoogheemraadschap De Stichtse Rijnlanden", "Belastingen HDSR"), ("Houten", "Belastingen HDSR"),
    ("Amersfoort", "Afvalverwijdering Utrecht"),
])
ATLAS = pd.DataFrame({"provincies": ["Utrecht", "Utrecht", "Utrecht", "Utrecht"]},
                     index=pd.Index(["Zeist", "Bunnik", "Houten", "Amersfoort"], name="gemeente"))


@pytest.fixture
def small_case():
    case, _ = from_membership(SMALL, "lid", "regeling", actor_type="infer", scale="infer", category="infer")
    return case


def test_co_membership_graph_weights_are_the_shared_arrangements(small_case):
    G = co_membership_graph(small_case)
    assert G.number_of_nodes() == 6  # Amersfoort stays, as an isolate
    assert G.edges["Zeist", "Bunnik"]["weight"] == 2
    assert G.edges["Zeist", "Houten"]["weight"] == 1
    assert G.degree("Amersfoort") == 0
    assert G.nodes["Zeist"]["n_opgaven"] == 2 and G.nodes["Zeist"]["tier"] == "gemeente"
    # the projection equals networkx's weighted projection of the two-mode graph
    B = opgavelab.network.two_mode_graph(small_case)
    P = nx.bipartite.weighted_projected_graph(B, list(small_case.actors.index))
    assert {frozenset(e): d["weight"] for *e, d in P.edges(data=True)} == {
        frozenset(e): d["weight"] for *e, d in G.edges(data=True)}


def test_co_membership_graph_min_shared_and_max_size(small_case):
    assert list(co_membership_graph(small_case, min_shared=2).edges) == [("Zeist", "Bunnik")]
    G = co_membership_graph(small_case, max_size=2)
    assert {frozenset(e) for e in G.edges} == {frozenset(["Hoogheemraadschap De Stichtse Rijnlanden", "Houten"])}


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"min_shared": 0}, "'min_shared' must be a positive int, got 0"),
    ({"max_size": 0}, "'max_size' must be a positive int or None, got 0"),
])
def test_co_membership_graph_checks_its_arguments(small_case, kwargs, message):
    with pytest.raises(ValueError, match=message):
        co_membership_graph(small_case, **kwargs)


def test_analysis_helpers_need_a_case():
    with pytest.raises(TypeError, match="'case' must be an opgavelab.Case .*, got DataFrame"):
        co_membership_graph(SMALL)


def test_home_province_from_name_regioatlas_and_co_members(small_case):
    prov = home_province(small_case, ATLAS)
    assert prov.loc["Provincie Utrecht"].tolist() == ["Utrecht", "name"]
    assert prov.loc["Zeist"].tolist() == ["Utrecht", "regioatlas"]
    assert prov.loc["Hoogheemraadschap De Stichtse Rijnlanden"].tolist() == ["Utrecht", "co-members"]


def test_home_province_leaves_national_bodies_and_split_votes_open():
    frame = rows([("Rijk", "R"), ("Zeist", "R"), ("Waterschap X", "S"), ("Zeist", "S"), ("Aalten", "S"),
                  ("Alpen (Duitsland)", "R"), ("Wetterskip Fryslân", "T"), ("Waterschap Y", "R"),
                  ("Waterschap Y", "S")], prov=["Utrecht"] * 9)
    case, _ = from_membership(frame, "lid", "regeling", actor_type="infer", scale="infer",
                              opgave_attributes=["prov"])
    atlas = pd.DataFrame({"provincies": ["Utrecht", "Gelderland"]}, index=["Zeist", "Aalten"])
    prov = home_province(case, atlas)
    assert pd.isna(prov.loc["Rijk", "province"])
    assert pd.isna(prov.loc["Waterschap X", "province"])  # half Utrecht, half Gelderland: a tie
    # Y: R votes Utrecht, S half Utrecht and half Gelderland: Utrecht has 3/4 of the votes
    assert prov.loc["Waterschap Y"].tolist() == ["Utrecht", "co-members"]
    assert pd.isna(home_province(case, atlas, min_share=0.8).loc["Waterschap Y", "province"])
    assert prov.loc["Alpen (Duitsland)", "province"] == "Duitsland"
    assert prov.loc["Wetterskip Fryslân"].tolist() == ["Fryslân", "name"]
    assert home_province(case, atlas, opgave_attr="prov").loc["Waterschap X"].tolist() == ["Utrecht", "arrangements"]


def test_home_province_checks_its_arguments(small_case):
    with pytest.raises(ValueError, match="'opgave_attr' must be a column of case.opgaven"):
        home_province(small_case, opgave_attr="prov")
    with pytest.raises(ValueError, match="'regioatlas' must have a 'provincies' column"):
        home_province(small_case, ATLAS.rename(columns={"provincies": "p"}))
    with pytest.raises(ValueError, match=r"'min_share' must be a number in \(0, 1\], got 0"):
        home_province(small_case, min_share=0)


def test_group_combinations_copresence_and_tier_summary(small_case):
    combos = group_combinations(small_case)
    assert combos["n_opgaven"].to_dict() == {"gemeente": 2, "gemeente + provincie": 1, "gemeente + waterschap": 1}
    assert combos.loc["gemeente", "share"] == pytest.approx(0.5)
    co = group_copresence(small_case)
    assert co.loc["gemeente", "gemeente"] == 4 and co.loc["gemeente", "provincie"] == 1
    assert co.loc["provincie", "waterschap"] == 0
    summary = tier_summary(small_case)
    assert summary.loc["gemeente"].to_dict() == pytest.approx({
        "n_actors": 4, "memberships": 7, "opgaven_per_actor": 1.75, "n_opgaven": 4, "share_with_other_groups": 0.5})


def test_group_helpers_check_attr(small_case):
    with pytest.raises(ValueError, match="'attr' must be a column of case.actors .* got 'provincie'"):
        group_combinations(small_case, "provincie")
    with pytest.raises(TypeError, match="'attr' must be a column name or a mapping actor → group, got int"):
        group_copresence(small_case, 3)


def test_boundary_summary_compares_ei_with_random_mixing():
    # path a-b-c-d with groups x x y y: E = 1 (b-c), I = 2
    G = nx.path_graph(["a", "b", "c", "d"])
    nx.set_node_attributes(G, {"a": "x", "b": "x", "c": "y", "d": "y"}, "g")
    table = boundary_summary(G, "g")
    assert table.loc["x", "ei"] == pytest.approx(0.0)  # group x: E = 1, I = 1
    assert table.loc["x", "ei_expected"] == pytest.approx(1 - 2 * 1 / 3)
    whole = table.loc["(netwerk)"]
    assert whole["ei"] == pytest.approx((1 - 2) / 3)
    # random mixing: P(internal) = (2·1 + 2·1) / (4·3) = 1/3
    assert whole["ei_expected"] == pytest.approx(1 - 2 / 3)
    assert whole["difference"] == pytest.approx(-2 / 3)


def test_brokerage_by_group_averages_gould_fernandez_counts():
    # a - b - c - d, groups x x y y: b and c are each representative once and gatekeeper once
    G = nx.path_graph(["a", "b", "c", "d"])
    nx.set_node_attributes(G, {"a": "x", "b": "x", "c": "y", "d": "y"}, "g")
    table = brokerage_by_group(G, "g")
    assert table.loc["x", ["representative", "gatekeeper", "total"]].tolist() == [0.5, 0.5, 1.0]
    assert table["share_of_total"].tolist() == [0.5, 0.5]


def test_boundary_spanners_count_the_other_groups_reached():
    G = nx.star_graph(3)
    nx.set_node_attributes(G, {0: "a", 1: "b", 2: "c", 3: "a"}, "g")
    table = boundary_spanners(G, "g", top=None, show=())
    assert table.loc[0, ["other_groups", "E", "I"]].tolist() == [2, 2, 1]
    assert table.loc[0, "ei"] == pytest.approx(1 / 3)
    assert table.loc[0, "cross_brokerage"] == 6  # ordered pairs of leaves from different groups: 3·2
    with pytest.raises(TypeError, match="'attr' must be the name of a node attribute, got dict"):
        boundary_spanners(G, {0: "a"})


def test_spanning_opgaven_and_category_summary(small_case):
    small_case.actors["province"] = small_case.actors.index.map(
        lambda a: "Gelderland" if a == "Provincie Utrecht" else "Utrecht")
    span = spanning_opgaven(small_case)
    assert list(span.index) == ["Recreatieschap Utrecht"]
    assert span.loc["Recreatieschap Utrecht", "groups"] == "Gelderland, Utrecht"
    summary = category_summary(small_case)
    assert summary.loc["recreatie en natuur"].to_dict() == {
        "n_opgaven": 1, "participants": 3, "memberships": 3, "median_size": 3.0, "max_size": 3,
        "multi_tier": 1.0, "multi_province": 1.0}
    with pytest.raises(ValueError, match="'by' must be a column of case.opgaven"):
        category_summary(small_case, by="sector")


# --- the real data --------------------------------------------------------------------------------

#: Participants the near-duplicate check flags that are real, different bodies.
REAL_DIFFERENT = [
    "Ubbergen", "Südbrookmerland (Duitsland)", "Rhauderfehn (Duitsland)", "Wesel (Duitsland)",
    "Landkreis Friesland (Duitsland)", "Lingen (Duitsland)", "Weeze (Duitsland)",
    "Regionale Sociale Dienst Alblasserwaard-Vijfheerenlanden", "Belastingsamenwerking West-Brabant (BWB)",
    "Werkvoorzieningschap Dethon", "Werkvoorzieningschap Wedeo",
]


@pytest.fixture(scope="module")
def opengr(shared_dir):
    folder = shared_dir / "data" / "opengr"
    if not (folder / "opengr_provincies.csv").is_file():
        pytest.skip(f"The Open State data are not in {folder}; see {pb.OPENGR_URL}.")
    raw = pd.read_csv(folder / "opengr_provincies.csv", dtype=str)
    atlas = pb.read_regioatlas(folder)
    return raw, atlas


def _build(raw, atlas, aliases=None):
    return from_membership(raw, "Deelnemer", "Gemeenschappelijke regeling",
                           opgave_attributes=["Postcode", "Plaats", "Provincie"], actor_type="infer",
                           scale="infer", category="infer", municipalities=atlas.index, aliases=aliases)


def test_real_file_loads_and_cleans_to_the_stated_counts(opengr):
    raw, atlas = opengr
    assert raw.shape == (3752, 5)
    case, report = _build(raw, atlas)
    # automatic cleaning only: 10 duplicate rows merged; 9 participants were spelling or encoding
    # variants of others (Dronten/"Dronten ", EnkHuizen/Enkhuizen, ...)
    assert report.counts.to_dict() == {"voor": {"rijen": 3752, "deelnemers": 608, "opgaven": 464},
                                       "na": {"rijen": 3742, "deelnemers": 599, "opgaven": 464}}
    assert step(report, "fix_encoding")["rows_affected"] == 239
    assert len(report.near_duplicates) == 26
    # with the confirmed near-duplicates merged as well
    case, report = _build(raw, atlas, aliases={
        **report.aliases(reject=REAL_DIFFERENT),
        "Provincie Noord Brabant": "Provincie Noord-Brabant", "De Dommel": "Waterschap De Dommel"})
    assert report.counts["na"].to_dict() == {"rijen": 3710, "deelnemers": 592, "opgaven": 459}
    assert case.actors["tier"].value_counts().to_dict() == {
        "gemeente": 437, "buitenland": 89, "waterschap": 37, "provincie": 12, "gemeenschappelijke regeling": 10,
        "overig": 4, "Rijk": 3}
    assert len(report.unrecognised) == 47  # mostly municipalities merged away before 2016
    assert case.opgaven["category"].value_counts()["werk en inkomen"] == 107


def test_real_file_has_no_mojibake_left(opengr):
    raw, atlas = opengr
    assert raw.apply(lambda col: col.str.contains("Ã", regex=False)).to_numpy().sum() > 200
    case, _ = _build(raw, atlas)
    texts = pd.concat([case.actors.index.to_series(), case.opgaven.index.to_series(),
                       case.opgaven["Plaats"], case.opgaven["Provincie"]])
    assert not texts.str.contains("Ã|Â|â€", regex=True).any()
    assert not texts.map(pb.has_mojibake).any()
    assert {"Provincie Fryslân", "Súdwest-Fryslân", "Wetterskip Fryslân", "Barßel (Duitsland)"} <= set(
        case.actors.index)


def test_real_file_every_2016_municipality_takes_part(opengr):
    raw, atlas = opengr
    case, _ = _build(raw, atlas)
    matched = pb.match_names(case.actors.index, atlas.index).dropna()
    assert len(atlas) == 390
    assert set(matched) == set(atlas.index)
