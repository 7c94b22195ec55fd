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

import re
import sys
import time
from pathlib import Path

from ._checks import _check_one_of

__all__ = ["add_parser", "FORMATS", "DEFAULT_FORMATS", "planned_files"]

EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE, EXIT_UNWRITABLE = 0, 1, 2, 3

#: Every format the command can write.
FORMATS = ["png", "svg", "pdf", "html", "xlsx", "gexf", "graphml", "kumu", "csv", "gif"]
#: The formats written when ``--formats`` is not given.
DEFAULT_FORMATS = ["png", "svg", "pdf", "html", "xlsx", "gexf", "graphml", "kumu"]

_FIGURES = ["network", "compass", "coverage", "formation", "over_time"]
_NAMES = {
    "network": ("netwerk", "network"),
    "compass": ("kompas", "compass"),
    "coverage": ("dekking", "coverage"),
    "formation": ("vorming", "formation"),
    "over_time": ("door-de-tijd", "over-time"),
    "scan": ("scan", "scan"),
    "kumu": ("kumu", "kumu"),
    "nodes": ("actoren", "actors"),
    "edges": ("relaties", "ties"),
    "scenario": ("wat-als", "what-if"),
}


def add_parser(subparsers) -> None:
    """Register the ``report`` command on the ``opgavelab`` command line."""
    p = subparsers.add_parser(
        "report",
        help="schrijf figuren, pagina's en exports / write figures, pages and exports",
        description=("Schrijf per opgave de figuren (PNG/SVG/PDF), de interactieve pagina (HTML), de scan "
                     "(Excel) en exports voor Gephi en Kumu. / Write, per opgave, the figures, the interactive "
                     "page, the scan and exports for Gephi and Kumu."),
    )
    p.add_argument("case", metavar="CASE", help="an .xlsx or .ods workbook or a folder of CSV files")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--opgave", action="append", metavar="ID", help="opgave id (repeat for several)")
    which.add_argument("--all", action="store_true", help="every opgave of the case")
    p.add_argument("--out", required=True, metavar="DIR", help="folder to write into (created if needed)")
    p.add_argument("--at", metavar="DATE", default=None, help="snapshot date: a year (2024) or a date (2024-06-30)")
    p.add_argument("--lang", choices=["nl", "en"], default="nl")
    p.add_argument("--formats", default=",".join(DEFAULT_FORMATS),
                   help=f"comma-separated, from {','.join(FORMATS)} (default: {','.join(DEFAULT_FORMATS)})")
    p.add_argument("--size", choices=["A4", "A4-landscape", "16:9"], default="A4", help="figure size (default A4)")
    p.add_argument("--dpi", type=int, default=300, help="resolution of PNG files (default 300)")
    p.add_argument("--seed", type=int, default=0, help="seed of the force layout (default 0)")
    p.add_argument("--force", action="store_true", help="overwrite existing files")
    p.add_argument("--quiet", action="store_true", help="print only errors")
    p.add_argument("--pseudonymise", action="store_true",
                   help="replace names and ids of citizens (actor type 'burger') by stable pseudonyms and drop "
                        "columns marked personal; the key comes from OPGAVELAB_PSEUDONYM_KEY")
    p.add_argument("--scenario", metavar="SPEC", default=None,
                   help="also write a what-if workbook, e.g. 'remove:eb,add:riec' (or 'zonder:eb,met:riec')")
    from .cli import add_limit_arguments

    add_limit_arguments(p)
    p.add_argument("--document", action="store_true",
                   help="write only the note for a policy advisor: OUT/<opgave>/<opgave>-notitie.docx (Word; "
                        "figures at --dpi, at most 200)")
    p.add_argument("--pdf", action="store_true",
                   help="with --document: also a PDF of the note (needs LibreOffice: soffice)")
    p.set_defaults(handler=run)


def _parse_formats(text: str) -> list[str]:
    formats = [f.strip().lower() for f in text.split(",") if f.strip()]
    if not formats:
        msg = f"'formats' must name at least one of {FORMATS}, got {text!r}."
        raise ValueError(msg)
    for f in formats:
        _check_one_of("formats", f, FORMATS)
    return list(dict.fromkeys(formats))


def _slug(text: str) -> str:
    """A file-name-safe version of an id (see :func:`opgavelab.export.safe_file_name`)."""
    from .export import safe_file_name

    return safe_file_name(text)


def _at_suffix(at) -> str:
    if at is None:
        return ""
    from .case import to_timestamp

    ts = to_timestamp(at, end=True)
    text = str(at).strip()
    return f"-{ts.year}" if re.fullmatch(r"\d{4}", text) else f"-{ts.strftime('%Y-%m-%d')}"


