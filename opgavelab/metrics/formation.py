"""Formation over time: a scattered set of actors becoming a collective.

For one opgave, the network of its involved actors is taken at a series of
dates (by default the last day of every year in the case) and measured each
time: how many actors and ties, the density, the number of components and the
share of actors in the largest one, connectedness and fragmentation (Borgatti
2006), and the E-I index of an actor attribute (Krackhardt & Stern 1988). The series
runs from the opgave's first year through ``at`` (default: the end of the
case's last year with any date, :func:`default_at`, the same everywhere).

A collective is *one whole* at a date when at least two actors are involved
and all of them are in one component. It *formed* at the start of the last
uninterrupted run of whole dates that lasts through ``at``
(:func:`formation_moment`); earlier runs and the splits after them stay
visible (:func:`formation_runs`), so a "since" holds for every year after it.
:func:`formation_events` tells what happened from one date to the next
(which parts merged, by which ties) and :func:`formation_story` says it in a
few sentences.

The snapshots are undirected: a tie in either direction links two actors, as
weak components do. Each date costs one pass over precomputed arrays (no
networkx graph per date), so 20 dates of an opgave with 2,000 actors and
20,000 ties take well under a second.

References
----------
Borgatti, S. P. (2006). Identifying sets of key players in a social network.
*Computational and Mathematical Organization Theory*, 12(1), 21-34.

Krackhardt, D., & Stern, R. N. (1988). Informal networks and organizational
crises: an experimental simulation. *Social Psychology Quarterly*, 51(2),
123-140.
"""

from __future__ import annotations

__all__ = ["default_at", "formation", "formation_events", "formation_moment", "formation_runs", "formation_story",
           "snapshot_dates"]

import numpy as np
import pandas as pd

from .._checks import _check_case, _check_lang
from .._dates import snapshot_at, to_timestamp
from .._i18n import message
from .._progress import progress_bar
from ..case import Case
from .._docs import raises

COLUMNS = ["n_actors", "n_ties", "density", "n_components", "n_isolates", "largest_component_share",
           "connectedness", "fragmentation", "mean_degree", "formed"]


def default_at(case: Case) -> pd.Timestamp | None:
    """The date a series runs through by default: the end of the case's last year with any date.

    One default for the scan, the explorer, the report and the notebooks, so
    that they all tell the same years. None when the case has no dates.

    Parameters
    ----------
    case : Case
        The case whose dates (the ``since`` and ``until`` of its involvement
        and ties) are read.

    Returns
    -------
    pandas.Timestamp or None
        31 December of the last year in which any date falls.

    Examples
    --------
    >>> import opgavelab
    >>> default_at(opgavelab.example())
    Timestamp('2024-12-31 00:00:00')
    """
    dates = case.dates()
    if len(dates) == 0:
        return None
    return pd.Timestamp(dates.max().year, 12, 31)


def _opgave_first_year(case: Case, opgave: str | None) -> int | None:
    """The opgave's first year: its first involvement, else its first date of any kind."""
    if opgave is None:
        years = case.years()
        return years[0] if years else None
    inv = case.involvement[case.involvement["opgave"] == opgave]
    since = inv["since"]
    if len(since) and since.notna().all():
        return int(since.min().year)
    actors = set(inv["actor"])
    ties = case.ties[case.ties["source"].isin(actors) & case.ties["target"].isin(actors)]
    values = pd.concat([inv["since"], inv["until"], ties["since"], ties["until"]]).dropna()
    if values.empty:
        years = case.years()
        return years[0] if years else None
    return int(values.min().year)


