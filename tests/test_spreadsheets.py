"""Workbooks as Excel and LibreOffice users meet them (issue 22): rules enforced, rows high enough, print setup."""

from __future__ import annotations

from openpyxl import load_workbook

import opgavelab


def _range_checks(wb):
    return [(w.title, str(d.sqref), d.type, d.showErrorMessage, d.errorTitle, d.error)
            for w in wb for d in w.data_validations.dataValidation if d.type != "list"]


def test_template_range_checks_are_enforced(tmp_path):
    for lang in ("nl", "en"):
        wb = load_workbook(opgavelab.write_template(tmp_path / f"t-{lang}.xlsx", lang=lang))
        checks = _range_checks(wb)
        assert {c[2] for c in checks} == {"whole", "decimal"}, checks
        for title, sqref, kind, shown, err_title, err in checks:
            assert shown is True, (title, sqref)
            assert err_title and err, (title, sqref)
        whole = [c for c in checks if c[2] == "whole"][0]
        assert ("1 tot 5" if lang == "nl" else "1 to 5") in whole[5]


def test_template_instruction_rows_have_heights(tmp_path):
    wb = load_workbook(opgavelab.write_template(tmp_path / "t.xlsx"))
    info = wb["instructies"]
    for row in info.iter_rows(min_row=8):
        text = row[1].value
        if text and len(text) > 120:
            assert info.row_dimensions[row[0].row].height >= 30, (row[0].value, text)


def test_template_sheets_print_one_page_wide(tmp_path):
    wb = load_workbook(opgavelab.write_template(tmp_path / "t.xlsx"))
    for ws in wb:
        if ws.sheet_state == "hidden":
            continue
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0, ws.title


def test_survey_questionnaire_range_checks_are_enforced(tmp_path):
    from opgavelab import survey

    case = opgavelab.example()
    survey.write_questionnaires(case, case.opgaven.index[0], tmp_path / "s")
    files = sorted((tmp_path / "s").rglob("*.xlsx"))
    assert files
    checks = _range_checks(load_workbook(files[0]))
    assert checks and all(c[3] is True and c[4] and c[5] for c in checks), checks


# -- files as LibreOffice and old Excel save them -------------------------------

def _same_case(a, b):
    import pandas as pd

    for table in ("actors", "opgaven", "involvement", "ties", "vocabularies"):
        pd.testing.assert_frame_equal(getattr(a, table), getattr(b, table), obj=table)


def test_plain_xls_is_read_not_called_password_protected():
    from pathlib import Path

    from tests._workbooks import VALID, write_xlsx

    xls = Path(__file__).parent / "data" / "klein-excel97.xls"  # written by LibreOffice 7.4 --convert-to xls
    case = opgavelab.load(xls)
    assert list(case.actors.index) == [r[0] for r in VALID["actoren"][1:]]
    assert case.involvement["commitment"].tolist() == [5, 3, 2, 4, 2]
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        _same_case(case, opgavelab.load(write_xlsx(Path(d) / "k.xlsx", VALID) or Path(d) / "k.xlsx"))


def test_encrypted_office_file_still_called_password_protected(tmp_path):
    import pytest

    from opgavelab.errors import ReadError

    fake = tmp_path / "geheim.xlsx"
    fake.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + "EncryptedPackage".encode("utf-16-le")
                     + b"\0" * 500)
    with pytest.raises(ReadError, match="wachtwoord"):
        opgavelab.load(fake)


def test_every_sheet_csv_names_with_book_prefix(tmp_path):
    import csv

    from tests._workbooks import VALID

    folder = tmp_path / "csv"
    folder.mkdir()
    for sheet, rows in {**VALID, "info": [["over", "deze casus"]]}.items():
        with open(folder / f"mijn-casus-{sheet}.csv", "w", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerows([["" if v is None else v for v in r] for r in rows])
    case = opgavelab.load(folder)
    assert len(case.actors) == 5 and len(case.ties) == 4
    # a file without the shared prefix keeps its name: no prefix is assumed then
    (folder / "extra.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    from opgavelab.errors import ValidationError

    import pytest

    with pytest.raises(ValidationError):
        opgavelab.load(folder)


# -- month-first dates from an English-locale CSV --------------------------------

def _csv_case(folder, since):
    import csv

    from tests._workbooks import VALID

    folder.mkdir()
    for sheet, rows in VALID.items():
        rows = [list(r) for r in rows]
        if sheet == "betrokkenheid":
            for r, v in zip(rows[1:], since):
                r[5] = v
        with open(folder / f"{sheet}.csv", "w", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerows([["" if v is None else v for v in r] for r in rows])
    return opgavelab.load(folder)


def _warnings(case, word):
    w = case.warnings
    return w[w["message"].str.contains(word)]


def test_month_first_column_is_read_month_first_and_said(tmp_path):
    import pandas as pd

    case = _csv_case(tmp_path / "us", ["12/31/2018", "06/07/2019", "1/2/2020", "2019", "7/4/2021"])
    since = case.involvement["since"].tolist()
    assert since[:3] == [pd.Timestamp("2018-12-31"), pd.Timestamp("2019-06-07"), pd.Timestamp("2020-01-02")]
    assert since[4] == pd.Timestamp("2021-07-04")
    said = _warnings(case, "maand voorop")
    assert len(said) == 1 and said.iloc[0]["row"] == 2


def test_ambiguous_slash_dates_are_day_first_with_one_warning(tmp_path):
    import pandas as pd

    case = _csv_case(tmp_path / "amb", ["06/07/2019", "1/2/2020", "3/3/2021", "2019", "2020"])
    assert case.involvement["since"].tolist()[:2] == [pd.Timestamp("2019-07-06"), pd.Timestamp("2020-02-01")]
    assert len(_warnings(case, "dag/maand/jaar of maand/dag/jaar")) == 1


def test_day_first_slash_dates_are_silent(tmp_path):
    case = _csv_case(tmp_path / "nl", ["31/12/2018", "06/07/2019", "2019", "2019", "2020"])
    assert str(case.involvement["since"].iloc[1].date()) == "2019-07-06"
    assert _warnings(case, "maand").empty
