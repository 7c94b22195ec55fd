"""Boundary crossing: E-I index, mixing matrix, crossing share, Blau heterogeneity.

An opgave brings together actors from different worlds (government tiers,
sectors, domains). These measures say how many of the ties cross the boundary
of a group, given a node attribute that assigns each actor to a group.

An E-I index means little on its own: with one large group and a few small
ones, random mixing already gives most ties *inside* the large group. So
:func:`ei_expected` gives the index that random mixing of the same group sizes
would give, and :func:`ei_test` a permutation test as UCINET reports it
(observed, expected, p from N permutations of the labels, with a seed).

Rules shared by all functions here:

- ``G`` is a networkx graph and ``attr`` the name of a node attribute, or a
  mapping (dict, pandas Series) from node to value; anything else raises
  ``TypeError``. A name that no node has, or a mapping that has none of the
  nodes as a key, raises ``ValueError`` (usually a typo, or ids read as text
  on one side and as numbers on the other).
- An actor without a value (attribute absent, ``None``, ``NaN``, an empty string
  or an empty list) is *missing*: its ties are skipped in all counts, and its
  own per-actor score is ``NaN``.
- A value can be *multi-valued*: a list, tuple or set of labels (for example
  the several domains an actor works in). A tie is **internal** when the two
  actors share at least one label, **external** when they share none. The
  mixing matrix counts a tie once for every pair of labels of its two ends.
- Self-loops are ignored; parallel ties of a multigraph count once.
- In a DiGraph every arc is a tie (a reciprocated pair counts twice), unless
  ``mutual=True``, which keeps only reciprocated pairs and counts each once.
"""

from __future__ import annotations

__all__ = [
    "boundary_summary",
    "ei_index",
    "ei_index_by_group",
    "ei_index_by_actor",
    "ei_expected",
    "ei_test",
    "crossing_share",
    "mixing_matrix",
    "blau_index",
]

import math
from collections import Counter
from collections.abc import Mapping

import networkx as nx
import numpy as np
import pandas as pd

from opgavelab._values import MULTI, is_missing
from opgavelab._checks import _check_bool, _check_graph
from opgavelab.metrics._graph import _attribute_values, _sort_labels


# --------------------------------------------------------------------------
# private helpers (also used by brokerage)
# --------------------------------------------------------------------------
def _label_sets(G, attr) -> dict:
    """Node -> frozenset of labels, or None when the node's value is missing."""
    out = {}
    for node, value in _attribute_values(G, attr).items():
        if is_missing(value):
            out[node] = None
        elif isinstance(value, MULTI):
            labels = frozenset(x for x in value if not is_missing(x))
            out[node] = labels or None
        else:
            out[node] = frozenset([value])
    return out


def _ties(G, mutual: bool = False) -> list[tuple]:
    """Distinct ties (u, v) in ``G``'s edge order; see the module docstring."""
    directed = G.is_directed()
    if not G.is_multigraph() and not (directed and mutual):
        # a simple Graph lists each tie once, a DiGraph each arc once: nothing to fold
        return [(u, v) for u, v in G.edges() if u != v]
    seen: set = set()
    ties = []
    for u, v in G.edges():
        if u == v or (u, v) in seen:
            continue
        if directed and mutual:
            if (v, u) in seen or not G.has_edge(v, u):
                continue
        elif not directed and (v, u) in seen:
            continue
        seen.add((u, v))
        ties.append((u, v))
    return ties


def _classified_ties(G, attr, mutual: bool):
    """(u, v, labels_u, labels_v, internal) for every tie between non-missing actors."""
    _check_graph(G)
    _check_bool("mutual", mutual)
    labels = _label_sets(G, attr)
    out = []
    for u, v in _ties(G, mutual):
        lu, lv = labels[u], labels[v]
        if lu is None or lv is None:
            continue
        out.append((u, v, lu, lv, not lu.isdisjoint(lv)))
    return labels, out


def _ei(external: float, internal: float) -> float:
    total = external + internal
    return (external - internal) / total if total else float("nan")


