"""The ``opgavelab`` command: validate and template."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

import opgavelab
from opgavelab.cli import main

from ._workbooks import valid_sheets, write_xlsx


def test_validate_valid_case_exits_0_with_a_summary(capsys):
    assert main(["validate", str(opgavelab.example_path())]) == 0
    out = capsys.readouterr().out
    n = len(opgavelab.example().actors)
    assert out.startswith(f"Geldig: Regio Veenmarken (fictief): {n} actoren, 5 opgaven")
    assert "Actoren per type: overheid" in out


def test_validate_prints_warnings(tmp_path, capsys):
    sheets = valid_sheets()
    sheets["actoren"].append(["los", "Losse actor", "burger", "buurt", None, None])
    assert main(["validate", str(write_xlsx(tmp_path / "c.xlsx", sheets)), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "1 warning(s):" in out and "Actor 'los' is not involved in any opgave." in out


def test_validate_invalid_case_exits_1_with_the_problem_table(tmp_path, capsys):
    sheets = valid_sheets()
    sheets["betrokkenheid"][2][0] = "provv"
    sheets["relaties"][1][3] = -2
    assert main(["validate", str(write_xlsx(tmp_path / "c.xlsx", sheets))]) == 1
    out = capsys.readouterr().out
    assert "De casus is niet geldig: 2 problemen gevonden." in out
    assert re.search(r"betrokkenheid +3 +actor +provv +Onbekende actor 'provv'\.", out)
    assert "→ Gebruik een id uit het blad 'actoren'. Bedoelt u 'prov'?" in out


def test_validate_json(tmp_path, capsys):
    sheets = valid_sheets()
    sheets["relaties"][2][1] = "prov"
    assert main(["validate", str(write_xlsx(tmp_path / "c.xlsx", sheets)), "--json", "--lang", "en"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["valid"] is False and result["readable"] is True
    assert result["problems"][0]["row"] == 3
    assert result["problems"][0]["message"] == "Tie from 'prov' to itself."
    assert main(["validate", str(opgavelab.example_path()), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["actors"] == len(opgavelab.example().actors)


def test_validate_unreadable_file_exits_2(tmp_path, capsys):
    path = tmp_path / "x.xlsx"
    path.write_text("geen spreadsheet")
    assert main(["validate", str(path)]) == 2
    assert "x.xlsx is geen spreadsheet" in capsys.readouterr().err
    assert main(["validate", str(tmp_path / "missing.ods"), "--json"]) == 2
    assert json.loads(capsys.readouterr().out)["readable"] is False


def test_template_command(tmp_path, capsys):
    target = tmp_path / "sjabloon.xlsx"
    assert main(["template", str(target)]) == 0
    assert "Sjabloon geschreven" in capsys.readouterr().out
    assert main(["template", str(target), "--lang", "en"]) == 2
    assert "already exists; use --force" in capsys.readouterr().err
    assert main(["template", str(target), "--lang", "en", "--force"]) == 0


def test_console_script_is_installed(tmp_path):
    exe = [sys.executable, "-m", "opgavelab", "validate", str(opgavelab.example_path())]
    result = subprocess.run(exe, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_unknown_lang_is_refused(capsys):
    with pytest.raises(SystemExit) as info:
        main(["validate", "x.xlsx", "--lang", "de"])
    assert info.value.code == 1  # a wrong argument; 2 means an unreadable input
    assert "invalid choice: 'de'" in capsys.readouterr().err
