"""The personal layer in the window: star (Ctrl+D), lists, history, notes and tags, saved searches.

Installed after the first frame (MainWindow.install_personal) so start-up pays nothing for
it. Its menu, actions, dock and dialogs are its own; the only hooks into the rest of the window
are the record page's `recordShown` signal, a strip added under the record page, and context
menus on the lists and search results.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QInputDialog,
    QMenu,
    QMessageBox,
)

from sseref.core import vocab
from sseref.core.i18n import N_, _, current_language
from sseref.core.userdata import UserDataError
from sseref.core.userdb import UserDatabase
from sseref.core.userstore import UserStore
from sseref.gui.labels import number_label
from sseref.gui.lists_panel import ListsPanel
from sseref.gui.models import ID_ROLE
from sseref.gui.note_editor import NoteDialog, NoteStrip

if TYPE_CHECKING:
    from sseref.gui.history_dialog import HistoryDialog
    from sseref.gui.mainwindow import MainWindow
    from sseref.gui.panels.base import ListPanel
    from sseref.gui.search_panel import SearchPanel

SHORTCUTS = {
    "favourite": "Ctrl+D",
    "note": "Ctrl+Shift+N",
    "lists": "Ctrl+Shift+D",
    "history": "Ctrl+H",
    "save_search": "Ctrl+Shift+S",
}
TEXTS = {
    "favourite": N_("&Star this record"),
    "note": N_("&Note and tags…"),
    "lists": N_("&Lists panel"),
    "history": N_("&History of opened records…"),
    "save_search": N_("Save this sea&rch…"),
    "export": N_("&Export my data…"),
    "import": N_("&Import my data…"),
}


def open_store() -> tuple[UserStore, str | None]:
    """The user's store, or a store in memory with the reason when the file cannot be used."""
    try:
        return UserStore(), None
    except UserDataError as exc:
        return UserStore(UserDatabase(Path(":memory:"))), _(
            "{error}\n\nYour changes in this session will not be kept."
        ).format(error=exc)


