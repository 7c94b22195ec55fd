"""Exercises for the teaching notebooks: feedback on an answer without giving it away.

Every exercise of the numbered notebooks has an id (``"3.2"``). Its right
answer is computed from the case passed in, never stored, so the exercises
stay right when a case changes. :func:`check` says whether an answer is right
and, if not, gives a hint; it never prints the answer. Questions that ask for
judgement (what does this number mean for the opgave, what would you advise)
have a model answer that :func:`reflection` shows only when asked for.

>>> from opgavelab import oefenen
>>> oef = oefenen.Exercises(case, opgave="economie", at=2024)    # doctest: +SKIP
>>> oef.check("3.1", "eb")                                       # doctest: +SKIP
>>> oef.reflection("3.2")                                        # doctest: +SKIP

Texts come from the catalogue (``oefenen.*`` keys), in Dutch or English.
"""

from __future__ import annotations

__all__ = ["Exercises", "Feedback", "check", "exercises", "reflection"]

import html
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pandas as pd

from ._i18n import fmt_list, fmt_number, fmt_signed, has_message, message, nmessage
from ._docs import raises

_LANGS = ("nl", "en")


# --------------------------------------------------------------------------
# feedback
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class Feedback:
    """The outcome of :func:`check`: right or not, and a text that never states the answer.

    ``bool(feedback)`` is ``feedback.correct``.
    """

    exercise: str
    correct: bool
    text: str
    lang: str = "nl"

    def __bool__(self) -> bool:
        return self.correct

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text

    def _repr_html_(self) -> str:
        colour = "#1b7837" if self.correct else "#b2182b"
        mark = "✔" if self.correct else "✘"
        body = html.escape(self.text).replace("\n", "<br>")
        return (f'<div style="border-left:4px solid {colour};padding:4px 10px">'
                f'<b style="color:{colour}">{mark} {html.escape(self.exercise)}</b> {body}</div>')


@dataclass(frozen=True)
class _Reflection:
    exercise: str
    text: str

    def __repr__(self) -> str:
        return self.text

    def _repr_markdown_(self) -> str:
        return self.text


# --------------------------------------------------------------------------
# the exercises
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class _Exercise:
    id: str
    kind: str                       # one_of, set, number, choice, year, reflection
    answer: Callable | None = None  # (ctx) -> expected; one_of: a set of accepted values
    entity: str | None = None       # "actor", "opgave" or None: how names are read
    tolerance: float = 0.0
    choices: dict = field(default_factory=dict)   # choice: canonical -> accepted words
    reflect: Callable | None = None  # (ctx, lang) -> dict of fields for the reflection text


class _Context:
    """What an exercise may compute from: the case, an opgave, a date, extra objects."""

    def __init__(self, case, opgave=None, at=None, **extra):
        self.case = case
        self.opgave = opgave
        self.at = at
        self.extra = extra
        self._graph = None

    def need(self, name: str):
        if name == "case":
            if self.case is None:
                raise ValueError(message("oefenen.need_case", self._lang()))
            return self.case
        if name == "opgave":
            if self.opgave is None:
                raise ValueError(message("oefenen.need_opgave", self._lang()))
            self.need("case")._check_opgave(self.opgave)
            return self.opgave
        if name in self.extra and self.extra[name] is not None:
            return self.extra[name]
        raise ValueError(message("oefenen.need_extra", self._lang(), name=name))

    def _lang(self) -> str:
        return self.extra.get("lang") or "nl"

    def graph(self):
        if self._graph is None:
            from .network import opgave_graph

            self._graph = opgave_graph(self.need("case"), self.need("opgave"), at=self.at)
        return self._graph

    def name(self, actor) -> str:
        case = self.need("case")
        return str(case.actors["name"].get(actor, actor))


def _argmax_set(series: pd.Series) -> set:
    if series.empty:
        return set()
    top = series.max()
    return set(series.index[series == top])


# ---- 01 --------------------------------------------------------------------
def _a_1_1(ctx):
    case = ctx.need("case")
    return _argmax_set(case.involvement.groupby("opgave")["actor"].nunique())


