"""Reading case workbooks and writing templates and cases.

:func:`load` reads an ``.xlsx`` or ``.ods`` workbook (through python-calamine,
the fastest reader available: 7x openpyxl on xlsx, 90x odfpy on ods) or a
folder of CSV files (``,`` or ``;``, UTF-8 with or without BOM, or
Windows-1252), turns every sheet into a grid of raw cells and hands them to the
checks in :mod:`opgavelab._validate`. Loading never writes to the input.
"""

from __future__ import annotations

import csv
import io as _io
import os
import re
import tempfile
import zipfile
import zlib
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from ._checks import _check_lang
from ._i18n import message
from . import schema
from ._validate import Grid, _column_letter, build_case
from .errors import ReadError, ValidationError

__all__ = ["load", "example", "example_path", "write_template", "save", "atomic_write"]

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_SHEET_EXTENSIONS = {".xlsx", ".xlsm", ".ods"}
_CSV_EXTENSIONS = {".csv", ".txt", ".tsv"}


def load(path, lang: str = "nl", name: str | None = None, progress: bool = False):
    """Read and check a case workbook.

    Parameters
    ----------
    path : str or path-like
        An ``.xlsx`` or ``.ods`` workbook, or a folder holding one CSV file per
        sheet (``actoren.csv``, ``opgaven.csv``, ``betrokkenheid.csv``,
        ``relaties.csv``, optional ``lijsten.csv``).
    lang : {"nl", "en"}, default "nl"
        Language of the messages.
    name : str, optional
        Name of the case in captions and summaries; default: the file name.
    progress : bool, default False
        Show a progress bar (in a notebook a widget, on the command line a
        text bar) over reading each sheet and checking each table: useful for
        cases of 10,000 actors and more.

    Returns
    -------
    Case

    Raises
    ------
    opgavelab.ReadError
        The file does not exist, is empty, is not a spreadsheet, or is
        password-protected.
    opgavelab.ValidationError
        The workbook was read but is not a valid case; ``problems`` lists every
        problem with sheet, row, column, value, message and hint.

    Examples
    --------
    >>> import opgavelab
    >>> case = opgavelab.load(opgavelab.example_path())
    >>> "economie" in case.opgaven.index
    True
    """
    _check_lang(lang)
    path = Path(path)
    if name is None:
        name = path.stem if path.suffix else path.name
        if path.name == EXAMPLE_FILE:  # the example has one title, however it is opened
            name = _example_title(lang)
    from ._progress import Phases

    nl = lang == "nl"
    phases = Phases(progress, desc=f"{'laden' if nl else 'loading'} {path.name}", total=_N_CHECK_PHASES,
                    unit="stap" if nl else "step")
    try:
        grids = read_grids(path, lang=lang, phases=phases)
        return build_case(grids, lang=lang, name=name, source=str(path), phases=phases)
    finally:
        phases.close()


_N_CHECK_PHASES = 6  # see build_case: sheets, actors, opgaven, involvement, ties, case


def read_grids(path: Path, lang: str = "nl", phases=None) -> list[Grid]:
    """The raw cells of every sheet of a workbook or CSV folder."""
    path = Path(path)
    if not path.exists():
        raise ReadError(message("file_missing", lang, path=path), message("file_missing_hint", lang),
                        value=str(path), lang=lang)
    if path.is_dir():
        return _read_csv_folder(path, lang, phases)
    if path.stat().st_size == 0:
        raise ReadError(message("file_empty", lang, path=path.name), message("file_empty_hint", lang),
                        value=str(path), lang=lang)
    with open(path, "rb") as fh:
        head = fh.read(8)
    suffix = path.suffix.lower()
    if head.startswith(_OLE_MAGIC):
        raise ReadError(message("file_encrypted", lang, path=path.name), message("file_encrypted_hint", lang),
                        value=str(path), lang=lang)
    if suffix in _CSV_EXTENSIONS:
        return [_read_csv_file(path, lang)]
    if suffix not in _SHEET_EXTENSIONS and not head.startswith(_ZIP_MAGIC):
        raise ReadError(message("file_not_spreadsheet", lang, path=path.name,
                                detail=message("file_unknown_extension", lang, ext=suffix or "-", path=path.name)),
                        message("file_not_spreadsheet_hint", lang), value=str(path), lang=lang)
    if not head.startswith(_ZIP_MAGIC):
        detail = "no zip container" if lang == "en" else "geen zip-container"
        raise ReadError(message("file_not_spreadsheet", lang, path=path.name, detail=detail),
                        message("file_not_spreadsheet_hint", lang), value=str(path), lang=lang)
    return _read_workbook(path, lang, phases)


