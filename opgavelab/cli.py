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

Language: every command speaks Dutch or English, its ``--help`` included.
``--lang nl|en`` anywhere on the command line decides; without it the
environment variable ``OPGAVELAB_LANG`` (``nl`` or ``en``); without both,
Dutch, the library's default. The system locale (``LANG``) is not followed on
purpose: many machines say ``en_US`` while their users read Dutch, and a
command's language should not change with the machine it runs on. Words come
from the catalogue (``cli.*`` keys), argparse's own words (``usage:``,
``options``, its error messages) included.
"""

from __future__ import annotations

import argparse
import os
import sys
from contextlib import contextmanager

from ._cli_common import _table, add_lang_argument, add_limit_arguments, limit_kwargs, signals_held  # noqa: F401
from ._i18n import fmt_list, message, nmessage
from ._terminal import dumps, safe
from .errors import ReadError, ValidationError, WriteError
from . import _cli_report, _cli_survey

__all__ = ["main"]

EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE, EXIT_UNWRITABLE, EXIT_INTERNAL = 0, 1, 2, 3, 4
EXIT_INTERRUPTED = 130


#: argparse's own words (it asks gettext's ``_`` for them) and their catalogue keys
_ARGPARSE_WORDS = {
    "usage: ": "usage",
    "positional arguments": "positionals",
    "options": "options",
    "show this help message and exit": "help",
    "the following arguments are required: %s": "required",
    "invalid choice: %(value)r (choose from %(choices)s)": "invalid_choice",
    "unrecognized arguments: %s": "unrecognized",
    "expected one argument": "expected_one",
    "one of the arguments %s is required": "one_required",
    "not allowed with argument %s": "not_allowed",
    "argument %(argument_name)s: %(message)s": "argument",
    "invalid %(type)s value: %(value)r": "invalid_value",
    "ambiguous option: %(option)s could match %(matches)s": "ambiguous",
}


def command_lang(argv: list[str] | None = None) -> str:
    """The language of a command line: ``--lang`` in ``argv``, else ``OPGAVELAB_LANG``, else ``"nl"``.

    Read before argparse runs, so that ``--help`` already speaks it.

    Examples
    --------
    >>> command_lang(["validate", "x.xlsx", "--lang", "en"])
    'en'
    >>> command_lang(["report", "--lang=nl", "x.xlsx"])
    'nl'
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in ("nl", "en"):
            return argv[i + 1]
        if arg in ("--lang=nl", "--lang=en"):
            return arg.split("=", 1)[1]
    env = os.environ.get("OPGAVELAB_LANG", "").strip().lower()
    return env if env in ("nl", "en") else "nl"


@contextmanager
def _argparse_speaks(lang: str):
    """argparse's words (``usage:``, ``options``, its errors) in ``lang`` while the parser is built and used."""
    original = argparse._

    def translate(text):
        key = _ARGPARSE_WORDS.get(text)
        return message("cli.argparse." + key, lang) if key else original(text)

    argparse._ = translate
    try:
        yield
    finally:
        argparse._ = original


class _Parser(argparse.ArgumentParser):
    """argparse exits with 2 on a wrong argument; here 2 means an unreadable
    input, so a wrong argument exits with 1 (and is printed safely)."""

    lang = "nl"

    def error(self, text):
        self.print_usage(sys.stderr)
        self.exit(EXIT_INVALID, safe(message("cli.error", self.lang, prog=self.prog, message=text)) + "\n")


def _parser(lang: str = "nl") -> argparse.ArgumentParser:
    """The command line in ``lang``: every help text from the catalogue."""
    parser_class = type("_Parser_" + lang, (_Parser,), {"lang": lang})
    with _argparse_speaks(lang):
        parser = parser_class(prog="opgavelab", description=message("cli.help.description", lang),
                              epilog=message("cli.help.epilog", lang))
        sub = parser.add_subparsers(dest="command", required=True, metavar=message("cli.help.command", lang),
                                    parser_class=parser_class)

        p = _path_command(sub, "validate", "cli.help.case_path", lang)
        p.add_argument("--json", action="store_true", help=message("cli.help.json", lang))
        add_limit_arguments(p, lang)

        p = _path_command(sub, "template", "cli.help.template_path", lang)
        p.add_argument("--force", action="store_true", help=message("cli.help.force_file", lang))

        _add_more_commands(sub, lang)
    return parser


