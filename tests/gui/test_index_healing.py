"""The window heals a search index found damaged while searching, as the CLI does."""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Any

import pytest


def test_damage_found_by_a_search_is_rebuilt_with_progress(
    make_window: Any, fixture_db: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sseref.gui import index_setup

    monkeypatch.setattr(index_setup, "index_dir_for", lambda _db_path: Path("/nonexistent"))
    window = make_window()
    window.start_search()
    qtbot.waitUntil(lambda: window._runner is not None, timeout=30000)
    first = window._runner
    assert first("alpha", {}, lambda: True).hits  # the built index answers

    def damaged(*_a: object, **_k: object) -> None:
        raise zlib.error("Error -3 while decompressing data: invalid stored block lengths")

    monkeypatch.setattr(first.engine._eval, "evaluate", damaged)
    outcome = first("cooperative", {}, lambda: True)
    assert outcome.error and "rebuilding" in outcome.error
    qtbot.waitUntil(lambda: window._runner is not first, timeout=30000)
    healed = window._runner("alpha", {}, lambda: True)
    assert healed.error is None and "org/alpha" in [h.id for h in healed.hits]
