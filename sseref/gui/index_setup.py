"""Makes sure a usable search index exists: missing, stale or damaged → rebuilt with progress."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QWidget

from sseref.core.db import Database
from sseref.core.i18n import _
from sseref.core.paths import ensure_writable, index_cache_dir, index_dir_for
from sseref.gui.background import BackgroundTask
from sseref.search.errors import SearchIndexError

if TYPE_CHECKING:
    from sseref.gui.mainwindow import MainWindow
    from sseref.gui.search_service import EngineRunner
    from sseref.search.remote import EngineProcess, Opened

log = logging.getLogger(__name__)
FIRST_OPEN_WAIT = 0.1  # seconds (see SearchStart.start)


def user_index_dir() -> Path:
    """The rebuilt index's folder in the user's cache (UserFolderError if not writable): the
    command line's folder too (`search.lifecycle`), so each uses the index the other built."""
    target = index_cache_dir()
    ensure_writable(target.parent)
    return target


def index_problem(
    folder: Path, db: Database, *, count: bool = True, expected: dict[str, Any] | None = None
) -> str | None:
    """Why the index in `folder` cannot serve this database ("missing", "stale", "corrupt"),
    or None: the check of `search.lifecycle`, the command line's and the search process's."""
    from sseref.search.lifecycle import index_problem as problem

    return problem(folder, db, count=count, expected=expected)


def rebuild(db_path: Path, target: Path, progress: Any) -> None:
    """Indexes every record into `target` as the command line does (`search.lifecycle`); runs
    on a worker thread, with a connection of its own."""
    from sseref.search.lifecycle import rebuild as rebuild_index

    db = Database(db_path)
    try:
        rebuild_index(db, target, progress)
    finally:
        db.close()


def prepare_engine(
    parent: QWidget | None,
    db: Database,
    ready: Callable[[Any | None, Exception | None], None],
    *,
    force: bool = False,
) -> BackgroundTask | None:
    """Opens the search engine in this process: the shipped index if current, else the
    user's index, rebuilt on a worker thread behind a progress dialog when missing, stale or
    damaged (always when `force`: a search found the open index damaged).

    Calls `ready(engine, None)` or `ready(None, error)`; returns the running task, if any.
    """
    from sseref.search.engine import SearchEngine
    from sseref.search.lifecycle import expected_manifest, open_checked

    problem: str | None = "damaged"
    if not force:
        expected = expected_manifest(db)
        shipped = index_dir_for(db.path)  # the index that came with the database opened
        if shipped.is_dir():
            engine, _why = open_checked(shipped, db, expected)
            if engine is not None:
                ready(engine, None)
                return None
        try:
            target = user_index_dir()
        except OSError as exc:  # UserFolderError, naming the folder
            ready(None, exc)
            return None
        from sseref.search.indexer import clean_stale

        clean_stale(target)  # folders left by interrupted rebuilds
        engine, problem = open_checked(target, db, expected)
        if engine is not None:
            ready(engine, None)
            return None

    def open_rebuilt(target: Path) -> None:
        try:
            ready(SearchEngine(target), None)
        except SearchIndexError as exc:
            ready(None, exc)

    return rebuild_with_progress(parent, db, problem, open_rebuilt, ready)


def rebuild_with_progress(
    parent: QWidget | None,
    db: Database,
    problem: str | None,
    then: Callable[[Path], None],
    ready: Callable[[Any | None, Exception | None], None],
) -> BackgroundTask | None:
    """Rebuilds the user's index on a worker thread behind a progress dialog saying why
    (`problem`), then calls `then(folder)`; a failure goes to `ready(None, error)`."""
    try:
        target = user_index_dir()
    except OSError as exc:  # UserFolderError, naming the folder
        ready(None, exc)
        return None
    label = {
        "missing": _("Preparing the search index for the first time…"),
        "stale": _("The data has changed: updating the search index…"),
    }.get(problem or "", _("The search index was damaged: rebuilding it…"))

    def done(_result: Any, error: Exception | None) -> None:
        if error is not None:
            ready(None, error)
        else:
            then(target)

    task = BackgroundTask(parent, label, lambda progress: rebuild(db.path, target, progress))
    task.finished.connect(done)
    return task.start()


