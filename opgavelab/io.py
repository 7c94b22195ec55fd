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
import zipfile
import zlib
from pathlib import Path

import pandas as pd

from ._checks import _check_lang
from ._files import _make_folder, atomic_write, remove_stale_temporaries, write_error  # noqa: F401 (public here)
from ._gc import with_fewer_collections
from ._i18n import fmt_number, message
from ._prescan import Limits, MAX_COLUMN, ScanResult
from ._progress import Phases
from ._sheets import column_letter as get_column_letter
from ._template import build_template, fill_workbook
from ._validate import Grid
from .case import build_case
from .errors import ReadError, ValidationError
from . import _prescan as ps, schema

__all__ = ["load", "example", "example_path", "write_template", "save", "save_case", "atomic_write", "write_error",
           "remove_stale_temporaries"]

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_SHEET_EXTENSIONS = {".xlsx", ".xlsm", ".ods", ".xls"}
_CSV_EXTENSIONS = {".csv", ".txt", ".tsv"}


@with_fewer_collections
def load(path, lang: str = "nl", name: str | None = None, progress: bool = False, *,
         max_bytes: int | None = None, max_cells: int | None = None, max_cell_chars: int | None = None):
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
    max_bytes : int, optional
        Refuse a workbook whose XML, unzipped, is larger (default 1,000,000,000
        bytes): a small zip can expand to gigabytes.
    max_cells : int, optional
        Refuse a sheet spanning more cells, rows x columns up to its farthest
        value (default 20,000,000: 1,000,000 rows x 20 columns still pass).
    max_cell_chars : int, optional
        Refuse a cell holding more characters (default 1,000,000; Excel stops
        at 32,767).

    Returns
    -------
    Case

    Raises
    ------
    opgavelab.ReadError
        The file does not exist, cannot be opened (no permission, locked),
        is empty, is not a spreadsheet, is password-protected, or exceeds one
        of the caps ``max_bytes``, ``max_cells``, ``max_cell_chars``.
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
    # the words of the bar only when it is shown: the first message read parses the catalogue (0.1 s)
    phases = (Phases(True, desc=message("progress.loading", lang, file=path.name), total=_N_CHECK_PHASES,
                     unit=message("progress.step", lang)) if progress else Phases(False))
    limits = _limits(max_bytes, max_cells, max_cell_chars)
    try:
        grids = read_grids(path, lang=lang, phases=phases, limits=limits)
        return build_case(grids, lang=lang, name=name, source=str(path), phases=phases)
    finally:
        phases.close()


_N_CHECK_PHASES = 6  # see build_case: sheets, actors, opgaven, involvement, ties, case


def _limits(max_bytes, max_cells, max_cell_chars):
    default = Limits()
    values = {}
    for name, value in (("max_bytes", max_bytes), ("max_cells", max_cells), ("max_cell_chars", max_cell_chars)):
        if value is None:
            values[name] = getattr(default, name)
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            msg = f"'{name}' must be a whole number of 1 or more, got {value!r}."
            raise ValueError(msg)
        values[name] = value
    return Limits(**values)


