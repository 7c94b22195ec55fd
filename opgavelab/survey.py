"""Network surveys: ask the actors of an opgave who they work with.

Ties do not come from nowhere: a researcher or advisor sends the actors around
an opgave a short questionnaire ("with which of these parties did you work on
this opgave in the past year? how often? since when?") and turns the answers
into a network. This module writes those questionnaires out of a
:class:`~opgavelab.Case` and reads the answers back into a new one.

- :func:`write_questionnaires` writes one workbook per respondent (an
  instructions sheet, the roster of the other actors with dropdown answer
  columns, questions about the respondent's own awareness, commitment and
  domains; structure locked, answer cells open) and one roster CSV for people
  who use a survey tool instead (one row per respondent × alter).
- :func:`read_survey` reads the returned files, checks every answer (all
  problems at once, nothing half-read), and returns a new Case whose ties for
  the opgave come from the answers, each marked *bevestigd* (both sides named
  the pair) or *eenzijdig* (one side did), with the reporters as provenance.
  ``new_case.survey`` is a :class:`SurveyReport`: response rate overall, per
  actor type and per scale, who did not answer, and reciprocity.

Non-response
------------
Network questionnaires are rarely answered by everyone, and a missing actor
takes with it every tie it would have named. Stork & Richards (1992) show that
dropping non-respondents distorts the network and that, for ties that are
symmetric in nature (working together), the reports of respondents about
non-respondents can be used to reconstruct much of what is missing.
``read_survey(ties=...)`` makes the choice explicit:

- ``"any"`` (default): every tie anyone named, including ties with
  non-respondents as reported by the other side (reconstruction);
- ``"confirmed"``: only ties both sides named; strict, so every tie of a
  non-respondent is lost and the network shrinks with non-response;
- ``"reported_by_respondents"``: ties among respondents only (non-respondents'
  ties are dropped; the approach Stork & Richards warn against, useful to see
  how much it changes the picture).

People who do not answer still appear in the network through others' answers;
the instructions sheet tells respondents so (Borgatti & Molina 2003 on the
ethics of organisational network surveys).

References
----------
Stork, D., & Richards, W. D. (1992). Nonrespondents in communication network
studies: Problems and possibilities. *Group & Organization Management*,
17(2), 193–209.

Borgatti, S. P., & Molina, J. L. (2003). Ethical and strategic issues in
organizational social network analysis. *Journal of Applied Behavioral
Science*, 39(3), 337–349.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import html
import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ._checks import _check_case, _check_lang, _check_one_of
from ._i18n import has_message, message, nmessage
from ._sheets import print_setup
from ._values import is_missing
from .errors import PROBLEM_COLUMNS, ValidationError
from .export import _set, neutralise
from . import schema
from ._docs import raises

__all__ = ["write_questionnaires", "read_survey", "simulate_answers", "SurveyReport", "FORMAT", "FORMAT_VERSION"]

#: Marker in the hidden ``_opgavelab`` sheet of every questionnaire.
FORMAT = "opgavelab-survey"
FORMAT_VERSION = 1
META_SHEET = "_opgavelab"

PER = ("actor", "contact")
ACTORS = ("all", "involved")
TIES = ("any", "confirmed", "reported_by_respondents")

#: Tie types for which a direction is asked (money and mandates flow one way).
DIRECTED_TYPES = ("financiering", "mandaat")
#: Answer → tie weight: roughly the number of contacts per quarter, capped.
FREQUENCY_WEIGHT = {"weekly": 4.0, "monthly": 3.0, "yearly": 2.0, "once": 1.0}
FREQUENCIES = tuple(FREQUENCY_WEIGHT)
DIRECTIONS = ("out", "in", "both")
FIRST_YEAR = 1900

# answer sheet layout (fixed; checked against the headers on reading)
_HEADER_ROW = 3
_FIRST_ROW = 4
_COLUMNS = ("id", "name", "type", "scale", "worked", "frequency", "tie_type", "since", "direction", "remark")
_ROSTER_COLUMNS = 4  # id .. scale are the locked roster
_SELF_AWARE_ROW, _SELF_COMMITMENT_ROW, _SELF_DOMAINS_ROW = 3, 4, 7

#: Columns of the roster CSV (data keys stay English; values are in the chosen language).
CSV_COLUMNS = ["opgave", "roster", "respondent", "respondent_name", "contact", "alter", "alter_name", "alter_type",
               "alter_scale",
               "worked_together", "frequency", "tie_type", "since", "direction"]

_BAD_FILE_CHARS = re.compile(r"[^A-Za-z0-9._-]+")


# --------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------

def _m(key: str, lang: str, **fields) -> str:
    return message(f"sv_{key}", lang, **fields)


def _nm(key: str, n: int, lang: str, **fields) -> str:
    return nmessage(f"sv_{key}", n, lang, **fields)


def _safe_name(text) -> str:
    """A file-name-safe version of an id: letters, digits, ``.``, ``_``, ``-``."""
    s = _BAD_FILE_CHARS.sub("-", str(text)).strip(".-")
    return s or "x"


def _contact_column(frame: pd.DataFrame) -> str | None:
    """The first extra column whose header starts with 'contact' (``contactpersoon (persoonsgegeven)``)."""
    for col in frame.columns:
        if schema.normalise_name(col).startswith("contact"):
            return col
    return None


def _choices(lang: str) -> dict[str, dict[str, str]]:
    """Answer lists: key → label in ``lang``."""
    return {
        "yesno": {"yes": _m("yes", lang), "no": _m("no", lang)},
        "frequency": {k: _m(f"freq_{k}", lang) for k in FREQUENCIES},
        "direction": {k: _m(f"dir_{k}", lang) for k in DIRECTIONS},
    }


def _lookup(labels: dict[str, str], extra: Iterable[tuple[str, str]] = ()) -> dict[str, str]:
    """Normalised label (either language) → key, so answers in nl or en both read."""
    out = {}
    for key, text in labels.items():
        out[schema.normalise_name(text)] = key
        out[schema.normalise_name(key)] = key
    for text, key in extra:
        out[schema.normalise_name(text)] = key
    return out


def _answer_lookups(case) -> dict[str, dict[str, str]]:
    both = [_choices("nl"), _choices("en")]
    lookups = {}
    for name in ("yesno", "frequency", "direction"):
        merged = {**both[0][name]}
        lookups[name] = _lookup(merged, [(t, k) for k, t in both[1][name].items()])
    lookups["yesno"].update({"j": "yes", "y": "yes", "n": "no", "true": "yes", "false": "no", "1": "yes", "0": "no"})
    tie = {}
    for lang in ("nl", "en"):
        for value, text in case.labels("tie_type", lang).items():
            tie[schema.normalise_name(text)] = value
            tie[schema.normalise_name(value)] = value
    lookups["tie_type"] = tie
    return lookups


# --------------------------------------------------------------------------
# who is asked
# --------------------------------------------------------------------------

def _roster(case, opgave: str, actors: str) -> pd.DataFrame:
    """The actors in the survey, in type order then name: id, name, type, scale."""
    if actors == "involved":
        ids = pd.unique(case.involvement.loc[case.involvement["opgave"] == opgave, "actor"])
        frame = case.actors.loc[list(ids)]
    else:
        frame = case.actors
    frame = frame[["name", "type", "scale"]].copy()
    frame["_t"] = frame["type"].cat.codes if hasattr(frame["type"], "cat") else 0
    frame = frame.sort_values(["_t", "name"], kind="stable").drop(columns="_t")
    frame.index.name = "id"
    return frame


def _roster_hash(ids) -> str:
    return hashlib.sha256("\x00".join(sorted(map(str, ids))).encode("utf-8")).hexdigest()[:16]


def _respondents(case, roster: pd.DataFrame, per: str) -> pd.DataFrame:
    """One row per respondent: key, actor, contact (None per actor)."""
    rows = []
    if per == "contact":
        col = _contact_column(case.actors)
        if col is None:
            msg = ("per='contact' needs a column of contact persons in the actors sheet, e.g. "
                   "'contactpersoon (persoonsgegeven)' (several separated by ';'); the case has none. "
                   "Add one, or use per='actor'.")
            raise ValueError(msg)
        for aid in roster.index:
            value = case.actors.at[aid, col]
            people = [] if is_missing(value) else [p.strip() for p in str(value).split(";") if p.strip()]
            if not people:
                rows.append({"respondent": str(aid), "actor": aid, "contact": None})
            for i, person in enumerate(people, start=1):
                rows.append({"respondent": f"{aid}#{i}", "actor": aid, "contact": person})
    else:
        rows = [{"respondent": str(aid), "actor": aid, "contact": None} for aid in roster.index]
    return pd.DataFrame(rows, columns=["respondent", "actor", "contact"]).set_index("respondent")


def _respondent_domains(case, opgave: str, actor: str) -> list[str]:
    """The opgave's needed domains, then the actor's own, without repeats."""
    out = []
    for codes in (case.opgaven.at[opgave, "domains"], case.actors.at[actor, "domains"]):
        if isinstance(codes, (list, tuple)):
            out += [c for c in codes if c not in out]
    return out


# --------------------------------------------------------------------------
# writing questionnaires
# --------------------------------------------------------------------------

def write_questionnaires(case, opgave: str, out, lang: str | None = None, per: str = "actor",
                         actors: str = "involved", contact: str | None = None, overwrite: bool = False) -> pd.DataFrame:
    """Write one questionnaire workbook per respondent, and one roster CSV.

    Each workbook (``<opgave>-<actor>.xlsx``) has three sheets:

    - an instructions sheet: who is asking (``contact``), why, how to fill it
      in, how the answers are used and kept, and a contact line;
    - the roster of the *other* actors in the survey (id, name, type, scale;
      locked) with answer columns as dropdowns: worked together in the past
      year (ja/nee), how often, the kind of tie (the case's tie types), since
      (a year; whole-number validation), direction (for funding or a
      mandate) and an optional remark;
    - questions about the respondent itself: does it see itself as part of
      the opgave (awareness), its commitment 1–5, and per domain (the
      opgave's needed domains and the actor's own) whether it contributes.

    Sheets are protected without a password so the structure comes back
    readable; answer cells are unlocked. A hidden sheet records the opgave,
    the respondent and the roster, so :func:`read_survey` can tell a
    questionnaire from another opgave or an older roster.

    The roster CSV (``<opgave>-rooster.csv``/``<opgave>-roster.csv``) holds the
    same questions as one row per respondent × alter, for a survey tool.

    Parameters
    ----------
    case : Case
    opgave : str
        The opgave id.
    out : str or path-like
        The folder to write to (made if missing).
    lang : {"nl", "en"}, optional
        Language of the questionnaires; default the case's language.
    per : {"actor", "contact"}, default "actor"
        One questionnaire per actor, or per contact person: then the actors
        sheet needs a column whose header starts with ``contact`` (for
        example ``contactpersoon (persoonsgegeven)``), several people
        separated by ``;``. File names never contain a person's name.
    actors : {"involved", "all"}, default "involved"
        Ask (and list) the actors involved in the opgave, or every actor of
        the case (to find partners the case does not list as involved yet).
    contact : str, optional
        Who is asking and how to reach them, e.g. ``"Jan de Vries, Regio
        Veenmarken, j.devries@example.nl"``. Default: an opgaven column whose
        header starts with ``contact``, else a general line.
    overwrite : bool, default False
        Replace existing files.

    Returns
    -------
    pandas.DataFrame
        One row per respondent (indexed by the respondent key): ``actor``,
        ``name``, ``contact`` and ``file``; ``.attrs["roster_csv"]`` is the
        path of the roster CSV.

    Raises
    ------
    ValueError
        An unknown opgave, ``lang``, ``per`` or ``actors`` value, or
        ``per="contact"`` without a contact column.
    FileExistsError
        A file exists and ``overwrite`` is false.

    Examples
    --------
    >>> import tempfile, pandas as pd
    >>> from opgavelab import Case
    >>> case = Case.from_frames(
    ...     actors=pd.DataFrame({"id": ["gem", "bedr", "hs"], "naam": ["Gemeente A", "Bedrijf B", "Hogeschool C"],
    ...                          "type": ["overheid", "bedrijf", "kennisinstelling"]}),
    ...     opgaven=pd.DataFrame({"id": ["werk"], "naam": ["Werk"]}),
    ...     involvement=pd.DataFrame({"actor": ["gem", "bedr", "hs"], "opgave": ["werk"] * 3}))
    >>> files = write_questionnaires(case, "werk", tempfile.mkdtemp())
    >>> [p.name for p in files["file"]]
    ['werk-gem.xlsx', 'werk-bedr.xlsx', 'werk-hs.xlsx']
    """
    _check_case(case)
    case._check_opgave(opgave)
    lang = _check_lang(lang or case.lang)  # None: the case's language
    _check_one_of("per", per, PER)
    _check_one_of("actors", actors, ACTORS)
    if contact is not None and not isinstance(contact, str):
        msg = f"'contact' must be a text or None, got {type(contact).__name__}."
        raise TypeError(msg)
    out = Path(out)
    roster = _roster(case, opgave, actors)
    respondents = _respondents(case, roster, per)
    if contact is None:
        col = _contact_column(case.opgaven)
        value = case.opgaven.at[opgave, col] if col else None
        contact = None if is_missing(value) else str(value)
    meta = {
        "format": FORMAT, "version": FORMAT_VERSION, "case": case.name, "opgave": opgave, "lang": lang,
        "per": per, "actors": actors, "roster_hash": _roster_hash(roster.index),
        "created": _dt.date.today().isoformat(),
    }
    from .io import atomic_write

    rows, used = [], set()
    for key, rec in respondents.iterrows():
        actor = rec["actor"]
        suffix = "" if per == "actor" else "-" + key.rsplit("#", 1)[1] if "#" in key else ""
        stem = f"{_safe_name(opgave)}-{_safe_name(actor)}{suffix}"
        # two ids can make the same safe name ('a/b' and 'a-b'): number the second
        path, n = out / f"{stem}.xlsx", 1
        while path in used:
            n += 1
            path = out / f"{stem}-{n}.xlsx"
        used.add(path)
        wb = _questionnaire(case, opgave, roster, key, rec, {**meta, "respondent": key, "actor": actor},
                            contact, lang)
        with atomic_write(path, overwrite=overwrite) as tmp:
            wb.save(tmp)
        rows.append({"respondent": key, "actor": actor, "name": case.actors.at[actor, "name"],
                     "contact": rec["contact"], "file": path})
    csv_path = out / f"{_safe_name(opgave)}-{_m('roster_file', lang)}.csv"
    _write_roster_csv(case, opgave, roster, respondents, csv_path, lang, overwrite, actors)
    result = pd.DataFrame(rows).set_index("respondent")
    result.attrs["roster_csv"] = csv_path
    return result


def _styles():
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="FFB7C4D1")
    return {
        "title": Font(bold=True, size=14, color="FF1F4E79"),
        "bold": Font(bold=True),
        "head_font": Font(bold=True, color="FFFFFFFF"),
        "head_fill": PatternFill("solid", fgColor="FF1F4E79"),
        "locked_fill": PatternFill("solid", fgColor="FFEDF1F5"),
        "grey": Font(color="FF596775", size=9),
        "wrap": Alignment(wrap_text=True, vertical="top"),
        "centre": Alignment(horizontal="center", vertical="center", wrap_text=True),
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
    }


def _named_styles(st):
    from openpyxl.styles import Font, NamedStyle, Protection

    # the workbook's body font, which a named style does not inherit
    roster = NamedStyle(name="roster", font=Font(name="Calibri", size=11), fill=st["locked_fill"],
                        border=st["border"], protection=Protection(locked=True))
    answer = NamedStyle(name="answer", font=Font(name="Calibri", size=11), border=st["border"],
                        protection=Protection(locked=False))
    return roster, answer


def _text(cell, value) -> None:
    """A text cell that a spreadsheet never runs as a formula."""
    _set(cell, value)


def _protect(ws) -> None:
    # no password: the point is that answers come back in place, not secrecy
    ws.protection.sheet = True
    ws.protection.formatCells = False
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.selectLockedCells = False
    ws.protection.selectUnlockedCells = False


def _print_setup(ws, landscape: bool, title_rows: str | None = None) -> None:
    print_setup(ws, landscape=landscape)
    if title_rows:
        ws.print_title_rows = title_rows


def _list_validation(ws, values: list[str], cells: str, lang: str):
    from openpyxl.worksheet.datavalidation import DataValidation

    # the list is given inline: each label is short and free of commas and quotes
    formula = '"' + ",".join(v.replace('"', "'") for v in values) + '"'
    dv = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=True,
                        errorTitle=_m("dv_error_title", lang), error=_m("dv_list_error", lang))
    ws.add_data_validation(dv)
    dv.add(cells)
    return dv


def _questionnaire(case, opgave, roster, key, rec, meta, contact, lang):
    """One respondent's questionnaire workbook: instructions, the roster to answer, questions about
    the respondent, and a hidden sheet describing it (for reading the answers back)."""
    from openpyxl import Workbook

    st = _styles()
    opgave_name = str(case.opgaven.at[opgave, "name"])
    actor = rec["actor"]
    wb = Workbook()
    for style in _named_styles(st):
        wb.add_named_style(style)
    _instructions_sheet(wb.active, st, case, opgave, opgave_name, rec, contact, lang)
    ws, others = _roster_sheet(wb, st, case, roster, actor, opgave_name, lang)
    me, domains = _self_sheet(wb, st, case, opgave, actor, opgave_name, lang)
    _meta_sheet(wb, meta, ws, me, domains, others)
    wb.security.lockStructure = True
    wb.active = 1
    return wb


def _instructions_sheet(info, st, case, opgave, opgave_name, rec, contact, lang) -> None:
    """The first sheet: what the questionnaire is for, who asks, how the answers are used and kept."""
    actor_name = str(case.actors.at[rec["actor"], "name"])
    info.title = _m("sheet_info", lang)
    core = case.opgaven.at[opgave, "core_challenge"] if "core_challenge" in case.opgaven.columns else None
    core = "" if is_missing(core) else f" ({core})"
    person = None if is_missing(rec["contact"]) else str(rec["contact"])
    respondent = actor_name + (f" — {person}" if person else "")
    lines = [
        (_m("title", lang, opgave=opgave_name), None),
        (None, None),
        (_m("for", lang), respondent),
        (_m("who", lang), contact or _m("who_default", lang)),
        (_m("why", lang), _m("why_text", lang, opgave=opgave_name, core=core)),
        (_m("how", lang), _m("how_text", lang, sheet_ties=_m("sheet_ties", lang), sheet_self=_m("sheet_self", lang))),
        (_m("use", lang), _m("use_text", lang)),
        (_m("store", lang), _m("store_text", lang)),
        (_m("contact", lang), contact or _m("contact_default", lang)),
        (_m("return", lang), _m("return_text", lang)),
    ]
    for i, (head, body) in enumerate(lines, start=1):
        a, b = info.cell(i, 1), info.cell(i, 2)
        if head is not None:
            _text(a, head)
        if body is not None:
            _text(b, body)
        a.font = st["title"] if i == 1 else st["bold"]
        if i > 1:  # the title runs on over the empty cell beside it
            a.alignment = b.alignment = st["wrap"]
        if body is not None:
            # rows do not grow by themselves in every spreadsheet: about 95 characters per line at width 100
            info.row_dimensions[i].height = 15 * max(1, -(-len(str(body)) // 95))
    info.column_dimensions["A"].width = 30
    info.column_dimensions["B"].width = 100
    _protect(info)
    _print_setup(info, landscape=False)


def _roster_sheet(wb, st, case, roster, actor, opgave_name, lang):
    """The sheet listing every other actor, with answer columns (worked together, how often, ...)."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    choices = _choices(lang)
    type_labels = case.labels("actor_type", lang)
    scale_labels = case.labels("scale", lang)
    tie_labels = case.labels("tie_type", lang)
    ws = wb.create_sheet(_m("sheet_ties", lang))
    heads = [_m(f"col_{c}", lang) for c in _COLUMNS]
    _text(ws.cell(1, 1), _m("ties_question", lang, opgave=opgave_name))
    ws.cell(1, 1).font = st["title"]
    _text(ws.cell(2, 1), _m("ties_note", lang))
    ws.cell(2, 1).font = st["grey"]
    for j, head in enumerate(heads, start=1):
        c = ws.cell(_HEADER_ROW, j)
        _text(c, head)
        c.font, c.fill, c.alignment, c.border = st["head_font"], st["head_fill"], st["centre"], st["border"]
    ws.row_dimensions[_HEADER_ROW].height = 45
    others = roster[roster.index != actor]
    for i, (aid, r) in enumerate(others.iterrows()):
        row = _FIRST_ROW + i
        values = [aid, r["name"], type_labels.get(r["type"], r["type"]), scale_labels.get(r["scale"], r["scale"])
                  if not is_missing(r["scale"]) else None]
        for j, v in enumerate(values, start=1):
            c = ws.cell(row, j)
            _text(c, v)
            c.style = "roster"
        for j in range(_ROSTER_COLUMNS + 1, len(_COLUMNS) + 1):
            ws.cell(row, j).style = "answer"
    last = _FIRST_ROW + max(len(others), 1) - 1
    col = {name: get_column_letter(j) for j, name in enumerate(_COLUMNS, start=1)}

    def cells(name):
        return f"{col[name]}{_FIRST_ROW}:{col[name]}{last}"

    _list_validation(ws, list(choices["yesno"].values()), cells("worked"), lang)
    _list_validation(ws, list(choices["frequency"].values()), cells("frequency"), lang)
    _list_validation(ws, list(tie_labels.values()), cells("tie_type"), lang)
    _list_validation(ws, list(choices["direction"].values()), cells("direction"), lang)
    this_year = _dt.date.today().year
    dv = DataValidation(type="whole", operator="between", formula1=str(FIRST_YEAR), formula2=str(this_year),
                        allow_blank=True, showErrorMessage=True, errorTitle=_m("dv_error_title", lang),
                        error=_m("dv_year_error", lang, low=FIRST_YEAR, high=this_year))
    ws.add_data_validation(dv)
    dv.add(cells("since"))
    widths = {"id": 16, "name": 52, "type": 26, "scale": 13, "worked": 15, "frequency": 20, "tie_type": 16,
              "since": 10, "direction": 20, "remark": 30}
    for name, w in widths.items():
        ws.column_dimensions[col[name]].width = w
    ws.freeze_panes = ws.cell(_FIRST_ROW, 3)
    _protect(ws)
    _print_setup(ws, landscape=True, title_rows=f"{_HEADER_ROW}:{_HEADER_ROW}")
    return ws, others


def _self_sheet(wb, st, case, opgave, actor, opgave_name, lang):
    """The sheet about the respondent: aware of the opgave, commitment, and its domains to confirm."""
    from openpyxl.styles import Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    choices = _choices(lang)
    me = wb.create_sheet(_m("sheet_self", lang))
    _text(me.cell(1, 1), _m("self_title", lang, opgave=opgave_name))
    me.cell(1, 1).font = st["title"]
    for j, head in enumerate((_m("col_question", lang), _m("col_answer", lang)), start=1):
        c = me.cell(2, j + 1 if j == 2 else 1)
        _text(c, head)
        c.font, c.fill, c.border = st["head_font"], st["head_fill"], st["border"]
    me.cell(2, 2).fill = st["head_fill"]
    me.merge_cells(start_row=2, start_column=1, end_row=2, end_column=2)
    for row, q in ((_SELF_AWARE_ROW, "q_aware"), (_SELF_COMMITMENT_ROW, "q_commitment")):
        _text(me.cell(row, 1), _m(q, lang))
        me.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        me.cell(row, 1).alignment = st["wrap"]
        me.row_dimensions[row].height = 32
        me.cell(row, 3).protection = Protection(locked=False)
        me.cell(row, 3).border = st["border"]
    _list_validation(me, list(choices["yesno"].values()), f"C{_SELF_AWARE_ROW}", lang)
    dv = DataValidation(type="whole", operator="between", formula1="1", formula2="5", allow_blank=True,
                        showErrorMessage=True, errorTitle=_m("dv_error_title", lang),
                        error=_m("dv_commitment_error", lang))
    me.add_data_validation(dv)
    dv.add(f"C{_SELF_COMMITMENT_ROW}")
    _text(me.cell(_SELF_DOMAINS_ROW - 1, 1), _m("q_domains", lang))
    me.merge_cells(start_row=_SELF_DOMAINS_ROW - 1, start_column=1, end_row=_SELF_DOMAINS_ROW - 1, end_column=3)
    me.cell(_SELF_DOMAINS_ROW - 1, 1).font = st["bold"]
    domains = _respondent_domains(case, opgave, actor)
    domain_labels = case.labels("domain", lang)
    for i, code in enumerate(domains):
        row = _SELF_DOMAINS_ROW + i
        for j, v in enumerate((code, domain_labels.get(code, code)), start=1):
            c = me.cell(row, j)
            _text(c, v)
            c.fill, c.border = st["locked_fill"], st["border"]
        me.cell(row, 3).protection = Protection(locked=False)
        me.cell(row, 3).border = st["border"]
    if domains:
        _list_validation(me, list(choices["yesno"].values()),
                         f"C{_SELF_DOMAINS_ROW}:C{_SELF_DOMAINS_ROW + len(domains) - 1}", lang)
    me.column_dimensions["A"].width = 10
    me.column_dimensions["B"].width = 70
    me.column_dimensions["C"].width = 14
    _protect(me)
    _print_setup(me, landscape=False)
    return me, domains


def _meta_sheet(wb, meta, ws, me, domains, others) -> None:
    """A very hidden sheet describing the questionnaire (respondent, sheet names, the roster asked)."""
    hidden = wb.create_sheet(META_SHEET)
    entries = [*meta.items(), ("sheet_ties", ws.title), ("sheet_self", me.title),
               ("domains", "; ".join(domains)), ("n_roster", len(others))]
    for i, (k, v) in enumerate(entries, start=1):
        _text(hidden.cell(i, 1), k)
        _text(hidden.cell(i, 2), v)
    start = len(entries) + 2
    _text(hidden.cell(start, 1), "roster")
    for i, aid in enumerate(others.index, start=start + 1):
        _text(hidden.cell(i, 1), aid)
        _text(hidden.cell(i, 2), others.at[aid, "name"])
    hidden.sheet_state = "veryHidden"
    _protect(hidden)


def _write_roster_csv(case, opgave, roster, respondents, path, lang, overwrite, actors) -> None:
    from .io import atomic_write

    type_labels = case.labels("actor_type", lang)
    scale_labels = case.labels("scale", lang)
    # which actors were asked, and a fingerprint of their ids, to tell an older roster
    roster_hash = f"{actors}:{_roster_hash(roster.index)}"
    rows = []
    for key, rec in respondents.iterrows():
        for aid, r in roster[roster.index != rec["actor"]].iterrows():
            rows.append({
                "opgave": opgave, "roster": roster_hash, "respondent": key,
                "respondent_name": case.actors.at[rec["actor"], "name"],
                "contact": rec["contact"], "alter": aid, "alter_name": r["name"],
                "alter_type": type_labels.get(r["type"], r["type"]),
                "alter_scale": None if is_missing(r["scale"]) else scale_labels.get(r["scale"], r["scale"]),
                "worked_together": None, "frequency": None, "tie_type": None, "since": None, "direction": None,
            })
    frame = pd.DataFrame(rows, columns=CSV_COLUMNS).astype(object)
    frame = frame.map(neutralise)
    with atomic_write(path, overwrite=overwrite) as tmp:
        frame.to_csv(tmp, index=False, encoding="utf-8")


# --------------------------------------------------------------------------
# reading answers
# --------------------------------------------------------------------------

class _Problems:
    """Every problem of every file, each with file, sheet, row, column and a fix."""

    def __init__(self, lang: str):
        self.lang = lang
        self.items: list[dict] = []

    def add(self, key, *, file, sheet=None, row=None, column=None, value=None, severity="error", **fields):
        where = str(file) if sheet is None else f"{file}: {sheet}"
        hint_key = f"sv_{key}_hint"
        hint = message(hint_key, self.lang, **{"value": value, **fields}) if has_message(hint_key) else ""
        self.items.append({"sheet": where, "row": row, "column": column,
                           "value": None if value is None else str(value),
                           "message": _m(key, self.lang, **{"value": value, **fields}),
                           "hint": hint, "severity": severity})

    def errors(self) -> list[dict]:
        return [p for p in self.items if p["severity"] == "error"]

    def warnings(self) -> pd.DataFrame:
        return pd.DataFrame([p for p in self.items if p["severity"] == "warning"], columns=PROBLEM_COLUMNS)


def _files(source) -> tuple[list[Path], str]:
    """The answer files: every .xlsx/.csv in a folder (not hidden, not lock files) or the given list."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix.lower() in (".xlsx", ".xlsm", ".csv")
                           and not p.name.startswith((".", "~$")))
            return files, str(path)
        return [path], str(path)
    if isinstance(source, Iterable):
        files = [Path(p) for p in source]
        return files, ", ".join(p.name for p in files[:3]) + (" …" if len(files) > 3 else "")
    msg = f"'folder_or_files' must be a folder, a file or a list of files, got {type(source).__name__}."
    raise TypeError(msg)


def _year(value) -> int | None | str:
    """A year as int, None when blank, the text itself when not a year."""
    if is_missing(value):
        return None
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.year
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value).strip()
    return int(text) if re.fullmatch(r"\d{4}", text) else text


class _Reader:
    """Reads answer files into reports; collects problems instead of raising."""

    def __init__(self, case, opgave: str, lang: str):
        self.case, self.opgave, self.lang = case, opgave, lang
        self.problems = _Problems(lang)
        self.lookups = _answer_lookups(case)
        self.labels = {name: list(labels.values()) for name, labels in _choices(lang).items()}
        self.labels["tie_type"] = list(case.labels("tie_type", lang).values())
        self.this_year = _dt.date.today().year
        self.by_respondent: dict[str, tuple] = {}  # respondent → (entry, file, reports)
        self._current: list[dict] = []
        self._rosters: dict[str, pd.DataFrame] = {}
        self.settings: dict[tuple, str] = {}  # (per, actors, roster_hash) → first file

    def roster(self, actors: str) -> pd.DataFrame:
        if actors not in self._rosters:
            self._rosters[actors] = _roster(self.case, self.opgave, actors)
        return self._rosters[actors]

    @property
    def respondents(self) -> list[dict]:
        return [entry for entry, _, _ in self.by_respondent.values()]

    @property
    def reports(self) -> list[dict]:
        return [r for _, _, reports in self.by_respondent.values() for r in reports]

    # -- one answer value ----------------------------------------------
    def choice(self, name, value, *, file, sheet, row, column):
        if is_missing(value):
            return None
        key = self.lookups[name].get(schema.normalise_name(value))
        if key is None:
            self.problems.add("bad_value", file=file, sheet=sheet, row=row, column=column, value=value,
                              allowed=", ".join(self.labels[name]))
        return key

    def year(self, value, *, file, sheet, row, column):
        y = _year(value)
        if y is None:
            return None
        if isinstance(y, str) or not FIRST_YEAR <= y <= self.this_year:
            self.problems.add("bad_year", file=file, sheet=sheet, row=row, column=column, value=value,
                              low=FIRST_YEAR, high=self.this_year)
            return None
        return y

    def commitment(self, value, *, file, sheet, row, column):
        y = _year(value)
        if y is None:
            return None
        if isinstance(y, str) or not 1 <= y <= 5:
            self.problems.add("bad_value", file=file, sheet=sheet, row=row, column=column, value=value,
                              allowed="1, 2, 3, 4, 5")
            return None
        return y

    # -- checks shared by workbooks and CSV rosters ---------------------
    def check_respondent(self, meta, file) -> bool:
        ok = True
        if meta.get("opgave") != self.opgave:
            self.problems.add("other_opgave", file=file, value=meta.get("opgave"), found=meta.get("opgave"),
                              expected=self.opgave)
            ok = False
        actor = meta.get("actor")
        if actor not in self.case.actors.index:
            self.problems.add("unknown_respondent", file=file, value=actor)
            ok = False
        self._current = []
        return ok

    def finish(self, entry: dict, where: str) -> None:
        """Keep one respondent's answers; the same respondent answering in two files is a problem.

        A questionnaire returned blank next to a filled one (say the untouched
        roster CSV beside the workbooks) is not a second answer.
        """
        key = entry["respondent"]
        earlier = self.by_respondent.get(key)
        if earlier is not None and earlier[0]["answered"] and entry["answered"]:
            self.problems.add("duplicate", file=where, value=key, other=earlier[1])
            return
        if earlier is None or entry["answered"]:
            self.by_respondent[key] = (entry, where, list(self._current))

    def check_settings(self, meta, file) -> None:
        settings = (meta.get("per"), meta.get("actors"), meta.get("roster_hash"))
        if settings[1] not in ACTORS or settings[0] not in PER:
            self.problems.add("not_questionnaire", file=file)
            return
        if meta.get("opgave") != self.opgave:
            return  # reported by check_respondent
        if self.settings and settings not in self.settings:
            first = next(iter(self.settings.items()))
            if first[0][:2] != settings[:2]:
                detail = (f"{first[1]}: per={first[0][0]}, actors={first[0][1]}; "
                          f"{file}: per={settings[0]}, actors={settings[1]}")
                self.problems.add("mixed_options", file=file, detail=detail)
        self.settings.setdefault(settings, file)
        current = self.roster(settings[1])
        if _roster_hash(current.index) != settings[2]:
            ids = meta.get("roster_ids")
            parts = []
            if ids is not None:
                added = sorted(set(map(str, current.index)) - set(ids) - {meta.get("actor")})
                removed = sorted(set(ids) - set(map(str, current.index)))
                if added:
                    parts.append(_m("roster_added", self.lang, ids=_first_few(added)))
                if removed:
                    parts.append(_m("roster_removed", self.lang, ids=_first_few(removed)))
            self.problems.add("old_roster", file=file, detail="; ".join(parts) or settings[2])

    def file_present(self, path: Path) -> bool:
        """Is there a non-empty file at ``path``; if not, the problem is noted."""
        if not path.exists():
            self.problems.add("missing_file", file=path.name, value=str(path))
            return False
        if path.stat().st_size == 0:
            self.problems.add("empty_file", file=path.name)
            return False
        return True

    # -- a questionnaire workbook ----------------------------------------
    def read_workbook(self, path: Path) -> None:
        name = path.name
        from openpyxl import load_workbook

        try:
            wb = load_workbook(path, data_only=True, read_only=True)
        except Exception as exc:  # noqa: BLE001 - any reason a file is not a workbook is the same problem here
            self.problems.add("unreadable", file=name, detail=type(exc).__name__)
            return
        try:
            self._read_book(wb, name)
        finally:
            wb.close()

    def _read_book(self, wb, name: str) -> None:
        if META_SHEET not in wb.sheetnames:
            self.problems.add("not_questionnaire", file=name)
            return
        meta, roster = {}, []
        hidden = wb[META_SHEET]
        in_roster = False
        for a, b in hidden.iter_rows(min_col=1, max_col=2, values_only=True):
            if a == "roster":
                in_roster = True
            elif in_roster and a is not None:
                roster.append((str(a), b))
            elif a is not None:
                meta[str(a)] = b
        if meta.get("format") != FORMAT:
            self.problems.add("not_questionnaire", file=name)
            return
        meta["roster_ids"] = [r[0] for r in roster]
        self.check_settings(meta, name)
        if not self.check_respondent(meta, name):
            return
        ws_title, me_title = meta.get("sheet_ties"), meta.get("sheet_self")
        if ws_title not in wb.sheetnames or me_title not in wb.sheetnames:
            self.problems.add("not_questionnaire", file=name)
            return
        # read-only sheets: one pass over the rows (cell-by-cell access re-reads the sheet each time)
        ws, me = _Cells(wb[ws_title]), _Cells(wb[me_title])
        q_lang = meta.get("lang") if meta.get("lang") in ("nl", "en") else "nl"
        from openpyxl.utils import get_column_letter

        for j, col in enumerate(_COLUMNS, start=1):
            expected = _m(f"col_{col}", q_lang)
            found = ws.cell(_HEADER_ROW, j).value
            if found != expected:
                self.problems.add("layout_changed", file=name, sheet=ws_title, row=_HEADER_ROW,
                                  column=get_column_letter(j), value=found, expected=expected)
                return
        actor = meta["actor"]
        answered = False
        n_rows = len(roster)
        for i, row in enumerate(ws.rows_from(_FIRST_ROW, len(_COLUMNS))):
            rownum = _FIRST_ROW + i
            cells = dict(zip(_COLUMNS, row))
            if i >= n_rows:
                if any(not is_missing(v) for v in row):
                    self.problems.add("roster_changed", file=name, sheet=ws_title, row=rownum, column="A",
                                      value=cells["id"] or cells["name"], expected="—")
                continue
            exp_id, exp_name = roster[i]
            if str(cells["id"]) != exp_id or str(cells["name"]) != str(exp_name):
                self.problems.add("roster_changed", file=name, sheet=ws_title, row=rownum, column="A",
                                  value=f"{cells['id']} / {cells['name']}", expected=f"{exp_id} / {exp_name}")
                continue
            answered |= self.answer_row(cells, actor, exp_id, meta["respondent"], file=name, sheet=ws_title,
                                        row=rownum, letters={c: get_column_letter(j) for j, c in
                                                             enumerate(_COLUMNS, start=1)})
        aware = self.choice("yesno", me.cell(_SELF_AWARE_ROW, 3).value, file=name, sheet=me_title,
                            row=_SELF_AWARE_ROW, column="C")
        commitment = self.commitment(me.cell(_SELF_COMMITMENT_ROW, 3).value, file=name, sheet=me_title,
                                     row=_SELF_COMMITMENT_ROW, column="C")
        codes = [c.strip() for c in str(meta.get("domains") or "").split(";") if c.strip()]
        contributes = []
        for i, code in enumerate(codes):
            r = _SELF_DOMAINS_ROW + i
            if str(me.cell(r, 1).value) != code:
                self.problems.add("roster_changed", file=name, sheet=me_title, row=r, column="A",
                                  value=me.cell(r, 1).value, expected=code)
                continue
            v = self.choice("yesno", me.cell(r, 3).value, file=name, sheet=me_title, row=r, column="C")
            answered |= v is not None
            if v == "yes":
                contributes.append(code)
        answered |= aware is not None or commitment is not None
        self.finish({"respondent": meta["respondent"], "actor": actor, "file": name, "answered": answered,
                     "aware": aware, "commitment": commitment, "domains": contributes}, name)

    def answer_row(self, cells, actor, alter, respondent, *, file, sheet, row, letters) -> bool:
        """One roster row: a report when worked together. True when anything was filled in."""
        worked = self.choice("yesno", cells["worked"], file=file, sheet=sheet, row=row, column=letters["worked"])
        freq = self.choice("frequency", cells["frequency"], file=file, sheet=sheet, row=row,
                           column=letters["frequency"])
        tie_type = self.choice("tie_type", cells["tie_type"], file=file, sheet=sheet, row=row,
                               column=letters["tie_type"])
        since = self.year(cells["since"], file=file, sheet=sheet, row=row, column=letters["since"])
        direction = self.choice("direction", cells["direction"], file=file, sheet=sheet, row=row,
                                column=letters["direction"])
        details = [v for v in (freq, tie_type, since, direction) if v is not None]
        filled = worked is not None or bool(details) or not is_missing(cells.get("remark"))
        if worked == "no":
            if details:
                self.problems.add("no_with_answers", file=file, sheet=sheet, row=row, column=letters["worked"],
                                  value=cells["worked"], severity="warning")
            return filled
        if worked == "yes" or details:
            self._current.append({"respondent": respondent, "reporter": actor, "alter": alter, "type": tie_type,
                                 "frequency": freq, "since": since, "direction": direction, "file": file,
                                 "row": row})
        return filled

    # -- the roster CSV ---------------------------------------------------
    def read_csv(self, path: Path) -> None:
        name = path.name
        try:
            raw = path.read_bytes()
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = raw.decode("cp1252")
            import io as _io

            first = text.splitlines()[0] if text else ""
            sep = ";" if first.count(";") > first.count(",") else ","
            frame = pd.read_csv(_io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
        except Exception as exc:  # noqa: BLE001 - an unreadable roster is one problem, whatever the cause
            self.problems.add("unreadable", file=name, detail=type(exc).__name__)
            return
        missing = [c for c in CSV_COLUMNS if c not in frame.columns]
        for c in missing:
            self.problems.add("csv_missing_column", file=name, row=1, value=c, allowed=", ".join(CSV_COLUMNS))
        if missing:
            return
        frame = frame.replace({"": None})
        letters = {c: _csv_letter(frame.columns.get_loc(c)) for c in frame.columns}
        if frame.empty:
            self.problems.add("empty_file", file=name)
            return
        others = frame["opgave"][frame["opgave"] != self.opgave]
        if len(others):
            found = others.iloc[0]
            self.problems.add("other_opgave", file=name, row=int(others.index[0]) + 2, column=letters["opgave"],
                              value=found, found=found, expected=self.opgave)
            return
        pairs_seen: dict[tuple, int] = {}
        per = ("contact" if frame["contact"].notna().any() or frame["respondent"].str.contains("#").any()
               else "actor")
        for respondent, group in frame.groupby("respondent", sort=False):
            first_row = int(group.index[0]) + 2
            actor = str(respondent).split("#", 1)[0]
            meta = {"opgave": group["opgave"].iloc[0], "respondent": str(respondent), "actor": actor,
                    "per": per,
                    "roster_hash": group["roster"].iloc[0]}
            meta["actors"] = self._csv_actors(meta["roster_hash"])
            if meta["actors"] is not None:
                meta["roster_hash"] = meta["roster_hash"].split(":", 1)[1]
            if meta["actors"] is None:
                self.problems.add("old_roster", file=name, row=first_row, column=letters["roster"],
                                  value=meta["roster_hash"], detail=meta["roster_hash"])
                continue
            meta["roster_ids"] = None
            self.check_settings(meta, name)
            if not self.check_respondent(meta, f"{name} ({respondent})"):
                continue
            allowed = set(map(str, self.roster(meta["actors"]).index)) - {actor}
            answered = False
            for idx, rec in group.iterrows():
                row = int(idx) + 2
                alter = rec["alter"]
                if alter not in allowed:
                    self.problems.add("csv_unknown_pair", file=name, row=row, column=letters["alter"], value=alter,
                                      respondent=respondent, alter=alter)
                    continue
                if (respondent, alter) in pairs_seen:
                    self.problems.add("duplicate", file=name, row=row, column=letters["respondent"],
                                      value=respondent, other=f"{name} {pairs_seen[(respondent, alter)]}")
                    continue
                pairs_seen[(respondent, alter)] = row
                cells = {"worked": rec["worked_together"], "frequency": rec["frequency"], "tie_type": rec["tie_type"],
                         "since": rec["since"], "direction": rec["direction"]}
                answered |= self.answer_row(cells, actor, alter, str(respondent), file=name, sheet=None, row=row,
                                            letters={"worked": letters["worked_together"], **letters})
            self.finish({"respondent": str(respondent), "actor": actor, "file": name, "answered": answered,
                         "aware": None, "commitment": None, "domains": []}, f"{name} {first_row}")

    def _csv_actors(self, roster_hash):
        """The ``actors`` option of a roster whose fingerprint matches the case now, else None."""
        actors, _, fingerprint = str(roster_hash).partition(":")
        if actors in ACTORS and _roster_hash(self.roster(actors).index) == fingerprint:
            return actors
        return None


class _Cells:
    """The values of a read-only sheet, read once; ``cell(row, col).value`` as openpyxl numbers them."""

    class _Value:
        __slots__ = ("value",)

        def __init__(self, value):
            self.value = value

    def __init__(self, ws):
        self.rows = [tuple(r) for r in ws.iter_rows(values_only=True)]

    def cell(self, row: int, col: int):
        r = self.rows[row - 1] if 0 < row <= len(self.rows) else ()
        return self._Value(r[col - 1] if 0 < col <= len(r) else None)

    def rows_from(self, first: int, width: int):
        for r in self.rows[first - 1:]:
            yield tuple(r[:width]) + (None,) * (width - len(r))


def _first_few(ids: list, n: int = 5) -> str:
    return ", ".join(ids[:n]) + (" …" if len(ids) > n else "")


def _csv_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


# --------------------------------------------------------------------------
# from reports to ties
# --------------------------------------------------------------------------

def _directed_types(case) -> set[str]:
    """Tie types asked with a direction: funding and mandates, and any type the case records as directed."""
    kinds = set(DIRECTED_TYPES) & set(case.labels("tie_type", "nl"))
    if len(case.ties):
        kinds |= set(case.ties.loc[case.ties["directed"], "type"].astype(str))
    return kinds


def _aggregate(reports: pd.DataFrame, case, default_type: str) -> pd.DataFrame:
    """One tie per (pair or ordered pair, type) with its reporters, weight and since.

    A tie is *bevestigd* when the other side of the pair also named the pair
    (in any kind of tie), *eenzijdig* when only one side did.
    """
    directed_kinds = _directed_types(case)
    rows = {}
    named_by: dict[frozenset, set] = {}
    for rec in reports.itertuples(index=False):
        kind = default_type if is_missing(rec.type) else rec.type
        a, b = rec.reporter, rec.alter
        directed = kind in directed_kinds and rec.direction in ("out", "in")
        if directed:
            source, target = (a, b) if rec.direction == "out" else (b, a)
        else:
            source, target = sorted((a, b))
        key = (source, target, kind, directed)
        entry = rows.setdefault(key, {"reporters": [], "weights": [], "since": []})
        if a not in entry["reporters"]:
            entry["reporters"].append(a)
        entry["weights"].append(FREQUENCY_WEIGHT.get(rec.frequency, 1.0))
        if not is_missing(rec.since):
            entry["since"].append(int(rec.since))
        named_by.setdefault(frozenset((a, b)), set()).add(a)
    out = []
    for (source, target, kind, directed), entry in rows.items():
        both = named_by[frozenset((source, target))] >= {source, target}
        out.append({
            "source": source, "target": target, "type": kind,
            "weight": sum(entry["weights"]) / len(entry["weights"]),
            "directed": directed,
            # the earliest year anyone gave: a tie that existed then exists since then
            "since": pd.Timestamp(year=min(entry["since"]), month=1, day=1) if entry["since"] else pd.NaT,
            "confirmation": "bevestigd" if both else "eenzijdig",
            "reported_by": "; ".join(sorted(entry["reporters"])),
        })
    return pd.DataFrame(out, columns=["source", "target", "type", "weight", "directed", "since", "confirmation",
                                      "reported_by"])


def read_survey(folder_or_files, case, opgave: str, ties: str = "any", lang: str | None = None):
    """Read returned questionnaires into a new Case, with a response report.

    Parameters
    ----------
    folder_or_files : str, path-like or list of them
        A folder with the returned ``.xlsx`` questionnaires (and/or a
        completed roster ``.csv``), or the files themselves. Files other
        than ``.xlsx``/``.csv`` in a folder, hidden files and Excel lock
        files (``~$...``) are skipped.
    case : Case
        The case the questionnaires were written from; it is not changed.
    opgave : str
        The opgave id.
    ties : {"any", "confirmed", "reported_by_respondents"}, default "any"
        Which named ties go into the new case (see the module notes on
        non-response and Stork & Richards 1992):

        - ``"any"``: every tie anyone named, also with non-respondents
          (reconstruction from the respondents' reports);
        - ``"confirmed"``: only ties both sides named;
        - ``"reported_by_respondents"``: only ties between two respondents
          (non-respondents and their ties are left out).
    lang : {"nl", "en"}, optional
        Language of problems and the report; default: the case's.

    Returns
    -------
    Case
        A new case. Its ties for ``opgave`` are the ties from the answers
        (the case's earlier ties for this opgave are replaced; other opgaven
        keep theirs), with two extra columns: ``confirmation``
        (``"bevestigd"``: both sides named the pair, ``"eenzijdig"``: one
        side did) and ``reported_by`` (the reporting actor ids, ``;``
        separated). The involvement of every respondent in the opgave takes
        its own answers for ``aware`` and ``commitment`` (left as it was
        where a question was not answered), and a column
        ``domains_contributed``. ``new_case.survey`` is the
        :class:`SurveyReport`.

        A tie's kind is the one named (default: the first tie type of the
        case, ``samenwerking``); its weight the mean of the frequencies named
        (weekly 4, monthly 3, a few times a year 2, once 1); ``since`` the
        earliest year named; it is directed only for funding or a mandate
        with a one-way direction.

    Raises
    ------
    opgavelab.ValidationError
        Listing every problem in every file at once, with file, sheet, row,
        column and a fix: a questionnaire from another opgave or an older
        roster, a changed roster row, a respondent who answered twice, a
        value that is not in the dropdown, an empty or unreadable file.
        Nothing is read when any file has an error.

    Examples
    --------
    >>> import tempfile, pandas as pd
    >>> from opgavelab import Case
    >>> case = Case.from_frames(
    ...     actors=pd.DataFrame({"id": ["gem", "ws"], "naam": ["Gemeente A", "Waterschap W"], "type": ["overheid"] * 2}),
    ...     opgaven=pd.DataFrame({"id": ["water"], "naam": ["Water"]}),
    ...     involvement=pd.DataFrame({"actor": ["gem", "ws"], "opgave": ["water"] * 2}))
    >>> folder = tempfile.mkdtemp()
    >>> files = write_questionnaires(case, "water", folder)
    >>> new = read_survey(folder, case, "water")   # nobody answered yet
    >>> new.survey.response_rate, len(new.survey.non_respondents)
    (0.0, 2)
    """
    _check_case(case)
    case._check_opgave(opgave)
    _check_one_of("ties", ties, TIES)
    lang = _check_lang(lang or case.lang)
    files, shown = _files(folder_or_files)
    reader = _Reader(case, opgave, lang)
    questionnaires = [f for f in files if f.suffix.lower() != ".csv"]
    rosters = [f for f in files if f.suffix.lower() == ".csv"]
    if not files:
        reader.problems.add("no_files", file=shown, path=shown)
    for f in questionnaires:
        if reader.file_present(f):
            reader.read_workbook(f)
    for f in rosters:
        if reader.file_present(f):
            reader.read_csv(f)
    errors = reader.problems.errors()
    if not errors and not reader.settings:
        reader.problems.add("no_files", file=shown, path=shown)
        errors = reader.problems.errors()
    if errors:
        n = len(errors)
        raise ValidationError(errors, lang=lang, title=_m("errors_title_one" if n == 1 else "errors_title", lang, n=n))
    (per, actors, _), _first = next(iter(reader.settings.items()))
    roster = _roster(case, opgave, actors)
    invited = _respondents(case, roster, per)
    answered_rows = pd.DataFrame(reader.respondents, columns=["respondent", "actor", "file", "answered", "aware",
                                                              "commitment", "domains"]).set_index("respondent")
    reports = pd.DataFrame(reader.reports, columns=["respondent", "reporter", "alter", "type", "frequency", "since",
                                                    "direction", "file", "row"])
    answered_keys = set(answered_rows.index[answered_rows["answered"].astype(bool)])
    respondent_actors = {a for k, a in zip(answered_rows.index, answered_rows["actor"]) if k in answered_keys}
    # only the reports of respondents who answered count (a blank returned file is non-response)
    reports = reports[reports["respondent"].isin(answered_keys)]
    default_type = next(iter(case.labels("tie_type", "nl")), "samenwerking")
    named = _aggregate(reports, case, default_type)
    if ties == "confirmed":
        keep = named["confirmation"] == "bevestigd"
    elif ties == "reported_by_respondents":
        keep = named["source"].isin(respondent_actors) & named["target"].isin(respondent_actors)
    else:
        keep = pd.Series(True, index=named.index)
    named["kept"] = keep.astype(bool)
    new_case = _new_case(case, opgave, named[named["kept"]], answered_rows[answered_rows["answered"]
                                                                             .astype(bool)])
    report = SurveyReport._build(case, opgave, roster, invited, answered_rows, reports, named, ties, per, actors,
                                 reader.problems.warnings(), lang)
    new_case.survey = report
    return new_case


def _new_case(case, opgave, kept: pd.DataFrame, answered: pd.DataFrame):
    from .case import Case

    old = case.ties
    new = kept.drop(columns=["kept"]).copy()
    new["opgave"] = opgave
    new["until"] = pd.NaT
    rest = old[old["opgave"] != opgave].copy()
    for col in ("confirmation", "reported_by"):
        if col not in rest.columns:
            rest[col] = None
    columns = list(dict.fromkeys([*old.columns, "confirmation", "reported_by"]))
    for col in columns:
        if col not in new.columns:
            new[col] = None
    ties = pd.concat([rest[columns], new[columns]], ignore_index=True)
    for col in ("source", "target", "opgave"):
        ties[col] = ties[col].astype(old[col].dtype)
    if isinstance(old["type"].dtype, pd.CategoricalDtype):
        ties["type"] = pd.Categorical(ties["type"].astype(object), categories=old["type"].cat.categories)
    ties["directed"] = ties["directed"].astype(bool)
    ties["weight"] = ties["weight"].astype(float)
    for col in ("since", "until"):
        ties[col] = pd.to_datetime(ties[col]).astype(old[col].dtype)
    for col in ("confirmation", "reported_by"):
        ties[col] = ties[col].astype(object).where(ties[col].notna(), None)

    inv = case.involvement.copy(deep=True)
    if "domains_contributed" not in inv.columns:
        inv["domains_contributed"] = None
    inv["domains_contributed"] = inv["domains_contributed"].astype(object)
    # several contact persons of one actor: aware if any says so, the mean commitment, every domain named
    per_actor = answered.groupby("actor", sort=False).agg(
        aware=("aware", lambda s: None if s.isna().all() else bool((s == "yes").any())),  # noqa: PD011
        commitment=("commitment", lambda s: None if s.dropna().empty else round(float(s.dropna().mean()))),
        domains=("domains", lambda s: sorted({c for lst in s for c in lst})),
    )
    for actor, rec in per_actor.iterrows():
        rows = (inv["actor"] == actor) & (inv["opgave"] == opgave)
        if not rows.any():
            continue
        if not is_missing(rec["aware"]):
            inv.loc[rows, "aware"] = bool(rec["aware"])
        if not is_missing(rec["commitment"]):
            inv.loc[rows, "commitment"] = int(rec["commitment"])
        for i in inv.index[rows]:
            inv.at[i, "domains_contributed"] = "; ".join(rec["domains"]) or None
    return Case(actors=case.actors.copy(deep=True), opgaven=case.opgaven.copy(deep=True), involvement=inv,
                ties=ties, vocabularies=case.vocabularies.copy(deep=True), name=case.name, source=case.source,
                warnings=case.warnings.copy(), lang=case.lang)


# --------------------------------------------------------------------------
# the response report
# --------------------------------------------------------------------------

def _rate_table(frame: pd.DataFrame, by: str, labels: dict, lang: str) -> pd.DataFrame:
    grouped = frame.groupby(by, observed=True, sort=False)["answered"]
    table = pd.DataFrame({"invited": grouped.size(), "answered": grouped.sum().astype(int)})
    table["rate"] = table["answered"] / table["invited"]
    order = [k for k in labels if k in table.index]
    table = table.reindex(order + [k for k in table.index if k not in order])
    table.index = pd.Index([str(k) for k in table.index], name=by)
    return table


class SurveyReport:
    """What came back from a network survey: response, non-response, reciprocity.

    Attributes
    ----------
    opgave : str
    ties_rule : str
        The ``ties`` option of :func:`read_survey`.
    actors : pandas.DataFrame
        One row per invited actor (index: actor id): ``name``, ``type``,
        ``scale``, ``invited`` (questionnaires sent), ``answered`` (bool) and
        ``n_named`` (how many others it named).
    respondents : pandas.DataFrame
        One row per questionnaire (index: respondent key): ``actor``,
        ``contact`` (per contact person; personal data), ``file``,
        ``answered``.
    response_rate : float
        Share of invited actors that answered.
    by_type, by_scale : pandas.DataFrame
        ``invited``, ``answered`` and ``rate`` per actor type / scale.
    non_respondents : pandas.DataFrame
        The actors that did not answer: ``name``, ``type``, ``scale``.
    reciprocity : float or None
        Of the pairs in which both sides answered and at least one named the
        other, the share in which both did; None when there is no such pair.
    ties : pandas.DataFrame
        Every tie named, with ``confirmation``, ``reported_by`` and ``kept``
        (whether it is in the new case under ``ties_rule``).
    answers : pandas.DataFrame
        The raw reports: one row per reporter × alter named.
    warnings : pandas.DataFrame
        Problems that did not stop reading (the problem-table columns).
    """

    def __init__(self, **fields):
        self.__dict__.update(fields)

    @classmethod
    def _build(cls, case, opgave, roster, invited, answered_rows, reports, named, ties_rule, per, actors_option,
               warnings, lang):
        actors = roster[["name", "type", "scale"]].copy()
        actors["invited"] = invited.groupby("actor").size().reindex(actors.index).fillna(0).astype(int)
        answered_by_actor = answered_rows.groupby("actor")["answered"].any() if len(answered_rows) else pd.Series(
            dtype=bool)
        actors["answered"] = answered_by_actor.reindex(actors.index).fillna(False).astype(bool)
        actors["n_named"] = (reports.groupby("reporter")["alter"].nunique().reindex(actors.index)
                             .fillna(0).astype(int))
        respondents = invited.copy()
        respondents["file"] = answered_rows["file"].reindex(respondents.index)
        respondents["answered"] = answered_rows["answered"].reindex(respondents.index).fillna(False).astype(bool)
        answered = set(actors.index[actors["answered"]])
        pairs = {}
        for rec in reports.itertuples(index=False):
            if rec.reporter in answered and rec.alter in answered:
                pairs.setdefault(frozenset((rec.reporter, rec.alter)), set()).add(rec.reporter)
        n_pairs = len(pairs)
        n_mutual = sum(1 for who in pairs.values() if len(who) == 2)
        return cls(
            opgave=opgave, opgave_name=str(case.opgaven.at[opgave, "name"]), ties_rule=ties_rule, per=per,
            actors_option=actors_option, lang=lang, actors=actors, respondents=respondents,
            response_rate=float(actors["answered"].mean()) if len(actors) else 0.0,
            by_type=_rate_table(actors, "type", case.labels("actor_type", lang), lang),
            by_scale=_rate_table(actors, "scale", case.labels("scale", lang), lang),
            non_respondents=actors.loc[~actors["answered"], ["name", "type", "scale"]],
            reciprocity=(n_mutual / n_pairs) if n_pairs else None, n_pairs_both_answered=n_pairs,
            n_pairs_mutual=n_mutual, ties=named.reset_index(drop=True), answers=reports.reset_index(drop=True),
            warnings=warnings.reset_index(drop=True),
        )

    # -- words -------------------------------------------------------------
    @raises("lang")
    def summary(self, lang: str | None = None) -> list[str]:
        """The report as sentences: response, who did not answer, reciprocity, the ties kept.

        Parameters
        ----------
        lang : {"nl", "en"}, optional
            Default the report's language.

        Returns
        -------
        list of str
            Four sentences, in ``lang``.

        Examples
        --------
        >>> import shutil, tempfile
        >>> import pandas as pd
        >>> from opgavelab import Case
        >>> case = Case.from_frames(
        ...     actors=pd.DataFrame({"id": ["x", "y", "z"], "name": ["X", "Y", "Z"], "type": ["bedrijf"] * 3}),
        ...     opgaven=pd.DataFrame({"id": ["werk"], "name": ["Werk"]}),
        ...     involvement=pd.DataFrame({"actor": ["x", "y", "z"], "opgave": ["werk"] * 3}),
        ...     ties=pd.DataFrame({"source": ["x", "y"], "target": ["y", "z"], "opgave": ["werk"] * 2,
        ...                        "type": ["samenwerking"] * 2}), lang="en")
        >>> folder = tempfile.mkdtemp()
        >>> files = write_questionnaires(case, "werk", folder)
        >>> _ = simulate_answers(files, case, "werk", response=0.7, seed=2)
        >>> read_survey(folder, case, "werk").survey.summary()[:2]
        ['Response: 1 of the 3 actors answered (33%).', 'Did not answer: Y, Z.']
        >>> shutil.rmtree(folder)
        """
        lang = _check_lang(lang or self.lang)

        def pct(x):
            return f"{x:.0%}"

        n_inv, n_ans = len(self.actors), int(self.actors["answered"].sum())
        lines = [_nm("report_response", n_inv, lang, answered=n_ans, rate=pct(self.response_rate))]
        if len(self.non_respondents):
            shown = list(map(str, self.non_respondents["name"]))
            names = ", ".join(shown[:10]) + (f" … (+{len(shown) - 10}, .non_respondents)" if len(shown) > 10 else "")
            lines.append(_m("report_nonrespondents", lang, names=names))
        else:
            lines.append(_m("report_all_answered", lang))
        if self.reciprocity is None:
            lines.append(_m("report_no_reciprocity", lang))
        else:
            lines.append(_nm("report_reciprocity", self.n_pairs_both_answered, lang, confirmed=self.n_pairs_mutual,
                             rate=pct(self.reciprocity)))
        kept = self.ties[self.ties["kept"]]
        lines.append(_nm("report_ties", len(self.ties), lang, rule=_m(f"rule_{self.ties_rule}", lang),
                         kept=len(kept), confirmed=int((kept["confirmation"] == "bevestigd").sum()),
                         one_sided=int((kept["confirmation"] == "eenzijdig").sum())))
        return lines

    def __repr__(self) -> str:
        head = _m("report_title", self.lang, opgave=self.opgave_name)
        return "\n".join([head, *(f"- {s}" for s in self.summary()), _m("report_next", self.lang, opgave=self.opgave)])

    def _repr_html_(self) -> str:
        esc = html.escape
        lang = self.lang
        cols = {"invited": _m("col_invited", lang), "answered": _m("col_answered", lang), "rate": _m("col_rate", lang)}

        def table(frame):
            shown = frame.rename(columns=cols).copy()
            shown[cols["rate"]] = shown[cols["rate"]].map(lambda x: f"{x:.0%}")
            return shown.to_html(escape=True)

        items = "".join(f"<li>{esc(s)}</li>" for s in self.summary())
        return (f"<div><h4>{esc(_m('report_title', lang, opgave=self.opgave_name))}</h4><ul>{items}</ul>"
                "<div style='display:flex;gap:2em;flex-wrap:wrap;align-items:flex-start'>"
                f"<div>{table(self.by_type)}</div><div>{table(self.by_scale)}</div></div>"
                f"<p><small>{esc(_m('report_next', lang, opgave=self.opgave))}</small></p></div>")

    # -- pseudonymise --------------------------------------------------------
    def _pseudonymised(self, new_ids: dict, new_names: dict) -> SurveyReport:
        """A copy with actor ids and names replaced and contact persons removed."""

        def ids(value):
            if value is None or (isinstance(value, float) and value != value):
                return value
            return "; ".join(new_ids.get(v, v) for v in str(value).split("; "))

        fields = dict(self.__dict__)
        actors = self.actors.copy()
        for old, name in new_names.items():
            if old in actors.index:
                actors.at[old, "name"] = name
        fields["actors"] = actors.rename(index=new_ids)
        fields["non_respondents"] = fields["actors"].loc[~fields["actors"]["answered"], ["name", "type", "scale"]]
        resp = self.respondents.copy()
        resp["actor"] = resp["actor"].map(lambda a: new_ids.get(a, a))
        resp["contact"] = None
        resp.index = pd.Index([new_ids.get(k.split("#")[0], k.split("#")[0]) + (f"#{k.split('#')[1]}" if "#" in k
                               else "") for k in resp.index], name=resp.index.name)
        resp["file"] = None  # file names carry the actor id
        fields["respondents"] = resp
        named = self.ties.copy()
        for col in ("source", "target", "reported_by"):
            named[col] = named[col].map(ids)
        fields["ties"] = named
        answers = self.answers.copy()
        for col in ("reporter", "alter"):
            answers[col] = answers[col].map(lambda a: new_ids.get(a, a))
        answers["respondent"] = answers["respondent"].map(
            lambda k: new_ids.get(k.split("#")[0], k.split("#")[0]) + (f"#{k.split('#')[1]}" if "#" in k else ""))
        answers["file"] = None
        fields["answers"] = answers
        fields["warnings"] = self.warnings.iloc[0:0]
        return SurveyReport(**fields)


# --------------------------------------------------------------------------
# simulated answers, for teaching and testing
# --------------------------------------------------------------------------

def simulate_answers(files: pd.DataFrame, case, opgave: str, *, response: float = 1.0, recall: float = 1.0,
                     at=None, seed: int = 0) -> pd.DataFrame:
    """Fill written questionnaires as respondents would, from the case's own ties.

    The ties of ``opgave`` active at ``at`` are taken as the truth. Each
    respondent answers with probability ``response`` (otherwise its file
    stays blank: non-response); an answering respondent names each of its
    true partners with probability ``recall`` (a forgotten partner makes a
    tie one-sided), with the kind, frequency (from the weight), since and
    direction of the true tie, and answers the questions about itself from
    its involvement (awareness, commitment, its own domains). Seeded, so the
    same call fills the same answers.

    Parameters
    ----------
    files : pandas.DataFrame
        What :func:`write_questionnaires` returned.
    case : Case
        The case the questionnaires were written from.
    opgave : str
    response, recall : float, default 1.0
        Probabilities between 0 and 1.
    at : year or date, optional
        The moment whose ties are the truth; default: the last year of the case.
    seed : int, default 0

    Returns
    -------
    pandas.DataFrame
        Per respondent: ``actor``, ``answered`` (bool) and ``n_named``.

    Raises
    ------
    TypeError
        If ``case`` is not an opgavelab Case.
    ValueError
        If ``opgave`` is not an opgave id of the case, or ``response`` or
        ``recall`` is not a number between 0 and 1.

    Examples
    --------
    >>> import shutil, tempfile
    >>> import pandas as pd
    >>> from opgavelab import Case
    >>> case = Case.from_frames(
    ...     actors=pd.DataFrame({"id": ["gem", "ws", "prov"], "naam": ["Gemeente A", "Waterschap W", "Provincie P"],
    ...                          "type": ["overheid"] * 3}),
    ...     opgaven=pd.DataFrame({"id": ["water"], "naam": ["Water"]}),
    ...     involvement=pd.DataFrame({"actor": ["gem", "ws", "prov"], "opgave": ["water"] * 3}),
    ...     ties=pd.DataFrame({"van": ["gem", "gem"], "naar": ["ws", "prov"], "opgave": ["water"] * 2}))
    >>> folder = tempfile.mkdtemp()
    >>> files = write_questionnaires(case, "water", folder, lang="en")
    >>> simulate_answers(files, case, "water", recall=0.5, seed=1)  # doctest: +NORMALIZE_WHITESPACE
               actor  answered  n_named
    respondent
    gem          gem      True        1
    prov        prov      True        1
    ws            ws      True        0
    >>> shutil.rmtree(folder)
    """
    import numpy as np
    from openpyxl import load_workbook

    _check_case(case)
    case._check_opgave(opgave)
    for name, p in (("response", response), ("recall", recall)):
        if not isinstance(p, (int, float)) or not 0 <= p <= 1:
            msg = f"{name!r} must be a probability between 0 and 1, got {p!r}."
            raise ValueError(msg)
    if at is None and case.years():
        at = case.years()[-1]
    truth = case.ties_at(at, opgave)
    rng = np.random.default_rng(seed)
    weight_freq = {4: "weekly", 3: "monthly", 2: "yearly", 1: "once"}
    inv = case.involvement[case.involvement["opgave"] == opgave].drop_duplicates("actor").set_index("actor")
    rows = []
    for key, rec in files.iterrows():
        actor, path = rec["actor"], Path(rec["file"])
        answers = rng.random() < response
        partners = {}
        for t in truth.itertuples(index=False):
            if actor not in (t.source, t.target):
                continue
            other = t.target if t.source == actor else t.source
            remembered = rng.random() < recall
            if answers and remembered and other not in partners:
                direction = None
                if t.directed:
                    direction = "out" if t.source == actor else "in"
                freq = weight_freq[int(min(4, max(1, round(t.weight))))]
                since = None if pd.isna(t.since) else t.since.year
                kind = None if pd.isna(t.type) else str(t.type)  # a tie without a type: the answer leaves it open
                partners[other] = ("yes", freq, kind, since, direction)
        if answers:
            wb = load_workbook(path)
            lang = dict(wb[META_SHEET].iter_rows(max_col=2, values_only=True)).get("lang", "nl")
            labels = _choices(lang)
            tie_labels = case.labels("tie_type", lang)
            ws = wb[_m("sheet_ties", lang)]
            for row in range(_FIRST_ROW, ws.max_row + 1):
                answer = partners.get(ws.cell(row, 1).value)
                if answer is None:
                    continue
                worked, freq, kind, since, direction = answer
                values = (labels["yesno"][worked], labels["frequency"][freq],
                          None if kind is None else tie_labels.get(kind, kind), since,
                          None if direction is None else labels["direction"][direction])
                for j, v in enumerate(values, start=5):
                    ws.cell(row, j).value = v
            me = wb[_m("sheet_self", lang)]
            if actor in inv.index:
                me.cell(_SELF_AWARE_ROW, 3).value = labels["yesno"]["yes" if inv.at[actor, "aware"] else "no"]
                if not pd.isna(inv.at[actor, "commitment"]):
                    me.cell(_SELF_COMMITMENT_ROW, 3).value = int(inv.at[actor, "commitment"])
            own = case.actors.at[actor, "domains"]
            own = set(own) if isinstance(own, (list, tuple)) else set()
            for row in range(_SELF_DOMAINS_ROW, me.max_row + 1):
                code = me.cell(row, 1).value
                if code is not None:
                    me.cell(row, 3).value = labels["yesno"]["yes" if code in own else "no"]
            wb.save(path)
        rows.append({"respondent": key, "actor": actor, "answered": answers, "n_named": len(partners)})
    return pd.DataFrame(rows).set_index("respondent")
