"""Small argument checks shared by the public functions.

Each check names the parameter, the allowed values, what came in and how to fix
it, after skrub's ``_check_input.py``.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
import numpy as np

LANGS = ("nl", "en")


def _check_one_of(name: str, value, allowed: Iterable) -> None:
    allowed = list(allowed)
    if value not in allowed:
        msg = f"{name!r} must be one of {allowed}, got {value!r}."
        raise ValueError(msg)


def _check_lang(lang: str) -> str:
    _check_one_of("lang", lang, LANGS)
    return lang


def _check_bool(name: str, value) -> None:
    if not isinstance(value, bool):
        msg = f"{name!r} must be True or False, got {value!r}."
        raise TypeError(msg)


def _check_str(name: str, value) -> None:
    if not isinstance(value, str):
        msg = f"{name!r} must be a str, got {type(value).__name__}."
        raise TypeError(msg)


def _check_int(name: str, value, minimum: int = 0, allow_none: bool = False) -> None:
    if value is None and allow_none:
        return
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        extra = " or None" if allow_none else ""
        msg = f"{name!r} must be an integer >= {minimum}{extra}, got {value!r}."
        raise ValueError(msg)


def _check_case(case, name: str = "case") -> None:
    # a marker, not isinstance: case.py uses these checks, so importing Case here would be a cycle
    if not getattr(type(case), "_is_opgavelab_case", False):
        msg = (f"{name!r} must be an opgavelab Case (from opgavelab.load, opgavelab.example or "
               f"opgavelab.from_membership), got {type(case).__name__}.")
        raise TypeError(msg)


def _check_graph(G, name: str = "G") -> None:
    if not isinstance(G, nx.Graph):
        msg = (
            f"{name!r} must be a networkx Graph or DiGraph, got {type(G).__name__}. "
            "Build one with networkx (for example nx.Graph(edge_list))."
        )
        raise TypeError(msg)


def _opgave_arguments(case, opgave: str, at, lang: str | None, attr: str):
    """The arguments scan and scenario share, checked: the language to use and the snapshot date."""
    _check_case(case)
    lang = _check_lang(lang or case.lang)
    case._check_opgave(opgave)
    if attr not in case.actors.columns:
        msg = f"'attr' must be one of the actor columns {list(case.actors.columns)}, got {attr!r}."
        raise ValueError(msg)
    from ._dates import snapshot_at

    ts = snapshot_at(at)
    return lang, ts
