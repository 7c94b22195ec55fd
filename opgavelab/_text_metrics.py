"""Text measured once for many figures in one run (``opgavelab report``).

matplotlib measures every text it places (width, height, descent) and keeps
the result for the renderer that asked: a figure saved as PNG, SVG and PDF,
or the next figure, measures the same names, titles and legend entries
again. Setting a text in FreeType costs about a quarter of a millisecond; a
report measured 1,638 texts of which 704 differed.

Within :func:`shared_text_metrics` the measurements are kept per kind of
renderer instead of per renderer: a text measured by one Agg renderer at 300
dpi is not measured again by the next Agg renderer at 300 dpi. The key holds
everything the measurement depends on (the kind of renderer and its dpi, the
text, the font properties and the font file they resolve to, math or not,
and the settings of FreeType's hinting and kerning), so the numbers, and so
the figures, are the same as without it. When matplotlib's internals are
not the ones this was written for, it changes nothing.
"""

from __future__ import annotations

import contextlib

__all__ = ["shared_text_metrics"]

#: settings a measurement depends on besides the text and the font
_RC = ("text.hinting", "text.hinting_factor", "text.kerning_factor", "pdf.use14corefonts", "ps.useafm",
       "text.usetex", "mathtext.fontset", "font.size")
#: at most this many measurements are kept (matplotlib keeps 4,096 for all renderers together)
MAX_KEPT = 20_000


def _shared(original):
    """matplotlib's ``_get_text_metrics_with_cache(renderer, text, fontprop, ismath, dpi)``, its results kept
    per kind of renderer and dpi."""
    import matplotlib
    from matplotlib.font_manager import findfont

    kept: dict = {}
    rc = matplotlib.rcParams

    def get_text_metrics(renderer, text, fontprop, ismath, dpi):
        inner = getattr(renderer, "_renderer", renderer)  # MixedModeRenderer: the PDF or SVG renderer within
        try:
            font_file = findfont(fontprop) if ismath is False else None
            key = (type(inner), getattr(inner, "dpi", None), text, fontprop, font_file, ismath, dpi,
                   tuple(rc[k] for k in _RC))
            hash(key)
        except Exception:  # noqa: BLE001 -- anything unusual is measured as matplotlib does
            return original(renderer, text, fontprop, ismath, dpi)
        got = kept.get(key)
        if got is None:
            got = original(renderer, text, fontprop, ismath, dpi)
            if len(kept) < MAX_KEPT:
                kept[key[:3] + (fontprop.copy(),) + key[4:]] = got  # a copy: the caller may change its own
        return got

    get_text_metrics.__wrapped__ = original
    return get_text_metrics


@contextlib.contextmanager
def shared_text_metrics():
    """Within this block, a text measured once is not measured again by another renderer of the same kind.

    Not thread-safe (it swaps a function of matplotlib's text module for the
    duration of the block).

    Examples
    --------
    >>> with shared_text_metrics():
    ...     pass
    """
    try:
        import matplotlib.text as mtext
    except ImportError:  # pragma: no cover
        yield
        return
    import inspect

    original = getattr(mtext, "_get_text_metrics_with_cache", None)
    params = list(inspect.signature(original).parameters) if original is not None else []
    if params != ["renderer", "text", "fontprop", "ismath", "dpi"]:  # other matplotlib internals: leave them be
        yield
        return
    mtext._get_text_metrics_with_cache = _shared(original)
    try:
        yield
    finally:
        mtext._get_text_metrics_with_cache = original
