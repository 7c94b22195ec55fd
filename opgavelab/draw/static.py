"""Static figures for reports and slides (matplotlib).

- :func:`network_figure`: the collective around one opgave, with legend and
  caption, in A4 or 16:9 (``scene.figure()`` of
  :func:`~opgavelab.draw.build_scene`);
- :func:`coverage_figure`: which needed domains the collective covers and
  which are missing;
- :func:`formation_figure`: how the collective formed over time (actors and
  ties, components, share of the largest component, density, E-I index);
- :func:`small_multiples`: the network at several dates on one sheet, with
  the same positions in every panel;
- :func:`save_figure`: PNG (300 dpi), SVG or PDF, written atomically.

Figures are built with :class:`matplotlib.figure.Figure` directly, so they
never touch pyplot's global state or the notebook's backend; in JupyterLab a
returned figure shows inline. The network itself is drawn by ``draw._figure``
(:func:`draw_network` and ``scene.figure()``); this module holds the one-call
forms and the charts.
"""

from __future__ import annotations

__all__ = [
    "FIGURE_SIZES",
    "network_figure",
    "draw_network",
    "coverage_figure",
    "formation_figure",
    "small_multiples",
    "formation_frame_figure",
    "save_figure",
]

import math
from pathlib import Path

import numpy as np
import pandas as pd

from .._checks import _check_lang, _check_one_of
from .._i18n import fmt_number, message, nmessage
from . import style as _style
from ._figure import (
    _FONT,
    _INK,
    _MUTED,
    FIGURE_SIZES,
    _caption_height,
    _caption_text,
    _check_size,
    _draw_legend,
    _legend_groups,
    _new_figure,
    _title,
    _wrap,
    draw_network,
)
from ._figure import KEY_ACTORS as KEY_ACTORS  # kept importable from here
from ._figure import KEY_NUMBERS as KEY_NUMBERS
from .scene import Scene, SceneOptions, _check_layout_arg, build_scene, scene_for
from .._gc import with_fewer_collections

# the chart palette: Okabe-Ito, covered / missing / other
_COVERED = "#009E73"
_MISSING = "#D55E00"
_OTHER = "#A6A6A6"
_LINE = "#0072B2"


@with_fewer_collections
def network_figure(case, opgave: str, at=None, *, size="A4", title: str | None = None, scene: Scene | None = None,
                   **options):
    """The collective around one opgave as a figure with legend and caption.

    ``network_figure(case, opgave, at, **options)`` is
    ``build_scene(case, opgave, at, **options).figure(size=size, title=title)``.

    Parameters
    ----------
    case, opgave, at
        The case, the opgave's id and the snapshot date; see :func:`opgavelab.draw.build_scene`.
    size : {"A4", "A4-landscape", "16:9"} or (width, height) in inches, default "A4"
    title : str, optional
        Default: the opgave's name.
    scene : Scene, optional
        A scene built before; then no scene options may be given.
    **options
        The scene options (``layout="compass"``, ``size_by``, ``labels``,
        ``colour_by``, ``lang``, ...), each described once in
        :class:`opgavelab.draw.SceneOptions`.

    Returns
    -------
    matplotlib.figure.Figure
        It shows inline in JupyterLab; :func:`save_figure` writes it.

    Raises
    ------
    ValueError
        An option is not one of its allowed values, or ``scene`` comes with
        scene options (which it would ignore).

    Examples
    --------
    >>> import opgavelab
    >>> fig = network_figure(opgavelab.example(), "economie", at=2024, layout="compass")
    >>> fig.get_size_inches().round(2).tolist()
    [8.27, 11.69]
    """
    scene = scene_for("network_figure", case, opgave, at, scene, options)
    return scene.figure(size=size, title=title)


# --------------------------------------------------------------------------
# charts that go with a scan
# --------------------------------------------------------------------------

def _chart_caption(case, opgave, at, lang, caption, extra=None):
    if caption is not None:
        return caption
    if case is None:
        return ""
    return _style.caption(case, opgave, at, lang=lang, extra=extra)


