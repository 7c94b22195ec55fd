"""Membership lists into cases: one row per (participant, arrangement).

Much real data about collaboration is a *membership list*: which
municipality takes part in which gemeenschappelijke regeling, which company in
which consortium. :func:`from_membership` turns such a long table into a
:class:`~opgavelab.Case` (the arrangements become opgaven, the participants
actors, each row an involvement), cleaning it on the way with the steps of
:mod:`opgavelab.public_bodies`, each switchable and each reported with counts
and examples in a :class:`MembershipReport`.

The other functions analyse such a case:

- :func:`co_membership_graph`: the one-mode network of participants, linked
  when they share an arrangement (weight = the number they share);
- :func:`home_province`: the province each Dutch public body belongs to;
- :func:`group_combinations`, :func:`group_copresence`, :func:`tier_summary`:
  which groups (tiers, provinces) take part in arrangements together;
- :func:`boundary_summary`, :func:`brokerage_by_group`,
  :func:`boundary_spanners`, :func:`spanning_opgaven`: E-I index and
  Gould-Fernandez brokerage per group, and who and what crosses the
  boundaries between groups.
"""

from __future__ import annotations

__all__ = [
    "from_membership",
    "MembershipResult",
    "MembershipReport",
    "co_membership_graph",
    "home_province",
    "group_combinations",
    "group_copresence",
    "tier_summary",
    "boundary_summary",
    "brokerage_by_group",
    "boundary_spanners",
    "spanning_opgaven",
    "category_summary",
    "region_fit",
]

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

import networkx as nx
import numpy as np
import pandas as pd

from ._checks import _check_bool, _check_case, _check_lang, _check_one_of
from ._i18n import message
from ._values import is_missing, map_unique
from .case import Case
from .metrics.boundaries import boundary_summary  # noqa: F401 (moved to metrics; importable here as before)
from .metrics.brokerage import boundary_spanners, brokerage_by_group  # noqa: F401 (idem)
from .network import node_attributes
from . import public_bodies as pb

# --------------------------------------------------------------------------
# texts: the catalogue's ``membership.*`` keys (opgavelab/locale/*/LC_MESSAGES/opgavelab.po)
# --------------------------------------------------------------------------

#: the report's steps, in order; each has a description ``membership.step.<step>``
_STEPS = ("empty_rows", "fix_encoding", "normalise_names", "unify_case", "aliases", "merge_duplicates",
          "attribute_conflicts", "near_duplicates", "actor_type", "unrecognised", "category", "category_other",
          "id_collisions")

#: the columns of ``report.steps``; shown with the headers ``membership.column.<column>``
_COLUMNS = ("step", "description", "enabled", "rows_affected", "values_affected", "examples")

_UNKNOWN_TYPE = "onbekend"
_OPGAVE_SUFFIX = " (opgave)"


def _t(key: str, lang: str) -> str:
    return message("membership." + key, lang)


# --------------------------------------------------------------------------
# result objects
# --------------------------------------------------------------------------

@dataclass
class MembershipReport:
    """What :func:`from_membership` did, step by step.

    Attributes
    ----------
    steps : pandas.DataFrame
        One row per cleaning step: ``step`` (its key), ``description`` (in the
        report's language), ``enabled``, ``rows_affected`` (rows of the input
        the step changed, dropped or flagged), ``values_affected`` (distinct
        names or actors concerned) and ``examples`` (up to three, as text).
    counts : pandas.DataFrame
        Rows, participants and opgaven before and after.
    changes : pandas.DataFrame
        Every value a step changed: ``step``, ``column``, ``before``,
        ``after``, ``rows``.
    near_duplicates : pandas.DataFrame
        Flagged pairs: ``column``, ``name``, ``candidate``, ``similarity``,
        ``n_name``, ``n_candidate`` (see :func:`opgavelab.public_bodies.near_duplicates`).
    conflicts : pandas.DataFrame
        Attributes with more than one value for one actor or opgave:
        ``level``, ``id``, ``column``, ``kept``, ``values``.
    classification : pandas.DataFrame
        Per actor id: ``type``, ``scale``, ``kind``, ``tier``, ``basis``,
        ``recognised`` and ``n_opgaven`` (empty unless ``actor_type`` or
        ``scale`` was ``"infer"``).
    categories : pandas.DataFrame
        Per opgave id: ``name``, ``category``, ``domain`` (empty unless
        ``category`` was given).
    lang : str
    """

    steps: pd.DataFrame
    counts: pd.DataFrame
    changes: pd.DataFrame
    near_duplicates: pd.DataFrame
    conflicts: pd.DataFrame
    classification: pd.DataFrame
    categories: pd.DataFrame
    lang: str = "nl"
    municipality_list: bool = field(default=False, repr=False)

    @property
    def unrecognised(self) -> pd.DataFrame:
        """Participants classified only by the bare-name rule, most memberships first."""
        frame = self.classification
        if frame.empty:
            return frame
        out = frame[~frame["recognised"]]
        return out.sort_values(["n_opgaven"], ascending=False, kind="stable")

    def aliases(self, accept: Iterable[str] | None = None, reject: Iterable[str] | None = None,
                column: str | None = None) -> dict[str, str]:
        """The flagged near-duplicates as an ``aliases`` mapping, after your review.

        Parameters
        ----------
        accept : iterable of str, optional
            Only these flagged names (the ``name`` column); default all.
        reject : iterable of str, optional
            Leave these flagged names out (real, different bodies such as
            ``Haren`` and ``Haaren``).
        column : str, optional
            Only the pairs found in this input column.

        Returns
        -------
        dict
            ``{name: candidate}``, to pass as ``aliases=`` to
            :func:`from_membership`.

        Raises
        ------
        ValueError
            If ``accept``, ``reject`` or ``column`` names something that was not
            flagged.
        TypeError
            If ``accept`` or ``reject`` is a single str instead of a list.

        Examples
        --------
        >>> import pandas as pd
        >>> rows = pd.DataFrame({"lid": ["Regionaal Archief Zutphen", "Regionaal Archief Zutphen",
        ...                              "Regionaal Archief Zuthpen", "Haren", "Haaren"],
        ...                      "regeling": ["R1", "R2", "R3", "R1", "R2"]})
        >>> case, report = from_membership(rows, "lid", "regeling")
        >>> report.aliases(reject=["Haren"])  # Haren and Haaren are two municipalities
        {'Regionaal Archief Zuthpen': 'Regionaal Archief Zutphen'}
        """
        frame = self.near_duplicates
        if column is not None:
            _check_one_of("column", column, sorted(set(frame["column"])))
            frame = frame[frame["column"] == column]
        flagged = list(dict.fromkeys(frame["name"]))
        for arg, values in (("accept", accept), ("reject", reject)):
            if values is None:
                continue
            if isinstance(values, str):
                msg = f"{arg!r} must be a list of flagged names, got the single string {values!r}; wrap it in a list."
                raise TypeError(msg)
            unknown = [v for v in values if v not in flagged]
            if unknown:
                msg = (f"{arg!r} must hold names from report.near_duplicates['name'], got {unknown!r}; "
                       f"flagged are {flagged!r}.")
                raise ValueError(msg)
        if accept is not None:
            frame = frame[frame["name"].isin(list(accept))]
        if reject is not None:
            frame = frame[~frame["name"].isin(list(reject))]
        return dict(zip(frame["name"], frame["candidate"]))

    # -- showing -------------------------------------------------------
    def _steps_shown(self) -> pd.DataFrame:
        # the step key is for code; a reader sees the description, ja/nee and headers in their language
        yes_no = {True: message("scan.yes", self.lang), False: message("scan.no", self.lang)}
        shown = self.steps.drop(columns="step").assign(enabled=self.steps["enabled"].map(yes_no))
        return shown.rename(columns={k: _t("column." + k, self.lang) for k in _COLUMNS})

    def __repr__(self) -> str:
        lang = self.lang
        lines = [_t("title", lang)]
        c = self.counts
        for label, row in c.iterrows():
            lines.append(f"  {label}: {row.iloc[0]} → {row.iloc[1]}")
        lines.append(f"  [{_t('column.rows_affected', lang)} / {_t('column.values_affected', lang)}]")
        for rec in self.steps.itertuples(index=False):
            if not rec.enabled:
                continue
            mark = f"{rec.rows_affected:>5} / {rec.values_affected:<4}"
            ex = "  " + message("membership.examples", lang, examples=rec.examples) if rec.examples else ""
            lines.append(f"  [{mark}] {rec.description}{ex}")
        lines.append(_t("next", lang))
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        lang = self.lang
        esc = html.escape
        parts = [f"<div><h4>{esc(_t('title', lang))}</h4>",
                 "<div style='display:flex;gap:2em;flex-wrap:wrap;align-items:flex-start'>",
                 f"<div>{self.counts.to_html(escape=True)}</div>",
                 f"<div>{self._steps_shown().to_html(index=False, escape=True, na_rep='')}</div></div>"]
        if len(self.near_duplicates):
            parts.append(f"<details><summary>{esc(_t('near', lang))}: {len(self.near_duplicates)}</summary>"
                         f"{self.near_duplicates.to_html(index=False, escape=True)}</details>")
        unrec = self.unrecognised
        if len(unrec):
            key = "unrec" if self.municipality_list else "unrec_nolist"
            parts.append(f"<details><summary>{esc(_t(key, lang))}: {len(unrec)}</summary>"
                         f"{unrec.to_html(escape=True)}</details>")
        if len(self.conflicts):
            parts.append(f"<details><summary>{esc(_t('conflicts', lang))}: {len(self.conflicts)}</summary>"
                         f"{self.conflicts.to_html(index=False, escape=True)}</details>")
        parts.append(f"<p><small>{esc(_t('next', lang))}</small></p></div>")
        return "".join(parts)


