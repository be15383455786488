"""The search results list: one row per hit in the engine's order, the kind shown on each row."""

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
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from sseref.core.i18n import _, current_language
from sseref.gui.labels import date_label, kind_label
from sseref.gui.models import ID_ROLE
from sseref.gui.search_worker import ResultRow
from sseref.report.render import Markup, fragment

HTML_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ROLE = Qt.ItemDataRole.UserRole + 3
LINES_PER_ROW = 3  # title; kind · date and the snippet on two lines
PAD = 4
Index = QModelIndex | QPersistentModelIndex


_ROW = (
    "<b>{{ title }}</b><br>"
    "<span{% if muted %} style='color:{{ muted }}'{% endif %}>{{ meta }}</span>"
    "{% if snippet %} — {{ snippet }}{% endif %}"
)


class SearchResultsModel(QAbstractListModel):
    """Rows in the engine's order (row 0 is the engine's first hit, the one Enter opens).

    A row's snippet is computed the first time the row is drawn, never for rows not shown.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[ResultRow] = []
        self._snippets: dict[int, str] = {}

    def set_hits(self, hits: list[ResultRow]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self._snippets = {}
        self.endResetModel()

    def hits(self) -> list[ResultRow]:
        return list(self._hits)

    def hit_rows(self) -> list[int]:
        return list(range(len(self._hits)))

    def snippets_made(self) -> int:
        """How many rows' snippets were computed (the painted ones)."""
        return len(self._snippets)

    def snippet(self, row: int) -> str:
        if row not in self._snippets:
            self._snippets[row] = self._hits[row].snippet_html()
        return self._snippets[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{hit.title}, {kind_label(hit.kind)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.id
        if role == ID_ROLE:
            return hit.id
        if role == KIND_ROLE:
            return hit.kind
        if role == HTML_ROLE:
            return self.row_html(index.row())
        return None

    def meta_text(self, row: int) -> str:
        """ "Document · 30 Aug – 12 Sept 1978": the kind and the date in the interface language."""
        hit = self._hits[row]
        parts = [kind_label(hit.kind)]
        if hit.date:
            parts.append(date_label(hit.date, current_language()))
        return " · ".join(parts)

    def row_html(self, row: int, muted: str = "", title: str | None = None) -> str:
        """The row's rich text; `title` is the title as drawn (elided to one line)."""
        hit = self._hits[row]
        return str(
            fragment(
                _ROW,
                title=hit.title if title is None else title,
                muted=muted,
                meta=self.meta_text(row),
                # The search layer escapes snippets and adds only <b>: already HTML.
                snippet=Markup(self.snippet(row)),
            )
        )


def row_colors(option: QStyleOptionViewItem) -> tuple[QColor, QColor, QColor]:
    """(background, text, secondary text) of a row, from the palette group the view is in.

    The text and its background come from the same group (active or inactive), so the current
    row keeps its contrast whether the list or the search box has the keyboard.
    """
    palette = option.palette
    state = option.state
    if not state & QStyle.StateFlag.State_Enabled:
        group = QPalette.ColorGroup.Disabled
    elif state & QStyle.StateFlag.State_Active:
        group = QPalette.ColorGroup.Active
    else:
        group = QPalette.ColorGroup.Inactive
    if state & QStyle.StateFlag.State_Selected:
        text = palette.color(group, QPalette.ColorRole.HighlightedText)
        return palette.color(group, QPalette.ColorRole.Highlight), text, text
    return (
        palette.color(group, QPalette.ColorRole.Base),
        palette.color(group, QPalette.ColorRole.Text),
        palette.color(group, QPalette.ColorRole.PlaceholderText),
    )


class HtmlDelegate(QStyledItemDelegate):
    """Draws a row: bold title, then the kind, date and snippet; rows are all one height."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._heights: dict[str, int] = {}  # font key → height of a row's lines

    def _document(self, option: QStyleOptionViewItem, html: str) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(0)
        doc.setHtml(html)
        doc.setTextWidth(max(100, option.rect.width() - 3 * PAD))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        background, text, muted = row_colors(opt)
        painter.save()
        painter.fillRect(opt.rect, background)
        if opt.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(text)
            painter.drawRect(opt.rect.adjusted(0, 0, -1, -1))
        model = index.model()
        width = max(100, opt.rect.width() - 3 * PAD)
        if isinstance(model, SearchResultsModel):
            # The title on one line (elided), so the kind, date and snippet keep two lines.
            bold = QFont(opt.font)
            bold.setBold(True)
            title = QFontMetrics(bold).elidedText(
                str(index.data()), Qt.TextElideMode.ElideRight, width
            )
            html = model.row_html(index.row(), muted.name(), title)
        else:
            html = str(index.data(HTML_ROLE) or "")
        doc = self._document(opt, html)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, text)
        painter.translate(opt.rect.left() + 2 * PAD, opt.rect.top() + PAD)
        # Whole lines only: a line cut through its middle reads as noise.
        painter.setClipRect(QRectF(0, 0, width, self._lines_height(opt.font)))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def _lines_height(self, font: QFont) -> int:
        """The height of LINES_PER_ROW lines of rich text (a bold first one) in `font`."""
        key = font.key()
        if key not in self._heights:
            doc = QTextDocument()
            doc.setDefaultFont(font)
            doc.setDocumentMargin(0)
            doc.setHtml("<b>Ág</b>" + "<br>Ág" * (LINES_PER_ROW - 1))
            self._heights[key] = int(doc.size().height()) + 1
        return self._heights[key]

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        # One height for every row (the view asks only once): no row is laid out, and no
        # snippet computed, before it is painted.
        return QSize(option.rect.width() or 400, self._lines_height(option.font) + 2 * PAD)


def no_results_text(query: str) -> str:
    return _("No results for “{query}”.").format(query=query)
