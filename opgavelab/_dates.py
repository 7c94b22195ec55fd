"""Dates: one parser for cells and one reading of the ``at`` argument.

Every date in opgavelab goes through here: :func:`parse_date` reads what a
spreadsheet holds (a year, a date, a Dutch or English date text, an Excel
serial number), :func:`to_timestamp` turns a date argument into a Timestamp,
and :func:`snapshot_at` reads the ``at`` of a snapshot (``at=2022`` is
31 December 2022) for every function that takes one.
"""

from __future__ import annotations

import datetime as _dt
import re

import numpy as np
import pandas as pd

__all__ = ["parse_date", "snapshot_at", "to_timestamp"]

_MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "february": 2,
    "maart": 3, "mrt": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "augustus": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}


def parse_date(value, end: bool = False):
    """Read a year, a date or a Dutch date text; None when unreadable.

    A bare year means 1 January (or 31 December when ``end`` is true: an
    ``until`` of 2021 lasts the whole year). Day-first notation is Dutch:
    ``3-12-2021`` is 3 December 2021.

    Examples
    --------
    >>> parse_date("3 december 2021")
    Timestamp('2021-12-03 00:00:00')
    >>> parse_date(2021, end=True)
    Timestamp('2021-12-31 00:00:00')
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, (pd.Timestamp, _dt.datetime)):
        return pd.Timestamp(value).normalize()
    if isinstance(value, _dt.date):
        return pd.Timestamp(value)
    if isinstance(value, (int, float, np.integer, np.floating)):
        if isinstance(value, float) and not value.is_integer():
            return None
        number = int(value)
        if 1000 <= number <= 2999:
            return pd.Timestamp(number, 12, 31) if end else pd.Timestamp(number, 1, 1)
        if 3000 <= number <= 110000:  # an Excel serial date
            return pd.Timestamp("1899-12-30") + pd.Timedelta(days=number)
        return None
    text = str(value).strip().lower()
    if not text:
        return None
    text = text.replace(",", " ")
    m = re.fullmatch(r"(\d{4})(?:\.0)?", text)
    if m:
        return parse_date(int(m.group(1)), end=end)
    m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ t]00:00(?::00)?)?", text)
    if m:
        y, mo, d = map(int, m.groups())
        return _safe_ts(y, mo, d)
    m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text)
    if m:
        d, mo, y = map(int, m.groups())
        return _safe_ts(y, mo, d)
    m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{2})", text)
    if m:
        d, mo, y = map(int, m.groups())
        return _safe_ts(2000 + y if y < 70 else 1900 + y, mo, d)
    m = re.fullmatch(r"(\d{4})[-/](\d{1,2})", text)
    if m:
        y, mo = map(int, m.groups())
        ts = _safe_ts(y, mo, 1)
        if ts is not None and end:
            ts = ts + pd.offsets.MonthEnd(0)
        return ts
    m = re.fullmatch(r"(\d{1,2})\s*([a-z]+)\.?\s+(\d{4})", text)
    if m and m.group(2) in _MONTHS:
        return _safe_ts(int(m.group(3)), _MONTHS[m.group(2)], int(m.group(1)))
    m = re.fullmatch(r"([a-z]+)\.?\s+(\d{4})", text)
    if m and m.group(1) in _MONTHS:
        ts = _safe_ts(int(m.group(2)), _MONTHS[m.group(1)], 1)
        if ts is not None and end:
            ts = ts + pd.offsets.MonthEnd(0)
        return ts
    return None


def _safe_ts(y, mo, d):
    try:
        return pd.Timestamp(int(y), int(mo), int(d))
    except (ValueError, OverflowError):
        return None


def to_timestamp(at, end: bool = False) -> pd.Timestamp | None:
    """A date argument (a year, a date text, a datetime or None) as a Timestamp.

    A bare year means the end of that year by default for snapshots, so
    ``at=2021`` shows everything that was active at some point up to and
    including 31 December 2021.

    Parameters
    ----------
    at : int, str, datetime, pandas.Timestamp or None
        A year (``2021``), a date text (``"2021-03-04"``, ``"4-3-2021"``,
        ``"4 maart 2021"``; see :func:`parse_date`), a date or datetime.
    end : bool, default False
        A bare year (or year and month) means its last day instead of its first.

    Returns
    -------
    pandas.Timestamp or None
        The date at midnight; None for None.

    Raises
    ------
    ValueError
        If ``at`` is not None and cannot be read as a year or a date.

    Examples
    --------
    >>> to_timestamp(2021, end=True)
    Timestamp('2021-12-31 00:00:00')
    >>> to_timestamp("2021-03-04")
    Timestamp('2021-03-04 00:00:00')
    """
    if at is None:
        return None
    ts = parse_date(at, end=end)
    if ts is None:
        msg = f"'at' must be a year, a date or None, got {at!r}."
        raise ValueError(msg)
    return ts


def snapshot_at(at) -> pd.Timestamp | None:
    """The ``at`` of a snapshot as a Timestamp: a bare year is its last day.

    None stays None (every row, whatever its dates); a Timestamp is taken as
    it is, so a time of day given on purpose is kept.

    Examples
    --------
    >>> snapshot_at(2022)
    Timestamp('2022-12-31 00:00:00')
    >>> snapshot_at(None) is None
    True
    """
    if at is None or isinstance(at, pd.Timestamp):
        return at
    return to_timestamp(at, end=True)
