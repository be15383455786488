"""One running program per user folder: a second start asks the first to show its window.

The request is a file in the user data folder, which the running program watches and removes
once its window is in front: no socket, no network, and it works the same on every system.
The lock that tells a second start from a first is a QLockFile, held by the launcher.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

REQUEST_NAME = "activate.request"


def request_path(data_dir: Path) -> Path:
    return Path(data_dir) / REQUEST_NAME


def ask_running_instance(data_dir: Path, timeout: float = 2.0, poll: float = 0.03) -> bool:
    """Leaves a request for the running program; True once it took it (its window is up).

    False when nobody took it in `timeout` seconds (the program is busy, hung, or an old
    version): the request is withdrawn so that a later start of the first one does not
    find it and jump to the front for no reason.
    """
    path = request_path(data_dir)
    tmp = path.with_name(f"{REQUEST_NAME}.{os.getpid()}.tmp")
    try:
        tmp.write_text(str(os.getpid()), encoding="utf-8")
        os.replace(tmp, path)  # appears whole: the watcher never sees half a file
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        return False
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not path.exists():
            return True
        time.sleep(poll)
    with contextlib.suppress(OSError):
        path.unlink()
    return False


def take_request(data_dir: Path) -> bool:
    """True, and the request removed, when another start asked for the window."""
    try:
        request_path(data_dir).unlink()
    except OSError:  # none (the usual case), or taken by someone else
        return False
    return True
