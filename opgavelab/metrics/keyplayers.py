"""Key players: the set of actors whose removal fragments a network most, or who reach most others.

Borgatti (2006) poses two *key player problems*. KPP-Neg: which ``k`` actors,
if they dropped out, would leave the rest of the network most fragmented?
KPP-Pos: which ``k`` actors together reach most of the others? Both are
combinatorial searches (every set of ``k`` actors is a candidate), so, as
Borgatti does, :func:`key_players` uses a greedy optimisation with swaps from
several seeded starts. It is a heuristic: it usually finds the best set, but it
does not prove it; the result says how it was found.
"""

from __future__ import annotations

__all__ = ["key_players", "KeyPlayers", "distance_fragmentation", "distance_reach"]

import math
import random
from dataclasses import dataclass, field

import networkx as nx
import numpy as np
import pandas as pd

from opgavelab._checks import _check_graph, _check_int, _check_lang, _check_one_of
from opgavelab.metrics._graph import _adjacency

_GOALS = ["fragment", "reach"]


# --------------------------------------------------------------------------
# the two scores, on a sparse adjacency matrix with a mask of the kept actors
# --------------------------------------------------------------------------
def _reciprocal_distance_sum(A, keep: np.ndarray, sources: np.ndarray) -> float:
    """Σ over the given sources i and kept j ≠ i of 1/d_ij (1/∞ = 0), in the graph of the kept actors.

    A breadth-first search from all sources at once: one sparse product per
    step, so the cost is (steps × ties × sources), without a Python loop over
    actors.
    """
    n = A.shape[0]
    if len(sources) == 0:
        return 0.0
    frontier = np.zeros((n, len(sources)), dtype=np.float32)
    frontier[sources, np.arange(len(sources))] = 1.0
    reached = frontier > 0
    blocked = ~keep[:, None]
    total = 0.0
    d = 0
    while True:
        d += 1
        nxt = (A @ frontier) > 0
        nxt &= ~reached
        nxt &= ~blocked
        count = int(nxt.sum())
        if count == 0:
            return total
        total += count / d
        reached |= nxt
        frontier = nxt.astype(np.float32)


def _fragmentation_score(A, keep: np.ndarray, sources: np.ndarray | None) -> float:
    """Borgatti's distance-weighted fragmentation of the kept actors (sampled sources: an estimate)."""
    n_keep = int(keep.sum())
    if n_keep < 2:
        return 1.0
    src = np.flatnonzero(keep) if sources is None else sources[keep[sources]]
    if len(src) == 0:
        return 1.0
    return 1.0 - _reciprocal_distance_sum(A, keep, src) / (len(src) * (n_keep - 1))


def _reach_score(A, members: np.ndarray, m: int | None) -> float:
    """Reach of a set: share of the others within ``m`` steps, or distance-weighted (m=None)."""
    n = A.shape[0]
    k = len(members)
    if n == k:
        return 1.0
    reached = np.zeros(n, dtype=bool)
    reached[members] = True
    frontier = reached.astype(np.float32)
    total = 0.0
    d = 0
    limit = m if m is not None else n
    while d < limit:
        d += 1
        nxt = (A @ frontier) > 0
        nxt &= ~reached
        count = int(nxt.sum())
        if count == 0:
            break
        total += count / d if m is None else count
        reached |= nxt
        frontier = nxt.astype(np.float32)
    if m is None:
        # Borgatti's DR: Σ_j 1/d_Kj / n, a member of the set at distance 1 from it
        return (total + k) / n
    return total / (n - k)


# --------------------------------------------------------------------------
# public scores of one given set
# --------------------------------------------------------------------------
def _prepare(G):
    _check_graph(G)
    nodes, A = _adjacency(nx.Graph(G) if G.is_directed() else G)
    A = A.astype(np.float32)
    return nodes, A


def _positions(nodes, group, name: str = "group") -> np.ndarray:
    index = {v: i for i, v in enumerate(nodes)}
    missing = [v for v in group if v not in index]
    if missing:
        msg = f"{name!r} must hold actors of the network; not in it: {missing[:5]}."
        raise ValueError(msg)
    return np.array(sorted({index[v] for v in group}), dtype=np.int64)


def distance_fragmentation(G: nx.Graph, removed=()) -> float:
    """Borgatti's distance-weighted fragmentation of ``G`` after removing ``removed``.

    ``DF = 1 − Σ_{i≠j} (1/d_ij) / (n(n−1))`` over the ``n`` actors that remain,
    with ``1/d = 0`` for actors that cannot reach each other: 0 when everyone
    is directly tied to everyone, 1 when no one is tied to anyone. Directions
    are ignored.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    removed : iterable of nodes, optional
        Actors to take out first.

    Returns
    -------
    float
        1.0 for fewer than two remaining actors.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(3)  # 0 - 1 - 2
    >>> round(distance_fragmentation(G), 4)     # pairs at 1, 1 and 2 steps
    0.1667
    >>> distance_fragmentation(G, removed=[1])  # two isolates
    1.0

    References
    ----------
    Borgatti, S. P. (2006). Identifying sets of key players in a social network.
    *Computational and Mathematical Organization Theory* 12, 21-34.
    """
    nodes, A = _prepare(G)
    keep = np.ones(len(nodes), dtype=bool)
    keep[_positions(nodes, removed, "removed")] = False
    return _fragmentation_score(A, keep, None)


