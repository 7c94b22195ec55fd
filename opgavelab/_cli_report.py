"""``opgavelab report``: every picture and file for one opgave or all of them.

::

    opgavelab report data/voorbeeld-veenmarken.xlsx --all --out report/
    opgavelab report CASE --opgave economie --out report/ --at 2024 --lang en --formats png,html

Writes, per opgave, into ``OUT/<opgave id>/``: the network (force layout and
opgave compass), the coverage of the needed domains, the formation over time
and the network at several dates (the separate parts drawn apart, the same
years as the formation chart), as PNG (300 dpi), SVG and PDF; the interactive
page and the formation page that plays the years (HTML, work offline); the
scan as an Excel workbook; GEXF and GraphML for Gephi; a Kumu import workbook;
and, on request, CSV tables and an animated GIF of the formation (for slides).
Nothing is overwritten without ``--force``: when a file exists, nothing is
written and the command says which files are in the way.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from ._checks import _check_one_of
from ._cli_common import HELD_SIGNALS, signals_held
from ._files import date_suffix as _at_suffix, safe_file_name as _slug

__all__ = ["add_parser", "FORMATS", "DEFAULT_FORMATS", "planned_files"]

EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE, EXIT_UNWRITABLE = 0, 1, 2, 3

#: Every format the command can write.
FORMATS = ["png", "svg", "pdf", "html", "xlsx", "gexf", "graphml", "kumu", "csv", "gif"]
#: The formats written when ``--formats`` is not given.
DEFAULT_FORMATS = ["png", "svg", "pdf", "html", "xlsx", "gexf", "graphml", "kumu"]

_FIGURES = ["network", "compass", "coverage", "formation", "over_time"]
#: what each file is; its name part comes from the catalogue (``report.file.<what>``)
_NAMES = ("network", "compass", "coverage", "formation", "over_time", "scan", "kumu", "nodes", "edges", "scenario")


def add_parser(subparsers, lang: str = "nl") -> None:
    """Register the ``report`` command on the ``opgavelab`` command line, its help in ``lang``."""
    from ._i18n import message
    from ._cli_common import add_lang_argument, add_limit_arguments

    def m(key, **fields):
        return message("cli.help." + key, lang, **fields)

    p = subparsers.add_parser("report", help=m("report"), description=m("report_description"))
    p.add_argument("case", metavar=message("cli.metavar.case", lang), help=m("case_path"))
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--opgave", action="append", metavar="ID", help=m("opgave_repeat"))
    which.add_argument("--all", action="store_true", help=m("all"))
    p.add_argument("--out", required=True, metavar=message("cli.metavar.dir", lang), help=m("out_dir"))
    p.add_argument("--at", metavar=message("cli.metavar.date", lang), default=None, help=m("at"))
    add_lang_argument(p, lang)
    p.add_argument("--formats", default=",".join(DEFAULT_FORMATS),
                   help=m("formats", formats=",".join(FORMATS), default=",".join(DEFAULT_FORMATS)))
    p.add_argument("--size", choices=["A4", "A4-landscape", "16:9"], default="A4", help=m("size"))
    p.add_argument("--dpi", type=int, default=300, help=m("dpi"))
    p.add_argument("--seed", type=int, default=0, help=m("seed"))
    p.add_argument("--force", action="store_true", help=m("force_files"))
    p.add_argument("--quiet", action="store_true", help=m("quiet"))
    p.add_argument("--pseudonymise", action="store_true", help=m("pseudonymise"))
    p.add_argument("--scenario", metavar="SPEC", default=None, help=m("scenario"))
    add_limit_arguments(p, lang)
    p.add_argument("--document", action="store_true", help=m("document"))
    p.add_argument("--pdf", action="store_true", help=m("pdf"))
    p.add_argument("--jobs", type=int, default=None, metavar="N", help=m("jobs", most=MAX_JOBS))
    p.set_defaults(handler=run)


def _parse_formats(text: str) -> list[str]:
    formats = [f.strip().lower() for f in text.split(",") if f.strip()]
    if not formats:
        msg = f"'formats' must name at least one of {FORMATS}, got {text!r}."
        raise ValueError(msg)
    for f in formats:
        _check_one_of("formats", f, FORMATS)
    return list(dict.fromkeys(formats))


def planned_files(opgave_ids: list[str], out, formats: list[str], lang: str = "nl", at=None,
                  scenario: bool = False) -> dict[str, dict]:
    """The files the report will write: ``{opgave: {what: path}}``.

    Examples
    --------
    >>> files = planned_files(["economie"], "report", ["png", "html"])
    >>> sorted(p.name for p in files["economie"].values())[:3]
    ['economie-dekking.png', 'economie-door-de-tijd.png', 'economie-kompas.png']
    """
    from ._i18n import message

    def name(what: str) -> str:
        return message("report.file." + what, lang)

    out = Path(out)
    suffix = _at_suffix(at)
    plan: dict[str, dict] = {}
    used: set[str] = set()
    for oid in opgave_ids:
        slug = _slug(oid)
        base, k = slug, 2
        while slug.lower() in used:
            slug = f"{base}-{k}"
            k += 1
        used.add(slug.lower())
        folder = out / slug
        files: dict[str, Path] = {}
        for fmt in ("png", "svg", "pdf"):
            if fmt in formats:
                for fig in _FIGURES:
                    files[f"{fig}.{fmt}"] = folder / f"{slug}-{name(fig)}{suffix}.{fmt}"
        if "html" in formats:
            files["html"] = folder / f"{slug}-{name('network')}{suffix}.html"
            files["formation_html"] = folder / f"{slug}-{name('formation')}{suffix}.html"
        if "gif" in formats:
            files["gif"] = folder / f"{slug}-{name('formation')}{suffix}.gif"
        if "xlsx" in formats:
            files["xlsx"] = folder / f"{slug}-{name('scan')}{suffix}.xlsx"
        if "gexf" in formats:
            files["gexf"] = folder / f"{slug}{suffix}.gexf"
        if "graphml" in formats:
            files["graphml"] = folder / f"{slug}{suffix}.graphml"
        if "kumu" in formats:
            files["kumu"] = folder / f"{slug}-{name('kumu')}{suffix}.xlsx"
        if "csv" in formats:
            files["csv_nodes"] = folder / f"{slug}-{name('nodes')}{suffix}.csv"
            files["csv_edges"] = folder / f"{slug}-{name('edges')}{suffix}.csv"
        if scenario:
            files["scenario"] = folder / f"{slug}-{name('scenario')}{suffix}.xlsx"
        plan[oid] = files
    return plan


def _say(args, text: str, err: bool = False) -> None:
    from ._terminal import safe

    if err:
        print(safe(text), file=sys.stderr)
    elif not args.quiet:
        print(safe(text))


class _Stop(Exception):
    """A step said what is wrong; the command ends with this exit code."""

    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


def run(args) -> int:
    """Handle ``opgavelab report``; returns the exit code."""
    try:
        formats = _check_arguments(args)
        case = _load_case(args)
        opgaven = _chosen_opgaven(case, args)
        _check_at(args)
        _prepare_out(args)
        if getattr(args, "document", False) or getattr(args, "pdf", False):
            return _report_documents(case, opgaven, args)
        plan = _plan_or_refuse(opgaven, args, formats)
        return _write_all(case, opgaven, plan, args, formats)
    except _Stop as stop:
        return stop.code


def _check_arguments(args) -> list[str]:
    """--formats, --scenario, --dpi and --jobs; returns the formats (sets ``args.scenario_spec``)."""
    from ._i18n import message

    try:
        formats = _parse_formats(args.formats)
    except ValueError as exc:
        _say(args, str(exc), err=True)
        raise _Stop(EXIT_INVALID) from None
    spec = None
    if getattr(args, "scenario", None):
        from ._scenario import parse_scenario_spec

        try:
            spec = parse_scenario_spec(args.scenario)
        except ValueError as exc:
            _say(args, str(exc), err=True)
            raise _Stop(EXIT_INVALID) from None
    args.scenario_spec = spec
    if args.dpi < 50 or args.dpi > 1200:
        _say(args, message("cli.report.bad_dpi", args.lang, dpi=args.dpi), err=True)
        raise _Stop(EXIT_INVALID)
    jobs = getattr(args, "jobs", None)
    if jobs is not None and jobs < 1:
        _say(args, message("cli.report.bad_jobs", args.lang, jobs=jobs), err=True)
        raise _Stop(EXIT_INVALID)
    return formats


def _load_case(args):
    """The case, pseudonymised on request; a file that cannot be read or checked ends the command."""
    from ._cli_common import limit_kwargs
    from ._i18n import message
    from .errors import ReadError, ValidationError
    from .io import load

    try:
        case = load(args.case, lang=args.lang, progress=sys.stderr.isatty() and not args.quiet, **limit_kwargs(args))
    except ReadError as exc:
        _say(args, exc.title, err=True)
        raise _Stop(EXIT_UNREADABLE) from None
    except ValidationError as exc:
        _say(args, exc.title, err=True)
        _say(args, message("cli.report.check_with", args.lang, case=args.case), err=True)
        raise _Stop(EXIT_INVALID) from None
    if args.pseudonymise:
        import warnings

        from .privacy import pseudonymise

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                case = pseudonymise(case, lang=args.lang)
            except (ValueError, TypeError) as exc:  # a key too short: the message says what to do
                _say(args, str(exc), err=True)
                raise _Stop(EXIT_INVALID) from None
        for w in caught:
            _say(args, str(w.message), err=True)
    return case


def _chosen_opgaven(case, args) -> list[str]:
    """--all or the --opgave ids (each once, in the order given); an unknown id ends the command."""
    from ._i18n import fmt_list, nmessage

    if args.all:
        return list(case.opgaven.index)
    opgaven = list(dict.fromkeys(args.opgave))
    unknown = [o for o in opgaven if o not in case.opgaven.index]
    if unknown:
        _say(args, nmessage("cli.report.unknown_opgave", len(unknown), args.lang, unknown=fmt_list(unknown, args.lang),
                            ids=fmt_list(case.opgaven.index, args.lang)), err=True)
        raise _Stop(EXIT_INVALID)
    return opgaven


def _check_at(args) -> None:
    from ._i18n import message

    if args.at is None:
        return
    from .case import to_timestamp

    try:
        to_timestamp(args.at, end=True)
    except ValueError:
        _say(args, message("cli.report.bad_at", args.lang, at=args.at), err=True)
        raise _Stop(EXIT_INVALID) from None


def _prepare_out(args) -> None:
    """--out a file, a read-only drive: say so before any work; remove what a killed run left."""
    from .errors import WriteError
    from .io import _make_folder, remove_stale_temporaries

    try:
        _make_folder(Path(args.out), args.lang)
    except WriteError as exc:
        _say(args, exc.title, err=True)
        raise _Stop(EXIT_UNWRITABLE) from None
    remove_stale_temporaries(args.out)


def _plan_or_refuse(opgaven: list[str], args, formats: list[str]) -> dict[str, dict]:
    """The files to write; when one exists and there is no --force, nothing is written."""
    from ._i18n import nmessage

    plan = planned_files(opgaven, args.out, formats, args.lang, args.at, scenario=args.scenario_spec is not None)
    existing = [p for files in plan.values() for p in files.values() if p.exists()]
    if existing and not args.force:
        shown = "\n  ".join(str(p) for p in existing[:10]) + ("\n  ..." if len(existing) > 10 else "")
        _say(args, nmessage("cli.report.exist", len(existing), args.lang) + f"\n  {shown}", err=True)
        raise _Stop(EXIT_INVALID)
    return plan


# -- writing: the files of each opgave in parts, one part after another or in worker processes ----------

#: The parts of one opgave's files, in the order the files are reported, and which formats each part writes.
_PARTS = [*((f, ("png", "svg", "pdf")) for f in _FIGURES), ("pages", ("html",)), ("gif", ("gif",)),
          ("data", ("xlsx", "gexf", "graphml", "kumu", "csv"))]
#: The order parts start in, slowest first, so that two workers end together (the order of the report stays
#: that of ``_PARTS``).
_SLOWEST_FIRST = ["gif", "over_time", "pages", "compass", "network", "formation", "coverage", "data"]
#: The parts that draw nothing with matplotlib (the pages, the data files with the scan): when figures are
#: written too, a worker of their own starts on them at once, while this process gets matplotlib ready for
#: the workers that draw (see :class:`_results`). The scan is computed there only: the coverage and formation
#: figures take their tables straight from the metrics (see :func:`_scan_table`).
_PLAIN = ("pages", "data")
#: What parts of one opgave compute alike and keep in the process that draws them (none now: the scan is the
#: data part's alone). A worker that has started such a part is sent the others of its kind first (see
#: :meth:`_Workers.results`).
_SHARES: dict = {}
#: The most worker processes ``--jobs`` gives by default (each holds the case and matplotlib: ~300 MB).
MAX_JOBS = 4


def _report_documents(case, opgaven: list, args) -> int:
    """``opgavelab report --document [--pdf]``: one note per opgave; returns the exit code."""
    from ._document import _FIG_DPI, docx_to_pdf, document_path, write_docx
    from ._i18n import message
    from ._scan import scan as _scan

    lang = args.lang
    paths = {oid: document_path(args.out, oid, lang, args.at) for oid in opgaven}
    targets = [p for p in paths.values()] + ([p.with_suffix(".pdf") for p in paths.values()] if args.pdf else [])
    existing = [p for p in targets if p.exists()]
    if existing and not args.force:
        for p in existing:
            print(message("doc.exists", lang, path=p), file=sys.stderr)
        return 1
    start = time.time()
    failed = False
    for oid, path in paths.items():
        scan = _scan(case, oid, at=args.at, lang=lang)
        write_docx(scan, path, lang=lang, overwrite=args.force, seed=args.seed, dpi=min(args.dpi, _FIG_DPI),
                   _already_pseudonymised=bool(getattr(args, "pseudonymise", False)))
        if not args.quiet:
            print(message("doc.pdf.written", lang, path=path))
        if args.pdf:
            try:
                pdf = docx_to_pdf(path, lang=lang)
            except (FileNotFoundError, RuntimeError) as exc:
                print(str(exc), file=sys.stderr)
                failed = True
                if isinstance(exc, FileNotFoundError):
                    break
            else:
                if not args.quiet:
                    print(message("doc.pdf.written", lang, path=pdf))
    if not args.quiet:
        print(f"({time.time() - start:.1f} s)")
    return 1 if failed else 0


def _parts(files: dict, formats: list[str]) -> list[str]:
    return [name for name, fmts in _PARTS
            if any(f in formats for f in fmts) or (name == "data" and "scenario" in files)]


def default_jobs() -> int:
    """Worker processes for the report: the cores this process may use, at most :data:`MAX_JOBS`; 1 where
    processes cannot be forked (Windows, macOS), so the work runs one part after another."""
    import os

    if not _can_fork():
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_JOBS))


def _can_fork() -> bool:
    import multiprocessing

    return sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()


def _write_all(case, opgaven: list[str], plan: dict, args, formats: list[str]) -> int:
    """Write every opgave's files; messages in the order of the plan, whichever process wrote them."""
    from ._i18n import fmt_number, message, nmessage
    from ._progress import progress_bar
    from .errors import WriteError

    lang = args.lang
    units = [(oid, part) for oid in opgaven for part in _parts(plan[oid], formats)]
    written: list[Path] = []
    start = time.time()
    # a progress bar in a terminal; a line per opgave in a log
    bar = sys.stderr.isatty() and len(opgaven) > 1 and not args.quiet
    with _shared(), _results(units, (case, plan, args, formats)) as results:
        for k, oid in enumerate(progress_bar(opgaven, enable=bar, desc=message("cli.report.progress", lang),
                                             total=len(opgaven)), start=1):
            if not bar and (len(opgaven) > 1 or not args.quiet):
                _say(args, f"[{k}/{len(opgaven)}] {oid}: {case.opgaven.at[oid, 'name']}", err=True)
            for _ in _parts(plan[oid], formats):
                paths, error = next(results)
                for path in paths:
                    written.append(path)
                    _say(args, message("cli.report.written", lang, path=path))
                if isinstance(error, (FileExistsError, ValueError)):  # a file appeared while writing; a bad --scenario
                    _say(args, str(error), err=True)
                    return EXIT_INVALID
                if isinstance(error, WriteError):  # disk full, permission taken away, a name the system refuses
                    _say(args, error.title, err=True)
                    _say(args, message("report_written_before_error", lang, n=len(written), out=args.out), err=True)
                    return EXIT_UNWRITABLE
                if error is not None:
                    raise error
    _say(args, nmessage("cli.report.done", len(written), lang, out=args.out,
                        seconds=fmt_number(time.time() - start, lang, 0)))
    return EXIT_OK


