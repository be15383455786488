"""Adapts the search layer's engine to the results panel: facet chips become field filters."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from sseref.core.i18n import _, current_language
from sseref.gui.search_worker import Outcome, ResultRow

RESULT_LIMIT = 60
log = logging.getLogger(__name__)


def filter_tokens(filters: dict[str, Any]) -> str:
    """Facet choices as the query language's field filters (`kind:document decade → year:`)."""
    tokens = []
    for facet, value in filters.items():
        text = str(value)
        if facet == "decade" and text[:4].isdigit():
            start = int(text[:4])
            tokens.append(f"year:{start}..{start + 9}")
        else:
            tokens.append(f'{facet}:"{text}"' if " " in text else f"{facet}:{text}")
    return " ".join(tokens)


class EngineRunner:
    """Runs queries on one open engine; a newer query cancels the one still running.

    The engine is the window's search process (`search.remote.EngineProcess`) or, in tests
    and when that process cannot run, a `SearchEngine` in this process. The process merges
    the user's notes itself (it is given the user database's path); it is restarted once if
    it dies, then the runner opens the same index here and carries on, logging why.
    """

    def __init__(self, engine: Any, on_damaged: Callable[[], None] | None = None) -> None:
        self.engine = engine
        # Called (from the search thread) when a search finds the index damaged.
        self.on_damaged = on_damaged
        # The user's notes and tags, merged at query time (set by gui.personal; issue 19).
        self.user_index: Any = None
        self.exists: Callable[[str], bool] | None = None
        self._token: Any = None
        self._lock = threading.Lock()
        self._fallback = False  # the engine is one this runner opened (see _search_here)

    def cancel_running(self) -> None:
        with self._lock:
            if self._token is not None:
                self._token.cancel()

    def close(self) -> None:
        """Closes an engine this runner opened itself (the fallback after the process died)."""
        if self._fallback:
            self.engine.close()

    def __call__(
        self, text: str, filters: dict[str, Any], is_current: Callable[[], bool]
    ) -> Outcome:
        from sseref.search.errors import SearchCancelled, SearchIndexError

        if not is_current():
            return Outcome(text)
        with self._lock:
            self._token = self.engine.begin()
            token = self._token
        query = f"{text} {filter_tokens(filters)}".strip()
        try:
            results = self._search(query, token)
        except SearchCancelled:
            return Outcome(text)
        except SearchIndexError:
            if self.on_damaged is None:
                raise
            self.on_damaged()
            return Outcome(text, error=_("The search index is damaged: rebuilding it…"))
        hits = [
            ResultRow(
                id=h.id,
                kind=h.kind,
                title=f"{h.title} ({h.acronym})" if h.acronym else h.title,
                date=h.date,
                excerpt=h.excerpt.text if h.excerpt is not None else None,
            )
            for h in results.hits
        ]
        return Outcome(
            text,
            hits=hits,
            total=results.total,
            facets=dict(results.facets),
            suggestion=results.suggestion,
        )

    def _search(self, query: str, token: Any) -> Any:
        from sseref.search.remote import EngineProcess, WorkerGone

        options = {"limit": RESULT_LIMIT, "lang": current_language(), "token": token}
        if isinstance(self.engine, EngineProcess):
            user_db = getattr(self.user_index, "path", None)
            try:
                return self.engine.search(query, user_db=user_db, **options)
            except WorkerGone as exc:
                self._search_here(exc)
                with self._lock:
                    self._token = token = self.engine.begin()
                options["token"] = token
        from sseref.search.mine import search_with_mine

        return search_with_mine(self.engine, self.user_index, query, exists=self.exists, **options)

    def _search_here(self, why: Exception) -> None:
        """The search process is gone for good: the same index, opened in this process."""
        from sseref.search.engine import SearchEngine

        process = self.engine
        log.warning("Searching in the window's process from now on: %s", why)
        if process.folder is None:
            raise why
        self.engine = SearchEngine(process.folder)
        self._fallback = True
        process.close()
