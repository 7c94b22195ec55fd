"""The prescan's quick path: character references in cell text are fine, in a cell's tag they are not."""

from __future__ import annotations

import re
import zipfile

import pytest
from openpyxl.utils import get_column_letter

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


def _bounded(tmp_path, body: str, limits=None):
    path = tmp_path / "b.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/worksheets/sheet1.xml", HEAD + body + TAIL)
    with zipfile.ZipFile(path) as zf:
        return ps._bounded_sheet(zf, zf.getinfo("xl/worksheets/sheet1.xml"), limits or ps.Limits(), [10**9, 10**9])


_PLAIN = ('<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="s" s="2"><v>0</v></c></row>'
          '<row r="2"><c r="A2" t="n"><v>3</v></c><c r="B2" s="1"/></row>')


def test_the_bounded_path_vouches_for_a_sheet_as_writers_spell_it(tmp_path):
    assert _bounded(tmp_path, _PLAIN) is True


@pytest.mark.parametrize("odd", [
    '<row r="9"><c r="XFD1048576" t="n"><v>1</v></c></row>',      # a value far away
    '<row r="3"><c r="A3" t="e"><v>#N/A</v></c></row>',            # an error cell
    '<row r="3"><c r="A3" t="&#101;"><v>#N/A</v></c></row>',       # the same, spelled with a reference
    '<row r="3"><c r="A3"><f>1+1</f></c></row>',                   # a formula
    '<row r="3"><c><v>1</v></c></row>',                            # a cell without a reference
    "<row r='3'><c r='A3'><v>1</v></c></row>",                     # single quotes
    '<row r="3"><x:c r="A3"><v>1</v></x:c></row>',                 # a namespace prefix
    '<!-- a comment --><row r="3"><c r="A3"><v>1</v></c></row>',   # anything after <!
    '<row r="3"><c r="A3">&#65;<v>1</v></c></row>',                # text directly in the cell
])
def test_the_bounded_path_leaves_anything_else_to_the_scans(tmp_path, odd):
    assert _bounded(tmp_path, _PLAIN + odd) is False


def test_the_bounded_path_bounds_rows_by_max_cells_over_the_header_width(tmp_path):
    rows = "".join(f'<row r="{r}"><c r="A{r}" t="n"><v>1</v></c><c r="B{r}" t="n"><v>1</v></c></row>'
                   for r in range(3, 8))
    assert _bounded(tmp_path, _PLAIN + rows, ps.Limits(max_cells=14)) is True   # 7 rows x 2 columns
    assert _bounded(tmp_path, _PLAIN + rows, ps.Limits(max_cells=13)) is False


@pytest.mark.parametrize("n", [1, 9, 10, 99, 100, 101, 125_701, 2_500_000])
def test_at_most_matches_exactly_the_numbers_up_to_n(n):
    pattern = re.compile(ps._at_most(str(n), ps._DIGITS, ps._DIGITS[1:]))
    for k in {1, 2, 9, 10, 11, n - 1, n, n + 1, 10 * n, n + 10}:
        if k >= 1:
            assert bool(pattern.fullmatch(str(k))) == (k <= n), k
    assert not pattern.fullmatch("0") and not pattern.fullmatch("01")


@pytest.mark.parametrize("n", [1, 8, 26, 27, 52, 703, 16_384])
def test_at_most_matches_exactly_the_columns_up_to_n(n):
    pattern = re.compile(ps._at_most(get_column_letter(n), ps._LETTERS, ps._LETTERS))
    assert [k for k in range(1, 16_385) if pattern.fullmatch(get_column_letter(k))] == list(range(1, n + 1))
