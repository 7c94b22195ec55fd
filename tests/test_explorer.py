"""The explorer, driven without a browser: each control changes what it should."""

from __future__ import annotations


import pandas as pd
import pytest

import opgavelab
from opgavelab import Explorer


@pytest.fixture(scope="module")
def case():
    return opgavelab.example()


@pytest.fixture
def ex(case, tmp_path):
    return Explorer(case, export_dir=tmp_path / "export")


def test_starts_on_the_first_opgave_in_the_last_year(ex):
    assert ex.opgave == "economie" and ex.at == 2024
    assert ex.scan.opgave == "economie" and ex.scan.at.year == 2024
    assert ex.metrics["n_actors"] == len(ex.case.actors_of("economie", 2024)) and ex.metrics["components"] == 1
    # the formation view: the parts of every year, shown at the selected year
    assert ex.view == "formation" and ex.view_html == ""
    view = ex._formation_view
    assert view.data["years"] == list(range(2018, 2025)) and view.year == 2024
    from opgavelab.metrics import formation

    parts = formation(ex.case, "economie")["n_components"].tolist()
    assert [len(f["parts"]) for f in view.data["frames"]] == parts and parts[0] >= 5
    assert ex.last_error is None and ex._log.outputs == ()


def test_the_formation_view_and_the_explorer_move_together(ex):
    view = ex._formation_view
    data = view.data
    ex.at = 2018
    assert view.year == 2018 and view.data is data  # a new year glides: no new data
    view.year = 2020  # what the view's own slider does in the browser
    assert ex.at == 2020 and ex.scan.at.year == 2020 and ex._year_w.value == 2020
    view.selected_actor = "eb"  # a click in the browser
    assert ex.selected_actor == "eb"
    ex.types = ["overheid"]
    assert view.data is not data and all(n["id"] in set(ex.case.actors.index[ex.case.actors["type"] == "overheid"])
                                         for n in view.data["nodes"])


def test_a_year_before_the_opgave_starts_shows_its_first_year_without_moving_the_explorer(case, tmp_path):
    ex = Explorer(case, opgave="energie", at=2018, export_dir=tmp_path)
    assert ex._formation_view.year == 2019 and ex.at == 2018


def test_the_year_slider_moves_the_formation_view_in_the_browser_and_the_kernel_clamps_it(case, tmp_path):
    from ipywidgets.widgets.widget_link import DirectionalLink

    ex = Explorer(case, opgave="energie", export_dir=tmp_path)
    link = ex._year_link
    # a link in the browser: ▶ and the slider move the picture without waiting for the kernel
    assert isinstance(link, DirectionalLink)
    assert link.source == (ex._year_w, "value") and link.target == (ex._formation_view, "year")
    first = ex._formation_view.data["years"][0]
    ex._year_w.value = first - 1  # the slider, then what the link does in the browser
    ex._formation_view.year = first - 1
    assert ex.at == first - 1 and ex._formation_view.year == first and ex.last_error is None


def test_a_filter_change_reuses_the_frames_and_sends_what_a_fresh_computation_sends(case, tmp_path, monkeypatch):
    from opgavelab.draw import formation as formation_module
    from opgavelab.draw.formation import formation_data

    ex = Explorer(case, export_dir=tmp_path)
    types = list(ex.types)
    calls = []
    original = formation_module.formation_frames
    monkeypatch.setattr(formation_module, "formation_frames", lambda *a, **k: calls.append(1) or original(*a, **k))
    ex.types = types[1:]
    assert calls == []  # the frames of this opgave were made once, when the explorer opened
    shown = set(ex._formation_view.data["nodes"][i]["id"] for i in range(len(ex._formation_view.data["nodes"])))
    monkeypatch.setattr(formation_module, "formation_frames", original)
    fresh = formation_data(case, ex.opgave, lang=ex.lang, actors=shown, tie_types=ex.tie_types)
    assert ex._formation_view.data == fresh and ex.last_error is None


def test_the_per_year_list_is_true_for_every_year(case, tmp_path):
    ex = Explorer(case, opgave="wonen", export_dir=tmp_path)
    panel = ex._metrics_w.value
    assert "2023" in panel and "2024" in panel
    assert "sinds" not in panel.lower() and "in 2024 geen geheel: 2 delen" in panel
    ex.at = 2022
    assert "één geheel sinds 2021" in ex._metrics_w.value