class IndexHealer(QObject):
    """A search found the open index damaged: rebuild it with progress, then search again.

    `report()` may be called from the search thread; the rebuild starts on the UI thread.
    """

    damaged = Signal()

    def __init__(
        self,
        parent: QWidget,
        db: Database,
        ready: Callable[[Any | None, Exception | None], None],
        rebuild: Callable[[], BackgroundTask | None] | None = None,
    ) -> None:
        """`rebuild` starts the rebuild (the window's search process opens the result);
        without it the rebuilt index is opened in this process."""
        super().__init__(parent)
        self._parent = parent
        self._db = db
        self._ready = ready
        self._start_rebuild = rebuild
        self.task: BackgroundTask | None = None
        self.damaged.connect(self._rebuild, Qt.ConnectionType.QueuedConnection)

    def report(self) -> None:
        self.damaged.emit()

    def _rebuild(self) -> None:
        if self.task is not None and self.task.running:
            return  # one rebuild at a time; later reports are the same damage
        if self._start_rebuild is not None:
            self.task = self._start_rebuild()
        else:
            self.task = prepare_engine(self._parent, self._db, self._ready, force=True)


class _Relay(QObject):
    """Carries the search process's answers, read on another thread, to the UI thread."""

    arrived = Signal(object)

    def __init__(self, parent: QObject, handle: Callable[[Any], None]) -> None:
        super().__init__(parent)
        self._handle = handle
        self.arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def send(self, value: Any) -> None:
        """Hands `value` over now when on the UI thread (an answer that came before the
        window asked: search is ready at once, not after the events already queued)."""
        if QThread.currentThread() is self.thread():
            self._handle(value)
        else:
            self.arrived.emit(value)

    @Slot(object)
    def _deliver(self, value: Any) -> None:
        self._handle(value)


class SearchStart:
    """The window's search: opens (or rebuilds) the index after the first frame, hands each
    ready engine to the window, and rebuilds when a search finds the index damaged.

    With `process` (the search process `app.launch` started before the window), the index is
    opened there, usually already by the time the first frame is shown; a rebuild still runs
    here, with its progress dialog, and the process opens the result. Without it, or when the
    process fails, the index is opened in this process.
    """

    def __init__(
        self,
        window: MainWindow,
        on_ready: Callable[[Any], None] | None = None,
        process: EngineProcess | None = None,
    ) -> None:
        self.window = window
        self.on_ready = on_ready  # told of each engine made ready (the benchmark answers one)
        self.process = process
        self.engine: Any = None
        self.runner: EngineRunner | None = None
        self.healer = IndexHealer(window, window.db, self._ready, rebuild=self._heal)
        self.task: BackgroundTask | None = None
        self._relay = _Relay(window, self._opened)
        self._rebuilt = False  # the process was asked to open an index rebuilt here
        window.destroyed.connect(lambda *_a: self.close())

    def start(self) -> None:
        if self.process is None:
            self.task = prepare_engine(self.window, self.window.db, self._ready)
            return
        # The search comes first after the first frame (it is what the user reaches for): a
        # process about to answer is waited for briefly, so that its answer is not queued
        # behind the window's other after-frame work.
        self.process.wait_open(FIRST_OPEN_WAIT)
        self.process.when_open(self._relay.send)

    def close(self) -> None:
        if self.runner is not None:
            self.runner.close()
            self.runner = None
        if self.engine is not None:
            self.engine.close()
            self.engine = None
        if self.process is not None:
            self.process.close()

    def _heal(self) -> BackgroundTask | None:
        if self.process is None or not self.process.alive:  # searching in this process
            return prepare_engine(self.window, self.window.db, self._ready, force=True)
        return rebuild_with_progress(
            self.window, self.window.db, "damaged", self._open_rebuilt, self._ready
        )

    def _open_rebuilt(self, folder: Path) -> None:
        assert self.process is not None
        self._rebuilt = True
        self.process.open_folder(folder, self._relay.send)

    def _opened(self, opened: Opened) -> None:
        """The search process's answer to an open (on the UI thread)."""
        status, detail = opened
        if self.process is None:
            return  # closed meanwhile
        if status == "ready":
            self._rebuilt = False
            self._ready(self.process, None)
        elif status == "problem" and not self._rebuilt:
            self.task = rebuild_with_progress(
                self.window, self.window.db, detail, self._open_rebuilt, self._ready
            )
        elif status == "problem":
            self._ready(None, SearchIndexError(_("The rebuilt search index cannot be read.")))
        else:
            log.warning("Searching in the window's process: %s", detail)
            self.process.close()
            self.process = None
            db = self.window.db
            self.task = prepare_engine(self.window, db, self._ready, force=self._rebuilt)

    def _ready(self, engine: Any | None, error: Exception | None) -> None:
        from sseref.gui.search_service import EngineRunner

        window = self.window
        if engine is None:
            window.show_message(_("Search is unavailable: {error}").format(error=error))
            return
        previous, self.engine = self.engine, engine
        old_runner, self.runner = self.runner, EngineRunner(engine, on_damaged=self.healer.report)
        window.set_search_runner(self.runner)
        if old_runner is not None:
            old_runner.close()
        if previous is not None and previous is not engine:  # a damaged index replaced
            previous.close()
        window.show_message(_("Ready"))
        if self.on_ready is not None:
            self.on_ready(engine)
