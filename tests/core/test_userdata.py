"""The meeting pack file: round trip, atomic replace, damaged files kept and reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sseref.core.userdata import (
    PACK_FILE,
    MeetingPack,
    MeetingPackStore,
    UserDataCorruptError,
)


def test_empty_when_missing(tmp_path: Path) -> None:
    assert MeetingPackStore(tmp_path).load() == MeetingPack()


def test_round_trip_in_the_user_data_folder(_user_dirs: Path) -> None:
    store = MeetingPackStore()
    assert str(store.path).startswith(str(_user_dirs))
    pack = MeetingPack(["org/ilo", "event/1978-bapa"], "Réunion à Genève")
    store.save(pack)
    assert store.load() == pack
    assert json.loads(store.path.read_text(encoding="utf-8"))["version"] == 1
    assert [p.name for p in store.path.parent.iterdir()] == [PACK_FILE]  # no temp files left


def test_add_move_remove() -> None:
    pack = MeetingPack()
    assert pack.add("a", "b", "a", "c") == 3
    pack.move("c", -5)
    assert pack.record_ids == ["c", "a", "b"]
    pack.move("c", 1)
    pack.remove("b")
    assert pack.record_ids == ["a", "c"]


@pytest.mark.parametrize("content", ["{not json", '{"records": "x"}', "[]", "\udcff"])
def test_damaged_file_is_kept_and_reported(tmp_path: Path, content: str) -> None:
    store = MeetingPackStore(tmp_path)
    store.path.write_bytes(content.encode("utf-8", "surrogateescape"))
    with pytest.raises(UserDataCorruptError) as info:
        store.load()
    backup = info.value.backup
    assert backup is not None and backup.read_bytes() == store.path.read_bytes()
    assert str(backup) in str(info.value) and "damaged" in str(info.value)
    pack, problem = store.load_or_empty()
    assert pack == MeetingPack() and problem
    store.save(MeetingPack(["org/ilo"]))  # saving afterwards loses nothing: the copy stays
    assert backup.exists() and store.load().record_ids == ["org/ilo"]


def test_failed_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = MeetingPackStore(tmp_path)
    store.save(MeetingPack(["org/ilo"]))

    def boom(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(Exception, match="disk full"):
        store.save(MeetingPack(["org/other"]))
    assert store.load().record_ids == ["org/ilo"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [PACK_FILE]
