"""Actor centrality: degree, betweenness, closeness, eigenvector, cut points.

Works on any networkx ``Graph`` or ``DiGraph``. Self-loops are ignored and
parallel ties of a multigraph count once (their weights add up in the weighted
degree). Betweenness and closeness count paths in steps; tie weights are
strengths, not lengths, so they only enter the weighted degree and the
eigenvector centrality. Every function raises ``TypeError`` when ``G`` is
not a networkx graph.

Betweenness is Brandes' algorithm run for many sources at once with sparse
matrix products, which gives networkx's numbers (same normalization, and with
``k`` the same random sample of sources) many times faster. For networks with
very long paths (more than 64 steps) it switches to the classic loop over
sources, which is what networkx does.
"""

from __future__ import annotations

__all__ = [
    "centrality",
    "bridges",
    "articulation_points",
    "cut_point_effects",
]

import random
from collections import deque

import networkx as nx
import numpy as np
import pandas as pd
from opgavelab._lazy import lazy_module

sp = lazy_module("scipy.sparse")
spla = lazy_module("scipy.sparse.linalg")
csgraph = lazy_module("scipy.sparse.csgraph")

from opgavelab._checks import _check_graph, _check_int
from opgavelab.metrics._graph import _arcs, _matrix, _undirected_simple
from opgavelab._docs import raises

#: Number of sampled sources for betweenness above ``exact_limit`` actors.
DEFAULT_BETWEENNESS_K = 500
_MAX_LEVELS = 64  # deeper than this, the batched search is slower than networkx
_BATCH_CELLS = 2_000_000  # nodes x sources per batch, bounds memory


class _TooDeep(Exception):
    """The batched search met a path longer than _MAX_LEVELS steps."""


# --------------------------------------------------------------------------
# batched Brandes
# --------------------------------------------------------------------------
def _batch(A, AT, sources: np.ndarray, dependency: bool):
    """Searches from ``sources`` at once; columns of the (n, b) arrays are sources.

    Returns Σ_s δ_s(v) (Brandes' dependency, 0 if not asked), and per target v
    the sum of distances from the sources that reach it and their number.
    """
    n, b = A.shape[0], len(sources)
    cols = np.arange(b)
    dist = np.full((n, b), -1, dtype=np.int32)
    sigma = np.zeros((n, b))
    dist[sources, cols] = 0
    sigma[sources, cols] = 1.0
    frontier = sigma.copy()
    depth = 0
    while True:
        # σ_w = Σ σ_u over arcs u -> w from the current frontier
        reached = AT @ frontier
        new = (reached > 0) & (dist < 0)
        if not new.any():
            break
        depth += 1
        if depth > _MAX_LEVELS:
            raise _TooDeep
        dist[new] = depth
        sigma[new] = reached[new]
        frontier = np.where(new, reached, 0.0)
    found = dist > 0
    dist_sum = np.where(found, dist, 0).sum(axis=1, dtype=np.float64)
    reach = found.sum(axis=1)
    if not dependency:
        return np.zeros(n), dist_sum, reach
    # δ_s(v) = Σ_{w: v -> w, d(w) = d(v) + 1} σ_v / σ_w (1 + δ_s(w)), deepest first
    delta = np.zeros((n, b))
    safe_sigma = np.where(sigma > 0, sigma, 1.0)
    for level in range(depth, 1, -1):
        coeff = np.where(dist == level, (1.0 + delta) / safe_sigma, 0.0)
        back = A @ coeff
        delta += np.where(dist == level - 1, sigma * back, 0.0)
    return delta.sum(axis=1), dist_sum, reach


