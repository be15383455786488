"""Import and search benchmark for the user's documents (issue 20): a table in docs/benchmarks/.

1. Generates N real-shaped documents (half PDF, half DOCX, 2–50 pages of about 800 characters,
   words of EN/ES/FR with a long tail of invented names, from the search benchmark's corpus
   maker) and imports them with the real importer (sandboxed extraction per file, copy, row,
   passages) from `--workers` threads: documents per second, user database and library size.
2. Search p95 over the bundled data + the imported documents (our merged search: the bundled
   Whoosh index + the user database's passage index, top 10 with snippets) against a tuned
   SQLite FTS5 peer holding the same texts (bundled records + every passage in one table,
   prefix='2 3 4', optimize, mmap and a page cache sized to it, one MATCH pass for rowid+bm25,
   snippets for the top 10), cold (new connections, caches cleared) and warm.
3. The same at `--large` documents: the documents beyond N are text-only (added straight to the
   library with their pages, 2–10 pages each, no file to extract: a 10,000-file import of 2–50
   page PDFs would take hours on the 2 shared cores this runs on); said in the table.
Usage: .venv/bin/python benchmarks/bench_import.py [--docs 1000] [--large 10000] [--write]
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "benchmarks" / "import.md"
PAGE_CHARS = 800


def _pages(maker: Any, rng: random.Random, low: int, high: int) -> list[str]:
    lang = rng.choice(["en", "en", "es", "fr"])
    pages = []
    for _ in range(rng.randint(low, high)):
        text = ""
        while len(text) < PAGE_CHARS:
            text += maker._sentence(lang, rng.randint(8, 20)) + " "
        pages.append(text.strip())
    return pages


def generate(folder: Path, count: int, seed: int = 20) -> list[list[str]]:
    """Writes `count` PDFs and DOCX files; returns their pages' texts."""
    from benchmarks.bench_corpus import CorpusMaker
    from tests.library import samples
    from tests.library.hostile import pdf_pages

    maker, rng = CorpusMaker(seed), random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    texts = []
    for i in range(count):
        pages = _pages(maker, rng, 2, 50)
        title = " ".join(pages[0].split()[:6])
        if i % 2:
            (folder / f"doc{i:05d}.pdf").write_bytes(pdf_pages(pages, title))
        else:
            paragraphs = [p for page in pages for p in (page,)]
            (folder / f"doc{i:05d}.docx").write_bytes(samples.docx_bytes(paragraphs, title=title))
        texts.append(pages)
    return texts


def import_all(folder: Path, db_path: Path, library: Path, workers: int) -> tuple[float, int]:
    from concurrent.futures import ThreadPoolExecutor

    from sseref.core.userdb import UserDatabase
    from sseref.library.importer import expand
    from sseref.library.limits import DEFAULT_LIMITS
    from tests.library.hostile import importer_for

    UserDatabase(db_path).close()  # made (migrated) once, before the threads open it
    import_one = importer_for(db_path, library, DEFAULT_LIMITS)
    files = list(expand([folder]))
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        statuses = [s for s, _m, _d in pool.map(import_one, files)]
    seconds = time.perf_counter() - started
    return seconds, statuses.count("imported")


def add_text_only(db_path: Path, library: Path, count: int, start: int, seed: int = 21) -> float:
    """Adds text-only documents (2–10 pages) straight to the library; returns seconds."""
    import hashlib

    from benchmarks.bench_corpus import CorpusMaker
    from sseref.core.userdb import UserDatabase
    from sseref.core.userdocs import DocumentStore

    maker, rng = CorpusMaker(seed), random.Random(seed)
    db = UserDatabase(db_path)
    docs = DocumentStore(db, library)
    started = time.perf_counter()
    for i in range(start, start + count):
        pages = _pages(maker, rng, 2, 10)
        text = "\n\n".join(pages)
        starts, offset = [], 0
        for n, page in enumerate(pages, 1):
            starts.append([n, offset])
            offset += len(page) + 2
        sha = hashlib.sha256(f"text-only {i}".encode()).hexdigest()
        docs.add(
            sha256=sha,
            file_name=f"text{i}.txt",
            fmt="txt",
            size=len(text),
            text=text,
            title=" ".join(pages[0].split()[:6]),
            page_starts=starts,
        )
    seconds = time.perf_counter() - started
    db.close()
    return seconds


