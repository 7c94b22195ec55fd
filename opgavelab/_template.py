"""The case workbook as openpyxl writes it: the template and saved cases."""

from __future__ import annotations

import datetime as _dt
from copy import copy

import pandas as pd

from . import schema
from ._i18n import label, message
from ._sheets import print_setup, wrapped_height

_HEADERS_EN = {
    "actors": ["id", "name", "short_name", "type", "scale", "sector", "domains"],
    "opgaven": ["id", "name", "origin", "core_challenge", "scale", "domains", "description"],
    "involvement": ["actor", "opgave", "role", "aware", "commitment", "since", "until"],
    "ties": ["source", "target", "type", "weight", "opgave", "directed", "since", "until"],
    "vocabularies": ["list", "value", "label", "colour", "order"],
}

_REQUIRED_FILL = "FFE8F0FA"
_HEADER_FILL = "FF1F4E79"

_EXAMPLES = {
    "actors": ["gem-a", "Gemeente Aastad", "Aastad", "overheid", "lokaal", "publiek", "3.1; 8.1"],
    "opgaven": ["economie", "Regionale economische groei", "Regiodeal met het Rijk",
                "Werk en wonen in balans brengen", "regionaal", "3.1; 6.5; 8.1; 1.2", "..."],
    "involvement": ["gem-a", "economie", "trekker", "ja", 4, 2019, None],
    "ties": ["gem-a", "bedr-b", "samenwerking", 2, "economie", "nee", 2020, None],
    "vocabularies": ["rol", "aanjager", "Aanjager", "#0072B2", 7],
}

def _instructions(lang: str) -> list[tuple[str, str]]:
    """The rows of the instructions sheet (catalogue keys ``template.*``)."""
    def m(key):
        return message("template." + key, lang)

    sheets = [(schema.spec_name(schema.SHEETS[k], lang), m("sheet." + k))
              for k in ("actors", "opgaven", "involvement", "ties", "vocabularies")]
    return [(m("title"), ""), ("", ""), (m("intro_names"), ""), (m("intro_required"), ""), (m("intro_check"), ""),
            ("", ""), (m("head_sheet"), m("head_what")), *sheets, ("taakvelden", m("sheet.taakvelden")), ("", ""),
            (m("dates_label"), m("dates")), (m("codes_label"), m("codes"))]


def _headers(sheet: str, lang: str) -> list[str]:
    spec = schema.SHEETS[sheet]
    return [schema.spec_name(spec.column(c), lang) for c in _HEADERS_EN[sheet]]


def _sheet_title(sheet: str, lang: str) -> str:
    return schema.spec_name(schema.SHEETS[sheet], lang)


_LAST_ROW = 5000  # the dropdowns and text formats reach this row of every data sheet


