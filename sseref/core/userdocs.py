"""The user's private library: imported documents, their metadata and text, in the user database.

Each document is known by the SHA-256 of its content; the copy of the original file lives in
`<data>/library/<first two hex digits>/<sha256>.<format>` (written by sseref.library.importer),
its text as passages (one per page for a PDF) indexed by the `passage_text` FTS5 table so the
search box finds it and a hit points to its page; links to the bundled records a document is
about in `document_link`. All the SQL is here.
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
PASSAGE_CHARS = 4000  # a text with no pages is cut into blocks of about this size
SNIPPETS = 10  # documents given a snippet per search: the rows a result list shows at once
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


@dataclass(frozen=True)
class Passage:
    """A piece of a document's text: its order, its page (PDFs) and its text."""

    seq: int
    page: int | None
    body: str


@dataclass(frozen=True)
class DocumentHit:
    """A document found by a search: its best passage's page and snippet."""

    sha256: str
    title: str
    seq: int
    page: int | None
    snippet: str
    rank: float


def split_passages(text: str, page_starts: list[list[int]] | None = None) -> list[Passage]:
    """One passage per page when the pages are known, else blocks of about PASSAGE_CHARS
    characters cut at a paragraph (or line, or space) so a snippet points near its place."""
    if page_starts:
        starts = [(int(n), int(o)) for n, o in page_starts if 0 <= int(o) < max(len(text), 1)]
        out: list[Passage] = []
        for i, (number, offset) in enumerate(starts):
            end = starts[i + 1][1] if i + 1 < len(starts) else len(text)
            body = text[offset:end].strip()
            if body:
                out.append(Passage(len(out), number, body))
        if out:
            return out
    out, start = [], 0
    while start < len(text):
        end = min(len(text), start + PASSAGE_CHARS)
        if end < len(text):
            window = text[start + PASSAGE_CHARS // 2 : end]
            for mark in ("\n\n", "\n", " "):
                cut = window.rfind(mark)
                if cut >= 0:
                    end = start + PASSAGE_CHARS // 2 + cut + len(mark)
                    break
        body = text[start:end].strip()
        if body:
            out.append(Passage(len(out), None, body))
        start = end
    return out or [Passage(0, None, "")]


def doc_key(sha256: str, seq: int | None = None) -> str:
    """The id of a document ("mydoc:<sha256>"), or of one of its passages ("…#<seq>")."""
    return DOC_PREFIX + sha256 + (f"#{seq}" if seq else "")


def passage_of_key(key: str) -> int:
    """The passage a "mydoc:<sha256>#<seq>" id points to (0: the start)."""
    _head, _hash, tail = key.partition("#")
    return int(tail) if tail.isdigit() else 0


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
    """The SHA-256 in a "mydoc:…" id (a passage's too), or None for any other id."""
    if not key.startswith(DOC_PREFIX):
        return None
    sha = key[len(DOC_PREFIX) :].partition("#")[0]
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
        page_starts: list[list[int]] | None = None,
    ) -> Document:
        """Stores a newly imported document and its text as passages (one transaction)."""
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
            self._write_passages(
                conn, sha256, values[2] or values[1], values[3], split_passages(text, page_starts)
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

    @staticmethod
    def _write_passages(
        conn: sqlite3.Connection, sha256: str, title: str, authors: str, passages: list[Passage]
    ) -> None:
        for passage in passages:
            cur = conn.execute(
                "INSERT INTO passage (sha256, seq, page, title, authors, body) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (sha256, passage.seq, passage.page, title, authors, passage.body),
            )
            conn.execute(
                "INSERT INTO passage_text (rowid, title, authors, body) VALUES (?, ?, ?, ?)",
                (cur.lastrowid, title, authors, passage.body),
            )

    @staticmethod
    def _delete_passages(conn: sqlite3.Connection, sha256: str) -> None:
        # An external-content index forgets a row only when told its old values.
        conn.execute(
            "INSERT INTO passage_text (passage_text, rowid, title, authors, body) "
            "SELECT 'delete', id, title, authors, body FROM passage WHERE sha256 = ?",
            (sha256,),
        )
        conn.execute("DELETE FROM passage WHERE sha256 = ?", (sha256,))

    def passages(self, sha256: str) -> list[Passage]:
        rows = self.conn.execute(
            "SELECT seq, page, body FROM passage WHERE sha256 = ? ORDER BY seq", (sha256,)
        )
        return [Passage(int(r[0]), None if r[1] is None else int(r[1]), str(r[2])) for r in rows]

    def text(self, sha256: str) -> str:
        """The whole text (the passages joined by blank lines)."""
        return "\n\n".join(p.body for p in self.passages(sha256))

    def replace_text(
        self, sha256: str, text: str, page_starts: list[list[int]] | None = None
    ) -> int:
        """New text for a document (a re-extraction); returns its number of passages."""
        doc = self.by_hash(sha256)
        if doc is None:
            raise UserDataError(_("This document is no longer in your library."))
        passages = split_passages(text, page_starts)
        with self.db.write() as conn:
            self._delete_passages(conn, sha256)
            self._write_passages(
                conn, sha256, doc.title or doc.file_name, "; ".join(doc.authors), passages
            )
        return len(passages)

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
            passages = [
                Passage(int(r[0]), r[1], str(r[2]))
                for r in conn.execute(
                    "SELECT seq, page, body FROM passage WHERE sha256 = ? ORDER BY seq", (sha256,)
                )
            ]
            self._delete_passages(conn, sha256)
            self._write_passages(conn, sha256, _clean(title) or file_name, names, passages)
        found = self.by_hash(sha256)
        assert found is not None
        return found

    def remove(self, sha256: str) -> bool:
        """Deletes the document's row, text and copy; returns whether it was there."""
        doc = self.by_hash(sha256)
        if doc is None:
            return False
        with self.db.write() as conn:
            self._delete_passages(conn, sha256)
            conn.execute("DELETE FROM document_link WHERE sha256 = ?", (sha256,))
            conn.execute("DELETE FROM document WHERE sha256 = ?", (sha256,))
        self.file_path(sha256, doc.format).unlink(missing_ok=True)
        return True

    # --- search (merged with the bundled records by sseref.search.mine) ---------------------

    def find(
        self,
        text: str,
        limit: int = 200,
        marks: tuple[str, str] = ("[", "]"),
        *,
        years: tuple[int, int] | None = None,
        languages: frozenset[str] | None = None,
        snippets: int = SNIPPETS,
    ) -> list[DocumentHit]:
        """Documents whose title, authors or one passage match every word, best first, each
        with its best passage (page and snippet); `years`/`languages` filter on the metadata.
        Only the first `snippets` documents get a snippet (the rows a result list shows)."""
        query = fts_query(text)
        if not query:
            return []
        where = ""
        args: list[object] = [query]
        if years is not None:
            where += " AND CAST(substr(d.date, 1, 4) AS INTEGER) BETWEEN ? AND ?"
            args += [years[0], years[1]]
        if languages is not None:
            where += f" AND d.language IN ({','.join('?' * len(languages))})"
            args += sorted(languages)
        # First the ranked passages without snippets (cheap), the best one per document kept;
        # then snippets for the kept passages only.
        if where:  # the metadata filters apply before the limit
            ranked = (
                "SELECT p.id, p.sha256, p.seq, p.page, t.rank, d.title, d.file_name "
                "FROM passage_text t JOIN passage p ON p.id = t.rowid "
                "JOIN document d ON d.sha256 = p.sha256 "
                f"WHERE passage_text MATCH ?{where} ORDER BY t.rank LIMIT ?"
            )
        else:  # FTS5 ranks alone (its fast path), then only the kept rows are joined
            ranked = (
                "SELECT p.id, p.sha256, p.seq, p.page, r.rank, d.title, d.file_name "
                "FROM (SELECT rowid, rank FROM passage_text WHERE passage_text MATCH ? "
                "ORDER BY rank LIMIT ?) r JOIN passage p ON p.id = r.rowid "
                "JOIN document d ON d.sha256 = p.sha256 ORDER BY r.rank"
            )
        rows = self.conn.execute(ranked, (*args, limit * 8)).fetchall()
        best: dict[str, sqlite3.Row] = {}
        for row in rows:
            best.setdefault(row[1], row)
            if len(best) >= limit:
                break
        if not best:
            return []
        ids = [row[0] for row in list(best.values())[:snippets]]
        made = dict(
            self.conn.execute(
                "SELECT rowid, snippet(passage_text, 2, ?, ?, '…', 16) FROM passage_text "
                f"WHERE passage_text MATCH ? AND rowid IN ({','.join('?' * len(ids))})",
                (*marks, query, *ids),
            ).fetchall()
        )
        return [
            DocumentHit(
                sha256=row[1],
                title=row[5] or row[6],
                seq=int(row[2]),
                page=None if row[3] is None else int(row[3]),
                snippet=str(made.get(row[0], "")),
                rank=-float(row[4]),
            )
            for row in best.values()
        ]

    def search(
        self,
        text: str,
        limit: int = 200,
        marks: tuple[str, str] = ("[", "]"),
        *,
        years: tuple[int, int] | None = None,
        languages: frozenset[str] | None = None,
    ) -> list[NoteHit]:
        """find() as hits merged with the bundled records: the id points to the passage, the
        snippet starts with its page ("p. 5 · …")."""
        out = []
        for hit in self.find(text, limit, marks, years=years, languages=languages):
            where = _("p. {page}").format(page=hit.page) + " · " if hit.page else ""
            out.append(
                NoteHit(
                    UserRecord(doc_key(hit.sha256, hit.seq), hit.title, DOC_KIND),
                    where + hit.snippet,
                    hit.rank,
                )
            )
        return out

    # --- links to the bundled records ("about ECLAC") --------------------------------------

    def link(self, sha256: str, record_id: str, title: str = "") -> bool:
        """Links the document to a bundled record; False if it already was."""
        if self.by_hash(sha256) is None:
            raise UserDataError(_("This document is no longer in your library."))
        with self.db.write() as conn:
            cur = conn.execute(
                "INSERT OR IGNORE INTO document_link (sha256, record_id, title, added_at) "
                "VALUES (?, ?, ?, ?)",
                (sha256, record_id, _clean(title), utc_now()),
            )
        return bool(cur.rowcount)

    def unlink(self, sha256: str, record_id: str) -> None:
        with self.db.write() as conn:
            conn.execute(
                "DELETE FROM document_link WHERE sha256 = ? AND record_id = ?", (sha256, record_id)
            )

    def links(self, sha256: str) -> list[tuple[str, str]]:
        """(record id, last known title) of the records the document is about, as added."""
        rows = self.conn.execute(
            "SELECT record_id, title FROM document_link WHERE sha256 = ? ORDER BY added_at, rowid",
            (sha256,),
        )
        return [(str(r[0]), str(r[1])) for r in rows]

    def linked_to(self, record_id: str) -> list[Document]:
        """The documents the user linked to a bundled record (shown on its page)."""
        rows = self.conn.execute(
            f"SELECT {', '.join('d.' + c.strip() for c in _COLUMNS.split(','))} "
            "FROM document d JOIN document_link l ON l.sha256 = d.sha256 "
            "WHERE l.record_id = ? ORDER BY d.title COLLATE NOCASE",
            (record_id,),
        )
        return [_document(row) for row in rows]

    def recent(self, limit: int = 200) -> list[NoteHit]:
        """Every document, newest first, as hits (`mine:` with no words)."""
        return [
            NoteHit(UserRecord(d.key, d.display_title, DOC_KIND), ", ".join(d.authors), 1.0)
            for d in self.documents()[:limit]
        ]
