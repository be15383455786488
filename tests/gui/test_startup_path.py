"""The start-up path stays lean: what the first frame needs, and nothing PySide builds for more.

The figures behind these rules are in docs/benchmarks/startup.md: building PySide's `Qt`
namespace type creates 93 Python enums (about 25 ms), so the first frame must not touch it.
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


def test_the_first_frame_does_not_build_the_qt_namespace(first_frame: dict[str, Any]) -> None:
    built = [e for e in first_frame["enum_types"] if e.startswith("PySide6.QtCore.Qt.")]
    assert not first_frame["qt_namespace_built"], built[:5]


def test_the_first_frame_builds_no_qfont_type(first_frame: dict[str, Any]) -> None:
    """Titles are bold through a small style sheet: the QFont type costs PySide some 1.6 ms."""
    assert "PySide6.QtGui.QFont.Weight" not in first_frame["enum_types"]


def test_the_first_frame_loads_no_search_printing_or_report_code(
    first_frame: dict[str, Any],
) -> None:
    loaded = set(first_frame["modules"])
    assert "sseref.gui.panels.organizations" in loaded  # the default first panel, shown
    for module in (
        "sseref.search",
        "sseref.gui.search_panel",
        "sseref.gui.printing",
        "sseref.report.sheets",
        "sseref.gui.panels.history",
        "sseref.gui.dialogs",
        "sseref.gui.record_html",
        "sseref.core.citation",
        "sseref.ingest",
    ):
        assert module not in loaded


def test_the_first_frame_defines_no_dataclass_and_loads_no_babel(
    first_frame: dict[str, Any],
) -> None:
    """Whole records (dataclasses, written and compiled at import) load with the first one;
    lists use NamedTuples. Dates in lists come from the CLDR subset, not Babel."""
    assert "sseref.core.models" not in first_frame["modules"]
    assert first_frame["stdlib"] == []


def test_the_startup_trace_names_each_step(first_frame: dict[str, Any]) -> None:
    steps = [
        line.split("  ")[0]
        for line in first_frame["stderr"].splitlines()
        if line.startswith("startup: ")
    ]
    assert steps[0] == "startup: before run_gui (CPU time)"
    assert steps[-1] == "startup: show, first frame"
    assert "startup: build the window" in steps


def test_pyside_reads_no_module_source_at_start_up(first_frame: dict[str, Any]) -> None:
    """PySide's import hook would read each new module's source (see launch)."""
    assert first_frame["pyside_source_scan"] == "_uses_no_feature"
