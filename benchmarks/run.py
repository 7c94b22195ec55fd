"""Measure opgavelab at four sizes and write ``benchmarks/RESULTS.md``.

    python -m benchmarks.run                      # S, M, L, XL (``make bench``)
    python -m benchmarks.run --sizes S,M,L        # some sizes
    python -m benchmarks.run --quick              # S and M, one run each, no XL
    python -m benchmarks.run --repeat 5           # more runs per step
    python -m benchmarks.run report libraries     # groups of steps -> benchmarks/RESULTS-report-libraries.md

Groups: report (``opgavelab report`` on the bundled example, before and after
in one run), figures (the static figure beside networkx's ``draw_networkx``,
the page beside pyvis), libraries (centrality beside networkx and igraph,
near-duplicate names beside rapidfuzz: ``pip install -e '.[bench]'``), load,
explorer, metrics.

Every step runs in a fresh Python process, at least three times, and the
median counts; the peak memory of a step is the largest resident set of its
process (``ru_maxrss``: the interpreter, the case and the step together), and
for the browser steps the Chromium processes' memory when the page has drawn.
Beside opgavelab the same run measures what a user would otherwise write:
``pd.read_excel`` with openpyxl and with calamine on the same sheets, and a
pyvis page with its default physics of the same network; the report gives
each as a ratio.

Steps that need code not written yet (the explorer; drawing) are skipped
with a line saying so. Cases come from :mod:`benchmarks.generate` and are
cached in ``benchmarks/cases/``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "RESULTS.md"
WORK = HERE / "_work"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SHEETS = ["actoren", "opgaven", "betrokkenheid", "relaties", "lijsten"]
N_DATES = 20
SIZE_ORDER = ["S", "M", "L", "XL"]
STEP_TIMEOUT = 1800  # seconds for one run of one step
DRAW_TIMEOUT = 120   # seconds for a page to draw in Chromium


# --------------------------------------------------------------------------
# worker side: one step, in a fresh process, prints one JSON line
# --------------------------------------------------------------------------

class NotAvailable(Exception):
    """The step needs code that is not there yet."""


def _peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def _case(meta: dict):
    """The case, from a pickle the harness made once (loading is measured on its own)."""
    import pickle

    with open(Path(meta["xlsx"]).with_name("case.pkl"), "rb") as fh:
        return pickle.load(fh)


def _dates():
    import pandas as pd

    return [pd.Timestamp(y, 12, 31) for y in range(2024 - N_DATES + 1, 2025)]


def _timed(func, *args, **kwargs):
    start = time.perf_counter()
    result = func(*args, **kwargs)
    return time.perf_counter() - start, result


def _import(name: str, attr: str | None = None):
    import importlib

    try:
        module = importlib.import_module(name)
        return getattr(module, attr) if attr else module
    except (ImportError, AttributeError) as exc:
        raise NotAvailable(f"{name}{'.' + attr if attr else ''}: {exc}") from None


def _drawn_seconds(path: Path, kind: str) -> tuple[float, dict]:
    """Seconds from navigation to a ``file://`` page until its network has drawn."""
    if not Path(CHROMIUM).exists():
        raise NotAvailable(f"{CHROMIUM} not found")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise NotAvailable(f"playwright: {exc}") from None
    # Timestamps taken inside the page (performance.now(), from the start of navigation): opgavelab's
    # page sets <body data-drawn="1"> on vis-network's first afterDrawing; any other page (pyvis)
    # counts as drawn when the task that first painted on a canvas has finished (vis-network draws a
    # whole frame in one task). Neither depends on how often Python polls.
    hooks = """(() => {
        new MutationObserver(() => {
            if (window.__drawnAt === undefined && document.body && document.body.getAttribute('data-drawn') === '1')
                window.__drawnAt = performance.now();
        }).observe(document, {attributes: true, subtree: true, attributeFilter: ['data-drawn']});
        const P = CanvasRenderingContext2D.prototype;
        for (const name of ['fill', 'stroke', 'fillText', 'drawImage']) {
            const original = P[name];
            P[name] = function (...args) {
                if (window.__paintedAt === undefined) {
                    window.__paintedAt = null;
                    setTimeout(() => { window.__paintedAt = performance.now(); }, 0);
                }
                return original.apply(this, args);
            };
        }
    })();"""
    mark = "__drawnAt" if kind == "opgavelab" else "__paintedAt"
    extra: dict = {}
    with tempfile.TemporaryDirectory(prefix="opgavelab-bench-chromium-") as profile, sync_playwright() as p:
        context = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, headless=True,
                                                       args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 800})
        # offline, as the pages are meant to be used: anything not on disk fails at once
        # (pyvis still links Bootstrap from a CDN; waiting for that would time the network)
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                      else route.abort())
        page = context.pages[0] if context.pages else context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        context.add_init_script(hooks)
        page.goto(path.resolve().as_uri(), wait_until="commit", timeout=DRAW_TIMEOUT * 1000)
        try:
            page.wait_for_function(f"() => typeof window.{mark} === 'number'", polling=100,
                                   timeout=DRAW_TIMEOUT * 1000)
        except Exception:
            extra["note"] = f"not drawn within {DRAW_TIMEOUT} s"
            seconds = float("inf")
        else:
            seconds = page.evaluate(f"() => window.{mark}") / 1000
        extra["browser_mb"] = _browser_mb()
        if errors:
            extra["page_errors"] = errors[:3]
        context.close()
    return seconds, extra


def _browser_mb() -> float | None:
    try:
        import psutil
    except ImportError:
        return None
    total = 0
    for child in psutil.Process().children(recursive=True):
        try:
            if "chrom" in child.name().lower():
                total += child.memory_info().rss
        except psutil.Error:
            continue
    return round(total / 2**20)


def _pyvis_page(G, path: Path) -> None:
    """What a user writes without opgavelab: pyvis, default physics, offline (in-line script)."""
    pyvis_network = _import("pyvis.network", "Network")
    net = pyvis_network(height="750px", width="100%", cdn_resources="in_line")
    names = {n: str(d.get("name", n)) for n, d in G.nodes(data=True)}
    net.add_nodes(list(names), label=list(names.values()), title=list(names.values()))
    net.add_edges([(u, v, float(d.get("weight", 1.0))) for u, v, d in G.edges(data=True)])
    path.write_text(net.generate_html(), encoding="utf-8")


def _whole_network(case):
    from opgavelab.network import actor_graph

    return actor_graph(case, directed=False)