def _searches(A, sources, dependency: bool):
    n = A.shape[0]
    AT = sp.csr_array(A.T)
    size = max(1, min(256, _BATCH_CELLS // max(n, 1)))
    bc = np.zeros(n)
    dist_sum = np.zeros(n)
    reach = np.zeros(n, dtype=np.int64)
    for start in range(0, len(sources), size):
        part = _batch(A, AT, np.asarray(sources[start : start + size]), dependency)
        bc += part[0]
        dist_sum += part[1]
        reach += part[2]
    return bc, dist_sum, reach


def _brandes_loop(A, sources):
    """Brandes' algorithm one source at a time, for networks with long paths."""
    n = A.shape[0]
    indptr, indices = A.indptr, A.indices
    adjacent = [indices[indptr[i] : indptr[i + 1]].tolist() for i in range(n)]
    bc = np.zeros(n)
    dist_sum = np.zeros(n)
    reach = np.zeros(n, dtype=np.int64)
    for s in (int(x) for x in sources):
        sigma = [0.0] * n
        dist = [-1] * n
        preds: list[list[int]] = [[] for _ in range(n)]
        sigma[s], dist[s] = 1.0, 0
        order = []
        queue = deque([s])
        while queue:
            v = queue.popleft()
            order.append(v)
            dv, sv = dist[v] + 1, sigma[v]
            for w in adjacent[v]:
                if dist[w] < 0:
                    dist[w] = dv
                    queue.append(w)
                if dist[w] == dv:
                    sigma[w] += sv
                    preds[w].append(v)
        delta = [0.0] * n
        for w in reversed(order):
            coeff = (1.0 + delta[w]) / sigma[w]
            for v in preds[w]:
                delta[v] += sigma[v] * coeff
        for w in order[1:]:
            bc[w] += delta[w]
            dist_sum[w] += dist[w]
            reach[w] += 1
    return bc, dist_sum, reach


def _distances_csgraph(A, sources, directed: bool):
    """Per target, sum of distances from ``sources`` that reach it, and their count."""
    n = A.shape[0]
    dist_sum = np.zeros(n)
    reach = np.zeros(n, dtype=np.int64)
    step = max(1, _BATCH_CELLS // max(n, 1))
    for start in range(0, len(sources), step):
        D = csgraph.shortest_path(A, directed=directed, unweighted=True, indices=sources[start : start + step])
        found = np.isfinite(D) & (D > 0)
        dist_sum += np.where(found, D, 0).sum(axis=0)
        reach += found.sum(axis=0)
    return dist_sum, reach


def _rescale(raw: np.ndarray, n: int, sampled: np.ndarray | None) -> np.ndarray:
    # networkx 3.x normalization (endpoints excluded): divide by the number of
    # ordered (s, t) pairs that could pass through v; with a sample of k
    # sources a sampled v can only be passed by paths from the other k - 1.
    N = n - 1
    if N < 2:
        return raw
    if sampled is None:
        return raw / (N * (N - 1))
    k = len(sampled)
    scale = np.full(n, 1.0 / (k * (N - 1)))
    scale[sampled] = 1.0 / ((k - 1) * (N - 1)) if k > 1 else np.nan
    return raw * scale


def _closeness(dist_sum, reach, n: int, per_node_sources: np.ndarray) -> np.ndarray:
    # Wasserman & Faust's variant as networkx (wf_improved=True): with r of
    # the other actors reaching v at total distance D, C(v) = (r / D) (r / (n - 1)).
    # From a sample, n - 1 is replaced by the number of sampled sources other
    # than v (both factors are then ratio estimates).
    with np.errstate(divide="ignore", invalid="ignore"):
        c = np.where(dist_sum > 0, (reach / np.where(dist_sum > 0, dist_sum, 1)) * (reach / per_node_sources), 0.0)
    return c if n > 1 else np.zeros(n)


# --------------------------------------------------------------------------
# eigenvector
# --------------------------------------------------------------------------
def _eigenvector(W) -> tuple[np.ndarray, bool]:
    """Leading eigenvector of the symmetric weight matrix on its largest component."""
    n = W.shape[0]
    out = np.full(n, np.nan)
    if n == 0 or W.nnz == 0:
        return out, True
    _, labels = csgraph.connected_components(W, directed=False)
    largest = np.flatnonzero(labels == np.bincount(labels).argmax())
    if len(largest) < 2:
        return out, True
    sub = W[largest][:, largest]
    try:
        if len(largest) <= 300:
            _, vecs = np.linalg.eigh(sub.toarray())
            vec = vecs[:, -1]
        else:
            _, vecs = spla.eigsh(sub.astype(float), k=1, which="LA", maxiter=10_000, tol=1e-10)
            vec = vecs[:, 0]
    except (spla.ArpackNoConvergence, np.linalg.LinAlgError):
        return out, False
    # Perron vector of a connected non-negative matrix: one sign; abs() drops
    # the arbitrary sign and round-off below zero. Unit length as networkx.
    vec = np.abs(vec)
    out[largest] = vec / np.linalg.norm(vec)
    return out, True


# --------------------------------------------------------------------------
# public functions
# --------------------------------------------------------------------------
def _bridge_pairs(H: nx.Graph) -> set[frozenset]:
    """The bridges of a simple undirected graph (Tarjan 1974: a tie (p, v) of the
    depth-first tree is a bridge when nothing below v reaches above v), as an
    iterative search: networkx's chain decomposition takes 10x longer on 20,000 ties."""
    nodes = list(H)
    index = {v: i for i, v in enumerate(nodes)}
    adjacent = [[index[w] for w in H.adj[v]] for v in nodes]
    disc = [-1] * len(nodes)
    low = [0] * len(nodes)
    found = []
    clock = 0
    for root in range(len(nodes)):
        if disc[root] >= 0:
            continue
        disc[root] = low[root] = clock
        clock += 1
        stack = [(root, -1, iter(adjacent[root]))]
        while stack:
            v, parent, neighbours = stack[-1]
            for w in neighbours:
                if w == parent:
                    continue  # a simple graph has one tie back to the parent
                if disc[w] < 0:
                    disc[w] = low[w] = clock
                    clock += 1
                    stack.append((w, v, iter(adjacent[w])))
                    break
                if disc[w] < low[v]:
                    low[v] = disc[w]
            else:
                stack.pop()
                if parent >= 0:
                    if low[v] < low[parent]:
                        low[parent] = low[v]
                    if low[v] > disc[parent]:
                        found.append(frozenset((nodes[parent], nodes[v])))
    return set(found)


def centrality(
    G: nx.Graph,
    weight: str | None = "weight",
    betweenness_k: int | None = None,
    seed: int | None = 0,
    exact_limit: int = 2000,
) -> pd.DataFrame:
    """Centrality of every actor in one table.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network.
    weight : str or None, default "weight"
        Tie attribute holding a tie strength (higher = stronger); a tie without
        it counts as 1. Used by ``weighted_degree`` and ``eigenvector`` only.
    betweenness_k : int, optional
        Estimate betweenness from this many randomly drawn source actors
        (networkx's ``k``, same draw for the same ``seed``). By default
        betweenness is exact up to ``exact_limit`` actors and uses
        ``k = min(n, 500)`` above it.
    seed : int, optional
        Seed of the random draw of sources (``random.Random(seed)``, as networkx).
    exact_limit : int, default 2000
        Number of actors above which betweenness and closeness are estimated
        from a sample of sources.

    Returns
    -------
    pandas.DataFrame
        Indexed by node in ``G``'s order, with the columns

        - ``degree``: number of distinct neighbours (ties in either direction);
        - ``weighted_degree``: sum of the weights of the actor's ties (sent and
          received for a DiGraph);
        - ``in_degree``, ``out_degree``: DiGraph only;
        - ``betweenness``: share of shortest paths between other actors that
          pass through the actor, normalized by ``(n − 1)(n − 2)`` ordered
          pairs as ``networkx.betweenness_centrality`` (directed paths for a
          DiGraph);
        - ``closeness``: Wasserman-Faust closeness as
          ``networkx.closeness_centrality`` (for a DiGraph the distance *to* the
          actor, i.e. how easily the others reach it; 0 for an isolate);
        - ``eigenvector``: leading eigenvector of the undirected version (a tie in
          either direction, weighted by the larger arc weight), computed on the
          largest component and scaled to unit length; ``NaN`` for actors
          outside that component, and for everyone if there are no ties or
          the computation does not converge;
        - ``articulation_point``: True if removing the actor splits its
          component (undirected version).

        ``df.attrs`` records ``betweenness_approximate`` (bool),
        ``betweenness_k`` (sources used), ``closeness_approximate`` and
        ``eigenvector_converged``.

    Raises
    ------
    TypeError
        If ``G`` is not a networkx graph or weights are not numbers.
    ValueError
        If ``betweenness_k`` is not between 1 and the number of actors, or
        ``exact_limit`` is not a non-negative integer.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.star_graph(3)  # hub 0 with spokes 1, 2, 3
    >>> df = centrality(G)
    >>> df[["degree", "betweenness", "closeness"]].round(3)  # doctest: +NORMALIZE_WHITESPACE
          degree  betweenness  closeness
    node
    0          3          1.0        1.0
    1          1          0.0        0.6
    2          1          0.0        0.6
    3          1          0.0        0.6
    >>> df["articulation_point"].tolist()
    [True, False, False, False]

    References
    ----------
    Freeman, L. C. (1979). Centrality in social networks: conceptual
    clarification. *Social Networks* 1(3), 215-239.
    Brandes, U. (2001). A faster algorithm for betweenness centrality.
    *Journal of Mathematical Sociology* 25(2), 163-177; sampling: Brandes, U. &
    Pich, C. (2007). Centrality estimation in large networks. *International
    Journal of Bifurcation and Chaos* 17(7), 2303-2318.
    Wasserman, S. & Faust, K. (1994). *Social Network Analysis*, p. 201
    (closeness in disconnected networks).
    Bonacich, P. (1987). Power and centrality: a family of measures.
    *American Journal of Sociology* 92(5), 1170-1182.
    """
    return _centrality(G, weight, betweenness_k, seed, exact_limit)


def _centrality(
    G: nx.Graph,
    weight: str | None = "weight",
    betweenness_k: int | None = None,
    seed: int | None = 0,
    exact_limit: int = 2000,
    *,
    distances: dict | None = None,
) -> pd.DataFrame:
    """:func:`centrality`; ``distances`` (a dict) receives the exact distance totals of an all-pairs search, for the scan."""
    _check_graph(G)
    _check_int("exact_limit", exact_limit)
    if weight is not None and not isinstance(weight, str):
        msg = f"'weight' must be the name of a tie attribute or None, got {weight!r}."
        raise TypeError(msg)
    directed = G.is_directed()
    nodes, rows, cols, data = _arcs(G, weight)
    n = len(nodes)
    A = _matrix(n, rows, cols, None, directed)  # the ties, binary
    W = A if data is None else _matrix(n, rows, cols, data, directed)  # their strengths
    if betweenness_k is not None:
        _check_int("betweenness_k", betweenness_k, minimum=1, allow_none=True)
        if betweenness_k > n:
            msg = f"'betweenness_k' must be between 1 and the number of actors ({n}), got {betweenness_k}."
            raise ValueError(msg)
    index = pd.Index(nodes, name="node")
    columns = ["degree", "weighted_degree"] + (["in_degree", "out_degree"] if directed else [])
    columns += ["betweenness", "closeness", "eigenvector", "articulation_point"]
    frame = pd.DataFrame(index=index, columns=columns)
    _degree_columns(frame, A, W, directed)

    # betweenness and closeness
    sample = _betweenness_sources(nodes, betweenness_k, exact_limit, seed)
    sources = np.arange(n) if sample is None else sample
    try:
        bc_raw, dist_sum, reach = _searches(A, sources, dependency=True)
    except _TooDeep:
        bc_raw, dist_sum, reach = _brandes_loop(A, sources)
    frame["betweenness"] = _rescale(bc_raw, n, sample)
    closeness_approximate = False
    if sample is None:
        per_node = np.full(n, n - 1.0)
    elif n <= exact_limit:
        dist_sum, reach = _distances_csgraph(A, np.arange(n), directed)
        per_node = np.full(n, n - 1.0)
    else:
        per_node = np.full(n, float(len(sample)))
        per_node[sample] -= 1
        closeness_approximate = len(sample) < n
    frame["closeness"] = _closeness(dist_sum, reach, n, np.maximum(per_node, 1))

    eig, converged = _eigenvector(W.maximum(W.T) if directed else W)
    frame["eigenvector"] = eig
    frame["articulation_point"] = _cut_vertex_mask(A, n, directed)

    dtypes = {c: "float64" for c in ("weighted_degree", "betweenness", "closeness", "eigenvector")}
    dtypes.update({c: "int64" for c in ("degree", "in_degree", "out_degree") if c in frame})
    dtypes["articulation_point"] = "bool"
    frame = frame.astype(dtypes)
    frame.attrs.update(
        betweenness_approximate=sample is not None and len(sample) < n,
        betweenness_k=n if sample is None else len(sample),
        closeness_approximate=closeness_approximate,
        eigenvector_converged=converged,
    )
    if distances is not None and sample is None:
        # every source searched: the exact total over reachable ordered pairs, for cohesion()
        distances.update(total=float(dist_sum.sum()), pairs=int(reach.sum()))
    return frame


def _degree_columns(frame: pd.DataFrame, A, W, directed: bool) -> None:
    """Degree (distinct neighbours; in and out on a DiGraph) and weighted degree, into ``frame``."""
    out_deg = np.asarray(A.sum(axis=1)).ravel().astype(np.int64)
    in_deg = np.asarray(A.sum(axis=0)).ravel().astype(np.int64)
    if directed:
        S = sp.csr_array(A + A.T)
        S.data[:] = 1.0
        frame["degree"] = np.asarray(S.sum(axis=1)).ravel().astype(np.int64)
        frame["in_degree"] = in_deg
        frame["out_degree"] = out_deg
    else:
        frame["degree"] = out_deg
    wdeg = np.asarray(W.sum(axis=1)).ravel()
    if directed:
        wdeg = wdeg + np.asarray(W.sum(axis=0)).ravel()
    frame["weighted_degree"] = wdeg.astype(float)


def _betweenness_sources(nodes: list, betweenness_k, exact_limit: int, seed) -> np.ndarray | None:
    """The positions of the sampled sources (Brandes & Pich), or None when every actor is a source."""
    n = len(nodes)
    k = betweenness_k
    if k is None and n > exact_limit:
        k = min(n, DEFAULT_BETWEENNESS_K)
    if k is None:
        return None
    rng = seed if isinstance(seed, random.Random) else random.Random(seed)
    picked = rng.sample(nodes, k)  # the draw networkx makes
    position = {v: i for i, v in enumerate(nodes)}
    return np.array([position[v] for v in picked], dtype=np.int64)


def _cut_vertex_mask(A, n: int, directed: bool) -> list[bool]:
    """Per position: is the actor an articulation point of the undirected network."""
    # networkx on an integer copy of the undirected version (cheaper to build)
    upper = sp.triu(A + A.T if directed else A, k=1).tocoo()
    H = nx.Graph()
    H.add_nodes_from(range(n))
    H.add_edges_from(zip(upper.row.tolist(), upper.col.tolist(), strict=True))
    cut = set(nx.articulation_points(H))
    return [i in cut for i in range(n)]


@raises("graph")
def articulation_points(G: nx.Graph) -> list:
    """Actors whose removal splits their component (cut vertices).

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network; a DiGraph is read as undirected (a tie in either direction).

    Returns
    -------
    list
        The articulation points, in ``G``'s node order.

    Examples
    --------
    >>> import networkx as nx
    >>> articulation_points(nx.path_graph(4))  # 0-1-2-3
    [1, 2]

    References
    ----------
    Hopcroft, J. & Tarjan, R. (1973). Algorithm 447: efficient algorithms for
    graph manipulation. *Communications of the ACM* 16(6), 372-378.
    """
    _check_graph(G)
    cut = set(nx.articulation_points(_undirected_simple(G)))
    return [v for v in G if v in cut]


def cut_point_effects(G: nx.Graph, points=None, exact_limit: int = 2000, sample_size: int = 500,
                      seed: int | None = 0) -> pd.DataFrame:
    """What each cut point does: the pieces its removal leaves and how much longer the paths get.

    A cut point that holds one loose actor is not a cut point that holds a
    collective together; this table tells them apart.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network; read as undirected (a tie in either direction).
    points : list, optional
        The actors to remove one at a time (default: every articulation point).
    exact_limit, sample_size, seed
        Average distances are exact up to ``exact_limit`` actors and estimated
        from ``sample_size`` sources above it (as in
        :func:`opgavelab.metrics.cohesion`); ``attrs["approximate"]`` says which.

    Returns
    -------
    pandas.DataFrame
        Indexed by actor (name ``node``): ``component_size`` (the actor's
        component including it), ``pieces`` (sizes of the pieces that
        component falls into without it, largest first), ``largest_piece``,
        ``cut_off`` (actors no longer connected to the largest piece),
        ``distance_before`` and ``distance_after`` (average number of steps
        between the actors of the largest piece, with and without the actor:
        the same pairs, so the paths can only get longer) and
        ``distance_change`` (``after / before − 1``).

    Raises
    ------
    TypeError
        If ``G`` is not a networkx graph.
    ValueError
        If ``exact_limit`` is not a non-negative integer.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.cycle_graph(5)  # 0-1-2-3-4-0, plus a leaf on 0
    >>> G.add_edge(0, "leaf")
    >>> t = cut_point_effects(G)
    >>> t.loc[0, "pieces"], int(t.loc[0, "cut_off"])  # the leaf comes loose
    ([4, 1], 1)
    >>> float(t.loc[0, "distance_before"]), float(t.loc[0, "distance_after"])  # 1-2-3-4 without the shortcut via 0
    (1.5, 1.6666666666666667)
    """
    _check_graph(G)
    _check_int("exact_limit", exact_limit)
    if points is not None and len(points) == 0:
        frame = pd.DataFrame(columns=["component_size", "pieces", "largest_piece", "cut_off", "distance_before",
                                      "distance_after", "distance_change"], index=pd.Index([], name="node"))
        frame.attrs["approximate"] = G.number_of_nodes() > exact_limit
        return frame
    H = _undirected_simple(G)
    if points is None:
        points = articulation_points(H)
    n = H.number_of_nodes()
    approximate = n > exact_limit

    nodes = list(H)
    position = {v: i for i, v in enumerate(nodes)}
    A = nx.to_scipy_sparse_array(H, nodelist=nodes, weight=None, format="csr") if n else None
    rng = random.Random(seed)

    def mean_distance(M, members: np.ndarray) -> float:
        """Average steps over the ordered pairs of ``members`` in the graph of matrix ``M``."""
        if len(members) < 2:
            return float("nan")
        sources = members
        if approximate and len(members) > sample_size:
            sources = np.array(sorted(rng.sample(list(members), sample_size)))
        total, pairs = 0.0, 0
        step = max(1, 2_000_000 // max(n, 1))
        for start in range(0, len(sources), step):
            D = csgraph.shortest_path(M, directed=False, unweighted=True, indices=sources[start:start + step])
            D = D[:, members]
            finite = np.isfinite(D) & (D > 0)
            total += D[finite].sum()
            pairs += int(finite.sum())
        return total / pairs if pairs else float("nan")

    rows = []
    for v in points:
        if v not in H:
            continue
        component = nx.node_connected_component(H, v)
        rest = H.subgraph(component - {v})
        parts = sorted(nx.connected_components(rest), key=len, reverse=True)
        pieces = [len(c) for c in parts]
        largest = pieces[0] if pieces else 0
        members = np.array(sorted(position[u] for u in parts[0])) if parts else np.array([], dtype=np.int64)
        i = position[v]
        keep = np.ones(n, dtype=float)
        keep[i] = 0.0
        without = sp.csr_array(sp.diags(keep) @ A @ sp.diags(keep))
        before = mean_distance(A, members)
        after = mean_distance(without, members)
        rows.append({"node": v, "component_size": len(component), "pieces": pieces, "largest_piece": largest,
                     "cut_off": len(component) - 1 - largest, "distance_before": before,
                     "distance_after": after,
                     "distance_change": after / before - 1 if before and not np.isnan(before) else float("nan")})
    frame = pd.DataFrame(rows, columns=["node", "component_size", "pieces", "largest_piece", "cut_off",
                                        "distance_before", "distance_after", "distance_change"]).set_index("node")
    frame.attrs["approximate"] = approximate
    return frame


@raises("graph")
def bridges(G: nx.Graph) -> pd.DataFrame:
    """Ties whose removal splits their component.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network; a DiGraph is read as undirected (a tie in either direction),
        and a bridge is reported in a direction in which it exists in ``G``.

    Returns
    -------
    pandas.DataFrame
        Columns ``source`` and ``target``, one row per bridge (empty if there
        are none).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")])
    >>> bridges(G)
      source target
    0      c      d

    References
    ----------
    Tarjan, R. E. (1974). A note on finding the bridges of a graph.
    *Information Processing Letters* 2(6), 160-161.
    """
    _check_graph(G)
    H = _undirected_simple(G)
    found = _bridge_pairs(H)
    rows = []
    # in H's edge order, as nx.bridges reports them
    for u, v in (e for e in H.edges() if frozenset(e) in found):
        if G.is_directed() and not G.has_edge(u, v):
            u, v = v, u
        rows.append((u, v))
    frame = pd.DataFrame(rows, columns=["source", "target"])
    return frame.astype(object) if not rows else frame
