"""Who is missing: the domains and scale an opgave needs against those its actors bring.

Working from the opgave means the opgave decides which partners are needed
(Van Delden 2009; ROB 2021 on *opgavegericht werken*): here the opgave's
``domeinen`` (BBV taakvelden) and ``schaalniveau`` are compared with those of
the actors involved in it.

Domains are hierarchical (main taakveld ``8`` > taakveld ``8.1`` > refinement
``6.71a``). An actor's domain *covers* a needed domain when it is the same
domain, a broader one (an actor working on ``8`` covers a need for ``8.1``) or
a narrower one (an actor on ``8.1`` covers a need for ``8``).
"""

from __future__ import annotations

__all__ = [
    "domain_coverage",
    "missing_domains",
    "scale_fit",
    "candidate_partners",
    "unused_expertise",
]

import networkx as nx
import pandas as pd

from .._dates import snapshot_at
from .._i18n import fmt_list, message, nmessage
from ..case import Case
from ..network import actor_graph
from ..schema import domain_ancestors
from .._docs import raises


def _parents(case: Case) -> dict[str, str | None]:
    dom = case.vocabularies[case.vocabularies["list"] == "domain"]
    return {v: (p if isinstance(p, str) and p else None) for v, p in zip(dom["value"], dom["parent"])}


def _covers(actor_domain: str, needed: str, parents: dict) -> bool:
    return (actor_domain == needed
            or actor_domain in domain_ancestors(needed, parents)
            or needed in domain_ancestors(actor_domain, parents))


def _cover_sets(needed: list[str], parents: dict) -> dict[str, frozenset]:
    """For each needed code, every code that covers it (see :func:`_covers`): itself, its
    ancestors and its descendants. A set lookup per actor domain instead of walking the
    hierarchy for each actor (10,000 actors x 6 needed domains)."""
    out = {}
    for n in needed:
        if n in out:
            continue
        codes = {n, *domain_ancestors(n, parents)}
        codes.update(d for d in parents if n in domain_ancestors(d, parents))
        out[n] = frozenset(codes)
    return out


def _covering(domains_by_actor: pd.Series, needed: str, parents: dict) -> list[str]:
    cover = _cover_sets([needed], parents)[needed]
    return [aid for aid, domains in domains_by_actor.items() if not cover.isdisjoint(domains)]


def _other_opgaven(inv: pd.DataFrame) -> dict[str, list[str]]:
    """Per actor, the sorted distinct opgaven of these involvement rows."""
    pairs = inv[["actor", "opgave"]].drop_duplicates().sort_values(["actor", "opgave"])
    out: dict[str, list[str]] = {}
    for a, o in zip(pairs["actor"].tolist(), pairs["opgave"].tolist()):
        out.setdefault(a, []).append(o)
    return out


def domain_coverage(case: Case, opgave: str, at=None) -> pd.DataFrame:
    """The domains an opgave needs, and which of its actors cover them.

    Parameters
    ----------
    case, opgave, at
        The case, the opgave id and the date, as in
        :func:`opgavelab.network.opgave_graph`: only actors involved at ``at`` count.

    Returns
    -------
    pandas.DataFrame
        Indexed by domain code (name ``domain``), needed domains first in the
        order the opgave lists them, then the other domains its actors bring:
        ``label`` (the taakveld's name), ``needed`` (bool), ``covered`` (bool),
        ``n_actors`` (how many involved actors cover it) and ``actors`` (their
        ids).

    Raises
    ------
    ValueError
        If ``opgave`` is not an opgave id of the case, or ``at`` is not a year,
        a date or None.

    Examples
    --------
    >>> import opgavelab
    >>> cov = domain_coverage(opgavelab.example(), "economie")
    >>> cov.loc["1.2", ["needed", "covered"]].tolist()
    [True, False]
    """
    case._check_opgave(opgave)
    parents = _parents(case)
    labels = case.labels("domain")
    involved = case.actors_of(opgave, snapshot_at(at))
    domains = case.actors.loc[involved, "domains"]
    needed = list(case.opgaven.at[opgave, "domains"] or [])
    rows = []
    for d in needed:
        actors = _covering(domains, d, parents)
        rows.append({"domain": d, "label": labels.get(d, d), "needed": True, "covered": bool(actors),
                     "n_actors": len(actors), "actors": actors})
    brought = sorted({d for ds in domains for d in ds}, key=_code_key)
    cover = _cover_sets(needed, parents)
    for d in brought:
        if any(d in cover[n] for n in needed):
            continue
        actors = [aid for aid, ds in domains.items() if d in ds]
        rows.append({"domain": d, "label": labels.get(d, d), "needed": False, "covered": True,
                     "n_actors": len(actors), "actors": actors})
    frame = pd.DataFrame(rows, columns=["domain", "label", "needed", "covered", "n_actors", "actors"])
    frame = frame.astype({"needed": bool, "covered": bool, "n_actors": int})
    return frame.set_index("domain")


