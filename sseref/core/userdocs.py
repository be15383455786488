"""The user's private library: imported documents, their metadata and text, in the user database.

Each document is known by the SHA-256 of its content; the copy of the original file lives in
`<data>/library/<first two hex digits>/<sha256>.<format>` (written by sseref.library.importer),
its text in the `document_text` FTS5 table so the search box finds it. All the SQL is here.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sseref.core import vocab
from sseref.core.i18n import _
from sseref.core.paths import user_dirs
from sseref.core.userdata import UserDataError
from sseref.core.userdb import UserDatabase, utc_now
from sseref.core.userstore import NoteHit, UserRecord, fts_query

DOC_PREFIX = vocab.MY_DOCUMENT_PREFIX  # a document's id in search results: "mydoc:<sha256>"
DOC_KIND = vocab.MY_DOCUMENT_KIND
LIBRARY_DIR = "library"
MAX_META_CHARS = 500
_COLUMNS = "sha256, file_name, title, authors, date, language, format, size, pages, imported_at"


@dataclass(frozen=True)
class Document:
    """One imported file as the library knows it."""

    sha256: str
    file_name: str
    title: str
    authors: tuple[str, ...]
    date: str
    language: str
    format: str
    size: int
    pages: int | None
    imported_at: str

    @property
    def key(self) -> str:
        """The id search results and the window use for this document."""
        return DOC_PREFIX + self.sha256

    @property
    def display_title(self) -> str:
        return self.title or self.file_name


def split_authors(text: str) -> tuple[str, ...]:
    """Authors typed as "A; B" (a comma may be inside a name: "Smith, J.")."""
    return tuple(a for a in (" ".join(p.split()) for p in text.split(";")) if a)


def _clean(value: str) -> str:
    return " ".join(value.split())[:MAX_META_CHARS]


def _document(row: sqlite3.Row | tuple[object, ...]) -> Document:
    return Document(
        sha256=str(row[0]),
        file_name=str(row[1]),
        title=str(row[2]),
        authors=split_authors(str(row[3])),
        date=str(row[4]),
        language=str(row[5]),
        format=str(row[6]),
        size=int(str(row[7])),
        pages=None if row[8] is None else int(str(row[8])),
        imported_at=str(row[9]),
    )


def sha_of_key(key: str) -> str | None:
    """The SHA-256 in a "mydoc:…" id, or None for any other id."""
    if not key.startswith(DOC_PREFIX):
        return None
    sha = key[len(DOC_PREFIX) :]
    return sha if len(sha) == 64 and all(c in "0123456789abcdef" for c in sha) else None


class DocumentStore:
    """Reads and changes the library's rows; the files themselves are under `library_dir`."""

    def __init__(self, db: UserDatabase, library_dir: Path | None = None) -> None:
        self.db = db
        if library_dir is None:
            in_memory = str(db.path) == ":memory:"
            library_dir = (user_dirs().data if in_memory else db.path.parent) / LIBRARY_DIR
        self.library_dir = library_dir

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    def file_path(self, sha256: str, fmt: str) -> Path:
        """Where the copy of the original is kept."""
        return self.library_dir / sha256[:2] / f"{sha256}.{fmt}"

    def by_hash(self, sha256: str) -> Document | None:
        row = self.conn.execute(
            f"SELECT {_COLUMNS} FROM document WHERE sha256 = ?", (sha256,)
        ).fetchone()
        return _document(row) if row else None

    def by_key(self, key: str) -> Document | None:
        sha = sha_of_key(key)
        return self.by_hash(sha) if sha else None

    def add(
        self,
        *,
        sha256: str,
        file_name: str,
        fmt: str,
        size: int,
        text: str,
        title: str = "",
        authors: tuple[str, ...] | list[str] = (),
        date: str = "",
        language: str = "",
        pages: int | None = None,
    ) -> Document:
        """Stores a newly imported document and its text (one transaction)."""
        if self.by_hash(sha256) is not None:
            raise UserDataError(_("This document is already in your library."))
        names = "; ".join(_clean(a).replace(";", ",") for a in authors if a.strip())
        values = (
            sha256,
            _clean(file_name),
            _clean(title),
            names[:MAX_META_CHARS],
            _clean(date),
            _clean(language),
            fmt,
            size,
            pages,
            utc_now(),
        )
        with self.db.write() as conn:
            conn.execute(
                f"INSERT INTO document ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values
            )
            conn.execute(
                "INSERT INTO document_text (sha256, title, authors, body) VALUES (?, ?, ?, ?)",
                (sha256, values[2] or values[1], values[3], text),
            )
        found = self.by_hash(sha256)
        assert found is not None
        return found

    def documents(self) -> list[Document]:
        """Every document, the most recently imported first."""
        rows = self.conn.execute(
            f"SELECT {_COLUMNS} FROM document ORDER BY imported_at DESC, id DESC"
        )
        return [_document(row) for row in rows]

    def text(self, sha256: str) -> str:
        row = self.conn.execute(
            "SELECT body FROM document_text WHERE sha256 = ?", (sha256,)
        ).fetchone()
        return str(row[0]) if row else ""

    def update(
        self, sha256: str, *, title: str, authors: tuple[str, ...], date: str, language: str
    ) -> Document:
        """The user's corrections to the metadata (searched from now on)."""
        names = "; ".join(_clean(a).replace(";", ",") for a in authors if a.strip())
        with self.db.write() as conn:
            cur = conn.execute(
                "UPDATE document SET title = ?, authors = ?, date = ?, language = ? "
                "WHERE sha256 = ?",
                (_clean(title), names[:MAX_META_CHARS], _clean(date), _clean(language), sha256),
            )
            if not cur.rowcount:
                raise UserDataError(_("This document is no longer in your library."))
            file_name = conn.execute(
                "SELECT file_name FROM document WHERE sha256 = ?", (sha256,)
            ).fetchone()[0]
            conn.execute(
                "UPDATE document_text SET title = ?, authors = ? WHERE sha256 = ?",
                (_clean(title) or file_name, names, sha256),
            )
        found = self.by_hash(sha256)
        assert found is not None
        return found

    def remove(self, sha256: str) -> bool:
        """Deletes the document's row, text and copy; returns whether it was there."""
        doc = self.by_hash(sha256)
        if doc is None:
            return False
        with self.db.write() as conn:
            conn.execute("DELETE FROM document WHERE sha256 = ?", (sha256,))
            conn.execute("DELETE FROM document_text WHERE sha256 = ?", (sha256,))
        self.file_path(sha256, doc.format).unlink(missing_ok=True)
        return True

    # --- search (merged with the bundled records by sseref.search.mine) ---------------------

    def search(
        self, text: str, limit: int = 200, marks: tuple[str, str] = ("[", "]")
    ) -> list[NoteHit]:
        """Documents whose title, authors or text match every word, best first, with snippets."""
        query = fts_query(text)
        if not query:
            return []
        rows = self.conn.execute(
            "SELECT t.sha256, d.title, d.file_name, "
            "snippet(document_text, 3, ?, ?, '…', 16), t.rank "
            "FROM document_text t JOIN document d ON d.sha256 = t.sha256 "
            "WHERE document_text MATCH ? ORDER BY t.rank LIMIT ?",
            (*marks, query, limit),
        )
        return [
            NoteHit(UserRecord(DOC_PREFIX + row[0], row[1] or row[2], DOC_KIND), row[3], -row[4])
            for row in rows
        ]

    def recent(self, limit: int = 200) -> list[NoteHit]:
        """Every document, newest first, as hits (`mine:` with no words)."""
        return [
            NoteHit(UserRecord(d.key, d.display_title, DOC_KIND), ", ".join(d.authors), 1.0)
            for d in self.documents()[:limit]
        ]
