"""The exercise checker: every checker accepts the right answer and fails a wrong one.

Right answers are computed from the case by the checker's own answer function
and, where cheap, independently here; no number of the bundled example is
written into these tests (the example is being rebuilt).
"""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

import opgavelab
from opgavelab import metrics, oefenen
from opgavelab.metrics.comparison import compare_opgaven, linking_pins
from opgavelab.metrics.governance import governance_profile

OPGAVE, AT, OTHER = "economie", 2024, "energie"


@pytest.fixture(scope="module")
def case():
    return opgavelab.example()


@pytest.fixture(scope="module")
def problems():
    actoren = pd.DataFrame({"id": ["gem", "prov", "bedr"], "naam": ["G", "P", "B"],
                            "type": ["overheid", "overheid", "bedrijf"]})
    opgaven = pd.DataFrame({"id": ["econ"], "naam": ["E"]})
    betrokkenheid = pd.DataFrame({"actor": ["gem", "prov", "bedrr"], "opgave": ["econ"] * 3, "inzet": [5, 3, 7]})
    relaties = pd.DataFrame({"van": ["gem", "prov"], "naar": ["prov", "prov"]})
    with pytest.raises(opgavelab.ValidationError) as info:
        opgavelab.Case.from_frames(actoren, opgaven, betrokkenheid, relaties)
    return info.value.problems


@pytest.fixture(scope="module")
def ctx_args(case, problems):
    shared = opgavelab.pseudonymise(case, key="sleutel-voor-de-test-0123456789")
    return {"opgave": OPGAVE, "at": AT, "other": OTHER, "problems": problems, "typo": "bedrr", "shared": shared,
            "actor": sorted(metrics.articulation_points(opgavelab.network.opgave_graph(case, OPGAVE, at=AT)))[0]}


def _right_and_wrong(ex, expected, case):
    """A right answer and a wrong one for an exercise, from its expected value."""
    if ex.kind == "one_of":
        right = sorted(expected, key=str)[0]
        if ex.entity == "opgave_pair":
            pairs = [frozenset((a, b)) for a in case.opgaven.index for b in case.opgaven.index if a < b]
            wrong = next(p for p in pairs if p not in expected)
            return tuple(sorted(right)), tuple(sorted(wrong))
        pool = case.actors.index if ex.entity in ("actor", None) else case.opgaven.index
        if all(isinstance(x, int) for x in expected if x is not None):
            pool = range(1990, 2040)
        wrong = next(x for x in pool if x not in expected)
        return right, wrong
    if ex.kind == "set":
        right = sorted(expected, key=str)
        pool = case.opgaven.index if ex.entity == "opgave" else case.actors.index
        extra = next(x for x in pool if x not in expected)
        return right, [*right[1:], extra]
    if ex.kind in ("number", "share"):
        return expected, expected + max(10 * ex.tolerance, 1)
    if ex.kind == "year":
        return expected, (None if expected is not None else 2000)
    if ex.kind == "choice":
        other = next(c for c in ex.choices if c != expected)
        return expected, other
    raise AssertionError(ex.kind)


FACTUAL = [e for e in oefenen._EXERCISES.values() if e.kind != "reflection"]


@pytest.mark.parametrize("ex", FACTUAL, ids=[e.id for e in FACTUAL])
def test_every_checker_accepts_the_right_answer_and_fails_a_wrong_one(ex, case, ctx_args):
    expected = ex.answer(oefenen._Context(case, **ctx_args))
    right, wrong = _right_and_wrong(ex, expected, case)
    good = oefenen.check(ex.id, right, case, **ctx_args)
    bad = oefenen.check(ex.id, wrong, case, **ctx_args)
    assert good.correct, good.text
    assert not bad.correct, bad.text
    assert bool(good) is True and bool(bad) is False


def test_a_name_counts_as_well_as_an_id(case):
    top = metrics.centrality(opgavelab.network.opgave_graph(case, OPGAVE, at=AT))["betweenness"].idxmax()
    name = case.actors.at[top, "name"]
    assert oefenen.check("3.1", name.upper(), case, opgave=OPGAVE, at=AT)