def run_step(step: str, meta: dict) -> dict:
    """Run one step once in this process; return seconds and facts."""
    import warnings

    warnings.simplefilter("ignore")
    if step != "import":
        # the libraries a notebook has imported by then: a step's time is its own work
        for name in ("pandas", "numpy", "networkx", "scipy.sparse", "scipy.sparse.csgraph", "opgavelab",
                     "opgavelab.io", "opgavelab.network", "opgavelab.metrics", "opgavelab.metrics.formation",
                     "opgavelab.metrics.coverage", "opgavelab.metrics.awareness"):
            try:
                __import__(name)
            except ImportError:
                pass
        import opgavelab

        opgavelab.scan  # noqa: B018 -- the function (importing the module opgavelab.scan by name would shadow it)
    out: dict = {}
    WORK.mkdir(exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f"{step}-", dir=WORK))
    try:
        if step == "import":
            start = time.perf_counter()
            import opgavelab  # noqa: F401

            seconds = time.perf_counter() - start
        elif step in ("load_xlsx", "load_csv"):
            import opgavelab

            path = meta["xlsx"] if step == "load_xlsx" else meta["csv"]
            cpu = time.process_time()
            seconds, case = _timed(opgavelab.load, path)
            out["cpu_seconds"] = round(time.process_time() - cpu, 3)
            out["rows"] = len(case.actors) + len(case.opgaven) + len(case.involvement) + len(case.ties)
        elif step in ("read_calamine", "read_openpyxl"):
            import pandas as pd

            engine = step.split("_")[1]
            cpu = time.process_time()
            seconds, frames = _timed(pd.read_excel, meta["xlsx"], sheet_name=SHEETS, engine=engine)
            out["cpu_seconds"] = round(time.process_time() - cpu, 3)
            out["rows"] = sum(len(f) for f in frames.values())
        elif step == "graph":
            from opgavelab.network import opgave_graph

            case = _case(meta)
            seconds, G = _timed(opgave_graph, case, meta["big"], directed=False)
            out.update(nodes=G.number_of_nodes(), edges=G.number_of_edges())
        elif step == "actor_graph":
            case = _case(meta)
            seconds, G = _timed(_whole_network, case)
            out.update(nodes=G.number_of_nodes(), edges=G.number_of_edges())
        elif step == "scan":
            import opgavelab

            case = _case(meta)
            seconds, s = _timed(opgavelab.scan, case, meta["big"])
            out.update(nodes=s.graph.number_of_nodes(), edges=s.graph.number_of_edges(),
                       betweenness_sampled=bool(s.centrality.attrs.get("betweenness_approximate", False)),
                       betweenness_k=s.centrality.attrs.get("betweenness_k"))
        elif step == "brokerage":
            from opgavelab.metrics import brokerage
            from opgavelab.network import actor_graph

            case = _case(meta)
            G = actor_graph(case)  # directed where ties are: Gould & Fernandez roles need directions
            seconds, _ = _timed(brokerage, G, "type")
            out.update(nodes=G.number_of_nodes(), edges=G.number_of_edges(), directed=G.is_directed())
        elif step == "formation":
            from opgavelab.metrics.formation import formation

            case = _case(meta)
            seconds, f = _timed(formation, case, meta["big"], dates=_dates())
            out.update(dates=len(f), actors_last=int(f["n_actors"].iloc[-1]), ties_last=int(f["n_ties"].iloc[-1]))
        elif step == "figure":
            network_figure = _import("opgavelab.draw", "network_figure")
            save_figure = _import("opgavelab.draw", "save_figure")
            case = _case(meta)
            # matplotlib imported before the clock, as in a session that has drawn before (its import once)
            started = time.perf_counter()
            import matplotlib.backends.backend_agg  # noqa: F401
            import matplotlib.figure  # noqa: F401

            out["matplotlib_import_seconds"] = round(time.perf_counter() - started, 3)
            cpu = time.process_time()
            start = time.perf_counter()
            fig = network_figure(case, meta["big"])
            save_figure(fig, tmp / "figure.png", overwrite=True)
            seconds = time.perf_counter() - start
            out["cpu_seconds"] = round(time.process_time() - cpu, 3)
        elif step == "figure_before":
            seconds, extra = _figure_before(meta, tmp)
            out.update(extra)
        elif step == "figure_mpl311":
            seconds, extra = _figure_before(meta, tmp, matplotlib_311=True)
            out.update(extra)
        elif step in ("html", "html_all"):
            network_html = _import("opgavelab.draw", "network_html")
            case = _case(meta)
            if step == "html":
                seconds, page = _timed(network_html, case, meta["big"])
            else:
                # every actor of the case on one page, no node limit
                G = _whole_network(case)
                seconds, page = _timed(network_html, case, meta["big"], G=G, max_nodes=None)
            (WORK / f"{meta['spec']['name']}-{step}.html").write_text(page, encoding="utf-8")
            out["mb"] = round(len(page.encode()) / 2**20, 1)
        elif step in ("draw_html", "draw_html_all"):
            page = WORK / f"{meta['spec']['name']}-{step.replace('draw_', '')}.html"
            if not page.exists():
                raise NotAvailable(f"no page {page.name} (the HTML step did not run)")
            seconds, extra = _drawn_seconds(page, "opgavelab")
            out.update(extra)
        elif step == "pyvis":
            from opgavelab.network import opgave_graph

            case = _case(meta)
            G = opgave_graph(case, meta["big"], directed=False)
            page = WORK / f"{meta['spec']['name']}-pyvis.html"
            seconds, _ = _timed(_pyvis_page, G, page)
            out["mb"] = round(page.stat().st_size / 2**20, 1)
        elif step == "draw_pyvis":
            page = WORK / f"{meta['spec']['name']}-pyvis.html"
            if not page.exists():
                raise NotAvailable("no pyvis page (the pyvis step did not run)")
            seconds, extra = _drawn_seconds(page, "pyvis")
            out.update(extra)
        elif step == "explorer":
            Explorer = _import("opgavelab", "Explorer")
            case = _case(meta)
            ex = Explorer(case, opgave=meta["explorer"])
            types = list(ex.types)
            if len(types) < 2:
                raise NotAvailable("the explorer shows fewer than two actor types")
            times = []
            for i in range(6):
                # a filter change: hide one actor type, then show it again
                value = [t for t in types if t != types[i % len(types)]] if i % 2 == 0 else types
                t0 = time.perf_counter()
                ex.types = value
                times.append(time.perf_counter() - t0)
            seconds = statistics.median(times)
            out["changes"] = [round(t, 3) for t in times]
            out["nodes_shown"] = ex.shown_graph.number_of_nodes() if ex.shown_graph is not None else None
            if getattr(ex, "last_error", None):
                out["error"] = str(ex.last_error)[:300]
        elif step == "scenario":
            scenario = _import("opgavelab", "scenario")
            from opgavelab.network import opgave_graph

            case = _case(meta)
            G = opgave_graph(case, meta["big"], directed=False)
            hub = max(G.degree(), key=lambda kv: (kv[1], str(kv[0])))[0]  # the best-connected actor drops out
            cpu = time.process_time()
            seconds, s = _timed(scenario, case, meta["big"], remove=[hub])
            out["cpu_seconds"] = round(time.process_time() - cpu, 3)
            out.update(nodes=G.number_of_nodes(), edges=G.number_of_edges(), removed=str(hub),
                       parts_after=int(s.diff.at["n_parts", "after"]))
        elif step == "key_players":
            key_players = _import("opgavelab.metrics", "key_players")
            from opgavelab.network import opgave_graph

            case = _case(meta)
            G = opgave_graph(case, meta["big"], directed=False)
            cpu = time.process_time()
            seconds, kp = _timed(key_players, G, 5, goal="fragment", seed=0)
            out["cpu_seconds"] = round(time.process_time() - cpu, 3)
            out.update(nodes=G.number_of_nodes(), edges=G.number_of_edges(), evaluations=kp.method["evaluations"],
                       candidates=kp.method["candidates"], sampled_sources=kp.method["sampled_sources"],
                       score=round(kp.score, 4))
        elif step.startswith("report_"):
            seconds, extra = _report_run(step, tmp)
            out.update(extra)
        elif step == "gif":
            seconds, extra = _gif_run(tmp)
            out.update(extra)
        elif step == "figure_nx":
            seconds, extra = _figure_nx(meta, tmp)
            out.update(extra)
        elif step in ("centrality", "centrality_nx", "centrality_igraph"):
            seconds, extra = _centrality_run(step, meta)
            out.update(extra)
        elif step in ("dedupe", "dedupe_rapidfuzz"):
            seconds, extra = _dedupe_run(step, meta)
            out.update(extra)
        elif step in ("explorer_browser", "explorer_play"):
            seconds, extra = _explorer_browser(step)
            out.update(extra)
        else:
            raise ValueError(f"unknown step {step!r}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    out.update(seconds=seconds, peak_mb=round(out.pop("child_peak_mb", None) or _peak_mb()))
    return out


# -- second round (issue 21): the report, library baselines ------------------

#: The library as it was before the second round of speed work, for the report's "before" runs:
#: ``git archive`` of this commit's ``opgavelab/`` (override with OPGAVELAB_BENCH_BEFORE=<commit>).
BEFORE_REF = os.environ.get("OPGAVELAB_BENCH_BEFORE", "ae2a2ef")
EXAMPLE = ROOT / "data" / "voorbeeld-veenmarken.xlsx"


def _before_library() -> Path:
    where = WORK / f"before-{BEFORE_REF}"
    if not (where / "opgavelab" / "__init__.py").exists():
        where.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", BEFORE_REF, "opgavelab"], capture_output=True,
                                 check=False)
        if archive.returncode:
            raise NotAvailable(f"git archive {BEFORE_REF}: {archive.stderr.decode(errors='replace')[:200]}")
        subprocess.run(["tar", "-x", "-C", str(where)], input=archive.stdout, check=True)
    return where