class MembershipResult(NamedTuple):
    """The case built by :func:`from_membership` and the report of how.

    Unpack it (``case, report = from_membership(...)``) or use the fields
    ``result.case`` and ``result.report``.
    """

    case: Case
    report: MembershipReport

    def __repr__(self) -> str:
        return f"{self.case!r}\n{self.report!r}"

    def _repr_html_(self) -> str:
        return self.case._repr_html_() + self.report._repr_html_()


# --------------------------------------------------------------------------
# argument checks
# --------------------------------------------------------------------------

def _check_column(param: str, value, columns: list) -> None:
    if value not in columns:
        msg = f"{param!r} must be one of the columns {columns}, got {value!r}."
        raise ValueError(msg)


def _check_attributes(param: str, value, columns: list) -> dict:
    if value is None:
        return {}
    if isinstance(value, str):
        value = [value]
    if isinstance(value, Mapping):
        pairs = dict(value)
    elif isinstance(value, Iterable):
        pairs = {c: c for c in value}
    else:
        msg = f"{param!r} must be a list of column names or a dict {{column: new name}}, got {type(value).__name__}."
        raise TypeError(msg)
    for col in pairs:
        _check_column(param, col, columns)
    return {col: str(new) for col, new in pairs.items()}


def _check_source(param: str, value, columns: list) -> str | None:
    if value is None or value == "infer":
        return value
    if value not in columns:
        msg = f"{param!r} must be None, 'infer' or one of the columns {columns}, got {value!r}."
        raise ValueError(msg)
    return value


def _check_aliases(aliases, columns: list) -> tuple[dict, dict]:
    """Split ``aliases`` into a global mapping and per-column mappings."""
    if aliases is None:
        return {}, {}
    if not isinstance(aliases, Mapping):
        msg = f"'aliases' must be a dict {{variant: name}} (or {{column: {{variant: name}}}}), got {type(aliases).__name__}."
        raise TypeError(msg)
    plain, per_column = {}, {}
    for key, val in aliases.items():
        if isinstance(val, Mapping):
            _check_column("aliases", key, columns)
            per_column[key] = dict(val)
        elif isinstance(key, str) and isinstance(val, str):
            plain[key] = val
        else:
            msg = f"'aliases' must map names to names (str → str), got {key!r} → {val!r}."
            raise TypeError(msg)
    return plain, per_column


# --------------------------------------------------------------------------
# from_membership
# --------------------------------------------------------------------------

class _Log:
    """Collects the report rows and the value changes."""

    def __init__(self, lang: str):
        self.lang = lang
        self.steps: list[dict] = []
        self.changes: list[pd.DataFrame] = []

    def step(self, key: str, enabled: bool, rows: int = 0, values: int = 0, examples=()) -> None:
        self.steps.append({"step": key, "description": _t("step." + key, self.lang), "enabled": bool(enabled),
                           "rows_affected": int(rows), "values_affected": int(values),
                           "examples": "; ".join(str(e) for e in list(examples)[:3])})

    def compare(self, key: str, before: pd.DataFrame, after: pd.DataFrame, columns: dict[str, str],
                enabled: bool = True) -> None:
        """Log the cells that differ between ``before`` and ``after``."""
        changed_rows = np.zeros(len(before), dtype=bool)
        parts = []
        for col, label in columns.items():
            b, a = before[col].to_numpy(dtype=object), after[col].to_numpy(dtype=object)
            both_missing = pd.isna(b) & pd.isna(a)
            diff = ~both_missing & (b != a)
            b, a = before[col], after[col]
            if not diff.any():
                continue
            changed_rows |= diff
            pairs = pd.DataFrame({"before": b[diff].astype(object), "after": a[diff].astype(object)})
            grouped = pairs.groupby(["before", "after"], sort=False, dropna=False).size().rename("rows").reset_index()
            grouped.insert(0, "column", label)
            parts.append(grouped)
        table = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
            columns=["column", "before", "after", "rows"])
        table.insert(0, "step", key)
        self.changes.append(table)
        priority = {label: k for k, label in enumerate(columns.values())}
        table = table.assign(_p=table["column"].map(priority)).sort_values(
            ["_p", "rows"], ascending=[True, False], kind="stable").drop(columns="_p")
        examples = [f"{b} → {a}" for b, a in zip(table["before"], table["after"])]
        self.step(key, enabled, int(changed_rows.sum()), len(table), examples)

    def changes_frame(self) -> pd.DataFrame:
        parts = [c for c in self.changes if len(c)]
        if not parts:
            return pd.DataFrame(columns=["step", "column", "before", "after", "rows"])
        return pd.concat(parts, ignore_index=True)


def _modal(frame: pd.DataFrame, by: str, column: str) -> tuple[pd.Series, pd.DataFrame, int]:
    """Most frequent non-missing value of ``column`` per ``by`` (first seen on ties).

    Returns the chosen values, the conflicts (``id``, ``kept``, ``values``) and
    the number of rows whose value differs from the chosen one.
    """
    sub = pd.DataFrame({"id": frame[by].to_numpy(dtype=object), "value": frame[column].to_numpy(dtype=object),
                        "pos": np.arange(len(frame))})
    sub = sub[~sub["value"].map(is_missing)]
    if sub.empty:
        return pd.Series(dtype=object), pd.DataFrame(columns=["id", "kept", "values"]), 0
    sub["value_key"] = sub["value"].map(lambda v: v if isinstance(v, (str, int, float, bool)) else repr(v))
    stats = sub.groupby(["id", "value_key"], sort=False).agg(n=("pos", "size"), first=("pos", "min"),
                                                             value=("value", "first")).reset_index()
    stats = stats.sort_values(["id", "n", "first"], ascending=[True, False, True], kind="stable")
    chosen = stats.drop_duplicates("id").set_index("id")["value"]
    counts = stats.groupby("id", sort=False)["value_key"].size()
    conflict_ids = counts.index[counts > 1]
    rows = []
    for cid in conflict_ids:
        part = stats[stats["id"] == cid]
        rows.append({"id": cid, "kept": chosen[cid],
                     "values": " | ".join(f"{v} ({n})" for v, n in zip(part["value"], part["n"]))})
    conflicts = pd.DataFrame(rows, columns=["id", "kept", "values"])
    n_rows = int(stats[stats["id"].isin(conflict_ids)].groupby("id")["n"].sum().sum()
                 - stats[stats["id"].isin(conflict_ids)].drop_duplicates("id")["n"].sum()) if len(conflict_ids) else 0
    return chosen, conflicts, n_rows


