"""The matplotlib renderer of a Scene: the network in an Axes, its names, legend, key and caption.

:meth:`opgavelab.draw.scene.Scene.figure` calls :func:`_scene_figure`;
:func:`draw_network` (public through :mod:`opgavelab.draw.static`) draws a
scene into any Axes. The figure helpers (sizes, title, caption, legend) serve
the charts of :mod:`opgavelab.draw.static` too. This module imports the
visual language (:mod:`opgavelab.draw.style`) and never ``draw.scene``,
``draw.static`` or ``draw.interactive``: they import it.
"""

from __future__ import annotations

import functools
import math
import textwrap
from typing import Any

import numpy as np
import pandas as pd

from .._checks import _check_one_of
from . import style as _style
from .style import EDGE_COLOUR, MARKER_AREA, OPGAVE_COLOUR, SPOKE_COLOUR, text

#: What these functions draw: a :class:`opgavelab.draw.scene.Scene`. Named here, not imported, because
#: ``draw.scene`` imports this module (``Scene.figure()`` calls :func:`_scene_figure`).
Scene = Any


#: Figure sizes in inches: A4 portrait and landscape, and a 16:9 slide.
FIGURE_SIZES: dict[str, tuple[float, float]] = {
    "A4": (8.27, 11.69),
    "A4-landscape": (11.69, 8.27),
    "16:9": (40 / 3, 7.5),
}

_INK = "#222222"
_MUTED = "#555555"
_FONT = {"title": 15, "subtitle": 10, "legend_title": 9.5, "legend": 8.5, "caption": 8, "axis": 9}


def _check_size(size) -> tuple[float, float]:
    if isinstance(size, tuple) and len(size) == 2 and all(isinstance(v, (int, float)) and v > 0 for v in size):
        return (float(size[0]), float(size[1]))
    _check_one_of("size", size, list(FIGURE_SIZES))
    return FIGURE_SIZES[size]


def _new_figure(size):
    from matplotlib.figure import Figure

    from ._agg import canvas_class

    w, h = _check_size(size)
    fig = Figure(figsize=(w, h), dpi=100, facecolor="white")
    canvas_class()(fig)  # Agg, to measure text with (no global backend is touched), each line laid out once
    _show_in_notebooks()
    return fig


def _show_in_notebooks() -> None:
    """Let IPython show our figures as pictures.

    The figures are made without pyplot (no global backend), so IPython does
    not know how to display them unless ``%matplotlib inline`` ran; register a
    PNG (and text) formatter for them once per session.
    """
    import sys

    if "IPython" not in sys.modules:  # not in a notebook: no need to import IPython (half a second)
        return
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return
    shell = get_ipython()
    if shell is None:
        return
    from matplotlib.figure import Figure

    png = shell.display_formatter.formatters["image/png"]
    if Figure in png.type_printers:
        return
    from IPython.core.pylabtools import print_figure

    png.for_type(Figure, lambda fig: print_figure(fig, "png", bbox_inches=None, dpi=110))


@functools.lru_cache(maxsize=4096)
def _wrap(s: str, width: int) -> str:
    """``s`` on lines of at most ``width`` characters, broken between words (remembered: the key tries each
    name at several widths for each font size)."""
    return "\n".join(textwrap.wrap(s, width=width, break_long_words=False, break_on_hyphens=False)) or s


def _caption_height(caption: str, width_in: float) -> float:
    """Inches the caption needs at the bottom of a figure ``width_in`` wide."""
    chars = int(width_in * 72 / (_FONT["caption"] * 0.55)) - 6
    n_lines = _wrap(caption, int(chars * 0.9)).count("\n") + 1 if caption else 0  # room for a measured rewrap
    return 0.2 + n_lines * _FONT["caption"] * 1.35 / 72


def _caption_text(fig, caption: str, notes=()) -> None:
    w_in = fig.get_figwidth()
    chars = int(w_in * 72 / (_FONT["caption"] * 0.55)) - 6
    body = _wrap(caption, chars)
    t = fig.text(0.035, 0.018, body, ha="left", va="bottom", fontsize=_FONT["caption"], color=_MUTED,
                 linespacing=1.35, gid="caption")
    # measured, not guessed: a line that would run past the right margin is wrapped shorter
    limit = fig.bbox.width * (1 - 2 * 0.035)
    renderer = _renderer(fig)
    while chars > 40 and t.get_window_extent(renderer).width > limit:
        chars = int(chars * 0.93)
        t.set_text(_wrap(caption, chars))


def _title(fig, title: str, subtitle: str | None) -> None:
    w_in = fig.get_figwidth()
    h_in = fig.get_figheight()
    chars = int(w_in * 72 / (_FONT["title"] * 0.58)) - 4
    top = 1 - 0.32 / h_in
    fig.text(0.035, top, _wrap(title, chars), ha="left", va="top", fontsize=_FONT["title"], fontweight="bold",
             color=_INK)
    if subtitle:
        n_lines = _wrap(title, chars).count("\n") + 1
        fig.text(0.035, top - (0.30 * n_lines + 0.04) / h_in, subtitle, ha="left", va="top",
                 fontsize=_FONT["subtitle"], color=_MUTED)


# --------------------------------------------------------------------------
# the network
# --------------------------------------------------------------------------

def _marker_diameters(n: int, axes_width_pt: float, compass: bool = False,
                      compact: bool = False) -> tuple[float, float]:
    """Smallest and largest marker diameter (points) for ``n`` actors."""
    factor = 0.55 if compass else 0.75
    if compact:
        d_max = float(np.clip(axes_width_pt * factor * 0.55 / math.sqrt(max(n, 1)), 3.0, 11.0))
    else:
        d_max = float(np.clip(axes_width_pt * factor / math.sqrt(max(n, 1)), 5.0, 20.0 if compass else 22.0))
    return d_max * 0.42, d_max


