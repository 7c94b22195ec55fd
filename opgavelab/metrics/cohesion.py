"""Cohesion of a whole network: density, components, reachability, centralization.

Every function takes any networkx ``Graph`` or ``DiGraph`` (a multigraph is read
as the simple graph of its distinct ties). Self-loops are ignored everywhere: an
actor does not collaborate with itself. Values that are undefined for the graph
at hand (the density of a one-actor network, the average distance of a network
without any path) are ``NaN``; no function raises on an empty graph. Every
function raises ``TypeError`` when ``G`` is not a networkx graph.
"""

from __future__ import annotations

__all__ = [
    "cohesion",
    "density",
    "connectedness",
    "fragmentation",
    "degree_centralization",
]

import random

import networkx as nx
import numpy as np
import pandas as pd
from opgavelab._lazy import lazy_module

sp = lazy_module("scipy.sparse")
csgraph = lazy_module("scipy.sparse.csgraph")

from opgavelab._checks import _check_graph, _check_int, _check_one_of
from opgavelab.metrics._graph import _adjacency, _n_ties
from opgavelab.metrics.centrality import _centrality
from opgavelab._docs import raises

_MODES = ["all", "in", "out"]


# --------------------------------------------------------------------------
# density and centralization
# --------------------------------------------------------------------------
@raises("graph")
def density(G: nx.Graph) -> float:
    """Share of all possible ties that are present.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network. Self-loops are ignored, parallel ties count once.

    Returns
    -------
    float
        ``L / (n (n - 1) / 2)`` for an undirected graph and ``L / (n (n - 1))``
        for a directed one (``L`` ties, ``n`` actors); ``NaN`` for fewer than
        two actors.

    Examples
    --------
    >>> import networkx as nx
    >>> density(nx.path_graph(4))  # 3 of 6 possible ties
    0.5

    References
    ----------
    Wasserman, S. & Faust, K. (1994). *Social Network Analysis*, section 4.2.
    """
    _check_graph(G)
    n = G.number_of_nodes()
    if n < 2:
        return float("nan")
    pairs = n * (n - 1) if G.is_directed() else n * (n - 1) / 2
    return _n_ties(G) / pairs


def _degrees(A, directed: bool):
    """Symmetrized degree, in-degree and out-degree as arrays (distinct ties)."""
    out_deg = np.asarray(A.sum(axis=1)).ravel()
    in_deg = np.asarray(A.sum(axis=0)).ravel()
    if directed:
        S = A + A.T
        S.data = np.ones_like(S.data)
        all_deg = np.asarray(S.sum(axis=1)).ravel()
    else:
        all_deg = out_deg
    return all_deg, in_deg, out_deg


def _centralization(deg: np.ndarray, denominator: float) -> float:
    if denominator <= 0:
        return float("nan")
    return float((deg.max() - deg).sum() / denominator)


def degree_centralization(G: nx.Graph, mode: str = "all") -> float:
    """Freeman's degree centralization: how much one actor dominates the ties.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network.
    mode : {"all", "in", "out"}, default "all"
        ``"all"`` uses the degree in the symmetrized graph (a tie in either
        direction counts once) and Freeman's normalization
        ``Σ (max − d) / ((n − 1)(n − 2))``, the largest possible sum, reached by a
        star. ``"in"`` and ``"out"`` use in- or out-degrees of a DiGraph and
        ``Σ (max − d) / (n − 1)²``, as UCINET does; they are ``NaN`` for an
        undirected graph.

    Returns
    -------
    float
        Between 0 (everyone has the same degree) and 1 (a star). ``NaN`` when the
        denominator is zero (fewer than three actors for ``"all"``, fewer than
        two for ``"in"``/``"out"``) or for ``"in"``/``"out"`` on an undirected
        graph.

    Raises
    ------
    ValueError
        If ``mode`` is not one of ``"all"``, ``"in"``, ``"out"``.

    Examples
    --------
    >>> import networkx as nx
    >>> degree_centralization(nx.star_graph(3))  # a hub with 3 spokes
    1.0
    >>> degree_centralization(nx.cycle_graph(4))
    0.0
    >>> D = nx.DiGraph([(1, 0), (2, 0), (3, 0)])
    >>> round(degree_centralization(D, mode="in"), 4)  # (3 + 3 + 3) / 3**2
    1.0

    References
    ----------
    Freeman, L. C. (1979). Centrality in social networks: conceptual
    clarification. *Social Networks* 1(3), 215-239.
    Borgatti, S. P., Everett, M. G. & Freeman, L. C. (2002). *UCINET for
    Windows*, Network > Centrality > Degree (in/out centralization).
    """
    _check_graph(G)
    _check_one_of("mode", mode, _MODES)
    _, A = _adjacency(G)
    return _degree_centralization(A, G.is_directed(), mode)


