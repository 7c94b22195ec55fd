"""The heads of directed ties and the leader lines of names in a network figure, each drawn in one collection."""

from __future__ import annotations

import numpy as np
from matplotlib.artist import Artist
from matplotlib.collections import PolyCollection
from matplotlib.transforms import IdentityTransform

from .style import EDGE_COLOUR

__all__ = ["ArrowHeads", "Leaders"]

#: The head's length and half its width in points: ``arrowstyle="-|>,head_length=0.45,head_width=0.22"`` at
#: matplotlib's default text size of 10 points, as the figures drew them with an annotation per tie.
HEAD_LENGTH, HEAD_HALF_WIDTH = 4.5, 2.2


class ArrowHeads(Artist):
    """Filled triangles pointing from ``tails`` to ``tips`` (data coordinates), each tip ``shrink_pt`` points
    before its target's centre (the edge of its marker).

    The same heads as ``annotate("", xy=tip, xytext=tail, arrowprops=dict(arrowstyle="-|>,head_length=0.45,
    head_width=0.22", lw=0, shrinkA=0, shrinkB=shrink))``, without an annotation per tie (each of which
    lays out a text and a patch at every save). A tie too short for its head gets none.
    """

    def __init__(self, tails, tips, shrink_pt, *, colour=EDGE_COLOUR, alpha: float = 0.9):
        super().__init__()
        self.tails = np.asarray(tails, dtype=float).reshape(-1, 2)
        self.tips = np.asarray(tips, dtype=float).reshape(-1, 2)
        self.shrink = np.broadcast_to(np.asarray(shrink_pt, dtype=float), len(self.tips))
        self.colour, self.heads_alpha = colour, alpha
        self.set_zorder(3)
        self.set_clip_on(False)

    def triangles(self, renderer) -> np.ndarray:
        """The heads' corners in display coordinates, ``(n, 3, 2)``: tip, then the two corners of the base."""
        a, b = self.axes.transData.transform(self.tails), self.axes.transData.transform(self.tips)
        px = renderer.points_to_pixels(1.0)
        length = np.hypot(*(b - a).T) if len(b) else np.zeros(0)
        keep = length > (self.shrink + HEAD_LENGTH) * px  # room for the head between the two actors
        u = (b - a)[keep] / length[keep, None]
        tip = b[keep] - u * (self.shrink[keep, None] * px)
        base = tip - u * (HEAD_LENGTH * px)
        side = np.column_stack([-u[:, 1], u[:, 0]]) * (HEAD_HALF_WIDTH * px)
        return np.stack([tip, base + side, base - side], axis=1)

    def draw(self, renderer):
        if not self.get_visible():
            return
        corners = self.triangles(renderer)
        if not len(corners):
            return
        heads = PolyCollection(corners, facecolors=self.colour, edgecolors="none", linewidths=0,
                               alpha=self.heads_alpha, transform=IdentityTransform())
        heads.set_figure(self.get_figure())
        heads.set_gid("arrowheads")
        heads.draw(renderer)
        self.stale = False


class Leaders(Artist):
    """Thin lines from names placed away from their actor to the edge of the actor's marker, in one collection.

    The line ``annotate(..., arrowprops=dict(arrowstyle="-", lw=0.7, shrinkA=0, shrinkB=shrink))`` draws from
    the name's halo to its actor: from the centre of the halo, starting where it leaves the halo, to
    ``shrink`` points before the actor's centre. One artist for all names: an annotation with an arrow
    lays out an arrow patch of its own at every save, four times the time of the name.
    """

    def __init__(self, *, colour: str = "#333333", linewidth: float = 0.7):
        super().__init__()
        self.lines: list[tuple] = []  # (name annotation, actor xy in data coordinates, shrink in points)
        self.colour, self.linewidth = colour, linewidth
        self.set_zorder(6.9)  # under the names (7), as an annotation draws its arrow before its text
        self.set_clip_on(False)

    def add(self, name, xy, shrink_pt: float) -> None:
        self.lines.append((name, (float(xy[0]), float(xy[1])), float(shrink_pt)))
        self.stale = True

    def segments(self, renderer) -> np.ndarray:
        """Each line's two ends in display coordinates, ``(n, 2, 2)``."""
        out = []
        px = renderer.points_to_pixels(1.0)
        for name, xy, shrink in self.lines:
            if not name.get_visible():
                continue
            name.update_positions(renderer)
            patch = name.get_bbox_patch()
            if patch is not None:
                name.update_bbox_position_size(renderer)
                box = patch.get_window_extent(renderer)
            else:
                box = name.get_window_extent(renderer)
            end = self.axes.transData.transform(xy)
            centre = np.array([(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2])
            d = end - centre
            length = float(np.hypot(*d))
            if length <= shrink * px:
                continue
            half = np.array([(box.x1 - box.x0) / 2, (box.y1 - box.y0) / 2])
            with np.errstate(divide="ignore"):
                leave = float(np.min(np.where(np.abs(d) > 0, half / np.abs(d), np.inf)))  # where it leaves the halo
            u = d / length
            start, stop = centre + d * min(leave, 1.0), end - u * shrink * px
            if np.dot(stop - start, u) > 0:
                out.append((start, stop))
        return np.asarray(out, dtype=float).reshape(-1, 2, 2)

    def draw(self, renderer):
        if not self.get_visible():
            return
        segs = self.segments(renderer)
        if len(segs):
            from matplotlib.collections import LineCollection

            lines = LineCollection(segs, colors=self.colour, linewidths=self.linewidth, transform=IdentityTransform(),
                                   capstyle="butt")
            lines.set_figure(self.get_figure())
            lines.set_gid("leaders")
            lines.draw(renderer)
        self.stale = False
