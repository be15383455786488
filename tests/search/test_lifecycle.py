"""Index lifecycle: a missing, stale or damaged index is rebuilt in the cache and answers."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from sseref.core.db import Database
from sseref.search import lifecycle
from sseref.search.engine import SearchEngine, SearchIndexError
from sseref.search.indexer import MANIFEST
from sseref.search.vocabulary import VOCABULARY_FILE


@pytest.fixture
def shipped(fixture_index: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "shipped"
    shutil.copytree(fixture_index, folder)
    return folder


def _answers(db: Database, shipped: Path, cache: Path) -> Path:
    engine = lifecycle.open_engine(db, shipped=shipped, cache=cache)
    try:
        assert engine.search("A/RES/77/281").hits[0].id == "doc/beta-resolution"
        return engine.index_dir
    finally:
        engine.close()


def test_good_shipped_index_is_used_as_is(
    fixture_db: Database, shipped: Path, tmp_path: Path
) -> None:
    before = {p.name: p.stat().st_mtime_ns for p in shipped.iterdir()}
    assert _answers(fixture_db, shipped, tmp_path / "cache") == shipped
    assert {p.name: p.stat().st_mtime_ns for p in shipped.iterdir()} == before
    assert not (tmp_path / "cache").exists()


def test_missing_index_is_built_in_the_cache(fixture_db: Database, tmp_path: Path) -> None:
    progress: list[tuple[int, int]] = []
    folder = lifecycle.ensure_index(
        fixture_db,
        shipped=tmp_path / "none",
        cache=tmp_path / "cache",
        progress=lambda d, t: progress.append((d, t)),
    )
    assert folder == tmp_path / "cache"
    assert progress and progress[-1][0] == progress[-1][1] == 6
    assert _answers(fixture_db, tmp_path / "none", tmp_path / "cache") == folder


def test_default_cache_is_the_user_cache(
    fixture_db: Database, tmp_path: Path, _user_dirs: Path
) -> None:
    folder = lifecycle.ensure_index(fixture_db, shipped=tmp_path / "none")
    assert folder.is_relative_to(_user_dirs)


@pytest.mark.parametrize(
    "damage",
    [
        "delete_segment",
        "truncate_segment",
        "garble_segment",
        "delete_toc",
        "delete_manifest",
        "garble_manifest",
        "delete_all",
    ],
)
def test_damaged_index_is_rebuilt(
    fixture_db: Database, shipped: Path, tmp_path: Path, damage: str
) -> None:
    segment = next(shipped.glob("*.seg"))
    if damage == "delete_segment":
        segment.unlink()
    elif damage == "truncate_segment":
        segment.write_bytes(segment.read_bytes()[:100])
    elif damage == "garble_segment":
        data = bytearray(segment.read_bytes())
        data[len(data) // 2 : len(data) // 2 + 64] = b"\xff" * 64
        segment.write_bytes(bytes(data))
    elif damage == "delete_toc":
        next(shipped.glob("*.toc")).unlink()
    elif damage == "delete_manifest":
        (shipped / MANIFEST).unlink()
    elif damage == "garble_manifest":
        (shipped / MANIFEST).write_text("{not json", "utf-8")
    else:
        shutil.rmtree(shipped)
    assert lifecycle.problem(shipped, lifecycle.expected_manifest(fixture_db)) is not None
    assert _answers(fixture_db, shipped, tmp_path / "cache") == tmp_path / "cache"


def test_stale_index_is_rebuilt(fixture_db: Database, shipped: Path, tmp_path: Path) -> None:
    manifest = json.loads((shipped / MANIFEST).read_text("utf-8"))
    manifest["data_version"] = "older"
    (shipped / MANIFEST).write_text(json.dumps(manifest), "utf-8")
    assert (
        lifecycle.problem(shipped, lifecycle.expected_manifest(fixture_db))
        == "stale (data_version)"
    )
    assert _answers(fixture_db, shipped, tmp_path / "cache") == tmp_path / "cache"


def test_corrupt_cache_is_rebuilt_too(fixture_db: Database, tmp_path: Path) -> None:
    cache = lifecycle.ensure_index(fixture_db, shipped=tmp_path / "none", cache=tmp_path / "c")
    for path in cache.glob("*.seg"):
        path.write_bytes(b"garbage")
    assert _answers(fixture_db, tmp_path / "none", cache) == cache


def test_never_writes_into_the_program_folder(
    fixture_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSEREF_RESOURCES", str(tmp_path / "install"))
    with pytest.raises(lifecycle.SearchIndexError):
        lifecycle.ensure_index(
            fixture_db,
            shipped=tmp_path / "none",
            cache=tmp_path / "install" / "generated" / "cache",
        )


def _flip_keeping_mtime(path: Path) -> None:
    """Changes a byte without changing the size or the modification time (bit rot)."""
    stat = path.stat()
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def test_unchanged_files_are_digested_once(fixture_db: Database, shipped: Path) -> None:
    """The window's check reads a file again only when its size or time changed."""
    expected = lifecycle.expected_manifest(fixture_db)
    assert lifecycle.problem(shipped, expected, trust_unchanged=True) is None  # digests read
    segment = max(shipped.glob("*.seg"), key=lambda p: p.stat().st_size)
    _flip_keeping_mtime(segment)
    # Recorded as verified and untouched since: not read again (the documented trade-off) ...
    assert lifecycle.problem(shipped, expected, trust_unchanged=True) is None
    # ... while the full check (the command line's) still reads every byte.
    assert lifecycle.problem(shipped, expected) == f"corrupt ({segment.name} content)"


