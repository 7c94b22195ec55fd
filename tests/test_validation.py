"""Every validation problem a person can act on: sheet, row, column, value, hint."""

from __future__ import annotations

import pandas as pd
import pytest

import opgavelab
from opgavelab import ReadError, ValidationError

from ._workbooks import valid_sheets, write_xlsx


def load_sheets(tmp_path, sheets, lang="nl", name="case.xlsx"):
    return opgavelab.load(write_xlsx(tmp_path / name, sheets), lang=lang)


def problems_of(tmp_path, sheets, lang="nl"):
    with pytest.raises(ValidationError) as info:
        load_sheets(tmp_path, sheets, lang=lang)
    return info.value.problems


def only_error(problems):
    errors = problems[problems["severity"] == "error"]
    assert len(errors) == 1, errors.to_string()
    return errors.iloc[0]


def test_valid_base_loads(tmp_path):
    case = load_sheets(tmp_path, valid_sheets())
    assert list(case.actors.index) == ["gem", "prov", "bedr", "hs", "vr"]
    assert len(case.involvement) == 5
    assert len(case.ties) == 4
    assert case.warnings.empty


def test_validation_error_is_a_value_error():
    assert issubclass(ValidationError, ValueError)
    assert issubclass(ReadError, ValidationError)


def test_missing_sheet_names_accepted_sheet_names(tmp_path):
    sheets = valid_sheets()
    del sheets["betrokkenheid"]
    with pytest.raises(ValidationError, match="Het blad 'betrokkenheid' ontbreekt"):
        load_sheets(tmp_path, sheets)
    p = only_error(problems_of(tmp_path, sheets))
    assert "betrokkenheid / involvement" in p["hint"]


def test_missing_sheet_suggests_a_misspelled_sheet(tmp_path):
    sheets = valid_sheets()
    sheets["betrokkenhied"] = sheets.pop("betrokkenheid")
    p = only_error(problems_of(tmp_path, sheets))
    assert "betrokkenhied" in p["hint"]


def test_missing_required_column_names_the_aliases(tmp_path):
    sheets = valid_sheets()
    for row in sheets["actoren"]:
        del row[1]
    with pytest.raises(ValidationError, match="De verplichte kolom 'naam' ontbreekt"):
        load_sheets(tmp_path, sheets)
    p = only_error(problems_of(tmp_path, sheets))
    assert p["sheet"] == "actoren"
    assert p["row"] == 1
    assert "naam, name" in p["hint"]


def test_duplicate_id(tmp_path):
    sheets = valid_sheets()
    sheets["actoren"].append(["gem", "Gemeente Dubbel", "overheid", "lokaal", "publiek", "3"])
    with pytest.raises(ValidationError, match=r"Id 'gem' komt vaker voor \(ook in rij 2\)"):
        load_sheets(tmp_path, sheets)
    p = only_error(problems_of(tmp_path, sheets))
    assert (p["row"], p["column"], p["value"]) == (7, "id", "gem")


def test_lijsten_sheet_extends_a_vocabulary(tmp_path):
    sheets = valid_sheets()
    sheets["actoren"][2][2] = "ministerie"
    sheets["actoren"][2][3] = "landsdeel"
    sheets["lijsten"] = [
        ["lijst", "waarde", "label", "kleur", "volgorde"],
        ["type", "ministerie", "Ministerie", "#777777", None],
        ["schaalniveau", "landsdeel", "Landsdeel", None, 4.5],
    ]
    case = load_sheets(tmp_path, sheets)
    assert case.actors.loc["prov", "type"] == "ministerie"
    assert case.colours("actor_type")["ministerie"] == "#777777"
    scale = list(case.actors["scale"].cat.categories)
    assert scale.index("landsdeel") == scale.index("provinciaal") + 1
    assert case.actors["scale"].cat.ordered


def test_unknown_list_in_lijsten(tmp_path):
    sheets = valid_sheets()
    sheets["lijsten"] = [["lijst", "waarde"], ["kleuren", "rood"]]
    with pytest.raises(ValidationError, match="'kleuren' is geen lijst die opgavelab kent"):
        load_sheets(tmp_path, sheets)