def _a_1_2(ctx):
    from .network import overlap_graph

    G = overlap_graph(ctx.need("case"), at=ctx.at)
    if G.number_of_edges() == 0:
        return set()
    top = max(w for _, _, w in G.edges(data="weight"))
    return {frozenset((u, v)) for u, v, w in G.edges(data="weight") if w == top}


def _a_1_3(ctx):
    from .metrics.comparison import linking_pins

    return set(linking_pins(ctx.need("case"), ctx.need("opgave"), ctx.need("other"), at=ctx.at).index)


def _r_1_3(ctx, lang):
    from .metrics.comparison import compare_opgaven, linking_pins

    case, a, b = ctx.need("case"), ctx.need("opgave"), ctx.need("other")
    cmp = compare_opgaven(case, a, b, at=ctx.at)
    pins = linking_pins(case, a, b, at=ctx.at)
    names = [ctx.name(x) for x in pins.index[:3]]
    return {"a": case.opgaven.at[a, "name"], "b": case.opgaven.at[b, "name"],
            "n_shared": nmessage("oefenen.phrase.shared_actors", cmp.at["actors", "n_shared"], lang),
            "jaccard": fmt_number(cmp.at["actors", "jaccard"], lang, 2),
            "pins": fmt_list(names, lang) or "–",
            "domains": nmessage("oefenen.phrase.shared_domains", cmp.at["needed_domains", "n_shared"], lang)}


# ---- 02 --------------------------------------------------------------------
def _a_2_1(ctx):
    problems = ctx.need("problems")
    return int((problems["severity"] == "error").sum())


def _a_2_2(ctx):
    problems = ctx.need("problems")
    typo = ctx.need("typo")
    hints = problems.loc[problems["value"].astype(str) == str(typo), "hint"].astype(str)
    found = set()
    for h in hints:
        found |= set(re.findall(r"'([^']+)'", h))
    return found - {str(typo)}


# ---- 03 --------------------------------------------------------------------
def _a_3_1(ctx):
    from .metrics import centrality

    return _argmax_set(centrality(ctx.graph())["betweenness"])


def _top_broker(ctx):
    from .metrics import centrality

    bet = centrality(ctx.graph())["betweenness"]
    return sorted(_argmax_set(bet), key=str)[0]


def _a_3_2(ctx):
    from .metrics import cut_point_effects

    top = _top_broker(ctx)
    effects = cut_point_effects(ctx.graph())
    return int(effects.at[top, "cut_off"]) if top in effects.index else 0


def _r_3_2(ctx, lang):
    from .metrics import cut_point_effects

    top = _top_broker(ctx)
    effects = cut_point_effects(ctx.graph(), points=[top])
    change = float(effects.at[top, "distance_change"]) if top in effects.index else float("nan")
    return {"name": ctx.name(top), "cut_off": nmessage("oefenen.phrase.cut_off", _a_3_2(ctx), lang),
            "change": "–" if math.isnan(change) else fmt_signed(change * 100, lang, 0) + "%"}


def _a_3_3(ctx):
    from .metrics.governance import governance_profile

    return float(governance_profile(ctx.graph())["hub_tie_share"])


def _r_3_3(ctx, lang):
    from .metrics.governance import governance_profile

    p = governance_profile(ctx.graph())
    return {"name": ctx.name(p["hub"]), "share": fmt_number(p["hub_tie_share"] * 100, lang, 0) + "%",
            "centralization": fmt_number(p["degree_centralization"], lang, 2)}


# ---- 04 --------------------------------------------------------------------
def _a_4_1(ctx):
    from .metrics import ei_index

    return float(ei_index(ctx.graph(), "type"))


def _a_4_2(ctx):
    from .metrics import ei_expected

    return float(ei_expected(ctx.graph(), "type"))


def _a_4_3(ctx):
    return "inside" if _a_4_1(ctx) < _a_4_2(ctx) else "outside"


