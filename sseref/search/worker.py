"""The search process: the window's search engine in a child process, answering over pipes.

Started by `sseref.search.spawn` (`python -m sseref.search.worker REQUEST`, or the frozen
program with `spawn.WORKER_FLAG`), with the index to open as its argument. Importing
Whoosh and opening the index take about 150 ms of CPU; here they run on another core while
the window builds its first frame, instead of on the window's thread after it. The
protocol is described in `sseref.search.protocol`.

Two threads: the main one reads requests and, when a newer search arrives, cancels the one
running (the newest query wins, through the running search's own cancel token); the other
runs the requests in order and writes the answers. The process ends when its stdin closes:
the window closed it, or the window died, so no search process outlives its window.
"""

from __future__ import annotations

import json
import logging
import queue
import sys
import threading
from pathlib import Path
from typing import IO, Any

from sseref.core.db import Database
from sseref.core.userstore import ThreadUserIndex
from sseref.search.engine import SearchEngine
from sseref.search.errors import CancelToken, SearchCancelled, SearchIndexError, SearchQueryError
from sseref.search.lifecycle import open_checked, open_current
from sseref.search.mine import search_with_mine
from sseref.search.protocol import Message, read_frame, results_to_plain, write_frame

log = logging.getLogger(__name__)


class SearchServer:
    """Runs the requests read from `inbox` and writes the answers to `outbox`."""

    def __init__(self, inbox: IO[bytes], outbox: IO[bytes]) -> None:
        self.inbox = inbox
        self.outbox = outbox
        self._write_lock = threading.Lock()
        self._queue: queue.Queue[tuple[Message, CancelToken] | None] = queue.Queue()
        self._token_lock = threading.Lock()
        self._tokens: dict[int, CancelToken] = {}  # search requests not yet answered
        self.engine: SearchEngine | None = None
        self.db: Database | None = None
        self._users: dict[str, ThreadUserIndex] = {}

    def serve(self, first: Message | None = None) -> None:
        """Carries out `first` (the open request given in the arguments, answered with id 0),
        then reads requests until stdin closes; then stops the running request and returns."""
        runner = threading.Thread(target=self._run, name="sseref-search-run", daemon=True)
        runner.start()
        if first is not None:
            self._receive({**first, "id": 0})
        try:
            while True:
                message = read_frame(self.inbox)
                if message is None:
                    break
                self._receive(message)
        finally:
            self._cancel_all()
            self._queue.put(None)
            runner.join(timeout=2.0)
            self._close()

    def _receive(self, message: Message) -> None:
        op = message.get("op")
        if op == "cancel":
            with self._token_lock:
                token = self._tokens.get(message.get("target", -1))
            if token is not None:
                token.cancel()
            return
        token = CancelToken(int(message.get("id", 0)))
        if op == "search":
            self._cancel_all()  # a newer query: the ones running or waiting are superseded
            with self._token_lock:
                self._tokens[token.generation] = token
        self._queue.put((message, token))

    def _cancel_all(self) -> None:
        with self._token_lock:
            for token in self._tokens.values():
                token.cancel()

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            message, token = item
            try:
                answer = self._answer(message, token)
            except SearchCancelled:
                answer = {"error": ("cancelled", "")}
            except SearchIndexError as exc:
                answer = {"error": ("index", str(exc))}
            except SearchQueryError as exc:
                answer = {"error": ("query", str(exc))}
            except Exception as exc:  # noqa: BLE001 - told to the window, which carries on
                log.exception("Search request %s failed", message.get("op"))
                answer = {"error": ("failed", f"{type(exc).__name__}: {exc}")}
            finally:
                with self._token_lock:
                    self._tokens.pop(token.generation, None)
            answer["id"] = message.get("id")
            try:
                with self._write_lock:
                    write_frame(self.outbox, answer)
            except (OSError, ValueError):
                return  # the window is gone: stdin is closing too

    def _answer(self, message: Message, token: CancelToken) -> Message:
        op = message.get("op")
        if op == "open":
            return self._open(message)
        if op == "search":
            return self._search(message, token)
        raise ValueError(f"unknown request {op!r}")

    def _open(self, message: Message) -> Message:
        database = Path(message["database"])
        if self.db is None or self.db.path != database:
            if self.db is not None:
                self.db.close()
            self.db = Database(database)
        folder = message.get("folder")
        if folder:
            engine, problem = open_checked(Path(folder), self.db)
        else:
            cache = message.get("cache")
            engine, problem = open_current(
                self.db, shipped=Path(message["shipped"]), cache=Path(cache) if cache else None
            )
        if engine is None:
            return {"problem": problem}
        if self.engine is not None:
            self.engine.close()  # the index it had open was damaged and rebuilt
        self.engine = engine
        return {"ok": {"doc_count": engine.doc_count(), "folder": str(engine.index_dir)}}

    def _search(self, message: Message, token: CancelToken) -> Message:
        token.check()  # superseded while it waited
        if self.engine is None or self.db is None:
            raise SearchIndexError("no index is open")
        user_db = message.get("user_db")
        user = None
        if user_db:
            user = self._users.get(user_db)
            if user is None:
                user = self._users[user_db] = ThreadUserIndex(Path(user_db))
        options: dict[str, Any] = dict(message.get("options") or {})
        results = search_with_mine(
            self.engine, user, message["text"], exists=self.db.exists, token=token, **options
        )
        return {"ok": results_to_plain(results)}

    def _close(self) -> None:
        if self.engine is not None:
            self.engine.close()
        if self.db is not None:
            self.db.close()


def main(argv: list[str] | None = None) -> int:
    """The search process's entry point: opens the index its first argument asks for (a JSON
    open request, see `spawn.open_request`), then serves stdin and stdout until stdin closes."""
    argv = sys.argv[1:] if argv is None else argv
    first = json.loads(argv[0]) if argv else None
    inbox, outbox = sys.stdin.buffer, sys.stdout.buffer
    # Standard output carries the frames: anything printed by mistake goes to the log.
    sys.stdout = sys.stderr
    logging.basicConfig(
        level=logging.INFO,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s search process: %(message)s",
    )
    SearchServer(inbox, outbox).serve(first)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