# --------------------------------------------------------------------------
# public functions
# --------------------------------------------------------------------------
def ei_index(G: nx.Graph, attr, mutual: bool = False) -> float:
    """Krackhardt and Stern's E-I index of the whole network.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network.
    attr : str or mapping
        Node attribute (or node → value mapping) that assigns actors to groups.
        See the module docstring for missing and multi-valued values.
    mutual : bool, default False
        For a DiGraph, count only reciprocated ties (each pair once), as the
        netseg vignette does with ``mutual`` ties. No effect on a Graph.

    Returns
    -------
    float
        ``(E − I) / (E + I)`` with ``E`` the external ties (between groups) and
        ``I`` the internal ties (within a group): −1 when all ties stay inside
        groups, +1 when all cross. ``NaN`` when there is no tie between two
        actors with a value.

    Raises
    ------
    TypeError
        If ``G`` is not a networkx graph, ``attr`` is neither a name nor a
        mapping, or ``mutual`` is not a bool.
    ValueError
        If no node has the attribute ``attr``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(4)  # 0-1-2-3
    >>> nx.set_node_attributes(G, {0: "gov", 1: "gov", 2: "firm", 3: "firm"}, "type")
    >>> round(ei_index(G, "type"), 4)  # E = 1 (1-2), I = 2
    -0.3333

    References
    ----------
    Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational
    crises: an experimental simulation. *Social Psychology Quarterly* 51(2),
    123-140.
    """
    _, ties = _classified_ties(G, attr, mutual)
    internal = sum(1 for t in ties if t[4])
    return _ei(len(ties) - internal, internal)


def crossing_share(G: nx.Graph, attr, mutual: bool = False) -> float:
    """Share of ties that cross a group boundary.

    Parameters
    ----------
    G, attr, mutual
        The network, the groups and which ties count, as in :func:`ei_index`.

    Returns
    -------
    float
        ``E / (E + I)``, equal to ``(1 + ei_index) / 2``; ``NaN`` without ties
        between actors with a value.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(4)
    >>> nx.set_node_attributes(G, {0: "gov", 1: "gov", 2: "firm", 3: "firm"}, "type")
    >>> round(crossing_share(G, "type"), 4)
    0.3333

    References
    ----------
    Krackhardt & Stern (1988), in full at :func:`ei_index`.
    """
    _, ties = _classified_ties(G, attr, mutual)
    if not ties:
        return float("nan")
    return sum(1 for t in ties if not t[4]) / len(ties)


def ei_index_by_group(G: nx.Graph, attr, mutual: bool = False) -> pd.DataFrame:
    """E-I index of each group: how much its members' ties leave the group.

    Parameters
    ----------
    G, attr, mutual
        As in :func:`ei_index`; an actor with several labels is a member of
        each of those groups.

    Returns
    -------
    pandas.DataFrame
        Indexed by group label (sorted), columns ``n_actors`` (members), ``E``
        (ties with exactly one end in the group), ``I`` (ties with both ends in
        the group) and ``ei`` = ``(E − I) / (E + I)`` (``NaN`` for a group
        without ties). For a DiGraph a tie counts for the group whether a
        member sends or receives it. Each external tie counts for both groups
        it connects, so the ``E`` column sums to twice the network's ``E``.
        With multi-valued attributes an actor belongs to every group it lists.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(4)
    >>> nx.set_node_attributes(G, {0: "gov", 1: "gov", 2: "gov", 3: "firm"}, "type")
    >>> ei_index_by_group(G, "type").round(3)  # doctest: +NORMALIZE_WHITESPACE
          n_actors  E  I     ei
    type
    firm         1  1  0  1.000
    gov          3  1  2 -0.333

    References
    ----------
    Krackhardt & Stern (1988), in full at :func:`ei_index`.
    """
    labels, ties = _classified_ties(G, attr, mutual)
    members = Counter(x for s in labels.values() if s is not None for x in s)
    external: Counter = Counter()
    internal: Counter = Counter()
    for _, _, lu, lv, _ in ties:
        for g in lu | lv:
            if g in lu and g in lv:
                internal[g] += 1
            else:
                external[g] += 1
    groups = _sort_labels(members)
    frame = pd.DataFrame(
        {
            "n_actors": [members[g] for g in groups],
            "E": [external[g] for g in groups],
            "I": [internal[g] for g in groups],
        },
        index=pd.Index(groups, name=attr if isinstance(attr, str) else "group"),
    )
    frame["ei"] = [_ei(e, i) for e, i in zip(frame["E"], frame["I"], strict=True)]
    return frame.astype({"n_actors": "int64", "E": "int64", "I": "int64", "ei": "float64"})


