"""The public surface: what ``dir(opgavelab)`` and ``import *`` give, and that every public name says what it does."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

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


#: What docs/architecture.md names, as module and attribute: the note must match the code.
ARCHITECTURE = [
    ("opgavelab.io", "load"), ("opgavelab._validate", "check_grids"), ("opgavelab._validate", "READERS"),
    ("opgavelab._validate", "SHEET_CHECKS"), ("opgavelab.case", "build_case"), ("opgavelab.case", "Case"),
    ("opgavelab.case", "is_active"), ("opgavelab.schema", "SHEETS"), ("opgavelab.schema", "ColumnSpec"),
    ("opgavelab.network", "opgave_graph"), ("opgavelab.network", "actor_graph"), ("opgavelab.network", "two_mode_graph"),
    ("opgavelab._scan", "scan"), ("opgavelab._scan", "_scan"), ("opgavelab._scenario", "scenario"),
    ("opgavelab.draw.scene", "build_scene"), ("opgavelab.draw.scene", "Scene"),
    ("opgavelab.draw.scene", "SceneOptions"), ("opgavelab.draw._figure", "_scene_figure"),
    ("opgavelab.draw._page", "_scene_page"), ("opgavelab.draw._page", "NetworkPage"),
    ("opgavelab.draw.interactive", "_page_scene"), ("opgavelab.draw.style", "labelled_guides"),
    ("opgavelab.explorer", "Explorer"), ("opgavelab._document", "write_docx"),
    ("opgavelab._dates", "parse_date"), ("opgavelab._dates", "to_timestamp"), ("opgavelab._dates", "snapshot_at"),
    ("opgavelab._values", "is_na"), ("opgavelab._values", "is_missing"), ("opgavelab._values", "map_unique"),
    *(("opgavelab._checks", n) for n in ("_check_lang", "_check_one_of", "_check_bool", "_check_int",
                                         "_check_case", "_check_graph")),
    *(("opgavelab._files", n) for n in ("atomic_write", "remove_stale_temporaries", "write_error", "neutralise",
                                        "safe_file_name", "date_suffix")),
    ("opgavelab.io", "atomic_write"), ("opgavelab.io", "save_case"), ("opgavelab.export", "neutralise"),
    ("opgavelab._catalogue", "add_entries"), ("opgavelab._i18n", "message"), ("opgavelab._i18n", "nmessage"),
    ("opgavelab._i18n", "label"), ("opgavelab._i18n", "column_label"), ("opgavelab._i18n", "fmt_number"),
    ("opgavelab._i18n", "fmt_percent"), ("opgavelab._i18n", "fmt_date"),
    ("opgavelab.metrics._graph", "_adjacency"), ("opgavelab.metrics._graph", "_arcs"),
    ("opgavelab.metrics._graph", "_attribute_values"), ("opgavelab.metrics.cohesion", "_centrality_and_cohesion"),
    ("opgavelab._cli_report", "FORMATS"), ("opgavelab._cli_report", "planned_files"),
]


@pytest.mark.parametrize(("module", "name"), ARCHITECTURE)
def test_the_architecture_note_names_what_exists(module, name):
    note = (Path(__file__).resolve().parent.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert name in note
    assert hasattr(importlib.import_module(module), name)