def test_feedback_on_a_wrong_answer_does_not_give_the_answer(case):
    G = opgavelab.network.opgave_graph(case, OPGAVE, at=AT)
    bet = metrics.centrality(G)["betweenness"]
    top, low = bet.idxmax(), bet.idxmin()
    for lang in ("nl", "en"):
        fb = oefenen.check("3.1", low, case, opgave=OPGAVE, at=AT, lang=lang)
        assert not fb.correct
        assert top not in fb.text and case.actors.at[top, "name"] not in fb.text
        assert top not in fb._repr_html_()


def test_the_tie_in_5_1_accepts_each_tied_year_and_says_so(case):
    frame = metrics.formation(case, OPGAVE)
    drop = -frame["n_components"].diff()
    tied = [int(t.year) for t in drop.index[drop == drop.max()]]
    for year in tied:
        fb = oefenen.check("5.1", year, case, opgave=OPGAVE)
        assert fb.correct
        if len(tied) > 1:
            assert "even goed" in fb.text


def test_4_1_matches_the_formula_by_hand(case):
    G = opgavelab.network.opgave_graph(case, OPGAVE, at=AT)
    inside = sum(1 for u, v in G.edges if G.nodes[u]["type"] == G.nodes[v]["type"])
    outside = G.number_of_edges() - inside
    by_hand = (outside - inside) / (outside + inside)
    assert oefenen.check("4.1", round(by_hand, 3), case, opgave=OPGAVE, at=AT)
    assert oefenen.check("4.1", str(round(by_hand, 3)).replace(".", ","), case, opgave=OPGAVE, at=AT)
    assert not oefenen.check("4.1", round(by_hand + 0.05, 3), case, opgave=OPGAVE, at=AT)


def test_a_share_may_be_given_as_a_percentage():
    G = nx.star_graph(3)
    nx.add_path(G, [1, 2])
    case = _tiny_case(G)
    share = 3 / 4
    assert oefenen.check("3.3", share, case, opgave="o")
    assert oefenen.check("3.3", 75, case, opgave="o")
    assert not oefenen.check("3.3", 50, case, opgave="o")


def _tiny_case(G):
    ids = [f"a{n}" for n in G.nodes]
    return opgavelab.Case.from_frames(
        actors=pd.DataFrame({"id": ids, "naam": [i.upper() for i in ids], "type": ["overheid"] * len(ids)}),
        opgaven=pd.DataFrame({"id": ["o"], "naam": ["O"]}),
        involvement=pd.DataFrame({"actor": ids, "opgave": ["o"] * len(ids)}),
        ties=pd.DataFrame({"van": [f"a{u}" for u, _ in G.edges], "naar": [f"a{v}" for _, v in G.edges]}))


def test_reflections_exist_in_both_languages_and_use_the_case(case):
    for ex in oefenen._EXERCISES.values():
        if ex.reflect is None and ex.kind != "reflection":
            continue
        for lang in ("nl", "en"):
            text = str(oefenen.reflection(ex.id, case, opgave=OPGAVE, at=AT, other=OTHER, lang=lang))
            assert len(text) > 100 and "{" not in text, (ex.id, lang, text)
    G = opgavelab.network.opgave_graph(case, OPGAVE, at=AT)
    hub = governance_profile(G)["hub"]
    assert case.actors.at[hub, "name"] in str(oefenen.reflection("3.3", case, opgave=OPGAVE, at=AT))


def test_a_judgement_question_points_to_its_model_answer():
    fb = oefenen.check("10.1")
    assert "reflection(\"10.1\")" in fb.text


def test_unknown_exercise_and_missing_context_give_clear_messages(case):
    with pytest.raises(ValueError, match=r"'exercise' must be one of .*got '9.9'"):
        oefenen.check("9.9", 1, case)
    with pytest.raises(ValueError, match="opgave=..."):
        oefenen.check("3.1", "eb", case)
    with pytest.raises(ValueError, match="problems=..."):
        oefenen.check("2.1", 3)
    with pytest.raises(ValueError, match=r"'lang' must be one of \['nl', 'en'\], got 'de'"):
        oefenen.check("3.1", "eb", case, opgave=OPGAVE, lang="de")


def test_a_wrong_kind_of_answer_says_what_form_is_expected(case):
    fb = oefenen.check("4.1", "veel", case, opgave=OPGAVE, at=AT)
    assert not fb.correct and "een getal" in fb.text


