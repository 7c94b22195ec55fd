"""Networks from a Case.

- :func:`two_mode_graph`: actors and opgaven, linked by involvement;
- :func:`actor_graph`: actors linked by their ties (optionally a subset);
- :func:`opgave_graph`: the actor network around one opgave: its involved
  actors and the ties among them, at a date if given;
- :func:`overlap_graph`: opgaven linked by the actors they share;
- :func:`multi_opgave_actors`: the actors who take part in many opgaven.

Every actor attribute from the spreadsheet is on its node (``name``, ``type``,
``scale``, ``sector``, ``domains`` and extra columns); missing values are
``None``. Several ties between the same two actors become one edge whose
``weight`` is the sum of their weights, with ``types`` (all tie types),
``type`` (the first one), ``n_ties`` and ``opgaven``.
"""

from __future__ import annotations

__all__ = [
    "two_mode_graph",
    "actor_graph",
    "opgave_graph",
    "overlap_graph",
    "multi_opgave_actors",
    "node_attributes",
]

import contextlib
import contextvars
import math

import networkx as nx
import numpy as np
import pandas as pd

from ._checks import _check_case
from ._dates import snapshot_at
from .case import Case, is_active
from ._docs import raises


def _clean(value):
    """Spreadsheet value → plain Python value for a node attribute (None if missing)."""
    if isinstance(value, (list, tuple)):
        return list(value)
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, pd.Timestamp):
        return value
    if isinstance(value, np.generic):
        return value.item()
    return value


def node_attributes(frame: pd.DataFrame) -> dict[str, dict]:
    """Row attributes of a table indexed by id, as ``{id: {column: value}}``.

    Parameters
    ----------
    frame : pandas.DataFrame
        A table indexed by id, such as ``case.actors`` or ``case.opgaven``.

    Returns
    -------
    dict
        ``{id: {column: value}}`` with plain Python values: missing values
        (NaN, NaT, NA) become None, numpy scalars Python numbers, tuples lists.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"type": ["gemeente", "bedrijf"], "commitment": [3, float("nan")],
    ...                       "domains": [["1.2"], []]}, index=["gem-a", "bedr-b"])
    >>> node_attributes(frame)  # doctest: +NORMALIZE_WHITESPACE
    {'gem-a': {'type': 'gemeente', 'commitment': 3.0, 'domains': ['1.2']},
     'bedr-b': {'type': 'bedrijf', 'commitment': None, 'domains': []}}
    """
    columns = list(frame.columns)
    out = {}
    for idx, row in zip(frame.index, frame.itertuples(index=False, name=None)):
        out[idx] = {col: _clean(v) for col, v in zip(columns, row)}
    return out


def two_mode_graph(case: Case, at=None) -> nx.Graph:
    """The two-mode (bipartite) network of actors and opgaven.

    Parameters
    ----------
    case : Case
    at : year, date or None
        Only involvement active at that date; None: all of it.

    Returns
    -------
    networkx.Graph
        Actor nodes have ``kind="actor"`` and ``bipartite=0``, opgave nodes
        ``kind="opgave"`` and ``bipartite=1``; each edge carries the
        involvement's ``role``, ``aware``, ``commitment``, ``since``, ``until``.

    Raises
    ------
    TypeError
        If ``case`` is not an opgavelab Case.
    ValueError
        If ``at`` is not a year, a date or None.

    Examples
    --------
    >>> import opgavelab
    >>> G = two_mode_graph(opgavelab.example())
    >>> G.nodes["economie"]["kind"]
    'opgave'
    """
    _check_case(case)
    at = snapshot_at(at)
    G = nx.Graph(name=f"{case.name}: actoren × opgaven")
    for aid, attrs in node_attributes(case.actors).items():
        G.add_node(aid, kind="actor", bipartite=0, **attrs)
    for oid, attrs in node_attributes(case.opgaven).items():
        G.add_node(oid, kind="opgave", bipartite=1, **attrs)
    inv = case.involvement[is_active(case.involvement, at)]
    cols = [c for c in inv.columns if c not in ("actor", "opgave")]
    for rec in inv.itertuples(index=False):
        d = rec._asdict()
        G.add_edge(d["actor"], d["opgave"], **{c: _clean(d[c]) for c in cols})
    return G


