"""The pages' JavaScript and CSS are package files (opgavelab/draw/assets/): each parses, and each finds on the
page what it looks for."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from opgavelab.draw.formation import formation_page
from opgavelab.draw.interactive import network_html

ASSETS = Path(__file__).resolve().parent.parent / "opgavelab" / "draw" / "assets"
NODE = shutil.which("node")
SCRIPTS = sorted(ASSETS.glob("*.js"))
STYLES = sorted(ASSETS.glob("*.css"))


@pytest.fixture(scope="module")
def network_page(case):
    return network_html(case, "zorg", lang="en")


@pytest.fixture(scope="module")
def formation_html(case):
    return formation_page(case, "zorg", lang="en")


def _ids(page: str) -> set[str]:
    return set(re.findall(r'\sid="([^"]+)"', page))


def test_every_asset_is_shipped_and_inlinable():
    assert {p.name for p in SCRIPTS} >= {"network-page.js", "formation.js", "formation-page.js"}
    assert {p.name for p in STYLES} >= {"network-page.css", "formation.css", "formation-page.css"}
    for path in SCRIPTS + STYLES:
        text = path.read_text(encoding="utf-8")
        assert text.strip(), path.name
        # inlined into <script>/<style> of a page that must work offline
        assert "</script" not in text.lower() and "</style" not in text.lower(), path.name
        assert not re.search(r"https?://", text), path.name


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@pytest.mark.parametrize("name", ["network-page.js", "formation-page.js"])
def test_the_page_scripts_parse(name):
    done = subprocess.run([NODE, "--check", str(ASSETS / name)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_the_formation_view_parses_as_the_module_the_widget_and_the_page_load(tmp_path):
    widget = tmp_path / "formation.mjs"
    widget.write_text((ASSETS / "formation.js").read_text(encoding="utf-8"), encoding="utf-8")
    page = tmp_path / "formation-page.mjs"  # the offline page inlines both files in one <script type="module">
    page.write_text(widget.read_text(encoding="utf-8") + "\n" + (ASSETS / "formation-page.js").read_text(
        encoding="utf-8"), encoding="utf-8")
    for path in (widget, page):
        done = subprocess.run([NODE, "--check", str(path)], capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr


def test_every_style_has_balanced_braces():
    for path in STYLES:
        text = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
        depth = 0
        for ch in text:
            depth += {"{": 1, "}": -1}.get(ch, 0)
            assert depth >= 0, path.name
        assert depth == 0, path.name


def test_the_network_script_and_style_find_their_elements_on_the_page(network_page):
    ids = _ids(network_page)
    script = (ASSETS / "network-page.js").read_text(encoding="utf-8")
    wanted = set(re.findall(r'getElementById\("([^"]+)"\)', script))
    wanted |= set(re.findall(r"#([A-Za-z][\w-]*)", " ".join(re.findall(r'querySelector(?:All)?\("([^"]+)"\)', script))))
    assert wanted and wanted <= ids, sorted(wanted - ids)
    css = re.sub(r"/\*.*?\*/", "", (ASSETS / "network-page.css").read_text(encoding="utf-8"), flags=re.S)
    selectors = " ".join(re.findall(r"([^{}]+)\{", css))
    css_ids = set(re.findall(r"#([A-Za-z][\w-]*)", selectors))
    assert css_ids <= ids, sorted(css_ids - ids)
    # the page inlines exactly these files, and vis-network, whose global the script uses
    assert script in network_page and "vis.Network" in script and "vis-network" in network_page.lower()


def test_the_formation_page_calls_what_the_view_defines(formation_html):
    view = (ASSETS / "formation.js").read_text(encoding="utf-8")
    page_script = (ASSETS / "formation-page.js").read_text(encoding="utf-8")
    defined = set(re.findall(r"^(?:async\s+)?function\s+(\w+)", view, flags=re.M))
    called = set(re.findall(r"^\s*(\w+)\(", page_script, flags=re.M)) - {"if", "for", "while", "switch"}
    assert "render" in defined and called <= defined, sorted(called - defined)
    assert "export default { render }" in view  # what anywidget loads
    ids = _ids(formation_html)
    wanted = set(re.findall(r'getElementById\("([^"]+)"\)', page_script))
    assert wanted and wanted <= ids, sorted(wanted - ids)
    assert view in formation_html and page_script in formation_html
