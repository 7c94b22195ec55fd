"""The Agg canvas of opgavelab's figures: matplotlib's, with a text line laid out once where it was twice.

Matplotlib draws a text in two steps: it measures each line (the font lays the
line out: every glyph loaded and hinted) and then draws it, and drawing lays
the same line out again. At 300 dpi a network figure's few hundred names,
numbers and key entries spend a tenth of a second on that second layout.
:class:`Canvas` draws with a renderer that remembers which line each of its
fonts last laid out at which size and resolution, and draws straight from it
when the line drawn is the line just measured. The fonts are the renderer's
own (not matplotlib's shared ones, which other code may lay out meanwhile), so
what a font holds is always what the renderer last asked of it: the same
glyphs, the same pixels. Where matplotlib's internals differ (another version),
the renderer does exactly what matplotlib's does.
"""

from __future__ import annotations

import os
import threading
from math import cos, radians, sin

#: (font files, hinting factor, kerning factor, thread) -> a font only these renderers use.
_FONTS: dict = {}
#: id(font) -> (line, size, dpi, hinting flags): the line the font holds, laid out by a measurement.
_LAID_OUT: dict = {}

_classes: tuple | None = None


def _forget_fonts() -> None:
    """In a forked process: fresh fonts (a font cannot be used across fork(), matplotlib forgets its own too)."""
    _FONTS.clear()
    _LAID_OUT.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_fonts)


def canvas_class():
    """The canvas class (made once, when matplotlib is first needed: importing opgavelab does not import it)."""
    global _classes
    if _classes is None:
        _classes = _make_classes()
    return _classes[0]


def _own_font(prop):
    """A font for ``prop`` that only these renderers use, or None where matplotlib's internals differ."""
    import matplotlib as mpl
    from matplotlib import font_manager as fm

    try:
        paths = tuple(fm._cached_realpath(p) for p in fm.fontManager._find_fonts_by_props(prop))
        key = (paths, mpl.rcParams["text.hinting_factor"], mpl.rcParams["text.kerning_factor"],
               threading.get_ident(), os.getpid())
        font = _FONTS.get(key)
        if font is None:
            # matplotlib's own font maker, under a thread key of ours: a font object of its own
            font = fm._get_font(paths, key[1], _kerning_factor=key[2], thread_id=("opgavelab", key[3]))
            _FONTS[key] = font
        return font
    except (AttributeError, TypeError):  # pragma: no cover - another matplotlib
        return None


def _make_classes():
    from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag

    class Renderer(RendererAgg):
        """RendererAgg that draws a line from its layout when it was just measured (see the module)."""

        def _prepare_font(self, font_prop):
            font = _own_font(font_prop)
            if font is None:  # pragma: no cover - another matplotlib
                return super()._prepare_font(font_prop)
            _LAID_OUT.pop(id(font), None)
            font.clear()
            font.set_size(font_prop.get_size_in_points(), self.dpi)
            return font

        def get_text_width_height_descent(self, s, prop, ismath):
            if ismath:
                return super().get_text_width_height_descent(s, prop, ismath)
            flags = get_hinting_flag()
            font = self._prepare_font(prop)
            font.set_text(s, 0.0, flags=flags)
            _LAID_OUT[id(font)] = (s, prop.get_size_in_points(), self.dpi, flags)
            w, h = font.get_width_height()  # width and height of the unrotated line
            d = font.get_descent()
            return w / 64.0, h / 64.0, d / 64.0

        def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
            flags = get_hinting_flag()
            font = None if ismath else _own_font(prop)
            if font is None or _LAID_OUT.get(id(font)) != (s, prop.get_size_in_points(), self.dpi, flags):
                return super().draw_text(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)
            # the font holds this line as set_text(s, 0, flags) after clear() and set_size() leaves it
            _LAID_OUT.pop(id(font), None)
            font.draw_glyphs_to_bitmap(antialiased=gc.get_antialiased())
            d = font.get_descent() / 64.0
            xo, yo = font.get_bitmap_offset()
            xo /= 64.0
            yo /= 64.0
            xd = d * sin(radians(angle))
            yd = d * cos(radians(angle))
            x = round(x + xo + xd)
            y = round(y + yo + yd)
            self._renderer.draw_text_image(font, x, y + 1, angle, gc)

    class Canvas(FigureCanvasAgg):
        """FigureCanvasAgg drawing with :class:`Renderer`."""

        def get_renderer(self):
            w, h = self.figure.bbox.size
            key = w, h, self.figure.dpi
            if self._lastKey != key:
                self.renderer = Renderer(w, h, self.figure.dpi)
                self._lastKey = key
            return self.renderer

    return Canvas, Renderer
