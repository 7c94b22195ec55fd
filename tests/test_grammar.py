"""What a reader reads: number agreement, no English in Dutch, no raw column names.

Scans many cases (the example's five opgaven at several dates, and random
small cases with 0, 1 and 2 of everything) in Dutch and English, and reads
every sentence of the summary, the method and every table header. For five
generated cases it also reads every table a user sees (the scan's tables, the
Excel scan that ``opgavelab report`` writes, the explorer's tabs) and the
command line's output: headers in the reader's language, names next to ids,
lists as text, ja/nee, dates as dd-mm-jjjj (the last two are slow tests).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

import opgavelab

# Dutch nouns whose singular must follow "1" and plural any other count
DUTCH_PLURALS = {"actoren": "actor", "relaties": "relatie", "delen": "deel", "paren": "paar", "paden": "pad",
                 "niveaus": "niveau", "stappen": "stap", "schakels": "schakel", "domeinen": "domein",
                 "permutaties": "permutatie", "schaalniveaus": "schaalniveau", "groepen": "groep"}
ENGLISH_PLURALS = {"actors": "actor", "ties": "tie", "parts": "part", "pairs": "pair", "paths": "path",
                   "levels": "level", "steps": "step", "domains": "domain", "permutations": "permutation",
                   "groups": "group"}
# English words that must not appear in Dutch output (whole words)
ENGLISH_WORDS = ["the", "and", "with", "ties", "times", "mostly", "missing", "covered", "candidates",
                 "distance", "steps", "total", "true", "false", "none", "nan", "coordinator", "itinerant",
                 "representative", "gatekeeper", "liaison", "boundary", "spanner", "betweenness", "closeness",
                 "expected", "narrower", "broader", "network", "group", "parts", "actors"]
# data keys that must not show as table headers (the canonical English columns)
RAW_COLUMNS = {"n_ties", "covered", "itinerant", "n_actors", "name", "covers", "reason", "distance",
               "fills_scale", "domain_fit", "share_unaware", "n_commitment", "mean_commitment", "betweenness",
               "crossing_share", "ei_expected", "cut_off", "distance_change", "finding", "part", "value"}


def agreement_slips(text: str, lang: str) -> list[str]:
    plurals = DUTCH_PLURALS if lang == "nl" else ENGLISH_PLURALS
    slips = []
    for m in re.finditer(r"(?<![\d.,])(\d+)\s+(\w+)(?:\s+(\w+))?", text):
        n = int(m.group(1))
        if len(m.group(1)) == 4 and 1800 <= n <= 2300:
            continue  # a year, not a count
        # the noun right after the number, or after one adjective ("1 losse delen")
        for word, shown in ((m.group(2), f"{m.group(1)} {m.group(2)}"), (m.group(3), m.group(0))):
            if word is None:
                continue
            if n == 1 and word in plurals:
                slips.append(shown)
                break
            if n != 1 and word in plurals.values() and word not in plurals:
                slips.append(shown)
                break
    if re.search(r"\b0 (keer|times)\b.*\b(vooral|mostly)\b", text):
        slips.append("0 keer ... vooral")
    return slips


def english_words(text: str) -> list[str]:
    # code in the method text (metrics.brokerage(G, attr, counting='paths')) is not prose
    prose = re.sub(r"[\w.]+\([^)]*\)|\b[A-Za-z_]+\.[A-Za-z_.]+|directed=True|at=\d+", "", text)
    words = set(re.findall(r"[A-Za-z]+", prose.lower()))
    return sorted(words & set(ENGLISH_WORDS))


def random_case(seed: int):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 9))
    types = ["overheid", "bedrijf", "kennisinstelling", "burger", "maatschappelijke organisatie"]
    scales = ["buurt", "lokaal", "regionaal", "provinciaal", "nationaal"]
    domains = ["3.1", "8", "1.2", "6.5", "4", ""]
    ids = [f"a{i}" for i in range(n)] + ["x1", "x2"]
    actors = pd.DataFrame({
        "id": ids, "naam": [f"Actor {i}" for i in ids],
        "type": [types[int(rng.integers(0, 1 + seed % 5))] for _ in ids],
        "schaalniveau": [scales[int(rng.integers(0, 5))] for _ in ids],
        "domeinen": [domains[int(rng.integers(0, 6))] for _ in ids],
    })
    opgaven = pd.DataFrame({"id": ["o"], "naam": ["Opgave O"], "schaalniveau": ["regionaal"],
                            "domeinen": ["3; 1.2; 6.5"]})
    involvement = pd.DataFrame({
        "actor": ids[:n], "opgave": ["o"] * n,
        "bewust": ["nee" if rng.random() < 0.2 else "ja" for _ in range(n)],
        "inzet": [int(rng.integers(1, 6)) for _ in range(n)],
        "sinds": [int(rng.integers(2018, 2022)) for _ in range(n)],
    })
    pairs = [(a, b) for i, a in enumerate(ids) for b in ids[i + 1:] if rng.random() < 0.3]
    ties = pd.DataFrame({"van": [a for a, _ in pairs], "naar": [b for _, b in pairs],
                         "type": ["samenwerking"] * len(pairs),
                         "sinds": [int(rng.integers(2018, 2023)) for _ in pairs]},
                        columns=["van", "naar", "type", "sinds"])
    return opgavelab.Case.from_frames(actors=actors, opgaven=opgaven, involvement=involvement, ties=ties)


def scans():
    example = opgavelab.example()
    for opgave in example.opgaven.index:
        for at in (2018, 2024):
            yield f"example-{opgave}-{at}", example, opgave, at
    for seed in range(12):
        yield f"random-{seed}", random_case(seed), "o", 2023


CASES = list(scans())


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_scans_read_cleanly(lang):
    problems = []
    for label, case, opgave, at in CASES:
        s = opgavelab.scan(case, opgave, at=at, lang=lang, n_permutations=50)
        texts = [t for _, t in s.summary()] + [h for h, _ in s.summary()] + list(s.method["text"])
        for text in texts:
            for slip in agreement_slips(text, lang):
                problems.append(f"{label}: number agreement '{slip}' in: {text}")
            if lang == "nl":
                for word in english_words(text):
                    problems.append(f"{label}: English word '{word}' in: {text}")
        for sheet, table in s.tables().items():
            raw = {str(c) for c in table.columns} & RAW_COLUMNS
            if lang == "nl" and raw:
                problems.append(f"{label}: untranslated columns {sorted(raw)} in sheet {sheet}")
            if lang == "nl":
                cells = {str(v) for col in table.columns for v in table[col].head(30)
                         if isinstance(v, (bool, np.bool_))}
                if cells:
                    problems.append(f"{label}: True/False in sheet {sheet}")
    assert not problems, "\n".join(problems[:30])


def test_the_checks_catch_what_they_look_for():
    assert agreement_slips("8 actoren in 1 losse delen", "nl") == ["1 losse delen"]
    assert agreement_slips("1 actoren, 2 relatie", "nl") == ["1 actoren", "2 relatie"]
    assert agreement_slips("Gem Twee: 0 keer, vooral als coördinator", "nl") == ["0 keer ... vooral"]
    assert agreement_slips("1 actors are involved", "en") == ["1 actors"]
    assert english_words("Economic Board: 114 times, mostly as liaison") == ["liaison", "mostly", "times"]
    assert english_words("zie metrics.brokerage(G, attr, counting='paths')") == []


# --------------------------------------------------------------------------
# every table and line a reader sees, for five generated cases in both languages
# --------------------------------------------------------------------------
#: five generated cases of different sizes and mixes (1 to 8 involved actors, 1 to 5 types)
GENERATED_SEEDS = (1, 3, 5, 7, 9)
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\d{2}:\d{2}:\d{2}")
CODES_ONLY = re.compile(r"^\d+(\.\d+)?(; \d+(\.\d+)?)*$")


def raw_header(header, lang: str) -> bool:
    """A data key shown as a header: snake_case anywhere, or (in Dutch) an English column name."""
    text = str(header)
    return "_" in text or (lang == "nl" and text in RAW_COLUMNS)


def reading_slips(text: str, lang: str) -> list[str]:
    slips = [f"number agreement '{s}'" for s in agreement_slips(text, lang)]
    if lang == "nl":
        slips += [f"English word '{w}'" for w in english_words(text)]
    return slips


def table_slips(headers: list, rows: list[list], lang: str, case) -> list[str]:
    """What a reader should not meet in a table: raw keys, True/False, ISO dates, lists as code, ids without names."""
    from opgavelab._i18n import column_label

    slips = [f"untranslated column '{h}'" for h in headers if h is not None and raw_header(h, lang)]
    ids = set(map(str, case.actors.index)) - set(map(str, case.actors["name"]))
    names = set(map(str, case.actors["name"]))
    domain_headers = {column_label(c, lang) for c in ("covers", "domains", "needed_domains")}
    for j, header in enumerate(headers):
        column = [r[j] for r in rows if j < len(r) and r[j] not in (None, "")]
        for v in column:
            if isinstance(v, (bool, np.bool_)) or str(v) in ("True", "False"):
                slips.append(f"True/False in column '{header}'")
                break
            if isinstance(v, str) and (ISO_DATE.search(v) or v.startswith(("[", "{", "("))):
                slips.append(f"not readable: {v[:40]!r} in column '{header}'")
                break
            if header in domain_headers and isinstance(v, str) and CODES_ONLY.match(v):
                slips.append(f"domain codes without names in column '{header}'")
                break
        # a column of actor ids needs the names beside it
        if column and all(str(v) in ids for v in column):
            beside = [r[k] for r in rows for k in (j - 1, j + 1) if 0 <= k < len(r) and r[k] not in (None, "")]
            if not any(str(v) in names for v in beside):
                slips.append(f"ids without names in column '{header}'")
    return slips


@pytest.fixture(scope="module")
def generated():
    return {seed: random_case(seed) for seed in GENERATED_SEEDS}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_scan_tables_read_cleanly(lang, generated):
    problems = []
    for seed, case in generated.items():
        s = opgavelab.scan(case, "o", at=2023, lang=lang, n_permutations=20)
        for sheet, table in s.tables().items():
            flat = table.reset_index() if table.index.name else table
            rows = flat.to_numpy(dtype=object).tolist()
            problems += [f"case {seed}, sheet {sheet}: {p}" for p in table_slips(list(flat.columns), rows, lang, case)]
    assert not problems, "\n".join(problems[:30])


def _cli(argv, capsys):
    from opgavelab.cli import main

    code = main(argv)
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_cli_output_and_the_excel_scan_read_cleanly(lang, generated, tmp_path, capsys, monkeypatch):
    from openpyxl import load_workbook

    monkeypatch.delenv("OPGAVELAB_LANG", raising=False)
    problems = []
    for seed, case in generated.items():
        path = opgavelab.io.save(case, tmp_path / f"case-{seed}.xlsx", lang=lang)
        code, out = _cli(["validate", str(path), "--lang", lang], capsys)
        assert code == 0, out
        first = out.splitlines()[0]
        assert first.startswith("Geldig: " if lang == "nl" else "Valid: ")
        assert f" {len(case.actors)} " in first and first.endswith(".")
        code, report = _cli(["report", str(path), "--all", "--out", str(tmp_path / f"out-{seed}-{lang}"),
                             "--formats", "xlsx", "--lang", lang, "--at", "2023"], capsys)
        assert code == 0, report
        for line in (out + report).replace(str(tmp_path), "MAP").splitlines():
            problems += [f"case {seed}, CLI: {p} in: {line}" for p in reading_slips(line, lang)]
        workbook = next((tmp_path / f"out-{seed}-{lang}").rglob("*.xlsx"))
        wb = load_workbook(workbook, read_only=True)
        for ws in wb.worksheets[1:]:  # the first sheet is the table of contents
            if "_" in ws.title:
                problems.append(f"case {seed}: sheet name '{ws.title}' is a data key")
            rows = [list(r) for r in ws.iter_rows(values_only=True)]
            if not rows:
                continue
            problems += [f"case {seed}, Excel sheet {ws.title}: {p}"
                         for p in table_slips(rows[0], rows[1:], lang, case)]
            for r in rows[1:]:
                for v in r:
                    if isinstance(v, str) and len(v) > 40:  # sentences: the summary and the method
                        problems += [f"case {seed}, Excel sheet {ws.title}: {p}" for p in reading_slips(v, lang)]
        wb.close()
    assert not problems, "\n".join(problems[:30])


def _html_table(html_text: str) -> tuple[list[str], list[list[str]]]:
    import html as _html

    heads = [_html.unescape(h) for h in re.findall(r"<th[^>]*>(.*?)</th>", html_text, flags=re.S)]
    rows = [[_html.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", tr, flags=re.S)]
            for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", html_text, flags=re.S)]
    return [h.strip() for h in heads if h.strip()], [r for r in rows if r]


def _html_text(html_text: str) -> str:
    import html as _html

    return _html.unescape(re.sub(r"<[^>]+>", " ", html_text))


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_explorer_tabs_read_cleanly(lang, generated):
    from opgavelab.explorer import Explorer

    problems = []
    for seed, case in generated.items():
        ex = Explorer(case, lang=lang)
        assert ex.lang == lang
        for tab in ("_metrics_html", "_summary_html", "_missing_html", "_brokers_html"):
            page = getattr(ex, tab)()
            for part in re.split(r"</(?:p|dd|dt|b|div|table|td|th|tr)>", page):
                text = " ".join(_html_text(part).split())
                problems += [f"case {seed}, {tab}: {p} in: {text}" for p in reading_slips(text, lang)]
            for table in re.findall(r"<table.*?</table>", page, flags=re.S):
                heads, rows = _html_table(table)
                problems += [f"case {seed}, {tab}: {p}" for p in table_slips(heads, rows, lang, case)]
        ex.close()
    assert not problems, "\n".join(problems[:30])


def test_the_table_checks_catch_what_they_look_for():
    case = random_case(3)
    name = case.actors["name"].iloc[0]
    rows = [[1, str(case.actors.index[0]), "2024-12-31", "3.1; 8"], [2, "x1", "31-12-2024", "3.1 Economie"]]
    slips = table_slips(["n_ties", "van", "datum", "domeinen"], rows, "nl", case)
    assert slips == ["untranslated column 'n_ties'", "ids without names in column 'van'",
                     "not readable: '2024-12-31' in column 'datum'", "domain codes without names in column 'domeinen'"]
    assert table_slips(["van", "van (naam)"], [[str(case.actors.index[0]), name]], "nl", case) == []
    assert reading_slips("1 actoren raken los", "nl") == ["number agreement '1 actoren'"]