def _fit_label(name: str, diameter_pt: float, max_fs: float = 9.0, min_fs: float = 5.5) -> tuple[str, float]:
    """The opgave's name wrapped and sized to fit a circle of ``diameter_pt``."""
    fs = max_fs
    while fs >= min_fs - 1e-9:
        for chars in range(8, 26):
            lines = textwrap.wrap(name, width=chars, break_long_words=False) or [name]
            if len(lines) > 4:
                continue
            w = max(len(x) for x in lines) * fs * 0.62
            h = len(lines) * fs * 1.25
            # the box's diagonal must fit the circle (a little overlap is fine)
            if math.hypot(w, h) <= diameter_pt * 1.15:
                return "\n".join(lines), fs
        fs -= 0.5
    # no room: the smallest font, every word whole (a name is never cut)
    lines = textwrap.wrap(name, width=16, break_long_words=False) or [name]
    return "\n".join(lines), min_fs


def _limits(scene: Scene, compact: bool = False) -> tuple[float, float]:
    """Half-width and half-height of the view: room for names left and right, and the compass labels."""
    if scene.guides:
        return (1.25, 1.22) if compact else (1.6, 1.24)
    return (1.1, 1.1) if compact else (1.32, 1.1)


def _pt_per_unit(ax) -> float:
    """Points per data unit of an equal-aspect axes."""
    bbox = ax.get_position()
    fig = ax.figure
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    return min(bbox.width * fig.get_figwidth() / (x1 - x0), bbox.height * fig.get_figheight() / (y1 - y0)) * 72


def draw_network(scene: Scene, ax, *, names: bool = True, spokes: bool | None = None, compact: bool = False,
                 n_ref: int | None = None, key: bool = False,
                 limits: tuple[float, float] | None = None) -> list[tuple[int, str]]:
    """Draw a :class:`~opgavelab.draw.scene.Scene` into a matplotlib Axes.

    The axes get equal aspect and no frame. Used by :func:`network_figure`
    and :func:`small_multiples`; call it to put the network in your own
    figure.

    Parameters
    ----------
    scene : Scene
        From :func:`opgavelab.draw.build_scene`.
    ax : matplotlib.axes.Axes
    names : bool, default True
        Draw the names the scene asks for (``scene.nodes["show_label"]``).
    spokes : bool, optional
        Draw the spokes from the opgave; default: up to 1,000 actors.
    compact : bool, default False
        Smaller markers, opgave box and fonts, for small panels.
    n_ref : int, optional
        Size the markers as for a network of this many actors (so panels of
        one sheet share marker sizes).
    key : bool, default False
        Name every actor or, where there is no room, give it a number.
    limits : (float, float), optional
        Half-width and half-height of the view in layout units (default: room
        for names around the unit circle).

    Returns
    -------
    list of (int, str)
        The numbered actors, ``[(number, name), ...]``, for a key beside the
        figure (empty unless ``key``).

    Examples
    --------
    >>> import opgavelab
    >>> from matplotlib.figure import Figure
    >>> from opgavelab.draw import build_scene
    >>> scene = build_scene(opgavelab.example(), "zorg")
    >>> fig = Figure(); ax = fig.add_subplot()
    >>> numbered = draw_network(scene, ax)  # names that got no room: [(number, name), ...]
    """
    nodes, edges = scene.nodes, scene.edges
    n = len(nodes)
    ax.set_aspect("equal")
    ax.set_axis_off()
    xlim, ylim = limits or _limits(scene, compact)
    ax.set_xlim(-xlim, xlim)
    ax.set_ylim(-ylim, ylim)
    bbox = ax.get_position()
    fig = ax.figure
    pt_per_unit = min(bbox.width * fig.get_figwidth() / (2 * xlim), bbox.height * fig.get_figheight() / (2 * ylim)) * 72
    width_pt = pt_per_unit * 2.2
    d_min, d_max = _marker_diameters(n_ref or n, width_pt, compass=bool(scene.guides), compact=compact)

    if scene.guides:
        _draw_compass_guides(scene, ax, compact=compact)

    pos = nodes[["x", "y"]].to_numpy(dtype=float)
    ox, oy = (scene.opgave["x"], scene.opgave["y"]) if scene.opgave else (0.0, 0.0)
    if spokes is None:
        spokes = n <= 1000
    if spokes and scene.opgave and n:
        alpha = float(np.clip(18 / math.sqrt(n) * 0.12, 0.12, 0.6))
        segs = np.stack([np.broadcast_to([ox, oy], (n, 2)), pos], axis=1)
        # the view is set above: no data limits to find from 2,000 segments (autolim)
        ax.add_collection(_line_collection(segs, 0.6 if n < 200 else 0.35, colors=SPOKE_COLOUR, alpha=alpha,
                                           zorder=1), autolim=False)

    if len(edges):
        m = len(edges)
        alpha = float(np.clip(10 / math.sqrt(m), 0.15, 0.8))
        lw_scale = 1.0 if n < 150 else (0.6 if n < 800 else 0.35)
        by_line = {name: ls for name, ls, _ in list(_style._LINES) + [_style._UNKNOWN_LINE]}
        for line, group in edges.groupby("line", sort=False):
            segs = np.stack([pos[nodes.index.get_indexer(group["source"])],
                             pos[nodes.index.get_indexer(group["target"])]], axis=1)
            lws = (0.6 + 2.2 * group["width"].to_numpy(dtype=float)) * lw_scale
            ax.add_collection(_line_collection(segs, lws, colors=EDGE_COLOUR, linestyles=by_line[line],
                                               alpha=alpha, zorder=2, capstyle="butt"), autolim=False)

    # nodes: one collection of markers per (marker, aware) group
    diam = d_min + (d_max - d_min) * nodes["size"].to_numpy(dtype=float)
    nodes = nodes.assign(_d=diam)
    for (marker, aware), group in nodes.groupby(["marker", "aware"], sort=False):
        area = (group["_d"].to_numpy() ** 2) * MARKER_AREA.get(marker, 1.0)
        cols = group["colour"].tolist()
        xy_group = group[["x", "y"]].to_numpy(dtype=float)
        if aware:
            _markers(ax, xy_group, area, marker, facecolors=cols, edgecolors="white",
                     linewidths=0.6 if n < 500 else 0.25)
        else:
            _markers(ax, xy_group, area, marker, facecolors="white", edgecolors=cols,
                     linewidths=1.4 if n < 500 else 0.8, linestyles=(0, (2.2, 1.4)))

    # arrowheads on directed ties (a head only: the line is drawn above)
    if len(edges) and edges["directed"].any() and int(edges["directed"].sum()) <= 400:
        from ._arrowheads import ArrowHeads

        arcs = edges.loc[edges["directed"], ["source", "target"]]
        ax.add_artist(ArrowHeads(pos[nodes.index.get_indexer(arcs["source"])],
                                 pos[nodes.index.get_indexer(arcs["target"])],
                                 nodes["_d"].reindex(arcs["target"]).to_numpy(dtype=float) / 2 + 1.0))

    if scene.opgave:
        hole = scene.guides.get("hub_radius", 0.14) if scene.guides else 0.14
        # in the compass the box stays inside the hub, clear of the inner ring and its actors
        label, fs = _fit_label(scene.opgave["name"], 2 * hole * pt_per_unit * (0.8 if scene.guides else 0.9),
                               max_fs=9.0,
                               min_fs=4.5 if compact else 5.5)
        ax.text(ox, oy, label, ha="center", va="center", fontsize=fs, fontweight="bold", color="white", zorder=6,
                linespacing=1.1, bbox=dict(boxstyle="round,pad=0.35", fc=OPGAVE_COLOUR, ec="none"))

    if names and n:
        return _draw_names(ax, nodes, pt_per_unit, compact=compact, key=key)
    return []