def read_grids(path: Path, lang: str = "nl", phases=None, limits=None) -> list[Grid]:
    """The raw cells of every sheet of a workbook or CSV folder."""
    path = Path(path)
    try:
        exists = path.exists()
    except OSError as exc:  # a name too long, a vanished network drive
        raise _unreadable(path, exc, lang) from None
    if not exists:
        raise ReadError(message("file_missing", lang, path=path), message("file_missing_hint", lang),
                        value=str(path), lang=lang)
    try:
        if path.is_dir():
            return _read_csv_folder(path, lang, phases, limits)
        if path.stat().st_size == 0:
            raise ReadError(message("file_empty", lang, path=path.name), message("file_empty_hint", lang),
                            value=str(path), lang=lang)
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise _unreadable(path, exc, lang) from None
    suffix = path.suffix.lower()
    if head.startswith(_OLE_MAGIC):
        # an OLE container is a password-protected Office file (an "EncryptedPackage" stream; Excel
        # gives it the .xlsx name) or a plain Excel 97-2003 .xls, which calamine reads
        if suffix in (".xlsx", ".xlsm", ".ods") or _is_encrypted_ole(path):
            raise ReadError(message("file_encrypted", lang, path=path.name), message("file_encrypted_hint", lang),
                            value=str(path), lang=lang)
        return _read_workbook(path, lang, phases, limits, xls=True)
    if suffix in _CSV_EXTENSIONS:
        return [_read_csv_file(path, lang, limits)]
    if suffix not in _SHEET_EXTENSIONS and not head.startswith(_ZIP_MAGIC):
        raise ReadError(message("file_not_spreadsheet", lang, path=path.name,
                                detail=message("file_unknown_extension", lang, ext=suffix or "-", path=path.name)),
                        message("file_not_spreadsheet_hint", lang), value=str(path), lang=lang)
    if not head.startswith(_ZIP_MAGIC):
        detail = message("io.no_zip", lang)
        raise ReadError(message("file_not_spreadsheet", lang, path=path.name, detail=detail),
                        message("file_not_spreadsheet_hint", lang), value=str(path), lang=lang)
    return _read_workbook(path, lang, phases, limits)


def _is_encrypted_ole(path: Path) -> bool:
    """Whether an OLE file holds an encrypted Office document rather than a plain .xls."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(4 * 1024 * 1024)
    except OSError:
        return False
    return "EncryptedPackage".encode("utf-16-le") in raw


def _check_file_size(path: Path, limits: Limits, lang: str) -> None:
    """Refuse a file larger than ``limits.max_bytes`` before reading it (files that are not zips: .xls, CSV)."""
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise ReadError(message("limit_bytes", lang, path=path.name, limit=_number(limits.max_bytes, lang),
                                where=f" ({_number(size, lang)})") + " "
                        + message("limit_raise", lang, arg="max_bytes", opt="max-bytes"),
                        message("limit_bytes_hint", lang), value=str(path), lang=lang)


def _read_workbook(path: Path, lang: str, phases=None, limits=None, xls: bool = False) -> list[Grid]:
    import python_calamine

    limits = limits or Limits()
    gate = None
    if xls:
        # an .xls is no zip: nothing to scan before calamine (its size is capped by max_bytes)
        _check_file_size(path, limits, lang)
        scan = ScanResult({}, {}, {})
    elif _is_ods(path):
        # the scan runs before calamine opens anything: opening an ods reads every sheet
        scan = _prescan(path, lang, limits)
    else:
        # an xlsx is scanned on a second thread, one step ahead of calamine: calamine opens the
        # workbook once its shared strings are vouched for, and reads each sheet once that sheet is
        # (calamine lets go of the GIL while it parses, so the two run side by side)
        gate = _ScanGate(path, lang, limits)
        scan = gate.wait(None)
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
        grids = []
        notes, extents = scan.notes, scan.extents
        known = schema.sheet_alias_map()
        too_large = []
        if phases is not None:
            phases.add(len(workbook.sheet_names))
        for title in workbook.sheet_names:
            if phases is not None:
                phases.tick(title)
            if gate is not None:
                gate.wait(title)
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
                    if end is not None and (end[0] + 1) * (end[1] + 1) > limits.max_cells:
                        extent = (end[0] + 1, end[1] + 1)
            if extent is not None:
                if schema.normalise_name(title) in known:
                    too_large.append(_too_large_problem(title, extent, lang, limits.max_cells))
                grids.append(Grid(title=title, cells=pd.DataFrame(dtype=object), source=str(path)))
                continue
            rows = sheet.to_python(skip_empty_area=False)
            cells = pd.DataFrame(rows, dtype=object) if rows else pd.DataFrame(dtype=object)
            sheet_notes = _merged_notes(sheet, rows, notes.get(title, {}))
            grids.append(Grid(title=title, cells=cells, first_row=1, notes=sheet_notes, source=str(path),
                              state=scan.states.get(title)))
        if gate is not None:
            gate.finish()  # a sheet calamine never opens may still be refused
        if too_large:
            raise ValidationError(too_large, lang=lang)
        return grids
    except ValidationError:  # ReadError included
        _finish(gate)  # what the scan found comes first, as when it ran before calamine
        raise
    except OSError as exc:
        _finish(gate)
        raise _unreadable(path, exc, lang) from None
    except MemoryError:
        _finish(gate)
        raise ReadError(message("file_out_of_memory", lang, path=path.name),
                        message("file_out_of_memory_hint", lang), value=str(path), lang=lang) from None
    except Exception as exc:  # calamine raises its own types for broken files
        _finish(gate)
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


def _is_ods(path: Path) -> bool:
    """Whether a zip is an ods (by its name, or by the mimetype stored first in it)."""
    if path.suffix.lower() == ".ods":
        return True
    try:
        with open(path, "rb") as fh:
            return b"opendocument.spreadsheet" in fh.read(100)
    except OSError:
        return False


def _finish(gate) -> None:
    """Wait for the scan (if one runs) and raise what it found: its message comes before calamine's."""
    if gate is not None:
        gate.finish()


