"""Formation over time: a scattered set of actors becoming a collective.

For one opgave, the network of its involved actors is taken at a series of
dates (by default the last day of every year in the case) and measured each
time: how many actors and ties, the density, the number of components and the
share of actors in the largest one, connectedness and fragmentation (Borgatti
2006), and the E-I index of an actor attribute (Krackhardt & Stern 1988). The
first date at which the collective is one connected whole is the moment it
*formed* (:func:`formation_moment`).

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

__all__ = ["formation", "formation_moment", "snapshot_dates"]

import numpy as np
import pandas as pd

from ..case import Case, to_timestamp

COLUMNS = ["n_actors", "n_ties", "density", "n_components", "n_isolates", "largest_component_share",
           "connectedness", "fragmentation", "mean_degree"]


def snapshot_dates(case: Case, opgave: str | None = None) -> pd.DatetimeIndex:
    """The last day of every year from the first to the last date of the opgave.

    Falls back to the years of the whole case when the opgave has no dates.

    Examples
    --------
    >>> import opgavelab
    >>> snapshot_dates(opgavelab.example(), "economie")[[0, -1]].year.tolist()
    [2018, 2024]
    """
    frames = []
    if opgave is not None:
        inv = case.involvement[case.involvement["opgave"] == opgave]
        actors = set(inv["actor"])
        ties = case.ties[case.ties["source"].isin(actors) & case.ties["target"].isin(actors)]
        frames = [inv["since"], inv["until"], ties["since"], ties["until"]]
    values = pd.concat(frames).dropna() if frames else pd.Series([], dtype="datetime64[ns]")
    if values.empty:
        years = case.years()
    else:
        years = list(range(values.min().year, values.max().year + 1))
    return pd.DatetimeIndex([pd.Timestamp(y, 12, 31) for y in years], name="date")


def _dates(case, opgave, dates) -> pd.DatetimeIndex:
    if dates is None:
        return snapshot_dates(case, opgave)
    if isinstance(dates, (str, int, pd.Timestamp)):
        dates = [dates]
    out = [d if isinstance(d, pd.Timestamp) else to_timestamp(d, end=True) for d in dates]
    return pd.DatetimeIndex(sorted(out), name="date")


def formation(case: Case, opgave: str, dates=None, attr: str | None = "type",
              only_opgave_ties: bool = False, progress: bool = False) -> pd.DataFrame:
    """The network around ``opgave`` measured at a series of dates.

    Parameters
    ----------
    case : Case
    opgave : str
        The opgave id.
    dates : list of years or dates, optional
        Default: the last day of every year of the opgave
        (:func:`snapshot_dates`). A bare year means its last day.
    attr : str or None, default "type"
        Actor column for the E-I index per date (column ``ei_<attr>``);
        None: no E-I.
    only_opgave_ties : bool, default False
        Count only ties recorded for this opgave.
    progress : bool, default False
        Show a progress bar.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``date``: ``n_actors``, ``n_ties`` (linked pairs),
        ``density``, ``n_components`` (isolates count as components),
        ``n_isolates``, ``largest_component_share``, ``connectedness`` (share
        of pairs that can reach each other), ``fragmentation`` (1 −
        connectedness), ``mean_degree`` and ``ei_<attr>``.

    Examples
    --------
    >>> import opgavelab
    >>> f = formation(opgavelab.example(), "economie")
    >>> int(f["n_components"].iloc[0]) >= 5, int(f["n_components"].iloc[-1])
    (True, 1)
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    from .._progress import progress_bar

    case._check_opgave(opgave)
    if attr is not None and attr not in case.actors.columns:
        msg = f"'attr' must be None or one of the actor columns {list(case.actors.columns)}, got {attr!r}."
        raise ValueError(msg)
    dates = _dates(case, opgave, dates)
    inv = case.involvement[case.involvement["opgave"] == opgave]
    ever = pd.Index(pd.unique(inv["actor"]))
    index = {a: i for i, a in enumerate(ever)}
    inv_actor = inv["actor"].map(index).to_numpy(dtype=np.int64)
    inv_since = inv["since"].to_numpy(dtype="datetime64[ns]")
    inv_until = inv["until"].to_numpy(dtype="datetime64[ns]")
    ties = case.ties
    if only_opgave_ties:
        ties = ties[ties["opgave"] == opgave]
    ties = ties[ties["source"].isin(index) & ties["target"].isin(index)]
    u = ties["source"].map(index).to_numpy(dtype=np.int64)
    v = ties["target"].map(index).to_numpy(dtype=np.int64)
    lo, hi = np.minimum(u, v), np.maximum(u, v)
    t_since = ties["since"].to_numpy(dtype="datetime64[ns]")
    t_until = ties["until"].to_numpy(dtype="datetime64[ns]")
    groups = None
    if attr is not None:
        values = case.actors.loc[ever, attr].astype(object)
        if values.map(lambda x: isinstance(x, list)).any():
            msg = f"'attr' must be a column with one value per actor; {attr!r} holds lists."
            raise ValueError(msg)
        codes, _ = pd.factorize(values, use_na_sentinel=True)
        groups = codes
    n_ever = len(ever)
    rows = []
    for t in progress_bar(dates, enable=progress, desc=f"vorming {opgave}"):
        t64 = np.datetime64(t, "ns")
        act = (np.isnat(inv_since) | (inv_since <= t64)) & (np.isnat(inv_until) | (t64 <= inv_until))
        present = np.zeros(n_ever, dtype=bool)
        present[inv_actor[act]] = True
        alive = (np.isnat(t_since) | (t_since <= t64)) & (np.isnat(t_until) | (t64 <= t_until))
        alive &= present[lo] & present[hi]
        pairs = np.unique(lo[alive] * n_ever + hi[alive]) if alive.any() else np.array([], dtype=np.int64)
        a, b = pairs // max(n_ever, 1), pairs % max(n_ever, 1)
        n = int(present.sum())
        m = len(pairs)
        row = {"date": t, "n_actors": n, "n_ties": m}
        row["density"] = m / (n * (n - 1) / 2) if n > 1 else np.nan
        if n:
            nodes = np.flatnonzero(present)
            pos = np.full(n_ever, -1)
            pos[nodes] = np.arange(n)
            adj = coo_matrix((np.ones(m), (pos[a], pos[b])), shape=(n, n))
            n_comp, labels = connected_components(adj, directed=False)
            sizes = np.bincount(labels)
            degree = np.bincount(pos[a], minlength=n) + np.bincount(pos[b], minlength=n)
            row.update({
                "n_components": int(n_comp),
                "n_isolates": int((degree == 0).sum()),
                "largest_component_share": float(sizes.max() / n),
                "connectedness": float((sizes * (sizes - 1)).sum() / (n * (n - 1))) if n > 1 else np.nan,
                "mean_degree": float(2 * m / n),
            })
            row["fragmentation"] = 1 - row["connectedness"] if n > 1 else np.nan
        else:
            row.update({"n_components": 0, "n_isolates": 0, "largest_component_share": np.nan,
                        "connectedness": np.nan, "fragmentation": np.nan, "mean_degree": np.nan})
        if groups is not None:
            ga, gb = groups[a], groups[b]
            known = (ga >= 0) & (gb >= 0)
            external = int((known & (ga != gb)).sum())
            internal = int((known & (ga == gb)).sum())
            row[f"ei_{attr}"] = (external - internal) / (external + internal) if external + internal else np.nan
        rows.append(row)
    columns = ["date", *COLUMNS] + ([f"ei_{attr}"] if attr is not None else [])
    frame = pd.DataFrame(rows, columns=columns).set_index("date")
    frame = frame.astype({"n_actors": int, "n_ties": int, "n_components": int, "n_isolates": int})
    frame.attrs.update({"opgave": opgave, "attr": attr, "only_opgave_ties": only_opgave_ties})
    return frame


def formation_moment(frame: pd.DataFrame, share: float = 1.0):
    """The first date at which the collective is one whole (or ``share`` of it).

    Parameters
    ----------
    frame : pandas.DataFrame
        The result of :func:`formation`.
    share : float, default 1.0
        1.0: the first date with a single component; below 1: the first date
        at which the largest component holds at least this share of the
        involved actors.

    Returns
    -------
    pandas.Timestamp or None
        None when it never happens within the dates.

    Examples
    --------
    >>> import opgavelab
    >>> f = formation(opgavelab.example(), "economie")
    >>> formation_moment(f).year
    2022
    """
    if not 0 < share <= 1:
        msg = f"'share' must be in (0, 1], got {share!r}."
        raise ValueError(msg)
    if share == 1.0:
        hit = frame[(frame["n_components"] == 1) & (frame["n_actors"] > 0)]
    else:
        hit = frame[frame["largest_component_share"] >= share]
    return None if hit.empty else hit.index[0]