def _known_names(municipalities) -> list[str]:
    names = [f"Provincie {p}" for p in pb.PROVINCES] + list(pb.PROVINCES)
    if municipalities is not None:
        names += [m for m in pb._as_series(municipalities, "municipalities").tolist() if isinstance(m, str)]
    return names


def from_membership(df: pd.DataFrame, actor: str, opgave: str, *, actor_attributes=None, opgave_attributes=None,
                    involvement_attributes=None, actor_type: str | None = None, scale: str | None = None,
                    category: str | None = None, aliases: Mapping | None = None, municipalities=None,
                    fix_encoding: bool = True, normalise_names: bool = True, merge_duplicates: bool = True,
                    flag_near_duplicates: bool = True, threshold: float = 0.9, lang: str = "nl",
                    name: str | None = None) -> MembershipResult:
    """Build a Case from a membership list: one row per (participant, arrangement).

    Each distinct participant becomes an actor and each distinct arrangement
    an opgave; each row becomes an involvement (without dates unless
    ``involvement_attributes`` brings them). Names are cleaned on the way,
    each step switchable and reported. The tables then go through
    :meth:`Case.from_frames`, with exactly the checks of a workbook.

    Actor ids and opgave ids are the cleaned names. An opgave whose name is
    also a participant's (a recreation board that is itself a member of an
    arrangement) gets the id ``"<name> (opgave)"``, since an id may not be
    both.

    Parameters
    ----------
    df : pandas.DataFrame
        The membership list, one row per participant × arrangement.
    actor, opgave : str
        The columns with the participant's and the arrangement's name.
    actor_attributes, opgave_attributes, involvement_attributes : list or dict, optional
        Columns to keep on the actors, the opgaven or the involvement rows
        (a dict renames them: ``{"Provincie": "provincie"}``). A column named
        like a sheet column (``sector``, ``sinds``, ``rol``) is read as that
        column. An actor or opgave gets the most frequent value of its rows;
        other values are reported as conflicts.
    actor_type : None, "infer" or str, default None
        Where the actor type comes from: ``"infer"`` recognises Dutch public
        bodies from their names (:func:`opgavelab.public_bodies.classify_public_body`,
        adding the columns ``body`` (the kind of body: gemeente, waterschap,
        Kreis, ...) and ``tier`` (bestuurslaag)); a column name takes the
        column; None gives every actor the type ``"onbekend"`` (added to the
        case's vocabulary).
    scale : None, "infer" or str, default None
        Where the actor's scale level comes from (as ``actor_type``; None:
        no scale level).
    category : None, "infer" or str, default None
        The opgave's category: ``"infer"`` classifies arrangement names
        (:func:`opgavelab.public_bodies.classify_arrangement`) and sets the
        opgave's ``domains`` to the BBV main task field of the category; a
        column name takes the column.
    aliases : dict, optional
        Confirmed variants: ``{variant: name}`` replaces the variant in the
        participant, arrangement and attribute columns;
        ``{column: {variant: name}}`` in that column only. Applied after the
        automatic cleaning (variants may be written as in the raw data).
    municipalities : iterable of str, optional
        The official municipality names (e.g. from
        :func:`opgavelab.public_bodies.read_regioatlas`): bare participant names
        found there are confirmed municipalities, the others are listed as
        unrecognised; two listed names are never flagged as near-duplicates.
    fix_encoding, normalise_names, merge_duplicates, flag_near_duplicates : bool, default True
        Switch the cleaning steps: repair mojibake (``ftfy``); tidy names and
        unify spellings that differ only in letter case; merge repeated
        participant × arrangement rows; flag near-duplicate names. With
        ``normalise_names=False`` participant and arrangement names are still
        read as a spreadsheet cell is (runs of white space become one space,
        none at the ends), since the case's ids are.
    threshold : float, default 0.9
        Similarity from which names are flagged as near-duplicates.
    lang : {"nl", "en"}, default "nl"
        Language of the report and of the case's messages.
    name : str, optional
        Name of the case.

    Returns
    -------
    MembershipResult
        A named tuple ``(case, report)``: the :class:`~opgavelab.Case` and a
        :class:`MembershipReport`.

    Raises
    ------
    TypeError
        If ``df`` is not a DataFrame, a switch is not a bool, or ``aliases``
        is not a mapping of names.
    ValueError
        If a column argument names no column of ``df``, ``actor`` equals
        ``opgave``, ``threshold`` is outside (0, 1], or ``lang`` is unknown.
    opgavelab.ValidationError
        If the resulting tables are not a valid case (for example an
        ``actor_type`` column with values outside the vocabulary).

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({
    ...     "Deelnemer": ["Groningen", "Provincie FryslÃ¢n", "Groningen ", "Wetterskip FryslÃ¢n"],
    ...     "Regeling": ["Veiligheidsregio Groningen", "Hefpunt", "Veiligheidsregio Groningen", "Hefpunt"],
    ... })
    >>> case, report = from_membership(rows, "Deelnemer", "Regeling", actor_type="infer", scale="infer")
    >>> case.actors[["type", "scale", "tier"]]  # doctest: +NORMALIZE_WHITESPACE
                             type        scale        tier
    id
    Groningen            overheid       lokaal    gemeente
    Provincie Fryslân    overheid  provinciaal   provincie
    Wetterskip Fryslân   overheid    regionaal  waterschap
    >>> report.steps.set_index("step").loc[["fix_encoding", "merge_duplicates"], "rows_affected"].tolist()
    [2, 1]
    """
    _check_lang(lang)
    a_attrs, o_attrs, i_attrs, actor_type, scale, category, aliases = _check_membership_arguments(
        df, actor, opgave, actor_attributes, opgave_attributes, involvement_attributes, actor_type, scale,
        category, aliases, fix_encoding, normalise_names, merge_duplicates, flag_near_duplicates, threshold)
    state = _working_table(df, actor, opgave, {"a:": a_attrs, "o:": o_attrs, "i:": i_attrs},
                           {"a:__type": actor_type, "a:__scale": scale, "o:__category": category},
                           normalise_names, lang)
    _drop_empty_rows(state)
    _fix_encoding(state, fix_encoding)
    _normalise_names(state, normalise_names)
    _apply_aliases(state, *aliases, fix_encoding=fix_encoding, normalise_names=normalise_names)
    chosen, conflicts = _choose_attribute_values(state)  # over all rows, before duplicates are merged
    _merge_duplicates(state, merge_duplicates, conflicts)
    near = _flag_near_duplicates(state, flag_near_duplicates, threshold, municipalities)
    actors, classification, vocabularies = _actor_table(state, chosen, a_attrs, actor_type, scale, municipalities)
    opgaven, categories = _opgave_table(state, chosen, o_attrs, category)
    involvement = _separate_ids(state, actors, opgaven, categories, classification, i_attrs)

    case = Case.from_frames(actors, opgaven, involvement, vocabularies=vocabularies,
                            name=name or _t("case_name", lang), lang=lang)
    after = {"rows": len(case.involvement), "actors": len(case.actors), "opgaven": len(case.opgaven)}
    counts = pd.DataFrame({_t("before", lang): state.n_before, _t("after", lang): after})
    counts.index = [_t(k, lang) for k in counts.index]
    report = MembershipReport(
        steps=pd.DataFrame(state.log.steps, columns=list(_COLUMNS)),
        counts=counts,
        changes=state.log.changes_frame(),
        near_duplicates=near,
        conflicts=conflicts,
        classification=classification,
        categories=categories,
        lang=lang,
        municipality_list=municipalities is not None,
    )
    return MembershipResult(case, report)


