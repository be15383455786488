"""The "Lists" panel: favourites and named reading lists, reordered by drag and drop.

A list can become the meeting pack in one click. Records that a later data version dropped stay
in the lists, shown with their last known title and "record no longer in the data".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sseref.core.i18n import _
from sseref.core.userdata import UserDataError
from sseref.core.userstore import UserRecord, UserStore

ID_ROLE = Qt.ItemDataRole.UserRole
FAVOURITES = -1  # the combo's data for the favourites pseudo-list


def missing_label(title: str) -> str:
    return _("{title} — record no longer in the data").format(title=title)


class RecordList(QListWidget):
    """The records of one list; Enter opens the current one."""

    openRequested = Signal(str)
    removeRequested = Signal()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self.openRequested.emit(self.currentItem().data(ID_ROLE))
            return
        if event.key() == Qt.Key.Key_Delete and self.currentItem():
            self.removeRequested.emit()
            return
        super().keyPressEvent(event)


class ListsPanel(QDockWidget):
    """A dock with a list chooser (favourites first), the list's records and its commands."""

    recordActivated = Signal(str)
    toMeetingPack = Signal(str, list)  # (name, record ids)

    def __init__(
        self,
        store: UserStore,
        exists: Callable[[str], bool],
        title_of: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("listsPanel")
        self.store = store
        self.exists = exists
        self.title_of = title_of
        self.chooser = QComboBox()
        self.chooser.currentIndexChanged.connect(lambda _i: self.show_items())
        self.items = RecordList()
        self.items.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.items.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.items.model().rowsMoved.connect(self._order_from_view)
        self.items.itemActivated.connect(lambda item: self.recordActivated.emit(item.data(ID_ROLE)))
        self.items.openRequested.connect(self.recordActivated)
        self.items.removeRequested.connect(self.remove_selected)
        self.new_button = QPushButton()
        self.rename_button = QPushButton()
        self.delete_button = QPushButton()
        self.remove_button = QPushButton()
        self.pack_button = QPushButton()
        self.new_button.clicked.connect(lambda: self.new_list())
        self.rename_button.clicked.connect(self.rename_list)
        self.delete_button.clicked.connect(self.delete_list)
        self.remove_button.clicked.connect(self.remove_selected)
        self.pack_button.clicked.connect(self.make_meeting_pack)
        top = QHBoxLayout()
        top.addWidget(self.chooser, 1)
        top.addWidget(self.new_button)
        row = QHBoxLayout()
        for button in (self.rename_button, self.delete_button, self.remove_button):
            row.addWidget(button)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addWidget(self.items, 1)
        layout.addLayout(row)
        layout.addWidget(self.pack_button)
        self.setWidget(body)
        self.retranslate()
        self.reload()

    # --- content ---------------------------------------------------------------------------

    def current_list(self) -> int:
        data = self.chooser.currentData()
        return FAVOURITES if data is None else int(data)

    def reload(self, select: int | None = None) -> None:
        """Reads the lists again (something changed elsewhere), keeping the chosen one."""
        keep = self.current_list() if select is None else select
        self.chooser.blockSignals(True)
        self.chooser.clear()
        self.chooser.addItem(
            _("★ Favourites ({n})").format(n=len(self.store.favourites())), FAVOURITES
        )
        for rl in self.store.lists():
            self.chooser.addItem(f"{rl.name} ({rl.count})", rl.id)
        self.chooser.setCurrentIndex(max(0, self.chooser.findData(keep)))
        self.chooser.blockSignals(False)
        self.show_items()

    def records(self) -> list[UserRecord]:
        lid = self.current_list()
        return self.store.favourites() if lid == FAVOURITES else self.store.list_items(lid)

    def list_name(self) -> str:
        lid = self.current_list()
        if lid == FAVOURITES:
            return _("Favourites")
        return next((rl.name for rl in self.store.lists() if rl.id == lid), "")

    def record_ids(self) -> list[str]:
        return [self.items.item(i).data(ID_ROLE) for i in range(self.items.count())]

    def show_items(self) -> None:
        self.items.clear()
        favourites = self.current_list() == FAVOURITES
        for record in self.records():
            if self.exists(record.id):
                text = self.title_of(record.id) or record.title or record.id
            else:
                text = missing_label(record.title or record.id)
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, record.id)
            item.setToolTip(record.id)
            if not self.exists(record.id):
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
            self.items.addItem(item)
        # Favourites are in the order they were starred; named lists are ordered by hand.
        self.items.setDragEnabled(not favourites)
        self.rename_button.setEnabled(not favourites)
        self.delete_button.setEnabled(not favourites)

    def _order_from_view(self, *_args: object) -> None:
        lid = self.current_list()
        if lid != FAVOURITES:
            self._guard(lambda: self.store.reorder_list(lid, self.record_ids()))

    # --- commands --------------------------------------------------------------------------

    def _guard(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except UserDataError as exc:
            QMessageBox.warning(self, _("Lists"), str(exc))
            return False
        return True

    def new_list(self, name: str | None = None) -> int | None:
        if name is None:
            name, ok = QInputDialog.getText(self, _("New list"), _("Name of the new list:"))
            if not ok:
                return None
        created: list[int] = []
        if self._guard(lambda: created.append(self.store.create_list(name))):
            self.reload(select=created[0])
            return created[0]
        return None

    def rename_list(self) -> None:
        lid = self.current_list()
        if lid == FAVOURITES:
            return
        name, ok = QInputDialog.getText(
            self, _("Rename list"), _("New name:"), text=self.list_name()
        )
        if ok and self._guard(lambda: self.store.rename_list(lid, name)):
            self.reload()

    def delete_list(self) -> None:
        lid = self.current_list()
        if lid == FAVOURITES:
            return
        answer = QMessageBox.question(
            self,
            _("Delete list"),
            _("Delete the list “{name}”? The records stay in the data.").format(
                name=self.list_name()
            ),
        )
        if answer == QMessageBox.StandardButton.Yes and self._guard(
            lambda: self.store.delete_list(lid)
        ):
            self.reload(select=FAVOURITES)

    def remove_selected(self) -> None:
        lid = self.current_list()
        for item in self.items.selectedItems() or [self.items.currentItem()]:
            if item is None:
                continue
            rid = str(item.data(ID_ROLE))
            if lid == FAVOURITES:
                self._guard(lambda r=rid: self.store.set_favourite(r, False))  # type: ignore[misc]
            else:
                self._guard(lambda r=rid: self.store.remove_from_list(lid, r))  # type: ignore[misc]
        self.reload()

    def make_meeting_pack(self) -> None:
        ids = [i for i in self.record_ids() if self.exists(i)]
        self.toMeetingPack.emit(self.list_name(), ids)

    def retranslate(self) -> None:
        self.setWindowTitle(_("Lists"))
        self.chooser.setAccessibleName(_("List"))
        self.items.setAccessibleName(_("Records in the list"))
        self.new_button.setText(_("New list…"))
        self.rename_button.setText(_("Rename…"))
        self.delete_button.setText(_("Delete list"))
        self.remove_button.setText(_("Remove"))
        self.pack_button.setText(_("Make this list the meeting pack"))
        self.reload()
