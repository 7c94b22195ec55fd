"""Scene-first drawing: one Scene, drawn as a figure, a page and a widget; its options defined once."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from opgavelab import draw
from opgavelab.draw.interactive import network_frame, network_html, show_network, write_html
from opgavelab.draw.static import network_figure, small_multiples
from opgavelab.draw.scene import SCENE_OPTIONS, Scene, SceneOptions, build_scene
from opgavelab.network import opgave_graph


@pytest.fixture(scope="module")
def scene(case):
    return build_scene(case, "zorg", 2024, layout="compass", lang="en")


def test_the_options_are_defined_once_and_documented_once():
    fields = [f.name for f in dataclasses.fields(SceneOptions)]
    assert tuple(fields) == SCENE_OPTIONS
    doc = inspect.getdoc(SceneOptions)
    for name in fields:
        assert f"\n{name} :" in doc, name
    # the entry points take them as **options, not as a copied keyword list
    for func in (build_scene, network_figure, network_html, show_network, network_frame, small_multiples):
        params = inspect.signature(func).parameters
        assert not {"size_by", "colour_by", "labels", "seed"} & set(params), func.__name__
        assert any(p.kind is p.VAR_KEYWORD for p in params.values()), func.__name__


def test_a_scene_draws_itself_as_the_functions_do(case, scene):
    assert scene.page() == network_html(case, "zorg", 2024, layout="compass", lang="en", default_labels=20,
                                        max_nodes=None)
    fig = scene.figure(size="16:9")
    assert fig.get_size_inches().round(2).tolist() == [round(40 / 3, 2), 7.5]
    assert fig._opgavelab_scene.nodes.index.tolist() == scene.nodes.index.tolist()
    widget = scene.widget(height=300)
    assert widget.html == scene.page()
    assert widget._repr_html_().startswith("<iframe srcdoc=") and "height:300px" in widget.iframe()


def test_the_page_of_a_scene_keeps_its_seed_and_language(case):
    a = build_scene(case, "zorg", None, seed=3, lang="en")
    assert a.page() == network_html(case, "zorg", seed=3, lang="en", default_labels=20, max_nodes=None)
    assert a.page() != build_scene(case, "zorg", None, seed=4, lang="en").page()
    assert '<html lang="en">' in a.page()


@pytest.mark.parametrize("func", [network_figure, network_html, show_network])
def test_scene_with_scene_options_is_refused_not_ignored(case, scene, func):
    with pytest.raises(ValueError, match=r"scene= and also \['layout', 'size_by'\].*would be ignored"):
        func(case, "zorg", scene=scene, layout="force", size_by=None)
    with pytest.raises(ValueError, match=r"scene= and also \['at'\]"):
        func(case, "zorg", 2020, scene=scene)


def test_a_scene_alone_is_drawn(case, scene):
    assert network_html(case, "zorg", scene=scene) == scene.page()
    assert show_network(case, "zorg", scene=scene, height=200).html == scene.page()


def test_an_unknown_option_names_the_function_and_the_options(case, tmp_path):
    with pytest.raises(TypeError, match=r"network_figure\(\) got an unknown keyword \['colour'\].*SceneOptions"):
        network_figure(case, "zorg", colour="scale")
    with pytest.raises(TypeError, match=r"build_scene\(\) got an unknown keyword \['sizeby'\]"):
        build_scene(case, "zorg", sizeby="degree")
    with pytest.raises(TypeError, match=r"small_multiples\(\) got an unknown keyword \['max_nodes'\]"):
        small_multiples(case, "zorg", max_nodes=3)
    with pytest.raises(TypeError, match=r"network_html\(\) got an unknown keyword"):
        write_html(case, "zorg", tmp_path / "x.html", colour="red")
    assert not (tmp_path / "x.html").exists()


def test_network_frame_is_the_widget_of_its_graph(case):
    G = opgave_graph(case, "zorg")
    frame = network_frame(case, G, opgave="zorg", colour_by="scale", height=400)
    page = build_scene(case, "zorg", G=G, colour_by="scale", max_nodes=2000, default_labels=500).widget(height=400)
    assert frame == page.iframe()


def test_scene_is_public(case):
    assert draw.SceneOptions is SceneOptions and draw.Scene is Scene
    with pytest.raises(TypeError, match="'scene' must be a Scene"):
        network_figure(case, "zorg", scene="not a scene")
