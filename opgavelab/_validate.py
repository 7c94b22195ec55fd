"""From raw sheet grids to a checked :class:`~opgavelab.case.Case`.

The loader (:mod:`opgavelab.io`) turns a file into *grids*: one DataFrame per
sheet with every cell as it was read (``header=None``), plus optional notes
about cells (Excel error values, formulas never calculated). This module finds
the header row, maps column names to the canonical ones of
:mod:`opgavelab.schema`, turns cells into real dtypes, and checks the case as a
whole. Every problem is collected; nothing is raised until the end, so a user
sees all of them at once.

Cells are converted per *unique* value (ids, vocabularies and dates repeat a
lot), which keeps validation of 100,000 ties well under a second.
"""

from __future__ import annotations

import difflib
import functools
import math
import re
import unicodedata
import datetime as _dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import schema
from ._dates import parse_date
from ._i18n import label, message
from ._sheets import column_letter as get_column_letter
from ._progress import Phases
from ._values import is_missing, is_na, map_unique
from .errors import ValidationError

__all__ = ["check_grids", "Grid"]

HEADER_SEARCH_ROWS = 10
#: Internal column holding each record's spreadsheet row; dropped before the Case is built.
ROW = "\x00opgavelab_row"
EXCEL_ERRORS = {"#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!",
                "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#N/B", "#VERW!",
                "#DEEL/0!", "#WAARDE!", "#NAAM?", "#GETAL!", "#LEEG!"}

_TRUE = {"ja", "j", "yes", "y", "true", "waar", "1", "1.0", "x", "wel"}
_FALSE = {"nee", "n", "no", "false", "onwaar", "0", "0.0", "niet"}


@dataclass
class Grid:
    """The cells of one sheet as read, before any interpretation.

    ``cells`` has one column per spreadsheet column and one row per spreadsheet
    row (row ``i`` of the frame is row ``first_row + i`` of the sheet).
    ``notes`` maps ``(row_number, column_index)`` to ``("error", "#N/A")`` or
    ``("formula", "=A1")`` for cells the reader could see more of.
    """

    title: str
    cells: pd.DataFrame
    first_row: int = 1
    notes: dict = field(default_factory=dict)
    source: str | None = None
    problems: list = field(default_factory=list)
    state: str | None = None      # "hidden" or "veryHidden" (xlsx)


@dataclass
class _Sheet:
    """A sheet after its header was found and its columns mapped."""

    spec: schema.SheetSpec
    title: str
    data: pd.DataFrame            # canonical + extra columns, raw cell values (object)
    rows: np.ndarray              # spreadsheet row number of each data row
    headers: dict[str, str]       # canonical column -> header as written
    letters: dict[str, str]       # column -> spreadsheet column letter
    notes: dict
    empty: dict = field(default_factory=dict)  # column -> empty-cell mask, computed once
    header_row: int | None = None  # spreadsheet row number of the header
    factors: dict = field(default_factory=dict)  # column -> (codes, uniques) of its cells, computed once
    #: column -> (codes, texts): a text column as read, each distinct text once (``texts[codes]``; the
    #: last text, None, is code -1's), so later checks look at each distinct text once, not at every cell
    coded: dict = field(default_factory=dict)
    #: ref column -> the row of its target sheet each cell names (-1: none), once references are resolved
    positions: dict = field(default_factory=dict)


def _sheet_empty(sheet: _Sheet, column: str) -> np.ndarray:
    """:func:`_empty_mask` of a column of the sheet, computed once per sheet (read-only)."""
    mask = sheet.empty.get(column)
    if mask is None:
        mask = _empty_mask(sheet.data[column])
        mask.flags.writeable = False
        sheet.empty[column] = mask
    return mask


class _Problems:
    """Collects problems; each one a dict of the ValidationError table."""

    def __init__(self, lang: str):
        self.lang = lang
        self.items: list[dict] = []

    def add(self, key, *, sheet=None, row=None, column=None, value=None,
            severity="error", hint_key=None, fields=None, hint_fields=None):
        fields = dict(fields or {})
        hint_fields = {**fields, **(hint_fields or {})}
        msg = message(key, self.lang, **fields)
        hint_key = hint_key or f"{key}_hint"
        try:
            hint = message(hint_key, self.lang, **hint_fields)
        except KeyError:
            hint = ""
        if isinstance(row, (np.integer,)):
            row = int(row)
        self.items.append({
            "sheet": sheet, "row": row, "column": column,
            "value": None if value is None else _display(value),
            "message": msg, "hint": hint, "severity": severity,
        })

    @property
    def has_errors(self) -> bool:
        return any(p["severity"] == "error" for p in self.items)


def _display(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (pd.Timestamp, _dt.datetime)):
        return value.strftime("%Y-%m-%d")
    text = str(value)
    return text if len(text) <= 200 else text[:199] + "…"


# --------------------------------------------------------------------------
# cell helpers
# --------------------------------------------------------------------------

def _factors(sheet: _Sheet, column: str) -> tuple[np.ndarray, np.ndarray]:
    """``pd.factorize`` of a column's cells (code -1: NA), computed once per sheet.

    True and 1 (False and 0) share a code, as Python hashes them alike: see
    :func:`_map_column` for where that matters.
    """
    found = sheet.factors.get(column)
    if found is None:
        found = pd.factorize(sheet.data[column].to_numpy(dtype=object), use_na_sentinel=True)
        sheet.factors[column] = found
    return found


def _empty_of(codes: np.ndarray, uniques) -> np.ndarray:
    """:func:`_empty_mask` from a factorization: NA, or a text of only whitespace."""
    mask = codes < 0
    blank = np.fromiter((isinstance(u, str) and not u.strip() for u in uniques), dtype=bool, count=len(uniques))
    if blank.any():
        mask |= np.append(blank, False)[codes]  # code -1 takes the False at the end
    return mask


def _may_mix_bools(uniques) -> bool:
    """Whether a factorization may have folded a boolean and a number into one code."""
    if pd.api.types.infer_dtype(uniques, skipna=True) in ("string", "empty", "datetime", "date"):
        return False  # told at C speed: no number and no boolean among them
    return any(type(u) is bool or type(u) is np.bool_ or (isinstance(u, (int, float, np.number)) and u in (0, 1))
               for u in uniques)


def _map_column(sheet: _Sheet, column: str, func, texts: bool = False) -> pd.Series:
    """``map_unique(sheet.data[column], func)``, on the column's factorization
    (:func:`_factors`): ``func`` once per distinct present cell, None for a missing one
    (``texts``: ``func`` gives a text or None, never NaN)."""
    codes, uniques = _factors(sheet, column)
    raw = sheet.data[column]
    if _may_mix_bools(uniques):
        return map_unique(raw, func)
    mapped = np.empty(len(uniques) + 1, dtype=object)  # the None at the end: code -1
    mapped[:-1] = [None if is_missing(u) else func(u) for u in uniques]
    if not texts:
        mapped[:-1] = [None if is_na(m) else m for m in mapped[:-1]]  # NaN and NA results as None, as map_unique
    return pd.Series(mapped[codes], index=raw.index, name=raw.name, dtype=object)


def _column_texts(sheet: _Sheet, column: str, keep_lines: bool = False) -> pd.Series:
    """:func:`_texts` of a column of the sheet, on its factorization."""
    text = _free_text if keep_lines else _cell_text
    return _map_column(sheet, column, lambda v: text(v) or None, texts=True)


def _coded_texts(sheet: _Sheet, column: str, keep_lines: bool = False):
    """:func:`_column_texts` as ``(codes, texts)``: the text of each distinct cell once, None last
    (code -1), ``texts[codes]`` the column; None where :func:`_map_column` would not use the
    factorization (a column mixing booleans and numbers)."""
    codes, uniques = _factors(sheet, column)
    if _may_mix_bools(uniques):
        return None
    text = _free_text if keep_lines else _cell_text
    texts = np.empty(len(uniques) + 1, dtype=object)
    texts[:-1] = [None if is_missing(u) else (text(u) or None) for u in uniques]
    return codes, texts


def _coded_series(sheet: _Sheet, column: str, codes: np.ndarray, texts: np.ndarray) -> pd.Series:
    raw = sheet.data[column]
    return pd.Series(texts[codes], index=raw.index, name=raw.name, dtype=object)


def _is_none(texts: np.ndarray) -> np.ndarray:
    return np.fromiter((v is None for v in texts), dtype=bool, count=len(texts))


def _empty_mask(series: pd.Series) -> np.ndarray:
    """True where a cell is empty (None, NaN, NaT or only whitespace)."""
    mask = series.isna().to_numpy().copy()
    blank = [u for u in pd.unique(series.to_numpy(dtype=object)) if isinstance(u, str) and not u.strip()]
    if blank:
        mask |= series.isin(blank).to_numpy()
    return mask