# --------------------------------------------------------------------------
# ingest: one function per cleaning step, in the order from_membership runs them
# --------------------------------------------------------------------------

#: Columns from_membership fills itself; attributes may not be named so.
_RESERVED = {"id", "name", "naam", "type", "scale", "body", "tier", "category", "domains"}


def _check_membership_arguments(df, actor, opgave, actor_attributes, opgave_attributes, involvement_attributes,
                                actor_type, scale, category, aliases, fix_encoding, normalise_names,
                                merge_duplicates, flag_near_duplicates, threshold):
    """Every argument of :func:`from_membership` checked; the attribute mappings and sources read."""
    if not isinstance(df, pd.DataFrame):
        msg = f"'df' must be a pandas DataFrame (one row per participant × arrangement), got {type(df).__name__}."
        raise TypeError(msg)
    columns = list(df.columns)
    _check_column("actor", actor, columns)
    _check_column("opgave", opgave, columns)
    if actor == opgave:
        msg = f"'actor' and 'opgave' must be different columns, got {actor!r} for both."
        raise ValueError(msg)
    a_attrs = _check_attributes("actor_attributes", actor_attributes, columns)
    o_attrs = _check_attributes("opgave_attributes", opgave_attributes, columns)
    i_attrs = _check_attributes("involvement_attributes", involvement_attributes, columns)
    actor_type = _check_source("actor_type", actor_type, columns)
    scale = _check_source("scale", scale, columns)
    category = _check_source("category", category, columns)
    for param, value in (("fix_encoding", fix_encoding), ("normalise_names", normalise_names),
                         ("merge_duplicates", merge_duplicates), ("flag_near_duplicates", flag_near_duplicates)):
        _check_bool(param, value)
    pb._check_threshold(threshold)
    plain_aliases, column_aliases = _check_aliases(aliases, columns)
    for param, attrs in (("actor_attributes", a_attrs), ("opgave_attributes", o_attrs)):
        clash = sorted(set(attrs.values()) & _RESERVED)
        if clash:
            msg = (f"{param!r} must not produce the columns {sorted(_RESERVED)} that from_membership "
                   f"fills itself, got {clash}; rename them with a dict, e.g. {{{clash[0]!r}: 'original_{clash[0]}'}}.")
            raise ValueError(msg)
    return a_attrs, o_attrs, i_attrs, actor_type, scale, category, (plain_aliases, column_aliases)


@dataclass
class _Ingest:
    """The membership list while it is cleaned: one row per membership, internal column names.

    ``work`` holds ``actor``, ``opgave`` and the attribute columns (``a:``
    actor, ``o:`` opgave, ``i:`` involvement); ``sources`` maps each to its
    input column; ``text_cols`` are the text columns the cleaning steps touch.
    """

    work: pd.DataFrame
    sources: dict
    text_cols: dict
    n_before: dict
    log: _Log
    lang: str


def _working_table(df, actor, opgave, attrs: dict, specials: dict, normalise_names: bool, lang: str) -> _Ingest:
    """The input's columns under internal names; participant and arrangement names as text."""
    work = pd.DataFrame({"actor": df[actor].to_numpy(dtype=object), "opgave": df[opgave].to_numpy(dtype=object)})
    sources = {"actor": actor, "opgave": opgave}
    extra = {prefix + col: col for prefix, cols in attrs.items() for col in cols}
    extra.update({special: col for special, col in specials.items() if col not in (None, "infer")})
    for internal, col in extra.items():
        work[internal] = df[col].to_numpy(dtype=object)
        sources[internal] = col
    text_cols = {c: sources[c] for c in work.columns
                 if c in ("actor", "opgave") or work[c].map(lambda v: isinstance(v, str) or is_missing(v)).all()}
    n_before = {"rows": len(df), "actors": df[actor].dropna().nunique(), "opgaven": df[opgave].dropna().nunique()}
    for c in ("actor", "opgave"):
        work[c] = work[c].map(lambda v: None if is_missing(v) else (v if isinstance(v, str) else str(v)))
        if not normalise_names:
            # even then, ids are read as a spreadsheet cell is: white space runs become one space
            work[c] = work[c].map(lambda v: " ".join(v.split()) if isinstance(v, str) else v)
    return _Ingest(work, sources, text_cols, n_before, _Log(lang), lang)


def _drop_empty_rows(state: _Ingest) -> None:
    """1. Rows without a participant or an arrangement cannot be memberships."""
    empty = state.work["actor"].isna() | state.work["opgave"].isna()
    state.log.step("empty_rows", True, int(empty.sum()), int(empty.sum()),
                   [_t("row", state.lang).format(n=i + 2) for i in np.flatnonzero(empty.to_numpy())])
    state.work = state.work[~empty].reset_index(drop=True)


def _fix_encoding(state: _Ingest, enabled: bool) -> None:
    """2. Mojibake repaired (``ftfy``)."""
    if not enabled:
        state.log.step("fix_encoding", False)
        return
    before = state.work.copy()
    for c in state.text_cols:
        state.work[c] = pb.fix_mojibake(state.work[c]).to_numpy(dtype=object)
    state.log.compare("fix_encoding", before, state.work, state.text_cols)


def _normalise_names(state: _Ingest, enabled: bool) -> None:
    """3. Names tidied, then one spelling per letter case."""
    if not enabled:
        state.log.step("normalise_names", False)
        state.log.step("unify_case", False)
        return
    work = state.work
    before = work.copy()
    for c in state.text_cols:
        work[c] = map_unique(work[c], pb.normalise_name, strings_only=True).to_numpy(dtype=object)
    state.log.compare("normalise_names", before, work, state.text_cols)
    before = work.copy()
    for c in state.text_cols:
        work[c] = pb.normalise_names(work[c]).to_numpy(dtype=object)
    state.log.compare("unify_case", before, work, state.text_cols)


def _apply_aliases(state: _Ingest, plain_aliases: dict, column_aliases: dict, *, fix_encoding: bool,
                   normalise_names: bool) -> None:
    """4. Confirmed aliases (keys cleaned like the data, so raw spellings work too)."""
    if not (plain_aliases or column_aliases):
        state.log.step("aliases", False)
        return

    def clean(text: str) -> str:
        if fix_encoding:
            text = pb.fix_mojibake(text).iat[0]
        return pb.normalise_name(text) if normalise_names else text

    work = state.work
    before = work.copy()
    plain = {clean(k): clean(v) for k, v in plain_aliases.items()}
    plain.update({k: v for k, v in plain_aliases.items()})
    for c in state.text_cols:
        mapping = dict(plain)
        for k, v in column_aliases.get(state.sources[c], {}).items():
            mapping[clean(str(k))] = clean(str(v))
            mapping[str(k)] = clean(str(v))
        work[c] = work[c].map(lambda v: mapping.get(v, v) if isinstance(v, str) else v).to_numpy(dtype=object)
    state.log.compare("aliases", before, work, state.text_cols)


def _choose_attribute_values(state: _Ingest) -> tuple[dict, pd.DataFrame]:
    """5. One value per actor / opgave for each of its attributes (the most frequent over all rows).

    Returns the chosen values per internal column and the conflicts (with the
    number of rows whose value was not kept in ``attrs["rows"]``).
    """
    conflicts = []
    n_conflict_rows = 0
    chosen: dict[str, pd.Series] = {}
    for internal in state.work.columns:
        if internal.startswith(("a:", "o:")):
            by = "actor" if internal.startswith("a:") else "opgave"
            values, conf, n_rows = _modal(state.work, by, internal)
            chosen[internal] = values
            n_conflict_rows += n_rows
            if len(conf):
                conf.insert(0, "column", state.sources[internal])
                conf.insert(0, "level", "actor" if by == "actor" else "opgave")
                conflicts.append(conf)
    frame = (pd.concat(conflicts, ignore_index=True) if conflicts
             else pd.DataFrame(columns=["level", "id", "column", "kept", "values"]))
    frame.attrs["rows"] = n_conflict_rows
    return chosen, frame


