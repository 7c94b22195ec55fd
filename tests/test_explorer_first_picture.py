"""The explorer's first picture comes sooner: the same explorer, made in a different order.

In a kernel the explorer shows itself first, then the formation picture, then
the scan and the panels (``_after_output``); here the kernel's "after the
cell" is a list of callbacks run by hand, and the result must equal an
explorer made all at once. Fewer widget models (shared layouts and styles)
and lighter imports (no scipy, no openpyxl before they are needed) change
nothing a user sees.
"""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

import opgavelab
import opgavelab.explorer as explorer_module
from opgavelab import Explorer


@pytest.fixture(scope="module")
def case():
    return opgavelab.Case.from_frames(
        actors=pd.DataFrame({"id": ["gem", "bedr", "school", "buurt"], "name": ["Gemeente", "Bedrijf", "School", "Buurt"],
                             "type": ["overheid", "bedrijf", "kennisinstelling", "burger"]}),
        opgaven=pd.DataFrame({"id": ["werk", "wonen"], "name": ["Werk", "Wonen"]}),
        involvement=pd.DataFrame({"actor": ["gem", "bedr", "school", "buurt", "gem"],
                                  "opgave": ["werk", "werk", "werk", "werk", "wonen"],
                                  "since": [2020, 2020, 2021, 2022, 2020]}),
        ties=pd.DataFrame({"source": ["gem", "gem", "school"], "target": ["bedr", "school", "buurt"],
                           "since": [2020, 2021, 2023]}),
        lang="en")


@pytest.fixture
def later(monkeypatch):
    """What the kernel would run after the cell: collected here, run by the test."""
    waiting: list = []
    monkeypatch.setattr(explorer_module, "_after_output", lambda callback: waiting.append(callback) or True)
    return waiting


def _shown(ex) -> dict:
    """What the browser gets of the parts the first picture puts off."""
    return {"data": ex._formation_view.data, "year": ex._formation_view.year,
            "display": (ex._formation_view.layout.display, ex._picture.layout.display),
            "panels": [w.value for w in (ex._info, ex._metrics_w, ex._notice, ex._summary, ex._missing, ex._brokers)]}


def test_outside_a_kernel_nothing_waits(case):
    assert explorer_module._after_output(lambda: None) is False
    ex = Explorer(case)
    assert not ex._pending and ex._formation_view.data["years"] and ex._metrics_w.value


def test_in_a_kernel_the_picture_and_panels_follow_the_cell_and_equal_an_explorer_made_at_once(case, later,
                                                                                                monkeypatch):
    ex = Explorer(case, at=2022)
    assert len(later) == 1 and ex._pending
    assert ex._formation_view.data == {} and ex._metrics_w.value == "" and ex._summary.value == ""
    later.pop()()
    assert not ex._pending
    monkeypatch.setattr(explorer_module, "_after_output", lambda callback: False)  # no kernel: all at once
    at_once = Explorer(case, at=2022)
    assert _shown(ex) == _shown(at_once)
    assert ex.metrics == at_once.metrics and ex.scan.at == at_once.scan.at
    assert sorted(ex.shown_graph.edges) == sorted(at_once.shown_graph.edges)


def test_reading_the_scan_before_the_cell_ends_makes_everything_at_once(case, later):
    ex = Explorer(case)
    assert ex.scan.opgave == "werk" and ex.metrics["n_actors"] == len(case.actors_of("werk", 2023))
    assert ex._formation_view.data["years"] and ex._metrics_w.value and not ex._pending
    before = _shown(ex)
    later.pop()()  # the kernel's turn comes: nothing is left to do
    assert _shown(ex) == before


def test_moving_the_year_before_the_cell_ends_shows_that_year(case, later):
    ex = Explorer(case)
    ex.at = 2021
    assert not ex._pending and ex.scan.at.year == 2021 and ex._formation_view.year == 2021
    later.pop()()
    assert ex.scan.at.year == 2021 and ex._formation_view.year == 2021


def test_the_other_views_are_made_at_once(case, later):
    ex = Explorer(case, view="force")
    assert not later and not ex._pending and ex.view_html


def test_widgets_share_layouts_and_styles_but_the_note_button_has_its_own(case):
    ex = Explorer(case)
    boxes = [b for row in (ex._types_w, ex._scales_w, ex._ties_w) for b in getattr(row, "_buttons", [])]
    assert len(boxes) >= 4 and len({id(b.layout) for b in boxes}) == 1 and len({id(b.style) for b in boxes}) == 1
    assert ex._summary.layout is ex._missing.layout and ex._summary.style is ex._brokers.style
    pictures, note = ex._export_buttons[0], ex._export_buttons[-1]
    assert note.layout is not pictures.layout and note.layout.width == "9em" and pictures.layout.width == "5.5em"
    assert ex._formation_view.layout is not ex._picture.layout  # each shown or hidden on its own
    assert ex.whatif._remove_b.layout is ex.whatif._add_b.layout


def test_components_on_arrays_number_as_scipy_does():
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    from opgavelab.metrics.formation import _component_labels

    rng = np.random.default_rng(1)
    for trial in range(300):
        n = int(rng.integers(1, 40))
        m = int(rng.integers(0, 2 * n))
        a, b = rng.integers(0, n, m), rng.integers(0, n, m)
        if trial % 3 == 0:  # a long path in shuffled order
            order = rng.permutation(n)
            a, b = order[:-1], order[1:]
        expected = connected_components(coo_matrix((np.ones(len(a)), (a, b)), shape=(n, n)), directed=False)[1]
        assert np.array_equal(_component_labels(n, a, b), expected)


def test_column_letters_as_openpyxl():
    from openpyxl.utils import column_index_from_string, get_column_letter

    from opgavelab._sheets import column_index, column_letter

    for i in [*range(1, 800), 16384, 18277, 18278]:
        assert column_letter(i) == get_column_letter(i) and column_index(get_column_letter(i)) == i
        assert column_index(get_column_letter(i).lower()) == column_index_from_string(get_column_letter(i).lower())
    for bad in (0, 18279):
        with pytest.raises(ValueError):
            column_letter(bad)
    for bad in ("", "ABCD", "A1"):
        with pytest.raises(ValueError):
            column_index(bad)


def test_loading_and_the_first_picture_import_neither_scipy_nor_openpyxl():
    code = ("import sys, opgavelab\nfrom opgavelab.draw.formation import formation_data\n"
            "case = opgavelab.example()\nformation_data(case, 'economie')\n"
            "print(sorted(m for m in ('scipy', 'openpyxl') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.strip() == "[]"
