"""What the program's lists ask the database for (a filter) and get back (rows of columns).

Whole records are in `core.models`, loaded when the first record opens.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RecordRow:
    """The few columns a list shows for one record (fetched lazily by the GUI's models)."""

    id: str
    kind: str
    title: str
    acronym: str | None
    date_text: str | None
    year: int | None
    type: str | None
    region: str | None
    extra: str | None


@dataclass(frozen=True, slots=True)
class ListFilter:
    """What a panel's filter controls ask for; empty fields do not filter."""

    text: str = ""
    type: str | None = None
    region: str | None = None
    theme: str | None = None
    related_to: str | None = None
    role_target: str | None = None
    role: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    language: str | None = None
    issuing_body: str | None = None
    # A country id: organizations based there, events held there.
    country: str | None = None
