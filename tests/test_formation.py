"""Formation over time, told right: the series runs through ``at``, "formed"
needs two actors in one part, a "since" holds for every year after it, and the
story names the ties that joined the parts.

Component counts are checked against networkx (an independent implementation),
never against the module's own output.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import opgavelab
from opgavelab.metrics.formation import (default_at, formation, formation_events, formation_moment, formation_runs,
                                         formation_story, snapshot_dates)
from opgavelab.network import opgave_graph

SETTINGS = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


def _case(actors_since: dict, ties: list, extra_date=None):
    """Actors with a join year each, around opgave 'o'; ties as (source, target, since, until)."""
    ids = list(actors_since)
    actors = pd.DataFrame({"id": ids, "naam": [f"Actor {a.upper()}" for a in ids],
                           "type": ["overheid" if i % 2 else "bedrijf" for i in range(len(ids))]})
    opgaven = pd.DataFrame({"id": ["o", "p"], "naam": ["Opgave O", "Opgave P"]})
    inv = pd.DataFrame({"actor": ids, "opgave": ["o"] * len(ids), "sinds": list(actors_since.values())})
    rows = [{"van": s, "naar": t, "type": "samenwerking", "sinds": a, "tot": b} for s, t, a, b in ties]
    if extra_date is not None:  # a later date elsewhere in the case moves the default 'at'
        actors = pd.concat([actors, pd.DataFrame({"id": ["z"], "naam": ["Z"], "type": ["burger"]})])
        inv = pd.concat([inv, pd.DataFrame({"actor": ["z"], "opgave": ["p"], "sinds": [extra_date]})])
    tie_frame = pd.DataFrame(rows, columns=["van", "naar", "type", "sinds", "tot"])
    return opgavelab.Case.from_frames(actors=actors, opgaven=opgaven, involvement=inv, ties=tie_frame)


def test_a_lone_actor_is_no_collective_and_a_later_split_is_not_hidden():
    # the case from the issue: a, b, c join in 2018, 2019, 2020; one tie a-b from 2019
    case = _case({"a": 2018, "b": 2019, "c": 2020}, [("a", "b", 2019, None)])
    f = formation(case, "o", at=2021)
    assert f.index.year.tolist() == [2018, 2019, 2020, 2021]  # through 'at', not the last date of the data
    assert f["formed"].tolist() == [False, True, False, False]
    assert formation_moment(f) is None
    runs = formation_runs(f)
    assert [(r.start.year, r.end.year, r.split.year) for r in runs.itertuples()] == [(2019, 2019, 2020)]
    story = formation_story(case, "o", at=2021, lang="en")
    assert "since" not in story.lower()
    assert "In 2019 it was one whole, but no longer in 2020 (2 parts)." in story


def test_one_default_at_for_every_view(example):
    assert default_at(example) == pd.Timestamp("2024-12-31")
    assert snapshot_dates(example, "wonen").year.tolist() == list(range(2018, 2025))
    assert snapshot_dates(example, "energie").year.tolist()[0] == 2019  # its first involvement
    s = opgavelab.scan(example, "wonen")
    assert s.formation.index[-1] == default_at(example)
    assert opgavelab.scan(example, "wonen", at=2020).formation.index.year.tolist() == [2018, 2019, 2020]
    assert snapshot_dates(example, "wonen", at="2022-06-30")[-1] == pd.Timestamp("2022-06-30")


def test_wonen_has_two_parts_in_2023_and_2024_and_is_never_since_2018(example):
    for lang in ("nl", "en"):
        s = opgavelab.scan(example, "wonen", lang=lang)
        f = s.formation
        assert f.loc["2023-12-31", "n_components"] == 2
        assert f.loc["2024-12-31", "n_components"] == 2
        assert s.formed_at is None
        text = dict(s.summary())["Vorming" if lang == "nl" else "Formation"]
        assert "2018" not in text.replace("In 2018 ", "")  # 2018 only as the start
        assert "sinds 2018" not in text.lower() and "since 2018" not in text.lower()
        assert ("In 2024 zijn er 2 delen" if lang == "nl" else "In 2024 there are 2 parts") in text
        # the split is told with the tie that ended
        assert "Coöperatieve Bank Veenmarken" in text
    s22 = opgavelab.scan(example, "wonen", at=2022, lang="nl")
    assert s22.formed_at.year == 2021
    assert "sinds 2021" in dict(s22.summary())["Vorming"]


def test_formation_events_name_the_ties_that_joined_the_parts_of_2018(example):
    ev = formation_events(example, "economie")
    start = ev[ev["event"] == "start"].iloc[0]
    first_graph = opgave_graph(example, "economie", at=2018, directed=False)
    assert start["n_parts"] == nx.number_connected_components(first_graph) >= 5
    assert sum(start["part_sizes"]) == first_graph.number_of_nodes()
    merges = ev[ev["event"] == "merge"]
    assert sorted(set(merges["date"].dt.year)) == [2019, 2020, 2021]
    for row in merges.itertuples():
        assert row.ties, f"a merge in {row.date.year} without the ties that made it"
        # every joining tie links actors that were in different parts (or new) the year before
        before = opgave_graph(example, "economie", at=row.date - pd.DateOffset(years=1), directed=False)
        comp = {v: i for i, c in enumerate(nx.connected_components(before)) for v in c}
        for tie in row.ties:
            a, b = comp.get(tie["source"], ("new", tie["source"])), comp.get(tie["target"], ("new", tie["target"]))
            assert a != b
            assert tie["since"].year == row.date.year or pd.isna(tie["since"]) or tie["since"].year <= row.date.year
    # the Economic Agenda of 2019 joins governments, subsidy lines and small firms (the designed story)
    first = merges.iloc[0]
    assert first["n_parts"] == 3 and first["source"] == "bedr-bank" and first["target"] == "gem-markenveen"
    assert first["tie_type"] == "samenwerking"
    # after the last merge there is one part: the ties above joined all the parts of 2018
    assert formation(example, "economie").loc["2021-12-31", "n_components"] == 1
    # and becoming one hangs on no single tie: the last merge came by several
    assert len(merges.iloc[-1]["ties"]) >= 2


def test_the_story_has_two_to_five_sentences_in_both_languages(example):
    for oid in example.opgaven.index:
        for lang in ("nl", "en"):
            story = formation_story(example, oid, lang=lang)
            n = story.count(". ") + 1
            assert 2 <= n <= 5, (oid, lang, story)
    nl = formation_story(example, "economie", lang="nl")
    f = formation(example, "economie")
    assert nl.startswith(f"In 2018 stonden {f['n_actors'].iloc[0]} actoren nog in {f['n_components'].iloc[0]} "
                         "losse delen.")
    assert "via onder meer de relatie Coöperatieve Bank Veenmarken → Gemeente Markenveen (samenwerking)" in nl
    assert nl.endswith(f"Sinds 2021 is het één samenhangend collectief ({f['n_actors'].iloc[-1]} actoren "
                         f"in {f.index[-1].year}).")
    # at least two opgaven besides economie also form from separate parts
    from_parts = [o for o in example.opgaven.index
                  if formation(example, o)["n_components"].iloc[0] > 1 and formation_moment(formation(example, o))]
    assert "economie" in from_parts and len(from_parts) >= 3


@st.composite
def dated_cases(draw):
    n = draw(st.integers(1, 6))
    ids = "abcdef"[:n]
    since = {a: draw(st.integers(2015, 2020)) for a in ids}
    pairs = [(ids[i], ids[j]) for i in range(n) for j in range(i + 1, n)]
    ties = []
    for s, t in draw(st.lists(st.sampled_from(pairs), max_size=8)) if pairs else []:
        a = draw(st.integers(2015, 2021))
        b = draw(st.one_of(st.none(), st.integers(a, 2022)))
        ties.append((s, t, a, b))
    at = draw(st.integers(2016, 2023))
    return _case(since, ties), at


@SETTINGS
@given(dated_cases())
def test_formed_at_agrees_with_the_yearly_series_through_at(case_at):
    case, at = case_at
    f = formation(case, "o", at=at, attr=None)
    assert f.index[-1] == pd.Timestamp(at, 12, 31)
    whole = []
    for t in f.index:  # independent: networkx on the network builder's snapshot
        G = opgave_graph(case, "o", at=t, directed=False)
        assert f.loc[t, "n_components"] == nx.number_connected_components(G)
        whole.append(G.number_of_nodes() >= 2 and nx.is_connected(G))
    assert f["formed"].tolist() == whole
    moment = formation_moment(f)
    if moment is None:
        assert not whole[-1]
    else:
        k = list(f.index).index(moment)
        assert all(whole[k:]), "a 'since' must hold for every year after it"
        assert k == 0 or not whole[k - 1]
    runs = formation_runs(f)
    assert sum(len(f.loc[r.start:r.end]) for r in runs.itertuples()) == sum(whole)
    story = formation_story(case, "o", at=at, lang="nl", frame=f)
    if moment is not None and moment != f.index[0]:
        assert f"sinds {moment.year}" in story.lower()
    if moment is None:
        assert "sinds" not in story.lower()


def test_story_says_when_newcomers_left_a_whole_start_in_parts():
    import opgavelab
    from opgavelab import metrics

    case = opgavelab.example()  # wonen: one whole in 2018, two parts in 2019 when five actors joined
    nl = metrics.formation_story(case, "wonen")
    assert nl.startswith("In 2018 vormden de 8 actoren al één geheel; in 2019 kwamen er 5 actoren bij, "
                         "niet allemaal verbonden met de rest (2 delen).")
    en = metrics.formation_story(case, "wonen", lang="en")
    assert "in 2019 5 actors joined, not all of them linked to the rest (2 parts)" in en
    assert metrics.formation_story(case, "zorg").startswith("In 2018 vormden de 5 actoren al één geheel.")
