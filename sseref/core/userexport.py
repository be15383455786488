"""Export all the user's data as one JSON file, and import (merge) such a file safely.

The format is documented in docs/user-data-format.md. An import reads and checks the whole
file first, then merges it in one transaction: a malformed or hostile file changes nothing.
Merging never deletes: a note that differs from the local one is appended below it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sseref.core.docexport import (
    bring_originals,
    check_documents,
    copy_originals,
    export_documents,
    merge_documents,
)
from sseref.core.i18n import _
from sseref.core.userdata import UserDataError, atomic_write_text
from sseref.core.userdb import utc_now
from sseref.core.userstore import MAX_NAME_CHARS, MAX_NOTE_CHARS, UserStore, unique_tags

FORMAT = "sseref-user-data"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 256 * 1024 * 1024  # documents' texts included
MAX_ITEMS = 1_000_000
_ID = re.compile(r"^[^\x00-\x1f\x7f]{1,200}$")
_STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


class ImportFormatError(UserDataError):
    """The file is not an SSE Ref user-data export (or is damaged): nothing was changed."""


@dataclass
class ImportReport:
    """What an import did, per kind of data."""

    added: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    merged_notes: int = 0

    def count(self, kind: str, added: bool) -> None:
        target = self.added if added else self.skipped
        target[kind] = target.get(kind, 0) + 1

    def to_json(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "already_there": self.skipped,
            "notes_merged": self.merged_notes,
        }

    def summary(self) -> str:
        parts = [f"{kind} +{n}" for kind, n in sorted(self.added.items())]
        text = _("Imported: {parts}.").format(parts=", ".join(parts) or _("nothing new"))
        if self.merged_notes:
            text += " " + _(
                "{n} note(s) differed: the imported text was added below yours."
            ).format(n=self.merged_notes)
        return text


def export_data(store: UserStore) -> dict[str, Any]:
    """Everything the user made, as plain JSON values."""
    conn = store.conn
    lists = [
        {"name": rl.name, "records": [r.id for r in store.list_items(rl.id)]}
        for rl in store.lists()
    ]
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported_at": utc_now(),
        "records": [
            {"id": r[0], "title": r[1], "kind": r[2]}
            for r in conn.execute("SELECT id, title, kind FROM record ORDER BY id")
        ],
        "favourites": [
            {"id": r[0], "added_at": r[1]}
            for r in conn.execute("SELECT record_id, added_at FROM favourite ORDER BY added_at")
        ],
        "lists": lists,
        "history": [
            {"id": r[0], "opened_at": r[1]}
            for r in conn.execute("SELECT record_id, opened_at FROM history ORDER BY opened_at, id")
        ],
        "notes": [
            {"id": n.record.id, "body": n.body, "tags": list(n.tags), "updated_at": n.updated_at}
            for n in store.notes()
        ],
        "saved_searches": [
            {"name": s.name, "query": s.query, "last_count": s.last_count}
            for s in store.saved_searches()
        ],
        # The imported documents (issue 20): see core.docexport; older readers ignore them.
        "documents": export_documents(_documents(store)),
    }


def _documents(store: UserStore) -> Any:
    from sseref.core.userdocs import DocumentStore

    return DocumentStore(store.db)


def export_file(store: UserStore, path: Path) -> dict[str, int]:
    """Writes the export atomically; returns the counts written."""
    data = export_data(store)
    try:
        atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        if data["documents"]:
            copy_originals(_documents(store), path)
    except OSError as exc:
        raise UserDataError(
            _("The export could not be written to {path}: {error}").format(path=path, error=exc)
        ) from exc
    return {key: len(value) for key, value in data.items() if isinstance(value, list)}


# --- reading and checking ------------------------------------------------------------------


def _fail(where: str, what: str) -> ImportFormatError:
    return ImportFormatError(
        _("This is not a valid SSE Ref export ({where}: {what}). Nothing was changed.").format(
            where=where, what=what
        )
    )


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list) or len(value) > MAX_ITEMS:
        raise _fail(key, _("expected a list"))
    return value


def _obj(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(where, _("expected an object"))
    return value


def _text(value: Any, where: str, limit: int = MAX_NAME_CHARS, empty: bool = False) -> str:
    if not isinstance(value, str) or len(value) > limit or (not empty and not value.strip()):
        raise _fail(where, _("expected a text of at most {n} characters").format(n=limit))
    return value


def _record_id(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _ID.match(value):
        raise _fail(where, _("not a record id"))
    return value


def _stamp(value: Any, where: str) -> str:
    if value is None:
        return utc_now()
    if not isinstance(value, str) or not _STAMP.match(value):
        raise _fail(where, _("expected a UTC time like 2026-12-07T10:00:00Z"))
    return value


def read_export(path: Path) -> dict[str, Any]:
    """Reads and checks an export file completely; raises ImportFormatError on any problem."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _fail(path.name, _("the file is too large"))
        raw = path.read_bytes()
    except OSError as exc:
        raise UserDataError(
            _("The file {path} cannot be read: {error}").format(path=path, error=exc)
        ) from exc
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as exc:  # bad UTF-8, bad JSON, absurd nesting
        raise _fail(path.name, _("not JSON text")) from exc
    clean = check_export(data)
    clean["export_path"] = path
    return clean


