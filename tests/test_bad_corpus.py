"""Bad input never breaks the loader: every file of ``tests/data/bad`` loads
(and the tricky thing comes out right) or fails with a ValidationError that
names sheet, row and column with a hint, or a ReadError that says why the file
cannot be read. Never another exception, never a hang, never a changed file.

The expectations live in ``tests/data/bad/make_corpus.py`` (``CASES``), which
also builds the files and writes the manifest ``README.md``.
"""

from __future__ import annotations

import importlib.util
import sys
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pandas as pd
import pytest

import opgavelab
from opgavelab import ReadError, ValidationError

CORPUS = Path(__file__).resolve().parent / "data" / "bad"
NOT_CASES = {"make_corpus.py", "README.md", ".gitattributes", "__pycache__"}


def _import_corpus():
    name = "_opgavelab_bad_corpus"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, CORPUS / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look the module up while it loads
    spec.loader.exec_module(module)
    return module


corpus = _import_corpus()
CASES = {c.name: c for c in corpus.CASES}


def _files_of(path: Path) -> list[Path]:
    return sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]


def _snapshot(path: Path) -> dict:
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in _files_of(path)}


def _matches(problems: pd.DataFrame, sheet, row, column, fragment) -> pd.DataFrame:
    def same(series, value):
        return series.map(lambda v: (v is None or pd.isna(v)) if value is None else v == value).astype(bool)

    hit = same(problems["sheet"], sheet) & same(problems["row"], row) & same(problems["column"], column)
    hit &= problems["message"].str.contains(fragment, regex=False)
    return problems[hit]


def load_case(name: str, lang: str = "nl"):
    """(outcome, case or exception); any other exception fails the test."""
    path = CORPUS / name
    before = _snapshot(path)
    try:
        result = opgavelab.load(path, lang=lang)
        outcome = "loads"
    except ReadError as exc:
        result, outcome = exc, "ReadError"
    except ValidationError as exc:
        result, outcome = exc, "ValidationError"
    except Exception as exc:  # the promise: nothing else ever escapes
        pytest.fail(f"{name}: {type(exc).__name__} escaped the loader: {exc}")
    assert _snapshot(path) == before, f"loading {name} changed the file"
    return outcome, result


# --------------------------------------------------------------------------
# the manifest agrees with the files
# --------------------------------------------------------------------------

def test_corpus_has_at_least_30_files_in_every_format():
    assert len(CASES) >= 30
    kinds = {c.kind for c in CASES.values()}
    assert {"xlsx", "ods", "csv"} <= kinds


def test_every_file_is_in_the_manifest_and_every_case_has_a_file():
    on_disk = {p.name for p in CORPUS.iterdir()} - NOT_CASES
    assert on_disk == set(CASES)


def test_readme_is_generated_from_the_cases():
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    assert readme == corpus.render_readme(), "run: python tests/data/bad/make_corpus.py"
    for name in CASES:
        assert f"`{name}" in readme


def test_committed_files_are_small():
    for name in CASES:
        for path in _files_of(CORPUS / name):
            assert path.stat().st_size < 200_000, path


def _read_cells(path: Path):
    """What the loader sees of a file: its sheets' cells, or its ReadError."""
    from opgavelab.io import read_grids

    try:
        return [(g.title, g.cells.to_numpy().tolist()) for g in read_grids(path)]
    except ValidationError as exc:
        return (type(exc).__name__, exc.problems["message"].str.replace(str(path.parent), "").tolist())


