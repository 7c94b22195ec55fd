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

from ._checks import _opgave_arguments
from ._i18n import fmt_date, fmt_list, fmt_number, fmt_percent, fmt_signed, has_message, message, nmessage
from .case import Case
from .display import _for_reading
from . import metrics
from .metrics.cohesion import _centrality_and_cohesion
from .metrics.awareness import awareness, unaware_actors
from .metrics.coverage import (
    candidate_partners,
    domain_coverage,
    missing_domains,
    scale_fit,
    unused_expertise as _unused,
)
from .metrics.formation import formation, formation_moment, formation_story
from .network import opgave_graph
from ._gc import with_fewer_collections

#: Permutations of the group labels for the E-I test, and the seed of the draw.
N_PERMUTATIONS = 1000
SEED = 0
#: Ties x permutations above which the scan uses fewer permutations (at least 100).
PERMUTATION_BUDGET = 2_000_000
#: Above this many actors betweenness, closeness and distances are estimated from a sample.
EXACT_LIMIT = 2000
#: At most this many cut points get their effects computed (the most central first).
MAX_CUT_POINTS = 10


def _num(x, lang: str, digits: int = 2) -> str:
    """A number as a reader expects it (Babel: decimal comma in Dutch)."""
    return fmt_number(x, lang, digits)


def _pct(x, lang: str) -> str:
    return fmt_percent(x, lang)


