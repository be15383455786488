"""Puts the pieces together: the site on a database and a search engine, ready to start."""

from __future__ import annotations

from sseref.core.db import Database
from sseref.search.engine import SearchEngine
from sseref.search.results import SearchResults
from sseref.share.guard import Guard, Limits
from sseref.share.pages import RESULT_LIMIT, Searcher
from sseref.share.server import DEFAULT_PORT, ShareServer
from sseref.share.site import PdfMaker, ShareOptions, create_app


def engine_searcher(engine: SearchEngine) -> Searcher:
    """Searches as the room types: no cancellation token, so the window's own queries and the
    room's never cancel each other (the engine runs one query at a time)."""

    def search(text: str, lang: str) -> SearchResults:
        return engine.search(text, limit=RESULT_LIMIT, lang=lang, facets=False)

    return search


def make_server(
    db: Database,
    engine: SearchEngine,
    *,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    code: str = "",
    pdf_maker: PdfMaker | None = None,
    limits: Limits | None = None,
) -> ShareServer:
    """A server for the site (not started: nothing is opened before `start()`)."""
    guard = Guard(limits)
    app = create_app(db, engine_searcher(engine), guard, pdf_maker, ShareOptions(code=code))
    return ShareServer(app, guard, host, port)
