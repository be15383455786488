"""Applying data packs: checks before writing, atomic switch, rollback, the bundled floor, and
interruptions (full disk, SIGKILL at many points) that always leave old or new data in use."""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from sseref.core import packformat, packstore, paths
from sseref.core.db import Database
from sseref.core.packformat import PackError, verify_pack
from sseref.core.packstore import DowngradeError, apply_pack
from sseref.search.indexer import read_manifest

ROOT = Path(__file__).resolve().parents[2]


def data_in_use() -> tuple[str, str]:
    """(database data version, index data version) of what the program would open now."""
    db = Database(paths.database_path())
    try:
        version = db.meta()["data_version"]
    finally:
        db.close()
    index = read_manifest(paths.shipped_index_dir()) or {}
    return version, str(index.get("data_version"))


def manifest_of(pack: Path) -> packformat.Manifest:
    return verify_pack(pack).manifest


def user_files(home: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(home)): p.read_bytes()
        for p in sorted(home.rglob("*"))
        if p.is_file() and paths.PACKS_FOLDER not in p.parts
    }


def test_bundled_data_is_used_until_a_pack_is_applied(pack_env) -> None:
    assert paths.applied_data_dir() is None
    assert paths.database_path() == pack_env.resources / "generated" / "sseref.db"
    assert packstore.in_use().name is None
    assert packstore.in_use().as_of == "2026-01-01T00:00:00Z"


def test_apply_switches_database_and_index_together(pack_env) -> None:
    v1 = manifest_of(pack_env.v1)
    result = apply_pack(pack_env.v1)
    assert result.name == v1.name and result.previous is None
    assert data_in_use() == (v1.data_version, v1.data_version)
    db = Database(paths.database_path())
    try:
        assert db.get("org/alpha").fields["headquarters"] == "Nairobi, Kenya"
    finally:
        db.close()
    assert paths.shipped_index_dir() == paths.packs_dir() / "installed" / v1.name / "index"
    changes = packstore.last_changes()
    assert changes is not None and changes["against"] is None
    assert [c["id"] for c in changes["changed"]] == ["org/alpha"]


def test_user_data_beside_the_packs_is_untouched(pack_env, _user_dirs: Path) -> None:
    dirs = paths.user_dirs().ensure()
    (dirs.data / "user.db").write_bytes(b"notes and favourites")
    (dirs.config / "settings.ini").write_text("[x]\n", "utf-8")
    before = user_files(_user_dirs)
    apply_pack(pack_env.v1)
    apply_pack(pack_env.v2)
    packstore.rollback()
    assert user_files(_user_dirs) == before


def test_older_pack_is_refused_unless_a_downgrade_is_chosen(pack_env) -> None:
    apply_pack(pack_env.v2)
    with pytest.raises(DowngradeError, match="older than the data in use"):
        apply_pack(pack_env.v1)
    assert data_in_use()[0] == manifest_of(pack_env.v2).data_version
    apply_pack(pack_env.v1, allow_older=True)
    assert data_in_use()[0] == manifest_of(pack_env.v1).data_version


def test_the_same_pack_twice_is_already_in_use(pack_env) -> None:
    apply_pack(pack_env.v1)
    with pytest.raises(DowngradeError, match="already in use"):
        apply_pack(pack_env.v1)


def test_pack_older_than_the_bundled_data_is_refused_even_as_a_downgrade(pack_env) -> None:
    """The bundled data is the floor: a pack older than it would never be used."""
    with pytest.raises(DowngradeError, match="older than the data in use"):
        apply_pack(pack_env.old)
    with pytest.raises(DowngradeError, match="came with the program"):
        apply_pack(pack_env.old, allow_older=True)
    assert not (paths.packs_dir() / "installed").exists()
    assert paths.applied_data_dir() is None and packstore.in_use().name is None


def test_an_installed_pack_older_than_the_bundled_data_is_ignored(pack_env, monkeypatch) -> None:
    apply_pack(pack_env.v1)
    monkeypatch.setattr(paths, "bundled_as_of", lambda: "2027-01-02T00:00:00Z")
    assert paths.applied_data_dir() is None
    assert packstore.in_use().name is None


def test_a_newer_program_bundle_wins_over_an_older_applied_pack(pack_env, monkeypatch) -> None:
    apply_pack(pack_env.v1)
    assert paths.applied_data_dir() is not None
    monkeypatch.setattr(paths, "bundled_as_of", lambda: "2028-01-01T00:00:00Z")
    assert paths.applied_data_dir() is None
    assert paths.database_path() == pack_env.resources / "generated" / "sseref.db"


