"""Formation pictures: separate parts drawn apart, actors moving only when their part changes."""

from __future__ import annotations

import json
import re

import networkx as nx
import numpy as np
import pytest
from PIL import Image

import opgavelab
from opgavelab.draw.formation import (formation_data, formation_frames, formation_gif, formation_layout,
                                      formation_page)
from opgavelab.draw.widget import FormationView
from opgavelab.network import opgave_graph


@pytest.fixture(scope="module")
def case():
    return opgavelab.example()


def _boxes(lay):
    out = []
    for part in lay.parts:
        xs = [lay[v][0] for v in part]
        ys = [lay[v][1] for v in part]
        out.append((min(xs), min(ys), max(xs), max(ys)))
    return out


def _overlap(a, b) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


@pytest.mark.parametrize("opgave", ["economie", "wonen", "energie", "water", "zorg"])
def test_separate_parts_are_drawn_apart_every_year(case, opgave):
    layouts = formation_layout(case, opgave)
    for t, lay in layouts.items():
        G = opgave_graph(case, opgave, at=t, directed=False)
        assert set(lay) == set(G.nodes)
        # the parts are the components (networkx, independent of the layout's own count)
        assert sorted(map(sorted, lay.parts)) == sorted(sorted(c) for c in nx.connected_components(G))
        boxes = _boxes(lay)
        for i in range(len(boxes)):
            for j in range(i + 1, len(boxes)):
                assert not _overlap(boxes[i], boxes[j]), (t.year, lay.parts[i][:2], lay.parts[j][:2])
        assert all(-1.0001 <= y <= 1.0001 for _, y in lay.values())


def test_the_example_goes_from_parts_to_one_and_actors_only_move_when_their_part_changes(case):
    layouts = formation_layout(case, "economie")
    counts = [len(lay.parts) for lay in layouts.values()]
    assert counts[0] == nx.number_connected_components(opgave_graph(case, "economie", at=2018, directed=False)) >= 5
    assert counts[-1] == 1
    dates = list(layouts)
    for a, b in zip(dates, dates[1:]):
        before = {frozenset(p) for p in layouts[a].parts}
        for part in layouts[b].parts:
            if frozenset(part) in before and len(layouts[b].parts) == len(layouts[a].parts):
                for v in part:
                    assert layouts[a][v] == pytest.approx(layouts[b][v], abs=1e-3)


def test_frames_mark_the_ties_that_joined_parts(case):
    frames = formation_frames(case, "economie")
    f2019 = frames[1]
    assert f2019.date.year == 2019 and ("bedr-bank", "gem-markenveen") in f2019.joining
    assert f2019.sentence.startswith("In 2019 kwamen ")
    assert frames[-1].joining == [] and frames[-1].sentence.startswith("Sinds 2021")


def test_the_page_plays_offline_and_holds_every_year(case):
    page = formation_page(case, "economie", lang="en")
    assert "http://" not in page and "https://" not in page and "<script src" not in page
    state = json.loads(re.search(r'id="opgavelab-formation-state">(.*?)</script>', page, re.S).group(1))
    data = state["data"]
    assert data["years"] == list(range(2018, 2025)) and state["year"] == 2024
    assert [len(f["parts"]) for f in data["frames"]] == [
        nx.number_connected_components(opgave_graph(case, "economie", at=y, directed=False)) for y in data["years"]]
    # every actor has a place in every year, so the browser only glides
    ids = {n["id"] for n in data["nodes"]}
    assert all(set(f["pos"]) == ids for f in data["frames"])
    assert "How the collective formed" in page


def test_the_widget_carries_years_and_selection(case):
    view = FormationView.for_opgave(case, "wonen", lang="en")
    assert view.year == 2024 and len(view.data["frames"]) == 7
    assert [len(f["parts"]) for f in view.data["frames"]][-2:] == [2, 2]
    view.selected_actor = "gem-markenveen"
    assert view.get_state()["selected_actor"] == "gem-markenveen"


def test_data_keeps_only_the_filtered_actors(case):
    data = formation_data(case, "economie", actors={"eb", "gem-markenveen", "prov"})
    assert {n["id"] for n in data["nodes"]} <= {"eb", "gem-markenveen", "prov"}
    assert all(set(p) <= {"eb", "gem-markenveen", "prov"} for f in data["frames"] for p in f["parts"])


def test_the_gif_plays_the_years(case, tmp_path):
    path = formation_gif(case, "zorg", tmp_path / "zorg.gif", tween=0, dpi=50)
    gif = Image.open(path)
    assert gif.n_frames >= 2 and gif.info.get("loop") == 0
    with pytest.raises(FileExistsError):
        formation_gif(case, "zorg", path)
    with pytest.raises(ValueError, match="'path' must end in .gif"):
        formation_gif(case, "zorg", tmp_path / "zorg.png")


