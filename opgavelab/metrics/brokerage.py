"""Gould and Fernandez brokerage roles, counted as R ``sna::brokerage`` does.

An actor *v* brokers when it stands on an open two-path ``a → v → b``: ``a`` has
a tie to ``v``, ``v`` to ``b``, ``a`` and ``b`` are different actors and there is
**no** tie ``a → b``. Each such path gets one of five roles from the groups of
``a``, ``v`` and ``b`` (Gould & Fernandez 1989, Figure 1):

=================  ===========  ==========  ==========================================
role               sna column   pattern     meaning
=================  ===========  ==========  ==========================================
coordinator        ``w_I``      A → A → A   all three in one group
itinerant          ``w_O``      B → A → B   broker outside the group of a and b
representative     ``b_IO``     A → A → B   broker speaks for its own group outward
gatekeeper         ``b_OI``     B → A → A   broker lets outsiders into its group
liaison            ``b_O``      A → B → C   three different groups
=================  ===========  ==========  ==========================================

Counting convention (from sna's C routine ``brokerage_R`` in ``gli.c``, checked
against the Strike figures printed by ``sna`` and the directed example of the
cograph documentation, see the tests): every ordered two-path is a separate
observation. In an undirected network each tie is an arc in both directions,
so ``a – v – b`` is counted as ``a → v → b`` *and* ``b → v → a``: coordinator,
itinerant and liaison counts are twice the number of unordered pairs, and
representative equals gatekeeper. In a DiGraph only ``a → b`` closes the path;
a reverse tie ``b → a`` does not.

**Pairs on undirected networks.** Nobody reading "the Board brokers 114 times"
expects 57 pairs counted twice, so on an undirected graph the functions here
count *unordered pairs* by default (``counting="auto"``): an open path
``a – v – b`` is one observation, coordinator, itinerant and liaison are half of
sna's figures, and representative and gatekeeper, which are the same thing
without direction, are one role, the **boundary spanner** (*grensganger*: the
broker belongs to one of the two groups it links). Its null model is the
undirected one (see :func:`brokerage_expected`). ``counting="paths"`` gives
sna's ordered counts on any graph; on a DiGraph both settings are the same.
The result's ``attrs["counting"]`` says which counting was used.

Actors without a value of ``attr`` (absent, ``None``, ``NaN``, empty) form one
extra group of their own, as in sna, where ``NA`` matches ``NA`` when the group
vector is coded. Self-loops are ignored and parallel ties count once.
Every function raises ``TypeError`` when ``G`` is not a networkx graph or
``attr`` is unusable (see :func:`brokerage`), and ``ValueError`` when no node
has the attribute ``attr``.

The computation uses sparse matrix products (no loop over triples): the
two-paths through ``v`` by group pair are products of ``v``'s in- and
out-neighbour counts per group; from these are subtracted the paths that return
to their start (``a = b``, reciprocated ties) and the closed paths (``a → b``
present), which are listed tie by tie with a masked sparse product.
"""

from __future__ import annotations

__all__ = [
    "boundary_spanners",
    "brokerage_by_group",
    "brokerage",
    "brokerage_expected",
    "brokerage_sd",
    "brokerage_z",
    "BROKERAGE_ROLES",
    "PAIR_ROLES",
    "brokerage_roles",
]

from collections.abc import Hashable

import networkx as nx
import numpy as np
import pandas as pd
from opgavelab._lazy import lazy_module

sp = lazy_module("scipy.sparse")

from opgavelab._values import MULTI, is_missing
from opgavelab._checks import _check_graph
from opgavelab.metrics._graph import _adjacency, _attribute_values

