"""What a reader reads: number agreement, no English in Dutch, no raw column names.

Scans many cases (the example's five opgaven at several dates, and random
small cases with 0, 1 and 2 of everything) in Dutch and English, and reads
every sentence of the summary, the method and every table header.
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
