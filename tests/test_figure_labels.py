"""Every actor in a report network figure is named or numbered; names are text and never overlap."""

from __future__ import annotations

import io
import re

import pytest

import opgavelab
from opgavelab.draw.static import network_figure

matplotlib = pytest.importorskip("matplotlib")


@pytest.fixture(scope="module")
def case():
    return opgavelab.example()


def _svg(fig) -> str:
    buf = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        fig.savefig(buf, format="svg")
    return buf.getvalue()


def _unescape(s: str) -> str:
    return s.replace("&amp;", "&").replace("&quot;", '"').replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")


@pytest.mark.parametrize("layout", ["force", "compass"])
@pytest.mark.parametrize("size", ["A4", "16:9"])
def test_every_actor_named_or_keyed(case, layout, size):
    fig = network_figure(case, "economie", 2024, layout=layout, size=size)
    scene = fig._opgavelab_scene
    svg = _unescape(_svg(fig))
    texts = " ".join(re.findall(r">([^<>]+)</text>", svg))
    texts = " ".join(texts.split())
    keyed = dict((name, num) for num, name in fig._opgavelab_key)
    for v, row in scene.nodes.iterrows():
        if row["name"] in keyed:
            assert str(keyed[row["name"]]) in texts
            assert " ".join(row["name"].split()) in texts or all(w in texts for w in row["name"].split())
        else:
            for word in str(row["label"]).split():
                assert word in texts, (v, row["label"])
    # the most central actors are named, not numbered
    top = scene.nodes.sort_values("rank").head(3)
    assert not set(top["name"]) & set(keyed)


@pytest.mark.parametrize("layout", ["force", "compass"])
def test_no_two_labels_overlap(case, layout):
    fig = network_figure(case, "economie", 2024, layout=layout)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    from matplotlib.text import Text

    # the text's own box (an annotation's extent would include its leader line)
    shown = [t for t in ax.texts if t.get_gid() in ("name", "guide", "sector")]
    for t in shown:
        if hasattr(t, "update_positions"):
            t.update_positions(renderer)
    boxes = [Text.get_window_extent(t, renderer) for t in shown]
    assert len(boxes) >= len(fig._opgavelab_scene.nodes)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            w = min(a.x1, b.x1) - max(a.x0, b.x0)
            h = min(a.y1, b.y1) - max(a.y0, b.y0)
            assert not (w > 0.5 and h > 0.5), (a, b)


def test_names_are_text_not_paths(case):
    fig = network_figure(case, "economie", 2024)
    svg = _unescape(_svg(fig))
    assert "Economic Board" in svg
    # labels never cut mid-word
    assert "…" not in " ".join(re.findall(r">([^<>]+)</text>", svg))


def test_short_name_column(case):
    assert case.actors.at["prov", "short_name"] == "Provincie"