def _shared():
    """The report's shared work for every part: each snapshot graph built once; the garbage collector run less
    often (in the workers too, which are forked within). What matplotlib shares is set up by :class:`_results`
    (see :func:`_drawing_shared`), once the worker that draws nothing is forked without matplotlib."""
    import contextlib

    from ._gc import fewer_collections
    from .network import reuse_graphs

    stack = contextlib.ExitStack()
    stack.enter_context(fewer_collections())
    stack.enter_context(reuse_graphs())
    return stack


def _drawing_shared(formats: list[str]):
    """What the figures of one process share: PDFs with lean fonts read once, each text measured once (nothing
    when no figure is drawn: matplotlib is then not imported)."""
    import contextlib

    stack = contextlib.ExitStack()
    if "pdf" in formats:
        from ._pdf_fonts import lean_pdf_fonts

        stack.enter_context(lean_pdf_fonts())
    if any(f in formats for f in ("png", "svg", "pdf", "gif")):
        from ._text_metrics import shared_text_metrics

        stack.enter_context(shared_text_metrics())
    return stack


#: What the parts work on: (case, plan, args, formats), set before the workers are forked; and what one
#: process has computed for an opgave (its graph, layouts, scan), shared by the parts it writes.
_JOB: tuple | None = None
_PREPARED: dict = {}


