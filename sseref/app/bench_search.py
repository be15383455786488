"""`sseref bench search`: our Whoosh index against SQLite FTS5 on the same synthetic corpus."""

from __future__ import annotations

import argparse
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

from sseref.app.bench_corpus import BenchQuery, CorpusMaker
from sseref.core.i18n import _
from sseref.core.models import Record
from sseref.search.engine import SearchEngine
from sseref.search.indexer import build_index

DEFAULT_SIZES = (1_000, 10_000, 50_000)
TARGETS = {10_000: 30.0, 50_000: 100.0}  # p95 ms per query kind (the budget)


def _folder_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _percentiles(times: list[float]) -> tuple[float, float, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered), p95, ordered[-1]


def writer_processes(count: int) -> int:
    """Two index writers for a large corpus, where processes can be started: the standalone
    bundle leaves multiprocessing out (its import would slow every start), so it uses one."""
    if count < 5000 or importlib.util.find_spec("multiprocessing") is None:
        return 1
    return 2


def run_whoosh(records: list[Record], queries: list[BenchQuery], work: Path) -> dict[str, Any]:
    folder = work / "whoosh"
    start = time.perf_counter()
    build_index(records, folder, total=len(records), procs=writer_processes(len(records)))
    build = time.perf_counter() - start
    start = time.perf_counter()
    engine = SearchEngine(folder)
    opened = time.perf_counter() - start
    engine.search("warm up", limit=10)
    times: dict[str, list[float]] = defaultdict(list)
    totals: dict[str, list[int]] = defaultdict(list)
    for q in queries:
        engine.clear_cache()  # every query measured cold, as a new keystroke would be
        t0 = time.perf_counter()
        result = engine.search(q.text, limit=10, as_you_type=q.kind.startswith("as-you-type"))
        times[q.kind].append((time.perf_counter() - t0) * 1000)
        totals[q.kind].append(result.total)
    engine.close()
    return {
        "build": build,
        "open": opened,
        "size": _folder_size(folder),
        "times": times,
        "totals": totals,
    }


def run_fts5(records: list[Record], queries: list[BenchQuery], work: Path) -> dict[str, Any]:
    path = work / "fts5.db"
    start = time.perf_counter()
    conn = sqlite3.connect(path)
    conn.execute(
        "create virtual table t using fts5(id unindexed, kind unindexed, "
        "year unindexed, names, body, tokenize = 'unicode61 remove_diacritics 2')"
    )
    rows = []
    for rec in records:
        names = " ".join(f"{n.name} {n.acronym or ''}" for n in rec.names.values())
        body = (
            " ".join(rec.summaries.values())
            + " "
            + " ".join(str(v) for v in rec.fields.values() if isinstance(v, str))
        )
        rows.append((rec.id, rec.kind, rec.date.year if rec.date else None, names, body))
    conn.executemany("insert into t values (?, ?, ?, ?, ?)", rows)
    conn.commit()
    build = time.perf_counter() - start
    times: dict[str, list[float]] = defaultdict(list)
    totals: dict[str, list[int]] = defaultdict(list)
    for q in queries:
        where = f" and {q.fts_where}" if q.fts_where else ""
        t0 = time.perf_counter()
        # The same work as our search: the top 10 by BM25, the total and counts per kind.
        try:
            conn.execute(
                f"select id, bm25(t, 0, 0, 0, 5.0, 1.0) as r from t where t match ?"
                f"{where} order by r limit 10",
                (q.fts,),
            ).fetchall()
            kinds = conn.execute(
                f"select kind, count(*) from t where t match ?{where} group by kind", (q.fts,)
            ).fetchall()
        except sqlite3.OperationalError:
            kinds = []
        times[q.kind].append((time.perf_counter() - t0) * 1000)
        totals[q.kind].append(sum(n for _k, n in kinds))
    conn.close()
    return {"build": build, "size": _folder_size(path), "times": times, "totals": totals}


def table(size: int, whoosh: dict[str, Any], fts: dict[str, Any]) -> list[str]:
    target = TARGETS.get(size)
    lines = [
        f"### {size:,} records",
        "",
        f"Build: Whoosh {whoosh['build']:.1f} s (open {whoosh['open'] * 1000:.0f} ms), "
        f"FTS5 {fts['build']:.1f} s. Index size: Whoosh {whoosh['size'] / 1e6:.1f} MB, "
        f"FTS5 {fts['size'] / 1e6:.1f} MB.",
        "",
        "| query kind | n | Whoosh p50 | p95 | max | FTS5 p50 | p95 | max | p95 ratio |"
        + (" target |" if target else ""),
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|" + ("---|" if target else ""),
    ]
    all_w: list[float] = []
    all_f: list[float] = []
    for kind, wt in whoosh["times"].items():
        ft = fts["times"][kind]
        all_w += wt
        all_f += ft
        lines.append(_row(kind, wt, ft, target))
    lines.append(_row("**all**", all_w, all_f, target))
    return [*lines, ""]


def _row(kind: str, wt: list[float], ft: list[float], target: float | None) -> str:
    w50, w95, wmax = _percentiles(wt)
    f50, f95, fmax = _percentiles(ft)
    ratio = w95 / f95 if f95 > 0 else float("inf")
    row = (
        f"| {kind} | {len(wt)} | {w50:.1f} | {w95:.1f} | {wmax:.1f} | {f50:.2f} | "
        f"{f95:.2f} | {fmax:.2f} | {ratio:.1f}× |"
    )
    if target:
        row += f" {'met' if w95 <= target and wmax <= 500 else 'missed'} (≤ {target:.0f} ms) |"
    return row


def run(sizes: list[int], per_kind: int, output: Path | None, keep: bool) -> int:
    lines = [
        "# Search benchmark",
        "",
        f"Command: `sseref bench search --sizes {','.join(str(s) for s in sizes)}` "
        f"({per_kind} queries per kind, Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPUs). Times in ms per query; Whoosh results include facet counts, "
        "total, and highlighted snippets of the top 10; FTS5 computes the top 10 by bm25, the "
        "total and counts per kind. FTS5 has no typo tolerance: its fuzzy row runs the "
        "misspelt word as typed (and mostly finds nothing).",
        "",
    ]
    for size in sizes:
        maker = CorpusMaker(seed=size)
        records = maker.corpus(size)
        queries = maker.queries(records, per_kind)
        work = Path(tempfile.mkdtemp(prefix=f"sseref-bench-{size}-"))
        try:
            print(_("Corpus of {n} records: indexing with Whoosh…").format(n=size), file=sys.stderr)
            whoosh = run_whoosh(records, queries, work)
            print(_("…and with SQLite FTS5"), file=sys.stderr)
            fts = run_fts5(records, queries, work)
        finally:
            if not keep:
                shutil.rmtree(work, ignore_errors=True)
        block = table(size, whoosh, fts)
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
        "search", help=_("benchmark the search index against SQLite FTS5")
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
