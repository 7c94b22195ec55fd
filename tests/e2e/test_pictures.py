"""Issue 14: the explorer at 1280×720 and 1920×1080 (lab and app), the lab's file browser, the report figures.

Screenshots go to the printed test-artifacts folder, to be looked at.
"""

from __future__ import annotations

import time

import pytest

from ._checks import assert_explorer_healthy, screenshot
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
        screenshot(page, screenshot_dir, f"pictures-app-{w}x{h}-{view.lower()}")
    body = page.inner_text("body")
    assert "opgavelab-export" not in body, "the app names a server folder"


def test_report_figures_kept_for_looking(screenshot_dir):
    import opgavelab
    from opgavelab.draw.static import network_figure, save_figure

    case = opgavelab.example()
    for layout in ("force", "compass"):
        for size in ("A4", "16:9"):
            fig = network_figure(case, "economie", 2024, layout=layout, size=size)
            save_figure(fig, screenshot_dir / f"report-{layout}-{size.replace(':', 'x')}.png", dpi=110,
                        overwrite=True)