def _r_4_3(ctx, lang):
    return {"ei": fmt_signed(_a_4_1(ctx), lang), "expected": fmt_signed(_a_4_2(ctx), lang)}


def _a_4_4(ctx):
    G = ctx.graph()
    k = len({G.nodes[n].get("type") for n in G})
    return 1 - 1 / k if k else float("nan")


def _a_4_5(ctx):
    from .metrics import brokerage

    return _argmax_set(brokerage(ctx.graph(), "type")["liaison"])


def _r_4_5(ctx, lang):
    from .metrics import brokerage, brokerage_z

    top = sorted(_a_4_5(ctx), key=str)[0]
    count = brokerage(ctx.graph(), "type").at[top, "liaison"]
    z = brokerage_z(ctx.graph(), "type").at[top, "liaison"]
    return {"name": ctx.name(top), "n": fmt_number(count, lang, 0), "z": fmt_number(z, lang, 1)}


# ---- 05 --------------------------------------------------------------------
def _formation(ctx, opgave=None):
    from .metrics.formation import formation

    return formation(ctx.need("case"), opgave or ctx.need("opgave"), at=ctx.at)


def _a_5_1(ctx):
    frame = _formation(ctx)
    drop = -frame["n_components"].diff()
    if drop.dropna().empty or drop.max() <= 0:
        return {None}
    return {int(t.year) for t in drop.index[drop == drop.max()]}


def _a_5_2(ctx):
    from .metrics.formation import formation

    case = ctx.need("case")
    out = set()
    for o in case.opgaven.index:
        frame = formation(case, o)
        frame = frame[frame["n_actors"] >= 2]
        if not frame.empty and int(frame["n_components"].iloc[0]) > 1:
            out.add(o)
    return out


def _r_5_2(ctx, lang):
    case = ctx.need("case")
    names = [str(case.opgaven.at[o, "name"]) for o in sorted(_a_5_2(ctx))]
    return {"opgaven": fmt_list(names, lang) or "–"}


def _a_5_3(ctx):
    from .metrics.formation import formation_moment

    moment = formation_moment(_formation(ctx))
    return None if moment is None else int(moment.year)


def _a_5_4(ctx):
    from .metrics import bridges

    return len(bridges(ctx.graph()))


def _r_5_4(ctx, lang):
    G = ctx.graph()
    at = G.graph.get("at")
    when = (message("oefenen.when.year", lang, year=at.year) if isinstance(at, pd.Timestamp)
            else message("oefenen.when.all_years", lang))
    return {"n": nmessage("oefenen.phrase.bridges", _a_5_4(ctx), lang), "when": when}


# ---- 06 --------------------------------------------------------------------
def _a_6_1(ctx):
    from .metrics.coverage import missing_domains

    return set(missing_domains(ctx.need("case"), ctx.need("opgave"), at=ctx.at))


def _a_6_2(ctx):
    from .metrics.coverage import missing_domains

    case = ctx.need("case")
    return {o for o in case.opgaven.index if missing_domains(case, o, at=ctx.at)}


def _a_6_3(ctx):
    from .metrics.awareness import unaware_actors

    return set(unaware_actors(ctx.need("case"), ctx.need("opgave"), at=ctx.at).index)


def _a_6_4(ctx):
    G = ctx.graph()
    return sum(1 for a in _a_6_3(ctx) if a in G and G.degree(a) == 0)


def _r_6_4(ctx, lang):
    G = ctx.graph()
    unaware = sorted(_a_6_3(ctx), key=str)
    via = sorted({ctx.name(n) for a in unaware if a in G for n in G.neighbors(a) if n not in unaware})
    return {"n": nmessage("oefenen.phrase.unaware", len(unaware), lang),
            "isolated": nmessage("oefenen.phrase.isolated", _a_6_4(ctx), lang),
            "via": fmt_list(via[:4], lang) or "–"}


def _a_6_5(ctx):
    from .metrics.coverage import candidate_partners

    return set(candidate_partners(ctx.need("case"), ctx.need("opgave"), at=ctx.at).index)


