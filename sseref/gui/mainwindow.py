"""The main window: navigation rail, panels, record page, search box, menus and status bar."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from sseref.core.db import Database
from sseref.core.i18n import _, current_language, off_language_changed, on_language_changed
from sseref.gui.actions import LANGUAGE_LABELS, PANEL_ORDER, Actions
from sseref.gui.dialogs import TextDialog, about_html, help_html
from sseref.gui.labels import date_label
from sseref.gui.language import apply_language
from sseref.gui.panels.base import ListPanel
from sseref.gui.panels.documents import DocumentsPanel
from sseref.gui.panels.glossary import GlossaryPanel
from sseref.gui.panels.history import HistoryPanel
from sseref.gui.panels.initiatives import InitiativesPanel
from sseref.gui.panels.organizations import OrganizationsPanel
from sseref.gui.record_view import RecordView
from sseref.gui.search_panel import SearchPanel
from sseref.gui.settings import ZOOM_STEP, GuiSettings
from sseref.gui.theme import ThemeManager

PANEL_CLASSES: dict[str, type[ListPanel]] = {
    "organizations": OrganizationsPanel, "history": HistoryPanel, "documents": DocumentsPanel,
    "initiatives": InitiativesPanel, "glossary": GlossaryPanel,
}


class LanguageRelay(QObject):
    """Turns core's language-change callbacks into a Qt signal delivered on the UI thread."""

    changed = Signal(str)


