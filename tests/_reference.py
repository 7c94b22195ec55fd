"""Readers for the published reference networks in ``shared/reference``.

Small and private to the tests: the files are read where they are, never copied
into the project.
"""

from __future__ import annotations

import csv
import shlex
from pathlib import Path

import networkx as nx


def read_pajek(path: Path, directed: bool = False) -> nx.Graph:
    """A Pajek ``.net`` file: ``*Vertices`` with quoted labels, then ``*Arcs``/``*Edges``.

    Nodes are the vertex labels. With ``directed=False`` arcs listed in both
    directions become one undirected tie.
    """
    G = nx.DiGraph() if directed else nx.Graph()
    labels: dict[str, str] = {}
    section = None
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("*"):
            section = line.split()[0].lower()
            continue
        if section == "*vertices":
            number, label, *_ = shlex.split(line)
            labels[number] = label
            G.add_node(label)
        elif section in ("*arcs", "*edges"):
            source, target, *_ = line.split()
            G.add_edge(labels[source], labels[target])
    return G


def read_table(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def read_network(edges: Path, vertices: Path, directed: bool = False) -> nx.Graph:
    """An edge list CSV (first two columns) plus a vertex CSV (first column = id).

    Every other vertex column becomes a node attribute (as text).
    """
    G = nx.DiGraph() if directed else nx.Graph()
    for row in read_table(vertices):
        (id_column, node), *rest = row.items()
        G.add_node(node, **dict(rest))
    for row in read_table(edges):
        source, target = list(row.values())[:2]
        G.add_edge(source, target)
    return G


def read_groups(path: Path) -> dict[str, str]:
    """A two-column CSV ``name, group`` (header in the first row)."""
    return {row[0]: row[1] for row in (list(r.values()) for r in read_table(path))}