def _degree_centralization(A, directed: bool, mode: str) -> float:
    n = A.shape[0]
    if n == 0 or (mode != "all" and not directed):
        return float("nan")
    all_deg, in_deg, out_deg = _degrees(A, directed)
    if mode == "all":
        return _centralization(all_deg, (n - 1) * (n - 2))
    return _centralization(in_deg if mode == "in" else out_deg, (n - 1) ** 2)


# --------------------------------------------------------------------------
# components and reachability
# --------------------------------------------------------------------------
def _topological_order(n: int, heads: np.ndarray, tails: np.ndarray) -> list[int]:
    """Kahn's algorithm on a DAG given by arcs heads[i] -> tails[i]."""
    succ = sp.csr_array((np.ones(len(heads)), (heads, tails)), shape=(n, n))
    indptr, indices = succ.indptr, succ.indices
    indegree = np.bincount(tails, minlength=n).tolist()
    stack = [c for c in range(n) if indegree[c] == 0]
    order = []
    while stack:
        c = stack.pop()
        order.append(c)
        for t in indices[indptr[c] : indptr[c + 1]].tolist():
            indegree[t] -= 1
            if indegree[t] == 0:
                stack.append(t)
    return order


def _reachable_pairs(A, directed: bool) -> int:
    """Ordered pairs (u, v), u != v, with a path from u to v."""
    if not directed:
        _, labels = csgraph.connected_components(A, directed=False)
        sizes = np.bincount(labels).astype(np.int64)
        return int((sizes * (sizes - 1)).sum())
    # Every actor of a strong component reaches the same set of actors: its own
    # component plus everything downstream in the condensation (a DAG). Walking
    # the DAG against its topological order, each component's reach is the
    # union (a Python-int bitset over actors) of its successors' reach, so the
    # cost is one bitset OR per arc of the condensation, not a search per actor.
    ncomp, labels = csgraph.connected_components(A, directed=True, connection="strong")
    sizes = np.bincount(labels, minlength=ncomp).astype(np.int64)
    rows, cols = A.nonzero()
    cr, cc = labels[rows], labels[cols]
    keep = cr != cc
    arcs = np.unique(np.stack([cr[keep], cc[keep]], axis=1), axis=0) if keep.any() else np.zeros((0, 2), int)
    order = _topological_order(ncomp, arcs[:, 0], arcs[:, 1])
    own = [0] * ncomp
    for node, comp in enumerate(labels.tolist()):
        own[comp] |= 1 << node
    succ = sp.csr_array((np.ones(len(arcs)), (arcs[:, 0], arcs[:, 1])), shape=(ncomp, ncomp))
    indptr, indices = succ.indptr, succ.indices
    reach = [0] * ncomp
    total = 0
    for c in reversed(order):
        bits = own[c]
        for t in indices[indptr[c] : indptr[c + 1]].tolist():
            bits |= reach[t]
        reach[c] = bits
        total += int(sizes[c]) * (bits.bit_count() - 1)
    return total


@raises("graph")
def connectedness(G: nx.Graph) -> float:
    """Share of ordered pairs of actors in which the first can reach the second.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network. For a DiGraph reachability follows the direction of the
        ties (u reaches v when there is a directed path u → ... → v).

    Returns
    -------
    float
        ``Σ_{u≠v} r(u, v) / (n (n − 1))``; for an undirected graph this equals
        ``Σ s (s − 1) / (n (n − 1))`` over the component sizes ``s``. 1 for a
        connected network, 0 when every actor is isolated, ``NaN`` for fewer
        than two actors.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([(0, 1), (2, 3)])  # two separate pairs
    >>> round(connectedness(G), 4)  # 4 of 12 ordered pairs connected
    0.3333
    >>> connectedness(nx.DiGraph([(0, 1), (1, 2), (2, 3)]))  # a chain: 6 of 12
    0.5

    References
    ----------
    Borgatti, S. P. (2006). Identifying sets of key players in a social network.
    *Computational and Mathematical Organization Theory* 12, 21-34 (measure F).
    Krackhardt, D. (1994). Graph theoretical dimensions of informal
    organizations. In *Computational Organization Theory*, 89-111.
    """
    _check_graph(G)
    n = G.number_of_nodes()
    if n < 2:
        return float("nan")
    _, A = _adjacency(G)
    return _reachable_pairs(A, G.is_directed()) / (n * (n - 1))


