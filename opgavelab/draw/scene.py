"""The Scene: what a picture of one opgave shows, built once and drawn many ways.

:func:`build_scene` turns a case, an opgave and a date into a :class:`Scene`:
tables of what to draw where, in what style (the choices of
:mod:`opgavelab.draw.style`), with the legend and caption texts. Its options
(layout, size, names, colours, ...) are defined once, in
:class:`SceneOptions`, and every drawing function takes them. A Scene draws
itself: ``scene.figure()`` (matplotlib, see :mod:`opgavelab.draw.static`),
``scene.page()`` (the offline HTML page, see
:mod:`opgavelab.draw.interactive`) and ``scene.widget()`` (that page in
JupyterLab or Voilà). The renderers (``draw._figure`` and ``draw._page``)
only translate a Scene to pixels and never import this module; the one-call
forms (``network_figure``, ``network_html``, ...) in ``draw.static`` and
``draw.interactive`` import it. The layers run one way:
style → renderers → scene → static / interactive.
"""

from __future__ import annotations

__all__ = ["Scene", "SceneOptions", "SCENE_OPTIONS", "build_scene", "scene_for"]

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .._checks import _check_lang, _check_one_of
from .._i18n import fmt_number, nmessage
from ._figure import _scene_figure
from ._page import NetworkPage, _scene_page
from .style import (
    _UNKNOWN_LINE,
    _UNKNOWN_SHAPE,
    COLOUR_BY,
    SCENE_OPTIONS,
    SIZE_METRICS,
    UNKNOWN_COLOUR,
    _plain,
    attribute_colours,
    caption,
    labelled_guides,
    metric_label,
    scale_shapes,
    text,
    tie_styles,
)