# ---- 07 --------------------------------------------------------------------
def _a_7_1(ctx):
    case = ctx.need("case")
    shared = ctx.need("shared")
    citizens = case.actors.index[case.actors["type"] == "burger"]
    names = set(shared.actors["name"].astype(str))
    return int(sum(1 for a in citizens if str(case.actors.at[a, "name"]) not in names))


# ---- 08 --------------------------------------------------------------------
def _a_8_1(ctx):
    from ._scenario import scenario

    result = scenario(ctx.need("case"), ctx.need("opgave"), at=ctx.at, remove=[ctx.need("actor")])
    return set(result.cut_off.index)


_EXERCISES: dict[str, _Exercise] = {e.id: e for e in [
    _Exercise("1.1", "one_of", _a_1_1, entity="opgave"),
    _Exercise("1.2", "one_of", _a_1_2, entity="opgave_pair"),
    _Exercise("1.3", "set", _a_1_3, entity="actor", reflect=_r_1_3),
    _Exercise("2.1", "number", _a_2_1),
    _Exercise("2.2", "one_of", _a_2_2),
    _Exercise("2.3", "reflection"),
    _Exercise("3.1", "one_of", _a_3_1, entity="actor"),
    _Exercise("3.2", "number", _a_3_2, reflect=_r_3_2),
    _Exercise("3.3", "share", _a_3_3, tolerance=0.01, reflect=_r_3_3),
    _Exercise("4.1", "number", _a_4_1, tolerance=0.005),
    _Exercise("4.2", "number", _a_4_2, tolerance=0.005),
    _Exercise("4.3", "choice", _a_4_3, reflect=_r_4_3,
              choices={"inside": {"binnen", "inside", "within", "intern", "internal", "in"},
                       "outside": {"buiten", "outside", "extern", "external", "over", "across"}}),
    _Exercise("4.4", "number", _a_4_4, tolerance=0.005),
    _Exercise("4.5", "one_of", _a_4_5, entity="actor", reflect=_r_4_5),
    _Exercise("5.1", "one_of", _a_5_1),
    _Exercise("5.2", "set", _a_5_2, entity="opgave", reflect=_r_5_2),
    _Exercise("5.3", "year", _a_5_3),
    _Exercise("5.4", "number", _a_5_4, reflect=_r_5_4),
    _Exercise("6.1", "set", _a_6_1),
    _Exercise("6.2", "set", _a_6_2, entity="opgave"),
    _Exercise("6.3", "set", _a_6_3, entity="actor"),
    _Exercise("6.4", "number", _a_6_4, reflect=_r_6_4),
    _Exercise("6.5", "one_of", _a_6_5, entity="actor", reflect=lambda ctx, lang: {}),
    _Exercise("7.1", "number", _a_7_1),
    _Exercise("7.2", "reflection"),
    _Exercise("8.1", "set", _a_8_1, entity="actor"),
    _Exercise("8.3", "reflection"),
    _Exercise("10.1", "reflection"),
]}


# --------------------------------------------------------------------------
# checking
# --------------------------------------------------------------------------
def _check_lang(lang) -> str:
    if lang not in _LANGS:
        msg = f"'lang' must be one of {list(_LANGS)}, got {lang!r}."
        raise ValueError(msg)
    return lang


def _exercise(exercise) -> _Exercise:
    key = str(exercise).strip()
    if key not in _EXERCISES:
        msg = f"'exercise' must be one of {list(_EXERCISES)}, got {exercise!r}; see opgavelab.oefenen.exercises()."
        raise ValueError(msg)
    return _EXERCISES[key]


def _norm_text(x) -> str:
    return re.sub(r"\s+", " ", str(x)).strip().casefold()


def _resolve(value, entity, ctx):
    """An id for a name or id the student typed (case- and space-insensitive)."""
    if entity is None or value is None:
        return value.strip() if isinstance(value, str) else value
    case = ctx.case
    if case is None:
        return value
    frame = case.actors if entity == "actor" else case.opgaven
    if value in frame.index:
        return value
    wanted = _norm_text(value)
    for idx in frame.index:
        if _norm_text(idx) == wanted or _norm_text(frame.at[idx, "name"]) == wanted:
            return idx
    return value