@raises("case", "opgave_at")
def snapshot_dates(case: Case, opgave: str | None = None, at=None) -> pd.DatetimeIndex:
    """The last day of every year from the opgave's first year through ``at``.

    Parameters
    ----------
    case : Case
    opgave : str, optional
        Start at this opgave's first year (its first involvement); default
        the case's first year.
    at : year or date, optional
        The series runs through this date (a bare year: its last day); the
        last date is ``at`` itself. Default :func:`default_at`, the end of
        the case's last year with any date.

    Returns
    -------
    pandas.DatetimeIndex
        Named ``date``; empty when the case has no dates at all.

    Examples
    --------
    >>> import opgavelab
    >>> snapshot_dates(opgavelab.example(), "wonen")[[0, -1]].year.tolist()
    [2018, 2024]
    >>> snapshot_dates(opgavelab.example(), "wonen", at=2020).year.tolist()
    [2018, 2019, 2020]
    """
    _check_case(case)
    if opgave is not None:
        case._check_opgave(opgave)
    end = default_at(case) if at is None else to_timestamp(at, end=True)
    first = _opgave_first_year(case, opgave)
    if end is None or first is None:
        return pd.DatetimeIndex([], name="date")
    first = min(first, end.year)
    dates = [pd.Timestamp(y, 12, 31) for y in range(first, end.year)] + [end]
    return pd.DatetimeIndex(dates, name="date")


def _dates(case, opgave, dates, at=None) -> pd.DatetimeIndex:
    if dates is None:
        return snapshot_dates(case, opgave, at=at)
    if isinstance(dates, (str, int, pd.Timestamp)):
        dates = [dates]
    out = [snapshot_at(d) for d in dates]
    if at is not None:
        end = to_timestamp(at, end=True)
        out = [d for d in out if d <= end]
    return pd.DatetimeIndex(sorted(out), name="date")


class _Snapshots:
    """The opgave's actors and ties as arrays, measured at one date at a time.

    One pass over precomputed arrays per date (no networkx graph per date).
    Shared by :func:`formation` and :func:`formation_events` so both see
    the same components.
    """

    def __init__(self, case: Case, opgave: str, only_opgave_ties: bool = False):
        inv = case.involvement[case.involvement["opgave"] == opgave]
        self.ever = pd.Index(pd.unique(inv["actor"]))
        self.index = {a: i for i, a in enumerate(self.ever)}
        self.inv_actor = inv["actor"].map(self.index).to_numpy(dtype=np.int64)
        self.inv_since = inv["since"].to_numpy(dtype="datetime64[ns]")
        self.inv_until = inv["until"].to_numpy(dtype="datetime64[ns]")
        ties = case.ties
        if only_opgave_ties:
            ties = ties[ties["opgave"] == opgave]
        ties = ties[ties["source"].isin(self.index) & ties["target"].isin(self.index)]
        self.ties = ties
        u = ties["source"].map(self.index).to_numpy(dtype=np.int64)
        v = ties["target"].map(self.index).to_numpy(dtype=np.int64)
        self.lo, self.hi = np.minimum(u, v), np.maximum(u, v)
        self.t_since = ties["since"].to_numpy(dtype="datetime64[ns]")
        self.t_until = ties["until"].to_numpy(dtype="datetime64[ns]")

    def at(self, t: pd.Timestamp):
        """(present mask, alive tie mask, pair codes a and b, component label per actor or -1)."""
        n_ever = len(self.ever)
        t64 = np.datetime64(t, "ns")
        act = (np.isnat(self.inv_since) | (self.inv_since <= t64)) & (np.isnat(self.inv_until) | (t64 <= self.inv_until))
        present = np.zeros(n_ever, dtype=bool)
        present[self.inv_actor[act]] = True
        alive = (np.isnat(self.t_since) | (self.t_since <= t64)) & (np.isnat(self.t_until) | (t64 <= self.t_until))
        alive &= present[self.lo] & present[self.hi]
        pairs = np.unique(self.lo[alive] * n_ever + self.hi[alive]) if alive.any() else np.array([], dtype=np.int64)
        a, b = pairs // max(n_ever, 1), pairs % max(n_ever, 1)
        labels = np.full(n_ever, -1)
        n = int(present.sum())
        if n:
            nodes = np.flatnonzero(present)
            pos = np.full(n_ever, -1)
            pos[nodes] = np.arange(n)
            labels[nodes] = _component_labels(n, pos[a], pos[b])
        return present, alive, a, b, labels


