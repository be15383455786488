"""The user's own documents in the window: import (menu, drag and drop), the panel, the page.

Installed by the personal layer (gui.personal) after the first frame. Imports run on a
BackgroundTask thread with its own database connection; each file is read by the sandboxed
extractor (sseref.library), so a hostile file costs one refused import, never the window.
The only hook into the record pane is RecordView.other_page (a document id opens this page).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QFileSystemWatcher,
    QObject,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QAction, QDesktopServices, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sseref.core.i18n import _, ngettext
from sseref.core.textfold import fold
from sseref.core.userdata import UserDataError
from sseref.core.userdb import UserDatabase
from sseref.core.userdocs import (
    Document,
    DocumentStore,
    Passage,
    doc_key,
    passage_of_key,
    sha_of_key,
    split_authors,
)
from sseref.library.formats import SUFFIXES
from sseref.library.importer import (
    DUPLICATE,
    IMPORTED,
    REFUSED,
    ImportOutcome,
    ReindexOutcome,
    import_files,
    reindex,
)
from sseref.report.render import fragment

if TYPE_CHECKING:
    from sseref.gui.mainwindow import MainWindow
    from sseref.gui.personal import PersonalLayer

KEY_ROLE = Qt.ItemDataRole.UserRole
SETTLE_MS = 1500  # a file being copied into the watched folder gets this long to finish
COLUMNS = ("title", "authors", "date", "language", "format")


def file_filter() -> str:
    """The import dialog's filter: every importable suffix, then all files."""
    patterns = " ".join(f"*{s}" for s in sorted(SUFFIXES))
    return _("Documents ({patterns})").format(patterns=patterns) + ";;" + _("All files (*)")


def report_text(outcomes: list[ImportOutcome]) -> tuple[str, str]:
    """The end-of-import summary, and the details (one line per duplicate or refused file)."""
    counts = {IMPORTED: 0, DUPLICATE: 0, REFUSED: 0}
    lines = []
    for outcome in outcomes:
        counts[outcome.status] += 1
        if outcome.status != IMPORTED or outcome.textless:
            lines.append(f"{outcome.path.name}: {outcome.message}")
    summary = _("Imported: {imported}. Already in your library: {duplicate}. Refused: {refused}.")
    summary = summary.format(**counts)
    textless = sum(1 for o in outcomes if o.status == IMPORTED and o.textless)
    if textless:
        summary += "\n" + ngettext(
            "{n} of them holds no text (scanned pages?): search cannot find words in it.",
            "{n} of them hold no text (scanned pages?): search cannot find words in them.",
            textless,
        ).format(n=textless)
    return summary, "\n".join(lines)


def reindex_report(outcomes: list[ReindexOutcome]) -> tuple[str, str]:
    """The summary after reading the documents again, and a line per one that failed."""
    failed = [o for o in outcomes if o.problem]
    done = len(outcomes) - len(failed)
    summary = ngettext("Read again: {n} document.", "Read again: {n} documents.", done).format(
        n=done
    )
    if failed:
        summary += " " + ngettext(
            "{n} could not be read.", "{n} could not be read.", len(failed)
        ).format(n=len(failed))
    details = "\n".join(f"{o.document.display_title}: {o.problem}" for o in failed)
    return summary, details


