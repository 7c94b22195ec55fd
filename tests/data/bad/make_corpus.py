"""Build the corpus of bad workbooks in this folder, deterministically.

    python tests/data/bad/make_corpus.py            # rebuild the files here
    python tests/data/bad/make_corpus.py OUT_DIR    # build them elsewhere

Each entry of :data:`CASES` is one file or CSV folder: how to build it, what is
wrong with it, and what loading it must give: ``loads`` (with the warnings
listed, and the checks of ``tests/test_bad_corpus.py``), ``ValidationError``
(whose problems contain every listed sheet, row, column and message fragment)
or ``ReadError``. ``README.md`` is written from the same list, so the manifest,
the files and the test cannot drift apart (the test checks all three).

The files are byte-for-byte reproducible: zip members get a fixed date, the
document properties a fixed time, and the encrypted workbook a seeded salt.
The password-protected workbook needs ``msoffcrypto-tool``, which is not a
dependency of opgavelab: without it that one file is left as it is.
The 200,000-row workbook is not here: ``tests/test_bad_corpus.py`` makes it at
test time, so the repository stays small.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import random
import re
import shutil
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
if str(HERE.parents[2]) not in sys.path:  # run as a script: the repository root, for tests._workbooks
    sys.path.insert(0, str(HERE.parents[2]))

from tests import _workbooks  # noqa: E402 (after the path is known)
FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)
FIXED_DOC_TIME = "2024-01-01T00:00:00Z"
PASSWORD = "geheim"

# --------------------------------------------------------------------------
# the valid case every bad file starts from
# --------------------------------------------------------------------------

BASE: dict[str, list[list]] = {
    "actoren": [
        ["id", "naam", "type", "schaalniveau", "sector", "domeinen"],
        ["gem", "Gemeente Zuidhoek", "overheid", "lokaal", "publiek", "3.1; 8.1"],          # row 2
        ["prov", "Provincie Noordland", "overheid", "provinciaal", "publiek", "3"],         # row 3
        ["bedr", "Bakkerij De Graaf & Zn.", "bedrijf", "lokaal", "privaat", "3.1"],         # row 4
        ["hs", "Hogeschool Zuidhoek", "kennisinstelling", "regionaal", "onderwijs", "4; 6.5"],  # row 5
        ["bew", "Bewonersgroep De Weide", "burger", "buurt", None, "8.3"],                  # row 6
    ],
    "opgaven": [
        ["id", "naam", "oorsprong", "kern", "schaalniveau", "domeinen"],
        ["econ", "Economische groei", "Regiodeal", "Banen en wonen", "regionaal", "3.1; 6.5"],  # row 2
        ["wonen", "Woningbouw", "Woondeal", "Betaalbaar bouwen", "lokaal", "8.3"],              # row 3
    ],
    "betrokkenheid": [
        ["actor", "opgave", "rol", "bewust", "inzet", "sinds", "tot"],
        ["gem", "econ", "trekker", "ja", 5, 2019, None],             # row 2
        ["prov", "econ", "financier", "ja", 3, 2020, None],          # row 3
        ["bedr", "econ", "partner", "nee", 2, 2021, None],           # row 4
        ["hs", "econ", "kennispartner", "ja", 4, 2019, 2023],        # row 5
        ["bew", "wonen", "belanghebbende", "nee", 1, 2021, None],    # row 6
        ["gem", "wonen", "trekker", "ja", 4, 2020, None],            # row 7
    ],
    "relaties": [
        ["van", "naar", "type", "gewicht", "opgave", "gericht", "sinds", "tot"],
        ["gem", "prov", "samenwerking", 2, "econ", "nee", 2019, None],     # row 2
        ["prov", "bedr", "financiering", 1, "econ", "ja", 2021, None],     # row 3
        ["gem", "hs", "informatie", 1, None, "nee", 2019, 2022],           # row 4
        ["bew", "gem", "samenwerking", 1, "wonen", "nee", 2021, None],     # row 5
    ],
}

#: Names that must survive loading exactly (emoji with joiners and skin tones,
#: Arabic and Hebrew with direction marks, combining accents).
UNICODE_NAMES = {
    "gem": "Gemeente 🌷 Zuidhoek",
    "bew": "Buurtgroep 👩🏽‍🤝‍👩🏻 De Weide 🏘️",
    "hs": "جمعية الحي — Buurtvereniging",
    "bedr": "\u200fעמותת השכונה\u200f",
    "prov": "Provincie Noordland (Fryslân, Ñandú, e\u0301e\u0301n)",
}

LONG_DESCRIPTION = ("De opgave gaat over werk en wonen in de regio. " * 700)[:32767]  # Excel's cell limit
VERY_LONG_DESCRIPTION = ("Zeer lange toelichting uit een ander systeem. " * 3300)[:150_000]


def base() -> dict[str, list[list]]:
    return copy.deepcopy(BASE)


# --------------------------------------------------------------------------
# writers (deterministic)
# --------------------------------------------------------------------------

def _normalise_zip(path: Path, replace: dict[str, Callable[[bytes], bytes]] | None = None) -> None:
    """Rewrite a zip with fixed member dates and document times, same order."""
    replace = replace or {}
    with zipfile.ZipFile(path) as zf:
        members = [(info, zf.read(info.filename)) for info in zf.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for info, data in members:
            if info.filename in replace:
                data = replace[info.filename](data)
            if info.filename in ("docProps/core.xml", "meta.xml"):
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)",
                              rb"\g<1>" + FIXED_DOC_TIME.encode() + rb"\g<2>", data)
                data = re.sub(rb"(<meta:creation-date>)[^<]*(</meta:creation-date>)", rb"\g<1>2024-01-01T00:00:00\g<2>", data)
                data = re.sub(rb"(<dc:date>)[^<]*(</dc:date>)", rb"\g<1>2024-01-01T00:00:00\g<2>", data)
            new = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            new.compress_type = info.compress_type
            new.external_attr = 0o600 << 16
            out.writestr(new, data)
    path.write_bytes(buf.getvalue())


def write_xlsx(path: Path, sheets: dict[str, list[list]], edit: Callable | None = None,
               replace: dict[str, Callable[[bytes], bytes]] | None = None) -> None:
    """Sheets as an xlsx through the tests' one workbook writer (text stays text;
    ``edit(wb)`` may merge cells, set error types or formulas), then made
    reproducible; ``replace`` may patch XML members afterwards."""
    _workbooks.write_xlsx(path, sheets, edit)
    _normalise_zip(path, replace)


def write_ods(path: Path, sheets: dict[str, list[list]], tail: dict[str, Callable] | None = None) -> None:
    """Sheets as an OpenDocument spreadsheet; ``tail[title](table)`` may add
    rows (e.g. a value far below the data, through repeated empty rows)."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableRow

    doc = OpenDocumentSpreadsheet()
    for title, rows in sheets.items():
        table = Table(name=title)
        for row in rows:
            tr = TableRow()
            for value in row:
                tr.addElement(ods_cell(value))
            table.addElement(tr)
        if tail and title in tail:
            tail[title](table)
        doc.spreadsheet.addElement(table)
    buf = io.BytesIO()
    doc.write(buf)
    path.write_bytes(buf.getvalue())
    _normalise_zip(path)


