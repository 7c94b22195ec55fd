"""Loading a case: formats, aliases, dtypes, and the input file left alone."""

from __future__ import annotations

import os

import pandas as pd
import pytest

import opgavelab
from opgavelab import ReadError

from ._workbooks import valid_sheets, write_csv_folder, write_xlsx


@pytest.fixture(scope="module")
def example():
    return opgavelab.example()


def test_dtypes_are_real(tmp_path):
    case = opgavelab.load(write_xlsx(tmp_path / "c.xlsx", valid_sheets()))
    a, i, t = case.actors, case.involvement, case.ties
    assert a.index.name == "id"
    assert isinstance(a["type"].dtype, pd.CategoricalDtype) and not a["type"].cat.ordered
    assert a["scale"].cat.ordered
    assert list(a["scale"].cat.categories) == ["buurt", "lokaal", "regionaal", "provinciaal", "nationaal",
                                                "Europees", "mondiaal"]
    assert a.loc["gem", "domains"] == ["3.1", "8.1"]
    assert i["aware"].dtype == bool and i["aware"].tolist() == [True, True, False, True, True]
    assert str(i["commitment"].dtype) == "Int64"
    assert i.loc[0, "since"] == pd.Timestamp("2019-01-01")
    assert i.loc[3, "until"] == pd.Timestamp("2023-12-31")  # a bare year in 'tot' lasts the year
    assert t["weight"].dtype == float
    assert t["directed"].tolist() == [False, True, False, False]
    assert pd.api.types.is_string_dtype(a["name"])


def test_english_and_oddly_written_names_are_matched(tmp_path):
    sheets = valid_sheets()
    renamed = {
        "Actors": sheets["actoren"], "  CHALLENGES ": sheets["opgaven"],
        "Involvement": sheets["betrokkenheid"], "Ties": sheets["relaties"],
    }
    renamed["Actors"][0] = ["ID", " Name ", "TYPE", "Schaal niveau", "Sector", "Domeinen"]
    renamed["  CHALLENGES "][0] = ["id", "NAAM", "Oorsprong", "kern", "Scale", "domains"]
    renamed["Involvement"][0] = ["Actor", "Opgave", "Role", "Aware", "Commitment", "Since", "Until"]
    renamed["Ties"][0] = ["source", "target", "Type", "weight", "opgave", "Directed", "since", "until"]
    case = opgavelab.load(write_xlsx(tmp_path / "c.xlsx", renamed))
    reference = opgavelab.load(write_xlsx(tmp_path / "r.xlsx", valid_sheets()))
    assert case.equals(reference)


def test_accents_in_column_names_do_not_matter(tmp_path):
    sheets = valid_sheets()
    sheets["opgaven"][0][2] = "Oórsprong"
    case = opgavelab.load(write_xlsx(tmp_path / "c.xlsx", sheets))
    assert case.opgaven.loc["econ", "origin"] == "Regiodeal"


def test_english_vocabulary_values_are_read(tmp_path):
    sheets = valid_sheets()
    sheets["actoren"][1][2:4] = ["government", "local"]
    sheets["relaties"][1][2] = "collaboration"
    case = opgavelab.load(write_xlsx(tmp_path / "c.xlsx", sheets))
    assert case.actors.loc["gem", "type"] == "overheid"
    assert case.actors.loc["gem", "scale"] == "lokaal"
    assert case.ties.loc[0, "type"] == "samenwerking"


def test_domains_by_code_or_name(tmp_path):
    sheets = valid_sheets()
    sheets["actoren"][1][5] = "Economie; 8.3;Ruimtelijke ordening; 3"
    sheets["actoren"][2][5] = 8.3  # a number cell, as Excel stores it
    case = opgavelab.load(write_xlsx(tmp_path / "c.xlsx", sheets))
    assert case.actors.loc["gem", "domains"] == ["3", "8.3", "8.1"]
    assert case.actors.loc["prov", "domains"] == ["8.3"]


