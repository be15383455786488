"""The user database's schema, as numbered migration steps (PRAGMA user_version is the number).

Never edit a step once released: add a new one. Each step runs in one transaction, after a
backup of the file (see core.userdb), so a failed step leaves the previous version intact.
Tests open a database built at every earlier version and migrate it to the latest.
"""

from __future__ import annotations

from collections.abc import Callable
from sqlite3 import Connection

# Version 1: records the user touched (stable id + last known title), favourites, reading lists,
# history and notes.
V1 = """
CREATE TABLE record (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT '',
    seen_at TEXT NOT NULL
);
CREATE TABLE favourite (
    record_id TEXT PRIMARY KEY REFERENCES record(id),
    added_at TEXT NOT NULL
);
CREATE TABLE reading_list (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE TABLE list_item (
    list_id INTEGER NOT NULL REFERENCES reading_list(id) ON DELETE CASCADE,
    record_id TEXT NOT NULL REFERENCES record(id),
    position INTEGER NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (list_id, record_id)
);
CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL REFERENCES record(id),
    opened_at TEXT NOT NULL
);
CREATE INDEX history_opened ON history(opened_at);
CREATE TABLE note (
    record_id TEXT PRIMARY KEY REFERENCES record(id),
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
"""

# Version 2: tags, saved searches, and the user-side full-text index over notes, tags and the
# last known titles (accents folded like the bundled search; prefix indexes for search as you
# type; ranked by bm25 with tags and titles above the note's text); existing notes are indexed.
V2 = """
CREATE TABLE tag (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE record_tag (
    record_id TEXT NOT NULL REFERENCES record(id),
    tag_id INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
    PRIMARY KEY (record_id, tag_id)
);
CREATE TABLE saved_search (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    query TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_count INTEGER
);
CREATE VIRTUAL TABLE user_text USING fts5(
    record_id UNINDEXED, title, note, tags,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);
INSERT INTO user_text (user_text, rank) VALUES ('rank', 'bm25(0.0, 1.0, 4.0, 6.0)');
INSERT INTO user_text (record_id, title, note, tags)
    SELECT n.record_id, r.title, n.body, '' FROM note n JOIN record r ON r.id = n.record_id;
"""

# Version 3: the private library (issue 20). One row per imported file, keyed by the SHA-256 of
# its content (the copy in <data>/library/ab/<sha256>.<format> is named by it, so the same file
# is never stored twice); its extracted text in its own FTS5 table (title and authors above the
# body), so the user's documents are searched with the bundled records.
V3 = """
CREATE TABLE document (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    file_name TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    authors TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    format TEXT NOT NULL,
    size INTEGER NOT NULL,
    pages INTEGER,
    imported_at TEXT NOT NULL
);
CREATE VIRTUAL TABLE document_text USING fts5(
    sha256 UNINDEXED, title, authors, body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);
INSERT INTO document_text (document_text, rank) VALUES ('rank', 'bm25(0.0, 6.0, 3.0, 1.0)')
"""

# Version 4 (issue 20, continued): a document's text is kept as passages (one per page for a PDF,
# blocks of a few thousand characters otherwise) so a hit points to the right page; an external-
# content FTS5 table indexes them (title and authors repeated on each passage, so a query that
# names the title and a word of page 5 finds page 5). Links from a document to the bundled records
# it is about. The text imported by version 3 becomes one passage (`sseref library reindex` splits
# it from the kept original).
V4 = """
CREATE TABLE passage (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL REFERENCES document(sha256) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    page INTEGER,
    title TEXT NOT NULL DEFAULT '',
    authors TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL
);
CREATE UNIQUE INDEX passage_order ON passage(sha256, seq);
CREATE VIRTUAL TABLE passage_text USING fts5(
    title, authors, body,
    content = 'passage', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);
INSERT INTO passage_text (passage_text, rank) VALUES ('rank', 'bm25(6.0, 3.0, 1.0)');
INSERT INTO passage (sha256, seq, page, title, authors, body)
    SELECT sha256, 0, NULL, title, authors, body FROM document_text;
INSERT INTO passage_text (rowid, title, authors, body)
    SELECT id, title, authors, body FROM passage;
DROP TABLE document_text;
CREATE TABLE document_link (
    sha256 TEXT NOT NULL REFERENCES document(sha256) ON DELETE CASCADE,
    record_id TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    added_at TEXT NOT NULL,
    PRIMARY KEY (sha256, record_id)
);
CREATE INDEX document_link_record ON document_link(record_id)
"""


def _script(sql: str) -> Callable[[Connection], None]:
    def run(conn: Connection) -> None:
        # executescript() would COMMIT first: run statement by statement inside our transaction.
        for statement in sql.split(";"):
            if statement.strip():
                conn.execute(statement)

    return run


# (version reached, step): applied in order to databases below that version.
MIGRATIONS: tuple[tuple[int, Callable[[Connection], None]], ...] = (
    (1, _script(V1)),
    (2, _script(V2)),
    (3, _script(V3)),
    (4, _script(V4)),
)
LATEST = MIGRATIONS[-1][0]