class DocumentsPanel(QDockWidget):
    """ "My documents": the library as a table, filtered as you type, sorted by any column."""

    documentActivated = Signal(str)
    importRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("my-documents")
        body = QWidget()
        layout = QVBoxLayout(body)
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)  # every column
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.import_button = QPushButton()
        self.count_label = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addStretch(1)
        row.addWidget(self.count_label)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.setWidget(body)
        self.filter.textChanged.connect(self._filter)
        self.table.activated.connect(self._activated)
        self.table.clicked.connect(self._activated)
        self.import_button.clicked.connect(lambda _c=False: self.importRequested.emit())
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("My documents"))
        self.filter.setPlaceholderText(_("Filter my documents"))
        self.filter.setAccessibleName(_("Filter my documents"))
        self.table.setAccessibleName(_("My documents"))
        self.import_button.setText(_("Import documents…"))
        headers = (_("Title"), _("Authors"), _("Date"), _("Language"), _("Format"))
        self.model.setHorizontalHeaderLabels(list(headers))
        self._count()

    def load(self, documents: list[Document]) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for doc in documents:
            values = (
                doc.display_title,
                "; ".join(doc.authors),
                doc.date,
                doc.language,
                doc.format.upper(),
            )
            items = [QStandardItem(v) for v in values]
            for item in items:
                item.setData(doc.key, KEY_ROLE)
            self.model.appendRow(items)
        self._count()

    def rows(self) -> list[list[str]]:
        """The rows as shown (filtered and sorted), for tests and accessibility checks."""
        return [
            [str(self.proxy.index(r, c).data()) for c in range(len(COLUMNS))]
            for r in range(self.proxy.rowCount())
        ]

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._count()

    def _count(self) -> None:
        self.count_label.setText(
            _("{shown} of {total}").format(shown=self.proxy.rowCount(), total=self.model.rowCount())
        )

    def _activated(self, index: Any) -> None:
        key = index.data(KEY_ROLE)
        if key:
            self.documentActivated.emit(str(key))