def _aggregate_ties(ties: pd.DataFrame, directed: bool) -> pd.DataFrame:
    """One row per pair (ordered if ``directed``) with summed weight and the types."""
    if ties.empty:
        return pd.DataFrame(columns=["u", "v", "weight", "n_ties", "types", "type", "opgaven", "since", "until",
                                     "directed"])
    src = ties["source"].to_numpy(dtype=object)
    tgt = ties["target"].to_numpy(dtype=object)
    tie_directed = ties["directed"].to_numpy(dtype=bool)
    if directed:
        # an undirected tie in a directed network is a pair of arcs
        back = ~tie_directed
        u = np.concatenate([src, tgt[back]])
        v = np.concatenate([tgt, src[back]])
        rows = np.concatenate([np.arange(len(ties)), np.flatnonzero(back)])
    else:
        swap = src > tgt
        u = np.where(swap, tgt, src)
        v = np.where(swap, src, tgt)
        rows = np.arange(len(ties))
    # one integer per pair, numbered in order of first appearance (as groupby(sort=False))
    n = len(u)
    codes, _ = pd.factorize(np.concatenate([u, v]))
    pair = codes[:n].astype(np.int64) * (int(codes.max()) + 1) + codes[n:]
    gid, first_rows = pd.factorize(pair)
    n_pairs = len(first_rows)
    _, first_of = np.unique(gid, return_index=True)  # the first row of each pair
    since = pd.Series(ties["since"].to_numpy()[rows])
    until = pd.Series(ties["until"].to_numpy()[rows])
    types = ties["type"].astype(object).to_numpy()[rows]
    # an edge lasts while any of its ties does: the latest 'until', empty if any is open
    until_open = np.bincount(gid, weights=until.isna().to_numpy(), minlength=n_pairs) > 0
    first_type = pd.Series(types).groupby(gid).first().reindex(range(n_pairs))
    out = pd.DataFrame({
        "u": u[first_of], "v": v[first_of],
        "weight": np.bincount(gid, weights=ties["weight"].to_numpy(dtype=float)[rows], minlength=n_pairs),
        "n_ties": np.bincount(gid, minlength=n_pairs),
        "since": since.groupby(gid).min().reindex(range(n_pairs)).to_numpy(),
        "directed": np.bincount(gid, weights=tie_directed[rows], minlength=n_pairs) > 0,
    })
    out["until"] = until.groupby(gid).max().reindex(range(n_pairs)).where(~until_open, pd.NaT).to_numpy()
    out["types"] = _sorted_sets(gid, types, n_pairs)
    out["type"] = first_type.where(first_type.notna(), None).to_numpy(dtype=object)
    out["opgaven"] = _sorted_sets(gid, ties["opgave"].astype(object).to_numpy()[rows], n_pairs)
    return out


def _sorted_sets(gid: np.ndarray, values: np.ndarray, n_groups: int) -> list[list[str]]:
    """Per group, the sorted distinct text values (missing ones left out)."""
    keep = pd.notna(values)
    pairs = pd.DataFrame({"g": gid[keep], "x": values[keep]}).drop_duplicates().sort_values(["g", "x"])
    g = pairs["g"].to_numpy()
    x = pairs["x"].to_numpy(dtype=object)
    out: list[list[str]] = [[] for _ in range(n_groups)]
    if len(g) == 0:
        return out
    starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    ends = np.r_[starts[1:], len(g)]
    values_list = x.tolist()  # slices of a list: quicker than a list from each slice of the array
    for group, a, b in zip(g[starts].tolist(), starts.tolist(), ends.tolist()):
        out[group] = values_list[a:b]
    return out


def _timestamps(values) -> list:
    """datetime64 values as pandas Timestamps, None where missing (each distinct date converted once)."""
    codes, uniques = pd.factorize(pd.DatetimeIndex(values))
    stamps = list(uniques)
    return [stamps[c] if c >= 0 else None for c in codes.tolist()]


