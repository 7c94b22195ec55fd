"""No input or output folder may crash, abort or mislead (issue 20).

- every file of the bad corpus through ``validate`` (text and ``--json``) and
  ``report --all``: exit 0, 1 or 2, no traceback, the input unchanged,
  nothing written outside ``--out``;
- the caps of :func:`opgavelab.load` hold: a small zip that would unzip past
  ``max_bytes`` is refused quickly, with little memory, the cap named;
- read and write errors map to the documented exit codes, a JSON error object
  with ``--json``, and to the project's errors in the Python API;
- text from cells printed to a terminal cannot steer it.
"""

from __future__ import annotations

import errno
import json
import os
import re
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

import opgavelab
from opgavelab import ReadError, WriteError
from opgavelab.cli import main

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "bad"
NOT_CASES = {"make_corpus.py", "README.md", ".gitattributes", "__pycache__"}
CORPUS_FILES = sorted(p.name for p in CORPUS.iterdir() if p.name not in NOT_CASES)
#: formats without figures and scan: the writers the defects broke (GEXF, GraphML, HTML, Kumu, CSV)
NO_FIGURES = "html,gexf,graphml,kumu,csv"
#: a million rows: 30 s through the command line, so only in the slow run
SLOW_FILES = {"stray_value_far_below.ods"}
EXAMPLE = str(opgavelab.example_path())


def _snapshot(path: Path) -> dict:
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files}


def _listing(folder: Path) -> set:
    return {p.relative_to(folder) for p in folder.rglob("*")}


def _run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


# --------------------------------------------------------------------------
# every corpus file through the command line
# --------------------------------------------------------------------------

def _through_cli(name, tmp_path, capsys, monkeypatch, formats):
    path = CORPUS / name
    before = _snapshot(path)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    codes = {}
    codes["validate"], out, err = _run(["validate", str(path)], capsys)
    assert "Traceback" not in out + err and "\x1b" not in out + err, out + err
    codes["json"], out, err = _run(["validate", str(path), "--json"], capsys)
    result = json.loads(out)
    assert result["valid"] is (codes["json"] == 0)
    assert codes["json"] == codes["validate"]
    argv = ["report", str(path), "--all", "--out", "uit", "--quiet", "--dpi", "50"]
    if formats:
        argv += ["--formats", formats]
    codes["report"], out, err = _run(argv, capsys)
    assert "Traceback" not in out + err and "\x1b" not in out + err, out + err
    assert set(codes.values()) <= {0, 1, 2}, (codes, err)
    if codes["validate"] == 0:
        assert codes["report"] == 0, err
        assert any((work / "uit").rglob("*.gexf")) or "gexf" not in (formats or "gexf")
    assert _snapshot(path) == before, "the input changed"
    outside = {p for p in _listing(work) if p.parts[0] != "uit"}
    assert outside == set(), f"written outside --out: {outside}"
    assert not list(work.rglob("*.opgavelab-tmp*")), "a temporary file was left behind"
    return codes


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", [n for n in CORPUS_FILES if n not in SLOW_FILES])
def test_corpus_file_through_validate_and_report(name, tmp_path, capsys, monkeypatch):
    """validate and report --all (every writer but the figures) on each corpus file."""
    _through_cli(name, tmp_path, capsys, monkeypatch, NO_FIGURES)


#: files whose content once broke a figure (SVG: control characters) or its colours
FIGURE_RISKS = ["csv_control_characters", "many_actor_types.xlsx"]


@pytest.mark.timeout(300)
@pytest.mark.parametrize("name", FIGURE_RISKS)
def test_risky_corpus_file_through_figures(name, tmp_path, capsys, monkeypatch):
    codes = _through_cli(name, tmp_path, capsys, monkeypatch, "svg,xlsx")
    assert codes["report"] == 0
    from xml.etree import ElementTree

    for svg in (tmp_path / "work" / "uit").rglob("*.svg"):
        ElementTree.parse(svg)  # well-formed


#: the writers test_corpus_file_through_validate_and_report leaves out: the figures and the scan workbook
FIGURES_AND_SCAN = "png,svg,pdf,xlsx"
#: digest of a loaded case -> the corpus file whose figures were drawn for it in this session
_DRAWN: dict[str, str] = {}


def _case_digest(path: Path) -> str | None:
    """What the figures are drawn from (the loaded tables), so files that load alike are drawn once."""
    import hashlib

    import pandas as pd

    if path.name in SLOW_FILES:  # loading it twice would cost more than drawing it
        return None
    try:
        case = opgavelab.load(path)
    except Exception:  # noqa: BLE001 -- whatever load says, the test itself runs and checks it
        return None
    h = hashlib.sha256()
    for frame in (case.actors, case.opgaven, case.involvement, case.ties, case.vocabularies):
        h.update(str(list(frame.columns)).encode())
        h.update(pd.util.hash_pandas_object(frame.astype(str), index=True).values.tobytes())
    return h.hexdigest()


