"""Cleaning real Dutch public data: names, mojibake, near-duplicates, public bodies.

Membership lists of Dutch public bodies (which municipality takes part in which
*gemeenschappelijke regeling*, which water board in which tax office) arrive
messy: double-encoded UTF-8 (``FryslÃ¢n``), stray spaces and commas, the same
body spelled in several ways (``Overrijssel``/``Overijssel``,
``Sint-Oedenrode``/``Sint Oedenrode``), and participants named without their
tier (``Groningen`` is the municipality, ``Provincie Groningen`` the province).
This module holds the cleaning steps as small public functions, each usable on
its own and each used by :func:`opgavelab.membership.from_membership`:

- :func:`fix_mojibake`: repair double-encoded UTF-8 with ``ftfy``;
- :func:`normalise_name` / :func:`normalise_names`: spaces, quotes, dashes,
  trailing punctuation, the Dutch ``IJ``, and spellings that differ only in
  letter case;
- :func:`name_key` and :func:`near_duplicates`: names that are probably the
  same body, to be *confirmed by the user*, never merged silently;
- :func:`classify_public_body` / :func:`classify_public_bodies`: actor type,
  scale level, kind and tier (*bestuurslaag*) from the name, by the rules of
  :func:`public_body_rules`;
- :func:`classify_arrangement`: the policy field of an arrangement (waste,
  safety, health, ...) by the keyword rules of :func:`arrangement_rules`;
- :func:`canonical_province`, :func:`read_regioatlas`, :func:`match_names`,
  :func:`find_opengr`: reference data for the Open State Foundation's
  gemeenschappelijke-regelingen data.

**The bare-name rule.** A participant whose name carries no organisational
word (no *provincie*, *waterschap*, *stichting*, *BV*, ...) is taken to be a
municipality: in Dutch membership lists municipalities are written by their
place name only (``Groningen``, ``Súdwest-Fryslân``). Such names are reported
as *assumed*; pass the official list of municipalities (for instance from the
regioatlas, :func:`read_regioatlas`) to confirm them and to list the ones that
are not municipalities (former municipalities, typing errors, regions).
"""

from __future__ import annotations

__all__ = [
    "fix_mojibake",
    "has_mojibake",
    "normalise_name",
    "normalise_names",
    "name_key",
    "near_duplicates",
    "classify_public_body",
    "classify_public_bodies",
    "public_body_rules",
    "classify_arrangement",
    "arrangement_rules",
    "PROVINCES",
    "canonical_province",
    "read_regioatlas",
    "match_names",
    "find_opengr",
    "opengr_source",
    "OPENGR_URL",
]

import difflib
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ._checks import _check_lang, _check_str
from ._i18n import message
from ._values import map_unique
from ._docs import raises

# --------------------------------------------------------------------------
# mojibake
# --------------------------------------------------------------------------

# Byte pairs that UTF-8 text shows when it was decoded as Windows-1252/Latin-1:
# "Ã" + a second byte for é, ë, ö, â, ..., "Â" for no-break space and "â€" for
# curly quotes and dashes.
_MOJIBAKE = re.compile(
    r"Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
    r"|Â[\u00a0-\u00bf]|â€"
)


def has_mojibake(text) -> bool:
    """True when ``text`` shows the typical traces of double-encoded UTF-8.

    Parameters
    ----------
    text : object
        A name or other cell value; anything but a str has none.

    Returns
    -------
    bool

    Examples
    --------
    >>> has_mojibake("Provincie FryslÃ¢n"), has_mojibake("Provincie Fryslân")
    (True, False)
    """
    return isinstance(text, str) and bool(_MOJIBAKE.search(text))


def _fix_one(text):
    if not isinstance(text, str):
        return text
    import ftfy

    # ftfy.fix_encoding only undoes encoding mix-ups; it leaves quotes, widths
    # and line breaks alone (those are normalise_name's business).
    return ftfy.fix_encoding(text)


def fix_mojibake(values) -> pd.Series:
    """Repair double-encoded UTF-8 (mojibake) with ``ftfy``.

    Text that was saved as UTF-8 and read back as Windows-1252 shows ``Ã¢``
    for ``â`` and ``â€™`` for ``’``. ``ftfy`` (Speer 2019) recognises these
    sequences and reverses the wrong decoding only where that gives sensible
    text, so correct names (``Fryslân``, ``Café``) stay as they are.

    Parameters
    ----------
    values : pandas.Series, iterable or str
        Names; values that are not text (``None``, ``NaN``) are kept.

    Returns
    -------
    pandas.Series
        The repaired values, same index (a Series of one value for a str).

    Examples
    --------
    >>> import pandas as pd
    >>> fix_mojibake(pd.Series(["Provincie FryslÃ¢n", "GroÃŸefehn", "Sneek", None])).tolist()
    ['Provincie Fryslân', 'Großefehn', 'Sneek', None]

    References
    ----------
    Speer, R. (2019). ftfy (version 6). Zenodo. https://doi.org/10.5281/zenodo.2591652
    """
    series = _as_series(values, "values")
    return map_unique(series, _fix_one, strings_only=True)


# --------------------------------------------------------------------------
# names
# --------------------------------------------------------------------------

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u00b4": "'", "`": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
                         "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
                         "\u2212": "-", "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\t": " "})
