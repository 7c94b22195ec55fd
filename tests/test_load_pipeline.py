"""The pre-scan of an xlsx runs one step ahead of calamine, on a thread of its own (issue 21).

Its guarantees hold as when it ran first: calamine opens the workbook only once
the shared strings are vouched for and reads a sheet only once that sheet is;
a file the scan refuses is refused with the scan's message, also when the
refused part comes after sheets calamine has read already.
"""

from __future__ import annotations

import zipfile

import pytest

import opgavelab
from opgavelab import ReadError
from opgavelab import _prescan as ps

EXAMPLE = opgavelab.example_path()


def test_calamine_reads_only_what_the_scan_vouched_for(monkeypatch):
    import time

    import python_calamine

    scanned: list = []
    real_sheet, real_strings = ps._scan_worksheet, ps._scan_shared_strings

    def slow_sheet(zf, info, title, *args):
        time.sleep(0.02)  # calamine would overtake a scan that does not hold it back
        real_sheet(zf, info, title, *args)
        scanned.append(title)

    def strings(*args):
        time.sleep(0.05)
        real_strings(*args)
        scanned.append("<shared strings>")

    monkeypatch.setattr(ps, "_scan_worksheet", slow_sheet)
    monkeypatch.setattr(ps, "_scan_shared_strings", strings)
    real_workbook = python_calamine.CalamineWorkbook
    with zipfile.ZipFile(EXAMPLE) as zf:
        has_strings = any(n.lower().endswith("sharedstrings.xml") for n in zf.namelist())
    opened: list = []

    class Watched:
        def __init__(self, workbook):
            self._workbook = workbook
            self.sheet_names = workbook.sheet_names

        @staticmethod
        def from_path(path):
            if has_strings:
                assert "<shared strings>" in scanned, "calamine opened the workbook before its strings were scanned"
            return Watched(real_workbook.from_path(path))

        def get_sheet_by_name(self, title):
            assert title in scanned, f"calamine read {title!r} before the scan vouched for it"
            opened.append(title)
            return self._workbook.get_sheet_by_name(title)

    monkeypatch.setattr(python_calamine, "CalamineWorkbook", Watched)
    case = opgavelab.load(EXAMPLE)
    monkeypatch.undo()
    assert opened and case.equals(opgavelab.load(EXAMPLE))


def _with_member(source, target, name: str, data: bytes):
    """``source`` with one more member (not named in the workbook) written last."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, zin.read(info.filename))
        zout.writestr(name, data)
    return target


def test_a_refusal_found_after_calamine_read_every_sheet_still_stands(tmp_path):
    """A worksheet no sheet names, scanned last, spans too many cells: the load is refused, not half done."""
    far = (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           b'<sheetData><row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row></sheetData></worksheet>')
    path = _with_member(EXAMPLE, tmp_path / "verstopt.xlsx", "xl/worksheets/sheet99.xml", far)
    with pytest.raises(ReadError, match="max_cells"):
        opgavelab.load(path)


def test_the_scans_message_comes_before_calamines(tmp_path, monkeypatch):
    """When calamine fails while the scan refuses the file, the user reads the scan's reason."""
    import python_calamine

    class Broken:
        @staticmethod
        def from_path(path):
            raise RuntimeError("calamine could not read this")

    monkeypatch.setattr(python_calamine, "CalamineWorkbook", Broken)
    huge = b"x" * 2_000
    cell = (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>' + huge
            + b"</t></is></c></row></sheetData></worksheet>")
    path = _with_member(EXAMPLE, tmp_path / "lang.xlsx", "xl/worksheets/sheet98.xml", cell)
    with pytest.raises(ReadError, match="max_cell_chars"):
        opgavelab.load(path, max_cell_chars=1_000)
    with pytest.raises(ReadError, match="calamine could not read this"):
        opgavelab.load(EXAMPLE)


@pytest.mark.parametrize("data", [b"<c r='A1'><f>1</f></c>", b"<!-- x -->", b"a<!b", b"<x>!<f", b"plain <c r=\"A1\">!",
                                  b"", b"<", b"!<"])
def test_tag_marks_finds_what_the_pattern_finds(data):
    assert ps._tag_marks(data) == (ps._TAG_MARKS_RE.search(data) is not None)