def distance_reach(G: nx.Graph, group, m: int | None = None) -> float:
    """How well a set of actors reaches the others (Borgatti's KPP-Pos scores).

    With ``m=None`` the distance-weighted reach ``DR = Σ_j (1/d_Kj) / n``, where
    ``d_Kj`` is the distance from the nearest member of the set to ``j`` (a
    member counts as distance 1, an unreachable actor as 0): 1 when every
    actor is a member or a neighbour of one. With an integer ``m`` the
    *m-reach*: the share of the actors outside the set that are at most ``m``
    steps from it. Directions are ignored.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    group : iterable of nodes
    m : int, optional

    Returns
    -------
    float

    Raises
    ------
    TypeError
        If ``G`` is not a networkx graph.
    ValueError
        If ``group`` holds a node that is not in ``G``, or ``m`` is not a
        positive integer or None.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(4)  # 0 - 1 - 2 - 3
    >>> distance_reach(G, [1], m=1)   # 0 and 2 of the 3 others
    0.6666666666666666
    >>> distance_reach(G, [1])        # (1 + 1 + 1 + 1/2) / 4
    0.875

    References
    ----------
    Borgatti, S. P. (2006). Identifying sets of key players in a social network.
    *Computational and Mathematical Organization Theory* 12, 21-34.
    """
    nodes, A = _prepare(G)
    if m is not None:
        _check_int("m", m, minimum=1)
    members = _positions(nodes, group)
    if len(members) == 0:
        return 0.0
    return _reach_score(A, members, m)


# --------------------------------------------------------------------------
# the search
# --------------------------------------------------------------------------
@dataclass
class KeyPlayers:
    """The result of :func:`key_players`: the set, its score and how it was found."""

    players: list
    score: float
    goal: str
    k: int
    m: int | None
    method: dict = field(default_factory=dict)
    table: pd.DataFrame = field(default_factory=pd.DataFrame)
    lang: str = "nl"

    def __iter__(self):
        return iter(self.players)

    def __len__(self) -> int:
        return len(self.players)

    def _describe(self) -> str:
        from opgavelab._i18n import fmt_number, message

        lang = self.lang
        meth = self.method
        measure = (message("kp_measure_fragment", lang) if self.goal == "fragment"
                   else message("kp_measure_reach", lang) if self.m is None
                   else message("kp_measure_mreach", lang, m=self.m))
        score = fmt_number(self.score, lang, 4)
        text = message("kp_text", lang, goal=message(f"kp_goal_{self.goal}", lang), k=self.k,
                       players=", ".join(str(p) for p in self.players), measure=measure,
                       score=score,
                       starts=meth.get("starts"), evaluations=meth.get("evaluations"),
                       candidates=meth.get("candidates"))
        if meth.get("sampled_sources"):
            text += " " + message("kp_sampled", lang, sources=meth["sampled_sources"])
        return text

    def __repr__(self) -> str:
        from opgavelab._i18n import message

        return self._describe() + "\n" + message("kp_next", self.lang)

    def _repr_html_(self) -> str:
        import html

        return (f"<div class='opgavelab-keyplayers'><p>{html.escape(self._describe())}</p>"
                f"{self.table.to_html(float_format=lambda v: f'{v:.4f}')}</div>")


def _check_goal(goal: str) -> str:
    _check_one_of("goal", goal, _GOALS)
    return goal