def _signed(x, lang: str) -> str:
    return fmt_signed(x, lang)


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
    brokerage_expected: pd.DataFrame
    ei_test: pd.DataFrame
    cut_points: pd.DataFrame
    coverage: pd.DataFrame
    missing_domains: list
    scale: pd.DataFrame
    candidates: pd.DataFrame
    unused_expertise: pd.DataFrame
    awareness: pd.DataFrame
    unaware: pd.DataFrame
    formation: pd.DataFrame
    formed_at: pd.Timestamp | None
    n_permutations: int = N_PERMUTATIONS
    seed: int | None = SEED
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
        """The scan's date in words, in the scan's language.

        Returns
        -------
        str
            ``"stand 31-12-2024"`` / ``"as of 31-12-2024"``, or "all years"
            for a scan without a date.

        Examples
        --------
        >>> import opgavelab
        >>> s = opgavelab.scan(opgavelab.example(), "economie", at=2024)
        >>> s.date_text()
        'stand 31-12-2024'
        """
        if self.at is None:
            return message("scan.all_years", self.lang)
        return message("scan.as_of", self.lang, date=fmt_date(self.at, self.lang, "short"))

    def caption(self) -> str:
        """Case · opgave · date · source, for figures and pages.

        Returns
        -------
        str
            The case's name, the opgave's name, :meth:`date_text` and the
            source file's name (when the case has one), joined by ``·``.

        Examples
        --------
        >>> import opgavelab
        >>> s = opgavelab.scan(opgavelab.example(), "economie", at=2024)
        >>> s.caption()
        'Regio Veenmarken (fictief) · Regionale economische groei Veenmarken · stand 31-12-2024 · bron: voorbeeld-veenmarken.xlsx'
        """
        src = self.case.source
        parts = [self.case.name, self.name, self.date_text()]
        if src:
            from pathlib import Path

            parts.append(message("scan.source", self.lang, name=Path(src).name))
        return " · ".join(parts)

    # -- text ---------------------------------------------------------------
    def _name(self, aid) -> str:
        return str(self.case.actors["name"].get(aid, aid))

    def _estimated(self) -> bool:
        return bool(self.cohesion.attrs.get("average_distance_approximate")
                    or self.centrality.attrs.get("betweenness_approximate"))

    def summary(self) -> list[tuple[str, str]]:
        """The scan as (heading, paragraph) pairs in the scan's language.

        Every sentence that interprets a number gives its baseline: E-I
        beside random mixing and a permutation p, brokerage beside its
        expected count and z, a cut point by what it cuts off.

        Returns
        -------
        list of tuple of str
            ``(heading, paragraph)``: the collective, then (when there is
            something to say) boundaries, brokers, who is missing, scale,
            awareness and commitment, formation.

        Examples
        --------
        >>> import opgavelab
        >>> s = opgavelab.scan(opgavelab.example(), "economie", at=2024)
        >>> [heading for heading, _ in s.summary()][:3]
        ['Het collectief', 'Grenzen', 'Makelaars']
        """
        lang = self.lang
        out: list[tuple[str, str]] = []
        n = int(self.cohesion["n_actors"])
        if n == 0:
            out.append((message("scan.heading.collective", lang), message("scan.collective.none", lang)))
            return out
        out.append((message("scan.heading.collective", lang), self._collective_text()))
        if self.attr in self.boundaries.index and not math.isnan(self.boundaries.at[self.attr, "ei"]):
            out.append((message("scan.heading.boundaries", lang), self._boundaries_text()))
        if len(self.brokerage):
            out.append((message("scan.heading.brokers", lang), self._brokers_text()))
        missing = self._missing_text()
        if missing:
            out.append((message("scan.heading.missing", lang), missing))
        scale = self._scale_text()
        if scale:
            out.append((message("scan.heading.scale", lang), scale))
        out.append((message("scan.heading.awareness", lang), self._awareness_text()))
        formation = self._formation_text()
        if formation:
            out.append((message("scan.heading.formation", lang), formation))
        return out

    def _collective_text(self) -> str:
        lang = self.lang
        c = self.cohesion
        n = int(c["n_actors"])
        type_labels = self.case.labels("actor_type", lang)
        counts = self.case.actors.loc[list(self.graph.nodes), "type"].value_counts(sort=False)
        # "overheid 17", not "17 overheid": a vocabulary label has no plural form, so the count follows it
        mix = ", ".join(f"{type_labels.get(k, k)} {int(v)}" for k, v in counts.items() if v)
        ties = int(c["n_ties"])
        text = nmessage("scan.collective.size", n, lang, mix=mix, ties=nmessage("count.ties", ties, lang),
                        density=_num(c["density"], lang), share=_pct(c["density"], lang))
        if n == 1:
            return text
        estimate = (message("scan.estimate", lang, k=fmt_number(int(self.centrality.attrs.get("betweenness_k", 0))
                                                                or 500, lang, 0))
                    if self.cohesion.attrs.get("average_distance_approximate") else "")
        n_comp = int(c["n_weak_components"])
        dist = _num(c["average_distance"], lang, 1)
        if n_comp == 1:
            text += " " + message("scan.collective.one", lang, distance=dist, estimate=estimate)
        else:
            text += " " + nmessage("scan.collective.parts", n_comp, lang, share=_pct(c["largest_component_share"], lang),
                                   distance=dist, estimate=estimate)
        cut = self._cut_points_text()
        if cut:
            text += " " + cut
        return text

    def _cut_points_text(self) -> str:
        lang = self.lang
        table = self.cut_points
        if not len(table):
            return ""
        items = []
        for aid, row in table.head(3).iterrows():
            item = nmessage("scan.cut.item", int(row["cut_off"]), lang, name=self._name(aid))
            pieces = [int(x) for x in row["pieces"]]
            if len(pieces) > 2:
                item += " " + message("scan.cut.pieces", lang, k=len(pieces),
                                      sizes=fmt_list([fmt_number(x, lang, 0) for x in pieces], lang))
            change = row["distance_change"]
            if change == change and change >= 0.005:
                item += " " + message("scan.cut.longer", lang, pct=_pct(change, lang))
                if table.attrs.get("approximate"):
                    item += message("scan.cut.estimate", lang)
            elif change == change:
                item += " " + message("scan.cut.same", lang)
            items.append(item)
        more = len(self.articulation_points) - len(items)
        text = "; ".join(items)
        if more > 0:
            text += "; " + nmessage("scan.cut.more", more, lang)
        return message("scan.cut.intro", lang, items=text)

    def _boundaries_text(self) -> str:
        lang = self.lang
        row = self.boundaries.loc[self.attr]
        attr = self._attr_label()
        perms = nmessage("count.permutations", self.n_permutations, lang)
        groups = self.ei_by_group
        present = groups.index[groups["n_actors"].gt(0)] if len(groups) else []
        if len(present) == 1 and self.attr != "domains":  # one group: E-I is -1 by construction, not a finding
            labels = self.case.labels("actor_type" if self.attr == "type" else self.attr, lang)
            return message("scan.ei.one_group", lang, attr=attr, group=str(labels.get(present[0], present[0])))
        text = message("scan.ei.observed", lang, attr=attr, ei=_signed(row["ei"], lang),
                       expected=_signed(row["ei_expected"], lang))
        p = row["ei_p"]
        if p == p:
            p_text = fmt_number(p, lang, 3)
            if p < 0.05 and row["ei"] < row["ei_expected"]:
                text += " " + message("scan.ei.inward", lang, attr=attr, p=p_text, perms=perms)
            elif p < 0.05:
                text += " " + message("scan.ei.outward", lang, attr_plural=self._attr_label(plural=True), p=p_text,
                                      perms=perms)
            elif _signed(row["ei"], lang) == _signed(row["ei_expected"], lang):  # no difference to speak of
                text += " " + message("scan.ei.same", lang, p=p_text, perms=perms)
            else:
                text += " " + message("scan.ei.chance", lang, p=p_text, perms=perms)
        text += " " + message("scan.ei.crossing", lang, share=_pct(row["crossing_share"], lang),
                              expected_share=_pct(row["crossing_expected"], lang))
        total_i = int(groups["I"].sum()) if len(groups) else 0
        if total_i >= 2 and self.attr != "domains":
            g = groups["I"].idxmax()
            labels = self.case.labels("actor_type" if self.attr == "type" else self.attr, lang)
            key = ("scan.ei.group" if int(groups.at[g, "I"]) < total_i
                   else "scan.ei.group_both" if total_i == 2 else "scan.ei.group_all")
            text += " " + nmessage(key, int(groups.at[g, "I"]), lang, total=fmt_number(total_i, lang, 0),
                                   group=str(labels.get(g, g)), ei=_signed(groups.at[g, "ei"], lang),
                                   expected=_signed(groups.at[g, "expected"], lang))
        k = int(self.ei_by_group["n_actors"].gt(0).sum()) if len(self.ei_by_group) else 0
        if k > 1 and row["blau"] == row["blau"]:
            text += " " + message("scan.blau", lang, blau=_num(row["blau"], lang), max=_num(1 - 1 / k, lang),
                                  k=fmt_number(k, lang, 0))
        return text

    def _brokers_text(self) -> str:
        lang = self.lang
        b = self.brokerage
        counting = b.attrs.get("counting", "pairs")
        roles = [r for r in b.columns if r not in ("name", "type", "total")]
        top = b[b["total"] > 0].sort_values("total", ascending=False, kind="stable").head(3)
        if not len(top):
            return message("scan.brokers.none", lang)
        items = []
        for aid, rec in top.iterrows():
            main = max(roles, key=lambda r: rec[r])
            # "mostly as" only when the actor also brokers in another role
            only = ".only" if rec[main] == rec["total"] else ""
            item = nmessage(f"scan.brokers.item.{counting}{only}", int(rec["total"]), lang, name=self._name(aid),
                            role=message(f"role.{main}", lang))
            z = self.brokerage_z.at[aid, "total"] if aid in self.brokerage_z.index else float("nan")
            expected = (self.brokerage_expected.at[aid, "total"] if aid in self.brokerage_expected.index
                        else float("nan"))
            if z == z:
                kind = "more" if z >= 2 else "less" if z <= -2 else "chance"
                z_text = ("−" if round(z, 1) < 0 else "") + _num(abs(z), lang, 1)
                item += message(f"scan.brokers.z.{kind}", lang, expected=_num(expected, lang, 1), z=z_text)
            items.append(item)
        return message(f"scan.brokers.intro.{counting}", lang, items="; ".join(items))

    def _missing_text(self, candidates: bool = True) -> str:
        """Coverage sentences; with ``candidates=False`` without the first three candidates (a table follows)."""
        lang = self.lang
        cov = self.coverage
        needed = cov[cov["needed"]] if "needed" in cov.columns else cov.iloc[0:0]
        if not len(needed):
            return ""
        n_cov = int(needed["covered"].sum())
        if n_cov == len(needed):
            text = nmessage("scan.missing.all", n_cov, lang)
        else:
            text = nmessage("scan.missing.covered", n_cov, lang, total=fmt_number(len(needed), lang, 0))
        if self.missing_domains:
            miss = fmt_list([self.case.domain_label(d, lang) for d in self.missing_domains], lang)
            text += " " + nmessage("scan.missing.list", len(self.missing_domains), lang, domains=miss)
            if not len(self.candidates):
                text += " " + nmessage("scan.missing.no_candidates", len(self.missing_domains), lang)
            elif candidates:
                shown = "; ".join(f"{r['name']} ({r['reason']})" for _, r in self.candidates.head(3).iterrows())
                text += " " + message("scan.missing.candidates", lang, items=shown)
        return text

    def _scale_text(self) -> str:
        lang = self.lang
        fit = self.scale.attrs
        if not fit.get("lowest"):
            return ""
        scale_labels = self.case.labels("scale", lang)
        span = f"{scale_labels.get(fit['lowest'], fit['lowest'])}–{scale_labels.get(fit['highest'], fit['highest'])}"
        if fit["lowest"] == fit["highest"]:
            span = str(scale_labels.get(fit["lowest"], fit["lowest"]))
        text = ""
        if fit.get("needed"):
            need = scale_labels.get(fit["needed"], fit["needed"])
            text = message("scan.scale.present" if fit["needed_present"] else "scan.scale.absent", lang, level=need) + " "
        return text + nmessage("scan.scale.span", int(fit["span"]), lang, span=span)

    def _awareness_text(self) -> str:
        lang = self.lang
        aw = self.awareness.iloc[-1]
        n_unaware = int(aw["n_unaware"])
        if n_unaware:
            names = list(self.unaware["name"].head(4).astype(str))
            shown = fmt_list(names, lang) + (" …" if n_unaware > 4 else "")
            text = nmessage("scan.aware.unaware", n_unaware, lang, total=fmt_number(int(aw["n_actors"]), lang, 0),
                            names=shown)
        else:
            text = message("scan.aware.all", lang)
        if not math.isnan(aw["mean_commitment"]):
            text += " " + message("scan.aware.commitment", lang, x=_num(aw["mean_commitment"], lang, 1))
        return text

    def _formation_text(self) -> str:
        """The formation sentences: how the parts became one (``metrics.formation_story``)."""
        if len(self.formation) < 1:
            return ""
        return formation_story(self.case, self.opgave, lang=self.lang, frame=self.formation)

    def _attr_label(self, plural: bool = False) -> str:
        key = f"scan.attr.{self.attr}" + (".plural" if plural else "")
        return message(key, self.lang) if has_message(key) else str(self.attr)

    # -- method ---------------------------------------------------------------
    @property
    def method(self) -> pd.DataFrame:
        """How this scan was computed, in words: ties, direction, date, coverage, exact or sampled, null models.

        One row per item (index: ``ties``, ``direction``, ``date``,
        ``coverage``, ``computation``, ``null_ei``, ``null_brokerage``,
        ``cut_points``), columns ``label`` and ``text`` in the scan's
        language; ``attrs`` holds the settings as values.
        """
        lang = self.lang
        n = int(self.cohesion["n_actors"])
        counting = self.brokerage.attrs.get("counting", "paths" if self.directed else "pairs")
        if self._estimated():
            computation = message("method.sampled", lang, limit=fmt_number(EXACT_LIMIT, lang, 0),
                                  k=fmt_number(int(self.centrality.attrs.get("betweenness_k", 500)), lang, 0),
                                  n=fmt_number(n, lang, 0), seed=0)
        else:
            computation = message("method.exact", lang, actors=nmessage("count.actors", n, lang))
        texts = {
            "ties": message("method.ties.opgave" if self.only_opgave_ties else "method.ties.all", lang),
            "direction": message("method.direction.directed" if self.directed else "method.direction.undirected", lang),
            "date": (message("method.date.none", lang) if self.at is None
                     else message("method.date.at", lang, date=fmt_date(self.at, lang, "short"))),
            "coverage": message("method.coverage", lang),
            "computation": computation,
            "null_ei": message("method.null_ei", lang, perms=nmessage("count.permutations", self.n_permutations, lang),
                               seed=self.seed),
            "null_brokerage": message(f"method.null_brokerage.{counting}", lang),
            "cut_points": message("method.cut_points", lang),
        }
        frame = pd.DataFrame({"label": [message(f"method.item.{k}", lang) for k in texts],
                              "text": list(texts.values())}, index=pd.Index(list(texts), name="item"))
        frame.attrs.update({
            "directed": self.directed, "at": self.at, "only_opgave_ties": self.only_opgave_ties,
            "estimated": self._estimated(), "n_permutations": self.n_permutations, "seed": self.seed,
            "brokerage_counting": counting, "attr": self.attr,
        })
        return frame

    def __repr__(self) -> str:
        lang = self.lang
        head = message("scan.title", lang, name=self.name, id=self.opgave, date=self.date_text())
        body = "\n".join(f"- {h}: {t}" for h, t in self.summary())
        method = "\n".join(f"  {r['label']}: {r['text']}" for _, r in self.method.iterrows())
        return f"{head}\n{body}\n- {message('scan.heading.method', lang)}:\n{method}\n{message('scan.next', lang)}"

    def _repr_html_(self) -> str:
        lang = self.lang
        esc = html.escape
        parts = [f"<div class='opgavelab-scan'><h3>{esc(self.name)} <small>({esc(self.opgave)}, "
                 f"{esc(self.date_text())})</small></h3>"]
        if self.origin:
            parts.append(f"<p><b>{esc(message('scan.origin', lang))}:</b> {esc(self.origin)}<br>")
        if self.core_challenge:
            parts.append(f"<b>{esc(message('scan.core', lang))}:</b> {esc(self.core_challenge)}</p>")
        parts.append("<dl>")
        for head, text in self.summary():
            parts.append(f"<dt><b>{esc(head)}</b></dt><dd>{esc(text)}</dd>")
        parts.append("</dl>")
        method = "".join(f"<dt>{esc(r['label'])}</dt><dd>{esc(r['text'])}</dd>" for _, r in self.method.iterrows())
        parts.append(f"<details><summary>{esc(message('scan.heading.method', lang))}</summary><dl>{method}</dl>"
                     "</details>")
        for key, (title, frame) in self._display_tables().items():
            if key in ("summary", "method"):
                continue
            shown = frame.head(15)
            parts.append(f"<details><summary>{esc(title)} ({len(frame)})</summary>"
                         f"{shown.to_html(escape=True, float_format=lambda v: fmt_number(v, lang, 3))}</details>")
        parts.append(f"<p><small>{esc(self.caption())}. " + message("scan.html_next", lang) + "</small></p></div>")
        return "".join(parts)

    # -- tables ---------------------------------------------------------------
    def _frames(self) -> dict[str, pd.DataFrame]:
        """Every table under its canonical (English) key, with English columns."""
        lang = self.lang
        summary = pd.DataFrame(self.summary(), columns=["part", "finding"]).set_index("part")
        method = self.method.set_index("label")[["text"]].rename(columns={"text": "value"})
        method.index.name = "item"
        cohesion = self.cohesion.rename("value").to_frame()
        z = self.brokerage_z.add_suffix("_z")
        brokerage = self.brokerage.join(z)
        if "total" in self.brokerage_expected.columns:
            brokerage = brokerage.join(self.brokerage_expected[["total"]].add_suffix("_expected"))
        cut = self.cut_points.copy()
        if len(cut):
            cut.insert(0, "name", [self._name(a) for a in cut.index])
        bridges = self.bridges.copy()
        if len(bridges) and {"source", "target"} <= set(bridges.columns):  # names next to the ids
            bridges.insert(bridges.columns.get_loc("source") + 1, "source_name", bridges["source"].map(self._name))
            bridges.insert(bridges.columns.get_loc("target") + 1, "target_name", bridges["target"].map(self._name))
        return {
            "summary": summary, "method": method, "cohesion": cohesion, "centrality": self.centrality,
            "brokerage": brokerage, "boundaries": self.boundaries, "ei_by_group": self.ei_by_group,
            "mixing": self.mixing, "coverage": self.coverage, "candidates": self.candidates,
            "unused_expertise": self.unused_expertise, "scale": self.scale, "awareness": self.awareness,
            "unaware": self.unaware, "formation": self.formation, "bridges": bridges, "cut_points": cut,
        }

    def _display_tables(self) -> dict[str, tuple[str, pd.DataFrame]]:
        """Key -> (sheet name, table as a reader sees it in the scan's language)."""
        lang = self.lang
        rows = {"cohesion", "awareness", "boundaries"}  # their row labels are data keys too
        return {k: (message(f"sheet.{k}", lang), _for_reading(v, lang, self.case, translate_index=k in rows))
                for k, v in self._frames().items()}

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table of the scan as a reader sees it, by a sheet name in the scan's language.

        Headers, yes/no, dates (dd-mm-jjjj), lists and actor names are in the
        scan's language; the attributes (``scan.centrality`` ...) keep the
        canonical English columns for further work in pandas.

        Returns
        -------
        dict of pandas.DataFrame
            ``{sheet name: table}``, in the order :meth:`to_excel` writes them.

        Examples
        --------
        >>> import opgavelab
        >>> s = opgavelab.scan(opgavelab.example(), "economie", at=2024)
        >>> list(s.tables())[:4]
        ['samenvatting', 'methode', 'samenhang', 'centraliteit']
        """
        return dict(self._display_tables().values())

    def _rescan(self, case: Case | None = None, **kwargs) -> OpgaveScan:
        """The scan again with this one's settings (opgave, date, language, attribute, direction, ties,
        permutations, seed), on ``case`` (default: the same case); ``kwargs`` override settings."""
        settings = {"lang": self.lang, "attr": self.attr, "directed": self.directed,
                    "only_opgave_ties": self.only_opgave_ties, "n_permutations": self.n_permutations,
                    "seed": self.seed, **kwargs}
        return scan(self.case if case is None else case, self.opgave, at=self.at, **settings)

    def to_excel(self, path, overwrite: bool = False):
        """Write every table to one workbook, one sheet per table.

        Parameters
        ----------
        path : str or path-like
            The ``.xlsx`` file to write.
        overwrite : bool, default False
            Replace an existing file.

        Returns
        -------
        pathlib.Path
            The workbook written: a first sheet about the scan, then
            :meth:`tables`.

        Raises
        ------
        FileExistsError, opgavelab.WriteError
            As in :func:`opgavelab.io.atomic_write` (``path`` exists and
            ``overwrite`` is false; the file cannot be written).

        Examples
        --------
        >>> import tempfile, pathlib
        >>> from openpyxl import load_workbook
        >>> import opgavelab
        >>> s = opgavelab.scan(opgavelab.example(), "zorg", at=2024)
        >>> path = s.to_excel(pathlib.Path(tempfile.mkdtemp()) / "zorg-scan.xlsx")
        >>> load_workbook(path).sheetnames[:3]
        ['over', 'samenvatting', 'methode']
        """
        from .export import write_scan_excel

        return write_scan_excel(self.tables(), path, title=f"{self.name} — {self.caption()}", overwrite=overwrite,
                                lang=self.lang)

    def to_docx(self, path, lang: str | None = None, pseudonymise=False, overwrite: bool = False):
        """Write the scan as one editable Word note for a policy advisor.

        The note is built on Word's own styles (Title, Heading 1-2, Caption,
        a table style, page numbers): a title page; the key message (does a
        collective exist and since when, who holds it together, what is
        missing, what would happen without its key player); the opgave; the
        collective with the compass and network figures and the key figures;
        its formation; who is missing; brokers, the key player and a what-if
        without it; method, data, what the numbers cannot say, references.
        Every interpretation is the scan's own (:meth:`summary`,
        :attr:`method`) or :func:`opgavelab.scenario`'s. Tables show names.

        Parameters
        ----------
        path : str or Path
            The ``.docx`` to write.
        lang : {"nl", "en"}, optional
            Default: the scan's language.
        pseudonymise : bool or str, default False
            Replace citizens by pseudonyms everywhere in the note
            (:func:`opgavelab.pseudonymise`); a string is used as the key,
            ``True`` takes it from ``OPGAVELAB_PSEUDONYM_KEY``.
        overwrite : bool, default False

        Returns
        -------
        pathlib.Path

        Examples
        --------
        >>> import opgavelab, tempfile, pathlib
        >>> s = opgavelab.scan(opgavelab.example(), "economie", at=2024)
        >>> path = s.to_docx(pathlib.Path(tempfile.mkdtemp()) / "economie-notitie.docx")  # doctest: +SKIP
        """
        from ._document import write_docx

        return write_docx(self, path, lang=lang, pseudonymise=pseudonymise, overwrite=overwrite)


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


@with_fewer_collections
def scan(case: Case, opgave: str, at=None, lang: str | None = None, *, attr: str = "type",
         directed: bool = False, only_opgave_ties: bool = False, dates=None,
         boundary_attrs=("type", "scale", "sector", "domains"), n_permutations: int = N_PERMUTATIONS,
         seed: int | None = SEED) -> OpgaveScan:
    """Everything about one opgave: the collective, its boundaries, brokers, gaps and formation.

    Parameters
    ----------
    case, opgave, at
        The case, the opgave id and the date of the snapshot, as in
        :func:`opgavelab.network.opgave_graph` (None: every tie and
        involvement regardless of dates).
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
    n_permutations : int, default 1000
        Permutations of the group labels for the E-I test (0: none). On large
        networks (ties x permutations above 2 million) fewer, at least 100;
        ``scan.n_permutations`` and the method say how many.
    seed : int or None, default 0
        Seed of the permutations, so that every p can be reproduced.

    Returns
    -------
    OpgaveScan
        With ``graph``; ``cohesion`` (Series); ``centrality``,
        ``articulation_points``, ``cut_points`` (what each cut point cuts
        off and how much longer paths get without it), ``bridges``;
        ``boundaries`` (per attribute: E-I with ``ei_expected`` under random
        mixing and the permutation ``ei_p``, crossing share and its expected
        value, Blau), ``ei_test`` (network and group rows), ``ei_by_group``
        (with ``expected`` and ``p``), ``ei_by_actor``, ``mixing``;
        ``brokerage``, ``brokerage_expected`` and ``brokerage_z`` (Gould &
        Fernandez by ``attr``; on undirected ties unordered pairs, with the
        boundary spanner role); ``coverage``, ``missing_domains``, ``scale``,
        ``candidates``, ``unused_expertise``; ``awareness``, ``unaware``;
        ``formation`` and ``formed_at``; ``method`` (how it was computed).

    Examples
    --------
    >>> import opgavelab
    >>> s = opgavelab.scan(opgavelab.example(), "economie", at=2024)
    >>> s.missing_domains, s.candidates.index[0], s.formed_at.year
    (['1.2', 'Netcapaciteit'], 'bedr-marknet', 2021)
    """
    lang, ts = _opgave_arguments(case, opgave, at, lang, attr)
    with _gc_paused():
        return _scan(case, opgave, ts, lang, attr, directed, only_opgave_ties, dates, boundary_attrs,
                     n_permutations, seed)


def _named(frame: pd.DataFrame, case: Case) -> pd.DataFrame:
    """A table indexed by actor id with the actors' name and type in front."""
    frame = frame.copy()
    frame.index.name = "id"
    frame.insert(0, "type", case.actors["type"].reindex(frame.index).astype(object).to_numpy())
    frame.insert(0, "name", case.actors["name"].reindex(frame.index).to_numpy())
    return frame


