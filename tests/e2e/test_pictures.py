"""Issue 14: the explorer at 1280×720 and 1920×1080 (lab and app), the lab's file browser, the report figures.

Screenshots go to the printed test-artifacts folder, to be looked at.
"""

from __future__ import annotations

import time

import pytest

from ._checks import assert_explorer_healthy, network_frame, screenshot
from .test_browser import _run_all_cells

SIZES = [(1280, 720), (1920, 1080)]


def _fits(page) -> dict:
    """How wide the explorer is against the window (it must not need a horizontal scroll bar)."""
    return page.evaluate("""() => {
        const ex = document.querySelector('.opgavelab-explorer');
        const r = ex ? ex.getBoundingClientRect() : null;
        return {window: window.innerWidth, right: r ? r.right : 0, scroll: ex ? ex.scrollWidth : 0,
                width: r ? r.width : 0};
    }""")


# Inside the explorer's network page: the canvas, the legend, every name and number the page drew, the key.
_PAGE = """() => {
  const c = document.querySelector('#net').getBoundingClientRect();
  const l = document.querySelector('#legend').getBoundingClientRect();
  const labels = window.opgavelabLabels ? window.opgavelabLabels() : [];
  return {canvas: [c.left, c.top, c.right, c.bottom], legend: [l.left, l.top, l.right, l.bottom],
          open: document.querySelector('#legend details').open, labels,
          n: window.opgavelabNetwork.body.nodeIndices.length - 1, width: window.innerWidth,
          key: Array.from(document.querySelectorAll('#key li b')).map(b => b.textContent)};
}"""


def _meets(a, b) -> bool:
    return a[0] + 1 < b[2] and b[0] + 1 < a[2] and a[1] + 1 < b[3] and b[1] + 1 < a[3]


def _check_network_page(page, window_width: int) -> dict:
    """Every actor named or numbered, no two labels over each other, numbers in the key, legend beside."""
    frame = network_frame(page)
    frame.wait_for_function("document.body && document.body.getAttribute('data-drawn') === '1'", timeout=60_000)
    g = frame.evaluate(_PAGE)
    ids = [x["id"] for x in g["labels"]]
    assert len(set(ids)) == len(ids) == g["n"], (len(ids), g["n"])
    for i, a in enumerate(g["labels"]):
        for b in g["labels"][i + 1:]:
            assert not _meets(a["box"], b["box"]), (a, b)
    assert g["key"] == [x["text"] for x in g["labels"] if x["kind"] == "number"]
    if window_width >= 1280:  # the legend open beside the picture, never over it
        assert g["open"] and g["legend"][0] >= g["canvas"][2] - 1, g
    return g


def test_lab_hides_helper_files_opens_clean_and_fits(jupyterlab, browser_context, screenshot_dir):
    page = browser_context.new_page()
    page.goto(f"{jupyterlab.url}/lab/workspaces/pics/tree/00-start.ipynb?reset&token={jupyterlab.token}")
    page.wait_for_selector(".jp-NotebookPanel", timeout=120_000)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
    page.wait_for_selector(".jp-DirListing-itemText", timeout=60_000)
    time.sleep(3)  # the kernel's info arrives; it must not mark the notebook modified
    names = page.locator(".jp-DirListing-itemText").all_inner_texts()
    assert "00-start.ipynb" in names
    assert "conftest.py" not in names and "voila.json" not in names, names
    assert page.locator(".lm-TabBar-tab.jp-mod-dirty").count() == 0, "00-start is marked modified on opening"
    _run_all_cells(page)
    assert_explorer_healthy(page)
    page.wait_for_selector(".opgavelab-explorer .olf-svg", timeout=120_000)
    for w, h in SIZES:
        page.set_viewport_size({"width": w, "height": h})
        time.sleep(2)
        screenshot(page, screenshot_dir, f"pictures-lab-{w}x{h}")
        fit = _fits(page)
        assert fit["scroll"] <= fit["width"] + 2, fit
    for view in ("Netwerk", "Kompas"):
        page.locator(".opgavelab-explorer button", has_text=view).first.click()
        for w, h in SIZES:
            page.set_viewport_size({"width": w, "height": h})
            time.sleep(3)
            _check_network_page(page, w)
            page.locator(".opgavelab-explorer iframe").first.scroll_into_view_if_needed()
            screenshot(page, screenshot_dir, f"pictures-lab-{w}x{h}-{view.lower()}")


@pytest.mark.parametrize(("w", "h"), SIZES)
def test_app_fits(voila, browser_context, screenshot_dir, w, h):
    page = browser_context.new_page()
    page.set_viewport_size({"width": w, "height": h})
    page.goto(voila.url + "/")
    assert_explorer_healthy(page)
    page.wait_for_selector(".opgavelab-explorer .olf-svg", timeout=120_000)
    time.sleep(2)
    screenshot(page, screenshot_dir, f"pictures-app-{w}x{h}")
    fit = _fits(page)
    assert fit["scroll"] <= fit["width"] + 2, fit
    for view in ("Netwerk", "Kompas"):
        page.locator(".opgavelab-explorer button", has_text=view).first.click()
        page.wait_for_selector(".opgavelab-explorer iframe", timeout=60_000)
        time.sleep(4)
        _check_network_page(page, w)
        page.locator(".opgavelab-explorer iframe").first.scroll_into_view_if_needed()
        screenshot(page, screenshot_dir, f"pictures-app-{w}x{h}-{view.lower()}")
    body = page.inner_text("body")
    assert "opgavelab-export" not in body, "the app names a server folder"


def test_report_figures_kept_for_looking(screenshot_dir):
    """Every figure `opgavelab report` draws for the example's first opgave, and the network and compass of all."""
    import opgavelab
    from opgavelab.draw.layout import compass_layout, force_layout
    from opgavelab.draw.static import (coverage_figure, formation_figure, network_figure, save_figure,
                                       small_multiples)
    from opgavelab.metrics.formation import default_at
    from opgavelab.network import opgave_graph

    case = opgavelab.example()
    at = default_at(case)
    for i, opgave in enumerate(case.opgaven.index):
        G = opgave_graph(case, opgave, at, directed=None)
        sizes = ("A4", "16:9") if i == 0 else ("A4",)
        for layout in ("force", "compass"):
            pos = force_layout(G, seed=0) if layout == "force" else compass_layout(G, case)
            for size in sizes:
                fig = network_figure(case, opgave, at, G=G, layout=pos, size=size)
                save_figure(fig, screenshot_dir / f"report-{opgave}-{layout}-{size.replace(':', 'x')}.png", dpi=110,
                            overwrite=True)
        if i == 0:
            scan = opgavelab.scan(case, opgave, at=at)
            for name, fig in (("coverage", coverage_figure(scan.coverage, case=case, opgave=opgave, at=at)),
                              ("formation", formation_figure(scan.formation, case=case, opgave=opgave,
                                                             size="A4-landscape")),
                              ("over-time", small_multiples(case, opgave, layout="formation", at=at))):
                save_figure(fig, screenshot_dir / f"report-{opgave}-{name}.png", dpi=110, overwrite=True)
