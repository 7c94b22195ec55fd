"""``opgavelab report --scenario``: the what-if workbook an advisor can hand on."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

import opgavelab
from opgavelab._scenario import parse_scenario_spec
from opgavelab.cli import main


@pytest.fixture(scope="module")
def example_path():
    return str(opgavelab.example_path())


def test_report_writes_the_what_if_workbook(example_path, tmp_path, capsys):
    rc = main(["report", example_path, "--opgave", "economie", "--out", str(tmp_path), "--at", "2024",
               "--formats", "xlsx", "--scenario", "zonder:eb,met:riec", "--quiet"])
    assert rc == 0, capsys.readouterr().err
    path = tmp_path / "economie" / "economie-wat-als-2024.xlsx"
    wb = load_workbook(path)
    assert {"wat als", "verschil", "delen", "afgesneden", "dekking"} <= set(wb.sheetnames)
    text = " ".join(str(c.value) for row in wb["wat als"].iter_rows() for c in row if c.value)
    assert "zonder Economic Board Veenmarken" in text
    assert "1.2 Openbare orde en veiligheid" in text


def test_report_with_all_skips_actors_that_do_not_apply(example_path, tmp_path, capsys):
    rc = main(["report", example_path, "--all", "--out", str(tmp_path), "--formats", "xlsx",
               "--scenario", "remove:eb", "--lang", "en", "--quiet"])
    assert rc == 0, capsys.readouterr().err
    assert (tmp_path / "energie" / "energie-what-if.xlsx").exists()


@pytest.mark.parametrize(("spec", "match"), [
    ("weg:eb", r"'--scenario' must be a list like 'remove:eb,add:riec'"),
    ("remove:", r"'--scenario' must be a list like"),
    (",", r"'--scenario' names no actor to remove or add"),
])
def test_bad_specs_are_explained(spec, match):
    with pytest.raises(ValueError, match=match):
        parse_scenario_spec(spec)


def test_report_rejects_a_bad_scenario_before_writing(example_path, tmp_path, capsys):
    rc = main(["report", example_path, "--opgave", "economie", "--out", str(tmp_path), "--scenario", "weg:eb"])
    assert rc == 1
    assert "'--scenario' must be a list like" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_report_rejects_an_unknown_actor(example_path, tmp_path, capsys):
    rc = main(["report", example_path, "--opgave", "economie", "--out", str(tmp_path), "--formats", "xlsx",
               "--scenario", "remove:zz"])
    assert rc == 1
    assert "not in the case: ['zz']" in capsys.readouterr().err