def test_extra_columns_are_kept(tmp_path):
    sheets = valid_sheets()
    sheets["actoren"][0].append("Website")
    for row in sheets["actoren"][1:]:
        row.append(f"https://{row[0]}.example")
    case = opgavelab.load(write_xlsx(tmp_path / "c.xlsx", sheets))
    assert case.actors.loc["hs", "Website"] == "https://hs.example"


def test_csv_folders_semicolon_cp1252_and_comma_bom_load_to_the_same_case(test_data):
    a = opgavelab.load(test_data / "csv_semicolon_cp1252")
    b = opgavelab.load(test_data / "csv_comma_bom")
    assert a.equals(b)
    assert a.actors.loc["ondern", "Opmerking"] == "€ 5 contributie"
    assert a.opgaven.loc["econ", "core_challenge"] == "Banen én wonen"
    assert a.ties.loc[0, "weight"] == 2.5
    assert a.involvement.loc[1, "since"] == pd.Timestamp("2020-12-03")


def test_csv_written_by_helper_in_cp1252_with_semicolons(tmp_path):
    sheets = valid_sheets()
    sheets["actoren"][1][1] = "Gemeente Zuidhoek – café"
    folder = write_csv_folder(tmp_path / "csv", sheets, sep=";", encoding="cp1252")
    case = opgavelab.load(folder)
    assert case.actors.loc["gem", "name"] == "Gemeente Zuidhoek – café"


def test_ods_loads_like_xlsx(tmp_path):
    sheets = valid_sheets()
    path = tmp_path / "c.ods"
    with pd.ExcelWriter(path, engine="odf") as writer:
        for title, rows in sheets.items():
            pd.DataFrame(rows[1:], columns=rows[0]).to_excel(writer, sheet_name=title, index=False)
    case = opgavelab.load(path)
    reference = opgavelab.load(write_xlsx(tmp_path / "r.xlsx", sheets))
    assert case.equals(reference)


def test_loading_never_writes_to_the_input(tmp_path):
    path = write_xlsx(tmp_path / "c.xlsx", valid_sheets())
    before = (path.read_bytes(), os.stat(path).st_mtime_ns)
    opgavelab.load(path)
    assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.xlsx"]


def test_missing_file(tmp_path):
    with pytest.raises(ReadError, match="Bestand of map niet gevonden"):
        opgavelab.load(tmp_path / "nergens.xlsx")


def test_empty_file(tmp_path):
    path = tmp_path / "leeg.xlsx"
    path.write_bytes(b"")
    with pytest.raises(ReadError, match=r"Het bestand leeg.xlsx is leeg \(0 bytes\)"):
        opgavelab.load(path)


def test_not_a_spreadsheet(tmp_path):
    path = tmp_path / "foto.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    with pytest.raises(ReadError, match="foto.xlsx is geen spreadsheet die opgavelab kan lezen"):
        opgavelab.load(path)


def test_broken_zip_is_not_a_traceback(tmp_path):
    path = tmp_path / "kapot.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"rubbish" * 50)
    with pytest.raises(ReadError, match="kapot.xlsx is geen spreadsheet"):
        opgavelab.load(path)


def test_password_protected_workbook(tmp_path):
    # an encrypted Office workbook is an OLE2 compound file, not a zip
    path = tmp_path / "geheim.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048)
    with pytest.raises(ReadError, match="geheim.xlsx is met een wachtwoord beveiligd") as info:
        opgavelab.load(path)
    assert "verwijder het wachtwoord" in info.value.problems.loc[0, "hint"]


def test_folder_without_csv(tmp_path):
    with pytest.raises(ReadError, match="bevat geen CSV-bestanden"):
        opgavelab.load(tmp_path)


def test_ragged_csv_row_names_the_row(tmp_path):
    folder = write_csv_folder(tmp_path / "csv", valid_sheets(), sep=";")
    text = (folder / "opgaven.csv").read_text()
    (folder / "opgaven.csv").write_text(text.replace('"3.1; 6.5; 1.2"', "3.1; 6.5; 1.2"))
    with pytest.raises(opgavelab.ValidationError, match="Deze rij heeft 8 velden, de kopregel 6") as info:
        opgavelab.load(folder)
    p = info.value.problems
    assert p.loc[p["severity"] == "error", "row"].tolist() == [2]