_SPACES = re.compile(r"\s+")
_EDGE_PUNCT = re.compile(r"^[\s,;:/|]+|[\s,;:/|]+$")
# The Dutch digraph IJ is capitalised as a whole: "IJssel", not "Ijssel".
_IJ = re.compile(r"\bIj(?=[a-zà-ÿ])")
_PAREN_SPACES = re.compile(r"\(\s+|\s+\)")


def normalise_name(name):
    """Tidy one name: spaces, quotes, dashes, edge punctuation and the Dutch IJ.

    Unicode is composed (NFC); curly quotes become ``'``, dashes ``-``;
    runs of white space become one space; commas, semicolons and colons at the
    start or end go; ``Ij`` at the start of a word becomes ``IJ``
    (``Capelle aan den Ijssel`` → ``Capelle aan den IJssel``). Letter case is
    otherwise kept: see :func:`normalise_names` for names that differ only in
    case.

    Parameters
    ----------
    name : str
        A name; anything else (``None``, ``NaN``) is returned unchanged.

    Returns
    -------
    str

    Examples
    --------
    >>> normalise_name("  Capelle aan den Ijssel ")
    'Capelle aan den IJssel'
    >>> normalise_name("Overbetuwe,")
    'Overbetuwe'
    >>> normalise_name("Waterschap \u2019t  Suydevelt")
    "Waterschap 't Suydevelt"
    """
    if not isinstance(name, str):
        return name
    text = unicodedata.normalize("NFC", name).translate(_QUOTES)
    text = _SPACES.sub(" ", text)
    text = _EDGE_PUNCT.sub("", text)
    text = _PAREN_SPACES.sub(lambda m: m.group(0).strip(), text)
    text = _IJ.sub("IJ", text)
    return text.strip()


_ODD_CAPITAL = re.compile(r"(?<=[a-zà-ÿ])[A-ZÀ-Þ]")


def _odd_capitals(name: str) -> int:
    """Capitals right after a lower-case letter ("EnkHuizen"), IJ excepted."""
    return len(_ODD_CAPITAL.findall(name.replace("IJ", "ij")))


def normalise_names(values) -> pd.Series:
    """:func:`normalise_name` on every value, then one spelling per letter case.

    Names that are equal apart from letter case (``EnkHuizen``/``Enkhuizen``,
    ``Het Bildt``/``het Bildt``) are the same name written twice; they get one
    spelling: the one without capitals inside a word, then the most frequent,
    then the first seen.

    Parameters
    ----------
    values : pandas.Series or iterable

    Returns
    -------
    pandas.Series
        Same index as ``values``.

    Examples
    --------
    >>> import pandas as pd
    >>> normalise_names(pd.Series(["EnkHuizen", "EnkHuizen ", "Enkhuizen", "Dronten "])).tolist()
    ['Enkhuizen', 'Enkhuizen', 'Enkhuizen', 'Dronten']
    """
    series = map_unique(_as_series(values, "values"), normalise_name, strings_only=True)
    texts = series[series.map(lambda v: isinstance(v, str))]
    if texts.empty:
        return series
    counts = texts.value_counts(sort=False)
    first_seen = {v: i for i, v in enumerate(pd.unique(texts))}
    groups: dict[str, list[str]] = {}
    for value in counts.index:
        groups.setdefault(value.casefold(), []).append(value)
    mapping = {}
    for spellings in groups.values():
        if len(spellings) < 2:
            continue
        best = min(spellings, key=lambda s: (_odd_capitals(s), -counts[s], first_seen[s]))
        mapping.update({s: best for s in spellings if s != best})
    if mapping:
        series = series.map(lambda v: mapping.get(v, v) if isinstance(v, str) else v)
    return series


# A parenthesised abbreviation "(OLCT)", "(GGD NOG)" or a status remark
# "(in liquidatie)", "(voorheen ...)", "(opgeheven)" does not tell bodies apart;
# a province code "(L.)", "(NH)", "(O)" or a country "(Duitsland)" does and stays.
_KEY_PARENS = re.compile(
    r"\((?!(?:NH|ZH|NB|GLD|GR|FR|FRL|DR|OV|FL|UT|ZL|LB|LI|NL|L|O|U|Z)\.?\))"
    r"(?:[A-Z0-9&+/ \-]*[A-Z]{2}[A-Z0-9&+/ \-]*|(?:in liquidatie|opgeheven|voorheen|in \d{4}|onstaan|ontstaan)[^)]*)\)",
)
_KEY_PUNCT = re.compile(r"[^\w\s]")


def name_key(name) -> str:
    """Comparison key of a name: what two spellings of one body share.

    Normalised (:func:`normalise_name`), parenthesised abbreviations and status
    remarks dropped (``(OLCT)``, ``(in liquidatie)``), accents removed,
    lower-cased, ``&`` read as ``en``, hyphens and other punctuation as spaces.

    Parameters
    ----------
    name : object
        A name as written in the source data.

    Returns
    -------
    str
        The key; ``""`` for anything that is not a str (a missing value).

    Examples
    --------
    >>> name_key("Sint-Oedenrode") == name_key("Sint Oedenrode")
    True
    >>> name_key("Openbaar Lichaam Crematoria Twente (OLCT)")
    'openbaar lichaam crematoria twente'
    >>> name_key("Bergen (NH.)")
    'bergen nh'
    """
    if not isinstance(name, str):
        return ""
    return _name_key(name)


