"""Keyboard-only use and accessible names on every control."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGraphicsView,
    QLineEdit,
    QTextBrowser,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QAbstractSpinBox,
    QTextBrowser,
    QGraphicsView,
)


def test_keyboard_only_open_a_record_from_a_list(window: Any, qtbot: Any) -> None:
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # Documents
    assert window.current_panel_key() == "documents"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_panel_key() == "organizations"
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    panel = window.panels["organizations"]
    assert panel.search.hasFocus()
    panel.table.setFocus()  # Tab order runs filter → controls → table; go there directly
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert window.record_view.current == "org/beta-task-force"
    assert window.record_view.browser.hasFocus()


def test_tab_reaches_the_table_from_the_filter_box(window: Any, qtbot: Any) -> None:
    window.show_panel("initiatives")
    panel = window.panels["initiatives"]
    panel.search.setFocus()
    seen: list[QWidget] = []
    for _ in range(8):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        seen.append(window.focusWidget())
        if window.focusWidget() is panel.table:
            break
    assert panel.table in seen


def test_timeline_by_keyboard(window: Any, qtbot: Any) -> None:
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    timeline = window.panels["history"].timeline
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    qtbot.keyClick(timeline, Qt.Key.Key_Return)
    assert window.record_view.current == "event/1978-conference"


def test_every_control_has_an_accessible_name_and_takes_focus(window: Any) -> None:
    missing = []
    for key in window.panels:
        window.show_panel(key)
    window.show_panel("search")
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisibleTo(window):
            continue
        if widget.parent() is not None and isinstance(widget.parent(), QComboBox):
            continue
        if type(widget).__name__ in ("QScrollBar",):
            continue
        name = widget.accessibleName() or (
            widget.text() if isinstance(widget, QAbstractButton) else ""
        )
        if not name:
            missing.append(f"{type(widget).__name__} {widget.objectName()}")
        elif widget.focusPolicy() == Qt.FocusPolicy.NoFocus and not isinstance(
            widget, QAbstractButton
        ):
            missing.append(f"no focus: {type(widget).__name__} {name}")
    assert missing == []


def test_menus_and_shortcuts(window: Any) -> None:
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["File", "Edit", "View", "Go", "Personal", "Help"]  # Personal: issue 19
    a = window.actions_
    shortcuts = {
        name: [s.toString() for s in getattr(a, name).shortcuts()]
        for name in (
            "print",
            "print_preview",
            "quit",
            "zoom_in",
            "zoom_out",
            "zoom_reset",
            "back",
            "forward",
            "help",
            "search",
            "find",
        )
    }
    assert "Ctrl+P" in shortcuts["print"]
    assert "Ctrl+Shift+P" in shortcuts["print_preview"]
    assert "Ctrl+Q" in shortcuts["quit"]
    assert "Ctrl++" in shortcuts["zoom_in"] and "Ctrl+-" in shortcuts["zoom_out"]
    assert "Ctrl+0" in shortcuts["zoom_reset"]
    assert "Alt+Left" in shortcuts["back"] and "Alt+Right" in shortcuts["forward"]
    assert "F1" in shortcuts["help"]
    # The global search keeps Ctrl+K; Ctrl+F finds in the record page (no clash between them).
    assert shortcuts["search"] == ["Ctrl+K"]
    assert "Ctrl+F" in shortcuts["find"]


def test_help_and_about(window: Any, fixture_db: Any) -> None:
    about = window.show_about()
    text = about.browser.toPlainText()
    assert fixture_db.meta()["data_version"] in text
    assert fixture_db.meta()["built_at"] in text
    about.close()
    helper = window.show_help()
    assert "Ctrl+K" in helper.browser.toPlainText()
    helper.close()
