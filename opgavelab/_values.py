"""Values: what counts as missing, said once.

Two questions, two functions, one contract each:

- :func:`is_na` -- is this scalar a missing *value* (None, NaN, ``pd.NA``,
  ``pd.NaT``)? A blank string or an empty list is a value here: files keep
  what the user wrote.
- :func:`is_missing` -- does this cell or attribute say *nothing*? Everything
  :func:`is_na` calls missing, plus a text of only white space and an empty
  list, tuple or set (an actor with no domains has no group to count).

Neither raises on an array-like or an unknown object: anything else is
present.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

__all__ = ["is_missing", "is_na", "map_unique"]

#: Containers that hold several values in one cell (``domains``).
MULTI = (list, tuple, set, frozenset)


def is_na(value) -> bool:
    """True for None, NaN, ``pd.NA`` and ``pd.NaT``; False for anything else.

    Examples
    --------
    >>> is_na(None), is_na(float("nan")), is_na(pd.NaT), is_na(""), is_na([])
    (True, True, True, False, False)
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, (float, np.floating)):
        return math.isnan(value)
    if isinstance(value, (str, bytes, MULTI, np.ndarray, pd.Series)):
        return False
    try:
        missing = pd.isna(value)
    except (TypeError, ValueError):
        return False
    return isinstance(missing, (bool, np.bool_)) and bool(missing)


def is_missing(value) -> bool:
    """True when a cell or attribute says nothing: NA, blank text or an empty list.

    Examples
    --------
    >>> is_missing("  "), is_missing([]), is_missing(None), is_missing(0), is_missing("x")
    (True, True, True, False, False)
    """
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, MULTI):
        return len(value) == 0
    return is_na(value)


def map_unique(series: pd.Series, func, *, strings_only: bool = False) -> pd.Series:
    """``series.map(func)`` computed once per distinct present value.

    Missing cells (:func:`is_missing`) give None. With ``strings_only``,
    ``func`` sees every text (blank ones too) and only NA values (:func:`is_na`)
    give None; every other value is kept as it is.
    True and 1 (False and 0) are told apart, though Python hashes them alike.

    Examples
    --------
    >>> map_unique(pd.Series(["a", " ", None, "a"]), str.upper).tolist()
    ['A', None, None, 'A']
    >>> map_unique(pd.Series([True, 1, "x"]), repr).tolist()
    ['True', '1', "'x'"]
    """
    missing = is_missing
    if strings_only:
        inner, missing = func, is_na

        def func(v):
            return inner(v) if isinstance(v, str) else v
    values = pd.Series(series.to_numpy(dtype=object), index=series.index, dtype=object)
    arr = values.to_numpy()
    # True == 1 and False == 0 as dict keys and for pd.unique: map booleans
    # apart, or one TRUE in a column of numbers turns every 1 into its result.
    # A column of only texts or only numbers (ids, names, weights: nearly all)
    # holds no such mix; pandas tells that at C speed, so only other columns
    # are looked at cell by cell.
    mixed = len(arr) > 0 and pd.api.types.infer_dtype(arr, skipna=True) not in _NO_BOOL_MIX
    bools = (np.fromiter((type(v) is bool or type(v) is np.bool_ for v in arr), dtype=bool, count=len(arr))
             if mixed else None)
    if mixed and bools.any() and not bools.all():
        out = np.empty(len(arr), dtype=object)
        out[bools] = map_unique(values[bools], func, strings_only=strings_only).to_numpy()
        out[~bools] = map_unique(values[~bools], func, strings_only=strings_only).to_numpy()
        return pd.Series(out, index=values.index, name=series.name, dtype=object)
    # each distinct value once, then spread by code (-1, a missing cell, takes the None at the end)
    codes, uniques = pd.factorize(arr, use_na_sentinel=True)
    mapped = np.empty(len(uniques) + 1, dtype=object)
    mapped[:-1] = [None if missing(u) else func(u) for u in uniques]
    out = pd.Series(mapped[codes], index=values.index, name=series.name, dtype=object)
    return out.where(out.notna(), None)


#: What pandas infers for a column that cannot hold both booleans and numbers.
_NO_BOOL_MIX = frozenset({"string", "empty", "integer", "floating", "boolean"})