class _results:  # noqa: N801 -- used as a context manager
    """``with _results(units, job) as results``: ``next(results)`` gives ``(paths, error)`` of each unit in turn.

    With more than one job the units are drawn by worker processes forked from this one (after the imports
    and the loaded case, so each starts at once), slowest first; the results still come in the order of
    ``units``. When figures are drawn and pages or data files written too, one more worker is forked before
    matplotlib is imported and writes those (:data:`_PLAIN`) while this process gets matplotlib ready for
    the ``jobs`` workers that draw. Each file is written atomically by the process that makes it; on an
    error or Ctrl+C the workers are stopped (see :class:`_Workers`) and no temporary file is left behind.
    """

    def __init__(self, units: list, job: tuple):
        self.units, self.job, self.workers, self.finished = units, job, None, False
        self.drawing = None

    def __enter__(self):
        global _JOB
        _JOB = self.job
        _PREPARED.clear()
        args = self.job[2]
        jobs = min(getattr(args, "jobs", None) or default_jobs(), len(self.units))
        if jobs <= 1 or not _can_fork():
            with signals_held():  # imports (see signals_held)
                self.drawing = _drawing_shared(self.job[3])
            return (_write_unit(u) for u in self.units)
        rank = {p: i for i, p in enumerate(_SLOWEST_FIRST)}
        order = sorted(range(len(self.units)),
                       key=lambda i: (self.units[i][0] != self.units[0][0], rank[self.units[i][1]], i))
        plain = [i for i in range(len(self.units)) if self.units[i][1] in _PLAIN]
        drawn = [i for i in order if self.units[i][1] not in _PLAIN]
        self.workers = _Workers()
        try:
            then = ()
            if plain and drawn:  # the pages and data files begin at once, in the order of the report
                _prepared(self.job[0], self.units[0][0], args)  # the first opgave's graph and layout, for all
                first = sum(self.units[i][0] == self.units[0][0] for i in plain)  # written while matplotlib loads
                then = (self.workers.add(1, [(i, self.units[i]) for i in plain], ahead=first),)
                order = drawn
            with signals_held():  # mostly imports: a Ctrl+C meanwhile comes right after (see signals_held)
                self.drawing = _drawing_shared(self.job[3])
                _warm_up(self.job, [self.units[i] for i in order])
            # the drawing workers write the pages and data files left when no figure is left
            self.workers.add(min(jobs, len(order)), [(i, self.units[i]) for i in order], share=_share, then=then)
        except BaseException:  # Ctrl+C while matplotlib gets ready: the plain worker is stopped too
            self.__exit__(*sys.exc_info())
            raise
        done = self.workers.results()

        def in_order():
            waiting: dict = {}
            for i in range(len(self.units)):
                while i not in waiting:
                    j, result = next(done)
                    waiting[j] = result
                if i == len(self.units) - 1:
                    self.finished = True
                yield waiting.pop(i)

        return in_order()

    def __exit__(self, *exc):
        global _JOB
        if self.workers is not None:
            if self.finished:
                self.workers.close()
            else:  # an error or Ctrl+C: stop the workers (each removes the file it was writing)
                self.workers.stop()
                from ._files import remove_stale_temporaries

                remove_stale_temporaries(self.job[2].out, older_than=0)  # of a worker that had to be killed
        _JOB = None
        _PREPARED.clear()
        if self.drawing is not None:
            self.drawing.close()
            self.drawing = None
        return False