#: The five roles in the column order of ``sna::brokerage`` (w_I, w_O, b_IO, b_OI, b_O).
BROKERAGE_ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")
#: The four roles of unordered pairs on an undirected network (representative and
#: gatekeeper merged into the boundary spanner).
PAIR_ROLES = ("coordinator", "itinerant", "boundary_spanner", "liaison")
_COLUMNS = [*BROKERAGE_ROLES, "total"]
_PAIR_COLUMNS = [*PAIR_ROLES, "total"]
_COUNTINGS = ("auto", "pairs", "paths")


def _counting(G, counting: str) -> str:
    """'pairs' or 'paths' for this graph (a DiGraph always counts ordered paths)."""
    if counting not in _COUNTINGS:
        msg = f"'counting' must be one of {list(_COUNTINGS)}, got {counting!r}."
        raise ValueError(msg)
    if G.is_directed() or counting == "paths":
        return "paths"
    return "pairs"


def brokerage_roles(G: nx.Graph, counting: str = "auto") -> tuple[str, ...]:
    """The role columns :func:`brokerage` returns for ``G`` and ``counting``.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network; only whether it is directed matters.
    counting : {"auto", "pairs", "paths"}, default "auto"
        As in :func:`brokerage`.

    Returns
    -------
    tuple of str
        The role names, in column order (without ``total``): four roles with
        ``boundary_spanner`` when pairs are counted, five with
        ``representative`` and ``gatekeeper`` apart when ordered paths are.

    Raises
    ------
    ValueError
        If ``counting`` is not one of ``"auto"``, ``"pairs"``, ``"paths"``.

    Examples
    --------
    >>> import networkx as nx
    >>> brokerage_roles(nx.Graph())
    ('coordinator', 'itinerant', 'boundary_spanner', 'liaison')
    >>> brokerage_roles(nx.DiGraph())
    ('coordinator', 'itinerant', 'representative', 'gatekeeper', 'liaison')
    """
    return PAIR_ROLES if _counting(G, counting) == "pairs" else BROKERAGE_ROLES


def _to_pairs(values: np.ndarray) -> np.ndarray:
    """Ordered-path columns (5 roles + total) of an undirected graph to unordered pairs."""
    coord, itin, rep, _gate, liaison = (values[:, i] for i in range(5))
    roles = np.column_stack([coord / 2, itin / 2, rep, liaison / 2])
    return np.column_stack([roles, roles.sum(axis=1)])
_MISSING = object()  # the group of actors without a value
_CHUNK = 4_000_000  # sparse entries per block when listing closed two-paths


def _group_codes(G, attr) -> tuple[np.ndarray, list]:
    """Integer group code per node (G's order) and the group labels."""
    values = _attribute_values(G, attr)
    codes = np.empty(len(values), dtype=np.int64)
    index: dict = {}
    labels: list = []
    for i, (node, value) in enumerate(values.items()):
        if is_missing(value):
            value = _MISSING
        elif isinstance(value, MULTI):
            msg = (
                f"Brokerage needs one group per actor, but node {node!r} has several "
                f"values {value!r} in {attr!r}. Choose one value per actor (for example "
                "the main domain) or use a single-valued attribute."
            )
            raise TypeError(msg)
        elif not isinstance(value, Hashable):
            msg = f"The value of {attr!r} for node {node!r} cannot be a group label: {value!r}."
            raise TypeError(msg)
        if value not in index:
            index[value] = len(labels)
            labels.append(value)
        codes[i] = index[value]
    return codes, labels


def _rowsum(M) -> np.ndarray:
    return np.asarray(M.sum(axis=1)).ravel()


