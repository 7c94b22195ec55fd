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