def _report_run(step: str, tmp: Path) -> tuple[float, dict]:
    """``opgavelab report`` on the bundled example as a person runs it: a fresh ``python -m opgavelab``."""
    import resource

    import opgavelab
    from opgavelab._cli_report import FORMATS

    ids = list(opgavelab.example().opgaven.index)
    one = "economie" if "economie" in ids else ids[0]
    which = (["--opgave", one, "--formats", ",".join(FORMATS)] if step.startswith("report_one")
             else ["--all"])
    lib = _before_library() if step.endswith("_before") else ROOT
    env = dict(os.environ, PYTHONPATH=str(lib), MPLBACKEND="Agg")
    cmd = [sys.executable, "-m", "opgavelab", "report", str(EXAMPLE), *which, "--out", str(tmp / "out"), "--quiet"]
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=tmp, env=env, capture_output=True, text=True, timeout=STEP_TIMEOUT)
    seconds = time.perf_counter() - start
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode:
        raise RuntimeError(f"report exit {proc.returncode}: {proc.stderr.strip()[-300:]}")
    files = [p for p in (tmp / "out").rglob("*") if p.is_file()]
    return seconds, {"cpu_seconds": round((ru1.ru_utime + ru1.ru_stime) - (ru0.ru_utime + ru0.ru_stime), 2),
                     "child_peak_mb": ru1.ru_maxrss / 1024, "files": len(files),
                     "opgaven": 1 if step.startswith("report_one") else len(ids)}


def _gif_run(tmp: Path) -> tuple[float, dict]:
    """``formation_gif`` of economie on the bundled example with its defaults (16:9 at 96 dpi, 6 steps between
    two years), in a warm process: a GIF of another opgave is drawn first, untimed."""
    import opgavelab
    from opgavelab.draw.formation import formation_gif

    case = opgavelab.load(EXAMPLE)
    ids = list(case.opgaven.index)
    one = "economie" if "economie" in ids else ids[0]
    formation_gif(case, next((i for i in ids if i != one), one), tmp / "warm.gif")
    cpu = time.process_time()
    seconds, path = _timed(formation_gif, case, one, tmp / "formation.gif")
    return seconds, {"cpu_seconds": round(time.process_time() - cpu, 3), "bytes": path.stat().st_size}


#: The static figure as the library before the second round draws it (fresh process, its own load untimed).
_FIGURE_BEFORE = """
import json, sys, time, resource
import opgavelab
from opgavelab.draw import network_figure, save_figure
case = opgavelab.load(sys.argv[1])
import matplotlib.backends.backend_agg, matplotlib.figure  # before the clock, as for the library of today
cpu, start = time.process_time(), time.perf_counter()
fig = network_figure(case, sys.argv[2])
save_figure(fig, sys.argv[3], overwrite=True)
print(json.dumps({"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
                  "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


#: matplotlib 3.11, which opgavelab does not install (its text drawing is slower): for the figure beside it.
MPL311 = "matplotlib==3.11.2"


def _matplotlib_311() -> Path:
    """A folder with matplotlib 3.11.2 alone (its dependencies are those of the project's), made once."""
    where = ROOT / "benchmarks" / "cases" / "_matplotlib-3.11.2"
    if not (where / "matplotlib" / "__init__.py").exists():
        got = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(where),
                              MPL311], capture_output=True, text=True, check=False)
        if got.returncode:
            raise NotAvailable(f"pip install {MPL311}: {got.stderr.strip()[-200:]}")
    return where


def _figure_before(meta: dict, tmp: Path, matplotlib_311: bool = False) -> tuple[float, dict]:
    """``network_figure`` + ``save_figure`` (PNG, 300 dpi) of ``groot`` with the library of :data:`BEFORE_REF`
    or, with ``matplotlib_311``, the library of today with matplotlib 3.11.2."""
    lib = f"{_matplotlib_311()}{os.pathsep}{ROOT}" if matplotlib_311 else str(_before_library())
    env = dict(os.environ, PYTHONPATH=lib, MPLBACKEND="Agg")
    proc = subprocess.run([sys.executable, "-c", _FIGURE_BEFORE, str(meta["xlsx"]), meta["big"], str(tmp / "b.png")],
                          cwd=tmp, env=env, capture_output=True, text=True, timeout=STEP_TIMEOUT)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode or not lines:
        raise RuntimeError(f"before figure exit {proc.returncode}: {proc.stderr.strip()[-300:]}")
    got = json.loads(lines[-1])
    return got["seconds"], {"cpu_seconds": round(got["cpu"], 3), "child_peak_mb": got["peak"]}


