"""What every metric family shares: a graph as index arrays and a sparse matrix.

The metric modules (:mod:`~opgavelab.metrics.cohesion`,
:mod:`~opgavelab.metrics.centrality`, :mod:`~opgavelab.metrics.brokerage`,
:mod:`~opgavelab.metrics.keyplayers`, ...) compute on these, so that a graph is
turned into numbers in one way: nodes in ``G``'s order, self-loops dropped,
an undirected tie counted once by networkx and twice in the matrix.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping

import networkx as nx
import numpy as np
import pandas as pd
from opgavelab._lazy import lazy_module

sp = lazy_module("scipy.sparse")  # imported at first use (the explorer's first picture needs none)

def _is_number(value) -> bool:
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return True


def _arcs(G, weight: str | None = None):
    """Nodes (in ``G``'s order) and the ties as index arrays, with weights if asked."""
    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    if weight is None:
        pairs = [(index[u], index[v]) for u, v in G.edges() if u != v]
        vals = None
    else:
        pairs, vals = [], []
        for u, v, w in G.edges(data=weight, default=1):
            if u != v:
                pairs.append((index[u], index[v]))
                vals.append(w)
    if pairs:
        rc = np.asarray(pairs, dtype=np.int64)
        rows, cols = rc[:, 0], rc[:, 1]
    else:
        rows = cols = np.zeros(0, dtype=np.int64)
    if vals is None:
        return nodes, rows, cols, None
    try:
        data = np.asarray(vals, dtype=float)
    except (TypeError, ValueError):
        bad = next(w for w in vals if not _is_number(w))
        msg = (
            f"Tie weights in the attribute {weight!r} must be numbers, got {bad!r}. "
            "Convert the weights to numbers or pass weight=None."
        )
        raise TypeError(msg) from None
    return nodes, rows, cols, data


def _matrix(n: int, rows, cols, data, directed: bool, symmetric: bool = False):
    """Sparse n x n matrix of the ties; binary when ``data`` is None."""
    binary = data is None
    A = sp.csr_array((np.ones(len(rows)) if binary else data, (rows, cols)), shape=(n, n))
    A.sum_duplicates()  # parallel ties of a multigraph add up
    if not directed:
        A = A + A.T  # networkx reports an undirected tie once
    elif symmetric:
        A = A + A.T if binary else A.maximum(A.T)
    A = sp.csr_array(A)
    if binary:
        A.data[:] = 1.0
    return A


def _adjacency(G, weight: str | None = None, symmetric: bool = False):
    """Nodes (in ``G``'s order) and the sparse adjacency matrix of ``G``.

    Rows are senders, columns receivers. Self-loops are dropped. Without
    ``weight`` the matrix is binary (parallel ties of a multigraph collapse);
    with ``weight`` parallel ties add up and a missing weight counts as 1.
    ``symmetric=True`` gives the undirected version of a DiGraph (a tie in
    either direction; with weights the larger of the two arcs).
    """
    nodes, rows, cols, data = _arcs(G, weight)
    return nodes, _matrix(len(nodes), rows, cols, data, G.is_directed(), symmetric)


def _n_ties(G) -> int:
    """Distinct ties without self-loops (arcs for a DiGraph)."""
    if G.is_multigraph():
        G = nx.DiGraph(G) if G.is_directed() else nx.Graph(G)
    return G.number_of_edges() - nx.number_of_selfloops(G)


def _undirected_simple(G) -> nx.Graph:
    H = nx.Graph()
    H.add_nodes_from(G)
    H.add_edges_from((u, v) for u, v in G.edges() if u != v)
    return H


def _sort_labels(labels: Iterable) -> list:
    labels = list(labels)
    try:
        return sorted(labels)
    except TypeError:
        return sorted(labels, key=lambda x: (type(x).__name__, str(x)))


def _attribute_values(G, attr) -> dict:
    """Raw attribute value of every node (``None`` when absent)."""
    if isinstance(attr, pd.Series):
        attr = attr.to_dict()
    if isinstance(attr, Mapping):
        values = {v: attr.get(v) for v in G}
        if values and attr and not any(v in attr for v in G):
            node, key = next(iter(G)), next(iter(attr))
            msg = (
                "None of the nodes is a key of the mapping given as 'attr' (for example "
                f"node {node!r} of type {type(node).__name__}, key {key!r} of type "
                f"{type(key).__name__}). Use the node ids as keys."
            )
            raise ValueError(msg)
        return values
    if not isinstance(attr, Hashable):
        msg = f"'attr' must be the name of a node attribute or a mapping from node to value, got {type(attr).__name__}."
        raise TypeError(msg)
    values = {v: data.get(attr) for v, data in G.nodes(data=True)}
    if values and all(attr not in data for _, data in G.nodes(data=True)):
        present = _sort_labels({k for _, data in G.nodes(data=True) for k in data})
        msg = (
            f"No node has the attribute {attr!r}. Node attributes present: {present}. "
            "Check the spelling, or pass a mapping from node to value."
        )
        raise ValueError(msg)
    return values
