"""The formation view as a Jupyter widget (anywidget): positions glide from year to year.

Python sends the actors, the ties and per year the positions, the parts and
the sentence (:func:`opgavelab.draw.formation.formation_data`); the browser
only draws and moves between them, in JupyterLab, Voilà and VS Code alike. The
state is three traitlets that go both ways: ``year`` (the year shown; the
view's ▶ and slider change it), ``selected_actor`` (the id of the actor last
clicked, "" for none) and ``data``. The script and its style are package
files (``assets/formation.js``, ``assets/formation.css``), the same ones the
offline page inlines.
"""

from __future__ import annotations

__all__ = ["FormationView"]

from pathlib import Path

import anywidget
import traitlets

_ASSETS = Path(__file__).parent / "assets"


class FormationView(anywidget.AnyWidget):
    """The formation of one opgave, playable: separate parts drawn apart, gliding together.

    Parameters
    ----------
    data : dict, optional
        From :func:`opgavelab.draw.formation.formation_data`.
    year : int, optional
        The year to show; default the last.
    controls : bool, default True
        Show the view's own ▶ and slider (the explorer has its own).

    Examples
    --------
    >>> import opgavelab
    >>> from opgavelab.draw.formation import formation_data
    >>> view = FormationView.for_opgave(opgavelab.example(), "economie")
    >>> view.year, len(view.data["frames"])
    (2024, 7)
    >>> view.year = 2018   # the browser glides to 2018
    """

    _esm = _ASSETS / "formation.js"
    _css = _ASSETS / "formation.css"

    data = traitlets.Dict(help="Actors, ties and per year positions, parts and sentence.").tag(sync=True)
    year = traitlets.Int(0, help="The year shown.").tag(sync=True)
    selected_actor = traitlets.Unicode("", help="Id of the actor last clicked; '' for none.").tag(sync=True)
    interval = traitlets.Int(1000, help="Milliseconds per year while playing.").tag(sync=True)
    controls = traitlets.Bool(True, help="Show the view's own play button and slider.").tag(sync=True)

    @classmethod
    def for_opgave(cls, case, opgave: str, at=None, *, lang: str | None = None, seed: int = 0, **kwargs) -> FormationView:
        """The view of one opgave through ``at`` (default: the case's last year), at its last year.

        Parameters
        ----------
        case, opgave, at, lang, seed
            As for :func:`~opgavelab.draw.formation.formation_data`, which
            computes the view's ``data``.
        **kwargs
            The view's other traitlets, e.g. ``controls=False`` or
            ``interval=500``.

        Returns
        -------
        FormationView
            Showing the last year (``year`` 0 when the opgave has no years).

        Raises
        ------
        ValueError
            As :func:`~opgavelab.draw.formation.formation_data`: ``lang`` is
            not ``"nl"`` or ``"en"``, ``opgave`` is not an opgave id of the
            case, or ``at`` is not a year or a date.

        Examples
        --------
        >>> import opgavelab
        >>> view = FormationView.for_opgave(opgavelab.example(), "zorg", controls=False)
        >>> view.year, view.controls, view.data["years"][0]
        (2024, False, 2018)
        """
        from .formation import formation_data

        data = formation_data(case, opgave, at=at, lang=lang, seed=seed)
        year = data["years"][-1] if data["years"] else 0
        return cls(data=data, year=year, **kwargs)