@pytest.mark.slow
@pytest.mark.timeout(900)
@pytest.mark.parametrize("name", CORPUS_FILES)
def test_corpus_file_through_full_report(name, tmp_path, capsys, monkeypatch):
    """report --all with the figures (PNG, SVG, PDF) and the scan, on top of the other writers' test.

    The other writers (HTML, GEXF, GraphML, Kumu, CSV) go through every file in
    test_corpus_file_through_validate_and_report. A file that loads to the
    same case as one drawn before in this run (the same sheets in another
    encoding or format) has nothing new for the figures and is skipped.
    """
    digest = _case_digest(CORPUS / name)
    if digest is not None and digest in _DRAWN:
        pytest.skip(f"loads to the same case as {_DRAWN[digest]}, whose figures were drawn")
    _through_cli(name, tmp_path, capsys, monkeypatch, FIGURES_AND_SCAN)
    if digest is not None:
        _DRAWN[digest] = name


# --------------------------------------------------------------------------
# the caps hold
# --------------------------------------------------------------------------

def _padded_workbook(path: Path, padding_bytes: int) -> Path:
    """A valid xlsx whose sheet is padded with whitespace: tiny zipped, huge unzipped."""
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        from test_bad_corpus import write_big_xlsx
    finally:
        sys.path.pop(0)
    small = write_big_xlsx(path.with_name("klein.xlsx"), {"actoren": [["id", "naam", "type"], ["a", "A", "burger"]]})
    with zipfile.ZipFile(small) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename != "xl/worksheets/sheet1.xml":
                zout.writestr(info.filename, data)
                continue
            head, tail = data.split(b"<sheetData>")
            with zout.open(info.filename, "w", force_zip64=True) as fh:
                fh.write(head + b"<sheetData>")
                chunk = b" " * (1 << 22)
                for _ in range(padding_bytes // len(chunk)):
                    fh.write(chunk)
                fh.write(tail)
    return path


@pytest.mark.timeout(120)
def test_small_zip_expanding_past_the_cap_is_refused_quickly_with_little_memory(tmp_path):
    path = _padded_workbook(tmp_path / "opgeblazen.xlsx", 1_100_000_000)
    assert path.stat().st_size < 2_000_000
    script = textwrap.dedent(f"""
        import resource, time, json
        import opgavelab
        start = time.perf_counter()
        try:
            opgavelab.load({str(path)!r}, lang="en")
            outcome = "loaded"
        except opgavelab.ReadError as exc:
            outcome = exc.title
        seconds = time.perf_counter() - start
        # ru_maxrss survives exec on Linux (it may hold the forking pytest's size);
        # VmHWM is this process's own peak
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        try:
            with open("/proc/self/status") as fh:
                hwm = [line for line in fh if line.startswith("VmHWM:")]
            peak_mb = int(hwm[0].split()[1]) / 1024
        except (OSError, IndexError, ValueError):
            pass
        print(json.dumps({{"outcome": outcome, "seconds": seconds, "peak_mb": peak_mb}}))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=110)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert "max_bytes" in result["outcome"] and "limit of 1,000,000,000 bytes" in result["outcome"], result
    assert result["seconds"] < 5, result
    assert result["peak_mb"] < 500, result


def test_caps_are_arguments_of_load_and_named(tmp_path):
    name = "huge_cell_text.xlsx"
    with pytest.raises(ReadError, match=r"1\.000\.000 tekens.*max_cell_chars"):
        opgavelab.load(CORPUS / name)
    case = opgavelab.load(CORPUS / name, max_cell_chars=2_000_000)
    assert len(case.opgaven.loc["wonen", "core_challenge"]) > 1_000_000
    with pytest.raises(ValueError, match="'max_cells' must be a whole number of 1 or more, got 0"):
        opgavelab.load(CORPUS / name, max_cells=0)
    unpacked = sum(i.file_size for i in zipfile.ZipFile(EXAMPLE).infolist())  # what the message counts
    shown = f"{unpacked:,}".replace(",", ".")
    with pytest.raises(ReadError, match=rf"groter dan de grens van 1\.000 bytes \({re.escape(shown)} bytes\).*max_bytes"):
        opgavelab.load(EXAMPLE, max_bytes=1000)


def test_max_cells_names_the_sheet_and_the_cap():
    with pytest.raises(opgavelab.ValidationError) as info:
        opgavelab.load(CORPUS / "stray_cell_namespace_prefix.xlsx", lang="en")
    problem = info.value.problems.iloc[0]
    assert (problem["sheet"], problem["row"], problem["column"]) == ("actoren", 1048576, "XFD")
    assert "more than 20,000,000 cells" in problem["message"] and "max_cells" in problem["message"]


def test_document_type_declarations_are_refused(tmp_path):
    """No entity can expand: a sheet declaring a DTD is not read."""
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        from test_bad_corpus import write_big_xlsx
    finally:
        sys.path.pop(0)
    small = write_big_xlsx(tmp_path / "klein.xlsx", {"actoren": [["id", "naam", "type"], ["a", "A", "burger"]]})
    path = tmp_path / "dtd.xlsx"
    lol = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>')
    with zipfile.ZipFile(small) as zin, zipfile.ZipFile(path, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = lol + data.split(b"?>", 1)[1]
            zout.writestr(info.filename, data)
    with pytest.raises(ReadError, match="document type"):
        opgavelab.load(path)


# --------------------------------------------------------------------------
# read errors: exit 2, a JSON error object, ReadError in the API
# --------------------------------------------------------------------------

def _deny_reading(monkeypatch, target: Path):
    real_open = open

    def guarded(file, mode="r", *args, **kwargs):
        if Path(str(file)).resolve() == target.resolve() and "r" in mode:
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", guarded)
    monkeypatch.setattr("io.open", guarded)


def test_unreadable_file_is_exit_2_with_json(tmp_path, capsys, monkeypatch):
    path = tmp_path / "casus.xlsx"
    path.write_bytes(Path(EXAMPLE).read_bytes())
    _deny_reading(monkeypatch, path)
    with pytest.raises(ReadError, match="geen toestemming"):
        opgavelab.load(path)
    code, out, err = _run(["validate", str(path), "--json", "--lang", "en"], capsys)
    assert code == 2
    result = json.loads(out)
    assert result["readable"] is False and result["exit_code"] == 2
    assert "permission denied" in result["message"] and "open in Excel" in result["message"]
    code, out, err = _run(["report", str(path), "--all", "--out", str(tmp_path / "uit")], capsys)
    assert code == 2 and "geen toestemming" in err and "Traceback" not in err


def test_unreadable_csv_file_is_a_read_error(tmp_path, monkeypatch):
    folder = CORPUS / "csv_utf8_bom"
    target = next(folder.glob("*.csv"))

    def deny(self):
        if self.resolve() == target.resolve():
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return Path.read_bytes.__wrapped__(self)

    original = Path.read_bytes
    deny.__wrapped__ = original
    monkeypatch.setattr(Path, "read_bytes", deny)
    with pytest.raises(ReadError, match="geen toestemming"):
        opgavelab.load(folder)


def test_symlinks_in_a_csv_folder_are_not_followed():
    with pytest.raises(ReadError, match="snelkoppeling") as info:
        opgavelab.load(CORPUS / "csv_symlinks")
    assert "Gemeente" not in info.value.title  # nothing of the target's lines


# --------------------------------------------------------------------------
# write errors: exit 3, a clear message, WriteError in the API
# --------------------------------------------------------------------------

def test_out_is_a_file(tmp_path, capsys):
    (tmp_path / "bestand").write_text("x")
    code, out, err = _run(["report", EXAMPLE, "--opgave", "economie", "--out", str(tmp_path / "bestand"),
                           "--formats", "gexf"], capsys)
    assert code == 3
    assert "bestand is een bestand, geen map" in err and "Traceback" not in err
    code, out, err = _run(["report", EXAMPLE, "--opgave", "economie", "--out", str(tmp_path / "bestand" / "sub"),
                           "--formats", "gexf", "--lang", "en"], capsys)
    assert code == 3 and "bestand is a file, not a folder" in err


@pytest.mark.parametrize("code_, fragment", [(errno.EACCES, "geen toestemming"), (errno.EROFS, "alleen-lezen"),
                                             (errno.ENOSPC, "de schijf is vol")])
def test_write_failures_are_exit_3_and_leave_no_temporary_file(tmp_path, capsys, monkeypatch, code_, fragment):
    real_replace = os.replace

    def failing(src, dst):
        if str(dst).endswith(".graphml"):
            raise OSError(code_, os.strerror(code_), str(dst))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    out_dir = tmp_path / "uit"
    code, out, err = _run(["report", EXAMPLE, "--opgave", "economie", "--out", str(out_dir),
                           "--formats", "gexf,graphml"], capsys)
    assert code == 3, err
    assert fragment in err and "Traceback" not in err
    assert "1 bestanden waren al geschreven" in err
    assert [p.suffix for p in out_dir.rglob("*") if p.is_file()] == [".gexf"]


def test_atomic_write_raises_write_error(tmp_path, monkeypatch):
    from opgavelab.io import atomic_write

    with pytest.raises(WriteError, match="de schijf is vol") as info:
        with atomic_write(tmp_path / "x.txt") as tmp:
            raise OSError(errno.ENOSPC, "No space left on device", str(tmp))
    assert isinstance(info.value, OSError) and info.value.errno == errno.ENOSPC
    assert list(tmp_path.iterdir()) == []
    (tmp_path / "f").write_text("")
    with pytest.raises(WriteError, match="is een bestand, geen map"):
        opgavelab.write_template(tmp_path / "f" / "sjabloon.xlsx")


def test_stale_temporary_files_are_removed(tmp_path):
    from opgavelab.io import remove_stale_temporaries

    old = tmp_path / "econ" / ".econ-abc.opgavelab-tmp.gexf"
    old.parent.mkdir()
    old.write_text("")
    os.utime(old, (0, 0))
    fresh = tmp_path / "econ" / ".econ-def.opgavelab-tmp.gexf"
    fresh.write_text("")
    mine = tmp_path / "econ" / "notities.txt"
    mine.write_text("")
    assert remove_stale_temporaries(tmp_path) == 1
    assert not old.exists() and fresh.exists() and mine.exists()


def test_sigterm_leaves_no_temporary_file(tmp_path):
    """A plain kill during a report: the write in progress is removed, not left as a hidden 0-byte file."""
    import signal
    import time

    out_dir = tmp_path / "uit"
    proc = subprocess.Popen([sys.executable, "-m", "opgavelab", "report", EXAMPLE, "--all", "--out", str(out_dir),
                             "--formats", "png", "--dpi", "300"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    while time.time() < deadline and not any(out_dir.rglob("*.png")):
        time.sleep(0.1)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "Afgebroken" in err
    assert not list(out_dir.rglob("*.opgavelab-tmp*"))


# --------------------------------------------------------------------------
# the command line: codes, messages, terminal safety
# --------------------------------------------------------------------------

def test_terminal_escapes_are_not_printed(tmp_path, capsys):
    folder = tmp_path / "casus"
    folder.mkdir()
    for p in (CORPUS / "csv_utf8_bom").iterdir():
        (folder / p.name).write_bytes(p.read_bytes())
    actors = folder / next(p.name for p in folder.iterdir() if p.name.lower().startswith("actors"))
    text = actors.read_text(encoding="utf-8-sig").replace("bedr,", "bedr\x1b]0;PWNED\x07\x1b[2J\u202e,", 1)
    actors.write_text(text, encoding="utf-8")
    for argv in (["validate", str(folder)], ["validate", str(folder), "--json"]):
        code, out, err = _run(argv, capsys)
        assert "\x1b" not in out + err and "\x07" not in out + err and "\u202e" not in out + err
    code, out, err = _run(["validate", str(folder)], capsys)
    assert "stuurteken" in out


def test_wrong_arguments_exit_1(capsys):
    with pytest.raises(SystemExit) as info:
        main(["validate", EXAMPLE, "--max-cells", "-3"])
    assert info.value.code == 1
    assert "moet een heel getal van 1 of meer zijn, niet '-3'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["validate", EXAMPLE, "--lang", "en", "--max-cells", "-3"])
    assert info.value.code == 1
    assert "must be a whole number of 1 or more" in capsys.readouterr().err


def test_internal_error_is_exit_4_without_traceback(capsys, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("kapot")

    monkeypatch.setattr("opgavelab.io.load", broken)
    monkeypatch.delenv("OPGAVELAB_DEBUG", raising=False)
    code, out, err = _run(["validate", EXAMPLE, "--json"], capsys)
    assert code == 4
    result = json.loads(out)
    assert "RuntimeError: kapot" in result["error"]["message"] and "meld" in result["error"]["hint"]
    code, out, err = _run(["validate", EXAMPLE], capsys)
    assert code == 4 and "Traceback" not in err and "Interne fout" in err


def test_short_pseudonym_key_is_a_message(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("OPGAVELAB_PSEUDONYM_KEY", "kort")
    code, out, err = _run(["report", EXAMPLE, "--opgave", "economie", "--out", str(tmp_path / "uit"),
                           "--pseudonymise", "--formats", "gexf"], capsys)
    assert code == 1 and "at least 16 characters" in err and "Traceback" not in err


def test_no_performance_warning_on_a_wide_sheet(tmp_path):
    import warnings

    src = CORPUS / "csv_utf8_bom"
    folder = tmp_path / "breed"
    folder.mkdir()
    for p in src.iterdir():
        lines = p.read_text(encoding="utf-8-sig").splitlines()
        if p.name.lower().startswith("actors"):
            lines = [lines[0] + "".join(f",extra{k}" for k in range(300))] + [
                line + "".join(f",{k}" for k in range(300)) for line in lines[1:]]
        (folder / p.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        case = opgavelab.load(folder)
    assert case.actors.shape[1] >= 300
