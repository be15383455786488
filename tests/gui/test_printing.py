"""PDF fact sheets through Qt: every real record, repeated heads, footers, fonts, paper, packs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from sseref.core.dateformat import format_spec, format_text
from sseref.core.db import Database
from tests.conftest import FIXTURE_DATA, ROOT

pytestmark = pytest.mark.usefixtures("qapp")


def norm(text: str) -> str:
    """PDF text as words: ligatures unfolded, Babel's thin spaces and line breaks as spaces."""
    text = unicodedata.normalize("NFKC", text)
    return " ".join(text.split())


def squash(text: str) -> str:
    """Text without any spaces: lines wrapped at a hyphen ("South-/South") still match."""
    return "".join(norm(text).split())


def pages_text(path: Path) -> list[str]:
    return [norm(page.extract_text()) for page in PdfReader(str(path)).pages]


def render(db: Database, ids: list[str], path: Path, lang: str = "en", **kw):  # type: ignore[no-untyped-def]
    from sseref.gui.printing import render_pdf

    return render_pdf(db, ids, path, lang, kw.pop("paper", "a4"), **kw)


def words(text: str, n: int = 4) -> str:
    return " ".join(norm(text).split()[:n])


def key_dates(record, lang: str) -> list[str]:  # type: ignore[no-untyped-def]
    found = []
    if record.date:
        found.append(format_spec(record.date, lang))
    if record.fields.get("founded"):
        found.append(format_text(record.fields["founded"], lang))
    return [norm(d) for d in found]


def check_sheet(record, path: Path, lang: str = "en") -> None:  # type: ignore[no-untyped-def]
    texts = pages_text(path)
    whole = squash(" ".join(texts))
    assert squash(record.title(lang)) in whole, (record.id, record.title(lang))
    for date in key_dates(record, lang):
        assert squash(date) in whole, (record.id, date)
    assert "Sources" in whole or record.sources == []
    for source in record.sources:
        label = source.doc_title if source.doc_id else (source.title or source.publisher)
        assert squash(words(label or "")) in whole, (record.id, label)
    for n, text in enumerate(texts, start=1):
        assert f"page {n} of {len(texts)}" in text, (record.id, n)
        assert "data as of" in text
    if len(texts) > 1:  # a long sheet continues with its head repeated
        for text in texts[1:]:
            assert "(continued)" in text, record.id
            assert squash(words(record.title(lang), 2)) in squash(text), record.id