def _code_key(code: str):
    parts = []
    for p in str(code).replace("a", ".a").split("."):
        parts.append((0, int(p)) if p.isdigit() else (1, p))
    return parts


@raises("as_domain_coverage")
def missing_domains(case: Case, opgave: str, at=None) -> list[str]:
    """Codes of the needed domains that no involved actor covers.

    Parameters
    ----------
    case, opgave, at
        As in :func:`domain_coverage`.

    Returns
    -------
    list of str
        The domain codes, in the order the opgave lists them (empty when every
        needed domain is covered).

    Examples
    --------
    >>> import opgavelab
    >>> missing_domains(opgavelab.example(), "economie")
    ['1.2', 'Netcapaciteit']
    """
    cov = domain_coverage(case, opgave, at)
    return cov.index[cov["needed"] & ~cov["covered"]].tolist()


@raises("as_domain_coverage")
def scale_fit(case: Case, opgave: str, at=None) -> pd.DataFrame:
    """The scale levels the collective spans, against the level the opgave needs.

    Parameters
    ----------
    case, opgave, at
        As in :func:`domain_coverage`: only actors involved at ``at`` count.

    Returns
    -------
    pandas.DataFrame
        One row per scale level, in order (``buurt`` … ``mondiaal``):
        ``n_actors`` (involved actors at that level), ``needed`` (the opgave's
        own level) and ``present``. ``frame.attrs`` holds ``needed`` (the level
        or None), ``needed_present`` (bool or None), ``lowest`` and ``highest``
        level present, and ``span`` (number of levels from lowest to highest).

    Examples
    --------
    >>> import opgavelab
    >>> fit = scale_fit(opgavelab.example(), "economie")
    >>> fit.attrs["needed"], fit.attrs["needed_present"]
    ('regionaal', True)
    """
    case._check_opgave(opgave)
    levels = case.vocabulary("scale")["value"].tolist()
    involved = case.actors_of(opgave, snapshot_at(at))
    scales = case.actors.loc[involved, "scale"].astype(object)
    counts = scales.value_counts().reindex(levels, fill_value=0)
    needed = case.opgaven.at[opgave, "scale"]
    needed = None if pd.isna(needed) else str(needed)
    frame = pd.DataFrame({"n_actors": counts.astype(int)})
    frame.index.name = "scale"
    frame["needed"] = frame.index == needed
    frame["present"] = frame["n_actors"] > 0
    present = [lvl for lvl in levels if counts[lvl] > 0]
    frame.attrs.update({
        "needed": needed,
        "needed_present": None if needed is None else bool(counts.get(needed, 0) > 0),
        "lowest": present[0] if present else None,
        "highest": present[-1] if present else None,
        "span": (levels.index(present[-1]) - levels.index(present[0]) + 1) if present else 0,
    })
    return frame


