"""Atomic, checked writes: the old file survives every failure; links and folders are refused."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from sseref.core import safefile
from sseref.core.safefile import WriteError, atomic_output, write_bytes


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_replaces_with_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")
    old_mask = os.umask(0o022)
    try:
        write_bytes(target, b"new")
    finally:
        os.umask(old_mask)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # not mkstemp's 0600
    assert leftovers(tmp_path) == []


def test_umask_is_honoured(tmp_path: Path) -> None:
    old_mask = os.umask(0o077)
    try:
        write_bytes(tmp_path / "private.txt", b"x")
    finally:
        os.umask(old_mask)
    assert stat.S_IMODE((tmp_path / "private.txt").stat().st_mode) == 0o600


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EIO, errno.EDQUOT])
def test_failed_sync_keeps_the_old_file(tmp_path: Path, monkeypatch, code: int) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")

    def broken_fsync(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(safefile.os, "fsync", broken_fsync)
    with pytest.raises(WriteError) as info:
        write_bytes(target, b"new content")
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []
    assert str(tmp_path) in str(info.value) or "out.txt" in str(info.value)


def test_failed_verify_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")

    def refuse(tmp: Path) -> None:
        raise WriteError("not whole")

    with pytest.raises(WriteError, match="not whole"):
        with atomic_output(target, verify=refuse) as tmp:
            tmp.write_bytes(b"half")
    assert target.read_bytes() == b"old" and leftovers(tmp_path) == []


def test_error_inside_the_block_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")
    with pytest.raises(WriteError, match="full"):
        with atomic_output(target) as tmp:
            tmp.write_bytes(b"half")
            raise OSError(errno.ENOSPC, "No space left on device")
    assert target.read_bytes() == b"old" and leftovers(tmp_path) == []


def test_a_symlink_is_never_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_bytes(b"keep")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    with pytest.raises(WriteError, match="symbolic link"):
        write_bytes(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"keep"


def test_a_dangling_symlink_is_never_replaced(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "nowhere")
    with pytest.raises(WriteError, match="symbolic link"):
        write_bytes(link, b"new")
    assert link.is_symlink()


def test_folder_fifo_and_missing_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="is a folder"):
        write_bytes(tmp_path, b"x")
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe"
        os.mkfifo(fifo)
        with pytest.raises(WriteError, match="not a regular file"):
            write_bytes(fifo, b"x")
        assert stat.S_ISFIFO(fifo.lstat().st_mode)
    with pytest.raises(WriteError, match="does not exist"):
        write_bytes(tmp_path / "no" / "such" / "file.txt", b"x")
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.EACCES, "may not write"),
        (errno.EPERM, "may not write"),
        (errno.EROFS, "read-only"),
        (errno.ENOSPC, "is full"),
    ],
)
def test_folder_errors_are_one_sentence(tmp_path: Path, monkeypatch, code: int, words: str) -> None:  # type: ignore[no-untyped-def]
    def refused(*_a: object, **_k: object) -> tuple[int, str]:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(safefile.tempfile, "mkstemp", refused)
    with pytest.raises(WriteError) as info:
        write_bytes(tmp_path / "out.txt", b"x")
    message = str(info.value)
    assert words in message and str(tmp_path) in message
    assert "\n" not in message and "Traceback" not in message
