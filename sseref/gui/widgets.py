"""Small reusable controls for filter bars: labelled choice boxes and a year range."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from sseref.core.i18n import _, current_language

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent

Choices = Callable[[], list[tuple[str, str]]]


class SearchBox(QLineEdit):
    """A line edit that first offers its key presses to `key_handler` (True: handled there).

    An override rather than an event filter: only key presses reach Python, not every event.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key_handler: Callable[[QKeyEvent], bool] | None = None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        if self.key_handler is not None and self.key_handler(event):
            event.accept()
            return
        super().keyPressEvent(event)


class FilterCombo(QComboBox):
    """A drop-down of (key, label) choices after an "all" entry; labels rebuilt on retranslate."""

    changed = Signal()

    def __init__(
        self, all_label: str, choices: Choices, accessible: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._all_label = all_label  # N_-marked
        self._accessible = accessible  # N_-marked
        self._choices = choices
        self._filled_in: str | None = None  # the language the entries are written in
        # Long labels must not widen the panel: the box stays compact, its list shows them.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(9)
        self.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.retranslate()

    def showPopup(self) -> None:  # noqa: N802 (Qt name)
        # Asking for view() creates the popup: done when it first opens, not with the panel.
        self.view().setMinimumWidth(280)
        super().showPopup()

    def value(self) -> str | None:
        data = self.currentData()
        return str(data) if data else None

    def set_value(self, key: str | None) -> None:
        index = self.findData(key) if key else 0
        self.setCurrentIndex(max(0, index))

    def retranslate(self) -> None:
        if self._filled_in == current_language():
            return  # the panel retranslates its combos right after building them
        self._filled_in = current_language()
        current = self.value()
        self.blockSignals(True)
        self.clear()
        self.addItem(_(self._all_label), None)
        for key, text in self._choices():
            self.addItem(text, key)
        self.set_value(current)
        self.blockSignals(False)
        self.setAccessibleName(_(self._accessible))
        self.setToolTip(_(self._accessible))
        # Wide enough for the "all" entry in this language ("Todas las regiones"), within reason.
        self.setMinimumContentsLength(max(9, min(len(self.itemText(0)), 26)))


class YearRange(QWidget):
    """Two year boxes, from and to, bounded by the years the data has."""

    changed = Signal()

    def __init__(self, span: tuple[int, int] | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lo, hi = span or (1900, 2100)
        self._span = (lo, hi)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.start = QSpinBox()
        self.end = QSpinBox()
        self.dash = QLabel("–")
        for box, value in ((self.start, lo), (self.end, hi)):
            box.setRange(lo, hi)
            box.setValue(value)
            box.setKeyboardTracking(False)
            box.valueChanged.connect(lambda _v: self.changed.emit())
        for widget in (self.label, self.start, self.dash, self.end):
            layout.addWidget(widget)
        self.label.setBuddy(self.start)
        self.retranslate()

    def bounds(self) -> tuple[int | None, int | None]:
        """The chosen range; an end left at the data's limit does not filter."""
        lo, hi = self._span
        start, end = self.start.value(), self.end.value()
        return (start if start > lo else None, end if end < hi else None)

    def set_range(self, start: int, end: int) -> None:
        self.start.setValue(start)
        self.end.setValue(end)

    def reset(self) -> None:
        self.set_range(*self._span)

    def retranslate(self) -> None:
        self.label.setText(_("Years"))
        self.start.setAccessibleName(_("From year"))
        self.end.setAccessibleName(_("To year"))


class FlowLayout(QLayout):
    """Lays widgets out left to right and wraps them onto new lines (facet chips)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() and line > 0:
                x, y, line = rect.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y()
