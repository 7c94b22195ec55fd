"""The public surface: what ``dir(opgavelab)`` and ``import *`` give, and that every public name says what it does."""

from __future__ import annotations

import importlib
import inspect

import pytest

import opgavelab

MODULES = ["opgavelab", *(f"opgavelab.{m}" for m in sorted(opgavelab._SUBMODULES))]


def test_dir_shows_only_the_public_names():
    names = [n for n in dir(opgavelab) if not n.startswith("__")]
    assert "annotations" not in names and "importlib" not in names
    assert not [n for n in names if n.startswith("_")]
    assert set(opgavelab.__all__) <= set(dir(opgavelab))


def test_import_star_keeps_the_standard_io():
    namespace: dict = {}
    exec("import io\nfrom opgavelab import *", namespace)
    assert namespace["io"].__name__ == "io"
    assert opgavelab.io.__name__ == "opgavelab.io"


def test_save_says_what_it_saves():
    assert opgavelab.save is opgavelab.save_case
    assert "case workbook" in opgavelab.save_case.__doc__


@pytest.mark.parametrize("module", MODULES)
def test_every_public_name_is_documented(module):
    mod = importlib.import_module(module)
    assert (mod.__doc__ or "").strip(), module
    undocumented = [name for name in getattr(mod, "__all__", [])
                    if (inspect.isfunction(getattr(mod, name)) or inspect.isclass(getattr(mod, name)))
                    and not (getattr(mod, name).__doc__ or "").strip()]
    assert undocumented == []