def _cell_text(v) -> str:
    """A cell value as the text a user typed (integral floats without '.0')."""
    if isinstance(v, str):
        return " ".join(v.split()) if ("\n" in v or "\t" in v or "  " in v) else v.strip()
    if isinstance(v, bool):
        return "ja" if v else "nee"
    if isinstance(v, float):
        if v.is_integer():
            return str(int(v))
        return format(v, "g") if abs(v) < 1e15 else repr(v)
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, (_dt.datetime, pd.Timestamp)):
        if v.hour == v.minute == v.second == 0:
            return v.strftime("%Y-%m-%d")
        return v.isoformat()
    if isinstance(v, _dt.date):
        return v.isoformat()
    return str(v).strip()


def _free_text(v) -> str:
    """Like :func:`_cell_text`, but a paragraph keeps its line breaks."""
    if isinstance(v, str):
        lines = [" ".join(line.split()) for line in v.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
        return "\n".join(lines).strip()
    return _cell_text(v)


def _texts(series: pd.Series, keep_lines: bool = False) -> pd.Series:
    """Cells as stripped text; empty cells become None."""
    out = map_unique(series, _free_text if keep_lines else _cell_text)
    return out.where(out.notna() & (out != ""), None)


def _parse_number(value):
    """A number from a cell; accepts decimal commas ("1,5") and text ("3")."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float, np.integer, np.floating)):
        number = float(value)
        return None if math.isnan(number) else number
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    if not text.isascii():  # float() reads Arabic-Indic and full-width digits too; a spreadsheet never means them
        return None
    if re.fullmatch(r"[-+]?\d{1,3}(\.\d{3})+(,\d+)?", text):  # 1.234,5
        text = text.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"[-+]?\d+,\d+", text):
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return None
    return None if math.isnan(number) or math.isinf(number) else number


def _parse_bool(value):
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    key = str(value).strip().casefold()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    return None


# --------------------------------------------------------------------------
# vocabularies
# --------------------------------------------------------------------------

class Vocabularies:
    """The effective vocabularies of a case: defaults extended by ``lijsten``."""

    def __init__(self, table: pd.DataFrame):
        self.table = table.reset_index(drop=True)
        self._lookup: dict[str, dict[str, str]] = {}
        for name, group in self.table.groupby("list", sort=False):
            lookup: dict[str, str] = {}
            spec = schema.VOCABULARY_LISTS.get(name)
            for rec in group.itertuples(index=False):
                for key in (rec.value, rec.label_nl, rec.label_en):
                    if key is not None and isinstance(key, str):
                        lookup.setdefault(schema.normalise_name(key), rec.value)
            if spec is not None:
                for value, aliases in spec.aliases.items():
                    if value in set(group["value"]):
                        for alias in aliases:
                            lookup.setdefault(schema.normalise_name(alias), value)
            self._lookup[name] = lookup
        self.domain_codes = set(self.table.loc[self.table["list"] == "domain", "value"])

    def values(self, name: str) -> list[str]:
        sub = self.table[self.table["list"] == name]
        return sub.sort_values("order", kind="stable")["value"].tolist()

    def resolve(self, name: str, value) -> str | None:
        return self._lookup.get(name, {}).get(schema.normalise_name(value))

    def allowed_text(self, name: str, lang: str, limit: int = 12) -> str:
        values = self.values(name)
        shown = ", ".join(values[:limit])
        return shown + (", …" if len(values) > limit else "")


_HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
#: Dutch colour names, as people type them in the kleur column.
_DUTCH_COLOURS = {
    "rood": "red", "groen": "green", "blauw": "blue", "geel": "yellow", "oranje": "orange", "paars": "purple",
    "zwart": "black", "wit": "white", "grijs": "grey", "bruin": "brown", "roze": "pink", "lichtblauw": "lightblue",
    "donkerblauw": "darkblue", "lichtgroen": "lightgreen", "donkergroen": "darkgreen", "donkerrood": "darkred",
    "turquoise": "turquoise", "turkoois": "turquoise", "goud": "gold", "zilver": "silver", "olijf": "olive",
    "marineblauw": "navy", "violet": "violet", "magenta": "magenta", "cyaan": "cyan",
}


def _check_colour(text: str) -> str | None:
    """A colour of the kleur column as the drawing code accepts it (a hex code,
    a matplotlib/CSS colour name, a Dutch name translated), or None."""
    text = str(text).strip()
    if _HEX_COLOUR.fullmatch(text):
        return text
    key = text.lower().replace(" ", "")
    if key in _DUTCH_COLOURS:
        return _DUTCH_COLOURS[key]
    from matplotlib.colors import is_color_like

    if not text.startswith("#") and not re.fullmatch(r"[0-9.]+", text) and is_color_like(text):
        return text
    return None


@functools.lru_cache(maxsize=1)
def _default_lookup() -> Vocabularies:
    """The default vocabularies, built once: only looked up in while a ``lijsten``
    sheet is read (a Case gets a table of its own)."""
    return Vocabularies(schema.default_vocabularies())


def _build_vocabularies(sheet: _Sheet | None, problems: _Problems) -> Vocabularies:
    table = schema.default_vocabularies()
    if sheet is None or sheet.data.empty:
        return Vocabularies(table)
    data = sheet.data
    lists = _texts(data["list"]) if "list" in data else pd.Series(None, index=data.index)
    values = _texts(data["value"]) if "value" in data else pd.Series(None, index=data.index)
    labels = _texts(data["label"]) if "label" in data else pd.Series(None, index=data.index, dtype=object)
    colours = _texts(data["colour"]) if "colour" in data else pd.Series(None, index=data.index, dtype=object)
    orders = data["order"] if "order" in data else pd.Series(None, index=data.index, dtype=object)
    list_map = schema.list_alias_map()
    base = _default_lookup()
    new_rows = []
    table = table.copy()
    # the default rows a lijsten row changes, by (list, value), and their orders as they are changed
    rows_of: dict = {}
    for k, key in enumerate(zip(table["list"].tolist(), table["value"].tolist())):
        rows_of.setdefault(key, []).append(k)
    orders_now = table["order"].tolist()
    for i in range(len(data)):
        row = int(sheet.rows[i])
        raw_list, value = lists.iat[i], values.iat[i]
        if raw_list is None:
            problems.add("cell_empty", sheet=sheet.title, row=row, column=sheet.headers.get("list", "lijst"))
            continue
        name = list_map.get(schema.normalise_name(raw_list))
        if name is None:
            allowed = ", ".join(spec.label_nl for spec in schema.VOCABULARY_LISTS.values())
            problems.add("list_unknown", sheet=sheet.title, row=row, column=sheet.headers.get("list"),
                         value=raw_list, fields={"value": raw_list}, hint_fields={"allowed": allowed})
            continue
        if value is None:
            problems.add("cell_empty", sheet=sheet.title, row=row, column=sheet.headers.get("value", "waarde"))
            continue
        order = None
        if not is_missing(orders.iat[i]):
            order = _parse_number(orders.iat[i])
            if order is None:
                problems.add("order_bad", sheet=sheet.title, row=row, column=sheet.headers.get("order"),
                             value=orders.iat[i], fields={"value": orders.iat[i]})
        if name == "domain":
            known = _resolve_domain_token(value, base)
        else:
            known = base.resolve(name, value)
        label, colour = labels.iat[i], colours.iat[i]
        if "colour" not in data or is_missing(data["colour"].iat[i]):
            colour = None  # an empty cell (NaN in a frame built in Python), not the text 'nan'
        if colour is not None:
            checked = _check_colour(colour)
            if checked is None:
                problems.add("colour_bad", sheet=sheet.title, row=row, column=sheet.headers.get("colour"),
                             value=colour, severity="warning", fields={"value": colour})
            colour = checked
        if known is not None:
            for k in rows_of.get((name, known), ()):  # cell by cell, as pandas sets one value (its dtypes kept)
                if label is not None:
                    table.at[k, "label_nl"] = table.at[k, "label_en"] = label
                if colour is not None:
                    table.at[k, "colour"] = colour
                if order is not None:
                    table.at[k, "order"] = order
                    orders_now[k] = table.at[k, "order"]
                table.at[k, "source"] = "lijsten"
        else:
            existing = [orders_now[k] for (lst, _), ks in rows_of.items() if lst == name for k in ks
                        if not is_missing(orders_now[k])]
            new_rows.append({
                "list": name, "value": value,
                "label_nl": label or value, "label_en": label or value,
                "colour": colour,
                "order": order if order is not None else (max(existing) if existing else 0) + 1 + len(new_rows),
                "parent": None, "source": "lijsten",
            })
    if new_rows:
        table = pd.concat([table, pd.DataFrame(new_rows)], ignore_index=True)
    table = table.sort_values(["list", "order"], kind="stable")
    # keep the lists in their natural order (actor_type, scale, ...)
    list_order = {name: i for i, name in enumerate(schema.VOCABULARY_LISTS)}
    table = table.sort_values("list", key=lambda s: s.map(list_order), kind="stable").reset_index(drop=True)
    return Vocabularies(table)


_DOMAIN_CODE = re.compile(r"^(\d{1,2}(?:\.\d{1,2}[a-z]?)?)(?:\s*[-.:)]?\s+(.*))?$")


def _resolve_domain_token(token, vocab: Vocabularies) -> str | None:
    text = _cell_text(token)
    if not text:
        return None
    m = _DOMAIN_CODE.match(text.lower())
    if m and m.group(1) in vocab.domain_codes:
        return m.group(1)
    return vocab._lookup.get("domain", {}).get(schema.normalise_name(text))


# --------------------------------------------------------------------------
# sheets
# --------------------------------------------------------------------------

def _closest(word: str, options, cutoff: float = 0.6) -> str | None:
    options = [o for o in options if isinstance(o, str)]
    if not options:
        return None
    match = difflib.get_close_matches(word, options, n=1, cutoff=cutoff)
    return match[0] if match else None


def _find_sheets(grids: list[Grid], problems: _Problems) -> dict[str, Grid]:
    """Match sheet titles to canonical sheets; report missing and duplicate ones."""
    alias_map = schema.sheet_alias_map()
    found: dict[str, Grid] = {}
    for grid in grids:
        name = alias_map.get(schema.normalise_name(grid.title))
        if name is None:
            continue
        if name in found:
            problems.add("sheet_duplicate", sheet=grid.title,
                         fields={"sheet": schema.SHEETS[name].label_nl,
                                 "names": f"'{found[name].title}', '{grid.title}'"})
            continue
        found[name] = grid
    unmatched = [g.title for g in grids if alias_map.get(schema.normalise_name(g.title)) is None]
    for name, spec in schema.SHEETS.items():
        if name in found or not spec.required:
            continue
        names = " / ".join([spec.label_nl, spec.name])
        guess = None
        for title in unmatched:
            for alias in (spec.label_nl, spec.name, *spec.aliases):
                if difflib.SequenceMatcher(None, schema.normalise_name(title), schema.normalise_name(alias)).ratio() > 0.75:
                    guess = title
                    break
            if guess:
                break
        closest = message("sheet_closest", problems.lang, name=guess) if guess else ""
        sheet_name = schema.spec_name(spec, problems.lang)
        problems.add("sheet_missing", sheet=sheet_name, fields={"sheet": sheet_name},
                     hint_fields={"names": names, "closest": closest})
    return found


def _locate_header(cells: pd.DataFrame, spec: schema.SheetSpec) -> int | None:
    """Index (0-based) of the header row within the first rows, or None."""
    alias_map = spec.alias_map
    required = set(spec.required_columns)
    best, best_score = None, 0
    for i in range(min(HEADER_SEARCH_ROWS, len(cells))):
        names = {alias_map.get(schema.normalise_name(v)) for v in cells.iloc[i].tolist()
                 if isinstance(v, str) and v.strip()}
        names.discard(None)
        score = len(names & required) * 10 + len(names)
        if score > best_score:
            best, best_score = i, score
        if required <= names:
            return i
    return best if best_score >= 10 else None


def _prepare_sheet(name: str, grid: Grid, problems: _Problems) -> _Sheet | None:
    spec = schema.SHEETS[name]
    cells = grid.cells
    title = grid.title
    if cells.shape[0] == 0 or cells.shape[1] == 0:
        if spec.required:
            problems.add("sheet_empty", sheet=title, fields={"sheet": title},
                         hint_key="sheet_no_header_hint",
                         hint_fields={"names": ", ".join(spec.accepted_names(c)[0] for c in spec.required_columns)})
        return None
    header_at = _locate_header(cells, spec)
    if header_at is None:
        names = ", ".join(spec.accepted_names(c)[0] for c in spec.required_columns)
        problems.add("sheet_no_header", sheet=title, row=grid.first_row,
                     fields={"n": HEADER_SEARCH_ROWS}, hint_fields={"names": names})
        return None
    header = cells.iloc[header_at].tolist()
    body = cells.iloc[header_at + 1:]
    rows = np.arange(len(body)) + grid.first_row + header_at + 1
    # drop rows that are entirely empty (they keep their numbers in messages)
    factors = [pd.factorize(body.iloc[:, j].to_numpy(dtype=object), use_na_sentinel=True)
               for j in range(body.shape[1])]
    masks = [_empty_of(codes, uniques) for codes, uniques in factors]
    if len(body):
        nonempty = ~np.logical_and.reduce(masks)
        if not nonempty.all():
            body = body[nonempty]
            rows = rows[nonempty]
            masks = [m[nonempty] for m in masks]
            factors = [(codes[nonempty], uniques) for codes, uniques in factors]
    if len(body) == 0 and spec.required:
        problems.add("sheet_no_rows", sheet=title, row=grid.first_row + header_at + 1, fields={"sheet": title})
    alias_map = spec.alias_map
    columns: dict[str, pd.Series] = {}
    headers: dict[str, str] = {}
    letters: dict[str, str] = {}
    empties: dict[str, np.ndarray] = {}
    found: dict[str, tuple] = {}
    header_row = grid.first_row + header_at
    for j, head in enumerate(header):
        letter = get_column_letter(j + 1)
        col = body.iloc[:, j]
        if is_missing(head):
            if len(col) and not masks[j].all():
                problems.add("column_no_header", sheet=title, row=header_row, column=letter,
                             severity="warning", fields={"letter": letter})
            continue
        head_text = _cell_text(head)
        canonical = alias_map.get(schema.normalise_name(head_text))
        key = canonical or head_text
        if key in columns:
            problems.add("column_duplicate", sheet=title, row=header_row, column=head_text, severity="warning",
                         fields={"column": key, "names": f"'{headers[key]}', '{head_text}'"})
            continue
        columns[key] = col
        headers[key] = head_text
        empties[key] = masks[j]
        empties[key].flags.writeable = False
        found[key] = factors[j]
        letters[key] = letter
    data = pd.DataFrame(columns, index=body.index) if columns else pd.DataFrame(index=body.index)
    data = data.reset_index(drop=True)
    for required in spec.required_columns:
        if required not in data.columns:
            accepted = spec.accepted_names(required)
            guess = _closest(schema.normalise_name(required), [schema.normalise_name(h) for h in headers.values()])
            guess_header = next((h for h in headers.values() if schema.normalise_name(h) == guess), None)
            closest = message("column_closest", problems.lang, name=guess_header) if guess_header and guess_header not in accepted else ""
            problems.add("column_missing", sheet=title, row=header_row, column=accepted[0],
                         fields={"column": schema.spec_name(spec.column(required), problems.lang)},
                         hint_fields={"names": ", ".join(accepted), "closest": closest})
    return _Sheet(spec=spec, title=title, data=data, rows=rows, headers=headers,
                  letters=letters, notes=grid.notes, empty=empties, header_row=header_row, factors=found)


# --------------------------------------------------------------------------
# column conversion
# --------------------------------------------------------------------------

def _note_for(sheet: _Sheet, row: int, column: str):
    if not sheet.notes:
        return None
    letter = sheet.letters.get(column)
    if letter is None:
        return None
    return sheet.notes.get((row, letter))


def _report_empty(sheet: _Sheet, column: str, mask: np.ndarray, problems: _Problems):
    for i in np.flatnonzero(mask):
        row = int(sheet.rows[i])
        note = _note_for(sheet, row, column)
        if note and note[0] == "error":
            problems.add("excel_error", sheet=sheet.title, row=row, column=sheet.headers.get(column, column),
                         value=note[1])
        elif note and note[0] == "formula":
            problems.add("formula_uncalculated", sheet=sheet.title, row=row,
                         column=sheet.headers.get(column, column), value=note[1])
        elif note and note[0] == "merged":
            problems.add("cell_merged", sheet=sheet.title, row=row, column=sheet.headers.get(column, column),
                         value=note[1], fields={"range": note[1]})
        else:
            problems.add("cell_empty", sheet=sheet.title, row=row, column=sheet.headers.get(column, column))


def _report_error_cells(sheet: _Sheet, column: str, mask_empty: np.ndarray, problems: _Problems):
    """Optional columns: an empty cell that was an Excel error, or a formula
    never calculated, is still a problem (not silently the default)."""
    if not sheet.notes:
        return
    for i in np.flatnonzero(mask_empty):
        row = int(sheet.rows[i])
        note = _note_for(sheet, row, column)
        if note and note[0] in ("error", "formula", "merged"):
            key = {"error": "excel_error", "formula": "formula_uncalculated", "merged": "cell_merged"}[note[0]]
            problems.add(key, sheet=sheet.title, row=row, column=sheet.headers.get(column, column),
                         value=note[1], fields={"range": note[1]})


def _text_errors(sheet: _Sheet, column: str, texts: pd.Series, problems: _Problems) -> pd.Series:
    """Excel error values typed as text (``#N/A`` in a CSV) are problems too."""
    bad = texts.isin(EXCEL_ERRORS).to_numpy()
    for i in np.flatnonzero(bad):
        problems.add("excel_error", sheet=sheet.title, row=int(sheet.rows[i]),
                     column=sheet.headers.get(column, column), value=texts.iat[i])
    if bad.any():
        texts = texts.where(~bad, None)
    return texts


def _coded_text_errors(sheet: _Sheet, column: str, codes: np.ndarray, texts: np.ndarray,
                       problems: _Problems) -> np.ndarray:
    """:func:`_text_errors` on a coded column (:func:`_coded_texts`): each distinct text looked at once."""
    bad = np.fromiter((v in EXCEL_ERRORS for v in texts), dtype=bool, count=len(texts))
    if not bad.any():
        return texts
    for i in np.flatnonzero(bad[codes]):
        problems.add("excel_error", sheet=sheet.title, row=int(sheet.rows[i]),
                     column=sheet.headers.get(column, column), value=texts[codes[i]])
    texts = texts.copy()
    texts[bad] = None
    return texts


def _coded_invisible_only(sheet: _Sheet, column: str, codes: np.ndarray, texts: np.ndarray,
                          problems: _Problems) -> np.ndarray:
    """:func:`_drop_invisible_only` on a coded column: each distinct text looked at once."""
    invisible = np.fromiter((v is not None and not v.isascii() and not _visible(v) for v in texts),
                            dtype=bool, count=len(texts))
    mask = invisible[codes]
    sheet.empty[("invisible", column)] = mask
    if not invisible.any():
        return texts
    for i in np.flatnonzero(mask):
        v = texts[codes[i]]
        problems.add("invisible_only", sheet=sheet.title, row=int(sheet.rows[i]),
                     column=sheet.headers.get(column, column),
                     value="".join(f"U+{ord(ch):04X}" for ch in v[:8]), fields={"column": sheet.headers.get(column, column)})
    texts = texts.copy()
    texts[invisible] = None
    return texts


def _visible(text: str) -> str:
    """``text`` without invisible format characters (zero-width space, soft
    hyphen, direction marks and overrides), in one Unicode form, spaces folded."""
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return " ".join(text.split())


def _drop_invisible_only(sheet: _Sheet, column: str, texts: pd.Series, problems: _Problems) -> pd.Series:
    """A required text of only invisible characters (an id of U+200B, a name
    of a soft hyphen) looks empty to the user: an error, and None."""
    # each distinct text once (an ASCII one is never invisible), then the cells holding one that is
    invisible = {v for v in pd.unique(texts.dropna().to_numpy(dtype=object)) if not v.isascii() and not _visible(v)}
    bad = np.flatnonzero(texts.isin(invisible).to_numpy()).tolist() if invisible else []
    mask = np.zeros(len(texts), dtype=bool)
    mask[bad] = True
    sheet.empty[("invisible", column)] = mask
    if not bad:
        return texts
    texts = texts.copy()
    for i in bad:
        v = texts.iat[i]
        problems.add("invisible_only", sheet=sheet.title, row=int(sheet.rows[i]),
                     column=sheet.headers.get(column, column),
                     value="".join(f"U+{ord(ch):04X}" for ch in v[:8]), fields={"column": sheet.headers.get(column, column)})
        texts.iat[i] = None
    return texts


def _warn_invisible_twins(sheet: _Sheet, ids: pd.Series, problems: _Problems) -> None:
    """Ids that differ only in invisible or direction characters ('gem' and
    'gem' + U+202E) are two ids that look the same: a warning on the later."""
    seen: dict[str, tuple[str, int]] = {}
    for i, v in enumerate(ids.tolist()):
        if v is None:
            continue
        key = v if v.isascii() else _visible(v)
        other = seen.get(key)
        if other is None:
            seen[key] = (v, int(sheet.rows[i]))
        elif other[0] != v:
            problems.add("id_invisible_twin", sheet=sheet.title, row=int(sheet.rows[i]),
                         column=sheet.headers.get("id"), value=v, severity="warning",
                         fields={"value": key, "other": other[1]})


def _ids(sheet: _Sheet, problems: _Problems, what: str) -> pd.Series:
    ids = _text_errors(sheet, "id", _column_texts(sheet, "id"), problems)
    ids = _drop_invisible_only(sheet, "id", ids, problems)
    _warn_invisible_twins(sheet, ids, problems)
    empty = ids.isna().to_numpy()
    _report_empty(sheet, "id", empty & ~sheet.empty[("invisible", "id")], problems)
    dup = ids.duplicated(keep="first").to_numpy() & ~empty
    if dup.any():
        first_row = {}
        for i, v in enumerate(ids.tolist()):
            if v is not None and v not in first_row:
                first_row[v] = int(sheet.rows[i])
        for i in np.flatnonzero(dup):
            v = ids.iat[i]
            problems.add("duplicate_id", sheet=sheet.title, row=int(sheet.rows[i]),
                         column=sheet.headers.get("id"), value=v,
                         fields={"value": v, "other": first_row[v]}, hint_fields={"what": what})
    return ids


def _required_texts(sheet: _Sheet, column: str, problems: _Problems) -> pd.Series:
    coded = _coded_texts(sheet, column)
    if coded is not None:
        codes, texts = coded
        texts = _coded_text_errors(sheet, column, codes, texts, problems)
        texts = _coded_invisible_only(sheet, column, codes, texts, problems)
        _report_empty(sheet, column, _is_none(texts)[codes] & ~sheet.empty[("invisible", column)], problems)
        sheet.coded[column] = (codes, texts)
        return _coded_series(sheet, column, codes, texts)
    texts = _text_errors(sheet, column, _column_texts(sheet, column), problems)
    texts = _drop_invisible_only(sheet, column, texts, problems)
    _report_empty(sheet, column, texts.isna().to_numpy() & ~sheet.empty[("invisible", column)], problems)
    return texts


def _optional_texts(sheet: _Sheet, column: str, problems: _Problems, keep_lines: bool = False) -> pd.Series:
    if column not in sheet.data:
        return pd.Series(None, index=sheet.data.index, dtype=object)
    coded = _coded_texts(sheet, column, keep_lines=keep_lines)
    if coded is not None:
        codes, texts = coded
        texts = _coded_text_errors(sheet, column, codes, texts, problems)
        if sheet.notes:
            _report_error_cells(sheet, column, _is_none(texts)[codes], problems)
        sheet.coded[column] = (codes, texts)
        return _coded_series(sheet, column, codes, texts)
    texts = _text_errors(sheet, column, _column_texts(sheet, column, keep_lines=keep_lines), problems)
    _report_error_cells(sheet, column, texts.isna().to_numpy(), problems)
    return texts


def _vocab_column(sheet: _Sheet, column: str, list_name: str, vocab: Vocabularies,
                  problems: _Problems, required: bool) -> pd.Series:
    sheet.coded.pop(column, None)
    texts = _required_texts(sheet, column, problems) if required else _optional_texts(sheet, column, problems)
    spec = schema.VOCABULARY_LISTS[list_name]
    coded = sheet.coded.get(column)
    if coded is not None:
        return _coded_vocab_column(sheet, column, list_name, vocab, problems, *coded)
    uniques = [u for u in pd.unique(texts.to_numpy(dtype=object)) if u is not None]
    table = {}
    for u in uniques:
        resolved = vocab.resolve(list_name, u)
        if resolved is None and spec.open:
            resolved = u
        table[u] = resolved
    resolved = texts.map(table)
    bad = (texts.notna() & resolved.isna()).to_numpy()
    for i in np.flatnonzero(bad):
        _vocab_unknown(problems, sheet, column, i, texts.iat[i], list_name, vocab)
    categories = vocab.values(list_name)
    extra = [v for v in pd.unique(resolved.dropna().to_numpy(dtype=object)) if v not in categories]
    return pd.Categorical(resolved.where(resolved.notna(), None), categories=categories + extra,
                          ordered=spec.ordered)


def _vocab_unknown(problems: _Problems, sheet: _Sheet, column: str, i: int, value, list_name: str,
                   vocab: Vocabularies) -> None:
    """The problem of row ``i``'s ``value``, not in the vocabulary list ``list_name``: what is allowed, and where."""
    problems.add("vocab_unknown", sheet=sheet.title, row=int(sheet.rows[i]),
                 column=sheet.headers.get(column, column), value=value,
                 fields={"value": value, "what": label(list_name, problems.lang)},
                 hint_fields={"allowed": vocab.allowed_text(list_name, problems.lang),
                              "list": schema.spec_name(schema.VOCABULARY_LISTS[list_name], problems.lang)})


def _coded_vocab_column(sheet: _Sheet, column: str, list_name: str, vocab: Vocabularies, problems: _Problems,
                        codes: np.ndarray, texts: np.ndarray) -> pd.Categorical:
    """:func:`_vocab_column` on a coded column: each distinct text resolved once, the categorical built from codes."""
    spec = schema.VOCABULARY_LISTS[list_name]
    resolved = np.empty(len(texts), dtype=object)
    for k, u in enumerate(texts):
        r = None if u is None else vocab.resolve(list_name, u)
        resolved[k] = u if r is None and u is not None and spec.open else r
    unknown = np.fromiter((u is not None and r is None for u, r in zip(texts, resolved)), dtype=bool, count=len(texts))
    if unknown.any():
        for i in np.flatnonzero(unknown[codes]):
            _vocab_unknown(problems, sheet, column, i, texts[codes[i]], list_name, vocab)
    categories = vocab.values(list_name)
    known = set(categories)
    # values outside the list (an open list) follow it in the order the rows first name them
    outside = [k for k, r in enumerate(resolved) if r is not None and r not in known]
    extra = []
    if outside:
        first = np.full(len(texts), len(codes), dtype=np.int64)
        present, at = np.unique(codes, return_index=True)
        first[present] = at  # code -1 lands on the last entry: its text is None, never outside
        seen = set()
        for k in sorted(outside, key=lambda k: first[k]):
            if first[k] < len(codes) and resolved[k] not in seen:
                seen.add(resolved[k])
                extra.append(resolved[k])
    where = {value: n for n, value in enumerate(categories + extra)}
    if len(where) < len(categories) + len(extra):  # the same value twice: as pandas says it
        return pd.Categorical(pd.Series(resolved[codes], dtype=object), categories=categories + extra,
                              ordered=spec.ordered)
    category = np.fromiter((-1 if r is None else where[r] for r in resolved), dtype=np.int64, count=len(resolved))
    return pd.Categorical.from_codes(category[codes], categories=categories + extra, ordered=spec.ordered)


def _domains_column(sheet: _Sheet, column: str, vocab: Vocabularies, problems: _Problems) -> pd.Series:
    if column not in sheet.data:
        return pd.Series([[] for _ in range(len(sheet.data))], index=sheet.data.index, dtype=object)
    raw = sheet.data[column]
    _report_error_cells(sheet, column, _sheet_empty(sheet, column), problems)
    cache: dict = {}
    names_nl = {}
    out = []
    for i, cell in enumerate(raw.tolist()):
        if is_missing(cell):
            out.append([])
            continue
        key = (type(cell) is bool, cell)  # TRUE is not taakveld 1
        if key in cache:
            codes, bad = cache[key]
        else:
            tokens = [cell] if isinstance(cell, (int, float)) else re.split(r"[;|\n]+", str(cell))
            codes, bad = [], []
            for token in tokens:
                text = _cell_text(token) if not isinstance(token, str) else token.strip()
                if not text:
                    continue
                code = _resolve_domain_token(token if not isinstance(token, str) else text, vocab)
                if code is None:
                    bad.append(text)
                elif code not in codes:
                    codes.append(code)
            cache[key] = (codes, bad)
        for token in bad:
            if not names_nl:
                names_nl = dict(zip(vocab.table.loc[vocab.table["list"] == "domain", "label_nl"],
                                    vocab.table.loc[vocab.table["list"] == "domain", "value"]))
            guess = _closest(token, list(names_nl)) if len(token) > 3 else None
            closest = f" ('{guess}' = {names_nl[guess]}?)" if guess else ""
            problems.add("domain_unknown", sheet=sheet.title, row=int(sheet.rows[i]),
                         column=sheet.headers.get(column, column), value=token,
                         fields={"value": token}, hint_fields={"closest": closest})
        out.append(list(codes))
    return pd.Series(out, index=sheet.data.index, dtype=object)


_SLASH_DATE = re.compile(r"\s*(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\s*")


def _swap_day_month(value):
    """``12/31/2018`` as ``31/12/2018``; any other value unchanged."""
    if isinstance(value, str):
        m = _SLASH_DATE.fullmatch(value)
        if m:
            return f"{m.group(2)}/{m.group(1)}/{m.group(3)}"
    return value


def _slash_order(sheet, column: str, uniques, codes, problems) -> bool:
    """Whether the ``d/m/y`` texts of a column are month-first (as an English-locale CSV writes them).

    Decided per column: a date whose second number is over 12 (``12/31/2018``)
    can only be month-first, so the column is read month-first, with a
    warning. When neither number is ever over 12 (``06/07/2019``) the column is
    ambiguous: it is read day-first, as in Dutch, with one warning that says
    so. A date whose first number is over 12 shows the column is day-first:
    no warning, and month-first-only dates beside it are reported unreadable.
    """
    day_first = month_first = ambiguous = None
    for k, u in enumerate(uniques):
        if not isinstance(u, str):
            continue
        m = _SLASH_DATE.fullmatch(u)
        if not m:
            continue
        a, b = int(m.group(1)), int(m.group(2))
        if a > 12 and b <= 12:
            day_first = day_first if day_first is not None else k
        elif b > 12 and a <= 12:
            month_first = month_first if month_first is not None else k
        elif a != b and a <= 12 and b <= 12:
            ambiguous = ambiguous if ambiguous is not None else k
    if day_first is not None or (month_first is None and ambiguous is None):
        return False  # day-first shown by the data itself (or no slash dates): the Dutch reading, silently
    which = month_first if month_first is not None else ambiguous
    row = int(sheet.rows[int(np.flatnonzero(codes == which)[0])])
    col = sheet.headers.get(column, column)
    if month_first is not None and day_first is None:
        problems.add("date_month_first", sheet=sheet.title, row=row, column=col, value=uniques[which],
                     severity="warning", fields={"value": uniques[which], "column": col})
        return True
    problems.add("date_slash_ambiguous", sheet=sheet.title, row=row, column=col, value=uniques[which],
                 severity="warning", fields={"value": uniques[which], "column": col})
    return False


def _date_column(sheet: _Sheet, column: str, problems: _Problems, end: bool) -> pd.Series:
    if column not in sheet.data:
        return pd.Series(pd.NaT, index=sheet.data.index, dtype="datetime64[ns]")
    raw = sheet.data[column]
    values = raw.to_numpy(dtype=object)
    # parse each distinct cell once (dates repeat a lot), then spread by code
    empty = _sheet_empty(sheet, column)
    codes, uniques = _factors(sheet, column)
    month_first = _slash_order(sheet, column, uniques, codes, problems)
    parsed = [None if is_missing(u) else parse_date(_swap_day_month(u) if month_first else u, end=end)
              for u in uniques]
    # a date that datetime64[ns] cannot hold (before 1678 or after 2261, such
    # as the 31-12-9999 some systems write for "no end") is a problem, not a crash
    outside = np.array([p is not None and not 1678 <= p.year <= 2261 and not pd.Timestamp.min <= p <= pd.Timestamp.max
                        for p in parsed], dtype=bool)
    parsed = [None if o else p for p, o in zip(parsed, outside)]
    unreadable = np.array([not is_missing(u) and p is None for u, p in zip(uniques, parsed)], dtype=bool)
    bad = ~empty & (codes >= 0) & unreadable[np.maximum(codes, 0)] if len(uniques) else np.zeros(len(values), bool)
    for i in np.flatnonzero(bad):
        v = values[i]
        key = "excel_error" if isinstance(v, str) and v.strip() in EXCEL_ERRORS else (
            "date_out_of_range" if outside[codes[i]] else "date_unreadable")
        if isinstance(v, _dt.time) and not isinstance(v, _dt.datetime) and v == _dt.time(0, 0):
            key = "date_serial_not_positive"  # a date cell holding 0 or less: calamine gives midnight
        problems.add(key, sheet=sheet.title, row=int(sheet.rows[i]), column=sheet.headers.get(column, column),
                     value=v, fields={"value": _display(v)})
    # Excel counts 29-02-1900, a day that never was: its serials up to 60 are a
    # day off, and serial 60 itself comes out as 28-02-1900
    early = np.array([isinstance(u, _dt.date) and (u.year, u.month) < (1900, 3) for u in uniques] + [False], dtype=bool)
    for i in np.flatnonzero(~empty & early[codes]):
        problems.add("date_excel_1900", sheet=sheet.title, row=int(sheet.rows[i]),
                     column=sheet.headers.get(column, column), value=values[i], severity="warning",
                     fields={"value": _display(values[i])})
    _report_error_cells(sheet, column, empty, problems)
    converted = pd.to_datetime(pd.Series([p if p is not None else pd.NaT for p in parsed], dtype=object),
                               errors="coerce").astype("datetime64[ns]").to_numpy()
    out = np.full(len(values), np.datetime64("NaT"), dtype="datetime64[ns]")
    known = (codes >= 0) & ~empty
    out[known] = converted[codes[known]]
    return pd.Series(out, index=sheet.data.index, dtype="datetime64[ns]")


def _bool_column(sheet: _Sheet, column: str, default: bool, problems: _Problems) -> pd.Series:
    if column not in sheet.data:
        return pd.Series(default, index=sheet.data.index, dtype=bool)
    raw = sheet.data[column]
    _report_error_cells(sheet, column, _sheet_empty(sheet, column), problems)
    parsed = _map_column(sheet, column, _parse_bool)
    bad = (parsed.isna() & ~pd.Series(_sheet_empty(sheet, column), index=raw.index)).to_numpy()
    default_text = label("yes" if default else "no", problems.lang) if bad.any() else None
    for i in np.flatnonzero(bad):
        v = raw.iat[i]
        key = "excel_error" if isinstance(v, str) and v.strip() in EXCEL_ERRORS else "bool_bad"
        problems.add(key, sheet=sheet.title, row=int(sheet.rows[i]), column=sheet.headers.get(column, column),
                     value=v, fields={"value": _display(v)}, hint_fields={"default": default_text})
    return parsed.where(parsed.notna(), default).astype(bool)


#: "1,000" and "1.000": a thousand in one convention, one in the other.
_AMBIGUOUS_NUMBER = re.compile(r"[-+]?\d{1,3}[.,]\d{3}")


def _is_ambiguous_number(v) -> bool:
    return isinstance(v, str) and _AMBIGUOUS_NUMBER.fullmatch(v.strip()) is not None


def _number_column(sheet: _Sheet, column: str, problems: _Problems, key: str, valid) -> pd.Series:
    if column not in sheet.data:
        return pd.Series(np.nan, index=sheet.data.index, dtype=float)
    raw = sheet.data[column]
    empty = _sheet_empty(sheet, column)
    codes, uniques = _factors(sheet, column)
    if not _may_mix_bools(uniques):
        # each distinct cell parsed, checked and looked at for '1.500' once, then spread by code
        number = np.full(len(uniques) + 1, np.nan)
        fine = np.zeros(len(uniques) + 1, dtype=bool)
        unsure = np.zeros(len(uniques) + 1, dtype=bool)
        for k, u in enumerate(uniques):
            if is_missing(u):
                continue
            parsed = _parse_number(u)
            if parsed is not None:
                number[k], fine[k] = parsed, bool(valid(parsed))
            unsure[k] = _is_ambiguous_number(u)
        arr, ok, ambiguous = number[codes], fine[codes], unsure[codes]
        numbers = pd.Series(arr, index=raw.index, name=raw.name, dtype=float)
    else:
        parsed = _map_column(sheet, column, _parse_number)
        numbers = pd.to_numeric(parsed, errors="coerce")
        # check each distinct number once
        arr = numbers.to_numpy(dtype=float, na_value=np.nan)
        distinct = pd.unique(arr[~np.isnan(arr)])
        allowed = distinct[np.array([bool(valid(x)) for x in distinct], dtype=bool)] if len(distinct) else distinct
        ok = np.isin(arr, allowed)
        # '1.500' or '1,500': thousands or decimals? Only texts can be; each distinct text is looked at once
        ambiguous = _map_column(sheet, column, _is_ambiguous_number).to_numpy(dtype=object) == True  # noqa: E712
    bad = ~ok & ~empty
    for i in np.flatnonzero(bad):
        v = raw.iat[i]
        k = "excel_error" if isinstance(v, str) and v.strip() in EXCEL_ERRORS else key
        if k == "commitment_bad" and 1 <= arr[i] <= 5:  # '3,5' is between 1 and 5, only not whole
            k = "commitment_not_whole"
        problems.add(k, sheet=sheet.title, row=int(sheet.rows[i]), column=sheet.headers.get(column, column),
                     value=v, fields={"value": _display(v)})
    for i in np.flatnonzero(ok & ambiguous):
        v = raw.iat[i]
        if isinstance(v, str) and _AMBIGUOUS_NUMBER.fullmatch(v.strip()):
            text = v.strip()
            whole = float(re.sub(r"[.,]", "", text))
            decimal = float(re.sub(r"[.,]", ".", text))
            other = decimal if arr[i] == whole else whole
            problems.add("number_ambiguous", sheet=sheet.title, row=int(sheet.rows[i]),
                         column=sheet.headers.get(column, column), value=v, severity="warning",
                         fields={"value": text, "read": f"{arr[i]:g}", "other": f"{other:g}"})
    _report_error_cells(sheet, column, empty, problems)
    return numbers.where(pd.Series(ok, index=numbers.index), np.nan).astype(float)


#: Attribute names that networkx, the graph builders or the GEXF/GraphML
#: writers use themselves: an extra column of that name would be overwritten,
#: raise "got multiple values for keyword argument", or break the GEXF writer
#: (``spells`` must be a list of intervals). Such a column is renamed.
RESERVED_ATTRIBUTES = frozenset({
    "kind", "bipartite", "n_actors", "node_for_adding", "u_of_edge", "v_of_edge", "label", "spells", "viz",
    "pid", "start", "end", "id", "weight", "type", "types", "n_ties", "opgaven", "directed", "since", "until",
    "involved_since", "involved_until", "name", "tie_type", "tie_types", "actors", "actor", "opgave",
    "source", "target", "key", "attr", "start_open", "end_open",
})


def _with_extras(frame: pd.DataFrame, extras: dict) -> pd.DataFrame:
    """``frame`` with the extra columns added at once (one at a time makes a
    wide sheet's frame fragmented, and pandas warns about it)."""
    if not extras:
        return frame
    keep = frame.drop(columns=[k for k in extras if k in frame.columns])
    return pd.concat([keep, pd.DataFrame(extras, index=frame.index)], axis=1)


def _extra_columns(sheet: _Sheet, problems: _Problems | None = None) -> dict[str, pd.Series]:
    known = {c.name for c in sheet.spec.columns}
    extras = {}
    taken = {str(c) for c in sheet.data.columns}
    for col in sheet.data.columns:
        if col in known:
            continue
        name = col
        if str(col) in RESERVED_ATTRIBUTES or str(col) == ROW:
            name = f"{col}_"
            while name in taken:
                name += "_"
            taken.add(name)
            if problems is not None:
                problems.add("column_reserved", sheet=sheet.title, row=sheet.header_row, column=str(col),
                             value=str(col), severity="warning",
                             fields={"value": str(col), "new": name})
        series = sheet.data[col]
        empty = _sheet_empty(sheet, col)
        values = series.where(~empty, None).to_numpy(dtype=object)
        non_empty = [v for v in values if v is not None]
        if non_empty and all(isinstance(v, str) for v in non_empty):
            extras[name] = pd.Series([v.strip() if v is not None else None for v in values],
                                     index=sheet.data.index, dtype="object").astype("str").where(~empty, None)
        else:
            extras[name] = pd.Series(values, index=sheet.data.index, dtype=object).infer_objects()
    return extras


# --------------------------------------------------------------------------
# references
# --------------------------------------------------------------------------

def _resolve_refs(sheet: _Sheet, column: str, refs: pd.Series, ids: pd.Index, target_sheet: str,
                  what: str, problems: _Problems) -> pd.Series:
    """Check that references name existing ids; fold case and spaces when unique."""
    valid = set(ids)
    coded = sheet.coded.get(column)
    if coded is not None:  # each distinct text looked up once
        codes, texts = coded
        unknown = np.fromiter((v is not None and v not in valid for v in texts), dtype=bool, count=len(texts))
        unknown_positions = np.flatnonzero(unknown[codes]) if unknown.any() else _NO_POSITIONS
    else:
        present = refs.notna().to_numpy()
        known = refs.isin(valid).to_numpy()
        unknown_positions = np.flatnonzero(present & ~known)
    if len(unknown_positions) == 0:
        return refs
    folded: dict[str, list[str]] = {}
    for i in ids:
        folded.setdefault(_fold_id(str(i)), []).append(i)
    refs = refs.copy()
    fixed: dict = {}  # text -> what it became
    hinted = 0
    closest_cache: dict[str, str | None] = {}
    for i in unknown_positions:
        v = refs.iat[i]
        row = int(sheet.rows[i])
        candidates = folded.get(_fold_id(v), [])
        if len(candidates) == 1:
            target = candidates[0]
            problems.add("ref_case", sheet=sheet.title, row=row, column=sheet.headers.get(column, column),
                         value=v, severity="warning", fields={"value": v, "target": target})
            refs.iat[i] = target
            fixed[v] = target
            continue
        if v not in closest_cache:
            guess = None
            if hinted < 50:
                pool = list(valid) if len(valid) <= 5000 else [x for x in valid if x[:1].casefold() == v[:1].casefold()]
                guess = _closest(v, pool, cutoff=0.5)
                hinted += 1
            closest_cache[v] = guess
        guess = closest_cache[v]
        closest = message("closest_id", problems.lang, name=guess) if guess else ""
        problems.add("unknown_ref", sheet=sheet.title, row=row, column=sheet.headers.get(column, column),
                     value=v, fields={"value": v, "what": what},
                     hint_fields={"sheet": target_sheet, "closest": closest})
        refs.iat[i] = None
        fixed[v] = None
    if coded is not None:  # the same for every cell of the same text
        texts = texts.copy()
        texts[:-1] = [fixed.get(v, v) for v in texts[:-1]]
        sheet.coded[column] = (codes, texts)
    return refs


_NO_POSITIONS = np.zeros(0, dtype=np.intp)


def _fold_id(text: str) -> str:
    """An id as compared when no id matches exactly: case, runs of spaces,
    Unicode form (é typed on a Mac vs on Windows) and invisible characters
    (zero-width spaces, direction marks, soft hyphens pasted from the web)
    do not count."""
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return " ".join(text.split()).casefold()


def _check_period(sheet: _Sheet, since: pd.Series, until: pd.Series, problems: _Problems):
    bad = (since.notna() & until.notna() & (until < since)).to_numpy()
    for i in np.flatnonzero(bad):
        problems.add("until_before_since", sheet=sheet.title, row=int(sheet.rows[i]),
                     column=sheet.headers.get("until", "tot"),
                     value=_display(until.iat[i]),
                     fields={"since": _display(since.iat[i]), "until": _display(until.iat[i])})


def _sheet_label(name: str, lang: str) -> str:
    return schema.spec_name(schema.SHEETS[name], lang)


# --------------------------------------------------------------------------
# the whole case
# --------------------------------------------------------------------------

#: Characters no cell should hold: C0 controls but tab and line breaks, DEL,
#: C1 controls, lone surrogates and the XML non-characters. XML 1.0 cannot
#: carry most of them (GEXF, GraphML and SVG would not be well-formed), and
#: printed to a terminal ESC and its friends retitle or clear it.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _strip_control_characters(grid: Grid, problems: _Problems, limit: int = 50) -> None:
    """Remove control characters from every text cell of ``grid``, with a
    warning naming the cell (the first ``limit`` cells, then a count)."""
    cells = grid.cells
    if cells.empty:
        return
    found = 0
    for j, col in enumerate(cells.columns):
        values = cells[col].to_numpy(dtype=object)
        try:  # a column of only texts (calamine reads an empty cell as ''): joined at once
            joined = "".join(values)
        except TypeError:
            joined = "".join(filter(str.__instancecheck__, values))  # isinstance(v, str), at C speed
        if joined.isprintable() or _CONTROL_RE.search(joined) is None:  # every control character is unprintable
            continue
        for i, v in enumerate(values):
            if isinstance(v, str) and _CONTROL_RE.search(v):
                clean = _CONTROL_RE.sub("", v)
                cells.iat[i, j] = clean
                found += 1
                if found <= limit:
                    problems.add("control_characters", sheet=grid.title, row=grid.first_row + i,
                                 column=get_column_letter(j + 1), value=clean, severity="warning",
                                 fields={"n": len(v) - len(clean)})
    if found > limit:
        problems.add("control_characters_more", sheet=grid.title, severity="warning", fields={"n": found - limit},
                     hint_key="control_characters_hint")


# --------------------------------------------------------------------------
# one column, read by its kind
# --------------------------------------------------------------------------

@dataclass
class _Reading:
    """What the readers of one case share: the problems and the vocabularies."""

    problems: _Problems
    vocab: Vocabularies


def _read_id(sheet: _Sheet, col: schema.ColumnSpec, ctx: _Reading):
    return _ids(sheet, ctx.problems, {"actors": "actor", "opgaven": "opgave"}[sheet.spec.name])


def _read_text(sheet: _Sheet, col: schema.ColumnSpec, ctx: _Reading):
    if col.required:  # a missing required column is reported with the sheet; no values then
        return _required_texts(sheet, col.name, ctx.problems) if col.name in sheet.data else None
    return _optional_texts(sheet, col.name, ctx.problems, keep_lines=col.kind == "longtext")


def _read_vocab(sheet: _Sheet, col: schema.ColumnSpec, ctx: _Reading):
    if col.required and col.name not in sheet.data:
        return None
    return _vocab_column(sheet, col.name, col.kind.partition(":")[2], ctx.vocab, ctx.problems, col.required)


def _read_domains(sheet: _Sheet, col: schema.ColumnSpec, ctx: _Reading):
    return _domains_column(sheet, col.name, ctx.vocab, ctx.problems)


def _read_bool(sheet: _Sheet, col: schema.ColumnSpec, ctx: _Reading):
    return _bool_column(sheet, col.name, col.default, ctx.problems)


def _read_commitment(sheet: _Sheet, col: schema.ColumnSpec, ctx: _Reading):
    numbers = _number_column(sheet, col.name, ctx.problems, "commitment_bad",
                             lambda x: 1 <= x <= 5 and float(x).is_integer())
    return numbers.astype("Int64")


def _read_weight(sheet: _Sheet, col: schema.ColumnSpec, ctx: _Reading):
    weight = _number_column(sheet, col.name, ctx.problems, "weight_bad", lambda x: x >= 0)
    if col.name not in sheet.data:
        return weight.fillna(col.default)
    # an empty cell takes the default; a wrong one stays empty (it is an error already)
    return weight.where(weight.notna() | pd.Series(~_sheet_empty(sheet, col.name), index=weight.index), col.default)


def _read_date(sheet: _Sheet, col: schema.ColumnSpec, ctx: _Reading):
    return _date_column(sheet, col.name, ctx.problems, end=col.kind == "date:end")


#: How each ``ColumnSpec.kind`` is converted and checked (``ref:`` columns are
#: read as text here and resolved against their sheet by :func:`_resolve_references`).
READERS = {
    "id": _read_id,
    "text": _read_text,
    "longtext": _read_text,
    "ref": _read_text,
    "vocab": _read_vocab,
    "domains": _read_domains,
    "bool": _read_bool,
    "commitment": _read_commitment,
    "weight": _read_weight,
    "date": _read_date,
}


def _reading_order(col: schema.ColumnSpec) -> int:
    """References first, then dates, then weights, then the rest in the sheet's order
    (so that problems come in the order users have always seen them)."""
    kind = col.kind.partition(":")[0]
    return {"ref": 0 if col.required else 1, "date": 2, "weight": 3}.get(kind, 4)


def _read_sheet(sheet: _Sheet, ctx: _Reading) -> pd.DataFrame:
    """The columns of one sheet, each read by its kind, then the extra columns and the row numbers."""
    spec = sheet.spec
    values = {}
    for col in sorted(spec.columns, key=_reading_order):
        series = READERS[col.kind.partition(":")[0]](sheet, col, ctx)
        if series is not None:
            values[col.name] = series
    short = values.get("short_name")
    if short is not None and ("short_name" not in sheet.data or short.isna().all()):
        del values["short_name"]  # an empty optional column (e.g. from the template) is no column
    frame = pd.DataFrame({c.name: values[c.name] for c in spec.columns if c.name in values})
    frame = _with_extras(frame, _extra_columns(sheet, ctx.problems))
    frame[ROW] = sheet.rows
    return frame


def _keyed(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows with an id, the first of each id, indexed by id."""
    return frame[frame["id"].notna()].drop_duplicates("id", keep="first").set_index("id")


# --------------------------------------------------------------------------
# checks across columns and sheets
# --------------------------------------------------------------------------

def _check_shared_ids(actors, opgaven, sheets, problems: _Problems) -> None:
    """An id may name an actor or an opgave, not both."""
    if actors is None or opgaven is None:
        return
    for v in actors.index.intersection(opgaven.index):
        problems.add("id_shared", sheet=sheets["opgaven"].title, row=int(opgaven.at[v, ROW]),
                     column=sheets["opgaven"].headers.get("id"), value=v, fields={"value": v})


def _resolve_references(frame: pd.DataFrame, sheet: _Sheet, keys: dict, problems: _Problems) -> None:
    """Every ``ref:`` column names a row of its sheet (``keys``: sheet name -> its ids, or None)."""
    for col in sheet.spec.columns:
        kind, _, target = col.kind.partition(":")
        if kind != "ref" or keys.get(target) is None or col.name not in frame or col.name not in sheet.data:
            continue
        what = {"actors": "actor", "opgaven": "opgave"}[target]
        refs = _resolve_refs(sheet, col.name, frame[col.name], keys[target],
                             _sheet_label(target, problems.lang), what, problems).to_numpy(dtype=object)
        coded = sheet.coded.get(col.name)
        if coded is None or all(v is None for v in coded[1]):  # (pandas keeps a column of only None as objects)
            frame[col.name] = refs
            continue
        # each cell's row in its target sheet, looked up once per distinct text; the column as the
        # string array pandas makes of ``refs``, built from the distinct texts (no pass over every cell)
        codes, texts = coded
        sheet.positions[col.name] = keys[target].get_indexer(texts)[codes]
        frame[col.name] = pd.array(texts, dtype="str")[codes]


def _check_self_ties(ties: pd.DataFrame, sheet: _Sheet, problems: _Problems) -> None:
    """A tie runs between two actors, not from one to itself."""
    src, tgt = ties["source"], ties["target"]
    if "source" in sheet.positions and "target" in sheet.positions:  # the same actor: the same row of actors
        a, b = sheet.positions["source"], sheet.positions["target"]
        same = (a >= 0) & (a == b)
    else:
        same = (src.notna() & (src == tgt)).to_numpy()
    for i in np.flatnonzero(same):
        problems.add("self_tie", sheet=sheet.title, row=int(sheet.rows[i]),
                     column=sheet.headers.get("target"), value=src.iat[i], fields={"value": src.iat[i]})


def _warn_duplicate_involvement(involvement: pd.DataFrame, sheet: _Sheet, problems: _Problems) -> None:
    """The same actor in the same opgave since the same date, twice."""
    dup = (involvement.duplicated(["actor", "opgave", "since"], keep=False) & involvement["actor"].notna()
           & involvement["opgave"].notna())
    if not dup.any():
        return
    first = involvement[dup].groupby(["actor", "opgave", "since"], dropna=False)[ROW].transform("min")
    for idx in involvement.index[dup]:
        if involvement.at[idx, ROW] != first.at[idx]:
            problems.add("duplicate_involvement", sheet=sheet.title, row=int(involvement.at[idx, ROW]),
                         value=involvement.at[idx, "actor"], severity="warning", fields={"other": int(first.at[idx])})


def _warn_unused(actors, opgaven, involvement, sheets, problems: _Problems) -> None:
    """Actors in no opgave, opgaven without actors (only for a case without errors: they would be noise)."""
    if involvement is None or problems.has_errors:
        return
    for frame, column, sheet_name, key in ((actors, "actor", "actors", "actor_no_involvement"),
                                           (opgaven, "opgave", "opgaven", "opgave_no_actors")):
        if frame is None:
            continue
        involved = set(involvement[column].dropna())
        for v in frame.index:
            if v not in involved:
                problems.add(key, sheet=sheets[sheet_name].title, row=int(frame.at[v, ROW]), value=v,
                             severity="warning", fields={"value": v})


def _warn_duplicate_ties(ties: pd.DataFrame, sheet: _Sheet, problems: _Problems) -> None:
    """The same tie (an undirected one either way round) of the same type, opgave and since, twice.

    Compared as integer codes: each id, type and opgave factorized once, so
    100,000 ties take a few hash passes instead of string comparisons.
    """
    if "source" in sheet.positions and "target" in sheet.positions:  # each actor's row of actors: its code
        a, b = sheet.positions["source"], sheet.positions["target"]
        valid = (a >= 0) & (b >= 0)  # a reference that names no actor is empty by now
    else:
        valid = (ties["source"].notna() & ties["target"].notna()).to_numpy()
    if not valid.any():
        return
    if "source" not in sheet.positions or "target" not in sheet.positions:
        ends, _ = pd.factorize(np.concatenate([ties["source"].to_numpy(dtype=object),
                                               ties["target"].to_numpy(dtype=object)]), use_na_sentinel=True)
        a, b = ends[:len(ties)], ends[len(ties):]
    a, b = np.where(valid, a, -2), np.where(valid, b, -2)
    opgave = sheet.positions.get("opgave")
    if opgave is None:
        opgave = pd.factorize(ties["opgave"].to_numpy(dtype=object), use_na_sentinel=True)[0]
    directed = ties["directed"].to_numpy(dtype=bool)
    lo = np.where(directed, a, np.minimum(a, b)).astype(np.int64) + 2
    hi = np.where(directed, b, np.maximum(a, b)).astype(np.int64) + 2
    kind = pd.Categorical(ties["type"]).codes.astype(np.int64) + 1
    opgave = np.asarray(opgave, dtype=np.int64) + 1
    # the ends as one number, type, opgave and direction as another, and with the date's code all as one
    # when the product of their ranges fits: one hash pass instead of six
    ends = lo * (int(max(lo.max(), hi.max())) + 1) + hi
    what = (kind * (int(opgave.max()) + 1) + opgave) * 2 + directed
    since = pd.factorize(ties["since"].to_numpy(dtype="datetime64[ns]").view("int64"))[0].astype(np.int64) + 1
    n_what, n_since = int(what.max()) + 1, int(since.max()) + 1
    if (int(ends.max()) + 1) * n_what * n_since < 2 ** 62:
        key = pd.DataFrame({"key": (ends * n_what + what) * n_since + since}, index=ties.index)
    else:
        key = pd.DataFrame({"ends": ends, "what": what, "since": since}, index=ties.index)
    dup = key.duplicated(keep="first").to_numpy() & valid
    if not dup.any():
        return
    first = key.assign(**{ROW: ties[ROW]}).groupby(list(key.columns))[ROW].transform("min")
    for idx in ties.index[dup]:
        problems.add("duplicate_tie", sheet=sheet.title, row=int(ties.at[idx, ROW]),
                     value=f"{ties.at[idx, 'source']} – {ties.at[idx, 'target']}", severity="warning",
                     fields={"other": int(first.at[idx])})


#: The columns without which a sheet is not read at all (their absence is reported with the sheet).
_KEY_COLUMNS = {"actors": ("id",), "opgaven": ("id",), "involvement": ("actor", "opgave"), "ties": ("source", "target")}

#: The checks that need more than one column of a sheet, run after its columns are read.
SHEET_CHECKS = {
    "involvement": (_warn_duplicate_involvement,),
    "ties": (_check_self_ties, _warn_duplicate_ties),
}


# --------------------------------------------------------------------------
# the whole case
# --------------------------------------------------------------------------

def check_grids(grids: list[Grid], *, lang: str = "nl", name: str | None = None,
                source: str | None = None, extra_problems: list[dict] | None = None, phases=None):
    """Interpret and check sheet grids; return the tables of a Case (its keyword
    arguments) or raise ValidationError listing every problem.

    Each sheet is read column by column as :mod:`opgavelab.schema` declares it
    (:data:`READERS`), then checked across columns and sheets.
    ``phases`` (a :class:`opgavelab._progress.Phases`) is ticked once per table checked.
    """
    phases = phases if phases is not None else Phases(False)
    problems = _Problems(lang)
    sheets = _open_sheets(grids, problems, extra_problems)
    ctx = _Reading(problems, _build_vocabularies(sheets.get("vocabularies"), problems))
    tables, keys = {}, {}
    for key in ("actors", "opgaven", "involvement", "ties"):
        phases.tick(_sheet_label(key, lang))
        sheet = sheets.get(key)
        if sheet is None or not set(_KEY_COLUMNS[key]) <= set(sheet.data.columns):
            tables[key] = None
            continue
        frame = _read_sheet(sheet, ctx)
        _resolve_references(frame, sheet, keys, problems)
        if "since" in frame:
            _check_period(sheet, frame["since"], frame["until"], problems)
        for check in SHEET_CHECKS.get(key, ()):
            check(frame, sheet, problems)
        tables[key] = _keyed(frame) if "id" in frame else frame
        if key == "opgaven":
            _check_shared_ids(tables["actors"], tables["opgaven"], sheets, problems)
        keys[key] = tables[key].index if "id" in frame else None
    phases.tick(message("progress.case", lang) if phases.enabled else None)
    _warn_unused(tables["actors"], tables["opgaven"], tables["involvement"], sheets, problems)
    if problems.has_errors:
        raise ValidationError(problems.items, lang=lang)
    tables = _final_tables(tables)
    phases.tick()
    return {**tables, "vocabularies": ctx.vocab.table, "name": name, "source": source,
            "warnings": pd.DataFrame(problems.items), "lang": lang}


def _open_sheets(grids: list[Grid], problems: _Problems, extra_problems) -> dict[str, _Sheet]:
    """Find each sheet among the grids and find its header; hidden sheets are said."""
    for p in extra_problems or []:
        problems.items.append(p)
    for grid in grids:
        problems.items.extend(grid.problems)
        _strip_control_characters(grid, problems)
    found = _find_sheets(grids, problems)
    for grid in found.values():
        if grid.state in ("hidden", "veryHidden"):
            key = "sheet_very_hidden" if grid.state == "veryHidden" else "sheet_hidden"
            problems.add(key, sheet=grid.title, severity="warning", fields={"sheet": grid.title})
    return {key: _prepare_sheet(key, grid, problems) for key, grid in found.items()}


#: Columns held as pandas' string dtype in a Case.
_STRING_COLUMNS = {"actors": ("name", "sector"), "opgaven": ("name", "origin", "core_challenge", "description"),
                   "involvement": ("actor", "opgave"), "ties": ("source", "target", "opgave")}


def _final_tables(tables: dict) -> dict:
    """The checked tables as a Case holds them: row numbers dropped, ids and texts as strings."""
    if tables["ties"] is None:
        tables["ties"] = _empty_ties()
    out = {}
    for key, frame in tables.items():
        if key in ("involvement", "ties"):
            frame = frame.reset_index(drop=True)
        frame = frame.drop(columns=ROW, errors="ignore")
        if key in ("actors", "opgaven"):
            frame.index = frame.index.astype("str")
            frame.index.name = "id"
        for col in _STRING_COLUMNS[key]:
            if col in frame:
                frame[col] = frame[col].astype("str")
        out[key] = frame
    return out


def _empty_ties() -> pd.DataFrame:
    return pd.DataFrame({
        "source": pd.Series([], dtype="str"),
        "target": pd.Series([], dtype="str"),
        "type": pd.Categorical([], categories=schema.VOCABULARY_LISTS["tie_type"].values),
        "weight": pd.Series([], dtype=float),
        "opgave": pd.Series([], dtype=object),
        "directed": pd.Series([], dtype=bool),
        "since": pd.Series([], dtype="datetime64[ns]"),
        "until": pd.Series([], dtype="datetime64[ns]"),
    })
