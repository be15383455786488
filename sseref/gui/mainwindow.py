"""The main window: navigation rail, panels, record page, search box, menus and status bar."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
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
from sseref.gui.labels import date_label
from sseref.gui.language import apply_language
from sseref.gui.print_hooks import MeetingPackHooks
from sseref.gui.record_view import RecordView
from sseref.gui.settings import ZOOM_STEP, GuiSettings
from sseref.gui.theme import ThemeManager, mute, nav_rail_sheet
from sseref.gui.widgets import SearchBox

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QKeyEvent

    from sseref.gui.dialogs import TextDialog
    from sseref.gui.index_setup import SearchStart
    from sseref.gui.panels.base import ListPanel
    from sseref.gui.panels.history import HistoryPanel
    from sseref.gui.personal import PersonalLayer
    from sseref.gui.search_panel import SearchPanel
    from sseref.gui.search_worker import Runner
    from sseref.gui.share_dialog import ShareController
    from sseref.search.remote import EngineProcess

# Below this, a first start opens maximized: every pixel of a 1366×768 laptop is needed.
SMALL_SCREEN = QSize(1600, 900)

# Each panel's module and class: a panel (and its module) is loaded the first time it is shown.
PANEL_CLASSES: dict[str, tuple[str, str]] = {
    "organizations": ("sseref.gui.panels.organizations", "OrganizationsPanel"),
    "history": ("sseref.gui.panels.history", "HistoryPanel"),
    "documents": ("sseref.gui.panels.documents", "DocumentsPanel"),
    "initiatives": ("sseref.gui.panels.initiatives", "InitiativesPanel"),
    "glossary": ("sseref.gui.panels.glossary", "GlossaryPanel"),
    "people": ("sseref.gui.panels.people", "PeoplePanel"),
    "countries": ("sseref.gui.panels.countries", "CountriesPanel"),
}


def panel_class(key: str) -> type[ListPanel]:
    """The class of the browsing panel `key`, importing its module on first use."""
    module, name = PANEL_CLASSES[key]
    return cast("type[ListPanel]", getattr(importlib.import_module(module), name))


class Panels(Mapping[str, "ListPanel"]):
    """The browsing panels by key (in PANEL_ORDER); each is built the first time it is asked for.

    Iterating the keys, `in` and `len` build nothing; `panels[key]`, `values()` and `items()`
    build what they return. `built()` gives only the panels that exist so far.
    """

    def __init__(self, build: Callable[[str], ListPanel]) -> None:
        self._build = build
        self._built: dict[str, ListPanel] = {}

    def __getitem__(self, key: str) -> ListPanel:
        if key not in PANEL_ORDER:
            raise KeyError(key)
        panel = self._built.get(key)
        if panel is None:
            panel = self._built[key] = self._build(key)
        return panel

    def __contains__(self, key: object) -> bool:
        return key in PANEL_ORDER

    def __iter__(self) -> Iterator[str]:
        return iter(PANEL_ORDER)

    def __len__(self) -> int:
        return len(PANEL_ORDER)

    def is_built(self, key: str) -> bool:
        return key in self._built

    def built(self) -> dict[str, ListPanel]:
        """The panels built so far, in navigation order."""
        return {k: self._built[k] for k in PANEL_ORDER if k in self._built}


class LanguageRelay(QObject):
    """Turns core's language-change callbacks into a Qt signal delivered on the UI thread."""

    changed = Signal(str)