@dataclass(frozen=True)
class SceneOptions:
    """The choices a picture of one opgave is built with, defined once for every drawing function.

    :func:`build_scene` takes them as keywords, and so do the functions that
    build a scene for you: :func:`~opgavelab.draw.network_figure`,
    :func:`~opgavelab.draw.network_html`, :func:`~opgavelab.draw.write_html`,
    :func:`~opgavelab.draw.show_network`, :func:`~opgavelab.draw.network_frame`
    and (some of them) :func:`~opgavelab.draw.small_multiples`.
    ``case``, ``opgave`` and ``at`` are the positional arguments of those
    functions: the case, the opgave's id and the snapshot date (a year, a
    date or None for every involvement and tie; ``at=2024`` is 31-12-2024).

    Parameters
    ----------
    G : networkx.Graph, optional
        A graph to draw instead of ``opgave_graph(case, opgave, at)``, e.g.
        after filtering; its nodes need the actor attributes.
    layout : {"force", "compass"}, Layout or dict, default "force"
        A layout name (``"compass"``: rings by scale level, sectors by actor
        type), or positions computed before (so that several pictures share
        them); a plain ``{node: (x, y)}`` dict is used as it is, with the
        opgave at ``(0, 0)`` unless it has a position.
    seed : int, default 0
        Seed of the force layout.
    size_by : str, Series, mapping or None, default "degree"
        Node size: ``"degree"``, ``"weighted_degree"``, ``"betweenness"``,
        ``"closeness"``, ``"eigenvector"``, a numeric node attribute (e.g.
        ``"commitment"``), values by actor id (e.g. a column of
        ``scan.centrality``) or None for equal sizes.
    labels : int, "all", "none" or list of ids, optional
        Which actors are named: the ``labels`` most central, all, none, or
        these. Default: all when there are at most ``default_labels`` actors,
        else the ``default_labels`` most central (by ``size_by``).
    default_labels : int, default 20
        An interactive page names up to 500 by default (the others show on
        hover, and the page names at most the 100 most central).
    lang : {"nl", "en"}, optional
        Default: the case's language (``case.lang``).
    colours : mapping, optional
        ``{value: colour}`` overriding the palette and the ``lijsten``
        sheet (values of ``colour_by``: actor types by default).
    filters : str, mapping or list, optional
        Filters to name in the caption.
    max_nodes : int, optional
        Show at most this many actors: the most central by ``size_by``. The
        caption says so. An interactive page shows at most 2,000 by default.
    only_opgave_ties : bool, default False
        Passed to :func:`opgavelab.network.opgave_graph`.
    colour_by : str, default "type"
        The actor attribute that gives the colour: ``"type"``, ``"scale"``,
        ``"sector"``, ``"role"``, ``"aware"`` or another node attribute.

    Examples
    --------
    >>> SceneOptions(layout="compass").seed
    0
    >>> SceneOptions.from_keywords("network_figure", {"colour": "scale"})
    Traceback (most recent call last):
    ...
    TypeError: network_figure() got an unknown keyword ['colour']; ...
    """

    G: object = None
    layout: object = "force"
    seed: int = 0
    size_by: object = "degree"
    labels: object = None
    default_labels: int = 20
    lang: str | None = None
    colours: Mapping | None = None
    filters: object = None
    max_nodes: int | None = None
    only_opgave_ties: bool = False
    colour_by: str = "type"

    @classmethod
    def from_keywords(cls, where: str, keywords: Mapping, allowed=None, **defaults) -> SceneOptions:
        """The options ``keywords`` name (over ``defaults``); an unknown keyword is a TypeError naming ``where``.

        How every drawing function reads its ``**options``: one check and one
        message for all of them.

        Parameters
        ----------
        where : str
            The name of the drawing function, for the message
            (``"network_figure"``).
        keywords : mapping
            The scene options the caller was given, ``{name: value}``.
        allowed : iterable of str, optional
            The options ``where`` takes; default every field of this class
            (``SCENE_OPTIONS``). :func:`~opgavelab.draw.small_multiples`
            takes fewer.
        **defaults
            The caller's own defaults, e.g. an interactive page's
            ``max_nodes=2000``; a value in ``keywords`` wins.

        Returns
        -------
        SceneOptions

        Raises
        ------
        TypeError
            A key of ``keywords`` is not in ``allowed``; the message names
            ``where``, the unknown keywords and the options it takes.

        Examples
        --------
        >>> opts = SceneOptions.from_keywords("network_html", {"layout": "compass"}, max_nodes=2000)
        >>> opts.layout, opts.max_nodes, opts.seed
        ('compass', 2000, 0)
        >>> SceneOptions.from_keywords("small_multiples", {"colour_by": "scale"}, allowed=["seed"])
        Traceback (most recent call last):
        ...
        TypeError: small_multiples() got an unknown keyword ['colour_by']; the scene options it takes are ['seed'] ...
        """
        allowed = list(SCENE_OPTIONS if allowed is None else allowed)
        unknown = sorted(k for k in keywords if k not in allowed)
        if unknown:
            msg = (f"{where}() got an unknown keyword {unknown}; the scene options it takes are {allowed} "
                   "(see opgavelab.draw.SceneOptions).")
            raise TypeError(msg)
        return cls(**{**defaults, **keywords})