def _closed_paths(A, codes: np.ndarray) -> np.ndarray:
    """Per broker and role, the two-paths a → v → b closed by a tie a → b."""
    n = A.shape[0]
    out = np.zeros(n * 5, dtype=np.int64)
    heads, tails = A.nonzero()  # arcs a -> v
    if len(heads) == 0:
        return out.reshape(n, 5)
    outdeg = np.diff(A.indptr)
    # b closes a -> v -> b when both a -> b and v -> b: the row-wise product of
    # the out-neighbourhoods of a and v. Work in blocks of arcs to bound memory.
    cost = np.cumsum(outdeg[heads] + outdeg[tails])
    start = 0
    while start < len(heads):
        done = int(cost[start - 1]) if start else 0
        stop = max(int(np.searchsorted(cost, done + _CHUNK, side="right")), start + 1)
        a, v = heads[start:stop], tails[start:stop]
        M = A[a].multiply(A[v]).tocoo()
        arc, b = M.row, M.col
        ga, gv, gb = codes[a[arc]], codes[v[arc]], codes[b]
        role = np.full(len(b), 4, dtype=np.int64)  # liaison unless below
        role[(ga != gv) & (ga == gb)] = 1  # itinerant
        role[(ga != gv) & (gv == gb)] = 3  # gatekeeper
        role[(ga == gv) & (gv != gb)] = 2  # representative
        role[(ga == gv) & (gv == gb)] = 0  # coordinator
        out += np.bincount(v[arc] * 5 + role, minlength=n * 5)
        start = stop
    return out.reshape(n, 5)


def _raw(G, attr):
    _check_graph(G)
    codes, labels = _group_codes(G, attr)
    nodes, A = _adjacency(G)
    n, k = len(nodes), max(len(labels), 1)
    if n == 0:
        return nodes, codes, labels, A, np.zeros((0, 5), dtype=np.int64)
    A = sp.csr_array(A, dtype=np.int64)
    member = sp.csr_array((np.ones(n, dtype=np.int64), (np.arange(n), codes)), shape=(n, k))
    indeg = np.asarray(A.sum(axis=0)).ravel()
    outdeg = _rowsum(A)
    in_g = A.T @ member  # in-neighbours of v per group
    out_g = A @ member  # out-neighbours of v per group
    in_own = _rowsum(in_g.multiply(member))
    out_own = _rowsum(out_g.multiply(member))
    same = _rowsum(in_g.multiply(out_g))  # Σ_g in_g * out_g: a and b in one group
    mutual = A.multiply(A.T)  # a -> v -> a: not a two-path
    mut_all = _rowsum(mutual)
    mut_own = _rowsum((mutual @ member).multiply(member))
    # all ordered (a, b) with a -> v -> b and a != b, by role
    paths = np.column_stack(
        [
            in_own * out_own - mut_own,
            (same - in_own * out_own) - (mut_all - mut_own),
            in_own * (outdeg - out_own),
            (indeg - in_own) * out_own,
            (indeg - in_own) * (outdeg - out_own) - (same - in_own * out_own),
        ]
    )
    counts = paths - _closed_paths(A, codes)
    return nodes, codes, labels, A, counts


def _frame(nodes, values, counting: str = "paths") -> pd.DataFrame:
    columns = _PAIR_COLUMNS if counting == "pairs" else _COLUMNS
    if counting == "pairs" and values.shape[1] == 6:
        values = _to_pairs(values)
    frame = pd.DataFrame(values, index=pd.Index(nodes, name="node"), columns=columns)
    frame.attrs["counting"] = counting
    return frame


