"""The record page: a sanitized HTML view with browser-like back/forward and copyable sources."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QCursor, QDesktopServices, QGuiApplication, QTextCursor, QTextDocument
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

from sseref.core.db import Database
from sseref.core.errors import UnknownRecordError
from sseref.core.i18n import _, current_language
from sseref.gui.theme import LIGHT, Colors, focus_frame_sheet, mute

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QImage

    from sseref.core.models import Record
    from sseref.gui.find_bar import FindBar
    from sseref.gui.record_html import Page

# The mini timeline of a record page is drawn by gui.timeline, loaded with the first page
# that has one: the first frame shows no record and needs none of its drawing classes.


class RecordView(QWidget):
    """Shows one record at a time; links open other records and build a history."""

    recordShown = Signal(str)
    historyChanged = Signal(bool, bool)
    message = Signal(str)
    searchRequested = Signal(str)  # a start-page example search was clicked
    panelRequested = Signal(str)  # a start-page count was clicked
    contextActions = Signal(object)  # (QMenu): the window adds its commands to the page's menu

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.colors = LIGHT
        # Until a record opens, a label says what to do: the rich-text browser (and PySide's
        # types behind it, some 6 ms) is built with the first record, not with the window.
        self._browser: QTextBrowser | None = None
        self.hint = QLabel()
        mute(self.hint)
        self.hint.setWordWrap(True)
        self.hint.setMargin(18)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.hint)
        self._back: list[str] = []
        self._forward: list[str] = []
        self.current: str | None = None
        self.record: Record | None = None
        self.page: Page | None = None  # what the browser shows, once a record is open
        self.other_languages = False  # the page's "Show in other languages" toggle
        self._citation_style = "un"
        self.recent: list[str] = []  # for the start page, newest first
        self._start_page = False  # the start page is shown (not the one-line hint)
        self._scroll: dict[str, int] = {}  # where each page was left, for Back and Forward
        self.find_bar: FindBar | None = None
        # other_page(id) shows a page for ids that are not records (True) or gives the pane
        # back (False); set by gui.my_documents.
        self.other_page: Callable[[str], bool] | None = None
        self.retranslate()

    @property
    def browser(self) -> QTextBrowser:
        """The page's rich-text view, built the first time it is needed."""
        if self._browser is None:
            browser = QTextBrowser()
            browser.setOpenLinks(False)
            browser.setOpenExternalLinks(False)
            browser.document().setDocumentMargin(14)
            browser.anchorClicked.connect(self._on_link)
            browser.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextBrowserInteraction
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            browser.setAccessibleName(_("Record page"))
            browser.setStyleSheet(focus_frame_sheet(self.colors, "QTextBrowser"))
            browser.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            browser.customContextMenuRequested.connect(self._context_menu)
            self._browser = browser
            self._layout.insertWidget(0, browser, 1)
            self.hint.hide()
            browser.show()  # now, not when the layout gets to it: it may take focus at once
            self.setFocusProxy(browser)
        return self._browser

    def has_browser(self) -> bool:
        return self._browser is not None

    # --- navigation ------------------------------------------------------------------------

    def open(self, record_id: str) -> bool:
        """Shows `record_id` and makes it the newest history entry."""
        # A page of the user's own (an imported document) takes ids the data does not have.
        if self.other_page is not None and self.other_page(record_id):
            return True
        if record_id == self.current:
            return True
        if not self._show(record_id):
            return False
        return True

    def _show(self, record_id: str, *, push: bool = True) -> bool:
        try:
            record = self.db.get(record_id, current_language())
        except UnknownRecordError:
            self.message.emit(_("No record has the id '{id}'.").format(id=record_id))
            return False
        if self.current and self._browser is not None:
            self._scroll[self.current] = self._browser.verticalScrollBar().value()
        if push and self.current:
            self._back.append(self.current)
            self._forward.clear()
        self.current, self.record = record_id, record
        self._start_page = False
        self.refresh()
        # Back and Forward return to where the page was left; a newly opened page to its top.
        self.browser.verticalScrollBar().setValue(0 if push else self._scroll.get(record_id, 0))
        self.historyChanged.emit(self.can_go_back(), self.can_go_forward())
        self.recordShown.emit(record_id)
        return True

    def can_go_back(self) -> bool:
        return bool(self._back)

    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def back(self) -> None:
        if self._back and self.current:
            self._forward.append(self.current)
            self._show(self._back.pop(), push=False)

    def forward(self) -> None:
        if self._forward and (self.current or self._start_page):
            if self.current:
                self._back.append(self.current)
            self._show(self._forward.pop(), push=False)

    # --- drawing ---------------------------------------------------------------------------

    def set_colors(self, colors: Colors) -> None:
        self.colors = colors
        if self._browser is not None:
            self._browser.setStyleSheet(focus_frame_sheet(colors, "QTextBrowser"))
        self.refresh()

    def show_start(self) -> None:
        """The start page: what the data holds, example searches, the records viewed last."""
        if self.current and self._browser is not None:
            self._scroll[self.current] = self._browser.verticalScrollBar().value()
            self._back.append(self.current)
            self._forward.clear()
        self.current, self.record, self.page = None, None, None
        self._start_page = True
        self.refresh()
        self.historyChanged.emit(self.can_go_back(), self.can_go_forward())

    def is_start_page(self) -> bool:
        return self.record is None and self._start_page

    def refresh(self) -> None:
        if self.record is None:
            hint = _("Choose a record in a list, or search with Ctrl+K.")
            self.hint.setText(hint)
            if self._start_page:
                from sseref.gui.start_page import start_page_html

                html = start_page_html(self.db, self.recent, self.colors, current_language())
                self.browser.setHtml(html)
                self.browser.setAccessibleDescription(_("Start page"))
            elif self._browser is not None:
                from markupsafe import escape

                self._browser.setHtml(f"<p style='color:{self.colors.muted}'>{escape(hint)}</p>")
            return

        # The page's HTML is written the first time a record opens, not at start-up.
        from sseref.gui.record_html import MINI_TIMELINE_URL, record_page

        lang = current_language()
        dated = self._related_dates(self.record)
        image = self._mini_timeline(self.record, lang)
        self.page = record_page(
            self.record,
            lang,
            self.colors,
            dated,
            image is not None,
            other_languages=self.other_languages,
            citation=self.citation_text(),
        )
        document = self.browser.document()
        if image is not None:
            document.addResource(
                QTextDocument.ResourceType.ImageResource, QUrl(MINI_TIMELINE_URL), image
            )
        from sseref.gui.update_marks import with_update_mark

        self.page.html = with_update_mark(self.page.html, self.record.id, self.db.path, self.colors)
        self.browser.setHtml(self.page.html)
        self.browser.setAccessibleDescription(self.record.title(lang))

    def _related_dates(self, record: Record) -> dict[str, str]:
        ids = [r.other_id for r in record.relations]
        return {row[0]: row[1] for row in self.db.timeline(ids)}

    def _mini_timeline(self, record: Record, lang: str) -> QImage | None:
        """A small strip of the related events (and this record's own date), oldest first."""
        from sseref.gui.timeline import mini_timeline

        ids = [r.other_id for r in record.relations if r.other_kind == "event"]
        if record.kind == "event":
            ids.append(record.id)
        rows = self.db.timeline(list(dict.fromkeys(ids)))
        if len(rows) < 2 and not (rows and record.kind != "event"):
            return None
        titles = self.db.titles([r[0] for r in rows], lang)
        width = max(360, min(760, self.width() - 60))
        return mini_timeline(rows, titles, record.id, self.colors, width, self.browser.font(), lang)

    # --- actions ---------------------------------------------------------------------------

    @property
    def citation_style(self) -> str:
        return self._citation_style

    @citation_style.setter
    def citation_style(self, style: str) -> None:
        """A new style also changes the citation the open page shows."""
        changed = style != self._citation_style
        self._citation_style = style
        if changed and self.record is not None and self.page is not None:
            self.refresh()

    def citation_text(self) -> str:
        """The open record cited in the chosen style, by the presentation layer (the fact
        sheet's "How to cite" is the same text)."""
        from sseref.core.citation import CitationContext
        from sseref.report.present import Presenter

        if self.record is None:
            return ""
        context = CitationContext(self.db.meta().get("data_as_of"))
        return Presenter(current_language()).cite(self.record, self.citation_style, context)

    def copy_citation(self) -> None:
        text = self.citation_text()
        if text:
            QGuiApplication.clipboard().setText(text)
            self.message.emit(_("Copied: {text}").format(text=text))

    def _on_link(self, url: QUrl) -> None:
        scheme, target = url.scheme(), url.path()
        if scheme == "record":
            self.open(target)
        elif scheme == "search":
            from urllib.parse import unquote

            self.searchRequested.emit(unquote(target))
        elif scheme == "panel":
            self.panelRequested.emit(target)
        elif scheme == "toggle" and target == "languages":
            self.show_other_languages(not self.other_languages)
        elif self.page is None:
            return
        elif scheme == "copy" and target.isdigit() and int(target) < len(self.page.copyable):
            text = self.page.copyable[int(target)]
            QGuiApplication.clipboard().setText(text)
            self.message.emit(_("Copied: {text}").format(text=text))
        elif scheme == "open" and target.isdigit() and int(target) < len(self.page.openable):
            self._open_external(self.page.openable[int(target)])

    # --- find in page ----------------------------------------------------------------------

    def show_find(self) -> None:
        """Ctrl+F: a find bar under the page; Enter finds the next match, Escape closes."""
        from sseref.gui.find_bar import FindBar

        self.browser  # noqa: B018 - the page must exist to be searched
        if self.find_bar is None:
            self.find_bar = FindBar(self)
            self.find_bar.findRequested.connect(self.find_text)
            self._layout.addWidget(self.find_bar)
        self.find_bar.show()
        self.find_bar.edit.setFocus()
        self.find_bar.edit.selectAll()

    def find_text(self, text: str, backward: bool = False) -> bool:
        """Selects the next (or previous) match of `text` in the page, wrapping at the end."""
        if not text or self._browser is None:
            return False
        browser = self._browser
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        found = browser.find(text, flags)
        if not found:  # wrap around once
            cursor = browser.textCursor()
            cursor.movePosition(
                QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
            )
            browser.setTextCursor(cursor)
            found = browser.find(text, flags)
        if self.find_bar is not None:
            self.find_bar.set_found(found)
        if not found:
            self.message.emit(_("Not found on this page: {text}").format(text=text))
        return found

    # --- context menu ----------------------------------------------------------------------

    def _context_menu(self, pos: object) -> None:
        menu = self.context_menu(pos)

        menu.exec(QCursor.pos())
        menu.deleteLater()

    def context_menu(self, pos: object) -> QMenu:
        """The page's menu: open or copy a link under the pointer, copy, then window commands."""
        browser = self.browser
        menu = QMenu(self)
        href = browser.anchorAt(pos)  # type: ignore[arg-type]
        if href.startswith("record:"):
            open_link = menu.addAction(_("Open linked record"))
            open_link.triggered.connect(lambda: self._on_link(QUrl(href)))
            menu.addSeparator()
        copy = menu.addAction(_("Copy"))
        copy.setEnabled(browser.textCursor().hasSelection())
        copy.triggered.connect(browser.copy)
        select_all = menu.addAction(_("Select all"))
        select_all.triggered.connect(browser.selectAll)
        menu.addSeparator()
        self.contextActions.emit(menu)
        return menu

    def show_other_languages(self, on: bool) -> None:
        """Shows or hides the record's names and summaries in its other languages."""
        self.other_languages = on
        self.refresh()

    def _open_external(self, address: str) -> None:
        """Opens a web page in the system browser only after the user confirms."""
        answer = QMessageBox.question(
            self,
            _("Open in browser"),
            _(
                "Open this address in your web browser? This needs a network connection.\n\n"
                "{address}"
            ).format(address=address),
        )
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl(address))

    def retranslate(self) -> None:
        self.hint.setAccessibleName(_("Record page"))
        if self.find_bar is not None:
            self.find_bar.retranslate()
        if self._browser is not None:
            self._browser.setAccessibleName(_("Record page"))
        if self.current:
            self._show(self.current, push=False)
        else:
            self.refresh()
