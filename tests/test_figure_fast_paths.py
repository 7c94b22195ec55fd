"""The figure's quick paths give what the plain ways give: the Agg canvas's pixels, the layout's edge arrays,
the network's adjacency."""

import math

import networkx as nx
import numpy as np
import pytest


def _reference_edge_arrays(G, index, weight):
    """The layout's edge arrays as networkx's edge view gives them, each weight on its own."""
    from opgavelab.draw.layout import _strength

    arcs = [(index[u], index[v], w) for u, v, w in G.edges(data=weight, default=1.0)] if weight else \
        [(index[u], index[v], 1.0) for u, v in G.edges()]
    arcs = [(i, j, _strength(w)) for i, j, w in arcs if i != j]
    if not arcs:
        return np.zeros(0, int), np.zeros(0, int), np.zeros(0)
    i, j, w = (np.array([a[k] for a in arcs]) for k in range(3))
    lo, hi = np.minimum(i, j), np.maximum(i, j)
    pair, inverse = np.unique(lo * len(index) + hi, return_inverse=True)
    if G.is_directed():
        strength = np.zeros(len(pair))
        np.maximum.at(strength, inverse, w)
    else:
        order = np.lexsort((w, inverse))
        strength = np.bincount(inverse[order], weights=w[order], minlength=len(pair))
    strength = np.clip(strength / np.median(strength), 0.3, 3.0)
    return pair // len(index), pair % len(index), strength


def _odd_graph(cls):
    G = cls()
    G.add_edge("a", "b", weight=2)
    G.add_edge("b", "c", weight="x")
    G.add_edge("c", "c", weight=5.0)  # a loop: left out
    G.add_edge("c", "d", weight=None)
    G.add_edge("d", "e", weight=-1)
    G.add_edge("e", "f", weight=math.inf)
    G.add_edge("f", "g", weight=[1, 2])
    G.add_edge("g", "a", weight=np.float32(2.5))
    G.add_edge("b", "a", weight=3.5)
    G.add_edge("a", "d")
    return G


@pytest.mark.parametrize("cls", [nx.Graph, nx.DiGraph, nx.MultiGraph])
@pytest.mark.parametrize("weight", ["weight", None])
def test_edge_arrays_are_those_of_the_edge_view(cls, weight):
    from opgavelab.draw.layout import _edge_arrays, _sorted_nodes

    G = _odd_graph(cls)
    index = {v: i for i, v in enumerate(_sorted_nodes(G))}
    for got, want in zip(_edge_arrays(G, index, weight), _reference_edge_arrays(G, index, weight)):
        assert got.tolist() == want.tolist()


@pytest.mark.parametrize("cls", [nx.Graph, nx.DiGraph])
def test_add_edges_builds_what_networkx_builds(cls):
    from opgavelab.network import _add_edges

    edges = [("a", "b", {"weight": 1.0, "n": 1}), ("b", "c", {"weight": 2.0}), ("c", "z", {"weight": 3.0}),
             ("b", "a", {"weight": 4.0})] if cls is nx.DiGraph else \
        [("a", "b", {"weight": 1.0, "n": 1}), ("b", "c", {"weight": 2.0}), ("c", "z", {"weight": 3.0})]
    want, got = cls(), cls()
    for G in (want, got):
        G.add_nodes_from([("a", {"k": 1}), ("b", {}), ("c", {})])
    want.add_edges_from((u, v, dict(d)) for u, v, d in edges)
    _add_edges(got, ((u, v, dict(d)) for u, v, d in edges))  # "z" is no node yet: networkx adds it
    assert list(got.nodes(data=True)) == list(want.nodes(data=True))
    assert list(got.edges(data=True)) == list(want.edges(data=True))
    assert {u: list(nbrs) for u, nbrs in got.adj.items()} == {u: list(nbrs) for u, nbrs in want.adj.items()}
    if cls is nx.DiGraph:
        assert {u: list(p) for u, p in got.pred.items()} == {u: list(p) for u, p in want.pred.items()}


def test_agg_canvas_draws_what_matplotlibs_draws():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from opgavelab.draw._agg import canvas_class

    def draw(canvas_cls):
        fig = Figure(figsize=(3, 2), dpi=100)
        canvas = canvas_cls(fig)
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_axis_off()
        ax.text(0.1, 0.8, "Gemeente Noordhout", fontsize=7)
        ax.text(0.1, 0.6, "twee\nregels", fontsize=8, fontweight="bold", linespacing=1.05)
        ax.text(0.5, 0.5, "schuin", rotation=30, fontsize=9)
        ax.annotate("Waterschap", (0.6, 0.2), xytext=(4, 4), textcoords="offset points", fontsize=7,
                    bbox=dict(boxstyle="square,pad=0.08", fc="white", ec="none", alpha=0.8))
        ax.text(0.1, 0.1, "Gemeente Noordhout", fontsize=7)  # a line the font laid out before
        fig.text(0.6, 0.9, "$x^2$ en tekst", fontsize=8)  # mathtext: matplotlib's own way
        canvas.print_figure(pixels := _Sink(), format="rgba", dpi=150)
        return pixels.data

    assert draw(canvas_class()) == draw(FigureCanvasAgg)


class _Sink:
    data = b""

    def write(self, data):
        self.data += bytes(data)

    def seek(self, *args):
        return 0
