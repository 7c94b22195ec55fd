"""What users see: JupyterLab, the Voilà app and an exported page, in headless Chromium."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pandas as pd
import pytest

import opgavelab

from ._checks import (assert_canvas_drawn, assert_explorer_healthy, disjoint_groups, formation_stats, screenshot,
                      wait_for_drawn)

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(600)]

XSS_NAME = "<img src=x onerror=alert(1)>"
ENERGY_LABEL = re.compile(r"Regionale\sEnergiestrategie\sVeenmarken")


def _choose_opgave(page, label_pattern) -> None:
    select = page.locator(".opgavelab-explorer select").first
    options = select.evaluate("s => Array.from(s.options).map(o => o.text)")
    label = next((o for o in options if label_pattern.search(o)), None)
    assert label is not None, f"no opgave like {label_pattern.pattern!r} in {options}"
    select.select_option(label=label)


def _move_year_slider(page, steps: int = 3) -> None:
    handle = page.locator(".opgavelab-explorer .noUi-handle").first
    handle.focus()
    for _ in range(steps):
        handle.press("ArrowLeft")
        time.sleep(0.2)


def _export_png(page, folder: Path, timeout_s: float = 90) -> Path:
    page.locator(".opgavelab-explorer button", has_text=re.compile(r"^PNG$")).first.click()
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        files = sorted(folder.glob("*.png")) if folder.exists() else []
        if files and page.locator(".opgavelab-explorer a[download$='.png']").count():
            return files[-1]
        time.sleep(0.5)
    raise AssertionError(f"the PNG export did not appear in {folder} within {timeout_s}s")


def _run_all_cells(page) -> None:
    """Run ▸ Run All Cells, as a user would, once the kernel is idle."""
    page.wait_for_selector(".jp-StatusBar-Widget :text-matches('Idle')", timeout=120_000)
    no = page.locator(".jp-toast-button", has_text=re.compile(r"^No$"))
    if no.count():
        no.first.click()
    # the menu acts on the notebook that has the focus
    page.locator(".jp-NotebookPanel:visible .jp-Notebook").first.click()
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).first.click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).first.click()
    # JupyterLab may still ask which kernel to use; the notebook's own (Python 3) is the default
    try:
        page.wait_for_selector(".jp-Dialog", timeout=3_000)
        page.locator(".jp-Dialog .jp-mod-accept").first.click()
    except Exception:
        pass


def _drive_explorer(page, export_folder: Path, shots: Path, prefix: str) -> None:
    assert_explorer_healthy(page)
    first = wait_for_drawn(page)
    screenshot(page, shots, f"{prefix}-1-explorer")

    _choose_opgave(page, ENERGY_LABEL)
    second = wait_for_drawn(page, previous_hash=first["hash"])
    assert_explorer_healthy(page)
    screenshot(page, shots, f"{prefix}-2-other-opgave")

    _move_year_slider(page, steps=4)
    wait_for_drawn(page, previous_hash=second["hash"])
    assert_explorer_healthy(page)
    screenshot(page, shots, f"{prefix}-3-earlier-year")

    png = _export_png(page, export_folder)
    assert png.stat().st_size > 10_000 and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    screenshot(page, shots, f"{prefix}-4-exported")


def _wait_for_year(page, year: int, timeout_s: float = 40, settle_s: float = 1.5) -> dict:
    """Wait until the formation view shows ``year``, then let the glide and fades finish."""
    deadline = time.time() + timeout_s
    last = None
    while time.time() < deadline:
        last = formation_stats(page)
        if last["year"] == str(year):
            time.sleep(settle_s)
            return formation_stats(page)
        time.sleep(0.25)
    raise AssertionError(f"the formation view did not reach {year} in {timeout_s}s: {last}")


def _play_formation(page, shots: Path, prefix: str) -> None:
    """As a user: the example's economie at 2018 is scattered, ▶ plays it into one collective."""
    assert_explorer_healthy(page)
    wait_for_drawn(page)
    _move_year_slider(page, steps=6)  # 2024 -> 2018
    at_2018 = _wait_for_year(page, 2018)
    screenshot(page, shots, f"{prefix}-formation-2018")
    assert len(at_2018["boxes"]) >= 5, f"at 2018 the page shows {len(at_2018['boxes'])} groups, not >= 5"
    assert disjoint_groups(at_2018["boxes"]), f"groups overlap on screen at 2018: {at_2018['boxes']}"
    assert "2018" in page.inner_text(".opgavelab-explorer .opgavelab-metrics")
    page.locator(".opgavelab-explorer .widget-play button").first.click()
    _wait_for_year(page, 2020, settle_s=0.0)
    screenshot(page, shots, f"{prefix}-formation-2020")
    at_2024 = _wait_for_year(page, 2024, timeout_s=60)
    screenshot(page, shots, f"{prefix}-formation-2024")
    assert len(at_2024["boxes"]) == 1, f"at 2024 the page shows {len(at_2024['boxes'])} groups, not one"
    assert_explorer_healthy(page)


def test_the_example_plays_from_scattered_groups_to_one_in_jupyterlab(jupyterlab, browser_context, screenshot_dir):
    page = browser_context.new_page()
    page.goto(f"{jupyterlab.url}/lab/workspaces/play/tree/00-start.ipynb?reset&token={jupyterlab.token}")
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
    _run_all_cells(page)
    _play_formation(page, screenshot_dir, "lab")


def test_the_example_plays_from_scattered_groups_to_one_in_the_voila_app(voila, browser_context, screenshot_dir):
    page = browser_context.new_page()
    page.goto(voila.url + "/")
    _play_formation(page, screenshot_dir, "voila")


