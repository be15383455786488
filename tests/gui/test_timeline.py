"""The timeline: dates drawn with their precision, click and keyboard to open, zoom."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, Qt

from sseref.gui.timeline import TimelineEvent, TimelineView, year_fraction


def test_clicking_a_timeline_event_opens_it(window: Any, qtbot: Any) -> None:
    window.show_panel("history")
    timeline = window.panels["history"].timeline
    item = timeline.markers["event/1978-conference"]
    timeline.ensureVisible(item)
    qtbot.wait(10)
    centre = item.mapToScene(item.rect().center())
    pos = timeline.mapFromScene(centre)
    qtbot.mouseClick(timeline.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert window.record_view.current == "event/1978-conference"
    assert "Buenos Aires" in window.record_view.browser.toPlainText()


def test_timeline_keyboard_and_zoom(qtbot: Any) -> None:
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(800, 300)
    events = [
        TimelineEvent("event/a", "A", "1978", "1978-01-01", "1978-12-31", "year", False, ("sse",)),
        TimelineEvent(
            "event/b", "B", "12 Sep 1978", "1978-09-12", "1978-09-12", "day", False, ("ssc",)
        ),
        TimelineEvent(
            "event/c", "C", "2001–2003", "2001-01-01", "2003-12-31", "year", True, ("sse", "ssc")
        ),
    ]
    view.set_events(events)
    view.show()
    view.px_per_year = 40.0
    view.relayout()
    year_bar = view.markers["event/a"].rect().width()
    day_dot = view.markers["event/b"].rect().width()
    assert year_bar > day_dot  # a year is drawn as the span of the year, a day as a dot
    assert view.markers["event/a"].pen().style() == Qt.PenStyle.DashLine
    opened: list[str] = []
    view.eventActivated.connect(opened.append)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened == ["event/b"]
    before = view.px_per_year
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.px_per_year > before
    assert view.event_at(QPointF(-50, -50)) is None


def test_year_fraction() -> None:
    assert year_fraction("1978-01-01") == 1978.0
    assert 1978.49 < year_fraction("1978-07-02") < 1978.51


def _events(n: int) -> list[TimelineEvent]:
    """Events spread over 1844–2025 with long titles, as the real data has them."""
    out = []
    for i in range(n):
        year = 1844 + (i * 181) // max(1, n - 1)
        title = f"Event number {i} with a rather long title about cooperation {year}"
        out.append(
            TimelineEvent(
                f"event/e{i}", title, str(year), f"{year}-03-01", f"{year}-03-01", "day", False, ()
            )
        )
    return out


def test_the_timeline_opens_on_the_whole_range(qtbot: Any) -> None:
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    view.set_events(_events(40))
    qtbot.wait(10)
    first, last = view._span
    # The axis from the first decade to the last fits in the view's width.
    assert view.x_of(last) <= view.viewport().width()
    assert view.horizontalScrollBar().value() == 0
    # Resized while it shows the whole range: it fits again; after a zoom it stays as zoomed.
    view.resize(1200, 400)
    qtbot.wait(10)
    assert view.x_of(last) > 700 and view.x_of(last) <= view.viewport().width()
    view.zoom_by(2.0)
    zoomed = view.px_per_year
    view.resize(900, 400)
    qtbot.wait(10)
    assert view.px_per_year == zoomed
    qtbot.keyClick(view, Qt.Key.Key_0)  # back to the whole range
    assert view.x_of(last) <= view.viewport().width()


def test_timeline_labels_never_overlap(qtbot: Any) -> None:
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(700, 400)
    view.show()
    view.set_events(_events(60))
    for px in (view.px_per_year, 12.0, 40.0):
        view.px_per_year = px
        view.relayout()
        boxes = []
        for marker in view.markers.values():
            rect = marker.sceneBoundingRect().united(
                marker.childrenBoundingRect().translated(marker.pos())
            )
            boxes.append(rect)
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                assert not a.adjusted(1, 1, -1, -1).intersects(b.adjusted(1, 1, -1, -1))


def test_hovering_an_event_or_its_label_names_it_with_its_date(qtbot: Any) -> None:
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(700, 300)
    view.show()
    view.set_events(_events(3))
    marker = view.markers["event/e1"]
    label = marker.childItems()[0]
    assert "Event number 1" in marker.toolTip() and "1934" in marker.toolTip()
    assert label.toolTip() == marker.toolTip()


def test_relayout_after_a_theme_change_keeps_each_markers_pen(qtbot: Any) -> None:
    from sseref.gui.theme import DARK

    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(700, 300)
    view.show()
    view.set_events(_events(5))
    view.set_current("event/e2")
    for _ in range(3):  # theme and text size changes lay the scene out again
        view.set_colors(DARK)
    assert view.markers["event/e2"].pen().width() == 3  # the current event stays marked
    assert view.markers["event/e1"].pen().width() == 1
    assert set(view._pens) == set(view.markers)
