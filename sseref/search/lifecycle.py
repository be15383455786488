"""Index lifecycle: use the shipped index when it matches the database, else rebuild a cache."""

from __future__ import annotations

import hashlib
import logging
import os
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
    build_index,
    clean_stale,
    open_index,
    read_manifest,
)
from sseref.search.schema import INDEX_SCHEMA_VERSION

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
CACHE_FOLDER = "search-index"


def expected_manifest(db: Database) -> dict[str, Any]:
    """What an index built from `db` by this program records in its manifest."""
    stats = db.stats()
    return {
        "index_schema": INDEX_SCHEMA_VERSION,
        "db_schema": SCHEMA_VERSION,
        "data_version": stats["data_version"] or "",
        "record_count": sum(stats["counts"].values()),
    }


def problem(folder: Path, expected: dict[str, Any], *, deep: bool = True) -> str | None:
    """Why the index in `folder` cannot serve `expected` (None when it can)."""
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
    for name, entry in files.items():
        path = folder / name
        try:
            size = path.stat().st_size
        except OSError:
            return f"corrupt ({name} missing)"
        total += size
        if not isinstance(entry, list) or len(entry) != 2 or size != entry[0]:
            return f"corrupt ({name} size)"
    if deep and total <= DIGEST_LIMIT:
        for name, (_size, digest) in files.items():
            if (
                digest
                and hashlib.blake2b((folder / name).read_bytes(), digest_size=16).hexdigest()
                != digest
            ):
                return f"corrupt ({name} content)"
    try:
        ix = open_index(folder)
        try:
            count = ix.doc_count_all()
        finally:
            ix.close()
    except Exception as exc:  # noqa: BLE001 - Whoosh raises many kinds on damaged files
        return f"corrupt ({type(exc).__name__})"
    if count != expected.get("record_count"):
        return "corrupt (document count)"
    return None


def cache_index_dir() -> Path:
    """The rebuilt index lives in the user's cache folder, never in the install folder."""
    return paths.user_dirs().cache / CACHE_FOLDER


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
        )
    except OSError as exc:  # a full or read-only cache disk: the old index stays as it was
        raise SearchIndexError(
            _("The search index could not be rebuilt: {why}").format(
                why=os_error_message(exc, target)
            )
        ) from exc
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


def _inside(path: Path, folder: Path) -> bool:
    try:
        return os.path.commonpath([path.resolve(), folder.resolve()]) == str(folder.resolve())
    except ValueError:
        return False
