"""The results page read on a projector: row contrast, one line of facets, Tab to every chip,
a preview while arrowing, dates in the interface language, snippets for painted rows only."""

from __future__ import annotations

import time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from sseref.core.i18n import set_language
from sseref.gui.search_panel import SearchPanel, facet_label, useful_chips
from sseref.gui.search_worker import (
    MAX_DEBOUNCE_MS,
    Outcome,
    ResultRow,
    SearchController,
    next_debounce,
)
from tests.gui.guihelpers import type_text

# --- contrast (WCAG 2.x) ---------------------------------------------------------------------


def _luminance(color: QColor) -> float:
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.red())
        + 0.7152 * channel(color.green())
        + 0.0722 * channel(color.blue())
    )


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _painted_row_contrast(panel: SearchPanel, row: int) -> float:
    """Background of the row as painted, against the painted pixel most unlike it (the text)."""
    view = panel.list
    rect = view.visualRect(panel.model.index(row, 0))
    image: QImage = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    background = image.pixelColor(int(rect.center().x() * ratio), int((rect.top() + 2) * ratio))
    far = background
    for y in range(rect.top() + 3, rect.bottom() - 2, 1):
        for x in range(rect.left() + 4, min(rect.right(), rect.left() + 400), 2):
            pixel = image.pixelColor(int(x * ratio), int(y * ratio))
            if contrast(pixel, background) > contrast(far, background):
                far = pixel
    return contrast(far, background)


def _wait_for(window: Any, qtbot: Any, query: str) -> SearchPanel:
    window.search_box.clear()
    window.focus_search()
    type_text(qtbot, window.search_box, query)
    panel: SearchPanel = window.search_panel
    qtbot.waitUntil(lambda: panel.outcome is not None and panel.outcome.text == query, timeout=5000)
    return panel


@pytest.mark.parametrize(
    ("theme", "large"), [("light", False), ("dark", False), ("light", True), ("dark", True)]
)
def test_current_row_contrast_is_readable_in_every_theme(
    window: Any, qtbot: Any, theme: str, large: bool
) -> None:
    window.set_theme(theme)
    window.set_large_text(large)
    try:
        panel = _wait_for(window, qtbot, "a")
        assert panel.model.rowCount() >= 2
        # While typing (the search box has the keyboard) and once the list has it.
        assert _painted_row_contrast(panel, 0) >= 4.5
        assert _painted_row_contrast(panel, 1) >= 4.5  # an ordinary row
        panel.list.setFocus()
        qtbot.waitUntil(panel.list.hasFocus)
        assert _painted_row_contrast(panel, 0) >= 4.5
    finally:  # the application's font and palette are shared with the tests that follow
        window.set_large_text(False)
        window.set_theme("light")


# --- facets ----------------------------------------------------------------------------------


def test_a_value_every_result_has_gets_no_chip() -> None:
    facets = {
        "kind": {"document": 28, "event": 10},
        "lang": {"en": 38, "es": 38, "fr": 38},  # every result: cannot narrow
    }
    chips = useful_chips(facets, 38, {})
    assert ("kind", "document", 28) in chips
    assert all(facet != "lang" for facet, _v, _n in chips)
    # The filter in force stays, to be undone, even when every result now has it.
    chips = useful_chips({"kind": {"document": 28}}, 28, {"kind": "document"})
    assert chips == [("kind", "document", 28)]


