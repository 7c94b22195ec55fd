"""The formation views' data: per date the positions, the parts and the ties that joined them (no drawing).

- :func:`formation_layout`: positions per date, anchored on the layout of the
  last date; at every date the parts that are separate are packed apart (their
  bounding boxes do not overlap) and an actor moves only when its part changes.
- :func:`formation_frames`: per date the scene, the parts (with their boxes)
  and the ties that joined parts that year; shared by the small multiples
  (:mod:`~opgavelab.draw.static`), the animated GIF, the offline page
  (:mod:`~opgavelab.draw.formation`) and the explorer.

Both are public from :mod:`opgavelab.draw` and :mod:`opgavelab.draw.formation`;
this module draws nothing, so the renderers can import it without a cycle.
"""

from __future__ import annotations

__all__ = ["FormationFrame", "formation_frames", "formation_layout"]

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .style import PAD

#: the gap between the parts' boxes (layout units)
GAP = 0.08


def _union_graph(case, opgave: str, dates, graphs=None):
    """Every actor present at one of the dates and every tie active at one of them (undirected).

    ``graphs``: the undirected snapshots at ``dates``, when already built."""
    import networkx as nx

    if graphs is None:
        graphs = _snapshots(case, opgave, dates)
    U = nx.Graph()
    for G in graphs:
        U.add_nodes_from(G.nodes(data=True))
        for u, v, d in G.edges(data=True):
            w = float(d.get("weight", 1.0) or 1.0)
            if U.has_edge(u, v):
                U[u][v]["weight"] = max(U[u][v]["weight"], w)
            else:
                U.add_edge(u, v, weight=w)
    U.graph["opgave"] = opgave
    return U


def _snapshots(case, opgave: str, dates) -> list:
    """The opgave's undirected network at each date (:func:`~opgavelab.network.opgave_graph`), built in one pass."""
    from ..network import _opgave_snapshots

    return _opgave_snapshots(case, opgave, list(dates), directed=False)


def _components(G) -> list[list]:
    import networkx as nx

    parts = [sorted(c, key=str) for c in nx.connected_components(G)]
    parts.sort(key=lambda c: (-len(c), str(c[0])))
    return parts


def _overlaps(c: np.ndarray, half: np.ndarray, gap: float) -> bool:
    d = np.abs(c[None, :, :] - c[:, None, :])
    need = half[:, None, :] + half[None, :, :] + gap * 0.999
    hit = (d[:, :, 0] < need[:, :, 0]) & (d[:, :, 1] < need[:, :, 1])
    np.fill_diagonal(hit, False)
    return bool(hit.any())


def _shelves(half: np.ndarray, gap: float = GAP) -> np.ndarray:
    """Boxes in rows, largest first: never overlapping, for many parts or when pushing does not settle."""
    k = len(half)
    order = np.argsort(-(half[:, 0] * half[:, 1]), kind="stable")
    width = max(float(np.sqrt(((2 * half + gap) ** 2).prod(axis=1).sum()) * 1.6), float(2 * half[:, 0].max() + gap))
    c = np.zeros((k, 2))
    x = y = row_h = 0.0
    for i in order:
        w, h = 2 * half[i, 0] + gap, 2 * half[i, 1] + gap
        if x > 0 and x + w > width:
            x, y, row_h = 0.0, y - row_h, 0.0
        c[i] = (x + w / 2, y - h / 2)
        x += w
        row_h = max(row_h, h)
    return c - c.mean(axis=0)


