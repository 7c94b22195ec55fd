"""The opgave scan as one editable Word note for a policy advisor.

:func:`write_docx` (and :meth:`OpgaveScan.to_docx`) writes a ``.docx`` built
on Word's own styles (Title, Heading 1-2, Caption, List Bullet, a table
style, a page number in the footer), so the advisor can restyle and edit it:
a title page; the key message; the opgave; the collective (compass and
network figures, key figures, central actors); from scattered to collective;
who is missing; brokers and key players with a what-if for the key player;
method and caveats with references.

Every sentence about a number comes from the scan's own interpretations
(:meth:`OpgaveScan.summary`'s section methods, :attr:`OpgaveScan.method`) or
from :func:`opgavelab.scenario`; this module only arranges them. Tables show
names, never ids. :func:`docx_to_pdf` converts the note with a headless
LibreOffice when one is installed.
"""

from __future__ import annotations

import io
import math
import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path

import pandas as pd

from ._files import date_suffix, safe_file_name
from ._i18n import fmt_date, fmt_list, fmt_number, fmt_signed, message, nmessage
from . import __version__

__all__ = ["write_docx", "docx_to_pdf", "find_soffice", "REFERENCES"]

#: Literature behind the measures in the note (APA style).
REFERENCES = [
    "Blau, P. M. (1977). Inequality and heterogeneity: A primitive theory of social structure. Free Press.",
    "Borgatti, S. P. (2006). Identifying sets of key players in a social network. Computational and "
    "Mathematical Organization Theory, 12(1), 21–34.",
    "Freeman, L. C. (1977). A set of measures of centrality based on betweenness. Sociometry, 40(1), 35–41.",
    "Gould, R. V., & Fernandez, R. M. (1989). Structures of mediation: A formal approach to brokerage in "
    "transaction networks. Sociological Methodology, 19, 89–126.",
    "Krackhardt, D., & Stern, R. N. (1988). Informal networks and organizational crises: An experimental "
    "simulation. Social Psychology Quarterly, 51(2), 123–140.",
    "Wasserman, S., & Faust, K. (1994). Social network analysis: Methods and applications. Cambridge "
    "University Press.",
]

_TEXT_WIDTH_CM = 16.0  # A4 with 2.5 cm margins
_TABLE_STYLE = "Light List Accent 1"
_FIG_DPI = 200