def _figure_nx(meta: dict, tmp: Path) -> tuple[float, dict]:
    """What a user writes without opgavelab: spring layout and ``draw_networkx`` with names, A4 at 300 dpi."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import networkx as nx

    from opgavelab.network import opgave_graph

    case = _case(meta)
    G = opgave_graph(case, meta["big"], directed=False)
    start = time.perf_counter()
    fig, ax = plt.subplots(figsize=(8.27, 11.69))
    pos = nx.spring_layout(G, seed=0)
    nx.draw_networkx(G, pos, ax=ax, node_size=30, font_size=5, width=0.3,
                     labels={v: d.get("name", v) for v, d in G.nodes(data=True)})
    ax.set_axis_off()
    fig.savefig(tmp / "nx.png", dpi=300)
    plt.close(fig)
    return time.perf_counter() - start, {"nodes": G.number_of_nodes(), "edges": G.number_of_edges()}


def _centrality_run(step: str, meta: dict) -> tuple[float, dict]:
    """Betweenness and closeness of ``groot``: opgavelab's batched Brandes, networkx, igraph."""
    from opgavelab.network import opgave_graph

    case = _case(meta)
    G = opgave_graph(case, meta["big"], directed=False)
    out = {"nodes": G.number_of_nodes(), "edges": G.number_of_edges()}
    if step == "centrality":
        from opgavelab.metrics import centrality

        seconds, table = _timed(centrality, G)
        out["note"] = ("every column of `metrics.centrality` (degree, betweenness, closeness, eigenvector, cut "
                       "points); betweenness " + ("sampled" if table.attrs.get("betweenness_approximate")
                                                  else "exact"))
        return seconds, out
    if step == "centrality_nx":
        import networkx as nx

        t_b, _ = _timed(nx.betweenness_centrality, G)
        t_c, _ = _timed(nx.closeness_centrality, G)
        out["note"] = f"betweenness {_s(t_b)}, closeness {_s(t_c)} (exact)"
        return t_b + t_c, out
    try:
        import igraph as ig
    except ImportError as exc:
        raise NotAvailable(f"igraph: {exc} (pip install -e '.[bench]')") from None
    t_conv, g = _timed(ig.Graph.from_networkx, G)
    t_b, _ = _timed(g.betweenness, directed=False)
    t_c, _ = _timed(g.closeness)
    out["note"] = f"converting {_s(t_conv)}, betweenness {_s(t_b)}, closeness {_s(t_c)} (exact)"
    return t_conv + t_b + t_c, out


def _typo_names(case) -> list[str]:
    """The case's actor names, every seventh again with one letter changed (a typo to find)."""
    names = [str(n) for n in case.actors["name"]]
    out = list(names)
    for i, name in enumerate(names):
        if i % 7 == 0 and len(name) > 8:
            k = len(name) // 2
            out.append(name[:k] + ("x" if name[k] != "x" else "y") + name[k + 1:])
    return out


def _rapidfuzz_pairs(keys: list[str], threshold: float) -> dict:
    """Pairs of keys whose rapidfuzz ``ratio`` (indel: 2·LCS / total length) reaches the threshold."""
    import numpy as np
    from rapidfuzz import fuzz, process

    pairs = {}
    sorted_keys = [" ".join(sorted(k.split())) for k in keys]
    for variant in (keys, sorted_keys):
        m = process.cdist(variant, variant, scorer=fuzz.ratio, score_cutoff=100 * threshold, dtype=np.uint8,
                          workers=1)
        for i, j in zip(*np.nonzero(np.triu(m, 1))):
            pairs[(int(i), int(j))] = max(pairs.get((int(i), int(j)), 0), int(m[i, j]) / 100)
    return pairs


def _dedupe_run(step: str, meta: dict) -> tuple[float, dict]:
    from opgavelab.public_bodies import _similar_pairs, name_key

    case = _case(meta)
    names = _typo_names(case)
    keys = list(dict.fromkeys(name_key(n) for n in names))
    out = {"note": f"{len(keys):,} distinct names (the actors' and every seventh with a typo), threshold 0.9"}
    if step == "dedupe":
        seconds, pairs = _timed(lambda: {(i, j): s for i, j, s in _similar_pairs(keys, 0.9)})
    else:
        try:
            seconds, pairs = _timed(_rapidfuzz_pairs, keys, 0.9)
        except ImportError as exc:
            raise NotAvailable(f"rapidfuzz: {exc} (pip install -e '.[bench]')") from None
        ours = {(i, j) for i, j, _ in _similar_pairs(keys, 0.9)}
        extra, missing = set(pairs) - ours, ours - set(pairs)
        out["note"] += (f"; rapidfuzz finds {len(pairs):,} pairs, opgavelab {len(ours):,}: "
                        f"{len(extra):,} more, {len(missing):,} fewer (indel ratio, not difflib's)")
    out["pairs"] = len(pairs)
    return seconds, out


def _explorer_browser(step: str) -> tuple[float, dict]:
    """The explorer in JupyterLab in Chromium (``benchmarks/bench_explorer.py``): the cell, or ▶'s steps."""
    if not Path(CHROMIUM).exists():
        raise NotAvailable(f"{CHROMIUM} not found")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:
        raise NotAvailable(f"playwright: {exc}") from None
    from benchmarks.bench_explorer import measure

    if step == "explorer_browser":
        r = measure(CHROMIUM, CHROMIUM_ARGS, cold=True, play=False)
        out = {"note": (f"kernel started and idle, nothing imported: {_s(r['warm'])}; the cell again in that "
                        f"kernel {_s(r['again'])}; cold (Restart Kernel and Run All, from the click) "
                        f"{_s(r['cold'])}; formation view at {r['year']}"),
               "cold": round(r["cold"], 3), "again": round(r["again"], 3)}
        seconds = r["warm"]
    else:
        r = measure(CHROMIUM, CHROMIUM_ARGS, cold=False, play=True)
        steps = r.get("step_seconds") or {}
        if len(steps) < 2:
            raise RuntimeError(f"▶ played {len(steps)} step(s): {r}")
        values = list(steps.values())
        seconds = max(values)
        out = {"note": (f"{len(values)} steps ({min(steps)}–{max(steps)}): median {_s(statistics.median(values))}, "
                        f"max {_s(seconds)} (the time given); slider moved in the page to that year's first "
                        f"frame drawn"), "steps": steps}
    if r.get("page_errors"):
        out["page_errors"] = r["page_errors"]
    return seconds, out


# --------------------------------------------------------------------------
# harness side
# --------------------------------------------------------------------------

@dataclass
class Step:
    name: str
    label: str
    sizes: tuple = ("S", "M", "L", "XL")
    baseline: str | None = None  # step whose time this one is compared with
    kind: str = "opgavelab"      # or "baseline"
    repeat: int | None = None    # override of the number of runs (slow baselines)