class _ScanGate:
    """:func:`_prescan` of an xlsx on a thread of its own, and the points a reader waits for.

    :meth:`wait` returns once the scan has vouched for a sheet (``None``: the
    workbook itself, for opening it) and raises the scan's error if it stopped
    before; :meth:`finish` waits for the whole scan and raises its error. So
    no sheet reaches calamine unscanned, and a file the scan refuses is refused
    with the same message as when the scan ran first.
    """

    def __init__(self, path: Path, lang: str, limits):
        import threading

        self._cond = threading.Condition()
        self._ready: set = set()
        self._done = False
        self._error: BaseException | None = None
        self._result = None
        self._thread = threading.Thread(target=self._run, args=(path, lang, limits), name="opgavelab-prescan",
                                        daemon=True)
        self._thread.start()

    def _mark(self, title, result) -> None:
        with self._cond:
            self._result = result
            self._ready.add(title)
            self._cond.notify_all()

    def _run(self, path, lang, limits) -> None:
        try:
            result = _prescan(path, lang, limits, ready=self._mark)
        except BaseException as exc:  # handed to the reader's thread, raised there
            result, error = None, exc
        else:
            error = None
        with self._cond:
            self._done, self._error = True, error
            if result is not None:
                self._result = result
            self._cond.notify_all()

    def wait(self, title):
        """The scan's result once ``title`` is vouched for (a title the scan does not know: once it is done)."""
        with self._cond:
            self._cond.wait_for(lambda: self._done or title in self._ready)
            if title not in self._ready and self._error is not None:
                raise self._error
            return self._result

    def finish(self) -> None:
        self._thread.join()
        if self._error is not None:
            error, self._error = self._error, None
            raise error


def _prescan(path: Path, lang: str, limits, ready=None):
    """Run :mod:`opgavelab._prescan` on the zip; its findings become ReadErrors."""
    ods = path.suffix.lower() == ".ods"
    try:
        with open(path, "rb") as fh:
            is_ods = b"opendocument.spreadsheet" in fh.read(100)
        scan = ps.scan_ods(path, limits) if ods or is_ods else ps.scan_xlsx(path, limits, ready=ready)
    except ps.LimitExceeded as exc:
        raise _limit_error(path, exc, lang) from None
    except ps.BadXml as exc:
        raise ReadError(message("file_not_spreadsheet", lang, path=path.name, detail=str(exc)[:160]),
                        message("file_not_spreadsheet_hint", lang), value=str(path), lang=lang) from None
    except OSError as exc:
        raise _unreadable(path, exc, lang) from None
    except MemoryError:
        raise ReadError(message("file_out_of_memory", lang, path=path.name),
                        message("file_out_of_memory_hint", lang), value=str(path), lang=lang) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, ValueError, NotImplementedError) as exc:
        detail = f"{type(exc).__name__}: {str(exc)[:120]}"
        if isinstance(exc, RuntimeError) and "encrypt" in str(exc).lower():
            raise ReadError(message("file_encrypted", lang, path=path.name), message("file_encrypted_hint", lang),
                            value=str(path), lang=lang) from None
        raise ReadError(message("file_not_spreadsheet", lang, path=path.name, detail=detail),
                        message("file_not_spreadsheet_hint", lang), value=str(path), lang=lang) from None
    if ods or is_ods:
        if scan.extents:
            title, (rows, cols) = next(iter(scan.extents.items()))
            where = message("sheet_too_large_where", lang, rows=rows, letter=get_column_letter(min(cols, MAX_COLUMN)))
            raise ReadError(message("file_too_large", lang, path=path.name) + " "
                            + message("sheet_too_large", lang, sheet=title, where=where,
                                      limit=_number(limits.max_cells, lang))
                            + " " + message("limit_raise", lang, arg="max_cells", opt="max-cells"),
                            message("sheet_too_large_hint", lang), value=str(path), lang=lang)
        scan.extents = {}
    return scan


