"""Static figures, checked as a reader would: not blank, a legend, a caption, files that open."""

from __future__ import annotations

import re

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from defusedxml import ElementTree
from PIL import Image

import opgavelab
from opgavelab.draw.static import (
    FIGURE_SIZES,
    coverage_figure,
    formation_figure,
    network_figure,
    save_figure,
    small_multiples,
)
from opgavelab.network import opgave_graph


@pytest.fixture(scope="module")
def case():
    return opgavelab.example()


@pytest.fixture(scope="module")
def figure(case):
    return network_figure(case, "economie", at=2024)


def _ink(img: Image.Image) -> float:
    """Share of pixels that are not (nearly) white."""
    a = np.asarray(img.convert("L"), dtype=float)
    return float((a < 235).mean())


def _texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text") and callable(a.get_text))]


# -- the network figure ------------------------------------------------------------

def test_png_is_not_blank_and_has_its_legend(figure, tmp_path):
    path = save_figure(figure, tmp_path / "netwerk.png", dpi=100)
    img = Image.open(path)
    assert img.size == (827, 1169)  # A4 at 100 dpi
    assert _ink(img) > 0.03
    titles = [leg.get_title().get_text() for leg in figure._opgavelab_legend]
    assert titles[:3] == ["Actortype", "Schaalniveau", "Relatietype"]
    # the legend is drawn: there is ink where it is
    renderer = figure.canvas.get_renderer()
    h = img.size[1]
    for leg in figure._opgavelab_legend[:2]:
        bb = leg.get_window_extent(renderer)
        crop = img.crop((int(bb.x0), int(h - bb.y1), int(bb.x1), int(h - bb.y0)))
        assert _ink(crop) > 0.02


def test_figure_carries_title_and_caption(figure, case):
    texts = _texts(figure)
    assert "Regionale economische groei Veenmarken" in texts
    cap = [t for t in texts if t.startswith("Regio Veenmarken (fictief)")]
    assert cap and "stand 31-12-2024" in cap[0] and "bron: voorbeeld-veenmarken.xlsx" in cap[0]


def test_figure_names_or_numbers_every_actor(figure):
    nodes = figure._opgavelab_scene.nodes
    texts = {" ".join(t.split()) for t in _texts(figure)}
    keyed = {name for _, name in figure._opgavelab_key}
    named = [v for v, row in nodes.iterrows() if row["label"] in texts]
    assert len(named) >= 5
    assert all(v in named or nodes.at[v, "name"] in keyed for v in nodes.index)
    assert not any(t.endswith("…") for t in texts)


def test_english_figure_has_english_legend(case):
    fig = network_figure(case, "zorg", lang="en", layout="compass", size="16:9")
    titles = [leg.get_title().get_text() for leg in fig._opgavelab_legend]
    assert titles[:2] == ["Actor type", "Scale level"]
    texts = _texts(fig)
    assert "neighbourhood" in texts and "all years" in " ".join(texts)


def test_compass_figure_draws_rings_and_sector_names(case):
    fig = network_figure(case, "economie", layout="compass")
    texts = _texts(fig)
    for label in ("buurt", "mondiaal", "overheid", "kennisinstelling"):
        assert label in texts


def test_svg_opens_and_keeps_texts(figure, tmp_path):
    path = save_figure(figure, tmp_path / "netwerk.svg")
    root = ElementTree.parse(path).getroot()
    assert root.tag.endswith("svg")
    w, h = (float(re.match(r"[\d.]+", root.get(k)).group()) for k in ("width", "height"))
    assert w / h == pytest.approx(210 / 297, rel=0.01)
    assert "Actortype" in path.read_text(encoding="utf-8")


def test_pdf_opens(figure, tmp_path):
    data = save_figure(figure, tmp_path / "netwerk.pdf").read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    # the cross-reference table is where the trailer says it is
    start = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    assert data[start:start + 4] == b"xref"
    assert b"/Type /Page" in data


def test_save_figure_in_16_9_and_a4_sizes(case, tmp_path):
    fig = network_figure(case, "zorg", size="16:9")
    assert Image.open(save_figure(fig, tmp_path / "a.png", dpi=60)).size == (800, 450)
    save_figure(fig, tmp_path / "b.png", size="A4", dpi=50)
    assert Image.open(tmp_path / "b.png").size == (413, 584)  # 8.27 x 11.69 inches
    assert FIGURE_SIZES["16:9"][0] / FIGURE_SIZES["16:9"][1] == pytest.approx(16 / 9, rel=1e-3)


def test_save_figure_keeps_an_existing_file(figure, tmp_path):
    path = tmp_path / "netwerk.png"
    path.write_bytes(b"mine")
    with pytest.raises(FileExistsError, match="already exists"):
        save_figure(figure, path)
    assert path.read_bytes() == b"mine"
    save_figure(figure, path, overwrite=True, dpi=30)
    assert path.read_bytes().startswith(b"\x89PNG")
    assert [p.name for p in tmp_path.iterdir()] == ["netwerk.png"]  # no temporary files left


def test_save_figure_rejects_other_formats_and_sizes(figure, tmp_path):
    with pytest.raises(ValueError, match=r"'format' must be one of \['png', 'svg', 'pdf'\], got 'jpg'\."):
        save_figure(figure, tmp_path / "x.jpg")
    with pytest.raises(ValueError, match=r"'size' must be one of \['A4', 'A4-landscape', '16:9'\], got 'A3'\."):
        save_figure(figure, tmp_path / "x.png", size="A3")


