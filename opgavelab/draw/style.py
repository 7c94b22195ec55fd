"""The visual language shared by every picture of a collective.

One set of choices, used by the static (matplotlib) and the interactive
(vis-network) pictures alike:

- **colour** by actor type, from a colour-blind-safe palette (Okabe and Ito
  2008); the ``lijsten`` sheet or a ``colours=`` argument override it;
- **shape** by scale level (a matplotlib marker and the matching
  vis-network shape);
- the **opgave** as a separate dark box in the middle, tied to its actors by
  light spokes;
- actors that are **not aware** of their part drawn hollow with a dashed
  outline;
- **line style** by tie type, line width by tie weight;
- **node size** by a chosen metric (default: number of ties);
- **names** of the most central actors only, when naming all would clutter;
- a **legend** and a **caption** (case, opgave, date, filters, source) on every
  picture, in Dutch (default) or English.

This module holds the choices only (colours, shapes, lines, sizes, captions,
labels) and imports no other drawing module. :mod:`opgavelab.draw.scene`
applies them: its :func:`~opgavelab.draw.scene.build_scene` turns a case and
an opgave into a :class:`~opgavelab.draw.scene.Scene`, which the renderers
(``draw._figure`` for matplotlib, ``draw._page`` for the offline HTML page)
translate to pixels.

References
----------
Okabe, M. and Ito, K. (2008). *Color Universal Design (CUD): how to make
figures and presentations that are friendly to colorblind people.*
https://jfly.uni-koeln.de/color/
"""

from __future__ import annotations

__all__ = [
    "SCENE_OPTIONS",
    "type_colours",
    "attribute_colours",
    "COLOUR_BY",
    "scale_shapes",
    "tie_styles",
    "caption",
    "labelled_guides",
    "free_spoke",
    "metric_label",
    "text",
    "OPGAVE_COLOUR",
    "EDGE_COLOUR",
    "SIZE_METRICS",
]

import math
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from .._checks import _check_lang
from .._dates import snapshot_at
from .._i18n import has_message, message

#: Fill of the opgave node (a dark slate that no actor type uses).
OPGAVE_COLOUR = "#2B2D42"
#: Colour of the ties.
EDGE_COLOUR = "#6E6E6E"
#: Colour of the spokes from the opgave to its actors.
SPOKE_COLOUR = "#B8B8C8"
#: Colour of actors whose type is missing or outside the palette.
UNKNOWN_COLOUR = "#9e9e9e"
#: Formation views: the part boxes, the ties that joined parts this year, and the padding around a
#: part's actors inside its box (layout units).
PART_FILL = "#eef2f8"
PART_EDGE = "#c5d0e0"
JOIN_COLOUR = "#e8590c"
PAD = 0.07

#: Metrics computed from the graph by name (others may be node attributes).
SIZE_METRICS = ["degree", "weighted_degree", "betweenness", "closeness", "eigenvector"]

# Scale level -> (matplotlib marker, vis-network shape), innermost tier first.
# vis-network has exactly seven shapes with the label outside the node; a
# missing scale level shares the plain dot.
_SHAPES = [("v", "triangleDown"), ("o", "dot"), ("s", "square"), ("D", "diamond"), ("^", "triangle"),
           ("h", "hexagon"), ("*", "star")]
_UNKNOWN_SHAPE = ("o", "dot")
#: Relative area so that markers of one size look equally big.
MARKER_AREA = {"o": 1.0, "s": 0.8, "D": 0.75, "^": 1.1, "v": 1.1, "h": 1.0, "*": 1.7}

# Tie type -> line style, by vocabulary order: (name, matplotlib dash, vis-network dashes)
_LINES = [
    ("solid", "-", False),
    ("dashed", (0, (5, 2.5)), [8, 5]),
    ("dotted", (0, (1, 1.6)), [2, 4]),
    ("dashdot", (0, (6, 2, 1.5, 2)), [10, 4, 2, 4]),
    ("longdash", (0, (10, 3)), [16, 6]),
]
_UNKNOWN_LINE = ("loosely dotted", (0, (1, 4)), [1, 7])

# the pictures' words: ``draw.<key>`` in the catalogue (opgavelab/locale/*/LC_MESSAGES/opgavelab.po)


def text(key: str, lang: str = "nl", **fields) -> str:
    """A user text of the pictures in ``lang``, with ``fields`` filled in.

    Examples
    --------
    >>> text("as_of", "nl", date="31-12-2024")
    'stand 31-12-2024'
    """
    return message("draw." + key if has_message("draw." + key) else key, lang, **fields)