def _brokerage_tables(G, case: Case, attr: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Brokerage counts per actor (named, largest first), their z-scores and expected counts."""
    raw = metrics.brokerage(G, attr)
    brok = _named(raw, case).sort_values("total", ascending=False, kind="stable")
    brok.attrs["counting"] = raw.attrs["counting"]
    if G.number_of_nodes():
        brok_z = metrics.brokerage_z(G, attr)
        brok_exp = metrics.brokerage_expected(G, attr)
    else:
        brok_z = pd.DataFrame(columns=brok.columns[2:])
        brok_exp = pd.DataFrame(columns=brok.columns[2:])
    brok_z.index.name = "id"
    brok_exp.index.name = "id"
    return brok, brok_z, brok_exp


def _boundary_tables(G, case: Case, attr: str, boundary_attrs, n_permutations: int, seed):
    """E-I per attribute beside its expected value (with a permutation test for ``attr``), per group of ``attr``.

    Returns ``(boundaries, ei_by_group, ei_test, n_perm)``; permutations cost ties x permutations, so
    above PERMUTATION_BUDGET fewer are drawn (at least 100) and the method says how many.
    """
    n_ties = G.number_of_edges()
    n_perm = n_permutations
    if n_ties and n_ties * n_permutations > PERMUTATION_BUDGET:
        n_perm = min(n_permutations, max(100, PERMUTATION_BUDGET // n_ties))
    rows, tests = [], {}
    for a in dict.fromkeys([attr, *boundary_attrs]):
        if a not in case.actors.columns:
            continue
        # the permutation test for the attribute the summary interprets; the others get their expected value
        test = (metrics.ei_test(G, a, n_permutations=n_perm if a == attr else 0, seed=seed, groups=a == attr)
                if G.number_of_nodes() else None)
        tests[a] = test
        net = test.iloc[0] if test is not None else {}
        expected = net.get("expected", float("nan"))
        if a not in boundary_attrs:
            continue
        rows.append({
            "attribute": a,
            "ei": net.get("ei", float("nan")),
            "ei_expected": expected,
            "ei_p": net.get("p", float("nan")),
            "crossing_share": (net["E"] / (net["E"] + net["I"]) if test is not None and net["E"] + net["I"]
                               else float("nan")),
            "crossing_expected": (1 + expected) / 2,
            "blau": metrics.blau_index([G.nodes[n].get(a) for n in G]),
        })
    boundaries = pd.DataFrame(rows, columns=["attribute", "ei", "ei_expected", "ei_p", "crossing_share",
                                             "crossing_expected", "blau"]).set_index("attribute")
    ei_test = tests.get(attr)
    ei_by_group = metrics.ei_index_by_group(G, attr)
    if ei_test is not None and len(ei_by_group):
        groups = ei_test[ei_test["level"] == "group"].set_index("group")
        ei_by_group["expected"] = groups["expected"].reindex(ei_by_group.index).to_numpy()
        ei_by_group["p"] = groups["p"].reindex(ei_by_group.index).to_numpy()
    else:
        ei_by_group["expected"] = pd.Series(dtype=float)
        ei_by_group["p"] = pd.Series(dtype=float)
    if ei_test is None:
        ei_test = pd.DataFrame(columns=["level", "group", "n_actors", "E", "I", "ei", "expected", "perm_mean",
                                        "p_less", "p_greater", "p"])
    return boundaries, ei_by_group, ei_test, n_perm


def _scan(case, opgave, ts, lang, attr, directed, only_opgave_ties, dates, boundary_attrs,
          n_permutations=N_PERMUTATIONS, seed=SEED) -> OpgaveScan:
    G = opgave_graph(case, opgave, at=ts, only_opgave_ties=only_opgave_ties, directed=directed)
    central, cohesion = _centrality_and_cohesion(G, exact_limit=EXACT_LIMIT)
    # the cut points centrality found, in G's node order (as metrics.articulation_points gives them)
    cut_points = central.index[central["articulation_point"].to_numpy(dtype=bool)].tolist()
    centrality = _named(central, case).sort_values("betweenness", ascending=False, kind="stable")
    brok, brok_z, brok_exp = _brokerage_tables(G, case, attr)
    boundaries, ei_by_group, ei_test, n_perm = _boundary_tables(G, case, attr, boundary_attrs, n_permutations, seed)
    ordered_cuts = sorted(cut_points, key=lambda a: -centrality.at[a, "betweenness"] if a in centrality.index else 0)
    cut_effects = metrics.cut_point_effects(G, ordered_cuts[:MAX_CUT_POINTS], exact_limit=EXACT_LIMIT)
    cut_effects.index.name = "id"
    cut_effects = cut_effects.sort_values(["cut_off", "distance_change"], ascending=False, kind="stable")
    # the series runs through 'at' (default: the end of the case's last year with a date)
    form = formation(case, opgave, dates=dates, attr=attr if attr != "domains" else None,
                     only_opgave_ties=only_opgave_ties, at=ts)
    return OpgaveScan(
        case=case, opgave=opgave, at=ts, lang=lang, attr=attr, directed=directed,
        only_opgave_ties=only_opgave_ties, graph=G,
        cohesion=cohesion,
        centrality=centrality,
        articulation_points=ordered_cuts,
        bridges=metrics.bridges(G),
        boundaries=boundaries,
        ei_by_group=ei_by_group,
        ei_by_actor=metrics.ei_index_by_actor(G, attr),
        mixing=metrics.mixing_matrix(G, attr),
        brokerage=brok,
        brokerage_z=brok_z,
        brokerage_expected=brok_exp,
        ei_test=ei_test,
        cut_points=cut_effects,
        coverage=domain_coverage(case, opgave, ts),
        missing_domains=missing_domains(case, opgave, ts),
        scale=scale_fit(case, opgave, ts),
        candidates=candidate_partners(case, opgave, ts, lang=lang),
        unused_expertise=_unused(case, opgave, ts),
        awareness=awareness(case, opgave, ts, lang=lang),
        unaware=unaware_actors(case, opgave, ts),
        formation=form,
        formed_at=formation_moment(form),
        n_permutations=n_perm,
        seed=seed,
    )
