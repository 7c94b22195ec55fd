"""What if: remove an actor, add a partner, add or drop a tie, and compare.

(The module is private, ``_scenario``, so that importing it never hides the
function ``opgavelab.scenario``, as with ``_scan``.)

``opgavelab.scenario(case, "economie", remove=["eb"])`` answers the question an
advisor asks of every collective: *what happens if this party drops out, and
who should we bring in?* It measures the opgave before and after the change,
with the scan's measures (parts and the largest part, average distance and
reach, domain coverage, scale fit, brokerage, E-I) and says who loses their
only path to the rest and which pieces the collective falls into. The case
itself is never changed: the scenario works on a copy (``.case_after``).

This module checks the arguments and says how a side is scanned; the model
(the changed case, both sides measured, the comparison) is ``_whatif``.
"""

from __future__ import annotations

__all__ = ["scenario", "Scenario", "ScenarioSide"]

from ._checks import _opgave_arguments
from ._dates import snapshot_at
from ._scan import scan
from ._whatif import MEASURES, WORSE_WHEN, Scenario, ScenarioSide, _ids, build_scenario  # noqa: F401 -- importable here too
from .case import Case


def scenario(case: Case, opgave: str, at=None, remove=(), add=(), add_ties=(), remove_ties=(), *,
             lang: str | None = None, attr: str = "type", only_opgave_ties: bool = False,
             _before: ScenarioSide | None = None) -> Scenario:
    """What if an actor drops out, a partner joins, or a tie is made or broken?

    The opgave is measured before and after the change with the scan's
    measures, and the comparison says what changes and by how much. The input
    case is never changed: the scenario works on a copy, ``.case_after``, on
    which a next scenario can build (``scenario(s.case_after, ...)``).

    Parameters
    ----------
    case, opgave, at
        The case, the opgave id and the date of the snapshot, as in
        :func:`opgavelab.network.opgave_graph`.
    remove : list of actor ids
        Actors that drop out of this opgave (their involvement in it ends;
        their ties stay in the case but no longer count for the opgave).
    add : list
        Actors that join: ids of actors of the case, or dicts for new actors
        (``{"id": "x", "name": "...", "type": "overheid", "scale":
        "regionaal", "domains": ["1.2"]}``); a dict may also carry ``role``,
        ``aware`` and ``commitment`` of the involvement.
    add_ties : list
        New ties, as ``(source, target)`` or ``(source, target, type)``
        tuples or dicts; they count for this opgave and are undirected.
    remove_ties : list
        ``(source, target)`` pairs: every active tie between the two ends.
    lang : {"nl", "en"}, optional
        Language of the texts; default the case's.
    attr : str, default "type"
        The attribute for brokerage and E-I, as in the scan.
    only_opgave_ties : bool, default False
        Only ties recorded for this opgave, as in the scan.

    Returns
    -------
    Scenario
        With ``diff`` (one row per measure: ``label``, ``before``, ``after``,
        ``change`` and ``direction``: ``"worse"``, ``"better"`` or ``"same"``
        for the collective where a measure has a direction, ``""`` for size,
        brokerage and E-I, which a reader must judge; the measure keys are ``n_actors``, ``n_ties``,
        ``density``, ``n_parts``, ``largest_share``, ``average_distance``,
        ``connectedness`` (share of pairs that can reach each other),
        ``reach_2`` (share of pairs within two steps),
        ``distance_fragmentation`` (Borgatti), ``n_cut_points``,
        ``needed_domains_covered``, ``n_needed_domains``,
        ``scale_needed_present``, ``scale_span``, ``brokerage_total``,
        ``ei``); ``pieces`` (the parts after the change, largest first);
        ``cut_off`` (actors of the largest part that lose every path to it);
        ``farther`` (per actor still there: how many others are farther,
        closer or out of reach); ``gaps_opened``, ``gaps_closed`` (needed
        domains); ``before`` and ``after`` (the measured sides, each with its
        ``graph`` and ``case``); ``sentences()``, ``text()``, ``to_excel(path)``
        and ``scan(side)`` for the full scan of either side.

    Raises
    ------
    TypeError
        If ``case`` is not a Case.
    ValueError
        If the opgave is unknown, an actor to remove is not involved, an
        actor to add is already involved or a new one lacks name or type, a
        tie to add has an unknown end, or a tie to remove does not exist.

    Examples
    --------
    >>> import opgavelab
    >>> case = opgavelab.example()
    >>> s = opgavelab.scenario(case, "economie", at=2024, add=["riec"])
    >>> s.gaps_closed
    ['1.2']
    >>> int(s.diff.at["needed_domains_covered", "change"])
    1
    """

    lang, ts = _opgave_arguments(case, opgave, at, lang, attr)

    def rescan(changed: Case, **settings):
        return scan(changed, opgave, at=ts, **settings)

    return build_scenario(case, opgave, ts, lang, attr, only_opgave_ties, _ids(remove, "remove"), _ids(add, "add"),
                          _ids(add_ties, "add_ties"), _ids(remove_ties, "remove_ties"), rescan, before=_before)


# --------------------------------------------------------------------------
# the command line's ``report --scenario``
# --------------------------------------------------------------------------
_SPEC_KEYS = {"remove": "remove", "zonder": "remove", "add": "add", "met": "add"}


def parse_scenario_spec(text: str) -> dict[str, list[str]]:
    """``"remove:eb,add:riec"`` (or ``"zonder:eb,met:riec"``) as ``{"remove": [...], "add": [...]}``.

    Examples
    --------
    >>> parse_scenario_spec("remove:eb, add:riec, add:vr")
    {'remove': ['eb'], 'add': ['riec', 'vr']}
    """
    out: dict[str, list[str]] = {"remove": [], "add": []}
    for part in str(text).split(","):
        part = part.strip()
        if not part:
            continue
        key, sep, value = part.partition(":")
        key = key.strip().lower()
        if not sep or key not in _SPEC_KEYS or not value.strip():
            msg = (f"'--scenario' must be a list like 'remove:eb,add:riec' (or 'zonder:eb,met:riec'), "
                   f"got {part!r} in {text!r}.")
            raise ValueError(msg)
        out[_SPEC_KEYS[key]].append(value.strip())
    if not out["remove"] and not out["add"]:
        msg = f"'--scenario' names no actor to remove or add, got {text!r}; e.g. 'remove:eb,add:riec'."
        raise ValueError(msg)
    return out


def _report_scenario(case: Case, opgave: str, at, spec: dict, lang: str) -> Scenario:
    """The scenario of ``spec`` for one opgave: removals of actors involved in it, additions of the others."""
    ts = snapshot_at(at)
    involved = set(case.actors_of(opgave, ts))
    unknown = [a for a in spec["remove"] + spec["add"] if a not in case.actors.index]
    if unknown:
        msg = f"'--scenario' names actors that are not in the case: {unknown}."
        raise ValueError(msg)
    remove = [a for a in spec["remove"] if a in involved]
    add = [a for a in spec["add"] if a not in involved]
    return scenario(case, opgave, at=at, remove=remove, add=add, lang=lang)
