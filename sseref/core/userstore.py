"""The user's own layer: favourites, reading lists, history, notes, tags and saved searches.

Rows refer to bundled records by their stable id and keep the record's last known title, so a
record that a later data version drops still shows (as "no longer in the data") with its name.
Every method is one transaction (see core.userdb); all the personal layer's SQL is here.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sseref.core.i18n import _
from sseref.core.userdata import UserDataError
from sseref.core.userdb import UserDatabase, utc_now

MAX_NOTE_CHARS = 200_000
MAX_NAME_CHARS = 200
MAX_TAG_CHARS = 60


@dataclass(frozen=True)
class UserRecord:
    """A record as the user database knows it: its id and last known title and kind."""

    id: str
    title: str
    kind: str = ""


@dataclass(frozen=True)
class ReadingList:
    """A named, ordered reading list."""

    id: int
    name: str
    count: int


@dataclass(frozen=True)
class Visit:
    """One opening of a record (history)."""

    id: int
    record: UserRecord
    opened_at: str  # UTC, ISO 8601
    day: str  # the local day, YYYY-MM-DD


@dataclass(frozen=True)
class Note:
    """A record's note (plain text or Markdown) and tags."""

    record: UserRecord
    body: str
    tags: tuple[str, ...]
    updated_at: str


@dataclass(frozen=True)
class SavedSearch:
    """A named query (filters included, as typed) and the hit count of its last run."""

    id: int
    name: str
    query: str
    last_count: int | None


@dataclass(frozen=True)
class NoteHit:
    """A record found in the user's own text (notes, tags, last known titles)."""

    record: UserRecord
    snippet: str
    rank: float


def clean_tag(tag: str) -> str:
    """A tag as stored: spaces collapsed, no commas (they separate tags when typed)."""
    return " ".join(tag.replace(",", " ").split())[:MAX_TAG_CHARS]


def unique_tags(tags: Iterable[str]) -> list[str]:
    """Tags cleaned, order kept, duplicates dropped (case-insensitively)."""
    seen: dict[str, str] = {}
    for part in tags:
        tag = clean_tag(part)
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return list(seen.values())


def parse_tags(text: str) -> list[str]:
    """Tags typed as "a, b, c"."""
    return unique_tags(text.split(","))


def fts_query(text: str) -> str:
    """The user's words as a safe FTS5 query: every word required, the last one as a prefix."""
    words = re.findall(r"\w+", text)
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