@dataclass
class Scene:
    """What a picture shows, renderer-independent: build it once, draw it many ways.

    :func:`build_scene` makes one; :meth:`figure` draws it with matplotlib,
    :meth:`page` writes the offline HTML page and :meth:`widget` shows that
    page in JupyterLab or Voilà.

    Attributes
    ----------
    nodes : pandas.DataFrame
        One row per actor, indexed by actor id: ``x``, ``y``, ``name``,
        ``type``, ``type_label``, ``colour``, ``scale``, ``scale_label``,
        ``marker`` (matplotlib), ``shape`` (vis-network), ``aware``,
        ``value`` (the size metric), ``size`` (0-1), ``rank`` (1 = most
        central), ``show_label`` and the tooltip fields ``role``,
        ``commitment``, ``sector``, ``domains``, ``since``, ``until``.
    edges : pandas.DataFrame
        One row per pair of actors: ``source``, ``target``, ``type``,
        ``type_label``, ``types``, ``weight``, ``width`` (0-1), ``line``
        (style name), ``directed`` (an arrow from source to target).
    opgave : dict
        ``id``, ``name``, ``key`` (layout key), ``x``, ``y``; None when the
        picture has no opgave node.
    legend : dict
        ``types``, ``scales``, ``ties``: lists of ``(value, label)`` present
        in the picture; ``not_aware`` (bool), ``directed`` (bool), ``size``
        (metric label), ``names`` (how many names are shown).
    title, subtitle, caption : str
    notes : list of str
        Remarks that must be on the picture (e.g. only part shown).
    layout : Layout
    guides : dict
        Compass rings and sectors with their labels (empty for a force
        layout).
    lang : str
    n_total : int
        Number of actors before a node limit.
    case : Case
        The case the scene was built from (the page's second layout needs it).
    options : SceneOptions
        The options it was built with.

    Examples
    --------
    >>> import opgavelab
    >>> scene = build_scene(opgavelab.example(), "zorg", 2024, layout="compass")
    >>> fig = scene.figure(size="16:9")             # matplotlib
    >>> page = scene.page()                          # the offline HTML page
    >>> scene.widget(height=500)                     # doctest: +ELLIPSIS
    <NetworkPage '...': ... kB; .save(path) writes it, a notebook shows it.>
    """

    nodes: pd.DataFrame
    edges: pd.DataFrame
    opgave: dict | None
    legend: dict
    title: str
    subtitle: str
    caption: str
    layout: object
    guides: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)
    lang: str = "nl"
    n_total: int = 0
    colours: dict = field(default_factory=dict)
    shapes: dict = field(default_factory=dict)
    lines: dict = field(default_factory=dict)
    case: object = field(default=None, repr=False)
    options: SceneOptions = field(default_factory=SceneOptions, repr=False)

    def figure(self, *, size="A4", title: str | None = None):
        """The scene as a matplotlib figure with legend and caption.

        Parameters
        ----------
        size : {"A4", "A4-landscape", "16:9"} or (width, height) in inches, default "A4"
        title : str, optional
            Default: the opgave's name.

        Returns
        -------
        matplotlib.figure.Figure
            It shows inline in JupyterLab;
            :func:`~opgavelab.draw.save_figure` writes it.

        Raises
        ------
        ValueError
            ``size`` is neither a name of ``FIGURE_SIZES`` nor two positive
            numbers.

        Examples
        --------
        >>> import opgavelab
        >>> scene = build_scene(opgavelab.example(), "zorg", 2024)
        >>> fig = scene.figure(size="16:9")
        >>> fig.get_size_inches().round(2).tolist()
        [13.33, 7.5]
        >>> [t.get_text() for t in fig.texts][:2]   # title and subtitle
        ['Vitaal platteland: zorg en nabijheid in de dorpen', '13 actoren, 25 relaties']
        """
        return _scene_figure(self, size=size, title=title)

    def page(self, *, both_layouts: bool = True, title: str | None = None) -> str:
        """The scene as a self-contained, offline HTML page (see :mod:`opgavelab.draw.interactive`).

        Parameters
        ----------
        both_layouts : bool, default True
            Also compute the other layout (force or compass) and offer a
            button to switch.
        title : str, optional
            Default: the opgave's name.

        Returns
        -------
        str
            The page; it loads nothing from the internet.

        Examples
        --------
        >>> import opgavelab
        >>> scene = build_scene(opgavelab.example(), "zorg", 2024)
        >>> page = scene.page(both_layouts=False)
        >>> page.startswith("<!DOCTYPE html>"), "http://" in page or "https://" in page
        (True, False)
        """
        return _scene_page(self, both_layouts=both_layouts, title=title)

    def widget(self, *, height: int | str = 620, both_layouts: bool = True, title: str | None = None):
        """The page for a notebook: a ``NetworkPage`` that JupyterLab and Voilà show in a frame.

        ``.iframe()`` gives the markup for an ipywidgets ``HTML`` value,
        ``.save(path)`` writes the page.

        Parameters
        ----------
        height : int or str, default 620
            Height of the frame: pixels, or a CSS length such as ``"80vh"``.
        both_layouts, title
            As for :meth:`page`.

        Returns
        -------
        NetworkPage
            Shows itself as the last value of a notebook cell.

        Examples
        --------
        >>> import opgavelab
        >>> scene = build_scene(opgavelab.example(), "zorg", 2024)
        >>> view = scene.widget(height=400)
        >>> view.height, view.title
        (400, 'Vitaal platteland: zorg en nabijheid in de dorpen')
        >>> view.iframe().startswith("<iframe srcdoc=")
        True
        """
        html_text = self.page(both_layouts=both_layouts, title=title)
        return NetworkPage(html_text, height=height, title=title or self.title)