def _pack(centres: np.ndarray, half: np.ndarray, weight: np.ndarray, gap: float = GAP,
          iterations: int = 400) -> np.ndarray:
    """Move boxes (centre, half-size) apart until none overlap, each as little as possible.

    Each pass pushes every overlapping pair apart along the axis where they
    overlap least, the lighter box (fewer actors) moving more; it ends when no
    pair overlaps, or when a pass moves nothing any more (every later pass
    would give the same). O(k²) per pass on arrays; parts are few.
    """
    c = centres.astype(float).copy()
    k = len(c)
    if k < 2:
        return c
    if k > 300:  # pairwise pushing is O(k²) per pass: many parts go on shelves
        return _shelves(half, gap)
    # boxes that start at the same point need a direction: a tiny, fixed spread
    jitter = np.column_stack([np.cos(np.arange(k) * 2.399), np.sin(np.arange(k) * 2.399)]) * 1e-4
    c += jitter
    # per axis, on (k, k) arrays: what does not change between passes is computed once
    need_x = half[:, None, 0] + half[None, :, 0] + gap
    need_y = half[:, None, 1] + half[None, :, 1] + gap
    share_i = weight[None, :] / (weight[:, None] + weight[None, :])  # i moves by j's share
    others = ~np.eye(k, dtype=bool)
    x, y = c[:, 0], c[:, 1]  # views: moving them moves c
    for _ in range(iterations):
        dx = x[None, :] - x[:, None]  # dx[i, j] = x[j] - x[i]
        dy = y[None, :] - y[:, None]
        over_x = need_x - np.abs(dx)  # > 0 on both axes: overlap
        over_y = need_y - np.abs(dy)
        hit = (over_x > 0) & (over_y > 0) & others
        if not hit.any():
            break
        along_x = over_x < over_y  # pushed along the axis of least overlap
        sign = np.sign(np.where(along_x, dx, dy))
        sign[sign == 0] = 1
        push = np.where(along_x, over_x, over_y) * hit * share_i * 0.55 * sign
        new_x = x - np.where(along_x, push, 0.0).sum(axis=1)
        new_y = y - np.where(along_x, 0.0, push).sum(axis=1)
        if np.array_equal(new_x, x) and np.array_equal(new_y, y):
            break  # the pushes cancel or are too small to move anything: so would every later pass
        x[:], y[:] = new_x, new_y
    return _shelves(half, gap) if _overlaps(c, half, gap) else c


def formation_layout(case, opgave: str, dates=None, at=None, *, seed: int = 0, aspect: float = 1.0) -> dict:
    """Positions per date in which the separate parts of the collective are drawn apart.

    The anchor is a force layout (:func:`~opgavelab.draw.layout.force_layout`,
    without the opgave hub) of the network of the last date, with every actor
    and tie of the earlier dates added. At every date each part (connected
    component) keeps the shape it has in the anchor, drawn more compact when it
    is spread much wider than its size needs, and the parts are then moved
    apart until their bounding boxes do not overlap. A part moves only as far
    as needed, so an actor moves from one date to the next only when its part
    changes; at the last date a collective that is one whole stands exactly as
    in the anchor.

    Parameters
    ----------
    case : Case
    opgave : str
    dates : list of years or dates, optional
        Default :func:`opgavelab.metrics.snapshot_dates` through ``at``.
    at : year or date, optional
        Default :func:`opgavelab.metrics.default_at`.
    seed : int, default 0
        Seed of the anchor layout.
    aspect : float, default 1.0
        Width over height of the space to fill: the positions span
        ``[-aspect, aspect]`` across and ``[-1, 1]`` up (1.6 for a slide).

    Returns
    -------
    dict of pandas.Timestamp to Layout
        One :class:`~opgavelab.draw.layout.Layout` (``kind="formation"``, no
        hub) per date, with the present actors' positions and the attributes
        ``parts`` (lists of actor ids, largest first) and ``boxes`` (per part
        ``(x0, y0, x1, y1)``, padding included). Every date uses the same
        scale: the widest date fits in ``[-aspect, aspect] x [-1, 1]``.
        Empty when the opgave has no dates.

    Raises
    ------
    ValueError
        ``opgave`` is not an opgave id of the case, or a date in ``dates``
        or ``at`` is not a year or a date.

    Examples
    --------
    >>> import opgavelab
    >>> lay = formation_layout(opgavelab.example(), "economie")
    >>> [len(lay[t].parts) for t in lay][:2], len(lay[max(lay)].parts)
    ([7, 4], 1)
    """
    return _formation_layout(case, opgave, dates, at, seed=seed, aspect=aspect)[0]