def ei_index_by_actor(G: nx.Graph, attr, mutual: bool = False) -> pd.Series:
    """E-I index of each actor over its own ties.

    Parameters
    ----------
    G, attr
        As in :func:`ei_index`.
    mutual : bool, default False
        For a DiGraph, count only reciprocated ties (each pair once). Without it
        an actor's sent and received arcs all count.

    Returns
    -------
    pandas.Series
        Named ``"ei"``, indexed by node in ``G``'s order:
        ``(E − I) / (E + I)`` over the actor's ties to actors with a value
        (``E`` to another group, ``I`` to the same group). ``NaN`` for isolates,
        for actors whose alters all lack a value, and for actors without a value.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(4)
    >>> nx.set_node_attributes(G, {0: "gov", 1: "gov", 2: "firm", 3: "firm"}, "type")
    >>> ei_index_by_actor(G, "type").tolist()
    [-1.0, 0.0, 0.0, -1.0]

    References
    ----------
    Krackhardt & Stern (1988), in full at :func:`ei_index`.
    """
    _, ties = _classified_ties(G, attr, mutual)
    external: Counter = Counter()
    internal: Counter = Counter()
    for u, v, _, _, inside in ties:
        counter = internal if inside else external
        counter[u] += 1
        counter[v] += 1
    values = [_ei(external[v], internal[v]) for v in G]
    return pd.Series(values, index=pd.Index(list(G), name="node"), name="ei", dtype=float)


def _membership(G, attr):
    """Valued nodes, their label matrix (nodes x groups, bool) and the group labels."""
    labels = _label_sets(G, attr)
    groups = _sort_labels({x for s in labels.values() if s is not None for x in s})
    gindex = {g: i for i, g in enumerate(groups)}
    valued = [v for v in G if labels[v] is not None]
    M = np.zeros((len(valued), len(groups)), dtype=bool)
    for r, v in enumerate(valued):
        for x in labels[v]:
            M[r, gindex[x]] = True
    return valued, M, groups


def _expected_from_members(M: np.ndarray) -> tuple[float, np.ndarray]:
    """E-I of the network and of each group if every pair of valued actors were equally likely tied.

    Network: internal pairs are those sharing a label. Group g with m members
    among n: internal pairs C(m, 2), external pairs m (n − m), as
    :func:`ei_index_by_group` counts ties (a tie with exactly one end in g is
    external to g).
    """
    n = M.shape[0]
    total = n * (n - 1) / 2
    if n < 2:
        return float("nan"), np.full(M.shape[1], np.nan)
    if M.shape[1] and M.sum(axis=1).max() <= 1:
        sizes = M.sum(axis=0).astype(float)
        internal = float((sizes * (sizes - 1) / 2).sum())
    else:
        Mi = M.astype(np.int64)
        shared = (Mi @ Mi.T) > 0
        internal = float((shared.sum() - n) / 2)
    network = _ei(total - internal, internal)
    m = M.sum(axis=0).astype(float)
    gi = m * (m - 1) / 2
    ge = m * (n - m)
    with np.errstate(divide="ignore", invalid="ignore"):
        groups = np.where(gi + ge > 0, (ge - gi) / (gi + ge), np.nan)
    return network, groups


