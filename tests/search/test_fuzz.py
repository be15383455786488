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


# Field names in all their spellings and filter values of every kind of digit and sign.
_FIELDS = st.sampled_from(["year:", "-year:", "ano:", "annee:", "date:", "kind:", "type:", "lang:"])


@settings(max_examples=3000, deadline=None, database=None)
@given(
    text=st.one_of(
        st.text(alphabet=st.characters(codec="utf-8"), max_size=80),
        st.tuples(_FIELDS, st.text(max_size=8)).map("".join),
        st.tuples(_FIELDS, st.sampled_from([">=", "<", "..", ""]), st.text(max_size=6)).map(
            "".join
        ),
        st.lists(st.characters(categories=["Nd", "No", "Nl"]), max_size=5).map(
            lambda chars: "year:" + "".join(chars)
        ),
    ),
    as_you_type=st.booleans(),
)
def test_the_compiler_never_raises(
    fixture_engine: SearchEngine, text: str, as_you_type: bool
) -> None:
    """Over arbitrary Unicode: parsing and compiling (plain and relaxed) always answer."""
    from sseref.search.query import parse

    compiler = fixture_engine._compiler
    parsed = parse(text, as_you_type=as_you_type)
    compiler.compile(parsed)
    compiler.compile(parsed, relaxed=True)


def test_unicode_digit_years_are_not_years(fixture_engine: SearchEngine) -> None:
    """`year:❶` is no year (isdigit() is true, int() fails); Arabic-Indic digits are one."""
    from sseref.search.compiler import _year_range

    for value in ("❶", "፩", "²", "Ⅻ", ">=❶", "1970..❷", "<፩"):
        assert _year_range(value) is None, value
    arabic = _year_range("١٩٧٨")
    assert arabic is not None and (arabic.low, arabic.high) == (1978, 1978)
    for text in ("year:❶", "-year:፩ coop", "ano:❷", "annee:≥❶", "date:²"):
        fixture_engine.search(text)