def _as_items(answer) -> list | None:
    if isinstance(answer, (str, bytes)) or not isinstance(answer, Iterable):
        return None
    if isinstance(answer, (pd.Series, pd.Index)):
        return list(answer)
    return list(answer)


def _as_number(answer):
    if isinstance(answer, bool):
        return None
    if isinstance(answer, str):
        try:
            return float(answer.replace(",", ".").replace("−", "-").strip())
        except ValueError:
            return None
    try:
        value = float(answer)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(value) else value


def _feedback(ex: _Exercise, correct: bool, lang: str, extra: str = "") -> Feedback:
    parts = [message("oefenen.correct" if correct else "oefenen.wrong", lang)]
    if extra:
        parts.append(extra)
    if not correct:
        parts.append(message(f"oefenen.hint.{ex.id}", lang))
    elif ex.reflect is not None or ex.kind == "reflection":
        parts.append(message("oefenen.ask_reflection", lang, exercise=ex.id))
    return Feedback(ex.id, correct, " ".join(p for p in parts if p), lang)


def _wrong_kind(ex: _Exercise, lang: str, what: str, answer) -> Feedback:
    text = message("oefenen.wrong_kind", lang, expected=message(f"oefenen.kind.{what}", lang),
                   got=repr(answer)[:60])
    return Feedback(ex.id, False, text, lang)


def _judge(ex: _Exercise, answer, ctx: _Context, lang: str) -> Feedback:
    expected = ex.answer(ctx)
    if ex.kind == "one_of":
        if ex.entity == "opgave_pair":
            items = _as_items(answer)
            if items is None or len(items) != 2:
                return _wrong_kind(ex, lang, "pair", answer)
            given = frozenset(_resolve(x, "opgave", ctx) for x in items)
        else:
            given = _resolve(answer, ex.entity, ctx)
            if expected and all(isinstance(x, int) for x in expected):
                number = _as_number(given)      # a year typed as text or as 2019.0 is fine
                given = int(number) if number is not None and float(number).is_integer() else given
        correct = given in expected
        extra = ""
        if correct and len(expected) > 1:
            extra = nmessage("oefenen.also_right", len(expected) - 1, lang)
        return _feedback(ex, correct, lang, extra)
    if ex.kind == "set":
        items = _as_items(answer)
        if items is None:
            items = [answer] if isinstance(answer, str) else None
        if items is None:
            return _wrong_kind(ex, lang, "list", answer)
        given = {_resolve(x, ex.entity, ctx) for x in items}
        given = {str(x) for x in given}
        wanted = {str(x) for x in expected}
        if given == wanted:
            return _feedback(ex, True, lang)
        extra = message("oefenen.set_partial", lang, right=fmt_number(len(given & wanted), lang, 0),
                        total=fmt_number(len(wanted), lang, 0), extra=fmt_number(len(given - wanted), lang, 0))
        return _feedback(ex, False, lang, extra)
    if ex.kind in ("number", "share"):
        value = _as_number(answer)
        if value is None:
            return _wrong_kind(ex, lang, "number", answer)
        if expected is None or (isinstance(expected, float) and math.isnan(expected)):
            return _feedback(ex, False, lang)
        tolerance = ex.tolerance if ex.tolerance else 1e-9
        if ex.kind == "share" and value > 1 and abs(value / 100 - expected) <= tolerance:
            value = value / 100     # a percentage is fine too
        if abs(value - expected) <= tolerance:
            return _feedback(ex, True, lang)
        side = message("oefenen.too_high" if value > expected else "oefenen.too_low", lang)
        return _feedback(ex, False, lang, side)
    if ex.kind == "year":
        if answer is None or (isinstance(answer, str) and _norm_text(answer) in {"none", "geen", "nooit", "never"}):
            given = None
        else:
            value = _as_number(answer.year if isinstance(answer, pd.Timestamp) else answer)
            if value is None:
                return _wrong_kind(ex, lang, "year", answer)
            given = int(value)
        return _feedback(ex, given == expected, lang)
    if ex.kind == "choice":
        word = _norm_text(answer)
        known = {w: canon for canon, words in ex.choices.items() for w in words}
        if word not in known:
            return Feedback(ex.id, False, message(f"oefenen.choose.{ex.id}", lang), lang)
        return _feedback(ex, known[word] == expected, lang)
    msg = f"exercise {ex.id} has an unknown kind {ex.kind!r}"
    raise AssertionError(msg)


