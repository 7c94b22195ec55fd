"""Build small case workbooks for tests: a valid base and variations."""

from __future__ import annotations

import copy
from pathlib import Path

VALID = {
    "actoren": [
        ["id", "naam", "type", "schaalniveau", "sector", "domeinen"],
        ["gem", "Gemeente Zuidhoek", "overheid", "lokaal", "publiek", "3.1; 8.1"],
        ["prov", "Provincie Noordland", "overheid", "provinciaal", "publiek", "3"],
        ["bedr", "Bakkerij De Graaf & Zn.", "bedrijf", "lokaal", "privaat", "3.1"],
        ["hs", "Hogeschool Zuidhoek", "kennisinstelling", "regionaal", "onderwijs", "4; 6.5"],
        ["vr", "Veiligheidsregio Zuidhoek", "overheid", "regionaal", "publiek", "1.2"],
    ],
    "opgaven": [
        ["id", "naam", "oorsprong", "kern", "schaalniveau", "domeinen"],
        ["econ", "Economische groei", "Regiodeal", "Banen en wonen", "regionaal", "3.1; 6.5; 1.2"],
        ["wonen", "Woningbouw", "Woondeal", "Betaalbaar bouwen", "lokaal", "8.3"],
    ],
    "betrokkenheid": [
        ["actor", "opgave", "rol", "bewust", "inzet", "sinds", "tot"],
        ["gem", "econ", "trekker", "ja", 5, 2019, None],
        ["prov", "econ", "financier", "ja", 3, 2020, None],
        ["bedr", "econ", "partner", "nee", 2, 2021, None],
        ["hs", "econ", "kennispartner", "ja", 4, 2019, 2023],
        ["vr", "wonen", "partner", "ja", 2, 2020, None],
    ],
    "relaties": [
        ["van", "naar", "type", "gewicht", "opgave", "gericht", "sinds", "tot"],
        ["gem", "prov", "samenwerking", 2, "econ", "nee", 2019, None],
        ["prov", "bedr", "financiering", 1, "econ", "ja", 2021, None],
        ["gem", "hs", "informatie", 1, None, "nee", 2019, 2022],
        ["vr", "gem", "samenwerking", 1, "wonen", "nee", 2020, None],
    ],
}


def valid_sheets() -> dict[str, list[list]]:
    """A deep copy of the valid base case, to modify in a test."""
    return copy.deepcopy(VALID)


def write_xlsx(path: Path, sheets: dict[str, list[list]], edit=None) -> Path:
    """Write ``sheets`` (title -> rows) as an .xlsx workbook; text stays text.

    ``edit(wb)`` may change the workbook before it is saved (merge cells, set
    error types or formulas). The one workbook writer of the tests: the bad
    corpus (``tests/data/bad/make_corpus.py``) writes through it too.
    """
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is None:
                    continue
                cell = ws.cell(row=r, column=c, value=value)
                if isinstance(value, str) and not value.startswith("="):
                    cell.data_type = "s"
    if edit is not None:
        edit(wb)
    wb.save(path)
    return Path(path)


def write_csv_folder(folder: Path, sheets: dict[str, list[list]], sep: str = ",",
                     encoding: str = "utf-8") -> Path:
    """Write ``sheets`` as one CSV file per sheet."""
    import csv

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for title, rows in sheets.items():
        with open(folder / f"{title}.csv", "w", newline="", encoding=encoding) as fh:
            writer = csv.writer(fh, delimiter=sep)
            for row in rows:
                writer.writerow(["" if v is None else v for v in row])
    return folder
