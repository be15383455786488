"""Benchmark: search with 10,000 user notes merged in, against the same search without them.

Builds the synthetic corpus of `sseref bench search` (10,000 records by default), an index of
it, and a user database holding one note with tags on each record (words drawn from the same
vocabulary, so notes match the queries). Each query runs cold (engine cache cleared) twice:
the engine alone, and the engine with the user side merged (core.userstore + search.mine).

    .venv/bin/python scripts/bench_user_notes.py [--size 10000] [--notes 10000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the checkout: benchmarks/

from benchmarks.bench_corpus import CorpusMaker  # noqa: E402
from benchmarks.bench_search import writer_processes  # noqa: E402
from sseref.core.userdb import UserDatabase  # noqa: E402
from sseref.core.userstore import UserStore  # noqa: E402
from sseref.search.engine import SearchEngine  # noqa: E402
from sseref.search.indexer import build_index  # noqa: E402
from sseref.search.mine import search_with_mine  # noqa: E402


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--notes", type=int, default=10_000)
    args = parser.parse_args()
    maker = CorpusMaker()
    records = maker.corpus(args.size)
    queries = maker.queries(records)
    rng = random.Random(19)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        build_index(
            records, work / "index", total=len(records), procs=writer_processes(len(records))
        )
        engine = SearchEngine(work / "index")
        store = UserStore(UserDatabase(work / "user.db"))
        start = time.perf_counter()
        conn = store.db.conn
        # One transaction for the bulk load (the store's own methods commit per note).
        with store.db.write():
            for record in records[: args.notes]:
                words = record.summary("en")[0].split()
                body = " ".join(rng.sample(words, min(12, len(words))))
                tags = ", ".join(rng.sample(words, min(2, len(words))))
                conn.execute(
                    "INSERT INTO record (id, title, kind, seen_at) VALUES (?, ?, ?, 'x')",
                    (record.id, record.title("en"), record.kind),
                )
                conn.execute("INSERT INTO note VALUES (?, ?, 'x')", (record.id, body))
                conn.execute(
                    "INSERT INTO user_text (record_id, title, note, tags) VALUES (?, ?, ?, ?)",
                    (record.id, record.title("en"), body, tags),
                )
        load = time.perf_counter() - start
        engine.search("warm up", limit=10)
        store.search_notes("warm up")
        plain: dict[str, list[float]] = defaultdict(list)
        merged: dict[str, list[float]] = defaultdict(list)
        for q in queries:
            typing = q.kind.startswith("as-you-type")
            engine.clear_cache()
            t0 = time.perf_counter()
            engine.search(q.text, limit=10, as_you_type=typing)
            plain[q.kind].append((time.perf_counter() - t0) * 1000)
            engine.clear_cache()
            t0 = time.perf_counter()
            search_with_mine(engine, store, q.text, limit=10, as_you_type=typing)
            merged[q.kind].append((time.perf_counter() - t0) * 1000)
        print(f"corpus {args.size} records, {args.notes} notes (loaded in {load:.1f} s)")
        print(f"{'query kind':28} {'engine p95':>11} {'+notes p95':>11} {'median +ms':>11}")
        for kind in plain:
            extra = statistics.median(m - p for m, p in zip(merged[kind], plain[kind], strict=True))
            print(f"{kind:28} {p95(plain[kind]):9.1f}ms {p95(merged[kind]):9.1f}ms {extra:9.1f}ms")
        every_plain = [t for v in plain.values() for t in v]
        every_merged = [t for v in merged.values() for t in v]
        print(f"{'all':28} {p95(every_plain):9.1f}ms {p95(every_merged):9.1f}ms")
        engine.close()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
