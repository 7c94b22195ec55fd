"""Faster PDF font embedding for many figures in one run (``opgavelab report``).

matplotlib embeds each font of a PDF as a subset made by fontTools
(``pdf.fonttype`` 42: texts stay texts). Two things make that slow when a
run writes many PDFs:

- fontTools walks the font's layout tables (GSUB/GPOS: ligatures, kerning
  for shaping engines) to find every glyph a substitution could reach, and
  copies those tables into the subset. A PDF needs neither: matplotlib has
  already chosen every glyph and placed it, and the viewer only draws the
  outlines it is given.
- every PDF parses the whole font file again (DejaVu Sans: 6,000 glyphs,
  their names, widths and outlines) for the few dozen glyphs it uses.

:func:`lean_pdf_fonts` swaps in a subsetter that keeps the same glyphs and
outlines, names and Unicode map (texts stay searchable and copyable) and
drops the layout tables; and it parses each font file once per block: the
first PDF cuts the font down to Latin-1 and the glyphs asked for (kept in
memory), and every PDF takes its exact subset from that small font, so the
files are the same as without the cache. When matplotlib's internals are not
the ones this was written for, it changes nothing.
"""

from __future__ import annotations

import contextlib
import io
import os

__all__ = ["lean_pdf_fonts"]

_LAYOUT_TABLES = ["GSUB", "GPOS", "GDEF", "JSTF", "BASE", "MATH"]
#: the characters every cached font keeps: Latin-1 and the punctuation the figures use (– — ‘ ’ “ ” • … · → ≈ €)
_BASE_CHARS = [*range(0x20, 0x7F), *range(0xA0, 0x180), *range(0x2010, 0x2027), 0x2030, 0x2192, 0x2248, 0x20AC]


def _options(face_index: int):
    from fontTools import subset

    options = subset.Options(glyph_names=True, recommended_glyphs=True, layout_closure=False)
    options.drop_tables += [
        "FFTM", "PfEd", "BDF", "meta", "MERG", "TSIV", "Zapf", "bdat", "bloc", "cidg", "fdsc", "feat", "fmtx",
        "fond", "just", "kerx", "ltag", "morx", "trak", "xref", *_LAYOUT_TABLES,
    ]
    options.font_number = face_index
    return options


def _subset(source, face_index: int, gids=None, text: str | None = None):
    """The font in ``source`` (a path or a file) cut down to ``gids`` or to the characters of ``text``:
    (TTFont, {old gid: new gid})."""
    from fontTools import subset

    options = _options(face_index)
    font = subset.load_font(source, options)
    subsetter = subset.Subsetter(options=options)
    if text is not None:
        subsetter.populate(text=text)
    else:
        subsetter.populate(gids=gids)
    subsetter.subset(font)
    return font, subsetter.glyph_index_map


def _lean_subset_by_text(original, cache: dict | None = None):
    """matplotlib 3.10's ``get_glyphs_subset(fontfile, characters)`` (it returns the subset font), lean;
    with ``cache``, each font file is parsed once (cut down to Latin-1 and every character asked for)."""

    def get_glyphs_subset(fontfile, characters):
        path = os.fspath(fontfile)
        face = 0 if path.endswith(".ttc") else -1
        if cache is None:
            return _subset(path, face, text=characters)[0]
        base = cache.get(path)
        if base is None or not set(characters) <= base[1]:
            chars = set(characters) | {chr(c) for c in _BASE_CHARS} | (base[1] if base else set())
            font, _ = _subset(path, face, text="".join(sorted(chars)))
            data = io.BytesIO()
            font.save(data, reorderTables=False)
            font.close()
            base = cache[path] = (data.getvalue(), chars)
        return _subset(io.BytesIO(base[0]), -1, text=characters)[0]

    get_glyphs_subset.__wrapped__ = original
    return get_glyphs_subset


def _lean_subset(original, cache: dict | None = None):
    """matplotlib's ``get_glyphs_subset``, lean; with ``cache`` (a dict), each font file is parsed once."""

    def get_glyphs_subset(fontfile, glyphs):
        from matplotlib.backends import _backend_pdf_ps as pdf_ps

        glyphs = set(glyphs)
        if cache is None:
            font, mapping = _subset(fontfile, fontfile.face_index, glyphs)
            return pdf_ps.SubsetResults(font, mapping)._as_cm()
        key = (os.fspath(fontfile), fontfile.face_index)
        base = cache.get(key)
        if base is None or not glyphs <= base[1].keys():
            # the small font this run cuts its subsets from: Latin-1 and everything asked for so far
            from matplotlib.font_manager import get_font

            charmap = get_font(fontfile).get_charmap()
            wanted = glyphs | {charmap[c] for c in _BASE_CHARS if c in charmap} | (set(base[1]) if base else set())
            font, mapping = _subset(fontfile, fontfile.face_index, wanted)
            data = io.BytesIO()
            font.save(data, reorderTables=False)
            font.close()
            base = cache[key] = (data.getvalue(), mapping)
        data, to_base = base
        font, mapping = _subset(io.BytesIO(data), -1, {to_base[g] for g in glyphs})
        return pdf_ps.SubsetResults(font, {g: mapping[to_base[g]] for g in glyphs})._as_cm()

    get_glyphs_subset.__wrapped__ = original
    return get_glyphs_subset


@contextlib.contextmanager
def lean_pdf_fonts(cache: bool = True):
    """Within this block, PDFs written by matplotlib embed fonts without their layout tables.

    The same glyphs, the same look, texts still texts; written in about half
    the time, and, with ``cache``, each font file is read once for all PDFs
    of the block. Not thread-safe (it swaps a function of matplotlib's PDF
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
    import inspect

    original = getattr(pdf_ps, "get_glyphs_subset", None)
    params = list(inspect.signature(original).parameters) if original is not None else []
    if hasattr(pdf_ps, "SubsetResults") and params == ["fontfile", "glyphs"]:  # matplotlib 3.11: glyph ids
        pdf_ps.get_glyphs_subset = _lean_subset(original, {} if cache else None)
    elif params == ["fontfile", "characters"]:  # matplotlib 3.8-3.10: characters, the subset font returned
        pdf_ps.get_glyphs_subset = _lean_subset_by_text(original, {} if cache else None)
    else:  # other matplotlib internals: leave them be
        yield
        return
    try:
        yield
    finally:
        pdf_ps.get_glyphs_subset = original
