"""Search off the UI thread: debounced requests, and a newer keystroke supersedes older queries."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

DEBOUNCE_MS = 90


@dataclass(frozen=True)
class ResultRow:
    """One hit as the results list shows it."""

    id: str
    kind: str
    title: str
    snippet: str = ""
    date: str | None = None


@dataclass
class Outcome:
    """What one query produced, in the shape the results panel draws."""

    text: str
    hits: list[ResultRow] = field(default_factory=list)
    total: int = 0
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    suggestion: str | None = None
    error: str | None = None


# (text, filters, is_current) → Outcome. `is_current()` lets a long query stop early.
Runner = Callable[[str, dict[str, Any], Callable[[], bool]], Outcome]


class _Worker(QObject):
    """Lives on the search thread; runs one query at a time, skipping superseded ones."""

    finished = Signal(int, object)

    def __init__(self, runner: Runner, latest: Callable[[], int]) -> None:
        super().__init__()
        self._runner = runner
        self._latest = latest

    @Slot(int, str, object)
    def run(self, generation: int, text: str, filters: object) -> None:
        if generation != self._latest():
            return  # a newer keystroke arrived while this one waited: drop it
        try:
            outcome = self._runner(
                text,
                dict(filters or {}),  # type: ignore[call-overload]
                lambda: generation == self._latest(),
            )
        except Exception as exc:  # noqa: BLE001 - shown in the panel, never crashes the UI
            outcome = Outcome(text, error=str(exc))
        if generation == self._latest():
            self.finished.emit(generation, outcome)


class SearchController(QObject):
    """Owns the search thread; `request()` after each keystroke, `resultsReady` when done."""

    resultsReady = Signal(object)
    busyChanged = Signal(bool)
    _submit = Signal(int, str, object)

    def __init__(
        self, runner: Runner, parent: QObject | None = None, debounce_ms: int = DEBOUNCE_MS
    ) -> None:
        super().__init__(parent)
        # A runner may offer `cancel_running()` to stop a query that a keystroke superseded.
        self._cancel: Callable[[], None] | None = getattr(runner, "cancel_running", None)
        self._generation = 0
        self._lock = threading.Lock()
        self._pending: tuple[str, dict[str, Any]] = ("", {})
        self._thread = QThread()
        self._thread.setObjectName("sseref-search")
        self._worker = _Worker(runner, self.latest)
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run)
        self._worker.finished.connect(self._on_finished)
        self._timer = QTimer(self, singleShot=True, interval=debounce_ms)
        self._timer.timeout.connect(self._fire)
        self._thread.start()

    def latest(self) -> int:
        with self._lock:
            return self._generation

    def request(self, text: str, filters: dict[str, Any] | None = None) -> None:
        """Schedules a query; any query asked for earlier is superseded at once."""
        with self._lock:
            self._generation += 1
        if self._cancel is not None:
            self._cancel()
        self._pending = (text, dict(filters or {}))
        self._timer.start()

    def _fire(self) -> None:
        text, filters = self._pending
        self.busyChanged.emit(True)
        self._submit.emit(self.latest(), text, filters)

    def _on_finished(self, generation: int, outcome: Outcome) -> None:
        if generation == self.latest():
            self.busyChanged.emit(False)
            self.resultsReady.emit(outcome)

    def shutdown(self) -> None:
        self._timer.stop()
        with self._lock:
            self._generation += 1
        self._thread.quit()
        self._thread.wait(5000)