# --------------------------------------------------------------------------
# small Word helpers
# --------------------------------------------------------------------------
def _field(paragraph, instruction: str, shown: str = "") -> None:
    """A complex field (PAGE, SEQ ...) that Word and LibreOffice update."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def _char(kind):
        run = paragraph.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        run._r.append(el)

    _char("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    _char("separate")
    paragraph.add_run(shown)
    _char("end")


class _Note:
    """The document being built, with numbered figures and tables."""

    def __init__(self, lang: str, dpi: int = _FIG_DPI):
        from docx import Document
        from docx.shared import Cm, Pt

        self.lang = lang
        self.dpi = dpi
        self.doc = Document()
        self.n_fig = 0
        self.n_tab = 0
        sec = self.doc.sections[0]
        sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
        for side in ("left_margin", "right_margin"):
            setattr(sec, side, Cm(2.5))
        sec.top_margin, sec.bottom_margin = Cm(2.2), Cm(2.2)
        sec.different_first_page_header_footer = True  # no page number on the title page
        normal = self.doc.styles["Normal"]
        normal.font.name = "Calibri"
        normal.font.size = Pt(10.5)
        normal.paragraph_format.space_after = Pt(6)
        foot = sec.footer.paragraphs[0]
        foot.alignment = 1  # centre
        _field(foot, "PAGE", "1")
        self.doc.core_properties.language = message("format.language_tag", lang)

    def heading(self, text: str, level: int = 1):
        return self.doc.add_heading(text, level=level)

    def para(self, text: str, style: str | None = None, bold_lead: str | None = None):
        p = self.doc.add_paragraph(style=style)
        if bold_lead:
            p.add_run(bold_lead + ": ").bold = True
        p.add_run(text)
        return p

    def bullets(self, items):
        for item in items:
            self.doc.add_paragraph(item, style="List Bullet")

    def _caption(self, kind: str, number: int, text: str):
        p = self.doc.add_paragraph(style="Caption")
        word = message("doc.fig" if kind == "fig" else "doc.table", self.lang)
        p.add_run(f"{word} ")
        _field(p, f"SEQ {word} \\* ARABIC", str(number))
        p.add_run(". " + text)
        return p

    def figure(self, fig, caption: str, width_cm: float = _TEXT_WIDTH_CM):
        from docx.shared import Cm

        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=self.dpi, facecolor="white")
        buf.seek(0)
        w_in, h_in = fig.get_size_inches()
        width = min(width_cm, 22.0 * w_in / h_in)  # keep tall figures within the page height
        p = self.doc.add_paragraph()
        p.alignment = 1
        p.paragraph_format.keep_with_next = True
        p.add_run().add_picture(buf, width=Cm(width))
        self.n_fig += 1
        self._caption("fig", self.n_fig, caption)

    def table(self, header: list[str], rows: list[list[str]], caption: str, widths_cm=None, numeric=()):
        from docx.shared import Cm, Pt

        self.n_tab += 1
        cap = self._caption("tab", self.n_tab, caption)
        cap.paragraph_format.keep_with_next = True
        t = self.doc.add_table(rows=1, cols=len(header))
        t.style = self.doc.styles[_TABLE_STYLE]
        t.autofit = False
        if widths_cm:
            for j, w in enumerate(widths_cm):
                t.columns[j].width = Cm(w)
        for cell, text in zip(t.rows[0].cells, header):
            cell.text = text
        for row in rows:
            cells = t.add_row().cells
            for cell, text in zip(cells, row):
                cell.text = str(text)
        last = len(t.rows) - 1
        for i, r in enumerate(t.rows):
            _no_split(r)
            for j, cell in enumerate(r.cells):
                for p in cell.paragraphs:
                    p.paragraph_format.space_after = Pt(1)
                    p.paragraph_format.keep_with_next = i < last and len(t.rows) <= 25  # keep short tables whole
                    if j in numeric:
                        p.alignment = 2
                    for run in p.runs:
                        run.font.size = Pt(8 if i == 0 else 9)
                if widths_cm:
                    cell.width = Cm(widths_cm[j])
        self.doc.add_paragraph()
        return t

    def page_break(self):
        self.doc.add_page_break()


# --------------------------------------------------------------------------
# the sections
# --------------------------------------------------------------------------
def _no_split(row) -> None:
    """A table row that does not break across pages."""
    from docx.oxml import OxmlElement

    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))


def _missing_short(scan) -> str:
    """The scan's coverage sentences without the candidates (they follow as a table)."""
    return scan._missing_text(candidates=False)


def _key_player(scan):
    """The one actor whose removal fragments the network most, and the scenario without it (or None)."""
    G = scan.graph
    if G.number_of_nodes() < 3 or G.number_of_edges() == 0:
        return None, None, None
    from ._whatif import build_scenario
    from .metrics.keyplayers import distance_fragmentation, key_players

    kp = key_players(G, 1, goal="fragment", lang=scan.lang)
    if not kp.players:
        return None, None, None
    player = kp.players[0]
    before = distance_fragmentation(G)
    sc = build_scenario(scan.case, scan.opgave, scan.at, scan.lang, scan.attr, scan.only_opgave_ties,
                        remove=[player], add=[], add_ties=[], remove_ties=[], rescan=scan._rescan)
    return player, (before, kp.score, kp.method.get("sampled_sources")), sc


