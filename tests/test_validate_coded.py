"""Columns are checked once per distinct text and spread back by code (issue 21): the same
results, row by row, as a check of every cell."""

from __future__ import annotations

import pandas as pd
import pytest

import opgavelab
from opgavelab import ValidationError

from ._workbooks import valid_sheets, write_xlsx


def _load(tmp_path, sheets):
    return opgavelab.load(write_xlsx(tmp_path / "case.xlsx", sheets))


def test_free_roles_follow_the_list_in_the_order_rows_first_name_them(tmp_path):
    sheets = valid_sheets()
    roles = ["zeta", "trekker", "alfa", "zeta", " alfa ", "partner"]
    base = sheets["betrokkenheid"][1]
    sheets["betrokkenheid"] = [sheets["betrokkenheid"][0]] + [
        [actor, "econ", role, *base[3:]] for actor, role in zip(["gem", "prov", "bedr", "hs", "vr", "gem"], roles)]
    sheets["betrokkenheid"][-1][1] = "wonen"
    case = _load(tmp_path, sheets)
    role = case.involvement["role"]
    assert role.tolist() == ["zeta", "trekker", "alfa", "zeta", "alfa", "partner"]
    categories = list(role.cat.categories)
    assert categories[-2:] == ["zeta", "alfa"] and "trekker" in categories[:-2]


def test_each_cell_of_a_repeated_wrong_reference_is_named(tmp_path):
    sheets = valid_sheets()
    for row in sheets["relaties"][1:4]:
        row[0] = "onbekend"
    sheets["relaties"][2][1] = "PROV "  # a case slip, folded with a warning
    with pytest.raises(ValidationError) as info:
        _load(tmp_path, sheets)
    problems = info.value.problems
    unknown = problems[problems["value"] == "onbekend"]
    assert unknown["row"].tolist() == [2, 3, 4] and set(unknown["severity"]) == {"error"}
    assert not problems[(problems["row"] == 3) & (problems["severity"] == "warning")].empty


def test_duplicate_and_self_ties_by_row(tmp_path):
    sheets = valid_sheets()
    rel = sheets["relaties"]
    rel.append(["prov", "gem", "samenwerking", 1, "econ", "nee", 2019, None])   # row 6: row 2 reversed, undirected
    rel.append(["bedr", "prov", "financiering", 1, "econ", "ja", 2021, None])   # row 7: row 3 reversed, directed
    rel.append(["gem", "hs", "informatie", 1, None, "nee", 2019, None])         # row 8: row 4 again
    case = _load(tmp_path, sheets)
    duplicate = case.warnings[case.warnings["message"].str.contains("vaker")]
    assert duplicate["row"].tolist() == [6, 8]
    rel.append(["hs", "hs", "informatie", 1, None, "nee", 2019, None])          # row 9: a self tie
    with pytest.raises(ValidationError) as info:
        _load(tmp_path, sheets)
    errors = info.value.problems.query("severity == 'error'")
    assert errors["row"].tolist() == [9] and errors["value"].tolist() == ["hs"]


def test_an_optional_reference_column_left_empty(tmp_path):
    sheets = valid_sheets()
    for row in sheets["relaties"][1:]:
        row[4] = None
    case = _load(tmp_path, sheets)
    assert case.ties["opgave"].isna().all() and case.ties["opgave"].dtype == "str"
    assert pd.api.types.is_string_dtype(case.ties["source"])
