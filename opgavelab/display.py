"""Tables for reading: the library's display labels on a tidy result.

Results keep English data keys (``n_actors``, ``covered``), so users can keep
working with them in pandas. :func:`readable` gives a copy with the headers a
reader sees, in Dutch or English, from the catalogue.
"""

from __future__ import annotations

__all__ = ["readable"]

from typing import TYPE_CHECKING

import pandas as pd

from ._i18n import column_label, fmt_date, message
from ._docs import raises

if TYPE_CHECKING:
    from .case import Case


@raises("lang_of_case")
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


def _for_reading(frame: pd.DataFrame, lang: str, case: Case, translate_index: bool = False) -> pd.DataFrame:
    """A copy of ``frame`` for reading: translated headers, ja/nee, dd-mm-jjjj, lists as text, names by ids."""
    out = frame.copy()
    yes, no = message("scan.yes", lang), message("scan.no", lang)
    domain_labels = case.labels("domain", lang)
    names = case.actors["name"]
    # vocabulary values (overheid, regionaal, trekker) are shown by their label in the reader's language
    vocab_lists = {"type": "actor_type", "scale": "scale", "role": "role", "tie_type": "tie_type"}
    vocab_labels = {col: case.labels(name, lang) for col, name in vocab_lists.items()}
    if out.index.name in vocab_labels:
        relabel = vocab_labels[out.index.name]
        out.index = pd.Index([relabel.get(v, v) for v in out.index], name=out.index.name)
    if out.columns.name in vocab_labels:
        relabel = vocab_labels[out.columns.name]
        out.columns = pd.Index([relabel.get(v, v) for v in out.columns], name=out.columns.name)
    opgave_names = case.opgaven["name"]

    def _item_text(x):
        """An id in a list of mixed content: an actor or opgave by its name, a domain by code and name."""
        if not isinstance(x, str):
            return str(x)
        if x in names.index:
            return str(names[x])
        if x in opgave_names.index:
            return str(opgave_names[x])
        if domain_labels.get(x, x) not in (x, ""):
            return f"{x} {domain_labels[x]}"
        return x

    for col in out.columns:
        values = out[col]
        if col == "domain_fit":
            out[col] = values.map(lambda v: message(f"domain_fit.{v}", lang) if isinstance(v, str) else "")
            continue
        if col in vocab_labels and values.dtype != bool:
            relabel = vocab_labels[col]
            out[col] = values.map(lambda v, relabel=relabel: relabel.get(v, v) if isinstance(v, str) else v)
            continue
        if col == "label" and frame.index.name == "domain":  # a domain's name, in the reader's language
            out[col] = [domain_labels.get(i, v) for i, v in zip(frame.index, values)]
            continue
        if values.dtype == bool:
            out[col] = values.map({True: yes, False: no})
        elif pd.api.types.is_datetime64_any_dtype(values):
            out[col] = values.map(lambda t: "" if pd.isna(t) else fmt_date(t, lang, "short"))
        elif values.dtype == object:
            def _text(v, col=col):
                if isinstance(v, (bool,)):
                    return yes if v else no
                if isinstance(v, pd.Timestamp):
                    return fmt_date(v, lang, "short")
                if isinstance(v, (list, tuple, set, frozenset)):
                    items = list(v)
                    if col == "other_opgaven":  # opgaven by their names, not their ids
                        items = [str(case.opgaven["name"].get(x, x)) for x in items]
                    if col in ("covers", "domains", "needed_domains", "actors", "via"):
                        items = [f"{x} {domain_labels[x]}" if col in ("covers", "domains", "needed_domains")
                                 and domain_labels.get(x, x) not in (x, "")
                                 else (str(names.get(x, x)) if col in ("actors", "via") else str(x)) for x in items]
                    elif col != "other_opgaven":  # a list of anything (compare_opgaven's 'shared'): ids by name
                        items = [_item_text(x) for x in items]
                    return "; ".join(str(x) for x in items)
                return v
            out[col] = values.map(_text)
    if translate_index:
        type_labels = case.labels("actor_type", lang)
        out.index = [column_label(str(i), lang) if column_label(str(i), lang) != str(i) else type_labels.get(i, i)
                     for i in out.index]
        out.index.name = column_label(frame.index.name, lang) if frame.index.name else None
    if isinstance(out.index, pd.DatetimeIndex):
        out.index = [fmt_date(t, lang, "short") for t in out.index]
        out.index.name = column_label("date", lang) if lang else None
    elif out.index.name:
        out.index.name = column_label(out.index.name, lang)
    out.columns = [column_label(c, lang) if column_label(c, lang) != str(c) or not str(c).startswith("ei_")
                   else f"E-I ({column_label(str(c)[3:], lang)})" for c in out.columns]
    if isinstance(frame.columns, pd.Index) and frame.columns.name:
        out.columns.name = column_label(frame.columns.name, lang)
    return out
