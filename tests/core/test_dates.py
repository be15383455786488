"""Dates with precision: parsing, ranges, errors, and a round trip for any valid date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sseref.core.dates import DateError, Precision, parse_date


@pytest.mark.parametrize(
    ("text", "precision", "first", "last"),
    [
        ("1978", Precision.YEAR, "1978-01-01", "1978-12-31"),
        ("2004-02", Precision.MONTH, "2004-02-01", "2004-02-29"),
        ("2023-04-18", Precision.DAY, "2023-04-18", "2023-04-18"),
        ("1978-08-30/1978-09-12", Precision.DAY, "1978-08-30", "1978-09-12"),
        ("2024/2026", Precision.YEAR, "2024-01-01", "2026-12-31"),
    ],
)
def test_parse(text: str, precision: Precision, first: str, last: str) -> None:
    spec = parse_date(text)
    assert spec.precision is precision
    assert spec.sort_key() == first
    assert spec.last_day() == last
    assert spec.text() == text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("78", "is not a date"),
        ("1978-13", "month 13"),
        ("2023-02-29", "day 29"),
        ("2026/2024", "ends before"),
        ("1978/1979/1980", "not a date or a range"),
        ("18 April 2023", "is not a date"),
    ],
)
def test_bad_dates(text: str, message: str) -> None:
    with pytest.raises(DateError, match=message):
        parse_date(text)


# The accepted years (MIN_YEAR..MAX_YEAR, issue #16): every date in them round-trips.
@given(
    st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2200, 12, 31)),
    st.sampled_from(["y", "m", "d"]),
)
def test_round_trip(day: dt.date, cut: str) -> None:
    text = {"y": day.strftime("%Y"), "m": day.strftime("%Y-%m"), "d": day.isoformat()}[cut]
    assert parse_date(text).text() == text


@pytest.mark.parametrize(
    "text", ["0000", "0000-01", "0999-12-31", "9999", "9999-12", "2201-01-01", "1978/9999", "١٩٧٨"]
)
def test_years_outside_the_range_are_refused(text: str) -> None:
    with pytest.raises(DateError):
        parse_date(text)
