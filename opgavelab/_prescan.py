"""What is inside an xlsx or ods zip, found before calamine allocates anything.

calamine allocates a sheet as one block of rows x columns up to its farthest
value: one value in XFD1048576 makes that 17 billion cells and aborts the
process (no Python exception to catch). A huge shared string, or a sheet
padded with millions of empty elements that zip compresses to nothing, takes
gigabytes. So every sheet (and the shared strings) is read here first with a
real XML parser (expat, stream by stream, never the whole member in memory),
which sees what any XML spelling means: attributes in any order, single
quotes, prefixed namespaces, cells without a reference. Document type
declarations are refused, so no entity can expand.

Three readings of a worksheet, cheapest first, each one sound: the bounded
check (:func:`_bounded_sheet`: one regular-expression search per megabyte
that every cell tag is spelled as writers write it and lies inside
header-columns x ``max_cells // columns`` rows), the quick scan
(:func:`_quick_sheet`: every reference collected, the exact extent) and the
exact scan (:func:`_scan_sheet`: expat). A sheet one reading cannot vouch for
goes to the next.

The caps (:class:`Limits`) are arguments of :func:`opgavelab.load`; the
messages name them and the argument that raises them. :func:`scan_xlsx` says
when the workbook may be opened and when each sheet may be read
(``ready``), so the loader runs it on a thread of its own, one sheet ahead of
calamine, instead of before it.
"""

from __future__ import annotations

import functools
import operator
import posixpath
import re
import sys
import zipfile
from dataclasses import dataclass
from xml.parsers import expat

from ._sheets import column_index as column_index_from_string
from ._sheets import column_letter as get_column_letter

#: XFD, the last column a spreadsheet has; ODS repeats may run past it, and openpyxl names no letter beyond ZZZ.
MAX_COLUMN = 16384

__all__ = ["Limits", "LimitExceeded", "BadXml", "ScanResult", "scan_xlsx", "scan_ods"]

_CHUNK = 1 << 20


@dataclass(frozen=True)
class Limits:
    """Caps on what a workbook may hold before it is read.

    max_bytes
        Total size of the workbook's XML once unzipped.
    max_cells
        Rows x columns of one sheet, up to its farthest value (what the
        reader allocates).
    max_cell_chars
        Characters in one cell (Excel itself stops at 32,767).
    """

    max_bytes: int = 1_000_000_000
    max_cells: int = 20_000_000
    max_cell_chars: int = 1_000_000


class LimitExceeded(Exception):
    """A cap of :class:`Limits` is exceeded; ``what`` is the field name."""

    def __init__(self, what: str, limit: int, sheet: str | None = None, where: str | None = None):
        self.what, self.limit, self.sheet, self.where = what, limit, sheet, where
        super().__init__(f"{what} > {limit} ({sheet} {where})")


class BadXml(Exception):
    """A member is not well-formed XML (or declares a document type)."""


@dataclass
class ScanResult:
    #: title -> {(row, column letter): ("error", "#N/A") | ("formula", "=A1")}
    notes: dict
    #: title -> (rows, columns) for every sheet over ``max_cells``
    extents: dict
    #: title -> "hidden" | "veryHidden"
    states: dict


def _local(name: str) -> str:
    return name.rsplit(" ", 1)[-1]


def _no_doctype(*_args):
    raise BadXml("document type declarations are not allowed")


def _parser():
    p = expat.ParserCreate(namespace_separator=" ")
    p.buffer_text = True
    p.buffer_size = 1 << 16
    p.StartDoctypeDeclHandler = _no_doctype
    p.EntityDeclHandler = _no_doctype
    return p


def _chunks(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: list):
    """The member's bytes, chunk by chunk; ``budget[0]`` is what may still be unzipped (``budget[1]`` the cap)."""
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(_CHUNK)
            if not chunk:
                return
            budget[0] -= len(chunk)
            if budget[0] < 0:
                raise LimitExceeded("max_bytes", budget[1])
            yield chunk


def _feed(zf: zipfile.ZipFile, info: zipfile.ZipInfo, parser, budget: list) -> None:
    """Parse one member, chunk by chunk; ``budget[0]`` is what may still be unzipped."""
    try:
        for chunk in _chunks(zf, info, budget):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise BadXml(f"{info.filename}: {exc}") from None


