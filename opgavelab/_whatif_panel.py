"""The explorer's what-if panel: what if this party drops out, or that one joins?

A panel of its own (an ``ipywidgets.Accordion`` the explorer shows below its
tabs), so the explorer itself changes by two lines. Its state is its
traitlets: ``actor`` (the party to take out), ``candidate`` (a party to bring
in), ``removed`` and ``added`` (the scenario so far). Python computes
:func:`opgavelab.scenario` from the *observed* case each time, so undo simply
empties the lists. The panel draws its own picture of the opgave after the
change, coloured by what happens to each actor (cut off, farther away, new),
beside the sentences and the diff table.

It can be driven without a browser::

    ex = opgavelab.Explorer(case)
    ex.whatif.actor = "eb"
    ex.whatif.remove_actor()
    ex.whatif.scenario.diff
    ex.whatif.undo()
"""

from __future__ import annotations

__all__ = ["WhatIfPanel"]

import html
import math

import ipywidgets as widgets
import traitlets

from ._i18n import message

#: colours of the actors in the what-if picture, by status
STATUS_COLOURS = {
    "removed": "#4d4d4d",
    "cut_off": "#d62728",
    "farther": "#ff9f1c",
    "closer": "#2c7fb8",
    "added": "#2ca02c",
    "same": "#b8c4cf",
}


def _fresh(kind, **traits):
    """A new ``Layout`` or style (a widget class: its style), for an explorer without shared ones."""
    style = kind.class_traits().get("style")
    return (style.klass if style is not None else kind)(**traits)


