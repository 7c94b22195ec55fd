"""How far a collective runs through one actor: a descriptive aid for governance modes.

Provan & Kenis (2008) distinguish three modes of network governance: *shared
governance* (the participants govern together), a *lead organisation* (one
participant coordinates) and a *network administrative organisation* (NAO: a
separate entity set up only to govern the network, such as an economic board).
The mode is a matter of mandate and agreements, which a network of ties does
not show. What the ties do show is how far the collective runs through one
actor. :func:`governance_profile` reports that, and whether that actor is one
the analyst marks as a dedicated network organisation; it does not classify.
"""

from __future__ import annotations

__all__ = ["governance_profile"]

import networkx as nx
import pandas as pd
from .._docs import raises


@raises("graph")
def governance_profile(G: nx.Graph, network_organisations=()) -> pd.Series:
    """Descriptive figures on how centred a collective is on its most central actor.

    Parameters
    ----------
    G : networkx.Graph
        The actor network around an opgave (directions are ignored).
    network_organisations : iterable of node ids, optional
        Actors the analyst knows to be dedicated network organisations (set up
        to run the collaboration, not a participant with its own task).

    Returns
    -------
    pandas.Series
        ``hub`` (the actor with most ties; ties broken by betweenness, then id),
        ``hub_degree``, ``hub_tie_share`` (share of all ties that involve the
        hub), ``hub_betweenness`` (share of the shortest paths between other
        actors that run through the hub, Freeman's normalised betweenness),
        ``degree_centralization`` (Freeman 1979: 0 all equal, 1 a star),
        ``hub_is_network_organisation`` (bool) and ``n_actors``, ``n_ties``.

        High shares mean the collective leans on one actor, as under a lead
        organisation or an NAO; low shares fit shared governance. Which of the
        two it is depends on whether the hub is a participant or a dedicated
        organisation, which the analyst says.

    Examples
    --------
    >>> import networkx as nx
    >>> p = governance_profile(nx.star_graph(4), network_organisations=[0])
    >>> p["hub"], float(p["hub_tie_share"]), float(p["degree_centralization"]), bool(p["hub_is_network_organisation"])
    (0, 1.0, 1.0, True)
    >>> float(governance_profile(nx.cycle_graph(5))["hub_tie_share"])
    0.4

    References
    ----------
    Provan, K. G. & Kenis, P. (2008). Modes of network governance: Structure,
    management, and effectiveness. *Journal of Public Administration Research
    and Theory*, 18(2), 229-252.
    Freeman, L. C. (1979). Centrality in social networks: Conceptual
    clarification. *Social Networks*, 1(3), 215-239.
    """
    from .cohesion import degree_centralization

    if not isinstance(G, nx.Graph):
        msg = f"'G' must be a networkx graph, got {type(G).__name__}; build one with opgavelab.network.opgave_graph."
        raise TypeError(msg)
    H = nx.Graph(G) if G.is_directed() else G
    marked = set(network_organisations or ())
    n, m = H.number_of_nodes(), H.number_of_edges()
    if n == 0:
        return pd.Series({"hub": None, "hub_degree": 0, "hub_tie_share": float("nan"),
                          "hub_betweenness": float("nan"), "degree_centralization": float("nan"),
                          "hub_is_network_organisation": False, "n_actors": 0, "n_ties": 0}, dtype=object)
    betweenness = nx.betweenness_centrality(H, normalized=True)
    hub = sorted(H.nodes, key=lambda v: (-H.degree(v), -betweenness[v], str(v)))[0]
    return pd.Series({
        "hub": hub,
        "hub_degree": int(H.degree(hub)),
        "hub_tie_share": H.degree(hub) / m if m else float("nan"),
        "hub_betweenness": float(betweenness[hub]),
        "degree_centralization": float(degree_centralization(H)) if n > 2 else float("nan"),
        "hub_is_network_organisation": hub in marked,
        "n_actors": n,
        "n_ties": m,
    }, dtype=object)