def scene_for(where: str, case, opgave: str, at, scene: Scene | None, keywords: Mapping, **defaults) -> Scene:
    """``scene`` when given, else one built from ``keywords`` (over ``defaults``).

    A keyword that only builds a scene is refused next to ``scene=``: it
    would be ignored.
    """
    if scene is None:
        options = SceneOptions.from_keywords(where, keywords, **defaults)
        return _build(case, opgave, at, options)
    ignored = sorted(keywords) + (["at"] if at is not None else [])
    if ignored:
        msg = (f"{where}() got scene= and also {ignored}, which only build a scene and would be ignored. "
               "Pass them to build_scene(), or leave out scene=.")
        raise ValueError(msg)
    if not isinstance(scene, Scene):
        msg = f"'scene' must be a Scene from build_scene(), got {type(scene).__name__}."
        raise TypeError(msg)
    return scene


def _undirected_neighbours(G, v) -> set:
    if G.is_directed():
        return set(G.predecessors(v)) | set(G.successors(v))
    return set(G.neighbors(v))


def _metric(G, size_by) -> pd.Series:
    """The size metric per node (float, NaN → 0)."""
    nodes = list(G.nodes)
    if size_by is None:
        return pd.Series(1.0, index=nodes, dtype=float)
    if isinstance(size_by, (pd.Series, Mapping)):
        s = pd.Series(size_by) if isinstance(size_by, Mapping) else size_by
        s = pd.to_numeric(s, errors="coerce")
        return s.reindex(nodes).astype(float).fillna(0.0)
    if not isinstance(size_by, str):
        msg = f"'size_by' must be a metric name, a node attribute, a Series or None, got {type(size_by).__name__}."
        raise TypeError(msg)
    if size_by == "degree":
        return pd.Series([float(len(_undirected_neighbours(G, v) - {v})) for v in nodes], index=nodes, dtype=float)
    if size_by == "weighted_degree":
        vals = dict.fromkeys(nodes, 0.0)
        for u, v, d in G.edges(data=True):
            w = d.get("weight", 1.0)
            w = float(w) if isinstance(w, (int, float)) and not isinstance(w, bool) else 1.0
            vals[u] += w
            vals[v] += w
        return pd.Series(vals, dtype=float).reindex(nodes)
    if size_by in SIZE_METRICS:
        from ..metrics import centrality

        table = centrality(G)
        return table[size_by].reindex(nodes).astype(float).fillna(0.0)
    attrs = {a for _, d in G.nodes(data=True) for a in d}
    if size_by in attrs:
        values = pd.Series({v: _plain(G.nodes[v].get(size_by)) for v in nodes}, dtype=object)
        return pd.to_numeric(values, errors="coerce").reindex(nodes).astype(float).fillna(0.0)
    allowed = SIZE_METRICS + sorted(a for a in attrs if a not in SIZE_METRICS)
    msg = f"'size_by' must be one of {allowed}, a Series or None, got {size_by!r}."
    raise ValueError(msg)