def test_rollback_and_forward_again(pack_env) -> None:
    v1, v2 = manifest_of(pack_env.v1), manifest_of(pack_env.v2)
    apply_pack(pack_env.v1)
    apply_pack(pack_env.v2)
    assert packstore.rollback().name == v1.name
    assert data_in_use() == (v1.data_version, v1.data_version)
    assert packstore.switch_to(v2.name).name == v2.name
    assert packstore.rollback().name == v1.name
    assert packstore.rollback().name is None  # the bundled data
    assert data_in_use()[0] == packstore.in_use().data_version
    names = [v.name for v in packstore.versions()]
    assert names == [v2.name, v1.name, None]
    with pytest.raises(Exception, match="no earlier data version"):
        packstore.rollback()


def test_damaged_installed_version_is_not_used(pack_env) -> None:
    v1 = manifest_of(pack_env.v1)
    apply_pack(pack_env.v1)
    db = paths.packs_dir() / "installed" / v1.name / "sseref.db"
    db.write_bytes(db.read_bytes()[:100])
    assert paths.applied_data_dir() is None  # falls back to the bundled data
    listed = {v.name: v for v in packstore.versions()}
    assert listed[v1.name].usable is False
    with pytest.raises(Exception, match="damaged"):
        packstore.switch_to(v1.name)


def test_garbled_pointer_means_bundled_data(pack_env) -> None:
    apply_pack(pack_env.v1)
    pointer = paths.packs_dir() / paths.PACKS_POINTER
    for text in ("{", "[]", '{"active": "../../etc"}', '{"active": 3}', ""):
        pointer.write_text(text, "utf-8")
        assert paths.applied_data_dir() is None
        assert packstore.in_use().name is None


def test_old_versions_are_pruned_beyond_the_kept_ones(pack_env) -> None:
    for pack in (pack_env.v1, pack_env.v2):
        apply_pack(pack, allow_older=True)
    installed = sorted(p.name for p in (paths.packs_dir() / "installed").iterdir())
    assert installed == sorted([manifest_of(pack_env.v1).name, manifest_of(pack_env.v2).name])
    pointer = json.loads((paths.packs_dir() / paths.PACKS_POINTER).read_text())
    assert pointer == {
        "active": manifest_of(pack_env.v2).name,
        "history": [manifest_of(pack_env.v1).name, None],
    }
    packstore.KEEP_PREVIOUS, keep = 0, packstore.KEEP_PREVIOUS
    try:
        packstore.prune()
    finally:
        packstore.KEEP_PREVIOUS = keep
    assert [p.name for p in (paths.packs_dir() / "installed").iterdir()] == [
        manifest_of(pack_env.v2).name
    ]


