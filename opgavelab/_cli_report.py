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


def run(args) -> int:
    """Handle ``opgavelab report``; returns the exit code."""
    from ._progress import progress_bar
    from .errors import ReadError, ValidationError
    from .io import load

    from ._i18n import fmt_list, fmt_number, message, nmessage

    lang = args.lang
    try:
        formats = _parse_formats(args.formats)
    except ValueError as exc:
        _say(args, str(exc), err=True)
        return EXIT_INVALID
    spec = None
    if getattr(args, "scenario", None):
        from ._scenario import parse_scenario_spec

        try:
            spec = parse_scenario_spec(args.scenario)
        except ValueError as exc:
            _say(args, str(exc), err=True)
            return EXIT_INVALID
    args.scenario_spec = spec
    if args.dpi < 50 or args.dpi > 1200:
        _say(args, message("cli.report.bad_dpi", lang, dpi=args.dpi), err=True)
        return EXIT_INVALID
    try:
        from ._cli_common import limit_kwargs

        case = load(args.case, lang=args.lang, progress=sys.stderr.isatty() and not args.quiet, **limit_kwargs(args))
    except ReadError as exc:
        _say(args, exc.title, err=True)
        return EXIT_UNREADABLE
    except ValidationError as exc:
        _say(args, exc.title, err=True)
        _say(args, message("cli.report.check_with", lang, case=args.case), err=True)
        return EXIT_INVALID
    if args.pseudonymise:
        import warnings

        from .privacy import pseudonymise

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                case = pseudonymise(case, lang=args.lang)
            except (ValueError, TypeError) as exc:  # a key too short: the message says what to do
                _say(args, str(exc), err=True)
                return EXIT_INVALID
        for w in caught:
            _say(args, str(w.message), err=True)
    if args.all:
        opgaven = list(case.opgaven.index)
    else:
        opgaven = list(dict.fromkeys(args.opgave))
        unknown = [o for o in opgaven if o not in case.opgaven.index]
        if unknown:
            _say(args, nmessage("cli.report.unknown_opgave", len(unknown), lang, unknown=fmt_list(unknown, lang),
                                ids=fmt_list(case.opgaven.index, lang)), err=True)
            return EXIT_INVALID
    at = args.at
    if at is not None:
        from .case import to_timestamp

        try:
            to_timestamp(at, end=True)
        except ValueError:
            _say(args, message("cli.report.bad_at", lang, at=at), err=True)
            return EXIT_INVALID
    from .errors import WriteError
    from .io import _make_folder, remove_stale_temporaries

    try:  # --out a file, a read-only drive: say so before any work
        _make_folder(Path(args.out), args.lang)
    except WriteError as exc:
        _say(args, exc.title, err=True)
        return EXIT_UNWRITABLE
    remove_stale_temporaries(args.out)
    if getattr(args, "document", False) or getattr(args, "pdf", False):
        from ._document import report_documents

        return report_documents(case, opgaven, args)
    plan = planned_files(opgaven, args.out, formats, args.lang, at, scenario=spec is not None)
    existing = [p for files in plan.values() for p in files.values() if p.exists()]
    if existing and not args.force:
        shown = "\n  ".join(str(p) for p in existing[:10]) + ("\n  ..." if len(existing) > 10 else "")
        _say(args, nmessage("cli.report.exist", len(existing), lang) + f"\n  {shown}", err=True)
        return EXIT_INVALID

    written: list[Path] = []
    start = time.time()
    # a progress bar in a terminal; a line per opgave in a log
    bar = sys.stderr.isatty() and len(opgaven) > 1 and not args.quiet
    for k, oid in enumerate(progress_bar(opgaven, enable=bar, desc=message("cli.report.progress", lang),
                                         total=len(opgaven)), start=1):
        if not bar and (len(opgaven) > 1 or not args.quiet):
            _say(args, f"[{k}/{len(opgaven)}] {oid}: {case.opgaven.at[oid, 'name']}", err=True)
        try:
            for path in _shared(_write_opgave(case, oid, plan[oid], args, formats)):
                written.append(path)
                _say(args, message("cli.report.written", lang, path=path))
        except (FileExistsError, ValueError) as exc:  # a file appeared while writing; a bad --scenario
            _say(args, str(exc), err=True)
            return EXIT_INVALID
        except WriteError as exc:  # disk full, permission taken away, a name the file system refuses
            _say(args, exc.title, err=True)
            _say(args, message("report_written_before_error", args.lang, n=len(written), out=args.out), err=True)
            return EXIT_UNWRITABLE
    _say(args, nmessage("cli.report.done", len(written), lang, out=args.out,
                        seconds=fmt_number(time.time() - start, lang, 0)))
    return EXIT_OK


