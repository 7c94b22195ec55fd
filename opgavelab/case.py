"""The :class:`Case`: the checked tables of one case, with small helpers.

A Case is what every other part of opgavelab starts from. It holds pandas
DataFrames with canonical English column names and real dtypes, indexed or
keyed by the ids from the spreadsheet, so a researcher can keep working in
pandas:

- ``actors``: indexed by ``id``; ``name``, ``type`` (categorical),
  ``scale`` (ordered categorical), ``sector``, ``domains`` (a list of domain
  codes per actor) and any extra columns of the sheet;
- ``opgaven``: indexed by ``id``; ``name``, ``origin``, ``core_challenge``,
  ``scale``, ``domains`` (needed), ``description`` and extra columns;
- ``involvement``: one row per actor × opgave: ``actor``, ``opgave``, ``role``,
  ``aware`` (bool), ``commitment`` (Int64, 1-5), ``since``, ``until``;
- ``ties``: one row per tie: ``source``, ``target``, ``type``, ``weight``,
  ``opgave``, ``directed`` (bool), ``since``, ``until``;
- ``vocabularies``: the effective lists (defaults extended by the ``lijsten``
  sheet): ``list``, ``value``, ``label_nl``, ``label_en``, ``colour``,
  ``order``, ``parent``, ``source``.
"""

from __future__ import annotations

import html
import weakref
import pandas as pd

from ._checks import _check_lang
from ._dates import snapshot_at, to_timestamp
from ._i18n import label as _label
from ._i18n import message, nmessage
from ._validate import Grid, check_grids
from .errors import PROBLEM_COLUMNS
from .schema import SHEETS, spec_name
from ._docs import raises

__all__ = ["Case", "build_case", "is_active", "to_timestamp"]


def is_active(frame: pd.DataFrame, at) -> pd.Series:
    """Which rows (ties or involvement) are active at ``at``.

    A row is active when ``since <= at`` and (``until`` is empty or
    ``at <= until``); empty ``since`` means "always already". ``at=None``
    means every row.

    Parameters
    ----------
    frame : pandas.DataFrame
        A table with ``since`` and ``until`` columns of dates (``case.ties``,
        ``case.involvement``).
    at : year, date or None
        The moment; a bare year is its last day (see
        :func:`opgavelab._dates.snapshot_at`).

    Returns
    -------
    pandas.Series of bool
        One value per row of ``frame``, on its index.

    Raises
    ------
    ValueError
        If ``at`` is not a year, a date or None.

    Examples
    --------
    >>> f = pd.DataFrame({"since": pd.to_datetime(["2019-01-01", None]),
    ...                   "until": pd.to_datetime(["2020-12-31", None])})
    >>> is_active(f, 2021).tolist()
    [False, True]
    """
    if at is None:
        return pd.Series(True, index=frame.index)
    ts = snapshot_at(at)
    since = frame["since"]
    until = frame["until"]
    return (since.isna() | (since <= ts)) & (until.isna() | (ts <= until))


#: Case -> {(vocabularies id, list, lang): (vocabularies, labels)}, see Case.labels
_LABELS_MEMO: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