@with_fewer_collections
def coverage_figure(coverage: pd.DataFrame, *, case=None, opgave: str | None = None, at=None, lang: str | None = None,
                    title: str | None = None, caption: str | None = None, size="A4", max_rows: int = 30):
    """Which domains the opgave needs, which the collective covers, which are missing.

    Parameters
    ----------
    coverage : pandas.DataFrame
        Indexed by domain code, with ``label`` (str), ``needed`` (bool),
        ``covered`` (bool), ``n_actors`` (int) and ``actors`` (list of ids),
        as ``opgavelab.scan(...).coverage``.
    case : Case, optional
        For the caption (and the opgave's name as subtitle).
    opgave : str, optional
    at : year, date or None
    lang : {"nl", "en"}, optional
        Default: the case's language (``case.lang``).
    title, caption : str, optional
        Override the defaults.
    size : {"A4", "A4-landscape", "16:9"} or (width, height), default "A4"
    max_rows : int, default 30
        Needed domains are always shown; other covered domains fill up to
        this many rows (most actors first).

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ValueError
        ``coverage`` lacks a column.

    Examples
    --------
    >>> import pandas as pd
    >>> cov = pd.DataFrame({"label": ["3.1 Economische ontwikkeling", "8.1 Ruimtelijke ordening"],
    ...                     "needed": [True, True], "covered": [True, False], "n_actors": [6, 0],
    ...                     "actors": [["a"], []]}, index=pd.Index(["3.1", "8.1"], name="domain"))
    >>> fig = coverage_figure(cov)
    """
    lang, fig, (w, h) = _chart_figure("coverage", coverage, ["label", "needed", "covered", "n_actors"], case, lang,
                                      size)
    frame = coverage.copy()
    frame["needed"] = frame["needed"].astype(bool)
    frame["covered"] = frame["covered"].astype(bool)
    frame["n_actors"] = pd.to_numeric(frame["n_actors"], errors="coerce").fillna(0).astype(int)
    needed = frame[frame["needed"]]
    others = frame[~frame["needed"] & (frame["n_actors"] > 0)].sort_values("n_actors", ascending=False, kind="stable")
    others = others.head(max(0, max_rows - len(needed)))
    hidden = int((~frame["needed"] & (frame["n_actors"] > 0)).sum()) - len(others)
    rows = pd.concat([needed, others])
    rows["label"] = [lb if str(lb).startswith(str(code)) else f"{code} {lb}"
                     for code, lb in zip(rows.index, rows["label"].astype(str))]
    n_rows = max(len(rows), 1)
    n_needed, n_cov = len(needed), int(needed["covered"].sum())
    subtitle_parts = []
    if case is not None and opgave is not None:
        subtitle_parts.append(str(case.opgaven.at[opgave, "name"]))
    subtitle_parts.append(nmessage("draw.coverage_covered", n_needed, lang, covered=fmt_number(n_cov, lang, 0)))
    _title(fig, title or message("draw.coverage_title", lang), " · ".join(subtitle_parts))
    cap = _chart_caption(case, opgave, at, lang, caption)
    cap_h = _chart_caption_height(cap, w, h, 0.25)
    top = 1 - 1.1 / h
    # room for the longest label
    wrapped = [_wrap(str(lb), 44) for lb in rows["label"]]
    longest = max((len(line) for lb in wrapped for line in lb.split("\n")), default=10)
    label_w = min(0.45, (longest * 8.5 * 0.56 / 72 + 0.25) / w)
    plot_h_in = min((top - cap_h) * h - 1.25, 0.34 * n_rows + 0.6)
    bottom = top - plot_h_in / h
    ax = fig.add_axes((label_w + 0.04, bottom, 0.93 - label_w - 0.04, top - bottom))
    y = np.arange(len(rows))[::-1]
    counts = rows["n_actors"].to_numpy()
    colours = [(_COVERED if c else _MISSING) if nd else _OTHER for nd, c in zip(rows["needed"], rows["covered"])]
    xmax = max(int(counts.max()) if len(counts) else 1, 1)
    ax.barh(y, counts, color=colours, height=0.62, zorder=2)
    for yi, (nd, cov, cnt) in zip(y, zip(rows["needed"], rows["covered"], counts)):
        if nd and not cov:
            ax.barh(yi, xmax * 0.2, left=0, height=0.62, facecolor="none", edgecolor=_MISSING, linestyle=(0, (3, 2)),
                    linewidth=1.1, zorder=2)
            ax.text(xmax * 0.01 + 0.05, yi, message("draw.missing", lang), va="center", ha="left",
                    fontsize=8.5, color=_MISSING, fontweight="bold", zorder=3)
        elif cnt > 0:
            ax.text(cnt + xmax * 0.01, yi, str(int(cnt)), va="center", ha="left", fontsize=8.5, color=_INK)
    ax.set_yticks(y)
    ax.set_yticklabels(wrapped, fontsize=8.5)
    for tick, nd in zip(ax.get_yticklabels(), rows["needed"]):
        if nd:
            tick.set_fontweight("bold")
    ax.set_xlim(0, xmax * 1.12)
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.set_xlabel(message("draw.coverage_axis", lang),
                  fontsize=_FONT["axis"])
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="x", color="#E5E5E5", zorder=0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", length=0)
    if len(needed) and len(others):
        ax.axhline(y[len(needed) - 1] - 0.5, color="#BBBBBB", linewidth=0.8)
    from matplotlib.patches import Patch

    handles = [Patch(color=_COVERED, label=message("draw.needed_covered", lang)),
               Patch(facecolor="white", edgecolor=_MISSING, linestyle=(0, (3, 2)),
                     label=message("draw.needed_missing", lang)),
               Patch(color=_OTHER, label=message("draw.also_present", lang))]
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.035, bottom - 0.55 / h), ncols=3,
               frameon=False, fontsize=_FONT["legend"], borderaxespad=0.0)
    if hidden > 0:
        fig.text(0.035, bottom - 0.9 / h,
                 nmessage("draw.more_domains", hidden, lang),
                 fontsize=_FONT["caption"], color=_MUTED)
    _caption_text(fig, cap)
    return fig


