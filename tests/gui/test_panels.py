"""Filtering and sorting each panel; selecting a row opens the record."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt

from tests.gui.guihelpers import type_text


def _ids(panel: Any) -> list[str]:
    return panel.model.ids()


def _headers(panel: Any) -> list[str]:
    """The column titles the table's header shows."""
    header = panel.table.horizontalHeader()
    return [header.model().headerData(c, Qt.Orientation.Horizontal) for c in range(header.count())]


def test_organizations_filter_by_text_type_region_and_role(window: Any, qtbot: Any) -> None:
    window.show_panel("organizations")
    panel = window.panels["organizations"]
    assert _ids(panel) == ["org/alpha", "org/beta-task-force"]
    type_text(qtbot, panel.search, "Alianza")  # Spanish name, while the UI is English
    qtbot.waitUntil(lambda: _ids(panel) == ["org/alpha"])
    panel.search.clear()
    qtbot.waitUntil(lambda: len(_ids(panel)) == 2)
    type_text(qtbot, panel.search, "coopé")  # accents typed one key event at a time
    assert panel.search.text() == "coopé"
    qtbot.waitUntil(lambda: _ids(panel) == ["org/alpha"])
    panel.search.clear()
    qtbot.waitUntil(lambda: len(_ids(panel)) == 2)
    panel.type_combo.set_value("federation")
    assert _ids(panel) == ["org/alpha"]
    panel.type_combo.set_value(None)
    panel.region_combo.set_value("global")
    assert len(_ids(panel)) == 2
    panel.role_combo.set_value("none")
    assert _ids(panel) == ["org/alpha", "org/beta-task-force"]  # no UNTFSSE in the fixtures
    panel.role_combo.set_value("member_of")
    assert _ids(panel) == []


def test_organizations_columns_and_sorting(window: Any) -> None:
    window.show_panel("organizations")
    panel = window.panels["organizations"]
    model = panel.model
    assert _headers(panel) == ["Name", "Acronym", "Type", "Region", "Founded", "UNTFSSE role"]
    assert [model.index(0, c).data() for c in range(5)] == [
        "Alpha Cooperative Alliance",
        "ACA",
        "Federation",
        "Global",
        "1895",
    ]
    panel.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    assert _ids(panel) == ["org/beta-task-force", "org/alpha"]
    panel.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert _ids(panel) == ["org/alpha", "org/beta-task-force"]


def test_clicking_a_column_title_sorts_and_clicking_again_reverses(window: Any, qtbot: Any) -> None:
    window.show_panel("organizations")
    window.show()
    panel = window.panels["organizations"]
    header = panel.table.horizontalHeader()
    assert not header.isSortIndicatorShown()  # the natural order (by name) shows no arrow

    def click(column: int) -> None:
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(
            header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
        )

    click(4)  # Founded: oldest first
    assert header.isSortIndicatorShown() and header.sortIndicatorSection() == 4
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert _ids(panel) == ["org/alpha", "org/beta-task-force"]
    click(4)
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert _ids(panel) == ["org/beta-task-force", "org/alpha"]
    click(1)  # another column starts ascending again
    assert header.sortIndicatorSection() == 1
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder


def test_selecting_a_row_opens_the_record(window: Any, qtbot: Any) -> None:
    window.show_panel("organizations")
    panel = window.panels["organizations"]
    panel.table.selectRow(1)
    assert window.record_view.current == "org/beta-task-force"
    assert "Beta Task Force" in window.record_view.browser.toPlainText()


def test_documents_filters(window: Any) -> None:
    window.show_panel("documents")
    panel = window.panels["documents"]
    model = panel.model
    assert _ids(panel) == ["doc/beta-resolution"]
    row = {title: model.index(0, c).data() for c, title in enumerate(_headers(panel))}
    assert row["Symbol"] == "A/RES/77/281"
    assert row["Date"] == "18 Apr 2023"  # localized, as precise as the data
    assert row["Issuing body"] == "Beta Task Force on Solidarity Economy"
    panel.language_combo.set_value("fr")
    assert _ids(panel) == ["doc/beta-resolution"]
    panel.type_combo.set_value("resolution")
    panel.issuer_combo.set_value("org/beta-task-force")
    assert _ids(panel) == ["doc/beta-resolution"]
    assert panel.issuer_combo.currentText() == "Beta Task Force on Solidarity Economy"
    panel.year_range.set_range(2024, 2024)
    assert panel.year_range.bounds() == (None, None) or _ids(panel) == []


def test_documents_year_range_filters(window: Any, fixture_db: Any) -> None:
    from sseref.core.listing import ListFilter

    assert fixture_db.filter_ids("document", ListFilter(year_from=2024)) == []
    assert fixture_db.filter_ids("document", ListFilter(year_to=2023)) == ["doc/beta-resolution"]


def test_initiatives_filter_by_type_and_theme(window: Any) -> None:
    window.show_panel("initiatives")
    panel = window.panels["initiatives"]
    assert _ids(panel) == ["init/gamma"]
    panel.type_combo.set_value("working-group")
    assert _ids(panel) == ["init/gamma"]
    panel.theme_combo.set_value("ssc")
    assert _ids(panel) == []
    panel.theme_combo.set_value("finance")
    assert _ids(panel) == ["init/gamma"]


def test_glossary_shows_three_languages_side_by_side(window: Any, qtbot: Any) -> None:
    window.show_panel("glossary")
    panel = window.panels["glossary"]
    model = panel.model
    assert [model.index(0, c).data() for c in range(3)] == [
        "cooperative",
        "cooperativa",
        "coopérative",
    ]
    type_text(qtbot, panel.search, "cooperativa")
    qtbot.waitUntil(lambda: _ids(panel) == ["term/cooperative"])
    panel.theme_combo.set_value("ssc")
    assert _ids(panel) == []


def test_history_filters_and_list_mode(window: Any) -> None:
    window.show_panel("history")
    panel = window.panels["history"]
    assert [e.id for e in panel.timeline.events] == ["event/1978-conference"]
    panel.theme_combo.set_value("sse")
    assert panel.timeline.events == [] and _ids(panel) == []
    panel.theme_combo.set_value("ssc")
    assert [e.id for e in panel.timeline.events] == ["event/1978-conference"]
    panel.org_combo.set_value(None)
    panel.set_mode("list")
    assert panel.stack.currentWidget() is panel.table
    assert panel.model.index(0, 1).data() == "Conference on Technical Cooperation in Buenos Aires"
    panel.set_mode("timeline")
    assert panel.stack.currentWidget() is panel.timeline