def _read_workbook(path: Path, lang: str, phases=None) -> list[Grid]:
    import python_calamine

    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
        grids = []
        notes, extents = _xlsx_scan(path)
        known = schema.sheet_alias_map()
        too_large = []
        if phases is not None:
            phases.add(len(workbook.sheet_names))
        for title in workbook.sheet_names:
            if phases is not None:
                phases.tick(title)
            # A single value far away (a space in XFD1048576) makes calamine
            # allocate the whole area: 17 billion cells abort the process on
            # xlsx, and raise "Cell limit exceeded" on ods. Such a sheet is
            # never read; a case sheet among them is reported, others skipped.
            extent = extents.get(title)
            sheet = None
            if extent is None:
                try:
                    sheet = workbook.get_sheet_by_name(title)
                except Exception as exc:
                    if "cell limit" not in str(exc).lower():
                        raise
                    extent = (None, None)
                else:
                    end = sheet.end
                    if end is not None and (end[0] + 1) * (end[1] + 1) > MAX_SHEET_CELLS:
                        extent = (end[0] + 1, end[1] + 1)
            if extent is not None:
                if schema.normalise_name(title) in known:
                    too_large.append(_too_large_problem(title, extent, lang))
                grids.append(Grid(title=title, cells=pd.DataFrame(dtype=object), source=str(path)))
                continue
            rows = sheet.to_python(skip_empty_area=False)
            cells = pd.DataFrame(rows, dtype=object) if rows else pd.DataFrame(dtype=object)
            sheet_notes = _merged_notes(sheet, rows, notes.get(title, {}))
            grids.append(Grid(title=title, cells=cells, first_row=1, notes=sheet_notes, source=str(path)))
        if too_large:
            raise ValidationError(too_large, lang=lang)
        return grids
    except ValidationError:  # ReadError included
        raise
    except Exception as exc:  # calamine raises its own types for broken files
        kind = type(exc).__name__
        if "cell limit" in str(exc).lower():  # ods: calamine reads every sheet when opening
            raise ReadError(message("file_too_large", lang, path=path.name), message("sheet_too_large_hint", lang),
                            value=str(path), lang=lang) from None
        if "Password" in kind or "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise ReadError(message("file_encrypted", lang, path=path.name), message("file_encrypted_hint", lang),
                            value=str(path), lang=lang) from None
        detail = f"{kind}: {str(exc)[:120]}"
        raise ReadError(message("file_not_spreadsheet", lang, path=path.name, detail=detail),
                        message("file_not_spreadsheet_hint", lang), value=str(path), lang=lang) from None


def _merged_notes(sheet, rows: list, notes: dict) -> dict:
    """Add a ``("merged", "B2:B4")`` note for every cell hidden under a merged
    cell whose first cell holds a value: the user sees that value in each of
    its rows, the reader finds only empty cells below the first (xlsx only;
    calamine does not report merged cells of ods)."""
    ranges = getattr(sheet, "merged_cell_ranges", None) or []
    if not ranges:
        return notes
    notes = dict(notes)
    for (r0, c0), (r1, c1) in ranges:
        if (r1 - r0 + 1) * (c1 - c0 + 1) > 100_000 or r0 >= len(rows) or c0 >= len(rows[r0]):
            continue
        first = rows[r0][c0]
        if first is None or (isinstance(first, str) and not first.strip()):
            continue
        span = f"{_column_letter(c0)}{r0 + 1}:{_column_letter(c1)}{r1 + 1}"
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    notes.setdefault((r + 1, _column_letter(c)), ("merged", span))
    return notes


