"""The finished window: start page, status bar, help, about, find in page, context menus,
citation styles and exports, filters remembered, lists that fit, Tab leaving the page."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QSettings, Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication


def test_the_start_page_shows_counts_examples_and_recent_records(window: Any) -> None:
    view = window.record_view
    assert view.is_start_page()
    text = view.browser.toPlainText()
    assert "What the data holds" in text
    counts = window.db.counts()
    assert f"{counts['organization']}\tOrganizations" in text or "Organizations" in text
    assert str(counts["organization"]) in text and "Glossary" in text
    assert "Try a search" in text and "Recently viewed" not in text
    view.open("org/alpha")
    view.open("doc/beta-resolution")
    window.actions_.home.trigger()
    assert view.is_start_page()
    text = view.browser.toPlainText()
    assert "Recently viewed" in text
    # Newest first.
    assert text.index("Promoting the solidarity economy") < text.index("Alpha Cooperative")


def test_a_start_page_example_runs_its_search(window: Any, qtbot: Any) -> None:
    from sseref.gui.start_page import example_searches

    examples = example_searches(window.db)
    assert examples, "the fixture data gives at least one example"
    query = examples[0][0]
    window.record_view.browser.anchorClicked.emit(QUrl(f"search:{query}"))
    assert window.search_box.text() == query
    assert window.current_panel_key() == "search"


def test_a_start_page_count_opens_its_panel(window: Any) -> None:
    window.record_view.browser.anchorClicked.emit(QUrl("panel:glossary"))
    assert window.current_panel_key() == "glossary"


def test_the_status_bar_shows_the_data_date_not_its_hash(window: Any) -> None:
    version = window.db.meta()["data_version"]
    assert version[:8] not in window.data_label.text()
    assert window.data_label.text().startswith("Data as of")


def test_the_record_page_shows_no_internal_id_nor_cache_file(window: Any) -> None:
    view = window.record_view
    view.open("doc/beta-resolution")
    text = view.browser.toPlainText()
    assert "doc/beta-resolution" not in text and "000_test.txt" not in text
    view.open("org/alpha")
    assert not any("000_test.txt" in t for t in view.page.copyable)


def test_help_has_the_search_syntax_and_every_shortcut(window: Any) -> None:
    helper = window.show_help()
    text = helper.browser.toPlainText()
    for syntax in ("kind:document", "year:1970..1980", "-bank", "OR", '"plan of action"'):
        assert syntax in text, syntax
    for action in window.actions_._texts:
        for seq in action.shortcuts():
            assert seq.toString() in text, (action.text(), seq.toString())
    assert "Ctrl+Shift+M" in text  # add to the meeting pack, once missing
    helper.close()


def test_about_has_licence_updates_and_corrections(window: Any) -> None:
    about = window.show_about()
    text = about.browser.toPlainText()
    assert "MIT" in text and "Newer data" in text and "Corrections" in text
    about.close()


def test_find_in_page_with_ctrl_f(window: Any, qtbot: Any) -> None:
    view = window.record_view
    view.open("org/alpha")
    view.browser.setFocus()
    qtbot.keyClick(view.browser, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = view.find_bar
    assert bar is not None and bar.isVisible() and bar.edit.hasFocus()
    qtbot.keyClicks(bar.edit, "geneva")
    assert view.browser.textCursor().selectedText().lower() == "geneva"
    assert window.search_box.text() == ""  # the global search was not opened
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert not view.find_text("no such words anywhere")
    assert "Not found" in window.status_label.text()


def test_the_record_page_context_menu(window: Any) -> None:
    view = window.record_view
    view.open("org/alpha")
    menu = view.context_menu(QPoint(5, 5))
    texts = [a.text().replace("&", "") for a in menu.actions()]
    for expected in ("Copy", "Copy citation", "Export citation…", "Add to meeting pack"):
        assert expected in texts, texts
    assert "Find in page…" in texts
    menu.deleteLater()


def test_a_list_row_context_menu_opens_its_record(window: Any) -> None:
    panel = window.panels["organizations"]
    table = panel.table
    rect = table.visualRect(panel.model.index(1, 0))
    menu = panel.row_menu(rect.center())
    assert window.record_view.current == panel.model.id_at(1)
    texts = [a.text().replace("&", "") for a in menu.actions()]
    assert texts[0] == "Open" and "Copy citation" in texts and "Add to meeting pack" in texts
    menu.deleteLater()
    assert panel.row_menu(QPoint(5, table.viewport().height() + 500)) is None


def test_citation_style_menu_changes_the_copied_citation(window: Any) -> None:
    window.record_view.open("doc/beta-resolution")
    window.actions_.citation_styles["apa"].trigger()
    window.actions_.copy_citation.trigger()
    assert (
        QGuiApplication.clipboard()
        .text()
        .startswith("Beta Task Force on Solidarity Economy. (2023, April 18).")
    )
    assert window.settings.citation_style == "apa"
    window.actions_.citation_styles["un"].trigger()


def test_export_citation_writes_a_file_and_says_where(window: Any, tmp_path: Path) -> None:
    from sseref.gui.exports import export_citation

    window.record_view.open("doc/beta-resolution")
    target = tmp_path / "cite.json"
    assert export_citation(window, path=target)
    items = json.loads(target.read_text(encoding="utf-8"))
    assert items[0]["number"] == "A/RES/77/281"
    assert str(target) in window.status_label.text()
    assert window.saved_link is not None and window.saved_link.isVisibleTo(window)
    assert window.settings.save_folder == str(tmp_path)
    assert target.stat().st_mode & 0o044  # readable by others (not 0600)


def test_export_the_filtered_list_as_csv(window: Any, qtbot: Any, tmp_path: Path) -> None:
    from sseref.gui.exports import export_list

    window.show_panel("organizations")
    panel = window.panels["organizations"]
    panel.search.setText("alpha")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    target = tmp_path / "orgs.csv"
    assert export_list(window, target)
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert rows[0][:2] == ["Name", "Acronym"]
    assert rows[1][:2] == ["Alpha Cooperative Alliance", "ACA"]
    assert len(rows) == 2


def test_filters_are_remembered_and_cleared(make_window: Any, qtbot: Any) -> None:
    first = make_window()
    panel = first.panels["organizations"]
    panel.search.setText("alpha")
    panel.type_combo.set_value("federation")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    first.close()
    second = make_window()
    again = second.panels["organizations"]
    assert again.search.text() == "alpha" and again.type_combo.value() == "federation"
    second.show_panel("organizations")
    second.actions_.clear_filters.trigger()
    assert again.search.text() == "" and again.type_combo.value() is None
    assert not again.has_filters()
    # No filters left: nothing is kept for the panel (the next start reads no JSON).
    second.settings.sync()
    stored = QSettings(str(second.settings.path), QSettings.Format.IniFormat)
    assert not stored.contains("filters/organizations")
    assert second.settings.filters("organizations") == {}


def test_the_list_columns_fit_the_table(window: Any) -> None:
    panel = window.panels["organizations"]
    window.resize(1000, 700)
    QApplication.processEvents()
    panel.fit_columns()
    header = panel.table.horizontalHeader()
    total = sum(header.sectionSize(i) for i in range(header.count()))
    assert total <= panel.table.viewport().width() + 1
    assert not panel.table.horizontalScrollBar().isVisible()
    # The name column gets the most room.
    assert header.sectionSize(0) == max(header.sectionSize(i) for i in range(header.count()))
    # A cell cut short shows its whole text on hover.
    assert panel.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_history_zoom_controls_hide_in_list_mode(window: Any) -> None:
    window.show_panel("history")
    panel = window.panels["history"]
    panel.set_mode("list")
    assert not panel.zoom_in.isVisible() and not panel.zoom_out.isVisible()
    panel.set_mode("timeline")
    assert panel.zoom_in.isVisible()


def test_first_start_on_a_small_screen_is_maximized(window: Any, monkeypatch: Any) -> None:
    from PySide6.QtCore import QSize

    from sseref.gui import mainwindow

    monkeypatch.setattr(mainwindow, "SMALL_SCREEN", QSize(100000, 100000))
    assert window.small_screen()
    monkeypatch.setattr(mainwindow, "SMALL_SCREEN", QSize(10, 10))
    assert not window.small_screen()


def test_tab_leaves_the_record_page_after_its_last_link(window: Any, qtbot: Any) -> None:
    view = window.record_view
    view.open("org/alpha")
    links = view.browser.toHtml().count("<a href")
    view.browser.setFocus()
    left = False
    for _ in range(links + 3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() is not view.browser:
            left = True
            break
    assert left


def test_the_last_open_record_comes_back_at_the_next_start(make_window: Any) -> None:
    first = make_window()
    first.record_view.open("org/alpha")
    first.close()
    second = make_window()
    assert second.record_view.current == "org/alpha"
    second.actions_.home.trigger()
    second.close()
    third = make_window()
    assert third.record_view.is_start_page()


def test_a_list_resized_while_hidden_fits_its_width_when_shown(window: Any) -> None:
    """The columns follow the width the table's viewport was given, also when the window
    changed size while the list was hidden (another panel, the timeline mode)."""
    window.resize(1400, 700)
    window.show_panel("history")
    history = window.panels["history"]
    history.set_mode("list")
    QApplication.processEvents()
    wide = history.table.viewport().width()
    window.show_panel("organizations")
    window.resize(1050, 700)
    QApplication.processEvents()
    window.show_panel("history")
    QApplication.processEvents()
    header = history.table.horizontalHeader()
    total = sum(header.sectionSize(i) for i in range(header.count()))
    assert total == history.table.viewport().width() < wide
    keys = [c.key for c in history.columns()]
    widest = max(range(header.count()), key=header.sectionSize)
    assert keys[widest] == history.stretch_key  # fitted, not Qt's default widths
    history.set_mode("timeline")


def test_the_reading_pane_hides_and_is_remembered(make_window: Any) -> None:
    first = make_window()
    first.actions_.reading_pane.trigger()  # F8
    assert first.record_view.isHidden()
    first.close()
    second = make_window()
    assert second.record_view.isHidden()
    assert not second.actions_.reading_pane.isChecked()
    second.panels["organizations"].recordActivated.emit("org/alpha")  # Enter on a row
    assert not second.record_view.isHidden()


def test_a_maximized_window_comes_back_maximized(make_window: Any) -> None:
    first = make_window()
    first.showNormal()
    QApplication.processEvents()
    first.close()  # saves its geometry, not maximized
    second = make_window()
    assert not second.start_maximized
    second.showMaximized()
    QApplication.processEvents()
    assert second.isMaximized()
    second.close()
    third = make_window()
    assert third.start_maximized  # show_first() then calls showMaximized()


def test_export_the_filtered_list_as_citations(window: Any, qtbot: Any, tmp_path: Path) -> None:
    import bibtexparser

    from sseref.gui.exports import export_list

    window.show_panel("documents")
    panel = window.panels["documents"]
    ids = panel.model.ids()
    target = tmp_path / "documents.bib"
    assert export_list(window, target)  # the type follows the file's suffix
    library = bibtexparser.parse_string(target.read_text(encoding="utf-8"))
    assert not library.failed_blocks
    assert len(library.entries) == len(ids)


def test_back_returns_to_where_the_page_was_left(window: Any, qtbot: Any) -> None:
    view = window.record_view
    window.resize(700, 360)
    view.open("org/beta-task-force")
    QApplication.processEvents()
    bar = view.browser.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    left_at = bar.value()
    view.browser.anchorClicked.emit(QUrl("record:org/alpha"))
    assert view.current == "org/alpha" and bar.value() == 0  # a new page opens at its top
    window.actions_.back.trigger()
    QApplication.processEvents()
    assert view.current == "org/beta-task-force"
    assert bar.value() == left_at


def test_filters_wrap_to_a_second_row_rather_than_being_cut(window: Any) -> None:
    panel = window.panels["organizations"]
    panel.resize(2400, 600)
    panel.wrap_filters()
    assert all(panel.filter_bar.indexOf(c) >= 0 for c in panel.combos)
    panel.resize(420, 600)
    panel.wrap_filters()
    second = [c for c in panel.combos if panel.filter_bar2.indexOf(c) >= 0]
    assert second and panel.filter_bar.indexOf(panel.combos[0]) >= 0
    # The order of the controls is kept across the two rows.
    rows = [c for c in panel.combos if c not in second] + second
    assert rows == panel.combos