def _line_collection(segs: np.ndarray, linewidths: np.ndarray, **style):
    """``LineCollection(segs, linewidths=linewidths, **style)`` for many segments (m × 2 × 2), made quicker:
    the dash pattern is scaled to each width once, not twice (the constructor sets the widths before the
    style, and each scales the pattern again), and each segment's path is made as matplotlib makes its own
    quick copies (no checks and settings looked up 20,000 times). The same collection, the same pixels."""
    from matplotlib.collections import LineCollection
    from matplotlib.path import Path

    fast = getattr(Path, "_fast_from_codes_and_verts", None)
    if fast is None or len(segs) == 0:  # pragma: no cover - another matplotlib
        return LineCollection(segs, linewidths=linewidths, **style)
    lines = LineCollection((), **style)
    template = Path(segs[0])  # what a two-point path has: no simplification, one interpolation step
    lines._paths = [fast(seg, None, template) for seg in segs]
    lines.set_linewidth(linewidths)
    return lines


def _markers(ax, xy: np.ndarray, area: np.ndarray, marker: str, **style) -> None:
    """The actors' markers: what ``ax.scatter(x, y, s=area, marker=marker, zorder=4, clip_on=False, **style)``
    draws for a filled marker, made directly (scatter's checks of its many argument forms took five times as
    long as the collection itself). The view is set before: no data limits are updated."""
    from matplotlib.collections import PathCollection
    from matplotlib.markers import MarkerStyle
    from matplotlib.transforms import IdentityTransform

    shape = MarkerStyle(marker)
    if not shape.is_filled():  # '+', 'x': scatter's own rules for their colours
        ax.scatter(xy[:, 0], xy[:, 1], s=area, marker=marker, zorder=4, clip_on=False, **style)
        return
    markers = PathCollection((shape.get_path().transformed(shape.get_transform()),), area, offsets=xy,
                             offset_transform=ax.transData, zorder=4, **style)
    markers.set_transform(IdentityTransform())
    markers.set_clip_on(False)
    ax.add_collection(markers, autolim=False)


def _label_text(name: str, width: int = 22) -> str:
    """A name on at most a few lines, broken between words only (never cut)."""
    name = " ".join(str(name).split())
    if len(name) <= width:
        return name
    lines = textwrap.wrap(name, width=max(width, math.ceil(len(name) / 2) + 1), break_long_words=False,
                          break_on_hyphens=False)
    return "\n".join(lines) or name


def _box(anchor_px, off_px, w, h, ha, va):
    """(x0, y0, x1, y1) of a text w×h pixels at ``anchor + offset`` with alignment ha/va."""
    x = anchor_px[0] + off_px[0]
    y = anchor_px[1] + off_px[1]
    x0 = x if ha == "left" else (x - w if ha == "right" else x - w / 2)
    y0 = y if va == "bottom" else (y - h if va == "top" else y - h / 2)
    return (x0, y0, x0 + w, y0 + h)


def _candidates(r_pt: float, gaps=(1.5,), n_dirs: int = 8):
    """Offsets (points) and alignments around a marker of radius ``r_pt``, nearest first."""
    out = []
    for gap in gaps:
        d = r_pt + gap
        for k in range(n_dirs):
            a = 2 * math.pi * k / n_dirs
            c, s = math.cos(a), math.sin(a)
            ha = "left" if c > 0.3 else ("right" if c < -0.3 else "center")
            va = "bottom" if s > 0.3 else ("top" if s < -0.3 else "center")
            out.append((d * c, d * s, ha, va, gap > 4))
    order = [0, 4, 2, 6, 1, 3, 5, 7]  # right, left, up, down, then the diagonals
    if n_dirs == 8:
        out = [o for g in range(len(gaps)) for o in [out[g * 8 + i] for i in order]]
    return out


#: With a key, the most central actors that get a name or a number, and the most numbers in a key.
KEY_ACTORS = 150
KEY_NUMBERS = 60

_HALO = dict(boxstyle="square,pad=0.08", fc="white", ec="none", alpha=0.8)


def _draw_names(ax, nodes: pd.DataFrame, pt_per_unit: float, *, compact: bool, halo=None,
                key: bool = False) -> list[tuple[int, str]]:
    """Place the names: most central first, never over another name or a marker.

    A name is drawn as SVG text (its white halo is a box behind it, not a
    path effect). With ``key=True`` the most central actors that get no
    room for their name get a number next to their marker (at most
    :data:`KEY_NUMBERS`, and a number never covers a name); the numbers are
    returned as ``[(number, full name), ...]`` for a key beside the figure. The most
    central actors (rank 1 to 3) are always named, with a thin leader line
    when they need to stand further away.
    """
    placer = _NamePlacer(ax, nodes, compact=compact)
    labels = nodes["label"] if "label" in nodes.columns else nodes["name"]
    # with a key: the KEY_ACTORS most central actors get a name or, where there is no room, a number (at most
    # KEY_NUMBERS numbers: a longer key is not read); in a larger network the others show in the exports
    chosen = nodes[nodes["rank"] <= KEY_ACTORS].sort_values("rank") if key else \
        nodes[nodes["show_label"]].sort_values("rank")
    unnamed = [v for v, row in chosen.iterrows()
               if not placer.name(v, _label_text(labels[v], 16 if compact else 22), int(row["rank"]), key)]
    if not key:
        return []
    order = sorted(unnamed, key=lambda u: (int(nodes.at[u, "rank"]), str(nodes.at[u, "name"])))
    numbered: list[tuple[int, str]] = []
    for v in order:  # the most central first; an actor with no room even for a number is left out
        if len(numbered) == KEY_NUMBERS:
            break
        name = placer.number(v, len(numbered) + 1)
        if name is not None:
            numbered.append((len(numbered) + 1, name))
    return numbered


