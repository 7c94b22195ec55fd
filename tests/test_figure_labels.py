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


# -- every report figure of the example: what `opgavelab report` draws (A4, the default date) -------------------

def _name_groups(svg: str) -> list[str]:
    """The text of each name or number drawn in the network (one ``<g id="name">`` per label, lines joined)."""
    out = []
    for seg in svg.split('<g id="name">')[1:]:
        cut = re.search(r'<g id="(?!patch)', seg)
        seg = seg[:cut.start()] if cut else seg
        out.append(" ".join(t.strip() for t in re.findall(r">([^<>]+)</text>", seg)))
    return out


def _report_figures(case, layout):
    from opgavelab.draw.layout import compass_layout, force_layout
    from opgavelab.metrics.formation import default_at
    from opgavelab.network import opgave_graph

    at = default_at(case)
    for opgave in case.opgaven.index:
        G = opgave_graph(case, opgave, at, directed=None)
        pos = force_layout(G, seed=0) if layout == "force" else compass_layout(G, case)
        yield opgave, network_figure(case, opgave, at, G=G, layout=pos)


@pytest.mark.parametrize("layout", ["force", "compass"])
def test_every_report_figure_names_or_numbers_every_actor_and_no_labels_overlap(case, layout, tmp_path):
    from matplotlib.text import Text

    from opgavelab.draw.static import save_figure

    for opgave, fig in _report_figures(case, layout):
        path = save_figure(fig, tmp_path / f"{opgave}-{layout}.svg")
        svg = _unescape(path.read_text(encoding="utf-8"))
        labels = {" ".join(s.split()) for s in _name_groups(svg)}
        every_text = " ".join(" ".join(re.findall(r">([^<>]+)</text>", svg)).split())
        keyed = {name: num for num, name in fig._opgavelab_key}
        scene = fig._opgavelab_scene
        assert len(scene.nodes) > 0
        for v, row in scene.nodes.iterrows():
            label = " ".join(str(row["label"]).split())
            if label in labels:
                continue
            # no room for the name: its number on the figure, and the number with the full name in the key
            assert row["name"] in keyed, (opgave, layout, v, label)
            assert str(keyed[row["name"]]) in labels, (opgave, v)
            assert all(word in every_text for word in str(row["name"]).split()), (opgave, v)
        assert len(keyed) == len(set(keyed.values()))
        # no two labels (names, numbers, ring and sector names, the opgave's box) overlap, measured on the figure
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        ax = fig.axes[0]
        boxes = []
        for t in ax.texts:
            if not t.get_text():
                continue
            if hasattr(t, "update_positions"):
                t.update_positions(renderer)
            patch = t.get_bbox_patch()
            own = t.get_gid() is None and patch is not None  # the opgave's box: its dark box counts
            boxes.append((t.get_text(), patch.get_window_extent(renderer) if own else Text.get_window_extent(t, renderer)))
        assert len(boxes) >= len(scene.nodes)
        for i, (sa, a) in enumerate(boxes):
            for sb, b in boxes[i + 1:]:
                w = min(a.x1, b.x1) - max(a.x0, b.x0)
                h = min(a.y1, b.y1) - max(a.y0, b.y0)
                assert not (w > 0.5 and h > 0.5), (opgave, layout, sa, sb)


# -- a long key: a network too large to name everyone -------------------------------------------------

@pytest.fixture(scope="module")
def large_case(tmp_path_factory):
    from benchmarks.generate import Spec, generate

    spec = Spec("K", actors=400, ties=2_400, big_actors=200, big_ties=1_600, explorer_actors=40)
    return opgavelab.load(generate(spec, seed=3, root=tmp_path_factory.mktemp("cases"))["xlsx"])


def _boxes(fig, gid: str) -> list:
    renderer = fig.canvas.get_renderer()
    return [t.get_window_extent(renderer) for t in fig.texts if t.get_gid() == gid and t.get_text()]


@pytest.mark.parametrize("size", ["A4", "A4-landscape", "16:9"])
def test_a_long_key_stays_clear_of_the_legend_the_caption_and_itself(large_case, size):
    fig = network_figure(large_case, "groot", size=size)
    fig.canvas.draw()
    assert len(fig._opgavelab_key) >= 30  # a long key of numbers
    key, legend, caption = _boxes(fig, "key"), _boxes(fig, "legend"), _boxes(fig, "caption")
    assert len(key) == 2 * len(fig._opgavelab_key) + 1 and len(caption) == 1 and legend
    page = fig.bbox
    for i, box in enumerate(key):
        assert page.x0 <= box.x0 and box.x1 <= page.x1 and page.y0 <= box.y0 and box.y1 <= page.y1
        assert not any(box.overlaps(other) for other in legend + caption + key[i + 1:])
    # the caption says who has a name or a number, with whole numbers
    text = next(t.get_text() for t in fig.texts if t.get_gid() == "caption")
    shown = sum(1 for t in fig.axes[0].texts if t.get_gid() == "name")
    assert f"bij {shown} van de 200 actoren, de meest centrale eerst" in " ".join(text.split())
