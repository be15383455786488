"""The window searches through its search process; a killed process is restarted or replaced."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from sseref.gui.models import ID_ROLE
from sseref.search.remote import EngineProcess
from tests.gui.guihelpers import type_text
from tests.search.test_remote import damaged_child


def _painted(window: Any) -> list[str]:
    model = window.search_panel.model
    return [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]


def _search(qtbot: Any, window: Any, query: str) -> Any:
    window.search_box.clear()
    window.focus_search()
    type_text(qtbot, window.search_box, query)
    panel = window.search_panel
    qtbot.waitUntil(
        lambda: panel.outcome is not None and panel.outcome.text == query, timeout=30000
    )
    return panel.outcome


def _wait_dead(process: EngineProcess, qtbot: Any) -> None:
    qtbot.waitUntil(lambda: not process.alive, timeout=10000)


def test_the_window_searches_through_its_process_and_survives_its_death(
    make_window: Any,
    qtbot: Any,
    fixture_db_path: Path,
    fixture_index: Path,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from sseref.search.engine import SearchEngine

    process = EngineProcess(fixture_db_path, shipped=fixture_index, cache=tmp_path / "cache")
    window = make_window()
    window.start_search(process=process)
    qtbot.waitUntil(lambda: window.search_runner is not None, timeout=30000)
    runner = window.search_runner
    assert runner.engine is process
    outcome = _search(qtbot, window, "cooperatives")
    assert outcome.error is None and "org/alpha" in _painted(window)
    row = next(r for r in outcome.hits if r.id == "org/alpha")
    assert "<b>cooperatives</b>" in row.snippet_html()  # the snippet made in the process
    # The user's notes join the search (the process reads the user database).
    assert runner.user_index is not None
    window.personal.store.set_note("term/cooperative", "Zanzibar workshop notes")
    _search(qtbot, window, "zanzibar")
    assert _painted(window) == ["term/cooperative"]

    # Killed: the next search starts it again and answers.
    first = process.pid
    os.kill(first or 0, signal.SIGKILL)
    _wait_dead(process, qtbot)
    outcome = _search(qtbot, window, "beta")
    assert outcome.error is None and any(i.startswith("org/beta") for i in _painted(window))
    assert process.restarts == 1 and process.alive and process.pid != first

    # Killed again: the window searches in its own process, and says so in the log.
    os.kill(process.pid or 0, signal.SIGKILL)
    _wait_dead(process, qtbot)
    with caplog.at_level(logging.WARNING):
        outcome = _search(qtbot, window, "gamma")
    assert outcome.error is None and "init/gamma" in _painted(window)
    assert isinstance(runner.engine, SearchEngine)
    assert "Searching in the window's process" in caplog.text
    _search(qtbot, window, "zanzibar")  # the notes still join
    assert _painted(window) == ["term/cooperative"]
    window.close()


def test_closing_the_window_ends_the_process(
    make_window: Any, qtbot: Any, fixture_db_path: Path, fixture_index: Path, tmp_path: Path
) -> None:
    process = EngineProcess(fixture_db_path, shipped=fixture_index, cache=tmp_path / "cache")
    window = make_window()
    start = window.start_search(process=process)
    qtbot.waitUntil(lambda: window.search_runner is not None, timeout=30000)
    child = process._proc
    start.close()  # what the window's destruction does
    assert child is not None and child.poll() is not None  # ended and reaped: no zombie
    window.close()


def test_damage_met_in_the_process_is_rebuilt_with_progress(
    make_window: Any, qtbot: Any, fixture_db_path: Path, fixture_index: Path, tmp_path: Path
) -> None:
    """A search in the process meets a damaged index: the window's IndexHealer rebuilds it
    here with progress, the process opens the rebuilt index, and search answers again."""
    shipped = tmp_path / "shipped"
    shutil.copytree(fixture_index, shipped)
    process = EngineProcess(
        fixture_db_path,
        shipped=shipped,
        cache=tmp_path / "cache",
        command=damaged_child(shipped),
    )
    window = make_window()
    start = window.start_search(process=process)
    qtbot.waitUntil(lambda: window.search_runner is not None, timeout=30000)
    first_runner = window.search_runner
    outcome = _search(qtbot, window, "alpha")
    assert outcome.error and "damaged" in outcome.error
    qtbot.waitUntil(lambda: window.search_runner is not first_runner, timeout=60000)
    assert start.healer.task is not None  # rebuilt behind a progress dialog
    assert window.search_runner.engine is process and process.folder != shipped
    outcome = _search(qtbot, window, "alpha ")
    assert outcome.error is None and "org/alpha" in _painted(window)
    window.close()


NO_WHOOSH = """
import sys
from pathlib import Path
from sseref.gui.search_service import EngineRunner
from sseref.search.remote import EngineProcess

database, index = Path(sys.argv[1]), Path(sys.argv[2])
with EngineProcess(database, shipped=index, cache=None) as process:
    opened = []
    process.when_open(opened.append)
    while not opened:
        pass
    outcome = EngineRunner(process)("alpha", {"kind": "organization"}, lambda: True)
    assert "org/alpha" in [row.id for row in outcome.hits], outcome
    assert outcome.hits[0].snippet_html()
print(sorted(name for name in sys.modules if name.split(".")[0] == "whoosh"))
"""


def test_searching_through_the_process_imports_no_whoosh_here(
    fixture_db_path: Path, fixture_index: Path
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", NO_WHOOSH, str(fixture_db_path), str(fixture_index)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_missing_index_is_rebuilt_here_and_opened_there(
    make_window: Any, qtbot: Any, fixture_db_path: Path, tmp_path: Path
) -> None:
    """First start without a usable index: the process says so, the window rebuilds it with
    progress (in its own process), then the process opens the rebuilt index."""
    from sseref.gui.index_setup import user_index_dir

    target = user_index_dir()
    process = EngineProcess(fixture_db_path, shipped=tmp_path / "none", cache=target)
    window = make_window()
    start = window.start_search(process=process)
    qtbot.waitUntil(lambda: window.search_runner is not None, timeout=60000)
    assert start.task is not None  # the rebuild ran behind its progress dialog
    assert window.search_runner.engine is process and process.folder == target
    outcome = _search(qtbot, window, "alpha")
    assert outcome.error is None and "org/alpha" in _painted(window)
    window.close()


def test_a_process_that_dies_at_start_leaves_search_to_the_window(
    make_window: Any,
    qtbot: Any,
    fixture_db_path: Path,
    fixture_index: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The process ends before it answers its open: the window opens the index itself."""
    from sseref.gui import index_setup
    from sseref.search.engine import SearchEngine

    monkeypatch.setattr(index_setup, "index_dir_for", lambda _db_path: fixture_index)
    process = EngineProcess(
        fixture_db_path,
        shipped=fixture_index,
        cache=tmp_path / "cache",
        command=[sys.executable, "-c", "import sys; sys.exit(3)"],
    )
    window = make_window()
    window.start_search(process=process)
    qtbot.waitUntil(lambda: window.search_runner is not None, timeout=30000)
    assert isinstance(window.search_runner.engine, SearchEngine)
    outcome = _search(qtbot, window, "alpha")
    assert outcome.error is None and "org/alpha" in _painted(window)
    assert not process.alive
    window.close()