def _merge_duplicates(state: _Ingest, enabled: bool, conflicts: pd.DataFrame) -> None:
    """6. Repeated participant × arrangement rows merged; the attribute conflicts reported."""
    work = state.work
    dup = work.duplicated(["actor", "opgave"], keep="first")
    if enabled:
        dup_pairs = work[work.duplicated(["actor", "opgave"], keep=False)].groupby(
            ["actor", "opgave"], sort=False).size()
        state.log.step("merge_duplicates", True, int(dup.sum()), len(dup_pairs),
                       [f"{a} × {o} ({n}×)" for (a, o), n in dup_pairs.items()])
        state.work = work[~dup].reset_index(drop=True)
    else:
        state.log.step("merge_duplicates", False, int(dup.sum()), 0)
    n_rows = conflicts.attrs.pop("rows", 0)
    state.log.step("attribute_conflicts", True, n_rows, len(conflicts),
                   [f"{r.id} · {r.column}: {r.values} → {r.kept}" for r in conflicts.itertuples(index=False)])


def _flag_near_duplicates(state: _Ingest, enabled: bool, threshold: float, municipalities) -> pd.DataFrame:
    """7. Near-duplicate names: flagged, never merged."""
    known = _known_names(municipalities)
    near_parts = []
    if enabled:
        for c, label in state.text_cols.items():
            if c.startswith("i:"):
                continue
            pairs = pb.near_duplicates(state.work[c], threshold, known=known)
            if len(pairs):
                pairs.insert(0, "column", label)
                near_parts.append(pairs)
    near = (pd.concat(near_parts, ignore_index=True) if near_parts else
            pd.DataFrame(columns=["column", "name", "candidate", "similarity", "n_name", "n_candidate"]))
    state.log.step("near_duplicates", enabled, int(near["n_name"].sum()) if len(near) else 0, len(near),
                   [f"{r.name} ~ {r.candidate} ({r.similarity:.2f})" for r in near.itertuples(index=False)])
    return near


def _classify_actors(state: _Ingest, actor_ids: pd.Index, infer: bool, municipalities) -> pd.DataFrame:
    """8a. Public bodies recognised from their names (when type or scale is inferred)."""
    if not infer:
        state.log.step("actor_type", False)
        state.log.step("unrecognised", False)
        return pd.DataFrame(columns=["type", "scale", "kind", "tier", "basis", "recognised", "n_opgaven"])
    n_memberships = state.work.groupby("actor", sort=False).size()
    classes = pb.classify_public_bodies(actor_ids, municipalities=municipalities).reindex(actor_ids)
    classes["n_opgaven"] = n_memberships.reindex(actor_ids).to_numpy()
    keyword = classes[classes["basis"] != "bare name"]
    shown = keyword.drop_duplicates("kind")
    state.log.step("actor_type", True, int(keyword["n_opgaven"].sum()), len(keyword),
                   [f"{i} → {r.type}, {r.scale or '–'} ({r.kind})" for i, r in shown.iterrows()])
    unrec = classes[~classes["recognised"]].sort_values("n_opgaven", ascending=False, kind="stable")
    state.log.step("unrecognised", True, int(unrec["n_opgaven"].sum()), len(unrec), list(unrec.index))
    return classes


def _actor_table(state: _Ingest, chosen: dict, a_attrs: dict, actor_type, scale, municipalities):
    """8. The actors: type, scale, kind of body, tier and the kept attributes."""
    actor_ids = pd.Index(pd.unique(state.work["actor"].to_numpy(dtype=object)), name="id")
    actors = pd.DataFrame({"id": actor_ids, "name": actor_ids})
    classification = _classify_actors(state, actor_ids, "infer" in (actor_type, scale), municipalities)
    vocabularies = None

    def values(internal: str):
        return chosen[internal].reindex(actor_ids).to_numpy(dtype=object)

    if actor_type == "infer":
        actors["type"] = classification["type"].to_numpy(dtype=object)
    elif actor_type is not None:
        actors["type"] = values("a:__type")
    else:
        actors["type"] = _UNKNOWN_TYPE
        vocabularies = pd.DataFrame({"lijst": ["actortype"], "waarde": [_UNKNOWN_TYPE],
                                     "label": [_t("unknown_type", state.lang)]})
    if scale == "infer":
        actors["scale"] = classification["scale"].to_numpy(dtype=object)
    elif scale is not None:
        actors["scale"] = values("a:__scale")
    if "infer" in (actor_type, scale):
        actors["body"] = classification["kind"].to_numpy(dtype=object)
        actors["tier"] = classification["tier"].to_numpy(dtype=object)
    for col, new in a_attrs.items():
        actors[new] = values("a:" + col)
    return actors, classification, vocabularies


def _opgave_table(state: _Ingest, chosen: dict, o_attrs: dict, category):
    """9. The opgaven: category, its domain and the kept attributes (ids are still names here)."""
    work, log = state.work, state.log
    opgave_names = pd.Index(pd.unique(work["opgave"].to_numpy(dtype=object)))
    opgaven = pd.DataFrame({"id": opgave_names, "name": opgave_names})
    categories = pd.DataFrame(columns=["name", "category", "domain"])
    if category is not None:
        if category == "infer":
            cats = [pb._arrangement(n)[0] for n in opgave_names]
        else:
            cats = chosen["o:__category"].reindex(opgave_names).tolist()
        domains = [pb._category_domain(c) if isinstance(c, str) else None for c in cats]
        opgaven["category"] = cats
        opgaven["domains"] = domains
        categories = pd.DataFrame({"name": opgave_names, "category": cats, "domain": domains})
        known_cat = categories[categories["category"].map(lambda c: isinstance(c, str) and c != "overig")]
        shown = known_cat.drop_duplicates("category")
        log.step("category", True, int(work["opgave"].isin(known_cat["name"]).sum()), len(known_cat),
                 [f"{r.name} → {r.category}" for r in shown.itertuples(index=False)])
        other = categories[~categories.index.isin(known_cat.index)]
        log.step("category_other", True, int(work["opgave"].isin(other["name"]).sum()), len(other),
                 list(other["name"]))
    else:
        log.step("category", False)
        log.step("category_other", False)
    for col, new in o_attrs.items():
        opgaven[new] = chosen["o:" + col].reindex(opgave_names).to_numpy(dtype=object)
    return opgaven, categories


def _separate_ids(state: _Ingest, actors, opgaven, categories, classification, i_attrs: dict) -> pd.DataFrame:
    """10. An id may not be both an actor and an opgave: such an opgave gets a suffix. Returns the involvement."""
    work = state.work
    actor_ids = pd.Index(actors["id"])
    opgave_names = pd.Index(opgaven["id"])
    clash = opgave_names.isin(actor_ids)
    opgave_ids = pd.Index([f"{n}{_OPGAVE_SUFFIX}" if c else n for n, c in zip(opgave_names, clash)])
    opgaven["id"] = opgave_ids
    id_of = dict(zip(opgave_names, opgave_ids))
    state.log.step("id_collisions", bool(clash.any()), int(work["opgave"].isin(opgave_names[clash]).sum()),
                   int(clash.sum()), [f"{n} → {n}{_OPGAVE_SUFFIX}" for n in opgave_names[clash]])
    if len(categories):
        categories.index = opgave_ids
        categories.index.name = "id"
    if len(classification):
        classification.index.name = "id"
    involvement = pd.DataFrame({"actor": work["actor"].to_numpy(dtype=object),
                                "opgave": work["opgave"].map(id_of).to_numpy(dtype=object)})
    for col, new in i_attrs.items():
        involvement[new] = work["i:" + col].to_numpy(dtype=object)
    return involvement


# --------------------------------------------------------------------------
# analysis helpers
# --------------------------------------------------------------------------

def _memberships(case: Case) -> pd.DataFrame:
    return case.involvement[["actor", "opgave"]].drop_duplicates().reset_index(drop=True)


