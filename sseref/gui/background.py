"""Long work off the UI thread behind a progress dialog (e.g. rebuilding the search index)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from sseref.core.i18n import _

# work(progress) where progress(done, total) may be called from the worker thread.
Work = Callable[[Callable[[int, int], None]], Any]


class _Job(QObject):
    """Runs the work on its own thread and reports progress and the outcome as signals."""

    progressed = Signal(int, int)
    done = Signal(object, object)

    def __init__(self, work: Work) -> None:
        super().__init__()
        self._work = work

    def run(self) -> None:
        try:
            result = self._work(lambda d, t: self.progressed.emit(int(d), int(t)))
        except Exception as exc:  # noqa: BLE001 - handed back to the UI thread
            self.done.emit(None, exc)
            return
        self.done.emit(result, None)


class BackgroundTask(QObject):
    """Runs `work` on a thread behind a non-modal progress dialog; the window stays usable.

    `finished(result, error)` is emitted on the UI thread when the work ends.
    """

    finished = Signal(object, object)

    def __init__(
        self,
        parent: QWidget | None,
        label: str,
        work: Work,
        cancel: threading.Event | None = None,
    ) -> None:
        super().__init__(parent)
        self.dialog = QProgressDialog(label, "", 0, 0, parent)
        self.dialog.setWindowTitle(_("Please wait"))
        # With `cancel`, a Cancel button sets it; the work checks it between its steps.
        self.cancel = cancel
        if cancel is None:
            self.dialog.setCancelButton(None)
        else:
            self.dialog.setCancelButtonText(_("Cancel"))
            self.dialog.canceled.connect(self._on_cancel)
        # Not modal: a modal QProgressDialog spins the event loop inside setValue().
        self.dialog.setWindowModality(Qt.WindowModality.NonModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setAccessibleName(label)
        self.worker_thread = QThread()
        self.worker_thread.setObjectName("sseref-background")
        self.job = _Job(work)
        self.job.moveToThread(self.worker_thread)
        self.job.progressed.connect(self._on_progress)
        self.job.done.connect(self._on_done)
        self.worker_thread.started.connect(self.job.run)
        self.running = False

    def start(self) -> BackgroundTask:
        self.running = True
        self.dialog.show()
        self.worker_thread.start()
        return self

    def _on_cancel(self) -> None:
        if self.cancel is not None:
            self.cancel.set()
            if self.running:  # QProgressDialog hides itself on cancel: say it is stopping
                self.dialog.setLabelText(_("Stopping after the current file…"))
                self.dialog.show()

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def _on_done(self, result: Any, error: Exception | None) -> None:
        self.worker_thread.quit()
        self.worker_thread.wait()
        self.dialog.close()
        self.dialog.deleteLater()
        self.running = False
        self.finished.emit(result, error)
