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


def test_query_variants_drop_the_session_and_the_prefix() -> None:
    assert symbols.query_variants("a/res/3251(xxix)") == [
        "a/res/3251(xxix)",
        "a/res/3251",
        "3251",
    ]
    assert symbols.query_variants("58/220") == ["58/220"]
    assert "77" not in symbols.query_variants("a/77/l.60")  # a draft is not its number


def test_cited_keys_exclude_the_records_own_symbol() -> None:
    keys = symbols.cited_keys(["As resolution 58/220 asked, and A/RES/77/281"], {"77/281"})
    assert "58/220" in keys and "a/res/77/281" in keys and "77/281" not in keys


@pytest.mark.parametrize(
    "query", ["58/220", "A/RES/58/220", "RES/58/220", "58 / 220", "resolution 58/220"]
)
def test_a_symbol_returns_the_document_then_what_it_created_or_what_cites_it(
    real_engine: SearchEngine, query: str
) -> None:
    found = ids(real_engine, query, limit=20)
    assert found[0] == "doc/a-res-58-220"
    # Related through the data's relations (the Day it established, the event of its
    # adoption) and through the symbol quoted in a record's text (the glossary term).
    for related in (
        "init/un-day-ssc",
        "event/2003-un-day-ssc-declared",
        "term/un-day-for-south-south-cooperation",
    ):
        assert related in found[1:], (query, found)


@pytest.mark.parametrize(
    "query", ["A/RES/3251(XXIX)", "A/RES/3251 (XXIX)", "a/res/3251", "3251(XXIX)"]
)
def test_roman_session_written_or_not(real_engine: SearchEngine, query: str) -> None:
    assert ids(real_engine, query)[:1] == ["doc/a-res-3251-xxix"]


@pytest.mark.parametrize("query", ["A/77/L.60", "a/77/L. 60"])
def test_a_draft_symbol_finds_the_resolution(real_engine: SearchEngine, query: str) -> None:
    assert "doc/a-res-77-281" in ids(real_engine, query)[:2]


def test_a_symbol_only_quoted_finds_the_records_quoting_it(real_engine: SearchEngine) -> None:
    # No record bears 66/550; the records that mention it are found by it.
    assert "event/2011-un-day-ssc-moved-to-12-september" in ids(real_engine, "66/550")