def _formation_layout(case, opgave: str, dates=None, at=None, *, seed: int = 0, aspect: float = 1.0):
    """:func:`formation_layout`, and the undirected snapshot at each of its dates (built once, in one pass)."""
    from ..metrics.formation import _dates
    from .layout import Layout, force_layout

    case._check_opgave(opgave)
    dates = list(_dates(case, opgave, dates, at))
    if not dates:
        return {}, {}
    graphs = dict(zip(dates, _snapshots(case, opgave, dates)))
    U = _union_graph(case, opgave, dates, graphs=[graphs[t] for t in dates])
    anchor = force_layout(U, seed=seed, hub=False, opgave=opgave)
    nodes = list(U.nodes)
    if not nodes:
        return {t: _empty_layout(Layout, seed) for t in dates}, graphs
    N = len(nodes)
    xy_all = np.array([anchor[v] for v in nodes], dtype=float).reshape(-1, 2)
    R = float(np.abs(xy_all).max()) or 1.0
    where = {v: i for i, v in enumerate(nodes)}
    raw = {}
    later: dict = {}  # positions at the next later date: an earlier year starts from where its actors go next
    for t in reversed(dates):
        parts = _components(graphs[t])
        if not parts:
            raw[t] = ({}, [], [])
            continue
        shapes, centres, halves, weights = [], [], [], []
        for part in parts:
            xy = xy_all[[where[v] for v in part]]
            centre = xy.mean(axis=0)
            rel = xy - centre
            radius = float(np.sqrt((rel**2).sum(axis=1)).max()) if len(part) > 1 else 0.0
            # a part as wide as the whole but with few actors is drawn more compact
            target = 1.15 * R * math.sqrt(len(part) / N)
            if radius > target > 0:
                rel = rel * (target / radius)
            shapes.append(rel)
            # start where these actors stand the next year (so they move little), else at the anchor
            nxt = [later[v] for v in part if v in later]
            centres.append(np.mean(nxt, axis=0) if nxt else centre)
            lo, hi = rel.min(axis=0), rel.max(axis=0)
            # the box is centred on the part's centre: half-size covers both sides
            halves.append(np.maximum(np.abs(lo), np.abs(hi)) + PAD)
            weights.append(float(len(part)))
        packed = _pack(np.array(centres), np.array(halves), np.array(weights))
        pos, boxes = {}, []
        for part, rel, c, h in zip(parts, shapes, packed, halves):
            for v, p in zip(part, rel + c):
                pos[v] = (float(p[0]), float(p[1]))
            boxes.append((float(c[0] - h[0]), float(c[1] - h[1]), float(c[0] + h[0]), float(c[1] + h[1])))
        raw[t] = (pos, parts, boxes)
        later = {**later, **pos}
    # one scale for every date, so nothing zooms while the years play
    all_boxes = np.array([b for _, _, boxes in raw.values() for b in boxes] or [(-1.0, -1.0, 1.0, 1.0)])
    ex = float(np.abs(all_boxes[:, [0, 2]]).max()) or 1.0
    ey = float(np.abs(all_boxes[:, [1, 3]]).max()) or 1.0
    sx, sy = float(aspect) / ex, 1.0 / ey
    out = {}
    for t in dates:
        pos, parts, boxes = raw[t]
        lay = Layout({v: (x * sx, y * sy) for v, (x, y) in pos.items()}, kind="formation", hub=None, seed=seed)
        lay.parts = parts
        lay.boxes = [(b[0] * sx, b[1] * sy, b[2] * sx, b[3] * sy) for b in boxes]
        out[t] = lay
    return out, graphs


def _empty_layout(Layout, seed):
    lay = Layout({}, kind="formation", hub=None, seed=seed)
    lay.parts, lay.boxes = [], []
    return lay


@dataclass
class FormationFrame:
    """One date of a formation view: what to draw and what to say."""

    date: pd.Timestamp
    scene: object
    layout: object
    parts: list
    boxes: list
    joining: list = field(default_factory=list)  # (source, target) pairs that joined parts at this date
    n_actors: int = 0
    n_parts: int = 0
    largest_share: float = float("nan")
    sentence: str = ""


