"""The window's side of its search process: `EngineProcess`, searched like a `SearchEngine`.

Started before the window imports Qt, the process imports Whoosh and opens the index on
another core while the window is built, so search is usable about when the first frame is
shown (see `sseref.search.worker` and the search README). This module imports no Whoosh:
the window's process never needs it to search.

One reader thread receives the answers and hands each to the request waiting for it; an
answer nobody waits for any more (a superseded query) is dropped. The process is restarted
once if it dies; after that `WorkerGone` tells the caller to search in its own process.
"""

from __future__ import annotations

import logging
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sseref.core.errors import SSERefError
from sseref.search import spawn
from sseref.search.errors import CancelToken, SearchCancelled, SearchIndexError, SearchQueryError
from sseref.search.protocol import (
    Message,
    ProtocolError,
    read_frame,
    results_from_plain,
    write_frame,
)
from sseref.search.results import SearchResults

log = logging.getLogger(__name__)
MAX_RESTARTS = 1  # then the window searches in its own process
OPEN_TIMEOUT = 120.0  # seconds a restarted process may take to open the index again
FIRST_OPEN = 0  # the id of the answer to the open request given in the process's arguments

# What an `open` request ended with: ("ready", document count), ("problem", "missing" |
# "stale" | "corrupt"), or ("failed", why the process could not answer).
Opened = tuple[str, Any]


class WorkerGone(SSERefError):
    """The search process could not be started, or stopped and could not be restarted."""


class _Token(CancelToken):
    """The search's cancel token; cancelling it also wakes the thread waiting for the answer."""

    def __init__(self, generation: int, wake: Callable[[], None]) -> None:
        super().__init__(generation)
        self._wake = wake

    def cancel(self) -> None:
        super().cancel()
        self._wake()


