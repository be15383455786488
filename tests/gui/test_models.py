"""Every custom item model passes pytest-qt's model tester."""

from __future__ import annotations

from typing import Any

from sseref.gui.search_model import SearchResultsModel
from sseref.gui.search_worker import ResultRow


def test_panel_models_pass_the_model_tester(window: Any, qtmodeltester: Any) -> None:
    for key, panel in window.panels.items():
        panel.ensure_loaded()
        assert panel.model.rowCount() > 0, key
        qtmodeltester.check(panel.model)


def test_panel_models_fetch_lazily(window: Any) -> None:
    model = window.panels["organizations"].model
    model.refresh()
    assert model._cache == {}  # noqa: SLF001 - ids only until a row is shown
    assert model.index(0, 0).data()
    assert len(model._cache) == model.rowCount()  # noqa: SLF001 - one block fetched


def test_search_results_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = SearchResultsModel()
    model.set_hits([
        ResultRow("org/alpha", "organization", "Alpha", "<b>Alpha</b> federation", "1895"),
        ResultRow("doc/beta-resolution", "document", "Beta", "", "2023-04-18"),
        ResultRow("org/beta-task-force", "organization", "Beta TF"),
    ])
    qtmodeltester.check(model)
    assert model.rowCount() == 5  # two kind headers and three hits
    assert model.hit_rows() == [1, 2, 4]
