"""Time the generic metric families on random clustered networks.

Not a test: run it by hand and read the numbers.

    python benchmarks/bench_metrics.py            # 2,000/20,000 and 10,000/100,000
    python benchmarks/bench_metrics.py 5000:50000 # other sizes (actors:ties)

The network is a Holme-Kim power-law graph with triad closure (clustered, with
hubs, like real collaboration networks) of about ``ties / actors`` ties per
actor, each actor of one of five types. The directed version orients each tie
at random and reciprocates one in five.
"""

from __future__ import annotations

import sys
import time

import networkx as nx
import numpy as np

from opgavelab.metrics import (
    brokerage,
    brokerage_z,
    centrality,
    cohesion,
    ei_index,
    ei_index_by_actor,
)

TYPES = ["overheid", "bedrijf", "maatschappelijke organisatie", "kennisinstelling", "burger"]


def clustered_network(n_actors: int, n_ties: int, seed: int = 1) -> tuple[nx.Graph, nx.DiGraph]:
    G = nx.powerlaw_cluster_graph(n_actors, max(1, round(n_ties / n_actors)), 0.5, seed=seed)
    rng = np.random.default_rng(seed)
    nx.set_node_attributes(G, {v: TYPES[rng.integers(len(TYPES))] for v in G}, "type")
    D = nx.DiGraph()
    D.add_nodes_from(G.nodes(data=True))
    for u, v in G.edges():
        r = rng.random()
        if r < 0.4:
            D.add_edge(u, v)
        elif r < 0.8:
            D.add_edge(v, u)
        else:
            D.add_edge(u, v)
            D.add_edge(v, u)
    return G, D


def timed(label: str, function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    seconds = time.perf_counter() - start
    print(f"  {label:<32s} {seconds:8.2f} s")
    return result


def main(sizes: list[tuple[int, int]]) -> None:
    for n_actors, n_ties in sizes:
        G, D = clustered_network(n_actors, n_ties)
        print(f"\n{n_actors:,} actors, {G.number_of_edges():,} ties (directed: {D.number_of_edges():,} arcs)")
        for name, graph in (("undirected", G), ("directed", D)):
            timed(f"brokerage ({name})", brokerage, graph, "type")
            timed(f"brokerage_z ({name})", brokerage_z, graph, "type")
            timed(f"cohesion ({name})", cohesion, graph)
            df = timed(f"centrality ({name})", centrality, graph)
            note = "sampled" if df.attrs["betweenness_approximate"] else "exact"
            print(f"  {'':<32s} betweenness {note}, k = {df.attrs['betweenness_k']}")
            timed(f"ei_index ({name})", ei_index, graph, "type")
            timed(f"ei_index_by_actor ({name})", ei_index_by_actor, graph, "type")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        chosen = [tuple(int(x) for x in arg.split(":")) for arg in sys.argv[1:]]
    else:
        chosen = [(2_000, 20_000), (10_000, 100_000)]
    main(chosen)