@pytest.mark.timeout(60)
def test_generator_rebuilds_the_committed_files(tmp_path):
    """Same generator, same files: CSV and raw bytes exactly, workbooks as read."""
    only = [n for n in CASES if n != "password_protected.xlsx"]  # needs msoffcrypto-tool
    corpus.build(tmp_path, only=only)
    for name in only:
        c = CASES[name]
        ours, theirs = CORPUS / name, tmp_path / name
        if c.kind == "csv" or name.startswith(("empty_0", "not_a_", "zip_not")):
            assert [p.name for p in _files_of(ours)] == [p.name for p in _files_of(theirs)], name
            for a, b in zip(_files_of(ours), _files_of(theirs)):
                assert a.read_bytes() == b.read_bytes(), a
        elif name.startswith("stray_"):
            continue  # a million rows: compared by their load test
        else:
            assert _read_cells(ours) == _read_cells(theirs), name


@pytest.mark.timeout(60)
def test_generator_is_deterministic(tmp_path):
    names = ["header_on_second_row.xlsx", "emoji_rtl_names.ods", "csv_cp1252_semicolon"]
    corpus.build(tmp_path / "a", only=names)
    corpus.build(tmp_path / "b", only=names)
    for name in names:
        for a, b in zip(_files_of(tmp_path / "a" / name), _files_of(tmp_path / "b" / name)):
            assert a.read_bytes() == b.read_bytes(), a


# --------------------------------------------------------------------------
# each file keeps the promise
# --------------------------------------------------------------------------

#: cases whose errors must be exactly the listed (sheet, row) places
EXACT = {"booleans_among_numbers.xlsx", "open_end_9999.xlsx", "error_cells.xlsx", "formulas_uncalculated.xlsx",
         "merged_data_cells.xlsx", "invalid_dates.ods", "bad_numbers_and_booleans.xlsx", "vocabulary_values.ods",
         "unknown_references.xlsx", "duplicate_ids.xlsx", "empty_rows_between.xlsx", "missing_column.xlsx"}


@pytest.mark.timeout(30)
@pytest.mark.parametrize("name", list(CASES))
def test_bad_file(name, tmp_path):
    c = CASES[name]
    outcome, result = load_case(name)
    detail = result.problems.to_string() if isinstance(result, ValidationError) else ""
    assert outcome == c.outcome, f"{name}: expected {c.outcome}, got {outcome}\n{detail}"
    if outcome == "ReadError":
        problem = result.problems.iloc[0]
        assert problem["hint"], name
        for _, _, _, fragment in c.expect:
            assert fragment in problem["message"], (fragment, problem["message"])
        return
    if outcome == "ValidationError":
        problems = result.problems
        errors = problems[problems["severity"] == "error"]
        assert len(errors) >= 1
        for sheet, row, column, fragment in c.expect:
            assert not _matches(errors, sheet, row, column, fragment).empty, (
                f"{name}: no error at {(sheet, row, column)} with '{fragment}'\n{detail}")
        assert (problems["hint"].str.len() > 0).all(), detail
        assert errors["sheet"].notna().all(), detail
        expected_rows = {(sheet, row) for sheet, row, _, _ in c.expect}
        if name in EXACT:  # nothing is reported elsewhere
            assert set(zip(errors["sheet"], errors["row"])) == expected_rows, detail
        return
    case = result
    for sheet, row, column, fragment in c.expect:
        assert not _matches(case.warnings, sheet, row, column, fragment).empty, (
            f"{name}: no warning at {(sheet, row, column)} with '{fragment}'\n{case.warnings.to_string()}")
    assert (case.warnings["hint"].str.len() > 0).all()
    CHECKS[name](case, tmp_path)


@pytest.mark.timeout(30)
@pytest.mark.parametrize("name", [n for n in CASES if n != "stray_value_far_below.ods"])
def test_bad_file_in_english(name):
    """The same problems at the same places, with English messages and hints."""
    outcome_nl, nl = load_case(name, "nl")
    outcome_en, en = load_case(name, "en")
    assert outcome_en == outcome_nl
    if isinstance(en, ValidationError):
        assert len(en.problems) == len(nl.problems)
        assert en.problems["row"].tolist() == nl.problems["row"].tolist()
        assert (en.problems["hint"].str.len() > 0).all()
        assert en.problems["message"].tolist() != nl.problems["message"].tolist()