def ei_expected(G: nx.Graph, attr) -> float:
    """The E-I index that random mixing of the same group sizes would give.

    Parameters
    ----------
    G, attr
        As in :func:`ei_index`; only the group sizes matter here, not the ties.

    Returns
    -------
    float
        ``(Pe − Pi) / (Pe + Pi)`` with ``Pi`` the number of pairs of actors
        (with a value) in the same group (sharing a label) and ``Pe`` the
        other pairs: the E-I index if the ties fell on pairs at random. It is
        also the mean E-I index over all permutations of the labels (see
        :func:`ei_test`). ``NaN`` for fewer than two actors with a value.

    Raises
    ------
    TypeError
        If ``G`` is not a networkx graph or ``attr`` has the wrong type (see
        :func:`ei_index`).
    ValueError
        If no node has the attribute ``attr``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(4)
    >>> nx.set_node_attributes(G, {0: "gov", 1: "gov", 2: "firm", 3: "firm"}, "type")
    >>> round(ei_expected(G, "type"), 4)  # 2 internal pairs of 6: (4 - 2) / 6
    0.3333

    References
    ----------
    Krackhardt & Stern (1988), in full at :func:`ei_index`: the expected value
    given the group sizes.
    """
    _check_graph(G)
    _, M, _ = _membership(G, attr)
    return _expected_from_members(M)[0]


def ei_test(G: nx.Graph, attr, n_permutations: int = 1000, seed: int | None = 0,
            mutual: bool = False, groups: bool = True) -> pd.DataFrame:
    """E-I index of the network and of each group against random mixing, with a permutation test.

    The labels are shuffled over the actors that have one (the network stays
    as it is) ``n_permutations`` times, and the E-I indices are computed again,
    as UCINET's E-I routine does.

    Parameters
    ----------
    G, attr
        As in :func:`ei_index`.
    n_permutations : int, default 1000
        Number of random relabellings (0: no test, only the expected values).
    seed : int or None, default 0
        Seed of the random generator, so that the p-values can be reproduced.
    mutual : bool, default False
        For a DiGraph, count only reciprocated ties (each pair once).
    groups : bool, default True
        Also test each group (False: only the network row gets a p, which is
        much faster on large networks with many groups).

    Returns
    -------
    pandas.DataFrame
        One row for the network (``level`` ``"network"``, ``group`` ``None``)
        and one per group (``level`` ``"group"``), columns ``n_actors``,
        ``E``, ``I``, ``ei`` (observed), ``expected`` (random mixing of the
        group sizes, :func:`ei_expected`; per group ``(Pe − Pi) / (Pe + Pi)``
        with ``Pi = C(m, 2)`` and ``Pe = m (n − m)``), ``perm_mean`` (mean over
        the permutations), ``p_less`` and ``p_greater`` (share of permutations
        with an index at most / at least the observed one, counting the
        observed labelling as one of them: ``(k + 1) / (N + 1)``) and ``p``
        (two-sided: ``min(1, 2 min(p_less, p_greater))``). ``attrs`` holds
        ``n_permutations`` and ``seed``.

    Raises
    ------
    TypeError
        If ``G`` is not a networkx graph or ``attr`` has the wrong type.
    ValueError
        If no node has ``attr`` or ``n_permutations`` is negative.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(4)
    >>> nx.set_node_attributes(G, {0: "gov", 1: "gov", 2: "firm", 3: "firm"}, "type")
    >>> t = ei_test(G, "type", n_permutations=200, seed=1)
    >>> t.loc[0, ["ei", "expected"]].round(4).tolist()
    [-0.3333, 0.3333]

    References
    ----------
    Krackhardt & Stern (1988), in full at :func:`ei_index`.
    Borgatti, S. P., Everett, M. G. & Freeman, L. C. (2002). *UCINET for
    Windows*, Network > Cohesion > E-I Index (permutation test).
    """
    if not isinstance(n_permutations, (int, np.integer)) or isinstance(n_permutations, bool) or n_permutations < 0:
        msg = f"'n_permutations' must be a whole number of 0 or more, got {n_permutations!r}."
        raise ValueError(msg)
    _check_graph(G)
    _check_bool("mutual", mutual)
    valued, M, labels = _membership(G, attr)
    pos = {v: i for i, v in enumerate(valued)}
    pairs = [(pos[u], pos[v]) for u, v in _ties(G, mutual) if u in pos and v in pos]
    u = np.array([a for a, _ in pairs], dtype=np.int64)
    w = np.array([b for _, b in pairs], dtype=np.int64)
    E, I, gE, gI = _ei_counts(M, u, w)
    obs_net = _ei(E, I)
    with np.errstate(divide="ignore", invalid="ignore"):
        obs_grp = np.where(gE + gI > 0, (gE - gI) / np.where(gE + gI > 0, gE + gI, 1), np.nan)
    exp_net, exp_grp = _expected_from_members(M)
    n_perm = int(n_permutations)
    perm_net, perm_grp = _permuted_ei(M, u, w, n_perm, np.random.default_rng(seed), groups)

    def test_columns(obs, sims):
        return dict(zip(("perm_mean", "p_less", "p_greater", "p"), _permutation_p(obs, sims, n_perm), strict=True))

    members = M.sum(axis=0)
    rows = [{"level": "network", "group": None, "n_actors": len(valued), "E": int(E), "I": int(I), "ei": obs_net,
             "expected": exp_net, **test_columns(obs_net, perm_net)}]
    for j, g in enumerate(labels):
        rows.append({"level": "group", "group": g, "n_actors": int(members[j]), "E": int(gE[j]), "I": int(gI[j]),
                     "ei": float(obs_grp[j]), "expected": float(exp_grp[j]),
                     **test_columns(obs_grp[j], perm_grp[:, j])})
    frame = pd.DataFrame(rows, columns=["level", "group", "n_actors", "E", "I", "ei", "expected", "perm_mean",
                                        "p_less", "p_greater", "p"])
    frame.attrs.update({"n_permutations": n_perm, "seed": seed})
    return frame