@raises("as_domain_coverage")
def candidate_partners(case: Case, opgave: str, at=None, lang: str | None = None,
                       domains: list[str] | None = None) -> pd.DataFrame:
    """Actors not yet involved who could fill a gap: best domain fit first, then closest, then scale.

    A candidate is an actor of the case that is not involved in ``opgave``
    (at ``at``) and covers one of the missing needed domains (or
    ``domains``), or sits at the needed scale level when no involved actor
    does. The ranking rule, in this order:

    1. **domain fit**: more missing domains covered first; then how: the
       missing domain itself or a narrower one (``1.2`` or ``1.2a`` for a
       need of ``1.2``) before a broader one (``1``: the actor works on the
       whole main taakveld, maybe not on this part);
    2. **network distance**: steps to the nearest involved actor in the actor
       network at ``at`` (ties in either direction), then the number and
       weight of direct ties; actors not connected to the collective at all
       come after the connected ones, but are listed;
    3. **scale fit**: the number of levels between the candidate's scale and
       the level the opgave needs (0 first);
    4. the name.

    Parameters
    ----------
    case, opgave, at
        As in :func:`domain_coverage`; ``at`` also dates the actor network the
        distances are measured in.
    lang : {"nl", "en"}, optional
        Language of ``reason`` (default: the case's language).
    domains : list of str, optional
        The domain codes to fill (default: :func:`missing_domains`).

    Returns
    -------
    pandas.DataFrame
        Indexed by actor id, best first: ``name``, ``type``, ``scale``,
        ``covers`` (the missing domains it covers), ``domain_fit``
        (``"exact"``, ``"narrower"``, ``"broader"`` or ``None`` when it only
        fills the scale), ``fills_scale`` (bool), ``scale_gap`` (levels from
        the needed one, ``NaN`` when unknown), ``n_ties`` and ``weight`` (ties
        into the collective), ``distance`` (``inf`` when not connected),
        ``connected`` (bool), ``via`` (the collective members it is tied to),
        ``other_opgaven`` and ``reason`` (the reasons in words, in ``lang``).
        ``attrs["rule"]`` names the ranking rule.

    Examples
    --------
    >>> import opgavelab
    >>> cands = candidate_partners(opgavelab.example(), "economie")
    >>> cands.index[0]
    'bedr-marknet'
    """
    case._check_opgave(opgave)
    lang = lang or case.lang
    at = snapshot_at(at)
    parents = _parents(case)
    gaps = list(domains) if domains is not None else missing_domains(case, opgave, at)
    fit = scale_fit(case, opgave, at)
    scale_gap = fit.attrs["needed"] if fit.attrs["needed_present"] is False else None
    involved = set(case.actors_of(opgave, at))
    others = case.actors.drop(index=list(involved), errors="ignore")
    cover = _cover_sets(gaps, parents)
    rows = []
    for aid, doms, scale in zip(others.index, others["domains"], others["scale"]):
        covers = [g for g in gaps if not cover[g].isdisjoint(doms)]
        fills = scale_gap is not None and str(scale) == scale_gap
        if covers or fills:
            rows.append((aid, covers, fills, _domain_fit(covers, doms, parents)))
    columns = ["name", "type", "scale", "covers", "domain_fit", "fills_scale", "scale_gap", "n_ties", "weight",
               "distance", "connected", "via", "other_opgaven", "reason"]
    levels = case.vocabulary("scale")["value"].astype(str).tolist()
    needed_scale = fit.attrs["needed"]
    if not rows:
        empty = pd.DataFrame(columns=columns)
        empty.index.name = "id"
        return empty
    G = actor_graph(case, at=at, directed=False)
    distance = _distance_to(G, involved)
    inv_now = case.involvement_at(at)
    other_opgaven = _other_opgaven(inv_now)
    labels = case.labels("domain", lang)
    names = case.actors["name"]
    out = []
    adj = G.adj
    actor_names = dict(zip(case.actors.index, case.actors["name"]))
    actor_types = dict(zip(case.actors.index, case.actors["type"]))
    actor_scales = dict(zip(case.actors.index, case.actors["scale"]))
    for aid, covers, fills, dfit in rows:
        nbrs = adj[aid] if aid in adj else {}
        via = sorted((n for n in nbrs if n in involved), key=lambda n: -nbrs[n]["weight"])
        weight = sum(nbrs[n]["weight"] for n in via)
        dist = distance.get(aid, float("inf"))
        scale = str(actor_scales[aid])
        gap = (abs(levels.index(scale) - levels.index(needed_scale))
               if needed_scale in levels and scale in levels else float("nan"))
        out.append({
            "id": aid, "name": actor_names[aid], "type": actor_types[aid], "scale": actor_scales[aid],
            "covers": covers, "domain_fit": dfit,
            "fills_scale": fills, "scale_gap": float(gap), "n_ties": len(via), "weight": float(weight),
            "distance": float(dist), "connected": dist != float("inf"),
            "via": via, "other_opgaven": other_opgaven.get(aid, []),
            "reason": _reason(covers, dfit, fills, scale_gap, via, dist, gap, needed_scale, labels, names, lang,
                              case.labels("scale", lang)),
        })
    frame = pd.DataFrame(out).set_index("id")
    fit_rank = {"exact": 0, "narrower": 0, "broader": 1, None: 2}
    frame["_n_cov"] = frame["covers"].map(len)
    frame["_fit"] = frame["domain_fit"].map(lambda f: fit_rank.get(f, 2))
    frame["_gap"] = frame["scale_gap"].fillna(99)
    frame = frame.sort_values(["_n_cov", "_fit", "distance", "n_ties", "weight", "_gap", "name"],
                              ascending=[False, True, True, False, False, True, True], kind="stable")
    frame = frame[columns]
    frame.attrs["rule"] = "domain fit, then network distance, then scale fit"
    return frame