def check_export(data: Any) -> dict[str, Any]:
    """The export normalized; raises ImportFormatError when anything is wrong."""
    data = _obj(data, "file")
    if data.get("format") != FORMAT:
        raise _fail("format", _("expected '{format}'").format(format=FORMAT))
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _fail("version", _("expected a number"))
    if version > FORMAT_VERSION:
        raise ImportFormatError(
            _("This export was made by a newer version of SSE Ref. Nothing was changed.")
        )
    clean: dict[str, Any] = {"records": {}, "favourites": [], "lists": [], "history": []}
    clean["notes"], clean["saved_searches"] = [], []
    for i, item in enumerate(_list(data, "records")):
        where = f"records[{i}]"
        item = _obj(item, where)
        rid = _record_id(item.get("id"), where)
        clean["records"][rid] = (
            _text(item.get("title", ""), where, 1000, empty=True),
            _text(item.get("kind", ""), where, 40, empty=True),
        )
    for i, item in enumerate(_list(data, "favourites")):
        item = _obj(item, f"favourites[{i}]")
        clean["favourites"].append(
            (
                _record_id(item.get("id"), f"favourites[{i}]"),
                _stamp(item.get("added_at"), f"favourites[{i}]"),
            )
        )
    for i, item in enumerate(_list(data, "lists")):
        where = f"lists[{i}]"
        item = _obj(item, where)
        records = item.get("records", [])
        if not isinstance(records, list) or len(records) > MAX_ITEMS:
            raise _fail(where, _("expected a list"))
        clean["lists"].append(
            (
                " ".join(_text(item.get("name"), where).split()),
                [_record_id(r, where) for r in records],
            )
        )
    for i, item in enumerate(_list(data, "history")):
        item = _obj(item, f"history[{i}]")
        clean["history"].append(
            (
                _record_id(item.get("id"), f"history[{i}]"),
                _stamp(item.get("opened_at"), f"history[{i}]"),
            )
        )
    for i, item in enumerate(_list(data, "notes")):
        where = f"notes[{i}]"
        item = _obj(item, where)
        tags = item.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise _fail(where, _("tags must be texts"))
        clean["notes"].append(
            (
                _record_id(item.get("id"), where),
                _text(item.get("body", ""), where, MAX_NOTE_CHARS, empty=True),
                unique_tags(tags),
                _stamp(item.get("updated_at"), where),
            )
        )
    for i, item in enumerate(_list(data, "saved_searches")):
        where = f"saved_searches[{i}]"
        item = _obj(item, where)
        count = item.get("last_count")
        if count is not None and (not isinstance(count, int) or isinstance(count, bool)):
            raise _fail(where, _("expected a number"))
        clean["saved_searches"].append(
            (_text(item.get("name"), where), _text(item.get("query"), where, 2000), count)
        )
    clean["documents"] = check_documents(_list(data, "documents"), _fail)
    return clean


# --- merging -------------------------------------------------------------------------------


def import_file(store: UserStore, path: Path) -> ImportReport:
    """Checks the whole file, then merges it in one transaction (all of it, or nothing)."""
    return merge(store, read_export(path))