def _split_ref(ref: str):
    """'XFD1048576' -> (1048576, 16384); None when it is not a cell reference."""
    ref = ref.strip().replace("$", "")
    i = 0
    while i < len(ref) and ref[i].isascii() and ref[i].isalpha():
        i += 1
    letters, digits = ref[:i], ref[i:]
    if not (1 <= len(letters) <= 3) or not digits.isascii() or not digits.isdigit():
        return None
    return int(digits), column_index_from_string(letters)


def _check_total(zf: zipfile.ZipFile, limits: Limits) -> list:
    total = sum(info.file_size for info in zf.infolist())
    if total > limits.max_bytes:
        raise LimitExceeded("max_bytes", limits.max_bytes, where=total)
    return [limits.max_bytes, limits.max_bytes]


# --------------------------------------------------------------------------
# xlsx
# --------------------------------------------------------------------------

class _SheetScan:
    """Extent, error cells and uncalculated formulas of one worksheet."""

    def __init__(self, title: str, limits: Limits):
        self.title, self.limits = title, limits
        self.row = 0          # current row number (1-based)
        self.col = 0          # current column number (1-based)
        self.max_row = self.max_col = 0
        self.in_cell = False
        self.cell_type = None
        self.has_value = False
        self.text_in = None    # "v", "f", "t" while inside one of those
        self.chars = 0
        self.value = []
        self.formula = None
        self.notes: dict = {}

    def start(self, name, attrs):
        tag = _local(name)
        if tag == "c":
            ref = attrs.get("r")
            pos = _split_ref(ref) if ref else None
            if pos is not None:
                self.row, self.col = pos
            else:
                self.col += 1
                self.row = max(self.row, 1)
            self.in_cell, self.cell_type, self.has_value = True, attrs.get("t"), False
            self.chars, self.value, self.formula = 0, [], None
        elif tag == "row":
            r = attrs.get("r")
            self.row = int(r) if r and r.strip().isascii() and r.strip().isdigit() else self.row + 1
            self.col = 0
        elif self.in_cell and tag in ("v", "is"):
            self.has_value = True
            if tag == "v":
                self.text_in = "v"
        elif self.in_cell and tag == "f":
            self.text_in, self.formula = "f", []
        elif self.in_cell and tag == "t":
            self.text_in = "t"

    def end(self, name):
        tag = _local(name)
        if tag in ("v", "f", "t"):
            self.text_in = None
        elif tag == "c" and self.in_cell:
            self.in_cell = False
            if self.has_value:
                if self.row > self.max_row:
                    self.max_row = self.row
                if self.col > self.max_col:
                    self.max_col = self.col
            letter = None
            if self.cell_type == "e":
                letter = get_column_letter(self.col)
                self.notes[(self.row, letter)] = ("error", "".join(self.value) or "#?")
            elif self.formula is not None and not "".join(self.value):
                letter = get_column_letter(self.col)
                self.notes[(self.row, letter)] = ("formula", "=" + "".join(self.formula))

    def text(self, data):
        if self.text_in is None:
            return
        self.chars += len(data)
        if self.chars > self.limits.max_cell_chars:
            raise LimitExceeded("max_cell_chars", self.limits.max_cell_chars, self.title,
                                f"{get_column_letter(self.col)}{self.row}")
        if self.text_in == "f":
            self.formula.append(data)
        elif self.text_in == "v" and len(self.value) < 64:
            self.value.append(data)


def _scan_sheet(zf, info, title: str, limits: Limits, budget: list) -> _SheetScan:
    """The exact scan: every element through expat (about 1 s per 20 MB)."""
    scan = _SheetScan(title, limits)
    p = _parser()
    p.StartElementHandler = scan.start
    p.EndElementHandler = scan.end
    p.CharacterDataHandler = scan.text
    _feed(zf, info, p, budget)
    return scan


