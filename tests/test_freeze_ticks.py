"""The report's charts with their ticks drawn as plain artists look as matplotlib draws them (issue 21)."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from PIL import Image

from opgavelab.draw._ticks import freeze_ticks
from opgavelab.draw.static import coverage_figure, formation_figure


def _pixels(fig) -> np.ndarray:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=60)
    return np.asarray(Image.open(buf).convert("L")).astype(int)


def _formation(n_years: int) -> pd.DataFrame:
    rng = np.random.default_rng(n_years)
    dates = pd.DatetimeIndex([f"{2010 + i}-12-31" for i in range(n_years)], name="date")
    return pd.DataFrame({"n_actors": rng.integers(2, 90, n_years), "n_ties": rng.integers(1, 2_000_000, n_years),
                         "density": rng.random(n_years), "n_components": rng.integers(1, 9, n_years),
                         "largest_component_share": rng.random(n_years), "ei_type": rng.random(n_years) * 2 - 1},
                        index=dates)


@pytest.mark.parametrize("n_years", [1, 4, 13])
def test_a_frozen_formation_chart_has_the_same_marks_labels_and_grid(n_years):
    live = formation_figure(_formation(n_years), lang="en")
    frozen = formation_figure(_formation(n_years), lang="en")
    n = freeze_ticks(frozen)
    assert n >= 6  # every chart's axis that has no offset text (an axis of millions keeps its own ticks)
    # the labels matplotlib draws (the ticks inside the view), each now a text of the axes, in the same place
    shown = [(t.label1.get_text(), tuple(np.round(t.label1.get_window_extent().bounds)))
             for ax in live.axes for axis in (ax.xaxis, ax.yaxis) for t in axis._update_ticks() if t.label1.get_text()]
    texts = [(t.get_text(), tuple(np.round(t.get_window_extent().bounds))) for ax in frozen.axes
             for t in ax.texts + [t.label1 for axis in (ax.xaxis, ax.yaxis) for t in axis._update_ticks()]]
    assert shown and set(shown) <= set(texts)
    a, b = _pixels(live), _pixels(frozen)
    assert a.shape == b.shape
    # the same picture: a pixel or two where grid lines cross are blended in another order
    assert np.mean(np.abs(a - b) > 16) < 0.001


def test_an_axis_with_a_label_keeps_its_own_ticks():
    cov = pd.DataFrame({"domain": ["a", "b", "c"], "label": ["A", "B", "C"], "n_actors": [2, 0, 5],
                        "needed": [True, True, False], "covered": [True, False, True]})
    try:
        fig = coverage_figure(cov, lang="en")
    except (KeyError, ValueError):  # pragma: no cover -- the coverage table's columns are the scan's
        pytest.skip("coverage table shape")
    ax = fig.axes[0]
    xlabels = [t.get_text() for t in ax.xaxis.get_ticklabels()]
    freeze_ticks(fig)
    assert ax.xaxis.get_label_text()  # the count axis has a label: it stays live
    assert [t.get_text() for t in ax.xaxis.get_ticklabels()] == xlabels
    assert len(ax.yaxis.get_major_ticks()) == 0 or not ax.yaxis.get_majorticklocs().size


def test_a_tick_styled_on_its_own_keeps_its_look_and_the_others_take_the_first_ones():
    from matplotlib.colors import to_hex
    from matplotlib.figure import Figure

    fig = Figure()
    ax = fig.add_subplot()
    ax.plot([0, 10], [0, 1])
    ax.set_xlim(0, 10)
    ax.set_xticks([0, 2, 4, 6, 8, 10])
    ax.tick_params(axis="x", labelrotation=30, labelcolor="#0000ff")
    ax.xaxis.get_major_ticks()[2].label1.set_color("#ff0000")  # the third tick only (the axis made every tick)
    ax.set_yticks([0, 0.5, 1])
    fig.canvas.draw()
    live = {t.label1.get_text(): (to_hex(t.label1.get_color()), t.label1.get_rotation(),
                                  tuple(np.round(t.label1.get_window_extent().bounds)))
            for t in ax.xaxis._update_ticks()}
    assert freeze_ticks(fig) == 2
    frozen = {t.get_text(): (to_hex(t.get_color()), t.get_rotation(), tuple(np.round(t.get_window_extent().bounds)))
              for t in ax.texts}
    assert {k: frozen[k] for k in live} == live
    assert live["4"][0] == "#ff0000" and live["6"][0] == "#0000ff"
    assert {"0.0", "0.5", "1.0"} <= set(frozen)  # the y axis: only its first tick was made before freezing