#: A sheet spanning more cells than this (rows x columns up to its farthest
#: value) is not read: 1,000,000 rows x 20 columns still is.
MAX_SHEET_CELLS = 20_000_000


def _too_large_problem(title: str, extent: tuple, lang: str) -> dict:
    rows, cols = extent
    letter = _column_letter(cols - 1) if cols else None
    if rows and cols:
        where = message("sheet_too_large_where", lang, rows=rows, letter=letter)
    else:
        where = ""
    return {"sheet": title, "row": rows, "column": letter, "value": f"{letter}{rows}" if rows and cols else None,
            "message": message("sheet_too_large", lang, sheet=title, where=where, limit=f"{MAX_SHEET_CELLS:,}".replace(",", "." if lang == "nl" else ",")),
            "hint": message("sheet_too_large_hint", lang), "severity": "error"}


_CELL_RE = re.compile(rb'<c r="([A-Z]+)(\d+)"([^>]*?)(?:/>|>(.*?)</c>)', re.S)


def _xlsx_scan(path: Path) -> tuple[dict[str, dict], dict[str, tuple[int, int]]]:
    """Cells calamine reads as empty but that hold more: Excel error values
    (``#N/A``, ``#REF!``) and formulas that were never calculated; and the
    extent (rows, columns) of every sheet too large to read (see
    :func:`_xlsx_extent`).

    Only sheets whose XML mentions an error type or a formula are parsed, so an
    ordinary workbook costs one substring search per sheet.
    """
    notes: dict[str, dict] = {}
    extents: dict[str, tuple[int, int]] = {}
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "xl/workbook.xml" not in names:
                return notes, extents
            wb = zf.read("xl/workbook.xml").decode("utf-8", "replace")
            rels = zf.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace") if "xl/_rels/workbook.xml.rels" in names else ""
            targets = dict(re.findall(r'<Relationship[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"', rels))
            targets.update({k: v for v, k in re.findall(r'<Relationship[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"', rels)})
            for m in re.finditer(r'<sheet\b[^>]*?>', wb):
                tag = m.group(0)
                title_m = re.search(r'name="([^"]*)"', tag)
                rid_m = re.search(r'r:id="([^"]+)"', tag) or re.search(r'\bid="([^"]+)"', tag)
                if not title_m or not rid_m or rid_m.group(1) not in targets:
                    continue
                title = _xml_unescape(title_m.group(1))
                target = targets[rid_m.group(1)].lstrip("/")
                member = target if target.startswith("xl/") else "xl/" + target
                if member not in names:
                    continue
                data = zf.read(member)
                extent = _xlsx_extent(data)
                if extent is not None:
                    extents[title] = extent
                    continue
                if b't="e"' not in data and b"<f" not in data:
                    continue
                sheet_notes = {}
                for cm in _CELL_RE.finditer(data):
                    letter, row, attrs, inner = cm.group(1), int(cm.group(2)), cm.group(3), cm.group(4) or b""
                    if b't="e"' in attrs:
                        v = re.search(rb"<v>(.*?)</v>", inner, re.S)
                        sheet_notes[(row, letter.decode())] = ("error", v.group(1).decode("utf-8", "replace") if v else "#?")
                    elif b"<f" in inner and b"<v>" not in inner and b"<v/>" not in inner:
                        f = re.search(rb"<f[^>]*>(.*?)</f>", inner, re.S)
                        formula = "=" + _xml_unescape(f.group(1).decode("utf-8", "replace")) if f else "="
                        sheet_notes[(row, letter.decode())] = ("formula", formula)
                if sheet_notes:
                    notes[title] = sheet_notes
    except (zipfile.BadZipFile, KeyError, OSError, zlib.error, EOFError, RuntimeError, ValueError):
        return {}, {}
    return notes, extents


