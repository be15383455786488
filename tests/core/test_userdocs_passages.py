"""The library keeps a document as passages (a page each for PDFs) and its links to records."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from sseref.core.userdb import UserDatabase
from sseref.core.userdocs import (
    PASSAGE_CHARS,
    DocumentStore,
    doc_key,
    passage_of_key,
    sha_of_key,
    split_passages,
)
from sseref.core.usermigrations import MIGRATIONS


@pytest.fixture
def docs(tmp_path: Path) -> Iterator[DocumentStore]:
    db = UserDatabase(tmp_path / "user.db")
    yield DocumentStore(db, tmp_path / "library")
    db.close()


def test_pages_become_passages_and_long_texts_are_cut_at_paragraphs() -> None:
    text = "first page words\n\nsecond page words\n\nthird page"
    starts = [[1, 0], [3, text.index("second")], [4, text.index("third")]]
    assert [(p.page, p.body) for p in split_passages(text, starts)] == [
        (1, "first page words"),
        (3, "second page words"),
        (4, "third page"),
    ]
    long = "\n\n".join(f"paragraph {i}" + " word" * 60 for i in range(100))
    parts = split_passages(long)
    assert len(parts) > 1 and all(p.page is None for p in parts)
    assert all(len(p.body) <= PASSAGE_CHARS for p in parts)
    assert all(p.body.startswith("paragraph") for p in parts)  # cut between paragraphs
    assert "\n\n".join(p.body for p in parts) == long
    assert [p.body for p in split_passages("")] == [""]


def test_a_hit_points_to_its_page(docs: DocumentStore) -> None:
    pages = ["The cooperative law of 2019.", "Nothing here.", "Solidarity finance on page three."]
    text = "\n\n".join(pages)
    starts = [[1, 0], [2, len(pages[0]) + 2], [3, len(pages[0]) + len(pages[1]) + 4]]
    doc = docs.add(
        sha256="b" * 64,
        file_name="law.pdf",
        fmt="pdf",
        size=9,
        text=text,
        page_starts=starts,
        title="Draft law",
    )
    assert docs.text(doc.sha256) == text
    [hit] = docs.find("finance")
    assert hit.page == 3 and "[finance]" in hit.snippet
    [note] = docs.search("finance")
    assert note.record.id == doc_key(doc.sha256, 2) and note.snippet.startswith("p. 3 · ")
    assert sha_of_key(note.record.id) == doc.sha256 and passage_of_key(note.record.id) == 2
    # The title is on every passage: the title and a word of page 3 find page 3.
    assert [h.page for h in docs.find("draft solidarity")] == [3]
    docs.update(doc.sha256, title="Ley marco", authors=("CEPAL",), date="2019", language="es")
    assert [h.page for h in docs.find("ley finance")] == [3] and docs.find("draft") == []
    # Filters on the metadata.
    assert docs.find("finance", years=(2019, 2019)) and not docs.find("finance", years=(2020, 2025))
    assert docs.find("finance", languages=frozenset({"es"}))
    assert not docs.find("finance", languages=frozenset({"fr"}))
    assert docs.replace_text(doc.sha256, "one block now") == 1
    assert docs.find("finance") == [] and [h.page for h in docs.find("block")] == [None]
    assert docs.remove(doc.sha256) and docs.find("block") == []
    assert docs.conn.execute("SELECT count(*) FROM passage").fetchone()[0] == 0


def test_links_to_records_both_ways(docs: DocumentStore) -> None:
    doc = docs.add(sha256="c" * 64, file_name="a.txt", fmt="txt", size=1, text="eclac report")
    assert docs.link(doc.sha256, "org/eclac", "ECLAC") and not docs.link(doc.sha256, "org/eclac")
    docs.link(doc.sha256, "org/ilo", "ILO")
    assert docs.links(doc.sha256) == [("org/eclac", "ECLAC"), ("org/ilo", "ILO")]
    assert [d.sha256 for d in docs.linked_to("org/eclac")] == [doc.sha256]
    docs.unlink(doc.sha256, "org/ilo")
    assert docs.linked_to("org/ilo") == []
    docs.remove(doc.sha256)
    assert docs.linked_to("org/eclac") == []


def test_version_3_text_becomes_one_passage(tmp_path: Path) -> None:
    path = tmp_path / "user.db"
    conn = sqlite3.connect(path, isolation_level=None)
    for number, step in MIGRATIONS:
        if number <= 3:
            conn.execute("BEGIN")
            step(conn)
            conn.execute("COMMIT")
            conn.execute(f"PRAGMA user_version = {number}")
    conn.execute(
        "INSERT INTO document (sha256, file_name, title, format, size, imported_at) "
        "VALUES (?, 'old.txt', 'Old report', 'txt', 3, 'x')",
        ("d" * 64,),
    )
    conn.execute(
        "INSERT INTO document_text (sha256, title, authors, body) VALUES (?, ?, '', ?)",
        ("d" * 64, "Old report", "mutual insurance schemes"),
    )
    conn.close()
    db = UserDatabase(path)
    try:
        docs = DocumentStore(db, tmp_path / "library")
        assert docs.text("d" * 64) == "mutual insurance schemes"
        assert [h.title for h in docs.find("insurance")] == ["Old report"]
    finally:
        db.close()
