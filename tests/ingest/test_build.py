"""The data build: schema, keys, meta, determinism, staleness, atomic writes."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from sseref.core.schema import SCHEMA_VERSION, TABLES
from sseref.ingest.build import BuildError, build_database, data_version, is_stale
from tests.conftest import FIXTURE_DATA


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_tables_keys_and_meta(fixture_db_path: Path) -> None:
    conn = sqlite3.connect(fixture_db_path)
    tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
    assert set(TABLES) <= tables
    assert conn.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("pragma foreign_key_check").fetchall() == []
    fks = conn.execute("pragma foreign_key_list(relations)").fetchall()
    assert {f[3] for f in fks} == {"source_id", "target_id", "source_doc_id"}
    indexes = {r[0] for r in conn.execute("select name from sqlite_master where type = 'index'")}
    assert "idx_records_kind" in indexes and "idx_relations_target_id" in indexes
    meta = dict(conn.execute("select key, value from meta"))
    assert meta["schema_version"] == str(SCHEMA_VERSION)
    assert meta["count_organization"] == "2"
    assert meta["data_version"] == data_version(FIXTURE_DATA)
    assert meta["built_at"].startswith(meta["data_as_of"])


def test_same_input_same_database(tmp_path: Path) -> None:
    build_database(FIXTURE_DATA, tmp_path / "a.db")
    build_database(FIXTURE_DATA, tmp_path / "b.db")
    assert dump(tmp_path / "a.db") == dump(tmp_path / "b.db")


def test_issuing_body_becomes_an_issued_link(fixture_db_path: Path) -> None:
    conn = sqlite3.connect(fixture_db_path)
    row = conn.execute(
        "select source_id, type from relations where target_id = "
        "'doc/beta-resolution' and type = 'issued'"
    ).fetchone()
    assert row == ("org/beta-task-force", "issued")


def test_staleness(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    db = tmp_path / "out" / "sseref.db"
    assert is_stale(data, db)
    build_database(data, db)
    assert not is_stale(data, db)
    file = data / "glossary" / "cooperative.yaml"
    file.write_text(file.read_text() + "aliases: [co-op]\n")
    assert is_stale(data, db)
    db.write_bytes(b"not a database")
    assert is_stale(data, db)


def test_invalid_data_writes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    db = tmp_path / "sseref.db"
    build_database(data, db)
    before = db.read_bytes()
    (data / "events" / "bad.yaml").write_text("id: event/bad\nnames: {en: {name: Bad}}\n")
    with pytest.raises(BuildError):
        build_database(data, db)
    assert db.read_bytes() == before
    assert list(tmp_path.glob("*.tmp")) == []
