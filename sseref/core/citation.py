"""Readable dates with their precision and one-line citations of records (for the clipboard)."""

from __future__ import annotations

import datetime as dt

from sseref.core.dates import DateSpec, PartialDate
from sseref.core.models import Record


def format_partial(date: PartialDate, lang: str = "en") -> str:
    """`2023-04-18` → `18 April 2023`; `2023-04` → `April 2023`; `2023` → `2023`."""
    from babel.dates import format_date, format_skeleton  # late: keeps start-up fast

    locale = {"en": "en_GB"}.get(lang, lang)
    if date.day is not None and date.month is not None:
        return format_date(dt.date(date.year, date.month, date.day), "long", locale=locale)
    if date.month is not None:
        return format_skeleton("yMMMM", dt.date(date.year, date.month, 1), locale=locale)
    return str(date.year)


def format_spec(spec: DateSpec | None, lang: str = "en") -> str:
    """A date or a range as people write it, keeping only the precision the data has."""
    if spec is None:
        return ""
    start = format_partial(spec.start, lang)
    if spec.end is None:
        return start
    return f"{start} – {format_partial(spec.end, lang)}"


def citation(record: Record, lang: str = "en") -> str:
    """One line to paste into notes: `A/RES/77/281, 18 April 2023` for a resolution."""
    name = record.name(lang)
    date = format_spec(record.date, lang)
    symbol = record.fields.get("symbol")
    if record.kind == "document" and symbol:
        parts = [symbol, date or name.name]
    elif record.kind == "organization":
        title = f"{name.name} ({name.acronym})" if name.acronym else name.name
        founded = record.fields.get("founded")
        parts = [
            title,
            record.fields.get("headquarters") or "",
            str(founded)[:4] if founded else "",
        ]
    else:
        parts = [name.name, date, record.fields.get("place") or ""]
    return ", ".join(p for p in parts if p)
