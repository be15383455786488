"""How a search ends besides with results: superseded (its cancel token), or a failure sorted
into index damage (rebuild) and a query bug. No Whoosh: the window's process raises these for
its search process's answers (`remote`)."""

from __future__ import annotations

import threading

from sseref.core.errors import SSERefError


class SearchCancelled(Exception):
    """A newer query superseded this one; its results would be thrown away."""


class SearchIndexError(SSERefError):
    """The index cannot be read (missing or damaged files): rebuild it."""


class SearchQueryError(SSERefError):
    """A query failed for a reason that is not the index's (a bug): the index is not rebuilt."""


class CancelToken:
    """Set by the GUI (or by a newer query) to stop a running search at its next checkpoint."""

    def __init__(self, generation: int = 0) -> None:
        self.generation = generation
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise SearchCancelled(self.generation)
