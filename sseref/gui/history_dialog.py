"""The history window: every record opened, by day, searchable; entries deletable one or all."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sseref.core.i18n import _, current_language
from sseref.core.userdata import UserDataError
from sseref.core.userstore import UserStore
from sseref.gui.labels import date_label
from sseref.gui.lists_panel import missing_label

ID_ROLE = Qt.ItemDataRole.UserRole
VISIT_ROLE = Qt.ItemDataRole.UserRole + 1
ALL_DAYS = ""


def local_clock(stamp: str) -> str:
    """The local time (HH:MM) of a stored UTC timestamp."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    return moment.astimezone().strftime("%H:%M")


class HistoryDialog(QDialog):
    """Days on the left ("All days" first), the day's visits on the right, newest first."""

    recordActivated = Signal(str)

    def __init__(
        self,
        store: UserStore,
        exists: Callable[[str], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.store = store
        self.exists = exists
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.show_visits())
        self.days = QListWidget()
        self.days.currentRowChanged.connect(lambda _r: self.show_visits())
        self.visits = QListWidget()
        self.visits.itemActivated.connect(self._open)
        self.delete_button = QPushButton()
        self.clear_button = QPushButton()
        self.delete_button.clicked.connect(self.delete_selected)
        self.clear_button.clicked.connect(self.clear_all)
        splitter = QSplitter()
        splitter.addWidget(self.days)
        splitter.addWidget(self.visits)
        splitter.setSizes([160, 420])
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.resize(640, 460)
        self.retranslate()

    def reload(self) -> None:
        keep = self.current_day()
        self.days.blockSignals(True)
        self.days.clear()
        total = sum(n for _d, n in self.store.history_days())
        item = QListWidgetItem(_("All days ({n})").format(n=total))
        item.setData(ID_ROLE, ALL_DAYS)
        self.days.addItem(item)
        for day, count in self.store.history_days():
            item = QListWidgetItem(f"{date_label(day, current_language()) or day} ({count})")
            item.setData(ID_ROLE, day)
            self.days.addItem(item)
        row = next(
            (i for i in range(self.days.count()) if self.days.item(i).data(ID_ROLE) == keep), 0
        )
        self.days.setCurrentRow(row)
        self.days.blockSignals(False)
        self.show_visits()

    def current_day(self) -> str:
        item = self.days.currentItem()
        return str(item.data(ID_ROLE)) if item is not None else ALL_DAYS

    def show_visits(self) -> None:
        self.visits.clear()
        day = self.current_day() or None
        for visit in self.store.history(self.search.text(), day):
            clock = local_clock(visit.opened_at)
            when = clock if day else f"{date_label(visit.day, current_language())} {clock}"
            title = visit.record.title or visit.record.id
            if not self.exists(visit.record.id):
                title = missing_label(title)
            item = QListWidgetItem(f"{when}  {title}")
            item.setData(ID_ROLE, visit.record.id)
            item.setData(VISIT_ROLE, visit.id)
            item.setToolTip(visit.record.id)
            self.visits.addItem(item)
        if self.visits.count():
            self.visits.setCurrentRow(0)

    def _open(self, item: QListWidgetItem) -> None:
        self.recordActivated.emit(item.data(ID_ROLE))

    def delete_selected(self) -> None:
        item = self.visits.currentItem()
        if item is None:
            return
        try:
            self.store.delete_visit(int(item.data(VISIT_ROLE)))
        except UserDataError as exc:
            QMessageBox.warning(self, _("History"), str(exc))
        self.reload()

    def clear_all(self, confirm: bool = True) -> None:
        if confirm:
            answer = QMessageBox.question(
                self, _("Clear history"), _("Forget every record you opened?")
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            self.store.clear_history()
        except UserDataError as exc:
            QMessageBox.warning(self, _("History"), str(exc))
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(_("History"))
        self.search.setPlaceholderText(_("Search the history…"))
        self.search.setAccessibleName(_("Search the history"))
        self.days.setAccessibleName(_("Days"))
        self.visits.setAccessibleName(_("Records opened"))
        self.delete_button.setText(_("&Delete entry"))
        self.clear_button.setText(_("C&lear all history…"))
        self.reload()


__all__ = ["HistoryDialog"]