def ods_cell(value, repeat: int | None = None):
    from odf.table import TableCell
    from odf.text import P

    kwargs = {"numbercolumnsrepeated": repeat} if repeat else {}
    if value is None:
        return TableCell(**kwargs)
    if isinstance(value, bool):
        cell = TableCell(valuetype="boolean", booleanvalue="true" if value else "false", **kwargs)
        text = "WAAR" if value else "ONWAAR"
    elif isinstance(value, (int, float)):
        cell = TableCell(valuetype="float", value=value, **kwargs)
        text = str(value)
    elif isinstance(value, (dt.date, dt.datetime)):
        cell = TableCell(valuetype="date", datevalue=value.strftime("%Y-%m-%d"), **kwargs)
        text = value.strftime("%d-%m-%Y")
    else:
        cell = TableCell(valuetype="string", **kwargs)
        text = str(value)
    cell.addElement(P(text=text))
    return cell


def write_csv(folder: Path, sheets: dict[str, list[list]], sep: str = ",", encoding: str = "utf-8",
              suffix: str = ".csv", quoting: int = csv.QUOTE_MINIMAL) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for title, rows in sheets.items():
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter=sep, lineterminator="\r\n", quoting=quoting)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
        (folder / f"{title}{suffix}").write_bytes(buf.getvalue().encode(encoding))


# --------------------------------------------------------------------------
# the cases
# --------------------------------------------------------------------------

@dataclass
class Case:
    """One bad file and what loading it must give.

    ``expect`` lists ``(sheet, row, column, fragment)``: for ``ValidationError``
    problems that must be among the errors, for ``loads`` warnings that must be
    among the case's warnings, for ``ReadError`` the fragment of its message.
    ``fragment`` is a piece of the Dutch message.
    """

    name: str
    kind: str
    what: str
    outcome: str
    expect: list[tuple] = field(default_factory=list)
    checks: str = ""
    build: Callable[[Path], None] | None = None


CASES: list[Case] = []


def case(name, kind, what, outcome, expect=(), checks=""):
    def register(build):
        CASES.append(Case(name, kind, what, outcome, list(expect), checks, build))
        return build
    return register


# --- files that cannot be read at all ---------------------------------------

@case("empty_0_bytes.xlsx", "xlsx", "a 0-byte file", "ReadError", [(None, None, None, "is leeg (0 bytes)")])
def _(path):
    path.write_bytes(b"")


@case("not_a_spreadsheet.xlsx", "xlsx", "a PDF renamed to .xlsx", "ReadError",
      [(None, None, None, "geen spreadsheet")])
def _(path):
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                     b"trailer\n<< /Root 1 0 R >>\n%%EOF\n")


@case("zip_not_a_workbook.xlsx", "xlsx", "a zip archive holding a text file, named .xlsx", "ReadError",
      [(None, None, None, "geen spreadsheet")])
