"""Search as you type: results off the UI thread, grouped, keyboard to open, newest wins."""

from __future__ import annotations

import threading
import time
from typing import Any

from PySide6.QtCore import Qt

from sseref.gui.models import ID_ROLE
from sseref.gui.search_worker import Outcome, ResultRow, SearchController
from tests.gui.guihelpers import type_text


def _results(window: Any) -> list[str]:
    outcome = window.search_panel.outcome
    return [h.id for h in outcome.hits] if outcome else []


def test_type_a_query_and_open_a_result(window: Any, qtbot: Any) -> None:
    window.actions_.search.trigger()
    assert window.search_box.hasFocus() or window.focusWidget() is window.search_box
    type_text(qtbot, window.search_box, "alpha")
    assert window.current_panel_key() == "search"
    qtbot.waitUntil(lambda: "org/alpha" in _results(window), timeout=5000)
    model = window.search_panel.model
    # One row per hit in the engine's order: row 0 is the engine's first hit.
    assert [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())] == _results(window)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.record_view.current == window.search_panel.outcome.hits[0].id


def test_arrow_keys_move_through_results(window: Any, qtbot: Any) -> None:
    window.focus_search()
    type_text(qtbot, window.search_box, "coopé")  # accents optional, typed key by key
    qtbot.waitUntil(lambda: len(_results(window)) >= 2, timeout=5000)
    panel = window.search_panel
    first = panel.list.currentIndex().row()
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    second = panel.list.currentIndex().row()
    assert second > first
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.record_view.current == panel.model.index(second, 0).data(ID_ROLE)


def test_facet_chips_narrow_the_results(window: Any, qtbot: Any) -> None:
    window.focus_search()
    type_text(qtbot, window.search_box, "solidarity")
    qtbot.waitUntil(lambda: len(_results(window)) >= 2, timeout=5000)
    panel = window.search_panel
    chip = next(c for c in panel.chips if c.text().startswith("Documents"))
    chip.click()
    qtbot.waitUntil(lambda: _results(window) == ["doc/beta-resolution"], timeout=5000)


def test_did_you_mean_when_nothing_matches(window: Any, qtbot: Any) -> None:
    window.focus_search()
    type_text(qtbot, window.search_box, "solidarty")
    qtbot.waitUntil(
        lambda: (
            window.search_panel.outcome is not None
            and window.search_panel.outcome.text == "solidarty"
        ),
        timeout=5000,
    )
    panel = window.search_panel
    assert panel.outcome.suggestion
    assert not panel.suggestion.isHidden()
    panel.suggestion.click()
    assert (
        window.search_box.text() == panel.outcome.suggestion
        or window.search_box.text() == "solidarity"
    )


def test_escape_leaves_the_results(window: Any, qtbot: Any) -> None:
    window.show_panel("documents")
    window.focus_search()
    type_text(qtbot, window.search_box, "beta")
    assert window.current_panel_key() == "search"
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    assert window.current_panel_key() == "documents"


def test_newer_keystroke_supersedes_older_queries(qtbot: Any) -> None:
    calls: list[str] = []
    release = threading.Event()

    def slow_runner(text: str, filters: dict[str, Any], is_current: Any) -> Outcome:
        calls.append(text)
        if text == "a":
            release.wait(2)  # the first query is still running when the others arrive
        return Outcome(text, hits=[ResultRow("org/x", "organization", text)], total=1)

    controller = SearchController(slow_runner, debounce_ms=0)
    got: list[str] = []
    controller.resultsReady.connect(lambda o: got.append(o.text))
    controller.request("a")
    qtbot.waitUntil(lambda: calls == ["a"])
    controller.request("al")
    controller.request("alp")
    qtbot.wait(30)
    release.set()
    qtbot.waitUntil(lambda: got == ["alp"], timeout=3000)
    time.sleep(0.05)
    qtbot.wait(20)
    assert got == ["alp"]  # the results of "a" and "al" were never shown
    assert "al" not in calls  # superseded before it ran
    controller.shutdown()


def test_the_ui_stays_responsive_while_a_query_runs(qtbot: Any) -> None:
    started = threading.Event()

    def blocking_runner(text: str, filters: dict[str, Any], is_current: Any) -> Outcome:
        started.set()
        time.sleep(0.4)
        return Outcome(text)

    controller = SearchController(blocking_runner, debounce_ms=0)
    controller.request("slow")
    qtbot.waitUntil(started.is_set)
    t0 = time.perf_counter()
    qtbot.wait(1)  # the event loop turns while the worker thread sleeps
    assert time.perf_counter() - t0 < 0.2
    controller.shutdown()


def test_enter_before_the_results_opens_the_first_hit_of_the_text_typed(
    make_window: Any, qtbot: Any
) -> None:
    gate = threading.Event()
    first = {"a": "org/alpha", "ab": "org/beta-task-force"}

    def runner(text: str, filters: dict[str, Any], is_current: Any) -> Outcome:
        if text == "ab":
            gate.wait(5)  # still running when Enter is pressed
        hit = ResultRow(first.get(text, "org/alpha"), "organization", text)
        return Outcome(text, hits=[hit], total=1)

    window = make_window(runner)
    window.focus_search()
    type_text(qtbot, window.search_box, "a")
    panel = window.search_panel
    qtbot.waitUntil(lambda: panel.outcome is not None and panel.outcome.text == "a")
    type_text(qtbot, window.search_box, "b")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.record_view.current is None  # not the older text's first hit
    gate.set()
    qtbot.waitUntil(lambda: window.record_view.current == "org/beta-task-force", timeout=5000)