#: Widths of names in pixels, per (font files, size in points, dots per inch, hinting): see ``_NamePlacer.measure``.
_WIDTHS: dict = {}


class _NamePlacer:
    """Where names and numbers may still go in one network Axes, in display pixels.

    ``taken`` holds every text already in the axes (opgave box, ring and
    sector labels), ``markers`` every marker's box, ``placed`` each name or
    number placed so far.
    """

    def __init__(self, ax, nodes: pd.DataFrame, *, compact: bool):
        fig = ax.figure
        self.ax, self.nodes = ax, nodes
        self.renderer = _renderer(fig)
        ax.apply_aspect()  # the box the axes will have when drawn (equal aspect)
        n = len(nodes)
        self.fs = 6.0 if compact else (8.0 if n <= 60 else 7.0)
        self.px_per_pt = fig.dpi / 72
        frame = ax.get_window_extent(self.renderer)
        self.frame = (frame.x0 - 2, frame.y0 - 2, frame.x1 + 2, frame.y1 + 2)
        self.taken = self._texts_in_axes()
        self.taken_array = np.asarray(self.taken, dtype=float).reshape(-1, 4)
        self.centres = ax.transData.transform(nodes[["x", "y"]].to_numpy(dtype=float))
        radii = nodes["_d"].to_numpy(dtype=float) / 2 * self.px_per_pt
        c = self.centres
        self.markers = (np.column_stack([c[:, 0] - radii, c[:, 1] - radii, c[:, 0] + radii, c[:, 1] + radii])
                        if n else np.zeros((0, 4)))
        self.where = {v: i for i, v in enumerate(nodes.index)}
        self.xy_d = [(float(x), float(y), float(d)) for x, y, d in
                     zip(nodes["x"].to_numpy(float), nodes["y"].to_numpy(float), nodes["_d"].to_numpy(float))]
        self.placed: list[tuple] = []
        self.leaders = None
        self._metrics: dict = {}

    def _texts_in_axes(self) -> list[tuple]:
        from matplotlib.text import Text

        taken = []
        for t in self.ax.texts:
            if not t.get_text():  # arrowheads are empty annotations
                continue
            if hasattr(t, "update_positions"):
                t.update_positions(self.renderer)
            bb = Text.get_window_extent(t, self.renderer)  # the text, not an annotation's arrow
            pad = 3.5 * self.px_per_pt if t.get_bbox_patch() is not None else 1.0
            taken.append((bb.x0 - pad, bb.y0 - pad, bb.x1 + pad, bb.y1 + pad))
        return taken

    def measure(self, s: str, size: float, weight="normal"):
        """Width and height of ``s`` in pixels, with the renderer's own text metrics, line by line, as
        matplotlib lays out a text (linespacing 1.05): far quicker than making a Text for each name.

        The font is looked up once per size and weight and each line measured once per font, size,
        resolution and hinting (what ``RendererAgg.get_text_width_height_descent`` does, without finding the
        font again every time; a report's network and compass figures name the same actors)."""
        from matplotlib.backends.backend_agg import get_hinting_flag

        key = (size, weight)
        if key not in self._metrics:
            from matplotlib.font_manager import FontProperties, fontManager, get_font

            prop = FontProperties(size=size, weight=weight)
            _, lp_h, lp_d = self.renderer.get_text_width_height_descent("lp", prop, ismath=False)
            paths = fontManager._find_fonts_by_props(prop)
            font = get_font(paths)
            flags = get_hinting_flag()
            widths = _WIDTHS.setdefault((tuple(map(str, paths)), prop.get_size_in_points(), self.renderer.dpi,
                                         str(flags)), {})
            self._metrics[key] = (font, prop.get_size_in_points(), lp_h, lp_d, widths, flags)
        font, points, lp_h, lp_d, widths, flags = self._metrics[key]
        lines = s.split("\n")
        missing = [line for line in lines if line not in widths]
        if missing:
            if len(widths) > 20_000:  # a long session of many figures: start again
                widths.clear()
            font.clear()
            font.set_size(points, self.renderer.dpi)
            for line in missing:
                font.set_text(line, 0.0, flags=flags)
                widths[line] = font.get_width_height()[0] / 64.0
        w = max(widths[line] for line in lines)
        h = lp_h + (len(lines) - 1) * (lp_h - lp_d) * 1.05
        return w + 1.2 * self.px_per_pt, h + 1.2 * self.px_per_pt

    def _first_free(self, boxes: np.ndarray, own: int, markers_too: bool) -> int | None:
        """The index of the first of ``boxes`` (k × 4: x0, y0, x1, y1) that lies in the frame and touches no
        placed name, no other text and (with ``markers_too``) no marker but actor ``own``'s; None if none."""
        fx0, fy0, fx1, fy1 = self.frame
        x0, y0, x1, y1 = (boxes[:, j:j + 1] for j in range(4))
        ok = ((x0 >= fx0) & (x1 <= fx1) & (y0 >= fy0) & (y1 <= fy1))[:, 0]
        others = [self.taken_array]
        if self.placed:
            others.append(np.asarray(self.placed, dtype=float))
        if markers_too:  # the markers near the boxes at all, but actor own's
            m = self.markers
            near = ((m[:, 0] < boxes[:, 2].max()) & (m[:, 2] > boxes[:, 0].min())
                    & (m[:, 1] < boxes[:, 3].max()) & (m[:, 3] > boxes[:, 1].min()))
            near[own] = False
            others.append(m[near])
        for b in others:
            if len(b):
                hit = (x0 < b[:, 2]) & (x1 > b[:, 0]) & (y0 < b[:, 3]) & (y1 > b[:, 1])
                ok &= ~hit.any(axis=1)
        free = np.flatnonzero(ok)
        return int(free[0]) if len(free) else None

    def put(self, i: int, s: str, size: float, cands, weight="normal", markers_too=True) -> bool:
        """Draw ``s`` at the first free candidate place beside actor ``i``; False when none is free."""
        w, h = self.measure(s, size, weight)
        boxes = np.asarray([_box(self.centres[i], (dx * self.px_per_pt, dy * self.px_per_pt), w, h, ha, va)
                            for dx, dy, ha, va, far in cands], dtype=float)
        k = self._first_free(boxes, i, markers_too)
        if k is None:
            return False
        dx, dy, ha, va, far = cands[k]
        x, y, d = self.xy_d[i]
        name = self.ax.annotate(s, (x, y), xytext=(dx, dy), textcoords="offset points", ha=ha,
                                va=va, fontsize=size, fontweight=weight, color="#111111", zorder=7,
                                linespacing=1.05, bbox=_HALO, gid="name")
        if far:  # a thin line from the name to its actor's marker
            if self.leaders is None:
                from ._arrowheads import Leaders

                self.leaders = self.ax.add_artist(Leaders())
            self.leaders.add(name, (x, y), d / 2)
        self.placed.append(tuple(boxes[k]))
        return True

    def name(self, v, name: str, rank: int, key: bool) -> bool:
        """Place actor ``v``'s name; the five most central try further away (with a leader line) and,
        failing that, over other markers. False when it found no room."""
        i = self.where[v]
        r_pt = float(self.nodes.at[v, "_d"]) / 2
        top = rank <= 5
        gaps = (1.5, 6.0, 14.0, 24.0, 34.0) if top else ((1.5, 7.0) if key else (1.5,))
        cands = _candidates(r_pt, gaps[:1]) + _candidates(r_pt, gaps[1:], n_dirs=16) if len(gaps) > 1 else \
            _candidates(r_pt, gaps)
        return self.put(i, name, self.fs, cands) or (top and self.put(i, name, self.fs, cands, markers_too=False))

    def number(self, v, number: int) -> str | None:
        """Place ``number`` beside actor ``v``: where it is free; else over other markers or on its own,
        but never over a name. Returns the full name, or None when there is no such place."""
        i = self.where[v]
        r_pt = float(self.nodes.at[v, "_d"]) / 2
        s, size = str(number), self.fs - 0.5
        cands = _candidates(r_pt, (0.8,)) + _candidates(r_pt, (4.0, 9.0), n_dirs=16)
        on_marker = [(0.0, 0.0, "center", "center", False)]
        if self.put(i, s, size, cands, weight="bold") or \
                self.put(i, s, size, cands + on_marker, weight="bold", markers_too=False):
            return str(self.nodes.at[v, "name"])
        return None


