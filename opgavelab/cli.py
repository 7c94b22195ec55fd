"""The ``opgavelab`` command.

``opgavelab validate PATH`` checks a workbook (exit 0 valid, 1 invalid, 2 not
readable); ``opgavelab template PATH`` writes an empty workbook to fill in.
"""

from __future__ import annotations

import argparse
import json
import sys

__all__ = ["main"]

EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="opgavelab",
        description="opgavelab: netwerken rond maatschappelijke opgaven / networks around societal challenges.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("validate", help="controleer een casus / check a case workbook")
    p.add_argument("path", help="an .xlsx or .ods workbook or a folder of CSV files")
    p.add_argument("--lang", choices=["nl", "en"], default="nl")
    p.add_argument("--json", action="store_true", help="print the result as JSON")

    p = sub.add_parser("template", help="schrijf een leeg sjabloon / write an empty template workbook")
    p.add_argument("path", help="where to write the .xlsx file")
    p.add_argument("--lang", choices=["nl", "en"], default="nl")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")

    _add_more_commands(sub)
    return parser


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


def _cmd_validate(args) -> int:
    from .errors import ReadError, ValidationError
    from .io import load

    nl = args.lang == "nl"
    try:
        case = load(args.path, lang=args.lang, progress=sys.stderr.isatty() and not args.json)
    except ReadError as exc:
        if args.json:
            print(json.dumps({"valid": False, "readable": False, "message": exc.title,
                              "problems": _problems_records(exc.problems)}, ensure_ascii=False, indent=2))
        else:
            print(exc.title, file=sys.stderr)
        return EXIT_UNREADABLE
    except ValidationError as exc:
        if args.json:
            print(json.dumps({"valid": False, "readable": True, "message": exc.title,
                              "problems": _problems_records(exc.problems)}, ensure_ascii=False, indent=2))
        else:
            print(exc.title)
            print(_table(exc.problems, args.lang))
        return EXIT_INVALID
    summary = {
        "valid": True,
        "readable": True,
        "case": case.name,
        "actors": len(case.actors),
        "opgaven": len(case.opgaven),
        "involvement": len(case.involvement),
        "ties": len(case.ties),
        "actors_per_type": {str(k): int(v) for k, v in case.actors["type"].value_counts(sort=False).items()},
        "warnings": _problems_records(case.warnings),
    }
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2, default=str))
        return EXIT_OK
    if nl:
        print(f"Geldig: {case.name}: {summary['actors']} actoren, {summary['opgaven']} opgaven, "
              f"{summary['involvement']} betrokkenheden, {summary['ties']} relaties.")
    else:
        print(f"Valid: {case.name}: {summary['actors']} actors, {summary['opgaven']} opgaven, "
              f"{summary['involvement']} involvements, {summary['ties']} ties.")
    types = case.labels("actor_type", args.lang)
    print(("Actoren per type: " if nl else "Actors per type: ")
          + ", ".join(f"{types.get(k, k)} {v}" for k, v in summary["actors_per_type"].items()))
    if len(case.warnings):
        n = len(case.warnings)
        print(f"{n} waarschuwing(en):" if nl else f"{n} warning(s):")
        print(_table(case.warnings, args.lang))
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
        print(msg, file=sys.stderr)
        return EXIT_UNREADABLE
    print(("Sjabloon geschreven: " if args.lang == "nl" else "Template written: ") + str(path))
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    handlers = {"validate": _cmd_validate, "template": _cmd_template}
    handler = handlers.get(args.command) or getattr(args, "handler", None)
    return handler(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