def _ei_counts(M: np.ndarray, u: np.ndarray, w: np.ndarray):
    """External and internal ties of the network, and per group, for the label matrix ``M``.

    ``u`` and ``w`` are the positions of each tie's ends (rows of ``M``).
    """
    k = M.shape[1]
    if len(u) == 0:
        return 0, 0, np.zeros(k), np.zeros(k)
    A, B = M[u], M[w]
    both = A & B
    inside = both.any(axis=1)
    gi = both.sum(axis=0)
    ge = (A | B).sum(axis=0) - gi
    n_in = int(inside.sum())
    return len(u) - n_in, n_in, ge, gi


def _permuted_ei(M: np.ndarray, u: np.ndarray, w: np.ndarray, n_perm: int, rng, groups: bool) -> tuple:
    """E-I of the network (and of each group when ``groups``) under ``n_perm`` shuffles of the labels.

    Each actor's labels are bits of 64-bit words: a tie is internal when its two
    ends share a bit. The permutations run in blocks, all ties of a block at once.
    """
    n, k = M.shape
    perm_net = np.full(n_perm, np.nan)
    perm_grp = np.full((n_perm, k), np.nan)
    if not (n_perm and len(u)):
        return perm_net, perm_grp
    W = max(1, -(-k // 64))
    bits = np.zeros((n, W), dtype=np.uint64)
    for j in range(k):
        bits[M[:, j], j // 64] |= np.uint64(1) << np.uint64(j % 64)
    block = max(1, min(n_perm, 4_000_000 // max(len(u) * W, 1)))
    base = np.arange(n)
    for start in range(0, n_perm, block):
        size = min(block, n_perm - start)
        perms = rng.permuted(np.tile(base, (size, 1)), axis=1)
        if W == 1:  # one word: 2-d arrays, contiguous
            B = bits[:, 0][perms]  # size x n
            bu, bw = B[:, u][:, :, None], B[:, w][:, :, None]
        else:
            B = bits[perms]  # size x n x W
            bu, bw = B[:, u], B[:, w]
        both = bu & bw
        n_in = np.count_nonzero(both.any(axis=2), axis=1) if W > 1 else np.count_nonzero(both[:, :, 0], axis=1)
        n_out = len(u) - n_in
        with np.errstate(divide="ignore", invalid="ignore"):
            perm_net[start:start + size] = (n_out - n_in) / (n_out + n_in)
        if groups:
            either = bu | bw
            for j in range(k):
                bit = np.uint64(1) << np.uint64(j % 64)
                gi = np.count_nonzero(both[:, :, j // 64] & bit, axis=1)
                ge = np.count_nonzero(either[:, :, j // 64] & bit, axis=1) - gi
                with np.errstate(divide="ignore", invalid="ignore"):
                    perm_grp[start:start + size, j] = np.where(gi + ge > 0, (ge - gi) / (gi + ge), np.nan)
    return perm_net, perm_grp


def _permutation_p(obs: float, sims: np.ndarray, n_perm: int) -> tuple[float, float, float, float]:
    """Mean of the permuted indices, and p (less, greater, two-sided) counting the observed one: (k + 1) / (N + 1)."""
    sims = sims[~np.isnan(sims)]
    if np.isnan(obs) or n_perm == 0 or len(sims) == 0:
        return float("nan"), float("nan"), float("nan"), float("nan")
    eps = 1e-12  # equal up to rounding counts as equal
    less = (np.sum(sims <= obs + eps) + 1) / (len(sims) + 1)
    greater = (np.sum(sims >= obs - eps) + 1) / (len(sims) + 1)
    return float(sims.mean()), float(less), float(greater), float(min(1.0, 2 * min(less, greater)))


def mixing_matrix(G: nx.Graph, attr) -> pd.DataFrame:
    """Number of ties between (and within) groups.

    Parameters
    ----------
    G, attr
        As in :func:`ei_index` (every tie counts, also an unreciprocated arc).

    Returns
    -------
    pandas.DataFrame
        Square, groups (sorted) in rows and columns, integer counts. For a
        DiGraph rows are the sender's group (index name ``"from"``) and columns
        the receiver's (``"to"``). For a Graph the matrix is symmetric: cell
        ``(g, h)`` is the number of ties between ``g`` and ``h`` and the diagonal
        the number of ties inside a group, so the upper triangle (with the
        diagonal) sums to the number of ties. Ties of actors without a value are
        left out; a multi-valued actor adds a tie to every pair of labels.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(4)
    >>> nx.set_node_attributes(G, {0: "gov", 1: "gov", 2: "firm", 3: "firm"}, "type")
    >>> mixing_matrix(G, "type")  # doctest: +NORMALIZE_WHITESPACE
    type  firm  gov
    type
    firm     1    1
    gov      1    1

    References
    ----------
    Newman, M. E. J. (2003). Mixing patterns in networks. *Physical Review E*
    67, 026126.
    """
    labels, ties = _classified_ties(G, attr, False)
    groups = _sort_labels({x for s in labels.values() if s is not None for x in s})
    counts: Counter = Counter()
    directed = G.is_directed()
    for _, _, lu, lv, _ in ties:
        for a in lu:
            for b in lv:
                counts[(a, b)] += 1
                if not directed and a != b:
                    counts[(b, a)] += 1
    name = attr if isinstance(attr, str) else "group"
    frame = pd.DataFrame(
        [[counts[(a, b)] for b in groups] for a in groups],
        index=pd.Index(groups, name="from" if directed else name),
        columns=pd.Index(groups, name="to" if directed else name),
        dtype="int64",
    )
    return frame


def blau_index(values, attr=None) -> float:
    """Blau's heterogeneity index of a set of group labels.

    Parameters
    ----------
    values : iterable, mapping or networkx graph
        Group labels, one per actor (a list, a pandas Series, the values of a
        dict). A list, tuple or set *inside* it is a multi-valued actor: each of
        its labels counts. Missing labels (``None``, ``NaN``, ``""``) are left
        out. A networkx graph is read through its node attribute ``attr``.
    attr : str or mapping, optional
        Required when ``values`` is a graph: the node attribute to read.

    Returns
    -------
    float
        ``1 − Σ p_i²`` over the shares ``p_i`` of the groups: 0 when everyone is
        in one group, approaching 1 with many equal groups (at most
        ``1 − 1/k`` for ``k`` groups). ``NaN`` when no label is present.

    Raises
    ------
    TypeError
        If ``values`` is a graph and ``attr`` is not given.
    ValueError
        If ``values`` is a graph and none of its nodes has ``attr``.

    Examples
    --------
    >>> blau_index(["gov", "gov", "firm", "citizen"])  # 1 - (.5² + .25² + .25²)
    0.625
    >>> blau_index([["gov", "firm"], "gov"])  # labels gov, firm, gov
    0.4444444444444444

    References
    ----------
    Blau, P. M. (1977). *Inequality and Heterogeneity: A Primitive Theory of
    Social Structure*. New York: Free Press.
    """
    if isinstance(values, nx.Graph):
        if attr is None:
            msg = "'attr' is needed when 'values' is a graph: pass the node attribute to read, e.g. attr='type'."
            raise TypeError(msg)
        values = list(_attribute_values(values, attr).values())
    elif isinstance(values, pd.Series):
        values = values.tolist()
    elif isinstance(values, Mapping):
        values = list(values.values())
    counts: Counter = Counter()
    for value in values:
        if is_missing(value):
            continue
        if isinstance(value, MULTI):
            counts.update(x for x in value if not is_missing(x))
        else:
            counts[value] += 1
    total = sum(counts.values())
    if total == 0:
        return float("nan")
    return 1.0 - math.fsum((c / total) ** 2 for c in counts.values())


def boundary_summary(G: nx.Graph, attr) -> pd.DataFrame:
    """E-I index per group, next to what random mixing would give.

    Krackhardt and Stern's E-I index ``(E − I) / (E + I)`` counts a group's
    ties that leave it (``E``) against those that stay inside (``I``). Its value
    depends on group sizes: a small group has few possible internal partners.
    ``ei_expected`` is the index if every tie of a member went to a random
    other actor: ``1 − 2 (n_g − 1) / (N − 1)``; ``ei − ei_expected`` below 0
    means the group keeps to itself more than chance. The last row,
    ``(netwerk)``, is the whole network, expected ``1 − 2 Σ n_g (n_g − 1) / (N (N − 1))``.

    Parameters
    ----------
    G : networkx.Graph
        For example a :func:`opgavelab.membership.co_membership_graph`.
    attr : str or mapping
        Node attribute with each actor's group (a single value per actor).

    Returns
    -------
    pandas.DataFrame
        Indexed by group: ``n_actors``, ``E``, ``I``, ``ei``, ``ei_expected``,
        ``difference``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(4)
    >>> nx.set_node_attributes(G, {0: "a", 1: "a", 2: "b", 3: "b"}, "g")
    >>> boundary_summary(G, "g")["ei"].round(3).tolist()
    [0.0, 0.0, -0.333]

    References
    ----------
    Krackhardt & Stern (1988), in full at :func:`ei_index`.
    """
    frame = ei_index_by_group(G, attr).copy()
    sizes = frame["n_actors"].astype(float)
    N = float(sizes.sum())
    frame["ei_expected"] = 1 - 2 * (sizes - 1) / (N - 1) if N > 1 else np.nan
    whole_internal = float((sizes * (sizes - 1)).sum() / (N * (N - 1))) if N > 1 else np.nan
    total = pd.DataFrame({
        "n_actors": [int(N)], "E": [int(frame["E"].sum() // 2)],
        "I": [int(frame["I"].sum())], "ei": [ei_index(G, attr)], "ei_expected": [1 - 2 * whole_internal],
    }, index=["(netwerk)"])
    frame = pd.concat([frame, total])
    frame["difference"] = frame["ei"] - frame["ei_expected"]
    frame.index.name = attr if isinstance(attr, str) else "group"
    return frame
