"""The explorer in a real browser: JupyterLab in headless Chromium, timed inside the page.

Used by ``python -m benchmarks.run explorer`` (steps ``explorer_browser`` and
``explorer_play``). One JupyterLab server per run, with its own temporary
config, data, runtime and home folders, a free port on 127.0.0.1 and a token,
stopped by process group also on failure (the pattern of ``tests/e2e``). Its
kernel imports the opgavelab of the checkout the benchmark runs from
(``PYTHONPATH``), compiled to bytecode first as an installed package is.

What is timed (``performance.now()`` in the page, so Python's polling adds nothing):

* *cell run to drawn*: from the Shift+Enter that runs the notebook's cell
  ``import opgavelab`` / ``opgavelab.Explorer(opgavelab.example())`` until
  the explorer's picture (the formation view, its default) has drawn: its SVG
  holds the actors and the year, and the browser has painted the frame after
  (a ``requestAnimationFrame`` and the task after it). Three ways: *warm*, the
  kernel already started and idle (nothing imported yet: what a user has who
  opens the notebook and runs the cell); *again*, the same cell run a second
  time in that kernel; *cold*, Restart Kernel and Run All Cells from the
  click on Restart (a new Python process, so the imports too).
* *play step*: ▶ in the explorer plays the years; each step from the moment
  the year slider moves in the page (the Play widget advanced it) to the
  formation view having drawn that year's first frame: the slider's value
  goes to the kernel, the explorer scans that year and sends the year to the
  view, which starts gliding. Median and max over all steps.
"""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # the servers are the browser tests' own (tests/_servers.py)
    sys.path.insert(0, str(ROOT))
from tests._servers import Server, bin_path, free_port, isolated_env  # noqa: E402
CELL = "import opgavelab\nopgavelab.Explorer(opgavelab.example())"
TIMEOUT = int(os.environ.get('OPGAVELAB_BENCH_TIMEOUT', 120))  # seconds for anything to appear

# Installed before any page script: time stamps of the user's action and of the explorer having drawn.
HOOKS = """(() => {
  window.__obl = {action: null, drawn: [], steps: {}, stepsDrawn: {}};
  const stamp = () => { window.__obl.action = performance.now(); };
  document.addEventListener('keydown', (e) => { if (e.key === 'Enter') stamp(); }, true);
  document.addEventListener('mousedown', stamp, true);
  const painted = (cb) => requestAnimationFrame(() => setTimeout(() => cb(performance.now()), 0));
  const fresh = (svg) => !svg.hasAttribute('data-bench-old');
  const seen = new WeakSet();
  const check = () => {
    for (const svg of document.querySelectorAll('.opgavelab-explorer .olf-svg[data-year]')) {
      if (!fresh(svg) || seen.has(svg) || !svg.querySelector('.olf-node')) continue;
      seen.add(svg);
      painted((t) => window.__obl.drawn.push({t, year: svg.getAttribute('data-year')}));
    }
  };
  const onYear = (svg) => {
    const year = svg.getAttribute('data-year');
    if (window.__obl.playing && fresh(svg) && !(year in window.__obl.stepsDrawn))
      painted((t) => { if (!(year in window.__obl.stepsDrawn)) window.__obl.stepsDrawn[year] = t; });
  };
  const onReadout = (el) => {
    const year = (el.textContent || '').trim();
    if (window.__obl.playing && year && !(year in window.__obl.steps)) window.__obl.steps[year] = performance.now();
  };
  new MutationObserver((records) => {
    check();
    for (const r of records) {
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (!el) continue;
      if (r.type === 'attributes' && el.classList.contains('olf-svg')) onYear(el);
      const readout = el.closest('.opgavelab-explorer .widget-readout');
      if (readout) onReadout(readout);
    }
  }).observe(document, {subtree: true, childList: true, characterData: true, attributes: true,
                         attributeFilter: ['data-year']});
})();"""


class _Lab(Server):
    """JupyterLab in its own process group, with its own folders; ``stop`` ends it by pid."""

    def __init__(self, base: Path):
        env = isolated_env(base)
        env.pop("MPLBACKEND", None)  # as in a user's kernel
        # the kernel imports the opgavelab of this checkout (the environment's editable install may point elsewhere)
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
        self.root = base / "notebooks"
        self.root.mkdir(parents=True, exist_ok=True)
        self.port, self.token = free_port(), secrets.token_hex(16)
        args = [bin_path("jupyter"), "lab", "--no-browser", "--ServerApp.ip=127.0.0.1",
                f"--ServerApp.port={self.port}", f"--IdentityProvider.token={self.token}",
                "--ServerApp.port_retries=0", f"--ServerApp.root_dir={self.root}", "--LabApp.news_url=",
                "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
        if os.geteuid() == 0:
            args.append("--allow-root")
        super().__init__(args, self.root, env, f"http://127.0.0.1:{self.port}", base / "jupyterlab.log")

    def wait_ready(self) -> None:
        super().wait_ready(f"{self.url}/api/status?token={self.token}", timeout=TIMEOUT)


def _notebook(path: Path) -> None:
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(CELL)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)


