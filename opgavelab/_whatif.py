"""The what-if model: a case changed (actors removed or added, ties made or broken), both sides measured,
and the comparison in words and tables.

:func:`opgavelab.scenario` (module ``_scenario``) checks its arguments and builds a :class:`Scenario`
here; the Word note builds one for its key player the same way. This module never scans: a scenario's
full scan of a side (:meth:`Scenario.scan`) comes from the ``rescan`` its builder gives.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable
from dataclasses import dataclass, field

import networkx as nx
import numpy as np
import pandas as pd
from scipy.sparse import csgraph

from ._checks import _check_one_of
from ._dates import to_timestamp
from ._i18n import fmt_number, fmt_percent, label, message
from .case import Case, is_active
from .display import _for_reading
from .export import write_scan_excel
from .metrics._graph import _adjacency
from .metrics.coverage import domain_coverage, scale_fit
from .network import opgave_graph
from . import metrics

#: the rows of the diff table, in order (keys stay English; labels come from the catalogue)
MEASURES = [
    "n_actors", "n_ties", "density", "n_parts", "largest_share", "average_distance", "connectedness",
    "reach_2", "distance_fragmentation", "n_cut_points", "needed_domains_covered", "n_needed_domains",
    "scale_needed_present", "scale_span", "brokerage_total", "ei",
]

#: the measures whose change has a direction: +1 when a rise makes the collective more fragile or
#: less complete, -1 when a fall does; the others (size, brokerage, E-I) are left to the reader
WORSE_WHEN = {
    "n_parts": 1, "largest_share": -1, "average_distance": 1, "connectedness": -1, "reach_2": -1,
    "distance_fragmentation": 1, "n_cut_points": 1, "needed_domains_covered": -1, "scale_needed_present": -1,
}

_STRUCTURE = ["n_parts", "largest_share", "average_distance", "connectedness", "reach_2", "distance_fragmentation",
              "n_cut_points"]


# --------------------------------------------------------------------------
# numbers of one side
# --------------------------------------------------------------------------
@dataclass
class ScenarioSide:
    """The measured opgave on one side of a scenario (before or after)."""

    case: Case
    graph: nx.Graph
    numbers: pd.Series
    components: list
    distances: np.ndarray  # int16, -1 where unreachable; rows/cols in graph order
    coverage: pd.DataFrame
    missing_domains: list
    scale: pd.DataFrame
    brokerage: pd.DataFrame
    articulation_points: list
    adjacency: object = None  # scipy sparse, rows/cols in graph order

    @property
    def nodes(self) -> list:
        return list(self.graph.nodes)


def _adjacency_of(side: ScenarioSide, keep: np.ndarray):
    """The adjacency of ``side``'s graph restricted to the actors in ``keep`` (in graph order)."""
    A = side.adjacency
    if A is None:
        _, A = _adjacency(side.graph)
    idx = np.flatnonzero(keep)
    return A[idx][:, idx]


