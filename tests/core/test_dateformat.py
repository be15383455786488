"""Localized dates keep the precision of the data: year, month, day and ranges in en/es/fr."""

from __future__ import annotations

import datetime as dt

import pytest

from sseref.core.dateformat import format_day, format_spec, format_text
from sseref.core.dates import parse_date


def plain(text: str) -> str:
    """Babel's CLDR data puts thin and no-break spaces around dashes; compare them as spaces."""
    return text.replace("\u2009", " ").replace("\u202f", " ").replace("\xa0", " ")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("1978", "en", "1978"),
        ("1978", "es", "1978"),
        ("1978-09", "en", "September 1978"),
        ("1978-09", "es", "septiembre de 1978"),
        ("1978-09", "fr", "septembre 1978"),
        ("1978-09-12", "en", "12 September 1978"),
        ("1978-09-12", "es", "12 de septiembre de 1978"),
        ("1978-09-12", "fr", "12 septembre 1978"),
        ("2024/2026", "en", "2024–2026"),
        ("2024/2026", "fr", "2024–2026"),
        ("1978-08-30/1978-09-12", "es", "30 de agosto – 12 de septiembre de 1978"),
        ("1978-08-30/1978-09-12", "fr", "30 août – 12 septembre 1978"),
        ("1978-08-30/1978-09-12", "en", "30 August – 12 September 1978"),
        ("2009-12-01/2009-12-03", "en", "1–3 December 2009"),
        ("2009-12-01/2009-12-03", "es", "1–3 de diciembre de 2009"),
        ("2019-03/2019-06", "en", "March – June 2019"),
        ("2019-03/2019-06", "fr", "mars – juin 2019"),
        ("1978-08-30/1979-01-02", "en", "30 August 1978 – 2 January 1979"),
    ],
)
def test_long_dates(text: str, lang: str, expected: str) -> None:
    assert plain(format_spec(parse_date(text), lang)) == expected


def test_mixed_precision_range_keeps_each_side() -> None:
    assert plain(format_spec(parse_date("2013-09/2014"), "en")) == "September 2013 – 2014"


def test_short_style_for_timelines() -> None:
    assert plain(format_text("1978-09-12", "en", "short")) == "12 Sept 1978"
    assert plain(format_text("1978-09", "fr", "short")) == "sept. 1978"


def test_text_that_is_not_a_date_stays_as_is() -> None:
    assert format_text("about 1950", "en") == "about 1950"
    assert format_text(None, "en") == ""


def test_full_day() -> None:
    assert plain(format_day(dt.date(2026, 11, 22), "es")) == "22 de noviembre de 2026"
