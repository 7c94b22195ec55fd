"""Shared fixtures.

Published reference networks and the real data live outside the project in
``../shared`` (never copied in). They are found through the environment variable
``OPGAVELAB_SHARED`` or next to the repository.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import opgavelab

ROOT = Path(__file__).resolve().parents[1]
TEST_DATA = Path(__file__).resolve().parent / "data"


def find_shared() -> Path | None:
    """The ``shared`` folder with ``reference/`` and ``data/``, or None."""
    candidates = []
    if os.environ.get("OPGAVELAB_SHARED"):
        candidates.append(Path(os.environ["OPGAVELAB_SHARED"]))
    candidates += [ROOT.parent / "shared", Path("/work/shared")]
    for path in candidates:
        if (path / "reference").is_dir():
            return path
    return None


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = find_shared()
    if path is None:
        pytest.skip(
            "The shared reference folder was not found; set OPGAVELAB_SHARED to "
            "the folder that holds reference/ and data/opengr/."
        )
    return path


@pytest.fixture(scope="session")
def reference_dir(shared_dir) -> Path:
    return shared_dir / "reference"


@pytest.fixture(scope="session")
def test_data() -> Path:
    return TEST_DATA


@pytest.fixture(scope="module")
def case():
    """The bundled example case, loaded once per test module (a test module may change its tables).

    Compute expectations from it (its counts change when the example is rebuilt)."""
    return opgavelab.example()


@pytest.fixture(scope="module")
def example(case):
    """The same example case, under the name some test modules use."""
    return case
