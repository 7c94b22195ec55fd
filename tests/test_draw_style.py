"""The visual language: colours, shapes, lines, captions, and what a scene holds."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

import opgavelab
from opgavelab import Case
from opgavelab.draw.layout import force_layout
from opgavelab.draw.scene import build_scene
from opgavelab.draw.style import (
    caption,
    metric_label,
    scale_shapes,
    text,
    tie_styles,
    type_colours,
)
from opgavelab.schema import OKABE_ITO


@pytest.fixture(scope="module")
def case():
    return opgavelab.example()


@pytest.fixture(scope="module")
def small_case():
    """Four actors, one not aware, a lijsten sheet that recolours 'overheid'."""
    return Case.from_frames(
        actors=pd.DataFrame({"id": ["a", "b", "c", "d"],
                             "naam": ["Gemeente A", "Bedrijf B", "Stichting C", "Bewoner D"],
                             "type": ["overheid", "bedrijf", "maatschappelijke organisatie", "burger"],
                             "schaalniveau": ["lokaal", "regionaal", "buurt", None]}),
        opgaven=pd.DataFrame({"id": ["o1"], "naam": ["Energietransitie"]}),
        involvement=pd.DataFrame({"actor": ["a", "b", "c", "d"], "opgave": ["o1"] * 4,
                                  "bewust": ["ja", "ja", "nee", "ja"]}),
        ties=pd.DataFrame({"van": ["a", "a", "b"], "naar": ["b", "c", "c"],
                           "type": ["samenwerking", "financiering", "informatie"], "gewicht": [1, 3, 2]}),
        vocabularies=pd.DataFrame({"lijst": ["actortype"], "waarde": ["overheid"], "kleur": ["#123456"]}),
        name="Testcasus", source="/data/test-casus.xlsx",
    )


# -- colours, shapes, lines ----------------------------------------------------

def test_default_colours_are_okabe_ito_in_the_order_of_the_types():
    colours = type_colours()
    values = ["overheid", "bedrijf", "maatschappelijke organisatie", "kennisinstelling", "burger"]
    assert [colours[v] for v in values] == [c.lower() for c in OKABE_ITO[:5]]
    assert colours[None] == "#9e9e9e"


def test_the_lijsten_sheet_overrides_a_colour(small_case):
    assert type_colours(small_case)["overheid"] == "#123456"
    assert type_colours(small_case)["bedrijf"] == OKABE_ITO[1].lower()


def test_the_colours_argument_overrides_the_lijsten_sheet(small_case):
    assert type_colours(small_case, colours={"overheid": "black"})["overheid"] == "#000000"


def test_an_invalid_colour_is_named(small_case):
    with pytest.raises(ValueError, match="'colours' has an invalid colour for 'overheid': 'blauwgroen'"):
        type_colours(small_case, colours={"overheid": "blauwgroen"})
    with pytest.raises(TypeError, match="'colours' must be a mapping"):
        type_colours(small_case, colours=["red"])


def test_every_scale_level_has_its_own_shape_in_both_renderers():
    shapes = scale_shapes()
    levels = ["buurt", "lokaal", "regionaal", "provinciaal", "nationaal", "Europees", "mondiaal"]
    assert len({shapes[v][0] for v in levels}) == 7
    assert len({shapes[v][1] for v in levels}) == 7
    assert shapes["buurt"][1] == "triangleDown" and shapes["mondiaal"][1] == "star"


def test_every_tie_type_has_its_own_line_style():
    lines = tie_styles()
    names = [lines[t][0] for t in ["samenwerking", "financiering", "informatie", "mandaat"]]
    assert len(set(names)) == 4
    assert lines["samenwerking"][2] is False  # solid in vis-network


# -- captions --------------------------------------------------------------------

def test_caption_names_case_opgave_date_and_source(case):
    assert caption(case, "economie", 2024) == ("Regio Veenmarken (fictief) · Regionale economische groei Veenmarken"
                                               " · stand 31-12-2024 · bron: voorbeeld-veenmarken.xlsx")


def test_caption_in_english_and_for_all_years(case):
    text_en = caption(case, "economie", None, lang="en", filters={"type": ["overheid", "bedrijf"]})
    assert "all years" in text_en
    assert "filter: type = overheid, bedrijf" in text_en
    assert text_en.endswith("source: voorbeeld-veenmarken.xlsx")


def test_caption_rejects_an_unknown_language(case):
    with pytest.raises(ValueError, match=r"'lang' must be one of \['nl', 'en'\], got 'de'\."):
        caption(case, "economie", lang="de")


def test_texts_and_metric_names_are_dutch_by_default():
    assert text("actor_type") == "Actortype" and text("actor_type", "en") == "Actor type"
    assert metric_label("degree") == "aantal relaties"
    assert metric_label(pd.Series([1.0], name="betweenness"), "en") == "betweenness"


# -- scenes -----------------------------------------------------------------------

def test_scene_has_every_involved_actor_with_its_style(small_case):
    scene = build_scene(small_case, "o1")
    assert set(scene.nodes.index) == {"a", "b", "c", "d"}
    assert scene.nodes.loc["a", "colour"] == "#123456"
    assert scene.nodes.loc["c", "aware"] == False  # noqa: E712 - drawn hollow and dashed
    assert scene.legend["not_aware"] is True
    assert scene.nodes.loc["c", "marker"] == "v" and scene.nodes.loc["c", "shape"] == "triangleDown"
    assert scene.nodes.loc["d", "scale_label"] == "onbekend"
    assert pd.isna(scene.nodes.loc["d", "scale"])
    assert scene.opgave["name"] == "Energietransitie" and scene.opgave["key"] == ("opgave", "o1")


def test_scene_sizes_follow_the_metric(small_case):
    scene = build_scene(small_case, "o1", size_by="degree")
    # a, b and c have 2 partners each, d none; equal values rank by name
    assert scene.nodes.loc["a", "size"] > scene.nodes.loc["d", "size"]
    assert scene.nodes["rank"].to_dict() == {"b": 1, "a": 2, "c": 3, "d": 4}
    weighted = build_scene(small_case, "o1", size_by="weighted_degree")
    # c: 3 + 2, a: 1 + 3, b: 1 + 2
    assert weighted.nodes["value"].to_dict() == {"a": 4.0, "b": 3.0, "c": 5.0, "d": 0.0}
    assert weighted.nodes.loc["c", "rank"] == 1
    custom = build_scene(small_case, "o1", size_by=pd.Series({"d": 10.0}))
    assert custom.nodes.loc["d", "rank"] == 1


def test_scene_edges_carry_type_weight_and_line(small_case):
    scene = build_scene(small_case, "o1")
    e = scene.edges.set_index(["source", "target"])
    assert e.loc[("a", "c"), "type"] == "financiering" and e.loc[("a", "c"), "line"] == "dashed"
    assert e.loc[("a", "c"), "width"] == 1.0 and e.loc[("a", "b"), "width"] == 0.0


def test_scene_labels_only_the_most_central_when_there_are_many(case):
    scene = build_scene(case, "economie", labels=5)
    assert int(scene.nodes["show_label"].sum()) == 5
    assert scene.nodes.loc[scene.nodes["show_label"], "rank"].max() == 5
    n = opgave_graph_for(case).number_of_nodes()
    assert int(build_scene(case, "economie", labels="all").nodes["show_label"].sum()) == n


def test_scene_with_a_node_limit_keeps_the_most_central_and_says_so(case):
    scene = build_scene(case, "economie", max_nodes=10)
    n = opgave_graph_for(case).number_of_nodes()
    assert len(scene.nodes) == 10 and scene.n_total == n
    assert scene.notes and f"de 10 meest centrale van {n} actoren" in scene.notes[0]
    assert scene.notes[0] in scene.caption


def test_scene_can_use_a_layout_computed_before(case):
    G = opgave_graph_for(case)
    pos = force_layout(G, seed=4)
    scene = build_scene(case, "economie", G=G, layout=pos)
    v = next(iter(G))
    assert (scene.nodes.loc[v, "x"], scene.nodes.loc[v, "y"]) == pos[v]


def opgave_graph_for(case):
    from opgavelab.network import opgave_graph

    return opgave_graph(case, "economie")


def test_scene_compass_guides_have_labels_in_the_language(case):
    scene = build_scene(case, "economie", layout="compass", lang="en")
    assert [r["label"] for r in scene.guides["rings"]][:2] == ["neighbourhood", "local"]
    assert scene.guides["sectors"][0]["label"] == "government"


def test_scene_rejects_bad_arguments(case):
    with pytest.raises(ValueError, match=r"'layout' must be one of \['force', 'compass'\], got 'x'\."):
        build_scene(case, "economie", layout="x")
    with pytest.raises(TypeError,
                       match="'layout' must be 'force', 'compass', a Layout or a dict of positions, got int"):
        build_scene(case, "economie", layout=3)
    with pytest.raises(ValueError, match=r"'size_by' must be one of \['degree', 'weighted_degree'"):
        build_scene(case, "economie", size_by="populariteit")
    with pytest.raises(ValueError, match=r"'labels' must be one of \['all', 'none'\], got 'some'\."):
        build_scene(case, "economie", labels="some")
    with pytest.raises(ValueError, match="'labels' must be a number >= 0"):
        build_scene(case, "economie", labels=-1)
    with pytest.raises(ValueError, match="'max_nodes' must be a whole number >= 1 or None, got 0"):
        build_scene(case, "economie", max_nodes=0)
    with pytest.raises(ValueError, match="'opgave' must be one of the opgave ids"):
        build_scene(case, "klimaat")
    with pytest.raises(ValueError, match=f"'layout' has no position for {opgave_graph_for(case).number_of_nodes()} actor"):
        build_scene(case, "economie", layout=force_layout(nx.Graph(opgave="economie")))


def test_scene_can_colour_by_another_attribute(case):
    scene = build_scene(case, "economie", colour_by="role")
    roles = case.colours("role")  # the example's lijsten sheet gives each role a colour
    trekker = scene.nodes[scene.nodes["role"].astype(str).str.startswith("Trekker")]
    assert set(trekker["colour"]) == {roles["trekker"].lower()}
    assert scene.legend["colour_title"] == "Rol"
    aware = build_scene(case, "economie", colour_by="aware", lang="en")
    assert [lb for _, lb in aware.legend["types"]] == ["yes", "no"]
    assert set(aware.nodes.loc[~aware.nodes["aware"].astype(bool), "colour"]) == {"#d55e00"}


def test_scene_rejects_an_unknown_colour_attribute(case):
    with pytest.raises(ValueError, match=r"'colour_by' must be one of \['type', 'scale', 'sector', 'role', 'aware'"):
        build_scene(case, "economie", colour_by="kleur")


def test_scene_takes_plain_positions(case):
    G = opgave_graph_for(case)
    positions = {v: (float(i), 0.0) for i, v in enumerate(G)}
    scene = build_scene(case, "economie", G=G, layout=positions)
    assert scene.layout.kind == "custom" and scene.opgave["x"] == 0.0
    assert scene.nodes["x"].tolist() == [float(i) for i in range(len(G))]


def test_more_actor_types_than_okabe_ito_each_get_their_own_colour():
    from opgavelab.draw.style import attribute_colours

    values = [f"type {i}" for i in range(14)]
    colours = attribute_colours(None, "role", values)
    assert len({colours[v] for v in values}) == 14


def test_an_unknown_opgave_is_named_not_a_key_error():
    # caption, the formation slide and the snapshot dates once answered "nope" with a bare pandas KeyError
    import opgavelab
    from opgavelab.draw import caption, formation_frame_figure, formation_frames
    from opgavelab.metrics import snapshot_dates

    case = opgavelab.example()
    frame = formation_frames(case, "zorg")[0]
    for call in (lambda: caption(case, "nope", 2024), lambda: formation_frame_figure(case, "nope", frame),
                 lambda: snapshot_dates(case, "nope")):
        with pytest.raises(ValueError, match=r"'opgave' must be one of the opgave ids \[.*\], got 'nope'"):
            call()