_CELL_TAG_SPELLINGS = (b"<c ", b"<c>", b"<c/", b"<c\t", b"<c\n", b"<c\r")
_CELL_TAG_RE = re.compile(rb"<c[ >/\t\n\r]")  # any of those spellings: one pass instead of six
_CELL_REF_RE = re.compile(rb'<c r="([A-Z]{1,3})([1-9][0-9]{0,6})"')
_PREFIXED_CELL_RE = re.compile(rb"<[A-Za-z_][\w.\-]*:c[\s/>]")
_NOTE_MARKS = (b'"e"', b"'e'", b"<f", b":f>", b":f ")  # an error type or a formula (notes only)
#: A character reference between a cell element's start and the next tag: in its attributes (``t="&#101;"``
#: is an error cell the marks above would miss), or in text directly inside it. A character reference in
#: a cell's text (``<t>co&#246;peratie</t>``, as openpyxl writes non-ASCII letters) spells no markup and
#: no attribute, so it changes neither the extent nor the notes.
_CHAR_REF_IN_CELL_RE = re.compile(rb"<c[\s/>][^<]*&#")
_FIRST, _SECOND = operator.itemgetter(0), operator.itemgetter(1)


def _quick_sheet(zf, info, limits: Limits, budget: list):
    """A sound bound on a sheet, at regular-expression speed, or None when the
    sheet is spelled in a way it cannot vouch for (then :func:`_scan_sheet`).

    It vouches only when every cell element is spelled ``<c r="A1"`` (as
    Excel, LibreOffice and openpyxl write them), no character reference
    (``&#88;``) stands in a cell element's own tag, no document type is
    present, and no cell element carries a namespace prefix: then every cell's position is in one of the matched
    references, and (rows, columns) of the largest is a bound on the extent.
    Returns (rows, columns, long_text, has_notes).
    """
    max_row = max_col = 0
    long_text = has_notes = False
    tail = b""
    run = 0  # bytes since the last '<' (a text run's length bounds its characters)
    for chunk in _chunks(zf, info, budget):
        data = tail + chunk
        cut = data.rfind(b"<")
        if cut <= 0:
            tail, data = data, b""
        else:
            tail, data = data[cut:], data[:cut]
        if len(tail) > 4 * _CHUNK:  # no tag for megabytes: a long text, or not XML
            run += len(tail)
            tail = b""
            if run > limits.max_cell_chars:
                long_text = True
            continue
        if not data:
            continue
        if (b"&#" in data and _CHAR_REF_IN_CELL_RE.search(data) or b"<!" in data and b"<!DOCTYPE" in data
                or b":c" in data and _PREFIXED_CELL_RE.search(data)):
            return None
        n_tags = len(_CELL_TAG_RE.findall(data))
        refs = _CELL_REF_RE.findall(data)
        if len(refs) != n_tags:
            return None
        if refs:
            max_row = max(max_row, max(map(int, map(_SECOND, refs))))
            # the distinct column letters are few: the largest of those
            longest = max(set(map(_FIRST, refs)), key=lambda letter: (len(letter), letter))
            max_col = max(max_col, column_index_from_string(longest.decode()))
        if not has_notes and any(mark in data for mark in _NOTE_MARKS):
            has_notes = True
        if _long_run(data, run, limits.max_cell_chars):
            long_text = True
        run = len(data) - data.rfind(b"<")
    if tail:
        if b"&#" in tail and _CHAR_REF_IN_CELL_RE.search(tail) or _PREFIXED_CELL_RE.search(tail):
            return None
        refs = _CELL_REF_RE.findall(tail)
        if len(refs) != sum(tail.count(t) for t in _CELL_TAG_SPELLINGS):
            return None
        for letters, row in refs:
            max_row, max_col = max(max_row, int(row)), max(max_col, column_index_from_string(letters.decode()))
        if len(tail) > limits.max_cell_chars:
            long_text = True
    return max_row, max_col, long_text, has_notes


#: The letters and digits a reference is spelled with (bijective base 26 for the column).
_LETTERS, _DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789"
#: The attributes a cell's start tag may carry on the bounded path, each spelled as Excel, LibreOffice and
#: openpyxl write it: a type that is no error ("e") and no formula, a style, a cell or value metadata index.
_CELL_ATTRS = rb'(?: (?:t="(?:s|n|str|inlineStr|b|d)"|s="[0-9]{1,6}"|cm="[0-9]{1,6}"|vm="[0-9]{1,6}"))*'
#: The attributes taken possessively (no backtracking into them: a quarter quicker) where Python has it (3.11).
_POSSESSIVE = b"+" if sys.version_info >= (3, 11) else b""
_MARKS_RE = re.compile(rb":[cf][\s/>]")  # a prefixed cell or formula element
_TAG_MARKS_RE = re.compile(rb"<[!f]")  # a formula, or a document type, comment or CDATA section
_FORMULA_TAG_RE = re.compile(rb"<f")