class _Workers:
    """Worker processes forked from this one, each with a pipe of its own.

    No lock is shared between the processes (``multiprocessing.Pool`` shares its queues' locks), so stopping
    the workers never waits on a lock a stopped worker held, and a worker that does not stop on SIGTERM
    within :attr:`GRACE` seconds is killed: the report ends with its message, it never hangs.

    Workers come in groups (:meth:`add`), each group taking items from a list of its own; a group given its
    items when forked starts on them at once, before :meth:`results` is asked for.
    """

    #: seconds a worker gets to unwind (and remove the file it was writing) before it is killed
    GRACE = 5.0

    def __init__(self, n: int = 0):
        self.processes, self.pipes = [], []
        self._sources: dict = {}  # pipe -> the groups of items it takes from, in turn: [(items, share, owners)]
        self._busy: dict = {}  # pipe -> process, for the workers sent an item not yet answered
        self._sent: dict = {}  # pipe -> how many items it was sent and has not answered yet
        if n:
            self.add(n)

    @staticmethod
    def group(items, share=None) -> tuple:
        """Items for :meth:`add`: ``(items, share, owners)``."""
        return (list(items), share, {})

    def add(self, n: int, items: list | None = None, share=None, *, then=(), ahead: int = 1) -> None:
        """Fork ``n`` more workers; with ``items``, they start on these at once (see :meth:`results`), each
        sent ``ahead`` items to begin with (so it goes on to the next without waiting for this process to read
        a result). ``then``: groups (:meth:`group`) of other workers they help with when ``items`` are done."""
        import multiprocessing

        context = multiprocessing.get_context("fork")
        sources = [self.group(items, share), *then] if items is not None else None
        for _ in range(n):
            here, there = context.Pipe()
            process = context.Process(target=_work, args=(there,), daemon=True)
            with signals_held():  # a Ctrl+C meanwhile comes after, with the worker known (and so stopped)
                process.start()
                self.processes.append(process)
                self.pipes.append(here)
            there.close()
            if sources is not None:
                self._sources[here] = sources
                for _ in range(max(1, ahead)):
                    self._feed(here, process)
        return sources[0] if sources is not None else None

    def _feed(self, pipe, process) -> None:
        """Send ``pipe``'s worker the next item of the first of its groups with one left; a worker with no
        item left to answer is no longer busy."""
        for todo, share, owner in self._sources.get(pipe, ()):
            if todo:
                pipe.send(_next_item(todo, share, owner, pipe))
                self._sent[pipe] = self._sent.get(pipe, 0) + 1
                break
        if self._sent.get(pipe, 0):
            self._busy[pipe] = process
        else:
            self._busy.pop(pipe, None)

    def results(self, items: list | None = None, share=None):
        """The workers' results as they come: those of the items each group was given, and of ``items``,
        taken by the workers that were given none; each item sent to the first idle worker of its group.

        ``share(item)`` names what an item computes alike with others (or None): an idle worker takes the
        first item whose share is its own or no worker's yet, and only when there is none the first item
        left, so work such as a scan is done once where it can be, and no worker waits for it.
        """
        from multiprocessing.connection import wait

        if items is not None:
            sources = [self.group(items, share)]
            for pipe, process in zip(self.pipes, self.processes):
                if pipe not in self._sources:
                    self._sources[pipe] = sources
                    self._feed(pipe, process)
        busy = self._busy
        while busy:
            ready = wait([*busy, *(p.sentinel for p in busy.values())])
            for pipe in [p for p in busy if p in ready]:
                process = busy[pipe]
                try:
                    result = pipe.recv()
                except EOFError:
                    raise RuntimeError(f"report worker {process.pid} stopped unexpectedly") from None
                self._sent[pipe] -= 1
                if not self._sent[pipe]:
                    self._feed(pipe, process)
                yield result
            for pipe, process in list(busy.items()):
                if process.sentinel in ready and not pipe.poll():
                    raise RuntimeError(f"report worker {process.pid} stopped unexpectedly "
                                       f"(exit code {process.exitcode})")

    def close(self) -> None:
        """All work done: each worker is told to end, and waited for."""
        for pipe in self.pipes:
            try:
                pipe.send(None)
            except OSError:  # pragma: no cover -- the worker has gone already
                pass
        self._end(self.GRACE)

    def stop(self) -> None:
        """An error or Ctrl+C: SIGTERM to every worker (it unwinds and removes its temporary file), SIGKILL
        to a worker still there after :attr:`GRACE` seconds."""
        for process in self.processes:
            if process.exitcode is None:
                process.terminate()
        self._end(self.GRACE)

    def _end(self, grace: float) -> None:
        deadline = time.monotonic() + grace
        for process in self.processes:
            process.join(max(0.0, deadline - time.monotonic()))
        for process in self.processes:
            if process.exitcode is None:
                process.kill()
                process.join()
        for pipe in self.pipes:
            pipe.close()


