"""Texts measured once per kind of renderer (issue 21): the same numbers, the same files, matplotlib put back."""

from __future__ import annotations

import io

import matplotlib
import matplotlib.text as mtext
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from opgavelab._text_metrics import shared_text_metrics


def _figure(words: list[str]) -> Figure:
    fig = Figure(figsize=(3, 2))
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.set_title("Titel " + words[0], fontweight="bold")
    for k, w in enumerate(words):
        ax.text(0.1, 0.1 + 0.15 * k, w, fontsize=7 + k)
    ax.set_xlabel("jaar")
    return fig


def _saved(fig, fmt: str) -> bytes:
    out = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "pdf.fonttype": 42, "svg.hashsalt": "x"}):
        fig.savefig(out, format=fmt, dpi=60, metadata={"CreationDate": None} if fmt == "pdf" else {"Date": None})
    return out.getvalue()


def test_the_block_measures_each_text_once_and_gives_the_same_numbers():
    fig = _figure(["actor één", "Gemeente", "ÉÉN — twee"])
    renderer = fig.canvas.get_renderer()
    texts = [t for t in fig.findobj(mtext.Text) if t.get_text()]
    plain = [mtext._get_text_metrics_with_cache(renderer, t.get_text(), t.get_fontproperties(), False, 60)
             for t in texts]
    asked = []
    original = mtext._get_text_metrics_with_cache_impl

    with shared_text_metrics():
        mtext._get_text_metrics_with_cache_impl = lambda *a: asked.append(a[1]) or original(*a)
        try:
            for _ in range(2):  # a second renderer of the same kind and dpi measures nothing again
                other = FigureCanvasAgg(_figure(["x"])).get_renderer()
                other.dpi = renderer.dpi
                got = [mtext._get_text_metrics_with_cache(other, t.get_text(), t.get_fontproperties(), False, 60)
                       for t in texts]
                assert got == plain
        finally:
            mtext._get_text_metrics_with_cache_impl = original
    assert sorted(asked) == sorted(t.get_text() for t in texts)
    assert getattr(mtext._get_text_metrics_with_cache, "__wrapped__", None) is None  # put back


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_figures_saved_within_the_block_are_the_same(fmt):
    words = ["Provincie", "Waterschap", "bedrijf (3)"]
    before = [_saved(_figure(words), fmt), _saved(_figure(words[::-1]), fmt)]
    with shared_text_metrics():
        within = [_saved(_figure(words), fmt), _saved(_figure(words[::-1]), fmt)]
    if fmt == "png":
        from PIL import Image

        for a, b in zip(before, within):
            assert np.array_equal(np.asarray(Image.open(io.BytesIO(a))), np.asarray(Image.open(io.BytesIO(b))))
    else:
        assert within == before
