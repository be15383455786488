"""The read-only database: records, relations both ways, sources, and clear errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sseref.core.db import Database
from sseref.core.errors import (
    DatabaseCorruptError,
    DatabaseMissingError,
    DatabaseVersionError,
    UnknownKindError,
    UnknownRecordError,
)


def test_counts_and_stats(fixture_db: Database) -> None:
    stats = fixture_db.stats()
    assert stats["counts"] == {
        "organization": 2,
        "event": 1,
        "document": 1,
        "initiative": 1,
        "term": 1,
        "person": 0,
        "country": 0,
    }
    assert stats["data_version"] and stats["built_at"]


def test_record_with_relations_both_ways(fixture_db: Database) -> None:
    task_force = fixture_db.get("org/beta-task-force")
    links = {(r.type, r.direction, r.other_id) for r in task_force.relations}
    assert ("member_of", "in", "org/alpha") in links
    assert ("part_of", "in", "init/gamma") in links
    assert ("issued", "out", "doc/beta-resolution") in links
    alpha = fixture_db.get("org/alpha")
    member = next(r for r in alpha.relations if r.type == "member_of")
    assert (member.direction, member.since, member.source_doc_id) == (
        "out",
        "2014",
        "doc/beta-resolution",
    )
    assert member.other_title == "Beta Task Force on Solidarity Economy"


def test_language_fallback(fixture_db: Database) -> None:
    record = fixture_db.get("org/beta-task-force", "fr")
    assert record.title("es") == "Grupo de Trabajo Beta sobre Economía Solidaria"
    assert record.title("fr") == "Beta Task Force on Solidarity Economy"  # no French name
    assert record.summary("fr")[1] == "en"


def test_sources_are_readable_citations(fixture_db: Database) -> None:
    alpha = fixture_db.get("org/alpha")
    first, second = alpha.sources
    assert first.doc_id == "doc/beta-resolution"
    assert "Promoting the solidarity economy" in first.citation()
    # The seed names a file of the build's source cache: never shown to readers.
    assert "000_test.txt" not in first.citation()
    assert second.citation() == (
        "Example, “Test page”, https://example.org/about (checked 2026-11-20)"
    )


def test_rows_keep_order_and_fields(fixture_db: Database) -> None:
    rows = fixture_db.rows(["org/beta-task-force", "doc/beta-resolution"], "es")
    assert [r.id for r in rows] == ["org/beta-task-force", "doc/beta-resolution"]
    assert rows[0].acronym == "GTB" and rows[0].type == "un-interagency-body"
    assert rows[1].extra == "A/RES/77/281" and rows[1].year == 2023


def test_events_are_in_date_order(fixture_db: Database) -> None:
    assert fixture_db.ids("event") == ["event/1978-conference"]
    event = fixture_db.get("event/1978-conference")
    assert event.date is not None and event.date.is_range


def test_unknown_id_and_kind(fixture_db: Database) -> None:
    with pytest.raises(UnknownRecordError, match="org/nope"):
        fixture_db.get("org/nope")
    with pytest.raises(UnknownKindError):
        fixture_db.ids("planet")


def test_missing_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseMissingError, match="build-data"):
        Database(tmp_path / "none.db")


def test_wrong_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("create table meta (key, value)")
    conn.execute("pragma user_version = 99")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseVersionError, match="schema version 99"):
        Database(path)


def test_corrupt_database(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DatabaseCorruptError):
        Database(path)


def test_opens_in_a_read_only_folder(tmp_path: Path, fixture_db_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    copy = folder / "sseref.db"
    copy.write_bytes(fixture_db_path.read_bytes())
    folder.chmod(0o555)
    copy.chmod(0o444)
    try:
        db = Database(copy)
        assert db.counts()["organization"] == 2
        db.close()
        assert sorted(p.name for p in folder.iterdir()) == ["sseref.db"]
    finally:
        folder.chmod(0o755)