def brokerage(G: nx.Graph, attr, counting: str = "auto") -> pd.DataFrame:
    """Gould and Fernandez brokerage counts per actor, as ``sna::brokerage``.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network; an undirected tie is a pair of arcs (see the module
        docstring for the counting convention).
    attr : str or mapping
        Node attribute (or node → value mapping) giving each actor's group.
        Actors without a value form one extra group.
    counting : {"auto", "pairs", "paths"}, default "auto"
        ``"pairs"`` (the default on an undirected graph): unordered pairs
        ``{a, b}``, with representative and gatekeeper as one role
        ``boundary_spanner``. ``"paths"``: ordered two-paths as sna counts them
        (the only counting on a DiGraph).

    Returns
    -------
    pandas.DataFrame
        Indexed by node in ``G``'s order. With ordered paths, integer columns
        ``coordinator``, ``itinerant``, ``representative``, ``gatekeeper``,
        ``liaison`` (sna's ``w_I``, ``w_O``, ``b_IO``, ``b_OI``, ``b_O``) and
        ``total``: the number of open two-paths ``a → v → b`` the actor brokers
        in each role (sna's ``raw.nli``). With pairs, ``coordinator``,
        ``itinerant``, ``boundary_spanner``, ``liaison`` and ``total``: the
        number of unlinked pairs of neighbours it links, by role.
        ``attrs["counting"]`` is ``"pairs"`` or ``"paths"``.

    Raises
    ------
    TypeError
        If ``G`` is not a networkx graph, ``attr`` has the wrong type, or an
        actor has several values (a list) in ``attr``.
    ValueError
        If no node has the attribute ``attr``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(["a", "b", "c", "d"])  # a - b - c - d
    >>> nx.set_node_attributes(G, {"a": "gov", "b": "gov", "c": "firm", "d": "firm"}, "type")
    >>> brokerage(G, "type")  # doctest: +NORMALIZE_WHITESPACE
          coordinator  itinerant  boundary_spanner  liaison  total
    node
    a               0          0                 0        0      0
    b               0          0                 1        0      1
    c               0          0                 1        0      1
    d               0          0                 0        0      0
    >>> brokerage(G, "type", counting="paths")  # doctest: +NORMALIZE_WHITESPACE
          coordinator  itinerant  representative  gatekeeper  liaison  total
    node
    a               0          0               0           0        0      0
    b               0          0               1           1        0      2
    c               0          0               1           1        0      2
    d               0          0               0           0        0      0

    References
    ----------
    Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal
    approach to brokerage in transaction networks. *Sociological Methodology*
    19, 89-126.
    Butts, C. T. (2008). Social network analysis with sna. *Journal of
    Statistical Software* 24(6); R package ``sna``, function ``brokerage``.
    """
    _check_graph(G)
    how = _counting(G, counting)
    nodes, _, _, _, counts = _raw(G, attr)
    values = np.column_stack([counts, counts.sum(axis=1)]) if len(nodes) else np.zeros((0, 6), int)
    if how == "pairs":
        values = _to_pairs(values)
    return _frame(nodes, values.astype(np.int64), how)


def _c2(x):
    """C(x, 2): the number of pairs among ``x``."""
    return x * (x - 1) / 2


def _null_parameters(codes: np.ndarray, n_arcs: int) -> tuple[float, np.ndarray, float, float]:
    """The null model's ``N`` actors, group sizes, ``p = d² (1 − d)`` (a pair open through a broker)
    and ``q = d³ (1 − d)³`` (the covariance of two pairs sharing an end), with the density
    ``d = m / (N (N − 1))`` of the ``m`` arcs (an undirected tie is two arcs)."""
    N = float(len(codes))
    sizes = np.bincount(codes).astype(float)
    d = n_arcs / (N * (N - 1)) if N > 1 else float("nan")
    return N, sizes, d**2 * (1 - d), d**3 * (1 - d) ** 3


