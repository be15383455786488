"""Search fixtures: indexes of the fixture and real datasets, built once per run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sseref.core.db import Database
from sseref.search.engine import SearchEngine
from sseref.search.lifecycle import rebuild


def _build(db_path: Path, folder: Path) -> Path:
    db = Database(db_path)
    try:
        return rebuild(db, folder)
    finally:
        db.close()


@pytest.fixture(scope="session")
def fixture_index(fixture_db_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(fixture_db_path, tmp_path_factory.mktemp("fixture-index") / "index")


@pytest.fixture(scope="session")
def real_index(real_db_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(real_db_path, tmp_path_factory.mktemp("real-index") / "index")


@pytest.fixture(scope="session")
def fixture_engine(fixture_index: Path) -> Iterator[SearchEngine]:
    engine = SearchEngine(fixture_index)
    yield engine
    engine.close()


@pytest.fixture(scope="session")
def real_engine(real_index: Path) -> Iterator[SearchEngine]:
    engine = SearchEngine(real_index)
    yield engine
    engine.close()


def ids(engine: SearchEngine, query: str, limit: int = 10, **kw: object) -> list[str]:
    return [h.id for h in engine.search(query, limit=limit, **kw).hits]  # type: ignore[arg-type]