STEPS = [
    Step("import", "`import opgavelab`", sizes=("S",)),
    Step("read_calamine", "baseline: `pd.read_excel(engine=\"calamine\")`, 5 sheets", kind="baseline"),
    Step("read_openpyxl", "baseline: `pd.read_excel(engine=\"openpyxl\")`, 5 sheets", kind="baseline"),
    Step("load_xlsx", "load and validate xlsx (`opgavelab.load`)", baseline="read_calamine"),
    Step("load_csv", "load and validate CSV folder", baseline="read_calamine"),
    Step("graph", "opgave network of `groot` (`opgave_graph`)"),
    Step("actor_graph", "actor network of the whole case (`actor_graph`)"),
    Step("scan", "full scan of `groot` (`opgavelab.scan`)"),
    Step("brokerage", "brokerage, whole actor network (directed)"),
    Step("formation", f"formation of `groot` over {N_DATES} dates"),
    Step("figure", "static figure of `groot` (PNG, 300 dpi)", baseline="figure_before"),
    Step("figure_before", "before: static figure of `groot` (PNG, 300 dpi)", kind="baseline",
         sizes=("S", "M", "L", "XL")),
    Step("figure_mpl311", "the same figure with matplotlib 3.11.2 (not installed: its text is slower)",
         kind="baseline", sizes=("S", "M", "L", "XL")),
    Step("html", "HTML page of `groot` (`network_html`)", baseline="pyvis"),
    Step("draw_html", "… drawn in headless Chromium", baseline="draw_pyvis"),
    Step("html_all", "HTML page of every actor (`max_nodes=None`)", sizes=("S", "M", "L")),
    Step("draw_html_all", "… drawn in headless Chromium", sizes=("S", "M", "L")),
    Step("pyvis", "baseline: pyvis page of `groot` (default physics)", kind="baseline", sizes=("S", "M", "L")),
    Step("draw_pyvis", "baseline: … drawn in headless Chromium", kind="baseline", sizes=("S", "M", "L")),
    Step("explorer", "explorer update after a filter change (`verkenner`)"),
    Step("scenario", "what-if scenario on `groot`: its best-connected actor drops out (`opgavelab.scenario`)"),
    Step("key_players", "key players of `groot`, k = 5, fragment (`metrics.key_players`)"),
    Step("figure_nx", "baseline: networkx spring layout + `draw_networkx`, A4 PNG 300 dpi", kind="baseline",
         sizes=("S", "M", "L")),
    Step("centrality", "betweenness and closeness of `groot` (opgavelab's batched Brandes)",
         baseline="centrality_igraph"),
    Step("centrality_nx", "baseline: networkx betweenness + closeness", kind="baseline", sizes=("S", "M", "L")),
    Step("centrality_igraph", "baseline: igraph betweenness + closeness (with conversion)", kind="baseline"),
    Step("dedupe", "near-duplicate names (`public_bodies.near_duplicates` pairs)", baseline="dedupe_rapidfuzz",
         sizes=("S", "M", "L")),
    Step("dedupe_rapidfuzz", "baseline: rapidfuzz `cdist` (indel ratio)", kind="baseline", sizes=("S", "M", "L")),
    Step("report_one_before", "before: `report --opgave economie`, every format (bundled example)",
         kind="baseline", sizes=("S",)),
    Step("report_one", "`report --opgave economie`, every format (bundled example)", baseline="report_one_before",
         sizes=("S",)),
    Step("report_all_before", "before: `report --all`, default formats (bundled example)", kind="baseline",
         sizes=("S",)),
    Step("report_all", "`report --all`, default formats (bundled example)", baseline="report_all_before",
         sizes=("S",)),
    Step("gif", "formation GIF of `economie` (`formation_gif`, bundled example)", sizes=("S",)),
    Step("explorer_browser", "explorer in JupyterLab in Chromium: cell run to picture drawn (bundled example)",
         sizes=("S",)),
    Step("explorer_play", "explorer in JupyterLab in Chromium: slowest ▶ step, slider to year drawn (bundled "
         "example)", sizes=("S",)),
]

#: Subsets: ``python -m benchmarks.run report libraries``.
GROUPS = {
    "report": ["report_one_before", "report_one", "report_all_before", "report_all"],
    "figures": ["figure", "figure_before", "figure_mpl311", "figure_nx", "html", "pyvis", "draw_html", "draw_pyvis", "gif"],
    "libraries": ["centrality", "centrality_nx", "centrality_igraph", "dedupe", "dedupe_rapidfuzz"],
    "load": ["read_calamine", "read_openpyxl", "load_xlsx", "load_csv"],
    "explorer": ["explorer", "explorer_browser", "explorer_play"],
    "metrics": ["graph", "actor_graph", "scan", "brokerage", "formation", "scenario", "key_players"],
}
STEP_BY_NAME = {s.name: s for s in STEPS}


@dataclass
class Measure:
    step: str
    size: str
    runs: list = field(default_factory=list)
    peaks: list = field(default_factory=list)
    facts: dict = field(default_factory=dict)
    skipped: str | None = None
    failed: str | None = None

    @property
    def median(self) -> float | None:
        return statistics.median(self.runs) if self.runs else None

    @property
    def peak(self) -> float | None:
        return max(self.peaks) if self.peaks else None


def _worker(step: str, size: str, timeout: float) -> dict:
    cmd = [sys.executable, "-m", "benchmarks.run", "--worker", step, "--size", size]
    env = dict(os.environ, PYTHONHASHSEED="0", MPLBACKEND="Agg")
    try:
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return {"failed": f"no result within {timeout:.0f} s"}
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if not lines:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        return {"failed": f"exit {proc.returncode}: " + " | ".join(tail)[:400]}
    return json.loads(lines[-1])


def measure(step: Step, size: str, repeat: int, log) -> Measure:
    m = Measure(step.name, size)
    n = step.repeat or repeat
    for i in range(n):
        result = _worker(step.name, size, STEP_TIMEOUT)
        if "skipped" in result:
            m.skipped = result["skipped"]
            break
        if "failed" in result:
            m.failed = result["failed"]
            break
        m.runs.append(result.pop("seconds"))
        m.peaks.append(result.pop("peak_mb"))
        m.facts.update(result)
        log(f"    run {i + 1}/{n}: {m.runs[-1]:.3f} s, {m.peaks[-1]:,.0f} MB")
        if m.runs[-1] == float("inf"):
            break  # not drawn within the time limit: once is enough to say so
        if step.kind == "baseline" and m.runs[-1] > 60:
            break  # a baseline this slow: one run gives the ratio
    if m.skipped:
        log(f"    skipped: {m.skipped}")
    if m.failed:
        log(f"    FAILED: {m.failed}")
    return m


