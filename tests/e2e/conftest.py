"""Real browser, real servers: JupyterLab, Voilà and exported pages in headless Chromium.

Each server gets its own temporary config, data, runtime and home folders, a
free port on 127.0.0.1 and a token, and is stopped by process group when the
test ends, also on failure. Chromium is Debian's (``/usr/bin/chromium``),
driven by Playwright through ``executable_path`` (``playwright install``
cannot download browsers here). Without Chromium the tests skip with a
message, unless ``CI=true``: then they fail.
"""

from __future__ import annotations

import os
import secrets
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from tests._servers import Server, bin_path as _bin, free_port, isolated_env as _isolated_env  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
_SCREENSHOTS: list[Path] = []


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


def chromium_path() -> str | None:
    for candidate in (os.environ.get("OPGAVELAB_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="session")
def chromium() -> str:
    path = chromium_path()
    if path is None:
        msg = ("Chromium not found: install it with `sudo apt-get install -y chromium` (Debian/Ubuntu) "
               "or set OPGAVELAB_CHROMIUM to a Chromium binary; `playwright install` is not used.")
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(msg)
        pytest.skip(msg)
    return path


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    folder = ROOT / "test-artifacts" / "e2e-screenshots" / datetime.now().strftime("%Y%m%d-%H%M%S")
    folder.mkdir(parents=True, exist_ok=True)
    _SCREENSHOTS.append(folder)
    return folder


def pytest_terminal_summary(terminalreporter):
    for folder in _SCREENSHOTS:
        shots = sorted(folder.glob("*.png"))
        if shots:
            terminalreporter.write_line(f"e2e screenshots ({len(shots)}): {folder}")


@pytest.fixture
def browser_context(chromium, tmp_path):
    """A fresh Chromium profile in a temporary folder; closed after the test."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            user_data_dir=str(tmp_path / "chromium-profile"), executable_path=chromium, headless=True,
            args=CHROMIUM_ARGS, viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        try:
            yield context
        finally:
            context.close()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    """A copy of the notebooks and the Voila config, so a run never touches the repository."""
    root = tmp_path_factory.mktemp("work")
    shutil.copytree(ROOT / "notebooks", root / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "opgavelab-export"))
    if (ROOT / "voila.json").exists():
        shutil.copy(ROOT / "voila.json", root / "voila.json")
    return root


@pytest.fixture(scope="module")
def jupyterlab(workspace, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("jupyterlab")
    port, token = free_port(), secrets.token_hex(16)
    env = _isolated_env(tmp_path / "jupyter")
    args = [_bin("jupyter"), "lab", "--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
            f"--IdentityProvider.token={token}", "--ServerApp.port_retries=0",
            f"--ServerApp.root_dir={workspace / 'notebooks'}", "--LabApp.news_url=",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if os.geteuid() == 0:  # containers and CI run as root
        args.append("--allow-root")
    server = Server(args, workspace, env, f"http://127.0.0.1:{port}", tmp_path / "jupyterlab.log")
    server.token = token
    server.root = workspace / "notebooks"
    try:
        server.wait_ready(f"{server.url}/api/status?token={token}")
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def voila(workspace, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("voila")
    port = free_port()
    env = _isolated_env(tmp_path / "voila")
    args = [_bin("voila"), "notebooks/00-start.ipynb", "--no-browser", "--Voila.ip=127.0.0.1", f"--port={port}",
            "--Voila.port_retries=0"]
    server = Server(args, workspace, env, f"http://127.0.0.1:{port}", tmp_path / "voila.log")
    server.root = workspace
    try:
        server.wait_ready(f"{server.url}/")
        yield server
    finally:
        server.stop()
