"""Dutch and English texts that users read: one catalogue, two sources.

How the catalogue works (read this before adding a text):

- The catalogue is gettext's: ``opgavelab/locale/<lang>/LC_MESSAGES/opgavelab.po``
  (``nl`` and ``en``), package data, read at run time (no compile step) by a
  plain reader, or by Babel's for any form that reader does not know. A message id is a key such as ``scan.brokers.pairs``; its ``msgstr``
  is the text, with ``{field}`` placeholders. Plural forms use gettext's
  ``msgid_plural`` / ``msgstr[0]``, ``msgstr[1]`` and the catalogue's
  ``Plural-Forms`` header: :func:`nmessage` chooses the form (``1 actor``,
  ``2 actoren``).
- The .po files are the only source. Add a text to both at once with
  ``opgavelab._catalogue.add_entries({"area.key": ("nl {x}", "en {x}")})``
  (a plural: ``{"k": (("1 actor", "{n} actoren"), ("1 actor", "{n} actors"))}``);
  ``python -m opgavelab._catalogue check`` lists keys that lack a
  translation. Never choose a language inline (``"..." if nl else "..."``):
  ``tests/test_i18n.py`` fails on it.
- Numbers, percentages and dates are written as Babel writes them in the
  reader's locale (nl_NL, en_GB): :func:`fmt_number` (``0,12``),
  :func:`fmt_signed` (``+0,44``), :func:`fmt_percent` (``12%``),
  :func:`fmt_date` (``31 december 2024``, ``31-12-2024``), :func:`fmt_list`.
  The common cases use CLDR's symbols, month names and list patterns kept
  here (Babel's locale data takes a twelfth of a second to load in each
  process); ``tests/test_i18n.py`` compares them with Babel's.
- Dutch library texts address the reader with *u*.
- Data keys (column names, row labels) stay English; only what is shown is
  translated (:func:`column_label`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_LOCALE_DIR = Path(__file__).parent / "locale"
_BABEL_LOCALE = {"nl": "nl_NL", "en": "en_GB"}


@lru_cache(maxsize=4)
def _catalogue(lang: str) -> tuple[dict, object]:
    """Key -> text (or tuple of plural forms) and the plural function of ``lang``'s .po file."""
    import gettext

    path = _LOCALE_DIR / lang / "LC_MESSAGES" / "opgavelab.po"
    if not path.exists():
        return {}, (lambda n: int(n != 1))
    read = _read_po(path.read_text(encoding="utf-8"))
    if read is None:  # something the plain reader does not know: Babel's reader, which knows every form
        return _catalogue_by_babel(path, lang)
    entries, plural_expr = read
    return entries, gettext.c2py(plural_expr)


def _catalogue_by_babel(path: Path, lang: str) -> tuple[dict, object]:
    import gettext

    from babel.messages.pofile import read_po

    with path.open("rb") as fh:
        cat = read_po(fh, locale=_BABEL_LOCALE.get(lang, lang))
    entries: dict = {}
    for msg in cat:
        if not msg.id:
            continue
        key = msg.id[0] if isinstance(msg.id, (tuple, list)) else msg.id
        if isinstance(msg.string, (tuple, list)):
            if all(msg.string):
                entries[key] = tuple(msg.string)
        elif msg.string:
            entries[key] = msg.string
    return entries, gettext.c2py(cat.plural_expr)


_PO_KEYWORDS = {"msgid", "msgid_plural", "msgstr", *(f"msgstr[{i}]" for i in range(10))}
_PO_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def _read_po(text: str) -> tuple[dict, str] | None:
    """The entries and plural expression of a .po file as opgavelab writes it (what :func:`_catalogue`
    gives), read in a few milliseconds (Babel's reader takes ~50 ms and its import ~30 ms, paid by every
    process that writes a message); None when the file holds anything else (``msgctxt``, a line of
    another form, no ``Plural-Forms``), which is then read by Babel. ``tests/test_i18n.py`` checks that
    both readers give the same catalogue."""
    import re

    unescape = re.compile(r'\\([\\abfnrtv"])')

    def string(rest: str) -> str | None:
        if len(rest) < 2 or rest[0] != '"' or rest[-1] != '"':
            return None
        inner = rest[1:-1]
        return unescape.sub(lambda m: _PO_ESCAPES.get(m.group(1), m.group(1)), inner) if "\\" in inner else inner

    entries: dict = {}
    header = None
    msg: dict = {}
    field = None

    def flush() -> None:
        nonlocal header
        if "msgid" not in msg:
            return
        key, forms = msg["msgid"], [msg[k] for k in sorted(k for k in msg if k.startswith("msgstr"))]
        if key == "":
            header = forms[0] if forms else ""
        elif "msgid_plural" in msg:
            if forms and all(forms):
                entries[key] = tuple(forms)
        elif forms and forms[0]:
            entries[key] = forms[0]
        msg.clear()

    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith('"'):
            value = string(line)
            if value is None or field is None:
                return None
            msg[field] += value
            continue
        keyword, _, rest = line.partition(" ")
        value = string(rest.strip())
        if value is None or keyword not in _PO_KEYWORDS:
            return None
        if keyword == "msgid":
            flush()
        field = keyword if keyword != "msgstr" else "msgstr[0]"
        msg[field] = value
    flush()
    plural = re.search(r"^Plural-Forms:.*?plural=([^;\n]+)", header or "", re.MULTILINE)
    return (entries, plural.group(1).strip()) if plural else None


