"""The real server on 127.0.0.1: one listening socket, clean stop, and hostile clients.

These tests open sockets to 127.0.0.1 only (see `loopback_only`). They never time anything:
slow clients are given limits of a fraction of a second and the test waits for the server's
answer (or its closing the connection), with a generous socket timeout as a safety net.
"""

from __future__ import annotations

import http.client
import logging
import socket
import threading
from collections.abc import Callable

import psutil
import pytest

from sseref.share.guard import Limits
from sseref.share.server import ShareError, ShareServer, bind
from tests.share.conftest import raw_exchange, read_all, status_of

pytestmark = pytest.mark.enable_socket

StartServer = Callable[..., ShareServer]


def get(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def listening_ports() -> set[int]:
    """The TCP ports this process listens on."""
    return {
        c.laddr.port
        for c in psutil.Process().net_connections(kind="tcp")
        if c.status == psutil.CONN_LISTEN
    }


def share_warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == "sseref.share" and r.levelno >= logging.WARNING
    ]


def no_errors(caplog: pytest.LogCaptureFixture) -> None:
    """Nothing crashed: no record at ERROR from the site or from Uvicorn or asyncio."""
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == []


def test_one_listening_socket_while_on_none_after_stop(
    live_server: StartServer, caplog: pytest.LogCaptureFixture
) -> None:
    before = listening_ports()
    server = live_server()
    assert server.running and server.port
    assert listening_ports() - before == {server.port}  # exactly one, ours
    status, body = get(server.port, "/r/org/alpha")
    assert status == 200 and b"Alpha Cooperative Alliance" in body
    head = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    head.request("HEAD", "/")
    assert head.getresponse().read() == b""
    head.close()
    server.stop()
    assert not server.running
    assert listening_ports() == before
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", server.port), timeout=2).close()
    no_errors(caplog)


def test_a_port_in_use_is_reported(live_server: StartServer) -> None:
    server = live_server()
    with pytest.raises(ShareError, match=str(server.port)):
        bind("127.0.0.1", server.port)


def test_huge_and_malformed_requests_are_refused_and_logged(
    live_server: StartServer, caplog: pytest.LogCaptureFixture
) -> None:
    server = live_server()
    port = server.port
    hostile = {
        "100 kB query": b"GET /?q=" + b"a" * 100_000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "huge header": b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
        + b"b" * 20_000
        + b"\r\n\r\n",
        "many headers": b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + b"X-A: 1\r\n" * 2000 + b"\r\n",
        "garbage": b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03"
        + bytes(range(256))
        + b"\r\n\r\n",
        "no version": b"GET /\r\n\r\n",
        "bad header": b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nNo colon here\r\n\r\n",
        "utf-8 target": "GET /r/café HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode(),
        "bad length": b"POST /code HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -5\r\n\r\n",
        "two lengths": b"POST /code HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1\r\n"
        b"Content-Length: 2\r\n\r\nab",
    }
    for name, request in hostile.items():
        answer = raw_exchange(port, request)
        assert status_of(answer) == 400, name
    warnings = share_warnings(caplog)
    assert sum("malformed or too large" in w for w in warnings) == len(hostile)
    assert get(port, "/")[0] == 200  # and the room is still served
    no_errors(caplog)


def test_invalid_utf8_and_traversal_over_the_wire(
    live_server: StartServer, caplog: pytest.LogCaptureFixture
) -> None:
    server = live_server()
    port = server.port
    close = b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    requests = {
        b"GET /?q=%ff%fe%C3%28" + close: 200,
        b"GET /results?q=%00%ff" + close: 200,
        b"GET /r/%2e%2e/%2e%2e/etc/passwd" + close: 404,
        b"GET /static/..%2f..%2fpyproject.toml" + close: 404,
        b"GET /../../etc/passwd" + close: 404,
        b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: \xff\xfe\r\n"
        b"Accept-Language: \xc3\x28\r\nConnection: close\r\n\r\n": 200,
        b"DELETE /r/org/alpha" + close: 405,
        b"OPTIONS *" + close: 405,
        b"GET /" + close.replace(b"127.0.0.1", b"evil.example"): 421,
    }
    for request, expected in requests.items():
        answer = raw_exchange(port, request)
        assert status_of(answer) == expected, request[:50]
        assert b"root:" not in answer and b"[project]" not in answer
    server.stop()  # each request's log line follows its answer: count once all are written
    refused = [w for w in share_warnings(caplog) if "->" in w]
    assert len(refused) == sum(1 for code in requests.values() if code >= 400)
    no_errors(caplog)


