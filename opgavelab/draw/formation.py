"""Pictures of formation: the separate parts drawn apart, year by year, until they are one.

- :func:`formation_layout`: positions per date, anchored on the layout of the
  last date; at every date the parts that are separate are packed apart (their
  bounding boxes do not overlap) and an actor moves only when its part changes.
- :func:`formation_frames`: per date the scene, the parts (with their boxes)
  and the ties that joined parts that year; shared by the small multiples, the
  animated GIF, the offline page and the explorer.
- :func:`formation_gif`: an animated GIF of the formation (matplotlib and
  Pillow), for slides.

In formation views the opgave is not a node: the lines from the opgave to
every actor would make separate parts look connected, so they are not drawn.
"""

from __future__ import annotations

__all__ = ["FormationFrame", "formation_data", "formation_frames", "formation_gif", "formation_layout", "formation_page",
           "write_formation_page"]

import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

#: padding around a part's actors inside its box, and the gap between boxes (layout units)
PAD = 0.07
GAP = 0.08
#: colours of the formation views: the part boxes and the ties that joined parts this year
PART_FILL = "#eef2f8"
PART_EDGE = "#c5d0e0"
JOIN_COLOUR = "#e8590c"


def _union_graph(case, opgave: str, dates):
    """Every actor present at one of the dates and every tie active at one of them (undirected)."""
    import networkx as nx

    from ..network import opgave_graph

    U = nx.Graph()
    for t in dates:
        G = opgave_graph(case, opgave, at=t, directed=False)
        U.add_nodes_from(G.nodes(data=True))
        for u, v, d in G.edges(data=True):
            w = float(d.get("weight", 1.0) or 1.0)
            if U.has_edge(u, v):
                U[u][v]["weight"] = max(U[u][v]["weight"], w)
            else:
                U.add_edge(u, v, weight=w)
    U.graph["opgave"] = opgave
    return U


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
    pair overlaps. O(k²) per pass on arrays; parts are few.
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
    for _ in range(iterations):
        d = c[None, :, :] - c[:, None, :]  # d[i, j] = c[j] - c[i]
        need = half[:, None, :] + half[None, :, :] + gap
        over = need - np.abs(d)  # > 0 on both axes: overlap
        hit = (over[:, :, 0] > 0) & (over[:, :, 1] > 0)
        np.fill_diagonal(hit, False)
        if not hit.any():
            break
        axis = np.where(over[:, :, 0] < over[:, :, 1], 0, 1)
        amount = np.where(axis == 0, over[:, :, 0], over[:, :, 1]) * hit
        sign = np.sign(np.where(axis == 0, d[:, :, 0], d[:, :, 1]))
        sign[sign == 0] = 1
        share_i = weight[None, :] / (weight[:, None] + weight[None, :])  # i moves by j's share
        move = np.zeros_like(c)
        for ax in (0, 1):
            m = amount * (axis == ax) * share_i * 0.55
            move[:, ax] -= (m * sign).sum(axis=1)
        c += move
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

    Examples
    --------
    >>> import opgavelab
    >>> lay = formation_layout(opgavelab.example(), "economie")
    >>> [len(lay[t].parts) for t in lay][:2], len(lay[max(lay)].parts)
    ([7, 4], 1)
    """
    from ..metrics.formation import _dates
    from ..network import opgave_graph
    from .layout import Layout, force_layout

    case._check_opgave(opgave)
    dates = list(_dates(case, opgave, dates, at))
    if not dates:
        return {}
    U = _union_graph(case, opgave, dates)
    anchor = force_layout(U, seed=seed, hub=False, opgave=opgave)
    nodes = list(U.nodes)
    if not nodes:
        return {t: _empty_layout(Layout, seed) for t in dates}
    N = len(nodes)
    xy_all = np.array([anchor[v] for v in nodes], dtype=float).reshape(-1, 2)
    R = float(np.abs(xy_all).max()) or 1.0
    where = {v: i for i, v in enumerate(nodes)}
    raw = {}
    later: dict = {}  # positions at the next later date: an earlier year starts from where its actors go next
    for t in reversed(dates):
        G = opgave_graph(case, opgave, at=t, directed=False)
        parts = _components(G)
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
    return out


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

    Examples
    --------
    >>> import opgavelab
    >>> frames = formation_frames(opgavelab.example(), "economie")
    >>> frames[1].date.year, len(frames[1].parts), len(frames[1].joining) > 0
    (2019, 4, True)
    """
    from .._checks import _check_lang
    from ..metrics.formation import _merge_sentence, _split_sentence, formation, formation_events, formation_moment
    from ..network import opgave_graph
    from .style import build_scene

    lang = _check_lang(lang or getattr(case, "lang", None) or "nl")  # None: the case's language
    layouts = formation_layout(case, opgave, dates=dates, at=at, seed=seed, aspect=aspect)
    if not layouts:
        return []
    events = formation_events(case, opgave, dates=list(layouts), lang=lang)
    merges = events[events["event"] == "merge"]
    splits = events[events["event"] == "split"]
    n_all = len({v for lay in layouts.values() for v in lay})
    series = formation(case, opgave, dates=list(layouts), attr=None)
    frames = []
    for i, (t, lay) in enumerate(layouts.items()):
        G = opgave_graph(case, opgave, at=t)
        scene = build_scene(case, opgave, t, G=G, layout=lay, size_by=size_by, lang=lang, colours=colours,
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


def _tween(a: dict, b: dict, f: float) -> dict:
    """Positions a fraction ``f`` of the way from ``a`` to ``b`` (eased); actors in one only stay put."""
    e = f * f * (3 - 2 * f)
    out = {}
    for v in set(a) | set(b):
        pa, pb = a.get(v, b.get(v)), b.get(v, a.get(v))
        out[v] = (pa[0] + (pb[0] - pa[0]) * e, pa[1] + (pb[1] - pa[1]) * e)
    return out


def formation_gif(case, opgave: str, path, at=None, *, lang: str | None = None, seed: int = 0, size=(10.0, 5.625),
                  dpi: int = 96, seconds_per_year: float = 1.2, tween: int = 6, overwrite: bool = False) -> Path:
    """An animated GIF of the formation: the parts drawing together, year by year.

    Each year is held for ``seconds_per_year``; between years the actors glide
    in ``tween`` steps. The last year is held three times as long. Drops
    into PowerPoint or Google Slides as a picture that plays.

    Parameters
    ----------
    case : Case
    opgave : str
    path : str or path-like
        Ends in ``.gif``.
    at : year or date, optional
        Through this date; default :func:`opgavelab.metrics.default_at`.
    lang : {"nl", "en"}, optional
        Default: the case's language (``case.lang``).
    seed : int, default 0
    size : (width, height) in inches, default 16:9
    dpi : int, default 96
    seconds_per_year : float, default 1.2
    tween : int, default 6
        Steps of gliding between two years (0: jump).
    overwrite : bool, default False

    Returns
    -------
    pathlib.Path

    Raises
    ------
    ValueError
        ``path`` does not end in ``.gif``.
    FileExistsError
        ``path`` exists and ``overwrite`` is false.

    Examples
    --------
    >>> import opgavelab, tempfile, pathlib
    >>> out = formation_gif(opgavelab.example(), "zorg", pathlib.Path(tempfile.mkdtemp()) / "zorg.gif", tween=0)
    >>> out.read_bytes()[:6]
    b'GIF89a'
    """
    from .._checks import _check_lang

    lang = _check_lang(lang or getattr(case, "lang", None) or "nl")  # None: the case's language

    from PIL import Image

    from ..io import atomic_write
    from .static import formation_frame_figure

    path = Path(path)
    if path.suffix.lower() != ".gif":
        msg = f"'path' must end in .gif, got {path.name!r}."
        raise ValueError(msg)
    if path.exists() and not overwrite:
        msg = f"{path} exists; pass overwrite=True to replace it."
        raise FileExistsError(msg)
    frames = formation_frames(case, opgave, at=at, lang=lang, seed=seed, aspect=1.25)
    if not frames:
        msg = f"Opgave {opgave!r} has no dates to play; a GIF needs at least one year."
        raise ValueError(msg)
    images, durations = [], []
    hold = int(seconds_per_year * 1000)

    def render(frame, positions=None, joining=True):
        fig = formation_frame_figure(case, opgave, frame, frames=frames, positions=positions, lang=lang, size=size,
                                     joining=joining)
        fig.set_dpi(dpi)
        fig.canvas.draw()
        return Image.fromarray(np.asarray(fig.canvas.buffer_rgba())).convert("RGB")

    def render_steps(frame, steps):
        # the steps between two years differ only inside the network's Axes: the title, the years and the
        # legend are drawn once, and each step redraws that Axes over them (matplotlib's blitting)
        from .static import draw_formation

        fig = formation_frame_figure(case, opgave, frame, frames=frames, positions=steps[0], lang=lang, size=size,
                                     joining=False)
        fig.set_dpi(dpi)
        ax = fig.axes[0]
        ax.set_visible(False)
        fig.canvas.draw()
        background = fig.canvas.copy_from_bbox(fig.bbox)
        ax.set_visible(True)
        n_ref = max((f.n_actors for f in frames), default=frame.n_actors)
        out = []
        for positions in steps:
            ax.cla()
            draw_formation(frame, ax, positions=positions, joining=False, names=False, n_ref=n_ref)
            fig.canvas.restore_region(background)
            fig.draw_artist(ax)
            out.append(Image.fromarray(np.asarray(fig.canvas.buffer_rgba())).convert("RGB"))
        return out

    for i, frame in enumerate(frames):
        if i and tween:
            a, b = frames[i - 1].layout, frame.layout
            steps = [_tween(a, b, k / (tween + 1)) for k in range(1, tween + 1)]
            images.extend(render_steps(frames[i - 1], steps))
            durations.extend([max(40, int(500 / tween))] * tween)
        images.append(render(frame))
        durations.append(hold * (3 if i == len(frames) - 1 else 1))
    palette = images[-1].quantize(colors=200, method=Image.Quantize.MEDIANCUT)
    quant = [im.quantize(palette=palette, dither=Image.Dither.NONE) for im in images]
    with atomic_write(path, overwrite=overwrite) as tmp:
        quant[0].save(tmp, format="GIF", save_all=True, append_images=quant[1:], duration=durations, loop=0,
                      optimize=False, disposal=1)
    return path


# --------------------------------------------------------------------------
# the playable view: data for the browser, the offline page
# --------------------------------------------------------------------------

_ASSETS = Path(__file__).parent / "assets"
_DASH = {"solid": None, "dashed": "0.02 0.012", "dotted": "0.004 0.01", "dashdot": "0.02 0.01 0.004 0.01",
         "longdash": "0.035 0.012", "loosely dotted": "0.004 0.02"}


def formation_data(case, opgave: str, at=None, *, lang: str | None = None, seed: int = 0, aspect: float = 2.0,
                   height: int = 520, frames: list | None = None, actors=None, tie_types=None,
                   labels: int = 12) -> dict:
    """What the browser needs to play the formation: actors, ties, and per year positions, parts and words.

    Plain JSON-ready data for the formation view (the explorer's widget and
    :func:`formation_page`). Every actor has a position in every year (an
    actor not involved in a year keeps its nearest year's place, hidden), so
    the browser only glides between given positions.

    Parameters
    ----------
    case : Case
    opgave : str
    at : year or date, optional
        Through this date; default :func:`opgavelab.metrics.default_at`.
    lang : {"nl", "en"}, optional
        Default: the case's language (``case.lang``).
    seed : int, default 0
    aspect : float, default 2.0
        Width over height of the drawing.
    height : int, default 520
        Height of the drawing in pixels.
    frames : list of FormationFrame, optional
        When already computed (with the same ``aspect``).
    actors : collection of actor ids, optional
        Show only these actors (the explorer's filters); the parts stay those
        of the whole network.
    tie_types : collection of str, optional
        Show only ties of these types.
    labels : int, default 12
        Name this many actors (the most central of the last year).

    Returns
    -------
    dict
        ``years``, ``nodes`` (``id``, ``name``, ``tip``, ``colour``,
        ``shape``, ``r``, ``aware``, ``label``), ``ties`` (``s``, ``t``,
        ``dash``, ``w``, ``on``: the years it is active), ``frames`` (per
        year: ``year``, ``pos``, ``present``, ``parts``, ``join``, ``sub``,
        ``text``), ``legend``, ``texts``, ``aspect``, ``height``.

    Examples
    --------
    >>> import opgavelab
    >>> d = formation_data(opgavelab.example(), "economie")
    >>> d["years"][0], len(d["frames"][0]["parts"]), len(d["frames"][-1]["parts"])
    (2018, 7, 1)
    """
    from .._checks import _check_lang
    from .._i18n import message

    lang = _check_lang(lang or getattr(case, "lang", None) or "nl")  # None: the case's language
    if frames is None:
        frames = formation_frames(case, opgave, at=at, lang=lang, seed=seed, aspect=aspect, labels=labels)
    keep = None if actors is None else set(actors)
    kinds = None if tie_types is None else set(tie_types)
    nodes: dict = {}
    for fr in frames:
        table = fr.scene.nodes
        for v, row in zip(table.index, table.to_dict("records")):  # plain dicts: iterrows is slow
            if keep is not None and v not in keep:
                continue
            tip = " · ".join(str(x) for x in (row["name"], row["type_label"], row["scale_label"]) if x)
            nodes[v] = {"id": str(v), "name": str(row["name"]), "tip": tip, "colour": str(row["colour"]),
                        "shape": str(row["marker"]), "r": round(0.02 + 0.03 * float(row["size"]), 4),
                        "aware": bool(row["aware"]), "label": bool(row["show_label"]),  # the latest year decides
                        "short": str(row.get("label") or row["name"]), "rank": int(row["rank"])}
    # a small part on its own (a split-off, a newcomer) is named in the year it stands apart
    for fr in frames:
        for part in fr.parts:
            if len(part) <= 2 and len(fr.parts) > 1:
                for v in part:
                    if v in nodes:
                        nodes[v]["label"] = True
    years = [fr.date.year for fr in frames]
    # every actor gets a place in every year: its own, else the nearest year's
    known = [{str(v): (round(p[0], 4), round(p[1], 4)) for v, p in fr.layout.items() if v in nodes} for fr in frames]
    pos_all = []
    for i in range(len(frames)):
        pos = {}
        for v in nodes:
            key = str(v)
            for d in sorted(range(len(frames)), key=lambda j: (abs(j - i), -j)):
                if key in known[d]:
                    pos[key] = known[d][key]
                    break
        pos_all.append(pos)
    ties: dict = {}
    for fr in frames:
        edges = fr.scene.edges
        for r in edges.itertuples():
            if r.source not in nodes or r.target not in nodes:
                continue
            if kinds is not None and r.types and not (set(r.types) & kinds):
                continue
            key = (str(r.source), str(r.target))
            t = ties.setdefault(key, {"s": key[0], "t": key[1], "dash": _DASH.get(r.line), "w": 0.0, "on": []})
            t["w"] = round(max(t["w"], float(r.width)), 3)
            t["dash"] = _DASH.get(r.line)
            t["on"].append(fr.date.year)
    out_frames = []
    for fr, pos in zip(frames, pos_all):
        if fr.n_parts == 1 and fr.n_actors >= 2:
            sub = message("formation_frame_whole", lang, n=fr.n_actors)
        elif fr.n_actors:
            sub = message("formation_frame_parts", lang, n=fr.n_actors, k=fr.n_parts,
                          pct=f"{100 * fr.largest_share:.0f}%")
        else:
            sub = message("formation_story_empty", lang)
        out_frames.append({
            "year": fr.date.year, "pos": pos,
            "present": [str(v) for v in fr.layout if v in nodes],
            "parts": [[str(v) for v in p if v in nodes] for p in fr.parts if any(v in nodes for v in p)],
            "join": [[str(u), str(v)] for u, v in fr.joining], "sub": sub, "text": fr.sentence,
        })
    scene = frames[-1].scene if frames else None
    legend = []
    if scene is not None:
        for value, label in scene.legend.get("types", []):
            legend.append({"kind": "dot", "colour": scene.colours.get(value, "#999999"), "label": str(label)})
    legend.append({"kind": "box", "label": message("formation_legend_part", lang)})
    legend.append({"kind": "join", "label": message("formation_legend_join", lang)})
    return {"opgave": str(opgave), "years": years, "nodes": list(nodes.values()), "ties": list(ties.values()),
            "frames": out_frames, "legend": legend, "aspect": float(aspect), "height": int(height),
            "texts": {"empty": message("formation_story_empty", lang)}}


def _asset(name: str) -> str:
    return (_ASSETS / name).read_text(encoding="utf-8")


def formation_page(case, opgave: str, at=None, *, lang: str | None = None, seed: int = 0, interval: int = 1000,
                   title: str | None = None) -> str:
    """A self-contained HTML page that plays the formation: its own year slider and ▶, no Python needed.

    Send the file; the recipient opens it in a browser (also from a USB
    stick or an e-mail attachment, without internet) and plays how the
    separate parts became one collective.

    Parameters
    ----------
    case : Case
    opgave : str
    at : year or date, optional
        Through this date; default :func:`opgavelab.metrics.default_at`.
    lang : {"nl", "en"}, optional
        Default: the case's language (``case.lang``).
    seed : int, default 0
    interval : int, default 1000
        Milliseconds per year while playing.
    title : str, optional
        Default: the opgave's name.

    Returns
    -------
    str
        The page.

    Examples
    --------
    >>> import opgavelab
    >>> page = formation_page(opgavelab.example(), "economie")
    >>> "olf-play" in page and "http://" not in page
    True
    """
    from .._checks import _check_lang

    lang = _check_lang(lang or getattr(case, "lang", None) or "nl")  # None: the case's language

    import html as _html

    from .._i18n import message
    from ..metrics.formation import formation_story
    from .interactive import _json_for_script

    data = formation_data(case, opgave, at=at, lang=lang, seed=seed, height=460)
    name = title or str(case.opgaven.at[opgave, "name"])
    story = formation_story(case, opgave, at=at, lang=lang)
    state = {"data": data, "year": data["years"][-1] if data["years"] else None, "selected_actor": "",
             "interval": int(interval)}
    esc = _html.escape
    script = _asset("formation.js") + "\n" + _asset("formation-page.js")
    if "</script" in script.lower():  # pragma: no cover - guards an edit of the assets
        msg = "The formation view's script contains '</script' and cannot be inlined."
        raise RuntimeError(msg)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="opgavelab">'
        f"<title>{esc(name)}</title><style>{_asset('formation.css')}{_asset('formation-page.css')}</style></head>"
        f"<body><h1>{esc(name)}</h1>"
        '<div id="opgavelab-formation"></div>'
        f'<p class="olf-page-story"><b>{esc(message("formation_story_head", lang))}.</b> {esc(story)}</p>'
        f'<p class="olf-page-foot">{esc(message("formation_caption", lang))} · {esc(_source(case))}</p>'
        f'<script type="application/json" id="opgavelab-formation-state">{_json_for_script(state)}</script>'
        f'<script type="module">{script}</script>'
        "</body></html>\n"
    )


def _source(case) -> str:
    from .style import _source_name

    return _source_name(case) or case.name


def write_formation_page(case, opgave: str, path, at=None, *, overwrite: bool = False, **kwargs) -> Path:
    """Write :func:`formation_page` to ``path`` (atomically; an existing file only with ``overwrite``)."""
    from ..io import atomic_write

    path = Path(path)
    page = formation_page(case, opgave, at=at, **kwargs)
    with atomic_write(path, overwrite=overwrite) as tmp:
        tmp.write_text(page, encoding="utf-8")
    return path
