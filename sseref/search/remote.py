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
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from sseref.core import paths
from sseref.core.errors import SSERefError
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
WORKER_FLAG = "--sseref-search-worker"  # how a frozen program is asked to be the search process
WORKER_MODULE = "sseref.search.worker"
MAX_RESTARTS = 1  # then the window searches in its own process
OPEN_TIMEOUT = 120.0  # seconds a restarted process may take to open the index again
NICE = 10  # the search process's lower priority (POSIX); Windows: below normal
STOP_WAIT = 1.0  # seconds the process has to end after its stdin closes, before it is killed

# What an `open` request ended with: ("ready", document count), ("problem", "missing" |
# "stale" | "corrupt"), or ("failed", why the process could not answer).
Opened = tuple[str, Any]


class WorkerGone(SSERefError):
    """The search process could not be started, or stopped and could not be restarted."""


def worker_command() -> list[str]:
    """The command that starts a search process, from a checkout, a wheel or the frozen
    program (whose executable is the bundle: `build/sseref_main.py` reads the flag)."""
    if paths.is_frozen():
        return [sys.executable, WORKER_FLAG]
    return [sys.executable, "-m", WORKER_MODULE]


def _log_stream() -> IO[bytes] | int:
    """Where the process's messages go: the program's log file, else nowhere."""
    try:
        path = paths.log_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        return open(path, "ab")  # noqa: SIM115 - handed to the child; closed after Popen
    except OSError:
        return subprocess.DEVNULL


def _lower_priority(pid: int) -> None:
    """The window's first frame comes first: on a busy machine the search process gets the
    CPU the window leaves (measured with other work running: at full priority the first
    frame took 13-60% longer, at `NICE` as long as without a search process; an idle core
    it does not change)."""
    if hasattr(os, "setpriority"):
        try:
            os.setpriority(os.PRIO_PROCESS, pid, NICE)
        except OSError:
            pass  # only a matter of speed


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
    ) -> None:
        """Starts the process and asks it at once to open the index serving `database` (the
        shipped one, else the user's `cache`); raises WorkerGone if it cannot start."""
        self.database = Path(database)
        self.folder: Path | None = None  # the index the process has open
        self.restarts = 0
        self._open_request: Message = {
            "op": "open",
            "database": str(database),
            "shipped": str(shipped),
            "cache": str(cache) if cache else None,
        }
        self._command = command or worker_command()
        self._cond = threading.Condition()
        self._answers: dict[int, Message] = {}
        self._callbacks: dict[int, Callable[[Message], None]] = {}
        self._next_id = 0
        self._generation = 0
        self._current: CancelToken | None = None
        self._doc_count = 0
        self._proc: subprocess.Popen[bytes] | None = None
        self._ended = False  # the current process's answers ended (it died or was closed)
        self._closed = False
        self._first_open: Opened | None = None
        self._first_waiters: list[Callable[[Opened], None]] = []
        self._spawn()
        self._send_async(dict(self._open_request), self._first_opened)

    # --- the process -----------------------------------------------------------------------

    def _spawn(self) -> None:
        stderr = _log_stream()
        try:
            proc = subprocess.Popen(  # noqa: S603 - our own interpreter or bundle
                self._command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=stderr,
                bufsize=0,
                close_fds=True,
                # Windows: no console window for the child of a windowed program, and the
                # lower priority that `_lower_priority` gives elsewhere.
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0)
                | getattr(subprocess, "BELOW_NORMAL_PRIORITY_CLASS", 0),
            )
        except OSError as exc:
            raise WorkerGone(f"the search process could not start: {exc}") from exc
        finally:
            if not isinstance(stderr, int):
                stderr.close()  # the child has its own copy
        _lower_priority(proc.pid)
        with self._cond:
            self._proc = proc
            self._ended = False
        reader = threading.Thread(
            target=self._read, args=(proc,), name="sseref-search-answers", daemon=True
        )
        reader.start()

    def _read(self, proc: subprocess.Popen[bytes]) -> None:
        """Hands each answer to its waiter or callback, until the process's stdout ends."""
        assert proc.stdout is not None
        while True:
            try:
                answer = read_frame(proc.stdout)
            except (OSError, ValueError, ProtocolError, EOFError) as exc:
                log.warning("The search process sent something unreadable: %s", exc)
                answer = None
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
        if not self._closed:
            log.warning("The search process stopped (exit code %s)", proc.poll())
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
        self._stop(self._proc)
        self.restarts += 1
        self._spawn()
        request = dict(self._open_request)
        if self.folder is not None:
            request["folder"] = str(self.folder)
        answer = self._wait_for(request, OPEN_TIMEOUT)
        return self._opened(answer)

    def _wait_for(self, message: Message, timeout: float) -> Message:
        done = threading.Event()
        box: list[Message] = []

        def arrived(answer: Message) -> None:
            box.append(answer)
            done.set()

        self._send_async(message, arrived)
        if not done.wait(timeout):
            return {"error": ("failed", "the search process did not answer")}
        return box[0]

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
        self._stop(proc)

    @staticmethod
    def _stop(proc: subprocess.Popen[bytes] | None) -> None:
        if proc is None:
            return
        try:
            if proc.stdin is not None:
                proc.stdin.close()
        except OSError:
            pass
        try:
            proc.wait(timeout=STOP_WAIT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()

    def __enter__(self) -> EngineProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def start_for(database: Path) -> EngineProcess | None:
    """The search process for `database`, started now; None (logged) if it cannot start."""
    try:
        return EngineProcess(
            database, shipped=paths.index_dir_for(database), cache=paths.index_cache_dir()
        )
    except (WorkerGone, OSError) as exc:
        log.warning("Searching in the window's process: %s", exc)
        return None
