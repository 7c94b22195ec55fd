"""The explorer: watch a scattered set of actors become a collective around one opgave.

``opgavelab.Explorer(case)`` is an ipywidgets application. Its state lives in
traitlets (``opgave``, ``at``, the filters, ``colour_by``, ``size_by``,
``view``, ``lang``), each linked both ways with its control; Python computes, the view only shows. Every callback
runs through :meth:`Explorer._guard`, which puts any error in the explorer's
message area instead of losing it. It can be built and driven without a
browser: set a traitlet, then read ``explorer.scan``, ``explorer.shown_graph``,
``explorer.metrics`` or ``explorer.view_html``. In a Jupyter kernel the
explorer is shown first and its picture and panels follow as soon as the cell
has sent it (the browser lays it out meanwhile); reading those attributes
makes them at once.

The picture is the trait ``view`` (``"formation"``, ``"force"`` or
``"compass"``; ``layout`` stays ipywidgets' CSS layout, so
``ex.layout.width = "100%"`` works as for any widget). The default view is
the formation (``view="formation"``): a widget
(:class:`opgavelab.draw.widget.FormationView`) that draws the separate parts
of the collective apart and lets the actors glide together while ▶ plays the
years, with the story sentence of each year beside it; clicking an actor sets
``selected_actor``. The network and compass views keep one layout over all
years, so the picture stays put while actors and ties appear. Above
``max_nodes`` those views show the most central part of the network and say
so.
"""

from __future__ import annotations

__all__ = ["Explorer"]

import base64
import functools
import html
import mimetypes
import tempfile
import traceback
from pathlib import Path

import ipywidgets as widgets
import traitlets

from ._i18n import has_message, message

# the explorer's words: ``explorer.<key>`` in the catalogue (opgavelab/locale/*/LC_MESSAGES/opgavelab.po)

COLOUR_OPTIONS = ("type", "scale", "sector", "role", "aware")
SIZE_OPTIONS = ("degree", "weighted_degree", "betweenness", "eigenvector", "brokerage", "commitment", "none")
# each option is shown as ``explorer.option.<option>`` from the catalogue
EXPORT_FORMATS = ("png", "svg", "pdf", "html", "xlsx", "docx")


def _in_app() -> bool:
    """Whether the kernel runs under Voilà (which sets these variables for its kernels)."""
    import os

    return any(k in os.environ for k in ("VOILA_BASE_URL", "VOILA_SERVER_URL", "VOILA_APP_PORT", "VOILA_PREHEAT"))


def _after_output(callback) -> bool:
    """Run ``callback`` once the running cell's output has gone to the browser; False outside a kernel.

    In a cell (JupyterLab, Voilà, nbclient) it runs when the cell's code is
    done (IPython's ``post_execute``, before the kernel is idle again); in a
    widget's callback, on the kernel's next event-loop turn. Without a
    kernel (a script, the tests) nothing is scheduled.
    """
    import asyncio
    import sys

    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    kernel = getattr(shell, "kernel", None)
    if kernel is None:
        return False
    try:
        parent = kernel.get_parent("shell") or {}
    except Exception:  # an older kernel: no parent per channel
        parent = {}
    if parent.get("header", {}).get("msg_type") == "execute_request":
        def once(*args) -> None:
            shell.events.unregister("post_execute", once)
            callback()

        shell.events.register("post_execute", once)
        return True
    try:
        asyncio.get_running_loop().call_soon(callback)
    except RuntimeError:  # no event loop runs here
        return False
    return True


def _key_cohesion(H) -> dict:
    """The key figures of :func:`opgavelab.metrics.cohesion` the explorer shows, the same numbers, without
    the distances and clustering it does not show: ``density``, ``n_weak_components`` and
    ``largest_component_share`` (self-loops are no ties; a DiGraph's parts are its weak components)."""
    import networkx as nx

    n = H.number_of_nodes()
    directed = H.is_directed()
    n_ties = H.number_of_edges() - nx.number_of_selfloops(H)
    possible = n * (n - 1) / (1 if directed else 2)
    parts = [len(c) for c in (nx.weakly_connected_components(H) if directed else nx.connected_components(H))]
    return {"density": n_ties / possible if n > 1 else float("nan"), "n_weak_components": len(parts),
            "largest_component_share": max(parts) / n if n else float("nan")}


#: Height of the network page in the explorer: taller in a taller window (the picture is as tall as wide).
_FRAME_HEIGHT = "max(540px, 78vh)"


