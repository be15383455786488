"""Extraction runs in a limited child process: a hostile file costs one refused import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sseref.library import sandbox
from sseref.library.limits import Limits
from sseref.library.sandbox import ExtractionError, extract_in_sandbox
from tests.library import samples

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits")


def test_a_document_is_read_by_the_child(tmp_path: Path) -> None:
    got = extract_in_sandbox(samples.write(tmp_path, "law.pdf", samples.pdf_bytes()))
    assert "Draft law on the social economy" in got.text and got.title == "Draft law"


def test_a_refusal_becomes_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError, match=r"^The file was not imported: .*not a PDF\.$"):
        extract_in_sandbox(samples.write(tmp_path, "fake.pdf", b"<html>"))


def test_a_reader_that_runs_too_long_is_stopped(tmp_path: Path) -> None:
    path = samples.write(tmp_path, "t.txt", "text")
    with pytest.raises(ExtractionError, match="longer than 0 seconds"):
        extract_in_sandbox(path, Limits(wall_seconds=0.001))


def test_a_reader_that_wants_too_much_memory_is_stopped(tmp_path: Path) -> None:
    path = samples.write(tmp_path, "t.txt", "word " * 4_000_000)  # 20 MB of text
    with pytest.raises(ExtractionError, match="memory"):
        extract_in_sandbox(path, Limits(memory_bytes=120 * 1024 * 1024))


def test_the_child_cannot_open_sockets_or_write_files(tmp_path: Path) -> None:
    """What a parser exploit would try first: the network, and writing a file. The probe runs
    under the sandbox's own limits (`_limit`) after the worker has read a document."""
    source = samples.write(tmp_path, "a.txt", "x")
    target = tmp_path / "dropped"
    probe = (
        "import os, signal, socket\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "from sseref.library import worker\n"
        f"worker.main([{str(source)!r}, '{{}}'])\n"
        "try:\n    socket.socket()\nexcept OSError:\n    print(' net-blocked')\n"
        f"fd = os.open({str(target)!r}, os.O_WRONLY | os.O_CREAT)\n"
        "try:\n    os.write(fd, b'payload')\nexcept OSError:\n    print(' write-blocked')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        preexec_fn=lambda: sandbox._limit(Limits()),  # noqa: PLW1509
    )
    assert "net-blocked" in done.stdout and "write-blocked" in done.stdout
    assert target.stat().st_size == 0


def test_cli_document_extract_prints_json_and_refuses_in_one_line(tmp_path: Path) -> None:
    pdf = samples.write(tmp_path, "law.pdf", samples.pdf_bytes())
    cli = [sys.executable, "-m", "sseref", "document", "extract"]
    done = subprocess.run([*cli, str(pdf), "--json"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert '"title": "Draft law"' in done.stdout
    bad = samples.write(tmp_path, "notes.exe", b"MZ")
    done = subprocess.run([*cli, str(bad)], capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "cannot be imported" in done.stderr
    assert "Traceback" not in done.stderr
