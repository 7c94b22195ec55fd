"""The bundled example case is what the issue promises a teacher."""

from __future__ import annotations

import networkx as nx
import pandas as pd

import opgavelab
from opgavelab.network import opgave_graph


def test_is_labelled_fictional():
    from openpyxl import load_workbook

    wb = load_workbook(opgavelab.example_path(), read_only=True)
    text = " ".join(str(c) for row in wb["info"].iter_rows(values_only=True) for c in row if c)
    assert "Fictieve casus" in text and "fictional" in text.lower()


def test_size_and_variety(case):
    assert len(case.actors) >= 60
    assert set(case.actors["type"]) == {"overheid", "bedrijf", "maatschappelijke organisatie",
                                        "kennisinstelling", "burger"}
    assert case.actors["scale"].nunique() >= 5
    assert len(case.opgaven) >= 4
    assert case.involvement["role"].notna().all()
    assert (~case.involvement["aware"]).sum() >= 1
    assert case.involvement["commitment"].nunique() >= 4
    assert case.ties["type"].nunique() >= 3
    years = sorted(case.ties["since"].dt.year.unique())
    assert years[-1] - years[0] >= 6


def test_main_opgave_needs_space_labour_and_safety_at_once(case):
    needed = set(case.opgaven.loc["economie", "domains"])
    assert {"8.1", "6.5", "1.2"} <= needed


def test_main_opgave_forms_from_at_least_five_clusters_into_one(case):
    first = opgave_graph(case, "economie", at=2018, directed=False)
    last = opgave_graph(case, "economie", at=2024, directed=False)
    assert nx.number_connected_components(first) >= 5
    assert nx.number_connected_components(last) == 1
    assert set(last) == set(case.actors_of("economie", at=2024))


def test_a_needed_domain_nobody_involved_covers_but_others_do(case):
    involved = case.actors_of("economie")
    covered = {d.split(".")[0] for ds in case.actors.loc[involved, "domains"] for d in ds}
    covered |= {d for ds in case.actors.loc[involved, "domains"] for d in ds}
    assert "1.2" not in covered and "1" not in covered
    elsewhere = case.actors.drop(involved)
    assert elsewhere["domains"].map(lambda ds: "1.2" in ds).any()


def test_example_works_from_an_installed_wheel(tmp_path):
    """``opgavelab.example()`` also works from a built, non-editable package."""
    import subprocess
    import sys
    import zipfile
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    wheel_dir = tmp_path / "wheel"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(wheel_dir), str(root)], check=True, capture_output=True)
    wheel = next(wheel_dir.glob("opgavelab-*.whl"))
    assert "opgavelab/_data/voorbeeld-veenmarken.xlsx" in zipfile.ZipFile(wheel).namelist()
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    code = ("import opgavelab, sys; c = opgavelab.example(); "
            "assert 'site' in opgavelab.__file__, opgavelab.__file__; print(len(c.actors))")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, check=True, capture_output=True, text=True,
                         env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"})
    assert int(out.stdout.strip()) >= 60


def test_involvement_dates_span_the_period(case):
    assert case.involvement["since"].min() <= pd.Timestamp("2018-12-31")