def actor_graph(case: Case, at=None, actors=None, *, opgave: str | None = None,
                directed: bool | None = False) -> nx.Graph:
    """The network of actors and their ties.

    Parameters
    ----------
    case : Case
    at : year, date or None
        Only ties active at that date; None: every tie.
    actors : iterable of ids, optional
        Keep only these actors (and the ties among them); default all actors.
    opgave : str, optional
        Only the ties recorded for this opgave.
    directed : bool or None, default False
        ``False`` (the default everywhere in opgavelab: graphs, scan, explorer,
        report): a Graph, directions ignored, several ties between two actors
        one edge with summed weight. ``True``: a DiGraph (undirected ties
        become two arcs). ``None``: directed when any tie of the case is
        directed (what drawings and network files use, to keep arrows).

    Returns
    -------
    networkx.Graph or networkx.DiGraph
        Nodes carry every actor attribute; edges carry ``weight`` (summed over
        parallel ties), ``n_ties``, ``types``, ``type``, ``opgaven``, ``since``
        and ``until``.

    Raises
    ------
    TypeError
        If ``case`` is not an opgavelab Case.
    ValueError
        If ``opgave`` is given and is not an opgave id of the case, or ``at`` is
        not a year, a date or None.

    Examples
    --------
    >>> import opgavelab
    >>> G = actor_graph(opgavelab.example(), at=2024, directed=False)
    >>> G.is_directed()
    False
    """
    _check_case(case)
    at = snapshot_at(at)
    if directed is None:
        directed = bool(case.ties["directed"].any()) if len(case.ties) else False
    frame = case.actors
    if actors is not None:
        keep = pd.Index(list(actors))
        frame = frame.loc[frame.index.intersection(keep, sort=False)]
    G = nx.DiGraph() if directed else nx.Graph()
    G.graph.update(case=case.name, at=at, opgave=opgave)
    G.add_nodes_from(node_attributes(frame).items())
    ties = case.ties
    if opgave is not None:
        case._check_opgave(opgave)
        ties = ties[ties["opgave"] == opgave]
    if at is not None:
        ties = ties[is_active(ties, at)]
    if actors is not None:
        ties = ties[ties["source"].isin(frame.index) & ties["target"].isin(frame.index)]
    agg = _aggregate_ties(ties, directed)
    if len(agg):
        _add_edges(G, (
            (u, v, {
                "weight": w, "n_ties": k, "types": types, "type": first, "opgaven": opgaven,
                "directed": d, "since": since, "until": until,
            })
            for u, v, w, k, types, first, opgaven, d, since, until in zip(
                agg["u"].tolist(), agg["v"].tolist(), agg["weight"].astype(float).tolist(),
                agg["n_ties"].astype(int).tolist(), agg["types"].tolist(), agg["type"].tolist(),
                agg["opgaven"].tolist(), agg["directed"].astype(bool).tolist(), _timestamps(agg["since"]),
                _timestamps(agg["until"]))
        ))
    return G


def _add_edges(G: nx.Graph, edges) -> None:
    """``G.add_edges_from(edges)`` for ``(u, v, data)`` of distinct pairs (an unordered pair once in a Graph):
    each ``data`` goes into the adjacency as it is, as networkx puts a copy of it there, without its checks
    of each edge (a third of building a 20,000-tie network). An end that is no node yet goes through
    networkx, which adds it."""
    node = G._node
    succ, pred = (G._succ, G._pred) if G.is_directed() else (G._adj, G._adj)
    for u, v, data in edges:
        if u in node and v in node:
            succ[u][v] = data
            pred[v][u] = data
        else:
            G.add_edge(u, v, **data)
    nx._clear_cache(G)


def opgave_graph(case: Case, opgave: str, at=None, *, only_opgave_ties: bool = False,
                 directed: bool | None = False) -> nx.Graph:
    """The actor network around one opgave.

    Its nodes are the actors involved in ``opgave`` (at ``at``, if given),
    each with its actor attributes and its involvement (``role``, ``aware``,
    ``commitment``, ``involved_since``); its edges are the ties among them.

    Parameters
    ----------
    case : Case
    opgave : str
        The opgave id.
    at : year, date or None
        A snapshot: only involvement and ties active then. A bare year means
        its last day (``at=2021`` is 31 December 2021).
    only_opgave_ties : bool, default False
        Keep only ties recorded for this opgave (the ``opgave`` column of the
        ties sheet); default: every tie among the involved actors.
    directed : bool or None, default False
        Undirected unless asked, as in :func:`opgavelab.scan`, so that metrics
        on this graph give the scan's numbers; see :func:`actor_graph`.

    Returns
    -------
    networkx.Graph or networkx.DiGraph
        With ``G.graph["opgave"]``, ``G.graph["at"]`` and ``G.graph["case"]``.

    Raises
    ------
    ValueError
        ``opgave`` is not an opgave id of the case.

    Examples
    --------
    >>> import opgavelab
    >>> case = opgavelab.example()
    >>> G = opgave_graph(case, "economie", at=2024)
    >>> all(G.nodes[n]["type"] for n in G)
    True
    """
    _check_case(case)
    case._check_opgave(opgave)
    at = snapshot_at(at)
    memo = _GRAPH_MEMO.get()
    if memo is not None:  # inside reuse_graphs(): build once, hand out copies (callers may change them)
        key = (id(case), opgave, at, only_opgave_ties, directed)
        if key not in memo:
            memo[key] = (case, _build_opgave_graph(case, opgave, at, only_opgave_ties, directed))
        return memo[key][1].copy()
    return _build_opgave_graph(case, opgave, at, only_opgave_ties, directed)


