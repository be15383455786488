"""`sseref search --json` and `--batch --json`: the shapes scripts rely on."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from sseref.app.cli import main
from sseref.core.db import Database
from sseref.search import lifecycle


@pytest.fixture
def db_args(
    fixture_db_path: Path, fixture_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> list[str]:
    # No shipped index for this database: the command builds one in the user cache.
    monkeypatch.setattr(lifecycle.paths, "shipped_index_dir", lambda: tmp_path / "none")
    return ["--database", str(fixture_db_path)]


def _check_shape(data: dict[str, object], query: str) -> None:
    assert set(data) == {"query", "total", "suggestion", "hits", "facets"}
    assert data["query"] == query
    assert isinstance(data["total"], int)
    for hit in data["hits"]:  # type: ignore[attr-defined]
        assert set(hit) == {"id", "kind", "title", "snippet", "score"}


def test_search_json(db_args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*db_args, "search", "cooperative", "--json", "--limit", "2"]) == 0
    data = json.loads(capsys.readouterr().out)
    _check_shape(data, "cooperative")
    assert len(data["hits"]) == 2 and data["total"] >= 3
    assert data["facets"]["kind"]


def test_search_kind_and_suggestion(db_args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*db_args, "search", "cooperativs", "--json", "--kind", "org"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["suggestion"] and all(h["kind"] == "organization" for h in data["hits"])


def test_batch_json_lines(
    db_args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    queries = ["A/RES/77/281", "", '"unbalanced', "kind:event year:1978"]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(queries) + "\n"))
    assert main([*db_args, "search", "--batch", "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(queries)
    for line, query in zip(lines, queries, strict=True):
        _check_shape(json.loads(line), query)
    assert json.loads(lines[0])["hits"][0]["id"] == "doc/beta-resolution"


def test_bad_kind_is_a_usage_error(db_args: list[str]) -> None:
    assert main([*db_args, "search", "x", "--kind", "nonsense"]) == 2


def test_index_for_cli_lands_in_user_cache(
    db_args: list[str], fixture_db: Database, _user_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main([*db_args, "search", "alpha", "--json"])
    assert (_user_dirs / "cache" / lifecycle.CACHE_FOLDER).is_dir()