def _next_item(todo: list, share, owner: dict, worker):
    """Take from ``todo`` the item ``worker`` does next: the first whose share (``share(item)``) is None, its
    own or no worker's yet (that share is then its own); the first item when there is none such."""
    keys = [share(item) if share is not None else None for item in todo]
    k = next((j for j, key in enumerate(keys) if key is None or owner.get(key, worker) == worker), 0)
    if keys[k] is not None:
        owner.setdefault(keys[k], worker)
    return todo.pop(k)


def _work(pipe) -> None:
    """A worker: write the units it is sent until it is sent None (or the parent has gone)."""
    import gc

    gc.freeze()  # what the parent holds (the case, the libraries) is never garbage here: no collection walks it
    _worker_signals()
    while True:
        try:
            item = pipe.recv()
        except (EOFError, OSError):
            return
        if item is None:
            return
        try:
            result = _write_numbered(item)
        except Exception as exc:  # re-raised by the parent, as from one process  # noqa: BLE001
            result = (item[0], ([], exc))
        try:
            pipe.send(result)
        except Exception as exc:  # an error that cannot be pickled  # noqa: BLE001
            pipe.send((item[0], ([], RuntimeError(repr(exc)))))


def _share(item) -> tuple | None:
    """What a numbered unit ``(i, (opgave, part))`` computes alike with other parts of its opgave, or None."""
    oid, part = item[1]
    kind = _SHARES.get(part)
    return (kind, oid) if kind else None