def _first_sentences_of_scenario(sc) -> list[str]:
    """The scenario's parts sentence, and who is cut off and which gaps open, if any."""
    sentences = sc.sentences()[1:]
    keep = [sentences[0]] if sentences else []
    cut = [s for s in sentences[1:] if s in _cut_off_sentences(sc)]
    gaps = [message("sc_gaps_opened", sc.lang, domains=sc._domains(sc.gaps_opened))] if sc.gaps_opened else []
    if not cut and not gaps:  # the network holds: say how much farther apart the others get
        b, a = sc.before.numbers, sc.after.numbers
        if a["n_actors"] and a["average_distance"] == a["average_distance"]:
            from ._whatif import _fmt, _pct

            gaps = [message("sc_distance", sc.lang, before=_fmt(b["average_distance"], sc.lang),
                            after=_fmt(a["average_distance"], sc.lang), reach_before=_pct(b["reach_2"], sc.lang),
                            reach_after=_pct(a["reach_2"], sc.lang))]
    return keep + cut + gaps


def _cut_off_sentences(sc) -> list[str]:
    if not len(sc.cut_off):
        return []
    from ._whatif import _plural

    return [_plural("sc_cut_off", len(sc.cut_off), sc.lang, names=sc._names(sc.cut_off.index))]


def _key_message(scan, player, sc) -> list[str]:
    lang = scan.lang
    out = []
    c = scan.cohesion
    n = int(c["n_actors"])
    if n == 0:
        return [message("scan.collective.none", lang)]
    actors = nmessage("count.actors", n, lang)
    n_comp = int(c["n_weak_components"])
    if n == 1:
        out.append(message("doc.key.single", lang, name=scan._name(next(iter(scan.graph.nodes)))))
    elif scan.formed_at is not None and n_comp == 1:
        out.append(message("doc.key.formed", lang, actors=actors, year=scan.formed_at.year))
    elif n_comp == 1:
        year = scan.formation.index[-1].year if len(scan.formation) else (scan.at.year if scan.at is not None
                                                                         else date.today().year)
        out.append(message("doc.key.one_now", lang, actors=actors, year=year))
    else:
        out.append(message("doc.key.scattered", lang, actors=actors, k=fmt_number(n_comp, lang, 0)))
    out[0] = out[0][0].upper() + out[0][1:]
    if player is not None:
        key = "doc.key.holder" if n_comp == 1 else "doc.key.holder_parts"
        out.append(message(key, lang, name=scan._name(player)))
    cov = scan.coverage
    needed = cov[cov["needed"]] if "needed" in cov.columns else cov.iloc[0:0]
    if len(needed):
        total = fmt_number(len(needed), lang, 0)
        missing = [scan.case.domain_label(d, lang) for d in scan.missing_domains]
        if len(missing) == 1:
            text = message("doc.key.missing", lang, total=total, domains=missing[0])
        elif missing:
            text = message("doc.key.missing_many", lang, total=total, k=fmt_number(len(missing), lang, 0),
                           domains=fmt_list(missing, lang))
        else:
            text = message("doc.key.complete", lang, total=total)
        if missing and len(scan.candidates):
            names = list(dict.fromkeys(scan.candidates["name"].astype(str)))[:3]
            text = text.rstrip(".") + message("doc.key.candidates", lang, names=fmt_list(names, lang))
        out.append(text)
    if sc is not None:
        effect = " ".join(_first_sentences_of_scenario(sc)[:2])
        if len(effect) > 1 and effect[1].islower():  # "Het collectief ..." after a colon
            effect = effect[0].lower() + effect[1:]
        out.append(message("doc.key.without", lang, name=scan._name(player), effect=effect))
    return out


