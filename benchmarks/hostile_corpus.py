"""Imports the generated hostile corpus (≈1,000 files) and prints the tally table (issue 20).

Each file goes through the real import (stat, hash, sandboxed extraction with its limits, copy,
row) into a fresh library in a temporary folder, from a few threads as a big folder import
would. Counted: outcomes per category, crashes, refusals that are not one plain sentence, files
over the per-file time limit, network use (the parent's sockets are refused by an audit hook;
the extraction process has its own block), and whether the library is intact afterwards.
Usage: .venv/bin/python benchmarks/hostile_corpus.py [--scale 1.0] [--workers 2] [--write]
(--write puts the table in docs/benchmarks/hostile.md)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "benchmarks" / "hostile.md"

NETWORK: list[str] = []


def _no_network(event: str, args: tuple[object, ...]) -> None:
    if event in ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname"):
        NETWORK.append(event)
        raise OSError("network use during the hostile-corpus run")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    sys.addaudithook(_no_network)

    from sseref.core.userdb import UserDatabase
    from sseref.core.userdocs import DocumentStore
    from sseref.library.importer import expand, import_file
    from sseref.library.limits import Limits
    from tests.library import hostile, samples

    limits = Limits(wall_seconds=30.0, cpu_seconds=20)
    with tempfile.TemporaryDirectory(prefix="sseref-hostile-") as tmp:
        base = Path(tmp)
        began = time.perf_counter()
        cases = hostile.generate(base / "inbox", base / "outside", args.scale)
        generated = time.perf_counter() - began
        db_path, library = base / "user.sqlite3", base / "library"
        first = DocumentStore(UserDatabase(db_path), library)
        kept = [
            import_file(first, samples.write(base, f"kept{i}.txt", f"{samples.ENGLISH} kept {i}"))
            for i in range(3)
        ]
        import_one = hostile.importer_for(db_path, library, limits)
        tally = hostile.run(
            base / "inbox", cases, import_one, lambda p: list(expand(p)), args.workers
        )
        wrong = hostile.intact(first, [k.document.sha256 for k in kept if k.document])
        intact = "yes" if not wrong else "; ".join(wrong[:5])
        leaks = hostile.leaked(first)
        first.db.close()  # the threads' connections go with their threads
    rows = _table(tally, limits, generated, intact, leaks, args)
    print(rows)
    if args.write:
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_text(rows + "\n", encoding="utf-8")
        print(f"written to {OUT.relative_to(ROOT)}")
    return 0 if not tally.problems and intact == "yes" and not leaks and not NETWORK else 1


def _table(
    tally: object, limits: object, generated: float, intact: str, leaks: int, args: object
) -> str:
    from tests.library.hostile import Tally

    assert isinstance(tally, Tally)
    statuses = ("imported", "refused", "duplicate", "skipped", "crash")
    lines = [
        "# Hostile corpus: import tally",
        "",
        f"Command: `.venv/bin/python benchmarks/hostile_corpus.py --scale {args.scale}"  # type: ignore[attr-defined]
        f" --workers {args.workers}`. {tally.files} generated files "  # type: ignore[attr-defined]
        f"(generated in {generated:.1f} s), imported in {tally.seconds:.1f} s; "
        f"per-file limits: {limits.wall_seconds:.0f} s wall, {limits.cpu_seconds} s CPU, "  # type: ignore[attr-defined]
        f"{limits.memory_bytes // 2**20} MB memory.",  # type: ignore[attr-defined]
        "",
        "| category | files | " + " | ".join(statuses) + " |",
        "|---|---:|" + "---:|" * len(statuses),
    ]
    total = {s: 0 for s in statuses}
    for category, counts in tally.rows.items():
        n = sum(counts.values())
        lines.append(
            f"| {category} | {n} | " + " | ".join(str(counts.get(s, 0)) for s in statuses) + " |"
        )
        for s in statuses:
            total[s] += counts.get(s, 0)
    lines.append(
        f"| **all** | {sum(total.values())} | " + " | ".join(str(total[s]) for s in statuses) + " |"
    )
    hangs = 1 if tally.slowest[0] > limits.wall_seconds + 5 else 0  # type: ignore[attr-defined]
    lines += [
        "",
        f"- crashes: {total['crash']}; hangs past the per-file limit: {hangs} "
        f"(slowest file {tally.slowest[0]:.1f} s: {tally.slowest[1]!r})",
        f"- network attempts in the importing process: {len(NETWORK)}",
        f"- script/style/attribute text found in imported texts: {leaks}",
        f"- refusals not one plain sentence or outcome not as expected: {len(tally.problems)}",
        "- library intact (earlier documents, copies' hashes, integrity check, no orphan): "
        + intact,
    ]
    lines += [f"  - {p}" for p in tally.problems[:20]]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