_GRAPH_MEMO: contextvars.ContextVar = contextvars.ContextVar("opgavelab_graph_memo", default=None)


@contextlib.contextmanager
def reuse_graphs():
    """Within this block :func:`opgave_graph` builds each graph once (same case, opgave, date, options).

    Later calls get a copy, so a caller that changes its graph changes
    nothing for the next one. For work that asks for the same snapshots many
    times (``opgavelab report``: the scan, the figures and the pages of one
    opgave all walk its years). Do not change the case inside the block.

    Examples
    --------
    >>> import opgavelab
    >>> case = opgavelab.example()
    >>> with reuse_graphs():
    ...     a = opgave_graph(case, "zorg", at=2024)
    ...     b = opgave_graph(case, "zorg", at=2024)
    >>> a is not b and sorted(a.edges) == sorted(b.edges)
    True
    """
    token = _GRAPH_MEMO.set({} if _GRAPH_MEMO.get() is None else _GRAPH_MEMO.get())
    try:
        yield
    finally:
        _GRAPH_MEMO.reset(token)


def _opgave_snapshots(case: Case, opgave: str, dates, *, only_opgave_ties: bool = False,
                      directed: bool | None = False) -> list:
    """``[opgave_graph(case, opgave, at=t, ...) for t in dates]``, the same graphs, built in one pass.

    The opgave's involvement and ties are read from the case once; each date
    then only picks its active rows (no pandas per date), so a formation of
    many years costs little more than one snapshot. Inside
    :func:`reuse_graphs` the graphs go into its memo (and copies come out),
    as from :func:`opgave_graph`. Only undirected graphs are built this way;
    ``directed`` True or None builds each date as :func:`opgave_graph` does.
    """
    _check_case(case)
    case._check_opgave(opgave)
    ats = [snapshot_at(t) for t in dates]
    memo = _GRAPH_MEMO.get()

    def key(at):
        return (id(case), opgave, at, only_opgave_ties, directed)

    todo = list(dict.fromkeys(at for at in ats if memo is None or key(at) not in memo))
    if directed is False:
        built = dict(zip(todo, _Snapshots(case, opgave, only_opgave_ties).graphs(todo)))
    else:
        built = {at: _build_opgave_graph(case, opgave, at, only_opgave_ties, directed) for at in todo}
    if memo is None:
        # a date asked twice gets its own graph the second time (callers may change them)
        return [built.pop(at) if at in built else _build_opgave_graph(case, opgave, at, only_opgave_ties, directed)
                for at in ats]
    for at, G in built.items():
        memo[key(at)] = (case, G)
    return [memo[key(at)][1].copy() for at in ats]


