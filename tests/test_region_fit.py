"""region_fit and brokerage_by_group(counting="pairs") for notebook 10."""

import networkx as nx
import pandas as pd
import pytest

from opgavelab import Case
from opgavelab.membership import brokerage_by_group, region_fit


def _case():
    return Case.from_frames(
        actors=pd.DataFrame({"id": ["A", "B", "C", "D", "W"], "naam": ["A", "B", "C", "D", "W"],
                             "type": ["overheid"] * 5,
                             "tier": ["gemeente", "gemeente", "gemeente", "gemeente", "waterschap"]}),
        opgaven=pd.DataFrame({"id": ["r1", "r2", "r3"], "naam": ["R1", "R2", "R3"]}),
        involvement=pd.DataFrame({"actor": ["A", "B", "W", "C", "D", "A", "D"],
                                  "opgave": ["r1", "r1", "r1", "r2", "r2", "r3", "r3"]}))


def test_region_fit_is_the_share_in_the_most_common_region():
    atlas = pd.DataFrame({"provincie": ["P", "P", "Q", "Q"], "regio": ["x", "y", "z", "z"]},
                         index=["A", "B", "C", "D"])
    fit = region_fit(_case(), atlas)
    assert fit.loc["r1", "n_municipalities"] == 2            # the water board does not count
    assert fit.loc["r1", "provincie"] == pytest.approx(1.0)
    assert fit.loc["r1", "regio"] == pytest.approx(0.5)
    assert fit.loc["r2", "regio"] == pytest.approx(1.0)
    assert fit.loc["r3", "provincie"] == pytest.approx(0.5)


def test_region_fit_names_a_missing_tier_column():
    case = Case.from_frames(actors=pd.DataFrame({"id": ["A"], "naam": ["A"], "type": ["overheid"]}),
                            opgaven=pd.DataFrame({"id": ["r"], "naam": ["R"]}),
                            involvement=pd.DataFrame({"actor": ["A"], "opgave": ["r"]}))
    with pytest.raises(ValueError, match="'tier' must be an actor column"):
        region_fit(case, pd.DataFrame({"p": ["P"]}, index=["A"]))


def test_brokerage_by_group_in_pairs_counts_each_pair_once():
    G = nx.path_graph(["a", "b", "c"])
    nx.set_node_attributes(G, {"a": "x", "b": "y", "c": "x"}, "g")
    paths = brokerage_by_group(G, "g")
    pairs = brokerage_by_group(G, "g", counting="pairs")
    assert paths.loc["y", "itinerant"] == 2                  # a-b-c and c-b-a
    assert pairs.loc["y", "itinerant"] == 1                  # the pair {a, c} once
    with pytest.raises(ValueError, match="'counting' must be one of"):
        brokerage_by_group(G, "g", counting="both")
