"""The project's exceptions and warnings.

Every exception subclasses a built-in (``ValueError`` or ``TypeError``) so that
generic code can still catch it, as networkx does in ``networkx/exception.py``.
A :class:`ValidationError` carries *every* problem found in a workbook at once,
as a tidy table (pandera's lazy ``SchemaErrors.failure_cases`` is the model).
"""

from __future__ import annotations

import html

from ._i18n import message, nmessage

__all__ = [
    "OpgavelabError",
    "OpgavelabWarning",
    "ValidationError",
    "ReadError",
    "WriteError",
    "PROBLEM_COLUMNS",
]

#: Columns of :attr:`ValidationError.problems`, in this order.
PROBLEM_COLUMNS = ["sheet", "row", "column", "value", "message", "hint", "severity"]


class OpgavelabError(Exception):
    """Base class of all opgavelab exceptions."""


class OpgavelabWarning(UserWarning):
    """A warning from opgavelab (the test suite turns these into errors)."""


def _problems_frame(problems):
    import pandas as pd

    if isinstance(problems, pd.DataFrame):
        frame = problems.copy()
    else:
        frame = pd.DataFrame(list(problems))
    for col in PROBLEM_COLUMNS:
        if col not in frame.columns:
            frame[col] = None
    frame = frame[PROBLEM_COLUMNS].astype(object)
    frame = frame.where(frame.notna(), None)
    # rows mixed with None become floats in pandas; a spreadsheet row is a whole number
    frame["row"] = pd.Series([None if r is None else int(r) for r in frame["row"]], index=frame.index, dtype=object)
    return frame.reset_index(drop=True)


def _format_value(value, width: int = 40) -> str:
    if value is None:
        return ""
    text = str(value).replace("\n", " ")
    if len(text) > width:
        text = text[: width - 1] + "…"
    return text


class ValidationError(OpgavelabError, ValueError):
    """A workbook (or a table given to opgavelab) is not a valid case.

    Attributes
    ----------
    problems : pandas.DataFrame
        One row per problem with the columns ``sheet``, ``row`` (the row number
        as the spreadsheet shows it), ``column``, ``value``, ``message``,
        ``hint`` and ``severity`` (``"error"`` or ``"warning"``).
    lang : str
        The language of the messages (``"nl"`` or ``"en"``).
    """

    def __init__(self, problems, lang: str = "nl", title: str | None = None):
        self.problems = _problems_frame(problems)
        self.lang = lang
        errors = self.problems[self.problems["severity"] != "warning"]
        if title is None:
            title = nmessage("errors.invalid", len(errors), lang)
        self.title = title
        super().__init__(self._text())

    def _text(self, limit: int = 50) -> str:
        lines = [self.title]
        frame = self.problems
        for rec in frame.head(limit).itertuples(index=False):
            where = []
            if rec.sheet:
                where.append(str(rec.sheet))
            if rec.row is not None:
                where.append(message("errors.row", self.lang, row=rec.row))
            if rec.column:
                where.append(message("errors.column", self.lang, column=rec.column))
            prefix = ", ".join(where)
            value = "" if rec.value is None else f" [{_format_value(rec.value)}]"
            line = f"- {prefix}{': ' if prefix else ''}{rec.message}{value}"
            if rec.hint:
                line += f" → {rec.hint}"
            lines.append(line)
        if len(frame) > limit:
            more = len(frame) - limit
            lines.append(message("errors.more", self.lang, n=more))
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        head = f"<p><strong>{html.escape(self.title)}</strong></p>"
        return head + shown_problems(self.problems, self.lang).to_html(index=False, na_rep="", escape=True)


def shown_problems(problems, lang: str = "nl"):
    """A problems table as a reader sees it: headers and kinds in ``lang`` (the data keeps English keys)."""
    heads = {c: message("cli.column." + c, lang) for c in ("sheet", "row", "column", "value")}
    heads.update({"message": message("cli.column.problem", lang), "hint": message("case.column.hint", lang),
                  "severity": message("errors.column.severity", lang)})
    shown = problems.copy()
    if "severity" in shown:
        shown["severity"] = shown["severity"].map(
            lambda v: message("errors.severity." + v, lang) if v in ("error", "warning") else v)
    return shown.rename(columns=heads)


class ReadError(ValidationError):
    """A file cannot be read as a case at all.

    Raised for a path that does not exist, an empty file, a file that is not a
    spreadsheet, or a password-protected workbook. ``problems`` holds a single
    row whose ``hint`` says what to do.
    """

    def __init__(self, message: str, hint: str = "", value=None, lang: str = "nl"):
        problems = [
            {"sheet": None, "row": None, "column": None, "value": value,
             "message": message, "hint": hint, "severity": "error"}
        ]
        super().__init__(problems, lang=lang, title=message + (f" {hint}" if hint else ""))

    def _text(self, limit: int = 50) -> str:
        return self.title


class WriteError(OpgavelabError, OSError):
    """An output file or folder cannot be written.

    Raised for a disk that is full, a folder without write permission or on a
    read-only drive, an output "folder" that is a file, or a name the file
    system refuses. It subclasses ``OSError`` so that generic code still
    catches it. ``path`` is what could not be written, ``hint`` what to do;
    no half-written file is left behind.
    """

    def __init__(self, message: str, hint: str = "", path=None, errno: int | None = None):
        self.message, self.hint, self.path = message, hint, path
        self.title = message + (f" {hint}" if hint else "")
        super().__init__(self.title)
        if errno is not None:
            self.errno = errno
