"""A writer process for the reliability tests: saves notes in a loop, printing each committed one.

Usage: python userdb_writer.py DB_PATH PREFIX [COUNT]. Every line printed names a note whose
transaction has committed; the test kills this process at any moment and checks them all.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sseref.core.userstore import UserStore


def main() -> None:
    path, prefix = Path(sys.argv[1]), sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 10**9
    store = UserStore(path)
    print("ready", flush=True)
    for i in range(count):
        record_id = f"{prefix}/{i}"
        store.set_note(record_id, f"note {i} " + "lorem ipsum " * (i % 40), title=record_id)
        store.set_tags(record_id, [f"t{i % 7}", prefix])
        if i % 5 == 0:
            store.set_favourite(record_id, True)
        print(record_id, flush=True)
    store.close()


if __name__ == "__main__":
    main()