def test_moving_the_year_shows_the_scattered_start(ex):
    ex.at = 2018
    assert ex.scan.at.year == 2018
    assert ex.metrics["components"] >= 5 and ex.metrics["n_actors"] == len(ex.case.actors_of("economie", 2018))
    assert ex._year_w.value == 2018
    ex._year_w.value = 2022  # what the slider (and the play button) does
    assert ex.at == 2022 and ex.metrics["components"] == 1


def test_picking_another_opgave(ex, case):
    before = ex._formation_view.data
    ex.opgave = "energie"
    assert ex.scan.opgave == "energie"
    assert ex._opgave_w.value == "energie"
    assert case.opgaven.loc["energie", "origin"] in ex._info.value
    assert ex._formation_view.data != before and ex._formation_view.data["years"][0] == 2019
    ex._opgave_w.value = "wonen"
    assert ex.opgave == "wonen" and ex.scan.opgave == "wonen"


def test_type_filter(ex):
    ex.types = ["overheid", "bedrijf"]
    types = {d["type"] for _, d in ex.shown_graph.nodes(data=True)}
    assert types == {"overheid", "bedrijf"}
    involved = ex.case.actors.loc[list(ex.case.actors_of("economie", 2024))]
    assert ex.metrics["n_actors"] == involved["type"].isin(["overheid", "bedrijf"]).sum()


def test_toggle_buttons_drive_the_filters(ex):
    button = next(b for b in ex._types_w._buttons if b.description == "burger")
    button.value = False
    assert "burger" not in ex.types
    assert all(d["type"] != "burger" for _, d in ex.shown_graph.nodes(data=True))
    button.value = True
    assert "burger" in ex.types


def test_scale_and_tie_type_filters(ex):
    ex.scales = ["lokaal", "regionaal"]
    assert {d["scale"] for _, d in ex.shown_graph.nodes(data=True)} <= {"lokaal", "regionaal"}
    ex.scales = list(ex._scales_w._values)
    ex.tie_types = ["financiering"]
    assert all("financiering" in d["types"] for *_, d in ex.shown_graph.edges(data=True))
    assert ex.metrics["n_actors"] == len(ex.case.actors_of("economie", 2024))  # actors stay, ties go


def test_awareness_filter(ex):
    ex.aware = "unaware"
    assert ex.metrics["n_actors"] == 4
    assert not any(d["aware"] for _, d in ex.shown_graph.nodes(data=True))
    ex.aware = "aware"
    assert ex.metrics["n_actors"] == len(ex.case.actors_of("economie", 2024)) - 4


def test_colour_size_and_layout_change_the_picture(ex):
    ex.view = "force"
    assert "<iframe" in ex.view_html and "srcdoc=" in ex.view_html
    views = [ex.view_html]
    ex.colour_by = "scale"
    views.append(ex.view_html)
    ex.size_by = "betweenness"
    views.append(ex.view_html)
    ex.view = "compass"
    views.append(ex.view_html)
    assert len(set(views)) == 4
    assert ex._positions[("economie", "compass")].kind == "compass"


def test_english_labels(ex):
    ex.lang = "en"
    assert "from scattered actors to a collective" in ex._title.value
    assert "Key figures" in ex._metrics_w.value
    assert ex._tabs.get_title(1) == "Who is missing"
    assert "Missing:" in ex._missing.value


def test_panels_show_summary_gap_candidates_and_brokers(ex):
    assert "Ontbreken: 1.2 Openbare orde en veiligheid en Netcapaciteit" in ex._summary.value
    assert "Marknet Netbeheer" in ex._missing.value and "Veiligheidsregio Oostermarken" not in ex._missing.value
    assert "Economic Board Veenmarken" in ex._brokers.value


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf", "html", "xlsx"])
def test_export_writes_the_file(ex, fmt):
    path = ex.export(fmt)
    assert path.exists() and path.stat().st_size > 1000
    assert path.parent.name == "export"
    assert path.name.startswith("economie-2024")


def test_export_button_offers_a_download(ex):
    png_button = next(b for b in ex._export_buttons if b.description == "PNG")
    png_button.click()
    assert ex.last_export.exists()
    assert "download=" in ex._export_out.value and "data:image/png;base64," in ex._export_out.value


