"""Start-up benchmark: launch → interactive main window, against a bare PySide6 window.

Both are fresh processes, measured the same way in the same run, alternating: from spawning
the process to the line "READY" it prints once its window is shown and events are processed.
This machine's speed drifts over a run (a shared virtual machine), so besides the ratio of the
two medians the table gives the median of the per-round ratios: each round's two starts are
seconds apart and share the machine's state of the moment.
Usage: .venv/bin/python benchmarks/bench_startup.py [--rounds 21] [--database DB] [--frozen]
[--write]. With --frozen, the one-folder bundles built by build/build.py are measured too
(SSE Ref against the frozen bare window of build/hello.spec), in the same run.
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
rail, the first panel's filters and the first screenful of its table. "Search usable" runs on
to the moment the window's search engine has the index open and has answered a first query
asked after the first frame. Since 2026-12-08 that engine runs in a child process started
before the window imports Qt (see "The search process" below).

"""
DOC_TAIL = """## How the budget is kept

The budget is this benchmark (first frame ≤ 1.5× a bare window, search usable ≤ 2×), not tests
that forbid ordinary imports: the tests that failed when a module was loaded before the first
frame, and the launcher's monkeypatch of PySide's import hook, are gone. The code is plain
PySide6; where it misses the budget, a profile (`python -X importtime`, cProfile,
`SSEREF_STARTUP_TRACE=1 sseref`) finds the cost and it is fixed where it is.

## Where "search usable" goes after the first frame, and what was done

From the first frame to the first search answered took about 230-280 ms before the changes
below and about 195 ms after them (11 rounds, same machine, 2026-12-07). Measured with
`-X importtime` and timers around each step (quiet moments; the shared machine's figures
drift by tens of per cent):

- **Walking the whole index vocabulary** (about 100 ms): the engine used to read every word of
  the index through Whoosh's term iterator at each start, for prefix completion and "Did you
  mean". The indexer now writes the vocabulary beside the index (`vocabulary.json`, words in
  the index's order with their document frequencies), listed and digested in the index
  manifest like every other index file; the engine reads it in a few milliseconds and refuses
  a damaged one (the index is then rebuilt). Ranking is unchanged: the words and frequencies
  are the same (`tests/search/test_vocabulary.py`, `tests/search/test_relevance.py`).
- **Digesting the whole index at each start** (17 MB, about 25 ms): the window still compares
  every index file with its digest, but once a file's digest has matched, its size and
  modification time are remembered in the user's cache and an unchanged file is not read
  again (a file rewritten, even at the same size, is). The command line's check reads every
  byte.
- **Opening the index twice** (about 15 ms): the start-up check opened the index only to count
  its documents, then the engine opened it again; the count is now compared on the open engine.
- **Still paid, and why the target is not met**: importing the search code (about 90-130 ms),
  of which Whoosh's own imports are most: `whoosh.compat` imports `urllib.request` (and with it
  `http.client`, `email`, `ssl`), `whoosh.reading` imports the `cached_property` package, which
  imports `asyncio`, and `whoosh.query` imports `whoosh.lang.morph_en`, which compiles six very
  large regular expressions. Loading that code on a worker thread while the window is built was
  tried and measured: the interpreter lock made the first frame about 50% slower, so it is not
  done. Since 2026-12-07 (evening) the search is opened first after the first frame; the
  window's other work (its start page, the colour scheme, the personal layer: about 100 ms
  under the profiler, 50-60 ms without) comes after it. Opening and checking the index
  takes about 25 ms and the first query about 10 ms.

## The search process (2026-12-08)

After the changes above, what was left of "search usable" was importing the search code
(about 100-130 ms, most of it Whoosh's own imports), opening the index (about 30 ms) and the
query, all on the window's thread after the first frame; on a thread during the window's
build the interpreter lock made the first frame about 50% slower. Now the launcher starts a
search process before it imports Qt (`sseref/search/spawn.py`: only `subprocess` is loaded
for it; the index to open is in its arguments). On the other core it imports Whoosh and
opens the index while the window is built; after the first frame the window attaches to it
(`search/remote.py`) and finds the answer waiting in the pipe. The process runs at a lower
priority (nice 10): at full priority it made the first frame 13-60% slower when other work
was running (the shared machine's other sessions, the X server); niced, the first frame took
as long as without it. It costs the launcher 4-6 ms before the first frame (the step
"start the search process" of `SSEREF_STARTUP_TRACE=1`); a first version that loaded the
client and its pickle and logging modules before the first frame cost 15-20 ms.

Measured back to back at 01:18-01:19 UTC on 2026-12-08 (load average 0.8-0.9 on 2 CPUs),
7 alternating rounds, twice, with `main` (e5ea0c8, the first-frame work merged) and this
tree, and this tree with `SSEREF_SEARCH_PROCESS=0` (the window's own process, as before):

| tree | first frame (s) | search usable (s) |
|---|---:|---:|
| main (e5ea0c8) | 0.283, 0.280 (2.10×, 2.15×) | 0.461, 0.468 (3.42×, 3.59×) |
| search process | 0.291, 0.268 (2.16×, 2.06×) | 0.331, 0.302 (2.45×, 2.31×) |
| same tree, `SSEREF_SEARCH_PROCESS=0` | 0.285, 0.282 (2.12×, 2.16×) | 0.443, 0.450 (3.28×, 3.45×) |

Search is now usable about 30 ms after the first frame: the query answered in the process
(10-20 ms) and the pipe. Under load (load average 1.5-2, other sessions' test suites
running) the niced process gets little CPU: search usable measured 0.45-0.53 s, no better
than before, and the first frame 0.29-0.37 s against main's 0.27-0.32 (one 7-round run, with
the earlier launcher that loaded the client before the first frame; not repeated under load).
The 2× target now depends on the first frame: the search follows it closely.

## The frozen programs (2026-12-08)

What users start is the one-folder bundle, so `--frozen` measures it in the same run against
the bare window frozen with the same options (`build/hello.spec`). The first measurement
(01:47 UTC, load average 0.4) gave first frame 2.15× and search usable **3.71×**: the frozen
search process took as long as searching in the window (`SSEREF_SEARCH_PROCESS=0`: 0.30 s
after `run_gui` against 0.32-0.34 s). Its cost was PyInstaller's runtime hook for PySide6,
which imports `PySide6.QtCore` at every start of the frozen program to register a `qt.conf`
that PySide6's wheel registers itself: the search process, the document reader and every
command-line call (`sseref --help`: 0.15 s frozen against 0.06 s from the source tree)
loaded Qt for nothing, and the multiprocessing hook imported multiprocessing (7-10 ms).
Both hooks are replaced by `build/rthooks/pyi_rth_sseref_qt.py`, which sets Qt's plugin
path without importing Qt (`build/pyi_common.py`; the frozen self-test's window check and the
xcb window open as before): frozen `sseref --help` 0.09 s, frozen search usable **2.35×**
(first frame 2.11×; 7 rounds at 01:50 UTC, load average 0.6).

## Against the tree of the evening's start, in the same conditions

Run back to back at 23:12-23:14 UTC on 2026-12-07 (load average 6.6 on 2 CPUs: every time is
about three times its quiet value, the ratios less so), 11 rounds each: the tree at the
start of the evening (c342748: 567 records, enum values as strings, the start page before
the search) gave first frame 2.13× and search usable 3.83× (per-round 4.01×); this tree
(808 records, plain PySide6, the search opened first, the report layer's Jinja2 at the first
frame) gave 2.12× and 3.06× (per-round 3.61×). To reproduce: `git archive c342748` into a
folder, `sseref build-data` there with `PYTHONPATH` set to it, then this script in each.

## The first frame, profiled (2026-12-08, night)

Measured on a quiet machine (load average 0.4-1.2) with `SSEREF_STARTUP_TRACE=1`,
`python -X importtime`, cProfile stopped at the "READY" line, and wall-clock timers wrapped
around single functions (cProfile doubles the cost of small Python calls, so the figures
below are the timers', medians of 3 runs). The bare window takes 0.125-0.135 s; SSE Ref's
first frame took about 0.150 s more on 2026-12-08 00:30 (8b8b5ea), and about 0.130 s more
after the changes below.

- **Sizing the first panel's columns** (14-15 ms at the first show, 4 calls): its first
  `viewport()` call cost 5-10 ms, because PySide, wrapping a `QWidget` it has not seen,
  looks for its Python type through every `QWidget` class of QtWidgets and builds their
  enum types on the way (47 of them); and the widths were measured through Qt's model
  interface (384 `data()` calls). Now the table keeps the width its viewport's last resize
  event gave (a scroll area's `resizeEvent` is its viewport's), and the texts are read from
  the model's fetched rows (`RecordTableModel.texts`): 3.6-4.3 ms; `show_first` went from
  18-19 ms to 7-8 ms. The widths are the same (screenshots of the first frame before and
  after are identical, pixel for pixel, in English/light and French/dark).
- **Painting types for the record page's mini timeline** (QPainter, QImage, QPen: about
  1.5 ms of PySide type set-up): the strip is now drawn by `gui.timeline`, loaded with the
  first record page that has one.
- **JSON for a panel without filters**: the window wrote "{}" and read it back at the next
  start, importing `json` before the first frame (about 2 ms); a panel without filters now
  keeps nothing.
- **Babel** (the first panel's dates, the status bar's "Data as of", the counts): importing
  it costs about 12 ms (`babel.core` with `pickle` and `decimal`, `babel.dates` with
  `zoneinfo`), and the first date formatted loads the locale's CLDR data (`en_GB` merges
  the pickles of root, en, en_001 and en_GB: 13-14 ms). After that, 64 dates format in
  0.7 ms, so a cached pattern per language would save under 1 ms; not done. An experiment
  that printed the dates and counts raw (not kept: the first frame must show them as it
  does) gave 1.86x instead of 2.06x (11 alternating rounds).
- **PySide's `Qt` namespace** (93 enum types, about 14 ms the first time `Qt` is read) and
  the enum types of the other Qt classes the window shows (about 120 more, about 13 ms;
  the bare window builds 40). Left: any PySide program that uses these classes pays it.
- **PySide's import hook** reads the source of every module imported after PySide
  (`shibokensupport/feature.py`, `_mod_uses_pyside`, `inspect.getsource`): 78 modules
  before the first frame, 9-10 ms. A frozen build has no sources, so it pays none of it.
  Left: it is PySide's.
- **Building the window**: the menu bar (3-7 ms, Qt), the first panel (about 12 ms: its
  module, five filter boxes filled from the database, the table and its first block of
  rows). The first text layout (about 6 ms, fonts) now comes when the splitter first sizes
  the record pane; the bare window pays it too, when it shows.
- **The database's quick check** (4-8 ms, most of it the first read of its pages). Run on
  a thread while the window's code loads (SQLite lets go of the interpreter lock), it
  measured no faster: 41.2 against 41.0 ms for the two steps (12 alternating runs), so it
  stays before the window. Deferring it after the first frame was not done: the window
  would be built on a damaged database.

**Why 1.5x is not reached (and why the budget is left to a decision).** At 0.128 s for the
bare window, 1.5x is 0.192 s; the first frame is at about 0.256-0.262 s (2.00-2.06x, against
2.14-2.18x for 8b8b5ea in the same minutes). What remains is the work of showing this window:
even without Babel, the `Qt` namespace and PySide's source scan, none of which plain code can
leave out, it would be about 1.7x. The search now follows the first frame by 20-30 ms (the
query itself), so it stays above 2x while the first frame is above about 1.8x. Meeting the
budget needs either the devices this benchmark replaced, or a first frame that shows less (no
localized dates and counts until after it, menus filled on first opening), which changes what
a user sees at start: that is the product owner's choice, not a profile's.

Earlier (2026-12-07): the start-up devices that hid the `Qt` cost (enum values as strings,
imports inside functions) were removed without moving the first frame; `sseref.report`'s
package `__init__` no longer imports Jinja2 and the templates for the window's labels.
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


def _frozen(name: str) -> Path:
    """A one-folder bundle built by build/build.py (pyi-dist/NAME/NAME)."""
    suffix = ".exe" if sys.platform == "win32" else ""
    exe = ROOT / "pyi-dist" / name / f"{name}{suffix}"
    if name == "sseref" and sys.platform == "win32":
        exe = exe.with_name("sseref-cli.exe")  # the windowed sseref.exe has no stdout
    if not exe.is_file():
        raise SystemExit(
            f"{exe} is missing: build the bundles first (build/build.sh, then "
            "`.venv/bin/python -m PyInstaller --noconfirm --distpath pyi-dist "
            "--workpath pyi-work/hello build/hello.spec` for the frozen bare window)"
        )
    return exe


def measure(
    title: str, bare_cmd: list[str], app_cmd: list[str], env: dict[str, str], rounds: int
) -> list[str]:
    """One table: a bare window, SSE Ref's first frame and its first search, alternating."""
    _time_to_ready(bare_cmd, env)  # warm the file cache for both
    _time_to_ready(app_cmd, env)
    search_env = dict(env, SSEREF_BENCH_READY="search")
    _time_to_ready(app_cmd, search_env, "SEARCH-READY")  # the search index, opened once
    bare, app, usable = [], [], []
    load = os.getloadavg()[0]
    for _ in range(rounds):
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
    return [
        f"### {title}",
        "",
        f"{rounds} alternating rounds, Qt platform `{platform_name}`, Python "
        f"{platform.python_version()}, {os.cpu_count()} CPUs, load average {load:.1f} at the "
        "start.",
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
        "",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--database")
    parser.add_argument(
        "--frozen",
        action="store_true",
        help="also the frozen bundles: pyi-dist/sseref against the frozen bare window "
        "pyi-dist/hello (what users start)",
    )
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
    lines = measure(
        "From the source tree (`python -m sseref` against `python -c` a bare window)",
        bare_cmd,
        app_cmd,
        env,
        args.rounds,
    )
    if args.frozen:
        # What users start: the one-folder bundles, SSE Ref with its own data, and the bare
        # window frozen with the same options (build/hello_world.py, build/hello.spec).
        frozen_env = {k: v for k, v in env.items() if not k.startswith("PYTHON")}
        frozen_env["SSEREF_DATA_DIR"] = tempfile.mkdtemp(prefix="sseref-bench-frozen-")
        lines += measure(
            "The frozen one-folder programs (`pyi-dist/sseref/sseref` against "
            "`pyi-dist/hello/hello`)",
            [str(_frozen("hello"))],
            [str(_frozen("sseref"))],
            frozen_env,
            args.rounds,
        )
    text = "\n".join(lines)
    print(text)
    if args.write:
        out = ROOT / "docs" / "benchmarks" / "startup.md"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(DOC_HEAD + text + "\n" + DOC_TAIL, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