def test_network_figure_rejects_an_unknown_layout(case):
    with pytest.raises(ValueError, match=r"'layout' must be one of \['force', 'compass'\], got 'circle'\."):
        network_figure(case, "zorg", layout="circle")


def test_network_figure_of_a_filtered_graph(case):
    G = opgave_graph(case, "economie", 2024)
    G = G.subgraph([v for v, d in G.nodes(data=True) if d["type"] == "overheid"]).copy()
    fig = network_figure(case, "economie", 2024, G=G, filters={"type": "overheid"})
    scene = fig._opgavelab_scene
    assert set(scene.nodes.index) == set(G) and "filter: type = overheid" in scene.caption


# -- charts that go with a scan, from tables computed here with networkx -----------

def _coverage_table(case, opgave: str) -> pd.DataFrame:
    needed = list(case.opgaven.at[opgave, "domains"])
    involved = set(case.actors_of(opgave))
    rows = {}
    for code in needed + ["0.1", "7.4"]:
        actors = [a for a in involved if code in (case.actors.at[a, "domains"] or [])]
        rows[code] = {"label": case.labels("domain").get(code, code), "needed": code in needed,
                      "covered": bool(actors), "n_actors": len(actors), "actors": sorted(actors)}
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("domain")


def _formation_table(case, opgave: str) -> pd.DataFrame:
    rows = {}
    for year in case.years():
        G = opgave_graph(case, opgave, year).to_undirected()
        n = G.number_of_nodes()
        comps = list(nx.connected_components(G)) if n else []
        ext = sum(1 for u, v in G.edges if G.nodes[u]["type"] != G.nodes[v]["type"])
        m = G.number_of_edges()
        rows[pd.Timestamp(year=year, month=12, day=31)] = {
            "n_actors": n, "n_ties": m, "density": nx.density(G) if n > 1 else np.nan,
            "n_components": len(comps), "largest_component_share": max(map(len, comps)) / n if n else np.nan,
            "ei_type": (ext - (m - ext)) / m if m else np.nan,
        }
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("date")


def test_coverage_figure_shows_covered_and_missing_domains(case, tmp_path):
    cov = _coverage_table(case, "economie")
    assert not cov.loc["1.2", "covered"]  # the example misses 1.2 Openbare orde en veiligheid (and Netcapaciteit)
    fig = coverage_figure(cov, case=case, opgave="economie")
    texts = _texts(fig)
    assert "ontbreekt" in texts
    assert any(t.startswith("1.2 Openbare orde") for t in texts)
    needed = cov[cov["needed"]]
    assert f"{int(needed['covered'].sum())} van {len(needed)} benodigde domeinen gedekt" in " ".join(texts)
    ax = fig.axes[0]
    widths = sorted(p.get_width() for p in ax.patches if p.get_facecolor()[3] > 0)
    assert widths[-1] == cov["n_actors"].max()
    assert _ink(Image.open(save_figure(fig, tmp_path / "dekking.png", dpi=50))) > 0.02


def test_coverage_figure_needs_its_columns():
    with pytest.raises(ValueError, match=r"'coverage' lacks the column\(s\) \['covered'\]"):
        coverage_figure(pd.DataFrame({"label": ["a"], "needed": [True], "n_actors": [1]}))
    with pytest.raises(TypeError, match="'coverage' must be a pandas DataFrame, got list"):
        coverage_figure([1, 2])


def test_formation_figure_plots_every_measure_per_year(case):
    form = _formation_table(case, "zorg")
    fig = formation_figure(form, case=case, opgave="zorg", lang="en")
    assert len(fig.axes) == 6
    by_title = {ax.get_title(loc="left"): ax for ax in fig.axes}
    np.testing.assert_allclose(by_title["Actors"].lines[0].get_ydata(), form["n_actors"])
    np.testing.assert_allclose(by_title["Components (separate parts)"].lines[0].get_ydata(), form["n_components"])
    np.testing.assert_allclose(by_title["Share in the largest component"].lines[0].get_ydata(),
                               form["largest_component_share"] * 100)
    np.testing.assert_allclose(by_title["E-I index of actor type"].lines[0].get_ydata(), form["ei_type"])
    assert list(by_title["Density"].lines[0].get_xdata()) == case.years()


def test_formation_figure_needs_its_columns():
    with pytest.raises(ValueError, match=r"'formation' lacks the column\(s\) \['ei_type'\]"):
        formation_figure(pd.DataFrame({"n_actors": [1], "n_ties": [0], "n_components": [1],
                                       "largest_component_share": [1.0], "density": [0.0]}))


def test_small_multiples_show_one_panel_per_date(case, tmp_path):
    fig = small_multiples(case, "zorg", dates=[2019, 2021, 2024], size="16:9")
    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    assert [t[:4] for t in titles] == ["2019", "2021", "2024"]
    assert all("actoren" in t for t in titles)
    assert [leg.get_title().get_text() for leg in fig._opgavelab_legend][0] == "Actortype"
    assert _ink(Image.open(save_figure(fig, tmp_path / "tijd.png", dpi=40))) > 0.02


def test_small_multiples_need_a_date(case):
    with pytest.raises(ValueError, match="'dates' must hold at least one year or date"):
        small_multiples(case, "zorg", dates=[])
