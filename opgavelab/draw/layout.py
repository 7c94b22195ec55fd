"""Layouts for pictures of the network around an opgave.

A layout is computed once, in Python, and used by both the static
(matplotlib) and the interactive (vis-network) picture, so the two show the
same arrangement. Both layouts put the opgave itself, as a separate node, in
the centre at ``(0, 0)`` and scale the picture so that the farthest actor is
at distance 1.

- :func:`force_layout`: a seeded force-directed layout (Fruchterman and
  Reingold 1991). Every actor is tied to the opgave by a weak spoke, so the
  collective holds together around its opgave and isolated actors do not fly
  off. Repulsion is exact up to a few hundred actors and computed on a grid
  with FFTs above that (particle-mesh), so 10,000 actors take seconds.
- :func:`compass_layout`: the *opgave compass*: rings for scale levels (buurt
  innermost, mondiaal outermost) and a sector of the circle for each actor
  type, so a reader sees at once which tiers and types the collective crosses.

The opgave node's key is :func:`opgave_key` ``(opgave_id)``, a tuple
``("opgave", id)`` that cannot collide with an actor id from a spreadsheet.
"""

from __future__ import annotations

__all__ = ["Layout", "force_layout", "compass_layout", "opgave_key"]

import math
from collections.abc import Hashable

import networkx as nx
import numpy as np

from .._checks import _check_one_of

#: Above this many nodes the force layout computes repulsion on a grid.
EXACT_LIMIT = 600


def opgave_key(opgave_id) -> tuple:
    """The key of the opgave node in a layout: ``("opgave", opgave_id)``.

    A tuple, so the opgave's position never shares a key with an actor's
    (ids from a spreadsheet are strings), even when an actor and an opgave
    have the same id.

    Parameters
    ----------
    opgave_id : str
        The opgave's id, as in the ``opgaven`` sheet.

    Returns
    -------
    tuple
        ``("opgave", opgave_id)``: the key of the opgave's position in a
        :class:`Layout` (its ``hub``).

    Examples
    --------
    >>> opgave_key("economie")
    ('opgave', 'economie')
    """
    return ("opgave", opgave_id)


class Layout(dict):
    """Positions ``{node: (x, y)}``, with what is needed to draw the background.

    A plain ``dict`` (so it works with ``networkx.draw``) with the attributes

    - ``kind``: ``"force"``, ``"compass"`` or ``"custom"``;
    - ``hub``: the key of the opgave node, or None;
    - ``seed``: the seed used (None when the layout does not use one);
    - ``guides``: for the compass, ``{"rings": [...], "sectors": [...],
      "hub_radius": r}``: each ring ``{"value", "r_inner", "r_outer"}`` from
      the inside out, each sector ``{"value", "start", "end"}`` in radians
      (counter-clockwise, 0 = east); empty otherwise.

    Examples
    --------
    >>> pos = Layout({"a": (0.0, 1.0)}, kind="custom")
    >>> pos["a"], pos.kind
    ((0.0, 1.0), 'custom')
    """

    def __init__(self, positions=(), *, kind: str = "custom", hub: Hashable | None = None,
                 seed: int | None = None, guides: dict | None = None):
        super().__init__(positions)
        self.kind = kind
        self.hub = hub
        self.seed = seed
        self.guides = guides or {}

    def __repr__(self) -> str:
        return f"<Layout {self.kind}: {len(self)} nodes{', opgave in the centre' if self.hub else ''}>"

    def array(self, nodes) -> np.ndarray:
        """Positions of ``nodes`` as an ``(n, 2)`` array.

        Parameters
        ----------
        nodes : iterable
            Actor ids (or the :func:`opgave_key`) with a position here.

        Returns
        -------
        numpy.ndarray
            One row ``(x, y)`` per node, in the order of ``nodes``; shape
            ``(0, 2)`` for no nodes.

        Raises
        ------
        KeyError
            A node has no position in this layout.

        Examples
        --------
        >>> pos = Layout({"gemeente": (0.0, 1.0), "zorgkantoor": (0.5, -0.5)}, kind="custom")
        >>> pos.array(["zorgkantoor", "gemeente"]).tolist()
        [[0.5, -0.5], [0.0, 1.0]]
        >>> pos.array([]).shape
        (0, 2)
        """
        return np.array([self[n] for n in nodes], dtype=float).reshape(-1, 2)