def _path_command(sub, name: str, path_help: str, lang: str) -> argparse.ArgumentParser:
    """A command ``name`` that takes one path (help text ``path_help``) and ``--lang``."""
    p = sub.add_parser(name, help=message(f"cli.help.{name}", lang),
                       description=message(f"cli.help.{name}_description", lang))
    p.add_argument("path", metavar=message("cli.metavar.path", lang), help=message(path_help, lang))
    add_lang_argument(p, lang)
    return p


def _add_more_commands(sub, lang: str = "nl") -> None:
    """Commands defined in other modules (reports) register here."""
    _cli_report.add_parser(sub, lang)
    _cli_survey.add_parser(sub, lang)


def _problems_records(frame):
    return [{k: (None if v is None else v) for k, v in rec.items()} for rec in frame.to_dict("records")]


def _out(text="", err: bool = False) -> None:
    """Print ``text`` with everything that could steer a terminal escaped."""
    print(safe(text), file=sys.stderr if err else sys.stdout)


def _json(obj) -> None:
    print(dumps(obj, indent=2, default=str))


def _cmd_validate(args) -> int:
    from .io import load

    lang = args.lang
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
    counts = [nmessage(key, summary[what], lang) for key, what in (
        ("count.actors", "actors"), ("count.opgaven", "opgaven"), ("count.involvements", "involvement"),
        ("count.ties", "ties"))]
    _out(message("cli.valid", lang, case=case.name, counts=fmt_list(counts, lang)))
    types = case.labels("actor_type", lang)
    _out(message("cli.actors_per_type", lang,
                 types=", ".join(f"{types.get(k, k)} {v}" for k, v in summary["actors_per_type"].items())))
    if len(case.warnings):
        _out(nmessage("count.warnings", len(case.warnings), lang) + ":")
        _out(_table(case.warnings, lang))
    return EXIT_OK


def _cmd_template(args) -> int:
    from .io import write_template

    try:
        path = write_template(args.path, lang=args.lang, overwrite=args.force)
    except FileExistsError:
        _out(message("cli.file_exists", args.lang, path=args.path), err=True)
        return EXIT_UNREADABLE
    _out(message("cli.template_written", args.lang, path=path))
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
    except KeyboardInterrupt:  # before a command runs (while it is read); a command's own is handled in _run
        return _fail(argparse.Namespace(json="--json" in (sys.argv[1:] if argv is None else argv)),
                     EXIT_INTERRUPTED, message("cli_interrupted", command_lang(argv)), "")
    finally:
        restore()


def _run(argv) -> int:
    lang = command_lang(argv)
    env = os.environ.get("OPGAVELAB_LANG", "").strip()
    if env and env.lower() not in ("nl", "en"):
        _out(message("cli.bad_env_lang", lang, value=env), err=True)
    with signals_held():  # the commands' modules and their libraries imported whole (see signals_held)
        parser = _parser(lang)
    with _argparse_speaks(lang):
        args = parser.parse_args(argv)
    handlers = {"validate": _cmd_validate, "template": _cmd_template}
    handler = handlers.get(args.command) or getattr(args, "handler", None)
    lang = getattr(args, "lang", lang)
    try:
        return handler(args)
    except BrokenPipeError:  # `opgavelab validate x | head`: the reader has gone, nothing to say
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return EXIT_OK
    except KeyboardInterrupt:
        return _fail(args, EXIT_INTERRUPTED, message("cli_interrupted", lang), "")
    except Exception as exc:
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
