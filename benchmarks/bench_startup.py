"""Start-up benchmark: launch → interactive main window, against a bare PySide6 window.

Both are fresh processes, measured the same way in the same run, alternating: from spawning
the process to the line "READY" it prints once its window is shown and events are processed.
This machine's speed drifts over a run (a shared virtual machine), so besides the ratio of the
two medians the table gives the median of the per-round ratios: each round's two starts are
seconds apart and share the machine's state of the moment.
Usage: .venv/bin/python benchmarks/bench_startup.py [--rounds 21] [--database DB] [--write]
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


DOC_HEAD = """# Start-up benchmark

Measured by `benchmarks/bench_startup.py`: each program is a fresh process; the clock runs from
spawning it to the "READY" line it prints once its main window is shown and its pending events
(the first frame) are processed. At that moment SSE Ref shows its menus, toolbar, navigation
rail, the first panel's filters and the first screenful of its table; it then opens its search
index in the background.

"""
DOC_TAIL = """## Where the time goes, and what was done about it

`SSEREF_STARTUP_TRACE=1 sseref` prints each step's time (the frozen program too). What the
first frame no longer pays for:

- **PySide's `Qt` namespace** (93 Python enums, about 25 ms): the first frame never touches it.
  Column titles come from a C++ header model, sorting follows the header's own indicator,
  item roles are plain ints, enum properties are set by name (`sseref.gui.qtvalues`), and the
  system's colour scheme is read after the first frame (then followed live).
  `tests/gui/test_startup_path.py` starts the real launcher and fails if the namespace, or the
  search, printing, report or record-page code, is loaded before the first frame.
- **An application-wide style sheet** (about 10 ms, and slower repaints): the rail, titles and
  chips have small sheets of their own, muted text and the focus of lists use the palette.
- **Seven Python calls per painted cell**: the table model answers a cell's roles in one
  `multiData` call.
- **Work the first frame does not show**: the rich-text record browser is built with the first
  record (an empty-state label stands in), the text boxes' clear buttons after the first frame,
  panels and the search page when first shown, the record page's HTML code with the first
  record, Qt's translations only for Spanish and French.
- **The bundle** leaves multiprocessing out: PyInstaller's runtime hook imported it at every
  start.
- **Dataclasses** (about 1 ms each: Python writes and compiles their methods at import): list
  rows and filters are NamedTuples (`sseref.core.listing`), whole records (`core.models`) load
  with the first record, and nothing else on the start path is a dataclass. `calendar`,
  `locale` and `datetime` stay out of the start path where our code brought them in.
- **Sorting names with a Python SQL function**: the database stores folded (accent- and
  case-free) keys of names and aliases at build time; lists sort and filter by them.
- **PySide's import hook** reads the whole source of every module imported after PySide,
  to look for opt-in `__feature__` switches the program never uses (about 4 ms from a source
  install, none in the bundle): the launcher turns that scan off (`launch.skip_pyside_source_scan`).
- **Translating the menus three times**, and a bold `QFont` for panel titles (PySide builds the
  `QFont` type and its enums, about 1.6 ms): the actions are translated once, titles use a
  small style sheet.

What remains is the price of a real window, measured on a quiet machine: our modules and the
Qt types they use (about 14 ms), building the window (about 20 ms: the menus, whose global-menu
probe asks D-Bus, and the first panel with its four filters and its SQL queries), painting a
full first frame (about 10 ms more than one label, 5 of them for the table's text), and the
command-line parser (about 3 ms).
"""


def _time_to_ready(cmd: list[str], env: dict[str, str], marker: str = "READY") -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True, cwd=ROOT
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.split(" ", 1)[0].strip() == marker:
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
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--database")
    parser.add_argument(
        "--write", action="store_true", help="write the figures to docs/benchmarks/startup.md"
    )
    args = parser.parse_args()
    env = dict(
        os.environ, SSEREF_BENCH_READY="1", SSEREF_DATA_DIR=tempfile.mkdtemp(prefix="sseref-bench-")
    )
    # An installed program runs from compiled bytecode; let the warm-up round write it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    database = _database(args.database)
    app_cmd = [sys.executable, "-m", "sseref", "--database", str(database)]
    bare_cmd = [sys.executable, "-c", BARE]
    _time_to_ready(bare_cmd, env)  # warm the file cache for both
    _time_to_ready(app_cmd, env)
    search_env = dict(env, SSEREF_BENCH_READY="search")
    _time_to_ready(app_cmd, search_env, "SEARCH-READY")  # the search index, opened once
    bare, app, usable = [], [], []
    for _ in range(args.rounds):
        bare.append(_time_to_ready(bare_cmd, env))
        app.append(_time_to_ready(app_cmd, env))
        usable.append(_time_to_ready(app_cmd, search_env, "SEARCH-READY"))
    rows = [
        ("bare PySide6 window (one QLabel)", bare),
        ("SSE Ref main window, first frame", app),
        ("SSE Ref, first search answered", usable),
    ]
    ratio = statistics.median(app) / statistics.median(bare)
    paired = statistics.median(a / b for a, b in zip(app, bare, strict=True))
    search_ratio = statistics.median(usable) / statistics.median(bare)
    search_paired = statistics.median(a / b for a, b in zip(usable, bare, strict=True))
    platform_name = env.get("QT_QPA_PLATFORM") or ("xcb" if env.get("DISPLAY") else "?")
    lines = [
        f"Start-up to an interactive window, {args.rounds} alternating rounds, "
        f"Qt platform `{platform_name}`, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs.",
        "",
        "| program | median (s) | min (s) | max (s) |",
        "|---|---:|---:|---:|",
        *[
            f"| {name} | {statistics.median(v):.3f} | {min(v):.3f} | {max(v):.3f} |"
            for name, v in rows
        ],
        "",
        f"**First frame / bare window: {ratio:.2f}** (ratio of the medians); median of the "
        f"per-round ratios: **{paired:.2f}** (target ≤ 1.5)",
        "",
        f"**Search usable / bare window: {search_ratio:.2f}** (ratio of the medians); median "
        f'of the per-round ratios: **{search_paired:.2f}** (target ≤ 2.0). "Usable" is the '
        "moment the window's search engine has opened the index and answered a first query "
        "(`SSEREF_BENCH_READY=search`).",
        "",
        "All rounds (s): bare "
        + ", ".join(f"{x:.3f}" for x in bare)
        + "; SSE Ref "
        + ", ".join(f"{x:.3f}" for x in app)
        + "; search usable "
        + ", ".join(f"{x:.3f}" for x in usable)
        + ".",
    ]
    text = "\n".join(lines)
    print(text)
    if args.write:
        out = ROOT / "docs" / "benchmarks" / "startup.md"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(DOC_HEAD + text + "\n\n" + DOC_TAIL, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