def _warm_up(job: tuple, units: list) -> None:
    """Before the workers that write ``units`` are forked: what each of them would otherwise do again (the
    drawing, export and metric libraries imported, matplotlib's fonts found, the first opgave's graph and
    layout). The scans are left to the parts that need them (the data files). Matplotlib only when a part
    draws with it."""
    import numpy as np

    from . import export  # noqa: F401
    from .draw import formation, interactive  # noqa: F401

    case, plan, args, formats = job
    parts = {p for o, p in units}
    drawn = bool(parts - set(_PLAIN))
    if drawn:
        import matplotlib.backends.backend_agg  # noqa: F401
        import matplotlib.backends.backend_pdf  # noqa: F401
        import matplotlib.backends.backend_svg  # noqa: F401
        import PIL.PngImagePlugin  # noqa: F401

        from .draw import static  # noqa: F401
    if "png" in formats and drawn:
        from .draw import _png

        _png._deflate(np.zeros(1, dtype=np.uint8), 1)  # its deflate library imported
    if "data" in parts and any(f in formats for f in ("xlsx", "kumu")):
        import openpyxl  # noqa: F401 -- 180 modules, 0.2 s
    if "data" in parts:
        import scipy.sparse.csgraph  # noqa: F401 -- imported when first used, in each worker otherwise
        import scipy.sparse.linalg  # noqa: F401

        from . import _scan  # noqa: F401
    if drawn:
        _warm_fonts(formats)
    _prepared(case, units[0][0], args)


