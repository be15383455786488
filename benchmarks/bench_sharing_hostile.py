"""Meeting sharing against hostile clients, over loopback only: what each attack gets back.

Starts the site on the real dataset (127.0.0.1, a free port, default limits except where a row
says otherwise), sends each kind of hostile request a number of times from its own loopback
address, and counts the answers, the log lines, the server errors (tracebacks) and whether the
room is still served afterwards. Files outside the data are looked for in every answer.
Usage: .venv/bin/python benchmarks/bench_sharing_hostile.py [--write]  (appends to sharing.md)
"""

from __future__ import annotations

import argparse
import http.client
import logging
import socket
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "benchmarks" / "sharing.md"
MARKER = "\n## Hostile requests\n"
LEAKS = (b"root:x:", b"[project]", b"SQLite format", b"PRIVATE KEY")


class Counting(logging.Handler):
    """Counts the site's log records by level."""

    def __init__(self) -> None:
        super().__init__()
        self.levels: Counter[str] = Counter()

    def emit(self, record: logging.LogRecord) -> None:
        self.levels[record.levelname] += 1


def _exchange(port: int, source: str, data: bytes, timeout: float = 15.0) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout, (source, 0)) as conn:
        try:
            conn.sendall(data)
        except OSError:
            pass
        out = b""
        while True:
            try:
                chunk = conn.recv(65536)
            except (OSError, TimeoutError):
                return out
            if not chunk:
                return out
            out += chunk


def _status(answer: bytes) -> str:
    parts = answer.split(b"\r\n", 1)[0].split()
    return parts[1].decode() if len(parts) > 1 else "closed"


def _slow(port: int, source: str) -> bytes:
    with socket.create_connection(("127.0.0.1", port), 60, (source, 0)) as conn:
        conn.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        started = time.perf_counter()
        while time.perf_counter() - started < 30:
            try:
                conn.sendall(b"X-a: b\r\n")  # one header line a second, never the end
            except OSError:
                break
            time.sleep(1)
            try:
                conn.settimeout(0.01)
                if conn.recv(1) == b"":
                    break
            except (TimeoutError, BlockingIOError):
                pass
            except OSError:
                break
            finally:
                conn.settimeout(60)
        return f"dropped after {time.perf_counter() - started:.0f} s".encode()


CLOSE = b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
ATTACKS: dict[str, bytes] = {
    "path traversal (/r/../../etc/passwd, encoded)": b"GET /r/%2e%2e/%2e%2e/%2e%2e/etc/passwd"
    + CLOSE,
    "traversal into static files": b"GET /static/..%2f..%2fpyproject.toml" + CLOSE,
    "a name as Host (DNS rebinding)": b"GET /" + CLOSE.replace(b"127.0.0.1", b"evil.example"),
    "100 kB query string": b"GET /?q="
    + b"a" * 100_000
    + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
    "20 kB header": b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"b" * 20_000 + b"\r\n\r\n",
    "2,000 headers": b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + b"X-A: 1\r\n" * 2000 + b"\r\n",
    "malformed request line": b"GET /\r\n\r\n",
    "binary garbage (TLS hello)": b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(256),
    "invalid UTF-8 in query and headers": b"GET /?q=%ff%fe%C3%28 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    b"Cookie: \xff\xfe\r\nAccept-Language: \xc3\x28\r\nConnection: close\r\n\r\n",
    "odd method (DELETE)": b"DELETE / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
    "odd method (TRACE)": b"TRACE / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
    "wrong access code": b"POST /code HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
    b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 8\r\n\r\ncode=bad",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()

    from sseref.core import paths
    from sseref.core.db import Database
    from sseref.search.lifecycle import open_engine
    from sseref.share.service import make_server

    counter = Counting()
    log = logging.getLogger("sseref.share")
    log.addHandler(counter)
    log.setLevel(logging.INFO)
    errors = Counting()
    logging.getLogger().addHandler(errors)
    errors.setLevel(logging.ERROR)
    db = Database(paths.database_path())
    engine = open_engine(db)
    server = make_server(db, engine, host="127.0.0.1", port=0, code="4711")
    server.start()
    port = server.port
    # Past the access code (as a phone in the room would be): the attacks reach the routes.
    entry = _connection(port, "127.0.5.1")
    entry.request(
        "POST", "/code", "code=4711", {"Content-Type": "application/x-www-form-urlencoded"}
    )
    cookie = entry.getresponse().getheader("set-cookie", "").split(";")[0].encode()
    entry.close()
    rows = []
    leaks = 0
    for number, (name, data) in enumerate(ATTACKS.items()):
        source = f"127.0.1.{number + 1}"
        before = sum(counter.levels.values())
        answers: Counter[str] = Counter()
        for _ in range(args.repeat):
            answer = _exchange(
                port, source, data.replace(b"\r\n", b"\r\nCookie: " + cookie + b"\r\n", 1)
            )
            leaks += any(leak in answer for leak in LEAKS)
            answers[_status(answer)] += 1
        logged = sum(counter.levels.values()) - before
        rows.append((name, args.repeat, dict(answers), logged))

    # A flood: 300 requests as fast as one client can send them.
    flood: Counter[str] = Counter()
    conn = _connection(port, "127.0.2.1")
    before = sum(counter.levels.values())
    for _ in range(300):
        conn.request("GET", "/static/site.css")
        response = conn.getresponse()
        response.read()
        flood[str(response.status)] += 1
    conn.close()
    flooded = counter_sum(counter) - before
    rows.append(("flood (one client, 300 requests)", 300, dict(flood), flooded))

    # Slow-loris: 20 clients each sending a header line a second, never finishing.
    before = counter_sum(counter)
    results: list[bytes] = []
    threads = [
        threading.Thread(target=lambda i=i: results.append(_slow(port, f"127.0.3.{i + 1}")))
        for i in range(20)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    rows.append(
        (
            "slow-loris (a header line a second)",
            20,
            dict(Counter(r.decode() for r in results)),
            counter_sum(counter) - before,
        )
    )
    check = _connection(port, "127.0.4.1")
    check.request("GET", "/code")
    still_served = check.getresponse().status == 200
    server.stop()
    engine.close()

    lines = [
        MARKER,
        "Command: `.venv/bin/python benchmarks/bench_sharing_hostile.py --write` (real dataset, "
        "access code on and entered, default limits, loopback only; each attack from its own "
        "address).",
        "",
        "| attack | requests | answers | log lines |",
        "|---|---:|---|---:|",
        *[f"| {name} | {n} | {answers} | {logged} |" for name, n, answers, logged in rows],
        "",
        f"Server errors (tracebacks logged): {errors.levels.get('ERROR', 0)}. "
        f"Answers holding a file outside the data: {leaks}. "
        f"Room still served afterwards: {'yes' if still_served else 'NO'}.",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if args.write:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        OUT.write_text(current.split(MARKER)[0].rstrip("\n") + "\n" + text, encoding="utf-8")
    return 0


def _connection(port: int, source: str) -> http.client.HTTPConnection:
    return http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(source, 0))


def counter_sum(counter: Counting) -> int:
    return sum(counter.levels.values())


if __name__ == "__main__":
    raise SystemExit(main())
