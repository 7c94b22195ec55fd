"""Faster PDF font embedding for many figures in one run (``opgavelab report``).

matplotlib embeds each font of a PDF as a subset made by fontTools
(``pdf.fonttype`` 42: texts stay texts). fontTools then also walks the font's
layout tables (GSUB/GPOS: ligatures, kerning for shaping engines) to find
every glyph a substitution could reach, and copies those tables into the
subset. A PDF needs neither: matplotlib has already chosen every glyph and
placed it, and the viewer only draws the outlines it is given. For DejaVu
Sans that walk is most of the time a PDF takes to write (about 0.5 s per
font per file on the report's figures).

:func:`lean_pdf_fonts` swaps in a subsetter that keeps the same glyphs and
outlines, names and Unicode map (texts stay searchable and copyable) and
drops the layout tables. When matplotlib's internals are not the ones this
was written for, it changes nothing.
"""

from __future__ import annotations

import contextlib

__all__ = ["lean_pdf_fonts"]

_LAYOUT_TABLES = ["GSUB", "GPOS", "GDEF", "JSTF", "BASE", "MATH"]


def _lean_subset(original):
    def get_glyphs_subset(fontfile, glyphs):
        from fontTools import subset

        from matplotlib.backends import _backend_pdf_ps as pdf_ps

        options = subset.Options(glyph_names=True, recommended_glyphs=True, layout_closure=False)
        options.drop_tables += [
            "FFTM", "PfEd", "BDF", "meta", "MERG", "TSIV", "Zapf", "bdat", "bloc", "cidg", "fdsc", "feat", "fmtx",
            "fond", "just", "kerx", "ltag", "morx", "trak", "xref", *_LAYOUT_TABLES,
        ]
        options.font_number = fontfile.face_index
        font = subset.load_font(fontfile, options)
        subsetter = subset.Subsetter(options=options)
        subsetter.populate(gids=glyphs)
        subsetter.subset(font)
        return pdf_ps.SubsetResults(font, subsetter.glyph_index_map)._as_cm()

    get_glyphs_subset.__wrapped__ = original
    return get_glyphs_subset


@contextlib.contextmanager
def lean_pdf_fonts():
    """Within this block, PDFs written by matplotlib embed fonts without their layout tables.

    The same glyphs, the same look, texts still texts; written in about half
    the time. Not thread-safe (it swaps a function of matplotlib's PDF
    backend for the duration of the block).

    Examples
    --------
    >>> with lean_pdf_fonts():
    ...     pass
    """
    try:
        from matplotlib.backends import _backend_pdf_ps as pdf_ps
    except ImportError:  # pragma: no cover - matplotlib without its PDF backend
        yield
        return
    original = getattr(pdf_ps, "get_glyphs_subset", None)
    if original is None or not hasattr(pdf_ps, "SubsetResults"):  # other matplotlib internals: leave them be
        yield
        return
    pdf_ps.get_glyphs_subset = _lean_subset(original)
    try:
        yield
    finally:
        pdf_ps.get_glyphs_subset = original