def _outcome(text: str, n: int = 40) -> Outcome:
    kinds = ("organization", "event", "document", "initiative", "term")
    hits = [ResultRow(f"org/r{i}", kinds[i % 5], f"Record {i}") for i in range(n)]
    facets = {
        "kind": {k: n // 5 for k in kinds},
        "region": {r: 3 for r in ("africa", "asia-pacific", "europe", "latin-america")},
        "theme": {"sse": 10, "ssc": 7, "cooperatives": 5},
        "decade": {"1970s": 4, "2010s": 20},
        "lang": {"en": n, "es": n, "fr": n},
    }
    return Outcome(text, hits=hits, total=n, facets=facets)


def _panel_with(qtbot: Any, outcome: Outcome, width: int = 700) -> SearchPanel:
    panel = SearchPanel(None, None)  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    panel.resize(width, 500)
    panel.show()
    qtbot.waitExposed(panel)
    panel.query = outcome.text
    panel.show_outcome(outcome)
    return panel


def test_facets_take_one_line_and_more_filters_shows_the_rest(qtbot: Any) -> None:
    panel = _panel_with(qtbot, _outcome("x"))
    # Room for about three chips whatever the font (an earlier test may have enlarged it).
    room = sum(c.sizeHint().width() + 6 for c in panel.chips[:3])
    panel.resize(room + panel.more.sizeHint().width() + 80, 500)
    qtbot.waitUntil(lambda: any(not c.isHidden() for c in panel.chips))
    QApplication.processEvents()
    shown = [c for c in panel.chips if not c.isHidden()]
    assert shown and len(shown) < len(panel.chips)
    assert len({c.y() for c in shown}) == 1  # one line
    assert not panel.more.isHidden()
    assert not any("English" in c.text() for c in panel.chips)  # equal to the total
    panel.more.click()
    assert all(not c.isHidden() for c in panel.chips)
    panel.more.click()
    assert [c for c in panel.chips if not c.isHidden()] == shown


def test_every_chip_and_did_you_mean_are_reached_by_tab(window: Any, qtbot: Any) -> None:
    panel = window.search_panel
    window.show_panel("search")
    outcome = _outcome("x", 10)
    outcome.suggestion = "alpha"
    panel.query = "x"
    panel.show_outcome(outcome)
    panel.more.setChecked(True)  # every chip shown: each must be on the Tab path
    window.search_box.setFocus()
    qtbot.waitUntil(window.search_box.hasFocus)
    reached = []
    for _ in range(len(panel.chips) + 4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached[0] is panel.suggestion
    for chip in panel.chips:
        assert chip in reached
    assert panel.more in reached and panel.list in reached


def test_decade_chips_and_dates_in_the_interface_language(qtbot: Any) -> None:
    set_language("fr")
    assert facet_label("decade", "2010s") == "années 2010"
    panel = _panel_with(
        qtbot,
        Outcome("x", hits=[ResultRow("event/x", "event", "X", date="1978-08-30/1978-09-12")]),
    )
    meta = panel.model.meta_text(0)
    assert "1978" in meta and "/" not in meta and "août" in meta, meta


def test_snippets_are_made_only_for_painted_rows(qtbot: Any) -> None:
    made: list[int] = []

    def excerpt(i: int) -> Any:
        return lambda: made.append(i) or f"snippet <b>{i}</b>"

    hits = [ResultRow(f"org/r{i}", "organization", f"R {i}", excerpt=excerpt(i)) for i in range(60)]
    panel = _panel_with(qtbot, Outcome("x", hits=hits, total=60), width=600)
    panel.list.viewport().repaint()
    qtbot.waitUntil(lambda: 0 in made)
    assert 0 < len(set(made)) < 30  # the visible rows, not the 60
    assert 59 not in made


# --- the record pane follows the keyboard ---------------------------------------------------


def test_arrowing_shows_each_result_in_the_record_pane(window: Any, qtbot: Any) -> None:
    panel = _wait_for(window, qtbot, "a")
    assert panel.model.rowCount() >= 2
    shown_before = window.record_view.current
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    second = panel.model.hits()[1].id
    assert window.record_view.current == second != shown_before
    assert window.search_box.hasFocus()  # typing can go on


# --- the pause after a keystroke adapts to the last query -------------------------------------


def test_debounce_follows_the_last_query_time(qtbot: Any) -> None:
    assert next_debounce(2) == 0  # answers within a frame: run at once
    assert next_debounce(40) == 24
    assert next_debounce(500) == MAX_DEBOUNCE_MS

    def slow(text: str, filters: dict[str, Any], is_current: Any) -> Outcome:
        time.sleep(0.25)
        return Outcome(text)

    controller = SearchController(slow)
    assert controller.debounce_ms == 0
    got: list[str] = []
    controller.resultsReady.connect(lambda o: got.append(o.text))
    controller.request("q")
    qtbot.waitUntil(lambda: got == ["q"], timeout=3000)
    assert controller.debounce_ms == MAX_DEBOUNCE_MS
    controller.shutdown()
