"""``opgavelab report`` in worker processes (issue 21): the same files and messages as one after another."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

import opgavelab
from opgavelab._cli_report import _can_fork, default_jobs
from opgavelab.cli import main

pytestmark = pytest.mark.skipif(not _can_fork(), reason="worker processes are forked (Linux)")


def _run(out, capsys, *extra) -> tuple[int, list[str], str]:
    rc = main(["report", str(opgavelab.example_path()), "--opgave", "zorg", "--opgave", "water", "--out", str(out),
               "--dpi", "50", "--formats", "png,gexf,kumu", *extra])
    captured = capsys.readouterr()
    return rc, captured.out.replace(str(out), "OUT").splitlines()[:-1], captured.err.replace(str(out), "OUT")


def test_workers_write_the_same_files_and_say_so_in_the_same_order(tmp_path, capsys):
    rc1, said1, err1 = _run(tmp_path / "one", capsys, "--jobs", "1")
    rc2, said2, err2 = _run(tmp_path / "two", capsys, "--jobs", "2")
    assert rc1 == rc2 == 0
    assert said1 == said2 and len(said1) == 2 * 7  # five figures, GEXF and Kumu per opgave, in the plan's order
    assert err1 == err2 and err1.index("[1/2] zorg") < err1.index("[2/2] water")
    for png in sorted((tmp_path / "one").rglob("*.png")):
        other = tmp_path / "two" / png.relative_to(tmp_path / "one")
        assert np.array_equal(np.asarray(Image.open(png)), np.asarray(Image.open(other))), png.name
    assert not list(tmp_path.rglob("*opgavelab-tmp*"))


def test_a_worker_that_cannot_write_stops_the_report_with_the_reason(tmp_path, capsys):
    (tmp_path / "water").write_text("a file where the report wants a folder")
    rc, said, err = _run(tmp_path, capsys, "--jobs", "2")
    assert rc == 3
    assert "water" in err
    assert not list(tmp_path.rglob("*opgavelab-tmp*"))


def test_default_jobs_are_the_cores_up_to_four():
    assert 1 <= default_jobs() <= 4


def test_jobs_below_one_are_refused(tmp_path, capsys):
    rc = main(["report", str(opgavelab.example_path()), "--opgave", "zorg", "--out", str(tmp_path), "--jobs", "0"])
    assert rc == 1
    assert "--jobs moet 1 of meer zijn, niet 0." in capsys.readouterr().err


def _hang_unless_first(numbered):
    """A part that writes a temporary file and never ends (unless it is the first)."""
    import time
    from pathlib import Path

    i, (folder, _) = numbered
    if i == 0:
        return i, ([], None)
    (Path(folder) / f".net.png.{i}.opgavelab-tmp").write_text("half")
    time.sleep(600)


def test_a_worker_that_does_not_stop_is_killed_and_the_report_ends(tmp_path, monkeypatch):
    # CI once hung 900 s in multiprocessing.Pool.terminate(): a worker did not end on SIGTERM
    import signal
    import time

    from opgavelab import _cli_report

    monkeypatch.setattr(_cli_report, "_worker_signals", lambda: signal.signal(signal.SIGTERM, signal.SIG_IGN))
    monkeypatch.setattr(_cli_report, "_write_numbered", _hang_unless_first)
    monkeypatch.setattr(_cli_report._Workers, "GRACE", 0.5)
    workers = _cli_report._Workers(2)
    results = workers.results([(0, (str(tmp_path), "network")), (1, (str(tmp_path), "gif"))])
    assert next(results) == (0, ([], None))
    while not list(tmp_path.glob("*opgavelab-tmp")):
        time.sleep(0.05)
    start = time.monotonic()
    workers.stop()
    assert time.monotonic() - start < 5
    assert all(p.exitcode is not None for p in workers.processes)


def _fail(numbered):
    raise KeyError("a bug in a part")


def test_an_unexpected_error_in_a_worker_reaches_the_parent(monkeypatch):
    from opgavelab import _cli_report

    monkeypatch.setattr(_cli_report, "_write_numbered", _fail)
    workers = _cli_report._Workers(1)
    try:
        i, (paths, error) = next(workers.results([(7, ("zorg", "network"))]))
    finally:
        workers.stop()
    assert (i, paths) == (7, []) and isinstance(error, KeyError)


def test_a_worker_is_sent_the_parts_that_share_its_work_first():
    from opgavelab import _cli_report

    # work shared by parts (here a scan) is computed where the first of them is drawn: that worker gets the others
    kinds = {"coverage": "scan", "formation": "scan", "data": "scan", "gif": "years"}

    def share(item):
        oid, part = item[1]
        return (kinds[part], oid) if part in kinds else None

    units = [(0, ("a", "gif")), (1, ("a", "compass")), (2, ("a", "formation")), (3, ("a", "network")),
             (4, ("a", "coverage")), (5, ("b", "coverage")), (6, ("a", "data"))]
    todo, owner = list(units), {}
    taken = {"w1": [], "w2": []}
    for worker in ["w1", "w2", "w2", "w1", "w2", "w1", "w1"]:
        taken[worker].append(_cli_report._next_item(todo, share, owner, worker)[1])
    assert todo == []
    assert taken["w2"] == [("a", "compass"), ("a", "formation"), ("a", "coverage")]
    assert ("a", "data") not in taken["w1"][:-1] and taken["w1"][-1] == ("a", "data")  # when nothing else is left
    assert owner == {("years", "a"): "w1", ("scan", "a"): "w2", ("scan", "b"): "w1"}


def test_the_figures_take_the_scans_tables_without_the_scan(tmp_path):
    # the coverage and formation figures are drawn from the scan's tables, computed on their own
    from types import SimpleNamespace

    from opgavelab import _cli_report
    from opgavelab._scan import scan

    case = opgavelab.example()
    args = SimpleNamespace(at=None, seed=0, lang="nl")
    _cli_report._PREPARED.clear()
    try:
        for oid in case.opgaven.index[:2]:
            tables = {name: _cli_report._scan_table(case, oid, name, args) for name in ("coverage", "formation")}
            assert "scan" not in _cli_report._PREPARED[oid]
            full = scan(case, oid, at=_cli_report._PREPARED[oid]["at"], lang="nl")
            for name, table in tables.items():
                expected = getattr(full, name)
                assert table.equals(expected) and table.attrs == expected.attrs, (oid, name)
    finally:
        _cli_report._PREPARED.clear()


def test_pages_and_data_are_written_by_a_worker_of_their_own(tmp_path, capsys):
    # with figures, the parts that draw nothing start before matplotlib is ready: the same files and messages
    def run(out, jobs):
        rc = main(["report", str(opgavelab.example_path()), "--opgave", "zorg", "--out", str(out), "--dpi", "50",
                   "--formats", "png,html,xlsx,gexf", "--jobs", jobs])
        return rc, capsys.readouterr().out.replace(str(out), "OUT").splitlines()[:-1]

    rc1, said1 = run(tmp_path / "one", "1")
    rc2, said2 = run(tmp_path / "two", "2")
    assert rc1 == rc2 == 0 and said1 == said2
    for path in sorted((tmp_path / "one").rglob("*.gexf")):
        assert path.read_bytes() == (tmp_path / "two" / path.relative_to(tmp_path / "one")).read_bytes()
    assert not list(tmp_path.rglob("*opgavelab-tmp*"))


def _who(numbered):
    import os
    import time

    time.sleep(0.05)
    return numbered[0], ([os.getpid()], None)


def test_workers_that_are_done_help_the_other_group(monkeypatch):
    from opgavelab import _cli_report

    monkeypatch.setattr(_cli_report, "_write_numbered", _who)
    workers = _cli_report._Workers()
    try:
        plain = workers.add(1, [(i, ("a", "data")) for i in range(6)], ahead=2)  # two sent at once
        assert workers._sent[workers.pipes[0]] == 2
        workers.add(1, [(6, ("a", "network"))], then=(plain,))
        got = dict(workers.results())
    finally:
        workers.stop()
    assert sorted(got) == list(range(7))
    pids = {i: paths[0] for i, (paths, error) in got.items()}
    assert len({pids[i] for i in range(6)}) == 2  # the drawing worker took some of the plain ones


_CTRL_C_AT_FORK: list = []  # while set, the parent's own handler after each fork sends it a Ctrl+C
_AT_FORK_HOOK: list = []


def _ctrl_c_after_fork():
    import signal

    if _CTRL_C_AT_FORK:  # to the thread given: the kernel hands a process's signal to any thread not blocking it
        signal.pthread_kill(_CTRL_C_AT_FORK[0], signal.SIGINT)


def test_a_ctrl_c_while_a_worker_is_forked_is_not_lost():
    # a KeyboardInterrupt raised in Python's own handlers around a fork is printed as "Exception ignored" and
    # lost: the report went on and ended with exit code 0 (3 of ~25 Ctrl+C's); held, it comes after the fork
    import os
    import signal

    from opgavelab import _cli_report

    if not _AT_FORK_HOOK:  # (a hook cannot be taken back: it does nothing unless _CTRL_C_AT_FORK is set)
        os.register_at_fork(after_in_parent=_ctrl_c_after_fork)
        _AT_FORK_HOOK.append(True)
    import threading
    import time

    # the Ctrl+C taken by another thread, which does not block it (the test session has such threads): Python
    # runs the handler in the main thread all the same, at once
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    workers = _cli_report._Workers()
    _CTRL_C_AT_FORK.append(other.ident)
    try:
        with pytest.raises(KeyboardInterrupt):
            workers.add(1)
            time.sleep(2)  # the other thread takes the signal a moment later; then it is raised here
    finally:
        _CTRL_C_AT_FORK.clear()
        stop.set()
        workers.stop()
    assert len(workers.processes) == 1 and workers.processes[0].exitcode is not None  # known, so stopped
    assert signal.pthread_sigmask(signal.SIG_BLOCK, []) == set()  # nothing left held
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # Ctrl+C's own handler is back
