"""How every worksheet opgavelab writes is laid out for reading and printing.

One helper for the template, the scan workbook, the Kumu workbook and the
survey questionnaires, so that each of them prints the same way in Excel and
LibreOffice: A4, fit to one page wide (as many pages tall as needed), the
header row repeated on every page, landscape when the table is wide, the
header row frozen, and column widths that fit the content.
"""

from __future__ import annotations

import datetime as _dt

# a sheet wider than this (sum of column widths, in characters) prints landscape
_LANDSCAPE_FROM = 100
_MAX_WIDTH = 60

#: Excel's last column, ZZZ (what openpyxl accepts)
_LAST_COLUMN = 18278


def column_letter(index: int) -> str:
    """The letters of a worksheet column: 1 -> "A", 28 -> "AB" (as ``openpyxl.utils.get_column_letter``).

    Here so that reading a workbook does not import openpyxl (about 0.3 s).

    Parameters
    ----------
    index : int
        The column's number, 1 to 18278.

    Returns
    -------
    str
        Its letters, "A" to "ZZZ".

    Raises
    ------
    ValueError
        ``index`` is outside 1 to 18278.

    Examples
    --------
    >>> column_letter(1), column_letter(28), column_letter(16384)
    ('A', 'AB', 'XFD')
    """
    if not 1 <= index <= _LAST_COLUMN:
        msg = f"Invalid column index {index}"
        raise ValueError(msg)
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_index(letters: str) -> int:
    """The number of a worksheet column: "A" -> 1, "xfd" -> 16384 (as ``openpyxl.utils.column_index_from_string``).

    Parameters
    ----------
    letters : str
        One to three letters A-Z, in either case.

    Returns
    -------
    int
        The column's number, 1 to 18278.

    Raises
    ------
    ValueError
        ``letters`` is not one to three letters A-Z.

    Examples
    --------
    >>> column_index("A"), column_index("ab"), column_index("XFD")
    (1, 28, 16384)
    """
    upper = letters.upper()
    if not (1 <= len(upper) <= 3 and upper.isascii() and upper.isalpha()):
        msg = f"{letters!r} is not a valid column name. Column names are from A to ZZZ"
        raise ValueError(msg)
    index = 0
    for ch in upper:
        index = index * 26 + ord(ch) - 64
    return index


INTEGER = "0"
DECIMAL = "0.000"
PERCENT = "0.0%"


def print_setup(ws, *, landscape: bool | None = None, header_row: int | None = None) -> None:
    """A4, one page wide, the header row on every page; landscape when wide (``None``: decide by width)."""
    if landscape is None:
        total = sum((d.width or 9) for d in ws.column_dimensions.values()) if ws.column_dimensions else 0
        landscape = total > _LANDSCAPE_FROM
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.8  # room for the page header and footer
    ws.page_margins.header = ws.page_margins.footer = 0.3
    if header_row:
        ws.print_title_rows = f"{header_row}:{header_row}"


def shown_length(value) -> int:
    """About how many characters a cell's value takes on screen."""
    if value is None:
        return 0
    if isinstance(value, (_dt.date, _dt.datetime)):
        return 10
    if isinstance(value, float):
        return len(f"{value:.3f}")
    return max((len(line) for line in str(value).split("\n")), default=0)


def fit_columns(ws, *, first_row: int = 1, minimum: int = 8, maximum: int = _MAX_WIDTH,
                skip_rows: tuple[int, ...] = ()) -> None:
    """Set each column's width to its longest value from ``first_row`` on (within ``minimum``…``maximum``)."""
    from openpyxl.utils import get_column_letter

    widths: dict[int, int] = {}
    for row in ws.iter_rows(min_row=first_row):
        for cell in row:
            if cell.row in skip_rows or cell.value is None:
                continue
            n = shown_length(cell.value)
            widths[cell.column] = max(widths.get(cell.column, 0), n)
    for j, n in widths.items():
        ws.column_dimensions[get_column_letter(j)].width = max(minimum, min(maximum, n + 2))


def wrapped_height(text, width: float, line_height: float = 15.0) -> float:
    """A row height (points) that shows ``text`` wrapped in a column ``width`` characters wide."""
    if text is None:
        return line_height
    per_line = max(10, int(width * 1.05))
    lines = 0
    for part in str(text).split("\n"):
        lines += max(1, -(-len(part) // per_line))
    return line_height * max(1, lines)


def finish_sheet(ws, *, header_row: int = 1, freeze_column: int = 1, landscape: bool | None = None,
                 fit: bool = True, first_data_row: int | None = None) -> None:
    """Frozen header, fitted widths and print setup for a table whose header is on ``header_row``."""
    if fit:
        fit_columns(ws, first_row=header_row)
    ws.freeze_panes = ws.cell(header_row + 1, freeze_column)
    print_setup(ws, landscape=landscape, header_row=header_row)


def wrap_long_texts(ws, *, first_row: int = 1, line_height: float = 15.0) -> None:
    """Wrap every text longer than its column and give its row the height it needs.

    A long text that is not wrapped runs on over the empty cells beside it,
    and a spreadsheet fitting the sheet to one page wide then shrinks the
    whole page to the width of that text.
    """
    from openpyxl.styles import Alignment

    heights: dict[int, float] = {}
    for row in ws.iter_rows(min_row=first_row):
        for cell in row:
            if not isinstance(cell.value, str):
                continue
            width = ws.column_dimensions[cell.column_letter].width or 9
            if len(cell.value) <= width and "\n" not in cell.value:
                continue
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            heights[cell.row] = max(heights.get(cell.row, line_height), wrapped_height(cell.value, width, line_height))
    for r, h in heights.items():
        ws.row_dimensions[r].height = min(h, 409)  # Excel's largest row height
        for cell in ws[r]:  # the row's label stays beside the top of its text
            if not cell.alignment.wrap_text:
                cell.alignment = Alignment(vertical="top")