def _moments(codes: np.ndarray, n_arcs: int) -> tuple[np.ndarray, np.ndarray]:
    """sna's per-group expectations and variances (see brokerage_expected), per node."""
    N, sizes, p, q = _null_parameters(codes, n_arcs)
    ni = sizes
    other = sizes.sum() - ni  # N - n_i
    s2 = (sizes * (sizes - 1)).sum() - ni * (ni - 1)
    s3 = (sizes * (sizes - 1) * (sizes - 2)).sum() - ni * (ni - 1) * (ni - 2)
    sq = (sizes**2).sum() - ni**2
    mean = np.column_stack(
        [
            p * (ni - 1) * (ni - 2),
            p * s2,
            p * other * (ni - 1),
            p * other * (ni - 1),
            p * (other**2 - sq),
            np.full_like(ni, p * (N - 1) * (N - 2)),
        ]
    )
    # liaison covariance term: Σ_{j≠i} n_j C(N − n_j − n_i, 2)
    liaison_cov = np.array(
        [sum(sizes[j] * _c2(N - sizes[j] - sizes[i]) for j in range(len(sizes)) if j != i) for i in range(len(sizes))]
    )
    rep_cov = (ni - 1) * _c2(other) + other * _c2(ni - 1)
    var = mean * (1 - p) + q * np.column_stack(
        [
            2 * (ni - 1) * (ni - 2) * (ni - 3),
            2 * s3,
            2 * rep_cov,
            2 * rep_cov,
            4 * liaison_cov,
            np.full_like(ni, 2 * (N - 1) * (N - 2) * (N - 3)),
        ]
    )
    return mean[codes], var[codes]


def _pair_moments(codes: np.ndarray, n_arcs: int) -> tuple[np.ndarray, np.ndarray]:
    """Expectation and variance of the unordered-pair counts in a random undirected graph.

    Edges are independent with probability ``d = m / C(N, 2)``. A pair ``{a, b}``
    of other actors is open through ``v`` with probability ``p = d² (1 − d)``; two
    pairs sharing one end ``{a, b}``, ``{a, c}`` are both open with probability
    ``d³ (1 − d)²``, so they covary by ``q = d³ (1 − d)³``; pairs without a common
    end use disjoint edges and are independent. With ``k_x`` the number of pairs
    of a role that contain actor ``x``: ``V = E (1 − p) + 2 q Σ_x C(k_x, 2)``.
    """
    N, sizes, p, q = _null_parameters(codes, n_arcs)
    ni = sizes
    other = N - ni
    sum_c2 = _c2(sizes).sum() - _c2(ni)
    sq = (sizes**2).sum() - ni**2
    mean = np.column_stack([
        p * _c2(ni - 1),
        p * sum_c2,
        p * (ni - 1) * other,
        p * (other**2 - sq) / 2,
        np.full_like(ni, p * _c2(N - 1)),
    ])
    itin_s = np.array([sum(sizes[j] * _c2(sizes[j] - 1) for j in range(len(sizes)) if j != i)
                       for i in range(len(sizes))])
    liaison_s = np.array([sum(sizes[j] * _c2(N - sizes[i] - sizes[j]) for j in range(len(sizes)) if j != i)
                          for i in range(len(sizes))])
    shared = np.column_stack([
        (ni - 1) * _c2(ni - 2),
        itin_s,
        (ni - 1) * _c2(other) + other * _c2(ni - 1),
        liaison_s,
        np.full_like(ni, (N - 1) * _c2(N - 2)),
    ])
    var = mean * (1 - p) + 2 * q * shared
    return mean[codes], var[codes]


def _null(G, codes, n_arcs, counting):
    how = _counting(G, counting)
    return how, (_pair_moments if how == "pairs" else _moments)(codes, n_arcs)


def _no_rows(how: str) -> np.ndarray:
    """The values of a graph without actors: no rows, a column per role (and the total)."""
    return np.zeros((0, 5 if how == "pairs" else 6))


def _null_model(G, attr, counting: str) -> tuple:
    """(nodes, counting, expected counts, variances) under sna's null model, per node and role."""
    _check_graph(G)
    how = _counting(G, counting)
    codes, _ = _group_codes(G, attr)
    nodes, A = _adjacency(G)
    if not nodes:
        return nodes, how, _no_rows(how), _no_rows(how)
    _, (mean, var) = _null(G, codes, A.nnz, counting)
    return nodes, how, mean, var


