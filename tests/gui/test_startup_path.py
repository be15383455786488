"""The real launcher reaches its first frame and names each start-up step.

What start-up may cost is guarded by the benchmark (benchmarks/bench_startup.py, against a bare
PySide6 window), not by tests that forbid ordinary imports.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def first_frame(real_db_path: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What the real launcher had built when it printed READY (a fresh process)."""
    tmp = tmp_path_factory.mktemp("probe")
    report = tmp / "report.json"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        SSEREF_DATA_DIR=str(tmp / "user"),
        SSEREF_STARTUP_TRACE="1",
    )
    done = subprocess.run(
        [sys.executable, "-m", "tests.gui.startup_probe", str(real_db_path), str(report)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return {**json.loads(report.read_text("utf-8")), "stderr": done.stderr}


def test_the_startup_trace_names_each_step(first_frame: dict[str, Any]) -> None:
    steps = [
        line.split("  ")[0]
        for line in first_frame["stderr"].splitlines()
        if line.startswith("startup: ")
    ]
    assert steps[0] == "startup: before run_gui (CPU time)"
    assert steps[-1] == "startup: show, first frame"
    assert "startup: build the window" in steps
