"""Fact-sheet PDFs for the shared site, rendered on the Qt main thread (QPdfWriter lives there).

The site calls a `MainThreadPdf` from one of its worker threads; the job goes into a queue, an
argument-less signal wakes the main thread's event loop, which paints the sheet, and the worker
waits for the bytes. (A queued signal carrying a Python object across threads crashed PySide6
under load here, "deallocating None": only the wake-up crosses threads.) The window and `sseref
serve` use it alike (the command runs a Qt event loop for it).
"""

from __future__ import annotations

import queue
import tempfile
from concurrent.futures import Future
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from sseref.core.db import Database

PDF_TIMEOUT = 60.0


class MainThreadPdf(QObject):
    """A callable (record id, language) → PDF bytes, safe to call from any thread."""

    _wake = Signal()

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.rendered = 0
        self._folder = tempfile.TemporaryDirectory(prefix="sseref-share-")
        self._jobs: queue.SimpleQueue[tuple[str, str, Future[bytes]]] = queue.SimpleQueue()
        self._wake.connect(self._render, Qt.ConnectionType.QueuedConnection)

    def __call__(self, record_id: str, lang: str) -> bytes:
        if QThread.currentThread() is self.thread():
            return self._make(record_id, lang)
        future: Future[bytes] = Future()
        self._jobs.put((record_id, lang, future))
        self._wake.emit()
        try:
            return future.result(timeout=PDF_TIMEOUT)
        finally:
            future.cancel()  # a job still queued after the timeout is skipped

    @Slot()
    def _render(self) -> None:
        while True:
            try:
                record_id, lang, future = self._jobs.get_nowait()
            except queue.Empty:
                return
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(self._make(record_id, lang))
            except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread
                future.set_exception(exc)

    def _make(self, record_id: str, lang: str) -> bytes:
        from sseref.gui.printing import render_pdf  # the printing code loads on first use

        out = Path(self._folder.name) / "sheet.pdf"
        render_pdf(self.db, [record_id], out, lang)
        self.rendered += 1
        return out.read_bytes()

    def close(self) -> None:
        self._folder.cleanup()