# --------------------------------------------------------------------------
# what must come out right when a tricky file loads
# --------------------------------------------------------------------------

def _ts(text):
    return pd.Timestamp(text)


def check_formulas_with_values(case, tmp_path):
    assert case.actors.loc["prov", "name"] == "Provincie Noordland"
    assert case.ties.loc[0, "weight"] == 2.0
    assert case.ties.loc[0, "since"] == _ts("2019-01-01")


def check_header_on_second_row(case, tmp_path):
    assert list(case.actors.index) == ["gem", "prov", "bedr", "hs", "bew", "los"]
    assert case.actors.loc["gem", "name"] == "Gemeente Zuidhoek"


def check_merged_header_cells(case, tmp_path):
    assert case.actors.loc["gem", "name"] == "Gemeente Zuidhoek"
    assert case.actors.loc["gem", "type"] == "overheid"
    assert not case.actors.astype(str).apply(lambda s: s.str.contains(r"\(contact")).any().any()


def check_ids_trailing_space_and_case(case, tmp_path):
    assert {"gem", "prov"} <= set(case.actors.index)
    assert not any(i != i.strip() for i in case.actors.index)
    assert case.involvement.loc[0, "actor"] == "gem"
    assert case.ties.loc[1, "source"] == "prov"


def check_csv_ids_invisible_characters(case, tmp_path):
    assert set(case.involvement["actor"]) <= set(case.actors.index)
    assert case.involvement.loc[1, "actor"] == "prov"
    assert case.involvement.loc[2, "actor"] == "bedr"
    assert case.ties.loc[1, "target"] == "bedr"
    assert case.involvement.loc[6, "actor"] == "café"


def check_numbers_as_text(case, tmp_path):
    assert case.involvement.loc[0, "commitment"] == 4
    assert case.involvement.loc[0, "since"] == _ts("2019-01-01")
    assert case.ties.loc[0, "weight"] == 2.0
    assert "101" in case.actors.index
    assert (case.involvement["actor"] == "101").sum() == 1
    assert (case.ties["target"] == "101").sum() == 1
    assert case.actors.loc["prov", "domains"] == ["3"]


def check_dutch_text_dates(case, tmp_path):
    since = case.involvement["since"].tolist()
    assert since[:4] == [_ts("2021-12-03"), _ts("2021-12-03"), _ts("2020-03-01"), _ts("2021-03-12")]
    assert case.involvement.loc[3, "until"] == _ts("2023-12-31")
    assert case.ties.loc[0, "since"] == _ts("2019-05-17")


def check_csv_cp1252_semicolon(case, tmp_path):
    assert case.actors.loc["bedr", "name"] == "Café ’t Hoekje € 5"
    assert case.actors.loc["hs", "name"] == "Hogeschool Zuidhoek – Financiën"
    assert case.ties.loc[0, "weight"] == 2.5
    assert case.involvement.loc[2, "since"] == _ts("2021-12-03")


def check_csv_decimal_comma_quoted(case, tmp_path):
    assert case.ties["weight"].tolist() == [2.5, 0.75, 1.0, 1.0]


def check_csv_utf8_bom(case, tmp_path):
    assert list(case.actors.index)[0] == "gem"
    for frame in (case.actors, case.opgaven, case.involvement, case.ties):
        assert not any(str(c).startswith("\ufeff") for c in frame.columns)
    assert case.actors.loc["bew", "type"] == "burger"


def check_csv_utf16_tab(case, tmp_path):
    assert case.actors.loc["gem", "name"] == "Gemeente Zuidhoek – één loket"
    assert len(case.ties) == 4


def check_long_texts(case, tmp_path):
    assert case.opgaven.loc["econ", "description"] == corpus.LONG_DESCRIPTION.strip()
    assert len(case.opgaven.loc["econ", "description"]) >= 32_700
    assert case.actors.loc["bedr", "name"] == ("Bakkerij De Graaf & Zn. " * 100)[:2000].strip()


