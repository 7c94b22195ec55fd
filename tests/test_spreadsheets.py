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
