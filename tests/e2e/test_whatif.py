"""The what-if panel in JupyterLab: take the entrepreneurs' association out, see the picture and the numbers change,
undo."""

from __future__ import annotations

import re
import time

import pytest

from ._checks import assert_explorer_healthy, canvas_stats, screenshot
from .test_browser import _run_all_cells

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(600)]

NOTEBOOK = """import opgavelab

ex = opgavelab.Explorer(opgavelab.example(), opgave="economie", at=2024)
ex
"""


def _panel_canvas(page, previous: str | None = None, timeout_s: float = 60) -> dict:
    """The what-if picture once drawn (and different from ``previous``)."""
    deadline = time.time() + timeout_s
    last = None
    while time.time() < deadline:
        try:
            handle = page.locator(".opgavelab-whatif iframe").first.element_handle(timeout=5_000)
            frame = handle.content_frame()
            last = canvas_stats(frame)
            if last["ink"] >= 200 and (previous is None or last["hash"] != previous):
                return last
        except Exception as exc:  # the iframe is replaced while the panel redraws
            last = {"error": str(exc)}
        time.sleep(0.5)
    raise AssertionError(f"the what-if picture did not draw (or did not change) in {timeout_s}s: {last}")


def _cell_text(page, measure: str, column: int) -> str:
    row = page.locator(f".opgavelab-whatif-diff tr[data-measure='{measure}']").first
    return row.locator("td").nth(column).inner_text().strip()


def test_what_if_the_association_drops_out_and_undo(jupyterlab, browser_context, screenshot_dir):
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(NOTEBOOK)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, jupyterlab.root / "wat-als-e2e.ipynb")
    page = browser_context.new_page()
    page.goto(f"{jupyterlab.url}/lab/workspaces/watals/tree/wat-als-e2e.ipynb?reset&token={jupyterlab.token}")
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
    _run_all_cells(page)
    page.wait_for_selector(".opgavelab-whatif", timeout=120_000)
    assert_explorer_healthy(page)

    # open the panel: the observed case, drawn
    page.locator(".opgavelab-whatif", has_text=re.compile("Wat als\\?")).first.get_by_text(
        re.compile(r"^Wat als\? Een partij valt weg")).first.click()
    page.wait_for_selector(".opgavelab-whatif :text('De waargenomen casus')", timeout=60_000)
    observed = _panel_canvas(page)
    screenshot(page, screenshot_dir, "whatif-1-observed")

    # the entrepreneurs' association drops out: the bakery and the café are cut off, three parts
    page.locator(".opgavelab-whatif select").first.select_option(label="Ondernemersvereniging Markenveen")
    page.locator(".opgavelab-whatif button", has_text="Wat als deze partij wegvalt?").first.click()
    page.wait_for_selector(".opgavelab-whatif-diff", timeout=60_000)
    removed = _panel_canvas(page, previous=observed["hash"])
    assert (_cell_text(page, "n_parts", 1), _cell_text(page, "n_parts", 2)) == ("1", "3")
    assert _cell_text(page, "n_actors", 3) == "-1"
    panel_text = page.locator(".opgavelab-whatif").first.inner_text()
    assert "zonder Ondernemersvereniging Markenveen" in panel_text
    assert "Bakkerij De Graaf" in panel_text
    assert_explorer_healthy(page)
    screenshot(page, screenshot_dir, "whatif-2-association-drops-out")

    # undo: back to the observed case, the diff is gone and the picture changes back
    page.locator(".opgavelab-whatif button", has_text="Ongedaan maken").first.click()
    page.wait_for_selector(".opgavelab-whatif :text('De waargenomen casus')", timeout=60_000)
    page.wait_for_selector(".opgavelab-whatif-diff", state="detached", timeout=60_000)  # widgets update one by one
    _panel_canvas(page, previous=removed["hash"])
    assert_explorer_healthy(page)
    screenshot(page, screenshot_dir, "whatif-3-undone")
