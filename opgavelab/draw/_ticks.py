"""Ticks drawn as a few plain artists, for a chart that is saved and not changed any more.

matplotlib draws every tick of an axis as five artists (two marks, a grid
line, two labels) and, at every save, finds the ticks again, formats their
labels and measures each label's box to place the axis label. On the
formation chart (six small charts) that was two thirds of the time to
draw it, in each of PNG, SVG and PDF. :func:`freeze_ticks` draws the
same marks, grid lines and labels as one line of markers, one collection of
grid lines and a text per label, where they are now, and switches the
axis's own ticks off. It is for ``opgavelab report``, which saves each figure
three times and never changes it; a figure a person gets back from the
library keeps its live axes (zoom, new limits).
"""

from __future__ import annotations

__all__ = ["freeze_ticks"]


def freeze_ticks(fig) -> int:
    """Replace the major ticks of every axis of ``fig`` that has no axis label, no offset text and no minor
    ticks by plain artists at the same places; returns the number of axes frozen."""
    frozen = 0
    for ax in fig.axes:
        if not ax.axison:
            continue
        for axis in (ax.xaxis, ax.yaxis):
            if _freezable(axis):
                _freeze(ax, axis)
                frozen += 1
    return frozen


def _freezable(axis) -> bool:
    if not axis.get_visible() or axis.label.get_text() or axis.get_minorticklocs().size:
        return False
    formatter = axis.major.formatter
    formatter.format_ticks(axis.get_majorticklocs())  # sets an offset (e.g. "1e6") when the formatter uses one
    return not (hasattr(formatter, "get_offset") and formatter.get_offset())


def _drawn_ticks(axis) -> list:
    """``(loc, tick, label)`` for each major tick matplotlib would draw now (as ``Axis._update_ticks`` finds
    them), ``tick`` being the Tick whose artists give its look: its own where the axis has made it, else the
    axis's first (matplotlib copies a new tick's look from the first). No Tick is made: making them (five
    artists each) was most of the time to freeze a chart."""
    from matplotlib import transforms

    locs = axis.get_majorticklocs()
    labels = axis.major.formatter.format_ticks(locs)
    made = axis.majorTicks
    low, high = sorted(axis.get_view_interval())
    scale = axis.get_transform()
    interval = scale.transform([low, high])
    drawn = []
    for i, (loc, label) in enumerate(zip(locs, labels)):
        try:
            at = scale.transform(loc)
        except AssertionError:  # pragma: no cover -- a masked value of some scales, skipped as matplotlib does
            continue
        if transforms._interval_contains_close(interval, at):
            drawn.append((loc, made[i] if i < len(made) else made[0], label))
    return drawn


def _freeze(ax, axis) -> None:
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D
    from matplotlib.text import Text

    ticks = _drawn_ticks(axis)
    zorder = axis.get_zorder()
    is_x = axis is ax.xaxis
    for line in ("gridline", "tick1line", "tick2line"):
        shown = [(loc, t) for loc, t, _ in ticks if getattr(t, line).get_visible()]
        if not shown:
            continue
        first = getattr(shown[0][1], line)
        locs = [loc for loc, _ in shown]
        if line == "gridline":
            ends = [((x, 0), (x, 1)) if is_x else ((0, x), (1, x)) for x in locs]
            art = LineCollection(ends, colors=[first.get_color()], linewidths=first.get_linewidth(),
                                 linestyles=first.get_linestyle(), alpha=first.get_alpha(),
                                 transform=first.get_transform())
        else:
            xy = first.get_xydata()[0]
            art = Line2D(locs if is_x else [xy[0]] * len(locs), [xy[1]] * len(locs) if is_x else locs)
            art.update_from(first)
            art.set_transform(first.get_transform())
        art.set_zorder(zorder)
        art.set_clip_on(False)
        ax.add_artist(art)
    for loc, t, name in ticks:
        for label in (t.label1, t.label2):
            if label.get_visible() and name:
                x, y = (loc, label.get_position()[1]) if is_x else (label.get_position()[0], loc)
                text = Text(x, y, name)
                text.update_from(label)
                text.set_transform(label.get_transform())
                text.set_zorder(zorder)
                text.set_clip_on(False)
                ax.add_artist(text)
    axis.set_ticks([])
    axis.set_tick_params(which="both", gridOn=False)