def merge(store: UserStore, clean: dict[str, Any]) -> ImportReport:
    report = ImportReport()
    records: dict[str, tuple[str, str]] = clean["records"]

    def touch(conn: Any, rid: str) -> None:
        title, kind = records.get(rid, ("", ""))
        UserStore._touch(conn, rid, title, kind)

    store.db.backup("before-import")  # an import is undone by restoring this copy
    with store.db.write() as conn:
        for rid in records:
            touch(conn, rid)
        for rid, added_at in clean["favourites"]:
            touch(conn, rid)
            cur = conn.execute(
                "INSERT OR IGNORE INTO favourite (record_id, added_at) VALUES (?, ?)",
                (rid, added_at),
            )
            report.count("favourites", cur.rowcount > 0)
        for name, ids in clean["lists"]:
            row = conn.execute("SELECT id FROM reading_list WHERE name = ?", (name,)).fetchone()
            if row is None:
                list_id = conn.execute(
                    "INSERT INTO reading_list (name, created_at) VALUES (?, ?)", (name, utc_now())
                ).lastrowid
                report.count("lists", True)
            else:
                list_id = row[0]
            for rid in ids:
                touch(conn, rid)
                cur = conn.execute(
                    "INSERT OR IGNORE INTO list_item (list_id, record_id, position, added_at) "
                    "SELECT ?, ?, COALESCE(MAX(position), -1) + 1, ? FROM list_item "
                    "WHERE list_id = ?",
                    (list_id, rid, utc_now(), list_id),
                )
                report.count("list_items", cur.rowcount > 0)
        for rid, opened_at in clean["history"]:
            touch(conn, rid)
            seen = conn.execute(
                "SELECT 1 FROM history WHERE record_id = ? AND opened_at = ?", (rid, opened_at)
            ).fetchone()
            if not seen:
                conn.execute(
                    "INSERT INTO history (record_id, opened_at) VALUES (?, ?)", (rid, opened_at)
                )
            report.count("history", not seen)
        for rid, body, tags, updated_at in clean["notes"]:
            touch(conn, rid)
            _merge_note(conn, rid, body, updated_at, report)
            for tag in tags:
                conn.execute("INSERT OR IGNORE INTO tag (name) VALUES (?)", (tag,))
                cur = conn.execute(
                    "INSERT OR IGNORE INTO record_tag (record_id, tag_id) "
                    "SELECT ?, id FROM tag WHERE name = ?",
                    (rid, tag),
                )
                report.count("tags", cur.rowcount > 0)
            store._reindex(conn, rid)
        for name, query, count in clean["saved_searches"]:
            row = conn.execute("SELECT query FROM saved_search WHERE name = ?", (name,)).fetchone()
            if row is not None and row[0] == query:
                report.count("saved_searches", False)
                continue
            if row is not None:
                name = _("{name} (imported)").format(name=name)[:MAX_NAME_CHARS]
            cur = conn.execute(
                "INSERT OR IGNORE INTO saved_search (name, query, created_at, last_count) "
                "VALUES (?, ?, ?, ?)",
                (name, query, utc_now(), count),
            )
            report.count("saved_searches", cur.rowcount > 0)
        docs = _documents(store)
        added = merge_documents(conn, docs, clean.get("documents", []), report.count)
    export = clean.get("export_path")
    if added and isinstance(export, Path):
        bring_originals(docs, export, added)
    return report


def _merge_note(conn: Any, rid: str, body: str, updated_at: str, report: ImportReport) -> None:
    if not body.strip():
        return
    row = conn.execute("SELECT body FROM note WHERE record_id = ?", (rid,)).fetchone()
    if row is None:
        conn.execute("INSERT INTO note VALUES (?, ?, ?)", (rid, body, updated_at))
        report.count("notes", True)
    elif row[0] == body or body in row[0]:
        report.count("notes", False)
    else:  # both differ: keep both texts, the imported one below
        merged = f"{row[0]}\n\n---\n{body}"[:MAX_NOTE_CHARS]
        conn.execute(
            "UPDATE note SET body = ?, updated_at = ? WHERE record_id = ?",
            (merged, utc_now(), rid),
        )
        report.merged_notes += 1
