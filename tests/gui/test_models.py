"""Every custom item model passes pytest-qt's model tester."""

from __future__ import annotations

from typing import Any

from sseref.gui.models import ID_ROLE
from sseref.gui.search_model import SearchResultsModel
from sseref.gui.search_worker import ResultRow


def test_panel_models_pass_the_model_tester(window: Any, qtmodeltester: Any) -> None:
    for key, panel in window.panels.items():
        if key in ("people", "countries"):  # none in these fixtures: test_people_countries
            continue
        panel.ensure_loaded()
        assert panel.model.rowCount() > 0, key
        qtmodeltester.check(panel.model)


def test_panel_models_fetch_lazily(window: Any) -> None:
    model = window.panels["organizations"].model
    model.refresh()
    assert model._cache == {}  # noqa: SLF001 - ids only until a row is shown
    assert model.index(0, 0).data()
    assert len(model._cache) == model.rowCount()  # noqa: SLF001 - one block fetched


def test_a_cells_roles_in_one_call_match_data(window: Any) -> None:
    from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan, Qt
    from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

    from sseref.gui.models import ID_ROLE

    model = window.panels["organizations"].model
    model.refresh()
    roles = [
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.DecorationRole,
        ID_ROLE,
    ]
    for row, column in ((0, 0), (1, 1), (0, 4)):
        index = model.index(row, column)
        for role in roles:
            item = QModelRoleData(int(role))
            model.multiData(index, QModelRoleDataSpan(item))
            assert item.data() == index.data(role), role

    class Delegate(QStyledItemDelegate):
        """Makes the protected initStyleOption callable (it asks multiData for its roles)."""

    option = QStyleOptionViewItem()
    Delegate().initStyleOption(option, model.index(1, 0))
    assert option.text == model.index(1, 0).data() != ""


def test_search_results_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = SearchResultsModel()
    model.set_hits(
        [
            ResultRow("org/alpha", "organization", "Alpha", "<b>Alpha</b> federation", "1895"),
            ResultRow("doc/beta-resolution", "document", "Beta", "", "2023-04-18"),
            ResultRow("org/beta-task-force", "organization", "Beta TF"),
        ]
    )
    qtmodeltester.check(model)
    assert model.rowCount() == 3  # one row per hit, in the order given (the engine's)
    assert [model.index(r, 0).data(ID_ROLE) for r in range(3)] == [
        "org/alpha",
        "doc/beta-resolution",
        "org/beta-task-force",
    ]
    assert model.meta_text(1) == "Document · 18 Apr 2023"  # the kind on each row, a real date


def test_a_columns_texts_are_its_cells_display_texts(window: Any) -> None:
    """What a panel measures to size its columns is what the cells show."""
    model = window.panels["organizations"].model
    model.refresh()
    rows = range(min(model.rowCount(), model.BLOCK))
    for column in range(model.columnCount()):
        shown = [str(model.index(row, column).data() or "") for row in rows]
        assert model.texts(column, rows) == shown, column
    assert any(model.texts(4, rows)), "no founding date among the first rows"