def _lang(lang) -> str:
    return "en" if lang == "en" else "nl"


def has_message(key: str) -> bool:
    """Whether ``key`` is in the catalogue."""
    return key in _catalogue("nl")[0]


def message(key: str, lang: str = "nl", **fields) -> str:
    """The text for ``key`` in ``lang``, with ``fields`` filled in."""
    lang = _lang(lang)
    entries, _ = _catalogue(lang)
    template = entries.get(key)
    if isinstance(template, tuple):
        template = template[-1]
    if template is None:
        msg = f"No message {key!r} in the {lang} catalogue (opgavelab/locale/{lang}/LC_MESSAGES/opgavelab.po)."
        raise KeyError(msg)
    return template.format(**fields) if fields else template


def nmessage(key: str, n, lang: str = "nl", **fields) -> str:
    """The plural form of ``key`` for the count ``n`` (gettext's ``ngettext``), fields filled in.

    ``{n}`` in the text is the count as Babel writes it in ``lang``.
    """
    lang = _lang(lang)
    entries, plural = _catalogue(lang)
    forms = entries.get(key)
    if forms is None:
        msg = f"No plural message {key!r} in the {lang} catalogue (opgavelab/locale/{lang}/LC_MESSAGES/opgavelab.po)."
        raise KeyError(msg)
    if not isinstance(forms, tuple):
        forms = (forms,)
    count = int(n) if not isinstance(n, float) or n.is_integer() else n
    index = min(plural(count) if isinstance(count, int) else 1, len(forms) - 1)
    fields.setdefault("n", fmt_number(count, lang, 0) if isinstance(count, int) else fmt_number(count, lang))
    return forms[index].format(**fields)


# --------------------------------------------------------------------------
# numbers and dates, by Babel
# --------------------------------------------------------------------------
def _missing(x) -> bool:
    # here, not at the top: the catalogue loads without pandas (import opgavelab stays fast)
    from ._values import is_na

    return is_na(x)


#: the decimal sign and the group separator of Dutch and British English numbers (CLDR, as Babel has them;
#: ``tests/test_i18n.py`` compares)
_SYMBOLS = {"nl": (",", "."), "en": (".", ",")}
_SEPARATORS = {lang: str.maketrans({".": d, ",": g}) for lang, (d, g) in _SYMBOLS.items()}


def _plain_number(x, lang: str, digits: int, scale: int = 0) -> str | None:
    """``x`` as Babel writes it with the pattern ``#,##0.00…`` (``digits`` decimals; ``scale`` 2 for a
    percentage, without its sign), for a plain finite int or float (numpy's too); None for anything else.

    The same steps as Babel's ``NumberPattern.apply`` (the number read from its ``str``, rounded in the
    current decimal context, the sign kept, ``-0,00`` included), without loading Babel's locale data, which
    takes a twelfth of a second the first time in each process (the explorer's first picture, each report
    worker). ``tests/test_i18n.py`` compares both on many numbers.
    """
    import decimal
    import numbers

    if isinstance(x, bool) or not (type(x) in (int, float)
                                   or (type(x).__module__ == "numpy" and isinstance(x, numbers.Real))):
        return None
    try:
        value = decimal.Decimal(str(x)).scaleb(scale)
        if not value.is_finite():
            return None
        rounded = abs(value).normalize().quantize(decimal.Decimal(1).scaleb(-digits))
    except (decimal.DecimalException, ValueError):
        return None
    text = f"{rounded:,f}"
    return ("-" if value.is_signed() else "") + text.translate(_SEPARATORS[lang])


