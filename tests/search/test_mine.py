"""The user's notes and tags searched with the bundled records: merged, ranked, `mine:`."""

from __future__ import annotations

from pathlib import Path

import pytest

from sseref.core.userstore import ThreadUserIndex, UserStore
from sseref.search.engine import SearchEngine
from sseref.search.mine import search_with_mine, split_mine, user_words


@pytest.fixture
def notes(tmp_path: Path) -> UserStore:
    store = UserStore(tmp_path / "user.db")
    # A word that appears nowhere in the bundled data, on a bundled record.
    store.set_note("term/cooperative", "Zanzibar workshop: ask about the 2025 strategy")
    store.set_tags("org/beta-task-force", ["zanzibar"], "Beta Task Force")
    # A note with a word the bundled data has too, on its weakest match for that word.
    store.set_note("init/gamma", "A cooperative bank to visit")
    # A record a later data version dropped.
    store.set_note("org/gone", "zanzibar contacts", "Gone organisation")
    return store


def test_split_and_words() -> None:
    assert split_mine("mine: zanzibar") == ("zanzibar", True)
    assert split_mine("zanzibar MINE:yes kind:org") == ("zanzibar kind:org", True)
    assert split_mine("determine: x") == ("determine: x", False)
    assert user_words('alpha kind:organization -beta year:1970..1980 "x y"') == 'alpha "x y"'


def test_user_only_words_find_records_through_notes(
    fixture_engine: SearchEngine, notes: UserStore, fixture_db: object
) -> None:
    assert fixture_engine.search("zanzibar").total == 0  # not in the bundled data
    exists = fixture_db.exists  # type: ignore[attr-defined]
    result = search_with_mine(fixture_engine, notes, "zanzibar", exists=exists, limit=20)
    ids = [h.id for h in result.hits]
    assert set(ids) == {"term/cooperative", "org/beta-task-force"}  # org/gone: not in the data
    assert result.total == 2
    hit = next(h for h in result.hits if h.id == "term/cooperative")
    assert "<b>Zanzibar</b>" in hit.snippet and hit.kind == "term"
    # kind: applies to records found through notes.
    only_terms = search_with_mine(fixture_engine, notes, "zanzibar kind:term", exists=exists)
    assert [h.id for h in only_terms.hits] == ["term/cooperative"]
    # A filter the user side cannot check leaves note-only records out.
    assert search_with_mine(fixture_engine, notes, "zanzibar year:1970..1980").hits == []


def test_notes_raise_a_bundled_hit(fixture_engine: SearchEngine, notes: UserStore) -> None:
    plain = fixture_engine.search("cooperative", limit=20)
    merged = search_with_mine(fixture_engine, notes, "cooperative", limit=20)
    assert [h.id for h in plain.hits][-1] == "init/gamma"
    before = [h.id for h in plain.hits].index("init/gamma")
    after = [h.id for h in merged.hits].index("init/gamma")
    assert after < before  # ranked together: the user's note pushes it up
    assert merged.total == plain.total
    assert {h.id for h in merged.hits} == {h.id for h in plain.hits}


def test_mine_limits_to_the_users_text(fixture_engine: SearchEngine, notes: UserStore) -> None:
    result = search_with_mine(fixture_engine, notes, "mine: cooperative")
    assert [h.id for h in result.hits] == ["init/gamma"]
    assert result.total == 1 and result.facets == {}
    everything = search_with_mine(fixture_engine, notes, "mine:", exists=lambda i: i != "org/gone")
    assert {h.id for h in everything.hits} == {
        "term/cooperative",
        "org/beta-task-force",
        "init/gamma",
    }
    assert "zanzibar" in next(h for h in everything.hits if h.id == "org/beta-task-force").snippet
    assert search_with_mine(fixture_engine, None, "mine: cooperative").total == (
        fixture_engine.search("cooperative").total
    )


def test_the_thread_reader(notes: UserStore) -> None:
    import threading

    reader = ThreadUserIndex(notes.db.path)
    found: list[list[str]] = []
    thread = threading.Thread(
        target=lambda: found.append([h.record.id for h in reader.search_notes("strategy")])
    )
    thread.start()
    thread.join()
    assert found == [["term/cooperative"]]


def test_an_unreadable_user_database_gives_no_user_matches(tmp_path: Path) -> None:
    path = tmp_path / "user.db"
    path.write_bytes(b"not a database" * 100)
    reader = ThreadUserIndex(path)
    assert reader.search_notes("x") == [] and reader.noted_records() == []
    assert reader.note_snippets("x", ["a/b"]) == {}
    assert path.read_bytes().startswith(b"not a database")  # a reader never moves it aside