def key_players(
    G: nx.Graph,
    k: int,
    goal: str = "fragment",
    m: int | None = 1,
    seed: int | None = 0,
    *,
    starts: int | None = None,
    candidates: int | None = None,
    exact_limit: int = 400,
    sample_size: int = 200,
    lang: str = "nl",
) -> KeyPlayers:
    """The ``k`` actors that fragment the network most when removed, or that reach most others.

    Borgatti's key player problems. ``goal="fragment"`` (KPP-Neg) looks for
    the set whose removal leaves the remaining actors with the highest
    distance-weighted fragmentation (:func:`distance_fragmentation`).
    ``goal="reach"`` (KPP-Pos) looks for the set that reaches most actors:
    within ``m`` steps (m-reach), or by distance-weighted reach with
    ``m=None`` (:func:`distance_reach`). Directions are ignored.

    The search is Borgatti's greedy optimisation with swaps: from a start set,
    repeatedly make the swap of a member for a non-member that improves the
    score most, until no swap improves it. The first start is built greedily
    (add the best actor one at a time), the others are random draws from the
    seeded generator. **This is a heuristic**: the best set found, not a proven
    optimum (for ``k=1`` every actor is tried, so it is exact).

    On large networks (more than ``exact_limit`` actors) the search estimates
    fragmentation from ``sample_size`` randomly drawn actors and considers
    only the ``candidates`` actors with the highest estimated betweenness (and
    every cut point) for ``fragment``, or the highest reach for ``reach``; the
    reported score of the final set is then computed exactly.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    k : int
        Size of the set, at least 1 and at most the number of actors.
    goal : {"fragment", "reach"}, default "fragment"
    m : int or None, default 1
        For ``goal="reach"``: the number of steps; None for distance-weighted
        reach. Ignored for ``fragment``.
    seed : int, optional
        Seed of the random starts and samples; the same seed gives the same set.
    starts : int, optional
        Number of starts (the greedy one and ``starts - 1`` random ones);
        default 5, and 3 on a network of more than ``exact_limit`` actors.
    candidates : int, optional
        Only consider this many actors (the most promising ones); default all
        actors up to ``exact_limit`` actors, else ``max(20, 4 k)``.
    exact_limit : int, default 400
        Above this many actors the search uses the estimate and candidate list.
    sample_size : int, default 200
        Sampled actors for the fragmentation estimate on large networks.
    lang : {"nl", "en"}, default "nl"
        Language of the result's text.

    Returns
    -------
    KeyPlayers
        ``players`` (the set, best first by its own contribution), ``score``,
        ``goal``, ``k``, ``m``, ``method`` (a dict: ``algorithm``, ``starts``,
        ``evaluations``, ``swaps``, ``candidates``, ``sampled_sources``,
        ``seed``, ``heuristic=True``, ``exhaustive_for_k1``) and ``table``
        (one row per player: ``score_alone``, the score of that actor alone,
        and ``score_without``, the set's score without it).

    Raises
    ------
    TypeError
        If ``G`` is not a networkx graph.
    ValueError
        If ``goal`` is unknown, ``k`` is not between 1 and the number of
        actors, or ``m`` is not a positive integer or None.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d"), ("c", "e")])
    >>> kp = key_players(G, 1)                 # removing c leaves a-b, d, e
    >>> kp.players, round(kp.score, 4)
    (['c'], 0.8333)
    >>> key_players(G, 1, goal="reach", m=1).players
    ['c']

    References
    ----------
    Borgatti, S. P. (2006). Identifying sets of key players in a social network.
    *Computational and Mathematical Organization Theory* 12, 21-34.
    """
    _check_graph(G)
    goal = _check_goal(goal)
    _check_lang(lang)
    nodes, A = _prepare(G)
    n = len(nodes)
    _check_search_arguments(k, n, goal, m, starts, exact_limit, sample_size, candidates)
    k = int(k)
    rng = random.Random(seed)
    large = n > exact_limit
    if starts is None:
        starts = 3 if large else 5
    sources = None
    if goal == "fragment" and large:
        sources = np.array(sorted(rng.sample(range(n), min(sample_size, n))), dtype=np.int64)
    score = _SetScore(A, n, goal, m, sources)

    pool = _candidate_pool(G, nodes, A, k, goal, m, candidates, large, seed)
    if len(pool) < k:
        pool = list(range(n))
    n_starts = 1 if k == len(pool) else starts
    best_set, best, n_swaps = _greedy_with_swaps(score, pool, k, n_starts, rng)

    final = score(best_set, exact=True) if sources is not None else best
    players, table = _player_table(score, nodes, best_set, k, goal, exact=sources is not None)
    method = {
        "algorithm": "greedy optimisation with swaps (Borgatti 2006)",
        "heuristic": True,
        "starts": n_starts,
        "evaluations": score.evaluations,
        "swaps": n_swaps,
        "candidates": len(pool),
        "sampled_sources": 0 if sources is None else len(sources),
        "seed": seed,
        "exhaustive_for_k1": k == 1 and len(pool) == n,
        "measure": ("distance-weighted fragmentation" if goal == "fragment"
                    else "distance-weighted reach" if m is None else f"{m}-reach"),
    }
    return KeyPlayers(players=players, score=float(final), goal=goal, k=k, m=m if goal == "reach" else None,
                      method=method, table=table, lang=lang)


def _check_search_arguments(k, n, goal, m, starts, exact_limit, sample_size, candidates) -> None:
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not 1 <= k <= max(n, 1) or n == 0:
        msg = f"'k' must be an integer between 1 and the number of actors ({n}), got {k!r}."
        raise ValueError(msg)
    if goal == "reach" and m is not None:
        _check_int("m", m, minimum=1)
    _check_int("starts", starts, minimum=1, allow_none=True)
    _check_int("exact_limit", exact_limit)
    _check_int("sample_size", sample_size, minimum=1)
    _check_int("candidates", candidates, minimum=1, allow_none=True)


