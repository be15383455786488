"""Index lifecycle: use the shipped index when it matches the database, else rebuild a cache."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sseref.core import paths
from sseref.core.db import Database
from sseref.core.i18n import _
from sseref.core.safefile import os_error_message
from sseref.core.schema import SCHEMA_VERSION
from sseref.search.engine import SearchEngine, SearchIndexError
from sseref.search.indexer import (
    DIGEST_LIMIT,
    MANIFEST,
    build_index,
    clean_stale,
    open_index,
    read_manifest,
)
from sseref.search.schema import INDEX_SCHEMA_VERSION

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
CACHE_FOLDER = paths.INDEX_CACHE_FOLDER
LEGACY_WINDOW_FOLDER = "index"
# Index files whose digests matched, by folder, with each file's size and modification time.
VERIFIED_FILE = "verified-indexes.json"


def expected_manifest(db: Database) -> dict[str, Any]:
    """What an index built from `db` by this program records in its manifest."""
    stats = db.stats()
    return {
        "index_schema": INDEX_SCHEMA_VERSION,
        "db_schema": SCHEMA_VERSION,
        "data_version": stats["data_version"] or "",
        "record_count": sum(stats["counts"].values()),
    }


def problem(
    folder: Path,
    expected: dict[str, Any],
    *,
    deep: bool = True,
    count: bool = True,
    trust_unchanged: bool = False,
) -> str | None:
    """Why the index in `folder` cannot serve `expected` (None when it can).

    `deep` compares every file's digest with the manifest's; with `trust_unchanged` the files
    whose size and modification time are those recorded when their digests last matched are
    not read again (digesting 17 MB at each start of the window cost about 25 ms; a file
    rewritten, even at the same size, has a new modification time). `count` opens the index
    to compare its document count (a caller about to open it may compare that itself).
    """
    folder = Path(folder)
    manifest = read_manifest(folder)
    if manifest is None:
        return "missing"
    for key, value in expected.items():
        if manifest.get(key) != value:
            return f"stale ({key})"
    files = manifest.get("files")
    if not isinstance(files, dict) or not files:
        return "corrupt (no file list)"
    total = 0
    stamps: dict[str, list[int]] = {}
    for name, entry in files.items():
        path = folder / name
        try:
            stat = path.stat()
        except OSError:
            return f"corrupt ({name} missing)"
        total += stat.st_size
        if not isinstance(entry, list) or len(entry) != 2 or stat.st_size != entry[0]:
            return f"corrupt ({name} size)"
        stamps[name] = [stat.st_size, stat.st_mtime_ns]
    if deep and total <= DIGEST_LIMIT:
        verified = _verified(folder, manifest) if trust_unchanged else {}
        for name, (_size, digest) in files.items():
            if not digest or verified.get(name) == stamps[name]:
                continue
            if hashlib.blake2b((folder / name).read_bytes(), digest_size=16).hexdigest() != digest:
                return f"corrupt ({name} content)"
        if trust_unchanged and verified != stamps:
            _remember_verified(folder, manifest, stamps)
    if count:
        try:
            ix = open_index(folder)
            try:
                found = ix.doc_count_all()
            finally:
                ix.close()
        except Exception as exc:  # noqa: BLE001 - Whoosh raises many kinds on damaged files
            return f"corrupt ({type(exc).__name__})"
        if found != expected.get("record_count"):
            return "corrupt (document count)"
    return None


def _verified_key(folder: Path, manifest: dict[str, Any]) -> str:
    # The manifest's own digest is part of the key: a rebuilt index never inherits a stamp.
    text = json.dumps(manifest, sort_keys=True).encode("utf-8")
    return f"{folder.resolve()}|{hashlib.blake2b(text, digest_size=8).hexdigest()}"


def _verified(folder: Path, manifest: dict[str, Any]) -> dict[str, list[int]]:
    try:
        data = json.loads((paths.user_dirs().cache / VERIFIED_FILE).read_text("utf-8"))
        found = data.get(_verified_key(folder, manifest), {})
    except (OSError, ValueError, AttributeError):
        return {}  # no record: every digest is compared
    return found if isinstance(found, dict) else {}


def _remember_verified(
    folder: Path, manifest: dict[str, Any], stamps: dict[str, list[int]]
) -> None:
    """Records that these files' digests matched (best effort: only a speed-up)."""
    path = paths.user_dirs().cache / VERIFIED_FILE
    try:
        data = json.loads(path.read_text("utf-8"))
        if not isinstance(data, dict):
            data = {}
    except (OSError, ValueError):
        data = {}
    prefix = f"{folder.resolve()}|"
    data = {k: v for k, v in data.items() if not k.startswith(prefix)}  # older builds' records
    data[_verified_key(folder, manifest)] = stamps
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data), "utf-8")
        os.replace(tmp, path)
    except OSError:
        pass


def cache_index_dir() -> Path:
    """The rebuilt index lives in the user's cache folder, never in the install folder."""
    return paths.index_cache_dir()