def _renderer(fig):
    """A renderer to measure text with, whatever canvas the figure has."""
    get = getattr(fig.canvas, "get_renderer", None)
    return get() if get is not None else fig._get_renderer()


def _draw_compass_guides(scene: Scene, ax, *, compact: bool) -> None:
    from matplotlib.patches import Circle, Wedge

    g = scene.guides
    rings, sectors = g["rings"], g["sectors"]
    r_outer = rings[-1]["r_outer"] if rings else 1.0
    r_hub = g.get("hub_radius", 0.0)
    for s in sectors:
        ax.add_patch(Wedge((0, 0), r_outer, math.degrees(s["start"]), math.degrees(s["end"]),
                           width=r_outer - r_hub, facecolor=s["colour"], alpha=0.07, edgecolor="none", zorder=0))
    for i, r in enumerate(rings):
        ax.add_patch(Circle((0, 0), r["r_outer"], fill=False, edgecolor="#CFCFCF", linewidth=0.7, zorder=0.5))
    ax.add_patch(Circle((0, 0), r_hub, fill=False, edgecolor="#CFCFCF", linewidth=0.7, zorder=0.5))
    fs = 5.5 if compact else 7
    if not compact and rings:
        # each ring's name on the free spoke, in the middle of its ring, turned to run along the ring (upright),
        # as large as the ring's width allows (a thin outer ring gets a smaller name, never under 5 pt)
        a = _free_spoke(scene)
        ca, sa = math.cos(a), math.sin(a)
        rot = math.degrees(a) - 90.0
        rot = (rot + 90.0) % 180.0 - 90.0
        pt_per_unit = _pt_per_unit(ax)
        halo = dict(boxstyle="square,pad=0.05", fc="white", ec="none", alpha=0.85)
        for r in rings:
            mid = (r["r_inner"] + r["r_outer"]) / 2
            size = min(fs, (r["r_outer"] - r["r_inner"]) * pt_per_unit * 0.78)
            if size < 5.0:
                continue
            ax.text(mid * ca, mid * sa, r["label"], rotation=rot, rotation_mode="anchor", ha="center",
                    va="center", fontsize=size, color="#555555", zorder=3.5, gid="guide", bbox=halo)
    for s in sectors:
        mid = (s["start"] + s["end"]) / 2
        rr = r_outer + 0.06
        x, y = rr * math.cos(mid), rr * math.sin(mid)
        ha = "left" if math.cos(mid) > 0.2 else ("right" if math.cos(mid) < -0.2 else "center")
        va = "bottom" if math.sin(mid) > 0.2 else ("top" if math.sin(mid) < -0.2 else "center")
        # a sector's name is never covered: names of actors keep clear of it (it is not a "guide")
        ax.text(x, y, _wrap(s["label"], 18), ha=ha, va=va, fontsize=fs + 1.5, fontweight="bold", color=s["colour"],
                zorder=6.5, gid="sector",
                bbox=dict(boxstyle="square,pad=0.05", fc="white", ec="none", alpha=0.85))


def _free_spoke(scene: Scene) -> float:
    """The angle (radians) of a spoke with the fewest actors near it, near the top: where the ring names go."""
    return _style.free_spoke(scene.guides, scene.nodes["x"].to_numpy(dtype=float),
                             scene.nodes["y"].to_numpy(dtype=float))


# --------------------------------------------------------------------------
# legend
# --------------------------------------------------------------------------