class WhatIfPanel(widgets.Accordion):
    """What if an actor drops out or a partner joins, for the explorer's opgave and year."""

    actor = traitlets.Unicode(None, allow_none=True, help="The involved actor to take out.")
    candidate = traitlets.Unicode(None, allow_none=True, help="An actor not yet involved, to bring in.")
    removed = traitlets.List(traitlets.Unicode(), help="Actors taken out in the current scenario.")
    added = traitlets.List(traitlets.Unicode(), help="Actors brought in in the current scenario.")

    def __init__(self, explorer, **kwargs):
        super().__init__(**kwargs)
        self.explorer = explorer
        self.scenario = None
        self.view_html = ""
        self._before = None
        self._before_key = None
        w = widgets
        # the explorer's shared layouts and styles when it has them (fewer widget models to send)
        shared = getattr(explorer, "_shared", _fresh)
        wide = shared(w.Dropdown, description_width="initial")
        self._actor_w = w.Dropdown(layout=shared(w.Layout, width="30em"), style=wide)
        self._remove_b = w.Button(layout=shared(w.Layout, width="auto"), button_style="warning", style=shared(w.Button))
        self._candidate_w = w.Dropdown(layout=shared(w.Layout, width="30em"), style=wide)
        self._add_b = w.Button(layout=shared(w.Layout, width="auto"), button_style="success", style=shared(w.Button))
        self._undo_b = w.Button(layout=shared(w.Layout, width="auto"), icon="undo", style=shared(w.Button))
        self._state = w.HTML(layout=shared(w.Layout), style=shared(w.HTML))
        self._picture = w.HTML(layout=w.Layout(flex="1 1 auto", min_width="0", min_height="440px"),
                               style=shared(w.HTML))
        self._result = w.HTML(layout=w.Layout(flex="0 0 30em", margin="0 0 0 0.8em"), style=shared(w.HTML))
        guard = explorer._guard if hasattr(explorer, "_guard") else (lambda f: f)
        self._actor_w.observe(guard(lambda c: setattr(self, "actor", c["new"])), names="value")
        self._candidate_w.observe(guard(lambda c: setattr(self, "candidate", c["new"])), names="value")
        self._remove_b.on_click(guard(lambda b: self.remove_actor()))
        self._add_b.on_click(guard(lambda b: self.add_actor()))
        self._undo_b.on_click(guard(lambda b: self.undo()))
        body = w.VBox([
            w.HBox([self._actor_w, self._remove_b], layout=shared(w.Layout)),
            w.HBox([self._candidate_w, self._add_b], layout=shared(w.Layout)),
            w.HBox([self._undo_b, self._state], layout=shared(w.Layout)),
            w.HBox([self._picture, self._result], layout=shared(w.Layout)),
        ], layout=shared(w.Layout))
        self.children = [body]
        self.selected_index = None
        self.add_class("opgavelab-whatif")
        explorer.observe(guard(self._on_context), names=["opgave", "at"])
        explorer.observe(guard(self._on_lang), names=["lang"])
        self.observe(guard(self._on_open), names=["selected_index"])
        self._link_selected_actor(explorer, guard)
        self._relabel()

    # -- wiring ------------------------------------------------------------------
    def _link_selected_actor(self, explorer, guard) -> None:
        """Follow a click in the network view, when the view has a ``selected_actor`` trait."""
        for source in (explorer, getattr(explorer, "network_view", None), getattr(explorer, "_network", None),
                       getattr(explorer, "_view", None)):
            if isinstance(source, traitlets.HasTraits) and source.has_trait("selected_actor"):
                source.observe(guard(self._on_selected_actor), names=["selected_actor"])
                return

    def _on_selected_actor(self, change) -> None:
        aid = change["new"]
        if not aid:
            return
        self._refresh_options()
        if aid in dict(self._actor_w.options).values():
            self._actor_w.value = aid
        elif aid in dict(self._candidate_w.options).values():
            self._candidate_w.value = aid

    def _t(self, key: str, **fields) -> str:
        return message(f"wi_{key}", self.explorer.lang, **fields)

    def _relabel(self) -> None:
        self.set_title(0, self._t("title"))
        self._actor_w.description = self._t("actor")
        self._remove_b.description = self._t("remove")
        self._candidate_w.description = self._t("candidate")
        self._add_b.description = self._t("add")
        self._undo_b.description = self._t("undo")

    def _on_lang(self, change=None) -> None:
        self._relabel()
        self._before = None
        if self.selected_index == 0:
            self._refresh_options()
            self._update()

    def _on_context(self, change=None) -> None:
        """Another opgave or year: back to the observed case (a scenario belongs to one opgave and date)."""
        self._before = None
        self.set_trait("removed", [])
        self.set_trait("added", [])
        self.scenario = None
        if self.selected_index == 0:
            self._refresh_options()
            self._update()

    def _on_open(self, change) -> None:
        if change["new"] == 0:
            self._refresh_options()
            self._update()

    # -- choices -------------------------------------------------------------------
    def _at(self):
        from .case import to_timestamp

        at = self.explorer.at
        return None if at is None else to_timestamp(at, end=True)

    def _refresh_options(self) -> None:
        from .metrics.coverage import candidate_partners

        ex = self.explorer
        case, opgave = ex.case, ex.opgave
        if not opgave:
            return
        names = case.actors["name"]
        chosen_actor, chosen_candidate = self.actor, self.candidate  # setting options may pick the first one
        involved = set(case.actors_of(opgave, self._at())) - set(self.removed)
        involved |= set(self.added)
        actors = sorted(involved, key=lambda a: str(names.get(a, a)).lower())
        self._actor_w.options = [(str(names.get(a, a)), a) for a in actors]
        # nothing pre-chosen: a second click must not take out whoever happens to be first
        self._actor_w.value = chosen_actor if chosen_actor in involved else None
        cands = candidate_partners(case, opgave, self._at(), lang=ex.lang)
        first = [a for a in cands.index if a not in involved]
        rest = sorted((a for a in case.actors.index if a not in involved and a not in set(first)),
                      key=lambda a: str(names.get(a, a)).lower())
        star = "★ "
        self._candidate_w.options = ([(star + str(names.get(a, a)), a) for a in first]
                                     + [(str(names.get(a, a)), a) for a in rest])
        self._candidate_w.value = chosen_candidate if chosen_candidate in set(first) | set(rest) else None

    # -- actions ---------------------------------------------------------------------
    def remove_actor(self, actor: str | None = None):
        """Take ``actor`` (default: the chosen one) out of the opgave; returns the scenario."""
        return self._move(actor or self.actor, to="removed", undoing="added")

    def add_actor(self, actor: str | None = None):
        """Bring ``actor`` (default: the chosen candidate) into the opgave; returns the scenario."""
        return self._move(actor or self.candidate, to="added", undoing="removed")

    def _move(self, aid, *, to: str, undoing: str):
        """Put ``aid`` on the list ``to`` ("removed" or "added"), or, when it is on the other list
        (``undoing``), only take it off that one: adding a removed actor back undoes the removal."""
        if not aid:
            return self.scenario
        if aid in getattr(self, undoing):
            self.set_trait(undoing, [a for a in getattr(self, undoing) if a != aid])
        elif aid not in getattr(self, to):
            self.set_trait(to, [*getattr(self, to), aid])
        return self._update()

    def undo(self):
        """Back to the observed case."""
        self.set_trait("removed", [])
        self.set_trait("added", [])
        return self._update()

    # -- computing and showing -----------------------------------------------------------
    def _update(self):
        from ._scenario import scenario
        from ._whatif import _measure

        ex = self.explorer
        if not ex.opgave:
            return None
        key = (id(ex.case), ex.opgave, ex.at, ex.lang)
        if self._before is None or self._before_key != key:
            self._before = _measure(ex.case, ex.opgave, self._at(), "type", False)
            self._before_key = key
        self.scenario = scenario(ex.case, ex.opgave, at=ex.at, remove=list(self.removed), add=list(self.added),
                                 lang=ex.lang, _before=self._before)
        self._refresh_options()
        changed = bool(self.removed or self.added)
        self._state.value = (f"<b>{html.escape(self.scenario.what())}</b>" if changed
                             else f"<span style='color:#555'>{html.escape(self._t('observed'))}</span>")
        self._undo_b.disabled = not changed
        self.view_html = self._render()
        self._picture.value = self.view_html
        self._result.value = self._result_html(changed)
        return self.scenario

    def statuses(self) -> dict:
        """Per actor in the picture: ``removed``, ``cut_off``, ``farther``, ``closer``, ``added`` or ``same``."""
        s = self.scenario
        out = {}
        for v in s.after.graph:
            out[v] = "same"
        if len(s.farther):
            for v, row in s.farther.iterrows():
                out[v] = "farther" if row["farther"] > 0 or row["lost"] > 0 else "closer"
        for v in s.cut_off.index:
            out[v] = "cut_off"
        for v in s.changes["add"]:
            out[v] = "added"
        for v in s.changes["remove"]:
            out[v] = "removed"
        return out

    def _render(self) -> str:
        from .draw.interactive import network_frame

        s = self.scenario
        ex = self.explorer
        H = s.after.graph.copy()
        for v in s.changes["remove"]:  # the one who drops out stays in the picture, alone and grey
            H.add_node(v, **s.before.graph.nodes[v])
        status = self.statuses()
        limit = int(getattr(ex, "max_nodes", 500) or 500)
        filters = s.what()
        if H.number_of_nodes() > limit:
            # who drops out or is cut off first, then the other changes, then the best connected, so the browser stays responsive
            rank = {"removed": 0, "cut_off": 1, "added": 2, "farther": 3, "closer": 4, "same": 5}
            ranked = sorted(H.degree(), key=lambda kv: (rank[status.get(kv[0], "same")], -kv[1], str(kv[0])))
            n_all = H.number_of_nodes()
            H = H.subgraph([v for v, _ in ranked[:limit]]).copy()
            filters += "; " + self._t("limited", k=limit, n=n_all)
        attr = self._t("legend")
        labels = {k: self._t(f"status_{k}") for k in STATUS_COLOURS}
        for v in H:
            H.nodes[v][attr] = labels[status.get(v, "same")]
        colours = {labels[k]: c for k, c in STATUS_COLOURS.items()}
        return network_frame(s.after.case, H, opgave=ex.opgave, positions=self._positions(H), colour_by=attr,
                             colours=colours, size_by=None, at=s.at, filters=filters, lang=ex.lang, height=440,
                             max_nodes=None)

    def _positions(self, H) -> dict:
        """The explorer's layout of the opgave (so the picture matches), new actors beside their partners."""
        ex = self.explorer
        try:
            base = dict(ex._layout_positions())
        except Exception:  # the explorer's layout is its own business; fall back to one of our own
            from .draw.layout import force_layout

            base = dict(force_layout(self.scenario.before.graph, seed=0, opgave=ex.opgave))
        pos = {}
        missing = []
        for v in H:
            if v in base:
                pos[v] = tuple(base[v])
            else:
                missing.append(v)
        for i, v in enumerate(missing):
            near = [pos[u] for u in H.neighbors(v) if u in pos]
            if near:
                x = sum(p[0] for p in near) / len(near) + 0.05
                y = sum(p[1] for p in near) / len(near) + 0.05
            else:  # not tied to anyone yet: on the rim, spread out
                angle = 2 * math.pi * (i + 0.5) / max(len(missing), 1)
                x, y = 1.15 * math.cos(angle), 1.15 * math.sin(angle)
            pos[v] = (x, y)
        return pos

    def _result_html(self, changed: bool) -> str:
        from ._whatif import _cell

        esc = html.escape
        s = self.scenario
        lang = self.explorer.lang
        if not changed:
            return f"<p>{esc(self._t('explain'))}</p>"
        items = "".join(f"<li>{esc(t)}</li>" for t in s.sentences()[1:])
        keep = ["n_actors", "n_ties", "n_parts", "largest_share", "average_distance", "reach_2",
                "needed_domains_covered", "n_cut_points", "brokerage_total", "ei"]
        rows = []
        for key in keep:
            r = s.diff.loc[key]
            change = r["change"]
            bold = not (isinstance(change, float) and (math.isnan(change) or change == 0))
            style = " style='font-weight:bold'" if bold else ""
            rows.append(f"<tr{style} data-measure='{esc(key)}'><td>{esc(str(r['label']))}</td>"
                        f"<td style='text-align:right'>{esc(_cell(r['before'], lang))}</td>"
                        f"<td style='text-align:right'>{esc(_cell(r['after'], lang))}</td>"
                        f"<td style='text-align:right'>{esc(_cell(change, lang, signed=True))}</td></tr>")
        head = (f"<tr><th></th><th>{esc(message('sc_before', lang))}</th><th>{esc(message('sc_after', lang))}</th>"
                f"<th>{esc(message('sc_change', lang))}</th></tr>")
        return (f"<div class='opgavelab-whatif-result'><ul style='padding-left:1.2em'>{items}</ul>"
                f"<table class='opgavelab-whatif-diff'>{head}{''.join(rows)}</table></div>")
