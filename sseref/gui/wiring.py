"""The one place where panels, the record page, the search and the actions are connected."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication

from sseref.core.db import Database
from sseref.core.i18n import _, current_language
from sseref.gui.actions import PANEL_ORDER
from sseref.gui.language import apply_language
from sseref.gui.mainwindow import MainWindow, application
from sseref.gui.print_hooks import run_print
from sseref.gui.settings import GuiSettings
from sseref.gui.theme import ThemeManager

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from sseref.gui.instance import ActivationWatcher
    from sseref.gui.panels.base import ListPanel
    from sseref.gui.search_panel import SearchPanel
    from sseref.gui.search_worker import Runner


def wire(window: MainWindow) -> Wiring:
    """Connects every signal of the window's parts; nothing else calls connect() across parts.

    Panels and the search page are built when first shown: they are connected as they appear.
    """
    return Wiring(window)


class Wiring(QObject):
    """The connections between the window's parts, one method per area of the window (a child
    of the window: it lives as long as the connections it made)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.actions = window.actions_
        self.view = window.record_view
        self.panels()
        self.search()
        self.record_page()
        self.citations()
        self.context_menus()
        self.printing()
        self.meeting_pack()
        self.comfort()
        self.help_and_data()

    # --- shared steps ----------------------------------------------------------------------

    def open_record(self, record_id: str, focus: bool = False) -> None:
        """Shows a record; with `focus` (Enter, double-click) the page takes the keyboard."""
        window, view = self.window, self.view
        if focus and view.isHidden():  # opening a record shows the pane the user had hidden
            window.set_reading_pane(True)
        if view.open(record_id) and focus:
            view.browser.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_record_commands(self, menu: QMenu, focus: bool = False) -> None:
        """A list row's and the record page's context menus: the commands on that record."""
        actions, view = self.actions, self.view
        if focus:
            open_action = menu.addAction(_("Open"))
            open_action.triggered.connect(lambda: view.browser.setFocus() if view.current else None)
            menu.addSeparator()
        menu.addActions(
            [
                actions.copy_citation,
                actions.export_citation,
                actions.add_to_pack,
                actions.print_preview,
                actions.export_pdf,
            ]
        )
        if not focus:
            menu.addSeparator()
            menu.addAction(actions.find)

    # --- areas -----------------------------------------------------------------------------

    def panels(self) -> None:
        """Lists and the timeline (a selection shows the record), the navigation rail and the
        panel shortcuts, and Edit → Clear filters."""
        window = self.window
        window.panelCreated.connect(self.connect_panel)
        for key, panel in window.panels.built().items():
            self.connect_panel(key, panel)
        window.nav.currentRowChanged.connect(
            lambda row: window.show_panel(PANEL_ORDER[row]) if 0 <= row < len(PANEL_ORDER) else None
        )
        for key, action in self.actions.panels.items():
            action.triggered.connect(lambda _c=False, k=key: window.show_panel(k))
        self.actions.filter_list.triggered.connect(window.focus_filter)
        self.actions.clear_filters.triggered.connect(self.clear_filters)

    def connect_panel(self, key: str, panel: ListPanel) -> None:
        """A panel just built: its filters are remembered, its rows open records."""
        window = self.window
        panel.restore_filters(window.settings.filters(key))
        panel.filtersChanged.connect(lambda values, k=key: window.settings.set_filters(k, values))
        panel.contextRequested.connect(lambda menu: self.add_record_commands(menu, focus=True))
        panel.recordSelected.connect(self.open_record)
        panel.recordActivated.connect(lambda rid: self.open_record(rid, focus=True))

        def show_count(_count: int) -> None:
            if window.current_panel() is panel:
                window.show_message(panel.count_label.text())

        panel.countChanged.connect(show_count)

    def clear_filters(self) -> None:
        window = self.window
        panel = window.current_panel()
        if panel is not None and window.current_panel_key() != "search":
            panel.reset_filters()
            window.show_message(_("Filters cleared"))

    def search(self) -> None:
        """Search as you type: the results page replaces the panel while there is text."""
        window = self.window
        window.search_box.textChanged.connect(self.on_search_text)
        window.searchPanelCreated.connect(self.connect_search)
        if window.has_search_panel():
            self.connect_search(window.search_panel)
        self.actions.search.triggered.connect(window.focus_search)

    def on_search_text(self, text: str) -> None:
        window = self.window
        if text.strip():
            window.show_panel("search")
        elif window.current_panel_key() == "search":
            window.leave_search()
        if text.strip() or window.has_search_panel():
            window.search_panel.set_query(text)

    def connect_search(self, search: SearchPanel) -> None:
        search.recordActivated.connect(lambda rid: self.open_record(rid, focus=True))
        search.recordPreviewed.connect(self.open_record)
        search.set_entry(self.window.search_box)
        search.suggestionChosen.connect(self.window.search_box.setText)

    def record_page(self) -> None:
        """The record page: history (Back/Forward), what it shows in the status bar and the
        current panel, recent records, find in page, the start page's links."""
        window, actions, view = self.window, self.actions, self.view
        actions.back.triggered.connect(view.back)
        actions.forward.triggered.connect(view.forward)

        def on_history(can_back: bool, can_forward: bool) -> None:
            actions.back.setEnabled(can_back)
            actions.forward.setEnabled(can_forward)

        view.historyChanged.connect(on_history)
        view.message.connect(window.show_message)

        def on_shown(record_id: str) -> None:
            panel = window.current_panel()
            if panel is not None:
                panel.select_id(record_id)
            if view.record is not None:
                window.show_message(view.record.title(current_language()))
            window.settings.add_recent(record_id)
            view.recent = window.settings.recent

        view.recordShown.connect(on_shown)
        actions.find.triggered.connect(view.show_find)
        actions.home.triggered.connect(view.show_start)

        def run_example(query: str) -> None:
            window.search_box.setText(query)
            window.focus_search()

        view.searchRequested.connect(run_example)
        view.panelRequested.connect(window.show_panel)

    def citations(self) -> None:
        """Copy citation, the style chosen in Edit → Citation style, exports for reference
        managers (their dialogs load on first use)."""
        window, actions = self.window, self.actions
        actions.copy_citation.triggered.connect(self.view.copy_citation)
        for style, action in actions.citation_styles.items():
            action.triggered.connect(lambda _c=False, s=style: self.set_citation_style(s))
        self.set_citation_style(window.settings.citation_style)
        actions.citation_styles[window.settings.citation_style].setChecked(True)

        def export_citation() -> None:
            from sseref.gui.exports import export_citation as run

            run(window)

        def export_list() -> None:
            from sseref.gui.exports import export_list as run

            run(window)

        actions.export_citation.triggered.connect(export_citation)
        actions.export_list.triggered.connect(export_list)

    def set_citation_style(self, style: str) -> None:
        self.window.settings.citation_style = style
        self.view.citation_style = style

    def context_menus(self) -> None:
        self.view.contextActions.connect(self.add_record_commands)

    def printing(self) -> None:
        """Print preview, print and PDF of the open record (the fact-sheet layer does it)."""
        actions = self.actions
        actions.print_preview.triggered.connect(lambda: self.print_record("print_preview"))
        actions.print.triggered.connect(lambda: self.print_record("print_records"))
        actions.export_pdf.triggered.connect(lambda: self.print_record("export_pdf"))

    def print_record(self, name: str) -> None:
        """One record's sheet: its language(s) and paper first, as the meeting pack asks."""
        window, view = self.window, self.view
        ids = [view.current] if view.current else []
        chosen = window.ask_print_options() if ids else (None, {})
        if chosen is None:
            return
        lang, options = chosen
        if options.pop("with_note", False):  # the user's note at the end of the sheet (#19)
            note = window.personal.current_note() if window.personal else None
            options = {**options, "notes": {ids[0]: note} if note else None}
        if name == "export_pdf":
            folder = window.settings.save_folder
            options = {**options, "folder": Path(folder) if folder else None}
        result = run_print(name, window, window.db, ids, lang, **options)
        if isinstance(result, Path):
            window.settings.save_folder = str(result.parent)
            window.show_saved(result)

    def meeting_pack(self) -> None:
        """Add to meeting pack, the pack's window, and sharing in the room (its code loads on
        first use; off until the host starts it)."""
        window, actions, pack = self.window, self.actions, self.window.meeting_pack

        def add_to_pack() -> None:
            if pack.add(self.view.current):
                window.show_message(_("Added to the meeting pack"))
            elif self.view.current:
                window.show_message(_("Already in the meeting pack"))

        actions.add_to_pack.triggered.connect(add_to_pack)
        actions.meeting_pack.triggered.connect(pack.open)
        window.language_relay.changed.connect(lambda _lang: pack.retranslate())
        actions.share.triggered.connect(lambda: window.share_controller().open_dialog())

    def comfort(self) -> None:
        """Theme, large text, reading pane, zoom and the interface language."""
        window, actions = self.window, self.actions
        for theme, action in actions.themes.items():
            action.triggered.connect(lambda _c=False, t=theme: window.set_theme(t))
        actions.large_text.toggled.connect(
            lambda on: window.set_large_text(on) if on != window.settings.large_text else None
        )
        actions.reading_pane.toggled.connect(window.set_reading_pane)
        actions.zoom_in.triggered.connect(lambda: window.zoom(+1))
        actions.zoom_out.triggered.connect(lambda: window.zoom(-1))
        actions.zoom_reset.triggered.connect(lambda: window.zoom(0))
        for code, action in actions.languages.items():
            action.triggered.connect(lambda _c=False, c=code: window.set_language_choice(c))
        window.language_relay.changed.connect(lambda _lang: window.retranslate())

    def help_and_data(self) -> None:
        """Help, About, data packs (content updates) and their versions, and quitting."""
        window, actions = self.window, self.actions
        actions.help.triggered.connect(window.show_help)
        actions.about.triggered.connect(window.show_about)

        def update_data() -> None:
            from sseref.gui.data_update import open_update

            open_update(window)

        def data_versions() -> None:
            from sseref.gui.data_update import open_versions

            open_versions(window)

        def find_updates() -> None:
            from sseref.gui.data_update import open_find_packs

            open_find_packs(window)

        actions.update_data.triggered.connect(update_data)
        actions.find_updates.triggered.connect(find_updates)
        actions.data_versions.triggered.connect(data_versions)
        actions.quit.triggered.connect(window.close)
        actions.quit.triggered.connect(lambda: application().closeAllWindows())