def _legend_groups(scene: Scene) -> list[tuple[str, list]]:
    """``[(title, [(handle, label), ...]), ...]`` for the legend; a handle is ``(kind, properties)``,
    drawn by :func:`_legend_handle` (``"marker"``, ``"line"``, ``"box"``, ``"hollow"``, ``"arrow"``, ``"sizes"``)."""
    lang = scene.lang
    lg = scene.legend
    groups = []
    items = []
    for value, label in lg["types"]:
        c = scene.colours.get(value, _style.UNKNOWN_COLOUR)
        items.append((("marker", dict(marker="o", markersize=9, markerfacecolor=c, markeredgecolor="white")), label))
    groups.append((lg.get("colour_title") or text("actor_type", lang), items))
    items = []
    for value, label in lg["scales"]:
        marker = scene.shapes.get(value, _style._UNKNOWN_SHAPE)[0]
        ms = 8.5 * math.sqrt(MARKER_AREA.get(marker, 1.0))
        items.append((("marker", dict(marker=marker, markersize=ms, markerfacecolor="#6B6B6B",
                                      markeredgecolor="white")), label))
    groups.append((text("scale", lang), items))
    items = []
    by_line = {name: ls for name, ls, _ in list(_style._LINES) + [_style._UNKNOWN_LINE]}
    for value, label in lg["ties"]:
        line = scene.lines.get(value, _style._UNKNOWN_LINE)[0]
        items.append((("line", dict(color=EDGE_COLOUR, linestyle=by_line[line], linewidth=1.6)), label))
    if items:
        groups.append((text("tie_type", lang), items))
    groups.append((text("also", lang), _legend_also(scene)))
    return groups


def _legend_also(scene: Scene) -> list:
    """The legend's last group: the opgave, spokes, awareness, arrows, sizes, widths, formation boxes."""
    lang, lg = scene.lang, scene.legend
    items = []
    if scene.opgave:
        items.append((("box", dict(facecolor=OPGAVE_COLOUR, edgecolor="none")), text("opgave_node", lang)))
    if scene.opgave and not lg.get("formation") and 0 < len(scene.nodes) <= 1000:
        items.append((("line", dict(color=SPOKE_COLOUR, linewidth=0.8)), text("fig_spoke", lang)))
    if lg["not_aware"]:
        items.append((("hollow", {}), text("not_aware", lang)))
    if lg.get("directed"):
        items.append((("arrow", {}), text("directed", lang)))
    if lg.get("size"):
        items.append((("sizes", {}), text("size", lang, metric=lg["size"])))
    if len(scene.edges) and scene.edges["width"].nunique() > 1 and not lg.get("formation"):
        items.append((("line", dict(color=EDGE_COLOUR, linewidth=2.6)), text("width", lang)))
    if lg.get("formation"):
        # formation views: the parts' boxes and the ties that joined parts (no opgave spokes there)
        from .style import JOIN_COLOUR, PART_EDGE, PART_FILL

        items.append((("box", dict(facecolor=PART_FILL, edgecolor=PART_EDGE)), lg["formation"]["part"]))
        items.append((("line", dict(color=JOIN_COLOUR, linewidth=2.6)), lg["formation"]["join"]))
    return items


#: The legend's measures in points, as matplotlib's legend has them at our font size: a handle 2.2 font
#: sizes long and 0.7 high, 0.8 between handle and label, 0.5 between rows and under the title.
_LEGEND_FS = _FONT["legend"]
_HANDLE_W, _HANDLE_H = 2.2 * _LEGEND_FS, 0.7 * _LEGEND_FS
_HANDLE_PAD, _ROW_GAP = 0.8 * _LEGEND_FS, 0.5 * _LEGEND_FS


def _legend_handle(kind: str, props: dict, x: float, yc: float, transform) -> list:
    """The artists of one legend handle whose box starts at ``x`` and is centred on ``yc`` (points)."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Circle, FancyArrow, Rectangle

    w, h = _HANDLE_W, _HANDLE_H
    if kind == "marker":
        return [Line2D([x + w / 2], [yc], linestyle="", transform=transform, **props)]
    if kind == "line":
        return [Line2D([x, x + w], [yc, yc], transform=transform, **props)]
    if kind == "box":
        return [Rectangle((x, yc - h / 2), w, h, transform=transform, **props)]
    if kind == "hollow":  # a hollow circle with a dashed outline: not aware of taking part
        return [Circle((x + w / 2, yc), h * 0.55, facecolor="white", edgecolor="#6B6B6B", linewidth=1.3,
                       linestyle=(0, (2.2, 1.4)), transform=transform)]
    if kind == "arrow":
        return [FancyArrow(x, yc, w * 0.9, 0, width=0.4, head_width=h * 0.6, head_length=w * 0.3,
                           length_includes_head=True, color=EDGE_COLOUR, transform=transform)]
    # "sizes": three circles of growing size
    return [Circle((x + w * (0.12 + 0.33 * i), yc), h * r, facecolor="#8C8C8C", edgecolor="white",
                   transform=transform) for i, r in enumerate((0.22, 0.36, 0.52))]


#: Sizes of legend texts in points: see ``_LegendGroup._size``.
_TEXT_SIZES: dict = {}


class _LegendGroup:
    """One legend group on a figure: its title, its label texts and its handles, laid out in points.

    Drawn as plain texts and small artists (not a matplotlib Legend): each text
    is measured once when the group is made, where a Legend measures its texts
    again in every layout pass of every drawing (a fifth of writing a report).
    """

    def __init__(self, fig, title: str, items: list, width: int, transform):
        self.fig, self.transform = fig, transform
        self.handles = [handle for handle, _ in items]
        self.title = fig.text(0, 0, title, fontsize=_FONT["legend_title"], fontweight="bold", color="black",
                              ha="left", va="top", transform=transform, gid="legend")
        self.labels = [fig.text(0, 0, _wrap(label, width), fontsize=_LEGEND_FS, color="black", ha="left",
                                va="top", transform=transform, gid="legend") for _, label in items]
        renderer = _renderer(fig)
        pt = 72 / fig.dpi
        self.title_wh = self._size(self.title, renderer, pt)
        self.label_wh = [self._size(t, renderer, pt) for t in self.labels]
        self.width = max(self.title_wh[0], _HANDLE_W + _HANDLE_PAD + max((w for w, _ in self.label_wh), default=0))
        self.height = self.title_wh[1] + sum(_ROW_GAP + max(h, _HANDLE_H) for _, h in self.label_wh)
        self.extent = (0.0, 0.0, 0.0, 0.0)

    @staticmethod
    def _size(t, renderer, pt: float) -> tuple[float, float]:
        """Width and height of text ``t`` in points, measured once per text, font, place and resolution: the
        legend is measured on a scratch figure for its height and again on the figure (the same sizes)."""
        import matplotlib as mpl

        key = (t.get_text(), t.get_fontproperties().copy(), getattr(t, "_linespacing", None), t.get_rotation(),
               t.get_ha(), t.get_va(), tuple(t.get_transform().transform(t.get_unitless_position())),
               type(renderer), renderer.dpi, pt, mpl.rcParams["text.hinting"],
               mpl.rcParams["text.hinting_factor"], mpl.rcParams["text.kerning_factor"])
        size = _TEXT_SIZES.get(key)
        if size is None:
            if len(_TEXT_SIZES) > 2_000:  # a long session of many figures: start again
                _TEXT_SIZES.clear()
            bb = t.get_window_extent(renderer)
            size = _TEXT_SIZES[key] = (bb.width * pt, bb.height * pt)
        return size

    def place(self, x: float, top: float) -> None:
        """Put the group's top left corner at ``(x, top)`` (points) and draw its handles."""
        self.title.set_position((x, top))
        y = top - self.title_wh[1]
        for (kind, props), t, (_, h) in zip(self.handles, self.labels, self.label_wh):
            y -= _ROW_GAP
            t.set_position((x + _HANDLE_W + _HANDLE_PAD, y))
            first_line = h / (t.get_text().count("\n") + 1)
            for artist in _legend_handle(kind, props, x, y - first_line / 2, self.transform):
                self.fig.add_artist(artist)
            y -= max(h, _HANDLE_H)
        self.extent = (x, top - self.height, x + self.width, top)

    def get_title(self):
        """The title's Text (as a matplotlib Legend has)."""
        return self.title

    def get_window_extent(self, renderer=None):
        """The group's box in display pixels (as a matplotlib Legend has)."""
        from matplotlib.transforms import Bbox

        x0, y0, x1, y1 = self.extent
        return Bbox.from_extents(*self.transform.transform([(x0, y0), (x1, y1)]).ravel())


