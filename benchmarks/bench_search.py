"""`sseref bench search`: our Whoosh index against SQLite FTS5 on the same synthetic corpus."""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from benchmarks.bench_corpus import BenchQuery, CorpusMaker
from benchmarks.bench_fts5 import TunedFts5
from sseref.core.i18n import _
from sseref.core.models import Record
from sseref.search.engine import SearchEngine
from sseref.search.indexer import build_index

DEFAULT_SIZES = (1_000, 10_000, 50_000)


def _folder_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _percentiles(times: list[float]) -> tuple[float, float, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered), p95, ordered[-1]


def writer_processes(count: int) -> int:
    """Two index writers for a large corpus, where processes can be started: the frozen
    program cannot start Python children and the bundle leaves Whoosh's multi-process writer
    out, so it uses one."""
    if count < 5000 or getattr(sys, "frozen", False):
        return 1
    if importlib.util.find_spec("multiprocessing") is None:
        return 1
    return 2


def build_both(records: list[Record], work: Path) -> dict[str, Any]:
    """Both indexes of the corpus, with their build times and sizes."""
    folder = work / "whoosh"
    start = time.perf_counter()
    build_index(records, folder, total=len(records), procs=writer_processes(len(records)))
    built = time.perf_counter() - start
    print(_("…and with SQLite FTS5"), file=sys.stderr)
    fts = TunedFts5(work / "fts5.db")
    start = time.perf_counter()
    fts.build(records)
    fts_built = time.perf_counter() - start
    fts.load(records)
    start = time.perf_counter()
    engine = SearchEngine(folder)
    opened = time.perf_counter() - start
    return {
        "engine": engine,
        "fts": fts,
        "build": built,
        "fts_build": fts_built,
        "open": opened,
        "size": _folder_size(folder),
        "fts_size": fts.size(),
    }


def measure(engine: SearchEngine, fts: TunedFts5, queries: list[BenchQuery]) -> dict[str, Any]:
    """Each query on both engines in turn, cold then warm: the shared machine's load of the
    moment weighs on both sides alike."""
    times: dict[str, dict[str, list[float]]] = {
        side: defaultdict(list) for side in ("wc", "ww", "fc", "fw")
    }
    engine.search("warm up", limit=10)
    warm_conn = fts.connect()
    for q in queries:
        fts.search(warm_conn, q)  # the page cache holds what the queries read

    def ours(q: BenchQuery) -> float:
        t0 = time.perf_counter()
        result = engine.search(q.text, limit=10, as_you_type=q.kind.startswith("as-you-type"))
        for hit in result.hits:  # the top 10's snippets, as FTS5 makes
            _ = hit.snippet
        return (time.perf_counter() - t0) * 1000

    def theirs(conn: sqlite3.Connection, q: BenchQuery) -> float:
        t0 = time.perf_counter()
        fts.search(conn, q)
        return (time.perf_counter() - t0) * 1000

    for q in queries:  # cold: every cache cleared / a new connection
        engine.clear_caches()
        times["wc"][q.kind].append(ours(q))
        conn = fts.connect()
        times["fc"][q.kind].append(theirs(conn, q))
        conn.close()
    for q in queries:  # warm: our term scores kept from the cold pass, FTS5's page cache
        engine.clear_cache()
        times["ww"][q.kind].append(ours(q))
        times["fw"][q.kind].append(theirs(warm_conn, q))
    warm_conn.close()
    return times