def _actor_groups(case: Case, attr) -> pd.Series:
    """The group of each actor: a column of ``case.actors`` or a mapping."""
    if isinstance(attr, str):
        if attr not in case.actors.columns:
            msg = f"'attr' must be a column of case.actors {list(case.actors.columns)} or a mapping, got {attr!r}."
            raise ValueError(msg)
        values = case.actors[attr]
    elif isinstance(attr, (Mapping, pd.Series)):
        values = pd.Series(attr).reindex(case.actors.index)
    else:
        msg = f"'attr' must be a column name or a mapping actor → group, got {type(attr).__name__}."
        raise TypeError(msg)
    return values.astype(object).where(values.notna(), None)


def _grouped_memberships(case: Case, attr) -> tuple[pd.DataFrame, pd.Series]:
    """The memberships of actors with a group, each with its group (column ``g``), and every actor's group."""
    _check_case(case)
    groups = _actor_groups(case, attr)
    inv = _memberships(case)
    return inv.assign(g=inv["actor"].map(groups)).dropna(subset=["g"]), groups


def co_membership_graph(case: Case, *, min_shared: int = 1, max_size: int | None = None) -> nx.Graph:
    """The one-mode network of participants who share arrangements.

    Two actors are linked when they take part in at least ``min_shared`` of
    the same opgaven; the tie's ``weight`` is the number they share. This is
    the projection ``B·Bᵀ`` of the actor × opgave incidence matrix ``B``
    (Breiger 1974), computed as a sparse product, so ten thousand memberships
    take well under a second.

    Parameters
    ----------
    case : Case
    min_shared : int, default 1
        Keep ties of at least this many shared opgaven.
    max_size : int, optional
        Leave out opgaven with more than this many participants (one very
        large arrangement links everyone to everyone and can drown the
        structure).

    Returns
    -------
    networkx.Graph
        Every actor is a node (isolates included) with its attributes and
        ``n_opgaven``; ties carry ``weight`` (int).

    Raises
    ------
    TypeError
        If ``case`` is not a Case.
    ValueError
        If ``min_shared`` is not a positive int or ``max_size`` not a
        positive int or None.

    Examples
    --------
    >>> import pandas as pd
    >>> case, _ = from_membership(pd.DataFrame({
    ...     "lid": ["A", "B", "A", "B"], "regeling": ["R1", "R1", "R2", "R2"]}), "lid", "regeling")
    >>> co_membership_graph(case).edges["A", "B"]["weight"]
    2

    References
    ----------
    Breiger, R. L. (1974). The duality of persons and groups. *Social Forces*
    53(2), 181-190.
    """
    import scipy.sparse as sp

    _check_case(case)
    if isinstance(min_shared, bool) or not isinstance(min_shared, (int, np.integer)) or min_shared < 1:
        msg = f"'min_shared' must be a positive int, got {min_shared!r}."
        raise ValueError(msg)
    if max_size is not None and (isinstance(max_size, bool) or not isinstance(max_size, (int, np.integer))
                                 or max_size < 1):
        msg = f"'max_size' must be a positive int or None, got {max_size!r}."
        raise ValueError(msg)
    inv = _memberships(case)
    if max_size is not None:
        size = inv.groupby("opgave")["actor"].transform("size")
        inv = inv[size <= max_size]
    actors = case.actors.index
    rows = actors.get_indexer(inv["actor"])
    opg_codes, _ = pd.factorize(inv["opgave"])
    B = sp.csr_matrix((np.ones(len(inv), dtype=np.int64), (rows, opg_codes)),
                      shape=(len(actors), int(opg_codes.max()) + 1 if len(inv) else 0))
    W = sp.triu(B @ B.T, k=1).tocoo()
    keep = W.data >= min_shared
    G = nx.Graph(case=case.name, kind="co-membership", min_shared=min_shared, max_size=max_size)
    n_opg = inv.groupby("actor").size()
    for aid, attrs in node_attributes(case.actors).items():
        G.add_node(aid, n_opgaven=int(n_opg.get(aid, 0)), **attrs)
    ids = actors.to_numpy(dtype=object)
    G.add_edges_from((ids[i], ids[j], {"weight": int(w)})
                     for i, j, w in zip(W.row[keep], W.col[keep], W.data[keep]))
    return G


def home_province(case: Case, regioatlas: pd.DataFrame | None = None, *,
                  opgave_attr: str | None = None, min_share: float = 0.5) -> pd.DataFrame:
    """The province each Dutch public body belongs to, and how that was found.

    In order:

    1. ``name``: a province is its own province (``Provincie Fryslân`` →
       ``Fryslân``); a name ending in ``(Duitsland)`` or ``(België)`` gets
       that country;
    2. ``regioatlas``: a municipality found in the regioatlas (by
       :func:`opgavelab.public_bodies.match_names`) gets its province there;
    3. ``name``: a name that contains a province's name as a word
       (``Wetterskip Fryslân``, ``Veiligheidsregio Groningen``) gets it;
    4. ``co-members``: anything else (water boards, regional bodies, former
       municipalities) gets the province of the bodies it works with: each of
       its arrangements gives one vote, spread over the provinces of its
       members placed by 1-2 in proportion to their numbers; the province
       with the most votes wins if it has at least ``min_share`` of them and
       no other province has as many;
    5. ``arrangements``: failing that, the most frequent province in the
       opgave column ``opgave_attr`` of its arrangements (for the Open State
       data: the province that reported the arrangement).

    Actors at the national scale or above (``scale`` nationaal, Europees,
    mondiaal: ministries, the Rijk) get no province. Steps 4 and 5 are
    approximations: a water board can straddle provinces.

    Parameters
    ----------
    case : Case
    regioatlas : pandas.DataFrame, optional
        From :func:`opgavelab.public_bodies.read_regioatlas` (needs its
        ``provincies`` column).
    opgave_attr : str, optional
        Column of ``case.opgaven`` holding a province name.
    min_share : float, default 0.5
        Share of the votes the winning province needs in step 4.

    Returns
    -------
    pandas.DataFrame
        Indexed by actor id: ``province`` (an official name from
        :data:`opgavelab.public_bodies.PROVINCES`, a country, or None) and
        ``province_source`` (``"name"``, ``"regioatlas"``, ``"co-members"``,
        ``"arrangements"`` or None).

    Raises
    ------
    ValueError
        If ``opgave_attr`` is not a column of ``case.opgaven``, the regioatlas
        has no ``provincies`` column, or ``min_share`` is not in (0, 1].

    Examples
    --------
    >>> import pandas as pd
    >>> case, _ = from_membership(pd.DataFrame({
    ...     "lid": ["Provincie Utrecht", "Zeist", "Alpen (Duitsland)"], "regeling": ["R", "R", "R"]}),
    ...     "lid", "regeling")
    >>> atlas = pd.DataFrame({"provincies": ["Utrecht"]}, index=pd.Index(["Zeist"], name="gemeente"))
    >>> home_province(case, atlas)["province"].tolist()
    ['Utrecht', 'Utrecht', 'Duitsland']
    """
    _check_case(case)
    if opgave_attr is not None and opgave_attr not in case.opgaven.columns:
        msg = f"'opgave_attr' must be a column of case.opgaven {list(case.opgaven.columns)}, got {opgave_attr!r}."
        raise ValueError(msg)
    if regioatlas is not None and "provincies" not in regioatlas.columns:
        msg = f"'regioatlas' must have a 'provincies' column (from read_regioatlas), got {list(regioatlas.columns)}."
        raise ValueError(msg)
    if isinstance(min_share, bool) or not isinstance(min_share, (int, float)) or not 0 < min_share <= 1:
        msg = f"'min_share' must be a number in (0, 1], got {min_share!r}."
        raise ValueError(msg)
    names = case.actors["name"].astype(object)
    province = pd.Series(None, index=case.actors.index, dtype=object)
    source = pd.Series(None, index=case.actors.index, dtype=object)
    national = pd.Series(False, index=case.actors.index)
    if "scale" in case.actors.columns:
        national = case.actors["scale"].astype(object).isin(["nationaal", "Europees", "mondiaal"])
    countries = (("Duitsland", ("(duitsland)", "(deutschland)")), ("België", ("(belgie)", "(belgium)", "(belgique)")))
    for aid, nm in names.items():
        folded = pb._fold(nm)
        if folded.startswith("provincie ") and pb.canonical_province(nm):
            province[aid], source[aid] = pb.canonical_province(nm), "name"
            continue
        for country, words in countries:
            if folded.endswith(words):
                province[aid], source[aid] = country, "name"
    todo = province.isna() & ~national
    if regioatlas is not None and todo.any():
        matched = pb.match_names(names[todo], regioatlas.index)
        for aid in province.index[todo]:
            hit = matched.get(names[aid])
            if isinstance(hit, str):
                p = pb.canonical_province(regioatlas.at[hit, "provincies"])
                if p:
                    province[aid], source[aid] = p, "regioatlas"
    anchored = province.dropna().copy()  # placed by steps 1-2: the only voters in step 4
    todo = province.isna() & ~national
    for aid in province.index[todo]:
        words = set(pb.name_key(names[aid]).split())
        found = [p for p in pb.PROVINCES if pb.name_key(p) in words or
                 (p == "Fryslân" and "friesland" in words)]
        if len(found) == 1:
            province[aid], source[aid] = found[0], "name"
    todo = province.isna() & ~national
    inv = _memberships(case)
    if todo.any():
        # each arrangement spreads one vote over the provinces of its placed members, so one large
        # arrangement cannot outvote several small local ones
        dutch = anchored[anchored.isin(pb.PROVINCES)]
        members = inv[inv["actor"].isin(dutch.index)]
        shares = pd.crosstab(members["opgave"], members["actor"].map(dutch), normalize="index")
        mine = inv[inv["actor"].isin(province.index[todo]) & inv["opgave"].isin(shares.index)]
        if len(mine):
            votes = shares.reindex(mine["opgave"]).set_axis(mine["actor"].to_numpy()).groupby(level=0).sum()
            share = votes.div(votes.sum(axis=1), axis=0)
            for aid, row in share.iterrows():
                best = row[row == row.max()]
                if len(best) == 1 and row.max() >= min_share:
                    province[aid] = best.index[0]
                    source[aid] = "co-members"
    todo = province.isna() & ~national
    if opgave_attr is not None and todo.any():
        mine = inv[inv["actor"].isin(province.index[todo])]
        prov_of_opgave = case.opgaven[opgave_attr].map(pb.canonical_province)
        mine = mine.assign(p=mine["opgave"].map(prov_of_opgave)).dropna(subset=["p"])
        if len(mine):
            modal, _, _ = _modal(mine, "actor", "p")
            for aid, p in modal.items():
                province[aid], source[aid] = p, "arrangements"
    return pd.DataFrame({"province": province, "province_source": source})


