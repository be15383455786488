"""The user database file: WAL, migrations from every version with a backup, damaged files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sseref.core import usermigrations
from sseref.core.userdata import UserDataError
from sseref.core.userdb import USER_DB, UserDatabase, UserDataNewerError
from sseref.core.userdocs import DocumentStore
from sseref.core.usermigrations import LATEST, MIGRATIONS
from sseref.core.userstore import UserStore


def _build_at(path: Path, version: int) -> None:
    """A database as an older program left it: only the steps up to `version`."""
    conn = sqlite3.connect(path, isolation_level=None)
    for number, step in MIGRATIONS:
        if number <= version:
            conn.execute("BEGIN")
            step(conn)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
    conn.close()


def test_lives_in_the_user_data_folder(_user_dirs: Path) -> None:
    db = UserDatabase()
    assert db.path == _user_dirs / "data" / USER_DB
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.version == LATEST
    assert db.backups() == []  # a new, empty database has nothing to back up
    db.close()


def test_there_is_a_real_migration_step() -> None:
    assert LATEST >= 2 and [v for v, _s in MIGRATIONS] == list(range(1, LATEST + 1))


@pytest.mark.parametrize("start", range(0, LATEST))
def test_migrates_from_every_earlier_version(tmp_path: Path, start: int) -> None:
    path = tmp_path / USER_DB
    _build_at(path, start)
    if start >= 1:  # data written by the version-1 program
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute(
            "INSERT INTO record (id, title, kind, seen_at) VALUES "
            "('org/ilo', 'International Labour Organization', 'organization', 'x')"
        )
        conn.execute("INSERT INTO note VALUES ('org/ilo', 'Ask about the 2025 strategy', 'x')")
        conn.execute("INSERT INTO favourite VALUES ('org/ilo', 'x')")
        if start >= 2:  # the version-2 program indexed each note as it saved it
            conn.execute(
                "INSERT INTO user_text (record_id, title, note, tags) VALUES "
                "('org/ilo', 'International Labour Organization', "
                "'Ask about the 2025 strategy', '')"
            )
        conn.close()
    db = UserDatabase(path)
    assert db.version == LATEST
    store = UserStore(db)
    if start >= 1:
        assert store.is_favourite("org/ilo")
        assert store.note("org/ilo").body == "Ask about the 2025 strategy"  # type: ignore[union-attr]
        # The migration indexed the old note: it is searchable.
        assert [h.record.id for h in store.search_notes("strategy")] == ["org/ilo"]
        backups = db.backups()
        assert len(backups) == 1 and f"user-v{start}-" in backups[0].name
        old = sqlite3.connect(backups[0])
        assert old.execute("PRAGMA user_version").fetchone()[0] == start
        assert old.execute("SELECT body FROM note").fetchone()[0] == "Ask about the 2025 strategy"
        old.close()
    else:
        assert db.backups() == []
    # The private library (version 3) is there and usable whatever the starting version.
    docs = DocumentStore(db, tmp_path / "library")
    assert docs.documents() == []
    docs.add(sha256="a" * 64, file_name="law.txt", fmt="txt", size=5, text="cooperative law")
    assert [h.record.title for h in docs.search("cooperative")] == ["law.txt"]
    db.close()


def test_a_failed_migration_step_leaves_the_old_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / USER_DB
    _build_at(path, 1)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half (x)")
        raise sqlite3.OperationalError("simulated failure")

    monkeypatch.setattr(usermigrations, "MIGRATIONS", (*MIGRATIONS[:1], (2, broken)))
    monkeypatch.setattr("sseref.core.userdb.MIGRATIONS", (*MIGRATIONS[:1], (2, broken)))
    with pytest.raises(UserDataError):
        UserDatabase(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'half'").fetchone() is None
    conn.close()


def test_a_newer_database_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / USER_DB
    _build_at(path, LATEST)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(UserDataNewerError, match="newer version"):
        UserDatabase(path)
    assert path.read_bytes() == before


def test_a_damaged_file_is_moved_aside_and_the_latest_backup_offered(tmp_path: Path) -> None:
    path = tmp_path / USER_DB
    store = UserStore(path)
    store.set_note("org/ilo", "kept in the backup", "ILO")
    backup = store.db.backup()
    store.close()
    path.write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = UserDatabase(path)
    assert db.recovery is not None
    assert db.recovery.moved_to.read_bytes().startswith(b"this is not a database")
    assert db.recovery.latest_backup == backup
    fresh = UserStore(db)
    assert fresh.note("org/ilo") is None  # a fresh, working database
    fresh.set_favourite("org/x", True)
    db.restore(backup)
    assert UserStore(db).note("org/ilo").body == "kept in the backup"  # type: ignore[union-attr]
    db.close()


def test_damaged_pages_are_detected(tmp_path: Path) -> None:
    path = tmp_path / USER_DB
    store = UserStore(path)
    for i in range(300):
        store.set_note(f"org/{i}", "text " * 50)
    store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 3, min(len(data), page * 12)):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))
    db = UserDatabase(path)
    assert db.recovery is not None
    db.close()


def test_a_full_disk_gives_a_clear_message_and_loses_nothing(tmp_path: Path) -> None:
    store = UserStore(tmp_path / USER_DB)
    store.set_note("org/ilo", "saved before the disk filled up")
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "disk full"
    with pytest.raises(UserDataError, match="disk is full"):
        store.set_note("org/big", "x" * 100_000)
    store.close()
    again = UserStore(tmp_path / USER_DB)
    assert again.note("org/ilo").body == "saved before the disk filled up"  # type: ignore[union-attr]
    assert again.note("org/big") is None
    again.close()


def test_daily_backup_of_a_database_with_content(tmp_path: Path) -> None:
    path = tmp_path / USER_DB
    store = UserStore(path)
    store.set_favourite("org/ilo", True)
    store.close()
    db = UserDatabase(path)
    assert len(db.backups()) == 1
    db.close()
    assert len(UserDatabase(path).backups()) == 1  # one a day, not one per start