def _warm_fonts(formats: list[str]) -> None:
    """A tiny figure with the report's fonts written once in each static format, so the fonts are opened, the
    PDF fonts' cut-down copies made and matplotlib's caches filled once, in the parent, for every worker."""
    import io

    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(1, 1))
    FigureCanvasAgg(fig)
    for weight in ("normal", "bold"):
        fig.text(0.1, 0.5, "Aa 1", fontweight=weight)
    with matplotlib.rc_context({"svg.fonttype": "none", "pdf.fonttype": 42}):
        for fmt in ("png", "svg", "pdf"):
            if fmt in formats:
                fig.savefig(io.BytesIO(), format=fmt, dpi=72)


def _worker_signals() -> None:
    """In a worker: Ctrl+C is the parent's to handle; the parent's stop (SIGTERM) unwinds the worker quietly
    (the parent says it was interrupted), so the temporary file of a write in progress is removed."""
    import signal

    def interrupt(signum, frame):
        raise SystemExit(1)

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, interrupt)
    if hasattr(signal, "pthread_sigmask"):  # held while forked (see signals_held): now they may come
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {getattr(signal, name) for name in HELD_SIGNALS})


def _write_numbered(numbered):
    i, unit = numbered
    return i, _write_unit(unit)


def _write_unit(unit) -> tuple[list[Path], BaseException | None]:
    """Write one part of one opgave: the paths written and the error that stopped it (or None)."""
    oid, part = unit
    case, plan, args, formats = _JOB
    paths: list[Path] = []
    try:
        for path in _write_part(case, oid, part, plan[oid], args, formats):
            paths.append(path)
    except (OSError, ValueError) as exc:  # FileExistsError and WriteError are OSErrors: reported by the parent
        return paths, exc
    return paths, None


def _prepared(case, opgave: str, args) -> dict:
    """What the parts of one opgave share, computed once per process: date, graph, layouts (scan on demand)."""
    got = _PREPARED.get(opgave)
    if got is None:
        from .draw import layout as _layout
        from .network import opgave_graph

        at = args.at
        if at is None:  # one default date for report, explorer and notebooks: the end of the case's last year
            from .metrics.formation import default_at

            at = default_at(case)
        G = opgave_graph(case, opgave, at, directed=None)  # figures and network files keep the arrows
        got = _PREPARED[opgave] = {"at": at, "G": G, "force": _layout.force_layout(G, seed=args.seed)}
    return got


def _scan_of(case, opgave: str, args):
    prep = _prepared(case, opgave, args)
    if "scan" not in prep:
        from ._scan import scan

        prep["scan"] = scan(case, opgave, at=prep["at"], lang=args.lang)
    return prep["scan"]