def _opgave_section(note: _Note, scan) -> None:
    lang = scan.lang
    note.heading(message("doc.h.opgave", lang))
    row = scan.case.opgaven.loc[scan.opgave]
    none = message("doc.opgave.none", lang)
    note.para(scan.origin or none, bold_lead=message("doc.opgave.origin", lang))
    note.para(scan.core_challenge or none, bold_lead=message("doc.opgave.core", lang))
    desc = row.get("description") if "description" in row.index else None
    if desc is not None and not (isinstance(desc, float) and math.isnan(desc)) and str(desc).strip():
        note.para(str(desc), bold_lead=message("doc.opgave.description", lang))
    needed = scan.coverage.index[scan.coverage["needed"]].tolist() if "needed" in scan.coverage.columns else []
    domains = fmt_list([scan.case.domain_label(d, lang) for d in needed], lang) if needed else none
    note.para(domains, bold_lead=message("doc.opgave.domains", lang))
    fit = scan.scale.attrs
    if fit.get("needed"):
        level = scan.case.labels("scale", lang).get(fit["needed"], fit["needed"])
        note.para(str(level), bold_lead=message("doc.opgave.scale", lang))
    scale = scan._scale_text()
    if scale:
        note.para(scale)


def _key_figures_rows(scan) -> list[list[str]]:
    lang = scan.lang
    c = scan.cohesion
    rows = [
        [message("doc.kf.actors", lang), fmt_number(int(c["n_actors"]), lang, 0), message("doc.kf.actors.m", lang)],
        [message("doc.kf.ties", lang), fmt_number(int(c["n_ties"]), lang, 0), message("doc.kf.ties.m", lang)],
        [message("doc.kf.density", lang), fmt_number(c["density"], lang, 2), message("doc.kf.density.m", lang)],
        [message("doc.kf.parts", lang), fmt_number(int(c["n_weak_components"]), lang, 0),
         message("doc.kf.parts.m", lang)],
    ]
    if c["average_distance"] == c["average_distance"]:
        rows.append([message("doc.kf.distance", lang), fmt_number(c["average_distance"], lang, 1),
                     message("doc.kf.distance.m", lang)])
    if scan.attr in scan.boundaries.index and scan.boundaries.at[scan.attr, "ei"] == scan.boundaries.at[scan.attr,
                                                                                                          "ei"]:
        b = scan.boundaries.loc[scan.attr]
        rows.append([message("doc.kf.ei", lang, attr=scan._attr_label()), fmt_signed(b["ei"], lang, 2),
                     message("doc.kf.ei.m", lang, expected=fmt_signed(b["ei_expected"], lang, 2))])
    rows.append([message("doc.kf.cut", lang), fmt_number(len(scan.articulation_points), lang, 0),
                 message("doc.kf.cut.m", lang)])
    cov = scan.coverage
    if "needed" in cov.columns and cov["needed"].any():
        needed = cov[cov["needed"]]
        rows.append([message("doc.kf.coverage", lang),
                     f"{fmt_number(int(needed['covered'].sum()), lang, 0)} / {fmt_number(len(needed), lang, 0)}",
                     message("doc.kf.coverage.m", lang)])
    return rows


def _central_rows(scan, limit: int = 10) -> list[list[str]]:
    lang = scan.lang
    cen = scan.centrality
    if not len(cen):
        return []
    col = "betweenness" if "betweenness" in cen.columns else cen.columns[0]
    top = cen.sort_values(col, ascending=False, kind="stable").head(limit)
    types = scan.case.labels("actor_type", lang)
    degree = dict(scan.graph.degree())
    rows = []
    for aid in top.index:
        t = scan.case.actors.at[aid, "type"]
        brok = scan.brokerage.at[aid, "total"] if aid in scan.brokerage.index else 0
        rows.append([scan._name(aid), str(types.get(t, t)), fmt_number(int(degree.get(aid, 0)), lang, 0),
                     fmt_number(float(top.at[aid, col]), lang, 2), fmt_number(int(brok), lang, 0)])
    return rows


