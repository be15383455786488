"""Starts the window's search process, as early as possible and with as little as possible.

The launcher calls `start()` before the window imports Qt; only `subprocess` is loaded for it.
The process is given the index to open in its arguments, so it starts work at once; the
window attaches to it after its first frame (`remote.EngineProcess`), when the answer is
usually waiting in the pipe.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import IO, Any

from sseref.core import paths

WORKER_FLAG = "--sseref-search-worker"  # how a frozen program is asked to be the search process
WORKER_MODULE = "sseref.search.worker"
NICE = 10  # the search process's lower priority (POSIX); Windows: below normal
STOP_WAIT = 1.0  # seconds the process has to end after its stdin closes, before it is killed


class Spawned:
    """A started search process (or why none started) and the open request it was given."""

    def __init__(
        self, proc: subprocess.Popen[bytes] | None, request: dict[str, Any], error: str = ""
    ) -> None:
        self.proc = proc
        self.request = request  # the "open" request of `sseref.search.protocol`
        self.error = error


def worker_command() -> list[str]:
    """The command that starts a search process, from a checkout, a wheel or the frozen
    program (whose executable is the bundle: `build/sseref_main.py` reads the flag)."""
    if paths.is_frozen():
        return [sys.executable, WORKER_FLAG]
    return [sys.executable, "-m", WORKER_MODULE]


def open_request(
    database: Path, *, shipped: Path, cache: Path | None, folder: Path | None = None
) -> dict[str, Any]:
    """The request to open the index serving `database`: the shipped one, else the user's
    (`cache`), or the index in `folder` (one the window just rebuilt)."""
    return {
        "op": "open",
        "database": str(database),
        "shipped": str(shipped),
        "cache": str(cache) if cache else None,
        "folder": str(folder) if folder else None,
    }


def start(request: dict[str, Any], command: list[str] | None = None) -> Spawned:
    """Starts a search process that carries out `request` (an open) before anything else."""
    stderr = _log_stream()
    try:
        proc = subprocess.Popen(  # noqa: S603 - our own interpreter or bundle
            [*(command or worker_command()), json.dumps(request)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr,
            bufsize=0,
            # Windows: no console window for the child of a windowed program, and the lower
            # priority that `_lower_priority` gives on POSIX.
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0)
            | getattr(subprocess, "BELOW_NORMAL_PRIORITY_CLASS", 0),
        )
    except OSError as exc:
        return Spawned(None, request, f"the search process could not start: {exc}")
    finally:
        if not isinstance(stderr, int):
            stderr.close()  # the child has its own copy
    _lower_priority(proc.pid)
    return Spawned(proc, request)


def start_for(database: Path) -> Spawned:
    """The search process for `database` and the index that serves it."""
    return start(
        open_request(database, shipped=paths.index_dir_for(database), cache=paths.index_cache_dir())
    )


def stop(proc: subprocess.Popen[bytes] | None) -> None:
    """Ends a search process: its stdin closed, it ends by itself; killed if it has not
    within STOP_WAIT. Waited for in both cases, so no zombie is left."""
    if proc is None:
        return
    try:
        if proc.stdin is not None:
            proc.stdin.close()
    except OSError:
        pass
    try:
        proc.wait(timeout=STOP_WAIT)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    if proc.stdout is not None:
        proc.stdout.close()


def _log_stream() -> IO[bytes] | int:
    """Where the process's messages go: the program's log file, else nowhere."""
    try:
        path = paths.log_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        return open(path, "ab")  # noqa: SIM115 - handed to the child; closed after Popen
    except OSError:
        return subprocess.DEVNULL


def _lower_priority(pid: int) -> None:
    """The window's first frame comes first: on a busy machine the search process gets the
    CPU the window leaves (measured with other work running: at full priority the first
    frame took 13-60% longer, at `NICE` about as long as without a search process; an idle
    core it does not change)."""
    if hasattr(os, "setpriority"):
        try:
            os.setpriority(os.PRIO_PROCESS, pid, NICE)
        except OSError:
            pass  # only a matter of speed