def table(size: int, built: dict[str, Any], times: dict[str, Any]) -> list[str]:
    lines = [
        f"### {size:,} records",
        "",
        f"Build: Whoosh {built['build']:.1f} s (open {built['open'] * 1000:.0f} ms), "
        f"tuned FTS5 {built['fts_build']:.1f} s. Index size: Whoosh {built['size'] / 1e6:.1f} "
        f"MB, FTS5 {built['fts_size'] / 1e6:.1f} MB.",
        "",
        "| query kind | n | ours cold p50 | cold p95 | warm p95 | FTS5 cold p50 | cold p95 "
        "| warm p95 | cold p95 ratio | warm p95 ratio | target cold ≤ 1.0× |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    every: dict[str, list[float]] = defaultdict(list)
    for kind in times["wc"]:
        parts = {side: times[side][kind] for side in ("wc", "ww", "fc", "fw")}
        for key, values in parts.items():
            every[key] += values
        lines.append(_row(kind, parts))
    lines.append(_row("**all**", every))
    return [*lines, ""]


def _row(kind: str, t: dict[str, list[float]]) -> str:
    wc50, wc95, _m = _percentiles(t["wc"])
    _w50, ww95, _m = _percentiles(t["ww"])
    fc50, fc95, _m = _percentiles(t["fc"])
    _f50, fw95, _m = _percentiles(t["fw"])
    cold = wc95 / fc95 if fc95 > 0 else float("inf")
    warm = ww95 / fw95 if fw95 > 0 else float("inf")
    verdict = "met" if cold <= 1.0 else "**missed**"
    return (
        f"| {kind} | {len(t['wc'])} | {wc50:.1f} | {wc95:.1f} | {ww95:.1f} | {fc50:.1f} | "
        f"{fc95:.1f} | {fw95:.1f} | {cold:.2f}× | {warm:.2f}× | {verdict} |"
    )


def run(sizes: list[int], per_kind: int, output: Path | None, keep: bool) -> int:
    lines = [
        "# Search benchmark",
        "",
        f"Run of {datetime.date.today().isoformat()}: "
        f"`sseref bench search --sizes {','.join(str(s) for s in sizes)} --queries {per_kind}` "
        f"(Python {sys.version.split()[0]}, {os.cpu_count()} CPUs). Milliseconds per query. "
        "Both sides do the same work: every match ranked, the total, six facets, the top 10 "
        "with snippets, a corrected spelling when fewer than 3 records match. Cold: every "
        "cache of ours cleared before each query (results, term scores, filters, length "
        "norms, stems); FTS5 on a new connection per query (empty page cache). Warm: ours "
        "keeps its term scores, FTS5 its page cache. The operating system's file cache is "
        "warm on both sides. Each query runs on both engines in turn, so the load of the "
        "moment on this shared machine weighs on both alike.",
        "",
    ]
    for size in sizes:
        maker = CorpusMaker(seed=size)
        records = maker.corpus(size)
        queries = maker.queries(records, per_kind)
        work = Path(tempfile.mkdtemp(prefix=f"sseref-bench-{size}-"))
        try:
            print(_("Corpus of {n} records: indexing with Whoosh…").format(n=size), file=sys.stderr)
            built = build_both(records, work)
            times = measure(built["engine"], built["fts"], queries)
            built["engine"].close()
        finally:
            if not keep:
                shutil.rmtree(work, ignore_errors=True)
        block = table(size, built, times)
        print("\n".join(block), flush=True)
        lines += block
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text("\n".join(lines) + "\n", "utf-8")
        print(_("Wrote {path}").format(path=output), file=sys.stderr)
    return 0


def cmd_bench_search(args: argparse.Namespace) -> int:
    sizes = [int(s) for s in str(args.sizes).split(",") if s.strip()]
    return run(sizes, args.queries, Path(args.output) if args.output else None, args.keep)


def _bench_subparsers(sub: Any) -> Any:
    """The subparsers of `sseref bench`, created here unless another benchmark made them."""
    bench = sub.choices.get("bench")
    if bench is None:
        bench = sub.add_parser("bench", help=_("benchmarks (search, …)"))
        bench.set_defaults(handler=lambda _args: bench.print_help() or 2)
    for action in bench._actions:  # argparse keeps subparsers among the parser's actions
        if isinstance(action, argparse._SubParsersAction):
            return action
    return bench.add_subparsers(dest="bench_command", metavar="WHAT")


def register(sub: Any) -> None:
    """Adds `sseref bench search`."""
    p = _bench_subparsers(sub).add_parser(
        "search", help=_("benchmark the search index against a tuned SQLite FTS5")
    )
    p.add_argument(
        "--sizes",
        default=",".join(str(s) for s in DEFAULT_SIZES),
        help=_("corpus sizes, comma-separated (default: 1000,10000,50000)"),
    )
    p.add_argument("--queries", type=int, default=40, help=_("queries per query kind"))
    p.add_argument("--output", help=_("also write the tables to this Markdown file"))
    p.add_argument("--keep", action="store_true", help=_("keep the temporary indexes"))
    p.set_defaults(handler=cmd_bench_search)