def _component_labels(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The connected component of each of ``n`` nodes joined by the pairs ``(a[i], b[i])``.

    Components are numbered in the order of their lowest node, as
    :func:`scipy.sparse.csgraph.connected_components` numbers them; on
    arrays (hook every root onto the lower one, then jump to the root), so
    the formation of a few years needs no scipy.
    """
    parent = np.arange(n)
    while True:
        ra, rb = parent[a], parent[b]
        if np.array_equal(ra, rb):
            break
        np.minimum.at(parent, np.maximum(ra, rb), np.minimum(ra, rb))
        while True:  # every node straight to its root
            up = parent[parent]
            if np.array_equal(up, parent):
                break
            parent = up
    return np.unique(parent, return_inverse=True)[1].reshape(-1)


def formation(case: Case, opgave: str, dates=None, attr: str | None = "type",
              only_opgave_ties: bool = False, progress: bool = False, at=None) -> pd.DataFrame:
    """The network around ``opgave`` measured at a series of dates.

    Parameters
    ----------
    case : Case
    opgave : str
        The opgave id.
    dates : list of years or dates, optional
        Default: the last day of every year from the opgave's first year
        through ``at`` (:func:`snapshot_dates`). A bare year means its last day.
    attr : str or None, default "type"
        Actor column for the E-I index per date (column ``ei_<attr>``);
        None: no E-I.
    only_opgave_ties : bool, default False
        Count only ties recorded for this opgave.
    progress : bool, default False
        Show a progress bar.
    at : year or date, optional
        The series runs through this date; default :func:`default_at` (the
        end of the case's last year with any date). Given ``dates`` later
        than ``at`` are left out.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``date``: ``n_actors``, ``n_ties`` (linked pairs),
        ``density``, ``n_components`` (isolates count as components),
        ``n_isolates``, ``largest_component_share``, ``connectedness`` (share
        of pairs that can reach each other), ``fragmentation`` (1 −
        connectedness), ``mean_degree``, ``formed`` (at least two actors, all
        in one component) and ``ei_<attr>``.

    Raises
    ------
    ValueError
        If ``opgave`` is not an opgave id of the case, or ``attr`` is neither
        None nor an actor column with one value per actor (not a list column
        such as ``domains``), or a date in ``dates`` or ``at`` is not a year
        or a date.

    Examples
    --------
    >>> import opgavelab
    >>> f = formation(opgavelab.example(), "economie")
    >>> int(f["n_components"].iloc[0]) >= 5, int(f["n_components"].iloc[-1])
    (True, 1)
    >>> formation(opgavelab.example(), "wonen")["n_components"].tolist()
    [1, 2, 2, 1, 1, 2, 2]
    """
    case._check_opgave(opgave)
    if attr is not None and attr not in case.actors.columns:
        msg = f"'attr' must be None or one of the actor columns {list(case.actors.columns)}, got {attr!r}."
        raise ValueError(msg)
    dates = _dates(case, opgave, dates, at)
    snap = _Snapshots(case, opgave, only_opgave_ties)
    ever = snap.ever
    groups = None
    if attr is not None:
        values = case.actors.loc[ever, attr].astype(object)
        if values.map(lambda x: isinstance(x, list)).any():
            msg = f"'attr' must be a column with one value per actor; {attr!r} holds lists."
            raise ValueError(msg)
        codes, _ = pd.factorize(values, use_na_sentinel=True)
        groups = codes
    rows = []
    for t in progress_bar(dates, enable=progress, desc=f"vorming {opgave}"):
        present, _, a, b, labels = snap.at(t)
        n = int(present.sum())
        m = len(a)
        row = {"date": t, "n_actors": n, "n_ties": m}
        row["density"] = m / (n * (n - 1) / 2) if n > 1 else np.nan
        if n:
            sizes = np.bincount(labels[present])
            degree = np.bincount(a, minlength=len(ever)) + np.bincount(b, minlength=len(ever))
            row.update({
                "n_components": len(sizes),
                "n_isolates": int((degree[present] == 0).sum()),
                "largest_component_share": float(sizes.max() / n),
                "connectedness": float((sizes * (sizes - 1)).sum() / (n * (n - 1))) if n > 1 else np.nan,
                "mean_degree": float(2 * m / n),
            })
            row["fragmentation"] = 1 - row["connectedness"] if n > 1 else np.nan
        else:
            row.update({"n_components": 0, "n_isolates": 0, "largest_component_share": np.nan,
                        "connectedness": np.nan, "fragmentation": np.nan, "mean_degree": np.nan})
        # "formed" needs at least two actors, all in one component (DESIGN: Time)
        row["formed"] = bool(n >= 2 and row["n_components"] == 1)
        if groups is not None:
            ga, gb = groups[a], groups[b]
            known = (ga >= 0) & (gb >= 0)
            external = int((known & (ga != gb)).sum())
            internal = int((known & (ga == gb)).sum())
            row[f"ei_{attr}"] = (external - internal) / (external + internal) if external + internal else np.nan
        rows.append(row)
    columns = ["date", *COLUMNS] + ([f"ei_{attr}"] if attr is not None else [])
    frame = pd.DataFrame(rows, columns=columns).set_index("date")
    frame = frame.astype({"n_actors": int, "n_ties": int, "n_components": int, "n_isolates": int,
                          "formed": bool})
    frame.attrs.update({"opgave": opgave, "attr": attr, "only_opgave_ties": only_opgave_ties})
    return frame


def _whole(frame: pd.DataFrame, share: float = 1.0) -> np.ndarray:
    """Per row: one whole (at least two actors, all in one component, or ``share`` of them in the largest)."""
    n = frame["n_actors"].to_numpy()
    if share == 1.0:
        return (n >= 2) & (frame["n_components"].to_numpy() == 1)
    big = frame["largest_component_share"].to_numpy(dtype=float) * n
    return (n >= 2) & (big >= 2) & (np.nan_to_num(frame["largest_component_share"].to_numpy(dtype=float)) >= share)


def formation_moment(frame: pd.DataFrame, share: float = 1.0):
    """When the collective became the whole it still is at the last date.

    The start of the last uninterrupted run of dates at which the collective
    is one whole and that lasts through the frame's last date (``at``). A
    whole needs at least two actors in one component; a single actor is not a
    collective. A collective that formed and split again since has no
    formation moment: a "since" must hold for every date after it.

    Parameters
    ----------
    frame : pandas.DataFrame
        The result of :func:`formation` (its last date is ``at``).
    share : float, default 1.0
        1.0: every actor in a single component; below 1: the largest
        component holds at least this share of the involved actors.

    Returns
    -------
    pandas.Timestamp or None
        None when the collective is not one whole at the last date.

    Raises
    ------
    ValueError
        If ``share`` is not in (0, 1].

    Examples
    --------
    >>> import opgavelab
    >>> f = formation(opgavelab.example(), "economie")
    >>> formation_moment(f).year
    2021
    >>> formation_moment(formation(opgavelab.example(), "wonen")) is None
    True
    """
    if not 0 < share <= 1:
        msg = f"'share' must be in (0, 1], got {share!r}."
        raise ValueError(msg)
    whole = _whole(frame, share)
    if len(whole) == 0 or not whole[-1]:
        return None
    breaks = np.flatnonzero(~whole)
    start = 0 if len(breaks) == 0 else int(breaks[-1]) + 1
    return frame.index[start]


def formation_runs(frame: pd.DataFrame, share: float = 1.0) -> pd.DataFrame:
    """The stretches of dates in which the collective was one whole, and the splits after them.

    Parameters
    ----------
    frame : pandas.DataFrame
        The result of :func:`formation`.
    share : float, default 1.0
        As in :func:`formation_moment`.

    Returns
    -------
    pandas.DataFrame
        One row per run of consecutive whole dates: ``start``, ``end`` (its
        last whole date), ``split`` (the first date after it that was not
        whole, NaT when the run lasts through the last date) and
        ``n_components`` at that split.

    Examples
    --------
    >>> import opgavelab
    >>> runs = formation_runs(formation(opgavelab.example(), "wonen"))
    >>> [(r.start.year, r.end.year, r.split.year) for r in runs.itertuples()]
    [(2018, 2018, 2019), (2021, 2022, 2023)]
    """
    whole = _whole(frame, share)
    rows = []
    i = 0
    n = len(whole)
    while i < n:
        if not whole[i]:
            i += 1
            continue
        j = i
        while j + 1 < n and whole[j + 1]:
            j += 1
        split = frame.index[j + 1] if j + 1 < n else pd.NaT
        parts = int(frame["n_components"].iloc[j + 1]) if j + 1 < n else 0
        rows.append({"start": frame.index[i], "end": frame.index[j], "split": split, "n_components": parts})
        i = j + 1
    return pd.DataFrame(rows, columns=["start", "end", "split", "n_components"])


# --------------------------------------------------------------------------
# the formation story: what happened between one date and the next
# --------------------------------------------------------------------------

EVENT_COLUMNS = ["date", "event", "n_parts", "part_sizes", "part_labels", "part_central", "part_types", "actors", "ties",
                 "source", "target", "tie_type", "tie_since"]


def _part_info(members: np.ndarray, degree: np.ndarray, ever: pd.Index, names: pd.Series, types: pd.Series,
               type_labels: dict, lang: str) -> tuple:
    """(size, readable label, most central member, dominant type label or None) of one part.

    The label is the most central member's name (most ties within the part,
    then the name); a part of three or more in which one actor type holds at
    least 80 % also gets that type, which often says more than one name.
    """
    ids = ever[members]
    order = sorted(range(len(members)), key=lambda i: (-int(degree[members[i]]), str(names.get(ids[i], ids[i]))))
    central = ids[order[0]]
    name = str(names.get(central, central))
    size = len(members)
    if size == 1:
        return size, name, central, None
    kinds = types.reindex(ids).astype(object).value_counts()
    kind = None
    if size >= 3 and len(kinds) and kinds.iloc[0] / size >= 0.8:
        kind = type_labels.get(kinds.index[0], str(kinds.index[0]))
    return size, message("formation_part", lang, name=name), central, kind


def _tie_records(rows: pd.DataFrame) -> list[dict]:
    rows = rows.sort_values(["since", "source", "target"], ascending=[False, True, True], na_position="last",
                            kind="stable")
    return [{"source": r.source, "target": r.target, "type": None if pd.isna(r.type) else r.type,
             "since": r.since} for r in rows.itertuples()]


def _event_row(t, event: str, parts=(), actors=(), tie_rows=None) -> dict:
    """One row of :func:`formation_events`: the parts (as :func:`_part_info` tuples), actors and ties."""
    recs = _tie_records(tie_rows) if tie_rows is not None and len(tie_rows) else []
    first = recs[0] if recs else {}
    return {
        "date": t, "event": event, "n_parts": len(parts),
        "part_sizes": [p[0] for p in parts], "part_labels": [p[1] for p in parts],
        "part_central": [p[2] for p in parts], "part_types": [p[3] for p in parts], "actors": list(actors), "ties": recs,
        "source": first.get("source"), "target": first.get("target"),
        "tie_type": first.get("type"), "tie_since": first.get("since", pd.NaT),
    }


def _largest_first(parts: list[tuple]) -> list[tuple]:
    """Parts (``_part_info`` tuples) by size, largest first, then by label."""
    return sorted(parts, key=lambda p: (-p[0], p[1]))


def _joining_ties(members: np.ndarray, group: np.ndarray, alive: np.ndarray, t_lo: np.ndarray, t_hi: np.ndarray,
                  n_ever: int) -> np.ndarray:
    """Which ties joined earlier parts into the part ``members`` (a mask over the ties).

    ``group`` is each actor's part at the previous date (below -1 for an actor
    new at this date). A tie between two earlier parts joins them; a tie to a
    new actor joins parts only when that actor touches two earlier parts.
    """
    inside = np.zeros(n_ever, dtype=bool)
    inside[members] = True
    crossing = alive & inside[t_lo] & (group[t_lo] != group[t_hi])
    new = group < -1
    touch: dict[int, set] = {}
    for x, y in zip(t_lo[crossing], t_hi[crossing]):
        if new[x] and not new[y]:
            touch.setdefault(x, set()).add(group[y])
        if new[y] and not new[x]:
            touch.setdefault(y, set()).add(group[x])
    bridge_new = {x for x, gs in touch.items() if len(gs) >= 2}
    return crossing & ((~new[t_lo] & ~new[t_hi]) | np.isin(t_lo, list(bridge_new))
                       | np.isin(t_hi, list(bridge_new)))


@raises("opgave_lang")
def formation_events(case: Case, opgave: str, at=None, *, dates=None, only_opgave_ties: bool = False,
                     lang: str | None = None) -> pd.DataFrame:
    """The formation story as data: which parts merged, by which ties, who joined, left or split off.

    The network around ``opgave`` is compared from one date to the next
    (the dates of :func:`formation`). Each part (connected component) is
    named by its most central member, and by its dominant actor type when one
    type holds at least 80 % of a part of three or more.

    Parameters
    ----------
    case : Case
    opgave : str
    at : year or date, optional
        Through this date; default :func:`default_at`.
    dates : list of years or dates, optional
        Default :func:`snapshot_dates`.
    only_opgave_ties : bool, default False
    lang : {"nl", "en"}, optional
        Language of the part labels; default the case's.

    Returns
    -------
    pandas.DataFrame
        One row per event and date, in date order. ``event`` is ``start``
        (the parts at the first date), ``join`` / ``leave`` (``actors`` that
        became or stopped being involved), ``merge`` (parts of the previous
        date that are one part now) or ``split`` (a part of the previous date
        that is in several parts now). ``n_parts``, ``part_sizes``,
        ``part_labels``, ``part_central`` and ``part_types`` (the
        dominant actor type, or None) describe the parts (for a merge:
        the parts that merged, sizes at the previous date; for a split: the
        parts it fell into). ``ties`` lists the ties that joined the parts
        (merge) or that ended (split), newest first, as dicts with
        ``source``, ``target``, ``type`` and ``since``; ``source``,
        ``target``, ``tie_type`` and ``tie_since`` repeat the first of them.

    Examples
    --------
    >>> import opgavelab
    >>> ev = formation_events(opgavelab.example(), "economie")
    >>> ev[ev["event"] == "merge"]["date"].dt.year.unique().tolist()
    [2019, 2020, 2021]
    """
    case._check_opgave(opgave)
    lang = _check_lang(lang or case.lang)
    dates = _dates(case, opgave, dates, at)
    snap = _Snapshots(case, opgave, only_opgave_ties)
    ever = snap.ever
    n_ever = len(ever)
    names = case.actors["name"]
    types = case.actors["type"]
    type_labels = case.labels("actor_type", lang)
    ties = snap.ties
    t_lo, t_hi = snap.lo, snap.hi
    rows: list[dict] = []

    def info(members, degree):
        return _part_info(members, degree, ever, names, types, type_labels, lang)

    def add(t, event, parts=(), actors=(), tie_rows=None):
        rows.append(_event_row(t, event, parts, actors, tie_rows))

    prev = None
    for t in dates:
        present, alive, a, b, labels = snap.at(t)
        degree = np.bincount(a, minlength=n_ever) + np.bincount(b, minlength=n_ever)
        comps = [np.flatnonzero(labels == k) for k in range(labels.max() + 1)] if present.any() else []
        comps.sort(key=lambda m: (-len(m), str(ever[m[0]])))
        if prev is None:
            if comps:
                add(t, "start", [info(m, degree) for m in comps])
            prev = (present, alive, labels, degree)
            continue
        p_present, p_alive, p_labels, p_degree = prev
        joined = np.flatnonzero(present & ~p_present)
        left = np.flatnonzero(p_present & ~present)
        if len(joined):
            add(t, "join", actors=list(ever[joined]))
        if len(left):
            add(t, "leave", actors=list(ever[left]))
        # a group per actor: its part at the previous date, or a group of its own when new
        group = np.where(p_present & present, p_labels, -2 - np.arange(n_ever))
        for members in comps:
            old = members[p_present[members]]
            merged = sorted(set(p_labels[old].tolist()))
            if len(merged) < 2:
                continue
            parts = [info(np.flatnonzero(p_labels == k), p_degree) for k in merged]
            keep = _joining_ties(members, group, alive, t_lo, t_hi, n_ever)
            add(t, "merge", _largest_first(parts), tie_rows=ties[keep])
        for k in range(p_labels.max() + 1 if p_present.any() else 0):
            was = np.flatnonzero(p_labels == k)
            still = was[present[was]]
            now = sorted(set(labels[still].tolist()))
            if len(now) < 2:
                continue
            parts = [info(np.flatnonzero(labels == j), degree) for j in now]
            inside = np.zeros(n_ever, dtype=bool)
            inside[was] = True
            ended = p_alive & ~alive & inside[t_lo] & inside[t_hi]
            add(t, "split", _largest_first(parts), actors=list(ever[np.setdiff1d(was, still)]),
                tie_rows=ties[ended])
        prev = (present, alive, labels, degree)
    frame = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    frame["date"] = pd.to_datetime(frame["date"])
    frame["n_parts"] = frame["n_parts"].astype(int)
    frame.attrs.update({"opgave": opgave, "lang": lang})
    return frame


def _and_list(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return message("formation_and", lang, first=", ".join(items[:-1]), last=items[-1])


def _merge_sentence(row, case: Case, lang: str) -> str:
    shown = []
    for label, size, kind in zip(row.part_labels, row.part_sizes, row.part_types):
        if size == 1:
            shown.append(label)
        elif kind:
            shown.append(message("formation_part_sized_typed", lang, label=label, size=size, type=kind))
        else:
            shown.append(message("formation_part_sized", lang, label=label, size=size))
    if len(shown) > 3:
        rest = len(shown) - 2
        shown = shown[:2] + [message("formation_more_parts_one" if rest == 1 else "formation_more_parts", lang,
                                     n=rest)]
    parts = _and_list(shown, lang)
    if row.source is None:
        return message("formation_merge", lang, year=row.date.year, parts=parts)
    return message("formation_merge_via", lang, year=row.date.year, parts=parts, via=_via(row, case, lang))


def _via(row, case: Case, lang: str) -> str:
    names = case.actors["name"]
    kind = case.labels("tie_type", lang).get(row.tie_type, row.tie_type) if row.tie_type else None
    tie = message("formation_via_tie_typed" if kind else "formation_via_tie", lang,
                  source=names.get(row.source, row.source), target=names.get(row.target, row.target), type=kind)
    return message("formation_via_more", lang, tie=tie) if len(row.ties) > 1 else tie


def _split_sentence(row, case: Case, lang: str) -> str:
    # the smaller parts came loose from the largest
    loose = [label if size == 1 else message("formation_part_sized", lang, label=label, size=size)
             for label, size in zip(row.part_labels[1:], row.part_sizes[1:])]
    parts = _and_list(loose, lang)
    if row.source is None:
        return message("formation_split", lang, year=row.date.year, parts=parts)
    return message("formation_split_via", lang, year=row.date.year, parts=parts, via=_via(row, case, lang))


def _start_whole_sentence(frame: pd.DataFrame, events: pd.DataFrame, lang: str) -> str:
    """The first sentence when the first year is one whole, and, if newcomers then stood apart, when."""
    y0, n0 = frame.index[0].year, int(frame["n_actors"].iloc[0])
    apart = frame.index[(frame["n_components"] > 1).to_numpy()]
    if len(apart):
        when = apart[0]
        here = events[events["date"] == when]
        joined = sum(len(a) for a in here.loc[here["event"] == "join", "actors"])
        if joined and not (here["event"] == "split").any():
            return message("formation_start_whole_then_apart", lang, year=y0, n=n0, year2=when.year,
                           joined=joined, k=int(frame.at[when, "n_components"]))
    return message("formation_start_whole", lang, year=y0, n=n0)


@raises("opgave_lang")
def formation_story(case: Case, opgave: str, at=None, *, lang: str | None = None, frame: pd.DataFrame | None = None,
                    events: pd.DataFrame | None = None, max_merges: int = 2) -> str:
    """The formation of one opgave's collective told in two to five sentences.

    Where it started (how many parts), the merges that mattered most (the
    parts, their sizes and the tie that joined them), and where it stands at
    ``at``: one whole since when, or whole once and split since, or not yet
    formed. Every "since" holds for every date after it.

    Parameters
    ----------
    case : Case
    opgave : str
    at : year or date, optional
        Default :func:`default_at`.
    lang : {"nl", "en"}, optional
        Default the case's.
    frame, events : pandas.DataFrame, optional
        :func:`formation` and :func:`formation_events` when already computed
        (the last date of ``frame`` is taken as ``at``).
    max_merges : int, default 2
        How many merges to tell (the largest: by the size of the smaller part).

    Returns
    -------
    str
        The sentences, in the language ``lang``.

    Examples
    --------
    >>> import opgavelab
    >>> print(formation_story(opgavelab.example(), "wonen", lang="en"))  # doctest: +ELLIPSIS
    In 2018 the 8 actors already formed one whole; ... In 2024 there are 2 parts (largest part 96%).
    """
    case._check_opgave(opgave)
    lang = _check_lang(lang or case.lang)
    if frame is None:
        frame = formation(case, opgave, at=at, attr=None)
    if events is None:
        events = formation_events(case, opgave, dates=list(frame.index), lang=lang,
                                  only_opgave_ties=bool(frame.attrs.get("only_opgave_ties", False)))
    frame = frame[frame["n_actors"] > 0] if (frame["n_actors"] > 0).any() else frame
    if frame.empty:
        return message("formation_story_empty", lang)
    first, last = frame.iloc[0], frame.iloc[-1]
    y0, y1 = frame.index[0].year, frame.index[-1].year
    n0, k0 = int(first["n_actors"]), int(first["n_components"])
    out = []
    if n0 == 1:
        out.append(message("formation_start_one", lang, year=y0,
                           name=str(events.iloc[0].part_labels[0]) if len(events) else ""))
    elif k0 == 1:
        out.append(_start_whole_sentence(frame, events, lang))
    else:
        out.append(message("formation_start_parts", lang, year=y0, n=n0, k=k0))
    merges = events[(events["event"] == "merge") & (events["date"] > frame.index[0])]
    if len(merges):
        weight = merges["part_sizes"].map(lambda s: sorted(s)[-2] if len(s) > 1 else 0)
        pick = weight.sort_values(ascending=False, kind="stable").index[:max_merges]
        for _, row in merges.loc[sorted(pick)].iterrows():
            out.append(_merge_sentence(row, case, lang))
    formed_at = formation_moment(frame)
    runs = formation_runs(frame)
    n1, k1 = int(last["n_actors"]), int(last["n_components"])
    pct = f"{100 * float(last['largest_component_share']):.0f}%" if n1 else "–"
    if formed_at is not None:
        earlier = runs[runs["end"] < formed_at]
        if formed_at == frame.index[0]:
            out.append(message("formation_whole_throughout", lang, year=y1, n=n1))
        elif len(earlier):
            out.append(message("formation_whole_again", lang, since=formed_at.year,
                               split=earlier["split"].iloc[-1].year, n=n1, year=y1))
        else:
            out.append(message("formation_whole_since", lang, since=formed_at.year, n=n1, year=y1))
    elif len(runs):
        run = runs.iloc[-1]
        span = str(run["start"].year) if run["start"] == run["end"] else f"{run['start'].year}–{run['end'].year}"
        del out[1:-1]  # one merge is enough when the story has a split to tell
        out.append(message("formation_was_whole", lang, span=span, split=run["split"].year,
                           k_split=int(run["n_components"])))
        splits = events[(events["event"] == "split") & (events["date"] == run["split"])]
        if len(splits):
            out.append(_split_sentence(splits.iloc[0], case, lang))
        out.append(message("formation_parts_now", lang, year=y1, k=k1, pct=pct))
    elif n1 < 2:
        out.append(message("formation_not_yet_one", lang, year=y1))
    else:
        out.append(message("formation_not_yet", lang, year=y1, k=k1, pct=pct))
    return " ".join(out)
