"""Dates as people read them in English, Spanish or French, keeping the precision of the data.

A date known to the year prints as the year, a month as "September 1978", a day as
"12 September 1978" (per locale), and ranges as one interval ("30 August – 12 September 1978").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from sseref.core.dates import DateError, DateSpec, PartialDate, Precision, parse_date
from sseref.report import cldr_subset

if TYPE_CHECKING:
    import datetime as dt

# Babel (babel.dates) is imported where it is used: the short forms the interface's tables show
# at start-up come from `cldr_subset`, without loading Babel's locale data.

Style = Literal["long", "short"]


def _locale(lang: str) -> str:
    """Babel's locale for a language: English dates follow UN usage ("18 April 2023")."""
    return "en_GB" if lang == "en" else lang


# Babel skeletons per precision: the long style for key fields, the short one for timelines.
_SKELETONS: dict[Style, dict[Precision, str]] = {
    "long": {Precision.YEAR: "y", Precision.MONTH: "yMMMM", Precision.DAY: "yMMMMd"},
    "short": {Precision.YEAR: "y", Precision.MONTH: "yMMM", Precision.DAY: "yMMMd"},
}


def _as_date(point: PartialDate) -> dt.date:
    import datetime as dt  # with Babel, never for the lists' short dates (see above)

    return dt.date(point.year, point.month or 1, point.day or 1)


def format_point(point: PartialDate, lang: str, style: Style = "long") -> str:
    """One partial date in `lang`, as precise as it is known."""
    precision = point.precision
    if precision is Precision.YEAR:
        return str(point.year)
    if style == "short":
        day = point.day if precision is Precision.DAY else None
        quick = cldr_subset.short_date(point.year, point.month or 1, day, _locale(lang))
        if quick is not None:
            return quick
    from babel.dates import format_date, format_skeleton

    if precision is Precision.DAY and style == "long":
        return format_date(_as_date(point), format="long", locale=_locale(lang))
    return format_skeleton(_SKELETONS[style][precision], _as_date(point), locale=_locale(lang))


def format_spec(spec: DateSpec, lang: str, style: Style = "long") -> str:
    """A date or a range in `lang`; a range of equal precision is one localized interval."""
    if spec.end is None:
        return format_point(spec.start, lang, style)
    start, end = spec.start, spec.end
    if start.precision is end.precision is Precision.YEAR:
        # UN style, the same in every language and whatever CLDR says this year: "2024–2026",
        # an en dash without spaces (CLDR 47 added spaces for English).
        return f"{start.year}\u2013{end.year}"
    if start.precision is end.precision:
        from babel.dates import format_interval

        skeleton = _SKELETONS[style][start.precision]
        return format_interval(_as_date(start), _as_date(end), skeleton, locale=_locale(lang))
    return f"{format_point(start, lang, style)} – {format_point(end, lang, style)}"


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
    from babel.dates import format_date

    return format_date(day, format="long", locale=_locale(lang))
