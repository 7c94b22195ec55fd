"""The heads of directed ties in a network figure, drawn in one collection."""

from __future__ import annotations

import numpy as np
from matplotlib.artist import Artist
from matplotlib.collections import PolyCollection
from matplotlib.transforms import IdentityTransform

from .style import EDGE_COLOUR

__all__ = ["ArrowHeads"]

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