class DocumentPage(QWidget):
    """One document in the record pane: editable metadata and its text (plain text, never HTML)."""

    saveRequested = Signal(str, str, str, str, str)  # sha256, title, authors, date, language
    openOriginal = Signal(str)
    removeRequested = Signal(str)
    starRequested = Signal(str)
    noteRequested = Signal(str)
    linkRequested = Signal(str)
    unlinkRequested = Signal(str, str)  # sha256, record id
    recordRequested = Signal(str)  # a linked record to open

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        self.title = QLineEdit()
        self.authors = QLineEdit()
        self.date = QLineEdit()
        self.language = QLineEdit()
        self.facts = QLabel()
        self.facts.setTextFormat(Qt.TextFormat.PlainText)  # a file name is never markup
        self.facts.setWordWrap(True)
        self.save_button = QPushButton()
        self.open_button = QPushButton()
        self.remove_button = QPushButton()
        self.star_button = QPushButton()
        self.star_button.setCheckable(True)
        self.note_button = QPushButton()
        self.note_label = QLabel()
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label.setWordWrap(True)
        # "About": the bundled records the user linked this document to (shown on their pages).
        self.about_label = QLabel()
        self.links = QListWidget()
        self.links.setMaximumHeight(90)
        self.links.setWordWrap(True)  # long official names on two lines, not a scroll bar
        self.links.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.about_label.setBuddy(self.links)
        self.link_button = QPushButton()
        self.unlink_button = QPushButton()
        self.find_box = QLineEdit()
        self.find_box.setClearButtonEnabled(True)
        self.text = QPlainTextEdit()  # plain text: nothing in a document is interpreted
        self.text.setReadOnly(True)
        self.passage_starts: list[int] = []  # where each passage starts in the text shown
        self.form = QFormLayout()
        self.labels = [QLabel() for _i in range(4)]
        for label, widget in zip(
            self.labels, (self.title, self.authors, self.date, self.language), strict=True
        ):
            label.setBuddy(widget)
            self.form.addRow(label, widget)
        # Two rows of buttons: the record pane is often narrow.
        first, second = QHBoxLayout(), QHBoxLayout()
        first.addWidget(self.save_button)
        first.addStretch(1)
        second.addWidget(self.open_button)
        second.addWidget(self.remove_button)
        second.addStretch(1)
        first.insertWidget(1, self.star_button)
        first.insertWidget(2, self.note_button)
        link_row = QHBoxLayout()
        link_row.addWidget(self.link_button)
        link_row.addWidget(self.unlink_button)
        link_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.facts)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.note_label)
        layout.addWidget(self.about_label)
        layout.addWidget(self.links)
        layout.addLayout(link_row)
        layout.addWidget(self.find_box)
        layout.addWidget(self.text, 1)
        self.save_button.clicked.connect(lambda _c=False: self._save())
        self.open_button.clicked.connect(lambda _c=False: self._emit(self.openOriginal))
        self.remove_button.clicked.connect(lambda _c=False: self._emit(self.removeRequested))
        self.find_box.returnPressed.connect(self.find_next)
        self.star_button.clicked.connect(lambda _c=False: self._emit(self.starRequested))
        self.note_button.clicked.connect(lambda _c=False: self._emit(self.noteRequested))
        self.link_button.clicked.connect(lambda _c=False: self._emit(self.linkRequested))
        self.unlink_button.clicked.connect(lambda _c=False: self._unlink())
        self.links.itemActivated.connect(
            lambda item: self.recordRequested.emit(item.data(KEY_ROLE))
        )
        self.links.currentRowChanged.connect(lambda row: self.unlink_button.setEnabled(row >= 0))
        self.retranslate()

    def retranslate(self) -> None:
        for label, text in zip(
            self.labels, (_("&Title"), _("A&uthors"), _("&Date"), _("&Language")), strict=True
        ):
            label.setText(text)
        self.authors.setPlaceholderText(_("Separate authors with ;"))
        self.date.setPlaceholderText(_("YYYY, YYYY-MM or YYYY-MM-DD"))
        self.save_button.setText(_("Save changes"))
        self.open_button.setText(_("Open original"))
        self.remove_button.setText(_("Remove from my library"))
        self.star_button.setText(_("Starred") if self.star_button.isChecked() else _("Star"))
        self.note_button.setText(_("Note and tags…"))
        self.about_label.setText(_("&About these records (shown on their pages too):"))
        self.links.setAccessibleName(_("Records this document is about"))
        self.link_button.setText(_("Link to records…"))
        self.unlink_button.setText(_("Remove link"))
        self.find_box.setPlaceholderText(_("Find in this document (Enter for the next match)"))
        self.find_box.setAccessibleName(_("Find in this document"))
        self.text.setAccessibleName(_("Text of the document"))
        self._facts()

    def show_document(self, doc: Document, passages: list[Passage], seq: int = 0) -> None:
        """The document's metadata and text (a "Page N" line before each page of a PDF),
        scrolled to passage `seq` (the one a search hit pointed to)."""
        self.document = doc
        self.title.setText(doc.title)
        self.authors.setText("; ".join(doc.authors))
        self.date.setText(doc.date)
        self.language.setText(doc.language)
        parts, self.passage_starts, offset = [], [], 0
        for passage in passages:
            block = passage.body
            if passage.page is not None:
                block = "── " + _("Page {page}").format(page=passage.page) + " ──\n" + block
            self.passage_starts.append(offset)
            parts.append(block)
            offset += len(block) + 2
        self.text.setPlainText("\n\n".join(parts))
        self.show_passage(seq)
        self._facts()

    def show_passage(self, seq: int) -> None:
        """Puts passage `seq` at the top of the text view."""
        if not self.passage_starts:
            return
        position = self.passage_starts[max(0, min(seq, len(self.passage_starts) - 1))]
        cursor = self.text.textCursor()
        cursor.setPosition(min(position, len(self.text.toPlainText())))
        self.text.setTextCursor(cursor)
        bar = self.text.verticalScrollBar()
        bar.setValue(bar.maximum())  # then back up: the passage's line ends at the top
        self.text.ensureCursorVisible()

    def show_personal(
        self, starred: bool, note: str, tags: list[str], links: list[tuple[str, str]]
    ) -> None:
        """The star, the note and tags, and the linked records."""
        self.star_button.setChecked(starred)
        self.star_button.setText(_("Starred") if starred else _("Star"))
        lines = []
        if tags:
            lines.append(_("Tags: {tags}").format(tags=", ".join(tags)))
        if note.strip():
            lines.append(_("Note: {note}").format(note=" ".join(note.split())[:300]))
        self.note_label.setText("\n".join(lines))
        self.note_label.setVisible(bool(lines))
        self.links.clear()
        for record_id, title in links:
            item = QListWidgetItem(title or record_id)
            item.setData(KEY_ROLE, record_id)
            self.links.addItem(item)
        self.unlink_button.setEnabled(False)

    def _unlink(self) -> None:
        item = self.links.currentItem()
        if item is not None and self.document is not None:
            self.unlinkRequested.emit(self.document.sha256, str(item.data(KEY_ROLE)))

    def _facts(self) -> None:
        doc = self.document
        if doc is None:
            return
        size_kb = max(1, round(doc.size / 1024))
        pages = _(", {pages} pages").format(pages=doc.pages) if doc.pages else ""
        self.facts.setText(
            _("{file} ({format}, {size} KB{pages}), imported {when}").format(
                file=doc.file_name,
                format=doc.format.upper(),
                size=size_kb,
                pages=pages,
                when=doc.imported_at[:10],
            )
        )

    def find_next(self) -> bool:
        """Finds the next match of the find box's text, from the top again after the last."""
        needle = self.find_box.text()
        if not needle:
            return False
        if self.text.find(needle):
            return True
        cursor = self.text.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        self.text.setTextCursor(cursor)
        return self.text.find(needle)

    def _emit(self, signal: Any) -> None:
        if self.document is not None:
            signal.emit(self.document.sha256)

    def _save(self) -> None:
        if self.document is not None:
            self.saveRequested.emit(
                self.document.sha256,
                self.title.text(),
                self.authors.text(),
                self.date.text(),
                self.language.text(),
            )