_ROW_NUMBER_RE = re.compile(rb'<row\b[^>]*?\br="(\d+)"')
# Any attribute ending in r=" followed by two (three) capitals: every cell
# reference of a column beyond Z (ZZ) matches, and a literal prefix keeps the
# search at memchr speed (0.04 s for 34 MB, the exact '<c ... r=' pattern took
# 0.3 s). An occasional other attribute that matches only makes the bound
# larger, so the sheet is scanned cell by cell: slower, never wrong.
_COLUMN_3_RE = re.compile(rb'r="[A-Z]{3}')
_COLUMN_2_RE = re.compile(rb'r="[A-Z]{2}')
_VALUE_TAG_RE = re.compile(rb"<(?:v|is)\b[^>]*(?<!/)>")


def _xlsx_extent(data: bytes) -> tuple[int, int] | None:
    """(rows, columns) up to the farthest cell with a value, when that area
    exceeds :data:`MAX_SHEET_CELLS`; None for an ordinary sheet.

    A cheap bound first (the highest row number times 26, 702 or 16384
    columns, by the longest column letters present), so that only a suspect
    sheet is scanned cell by cell.
    """
    max_row = max(map(int, _ROW_NUMBER_RE.findall(data)), default=0)
    bound = 26 if not _COLUMN_2_RE.search(data) else 16384 if _COLUMN_3_RE.search(data) else 702
    if max_row * bound <= MAX_SHEET_CELLS:
        return None
    max_row = max_col = 0
    for m in _CELL_RE.finditer(data):
        inner = m.group(4)
        if not inner or not _VALUE_TAG_RE.search(inner):
            continue  # a styled but empty cell: calamine skips it
        max_row = max(max_row, int(m.group(2)))
        max_col = max(max_col, _column_number(m.group(1).decode()))
    if max_row * max_col <= MAX_SHEET_CELLS:
        return None
    return max_row, max_col


def _column_number(letters: str) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


def _xml_unescape(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


def _decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _sniff_separator(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            counts = {sep: _count_outside_quotes(line, sep) for sep in (";", ",", "\t")}
            best = max(counts, key=counts.get)
            return best if counts[best] > 0 else ","
    return ","


def _count_outside_quotes(line: str, sep: str) -> int:
    count, quoted = 0, False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == sep and not quoted:
            count += 1
    return count


def _read_csv_file(path: Path, lang: str) -> Grid:
    raw = path.read_bytes()
    if not raw.strip():
        return Grid(title=path.stem, cells=pd.DataFrame(dtype=object), source=str(path))
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        detail = "binary content" if lang == "en" else "binaire inhoud"
        raise ReadError(message("file_not_spreadsheet", lang, path=path.name, detail=detail),
                        message("file_not_spreadsheet_hint", lang), value=str(path), lang=lang)
    text = _decode(raw)
    sep = _sniff_separator(text)
    # a cell may be as long as the file (the csv module stops at 128 KiB)
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text) + 1))
    try:
        rows = list(csv.reader(_io.StringIO(text, newline=""), delimiter=sep))
    except csv.Error as exc:
        raise ReadError(message("csv_unreadable", lang, detail=f"{path.name}: {exc}"),
                        message("csv_unreadable_hint", lang), value=str(path), lang=lang) from None
    finally:
        csv.field_size_limit(limit)
    problems = []
    header_width = next((len(r) for r in rows if any(c.strip() for c in r)), 0)
    for i, r in enumerate(rows, start=1):
        if len(r) > header_width and any(c.strip() for c in r[header_width:]):
            problems.append({
                "sheet": path.stem, "row": i, "column": _column_letter(header_width), "value": sep.join(r)[:120],
                "message": message("csv_ragged", lang, n=len(r), width=header_width),
                "hint": message("csv_ragged_hint", lang, sep=sep), "severity": "error",
            })
    width = max((len(r) for r in rows), default=0)
    cells = pd.DataFrame([r + [""] * (width - len(r)) for r in rows], dtype=object)
    return Grid(title=path.stem, cells=cells, first_row=1, source=str(path), problems=problems)


