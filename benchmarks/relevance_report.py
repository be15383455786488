"""Relevance report: MRR, top-1 and top-5 of the relevance suite and the held-out set.

Builds a search index of the given database in a temporary folder and runs the cases of
tests/search/test_relevance.py (CASES) and tests/search/test_relevance_heldout.py (HELD_OUT,
also per group), listing the queries whose expected record is not first.
Usage: .venv/bin/python benchmarks/relevance_report.py [--database DB] [--quiet]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sseref.core.db import Database  # noqa: E402
from sseref.search.engine import SearchEngine  # noqa: E402
from sseref.search.lifecycle import rebuild  # noqa: E402
from tests.search.test_relevance import CASES  # noqa: E402
from tests.search.test_relevance_heldout import HELD_OUT  # noqa: E402


def report(engine: SearchEngine, name: str, cases: list[tuple[str, set[str]]], quiet: bool) -> None:
    """Prints one line of figures for `cases`, after the queries not answered first."""
    found: list[int | None] = []
    for query, expected in cases:
        hits = [h.id for h in engine.search(query, limit=10, as_you_type=False).hits]
        rank = next((i + 1 for i, hit in enumerate(hits) if hit in expected), None)
        found.append(rank)
        if rank != 1 and not quiet:
            print(f"    rank {rank}: {query!r} -> {hits[:4]}")
    n = len(found)
    mrr = sum(1 / r for r in found if r) / n
    top1 = sum(1 for r in found if r == 1) / n
    top5 = sum(1 for r in found if r and r <= 5) / n
    print(f"{name}: {n} queries, MRR {mrr:.3f}, top-1 {top1:.1%}, top-5 {top5:.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", type=Path, default=ROOT / "resources/generated/sseref.db")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(args.database)
        try:
            folder = rebuild(db, Path(tmp) / "index")
        finally:
            db.close()
        with SearchEngine(folder) as engine:
            report(engine, "relevance suite", CASES, args.quiet)
            report(engine, "held-out", [(q, e) for q, e, _g in HELD_OUT], args.quiet)
            for group in sorted({g for _q, _e, g in HELD_OUT}):
                cases = [(q, e) for q, e, g in HELD_OUT if g == group]
                report(engine, f"  held-out {group}", cases, True)


if __name__ == "__main__":
    main()