def _domain_fit(covers: list, doms, parents: dict) -> str | None:
    """How well an actor's domains fit the missing ones it covers: exact, narrower or only broader."""
    if not covers:
        return None
    best = "broader"
    for need in covers:
        for d in doms:
            if d == need:
                return "exact"
            if need in domain_ancestors(d, parents):
                best = "narrower"
    return best


def _distance_to(G: nx.Graph, targets: set) -> dict:
    sources = [n for n in targets if n in G]
    if not sources:
        return {}
    return nx.multi_source_dijkstra_path_length(G, sources, weight=lambda u, v, d: 1)


def _reason(covers, dfit, fills, scale_gap, via, dist, gap, needed_scale, labels, names, lang,
            scale_labels) -> str:
    """The candidate's reasons in words, in the order of the ranking rule."""
    parts = []
    if covers:
        # a domain of the case's own may have no label but its name: say it once
        doms = fmt_list([c if labels.get(c, c) in (c, "") else f"{c} {labels[c]}" for c in covers], lang)
        parts.append(message(f"candidate.covers.{dfit}", lang, domains=doms))
    if fills:
        parts.append(message("candidate.fills_scale", lang, level=scale_labels.get(scale_gap, scale_gap)))
    if via:
        shown = fmt_list([str(names.get(v, v)) for v in via[:3]], lang) + (" …" if len(via) > 3 else "")
        parts.append(nmessage("candidate.ties", len(via), lang, names=shown))
    elif dist != float("inf"):
        parts.append(nmessage("candidate.distance", int(dist), lang))
    else:
        parts.append(message("candidate.outside", lang))
    if needed_scale and not fills and gap == gap:
        if gap == 0:
            parts.append(message("candidate.scale_same", lang, level=scale_labels.get(needed_scale, needed_scale)))
        else:
            parts.append(nmessage("candidate.scale_gap", int(gap), lang,
                                  level=scale_labels.get(needed_scale, needed_scale)))
    return "; ".join(parts)


@raises("as_domain_coverage")
def unused_expertise(case: Case, opgave: str, at=None) -> pd.DataFrame:
    """Actors whose domain the opgave needs but who hold no role in it.

    These are actors of the case that cover a needed domain (covered or not)
    and are not involved in the opgave, or are involved without a role.

    Parameters
    ----------
    case, opgave, at
        As in :func:`domain_coverage`: roles and involvement at ``at`` count.

    Returns
    -------
    pandas.DataFrame
        Indexed by actor id: ``name``, ``type``, ``scale``, ``needed_domains``
        (the needed domains it covers), ``involved`` (bool) and
        ``other_opgaven``.

    Examples
    --------
    >>> import opgavelab
    >>> "marke-werk" in unused_expertise(opgavelab.example(), "economie").index
    True
    """
    case._check_opgave(opgave)
    at = snapshot_at(at)
    parents = _parents(case)
    needed = list(case.opgaven.at[opgave, "domains"] or [])
    inv = case.involvement_at(at, opgave)
    with_role = set(inv.loc[inv["role"].notna(), "actor"])
    involved = set(inv["actor"])
    inv_now = case.involvement_at(at)
    other = _other_opgaven(inv_now[inv_now["opgave"] != opgave])
    cover = _cover_sets(needed, parents)
    actors = case.actors
    rows = []
    for aid, name, typ, scale, doms in zip(actors.index, actors["name"], actors["type"], actors["scale"],
                                           actors["domains"]):
        if aid in with_role:
            continue
        covers = [n for n in needed if not cover[n].isdisjoint(doms)]
        if covers:
            rows.append({"id": aid, "name": name, "type": typ, "scale": scale,
                         "needed_domains": covers, "involved": aid in involved,
                         "other_opgaven": list(other.get(aid, []))})
    columns = ["name", "type", "scale", "needed_domains", "involved", "other_opgaven"]
    frame = pd.DataFrame(rows, columns=["id", *columns]).set_index("id")
    return frame.sort_values("name", kind="stable")