def _shared(files):
    """Run a writer with the report's shared work: each snapshot graph built once, PDFs with lean fonts."""
    from ._pdf_fonts import lean_pdf_fonts
    from .network import reuse_graphs

    with reuse_graphs(), lean_pdf_fonts():
        yield from files


def _write_opgave(case, opgave: str, files: dict, args, formats: list[str]):
    """Write the files of one opgave; yields each path once written."""
    import opgavelab

    from .draw import layout as _layout
    from .draw.interactive import network_html
    from .draw.static import coverage_figure, formation_figure, network_figure, save_figure, small_multiples
    from .draw.style import build_scene
    from ._i18n import csv_separator
    from .export import write_gexf, write_graphml, write_kumu, write_network_csv
    from .io import atomic_write
    from .network import opgave_graph

    lang, at, force = args.lang, args.at, args.force
    if at is None:  # one default date for report, explorer and notebooks: the end of the case's last year
        from .metrics.formation import default_at

        at = default_at(case)
    G = opgave_graph(case, opgave, at, directed=None)  # figures and network files keep the arrows
    static = [f for f in ("png", "svg", "pdf") if f in formats]
    needs_scan = bool(static) or "xlsx" in formats
    scan = opgavelab.scan(case, opgave, at=at, lang=lang) if needs_scan else None
    force_pos = _layout.force_layout(G, seed=args.seed)
    if static:
        compass_pos = _layout.compass_layout(G, case)
        figures = {
            "network": lambda: network_figure(case, opgave, at, G=G, layout=force_pos, lang=lang, size=args.size),
            "compass": lambda: network_figure(case, opgave, at, G=G, layout=compass_pos, lang=lang, size=args.size),
            "coverage": lambda: coverage_figure(scan.coverage, case=case, opgave=opgave, at=at, lang=lang,
                                                size=args.size),
            "formation": lambda: formation_figure(scan.formation, case=case, opgave=opgave, lang=lang,
                                                  size="16:9" if args.size == "16:9" else "A4-landscape"),
            # the same years as the formation chart (through --at, or the case's last year), parts drawn apart
            "over_time": lambda: small_multiples(case, opgave, layout="formation", at=at, seed=args.seed, lang=lang,
                                                 size=args.size),
        }
        for name, make in figures.items():
            fig = make()
            for fmt in static:
                yield save_figure(fig, files[f"{name}.{fmt}"], dpi=args.dpi, overwrite=force)
            del fig
    if "html" in formats:
        scene = build_scene(case, opgave, at, G=G, layout=force_pos, lang=lang, default_labels=500, seed=args.seed)
        page = network_html(case, opgave, scene=scene)
        with atomic_write(files["html"], overwrite=force) as tmp:
            tmp.write_text(page, encoding="utf-8")
        yield files["html"]
        from .draw.formation import write_formation_page

        yield write_formation_page(case, opgave, files["formation_html"], at=at, lang=lang, seed=args.seed,
                                   overwrite=force)
    if "gif" in formats:
        from .draw.formation import formation_gif

        yield formation_gif(case, opgave, files["gif"], at=at, lang=lang, seed=args.seed, overwrite=force)
    if "xlsx" in formats:
        scan.to_excel(files["xlsx"], overwrite=force)
        yield files["xlsx"]
    if "gexf" in formats:
        yield write_gexf(G, files["gexf"], case=case, layout=force_pos, overwrite=force)
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