def _collective_section(note: _Note, scan, figures) -> None:
    lang = scan.lang
    note.heading(message("doc.h.collective", lang))
    note.para(scan._collective_text())
    if scan.attr in scan.boundaries.index and not math.isnan(scan.boundaries.at[scan.attr, "ei"]):
        note.para(scan._boundaries_text())
    note.para(scan._awareness_text())
    note.figure(figures["compass"](), message("doc.fig.compass", lang))
    note.figure(figures["network"](), message("doc.fig.network", lang))
    note.heading(message("doc.h.key_figures", lang), 2)
    note.table([message("doc.col.measure", lang), message("doc.col.value", lang), message("doc.col.meaning", lang)],
               _key_figures_rows(scan), message("doc.tab.key_figures", lang), widths_cm=(4.2, 2.3, 9.5),
               numeric=(1,))
    rows = _central_rows(scan)
    if rows:
        note.heading(message("doc.h.central", lang), 2)
        note.table([message("doc.col.name", lang), message("doc.col.type", lang), message("doc.col.ties", lang),
                    message("doc.col.betweenness", lang), message("doc.col.brokerage", lang)],
                   rows, message("doc.tab.central", lang), widths_cm=(4.9, 3.4, 1.8, 2.8, 3.1), numeric=(2, 3, 4))


def _formation_section(note: _Note, scan, figures) -> None:
    lang = scan.lang
    text = scan._formation_text()
    if not text:
        return
    note.heading(message("doc.h.formation", lang))
    note.para(text).paragraph_format.keep_with_next = True  # the story stays with its chart
    note.figure(figures["formation"](), message("doc.fig.formation", lang))


def _missing_section(note: _Note, scan, figures) -> None:
    lang = scan.lang
    note.heading(message("doc.h.missing", lang))
    missing = _missing_short(scan)
    if missing:
        note.para(missing)
    scale = scan._scale_text()
    if scale:
        note.para(scale)
    if len(scan.coverage):
        note.figure(figures["coverage"](), message("doc.fig.coverage", lang))
    if len(scan.candidates):
        note.heading(message("doc.h.candidates", lang), 2)
        cand = scan.candidates.head(12)
        types = scan.case.labels("actor_type", lang)
        rows = []
        for aid, r in cand.iterrows():
            t = scan.case.actors.at[aid, "type"] if aid in scan.case.actors.index else ""
            rows.append([str(r.get("name", scan._name(aid))), str(types.get(t, t)), str(r.get("reason", ""))])
        note.table([message("doc.col.name", lang), message("doc.col.type", lang), message("doc.col.reason", lang)],
                   rows, message("doc.tab.candidates", lang), widths_cm=(5.5, 3.5, 7.0))


def _brokers_section(note: _Note, scan, player, fragmentation, sc) -> None:
    lang = scan.lang
    if not len(scan.brokerage) and player is None:
        return
    note.heading(message("doc.h.brokers", lang))
    if len(scan.brokerage):
        note.para(scan._brokers_text())
        b = scan.brokerage
        roles = [r for r in b.columns if r not in ("name", "type", "total")]
        top = b[b["total"] > 0].sort_values("total", ascending=False, kind="stable").head(8)
        if len(top):
            rows = []
            for aid, rec in top.iterrows():
                main = max(roles, key=lambda r: rec[r])
                exp = scan.brokerage_expected.at[aid, "total"] if aid in scan.brokerage_expected.index else math.nan
                z = scan.brokerage_z.at[aid, "total"] if aid in scan.brokerage_z.index else math.nan
                rows.append([scan._name(aid), message(f"role.{main}", lang), fmt_number(int(rec["total"]), lang, 0),
                             "–" if exp != exp else fmt_number(exp, lang, 1),
                             "–" if z != z else fmt_signed(z, lang, 1)])
            note.table([message("doc.col.name", lang), message("doc.col.role", lang), message("doc.col.count", lang),
                        message("doc.col.expected", lang), "z"], rows, message("doc.tab.brokers", lang),
                       widths_cm=(5.8, 4.4, 1.9, 2.1, 1.8), numeric=(2, 3, 4))
    cut = scan._cut_points_text()
    if cut:
        note.para(cut)
    if player is not None:
        before, after, sampled = fragmentation
        name = scan._name(player)
        text = message("doc.kp", lang, name=name, before=fmt_number(before, lang, 2), after=fmt_number(after, lang, 2))
        if sampled:
            text += " " + message("kp_sampled", lang, sources=fmt_number(sampled, lang, 0))
        note.para(text)
        note.heading(message("doc.h.whatif", lang, name=name), 2)
        for s in sc.sentences()[1:]:
            note.para(s, style="List Bullet")


