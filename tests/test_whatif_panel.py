"""The explorer's what-if panel, driven without a browser: set traits, press buttons, read what it computed."""

from __future__ import annotations

import pytest

import opgavelab


@pytest.fixture
def explorer(tmp_path):
    return opgavelab.Explorer(opgavelab.example(), opgave="economie", at=2024, export_dir=tmp_path)


def test_the_panel_is_closed_and_idle_until_opened(explorer):
    panel = explorer.whatif
    assert panel.selected_index is None
    assert panel.scenario is None
    panel.selected_index = 0
    assert panel.scenario is not None and not panel.removed
    assert "waargenomen casus" in panel._state.value


def test_removing_the_association_shows_what_breaks_off_and_undo_returns(explorer):
    panel = explorer.whatif
    panel.selected_index = 0
    observed_view = panel.view_html
    panel._actor_w.value = "ovm"
    panel._remove_b.click()
    s = panel.scenario
    assert panel.removed == ["ovm"]
    assert s.diff.at["n_parts", "after"] == 1 + len(s.cut_off) >= 2
    assert panel.statuses()["bedr-bakkerij"] == "cut_off"
    assert panel.statuses()["ovm"] == "removed"
    assert panel.view_html != observed_view
    assert "afgesneden" in panel.view_html and "Bakkerij De Graaf" in panel._result.value
    assert "data-measure='n_parts'" in panel._result.value
    assert panel._actor_w.value is None  # nothing pre-chosen: a second click takes no one else out
    panel._remove_b.click()
    assert panel.removed == ["ovm"]
    panel._undo_b.click()
    assert panel.removed == [] and panel.added == []
    assert (panel.scenario.diff["change"].fillna(0) == 0).all()
    assert panel.view_html == observed_view
    assert explorer.last_error is None


def test_adding_a_candidate_shows_the_gap_it_closes(explorer):
    panel = explorer.whatif
    panel.selected_index = 0
    labels = [label for label, _ in panel._candidate_w.options]
    assert labels[0].startswith("★")  # candidates that fill a gap come first
    panel._candidate_w.value = "riec"
    panel._add_b.click()
    assert panel.scenario.gaps_closed == ["1.2"]
    assert "1.2 Openbare orde en veiligheid" in panel._result.value
    assert panel.statuses()["riec"] == "added"


def test_another_opgave_or_year_goes_back_to_the_observed_case(explorer):
    panel = explorer.whatif
    panel.selected_index = 0
    panel.remove_actor("eb")
    explorer.at = 2021
    assert panel.removed == []
    assert panel.scenario.at.year == 2021
    explorer.opgave = "energie"
    assert panel.scenario.opgave == "energie"


def test_the_panel_speaks_english(tmp_path):
    ex = opgavelab.Explorer(opgavelab.example(), opgave="economie", at=2024, lang="en", export_dir=tmp_path)
    panel = ex.whatif
    panel.selected_index = 0
    panel.remove_actor("ovm")
    assert panel._remove_b.description == "What if this party drops out?"
    assert "falls apart" in panel._result.value
    ex.lang = "nl"
    assert panel._remove_b.description == "Wat als deze partij wegvalt?"


def test_a_large_picture_keeps_the_changed_actors(tmp_path):
    ex = opgavelab.Explorer(opgavelab.example(), opgave="economie", at=2024, max_nodes=10, export_dir=tmp_path)
    panel = ex.whatif
    panel.selected_index = 0
    panel.remove_actor("ovm")
    n = len(ex.case.actors_of("economie", 2024))
    assert f"toont 10 van {n} actoren" in panel.view_html
    assert "Bakkerij De Graaf" in panel.view_html  # the actor that is cut off is still in the picture


def test_a_click_in_the_network_view_picks_the_party(tmp_path):
    """When the view has a ``selected_actor`` trait (another part of the explorer), the panel follows it."""
    import traitlets

    class ClickableExplorer(opgavelab.Explorer):
        selected_actor = traitlets.Unicode(None, allow_none=True)

    ex = ClickableExplorer(opgavelab.example(), opgave="economie", at=2024, export_dir=tmp_path)
    panel = ex.whatif
    ex.selected_actor = "eb"
    assert panel.actor == "eb"
    ex.selected_actor = "riec"  # not involved: a candidate to bring in
    assert panel.candidate == "riec"
    panel._remove_b.click()
    assert panel.removed == ["eb"]
