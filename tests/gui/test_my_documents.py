"""The user's documents in the window: import with progress, drop, the panel, the page, search."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu

from sseref.library.importer import file_sha256
from tests.library import samples

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits")


def documents(window: Any) -> Any:
    from sseref.gui.my_documents import DocumentsLayer

    layer = window.personal.documents
    assert isinstance(layer, DocumentsLayer)
    return layer


def wait_import(qtbot: Any, layer: Any) -> list[Any]:
    with qtbot.waitSignal(layer.imported, timeout=60000) as blocker:
        pass
    return list(blocker.args[0])


def test_import_from_the_file_menu_reports_and_lists(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    layer = documents(window)
    assert layer.import_action in window.actions_.menus["file"].actions()
    law = samples.write(tmp_path, "law.pdf", samples.pdf_bytes("Cooperatives in Zanzibar"))
    fake = samples.write(tmp_path, "fake.pdf", b"<html>not a pdf</html>")
    report = samples.write(
        tmp_path, "report.docx", samples.docx_bytes([samples.SPANISH], "Informe", "CEPAL")
    )
    chosen: list[str] = []

    def pick(parent: Any, caption: str, folder: str, filters: str) -> tuple[list[str], str]:
        chosen.append(filters)
        return [str(law), str(fake), str(report), str(law)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(pick))
    with qtbot.waitSignal(layer.imported, timeout=60000) as blocker:
        layer.import_action.trigger()
        assert layer.task.dialog.isVisible()  # progress, off the UI thread
    outcomes = blocker.args[0]
    assert "*.pdf" in chosen[0] and "*.docx" in chosen[0]
    assert [o.status for o in outcomes] == ["imported", "refused", "imported", "duplicate"]
    assert layer.report is not None
    assert layer.report.text() == "Imported: 2. Already in your library: 1. Refused: 1."
    assert "fake.pdf: The file was not imported:" in layer.report.detailedText()
    layer.report.close()
    # The first new document is shown in the record pane: metadata and plain text.
    page = layer.page
    assert page.isVisible() and page.title.text() == "Draft law"
    assert "Cooperatives in Zanzibar" in page.text.toPlainText()
    # The panel lists both, filtered and sorted.
    layer.panel_action.trigger()
    assert layer.panel.isVisible()
    assert sorted(r[0] for r in layer.panel.rows()) == ["Draft law", "Informe"]
    layer.panel.filter.setText("cepal")
    assert layer.panel.rows() == [["Informe", "CEPAL", "2024-06-20", "es", "DOCX"]]  # from docProps
    layer.panel.filter.clear()
    layer.panel.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [r[0] for r in layer.panel.rows()] == ["Informe", "Draft law"]


def test_the_page_edits_metadata_finds_text_and_gives_the_pane_back(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    layer = documents(window)
    src = samples.write(
        tmp_path, "note.html", "<title>Brief</title><p>Hello <b>bold</b> &lt;script&gt;</p>"
    )
    with qtbot.waitSignal(layer.imported, timeout=60000):
        layer.import_paths([src])
    key = "mydoc:" + file_sha256(src)
    assert window.record_view.open(key) and layer.page.isVisible()
    assert not window.record_view.browser.isVisible()
    # The text is shown as text: markup in the document is never interpreted.
    assert "<script>" in layer.page.text.toPlainText()
    layer.page.find_box.setText("script")
    assert layer.page.find_next()
    assert layer.page.text.textCursor().selectedText() == "script"
    layer.page.title.setText("Ministry brief")
    layer.page.authors.setText("CEPAL; OIT")
    layer.page.date.setText("2025-03")
    layer.page.save_button.click()
    doc = layer.docs.by_key(key)
    assert doc.title == "Ministry brief" and doc.authors == ("CEPAL", "OIT")
    assert doc.date == "2025-03"
    # Opening a bundled record gives the pane back to the record page.
    assert window.record_view.open("org/alpha")
    assert not layer.page.isVisible() and window.record_view.browser.isVisible()
    # Remove: the row and the copy go.
    window.record_view.open(key)
    copy = layer.docs.file_path(doc.sha256, doc.format)
    assert copy.is_file()
    layer.page.remove_button.click()
    assert layer.docs.by_key(key) is None and not copy.exists()
    assert not layer.page.isVisible()


def test_files_dropped_on_the_window_are_imported(qtbot: Any, window: Any, tmp_path: Path) -> None:
    layer = documents(window)
    src = samples.write(tmp_path, "dropped.md", f"# Dropped\n\n{samples.FRENCH}")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(src))])
    # Qt delivers a drop to the widget that accepted the drag's entry: enter first.
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(layer.imported, timeout=60000) as blocker:
        QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    assert [o.status for o in blocker.args[0]] == ["imported"]
    assert layer.report is not None
    layer.report.close()
    assert [d.title for d in layer.docs.documents()] == ["Dropped"]


def test_documents_are_found_by_the_search_box_and_open_their_page(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    layer = documents(window)
    src = samples.write(tmp_path, "brief.txt", "Quixadá cooperatives met the ministry in 2025.")
    with qtbot.waitSignal(layer.imported, timeout=60000):
        layer.import_paths([src])
    layer.report.close()
    window.record_view.open("org/alpha")
    window.search_box.setText("quixada")
    qtbot.waitUntil(lambda: window.search_panel.outcome is not None, timeout=5000)
    qtbot.waitUntil(lambda: window.search_panel.outcome.text == "quixada", timeout=5000)
    hits = window.search_panel.outcome.hits
    key = "mydoc:" + file_sha256(src)
    assert [h.id for h in hits] == [key]
    assert "<b>Quixadá</b>" in hits[0].snippet_html()
    # The row's menu stars the document: the Lists panel shows it by its title and opens it.
    popped: list[Any] = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, _pos, _at=None: popped.append(menu))
    results = window.search_panel.list
    rect = results.visualRect(results.model().index(0, 0))
    window.personal._context_menu(results, rect.center())
    [menu] = popped
    menu.actions()[0].trigger()
    assert window.personal.store.is_favourite(key)
    window.personal.show_lists(True)
    items = window.personal.dock.items
    assert items.count() == 1 and "no longer" not in items.item(0).text()
    assert "Quixadá" in items.item(0).text()
    window.personal.open_record(key)
    assert layer.page.isVisible() and layer.page.star_button.isChecked()
    window.record_view.open(hits[0].id)  # what activating the row does
    assert layer.page.isVisible() and "Quixadá" in layer.page.text.toPlainText()
    window.search_box.setText("mine:")
    qtbot.waitUntil(lambda: window.search_panel.outcome.text == "mine:", timeout=5000)
    assert key in [h.id for h in window.search_panel.outcome.hits]


def test_a_watched_folder_imports_new_files_by_itself(
    qtbot: Any, make_window: Any, tmp_path: Path
) -> None:
    window = make_window()
    layer = documents(window)
    folder = tmp_path / "inbox"
    folder.mkdir()
    samples.write(folder, "first.txt", samples.ENGLISH)
    samples.write(folder, "ignored.exe", b"MZ")
    with qtbot.waitSignal(layer.imported, timeout=60000) as blocker:
        layer.watch(folder)
    assert [o.path.name for o in blocker.args[0]] == ["first.txt"]
    assert layer.report is None  # the watched folder reports in the status bar only
    assert window.settings.watched_folder == str(folder)
    # A file that appears later is imported when the folder changes.
    with qtbot.waitSignal(layer.imported, timeout=60000) as blocker:
        samples.write(folder, "later.md", f"# Later\n\n{samples.SPANISH}")
    assert [o.status for o in blocker.args[0]] == ["imported"]
    assert sorted(d.file_name for d in layer.docs.documents()) == ["first.txt", "later.md"]
    assert layer.scan_watched() == []  # nothing new: nothing tried again
    # Subfolders count too (a link to a folder outside, and dot folders, do not).
    outside = tmp_path / "outside"
    outside.mkdir()
    samples.write(outside, "secret.txt", samples.FRENCH)
    (folder / "linked").symlink_to(outside)
    (folder / ".cache").mkdir()
    samples.write(folder / ".cache", "partial.txt", samples.FRENCH)
    sub = folder / "2026" / "march"
    sub.mkdir(parents=True)
    with qtbot.waitSignal(layer.imported, timeout=60000) as blocker:
        samples.write(sub, "deep.txt", f"Deep {samples.SPANISH}")
    assert [o.path for o in blocker.args[0]] == [sub / "deep.txt"]
    assert str(sub) in layer.watcher.directories()
    with qtbot.waitSignal(layer.imported, timeout=60000) as blocker:
        samples.write(sub, "deeper.txt", f"Deeper {samples.ENGLISH}")  # seen by the sub's watch
    assert [o.path.name for o in blocker.args[0]] == ["deeper.txt"]
    assert "secret.txt" not in {d.file_name for d in layer.docs.documents()}
    assert "partial.txt" not in {d.file_name for d in layer.docs.documents()}
    # The next window watches the same folder.
    again = documents(make_window())
    assert again.watched == folder
    again.watch(None)
    assert again.watched is None and window.settings.watched_folder == ""


def test_document_page_notes_tags_links_and_the_record_page_shows_the_link(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    from tests.library.hostile import pdf_pages

    layer = documents(window)
    pages = ["Opening remarks by the minister.", "Nothing much here.", "Zanzibar mutual funds."]
    src = samples.write(tmp_path, "brief.pdf", pdf_pages(pages, "Meeting brief"))
    with qtbot.waitSignal(layer.imported, timeout=60000):
        layer.import_paths([src])
    layer.report.close()
    sha = file_sha256(src)
    page = layer.page
    assert page.isVisible() and "── Page 3 ──" in page.text.toPlainText()
    # Star from the page; Ctrl+D (the Star action) acts on the document shown too.
    page.star_button.click()
    assert window.personal.store.is_favourite("mydoc:" + sha) and page.star_button.isChecked()
    window.personal.actions["favourite"].trigger()
    assert not window.personal.store.is_favourite("mydoc:" + sha)
    assert not page.star_button.isChecked()
    page.star_button.click()
    # Note and tags from the page (the personal layer's dialog, saved under the document's id).
    page.note_button.click()
    dialog = window.findChild(QDialog, "noteDialog")
    assert dialog is not None and "Meeting brief" in dialog.windowTitle()
    dialog.editor.setPlainText("Ask ECLAC about the funds")
    dialog.tags.setText("zanzibar, funding")
    dialog.accept()
    assert "Tags: funding, zanzibar" in page.note_label.text()
    assert "Ask ECLAC" in page.note_label.text()
    # Link to records: the picker filters as you type (accents optional), OK links.
    page.link_button.click()
    picker = layer.picker
    assert picker is not None and picker.isVisible()
    picker.filter.setText("ALPHA coop")
    shown = [picker.list.item(r) for r in range(picker.list.count())]
    visible = [i.data(Qt.ItemDataRole.UserRole) for i in shown if not i.isHidden()]
    assert visible == ["org/alpha"]
    picker.accept()
    assert [page.links.item(r).text() for r in range(page.links.count())] == [
        "Alpha Cooperative Alliance"
    ]
    # The record's page lists the document; its link opens the document page again.
    page.links.itemActivated.emit(page.links.item(0))
    assert window.record_view.current == "org/alpha" and not page.isVisible()
    assert layer.linked.isVisible() and "Meeting brief" in layer.linked.text()
    layer.linked.linkActivated.emit("mydoc:" + sha)
    assert page.isVisible()
    # Remove the link: the record page no longer lists it.
    page.links.setCurrentRow(0)
    page.unlink_button.click()
    assert page.links.count() == 0
    window.record_view.open("org/alpha")
    assert not layer.linked.isVisible()


def test_a_hit_in_a_long_pdf_opens_its_page(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from tests.library.hostile import pdf_pages

    layer = documents(window)
    pages = [f"Page {n} talks about ordinary matters of the network." for n in range(1, 40)]
    pages[26] = "Here the Quixada credit union is described."
    src = samples.write(tmp_path, "long.pdf", pdf_pages(pages, "Annual report"))
    with qtbot.waitSignal(layer.imported, timeout=60000):
        layer.import_paths([src])
    layer.report.close()
    window.record_view.open("org/alpha")
    window.search_box.setText("quixada")
    qtbot.waitUntil(lambda: window.search_panel.outcome is not None, timeout=5000)
    qtbot.waitUntil(lambda: window.search_panel.outcome.text == "quixada", timeout=5000)
    [hit] = window.search_panel.outcome.hits
    assert "p. 27" in hit.snippet_html() and hit.id.endswith("#26")
    window.record_view.open(hit.id)
    cursor = layer.page.text.textCursor()
    assert cursor.block().text() == "── Page 27 ──"
    assert layer.page.text.cursorRect().top() >= 0  # in view


def test_the_mine_chip_keeps_only_the_documents(qtbot: Any, window: Any, tmp_path: Path) -> None:
    layer = documents(window)
    src = samples.write(tmp_path, "coop.txt", "Cooperative statutes of the Quixadá union.")
    with qtbot.waitSignal(layer.imported, timeout=60000):
        layer.import_paths([src])
    layer.report.close()
    key = "mydoc:" + file_sha256(src)
    window.search_box.setText("cooperative")
    panel = window.search_panel
    qtbot.waitUntil(lambda: panel.outcome is not None and panel.outcome.text == "cooperative")
    ids = [h.id for h in panel.outcome.hits]
    assert key in ids and len(ids) > 1
    [chip] = [c for c in panel.chips if c.text().startswith("Mine")]
    chip.click()
    qtbot.waitUntil(lambda: [h.id for h in panel.outcome.hits] == [key], timeout=5000)


def test_the_mine_chip_is_never_crowded_out() -> None:
    from sseref.core.vocab import MY_DOCUMENT_KIND
    from sseref.gui.search_panel import useful_chips

    kinds = {
        k: 50 - i for i, k in enumerate(["organization", "document", "event", "term", "x", "y"])
    }
    kinds[MY_DOCUMENT_KIND] = 1
    chips = useful_chips({"kind": kinds}, 1000, {})
    assert chips[0] == ("kind", MY_DOCUMENT_KIND, 1)


def test_linked_documents_strip_escapes_titles_and_links_each_document(qtbot: Any) -> None:
    from sseref.core.userdocs import Document
    from sseref.gui.my_documents import LinkedDocumentsStrip

    def doc(sha: str, title: str) -> Document:
        return Document(sha, "f.pdf", title, (), "2024", "en", "pdf", 10, 1, "2026-12-08")

    strip = LinkedDocumentsStrip()
    qtbot.addWidget(strip)
    strip.show_documents([doc("a" * 64, "<script>x</script> & co"), doc("b" * 64, "Second")])
    html = strip.text()
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt; &amp; co" in html
    assert html.count("<a href=") == 2 and "</a>, <a" in html
    assert html.startswith("Your documents about this: ")
    strip.show_documents([])
    assert strip.isHidden()


def test_read_my_documents_again_from_the_menu_with_progress_and_report(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    layer = documents(window)
    assert layer.reindex_action in window.personal.menu.actions()
    assert not layer.reindex_all()  # an empty library: said in the status bar, nothing runs
    law = samples.write(tmp_path, "law.pdf", samples.pdf_bytes())
    scan = samples.write(tmp_path, "scan.pdf", samples.pdf_bytes(text="", title="Scan"))
    with qtbot.waitSignal(layer.imported, timeout=60000):
        layer.import_paths([law, scan])
    # The report says that a document holds no text, not only in its details.
    assert layer.report.text().endswith(
        "Refused: 0.\n1 of them holds no text (scanned pages?): search cannot find words in it."
    )
    assert "scan.pdf: Imported as “Scan”, but it holds no text" in layer.report.detailedText()
    layer.report.close()
    layer.report = None
    scanned = next(d for d in layer.docs.documents() if d.title == "Scan")
    layer.docs.file_path(scanned.sha256, "pdf").unlink()  # its kept original is gone
    layer.reindex_action.trigger()
    assert layer.task is not None and layer.task.running
    qtbot.waitUntil(lambda: layer.report is not None, timeout=60000)
    assert layer.report.text() == "Read again: 1 document. 1 could not be read."
    assert layer.report.detailedText() == "Scan: The original file is missing."
    layer.report.close()