def test_a_slow_client_is_dropped_and_others_are_served(
    live_server: StartServer, caplog: pytest.LogCaptureFixture
) -> None:
    server = live_server(Limits(header_timeout=0.3))
    port = server.port
    slow = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(5)]
    for conn in slow:
        conn.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")  # and never the rest
    assert get(port, "/")[0] == 200  # served while the slow ones hang
    for conn in slow:
        assert read_all(conn) == b""  # the server closed it (before the 10 s safety timeout)
        conn.close()
    idle = socket.create_connection(("127.0.0.1", port), timeout=10)  # says nothing at all
    assert read_all(idle) == b""
    idle.close()
    dropped = [w for w in share_warnings(caplog) if "not complete within" in w]
    assert len(dropped) == 6
    no_errors(caplog)


def test_too_many_connections_from_one_client_are_refused(
    live_server: StartServer, caplog: pytest.LogCaptureFixture
) -> None:
    server = live_server(Limits(connections_per_client=4, header_timeout=5))
    held = [socket.create_connection(("127.0.0.1", server.port), timeout=10) for _ in range(4)]
    extra = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    extra.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    assert read_all(extra) == b""  # closed without an answer
    extra.close()
    for conn in held:
        conn.close()
    assert any("more than 4 connections" in w for w in share_warnings(caplog))
    no_errors(caplog)


def test_a_flood_gets_429_and_the_server_keeps_serving(
    live_server: StartServer, caplog: pytest.LogCaptureFixture
) -> None:
    server = live_server(Limits(rate=0.001, burst=20))  # nothing refills during the test
    port = server.port
    statuses: list[int] = []
    lock = threading.Lock()

    def hammer() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        for _ in range(25):
            conn.request("GET", "/results?q=coop")
            response = conn.getresponse()
            response.read()
            with lock:
                statuses.append(response.status)
        conn.close()

    threads = [threading.Thread(target=hammer) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(statuses) == 100
    assert set(statuses) == {200, 429}
    assert statuses.count(200) == 20  # the burst
    server.stop()  # each request's log line follows its answer: count once all are written
    assert sum("-> 429" in w for w in share_warnings(caplog)) == statuses.count(429)
    no_errors(caplog)


def test_wrong_codes_over_the_wire(
    live_server: StartServer, caplog: pytest.LogCaptureFixture
) -> None:
    server = live_server(Limits(code_attempts=3), code="secret-1")
    statuses = []
    for code in ("a", "b", "c", "secret-1"):
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        conn.request(
            "POST",
            "/code",
            body=f"code={code}",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        statuses.append(conn.getresponse().status)
        conn.close()
    assert statuses == [403, 403, 403, 429]
    assert get(server.port, "/r/org/alpha")[0] == 303  # still locked out of the pages
    server.stop()  # each request's log line follows its answer: count once all are written
    assert sum("gave a wrong access code" in w for w in share_warnings(caplog)) == 3
    no_errors(caplog)


def test_stop_closes_connections_that_are_still_open(live_server: StartServer) -> None:
    server = live_server(Limits(header_timeout=60))
    hanging = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    hanging.sendall(b"GET / HTTP/1.1\r\n")
    server.stop()
    assert read_all(hanging) == b""
    hanging.close()
    assert not server.running