def group_combinations(case: Case, attr: str = "tier", *, examples: int = 2) -> pd.DataFrame:
    """Which combinations of groups make up the opgaven.

    Parameters
    ----------
    case : Case
    attr : str or mapping, default "tier"
        Column of ``case.actors`` (or a mapping actor → group).
    examples : int, default 2
        Names of opgaven shown per combination.

    Returns
    -------
    pandas.DataFrame
        One row per combination (``"gemeente + provincie"``), most frequent
        first: ``n_groups``, ``n_opgaven``, ``share`` of all opgaven and
        ``examples``.

    Examples
    --------
    >>> import pandas as pd
    >>> case, _ = from_membership(pd.DataFrame({
    ...     "lid": ["Zeist", "Provincie Utrecht", "Zeist", "Bunnik"], "regeling": ["R1", "R1", "R2", "R2"]}),
    ...     "lid", "regeling", actor_type="infer")
    >>> group_combinations(case)["n_opgaven"].to_dict()
    {'gemeente': 1, 'gemeente + provincie': 1}
    """
    inv, groups = _grouped_memberships(case, attr)
    combo = inv.groupby("opgave")["g"].agg(lambda s: " + ".join(sorted(set(map(str, s)))))
    n_groups = combo.str.count(r" \+ ") + 1
    names = case.opgaven["name"]
    frame = pd.DataFrame({"combination": combo, "n_groups": n_groups})
    out = frame.groupby("combination").agg(n_groups=("n_groups", "first"), n_opgaven=("n_groups", "size"))
    out["share"] = out["n_opgaven"] / max(len(case.opgaven), 1)
    out["examples"] = frame.groupby("combination").apply(
        lambda g: "; ".join(names.reindex(g.index[:examples]).astype(str)), include_groups=False)
    out = out.sort_values(["n_opgaven", "n_groups"], ascending=[False, True], kind="stable")
    return out.astype({"n_groups": "int64", "n_opgaven": "int64"})


def group_copresence(case: Case, attr: str = "tier") -> pd.DataFrame:
    """In how many opgaven two groups take part together.

    Parameters
    ----------
    case, attr
        As in :func:`group_combinations`; actors without a group are left out.

    Returns
    -------
    pandas.DataFrame
        Square and symmetric, groups in rows and columns: cell ``(g, h)`` is
        the number of opgaven with at least one member of ``g`` and one of
        ``h``; the diagonal is the number of opgaven in which ``g`` takes part.

    Examples
    --------
    >>> import pandas as pd
    >>> case, _ = from_membership(pd.DataFrame({
    ...     "lid": ["Utrecht", "Provincie Utrecht", "Houten", "Waterschap De Stichtse Rijnlanden", "Houten"],
    ...     "regeling": ["U10", "U10", "U10", "Water", "Water"]}), "lid", "regeling", actor_type="infer")
    >>> group_copresence(case).loc["gemeente"].to_dict()  # municipalities are in both
    {'gemeente': 2, 'provincie': 1, 'waterschap': 1}
    """
    inv, groups = _grouped_memberships(case, attr)
    P = pd.crosstab(inv["opgave"], inv["g"]).clip(upper=1)
    M = P.T @ P
    M.index.name = attr if isinstance(attr, str) else "group"
    M.columns.name = M.index.name
    return M.astype("int64")


def tier_summary(case: Case, attr: str = "tier") -> pd.DataFrame:
    """Per group: its participants, their memberships and how mixed their opgaven are.

    Parameters
    ----------
    case, attr
        As in :func:`group_combinations`; a group's ``n_actors`` counts all its
        actors in ``case.actors``.

    Returns
    -------
    pandas.DataFrame
        Indexed by group, most participants first: ``n_actors``,
        ``memberships``, ``opgaven_per_actor`` (mean), ``n_opgaven``
        (opgaven with at least one member of the group) and
        ``share_with_other_groups`` (of those opgaven, the share that also has
        a member of another group).

    Examples
    --------
    >>> import pandas as pd
    >>> case, _ = from_membership(pd.DataFrame({
    ...     "lid": ["Zeist", "Bunnik", "Provincie Utrecht", "Zeist"], "regeling": ["R1", "R1", "R1", "R2"]}),
    ...     "lid", "regeling", actor_type="infer")
    >>> float(tier_summary(case).loc["gemeente", "share_with_other_groups"])  # R1 with the province, R2 alone
    0.5
    """
    inv, groups = _grouped_memberships(case, attr)
    n_groups_of_opgave = inv.groupby("opgave")["g"].nunique()
    per = inv.drop_duplicates(["opgave", "g"]).assign(mixed=lambda f: f["opgave"].map(n_groups_of_opgave) > 1)
    n_actors = groups.dropna().value_counts()
    out = pd.DataFrame({
        "n_actors": n_actors,
        "memberships": inv.groupby("g").size(),
        "n_opgaven": per.groupby("g").size(),
        "share_with_other_groups": per.groupby("g")["mixed"].mean(),
    }).fillna(0)
    out["opgaven_per_actor"] = out["memberships"] / out["n_actors"]
    out = out[["n_actors", "memberships", "opgaven_per_actor", "n_opgaven", "share_with_other_groups"]]
    out.index.name = attr if isinstance(attr, str) else "group"
    out = out.sort_values(["n_actors"], ascending=False, kind="stable")
    return out.astype({"n_actors": "int64", "memberships": "int64", "n_opgaven": "int64"})


