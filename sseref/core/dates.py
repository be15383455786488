"""Dates with their precision (day, month, year) and ranges, parsed from the data's text form."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

_POINT = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
# The years a record may carry. Every date in this range formats on screen and on paper (Babel,
# Qt, datetime); 0000 or 9999 with a month broke both (year 0 does not exist in datetime, and
# the day after 9999-12-31 cannot be computed).
MIN_YEAR, MAX_YEAR = 1000, 2200


def days_in_month(year: int, month: int) -> int:
    """The month's length in the proleptic Gregorian calendar (what `calendar.monthrange`
    answers; that module is not imported because it brings `datetime` and `locale` to the
    start-up path, which formats the lists' dates)."""
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return 29 if month == 2 and leap else _MONTH_DAYS[month - 1]


class Precision(StrEnum):
    """How much of a date is known."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class DateError(ValueError):
    """A date string that does not follow the data's date format."""


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    def iso(self) -> str:
        """The text form the data uses: 1978, 1978-09 or 1978-09-12."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def first_day(self) -> str:
        """The earliest ISO day this date can mean (for sorting and ranges)."""
        return f"{self.year:04d}-{self.month or 1:02d}-{self.day or 1:02d}"

    def last_day(self) -> str:
        """The latest ISO day this date can mean."""
        month = self.month or 12
        day = self.day or days_in_month(self.year, month)
        return f"{self.year:04d}-{month:02d}-{day:02d}"


@dataclass(frozen=True, slots=True)
class DateSpec:
    """A single partial date or a range of two, as written in a record."""

    start: PartialDate
    end: PartialDate | None = None

    @property
    def is_range(self) -> bool:
        return self.end is not None

    @property
    def precision(self) -> Precision:
        return self.start.precision

    def text(self) -> str:
        """The canonical text form (what `parse_date` reads back)."""
        if self.end is None:
            return self.start.iso()
        return f"{self.start.iso()}/{self.end.iso()}"

    def sort_key(self) -> str:
        return self.start.first_day()

    def last_day(self) -> str:
        return (self.end or self.start).last_day()

    @property
    def year(self) -> int:
        return self.start.year


def _parse_point(text: str) -> PartialDate:
    match = _POINT.match(text.strip())
    if not match:
        raise DateError(f"'{text}' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateError(f"'{text}': the year must be between {MIN_YEAR} and {MAX_YEAR}")
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"'{text}': month {month} does not exist")
    if day is not None:
        assert month is not None
        if not 1 <= day <= days_in_month(year, month):
            raise DateError(f"'{text}': day {day} does not exist in that month")
    return PartialDate(year, month, day)


def parse_date(text: str) -> DateSpec:
    """Parses `YYYY[-MM[-DD]]` or a range `A/B`; raises DateError with a readable message."""
    if not isinstance(text, str) or not text.strip():
        raise DateError("empty date")
    parts = text.strip().split("/")
    if len(parts) == 1:
        return DateSpec(_parse_point(parts[0]))
    if len(parts) == 2:
        start, end = _parse_point(parts[0]), _parse_point(parts[1])
        if end.first_day() < start.first_day():
            raise DateError(f"'{text}': the range ends before it starts")
        return DateSpec(start, end)
    raise DateError(f"'{text}' is not a date or a range 'A/B'")
