"""Per-client limits: request rate, wrong access codes, open connections; the host's count."""

from __future__ import annotations

from sseref.share.guard import Guard, Limits


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_is_allowed_then_the_rate_holds() -> None:
    clock = Clock()
    guard = Guard(Limits(rate=2.0, burst=5), clock)
    assert all(guard.allow_request("a") for _ in range(5))
    assert not guard.allow_request("a")
    assert guard.allow_request("b")  # another phone is not slowed by the first
    clock.now += 1.0  # two tokens come back in a second
    assert guard.allow_request("a")
    assert guard.allow_request("a")
    assert not guard.allow_request("a")
    assert guard.rejected == 2


def test_wrong_codes_are_limited_per_window() -> None:
    clock = Clock()
    guard = Guard(Limits(code_attempts=3, code_window=60), clock)
    for _ in range(3):
        assert guard.allow_code_attempt("a")
        guard.wrong_code("a")
    assert not guard.allow_code_attempt("a")
    assert guard.allow_code_attempt("b")
    clock.now += 61
    assert guard.allow_code_attempt("a")


def test_connections_per_client_are_capped_and_released() -> None:
    guard = Guard(Limits(connections_per_client=2))
    assert guard.open_connection("a") and guard.open_connection("a")
    assert not guard.open_connection("a")
    assert guard.open_connection("b")
    assert guard.open_connections() == 3
    guard.close_connection("a")
    assert guard.open_connection("a")


def test_the_host_sees_recent_and_connected_devices() -> None:
    clock = Clock()
    guard = Guard(Limits(active_window=120), clock)
    guard.allow_request("a")
    guard.allow_request("b")
    guard.open_connection("c")
    assert guard.connected_clients() == 3
    clock.now += 200
    assert guard.connected_clients() == 1  # only "c" still holds a connection
    guard.close_connection("c")
    assert guard.connected_clients() == 0