def brokerage_expected(G: nx.Graph, attr, counting: str = "auto") -> pd.DataFrame:
    """Expected brokerage counts per actor under sna's null model (``exp.nli``).

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network.
    attr : str or mapping
        Node attribute (or node → value mapping) giving each actor's group.
    counting : {"auto", "pairs", "paths"}, default "auto"
        As in :func:`brokerage`. With pairs (undirected graphs) the null model
        is a random *undirected* graph of the same density: a pair of other
        actors is open through the broker with ``p = d² (1 − d)``, e.g.
        coordinator ``E = p C(n_i − 1, 2)``, boundary spanner
        ``E = p (n_i − 1)(N − n_i)``.

    Returns
    -------
    pandas.DataFrame
        Same shape as :func:`brokerage`, float values: the expected count of
        each role for an actor of that group in a random directed graph with
        the observed density ``d = m / (N (N − 1))`` (``m`` arcs; an undirected
        tie is two arcs) and the observed group sizes. An actor's expectation
        depends only on its group's size. The formulas are sna's; they are
        given in the Notes. ``NaN`` for fewer than two actors.

    Raises
    ------
    TypeError
        If ``G`` is not a networkx graph or ``attr`` is unusable (see
        :func:`brokerage`).
    ValueError
        If no node has the attribute ``attr``.

    Notes
    -----
    Gould and Fernandez's null model, as implemented in sna: arcs are
    independent with probability ``d = m / (N (N − 1))``, the groups are fixed.
    For a broker in group ``i`` (``n_i`` members, ``N`` actors) each ordered
    pair ``(a, b)`` of two other actors is an open two-path with probability
    ``p = d² (1 − d)``, and two pairs that share one end covary by
    ``q = d³ (1 − d)³``. Hence (``C(x, 2) = x (x − 1) / 2``):

    - coordinator: ``E = p (n_i − 1)(n_i − 2)``,
      ``V = E (1 − p) + 2 (n_i − 1)(n_i − 2)(n_i − 3) q``;
    - itinerant: ``E = p Σ_{j≠i} n_j (n_j − 1)``,
      ``V = E (1 − p) + 2 Σ_{j≠i} n_j (n_j − 1)(n_j − 2) q``;
    - representative and gatekeeper: ``E = p (N − n_i)(n_i − 1)``,
      ``V = E (1 − p) + 2 ((n_i − 1) C(N − n_i, 2) + (N − n_i) C(n_i − 1, 2)) q``;
    - liaison: ``E = p ((N − n_i)² − Σ_{j≠i} n_j²)``,
      ``V = E (1 − p) + 4 Σ_{j≠i} n_j C(N − n_j − n_i, 2) q``;
    - total: ``E = p (N − 1)(N − 2)``, ``V = E (1 − p) + 2 (N − 1)(N − 2)(N − 3) q``.

    These are exact for a random *directed* graph. sna applies them to
    undirected networks too (as pairs of arcs); so does this function, so that
    the figures match sna's.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(["a", "b", "c", "d"])  # density 0.5
    >>> nx.set_node_attributes(G, {"a": "gov", "b": "gov", "c": "firm", "d": "firm"}, "type")
    >>> brokerage_expected(G, "type", counting="paths").loc["b"].tolist()  # p = 0.5² * 0.5 = 0.125
    [0.0, 0.25, 0.25, 0.25, 0.0, 0.75]
    >>> brokerage_expected(G, "type").loc["b"].tolist()  # pairs: half the paths, one spanner role
    [0.0, 0.125, 0.25, 0.0, 0.375]

    References
    ----------
    Gould & Fernandez (1989) and Butts (2008), in full at :func:`brokerage`.
    """
    nodes, how, mean, _ = _null_model(G, attr, counting)
    return _frame(nodes, mean, how)


