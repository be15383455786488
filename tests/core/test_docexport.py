"""The user's documents travel in the user-data export: passages, links, notes, the originals."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from sseref.core.docexport import originals_dir
from sseref.core.userdocs import DocumentStore
from sseref.core.userexport import ImportFormatError, export_file, import_file
from sseref.core.userstore import UserStore


def _store(path: Path) -> tuple[UserStore, DocumentStore]:
    store = UserStore(path / "user.db")
    return store, DocumentStore(store.db, path / "library")


def _add(docs: DocumentStore, content: bytes, title: str, text: str) -> str:
    sha = hashlib.sha256(content).hexdigest()
    target = docs.file_path(sha, "txt")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    docs.add(
        sha256=sha,
        file_name=f"{title}.txt",
        fmt="txt",
        size=len(content),
        text=text,
        title=title,
        authors=("CEPAL", "OIT"),
        date="2021",
        language="es",
    )
    return sha


def test_documents_round_trip_with_links_notes_and_originals(tmp_path: Path) -> None:
    store, docs = _store(tmp_path / "a")
    sha = _add(docs, b"original bytes", "Informe", "Cooperativas de Quixad\u00e1")
    other = _add(docs, b"second original", "Second", "Mutual funds")
    docs.link(sha, "org/eclac", "ECLAC")
    store.set_note(f"mydoc:{sha}", "Read page 2", "Informe", "my-document")
    store.set_favourite(f"mydoc:{sha}", True, "Informe", "my-document")
    export = tmp_path / "export.json"
    counts = export_file(store, export)
    store.close()
    assert counts["documents"] == 2
    assert (originals_dir(export) / f"{sha}.txt").read_bytes() == b"original bytes"
    # The second original is damaged in transit: its text still arrives, not the file.
    (originals_dir(export) / f"{other}.txt").write_bytes(b"tampered")

    fresh, fresh_docs = _store(tmp_path / "b")
    report = import_file(fresh, export)
    assert report.added["documents"] == 2 and report.added["document_links"] == 1
    [doc] = [d for d in fresh_docs.documents() if d.sha256 == sha]
    assert doc.title == "Informe" and doc.authors == ("CEPAL", "OIT") and doc.language == "es"
    assert [h.title for h in fresh_docs.find("quixada")] == ["Informe"]
    assert fresh_docs.links(sha) == [("org/eclac", "ECLAC")]
    assert fresh.note(f"mydoc:{sha}").body == "Read page 2"  # type: ignore[union-attr]
    assert fresh.is_favourite(f"mydoc:{sha}")
    assert fresh_docs.file_path(sha, "txt").read_bytes() == b"original bytes"
    assert not fresh_docs.file_path(other, "txt").exists()
    assert [h.title for h in fresh_docs.find("mutual")] == ["Second"]
    # Importing again adds nothing.
    again = import_file(fresh, export)
    assert again.added.get("documents", 0) == 0 and again.skipped["documents"] == 2
    fresh.close()


@pytest.mark.parametrize(
    "document",
    [
        {"sha256": "../../etc/passwd", "format": "txt"},
        {"sha256": "a" * 64, "format": "../x"},
        {"sha256": "a" * 64, "format": "txt", "passages": [{"body": 3}]},
        {"sha256": "a" * 64, "format": "txt", "links": [{"id": ""}]},
        "not an object",
    ],
)
def test_a_bad_document_entry_changes_nothing(tmp_path: Path, document: object) -> None:
    store, docs = _store(tmp_path)
    path = tmp_path / "bad.json"
    path.write_text(
        json.dumps({"format": "sseref-user-data", "version": 1, "documents": [document]}),
        encoding="utf-8",
    )
    with pytest.raises(ImportFormatError, match="Nothing was changed"):
        import_file(store, path)
    assert docs.documents() == []
    store.close()
