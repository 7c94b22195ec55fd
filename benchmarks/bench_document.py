"""How long the note for a policy advisor takes: example case, opgave 'economie', from a cold start.

    python -m benchmarks.bench_document            # 3 runs, each in a fresh Python process
    python -m benchmarks.bench_document --pdf      # also the conversion to PDF (needs LibreOffice)

Each run imports opgavelab, loads the example, scans the opgave and writes
the .docx (figures at 200 dpi) in a new process, as ``opgavelab report
--document`` does; the median counts. Target: under 10 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time

_RUN = """
import time, sys
t0 = time.perf_counter()
import opgavelab
case = opgavelab.example()
scan = opgavelab.scan(case, "economie", lang=sys.argv[2])
t1 = time.perf_counter()
path = scan.to_docx(sys.argv[1] + "/economie-notitie.docx")
t2 = time.perf_counter()
if sys.argv[3] == "1":
    from opgavelab._document import docx_to_pdf
    docx_to_pdf(path)
t3 = time.perf_counter()
print(f"{t1 - t0:.3f} {t2 - t1:.3f} {t3 - t2:.3f}")
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--lang", default="nl")
    ap.add_argument("--pdf", action="store_true")
    args = ap.parse_args(argv)
    totals, parts = [], []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            res = subprocess.run([sys.executable, "-c", _RUN, out, args.lang, "1" if args.pdf else "0"],
                                 capture_output=True, text=True, check=True)
            totals.append(time.perf_counter() - start)
            parts.append([float(x) for x in res.stdout.split()])
    med = statistics.median(totals)
    load_scan, docx, pdf = (statistics.median(p[i] for p in parts) for i in range(3))
    print(f"note for 'economie' ({args.lang}): median {med:.2f} s of {args.repeat} cold runs "
          f"(import+load+scan {load_scan:.2f} s, .docx {docx:.2f} s" + (f", PDF {pdf:.2f} s" if args.pdf else "")
          + f"); runs: {', '.join(f'{t:.2f}' for t in totals)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
