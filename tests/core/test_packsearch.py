"""Finding packs on drives and in folders."""

from __future__ import annotations

import shutil
from pathlib import Path

from sseref.core import packsearch


def test_finds_packs_one_level_deep_newest_first(pack_env, tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    shutil.copyfile(pack_env.v1, tmp_path / "v1.sserefpack")
    shutil.copyfile(pack_env.v2, tmp_path / "a" / "v2.sserefpack")
    shutil.copyfile(pack_env.v2, tmp_path / "a" / "b" / "too-deep.sserefpack")
    (tmp_path / "broken.sserefpack").write_bytes(b"PK\x03\x04 nope")
    found = packsearch.find_packs([tmp_path])
    assert [f.path.name for f in found] == ["v2.sserefpack", "v1.sserefpack", "broken.sserefpack"]
    assert [f.relation for f in found] == ["newer", "newer", "invalid"]
    assert "damaged" in found[2].problem or found[2].problem


def test_removable_roots_lists_existing_folders_only() -> None:
    assert all(p.is_dir() for p in packsearch.removable_roots())


def test_missing_folder_finds_nothing(tmp_path: Path) -> None:
    assert packsearch.find_packs([tmp_path / "nope"]) == []