def spanning_opgaven(case: Case, attr: str = "province", *, min_groups: int = 2) -> pd.DataFrame:
    """The opgaven whose participants come from several groups (e.g. provinces).

    Parameters
    ----------
    case : Case
    attr : str or mapping, default "province"
    min_groups : int, default 2

    Returns
    -------
    pandas.DataFrame
        Indexed by opgave id, most groups first: ``name``, ``category`` (if
        the case has one), ``n_actors``, ``n_groups`` and ``groups``.

    Raises
    ------
    TypeError
        If ``case`` is not an opgavelab Case, or ``attr`` is neither a column
        name nor a mapping.
    ValueError
        If ``attr`` is a name that is not a column of ``case.actors``.

    Examples
    --------
    >>> import pandas as pd
    >>> case, _ = from_membership(pd.DataFrame({
    ...     "lid": ["A", "B", "A"], "regeling": ["R1", "R1", "R2"], "prov": ["x", "y", "x"]}),
    ...     "lid", "regeling", actor_attributes={"prov": "province"})
    >>> spanning_opgaven(case)["groups"].tolist()
    ['x, y']
    """
    _check_case(case)
    groups = _actor_groups(case, attr)
    inv = _memberships(case)
    inv = inv.assign(g=inv["actor"].map(groups))
    agg = inv.groupby("opgave").agg(n_actors=("actor", "nunique"), n_groups=("g", "nunique"),
                                    groups=("g", lambda s: ", ".join(sorted({str(x) for x in s.dropna()}))))
    out = agg[agg["n_groups"] >= min_groups]
    cols = ["name"] + (["category"] if "category" in case.opgaven.columns else [])
    out = case.opgaven[cols].join(out, how="inner")
    out.index.name = "id"
    return out.sort_values(["n_groups", "n_actors"], ascending=False, kind="stable")


def category_summary(case: Case, by: str = "category", across=("tier", "province")) -> pd.DataFrame:
    """Per kind of opgave: how many, how large, and how often they cross groups.

    Parameters
    ----------
    case : Case
    by : str, default "category"
        Column of ``case.opgaven`` to group the opgaven by.
    across : iterable of str, default ("tier", "province")
        Columns of ``case.actors``; for each, the share of the opgaven whose
        participants come from two or more of its groups (actors without a
        value left out). Columns that the case does not have are skipped.

    Returns
    -------
    pandas.DataFrame
        Indexed by the values of ``by``, most opgaven first: ``n_opgaven``,
        ``participants`` (distinct), ``memberships``, ``median_size`` and
        ``max_size`` (participants per opgave), and ``multi_<attr>`` per
        attribute of ``across``.

    Raises
    ------
    ValueError
        If ``by`` is not a column of ``case.opgaven``.

    Examples
    --------
    >>> import pandas as pd
    >>> case, _ = from_membership(pd.DataFrame({
    ...     "lid": ["Zeist", "Provincie Utrecht", "Zeist", "Bunnik"],
    ...     "regeling": ["Recreatieschap Utrecht", "Recreatieschap Utrecht", "GGD regio Utrecht", "GGD regio Utrecht"]}),
    ...     "lid", "regeling", actor_type="infer", category="infer")
    >>> category_summary(case)["multi_tier"].to_dict()
    {'gezondheid': 0.0, 'recreatie en natuur': 1.0}
    """
    _check_case(case)
    if by not in case.opgaven.columns:
        msg = f"'by' must be a column of case.opgaven {list(case.opgaven.columns)}, got {by!r}."
        raise ValueError(msg)
    inv = _memberships(case)
    inv = inv.assign(cat=inv["opgave"].map(case.opgaven[by].astype(object)))
    size = inv.groupby("opgave").size()
    cat_of = case.opgaven[by].astype(object)
    out = pd.DataFrame({
        "n_opgaven": cat_of.value_counts(),
        "participants": inv.groupby("cat")["actor"].nunique(),
        "memberships": inv.groupby("cat").size(),
        "median_size": size.groupby(cat_of.reindex(size.index)).median(),
        "max_size": size.groupby(cat_of.reindex(size.index)).max(),
    }).fillna(0)
    for attr in across:
        if attr not in case.actors.columns:
            continue
        g = inv.assign(g=inv["actor"].map(case.actors[attr].astype(object))).dropna(subset=["g"])
        multi = g.groupby("opgave")["g"].nunique() > 1
        out[f"multi_{attr}"] = multi.groupby(cat_of.reindex(multi.index)).mean()
    out.index.name = by
    out = out.sort_values(["n_opgaven", "participants"], ascending=False, kind="stable")
    return out.astype({"n_opgaven": "int64", "participants": "int64", "memberships": "int64",
                       "max_size": "int64"})


def region_fit(case: Case, regions: pd.DataFrame, *, tier: str = "tier", municipality: str = "gemeente",
               min_members: int = 2) -> pd.DataFrame:
    """For every arrangement, whether its municipal members lie within one region of each regional division.

    Parameters
    ----------
    case : Case
        A membership case (:func:`from_membership`) whose actors have a tier column.
    regions : pandas.DataFrame
        Indexed by municipality name, one column per regional division (for
        example :func:`opgavelab.public_bodies.read_regioatlas`: provinces,
        safety regions, GGD regions, labour-market regions).
    tier : str, default "tier"
        The actor column with the tier; members with ``municipality`` there count.
    municipality : str, default "gemeente"
    min_members : int, default 2
        Only arrangements with at least this many municipal members found in ``regions``.

    Returns
    -------
    pandas.DataFrame
        Indexed by opgave (arrangement) id: ``n_municipalities`` (members found
        in ``regions``) and, per division, the share of those members in the
        division's most common region (1.0: all in one region).

    Raises
    ------
    TypeError
        If ``case`` is not an opgavelab Case.
    ValueError
        If ``tier`` is not an actor column (build the case with
        ``from_membership(..., scale="infer")``).

    Examples
    --------
    >>> import pandas as pd
    >>> from opgavelab import Case
    >>> case = Case.from_frames(
    ...     actors=pd.DataFrame({"id": ["A", "B", "C"], "naam": ["A", "B", "C"], "type": ["overheid"] * 3,
    ...                          "tier": ["gemeente"] * 3}),
    ...     opgaven=pd.DataFrame({"id": ["r"], "naam": ["R"]}),
    ...     involvement=pd.DataFrame({"actor": ["A", "B", "C"], "opgave": ["r"] * 3}))
    >>> atlas = pd.DataFrame({"provincie": ["P", "P", "Q"]}, index=["A", "B", "C"])
    >>> round(float(region_fit(case, atlas).loc["r", "provincie"]), 3)
    0.667
    """
    _check_case(case)
    if tier not in case.actors.columns:
        msg = f"'tier' must be an actor column, got {tier!r}; build the case with from_membership(..., scale='infer')."
        raise ValueError(msg)
    munis = case.actors.index[case.actors[tier].astype(object) == municipality]
    names = case.actors.loc[munis, "name"].astype(str)
    known = {aid: name for aid, name in names.items() if name in regions.index}
    inv = case.involvement[["actor", "opgave"]].drop_duplicates()
    inv = inv[inv["actor"].isin(list(known))]
    rows = {}
    for opgave, members in inv.groupby("opgave")["actor"]:
        if len(members) < min_members:
            continue
        table = regions.loc[[known[a] for a in members]]
        row = {"n_municipalities": len(members)}
        for col in regions.columns:
            values = table[col].dropna()
            row[col] = float(values.value_counts().iloc[0] / len(values)) if len(values) else float("nan")
        rows[opgave] = row
    out = pd.DataFrame.from_dict(rows, orient="index")
    out.index.name = "opgave"
    return out