def metric_label(size_by, lang: str = "nl") -> str:
    """How a size metric is called in a legend (``"aantal relaties"``)."""
    if size_by is None:
        return text("none", lang)
    if isinstance(size_by, str):
        return text(size_by, lang) if has_message("draw." + size_by) else size_by
    name = getattr(size_by, "name", None)
    if isinstance(name, str):
        return text(name, lang) if has_message("draw." + name) else name
    return text("metric", lang)


# --------------------------------------------------------------------------
# colours, shapes, lines
# --------------------------------------------------------------------------

def _vocab_values(case, list_name: str) -> list:
    if case is None:
        from ..schema import VOCABULARY_LISTS

        return list(VOCABULARY_LISTS[list_name].values)
    return list(case.labels(list_name))


def _to_hex(value, what: str, key) -> str:
    if isinstance(value, str) and len(value) == 7 and value[0] == "#":
        try:
            int(value[1:], 16)
            return value.lower()  # a hex code as it is: no need to import matplotlib (most of a second)
        except ValueError:
            pass
    from matplotlib.colors import to_hex

    try:
        return to_hex(value)
    except (ValueError, TypeError):
        msg = (f"'{what}' has an invalid colour for {key!r}: {value!r}. Use a hex code like '#0072B2' "
               "or a colour name like 'teal'.")
        raise ValueError(msg) from None


def _with_overrides(out: dict, colours: Mapping | None, key: str) -> dict:
    """``out`` overridden by the user's ``colours``, every colour as hex, grey for a missing value (key None)."""
    if colours is not None:
        if not isinstance(colours, Mapping):
            msg = f"'colours' must be a mapping {{{key}: colour}}, got {type(colours).__name__}."
            raise TypeError(msg)
        out = {**out, **colours}
    result = {k: _to_hex(v, "colours", k) for k, v in out.items()}
    result[None] = UNKNOWN_COLOUR
    return result


def type_colours(case=None, colours: Mapping | None = None) -> dict:
    """Actor type → hex colour.

    The Okabe-Ito palette in the order of the actor types, overridden by the
    ``kleur`` column of the ``lijsten`` sheet, overridden by ``colours``.

    Parameters
    ----------
    case : Case, optional
    colours : mapping, optional
        ``{actor type: colour}``; any matplotlib colour (``"#0072B2"``,
        ``"teal"``).

    Returns
    -------
    dict
        Every known type, plus ``None`` for a missing type (grey).

    Raises
    ------
    ValueError
        A colour is not a colour.

    Examples
    --------
    >>> type_colours()["overheid"]
    '#0072b2'
    >>> type_colours(colours={"overheid": "black"})["overheid"]
    '#000000'
    """
    from ..schema import categorical_colours

    values = _vocab_values(case, "actor_type")
    out = dict(zip(values, categorical_colours(len(values))))
    if case is not None:
        out.update(case.colours("actor_type"))
    return _with_overrides(out, colours, "actor type")


#: Attributes the nodes can be coloured by (any other node attribute works too).
COLOUR_BY = ["type", "scale", "sector", "role", "aware"]
_AWARE_COLOURS = {True: "#009E73", False: "#D55E00"}


def attribute_colours(case, attr: str, values, colours: Mapping | None = None) -> dict:
    """Value → hex colour for colouring the actors by ``attr``.

    ``type`` uses :func:`type_colours`; ``aware`` green (yes) and vermilion
    (no); ``scale`` an ordered, colour-blind-safe ramp (viridis) from buurt
    to mondiaal; ``role`` and other attributes the Okabe-Ito palette in the
    order of the vocabulary (or sorted). Colours of the ``lijsten`` sheet and
    the ``colours`` argument win. A missing value is grey (key None).

    Parameters
    ----------
    case : Case or None
        Its vocabularies and ``lijsten`` colours; None: the standard
        vocabularies.
    attr : str
        The actor attribute the colours stand for: one of ``COLOUR_BY``
        (``"type"``, ``"scale"``, ``"sector"``, ``"role"``, ``"aware"``) or
        another node attribute (as ``colour_by`` of
        :class:`~opgavelab.draw.SceneOptions`).
    values : iterable
        The actors' values of ``attr`` (repeats and None allowed). Values
        outside the vocabulary get a colour too, after those of the
        vocabulary, in sorted order; ``"type"`` and ``"aware"`` colour only
        their vocabulary (the actor types; True and False).
    colours : mapping, optional
        ``{value: colour}``, any matplotlib colour; wins over the palette and
        the ``lijsten`` sheet.

    Returns
    -------
    dict
        Value → ``"#rrggbb"``, with ``None`` (a missing value) → grey.

    Raises
    ------
    ValueError
        A colour in ``colours`` (or the ``lijsten`` sheet) is not a colour.
    TypeError
        ``colours`` is not a mapping.

    Examples
    --------
    >>> attribute_colours(None, "aware", [True, False])[False]
    '#d55e00'
    >>> attribute_colours(None, "sector", ["zorg", "energie", None])
    {'energie': '#0072b2', 'zorg': '#e69f00', None: '#9e9e9e'}
    >>> attribute_colours(None, "aware", [True, False], colours={True: "teal"})[True]
    '#008080'
    """
    from ..schema import categorical_colours

    if attr == "type":
        return type_colours(case, colours)
    present = [v for v in dict.fromkeys(values) if v is not None]
    if attr == "aware":
        out = dict(_AWARE_COLOURS)
    elif attr == "scale":
        from matplotlib import colormaps

        order = _vocab_values(case, "scale")
        order += sorted((v for v in present if v not in order), key=str)
        ramp = colormaps["viridis"]
        out = {v: ramp(0.9 * i / max(len(order) - 1, 1)) for i, v in enumerate(order)}
        if case is not None:
            out.update(case.colours("scale"))
    else:
        vocab = {"role": "role", "sector": None}.get(attr)
        order = list(case.labels(vocab)) if (case is not None and vocab) else []
        order += sorted((v for v in present if v not in order), key=str)
        out = dict(zip(order, categorical_colours(len(order))))
        if case is not None and vocab:
            out.update(case.colours(vocab))
    return _with_overrides(out, colours, "value")


