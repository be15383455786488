"""UN symbols: every usual spelling finds the resolution."""

from __future__ import annotations

import pytest

from sseref.search import symbols
from sseref.search.engine import SearchEngine
from tests.search.conftest import ids


def test_index_keys() -> None:
    keys = symbols.index_keys("A/RES/77/281")
    assert {"a/res/77/281", "77/281", "res/77/281", "a/77/281"} <= set(keys)
    assert "3251" in symbols.index_keys("A/RES/3251(XXIX)")


@pytest.mark.parametrize(
    "query",
    [
        "A/RES/77/281",
        "a/res/77/281",
        "A/77/281",
        "77/281",
        "res 77/281",
        "resolution 77/281",
        "A / RES / 77 / 281",
    ],
)
def test_symbol_spellings_find_the_resolution(fixture_engine: SearchEngine, query: str) -> None:
    assert ids(fixture_engine, query)[:1] == ["doc/beta-resolution"]


def test_unknown_symbol_like_text_degrades(fixture_engine: SearchEngine) -> None:
    assert fixture_engine.search("1970/1980").total == 0
    assert fixture_engine.search("99/999").hits == []


@pytest.mark.parametrize(
    "query,expected",
    [
        ("A/RES/77/281", "doc/a-res-77-281"),
        ("58/220", "doc/a-res-58-220"),
        ("A/58/220", "doc/a-res-58-220"),
    ],
)
def test_real_symbols(real_engine: SearchEngine, query: str, expected: str) -> None:
    assert ids(real_engine, query)[:1] == [expected]