class _Snapshots:
    """An opgave's involvement and ties as plain rows, read once; :meth:`graphs` builds undirected snapshots.

    Each graph equals ``_build_opgave_graph(case, opgave, at, only_opgave_ties, False)``: the same nodes,
    edges, attributes and order (the actors in the order of ``case.actors``, the involvement's first
    active row per actor, one edge per pair in the order of the pair's first active tie, its attributes
    as :func:`_aggregate_ties` sums them).
    """

    def __init__(self, case: Case, opgave: str, only_opgave_ties: bool):
        self.case, self.opgave, self.only_opgave_ties = case, opgave, only_opgave_ties
        inv = case.involvement[case.involvement["opgave"] == opgave]
        self.inv_since = inv["since"].to_numpy(dtype="datetime64[ns]")
        self.inv_until = inv["until"].to_numpy(dtype="datetime64[ns]")
        self.inv_actor = inv["actor"].tolist()
        self.inv_attrs = [
            {"role": _clean(rec.role), "aware": bool(rec.aware), "commitment": _clean(rec.commitment),
             "involved_since": _clean(rec.since), "involved_until": _clean(rec.until)}
            for rec in inv.itertuples(index=False)]
        ever = set(self.inv_actor)
        actors = case.actors.loc[case.actors.index.intersection(pd.Index(list(dict.fromkeys(self.inv_actor))),
                                                                sort=False)]
        self.actor_order = {a: i for i, a in enumerate(actors.index.tolist())}
        self.node_attrs = node_attributes(actors)
        ties = case.ties
        if only_opgave_ties:
            ties = ties[ties["opgave"] == opgave]
        ties = ties[ties["source"].isin(ever) & ties["target"].isin(ever)]
        self.t_since = ties["since"].to_numpy(dtype="datetime64[ns]")
        self.t_until = ties["until"].to_numpy(dtype="datetime64[ns]")
        src, tgt = ties["source"].tolist(), ties["target"].tolist()
        # as _aggregate_ties: the pair (lower, higher) of an undirected tie
        self.pairs = [(t, s) if s > t else (s, t) for s, t in zip(src, tgt)]
        self.weight = ties["weight"].to_numpy(dtype=float).tolist()
        self.tie_directed = ties["directed"].to_numpy(dtype=bool).tolist()
        self.since_ts = _timestamps(ties["since"].to_numpy())
        self.until_ts = _timestamps(ties["until"].to_numpy())
        self.types = [None if pd.isna(x) else x for x in ties["type"].astype(object).tolist()]
        self.opgaven = [None if pd.isna(x) else x for x in ties["opgave"].astype(object).tolist()]
        self._untyped: dict = {}

    @staticmethod
    def _active(since: np.ndarray, until: np.ndarray, at) -> np.ndarray:
        if at is None:
            return np.ones(len(since), dtype=bool)
        t = np.datetime64(at, "ns")
        return (np.isnat(since) | (since <= t)) & (np.isnat(until) | (t <= until))

    def graphs(self, ats) -> list:
        return [self._graph(at) for at in ats]

    def _graph(self, at) -> nx.Graph:
        case = self.case
        first: dict = {}  # actor -> its first active involvement row
        for i in np.flatnonzero(self._active(self.inv_since, self.inv_until, at)).tolist():
            first.setdefault(self.inv_actor[i], i)
        present = sorted((a for a in first if a in self.actor_order), key=self.actor_order.__getitem__)
        G = nx.Graph()
        G.graph.update(case=case.name, at=at, opgave=self.opgave if self.only_opgave_ties else None)
        G.add_nodes_from((a, {k: (list(v) if isinstance(v, list) else v) for k, v in self.node_attrs[a].items()})
                         for a in present)
        groups: dict = {}  # pair -> its active tie rows, pairs in the order of their first row
        for i in np.flatnonzero(self._active(self.t_since, self.t_until, at)).tolist():
            u, v = self.pairs[i]
            if u in first and v in first:
                groups.setdefault((u, v), []).append(i)
        typed = next((self.types[i] for rows in groups.values() for i in rows if self.types[i] is not None), None)
        if type(typed) not in self._untyped:  # (the same for every type of the same kind: text, or None)
            self._untyped[type(typed)] = _missing_type(typed)
        untyped = self._untyped[type(typed)]
        G.add_edges_from((u, v, self._edge(rows, untyped)) for (u, v), rows in groups.items())
        G.graph.update(opgave=self.opgave, opgave_name=str(case.opgaven.at[self.opgave, "name"]), at=at,
                       only_opgave_ties=self.only_opgave_ties)
        for a, i in first.items():
            if a in G:
                G.nodes[a].update(self.inv_attrs[i])
        return G

    def _edge(self, rows: list, untyped) -> dict:
        weight = 0.0
        for i in rows:  # summed in row order, as numpy's bincount does
            weight += self.weight[i]
        since = [self.since_ts[i] for i in rows if self.since_ts[i] is not None]
        until = [self.until_ts[i] for i in rows]
        types = [self.types[i] for i in rows if self.types[i] is not None]
        opgaven = {self.opgaven[i] for i in rows if self.opgaven[i] is not None}
        return {"weight": weight, "n_ties": len(rows), "types": sorted(set(types)),
                "type": types[0] if types else untyped, "opgaven": sorted(opgaven),
                "directed": any(self.tie_directed[i] for i in rows), "since": min(since) if since else None,
                "until": None if any(t is None for t in until) else max(until)}


def _missing_type(typed):
    """The ``type`` :func:`_aggregate_ties` gives an edge none of whose ties has a type, in a network where
    ``typed`` is the type of some tie (None: no tie has one): pandas' column of first types is text when
    one is known (its missing value NaN), else objects (None)."""
    first = pd.Series(np.array([typed, None], dtype=object)).groupby(np.array([0, 1])).first().reindex(range(2))
    return first.where(first.notna(), None).to_numpy(dtype=object)[1]


