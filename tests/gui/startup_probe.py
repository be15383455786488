"""Runs the real launcher to its first frame and reports what it had built by then (as JSON).

Used by tests/gui/test_startup_path.py in a fresh process: what PySide builds lazily (types,
their enums) and what Python imports before the window is interactive is the start-up cost.
Usage: python -m tests.gui.startup_probe DATABASE REPORT.json
"""

from __future__ import annotations

import enum
import gc
import io
import json
import os
import sys
from pathlib import Path
from typing import Any


def snapshot() -> dict[str, Any]:
    """What exists now: the Qt namespace type, PySide's enum types, our modules."""
    from PySide6 import QtCore

    enums = sorted(
        {
            f"{t.__module__}.{t.__qualname__}"
            for t in gc.get_objects()
            if isinstance(t, enum.EnumMeta) and t.__module__.startswith("PySide6")
        }
    )
    return {
        "qt_namespace_built": "Qt" in vars(QtCore),
        "enum_types": enums,
        "modules": sorted(m for m in sys.modules if m.startswith("sseref")),
        "stdlib": sorted(m for m in ("dataclasses", "calendar", "babel") if m in sys.modules),
    }


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
