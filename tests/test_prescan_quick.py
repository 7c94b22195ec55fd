"""The prescan's quick path: character references in cell text are fine, in a cell's tag they are not."""

from __future__ import annotations

import zipfile

from opgavelab import _prescan as ps

HEAD = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
TAIL = "</sheetData></worksheet>"


def _quick(tmp_path, body: str):
    path = tmp_path / "s.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/worksheets/sheet1.xml", HEAD + body + TAIL)
    with zipfile.ZipFile(path) as zf:
        return ps._quick_sheet(zf, zf.getinfo("xl/worksheets/sheet1.xml"), ps.Limits(), [10**9, 10**9])


def test_a_character_reference_in_text_keeps_the_quick_path(tmp_path):
    body = ('<row r="1"><c r="A1" t="inlineStr"><is><t>Energieco&#246;peratie</t></is></c>'
            '<c r="C7" t="n"><v>3</v></c></row>')
    assert _quick(tmp_path, body) == (7, 3, False, False)


def test_a_character_reference_in_a_cells_tag_needs_the_full_scan(tmp_path):
    # t="&#101;" is t="e": an error cell the quick marks would not see
    assert _quick(tmp_path, '<row r="1"><c r="A1" t="&#101;"><v>#N/A</v></c></row>') is None
    assert _quick(tmp_path, "<row r='1'><c r=\"B2\" t='&#x65;'><v>#N/A</v></c></row>") is None


def test_the_full_scan_finds_the_error_cell_spelled_with_a_reference(tmp_path):
    path = tmp_path / "s.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/worksheets/sheet1.xml", HEAD + '<row r="1"><c r="A1" t="&#101;"><v>#N/A</v></c></row>' + TAIL)
    with zipfile.ZipFile(path) as zf:
        scan = ps._scan_sheet(zf, zf.getinfo("xl/worksheets/sheet1.xml"), "s", ps.Limits(), [10**9, 10**9])
    assert scan.notes == {(1, "A"): ("error", "#N/A")}


def test_cell_tags_in_every_spelling_are_counted(tmp_path):
    # a cell without a reference (<c>) cannot be vouched for
    assert _quick(tmp_path, '<row r="1"><c r="A1"><v>1</v></c><c>\n<v>2</v></c></row>') is None
    assert _quick(tmp_path, '<row r="1"><c r="A1"><v>1</v></c><c\tt="n"><v>2</v></c></row>') is None
    assert _quick(tmp_path, '<row r="1"><x:c r="A1"><v>1</v></x:c></row>') is None