class Case:
    """The checked tables of one case. Build it with :func:`opgavelab.load`,
    :func:`opgavelab.example` or :meth:`Case.from_frames`.

    Examples
    --------
    >>> import pandas as pd
    >>> case = Case.from_frames(
    ...     actors=pd.DataFrame({"id": ["a", "b"], "naam": ["Gemeente A", "Bedrijf B"],
    ...                          "type": ["overheid", "bedrijf"]}),
    ...     opgaven=pd.DataFrame({"id": ["o1"], "naam": ["Energietransitie"]}),
    ...     involvement=pd.DataFrame({"actor": ["a", "b"], "opgave": ["o1", "o1"]}),
    ... )
    >>> case.actors["type"].tolist()
    ['overheid', 'bedrijf']
    """

    #: The response report (:class:`opgavelab.SurveyReport`) of a case made by
    #: :func:`opgavelab.read_survey`; None for any other case.
    survey = None

    #: What :func:`opgavelab._checks._check_case` looks for (it cannot import this class).
    _is_opgavelab_case = True

    def __init__(self, actors, opgaven, involvement, ties, vocabularies, *, name=None,
                 source=None, warnings=None, lang="nl"):
        self.actors: pd.DataFrame = actors
        self.opgaven: pd.DataFrame = opgaven
        self.involvement: pd.DataFrame = involvement
        self.ties: pd.DataFrame = ties
        self.vocabularies: pd.DataFrame = vocabularies
        self.name: str = name or "casus"
        self.source: str | None = source
        if warnings is None or len(warnings) == 0:
            warnings = pd.DataFrame(columns=PROBLEM_COLUMNS)
        #: Problems that do not block analysis (severity ``"warning"``).
        self.warnings: pd.DataFrame = warnings.reset_index(drop=True)
        self.lang: str = _check_lang(lang)

    # -- construction ---------------------------------------------------
    @classmethod
    def from_frames(cls, actors: pd.DataFrame, opgaven: pd.DataFrame, involvement: pd.DataFrame,
                    ties: pd.DataFrame | None = None, vocabularies: pd.DataFrame | None = None, *,
                    name: str | None = None, source: str | None = None, lang: str = "nl") -> Case:
        """Build a checked Case from DataFrames laid out like the sheets.

        Column names may be Dutch or English, as in a workbook; the frames are
        checked with exactly the rules of :func:`opgavelab.load`, and row
        numbers in problems count as a spreadsheet would (header = row 1).

        Parameters
        ----------
        actors, opgaven, involvement : pandas.DataFrame
            The three required sheets, one row per actor, opgave and
            involvement (an actor taking part in an opgave).
        ties, vocabularies : pandas.DataFrame, optional
            The ties between actors, and lists that extend or relabel the
            default vocabularies.
        name, source : str, optional
            The case's name and where the data came from.
        lang : {"nl", "en"}, default "nl"
            Language of problems, summaries and messages.

        Returns
        -------
        Case

        Raises
        ------
        opgavelab.ValidationError
            When the tables do not form a valid case.
        TypeError
            If one of the tables is not a pandas DataFrame.
        ValueError
            If ``lang`` is not ``"nl"`` or ``"en"``.

        Examples
        --------
        >>> import pandas as pd
        >>> case = Case.from_frames(
        ...     actors=pd.DataFrame({"id": ["a", "b", "c", "d"], "naam": ["A", "B", "C", "D"],
        ...                          "type": ["overheid", "overheid", "bedrijf", "burger"]}),
        ...     opgaven=pd.DataFrame({"id": ["o"], "naam": ["O"]}),
        ...     involvement=pd.DataFrame({"actor": ["a", "b", "c", "d"], "opgave": ["o"] * 4,
        ...                               "sinds": [2019, 2019, 2021, None]}),
        ...     ties=pd.DataFrame({"van": ["a", "a", "b"], "naar": ["b", "c", "d"], "opgave": ["o"] * 3,
        ...                        "sinds": [2019, 2021, 2022]}))
        >>> case
        <Case 'casus': 4 actoren, 1 opgave, 4 betrokkenheden, 3 relaties, 2019–2022; 0 waarschuwingen. Verder: opgavelab.scan(case, opgave_id).>
        """
        _check_lang(lang)
        grids = []
        for key, frame in (("actors", actors), ("opgaven", opgaven), ("involvement", involvement),
                           ("ties", ties), ("vocabularies", vocabularies)):
            if frame is None:
                continue
            if not isinstance(frame, pd.DataFrame):
                msg = f"'{key}' must be a pandas DataFrame, got {type(frame).__name__}."
                raise TypeError(msg)
            grids.append(_frame_to_grid(spec_name(SHEETS[key], lang), frame))
        return build_case(grids, lang=lang, name=name, source=source)

    # -- vocabularies ---------------------------------------------------
    def vocabulary(self, list_name: str) -> pd.DataFrame:
        """The effective values of one list (``actor_type``, ``scale``,
        ``tie_type``, ``role``, ``domain``) in their order.

        Parameters
        ----------
        list_name : str
            One of ``"actor_type"``, ``"scale"``, ``"tie_type"``, ``"role"``,
            ``"domain"``.

        Returns
        -------
        pandas.DataFrame
            One row per value, in order: ``value``, ``label_nl``,
            ``label_en``, ``colour``, ``order``, ``parent`` (for domains) and
            ``source`` (``default`` or the case's own ``vocabularies`` sheet).

        Raises
        ------
        ValueError
            If ``list_name`` is not one of the lists.

        Examples
        --------
        >>> import opgavelab
        >>> opgavelab.example().vocabulary("scale")["value"].tolist()[:3]
        ['buurt', 'lokaal', 'regionaal']
        """
        sub = self.vocabularies[self.vocabularies["list"] == list_name]
        if sub.empty and list_name not in set(self.vocabularies["list"]):
            allowed = sorted(set(self.vocabularies["list"]))
            msg = f"'list_name' must be one of {allowed}, got {list_name!r}."
            raise ValueError(msg)
        return sub.sort_values("order", kind="stable").reset_index(drop=True)

    def labels(self, list_name: str, lang: str | None = None) -> dict[str, str]:
        """Value → label of one list in ``lang`` (default: the case's language).

        Parameters
        ----------
        list_name : str
            As in :meth:`vocabulary`.
        lang : {"nl", "en"}, optional
            Default the case's language.

        Returns
        -------
        dict
            ``{value: label}``; a value without a label in ``lang`` is its own
            label.

        Raises
        ------
        ValueError
            If ``list_name`` is not one of the lists, or ``lang`` is not
            ``"nl"`` or ``"en"``.

        Examples
        --------
        >>> import opgavelab
        >>> opgavelab.example().labels("scale", "en")["buurt"]
        'neighbourhood'
        """
        lang = _check_lang(lang or self.lang)
        # asked for hundreds of times by one report: kept per list and language while the table is the same
        memo = _LABELS_MEMO.setdefault(self, {})  # beside the case, not in it: vars(case) stays its data
        key = (id(self.vocabularies), list_name, lang)
        if key not in memo:
            sub = self.vocabulary(list_name)
            col = f"label_{lang}"  # the vocabulary table has a label column per language
            memo[key] = (self.vocabularies, dict(zip(sub["value"], sub[col].fillna(sub["value"]))))
        return dict(memo[key][1])

    def colours(self, list_name: str) -> dict[str, str]:
        """Value → colour of one list, for values that have one.

        Parameters
        ----------
        list_name : str
            As in :meth:`vocabulary`.

        Returns
        -------
        dict
            ``{value: "#rrggbb"}``, without the values that have no colour.

        Raises
        ------
        ValueError
            As in :meth:`vocabulary`.

        Examples
        --------
        >>> import opgavelab
        >>> opgavelab.example().colours("actor_type")["overheid"]
        '#0072B2'
        """
        sub = self.vocabulary(list_name)
        return {v: c for v, c in zip(sub["value"], sub["colour"]) if isinstance(c, str) and c}

    @raises("lang")
    def domain_label(self, code: str, lang: str | None = None) -> str:
        """``"3.1 Economische ontwikkeling"`` for a domain code.

        Parameters
        ----------
        code : str
            A domain (taakveld) code.
        lang : {"nl", "en"}, optional
            Default the case's language.

        Returns
        -------
        str
            The code and its label; the code alone when it has no label.

        Examples
        --------
        >>> import opgavelab
        >>> opgavelab.example().domain_label("1.2", "en")
        '1.2 Public order and safety'
        """
        name = self.labels("domain", lang).get(code, code)
        return f"{code} {name}" if name != code else code

    # -- selections -----------------------------------------------------
    def opgave(self, opgave_id: str) -> pd.Series:
        """The row of one opgave; a clear error names the ids that exist.

        Parameters
        ----------
        opgave_id : str
            An opgave id (the index of ``case.opgaven``).

        Returns
        -------
        pandas.Series
            The opgave's columns: ``name``, ``origin``, ``core_challenge``,
            ``scale``, ``domains`` and any extra columns of the sheet.

        Raises
        ------
        ValueError
            If ``opgave_id`` is not an opgave id of the case.

        Examples
        --------
        >>> import opgavelab
        >>> opgavelab.example().opgave("economie")["scale"]
        'regionaal'
        """
        self._check_opgave(opgave_id)
        return self.opgaven.loc[opgave_id]

    def _check_opgave(self, opgave_id) -> None:
        if opgave_id not in self.opgaven.index:
            ids = list(self.opgaven.index)
            shown = ids if len(ids) <= 20 else ids[:20] + ["..."]
            msg = f"'opgave' must be one of the opgave ids {shown}, got {opgave_id!r}."
            raise ValueError(msg)

    def involvement_at(self, at=None, opgave: str | None = None) -> pd.DataFrame:
        """Involvement rows active at ``at`` (all when None), optionally for one opgave.

        Parameters
        ----------
        at : year, date or None
            The moment (a bare year is its last day; see :func:`is_active`);
            None: every row.
        opgave : str, optional
            Only this opgave's involvement.

        Returns
        -------
        pandas.DataFrame
            The rows of ``case.involvement`` that are active, index kept.

        Raises
        ------
        ValueError
            If ``opgave`` is given and is not an opgave id of the case, or
            ``at`` is not a year, a date or None.

        Examples
        --------
        >>> import opgavelab
        >>> case = opgavelab.example()
        >>> len(case.involvement_at(2019, "economie")), len(case.involvement_at(None, "economie"))
        (29, 40)
        """
        return self._rows_at(self.involvement, at, opgave)

    def ties_at(self, at=None, opgave: str | None = None) -> pd.DataFrame:
        """Ties active at ``at``; with ``opgave``, only the ties recorded for it.

        Parameters
        ----------
        at, opgave
            As in :meth:`involvement_at`.

        Returns
        -------
        pandas.DataFrame
            The rows of ``case.ties`` that are active, index kept.

        Raises
        ------
        ValueError
            As in :meth:`involvement_at`.

        Examples
        --------
        >>> import opgavelab
        >>> case = opgavelab.example()
        >>> len(case.ties_at(2019, "economie")), len(case.ties_at(None, "economie"))
        (31, 79)
        """
        return self._rows_at(self.ties, at, opgave)

    def _rows_at(self, frame: pd.DataFrame, at, opgave: str | None) -> pd.DataFrame:
        """The rows of ``frame`` (involvement or ties) active at ``at``, of ``opgave`` if given."""
        if opgave is not None:
            self._check_opgave(opgave)
            frame = frame[frame["opgave"] == opgave]
        return frame[is_active(frame, at)]

    @raises("opgave_at")
    def actors_of(self, opgave: str, at=None) -> pd.Index:
        """Ids of the actors involved in ``opgave`` at ``at``.

        Parameters
        ----------
        opgave : str
            The opgave id.
        at : year, date or None
            As in :meth:`involvement_at`.

        Returns
        -------
        pandas.Index
            Actor ids (name ``id``), each once, in the order of the
            involvement sheet.

        Examples
        --------
        >>> import opgavelab
        >>> case = opgavelab.example()
        >>> list(case.actors_of("economie", 2019))[:3]
        ['gem-markenveen', 'gem-turfwijk', 'gem-dijkhorst']
        """
        inv = self.involvement_at(at, opgave)
        return pd.Index(pd.unique(inv["actor"]), name="id")

    def dates(self) -> pd.DatetimeIndex:
        """Every date mentioned in involvement and ties, sorted.

        Returns
        -------
        pandas.DatetimeIndex
            Each ``since`` and ``until`` date once.

        Examples
        --------
        >>> import opgavelab
        >>> case = opgavelab.example()
        >>> str(case.dates()[0].date()), str(case.dates()[-1].date())
        ('2018-01-01', '2024-01-01')
        """
        parts = [self.involvement["since"], self.involvement["until"], self.ties["since"], self.ties["until"]]
        values = pd.concat(parts).dropna().unique()
        return pd.DatetimeIndex(sorted(values))

    def years(self) -> list[int]:
        """The years from the first to the last date in the case.

        Returns
        -------
        list of int
            Every year in between too; empty when the case has no dates.

        Examples
        --------
        >>> import opgavelab
        >>> opgavelab.example().years()
        [2018, 2019, 2020, 2021, 2022, 2023, 2024]
        """
        dates = self.dates()
        if len(dates) == 0:
            return []
        return list(range(dates.min().year, dates.max().year + 1))

    # -- comparing and showing -------------------------------------------
    def equals(self, other: Case) -> bool:
        """True when the tables hold the same data (names may differ).

        Compares ``actors``, ``opgaven``, ``involvement`` and ``ties``:
        columns in the same order and equal values (dtypes may differ).

        Parameters
        ----------
        other : Case
            The case to compare with; anything else is not equal.

        Returns
        -------
        bool

        Examples
        --------
        >>> import opgavelab
        >>> case = opgavelab.example()
        >>> case.equals(opgavelab.example("en"))  # the same data, another language
        True
        >>> case.equals(case.actors)
        False
        """
        if not isinstance(other, Case):
            return False
        for attr in ("actors", "opgaven", "involvement", "ties"):
            a, b = getattr(self, attr), getattr(other, attr)
            if list(a.columns) != list(b.columns):
                return False
            try:
                pd.testing.assert_frame_equal(a, b, check_dtype=False, check_categorical=False)
            except AssertionError:
                return False
        return True

    @raises("lang")
    def summary(self, lang: str | None = None) -> dict[str, pd.DataFrame]:
        """Counts per actor type, per scale level and per opgave, as tables.

        Parameters
        ----------
        lang : {"nl", "en"}, optional
            Language of labels and headers; default the case's.

        Returns
        -------
        dict of pandas.DataFrame
            ``"actor_type"`` and ``"scale"``: the number of actors per
            value (every value of the list, zero included);
            ``"opgaven"``: per opgave its name, the number of actors, of
            actors not aware of it, and of ties recorded for it.

        Examples
        --------
        >>> import opgavelab
        >>> opgavelab.example().summary("en")["opgaven"].loc["economie", ["actors", "not aware", "ties"]].tolist()
        [40, 4, 79]
        """
        lang = _check_lang(lang or self.lang)
        type_labels = self.labels("actor_type", lang)
        scale_labels = self.labels("scale", lang)
        by_type = self.actors["type"].value_counts(sort=False).rename(index=type_labels)
        by_scale = self.actors["scale"].value_counts(sort=False).rename(index=scale_labels)
        inv = self.involvement
        per_opgave = pd.DataFrame({
            _label("actors", lang): inv.groupby("opgave")["actor"].nunique(),
            message("case.column.not_aware", lang): inv[~inv["aware"]].groupby("opgave")["actor"].nunique(),
            _label("ties", lang): self.ties.groupby("opgave")["source"].size() if len(self.ties) else None,
        }).reindex(self.opgaven.index).fillna(0).astype(int)
        per_opgave.insert(0, message("case.column.name", lang), self.opgaven["name"])
        count_col = message("case.column.count", lang)
        return {
            "actor_type": by_type.rename(count_col).to_frame(),
            "scale": by_scale.rename(count_col).to_frame(),
            "opgaven": per_opgave,
        }

    def _period(self) -> str:
        years = self.years()
        return f"{years[0]}–{years[-1]}" if years else "–"

    def __repr__(self) -> str:
        lang = self.lang
        return message("case.repr", lang, name=self.name, counts=self._counts(lang), period=self._period(),
                       warnings=nmessage("count.warnings", len(self.warnings), lang))

    def _counts(self, lang: str) -> str:
        """``73 actoren, 5 opgaven, 140 betrokkenheden, 190 relaties``, each with its plural form."""
        return ", ".join(nmessage(key, n, lang) for key, n in (
            ("count.actors", len(self.actors)), ("count.opgaven", len(self.opgaven)),
            ("count.involvements", len(self.involvement)), ("count.ties", len(self.ties))))

    def _repr_html_(self) -> str:
        lang = self.lang
        s = self.summary(lang)
        esc = html.escape
        title = esc(message("case.title", lang, name=self.name))
        facts = esc(message("case.facts", lang, counts=self._counts(lang), period=self._period()))
        src = (f"<br><small>{esc(message('case.source', lang, source=self.source))}</small>" if self.source
               else "")
        tables = (
            "<div style='display:flex;gap:2em;flex-wrap:wrap;align-items:flex-start'>"
            f"<div><b>{esc(message('case.by_type', lang))}</b>{s['actor_type'].to_html()}</div>"
            f"<div><b>{esc(message('case.by_scale', lang))}</b>{s['scale'].to_html()}</div>"
            f"<div><b>{esc(message('case.by_opgave', lang))}</b>{s['opgaven'].to_html()}</div>"
            "</div>"
        )
        warn = ""
        if len(self.warnings):
            w = self.warnings
            head = nmessage("case.warnings_head", len(w), lang)
            from .errors import shown_problems

            shown = shown_problems(w.head(50).drop(columns="severity", errors="ignore"), lang)
            warn = (f"<details><summary>{esc(head)}</summary>"
                    f"{shown.to_html(index=False, na_rep='', escape=True)}</details>")
        first = esc(str(self.opgaven.index[0])) if len(self.opgaven) else "..."
        nxt = "<small>" + message("case.next_html", lang, scan=f"<code>opgavelab.scan(case, '{first}')</code>",
                                  explorer="<code>opgavelab.Explorer(case)</code>") + "</small>"
        return f"<div><h4>{title}</h4><p>{facts}{src}</p>{tables}{warn}<p>{nxt}</p></div>"


