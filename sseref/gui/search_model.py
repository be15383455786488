"""The search results list: hits grouped by kind under header rows, drawn with their snippets."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from sseref.core import vocab
from sseref.core.i18n import _
from sseref.gui.labels import kind_plural
from sseref.gui.models import ID_ROLE
from sseref.gui.search_worker import ResultRow

HTML_ROLE = Qt.ItemDataRole.UserRole + 2
HEADER_ROLE = Qt.ItemDataRole.UserRole + 3
Index = QModelIndex | QPersistentModelIndex


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class SearchResultsModel(QAbstractListModel):
    """Flat rows: a header per kind followed by that kind's hits (headers are not selectable)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, Any]] = []

    def set_hits(self, hits: list[ResultRow]) -> None:
        self.beginResetModel()
        self._rows = []
        order = list(vocab.KINDS)
        by_kind: dict[str, list[ResultRow]] = {}
        for hit in hits:
            by_kind.setdefault(hit.kind, []).append(hit)
        for kind in sorted(by_kind, key=lambda k: order.index(k) if k in order else 99):
            self._rows.append(("header", (kind, len(by_kind[kind]))))
            self._rows += [("hit", hit) for hit in by_kind[kind]]
        self.endResetModel()

    def hit_rows(self) -> list[int]:
        return [i for i, (what, _v) in enumerate(self._rows) if what == "hit"]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()][0] == "header":
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        what, value = self._rows[index.row()]
        if what == "header":
            kind, count = value
            text = f"{kind_plural(kind)} ({count})"
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return text
            if role == HTML_ROLE:
                return f"<b>{_escape(text.upper())}</b>"
            if role == HEADER_ROLE:
                return True
            return None
        hit: ResultRow = value
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return hit.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.id
        if role == ID_ROLE:
            return hit.id
        if role == HEADER_ROLE:
            return False
        if role == HTML_ROLE:
            date = f" <span style='color:gray'>· {_escape(hit.date)}</span>" if hit.date else ""
            snippet = f"<br><span>{hit.snippet}</span>" if hit.snippet else ""
            return f"<b>{_escape(hit.title)}</b>{date}{snippet}"
        return None


class HtmlDelegate(QStyledItemDelegate):
    """Draws a row's small HTML (title, date, snippet with highlighted hits)."""

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(str(index.data(HTML_ROLE) or ""))
        doc.setTextWidth(max(100, option.rect.width() - 12))
        return doc

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.left() + 6, option.rect.top() + 3)
        painter.setClipRect(QRectF(0, 0, option.rect.width() - 6, option.rect.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:  # noqa: N802
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 6)


def no_results_text(query: str) -> str:
    return _("No results for “{query}”.").format(query=query)
