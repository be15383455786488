"""Meeting-style queries typed key by key in the real window on the real data: the list paints
the engine's order, the CLI prints that same order, and Enter opens the engine's first hit."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from sseref.gui.models import ID_ROLE
from tests.gui.guihelpers import type_text

# (query as typed, the records that answer it: the first hit must be one of them)
QUERIES: list[tuple[str, set[str]]] = [
    ("bapa", {"term/bapa", "doc/bapa"}),
    ("buenos aries plan", {"term/bapa", "doc/bapa"}),
    ("tcdc conference", {"event/1978-bapa"}),
    ("cepal", {"org/eclac"}),
    ("économie sociale", {"term/social-economy"}),
    ("OIT", {"org/ilo"}),
    ("plan de acción de buenos aires", {"term/bapa", "doc/bapa"}),
    ("organisation internationale du travail", {"org/ilo"}),
    ("58/220", {"doc/a-res-58-220"}),
    ("A/RES/58/220", {"doc/a-res-58-220"}),
    ("nairobi outcome", {"doc/nairobi-outcome-document", "event/2009-nairobi-outcome-endorsed"}),
    # Several countries have a "ley de economía social (y solidaria)": any of them answers.
    ("ley economia social", {"doc/spain-ley-5-2011", "doc/mexico-less-2012"}),
    ("unossc", {"org/unossc"}),
    ("task force sse", {"org/untfsse"}),
]


def _painted(window: Any) -> list[str]:
    model = window.search_panel.model
    return [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]


def _cli_orders(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """`sseref search --batch --json --prefix` (the search box's mode) for every query."""
    from sseref.app.cli import main
    from sseref.gui.search_service import RESULT_LIMIT

    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(f"{q}\n" for q, _ in QUERIES)))
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    argv = ["--database", str(db_path), "--lang", "en", "search", "--batch", "--json"]
    assert main([*argv, "--prefix", "--limit", str(RESULT_LIMIT)]) == 0
    monkeypatch.undo()
    return [[h["id"] for h in json.loads(line)["hits"]] for line in out.getvalue().splitlines()]


def test_typed_queries_paint_the_engine_order_and_enter_opens_the_first(
    make_window: Any, qtbot: Any, real_db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sseref.core.db import Database
    from sseref.gui.search_service import RESULT_LIMIT, EngineRunner
    from sseref.search.lifecycle import open_engine

    cli = _cli_orders(real_db_path, monkeypatch)
    db = Database(real_db_path)
    engine = open_engine(db)  # the index the CLI just built in the user folder
    try:
        window = make_window(EngineRunner(engine), db=db)
        for (query, answers), cli_ids in zip(QUERIES, cli, strict=True):
            window.search_box.clear()
            window.focus_search()
            type_text(qtbot, window.search_box, query)
            panel = window.search_panel
            qtbot.waitUntil(
                lambda q=query, p=panel: p.outcome is not None and p.outcome.text == q,
                timeout=10000,
            )
            engine_ids = [h.id for h in engine.search(query, limit=RESULT_LIMIT, lang="en").hits]
            painted = _painted(window)
            assert painted == engine_ids, query
            assert painted == cli_ids, query
            assert painted[0] in answers, (query, painted[:5])
            qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
            assert window.record_view.current == engine_ids[0], query
        window.close()
    finally:
        engine.close()
