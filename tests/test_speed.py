"""Shared work in the report (issue 21): the shortcuts change nothing a reader sees."""

from __future__ import annotations

import pandas as pd
import pytest

from opgavelab import Case
from opgavelab._pdf_fonts import lean_pdf_fonts
from opgavelab.network import opgave_graph, reuse_graphs


def _case() -> Case:
    return Case.from_frames(
        actors=pd.DataFrame({"id": ["a", "b", "c"], "naam": ["Gemeente Aa", "Bedrijf Bé", "Stichting Cé"],
                             "type": ["overheid", "bedrijf", "maatschappelijke organisatie"]}),
        opgaven=pd.DataFrame({"id": ["o"], "naam": ["Opgave"]}),
        involvement=pd.DataFrame({"actor": ["a", "b", "c"], "opgave": ["o", "o", "o"],
                                  "sinds": [2019, 2020, 2021]}),
        ties=pd.DataFrame({"van": ["a", "b"], "naar": ["b", "c"], "sinds": [2019, 2021]}),
    )


def test_reused_graphs_are_copies_with_the_same_content():
    case = _case()
    plain = opgave_graph(case, "o", at=2021)
    with reuse_graphs():
        first = opgave_graph(case, "o", at=2021)
        first.remove_node("a")  # a caller changing its graph changes nothing for the next
        second = opgave_graph(case, "o", at=2021)
        earlier = opgave_graph(case, "o", at=2020)
    assert sorted(second.nodes) == sorted(plain.nodes) and sorted(second.edges) == sorted(plain.edges)
    assert dict(second.nodes(data=True)) == dict(plain.nodes(data=True))
    assert sorted(earlier.nodes) == ["a", "b"]


def test_lean_pdf_fonts_keep_the_text_and_restore_matplotlib():
    pytest.importorskip("fontTools")
    from matplotlib.backends import _backend_pdf_ps as pdf_ps
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    import io
    import zlib
    import re

    original = pdf_ps.get_glyphs_subset
    fig = Figure(figsize=(3, 1))
    FigureCanvasAgg(fig)
    fig.text(0.1, 0.5, "Veenmarken ëé")

    def pdf(lean: bool) -> bytes:
        buf = io.BytesIO()
        import matplotlib

        with matplotlib.rc_context({"pdf.fonttype": 42}):
            if lean:
                with lean_pdf_fonts():
                    assert pdf_ps.get_glyphs_subset is not original
                    fig.savefig(buf, format="pdf")
            else:
                fig.savefig(buf, format="pdf")
        return buf.getvalue()

    full, lean = pdf(False), pdf(True)
    assert pdf_ps.get_glyphs_subset is original

    def unicode_maps(data: bytes) -> list[bytes]:
        maps = []
        for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
            try:
                text = zlib.decompress(m.group(1))
            except zlib.error:
                continue
            if b"beginbfchar" in text or b"beginbfrange" in text:
                maps.append(text)
        return maps

    # the same characters are mapped back to Unicode (texts stay searchable), in a file no larger
    assert unicode_maps(lean) == unicode_maps(full) and unicode_maps(lean)
    assert len(lean) <= len(full)


def test_pdf_fonts_read_once_give_the_same_files():
    pytest.importorskip("fontTools")
    import io

    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    def figure(words: str) -> Figure:
        fig = Figure(figsize=(3, 1))
        FigureCanvasAgg(fig)
        fig.text(0.1, 0.5, words)
        fig.text(0.1, 0.2, words.upper(), fontweight="bold")
        return fig

    # the second text needs glyphs the first did not (ŋ is outside Latin-1): the cached font grows
    figs = [figure("Veenmarken ëé"), figure("Zorg – ŋ 3½")]

    def pdfs(cache: bool) -> list[bytes]:
        out = []
        with matplotlib.rc_context({"pdf.fonttype": 42}), lean_pdf_fonts(cache=cache):
            for fig in figs + figs:
                buf = io.BytesIO()
                fig.savefig(buf, format="pdf", metadata={"CreationDate": None})
                out.append(buf.getvalue())
        return out

    assert pdfs(cache=True) == pdfs(cache=False)
