"""The opgave scan: everything about one opgave in one result.

``opgavelab.scan(case, "economie")`` answers, for one opgave at one date: who
forms the collective, how cohesive it is, which boundaries it crosses, who
brokers between worlds, which needed domains or scale levels are missing and
who could fill them, who takes part without knowing it, and how the collective
formed over time. In a notebook the result reads as a short summary for a
policy advisor; every table is an attribute for a researcher to keep working
with in pandas, and ``to_excel`` writes them all.
"""

from __future__ import annotations

__all__ = ["scan", "OpgaveScan"]

import gc
import html
import math
from contextlib import contextmanager
from dataclasses import dataclass, field

import networkx as nx
import pandas as pd

from ._checks import _check_lang
from .case import Case, to_timestamp


def _num(x, lang: str, digits: int = 2) -> str:
    """A number as a reader expects it: decimal comma in Dutch."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    if isinstance(x, (int,)) or (isinstance(x, float) and x.is_integer() and digits == 0):
        return f"{int(x)}"
    text = f"{x:.{digits}f}"
    return text.replace(".", ",") if lang == "nl" else text


def _pct(x, lang: str) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return f"{round(100 * x)}%"


def _signed(x, lang: str) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return ("+" if x > 0 else "") + _num(x, lang)


@dataclass
class OpgaveScan:
    """Everything about one opgave at one date; see :func:`scan`.

    Every table is a pandas object indexed by the spreadsheet ids. The
    attributes are listed in :func:`scan`.
    """

    case: Case
    opgave: str
    at: pd.Timestamp | None
    lang: str
    attr: str
    directed: bool
    only_opgave_ties: bool
    graph: nx.Graph
    cohesion: pd.Series
    centrality: pd.DataFrame
    articulation_points: list
    bridges: pd.DataFrame
    boundaries: pd.DataFrame
    ei_by_group: pd.DataFrame
    ei_by_actor: pd.Series
    mixing: pd.DataFrame
    brokerage: pd.DataFrame
    brokerage_z: pd.DataFrame
    coverage: pd.DataFrame
    missing_domains: list
    scale: pd.DataFrame
    candidates: pd.DataFrame
    unused_expertise: pd.DataFrame
    awareness: pd.DataFrame
    unaware: pd.DataFrame
    formation: pd.DataFrame
    formed_at: pd.Timestamp | None
    notes: list = field(default_factory=list)

    # -- identity ---------------------------------------------------------
    @property
    def name(self) -> str:
        return str(self.case.opgaven.at[self.opgave, "name"])

    @property
    def origin(self) -> str | None:
        value = self.case.opgaven.at[self.opgave, "origin"]
        return None if pd.isna(value) else str(value)

    @property
    def core_challenge(self) -> str | None:
        value = self.case.opgaven.at[self.opgave, "core_challenge"]
        return None if pd.isna(value) else str(value)

    @property
    def actors(self) -> pd.DataFrame:
        """The involved actors with their attributes and involvement."""
        ids = list(self.graph.nodes)
        inv = self.case.involvement_at(self.at, self.opgave).drop_duplicates("actor").set_index("actor")
        cols = [c for c in ("role", "aware", "commitment", "since", "until") if c in inv.columns]
        return self.case.actors.loc[ids].join(inv[cols])

    def date_text(self) -> str:
        nl = self.lang == "nl"
        if self.at is None:
            return "alle jaren" if nl else "all years"
        return ("stand " if nl else "as of ") + self.at.strftime("%d-%m-%Y" if nl else "%Y-%m-%d")

    def caption(self) -> str:
        """Case · opgave · date · source, for figures and pages."""
        src = self.case.source
        parts = [self.case.name, self.name, self.date_text()]
        if src:
            from pathlib import Path

            parts.append(("bron: " if self.lang == "nl" else "source: ") + Path(src).name)
        return " · ".join(parts)

    # -- text ---------------------------------------------------------------
    def summary(self) -> list[tuple[str, str]]:
        """The scan as (heading, paragraph) pairs in the scan's language."""
        lang = self.lang
        nl = lang == "nl"
        c = self.cohesion
        type_labels = self.case.labels("actor_type", lang)
        names = self.case.actors["name"]
        out: list[tuple[str, str]] = []

        n = int(c["n_actors"])
        counts = self.case.actors.loc[list(self.graph.nodes), "type"].value_counts(sort=False)
        mix = ", ".join(f"{int(v)} {type_labels.get(k, k)}" for k, v in counts.items() if v)
        if n == 0:
            out.append(("Het collectief" if nl else "The collective",
                        "Nog geen actoren betrokken op deze datum." if nl else "No actors involved at this date."))
            return out
        n_comp = int(c["n_weak_components"])
        ties = int(c["n_ties"])
        if nl:
            text = (f"{n} actoren ({mix}) met {ties} relaties onderling; dichtheid {_num(c['density'], lang)}. "
                    + ("Zij vormen één samenhangend geheel" if n_comp == 1 else
                       f"Zij vallen uiteen in {n_comp} delen; het grootste omvat {_pct(c['largest_component_share'], lang)}")
                    + f", gemiddeld {_num(c['average_distance'], lang, 1)} stappen van elkaar.")
        else:
            text = (f"{n} actors ({mix}) with {ties} ties among them; density {_num(c['density'], lang)}. "
                    + ("They form one connected whole" if n_comp == 1 else
                       f"They fall apart into {n_comp} parts; the largest holds {_pct(c['largest_component_share'], lang)}")
                    + f", on average {_num(c['average_distance'], lang, 1)} steps apart.")
        if self.articulation_points:
            shown = ", ".join(str(names.get(a, a)) for a in self.articulation_points[:4])
            more = len(self.articulation_points) - 4
            text += (f" Kwetsbare schakels (zonder hen valt het collectief uiteen): {shown}"
                     if nl else f" Single points of failure (without them the collective falls apart): {shown}")
            text += (f" en nog {more}." if nl else f" and {more} more.") if more > 0 else "."
        out.append(("Het collectief" if nl else "The collective", text))

        row = self.boundaries.loc[self.attr] if self.attr in self.boundaries.index else None
        if row is not None:
            ei = row["ei"]
            if nl:
                lean = ("relaties lopen vooral over de grenzen heen" if ei > 0.1 else
                        "relaties blijven vooral binnen de eigen groep" if ei < -0.1 else
                        "relaties binnen en over de grenzen houden elkaar in evenwicht")
                text = (f"E-I-index naar {self._attr_label()}: {_signed(ei, lang)} ({lean}); "
                        f"{_pct(row['crossing_share'], lang)} van de relaties kruist een grens. "
                        f"Heterogeniteit (Blau): {_num(row['blau'], lang)}.")
            else:
                lean = ("ties mostly cross the boundaries" if ei > 0.1 else
                        "ties mostly stay within groups" if ei < -0.1 else
                        "ties within and across groups balance")
                text = (f"E-I index by {self._attr_label()}: {_signed(ei, lang)} ({lean}); "
                        f"{_pct(row['crossing_share'], lang)} of the ties cross a boundary. "
                        f"Heterogeneity (Blau): {_num(row['blau'], lang)}.")
            out.append(("Grenzen" if nl else "Boundaries", text))

        if len(self.brokerage) and self.brokerage["total"].max() > 0:
            top = self.brokerage.sort_values("total", ascending=False).head(3)
            roles = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison"]
            role_nl = {"coordinator": "coördinator", "itinerant": "itinerant", "representative": "vertegenwoordiger",
                       "gatekeeper": "poortwachter", "liaison": "verbinder (liaison)"}
            parts = []
            for aid, rec in top.iterrows():
                main = max(roles, key=lambda r: rec[r])
                label = role_nl[main] if nl else main
                parts.append(f"{names.get(aid, aid)}: {int(rec['total'])} keer, vooral als {label}" if nl else
                             f"{names.get(aid, aid)}: {int(rec['total'])} times, mostly as {label}")
            out.append(("Makelaars" if nl else "Brokers",
                        ("Wie verbindt tussen groepen (Gould & Fernandez): " if nl
                         else "Who brokers between groups (Gould & Fernandez): ") + "; ".join(parts) + "."))

        cov = self.coverage
        needed = cov[cov["needed"]]
        if len(needed):
            n_cov = int(needed["covered"].sum())
            if nl:
                text = f"{n_cov} van de {len(needed)} benodigde domeinen zijn gedekt."
            else:
                text = f"{n_cov} of the {len(needed)} needed domains are covered."
            if self.missing_domains:
                miss = ", ".join(self.case.domain_label(d, lang) for d in self.missing_domains)
                text += (f" Ontbreekt: {miss}." if nl else f" Missing: {miss}.")
                if len(self.candidates):
                    shown = "; ".join(f"{r['name']} ({self._closeness_text(r)})"
                                      for _, r in self.candidates.head(3).iterrows())
                    text += (f" Kandidaten: {shown}." if nl else f" Candidates: {shown}.")
                else:
                    text += (" Geen enkele actor in de casus dekt dit domein." if nl
                             else " No actor in the case covers this domain.")
            out.append(("Wie ontbreekt" if nl else "Who is missing", text))

        fit = self.scale.attrs
        if fit.get("lowest"):
            scale_labels = self.case.labels("scale", lang)
            span = f"{scale_labels.get(fit['lowest'], fit['lowest'])}–{scale_labels.get(fit['highest'], fit['highest'])}"
            if fit.get("needed"):
                need = scale_labels.get(fit["needed"], fit["needed"])
                state = (("aanwezig" if fit["needed_present"] else "ONTBREEKT") if nl
                         else ("present" if fit["needed_present"] else "MISSING"))
                text = (f"Nodig schaalniveau: {need} ({state}); het collectief spant {span} ({fit['span']} niveaus)."
                        if nl else f"Needed scale level: {need} ({state}); the collective spans {span} "
                                   f"({fit['span']} levels).")
            else:
                text = (f"Het collectief spant {span} ({fit['span']} niveaus)." if nl
                        else f"The collective spans {span} ({fit['span']} levels).")
            out.append(("Schaal" if nl else "Scale", text))

        aw = self.awareness.iloc[-1]
        if int(aw["n_unaware"]):
            shown = ", ".join(str(v) for v in self.unaware["name"].head(4))
            text = (f"{int(aw['n_unaware'])} van de {int(aw['n_actors'])} actoren zijn betrokken zonder het te weten: "
                    f"{shown}." if nl else
                    f"{int(aw['n_unaware'])} of the {int(aw['n_actors'])} actors are involved without knowing it: "
                    f"{shown}.")
        else:
            text = "Alle betrokken actoren weten dat ze deel zijn van de opgave." if nl else \
                "Every involved actor knows it is part of the opgave."
        if not math.isnan(aw["mean_commitment"]):
            text += (f" Gemiddelde inzet {_num(aw['mean_commitment'], lang, 1)} (1-5)." if nl
                     else f" Mean commitment {_num(aw['mean_commitment'], lang, 1)} (1-5).")
        out.append(("Bewustzijn en inzet" if nl else "Awareness and commitment", text))

        f = self.formation
        if len(f) >= 1:
            from .metrics.formation import formation_story

            text = formation_story(self.case, self.opgave, lang=self.lang, frame=f)
            out.append(("Vorming" if nl else "Formation", text))
        return out

    def _closeness_text(self, row) -> str:
        nl = self.lang == "nl"
        n = int(row["n_ties"])
        if n:
            return (f"{n} {'relatie' if n == 1 else 'relaties'} met het collectief" if nl
                    else f"{n} {'tie' if n == 1 else 'ties'} into the collective")
        if math.isinf(row["distance"]):
            return "nog niet verbonden" if nl else "not yet connected"
        return f"afstand {int(row['distance'])}" if nl else f"distance {int(row['distance'])}"

    def _attr_label(self) -> str:
        labels = {"type": ("actortype", "actor type"), "scale": ("schaalniveau", "scale level"),
                  "sector": ("sector", "sector"), "domains": ("domein", "domain")}
        pair = labels.get(self.attr, (self.attr, self.attr))
        return pair[0] if self.lang == "nl" else pair[1]

    def __repr__(self) -> str:
        nl = self.lang == "nl"
        head = f"Opgavescan: {self.name} ({self.opgave}), {self.date_text()}" if nl else \
            f"Opgave scan: {self.name} ({self.opgave}), {self.date_text()}"
        body = "\n".join(f"- {h}: {t}" for h, t in self.summary())
        nxt = ("Tabellen: .centrality, .brokerage, .coverage, .candidates, .formation, ...; "
               "alles naar Excel: .to_excel(pad)." if nl else
               "Tables: .centrality, .brokerage, .coverage, .candidates, .formation, ...; "
               "everything to Excel: .to_excel(path).")
        return f"{head}\n{body}\n{nxt}"

    def _repr_html_(self) -> str:
        nl = self.lang == "nl"
        esc = html.escape
        parts = [f"<div class='opgavelab-scan'><h3>{esc(self.name)} <small>({esc(self.opgave)}, "
                 f"{esc(self.date_text())})</small></h3>"]
        if self.origin:
            parts.append(f"<p><b>{'Oorsprong' if nl else 'Origin'}:</b> {esc(self.origin)}<br>")
        if self.core_challenge:
            parts.append(f"<b>{'Kern' if nl else 'Core challenge'}:</b> {esc(self.core_challenge)}</p>")
        parts.append("<dl>")
        for head, text in self.summary():
            parts.append(f"<dt><b>{esc(head)}</b></dt><dd>{esc(text)}</dd>")
        parts.append("</dl>")
        for title, frame in self.tables().items():
            if title in ("samenvatting", "summary"):
                continue
            shown = frame.head(15)
            parts.append(f"<details><summary>{esc(title)} ({len(frame)})</summary>"
                         f"{shown.to_html(escape=True, float_format=lambda v: f'{v:.3f}')}</details>")
        parts.append(f"<p><small>{esc(self.caption())}. "
                     + ("Alle tabellen: <code>.to_excel(pad)</code>; figuren: <code>opgavelab.draw</code>."
                        if nl else "All tables: <code>.to_excel(path)</code>; figures: <code>opgavelab.draw</code>.")
                     + "</small></p></div>")
        return "".join(parts)

    # -- tables ---------------------------------------------------------------
    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table of the scan, by a sheet name in the scan's language."""
        nl = self.lang == "nl"
        summary = pd.DataFrame(self.summary(), columns=["onderdeel" if nl else "part",
                                                         "bevinding" if nl else "finding"])
        cohesion = self.cohesion.rename("waarde" if nl else "value").to_frame()
        z = self.brokerage_z.add_suffix("_z")
        names = {
            "summary": ("samenvatting", "summary"),
            "cohesion": ("samenhang", "cohesion"),
            "centrality": ("centraliteit", "centrality"),
            "brokerage": ("makelaars", "brokerage"),
            "boundaries": ("grenzen", "boundaries"),
            "ei_by_group": ("ei_per_groep", "ei_by_group"),
            "mixing": ("mengmatrix", "mixing"),
            "coverage": ("dekking", "coverage"),
            "candidates": ("kandidaten", "candidates"),
            "unused_expertise": ("onbenutte_expertise", "unused_expertise"),
            "scale": ("schaal", "scale"),
            "awareness": ("bewustzijn", "awareness"),
            "unaware": ("niet_bewust", "unaware"),
            "formation": ("vorming", "formation"),
            "bridges": ("bruggen", "bridges"),
        }
        frames = {
            "summary": summary,
            "cohesion": cohesion,
            "centrality": self.centrality,
            "brokerage": self.brokerage.join(z),
            "boundaries": self.boundaries,
            "ei_by_group": self.ei_by_group,
            "mixing": self.mixing,
            "coverage": self.coverage,
            "candidates": self.candidates,
            "unused_expertise": self.unused_expertise,
            "scale": self.scale,
            "awareness": self.awareness,
            "unaware": self.unaware,
            "formation": self.formation,
            "bridges": self.bridges,
        }
        return {names[k][0 if nl else 1]: v for k, v in frames.items()}

    def to_excel(self, path, overwrite: bool = False):
        """Write every table to one workbook, one sheet per table.

        Returns
        -------
        pathlib.Path
        """
        from .export import write_scan_excel

        return write_scan_excel(self.tables(), path, title=f"{self.name} — {self.caption()}", overwrite=overwrite,
                                lang=self.lang)