class _FormationChoice:
    """:func:`~opgavelab.draw.formation.formation_data` for one set of frames, for any choice of actors and
    tie types, without walking every year's scene again (the explorer's filters).

    ``choose(actors, tie_types)`` equals ``formation_data(case, opgave, lang=lang, frames=frames,
    actors=actors, tie_types=tie_types)`` (the same keys, values and order): the data of every actor is
    made once, and a choice keeps what it lets through. A tie keeps the years in which its types pass
    (its width the widest and its dash the last of those years), as ``formation_data`` counts them.
    The frames are not kept: each year's ties are kept as plain rows (a large opgave's scenes hold
    many objects, which Python's garbage collector would walk again and again).
    """

    def __init__(self, case, opgave: str, lang: str, frames: list):
        from .formation import formation_data

        self.full = formation_data(case, opgave, lang=lang, frames=frames)
        self.node_of = dict(zip(self._ids(frames), self.full["nodes"]))  # actor id -> its node, in order
        self._kind_sets: list = []  # the distinct tie types of a year's tie (frozensets), by number
        self.records = self._tie_records(frames)

    def _ids(self, frames) -> list:
        from .formation import _first_seen_order

        every = {v for fr in frames for v in fr.scene.nodes.index.tolist()}
        ids = _first_seen_order(frames, every)
        if [str(v) for v in ids] != [n["id"] for n in self.full["nodes"]]:  # never expected: the data's own order
            msg = "the formation data's actors are not the frames' actors"
            raise RuntimeError(msg)
        return ids

    def _tie_records(self, frames) -> dict:
        """(source, target) as text -> [(frame, row, source, target, types, line, width, year)], year by year;
        ``types`` is the number of the tie's set of types in ``_kind_sets`` (-1: no type)."""
        numbers: dict = {}
        records: dict = {}
        for i, fr in enumerate(frames):
            edges = fr.scene.edges
            columns = (edges[c].tolist() for c in ("source", "target", "types", "line", "width"))
            for row, (source, target, types, line, width) in enumerate(zip(*columns)):
                kinds = frozenset(types) if types else None
                if kinds is None:
                    code = -1
                else:
                    code = numbers.setdefault(kinds, len(numbers))
                    if code == len(self._kind_sets):
                        self._kind_sets.append(kinds)
                key = (str(source), str(target))
                records.setdefault(key, []).append((i, row, source, target, code, line, float(width),
                                                    fr.date.year))
        return records

    def choose(self, actors=None, tie_types=None) -> dict:
        """The data showing only ``actors`` (None: all) and ties of ``tie_types`` (None: all)."""
        keep = None if actors is None else set(actors)
        kinds = None if tie_types is None else set(tie_types)
        full = self.full
        passes = None if kinds is None else [bool(k & kinds) for k in self._kind_sets]
        if (keep is None or keep.issuperset(self.node_of)) and (passes is None or all(passes)):
            return {**full, "nodes": [dict(n) for n in full["nodes"]],
                    "ties": [{**t, "on": list(t["on"])} for t in full["ties"]],
                    "frames": [{**f, "pos": dict(f["pos"]), "present": list(f["present"]),
                                "parts": [list(p) for p in f["parts"]], "join": [list(j) for j in f["join"]]}
                               for f in full["frames"]]}
        shown = {v for v in self.node_of if keep is None or v in keep}
        text = {str(v) for v in shown}
        frames = []
        for f in full["frames"]:
            frames.append({**f, "pos": {k: p for k, p in f["pos"].items() if k in text},
                           "present": [k for k in f["present"] if k in text],
                           "parts": [q for q in ([k for k in p if k in text] for p in f["parts"]) if q],
                           "join": [list(j) for j in f["join"]]})
        return {**full, "nodes": [dict(n) for v, n in self.node_of.items() if v in shown],
                "ties": self._ties(shown, passes), "frames": frames}

    def _ties(self, shown: set, passes) -> list:
        from .formation import _DASH

        chosen = []
        for key, rows in self.records.items():
            tie = None
            for i, row, source, target, code, line, width, year in rows:
                if source not in shown or target not in shown:
                    continue
                if passes is not None and code >= 0 and not passes[code]:
                    continue
                if tie is None:
                    tie = {"s": key[0], "t": key[1], "dash": _DASH.get(line), "w": 0.0, "on": []}
                    chosen.append(((i, row), tie))
                tie["w"] = round(max(tie["w"], width), 3)
                tie["dash"] = _DASH.get(line)
                tie["on"].append(year)
        chosen.sort(key=lambda pair: pair[0])  # in the order formation_data meets them: year, then row
        return [tie for _, tie in chosen]