def test_template_round_trip_equals_the_example(tmp_path, example):
    """Fill the template with the example's rows (as a user would) and load it."""
    from openpyxl import load_workbook

    template = opgavelab.write_template(tmp_path / "sjabloon.xlsx")
    source = load_workbook(opgavelab.example_path())
    target = load_workbook(template)
    for title in ("actoren", "opgaven", "betrokkenheid", "relaties", "lijsten"):
        src, dst = source[title], target[title]
        headers = [c.value for c in src[1]]
        dst_headers = [c.value for c in dst[1]]
        for j, h in enumerate(headers, start=1):
            if h not in dst_headers:
                dst.cell(row=1, column=len(dst_headers) + 1, value=h)
                dst_headers.append(h)
        for r, row in enumerate(src.iter_rows(min_row=2, values_only=True), start=2):
            for h, value in zip(headers, row):
                cell = dst.cell(row=r, column=dst_headers.index(h) + 1, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"
    target.save(template)
    filled = opgavelab.load(template)
    assert filled.equals(example)
    assert len(filled.actors) == len(example.actors)


def test_template_has_instructions_and_dropdowns(tmp_path):
    from openpyxl import load_workbook

    path = opgavelab.write_template(tmp_path / "t.xlsx", lang="en")
    wb = load_workbook(path)
    assert wb.sheetnames[:6] == ["instructions", "_keuzes", "actors", "opgaven", "involvement", "ties"]
    ws = wb["actors"]
    assert [c.value for c in ws[1]] == ["id", "name", "short_name", "type", "scale", "sector", "domains"]
    ranges = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    assert "D2:D5000" in ranges and "_keuzes" in ranges["D2:D5000"]
    inv = {str(dv.sqref): dv for dv in wb["involvement"].data_validations.dataValidation}
    assert inv["E2:E5000"].type == "whole"
    nl = load_workbook(opgavelab.write_template(tmp_path / "s.xlsx"))
    assert [c.value for c in nl["betrokkenheid"][1]] == ["actor", "opgave", "rol", "bewust", "inzet", "sinds", "tot"]


def test_template_does_not_overwrite(tmp_path):
    path = opgavelab.write_template(tmp_path / "t.xlsx")
    with pytest.raises(FileExistsError, match="already exists"):
        opgavelab.write_template(path)
    opgavelab.write_template(path, overwrite=True)


def test_save_and_load_round_trip_keeps_formula_like_text(tmp_path, example):
    case = opgavelab.Case.from_frames(
        actors=pd.DataFrame({"id": ["a", "b"], "naam": ["=SUM(A1:A9)", "+31 6 1234"], "type": ["burger", "bedrijf"],
                             "domeinen": ["3.1; 8.1", None]}),
        opgaven=pd.DataFrame({"id": ["o"], "naam": ["@opgave"], "domeinen": ["1.2"]}),
        involvement=pd.DataFrame({"actor": ["a", "b"], "opgave": ["o", "o"], "sinds": [2020, None]}),
    )
    path = opgavelab.save(case, tmp_path / "c.xlsx")
    again = opgavelab.load(path)
    assert again.equals(case)
    assert again.actors.loc["a", "name"] == "=SUM(A1:A9)"
    assert opgavelab.load(opgavelab.save(example, tmp_path / "e.xlsx")).equals(example)


def test_case_repr_says_what_to_do_next(example):
    text = repr(example)
    assert f"{len(example.actors)} actoren" in text and "opgavelab.scan(case, opgave_id)" in text
    page = example._repr_html_()
    assert "Regio Veenmarken" in page and "per actortype" in page and "opgavelab.Explorer(case)" in page


def test_case_helpers(example):
    assert example.labels("scale", "en")["buurt"] == "neighbourhood"
    assert example.domain_label("3.1") == "3.1 Economische ontwikkeling"
    assert example.years()[0] == 2018 and example.years()[-1] == 2024
    with pytest.raises(ValueError, match="'opgave' must be one of the opgave ids"):
        example.opgave("onbekend")
    with pytest.raises(ValueError, match="'list_name' must be one of"):
        example.vocabulary("kleuren")
