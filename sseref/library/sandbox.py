"""Runs the extraction of one file in a separate, limited process and returns what it found.

A hostile file may crash a parser, loop, or ask for gigabytes: in a child process with limits on
memory, CPU time, file writes and wall time, that costs the user one refused import, never the
window or their data. On POSIX the limits are set with `resource` before the child starts; on
Windows only the wall-clock timeout applies (documented in README).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

from sseref.core.i18n import _
from sseref.library.formats import Extracted
from sseref.library.limits import DEFAULT_LIMITS, Limits

WORKER_FLAG = "--sseref-extract-worker"  # how a frozen program is asked to be the worker


class ExtractionError(Exception):
    """A file could not be imported; the message is one sentence for the user."""


def worker_command() -> list[str]:
    """The command that starts a worker, from a checkout, a wheel or the frozen program."""
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_FLAG]
    return [sys.executable, "-I", "-m", "sseref.library.worker"]


def _limit(limits: Limits) -> None:  # runs in the child, between fork and exec
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def extract_in_sandbox(path: Path, limits: Limits = DEFAULT_LIMITS) -> Extracted:
    """Text and metadata of `path`, read by a limited child process; raises ExtractionError."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONDONTWRITEBYTECODE": "1",
        "LANG": "C.UTF-8",
    }
    try:
        done = subprocess.run(
            [*worker_command(), str(path), json.dumps(asdict(limits))],
            capture_output=True,
            timeout=limits.wall_seconds,
            env=env,
            stdin=subprocess.DEVNULL,
            preexec_fn=(lambda: _limit(limits)) if os.name == "posix" else None,  # noqa: PLW1509
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise ExtractionError(
            _("Reading the file took longer than {seconds} seconds; it was stopped.").format(
                seconds=int(limits.wall_seconds)
            )
        ) from exc
    except OSError as exc:
        raise ExtractionError(
            _("The reader could not be started ({error}).").format(error=exc.strerror)
        ) from exc
    try:
        answer = json.loads(done.stdout.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        answer = None
    if not isinstance(answer, dict):
        if done.returncode < 0:
            reason = _("it needed more memory or time than a document may use")
        else:
            reason = _("the reader stopped with code {code}").format(code=done.returncode)
        raise ExtractionError(_("The file could not be read: {reason}.").format(reason=reason))
    if "refused" in answer:
        raise ExtractionError(
            _("The file was not imported: {reason}.").format(reason=refusal(answer["refused"]))
        )
    return Extracted(**answer["ok"])


def refusal(refused: object) -> str:
    """The worker's refusal in the user's language (it sends the untranslated message)."""
    if not isinstance(refused, dict) or not isinstance(refused.get("message"), str):
        return _("the reader gave no reason")
    message: str = refused["message"]
    values = refused.get("values")
    values = values if isinstance(values, dict) else {}
    for text in (_(message), message):  # a translation that names another field: English
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError):
            continue
    return message