def check_csv_very_long_text(case, tmp_path):
    assert case.opgaven.loc["econ", "description"] == corpus.VERY_LONG_DESCRIPTION.strip()


def check_unicode_names(case, tmp_path):
    for actor, name in corpus.UNICODE_NAMES.items():
        assert case.actors.loc[actor, "name"] == name, actor
    assert case.actors.loc["🌱-buurt", "name"] == "🌱 Groene Buurt"
    assert "🌱-buurt" in set(case.involvement["actor"])
    assert "🌱-buurt" in set(case.ties["source"])


def check_extra_sheets_and_columns(case, tmp_path):
    assert case.actors.loc["gem", "opmerking"] == "opmerking 1"
    assert case.actors.loc["bew", "e-mail (persoonsgegeven)"] == "contact5@example.org"


def check_english_mixed_case_headers(case, tmp_path):
    assert len(case.actors) == 5 and len(case.opgaven) == 2 and len(case.ties) == 4
    assert case.actors.loc["bew", "type"] == "burger"
    assert case.actors.loc["prov", "scale"] == "provinciaal"


def check_csv_formula_like_text(case, tmp_path):
    from openpyxl import load_workbook

    names = {"gem": '=HYPERLINK("http://example.org","klik")', "prov": "+31 6 12345678",
             "bedr": "-Bakkerij-", "hs": "@hogeschool"}
    for actor, name in names.items():
        assert case.actors.loc[actor, "name"] == name
    path = opgavelab.save(case, tmp_path / "terug.xlsx")
    ws = load_workbook(path)["actoren"]
    cells = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2) for r in range(2, ws.max_row + 1)}
    for actor, name in names.items():
        assert cells[actor].value == name and cells[actor].data_type == "s"
    assert opgavelab.load(path).equals(case)


def check_duplicate_column_names(case, tmp_path):
    assert case.actors.loc["gem", "name"] == "Gemeente Zuidhoek"


def check_lijsten_bad_colours(case, tmp_path):
    from opgavelab.draw.style import type_colours

    colours = type_colours(case)
    assert colours["overheid"] == "#008000"  # 'groen' is green
    assert colours["bedrijf"].startswith("#") and len(colours["bedrijf"]) == 7
    assert colours["burger"].startswith("#") and len(colours["burger"]) == 7


def check_reserved_column_names(case, tmp_path):
    import networkx as nx

    from opgavelab.export import write_gexf, write_graphml
    from opgavelab.network import opgave_graph, two_mode_graph

    for name in corpus.RESERVED_COLUMNS:
        assert f"{name}_" in case.actors.columns
    assert case.actors.loc["gem", "spells_"] == "spells van gem"
    assert two_mode_graph(case).nodes["gem"]["kind"] == "actor"
    G = opgave_graph(case, "econ")
    out = write_gexf(G, tmp_path / "econ.gexf", case=case)
    assert nx.read_gexf(out).number_of_nodes() == G.number_of_nodes()
    assert nx.read_graphml(write_graphml(G, tmp_path / "econ.graphml")).number_of_nodes() == G.number_of_nodes()


def check_many_actor_types(case, tmp_path):
    from opgavelab.draw.style import type_colours

    colours = type_colours(case)
    assert all(colours[f"soort {i}"].startswith("#") for i in range(20))


def check_csv_control_characters(case, tmp_path):
    import re

    import networkx as nx

    from opgavelab.export import write_gexf
    from opgavelab.network import opgave_graph

    control = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
    for frame in (case.actors, case.opgaven, case.involvement, case.ties):
        for value in frame.reset_index().to_numpy().ravel():
            assert not (isinstance(value, str) and control.search(value)), repr(value)
    assert case.actors.loc["gem", "name"] == "Gemeente Zuidhoek]0;PWNED[2J"
    assert "prov" in case.actors.index
    out = write_gexf(opgave_graph(case, "econ"), tmp_path / "econ.gexf", case=case)
    assert nx.read_gexf(out).number_of_nodes() >= 4


