"""Limits per client: request rate, access-code attempts, open connections; who is connected.

One `Guard` is shared by the HTTP protocol (connections, slow clients) and the site's
middleware (requests). Clients are told apart by their address: in a room every phone has its
own address on the hotspot or LAN.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger("sseref.share")
Clock = Callable[[], float]
DEFAULT_PORT = 8765


@dataclass(frozen=True)
class Limits:
    """Every limit of the server in one place (the defaults suit a room of phones)."""

    rate: float = 8.0  # requests per second a client may keep up (typing makes ~5)
    burst: int = 40  # requests a client may make at once (a page and its two files, twice over)
    code_attempts: int = 5  # wrong access codes a client may try per `code_window` seconds
    code_window: float = 60.0
    connections_per_client: int = 16
    max_connections: int = 200  # all clients together; Uvicorn answers 503 above it
    header_timeout: float = 10.0  # seconds to send a request's line and headers (slow-loris)
    body_timeout: float = 5.0  # seconds to send the small body of the access-code form
    keep_alive: float = 5.0
    max_header_bytes: int = 8192  # the request line and every header together
    max_body_bytes: int = 1024
    workers: int = 4  # pages rendered at once (database and search run in threads)
    pdf_workers: int = 1  # fact sheets rendered at once (they run on the window's thread)
    active_window: float = 120.0  # a client seen in the last two minutes counts as connected


class _Bucket:
    """A token bucket: `rate` tokens a second, at most `burst` kept."""

    __slots__ = ("tokens", "stamp")

    def __init__(self, burst: float, now: float) -> None:
        self.tokens = burst
        self.stamp = now


class Guard:
    """Counts and limits clients; thread-safe (the window reads the count from its thread)."""

    def __init__(self, limits: Limits | None = None, clock: Clock = time.monotonic) -> None:
        self.limits = limits or Limits()
        self._clock = clock
        self._lock = threading.Lock()
        self._buckets: dict[str, _Bucket] = {}
        self._codes: dict[str, list[float]] = {}
        self._connections: dict[str, int] = {}
        self._seen: dict[str, float] = {}
        self.requests = 0
        self.rejected = 0

    # --- connections -----------------------------------------------------------------------

    def open_connection(self, client: str) -> bool:
        """Counts a new connection; False (and logged) when the client has too many open."""
        with self._lock:
            count = self._connections.get(client, 0)
            if count >= self.limits.connections_per_client:
                self.rejected += 1
                refused = True
            else:
                self._connections[client] = count + 1
                refused = False
        if refused:
            log.warning("share: %s refused: more than %d connections open", client, count)
        return not refused

    def close_connection(self, client: str) -> None:
        with self._lock:
            count = self._connections.get(client, 0) - 1
            if count > 0:
                self._connections[client] = count
            else:
                self._connections.pop(client, None)

    def open_connections(self) -> int:
        with self._lock:
            return sum(self._connections.values())

    # --- requests ---------------------------------------------------------------------------

    def allow_request(self, client: str) -> bool:
        """Takes a token from the client's bucket; False when it is empty (answer 429)."""
        now = self._clock()
        limits = self.limits
        with self._lock:
            self.requests += 1
            self._seen[client] = now
            bucket = self._buckets.get(client)
            if bucket is None:
                bucket = self._buckets[client] = _Bucket(limits.burst, now)
                self._forget_old(now)
            bucket.tokens = min(limits.burst, bucket.tokens + (now - bucket.stamp) * limits.rate)
            bucket.stamp = now
            if bucket.tokens < 1:
                self.rejected += 1
                return False
            bucket.tokens -= 1
            return True

    def allow_code_attempt(self, client: str) -> bool:
        """True while the client has wrong-code attempts left in the current window."""
        now = self._clock()
        with self._lock:
            recent = [t for t in self._codes.get(client, []) if now - t < self.limits.code_window]
            self._codes[client] = recent
            return len(recent) < self.limits.code_attempts

    def wrong_code(self, client: str) -> None:
        with self._lock:
            self._codes.setdefault(client, []).append(self._clock())
            self.rejected += 1

    def _forget_old(self, now: float) -> None:
        """Drops clients idle for long (called under the lock when a new client appears)."""
        horizon = max(self.limits.active_window, self.limits.code_window) * 2
        for client, seen in list(self._seen.items()):
            if now - seen > horizon:
                self._seen.pop(client, None)
                self._buckets.pop(client, None)
                self._codes.pop(client, None)

    # --- for the host -----------------------------------------------------------------------

    def connected_clients(self) -> int:
        """Devices seen in the last `active_window` seconds or with a connection open."""
        now = self._clock()
        with self._lock:
            recent = {c for c, t in self._seen.items() if now - t <= self.limits.active_window}
            return len(recent | set(self._connections))