def _prepare(size: str, log) -> dict:
    """Generate the case (cached) and pickle its loaded Case for the steps that start from one."""
    from benchmarks.generate import ensure_case

    t = time.perf_counter()
    meta = ensure_case(size)
    pkl = Path(meta["xlsx"]).with_name("case.pkl")
    stamp = Path(meta["xlsx"]).with_name("case.pkl.stamp")
    version = _code_version()
    if not pkl.exists() or not stamp.exists() or stamp.read_text() != version:
        code = ("import pickle, opgavelab; c = opgavelab.load({!r}, progress=True); "
                "pickle.dump(c, open({!r}, 'wb'), protocol=pickle.HIGHEST_PROTOCOL)").format(meta["xlsx"], str(pkl))
        try:
            subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
        except subprocess.CalledProcessError:
            code = code.replace(", progress=True", "")
            subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
        stamp.write_text(version)
    log(f"  case {size}: {meta['n_actors']:,} actors, {meta['n_ties']:,} ties, {meta['n_opgaven']} opgaven "
        f"(ready in {time.perf_counter() - t:.0f} s)")
    return meta


def _code_version() -> str:
    """The commit and a digest of the library's files: a changed Case class invalidates the pickles."""
    import hashlib

    h = hashlib.sha256()
    for path in sorted((ROOT / "opgavelab").glob("*.py")):
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


# --------------------------------------------------------------------------
# the report
# --------------------------------------------------------------------------

def _versions() -> dict:
    from importlib import metadata

    out = {"python": platform.python_version()}
    for name in ("opgavelab", "pandas", "numpy", "scipy", "networkx", "python-calamine", "openpyxl", "pyvis",
                 "matplotlib", "ipywidgets", "playwright"):
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "-"
    try:
        out["chromium"] = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True,
                                         timeout=30).stdout.strip() or "-"
    except (OSError, subprocess.SubprocessError):
        out["chromium"] = "-"
    return out


def _machine() -> dict:
    cpu = platform.processor() or "-"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "-"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 2**20:.1f} GiB"
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%h %s"], capture_output=True,
                                text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = "-"
    return {"cpu": cpu, "cores": os.cpu_count(), "ram": ram, "os": platform.platform(), "commit": commit}


def _s(x: float | None) -> str:
    if x is None:
        return "–"
    if x == float("inf"):
        return f"> {DRAW_TIMEOUT} s"
    if x < 0.01:
        return f"{x * 1000:.1f} ms"
    if x < 1:
        return f"{x * 1000:.0f} ms"
    return f"{x:.2f} s"


@dataclass
class Target:
    label: str
    step: str
    size: str
    limit: float | None = None          # seconds
    ratio_to: str | None = None         # step: measured / that step's time must be <= ratio
    ratio: float | None = None
    memory_mb: float | None = None
    memory_steps: tuple = ()


TARGETS = [
    Target("`import opgavelab` under 0.5 s", "import", "S", limit=0.5),
    Target("load and validate L from xlsx within 1.5× `pd.read_excel(engine=\"calamine\")`", "load_xlsx", "L",
           ratio_to="read_calamine", ratio=1.5),
    Target("scan of an opgave with 2,000 actors and 20,000 ties under 3 s", "scan", "L", limit=3.0),
    Target("brokerage on L under 20 s", "brokerage", "L", limit=20.0),
    Target(f"formation over {N_DATES} dates of that opgave under 10 s", "formation", "L", limit=10.0),
    Target("explorer update on an opgave with 500 actors under 300 ms", "explorer", "L", limit=0.3),
    Target("what-if scenario on an opgave with 2,000 actors under 3 s", "scenario", "L", limit=3.0),
    Target("key players (k = 5) on an opgave with 2,000 actors under 30 s", "key_players", "L", limit=30.0),
    Target("HTML page of 2,000 actors drawn in Chromium under 2 s", "draw_html", "L", limit=2.0),
    Target("HTML page of 10,000 actors drawn in Chromium under 10 s", "draw_html_all", "L", limit=10.0),
    Target("`report --opgave economie`, every format, under 4 s (bundled example)", "report_one", "S", limit=4.0),
    Target("`report --all` under 15 s (bundled example)", "report_all", "S", limit=15.0),
    Target("static figure of 400 actors under 1.5 s", "figure", "M", limit=1.5),
    Target("static figure of 2,000 actors under 3 s", "figure", "L", limit=3.0),
    Target("HTML page of 400 actors under 1 s (Python side)", "html", "M", limit=1.0),
    Target("explorer: cell run to network drawn under 2 s (bundled example)", "explorer_browser", "S", limit=2.0),
    Target("explorer: each ▶ step under 300 ms, browser drawing included (bundled example)", "explorer_play",
           "S", limit=0.3),
    Target("load and validate XL from xlsx within 1.3× calamine", "load_xlsx", "XL", ratio_to="read_calamine",
           ratio=1.3),
    Target("XL loads, scans and exports within 4 GB of memory", "load_xlsx", "XL", memory_mb=4096,
           memory_steps=("load_xlsx", "scan", "html", "figure")),
]


def _target_row(t: Target, results: dict) -> tuple[str, str, str]:
    if t.memory_mb is not None:
        found = [(s, results.get((s, t.size))) for s in t.memory_steps]
        found = [(s, m) for s, m in found if m is not None and m.peak is not None]
        if not found:
            return t.label, "not measured", "–"
        worst_step, worst = max(found, key=lambda sm: sm[1].peak)
        measured = ", ".join(f"{s} {m.peak:,.0f} MB" for s, m in found)
        missing = [s for s in t.memory_steps if s not in dict(found)]
        if missing:
            measured += f" (not measured: {', '.join(missing)})"
        if worst.peak <= t.memory_mb:
            return t.label, measured, f"met ({t.memory_mb / worst.peak:.1f}× headroom)"
        return t.label, measured, f"**missed** by {worst.peak - t.memory_mb:,.0f} MB ({worst_step})"
    m = results.get((t.step, t.size))
    if m is None or m.median is None:
        why = (m.skipped or m.failed) if m is not None else "size not run"
        return t.label, f"not measured: {why}", "–"
    if t.ratio_to:
        base = results.get((t.ratio_to, t.size))
        if base is None or not base.median:
            return t.label, f"{_s(m.median)} (no baseline)", "–"
        r = m.median / base.median
        measured = f"{_s(m.median)} vs {_s(base.median)}: {r:.2f}×"
        if r <= t.ratio:
            return t.label, measured, f"met ({t.ratio / r:.1f}× margin)"
        return t.label, measured, f"**missed** by {r - t.ratio:.2f}× ({m.median - t.ratio * base.median:.2f} s)"
    if m.median <= t.limit:
        return t.label, _s(m.median), f"met ({t.limit / m.median:.1f}× margin)" if m.median else "met"
    return t.label, _s(m.median), f"**missed** by {_s(m.median - t.limit)} ({m.median / t.limit:.1f}× the target)"