@lru_cache(maxsize=65536)
def _name_key(name: str) -> str:
    text = normalise_name(name)
    text = _KEY_PARENS.sub(" ", text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("ß", "ss").casefold().replace("&", " en ").replace("'", "")
    text = _KEY_PUNCT.sub(" ", text).replace("_", " ")
    return _SPACES.sub(" ", text).strip()


def _similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    best = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    sa, sb = " ".join(sorted(a.split())), " ".join(sorted(b.split()))
    if sa == sb:
        return 1.0
    if sa != a or sb != b:
        best = max(best, difflib.SequenceMatcher(None, sa, sb, autojunk=False).ratio())
    return best


def _similar_pairs(keys: list[str], threshold: float):
    """Index pairs ``(i, j, similarity)`` of keys at least ``threshold`` similar.

    difflib's ratio is bounded by the overlap of the two character multisets,
    ``2·Σ min(count_a, count_b) / (len(a) + len(b))`` (its ``quick_ratio``),
    which does not change when words are reordered; that bound is computed
    for all pairs at once with numpy, and only the pairs that pass it are
    compared exactly.
    """
    import numpy as np

    n = len(keys)
    if n < 2:
        return
    alphabet = {ch: k for k, ch in enumerate(sorted(set("".join(keys))))}
    counts = np.zeros((n, max(len(alphabet), 1)), dtype=np.int32)
    for i, key in enumerate(keys):
        for ch, c in Counter(key).items():
            counts[i, alphabet[ch]] = c
    lengths = counts.sum(axis=1)
    for i in range(n - 1):
        overlap = np.minimum(counts[i], counts[i + 1:]).sum(axis=1)
        total = lengths[i] + lengths[i + 1:]
        with np.errstate(invalid="ignore", divide="ignore"):
            bound = np.where(total > 0, 2 * overlap / np.maximum(total, 1), 0.0)
        for off in np.flatnonzero(bound >= threshold):
            j = i + 1 + int(off)
            sim = _similarity(keys[i], keys[j])
            if sim >= threshold:
                yield i, j, sim


def near_duplicates(names, threshold: float = 0.9, *, known=None) -> pd.DataFrame:
    """Pairs of names that are probably the same body, for the user to confirm.

    Two names are compared by their :func:`name_key`: the similarity is
    difflib's ratio ``2·M / (len(a) + len(b))`` (``M`` matching characters) on
    the keys and on their words in sorted order, whichever is higher; equal
    keys (``Sint-Oedenrode``/``Sint Oedenrode``) score 1. Nothing is merged:
    pass the pairs you confirm as ``aliases`` to
    :func:`opgavelab.membership.from_membership` (see
    :meth:`~opgavelab.membership.MembershipReport.aliases`).

    Parameters
    ----------
    names : iterable of str
        Names, repeats allowed: how often each occurs decides which spelling
        is suggested to keep.
    threshold : float, default 0.9
        Smallest similarity (0 < threshold <= 1) reported. 0.9 catches one
        wrong or missing letter in a name of ten or more letters
        (``Overrijssel``/``Overijssel``: 0.95); short names that differ by a
        letter (``Haren``/``Haaren``: 0.91) are real places as often as typos,
        which is why the user decides.
    known : iterable of str, optional
        Official names, such as the list of municipalities: a pair of two
        known names (``Haren``/``Haaren``) is never reported, and in a pair
        the known spelling (exactly, else by key) is the one to keep.

    Returns
    -------
    pandas.DataFrame
        One row per pair, most similar first: ``name`` (the less frequent
        spelling), ``candidate`` (the spelling suggested to keep: a known
        name, else the more frequent, then the first in alphabetical order),
        ``similarity``,
        ``n_name`` and ``n_candidate`` (occurrences).

    Raises
    ------
    ValueError
        If ``threshold`` is not a number in (0, 1].

    Examples
    --------
    >>> near_duplicates(["Provincie Overijssel"] * 3 + ["Provincie Overrijssel", "Provincie Utrecht"])
                        name             candidate  similarity  n_name  n_candidate
    0  Provincie Overrijssel  Provincie Overijssel       0.976       1            3
    """
    _check_threshold(threshold)
    values = [v for v in _as_series(names, "names").tolist() if isinstance(v, str) and v.strip()]
    counts = Counter(values)
    known_names = {d for d in _as_series(known, "known") if isinstance(d, str)} if known is not None else set()
    known_keys = {name_key(d) for d in known_names}
    unique = list(counts)
    keys = [name_key(u) for u in unique]
    rows = []
    for i, j, sim in _similar_pairs(keys, threshold):
        a, b = keys[i], keys[j]
        if a in known_keys and b in known_keys and a != b:
            continue
        x, y = unique[i], unique[j]
        keep, drop = sorted((x, y), key=lambda s: (s not in known_names, name_key(s) not in known_keys,
                                                   -counts[s], s))
        rows.append({"name": drop, "candidate": keep, "similarity": round(sim, 3),
                     "n_name": counts[drop], "n_candidate": counts[keep]})
    frame = pd.DataFrame(rows, columns=["name", "candidate", "similarity", "n_name", "n_candidate"])
    if len(frame):
        frame = frame.sort_values(["similarity", "name"], ascending=[False, True], kind="stable")
    return frame.reset_index(drop=True).astype({"similarity": float, "n_name": "int64", "n_candidate": "int64"})


# --------------------------------------------------------------------------
# public bodies
# --------------------------------------------------------------------------

#: Keyword rules for participants, first match wins: kind, tier (bestuurslaag),
#: actor type, scale level, regular expression on the accent-free lower-case
#: name, and an example. Names that match none are bare place names: see the
#: module docstring.
_BODY_RULES: list[tuple[str, str, str, str | None, str, str]] = [
    ("kamer van koophandel", "overig", "bedrijf", "nationaal",
     r"\bkamer van koophandel\b", "Kamer van Koophandel"),
    ("Industrie- und Handelskammer", "buitenland", "bedrijf", "regionaal",
     r"handelskammer\b", "Oldenburgische Industrie- und Handelskammer (Duitsland)"),
    ("Kreis", "buitenland", "overheid", "regionaal",
     r"^(land)?kreis\b|\bkreis\b.*\((duitsland|deutschland)\)$", "Landkreis Leer (Duitsland)"),
    ("bedrijf", "overig", "bedrijf", None,
     r"\b(b\.?v|n\.?v|bv|nv|gmbh|holding)\.?$|\b(b\.v\.|n\.v\.)", "Sita Gemeentelijke Dienstverlening BV"),
    ("stichting", "overig", "maatschappelijke organisatie", None,
     r"^stichting\b|\bvereniging\b", "Stichting ISOB"),
    ("kennisinstelling", "overig", "kennisinstelling", None,
     r"\buniversiteit\b|\bhogeschool\b|\buniversity\b", "Universiteit Twente"),
    ("ministerie", "Rijk", "overheid", "nationaal",
     r"^ministerie\b", "Ministerie van Onderwijs, Cultuur en Wetenschap"),
    ("Rijk", "Rijk", "overheid", "nationaal",
     r"^(het )?rijk$|^staat der nederlanden$|^rijksoverheid$", "Rijk"),
    ("rijksdienst", "Rijk", "overheid", "nationaal",
     r"^rijks\w+|^rijkswaterstaat\b", "Rijksarchief Gelderland"),
    ("provincie", "provincie", "overheid", "provinciaal",
     r"^provincie\b", "Provincie Fryslân"),
    ("waterschap", "waterschap", "overheid", "regionaal",
     r"\b(waterschap|hoogh\w*raadschap|wetterskip|waterschapsbedrijf)\b", "Wetterskip Fryslân"),
    ("veiligheidsregio", "gemeenschappelijke regeling", "overheid", "regionaal",
     r"\bveiligheidsregio\b", "Veiligheidsregio Amsterdam"),
    ("GGD", "gemeenschappelijke regeling", "overheid", "regionaal",
     r"\bggd\b|gezondheidsdienst\b", "GGD Drenthe"),
    ("omgevingsdienst", "gemeenschappelijke regeling", "overheid", "regionaal",
     r"\bomgevingsdienst\b|\buitvoeringsdienst\b|\brud\b|\bmilieudienst\b", "Omgevingsdienst Groningen"),
    ("regio", "gemeenschappelijke regeling", "overheid", "regionaal",
     r"^(stads|metropool)?regio\b|\bstadsgewest\b|\bplusregio\b", "Stadsregio Amsterdam"),
    ("openbaar lichaam (schap)", "gemeenschappelijke regeling", "overheid", "regionaal",
     r"\b\w*(recreatieschap|plassenschap|meerschap|parkschap|bedrijvenschap|havenschap|wegschap|schadeschap|afvalschap)\b",
     "Recreatieschap Stichtse Groenlanden"),
    ("regionale dienst", "gemeenschappelijke regeling", "overheid", "regionaal",
     r"^dienst\b|\w*dienst\b|\bopenbaar lichaam\b", "Regionale Afvalstoffendienst Hoeksche Waard"),
    ("gemeente", "gemeente", "overheid", "lokaal",
     r"^gemeente\b", "Gemeente Utrecht"),
    ("Gemeinde", "buitenland", "overheid", "lokaal",
     r"^(stadt|gemeinde|samtgemeinde)\b|\((duitsland|deutschland)\)$", "Alpen (Duitsland)"),
    ("gemeente (België)", "buitenland", "overheid", "lokaal",
     r"\((belgie|belgium|belgique)\)$", "Baarle-Hertog (België)"),
]

#: The bare-name rule, used when no keyword rule matches.
_BARE = ("gemeente", "gemeente", "overheid", "lokaal")

#: the columns of :func:`public_body_rules`, shown as ``public_bodies.column.<column>``
_RULE_COLUMNS = ("kind", "tier", "actor_type", "scale", "pattern", "example")


@lru_cache(maxsize=1)
def _compiled_body_rules():
    return [(kind, tier, typ, scale, re.compile(pattern)) for kind, tier, typ, scale, pattern, _ in _BODY_RULES]


def _fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", normalise_name(name))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


@raises("lang")
def public_body_rules(lang: str = "nl") -> pd.DataFrame:
    """The keyword rules of :func:`classify_public_body`, as a table.

    The first rule whose pattern (a regular expression on the accent-free,
    lower-case name) matches decides. A name that matches no rule is a bare
    place name and counts as a municipality (the last row).

    Parameters
    ----------
    lang : {"nl", "en"}
        Language of the column names.

    Returns
    -------
    pandas.DataFrame
        Columns kind, tier, actor type, scale level, pattern, example.

    Examples
    --------
    >>> public_body_rules().iloc[-1]["soort"]
    'gemeente'
    """
    _check_lang(lang)
    rows = [dict(zip(_RULE_COLUMNS, rule)) for rule in _BODY_RULES]
    rows.append(dict(zip(_RULE_COLUMNS, (*_BARE, message("public_bodies.bare_rule", lang), "Groningen"))))
    return pd.DataFrame(rows).rename(columns={k: message("public_bodies.column." + k, lang) for k in _RULE_COLUMNS})


def _classify(name: str) -> tuple[str, str, str, str | None, bool]:
    folded = _fold(name)
    for kind, tier, typ, scale, pattern in _compiled_body_rules():
        if pattern.search(folded):
            return kind, tier, typ, scale, True
    kind, tier, typ, scale = _BARE
    return kind, tier, typ, scale, False


@raises("name_str")
def classify_public_body(name: str) -> tuple[str, str | None, str]:
    """Actor type, scale level and kind of a Dutch public body, from its name.

    Parameters
    ----------
    name : str
        The body's name as written in the data.

    Returns
    -------
    tuple of (str, str or None, str)
        ``(actor_type, scale, kind)``: for example ``("overheid", "lokaal",
        "gemeente")``. The rules are in :func:`public_body_rules`; a bare place
        name is a municipality.

    Examples
    --------
    >>> classify_public_body("Provincie Fryslân")
    ('overheid', 'provinciaal', 'provincie')
    >>> classify_public_body("Hoogheemraadschap van Rijnland")
    ('overheid', 'regionaal', 'waterschap')
    >>> classify_public_body("Landkreis Leer (Duitsland)")
    ('overheid', 'regionaal', 'Kreis')
    >>> classify_public_body("Groningen")
    ('overheid', 'lokaal', 'gemeente')
    """
    _check_str("name", name)
    kind, _, typ, scale, _ = _classify(name)
    return typ, scale, kind


def classify_public_bodies(names, municipalities=None) -> pd.DataFrame:
    """Classify many names at once, saying on what basis each was classified.

    Parameters
    ----------
    names : iterable of str
        Participant names (repeats are classified once).
    municipalities : iterable of str, optional
        The official municipality names (e.g. the ``Gemeente`` column of a
        regioatlas file). Bare names found there (by :func:`name_key`, and
        ``Hengelo`` finds ``Hengelo (O)``) are confirmed municipalities.

    Returns
    -------
    pandas.DataFrame
        Indexed by name (``name``), columns ``type``, ``scale``, ``kind``,
        ``tier`` and ``basis``: ``"keyword"`` (a keyword rule matched),
        ``"municipality list"`` (a bare name found in ``municipalities``) or
        ``"bare name"`` (assumed a municipality, not verified), and
        ``recognised`` (False only for the last).

    Examples
    --------
    >>> classify_public_bodies(["Provincie Utrecht", "Zeist", "Zaanstreek"],  # doctest: +NORMALIZE_WHITESPACE
    ...                        municipalities=["Zeist", "Utrecht"])[["kind", "basis"]]
                            kind              basis
    name
    Provincie Utrecht  provincie            keyword
    Zeist               gemeente  municipality list
    Zaanstreek          gemeente          bare name
    """
    series = _as_series(names, "names")
    unique = [v for v in pd.unique(series.to_numpy(dtype=object)) if isinstance(v, str)]
    matched = match_names(unique, municipalities) if municipalities is not None else None
    rows = []
    for name in unique:
        kind, tier, typ, scale, keyword = _classify(name)
        if keyword:
            basis = "keyword"
        elif matched is not None and isinstance(matched.get(name), str):
            basis = "municipality list"
        else:
            basis = "bare name"
        rows.append({"name": name, "type": typ, "scale": scale, "kind": kind, "tier": tier, "basis": basis,
                     "recognised": basis != "bare name"})
    columns = ["name", "type", "scale", "kind", "tier", "basis", "recognised"]
    return pd.DataFrame(rows, columns=columns).set_index("name").astype({"recognised": bool})


# --------------------------------------------------------------------------
# arrangements
# --------------------------------------------------------------------------

#: Keyword rules for arrangements, first match wins: category, BBV main task
#: field (taakveld) it belongs to, English label, pattern (accent-free lower case).
#: (category, BBV main task field, pattern); a category is shown as ``public_bodies.category.<category>``
_ARRANGEMENT_RULES: list[tuple[str, str, str]] = [
    ("veiligheid", "1",
     r"veiligheidsregio|veiligheids- en gezondheidsregio|brandweer|crisisbeheersing|"
     r"geneeskundige hulpverlening|veiligheidshuis"),
    ("gezondheid", "7",
     r"\bggd\b|gezondheid|ambulance|\brdog\b|crematori"),
    ("jeugd", "6",
     r"jeugd"),
    ("belastingen", "0",
     r"belasting|heffing|waardebepaling|cocensus|munitax|loco[cs]ensus|\bgblt\b|tribuut|hefpunt|\bsvhw\b|sabewa"),
    ("water", "2",
     r"afvalwater|riool|waterschap(?!shuis)|hoogheemraad|muskusrat|slibverwerking|aquon|aqualysis|grondwater|"
     r"waterzuivering|gemaal|sanering buitengebied"),
    ("afval", "7",
     r"afval|vuil|reinig|reigings|stortplaats|milieupark|milieustation|\bavri\b|\brd4\b|avalex|\bblink\b|reinunie|"
     r"gevulei|gevudo|\bsanog\b|\bsozog\b|\bolaz\b|\bcure\b|\brmn\b"),
    ("milieu en omgevingsdienst", "7",
     r"omgevingsdienst|uitvoeringsdienst|\brud\b|milieu|\bdcmr\b|\bfumo\b|utfieringstsjinst"),
    ("werk en inkomen", "6",
     r"werkvoorzien|werkvoorziening|sociale werk|\bwerk\b|werkt\b|werkbedrijf|werkleerbedrijf|werkgelegenheid|"
     r"inkomen|sociale dienst|sociale zaken|sociale recherche|krediet|stadsbank|participatie|arbeid|"
     r"promen|diamant-groep|baanbrekers|halte werk|\bisd\b|\bwsd\b|\bwvs\b|\bsoweco\b|\bwedeo\b|\bdethon\b|"
     r"\bsynergon\b|\bpermar\b|\bdrechtwerk\b|\bfelua|\bhameland\b|\borionis\b|\bwestrom\b|\bwerkzaak\b|"
     r"\bmeerinzicht\b|\bkompas\b|stroomopwaarts|\bplusteam\b|\bsallcon\b|\bswb\b|s\.w\.b\.|\bswo\b|\bswa\b|"
     r"\bishw\b|vixia|pentasz|werksaam|welplaat|top-craft|bijzonder onderzoek"),
    ("sociaal domein", "6",
     r"sociaal domein|welzijn|\bzorg\b|collectief vervoer|kleinschalig collectief|^peel 6\.1$"),
    ("onderwijs", "4",
     r"onderwijs|school|leerplicht|leerling|\brmc\b|educatie|\bklasse\b|\bspoor\b|logopedisch"),
    ("cultuur en erfgoed", "5",
     r"archief|archivariaat|historisch|erfgoed|archeologie|muziek|kunst|cultu|bibliotheek|museum|tresoar"),
    ("recreatie en natuur", "5",
     r"recrea|recreactie|plassenschap|meerschap|natuur|nationaal park|\bpark\b|groen|marrekrite|gastvrije|sportpark"),
    ("economie", "3",
     r"bedrijvenpark|bedrijvenschap|bedrijfschap|industrieschap|havenschap|seaports|gebiedsontwikkeling|"
     r"glastuinbouw|tuinbouw|grondbank|toerisme|greenpark|economi|bleizo|bijsterhuizen|heesch west|meerstad|"
     r"reijerwaard|oosterwold|waddenfonds|bedrijfsterrein|\bgasdistributie\b|oude rijn zone"),
    ("verkeer en vervoer", "2",
     r"vervoer|bereikbaarheid|wegschap|parkeer|nautisch|verlichting|luchthaven"),
    ("ruimte en wonen", "8",
     r"wonen|welstand|monumenten|ruimtelijk|\br\.o\.|harnaschpolder|groenzone|hus en hiem"),
    ("bedrijfsvoering en ICT", "0",
     r"\bict\b|automatisering|bedrijfsvoering|servicebureau|servicepunt|\bssc\b|shared service|inkoop|"
     r"werkorganisatie|werkmaatschappij|ambtelijke|organisatie|waterschapshuis|syntrophos|\bdeal\b|"
     r"technisch bureau|\bduo\+|bestuursdienst|\bbel combinatie\b|samenwerking de bevelanden|uitvoeringsorganisatie|"
     r"dommelvallei|garantievoorziening|bestuursacademie"),
    ("bestuur en regionale samenwerking", "0",
     r"regio\b|\bregio |stadsregio|stadsgewest|metropool|samenwerkingsorgaan|samenwerkingsverband|euregio|eems dollard|"
     r"holland-rijnland|holland rijnland|drechtsteden|rekenkamer|ombudsman|klachtenregeling|streekraad|"
     r"basisregeling|overleg|gemeenschappelijk orgaan|samenwerking|kaderregeling|gemeenten$|-gemeenten|"
     r"^alblasserwaard vijfheerenlanden$|modulaire gemeenschappelijke regeling"),
]

_OTHER = ("overig", None)


@lru_cache(maxsize=1)
def _compiled_arrangement_rules():
    return [(cat, code, re.compile(p)) for cat, code, p in _ARRANGEMENT_RULES]


@raises("lang")
def arrangement_rules(lang: str = "nl") -> pd.DataFrame:
    """The keyword rules of :func:`classify_arrangement`, as a table.

    Parameters
    ----------
    lang : {"nl", "en"}, default "nl"
        Language of the column names and the categories.

    Returns
    -------
    pandas.DataFrame
        Columns category (in ``lang``), BBV main task field (``taakveld``, the
        domain the category becomes in a Case) and pattern, in the order they
        are tried; the last row is the fallback ``overig`` / ``other``.

    Examples
    --------
    >>> arrangement_rules()["categorie"].iloc[0]
    'veiligheid'
    """
    _check_lang(lang)
    rows = [(cat, code, p) for cat, code, p in _ARRANGEMENT_RULES]
    rows.append((*_OTHER, message("public_bodies.no_keyword", lang)))
    frame = pd.DataFrame(rows, columns=["category", "taakveld", "pattern"])
    frame["category"] = frame["category"].map(lambda c: message("public_bodies.category." + c, lang))
    return frame.rename(columns={c: message("public_bodies.column." + c, lang) for c in frame.columns})


@raises("name_str")
def classify_arrangement(name: str) -> str:
    """The policy field of an arrangement (gemeenschappelijke regeling) from its name.

    Keyword rules, first match wins (see :func:`arrangement_rules`): an
    arrangement named after a safety region is ``veiligheid`` even when it
    also does health (``Veiligheids- en Gezondheidsregio``); waste water is
    ``water``, not ``afval``. Names with no keyword (``Syntrophos``?
    bedrijfsvoering; ``Cocensus``: belastingen; but an unknown brand name) get
    ``overig``.

    Parameters
    ----------
    name : str

    Returns
    -------
    str
        One of the Dutch category names of :func:`arrangement_rules`.

    Examples
    --------
    >>> classify_arrangement("Veiligheidsregio Groningen")
    'veiligheid'
    >>> classify_arrangement("Afvalwater Vught")
    'water'
    >>> classify_arrangement("Werkvoorzieningschap Tomingroep")
    'werk en inkomen'
    >>> classify_arrangement("Sportpark Souburgh")
    'recreatie en natuur'
    """
    _check_str("name", name)
    return _arrangement(name)[0]


def _arrangement(name: str) -> tuple[str, str | None]:
    folded = _fold(name)
    for cat, code, pattern in _compiled_arrangement_rules():
        if pattern.search(folded):
            return cat, code
    return _OTHER


def _category_domain(category: str) -> str | None:
    for cat, code, _ in _ARRANGEMENT_RULES:
        if cat == category:
            return code
    return None


# --------------------------------------------------------------------------
# provinces and reference lists
# --------------------------------------------------------------------------

#: The twelve provinces by their official names (Fryslân since 1997).
PROVINCES: tuple[str, ...] = ("Groningen", "Fryslân", "Drenthe", "Overijssel", "Flevoland", "Gelderland",
                              "Utrecht", "Noord-Holland", "Zuid-Holland", "Zeeland", "Noord-Brabant", "Limburg")
_PROVINCE_ALIASES = {"friesland": "Fryslân", "limburg nl": "Limburg", "limburg nederland": "Limburg"}


def canonical_province(text) -> str | None:
    """The official name of the Dutch province meant by ``text``, or None.

    Accepts ``Provincie FryslÃ¢n``-like variants after cleaning:
    ``Provincie Noord Brabant``, ``Friesland``, ``Limburg (NL)``. Spelling
    errors (``Overrijssel``) are *not* guessed: confirm them as aliases first.

    Parameters
    ----------
    text : object
        A province name as written in the source data (mojibake is repaired
        first); anything but a str gives None.

    Returns
    -------
    str or None
        One of :data:`PROVINCES`, or None when ``text`` names no Dutch province.

    Examples
    --------
    >>> canonical_province("Provincie Noord Brabant"), canonical_province("Friesland")
    ('Noord-Brabant', 'Fryslân')
    >>> canonical_province("Noordrijn-Westfalen (Duitsland)") is None
    True
    """
    if not isinstance(text, str):
        return None
    key = name_key(fix_mojibake(text).iat[0])
    if key.startswith("provincie "):
        key = key[len("provincie "):]
    lookup = {name_key(p): p for p in PROVINCES}
    lookup.update(_PROVINCE_ALIASES)
    return lookup.get(key)


def match_names(names, reference) -> pd.Series:
    """Find each name in a reference list by :func:`name_key`.

    A name matches the reference name with the same key; failing that, the
    only reference name whose key without its parenthesised part, or before
    its first comma, equals it (``Hengelo`` → ``Hengelo (O)``, ``Nuenen`` →
    ``Nuenen, Gerwen en Nederwetten``; ``Bergen`` stays unmatched because
    ``Bergen (L)`` and ``Bergen (NH)`` both qualify).

    Parameters
    ----------
    names : iterable of str
    reference : iterable of str

    Returns
    -------
    pandas.Series
        Indexed by the unique names, the matched reference name or None.

    Examples
    --------
    >>> match_names(["Súdwest-Fryslân", "Hengelo", "Bergen", "Sneek"],
    ...             ["Súdwest Fryslân", "Hengelo (O)", "Bergen (L)", "Bergen (NH)"]).tolist()
    ['Súdwest Fryslân', 'Hengelo (O)', None, None]
    """
    ref = [r for r in pd.unique(_as_series(reference, "reference").to_numpy(dtype=object)) if isinstance(r, str)]
    exact: dict[str, str] = {}
    loose: dict[str, list[str]] = {}
    for r in ref:
        exact.setdefault(name_key(r), r)
        for short in {name_key(re.sub(r"\([^)]*\)", " ", r)), name_key(r.split(",")[0])}:
            loose.setdefault(short, []).append(r)
    out = {}
    for name in pd.unique(_as_series(names, "names").to_numpy(dtype=object)):
        if not isinstance(name, str):
            continue
        key = name_key(name)
        hit = exact.get(key)
        if hit is None and len(loose.get(key, [])) == 1:
            hit = loose[key][0]
        out[name] = hit
    return pd.Series(out, dtype=object, name="match").rename_axis("name")


def read_regioatlas(folder) -> pd.DataFrame:
    """The regioatlas tables: for each municipality, its regions.

    Reads every ``regioatlas_*.csv`` in ``folder`` (the layout of the shared
    data folder) or every CSV under ``folder/regioatlas/`` (the layout of the
    Open State Foundation's repository): ``;``-separated, UTF-8 with BOM,
    columns ``Gemeente``, ``CBS``, the region and its population.

    Parameters
    ----------
    folder : str or Path

    Returns
    -------
    pandas.DataFrame
        Indexed by municipality name (``Gemeente``), a column ``cbs`` (the CBS
        municipality code) and one column per file, named after it
        (``provincies``, ``veiligheidsregios``, ``ggds``, ...).

    Raises
    ------
    FileNotFoundError
        If the folder holds no regioatlas file.

    Examples
    --------
    >>> import shutil, tempfile
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "regioatlas_provincies.csv").write_text(
    ...     "Gemeente;CBS;Provincie;Inwoners\\nGroningen;GM0014;Groningen;238000\\nAssen;GM0106;Drenthe;69000\\n",
    ...     encoding="utf-8-sig")
    >>> _ = (folder / "regioatlas_ggds.csv").write_text(
    ...     "Gemeente;CBS;GGD;Inwoners\\nGroningen;GM0014;GGD Groningen;238000\\nAssen;GM0106;GGD Drenthe;69000\\n",
    ...     encoding="utf-8-sig")
    >>> read_regioatlas(folder)  # doctest: +NORMALIZE_WHITESPACE
                  cbs           ggds provincies
    gemeente
    Assen      GM0106    GGD Drenthe    Drenthe
    Groningen  GM0014  GGD Groningen  Groningen
    >>> shutil.rmtree(folder)
    """
    folder = Path(folder)
    files = sorted(folder.glob("regioatlas_*.csv")) or sorted((folder / "regioatlas").rglob("*.csv"))
    if not files:
        msg = (f"No regioatlas files (regioatlas_*.csv or regioatlas/**/*.csv) in {folder}. "
               f"Get them from {OPENGR_URL}.")
        raise FileNotFoundError(msg)
    frame = None
    for path in files:
        table = pd.read_csv(path, sep=";", encoding="utf-8-sig", dtype=str)
        table.columns = [c.strip() for c in table.columns]
        if "Gemeente" not in table.columns or table.shape[1] < 3:
            continue
        name = path.stem.removeprefix("regioatlas_")
        part = table.drop_duplicates("Gemeente").set_index("Gemeente")
        region_col = [c for c in part.columns if c != "CBS"][0]
        piece = pd.DataFrame({"cbs": part["CBS"] if "CBS" in part else None, name: part[region_col]})
        if frame is None:
            frame = piece
        else:
            cbs = frame["cbs"].combine_first(piece["cbs"])
            frame = frame.drop(columns="cbs").join(piece.drop(columns="cbs"), how="outer")
            frame.insert(0, "cbs", cbs.reindex(frame.index))
    if frame is None:
        msg = f"No regioatlas table with a 'Gemeente' column in {folder}."
        raise FileNotFoundError(msg)
    frame.index.name = "gemeente"
    return frame


#: Where the Open State Foundation publishes the data.
OPENGR_URL = "https://github.com/openstate/datasets/tree/master/gemeenschappelijke_regelingen"
_OPENGR_FILE = "opengr_provincies.csv"


def find_opengr(path=None, *, start=None) -> Path | None:
    """The folder with the Open State Foundation's gemeenschappelijke-regelingen data.

    Looks, in this order, at ``path``, the environment variable
    ``OPGAVELAB_OPENGR``, and ``../../shared/data/opengr`` and
    ``../shared/data/opengr`` from ``start`` (default: the working directory,
    which for a notebook is the notebook's folder). A folder counts when it
    holds ``opengr_provincies.csv`` (directly or in ``provincies/``).

    Parameters
    ----------
    path : str or path-like, optional
        A folder to try first.
    start : str or path-like, optional
        Where the relative ``shared/data/opengr`` candidates start; default the
        working directory.

    Returns
    -------
    pathlib.Path or None
        The folder, or None when the data are not there (see
        :func:`opengr_source` for where to get them).

    Examples
    --------
    >>> import shutil, tempfile
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "opengr_provincies.csv").write_text("", encoding="utf-8")
    >>> find_opengr(folder) == folder.resolve()
    True
    >>> shutil.rmtree(folder)
    """
    candidates = []
    if path is not None:
        candidates.append(Path(path))
    if os.environ.get("OPGAVELAB_OPENGR"):
        candidates.append(Path(os.environ["OPGAVELAB_OPENGR"]))
    base = Path(start) if start is not None else Path.cwd()
    candidates += [base / ".." / ".." / "shared" / "data" / "opengr", base / ".." / "shared" / "data" / "opengr"]
    for folder in candidates:
        for sub in (folder, folder / "provincies"):
            if (sub / _OPENGR_FILE).is_file():
                return sub.resolve()
    return None


@raises("lang")
def opengr_source(lang: str = "nl") -> str:
    """Where to get the gemeenschappelijke-regelingen data, and where to put it.

    Parameters
    ----------
    lang : {"nl", "en"}, default "nl"
        Language of the text.

    Returns
    -------
    str
        A short instruction with the download address and the file that marks
        the folder (see :func:`find_opengr`).

    Examples
    --------
    >>> "openstate/datasets" in opengr_source("en")
    True
    """
    _check_lang(lang)
    return message("public_bodies.opengr_source", lang, url=OPENGR_URL, file=_OPENGR_FILE)


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------

def _as_series(values, name: str) -> pd.Series:
    if isinstance(values, pd.Series):
        return values
    if isinstance(values, str):
        return pd.Series([values], dtype=object)
    if isinstance(values, (pd.Index, list, tuple)) or isinstance(values, Iterable) and not isinstance(values, Mapping):
        return pd.Series(list(values), dtype=object)
    msg = f"'{name}' must be a pandas Series or an iterable of names, got {type(values).__name__}."
    raise TypeError(msg)


def _check_threshold(threshold) -> None:
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 < threshold <= 1:
        msg = f"'threshold' must be a number in (0, 1], got {threshold!r}; 0.9 is a good start."
        raise ValueError(msg)
