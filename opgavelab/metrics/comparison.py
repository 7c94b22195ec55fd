"""Comparing two opgaven: the partners and domains they share, and their linking pins.

Actors who take part in several opgaven are the *linking pins* (Likert 1961)
through which work on one opgave can be aligned with another. These functions take a Case and two
opgave ids; they describe overlap, they do not judge it.
"""

from __future__ import annotations

__all__ = ["compare_opgaven", "linking_pins"]

import pandas as pd

from ..case import Case, to_timestamp


def _at(at):
    return None if at is None else (at if isinstance(at, pd.Timestamp) else to_timestamp(at, end=True))


def _check_pair(case: Case, a: str, b: str) -> None:
    case._check_opgave(a)
    case._check_opgave(b)
    if a == b:
        msg = f"'a' and 'b' must be two different opgaven, got {a!r} twice; pass two ids from case.opgaven.index."
        raise ValueError(msg)


def _jaccard(x: set, y: set) -> float:
    union = x | y
    return len(x & y) / len(union) if union else float("nan")


def compare_opgaven(case: Case, a: str, b: str, at=None) -> pd.DataFrame:
    """The overlap of two opgaven in actors, needed domains and brought domains.

    Parameters
    ----------
    case : Case
    a, b : str
        Two opgave ids.
    at : year, date or None
        Count only involvement active at that date (a bare year is its last day).

    Returns
    -------
    pandas.DataFrame
        Three rows (index ``aspect``): ``actors`` (the involved actors),
        ``needed_domains`` (the domains each opgave says it needs) and
        ``brought_domains`` (the domains its involved actors work on). Columns:
        ``n_a`` and ``n_b`` (how many in each opgave), ``n_shared``,
        ``jaccard`` (shared / in either, 0-1) and ``shared`` (the shared ids or
        codes). ``attrs["opgaven"]`` is ``(a, b)``.

    Raises
    ------
    ValueError
        When ``a`` or ``b`` is not an opgave of the case, or both are the same.

    Examples
    --------
    >>> import pandas as pd
    >>> from opgavelab import Case
    >>> case = Case.from_frames(
    ...     actors=pd.DataFrame({"id": ["g", "p", "w"], "naam": ["G", "P", "W"], "type": ["overheid"] * 3}),
    ...     opgaven=pd.DataFrame({"id": ["o1", "o2"], "naam": ["O1", "O2"]}),
    ...     involvement=pd.DataFrame({"actor": ["g", "p", "g", "w"], "opgave": ["o1", "o1", "o2", "o2"]}))
    >>> row = compare_opgaven(case, "o1", "o2").loc["actors"]
    >>> int(row["n_a"]), int(row["n_b"]), int(row["n_shared"]), round(float(row["jaccard"]), 3)
    (2, 2, 1, 0.333)

    References
    ----------
    Likert, R. (1961). *New Patterns of Management.* New York: McGraw-Hill.
    Jaccard, P. (1912). The distribution of the flora in the alpine zone.
    *New Phytologist*, 11(2), 37-50.
    """
    _check_pair(case, a, b)
    when = _at(at)
    actors = {o: set(case.actors_of(o, when)) for o in (a, b)}
    needed = {o: set(case.opgaven.at[o, "domains"] or []) if "domains" in case.opgaven.columns else set()
              for o in (a, b)}
    brought = {o: {d for ds in case.actors.loc[sorted(actors[o]), "domains"] for d in (ds or [])}
               if "domains" in case.actors.columns else set() for o in (a, b)}
    rows = []
    for aspect, sets in (("actors", actors), ("needed_domains", needed), ("brought_domains", brought)):
        x, y = sets[a], sets[b]
        rows.append({"aspect": aspect, "n_a": len(x), "n_b": len(y), "n_shared": len(x & y),
                     "jaccard": _jaccard(x, y), "shared": sorted(x & y)})
    frame = pd.DataFrame(rows).set_index("aspect")
    frame = frame.astype({"n_a": int, "n_b": int, "n_shared": int})
    frame.attrs["opgaven"] = (a, b)
    return frame


def linking_pins(case: Case, a: str, b: str, at=None) -> pd.DataFrame:
    """The actors involved in both opgaven, with their role and ties in each.

    Parameters
    ----------
    case, a, b, at
        As in :func:`compare_opgaven`.

    Returns
    -------
    pandas.DataFrame
        Indexed by actor id: ``name``, ``type``, ``role_a``, ``role_b`` (the
        role in each opgave), ``degree_a``, ``degree_b`` (ties with other
        actors of each opgave, undirected, every recorded tie among them) and
        ``n_opgaven`` (in how many opgaven of the case the actor takes part).
        Sorted by the sum of both degrees, most first.

    Raises
    ------
    ValueError
        If ``a`` or ``b`` is not an opgave id of the case, or both are the same.

    Examples
    --------
    >>> import pandas as pd
    >>> from opgavelab import Case
    >>> case = Case.from_frames(
    ...     actors=pd.DataFrame({"id": ["gem", "prov", "ws"], "naam": ["Gemeente", "Provincie", "Waterschap"],
    ...                          "type": ["overheid"] * 3}),
    ...     opgaven=pd.DataFrame({"id": ["wonen", "water"], "naam": ["Wonen", "Water"]}),
    ...     involvement=pd.DataFrame({"actor": ["gem", "prov", "gem", "ws"],
    ...                               "opgave": ["wonen", "wonen", "water", "water"]}),
    ...     ties=pd.DataFrame({"van": ["gem"], "naar": ["prov"]}))
    >>> linking_pins(case, "wonen", "water")[["degree_a", "degree_b"]].loc["gem"].tolist()  # the one linking pin
    [1, 0]
    """
    from ..network import opgave_graph

    _check_pair(case, a, b)
    when = _at(at)
    shared = sorted(set(case.actors_of(a, when)) & set(case.actors_of(b, when)))
    inv = case.involvement_at(when)
    graphs = {o: opgave_graph(case, o, at=when) for o in (a, b)}

    def role(o, actor):
        rows = inv[(inv["opgave"] == o) & (inv["actor"] == actor)]
        if "role" not in rows.columns or rows.empty:
            return None
        values = [r for r in rows["role"].tolist() if isinstance(r, str) and r]
        return values[0] if values else None

    n_opgaven = inv.groupby("actor")["opgave"].nunique()
    out = pd.DataFrame({
        "name": case.actors.loc[shared, "name"] if shared else pd.Series(dtype=object),
        "type": case.actors.loc[shared, "type"] if shared else pd.Series(dtype=object),
        "role_a": [role(a, x) for x in shared],
        "role_b": [role(b, x) for x in shared],
        "degree_a": [graphs[a].degree(x) if x in graphs[a] else 0 for x in shared],
        "degree_b": [graphs[b].degree(x) if x in graphs[b] else 0 for x in shared],
        "n_opgaven": [int(n_opgaven.get(x, 0)) for x in shared],
    }, index=pd.Index(shared, name="id"))
    out = out.astype({"degree_a": int, "degree_b": int, "n_opgaven": int})
    order = (out["degree_a"] + out["degree_b"]).sort_values(ascending=False, kind="stable").index
    out = out.loc[order]
    out.attrs["opgaven"] = (a, b)
    return out
