"""Network metrics, one family per module.

Every function works on a plain networkx ``Graph`` or ``DiGraph`` with node
attributes and returns a float or a tidy pandas object indexed by node (or by
group). The families:

- :mod:`~opgavelab.metrics.cohesion`: density, components, connectedness and
  fragmentation, distances, centralization, clustering;
- :mod:`~opgavelab.metrics.centrality`: degree, betweenness, closeness,
  eigenvector, articulation points and bridges;
- :mod:`~opgavelab.metrics.boundaries`: E-I index (with its expected value
  under random mixing and a permutation test), mixing matrix, crossing share,
  Blau heterogeneity, a per-group summary beside random mixing;
- :mod:`~opgavelab.metrics.brokerage`: Gould-Fernandez brokerage roles with
  sna's expectations and z-scores, per group, and the boundary spanners;
- :mod:`~opgavelab.metrics._graph` (private): what every family shares, a graph
  as index arrays and a sparse matrix.

Case-level analyses take a Case and an opgave rather than a graph:

- :mod:`~opgavelab.metrics.coverage`: needed domains and scale against what the
  involved actors bring, candidate partners, unused expertise (these take a
  Case and an opgave);
- :mod:`~opgavelab.metrics.awareness`: who is involved without knowing it, and
  commitment;
- :mod:`~opgavelab.metrics.formation`: the network of an opgave measured at a
  series of dates, and the moment it became one collective;
- :mod:`~opgavelab.metrics.comparison`: two opgaven side by side, their shared
  actors (linking pins) and domains;
- :mod:`~opgavelab.metrics.governance`: how far a collective runs through one
  actor, a descriptive aid for Provan & Kenis's governance modes;
- :mod:`~opgavelab.metrics.keyplayers`: Borgatti's key players, the set of
  actors whose removal fragments the network most or who reach most others.
"""

from __future__ import annotations

# the family modules first: below, the functions ``cohesion``, ``centrality``, ``brokerage``,
# ``awareness`` and ``formation`` take the package attributes of the same name
from opgavelab.metrics import awareness as _awareness_family
from opgavelab.metrics import boundaries as _boundaries_family
from opgavelab.metrics import brokerage as _brokerage_family
from opgavelab.metrics import centrality as _centrality_family
from opgavelab.metrics import cohesion as _cohesion_family
from opgavelab.metrics import comparison as _comparison_family
from opgavelab.metrics import coverage as _coverage_family
from opgavelab.metrics import formation as _formation_family
from opgavelab.metrics import governance as _governance_family
from opgavelab.metrics import keyplayers as _keyplayers_family

from opgavelab.metrics.boundaries import (
    blau_index,
    boundary_summary,
    crossing_share,
    ei_index,
    ei_index_by_actor,
    ei_index_by_group,
    ei_expected,
    ei_test,
    mixing_matrix,
)
from opgavelab.metrics.brokerage import (
    BROKERAGE_ROLES,
    PAIR_ROLES,
    boundary_spanners,
    brokerage,
    brokerage_by_group,
    brokerage_roles,
    brokerage_expected,
    brokerage_sd,
    brokerage_z,
)
from opgavelab.metrics.centrality import articulation_points, bridges, centrality, cut_point_effects
from opgavelab.metrics.awareness import awareness, unaware_actors
from opgavelab.metrics.cohesion import (
    cohesion,
    connectedness,
    degree_centralization,
    density,
    fragmentation,
)
from opgavelab.metrics.coverage import (
    candidate_partners,
    domain_coverage,
    missing_domains,
    scale_fit,
    unused_expertise,
)
from opgavelab.metrics.formation import (default_at, formation, formation_events, formation_moment, formation_runs,
                                         formation_story, snapshot_dates)
from opgavelab.metrics.comparison import compare_opgaven, linking_pins
from opgavelab.metrics.governance import governance_profile
from opgavelab.metrics.keyplayers import KeyPlayers, distance_fragmentation, distance_reach, key_players

#: The public names are each family's own ``__all__`` (the imports above make them
#: attributes of this package).
__all__: list[str] = []
__all__ += _cohesion_family.__all__
__all__ += _centrality_family.__all__
__all__ += _boundaries_family.__all__
__all__ += _brokerage_family.__all__
__all__ += _coverage_family.__all__
__all__ += _awareness_family.__all__
__all__ += _formation_family.__all__
__all__ += _comparison_family.__all__
__all__ += _governance_family.__all__
__all__ += _keyplayers_family.__all__