def test_a_rewritten_file_is_digested_again(fixture_db: Database, shipped: Path) -> None:
    expected = lifecycle.expected_manifest(fixture_db)
    assert lifecycle.problem(shipped, expected, trust_unchanged=True) is None
    vocabulary = shipped / VOCABULARY_FILE
    stat = vocabulary.stat()
    data = bytearray(vocabulary.read_bytes())
    data[0] ^= 0x01
    vocabulary.write_bytes(bytes(data))  # same size, a new modification time
    os.utime(vocabulary, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert lifecycle.problem(shipped, expected, trust_unchanged=True) == (
        "corrupt (vocabulary.json content)"
    )


def test_a_rebuilt_index_never_inherits_an_old_verification(
    fixture_db: Database, tmp_path: Path
) -> None:
    expected = lifecycle.expected_manifest(fixture_db)
    folder = lifecycle.rebuild(fixture_db, tmp_path / "index")
    assert lifecycle.problem(folder, expected, trust_unchanged=True) is None
    lifecycle.rebuild(fixture_db, folder)  # new files, a new manifest
    segment = max(folder.glob("*.seg"), key=lambda p: p.stat().st_size)
    _flip_keeping_mtime(segment)
    assert lifecycle.problem(folder, expected, trust_unchanged=True) == (
        f"corrupt ({segment.name} content)"
    )


def test_the_vocabulary_file_is_part_of_the_checked_index(
    fixture_db: Database, shipped: Path
) -> None:
    manifest = json.loads((shipped / MANIFEST).read_text("utf-8"))
    assert VOCABULARY_FILE in manifest["files"]
    (shipped / VOCABULARY_FILE).unlink()
    expected = lifecycle.expected_manifest(fixture_db)
    assert lifecycle.problem(shipped, expected) == "corrupt (vocabulary.json missing)"
    with pytest.raises(SearchIndexError):
        SearchEngine(shipped)


def test_the_window_s_old_cache_folder_goes_with_the_first_rebuild(
    fixture_db: Database, _user_dirs: Path
) -> None:
    legacy = _user_dirs / "cache" / lifecycle.LEGACY_WINDOW_FOLDER
    legacy.mkdir(parents=True)
    (legacy / MANIFEST).write_text("{}", "utf-8")
    unrelated = _user_dirs / "cache" / "other"
    unrelated.mkdir()
    assert lifecycle.rebuild(fixture_db) == _user_dirs / "cache" / lifecycle.CACHE_FOLDER
    assert not legacy.exists() and unrelated.is_dir()


def test_open_current_is_the_windows_open(
    fixture_db: Database, shipped: Path, tmp_path: Path
) -> None:
    """The window's (and its search process's) open: the shipped index when current, else the
    user's; neither serving → the problem, for a rebuild with progress."""
    engine, why = lifecycle.open_current(fixture_db, shipped=shipped, cache=tmp_path / "cache")
    assert why is None and engine is not None and engine.index_dir == shipped
    engine.close()
    manifest = json.loads((shipped / MANIFEST).read_text("utf-8"))
    manifest["data_version"] = "older"
    (shipped / MANIFEST).write_text(json.dumps(manifest), "utf-8")
    cache = tmp_path / "cache"
    assert lifecycle.open_current(fixture_db, shipped=shipped, cache=cache) == (None, "missing")
    assert lifecycle.open_current(fixture_db, shipped=shipped, cache=None) == (None, "missing")
    lifecycle.rebuild(fixture_db, cache)
    engine, why = lifecycle.open_current(fixture_db, shipped=shipped, cache=cache)
    assert why is None and engine is not None and engine.index_dir == cache
    engine.close()
    next(cache.glob("*.seg")).write_bytes(b"damaged")
    assert lifecycle.open_current(fixture_db, shipped=shipped, cache=cache) == (None, "corrupt")
    (shipped / MANIFEST).write_text(json.dumps(manifest), "utf-8")
    assert lifecycle.open_checked(shipped, fixture_db) == (None, "stale")
