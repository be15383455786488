"""Builds a search index folder from records: Whoosh segments, alias table and a manifest."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from whoosh import index

from sseref.core.models import Record
from sseref.core.schema import SCHEMA_VERSION
from sseref.search.aliases import build_aliases
from sseref.search.documents import record_document
from sseref.search.schema import INDEX_SCHEMA_VERSION, build_schema
from sseref.search.vocabulary import VOCABULARY_FILE, Vocabulary

MANIFEST = "sseref-index.json"
ALIASES = "aliases.json"
INDEX_NAME = "MAIN"
# Digesting every file at start-up is cheap below this size; above it sizes are compared.
DIGEST_LIMIT = 64 * 1024 * 1024
# Memory per writer process for sorting postings before spilling runs to disk.
LIMIT_MB = 512

Progress = Callable[[int, int], None]


def _no_progress(_done: int, _total: int) -> None:
    pass


def build_index(
    records: Iterable[Record],
    target: Path,
    *,
    total: int = 0,
    data_version: str = "",
    progress: Progress = _no_progress,
    procs: int = 1,
    symbols: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Indexes `records` into `target` atomically (built beside it, then swapped in);
    `symbols` (document id → UN symbol) lets records be found by the symbols they relate to."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_stale(target)
    tmp = target.with_name(f"{target.name}.building-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        ix = index.create_in(str(tmp), build_schema(), indexname=INDEX_NAME)
        # The multiprocessing writer on large corpora; a few hundred records are faster in
        # one process. Each worker writes its own segment (multisegment): merging them into
        # one segment would run the whole posting-writing pass again in this process, on
        # one core. The evaluator reads every segment (leaf) with its document offset.
        writer = (
            ix.writer(procs=procs, limitmb=LIMIT_MB, multisegment=True)
            if procs > 1
            else ix.writer(limitmb=LIMIT_MB)
        )
        kept: list[Record] = []
        count = 0
        for rec in records:
            writer.add_document(**record_document(rec, symbols))
            kept.append(_alias_view(rec))
            count += 1
            if count % 250 == 0:
                progress(count, total)
        progress(count, total)
        writer.commit()
        with ix.reader() as reader:
            Vocabulary.from_reader(reader).save(tmp / VOCABULARY_FILE)
        ix.close()
        build_aliases(kept).save(tmp / ALIASES)
        manifest = {
            "index_schema": INDEX_SCHEMA_VERSION,
            "db_schema": SCHEMA_VERSION,
            "data_version": data_version,
            "record_count": count,
        }
        manifest["files"] = file_fingerprints(tmp)
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=1), "utf-8")
        _swap(tmp, target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return manifest


def _pid_alive(pid: int) -> bool:
    if os.name != "posix":  # no harmless "is it there" signal: assume it is
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: another user's live process
        return True
    return True


def clean_stale(target: Path, *, max_age: float = 24 * 3600) -> list[Path]:
    """Removes `target`'s leftovers from interrupted builds (`*.building-PID`, `*.old-PID`)
    whose process is gone (or, where that cannot be asked, older than `max_age` seconds)."""
    removed: list[Path] = []
    try:
        siblings = list(Path(target).parent.iterdir())
    except OSError:
        return removed
    for path in siblings:
        head, _sep, pid = path.name.rpartition("-")
        if head not in (f"{target.name}.building", f"{target.name}.old") or not pid.isdecimal():
            continue
        if int(pid) == os.getpid():
            continue
        try:
            old_enough = time.time() - path.stat().st_mtime > max_age
        except OSError:
            continue
        if not _pid_alive(int(pid)) or (os.name != "posix" and old_enough):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def _alias_view(rec: Record) -> Record:
    """Only what alias learning reads, so a large corpus is not held twice in memory."""
    return Record(
        id=rec.id, kind=rec.kind, names=rec.names, summaries=rec.summaries, aliases=rec.aliases
    )


def _swap(tmp: Path, target: Path) -> None:
    old = target.with_name(f"{target.name}.old-{os.getpid()}")
    if target.exists():
        os.replace(target, old)
    os.replace(tmp, target)
    shutil.rmtree(old, ignore_errors=True)


def file_fingerprints(folder: Path) -> dict[str, list[Any]]:
    """name → [size, digest or None] for every index file (the manifest itself excluded)."""
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.name != MANIFEST)
    total = sum(p.stat().st_size for p in files)
    out: dict[str, list[Any]] = {}
    for path in files:
        digest = None
        if total <= DIGEST_LIMIT:
            digest = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
        out[path.name] = [path.stat().st_size, digest]
    return out


def read_manifest(folder: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((Path(folder) / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def open_index(folder: Path) -> index.Index:
    """Opens an index read-only (the shipped one may sit in a read-only install folder)."""
    return index.open_dir(str(folder), indexname=INDEX_NAME, readonly=True)
