"""Fact-sheet benchmark: time per sheet (HTML, and HTML → PDF) and for a 50-record meeting pack.

Run from the checkout:  .venv/bin/python benchmarks/bench_factsheets.py [--database DB]
It uses the real dataset's database (built if missing) and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sseref.core.db import Database  # noqa: E402
from sseref.report.compose import compose  # noqa: E402


def _database(path: str | None) -> Database:
    if path:
        return Database(Path(path))
    from sseref.ingest.build import build_database

    target = Path(tempfile.mkdtemp()) / "sseref.db"
    build_database(ROOT / "data", target)
    return Database(target)


def _ms(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
    return f"{statistics.median(values) * 1000:.1f} | {p95 * 1000:.1f} | {values[-1] * 1000:.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database")
    parser.add_argument("--pack-size", type=int, default=50)
    args = parser.parse_args()

    from sseref.gui.printing import ensure_gui_app, render_pdf

    ensure_gui_app()
    db = _database(args.database)
    ids = db.ids()
    out = Path(tempfile.mkdtemp()) / "bench.pdf"
    render_pdf(db, ids[:1], out, "en", "a4")  # warm-up: fonts, catalogs

    html_times, pdf_times, pages = [], [], []
    for record_id in ids:
        start = time.perf_counter()
        compose(db, [record_id], "en").html()
        html_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        pages.append(render_pdf(db, [record_id], out, "en", "a4").pages)
        pdf_times.append(time.perf_counter() - start)

    step = max(1, len(ids) // args.pack_size)
    pack_ids = ids[::step][: args.pack_size]
    pack_runs = []
    for lang, bilingual in (("en", None), ("es", None), ("fr", "en")):
        start = time.perf_counter()
        result = render_pdf(
            db, pack_ids, out, lang, "a4", bilingual=bilingual, meeting_name="Benchmark meeting"
        )
        pack_runs.append(
            (lang, bilingual, time.perf_counter() - start, result.pages, out.stat().st_size)
        )

    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.platform()}"
    )
    print(
        f"Records: {len(ids)} (sheets of 1 page: {pages.count(1)}, 2+: "
        f"{len(pages) - pages.count(1)})\n"
    )
    print("| step (one sheet, English, A4) | median ms | p95 ms | max ms |")
    print("|---|---|---|---|")
    print(f"| HTML (report layer) | {_ms(html_times)} |")
    print(f"| HTML → PDF file (total) | {_ms(pdf_times)} |")
    print()
    print(f"| meeting pack of {len(pack_ids)} records | seconds | pages | PDF size |")
    print("|---|---|---|---|")
    for lang, bilingual, seconds, n_pages, size in pack_runs:
        label = f"{lang}" + (f" + {bilingual} side by side" if bilingual else "")
        print(f"| {label} | {seconds:.2f} | {n_pages} | {size / 1024:.0f} KiB |")
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
