"""The one record presentation layer: what a record shows, in one language, on screen and paper.

The record page (`gui.record_html`), the fact sheet (`report.sheets`), the result list's rows,
"Copy citation" and the shared site all take their dates, labels, key fields and citations from a
`Presenter`, so the same record reads the same everywhere: one date formatter
(`core.dateformat`), one label translator (`report.i18n.Translator`), one citation builder for
records (`core.citation.styled_citation`) and one for sources (`core.models.Source.citation`).
How the result is laid out (HTML, with links or for print) is the caller's template.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sseref.core import dateformat, vocab
from sseref.core.citation import CitationContext, styled_citation
from sseref.core.dates import DateSpec
from sseref.core.kinds import SPECS, Field
from sseref.core.models import Fact, Record, Role, Source
from sseref.report.i18n import Translator


def shown_fields(kind: str) -> tuple[Field, ...]:
    """The key fields of a kind that readers see, in the order its declaration gives them
    (`core.kinds`: adding a field there adds it to pages and sheets)."""
    spec = SPECS.get(kind)
    if spec is None:
        return ()
    return tuple(f for f in spec.fields if f.label is not None and f.type != "roles")


@dataclass(frozen=True)
class FactRow:
    """One key field as shown: label and text, what it links to, and when and where it held."""

    key: str
    label: str
    text: str
    record_id: str | None = None  # the text names a record (an issuing body, a country)
    url: str | None = None  # the text is a web address
    as_of: str = ""  # "as of October 2025", for a dated fact
    source: Source | None = None  # the source of a dated fact
    unknown: bool = False  # searched for, no source found: `text` says so


@dataclass(frozen=True)
class RoleRow:
    """A public role as shown: who, what, where, when, and the source that says so."""

    person_id: str
    person: str
    organization_id: str
    organization: str  # with its acronym
    title: str  # the role's name in the reader's language
    period: str  # "since Oct 2022", "2015–2019", or ""
    current: bool
    as_of: str  # "as of 20 November 2026"
    source: Source | None


class Presenter:
    """Dates, labels, key fields and citations of records in one language."""

    def __init__(self, lang: str) -> None:
        self.tr = Translator.for_language(lang)
        self.lang = self.tr.lang

    def _(self, message: str) -> str:
        return self.tr._(message)

    # --- dates ------------------------------------------------------------------------------

    def date(self, value: DateSpec | str | None, style: dateformat.Style = "long") -> str:
        """A date of the data (a DateSpec or its text form), as precise as it is known."""
        if value is None or value == "":
            return ""
        if isinstance(value, str):
            return dateformat.format_text(value, self.lang, style)
        return dateformat.format_spec(value, self.lang, style)

    def span(self, since: str | None, until: str | None) -> str:
        """A period: "2014–2020", "since 2014", "until March 2020" (short dates)."""
        start = self.date(since, "short")
        end = self.date(until, "short")
        if start and end:
            return f"{start}–{end}"
        if start:
            return self._("since {date}").format(date=start)
        if end:
            return self._("until {date}").format(date=end)
        return ""

    # --- labels -----------------------------------------------------------------------------

    def kind(self, kind: str) -> str:
        return self.tr.kind(kind)

    def vocab_label(self, vocabulary: str, key: str | None) -> str:
        return self.tr.vocab_label(vocab.VOCABULARIES.get(vocabulary, {}), key)

    def type_label(self, kind: str, key: str | None) -> str:
        return self.tr.vocab_label(vocab.TYPE_VOCABULARIES.get(kind, {}), key)

    def region(self, key: str | None) -> str:
        return self.tr.vocab_label(vocab.REGIONS, key)

    def themes(self, keys: list[str]) -> str:
        return ", ".join(self.tr.vocab_label(vocab.THEMES, t) for t in keys)

    def language(self, code: str) -> str:
        return self.tr.language_name(code)

    def relation(self, rel_type: str, direction: str) -> str:
        return self.tr.relation(rel_type, direction)

    # --- key fields -------------------------------------------------------------------------

    def facts(self, record: Record, titles: Mapping[str, str] | None = None) -> list[FactRow]:
        """The record's key fields in order, themes last; empty ones left out.

        `titles` (record id → title as the caller wants it, e.g. with its acronym) names the
        records a field links to; otherwise the title the record's relation carries is used."""
        rows: list[FactRow] = []
        for spec in shown_fields(record.kind):
            row = self._fact(record, spec, titles or {})
            if row is not None and (row.text or row.unknown):
                rows.append(row)
        if record.themes:
            rows.append(FactRow("themes", self._("Themes"), self.themes(record.themes)))
        return rows

    def _fact(self, record: Record, spec: Field, titles: Mapping[str, str]) -> FactRow | None:
        label = self._(spec.label) if spec.label else ""
        raw: Any = record.fields.get(spec.name)
        if spec.type == "date":
            return FactRow(spec.name, label, self.date(record.date))
        if spec.type == "fact":
            fact = record.facts.get(spec.name) or (Fact(str(raw)) if raw else None)
            return self._changeable(spec, label, fact) if fact else None
        if raw in (None, "", []):
            return None
        if spec.type == "vocab":
            return FactRow(spec.name, label, self.vocab_label(spec.vocabulary or "", raw))
        if spec.type == "ref":
            title = titles.get(raw) or next(
                (r.other_title for r in record.relations if r.other_id == raw), raw
            )
            return FactRow(spec.name, label, title, record_id=raw)
        if spec.type == "list":
            items = [self.language(c) if spec.item == "language" else str(c) for c in raw]
            return FactRow(spec.name, label, ", ".join(items))
        if spec.type == "url":
            return FactRow(spec.name, label, str(raw), url=str(raw))
        return FactRow(spec.name, label, str(raw))

    def _changeable(self, spec: Field, label: str, fact: Fact) -> FactRow:
        """A fact that can change: plain, "as of" a date with its source, or explicitly unknown."""
        if fact.unknown:
            return self.unknown_row(spec.name, label, fact.checked)
        text = fact.value or ""
        if spec.item == "date":
            text = self.date(text)
        return FactRow(
            spec.name,
            label,
            text,
            url=text if spec.item == "url" and text else None,
            as_of=self.as_of(fact.as_of),
            source=fact.source,
        )

    def unknown_row(self, key: str, label: str, checked: str | None) -> FactRow:
        return FactRow(key, label, self.unknown(checked), unknown=True)

    def unknown(self, checked: str | None) -> str:
        """What an explicitly unknown fact shows: never a silent gap."""
        if not checked:
            return self._("Unknown (no source found)")
        return self._("Unknown (no source found; checked {date})").format(date=self.date(checked))

    def as_of(self, when: str | None) -> str:
        return self._("as of {date}").format(date=self.date(when)) if when else ""

    # --- people in public roles ------------------------------------------------------------

    def roles(self, record: Record) -> list[RoleRow]:
        """A person's roles, or the people holding roles in an organization: current first."""
        return sorted((self._role(r) for r in record.roles), key=lambda r: not r.current)

    def _role(self, role: Role) -> RoleRow:
        acronym = next(iter(role.organization_acronyms), None)
        organization = role.organization_name
        if acronym and acronym != organization:
            organization += f" ({acronym})"
        return RoleRow(
            person_id=role.person_id,
            person=role.person_name,
            organization_id=role.organization_id,
            organization=organization,
            title=role.title(self.lang),
            period=self.span(role.since, role.until),
            current=role.current,
            as_of=self.as_of(role.as_of),
            source=role.source,
        )

    # --- citations --------------------------------------------------------------------------

    def source(self, source: Source) -> str:
        """A source as one line in this language; titles stay as published."""
        return source.citation(self.date, self.tr._)

    def source_ref(self, source: Source) -> str:
        """How a fact points at its source: "source 2" in the list below, or a document's title."""
        if source.position:
            return self._("source {n}").format(n=source.position)
        return source.doc_title or source.doc_id or ""

    def source_brief(self, source: Source) -> str:
        """A source named in a few words (publisher and title), where its list is elsewhere."""
        if source.doc_id:
            return source.doc_title or source.doc_id
        return ", ".join(p for p in (source.publisher, source.title) if p) or (source.url or "")

    def cite(
        self, record: Record, style: str = "un", context: CitationContext | None = None
    ) -> str:
        """The record cited (the same text "Copy citation" puts on the clipboard)."""
        return styled_citation(record, style, self.lang, context, gettext=self.tr._)


def relation_order(rel_type: str, direction: str) -> tuple[int, str, str]:
    """Where a group of related records goes: a country's laws, bodies and organizations
    first, the rest by type."""
    first = ("has_framework", "has_national_body", "based_in")
    rank = first.index(rel_type) if rel_type in first else len(first)
    return (rank, rel_type, direction)