def _tag_marks(data: bytes) -> bool:
    """``_TAG_MARKS_RE.search(data)``, twice as fast: a ``!`` is rare, so ``<!`` is looked for only after one."""
    return _FORMULA_TAG_RE.search(data) is not None or b"!" in data and b"<!" in data


def _span(chars: str) -> str:
    """A character class of consecutive characters, as a range (a range is quicker to test)."""
    return f"[{chars[0]}-{chars[-1]}]" if len(chars) > 1 else chars


def _at_most(text: str, alphabet: str, lead: str) -> str:
    """A regular expression matching the strings of ``alphabet`` (first character from
    ``lead``) that sort at most ``text`` as numbers: digits for rows, letters for columns."""
    every = _span(alphabet)
    options = [f"{_span(lead)}{every}{{0,{len(text) - 2}}}"] if len(text) > 1 else []
    for i, ch in enumerate(text):
        below = "".join(c for c in (lead if i == 0 else alphabet) if c < ch)
        if below:
            rest = len(text) - i - 1
            options.append(text[:i] + _span(below) + (f"{every}{{{rest}}}" if rest else ""))
    options.append(text)
    return "(?:" + "|".join(options) + ")"


@functools.lru_cache(maxsize=64)
def _cell_check(rows: int, cols: int):
    """A pattern that finds a cell element spelled otherwise than ``<c r="A1" t="s" s="1">``
    (attributes of :data:`_CELL_ATTRS`, no text before the next tag) with its column at
    most ``cols`` and its row at most ``rows``; None finds: every cell is inside."""
    ref = (_at_most(get_column_letter(cols), _LETTERS, _LETTERS) + _at_most(str(rows), _DIGITS, _DIGITS[1:]))
    tag = rb' r="' + ref.encode() + rb'"' + _CELL_ATTRS + _POSSESSIVE + rb"(?:/>|>(?=<|\Z))"
    return re.compile(rb"<c(?!" + tag + rb")[\s/>]")