class MainWindow(QMainWindow):
    """Lays out the window and keeps its view state; signals are connected in gui.wiring."""

    panelChanged = Signal(str)

    def __init__(self, db: Database, settings: GuiSettings, themes: ThemeManager,
                 search: SearchPanel | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.themes = themes
        self.setObjectName("mainWindow")
        self.actions_ = Actions(self)
        self.actions_.build_menus(self.menuBar())
        self.nav = QListWidget()
        self.nav.setObjectName("navRail")
        self.nav.setMaximumWidth(240)
        self.nav.setMinimumWidth(110)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        self.panels: dict[str, ListPanel] = {}
        for key in PANEL_ORDER:
            panel = PANEL_CLASSES[key](db)
            panel.setObjectName(f"panel-{key}")
            self.panels[key] = panel
            self.stack.addWidget(panel)
            self.nav.addItem(QListWidgetItem())
        self.search_panel = search or SearchPanel(db, None)
        self.stack.addWidget(self.search_panel)
        self.record_view = RecordView(db)
        self.record_view.setMinimumWidth(260)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        for widget in (self.nav, self.stack, self.record_view):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([160, 640, 480])
        self.setCentralWidget(self.splitter)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("globalSearch")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(220)
        self.search_box.installEventFilter(self)
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.addAction(self.actions_.back)
        self.toolbar.addAction(self.actions_.forward)
        self.toolbar.addWidget(self.search_box)
        self.toolbar.addAction(self.actions_.copy_citation)
        self.toolbar.addAction(self.actions_.print_preview)
        self.addToolBar(self.toolbar)
        self.status_label = QLabel()
        self.data_label = QLabel()
        self.data_label.setObjectName("muted")
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.data_label)
        self._previous_panel = "organizations"
        self.language_relay = LanguageRelay(self)
        self._listener = self.language_relay.changed.emit
        on_language_changed(self._listener)
        self.resize(1280, 800)
        self.retranslate()

    # --- panels ----------------------------------------------------------------------------

    def show_panel(self, key: str) -> None:
        """Shows a browsing panel (or "search"), loading its content the first time."""
        if key == "search":
            if self.current_panel_key() != "search":
                self._previous_panel = self.current_panel_key()
            self.stack.setCurrentWidget(self.search_panel)
            self.nav.clearSelection()
        else:
            key = key if key in self.panels else "organizations"
            panel = self.panels[key]
            panel.ensure_loaded()
            self.stack.setCurrentWidget(panel)
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(PANEL_ORDER.index(key))
            self.nav.blockSignals(False)
            self.actions_.panels[key].setChecked(True)
            self._previous_panel = key
        self.panelChanged.emit(key)

    def current_panel_key(self) -> str:
        widget = self.stack.currentWidget()
        if widget is self.search_panel:
            return "search"
        return next((k for k, p in self.panels.items() if p is widget), "organizations")

    def leave_search(self) -> None:
        self.show_panel(self._previous_panel)

    def current_panel(self) -> ListPanel | None:
        return self.panels.get(self.current_panel_key())

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def focus_filter(self) -> None:
        panel = self.current_panel()
        if panel is not None:
            panel.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            panel.search.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Arrow keys and Enter in the search box drive the results list."""
        if watched is self.search_box and event.type() == QEvent.Type.KeyPress:
            if self.search_panel.handle_key(event):  # type: ignore[arg-type]
                return True
            if event.key() == Qt.Key.Key_Escape:  # type: ignore[attr-defined]
                self.search_box.clear()
                self.leave_search()
                return True
        return super().eventFilter(watched, event)

    # --- comfort: theme, large text, zoom, language ----------------------------------------

    def apply_view(self) -> None:
        s = self.settings
        colors = self.themes.apply(s.theme, s.zoom, s.large_text)
        self.actions_.themes[s.theme].setChecked(True)
        self.actions_.large_text.setChecked(s.large_text)
        history = self.panels["history"]
        assert isinstance(history, HistoryPanel)
        history.set_colors(colors)
        self.record_view.set_colors(colors)
        self.search_panel.set_colors(colors)

    def set_theme(self, theme: str) -> None:
        self.settings.theme = theme
        self.apply_view()

    def set_large_text(self, on: bool) -> None:
        self.settings.large_text = on
        self.apply_view()
        self.show_message(_("Large text on") if on else _("Large text off"))

    def zoom(self, direction: int) -> None:
        """+1 zooms in, -1 out, 0 resets to the actual size."""
        s = self.settings
        s.zoom = 1.0 if direction == 0 else s.zoom + direction * ZOOM_STEP
        self.apply_view()
        self.show_message(_("Zoom {percent}%").format(percent=round(s.zoom * 100)))

    def set_language_choice(self, choice: str) -> None:
        """View → Language: remembers the choice and switches the interface at once."""
        self.settings.language = choice
        lang = apply_language(choice)  # listeners retranslate every widget
        self.actions_.languages[self.settings.language].setChecked(True)
        self.show_message(_("Interface language: {language}").format(
            language=LANGUAGE_LABELS.get(lang, lang)))

    def show_message(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setAccessibleName(text)

    # --- dialogs ---------------------------------------------------------------------------

    def show_about(self) -> TextDialog:
        dialog = TextDialog(_("About SSE Ref"), about_html(self.db), self)
        dialog.open()
        return dialog

    def show_help(self) -> TextDialog:
        dialog = TextDialog(_("Help"), help_html(), self)
        dialog.open()
        return dialog

    # --- state -----------------------------------------------------------------------------

    def restore_state(self) -> None:
        s = self.settings
        geometry = s.blob("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = s.blob("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = s.blob("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        history = self.panels["history"]
        assert isinstance(history, HistoryPanel)
        history.set_mode(s.history_mode)
        self.apply_view()
        self.show_panel(s.panel)

    def save_state(self) -> None:
        s = self.settings
        s.set_blob("window/geometry", self.saveGeometry())
        s.set_blob("window/state", self.saveState())
        s.set_blob("window/splitter", self.splitter.saveState())
        key = self.current_panel_key()
        s.panel = key if key != "search" else self._previous_panel
        history = self.panels["history"]
        assert isinstance(history, HistoryPanel)
        s.history_mode = history.mode()
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_state()
        for panel in self.panels.values():
            panel.stop()
        self.search_panel.shutdown()
        off_language_changed(self._listener)
        super().closeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(_("SSE Ref — Social and Solidarity Economy reference"))
        self.actions_.retranslate()
        for i, key in enumerate(PANEL_ORDER):
            item = self.nav.item(i)
            item.setText(self.actions_.panels[key].text().replace("&", ""))
            item.setToolTip(self.actions_.panels[key].toolTip())
        self.nav.setAccessibleName(_("Sections"))
        self.search_box.setPlaceholderText(_("Search everything (Ctrl+K)…"))
        self.search_box.setAccessibleName(_("Search everything"))
        self.toolbar.setWindowTitle(_("Main toolbar"))
        self.actions_.languages[self.settings.language].setChecked(True)
        meta = self.db.meta()
        self.data_label.setText(_("Data {version} · as of {date}").format(
            version=meta.get("data_version", "?")[:8],
            date=date_label(meta.get("data_as_of"), current_language()) or "?"))
        self.data_label.setAccessibleName(self.data_label.text())
        for panel in self.panels.values():
            panel.retranslate()
        self.search_panel.retranslate()
        self.record_view.retranslate()


def application() -> QApplication:
    """The running QApplication (created by the composition root or by pytest-qt)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app