@contextmanager
def _gc_paused():
    """Pause Python's cyclic garbage collector while the scan computes.

    The scan allocates hundreds of thousands of small objects (graph dicts,
    tuples) without making reference cycles, and every full collection would
    also walk all objects of the case (300,000 for 10,000 actors): 15% of the
    scan of an opgave with 2,000 actors. Reference counting still frees
    everything at once; the collector runs again afterwards as before.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def scan(case: Case, opgave: str, at=None, lang: str | None = None, *, attr: str = "type",
         directed: bool = False, only_opgave_ties: bool = False, dates=None,
         boundary_attrs=("type", "scale", "sector", "domains")) -> OpgaveScan:
    """Everything about one opgave: the collective, its boundaries, brokers, gaps and formation.

    Parameters
    ----------
    case : Case
    opgave : str
        The opgave id.
    at : year, date or None
        The date of the snapshot (a bare year: its last day); None: every tie
        and involvement regardless of dates.
    lang : {"nl", "en"}, optional
        Language of the summary and labels; default the case's.
    attr : str, default "type"
        The actor attribute whose boundaries and brokers are analysed (also
        ``scale``, ``sector``, ``domains`` or an extra column).
    directed : bool, default False
        Analyse directions (funding and mandate ties). By default ties are
        undirected: a tie in either direction links two actors, and several
        ties between two actors count as one with summed weight.
    only_opgave_ties : bool, default False
        Only ties recorded for this opgave.
    dates : list, optional
        Dates for the formation table (default: every year-end from the
        opgave's first year through ``at``, or through the end of the case's
        last year with a date when ``at`` is None).
    boundary_attrs : tuple of str
        Attributes for the boundaries table.

    Returns
    -------
    OpgaveScan
        With ``graph``; ``cohesion`` (Series); ``centrality``,
        ``articulation_points``, ``bridges``; ``boundaries`` (per attribute:
        E-I, Blau, crossing share), ``ei_by_group``, ``ei_by_actor``,
        ``mixing``; ``brokerage`` and ``brokerage_z`` (Gould & Fernandez by
        ``attr``); ``coverage``, ``missing_domains``, ``scale``,
        ``candidates``, ``unused_expertise``; ``awareness``, ``unaware``;
        ``formation`` and ``formed_at``.

    Examples
    --------
    >>> import opgavelab
    >>> s = opgavelab.scan(opgavelab.example(), "economie", at=2024)
    >>> s.missing_domains, s.candidates.index[0], s.formed_at.year
    (['1.2'], 'vr', 2022)
    """
    if not isinstance(case, Case):
        msg = f"'case' must be an opgavelab.Case (from opgavelab.load), got {type(case).__name__}."
        raise TypeError(msg)
    lang = _check_lang(lang or case.lang)
    case._check_opgave(opgave)
    if attr not in case.actors.columns:
        msg = f"'attr' must be one of the actor columns {list(case.actors.columns)}, got {attr!r}."
        raise ValueError(msg)
    ts = None if at is None else to_timestamp(at, end=True)
    with _gc_paused():
        return _scan(case, opgave, ts, lang, attr, directed, only_opgave_ties, dates, boundary_attrs)


def _scan(case, opgave, ts, lang, attr, directed, only_opgave_ties, dates, boundary_attrs) -> OpgaveScan:
    from . import metrics
    from .metrics.awareness import awareness, unaware_actors
    from .metrics.coverage import candidate_partners, domain_coverage, missing_domains, scale_fit
    from .metrics.coverage import unused_expertise as _unused
    from .metrics.formation import formation, formation_moment
    from .network import opgave_graph

    G = opgave_graph(case, opgave, at=ts, only_opgave_ties=only_opgave_ties, directed=directed)

    names = case.actors["name"]
    types = case.actors["type"]

    def _label(frame: pd.DataFrame) -> pd.DataFrame:
        frame = frame.copy()
        frame.index.name = "id"
        frame.insert(0, "type", types.reindex(frame.index).astype(object).to_numpy())
        frame.insert(0, "name", names.reindex(frame.index).to_numpy())
        return frame

    # centrality searches from every actor (up to its exact limit) and hands cohesion the
    # distance totals, so the all-pairs search for the average distance runs once
    distances: dict = {}
    central = metrics.centrality(G, _distances=distances)
    # the cut points centrality found, in G's node order (as metrics.articulation_points gives them)
    cut_points = central.index[central["articulation_point"].to_numpy(dtype=bool)].tolist()
    centrality = _label(central).sort_values("betweenness", ascending=False, kind="stable")
    cohesion = metrics.cohesion(G, _distances=distances)
    brok = _label(metrics.brokerage(G, attr)).sort_values("total", ascending=False, kind="stable")
    brok_z = metrics.brokerage_z(G, attr) if G.number_of_nodes() else pd.DataFrame(columns=brok.columns[2:])
    brok_z.index.name = "id"
    bnd_rows = []
    for a in boundary_attrs:
        if a not in case.actors.columns:
            continue
        values = [G.nodes[n].get(a) for n in G]
        bnd_rows.append({
            "attribute": a,
            "ei": metrics.ei_index(G, a),
            "crossing_share": metrics.crossing_share(G, a),
            "blau": metrics.blau_index(values),
        })
    boundaries = pd.DataFrame(bnd_rows, columns=["attribute", "ei", "crossing_share", "blau"]).set_index("attribute")
    # the series runs through 'at' (default: the end of the case's last year with a date)
    form = formation(case, opgave, dates=dates, attr=attr if attr != "domains" else None,
                     only_opgave_ties=only_opgave_ties, at=ts)
    return OpgaveScan(
        case=case, opgave=opgave, at=ts, lang=lang, attr=attr, directed=directed,
        only_opgave_ties=only_opgave_ties, graph=G,
        cohesion=cohesion,
        centrality=centrality,
        articulation_points=sorted(cut_points, key=lambda a: -centrality.at[a, "betweenness"]
                                   if a in centrality.index else 0),
        bridges=metrics.bridges(G),
        boundaries=boundaries,
        ei_by_group=metrics.ei_index_by_group(G, attr),
        ei_by_actor=metrics.ei_index_by_actor(G, attr),
        mixing=metrics.mixing_matrix(G, attr),
        brokerage=brok,
        brokerage_z=brok_z,
        coverage=domain_coverage(case, opgave, ts),
        missing_domains=missing_domains(case, opgave, ts),
        scale=scale_fit(case, opgave, ts),
        candidates=candidate_partners(case, opgave, ts, lang=lang),
        unused_expertise=_unused(case, opgave, ts),
        awareness=awareness(case, opgave, ts, lang=lang),
        unaware=unaware_actors(case, opgave, ts),
        formation=form,
        formed_at=formation_moment(form),
    )