def _method_section(note: _Note, scan, player, pseudonymised: bool) -> None:
    lang = scan.lang
    note.heading(message("doc.h.method", lang))
    note.heading(message("doc.h.how", lang), 2)
    rows = [[str(r["label"]), str(r["text"])] for _, r in scan.method.iterrows()]
    if player is not None:
        rows.append([message("doc.item.key_player", lang), message("doc.kp.method", lang)])
    note.table([message("doc.col.item", lang), message("doc.col.explanation", lang)], rows,
               message("doc.tab.method", lang), widths_cm=(4.0, 12.0))
    note.heading(message("doc.h.data", lang), 2)
    case = scan.case
    if case.source:
        note.para(message("doc.data.source", lang, source=Path(case.source).name))
    n_opg = len(case.opgaven)
    note.para(message("doc.data.case", lang, case=case.name, actors=nmessage("count.actors", len(case.actors), lang),
                      opgaven=message("doc.data.opgaven", lang, n=fmt_number(n_opg, lang, 0)),
                      ties=nmessage("count.ties", len(case.ties), lang)))
    note.para(scan.date_text() + ".", bold_lead=message("doc.data.date", lang))
    if pseudonymised:
        note.para(message("doc.pseudonymised", lang))
    for w in getattr(scan, "notes", []) or []:
        note.para(str(w))
    note.heading(message("doc.h.cannot", lang), 2)
    note.bullets([message(f"doc.cannot.{k}", lang) for k in range(1, 6)])
    note.heading(message("doc.h.references", lang), 2)
    for ref in REFERENCES:
        p = note.para(ref)
        p.paragraph_format.left_indent = _cm(0.75)
        p.paragraph_format.first_line_indent = _cm(-0.75)


def _cm(x):
    from docx.shared import Cm

    return Cm(x)


def _figures(scan, seed: int = 0) -> dict:
    """Figure makers sized for a page of 16 cm wide text."""
    from .draw import layout as _layout
    from .draw.static import coverage_figure, formation_figure, network_figure

    case, opgave, at, lang = scan.case, scan.opgave, scan.at, scan.lang
    G = scan.graph
    cache: dict = {}

    def force():
        if "force" not in cache:
            cache["force"] = _layout.force_layout(G, seed=seed)
        return cache["force"]

    portrait = (7.0, 8.6)
    return {
        "compass": lambda: network_figure(case, opgave, at, G=G, layout=_layout.compass_layout(G, case), lang=lang,
                                          size=portrait),
        "network": lambda: network_figure(case, opgave, at, G=G, layout=force(), lang=lang, size=portrait),
        "coverage": lambda: coverage_figure(scan.coverage, case=case, opgave=opgave, at=at, lang=lang,
                                            size=(7.0, min(8.6, 2.6 + 0.28 * len(scan.coverage)))),
        "formation": lambda: formation_figure(scan.formation, case=case, opgave=opgave, lang=lang, size=(8.6, 6.4)),
    }