#: One wrong cell of the valid base workbook and the message it must give: (sheet, row, column, value, match).
ONE_WRONG_CELL = {
    "involvement_with_unknown_opgave": ("betrokkenheid", 1, 1, "economie", "Onbekende opgave 'economie'"),
    "until_before_since": ("relaties", 3, 7, 2018, r"'tot' \(2018-12-31\) ligt vóór 'sinds' \(2019-01-01\)"),
    "tie_to_itself": ("relaties", 2, 1, "prov", "Relatie van 'prov' naar zichzelf"),
    "negative_weight": ("relaties", 1, 3, -1, "Gewicht '-1' is geen getal van 0 of meer"),
    "non_numeric_weight": ("relaties", 1, 3, "zwaar", "Gewicht 'zwaar' is geen getal van 0 of meer"),
    "commitment_0": ("betrokkenheid", 1, 4, 0, "Inzet '.*' ligt niet tussen 1 en 5"),
    "commitment_6": ("betrokkenheid", 1, 4, 6, "Inzet '.*' ligt niet tussen 1 en 5"),
    "commitment_not_a_number": ("betrokkenheid", 1, 4, "veel", "Inzet '.*' ligt niet tussen 1 en 5"),
    "commitment_2.5": ("betrokkenheid", 1, 4, 2.5, "Inzet '.*' is geen geheel getal"),
    "commitment_3,5": ("betrokkenheid", 1, 4, "3,5", "Inzet '.*' is geen geheel getal"),
    "bad_yes_no": ("betrokkenheid", 1, 3, "misschien", "'misschien' is geen ja of nee"),
}


@pytest.mark.parametrize(("sheet", "row", "column", "value", "match"), ONE_WRONG_CELL.values(), ids=ONE_WRONG_CELL)
def test_one_wrong_cell_gives_its_message(tmp_path, sheet, row, column, value, match):
    sheets = valid_sheets()
    sheets[sheet][row][column] = value
    with pytest.raises(ValidationError, match=match):
        load_sheets(tmp_path, sheets)


#: One wrong cell, the message it gives, where the problem table says it is (sheet, row as the spreadsheet shows
#: it, column) and what its hint must say: (sheet, row, column, value, match, where, hints).
ONE_WRONG_CELL_WITH_A_HINT = {
    "empty_required_cell": ("actoren", 3, 1, None, "Lege cel in een verplichte kolom",
                            ("actoren", 4, "naam"), []),
    "involvement_with_unknown_actor": ("betrokkenheid", 2, 0, "provv", "Onbekende actor 'provv'",
                                       ("betrokkenheid", 3, "actor"), ["Bedoelt u 'prov'?"]),
    "tie_with_unknown_actor": ("relaties", 1, 1, "provincie", "'provincie'", ("relaties", 2, "naar"), ["'prov'"]),
    "value_outside_vocabulary": ("actoren", 2, 2, "ministerie", "'ministerie' is geen bekend actortype",
                                 ("actoren", 3, "type"),
                                 ["overheid, bedrijf, maatschappelijke organisatie, kennisinstelling, burger",
                                  "lijsten"]),
    "unreadable_date": ("betrokkenheid", 2, 5, "ergens in 2020", "'ergens in 2020' is geen datum",
                        ("betrokkenheid", 3, "sinds"), ["3-12-2021"]),
    "unknown_domain": ("opgaven", 1, 5, "3.1; Economi", "'Economi' is geen bekend domein", ("opgaven", 2, "domeinen"),
                       ["'Economie' = 3"]),
}


@pytest.mark.parametrize(("sheet", "row", "column", "value", "match", "where", "hints"),
                         ONE_WRONG_CELL_WITH_A_HINT.values(), ids=ONE_WRONG_CELL_WITH_A_HINT)
def test_one_wrong_cell_is_named_with_a_hint(tmp_path, sheet, row, column, value, match, where, hints):
    sheets = valid_sheets()
    sheets[sheet][row][column] = value
    with pytest.raises(ValidationError, match=match) as info:
        load_sheets(tmp_path, sheets)
    p = only_error(info.value.problems)
    assert (p["sheet"], p["row"], p["column"]) == where
    for hint in hints:
        assert hint in p["hint"]


def test_weight_with_decimal_comma_is_read(tmp_path):
    sheets = valid_sheets()
    sheets["relaties"][1][3] = "2,5"
    case = load_sheets(tmp_path, sheets)
    assert case.ties.loc[0, "weight"] == 2.5


def test_id_used_for_actor_and_opgave(tmp_path):
    sheets = valid_sheets()
    sheets["opgaven"][2][0] = "gem"
    sheets["betrokkenheid"][5][1] = "gem"
    with pytest.raises(ValidationError, match="Id 'gem' is zowel een actor als een opgave"):
        load_sheets(tmp_path, sheets)


def test_excel_error_cell_is_reported(tmp_path):
    sheets = valid_sheets()
    sheets["actoren"][2][1] = "#N/A"  # written as an error cell below
    path = write_xlsx(tmp_path / "case.xlsx", sheets)
    from openpyxl import load_workbook

    wb = load_workbook(path)
    wb["actoren"]["B3"].value = "#N/A"
    wb["actoren"]["B3"].data_type = "e"
    wb.save(path)
    with pytest.raises(ValidationError, match="Excel-foutwaarde") as info:
        opgavelab.load(path)
    p = only_error(info.value.problems)
    assert (p["row"], p["column"], p["value"]) == (3, "naam", "#N/A")


def test_formula_without_value_is_reported(tmp_path):
    sheets = valid_sheets()
    sheets["actoren"][2][1] = "=A3&\" gemeente\""
    with pytest.raises(ValidationError) as info:
        load_sheets(tmp_path, sheets)
    p = only_error(info.value.problems)
    assert p["value"].startswith("=A3")