class MainWindow(QMainWindow):
    """Lays out the window and keeps its view state; signals are connected in gui.wiring."""

    panelChanged = Signal(str)
    panelCreated = Signal(str, object)  # (key, panel): a browsing panel was just built
    searchPanelCreated = Signal(object)  # the search results page was just built

    def __init__(
        self,
        db: Database,
        settings: GuiSettings,
        themes: ThemeManager,
        runner: Runner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.themes = themes
        self._runner = runner
        self._search_panel: SearchPanel | None = None
        self.setObjectName("mainWindow")
        self.actions_ = Actions(self)
        self.actions_.build_menus(self.menuBar())
        self.nav = QListWidget()
        self.nav.setObjectName("navRail")
        self.nav.setMaximumWidth(240)
        self.nav.setMinimumWidth(110)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # One page per panel, then the search results; a page is a placeholder until shown.
        self.stack = QStackedWidget()
        for _key in [*PANEL_ORDER, "search"]:
            self.stack.addWidget(QWidget())
        for _key in PANEL_ORDER:
            self.nav.addItem(QListWidgetItem())
        self.panels = Panels(self._build_panel)
        self.record_view = RecordView(db)
        self.record_view.setMinimumWidth(260)
        self.splitter = QSplitter()  # horizontal
        self.splitter.setObjectName("mainSplitter")
        for widget in (self.nav, self.stack, self.record_view):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([150, 700, 430])
        self.setCentralWidget(self.splitter)
        self.search_box = SearchBox()
        self.search_box.setObjectName("globalSearch")
        self.search_box.setMinimumWidth(220)
        self.search_box.key_handler = self._search_box_key
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
        mute(self.data_label)
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.data_label)
        self._previous_panel = "organizations"
        self._settled = False  # see settle()
        self.start_maximized = False  # see restore_state()
        self.saved_link: QLabel | None = None  # "Open folder" after a file is saved
        # Parts the window owns that come after the first frame or on first use.
        self.meeting_pack = MeetingPackHooks(self, db)  # its window, built when opened
        self.personal: PersonalLayer | None = None  # see install_personal()
        self.share: ShareController | None = None  # see share_controller()
        self.search_start: SearchStart | None = None  # see start_search()
        self.restart_requested = False  # see request_restart()
        self.language_relay = LanguageRelay(self)
        self._listener = self.language_relay.changed.emit
        on_language_changed(self._listener)
        self.resize(self._first_run_size())
        self._retranslate_window()  # its parts (actions, record page) were built translated

    def _first_run_size(self) -> QSize:
        """1280×800, or less on a small screen (a 1366×768 field laptop): the window must fit
        with the desktop's panels. Later runs restore the user's own geometry."""
        room = self.screen().availableGeometry().size() * 0.92
        return QSize(1280, 800).boundedTo(room)

    def set_reading_pane(self, on: bool) -> None:
        """View → Reading pane (F8): the record page beside the lists, or the lists alone."""
        self.record_view.setVisible(on)
        self.actions_.reading_pane.setChecked(on)

    def show_first(self) -> None:
        """Shows the window as the last run left it, or maximized on a small screen's first run."""
        if self.start_maximized:
            self.showMaximized()
        else:
            self.show()

    def small_screen(self) -> bool:
        """A screen too small for the first-run size with room to spare: start maximized."""
        room = self.screen().availableGeometry().size()
        return room.width() < SMALL_SCREEN.width() or room.height() < SMALL_SCREEN.height()

    # --- panels ----------------------------------------------------------------------------

    def _install_page(self, index: int, page: QWidget) -> None:
        """Puts a built page in place of its placeholder in the stack."""
        placeholder = self.stack.widget(index)
        self.stack.insertWidget(index, page)
        if placeholder is not None:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()

    def _build_panel(self, key: str) -> ListPanel:
        panel = panel_class(key)(self.db)
        panel.setObjectName(f"panel-{key}")
        panel.search.setClearButtonEnabled(self._settled)
        self._install_page(PANEL_ORDER.index(key), panel)
        panel.set_colors(self.themes.colors)
        if key == "history":
            history = cast("HistoryPanel", panel)
            history.set_mode(self.settings.history_mode)
        self.panelCreated.emit(key, panel)
        return panel

    def settle(self) -> None:
        """After the first frame: what it does not show. A text box's clear button appears
        only once there is text, and the first one costs Qt some 5 ms to load its icon.
        The start page replaces the one-line hint of the first frame."""
        self._settled = True
        view = self.record_view
        view.recent = self.settings.recent
        if view.current is None:
            # The record open when the program was closed comes back; else the start page.
            last = self.settings.last_record
            if not (last and self.db.exists(last) and view.open(last)):
                view.show_start()
        self.search_box.setClearButtonEnabled(True)
        for panel in self.panels.built().values():
            panel.search.setClearButtonEnabled(True)

    @property
    def search_panel(self) -> SearchPanel:
        """The search results page, built the first time it is needed."""
        if self._search_panel is None:
            from sseref.gui.search_panel import SearchPanel

            panel = SearchPanel(self.db, self._runner)
            panel.set_colors(self.themes.colors)
            self._search_panel = panel
            self._install_page(len(PANEL_ORDER), panel)
            self.searchPanelCreated.emit(panel)
        return self._search_panel

    def has_search_panel(self) -> bool:
        return self._search_panel is not None

    def set_search_runner(self, runner: Runner) -> None:
        """Search becomes available (the index is ready, or was rebuilt)."""
        self._runner = runner
        if self.personal is not None:  # notes and tags join the search (#19)
            self.personal.attach_search(runner)
        if self._search_panel is not None:
            self._search_panel.set_runner(runner)

    @property
    def search_runner(self) -> Runner | None:
        return self._runner

    def start_search(
        self,
        on_ready: Callable[[object], None] | None = None,
        process: EngineProcess | None = None,
    ) -> SearchStart:
        """Opens the search index (rebuilt with progress when needed), then enables search;
        `on_ready(engine)` is called each time an engine is ready. `process` is the search
        process started with the program (`search.remote.EngineProcess`), if any."""
        from sseref.gui.index_setup import SearchStart

        self.search_start = SearchStart(self, on_ready, process)
        self.search_start.start()
        return self.search_start

    # --- parts added after the first frame or on first use ----------------------------------

    def install_personal(self) -> PersonalLayer:
        """The personal layer (favourites, lists, history, notes, saved searches), added once
        after the first frame; says if its data file had a problem."""
        if self.personal is None:
            from sseref.gui.personal import PersonalLayer

            self.personal = PersonalLayer(self)
            self.personal.tell_about_problems()
        return self.personal

    def share_controller(self) -> ShareController:
        """View → Share in this room: its controller, made on first use; closing the window
        or quitting stops the server."""
        if self.share is None:
            from sseref.gui.share_dialog import ShareController

            self.share = ShareController(self)
            application().aboutToQuit.connect(self.share.shutdown)
        return self.share

    def request_restart(self) -> None:
        """Closes the window and asks the launcher to start SSE Ref again (a new data
        version was switched to)."""
        self.restart_requested = True
        self.close()

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
        if widget is not None and widget is self._search_panel:
            return "search"
        return next((k for k, p in self.panels.built().items() if p is widget), "organizations")

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

    def _search_box_key(self, event: QKeyEvent) -> bool:
        """Arrow keys and Enter in the search box drive the results list; Escape leaves."""
        if self._search_panel is not None and self._search_panel.handle_key(event):
            return True
        if event.key() == Qt.Key.Key_Escape:
            self.search_box.clear()
            self.leave_search()
            return True
        return False

    # --- comfort: theme, large text, zoom, language ----------------------------------------

    def apply_view(self) -> None:
        s = self.settings
        colors = self.themes.apply(s.theme, s.zoom, s.large_text)
        self.nav.setStyleSheet(nav_rail_sheet(colors))
        self.fit_nav()
        self.actions_.themes[s.theme].setChecked(True)
        self.actions_.large_text.setChecked(s.large_text)
        for panel in self.panels.built().values():
            panel.set_colors(colors)
        self.record_view.set_colors(colors)
        if self._search_panel is not None:
            self._search_panel.set_colors(colors)

    def fit_nav(self) -> None:
        """The navigation rail as wide as its longest name in this language and text size."""
        metrics = self.nav.fontMetrics()
        widest = max(
            (metrics.horizontalAdvance(self.nav.item(i).text()) for i in range(self.nav.count())),
            default=0,
        )
        self.nav.setMinimumWidth(min(self.nav.maximumWidth(), max(110, widest + 48)))

    def follow_system_scheme(self) -> None:
        """The system's light or dark mode may have changed: the "System" theme follows it."""
        if self.themes.read_system_scheme() and self.settings.theme == "system":
            self.apply_view()

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
        self.show_message(
            _("Interface language: {language}").format(language=LANGUAGE_LABELS.get(lang, lang))
        )

    def bring_to_front(self) -> None:
        """Another start of the program asked for this window (see core.instance)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()  # the desktop may only flash it: focus stealing is its call
        self.show_message(_("SSE Ref was already open: here is its window."))

    def show_message(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setAccessibleName(text)
        if self.saved_link is not None:
            self.saved_link.hide()

    def show_saved(self, path: Path) -> None:
        """ "Saved to …" in the status bar, with a link that opens the folder."""
        self.show_message(_("Saved to {path}").format(path=path))
        if self.saved_link is None:
            self.saved_link = QLabel()
            self.saved_link.linkActivated.connect(self._open_saved_folder)
            self.statusBar().addPermanentWidget(self.saved_link)
        label = _("Open folder")
        self.saved_link.setText(f"<a href='{path.parent.as_uri()}'>{label}</a>")
        self.saved_link.setAccessibleName(label)
        self.saved_link.show()

    def _open_saved_folder(self, address: str) -> None:
        QDesktopServices.openUrl(QUrl(address))  # a local folder, in the file manager

    # --- dialogs ---------------------------------------------------------------------------

    def show_about(self) -> TextDialog:
        from sseref.gui.dialogs import TextDialog, about_html

        dialog = TextDialog(_("About SSE Ref"), about_html(self.db), self)
        dialog.open()
        return dialog

    def show_help(self) -> TextDialog:
        from sseref.gui.dialogs import TextDialog, help_html

        dialog = TextDialog(_("Help"), help_html(self.actions_.shortcut_rows()), self)
        dialog.resize(640, 620)
        dialog.open()
        return dialog

    def ask_print_options(self) -> tuple[str, dict[str, object]] | None:
        """Language, second language and paper for one record's sheet; None if cancelled."""
        from sseref.gui.print_options import PrintOptionsDialog
        from sseref.gui.printing import default_paper

        # The user's note can go on the sheet.
        has_note = self.personal is not None and self.personal.current_note() is not None
        dialog = PrintOptionsDialog(_("Fact sheet"), default_paper(), self, has_note=has_note)
        if dialog.exec() != PrintOptionsDialog.DialogCode.Accepted:
            return None
        return dialog.language(), dialog.options()

    # --- state -----------------------------------------------------------------------------

    def restore_state(self) -> None:
        s = self.settings
        geometry = s.blob("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
            # Some window managers drop the maximized state restoreGeometry carries.
            self.start_maximized = s.maximized
        else:
            self.start_maximized = self.small_screen()
        state = s.blob("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = s.blob("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        if self.panels.is_built("history"):  # otherwise it takes the mode when it is built
            cast("HistoryPanel", self.panels["history"]).set_mode(s.history_mode)
        self.set_reading_pane(s.reading_pane)
        self.apply_view()
        self.show_panel(s.panel)

    def save_state(self) -> None:
        s = self.settings
        s.set_blob("window/geometry", self.saveGeometry())
        s.maximized = self.isMaximized()
        s.set_blob("window/state", self.saveState())
        s.set_blob("window/splitter", self.splitter.saveState())
        s.last_record = self.record_view.current or ""
        s.reading_pane = not self.record_view.isHidden()
        key = self.current_panel_key()
        s.panel = key if key != "search" else self._previous_panel
        if self.panels.is_built("history"):  # an unbuilt panel keeps the remembered mode
            s.history_mode = cast("HistoryPanel", self.panels["history"]).mode()
        s.sync()

    def search_engine(self) -> object | None:
        """The open search engine once the index is ready (the shared site searches with it)."""
        return getattr(self._runner, "engine", None)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_state()
        if self.share is not None:  # View → Share in this room: closing stops it
            self.share.shutdown()
        for panel in self.panels.built().values():
            panel.stop()
        if self._search_panel is not None:
            self._search_panel.shutdown()
        off_language_changed(self._listener)
        super().closeEvent(event)

    def retranslate(self) -> None:
        """Every text of the window in the current language (the language just changed)."""
        self.actions_.retranslate()
        self._retranslate_window()
        for panel in self.panels.built().values():  # the others are built translated
            panel.retranslate()
        current = self.current_panel()
        if current is not None and self.record_view.current:  # its rows were asked again
            current.select_id(self.record_view.current)
        if self._search_panel is not None:
            self._search_panel.retranslate()
        self.record_view.retranslate()

    def _retranslate_window(self) -> None:
        self.setWindowTitle(_("SSE Ref — Social and Solidarity Economy reference"))
        for i, key in enumerate(PANEL_ORDER):
            item = self.nav.item(i)
            item.setText(self.actions_.panels[key].text().replace("&", ""))
            item.setToolTip(self.actions_.panels[key].toolTip())
        self.fit_nav()
        self.nav.setAccessibleName(_("Sections"))
        self.search_box.setPlaceholderText(_("Search everything (Ctrl+K)…"))
        self.search_box.setAccessibleName(_("Search everything"))
        self.toolbar.setWindowTitle(_("Main toolbar"))
        self.actions_.languages[self.settings.language].setChecked(True)
        meta = self.db.meta()
        # The data's date only: its version hash is for About and bug reports, not the eye.
        self.data_label.setText(
            _("Data as of {date}").format(
                date=date_label(meta.get("data_as_of"), current_language()) or "?",
            )
        )
        self.data_label.setToolTip(
            _("Data version {version}").format(version=meta.get("data_version", "?"))
        )
        self.data_label.setAccessibleName(self.data_label.text())


def application() -> QApplication:
    """The running QApplication (created by the composition root or by pytest-qt)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app
