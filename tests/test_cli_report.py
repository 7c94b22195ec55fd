"""``opgavelab report``: writes the lot with understandable names, and never overwrites without --force."""

from __future__ import annotations

import subprocess
import sys

import networkx as nx
import pytest
from openpyxl import load_workbook
from PIL import Image

import opgavelab
from opgavelab._cli_report import DEFAULT_FORMATS, planned_files
from opgavelab.cli import main


@pytest.fixture(scope="module")
def example_path():
    return str(opgavelab.example_path())


@pytest.fixture(scope="module")
def report(example_path, tmp_path_factory):
    """One report for 'zorg', written once for the tests below (SVG and PDF are checked in test_draw_static)."""
    out = tmp_path_factory.mktemp("report")
    rc = main(["report", example_path, "--opgave", "zorg", "--out", str(out), "--dpi", "50",
               "--formats", "png,html,xlsx,gexf,graphml,kumu,csv", "--quiet"])
    return rc, out


def test_report_names_every_file_so_a_person_understands_it():
    files = planned_files(["zorg"], "report", DEFAULT_FORMATS + ["csv"])
    names = sorted(p.name for p in files["zorg"].values())
    assert names == sorted([
        "zorg-netwerk.png", "zorg-netwerk.svg", "zorg-netwerk.pdf",
        "zorg-kompas.png", "zorg-kompas.svg", "zorg-kompas.pdf",
        "zorg-dekking.png", "zorg-dekking.svg", "zorg-dekking.pdf",
        "zorg-vorming.png", "zorg-vorming.svg", "zorg-vorming.pdf",
        "zorg-door-de-tijd.png", "zorg-door-de-tijd.svg", "zorg-door-de-tijd.pdf",
        "zorg-netwerk.html", "zorg-vorming.html", "zorg-scan.xlsx", "zorg.gexf", "zorg.graphml", "zorg-kumu.xlsx",
        "zorg-actoren.csv", "zorg-relaties.csv",
    ])
    assert {p.parent.name for p in files["zorg"].values()} == {"zorg"}


def test_report_writes_what_was_asked(report):
    rc, out = report
    assert rc == 0
    names = sorted(p.name for p in (out / "zorg").iterdir())
    assert names == sorted([
        "zorg-netwerk.png", "zorg-kompas.png", "zorg-dekking.png", "zorg-vorming.png", "zorg-door-de-tijd.png",
        "zorg-netwerk.html", "zorg-vorming.html", "zorg-scan.xlsx", "zorg.gexf", "zorg.graphml", "zorg-kumu.xlsx",
        "zorg-actoren.csv", "zorg-relaties.csv",
    ])


def test_report_files_open(report):
    _, out = report
    d = out / "zorg"
    assert Image.open(d / "zorg-kompas.png").size[0] > 100
    # the report's default date is the end of the case's last year (as in the explorer): 13 actors then
    assert nx.read_gexf(d / "zorg.gexf").number_of_nodes() == 13
    assert nx.read_graphml(d / "zorg.graphml").number_of_nodes() == 13
    assert load_workbook(d / "zorg-kumu.xlsx").sheetnames == ["Elements", "Connections"]
    assert "centraliteit" in load_workbook(d / "zorg-scan.xlsx").sheetnames
    page = (d / "zorg-netwerk.html").read_text(encoding="utf-8")
    assert "Vitaal platteland" in page and "https://" not in page
    formation_page = (d / "zorg-vorming.html").read_text(encoding="utf-8")
    assert "olf-play" in formation_page and "http://" not in formation_page and "https://" not in formation_page
    assert (d / "zorg-actoren.csv").read_text(encoding="utf-8-sig").startswith("id;")


def test_report_does_not_overwrite_without_force(report, example_path, capsys):
    _, out = report
    png = out / "zorg" / "zorg-netwerk.png"
    before = png.stat().st_mtime_ns
    rc = main(["report", example_path, "--opgave", "zorg", "--out", str(out), "--formats", "png,gexf"])
    err = capsys.readouterr().err
    assert rc == 1
    assert "bestaan al; er is niets geschreven. Gebruik --force" in err and "zorg-netwerk.png" in err
    assert png.stat().st_mtime_ns == before
    rc = main(["report", example_path, "--opgave", "zorg", "--out", str(out), "--formats", "gexf", "--force"])
    assert rc == 0
    assert "geschreven: " in capsys.readouterr().out


def test_report_all_prints_progress_and_what_it_wrote(example_path, tmp_path, capsys):
    rc = main(["report", example_path, "--all", "--out", str(tmp_path), "--formats", "gexf,kumu", "--lang", "en"])
    captured = capsys.readouterr()
    assert rc == 0
    assert "[1/5] economie: Regionale economische groei Veenmarken" in captured.err
    assert "[5/5] zorg" in captured.err
    assert captured.out.count("written: ") == 10
    assert "10 files written to" in captured.out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["economie", "energie", "water", "wonen", "zorg"]
    assert (tmp_path / "wonen" / "wonen-kumu.xlsx").exists()


