"""Notebooks are executed by nbval; the case study needs the real data next to the repository."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _opengr() -> Path | None:
    for candidate in (os.environ.get("OPGAVELAB_OPENGR"), ROOT.parent / "shared" / "data" / "opengr",
                      "/work/shared/data/opengr"):
        if candidate and (Path(candidate) / "opengr_provincies.csv").is_file():
            return Path(candidate)
    return None


def pytest_collection_modifyitems(config, items):
    data = _opengr()
    if data is not None:
        os.environ.setdefault("OPGAVELAB_OPENGR", str(data))
        return
    skip = pytest.mark.skip(reason="the Open State data (shared/data/opengr) is not next to the repository; "
                                   "set OPGAVELAB_OPENGR to run the case-study notebook")
    for item in items:
        if "10-casus-gemeenschappelijke-regelingen" in str(item.fspath):
            item.add_marker(skip)
