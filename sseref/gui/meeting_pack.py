"""The meeting pack: collect records, reorder and remove them, name the meeting, then preview,
print or export them as one PDF with a cover and a table of contents.

`MeetingPackWidget` can sit in a dock or a dialog (`MeetingPackDialog`). The window adds records
with `add_records()` ("Add to meeting pack" on a record or a search result) or replaces the pack
with a search's results through `set_records()`. Every change is saved at once.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sseref.core import vocab
from sseref.core.db import Database
from sseref.core.i18n import LANGUAGES, _, current_language
from sseref.core.userdata import MeetingPack, MeetingPackStore, UserDataError
from sseref.gui import printing
from sseref.gui.print_options import fill_second_languages
from sseref.report.paper import Paper

ID_ROLE = Qt.ItemDataRole.UserRole


class MeetingPackWidget(QWidget):
    """Lists the pack's records and offers reorder, remove, name, preview, print and export."""

    packChanged = Signal()

    def __init__(
        self, db: Database, store: MeetingPackStore | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.store = store or MeetingPackStore()
        self.pack, problem = self.store.load_or_empty()
        self._build()
        self._refresh()
        self.problem = problem  # a damaged pack file: said once the widget is shown

    # --- construction ----------------------------------------------------------------------

    def _build(self) -> None:
        self.name_edit = QLineEdit(self.pack.meeting_name)
        self.name_edit.editingFinished.connect(self._name_changed)

        self.list = QListWidget()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.model().rowsMoved.connect(self._order_from_list)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)

        self.up_button = QPushButton()
        self.down_button = QPushButton()
        self.remove_button = QPushButton()
        self.clear_button = QPushButton()
        self.up_button.clicked.connect(lambda: self._move_selected(-1))
        self.down_button.clicked.connect(lambda: self._move_selected(1))
        self.remove_button.clicked.connect(self.remove_selected)
        self.clear_button.clicked.connect(self.clear)
        edit_row = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button, self.clear_button):
            edit_row.addWidget(button)
        edit_row.addStretch(1)

        self.lang_combo = QComboBox()
        self.bilingual_combo = QComboBox()
        self.bilingual_combo.addItem("", None)
        for code in LANGUAGES:
            self.lang_combo.addItem("", code)
            self.bilingual_combo.addItem("", code)
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(current_language())))
        self.paper_combo = QComboBox()
        self.paper_combo.addItem("A4", Paper.A4)
        self.paper_combo.addItem("", Paper.LETTER)
        self.paper_combo.setCurrentIndex(self.paper_combo.findData(printing.default_paper()))
        self.form_labels = [QLabel() for _row in range(4)]
        options = QFormLayout()
        for label, field in zip(
            self.form_labels,
            (self.name_edit, self.lang_combo, self.bilingual_combo, self.paper_combo),
            strict=True,
        ):
            label.setBuddy(field)
            options.addRow(label, field)

        self.preview_button = QPushButton()
        self.print_button = QPushButton()
        self.export_button = QPushButton()
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_pack)
        self.export_button.clicked.connect(self.export)
        out_row = QHBoxLayout()
        out_row.addStretch(1)
        for button in (self.preview_button, self.print_button, self.export_button):
            out_row.addWidget(button)

        self.lang_combo.currentIndexChanged.connect(lambda _index: self._refresh())
        # The second language is never the first one (a sheet beside itself).
        self.lang_combo.currentIndexChanged.connect(
            lambda _index: fill_second_languages(self.bilingual_combo, self._lang())
        )
        fill_second_languages(self.bilingual_combo, self._lang())

        layout = QVBoxLayout(self)
        layout.addLayout(options)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.list, 1)
        layout.addLayout(edit_row)
        layout.addLayout(out_row)
        self._retranslate_controls()

    def retranslate(self) -> None:
        """The interface language changed while the pack is open (its window is modeless)."""
        self._retranslate_controls()
        self._refresh([item.data(ID_ROLE) for item in self.list.selectedItems()])

    def _retranslate_controls(self) -> None:
        self.name_edit.setPlaceholderText(_("Meeting name (optional)"))
        self.empty_label.setText(
            _(
                "The meeting pack is empty. Use “Add to meeting pack” on a "
                "record or on search results."
            )
        )
        for button, text in (
            (self.up_button, _("Move up")),
            (self.down_button, _("Move down")),
            (self.remove_button, _("Remove")),
            (self.clear_button, _("Clear")),
            (self.preview_button, _("Print preview…")),
            (self.print_button, _("Print…")),
            (self.export_button, _("Export PDF…")),
        ):
            button.setText(text)
        self.bilingual_combo.setItemText(0, _("None"))
        for index, code in enumerate(LANGUAGES):
            label = _(vocab.LANGUAGE_NAMES[code])
            self.lang_combo.setItemText(index, label)
            self.bilingual_combo.setItemText(index + 1, label)
        self.paper_combo.setItemText(self.paper_combo.findData(Paper.LETTER), _("US Letter"))
        for form_label, text in zip(
            self.form_labels,
            (_("Meeting:"), _("Language:"), _("Second language:"), _("Paper:")),
            strict=True,
        ):
            form_label.setText(text)

    # --- the pack --------------------------------------------------------------------------

    def reload(self) -> None:
        """Reads the stored pack again (another part of the window added records)."""
        pack, problem = self.store.load_or_empty()
        if problem is None:
            self.pack = pack
            self.name_edit.setText(pack.meeting_name)
            self._refresh()
            self.packChanged.emit()

    def set_language(self, lang: str) -> None:
        index = self.lang_combo.findData(lang)
        if index >= 0:
            self.lang_combo.setCurrentIndex(index)
            self._refresh()

    def record_ids(self) -> list[str]:
        return list(self.pack.record_ids)

    def add_records(self, record_ids: Sequence[str]) -> int:
        """Appends records not yet in the pack; returns how many were added."""
        added = self.pack.add(*(i for i in record_ids if self.db.exists(i)))
        if added:
            self._changed()
        return added

    def set_records(self, record_ids: Sequence[str]) -> None:
        """Makes the pack hold exactly these records (a pack from a search's results)."""
        self.pack.clear()
        self.pack.add(*(i for i in record_ids if self.db.exists(i)))
        self._changed()

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.pack.remove(item.data(ID_ROLE))
        self._changed()

    def clear(self) -> None:
        self.pack.clear()
        self._changed()

    def _move_selected(self, offset: int) -> None:
        selected = [item.data(ID_ROLE) for item in self.list.selectedItems()]
        ordered = sorted(selected, key=self.pack.record_ids.index, reverse=offset > 0)
        for record_id in ordered:
            self.pack.move(record_id, offset)
        self._changed(select=selected)

    def _order_from_list(self, *args: object) -> None:
        del args
        self.pack.record_ids = [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())]
        self._save()
        self.packChanged.emit()

    def _name_changed(self) -> None:
        name = self.name_edit.text().strip()
        if name != self.pack.meeting_name:
            self.pack.meeting_name = name
            self._save()

    def _changed(self, select: Sequence[str] = ()) -> None:
        self._save()
        self._refresh(select)
        self.packChanged.emit()

    def _save(self) -> None:
        try:
            self.store.save(self.pack)
        except UserDataError as exc:
            QMessageBox.warning(self, _("Meeting pack"), str(exc))

    def _refresh(self, select: Sequence[str] = ()) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        lang = self._lang()
        rows = {row.id: row for row in self.db.rows(self.pack.record_ids, lang)}
        for record_id in self.pack.record_ids:
            row = rows.get(record_id)
            if row is None:
                text = _("{id} (no longer in the data)").format(id=record_id)
            else:
                kind = _(vocab.KIND_LABELS.get(row.kind, row.kind))
                text = f"{row.title}" + (f" ({row.acronym})" if row.acronym else "")
                text += f" — {kind}"
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, record_id)
            self.list.addItem(item)
            item.setSelected(record_id in select)
        self.list.blockSignals(False)
        empty = not self.pack.record_ids
        self.empty_label.setVisible(empty)
        for button in (
            self.preview_button,
            self.print_button,
            self.export_button,
            self.clear_button,
        ):
            button.setEnabled(not empty)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_selection = bool(self.list.selectedItems())
        for button in (self.up_button, self.down_button, self.remove_button):
            button.setEnabled(has_selection)

    # --- output ----------------------------------------------------------------------------

    def _lang(self) -> str:
        return self.lang_combo.currentData() or current_language()

    def options(self) -> dict[str, object]:
        """The keyword arguments the printing functions take for this pack."""
        self._name_changed()
        return {
            "paper": self.paper_combo.currentData(),
            "bilingual": self.bilingual_combo.currentData(),
            "meeting_name": self.pack.meeting_name or None,
        }

    def _printable(self) -> list[str]:
        return [i for i in self.pack.record_ids if self.db.exists(i)]

    def preview(self) -> None:
        if self._printable():
            printing.print_preview(self, self.db, self._printable(), self._lang(), **self.options())  # type: ignore[arg-type]

    def print_pack(self) -> None:
        if self._printable():
            printing.print_records(self, self.db, self._printable(), self._lang(), **self.options())  # type: ignore[arg-type]

    def export(self) -> None:
        if self._printable():
            printing.export_pdf(self, self.db, self._printable(), self._lang(), **self.options())  # type: ignore[arg-type]

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().showEvent(event)
        if self.problem:
            problem, self.problem = self.problem, None
            QMessageBox.warning(self, _("Meeting pack"), problem)


