"""Makes sure a usable search index exists: missing, stale or damaged → rebuilt with progress."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from sseref.core.db import Database
from sseref.core.i18n import _
from sseref.core.paths import shipped_index_dir, user_dirs
from sseref.gui.background import BackgroundTask


def user_index_dir() -> Path:
    return user_dirs().ensure().cache / "index"


def index_problem(folder: Path, db: Database) -> str | None:
    """Why the index in `folder` cannot serve this database ("missing", "stale"), or None."""
    from sseref.search.indexer import read_manifest
    from sseref.search.schema import INDEX_SCHEMA_VERSION

    manifest = read_manifest(folder)
    if manifest is None:
        return "missing"
    if (
        manifest.get("data_version") != db.meta().get("data_version")
        or manifest.get("index_schema") != INDEX_SCHEMA_VERSION
    ):
        return "stale"
    return None


def rebuild(db_path: Path, target: Path, progress: Any) -> None:
    """Indexes every record into `target` (runs on a worker thread with its own connection)."""
    from sseref.search.indexer import build_index

    db = Database(db_path)
    try:
        total = sum(db.counts().values())
        build_index(
            db.iter_records(),
            target,
            total=total,
            data_version=db.meta().get("data_version", ""),
            progress=progress,
            symbols=db.symbols(),
        )
    finally:
        db.close()


def prepare_engine(
    parent: QWidget | None, db: Database, ready: Callable[[Any | None, Exception | None], None]
) -> BackgroundTask | None:
    """Opens the search engine: the shipped index if current, else the user's index, rebuilt
    on a worker thread behind a progress dialog when missing, stale or damaged.

    Calls `ready(engine, None)` or `ready(None, error)`; returns the running task, if any.
    """
    from sseref.search.engine import SearchEngine, SearchIndexError

    shipped = shipped_index_dir()
    if shipped.is_dir() and index_problem(shipped, db) is None:
        try:
            ready(SearchEngine(shipped), None)
            return None
        except SearchIndexError:
            pass
    target = user_index_dir()
    problem = index_problem(target, db)
    if problem is None:
        try:
            ready(SearchEngine(target), None)
            return None
        except SearchIndexError:
            problem = "damaged"
    label = {
        "missing": _("Preparing the search index for the first time…"),
        "stale": _("The data has changed: updating the search index…"),
    }.get(problem or "", _("The search index was damaged: rebuilding it…"))

    def done(_result: Any, error: Exception | None) -> None:
        if error is not None:
            ready(None, error)
            return
        try:
            ready(SearchEngine(target), None)
        except SearchIndexError as exc:
            ready(None, exc)

    task = BackgroundTask(parent, label, lambda progress: rebuild(db.path, target, progress))
    task.finished.connect(done)
    return task.start()
