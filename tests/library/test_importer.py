"""Importing into the private library: stored once by content hash, bad files leave nothing."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sseref.core.userdb import UserDatabase
from sseref.core.userdocs import DOC_KIND, DocumentStore, sha_of_key
from sseref.library.importer import (
    DUPLICATE,
    IMPORTED,
    REFUSED,
    file_sha256,
    import_file,
    import_files,
    tally,
)
from tests.library import samples

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits")


@pytest.fixture
def docs(tmp_path: Path) -> Iterator[DocumentStore]:
    db = UserDatabase(tmp_path / "data" / "user.db")
    yield DocumentStore(db)
    db.close()


def _library_files(docs: DocumentStore) -> list[Path]:
    if not docs.library_dir.exists():
        return []
    return sorted(p for p in docs.library_dir.rglob("*") if p.is_file())


def test_a_pdf_is_copied_under_its_hash_extracted_and_found(
    docs: DocumentStore, tmp_path: Path
) -> None:
    src = samples.write(tmp_path, "draft law.pdf", samples.pdf_bytes("Cooperatives in Ecuador"))
    outcome = import_file(docs, src)
    assert outcome.status == IMPORTED, outcome.message
    doc = outcome.document
    assert doc is not None
    sha = file_sha256(src)
    assert doc.sha256 == sha and doc.format == "pdf" and doc.title == "Draft law"
    assert doc.authors == ("Ministry of Labour",) and doc.file_name == "draft law.pdf"
    assert doc.size == src.stat().st_size
    copy = docs.library_dir / sha[:2] / f"{sha}.pdf"
    assert _library_files(docs) == [copy] and copy.read_bytes() == src.read_bytes()
    assert "Cooperatives in Ecuador" in docs.text(sha)
    hits = docs.search("ecuador cooperativ")
    assert [h.record.id for h in hits] == [doc.key] and hits[0].record.kind == DOC_KIND
    assert "[Ecuador]" in hits[0].snippet
    assert sha_of_key(doc.key) == sha


def test_a_duplicate_is_reported_not_stored_twice(docs: DocumentStore, tmp_path: Path) -> None:
    first = samples.write(tmp_path, "a.txt", samples.ENGLISH)
    second = samples.write(tmp_path, "copy of a.txt", samples.ENGLISH)
    outcomes = import_files(docs, [first, second])
    assert [o.status for o in outcomes] == [IMPORTED, DUPLICATE]
    assert "Already in your library" in outcomes[1].message
    assert len(docs.documents()) == 1 and len(_library_files(docs)) == 1
    assert tally(outcomes) == {IMPORTED: 1, DUPLICATE: 1, REFUSED: 0}


def test_a_bad_file_leaves_nothing_and_says_why(docs: DocumentStore, tmp_path: Path) -> None:
    fake = samples.write(tmp_path, "fake.pdf", b"<html><body>not a pdf</body></html>")
    empty = samples.write(tmp_path, "empty.docx", b"")
    outcomes = import_files(docs, [fake, empty, tmp_path / "missing.txt"])
    assert [o.status for o in outcomes] == [REFUSED] * 3
    assert outcomes[0].message.startswith("The file was not imported:")
    assert "not a PDF" in outcomes[0].message
    assert outcomes[1].message == "The file is empty."
    assert docs.documents() == [] and _library_files(docs) == []


def test_formats_metadata_edit_and_remove(docs: DocumentStore, tmp_path: Path) -> None:
    paths = [
        samples.write(
            tmp_path, "r.docx", samples.docx_bytes([samples.SPANISH], "Informe", "CEPAL")
        ),
        samples.write(tmp_path, "n.odt", samples.odt_bytes([samples.FRENCH], "Note")),
        samples.write(tmp_path, "b.epub", samples.epub_bytes([samples.ENGLISH], "Brief")),
        samples.write(tmp_path, "p.html", f"<title>Page</title><p>{samples.ENGLISH} x</p>"),
        samples.write(tmp_path, "m.md", f"# Notes\n\n{samples.FRENCH} y"),
    ]
    outcomes = import_files(docs, paths)
    assert [o.status for o in outcomes] == [IMPORTED] * 5, [o.message for o in outcomes]
    assert {d.format for d in docs.documents()} == {"docx", "odt", "epub", "html", "md"}
    informe = outcomes[0].document
    assert informe is not None and informe.language == "es"
    # Accents are optional, as in the bundled search.
    assert informe.key in [h.record.id for h in docs.search("economia solidaria")]
    edited = docs.update(
        informe.sha256,
        title="Informe regional",
        authors=("CEPAL", "OIT"),
        date="2024",
        language="es",
    )
    assert edited.authors == ("CEPAL", "OIT") and edited.title == "Informe regional"
    assert [h.record.title for h in docs.search("regional")] == ["Informe regional"]
    assert docs.remove(informe.sha256)
    assert docs.by_hash(informe.sha256) is None and docs.search("regional") == []
    assert len(_library_files(docs)) == 4


def test_cancel_stops_between_files(docs: DocumentStore, tmp_path: Path) -> None:
    paths = [samples.write(tmp_path, f"{i}.txt", f"{samples.ENGLISH} {i}") for i in range(3)]
    seen: list[tuple[int, int]] = []
    outcomes = import_files(
        docs, paths, progress=lambda d, t: seen.append((d, t)), cancelled=lambda: len(seen) >= 1
    )
    assert len(outcomes) == 1 and seen[0] == (0, 3)


def test_a_mixed_folder_of_hostile_files_loses_nothing_and_explains_each_refusal(
    docs: DocumentStore, tmp_path: Path
) -> None:
    import zipfile

    good = import_file(docs, samples.write(tmp_path, "kept.txt", samples.ENGLISH))
    assert good.status == IMPORTED
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    bomb = inbox / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * 20_000_000)
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        '<w:document xmlns:w="x">&lol2;</w:document>'
    )
    samples.write(inbox, "laughs.docx", samples.zip_bytes({"word/document.xml": laughs}))
    samples.write(inbox, "truncated.pdf", samples.pdf_bytes()[:120])
    samples.write(inbox, "zip named.epub", b"PK\x03\x04 broken")
    samples.write(inbox, "empty.md", b"")
    samples.write(inbox, "line\nbreak \u202ename.txt", samples.FRENCH)  # newline, RTL mark
    samples.write(inbox, "latin1.txt", samples.SPANISH.encode("latin-1"))
    samples.write(
        inbox,
        "page.html",
        "<title>Hostile</title><script>alert(1)</script><iframe src='http://x'></iframe>"
        "<img src='http://example.invalid/a.png'><a href='javascript:alert(2)'>link</a>"
        f"<p>{samples.ENGLISH}</p>",
    )
    outside = samples.write(tmp_path, "outside.txt", "a file outside the folder")
    (inbox / "link.txt").symlink_to(outside)
    outcomes = import_files(docs, [inbox])
    by_name = {o.path.name: o for o in outcomes}
    assert "link.txt" not in by_name  # a link out of the folder is not followed
    assert len(outcomes) == 8
    refused = {n for n, o in by_name.items() if o.status == REFUSED}
    assert refused == {"bomb.docx", "laughs.docx", "truncated.pdf", "zip named.epub", "empty.md"}
    for name in refused:
        message = by_name[name].message
        assert message.endswith(".") and "\n" not in message and len(message) < 300, name
    assert "zip bomb" in by_name["bomb.docx"].message
    html_doc = by_name["page.html"].document
    assert html_doc is not None and html_doc.title == "Hostile"
    text = docs.text(html_doc.sha256)
    assert "alert" not in text and "javascript" not in text
    assert "economía" in docs.text(by_name["latin1.txt"].document.sha256)  # type: ignore[union-attr]
    # Nothing of the library was lost, and refused files left no copy behind.
    assert docs.by_hash(good.document.sha256) is not None  # type: ignore[union-attr]
    assert len(docs.documents()) == 4 and len(_library_files(docs)) == 4


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "The file was not imported: the file is named .pdf but is not a PDF."),
        ("es", "El archivo no se importó: el archivo se llama .pdf pero no es un PDF."),
        ("fr", "Le fichier n'a pas été importé : le fichier porte l'extension .pdf mais n'est"),
    ],
)
def test_a_refusal_reads_in_the_users_language(
    docs: DocumentStore, tmp_path: Path, lang: str, expected: str
) -> None:
    # The reader process does not know the language: it sends the message untranslated and
    # the importer translates it, values included.
    from sseref.core.i18n import set_language

    fake = tmp_path / "report.pdf"
    fake.write_bytes(b"PK\x03\x04 not a pdf at all" * 10)
    set_language(lang)
    try:
        outcome = import_file(docs, fake)
    finally:
        set_language("en")
    assert outcome.status == REFUSED
    assert outcome.message.startswith(expected), outcome.message


def test_a_refusal_with_values_is_translated_with_them() -> None:
    from sseref.core.i18n import set_language
    from sseref.library.sandbox import refusal

    refused = {
        "message": "the PDF has {count} pages; the limit is {limit}",
        "values": {"count": 5000, "limit": 3000},
    }
    set_language("fr")
    try:
        assert refusal(refused) == "le PDF compte 5000 pages ; la limite est de 3000"
    finally:
        set_language("en")
    assert refusal(refused) == "the PDF has 5000 pages; the limit is 3000"
    assert refusal({"message": "the package has no {name}", "values": {}}) == (
        "the package has no {name}"
    )
    assert refusal("garbage") == "the reader gave no reason"


def test_a_pdf_without_text_is_imported_and_says_it_cannot_be_searched(
    docs: DocumentStore, tmp_path: Path
) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(samples.pdf_bytes(text="", title="Scanned statute"))
    outcome = import_file(docs, scan)
    assert outcome.status == IMPORTED
    assert "holds no text" in outcome.message and "Scanned statute" in outcome.message
    readable = tmp_path / "readable.pdf"
    readable.write_bytes(samples.pdf_bytes())
    assert "holds no text" not in import_file(docs, readable).message


def test_reindex_reports_progress_and_stops_between_documents_on_cancel(
    docs: DocumentStore, tmp_path: Path
) -> None:
    from sseref.library.importer import reindex

    for name in ("a", "b", "c"):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(samples.pdf_bytes(text=f"Text {name}", title=name.upper()))
        assert import_file(docs, path).status == IMPORTED
    seen: list[tuple[int, int]] = []
    outcomes = reindex(docs, progress=lambda done, total: seen.append((done, total)))
    assert [o.passages for o in outcomes] == [1, 1, 1] and not any(o.problem for o in outcomes)
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]
    calls = iter([False, True])
    assert len(reindex(docs, cancelled=lambda: next(calls, True))) == 1