class MeetingPackDialog(QDialog):
    """The meeting pack in its own window (File → Meeting pack…)."""

    def __init__(
        self, db: Database, store: MeetingPackStore | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.widget = MeetingPackWidget(db, store, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.widget)
        layout.addWidget(buttons)
        self.resize(560, 520)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Meeting pack"))
        self.widget.retranslate()


def add_to_meeting_pack(
    parent: QWidget | None,
    db: Database,
    record_ids: str | Sequence[str],
    store: MeetingPackStore | None = None,
) -> int:
    """Adds records to the stored pack ("Add to meeting pack" on a record or search results).

    Returns how many records were added; the window's pack window (gui.print_hooks) reloads.
    """
    ids = [record_ids] if isinstance(record_ids, str) else list(record_ids)
    store = store or MeetingPackStore()
    pack, problem = store.load_or_empty()
    if problem and parent is not None:
        QMessageBox.warning(parent, _("Meeting pack"), problem)
    added = pack.add(*(i for i in ids if db.exists(i)))
    if added:
        try:
            store.save(pack)
        except UserDataError as exc:
            if parent is not None:
                QMessageBox.warning(parent, _("Meeting pack"), str(exc))
            return 0
    return added


__all__ = [
    "MeetingPack",
    "MeetingPackDialog",
    "MeetingPackWidget",
    "add_to_meeting_pack",
]