def test_imported_documents_are_searched_with_the_bundled_records(
    fixture_engine: SearchEngine, notes: UserStore, fixture_db: object
) -> None:
    from sseref.core.userdocs import DOC_KIND, DocumentStore

    docs = DocumentStore(notes.db, Path(str(notes.db.path)).parent / "library")
    doc = docs.add(
        sha256="b" * 64,
        file_name="brief.pdf",
        fmt="pdf",
        size=10,
        title="Ministry brief",
        text="The cooperative sector in Quixadá employs many people.",
    )
    exists = fixture_db.exists  # type: ignore[attr-defined]
    # A word only the document has: it is found, with a snippet of its own text.
    only = search_with_mine(fixture_engine, notes, "quixada", exists=exists, limit=20)
    assert [h.id for h in only.hits] == [doc.key]
    assert only.hits[0].kind == DOC_KIND and only.hits[0].title == "Ministry brief"
    assert "<b>Quixadá</b>" in only.hits[0].snippet
    # A word the bundled data has too: the document is ranked among the bundled hits.
    plain = fixture_engine.search("cooperative", limit=20)
    merged = search_with_mine(fixture_engine, notes, "cooperative", exists=exists, limit=20)
    assert doc.key in [h.id for h in merged.hits]
    assert merged.total == plain.total + 1
    # mine: keeps the user's side only (notes and documents); mine: alone lists them all.
    mine = search_with_mine(fixture_engine, notes, "mine: cooperative", exists=exists)
    assert {h.id for h in mine.hits} == {"init/gamma", doc.key}
    listed = search_with_mine(fixture_engine, notes, "mine:", exists=exists)
    assert doc.key in [h.id for h in listed.hits]
    # The thread reader (the window's search thread) finds them too.
    reader = ThreadUserIndex(notes.db.path)
    assert [h.record.id for h in reader.search_documents("quixada")] == [doc.key]
    assert [h.record.id for h in reader.recent_documents()] == [doc.key]


def test_kind_year_and_language_filters_apply_to_documents(
    fixture_engine: SearchEngine, notes: UserStore
) -> None:
    from sseref.core.userdocs import DOC_KIND, DocumentStore
    from sseref.search.mine import document_filters

    docs = DocumentStore(notes.db, Path(str(notes.db.path)).parent / "library")
    es = docs.add(
        sha256="e" * 64,
        file_name="ley.txt",
        fmt="txt",
        size=1,
        title="Ley de cooperativas",
        text="Quixadá cooperative law",
        date="2019-05",
        language="es",
    )
    fr = docs.add(
        sha256="f" * 64,
        file_name="loi.txt",
        fmt="txt",
        size=1,
        title="Loi ESS",
        text="Quixadá cooperative act",
        date="2014",
        language="fr",
    )

    def ids(query: str) -> set[str]:
        return {h.id for h in search_with_mine(fixture_engine, notes, query, limit=50).hits}

    assert {es.key, fr.key} <= ids("quixada")
    assert ids("quixada kind:document") == {es.key, fr.key}
    assert ids("quixada kind:mine") == {es.key, fr.key}
    assert ids("quixada kind:organization") == set()
    assert ids("quixada -kind:mine") == set()
    assert ids("quixada year:2019") == {es.key}
    assert ids("quixada year:2010..2015") == {fr.key}
    assert ids("quixada lang:fr") == {fr.key}
    assert ids("quixada lang:es year:2014") == set()
    assert ids("quixada region:africa") == set()  # documents have no region
    assert document_filters("x type:plan") is None
    # The kind facet counts them: the "Mine" chip.
    merged = search_with_mine(fixture_engine, notes, "cooperative", limit=50)
    assert merged.facets["kind"][DOC_KIND] == 2


def test_a_document_found_by_its_text_and_its_note_is_one_hit(
    fixture_engine: SearchEngine, notes: UserStore
) -> None:
    from sseref.core.userdocs import DocumentStore

    docs = DocumentStore(notes.db, Path(str(notes.db.path)).parent / "library")
    doc = docs.add(sha256="9" * 64, file_name="a.txt", fmt="txt", size=1, text="Quixadá fund")
    notes.set_note(doc.key, "Quixadá again", "a.txt", "my-document")
    hits = search_with_mine(fixture_engine, notes, "quixada", limit=20).hits
    assert [h.id for h in hits] == [doc.key]
