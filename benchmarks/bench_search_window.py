"""Search in the window, on the real data: per-keystroke time through the call the window
makes, and key press to painted results in the real window (run it under Xvfb).

Each query is typed key by key. For every key:
- `engine`: the runner the window uses (`EngineRunner`, 60 results, facets, the interface
  language), every cache cleared first (cold) and again with the caches the program keeps
  (warm), plus the snippets of the first 10 rows (what a painted page computes);
- `window`: from the key event sent to the search box to the end of the first paint of the
  result list showing that text's results (debounce, thread hand-off, model reset, paint).

Usage: xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python benchmarks/bench_search_window.py
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from typing import Any

QUERIES = [
    "bapa",
    "buenos aires plan of action",
    "tcdc conference",
    "cepal",
    "économie sociale et solidaire",
    "OIT",
    "plan de acción de buenos aires",
    "organisation internationale du travail",
    "58/220",
    "nairobi outcome",
    "ley economia social",
    "task force sse",
]


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def per_keystroke(engine: Any) -> dict[str, list[float]]:
    from sseref.gui.search_service import EngineRunner

    runner = EngineRunner(engine)
    out: dict[str, list[float]] = {"cold": [], "warm": []}
    for mode in ("cold", "warm"):
        for query in QUERIES:
            for n in range(1, len(query) + 1):
                text = query[:n]
                if not text.strip():
                    continue
                if mode == "cold":
                    engine.clear_caches()
                else:
                    engine.clear_cache()
                t0 = time.perf_counter()
                outcome = runner(text, {}, lambda: True)
                for row in outcome.hits[:10]:
                    row.snippet_html()
                out[mode].append((time.perf_counter() - t0) * 1000)
    return out


def key_to_paint(db: Any, engine: Any) -> list[float]:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from sseref.gui.search_service import EngineRunner
    from sseref.gui.wiring import after_first_frame, build_main_window

    window = build_main_window(db, EngineRunner(engine))
    window.show()
    after_first_frame(window)
    QApplication.processEvents()
    panel = window.search_panel
    painted: dict[str, float] = {}

    class PaintWatch(QObject):
        """Notes when the list paints the results of the text typed."""

        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and panel.outcome is not None:
                painted.setdefault(panel.outcome.text, time.perf_counter())
            return False

    watch = PaintWatch()
    panel.list.viewport().installEventFilter(watch)
    times: list[float] = []
    for query in QUERIES:
        window.search_box.clear()
        QApplication.processEvents()
        window.focus_search()
        for n, ch in enumerate(query, 1):
            text = query[:n]
            painted.pop(text, None)
            t0 = time.perf_counter()
            QTest.keyClicks(window.search_box, ch) if ch.isascii() else window.search_box.insert(ch)
            deadline = t0 + 5
            while text not in painted and time.perf_counter() < deadline:
                QApplication.processEvents()
                time.sleep(0.0005)
            if text in painted and text.strip():
                times.append((painted[text] - t0) * 1000)
            # A pause as between two keys typed at a meeting (~ 5 keys per second).
            until = time.perf_counter() + 0.2
            while time.perf_counter() < until:
                QApplication.processEvents()
                time.sleep(0.002)
    window.close()
    return times


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-window", action="store_true", help="engine figures only")
    args = parser.parse_args(argv)
    from sseref.core import paths
    from sseref.core.db import Database
    from sseref.search.lifecycle import open_engine

    db = Database(paths.database_path())
    engine = open_engine(db)
    rows = []
    for mode, values in per_keystroke(engine).items():
        rows.append((f"engine per keystroke, {mode}", values))
    if not args.no_window:
        from sseref.gui.theme import new_application

        app = new_application(sys.argv[:1])
        rows.append(("key press → painted results (window)", key_to_paint(db, engine)))
        app.quit()
    print(f"Real data ({engine.doc_count()} records), {len(QUERIES)} queries typed key by key.")
    print()
    print("| measure | keys | p50 ms | p95 ms | max ms |")
    print("|---|---:|---:|---:|---:|")
    for name, values in rows:
        print(
            f"| {name} | {len(values)} | {statistics.median(values):.1f} | "
            f"{_p(values, 0.95):.1f} | {max(values):.1f} |"
        )
    engine.close()
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