def _scan_table(case, opgave: str, name: str, args):
    """The scan's ``coverage`` or ``formation`` table, as :func:`~opgavelab.scan` makes it (with its
    defaults), without the rest of the scan (a tenth of a second against half a second on the example): the
    scan already computed in this process, or the same metric with the same arguments."""
    prep = _prepared(case, opgave, args)
    if "scan" in prep:
        return getattr(prep["scan"], name)
    from ._dates import snapshot_at

    ts = snapshot_at(prep["at"])
    if name == "coverage":
        from .metrics.coverage import domain_coverage

        return domain_coverage(case, opgave, ts)
    from .metrics.formation import formation

    return formation(case, opgave, dates=None, attr="type", only_opgave_ties=False, at=ts)


def _write_opgave(case, opgave: str, files: dict, args, formats: list[str]):
    """Write the files of one opgave, one part after another; yields each path once written."""
    for part in _parts(files, formats):
        yield from _write_part(case, opgave, part, files, args, formats)


def _write_part(case, opgave: str, part: str, files: dict, args, formats: list[str]):
    """Write the files of one part of an opgave (a figure in each static format, the pages, the GIF, the
    data files); yields each path once written."""
    lang, force = args.lang, args.force
    prep = _prepared(case, opgave, args)
    at, G = prep["at"], prep["G"]
    if part in _FIGURES:
        from .draw.static import save_figure

        fig = _make_figure(case, opgave, part, args)
        for fmt in ("png", "svg", "pdf"):
            if fmt in formats:
                yield save_figure(fig, files[f"{part}.{fmt}"], dpi=args.dpi, overwrite=force)
    elif part == "pages":
        from .draw.formation import write_formation_page
        from .draw.interactive import network_html
        from .draw.scene import build_scene
        from .io import atomic_write

        scene = build_scene(case, opgave, at, G=G, layout=prep["force"], lang=lang, default_labels=500,
                            seed=args.seed)
        page = network_html(case, opgave, scene=scene)
        with atomic_write(files["html"], overwrite=force) as tmp:
            tmp.write_text(page, encoding="utf-8")
        yield files["html"]
        yield write_formation_page(case, opgave, files["formation_html"], at=at, lang=lang, seed=args.seed,
                                   overwrite=force)
    elif part == "gif":
        from .draw.formation import formation_gif

        yield formation_gif(case, opgave, files["gif"], at=at, lang=lang, seed=args.seed, overwrite=force)
    elif part == "data":
        yield from _write_data(case, opgave, files, args, formats)


def _make_figure(case, opgave: str, name: str, args):
    from .draw import layout as _layout
    from .draw.static import coverage_figure, formation_figure, network_figure, small_multiples

    lang, size = args.lang, args.size
    prep = _prepared(case, opgave, args)
    at, G = prep["at"], prep["G"]
    if name == "network":
        return network_figure(case, opgave, at, G=G, layout=prep["force"], lang=lang, size=size)
    if name == "compass":
        return network_figure(case, opgave, at, G=G, layout=_layout.compass_layout(G, case), lang=lang, size=size)
    if name in ("coverage", "formation"):
        from .draw._ticks import freeze_ticks

        table = _scan_table(case, opgave, name, args)
        fig = coverage_figure(table, case=case, opgave=opgave, at=at, lang=lang, size=size) \
            if name == "coverage" else \
            formation_figure(table, case=case, opgave=opgave, lang=lang,
                             size="16:9" if size == "16:9" else "A4-landscape")
        freeze_ticks(fig)  # saved three times, never changed: its ticks drawn as a few plain artists
        return fig
    # over_time: the same years as the formation chart (through --at, or the case's last year), parts drawn apart
    return small_multiples(case, opgave, layout="formation", at=at, seed=args.seed, lang=lang, size=size)


def _write_data(case, opgave: str, files: dict, args, formats: list[str]):
    from ._i18n import csv_separator
    from .export import write_gexf, write_graphml, write_kumu, write_network_csv

    lang, force = args.lang, args.force
    prep = _prepared(case, opgave, args)
    at, G = prep["at"], prep["G"]
    if "xlsx" in formats:
        _scan_of(case, opgave, args).to_excel(files["xlsx"], overwrite=force)
        yield files["xlsx"]
    if "gexf" in formats:
        yield write_gexf(G, files["gexf"], case=case, layout=prep["force"], overwrite=force)
    if "graphml" in formats:
        yield write_graphml(G, files["graphml"], overwrite=force)
    if "kumu" in formats:
        yield write_kumu(G, files["kumu"], case=case, lang=lang, overwrite=force)
    if "csv" in formats:
        yield from write_network_csv(G, files["csv_nodes"], files["csv_edges"], sep=csv_separator(lang),
                                     overwrite=force)
    if "scenario" in files:
        from ._scenario import _report_scenario

        yield _report_scenario(case, opgave, at, args.scenario_spec, lang).to_excel(files["scenario"],
                                                                                      overwrite=force)