def check_csv_mixed_utf8_latin1(case, tmp_path):
    assert case.actors.loc["gem", "name"] == "Súdwest-Fryslân"
    assert case.actors.loc["bedr", "name"] == "Bakkerij Café & Zn."


def check_csv_title_line_with_comma(case, tmp_path):
    assert case.actors.loc["gem", "name"] == "Gemeente Zuidhoek"
    assert len(case.opgaven) == 2


def check_csv_ids_differ_by_direction_mark(case, tmp_path):
    assert {"gem", "gem\u202e"} <= set(case.actors.index)


def check_csv_ambiguous_numbers(case, tmp_path):
    assert case.ties["weight"].tolist()[:2] == [1.0, 1000.0]


def check_very_hidden_sheet(case, tmp_path):
    assert len(case.ties) == 4


def check_long_and_reserved_ids(case, tmp_path):
    from opgavelab._cli_report import planned_files

    plan = planned_files(list(case.opgaven.index), tmp_path, ["png", "gexf", "html"])
    for files in plan.values():
        for path in files.values():
            assert len(path.parent.name) <= 60
            assert path.parent.name.split(".")[0].lower() not in {"con", "nul"}
    assert len({p.parent for files in plan.values() for p in files.values()}) == len(case.opgaven)


CHECKS = {
    "formulas_with_values.xlsx": check_formulas_with_values,
    "header_on_second_row.xlsx": check_header_on_second_row,
    "merged_header_cells.xlsx": check_merged_header_cells,
    "ids_trailing_space_and_case.xlsx": check_ids_trailing_space_and_case,
    "csv_ids_invisible_characters": check_csv_ids_invisible_characters,
    "numbers_as_text.xlsx": check_numbers_as_text,
    "dutch_text_dates.xlsx": check_dutch_text_dates,
    "csv_cp1252_semicolon": check_csv_cp1252_semicolon,
    "csv_decimal_comma_quoted": check_csv_decimal_comma_quoted,
    "csv_utf8_bom": check_csv_utf8_bom,
    "csv_utf16_tab": check_csv_utf16_tab,
    "long_texts.xlsx": check_long_texts,
    "csv_very_long_text": check_csv_very_long_text,
    "emoji_rtl_names.xlsx": check_unicode_names,
    "emoji_rtl_names.ods": check_unicode_names,
    "csv_emoji_rtl_names": check_unicode_names,
    "extra_sheets_and_columns.xlsx": check_extra_sheets_and_columns,
    "english_mixed_case_headers.ods": check_english_mixed_case_headers,
    "csv_formula_like_text": check_csv_formula_like_text,
    "duplicate_column_names.xlsx": check_duplicate_column_names,
    "lijsten_bad_colours.xlsx": check_lijsten_bad_colours,
    "reserved_column_names.xlsx": check_reserved_column_names,
    "many_actor_types.xlsx": check_many_actor_types,
    "csv_control_characters": check_csv_control_characters,
    "csv_mixed_utf8_latin1": check_csv_mixed_utf8_latin1,
    "csv_utf16_no_bom": check_unicode_names,
    "csv_utf32": check_unicode_names,
    "csv_title_line_with_comma": check_csv_title_line_with_comma,
    "csv_ids_differ_by_direction_mark": check_csv_ids_differ_by_direction_mark,
    "csv_ambiguous_numbers": check_csv_ambiguous_numbers,
    "very_hidden_sheet.xlsx": check_very_hidden_sheet,
    "long_and_reserved_ids.xlsx": check_long_and_reserved_ids,
}


def test_every_loading_file_has_a_check():
    assert set(CHECKS) == {n for n, c in CASES.items() if c.outcome == "loads"}


