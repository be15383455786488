"""The fuzz corpus, and query errors kept apart from index errors (CLI and engine)."""

from __future__ import annotations

import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from sseref.search.engine import SearchEngine, SearchIndexError, SearchQueryError
from tests.conftest import ROOT

CORPUS = Path(__file__).with_name("fuzz_corpus.txt")


def corpus() -> list[str]:
    """The corpus lines; a line starting with a backslash is written with escapes."""
    lines = [line for line in CORPUS.read_text(encoding="utf-8").split("\n") if line]
    return [
        line.encode("utf-8").decode("unicode_escape") if line.startswith("\\") else line
        for line in lines
    ]


def test_corpus_is_not_empty() -> None:
    assert len(corpus()) >= 30 and "year:❶" in corpus()


@pytest.mark.parametrize("as_you_type", [True, False])
def test_corpus_searches_on_both_datasets(
    fixture_engine: SearchEngine, real_engine: SearchEngine, as_you_type: bool
) -> None:
    for engine in (fixture_engine, real_engine):
        for text in corpus():
            result = engine.search(text, as_you_type=as_you_type)
            assert result.total >= len(result.hits), text


def test_a_compiler_bug_is_a_query_error(fixture_index: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    engine = SearchEngine(fixture_index)
    try:

        def broken(*_a: object, **_k: object) -> None:
            raise ValueError("invalid literal for int() with base 10: '❶'")

        monkeypatch.setattr(engine._compiler, "compile", broken)
        with pytest.raises(SearchQueryError) as info:
            engine.search("year:1978 coop")
        assert not isinstance(info.value, SearchIndexError)
    finally:
        engine.close()


def test_damage_read_in_whoosh_is_an_index_error(fixture_index: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    engine = SearchEngine(fixture_index)
    try:

        def damaged(*_a: object, **_k: object) -> None:
            raise zlib.error("Error -3 while decompressing data: invalid block type")

        monkeypatch.setattr(engine._eval, "evaluate", damaged)
        with pytest.raises(SearchIndexError):
            engine.search("cooperative")
    finally:
        engine.close()


def test_cli_batch_survives_odd_years(fixture_db_path: Path, tmp_path: Path) -> None:
    """No rebuild for a query's fault, and every query of the batch answered."""
    env = dict(os.environ, SSEREF_DATA_DIR=str(tmp_path / "user"))
    queries = "year:❶\n-year:፩ cooperative\nano:❷\ncooperative\n"
    first = subprocess.run(
        [sys.executable, "-m", "sseref", "--database", str(fixture_db_path)]
        + ["search", "--batch", "--json"],
        input=queries,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert first.returncode == 0, first.stderr
    assert len(first.stdout.splitlines()) == 4
    second = subprocess.run(
        [sys.executable, "-m", "sseref", "--database", str(fixture_db_path)]
        + ["search", "--batch", "--json"],
        input=queries,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    # The index was built once (first run, into the empty cache), never for a query.
    assert "Building" not in second.stderr and len(second.stdout.splitlines()) == 4