class Peer:
    """The tuned FTS5 peer: bundled records and every passage in one table."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def build(self, records: list[Any], db_path: Path) -> None:
        conn = sqlite3.connect(self.path)
        conn.execute("pragma journal_mode = off")
        conn.execute("pragma synchronous = off")
        conn.execute(
            "create virtual table t using fts5(names, body, "
            "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')"
        )
        rows = []
        for rec in records:
            names = " ".join(f"{n.name} {n.acronym or ''}" for n in rec.names.values())
            body = " ".join(
                [
                    *rec.summaries.values(),
                    *(str(v) for v in rec.fields.values() if isinstance(v, str)),
                ]
            )
            rows.append((names, body))
        conn.executemany("insert into t(names, body) values (?, ?)", rows)
        user = sqlite3.connect(db_path)
        for chunk in _chunks(user.execute("select title || ' ' || authors, body from passage")):
            conn.executemany("insert into t(names, body) values (?, ?)", chunk)
        user.close()
        conn.execute("insert into t(t) values ('optimize')")
        conn.commit()
        conn.close()

    def connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path)
        size = self.path.stat().st_size
        conn.execute(f"pragma mmap_size = {size * 2}")
        conn.execute(f"pragma cache_size = -{size // 1024 + 1024}")
        return conn

    @staticmethod
    def search(conn: sqlite3.Connection, match: str) -> int:
        rows = conn.execute(
            "select rowid, bm25(t, 5.0, 1.0) as r from t where t match ? order by r limit 10",
            (match,),
        ).fetchall()
        total = conn.execute("select count(*) from t where t match ?", (match,)).fetchone()[0]
        if rows:
            marks = ",".join("?" * len(rows))
            conn.execute(
                f"select rowid, names, snippet(t, 1, '<b>', '</b>', '…', 28) from t "
                f"where t match ? and rowid in ({marks})",
                (match, *[r[0] for r in rows]),
            ).fetchall()
        return int(total)


def _chunks(cursor: Any, size: int = 2000) -> Any:
    while rows := cursor.fetchmany(size):
        yield rows


def queries(db_path: Path, count: int, seed: int = 5) -> list[tuple[str, str]]:
    """(kind, text): words of the documents, two words, a word being typed, bundled words."""
    from sseref.search import analysis as an

    rng = random.Random(seed)
    conn = sqlite3.connect(db_path)
    bodies = [r[0] for r in conn.execute("select body from passage order by random() limit 400")]
    conn.close()
    words = [w for b in bodies for w in an.words(b) if len(w) > 4 and not an.is_stopword(w)]
    bundled = ["cooperative", "eclac", "solidarity economy", "south-south", "ilo", "bandung"]
    out = []
    for i in range(count):
        kind = ("one word", "two words", "as you type", "bundled words")[i % 4]
        if kind == "one word":
            out.append((kind, rng.choice(words)))
        elif kind == "two words":
            out.append((kind, f"{rng.choice(words)} {rng.choice(words)}"))
        elif kind == "as you type":
            word = rng.choice(words)
            out.append((kind, word[: rng.randint(3, max(3, len(word) - 1))]))
        else:
            out.append((kind, rng.choice(bundled)))
    return out


def measure(engine: Any, db_path: Path, peer: Peer, qs: list[tuple[str, str]]) -> dict[str, Any]:
    from sseref.core.userstore import UserStore, fts_query
    from sseref.search.mine import search_with_mine

    def ours(store: Any, text: str) -> float:
        t0 = time.perf_counter()
        result = search_with_mine(engine, store, text, limit=10)
        for hit in result.hits:
            _ = hit.snippet
        return (time.perf_counter() - t0) * 1000

    def theirs(conn: sqlite3.Connection, text: str) -> float:
        t0 = time.perf_counter()
        peer.search(conn, fts_query(text))
        return (time.perf_counter() - t0) * 1000

    times: dict[str, list[float]] = {"wc": [], "ww": [], "fc": [], "fw": []}
    warm_store = UserStore(db_path)
    warm_conn = peer.connect()
    for _kind, text in qs:  # fill the caches of both
        ours(warm_store, text)
        theirs(warm_conn, text)
    for _kind, text in qs:  # cold: caches cleared, new connections on both sides
        engine.clear_caches()
        store = UserStore(db_path)
        times["wc"].append(ours(store, text))
        store.close()
        conn = peer.connect()
        times["fc"].append(theirs(conn, text))
        conn.close()
    for _kind, text in qs:
        times["ww"].append(ours(warm_store, text))
        times["fw"].append(theirs(warm_conn, text))
    warm_store.close()
    warm_conn.close()
    return times


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--large", type=int, default=10000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()

    from sseref.core.db import Database
    from sseref.core.paths import database_path
    from sseref.search.lifecycle import open_engine

    db = Database(database_path())
    engine = open_engine(db)
    records = list(db.iter_records())
    lines = [
        "# Your own documents: import and search",
        "",
        f"Command: `.venv/bin/python benchmarks/bench_import.py --docs {args.docs} "
        f"--large {args.large} --workers {args.workers}` on {os.cpu_count()} shared cores "
        f"(other helpers' jobs ran at the same time). Bundled data: {len(records)} records.",
        "",
    ]
    with tempfile.TemporaryDirectory(prefix="sseref-import-bench-") as tmp:
        base = Path(tmp)
        t0 = time.perf_counter()
        texts = generate(base / "inbox", args.docs)
        made = time.perf_counter() - t0
        pages = [len(t) for t in texts]
        db_path, library = base / "user.db", base / "library"
        seconds, imported = import_all(base / "inbox", db_path, library, args.workers)
        sqlite3.connect(db_path).execute("pragma wal_checkpoint(truncate)").close()
        lines += [
            "## Import",
            "",
            "| documents | pages (min–median–max) | generated in | imported | import time "
            "| documents/s | pages/s | user database | library (originals) |",
            "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
            f"| {args.docs} (PDF+DOCX) | {min(pages)}–{int(statistics.median(pages))}–"
            f"{max(pages)} | {made:.0f} s | {imported} | {seconds:.0f} s | "
            f"{imported / seconds:.1f} | {sum(pages) / seconds:.0f} | {_mb(_size(db_path))} | "
            f"{_mb(_size(library))} |",
            "",
            "## Search p95 (ms): ours (bundled Whoosh + user passages, merged, top 10 with "
            "snippets) vs tuned FTS5 (one table, same texts)",
            "",
            "| imported documents | passages | user database | FTS5 peer | queries | ours cold "
            "p95 | FTS5 cold p95 | cold ratio | ours warm p95 | FTS5 warm p95 | warm ratio |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for total in (args.docs, args.large):
            if total > args.docs:
                extra = total - args.docs
                added = add_text_only(db_path, library, extra, args.docs)
                note = f"{args.docs} files + {extra} text-only ({added:.0f} s to add)"
            else:
                note = f"{args.docs} files"
            sqlite3.connect(db_path).execute("pragma wal_checkpoint(truncate)").close()
            peer = Peer(base / f"peer{total}.db")
            peer.build(records, db_path)
            qs = queries(db_path, args.queries)
            times = measure(engine, db_path, peer, qs)
            conn = sqlite3.connect(db_path)
            passages = conn.execute("select count(*) from passage").fetchone()[0]
            conn.close()
            wc, fc, ww, fw = (p95(times[k]) for k in ("wc", "fc", "ww", "fw"))
            lines.append(
                f"| {note} | {passages} | {_mb(_size(db_path))} | {_mb(_size(peer.path))} | "
                f"{len(qs)} | {wc:.1f} | {fc:.1f} | {wc / fc:.2f}× | {ww:.1f} | {fw:.1f} | "
                f"{ww / fw:.2f}× |"
            )
            print("\n".join(lines[-1:]), flush=True)
    lines += [
        "",
        "Budget (DESIGN.md): cold p95 ≤ 1.0× the tuned FTS5 peer. Ours does more per query than"
        " the peer: the bundled Whoosh search (stemming, acronyms, typo tolerance, facets) and the"
        " user side's passage search are two engines merged, the peer is one MATCH on one table.",
    ]
    table = "\n".join(lines)
    print(table)
    if args.write:
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_text(table + "\n", encoding="utf-8")
        print(f"written to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