def rebuild(db: Database, target: Path | None = None, progress: Progress | None = None) -> Path:
    """Builds the index for `db` into the cache folder (or `target`)."""
    target = Path(target) if target else cache_index_dir()
    paths.ensure_writable(target.parent)  # else a message naming the folder, no traceback
    expected = expected_manifest(db)
    log.info("Rebuilding the search index into %s", target)
    try:
        build_index(
            db.iter_records(),
            target,
            total=expected["record_count"],
            data_version=expected["data_version"],
            progress=progress or (lambda _d, _t: None),
            symbols=db.symbols(),
        )
    except OSError as exc:  # a full or read-only cache disk: the old index stays as it was
        raise SearchIndexError(
            _("The search index could not be rebuilt: {why}").format(
                why=os_error_message(exc, target)
            )
        ) from exc
    if target == cache_index_dir():
        # Before one folder served both, the window rebuilt into `<cache>/index`: unused now.
        legacy = target.with_name(LEGACY_WINDOW_FOLDER)
        if (legacy / MANIFEST).is_file():
            shutil.rmtree(legacy, ignore_errors=True)
    return target


def ensure_index(
    db: Database,
    *,
    shipped: Path | None = None,
    cache: Path | None = None,
    progress: Progress | None = None,
    force: bool = False,
) -> Path:
    """A folder holding an index that matches `db`: shipped, cached, or rebuilt now."""
    shipped = Path(shipped) if shipped else paths.shipped_index_dir()
    cache = Path(cache) if cache else cache_index_dir()
    clean_stale(cache)  # folders left by interrupted rebuilds
    expected = expected_manifest(db)
    if not force:
        for folder in (shipped, cache):
            why = problem(folder, expected)
            if why is None:
                return folder
            log.info("Search index %s not usable: %s", folder, why)
    if _inside(cache, shipped) or _inside(cache, paths.resources_dir()):
        raise SearchIndexError(
            _(
                "The search index cache {path} is inside the program's "
                "folder; refusing to write there."
            ).format(path=cache)
        )
    return rebuild(db, cache, progress)


def open_engine(
    db: Database,
    *,
    shipped: Path | None = None,
    cache: Path | None = None,
    progress: Progress | None = None,
) -> SearchEngine:
    """An open searcher for `db`; a damaged index is rebuilt once and opened again."""
    folder = ensure_index(db, shipped=shipped, cache=cache, progress=progress)
    try:
        return SearchEngine(folder)
    except SearchIndexError:
        folder = ensure_index(db, shipped=shipped, cache=cache, progress=progress, force=True)
        return SearchEngine(folder)


def recover(
    engine: SearchEngine,
    db: Database,
    *,
    cache: Path | None = None,
    progress: Progress | None = None,
) -> SearchEngine:
    """After a SearchIndexError at query time: close, rebuild into the cache, reopen."""
    try:
        engine.close()
    except Exception:  # noqa: BLE001 - the old engine is being thrown away
        pass
    return SearchEngine(rebuild(db, cache, progress))


def index_problem(
    folder: Path, db: Database, *, count: bool = True, expected: dict[str, Any] | None = None
) -> str | None:
    """Why the index in `folder` cannot serve `db`: "missing", "stale", "corrupt", or None.

    The check the window and its search process run at each start: `problem()` with
    `trust_unchanged` (files unchanged since their digests last matched are not read again).
    Without `count` the caller compares the document count itself, once the index is open.
    """
    if expected is None:
        expected = expected_manifest(db)
    why = problem(folder, expected, count=count, trust_unchanged=True)
    if why is not None:
        log.info("Search index %s not usable: %s", folder, why)
    return why.split(" (")[0] if why else None


def open_checked(
    folder: Path, db: Database, expected: dict[str, Any] | None = None
) -> tuple[SearchEngine | None, str | None]:
    """(engine, None) when the index in `folder` serves `db`, else (None, the problem). The
    document count is compared on the engine itself: opening the index a second time only
    to count its documents cost as much as opening it."""
    if expected is None:
        expected = expected_manifest(db)
    why = index_problem(folder, db, count=False, expected=expected)
    if why is not None:
        return None, why
    try:
        engine = SearchEngine(folder)
    except SearchIndexError:
        return None, "corrupt"
    if engine.doc_count() != expected["record_count"]:
        log.info("Search index %s not usable: corrupt (document count)", folder)
        engine.close()
        return None, "corrupt"
    return engine, None


def open_current(
    db: Database, *, shipped: Path, cache: Path | None
) -> tuple[SearchEngine | None, str | None]:
    """The engine on the index that serves `db`, as the window opens it at each start: the
    shipped index (`shipped`, the one beside the database) if current, else the user's
    (`cache`, None when the user's folder cannot be used). (None, the cache's problem) when
    neither serves: the caller rebuilds into `cache` with progress."""
    expected = expected_manifest(db)
    if Path(shipped).is_dir():
        engine, _why = open_checked(Path(shipped), db, expected)
        if engine is not None:
            return engine, None
    if cache is None:
        return None, "missing"
    clean_stale(Path(cache))  # folders left by interrupted rebuilds
    return open_checked(Path(cache), db, expected)


def _inside(path: Path, folder: Path) -> bool:
    try:
        return os.path.commonpath([path.resolve(), folder.resolve()]) == str(folder.resolve())
    except ValueError:
        return False