def _distance_matrix(A) -> np.ndarray:
    """All-pairs distances in steps (int16, -1: unreachable), by batched breadth-first search.

    One sparse product per step for a block of sources at once, as
    :mod:`opgavelab.metrics.centrality` does, so a network of 2,000 actors
    takes a fraction of a second.
    """
    n = A.shape[0]
    D = np.full((n, n), -1, dtype=np.int16)
    if n == 0:
        return D
    A = A.astype(np.float32)
    block = max(1, min(n, 4_000_000 // max(n, 1)))
    for start in range(0, n, block):
        src = np.arange(start, min(n, start + block))
        cols = np.arange(len(src))
        frontier = np.zeros((n, len(src)), dtype=np.float32)
        frontier[src, cols] = 1.0
        reached = frontier > 0
        part = np.full((n, len(src)), -1, dtype=np.int16)
        part[src, cols] = 0
        d = 0
        while True:
            d += 1
            new = (A @ frontier) > 0
            new &= ~reached
            if not new.any():
                break
            part[new] = d
            reached |= new
            frontier = new.astype(np.float32)
        D[:, start:start + len(src)] = part
    return D.T.copy()  # symmetric for undirected graphs; rows are sources


def _measure(case: Case, opgave: str, ts, attr: str, only_opgave_ties: bool, G: nx.Graph | None = None,
             A=None) -> ScenarioSide:
    if G is None:
        G = opgave_graph(case, opgave, at=ts, only_opgave_ties=only_opgave_ties, directed=False)
    if A is None:
        _, A = _adjacency(G)
    n = G.number_of_nodes()
    D = _distance_matrix(A)
    pairs = n * (n - 1)
    # how many ordered pairs lie at each distance: counts[0] unreachable, counts[1] the diagonal, counts[d + 1]
    counts = np.bincount((D.astype(np.int32) + 1).ravel(), minlength=3).astype(float)
    at_d = counts[2:]
    steps = np.arange(1, len(at_d) + 1)
    n_found = at_d.sum()
    n_comp, labels = csgraph.connected_components(A, directed=False)
    nodes = list(G.nodes)
    groups: dict = {}
    for v, c in zip(nodes, labels.tolist()):
        groups.setdefault(c, set()).add(v)
    components = sorted(groups.values(), key=lambda c: (-len(c), sorted(map(str, c))))
    cov = domain_coverage(case, opgave, ts)
    needed = cov[cov["needed"]]
    fit = scale_fit(case, opgave, ts)
    brok = metrics.brokerage(G, attr) if n else pd.DataFrame(columns=["total"])
    cut_points = list(nx.articulation_points(G))
    nan = float("nan")
    numbers = pd.Series({
        "n_actors": n,
        "n_ties": G.number_of_edges(),
        "density": G.number_of_edges() / (pairs / 2) if n > 1 else nan,
        "n_parts": len(components),
        "largest_share": len(components[0]) / n if n else nan,
        "average_distance": float((at_d * steps).sum() / n_found) if n_found else nan,
        "connectedness": n_found / pairs if n > 1 else nan,
        "reach_2": float(at_d[:2].sum() / pairs) if n > 1 else nan,
        # Borgatti's distance-weighted fragmentation: 1 - Σ 1/d_ij / (n(n-1))
        "distance_fragmentation": 1.0 - float((at_d / steps).sum()) / pairs if n > 1 else nan,
        "n_cut_points": len(cut_points),
        "needed_domains_covered": int(needed["covered"].sum()),
        "n_needed_domains": len(needed),
        "scale_needed_present": nan if fit.attrs.get("needed_present") is None else float(fit.attrs["needed_present"]),
        "scale_span": fit.attrs.get("span", 0),
        "brokerage_total": float(brok["total"].sum()) if len(brok) else 0.0,
        "ei": metrics.ei_index(G, attr) if n else nan,
    }, dtype=float, name="value")
    return ScenarioSide(case=case, graph=G, numbers=numbers, components=components, distances=D, coverage=cov,
                        missing_domains=needed.index[~needed["covered"]].tolist(), scale=fit, brokerage=brok,
                        articulation_points=cut_points, adjacency=A)


# --------------------------------------------------------------------------
# the changed case
# --------------------------------------------------------------------------
def _ids(value, name: str) -> list:
    if value is None:
        return []
    if isinstance(value, (str, dict)):
        value = [value]
    if isinstance(value, pd.DataFrame):
        return [dict(r) for r in value.reset_index().to_dict("records")] if value.index.name else \
            value.to_dict("records")
    try:
        return list(value)
    except TypeError:
        msg = f"{name!r} must be a list of actor ids, got {type(value).__name__}."
        raise TypeError(msg) from None


def _check_vocab(case: Case, list_name: str, value, field_name: str, row_id) -> None:
    allowed = case.vocabulary(list_name)["value"].tolist()
    if value is not None and value not in allowed:
        msg = (f"'add': the new actor {row_id!r} has {field_name}={value!r}; it must be one of {allowed} "
               f"(or add the value to the case's 'lijsten' sheet).")
        raise ValueError(msg)


def _changed_case(case: Case, opgave: str, ts, remove, add, add_ties, remove_ties) -> tuple[Case, dict]:
    """A copy of the case with the scenario's changes; the input case is not touched."""
    involved = set(case.actors_of(opgave, ts))
    removed = _removed_actors(remove, involved, opgave)
    involvement, stash = _without_involvement(case, opgave, ts, removed)
    actors, involvement, stash, added = _with_added_actors(case, opgave, add, involved, removed,
                                                           involvement, stash)
    ties, dropped = _without_ties(case.ties.copy(), remove_ties, ts)
    ties, new_ties = _with_added_ties(case, ties, add_ties, set(actors.index), opgave)
    if not isinstance(involvement.index, pd.RangeIndex) and involvement.index.equals(pd.RangeIndex(len(involvement))):
        involvement.index = pd.RangeIndex(len(involvement))
    after = Case(actors, case.opgaven.copy(), involvement, ties.reset_index(drop=True),
                 case.vocabularies.copy(), name=case.name, source=case.source, warnings=case.warnings.copy(),
                 lang=case.lang)
    after._removed_involvement = stash
    changes = {"remove": removed, "add": added, "add_ties": [(r["source"], r["target"]) for r in new_ties],
               "remove_ties": dropped}
    return after, changes


def _removed_actors(remove, involved: set, opgave: str) -> list:
    """The actors to take out, each once; every one must be involved in the opgave at this date."""
    removed = []
    for aid in remove:
        if aid not in involved:
            shown = sorted(map(str, involved))
            shown = shown if len(shown) <= 15 else shown[:15] + ["..."]
            msg = (f"'remove' must hold actors involved in opgave {opgave!r} at this date, got {aid!r}; "
                   f"involved are {shown}.")
            raise ValueError(msg)
        if aid not in removed:
            removed.append(aid)
    return removed


def _without_involvement(case: Case, opgave: str, ts, removed: list) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The involvement without the removed actors' active rows in the opgave, and the stash of taken rows.

    The rows taken out are kept (with their row labels) on the changed case, so that adding the
    actor back in a next scenario restores its involvement exactly, in its place.
    """
    involvement = case.involvement.copy()
    active_inv = (involvement["opgave"] == opgave) & is_active(involvement, ts)
    drop = active_inv & involvement["actor"].isin(removed)
    stash = getattr(case, "_removed_involvement", None)
    stash = involvement[drop] if stash is None else pd.concat([stash[~stash["actor"].isin(removed) |
                                                                     (stash["opgave"] != opgave)], involvement[drop]])
    return involvement[~drop], stash


_INVOLVEMENT_FIELDS = ("role", "aware", "commitment", "since", "until")


def _with_added_actors(case: Case, opgave: str, add, involved: set, removed: list,
                       involvement: pd.DataFrame, stash: pd.DataFrame):
    """Actors and involvement with the added partners: new actors, restored or new involvement rows."""
    actors = case.actors.copy()
    added, new_actor_rows, new_inv_rows, restored = [], [], [], []
    for item in add:
        row = dict(item) if isinstance(item, dict) else {"id": item}
        aid = row.get("id")
        if aid is None or (isinstance(aid, float) and math.isnan(aid)):
            msg = f"'add': every new actor needs an 'id', got {item!r}."
            raise ValueError(msg)
        if aid in added:
            continue
        if aid in involved and aid not in removed:
            msg = f"'add': actor {aid!r} is already involved in opgave {opgave!r}; remove it from 'add'."
            raise ValueError(msg)
        if aid not in actors.index:
            new_actor_rows.append((aid, _new_actor_row(case, actors.columns, row, aid)))
        kept = stash[(stash["actor"] == aid) & (stash["opgave"] == opgave)] if len(stash) else stash
        if len(kept) and not any(k in row for k in _INVOLVEMENT_FIELDS):
            restored.append(kept)
        else:
            new_inv_rows.append(_new_involvement_row(row, aid, opgave))
        added.append(aid)
    if new_actor_rows:
        actors = _append_actors(actors, new_actor_rows)
    if restored:
        back = pd.concat(restored)
        stash = stash.drop(index=back.index)
        involvement = pd.concat([involvement, back]).sort_index(kind="stable")
    if new_inv_rows:
        involvement = _append_involvement(case, involvement, stash, new_inv_rows)
    return actors, involvement, stash, added


def _new_actor_row(case: Case, columns, row: dict, aid) -> dict:
    """The actors-table row of a partner new to the case (name and type required, vocabularies checked)."""
    missing = [c for c in ("name", "type") if not row.get(c)]
    if missing:
        msg = (f"'add': {aid!r} is not an actor of the case, so it needs {missing} to be added as a new "
               f"actor, e.g. {{'id': {aid!r}, 'name': '...', 'type': 'overheid', 'domains': ['1.2']}}.")
        raise ValueError(msg)
    _check_vocab(case, "actor_type", row.get("type"), "type", aid)
    _check_vocab(case, "scale", row.get("scale"), "scale", aid)
    domains = row.get("domains") or []
    if isinstance(domains, str):
        domains = [d.strip() for d in domains.split(";") if d.strip()]
    new = {c: None for c in columns}
    new.update({k: v for k, v in row.items() if k in columns})
    new["domains"] = list(domains)
    return new


def _new_involvement_row(row: dict, aid, opgave: str) -> dict:
    """The involvement row of an added partner (aware unless said otherwise; dates and commitment checked)."""
    inv = {"actor": aid, "opgave": opgave, "aware": True}
    inv.update({k: row[k] for k in _INVOLVEMENT_FIELDS if k in row})
    for key in ("since", "until"):
        try:
            inv[key] = to_timestamp(inv.get(key), end=key == "until") if inv.get(key) is not None else pd.NaT
        except ValueError:
            msg = f"'add': {key!r} of {aid!r} must be a year or a date (2023 or 2023-06-30), got {row[key]!r}."
            raise ValueError(msg) from None
    value = inv.get("commitment")
    if value is not None and not (isinstance(value, (int, np.integer)) and not isinstance(value, bool)
                                  and 1 <= value <= 5):
        msg = f"'add': 'commitment' of {aid!r} must be a whole number from 1 to 5, got {value!r}."
        raise ValueError(msg)
    if not isinstance(inv.get("aware", True), (bool, np.bool_)):
        msg = f"'add': 'aware' of {aid!r} must be True or False, got {inv['aware']!r}."
        raise ValueError(msg)
    return inv


def _append_actors(actors: pd.DataFrame, new_actor_rows: list) -> pd.DataFrame:
    """The actors table with the new partners' rows, its dtypes (categories too) kept."""
    extra = pd.DataFrame([r for _, r in new_actor_rows], index=pd.Index([a for a, _ in new_actor_rows],
                                                                          name=actors.index.name),
                         columns=actors.columns).astype(object)
    dtypes = actors.dtypes
    actors = pd.concat([actors.astype(object), extra])
    for col, dtype in dtypes.items():
        if isinstance(dtype, pd.CategoricalDtype):
            actors[col] = pd.Categorical(actors[col], dtype=dtype)
        elif col != "domains":
            try:
                actors[col] = actors[col].astype(dtype)
            except (TypeError, ValueError):
                pass
    return actors


def _append_involvement(case: Case, involvement: pd.DataFrame, stash: pd.DataFrame,
                        new_inv_rows: list) -> pd.DataFrame:
    """The involvement with new rows, labelled after every row the case (or its stash) has used."""
    start = int(max(case.involvement.index.max() if len(case.involvement) else -1,
                    stash.index.max() if len(stash) else -1)) + 1
    extra = pd.DataFrame(new_inv_rows, columns=involvement.columns,
                         index=pd.RangeIndex(start, start + len(new_inv_rows)))
    for col in ("since", "until"):
        extra[col] = pd.to_datetime(extra[col])
    extra["aware"] = extra["aware"].fillna(True).astype(bool)
    return _concat_like(involvement, extra)


def _without_ties(ties: pd.DataFrame, remove_ties, ts) -> tuple[pd.DataFrame, list]:
    """The ties without each named pair's active ties (either direction); every pair must have one."""
    dropped = []
    for t in remove_ties:
        pair = tuple(t.values())[:2] if isinstance(t, dict) else tuple(t)[:2]
        if len(pair) != 2:
            msg = f"'remove_ties' must hold (source, target) pairs, got {t!r}."
            raise ValueError(msg)
        a, b = pair
        hit = (((ties["source"] == a) & (ties["target"] == b)) | ((ties["source"] == b) & (ties["target"] == a)))
        hit &= is_active(ties, ts)
        if not hit.any():
            msg = (f"'remove_ties': there is no tie between {a!r} and {b!r} at this date; "
                   f"check the pair ({a!r}, {b!r}).")
            raise ValueError(msg)
        ties = ties[~hit]
        dropped.append(pair)
    return ties, dropped


def _with_added_ties(case: Case, ties: pd.DataFrame, add_ties, known: set, opgave: str) -> tuple[pd.DataFrame, list]:
    """The ties with the new ones (undirected, in the opgave, without dates); ends and type checked."""
    new_ties = []
    tie_types = case.vocabulary("tie_type")["value"].tolist()
    for t in add_ties:
        rec = _tie_record(t)
        for end in ("source", "target"):
            if rec[end] not in known:
                msg = (f"'add_ties': {rec[end]!r} is not an actor of the case; add it with 'add' first, "
                       f"or check the id.")
                raise ValueError(msg)
        if rec["source"] == rec["target"]:
            msg = f"'add_ties': a tie needs two different actors, got {rec['source']!r} twice."
            raise ValueError(msg)
        if rec["type"] not in tie_types:
            msg = f"'add_ties': tie type must be one of {tie_types}, got {rec['type']!r}."
            raise ValueError(msg)
        rec.update(opgave=opgave, directed=False, since=pd.NaT, until=pd.NaT)
        new_ties.append(rec)
    if new_ties:
        extra = pd.DataFrame(new_ties, columns=ties.columns)
        for col in ("since", "until"):
            extra[col] = pd.to_datetime(extra[col])
        extra["weight"] = extra["weight"].astype(float)
        extra["directed"] = extra["directed"].astype(bool)
        ties = _concat_like(ties, extra)
    return ties, new_ties


def _tie_record(t) -> dict:
    """One tie to add, from a dict (English or Dutch keys) or a (source, target[, type[, weight]]) tuple."""
    if isinstance(t, dict):
        return {"source": t.get("source", t.get("van")), "target": t.get("target", t.get("naar")),
                "type": t.get("type", "samenwerking"), "weight": t.get("weight", 1.0)}
    t = tuple(t)
    if len(t) not in (2, 3, 4):
        msg = f"'add_ties' must hold (source, target) or (source, target, type) tuples, got {t!r}."
        raise ValueError(msg)
    return {"source": t[0], "target": t[1], "type": t[2] if len(t) > 2 else "samenwerking",
            "weight": t[3] if len(t) > 3 else 1.0}


def _concat_like(frame: pd.DataFrame, extra: pd.DataFrame) -> pd.DataFrame:
    """Rows appended, with the frame's dtypes kept (categories too)."""
    dtypes = frame.dtypes
    out = pd.concat([frame.astype(object), extra.astype(object)])
    for col, dtype in dtypes.items():
        if isinstance(dtype, pd.CategoricalDtype):
            values = out[col].where(out[col].notna(), None)
            cats = dtype.categories.union(pd.Index(values.dropna().unique()), sort=False)
            out[col] = pd.Categorical(values, categories=cats, ordered=dtype.ordered)
        else:
            try:
                out[col] = out[col].astype(dtype)
            except (TypeError, ValueError):
                pass
    return out


# --------------------------------------------------------------------------
# the comparison
# --------------------------------------------------------------------------
def _fmt(x, lang: str, digits: int = 2) -> str:
    """A number as the summary writes it (Babel; a true minus sign, as ``fmt_signed``)."""
    text = fmt_number(x, lang, digits)
    return "−" + text[1:] if text.startswith("-") else text


def _pct(x, lang: str) -> str:
    return fmt_percent(x, lang)


def _plural(key: str, n: int, lang: str, **fields) -> str:
    return message(f"{key}_{'one' if n == 1 else 'other'}", lang, n=n, **fields)


@dataclass
class Scenario:
    """A what-if comparison of one opgave before and after a change; see :func:`scenario`."""

    case: Case
    opgave: str
    at: pd.Timestamp | None
    lang: str
    attr: str
    changes: dict
    before: ScenarioSide
    after: ScenarioSide
    diff: pd.DataFrame
    pieces: pd.DataFrame
    cut_off: pd.DataFrame
    farther: pd.DataFrame
    gaps_opened: list
    gaps_closed: list
    notes: list = field(default_factory=list)
    #: ``rescan(case, **settings)``: the scan of this opgave at this date on ``case`` (given by whoever
    #: builds the scenario, so that this module needs no scan)
    _rescan: Callable = field(default=None, repr=False, compare=False)

    @property
    def case_after(self) -> Case:
        """The changed copy of the case (the input case is never changed)."""
        return self.after.case

    def scan(self, side: str = "after", **kwargs):
        """The full :func:`opgavelab.scan` of one side (``"before"`` or ``"after"``).

        Parameters
        ----------
        side : {"before", "after"}, default "after"
            The case as it is, or as the scenario changes it.
        **kwargs
            Settings of :func:`opgavelab.scan` to change (default: the
            scenario's own: date, language, ``attr`` ...).

        Returns
        -------
        OpgaveScan

        Raises
        ------
        ValueError
            If ``side`` is not ``"before"`` or ``"after"``.

        Examples
        --------
        >>> import opgavelab
        >>> sc = opgavelab.scenario(opgavelab.example(), "economie", at=2024, add=["riec"])
        >>> int(sc.scan("before").cohesion["n_actors"]), int(sc.scan().cohesion["n_actors"])
        (39, 40)
        """
        _check_one_of("side", side, ["before", "after"])
        kwargs.setdefault("attr", self.attr)
        kwargs.setdefault("lang", self.lang)
        return self._rescan(self.before.case if side == "before" else self.after.case, **kwargs)

    # -- words --------------------------------------------------------------
    def _names(self, ids, limit: int = 5) -> str:
        names = self.after.case.actors["name"]
        shown = [str(names.get(a, a)) for a in list(ids)[:limit]]
        more = len(ids) - limit
        text = ", ".join(shown)
        if more > 0:
            text += " " + message("sc_and_more", self.lang, n=more)
        return text

    def _pairs(self, pairs, limit: int = 3) -> str:
        names = self.after.case.actors["name"]
        shown = [f"{names.get(a, a)} – {names.get(b, b)}" for a, b in list(pairs)[:limit]]
        text = "; ".join(shown)
        if len(pairs) > limit:
            text += " " + message("sc_and_more", self.lang, n=len(pairs) - limit)
        return text

    def _domains(self, codes) -> str:
        return ", ".join(self.after.case.domain_label(d, self.lang) for d in codes)

    def what(self) -> str:
        """The change in words: who is removed or added, which ties.

        Returns
        -------
        str
            In the scenario's language; says so when nothing changes.

        Examples
        --------
        >>> import opgavelab
        >>> sc = opgavelab.scenario(opgavelab.example(), "economie", at=2024, add=["riec"])
        >>> sc.what()
        'met RIEC Oostermarken erbij'
        """
        lang = self.lang
        parts = []
        ch = self.changes
        if ch["remove"]:
            parts.append(message("sc_what_remove", lang, names=self._names(ch["remove"])))
        if ch["add"]:
            parts.append(message("sc_what_add", lang, names=self._names(ch["add"])))
        if ch["add_ties"]:
            parts.append(_plural("sc_what_add_ties", len(ch["add_ties"]), lang, pairs=self._pairs(ch["add_ties"])))
        if ch["remove_ties"]:
            parts.append(_plural("sc_what_remove_ties", len(ch["remove_ties"]), lang,
                                 pairs=self._pairs(ch["remove_ties"])))
        if not parts:
            return message("sc_what_nothing", lang)
        return "; ".join(parts)

    def sentences(self) -> list[str]:
        """What changes and by how much, one sentence per finding, in the scenario's language.

        Returns
        -------
        list of str
            First what the scenario does (:meth:`what`), then the findings:
            parts, cut points, who is cut off or farther away, distance and
            reach, needed domains and scale, brokerage and E-I.

        Examples
        --------
        >>> import opgavelab
        >>> sc = opgavelab.scenario(opgavelab.example(), "economie", at=2024, add=["riec"])
        >>> sc.sentences()[1]
        'Het collectief blijft één samenhangend geheel (40 actoren).'
        """
        lang = self.lang
        b, a = self.before.numbers, self.after.numbers
        out = [message("sc_intro", lang, opgave=self._opgave_name(), what=self.what())]
        if a["n_actors"] == 0:
            out.append(message("sc_empty", lang))
            out += self._gap_sentences()
            return out
        nb, na = int(b["n_parts"]), int(a["n_parts"])
        sb, sa = _pct(b["largest_share"], lang), _pct(a["largest_share"], lang)
        # newcomers without a tie are parts of their own: they do not make the collective fall apart
        alone = [v for v in self.changes["add"] if v in self.after.graph and self.after.graph.degree(v) == 0]
        if nb == na == 1:
            out.append(message("sc_parts_one", lang, n=int(a["n_actors"])))
        elif na - len(alone) > nb:
            out.append(message("sc_parts_split", lang, before=nb, after=na, share_before=sb, share_after=sa))
        elif na > nb:
            out.append(message("sc_parts_newcomers", lang, before=nb, after=na, share_before=sb, share_after=sa))
        elif na < nb:
            out.append(message("sc_parts_join", lang, before=nb, after=na, share_before=sb, share_after=sa))
        else:
            out.append(message("sc_parts_same", lang, n=na, share_before=sb, share_after=sa))
        if alone:
            out.append(_plural("sc_added_alone", len(alone), lang, names=self._names(alone)))
        outside = [(u, v) for u, v in self.changes["add_ties"]
                   if u not in self.after.graph or v not in self.after.graph]
        if outside:
            out.append(_plural("sc_ties_outside", len(outside), lang, pairs=self._pairs(outside)))
        if b["n_cut_points"] != a["n_cut_points"]:
            out.append(message("sc_cut_points", lang, before=int(b["n_cut_points"]), after=int(a["n_cut_points"])))
        if len(self.cut_off):
            out.append(_plural("sc_cut_off", len(self.cut_off), lang, names=self._names(self.cut_off.index)))
        if len(self.farther):
            n_far = int((self.farther["farther"] > 0).sum())
            if n_far:
                out.append(_plural("sc_farther", n_far, lang))
        out.append(message("sc_distance", lang, before=_fmt(b["average_distance"], lang),
                           after=_fmt(a["average_distance"], lang), reach_before=_pct(b["reach_2"], lang),
                           reach_after=_pct(a["reach_2"], lang)))
        out += self._gap_sentences()
        fit_b, fit_a = self.before.scale.attrs, self.after.scale.attrs
        if fit_a.get("needed") and fit_b.get("needed_present") != fit_a.get("needed_present"):
            level = self.after.case.labels("scale", lang).get(fit_a["needed"], fit_a["needed"])
            key = "sc_scale_gained" if fit_a.get("needed_present") else "sc_scale_lost"
            out.append(message(key, lang, level=level))
        if b["scale_span"] != a["scale_span"]:
            out.append(message("sc_scale_span", lang, before=int(b["scale_span"]), after=int(a["scale_span"])))
        if b["brokerage_total"] != a["brokerage_total"]:
            out.append(message("sc_brokerage", lang, attr=self._attr_label(), before=_fmt(b["brokerage_total"], lang, 0),
                               after=_fmt(a["brokerage_total"], lang, 0)))
        if not (math.isnan(b["ei"]) and math.isnan(a["ei"])) and round(b["ei"], 2) != round(a["ei"], 2):
            out.append(message("sc_ei", lang, attr=self._attr_label(), before=_fmt(b["ei"], lang),
                               after=_fmt(a["ei"], lang)))
        return out

    def _gap_sentences(self) -> list[str]:
        lang, a = self.lang, self.after.numbers
        out = []
        if self.gaps_opened:
            out.append(message("sc_gaps_opened", lang, domains=self._domains(self.gaps_opened)))
        if self.gaps_closed:
            out.append(message("sc_gaps_closed", lang, domains=self._domains(self.gaps_closed)))
        if not self.gaps_opened and not self.gaps_closed and a["n_needed_domains"]:
            out.append(message("sc_gaps_same", lang, covered=int(a["needed_domains_covered"]),
                               needed=int(a["n_needed_domains"])))
        return out

    def text(self) -> str:
        """:meth:`sentences` as one paragraph.

        Returns
        -------
        str

        Examples
        --------
        >>> import opgavelab
        >>> sc = opgavelab.scenario(opgavelab.example(), "economie", at=2024, add=["riec"])
        >>> sc.text().startswith("Wat als, bij Regionale economische groei Veenmarken: met RIEC")
        True
        """
        return " ".join(self.sentences())

    def _opgave_name(self) -> str:
        return str(self.case.opgaven.at[self.opgave, "name"])

    def _attr_label(self) -> str:
        key = {"type": "actor_type", "scale": "scale", "domains": "domain"}.get(self.attr, self.attr)
        return label(key, self.lang)

    # -- tables ---------------------------------------------------------------
    def tables(self) -> dict[str, pd.DataFrame]:
        """The scenario's tables by sheet name in its language.

        Returns
        -------
        dict of pandas.DataFrame
            The findings, the measures before and after, the pieces, who is
            cut off, who is farther away and the coverage of the needed
            domains, as a reader sees them (see :meth:`OpgaveScan.tables`).

        Examples
        --------
        >>> import opgavelab
        >>> sc = opgavelab.scenario(opgavelab.example(), "economie", at=2024, add=["riec"])
        >>> list(sc.tables())
        ['wat als', 'verschil', 'delen', 'afgesneden', 'verder weg', 'dekking']
        """
        lang = self.lang
        findings = self.sentences()
        summary = pd.DataFrame({message("sc_col_finding", lang): findings},
                               index=pd.RangeIndex(1, len(findings) + 1, name="nr"))
        def reading(frame):  # headers, ja/nee, lists and names as a reader sees them
            return _for_reading(frame, lang, self.case)

        diff = self.diff.copy()
        diff = diff.reset_index(drop=True).set_index("label").rename_axis("measure")  # the measure in words
        diff["direction"] = diff["direction"].map(lambda v: message(f"sc_direction.{v}", lang) if v else "")
        # the piece's ids as they are, its names beside them
        pieces = self.pieces.rename(columns={"actors": "ids"})
        return {
            message("sc_sheet_summary", lang): summary,
            message("sc_sheet_diff", lang): reading(diff),
            message("sc_sheet_pieces", lang): reading(pieces),
            message("sc_sheet_cut_off", lang): reading(self.cut_off),
            message("sc_sheet_farther", lang): reading(self.farther),
            message("sc_sheet_coverage", lang): reading(self._coverage_table()),
        }

    def _coverage_table(self) -> pd.DataFrame:
        b = self.before.coverage
        a = self.after.coverage
        needed = [d for d in a.index if a.at[d, "needed"]]
        return pd.DataFrame({
            "label": a.loc[needed, "label"],
            "covered_before": b.reindex(needed)["covered"].astype(bool),
            "covered_after": a.loc[needed, "covered"].astype(bool),
            "n_actors_before": b.reindex(needed)["n_actors"].fillna(0).astype(int),
            "n_actors_after": a.loc[needed, "n_actors"].astype(int),
        })

    def to_excel(self, path, overwrite: bool = False):
        """Write the comparison to one workbook (summary, diff, pieces, cut off, farther, coverage).

        Parameters
        ----------
        path, overwrite
            As in :meth:`OpgaveScan.to_excel`.

        Returns
        -------
        pathlib.Path
            The workbook written: a first sheet about it, then :meth:`tables`.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> from openpyxl import load_workbook
        >>> import opgavelab
        >>> sc = opgavelab.scenario(opgavelab.example(), "economie", at=2024, add=["riec"])
        >>> path = sc.to_excel(pathlib.Path(tempfile.mkdtemp()) / "wat-als.xlsx")
        >>> load_workbook(path).sheetnames[:3]
        ['over', 'wat als', 'verschil']
        """
        title = message("sc_title", self.lang, opgave=self._opgave_name(), what=self.what())
        return write_scan_excel(self.tables(), path, title=title, overwrite=overwrite, lang=self.lang)

    # -- showing -------------------------------------------------------------
    def __repr__(self) -> str:
        lines = [message("sc_title", self.lang, opgave=self._opgave_name(), what=self.what())]
        lines += [f"- {s}" for s in self.sentences()[1:]]
        lines.append(message("sc_next", self.lang))
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        esc = html.escape
        lang = self.lang
        d = self.diff
        rows = []
        tint = {"worse": "#b00020", "better": "#1b7a1b"}
        num = "text-align:right;padding:0 0.6em"
        for key, r in d.iterrows():
            change = r["change"]
            changed = not (isinstance(change, float) and (math.isnan(change) or change == 0))
            style = "font-weight:bold;" if changed else ""
            colour = f"color:{tint[r['direction']]};" if r["direction"] in tint else ""
            rows.append(f"<tr style='{style}' data-measure='{esc(str(key))}'><td>{esc(str(r['label']))}</td>"
                        f"<td style='{num}'>{esc(_cell(r['before'], lang))}</td>"
                        f"<td style='{num}'>{esc(_cell(r['after'], lang))}</td>"
                        f"<td style='{num};{colour}'>{esc(_cell(change, lang, signed=True))}</td></tr>")
        head = (f"<tr><th></th><th>{esc(message('sc_before', lang))}</th><th>{esc(message('sc_after', lang))}</th>"
                f"<th>{esc(message('sc_change', lang))}</th></tr>")
        parts = [f"<div class='opgavelab-scenario'><h3>{esc(message('sc_title', lang, opgave=self._opgave_name(), what=self.what()))}</h3>",
                 "<ul>" + "".join(f"<li>{esc(s)}</li>" for s in self.sentences()[1:]) + "</ul>",
                 f"<table>{head}{''.join(rows)}</table>"]
        for title, frame in list(self.tables().items())[2:]:
            if len(frame):
                parts.append(f"<details><summary>{esc(title)} ({len(frame)})</summary>"
                             f"{frame.head(20).to_html(escape=True, float_format=lambda v: f'{v:.3f}')}</details>")
        parts.append(f"<p><small>{esc(message('sc_next', lang))}</small></p></div>")
        return "".join(parts)


def _cell(x, lang: str, signed: bool = False) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    if float(x).is_integer():
        text = str(int(x))
    else:
        text = _fmt(x, lang, 3)
    return ("+" if signed and x > 0 else "") + text


def _compare(before: ScenarioSide, after: ScenarioSide, case_after: Case, lang: str):
    b, a = before.numbers, after.numbers
    diff = pd.DataFrame({"label": [message(f"sc_m_{k}", lang) for k in MEASURES],
                         "before": b[MEASURES].to_numpy(), "after": a[MEASURES].to_numpy()},
                        index=pd.Index(MEASURES, name="measure"))
    diff["change"] = diff["after"] - diff["before"]
    # +1: more is better for the collective, -1: more is worse; measures without a direction get ""
    sense = pd.Series(WORSE_WHEN, dtype=float).reindex(MEASURES)
    signed = np.sign(diff["change"].to_numpy(dtype=float)) * sense.to_numpy()
    undefined = sense.isna().to_numpy() | np.isnan(diff["change"].to_numpy(dtype=float))
    if min(b["n_actors"], a["n_actors"]) < 2:  # no network on one side: its structure has no direction
        undefined |= np.isin(MEASURES, _STRUCTURE)
    diff["direction"] = np.where(undefined, "", np.where(signed > 0, "worse", np.where(signed < 0, "better", "same")))

    names = case_after.actors["name"]
    # the pieces: components after the change, among the actors still there
    common = [v for v in before.nodes if v in after.graph]
    pos_b = {v: i for i, v in enumerate(before.nodes)}
    pos_a = {v: i for i, v in enumerate(after.nodes)}
    comp_of_after = {}
    for i, comp in enumerate(after.components):
        for v in comp:
            comp_of_after[v] = i
    pieces = pd.DataFrame({
        "n_actors": [len(c) for c in after.components],
        "share": [len(c) / max(after.graph.number_of_nodes(), 1) for c in after.components],
        "actors": [sorted(c, key=str) for c in after.components],
        "names": [[str(names.get(v, v)) for v in sorted(c, key=str)] for c in after.components],
    }, index=pd.RangeIndex(1, len(after.components) + 1, name="piece"))

    # who loses every path to (part of) the rest: pairs of remaining actors that could reach
    # each other before and cannot after, summed per actor; who gets farther from others
    if common:
        ib = np.array([pos_b[v] for v in common])
        ia = np.array([pos_a[v] for v in common])
        Db = before.distances[np.ix_(ib, ib)]
        Da = after.distances[np.ix_(ia, ia)]
        was = Db > 0
        lost = (was & (Da < 0)).sum(axis=1)
        farther = (was & (Da > Db)).sum(axis=1)
        closer = ((Db > 0) & (Da > 0) & (Da < Db)).sum(axis=1) + ((Db < 0) & (Da > 0)).sum(axis=1)
        with np.errstate(invalid="ignore"):
            mean_b = np.where(was, Db, 0).sum(axis=1) / np.maximum(was.sum(axis=1), 1)
            now = Da > 0
            mean_a = np.where(now, Da, 0).sum(axis=1) / np.maximum(now.sum(axis=1), 1)
        table = pd.DataFrame({
            "name": [str(names.get(v, v)) for v in common],
            "reach_before": was.sum(axis=1), "reach_after": (Da > 0).sum(axis=1),
            "lost": lost, "farther": farther, "closer": closer,
            "mean_distance_before": np.where(was.sum(axis=1) > 0, mean_b, np.nan),
            "mean_distance_after": np.where(now.sum(axis=1) > 0, mean_a, np.nan),
            "piece": [comp_of_after.get(v, -1) + 1 for v in common],
        }, index=pd.Index(common, name="id"))
    else:
        table = pd.DataFrame(columns=["name", "reach_before", "reach_after", "lost", "farther", "closer",
                                      "mean_distance_before", "mean_distance_after", "piece"])
        table.index.name = "id"
    largest_before = before.components[0] if before.components else set()
    largest_after = after.components[0] if after.components else set()
    cut = table[(table["lost"] > 0) & table.index.isin(list(largest_before)) & ~table.index.isin(list(largest_after))]
    cut_off = cut[["name", "piece", "reach_before", "reach_after"]].sort_values(["piece", "name"], kind="stable")
    changed = table[(table["farther"] > 0) | (table["closer"] > 0) | (table["lost"] > 0)]
    farther = changed.sort_values(["lost", "farther"], ascending=False, kind="stable")

    needed_b = set(before.missing_domains)
    needed_a = set(after.missing_domains)
    order = list(after.coverage.index)
    opened = [d for d in order if d in needed_a and d not in needed_b]
    closed = [d for d in before.coverage.index if d in needed_b and d not in needed_a]
    return diff, pieces, cut_off, farther, opened, closed


def build_scenario(case: Case, opgave: str, ts, lang: str, attr: str, only_opgave_ties: bool, remove: list,
                   add: list, add_ties: list, remove_ties: list, rescan: Callable,
                   before: ScenarioSide | None = None) -> Scenario:
    """The scenario of checked arguments (see :func:`opgavelab.scenario`); ``rescan(case, **settings)`` gives
    the full scan of a side, ``before`` the measured side before when it is known already."""
    case_after, changes = _changed_case(case, opgave, ts, remove, add, add_ties, remove_ties)
    before = before if before is not None else _measure(case, opgave, ts, attr, only_opgave_ties)
    G_after = A_after = None
    if not changes["add"] and not changes["add_ties"]:
        # only removals: the network after is the one before without them (as opgave_graph would build it)
        G_after = before.graph.copy()
        G_after.remove_nodes_from(changes["remove"])
        G_after.remove_edges_from([p for p in changes["remove_ties"] if G_after.has_edge(*p)])
        if not changes["remove_ties"]:
            keep = np.array([v not in set(changes["remove"]) for v in before.graph], dtype=bool)
            A_after = _adjacency_of(before, keep)
    after = _measure(case_after, opgave, ts, attr, only_opgave_ties, G=G_after, A=A_after)
    diff, pieces, cut_off, farther, opened, closed = _compare(before, after, case_after, lang)
    return Scenario(case=case, opgave=opgave, at=ts, lang=lang, attr=attr, changes=changes, before=before,
                    after=after, diff=diff, pieces=pieces, cut_off=cut_off, farther=farther, gaps_opened=opened,
                    gaps_closed=closed, _rescan=rescan)