def _ranks(values: pd.Series, names: pd.Series) -> pd.Series:
    """1 = largest value; ties broken by name then id, so the order is stable."""
    frame = pd.DataFrame({"v": -values.to_numpy(), "name": names.astype(str).to_numpy(),
                          "id": [str(i) for i in values.index]}, index=values.index)
    order = frame.sort_values(["v", "name", "id"], kind="stable").index
    return pd.Series(np.arange(1, len(order) + 1), index=order).reindex(values.index)


def _relative(values: np.ndarray, sqrt: bool = True) -> np.ndarray:
    if len(values) == 0:
        return values.astype(float)
    lo, hi = float(np.nanmin(values)), float(np.nanmax(values))
    if not math.isfinite(lo) or hi - lo <= 0:
        return np.full(len(values), 0.5)
    rel = (values - lo) / (hi - lo)
    return np.sqrt(rel) if sqrt else rel


def _label_count(labels, n: int, default: int) -> int | list:
    if labels is None:
        return n if n <= default else default
    if isinstance(labels, str):
        _check_one_of("labels", labels, ["all", "none"])
        return n if labels == "all" else 0
    if isinstance(labels, bool):
        return n if labels else 0
    if isinstance(labels, (int, np.integer)):
        if labels < 0:
            msg = f"'labels' must be a number >= 0, 'all', 'none' or a list of actor ids, got {labels!r}."
            raise ValueError(msg)
        return min(int(labels), n)
    return list(labels)


def _check_layout_arg(layout) -> None:
    from .layout import Layout

    if isinstance(layout, (Layout, Mapping)):
        return
    if isinstance(layout, str):
        _check_one_of("layout", layout, ["force", "compass"])
        return
    msg = f"'layout' must be 'force', 'compass', a Layout or a dict of positions, got {type(layout).__name__}."
    raise TypeError(msg)


def build_scene(case, opgave: str, at=None, **options) -> Scene:
    """Everything a picture of one opgave shows, ready for a renderer.

    Parameters
    ----------
    case, opgave, at
        The case, the opgave's id and the snapshot date (None: every
        involvement and tie), as :class:`SceneOptions` tells.
    **options
        The scene options: ``G``, ``layout``, ``seed``, ``size_by``,
        ``labels``, ``default_labels``, ``lang``, ``colours``, ``filters``,
        ``max_nodes``, ``only_opgave_ties``, ``colour_by``; each is
        described once, in :class:`SceneOptions`.

    Returns
    -------
    Scene
        Draw it with ``.figure()``, ``.page()`` or ``.widget()``.

    Raises
    ------
    ValueError
        An option is not one of its allowed values.
    TypeError
        An unknown keyword.

    Examples
    --------
    >>> import opgavelab
    >>> scene = build_scene(opgavelab.example(), "economie", at=2024)
    >>> bool(scene.nodes[["x", "y", "colour", "marker", "shape"]].notna().all().all())
    True
    """
    return _build(case, opgave, at, SceneOptions.from_keywords("build_scene", options))