def _(path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(zipfile.ZipInfo("notities.txt", date_time=FIXED_ZIP_TIME), "Dit is geen werkmap.\n")
    path.write_bytes(buf.getvalue())


@case("truncated.xlsx", "xlsx", "a workbook cut off halfway (interrupted download)", "ReadError",
      [(None, None, None, "geen spreadsheet")])
def _(path):
    full = path.with_name(".full.xlsx")
    write_xlsx(full, base())
    data = full.read_bytes()
    full.unlink()
    path.write_bytes(data[: len(data) * 6 // 10])


@case("password_protected.xlsx", "xlsx", "a real encrypted workbook (password 'geheim', Agile encryption)",
      "ReadError", [(None, None, None, "wachtwoord")])
def _(path):
    try:
        import msoffcrypto
        from msoffcrypto.format.ooxml import OOXMLFile
        from msoffcrypto.method import ecma376_agile
    except ImportError:
        if path.exists():
            print(f"  msoffcrypto-tool is not installed: keeping {path.name} as it is")
            return
        msg = "Building password_protected.xlsx needs msoffcrypto-tool: pip install msoffcrypto-tool"
        raise SystemExit(msg) from None
    del msoffcrypto
    plain = path.with_name(".plain.xlsx")
    write_xlsx(plain, base())
    from msoffcrypto.method.container import ecma376_encrypted as container

    class FixedDatetime(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return cls(2024, 1, 1)

    # a seeded salt and key and a fixed OLE time make the file reproducible
    seeded = random.Random(20240101)
    originals = ecma376_agile._random_buffer, container.datetime
    ecma376_agile._random_buffer = lambda size: bytes(seeded.getrandbits(8) for _ in range(size))
    container.datetime = FixedDatetime
    try:
        with open(plain, "rb") as fin:
            out = io.BytesIO()
            OOXMLFile(fin).encrypt(PASSWORD, out)
    finally:
        ecma376_agile._random_buffer, container.datetime = originals
        plain.unlink()
    path.write_bytes(out.getvalue())


@case("stray_cell_far_away.ods", "ods",
      "one value 1,048,000 rows below and 16,000 columns right of the data (calamine refuses 16.8 billion cells)",
      "ReadError", [(None, None, None, "te groot is om in te lezen")])
def _(path):
    from odf.table import TableRow

    def far(table):
        table.addElement(TableRow(numberrowsrepeated=1048000))
        row = TableRow()
        row.addElement(ods_cell(None, repeat=16000))
        row.addElement(ods_cell("x"))
        table.addElement(row)
    write_ods(path, base(), tail={"actoren": far})


@case("csv_binary_garbage", "csv", "a CSV folder whose actoren.csv is binary data", "ReadError",
      [(None, None, None, "geen spreadsheet")])
def _(path):
    write_csv(path, base())
    rng = random.Random(7)
    (path / "actoren.csv").write_bytes(bytes(rng.getrandbits(8) for _ in range(512)) + b"\x00" * 16)


@case("csv_no_csv_files", "csv", "a folder without any CSV file (only a note)", "ReadError",
      [(None, None, None, "bevat geen CSV-bestanden")])
def _(path):
    path.mkdir(parents=True, exist_ok=True)
    (path / "LEESMIJ.md").write_text("De CSV-bestanden zijn nog niet geëxporteerd.\n", encoding="utf-8")


# --- sheets and columns ------------------------------------------------------

@case("missing_sheet.xlsx", "xlsx", "the sheet betrokkenheid is missing", "ValidationError",
      [("betrokkenheid", None, None, "Het blad 'betrokkenheid' ontbreekt")])
def _(path):
    sheets = base()
    del sheets["betrokkenheid"]
    write_xlsx(path, sheets)


@case("misspelled_sheet.ods", "ods", "the sheet is called 'Betrokkenhied' (typo)", "ValidationError",
      [("betrokkenheid", None, None, "ontbreekt")])
def _(path):
    sheets = base()
    sheets["Betrokkenhied"] = sheets.pop("betrokkenheid")
    write_ods(path, sheets)


@case("wrong_sheet_names.xlsx", "xlsx", "sheets left as Blad1, Blad2, Blad3", "ValidationError",
      [("actoren", None, None, "ontbreekt"), ("opgaven", None, None, "ontbreekt"),
       ("betrokkenheid", None, None, "ontbreekt")])
def _(path):
    sheets = base()
    write_xlsx(path, {"Blad1": sheets["actoren"], "Blad2": sheets["opgaven"], "Blad3": sheets["betrokkenheid"]})


@case("duplicate_sheets.xlsx", "xlsx", "two sheets for actors: 'actoren' and 'Actors'", "ValidationError",
      [("Actors", None, None, "twee bladen")])
def _(path):
    sheets = base()
    sheets["Actors"] = copy.deepcopy(sheets["actoren"])
    write_xlsx(path, sheets)


@case("missing_column.xlsx", "xlsx", "actoren has no column 'type'", "ValidationError",
      [("actoren", 1, "type", "De verplichte kolom 'type' ontbreekt")])
def _(path):
    sheets = base()
    for row in sheets["actoren"]:
        del row[2]
    write_xlsx(path, sheets)


@case("csv_misspelled_column", "csv", "opgaven.csv has 'nam' instead of 'naam'", "ValidationError",
      [("opgaven", 1, "naam", "De verplichte kolom 'naam' ontbreekt")])
def _(path):
    sheets = base()
    sheets["opgaven"][0][1] = "nam"
    write_csv(path, sheets)


@case("empty_sheet.xlsx", "xlsx", "the sheet actoren exists but is empty", "ValidationError",
      [("actoren", None, None, "is leeg")])
def _(path):
    sheets = base()
    sheets["actoren"] = []
    write_xlsx(path, sheets)


@case("header_only.ods", "ods", "betrokkenheid has its header but no rows", "ValidationError",
      [("betrokkenheid", 2, None, "geen gegevens onder de kopregel")])
def _(path):
    sheets = base()
    sheets["betrokkenheid"] = sheets["betrokkenheid"][:1]
    write_ods(path, sheets)


@case("no_header_row.xlsx", "xlsx", "actoren starts with data, without a header row", "ValidationError",
      [("actoren", 1, None, "Geen kopregel gevonden")])
def _(path):
    sheets = base()
    sheets["actoren"] = sheets["actoren"][1:]
    write_xlsx(path, sheets)


@case("header_below_row_10.xlsx", "xlsx", "eleven rows of notes above the header of actoren", "ValidationError",
      [("actoren", 1, None, "Geen kopregel gevonden in de eerste 10 rijen")])
def _(path):
    sheets = base()
    notes = [[f"Toelichting {i}: gegevens verzameld in interviews."] for i in range(1, 12)]
    sheets["actoren"] = notes + sheets["actoren"]
    write_xlsx(path, sheets)


@case("merged_data_cells.xlsx", "xlsx", "the opgave 'econ' merged over B2:B4 of betrokkenheid", "ValidationError",
      [("betrokkenheid", 3, "opgave", "samengevoegde cellen B2:B4"),
       ("betrokkenheid", 4, "opgave", "samengevoegde cellen B2:B4")])
def _(path):
    sheets = base()
    sheets["betrokkenheid"][2][1] = None
    sheets["betrokkenheid"][3][1] = None
    write_xlsx(path, sheets, edit=lambda wb: wb["betrokkenheid"].merge_cells("B2:B4"))


@case("empty_rows_between.xlsx", "xlsx",
      "empty rows between the data; errors after them keep the row numbers the spreadsheet shows",
      "ValidationError",
      [("actoren", 10, "type", "'veiligheidsregio' is geen bekend actortype"),
       ("betrokkenheid", 11, "opgave", "Onbekende opgave 'klimaat'")])
def _(path):
    sheets = base()
    actors = sheets["actoren"]
    actors[5][2] = "bewoners"  # an alias of burger: fine
    actors.append(["vr", "Veiligheidsregio Zuidhoek", "veiligheidsregio", "regionaal", "publiek", "1.2"])
    sheets["actoren"] = actors[:3] + [[], []] + actors[3:5] + [[None, "  ", None]] + actors[5:]  # vr on row 10
    inv = sheets["betrokkenheid"]
    inv.append(["vr", "klimaat", "partner", "ja", 2, 2022, None])
    sheets["betrokkenheid"] = inv[:4] + [[], [], []] + inv[4:]  # the klimaat row on row 11
    write_xlsx(path, sheets)


@case("duplicate_ids.xlsx", "xlsx", "the actor id 'gem' and the opgave id 'econ' occur twice", "ValidationError",
      [("actoren", 7, "id", "Id 'gem' komt vaker voor (ook in rij 2)"),
       ("opgaven", 4, "id", "Id 'econ' komt vaker voor (ook in rij 2)")])
def _(path):
    sheets = base()
    sheets["actoren"].append(["gem", "Gemeente Zuidhoek (oud)", "overheid", "lokaal", "publiek", "3"])
    sheets["opgaven"].append(["econ", "Economie (dubbel)", None, None, "regionaal", "3"])
    write_xlsx(path, sheets)


@case("ids_differ_only_in_case.ods", "ods",
      "two actors 'gem' and 'GEM'; a reference 'Gem' could mean either", "ValidationError",
      [("betrokkenheid", 2, "actor", "Onbekende actor 'Gem'")])
def _(path):
    sheets = base()
    sheets["actoren"].append(["GEM", "Gemeente Elders", "overheid", "lokaal", "publiek", "3"])
    sheets["betrokkenheid"][1][0] = "Gem"
    sheets["betrokkenheid"].append(["GEM", "wonen", "partner", "ja", 2, 2020, None])
    write_ods(path, sheets)


@case("unknown_references.xlsx", "xlsx", "references to an actor, an opgave and a tie target that do not exist",
      "ValidationError",
      [("betrokkenheid", 3, "actor", "Onbekende actor 'provv'"),
       ("betrokkenheid", 2, "opgave", "Onbekende opgave 'economie'"),
       ("relaties", 2, "naar", "Onbekende actor 'provincie'"),
       ("relaties", 4, "opgave", "Onbekende opgave 'klimaat'")])
def _(path):
    sheets = base()
    sheets["betrokkenheid"][2][0] = "provv"
    sheets["betrokkenheid"][1][1] = "economie"
    sheets["relaties"][1][1] = "provincie"
    sheets["relaties"][3][4] = "klimaat"
    write_xlsx(path, sheets)


# --- cell values ------------------------------------------------------------

@case("formulas_uncalculated.xlsx", "xlsx",
      "formulas written by a program and never calculated (no cached value)", "ValidationError",
      [("actoren", 3, "naam", "formule die nooit is berekend"),
       ("betrokkenheid", 3, "bewust", "formule die nooit is berekend"),
       ("relaties", 2, "gewicht", "formule die nooit is berekend")])
def _(path):
    sheets = base()
    sheets["actoren"][2][1] = '="Provincie "&"Noordland"'
    sheets["betrokkenheid"][2][3] = '=IF(E3>2,"ja","nee")'
    sheets["relaties"][1][3] = "=1+1"
    write_xlsx(path, sheets)


@case("formulas_with_values.xlsx", "xlsx", "formulas with the values Excel calculated and saved", "loads",
      checks="the saved values are read: name 'Provincie Noordland', weight 2, since 2019")
def _(path):
    sheets = base()

    def patch(xml: bytes) -> bytes:
        xml = xml.replace(b'<c r="B3" t="inlineStr"><is><t>Provincie Noordland</t></is></c>',
                          b'<c r="B3" t="str"><f>"Provincie "&amp;"Noordland"</f><v>Provincie Noordland</v></c>')
        assert b"<f>" in xml
        return xml

    def patch_ties(xml: bytes) -> bytes:
        xml = re.sub(rb'<c r="D2"( t="n")?><v>2</v></c>', b'<c r="D2"><f>1+1</f><v>2</v></c>', xml)
        xml = re.sub(rb'<c r="G2"( t="n")?><v>2019</v></c>', b'<c r="G2"><f>2018+1</f><v>2019</v></c>', xml)
        assert xml.count(b"<f>") == 2
        return xml
    write_xlsx(path, sheets, replace={"xl/worksheets/sheet1.xml": patch, "xl/worksheets/sheet4.xml": patch_ties})


@case("error_cells.xlsx", "xlsx", "Excel error values #N/A, #REF!, #DIV/0!, #VALUE! in cells", "ValidationError",
      [("actoren", 3, "naam", "Excel-foutwaarde"), ("relaties", 3, "naar", "Excel-foutwaarde"),
       ("relaties", 4, "gewicht", "Excel-foutwaarde"), ("betrokkenheid", 2, "sinds", "Excel-foutwaarde"),
       ("opgaven", 3, "domeinen", "Excel-foutwaarde")])
def _(path):
    errors = {("actoren", "B3"): "#N/A", ("relaties", "B3"): "#REF!", ("relaties", "D4"): "#DIV/0!",
              ("betrokkenheid", "F2"): "#VALUE!", ("opgaven", "F3"): "#N/A"}

    def edit(wb):
        for (title, ref), value in errors.items():
            wb[title][ref].value = value
            wb[title][ref].data_type = "e"
    write_xlsx(path, base(), edit=edit)


@case("csv_error_values_typed", "csv", "#N/A and the Dutch #VERW! typed as text in a CSV", "ValidationError",
      [("actoren", 3, "naam", "Excel-foutwaarde"), ("relaties", 2, "naar", "Excel-foutwaarde")])
def _(path):
    sheets = base()
    sheets["actoren"][2][1] = "#N/A"
    sheets["relaties"][1][1] = "#VERW!"
    write_csv(path, sheets)


@case("invalid_dates.ods", "ods", "dates that do not exist or are not dates: 31-02-2021, 'ergens in 2020', "
      "2021-13-01, 'Q3 2021'", "ValidationError",
      [("betrokkenheid", 2, "sinds", "'31-02-2021' is geen datum"),
       ("betrokkenheid", 3, "sinds", "'ergens in 2020' is geen datum"),
       ("relaties", 2, "sinds", "'2021-13-01' is geen datum"),
       ("relaties", 3, "tot", "'Q3 2021' is geen datum")])
def _(path):
    sheets = base()
    sheets["betrokkenheid"][1][5] = "31-02-2021"
    sheets["betrokkenheid"][2][5] = "ergens in 2020"
    sheets["relaties"][1][6] = "2021-13-01"
    sheets["relaties"][2][7] = "Q3 2021"
    write_ods(path, sheets)


@case("open_end_9999.xlsx", "xlsx", "'tot' 31-12-9999 for 'no end' (text and a real date cell), 'sinds' 1200 "
      "(used to crash: outside what pandas can hold)", "ValidationError",
      [("betrokkenheid", 2, "tot", "'31-12-9999' ligt buiten de jaren 1678-2261"),
       ("betrokkenheid", 3, "tot", "'9999-12-31' ligt buiten de jaren 1678-2261"),
       ("relaties", 2, "sinds", "'1200' ligt buiten de jaren 1678-2261")])
def _(path):
    sheets = base()
    sheets["betrokkenheid"][1][6] = "31-12-9999"
    sheets["betrokkenheid"][2][6] = dt.datetime(9999, 12, 31)
    sheets["relaties"][1][6] = 1200
    write_xlsx(path, sheets)


@case("until_before_since_and_self_tie.xlsx", "xlsx", "an involvement that ends before it starts; "
      "a tie from an actor to itself", "ValidationError",
      [("betrokkenheid", 5, "tot", "'tot' (2019-12-31) ligt vóór 'sinds' (2023-01-01)"),
       ("relaties", 3, "naar", "Relatie van 'prov' naar zichzelf")])
def _(path):
    sheets = base()
    sheets["betrokkenheid"][4][5:7] = [2023, 2019]
    sheets["relaties"][2][1] = "prov"
    write_xlsx(path, sheets)


@case("vocabulary_values.ods", "ods", "values outside the lists: type 'ministerie', scale 'stad', tie type "
      "'vriendschap', domain 'Economi'", "ValidationError",
      [("actoren", 3, "type", "'ministerie' is geen bekend actortype"),
       ("actoren", 4, "schaalniveau", "'stad' is geen bekend schaalniveau"),
       ("relaties", 2, "type", "'vriendschap' is geen bekend relatietype"),
       ("opgaven", 2, "domeinen", "'Economi' is geen bekend domein")])
def _(path):
    sheets = base()
    sheets["actoren"][2][2] = "ministerie"
    sheets["actoren"][3][3] = "stad"
    sheets["actoren"][5][2] = "Citizen"  # English alias: fine
    sheets["relaties"][1][2] = "vriendschap"
    sheets["opgaven"][1][5] = "3.1; Economi"
    write_ods(path, sheets)


@case("bad_numbers_and_booleans.xlsx", "xlsx", "inzet 7 and 'veel', gewicht -1, bewust 'soms', gericht 'misschien'",
      "ValidationError",
      [("betrokkenheid", 2, "inzet", "Inzet '7' ligt niet tussen 1 en 5"),
       ("betrokkenheid", 3, "inzet", "Inzet 'veel' ligt niet tussen 1 en 5"),
       ("betrokkenheid", 4, "bewust", "'soms' is geen ja of nee"),
       ("relaties", 2, "gewicht", "Gewicht '-1' is geen getal van 0 of meer"),
       ("relaties", 3, "gericht", "'misschien' is geen ja of nee")])
def _(path):
    sheets = base()
    sheets["betrokkenheid"][1][4] = 7
    sheets["betrokkenheid"][2][4] = "veel"
    sheets["betrokkenheid"][3][3] = "soms"
    sheets["relaties"][1][3] = -1
    sheets["relaties"][2][5] = "misschien"
    write_xlsx(path, sheets)


@case("booleans_among_numbers.xlsx", "xlsx", "a TRUE cell in gewicht and domeinen next to the numbers 1 "
      "(TRUE == 1 used to make every weight 1 an error)", "ValidationError",
      [("relaties", 2, "gewicht", "Gewicht 'True' is geen getal"),
       ("actoren", 2, "domeinen", "'ja' is geen bekend domein")])
def _(path):
    sheets = base()
    sheets["relaties"][1][3] = True
    sheets["actoren"][1][5] = True
    sheets["actoren"][2][5] = 1
    write_xlsx(path, sheets)


@case("csv_ragged_row", "csv", "an unquoted ';' inside a name splits row 3 of actoren.csv into 7 fields",
      "ValidationError", [("actoren", 3, "G", "Deze rij heeft 7 velden, de kopregel 6")])
def _(path):
    sheets = base()
    write_csv(path, sheets, sep=";")
    text = (path / "actoren.csv").read_text(encoding="utf-8")
    text = text.replace("Provincie Noordland;", "Provincie Noordland; afdeling Economie;")
    (path / "actoren.csv").write_text(text, encoding="utf-8", newline="")


@case("csv_unbalanced_quote", "csv", "a name opens a double quote that never closes, swallowing the rest of "
      "actoren.csv into one cell", "ValidationError",
      [("actoren", 3, "type", "Lege cel in een verplichte kolom")])
def _(path):
    sheets = base()
    write_csv(path, sheets)
    text = (path / "actoren.csv").read_text(encoding="utf-8")
    text = text.replace("prov,Provincie Noordland,", 'prov,"Provincie Noordland,')
    (path / "actoren.csv").write_text(text, encoding="utf-8", newline="")


@case("csv_id_both_actor_and_opgave", "csv", "the id 'wonen' is both an actor and an opgave", "ValidationError",
      [("opgaven", 3, "id", "Id 'wonen' is zowel een actor als een opgave")])
def _(path):
    sheets = base()
    sheets["actoren"].append(["wonen", "Woningcorporatie Wonen", "maatschappelijke organisatie", "regionaal",
                              "wonen", "8.3"])
    sheets["betrokkenheid"].append(["wonen", "wonen", "uitvoerder", "ja", 4, 2020, None])
    write_csv(path, sheets)


@case("lijsten_unknown_list.xlsx", "xlsx", "the lijsten sheet names a list 'kleuren' that does not exist",
      "ValidationError", [("lijsten", 2, "lijst", "'kleuren' is geen lijst die opgavelab kent")])
def _(path):
    sheets = base()
    sheets["lijsten"] = [["lijst", "waarde", "label"], ["kleuren", "rood", "Rood"], ["rol", "aanjager", "Aanjager"]]
    write_xlsx(path, sheets)


@case("stray_cell_far_away.xlsx", "xlsx", "one value in cell XFD1048576 of actoren (used to abort Python: "
      "calamine allocated 17 billion cells)", "ValidationError",
      [("actoren", 1048576, "XFD", "te groot om in te lezen")])
def _(path):
    def edit(wb):
        wb["actoren"]["XFD1048576"] = "x"
    write_xlsx(path, base(), edit=edit)


def _stray_row(xml: bytes) -> Callable[[bytes], bytes]:
    """Patch a sheet: one more row, spelled as ``xml``, at the end of sheetData."""
    def patch(data: bytes) -> bytes:
        return data.replace(b"</sheetData>", xml + b"</sheetData>")
    return patch


_STRAY_SPELLINGS = {
    "stray_cell_attributes_reordered.xlsx": (
        "attributes in another order", b'<row r="1048576"><c s="0" r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'),
    "stray_cell_single_quotes.xlsx": (
        "single-quoted attributes", b"<row r='1048576'><c r='XFD1048576' t='inlineStr'><is><t>x</t></is></c></row>"),
    "stray_cell_namespace_prefix.xlsx": (
        "a namespace prefix on row and cell",
        b'<x:row xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="1048576">'
        b'<x:c r="XFD1048576" t="inlineStr"><x:is><x:t>x</x:t></x:is></x:c></x:row>'),
    "stray_cell_character_reference.xlsx": (
        "a character reference in the cell reference (&#88; is X)",
        b'<row r="1048576"><c r="&#88;FD1048576" t="inlineStr"><is><t>x</t></is></c></row>'),
}


def _register_stray(name, what, xml):
    @case(name, "xlsx", f"one value in XFD1048576 of actoren, {what}: valid XML the old regular-expression "
          "guard did not see (aborted Python: 'memory allocation of 549755813888 bytes failed')", "ValidationError",
          [("actoren", 1048576, "XFD", "te groot om in te lezen")])
    def _(path):
        write_xlsx(path, base(), replace={"xl/worksheets/sheet1.xml": _stray_row(xml)})


for _name, (_what, _xml) in _STRAY_SPELLINGS.items():
    _register_stray(_name, _what, _xml)


@case("huge_cell_text.xlsx", "xlsx", "one cell of 1,000,005 characters, past the cap max_cell_chars (a 1.9 GB "
      "shared string took 1.9 GB of memory and wrote four 200 MB files)", "ReadError",
      [(None, None, None, "meer dan 1.000.000 tekens")])
def _(path):
    long = b"lang " * 200_001
    write_xlsx(path, base(), replace={"xl/worksheets/sheet2.xml": lambda d: d.replace(b"Betaalbaar bouwen", long)})


@case("stray_value_far_below.ods", "ods", "one value a million rows below the data of actoren", "ValidationError",
      [("actoren", 1048007, "naam", "Lege cel in een verplichte kolom"),
       ("actoren", 1048007, "type", "Lege cel in een verplichte kolom")])
def _(path):
    from odf.table import TableRow

    def far(table):
        table.addElement(TableRow(numberrowsrepeated=1048000))
        row = TableRow()
        row.addElement(ods_cell("x"))
        table.addElement(row)
    write_ods(path, base(), tail={"actoren": far})


# --- files that load: the tricky thing must come out right -------------------

@case("header_on_second_row.xlsx", "xlsx", "a title merged over A1:F1 above the header of actoren", "loads",
      [("actoren", 8, None, "Actor 'los' is bij geen enkele opgave betrokken")],
      checks="header found on row 2; row numbers count from the sheet's top")
def _(path):
    sheets = base()
    sheets["actoren"].append(["los", "Losse actor", "burger", "buurt", None, None])
    sheets["actoren"] = [["Actoren van de casus Zuidhoek"]] + sheets["actoren"]
    write_xlsx(path, sheets, edit=lambda wb: wb["actoren"].merge_cells("A1:F1"))


@case("merged_header_cells.xlsx", "xlsx", "the header 'naam' merged over B1:C1; column C holds data", "loads",
      [("actoren", 1, "C", "Kolom C heeft gegevens maar geen naam in de kopregel")],
      checks="names from column B; column C ignored with a warning")
def _(path):
    sheets = base()
    for i, row in enumerate(sheets["actoren"]):
        row.insert(2, None if i == 0 else f"(contact {i})")
    write_xlsx(path, sheets, edit=lambda wb: wb["actoren"].merge_cells("B1:C1"))


@case("ids_trailing_space_and_case.xlsx", "xlsx", "ids ' gem ' and 'prov ' in actoren; 'GEM', 'Prov' in "
      "references", "loads",
      [("betrokkenheid", 2, "actor", "verschilt alleen in hoofdletters"),
       ("relaties", 3, "van", "verschilt alleen in hoofdletters")],
      checks="ids stripped to 'gem', 'prov'; references folded onto them")
def _(path):
    sheets = base()
    sheets["actoren"][1][0] = " gem "
    sheets["actoren"][2][0] = "prov "
    sheets["betrokkenheid"][1][0] = "GEM"
    sheets["relaties"][2][0] = "Prov"
    write_xlsx(path, sheets)


@case("csv_ids_invisible_characters", "csv", "references with a zero-width space, a no-break space, a soft "
      "hyphen, and 'café' in another Unicode form (NFD)", "loads",
      [("betrokkenheid", 3, "actor", "onzichtbare tekens"), ("relaties", 3, "naar", "onzichtbare tekens"),
       ("betrokkenheid", 8, "actor", "onzichtbare tekens")],
      checks="every reference resolves to the visible id")
def _(path):
    sheets = base()
    sheets["actoren"].append(["café", "Café De Brug", "bedrijf", "buurt", "horeca", "3.1"])
    sheets["betrokkenheid"][2][0] = "prov\u200b"
    sheets["betrokkenheid"][3][0] = "bedr\u00a0"
    sheets["relaties"][2][1] = "be\u00addr"
    sheets["betrokkenheid"].append(["cafe\u0301", "econ", "partner", "ja", 2, 2022, None])
    write_csv(path, sheets)


@case("numbers_as_text.xlsx", "xlsx", "numbers stored as text ('4', ' 2 ', '2019'); a numeric id 101 referred "
      "to as text '101'", "loads",
      checks="inzet 4, gewicht 2.0, sinds 2019-01-01; id '101' resolves")
def _(path):
    sheets = base()
    sheets["actoren"][4][0] = 101  # hs becomes the number 101
    for row in sheets["betrokkenheid"][1:]:
        if row[0] == "hs":
            row[0] = "101"
    for row in sheets["relaties"][1:]:
        row[:2] = ["101" if v == "hs" else v for v in row[:2]]
    sheets["betrokkenheid"][1][4] = "4"
    sheets["betrokkenheid"][1][5] = "2019"
    sheets["relaties"][1][3] = " 2 "
    sheets["actoren"][2][5] = 3  # a domain code as a number
    write_xlsx(path, sheets)


@case("dutch_text_dates.xlsx", "xlsx", "dates as Dutch text: 3-12-2021, 3 december 2021, 1 mrt. 2020, 12/3/2021, "
      "31 december 2023", "loads",
      checks="each text read as the right day (day first)")
def _(path):
    sheets = base()
    sheets["betrokkenheid"][1][5] = "3-12-2021"
    sheets["betrokkenheid"][2][5] = "3 december 2021"
    sheets["betrokkenheid"][3][5] = "1 mrt. 2020"
    sheets["betrokkenheid"][4][5] = "12/3/2021"
    sheets["betrokkenheid"][4][6] = "31 december 2023"
    sheets["relaties"][1][6] = dt.datetime(2019, 5, 17)
    write_xlsx(path, sheets)


@case("csv_cp1252_semicolon", "csv", "Windows-1252 with ';' (Dutch Excel): é, ë, €, curly quote; decimal "
      "comma 2,5; date 3-12-2021", "loads",
      checks="text decoded right, gewicht 2.5, sinds 2021-12-03")
def _(path):
    sheets = base()
    sheets["actoren"][3][1] = "Café ’t Hoekje € 5"
    sheets["actoren"][4][1] = "Hogeschool Zuidhoek – Financiën"
    sheets["relaties"][1][3] = "2,5"
    sheets["betrokkenheid"][3][5] = "3-12-2021"
    write_csv(path, sheets, sep=";", encoding="cp1252")


@case("csv_decimal_comma_quoted", "csv", "',' separated with decimal commas in quotes: \"2,5\", \"0,75\"", "loads",
      checks="gewicht 2.5 and 0.75")
def _(path):
    sheets = base()
    sheets["relaties"][1][3] = "2,5"
    sheets["relaties"][2][3] = "0,75"
    write_csv(path, sheets)


@case("csv_utf8_bom", "csv", "UTF-8 with a byte-order mark, English sheet and column names", "loads",
      checks="the first header is 'id', not '\\ufeffid'")
def _(path):
    sheets = base()
    en = {"actoren": "actors", "opgaven": "challenges", "betrokkenheid": "involvement", "relaties": "ties"}
    headers = {"actoren": ["id", "name", "type", "scale", "sector", "domains"],
               "opgaven": ["id", "name", "origin", "core_challenge", "scale", "domains"],
               "betrokkenheid": ["actor", "opgave", "role", "aware", "commitment", "since", "until"],
               "relaties": ["source", "target", "type", "weight", "opgave", "directed", "since", "until"]}
    out = {en[k]: [headers[k]] + v[1:] for k, v in sheets.items()}
    write_csv(path, out, encoding="utf-8-sig")


@case("csv_utf16_tab", "csv", "Excel's 'Unicode text': UTF-16 with BOM, tab-separated, .txt", "loads",
      checks="all sheets read, names intact")
def _(path):
    sheets = base()
    sheets["actoren"][1][1] = "Gemeente Zuidhoek – één loket"
    write_csv(path, sheets, sep="\t", encoding="utf-16", suffix=".txt")


@case("long_texts.xlsx", "xlsx", "a description of 32,767 characters (Excel's maximum), a name of 2,000", "loads",
      checks="both texts kept whole")
def _(path):
    sheets = base()
    sheets["opgaven"][0].append("beschrijving")
    sheets["opgaven"][1].append(LONG_DESCRIPTION)
    sheets["opgaven"][2].append("Kort.")
    sheets["actoren"][3][1] = ("Bakkerij De Graaf & Zn. " * 100)[:2000].strip()
    write_xlsx(path, sheets)


@case("csv_very_long_text", "csv", "a description of 150,000 characters (over the csv module's 128 KiB field "
      "limit)", "loads", checks="the text kept whole")
def _(path):
    sheets = base()
    sheets["opgaven"][0].append("beschrijving")
    sheets["opgaven"][1].append(VERY_LONG_DESCRIPTION)
    sheets["opgaven"][2].append(None)
    write_csv(path, sheets)


def _unicode_sheets():
    sheets = base()
    for row in sheets["actoren"][1:]:
        row[1] = UNICODE_NAMES.get(row[0], row[1])
    # an id that is itself emoji, referred to in involvement and ties
    sheets["actoren"].append(["🌱-buurt", "🌱 Groene Buurt", "burger", "buurt", None, None])
    sheets["betrokkenheid"].append(["🌱-buurt", "wonen", "partner", "ja", 2, 2022, None])
    sheets["relaties"].append(["🌱-buurt", "bew", "informatie", 1, "wonen", "nee", 2022, None])
    return sheets


@case("emoji_rtl_names.xlsx", "xlsx", "names with emoji (joiners, skin tones), Arabic, Hebrew with "
      "direction marks, combining accents; an emoji id", "loads", checks="every name kept exactly")
def _(path):
    write_xlsx(path, _unicode_sheets())


@case("emoji_rtl_names.ods", "ods", "the same names in an OpenDocument file", "loads",
      checks="every name kept exactly")
def _(path):
    write_ods(path, _unicode_sheets())


@case("csv_emoji_rtl_names", "csv", "the same names in UTF-8 CSV", "loads", checks="every name kept exactly")
def _(path):
    write_csv(path, _unicode_sheets())


@case("extra_sheets_and_columns.xlsx", "xlsx", "a notes sheet, a hidden sheet, extra columns 'opmerking' and "
      "'e-mail (persoonsgegeven)'", "loads", checks="extra columns kept as attributes")
def _(path):
    sheets = base()
    sheets["notities"] = [["Interviewronde voorjaar 2023"], ["Niet delen buiten het project."]]
    sheets["_verborgen"] = [["x", "y"], [1, 2]]
    sheets["actoren"][0] += ["opmerking", "e-mail (persoonsgegeven)"]
    for i, row in enumerate(sheets["actoren"][1:], start=1):
        row += [f"opmerking {i}", f"contact{i}@example.org"]

    def edit(wb):
        wb["_verborgen"].sheet_state = "hidden"
    write_xlsx(path, sheets, edit=edit)


@case("english_mixed_case_headers.ods", "ods", "sheets ACTORS / Challenges / Involvement, headers 'ID', 'Name', "
      "' Scale ', 'TYPE'", "loads", checks="matched case-insensitively")
def _(path):
    sheets = base()
    out = {
        "ACTORS": [["ID", "Name", "TYPE", " Scale ", "Sector", "Domains"]] + sheets["actoren"][1:],
        "Challenges": [["Id", "NAME", "Origin", "Core challenge", "scale", "domains"]] + sheets["opgaven"][1:],
        "Involvement": [["Actor", "Opgave", "Role", "Aware", "Commitment", "Since", "Until"]]
                       + sheets["betrokkenheid"][1:],
        "Ties": [["Source", "Target", "Type", "Weight", "Opgave", "Directed", "Since", "Until"]]
                + sheets["relaties"][1:],
    }
    write_ods(path, out)


@case("csv_formula_like_text", "csv", "names starting with =, +, - and @ (formula injection if written back "
      "carelessly)", "loads", checks="kept verbatim as text; saved back as text, not formulas")
def _(path):
    sheets = base()
    sheets["actoren"][1][1] = '=HYPERLINK("http://example.org","klik")'
    sheets["actoren"][2][1] = "+31 6 12345678"
    sheets["actoren"][3][1] = "-Bakkerij-"
    sheets["actoren"][4][1] = "@hogeschool"
    write_csv(path, sheets)


@case("duplicate_column_names.xlsx", "xlsx", "two columns named 'naam' in actoren", "loads",
      [("actoren", 1, "Naam", "Twee kolommen betekenen 'name'")],
      checks="the first 'naam' is used")
def _(path):
    sheets = base()
    sheets["actoren"][0].append("Naam")
    for row in sheets["actoren"][1:]:
        row.append(row[1].upper())
    write_xlsx(path, sheets)


# --- issue 20: a second round of hostile inputs ------------------------------

@case("lijsten_bad_colours.xlsx", "xlsx", "kleur 'groen' (Dutch), '#GGGGGG' and '#12345' in lijsten (style.type_colours "
      "raised in report after validate said valid)", "loads",
      [("lijsten", 3, "kleur", "'#GGGGGG' is geen kleur"), ("lijsten", 4, "kleur", "'#12345' is geen kleur")],
      checks="'groen' read as green; the bad ones fall back to the palette")
def _(path):
    sheets = base()
    sheets["lijsten"] = [["lijst", "waarde", "kleur"], ["actortype", "overheid", "groen"],
                         ["actortype", "bedrijf", "#GGGGGG"], ["actortype", "burger", "#12345"]]
    write_xlsx(path, sheets)


RESERVED_COLUMNS = ["spells", "pid", "kind", "bipartite", "node_for_adding", "viz", "start"]


@case("reserved_column_names.xlsx", "xlsx", "extra actor columns named like networkx and GEXF attributes: "
      + ", ".join(RESERVED_COLUMNS) + " (GEXF writer raised after 18 files; two_mode_graph raised TypeError)",
      "loads", [("actoren", 1, "spells", "heet in opgavelab 'spells_'"), ("actoren", 1, "kind", "'kind_'")],
      checks="renamed with a trailing _; GEXF written and read back")
def _(path):
    sheets = base()
    for name in RESERVED_COLUMNS:
        sheets["actoren"][0].append(name)
        for row in sheets["actoren"][1:]:
            row.append(f"{name} van {row[0]}")
    write_xlsx(path, sheets)


@case("many_actor_types.xlsx", "xlsx", "20 actor types in lijsten, more than the 8 colours of the palette", "loads",
      checks="every type gets a colour")
def _(path):
    sheets = base()
    sheets["lijsten"] = [["lijst", "waarde"]] + [["actortype", f"soort {i}"] for i in range(20)]
    for i, row in enumerate(sheets["actoren"][1:]):
        row[2] = f"soort {i * 4}"
    write_xlsx(path, sheets)


@case("csv_control_characters", "csv", "a name with U+0001 and a terminal escape (ESC ] 0;PWNED BEL ESC [2J), an "
      "id with U+0002, a NUL late in relaties.csv (broke GEXF, GraphML and SVG; retitled the terminal)", "loads",
      [("actoren", 2, "B", "stuurteken"), ("actoren", 3, "A", "stuurteken"), ("relaties", 5, "C", "stuurteken")],
      checks="no control character left anywhere; GEXF reads back")
def _(path):
    sheets = base()
    sheets["actoren"][1][1] = "Gemeente\x01 Zuidhoek\x1b]0;PWNED\x07\x1b[2J"
    sheets["actoren"][2][0] = "prov\x02"
    sheets["relaties"][4][2] = "samen\x00werking"
    write_csv(path, sheets)


@case("csv_mixed_utf8_latin1", "csv", "a UTF-8 actoren.csv ('Súdwest-Fryslân') with one line holding a Latin-1 byte "
      "(was read whole as Windows-1252: 'SÃºdwest-FryslÃ¢n', no word)", "loads",
      [("actoren", 4, None, "is geen UTF-8")],
      checks="the UTF-8 lines read as UTF-8, the other line as Windows-1252")
def _(path):
    sheets = base()
    sheets["actoren"][1][1] = "Súdwest-Fryslân"
    write_csv(path, sheets)
    raw = (path / "actoren.csv").read_bytes().replace("Bakkerij De Graaf".encode(), "Bakkerij Caf\xe9".encode("latin-1"))
    (path / "actoren.csv").write_bytes(raw)


@case("csv_utf16_no_bom", "csv", "UTF-16 (little-endian) without a byte-order mark (was called 'binaire inhoud')",
      "loads", checks="names intact")
def _(path):
    write_csv(path, _unicode_sheets(), encoding="utf-16-le")


@case("csv_utf32", "csv", "UTF-32 with a byte-order mark (was given 'Geen kopregel')", "loads", checks="names intact")
def _(path):
    write_csv(path, _unicode_sheets(), encoding="utf-32")


@case("csv_title_line_with_comma", "csv", "a title line 'Casus Zuidhoek, versie 2' above a ';'-separated header "
      "(the comma made ',' the separator)", "loads", checks="';' used; header found on row 2")
def _(path):
    write_csv(path, base(), sep=";")
    for name in ("actoren", "opgaven"):
        file = path / f"{name}.csv"
        file.write_bytes(b"Casus Zuidhoek, versie 2\r\n" + file.read_bytes())


@case("csv_symlinks", "csv", "relaties.csv is a link to a file outside the folder, lijsten.csv a dangling link "
      "(followed: its lines appeared in messages; dangling: silently 0 ties, 'Geldig')", "ReadError",
      [(None, None, None, "snelkoppeling")])
def _(path):
    import os

    sheets = base()
    del sheets["relaties"]
    write_csv(path, sheets)
    os.symlink("../csv_utf8_bom/relaties.csv", path / "relaties.csv")
    os.symlink("bestaat-niet.csv", path / "lijsten.csv")


@case("csv_invisible_only_values", "csv", "an actor id of only U+200B, a name of only a soft hyphen (passed as "
      "non-empty)", "ValidationError",
      [("actoren", 7, "id", "alleen uit onzichtbare tekens"), ("actoren", 8, "naam", "alleen uit onzichtbare tekens")])
def _(path):
    sheets = base()
    sheets["actoren"].append(["\u200b", "Niemand", "burger", "buurt", None, None])
    sheets["actoren"].append(["leeg", "\u00ad", "burger", "buurt", None, None])
    write_csv(path, sheets)


@case("csv_ids_differ_by_direction_mark", "csv", "two actor ids 'gem' and 'gem' + U+202E (right-to-left override): "
      "they look the same (no warning was given)", "loads",
      [("actoren", 7, "id", "verschilt in onzichtbare tekens of schrijfrichtingstekens")],
      checks="both ids kept, apart")
def _(path):
    sheets = base()
    sheets["actoren"].append(["gem\u202e", "Gemeente Omgekeerd", "overheid", "lokaal", None, None])
    sheets["betrokkenheid"].append(["gem\u202e", "econ", "partner", "ja", 2, 2022, None])
    write_csv(path, sheets)


@case("csv_ambiguous_numbers", "csv", "gewicht '1,000' and '1.000' as text (read silently as 1 and 1000)", "loads",
      [("relaties", 2, "gewicht", "'1,000' kan 1 of 1000 betekenen"),
       ("relaties", 3, "gewicht", "'1.000' kan 1000 of 1 betekenen")],
      checks="gewicht 1.0 and 1000.0, as the warnings say")
def _(path):
    sheets = base()
    sheets["relaties"][1][3] = "1,000"
    sheets["relaties"][2][3] = "1.000"
    write_csv(path, sheets, sep=";")


@case("csv_commitment_not_whole_other_digits", "csv", "inzet '3,5' (was told it is not between 1 and 5) and the "
      "Arabic-Indic digit '٣' (was accepted as 3)", "ValidationError",
      [("betrokkenheid", 2, "inzet", "Inzet '3,5' is geen geheel getal"),
       ("betrokkenheid", 3, "inzet", "Inzet '٣' ligt niet tussen 1 en 5")])
def _(path):
    sheets = base()
    sheets["betrokkenheid"][1][4] = "3,5"
    sheets["betrokkenheid"][2][4] = "\u0663"
    write_csv(path, sheets, sep=";")


@case("excel_serial_dates.xlsx", "xlsx", "date cells holding serial 0 and -5 (shown as '00:00:00') and serial 60 "
      "(Excel's 29-02-1900, read as 28-02-1900 without a word)", "ValidationError",
      [("betrokkenheid", 3, "sinds", "waarde 0 of minder"), ("betrokkenheid", 4, "sinds", "waarde 0 of minder")])
def _(path):
    sheets = base()
    for row, serial in ((1, 60), (2, 0), (3, -5)):
        sheets["betrokkenheid"][row][5] = serial

    def edit(wb):
        for r in (2, 3, 4):
            wb["betrokkenheid"].cell(row=r, column=6).number_format = "dd-mm-yyyy"
    write_xlsx(path, sheets, edit=edit)


@case("very_hidden_sheet.xlsx", "xlsx", "the sheet relaties is 'very hidden' (Excel's Unhide does not list it)",
      "loads", [("relaties", None, None, "zeer verborgen")], checks="its ties are read")
def _(path):
    def edit(wb):
        wb["relaties"].sheet_state = "veryHidden"
    write_xlsx(path, base(), edit=edit)


LONG_OPGAVE_ID = "opgave-" + "heel-lang-" * 24 + "einde"


@case("long_and_reserved_ids.xlsx", "xlsx", f"an opgave id of {len(LONG_OPGAVE_ID)} characters (report failed: "
      "'File name too long') and opgave ids 'CON' and 'nul' (Windows device names)", "loads",
      checks="file names at most 60 characters, never a device name")
def _(path):
    sheets = base()
    sheets["opgaven"][1][0] = LONG_OPGAVE_ID
    sheets["opgaven"].append(["CON", "Console", "Test", "Test", "lokaal", "8.3"])
    sheets["opgaven"].append(["nul", "Nul", "Test", "Test", "lokaal", "8.3"])
    for row in sheets["betrokkenheid"][1:]:
        if row[1] == "econ":
            row[1] = LONG_OPGAVE_ID
    sheets["betrokkenheid"] += [["gem", "CON", "trekker", "ja", 3, 2020, None], ["prov", "nul", "partner", "ja", 3, 2020, None]]
    for row in sheets["relaties"][1:]:
        if row[4] == "econ":
            row[4] = LONG_OPGAVE_ID
    write_xlsx(path, sheets)


# --------------------------------------------------------------------------
# building and the manifest
# --------------------------------------------------------------------------

def build(target: Path, only: list[str] | None = None) -> list[Path]:
    """Write every case (or the named ones) into ``target``."""
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for c in CASES:
        if only and c.name not in only:
            continue
        path = target / c.name
        if c.kind == "csv" and path.exists():
            shutil.rmtree(path)
        elif path.exists() and c.name != "password_protected.xlsx":
            path.unlink()
        c.build(path)
        written.append(path)
    return written


def _cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _where(sheet, row, column) -> str:
    parts = [p for p in (sheet, None if row is None else f"row {row}", column) if p is not None]
    return ", ".join(str(p) for p in parts)


def render_readme() -> str:
    """The manifest: one row per file, generated from :data:`CASES`."""
    lines = [
        "# Corpus of bad workbooks",
        "",
        "Generated by `make_corpus.py` from its `CASES` list; do not edit by hand. Rebuild with",
        "`python tests/data/bad/make_corpus.py` and run `pytest tests/test_bad_corpus.py`, which",
        "checks that this table, the list and the files agree, and that every file loads or",
        "fails as listed: a `ValidationError` names sheet, row and column with a hint, a",
        "`ReadError` says why the file cannot be read and what to do. No other exception.",
        "",
        "The 200,000-row workbook is generated at test time (`test_200000_rows`), not stored.",
        "Messages are checked in Dutch here; the test also loads each file with `lang=\"en\"`.",
        "",
        f"{len(CASES)} files and CSV folders.",
        "",
        "| file | format | what is wrong | outcome | reports (sheet, row, column: message) or checks |",
        "|---|---|---|---|---|",
    ]
    for c in CASES:
        name = f"`{c.name}/`" if c.kind == "csv" else f"`{c.name}`"
        reports = []
        for sheet, row, column, fragment in c.expect:
            where = _where(sheet, row, column)
            reports.append(f"{where}: {fragment}" if where else fragment)
        if c.outcome == "loads":
            detail = c.checks + ("; warns " + "; ".join(reports) if reports else "")
        else:
            detail = "; ".join(reports)
        lines.append(f"| {name} | {c.kind} | {_cell(c.what)} | {c.outcome} | {_cell(detail)} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> None:
    target = Path(argv[1]) if len(argv) > 1 else HERE
    paths = build(target)
    if target.resolve() == HERE:
        (HERE / "README.md").write_text(render_readme(), encoding="utf-8")
    print(f"{len(paths)} cases written to {target}")


if __name__ == "__main__":
    main(sys.argv)
