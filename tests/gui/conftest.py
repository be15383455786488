"""GUI fixtures: a wired main window on the fixture database, a search engine, key helpers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

# The offscreen platform reports these for every top-level window shown or raised; they are
# about the platform the tests run on, not warnings of ours.
IGNORED_QT_MESSAGES = (
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/gui" in str(item.fspath).replace("\\", "/"):
            # One marker with every pattern: pytest-qt reads the closest marker only.
            item.add_marker(pytest.mark.qt_log_ignore(*IGNORED_QT_MESSAGES))


@pytest.fixture(scope="session")
def fixture_index(fixture_db_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A search index of the fixture database, built once."""
    from sseref.core.db import Database
    from sseref.search.indexer import build_index

    target = tmp_path_factory.mktemp("fixture-index") / "index"
    db = Database(fixture_db_path)
    try:
        build_index(db.iter_records(), target, data_version=db.meta()["data_version"])
    finally:
        db.close()
    return target


@pytest.fixture
def engine(fixture_index: Path) -> Iterator[Any]:
    from sseref.search.engine import SearchEngine

    eng = SearchEngine(fixture_index)
    yield eng
    eng.close()


@pytest.fixture
def make_window(qtbot: Any, fixture_db: Any) -> Iterator[Any]:
    """Builds wired main windows (several for restart tests); closes them afterwards."""
    from sseref.gui.wiring import after_first_frame, build_main_window

    made: list[Any] = []

    def make(runner: Any = None, db: Any = None) -> Any:
        window = build_main_window(db or fixture_db, runner)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        after_first_frame(window)  # as the launcher does
        made.append(window)
        return window

    yield make
    for window in made:
        if window.isVisible():
            window.close()
        else:
            window.search_panel.shutdown()
        window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def window(make_window: Any, engine: Any) -> Any:
    from sseref.gui.search_service import EngineRunner

    return make_window(EngineRunner(engine))