def test_every_real_record_prints(real_db: Database, tmp_path: Path) -> None:
    multi_page = []
    for record_id in real_db.ids():
        path = tmp_path / "sheet.pdf"
        result = render(real_db, [record_id], path)
        check_sheet(real_db.get(record_id), path)
        assert result.pages <= 3, (record_id, result.pages)
        if result.pages > 1:
            multi_page.append(record_id)
    # most sheets fit on one page; the exceptions are named in the failure message
    assert len(multi_page) <= max(3, len(real_db.ids()) // 20), multi_page


def test_fixture_records_print_in_every_language(fixture_db: Database, tmp_path: Path) -> None:
    for lang in ("en", "es", "fr"):
        for record_id in fixture_db.ids():
            path = tmp_path / f"{lang}.pdf"
            render(fixture_db, [record_id], path, lang)
            record = fixture_db.get(record_id, lang)
            whole = " ".join(pages_text(path))
            assert norm(record.title(lang)) in whole
            for date in key_dates(record, lang):
                assert date in whole, (record_id, lang, date)


def test_spanish_and_french_dates(fixture_db: Database, tmp_path: Path) -> None:
    render(fixture_db, ["event/1978-conference"], tmp_path / "es.pdf", "es")
    render(fixture_db, ["event/1978-conference"], tmp_path / "fr.pdf", "fr")
    assert "30 de agosto – 12 de septiembre de 1978" in pages_text(tmp_path / "es.pdf")[0]
    assert "30 août – 12 septembre 1978" in pages_text(tmp_path / "fr.pdf")[0]
    assert (
        "novembre 2026 · page 1 of 1" in pages_text(tmp_path / "fr.pdf")[0]
        or "novembre 2026" in pages_text(tmp_path / "fr.pdf")[0]
    )


def _long_dataset(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    members = "\n".join(
        f"id: org/member-{n:02d}\nnames:\n  en: {{name: Member organization number {n} of the "
        f"very long federation with a long name, acronym: MO{n}}}\nsummary:\n  en: A member.\n"
        f"type: ngo\nrelations:\n  - {{type: member_of, target: org/alpha, since: '20{n:02d}'}}\n"
        f"sources:\n  - doc: doc/beta-resolution\n---"
        for n in range(60)
    )
    (data / "organizations" / "members.yaml").write_text(
        members.rstrip("-\n") + "\n", encoding="utf-8"
    )
    from sseref.ingest.build import build_database

    db_path = tmp_path / "long.db"
    build_database(data, db_path)
    return db_path


def test_long_sheet_continues_with_repeated_head(tmp_path: Path) -> None:
    db = Database(_long_dataset(tmp_path))
    try:
        path = tmp_path / "long.pdf"
        result = render(db, ["org/alpha"], path)
        assert result.pages >= 2
        assert result.heads[1] == "Alpha Cooperative Alliance (continued)"
        check_sheet(db.get("org/alpha"), path)
    finally:
        db.close()


def test_a_long_title_keeps_the_continued_marker(tmp_path: Path) -> None:
    """The running head is cut to fit: a title longer than the head must lose its middle, not
    the "(continued)" that tells a reader the page belongs to the sheet before."""
    db_path = _long_dataset(tmp_path)
    alpha = tmp_path / "data" / "organizations" / "alpha.yaml"
    long_name = "Alpha Cooperative Alliance of " + " and ".join(
        f"the Regional Federation Number {n}" for n in range(8)
    )
    alpha.write_text(
        alpha.read_text(encoding="utf-8").replace(
            "en: {name: Alpha Cooperative Alliance,", f"en: {{name: {long_name},"
        ),
        encoding="utf-8",
    )
    from sseref.ingest.build import build_database

    db_path.unlink()
    build_database(tmp_path / "data", db_path)
    db = Database(db_path)
    try:
        path = tmp_path / "long-title.pdf"
        result = render(db, ["org/alpha"], path)
        assert result.pages >= 2
        assert result.heads[1].endswith("(continued)")
        assert len(result.heads[1]) > 150  # longer than the head: it is elided when painted
        check_sheet(db.get("org/alpha"), path)
    finally:
        db.close()


def test_pack_has_cover_contents_and_right_page_numbers(
    fixture_db: Database, tmp_path: Path
) -> None:
    ids = ["org/alpha", "event/1978-conference", "doc/beta-resolution", "term/cooperative"]
    meeting = "Réunion «SSE» — niño, façade, über “quotes”"
    path = tmp_path / "pack.pdf"
    result = render(fixture_db, ids, path, meeting_name=meeting)
    texts = pages_text(path)
    assert result.pages == len(texts) >= 2 + len(ids)
    assert "Meeting pack" in texts[0] and norm(meeting) in texts[0]
    assert "Contents" in texts[1]
    for n, record_id in enumerate(ids, start=1):
        first, _last = result.part_pages[f"sheet-{n}"]
        title = norm(fixture_db.get(record_id).title("en"))
        assert squash(title) in squash(texts[first])
        # the contents list the sheet with the page it starts on
        assert squash(f"{n} {title}") in squash(texts[1])
        assert f" {first + 1}" in texts[1]
    for char in "é«»—ñçü“”":
        assert char in " ".join(texts), char


def test_fonts_are_embedded(fixture_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "fonts.pdf"
    render(fixture_db, ["org/alpha", "doc/beta-resolution"], path, "fr", bilingual="es")
    fonts = {}
    for page in PdfReader(str(path)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            fonts[str(font["/BaseFont"])] = "/FontFile2" in descendant["/FontDescriptor"]
    assert fonts and all(fonts.values()), fonts
    assert any("DejaVuSerif" in name for name in fonts)
    pdffonts = shutil.which("pdffonts")
    if pdffonts:
        out = subprocess.run(
            [pdffonts, str(path)], capture_output=True, text=True, check=True
        ).stdout
        rows = out.splitlines()[2:]
        assert rows and all(" yes " in row for row in rows), out


def test_paper_sizes(fixture_db: Database, tmp_path: Path) -> None:
    render(fixture_db, ["org/alpha"], tmp_path / "a4.pdf", paper="a4")
    render(fixture_db, ["org/alpha"], tmp_path / "letter.pdf", paper="letter")
    a4 = PdfReader(str(tmp_path / "a4.pdf")).pages[0].mediabox
    letter = PdfReader(str(tmp_path / "letter.pdf")).pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)


def test_bilingual_pdf(fixture_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "bi.pdf"
    render(fixture_db, ["org/alpha"], path, "en", bilingual="fr")
    text = pages_text(path)[0]
    assert "A fictional federation" in text and "Une fédération fictive" in text


def test_export_pdf_asks_for_a_file(
    fixture_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from sseref.gui import printing

    target = tmp_path / "chosen"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "PDF (*.pdf)"))
    )
    path = printing.export_pdf(None, fixture_db, ["org/alpha"], "en")
    assert path == tmp_path / "chosen.pdf" and path.stat().st_size > 1000
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    assert printing.export_pdf(None, fixture_db, ["org/alpha"], "en") is None


def test_print_and_preview_paint_on_a_printer(
    fixture_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog

    from sseref.gui import printing

    out = tmp_path / "printed.pdf"
    made = printing._printer

    def pdf_printer(paper):  # type: ignore[no-untyped-def]
        printer = made(paper)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return printer

    monkeypatch.setattr(printing, "_printer", pdf_printer)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QPrintDialog.DialogCode.Accepted)
    assert printing.print_records(None, fixture_db, ["org/alpha"], "en")
    assert "Alpha Cooperative Alliance" in pages_text(out)[0]

    painted = []

    def fake_exec(self):  # type: ignore[no-untyped-def]
        printer = pdf_printer(None)
        self.paintRequested.emit(printer)
        painted.append(True)
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    out.unlink()
    printing.print_preview(None, fixture_db, ["org/alpha", "term/cooperative"], "es")
    assert painted and "Alianza Cooperativa Alfa" in " ".join(pages_text(out))


def test_cli_without_display(fixture_db_path: Path, tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["SSEREF_DATA_DIR"] = str(tmp_path / "user")
    out = tmp_path / "cli.pdf"
    base = [sys.executable, "-m", "sseref", "--database", str(fixture_db_path), "factsheet"]
    ok = subprocess.run(
        [
            *base,
            "org/alpha",
            "event/1978-conference",
            "-o",
            str(out),
            "--lang",
            "fr",
            "--paper",
            "letter",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert ok.returncode == 0, ok.stderr
    texts = pages_text(out)
    assert "Sommaire" in texts[1] and "Alliance coopérative Alpha" in " ".join(texts)
    bad = subprocess.run(
        [*base, "org/alpha", "org/nope", "-o", str(tmp_path / "x.pdf")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert bad.returncode == 2
    assert "org/nope" in bad.stderr and not (tmp_path / "x.pdf").exists()