class Explorer(widgets.VBox):
    """An ipywidgets explorer of one case: pick an opgave, filter, play through the years, export.

    Parameters
    ----------
    case : Case, optional
        Default: the bundled example (:func:`opgavelab.example`).
    opgave : str, optional
        The opgave to start with; default the first.
    at : int, optional
        The year to start with (its last day); default the last year.
    lang : {"nl", "en"}, optional
        Default: the case's language (as everywhere in opgavelab).
    max_nodes : int, default 500
        Above this many actors the view shows the most central part.
    export_dir : str or path, default "opgavelab-export"
        Folder the export buttons write into.

    Examples
    --------
    >>> import opgavelab
    >>> ex = opgavelab.Explorer(opgavelab.example())      # doctest: +SKIP
    >>> ex.at = 2019                                       # doctest: +SKIP
    >>> ex.scan.formation["n_components"].iloc[-1]         # doctest: +SKIP
    """

    opgave = traitlets.Unicode(help="The selected opgave id.")
    at = traitlets.Int(None, allow_none=True, help="The selected year (its last day); None: all dates.")
    types = traitlets.List(traitlets.Unicode(), help="Actor types shown.")
    scales = traitlets.List(traitlets.Unicode(), help="Scale levels shown (actors without one always show).")
    tie_types = traitlets.List(traitlets.Unicode(), help="Tie types shown.")
    aware = traitlets.Enum(("all", "aware", "unaware"), "all", help="Which actors by awareness.")
    colour_by = traitlets.Enum(COLOUR_OPTIONS, "type")
    size_by = traitlets.Enum(SIZE_OPTIONS, "degree")
    view = traitlets.Enum(("formation", "force", "compass"), "formation",
                          help="The picture: 'formation', 'force' (network) or 'compass'.")
    selected_actor = traitlets.Unicode("", help="Id of the actor last clicked in the formation view; '' for none.")
    lang = traitlets.Enum(("nl", "en"), "nl")
    max_nodes = traitlets.Int(500)
    export_dir = traitlets.Unicode("opgavelab-export")

    def __init__(self, case=None, opgave: str | None = None, at: int | None = None, lang: str | None = None,
                 max_nodes: int = 500, export_dir="opgavelab-export", view: str | None = None, **kwargs):
        from .case import Case

        if isinstance(kwargs.get("layout"), str):  # the picture was once called 'layout' (ipywidgets' CSS trait)
            legacy = kwargs.pop("layout")
            view = view or legacy

        if case is None:
            from .io import example

            case = example(lang=lang or "nl")
        if not isinstance(case, Case):
            msg = f"'case' must be an opgavelab.Case (from opgavelab.load), got {type(case).__name__}."
            raise TypeError(msg)
        lang = lang or case.lang
        super().__init__(**kwargs)
        self.case = case
        self._scan = None
        self._shown_graph = None
        self._metrics: dict = {}
        self._pending = False  # True while the picture and the panels wait for the cell's output (_first_picture)
        self.view_html: str = ""
        self.last_error: str | None = None
        self.last_export: Path | None = None
        self._positions: dict = {}
        self._busy = False
        self.set_trait("lang", lang)
        self.set_trait("max_nodes", int(max_nodes))
        self.set_trait("export_dir", str(export_dir))
        if view is not None:
            self.set_trait("view", view)
        self._links: list = []
        self._build()
        self._load_case(case, opgave=opgave, at=at, first=True)
        self._link_controls()
        self.observe(self._guard(self._sync_toggles), names=["types", "scales", "tie_types"])
        self.observe(self._guard(self._on_selection), names=["opgave", "at"])
        self.observe(self._guard(self._on_view), names=["types", "scales", "tie_types", "aware", "colour_by",
                                                        "size_by", "view", "max_nodes"])
        self.observe(self._guard(self._on_lang), names=["lang"])

    # -- helpers ---------------------------------------------------------------
    def _t(self, key: str, **fields) -> str:
        return message("explorer." + key, self.lang, **fields)

    def _label(self, key: str) -> str:
        return message("explorer.option." + key, self.lang) if has_message("explorer.option." + key) else key

    # -- what the panels show: complete when read (the first picture fills them just after it is shown) --
    @property
    def scan(self):
        """The :func:`~opgavelab.scan` of the opgave at the year shown (None before the first opgave)."""
        self._finish_panels()
        return self._scan

    @scan.setter
    def scan(self, value) -> None:
        self._scan = value

    @property
    def shown_graph(self):
        """The actor network the picture shows: the scan's graph, filtered and limited to ``max_nodes``."""
        self._finish_panels()
        return self._shown_graph

    @shown_graph.setter
    def shown_graph(self, value) -> None:
        self._shown_graph = value

    @property
    def metrics(self) -> dict:
        """The key figures of the shown network (actors, ties, density, parts, E-I)."""
        self._finish_panels()
        return self._metrics

    @metrics.setter
    def metrics(self, value: dict) -> None:
        self._metrics = value

    def _guard(self, func):
        """Run a callback; any error goes to the message area, never lost. Within one callback each
        snapshot graph is built once (:func:`~opgavelab.network.reuse_graphs`)."""

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            from .network import reuse_graphs

            try:
                with reuse_graphs():  # a snapshot the scan, the layout and the frames all need is built once
                    return func(*args, **kwargs)
            except Exception as exc:  # shown to the user, with the traceback for a developer
                self.last_error = f"{type(exc).__name__}: {exc}"
                self._status.value = f"<div style='color:#b00020'>{html.escape(self._t('error'))} " \
                                     f"{html.escape(self.last_error)}</div>"
                self._log.append_stderr(traceback.format_exc())
                return None

        return wrapper

    # -- controls and traits, linked both ways -----------------------------------
    def _link_controls(self) -> None:
        """Each control follows its trait and the trait its control (``traitlets.link``)."""
        if self._links:
            return
        pairs = (("aware", self._aware_w), ("colour_by", self._colour_w), ("size_by", self._size_w),
                 ("view", self._layout_w), ("export_dir", self._export_dir_w))
        # (opgave and year: their controls follow in _on_selection, and set the trait when moved)
        self._links = [traitlets.link((self, name), (control, "value")) for name, control in pairs]

    def _unlink_controls(self) -> None:
        for link in self._links:
            link.unlink()
        self._links = []

    def _sync_toggles(self, change) -> None:
        """A trait set from code ticks or unticks its checkboxes."""
        row = {"types": self._types_w, "scales": self._scales_w, "tie_types": self._ties_w}[change["name"]]
        wanted = set(change["new"])
        for b in getattr(row, "_buttons", []):
            if b.value != (b._value in wanted):
                b.value = b._value in wanted

    # -- building --------------------------------------------------------------
    def _shared(self, kind, **traits):
        """One ``Layout`` or style per setting, shared by every widget that has it (a widget class: its style).

        Each is a widget model of its own that the browser must create before
        it draws; the explorer has over a hundred widgets, most with the same
        few layouts. Not for a layout that one widget changes later.
        """
        if kind.class_traits().get("style") is not None:  # a widget class: its style class
            kind = kind.class_traits()["style"].klass
        key = (kind.__name__, tuple(sorted(traits.items())))
        if key not in self._shared_models:
            self._shared_models[key] = kind(**traits)
        return self._shared_models[key]

    def _html(self, value: str = "") -> widgets.HTML:
        """An HTML widget with the shared plain layout and style."""
        return widgets.HTML(value, layout=self._shared(widgets.Layout), style=self._shared(widgets.HTML))

    def _box(self, kind, children, **layout) -> widgets.Box:
        """An HBox or VBox with a shared layout."""
        return kind(children, layout=self._shared(widgets.Layout, **layout))

    def _build(self) -> None:
        w = widgets
        self._shared_models: dict = {}
        self._title = self._html()
        self._status = self._html()
        self._log = w.Output(layout=w.Layout(max_height="12em", overflow="auto"))
        wide = self._shared(w.Dropdown, description_width="initial")
        self._opgave_w = w.Dropdown(layout=w.Layout(width="40em"), style=wide)
        self._info = self._html()
        self._play = w.Play(interval=1000, step=1)
        self._year_w = w.IntSlider(continuous_update=False, layout=w.Layout(width="24em"))
        w.jslink((self._play, "value"), (self._year_w, "value"))
        self._aware_w = w.Dropdown(layout=w.Layout(width="19em"), style=wide)
        self._colour_w = w.Dropdown(layout=w.Layout(width="15em"), style=wide)
        self._size_w = w.Dropdown(layout=w.Layout(width="17em"), style=wide)
        self._layout_w = w.ToggleButtons(style={"button_width": "7.5em"})
        self._picture = w.HTML(layout=w.Layout(width="100%", min_height="560px"), style=self._shared(w.HTML))
        from .draw.widget import FormationView

        self._formation_view = FormationView(controls=False, layout=w.Layout(width="100%"))
        # ▶ and the slider move the formation view in the browser at once (no round trip through the
        # kernel, which scans the year meanwhile and updates the key figures after); a year the view
        # has no frame of is clamped by the kernel (_show_formation)
        self._year_link = w.jsdlink((self._year_w, "value"), (self._formation_view, "year"))
        self._formation_view.observe(self._guard(self._on_view_year), names="year")
        traitlets.link((self._formation_view, "selected_actor"), (self, "selected_actor"))
        self._formation_key = None
        self._setting_view_year = False
        self._notice, self._metrics_w, self._summary, self._missing, self._brokers, self._problems = (
            self._html() for _ in range(6))
        self._upload = w.FileUpload(accept=".xlsx,.ods,.xlsm", multiple=False, layout=w.Layout(width="auto"))
        self._export_dir_w = w.Text(layout=w.Layout(width="22em"))
        # the note's button gets a wider layout of its own (_relabel_controls)
        self._export_buttons = [w.Button(description=f.upper(), style=self._shared(w.Button),
                                         layout=self._shared(w.Layout, width="5.5em") if f != "docx"
                                         else w.Layout(width="5.5em")) for f in EXPORT_FORMATS]
        self._export_out = self._html()
        self._tabs = w.Tab(children=[self._summary, self._missing, self._brokers,
                                     self._box(w.VBox, [self._box(w.HBox, [self._upload]), self._problems])])

        self._opgave_w.observe(self._guard(lambda c: self.set_trait("opgave", c["new"]) if c["new"] else None),
                               names="value")
        self._year_w.observe(self._guard(lambda c: setattr(self, "at", int(c["new"]))), names="value")
        self._upload.observe(self._guard(self._on_upload), names="value")
        for fmt, button in zip(EXPORT_FORMATS, self._export_buttons):
            button.on_click(self._guard(functools.partial(self._on_export_click, fmt)))

        # the filter rows (types, scales, tie types) go between these when a case is loaded (_relabel_controls)
        self._controls_head = [self._box(w.HBox, [self._opgave_w]), self._info,
                               self._box(w.HBox, [self._play, self._year_w])]
        self._controls_tail = [self._box(w.HBox, [self._aware_w, self._colour_w, self._size_w, self._layout_w])]
        controls = self._box(w.VBox, [*self._controls_head, *self._controls_tail])
        # the picture takes what the key figures leave; min_width 0 lets it shrink instead of overflowing
        main = self._box(w.HBox, [
            w.VBox([self._formation_view, self._picture, self._notice],
                   layout=w.Layout(flex="1 1 auto", min_width="0", overflow="hidden")),
            w.VBox([self._metrics_w], layout=w.Layout(flex="0 0 14em", margin="0 0 0 0.8em"))])
        if _in_app():  # Voilà: files come as downloads; a folder on the server means nothing to the user
            self._export_dir_w.layout.display = "none"
        self._export_label = w.Label(layout=self._shared(w.Layout), style=self._shared(w.Label))
        export = self._box(w.HBox, [self._export_label, self._export_dir_w, *self._export_buttons])
        from ._whatif_panel import WhatIfPanel

        self.whatif = WhatIfPanel(self)  # what if a party drops out or joins (issue 15)
        self.children = [self._title, controls, main, self._tabs, self.whatif,
                         self._box(w.VBox, [export, self._export_out]), self._status, self._log]
        self.add_class("opgavelab-explorer")

    def _toggle_row(self, name: str, values: list, labels: dict, colours: dict | None = None) -> widgets.HBox:
        """A row of checkboxes, one per value (with its colour swatch), all on."""
        items = []
        buttons = []
        for v in values:
            b = widgets.Checkbox(value=True, description=str(labels.get(v, v)), indent=False,
                                 layout=self._shared(widgets.Layout, width="auto", margin="0 1.2em 0 0"),
                                 style=self._shared(widgets.Checkbox))
            b._value = v
            b.observe(self._guard(functools.partial(self._on_toggle, name, v)), names="value")
            buttons.append(b)
            if colours and v in colours:
                swatch = self._html(f"<span style='display:inline-block;width:0.8em;height:0.8em;"
                                    f"border-radius:50%;background:{html.escape(colours[v])};"
                                    f"margin:0.55em 0.3em 0 0'></span>")
                items.append(self._box(widgets.HBox, [swatch, b]))
            else:
                items.append(b)
        caption = widgets.Label(layout=self._shared(widgets.Layout, width="9em"), style=self._shared(widgets.Label))
        row = self._box(widgets.HBox, [caption, *items], flex_flow="row wrap")
        row._values = list(values)
        row._buttons = buttons
        return row

    def _on_toggle(self, name: str, value: str, change) -> None:
        current = list(getattr(self, name))
        if change["new"] and value not in current:
            current.append(value)
        elif not change["new"] and value in current:
            current.remove(value)
        row = {"types": self._types_w, "scales": self._scales_w, "tie_types": self._ties_w}[name]
        setattr(self, name, [v for v in row._values if v in current])

    # -- case ------------------------------------------------------------------
    def _load_case(self, case, opgave=None, at=None, first: bool = False) -> None:
        self.case = case
        self._positions = {}
        type_values = case.vocabulary("actor_type")["value"].tolist()
        scale_values = case.vocabulary("scale")["value"].tolist()
        tie_values = case.vocabulary("tie_type")["value"].tolist()
        used_types = [v for v in type_values if v in set(case.actors["type"].astype(object))]
        used_scales = [v for v in scale_values if v in set(case.actors["scale"].dropna().astype(object))]
        used_ties = [v for v in tie_values if v in set(case.ties["type"].dropna().astype(object))]
        # a new case brings new values: the filter rows are built anew (and put in place by _relabel)
        self._types_w = self._toggle_row("types", used_types, case.labels("actor_type", self.lang),
                                         case.colours("actor_type"))
        self._scales_w = self._toggle_row("scales", used_scales, case.labels("scale", self.lang))
        self._ties_w = self._toggle_row("tie_types", used_ties, case.labels("tie_type", self.lang))
        self.set_trait("types", used_types)
        self.set_trait("scales", used_scales)
        self.set_trait("tie_types", used_ties)
        years = case.years() or [2000]
        for control in (self._year_w, self._play):
            # widen first so that min <= max holds at every step; the browser gets the new range and the
            # year in one message, so the slider never passes through a clamped year (the formation view
            # follows the slider in the browser)
            with control.hold_sync():
                control.max = max(control.max, years[-1])
                control.min = years[0]
                control.max = years[-1]
                control.value = years[-1] if at is None else min(max(int(at), years[0]), years[-1])
        ids = list(case.opgaven.index)
        if opgave is not None and opgave not in ids:
            case._check_opgave(opgave)
        first_id = opgave or (ids[0] if ids else "")
        dated = bool(case.years())  # a case without dates: every tie counts, the year controls rest
        self.set_trait("at", int(at) if at is not None else (years[-1] if dated else None))
        self._year_w.value = self.at if self.at is not None else years[-1]
        self._year_w.disabled = self._play.disabled = not dated
        self._play.value = self._year_w.value
        self._relabel()
        self._opgave_w.value = None
        self.set_trait("opgave", first_id)
        self._opgave_w.value = first_id
        self._guard(self._first_picture if first else self._on_selection)()

    def _relabel(self) -> None:
        # new options would move the linked traits: unlink while the labels change
        relink = bool(self._links)
        self._unlink_controls()
        try:
            self._relabel_controls()
        finally:
            if relink:
                self._link_controls()

    def _relabel_controls(self) -> None:
        case = self.case
        self._title.value = (f"<h3 style='margin:0.2em 0'>{html.escape(self._t('title'))}</h3>"
                             f"<div style='color:#555'>{html.escape(case.name)} · {html.escape(self._t('hint'))}</div>")
        self._opgave_w.description = self._t("opgave")
        self._opgave_w.options = [(f"{row['name']} ({oid})", oid) for oid, row in case.opgaven.iterrows()]
        self._year_w.description = self._t("year")
        self._aware_w.description = self._t("aware")
        self._aware_w.options = [(self._t("aware_all"), "all"), (self._t("aware_yes"), "aware"),
                                 (self._t("aware_no"), "unaware")]
        self._aware_w.value = self.aware
        self._colour_w.description = self._t("colour_by")
        self._colour_w.options = [(self._label(o), o) for o in COLOUR_OPTIONS]
        self._colour_w.value = self.colour_by
        self._size_w.description = self._t("size_by")
        self._size_w.options = [(self._label(o), o) for o in SIZE_OPTIONS]
        self._size_w.value = self.size_by
        self._layout_w.options = [(self._t("formation"), "formation"), (self._t("force"), "force"),
                                  (self._t("compass"), "compass")]
        self._layout_w.value = self.view
        for row, key in ((self._types_w, "types"), (self._scales_w, "scales"), (self._ties_w, "tie_types")):
            row.children[0].value = self._t(key)
        for i, key in enumerate(("summary", "missing", "brokers", "data")):
            self._tabs.set_title(i, self._t(key))
        self._export_label.value = self._t("export")
        from ._i18n import message

        note_button = self._export_buttons[EXPORT_FORMATS.index("docx")]
        note_button.description, note_button.layout.width = message("doc.button", self.lang), "9em"
        self._export_dir_w.value = self.export_dir
        self._upload.description = self._t("upload")
        self.children[1].children = [*self._controls_head, self._types_w, self._scales_w, self._ties_w,
                                     *self._controls_tail]

    # -- reacting ----------------------------------------------------------------
    def _on_lang(self, change=None) -> None:
        # scans are kept per language (see _on_selection): a new language fetches its own
        self._relabel()
        self._on_selection()

    def _on_selection(self, change=None) -> None:
        """A new opgave or year: a new scan, new panels, a new picture."""
        from ._scan import scan

        self._pending = False  # (the first picture's panels, if still waiting, are made here)
        if not self.opgave:
            return
        if self._opgave_w.value != self.opgave:
            self._opgave_w.value = self.opgave
        if self.at is not None and self._year_w.value != self.at:
            self._year_w.value = self.at
        # a scan per (opgave, year) is kept, so ▶ runs through known years at once the second time
        key = ("scan", id(self.case), self.opgave, self.at, self.lang)
        if key not in self._positions:
            self._positions[key] = scan(self.case, self.opgave, at=self.at, lang=self.lang)
        self.scan = self._positions[key]
        self._info.value = self._info_html()
        self._summary.value = self._summary_html()
        self._missing.value = self._missing_html()
        self._brokers.value = self._brokers_html()
        self._redraw()

    def _info_html(self) -> str:
        """The opgave's origin and core challenge, under its name."""
        row = self.case.opgaven.loc[self.opgave]
        parts = []
        for key, col in (("origin", "origin"), ("core", "core_challenge")):
            value = row.get(col)
            if isinstance(value, str) and value:
                parts.append(f"<b>{html.escape(self._t(key))}:</b> {html.escape(value)}")
        return "<div style='max-width:60em'>" + "<br>".join(parts) + "</div>"

    def _first_picture(self) -> None:
        """The explorer first, then its picture, then the scan, the key figures and the tabs.

        In a Jupyter kernel the formation view's years and the panels are
        made once the cell that made the explorer has sent its output
        (:func:`_after_output`): the browser lays out the explorer while the
        kernel computes the picture, and draws the picture while the kernel
        scans. Reading ``scan``, ``metrics`` or ``shown_graph`` before that
        makes them at once. Elsewhere, and for the other views, everything
        is made here.
        """
        if self.view != "formation" or not self.opgave or not _after_output(self._guard(self._finish_panels)):
            self._on_selection()
            return
        self._pending = True
        self._info.value = self._info_html()
        self._formation_view.layout.display = ""
        self._picture.layout.display = "none"

    def _finish_panels(self) -> None:
        """Make the picture and the panels the first view left for later (nothing when none wait)."""
        if not self._pending:
            return
        from .network import reuse_graphs

        self._pending = False
        with reuse_graphs():  # the snapshots the picture builds serve the scan
            with self._formation_view.hold_sync():  # the years and the year to show in one message
                self._show_formation()
            self._on_selection()

    def _on_view(self, change=None) -> None:
        self._redraw()

    # -- the picture ------------------------------------------------------------
    def _kept_actors(self, G) -> list:
        """The actors of ``G`` that the type, scale and awareness filters let through."""
        types, scales = set(self.types), set(self.scales)
        keep = []
        for n, d in G.nodes(data=True):
            if d.get("type") not in types:
                continue
            if d.get("scale") is not None and d.get("scale") not in scales:
                continue
            if self.aware == "aware" and not d.get("aware", True):
                continue
            if self.aware == "unaware" and d.get("aware", True):
                continue
            keep.append(n)
        return keep

    def _tie_shown(self, types, tie_types: set) -> bool:
        return not types or bool(set(types) & tie_types)

    def _filtered_graph(self, G=None):
        """``G`` (default the scan's graph) with the actors and ties the filters let through, a copy.

        Built straight from ``G``'s adjacency (a subgraph view's copy walks every node through the
        view's filter): the actors in ``G``'s order, each tie with a copy of its attributes.
        """
        G = self.scan.graph if G is None else G
        tie_types = set(self.tie_types)
        keep = self._kept_actors(G)
        kept = set(keep)
        H = G.__class__()
        H.graph.update(G.graph)
        H.add_nodes_from((n, G.nodes[n].copy()) for n in keep)
        adj = G.succ if G.is_directed() else G.adj
        H.add_edges_from((u, v, d.copy()) for u in keep for v, d in adj[u].items()
                         if v in kept and self._tie_shown(d.get("types"), tie_types))
        return H

    def _shown_actors(self, G) -> set:
        """The actors of ``G`` the filters and the node limit show: the nodes of ``_limit(_filtered_graph(G))``,
        found without copying ``G`` (a filter change on a large opgave stays quick)."""
        keep = self._kept_actors(G)
        if len(keep) <= self.max_nodes:
            return set(keep)
        kept, tie_types = set(keep), set(self.tie_types)
        degree = dict.fromkeys(keep, 0)
        for u, v, types in G.edges(keep, data="types"):
            if u in kept and v in kept and self._tie_shown(types, tie_types):
                degree[u] += 1
                degree[v] += 1
        return {k for k, _ in sorted(degree.items(), key=lambda kv: (-kv[1], str(kv[0])))[: self.max_nodes]}

    def _union_graph(self):
        """Every actor and tie of the opgave over all years (kept per opgave; not to be changed)."""
        from .network import _opgave_snapshots

        key = ("union", id(self.case), self.opgave)
        if key not in self._positions:  # opgave_graph(case, opgave, at=None), built the quicker way
            self._positions[key] = _opgave_snapshots(self.case, self.opgave, [None], directed=False)[0]
        return self._positions[key]

    def _limit(self, H):
        n = H.number_of_nodes()
        if n <= self.max_nodes:
            return H, ""
        ranked = sorted(H.degree(), key=lambda kv: (-kv[1], str(kv[0])))[: self.max_nodes]
        top = H.subgraph([k for k, _ in ranked]).copy()
        return top, self._t("limited", k=self.max_nodes, n=n)

    def _layout_positions(self) -> dict:
        key = (self.opgave, self.view)
        if key not in self._positions:
            from .draw.layout import compass_layout, force_layout

            union = self._union_graph()
            if self.view == "compass":
                self._positions[key] = compass_layout(union, self.case, opgave=self.opgave)
            else:
                self._positions[key] = force_layout(union, seed=0, opgave=self.opgave)
        return self._positions[key]

    def _on_view_year(self, change) -> None:
        """The formation view's year moved (its slider or ▶): the explorer follows."""
        if self._setting_view_year:  # the explorer moved it (e.g. clamped to the opgave's first year)
            return
        # from the browser the year comes through the slider's link (the view's own controls are hidden),
        # and the slider's own message sets `at`: following the view too would send the slider a year it
        # has left while the kernel catches up
        from_browser = "year" in getattr(self._formation_view, "_property_lock", {})
        if change["new"] and change["new"] != self.at and self.view == "formation" and not from_browser:
            self.at = int(change["new"])
        years = self._formation_view.data.get("years") or []
        if years and change["new"] and not years[0] <= change["new"] <= years[-1]:
            # the slider (linked in the browser) went where the opgave has no frame: show the nearest
            self._setting_view_year = True
            try:
                self._formation_view.year = min(max(int(change["new"]), years[0]), years[-1])
            finally:
                self._setting_view_year = False

    def _formation_data_key(self) -> tuple:
        return (id(self.case), self.opgave, self.lang, tuple(self.types), tuple(self.scales), tuple(self.tie_types),
                self.aware, self.max_nodes)

    def _show_formation(self) -> None:
        """The formation widget: new data only when the opgave, filters or language change; else a new year."""
        from .draw.formation import formation_frames
        from .draw.widget import _FormationChoice

        key = self._formation_data_key()
        if key != self._formation_key:
            # the same filters and node limit as the other views: the most central by ties over all years
            allowed = self._shown_actors(self._union_graph())
            # the frames (layout, parts, scenes, sentences) do not depend on the filters: computed once per
            # opgave and language, so a filter change only chooses what to send (formation_data of the
            # frames, made once, then chosen from)
            frames_key = ("formation_frames", id(self.case), self.opgave, self.lang)
            if frames_key not in self._positions:
                frames = formation_frames(self.case, self.opgave, lang=self.lang, seed=0, aspect=2.0, labels=12)
                self._positions[frames_key] = _FormationChoice(self.case, self.opgave, self.lang, frames)
            self._formation_view.data = self._positions[frames_key].choose(allowed, self.tie_types)
            self._formation_key = key
        years = self._formation_view.data.get("years") or []
        if self.at is not None and years:
            year = min(max(int(self.at), years[0]), years[-1])
            # the browser moved the slider: its link has moved the view already; sending the year back
            # would move the view to a year the slider has left while the kernel catches up
            from_browser = "value" in getattr(self._year_w, "_property_lock", {}) and year == int(self.at)
            self._setting_view_year = True
            try:
                if from_browser:
                    with self._formation_view._lock_property(year=year):
                        self._formation_view.year = year
                else:
                    self._formation_view.year = year
            finally:
                self._setting_view_year = False

    def _redraw(self) -> None:
        from .metrics import ei_expected, ei_index

        if self.scan is None:
            return
        H = self._filtered_graph()
        H, notice = self._limit(H)
        self.shown_graph = H
        self._notice.value = f"<div style='color:#8a5300'>{html.escape(notice)}</div>" if notice else ""
        coh = _key_cohesion(H) if H.number_of_nodes() else None
        self.metrics = {
            "n_actors": H.number_of_nodes(),
            "n_ties": H.number_of_edges(),
            "density": None if coh is None else float(coh["density"]),
            "components": None if coh is None else int(coh["n_weak_components"]),
            "largest": None if coh is None else float(coh["largest_component_share"]),
            "ei": ei_index(H, "type") if H.number_of_edges() else float("nan"),
            "ei_expected": ei_expected(H, "type") if H.number_of_nodes() > 1 else float("nan"),
        }
        self._metrics_w.value = self._metrics_html()
        formation_view = self.view == "formation"
        self._formation_view.layout.display = "" if formation_view else "none"
        self._picture.layout.display = "none" if formation_view else ""
        if formation_view:
            self.view_html = self._render(H)
        elif H.number_of_nodes() == 0:
            self.view_html = f"<p>{html.escape(self._t('no_actors'))}</p>"
        else:
            self.view_html = self._render(H)
        self._picture.value = self.view_html

    def _render(self, H) -> str:
        """The picture: the formation widget is updated (and "" returned), or the network page's HTML."""
        from .draw.interactive import network_frame

        if self.view == "formation":
            self._show_formation()
            return ""

        return network_frame(self.case, H, opgave=self.opgave, positions=self._layout_positions(),
                             colour_by=self.colour_by, size_by=self._size_values(H), at=self.scan.at,
                             filters=self._filter_text() or None, lang=self.lang, height=_FRAME_HEIGHT, max_nodes=None)

    def _size_values(self, H):
        """Sizes by actor, named after the measure so the legend says which ("grootte: aantal relaties")."""
        import pandas as pd

        values = self._size_dict(H)
        if values is None:
            return None
        return pd.Series(values, dtype=float, name=self._label(self.size_by))

    def _size_dict(self, H) -> dict | None:
        if self.size_by == "none":
            return None
        if self.size_by == "degree":
            return dict(H.degree())
        if self.size_by == "weighted_degree":
            return dict(H.degree(weight="weight"))
        if self.size_by == "commitment":
            return {n: (d.get("commitment") or 0) for n, d in H.nodes(data=True)}
        if self.size_by == "brokerage":
            table = self.scan.brokerage["total"]
        else:
            table = self.scan.centrality[self.size_by]
        return {n: float(table.get(n, 0) or 0) for n in H}

    def _filter_text(self) -> str:
        case = self.case
        parts = []
        all_types = self._types_w._values
        if set(self.types) != set(all_types):
            labels = case.labels("actor_type", self.lang)
            parts.append(", ".join(labels.get(t, t) for t in self.types) or "–")
        if set(self.scales) != set(self._scales_w._values):
            labels = case.labels("scale", self.lang)
            parts.append(", ".join(labels.get(s, s) for s in self.scales) or "–")
        if set(self.tie_types) != set(self._ties_w._values):
            labels = case.labels("tie_type", self.lang)
            parts.append(", ".join(labels.get(t, t) for t in self.tie_types) or "–")
        if self.aware != "all":
            parts.append(self._t("aware_yes" if self.aware == "aware" else "aware_no"))
        return "; ".join(parts)

    # -- panels ------------------------------------------------------------------
    def _metrics_html(self) -> str:
        from ._scan import _num, _pct, _signed

        m, lang = self.metrics, self.lang
        from ._i18n import message

        rows = [
            ("n_actors", str(m["n_actors"])),
            ("n_ties", str(m["n_ties"])),
            ("density", _num(m["density"], lang)),
            ("components", "–" if m["components"] is None else str(m["components"])),
            ("largest", _pct(m["largest"], lang)),
            ("ei", _signed(m["ei"], lang)),
            ("ei_expected", _signed(m.get("ei_expected"), lang)),
        ]
        year = self.scan.date_text() if self.scan else ""
        # each key figure with its one-line explanation beside it (and on hover)
        body = "".join(
            f"<tr title='{html.escape(message('explain_' + k, lang), quote=True)}'><td>{html.escape(self._t(k))}"
            f"<div style='color:#666;font-size:0.85em;line-height:1.2'>{html.escape(message('explain_' + k, lang))}"
            f"</div></td><td style='text-align:right;font-weight:bold;vertical-align:top'>{html.escape(v)}</td></tr>"
            for k, v in rows)
        return (f"<div class='opgavelab-metrics'><b>{html.escape(self._t('metrics'))}</b>"
                f"<div style='color:#555'>{html.escape(year)}</div><table>{body}</table>"
                f"{self._formation_html()}</div>")

    def _formation_html(self) -> str:
        """Parts per year over the whole series, the selected year in bold, later years pale.

        The note is about the series through the selected year, so a "since"
        is true for every year up to the one shown.
        """
        from ._i18n import message
        from .metrics.formation import formation, formation_moment

        if self.scan is None:
            return ""
        key = ("series", self.opgave)
        if key not in self._positions:
            self._positions[key] = formation(self.case, self.opgave, attr=None)
        full = self._positions[key]
        if len(full) < 2:
            return ""
        upto = self.scan.formation
        current = upto.index[-1].year if len(upto) else None
        cells = []
        for date, n in full["n_components"].items():
            if date.year == current:
                style = "font-weight:bold;background:#e8f0fa"
            elif current is not None and date.year > current:
                style = "color:#bbb"
            else:
                style = "color:#555"
            mark = " ✓" if bool(full.at[date, "formed"]) else ""
            cells.append(f"<tr style='{style}'><td>{date.year}</td><td style='text-align:right'>{int(n)}{mark}"
                         f"</td></tr>")
        formed = formation_moment(upto) if len(upto) else None
        if formed is not None:
            note = message("formation_whole_since_short", self.lang, since=formed.year)
        elif len(upto) and int(upto["n_actors"].iloc[-1]) < 2:
            note = message("formation_one_actor_short", self.lang, year=current)
        elif len(upto):
            note = message("formation_not_whole_short", self.lang, year=current, k=int(upto["n_components"].iloc[-1]))
        else:
            note = ""
        head = message("formation_parts_per_year", self.lang)
        return (f"<div style='margin-top:0.8em'><b>{html.escape(head)}</b><table>{''.join(cells)}</table>"
                f"<div style='color:#555'>{html.escape(note)}</div></div>")

    def _summary_html(self) -> str:
        from ._i18n import message

        items = "".join(f"<dt><b>{html.escape(h)}</b></dt><dd>{html.escape(t)}</dd>" for h, t in self.scan.summary())
        method = "".join(f"<dt>{html.escape(r['label'])}</dt><dd>{html.escape(r['text'])}</dd>"
                         for _, r in self.scan.method.iterrows())
        return (f"<dl style='max-width:70em'>{items}</dl><details style='max-width:70em'><summary>"
                f"{html.escape(message('scan.heading.method', self.lang))}</summary><dl>{method}</dl></details>")

    def _missing_html(self) -> str:
        s = self.scan
        if not s.missing_domains:
            head = f"<p>{html.escape(self._t('missing_none'))}</p>"
        else:
            from ._i18n import fmt_list, nmessage

            miss = fmt_list([self.case.domain_label(d, self.lang) for d in s.missing_domains], self.lang)
            head = f"<p><b>{html.escape(nmessage('scan.missing.list', len(s.missing_domains), self.lang, domains=miss))}</b></p>"
        from ._scan import _for_reading

        from ._i18n import message

        cands = _for_reading(s.candidates[["name", "domain_fit", "distance", "reason"]], self.lang, self.case)
        unused = _for_reading(s.unused_expertise[["name", "needed_domains", "involved"]], self.lang, self.case)

        def table(frame, empty_key):  # an empty result is a sentence, not headers without rows
            if frame.empty:
                return f"<p>{html.escape(message(empty_key, self.lang))}</p>"
            return frame.head(15).to_html(escape=True, index=False, na_rep="")

        return (head + f"<b>{html.escape(self._t('candidates'))}</b>" + table(cands, "explorer_no_candidates")
                + f"<b>{html.escape(self._t('unused'))}</b>" + table(unused, "explorer_no_unused"))

    def _brokers_html(self) -> str:
        from ._i18n import message
        from ._scan import _for_reading

        b = self.scan.brokerage
        cols = ["name", *[c for c in b.columns if c not in ("name", "type")]]
        table = _for_reading(b[cols].head(15), self.lang, self.case)
        counting = b.attrs.get("counting", "pairs")
        note = message(f"method.null_brokerage.{counting}", self.lang)
        if table.empty:
            return f"<p>{html.escape(message('explorer_no_brokers', self.lang))}</p>"
        return f"<p style='color:#555'>{html.escape(note)}</p>" + table.to_html(escape=True, index=False, na_rep="")

    # -- export and upload -------------------------------------------------------------
    def export(self, fmt: str) -> Path:
        """Write the current view as ``png``, ``svg``, ``pdf``, ``html`` or ``xlsx`` into ``export_dir``.

        ``docx`` writes the note for a policy advisor (:meth:`OpgaveScan.to_docx`)
        of the whole opgave at the explorer's date, not of the filtered view.

        Existing files of the same name are replaced (the name holds the
        opgave and the year).

        Parameters
        ----------
        fmt : {"png", "svg", "pdf", "html", "xlsx", "docx"}
            The file format: a picture, an interactive page, the scan's
            tables or the note.

        Returns
        -------
        pathlib.Path
            The file written (also kept as ``last_export``).

        Raises
        ------
        ValueError
            If ``fmt`` is not one of the formats.
        opgavelab.WriteError
            If ``export_dir`` or the file cannot be written.

        Examples
        --------
        >>> import tempfile
        >>> import pandas as pd
        >>> from opgavelab import Case
        >>> case = Case.from_frames(
        ...     actors=pd.DataFrame({"id": ["gem", "bedr", "school"], "name": ["Gemeente", "Bedrijf", "School"],
        ...                          "type": ["overheid", "bedrijf", "kennisinstelling"]}),
        ...     opgaven=pd.DataFrame({"id": ["werk"], "name": ["Werk"]}),
        ...     involvement=pd.DataFrame({"actor": ["gem", "bedr", "school"], "opgave": ["werk"] * 3,
        ...                               "since": [2020, 2021, 2022]}),
        ...     ties=pd.DataFrame({"source": ["gem", "gem"], "target": ["bedr", "school"]}), lang="en")
        >>> ex = Explorer(case, export_dir=tempfile.mkdtemp())
        >>> ex.export("xlsx").name
        'werk-2022-scan.xlsx'
        """
        from ._checks import _check_one_of
        from ._i18n import message

        _check_one_of("fmt", fmt, EXPORT_FORMATS)
        folder = Path(self.export_dir).expanduser()
        folder.mkdir(parents=True, exist_ok=True)
        year = "alle-jaren" if self.at is None else str(self.at)
        from .export import safe_file_name

        stem = f"{safe_file_name(self.opgave)}-{year}"
        if fmt == "xlsx":
            path = folder / f"{stem}-scan.xlsx"
            self.scan.to_excel(path, overwrite=True)
        elif fmt == "docx":  # the note for a policy advisor: the whole opgave, not the filtered view
            path = folder / f"{stem}-{message('doc.file', self.lang)}.docx"
            self.scan.to_docx(path, overwrite=True)
        elif self.view == "formation":
            path = self._export_formation(folder, stem, fmt)
        elif fmt == "html":
            from .draw.interactive import write_html

            path = folder / f"{stem}-netwerk.html"
            write_html(self.case, self.opgave, path, self.scan.at, G=self.shown_graph,
                       layout=self._layout_positions(), colour_by=self.colour_by,
                       size_by=self._size_values(self.shown_graph), filters=self._filter_text() or None,
                       lang=self.lang, overwrite=True)
        else:
            from .draw.static import network_figure, save_figure

            path = folder / f"{stem}-netwerk.{fmt}"
            fig = network_figure(self.case, self.opgave, self.scan.at, G=self.shown_graph,
                                 layout=self._layout_positions(), colour_by=self.colour_by,
                                 size_by=self._size_values(self.shown_graph), filters=self._filter_text() or None,
                                 lang=self.lang)
            try:
                save_figure(fig, path, overwrite=True)
            finally:
                import matplotlib.pyplot as plt

                plt.close(fig)
        self.last_export = path
        return path

    def _export_formation(self, folder: Path, stem: str, fmt: str) -> Path:
        """The formation view as a file: the playable page (html) or this year's slide (png, svg, pdf)."""
        from ._i18n import message

        name = message("formation_file", self.lang)
        if fmt == "html":
            from .draw.formation import write_formation_page

            return write_formation_page(self.case, self.opgave, folder / f"{stem}-{name}.html",
                                        lang=self.lang, overwrite=True)
        from .draw.formation import formation_frames
        from .draw.static import formation_frame_figure, save_figure

        frames = formation_frames(self.case, self.opgave, lang=self.lang, aspect=1.25)
        year = self.at if self.at is not None else frames[-1].date.year
        frame = next((f for f in frames if f.date.year == year), frames[-1])
        fig = formation_frame_figure(self.case, self.opgave, frame, frames=frames, lang=self.lang)
        return save_figure(fig, folder / f"{stem}-{name}.{fmt}", overwrite=True)

    def _on_export_click(self, fmt: str, button=None) -> None:
        path = self.export(fmt)
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        from ._i18n import message

        # a real button that downloads the file; only its name is shown (a server folder means nothing in the app)
        style = ("display:inline-block;padding:0.35em 0.9em;background:#0072B2;color:#fff;border-radius:4px;"
                 "text-decoration:none;font-weight:bold")
        self._export_out.value = (f"<span style='color:#555'>{html.escape(message('explorer_ready', self.lang, name=path.name))}"
                                  f"</span> <a download='{html.escape(path.name, quote=True)}' "
                                  f"href='data:{mime};base64,{data}' role='button' style='{style}'>"
                                  f"⬇ {html.escape(message('explorer_download', self.lang, name=path.name))}</a>")

    def open_workbook(self, name: str, content: bytes) -> bool:
        """Open a workbook given as bytes (what the upload button receives).

        A valid workbook replaces the case; an invalid one shows its problems
        as a table in the explorer.

        Parameters
        ----------
        name : str
            The file's name as uploaded (``.xlsx`` or ``.ods``); it becomes
            the case's source and, without suffix, its name.
        content : bytes
            The file's content.

        Returns
        -------
        bool
            True when the workbook was opened, False when it had problems
            (the case stays as it was).

        Examples
        --------
        >>> import pandas as pd
        >>> from opgavelab import Case
        >>> ex = Explorer(Case.from_frames(pd.DataFrame({"id": ["a"], "name": ["A"], "type": ["burger"]}),
        ...                                pd.DataFrame({"id": ["o"], "name": ["O"]}),
        ...                                pd.DataFrame({"actor": ["a"], "opgave": ["o"]})))
        >>> ex.open_workbook("kapot.xlsx", b"not a workbook")
        False
        """
        from .errors import ValidationError, shown_problems
        from .io import load

        suffix = Path(name).suffix or ".xlsx"
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"upload{suffix}"
            path.write_bytes(bytes(content))
            try:
                case = load(path, lang=self.lang, name=Path(name).stem)
            except ValidationError as exc:
                self._problems.value = (f"<p style='color:#b00020'>{html.escape(self._t('invalid'))}</p>"
                                        + shown_problems(exc.problems, self.lang).to_html(index=False, na_rep="",
                                                                                          escape=True))
                self._tabs.selected_index = 3
                return False
        case.source = name
        self._problems.value = f"<p>{html.escape(self._t('loaded', name=name))}</p>"
        self._load_case(case)
        return True

    def _on_upload(self, change) -> None:
        files = change["new"]
        if not files:
            return
        item = files[0]
        self.open_workbook(item["name"], item["content"])
