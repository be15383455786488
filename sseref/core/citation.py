"""One-line citations of records (for the clipboard), dated by the one date formatter."""

from __future__ import annotations

from sseref.core.dateformat import format_spec
from sseref.core.models import Record


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
