"""Short dates and counts for the interface without loading Babel's locale data.

The window's tables show dates such as "Sept 1978" or "12 sept. 1978" and counts such as
"1 234". Babel formats them by loading and merging a locale's whole CLDR data, which at start-up
cost more than building the rest of the window. These tables hold the few strings those formats
need, taken from Babel by `generate()`: tests/report/test_cldr_subset.py checks that they still
give exactly what Babel gives. Anything else (other locales, ranges, long dates) goes to Babel.
"""

from __future__ import annotations

from typing import Any

LANGS = ("en", "en_GB", "es", "fr")

# Babel's skeleton "yMMM" (month precision) per month, with {y} for the year.
MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "Jan {y}",
        "Feb {y}",
        "Mar {y}",
        "Apr {y}",
        "May {y}",
        "Jun {y}",
        "Jul {y}",
        "Aug {y}",
        "Sep {y}",
        "Oct {y}",
        "Nov {y}",
        "Dec {y}",
    ),
    "en_GB": (
        "Jan {y}",
        "Feb {y}",
        "Mar {y}",
        "Apr {y}",
        "May {y}",
        "Jun {y}",
        "Jul {y}",
        "Aug {y}",
        "Sept {y}",
        "Oct {y}",
        "Nov {y}",
        "Dec {y}",
    ),
    "es": (
        "ene {y}",
        "feb {y}",
        "mar {y}",
        "abr {y}",
        "may {y}",
        "jun {y}",
        "jul {y}",
        "ago {y}",
        "sept {y}",
        "oct {y}",
        "nov {y}",
        "dic {y}",
    ),
    "fr": (
        "janv. {y}",
        "févr. {y}",
        "mars {y}",
        "avr. {y}",
        "mai {y}",
        "juin {y}",
        "juil. {y}",
        "août {y}",
        "sept. {y}",
        "oct. {y}",
        "nov. {y}",
        "déc. {y}",
    ),
}
# Babel's skeleton "yMMMd" (day precision) per month, with {d} and {y}.
DAYS: dict[str, tuple[str, ...]] = {
    "en": (
        "Jan {d}, {y}",
        "Feb {d}, {y}",
        "Mar {d}, {y}",
        "Apr {d}, {y}",
        "May {d}, {y}",
        "Jun {d}, {y}",
        "Jul {d}, {y}",
        "Aug {d}, {y}",
        "Sep {d}, {y}",
        "Oct {d}, {y}",
        "Nov {d}, {y}",
        "Dec {d}, {y}",
    ),
    "en_GB": (
        "{d} Jan {y}",
        "{d} Feb {y}",
        "{d} Mar {y}",
        "{d} Apr {y}",
        "{d} May {y}",
        "{d} Jun {y}",
        "{d} Jul {y}",
        "{d} Aug {y}",
        "{d} Sept {y}",
        "{d} Oct {y}",
        "{d} Nov {y}",
        "{d} Dec {y}",
    ),
    "es": (
        "{d} ene {y}",
        "{d} feb {y}",
        "{d} mar {y}",
        "{d} abr {y}",
        "{d} may {y}",
        "{d} jun {y}",
        "{d} jul {y}",
        "{d} ago {y}",
        "{d} sept {y}",
        "{d} oct {y}",
        "{d} nov {y}",
        "{d} dic {y}",
    ),
    "fr": (
        "{d} janv. {y}",
        "{d} févr. {y}",
        "{d} mars {y}",
        "{d} avr. {y}",
        "{d} mai {y}",
        "{d} juin {y}",
        "{d} juil. {y}",
        "{d} août {y}",
        "{d} sept. {y}",
        "{d} oct. {y}",
        "{d} nov. {y}",
        "{d} déc. {y}",
    ),
}
# The thousands separator of Babel's format_decimal (groups of three digits).
GROUP_SYMBOLS: dict[str, str] = {"en": ",", "en_GB": ",", "es": ".", "fr": "\u202f"}


def short_date(year: int, month: int, day: int | None, lang: str) -> str | None:
    """Babel's short month ("yMMM") or day ("yMMMd") form, or None when not in these tables."""
    table = MONTHS if day is None else DAYS
    if lang not in table or not 1000 <= year <= 9999 or not 1 <= month <= 12:
        return None
    return table[lang][month - 1].format(y=year, d=day)


def count(n: int, lang: str) -> str | None:
    """Babel's format_decimal of a whole number ≥ 0, or None when not in these tables."""
    group = GROUP_SYMBOLS.get(lang)
    if group is None or not isinstance(n, int) or n < 0:
        return None
    return f"{n:,}".replace(",", group)


def generate() -> dict[str, Any]:
    """The tables as Babel gives them today (to check or refresh the ones above)."""
    import datetime as dt

    from babel.dates import format_skeleton
    from babel.numbers import format_decimal

    def month(lang: str, m: int) -> str:
        return format_skeleton("yMMM", dt.date(2001, m, 1), locale=lang).replace("2001", "{y}")

    def day(lang: str, m: int) -> str:
        text = format_skeleton("yMMMd", dt.date(2001, m, 23), locale=lang)
        return text.replace("23", "{d}").replace("2001", "{y}")

    return {
        "MONTHS": {lang: tuple(month(lang, m) for m in range(1, 13)) for lang in LANGS},
        "DAYS": {lang: tuple(day(lang, m) for m in range(1, 13)) for lang in LANGS},
        "GROUP_SYMBOLS": {lang: format_decimal(1234567, locale=lang)[1] for lang in LANGS},
    }