def _frame_to_grid(title: str, frame: pd.DataFrame):
    if isinstance(frame.index, pd.MultiIndex):
        frame = frame.reset_index()
    elif frame.index.name is not None and frame.index.name not in frame.columns:
        frame = frame.reset_index()
    header = [str(c) for c in frame.columns]
    values = frame.astype(object).where(frame.notna(), None)
    cells = pd.DataFrame([header] + values.to_numpy(dtype=object).tolist()
                         if len(frame) else [header], dtype=object)
    # list-valued cells (domains) are written back as "a; b"
    for j in range(cells.shape[1]):
        col = cells.iloc[1:, j]
        if col.map(lambda v: isinstance(v, (list, tuple))).any():
            cells.iloc[1:, j] = col.map(lambda v: "; ".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
    return Grid(title=title, cells=cells, first_row=1)


def build_case(grids: list[Grid], *, lang: str = "nl", name: str | None = None, source: str | None = None,
               extra_problems: list[dict] | None = None, phases=None) -> Case:
    """Interpret and check sheet grids (see :mod:`opgavelab._validate`); return a Case
    or raise :class:`~opgavelab.ValidationError` listing every problem.

    Parameters
    ----------
    grids : list of Grid
        The cells of each sheet as read (:class:`opgavelab._validate.Grid`),
        titled with the sheet names in Dutch or English.
    lang : {"nl", "en"}, default "nl"
        Language of the problems and of the Case.
    name, source : str, optional
        The case's name and the file it came from (shown in problems).
    extra_problems : list of dict, optional
        Problems the reader already found (a formula, an error cell), listed
        with the others.
    phases : opgavelab._progress.Phases, optional
        A progress display, ticked once per table checked.

    Returns
    -------
    Case
        The checked case.

    Raises
    ------
    opgavelab.ValidationError
        If the sheets do not form a valid case; ``problems`` lists every
        problem with sheet, row, column, value and a hint.

    Examples
    --------
    >>> import pandas as pd
    >>> from opgavelab._validate import Grid
    >>> grids = [
    ...     Grid("actors", pd.DataFrame([["id", "name", "type"], ["gem-a", "Gemeente A", "overheid"],
    ...                                  ["bedr-b", "Bedrijf B", "bedrijf"]])),
    ...     Grid("opgaven", pd.DataFrame([["id", "name"], ["wonen", "Wonen"]])),
    ...     Grid("involvement", pd.DataFrame([["actor", "opgave"], ["gem-a", "wonen"], ["bedr-b", "wonen"]]))]
    >>> case = build_case(grids, lang="en")
    >>> list(case.actors_of("wonen"))
    ['gem-a', 'bedr-b']
    """
    return Case(**check_grids(grids, lang=lang, name=name, source=source, extra_problems=extra_problems,
                              phases=phases))