def test_exercises_lists_every_notebook():
    table = oefenen.exercises()
    assert {"01", "02", "03", "04", "05", "06", "07", "08", "10"} <= set(table["notebook"])
    assert list(table.columns) == ["notebook", "soort", "modelantwoord"] and table.index.name == "oefening"
    assert set(table["modelantwoord"]) == {"ja", "nee"} and "oordeel" in set(table["soort"])
    english = oefenen.exercises(lang="en")
    assert list(english.columns) == ["notebook", "kind", "model answer"]
    assert set(english["kind"]) <= {"factual", "factual + judgement", "judgement"}


def test_bound_exercises_pass_their_case_and_opgave(case):
    oef = oefenen.Exercises(case, opgave=OPGAVE, at=AT)
    expected = oefenen._EXERCISES["6.1"].answer(oefenen._Context(case, OPGAVE, AT))
    assert oef.check("6.1", sorted(expected)).correct
    assert "check(" in repr(oef)


# ---- the library functions the exercises rest on ----------------------------------------
def test_governance_profile_of_a_star_and_a_cycle():
    star = governance_profile(nx.star_graph(5), network_organisations=[0])
    assert star["hub"] == 0 and star["hub_tie_share"] == pytest.approx(1.0)
    assert star["degree_centralization"] == pytest.approx(1.0) and star["hub_is_network_organisation"]
    cycle = governance_profile(nx.cycle_graph(6))
    assert cycle["hub_tie_share"] == pytest.approx(2 / 6)
    assert cycle["degree_centralization"] == pytest.approx(0.0)
    assert not cycle["hub_is_network_organisation"]
    with pytest.raises(TypeError, match="'G' must be a networkx graph"):
        governance_profile([1, 2])


def test_compare_opgaven_counts_shared_actors_and_domains(case):
    cmp = compare_opgaven(case, OPGAVE, OTHER, at=AT)
    a = set(case.actors_of(OPGAVE, pd.Timestamp("2024-12-31")))
    b = set(case.actors_of(OTHER, pd.Timestamp("2024-12-31")))
    assert cmp.at["actors", "n_shared"] == len(a & b)
    assert cmp.at["actors", "jaccard"] == pytest.approx(len(a & b) / len(a | b))
    needed = set(case.opgaven.at[OPGAVE, "domains"]) & set(case.opgaven.at[OTHER, "domains"])
    assert set(cmp.at["needed_domains", "shared"]) == needed
    pins = linking_pins(case, OPGAVE, OTHER, at=AT)
    assert set(pins.index) == a & b
    with pytest.raises(ValueError, match="two different opgaven"):
        compare_opgaven(case, OPGAVE, OPGAVE)


def test_readable_comparison_names_shared_actors_and_domains(case):
    from opgavelab import readable

    cmp = compare_opgaven(case, OPGAVE, OTHER, at=AT)
    shown = readable(cmp, case)
    shared_col = [c for c in shown.columns if c not in ("eerste opgave", "tweede opgave")][-1]
    actors_text = shown.at["actors", shared_col]
    for actor in cmp.at["actors", "shared"]:
        assert case.actors.at[actor, "name"] in actors_text and actor not in actors_text.split("; ")
    labels = case.labels("domain", "nl")
    for code in cmp.at["needed_domains", "shared"]:
        assert f"{code} {labels[code]}" in shown.at["needed_domains", shared_col]


def test_comparison_columns_have_dutch_and_english_labels():
    from opgavelab._i18n import column_label

    for col in ("n_a", "n_b", "n_shared", "jaccard", "shared", "role_a", "role_b", "degree_a", "degree_b",
                "hub_tie_share"):
        assert column_label(col, "nl") != col and column_label(col, "en") != col


def test_the_placeholder_is_never_right(case):
    for ex in FACTUAL:
        fb = oefenen.check(ex.id, ..., case, opgave=OPGAVE, at=AT)
        assert not fb.correct and "..." in fb.text


def test_a_year_may_be_typed_as_text(case):
    years = oefenen._EXERCISES["5.1"].answer(oefenen._Context(case, OPGAVE))
    year = sorted(y for y in years if y is not None)[0]
    assert oefenen.check("5.1", str(year), case, opgave=OPGAVE)
    assert not oefenen.check("5.1", str(year + 50), case, opgave=OPGAVE)