def fragmentation(G: nx.Graph) -> float:
    """Share of ordered pairs of actors that cannot reach each other.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network (directed reachability for a DiGraph).

    Returns
    -------
    float
        ``1 − connectedness(G)``: 0 for a connected network, 1 when every actor is
        isolated, ``NaN`` for fewer than two actors.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([(0, 1), (2, 3)])
    >>> round(fragmentation(G), 4)
    0.6667

    References
    ----------
    Borgatti, S. P. (2006). Identifying sets of key players in a social network.
    *Computational and Mathematical Organization Theory* 12, 21-34.
    """
    return 1.0 - connectedness(G)


# --------------------------------------------------------------------------
# distances and clustering
# --------------------------------------------------------------------------
def _average_distance(A, directed: bool, sources) -> float:
    total = 0.0
    pairs = 0
    step = max(1, 2_000_000 // max(A.shape[0], 1))  # bound memory of one block
    for start in range(0, len(sources), step):
        block = sources[start : start + step]
        D = csgraph.shortest_path(A, directed=directed, unweighted=True, indices=block)
        finite = np.isfinite(D) & (D > 0)
        total += D[finite].sum()
        pairs += int(finite.sum())
    return total / pairs if pairs else float("nan")


def _clustering(A) -> tuple[float, float]:
    """Average clustering and transitivity of a symmetric binary matrix."""
    n = A.shape[0]
    if n == 0:
        return float("nan"), float("nan")
    deg = np.asarray(A.sum(axis=1)).ravel()
    # 2 x triangles through each node = diag(A^3) = rowsum((A @ A) * A)
    twice_tri = np.asarray((A @ A).multiply(A).sum(axis=1)).ravel()
    triads = deg * (deg - 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        local = np.where(triads > 0, twice_tri / np.where(triads > 0, triads, 1), 0.0)
    transitivity = twice_tri.sum() / triads.sum() if triads.sum() > 0 else float("nan")
    return float(local.mean()), float(transitivity)


def cohesion(
    G: nx.Graph,
    weight: str | None = None,
    *,
    exact_limit: int = 2000,
    sample_size: int = 500,
    seed: int | None = 0,
) -> pd.Series:
    """Whole-network cohesion in one summary: size, density, components, reach.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network (any node attributes are ignored).
    weight : str, optional
        Name of a tie attribute holding a tie *strength* (higher = stronger).
        When given, the summary also holds ``weighted_density`` (sum of weights
        over the number of possible ties) and ``mean_weight``. Distances are
        always counted in steps, never in weights.
    exact_limit : int, default 2000
        Up to this many actors the average distance is exact (a search from
        every actor). Above it the distance is estimated from ``sample_size``
        randomly drawn starting actors, and
        ``result.attrs["average_distance_approximate"]`` is True.
    sample_size : int, default 500
        Number of starting actors for the estimate above ``exact_limit``.
    seed : int, optional
        Seed of the random draw of starting actors.

    Returns
    -------
    pandas.Series
        Named ``"cohesion"``, float values, with the entries

        - ``n_actors``, ``n_ties`` (distinct ties, no self-loops; arcs for a
          DiGraph), ``density`` (see :func:`density`);
        - ``n_weak_components``; ``n_strong_components`` (for an undirected
          graph equal to the weak count); ``largest_component_size`` and
          ``largest_component_share`` (actors in the largest weak component, and
          their share of all actors); ``largest_strong_component_size``;
        - ``connectedness`` and ``fragmentation`` (see :func:`connectedness`;
          directed reachability for a DiGraph);
        - ``average_distance``: mean number of steps over the ordered pairs
          that can reach each other (directed paths for a DiGraph), ``NaN`` if
          there are none;
        - ``degree_centralization`` (symmetrized, Freeman), ``in_centralization``
          and ``out_centralization`` (DiGraph only, else ``NaN``), see
          :func:`degree_centralization`;
        - ``clustering`` (average local clustering, actors with fewer than two
          neighbours count as 0, as in networkx) and ``transitivity`` (share of
          closed two-paths, ``NaN`` without any two-path), both on the
          symmetrized graph;
        - with ``weight``: ``weighted_density`` and ``mean_weight``.

    Raises
    ------
    ValueError
        If ``exact_limit`` or ``sample_size`` is not a non-negative integer
        (``sample_size`` at least 1).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")])
    >>> s = cohesion(G)
    >>> s[["n_actors", "n_ties", "density", "n_weak_components"]].tolist()
    [4.0, 4.0, 0.6666666666666666, 1.0]
    >>> s[["average_distance", "transitivity"]].round(4).tolist()
    [1.3333, 0.6]

    References
    ----------
    Wasserman, S. & Faust, K. (1994). *Social Network Analysis*, chapters 4-5.
    Freeman, L. C. (1979). Centrality in social networks: conceptual
    clarification. *Social Networks* 1(3), 215-239.
    Borgatti, S. P. (2006). Identifying sets of key players in a social network.
    *Computational and Mathematical Organization Theory* 12, 21-34.
    """
    return _cohesion(G, weight, exact_limit=exact_limit, sample_size=sample_size, seed=seed)


def _cohesion(
    G: nx.Graph,
    weight: str | None = None,
    *,
    exact_limit: int = 2000,
    sample_size: int = 500,
    seed: int | None = 0,
    distances: dict | None = None,
) -> pd.Series:
    """:func:`cohesion`; ``distances``: the exact distance totals :func:`_centrality` left, so that the
    all-pairs search for the average distance is not run a second time."""
    _check_graph(G)
    _check_int("exact_limit", exact_limit)
    _check_int("sample_size", sample_size, minimum=1)
    directed = G.is_directed()
    nodes, A = _adjacency(G)
    n = len(nodes)
    n_ties = A.nnz if directed else A.nnz // 2
    possible = n * (n - 1) / (1 if directed else 2)
    nan = float("nan")
    result: dict[str, float] = {"n_actors": n, "n_ties": n_ties, "density": n_ties / possible if n > 1 else nan}
    approximate = False
    if n == 0:
        result.update(
            n_weak_components=0,
            n_strong_components=0,
            largest_component_size=0,
            largest_component_share=nan,
            largest_strong_component_size=0,
            connectedness=nan,
            fragmentation=nan,
            average_distance=nan,
        )
    else:
        n_weak, weak = csgraph.connected_components(A, directed=directed, connection="weak")
        if directed:
            n_strong, strong = csgraph.connected_components(A, directed=True, connection="strong")
        else:
            n_strong, strong = n_weak, weak
        largest = int(np.bincount(weak).max())
        conn = _reachable_pairs(A, directed) / (n * (n - 1)) if n > 1 else nan
        if n > exact_limit:
            rng = random.Random(seed)
            sources = np.array(sorted(rng.sample(range(n), min(sample_size, n))))
            approximate = True
        else:
            sources = np.arange(n)
        result.update(
            n_weak_components=n_weak,
            n_strong_components=n_strong,
            largest_component_size=largest,
            largest_component_share=largest / n,
            largest_strong_component_size=int(np.bincount(strong).max()),
            connectedness=conn,
            fragmentation=1.0 - conn,
            average_distance=(_average_distance(A, directed, sources) if approximate or not distances
                              else distances["total"] / distances["pairs"] if distances["pairs"] else nan),
        )
    for key, mode in (("degree_centralization", "all"), ("in_centralization", "in"), ("out_centralization", "out")):
        result[key] = _degree_centralization(A, directed, mode)
    S = A + A.T if directed else A
    if directed:
        S.data = np.ones_like(S.data)
    result["clustering"], result["transitivity"] = _clustering(S)
    if weight is not None:
        _, W = _adjacency(G, weight=weight)
        total = float(W.sum()) / (1 if directed else 2)
        result["weighted_density"] = total / possible if possible else nan
        result["mean_weight"] = total / n_ties if n_ties else nan
    out = pd.Series(result, dtype=float, name="cohesion")
    out.attrs["average_distance_approximate"] = approximate
    return out


def _centrality_and_cohesion(G: nx.Graph, exact_limit: int = 2000) -> tuple[pd.DataFrame, pd.Series]:
    """:func:`~opgavelab.metrics.centrality` and :func:`cohesion` of one graph, as the scan wants both.

    Centrality searches from every actor (up to its exact limit) and hands
    cohesion the distance totals, so the all-pairs search runs once.
    """
    distances: dict = {}
    central = _centrality(G, exact_limit=exact_limit, distances=distances)
    return central, _cohesion(G, exact_limit=exact_limit, distances=distances)