def _number(n: int, lang: str) -> str:
    return fmt_number(n, lang, 0)


def _limit_error(path: Path, exc, lang: str) -> ReadError:
    key = {"max_bytes": "limit_bytes", "max_cells": "limit_cells", "max_cell_chars": "limit_cell_chars"}[exc.what]
    parts = [str(exc.sheet)] if exc.sheet else []
    if isinstance(exc.where, int):
        parts.append(f"{_number(exc.where, lang)} bytes")
    elif exc.where:
        parts.append(str(exc.where))
    where = f" ({', '.join(parts)})" if parts else ""
    text = (message(key, lang, path=path.name, limit=_number(exc.limit, lang), where=where) + " "
            + message("limit_raise", lang, arg=exc.what, opt=exc.what.replace("_", "-")))
    return ReadError(text, message(key + "_hint", lang), value=str(path), lang=lang)


def _unreadable(path: Path, exc: OSError, lang: str) -> ReadError:
    """An OSError while reading (no permission, locked by Excel, a vanished
    network drive) as a ReadError that says which and what to do."""
    import errno

    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        key = "file_no_permission"
    else:
        key = "file_os_error"
    return ReadError(message(key, lang, path=path, detail=exc.strerror or str(exc)),
                     message(key + "_hint", lang), value=str(path), lang=lang)


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
        span = f"{get_column_letter(c0 + 1)}{r0 + 1}:{get_column_letter(c1 + 1)}{r1 + 1}"
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    notes.setdefault((r + 1, get_column_letter(c + 1)), ("merged", span))
    return notes


#: A sheet spanning more cells than this (rows x columns up to its farthest
#: value) is not read: 1,000,000 rows x 20 columns still is.
MAX_SHEET_CELLS = 20_000_000


def _too_large_problem(title: str, extent: tuple, lang: str, limit: int = MAX_SHEET_CELLS) -> dict:
    rows, cols = extent
    letter = get_column_letter(min(cols, MAX_COLUMN)) if cols else None
    if rows and cols:
        where = message("sheet_too_large_where", lang, rows=rows, letter=letter)
    else:
        where = ""
    return {"sheet": title, "row": rows, "column": letter, "value": f"{letter}{rows}" if rows and cols else None,
            "message": message("sheet_too_large", lang, sheet=title, where=where, limit=_number(limit, lang))
                       + " " + message("limit_raise", lang, arg="max_cells", opt="max-cells"),
            "hint": message("sheet_too_large_hint", lang), "severity": "error"}


def _decode(raw: bytes) -> str:
    """The text of a CSV file (see :func:`_decode_lines` for the line-by-line
    reading of a file that mixes UTF-8 with another encoding)."""
    return _decode_lines(raw)[0]


