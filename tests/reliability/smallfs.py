"""Small real filesystems for the reliability tests: a full one and a read-only one (tmpfs).

Mounting needs root (and a kernel that lets this container mount tmpfs); elsewhere the tests
that need one are skipped with a message saying so, and the monkeypatched failures still run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def tmpfs(folder: Path, size_kb: int = 64, *, read_only: bool = False) -> Iterator[Path]:
    """Mounts a tmpfs of `size_kb` on `folder` for the block; skips the test if it cannot."""
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("a small tmpfs needs root to mount; the full-disk case was not tried")
    mount = shutil.which("mount")
    if mount is None:
        pytest.skip("no mount command; the full-disk case was not tried")
    folder.mkdir(parents=True, exist_ok=True)
    options = f"size={size_kb}k" + (",ro" if read_only else "")
    done = subprocess.run(
        [mount, "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"tmpfs could not be mounted ({done.stderr.strip()}); case not tried")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], capture_output=True, check=False)


def fill(folder: Path, leave_kb: int) -> None:
    """Fills the filesystem of `folder` until about `leave_kb` KB are left."""
    info = os.statvfs(folder)
    free = info.f_bavail * info.f_frsize
    size = max(0, free - leave_kb * 1024)
    with open(folder / "filler.bin", "wb") as handle:
        handle.write(b"\0" * size)