def _build(case, opgave: str, at, opts: SceneOptions) -> Scene:
    """The steps of :func:`build_scene`: graph, limit, positions, tables, legend, texts."""
    lang = _check_scene_options(case, opgave, opts)
    G = opts.G
    if G is None:
        from ..network import opgave_graph

        G = opgave_graph(case, opgave, at, only_opgave_ties=opts.only_opgave_ties, directed=None)  # keep arrows
    G.graph.setdefault("opgave", opgave)
    n_total = G.number_of_nodes()
    G, value, names, rank, notes, extra = _limit_nodes(G, opgave, opts, lang)
    pos = _scene_positions(G, case, opgave, opts)
    hub = pos.hub if pos.hub is not None else _opgave_key(opgave)
    colour_values, colours_map = _node_colours(G, case, opts)
    nodes = _node_table(G, case, list(value.index), pos, names, colour_values, colours_map, lang)
    nodes["value"] = value.to_numpy(dtype=float)
    nodes["size"] = _relative(nodes["value"].to_numpy(dtype=float))
    nodes["rank"] = rank.to_numpy(dtype=int) if len(rank) else np.zeros(0, int)
    nodes["show_label"], n_names = _shown_names(nodes, opts)
    edges = _edge_table(G, case.labels("tie_type", lang), tie_styles(case), text("unknown", lang))
    oname = str(case.opgaven.at[opgave, "name"])
    hx, hy = pos.get(hub, (0.0, 0.0))
    legend = _legend(case, nodes, edges, pos, opts, lang, colours_map,
                     present=list(dict.fromkeys(colour_values[v] for v in nodes.index)), n_names=n_names)
    subtitle = text("n_actors_ties", lang, actors=nmessage("count.actors", len(nodes), lang),
                    ties=nmessage("count.ties", len(edges), lang))
    if opts.only_opgave_ties:
        extra.insert(0, text("only_opgave_ties", lang))
    cap = caption(case, opgave, G.graph.get("at", at) if at is None else at, lang=lang, filters=opts.filters,
                  extra=extra)
    return Scene(nodes=nodes, edges=edges, opgave={"id": opgave, "name": oname, "key": hub, "x": float(hx),
                                                  "y": float(hy)},
                 legend=legend, title=oname, subtitle=subtitle, caption=cap, layout=pos,
                 guides=labelled_guides(pos, case, lang, colours_map if opts.colour_by == "type" else {}),
                 notes=notes, lang=lang, n_total=n_total, colours=colours_map, shapes=scale_shapes(case),
                 lines=tie_styles(case), case=case, options=opts)


def _opgave_key(opgave: str):
    from .layout import opgave_key

    return opgave_key(opgave)


def _check_scene_options(case, opgave: str, opts: SceneOptions) -> str:
    """The options checked before any work; returns the language."""
    lang = _check_lang(opts.lang or getattr(case, "lang", None) or "nl")  # None: the case's language
    _check_layout_arg(opts.layout)
    max_nodes = opts.max_nodes
    if max_nodes is not None and (isinstance(max_nodes, bool) or not isinstance(max_nodes, (int, np.integer))
                                  or max_nodes < 1):
        msg = f"'max_nodes' must be a whole number >= 1 or None, got {max_nodes!r}."
        raise ValueError(msg)
    case._check_opgave(opgave)
    return lang


def _limit_nodes(G, opgave: str, opts: SceneOptions, lang: str):
    """The size metric, names and ranks; above ``max_nodes`` only the most central, with a note saying so."""
    value = _metric(G, opts.size_by)
    names = pd.Series({v: str(G.nodes[v].get("name") or v) for v in G.nodes}, dtype=object).reindex(value.index)
    rank = _ranks(value, names)
    notes: list[str] = []
    extra: list[str] = []
    n_total = G.number_of_nodes()
    if opts.max_nodes is not None and n_total > opts.max_nodes:
        keep = rank[rank <= opts.max_nodes].index
        G = G.subgraph(keep).copy()
        G.graph["opgave"] = opgave
        value, names, rank = value.loc[keep], names.loc[keep], rank.loc[keep]
        note = text("shown_part", lang, k=fmt_number(opts.max_nodes, lang, 0), n=fmt_number(n_total, lang, 0),
                    metric=metric_label(opts.size_by, lang))
        notes.append(note)
        extra.append(note)
    return G, value, names, rank, notes, extra


def _scene_positions(G, case, opgave: str, opts: SceneOptions):
    """The layout: given positions, or the compass or force layout of ``G``; every actor must have one."""
    from .layout import Layout, compass_layout, force_layout

    layout = opts.layout
    if isinstance(layout, Layout):
        pos = layout
    elif isinstance(layout, Mapping):
        pos = Layout(layout, kind="custom", hub=_opgave_key(opgave))
        pos.setdefault(pos.hub, (0.0, 0.0))
    elif layout == "compass":
        pos = compass_layout(G, case)
    else:
        pos = force_layout(G, seed=opts.seed)
    missing = [v for v in G.nodes if v not in pos]
    if missing:
        shown = missing[:5]
        msg = f"'layout' has no position for {len(missing)} actor(s), e.g. {shown}; compute it on this graph."
        raise ValueError(msg)
    return pos