_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def _wide_encoding(raw: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark, from where the zero bytes
    of ASCII text fall; None when the text is not laid out that way."""
    head = raw[:4096]
    n = len(head) - len(head) % 4
    if n < 4:
        return None
    zeros = [sum(1 for i in range(k, n, 4) if head[i] == 0) / (n // 4) for k in range(4)]
    if zeros[1] > 0.9 and zeros[2] > 0.9 and zeros[3] > 0.9:
        return "utf-32-le"
    if zeros[0] > 0.9 and zeros[1] > 0.9 and zeros[2] > 0.9:
        return "utf-32-be"
    if zeros[1] > 0.7 and zeros[3] > 0.7 and zeros[0] < 0.3:
        return "utf-16-le"
    if zeros[0] > 0.7 and zeros[2] > 0.7 and zeros[1] < 0.3:
        return "utf-16-be"
    return None


def _decode_lines(raw: bytes) -> tuple[str, list[int]]:
    """(text, numbers of the lines read as Windows-1252 in a UTF-8 file).

    A file is UTF-8 when it decodes as UTF-8. A file in which no line does
    (but some have bytes above 127) is Windows-1252, as Dutch Excel writes
    CSV. A file that mixes them (a line pasted from another program) is read
    line by line: each line that is UTF-8 as UTF-8, the others as
    Windows-1252, and their numbers are returned so the reader can say so;
    never is a whole UTF-8 file silently read as Windows-1252.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            body = raw[len(bom):]
            if encoding != "utf-8":
                return body.decode(encoding, errors="replace"), []
            raw = body
            break
    else:
        wide = _wide_encoding(raw)
        if wide is not None:
            return raw.decode(wide, errors="replace"), []
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    lines = raw.splitlines(keepends=True)
    utf8_lines, out, fallback = 0, [], []
    for number, line in enumerate(lines, start=1):
        try:
            text = line.decode("utf-8")
            if not line.isascii():
                utf8_lines += 1
        except UnicodeDecodeError:
            text = line.decode("cp1252", errors="replace")
            fallback.append(number)
        out.append(text)
    if utf8_lines == 0:
        return raw.decode("cp1252", errors="replace"), []
    return "".join(out), fallback


def _sniff_separator(text: str) -> str:
    """The separator that splits the first lines most consistently: a title
    line above the header ("Casus Veenmarken, versie 2") does not decide."""
    from collections import Counter

    lines = []
    for line in text.splitlines():
        if line.strip():
            lines.append(line)
            if len(lines) == 20:
                break
    best, best_score = ",", (0, 0)
    for sep in (";", ",", "\t"):
        counts = [_count_outside_quotes(line, sep) for line in lines]
        common = Counter(c for c in counts if c > 0).most_common(1)
        if not common:
            continue
        count, lines_with_it = common[0]
        score = (lines_with_it, count)
        if score > best_score:
            best, best_score = sep, score
    return best


def _count_outside_quotes(line: str, sep: str) -> int:
    count, quoted = 0, False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == sep and not quoted:
            count += 1
    return count


def _read_csv_file(path: Path, lang: str, limits=None) -> Grid:
    limits = limits or Limits()
    try:
        _check_file_size(path, limits, lang)
        raw = path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, exc, lang) from None
    except MemoryError:
        raise ReadError(message("file_out_of_memory", lang, path=path.name),
                        message("file_out_of_memory_hint", lang), value=str(path), lang=lang) from None
    if not raw.strip():
        return Grid(title=path.stem, cells=pd.DataFrame(dtype=object), source=str(path))
    has_bom = any(raw.startswith(bom) for bom, _ in _BOMS)
    head = raw[:4096]
    if head.count(b"\x00") > max(1, len(head) // 100) and not has_bom and _wide_encoding(raw) is None:
        detail = message("io.binary", lang)
        raise ReadError(message("file_not_spreadsheet", lang, path=path.name, detail=detail),
                        message("file_not_spreadsheet_hint", lang), value=str(path), lang=lang)
    text, fallback = _decode_lines(raw)
    problems = []
    for number in fallback[:20]:
        problems.append({
            "sheet": path.stem, "row": number, "column": None, "value": None,
            "message": message("csv_mixed_encoding", lang, line=number, path=path.name),
            "hint": message("csv_mixed_encoding_hint", lang), "severity": "warning",
        })
    if len(fallback) > 20:
        problems.append({
            "sheet": path.stem, "row": fallback[20], "column": None, "value": None,
            "message": message("csv_mixed_encoding_more", lang, n=len(fallback) - 20, path=path.name),
            "hint": message("csv_mixed_encoding_hint", lang), "severity": "warning",
        })
    sep = _sniff_separator(text)
    # a cell may be as long as the file (the csv module stops at 128 KiB)
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, min(len(text), limits.max_cell_chars) + 1))
    try:
        rows = list(csv.reader(_io.StringIO(text, newline=""), delimiter=sep))
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise ReadError(message("limit_cell_chars", lang, path=path.name,
                                    limit=_number(limits.max_cell_chars, lang), where="") + " "
                            + message("limit_raise", lang, arg="max_cell_chars", opt="max-cell-chars"),
                            message("limit_cell_chars_hint", lang), value=str(path), lang=lang) from None
        raise ReadError(message("csv_unreadable", lang, detail=f"{path.name}: {exc}"),
                        message("csv_unreadable_hint", lang), value=str(path), lang=lang) from None
    finally:
        csv.field_size_limit(limit)
    # the header: the first row of two or more values (a title line above it has one)
    header_width = next((len(r) for r in rows if sum(1 for c in r if c.strip()) >= 2),
                        next((len(r) for r in rows if any(c.strip() for c in r)), 0))
    for i, r in enumerate(rows, start=1):
        if len(r) > header_width and any(c.strip() for c in r[header_width:]):
            problems.append({
                "sheet": path.stem, "row": i, "column": get_column_letter(min(header_width + 1, MAX_COLUMN)), "value": sep.join(r)[:120],
                "message": message("csv_ragged", lang, n=len(r), width=header_width),
                "hint": message("csv_ragged_hint", lang, sep=sep), "severity": "error",
            })
    width = max((len(r) for r in rows), default=0)
    cells = pd.DataFrame([r + [""] * (width - len(r)) for r in rows], dtype=object)
    return Grid(title=path.stem, cells=cells, first_row=1, source=str(path), problems=problems)