def _ratio_text(m: Measure, results: dict) -> str:
    step = STEP_BY_NAME[m.step]
    parts = []
    if m.step == "figure":  # beside the library before this round and beside networkx's drawing
        for base in ("figure_before", "figure_mpl311", "figure_nx"):
            b = results.get((base, m.size))
            if b is not None and b.median and m.median:
                parts.append(f"{m.median / b.median:.2f}× {base.replace('figure_', '')}")
                if base == "figure_before" and m.facts.get("cpu_seconds") and b.facts.get("cpu_seconds"):
                    parts.append(f"CPU time {m.facts['cpu_seconds'] / b.facts['cpu_seconds']:.2f}× before")
    elif m.step in ("load_xlsx", "load_csv"):
        for base in ("read_calamine", "read_openpyxl"):
            b = results.get((base, m.size))
            if b is not None and b.median and m.median:
                parts.append(f"{m.median / b.median:.2f}× {base.split('_')[1]}")
                if m.facts.get("cpu_seconds") and b.facts.get("cpu_seconds"):  # a busy machine: CPU time too
                    parts.append(f"CPU time {m.facts['cpu_seconds'] / b.facts['cpu_seconds']:.2f}× "
                                 f"{base.split('_')[1]}")
    elif step.baseline:
        b = results.get((step.baseline, m.size))
        if b is not None and b.median and m.median:
            name = b.step.replace("draw_", "")
            if b.median == float("inf"):
                parts.append(f"< {m.median / DRAW_TIMEOUT:.3f}× {name}")
            else:
                parts.append(f"{m.median / b.median:.2f}× {name}")
            if m.facts.get("cpu_seconds") and b.facts.get("cpu_seconds"):  # a busy machine: CPU time says more
                parts.append(f"CPU time {m.facts['cpu_seconds'] / b.facts['cpu_seconds']:.2f}×")
    return "; ".join(parts)


def _notes(m: Measure) -> str:
    f = m.facts
    notes = []
    if "nodes" in f:
        notes.append(f"{f['nodes']:,} actors, {f['edges']:,} {'arcs' if f.get('directed') else 'edges'}")
    if f.get("betweenness_sampled"):
        notes.append(f"betweenness sampled (k = {f.get('betweenness_k')}, seed 0)")
    elif "betweenness_sampled" in f:
        notes.append("betweenness exact")
    if "rows" in f:
        notes.append(f"{f['rows']:,} rows")
    if "mb" in f:
        notes.append(f"page {f['mb']} MB")
    if f.get("browser_mb"):
        notes.append(f"Chromium {f['browser_mb']:,} MB")
    if "nodes_shown" in f:
        notes.append(f"{f['nodes_shown']} actors shown")
    if "error" in f:
        notes.append(f"explorer error: {f['error']}")
    if f.get("note"):
        notes.append(f["note"])
    if f.get("page_errors"):
        notes.append("page errors: " + "; ".join(f["page_errors"])[:200])
    if "cpu_seconds" in f:
        notes.append(f"CPU time of the last run {f['cpu_seconds']} s (wall time counts a busy machine too)")
    if "matplotlib_import_seconds" in f:
        notes.append(f"matplotlib imported before the clock (as in a session that has drawn before): "
                     f"{f['matplotlib_import_seconds']} s once")
    if "parts_after" in f:
        notes.append(f"without `{f['removed']}`: {f['parts_after']} part(s)")
    if "evaluations" in f:
        sampled = (f", fragmentation estimated from {f['sampled_sources']} sampled actors during the search"
                   if f["sampled_sources"] else "")
        notes.append(f"{f['evaluations']:,} evaluations over {f['candidates']} candidates{sampled}; "
                     f"score {f['score']} (exact)")
    if "actors_last" in f:
        notes.append(f"last date: {f['actors_last']:,} actors, {f['ties_last']:,} ties")
    if len(m.runs) not in (0, 3) and m.runs:
        notes.append(f"{len(m.runs)} run{'s' if len(m.runs) > 1 else ''}")
    if m.skipped:
        notes.append(f"not available yet: {m.skipped}")
    if m.failed:
        notes.append(f"failed: {m.failed}")
    return "; ".join(notes)


def write_report(results: dict, metas: dict, sizes: list, machine: dict, versions: dict, started: float,
                 load: tuple, args) -> str:
    total = time.time() - started
    lines = [
        "# opgavelab benchmarks",
        "",
        f"Written by `python -m benchmarks.run{' ' + ' '.join(args) if args else ''}` "
        f"on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, in {total / 60:.1f} minutes. "
        "Every step ran in a fresh Python process; times are the median of the runs (three unless noted), "
        "memory is the peak resident set of the step's process (Python, the case and the step). "
        "Cases are synthetic (`benchmarks/generate.py`, seed 1): all actor types and scale levels, regions "
        "and provinces, dated involvement and ties clustered in working groups, national hubs.",
        "",
        "## Machine",
        "",
        f"- CPU: {machine['cpu']}, {machine['cores']} cores; RAM {machine['ram']}; {machine['os']}",
        f"- load average (1 min) at start {load[0]:.2f}, at end {load[1]:.2f} "
        "(the machine is shared with other work; a load above 1 slows single runs)",
        "- " + ", ".join(f"{k} {v}" for k, v in versions.items()),
        f"- commit: {machine['commit']}",
        "",
        "## Targets",
        "",
        "| target | measured | met? |",
        "|---|---|---|",
    ]
    for t in TARGETS:
        label, measured, verdict = _target_row(t, results)
        if measured.startswith("not measured: size not run") or (measured == "not measured" and args):
            continue  # a subset run (python -m benchmarks.run report): only its own targets
        m = results.get((t.step, t.size))
        if m is not None and m.facts.get("cpu_seconds") and m.median:
            measured += f" (CPU time {m.facts['cpu_seconds']:.2f} s)"
        b = results.get((t.step + "_before", t.size))
        if m is not None and m.median and b is not None and b.median:  # the same step with the library before
            cpu = f", CPU time {b.facts['cpu_seconds']:.2f} s" if b.facts.get("cpu_seconds") else ""
            measured += f"; before ({BEFORE_REF}): {_s(b.median)}{cpu}: {m.median / b.median:.2f}× the time"
        lines.append(f"| {label} | {measured} | {verdict} |")
    lines += ["", "## Cases", "", "| size | actors | opgaven | involvement | ties | `groot` | `verkenner` |",
              "|---|---:|---:|---:|---:|---|---|"]
    for size in sizes:
        mt = metas.get(size)
        if mt:
            lines.append(f"| {size} | {mt['n_actors']:,} | {mt['n_opgaven']:,} | {mt['n_involvement']:,} | "
                         f"{mt['n_ties']:,} | {mt['big_actors']:,} actors, {mt['big_pairs']:,} linked pairs | "
                         f"{mt['explorer_actors']:,} actors |")
    for size in sizes:
        lines += ["", f"## {size}", "", "| step | median | runs | peak memory | ratio | notes |",
                  "|---|---:|---|---:|---|---|"]
        for step in STEPS:
            m = results.get((step.name, size))
            if m is None:
                continue
            runs = ", ".join(f"{r:.3f}" if r != float("inf") else f">{DRAW_TIMEOUT}" for r in m.runs) or "–"
            peak = f"{m.peak:,.0f} MB" if m.peak is not None else "–"
            lines.append(f"| {step.label} | {_s(m.median)} | {runs} | {peak} | {_ratio_text(m, results)} | "
                         f"{_notes(m)} |")
    lines += _growth_lines(results, metas, sizes)
    lines += [
        "",
        "## How to read this",
        "",
        "- *ratio* compares with what a user would write without opgavelab: for loading, "
        "`pd.read_excel(path, sheet_name=[5 sheets])` with calamine and with openpyxl (which only read, "
        "opgavelab also validates every cell); for the page, pyvis with its default physics "
        "(`Network(cdn_resources=\"in_line\")`, offline like opgavelab's page), whose stabilisation runs "
        "before the first frame.",
        "- Time-to-drawn runs from navigation to the `file://` page until vis-network's first `afterDrawing` "
        "(opgavelab's page sets `<body data-drawn=\"1\">`), or, for pyvis, until its canvas has a painted pixel "
        "(polled every 50 ms). Browser start-up is not counted.",
        "- Betweenness centrality is exact up to 2,000 actors; above that it samples 500 source actors with "
        "seed 0 (networkx's `k` estimator, the same draw for the same seed), and the scan says so.",
        "- The HTML page and the explorer show at most 2,000 and 500 actors; above that the most central part, "
        "and the page and the explorer say so on screen. *every actor* pages are made with `max_nodes=None`.",
        "- Brokerage runs on the whole actor network as `actor_graph(case)` gives it: directed, because "
        "funding and mandate ties have a direction (an undirected tie counts as two arcs).",
        "",
    ]
    return "\n".join(lines)


