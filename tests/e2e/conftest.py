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
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import datetime
from pathlib import Path

import pytest

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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _isolated_env(base: Path) -> dict:
    env = dict(os.environ)
    for name in ("config", "data", "runtime", "home", "ipython"):
        (base / name).mkdir(parents=True, exist_ok=True)
    env.update({
        "JUPYTER_CONFIG_DIR": str(base / "config"),
        "JUPYTER_DATA_DIR": str(base / "data"),
        "JUPYTER_RUNTIME_DIR": str(base / "runtime"),
        "IPYTHONDIR": str(base / "ipython"),
        "HOME": str(base / "home"),
        "JUPYTER_PLATFORM_DIRS": "1",
        "PYTHONUNBUFFERED": "1",
    })
    return env


class Server:
    """A server process in its own process group, stopped by pid."""

    def __init__(self, args: list[str], cwd: Path, env: dict, url: str, log: Path):
        self.url = url
        self.log = log
        self._fh = open(log, "w")
        self.proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=self._fh, stderr=subprocess.STDOUT,
                                     start_new_session=True)

    def wait_ready(self, probe: str, timeout: float = 120) -> None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}; log:\n{self.log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(probe, timeout=5) as resp:
                    if resp.status < 500:
                        return
            except Exception:
                time.sleep(0.5)
        raise TimeoutError(f"server not ready after {timeout}s; log:\n{self.log.read_text()[-3000:]}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout=20)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait(timeout=10)
        self._fh.close()


def _bin(name: str) -> str:
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name


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
