"""Servers for the browser tests and the explorer benchmark: JupyterLab or Voila in a
process group of its own, with its own config, data, runtime and home folders, on a
free port on 127.0.0.1, stopped by process id (also on failure)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def isolated_env(base: Path) -> dict:
    """The environment of a server with its own folders under ``base``."""
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


def bin_path(name: str) -> str:
    """A program of this Python environment (``jupyter``, ``voila``), else found on PATH."""
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name