def test_export_checks_the_format(ex):
    with pytest.raises(ValueError, match=r"'fmt' must be one of \['png', 'svg', 'pdf', 'html', 'xlsx', 'docx'\], got 'gif'"):
        ex.export("gif")


def test_opening_a_valid_workbook_replaces_the_case(ex, case, tmp_path):
    small = opgavelab.Case.from_frames(
        actors=pd.DataFrame({"id": ["a", "b"], "naam": ["A", "B"], "type": ["burger", "bedrijf"]}),
        opgaven=pd.DataFrame({"id": ["o"], "naam": ["Eigen opgave"]}),
        involvement=pd.DataFrame({"actor": ["a", "b"], "opgave": ["o", "o"], "sinds": [2020, 2021]}),
        ties=pd.DataFrame({"van": ["a"], "naar": ["b"], "sinds": [2021]}))
    path = opgavelab.save(small, tmp_path / "eigen.xlsx")
    assert ex.open_workbook("eigen.xlsx", path.read_bytes())
    assert ex.opgave == "o" and ex.scan.opgave == "o"
    assert ex.metrics["n_actors"] == 2
    assert "Geopend: eigen.xlsx" in ex._problems.value


def test_opening_an_invalid_workbook_shows_the_problems_as_a_table(ex, tmp_path):
    from ._workbooks import valid_sheets, write_xlsx

    sheets = valid_sheets()
    sheets["betrokkenheid"][2][0] = "provv"
    path = write_xlsx(tmp_path / "fout.xlsx", sheets)
    assert not ex.open_workbook("fout.xlsx", path.read_bytes())
    assert "<table" in ex._problems.value and "Onbekende actor" in ex._problems.value
    assert ex._tabs.selected_index == 3
    assert ex.opgave == "economie"  # the old case stays
    assert ex.last_error is None


def test_the_upload_button_opens_the_workbook(ex, tmp_path):
    path = opgavelab.save(opgavelab.example(), tmp_path / "kopie.xlsx")
    ex._on_upload({"new": ({"name": "kopie.xlsx", "content": memoryview(path.read_bytes())},)})
    assert ex.case.name == "kopie"


def test_above_the_node_limit_the_most_central_part_is_shown(case, tmp_path):
    ex = Explorer(case, max_nodes=10, export_dir=tmp_path)
    assert ex.shown_graph.number_of_nodes() == 10
    n = len(case.actors_of("economie", 2024))
    assert f"10 meest centrale van {n} actoren" in ex._notice.value
    ex.max_nodes = 100
    assert ex.shown_graph.number_of_nodes() == n and ex._notice.value == ""


@pytest.mark.parametrize("max_nodes", [5, 12, 500])
@pytest.mark.parametrize("opgave", ["economie", "zorg"])
def test_the_formation_views_actors_are_the_filtered_and_limited_graphs(case, tmp_path, max_nodes, opgave):
    # the formation view finds its actors without copying the graph; they must be _limit(_filtered_graph(G))'s
    ex = Explorer(case, opgave=opgave, max_nodes=max_nodes, export_dir=tmp_path)
    union = ex._union_graph()
    settings = [{}, {"types": ex.types[1:]}, {"tie_types": ex.tie_types[:1]}, {"aware": "unaware"},
                {"scales": ex.scales[:2], "tie_types": ex.tie_types[1:]}]
    for setting in settings:
        for name, value in setting.items():
            setattr(ex, name, value)
        assert ex._shown_actors(union) == set(ex._limit(ex._filtered_graph(union))[0].nodes), setting


def test_an_error_in_a_callback_is_shown_not_lost(ex, monkeypatch):
    def broken(H):
        raise RuntimeError("weergave kapot")

    monkeypatch.setattr(ex, "_render", broken)
    ex.at = 2020
    assert ex.last_error == "RuntimeError: weergave kapot"
    assert "Er ging iets mis" in ex._status.value
    assert any("weergave kapot" in o.get("text", "") for o in ex._log.outputs)


def test_arguments_are_checked(case):
    with pytest.raises(TypeError, match="'case' must be an opgavelab.Case"):
        Explorer("case.xlsx")
    with pytest.raises(ValueError, match="'opgave' must be one of the opgave ids"):
        Explorer(case, opgave="klimaat")


