"""The damaged-state matrix: damaged database, index, alias file and folders; each is a
message (never a traceback), and derived files are rebuilt, in the CLI and in the window."""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from sseref.core.db import Database
from sseref.core.errors import DatabaseCorruptError, SSERefError, UserFolderError
from sseref.search import lifecycle
from sseref.search.engine import SearchEngine, SearchIndexError
from sseref.search.indexer import ALIASES, MANIFEST
from sseref.search.vocabulary import VOCABULARY_FILE
from tests.conftest import ROOT


def scramble(data: bytes, start: int, size: int, seed: int = 16) -> bytes:
    rng = random.Random(seed)
    out = bytearray(data)
    for i in range(start, min(len(out), start + size)):
        out[i] = rng.randrange(256)
    return bytes(out)


# --- the database -------------------------------------------------------------------------

DB_DAMAGE = {
    "truncated to half": lambda d: d[: len(d) // 2],
    "8 KB scrambled in the middle": lambda d: scramble(d, len(d) // 2, 8192),
    "8 KB scrambled after the header": lambda d: scramble(d, 4096, 8192),
    "header read-version bit-flipped": lambda d: d[:19] + bytes([d[19] ^ 0xFF]) + d[20:],
    "page size bit-flipped": lambda d: d[:16] + bytes([d[16] ^ 0x55]) + d[17:],
    "zero bytes": lambda d: b"",
    "text file": lambda d: b"this is not a database\n" * 100,
}


@pytest.fixture
def damaged_db(fixture_db_path: Path, tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    path = tmp_path / "damaged.db"
    path.write_bytes(DB_DAMAGE[request.param](fixture_db_path.read_bytes()))
    return path


def read_everything(path: Path) -> None:
    """What the program reads: opening, the quick check, then every record."""
    db = Database(path)
    try:
        db.check_integrity()
        for record_id in db.ids():
            db.get(record_id)
            db.relations(record_id)
    finally:
        db.close()


@pytest.mark.parametrize("damaged_db", list(DB_DAMAGE), indirect=True)
def test_a_damaged_database_is_a_message(damaged_db: Path) -> None:
    with pytest.raises(SSERefError) as info:
        read_everything(damaged_db)
    assert str(damaged_db) in str(info.value) or "database" in str(info.value)


def test_integrity_check_finds_scrambled_pages(fixture_db_path: Path, tmp_path: Path) -> None:
    data = fixture_db_path.read_bytes()
    assert Database(fixture_db_path).integrity_problems(full=True) == []
    path = tmp_path / "scrambled.db"
    path.write_bytes(scramble(data, len(data) // 2, 8192))
    try:
        db = Database(path)
    except DatabaseCorruptError:
        return  # even the first read fails: also detected
    try:
        assert db.integrity_problems(full=True), "integrity_check missed 8 KB of garbage"
        assert db.integrity_problems(full=False)
    finally:
        db.close()


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sseref", *args],
        cwd=ROOT,
        env=env or dict(os.environ),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


@pytest.mark.parametrize(
    "damaged_db", ["8 KB scrambled in the middle", "truncated to half"], indirect=True
)
def test_cli_on_a_damaged_database(damaged_db: Path, tmp_path: Path) -> None:
    env = dict(os.environ, SSEREF_DATA_DIR=str(tmp_path / "user"))
    selftest = run_cli("--database", str(damaged_db), "self-test", "--json", env=env)
    assert selftest.returncode == 1 and "Traceback" not in selftest.stderr
    report = json.loads(selftest.stdout)
    database = [c for c in report["checks"] if c["name"] == "database"][0]
    assert not database["ok"], database
    for command in (["stats"], ["list", "organization"], ["show", "org/alpha"]):
        done = run_cli("--database", str(damaged_db), *command, env=env)
        assert "Traceback" not in done.stderr, (command, done.stderr)
        if done.returncode:
            assert done.returncode == 1, (command, done.stderr)
            assert "damaged" in done.stderr or "cannot be read" in done.stderr, done.stderr


def test_window_start_on_a_damaged_database(
    qapp: Any, fixture_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from sseref.app import launch

    path = tmp_path / "damaged.db"
    data = fixture_db_path.read_bytes()
    path.write_bytes(scramble(data, len(data) // 2, 8192))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    code = launch.run_gui(argparse.Namespace(database=str(path)))
    assert code == launch.EXIT_FAIL
    assert len(shown) == 1 and "damaged" in shown[0] and str(path) in shown[0]


def test_a_known_error_in_the_window_is_a_message_box(
    qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from sseref.gui.crash import ExceptionHandler

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    handler = ExceptionHandler()
    for _row in range(3):  # a list asking row after row: one box, not three
        try:
            raise DatabaseCorruptError("The reference database x.db is damaged (malformed).")
        except DatabaseCorruptError:
            handler(*sys.exc_info())  # type: ignore[arg-type]
    assert shown == ["The reference database x.db is damaged (malformed)."]
    assert handler.last_dialog is None  # no traceback dialog for a known failure


# --- the search index ---------------------------------------------------------------------


def _largest(folder: Path, suffix: str) -> Path:
    return max(folder.glob(f"*{suffix}"), key=lambda p: p.stat().st_size)


INDEX_DAMAGE = {
    "segment truncated": lambda f: _largest(f, ".seg").write_bytes(
        _largest(f, ".seg").read_bytes()[:-500]
    ),
    "segment bit-flipped (same size)": lambda f: _largest(f, ".seg").write_bytes(
        scramble(_largest(f, ".seg").read_bytes(), 2000, 64)
    ),
    "segment deleted": lambda f: _largest(f, ".seg").unlink(),
    "toc garbage": lambda f: [p.write_bytes(b"garbage") for p in f.glob("*.toc")],
    "alias file garbage": lambda f: (f / ALIASES).write_bytes(b"\x00garbage{"),
    "alias file emptied": lambda f: (f / ALIASES).write_text("{}", "utf-8"),
    "vocabulary file deleted": lambda f: (f / VOCABULARY_FILE).unlink(),
    "vocabulary file truncated": lambda f: (f / VOCABULARY_FILE).write_text(
        '{"terms": [], "freqs": []}', "utf-8"
    ),
    "manifest deleted": lambda f: (f / MANIFEST).unlink(),
    "manifest garbage": lambda f: (f / MANIFEST).write_text("{not json", "utf-8"),
    "manifest of another data version": lambda f: (f / MANIFEST).write_text(
        json.dumps({**json.loads((f / MANIFEST).read_text("utf-8")), "data_version": "x"}),
        "utf-8",
    ),
}


@pytest.mark.parametrize("damage", list(INDEX_DAMAGE))
def test_index_damage_is_found_and_rebuilt(
    fixture_db: Database, fixture_index: Path, tmp_path: Path, damage: str
) -> None:
    cache = tmp_path / "cache" / "index"
    shutil.copytree(fixture_index, cache)
    INDEX_DAMAGE[damage](cache)
    expected = lifecycle.expected_manifest(fixture_db)
    assert lifecycle.problem(cache, expected) is not None, damage
    engine = lifecycle.open_engine(fixture_db, shipped=tmp_path / "none", cache=cache)
    try:
        assert lifecycle.problem(cache, expected) is None
        assert "org/alpha" in [h.id for h in engine.search("alpha").hits]
    finally:
        engine.close()


def test_a_damaged_alias_file_is_not_silently_used(fixture_index: Path, tmp_path: Path) -> None:
    folder = tmp_path / "index"
    shutil.copytree(fixture_index, folder)
    (folder / ALIASES).write_text('{"groups": []}', "utf-8")
    with pytest.raises(SearchIndexError, match="aliases"):
        SearchEngine(folder)


def test_stale_building_folders_are_removed(
    fixture_db: Database, fixture_index: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache" / "index"
    shutil.copytree(fixture_index, cache)
    dead = 2**22 + 12345  # above Linux's default pid_max: no such process
    leftovers = [
        cache.with_name(f"index.building-{dead}"),
        cache.with_name(f"index.old-{dead}"),
    ]
    for folder in leftovers:
        folder.mkdir()
        (folder / "half.seg").write_bytes(b"x" * 100)
    mine = cache.with_name("index.building-1")  # pid 1 is alive: never touched
    mine.mkdir()
    lifecycle.ensure_index(fixture_db, shipped=tmp_path / "none", cache=cache)
    assert not any(folder.exists() for folder in leftovers)
    assert mine.exists() and cache.is_dir()


def test_window_runner_reports_damage_and_heals(
    qtbot: Any, fixture_db: Database, fixture_index: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    """A search that finds the open index damaged: a message, then a rebuild with progress."""
    import zlib

    from sseref.gui import index_setup
    from sseref.gui.search_service import EngineRunner

    engine = SearchEngine(fixture_index)
    reported: list[bool] = []

    def damaged(*_a: object, **_k: object) -> None:
        raise zlib.error("Error -3 while decompressing data: invalid block type")

    monkeypatch.setattr(engine._eval, "evaluate", damaged)
    runner = EngineRunner(engine, on_damaged=lambda: reported.append(True))
    outcome = runner("cooperative", {}, lambda: True)
    engine.close()
    assert reported == [True] and outcome.error and "damaged" in outcome.error

    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    got: dict[str, Any] = {}
    healer = index_setup.IndexHealer(parent, fixture_db, lambda e, err: got.update(e=e, err=err))
    healer.report()
    healer.report()  # a second report while rebuilding starts no second rebuild
    qtbot.waitUntil(lambda: "e" in got, timeout=30000)
    assert got["e"] is not None, got["err"]
    assert "org/alpha" in [h.id for h in got["e"].search("alpha").hits]
    got["e"].close()


def test_window_damaged_user_index_found_like_the_cli(
    qtbot: Any, fixture_db: Database, fixture_index: Path, monkeypatch: Any
) -> None:
    """A bit-flipped segment (same size, opens fine) is found by its digest and rebuilt."""
    from PySide6.QtWidgets import QWidget

    from sseref.gui import index_setup

    monkeypatch.setattr(index_setup, "index_dir_for", lambda _db_path: Path("/nonexistent"))
    target = index_setup.user_index_dir()
    shutil.copytree(fixture_index, target)
    INDEX_DAMAGE["segment bit-flipped (same size)"](target)
    assert index_setup.index_problem(target, fixture_db) == "corrupt"
    parent = QWidget()
    qtbot.addWidget(parent)
    got: dict[str, Any] = {}
    task = index_setup.prepare_engine(parent, fixture_db, lambda e, err: got.update(e=e, err=err))
    assert task is not None  # a rebuild with progress, not the damaged index
    qtbot.waitUntil(lambda: "e" in got, timeout=30000)
    assert got["e"] is not None and index_setup.index_problem(target, fixture_db) is None
    got["e"].close()


# --- the user's folders -------------------------------------------------------------------


def unwritable_root(tmp_path: Path) -> Path:
    """A data folder that cannot be created, even by root: its parent is a file."""
    blocker = tmp_path / "a-file"
    blocker.write_text("x", "utf-8")
    return blocker / "sseref"


def test_unwritable_user_folder_is_named(tmp_path: Path) -> None:
    from sseref.core.paths import user_dirs

    root = unwritable_root(tmp_path)
    with pytest.raises(UserFolderError) as info:
        user_dirs(root).ensure()
    assert str(root) in str(info.value) and "--data-dir" in str(info.value)


def stop_before_the_window(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The launcher stops at the database step (a message box): the user-folder and lock
    steps before it are what is tested, and no window is left behind for later tests."""
    from PySide6.QtWidgets import QMessageBox

    from sseref.core import db as db_module
    from sseref.core.errors import DatabaseMissingError

    def stop(_path: object) -> None:
        raise DatabaseMissingError("stopped by the test")

    stopped: list[str] = []
    monkeypatch.setattr(db_module, "Database", stop)
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: stopped.append(text))
    return stopped


def test_window_start_with_unwritable_user_folders(
    qapp: Any, fixture_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A message naming the folder, no second-instance question, and the start goes on."""
    from PySide6.QtWidgets import QMessageBox

    from sseref.app import launch

    root = unwritable_root(tmp_path)
    monkeypatch.setenv("SSEREF_DATA_DIR", str(root))
    warned: list[str] = []
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda _p, t, _x: asked.append(t))
    stopped = stop_before_the_window(monkeypatch)
    launch.run_gui(argparse.Namespace(database=str(fixture_db_path)))
    assert stopped == ["stopped by the test"]  # it went on to open the database
    assert asked == []
    assert warned and str(root) in warned[0]


def test_cli_with_unwritable_cache_is_a_message(fixture_db_path: Path, tmp_path: Path) -> None:
    """No usable index and a cache that cannot be written: one message naming the folder."""
    root = unwritable_root(tmp_path)
    env = dict(os.environ, SSEREF_DATA_DIR=str(root), SSEREF_RESOURCES=str(tmp_path / "none"))
    done = run_cli("--database", str(fixture_db_path), "search", "alpha", env=env)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and str(root) in done.stderr


# --- full disks ---------------------------------------------------------------------------


def test_no_half_backup_of_a_damaged_pack_on_a_full_disk(tmp_path: Path) -> None:
    from sseref.core.userdata import MeetingPackStore, UserDataCorruptError
    from tests.reliability.smallfs import fill, tmpfs

    with tmpfs(tmp_path / "disk", size_kb=64) as disk:
        store = MeetingPackStore(disk)
        store.path.write_text("{not json" + " " * 20000, "utf-8")
        fill(disk, 0)
        with pytest.raises(UserDataCorruptError) as info:
            store.load()
        assert info.value.backup is None
        assert "None" not in str(info.value) and "no copy" in str(info.value)
        assert [p.name for p in disk.iterdir() if "damaged" in p.name] == []
        assert store.path.read_text("utf-8").startswith("{not json")  # the original stays


def test_a_full_disk_is_not_a_second_instance(
    qapp: Any, fixture_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lock file cannot be written: the start goes on, and no question is asked."""
    from PySide6.QtCore import QLockFile
    from PySide6.QtWidgets import QMessageBox

    from sseref.app import launch
    from tests.reliability.smallfs import fill, tmpfs

    with tmpfs(tmp_path / "disk", size_kb=64) as disk:
        for name in ("config", "data", "cache"):
            (disk / name).mkdir()
        fill(disk, 0)
        probe = QLockFile(str(disk / "data" / "probe.lock"))
        assert not probe.tryLock(0) and probe.error() != QLockFile.LockError.LockFailedError
        monkeypatch.setenv("SSEREF_DATA_DIR", str(disk))
        asked: list[str] = []
        monkeypatch.setattr(QMessageBox, "question", lambda _p, t, _x: asked.append(t))
        monkeypatch.setattr(QMessageBox, "warning", lambda *_a: None)
        stopped = stop_before_the_window(monkeypatch)
        launch.run_gui(argparse.Namespace(database=str(fixture_db_path)))
        assert stopped == ["stopped by the test"] and asked == []


def test_window_rebuild_onto_a_full_disk_is_a_sentence(
    qtbot: Any, fixture_db: Database, tmp_path: Path, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QWidget

    from sseref.gui import index_setup
    from tests.reliability.smallfs import fill, tmpfs

    with tmpfs(tmp_path / "disk", size_kb=128) as disk:
        (disk / "cache").mkdir()
        fill(disk, 0)
        monkeypatch.setattr(index_setup, "index_dir_for", lambda _db_path: Path("/nonexistent"))
        monkeypatch.setattr(index_setup, "user_index_dir", lambda: disk / "cache" / "index")
        parent = QWidget()
        qtbot.addWidget(parent)
        got: dict[str, Any] = {}
        task = index_setup.prepare_engine(
            parent, fixture_db, lambda e, err: got.update(e=e, err=err)
        )  # kept, as the window keeps it: a collected task would never report
        assert task is not None
        qtbot.waitUntil(lambda: "e" in got, timeout=30000)
        assert got["e"] is None
        message = str(got["err"])
        assert "is full" in message and str(disk) in message and "Errno" not in message
