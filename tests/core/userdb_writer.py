"""A writer process for the reliability tests: saves notes in a loop, printing each committed one.

`python userdb_writer.py DB PREFIX [COUNT]` writes COUNT notes (or until killed). Every line
printed names a note whose transaction has committed.

`python userdb_writer.py DB --fork` is a fork server for the crash loop: it imports everything
once, then for each `go PREFIX` line on its input forks a writer child (printing `pid N`), and
for each `reap` line waits for that child and prints `reaped`. The test SIGKILLs the child
itself; what the child printed before it died is in the pipe before `reaped`. The server never
opens the database, so no connection crosses a fork.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from sseref.core.userstore import UserStore


def say(text: str) -> None:
    """One line in one write(): atomic on a pipe, so lines of two processes never mix."""
    os.write(1, (text + "\n").encode())


def write_loop(path: Path, prefix: str, count: int) -> None:
    store = UserStore(path)
    say("ready")
    for i in range(count):
        record_id = f"{prefix}/{i}"
        say(f"start {record_id}")  # a kill before the id line below came during these writes
        store.set_note(record_id, f"note {i} " + "lorem ipsum " * (i % 40), title=record_id)
        store.set_tags(record_id, [f"t{i % 7}", prefix])
        if i % 5 == 0:
            store.set_favourite(record_id, True)
        say(record_id)
    store.close()


def fork_server(path: Path) -> None:
    child = 0
    for line in sys.stdin:
        command, _, arg = line.strip().partition(" ")
        if command == "go":
            child = os.fork()
            if child == 0:
                try:
                    write_loop(path, arg, 10**9)
                finally:
                    os._exit(0)
            say(f"pid {child}")
        elif command == "reap" and child:
            os.waitpid(child, 0)
            say("reaped")


def main() -> None:
    path = Path(sys.argv[1])
    if sys.argv[2] == "--fork":
        fork_server(path)
    else:
        write_loop(path, sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 10**9)


if __name__ == "__main__":
    main()
