"""The one place where panels, the record page, the search and the actions are connected."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sseref.core.db import Database
from sseref.core.i18n import _, current_language
from sseref.gui.actions import PANEL_ORDER
from sseref.gui.language import apply_language
from sseref.gui.mainwindow import MainWindow, application
from sseref.gui.print_hooks import MeetingPackHooks, run_print
from sseref.gui.settings import GuiSettings
from sseref.gui.theme import ThemeManager

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from sseref.gui.instance import ActivationWatcher
    from sseref.gui.panels.base import ListPanel
    from sseref.gui.search_panel import SearchPanel
    from sseref.gui.search_worker import Runner


def wire(window: MainWindow) -> None:
    """Connects every signal of the window's parts; nothing else calls connect() across parts.

    Panels and the search page are built when first shown: they are connected as they appear.
    """
    actions, view = window.actions_, window.record_view

    def open_record(record_id: str, focus: bool = False) -> None:
        if focus and view.isHidden():  # opening a record shows the pane the user had hidden
            window.set_reading_pane(True)
        if view.open(record_id) and focus:
            from PySide6.QtCore import Qt  # not on the start-up path (see gui.qtvalues)

            view.browser.setFocus(Qt.FocusReason.OtherFocusReason)

    # Lists and the timeline: a selection shows the record, Enter/double-click also focuses it.
    def connect_panel(key: str, panel: ListPanel) -> None:
        panel.restore_filters(window.settings.filters(key))
        panel.filtersChanged.connect(lambda values, k=key: window.settings.set_filters(k, values))
        panel.contextRequested.connect(lambda menu: add_record_commands(menu, focus=True))
        panel.recordSelected.connect(open_record)
        panel.recordActivated.connect(lambda rid: open_record(rid, focus=True))

        def show_count(_count: int) -> None:
            if window.current_panel() is panel:
                window.show_message(panel.count_label.text())

        panel.countChanged.connect(show_count)

    window.panelCreated.connect(connect_panel)
    for key, panel in window.panels.built().items():
        connect_panel(key, panel)

    # Navigation rail and panel shortcuts.
    window.nav.currentRowChanged.connect(
        lambda row: window.show_panel(PANEL_ORDER[row]) if 0 <= row < len(PANEL_ORDER) else None
    )
    for key, action in actions.panels.items():
        action.triggered.connect(lambda _c=False, k=key: window.show_panel(k))

    # Search as you type.
    def on_search_text(text: str) -> None:
        if text.strip():
            window.show_panel("search")
        elif window.current_panel_key() == "search":
            window.leave_search()
        if text.strip() or window.has_search_panel():
            window.search_panel.set_query(text)

    def connect_search(search: SearchPanel) -> None:
        search.recordActivated.connect(lambda rid: open_record(rid, focus=True))
        search.recordPreviewed.connect(open_record)
        search.set_entry(window.search_box)
        search.suggestionChosen.connect(window.search_box.setText)

    window.search_box.textChanged.connect(on_search_text)
    window.searchPanelCreated.connect(connect_search)
    if window.has_search_panel():
        connect_search(window.search_panel)
    actions.search.triggered.connect(window.focus_search)
    actions.filter_list.triggered.connect(window.focus_filter)

    # Record page history.
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

    view.recordShown.connect(on_shown)
    actions.copy_citation.triggered.connect(view.copy_citation)

    def remember(record_id: str) -> None:
        window.settings.add_recent(record_id)
        view.recent = window.settings.recent

    view.recordShown.connect(remember)
    actions.find.triggered.connect(view.show_find)
    actions.home.triggered.connect(view.show_start)

    def run_example(query: str) -> None:
        window.search_box.setText(query)
        window.focus_search()

    view.searchRequested.connect(run_example)
    view.panelRequested.connect(window.show_panel)

    # Citations: the style chosen in Edit → Citation style; exports for reference managers.
    def set_style(style: str) -> None:
        window.settings.citation_style = style
        view.citation_style = style

    for style, action in actions.citation_styles.items():
        action.triggered.connect(lambda _c=False, s=style: set_style(s))
    set_style(window.settings.citation_style)
    actions.citation_styles[window.settings.citation_style].setChecked(True)

    def export_citation() -> None:
        from sseref.gui.exports import export_citation as run

        run(window)

    def export_list() -> None:
        from sseref.gui.exports import export_list as run

        run(window)

    actions.export_citation.triggered.connect(export_citation)
    actions.export_list.triggered.connect(export_list)

    def clear_filters() -> None:
        panel = window.current_panel()
        if panel is not None and window.current_panel_key() != "search":
            panel.reset_filters()
            window.show_message(_("Filters cleared"))

    actions.clear_filters.triggered.connect(clear_filters)

    # Context menus: a list row's and the record page's offer the commands on that record.
    def add_record_commands(menu: QMenu, focus: bool = False) -> None:
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

    view.contextActions.connect(add_record_commands)

    # Printing and meeting packs (the fact-sheet layer does the work).
    def current_ids() -> list[str]:
        return [view.current] if view.current else []

    def print_record(name: str) -> None:
        """One record's sheet: its language(s) and paper first, as the meeting pack asks."""
        ids = current_ids()
        chosen = window.ask_print_options() if ids else (None, {})
        if chosen is None:
            return
        lang, options = chosen
        if options.pop("with_note", False):  # the user's note at the end of the sheet (#19)
            note = window.personal.current_note()  # type: ignore[attr-defined]
            options = {**options, "notes": {ids[0]: note} if note else None}
        if name == "export_pdf":
            folder = window.settings.save_folder
            options = {**options, "folder": Path(folder) if folder else None}
        result = run_print(name, window, window.db, ids, lang, **options)
        if isinstance(result, Path):
            window.settings.save_folder = str(result.parent)
            window.show_saved(result)

    actions.print_preview.triggered.connect(lambda: print_record("print_preview"))
    actions.print.triggered.connect(lambda: print_record("print_records"))
    actions.export_pdf.triggered.connect(lambda: print_record("export_pdf"))
    pack = MeetingPackHooks(window, window.db)
    window.meeting_pack_hooks = pack  # type: ignore[attr-defined]

    def add_to_pack() -> None:
        if pack.add(view.current):
            window.show_message(_("Added to the meeting pack"))
        elif view.current:
            window.show_message(_("Already in the meeting pack"))

    actions.add_to_pack.triggered.connect(add_to_pack)
    actions.meeting_pack.triggered.connect(pack.open)
    window.language_relay.changed.connect(lambda _lang: pack.retranslate())

    # Sharing in the room: off until the host starts it; its code loads on first use.
    def open_share() -> None:
        from sseref.gui.share_dialog import controller_for

        controller_for(window).open_dialog()

    actions.share.triggered.connect(open_share)

    # Comfort.
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

    # Help and quitting.
    actions.help.triggered.connect(window.show_help)
    actions.about.triggered.connect(window.show_about)

    # Data packs (content updates) and the versions on this machine.
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
    """What the first frame does not wait for: clear buttons, Qt's colour scheme (followed live).

    Reading it builds PySide's `Qt` namespace type (see gui.qtvalues), which the first key
    press would otherwise pay for.
    """
    from PySide6.QtGui import QGuiApplication

    window.settle()
    window.follow_system_scheme()
    QGuiApplication.styleHints().colorSchemeChanged.connect(
        lambda _scheme: window.follow_system_scheme()
    )
    # The personal layer (favourites, lists, history, notes, saved searches): after the frame.
    from sseref.gui.personal import install_personal

    install_personal(window)


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
