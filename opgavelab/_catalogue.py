"""Maintain the gettext catalogues ``opgavelab/locale/{nl,en}/LC_MESSAGES/opgavelab.po``.

Commands (run from the project folder)::

    python -m opgavelab._catalogue check    # list keys missing in one language or without a translation
    python -m opgavelab._catalogue absorb   # move left-over MESSAGES/LABELS dict entries into both .po files

The .po files are the only source of texts. Add entries with
:func:`add_entries`. ``absorb`` is for merges only: when a branch written
before the move still adds ``key: (nl, en)`` entries to a ``MESSAGES`` or
``LABELS`` dict in ``opgavelab/_i18n.py``, keep that dict for a moment, run
``absorb`` (``MESSAGES`` as ``key``, ``LABELS`` as ``label.key``; entries
already in the .po files are kept), then delete the dict again.
"""

from __future__ import annotations

import sys
from pathlib import Path

LANGS = ("nl", "en")
_HEADER = {
    "nl": "Dutch texts of opgavelab (the library addresses the reader with 'u')",
    "en": "English texts of opgavelab",
}


def _path(lang: str) -> Path:
    return Path(__file__).parent / "locale" / lang / "LC_MESSAGES" / "opgavelab.po"


def _read(lang: str):
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po

    path = _path(lang)
    if not path.exists():
        return Catalog(locale=lang, project="opgavelab", domain="opgavelab", header_comment="# " + _HEADER[lang])
    with path.open("rb") as fh:
        return read_po(fh, locale=lang)


def _write(lang: str, cat) -> None:
    from babel.messages.pofile import write_po

    from .io import atomic_write

    cat.fuzzy = False
    path = _path(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(path, overwrite=True) as tmp, open(tmp, "wb") as fh:
        write_po(fh, cat, width=0, sort_output=False, omit_header=False)


def add_entries(entries: dict, replace: bool = False) -> int:
    """Add ``key: (nl, en)`` entries; a plural entry is ``key: ((nl_one, nl_many), (en_one, en_many))``.

    Returns the number of entries added (or replaced) per language.
    """
    added = 0
    for i, lang in enumerate(LANGS):
        cat = _read(lang)
        for key, pair in entries.items():
            text = pair[i]
            exists = cat.get(key) is not None
            if exists and not replace:
                continue
            if exists:
                del cat[key]
            if isinstance(text, tuple):
                cat.add((key, key), string=text)
            else:
                cat.add(key, string=text)
            added += 1 if i == 0 else 0
        _write(lang, cat)
    return added


def absorb() -> int:
    """Copy every entry of a left-over ``_i18n.MESSAGES`` / ``_i18n.LABELS`` dict into the .po files."""
    from . import _i18n

    entries = dict(getattr(_i18n, "MESSAGES", {}))
    entries.update({"label." + k: v for k, v in getattr(_i18n, "LABELS", {}).items()})
    n = add_entries(entries)
    _i18n._catalogue.cache_clear()
    return n


def check() -> list[str]:
    """Keys that one language has and the other lacks, or that have an empty translation."""
    problems = []
    cats = {lang: _read(lang) for lang in LANGS}
    keys = {lang: {m.id[0] if isinstance(m.id, tuple) else m.id for m in cat if m.id} for lang, cat in cats.items()}
    for lang in LANGS:
        other = "en" if lang == "nl" else "nl"
        problems += [f"{key}: missing in {other}" for key in sorted(keys[lang] - keys[other])]
        for m in cats[lang]:
            if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string))):
                problems.append(f"{m.id}: no {lang} text")
    return problems


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["absorb"]:
        print(f"{absorb()} entries added to the .po files.")
        return 0
    if argv[:1] == ["check"]:
        problems = check()
        print("\n".join(problems) or "The nl and en catalogues agree.")
        return 1 if problems else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