def _long_run(data: bytes, run: int, cap: int) -> bool:
    """Whether a text run of ``data`` (between two ``<``; ``run`` bytes of it before ``data``)
    may hold more than ``cap`` characters: a run that long covers one of the sample points."""
    first = data.find(b"<")
    if run + (first if first >= 0 else len(data)) > cap:
        return True
    for point in range(max(1, cap // 2), len(data), max(1, cap // 2)):
        left, right = data.rfind(b"<", 0, point), data.find(b"<", point)
        if (right if right >= 0 else len(data)) - left > cap:
            return True
    return False


def _bounded_sheet(zf, info, limits: Limits, budget: list) -> bool:
    """Whether a sheet is sure to fit ``limits`` with no note to take: one regular
    expression search per megabyte, no list of references built (the L case's 43 MB
    of sheets in a quarter of :func:`_quick_sheet`'s time).

    The columns of the first megabyte's cells (the header) set the bound: ``cols``
    columns and ``max_cells // cols`` rows. It vouches when every cell element is
    spelled ``<c r="A1"`` with a reference inside that bound and only the attributes
    of :data:`_CELL_ATTRS` (so no error cell and no character reference in a tag), no
    formula, no ``<!`` (document type, comment), no namespace prefix on a cell or a
    formula and no text run over ``max_cell_chars``. False means "not sure": the sheet
    is then read by :func:`_quick_sheet` and, if need be, :func:`_scan_sheet`.
    """
    check, tail, run = None, b"", 0
    for chunk in _chunks(zf, info, budget):
        data = tail + chunk
        cut = data.rfind(b"<")
        if cut <= 0:
            return False  # a megabyte without a tag: a long text, or not XML
        tail, data = data[cut:], data[:cut]
        if check is None:
            refs = _CELL_REF_RE.findall(data)
            cols = max(map(column_index_from_string, {letters.decode() for letters, _ in refs}), default=1)
            if limits.max_cells // cols < 1:
                return False
            check = _cell_check(min(limits.max_cells // cols, 9_999_999), cols)
        if (check.search(data) or _tag_marks(data) or _MARKS_RE.search(data)
                or _long_run(data, run, limits.max_cell_chars)):
            return False
        run = len(data) - data.rfind(b"<")
    if check is None:
        return False
    return not (check.search(tail) or _tag_marks(tail) or _MARKS_RE.search(tail)
                or len(tail) > limits.max_cell_chars)


def _scan_shared_strings(zf, info, limits: Limits, budget: list) -> None:
    state = {"n": 0, "chars": 0, "in_t": False}

    def start(name, attrs):
        tag = _local(name)
        if tag == "si":
            state["n"] += 1
            state["chars"] = 0
        elif tag == "t":
            state["in_t"] = True

    def end(name):
        if _local(name) == "t":
            state["in_t"] = False

    def text(data):
        if state["in_t"]:
            state["chars"] += len(data)
            if state["chars"] > limits.max_cell_chars:
                raise LimitExceeded("max_cell_chars", limits.max_cell_chars, None, f"sharedStrings #{state['n']}")

    p = _parser()
    p.StartElementHandler, p.EndElementHandler, p.CharacterDataHandler = start, end, text
    _feed(zf, info, p, budget)


def _attrs_of(zf, info, wanted: str, budget: list) -> list[dict]:
    """The attributes of every element with local name ``wanted``."""
    found = []

    def start(name, attrs):
        if _local(name) == wanted:
            found.append({_local(k): v for k, v in attrs.items()})

    p = _parser()
    p.StartElementHandler = start
    _feed(zf, info, p, budget)
    return found


def _is_worksheet(name: str) -> bool:
    low = name.lower()
    return low.endswith(".xml") and ("worksheets/" in low or "chartsheets/" in low or "dialogsheets/" in low)


def scan_xlsx(path, limits: Limits, ready=None) -> ScanResult:
    """Scan an xlsx: raises :class:`LimitExceeded`, :class:`BadXml` or
    ``zipfile.BadZipFile``; returns notes, too-large extents and sheet states.

    The workbook, its relationships and the shared strings (what a reader
    reads when it opens the workbook) are scanned first, then the worksheets
    in the zip's order. ``ready``, when given, is called with ``(None, result)``
    once the first are vouched for (the workbook may be opened), and with
    ``(title, result)`` once the worksheet ``title`` is (its extent and notes
    are then in ``result``), so a reader may read it while the scan goes on.
    """
    result = ScanResult({}, {}, {})
    with zipfile.ZipFile(path) as zf:
        budget = _check_total(zf, limits)
        infos = {info.filename: info for info in zf.infolist()}
        lower = {name.lower(): name for name in infos}
        if "xl/workbook.xml" not in lower:
            if ready is not None:
                ready(None, result)
            return result
        sheets = _attrs_of(zf, infos[lower["xl/workbook.xml"]], "sheet", budget)
        rels_name = lower.get("xl/_rels/workbook.xml.rels")
        rels = _attrs_of(zf, infos[rels_name], "Relationship", budget) if rels_name else []
        targets = {r.get("Id"): r.get("Target", "") for r in rels}
        titled: dict[str, str] = {}
        for sheet in sheets:
            title = sheet.get("name")
            rid = sheet.get("id")
            if title is None:
                continue
            if sheet.get("state") in ("hidden", "veryHidden"):
                result.states[title] = sheet["state"]
            target = targets.get(rid)
            if not target:
                continue
            member = target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
            if member.lower() in lower:
                titled[lower[member.lower()]] = title
        worksheets = [name for name in infos if name in titled or _is_worksheet(name)]
        # the shared strings first: a reader reads them when it opens the workbook
        for name, info in infos.items():
            if name not in titled and not _is_worksheet(name) and name.lower().endswith("sharedstrings.xml"):
                _scan_shared_strings(zf, info, limits, budget)
        if ready is not None:
            ready(None, result)
        # every worksheet in the zip, named or not: whatever calamine might open
        for name in worksheets:
            _scan_worksheet(zf, infos[name], titled.get(name), limits, budget, result)
            if ready is not None and name in titled:
                ready(titled[name], result)
    return result


def _scan_worksheet(zf, info, title: str | None, limits: Limits, budget: list, result: ScanResult) -> None:
    """One worksheet, cheapest reading first; its extent (when over ``max_cells``) and notes go to ``result``.
    An unnamed one (``title`` None) over ``max_cells`` raises: no sheet name to report it under."""
    if _bounded_sheet(zf, info, limits, [budget[0], budget[1]]):
        budget[0] -= info.file_size
        return
    quick = _quick_sheet(zf, info, limits, [budget[0], budget[1]])
    if quick is not None:
        rows, cols, long_text, has_notes = quick
        if rows * cols <= limits.max_cells and not long_text and not has_notes:
            budget[0] -= info.file_size
            return
    scan = _scan_sheet(zf, info, title or info.filename, limits, budget)
    if scan.max_row * scan.max_col > limits.max_cells:
        if title is None:
            raise LimitExceeded("max_cells", limits.max_cells, info.filename,
                                f"{get_column_letter(scan.max_col)}{scan.max_row}")
        result.extents[title] = (scan.max_row, scan.max_col)
    elif scan.notes:
        result.notes[title or info.filename] = scan.notes


# --------------------------------------------------------------------------
# ods
# --------------------------------------------------------------------------

def scan_ods(path, limits: Limits) -> ScanResult:
    """Scan an ods's content.xml: the extent of every table (repeated rows and
    columns counted as the reader will), characters per cell, the total size."""
    result = ScanResult({}, {}, {})
    st = {"table": None, "row": 0, "col": 0, "max_row": 0, "max_col": 0, "row_rep": 1,
          "row_has": False, "in_cell": False, "cell_rep": 1, "cell_has": False, "chars": 0, "row_max_col": 0}

    def finish_table():
        if st["table"] is not None and st["max_row"] * st["max_col"] > limits.max_cells:
            result.extents[st["table"]] = (st["max_row"], st["max_col"])

    def start(name, attrs):
        tag = _local(name)
        if tag == "table" and not st["in_cell"]:
            finish_table()
            st.update(table=next((v for k, v in attrs.items() if _local(k) == "name"), "?"),
                      row=0, max_row=0, max_col=0)
        elif tag == "table-row":
            rep = next((v for k, v in attrs.items() if _local(k) == "number-rows-repeated"), "1")
            st.update(row_rep=int(rep) if rep.isdigit() else 1, col=0, row_has=False, row_max_col=0)
        elif tag in ("table-cell", "covered-table-cell"):
            rep = next((v for k, v in attrs.items() if _local(k) == "number-columns-repeated"), "1")
            has = any(_local(k) == "value-type" for k in attrs)
            st.update(in_cell=True, cell_rep=int(rep) if rep.isdigit() else 1, cell_has=has, chars=0)

    def end(name):
        tag = _local(name)
        if tag in ("table-cell", "covered-table-cell") and st["in_cell"]:
            st["in_cell"] = False
            st["col"] += st["cell_rep"]
            if st["cell_has"]:
                st["row_has"] = True
                st["row_max_col"] = st["col"]
        elif tag == "table-row":
            st["row"] += st["row_rep"]
            if st["row_has"]:
                st["max_row"] = st["row"]
                st["max_col"] = max(st["max_col"], st["row_max_col"])
        elif tag == "table":
            finish_table()
            st["table"] = None

    def text(data):
        if st["in_cell"]:
            st["chars"] += len(data)
            if data.strip():
                st["cell_has"] = True
            if st["chars"] > limits.max_cell_chars:
                raise LimitExceeded("max_cell_chars", limits.max_cell_chars, st["table"],
                                    f"{get_column_letter(min(st['col'] + 1, MAX_COLUMN))}{st['row'] + 1}")

    with zipfile.ZipFile(path) as zf:
        budget = _check_total(zf, limits)
        infos = {info.filename: info for info in zf.infolist()}
        if "content.xml" not in infos:
            return result
        p = _parser()
        p.StartElementHandler, p.EndElementHandler, p.CharacterDataHandler = start, end, text
        _feed(zf, infos["content.xml"], p, budget)
    return result