# --------------------------------------------------------------------------
# 200,000 rows, made at test time
# --------------------------------------------------------------------------

def _sheet_xml(rows) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    letters = "ABCDEFGHIJ"
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row):
            if value is None:
                continue
            ref = f"{letters[c]}{r}"
            if isinstance(value, str):
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>')
            else:
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
        out.append(f'<row r="{r}">{"".join(cells)}</row>')
    out.append("</sheetData></worksheet>")
    return "".join(out)


def write_big_xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    """A minimal xlsx written straight as XML: 200,000 rows in about a second
    (openpyxl needs twenty)."""
    names = list(sheets)
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
                  'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                  for i in range(1, len(names) + 1))
        + "</Types>")
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="xl/workbook.xml"/></Relationships>')
    workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
                + "".join(f'<sheet name="{n}" sheetId="{i}" r:id="rId{i}"/>' for i, n in enumerate(names, start=1))
                + "</sheets></workbook>")
    wb_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               + "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                         f'relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
                         for i in range(1, len(names) + 1))
               + "</Relationships>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", content_types)
        zf.writestr("_rels/.rels", rels)
        zf.writestr("xl/workbook.xml", workbook)
        zf.writestr("xl/_rels/workbook.xml.rels", wb_rels)
        for i, name in enumerate(names, start=1):
            zf.writestr(f"xl/worksheets/sheet{i}.xml", _sheet_xml(sheets[name]))
    return path


def big_case(n_ties: int = 200_000, n_actors: int = 1000) -> dict[str, list[list]]:
    """1,000 actors and 200,000 distinct undirected ties (no duplicates, no
    self-ties: actor a to a + k for k in 1..200); the last tie names an actor
    that does not exist."""
    types = ["overheid", "bedrijf", "maatschappelijke organisatie", "kennisinstelling", "burger"]
    actors = [["id", "naam", "type", "schaalniveau"]]
    actors += [[f"a{i}", f"Actor {i}", types[i % 5], "regionaal"] for i in range(n_actors)]
    opgaven = [["id", "naam"], ["o1", "Energietransitie"], ["o2", "Woningbouw"]]
    involvement = [["actor", "opgave", "inzet", "sinds"]]
    involvement += [[f"a{i}", "o1" if i % 2 else "o2", 1 + i % 5, 2010 + i % 15] for i in range(n_actors)]
    ties = [["van", "naar", "type", "gewicht", "opgave", "sinds"]]
    kinds = ["samenwerking", "financiering", "informatie", "mandaat"]
    for k in range(n_ties):
        a, step = k % n_actors, k // n_actors + 1
        ties.append([f"a{a}", f"a{(a + step) % n_actors}", kinds[k % 4], 1 + k % 3, "o1" if k % 2 else "o2",
                     2000 + k % 25])
    ties[-1][1] = "a-onbekend"
    return {"actoren": actors, "opgaven": opgaven, "betrokkenheid": involvement, "relaties": ties}


@pytest.mark.slow
@pytest.mark.timeout(90)
def test_200000_rows(tmp_path):
    sheets = big_case()
    path = write_big_xlsx(tmp_path / "groot.xlsx", sheets)
    assert len(sheets["relaties"]) == 200_001
    before = _snapshot(path)
    start = time.perf_counter()
    with pytest.raises(ValidationError) as info:
        opgavelab.load(path)
    seconds = time.perf_counter() - start
    assert _snapshot(path) == before
    errors = info.value.problems[info.value.problems["severity"] == "error"]
    assert errors[["sheet", "row", "column", "value"]].values.tolist() == [
        ["relaties", 200_001, "naar", "a-onbekend"]]
    assert "Gebruik een id uit het blad 'actoren'" in errors.iloc[0]["hint"]
    assert seconds < 60, f"200,000 rows took {seconds:.1f} s"
