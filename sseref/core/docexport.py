"""The user's documents in the user-data export: metadata, passages and links in the JSON file,
the kept originals in a folder beside it (`<export>.documents/<sha256>.<format>`).

On import a document already in the library (same SHA-256) only gains the file's links; a new
one gets its row, passages and links in the import's transaction, and its original is copied in
afterwards only if the folder holds a file whose content has that very hash (a file that does
not match is ignored: the text stays searchable, "Open original" says the file is missing).
"""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from sseref.core.i18n import _
from sseref.core.safefile import WriteError, atomic_output
from sseref.core.userdocs import MAX_META_CHARS, DocumentStore, Passage

MAX_TEXT_CHARS = 5_000_000  # per passage: what an import may have extracted at most
_SHA = re.compile(r"^[0-9a-f]{64}$")
_FORMAT = re.compile(r"^[a-z0-9]{1,10}$")
CHUNK = 1024 * 1024


def originals_dir(export: Path) -> Path:
    """The folder beside an export file that holds the documents' originals."""
    return export.with_name(export.name + ".documents")


def export_documents(docs: DocumentStore) -> list[dict[str, Any]]:
    """Every document with its passages and links, as plain JSON values."""
    return [
        {
            "sha256": d.sha256,
            "file_name": d.file_name,
            "title": d.title,
            "authors": list(d.authors),
            "date": d.date,
            "language": d.language,
            "format": d.format,
            "size": d.size,
            "pages": d.pages,
            "imported_at": d.imported_at,
            "passages": [{"page": p.page, "body": p.body} for p in docs.passages(d.sha256)],
            "links": [{"id": rid, "title": title} for rid, title in docs.links(d.sha256)],
        }
        for d in docs.documents()
    ]


def copy_originals(docs: DocumentStore, export: Path) -> int:
    """Copies the kept originals beside the export; returns how many were copied."""
    folder = originals_dir(export)
    copied = 0
    for doc in docs.documents():
        source = docs.file_path(doc.sha256, doc.format)
        if not source.is_file():
            continue
        folder.mkdir(parents=True, exist_ok=True)
        with atomic_output(folder / source.name) as tmp:
            shutil.copyfile(source, tmp)
        copied += 1
    return copied


def check_documents(items: list[Any], fail: Any, where_key: str = "documents") -> list[Any]:
    """The documents of an export, checked (`fail(where, what)` makes the error to raise)."""
    clean = []
    for i, item in enumerate(items):
        where = f"{where_key}[{i}]"
        if not isinstance(item, dict):
            raise fail(where, _("expected an object"))
        sha, fmt = item.get("sha256"), item.get("format")
        if not isinstance(sha, str) or not _SHA.match(sha):
            raise fail(where, _("expected a SHA-256 in hexadecimal"))
        if not isinstance(fmt, str) or not _FORMAT.match(fmt):
            raise fail(where, _("expected a file format"))
        texts = {}
        for key in ("file_name", "title", "date", "language", "imported_at"):
            value = item.get(key, "")
            if not isinstance(value, str) or len(value) > MAX_META_CHARS:
                raise fail(where, _("expected a text of at most {n} characters").format(n=500))
            texts[key] = value
        authors = item.get("authors", [])
        if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
            raise fail(where, _("authors must be texts"))
        numbers = []
        for key in ("size", "pages"):
            value = item.get(key)
            if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
                raise fail(where, _("expected a number"))
            numbers.append(value)
        passages = []
        for seq, passage in enumerate(item.get("passages", []) or []):
            page = passage.get("page") if isinstance(passage, dict) else None
            body = passage.get("body") if isinstance(passage, dict) else None
            if not isinstance(body, str) or len(body) > MAX_TEXT_CHARS:
                raise fail(
                    where, _("expected a text of at most {n} characters").format(n=MAX_TEXT_CHARS)
                )
            if page is not None and (not isinstance(page, int) or isinstance(page, bool)):
                raise fail(where, _("expected a number"))
            passages.append(Passage(seq, page, body))
        links = []
        for link in item.get("links", []) or []:
            rid = link.get("id") if isinstance(link, dict) else None
            title = link.get("title", "") if isinstance(link, dict) else ""
            if not isinstance(rid, str) or not 0 < len(rid) <= 200 or not isinstance(title, str):
                raise fail(where, _("not a record id"))
            links.append((rid, title[:MAX_META_CHARS]))
        clean.append((sha, fmt, texts, authors, numbers, passages, links))
    return clean


def merge_documents(
    conn: sqlite3.Connection, docs: DocumentStore, clean: list[Any], count: Any
) -> list[tuple[str, str]]:
    """Adds the documents not in the library and every link, inside the caller's transaction;
    returns the (sha256, format) of the documents added (their originals to copy)."""
    added = []
    for sha, fmt, texts, authors, numbers, passages, links in clean:
        exists = conn.execute("SELECT 1 FROM document WHERE sha256 = ?", (sha,)).fetchone()
        if not exists:
            names = "; ".join(" ".join(a.split()).replace(";", ",") for a in authors if a.strip())
            conn.execute(
                "INSERT INTO document (sha256, file_name, title, authors, date, language, "
                "format, size, pages, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    sha,
                    texts["file_name"] or f"{sha[:12]}.{fmt}",
                    texts["title"],
                    names[:MAX_META_CHARS],
                    texts["date"],
                    texts["language"],
                    fmt,
                    numbers[0] or 0,
                    numbers[1],
                    texts["imported_at"] or "1970-01-01T00:00:00Z",
                ),
            )
            docs._write_passages(
                conn,
                sha,
                texts["title"] or texts["file_name"],
                names,
                passages or [Passage(0, None, "")],
            )
            added.append((sha, fmt))
        count("documents", not exists)
        for rid, title in links:
            cur = conn.execute(
                "INSERT OR IGNORE INTO document_link (sha256, record_id, title, added_at) "
                "VALUES (?, ?, ?, datetime('now'))",
                (sha, rid, title),
            )
            count("document_links", cur.rowcount > 0)
    return added


def bring_originals(docs: DocumentStore, export: Path, added: list[tuple[str, str]]) -> int:
    """Copies in the originals of the added documents whose file beside the export has exactly
    their hash; returns how many."""
    folder = originals_dir(export)
    brought = 0
    for sha, fmt in added:
        source = folder / f"{sha}.{fmt}"
        target = docs.file_path(sha, fmt)
        if not source.is_file() or source.is_symlink() or target.exists():
            continue

        def same(tmp: Path, sha: str = sha) -> None:
            digest = hashlib.sha256()
            with open(tmp, "rb") as handle:
                while chunk := handle.read(CHUNK):
                    digest.update(chunk)
            if digest.hexdigest() != sha:
                raise WriteError(_("The file does not match its document."))

        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with atomic_output(target, verify=same) as tmp:
                shutil.copyfile(source, tmp)
        except (WriteError, OSError):
            continue  # the text stays searchable; "Open original" says the file is missing
        brought += 1
    return brought
