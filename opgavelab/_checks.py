"""Small argument checks shared by the public functions.

Each check names the parameter, the allowed values, what came in and how to fix
it, after skrub's ``_check_input.py``.
"""

from __future__ import annotations

from collections.abc import Iterable

LANGS = ("nl", "en")


def _check_one_of(name: str, value, allowed: Iterable) -> None:
    allowed = list(allowed)
    if value not in allowed:
        msg = f"{name!r} must be one of {allowed}, got {value!r}."
        raise ValueError(msg)


def _check_lang(lang: str) -> str:
    _check_one_of("lang", lang, LANGS)
    return lang
