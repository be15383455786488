"""Before a record's fact sheet is previewed, printed or exported: its language(s) and paper."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QWidget,
)

from sseref.core import vocab
from sseref.core.i18n import LANGUAGES, _, current_language
from sseref.report.paper import Paper


def fill_second_languages(combo: QComboBox, first: str) -> None:
    """The second-language list never offers the first language (a sheet beside itself)."""
    from PySide6.QtGui import QStandardItemModel

    model = combo.model()
    for index in range(combo.count()):
        code = combo.itemData(index)
        if isinstance(model, QStandardItemModel):
            item = model.item(index)
            if item is not None:
                item.setEnabled(code != first)
    if combo.currentData() == first:
        combo.setCurrentIndex(0)


class PrintOptionsDialog(QDialog):
    """Language, optional second language side by side, and paper, like the meeting pack's."""

    def __init__(
        self, title: str, paper: Paper, parent: QWidget | None = None, *, has_note: bool = False
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.lang_combo = QComboBox()
        self.second_combo = QComboBox()
        self.second_combo.addItem(_("None"), None)
        for code in LANGUAGES:
            label = _(vocab.LANGUAGE_NAMES[code])
            self.lang_combo.addItem(label, code)
            self.second_combo.addItem(label, code)
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(current_language())))
        self.paper_combo = QComboBox()
        self.paper_combo.addItem("A4", Paper.A4)
        self.paper_combo.addItem(_("US Letter"), Paper.LETTER)
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(paper)))
        self.lang_combo.currentIndexChanged.connect(
            lambda _i: fill_second_languages(self.second_combo, self.language())
        )
        fill_second_languages(self.second_combo, self.language())
        form = QFormLayout(self)
        form.addRow(_("Language:"), self.lang_combo)
        form.addRow(_("Second language:"), self.second_combo)
        form.addRow(_("Paper:"), self.paper_combo)
        # The user's own note on the record (issue 19): offered when there is one, off by default.
        self.note_check = QCheckBox(_("Include my note"))
        self.note_check.setVisible(has_note)
        if has_note:
            form.addRow("", self.note_check)
        for label, combo in (
            (_("Language:"), self.lang_combo),
            (_("Second language:"), self.second_combo),
            (_("Paper:"), self.paper_combo),
        ):
            combo.setAccessibleName(label.rstrip(":").strip())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def language(self) -> str:
        return str(self.lang_combo.currentData() or current_language())

    def options(self) -> dict[str, object]:
        """The keyword arguments the printing functions take."""
        options: dict[str, object] = {
            "paper": self.paper_combo.currentData(),
            "bilingual": self.second_combo.currentData(),
        }
        if self.note_check.isChecked():
            options["with_note"] = True  # turned into the note itself by the window
        return options
