"""The extraction process: reads one file and prints its text and metadata as JSON.

Started by `sseref.library.sandbox` with resource limits already applied. Before it opens the
file it takes away what a parser has no business using: the network (every socket call fails)
and writes (RLIMIT_FSIZE is 0). The answer is one JSON object on standard output.
"""

from __future__ import annotations

import json
import socket
import sys
from pathlib import Path
from typing import Any

from sseref.core.i18n import N_
from sseref.library.limits import ExtractionRefused, Limits


class _NoNetwork(socket.socket):
    """Any attempt to make a socket fails: a document reader never needs one."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise OSError("network access is disabled while a document is read")


def _refusal(message: str, **values: str | int) -> dict[str, Any]:
    """The answer for a refused file: the message untranslated, translated by the importer."""
    return {"refused": {"message": message, "values": values}}


def main(argv: list[str]) -> int:
    socket.socket = _NoNetwork  # type: ignore[misc]
    socket.create_connection = None  # type: ignore[assignment]
    if len(argv) != 2:
        print(json.dumps({"error": "usage: worker FILE LIMITS_JSON"}))
        return 2
    path, limits = Path(argv[0]), Limits(**json.loads(argv[1]))
    from sseref.library.formats import extract

    try:
        answer: dict[str, Any] = {"ok": extract(path, limits).to_json()}
    except ExtractionRefused as exc:
        answer = _refusal(exc.message, **exc.values)
    except RecursionError:
        answer = _refusal(N_("the file is nested too deeply to be read"))
    except MemoryError:
        answer = _refusal(N_("the file needs more memory than a document may use"))
    except Exception as exc:  # noqa: BLE001 - a parser's bug on a hostile file is a refusal
        answer = _refusal(N_("the file could not be read ({error})"), error=type(exc).__name__)
    sys.stdout.write(json.dumps(answer, ensure_ascii=True))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
