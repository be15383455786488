"""Build step: the search index shipped beside the database, built from the fresh database."""

from __future__ import annotations

import sys
from pathlib import Path

from sseref.core import paths
from sseref.core.db import Database
from sseref.core.errors import SSERefError
from sseref.search import lifecycle


def index_stale(database: Path) -> bool:
    """True when the shipped index is missing, damaged or built from other data."""
    try:
        db = Database(database)
    except SSERefError:
        return True
    try:
        return (
            lifecycle.problem(paths.bundled_index_dir(), lifecycle.expected_manifest(db))
            is not None
        )
    finally:
        db.close()


def build_shipped_index(database: Path) -> None:
    """Indexes every record of `database` into generated/index (build time only)."""
    db = Database(database)
    try:
        lifecycle.rebuild(
            db,
            paths.bundled_index_dir(),
            progress=lambda done, total: print(f"Search index: {done}/{total}", file=sys.stderr),
        )
    finally:
        db.close()
