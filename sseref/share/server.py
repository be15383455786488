"""Runs the shared site with Uvicorn (pure-Python h11) on one listening socket, in a thread.

Uvicorn arms no timer on a new connection before its first response, so a client that sends its
headers one byte a minute would hold a connection for ever (slow-loris). `GuardedH11Protocol`
adds a deadline for each request's line and headers, a cap on connections per client, and logs
every request Uvicorn refuses (malformed or oversized headers).
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
from typing import Any

import h11
from uvicorn.config import Config
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.server import Server

from sseref.core.errors import SSERefError
from sseref.core.i18n import _
from sseref.share.guard import DEFAULT_PORT, Guard

log = logging.getLogger("sseref.share")
__all__ = ["DEFAULT_PORT", "GuardedH11Protocol", "ShareError", "ShareServer", "bind"]
STOP_TIMEOUT = 10.0


class ShareError(SSERefError):
    """The server could not start (address in use, no such interface, …)."""


class GuardedH11Protocol(H11Protocol):
    """Uvicorn's HTTP/1.1 protocol with a header deadline and a per-client connection cap."""

    guard: Guard  # set on the subclass made for each server (see `_protocol_for`)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline: asyncio.TimerHandle | None = None
        self._peer = "?"
        self._counted = False
        self._head_bytes = 0  # bytes received for the request whose headers are not complete

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._peer = self.client[0] if self.client else "?"
        if not self.guard.open_connection(self._peer):
            transport.abort()
            return
        self._counted = True
        # Headers and body go out in two writes; with Nagle's algorithm the second one waits
        # for the phone's delayed ACK (40 ms a response, measured here).
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        if self._counted:
            self._counted = False
            self.guard.close_connection(self._peer)
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self.conn.their_state is h11.IDLE:
            # h11 checks its size limit only while a request is incomplete: a large request that
            # arrives in one read would pass. The form's small body may share the first read.
            self._head_bytes += len(data)
            limits = self.guard.limits
            if self._head_bytes > limits.max_header_bytes + limits.max_body_bytes:
                self._disarm()
                self.send_400_response("Request line or headers too large.")
                return
        super().data_received(data)
        # Once h11 has read a whole request line and headers, their state leaves IDLE.
        if self.conn.their_state is not h11.IDLE:
            self._head_bytes = 0
            self._disarm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()  # the next request on this connection gets its own deadline

    def send_400_response(self, msg: str) -> None:
        log.warning("share: %s refused: %s (malformed or too large request)", self._peer, msg)
        super().send_400_response(msg)

    def _arm(self) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(self.guard.limits.header_timeout, self._too_slow)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _too_slow(self) -> None:
        self._deadline = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            log.warning(
                "share: %s dropped: request headers not complete within %.0f s",
                self._peer,
                self.guard.limits.header_timeout,
            )
            self.transport.abort()


def _protocol_for(guard: Guard) -> type[GuardedH11Protocol]:
    return type("ShareProtocol", (GuardedH11Protocol,), {"guard": guard})


def bind(host: str, port: int) -> socket.socket:
    """The one listening socket (IPv4 or IPv6 by the address's form)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise ShareError(
            _("Cannot share on {host} port {port}: {error}").format(
                host=host, port=port, error=exc.strerror or exc
            )
        ) from exc
    sock.setblocking(False)
    return sock


class ShareServer:
    """The site on one address and port, served from a background thread until `stop()`."""

    def __init__(self, app: Any, guard: Guard, host: str = "127.0.0.1", port: int = 0) -> None:
        self.app = app
        self.guard = guard
        self.host = host
        self.requested_port = port
        self.port = 0
        self._server: Server | None = None
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _config(self) -> Config:
        limits = self.guard.limits
        return Config(
            self.app,
            http=_protocol_for(self.guard),
            ws="none",
            lifespan="off",
            loop="asyncio",
            interface="asgi3",
            proxy_headers=False,
            server_header=False,
            access_log=False,
            log_config=None,
            limit_concurrency=limits.max_connections,
            timeout_keep_alive=int(limits.keep_alive),
            timeout_graceful_shutdown=3,
            h11_max_incomplete_event_size=limits.max_header_bytes,
            backlog=128,
        )

    def start(self) -> None:
        """Binds the socket (raises ShareError when it cannot) and starts serving."""
        if self.running:
            return
        self._socket = bind(self.host, self.requested_port)
        self.port = self._socket.getsockname()[1]
        self._server = Server(self._config())
        started = threading.Event()
        server, sock = self._server, self._socket

        def run() -> None:
            async def serve() -> None:
                await server.serve(sockets=[sock])

            try:
                asyncio.run(_announce(serve(), server, started))
            except BaseException:  # noqa: BLE001 - logged; the thread must not die silently
                log.exception("share: the server stopped on an error")
            finally:
                started.set()
                sock.close()

        self._thread = threading.Thread(target=run, name="sseref-share", daemon=True)
        self._thread.start()
        started.wait(STOP_TIMEOUT)
        log.info("share: serving on %s port %d", self.host, self.port)

    def stop(self) -> None:
        """Closes the listening socket and every connection; returns when the thread ended."""
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        server.should_exit = True
        thread.join(STOP_TIMEOUT)
        if thread.is_alive():  # connections that will not close: stop waiting for them
            server.force_exit = True
            thread.join(STOP_TIMEOUT)
        if self._socket is not None:
            self._socket.close()
        self._server = self._thread = self._socket = None
        log.info("share: stopped")


async def _announce(serve: Any, server: Server, started: threading.Event) -> None:
    """Runs `serve` and sets `started` once Uvicorn accepts connections."""
    task = asyncio.ensure_future(serve)
    while not server.started and not task.done():
        await asyncio.sleep(0.01)
    started.set()
    await task
