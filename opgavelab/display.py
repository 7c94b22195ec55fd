"""Tables for reading: the library's display labels on a tidy result.

Results keep English data keys (``n_actors``, ``covered``), so users can keep
working with them in pandas. :func:`readable` gives a copy with the headers a
reader sees, in Dutch or English, from the catalogue.
"""

from __future__ import annotations

__all__ = ["readable"]

import pandas as pd


def readable(frame: pd.DataFrame | pd.Series, case, lang: str | None = None, translate_index: bool = False) -> pd.DataFrame:
    """A copy of ``frame`` for reading: translated headers, ja/nee, dd-mm-jjjj, lists of ids as names.

    Parameters
    ----------
    frame : pandas.DataFrame or pandas.Series
        A result of opgavelab (a Series becomes a one-column table).
    case : Case or None
        For actor names, domain labels and actor-type labels; without a case
        only the headers are translated.
    lang : {"nl", "en"} or None, default None
        None: the case's language (Dutch without a case).
    translate_index : bool, default False
        Also translate the row labels (actor types, summary keys such as ``total``).

    Returns
    -------
    pandas.DataFrame
        For display only; compute on the original.

    Examples
    --------
    >>> import pandas as pd, opgavelab
    >>> case = opgavelab.example()                                   # doctest: +SKIP
    >>> list(readable(pd.DataFrame({"n_actors": [3]}), case).columns)  # doctest: +SKIP
    ['actoren']
    """
    from ._checks import _check_lang
    from ._scan import _for_reading

    lang = _check_lang(lang or getattr(case, "lang", None) or "nl")
    if isinstance(frame, pd.Series):
        frame = frame.to_frame()
    if case is None:
        from ._i18n import column_label

        out = frame.copy()
        out.columns = [column_label(str(c), lang) for c in out.columns]
        if out.index.name:
            out.index.name = column_label(str(out.index.name), lang)
        return out
    return _for_reading(frame, lang, case, translate_index=translate_index)