def fmt_number(x, lang: str = "nl", digits: int = 2) -> str:
    """A number as a reader of ``lang`` writes it: ``0,12`` in Dutch, ``0.12`` in English; ``–`` when missing."""
    if _missing(x):
        return "–"
    lang = _lang(lang)
    text = _plain_number(x, lang, max(int(digits), 0))
    if text is not None:
        return text
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return format_decimal(x, format=pattern, locale=_BABEL_LOCALE[lang])


def fmt_signed(x, lang: str = "nl", digits: int = 2) -> str:
    """A number with its sign: ``+0,44``, ``−0,07`` (a true minus sign), ``0,00``."""
    if _missing(x):
        return "–"
    text = fmt_number(abs(x), lang, digits)
    if text.strip("0,.") == "":
        return text
    return ("+" if x > 0 else "−") + text


def fmt_percent(x, lang: str = "nl") -> str:
    """A share as a whole percentage: ``12%``."""
    if _missing(x):
        return "–"
    text = _plain_number(x, _lang(lang), 0, scale=2)
    if text is not None:
        return text + "%"
    from babel.numbers import format_percent

    return format_percent(x, format="#,##0%", locale=_BABEL_LOCALE[_lang(lang)])


def fmt_date(ts, lang: str = "nl", style: str = "long") -> str:
    """A date: ``31 december 2024`` / ``31 December 2024`` (long) or ``31-12-2024`` (short, dd-mm-jjjj)."""
    if ts is None:
        return "–"
    try:
        import pandas as pd

        if pd.isna(ts):
            return "–"
        ts = pd.Timestamp(ts)
    except (TypeError, ValueError):
        return str(ts)
    if style == "short":
        return ts.strftime("%d-%m-%Y")
    # Babel's "d MMMM y" with CLDR's month names (the test compares every day of a year in both languages)
    return f"{ts.day} {_MONTHS[_lang(lang)][ts.month - 1]} {ts.year}"


#: CLDR's standard list patterns and month names of nl_NL and en_GB, as Babel has them (``tests/test_i18n.py``
#: compares): lists and dates written without loading Babel's locale data (a twelfth of a second per process)
_LIST_PATTERNS = {
    "nl": {"start": "{0}, {1}", "middle": "{0}, {1}", "end": "{0} en {1}", "2": "{0} en {1}"},
    "en": {"start": "{0}, {1}", "middle": "{0}, {1}", "end": "{0} and {1}", "2": "{0} and {1}"},
}
_MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}


def fmt_list(items, lang: str = "nl") -> str:
    """``a, b en c`` / ``a, b and c``.

    When an item holds a comma itself ("Starchwell International N.V.,
    vestiging Turfmond"), the items are separated by semicolons, as the
    style guides of both languages ask, so the list cannot be misread:
    ``a, x; b en c`` / ``a, x; b and c``.
    """
    items = [str(x) for x in items]
    if not items:
        return ""
    patterns = _LIST_PATTERNS[_lang(lang)]
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return patterns["2"].format(*items)
    if any("," in x for x in items):  # the locale's own list patterns, their comma made a semicolon
        patterns = {k: v.replace(",", ";", 1) for k, v in patterns.items()}
    text = patterns["start"].format(items[0], items[1])
    for item in items[2:-1]:
        text = patterns["middle"].format(text, item)
    return patterns["end"].format(text, items[-1])


def column_label(column: str, lang: str = "nl") -> str:
    """The header a reader sees for the data column ``column`` (the column itself when unknown)."""
    entries, _ = _catalogue(_lang(lang))
    text = entries.get("column." + str(column))
    return text if isinstance(text, str) else str(column)


def label(key: str, lang: str = "nl") -> str:
    """The label for ``key`` in ``lang`` (the key itself if unknown)."""
    entries, _ = _catalogue(_lang(lang))
    text = entries.get("label." + key)
    return text if isinstance(text, str) else key


def csv_separator(lang: str = "nl") -> str:
    """The field separator a spreadsheet of ``lang``'s locale expects in a CSV file.

    Where the decimal sign is a comma (Dutch: ``0,12``), Excel writes and reads
    ``;``-separated files; elsewhere ``,``.

    Examples
    --------
    >>> csv_separator("nl"), csv_separator("en")
    (';', ',')
    """
    return ";" if _SYMBOLS[_lang(lang)][0] == "," else ","