class _SetScore:
    """The key-player score of a set of actor positions, cached; counts the evaluations.

    ``fragment``: the fragmentation left when the set is removed (estimated from the
    sampled ``sources`` unless ``exact``); ``reach``: the set's (m-)reach.
    """

    def __init__(self, A, n: int, goal: str, m, sources):
        self.A, self.n, self.goal, self.m, self.sources = A, n, goal, m, sources
        self.evaluations = 0
        self._cache: dict[frozenset, float] = {}

    def __call__(self, members: frozenset, exact: bool = False) -> float:
        key = members if not exact else frozenset([*members, -1])
        if key in self._cache:
            return self._cache[key]
        self.evaluations += 1
        idx = np.fromiter(members, dtype=np.int64, count=len(members))
        if self.goal == "fragment":
            keep = np.ones(self.n, dtype=bool)
            keep[idx] = False
            value = _fragmentation_score(self.A, keep, None if exact else self.sources)
        else:
            value = _reach_score(self.A, np.sort(idx), self.m)
        self._cache[key] = value
        return value


def _greedy_with_swaps(score: _SetScore, pool: list[int], k: int, n_starts: int,
                       rng: random.Random) -> tuple[frozenset, float, int]:
    """Borgatti's search: from each start (the first greedy, the others random), swap to a local best.

    Returns the best set found, its score and the number of swaps made.
    """
    best_set: frozenset | None = None
    best = -math.inf
    n_swaps = 0
    for start in range(n_starts):
        current = _greedy_start(score, pool, k) if start == 0 else set(rng.sample(pool, k))
        current, value, swaps = _steepest_ascent(score, pool, current)
        n_swaps += swaps
        if value > best + 1e-12:
            best, best_set = value, frozenset(current)
    return best_set, best, n_swaps


def _greedy_start(score: _SetScore, pool: list[int], k: int) -> set:
    """A start set built by adding, one at a time, the actor that raises the score most."""
    current: set = set()
    for _ in range(k):
        pick = max((v for v in pool if v not in current), key=lambda v: (score(frozenset(current | {v})), -v))
        current.add(pick)
    return current


def _steepest_ascent(score: _SetScore, pool: list[int], current: set) -> tuple[set, float, int]:
    """Make the single member-for-non-member swap that improves the score most, until none does."""
    value = score(frozenset(current))
    swaps = 0
    while True:
        move, gain = None, 0.0
        for u in sorted(current):
            for v in pool:
                if v in current:
                    continue
                trial = score(frozenset((current - {u}) | {v}))
                if trial - value > gain + 1e-12:
                    move, gain = (u, v), trial - value
        if move is None:
            return current, value, swaps
        current = (current - {move[0]}) | {move[1]}
        value += gain
        swaps += 1


def _player_table(score: _SetScore, nodes, best_set: frozenset, k: int, goal: str,
                  exact: bool) -> tuple[list, pd.DataFrame]:
    """The players, best first by their own score, and each one's score alone and the set's without it."""
    members = sorted(best_set)
    alone = {v: (score(frozenset([v]), exact=exact)) for v in members}
    without = {v: (score(best_set - {v}, exact=exact) if k > 1 else
                   (0.0 if goal == "reach" else _fragmentation_score(score.A, np.ones(score.n, dtype=bool), None)))
               for v in members}
    members.sort(key=lambda v: (-alone[v], nodes[v] if isinstance(nodes[v], str) else str(nodes[v])))
    players = [nodes[v] for v in members]
    table = pd.DataFrame({"score_alone": [alone[v] for v in members],
                          "score_without": [without[v] for v in members]},
                         index=pd.Index(players, name="id"))
    return players, table


def _candidate_pool(G, nodes, A, k, goal, m, candidates, large, seed) -> list[int]:
    """The actors the search considers: all of them, or the most promising on a large network."""
    n = len(nodes)
    size = candidates if candidates is not None else (n if not large else max(20, 4 * k))
    if size >= n:
        return list(range(n))
    if goal == "fragment":
        from opgavelab.metrics.centrality import centrality

        H = nx.Graph(G) if G.is_directed() else G
        central = centrality(H, weight=None, betweenness_k=min(n, 100), seed=seed)
        rank = central["betweenness"].to_numpy() + central["articulation_point"].to_numpy(dtype=float)
    else:
        degree = np.asarray(A.sum(axis=1)).ravel()
        rank = degree if m in (1, None) else np.asarray((A @ (A @ np.ones(n))) + degree).ravel()
    order = np.lexsort((np.arange(n), -rank))
    return sorted(order[:size].tolist())
