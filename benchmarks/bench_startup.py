"""Start-up benchmark: launch → interactive main window, against a bare PySide6 window.

Both are fresh processes, measured the same way in the same run, alternating: from spawning
the process to the line "READY" it prints once its window is shown and events are processed.
Usage: .venv/bin/python benchmarks/bench_startup.py [--rounds 7] [--database DB] [--write]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE = """
import sys, time
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("hello"))
window.show()
app.processEvents()
print("READY", flush=True)
"""


def _time_to_ready(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
                            text=True, cwd=ROOT)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("READY"):
            elapsed = time.perf_counter() - start
            break
    else:
        raise RuntimeError(f"{cmd} never became ready (exit {proc.wait()})")
    proc.wait(timeout=60)
    return elapsed


def _database(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    sys.path.insert(0, str(ROOT))
    from sseref.core import paths
    from sseref.core.db import Database

    bundled = paths.database_path()
    if bundled.is_file():
        db = Database(bundled)
        count = sum(db.counts().values())
        db.close()
        if count:
            return bundled
    from sseref.ingest.build import build_database

    return build_database(ROOT / "data", Path(tempfile.mkdtemp()) / "sseref.db").database


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--database")
    parser.add_argument("--write", action="store_true",
                        help="write the figures to docs/benchmarks/startup.md")
    args = parser.parse_args()
    env = dict(os.environ, SSEREF_BENCH_READY="1",
               SSEREF_DATA_DIR=tempfile.mkdtemp(prefix="sseref-bench-"))
    # An installed program runs from compiled bytecode; let the warm-up round write it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    database = _database(args.database)
    app_cmd = [sys.executable, "-m", "sseref", "--database", str(database)]
    bare_cmd = [sys.executable, "-c", BARE]
    _time_to_ready(bare_cmd, env)  # warm the file cache for both
    _time_to_ready(app_cmd, env)
    bare, app = [], []
    for _ in range(args.rounds):
        bare.append(_time_to_ready(bare_cmd, env))
        app.append(_time_to_ready(app_cmd, env))
    rows = [("bare PySide6 window (one QLabel)", bare), ("SSE Ref main window", app)]
    ratio = statistics.median(app) / statistics.median(bare)
    platform_name = env.get("QT_QPA_PLATFORM") or ("xcb" if env.get("DISPLAY") else "?")
    lines = [
        f"Start-up to an interactive window, {args.rounds} alternating rounds, "
        f"Qt platform `{platform_name}`, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs.",
        "",
        "| program | median (s) | min (s) | max (s) |",
        "|---|---:|---:|---:|",
        *[f"| {name} | {statistics.median(v):.3f} | {min(v):.3f} | {max(v):.3f} |"
          for name, v in rows],
        "",
        f"**Ratio (median SSE Ref / median bare): {ratio:.2f}** (target ≤ 1.5)",
    ]
    text = "\n".join(lines)
    print(text)
    if args.write:
        out = ROOT / "docs" / "benchmarks" / "startup.md"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("# Start-up benchmark\n\nMeasured by `benchmarks/bench_startup.py`: each "
                       "program is a fresh process; the clock runs from spawning it to the "
                       "\"READY\" line it prints once its main window is shown and its events "
                       "are processed. SSE Ref opens its search index after that moment, in "
                       "the background.\n\n" + text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