# --------------------------------------------------------------------------
# public
# --------------------------------------------------------------------------
def write_docx(scan, path, lang: str | None = None, pseudonymise=False, *, overwrite: bool = False,
               seed: int = 0, dpi: int = _FIG_DPI, _already_pseudonymised: bool = False) -> Path:
    """Write the scan as an editable Word note; see :meth:`OpgaveScan.to_docx`."""
    from ._checks import _check_one_of
    from .io import atomic_write

    lang = lang or scan.lang
    _check_one_of("lang", lang, ["nl", "en"])
    case = scan.case
    if pseudonymise:
        from .privacy import pseudonymise as _pseudonymise

        key = pseudonymise if isinstance(pseudonymise, (str, bytes)) else None
        case = _pseudonymise(case, key=key, lang=lang)
    if lang != scan.lang or case is not scan.case:
        scan = scan._rescan(case, lang=lang)
    player, fragmentation, sc = _key_player(scan)
    figures = _figures(scan, seed=seed)
    note = _Note(lang, dpi=dpi)
    doc = note.doc
    # title page
    for _ in range(6):
        doc.add_paragraph()
    doc.add_paragraph(scan.name, style="Title")
    doc.add_paragraph(message("doc.subtitle", lang, case=case.name), style="Subtitle")
    when = scan.date_text()
    note.para(when[:1].upper() + when[1:])
    note.para(message("doc.made_with", lang, date=fmt_date(pd.Timestamp(date.today()), lang, "long"),
                      version=__version__))
    pseudonymised = bool(pseudonymise) or _already_pseudonymised
    if pseudonymised:
        note.para(message("doc.pseudonymised", lang))
    doc.core_properties.title = scan.name
    doc.core_properties.subject = case.name
    doc.core_properties.author = "opgavelab"
    note.page_break()
    # key message
    note.heading(message("doc.h.key", lang))
    for sentence in _key_message(scan, player, sc):
        note.para(sentence)
    if int(scan.cohesion["n_actors"]) > 0:
        _opgave_section(note, scan)
        _collective_section(note, scan, figures)
        _formation_section(note, scan, figures)
        _missing_section(note, scan, figures)
        _brokers_section(note, scan, player, fragmentation, sc)
    else:
        _opgave_section(note, scan)
    _method_section(note, scan, player, pseudonymised)
    path = Path(path)
    with atomic_write(path, overwrite=overwrite) as tmp:
        doc.save(str(tmp))
    return path


def find_soffice() -> str | None:
    """The path of LibreOffice's ``soffice``, or None when it is not installed."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in ("/usr/lib/libreoffice/program/soffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice"):
        if Path(candidate).exists():
            return candidate
    return None


def docx_to_pdf(path, lang: str = "nl", timeout: float = 180) -> Path:
    """Convert a ``.docx`` to a PDF beside it with a headless LibreOffice.

    Raises
    ------
    FileNotFoundError
        LibreOffice is not installed (the message says how to install it).
    RuntimeError
        The conversion failed.
    """
    path = Path(path)
    soffice = find_soffice()
    if soffice is None:
        raise FileNotFoundError(message("doc.pdf.no_soffice", lang))
    with tempfile.TemporaryDirectory(prefix="opgavelab-soffice-") as profile, \
            tempfile.TemporaryDirectory(prefix="opgavelab-pdf-") as outdir:
        cmd = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", outdir, str(path)]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise RuntimeError(message("doc.pdf.failed", lang, reason=f"timeout {timeout:.0f} s", path=path)) from None
        made = Path(outdir) / (path.stem + ".pdf")
        if proc.returncode != 0 or not made.exists():
            reason = (proc.stderr or proc.stdout or f"exit {proc.returncode}").strip().splitlines()
            raise RuntimeError(message("doc.pdf.failed", lang, reason=reason[-1] if reason else "?", path=path))
        target = path.with_suffix(".pdf")
        shutil.move(str(made), str(target))
    return target


def document_path(out, opgave: str, lang: str = "nl", at=None) -> Path:
    """Where ``opgavelab report --document`` writes the note of one opgave."""
    slug = safe_file_name(opgave)
    return Path(out) / slug / f"{slug}-{message('doc.file', lang)}{date_suffix(at)}.docx"