def brokerage_sd(G: nx.Graph, attr, counting: str = "auto") -> pd.DataFrame:
    """Standard deviation of the brokerage counts under sna's null model (``sd.nli``).

    Parameters
    ----------
    G, attr, counting
        As in :func:`brokerage_expected`.

    Returns
    -------
    pandas.DataFrame
        Same shape as :func:`brokerage`: the square root of sna's variances
        (see :func:`brokerage_expected` for the model).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(["a", "b", "c", "d"])
    >>> nx.set_node_attributes(G, {"a": "gov", "b": "gov", "c": "firm", "d": "firm"}, "type")
    >>> float(brokerage_sd(G, "type", counting="paths").loc["b", "representative"])
    0.5

    References
    ----------
    Gould & Fernandez (1989), in full at :func:`brokerage`.
    """
    nodes, how, _, var = _null_model(G, attr, counting)
    return _frame(nodes, np.sqrt(var), how)


def brokerage_z(G: nx.Graph, attr, counting: str = "auto") -> pd.DataFrame:
    """Brokerage z-scores per actor: (observed − expected) / sd (sna's ``z.nli``).

    Parameters
    ----------
    G, attr, counting
        As in :func:`brokerage` (the observed counts) and
        :func:`brokerage_expected` (the null model).

    Returns
    -------
    pandas.DataFrame
        Same shape as :func:`brokerage`, float values. Positive: the actor
        brokers more in that role than a random network of the same density and
        group sizes would make it. ``NaN`` where the standard deviation is 0
        (the role is impossible for the actor's group, e.g. coordinator in a
        group of one or two; sna gives ``NaN`` there too).

    Raises
    ------
    TypeError
        If ``G`` is not a networkx graph or ``attr`` is unusable (see
        :func:`brokerage`).
    ValueError
        If ``counting`` is not one of ``"auto"``, ``"pairs"``, ``"paths"``, or
        no node has the attribute ``attr``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(["a", "b", "c", "d"])
    >>> nx.set_node_attributes(G, {"a": "gov", "b": "gov", "c": "firm", "d": "firm"}, "type")
    >>> brokerage_z(G, "type", counting="paths").loc["b", ["coordinator", "representative"]].round(3).tolist()
    [nan, 1.5]

    References
    ----------
    Gould & Fernandez (1989), in full at :func:`brokerage`.
    """
    _check_graph(G)
    how = _counting(G, counting)
    nodes, codes, _, A, counts = _raw(G, attr)
    if not nodes:
        return _frame(nodes, _no_rows(how), how)
    raw = np.column_stack([counts, counts.sum(axis=1)]).astype(float)
    if how == "pairs":
        raw = _to_pairs(raw)
    _, (mean, var) = _null(G, codes, A.nnz, counting)
    sd = np.sqrt(var)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(sd > 0, (raw - mean) / np.where(sd > 0, sd, 1.0), np.nan)
    return _frame(nodes, z, how)


def brokerage_by_group(G: nx.Graph, attr, counting: str = "paths") -> pd.DataFrame:
    """Gould-Fernandez brokerage per group: the mean count per member in each role.

    Parameters
    ----------
    G : networkx.Graph
    attr : str or mapping
        Node attribute with each actor's group.
    counting : {"paths", "pairs"}, default "paths"
        ``"paths"``: sna's ordered two-paths (representative and gatekeeper
        apart, each pair counted in both directions); ``"pairs"``: every
        unordered pair once, as :func:`brokerage` counts an undirected network
        (representative and gatekeeper become ``boundary_spanner``).

    Returns
    -------
    pandas.DataFrame
        Indexed by group: ``n_actors`` and the mean ``coordinator``,
        ``itinerant``, ``representative``, ``gatekeeper``, ``liaison`` and
        ``total`` per member (from :func:`brokerage`), and
        ``share_of_total``: the group's part of all brokerage in the network.

    Raises
    ------
    ValueError
        If ``counting`` is not ``"paths"`` or ``"pairs"``, or no node has the
        attribute ``attr``.
    TypeError
        If ``G`` is not a networkx graph or ``attr`` is unusable (see
        :func:`brokerage`).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(["a", "b", "c", "d"])
    >>> nx.set_node_attributes(G, {"a": "x", "b": "x", "c": "y", "d": "y"}, "g")
    >>> brokerage_by_group(G, "g")["total"].tolist()
    [1.0, 1.0]

    References
    ----------
    Gould & Fernandez (1989), in full at :func:`brokerage`.
    """
    if counting not in ("paths", "pairs"):
        msg = f"'counting' must be one of ['paths', 'pairs'], got {counting!r}."
        raise ValueError(msg)
    counts = brokerage(G, attr, counting=counting)
    groups = pd.Series({n: G.nodes[n].get(attr) for n in G} if isinstance(attr, str) else dict(attr),
                       dtype=object).reindex(counts.index)
    groups = groups.where(groups.notna(), "(geen)")
    out = counts.groupby(groups.to_numpy()).mean()
    out.insert(0, "n_actors", counts.groupby(groups.to_numpy()).size())
    grand = counts["total"].sum()
    out["share_of_total"] = counts.groupby(groups.to_numpy())["total"].sum() / grand if grand else np.nan
    out.index.name = attr if isinstance(attr, str) else "group"
    return out.sort_values("n_actors", ascending=False, kind="stable")