def _growth_lines(results: dict, metas: dict, sizes: list) -> list[str]:
    """Each step's time per size and the slope of log(time) against log(actors of the case)."""
    import math

    on_big = {"graph", "scan", "formation", "figure", "figure_before", "figure_mpl311", "figure_nx", "html", "draw_html", "pyvis", "draw_pyvis",
              "centrality", "centrality_nx", "centrality_igraph", "scenario", "key_players"}

    def n(step: str, z: str) -> int:  # what the step works on: `groot`, `verkenner` or the whole case
        key = "big_actors" if step in on_big else "explorer_actors" if step == "explorer" else "n_actors"
        return metas[z][key]

    rows = []
    for step in STEPS:
        pts = [(n(step.name, z), results[(step.name, z)].median) for z in sizes
               if (step.name, z) in results and z in metas and results[(step.name, z)].median
               and results[(step.name, z)].median != float("inf")]
        if len(pts) < 2:
            continue
        xs, ys = [math.log(a) for a, _ in pts], [math.log(t) for _, t in pts]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        sxx = sum((x - mx) ** 2 for x in xs)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx if sxx else float("nan")
        cells = [(_s(results[(step.name, z)].median) if (step.name, z) in results else "–") for z in sizes]
        rows.append(f"| {step.label} | " + " | ".join(cells) + f" | {slope:.2f} |")
    if not rows:
        return []
    return ["", "## Growth", "",
            "Time per size and the fitted exponent *b* of time ∝ n^b (least squares on log-log over the sizes "
            "measured), n being what the step works on: the case's actors for loading and whole-network steps, "
            "`groot`'s actors for the steps on it, `verkenner`'s for the explorer. b ≈ 1 is linear, 2 "
            "quadratic; a b near 0 means fixed costs (start-up, fonts, legend) still dominate.", "",
            "| step | " + " | ".join(sizes) + " | b |", "|---|" + "---:|" * len(sizes) + "---:|", *rows]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("groups", nargs="*", metavar="GROUP",
                        help=f"run only these groups of steps: {', '.join(GROUPS)} (written to "
                             "benchmarks/RESULTS-<groups>.md unless --out is given)")
    parser.add_argument("--sizes", default=None, help="comma-separated sizes (default S,M,L,XL)")
    parser.add_argument("--quick", action="store_true", help="S and M, one run per step")
    parser.add_argument("--repeat", type=int, default=3, help="runs per step (default 3)")
    parser.add_argument("--steps", default=None, help="comma-separated steps (default all)")
    parser.add_argument("--out", default=None, help="the report to write (default benchmarks/RESULTS.md)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--size", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        from benchmarks.generate import SIZES, generate

        meta = generate(SIZES[args.size])
        try:
            result = run_step(args.worker, meta)
        except NotAvailable as exc:
            result = {"skipped": str(exc)}
        except Exception as exc:  # reported in the table, never hidden
            result = {"failed": f"{type(exc).__name__}: {str(exc)[:300]}"}
        print(json.dumps(result, default=str), flush=True)
        return 0

    sizes = [s.strip().upper() for s in (args.sizes or ("S,M" if args.quick else "S,M,L,XL")).split(",")]
    unknown = [s for s in sizes if s not in SIZE_ORDER]
    if unknown:
        parser.error(f"'--sizes' must be among {SIZE_ORDER}, got {unknown}")
    sizes = [s for s in SIZE_ORDER if s in sizes]
    repeat = 1 if args.quick else max(1, args.repeat)
    chosen = None if not args.steps else {s.strip() for s in args.steps.split(",")}
    bad = [g for g in args.groups if g not in GROUPS]
    if bad:
        parser.error(f"groups must be among {list(GROUPS)}, got {bad}")
    if args.groups:
        chosen = (chosen or set()) | {s for g in args.groups for s in GROUPS[g]}
    out_path = args.out or (RESULTS if not args.groups else HERE / f"RESULTS-{'-'.join(args.groups)}.md")
    started = time.time()
    load0 = os.getloadavg()[0]

    def log(text: str) -> None:
        print(text, flush=True)

    log(f"opgavelab benchmarks: sizes {', '.join(sizes)}, {repeat} run(s) per step")
    results: dict = {}
    metas: dict = {}
    for size in sizes:
        if chosen and not any(size in st.sizes and st.name in chosen for st in STEPS):
            continue
        log(f"\n== {size}")
        metas[size] = _prepare(size, log)
        for step in STEPS:
            if size not in step.sizes or (chosen and step.name not in chosen):
                continue
            n = step.repeat or repeat
            if ((size == "XL" and step.name == "read_openpyxl") or (size in ("L", "XL") and step.name == "pyvis")
                    or (size == "L" and step.name in ("centrality_nx", "figure_nx"))):
                n = 1  # slow baselines: one run is enough to give the ratio
            log(f"  {step.name}: {step.label}")
            results[(step.name, size)] = measure(Step(step.name, step.label, step.sizes, step.baseline, step.kind,
                                                      n), size, repeat, log)
    report = write_report(results, metas, sizes, _machine(), _versions(), started, (load0, os.getloadavg()[0]),
                          argv if argv is not None else sys.argv[1:])
    Path(out_path).write_text(report, encoding="utf-8")
    log(f"\nwrote {out_path} in {(time.time() - started) / 60:.1f} minutes")
    shutil.rmtree(WORK, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