def _mark_old(page) -> None:
    page.evaluate("""() => {
        for (const svg of document.querySelectorAll('.olf-svg')) svg.setAttribute('data-bench-old', '1');
        window.__obl.drawn = []; window.__obl.action = null;
    }""")


def _wait_drawn(page) -> tuple[float, str]:
    """Seconds from the user's action to the explorer drawn, and the year it shows."""
    page.wait_for_function("() => window.__obl.drawn.length > 0 && window.__obl.action !== null", polling=50,
                           timeout=TIMEOUT * 1000)
    first, action = page.evaluate("() => [window.__obl.drawn[0], window.__obl.action]")
    return (first["t"] - action) / 1000, first["year"]


def _run_cell(page) -> tuple[float, str]:
    _mark_old(page)
    page.locator(".jp-NotebookPanel:visible .jp-Cell .jp-InputArea-editor").first.click()
    _mark_old(page)  # the click stamped an action; the key press below is the one timed
    page.keyboard.press("Shift+Enter")
    return _wait_drawn(page)


def _kernel_idle(page) -> None:
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=TIMEOUT * 1000)


def _restart_and_run(page) -> tuple[float, str]:
    """Kernel ▸ Restart Kernel and Run All Cells…, timed from the click on Restart."""
    import re

    _mark_old(page)
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Kernel$")).first.click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Restart Kernel and Run All Cells")).first.click()
    accept = page.locator(".jp-Dialog .jp-mod-accept").first
    accept.wait_for(timeout=TIMEOUT * 1000)
    _mark_old(page)
    accept.click()
    return _wait_drawn(page)


def _play(page) -> dict:
    """▶ from the first year to the last: per step the time from the slider moving to the year drawn."""
    last = page.evaluate("""() => {
        const s = document.querySelector('.opgavelab-explorer .widget-readout');
        return s ? s.textContent.trim() : null;
    }""")  # the slider stands at the last year
    page.evaluate("() => { window.__obl.steps = {}; window.__obl.stepsDrawn = {}; window.__obl.playing = true; }")
    start = time.time()
    page.locator(".opgavelab-explorer .widget-play button").first.click()
    # the explorer's Play starts at the first year when it stands at the last; wait until it stops at the last
    try:
        page.wait_for_function(f"() => window.__obl.stepsDrawn[{last!r}] !== undefined", polling=100,
                               timeout=TIMEOUT * 1000)
    except Exception:
        state = page.evaluate("() => [window.__obl.steps, window.__obl.stepsDrawn]")
        raise RuntimeError(f"▶ did not reach {last} in {TIMEOUT} s: slider {state[0]}, drawn {state[1]}") from None
    steps, drawn = page.evaluate("() => [window.__obl.steps, window.__obl.stepsDrawn]")
    page.evaluate("() => { window.__obl.playing = false; }")
    times = {y: (drawn[y] - steps[y]) / 1000 for y in steps if y in drawn}
    return {"step_seconds": {y: round(t, 3) for y, t in sorted(times.items())},
            "play_wall": round(time.time() - start, 1)}


def measure(chromium: str, chromium_args: list, *, cold: bool = True, play: bool = True) -> dict:
    """One JupyterLab, one Chromium: the explorer's cell timed warm, again, cold, and ▶ played."""
    from playwright.sync_api import sync_playwright

    import compileall

    # the package's bytecode, as an installed package has it (pip compiles at install; without it every
    # import of opgavelab compiles its sources again, ~0.2 s, when PYTHONDONTWRITEBYTECODE is set)
    compileall.compile_dir(str(ROOT / "opgavelab"), quiet=1)
    out: dict = {}
    with tempfile.TemporaryDirectory(prefix="opgavelab-bench-lab-") as tmp:
        base = Path(tmp)
        lab = _Lab(base)
        try:
            _notebook(lab.root / "verkenner.ipynb")
            lab.wait_ready()
            with sync_playwright() as pw:
                context = pw.chromium.launch_persistent_context(
                    str(base / "chromium-profile"), executable_path=chromium, headless=True, args=chromium_args,
                    viewport={"width": 1400, "height": 1000})
                try:
                    context.add_init_script(HOOKS)
                    page = context.pages[0] if context.pages else context.new_page()
                    errors: list[str] = []
                    page.on("pageerror", lambda e: errors.append(str(e)))
                    page.goto(f"{lab.url}/lab/workspaces/bench/tree/verkenner.ipynb?reset&token={lab.token}")
                    _kernel_idle(page)
                    time.sleep(1.0)  # the kernel's idle status settles; the page has nothing else to do
                    out["warm"], out["year"] = _run_cell(page)
                    _kernel_idle(page)
                    if play:
                        time.sleep(0.5)
                        out.update(_play(page))
                        _kernel_idle(page)
                    out["again"], _ = _run_cell(page)
                    _kernel_idle(page)
                    if cold:
                        out["cold"], _ = _restart_and_run(page)
                    if errors:
                        out["page_errors"] = errors[:3]
                finally:
                    context.close()
        finally:
            lab.stop()
    return out