def _chart_figure(name: str, frame, required: list[str], case, lang, size):
    """The start of a chart: its language, a new figure and its size, after checking ``frame``'s columns."""
    lang = _check_lang(lang or getattr(case, "lang", None) or "nl")  # None: the case's language
    _check_columns(name, frame, required)
    w, h = _check_size(size)
    return lang, _new_figure((w, h)), (w, h)


def _chart_caption_height(cap: str, w: float, h: float, pad: float) -> float:
    """The caption's share of a chart's height: ``pad`` inches and a line per wrap."""
    return (pad + 0.16 * (len(cap) * _FONT["caption"] * 0.52 / 72 // (w - 0.6) + 1)) / h


def _check_columns(name: str, frame, required: list[str]) -> None:
    if not isinstance(frame, pd.DataFrame):
        msg = f"'{name}' must be a pandas DataFrame, got {type(frame).__name__}."
        raise TypeError(msg)
    missing = [c for c in required if c not in frame.columns]
    if missing:
        msg = f"'{name}' lacks the column(s) {missing}; it needs {required}."
        raise ValueError(msg)


_FORMATION_PANELS = [
    # (column, unused, kind); a panel's title is ``draw.panel.<column>`` in the catalogue
    ("n_actors", None, None),
    ("n_ties", None, None),
    ("n_components", None, None),
    ("largest_component_share", None, "pct"),
    ("density", None, "unit"),
    ("ei_type", None, "ei"),
]


@with_fewer_collections
def formation_figure(formation: pd.DataFrame, *, case=None, opgave: str | None = None, lang: str | None = None,
                     title: str | None = None, caption: str | None = None, size="16:9"):
    """How the collective formed over time: six small charts on one sheet.

    Parameters
    ----------
    formation : pandas.DataFrame
        Indexed by date (Timestamps), with ``n_actors``, ``n_ties``,
        ``density``, ``n_components``, ``largest_component_share`` and
        ``ei_type`` (may be NaN), as ``opgavelab.scan(...).formation``.
        A ValueError names a missing column.
    case, opgave, lang, title, caption
        As for :func:`coverage_figure`.
    size : {"A4", "A4-landscape", "16:9"} or (width, height), default "16:9"

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import pandas as pd
    >>> f = pd.DataFrame({"n_actors": [4, 6], "n_ties": [3, 7], "density": [0.5, 0.47],
    ...                   "n_components": [2, 1], "largest_component_share": [0.75, 1.0],
    ...                   "ei_type": [0.2, 0.4]},
    ...                  index=pd.DatetimeIndex(["2020-12-31", "2021-12-31"], name="date"))
    >>> fig = formation_figure(f)
    """
    lang, fig, (w, h) = _chart_figure("formation", formation, [c for c, _, _ in _FORMATION_PANELS], case, lang, size)
    sub = str(case.opgaven.at[opgave, "name"]) if case is not None and opgave is not None else None
    _title(fig, title or message("draw.formation_title", lang), sub)
    cap = _chart_caption(case, opgave, None, lang, caption, extra=[message("draw.end_of_each_year", lang)]) or ""
    cap_h = _chart_caption_height(cap, w, h, 0.3)
    top = 1 - 1.25 / h
    ncols, nrows = (3, 2) if w >= h else (2, 3)
    gs = fig.add_gridspec(nrows, ncols, left=0.07, right=0.97, bottom=cap_h + 0.45 / h, top=top, hspace=0.55,
                          wspace=0.3)
    dates = pd.DatetimeIndex(formation.index)
    years_only = len(dates) > 0 and all((d.month, d.day) in ((12, 31), (1, 1)) for d in dates)
    xs = dates.year if years_only else dates
    for i, (col, names, kind) in enumerate(_FORMATION_PANELS):
        ax = fig.add_subplot(gs[i // ncols, i % ncols])
        vals = pd.to_numeric(formation[col], errors="coerce").to_numpy(dtype=float)
        if kind == "pct":
            vals = vals * 100
        ax.plot(xs, vals, color=_LINE, marker="o", markersize=4, linewidth=1.8, zorder=3)
        ax.set_title(message("draw.panel." + col, lang), fontsize=10, loc="left", color=_INK)
        ax.grid(color="#E8E8E8", zorder=0)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.tick_params(labelsize=8)
        if years_only:
            ax.xaxis.get_major_locator().set_params(integer=True)
        finite = vals[np.isfinite(vals)]
        if kind == "pct":
            ax.set_ylim(0, 105)
            ax.yaxis.set_major_formatter(_percent_formatter())
        elif kind == "unit":
            ax.set_ylim(0, max(0.05, float(finite.max()) * 1.15) if len(finite) else 1)
        elif kind == "ei":
            ax.set_ylim(-1.05, 1.05)
            ax.axhline(0, color="#999999", linewidth=0.8)
            ax.text(0.01, 0.97, message("draw.ei_plus", lang),
                    transform=ax.transAxes, fontsize=7, color=_MUTED, va="top")
            ax.text(0.01, 0.03, message("draw.ei_minus", lang),
                    transform=ax.transAxes, fontsize=7, color=_MUTED, va="bottom")
        else:
            ax.set_ylim(0, max(1.0, float(finite.max()) * 1.15) if len(finite) else 1)
            ax.yaxis.get_major_locator().set_params(integer=True)
        if len(finite) == 0:
            ax.text(0.5, 0.5, message("draw.no_data", lang), transform=ax.transAxes, ha="center",
                    va="center", color=_MUTED)
    _caption_text(fig, cap)
    return fig


def _percent_formatter():
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _: f"{v:.0f}%")


def _snapshot_dates(case, opgave: str, n: int, at=None) -> list[pd.Timestamp]:
    """The formation's dates (:func:`opgavelab.metrics.snapshot_dates` through ``at``), at most ``n`` spread evenly.

    The first and the last date are always kept, so the sheet covers the same
    years as the formation chart.
    """
    from ..metrics.formation import snapshot_dates

    dates = list(snapshot_dates(case, opgave, at=at))
    if not dates:
        return [pd.Timestamp.today().normalize()]
    if len(dates) > n:
        idx = np.unique(np.round(np.linspace(0, len(dates) - 1, n)).astype(int))
        dates = [dates[i] for i in idx]
    return dates


#: The scene options :func:`small_multiples` takes (its panels share positions, so no ``G`` or ``max_nodes``).
_PANEL_OPTIONS = ("layout", "seed", "size_by", "lang", "colours", "labels", "filters")


@with_fewer_collections
def small_multiples(case, opgave: str, dates=None, *, size="A4", title: str | None = None, max_panels: int = 9,
                    at=None, **options):
    """The network at several dates on one sheet.

    With ``layout="formation"`` (:func:`opgavelab.draw.formation_layout`)
    the separate parts are drawn apart in soft boxes and the ties that joined
    parts are orange in their year; no lines from the opgave. Otherwise the
    positions come from the network over all dates, so an actor stays in its
    place and a reader sees the collective grow.

    Parameters
    ----------
    case, opgave
        See :func:`opgavelab.draw.build_scene`.
    dates : list of years or dates, optional
        Default: the formation's years (from the opgave's first year through
        ``at``), at most ``max_panels`` spread evenly, first and last kept.
    size : {"A4", "A4-landscape", "16:9"} or (width, height), default "A4"
    title : str, optional
    max_panels : int, default 9
    at : year or date, optional
        The last date of the default dates; default
        :func:`opgavelab.metrics.default_at`.
    **options
        The scene options ``layout`` (also ``"formation"``), ``seed``,
        ``size_by``, ``lang``, ``colours``, ``labels`` (names per panel,
        default none: the panels are small) and ``filters``; see
        :class:`opgavelab.draw.SceneOptions`.

    Returns
    -------
    matplotlib.figure.Figure
        A panel per date, one legend and the caption.

    Raises
    ------
    TypeError
        A keyword that is not one of the scene options above, or a
        ``layout`` that is neither a name, a Layout nor a dict.
    ValueError
        ``opgave`` is not an opgave id of the case; ``lang``, a ``layout``
        name or ``size`` is not one of its allowed values; ``dates`` is
        empty or holds something that is not a year or a date.

    Examples
    --------
    >>> import opgavelab
    >>> fig = small_multiples(opgavelab.example(), "zorg", dates=[2019, 2022, 2024])
    >>> fig = small_multiples(opgavelab.example(), "economie", layout="formation")
    """
    from .._dates import snapshot_at
    from ..network import opgave_graph

    opts = SceneOptions.from_keywords("small_multiples", options, allowed=_PANEL_OPTIONS, labels=0)
    lang = _check_lang(opts.lang or getattr(case, "lang", None) or "nl")  # None: the case's language
    case._check_opgave(opgave)
    formation_view = isinstance(opts.layout, str) and opts.layout == "formation"
    if not formation_view:
        _check_layout_arg(opts.layout)
    w, h = _check_size(size)
    if dates is None:
        dates = _snapshot_dates(case, opgave, max_panels, at=at)
    dates = [snapshot_at(d) for d in dates]
    if not dates:
        msg = "'dates' must hold at least one year or date."
        raise ValueError(msg)
    full = opgave_graph(case, opgave, directed=None)
    frames, pos = _panel_layout(case, opgave, full, dates, opts, lang, formation_view)
    full_scene = build_scene(case, opgave, None, G=full, layout=pos, size_by=opts.size_by, lang=lang,
                             colours=opts.colours, labels=0)
    fig = _new_figure((w, h))
    _title(fig, title or message("draw.over_time_title", lang), full_scene.title)
    extra = [message("formation_caption" if formation_view else "draw.same_positions", lang)]
    cap = _style.caption(case, opgave, None, lang=lang, filters=opts.filters, extra=extra)
    cap_h = _caption_height(cap, w) / h
    legend_scene = _formation_scene(full_scene) if formation_view else full_scene
    leg_rows = max(len(items) for _, items in _legend_groups(legend_scene))
    leg_h = (0.55 + 0.235 * (leg_rows + 0.6)) / h if w < h else 0
    top = 1 - 1.05 / h
    bottom = cap_h + leg_h + 0.1 / h
    _draw_panels(fig, case, opgave, dates, frames, full_scene, opts, lang, (bottom, top, 0.97 if w < h else 0.74))
    if w < h:
        _draw_legend(fig, legend_scene, (0.05, cap_h + 0.05 / h, 0.92, leg_h), "row")
    else:
        _draw_legend(fig, legend_scene, (0.76, bottom, 0.23, top - bottom), "column")
    _caption_text(fig, cap)
    return fig


def _panel_layout(case, opgave: str, full, dates, opts, lang: str, formation_view: bool):
    """The formation frames by date (formation view only) and the positions every panel shares."""
    from .layout import Layout, compass_layout, force_layout

    if formation_view:
        from ._frames import formation_frames

        frames = {f.date: f for f in formation_frames(case, opgave, dates=dates, seed=opts.seed, lang=lang,
                                                       size_by=opts.size_by, labels=opts.labels,
                                                       colours=opts.colours)}
        return frames, force_layout(full, seed=opts.seed)  # for the sheet's legend only
    if isinstance(opts.layout, Layout):
        return {}, opts.layout
    if opts.layout == "compass":
        return {}, compass_layout(full, case)
    return {}, force_layout(full, seed=opts.seed)


def _draw_panels(fig, case, opgave: str, dates, frames: dict, full_scene: Scene, opts, lang: str, box) -> None:
    """One panel per date in as square a grid as the sheet allows: 4 panels are 2 x 2, 6 are 3 x 2 (portrait 2 x 3)."""
    from ..network import opgave_graph

    bottom, top, right = box
    w, h = fig.get_figwidth(), fig.get_figheight()
    lo, hi = float(full_scene.nodes["value"].min()), float(full_scene.nodes["value"].max())
    n = len(dates)
    ncols = min(n, 3 if w < h else 4, max(1, math.ceil(math.sqrt(n))) if w < h else max(2, math.ceil(math.sqrt(n))))
    nrows = math.ceil(n / ncols)
    cell_w = (right - 0.03) / ncols
    cell_h = (top - bottom) / nrows
    for i, date in enumerate(dates):
        r, c = divmod(i, ncols)
        frame = frames.get(date)
        if frame is not None:
            scene = frame.scene
        else:
            G = opgave_graph(case, opgave, date, directed=None)
            scene = build_scene(case, opgave, date, G=G, layout=full_scene.layout, size_by=opts.size_by, lang=lang,
                                colours=opts.colours, labels=opts.labels)
        if hi > lo:
            # one size scale for all panels, so growth shows
            scene.nodes["size"] = np.sqrt(np.clip((scene.nodes["value"].to_numpy(dtype=float) - lo) / (hi - lo), 0, 1))
        ax = fig.add_axes((0.03 + c * cell_w + 0.005, bottom + (nrows - 1 - r) * cell_h + 0.03 / h,
                           cell_w - 0.01, cell_h - 0.35 / h))
        if frame is not None:
            draw_formation(frame, ax, compact=True, n_ref=len(full_scene.nodes))
        else:
            draw_network(scene, ax, compact=True, spokes=len(scene.nodes) <= 300, n_ref=len(full_scene.nodes))
        label = date.strftime("%Y") if (date.month, date.day) == (12, 31) else _style._format_date(date, lang)
        sub = scene.subtitle
        if frame is not None:
            sub = (message("formation_panel_whole", lang, n=frame.n_actors)
                   if frame.n_parts == 1 and frame.n_actors >= 2
                   else message("formation_panel_parts", lang, n=frame.n_actors, k=frame.n_parts))
        # y given: the title stays where matplotlib would leave it above an Axes without ticks on top, and
        # it does not measure the Axes' ticks to find that out at every draw (a third of the sheet's time)
        ax.set_title(f"{label} · {sub}", fontsize=9, color=_INK, pad=2, y=1.0)


# --------------------------------------------------------------------------
# formation views: the parts drawn apart, the joining ties highlighted
# --------------------------------------------------------------------------

def _formation_scene(scene: Scene, positions=None, slide: bool = False) -> Scene:
    """The scene without the opgave node (no spokes, no box), at ``positions`` when given."""
    import dataclasses

    from .._i18n import message

    nodes = scene.nodes.copy()
    if positions is not None:
        nodes["x"] = [positions[v][0] if v in positions else x for v, x in zip(nodes.index, nodes["x"])]
        nodes["y"] = [positions[v][1] if v in positions else y for v, y in zip(nodes.index, nodes["y"])]
    legend = dict(scene.legend)
    legend["formation"] = {"part": message("formation_legend_part", scene.lang),
                           "join": message("formation_legend_join", scene.lang)}
    if slide:  # a slide keeps its legend short: who, at which scale, and what the boxes and orange lines mean
        legend.update({"ties": [], "size": None, "directed": False})
    return dataclasses.replace(scene, nodes=nodes, opgave=None, legend=legend)


def _draw_parts(ax, parts, xy: dict, *, compact: bool = False, counts: bool = True) -> None:
    """A soft rounded box behind each part, its size at the top left (parts of two or more)."""
    from matplotlib.patches import FancyBboxPatch

    from .style import PART_EDGE, PART_FILL

    for part, (x0, y0, x1, y1, rounding) in _part_boxes(parts, xy):
        ax.add_patch(FancyBboxPatch((x0, y0), x1 - x0, y1 - y0, boxstyle=f"round,pad=0,rounding_size={rounding}",
                                    fc=PART_FILL, ec=PART_EDGE, lw=0.8, zorder=0.5))
        if counts and len(part) > 1:
            ax.text(x0 + 0.01, y1 - 0.01, str(len(part)), ha="left", va="top", fontsize=6 if compact else 7.5,
                    color="#7a8699", zorder=0.6)


def _part_boxes(parts, xy: dict) -> list:
    """``[(part, (x0, y0, x1, y1, rounding)), ...]``: the box around each part's actors in ``xy`` (parts
    without any left out)."""
    from .style import PAD

    pad = PAD * 0.85
    out = []
    for part in parts:
        pts = np.array([xy[v] for v in part if v in xy], dtype=float).reshape(-1, 2)
        if not len(pts):
            continue
        (x0, y0), (x1, y1) = pts.min(axis=0) - pad, pts.max(axis=0) + pad
        out.append((part, (x0, y0, x1, y1, min(0.04, (x1 - x0) / 2, (y1 - y0) / 2))))
    return out


def _draw_joining(ax, joining, xy: dict, *, compact: bool = False) -> None:
    from matplotlib.collections import LineCollection

    from .style import JOIN_COLOUR

    segs = [(xy[u], xy[v]) for u, v in joining if u in xy and v in xy]
    if segs:
        ax.add_collection(LineCollection(segs, colors=JOIN_COLOUR, linewidths=1.8 if compact else 2.6, alpha=0.95,
                                         zorder=3, capstyle="round"))


def draw_formation(frame, ax, *, positions=None, compact: bool = False, joining: bool = True,
                   names: bool = True, n_ref: int | None = None) -> None:
    """One date of the formation into an Axes: part boxes, the network, the ties that joined parts.

    ``frame`` is a :class:`~opgavelab.draw.formation.FormationFrame`;
    ``positions`` overrides its positions (for the steps between two years).
    """
    scene = _formation_scene(frame.scene, positions)
    xy = {v: (x, y) for v, x, y in zip(scene.nodes.index, scene.nodes["x"], scene.nodes["y"])}
    parts = frame.parts
    _draw_parts(ax, parts, xy, compact=compact, counts=positions is None)
    draw_network(scene, ax, names=names, spokes=False, compact=compact, n_ref=n_ref)
    if joining:
        _draw_joining(ax, frame.joining, xy, compact=compact)


def formation_frame_figure(case, opgave: str, frame, *, frames=None, positions=None, lang: str | None = None,
                           size=(10.0, 5.625), joining: bool = True):
    """One year of the formation as a slide: the parts, the year, the numbers and what happened.

    Parameters
    ----------
    case : Case
    opgave : str
    frame : FormationFrame
        From :func:`opgavelab.draw.formation_frames`.
    frames : list of FormationFrame, optional
        All frames, for the row of years at the top right and a marker size
        shared by every year.
    positions : dict, optional
        Positions to draw instead of the frame's (a step between two years).
    lang : {"nl", "en"}, optional
        Default: the case's language (``case.lang``).
    size : (width, height) in inches or a FIGURE_SIZES name, default 16:9
    joining : bool, default True
        Highlight the ties that joined parts this year.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ValueError
        ``lang`` is not ``"nl"`` or ``"en"``, ``opgave`` is not an opgave id
        of the case, or ``size`` is neither a name of ``FIGURE_SIZES`` nor two
        positive numbers.

    Examples
    --------
    >>> import opgavelab
    >>> from opgavelab.draw import formation_frames
    >>> frames = formation_frames(opgavelab.example(), "economie")
    >>> fig = formation_frame_figure(opgavelab.example(), "economie", frames[0])
    """
    lang = _check_lang(lang or getattr(case, "lang", None) or "nl")  # None: the case's language
    w, h = _check_size(size)
    case._check_opgave(opgave)
    return _formation_slide(case, opgave, frame, frames=frames, positions=positions, lang=lang, size=(w, h),
                            joining=joining)[0]


def _formation_axes_rect(h: float, wrapped: str) -> tuple[float, float, float, float]:
    """Where a formation slide of height ``h`` (inches) puts the network: above the sentence ``wrapped``
    (its lines; empty: no sentence), below the title."""
    bottom = (0.25 + (wrapped.count("\n") + 1) * 9 * 1.3 / 72) / h if wrapped else 0.04
    top = 1 - 0.95 / h
    return (0.01, bottom, 0.72, top - bottom)


def _formation_legend_rect(h: float) -> tuple[float, float, float, float]:
    """Where a formation slide of height ``h`` (inches) puts its legend: the column on the right, below the
    year."""
    return (0.77, 0.04, 0.22, 1 - 1.35 / h - 0.04)


def _formation_slide(case, opgave: str, frame, *, frames, positions, lang: str, size: tuple[float, float],
                     joining: bool, legend: bool = True):
    """:func:`formation_frame_figure` with checked arguments, and the parts an animation changes.

    With ``legend=False`` the legend is left out (an animation draws it once, in
    :func:`_formation_legend_rect`).

    Returns
    -------
    fig : matplotlib.figure.Figure
    ax : matplotlib.axes.Axes
        The network's Axes.
    sentence : matplotlib.text.Text or None
        What happened this year, below the network (None without it).
    """
    from .._i18n import message

    w, h = size
    fig = _new_figure((w, h))
    name = str(case.opgaven.at[opgave, "name"])
    year = frame.date.year
    if frame.n_parts == 1 and frame.n_actors >= 2:
        sub = message("formation_frame_whole", lang, n=frame.n_actors)
    elif frame.n_actors:
        sub = message("formation_frame_parts", lang, n=frame.n_actors, k=frame.n_parts,
                      pct=f"{100 * frame.largest_share:.0f}%")
    else:
        sub = message("formation_story_empty", lang)
    _title(fig, name, sub)
    n_ref = max((f.n_actors for f in frames), default=frame.n_actors) if frames else None
    text_ = frame.sentence if (joining and frame.sentence) else ""
    chars = int(w * 0.70 * 72 / (9 * 0.52))
    wrapped = _wrap(text_, chars) if text_ else ""
    ax = fig.add_axes(_formation_axes_rect(h, wrapped))
    draw_formation(frame, ax, positions=positions, joining=joining, names=positions is None, n_ref=n_ref)
    # the year, large, and the row of years with this one marked
    fig.text(0.975, 1 - 0.25 / h, str(year), ha="right", va="top", fontsize=30, fontweight="bold", color=_INK)
    if frames:
        years = [f.date.year for f in frames]
        x0, x1 = 0.77, 0.975
        for i, y in enumerate(years):
            x = x0 + (x1 - x0) * (i / max(len(years) - 1, 1))
            on = y == year
            fig.text(x, 1 - 0.95 / h, str(y)[-2:] if len(years) > 6 else str(y), ha="center", va="top",
                     fontsize=9, color=_INK if on else "#9aa3ad", fontweight="bold" if on else "normal")
    if legend:
        _draw_legend(fig, _formation_scene(frame.scene, slide=True), _formation_legend_rect(h), "column")
    sentence = None
    if text_:
        sentence = fig.text(0.035, 0.03, wrapped, ha="left", va="bottom", fontsize=9, color=_INK, linespacing=1.3)
    return fig, ax, sentence


# --------------------------------------------------------------------------
# saving
# --------------------------------------------------------------------------

_FORMATS = ["png", "svg", "pdf"]


@with_fewer_collections
def save_figure(fig, path, size=None, dpi: int = 300, overwrite: bool = False) -> Path:
    """Write a figure as PNG, SVG or PDF (chosen by the file's extension).

    The file is written to a temporary file and renamed into place, so an
    interrupted write leaves nothing half-written, and an existing file is
    kept unless ``overwrite``. Texts stay texts in SVG and PDF (editable in
    Inkscape or Illustrator), and neither carries a creation date, so the
    same figure gives the same file.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    path : str or path-like
        Ends in ``.png``, ``.svg`` or ``.pdf``.
    size : {"A4", "A4-landscape", "16:9"} or (width, height), optional
        Resize before saving; default: the figure's own size.
    dpi : int, default 300
        Resolution of a PNG.
    overwrite : bool, default False

    Returns
    -------
    pathlib.Path

    Raises
    ------
    ValueError
        The extension is not png, svg or pdf.
    FileExistsError
        ``path`` exists and ``overwrite`` is false.

    Examples
    --------
    >>> import opgavelab, tempfile, pathlib
    >>> fig = network_figure(opgavelab.example(), "zorg")
    >>> out = save_figure(fig, pathlib.Path(tempfile.mkdtemp()) / "zorg.png")
    >>> out.stat().st_size > 10_000
    True
    """
    from ..io import atomic_write

    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    _check_one_of("format", fmt, _FORMATS)
    if size is not None:
        fig.set_size_inches(*_check_size(size))
    if fig.canvas is None or not hasattr(fig.canvas, "get_renderer"):
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        FigureCanvasAgg(fig)
    metadata = {"png": {"Software": "opgavelab"}, "svg": {"Date": None, "Creator": "opgavelab"},
                "pdf": {"CreationDate": None, "Creator": "opgavelab"}}[fmt]
    import matplotlib

    # texts stay texts (editable, searchable) in SVG and PDF
    rc = {"svg.fonttype": "none", "pdf.fonttype": 42}
    with atomic_write(path, overwrite=overwrite) as tmp, matplotlib.rc_context(rc):
        if fmt == "png":
            _write_png(fig, tmp, dpi, metadata)
        else:
            fig.savefig(tmp, format=fmt, dpi=dpi, metadata=metadata, facecolor="white")
    return path


def _write_png(fig, path: Path, dpi: int, metadata: dict) -> None:
    """The figure drawn at ``dpi`` and written as a PNG by :func:`._png.write_png`.

    The page is opaque (a white background), so it is written as RGB: without
    the alpha channel the file is a tenth smaller. Unfiltered rows deflated at
    level 1 write in half the time Pillow took at level 2, for files as small.
    """
    from ._png import write_png

    class _Pixels:  # takes the drawn pixels from matplotlib's raw writer without writing them anywhere
        rgba = None

        def seek(self, *args):  # matplotlib takes an object with seek and write for a file
            return 0

        def write(self, data):
            self.rgba = np.asarray(data)

    pixels = _Pixels()
    fig.savefig(pixels, format="rgba", dpi=dpi, facecolor="white")
    rgba = pixels.rgba
    if rgba is None or rgba.ndim != 3 or rgba.shape[2] != 4 or rgba.dtype != np.uint8:  # pragma: no cover
        fig.savefig(path, format="png", dpi=dpi, metadata=metadata, facecolor="white",  # other matplotlib internals
                    pil_kwargs={"compress_level": 2})
        return
    write_png(path, rgba, dpi=dpi, text=metadata)