class RecordPicker(QDialog):
    """Chooses bundled records to link a document to: a filter box over every record's title."""

    def __init__(self, records: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Link to records"))
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(_("Type part of a name, e.g. ECLAC"))
        self.filter.setAccessibleName(_("Filter the records"))
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setAccessibleName(_("Records"))
        for record_id, label in records:
            item = QListWidgetItem(label)
            item.setData(KEY_ROLE, record_id)
            self.list.addItem(item)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self.apply_filter)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.resize(480, 420)

    def apply_filter(self, text: str) -> None:
        words = fold(text).split()
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            label = fold(item.text())
            hidden = not all(w in label for w in words)
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        if first is not None and not self.list.selectedItems():
            self.list.setCurrentItem(first)

    def chosen(self) -> list[str]:
        items = [i for i in self.list.selectedItems() if not i.isHidden()]
        if not items and self.list.currentItem() is not None:
            items = [self.list.currentItem()]
        return [str(i.data(KEY_ROLE)) for i in items]


class LinkedDocumentsStrip(QLabel):
    """On a bundled record's page: the user's documents linked to it (click one to open it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.setOpenExternalLinks(False)
        self.documents: list[Document] = []
        self.hide()

    def show_documents(self, documents: list[Document]) -> None:
        self.documents = documents
        self.setText(
            fragment(
                "{{ lead }} {% for d in documents %}<a href='{{ d.key }}'>{{ d.display_title }}"
                "</a>{{ ', ' if not loop.last }}{% endfor %}",
                lead=_("Your documents about this:"),
                documents=documents,
            )
        )
        self.setVisible(bool(documents))


class DocumentsLayer(QObject):
    """Owns the library's commands, panel and page for one window."""

    imported = Signal(list)  # the outcomes of an import, when it ends

    def __init__(self, window: MainWindow, personal: PersonalLayer) -> None:
        super().__init__(window)
        self.window = window
        self.personal = personal
        self.view = window.record_view
        self.docs = DocumentStore(personal.store.db)
        self.task: Any = None
        self.report: QMessageBox | None = None
        self.import_action = QAction(window)
        self.panel_action = QAction(window)
        self.panel_action.setCheckable(True)
        file_menu = window.actions_.menus.get("file")
        if file_menu is not None:
            first = file_menu.actions()[0] if file_menu.actions() else None
            file_menu.insertAction(first, self.import_action)  # type: ignore[arg-type]
            file_menu.insertSeparator(first)  # type: ignore[arg-type]
        self.watch_action = QAction(window)
        self.unwatch_action = QAction(window)
        self.reindex_action = QAction(window)
        personal.menu.addSeparator()
        personal.menu.addActions(
            [
                self.import_action,
                self.panel_action,
                self.watch_action,
                self.unwatch_action,
                self.reindex_action,
            ]
        )
        # The watched folder: new files there are imported by themselves (like Kiwix's
        # monitored directory). A file is tried once per (path, size, modification time).
        self.watcher = QFileSystemWatcher(self)
        self.scan_timer = QTimer(self)
        self.scan_timer.setSingleShot(True)
        self.scan_timer.setInterval(SETTLE_MS)
        self.scan_timer.timeout.connect(self.scan_watched)
        self.watcher.directoryChanged.connect(lambda _path: self.scan_timer.start())
        self._seen: set[tuple[str, int, int]] = set()
        self._quiet = False
        self.panel = DocumentsPanel(window)
        self.panel.hide()
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.panel)
        self.page = DocumentPage()
        self.page.hide()
        layout = self.view.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, self.page, 1)
        self.view.other_page = self.open_key
        self.import_action.triggered.connect(lambda _c=False: self.choose_files())
        self.panel_action.toggled.connect(self.show_panel)
        self.panel.visibilityChanged.connect(
            lambda _on: self.panel_action.setChecked(not self.panel.isHidden())
        )
        self.panel.documentActivated.connect(self.open_key)
        self.panel.importRequested.connect(self.choose_files)
        self.page.saveRequested.connect(self.save_metadata)
        self.page.openOriginal.connect(self.open_original)
        self.page.removeRequested.connect(self.remove)
        self.page.starRequested.connect(self.toggle_star)
        self.page.noteRequested.connect(self.edit_note)
        self.page.linkRequested.connect(self.choose_links)
        self.page.unlinkRequested.connect(self.unlink)
        self.page.recordRequested.connect(self.open_record)
        # The one hook in the record page: a strip listing the user's documents linked to the
        # record shown, kept just above the note strip.
        self.linked = LinkedDocumentsStrip()
        self.linked.linkActivated.connect(self.open_key)
        layout.addWidget(self.linked)
        self.view.recordShown.connect(self.show_linked)
        self.picker: RecordPicker | None = None
        window.language_relay.changed.connect(lambda _lang: self.retranslate())
        self.watch_action.triggered.connect(lambda _c=False: self.choose_watched_folder())
        self.unwatch_action.triggered.connect(lambda _c=False: self.watch(None))
        self.reindex_action.triggered.connect(lambda _c=False: self.reindex_all())
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        self.retranslate()
        saved = window.settings.watched_folder
        self.watch(Path(saved) if saved and Path(saved).is_dir() else None, remember=False)

    def retranslate(self) -> None:
        self.import_action.setText(_("Import &documents…"))
        self.import_action.setStatusTip(
            _("Add PDF, Word, OpenDocument, EPUB, HTML, Markdown or text files to your library")
        )
        self.panel_action.setText(_("&My documents panel"))
        self.watch_action.setText(_("&Watch a folder for new documents…"))
        self.unwatch_action.setText(_("Stop watching the folder"))
        self.reindex_action.setText(_("Read my documents a&gain"))
        self.reindex_action.setStatusTip(
            _("Extract the text of every imported document again from its kept original")
        )
        self.panel.retranslate()
        self.page.retranslate()

    # --- the panel and the page ------------------------------------------------------------

    def show_panel(self, on: bool) -> None:
        self.panel.setVisible(on)
        if on:
            self.reload()
            self.panel.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def reload(self) -> None:
        self.panel.load(self.docs.documents())

    def open_key(self, key: str) -> bool:
        """Shows the document page for a "mydoc:" id (True); any other id gives the pane back."""
        sha = sha_of_key(key)
        doc = self.docs.by_hash(sha) if sha else None
        if doc is None:
            if sha:
                self.window.show_message(_("This document is no longer in your library."))
                return True
            self._cover(False)
            return False
        self.page.show_document(doc, self.docs.passages(doc.sha256), passage_of_key(key))
        self._show_personal(doc)
        self._cover(True)
        return True

    def shown_key(self) -> str | None:
        """The id of the document whose page is shown, or None."""
        doc = self.page.document
        return doc.key if doc is not None and self.page.isVisible() else None

    def _show_personal(self, doc: Document) -> None:
        store = self.personal.store
        note = store.note(doc.key)
        self.page.show_personal(
            store.is_favourite(doc.key),
            note.body if note else "",
            store.tags(doc.key),
            self.docs.links(doc.sha256),
        )

    def refresh_page(self) -> None:
        doc = self.page.document
        if doc is not None and self.page.isVisible():
            fresh = self.docs.by_hash(doc.sha256)
            if fresh is not None:
                self._show_personal(fresh)

    # --- star, note and tags, links ("about ECLAC") ----------------------------------------

    def toggle_star(self, sha: str) -> None:
        self.personal.toggle_favourite(doc_key(sha))
        self.refresh_page()

    def edit_note(self, sha: str) -> Any:
        dialog = self.personal.edit_note(doc_key(sha))
        if dialog is not None:
            dialog.finished.connect(lambda _r: self.refresh_page())
        return dialog

    def choose_links(self, sha: str) -> RecordPicker:
        """A dialog listing every bundled record; the chosen ones are linked on OK."""
        from sseref.core import vocab
        from sseref.core.i18n import current_language
        from sseref.gui.labels import kind_label

        db = self.window.db
        ids = db.ids()
        titles = db.titles(ids, current_language())
        records = sorted(
            ((i, f"{titles.get(i) or i} — {kind_label(vocab.kind_of(i) or '')}") for i in ids),
            key=lambda pair: pair[1].casefold(),
        )
        picker = RecordPicker(records, self.window)
        picker.accepted.connect(lambda: self.link(sha, picker.chosen()))
        self.picker = picker
        picker.open()
        return picker

    def link(self, sha: str, record_ids: list[str]) -> None:
        from sseref.core.i18n import current_language

        titles = self.window.db.titles(record_ids, current_language())
        try:
            for record_id in record_ids:
                self.docs.link(sha, record_id, titles.get(record_id, ""))
        except UserDataError as exc:
            QMessageBox.warning(self.window, _("My documents"), str(exc))
        self.refresh_page()

    def unlink(self, sha: str, record_id: str) -> None:
        try:
            self.docs.unlink(sha, record_id)
        except UserDataError as exc:
            QMessageBox.warning(self.window, _("My documents"), str(exc))
        self.refresh_page()

    def open_record(self, record_id: str) -> None:
        self._cover(False)
        self.view.open(record_id)

    def show_linked(self, record_id: str) -> None:
        """The record page's strip: this record's linked documents (hidden when none)."""
        try:
            documents = self.docs.linked_to(record_id)
        except Exception:  # noqa: BLE001 - the strip is a nicety; the page shows regardless
            documents = []
        layout = self.view.layout()
        if isinstance(layout, QVBoxLayout):
            strip_at = layout.indexOf(self.personal.strip)
            if strip_at >= 0 and layout.indexOf(self.linked) != strip_at - 1:
                layout.removeWidget(self.linked)
                layout.insertWidget(layout.indexOf(self.personal.strip), self.linked)
        self.linked.show_documents(documents)

    def _cover(self, on: bool) -> None:
        """The document page in place of the record page (and its note strip), or back."""
        if on:
            self.view.browser.hide()  # made now if needed, so nothing shows it over the page
            self.view.hint.hide()
            self.personal.strip.hide()
            self.linked.hide()
            self.page.show()
        elif self.page.isVisible():
            self.page.hide()
            self.view.browser.show()
            self.personal.strip.show()
            if self.view.current:  # links may have changed while the document was shown
                self.show_linked(self.view.current)

    def save_metadata(self, sha: str, title: str, authors: str, date: str, language: str) -> None:
        try:
            doc = self.docs.update(
                sha, title=title, authors=split_authors(authors), date=date, language=language
            )
        except UserDataError as exc:
            QMessageBox.warning(self.window, _("My documents"), str(exc))
            return
        self.page.show_document(doc, self.docs.passages(sha))
        self._show_personal(doc)
        self.reload()
        self.window.show_message(_("Saved"))

    def open_original(self, sha: str) -> None:
        """The copy in the library, in the system's viewer (only when the user asks)."""
        doc = self.docs.by_hash(sha)
        if doc is None:
            return
        path = self.docs.file_path(sha, doc.format)
        if not path.is_file() or not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.window.show_message(_("The original file could not be opened."))

    def remove(self, sha: str) -> None:
        try:
            self.docs.remove(sha)
        except UserDataError as exc:
            QMessageBox.warning(self.window, _("My documents"), str(exc))
            return
        self._cover(False)
        self.reload()
        self.window.show_message(_("Removed from your library"))

    # --- importing -------------------------------------------------------------------------

    def choose_files(self) -> None:
        names, _chosen = QFileDialog.getOpenFileNames(
            self.window, _("Import documents"), "", file_filter()
        )
        if names:
            self.import_paths([Path(n) for n in names])

    def import_paths(self, paths: list[Path], *, quiet: bool = False) -> bool:
        """Imports off the UI thread behind a progress dialog with Cancel; False if busy.

        `quiet` (the watched folder): the report goes to the status bar, not a dialog."""
        if self.task is not None and self.task.running:
            if not quiet:
                self.window.show_message(_("An import is already running."))
            return False
        self._quiet = quiet
        from sseref.gui.background import BackgroundTask

        db_path = self.docs.db.path
        library = self.docs.library_dir
        cancel = threading.Event()
        names = [p.name for p in paths]

        def work(progress: Callable[[int, int], None]) -> list[ImportOutcome]:
            # The worker thread's own connection: SQLite connections stay on their thread.
            db = UserDatabase(db_path, recover=False)
            try:
                return import_files(DocumentStore(db, library), paths, progress, cancel.is_set)
            finally:
                db.close()

        task = BackgroundTask(self.window, _("Importing documents…"), work, cancel)

        def show_name(done: int, total: int) -> None:
            if not cancel.is_set() and done < total and done < len(names):
                task.dialog.setLabelText(
                    _("Importing {name} ({done} of {total})…").format(
                        name=names[done], done=done + 1, total=total
                    )
                )

        task.job.progressed.connect(show_name)
        task.finished.connect(self._import_done)
        self.task = task.start()
        return True

    def reindex_all(self) -> bool:
        """Reads every document again from its kept original, off the UI thread, behind a
        progress dialog with Cancel (after an update of the readers); False if busy."""
        if self.task is not None and self.task.running:
            self.window.show_message(_("An import is already running."))
            return False
        if not self.docs.documents():
            self.window.show_message(_("Your library has no documents yet."))
            return False
        from sseref.gui.background import BackgroundTask

        db_path = self.docs.db.path
        library = self.docs.library_dir
        cancel = threading.Event()

        def work(progress: Callable[[int, int], None]) -> list[ReindexOutcome]:
            db = UserDatabase(db_path, recover=False)  # this thread's own connection
            try:
                store = DocumentStore(db, library)
                return reindex(store, progress=progress, cancelled=cancel.is_set)
            finally:
                db.close()

        task = BackgroundTask(self.window, _("Reading your documents again…"), work, cancel)
        task.finished.connect(self._reindex_done)
        self.task = task.start()
        return True

    def _show_report(self, title: str, summary: str, details: str) -> None:
        """The end-of-work report: non-modal, the per-file lines behind "Show Details…"."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(title)
        box.setText(summary)
        box.setTextFormat(Qt.TextFormat.PlainText)
        if details:
            box.setDetailedText(details)
        box.setWindowModality(Qt.WindowModality.NonModal)
        self.report = box
        box.show()

    def _reindex_done(self, outcomes: Any, error: Exception | None) -> None:
        if error is not None:
            QMessageBox.warning(self.window, _("Read my documents again"), str(error))
            return
        self.reload()
        summary, details = reindex_report(list(outcomes or []))
        self._show_report(_("Read my documents again"), summary, details)

    def _import_done(self, outcomes: Any, error: Exception | None) -> None:
        if error is not None:
            QMessageBox.warning(self.window, _("Import documents"), str(error))
            return
        outcomes = list(outcomes or [])
        self.reload()
        summary, details = report_text(outcomes)
        if self._quiet:
            self.window.show_message(summary)
            self.imported.emit(outcomes)
            return
        self._show_report(_("Import documents"), summary, details)
        self.window.show_message(summary)
        self.imported.emit(outcomes)
        new = [o.document for o in outcomes if o.status == IMPORTED and o.document]
        if new:
            self.open_key(new[0].key)

    # --- the watched folder ----------------------------------------------------------------

    @property
    def watched(self) -> Path | None:
        folder = self.window.settings.watched_folder
        return Path(folder) if folder and self.watcher.directories() else None

    def choose_watched_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, _("Watch a folder"))
        if folder:
            self.watch(Path(folder))

    def watch(self, folder: Path | None, *, remember: bool = True) -> None:
        """Watches `folder` (None: stops); its files are looked at now and on every change."""
        if self.watcher.directories():
            self.watcher.removePaths(self.watcher.directories())
        if folder is not None:
            self.watcher.addPath(str(folder))
            self.scan_timer.start()
        else:
            self.scan_timer.stop()
        if remember:
            self.window.settings.watched_folder = str(folder) if folder else ""
        self.unwatch_action.setEnabled(folder is not None)
        if folder is not None and remember:
            self.window.show_message(
                _("New documents in {folder} will be imported.").format(folder=folder)
            )

    def scan_watched(self) -> list[Path]:
        """Imports the watched folder's files not tried yet; returns them."""
        folder = self.watched
        if folder is None or not folder.is_dir():
            return []
        new: list[Path] = []
        signatures = []
        files, folders = watched_tree(folder)
        # Subfolders are watched too (a new subfolder is seen when its parent changes).
        missing = [str(f) for f in folders if str(f) not in self.watcher.directories()]
        if missing:
            self.watcher.addPaths(missing)
        for path in files:
            try:
                if path.suffix.lower() not in SUFFIXES:
                    continue
                info = path.stat()
            except OSError:
                continue
            signature = (str(path), info.st_size, info.st_mtime_ns)
            if signature not in self._seen:
                new.append(path)
                signatures.append(signature)
        if not new:
            return []
        if not self.import_paths(new, quiet=True):
            self.scan_timer.start()  # busy with another import: look again later
            return []
        self._seen.update(signatures)
        return new

    # --- drag and drop onto the window -----------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is not self.window:
            return False
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if _local_files(event):
                event.acceptProposedAction()  # type: ignore[attr-defined]
                return True
        elif event.type() == QEvent.Type.Drop:
            files = _local_files(event)
            if files:
                event.acceptProposedAction()  # type: ignore[attr-defined]
                self.import_paths(files)
                return True
        return False


MAX_WATCHED_FOLDERS = 256  # each is an inotify watch on Linux: a bounded number
MAX_WATCHED_DEPTH = 8


def watched_tree(folder: Path) -> tuple[list[Path], list[Path]]:
    """The files (sorted) and the folders under `folder`, its subfolders included: links are
    not followed (they may point out of it), dot files and folders are skipped (partial copies,
    hidden caches), at most MAX_WATCHED_DEPTH levels and MAX_WATCHED_FOLDERS folders."""
    import os

    files: list[Path] = []
    folders: list[Path] = []
    for root, dirs, names in os.walk(folder, followlinks=False):
        here = Path(root)
        folders.append(here)
        depth = len(here.relative_to(folder).parts)
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and not (here / d).is_symlink() and depth < MAX_WATCHED_DEPTH
        )
        if len(folders) + len(dirs) > MAX_WATCHED_FOLDERS:
            dirs[:] = dirs[: max(0, MAX_WATCHED_FOLDERS - len(folders))]
        for name in sorted(names):
            path = here / name
            if name.startswith(".") or path.is_symlink() or not path.is_file():
                continue
            files.append(path)
    return files, folders


def _local_files(event: Any) -> list[Path]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
