"""A real client: LibreOffice (headless) re-saves and prints what people and opgavelab write (issue 22).

The example and a filled template, re-saved by LibreOffice as xlsx, ods and
every sheet as CSV, load identically; the template's range checks survive the
re-save and stay enforced; the scan, Kumu and template workbooks print to PDF
without error cells, the scan on at most two pages per sheet.

Without ``soffice`` these tests skip with a message, unless ``CI=true``: then
they fail (``.ci/run`` installs LibreOffice). Four soffice calls with a
private profile, about 15 s in all.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

import opgavelab

TABLES = ("actors", "opgaven", "involvement", "ties", "vocabularies")
pytestmark = pytest.mark.slow

CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def _need(tool: str, package: str) -> str:
    path = shutil.which(tool)
    if path is None:
        msg = f"{tool} not found: install it with `sudo apt-get install -y {package}` to run the LibreOffice tests."
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(msg)
        pytest.skip(msg)
    return path


def _soffice(soffice: str, profile: Path, target: str, outdir: Path, files: list[Path]) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    cmd = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
           "--convert-to", target, "--outdir", str(outdir), *map(str, files)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    soffice = _need("soffice", "libreoffice-calc-nogui")
    root = tmp_path_factory.mktemp("libreoffice")
    profile = root / "profile"
    src = root / "src"
    src.mkdir()
    case = opgavelab.example()
    example = src / "voorbeeld.xlsx"
    shutil.copyfile(opgavelab.io.example_path(), example)
    filled = opgavelab.save(case, src / "ingevuld.xlsx")
    template = opgavelab.write_template(src / "sjabloon.xlsx")
    opgave = case.opgaven.index[0]
    scan = opgavelab.scan(case, opgave).to_excel(src / "scan.xlsx")
    from opgavelab.export import write_kumu
    from opgavelab.network import opgave_graph

    kumu = write_kumu(opgave_graph(case, opgave), src / "kumu.xlsx", case=case)
    _soffice(soffice, profile, "xlsx", root / "xlsx", [example, filled, template])
    _soffice(soffice, profile, "ods", root / "ods", [example, filled, template])
    _soffice(soffice, profile, CSV_FILTER, root / "csv", [example, filled])
    _soffice(soffice, profile, "pdf", root / "pdf", [scan, kumu, template])
    # every sheet as CSV: <book>-<sheet>.csv, one folder per book as a user keeps them
    for book in ("voorbeeld", "ingevuld"):
        (root / "csv" / book).mkdir()
        for f in (root / "csv").glob(f"{book}-*.csv"):
            f.rename(root / "csv" / book / f.name)
    return {"root": root, "case": case, "scan": scan}


def _same(a, b, what):
    for table in TABLES:
        pd.testing.assert_frame_equal(getattr(a, table), getattr(b, table), obj=f"{what}: {table}")


@pytest.mark.parametrize("form", ["xlsx", "ods", "csv"])
@pytest.mark.parametrize("book", ["voorbeeld", "ingevuld"])
def test_resaved_by_libreoffice_loads_identically(converted, form, book):
    root = converted["root"]
    original = opgavelab.load(root / "src" / f"{book}.xlsx")
    path = root / "csv" / book if form == "csv" else root / form / f"{book}.{form}"
    resaved = opgavelab.load(path)
    _same(original, resaved, f"{book} as {form}")
    if book == "voorbeeld":
        _same(converted["case"], resaved, f"example as {form}")
    assert list(resaved.warnings["message"]) == list(original.warnings["message"])


def test_template_range_checks_survive_the_resave_as_xlsx(converted):
    wb = load_workbook(converted["root"] / "xlsx" / "sjabloon.xlsx")
    checks = [(w.title, d.type, d.showErrorMessage, d.error) for w in wb
              for d in w.data_validations.dataValidation if d.type != "list"]
    assert {c[1] for c in checks} == {"whole", "decimal"}, checks
    assert all(c[2] and c[3] for c in checks), checks


def test_template_range_checks_survive_the_resave_as_ods(converted):
    with zipfile.ZipFile(converted["root"] / "ods" / "sjabloon.ods") as z:
        content = z.read("content.xml").decode("utf-8")
    validations = re.findall(r"<table:content-validation .*?</table:content-validation>", content, flags=re.S)
    ranged = [v for v in validations if "is-in-list" not in v]
    assert len(ranged) == 2, validations
    for v in ranged:
        assert 'table:display="true"' in v.split("<table:error-message", 1)[1].split(">", 1)[0], v


def _pdf_pages(path: Path) -> list[str]:
    _need("pdftotext", "poppler-utils")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


@pytest.mark.parametrize("book", ["scan", "kumu", "sjabloon"])
def test_workbooks_print_without_error_cells(converted, book):
    pages = _pdf_pages(converted["root"] / "pdf" / f"{book}.pdf")
    assert pages
    for i, page in enumerate(pages, start=1):
        bad = re.findall(r"#NAME\?|#VALUE!|#REF!|#DIV/0!|Err:\d+", page)
        assert not bad, (book, i, bad)


def test_scan_prints_on_at_most_two_pages_per_sheet(converted):
    sheets = load_workbook(converted["scan"], read_only=True).sheetnames
    pages = _pdf_pages(converted["root"] / "pdf" / "scan.pdf")
    assert len(pages) <= 2 * len(sheets), (len(pages), len(sheets))
    # each data sheet's pages carry its name in the page header ("samenvatting — ...")
    for name in sheets[1:]:
        on = [i for i, p in enumerate(pages, start=1) if p.lstrip().startswith(f"{name} — ")]
        assert 1 <= len(on) <= 2, (name, on)