class UserStore:
    """Reads and changes the user's data; one instance per window (or CLI command)."""

    def __init__(self, db: UserDatabase | Path | None = None) -> None:
        self.db = db if isinstance(db, UserDatabase) else UserDatabase(db)

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    def close(self) -> None:
        self.db.close()

    # --- records ---------------------------------------------------------------------------

    @staticmethod
    def _touch(conn: sqlite3.Connection, record_id: str, title: str = "", kind: str = "") -> None:
        if not record_id or len(record_id) > MAX_NAME_CHARS:
            raise UserDataError(_("Not a record id: {id}").format(id=record_id[:80]))
        conn.execute(
            "INSERT INTO record (id, title, kind, seen_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET "
            "title = CASE WHEN excluded.title != '' THEN excluded.title ELSE record.title END, "
            "kind = CASE WHEN excluded.kind != '' THEN excluded.kind ELSE record.kind END",
            (record_id, title, kind, utc_now()),
        )

    def record(self, record_id: str) -> UserRecord | None:
        row = self.conn.execute(
            "SELECT id, title, kind FROM record WHERE id = ?", (record_id,)
        ).fetchone()
        return UserRecord(*row) if row else None

    def record_ids(self) -> list[str]:
        """Every record id the user's data refers to."""
        return [r[0] for r in self.conn.execute("SELECT id FROM record ORDER BY id")]

    def refresh_titles(self, titles: Mapping[str, str]) -> int:
        """Stores the current titles of records still in the data; returns how many changed."""
        changed = 0
        with self.db.write() as conn:
            for record_id, title in titles.items():
                if title:
                    cur = conn.execute(
                        "UPDATE record SET title = ? WHERE id = ? AND title != ?",
                        (title, record_id, title),
                    )
                    changed += cur.rowcount
                    if cur.rowcount:
                        self._reindex(conn, record_id)
        return changed

    # --- favourites ------------------------------------------------------------------------

    def is_favourite(self, record_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM favourite WHERE record_id = ?", (record_id,))
        return row.fetchone() is not None

    def set_favourite(self, record_id: str, on: bool, title: str = "", kind: str = "") -> None:
        with self.db.write() as conn:
            if on:
                self._touch(conn, record_id, title, kind)
                conn.execute(
                    "INSERT OR IGNORE INTO favourite (record_id, added_at) VALUES (?, ?)",
                    (record_id, utc_now()),
                )
            else:
                conn.execute("DELETE FROM favourite WHERE record_id = ?", (record_id,))

    def toggle_favourite(self, record_id: str, title: str = "", kind: str = "") -> bool:
        """Stars or unstars; returns the new state."""
        on = not self.is_favourite(record_id)
        self.set_favourite(record_id, on, title, kind)
        return on

    def favourites(self) -> list[UserRecord]:
        """Starred records, most recently starred first."""
        rows = self.conn.execute(
            "SELECT r.id, r.title, r.kind FROM favourite f JOIN record r ON r.id = f.record_id "
            "ORDER BY f.added_at DESC, r.title"
        )
        return [UserRecord(*row) for row in rows]

    # --- reading lists ---------------------------------------------------------------------

    @staticmethod
    def _list_name(name: str) -> str:
        name = " ".join(name.split())[:MAX_NAME_CHARS]
        if not name:
            raise UserDataError(_("A list needs a name."))
        return name

    def create_list(self, name: str) -> int:
        name = self._list_name(name)
        with self.db.write() as conn:
            if conn.execute("SELECT 1 FROM reading_list WHERE name = ?", (name,)).fetchone():
                raise UserDataError(_("A list named '{name}' already exists.").format(name=name))
            cur = conn.execute(
                "INSERT INTO reading_list (name, created_at) VALUES (?, ?)", (name, utc_now())
            )
            return int(cur.lastrowid or 0)

    def rename_list(self, list_id: int, name: str) -> None:
        name = self._list_name(name)
        with self.db.write() as conn:
            taken = conn.execute(
                "SELECT 1 FROM reading_list WHERE name = ? AND id != ?", (name, list_id)
            ).fetchone()
            if taken:
                raise UserDataError(_("A list named '{name}' already exists.").format(name=name))
            conn.execute("UPDATE reading_list SET name = ? WHERE id = ?", (name, list_id))

    def delete_list(self, list_id: int) -> None:
        with self.db.write() as conn:
            conn.execute("DELETE FROM reading_list WHERE id = ?", (list_id,))

    def lists(self) -> list[ReadingList]:
        rows = self.conn.execute(
            "SELECT l.id, l.name, COUNT(i.record_id) FROM reading_list l "
            "LEFT JOIN list_item i ON i.list_id = l.id GROUP BY l.id ORDER BY l.name COLLATE NOCASE"
        )
        return [ReadingList(*row) for row in rows]

    def list_by_name(self, name: str) -> ReadingList | None:
        return next((rl for rl in self.lists() if rl.name == name), None)

    def list_items(self, list_id: int) -> list[UserRecord]:
        rows = self.conn.execute(
            "SELECT r.id, r.title, r.kind FROM list_item i JOIN record r ON r.id = i.record_id "
            "WHERE i.list_id = ? ORDER BY i.position",
            (list_id,),
        )
        return [UserRecord(*row) for row in rows]

    def add_to_list(self, list_id: int, record_id: str, title: str = "", kind: str = "") -> bool:
        """Appends the record (if not already there); returns whether it was added."""
        with self.db.write() as conn:
            if not conn.execute("SELECT 1 FROM reading_list WHERE id = ?", (list_id,)).fetchone():
                raise UserDataError(_("That list no longer exists."))
            self._touch(conn, record_id, title, kind)
            end = conn.execute(
                "SELECT COALESCE(MAX(position), -1) + 1 FROM list_item WHERE list_id = ?",
                (list_id,),
            ).fetchone()[0]
            cur = conn.execute(
                "INSERT OR IGNORE INTO list_item (list_id, record_id, position, added_at) "
                "VALUES (?, ?, ?, ?)",
                (list_id, record_id, end, utc_now()),
            )
            return cur.rowcount > 0

    def remove_from_list(self, list_id: int, record_id: str) -> None:
        with self.db.write() as conn:
            conn.execute(
                "DELETE FROM list_item WHERE list_id = ? AND record_id = ?", (list_id, record_id)
            )

    def reorder_list(self, list_id: int, record_ids: Iterable[str]) -> None:
        """Sets the order (after a drag and drop); ids not given keep their order, at the end."""
        wanted = list(dict.fromkeys(record_ids))
        with self.db.write() as conn:
            present = [
                r[0]
                for r in conn.execute(
                    "SELECT record_id FROM list_item WHERE list_id = ? ORDER BY position",
                    (list_id,),
                )
            ]
            order = [i for i in wanted if i in present] + [i for i in present if i not in wanted]
            for position, record_id in enumerate(order):
                conn.execute(
                    "UPDATE list_item SET position = ? WHERE list_id = ? AND record_id = ?",
                    (position, list_id, record_id),
                )

    # --- history ---------------------------------------------------------------------------

    def record_visit(self, record_id: str, title: str = "", kind: str = "") -> None:
        with self.db.write() as conn:
            self._touch(conn, record_id, title, kind)
            conn.execute(
                "INSERT INTO history (record_id, opened_at) VALUES (?, ?)", (record_id, utc_now())
            )

    def history(self, text: str = "", day: str | None = None, limit: int = 1000) -> list[Visit]:
        """Visits, newest first; `text` filters on the title or id, `day` on the local day."""
        sql = (
            "SELECT h.id, r.id, r.title, r.kind, h.opened_at, "
            "date(h.opened_at, 'localtime') AS day FROM history h "
            "JOIN record r ON r.id = h.record_id WHERE 1"
        )
        params: list[object] = []
        if text.strip():
            sql += " AND (r.title LIKE ? ESCAPE '\\' OR r.id LIKE ? ESCAPE '\\')"
            like = "%" + re.sub(r"([%_\\])", r"\\\1", text.strip()) + "%"
            params += [like, like]
        if day:
            sql += " AND date(h.opened_at, 'localtime') = ?"
            params.append(day)
        sql += " ORDER BY h.opened_at DESC, h.id DESC LIMIT ?"
        params.append(limit)
        return [
            Visit(row[0], UserRecord(row[1], row[2], row[3]), row[4], row[5])
            for row in self.conn.execute(sql, params)
        ]

    def history_days(self) -> list[tuple[str, int]]:
        """(local day, visits) pairs, newest day first."""
        rows = self.conn.execute(
            "SELECT date(opened_at, 'localtime') AS day, COUNT(*) FROM history "
            "GROUP BY day ORDER BY day DESC"
        )
        return [(row[0], row[1]) for row in rows]

    def delete_visit(self, visit_id: int) -> None:
        with self.db.write() as conn:
            conn.execute("DELETE FROM history WHERE id = ?", (visit_id,))

    def clear_history(self) -> int:
        with self.db.write() as conn:
            return conn.execute("DELETE FROM history").rowcount

    # --- notes and tags --------------------------------------------------------------------

    def note(self, record_id: str) -> Note | None:
        """The record's note and tags (None when it has neither)."""
        row = self.conn.execute(
            "SELECT r.id, r.title, r.kind, n.body, n.updated_at FROM record r "
            "LEFT JOIN note n ON n.record_id = r.id WHERE r.id = ?",
            (record_id,),
        ).fetchone()
        if row is None:
            return None
        tags = self.tags(record_id)
        if row[3] is None and not tags:
            return None
        return Note(UserRecord(row[0], row[1], row[2]), row[3] or "", tuple(tags), row[4] or "")

    def set_note(self, record_id: str, body: str, title: str = "", kind: str = "") -> None:
        """Saves the note (an empty text deletes it)."""
        if len(body) > MAX_NOTE_CHARS:
            raise UserDataError(
                _("A note is limited to {n} characters.").format(n=f"{MAX_NOTE_CHARS:,}")
            )
        with self.db.write() as conn:
            self._touch(conn, record_id, title, kind)
            if body.strip():
                conn.execute(
                    "INSERT INTO note (record_id, body, updated_at) VALUES (?, ?, ?) "
                    "ON CONFLICT (record_id) DO UPDATE SET body = excluded.body, "
                    "updated_at = excluded.updated_at",
                    (record_id, body, utc_now()),
                )
            else:
                conn.execute("DELETE FROM note WHERE record_id = ?", (record_id,))
            self._reindex(conn, record_id)

    def tags(self, record_id: str) -> list[str]:
        rows = self.conn.execute(
            "SELECT t.name FROM record_tag rt JOIN tag t ON t.id = rt.tag_id "
            "WHERE rt.record_id = ? ORDER BY t.name COLLATE NOCASE",
            (record_id,),
        )
        return [row[0] for row in rows]

    def set_tags(
        self, record_id: str, tags: Iterable[str], title: str = "", kind: str = ""
    ) -> None:
        """Replaces the record's tags; tags no record uses any more are forgotten."""
        wanted = unique_tags(tags)
        with self.db.write() as conn:
            self._touch(conn, record_id, title, kind)
            conn.execute("DELETE FROM record_tag WHERE record_id = ?", (record_id,))
            for tag in wanted:
                conn.execute("INSERT OR IGNORE INTO tag (name) VALUES (?)", (tag,))
                conn.execute(
                    "INSERT OR IGNORE INTO record_tag (record_id, tag_id) "
                    "SELECT ?, id FROM tag WHERE name = ?",
                    (record_id, tag),
                )
            conn.execute("DELETE FROM tag WHERE id NOT IN (SELECT tag_id FROM record_tag)")
            self._reindex(conn, record_id)

    def all_tags(self) -> list[tuple[str, int]]:
        """Every tag with the number of records carrying it (for completion)."""
        rows = self.conn.execute(
            "SELECT t.name, COUNT(rt.record_id) FROM tag t "
            "JOIN record_tag rt ON rt.tag_id = t.id GROUP BY t.id ORDER BY t.name COLLATE NOCASE"
        )
        return [(row[0], row[1]) for row in rows]

    def notes(self, tag: str | None = None) -> list[Note]:
        """Every record with a note or a tag (optionally only those with `tag`)."""
        ids = [
            r[0]
            for r in self.conn.execute(
                "SELECT record_id FROM note UNION SELECT record_id FROM record_tag"
            )
        ]
        found = [n for n in (self.note(i) for i in sorted(ids)) if n is not None]
        if tag:
            found = [n for n in found if tag.casefold() in (t.casefold() for t in n.tags)]
        return found

    def _reindex(self, conn: sqlite3.Connection, record_id: str) -> None:
        """Keeps the user-side full-text index in step with the record's note and tags."""
        conn.execute("DELETE FROM user_text WHERE record_id = ?", (record_id,))
        row = conn.execute(
            "SELECT r.title, n.body, "
            "(SELECT group_concat(t.name, ', ') FROM record_tag rt JOIN tag t ON t.id = rt.tag_id "
            " WHERE rt.record_id = r.id) FROM record r LEFT JOIN note n ON n.record_id = r.id "
            "WHERE r.id = ?",
            (record_id,),
        ).fetchone()
        if row is not None and (row[1] or row[2]):
            conn.execute(
                "INSERT INTO user_text (record_id, title, note, tags) VALUES (?, ?, ?, ?)",
                (record_id, row[0], row[1] or "", row[2] or ""),
            )

    def search_notes(
        self,
        text: str,
        limit: int = 200,
        marks: tuple[str, str] = ("[", "]"),
        snippets: bool = True,
    ) -> list[NoteHit]:
        """Records whose note, tags or title match every word (accents optional), best first.

        `marks` surround the matched words in the snippet; without `snippets` the snippet is
        empty (the search box asks `note_snippets` for the few rows it shows)."""
        query = fts_query(text)
        if not query:
            return []
        snippet = "snippet(user_text, -1, ?, ?, '…', 12)" if snippets else "? || ?"
        # FTS5's own `rank` (bm25 with the table's weights) lets it sort before the join.
        rows = self.conn.execute(
            f"SELECT u.record_id, r.title, r.kind, u.snip, u.rank FROM "
            f"(SELECT record_id, {snippet} AS snip, rank FROM user_text "
            "WHERE user_text MATCH ? ORDER BY rank LIMIT ?) u "
            "JOIN record r ON r.id = u.record_id ORDER BY u.rank",
            (*(marks if snippets else ("", "")), query, limit),
        )
        return [NoteHit(UserRecord(row[0], row[1], row[2]), row[3], -row[4]) for row in rows]

    def note_snippets(
        self, text: str, record_ids: list[str], marks: tuple[str, str] = ("[", "]")
    ) -> dict[str, str]:
        """The snippets of `search_notes(text)` for these records only."""
        query = fts_query(text)
        if not query or not record_ids:
            return {}
        places = ",".join("?" * len(record_ids))
        rows = self.conn.execute(
            "SELECT record_id, snippet(user_text, -1, ?, ?, '…', 12) FROM user_text "
            f"WHERE user_text MATCH ? AND record_id IN ({places})",
            (*marks, query, *record_ids),
        )
        return {row[0]: row[1] for row in rows}

    def noted_records(self, limit: int = 200) -> list[NoteHit]:
        """Every record with a note or tags, newest note first (`mine:` with no words)."""
        rows = self.conn.execute(
            "SELECT u.record_id, r.title, r.kind, substr(u.note, 1, 160), u.tags "
            "FROM user_text u JOIN record r ON r.id = u.record_id "
            "LEFT JOIN note n ON n.record_id = u.record_id "
            "ORDER BY n.updated_at DESC, r.title LIMIT ?",
            (limit,),
        )
        return [
            NoteHit(UserRecord(row[0], row[1], row[2]), " · ".join(p for p in row[3:] if p), 1.0)
            for row in rows
        ]

    def search_documents(
        self,
        text: str,
        limit: int = 200,
        marks: tuple[str, str] = ("[", "]"),
        years: tuple[int, int] | None = None,
        languages: frozenset[str] | None = None,
    ) -> list[NoteHit]:
        """The user's imported documents matching `text` (see core.userdocs), with snippets."""
        from sseref.core.userdocs import DocumentStore  # userdocs builds on this module

        return DocumentStore(self.db).search(text, limit, marks, years=years, languages=languages)

    def recent_documents(self, limit: int = 200) -> list[NoteHit]:
        from sseref.core.userdocs import DocumentStore

        return DocumentStore(self.db).recent(limit)

    # --- saved searches --------------------------------------------------------------------

    def save_search(self, name: str, query: str, count: int | None = None) -> int:
        """Saves (or updates, by name) a query with its filters."""
        name = self._list_name(name)
        if not query.strip():
            raise UserDataError(_("There is no search to save."))
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO saved_search (name, query, created_at, last_count) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET query = excluded.query, "
                "last_count = excluded.last_count",
                (name, query.strip(), utc_now(), count),
            )
            row = conn.execute("SELECT id FROM saved_search WHERE name = ?", (name,)).fetchone()
            return int(row[0])

    def saved_searches(self) -> list[SavedSearch]:
        rows = self.conn.execute(
            "SELECT id, name, query, last_count FROM saved_search ORDER BY name COLLATE NOCASE"
        )
        return [SavedSearch(*row) for row in rows]

    def set_search_count(self, search_id: int, count: int) -> None:
        with self.db.write() as conn:
            conn.execute("UPDATE saved_search SET last_count = ? WHERE id = ?", (count, search_id))

    def delete_saved_search(self, search_id: int) -> None:
        with self.db.write() as conn:
            conn.execute("DELETE FROM saved_search WHERE id = ?", (search_id,))

    # --- summary ---------------------------------------------------------------------------

    def stats(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for key, sql in (
            ("records", "SELECT COUNT(*) FROM record"),
            ("favourites", "SELECT COUNT(*) FROM favourite"),
            ("lists", "SELECT COUNT(*) FROM reading_list"),
            ("list_items", "SELECT COUNT(*) FROM list_item"),
            ("history", "SELECT COUNT(*) FROM history"),
            ("notes", "SELECT COUNT(*) FROM note"),
            ("tags", "SELECT COUNT(*) FROM tag"),
            ("saved_searches", "SELECT COUNT(*) FROM saved_search"),
        ):
            counts[key] = int(self.conn.execute(sql).fetchone()[0])
        return counts

    def missing(self, known: Iterable[str]) -> set[str]:
        """The ids the user's data refers to that are not in `known` (the bundled records)."""
        return set(self.record_ids()) - set(known)


class ThreadUserIndex:
    """The user-side search from any thread: one read connection per thread, opened on use.

    Search runs on a worker thread and an SQLite connection belongs to the thread that made it.
    A reader never recovers a damaged file (the window's own store does that, and says so).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    def _store(self) -> UserStore:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = UserStore(UserDatabase(self.path, recover=False))
        assert isinstance(store, UserStore)
        return store

    # The user side never breaks the bundled search: a busy or unreadable user database
    # gives no user matches for this query (the window's own store reports the problem).

    def search_notes(
        self,
        text: str,
        limit: int = 200,
        marks: tuple[str, str] = ("[", "]"),
        snippets: bool = True,
    ) -> list[NoteHit]:
        try:
            return self._store().search_notes(text, limit, marks, snippets)
        except (sqlite3.Error, UserDataError):
            return []

    def note_snippets(
        self, text: str, record_ids: list[str], marks: tuple[str, str] = ("[", "]")
    ) -> dict[str, str]:
        try:
            return self._store().note_snippets(text, record_ids, marks)
        except (sqlite3.Error, UserDataError):
            return {}

    def noted_records(self, limit: int = 200) -> list[NoteHit]:
        try:
            return self._store().noted_records(limit)
        except (sqlite3.Error, UserDataError):
            return []

    def search_documents(
        self,
        text: str,
        limit: int = 200,
        marks: tuple[str, str] = ("[", "]"),
        years: tuple[int, int] | None = None,
        languages: frozenset[str] | None = None,
    ) -> list[NoteHit]:
        try:
            return self._store().search_documents(text, limit, marks, years, languages)
        except (sqlite3.Error, UserDataError):
            return []

    def recent_documents(self, limit: int = 200) -> list[NoteHit]:
        try:
            return self._store().recent_documents(limit)
        except (sqlite3.Error, UserDataError):
            return []