def _node_colours(G, case, opts: SceneOptions) -> tuple[dict, dict]:
    """Each actor's value of ``colour_by``, and value → colour."""
    colour_by = opts.colour_by
    attrs = {a for _, d in G.nodes(data=True) for a in d}
    if not isinstance(colour_by, str) or (colour_by not in COLOUR_BY and colour_by not in attrs):
        allowed = COLOUR_BY + sorted(a for a in attrs if a not in COLOUR_BY)
        msg = f"'colour_by' must be one of {allowed}, got {colour_by!r}."
        raise ValueError(msg)
    colour_values = {v: _colour_value(G.nodes[v].get(colour_by)) for v in G.nodes}
    return colour_values, attribute_colours(case, colour_by, list(colour_values.values()), opts.colours)


_NODE_COLUMNS = ["x", "y", "name", "label", "type", "type_label", "colour", "scale", "scale_label", "marker", "shape",
                 "aware", "role", "commitment", "sector", "domains", "since", "until"]


def _node_table(G, case, ids: list, pos, names, colour_values: dict, colours_map: dict, lang: str) -> pd.DataFrame:
    """One row per actor: position, names, colour, shape and the tooltip fields."""
    shapes = scale_shapes(case)
    type_labels = case.labels("actor_type", lang)
    scale_labels = case.labels("scale", lang)
    role_labels = case.labels("role", lang)
    unknown = text("unknown", lang)
    rows = []
    for v in ids:
        d = G.nodes[v]
        t = _plain(d.get("type"))
        s = _plain(d.get("scale"))
        aware = d.get("aware")
        role = _plain(d.get("role"))
        rows.append({
            "x": float(pos[v][0]), "y": float(pos[v][1]),
            "name": names[v],
            "label": str(_plain(d.get("short_name")) or names[v]),
            "type": t, "type_label": type_labels.get(t, t) if t is not None else unknown,
            "colour_value": colour_values[v],
            "colour": colours_map.get(colour_values[v], UNKNOWN_COLOUR),
            "scale": s, "scale_label": scale_labels.get(s, s) if s is not None else unknown,
            "marker": shapes.get(s, _UNKNOWN_SHAPE)[0], "shape": shapes.get(s, _UNKNOWN_SHAPE)[1],
            "aware": True if aware is None else bool(aware),
            "role": role_labels.get(role, role) if role else None,
            "commitment": _plain(d.get("commitment")),
            "sector": _plain(d.get("sector")),
            "domains": list(d.get("domains") or []),
            "since": _plain(d.get("involved_since")),
            "until": _plain(d.get("involved_until")),
        })
    if not rows:
        return pd.DataFrame(columns=_NODE_COLUMNS, index=pd.Index([], name="id"))
    return pd.DataFrame(rows, index=pd.Index(ids, name="id"))


def _shown_names(nodes: pd.DataFrame, opts: SceneOptions):
    """Which actors are named (``show_label``) and how many."""
    which = _label_count(opts.labels, len(nodes), opts.default_labels)
    if isinstance(which, list):
        show = nodes.index.isin(which)
        return show, int(show.sum())
    return nodes["rank"] <= which, which


def _legend_rows(order_labels: dict, present: set, unknown: str) -> list:
    """``(value, label)`` for the values present: vocabulary order, then the others sorted, missing last."""
    order = list(order_labels) + sorted({v for v in present if v not in order_labels and v}, key=str)
    rows = [(v, order_labels.get(v, v)) for v in order if v in present]
    if None in present:
        rows.append((None, unknown))
    return rows


