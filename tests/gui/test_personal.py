"""The personal layer in the window: star, lists, history, notes and tags, saved searches."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu

from sseref.core.userstore import UserStore


def layer(window: Any) -> Any:
    from sseref.gui.personal import PersonalLayer

    assert isinstance(window.personal, PersonalLayer)
    return window.personal


def test_ctrl_d_stars_the_open_record_and_it_persists(
    qtbot: Any, window: Any, make_window: Any
) -> None:
    personal = layer(window)
    window.record_view.open("org/alpha")
    assert personal.strip.isVisible() and not personal.strip.star_button.isChecked()
    window.record_view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert personal.store.is_favourite("org/alpha")
    assert personal.actions["favourite"].isChecked()
    assert personal.strip.star_button.isChecked()
    assert "Starred" in personal.strip.star_button.text()
    assert [personal.dock.items.item(i).text() for i in range(personal.dock.items.count())] == [
        window.db.titles(["org/alpha"])["org/alpha"]
    ]
    # Another window (a restart) sees it; the star on the record page unstars.
    again = make_window()
    again.record_view.open("org/alpha")
    assert layer(again).strip.star_button.isChecked()
    layer(again).strip.star_button.click()
    assert not UserStore().is_favourite("org/alpha")


def test_shortcuts_do_not_clash_with_the_window(make_window: Any) -> None:
    window = make_window()
    seen: dict[str, str] = {}
    from PySide6.QtGui import QAction

    for action in window.findChildren(QAction):
        for seq in action.shortcuts():
            key = seq.toString()
            assert key not in seen or seen[key] == action.text(), (key, action.text())
            seen[key] = action.text()
    assert "Ctrl+D" in seen and "Ctrl+H" in seen


def test_history_is_kept_by_day_searchable_and_clearable(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    view = window.record_view
    for rid in ("org/alpha", "org/beta-task-force", "term/cooperative"):
        view.open(rid)
    view.back()  # Back/Forward still work and are history too
    assert view.current == "org/beta-task-force"
    view.forward()
    assert view.current == "term/cooperative"
    dialog = layer(window).show_history()
    qtbot.addWidget(dialog)
    assert dialog.days.count() == 2  # "All days" and today
    assert dialog.days.item(0).text().startswith("All days (5)")
    dialog.search.setText("beta")
    assert dialog.visits.count() == 2
    dialog.search.setText("")
    dialog.days.setCurrentRow(1)
    assert dialog.visits.count() == 5
    dialog.visits.setCurrentRow(0)
    dialog.delete_selected()
    assert len(UserStore().history()) == 4
    # Opening an entry shows the record.
    item = next(
        dialog.visits.item(i)
        for i in range(dialog.visits.count())
        if dialog.visits.item(i).data(Qt.ItemDataRole.UserRole) == "org/alpha"
    )
    dialog.visits.itemActivated.emit(item)
    assert view.current == "org/alpha"
    dialog.clear_all(confirm=False)
    assert UserStore().history() == [] and dialog.visits.count() == 0


def test_notes_and_tags_on_the_record_page(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    personal = layer(window)
    personal.store.set_tags("org/beta-task-force", ["geneva-2027"])
    window.record_view.open("org/alpha")
    dialog = personal.edit_note()
    qtbot.addWidget(dialog)
    dialog.editor.setPlainText(
        "Ask about the **2025 strategy**\n\n<script>alert(1)</script><img src='file:///etc/passwd'>"
    )
    dialog.tags.setText("follow-up, gen")
    dialog.tags.setCursorPosition(len(dialog.tags.text()))
    assert dialog.tags.completions() == ["geneva-2027"]  # for the word being typed
    dialog.tags._insert("geneva-2027")
    assert dialog.tags.text() == "follow-up, geneva-2027,"
    dialog.accept()
    note = personal.store.note("org/alpha")
    assert note.tags == ("follow-up", "geneva-2027") and "2025 strategy" in note.body
    strip = personal.strip
    assert "geneva-2027" in strip.tags_label.text()
    shown = strip.view.toPlainText()
    assert "2025 strategy" in shown and "**" not in shown  # Markdown rendered
    assert "<script>" in shown  # raw HTML is shown as text, never run or loaded
    assert "<img" not in strip.view.toHtml().split("<body")[1].replace("&lt;img", "")
    # Searchable with the user-side index.
    assert [h.record.id for h in personal.store.search_notes("strategy")] == ["org/alpha"]


def test_reading_lists_drag_order_and_meeting_pack(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    personal = layer(window)
    dock = personal.dock
    personal.actions["lists"].trigger()
    assert dock.isVisible()
    lid = dock.new_list("Board meeting")
    for rid in ("org/alpha", "org/beta-task-force", "term/cooperative"):
        personal.add_to_list(lid, rid)
    personal.store.add_to_list(lid, "org/removed-later", "An old record")
    dock.reload(select=lid)
    assert dock.items.count() == 4
    assert dock.items.item(3).text() == "An old record — record no longer in the data"
    # A drag and drop moves rows in the view's model; the order is saved from it.
    dock.items.model().moveRow(
        dock.items.model().index(0, 0).parent(), 2, dock.items.model().index(0, 0).parent(), 0
    )
    assert dock.record_ids()[0] == "term/cooperative"
    stored = [r.id for r in personal.store.list_items(lid)]
    assert stored == ["term/cooperative", "org/alpha", "org/beta-task-force", "org/removed-later"]
    # Keyboard: Delete removes the current row from the list.
    dock.items.setCurrentRow(3)
    qtbot.keyClick(dock.items, Qt.Key.Key_Delete)
    assert "org/removed-later" not in [r.id for r in personal.store.list_items(lid)]
    personal.store.add_to_list(lid, "org/removed-later", "An old record")
    dock.reload()
    dock.make_meeting_pack()
    pack = window.meeting_pack.dialog
    qtbot.addWidget(pack)
    assert pack.widget.record_ids() == ["term/cooperative", "org/alpha", "org/beta-task-force"]
    assert pack.widget.name_edit.text() == "Board meeting"
    # A missing record cannot be opened, and says so.
    dock.recordActivated.emit("org/removed-later")
    assert "no longer in the data" in window.status_label.text()


def test_context_menus_on_a_list_row_a_result_and_the_page(
    qtbot: Any, make_window: Any, monkeypatch: Any
) -> None:
    popped: list[QMenu] = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, _pos, _at=None: popped.append(menu))
    window = make_window()
    personal = layer(window)
    panel = window.panels["organizations"]
    menu = panel.row_menu(QPoint(5, 5))  # the row's menu, as a right-click builds it
    rid = window.record_view.current
    assert rid and menu is not None
    texts = [a.text() for a in menu.actions()]
    assert "&Star this record" in texts and "&Note and tags…" in texts
    assert "&Add to list" in texts
    next(a for a in menu.actions() if a.text() == "&Star this record").trigger()
    assert personal.store.is_favourite(rid)
    menu.deleteLater()
    # The record page's menu has them too.
    page_menu = window.record_view.context_menu(QPoint(1, 1))
    assert "&Star this record" in [a.text() for a in page_menu.actions()]
    page_menu.deleteLater()
    # Search results: a menu of our own for the row under the pointer.
    results = personal.record_menu("term/cooperative")
    assert [a.text() for a in results.actions()][0] == "Star (Ctrl+D)"
    results.actions()[0].trigger()
    assert personal.store.is_favourite("term/cooperative")
    results.deleteLater()


def test_saved_searches_rerun_with_a_count(qtbot: Any, window: Any) -> None:
    personal = layer(window)
    window.search_box.setText("alpha")
    qtbot.waitUntil(lambda: window.search_panel.outcome is not None, timeout=5000)
    sid = personal.save_search("Alpha things")
    [saved] = personal.store.saved_searches()
    assert (
        saved.id == sid
        and saved.query == "alpha"
        and saved.last_count == window.search_panel.outcome.total
    )
    window.search_box.setText("")
    personal.store.set_search_count(sid, 0)
    personal._fill_saved_menu()
    entry = next(a for a in personal.saved_menu.actions() if a.text().startswith("Alpha things"))
    entry.trigger()
    assert window.search_box.text() == "alpha"
    qtbot.waitUntil(
        lambda: personal.store.saved_searches()[0].last_count not in (0, None), timeout=5000
    )


def test_export_and_import_from_the_window(
    qtbot: Any, make_window: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    window = make_window()
    personal = layer(window)
    personal.store.set_note("org/alpha", "kept")
    out = tmp_path / "mine.json"
    assert personal.export_data(str(out))
    assert json.loads(out.read_text("utf-8"))["notes"][0]["body"] == "kept"
    bad = tmp_path / "bad.json"
    bad.write_text("{]", encoding="utf-8")
    assert personal.import_data(str(bad)) is None
    assert "Nothing was changed" in shown[-1]
    out2 = tmp_path / "other.json"
    out2.write_text(
        json.dumps(
            {"format": "sseref-user-data", "version": 1, "favourites": [{"id": "org/alpha"}]}
        ),
        encoding="utf-8",
    )
    summary = personal.import_data(str(out2))
    assert summary is not None and "favourites +1" in summary
    assert personal.store.is_favourite("org/alpha")


def test_a_damaged_user_database_is_reported_with_the_backup(
    qtbot: Any, make_window: Any, _user_dirs: Path
) -> None:
    store = UserStore()
    store.set_note("org/alpha", "in the backup")
    backup = store.db.backup()
    store.close()
    path = _user_dirs / "data" / "user.db"
    path.write_bytes(b"garbage" * 500)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    window = make_window()
    box = window.findChild(QMessageBox_type(), "recoveryBox")
    assert box is not None and "damaged" in box.text() and str(backup) in box.informativeText()
    restore = next(b for b in box.buttons() if b.text() == "Restore the backup")
    restore.click()
    assert layer(window).store.note("org/alpha").body == "in the backup"
    box.close()


def QMessageBox_type() -> Any:  # noqa: N802
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox


def test_notes_are_found_by_the_search_box(qtbot: Any, window: Any) -> None:
    personal = layer(window)
    personal.store.set_note("term/cooperative", "Zanzibar workshop next spring")
    window.search_box.setText("zanzibar")
    qtbot.waitUntil(lambda: window.search_panel.outcome is not None, timeout=5000)
    qtbot.waitUntil(lambda: window.search_panel.outcome.text == "zanzibar", timeout=5000)
    outcome = window.search_panel.outcome
    assert [h.id for h in outcome.hits] == ["term/cooperative"]
    assert "<b>Zanzibar</b>" in outcome.hits[0].snippet_html()  # made when painted
    window.search_box.setText("mine: cooperative")
    qtbot.waitUntil(lambda: window.search_panel.outcome.text == "mine: cooperative", timeout=5000)
    assert window.search_panel.outcome.total == 0  # the note does not say "cooperative"


def test_a_language_change_is_not_a_visit_and_titles_follow_the_data(make_window: Any) -> None:
    store = UserStore()
    store.set_favourite("org/alpha", True, "An old title")
    store.close()
    window = make_window()
    personal = layer(window)
    assert personal.store.record("org/alpha").title == window.db.titles(["org/alpha"])["org/alpha"]
    window.record_view.open("org/alpha")
    window.set_language_choice("fr")
    window.set_language_choice("en")
    assert [v.record.id for v in personal.store.history()] == ["org/alpha"]


def test_a_newer_user_database_is_left_alone_and_the_user_told(
    qtbot: Any, make_window: Any, _user_dirs: Path
) -> None:
    import sqlite3

    store = UserStore()
    store.set_note("org/alpha", "from a newer program")
    store.close()
    path = _user_dirs / "data" / "user.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    window = make_window()
    personal = layer(window)
    assert personal.problem is not None and "newer version" in personal.problem
    assert "will not be kept" in personal.problem
    window.record_view.open("org/alpha")
    personal.toggle_favourite()  # works for the session, in memory
    assert personal.store.is_favourite("org/alpha")
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 99
    assert conn.execute("SELECT COUNT(*) FROM favourite").fetchone()[0] == 0
    conn.close()
    for box in window.findChildren(QMessageBox_type()):
        box.close()


def test_a_window_shows_what_another_one_changed_when_activated(make_window: Any) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    first, second = make_window(), make_window()
    first.record_view.open("org/alpha")
    layer(second).store.set_favourite("org/alpha", True, "Alpha")
    assert not layer(first).strip.star_button.isChecked()
    QApplication.sendEvent(first, QEvent(QEvent.Type.WindowActivate))
    assert layer(first).strip.star_button.isChecked()
    assert layer(first).dock.items.count() == 1


def test_a_fact_sheet_includes_the_note_only_when_asked(
    qtbot: Any, make_window: Any, monkeypatch: Any
) -> None:
    from sseref.gui import wiring
    from sseref.gui.print_options import PrintOptionsDialog
    from sseref.report.paper import Paper

    window = make_window()
    personal = layer(window)
    window.record_view.open("org/alpha")
    without = PrintOptionsDialog("x", Paper.A4, window, has_note=False)
    qtbot.addWidget(without)
    assert without.note_check.isHidden()
    personal.store.set_note("org/alpha", "Ask about the strategy")
    dialog = PrintOptionsDialog("x", Paper.A4, window, has_note=personal.current_note() is not None)
    qtbot.addWidget(dialog)
    assert not dialog.note_check.isHidden() and not dialog.note_check.isChecked()  # off
    assert "with_note" not in dialog.options()
    dialog.note_check.setChecked(True)
    asked: list[dict[str, Any]] = []
    monkeypatch.setattr(window, "ask_print_options", lambda: ("en", dialog.options()))
    monkeypatch.setattr(wiring, "run_print", lambda *_a, **kw: asked.append(kw))
    window.actions_.print_preview.trigger()
    assert asked[-1]["notes"] == {"org/alpha": "Ask about the strategy"}
    assert "with_note" not in asked[-1]