def test_report_at_a_date_names_the_files_after_it(example_path, tmp_path, capsys):
    rc = main(["report", example_path, "--opgave", "economie", "--out", str(tmp_path), "--at", "2020",
               "--formats", "graphml", "--lang", "en"])
    assert rc == 0
    assert (tmp_path / "economie" / "economie-2020.graphml").exists()
    G = nx.read_graphml(tmp_path / "economie" / "economie-2020.graphml")
    assert G.number_of_nodes() == len(opgavelab.example().actors_of("economie", at=2020))


def test_planned_files_in_english():
    files = planned_files(["a b/c"], "out", ["png", "html", "xlsx"], lang="en", at="2024-06-30")
    names = sorted(p.name for p in files["a b/c"].values())
    assert "a-b-c-compass-2024-06-30.png" in names and "a-b-c-network-2024-06-30.html" in names
    assert "a-b-c-scan-2024-06-30.xlsx" in names
    assert {p.parent.name for p in files["a b/c"].values()} == {"a-b-c"}


def test_report_rejects_an_unknown_opgave(example_path, tmp_path, capsys):
    rc = main(["report", example_path, "--opgave", "klimaat", "--out", str(tmp_path)])
    assert rc == 1
    assert "Onbekende opgave: klimaat. De casus heeft: economie, " in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_report_rejects_an_unknown_format(example_path, tmp_path, capsys):
    rc = main(["report", example_path, "--all", "--out", str(tmp_path), "--formats", "png,jpg"])
    assert rc == 1
    assert "'formats' must be one of ['png', 'svg', 'pdf', 'html', 'xlsx', 'gexf', 'graphml', 'kumu', 'csv', 'gif'], " \
           "got 'jpg'." in capsys.readouterr().err


def test_report_rejects_a_bad_date(example_path, tmp_path, capsys):
    rc = main(["report", example_path, "--all", "--out", str(tmp_path), "--at", "gisteren"])
    assert rc == 1
    assert "'--at' moet een jaar of datum zijn" in capsys.readouterr().err


def test_report_on_a_missing_case_says_so(tmp_path, capsys):
    rc = main(["report", str(tmp_path / "nergens.xlsx"), "--all", "--out", str(tmp_path / "out")])
    assert rc == 2
    assert "nergens.xlsx" in capsys.readouterr().err


def test_report_needs_an_opgave_or_all(example_path, tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["report", example_path, "--out", str(tmp_path)])
    assert "een van de argumenten --opgave --all is nodig" in capsys.readouterr().err


def test_report_runs_as_a_command(example_path, tmp_path):
    result = subprocess.run([sys.executable, "-m", "opgavelab", "report", example_path, "--opgave", "water",
                             "--out", str(tmp_path), "--formats", "kumu"], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    assert str(tmp_path / "water" / "water-kumu.xlsx") in result.stdout


def test_report_can_pseudonymise_citizens(example_path, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("OPGAVELAB_PSEUDONYM_KEY", "een-sleutel-van-minstens-16-tekens")
    case = opgavelab.example()
    citizens = case.actors[case.actors["type"] == "burger"]
    inv = case.involvement[case.involvement["actor"].isin(citizens.index)]
    opgave = inv["opgave"].value_counts().index[0]
    names = citizens.loc[inv.loc[inv["opgave"] == opgave, "actor"].unique(), "name"].tolist()
    rc = main(["report", example_path, "--opgave", opgave, "--out", str(tmp_path), "--formats", "csv,html",
               "--pseudonymise", "--quiet"])
    assert rc == 0
    written = "".join(p.read_text(encoding="utf-8", errors="replace") for p in (tmp_path / opgave).iterdir())
    assert names and not any(name in written for name in names)
    assert "Burger " in written


def test_the_sheet_over_time_and_the_formation_chart_cover_the_same_years():
    from opgavelab.draw.static import _snapshot_dates

    case = opgavelab.example()
    for at in (None, 2022):
        chart = opgavelab.scan(case, "wonen", at=at).formation.index.year.tolist()
        sheet = [d.year for d in _snapshot_dates(case, "wonen", 9, at=at)]
        assert sheet == chart
    assert chart == [2018, 2019, 2020, 2021, 2022]


@pytest.mark.slow
def test_report_writes_an_animated_gif(example_path, tmp_path):
    rc = main(["report", example_path, "--opgave", "zorg", "--out", str(tmp_path), "--formats", "gif", "--quiet"])
    assert rc == 0
    gif = Image.open(tmp_path / "zorg" / "zorg-vorming.gif")
    assert gif.format == "GIF" and gif.n_frames > 7 and gif.size == (960, 540)