class PersonalLayer(QObject):
    """Owns the user store for one window and everything the user does with it."""

    def __init__(self, window: MainWindow, store: UserStore | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.view = window.record_view
        self.problem: str | None = None
        if store is None:
            store, self.problem = open_store()
        self.store = store
        self.actions: dict[str, QAction] = {}
        for key in TEXTS:
            action = QAction(window)
            if key in SHORTCUTS:
                action.setShortcut(QKeySequence(SHORTCUTS[key]))
            window.addAction(action)
            self.actions[key] = action
        self.actions["favourite"].setCheckable(True)
        self.actions["lists"].setCheckable(True)
        self.menu = QMenu(window)
        self.list_menu = QMenu(self.menu)
        self.saved_menu = QMenu(self.menu)
        self._build_menu()
        self.strip = NoteStrip(self.toggle_favourite, self._edit_current)
        layout = self.view.layout()
        assert layout is not None
        layout.addWidget(self.strip)
        self.dock = ListsPanel(self.store, self._exists, self._title)
        self.dock.hide()
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        self.history_dialog: HistoryDialog | None = None
        self._pending_search: int | None = None
        self._last_visit: str | None = None
        self._refresh_titles()
        self._connect()
        self.attach_search(window.search_runner)
        from sseref.gui.my_documents import DocumentsLayer  # issue 20: the user's documents

        self.documents = DocumentsLayer(window, self)
        self.retranslate()
        if self.view.current:
            self._on_shown(self.view.current)

    # --- set-up ----------------------------------------------------------------------------

    def _build_menu(self) -> None:
        a = self.actions
        bar = self.window.menuBar()
        help_menu = self.window.actions_.menus.get("help")
        if help_menu is not None:
            bar.insertMenu(help_menu.menuAction(), self.menu)
        else:
            bar.addMenu(self.menu)
        self.menu.addActions([a["favourite"]])
        self.menu.addMenu(self.list_menu)
        self.menu.addAction(a["note"])
        self.menu.addSeparator()
        self.menu.addActions([a["lists"], a["history"]])
        self.menu.addSeparator()
        self.menu.addAction(a["save_search"])
        self.menu.addMenu(self.saved_menu)
        self.menu.addSeparator()
        self.menu.addActions([a["export"], a["import"]])
        self.list_menu.aboutToShow.connect(lambda: self._fill_list_menu(self.list_menu, None))
        self.saved_menu.aboutToShow.connect(self._fill_saved_menu)

    def _connect(self) -> None:
        a, w = self.actions, self.window
        a["favourite"].triggered.connect(lambda _c=False: self.toggle_favourite())
        a["note"].triggered.connect(lambda _c=False: self.edit_note())
        a["lists"].toggled.connect(self.show_lists)
        self.dock.visibilityChanged.connect(
            lambda _on: a["lists"].setChecked(not self.dock.isHidden())
        )
        a["history"].triggered.connect(lambda _c=False: self.show_history())
        a["save_search"].triggered.connect(lambda _c=False: self.save_search())
        a["export"].triggered.connect(lambda _c=False: self.export_data())
        a["import"].triggered.connect(lambda _c=False: self.import_data())
        self.view.recordShown.connect(self._on_shown)
        self.dock.recordActivated.connect(self.open_record)
        self.dock.toMeetingPack.connect(self.to_meeting_pack)
        w.language_relay.changed.connect(lambda _lang: self.retranslate())
        w.panelCreated.connect(lambda _key, panel: self._panel_menu(panel))
        for panel in w.panels.built().values():
            self._panel_menu(panel)
        page_menu = getattr(self.view, "contextActions", None)
        if page_menu is not None:  # the record page's own menu
            page_menu.connect(self.add_record_commands)
        w.searchPanelCreated.connect(self._search_menu)
        if w.has_search_panel():
            self._search_menu(w.search_panel)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.store.close)
        # Another window (or the CLI) may have changed the data: show it when this one
        # becomes active again.
        w.installEventFilter(self)

    def _refresh_titles(self) -> None:
        """The last known titles follow the data (a renamed record), in the current language."""
        ids = [i for i in self.store.record_ids() if self.window.db.exists(i)]
        if ids:
            self._guard(
                lambda: self.store.refresh_titles(self.window.db.titles(ids, current_language()))
            )

    def show_lists(self, on: bool) -> None:
        """Shows (and focuses, for the keyboard) or hides the Lists panel."""
        self.dock.setVisible(on)
        if on:
            self.dock.reload()
            self.dock.items.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def attach_search(self, runner: Any) -> None:
        """The search runner merges the user's notes and tags (`mine:` limits to them)."""
        from sseref.core.userstore import ThreadUserIndex

        if runner is not None and hasattr(runner, "user_index") and self.store.db.path.exists():
            runner.user_index = ThreadUserIndex(self.store.db.path)
            runner.exists = self.window.db.exists

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self.window and event.type() == QEvent.Type.WindowActivate:
            self._sync()
        return False

    def _panel_menu(self, panel: ListPanel) -> None:
        """A row's menu (the window's own, see ListPanel.row_menu) gets the personal commands;
        the row's record is the open one by then."""
        requested = getattr(panel, "contextRequested", None)
        if requested is not None:
            requested.connect(self.add_record_commands)
        else:
            self.install_context_menu(panel.table)

    def add_record_commands(self, menu: QMenu) -> None:
        """Star, Add to list ▸ and Note and tags… for the open record, at the end of `menu`."""
        menu.addSeparator()
        menu.addAction(self.actions["favourite"])
        menu.addMenu(self.list_menu)
        menu.addAction(self.actions["note"])

    def _search_menu(self, panel: SearchPanel) -> None:
        self.install_context_menu(panel.list)
        panel.model.modelReset.connect(lambda: self._search_counted(panel))

    def install_context_menu(self, view: QAbstractItemView) -> None:
        """Right-click (or the menu key) on a record row: star, add to a list, note."""
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(lambda pos, v=view: self._context_menu(v, pos))

    def record_menu(self, record_id: str) -> QMenu:
        menu = QMenu(self.window)
        star = menu.addAction(
            _("Unstar") if self.store.is_favourite(record_id) else _("Star (Ctrl+D)")
        )
        star.triggered.connect(lambda _c=False: self.toggle_favourite(record_id))
        lists = menu.addMenu(_("Add to list"))
        self._fill_list_menu(lists, record_id)
        note = menu.addAction(_("Note and tags…"))
        note.triggered.connect(lambda _c=False: self.edit_note(record_id))
        return menu

    def _context_menu(self, view: QAbstractItemView, pos: QPoint) -> None:
        record_id = view.indexAt(pos).data(ID_ROLE)
        if record_id:
            # A hit on a passage of an imported document stars the document itself.
            self.record_menu(_whole(str(record_id))).popup(view.viewport().mapToGlobal(pos))

    # --- records ---------------------------------------------------------------------------

    def _document(self, record_id: str) -> Any:
        """The imported document a "mydoc:" id names (issue 20), else None."""
        documents = getattr(self, "documents", None)
        if documents is None or not record_id.startswith(vocab.MY_DOCUMENT_PREFIX):
            return None
        return documents.docs.by_key(record_id)

    def _exists(self, record_id: str) -> bool:
        """A record of the data, or a document still in the user's library."""
        if record_id.startswith(vocab.MY_DOCUMENT_PREFIX):
            return self._document(record_id) is not None
        return self.window.db.exists(record_id)

    def _title(self, record_id: str) -> str:
        if record_id.startswith(vocab.MY_DOCUMENT_PREFIX):
            doc = self._document(record_id)
            return str(doc.display_title) if doc is not None else ""
        try:
            return self.window.db.titles([record_id], current_language()).get(record_id, "")
        except Exception:  # noqa: BLE001 - a title is a nicety, never a failure
            return ""

    def _kind(self, record_id: str) -> str:
        if record_id.startswith(vocab.MY_DOCUMENT_PREFIX):
            return vocab.MY_DOCUMENT_KIND
        return vocab.kind_of(record_id) or ""

    def _target(self, record_id: str | None) -> str | None:
        # The document page (issue 20) covers the record page: Ctrl+D and the note act on it.
        documents = getattr(self, "documents", None)
        shown = documents.shown_key() if documents is not None else None
        target = record_id or shown or self.view.current
        if not target:
            self.window.show_message(_("Open a record first."))
        return target

    def open_record(self, record_id: str) -> None:
        if not self._exists(record_id):
            record = self.store.record(record_id)
            title = record.title if record else record_id
            self.window.show_message(_("“{title}” is no longer in the data.").format(title=title))
            return
        self.view.open(record_id)

    def _guard(self, action: Any) -> bool:
        try:
            action()
        except UserDataError as exc:
            QMessageBox.warning(self.window, _("Your data"), str(exc))
            return False
        return True

    def _on_shown(self, record_id: str) -> None:
        # The page is drawn again for the same record when the language changes: one visit.
        if record_id != self._last_visit:
            self._last_visit = record_id
            self._guard(
                lambda: self.store.record_visit(
                    record_id, self._title(record_id), self._kind(record_id)
                )
            )
        self._sync()
        if self.history_dialog is not None and self.history_dialog.isVisible():
            self.history_dialog.reload()

    def _sync(self) -> None:
        """The star action, the strip and the dock show the stored state."""
        current = self.view.current
        layout = self.view.layout()
        if layout is not None and layout.indexOf(self.strip) != layout.count() - 1:
            # The page's browser is made with the first record, after the strip: keep the
            # strip under the page.
            layout.removeWidget(self.strip)
            layout.addWidget(self.strip)
        if current:
            starred = self.store.is_favourite(current)
            self.actions["favourite"].setChecked(starred)
            self.strip.show_state(starred, self.store.note(current))
        self.dock.reload()
        documents = getattr(self, "documents", None)
        if documents is not None:
            documents.refresh_page()  # the document page's star, note and tags

    def toggle_favourite(self, record_id: str | None = None) -> None:
        target = self._target(record_id)
        if not target:
            self.actions["favourite"].setChecked(False)
            return
        result: list[bool] = []
        self._guard(
            lambda: result.append(
                self.store.toggle_favourite(target, self._title(target), self._kind(target))
            )
        )
        if result:
            self.window.show_message(_("Starred") if result[0] else _("Unstarred"))
        self._sync()

    def current_note(self) -> str | None:
        """The open record's note text (for a fact sheet that includes it), or None."""
        note = self.store.note(self.view.current) if self.view.current else None
        return note.body if note is not None and note.body.strip() else None

    def _edit_current(self) -> None:
        self.edit_note()

    def edit_note(self, record_id: str | None = None) -> NoteDialog | None:
        target = self._target(record_id)
        if not target:
            return None
        title = self._title(target) or target
        dialog = NoteDialog(
            title, self.store.note(target), [t for t, _n in self.store.all_tags()], self.window
        )
        dialog.saved.connect(lambda text, tags: self._save_note(target, text, tags))
        dialog.open()
        return dialog

    def _save_note(self, record_id: str, text: str, tags: list[str]) -> None:
        title, kind = self._title(record_id), self._kind(record_id)

        def save() -> None:
            self.store.set_note(record_id, text, title, kind)
            self.store.set_tags(record_id, tags, title, kind)

        if self._guard(save):
            self.window.show_message(_("Note saved"))
        self._sync()

    def _fill_list_menu(self, menu: QMenu, record_id: str | None) -> None:
        menu.clear()
        for rl in self.store.lists():
            action = menu.addAction(rl.name)
            action.triggered.connect(lambda _c=False, lid=rl.id: self.add_to_list(lid, record_id))
        if self.store.lists():
            menu.addSeparator()
        new = menu.addAction(_("New list…"))
        new.triggered.connect(lambda _c=False: self._new_list_with(record_id))

    def _new_list_with(self, record_id: str | None) -> None:
        lid = self.dock.new_list()
        if lid is not None:
            self.add_to_list(lid, record_id)

    def add_to_list(self, list_id: int, record_id: str | None = None) -> None:
        target = self._target(record_id)
        if not target:
            return
        added: list[bool] = []
        if self._guard(
            lambda: added.append(
                self.store.add_to_list(list_id, target, self._title(target), self._kind(target))
            )
        ):
            self.window.show_message(
                _("Added to the list") if added[0] else _("Already in the list")
            )
        self.dock.reload()

    def to_meeting_pack(self, name: str, record_ids: list[str]) -> None:
        """A list becomes the meeting pack (its name becomes the meeting's name)."""
        dialog = self.window.meeting_pack.open()
        if dialog is None:
            return
        dialog.widget.set_records(record_ids)
        dialog.widget.name_edit.setText(name)
        dialog.widget.name_edit.editingFinished.emit()

    # --- history ---------------------------------------------------------------------------

    def show_history(self) -> HistoryDialog:
        from sseref.gui.history_dialog import HistoryDialog

        if self.history_dialog is None:
            self.history_dialog = HistoryDialog(self.store, self.window.db.exists, self.window)
            self.history_dialog.recordActivated.connect(self.open_record)
        self.history_dialog.reload()
        self.history_dialog.show()
        self.history_dialog.raise_()
        return self.history_dialog

    # --- saved searches --------------------------------------------------------------------

    def save_search(self, name: str | None = None) -> int | None:
        query = self.window.search_box.text().strip()
        if not query:
            QMessageBox.information(
                self.window, _("Save this search"), _("Type a search first, then save it.")
            )
            return None
        if name is None:
            name, ok = QInputDialog.getText(
                self.window, _("Save this search"), _("Name:"), text=query
            )
            if not ok:
                return None
        count = None
        if self.window.has_search_panel():
            outcome = self.window.search_panel.outcome
            if outcome is not None and outcome.text.strip() == query:
                count = outcome.total
        saved: list[int] = []
        if self._guard(lambda: saved.append(self.store.save_search(name, query, count))):
            self.window.show_message(_("Search saved"))
            return saved[0]
        return None

    def _fill_saved_menu(self) -> None:
        self.saved_menu.clear()
        searches = self.store.saved_searches()
        if not searches:
            self.saved_menu.addAction(_("No saved search yet")).setEnabled(False)
        for saved in searches:
            count = "" if saved.last_count is None else f" ({number_label(saved.last_count)})"
            action = self.saved_menu.addAction(f"{saved.name}{count}")
            action.setToolTip(saved.query)
            action.triggered.connect(lambda _c=False, s=saved.id: self.run_saved_search(s))
        if searches:
            self.saved_menu.addSeparator()
            forget = self.saved_menu.addMenu(_("Delete a saved search"))
            for saved in searches:
                action = forget.addAction(saved.name)
                action.triggered.connect(lambda _c=False, s=saved.id: self._delete_saved(s))

    def _delete_saved(self, search_id: int) -> None:
        self._guard(lambda: self.store.delete_saved_search(search_id))

    def run_saved_search(self, search_id: int) -> None:
        saved = next((s for s in self.store.saved_searches() if s.id == search_id), None)
        if saved is None:
            return
        self._pending_search = search_id
        self.window.search_box.setText(saved.query)
        self.window.focus_search()
        if self.window.has_search_panel():
            self._search_counted(self.window.search_panel)

    def _search_counted(self, panel: SearchPanel) -> None:
        """The rerun saved search's results arrived: remember its count."""
        outcome = panel.outcome
        if self._pending_search is None or outcome is None:
            return
        saved = next((s for s in self.store.saved_searches() if s.id == self._pending_search), None)
        if saved is not None and outcome.text.strip() == saved.query:
            self._pending_search = None
            self._guard(lambda: self.store.set_search_count(saved.id, outcome.total))

    # --- export and import -----------------------------------------------------------------

    def export_data(self, path: str | None = None) -> bool:
        from sseref.core.userexport import export_file

        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self.window,
                _("Export my data"),
                str(Path.home() / "sseref-my-data.json"),
                _("SSE Ref data (*.json)"),
            )
            if not path:
                return False
        if self._guard(lambda: export_file(self.store, Path(path))):
            self.window.show_message(_("Your data was exported to {path}").format(path=path))
            return True
        return False

    def import_data(self, path: str | None = None) -> str | None:
        from sseref.core.userexport import import_file

        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                self.window, _("Import my data"), str(Path.home()), _("SSE Ref data (*.json)")
            )
            if not path:
                return None
        reports: list[Any] = []
        if not self._guard(lambda: reports.append(import_file(self.store, Path(path)))):
            return None
        summary = str(reports[0].summary())
        QMessageBox.information(self.window, _("Import my data"), summary)
        self._sync()
        return summary

    # --- damaged database ------------------------------------------------------------------

    def tell_about_problems(self) -> QMessageBox | None:
        """Says once, after start-up, that the data file was damaged (and offers the backup)."""
        recovery = self.store.db.recovery
        if self.problem:
            box = QMessageBox(
                QMessageBox.Icon.Warning, _("Your data"), self.problem, parent=self.window
            )
            box.open()
            return box
        if recovery is None:
            return None
        text = _(
            "Your data file was damaged. It was moved to {path} and a new, empty one was started."
        ).format(path=recovery.moved_to)
        box = QMessageBox(QMessageBox.Icon.Warning, _("Your data"), text, parent=self.window)
        box.setObjectName("recoveryBox")
        if recovery.latest_backup is not None:
            box.setInformativeText(
                _("The latest backup is {path}. Restore it?").format(path=recovery.latest_backup)
            )
            restore = box.addButton(_("Restore the backup"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(_("Start empty"), QMessageBox.ButtonRole.RejectRole)
            backup = recovery.latest_backup
            restore.clicked.connect(lambda: self.restore_backup(backup))
        box.open()
        return box

    def restore_backup(self, backup: Path) -> None:
        if self._guard(lambda: self.store.db.restore(backup)):
            self.window.show_message(_("Your data was restored from {path}").format(path=backup))
        self._sync()

    def retranslate(self) -> None:
        for key, action in self.actions.items():
            action.setText(_(TEXTS[key]))
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            plain = action.text().replace("&", "").rstrip("…")
            action.setToolTip(f"{plain} ({keys})" if keys else plain)
        self.menu.setTitle(_("&Personal"))
        self.list_menu.setTitle(_("&Add to list"))
        self.saved_menu.setTitle(_("Sa&ved searches"))
        self.strip.retranslate()
        self.dock.retranslate()
        if self.history_dialog is not None:
            self.history_dialog.retranslate()


def _whole(record_id: str) -> str:
    """A record's id as stored: a document's passage ("mydoc:<sha>#3") is the document."""
    if record_id.startswith(vocab.MY_DOCUMENT_PREFIX):
        return record_id.partition("#")[0]
    return record_id
