"""Dates as people read them in English, Spanish or French, keeping the precision of the data.

The one date formatter of the program: the record page, the result list, the tables, the fact
sheets, citations and the shared web view all print dates through it, so a date reads the same
on screen and on paper. A date known to the year prints as the year, a month as
"September 1978", a day as "12 September 1978" (per locale), and ranges as one interval
("30 August – 12 September 1978"; years as "2024–2026").
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from babel.dates import format_date, format_interval, format_skeleton

from sseref.core.dates import DateError, DateSpec, PartialDate, Precision, parse_date

Style = Literal["long", "short"]


def _locale(lang: str) -> str:
    """Babel's locale for a language: English dates follow UN usage ("18 April 2023")."""
    return "en_GB" if lang in ("en", "en_GB") else lang


# Babel skeletons per precision: the long style for key fields, the short one for timelines.
_SKELETONS: dict[Style, dict[Precision, str]] = {
    "long": {Precision.YEAR: "y", Precision.MONTH: "yMMMM", Precision.DAY: "yMMMMd"},
    "short": {Precision.YEAR: "y", Precision.MONTH: "yMMM", Precision.DAY: "yMMMd"},
}


def _as_date(point: PartialDate) -> dt.date:
    return dt.date(point.year, point.month or 1, point.day or 1)


def format_point(point: PartialDate, lang: str, style: Style = "long") -> str:
    """One partial date in `lang`, as precise as it is known."""
    precision = point.precision
    if precision is Precision.YEAR:
        return str(point.year)
    if precision is Precision.DAY and style == "long":
        return format_date(_as_date(point), format="long", locale=_locale(lang))
    return format_skeleton(_SKELETONS[style][precision], _as_date(point), locale=_locale(lang))


def format_spec(spec: DateSpec | None, lang: str, style: Style = "long") -> str:
    """A date or a range in `lang`; a range of equal precision is one localized interval."""
    if spec is None:
        return ""
    if spec.end is None:
        return format_point(spec.start, lang, style)
    start, end = spec.start, spec.end
    if start.precision is end.precision is Precision.YEAR:
        # UN style, the same in every language and whatever CLDR says this year: "2024–2026",
        # an en dash without spaces (CLDR 47 added spaces for English).
        return f"{start.year}\u2013{end.year}"
    if start.precision is end.precision and style == "short":
        skeleton = _SKELETONS[style][start.precision]
        return format_interval(_as_date(start), _as_date(end), skeleton, locale=_locale(lang))
    if start.precision is end.precision and start.year == end.year:
        return _long_range_in_one_year(start, end, lang)
    return f"{format_point(start, lang, style)} – {format_point(end, lang, style)}"


def _long_range_in_one_year(start: PartialDate, end: PartialDate, lang: str) -> str:
    """ "30 August – 12 September 1978", "1–3 December 2009", "March – June 2019".

    Built here rather than by Babel's interval formats, which fall back to abbreviated months
    for long skeletons in some locales and CLDR versions; our three languages all write the day
    before the month, so the shared year (and month) go once, at the end."""
    end_text = format_point(end, lang, "long")
    if start.precision is Precision.DAY and start.month == end.month:
        return f"{start.day}\u2013{end_text}"
    if start.precision is Precision.DAY:
        head = format_skeleton("dMMMM", _as_date(start), locale=_locale(lang))
    else:  # the month's full stand-alone name ("LLLL"): a skeleton may abbreviate it
        head = format_date(_as_date(start), "LLLL", locale=_locale(lang))
    return f"{head} – {end_text}"


def format_month_first(point: PartialDate, *, year: bool = True) -> str:
    """US English with the month first, as APA and Chicago write dates: "April 18, 2023",
    "April 2023"; without the year (APA's "(2023, April 18)"): "April 18", "April"."""
    if point.month is None:
        return str(point.year) if year else ""
    if point.day is not None:
        pattern = "MMMM d, y" if year else "MMMM d"
    else:
        pattern = "MMMM y" if year else "MMMM"
    return format_date(_as_date(point), pattern, locale="en_US")


def format_text(text: str | None, lang: str, style: Style = "long") -> str:
    """A date written in the data's text form; text that is not a date is returned as is."""
    if not text:
        return ""
    try:
        return format_spec(parse_date(text), lang, style)
    except DateError:
        return text


def format_day(day: dt.date, lang: str) -> str:
    """A full calendar day (the cover's date, "data as of")."""
    return format_date(day, format="long", locale=_locale(lang))