def boundary_spanners(G: nx.Graph, attr, *, top: int | None = 15, show=("name", "tier")) -> pd.DataFrame:
    """The actors whose ties reach the most other groups.

    Parameters
    ----------
    G : networkx.Graph
        For example a :func:`opgavelab.membership.co_membership_graph`.
    attr : str
        Node attribute with each actor's group (for instance ``"province"``).
    top : int or None, default 15
        Number of rows; None for all actors.
    show : tuple of str
        Node attributes to show next to the counts (when present).

    Returns
    -------
    pandas.DataFrame
        Indexed by node, sorted by ``other_groups`` then ``E``: the ``show``
        attributes, the group, ``degree``, ``other_groups`` (number of other
        groups among its neighbours), ``E`` and ``I`` (ties outside and inside
        its group), ``ei``, and its brokerage across groups
        (``representative + gatekeeper + liaison + itinerant``,
        Gould & Fernandez 1989) as ``cross_brokerage``.

    Raises
    ------
    TypeError
        If ``attr`` is not a str (the name of a node attribute).
    ValueError
        If no node has the attribute ``attr``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.star_graph(3)
    >>> nx.set_node_attributes(G, {0: "a", 1: "b", 2: "c", 3: "a"}, "g")
    >>> boundary_spanners(G, "g", top=1, show=())["other_groups"].tolist()
    [2]
    """
    if not isinstance(attr, str):
        msg = f"'attr' must be the name of a node attribute, got {type(attr).__name__}."
        raise TypeError(msg)
    group = {n: G.nodes[n].get(attr) for n in G}
    rows = []
    for n in G:
        g = group[n]
        others = [group[m] for m in G.neighbors(n) if m != n]
        known = [o for o in others if not is_missing(o)]
        external = sum(1 for o in known if o != g) if not is_missing(g) else 0
        internal = sum(1 for o in known if o == g) if not is_missing(g) else 0
        row = {k: G.nodes[n].get(k) for k in show if any(k in G.nodes[m] for m in G)}
        row.update({attr: g, "degree": len(others),
                    "other_groups": len({o for o in known if o != g}) if not is_missing(g) else 0,
                    "E": external, "I": internal,
                    "ei": (external - internal) / (external + internal) if external + internal else np.nan})
        rows.append(row)
    out = pd.DataFrame(rows, index=pd.Index(list(G), name="node"))
    b = brokerage(G, attr, counting="paths")
    out["cross_brokerage"] = (b["representative"] + b["gatekeeper"] + b["liaison"] + b["itinerant"]).reindex(out.index)
    out = out.sort_values(["other_groups", "E", "cross_brokerage"], ascending=False, kind="stable")
    return out if top is None else out.head(top)