def _read_csv_folder(folder: Path, lang: str, phases=None, limits=None) -> list[Grid]:
    try:
        entries = sorted(p for p in folder.iterdir() if p.suffix.lower() in _CSV_EXTENSIONS)
    except OSError as exc:
        raise _unreadable(folder, exc, lang) from None
    # A link in the folder is not followed: its target may be any file on the
    # machine (whose lines would then appear in messages), or nothing at all.
    links = [p for p in entries if p.is_symlink()]
    if links:
        raise ReadError(message("csv_symlink", lang, path=links[0].name, n=len(links)),
                        message("csv_symlink_hint", lang), value=str(links[0]), lang=lang)
    files = [p for p in entries if p.is_file()]
    if not files:
        raise ReadError(message("folder_no_csv", lang, path=folder), message("folder_no_csv_hint", lang),
                        value=str(folder), lang=lang)
    if phases is not None:
        phases.add(len(files))
    prefix = _shared_book_prefix([p.stem for p in files])
    grids = []
    for p in files:
        if phases is not None:
            phases.tick(p.name)
        grid = _read_csv_file(p, lang, limits)
        if prefix and grid.title.startswith(prefix):
            # LibreOffice writes every sheet of voorbeeld.xlsx as voorbeeld-actoren.csv, ...
            old = grid.title
            grid.title = old[len(prefix):]
            for problem in grid.problems:
                if problem.get("sheet") == old:
                    problem["sheet"] = grid.title
        grids.append(grid)
    return grids


