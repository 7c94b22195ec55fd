"""The ``opgavelab`` command.

``opgavelab validate PATH`` checks a workbook; ``opgavelab template PATH``
writes an empty workbook to fill in; ``opgavelab report`` writes figures and
exports.

Exit codes (every command):

- 0: done (a valid case, perhaps with warnings);
- 1: the case is not valid, or an argument is wrong;
- 2: the input cannot be read (missing, no permission, not a spreadsheet,
  password-protected, over a size cap);
- 3: an output cannot be written (disk full, no permission, read-only,
  ``--out`` is a file, a name too long);
- 4: an internal error (a bug: please report it with the command and file);
- 130: interrupted (Ctrl+C).

With ``--json`` every outcome, errors included, is one JSON object on stdout.
Text from cells is printed with control and direction characters escaped.
"""

from __future__ import annotations

import argparse
import sys

from ._i18n import message

__all__ = ["main"]

EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE, EXIT_UNWRITABLE, EXIT_INTERNAL = 0, 1, 2, 3, 4
EXIT_INTERRUPTED = 130


class _Parser(argparse.ArgumentParser):
    """argparse exits with 2 on a wrong argument; here 2 means an unreadable
    input, so a wrong argument exits with 1 (and is printed safely)."""

    def error(self, message):
        from ._terminal import safe

        self.print_usage(sys.stderr)
        self.exit(EXIT_INVALID, safe(f"{self.prog}: error: {message}") + "\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="opgavelab",
        description="opgavelab: netwerken rond maatschappelijke opgaven / networks around societal challenges.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("validate", help="controleer een casus / check a case workbook")
    p.add_argument("path", help="an .xlsx or .ods workbook or a folder of CSV files")
    p.add_argument("--lang", choices=["nl", "en"], default="nl")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    add_limit_arguments(p)

    p = sub.add_parser("template", help="schrijf een leeg sjabloon / write an empty template workbook")
    p.add_argument("path", help="where to write the .xlsx file")
    p.add_argument("--lang", choices=["nl", "en"], default="nl")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")

    _add_more_commands(sub)
    return parser


def add_limit_arguments(p) -> None:
    """--max-bytes, --max-cells, --max-cell-chars: the caps of opgavelab.load."""
    for name, what in (("bytes", "unzipped size of a workbook (default 1000000000)"),
                       ("cells", "rows x columns of one sheet (default 20000000)"),
                       ("cell-chars", "characters in one cell (default 1000000)")):
        p.add_argument(f"--max-{name}", type=_positive_int, default=None, metavar="N",
                       help=f"refuse more than N: {what}")


def _positive_int(text: str) -> int:
    try:
        value = int(text.replace("_", ""))
    except ValueError:
        value = 0
    if value < 1:
        msg = f"must be a whole number of 1 or more, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def limit_kwargs(args) -> dict:
    return {k: getattr(args, k, None) for k in ("max_bytes", "max_cells", "max_cell_chars")}


def _add_more_commands(sub) -> None:
    """Commands defined in other modules (reports) register here."""
    try:
        from . import _cli_report
    except ImportError:  # pragma: no cover - optional part not present
        return
    _cli_report.add_parser(sub)
    from . import _cli_survey

    _cli_survey.add_parser(sub)


def _problems_records(frame):
    return [{k: (None if v is None else v) for k, v in rec.items()} for rec in frame.to_dict("records")]


def _out(text="", err: bool = False) -> None:
    """Print ``text`` with everything that could steer a terminal escaped."""
    from ._terminal import safe

    print(safe(text), file=sys.stderr if err else sys.stdout)


def _json(obj) -> None:
    from ._terminal import dumps

    print(dumps(obj, indent=2, default=str))


def _cmd_validate(args) -> int:
    from .errors import ReadError, ValidationError
    from .io import load

    nl = args.lang == "nl"
    try:
        case = load(args.path, lang=args.lang, progress=sys.stderr.isatty() and not args.json, **limit_kwargs(args))
    except ReadError as exc:
        if args.json:
            _json({"valid": False, "readable": False, "exit_code": EXIT_UNREADABLE, "message": exc.title,
                   "problems": _problems_records(exc.problems)})
        else:
            _out(exc.title, err=True)
        return EXIT_UNREADABLE
    except ValidationError as exc:
        if args.json:
            _json({"valid": False, "readable": True, "exit_code": EXIT_INVALID, "message": exc.title,
                   "problems": _problems_records(exc.problems)})
        else:
            _out(exc.title)
            _out(_table(exc.problems, args.lang))
        return EXIT_INVALID
    summary = {
        "valid": True,
        "readable": True,
        "exit_code": EXIT_OK,
        "case": case.name,
        "actors": len(case.actors),
        "opgaven": len(case.opgaven),
        "involvement": len(case.involvement),
        "ties": len(case.ties),
        "actors_per_type": {str(k): int(v) for k, v in case.actors["type"].value_counts(sort=False).items()},
        "warnings": _problems_records(case.warnings),
    }
    if args.json:
        _json(summary)
        return EXIT_OK
    if nl:
        _out(f"Geldig: {case.name}: {summary['actors']} actoren, {summary['opgaven']} opgaven, "
              f"{summary['involvement']} betrokkenheden, {summary['ties']} relaties.")
    else:
        _out(f"Valid: {case.name}: {summary['actors']} actors, {summary['opgaven']} opgaven, "
              f"{summary['involvement']} involvements, {summary['ties']} ties.")
    types = case.labels("actor_type", args.lang)
    _out(("Actoren per type: " if nl else "Actors per type: ")
          + ", ".join(f"{types.get(k, k)} {v}" for k, v in summary["actors_per_type"].items()))
    if len(case.warnings):
        n = len(case.warnings)
        _out(f"{n} waarschuwing(en):" if nl else f"{n} warning(s):")
        _out(_table(case.warnings, args.lang))
    return EXIT_OK


def _table(problems, lang: str, limit: int = 200) -> str:
    """Problems as an aligned table: where, value and message; the fix below each."""
    nl = lang == "nl"
    heads = ["blad", "rij", "kolom", "waarde", "probleem"] if nl else ["sheet", "row", "column", "value", "problem"]
    rows = []
    for rec in problems.head(limit).itertuples(index=False):
        value = "" if rec.value is None else str(rec.value).replace("\n", " ")
        value = value if len(value) <= 30 else value[:29] + "…"
        rows.append(([("" if v is None else str(v)) for v in (rec.sheet, rec.row, rec.column)] + [value, rec.message],
                     rec.hint))
    widths = [max([len(heads[i])] + [len(r[0][i]) for r in rows]) for i in range(4)]
    lines = ["  ".join(h.ljust(widths[i]) if i < 4 else h for i, h in enumerate(heads)),
             "  ".join("-" * (widths[i] if i < 4 else 30) for i in range(5))]
    for cells, hint in rows:
        lines.append("  ".join(c.ljust(widths[i]) if i < 4 else c for i, c in enumerate(cells)).rstrip())
        if hint:
            lines.append(" " * (sum(widths) + 8) + "→ " + str(hint))
    if len(problems) > limit:
        lines.append(f"... +{len(problems) - limit}")
    return "\n".join(lines)


def _cmd_template(args) -> int:
    from .io import write_template

    try:
        path = write_template(args.path, lang=args.lang, overwrite=args.force)
    except FileExistsError:
        msg = (f"{args.path} bestaat al; gebruik --force om het te vervangen." if args.lang == "nl"
               else f"{args.path} already exists; use --force to replace it.")
        _out(msg, err=True)
        return EXIT_UNREADABLE
    _out(("Sjabloon geschreven: " if args.lang == "nl" else "Template written: ") + str(path))
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (see the module docstring).

    Whatever goes wrong ends in one clear message (a JSON object with
    ``--json``) and a documented exit code, never a traceback; set
    ``OPGAVELAB_DEBUG=1`` to see the traceback of an internal error.
    """
    for stream in (sys.stdout, sys.stderr):  # a Windows console cannot show every name
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError, OSError):
            pass
    restore = _terminate_as_interrupt()
    try:
        return _run(argv)
    finally:
        restore()


def _run(argv) -> int:
    import os

    parser = _parser()
    args = parser.parse_args(argv)
    handlers = {"validate": _cmd_validate, "template": _cmd_template}
    handler = handlers.get(args.command) or getattr(args, "handler", None)
    lang = getattr(args, "lang", "nl")
    try:
        return handler(args)
    except BrokenPipeError:  # `opgavelab validate x | head`: the reader has gone, nothing to say
        import os

        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return EXIT_OK
    except KeyboardInterrupt:
        return _fail(args, EXIT_INTERRUPTED, message("cli_interrupted", lang), "")
    except Exception as exc:
        from .errors import ReadError, ValidationError, WriteError
        from .io import write_error

        if isinstance(exc, ReadError):
            return _fail(args, EXIT_UNREADABLE, exc.title, "")
        if isinstance(exc, ValidationError):
            return _fail(args, EXIT_INVALID, exc.title, "")
        if isinstance(exc, WriteError):
            return _fail(args, EXIT_UNWRITABLE, exc.message, exc.hint)
        if isinstance(exc, OSError):
            error = write_error(getattr(exc, "filename", None) or "?", exc, lang)
            return _fail(args, EXIT_UNWRITABLE, error.message, error.hint)
        if isinstance(exc, MemoryError):
            return _fail(args, EXIT_UNREADABLE, message("cli_out_of_memory", lang), "")
        if os.environ.get("OPGAVELAB_DEBUG"):
            raise
        detail = f"{type(exc).__name__}: {str(exc)[:300]}"
        return _fail(args, EXIT_INTERNAL, message("cli_internal_error", lang, detail=detail),
                     message("cli_internal_error_hint", lang))


def _terminate_as_interrupt() -> None:
    """A plain ``kill`` (SIGTERM) unwinds like Ctrl+C, so the temporary file
    of a write in progress is removed (SIGKILL cannot be caught: such files
    are removed by the next report into the same folder)."""
    import signal
    import threading

    def nothing():
        pass

    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGTERM"):
        return nothing

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    try:
        previous = signal.getsignal(signal.SIGTERM)
        if previous not in (signal.SIG_DFL, None):
            return nothing
        signal.signal(signal.SIGTERM, interrupt)
    except (ValueError, OSError):
        return nothing
    return lambda: signal.signal(signal.SIGTERM, previous)


def _fail(args, code: int, text: str, hint: str) -> int:
    """Say what went wrong, once: a line on stderr, or a JSON object on stdout."""
    if getattr(args, "json", False):
        _json({"valid": False, "readable": code != EXIT_UNREADABLE, "exit_code": code,
               "error": {"message": text, "hint": hint}})
    else:
        _out(text + (f" {hint}" if hint else ""), err=True)
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