def check(exercise: str, answer=None, case=None, *, opgave: str | None = None, at=None,
          lang: str = "nl", **context) -> Feedback:
    """Check an answer to an exercise of the teaching notebooks.

    Parameters
    ----------
    exercise : str
        The exercise id as the notebook shows it, e.g. ``"3.2"``.
    answer : object
        The student's answer: an id or a name (case-insensitive), a number
        (a decimal comma is fine), a year, a list of ids, or a word.
    case : Case, optional
        The case the answer is about; the right answer is computed from it.
    opgave : str, optional
        The opgave of the exercise (as the notebook says).
    at : year, date or None
        The snapshot of the exercise.
    lang : {"nl", "en"}, default "nl"
    **context
        What some exercises need besides a case: ``other`` (a second opgave),
        ``problems`` (a validation table), ``typo``, ``shared`` (a
        pseudonymised case), ``actor`` (the actor a scenario removes).

    Returns
    -------
    Feedback
        ``correct`` and a text with a hint when the answer is not right yet.
        The right answer itself is never in the text.

    Raises
    ------
    ValueError
        For an unknown exercise id or language, or when the exercise needs a
        case, opgave or other object that was not passed.

    Examples
    --------
    >>> import networkx as nx, pandas as pd
    >>> from opgavelab import Case
    >>> case = Case.from_frames(
    ...     actors=pd.DataFrame({"id": ["a", "b", "c"], "naam": ["A", "B", "C"], "type": ["overheid"] * 3}),
    ...     opgaven=pd.DataFrame({"id": ["o"], "naam": ["O"]}),
    ...     involvement=pd.DataFrame({"actor": ["a", "b", "c"], "opgave": ["o"] * 3}),
    ...     ties=pd.DataFrame({"van": ["a", "a"], "naar": ["b", "c"]}))
    >>> bool(check("3.1", "a", case, opgave="o")), bool(check("3.1", "b", case, opgave="o"))
    (True, False)
    """
    lang = _check_lang(lang)
    ex = _exercise(exercise)
    if ex.kind == "reflection":
        text = message("oefenen.reflection_only", lang, exercise=ex.id)
        return Feedback(ex.id, True, text, lang)
    if answer is Ellipsis:
        return Feedback(ex.id, False, message("oefenen.not_filled", lang), lang)
    ctx = _Context(case, opgave, at, lang=lang, **context)
    return _judge(ex, answer, ctx, lang)


@raises("as_check")
def reflection(exercise: str, case=None, *, opgave: str | None = None, at=None, lang: str = "nl",
               **context):
    """A model answer to the judgement part of an exercise; call it after thinking it through yourself.

    The model answer reasons from the numbers of the case passed in.

    Parameters
    ----------
    exercise, case, opgave, at, lang, **context
        As in :func:`check` (there is no answer to pass).

    Returns
    -------
    object
        Shown as Markdown in a notebook; ``str()`` gives the text. An
        exercise without a judgement part says so instead.

    Examples
    --------
    >>> str(reflection("6.5", lang="en")).split(". ")[0]  # this one needs no case
    '**Model answer.** The candidate list follows the domain first, then the distance in the network, then the scale level'
    >>> str(reflection("3.1", lang="en"))
    'Exercise 3.1 has no model answer: its answer is a fact that check("3.1", ...) checks.'
    """
    lang = _check_lang(lang)
    ex = _exercise(exercise)
    fields = {}
    if ex.reflect is not None:
        fields = ex.reflect(_Context(case, opgave, at, lang=lang, **context), lang)
    key = f"oefenen.reflection.{ex.id}"
    if not has_message(key):
        return _Reflection(ex.id, message("oefenen.no_reflection", lang, exercise=ex.id))
    text = message(key, lang, **fields)
    return _Reflection(ex.id, text)


