"""The record page's find bar (Ctrl+F): a text box, previous/next buttons and a close button."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QToolButton, QWidget

from sseref.core.i18n import _

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent


class FindEdit(QLineEdit):
    """Enter finds the next match, Shift+Enter the previous one, Escape closes the bar."""

    def __init__(self, bar: FindBar) -> None:
        super().__init__(bar)
        self.bar = bar

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            backward = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.bar.findRequested.emit(self.text(), backward)
            return
        if key == Qt.Key.Key_Escape:
            self.bar.close_bar()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """Finds text in the page it sits under; typing finds as you type."""

    findRequested = Signal(str, bool)  # (text, backward)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = FindEdit(self)
        self.edit.setClearButtonEnabled(True)
        self.previous = QToolButton()
        self.next = QToolButton()
        self.close_button = QToolButton()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 4)
        layout.addWidget(self.edit, 1)
        for button in (self.previous, self.next, self.close_button):
            layout.addWidget(button)
        self.edit.textChanged.connect(lambda text: self.findRequested.emit(text, False))
        self.next.clicked.connect(lambda: self.findRequested.emit(self.edit.text(), False))
        self.previous.clicked.connect(lambda: self.findRequested.emit(self.edit.text(), True))
        self.close_button.clicked.connect(self.close_bar)
        self.retranslate()

    def close_bar(self) -> None:
        """Hides the bar and gives the focus back to the page."""
        self.hide()
        parent = self.parentWidget()
        if parent is not None:
            parent.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_found(self, found: bool) -> None:
        """A text with no match is marked in the box (and said in the status bar)."""
        self.edit.setProperty("notFound", not found and bool(self.edit.text()))
        self.edit.setToolTip("" if found else _("Not found"))

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(_("Find in page…"))
        self.edit.setAccessibleName(_("Find in page"))
        self.previous.setText("↑")
        self.next.setText("↓")
        self.close_button.setText("✕")
        self.previous.setAccessibleName(_("Previous match"))
        self.next.setAccessibleName(_("Next match"))
        self.close_button.setAccessibleName(_("Close the find bar"))
        for button in (self.previous, self.next, self.close_button):
            button.setToolTip(button.accessibleName())
