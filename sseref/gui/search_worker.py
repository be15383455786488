"""Search off the UI thread: debounced requests, and a newer keystroke supersedes older queries."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

# The pause after a keystroke adapts to how long the last query took: a query that answers
# within a frame runs at once (a newer keystroke cancels it anyway); a slower one waits about
# as long as it ran, so a burst of keys does not start one slow query per key.
MAX_DEBOUNCE_MS = 90
FRAME_MS = 16


def next_debounce(last_query_ms: float) -> int:
    """The pause (ms) before the next query, from the last query's duration."""
    return int(max(0.0, min(float(MAX_DEBOUNCE_MS), last_query_ms - FRAME_MS)))


@dataclass(frozen=True)
class ResultRow:
    """One hit as the results list shows it; `excerpt` makes its snippet when it is painted."""

    id: str
    kind: str
    title: str
    snippet: str = ""
    date: str | None = None
    excerpt: Callable[[], str] | None = field(default=None, compare=False, repr=False)

    def snippet_html(self) -> str:
        """The snippet (escaped HTML, hits in <b>); computed here, for a painted row only."""
        return self.excerpt() if self.excerpt is not None else self.snippet


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

    finished = Signal(int, object, float)

    def __init__(self, runner: Runner, latest: Callable[[], int]) -> None:
        super().__init__()
        self._runner = runner
        self._latest = latest

    @Slot(int, str, object)
    def run(self, generation: int, text: str, filters: object) -> None:
        if generation != self._latest():
            return  # a newer keystroke arrived while this one waited: drop it
        started = time.perf_counter()
        try:
            outcome = self._runner(
                text,
                dict(filters or {}),  # type: ignore[call-overload]
                lambda: generation == self._latest(),
            )
        except Exception as exc:  # noqa: BLE001 - shown in the panel, never crashes the UI
            outcome = Outcome(text, error=str(exc))
        if generation == self._latest():
            self.finished.emit(generation, outcome, (time.perf_counter() - started) * 1000)


class SearchController(QObject):
    """Owns the search thread; `request()` after each keystroke, `resultsReady` when done."""

    resultsReady = Signal(object)
    busyChanged = Signal(bool)
    _submit = Signal(int, str, object)

    def __init__(
        self, runner: Runner, parent: QObject | None = None, debounce_ms: int | None = None
    ) -> None:
        """`debounce_ms` fixes the pause; None (the window's choice) adapts it per query."""
        super().__init__(parent)
        self._adaptive = debounce_ms is None
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
        self._timer = QTimer(self, singleShot=True, interval=debounce_ms or 0)
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

    @property
    def debounce_ms(self) -> int:
        return int(self._timer.interval())

    def _on_finished(self, generation: int, outcome: Outcome, elapsed_ms: float) -> None:
        if self._adaptive:
            self._timer.setInterval(next_debounce(elapsed_ms))
        if generation == self.latest():
            self.busyChanged.emit(False)
            self.resultsReady.emit(outcome)

    def shutdown(self) -> None:
        self._timer.stop()
        with self._lock:
            self._generation += 1
        self._thread.quit()
        self._thread.wait(5000)
