"""The start-up tables of short dates and counts give exactly what Babel gives."""

from __future__ import annotations

import datetime as dt

import pytest
from babel.dates import format_interval, format_skeleton
from babel.numbers import format_decimal

from sseref.core.dates import parse_date
from sseref.report import cldr_subset
from sseref.report.dates import format_text


def test_tables_match_babel_today() -> None:
    fresh = cldr_subset.generate()
    assert fresh["MONTHS"] == cldr_subset.MONTHS
    assert fresh["DAYS"] == cldr_subset.DAYS
    assert fresh["GROUP_SYMBOLS"] == cldr_subset.GROUP_SYMBOLS


@pytest.mark.parametrize("lang", cldr_subset.LANGS)
def test_short_dates_match_babel(lang: str) -> None:
    for year in (1000, 1895, 1978, 2023, 9999):
        for month in range(1, 13):
            assert cldr_subset.short_date(year, month, None, lang) == format_skeleton(
                "yMMM", dt.date(year, month, 1), locale=lang
            )
            for day in (1, 2, 9, 10, 23, 28):
                assert cldr_subset.short_date(year, month, day, lang) == format_skeleton(
                    "yMMMd", dt.date(year, month, day), locale=lang
                )


@pytest.mark.parametrize("lang", cldr_subset.LANGS)
def test_counts_match_babel(lang: str) -> None:
    for n in [*range(0, 2100), 9999, 10000, 12345, 999999, 1000000, 1234567, 10**9 + 7]:
        assert cldr_subset.count(n, lang) == format_decimal(n, locale=lang), n


def test_other_forms_still_go_to_babel() -> None:
    assert cldr_subset.short_date(1978, 9, None, "de") is None
    assert cldr_subset.short_date(999, 9, None, "fr") is None
    assert cldr_subset.count(-5, "en") is None
    assert cldr_subset.count(5, "de") is None
    assert format_text("1978-09", "en_GB", "short") == "Sept 1978"
    # A range is not in the tables: it is still one Babel interval.
    spec = parse_date("1978-08-30/1978-09-12")
    assert spec.end is not None
    assert format_text("1978-08-30/1978-09-12", "en_GB", "short") == format_interval(
        dt.date(1978, 8, 30), dt.date(1978, 9, 12), "yMMMd", locale="en_GB"
    )
