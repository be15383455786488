"""Share fixtures: the site on the fixture dataset, an in-memory ASGI client, a live server.

Only the tests that ask for `live_server` (or `loopback_only`) open sockets, and only to
127.0.0.1: they carry the `enable_socket` mark and the fixture narrows it with
`socket_allow_hosts(["127.0.0.1"])`. Everything else runs the application in memory.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from pytest_socket import socket_allow_hosts

from sseref.core.db import Database
from sseref.search.engine import SearchEngine
from sseref.share.guard import Guard, Limits
from sseref.share.server import ShareServer
from sseref.share.service import engine_searcher
from sseref.share.site import ShareOptions, create_app


@pytest.fixture(scope="session")
def share_index(fixture_db_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from sseref.search.lifecycle import rebuild

    db = Database(fixture_db_path)
    try:
        return rebuild(db, tmp_path_factory.mktemp("share-index") / "index")
    finally:
        db.close()


@pytest.fixture(scope="session")
def share_engine(share_index: Path) -> Iterator[SearchEngine]:
    engine = SearchEngine(share_index)
    yield engine
    engine.close()


class FakePdf:
    """Stands for the Qt renderer: records what it was asked for (ids come from the database)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def __call__(self, record_id: str, lang: str) -> bytes:
        self.calls.append((record_id, lang))
        return b"%PDF-1.4 " + f"{record_id} {lang}".encode()


@dataclass
class Reply:
    """One in-memory response."""

    status: int
    headers: dict[str, str]
    body: bytes
    cookies: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def asgi_request(
    app: Any,
    method: str,
    path: str,
    *,
    query: bytes = b"",
    headers: list[tuple[bytes, bytes]] | None = None,
    body: bytes = b"",
    client: str = "10.0.0.7",
) -> Reply:
    """Runs one request through the ASGI app, as Uvicorn would hand it over."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode("utf-8", "surrogateescape"),
        "root_path": "",
        "query_string": query,
        "headers": headers or [],
        "client": (client, 50000),
        "server": ("127.0.0.1", 8765),
    }
    sent: list[dict[str, Any]] = []
    chunks = [body]

    async def receive() -> dict[str, Any]:
        data = chunks.pop(0) if chunks else b""
        return {"type": "http.request", "body": data, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    raw_headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in start["headers"]]
    return Reply(
        status=start["status"],
        headers=dict(raw_headers),
        body=b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body"),
        cookies=[v for k, v in raw_headers if k == "set-cookie"],
    )


@dataclass
class SiteUnderTest:
    """An application with its guard and fake PDF renderer, called in memory."""

    app: Any
    guard: Guard
    pdf: FakePdf

    def get(self, path: str, query: str = "", **kw: Any) -> Reply:
        return asgi_request(self.app, "GET", path, query=query.encode(), **kw)


@pytest.fixture
def make_site(fixture_db: Database, share_engine: SearchEngine) -> Callable[..., SiteUnderTest]:
    def make(code: str = "", limits: Limits | None = None, pdf: bool = True) -> SiteUnderTest:
        guard = Guard(limits or Limits())
        fake = FakePdf()
        app = create_app(
            fixture_db,
            engine_searcher(share_engine),
            guard,
            fake if pdf else None,
            ShareOptions(code=code),
        )
        return SiteUnderTest(app, guard, fake)

    return make


@pytest.fixture
def site(make_site: Callable[..., SiteUnderTest]) -> SiteUnderTest:
    return make_site()


@pytest.fixture
def loopback_only() -> None:
    """Sockets for this test reach 127.0.0.1 only (with the `enable_socket` mark)."""
    socket_allow_hosts(["127.0.0.1"], allow_unix_socket=True)


@pytest.fixture
def live_server(
    loopback_only: None,
    fixture_db: Database,
    share_engine: SearchEngine,
    caplog: pytest.LogCaptureFixture,
) -> Iterator[Callable[..., ShareServer]]:
    """Starts real servers on 127.0.0.1 (a free port); every one is stopped afterwards."""
    caplog.set_level(logging.INFO, logger="sseref.share")
    started: list[ShareServer] = []

    def start(limits: Limits | None = None, code: str = "") -> ShareServer:
        guard = Guard(limits or Limits())
        app = create_app(
            fixture_db, engine_searcher(share_engine), guard, FakePdf(), ShareOptions(code=code)
        )
        server = ShareServer(app, guard, "127.0.0.1", 0)
        server.start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


def raw_exchange(port: int, data: bytes, *, timeout: float = 10.0) -> bytes:
    """Sends raw bytes and reads until the server closes the connection (or `timeout`)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as conn:
        try:
            conn.sendall(data)
        except OSError:  # the server may close before reading everything (an oversize request)
            pass
        return read_all(conn)


def read_all(conn: socket.socket) -> bytes:
    out = b""
    while True:
        try:
            chunk = conn.recv(65536)
        except (ConnectionResetError, TimeoutError):
            return out
        if not chunk:
            return out
        out += chunk


def status_of(response: bytes) -> int:
    """The status code of a raw HTTP response (0 when there was none)."""
    first = response.split(b"\r\n", 1)[0].split()
    return int(first[1]) if len(first) > 1 and first[1].isdigit() else 0