def _read_csv_folder(folder: Path, lang: str, phases=None) -> list[Grid]:
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in _CSV_EXTENSIONS)
    if not files:
        raise ReadError(message("folder_no_csv", lang, path=folder), message("folder_no_csv_hint", lang),
                        value=str(folder), lang=lang)
    if phases is not None:
        phases.add(len(files))
    grids = []
    for p in files:
        if phases is not None:
            phases.tick(p.name)
        grids.append(_read_csv_file(p, lang))
    return grids


# --------------------------------------------------------------------------
# the example
# --------------------------------------------------------------------------

EXAMPLE_FILE = "voorbeeld-veenmarken.xlsx"


def example_path() -> Path:
    """Path of the bundled example workbook (Regio Veenmarken, fictional).

    The workbook lives once, in the repository's ``data/`` folder; a built
    wheel carries a copy inside the package.
    """
    from importlib import resources

    packaged = resources.files("opgavelab").joinpath("_data", EXAMPLE_FILE)
    try:
        if packaged.is_file():
            return Path(str(packaged))
    except (FileNotFoundError, NotADirectoryError):
        pass
    repo = Path(__file__).resolve().parent.parent / "data" / EXAMPLE_FILE
    if repo.is_file():
        return repo
    msg = (f"The example workbook {EXAMPLE_FILE} was not found in the package or in {repo.parent}; "
           "reinstall opgavelab.")
    raise FileNotFoundError(msg)


def example(lang: str = "nl"):
    """The bundled example case: Regio Veenmarken, a fictional Dutch region.

    Parameters
    ----------
    lang : {"nl", "en"}, default "nl"
        Language of summaries and messages.

    Returns
    -------
    Case

    Examples
    --------
    >>> import opgavelab
    >>> case = opgavelab.example()
    >>> len(case.actors) >= 60
    True
    """
    return load(example_path(), lang=lang, name=_example_title(lang))


def _example_title(lang: str) -> str:
    return "Regio Veenmarken (fictief)" if lang == "nl" else "Regio Veenmarken (fictional)"


# --------------------------------------------------------------------------
# writing
# --------------------------------------------------------------------------

@contextmanager
def atomic_write(path, overwrite: bool = False, suffix: str | None = None):
    """Write a file through a temporary file that is renamed into place.

    An interrupted write leaves no half-written file, and an existing file is
    kept unless ``overwrite`` is true.

    Yields
    ------
    pathlib.Path
        The temporary path to write to.

    Raises
    ------
    FileExistsError
        ``path`` exists and ``overwrite`` is false.
    """
    path = Path(path)
    if path.exists() and not overwrite:
        msg = f"{path} already exists; pass overwrite=True (or --force) to replace it."
        raise FileExistsError(msg)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=suffix or path.suffix, dir=path.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        # mkstemp makes the file private (0600); give it the usual permissions
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_path, 0o666 & ~umask)
        os.replace(tmp_path, path)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def write_template(path, lang: str = "nl", overwrite: bool = False) -> Path:
    """Write an empty case workbook with headers, instructions and dropdowns.

    Parameters
    ----------
    path : str or path-like
        Where to write the ``.xlsx`` file.
    lang : {"nl", "en"}, default "nl"
        Language of sheet names, headers and instructions.
    overwrite : bool, default False
        Replace an existing file.

    Returns
    -------
    pathlib.Path
        The path written.
    """
    from ._template import build_template

    _check_lang(lang)
    path = Path(path)
    with atomic_write(path, overwrite=overwrite) as tmp:
        build_template(lang).save(tmp)
    return path


def save(case, path, lang: str | None = None, overwrite: bool = False) -> Path:
    """Write a Case as a workbook that :func:`load` reads back to an equal Case.

    Cells that a spreadsheet would run as a formula (text starting with
    ``=``, ``+``, ``-`` or ``@``) are stored as text, never as formulas.
    """
    from ._template import build_template, fill_workbook

    lang = _check_lang(lang or case.lang)
    path = Path(path)
    with atomic_write(path, overwrite=overwrite) as tmp:
        wb = build_template(lang)
        fill_workbook(wb, case, lang)
        wb.save(tmp)
    return path
