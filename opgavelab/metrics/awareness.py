"""Awareness and commitment: who is part of an opgave without knowing it.

Working from the opgave also reaches actors who are "not even aware they are
part of it" (the ``bewust`` column). This family counts them, and the
commitment (``inzet``, 1-5) of those involved, per actor type.
"""

from __future__ import annotations

__all__ = ["awareness", "unaware_actors"]

import pandas as pd

from .._dates import snapshot_at
from ..case import Case


def _involved(case: Case, opgave: str, at) -> pd.DataFrame:
    at = snapshot_at(at)
    inv = case.involvement_at(at, opgave).drop_duplicates("actor", keep="first")
    return inv.join(case.actors[["name", "type"]], on="actor")


def awareness(case: Case, opgave: str, at=None, by: str = "type", lang: str | None = None) -> pd.DataFrame:
    """Involved actors, how many are not aware of it, and their commitment, per group.

    Parameters
    ----------
    case : Case
    opgave : str
    at : year, date or None
    by : str, default "type"
        An actor column to group by (``type``, ``scale``, ``sector``, ...).
    lang : {"nl", "en"}, optional
        Kept for compatibility; the total row is always labelled ``total``
        (data keys stay English; tables shown to readers translate it).

    Returns
    -------
    pandas.DataFrame
        One row per group and a total row: ``n_actors``, ``n_unaware``,
        ``share_unaware``, ``mean_commitment`` (over the actors with a
        commitment), ``n_commitment``.

    Raises
    ------
    ValueError
        If ``opgave`` is not an opgave id of the case, ``by`` is not an actor
        column, or ``at`` is not a year, a date or None.

    Examples
    --------
    >>> import opgavelab
    >>> aw = awareness(opgavelab.example(), "economie")
    >>> int(aw.loc["total", "n_unaware"])
    4
    """
    case._check_opgave(opgave)
    if by not in case.actors.columns:
        msg = f"'by' must be one of the actor columns {list(case.actors.columns)}, got {by!r}."
        raise ValueError(msg)
    lang = lang or case.lang
    inv = _involved(case, opgave, at)
    if by != "type":
        inv = inv.join(case.actors[[by]], on="actor")
    keys = inv[by].astype(object).where(inv[by].notna(), "?")
    grouped = inv.groupby(keys, sort=False)
    frame = pd.DataFrame({
        "n_actors": grouped.size(),
        "n_unaware": grouped["aware"].apply(lambda s: int((~s).sum())),
        "mean_commitment": grouped["commitment"].apply(lambda s: float(s.dropna().mean()) if s.notna().any()
                                                       else float("nan")),
        "n_commitment": grouped["commitment"].apply(lambda s: int(s.notna().sum())),
    })
    if by in ("type", "scale"):
        order = case.vocabulary("actor_type" if by == "type" else "scale")["value"].tolist()
        frame = frame.reindex([o for o in order if o in frame.index] + [i for i in frame.index if i not in order])
    total = pd.DataFrame({
        "n_actors": [len(inv)],
        "n_unaware": [int((~inv["aware"]).sum())],
        "mean_commitment": [float(inv["commitment"].dropna().mean()) if inv["commitment"].notna().any()
                            else float("nan")],
        "n_commitment": [int(inv["commitment"].notna().sum())],
    }, index=["total"])
    frame = pd.concat([frame, total])
    frame["share_unaware"] = (frame["n_unaware"] / frame["n_actors"]).where(frame["n_actors"] > 0)
    frame.index.name = by
    return frame[["n_actors", "n_unaware", "share_unaware", "mean_commitment", "n_commitment"]].astype(
        {"n_actors": int, "n_unaware": int, "n_commitment": int})


def unaware_actors(case: Case, opgave: str, at=None) -> pd.DataFrame:
    """The actors involved in ``opgave`` who are not aware of their part.

    Parameters
    ----------
    case, opgave, at
        As in :func:`awareness`.

    Returns
    -------
    pandas.DataFrame
        Indexed by actor id: ``name``, ``type``, ``role``, ``commitment``, ``since``.

    Raises
    ------
    ValueError
        If ``opgave`` is not an opgave id of the case (as in :func:`awareness`).

    Examples
    --------
    >>> import opgavelab
    >>> len(unaware_actors(opgavelab.example(), "economie"))
    4
    """
    case._check_opgave(opgave)
    inv = _involved(case, opgave, at)
    out = inv.loc[~inv["aware"], ["actor", "name", "type", "role", "commitment", "since"]]
    return out.set_index("actor").rename_axis("id")
