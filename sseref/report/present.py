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

from sseref.core import dateformat, kinds, vocab
from sseref.core.citation import CitationContext, styled_citation
from sseref.core.dates import DateSpec
from sseref.core.fieldview import field_views
from sseref.core.models import Record, Relation, Role, Source
from sseref.report.i18n import Translator


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
    # How the row names its source: "source 1" on the person's own page or sheet (its list is
    # below), the source's publisher and title on an organization's (the list is the person's).
    source_text: str = ""


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
        """The record's key fields in the order its kind declares them (`core.fieldview`, the
        one field list, which `sseref show` prints too), themes last; empty ones left out.

        `titles` (record id → title as the caller wants it, e.g. with its acronym) names the
        records a field links to; otherwise the title the record's relation carries is used.
        Roles are not a row: pages and sheets list them in a section of their own."""
        rows = []
        for view in field_views(record, self.lang, self.tr._, titles):
            if view.type == "roles":
                continue
            fact = view.fact
            rows.append(
                FactRow(
                    key=view.name,
                    label=view.label,
                    text=(titles or {}).get(view.link, view.text) if view.link else view.text,
                    record_id=view.link,
                    url=view.url,
                    as_of=view.as_of,
                    source=fact.source if fact and not fact.unknown else None,
                    unknown=view.unknown,
                )
            )
        return rows

    def as_of(self, when: str | None) -> str:
        return self._("as of {date}").format(date=self.date(when)) if when else ""

    # --- people in public roles ------------------------------------------------------------

    def roles(self, record: Record) -> list[RoleRow]:
        """A person's roles, or the people holding roles in an organization: current first."""
        of_person = record.kind == "person"
        rows = (self._role(r, of_person) for r in record.roles)
        return sorted(rows, key=lambda r: not r.current)

    def _role(self, role: Role, of_person: bool) -> RoleRow:
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
            source_text=(
                ""
                if role.source is None
                else self.source_ref(role.source)
                if of_person
                else self.source_brief(role.source)
            ),
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


def listed_relations(record: Record) -> list[Relation]:
    """The record's links in the order pages and sheets group them, without the links the
    build derived from one of the record's own fields (an organization's country, a document's
    issuing body): the field list already shows those, and a second row would repeat it."""
    derived = {
        (rel_type, side, record.fields.get(name))
        for name, (rel_type, side) in kinds.field_links(record.kind).items()
        if record.fields.get(name)
    }
    return sorted(
        (r for r in record.relations if (r.type, r.direction, r.other_id) not in derived),
        key=lambda r: relation_order(r.type, r.direction),
    )


def relation_order(rel_type: str, direction: str) -> tuple[int, str, str]:
    """Where a group of related records goes: a country's laws, bodies and organizations
    first, the rest by type."""
    first = ("has_framework", "has_national_body", "based_in", "held_in")
    rank = first.index(rel_type) if rel_type in first else len(first)
    return (rank, rel_type, direction)
