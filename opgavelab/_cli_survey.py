"""The ``opgavelab survey`` and ``opgavelab read-survey`` commands.

``survey`` writes one questionnaire per respondent for an opgave;
``read-survey`` reads the returned answers, prints the response report and
saves the new case. Exit codes as ``validate``: 0 done, 1 invalid answers or
case, 2 a file that cannot be read or written.
"""

from __future__ import annotations

import sys

from ._cli_common import _table, add_lang_argument
from ._i18n import message
from .errors import ReadError, ValidationError

__all__ = ["add_parser"]

EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2


def add_parser(subparsers, lang: str = "nl") -> None:
    """Register ``survey`` and ``read-survey`` on the ``opgavelab`` command line, their help in ``lang``."""
    def m(key):
        return message("cli.help." + key, lang)

    p = subparsers.add_parser("survey", help=m("survey"), description=m("survey_description"))
    p.add_argument("case", metavar=message("cli.metavar.case", lang), help=m("case_path"))
    p.add_argument("--opgave", required=True, metavar="ID", help=m("opgave"))
    p.add_argument("--out", required=True, metavar=message("cli.metavar.dir", lang), help=m("out_dir"))
    add_lang_argument(p, lang)
    p.add_argument("--per", choices=["actor", "contact"], default="actor", help=m("per"))
    p.add_argument("--actors", choices=["involved", "all"], default="involved", help=m("actors"))
    p.add_argument("--contact", default=None, help=m("contact"))
    p.add_argument("--force", action="store_true", help=m("force_files"))
    p.set_defaults(handler=run_survey)

    p = subparsers.add_parser("read-survey", help=m("read_survey"), description=m("read_survey_description"))
    p.add_argument("case", metavar=message("cli.metavar.case", lang), help=m("survey_case"))
    p.add_argument("answers", metavar=message("cli.metavar.answers", lang), nargs="+", help=m("answers"))
    p.add_argument("--opgave", required=True, metavar="ID", help=m("opgave"))
    p.add_argument("--out", required=True, metavar=message("cli.metavar.file", lang), help=m("out_case"))
    p.add_argument("--ties", choices=["any", "confirmed", "reported_by_respondents"], default="any", help=m("ties"))
    add_lang_argument(p, lang)
    p.add_argument("--force", action="store_true", help=m("force_file"))
    p.set_defaults(handler=run_read_survey)


def _load(args):
    from .io import load

    try:
        return load(args.case, lang=args.lang), None
    except ReadError as exc:
        print(exc.title, file=sys.stderr)
        return None, EXIT_UNREADABLE
    except ValidationError as exc:
        print(exc.title)
        print(_table(exc.problems, args.lang))
        return None, EXIT_INVALID


def _load_with_opgave(args):
    """The case of ``args.case`` and a check that ``args.opgave`` is one of its opgaven:
    ``(case, None)``, or ``(None, exit code)`` after saying what is wrong."""
    case, code = _load(args)
    if case is None:
        return None, code
    try:
        case._check_opgave(args.opgave)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return None, EXIT_INVALID
    return case, None


def run_survey(args) -> int:
    from .survey import write_questionnaires

    case, code = _load_with_opgave(args)
    if case is None:
        return code
    try:
        files = write_questionnaires(case, args.opgave, args.out, lang=args.lang, per=args.per, actors=args.actors,
                                     contact=args.contact, overwrite=args.force)
    except FileExistsError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_UNREADABLE
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_INVALID
    print(message("sv_written", args.lang, n=len(files), path=args.out, roster=files.attrs["roster_csv"].name))
    return EXIT_OK


def run_read_survey(args) -> int:
    from .io import save
    from .survey import read_survey

    case, code = _load_with_opgave(args)
    if case is None:
        return code
    source = args.answers[0] if len(args.answers) == 1 else args.answers
    try:
        new = read_survey(source, case, args.opgave, ties=args.ties, lang=args.lang)
    except ValidationError as exc:
        print(exc.title)
        print(_table(exc.problems, args.lang))
        return EXIT_INVALID
    try:
        path = save(new, args.out, lang=args.lang, overwrite=args.force)
    except FileExistsError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_UNREADABLE
    print(repr(new.survey))
    print(message("sv_saved", args.lang, path=path))
    return EXIT_OK