def test_every_problem_is_reported_at_once(tmp_path):
    sheets = valid_sheets()
    sheets["actoren"][3][1] = None                      # empty name
    sheets["actoren"][4][2] = "onbekend"                # vocabulary
    sheets["betrokkenheid"][2][0] = "provv"             # unknown actor
    sheets["betrokkenheid"][3][4] = 9                   # commitment
    sheets["relaties"][2][1] = "prov"                   # self tie
    sheets["relaties"][3][5] = "soms"                   # yes/no
    problems = problems_of(tmp_path, sheets)
    errors = problems[problems["severity"] == "error"]
    assert len(errors) == 6
    assert list(problems.columns) == ["sheet", "row", "column", "value", "message", "hint", "severity"]
    assert set(errors["sheet"]) == {"actoren", "betrokkenheid", "relaties"}


def test_warnings_do_not_block_analysis(tmp_path):
    sheets = valid_sheets()
    sheets["relaties"].append(["prov", "gem", "samenwerking", 2, "econ", "nee", 2019, None])  # duplicate (undirected)
    sheets["actoren"].append(["los", "Losse actor", "burger", "buurt", None, None])  # no involvement
    case = load_sheets(tmp_path, sheets)
    messages = case.warnings["message"].tolist()
    assert any("Dezelfde relatie staat er vaker in (ook in rij 2)" in m for m in messages)
    assert any("Actor 'los' is bij geen enkele opgave betrokken" in m for m in messages)
    assert set(case.warnings["severity"]) == {"warning"}


def test_ids_with_spaces_or_other_case_are_read_with_a_warning(tmp_path):
    sheets = valid_sheets()
    sheets["actoren"][1][0] = " gem "
    sheets["betrokkenheid"][2][0] = "PROV"
    case = load_sheets(tmp_path, sheets)
    assert "gem" in case.actors.index
    assert (case.involvement["actor"] == "prov").sum() == 1
    assert any("verschilt alleen in hoofdletters" in m for m in case.warnings["message"])


def test_messages_in_english(tmp_path):
    sheets = valid_sheets()
    sheets["betrokkenheid"][2][0] = "provv"
    with pytest.raises(ValidationError, match="Unknown actor 'provv'") as info:
        load_sheets(tmp_path, sheets, lang="en")
    assert "Did you mean 'prov'?" in info.value.problems.loc[0, "hint"]
    assert str(info.value).startswith("The case is not valid: 1 problem found.")


def test_problems_table_renders_as_html(tmp_path):
    sheets = valid_sheets()
    sheets["actoren"][2][1] = "<b>x</b>"
    sheets["actoren"][2][2] = "<script>"
    with pytest.raises(ValidationError) as info:
        load_sheets(tmp_path, sheets)
    page = info.value._repr_html_()
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_header_on_second_row_and_empty_rows_keep_spreadsheet_row_numbers(tmp_path):
    sheets = valid_sheets()
    actors = sheets["actoren"]
    sheets["actoren"] = [["Actoren van de casus Zuidhoek"], *actors[:3], [], [], *actors[3:]]
    sheets["actoren"][6][2] = "onbekend"  # the 'hs' row, now on spreadsheet row 7
    p = only_error(problems_of(tmp_path, sheets))
    assert (p["sheet"], p["row"], p["value"]) == ("actoren", 7, "onbekend")


def test_empty_relaties_sheet_is_valid(tmp_path):
    sheets = valid_sheets()
    sheets["relaties"] = sheets["relaties"][:1]
    case = load_sheets(tmp_path, sheets)
    assert case.ties.empty
    assert list(case.ties.columns)[:4] == ["source", "target", "type", "weight"]


def test_absent_relaties_sheet_is_valid(tmp_path):
    sheets = valid_sheets()
    del sheets["relaties"]
    case = load_sheets(tmp_path, sheets)
    assert case.ties.empty


def test_from_frames_uses_the_same_checks():
    with pytest.raises(ValidationError, match="Onbekende actor 'x'"):
        opgavelab.Case.from_frames(
            actors=pd.DataFrame({"id": ["a"], "naam": ["A"], "type": ["burger"]}),
            opgaven=pd.DataFrame({"id": ["o"], "naam": ["O"]}),
            involvement=pd.DataFrame({"actor": ["x"], "opgave": ["o"]}),
        )


def test_from_frames_rejects_a_non_frame():
    with pytest.raises(TypeError, match="'actors' must be a pandas DataFrame, got list"):
        opgavelab.Case.from_frames(actors=[], opgaven=pd.DataFrame(), involvement=pd.DataFrame())


def test_lang_is_checked(tmp_path):
    with pytest.raises(ValueError, match=r"'lang' must be one of \['nl', 'en'\], got 'de'"):
        opgavelab.load(tmp_path, lang="de")
