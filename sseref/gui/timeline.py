"""A zoomable timeline of events: decade bands, theme colors, dates drawn with their precision."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from sseref.core.dateformat import format_spec
from sseref.core.dates import parse_date
from sseref.core.i18n import _
from sseref.gui.theme import LIGHT, Colors

LANE_HEIGHT = 26.0
TOP = 34.0
MIN_PX_PER_YEAR, MAX_PX_PER_YEAR = 0.5, 800.0
LABEL_GAP = 6.0  # between a marker and its label
LANE_GAP = 14.0  # between two events sharing a lane
MAX_LABEL = 320.0  # a longer title is cut with "…" (hover shows it whole)


@dataclass(frozen=True)
class TimelineEvent:
    """One event to draw: where it starts and ends (ISO days), its precision and its themes."""

    id: str
    title: str
    date_label: str
    start: str
    end: str
    precision: str
    is_range: bool
    themes: tuple[str, ...]


def year_fraction(iso_day: str) -> float:
    """`1978-07-02` → 1978.5: a position on the time axis."""
    d = dt.date.fromisoformat(iso_day)
    start = dt.date(d.year, 1, 1)
    days = (dt.date(d.year + 1, 1, 1) - start).days
    return d.year + (d - start).days / days


def theme_color(colors: Colors, themes: tuple[str, ...]) -> str:
    sse, ssc = "sse" in themes, "ssc" in themes
    if sse and ssc:
        return colors.both
    if sse:
        return colors.sse
    if ssc:
        return colors.ssc
    return colors.other


def mini_timeline(
    rows: list[tuple[str, str, str, str, list[str]]],
    titles: dict[str, str],
    current: str,
    colors: Colors,
    width: int,
    font: QFont,
    lang: str,
) -> QImage:
    """The small strip of events a record page shows (`rows` as `Database.timeline` gives
    them, oldest first), the record `current` in the accent colour, in a font a little
    smaller than `font`."""
    height = 40 + 22 * len(rows)
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor(colors.base))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    small = QFont(font)
    small.setPointSizeF(max(7.0, small.pointSizeF() * 0.9))
    painter.setFont(small)
    first = min(year_fraction(parse_date(r[1]).start.first_day()) for r in rows)
    last = max(year_fraction(r[3]) for r in rows)
    span = max(1.0, last - first)
    left, right = 12.0, width * 0.45

    def x_of(year: float) -> float:
        return left + (year - first) / span * (width - left - right)

    painter.setPen(QPen(QColor(colors.muted), 1))
    painter.drawLine(int(left), 24, int(width - right), 24)
    painter.drawText(QRectF(left, 2, 100, 18), str(int(first)))
    if int(last) != int(first):  # one year: not "2016 … 2016"
        painter.drawText(
            QRectF(width - right - 100, 2, 100, 18),
            Qt.AlignmentFlag.AlignRight,
            str(int(last)),
        )
    for i, (rid, text, _precision, end, themes) in enumerate(rows):
        spec = parse_date(text)
        x0, x1 = x_of(year_fraction(spec.start.first_day())), x_of(year_fraction(end))
        y = 34 + 22 * i
        color = QColor(colors.accent if rid == current else theme_color(colors, tuple(themes)))
        painter.setPen(QPen(color, 1))
        painter.setBrush(color)
        painter.drawLine(int(x0), 24, int(x0), y + 6)
        painter.drawRoundedRect(QRectF(x0 - 3, y + 2, max(7.0, x1 - x0 + 6), 8), 3, 3)
        painter.setPen(QColor(colors.text))
        label = f"{format_spec(spec, lang)} — {titles.get(rid, rid)}"
        start = min(x1 + 10, width - right + 10)
        room = int(width - start - 4)
        painter.drawText(
            QRectF(start, y - 2, room, 18),
            painter.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, room),
        )
    painter.end()
    return image


class TimelineView(QGraphicsView):
    """Draws events on a time axis; click or Enter opens one, arrows move, Ctrl+wheel zooms."""

    eventActivated = Signal(str)
    currentChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.colors = LIGHT
        self.px_per_year = 24.0
        self.events: list[TimelineEvent] = []
        self.markers: dict[str, QGraphicsRectItem] = {}
        self._pens: dict[str, QPen] = {}  # each marker's own pen (see _draw_event)
        self._ids: dict[int, str] = {}  # id() of a marker (alive in `markers`) → event id
        self.current: str | None = None
        self._span = (1940, 2030)
        self._fitted = False
        self._whole_range = False  # fit() shows it; a zoom leaves it

    # --- content ---------------------------------------------------------------------------

    def set_events(self, events: list[TimelineEvent]) -> None:
        self.events = events
        if events:
            first = int(min(year_fraction(e.start) for e in events))
            last = int(max(year_fraction(e.end) for e in events)) + 1
            self._span = (first - first % 10, last + (10 - last % 10) % 10)
        if self.current not in {e.id for e in events}:
            self.current = None
        self.relayout()
        if not self._fitted and events and self.viewport().width() > 200:
            self.fit()

    def fit(self) -> None:
        """The whole range in the width of the view (labels near the end go to the left of
        their marker, so nothing runs past the last decade); zoom in from there."""
        first, last = self._span
        room = max(100.0, self.viewport().width() - 24.0)
        self.px_per_year = min(MAX_PX_PER_YEAR, max(MIN_PX_PER_YEAR, room / max(1, last - first)))
        self._fitted = True
        self._whole_range = True
        self.relayout()
        self.horizontalScrollBar().setValue(0)
        self.verticalScrollBar().setValue(0)  # the decade labels stay in view

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._fitted and self.events:
            self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        # Still showing the whole range (not zoomed by the user): keep it fitted to the width.
        if self._whole_range and self.events and event.size().width() != event.oldSize().width():
            self.fit()

    def set_colors(self, colors: Colors) -> None:
        self.colors = colors
        self.relayout()

    def x_of(self, year: float) -> float:
        return (year - self._span[0]) * self.px_per_year + 10

    def relayout(self) -> None:
        scene = self.scene()
        scene.clear()
        self.markers.clear()
        self._pens.clear()
        self._ids.clear()
        self.setBackgroundBrush(QColor(self.colors.base))
        font = QFont(self.font())
        metrics = QFontMetricsF(font)
        axis_end = self.x_of(self._span[1])
        # Each event takes its marker and its label: right of the marker, or left of it when
        # the label would run past the end of the axis. Lanes are given by time (the leftmost
        # occupied span first), so a label never overlaps another event or its label.
        spans: list[tuple[float, float, TimelineEvent, float, float, bool]] = []
        for event in self.events:
            x0 = self.x_of(year_fraction(event.start))
            x1 = max(self.x_of(year_fraction(event.end)), x0 + 6)
            if event.precision == "day" and not event.is_range:
                x1 = x0 + 10
            width = metrics.horizontalAdvance(self._label_text(event, metrics))
            left = x1 + LABEL_GAP + width > axis_end and x0 - LABEL_GAP - width >= 10
            begin = x0 - LABEL_GAP - width if left else x0
            finish = x1 if left else x1 + LABEL_GAP + width
            spans.append((begin, finish, event, x0, x1, left))
        spans.sort(key=lambda s: (s[0], s[1]))
        lanes: list[float] = []
        placed: list[tuple[TimelineEvent, float, float, int, bool]] = []
        for begin, finish, event, x0, x1, left in spans:
            lane = next((i for i, end in enumerate(lanes) if end + LANE_GAP <= begin), len(lanes))
            if lane == len(lanes):
                lanes.append(0.0)
            lanes[lane] = finish
            placed.append((event, x0, x1, lane, left))
        height = TOP + max(1, len(lanes)) * LANE_HEIGHT + 20
        self._draw_bands(height, font)
        for event, x0, x1, lane, left in placed:
            self._draw_event(event, x0, x1, TOP + lane * LANE_HEIGHT + 6, font, left)
        width = max([axis_end, *lanes]) + 20
        scene.setSceneRect(QRectF(0, 0, width, height))
        self._mark_current()

    def _draw_bands(self, height: float, font: QFont) -> None:
        scene = self.scene()
        step = 10 if self.px_per_year >= 2 else 50
        label_every = max(1, math.ceil(48 / (self.px_per_year * step)))
        for i, year in enumerate(range(self._span[0], self._span[1], step)):
            x = self.x_of(year)
            band = scene.addRect(
                QRectF(x, 0, step * self.px_per_year, height),
                QPen(Qt.PenStyle.NoPen),
                QBrush(QColor(self.colors.band if i % 2 else self.colors.band_alt)),
            )
            band.setZValue(-10)
            if i % label_every == 0:
                name = _("{decade}s").format(decade=year) if step == 10 else str(year)
                text = scene.addSimpleText(name, font)
                text.setBrush(QColor(self.colors.muted))
                text.setPos(x + 4, 6)
                text.setZValue(-5)

    @staticmethod
    def _label_text(event: TimelineEvent, metrics: QFontMetricsF) -> str:
        return metrics.elidedText(event.title, Qt.TextElideMode.ElideRight, MAX_LABEL)

    def _draw_event(
        self, event: TimelineEvent, x0: float, x1: float, y: float, font: QFont, left: bool
    ) -> None:
        scene = self.scene()
        color = QColor(theme_color(self.colors, event.themes))
        marker = QGraphicsRectItem(QRectF(0, 0, x1 - x0, 14))
        marker.setPos(x0, y)
        if event.precision == "day" and not event.is_range:
            marker.setBrush(QBrush(color))  # a known day: a solid dot
            marker.setPen(QPen(color.darker(130), 1))
            marker.setRect(QRectF(0, 2, 10, 10))
        elif event.precision == "year" and not event.is_range:
            faded = QColor(color)
            faded.setAlpha(70)  # known only to the year: a pale, dashed bar over the year
            marker.setBrush(QBrush(faded))
            marker.setPen(QPen(color, 1, Qt.PenStyle.DashLine))
        else:
            marker.setBrush(QBrush(color))  # a month or a range: a solid bar
            marker.setPen(QPen(color.darker(130), 1))
        # The event's id and the pen to restore are kept here, not as item data: a value
        # stored with QGraphicsItem.setData makes PySide 6.12 decrement None's reference count
        # when the scene frees its items ("deallocating None" crashes on relayout and at exit).
        self._ids[id(marker)] = event.id
        self._pens[event.id] = QPen(marker.pen())
        tip = f"{event.title}\n{event.date_label}"
        marker.setToolTip(tip)
        marker.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        metrics = QFontMetricsF(font)
        text = self._label_text(event, metrics)
        label = QGraphicsSimpleTextItem(text, marker)
        label.setFont(font)
        label.setBrush(QColor(self.colors.text))
        label.setToolTip(tip)  # hovering the label names the event too, not the view's hint
        top = (14 - metrics.height()) / 2
        if left:
            label.setPos(-LABEL_GAP - metrics.horizontalAdvance(text), top)
        else:
            label.setPos(marker.rect().right() + LABEL_GAP, top)
        scene.addItem(marker)
        self.markers[event.id] = marker

    # --- zoom and navigation ---------------------------------------------------------------

    def zoom_by(self, factor: float, anchor_x: float | None = None) -> None:
        viewport_x = self.viewport().width() / 2 if anchor_x is None else anchor_x
        scene_x = self.mapToScene(int(viewport_x), 0).x()
        year = (scene_x - 10) / self.px_per_year + self._span[0]
        self._whole_range = False
        self.px_per_year = min(MAX_PX_PER_YEAR, max(MIN_PX_PER_YEAR, self.px_per_year * factor))
        self.relayout()
        bar = self.horizontalScrollBar()
        bar.setValue(int(self.x_of(year) - viewport_x))

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1.25 if event.angleDelta().y() > 0 else 0.8, event.position().x())
            event.accept()
            return
        super().wheelEvent(event)

    def event_at(self, pos: QPointF) -> str | None:
        for item in self.items_at(pos):
            while item.parentItem() is not None:
                item = item.parentItem()
            record_id = self._ids.get(id(item))
            if record_id:
                return record_id
        return None

    def items_at(self, pos: QPointF) -> list[QGraphicsItem]:
        return self.items_at_scene(self.mapToScene(pos.toPoint()))

    def items_at_scene(self, point: QPointF) -> list[QGraphicsItem]:
        return self.scene().items(point)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        record_id = self.event_at(event.position())
        if record_id and event.button() == Qt.MouseButton.LeftButton:
            self.set_current(record_id)
            self.eventActivated.emit(record_id)
            event.accept()
            return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        ids = [e.id for e in self.events]
        key = event.key()
        if ids and key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up):
            step = 1 if key in (Qt.Key.Key_Right, Qt.Key.Key_Down) else -1
            pos = ids.index(self.current) + step if self.current in ids else 0
            self.set_current(ids[max(0, min(len(ids) - 1, pos))])
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current:
            self.eventActivated.emit(self.current)
            return
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus):
            self.zoom_by(1.25 if key != Qt.Key.Key_Minus else 0.8, self._current_x())
            return
        if key == Qt.Key.Key_0:
            self.fit()
            return
        super().keyPressEvent(event)

    def _current_x(self) -> float | None:
        """Where the current event is in the viewport (keyboard zoom keeps it in place)."""
        item = self.markers.get(self.current or "")
        if item is None:
            return None
        x = self.mapFromScene(item.pos()).x()
        return float(x) if 0 <= x <= self.viewport().width() else None

    def set_current(self, record_id: str) -> None:
        previous, self.current = self.current, record_id
        self._mark_current(previous)
        item = self.markers.get(record_id)
        if item is not None:
            self.ensureVisible(item, 40, 20)
            self.currentChanged.emit(record_id)

    def _mark_current(self, previous: str | None = None) -> None:
        """The current event drawn with a thick accent outline; the one before gets its own
        pen back. (Only these two: setting every marker's pen at each layout made PySide 6.12
        crash when the scene was freed.)"""
        if previous and previous != self.current and previous in self.markers:
            self.markers[previous].setPen(QPen(self._pens[previous]))
        item = self.markers.get(self.current or "")
        if item is not None:
            item.setPen(QPen(QColor(self.colors.accent), 3))