class EngineProcess:
    """A search engine in a child process: `begin()`, `search()`, `doc_count()`, `close()`
    as `SearchEngine` offers them, plus `when_open()`/`open_folder()` for the window's start."""

    def __init__(
        self,
        database: Path,
        *,
        shipped: Path,
        cache: Path | None,
        command: list[str] | None = None,
        started: spawn.Spawned | None = None,
    ) -> None:
        """Starts the process, which opens at once the index serving `database` (the
        shipped one, else the user's `cache`), or takes over the one `started` earlier
        (`spawn.start_for`); raises WorkerGone if there is none."""
        self.database = Path(database)
        self.folder: Path | None = None  # the index the process has open
        self.restarts = 0
        self._open_request = spawn.open_request(database, shipped=shipped, cache=cache)
        self._command = command
        self._cond = threading.Condition()
        self._answers: dict[int, Message] = {}
        self._callbacks: dict[int, Callable[[Message], None]] = {}
        self._next_id = FIRST_OPEN
        self._generation = 0
        self._current: CancelToken | None = None
        self._doc_count = 0
        self._proc: subprocess.Popen[bytes] | None = None
        self._ended = False  # the current process's answers ended (it died or was closed)
        self._closed = False
        self._first_open: Opened | None = None
        self._first_waiters: list[Callable[[Opened], None]] = []
        self._adopt(started or spawn.start(self._open_request, command), self._first_opened)

    @classmethod
    def attach(cls, started: spawn.Spawned) -> EngineProcess:
        """The engine of a process `spawn.start_for` started (WorkerGone if it could not)."""
        request = started.request
        cache = request.get("cache")
        return cls(
            Path(request["database"]),
            shipped=Path(request["shipped"]),
            cache=Path(cache) if cache else None,
            started=started,
        )

    # --- the process -----------------------------------------------------------------------

    def _adopt(self, started: spawn.Spawned, opened: Callable[[Message], None]) -> None:
        """Reads the answers of the process `started`; `opened` gets the answer to the open
        request it was started with."""
        proc = started.proc
        if proc is None:
            raise WorkerGone(started.error)
        with self._cond:
            self._proc = proc
            self._ended = False
            self._callbacks[FIRST_OPEN] = opened
        reader = threading.Thread(
            target=self._read, args=(proc,), name="sseref-search-answers", daemon=True
        )
        reader.start()

    def _read(self, proc: subprocess.Popen[bytes]) -> None:
        """Hands each answer to its waiter or callback, until the process's stdout ends."""
        assert proc.stdout is not None
        trouble: Exception | None = None
        while True:
            try:
                answer = read_frame(proc.stdout)
            except (OSError, ValueError, ProtocolError, EOFError) as exc:
                trouble, answer = exc, None  # a broken frame, or the pipe closed by stop()
            if answer is None:
                break
            with self._cond:
                if proc is not self._proc:
                    return  # a process replaced after a restart
                callback = self._callbacks.pop(answer.get("id", -1), None)
                if callback is None:
                    self._answers[answer.get("id", -1)] = answer
                    self._cond.notify_all()
            if callback is not None:
                callback(answer)
        with self._cond:
            if proc is not self._proc:
                return
            self._ended = True
            callbacks = list(self._callbacks.values())
            self._callbacks.clear()
            self._cond.notify_all()  # the waiting search sees the process gone
        stopped_here = self._closed or (proc.stdin is not None and proc.stdin.closed)
        if not stopped_here:
            log.warning("The search process stopped (exit code %s, %s)", proc.poll(), trouble)
        for callback in callbacks:
            callback({"error": ("failed", "the search process stopped")})

    @property
    def alive(self) -> bool:
        with self._cond:
            return self._proc is not None and self._proc.poll() is None

    @property
    def pid(self) -> int | None:
        with self._cond:
            return self._proc.pid if self._proc is not None else None

    def _send(self, message: Message) -> int:
        """Sends `message` with a new id; raises WorkerGone when the process is gone."""
        with self._cond:
            proc = self._proc
            if proc is None or self._closed or self._ended:
                raise WorkerGone("the search process is closed or stopped")
            self._next_id += 1
            message["id"] = self._next_id
            try:
                assert proc.stdin is not None
                write_frame(proc.stdin, message)
            except (OSError, ValueError) as exc:  # a broken pipe: the process died
                raise WorkerGone(f"the search process stopped: {exc}") from exc
            return self._next_id

    def _send_async(self, message: Message, callback: Callable[[Message], None]) -> None:
        """Sends `message`; `callback(answer)` runs on the reader thread when it comes."""
        failure = None
        with self._cond:
            try:
                self._callbacks[self._send(message)] = callback
            except WorkerGone as exc:
                failure = str(exc)
        if failure is not None:
            callback({"error": ("failed", failure)})

    def _wait(self, request: int, token: CancelToken | None) -> Message:
        with self._cond:
            proc = self._proc
            while request not in self._answers:
                if token is not None and token.cancelled:
                    break
                if proc is not self._proc or self._ended:
                    raise WorkerGone("the search process stopped")
                self._cond.wait(timeout=1.0)  # woken by an answer, a cancel or the process's end
            else:
                return self._answers.pop(request)
        self._send_cancel(request)
        raise SearchCancelled(token.generation if token else 0)

    def _send_cancel(self, request: int) -> None:
        try:
            self._send({"op": "cancel", "target": request})
        except WorkerGone:
            pass
        with self._cond:
            self._answers.pop(request, None)
            # Its answer, when it comes, is dropped: nobody waits for it.
            self._callbacks[request] = lambda _answer: None

    def restart(self) -> Opened:
        """Starts a new process (the old one died) and opens the index it had open."""
        spawn.stop(self._proc)
        self.restarts += 1
        request = dict(self._open_request)
        if self.folder is not None:
            request["folder"] = str(self.folder)
        done = threading.Event()
        box: list[Message] = []

        def arrived(answer: Message) -> None:
            box.append(answer)
            done.set()

        self._adopt(spawn.start(request, self._command), arrived)
        if not done.wait(OPEN_TIMEOUT):
            return ("failed", "the search process did not answer")
        return self._opened(box[0])

    # --- opening -----------------------------------------------------------------------------

    def _opened(self, answer: Message) -> Opened:
        if "ok" in answer:
            self._doc_count = int(answer["ok"]["doc_count"])
            self.folder = Path(answer["ok"]["folder"])
            return ("ready", self._doc_count)
        if "problem" in answer:
            return ("problem", answer["problem"])
        return ("failed", answer.get("error", ("failed", "?"))[1])

    def _first_opened(self, answer: Message) -> None:
        opened = self._opened(answer)
        with self._cond:
            self._first_open = opened
            waiters, self._first_waiters = self._first_waiters, []
        for waiter in waiters:
            waiter(opened)

    def when_open(self, callback: Callable[[Opened], None]) -> None:
        """`callback(opened)` once the process has opened the index asked for at its start
        (at once if it has; else on the reader thread)."""
        with self._cond:
            opened = self._first_open
            if opened is None:
                self._first_waiters.append(callback)
                return
        callback(opened)

    def wait_open(self, timeout: float) -> Opened | None:
        """The answer to the open asked at the process's start, waiting at most `timeout`
        seconds for it (None if it has not come by then)."""
        done = threading.Event()
        box: list[Opened] = []

        def arrived(opened: Opened) -> None:
            box.append(opened)
            done.set()

        self.when_open(arrived)
        done.wait(timeout)
        return box[0] if box else None

    def open_folder(self, folder: Path, callback: Callable[[Opened], None]) -> None:
        """Asks the process to open the index in `folder` (just rebuilt by the window);
        `callback(opened)` runs on the reader thread."""
        request = {**self._open_request, "folder": str(folder)}
        self._send_async(request, lambda answer: callback(self._opened(answer)))

    # --- the engine's interface --------------------------------------------------------------

    def doc_count(self) -> int:
        return self._doc_count

    def begin(self) -> CancelToken:
        """A token for a new query; every earlier token is cancelled (newest query wins)."""
        with self._cond:
            self._generation += 1
            if self._current is not None:
                self._current.cancel()
            self._current = _Token(self._generation, self._wake)
            return self._current

    def _wake(self) -> None:
        with self._cond:
            self._cond.notify_all()

    def search(
        self,
        text: str,
        *,
        token: CancelToken | None = None,
        user_db: Path | None = None,
        **options: Any,
    ) -> SearchResults:
        """`SearchEngine.search(text, **options)` in the process, with the user's notes, tags
        and documents of `user_db` merged in (`search.mine`). Raises SearchCancelled,
        SearchIndexError, SearchQueryError as the engine does; a process that died is
        started again once (MAX_RESTARTS), after that WorkerGone."""
        try:
            return self._search(text, token, user_db, options)
        except WorkerGone:
            if self._closed or self.restarts >= MAX_RESTARTS:
                raise
        log.warning("The search process stopped: starting it again")
        opened = self.restart()
        if opened[0] != "ready":
            raise WorkerGone(f"the search process could not open the index again: {opened[1]}")
        return self._search(text, token, user_db, options)

    def _search(
        self,
        text: str,
        token: CancelToken | None,
        user_db: Path | None,
        options: dict[str, Any],
    ) -> SearchResults:
        if token is not None:
            token.check()
        message: Message = {
            "op": "search",
            "text": text,
            "options": options,
            "user_db": str(user_db) if user_db else None,
        }
        answer = self._wait(self._send(message), token)
        if "ok" in answer:
            results = results_from_plain(answer["ok"])
            results.generation = token.generation if token is not None else 0
            return results
        kind, why = answer.get("error", ("failed", "no answer"))
        if kind == "cancelled":
            raise SearchCancelled(token.generation if token else 0)
        if kind == "index":
            raise SearchIndexError(why)
        if kind == "query":
            raise SearchQueryError(why)
        raise WorkerGone(why)

    # --- closing -----------------------------------------------------------------------------

    def close(self) -> None:
        """Closes the process's stdin (it ends), waits briefly, then kills it if need be."""
        with self._cond:
            if self._closed:
                return
            self._closed = True
            proc = self._proc
        spawn.stop(proc)

    def __enter__(self) -> EngineProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