def planned_files(opgave_ids: list[str], out, formats: list[str], lang: str = "nl", at=None,
                  scenario: bool = False) -> dict[str, dict]:
    """The files the report will write: ``{opgave: {what: path}}``.

    Examples
    --------
    >>> files = planned_files(["economie"], "report", ["png", "html"])
    >>> sorted(p.name for p in files["economie"].values())[:3]
    ['economie-dekking.png', 'economie-door-de-tijd.png', 'economie-kompas.png']
    """
    i = 1 if lang == "en" else 0
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
                    files[f"{fig}.{fmt}"] = folder / f"{slug}-{_NAMES[fig][i]}{suffix}.{fmt}"
        if "html" in formats:
            files["html"] = folder / f"{slug}-{_NAMES['network'][i]}{suffix}.html"
            files["formation_html"] = folder / f"{slug}-{_NAMES['formation'][i]}{suffix}.html"
        if "gif" in formats:
            files["gif"] = folder / f"{slug}-{_NAMES['formation'][i]}{suffix}.gif"
        if "xlsx" in formats:
            files["xlsx"] = folder / f"{slug}-{_NAMES['scan'][i]}{suffix}.xlsx"
        if "gexf" in formats:
            files["gexf"] = folder / f"{slug}{suffix}.gexf"
        if "graphml" in formats:
            files["graphml"] = folder / f"{slug}{suffix}.graphml"
        if "kumu" in formats:
            files["kumu"] = folder / f"{slug}-{_NAMES['kumu'][i]}{suffix}.xlsx"
        if "csv" in formats:
            files["csv_nodes"] = folder / f"{slug}-{_NAMES['nodes'][i]}{suffix}.csv"
            files["csv_edges"] = folder / f"{slug}-{_NAMES['edges'][i]}{suffix}.csv"
        if scenario:
            files["scenario"] = folder / f"{slug}-{_NAMES['scenario'][i]}{suffix}.xlsx"
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

    nl = args.lang == "nl"
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
        _say(args, f"'dpi' must be between 50 and 1200, got {args.dpi}.", err=True)
        return EXIT_INVALID
    try:
        from .cli import limit_kwargs

        case = load(args.case, lang=args.lang, progress=sys.stderr.isatty() and not args.quiet, **limit_kwargs(args))
    except ReadError as exc:
        _say(args, exc.title, err=True)
        return EXIT_UNREADABLE
    except ValidationError as exc:
        _say(args, exc.title, err=True)
        hint = "Controleer de casus met" if nl else "Check the case with"
        _say(args, f"{hint}: opgavelab validate {args.case}", err=True)
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
            ids = list(case.opgaven.index)
            _say(args, (f"Onbekende opgave {unknown}; de casus heeft {ids}." if nl
                        else f"Unknown opgave {unknown}; the case has {ids}."), err=True)
            return EXIT_INVALID
    at = args.at
    if at is not None:
        from .case import to_timestamp

        try:
            to_timestamp(at, end=True)
        except ValueError:
            _say(args, (f"'--at' moet een jaar of datum zijn (2024 of 2024-06-30), niet {at!r}." if nl
                        else f"'--at' must be a year or a date (2024 or 2024-06-30), got {at!r}."), err=True)
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
        _say(args, (f"{len(existing)} bestand(en) bestaan al; er is niets geschreven. Gebruik --force om ze te "
                    f"vervangen:\n  {shown}" if nl else
                    f"{len(existing)} file(s) already exist; nothing was written. Use --force to replace them:"
                    f"\n  {shown}"), err=True)
        return EXIT_INVALID

    written: list[Path] = []
    start = time.time()
    # a progress bar in a terminal; a line per opgave in a log
    bar = sys.stderr.isatty() and len(opgaven) > 1 and not args.quiet
    for k, oid in enumerate(progress_bar(opgaven, enable=bar, desc="rapport" if nl else "report",
                                         total=len(opgaven)), start=1):
        if not bar and (len(opgaven) > 1 or not args.quiet):
            _say(args, f"[{k}/{len(opgaven)}] {oid}: {case.opgaven.at[oid, 'name']}", err=True)
        try:
            for path in _shared(_write_opgave(case, oid, plan[oid], args, formats)):
                written.append(path)
                _say(args, ("geschreven: " if nl else "written: ") + str(path))
        except (FileExistsError, ValueError) as exc:  # a file appeared while writing; a bad --scenario
            _say(args, str(exc), err=True)
            return EXIT_INVALID
        except WriteError as exc:  # disk full, permission taken away, a name the file system refuses
            from ._i18n import message

            _say(args, exc.title, err=True)
            _say(args, message("report_written_before_error", args.lang, n=len(written), out=args.out), err=True)
            return EXIT_UNWRITABLE
    _say(args, (f"{len(written)} bestanden geschreven in {args.out} ({time.time() - start:.0f} s)." if nl
                else f"{len(written)} files written to {args.out} ({time.time() - start:.0f} s)."))
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
        scene = build_scene(case, opgave, at, G=G, layout=force_pos, lang=lang, default_labels=500)
        page = network_html(case, opgave, at, scene=scene, lang=lang, seed=args.seed)
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
        yield from write_network_csv(G, files["csv_nodes"], files["csv_edges"], sep=";" if lang == "nl" else ",",
                                     overwrite=force)
    if "scenario" in files:
        from ._scenario import _report_scenario

        yield _report_scenario(case, opgave, at, args.scenario_spec, lang).to_excel(files["scenario"],
                                                                                      overwrite=force)
