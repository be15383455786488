"""Thousands of random strings: the searcher never raises on any input."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sseref.search.engine import SearchEngine

_PIECES = st.sampled_from(
    [
        '"',
        "(",
        ")",
        "-",
        "OR",
        "NOT",
        "AND",
        "kind:",
        "year:",
        "..",
        "type:",
        "region:",
        "lang:",
        "A/RES/",
        "77/281",
        "*",
        ":",
        "/",
        "é",
        "ñ",
        "🙂",
        "\x00",
        "\u200b",
        "coop",
        "solidarity",
        " ",
    ]
)
QUERIES = st.one_of(
    st.text(max_size=60),
    st.lists(_PIECES, max_size=12).map("".join),
    st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=10).map(" ".join),
)


@settings(
    max_examples=2000,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=QUERIES)
def test_any_input_searches(fixture_engine: SearchEngine, text: str) -> None:
    result = fixture_engine.search(text, limit=3)
    assert result.total >= len(result.hits)


def test_huge_input(fixture_engine: SearchEngine) -> None:
    fixture_engine.search("x" * 10_000)
    fixture_engine.search("coop " * 2_000)
    fixture_engine.search('"' * 5_000 + "(" * 5_000)