def _shared_book_prefix(stems: list[str]) -> str:
    """The ``<book>-`` that every file name starts with when a spreadsheet saved each sheet as a CSV file.

    LibreOffice names the files of "every sheet" ``<book>-<sheet>.csv``. The
    prefix counts only when no file is already named after a sheet, at least
    one file is ``<prefix><case sheet>``, and every file starts with it.
    """
    known = schema.sheet_alias_map()
    if len(stems) < 2 or any(schema.normalise_name(s) in known for s in stems):
        return ""
    prefixes = set()
    for s in stems:
        for i, ch in enumerate(s):
            if ch == "-" and schema.normalise_name(s[i + 1:]) in known:
                prefixes.add(s[:i + 1])
    for prefix in sorted(prefixes, key=len):
        if all(s.startswith(prefix) for s in stems):
            return prefix
    return ""


# --------------------------------------------------------------------------
# the example
# --------------------------------------------------------------------------

EXAMPLE_FILE = "voorbeeld-veenmarken.xlsx"


def example_path() -> Path:
    """Path of the bundled example workbook (Regio Veenmarken, fictional).

    The workbook lives once, in the repository's ``data/`` folder; a built
    wheel carries a copy inside the package.

    Returns
    -------
    pathlib.Path
        The ``.xlsx`` file: inside the installed package when it carries one,
        else in the repository's ``data/`` folder.

    Raises
    ------
    FileNotFoundError
        If the workbook is in neither place (a broken install); reinstall
        opgavelab.

    Examples
    --------
    >>> import opgavelab
    >>> path = opgavelab.example_path()
    >>> path.suffix, path.is_file()
    ('.xlsx', True)
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
    return message("example.title", lang)


# --------------------------------------------------------------------------
# writing
# --------------------------------------------------------------------------

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

    Raises
    ------
    ValueError
        If ``lang`` is not ``"nl"`` or ``"en"``.
    FileExistsError
        If ``path`` exists and ``overwrite`` is false.
    opgavelab.WriteError
        If the file or its folder cannot be written (see
        :func:`atomic_write`).

    Examples
    --------
    >>> import tempfile, shutil
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp())
    >>> write_template(folder / "leeg.xlsx", lang="en").name
    'leeg.xlsx'
    >>> from openpyxl import load_workbook
    >>> load_workbook(folder / "leeg.xlsx").sheetnames  # doctest: +NORMALIZE_WHITESPACE
    ['instructions', '_keuzes', 'actors', 'opgaven', 'involvement', 'ties', 'vocabularies',
     'taakvelden']
    >>> shutil.rmtree(folder)
    """
    _check_lang(lang)
    path = Path(path)
    with atomic_write(path, overwrite=overwrite) as tmp:
        build_template(lang).save(tmp)
    return path


def save_case(case, path, lang: str | None = None, overwrite: bool = False) -> Path:
    """Write a Case as a case workbook (``.xlsx``) that :func:`load` reads back to an equal Case.

    The workbook is the template's (headers, instructions, dropdowns) filled
    with the case's actors, opgaven, involvement, ties and vocabularies. For
    the pictures, tables and files of an analysis see :mod:`opgavelab.export`.
    ``opgavelab.save`` is the same function, under its first name.

    Cells that a spreadsheet would run as a formula (text starting with
    ``=``, ``+``, ``-`` or ``@``) are stored as text, never as formulas.

    Parameters
    ----------
    case : Case
        The case to write.
    path : str or path-like
        Where to write the ``.xlsx`` file.
    lang : {"nl", "en"}, optional
        Language of sheet names, headers and instructions; default the case's.
    overwrite : bool, default False
        Replace an existing file.

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    ValueError, FileExistsError, opgavelab.WriteError
        As in :func:`write_template`.

    Examples
    --------
    >>> import tempfile, shutil
    >>> from pathlib import Path
    >>> import opgavelab
    >>> folder = Path(tempfile.mkdtemp())
    >>> case = opgavelab.example()
    >>> path = save_case(case, folder / "veenmarken.xlsx")
    >>> load(path).equals(case)
    True
    >>> shutil.rmtree(folder)
    """
    lang = _check_lang(lang or case.lang)
    path = Path(path)
    with atomic_write(path, overwrite=overwrite) as tmp:
        wb = build_template(lang)
        fill_workbook(wb, case, lang)
        wb.save(tmp)
    return path


#: The first name of :func:`save_case`, kept.
save = save_case
