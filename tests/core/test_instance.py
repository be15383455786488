"""A second start leaves a request file; the running program takes it (core.instance)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from sseref.core.instance import ask_running_instance, request_path, take_request


def test_a_request_nobody_takes_is_withdrawn(tmp_path: Path) -> None:
    started = time.monotonic()
    assert ask_running_instance(tmp_path, timeout=0.2, poll=0.01) is False
    assert time.monotonic() - started >= 0.2
    assert not request_path(tmp_path).exists()
    assert list(tmp_path.iterdir()) == []  # no temporary file left either


def test_a_request_taken_by_the_running_program_is_answered(tmp_path: Path) -> None:
    taken: list[bool] = []

    def running_program() -> None:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not taken:
            if take_request(tmp_path):
                taken.append(True)
            time.sleep(0.01)

    thread = threading.Thread(target=running_program)
    thread.start()
    try:
        assert ask_running_instance(tmp_path, timeout=5, poll=0.01) is True
    finally:
        thread.join()
    assert taken == [True]


def test_no_request_means_nothing_to_take(tmp_path: Path) -> None:
    assert take_request(tmp_path) is False


def test_an_unwritable_folder_is_not_a_request(tmp_path: Path) -> None:
    assert ask_running_instance(tmp_path / "missing", timeout=0.1) is False
