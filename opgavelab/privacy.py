"""Personal data: stable pseudonyms for people, and dropping personal columns.

A case about opgavegericht werken often names citizens (*burgers*): a
volunteer, a resident who objected, a member of a youth council. Before a case
is shared, :func:`pseudonymise` replaces their names and ids by pseudonyms that
stay the same across runs (so results can still be compared) but cannot be
traced back without a secret key, and drops the columns that hold personal
data.

Pseudonyms are keyed hashes (HMAC-SHA256), not plain hashes: a plain hash of a
name can be reversed by hashing a list of names; a keyed one only by whoever
holds the key.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import warnings
from collections import Counter
from collections.abc import Iterable

import pandas as pd

from . import schema
from ._checks import _check_case, _check_lang
from ._i18n import message, nmessage
from .case import Case
from .errors import OpgavelabWarning

__all__ = ["pseudonymise", "is_personal_column", "KEY_ENV", "MIN_KEY_LENGTH"]

#: The environment variable :func:`pseudonymise` reads its key from.
KEY_ENV = "OPGAVELAB_PSEUDONYM_KEY"
#: A shorter key could be guessed, and with it every pseudonym traced back.
MIN_KEY_LENGTH = 16
#: Hex digits of a pseudonym; more only where two people would share one.
DIGITS = 6

_PERSONAL_MARK = re.compile(r"\(\s*(persoonsgegevens?|personal(\s+data)?)\s*\)\s*$", re.IGNORECASE)
_MAKE_KEY = 'python -c "import secrets; print(secrets.token_hex(32))"'

# columns of the case model per table; anything else is an extra column
_MODEL_COLUMNS = {
    "actors": {"id", "name", "short_name", "type", "scale", "sector", "domains"},
    "opgaven": {"id", "name", "origin", "core_challenge", "scale", "domains", "description"},
    "involvement": {"actor", "opgave", "role", "aware", "commitment", "since", "until"},
    "ties": {"source", "target", "type", "weight", "opgave", "directed", "since", "until"},
}

# the warnings' words: ``privacy.no_key`` and ``privacy.leak`` (plural) in the catalogue


def is_personal_column(header) -> bool:
    """True when a column header marks the column as personal data.

    The convention: the header ends in ``(persoonsgegeven)`` or
    ``(personal)`` (also ``(persoonsgegevens)``, ``(personal data)``; case
    does not matter), e.g. ``e-mail (persoonsgegeven)``.

    Parameters
    ----------
    header : object
        A column header as read from the sheet; anything but a str is not
        marked.

    Returns
    -------
    bool

    Examples
    --------
    >>> is_personal_column("Telefoon (Persoonsgegeven)")
    True
    >>> is_personal_column("toelichting")
    False
    """
    return isinstance(header, str) and bool(_PERSONAL_MARK.search(header))


def pseudonymise(case, types=("burger",), key: str | bytes | None = None, drop=None,
                 lang: str | None = None):
    """A copy of ``case`` in which people are pseudonyms and personal columns are gone.

    For every actor whose type is in ``types``:

    - the **id** becomes ``<type>-<hex>`` (``burger-3f9a2c``), replaced
      consistently in ``involvement`` and ``ties``: ids such as ``jan-jansen``
      are personal too;
    - the **name** becomes ``<Type> <hex>`` in the case's language
      (``Burger 3f9a2c`` / ``Citizen 3f9a2c``).

    ``<hex>`` is the start of HMAC-SHA256(key, original id): the same id gets
    the same pseudonym on every run with the same key, in any case that uses
    that id, and a different one with another key. It is 6 hex digits, longer
    only where two people in the case would otherwise share one.

    Personal columns are dropped from all four tables: those named in
    ``drop`` and those whose header marks them personal (see
    :func:`is_personal_column`: the header ends in ``(persoonsgegeven)`` or
    ``(personal)``). Other actors, the opgaven and every other column are
    kept as they are. Warnings of the original case that mention a
    pseudonymised actor are left out.

    What is *not* changed: free text (a ``toelichting`` about a person, a
    description that names someone). Mark such columns personal or list them
    in ``drop``; a warning lists the cells that still mention the name or id
    of a pseudonymised actor.

    Parameters
    ----------
    case : Case
        The case; it is not changed.
    types : str or iterable of str, default ("burger",)
        Actor types whose members are people: values, labels or aliases of the
        actor-type list (``"burger"``, ``"citizen"``, ``"bewoners"``).
    key : str or bytes, optional
        The secret key, at least 16 characters. Default: the environment
        variable ``OPGAVELAB_PSEUDONYM_KEY``. Without either, a random key is
        used for this call only and never stored or shown, with a warning:
        the pseudonyms then differ on every run and cannot be traced back by
        anyone, which protects people best when stable pseudonyms are not
        needed. Keep a key apart from the data: with the key and a list of
        candidate ids, pseudonyms can be traced back.
    drop : str or iterable of str, optional
        Extra columns (not the case model's own, such as ``name``) to drop,
        matched case-insensitively, from whichever tables have them.
    lang : {"nl", "en"}, optional
        Language of the pseudonym names; default: the case's language.

    Returns
    -------
    Case
        A new case with the same structure; it passes validation
        (``opgavelab.save`` then ``opgavelab.load`` give it back). For the
        result of :func:`opgavelab.read_survey`, the ties' ``reported_by``
        ids and the ``survey`` report get the same pseudonyms, and the
        report loses its contact persons and file names.

    Raises
    ------
    ValueError
        An unknown actor type, a key shorter than 16 characters, or a ``drop``
        entry that is not an extra column of the case.
    TypeError
        ``key`` is not text or bytes, or ``case`` is not a Case.

    Warns
    -----
    OpgavelabWarning
        No key was given (a random one was used), or cells still mention a
        pseudonymised actor.

    Examples
    --------
    >>> import pandas as pd
    >>> from opgavelab import Case
    >>> case = Case.from_frames(
    ...     actors=pd.DataFrame({"id": ["gem", "jan-jansen"], "naam": ["Gemeente A", "Jan Jansen"],
    ...                          "type": ["overheid", "burger"],
    ...                          "telefoon (persoonsgegeven)": [None, "06-12345678"]}),
    ...     opgaven=pd.DataFrame({"id": ["o1"], "naam": ["Buurtaanpak"]}),
    ...     involvement=pd.DataFrame({"actor": ["gem", "jan-jansen"], "opgave": ["o1", "o1"]}))
    >>> safe = pseudonymise(case, key="een lange geheime sleutel")
    >>> safe.actors["name"].tolist()
    ['Gemeente A', 'Burger 068230']
    >>> safe.involvement["actor"].tolist()
    ['gem', 'burger-068230']
    >>> list(safe.actors.columns)
    ['name', 'type', 'scale', 'sector', 'domains']
    """
    _check_case(case)
    lang = _check_lang(lang or case.lang)
    chosen = _check_types(case, types)
    secret = _check_key(key, lang)
    dropped = _columns_to_drop(case, drop)

    actors = case.actors.copy(deep=True)
    people = actors.index[actors["type"].astype(object).isin(chosen)]
    labels = _type_labels(case, lang)
    digests = {i: hmac.new(secret, b"opgavelab-actor\x00" + str(i).encode("utf-8"), hashlib.sha256).hexdigest()
               for i in people}
    prefixes = {i: _slug(actors.at[i, "type"]) for i in people}
    taken = (set(actors.index) - set(people)) | set(case.opgaven.index)
    new_ids = _unique_pseudonyms(digests, prefixes, taken)
    originals = {i: (str(i), str(actors.at[i, "name"])) for i in people}

    for i in people:
        hexpart = new_ids[i].rsplit("-", 1)[1]
        actors.at[i, "name"] = f"{labels[actors.at[i, 'type']]} {hexpart}"
        if "short_name" in actors.columns:  # a short name would give the person away
            actors.at[i, "short_name"] = None
    actors = actors.rename(index=new_ids)
    actors.index.name = case.actors.index.name

    involvement = case.involvement.copy(deep=True)
    involvement["actor"] = involvement["actor"].map(lambda a: new_ids.get(a, a)).astype(case.involvement["actor"].dtype)
    ties = case.ties.copy(deep=True)
    for col in ("source", "target"):
        ties[col] = ties[col].map(lambda a: new_ids.get(a, a)).astype(case.ties[col].dtype)
    if "reported_by" in ties.columns:  # survey results: the reporters' ids, ';'-separated
        ties["reported_by"] = ties["reported_by"].map(
            lambda v: v if not isinstance(v, str) else "; ".join(new_ids.get(a, a) for a in v.split("; ")))
    opgaven = case.opgaven.copy(deep=True)
    tables = {"actors": actors, "opgaven": opgaven, "involvement": involvement, "ties": ties}
    for table, columns in dropped.items():
        tables[table] = tables[table].drop(columns=columns)

    warnings_frame = _without_mentions(case.warnings, originals.values())
    _warn_about_leftovers(tables, originals, new_ids, lang)
    safe = Case(actors=tables["actors"], opgaven=tables["opgaven"], involvement=tables["involvement"],
                ties=tables["ties"], vocabularies=case.vocabularies.copy(deep=True), name=case.name,
                source=case.source, warnings=warnings_frame, lang=case.lang)
    survey = getattr(case, "survey", None)
    if survey is not None:  # read_survey's report: same pseudonyms, contact persons and file names removed
        safe.survey = survey._pseudonymised(new_ids, {i: tables["actors"].at[new_ids[i], "name"] for i in people})
    return safe


# --------------------------------------------------------------------------
# argument checks
# --------------------------------------------------------------------------

def _check_types(case, types) -> set[str]:
    if isinstance(types, str):
        types = [types]
    if not isinstance(types, Iterable):
        msg = f"'types' must be an actor type or a list of them, got {type(types).__name__}."
        raise TypeError(msg)
    vocab = case.vocabularies[case.vocabularies["list"] == "actor_type"]
    lookup: dict[str, str] = {}
    for rec in vocab.itertuples(index=False):
        for text in (rec.value, rec.label_nl, rec.label_en):
            if isinstance(text, str):
                lookup.setdefault(schema.normalise_name(text), rec.value)
    for value, aliases in schema.VOCABULARY_LISTS["actor_type"].aliases.items():
        for alias in aliases:
            lookup.setdefault(schema.normalise_name(alias), value)
    chosen = set()
    for t in types:
        value = lookup.get(schema.normalise_name(t)) if isinstance(t, str) else None
        if value is None:
            allowed = vocab["value"].tolist()
            msg = f"'types' must name actor types of the case, one of {allowed}, got {t!r}."
            raise ValueError(msg)
        chosen.add(value)
    if not chosen:
        msg = "'types' is empty: name at least one actor type whose members are people, e.g. types=('burger',)."
        raise ValueError(msg)
    return chosen


def _check_key(key, lang: str) -> bytes:
    source = "'key'"
    if key is None:
        key = os.environ.get(KEY_ENV) or None
        source = f"The environment variable {KEY_ENV}"
    if key is None:
        warnings.warn(message("privacy.no_key", lang, env=KEY_ENV, make=_MAKE_KEY), OpgavelabWarning, stacklevel=3)
        return secrets.token_bytes(32)
    if not isinstance(key, (str, bytes)):
        msg = f"'key' must be text or bytes, got {type(key).__name__}."
        raise TypeError(msg)
    if len(key) < MIN_KEY_LENGTH:
        msg = (f"{source} must be at least {MIN_KEY_LENGTH} characters long, got {len(key)}: a short key can be "
               f"guessed, and with it every pseudonym traced back to a person. Make one with: {_MAKE_KEY}")
        raise ValueError(msg)
    return key.encode("utf-8") if isinstance(key, str) else bytes(key)


def _columns_to_drop(case, drop) -> dict[str, list[str]]:
    """Extra columns to drop per table: the named ones and the marked ones."""
    if drop is None:
        drop = []
    elif isinstance(drop, str):
        drop = [drop]
    drop = list(drop)
    frames = {"actors": case.actors, "opgaven": case.opgaven, "involvement": case.involvement, "ties": case.ties}
    extras = {t: [c for c in f.columns if c not in _MODEL_COLUMNS[t]] for t, f in frames.items()}
    wanted = {}
    for name in drop:
        if not isinstance(name, str):
            msg = f"'drop' must list column names, got {name!r}."
            raise TypeError(msg)
        wanted[schema.normalise_name(name)] = name
    found = set()
    out: dict[str, list[str]] = {}
    for table, columns in extras.items():
        for col in columns:
            key = schema.normalise_name(col)
            if key in wanted or is_personal_column(col):
                out.setdefault(table, []).append(col)
                found.add(key)
    missing = [name for key, name in wanted.items() if key not in found]
    model = {alias for spec in schema.SHEETS.values() for alias in spec.alias_map} | {
        schema.normalise_name(c) for cols in _MODEL_COLUMNS.values() for c in cols}
    for name in missing:
        if schema.normalise_name(name) in model:
            msg = (f"'drop' may only name extra columns, not {name!r}: it is part of the case model "
                   "(the names of the chosen actor types are replaced by pseudonyms).")
            raise ValueError(msg)
    if missing:
        every = sorted({c for cols in extras.values() for c in cols})
        msg = f"'drop' names columns the case does not have: {missing}; its extra columns are {every}."
        raise ValueError(msg)
    return out


# --------------------------------------------------------------------------
# pseudonyms
# --------------------------------------------------------------------------

def _slug(value) -> str:
    return schema.normalise_name(value).replace("_", "-") or "actor"


def _type_labels(case, lang: str) -> dict[str, str]:
    vocab = case.vocabularies[case.vocabularies["list"] == "actor_type"]
    column = f"label_{lang}"  # the vocabulary table has a label column per language
    labels = {}
    for rec in vocab.itertuples(index=False):
        text = getattr(rec, column)
        text = text if isinstance(text, str) and text.strip() else rec.value
        labels[rec.value] = text[:1].upper() + text[1:]
    return labels


def _unique_pseudonyms(digests: dict, prefixes: dict, taken: set) -> dict:
    """Ids ``<prefix>-<first digits of the digest>``: 6 digits, two more for
    each id that would otherwise collide with another or with an existing id.

    Lengthening only the colliding ones keeps every other pseudonym as it
    would be in any other case.
    """
    length = {i: DIGITS for i in digests}
    while True:
        ids = {i: f"{prefixes[i]}-{digests[i][:length[i]]}" for i in digests}
        counts = Counter(ids.values())
        clash = [i for i in digests if counts[ids[i]] > 1 or ids[i] in taken]
        if not clash:
            return ids
        for i in clash:
            if length[i] >= len(digests[i]):
                msg = f"No free pseudonym for actor {i!r}: an existing id equals {ids[i]!r}."
                raise ValueError(msg)
            length[i] += 2


# --------------------------------------------------------------------------
# what might still leak
# --------------------------------------------------------------------------

def _mentions(texts: Iterable[str]) -> re.Pattern | None:
    words = sorted({t for t in texts if isinstance(t, str) and len(t.strip()) >= 4}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


def _without_mentions(frame: pd.DataFrame, originals) -> pd.DataFrame:
    """The warnings that do not mention a pseudonymised actor (by id or name)."""
    if frame is None or frame.empty:
        return frame
    names = [t for pair in originals for t in pair]
    if not names:
        return frame.copy()
    exact = set(names)
    pattern = _mentions(names)

    def mentions(value) -> bool:
        # short ids (under 4 characters) count only whole or quoted: 'jan'
        if not isinstance(value, str):
            return False
        return value in exact or bool(pattern and pattern.search(value)) or any(f"'{n}'" in value for n in exact)

    keep = ~frame[["value", "message", "hint"]].map(mentions).any(axis=1)
    return frame[keep].reset_index(drop=True)


def _warn_about_leftovers(tables: dict, originals: dict, new_ids: dict, lang: str) -> None:
    pattern = _mentions(t for pair in originals.values() for t in pair)
    if pattern is None:
        return
    places = []
    for table, frame in tables.items():
        for col in frame.columns:
            series = frame[col]
            if isinstance(series.dtype, pd.CategoricalDtype) or not (
                    series.dtype == object or pd.api.types.is_string_dtype(series.dtype)):
                continue  # vocabularies, numbers, dates, domain lists: no free text
            for idx, value in series.items():
                if isinstance(value, str) and pattern.search(value):
                    row = idx if table in ("actors", "opgaven") else f"#{idx}"
                    places.append(f"{table} {row!s} '{col}'")
    if places:
        shown = ", ".join(places[:10]) + (", …" if len(places) > 10 else "")
        warnings.warn(nmessage("privacy.leak", len(places), lang, where=shown), OpgavelabWarning, stacklevel=3)