def test_many_separate_actors_stand_apart_too():
    import pandas as pd

    ids = [f"a{i}" for i in range(40)]
    case = opgavelab.Case.from_frames(
        actors=pd.DataFrame({"id": ids, "naam": [f"Actor {i}" for i in range(40)], "type": ["burger"] * 40}),
        opgaven=pd.DataFrame({"id": ["o"], "naam": ["Opgave"]}),
        involvement=pd.DataFrame({"actor": ids, "opgave": ["o"] * 40, "sinds": [2020] * 40}),
        ties=pd.DataFrame({"van": ["a0"], "naar": ["a1"], "type": ["samenwerking"], "sinds": [2021]}))
    layouts = formation_layout(case, "o")
    for lay in layouts.values():
        boxes = _boxes(lay)
        assert len(boxes) in (39, 40)
        assert not any(_overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def _small_case():
    """30 actors: three chains of ten (apart in 2020); the first two join in 2021, the third in 2022."""
    import pandas as pd

    ids = [f"a{i}" for i in range(30)]
    chain = [(f"a{i}", f"a{i + 1}", 2020) for i in range(29) if i % 10 != 9]
    return opgavelab.Case.from_frames(
        actors=pd.DataFrame({"id": ids, "naam": [f"Actor {i}" for i in range(30)],
                             "type": ["overheid", "bedrijf", "burger", "kennisinstelling", "bedrijf"] * 6}),
        opgaven=pd.DataFrame({"id": ["o"], "naam": ["Opgave"]}),
        involvement=pd.DataFrame({"actor": ids, "opgave": ["o"] * 30, "sinds": [2020] * 30}),
        ties=pd.DataFrame([*chain, ("a9", "a10", 2021), ("a19", "a20", 2022)], columns=["van", "naar", "sinds"]))


@pytest.mark.parametrize("tween", [0, 3])
def test_the_gif_holds_each_year_and_glides_between_them(tween, tmp_path):
    from opgavelab.draw.formation import _gif_durations, _gif_images

    case = _small_case()
    frames = formation_frames(case, "o", aspect=1.25, lang="nl")
    n = len(frames)
    assert n >= 2
    images = _gif_images(case, "o", frames, lang="nl", size=(4.0, 2.25), dpi=40, tween=tween)
    assert len(images) == n + (n - 1) * tween  # a picture per year, ``tween`` steps between two years
    # each year held 1.2 s (the last three times as long), the steps share half a second
    expected = []
    for i in range(n):
        expected += [max(40, int(500 / tween))] * tween if i and tween else []
        expected.append(1200 * (3 if i == n - 1 else 1))
    assert _gif_durations(n, 1.2, tween) == expected
    if tween:  # the first step lies between the first two years: it differs from both
        first, step, second = (np.asarray(im) for im in (images[0], images[1], images[tween + 1]))
        assert (first != step).any() and (step != second).any()
    # the file plays as long as the pictures' durations add up to (identical neighbours are merged; a GIF
    # counts in hundredths of a second)
    gif = Image.open(formation_gif(case, "o", tmp_path / "o.gif", size=(4.0, 2.25), dpi=40, tween=tween))
    played = 0
    for k in range(gif.n_frames):
        gif.seek(k)
        played += gif.info["duration"]
    assert played == sum(d // 10 * 10 for d in expected)


@pytest.mark.parametrize("size", [(4.0, 2.25), (3.0, 5.0)])  # wide: the steps' network is larger than the year's
def test_the_moved_steps_look_as_the_steps_drawn_anew(size, monkeypatch):
    import opgavelab.draw.formation as formation

    case = _small_case()
    frames = formation_frames(case, "o", aspect=1.25, lang="nl")
    reused = []
    glide = formation._glide
    monkeypatch.setattr(formation, "_glide", lambda *a, **k: reused.append(k["reuse"]) or glide(*a, **k))
    moved = formation._gif_images(case, "o", frames, lang="nl", size=size, dpi=40, tween=2)
    assert set(reused) == {size[0] < 3.5}  # the year's markers serve its steps when they keep their size
    monkeypatch.setattr(formation, "_mover", lambda ax, frame: None)  # every step drawn anew
    drawn = formation._gif_images(case, "o", frames, lang="nl", size=size, dpi=40, tween=2)
    assert len(moved) == len(drawn)
    assert all((np.asarray(a) == np.asarray(b)).all() for a, b in zip(moved, drawn))
