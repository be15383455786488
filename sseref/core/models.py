"""Records as plain dataclasses: names per language, summaries, fields, relations, sources.

Loaded with the first record (not at start-up); what lists use is in `core.listing`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sseref.core.dates import DateSpec
from sseref.core.i18n import N_, _

FALLBACK_LANG = "en"


@dataclass(frozen=True)
class Name:
    """A record's name in one language, with its acronym there if it has one."""

    name: str
    acronym: str | None = None


@dataclass(frozen=True)
class Source:
    """Where a record's facts come from: a document of the dataset or an external publication."""

    position: int
    doc_id: str | None = None
    doc_title: str | None = None
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    checked: str | None = None
    note: str | None = None
    seed: str | None = None

    def citation(
        self,
        date_format: Callable[[str], str] | None = None,
        gettext: Callable[[str], str] = _,
    ) -> str:
        """A readable one-line citation; titles stay in the language they were published in.

        The one builder of source lines (record pages, fact sheets, the CLI). `date_format`
        turns the data's dates (`2023-04-18`) into the reader's language; `gettext` translates
        into it (a sheet's language may differ from the interface's).
        """
        fmt = date_format or (lambda text: text)
        title = self.doc_title if self.doc_id else self.title
        parts = [
            self.publisher,
            f"“{title}”" if title else None,
            fmt(self.date) if self.date else None,
            self.url,
        ]
        text = ", ".join(p for p in parts if p) or (self.doc_id or "")
        # `seed` names a file of the build's source cache: not shown to readers.
        if self.checked:
            text += " " + gettext(N_("(checked {date})")).format(date=fmt(self.checked))
        if self.note:
            text += f" — {self.note}"
        return text


@dataclass(frozen=True)
class Relation:
    """A typed link seen from one record: `direction` is "out" when stored on this record."""

    type: str
    direction: str
    other_id: str
    other_kind: str
    other_title: str
    since: str | None = None
    until: str | None = None
    note: str | None = None
    source_doc_id: str | None = None


@dataclass(frozen=True)
class Fact:
    """A changeable fact (a seat, a founding date, a website) with when and where it held.

    `value` is None when the fact is explicitly unknown: `unknown` is then True and `checked`
    the day the search for a source failed. A plain value written without "as of" has
    `as_of` and `source` None.
    """

    value: str | None
    as_of: str | None = None
    source: Source | None = None
    unknown: bool = False
    checked: str | None = None


@dataclass(frozen=True)
class Role:
    """A person's public role in an organization, seen from either side of it."""

    person_id: str
    person_name: str
    organization_id: str
    organization_name: str
    titles: dict[str, str]  # the role's name per language ("Executive Secretary")
    as_of: str
    since: str | None = None
    until: str | None = None
    source: Source | None = None
    # The organization's acronyms in every language (ECLAC, CEPAL): a person is found by them.
    organization_acronyms: tuple[str, ...] = ()

    def title(self, lang: str = FALLBACK_LANG) -> str:
        """The role's name in `lang`, else English, else any language it has."""
        for candidate in (lang, FALLBACK_LANG, *self.titles):
            if candidate in self.titles:
                return self.titles[candidate]
        return ""

    @property
    def current(self) -> bool:
        """Held as of its date (no end date written)."""
        return self.until is None


@dataclass
class Record:
    """One record of any kind, as read from the database."""

    id: str
    kind: str
    names: dict[str, Name]
    summaries: dict[str, str]
    aliases: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    date: DateSpec | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    # The kind's changeable facts, plain, dated or unknown (`fields` keeps the known values).
    facts: dict[str, Fact] = field(default_factory=dict)
    # A person's roles, or the roles people hold in an organization.
    roles: list[Role] = field(default_factory=list)

    def name(self, lang: str = FALLBACK_LANG) -> Name:
        """The name in `lang`, else English, else any language the record has."""
        for candidate in (lang, FALLBACK_LANG, *self.names):
            if candidate in self.names:
                return self.names[candidate]
        return Name(self.id)

    def title(self, lang: str = FALLBACK_LANG) -> str:
        return self.name(lang).name

    def acronym(self, lang: str = FALLBACK_LANG) -> str | None:
        return self.name(lang).acronym

    def summary(self, lang: str = FALLBACK_LANG) -> tuple[str, str]:
        """(text, language it is in): falls back to English when `lang` has none."""
        for candidate in (lang, FALLBACK_LANG, *self.summaries):
            if candidate in self.summaries:
                return self.summaries[candidate], candidate
        return "", lang

    def has_language(self, lang: str) -> bool:
        return lang in self.names or lang in self.summaries

    def to_json(self, lang: str = FALLBACK_LANG) -> dict[str, Any]:
        """A JSON-ready dict of the whole record (used by `sseref show --json`)."""
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title(lang),
            "names": {
                code: {"name": n.name, "acronym": n.acronym} for code, n in self.names.items()
            },
            "aliases": list(self.aliases),
            "summary": dict(self.summaries),
            "themes": list(self.themes),
            "date": self.date.text() if self.date else None,
            "date_precision": self.date.precision.value if self.date else None,
            "fields": dict(self.fields),
            "relations": [
                {
                    "type": r.type,
                    "direction": r.direction,
                    "id": r.other_id,
                    "kind": r.other_kind,
                    "title": r.other_title,
                    "since": r.since,
                    "until": r.until,
                    "note": r.note,
                    "source": r.source_doc_id,
                }
                for r in self.relations
            ],
            "facts": {
                key: {
                    "value": f.value,
                    "as_of": f.as_of,
                    "source": f.source.position if f.source and f.source.position else None,
                    "source_doc": f.source.doc_id if f.source else None,
                    "unknown": f.unknown,
                    "checked": f.checked,
                }
                for key, f in self.facts.items()
            },
            "roles": [
                {
                    "person": r.person_id,
                    "person_name": r.person_name,
                    "organization": r.organization_id,
                    "organization_name": r.organization_name,
                    "role": dict(r.titles),
                    "since": r.since,
                    "until": r.until,
                    "as_of": r.as_of,
                    "source": r.source.citation() if r.source else None,
                }
                for r in self.roles
            ],
            "sources": [
                {
                    "doc": s.doc_id,
                    "title": s.doc_title if s.doc_id else s.title,
                    "publisher": s.publisher,
                    "date": s.date,
                    "url": s.url,
                    "checked": s.checked,
                    "seed": s.seed,
                    "citation": s.citation(),
                }
                for s in self.sources
            ],
        }
