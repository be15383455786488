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