def test_bad_packs_write_nothing(pack_env, tmp_path: Path) -> None:
    data = pack_env.v1.read_bytes()
    cut = tmp_path / "cut.sserefpack"
    cut.write_bytes(data[: len(data) // 2])
    for bad in (cut, pack_env.unknown_key, pack_env.future_program):
        with pytest.raises(PackError):
            apply_pack(bad)
        assert not paths.packs_dir().exists()


def test_not_enough_space_is_refused_before_writing(pack_env, monkeypatch) -> None:
    monkeypatch.setattr(
        packstore.shutil, "disk_usage", lambda _p: SimpleNamespace(total=10, used=9, free=1)
    )
    with pytest.raises(PackError, match="Not enough free disk space"):
        apply_pack(pack_env.v1)
    assert list((paths.packs_dir() / "installed").iterdir()) == []
    assert paths.applied_data_dir() is None


@pytest.mark.parametrize("fail_after", [0, 1, 3, 6])
def test_disk_full_during_apply_keeps_the_old_data(pack_env, monkeypatch, fail_after) -> None:
    apply_pack(pack_env.v1)
    before = data_in_use()
    real = packstore._write_all
    calls = {"n": 0}

    def filling(fd: int, data: bytes) -> None:
        calls["n"] += 1
        if calls["n"] > fail_after:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd, data)

    monkeypatch.setattr(packstore, "_write_all", filling)
    with pytest.raises(PackError, match="disk filled up"):
        apply_pack(pack_env.v2)
    assert data_in_use() == before
    leftovers = [p.name for p in (paths.packs_dir() / "installed").iterdir()]
    assert leftovers == [manifest_of(pack_env.v1).name]
    monkeypatch.setattr(packstore, "_write_all", real)
    apply_pack(pack_env.v2)  # and it works once there is room
    assert data_in_use()[0] == manifest_of(pack_env.v2).data_version


def test_pack_replaced_by_a_bad_one_between_verify_and_extract(pack_env, tmp_path) -> None:
    """Extraction hashes again: a file swapped after verification is caught."""
    pack = tmp_path / "swap.sserefpack"
    shutil.copyfile(pack_env.v1, pack)
    verified = verify_pack(pack)
    data = bytearray(pack.read_bytes())
    cut = pack_env.v1.read_bytes()
    pack.write_bytes(bytes(data[: len(cut) // 2]))
    with pytest.raises(PackError):
        apply_pack(pack, verified=verified)
    assert paths.applied_data_dir() is None
    assert list((paths.packs_dir() / "installed").iterdir()) == []


KILL_CHILD = r"""
import os, signal, sys
from pathlib import Path
from sseref.core import paths, packstore
resources = Path(sys.argv[1]); pack = Path(sys.argv[2]); kill_at = int(sys.argv[3])
paths.generated_dir = lambda: resources / "generated"
count = 0
def step():
    global count
    count += 1
    if count == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)
def wrap(module, name):
    real = getattr(module, name)
    def wrapped(*a, **k):
        step()
        result = real(*a, **k)
        step()
        return result
    setattr(module, name, wrapped)
for name in ("replace", "fsync", "open", "mkdir", "unlink", "rmdir"):
    wrap(os, name)
wrap(packstore, "_write_all")
wrap(packstore.shutil, "rmtree")
packstore.apply_pack(pack)
print("STEPS", count)
"""


def _run_child(pack_env, home: Path, kill_at: int) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SSEREF_DATA_DIR": str(home), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", KILL_CHILD, str(pack_env.resources), str(pack_env.v2), str(kill_at)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_sigkill_at_50_points_during_apply_leaves_old_or_new_data(
    pack_env, _user_dirs: Path, tmp_path: Path, monkeypatch
) -> None:
    """A real process applying v2 over v1 is killed at 50 points spread over every file
    operation of the apply; after each, the program opens v1 or v2 whole (database and index
    agree), the user's files are intact, and the next apply works."""
    apply_pack(pack_env.v1)
    dirs = paths.user_dirs().ensure()
    (dirs.data / "user.db").write_bytes(b"the user's notes")
    template = tmp_path / "template"
    shutil.copytree(_user_dirs, template)
    user_before = user_files(template)
    v1, v2 = manifest_of(pack_env.v1).data_version, manifest_of(pack_env.v2).data_version

    dry = tmp_path / "dry"
    shutil.copytree(template, dry)
    probe = _run_child(pack_env, dry, 0)  # 0: never killed; counts the steps
    assert probe.returncode == 0, probe.stderr
    total = int(probe.stdout.split("STEPS")[1])
    assert total > 50
    points = sorted({1 + (i * (total - 1)) // 49 for i in range(50)})
    assert len(points) == 50
    outcomes = {"old": 0, "new": 0}
    for point in points:
        home = tmp_path / f"kill-{point}"
        shutil.copytree(template, home)
        result = _run_child(pack_env, home, point)
        assert result.returncode == -signal.SIGKILL, (point, result.stderr)
        monkeypatch.setenv("SSEREF_DATA_DIR", str(home))
        db_version, index_version = data_in_use()
        assert db_version == index_version, point  # never a mix
        assert db_version in (v1, v2), point
        outcomes["old" if db_version == v1 else "new"] += 1
        assert user_files(home) == user_before, point
        if db_version == v1:  # the interrupted apply can be done again
            apply_pack(pack_env.v2)
            assert data_in_use() == (v2, v2)
        leftovers = [
            p.name for p in (paths.packs_dir() / "installed").iterdir() if p.name.startswith(".")
        ]
        packstore.cleanup()
        assert not [
            p for p in (paths.packs_dir() / "installed").iterdir() if p.name.startswith(".")
        ], leftovers
    assert outcomes["old"] > 0 and outcomes["new"] > 0, outcomes


def test_the_index_follows_the_database_that_was_opened(pack_env) -> None:
    """A window that opened v1 keeps v1's index even if v2 is switched to meanwhile."""
    apply_pack(pack_env.v1)
    opened = paths.database_path()
    apply_pack(pack_env.v2)
    assert paths.index_dir_for(opened) == opened.parent / "index"
    assert read_manifest(paths.index_dir_for(opened))["data_version"] == (
        manifest_of(pack_env.v1).data_version
    )
    assert paths.index_dir_for(paths.bundled_database_path()) == paths.bundled_index_dir()
    assert paths.shipped_index_dir() == paths.index_dir_for(paths.database_path())