def build_template(lang: str = "nl"):
    """An openpyxl Workbook with every sheet, headers, instructions and dropdowns."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    wb = Workbook()
    _instructions_sheet(wb.active, lang)
    lists = _choices_sheet(wb, lang)
    header_font = Font(bold=True, color="FFFFFFFF")
    header_fill = PatternFill("solid", fgColor=_HEADER_FILL)
    for sheet in ("actors", "opgaven", "involvement", "ties", "vocabularies"):
        _data_sheet(wb, sheet, lists, header_font, header_fill, lang)
    _taakvelden_sheet(wb, header_font, header_fill, lang)
    wb.active = 0
    return wb


def _instructions_sheet(info, lang: str) -> None:
    """The first sheet: how to fill in the workbook (rows from :func:`_instructions`)."""
    from openpyxl.styles import Alignment, Font

    info.title = message("template.instructions_sheet", lang)
    for row in _instructions(lang):
        info.append(list(row))
    info["A1"].font = Font(bold=True, size=14)
    info.column_dimensions["A"].width = 18
    info.column_dimensions["B"].width = 120
    for row in info.iter_rows(min_row=7):
        row[0].font = Font(bold=True)
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        # rows do not grow by themselves in print or in LibreOffice: give a wrapped row its height
        info.row_dimensions[row[0].row].height = max(wrapped_height(row[0].value, 18),
                                                     wrapped_height(row[1].value, 120))
    print_setup(info, landscape=True)


def _choices_sheet(wb, lang: str) -> dict[str, str]:
    """A hidden sheet with the values the dropdowns offer; the cell range of each list by its name."""
    choices = wb.create_sheet("_keuzes")
    vocab = schema.default_vocabularies()
    lists = {}
    yes_no = [label("yes", lang), label("no", lang)]
    columns = [("actor_type", None), ("scale", None), ("tie_type", None), ("role", None), ("yes_no", yes_no)]
    for j, (name, fixed) in enumerate(columns, start=1):
        if fixed is None:
            sub = vocab[vocab["list"] == name].sort_values("order")
            values = sub["value"].tolist()
        else:
            values = fixed
        letter = chr(64 + j)
        choices.cell(row=1, column=j, value=name)
        for i, v in enumerate(values, start=2):
            choices.cell(row=i, column=j, value=v)
        lists[name] = f"'_keuzes'!${letter}$2:${letter}${len(values) + 1}"
    choices.sheet_state = "hidden"
    return lists


def _data_sheet(wb, sheet: str, lists: dict, header_font, header_fill, lang: str) -> None:
    """One sheet of the case: its headers, required columns shaded, a check per column kind."""
    from openpyxl.styles import PatternFill

    required_fill = PatternFill("solid", fgColor=_REQUIRED_FILL)
    ws = wb.create_sheet(_sheet_title(sheet, lang))
    ws.append(_headers(sheet, lang))
    spec = schema.SHEETS[sheet]
    for j, canonical in enumerate(_HEADERS_EN[sheet], start=1):
        cell = ws.cell(row=1, column=j)
        cell.font = header_font
        cell.fill = header_fill
        letter = cell.column_letter
        ws.column_dimensions[letter].width = max(12, len(str(cell.value)) + 4)
        col = spec.column(canonical)
        if col.required:
            for r in range(2, 52):
                ws.cell(row=r, column=j).fill = required_fill
        dv = _column_validation(col, lists, lang)
        if dv is not None:
            ws.add_data_validation(dv)
            dv.add(f"{letter}2:{letter}{_LAST_ROW}")
        if col.kind in ("text",) and canonical in ("name", "origin", "core_challenge", "description"):
            ws.column_dimensions[letter].width = 32
        if col.kind == "domains":
            ws.column_dimensions[letter].width = 22
            for r in range(2, _LAST_ROW + 1):
                ws.cell(row=r, column=j).number_format = "@"
    ws.freeze_panes = "A2"
    print_setup(ws, header_row=1)


def _column_validation(col, lists: dict, lang: str):
    """The spreadsheet's own check of a column: a dropdown for a list or yes/no, a range for
    commitment and weight; None for other kinds."""
    from openpyxl.worksheet.datavalidation import DataValidation

    source = None
    if col.kind.startswith("vocab:"):
        source = lists.get(col.kind.split(":", 1)[1])
    elif col.kind == "bool":
        source = lists["yes_no"]
    if source:
        dv = DataValidation(type="list", formula1=f"={source}", allow_blank=True,
                            showErrorMessage=col.kind != "vocab:role",
                            errorStyle="warning" if col.kind == "vocab:role" else "stop")
        dv.error = message("tpl_dv_list_error", lang)
        dv.errorTitle = "opgavelab"
        return dv
    if col.kind not in ("commitment", "weight"):
        return None
    # showErrorMessage: without it Excel and LibreOffice accept any value silently
    if col.kind == "commitment":
        dv = DataValidation(type="whole", operator="between", formula1="1", formula2="5")
    else:
        dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
    dv.allow_blank = True
    dv.showErrorMessage = True
    dv.errorStyle = "stop"
    dv.errorTitle = message("tpl_dv_title", lang)
    dv.error = message(f"tpl_dv_{col.kind}_error", lang)
    dv.showInputMessage = True
    dv.promptTitle = message(f"tpl_dv_{col.kind}_title", lang)
    dv.prompt = message(f"tpl_dv_{col.kind}_error", lang)
    return dv


def _taakvelden_sheet(wb, header_font, header_fill, lang: str) -> None:
    """A reference list of the BBV taakvelden (code, name, level)."""
    ref = wb.create_sheet("taakvelden")
    ref.append(["code", message("template.column.name", lang), message("template.column.level", lang)])
    for cell in ref[1]:
        cell.font = header_font
        cell.fill = header_fill
    tv = schema.taakvelden()
    for code, rec in tv.iterrows():
        name = (message("template.taakveld_name", lang, name=rec["naam"], name_en=rec["name_en"]) if rec["name_en"]
                else rec["naam"])
        ref.append([code, name, rec["niveau"]])
        ref.cell(row=ref.max_row, column=1).data_type = "s"
    ref.column_dimensions["A"].width = 8
    ref.column_dimensions["B"].width = 60
    ref.column_dimensions["C"].width = 26
    ref.freeze_panes = "A2"
    print_setup(ref, header_row=1, landscape=False)


def _cell_value(value, kind: str, lang: str):
    if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
        return None
    if kind == "domains":
        return "; ".join(value) if value else None
    if kind == "bool":
        return label("yes" if value else "no", lang)
    if kind == "date":
        ts = pd.Timestamp(value)
        return _dt.datetime(ts.year, ts.month, ts.day)
    if kind == "commitment":
        return int(value)
    if kind == "weight":
        return float(value)
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item") and not isinstance(value, str):
        return value.item()
    return value


def _write(ws, row: int, column: int, value) -> None:
    cell = ws.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str):
        # text stays text: never let a spreadsheet run "=..." as a formula
        cell.data_type = "s"
    elif isinstance(value, _dt.datetime):
        cell.number_format = "yyyy-mm-dd"


def fill_workbook(wb, case, lang: str) -> None:
    """Write the rows of ``case`` into a workbook made by :func:`build_template`."""
    tables = {
        "actors": case.actors.reset_index(),
        "opgaven": case.opgaven.reset_index(),
        "involvement": case.involvement,
        "ties": case.ties,
    }
    custom = case.vocabularies[case.vocabularies["source"] == "lijsten"]
    if len(custom):
        names = {name: schema.spec_name(spec, lang) for name, spec in schema.VOCABULARY_LISTS.items()}
        tables["vocabularies"] = pd.DataFrame({
            "list": custom["list"].map(names),
            "value": custom["value"],
            "label": custom[f"label_{lang}"],
            "colour": custom["colour"],
            "order": custom["order"],
        })
    for sheet, frame in tables.items():
        ws = wb[_sheet_title(sheet, lang)]
        spec = schema.SHEETS[sheet]
        canonical = _HEADERS_EN[sheet]
        extras = [c for c in frame.columns if c not in canonical]
        for j, extra in enumerate(extras, start=len(canonical) + 1):
            _write(ws, 1, j, str(extra))
            ws.cell(row=1, column=j).font = copy(ws.cell(row=1, column=1).font)
            ws.cell(row=1, column=j).fill = copy(ws.cell(row=1, column=1).fill)
        kinds = [spec.column(c).kind for c in canonical] + ["extra"] * len(extras)
        cols = canonical + extras
        present = [c in frame.columns for c in cols]
        records = frame.reindex(columns=[c for c, p in zip(cols, present) if p]).to_numpy(dtype=object)
        positions = [j for j, p in enumerate(present, start=1) if p]
        col_kinds = [k for k, p in zip(kinds, present) if p]
        for i, rec in enumerate(records, start=2):
            for j, kind, value in zip(positions, col_kinds, rec):
                out = _cell_value(value, kind, lang)
                if out is not None:
                    _write(ws, i, j, out)
