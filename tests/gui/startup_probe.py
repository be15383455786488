"""Runs the real launcher to its first frame and reports what it had built by then (as JSON).

Used by tests/gui/test_startup_path.py in a fresh process. What start-up may cost is the
benchmark's business (benchmarks/bench_startup.py), not a list of forbidden modules.
Usage: python -m tests.gui.startup_probe DATABASE REPORT.json
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path
from typing import Any


def snapshot() -> dict[str, Any]:
    """Our modules loaded by the first frame (a record of it, not a limit)."""
    return {"modules": sorted(m for m in sys.modules if m.startswith("sseref"))}


class _ReadyWatcher(io.TextIOBase):
    """Stands for stdout: takes the snapshot the moment the launcher prints READY."""

    def __init__(self, report: Path) -> None:
        self.report = report
        self.taken = False

    def write(self, text: str) -> int:
        if text.startswith("READY") and not self.taken:
            self.taken = True
            self.report.write_text(json.dumps(snapshot(), indent=1), encoding="utf-8")
        return len(text)


def main() -> int:
    database, report = sys.argv[1], Path(sys.argv[2])
    os.environ["SSEREF_BENCH_READY"] = "1"
    watcher = _ReadyWatcher(report)
    sys.stdout = watcher
    from sseref.app.cli import main as sseref_main

    code = sseref_main(["--database", database])
    return int(code) if watcher.taken else 3


if __name__ == "__main__":
    raise SystemExit(main())
