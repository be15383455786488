"""The composition root of the desktop program: display check, one instance, database, window."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sseref.core import paths
from sseref.core.i18n import _

if TYPE_CHECKING:
    from sseref.gui.mainwindow import MainWindow

EXIT_OK, EXIT_FAIL = 0, 1
# Benchmarks: "1" prints "READY <seconds>" at the first frame, then quits; "search" also waits
# until a first search has been answered and prints "SEARCH-READY <seconds>", then quits.
ENV_BENCH = "SSEREF_BENCH_READY"
ENV_TRACE = "SSEREF_STARTUP_TRACE"  # print each start-up step's time and CPU time to stderr
SECOND_START_WAIT = 2.0  # seconds a second start waits for the running window to come forward


class StartupTrace:
    """Times the steps to the first frame (SSEREF_STARTUP_TRACE=1), frozen program included."""

    def __init__(self) -> None:
        self.on = bool(os.environ.get(ENV_TRACE))
        self.last = time.perf_counter()
        if self.on:  # the CPU time so far covers the interpreter and imports before main
            self._print("before run_gui (CPU time)", time.process_time())

    def step(self, name: str) -> None:
        if self.on:
            now = time.perf_counter()
            self._print(name, now - self.last)
            self.last = now

    @staticmethod
    def _print(name: str, seconds: float) -> None:
        print(
            f"startup: {name:32s} {seconds * 1000:7.1f} ms  ({len(sys.modules)} modules)",
            file=sys.stderr,
        )


def display_problem() -> str | None:
    """Why no window can open here (no X11/Wayland display on Linux), or None."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return None
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        return _(
            "No graphical display is available (DISPLAY and WAYLAND_DISPLAY are not set), "
            "so the window cannot open. The command-line tools still work: try "
            "'sseref --help', 'sseref stats' or 'sseref show org/untfsse'."
        )
    return None


def run_gui(args: argparse.Namespace) -> int:
    """Opens the main window; returns the process exit code."""
    started = time.perf_counter()
    trace = StartupTrace()
    problem = display_problem()
    if problem:
        print(f"sseref: {problem}", file=sys.stderr)
        return EXIT_FAIL
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    trace.step("import Qt widgets")
    from sseref.gui.crash import ExceptionHandler
    from sseref.gui.theme import new_application

    app = QApplication.instance() or new_application(sys.argv[:1])
    trace.step("application")
    app.setApplicationName("SSE Ref")
    app.setOrganizationName("SSERef")
    QGuiApplication.setDesktopFileName("sseref")
    handler = ExceptionHandler().install()
    try:
        return _open_window(args, app, started, trace)
    finally:
        handler.uninstall()


def _open_window(args: argparse.Namespace, app: object, started: float, trace: StartupTrace) -> int:
    """Single-instance guard, database, window; runs the event loop."""
    from PySide6.QtCore import QLockFile, QTimer
    from PySide6.QtWidgets import QApplication

    from sseref.core.db import Database
    from sseref.core.errors import SSERefError

    assert isinstance(app, QApplication)
    dirs = paths.user_dirs()
    try:
        dirs.ensure()
    except OSError as exc:  # UserFolderError: the message names the folder
        from PySide6.QtWidgets import QMessageBox

        # The reference itself is read-only: the window still opens, without what needs the
        # folder (single-instance check, saved settings, a rebuilt index).
        QMessageBox.warning(None, _("SSE Ref"), str(exc))
    lock = QLockFile(str(dirs.data / "sseref.lock"))
    if not lock.tryLock(200) and lock.error() == QLockFile.LockError.LockFailedError:
        # Only another running copy holding the lock asks the question; a lock file that
        # cannot be written (full disk, read-only folder) is not a second instance.
        from sseref.core.instance import ask_running_instance

        if ask_running_instance(dirs.data, timeout=SECOND_START_WAIT):
            print(_("SSE Ref is already running: its window was brought to the front."))
            return EXIT_OK
        if not _second_instance_ok():
            return EXIT_OK
    try:
        db = Database(
            Path(args.database) if getattr(args, "database", None) else paths.database_path()
        )
        try:
            db.check_integrity()  # a quick check of every page (a few ms): damage said now
        except SSERefError:
            db.close()
            raise
    except SSERefError as exc:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, _("SSE Ref cannot start"), str(exc))
        lock.unlock()
        return EXIT_FAIL
    trace.step("lock and database")
    from sseref.gui.wiring import after_first_frame, build_main_window, watch_second_starts

    trace.step("import the window's code")
    window = build_main_window(db, language=getattr(args, "explicit_lang", None))
    trace.step("build the window")
    window.show_first()
    app.processEvents()
    trace.step("show, first frame")
    bench = os.environ.get(ENV_BENCH)
    if bench:
        print(f"READY {time.perf_counter() - started:.4f}", flush=True)
    if bench and bench != "search":
        QTimer.singleShot(0, app.quit)
    else:
        # The search first: it is what the user reaches for (Ctrl+K, typing). The start page
        # and the personal layer come next; measured (benchmarks/bench_startup.py), this
        # order makes the search usable about 100 ms sooner.
        search_started = started if bench == "search" else None
        QTimer.singleShot(0, lambda: _start_search(window, search_started))
    QTimer.singleShot(0, lambda: after_first_frame(window))
    if lock.isLocked():  # a second window opened anyway does not answer later starts
        QTimer.singleShot(0, lambda: watch_second_starts(window, dirs.data))
    try:
        return int(app.exec())
    finally:
        db.close()
        lock.unlock()
        if window.restart_requested:  # a new data version was switched to
            _restart()


def _restart() -> None:
    """Starts the program again, detached, with the same arguments (after the lock is free)."""
    import subprocess

    if paths.is_frozen():
        argv = [sys.executable, *sys.argv[1:]]
    else:
        argv = [sys.executable, *sys.argv]
    subprocess.Popen(argv, close_fds=True, start_new_session=True)  # noqa: S603


def _second_instance_ok() -> bool:
    """Another copy runs: the data is read-only, so a second window is safe if the user wants."""
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(
        None,
        _("SSE Ref is already running"),
        _(
            "SSE Ref seems to be open already, but its window did not come forward: it may be "
            "busy. The reference data is read-only, so a second window is safe. (Settings are "
            "saved by the window closed last.)\n\nOpen a second window?"
        ),
    )
    return bool(answer == QMessageBox.StandardButton.Yes)


def _start_search(window: MainWindow, bench_started: float | None = None) -> None:
    """After the window shows: open (or rebuild, with progress) the index, then enable search.
    With `bench_started`, answer one search as the window would, print the time, and quit."""
    if bench_started is None:
        window.start_search()
        return

    def answer_one(engine: Any) -> None:
        engine.search("cepal", limit=20, lang="en")
        print(f"SEARCH-READY {time.perf_counter() - bench_started:.4f}", flush=True)
        from PySide6.QtWidgets import QApplication

        QApplication.quit()

    window.start_search(on_ready=answer_one)