@raises("lang")
def exercises(lang: str = "nl") -> pd.DataFrame:
    """The exercises, for reading: id, notebook, kind (factual, factual + judgement, judgement), model answer or not.

    Headers and values are in ``lang``; the index holds the exercise ids that
    :func:`check` and :func:`reflection` take.

    Parameters
    ----------
    lang : {"nl", "en"}, default "nl"
        Language of the headers and values.

    Returns
    -------
    pandas.DataFrame
        One row per exercise, indexed by its id: the notebook (``"03"``), the
        kind and whether :func:`reflection` has a model answer.

    Examples
    --------
    >>> exercises("en").loc["3.1":"3.3"]  # doctest: +NORMALIZE_WHITESPACE
             notebook                 kind model answer
    exercise
    3.1            03              factual           no
    3.2            03  factual + judgement          yes
    3.3            03  factual + judgement          yes
    """
    lang = _check_lang(lang)
    rows = []
    for ex in _EXERCISES.values():
        kind = "judgement" if ex.kind == "reflection" else ("factual_judgement" if ex.reflect else "factual")
        has_model = ex.reflect is not None or ex.kind == "reflection"
        rows.append({"exercise": ex.id, "notebook": ex.id.split(".")[0].zfill(2),
                     "kind": message("oefenen.kind." + kind, lang),
                     "model_answer": message("label.yes" if has_model else "label.no", lang)})
    table = pd.DataFrame(rows).set_index("exercise")
    table.index.name = message("oefenen.table.exercise", lang)
    return table.rename(columns={c: message("oefenen.table." + c, lang) for c in table.columns})


class Exercises:
    """The exercises of one notebook bound to a case, an opgave and a date.

    >>> oef = Exercises(case, opgave="economie", at=2024)     # doctest: +SKIP
    >>> oef.check("3.1", "Economic Board Veenmarken")          # doctest: +SKIP
    >>> oef.reflection("3.2")                                  # doctest: +SKIP
    """

    def __init__(self, case=None, opgave: str | None = None, at=None, lang: str = "nl", **context):
        self.case = case
        self.opgave = opgave
        self.at = at
        self.lang = _check_lang(lang)
        self.context = context

    def _args(self, overrides: dict) -> dict:
        args = {"opgave": self.opgave, "at": self.at, "lang": self.lang, **self.context}
        args.update(overrides)
        return args

    @raises("as_check")
    def check(self, exercise: str, answer=None, **overrides) -> Feedback:
        """:func:`check` with this case, opgave, date and language (each can be overridden).

        Parameters
        ----------
        exercise, answer
            As in :func:`check`.
        **overrides
            ``opgave``, ``at``, ``lang`` or a context object for this call only.

        Returns
        -------
        Feedback

        Examples
        --------
        >>> oef = Exercises(lang="en")
        >>> oef.check("3.1", ...)  # the notebook's placeholder, not yet an answer
        First fill in your answer in place of the three dots (...).
        """
        return check(exercise, answer, self.case, **self._args(overrides))

    @raises("as_check")
    def reflection(self, exercise: str, **overrides):
        """:func:`reflection` with this case, opgave, date and language.

        Parameters
        ----------
        exercise : str
            As in :func:`check`.
        **overrides
            As in :meth:`check`.

        Returns
        -------
        object
            As :func:`reflection` returns it.

        Examples
        --------
        >>> oef = Exercises(lang="en")
        >>> str(oef.reflection("1.1", lang="nl"))
        'Oefening 1.1 heeft geen modelantwoord: het antwoord is een feit dat check("1.1", ...) controleert.'
        """
        return reflection(exercise, self.case, **self._args(overrides))

    def __repr__(self) -> str:
        return message("oefenen.repr", self.lang)
