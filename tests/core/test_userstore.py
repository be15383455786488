"""The personal layer's data: favourites, lists, history, notes, tags, saved searches, export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sseref.core.userdata import UserDataError
from sseref.core.userexport import (
    FORMAT,
    ImportFormatError,
    export_data,
    export_file,
    import_file,
)
from sseref.core.userstore import UserStore, fts_query, parse_tags


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = UserStore(tmp_path / "user.db")
    yield s
    s.close()


def test_favourites_keep_the_last_known_title(store: UserStore) -> None:
    assert store.toggle_favourite("org/ilo", "ILO", "organization") is True
    store.set_favourite("event/x", True, "An event")
    assert [r.id for r in store.favourites()][0:2] in (
        ["event/x", "org/ilo"],
        ["org/ilo", "event/x"],
    )
    assert store.toggle_favourite("org/ilo") is False  # no title given: the old one stays
    assert store.record("org/ilo").title == "ILO"  # type: ignore[union-attr]
    assert [r.id for r in store.favourites()] == ["event/x"]
    assert store.refresh_titles({"event/x": "A renamed event", "gone/y": "?"}) == 1
    assert store.favourites()[0].title == "A renamed event"
    assert store.missing(["org/ilo"]) == {"event/x"}


def test_reading_lists_order_and_names(store: UserStore) -> None:
    lid = store.create_list("  Geneva   meeting ")
    with pytest.raises(UserDataError):
        store.create_list("Geneva meeting")
    with pytest.raises(UserDataError):
        store.create_list("   ")
    for rid in ("a/1", "a/2", "a/3"):
        assert store.add_to_list(lid, rid, rid.upper())
    assert not store.add_to_list(lid, "a/2")
    store.reorder_list(lid, ["a/3", "a/1"])
    assert [r.id for r in store.list_items(lid)] == ["a/3", "a/1", "a/2"]
    store.remove_from_list(lid, "a/1")
    assert [(rl.name, rl.count) for rl in store.lists()] == [("Geneva meeting", 2)]
    other = store.create_list("Other")
    with pytest.raises(UserDataError):
        store.rename_list(other, "Geneva meeting")
    store.rename_list(other, "Dakar")
    assert [rl.name for rl in store.lists()] == ["Dakar", "Geneva meeting"]
    store.delete_list(lid)
    assert store.list_by_name("Geneva meeting") is None
    with pytest.raises(UserDataError):
        store.add_to_list(lid, "a/1")


def test_history_by_day_searchable_and_clearable(store: UserStore) -> None:
    store.record_visit("org/ilo", "International Labour Organization")
    store.record_visit("org/undp", "UNDP")
    store.record_visit("org/ilo")
    visits = store.history()
    assert [v.record.id for v in visits] == ["org/ilo", "org/undp", "org/ilo"]
    day = visits[0].day
    assert store.history_days() == [(day, 3)]
    assert len(store.history(day=day)) == 3 and store.history(day="1999-01-01") == []
    assert [v.record.id for v in store.history("labour")] == ["org/ilo", "org/ilo"]
    assert store.history("100%_") == []  # LIKE wildcards are taken literally
    store.delete_visit(visits[1].id)
    assert [v.record.id for v in store.history()] == ["org/ilo", "org/ilo"]
    assert store.clear_history() == 2
    assert store.history() == []


def test_notes_tags_and_the_user_index(store: UserStore) -> None:
    store.set_note("org/ilo", "Ask about their **2025 strategy** in Génève", "ILO")
    store.set_tags("org/ilo", ["follow-up", "Geneva", "geneva", "a, b"])
    assert store.tags("org/ilo") == ["a b", "follow-up", "Geneva"]
    note = store.note("org/ilo")
    assert (
        note is not None
        and "2025 strategy" in note.body
        and note.tags
        == (
            "a b",
            "follow-up",
            "Geneva",
        )
    )
    store.set_tags("org/undp", ["Geneva"], "UNDP")
    assert ("Geneva", 2) in store.all_tags()
    # Accents optional, prefixes, tags and titles all searchable.
    assert [h.record.id for h in store.search_notes("geneve")] == ["org/ilo"]
    assert [h.record.id for h in store.search_notes("strat")] == ["org/ilo"]
    assert {h.record.id for h in store.search_notes("geneva")} == {"org/ilo", "org/undp"}
    assert "[" in store.search_notes("strategy")[0].snippet
    assert store.search_notes('"); DROP TABLE note; --') == []
    assert store.search_notes("  ") == []
    assert [n.record.id for n in store.notes(tag="geneva")] == ["org/ilo", "org/undp"]
    store.set_note("org/ilo", "")
    store.set_tags("org/ilo", [])
    assert store.note("org/ilo") is None
    assert store.search_notes("strategy") == []
    assert [t for t, _n in store.all_tags()] == ["Geneva"]  # unused tags are forgotten


def test_saved_searches(store: UserStore) -> None:
    sid = store.save_search("SSE in Africa", "sse kind:organization region:africa", 12)
    assert store.save_search("SSE in Africa", "sse region:africa") == sid
    store.set_search_count(sid, 7)
    [saved] = store.saved_searches()
    assert (saved.query, saved.last_count) == ("sse region:africa", 7)
    with pytest.raises(UserDataError):
        store.save_search("empty", "  ")
    store.delete_saved_search(sid)
    assert store.saved_searches() == []


def test_helpers() -> None:
    assert parse_tags("a, B ,b,, c  d") == ["a", "B", "c d"]
    assert fts_query('x "y" z*') == '"x" "y" "z"*'
    assert fts_query("!!") == ""


def _fill(store: UserStore) -> None:
    store.set_favourite("org/ilo", True, "ILO", "organization")
    lid = store.create_list("Geneva")
    store.add_to_list(lid, "org/ilo")
    store.add_to_list(lid, "org/gone", "A record removed later")
    store.record_visit("org/ilo")
    store.set_note("org/ilo", "Ask about their 2025 strategy")
    store.set_tags("org/ilo", ["follow-up"])
    store.save_search("Africa", "sse region:africa", 4)


def test_export_then_import_into_an_empty_database(store: UserStore, tmp_path: Path) -> None:
    _fill(store)
    out = tmp_path / "export.json"
    counts = export_file(store, out)
    assert counts["notes"] == 1 and counts["lists"] == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == FORMAT and data["lists"][0]["records"] == ["org/ilo", "org/gone"]
    other = UserStore(tmp_path / "other.db")
    report = import_file(other, out)
    assert report.added["favourites"] == 1 and report.added["notes"] == 1
    mine = export_data(store)
    theirs = export_data(other)
    for key in ("records", "favourites", "lists", "history", "notes", "saved_searches"):
        assert theirs[key] == mine[key], key
    assert [h.record.id for h in other.search_notes("strategy")] == ["org/ilo"]
    # Importing again adds nothing.
    again = import_file(other, out)
    assert again.added == {} and again.skipped["favourites"] == 1
    assert "nothing new" in again.summary()
    other.close()


def test_import_merges_without_losing_anything(store: UserStore, tmp_path: Path) -> None:
    _fill(store)
    out = tmp_path / "export.json"
    export_file(store, out)
    other = UserStore(tmp_path / "other.db")
    other.set_note("org/ilo", "My own note")
    other.save_search("Africa", "something else")
    report = import_file(other, out)
    assert report.merged_notes == 1
    body = other.note("org/ilo").body  # type: ignore[union-attr]
    assert "My own note" in body and "2025 strategy" in body
    assert {s.name for s in other.saved_searches()} == {"Africa", "Africa (imported)"}
    assert "added below yours" in report.summary()
    other.close()


@pytest.mark.parametrize(
    "content",
    [
        b"\xff\xfe not utf-8",
        b"{not json",
        b"[]",
        b'{"format": "something else", "version": 1}',
        b'{"format": "sseref-user-data", "version": 99}',
        b'{"format": "sseref-user-data", "version": true}',
        b'{"format": "sseref-user-data", "version": 1, "notes": [{"id": "a/b", "body": 5}]}',
        b'{"format": "sseref-user-data", "version": 1, "favourites": [{"id": "a\\u0000b"}]}',
        b'{"format": "sseref-user-data", "version": 1, "favourites": [{"id": "ok/1"}],'
        b' "history": [{"id": "ok/1", "opened_at": "yesterday"}]}',
        b'{"format": "sseref-user-data", "version": 1, "lists": [{"name": "", "records": []}]}',
        b"[" * 100_000 + b"]" * 100_000,
    ],
)
def test_hostile_imports_change_nothing(store: UserStore, tmp_path: Path, content: bytes) -> None:
    _fill(store)
    before = export_data(store)
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    with pytest.raises(ImportFormatError, match="Nothing was changed"):
        import_file(store, bad)
    after = export_data(store)
    before.pop("exported_at"), after.pop("exported_at")
    assert after == before


def test_missing_import_file(store: UserStore, tmp_path: Path) -> None:
    with pytest.raises(UserDataError, match="cannot be read"):
        import_file(store, tmp_path / "nope.json")