def _check_graph(G) -> None:
    if not isinstance(G, nx.Graph):
        msg = f"'G' must be a networkx graph (from opgavelab.network.opgave_graph), got {type(G).__name__}."
        raise TypeError(msg)


def _check_seed(seed) -> None:
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, (int, np.integer))):
        msg = f"'seed' must be an integer or None, got {seed!r}."
        raise TypeError(msg)


def _sorted_nodes(G) -> list:
    """Nodes in a stable order, so a layout does not depend on insertion order."""
    try:
        return sorted(G.nodes)
    except TypeError:
        return sorted(G.nodes, key=lambda n: (type(n).__name__, str(n)))


def _edge_arrays(G, index: dict, weight: str | None):
    """Undirected unique pairs ``(i, j)``, sorted, and their strength (median-scaled, 0.3-3).

    The two arcs of one tie in a DiGraph count once (the stronger); parallel edges of a multigraph add up.
    A weight that is missing, not a number, not finite or not positive counts as 1.
    """
    i, j, w = _arcs(G, index, weight)
    if not len(i):
        return np.zeros(0, int), np.zeros(0, int), np.zeros(0)
    lo, hi = np.minimum(i, j), np.maximum(i, j)
    # sorted pairs, so sums run in the same order whatever order the edges were added in
    pair, inverse = np.unique(lo * len(index) + hi, return_inverse=True)
    if G.is_directed():
        strength = np.zeros(len(pair))
        np.maximum.at(strength, inverse, w)
    else:
        order = np.lexsort((w, inverse))  # within a pair, the same order of addition whatever the edge order
        strength = np.bincount(inverse[order], weights=w[order], minlength=len(pair))
    strength = np.clip(strength / np.median(strength), 0.3, 3.0)
    return pair // len(index), pair % len(index), strength


