"""`sseref user export|import|stats` and `sseref notes search --json`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sseref.app.cli import main
from sseref.core.userstore import UserStore


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_import_stats_and_notes_search(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fixture_db_path: Path
) -> None:
    store = UserStore()
    store.set_note("org/alpha", "Ask about the 2025 strategy", "Alpha")
    store.set_tags("org/alpha", ["follow-up"])
    store.set_favourite("org/removed", True, "A record no longer in the data")
    store.close()
    db = ["--database", str(fixture_db_path)]
    code, out, _err = run(capsys, *db, "notes", "search", "strat", "--json")
    assert code == 0
    result = json.loads(out)
    assert result["total"] == 1
    assert result["hits"][0] | {"snippet": ""} == {
        "id": "org/alpha",
        "title": "Alpha",
        "kind": "",
        "snippet": "",
        "tags": ["follow-up"],
        "in_data": True,
    }
    code, out, _err = run(capsys, *db, "user", "stats", "--json")
    stats = json.loads(out)
    assert stats["counts"]["notes"] == 1 and stats["counts"]["favourites"] == 1
    assert stats["records_no_longer_in_the_data"] == ["org/removed"]
    export = tmp_path / "mine.json"
    assert run(capsys, "user", "export", str(export))[0] == 0
    # Import into another user folder: everything arrives, and it says what it did.
    code, out, _err = run(
        capsys, "--data-dir", str(tmp_path / "laptop2"), "user", "import", str(export), "--json"
    )
    assert code == 0
    assert json.loads(out)["added"]["notes"] == 1


def test_a_hostile_import_is_refused_clearly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "sseref-user-data", "version": 1, "notes": 3}', encoding="utf-8")
    code, out, err = run(capsys, "user", "import", str(bad))
    assert code == 1 and out == ""
    assert "not a valid SSE Ref export" in err and "Nothing was changed" in err