def _draw_legend(fig, scene: Scene, rect: tuple[float, float, float, float], orientation: str) -> float:
    """Legend groups in ``rect`` (figure fraction): side by side (``"row"``) or stacked.

    Each group is measured before it is placed, so the next one goes right
    next to (or below) it; the groups are kept as ``fig._opgavelab_legend``.
    Returns the height used, in figure fraction.
    """
    from matplotlib.transforms import Affine2D

    groups = [g for g in _legend_groups(scene) if g[1]]
    if not groups:
        return 0.0
    points = Affine2D().scale(1 / 72) + fig.dpi_scale_trans  # legend geometry in points from the lower left
    fw, fh = fig.get_figwidth() * 72, fig.get_figheight() * 72
    x0, y0, w, h = rect[0] * fw, rect[1] * fh, rect[2] * fw, rect[3] * fh
    x, y = x0, y0 + h
    row_bottom = y
    gap_x, gap_y = 0.25 * 72, 0.16 * 72
    made = []
    for title, items in groups:
        group = _LegendGroup(fig, title, items, 26 if orientation == "row" else 34, points)
        if orientation == "row":
            if x > x0 and x + group.width > x0 + w:  # wrap to a new row
                x, y = x0, row_bottom - gap_y
            group.place(x, y)
            row_bottom = min(row_bottom, y - group.height)
            x += group.width + gap_x
        else:
            group.place(x, y)
            row_bottom = y - group.height
            y -= group.height + gap_y
        made.append(group)
    fig._opgavelab_legend = getattr(fig, "_opgavelab_legend", []) + made
    return ((y0 + h) - row_bottom) / fh


def _legend_height(scene: Scene, width_in: float, orientation: str = "row") -> float:
    """Height in inches the legend needs (drawn once on a scratch figure)."""
    fig = _new_figure((width_in + 0.2, 12.0))
    used = _draw_legend(fig, scene, (0.0, 0.0, width_in / (width_in + 0.2), 1.0), orientation)
    return used * 12.0


def _stretched(scene: Scene, xlim: float, ylim: float, fx: float, fy: float):
    """The scene with its positions and view stretched by ``fx`` across and ``fy`` up."""
    import dataclasses

    nodes = scene.nodes.copy()
    nodes["x"] = nodes["x"].to_numpy(dtype=float) * fx
    nodes["y"] = nodes["y"].to_numpy(dtype=float) * fy
    opgave = dict(scene.opgave, x=scene.opgave["x"] * fx, y=scene.opgave["y"] * fy) if scene.opgave else None
    return dataclasses.replace(scene, nodes=nodes, opgave=opgave), xlim * fx, ylim * fy


def _draw_key(fig, entries: list[tuple[int, str]], rect, lang: str) -> None:
    """The numbered actors in columns inside ``rect`` (figure fraction), as large as fits."""
    x0, y0, w, h = rect
    fw, fh = fig.get_figwidth(), fig.get_figheight()
    w_in, h_in = w * fw, h * fh
    for fs in (8.0, 7.5, 7.0, 6.5, 6.0, 5.5, 5.0):
        line_in = fs * 1.42 / 72
        title = _wrap(text("fig_key_title", lang), max(int(w_in / ((fs + 1.5) * 0.62 / 72)), 8))  # a narrow key
        title_in = (fs + 1.5) * (1.6 + 1.2 * title.count("\n")) / 72
        char_in = fs * 0.55 / 72
        # columns at least 22 characters wide: a name wraps, but never runs into the next column
        most = max(1, min(5, int(w_in / (27 * char_in))))
        for ncols in range(1, most + 1):
            col_in = w_in / ncols
            chars = int(col_in / char_in) - 5
            wrapped = [_wrap(name, chars) for _, name in entries]
            rows = [s.count("\n") + 1 for s in wrapped]
            per_col = math.ceil(sum(rows) / ncols)
            # fill columns in order
            cols, used = [[]], 0
            for i, r in enumerate(rows):
                if used + r > per_col + 1 and len(cols) < ncols:
                    cols.append([])
                    used = 0
                cols[-1].append(i)
                used += r
            tallest = max(sum(rows[i] for i in c) for c in cols)
            if title_in + tallest * line_in <= h_in or (fs == 5.0 and ncols == most):
                fig.text(x0, y0 + h, title, ha="left", va="top", fontsize=fs + 1.5,
                         fontweight="bold", color=_INK, gid="key")
                for j, c in enumerate(cols):
                    y = y0 + h - title_in / fh
                    for i in c:
                        num, _ = entries[i]
                        fig.text(x0 + j * col_in / fw, y, f"{num}", ha="left", va="top", fontsize=fs,
                                 fontweight="bold", color=_INK, gid="key")
                        fig.text(x0 + j * col_in / fw + fs * 2.4 / 72 / fw, y, wrapped[i], ha="left", va="top",
                                 fontsize=fs, color=_INK, linespacing=1.15, gid="key")
                        y -= rows[i] * line_in / fh
                return