def _arcs(G, index: dict, weight: str | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The edges as node numbers ``i``, ``j`` (no loops) and strengths ``w`` (see :func:`_strength`).

    A simple graph's adjacency is read directly (an undirected edge from its end with the lower number):
    networkx's edge view yields its tuples several times slower, and the weights are turned into
    numbers at once where they all are numbers already."""
    if G.is_multigraph() or not isinstance(getattr(G, "_adj", None), dict):
        arcs = [(index[u], index[v], w) for u, v, w in G.edges(data=weight, default=1.0)] if weight else \
            [(index[u], index[v], 1.0) for u, v in G.edges()]
        arcs = [(i, j, w) for i, j, w in arcs if i != j]
        return (np.fromiter((a[0] for a in arcs), dtype=np.int64, count=len(arcs)),
                np.fromiter((a[1] for a in arcs), dtype=np.int64, count=len(arcs)),
                np.fromiter((_strength(a[2]) for a in arcs), dtype=float, count=len(arcs)))
    i_list, j_list, values = [], [], []
    for u, nbrs in G._adj.items():
        i_list += [index[u]] * len(nbrs)
        j_list += map(index.__getitem__, nbrs)
        if weight:
            values += [data.get(weight, 1.0) for data in nbrs.values()]
    i, j = np.array(i_list, dtype=np.int64), np.array(j_list, dtype=np.int64)
    # no loops; an undirected edge is in the adjacency of both its ends: taken once, from the lower number
    keep = (j > i) if not G.is_directed() else (j != i)
    i, j = i[keep], j[keep]
    if not weight:
        return i, j, np.ones(len(i))
    values = [v for v, k in zip(values, keep.tolist()) if k]
    if not set(map(type, values)) <= {float, int, np.float64, np.int64}:  # anything else: each on its own
        return i, j, np.fromiter((_strength(v) for v in values), dtype=float, count=len(values))
    w = np.array(values, dtype=float)
    return i, j, np.where(np.isfinite(w) & (w > 0), w, 1.0)


def _strength(value) -> float:
    """A tie's weight as a positive number (1 for anything else)."""
    try:
        w = float(value)
    except (TypeError, ValueError):
        return 1.0
    return w if math.isfinite(w) and w > 0 else 1.0


# --------------------------------------------------------------------------
# repulsion
# --------------------------------------------------------------------------

def _repulsion_exact(pos: np.ndarray, k: float) -> np.ndarray:
    """The exact repulsion of every pair (see :class:`_ExactRepulsion`, which a layout reuses)."""
    return _ExactRepulsion(len(pos))(pos, k)


class _ExactRepulsion:
    """Fruchterman-Reingold repulsion of every pair: F_i = Σ_j k² (p_i − p_j) / |p_i − p_j|².

    x and y apart (two n×n arrays instead of one n×n×2, about three times faster), in buffers made
    once per layout: fresh n×n arrays at every step cost more than the arithmetic (the memory
    allocator hands each back to the system and every page faults in again, 5× the time at 400 nodes).
    The pairs in single precision (half the memory to stream, 1.7× quicker at 400 nodes; the forces
    agree to 1e-5 of their size), the positions and sums of the layout in double.
    """

    def __init__(self, n: int):
        self.dx, self.dy, self.inv, self.sq = (np.empty((n, n), dtype=np.float32) for _ in range(4))

    def __call__(self, pos: np.ndarray, k: float) -> np.ndarray:
        x, y = pos[:, 0].astype(np.float32), pos[:, 1].astype(np.float32)
        dx, dy, inv, sq = self.dx, self.dy, self.inv, self.sq
        np.subtract(x[:, None], x[None, :], out=dx)
        np.subtract(y[:, None], y[None, :], out=dy)
        np.multiply(dx, dx, out=inv)
        np.multiply(dy, dy, out=sq)
        inv += sq
        np.maximum(inv, 1e-9, out=inv)
        np.fill_diagonal(inv, np.inf)
        np.reciprocal(inv, out=inv)
        force = np.empty_like(pos)
        force[:, 0] = np.einsum("ij,ij->i", dx, inv)
        force[:, 1] = np.einsum("ij,ij->i", dy, inv)
        return k * k * force


class _MeshRepulsion:
    """Fruchterman-Reingold repulsion on a grid (particle-mesh with cloud-in-cell).

    Node masses are spread over a ``g × g`` grid; the field
    ``k² r / |r|²`` is a convolution of that density with a fixed kernel,
    done with FFTs, and read back at each node. O(n + g² log g) per step
    instead of O(n²).
    """

    def __init__(self, n: int):
        g = int(min(256, max(64, 2 ** math.ceil(math.log2(2.5 * math.sqrt(n))))))
        self.g = g
        off = np.arange(-g + 1, g, dtype=float)
        dx, dy = np.meshgrid(off, off, indexing="xy")
        r2 = dx**2 + dy**2
        r2[g - 1, g - 1] = np.inf
        # a circular convolution of this size (a power of two) leaves the g x g window we read free of wrap-around
        size = 2 * g
        self.shape = (size, size)
        # kernel in grid units: field = (k²/h) · off / |off|²; numpy's FFT (no scipy import, 0.4 s) in single
        # precision (2-3× quicker; the forces agree with double precision to 1e-5 of their size)
        self.kx = np.fft.rfft2((dx / r2).astype(np.float32), self.shape)
        self.ky = np.fft.rfft2((dy / r2).astype(np.float32), self.shape)
        self.product = np.empty_like(self.kx)
        self.spectrum, self.cols = np.empty_like(self.kx), np.empty_like(self.kx)
        self.rows = np.empty((g, size // 2 + 1), dtype=np.complex64)
        self.fx, self.fy = (np.empty((g, size), dtype=np.float32) for _ in range(2))

    def __call__(self, pos: np.ndarray, k: float) -> np.ndarray:
        fft = np.fft
        g, size = self.g, self.shape[0]
        lo = pos.min(axis=0)
        span = float((pos.max(axis=0) - lo).max())
        span = span if span > 0 else 1.0
        h = span / (g - 1.001)
        u = (pos - lo) / h
        i0 = np.floor(u).astype(int)
        i0 = np.clip(i0, 0, g - 2)
        f = u - i0
        wx = np.stack([1 - f[:, 0], f[:, 0]])
        wy = np.stack([1 - f[:, 1], f[:, 1]])
        rho = np.zeros(g * g)
        for a in (0, 1):
            for b in (0, 1):
                rho += np.bincount((i0[:, 1] + b) * g + (i0[:, 0] + a), weights=wx[a] * wy[b], minlength=g * g)
        rho = rho.reshape(g, g)
        # rfft2 and irfft2 one axis at a time (the same transforms, the same numbers) into buffers made once
        # (no fresh quarter megabyte at every step), and along the last axis only the g rows read back
        R = fft.fft(fft.rfft(rho.astype(np.float32), size, axis=1, out=self.rows), size, axis=0, out=self.spectrum)
        read = slice(g - 1, 2 * g - 1)
        fields = []
        for kernel, field in ((self.kx, self.fx), (self.ky, self.fy)):
            cols = fft.ifft(np.multiply(R, kernel, out=self.product), size, axis=0, out=self.cols)
            fields.append(fft.irfft(cols[read], size, axis=1, out=field).ravel())
        fx, fy = fields
        out = np.zeros_like(pos)
        for a in (0, 1):
            for b in (0, 1):
                w = wx[a] * wy[b]
                cell = (i0[:, 1] + b) * size + (i0[:, 0] + a + g - 1)  # row i0y + b, column g - 1 + i0x + a
                out[:, 0] += w * fx.take(cell)
                out[:, 1] += w * fy.take(cell)
        return out * (k * k / h)


class _Attraction:
    """Fruchterman-Reingold attraction w · d² / k along each tie, added to the nodes' displacements.

    x and y apart (numpy is slow at picking rows of a ties × 2 array and at sums across its two columns), in
    buffers made once per layout (no fresh third of a megabyte per array at every step at 20,000 ties): half
    the time of the attraction. The same operations on the same numbers: the same layout.
    """

    def __init__(self, src: np.ndarray, dst: np.ndarray, w: np.ndarray, n: int):
        self.src, self.dst, self.w, self.n = src, dst, w, n
        self.dx, self.dy, self.d, self.tmp = (np.empty(len(src)) for _ in range(4))

    def add_to(self, disp: np.ndarray, pos: np.ndarray, k: float) -> None:
        src, dst, n = self.src, self.dst, self.n
        dx, dy, d, tmp = self.dx, self.dy, self.d, self.tmp
        for c, delta in ((0, dx), (1, dy)):
            coord = pos[:, c]
            np.subtract(coord.take(src, out=delta), coord.take(dst, out=tmp), out=delta)
        np.sqrt(np.add(np.multiply(dx, dx, out=d), np.multiply(dy, dy, out=tmp), out=d), out=d)
        np.divide(np.multiply(self.w, d, out=d), k, out=d)  # w · d / k
        for c, delta in ((0, dx), (1, dy)):
            np.multiply(delta, d, out=delta)  # the force along the tie
            disp[:, c] += np.bincount(dst, delta, minlength=n) - np.bincount(src, delta, minlength=n)


def force_layout(G: nx.Graph, seed: int | None = 0, *, hub: bool = True, iterations: int | None = None,
                 weight: str | None = "weight", spoke_strength: float = 0.3, hole: float = 0.14,
                 opgave: str | None = None) -> Layout:
    """A seeded force-directed layout with the opgave in the centre.

    Fruchterman-Reingold: ties pull actors together (stronger ties pull
    harder), all actors push each other apart, and the step size cools down
    over a fixed number of iterations. With ``hub=True`` the opgave is an
    extra node fixed at ``(0, 0)``, tied to every actor by a weak spoke.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network, e.g. from :func:`opgavelab.network.opgave_graph`
        (directions are ignored).
    seed : int or None, default 0
        Seed of the random start positions; the same seed and graph give the
        same layout.
    hub : bool, default True
        Add the opgave node ``opgave_key(opgave)`` in the centre.
    opgave : str, optional
        The opgave's id; default ``G.graph["opgave"]`` (set by
        :func:`opgavelab.network.opgave_graph`).
    iterations : int, optional
        Number of steps; default 300 up to 600 nodes, 150 above.
    weight : str or None, default "weight"
        Edge attribute with the tie strength.
    spoke_strength : float, default 0.3
        Pull of the opgave on each actor, relative to a tie of median weight.
    hole : float, default 0.14
        With ``hub``: radius of the free circle around the opgave, where its
        name is drawn; the actors are moved outwards radially
        (``r → hole + (1 − hole) r``), which keeps every direction.

    Returns
    -------
    Layout
        ``{node: (x, y)}`` with the opgave (if ``hub``) at ``(0, 0)`` and the
        farthest actor at distance 1.

    Raises
    ------
    TypeError
        ``G`` is not a networkx graph, or ``seed`` is not an integer.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(4)
    >>> G.graph["opgave"] = "o1"
    >>> pos = force_layout(G, seed=1)
    >>> pos[opgave_key("o1")]
    (0.0, 0.0)
    >>> pos == force_layout(G, seed=1)
    True
    """
    _check_graph(G)
    _check_seed(seed)
    nodes = _sorted_nodes(G)
    hub_key = opgave_key(opgave if opgave is not None else G.graph.get("opgave")) if hub else None
    n = len(nodes)
    if n == 0:
        return Layout({hub_key: (0.0, 0.0)} if hub else {}, kind="force", hub=hub_key, seed=seed)
    index = {v: i for i, v in enumerate(nodes)}
    src, dst, w = _edge_arrays(G, index, weight)
    n_all = n + (1 if hub else 0)
    if hub:
        # spokes from the opgave (index n) to every actor
        src = np.concatenate([src, np.full(n, n)])
        dst = np.concatenate([dst, np.arange(n)])
        w = np.concatenate([w, np.full(n, float(spoke_strength))])
    rng = np.random.default_rng(seed)
    radius = np.sqrt(rng.random(n_all))
    angle = rng.random(n_all) * 2 * math.pi
    pos = np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])
    if hub:
        pos[n] = 0.0
    k = 1.0 / math.sqrt(n_all)
    if iterations is None:
        iterations = 300 if n_all <= EXACT_LIMIT else 150
    repulsion = _ExactRepulsion(n_all) if n_all <= EXACT_LIMIT else _MeshRepulsion(n_all)
    attraction = _Attraction(src, dst, w, n_all)
    t = 0.1
    dt = t / (iterations + 1)
    for _ in range(int(iterations)):
        disp = repulsion(pos, k)
        if len(src):
            attraction.add_to(disp, pos, k)
        length = np.maximum(np.sqrt((disp**2).sum(axis=1)), 1e-12)
        pos += disp / length[:, None] * np.minimum(length, t)[:, None]
        if hub:
            pos[n] = 0.0
        t -= dt
    center = pos[n] if hub else pos.mean(axis=0)
    pos = pos - center
    r = np.sqrt((pos**2).sum(axis=1)).max()
    if r > 0:
        pos = pos / r
    if hub and hole > 0:
        radius = np.sqrt((pos**2).sum(axis=1))
        scale = np.where(radius > 0, (hole + (1 - hole) * radius) / np.maximum(radius, 1e-12), 0.0)
        pos = pos * scale[:, None]
    positions = {v: (float(pos[i, 0]), float(pos[i, 1])) for i, v in enumerate(nodes)}
    if hub:
        positions[hub_key] = (0.0, 0.0)
    return Layout(positions, kind="force", hub=hub_key, seed=seed)


# --------------------------------------------------------------------------
# the opgave compass
# --------------------------------------------------------------------------

_UNKNOWN = None  # the ring or sector of actors without a scale level / type


def _values_in_order(vocab: list, present: list) -> list:
    """Vocabulary values in order, then values only in the data (sorted), then None if missing."""
    out = list(vocab)
    extra = sorted({v for v in present if v is not None and v not in out}, key=str)
    out += extra
    if any(v is None for v in present):
        out.append(_UNKNOWN)
    return out


def _node_value(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def compass_layout(G: nx.Graph, case=None, *, scales: list | None = None, types: list | None = None,
                   sectors: str = "balanced", rings: str = "balanced", hub_radius: float = 0.18,
                   gap_degrees: float = 3.0, label_gap_degrees: float = 24.0, opgave: str | None = None) -> Layout:
    """The opgave compass: rings for scale levels, a sector for each actor type.

    The opgave is in the centre; each scale level is a ring, from *buurt*
    (innermost) to *mondiaal* (outermost), and each actor type a sector
    (starting at the top, clockwise, in the order of the vocabulary). Every
    ring and sector of the vocabulary is drawn, also when empty, so a missing
    tier or type shows as a gap. Inside a ring and sector the actors are
    spread evenly, ordered by where their tie partners are, so ties run short.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network, with ``scale`` and ``type`` node attributes.
    case : Case, optional
        Gives the order of the scale levels and actor types (its
        vocabularies, including the ``lijsten`` sheet); without it, the
        default vocabularies.
    scales, types : list, optional
        The rings and sectors to draw, in order; override the case.
    sectors : {"balanced", "equal"}, default "balanced"
        ``"equal"``: every type gets the same angle; ``"balanced"``: the angle
        grows with the number of actors of that type, and an empty type still
        gets a visible sector.
    rings : {"balanced", "equal"}, default "balanced"
        The same for the width of the rings: crowded scale levels get wider
        rings, empty ones stay visible.
    hub_radius : float, default 0.18
        Radius of the free centre where the opgave is drawn.
    gap_degrees : float, default 3.0
        Empty angle between two sectors.
    label_gap_degrees : float, default 24.0
        Empty angle at the top, where the names of the rings go.
    opgave : str, optional
        The opgave's id; default ``G.graph["opgave"]``.

    Returns
    -------
    Layout
        Positions within the unit circle, opgave at ``(0, 0)``, and
        ``layout.guides`` with the rings and sectors to draw.

    Raises
    ------
    ValueError
        ``sectors`` or ``rings`` is not one of the allowed values.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph(opgave="o1")
    >>> G.add_node("a", type="overheid", scale="buurt")
    >>> G.add_node("b", type="bedrijf", scale="mondiaal")
    >>> pos = compass_layout(G)
    >>> r = {n: (x * x + y * y) ** 0.5 for n, (x, y) in pos.items()}
    >>> r["a"] < r["b"]
    True
    """
    _check_graph(G)
    _check_one_of("sectors", sectors, ["balanced", "equal"])
    _check_one_of("rings", rings, ["balanced", "equal"])
    from ..schema import VOCABULARY_LISTS

    nodes = _sorted_nodes(G)
    node_scale = {v: _node_value(G.nodes[v].get("scale")) for v in nodes}
    node_type = {v: _node_value(G.nodes[v].get("type")) for v in nodes}
    if scales is None:
        scales = list(case.labels("scale")) if case is not None else list(VOCABULARY_LISTS["scale"].values)
    if types is None:
        types = list(case.labels("actor_type")) if case is not None else list(VOCABULARY_LISTS["actor_type"].values)
    ring_values = _values_in_order(scales, list(node_scale.values()))
    sector_values = _values_in_order(types, list(node_type.values()))
    hub_key = opgave_key(opgave if opgave is not None else G.graph.get("opgave"))

    # rings between hub_radius and 1, from the inside out
    ring_counts = np.array([sum(1 for v in nodes if node_scale[v] == r) for r in ring_values], dtype=float)
    widths = _balanced(ring_counts, rings)
    edges_r = hub_radius + (1.0 - hub_radius) * np.concatenate([[0.0], np.cumsum(widths) / widths.sum()])
    ring_list = [{"value": v, "r_inner": float(edges_r[i]), "r_outer": float(edges_r[i + 1])}
             for i, v in enumerate(ring_values)]

    # sectors: clockwise from the top
    counts = np.array([sum(1 for v in nodes if node_type[v] == t) for t in sector_values], dtype=float)
    weights = _balanced(counts, sectors)
    gap = math.radians(gap_degrees) if len(sector_values) > 1 else 0.0
    top = math.radians(label_gap_degrees)
    usable = 2 * math.pi - gap * (len(sector_values) - 1) - top
    spans = usable * weights / weights.sum()
    sector_list = []
    start = math.pi / 2 - top / 2
    for value, span in zip(sector_values, spans):
        # clockwise: the sector runs from `start` down to `start - span`
        sector_list.append({"value": value, "start": start - span, "end": start})
        start -= span + gap

    ring_index = {r["value"]: i for i, r in enumerate(ring_list)}
    sector_index = {s["value"]: i for i, s in enumerate(sector_list)}
    cells: dict[tuple[int, int], list] = {}
    for v in nodes:
        cells.setdefault((ring_index[node_scale[v]], sector_index[node_type[v]]), []).append(v)

    neighbours = {v: set(G.predecessors(v)) | set(G.successors(v)) if G.is_directed() else set(G.neighbors(v))
                  for v in nodes}
    positions: dict = {}
    # first pass in id order, then order each cell by its actors' partners (barycentre), twice
    for sweep in range(3):
        new: dict = {}
        for (ri, si), members in cells.items():
            ring, sector = ring_list[ri], sector_list[si]
            if sweep > 0:
                members = sorted(members, key=lambda v: (_partner_angle(v, neighbours, positions, sector), str(v)))
            new.update(_fill_cell(members, ring, sector))
        positions = new
    positions = {v: positions[v] for v in nodes}
    positions[hub_key] = (0.0, 0.0)
    return Layout(positions, kind="compass", hub=hub_key, seed=None,
                  guides={"rings": ring_list, "sectors": sector_list, "hub_radius": hub_radius,
                          "label_angle": math.pi / 2})


def _balanced(counts: np.ndarray, how: str) -> np.ndarray:
    """Shares of rings or sectors: equal, or growing with the count plus a floor for empty ones."""
    if how == "equal" or counts.sum() == 0:
        return np.ones(len(counts))
    return counts + max(1.0, counts.sum() / (2 * len(counts)))


def _partner_angle(v, neighbours, positions, sector) -> float:
    """Where in its sector an actor should go: the mean direction of its partners."""
    xs = [positions[u] for u in neighbours[v] if u in positions]
    mid = (sector["start"] + sector["end"]) / 2
    if not xs:
        return 0.0
    x = sum(p[0] for p in xs)
    y = sum(p[1] for p in xs)
    if x == 0 and y == 0:
        return 0.0
    a = math.atan2(y, x)
    # distance from the sector's middle, signed, in (-π, π]
    return (a - mid + math.pi) % (2 * math.pi) - math.pi


def _fill_cell(members: list, ring: dict, sector: dict) -> dict:
    """Spread ``members`` evenly over the part of ``ring`` inside ``sector``.

    The members fill columns from the counter-clockwise end (the start of the
    sorted order is at the sector's low angle); a crowded cell gets several
    rows across the ring's width.
    """
    k = len(members)
    r_in, r_out = ring["r_inner"], ring["r_outer"]
    r_mid = (r_in + r_out) / 2
    width = (r_out - r_in) * 0.72
    span = sector["end"] - sector["start"]
    pad = min(span * 0.08, 0.06)
    a0, a1 = sector["start"] + pad, sector["end"] - pad
    arc = max(r_mid * (a1 - a0), 1e-6)
    rows = max(1, min(k, round(math.sqrt(k * width / arc))))
    cols = math.ceil(k / rows)
    out = {}
    for j, v in enumerate(members):
        col, row = divmod(j, rows)
        n_in_col = min(rows, k - col * rows)
        frac_a = (col + 0.5) / cols
        angle = a0 + (a1 - a0) * frac_a
        if n_in_col == 1:
            r = r_mid
        else:
            r = r_in + (r_out - r_in - width) / 2 + width * (row + 0.5) / n_in_col
        out[v] = (r * math.cos(angle), r * math.sin(angle))
    return out