def test_explorer_speaks_the_cases_language_by_default():
    import opgavelab

    ex = opgavelab.Explorer(opgavelab.example(lang="en"))
    assert ex.lang == "en"
    assert "Who is missing" in ex._summary_html()
    assert "boundary spanner" in ex._brokers_html() and "grensganger" not in ex._brokers_html()


def test_every_trait_moves_its_control_and_back():
    ex = Explorer(opgavelab.example())
    pairs = {"aware": (ex._aware_w, "aware"), "colour_by": (ex._colour_w, "scale"), "size_by": (ex._size_w, None),
             "view": (ex._layout_w, "compass"), "export_dir": (ex._export_dir_w, "elders")}
    for name, (control, value) in pairs.items():
        options = [v for _, v in control.options] if hasattr(control, "options") else [value]
        value = value or next(v for v in options if v != getattr(ex, name))
        setattr(ex, name, value)
        assert control.value == value, name
        other = next(v for v in options if v != value) if len(options) > 1 else "terug"
        control.value = other
        assert getattr(ex, name) == other, name
    # the checkboxes of the filters
    first = ex.types[0]
    ex.types = [t for t in ex.types if t != first]
    box = next(b for b in ex._types_w._buttons if b._value == first)
    assert box.value is False
    box.value = True
    assert first in ex.types
    for name, row in (("scales", ex._scales_w), ("tie_types", ex._ties_w)):
        first = getattr(ex, name)[0]
        setattr(ex, name, [v for v in getattr(ex, name) if v != first])
        box = next(b for b in row._buttons if b._value == first)
        assert box.value is False, name
        box.value = True
        assert first in getattr(ex, name), name
    # opgave and year
    ex.opgave = "zorg"
    assert ex._opgave_w.value == "zorg"
    ex._opgave_w.value = "economie"
    assert ex.opgave == "economie"
    ex.at = 2020
    assert ex._year_w.value == 2020
    ex._year_w.value = 2022
    assert ex.at == 2022
    # a language change relabels without moving the traits
    ex.colour_by = "sector"
    ex.lang = "en"
    assert ex.colour_by == "sector" and ex._colour_w.value == "sector"


def test_layout_is_ipywidgets_layout_and_view_is_the_picture():
    ex = Explorer(opgavelab.example(), layout="force")
    assert ex.view == "force"
    ex.layout.width = "100%"
    assert ex.layout.width == "100%"


def test_app_mode_hides_the_server_folder_and_downloads_are_buttons(monkeypatch, tmp_path):
    monkeypatch.setenv("VOILA_BASE_URL", "/")
    ex = Explorer(opgavelab.example(), export_dir=tmp_path)
    assert ex._export_dir_w.layout.display == "none"
    ex._on_export_click("xlsx")
    out = ex._export_out.value
    assert "role='button'" in out and "download=" in out
    assert str(tmp_path) not in out  # only the file's name, never a server path


def test_empty_results_are_sentences():
    from opgavelab._i18n import message

    ex = Explorer(opgavelab.example())
    seen = False
    for oid in ex.case.opgaven.index:
        ex.opgave = oid
        if ex.scan.candidates.empty:
            assert message("explorer_no_candidates", "nl") in ex._missing.value
            seen = True
        if ex.scan.unused_expertise.empty:
            assert message("explorer_no_unused", "nl") in ex._missing.value
            seen = True
    if not seen:
        pytest.skip("every opgave of the example has candidates and unused expertise")


def test_a_case_without_dates_is_shown_over_all_dates(tmp_path):
    # no date in the case: no made-up year (it once showed, and named exports after, the year 2000)
    case = opgavelab.Case.from_frames(
        actors=pd.DataFrame({"id": ["a", "b", "c"], "naam": ["A", "B", "C"], "type": ["overheid", "bedrijf", "burger"]}),
        opgaven=pd.DataFrame({"id": ["o"], "naam": ["Werk"]}),
        involvement=pd.DataFrame({"actor": ["a", "b", "c"], "opgave": ["o", "o", "o"]}),
        ties=pd.DataFrame({"van": ["a", "b"], "naar": ["b", "c"]}))
    ex = Explorer(case, export_dir=tmp_path)
    assert ex.at is None and ex.last_error is None
    assert ex._year_w.disabled and ex._play.disabled
    assert ex.shown_graph.number_of_edges() == 2
    assert "2000" not in ex.export("xlsx").name
