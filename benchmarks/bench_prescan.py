"""What the pre-scan of a workbook costs (issue 20), and what the caps save.

    python -m benchmarks.bench_prescan

Builds the 200,000-tie workbook of ``tests/test_bad_corpus.py`` (58 MB of
sheet XML) and times the pre-scan (``scan_xlsx``: the bounded check, one
regular-expression search per megabyte, when every cell is spelled
``<c r="A1"`` inside the header's columns x ``max_cells // columns`` rows;
else the quick scan, every reference collected), the exact expat scan (used
otherwise) and a whole ``load``; then a 1 MB zip that unzips past the default
``max_bytes``: its refusal time and peak memory (VmHWM), each in a fresh process.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _fresh(code: str) -> dict:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, cwd=ROOT)
    if done.returncode:
        raise RuntimeError(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


_PEAK = """
    def peak_mb():
        with open("/proc/self/status") as fh:
            return int(next(l for l in fh if l.startswith("VmHWM:")).split()[1]) / 1024
"""


def main() -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from test_bad_corpus import big_case, write_big_xlsx
    from test_hardening import _padded_workbook

    with tempfile.TemporaryDirectory() as tmp:
        big = write_big_xlsx(Path(tmp) / "groot.xlsx", big_case())
        bomb = _padded_workbook(Path(tmp) / "opgeblazen.xlsx", 1_100_000_000)
        rows = []
        for label, call in [
            ("pre-scan, 200,000 ties", "from opgavelab import _prescan as p; p.scan_xlsx(PATH, p.Limits())"),
            ("exact scan, 200,000 ties", "from opgavelab import _prescan as p; import zipfile\n"
             "    with zipfile.ZipFile(PATH) as zf:\n"
             "        for i in zf.infolist():\n"
             "            if 'worksheets/' in i.filename: p._scan_sheet(zf, i, i.filename, p.Limits(), [10**10, 10**10])"),
            ("load, 200,000 ties", "import opgavelab\n    try: opgavelab.load(PATH)\n    except opgavelab.ValidationError: pass"),
        ]:
            result = _fresh(_PEAK + f"""
    import time
    PATH = {str(big)!r}
    t = time.perf_counter()
    {call}
    import json; print(json.dumps({{"s": time.perf_counter() - t, "mb": peak_mb()}}))
    """)
            rows.append((label, result))
        result = _fresh(_PEAK + f"""
    import time, opgavelab
    t = time.perf_counter()
    try: opgavelab.load({str(bomb)!r})
    except opgavelab.ReadError: pass
    import json; print(json.dumps({{"s": time.perf_counter() - t, "mb": peak_mb()}}))
    """)
        rows.append((f"refuse a {bomb.stat().st_size / 1e6:.1f} MB zip of 1.1 GB XML", result))
    for label, r in rows:
        print(f"{label:45s} {r['s']:7.2f} s  {r['mb']:7.0f} MB peak")


if __name__ == "__main__":
    main()