def test_the_exported_formation_page_plays_offline(browser_context, tmp_path, screenshot_dir):
    from opgavelab.draw.formation import write_formation_page

    path = write_formation_page(opgavelab.example(), "economie", tmp_path / "vorming.html")
    requests = []
    browser_context.route(re.compile(r"^(?!file:).*"), lambda route: (requests.append(route.request.url),
                                                                      route.abort()))
    page = browser_context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(path.as_uri())
    page.wait_for_selector(".olf-node", timeout=30_000)
    page.locator(".olf-slider").fill("0")
    stats = _page_year(page, 2018)
    page.screenshot(path=str(screenshot_dir / "formation-page-2018.png"))
    assert len(stats["boxes"]) >= 5 and disjoint_groups(stats["boxes"])
    page.locator(".olf-play").click()
    stats = _page_year(page, 2024, timeout_s=30)
    page.screenshot(path=str(screenshot_dir / "formation-page-2024.png"))
    assert len(stats["boxes"]) == 1
    assert requests == [] and errors == []


def _page_year(page, year: int, timeout_s: float = 10) -> dict:
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        if page.get_attribute(".olf-svg", "data-year") == str(year):
            time.sleep(1.5)
            return formation_stats(page, "#opgavelab-formation")
        time.sleep(0.2)
    raise AssertionError(f"the page did not reach {year}")


def test_start_notebook_runs_in_jupyterlab(jupyterlab, browser_context, screenshot_dir):
    page = browser_context.new_page()
    page.goto(f"{jupyterlab.url}/lab/workspaces/start/tree/00-start.ipynb?reset&token={jupyterlab.token}")
    page.wait_for_selector(".jp-NotebookPanel", timeout=120_000)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
    screenshot(page, screenshot_dir, "lab-0-opened")
    _run_all_cells(page)
    _drive_explorer(page, jupyterlab.root / "opgavelab-export", screenshot_dir, "lab")


def test_start_notebook_runs_as_voila_app(voila, browser_context, screenshot_dir):
    page = browser_context.new_page()
    page.goto(voila.url + "/")
    _drive_explorer(page, voila.root / "notebooks" / "opgavelab-export", screenshot_dir, "voila")
    body = page.inner_text("body")
    assert "import opgavelab" not in body, "the app shows code"
    assert "Shift" not in body, "the app shows the JupyterLab instructions"


def _xss_case():
    return opgavelab.Case.from_frames(
        actors=pd.DataFrame({"id": ["a", "b", "c"], "naam": [XSS_NAME, "Gemeente B", "Bedrijf \"C\" & Zn."],
                             "type": ["burger", "overheid", "bedrijf"], "schaalniveau": ["buurt", "lokaal", "regionaal"]}),
        opgaven=pd.DataFrame({"id": ["o"], "naam": ["Opgave <script>alert(2)</script>"]}),
        involvement=pd.DataFrame({"actor": ["a", "b", "c"], "opgave": ["o", "o", "o"]}),
        ties=pd.DataFrame({"van": ["a", "b"], "naar": ["b", "c"], "type": ["samenwerking", "informatie"]}),
    )


def test_exported_page_draws_offline_and_shows_names_as_text(browser_context, tmp_path, screenshot_dir):
    from opgavelab.draw import write_html

    path = write_html(_xss_case(), "o", tmp_path / "pagina.html")
    requests = []
    dialogs = []
    browser_context.route(re.compile(r"^(?!file:).*"), lambda route: (requests.append(route.request.url),
                                                                      route.abort()))
    page = browser_context.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_selector("canvas", timeout=60_000)
    time.sleep(1.0)
    stats = assert_canvas_drawn(page)
    screenshot(page, screenshot_dir, "page-1-offline")
    assert dialogs == [], f"a script from user text ran: {dialogs}"
    assert requests == [], f"the page tried to load from the network: {requests}"
    assert page.locator("img[src='x']").count() == 0
    assert "<script>alert(2)</script>" in page.inner_text("body"), "the opgave's name is not shown as text"
    # find the actor as a user would: type in the search box, press Enter, read the info box
    page.fill("#search", "<img src")
    page.press("#search", "Enter")
    page.wait_for_selector("#info", state="visible", timeout=10_000)
    assert XSS_NAME in page.inner_text("#info"), "the actor's name is not shown as text"
    screenshot(page, screenshot_dir, "page-2-actor-info")
    assert dialogs == [] and page.locator("img[src='x']").count() == 0
    assert stats["ink"] > 200


BROKEN = """import opgavelab


class KapotteExplorer(opgavelab.Explorer):
    def _render(self, H):
        raise RuntimeError("deze weergave is met opzet kapot")


KapotteExplorer(opgavelab.example())
"""


def test_a_broken_explorer_view_makes_the_checks_fail(jupyterlab, browser_context, screenshot_dir):
    """The checks above are not blind: an explorer whose view raises fails them."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(BROKEN)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, jupyterlab.root / "kapot.ipynb")
    page = browser_context.new_page()
    # a workspace of its own, so the start notebook of the other test is not restored beside it
    page.goto(f"{jupyterlab.url}/lab/workspaces/kapot/tree/kapot.ipynb?reset&token={jupyterlab.token}")
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
    _run_all_cells(page)
    page.wait_for_selector(".opgavelab-explorer", timeout=120_000)
    time.sleep(2)
    screenshot(page, screenshot_dir, "lab-broken")
    with pytest.raises(AssertionError):
        assert_explorer_healthy(page)
        wait_for_drawn(page, timeout_s=10)