def _build_opgave_graph(case, opgave, at, only_opgave_ties, directed):
    inv = case.involvement_at(at, opgave)
    inv = inv.drop_duplicates("actor", keep="first")
    G = actor_graph(case, at=at, actors=inv["actor"], opgave=opgave if only_opgave_ties else None,
                    directed=directed)
    G.graph.update(opgave=opgave, opgave_name=str(case.opgaven.at[opgave, "name"]), at=at,
                   only_opgave_ties=only_opgave_ties)
    for rec in inv.itertuples(index=False):
        if rec.actor in G:
            G.nodes[rec.actor].update({
                "role": _clean(rec.role), "aware": bool(rec.aware), "commitment": _clean(rec.commitment),
                "involved_since": _clean(rec.since), "involved_until": _clean(rec.until),
            })
    return G


@raises("as_two_mode_graph")
def overlap_graph(case: Case, at=None, min_shared: int = 1) -> nx.Graph:
    """Opgaven linked by the actors they share.

    Parameters
    ----------
    case : Case
    at : year, date or None
        Only involvement active at that date.
    min_shared : int, default 1
        Keep links of at least this many shared actors.

    Returns
    -------
    networkx.Graph
        One node per opgave (its attributes and ``n_actors``); an edge when
        two opgaven share actors, with ``weight`` = the number of shared actors
        and ``actors`` = their ids.

    Examples
    --------
    >>> import pandas as pd
    >>> from opgavelab import Case
    >>> case = Case.from_frames(
    ...     actors=pd.DataFrame({"id": ["a", "b"], "naam": ["A", "B"], "type": ["burger", "bedrijf"]}),
    ...     opgaven=pd.DataFrame({"id": ["o1", "o2"], "naam": ["O1", "O2"]}),
    ...     involvement=pd.DataFrame({"actor": ["a", "b", "a", "b"], "opgave": ["o1", "o1", "o2", "o2"]}))
    >>> overlap_graph(case).edges["o1", "o2"]["weight"]
    2
    """
    _check_case(case)
    at = snapshot_at(at)
    inv = case.involvement[is_active(case.involvement, at)][["actor", "opgave"]].drop_duplicates()
    G = nx.Graph(case=case.name, at=at)
    sizes = inv.groupby("opgave")["actor"].nunique()
    for oid, attrs in node_attributes(case.opgaven).items():
        G.add_node(oid, n_actors=int(sizes.get(oid, 0)), **attrs)
    pairs = inv.merge(inv, on="actor")
    pairs = pairs[pairs["opgave_x"] < pairs["opgave_y"]]
    for (a, b), group in pairs.groupby(["opgave_x", "opgave_y"]):
        shared = sorted(group["actor"])
        if len(shared) >= min_shared:
            G.add_edge(a, b, weight=len(shared), actors=shared)
    return G


@raises("as_two_mode_graph")
def multi_opgave_actors(case: Case, at=None, min_opgaven: int = 2) -> pd.DataFrame:
    """The actors who take part in several opgaven, most first.

    Parameters
    ----------
    case : Case
    at : year, date or None
        Only involvement active at that date; None: all of it.
    min_opgaven : int, default 2
        The least number of opgaven an actor must take part in to be listed.

    Returns
    -------
    pandas.DataFrame
        Indexed by actor id: ``name``, ``type``, ``scale``, ``n_opgaven`` and
        ``opgaven`` (their ids), for actors in at least ``min_opgaven``.

    Examples
    --------
    >>> import opgavelab
    >>> bool(multi_opgave_actors(opgavelab.example())["n_opgaven"].min() >= 2)
    True
    """
    _check_case(case)
    at = snapshot_at(at)
    inv = case.involvement[is_active(case.involvement, at)][["actor", "opgave"]].drop_duplicates()
    grouped = inv.groupby("actor")["opgave"]
    out = pd.DataFrame({"n_opgaven": grouped.nunique(), "opgaven": grouped.agg(lambda s: sorted(set(s)))})
    out = out[out["n_opgaven"] >= min_opgaven]
    out = case.actors[["name", "type", "scale"]].join(out, how="inner")
    out.index.name = "id"
    return out.sort_values(["n_opgaven", "name"], ascending=[False, True])