#: Up to this many actors a network's key is short (most actors get their name): 0.5 inch is kept for it.
_SHORT_KEY = 40


def _key_room(n: int) -> float:
    """Inches kept under the legend for the key of numbers of a network of ``n`` actors: a short key for a
    small network; for a larger one, :data:`KEY_NUMBERS` entries in five columns at 6 points."""
    if n <= _SHORT_KEY:
        return 0.5
    entries = min(n, KEY_NUMBERS)
    rows = math.ceil(entries * 1.15 / 5)  # about one in seven names takes two lines
    return (6.0 + 1.5) * 1.6 / 72 + rows * 6.0 * 1.42 / 72 + 0.1


def _names_caption(scene: Scene, caption: str, shown: int) -> str:
    """The caption, with, in a large network, who has a name or number and where the other names are."""
    if not 0 < shown < len(scene.nodes):
        return caption
    from .._i18n import fmt_number

    return f"{caption} · " + text("fig_names_part", scene.lang, k=fmt_number(shown, scene.lang, 0),
                                  n=fmt_number(len(scene.nodes), scene.lang, 0))


def _scene_figure(scene: Scene, *, size="A4", title: str | None = None):
    """:meth:`Scene.figure`: the network on the page, the legend beside or below it, the key, the caption."""
    w, h = _check_size(size)
    if scene.guides and scene.caption and not getattr(scene, "_how_to_read", False):
        import dataclasses

        how = text("fig_compass_caption", scene.lang)
        scene = dataclasses.replace(scene, caption=f"{how} {scene.caption}")
    fig = _new_figure((w, h))
    _title(fig, title or scene.title, scene.subtitle)
    # room for the caption as it will read: with the sentence on who has a name or number, in a large network
    cap_h = _caption_height(_names_caption(scene, scene.caption, len(scene.nodes) - 1), w) / h
    key_in = _key_room(len(scene.nodes))
    xlim, ylim = _limits(scene)
    aspect = xlim / ylim
    # a force layout has no fixed shape: stretched (up to 1.3 times) it fills the page's free height or width
    stretchable = not scene.guides and len(scene.nodes) > 1
    if w / h < 1.0:
        # portrait: network on top, legend in rows below, then the key of numbers
        leg_in = _legend_height(scene, w * 0.92)
        top = 1 - 0.95 / h
        bottom = cap_h + (leg_in + 0.35) / h
        ax_w = 0.96 * w
        free_h = (top - bottom) * h - (key_in if stretchable else 0.0)  # room for the key
        if stretchable and free_h > ax_w / aspect:
            factor = min(1.3, free_h / (ax_w / aspect))
            scene, xlim, ylim = _stretched(scene, xlim, ylim, 1.0, factor)
            aspect = xlim / ylim
        ax_h = min((top - bottom) * h - (key_in if len(scene.nodes) > _SHORT_KEY else 0.0), ax_w / aspect)
        ax_w = min(ax_w, ax_h * aspect)
        ax = fig.add_axes((0.5 - ax_w / w / 2, top - ax_h / h, ax_w / w, ax_h / h))
        leg_top = (top - ax_h / h) - 0.1 / h
        used = _draw_legend(fig, scene, (0.05, cap_h + 0.15 / h, 0.92, leg_top - cap_h - 0.15 / h), "row")
        key_rect = (0.05, cap_h + 0.15 / h, 0.92, leg_top - used - 0.2 / h - cap_h - 0.15 / h)
    else:
        # landscape: a square network on the left, the legend right next to it, the key under the legend
        top = 1 - 0.95 / h
        bottom = cap_h + 0.1 / h
        ax_h = (top - bottom) * h
        share = 0.62 if len(scene.nodes) <= _SHORT_KEY else 0.52  # a long key needs room beside the legend
        if stretchable and ax_h * aspect < w * share:
            factor = min(1.3, w * share / (ax_h * aspect))
            scene, xlim, ylim = _stretched(scene, xlim, ylim, factor, 1.0)
            aspect = xlim / ylim
        ax_w = min(ax_h * aspect, w * share)
        ax_h = ax_w / aspect
        ax = fig.add_axes((0.02, bottom, ax_w / w, ax_h / h))
        left = 0.02 + ax_w / w + 0.2 / w
        used = _draw_legend(fig, scene, (left, bottom, 0.98 - left, top - bottom - 0.3 / h), "column")
        # a tall legend: the key goes beside it, clear of its widest label
        beside = max(g.extent[2] for g in fig._opgavelab_legend) / (w * 72) + 0.15 / w if used else left
        if used > 0.55 * (top - bottom) and (0.98 - beside) * w >= 1.3:
            key_rect = (beside, bottom, 0.98 - beside, top - bottom - 0.3 / h)
        else:
            key_rect = (left, bottom, 0.98 - left, top - bottom - 0.3 / h - used - 0.2 / h)
    numbered = draw_network(scene, ax, key=True, limits=(xlim, ylim))
    if numbered:
        _draw_key(fig, numbered, key_rect, scene.lang)
    fig._opgavelab_key = numbered
    shown = sum(1 for t in ax.texts if t.get_gid() == "name")  # names and numbers
    _caption_text(fig, _names_caption(scene, scene.caption, shown))
    fig._opgavelab_scene = scene  # for tests and for re-use
    return fig