def after_first_frame(window: MainWindow) -> None:
    """What the first frame does not wait for: the start page, clear buttons, Qt's colour
    scheme (followed live), the personal layer."""
    window.settle()
    window.follow_system_scheme()
    QGuiApplication.styleHints().colorSchemeChanged.connect(
        lambda _scheme: window.follow_system_scheme()
    )
    window.install_personal()


def watch_second_starts(window: MainWindow, data_dir: Path) -> ActivationWatcher:
    """A later start of the program (a second click on its icon) brings this window forward."""
    from sseref.gui.instance import ActivationWatcher

    watcher = ActivationWatcher(data_dir, window)
    watcher.requested.connect(window.bring_to_front)
    watcher.check()  # a start that asked while this window was being built
    return watcher


def build_main_window(
    db: Database,
    runner: Runner | None = None,
    settings: GuiSettings | None = None,
    language: str | None = None,
) -> MainWindow:
    """Creates, wires and restores the main window (used by the launcher, tests, screenshots)."""
    app = application()
    themes = ThemeManager(app)
    settings = settings or GuiSettings()
    if language is not None:  # an explicit choice (e.g. `--lang`) is remembered like the menu
        settings.language = language
    apply_language(settings.language)  # before the widgets exist: they are built translated
    # Likewise the theme: widgets created under the style sheet are not styled a second time.
    themes.apply(settings.theme, settings.zoom, settings.large_text)
    window = MainWindow(db, settings, themes, runner)
    wire(window)
    window.restore_state()
    return window