def formation_frames(case, opgave: str, dates=None, at=None, *, seed: int = 0, lang: str | None = None,
                     size_by="degree", labels=None, colours=None, aspect: float = 1.0) -> list[FormationFrame]:
    """Per date: the scene in the formation layout, its parts and the ties that joined parts.

    The joining ties come from :func:`opgavelab.metrics.formation_events`;
    ``sentence`` tells that date's merges (or where the collective stands).

    Parameters
    ----------
    case, opgave, dates, at, seed, aspect
        As for :func:`formation_layout`, which gives each frame its positions.
    lang : {"nl", "en"}, optional
        Language of the scenes and the sentences; default the case's
        language (``case.lang``).
    size_by, colours
        Scene options (node size, colour overrides); see
        :class:`~opgavelab.draw.SceneOptions`.
    labels : int, "all", "none" or list of ids, optional
        Which actors are named (as in :class:`~opgavelab.draw.SceneOptions`);
        default all when the opgave has at most 20 actors over all dates,
        else the 20 most central of each date.

    Returns
    -------
    list of FormationFrame
        One per date, oldest first (empty when the opgave has no dates):
        ``date``, ``scene`` (built with :func:`~opgavelab.draw.build_scene`
        on the formation layout), ``layout``, ``parts`` and ``boxes`` (as in
        :func:`formation_layout`), ``joining`` (the ``(source, target)`` ties
        that joined parts at this date), ``n_actors``, ``n_parts``,
        ``largest_share`` (share of the actors in the largest part) and
        ``sentence``.

    Raises
    ------
    ValueError
        ``lang`` is not ``"nl"`` or ``"en"``; as :func:`formation_layout`
        (an unknown opgave, or a date that is not a year or a date); or a
        scene option is not one of its allowed values (``size_by``,
        ``labels``, a colour in ``colours``).
    TypeError
        ``size_by`` is not a name, a Series or None, or ``colours`` is not a
        mapping.

    Examples
    --------
    >>> import opgavelab
    >>> frames = formation_frames(opgavelab.example(), "economie")
    >>> frames[1].date.year, len(frames[1].parts), len(frames[1].joining) > 0
    (2019, 4, True)
    >>> frames[-1].n_parts, frames[-1].largest_share
    (1, 1.0)
    """
    from .._checks import _check_lang
    from ..metrics.formation import _merge_sentence, _split_sentence, formation, formation_events, formation_moment
    from .scene import build_scene

    lang = _check_lang(lang or getattr(case, "lang", None) or "nl")  # None: the case's language
    layouts, graphs = _formation_layout(case, opgave, dates=dates, at=at, seed=seed, aspect=aspect)
    if not layouts:
        return []
    events = formation_events(case, opgave, dates=list(layouts), lang=lang)
    merges = events[events["event"] == "merge"]
    splits = events[events["event"] == "split"]
    n_all = len({v for lay in layouts.values() for v in lay})
    series = formation(case, opgave, dates=list(layouts), attr=None)
    frames = []
    for i, (t, lay) in enumerate(layouts.items()):
        scene = build_scene(case, opgave, t, G=graphs[t], layout=lay, size_by=size_by, lang=lang, colours=colours,
                            labels=labels if labels is not None else (20 if n_all > 20 else "all"))
        here = merges[merges["date"] == t]
        joining = [(d["source"], d["target"]) for ties in here["ties"] for d in ties]
        sentence = " ".join([_merge_sentence(row, case, lang) for _, row in here.iterrows()]
                            + [_split_sentence(row, case, lang) for _, row in splits[splits["date"] == t].iterrows()])
        if not sentence:  # no merge or split this year: where the collective stands
            sentence = _status_sentence(series.iloc[: i + 1], lang, formation_moment(series))
        n = sum(len(p) for p in lay.parts)
        frames.append(FormationFrame(
            date=t, scene=scene, layout=lay, parts=lay.parts, boxes=lay.boxes, joining=joining, n_actors=n,
            n_parts=len(lay.parts), largest_share=(len(lay.parts[0]) / n) if n else float("nan"),
            sentence=sentence))
    return frames


def _status_sentence(upto: pd.DataFrame, lang: str, final_moment=None) -> str:
    """Where the collective stands at the last date of ``upto`` (a formation series through that date).

    A "since" only when the whole lasts through the end of the full series
    (``final_moment``, its formation moment): a frame must not say "since
    2021" when 2023 splits again.
    """
    from .._i18n import fmt_percent, message
    from ..metrics.formation import formation_moment

    last = upto.iloc[-1]
    n, k, year = int(last["n_actors"]), int(last["n_components"]), upto.index[-1].year
    moment = formation_moment(upto)
    if moment is not None and final_moment is not None and moment == final_moment:
        return message("formation_whole_since", lang, since=moment.year, n=n, year=year)
    if moment is not None:
        return message("formation_whole_now", lang, year=year, n=n)
    if n < 2:
        return message("formation_not_yet_one", lang, year=year)
    if len(upto) == 1:
        return message("formation_start_parts", lang, year=year, n=n, k=k)
    return message("formation_parts_now", lang, year=year, k=k,
                   pct=fmt_percent(float(last["largest_component_share"]), lang))