def scale_shapes(case=None) -> dict:
    """Scale level → ``(matplotlib marker, vis-network shape)``.

    The same scale level has the same shape in a figure and on a page.

    Parameters
    ----------
    case : Case, optional
        Its scale levels, in the order of its ``lijsten`` sheet; default the
        standard vocabulary (buurt ... mondiaal).

    Returns
    -------
    dict
        Each scale level, innermost first, → ``(marker, shape)``; after the
        seventh level the shapes repeat. ``None`` (no scale level) → the
        plain dot ``("o", "dot")``.

    Examples
    --------
    >>> scale_shapes()["buurt"]
    ('v', 'triangleDown')
    >>> scale_shapes()["mondiaal"]
    ('*', 'star')
    """
    values = _vocab_values(case, "scale")
    out = {v: _SHAPES[i % len(_SHAPES)] for i, v in enumerate(values)}
    out[None] = _UNKNOWN_SHAPE
    return out


def tie_styles(case=None) -> dict:
    """Tie type → ``(name, matplotlib linestyle, vis-network dashes)``.

    Line style shows the tie type; line width (not set here) its weight.

    Parameters
    ----------
    case : Case, optional
        Its tie types, in the order of its ``lijsten`` sheet; default the
        standard vocabulary.

    Returns
    -------
    dict
        Each tie type → ``(name, linestyle, dashes)``: solid, dashed,
        dotted, dash-dot and long dashes in vocabulary order, repeating after
        the fifth type. ``None`` (no tie type) → ``"loosely dotted"``.

    Examples
    --------
    >>> tie_styles()["samenwerking"][0], tie_styles()["financiering"][0]
    ('solid', 'dashed')
    >>> tie_styles()[None]
    ('loosely dotted', (0, (1, 4)), [1, 7])
    """
    values = _vocab_values(case, "tie_type")
    out = {v: _LINES[i % len(_LINES)] for i, v in enumerate(values)}
    out[None] = _UNKNOWN_LINE
    return out


# --------------------------------------------------------------------------
# captions
# --------------------------------------------------------------------------

def _format_date(ts, lang: str) -> str:
    return ts.strftime(message("format.strftime_date", lang))


def _source_name(case) -> str | None:
    src = getattr(case, "source", None)
    if not src:
        return None
    return Path(str(src)).name


def _filters_text(filters) -> str | None:
    if filters is None or filters == "" or filters == {}:
        return None
    if isinstance(filters, str):
        return filters
    if isinstance(filters, Mapping):
        parts = []
        for k, v in filters.items():
            if isinstance(v, (list, tuple, set)):
                v = ", ".join(str(x) for x in v)
            parts.append(f"{k} = {v}")
        return "; ".join(parts)
    if isinstance(filters, (list, tuple)):
        return "; ".join(str(f) for f in filters)
    return str(filters)