def _legend(case, nodes, edges, pos, opts: SceneOptions, lang: str, colours_map: dict, *, present: list,
            n_names: int) -> dict:
    """What the legend lists: colours, shapes and lines present, and what else the picture shows."""
    unknown = text("unknown", lang)
    legend = {
        "colour_by": opts.colour_by,
        "colour_title": _colour_title(opts.colour_by, lang),
        "types": _colour_legend(case, opts.colour_by, present, lang, colours_map),
        "scales": _legend_rows(case.labels("scale", lang), set(nodes["scale"].tolist()), unknown),
        "ties": _legend_rows(case.labels("tie_type", lang), set(edges["type"].tolist()) if len(edges) else set(),
                             unknown),
        "not_aware": bool((~nodes["aware"].astype(bool)).any()) if len(nodes) else False,
        "directed": bool(edges["directed"].any()) if len(edges) else False,
        "size": metric_label(opts.size_by, lang) if opts.size_by is not None else None,
        "names": n_names if n_names < len(nodes) else None,
    }
    if pos.kind == "compass":
        legend["layout"] = text("layout_compass", lang)
    elif pos.kind == "force":
        legend["layout"] = text("layout_force", lang, seed=pos.seed)
    return legend


def _colour_value(value):
    value = _plain(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or None
    return value


_COLOUR_TITLES = {"type": "actor_type", "scale": "scale", "role": "f_role", "sector": "f_sector", "aware": "f_aware"}


def _colour_title(colour_by: str, lang: str) -> str:
    key = _COLOUR_TITLES.get(colour_by)
    if key is None:
        return colour_by
    title = text(key, lang)
    return title[:1].upper() + title[1:]


def _colour_legend(case, colour_by: str, present: list, lang: str, colours: dict) -> list:
    """``(value, label)`` for the values present, in vocabulary order, missing last."""
    unknown = text("unknown", lang)
    if colour_by == "aware":
        labels = {True: text("yes", lang), False: text("no", lang)}
        order = [True, False]
    else:
        vocab = {"type": "actor_type", "scale": "scale", "role": "role"}.get(colour_by)
        labels = case.labels(vocab, lang) if vocab else {}
        order = list(labels) if vocab else [k for k in colours if k is not None]
    rank = {v: i for i, v in enumerate(order)}
    values = sorted((v for v in present if v is not None), key=lambda v: (rank.get(v, len(rank)), str(v)))
    out = [(v, labels.get(v, str(v))) for v in values]
    if None in present:
        out.append((None, unknown))
    return out


def _edge_table(G, tie_labels: dict, lines: dict, unknown: str) -> pd.DataFrame:
    """One row per pair of actors; a directed tie one way only gets an arrow.

    The row takes its source, target, type and weight from the pair's first arc; arcs both ways make a
    mutual tie, drawn without an arrow.
    """
    cols = ["source", "target", "type", "type_label", "types", "weight", "width", "line", "directed"]
    directed_graph = G.is_directed()
    pairs: dict = {}
    for u, v, d in G.edges(data=True):
        if u == v:
            continue
        key = (u, v) if str(u) <= str(v) else (v, u)
        rec = pairs.get(key)
        if rec is None:
            w = d.get("weight", 1.0)
            w = float(w) if isinstance(w, (int, float)) and not isinstance(w, bool) and math.isfinite(w) else 1.0
            t = d.get("type")
            pairs[key] = [u, v, _plain(t), list(d.get("types") or ([t] if t else [])), w,
                          bool(d.get("directed", False)) and directed_graph]
        elif rec[0] != u:  # the other way round: a mutual tie, drawn without an arrow
            rec[5] = False
    if not pairs:
        return pd.DataFrame(columns=cols)
    frame = pd.DataFrame(list(pairs.values()), columns=["source", "target", "type", "types", "weight", "directed"])
    types = frame["type"].tolist()
    frame["type_label"] = [tie_labels.get(t, t) if t is not None else unknown for t in types]
    frame["line"] = [lines.get(t, _UNKNOWN_LINE)[0] for t in types]
    frame["width"] = _relative(frame["weight"].to_numpy(dtype=float), sqrt=False)
    return frame[cols]