def caption(case, opgave: str | None = None, at=None, *, lang: str | None = None, filters=None,
            extra: list[str] | None = None) -> str:
    """The caption of a picture: case · opgave · date · filters · source.

    Parameters
    ----------
    case : Case
    opgave : str, optional
        Opgave id.
    at : year, date or None
        The date of the snapshot; None: "alle jaren" / "all years".
    lang : {"nl", "en"}
    filters : str, mapping or list, optional
        A description of filters applied, e.g. ``{"type": ["overheid"]}``.
    extra : list of str, optional
        More parts, e.g. what was left out.

    Returns
    -------
    str
        The parts joined by " · ".

    Raises
    ------
    ValueError
        ``lang`` is not ``"nl"`` or ``"en"``, ``opgave`` is not an opgave id
        of the case, or ``at`` is not a year, a date or None.

    Examples
    --------
    >>> import opgavelab
    >>> case = opgavelab.example()
    >>> for part in caption(case, "economie", 2024).split(" · "):
    ...     print(part)
    Regio Veenmarken (fictief)
    Regionale economische groei Veenmarken
    stand 31-12-2024
    bron: voorbeeld-veenmarken.xlsx
    >>> caption(case, "zorg", 2024, lang="en", filters={"type": ["overheid"]}).split(" · ")[2:4]
    ['as of 2024-12-31', 'filter: type = overheid']
    """
    lang = _check_lang(lang or getattr(case, "lang", None) or "nl")  # None: the case's language
    parts = [str(case.name)]
    if opgave is not None:
        case._check_opgave(opgave)
        parts.append(str(case.opgaven.at[opgave, "name"]))
    ts = snapshot_at(at)
    if ts is None:
        parts.append(text("all_years", lang))
    else:
        parts.append(text("as_of", lang, date=_format_date(ts, lang)))
    f = _filters_text(filters)
    if f:
        parts.append(text("filter", lang, filters=f))
    parts += list(extra or [])
    src = _source_name(case)
    if src:
        parts.append(text("source", lang, source=src))
    return " · ".join(parts)


# --------------------------------------------------------------------------
# shared by the scene and its renderers
# --------------------------------------------------------------------------

#: The names of the scene options, in the order of :class:`opgavelab.draw.scene.SceneOptions` (a test keeps
#: them equal); here, at the bottom, so that every drawing module can name them.
SCENE_OPTIONS = ("G", "layout", "seed", "size_by", "labels", "default_labels", "lang", "colours", "filters",
                 "max_nodes", "only_opgave_ties", "colour_by")


def _plain(value):
    """NaN/NaT/None → None; numpy scalars → Python."""
    if value is None:
        return None
    if type(value) in (str, bool, int):  # the common case, without pandas' isna (called per actor and tie)
        return value
    if isinstance(value, (list, tuple)):
        return list(value)
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, np.generic):
        return value.item()
    return value


def free_spoke(guides: Mapping, xs, ys) -> float:
    """The angle (radians) of a compass spoke with the fewest actors near it, near the top.

    Where the names of the rings go, one above the other along the spoke.
    ``xs`` and ``ys`` are the actors' positions.

    Examples
    --------
    >>> round(free_spoke({"sectors": []}, [0.0], [-1.0]), 4)  # nobody at the top
    1.5708
    """
    xs = np.asarray(xs, dtype=float)
    ys = np.asarray(ys, dtype=float)
    angles = np.arctan2(ys, xs) if len(xs) else np.zeros(0)
    cands = sorted({round(float(x), 4) for s in guides.get("sectors", []) for x in (s["start"], s["end"])})
    cands = cands or [math.pi / 2]
    cands += [k * math.pi / 12 for k in range(24)]

    def cost(a):
        d = np.abs((angles - a + math.pi) % (2 * math.pi) - math.pi)
        crowd = float(np.sum(np.clip(0.35 - d, 0, None))) if len(d) else 0.0
        return crowd + 0.15 * abs(((a - math.pi / 2 + math.pi) % (2 * math.pi)) - math.pi)

    return float(min(cands, key=cost))


def labelled_guides(layout, case, lang: str | None = None, colours: Mapping | None = None) -> dict:
    """The compass's rings and sectors with their labels (and sector colours); ``{}`` for other layouts."""
    if not getattr(layout, "guides", None):
        return {}
    colours = type_colours(case) if colours is None else colours
    type_labels = case.labels("actor_type", lang)
    scale_labels = case.labels("scale", lang)
    unknown = text("unknown", lang)
    g = layout.guides
    return {
        "hub_radius": g.get("hub_radius", 0.0),
        "rings": [dict(r, label=scale_labels.get(r["value"], r["value"]) if r["value"] is not None else unknown)
                  for r in g.get("rings", [])],
        "sectors": [dict(s, label=type_labels.get(s["value"], s["value"]) if s["value"] is not None else unknown,
                         colour=colours.get(s["value"], "#6f6f6f"))
                    for s in g.get("sectors", [])],
    }
