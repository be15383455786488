"""One fact sheet per record: header block, key fields, summary, relations, timeline, sources.

Each kind contributes its key fields; the rest is shared. A sheet is made of named sections so
that a bilingual sheet can lay two languages side by side, section by section.
"""

from __future__ import annotations

from dataclasses import dataclass

from sseref.core.citation import CitationContext
from sseref.core.db import Database
from sseref.core.listing import RecordRow
from sseref.core.models import Record, Relation, Source
from sseref.report.markup import (
    Markup,
    dated_list,
    esc,
    facts_table,
    heading,
    ordered_list,
    paragraph,
)
from sseref.report.present import FactRow, Presenter, listed_relations
from sseref.report.render import fragment, join

MAX_TIMELINE = 12
MAX_DOCUMENTS = 12


@dataclass(frozen=True)
class Section:
    """A named part of a sheet body in one language (facts, summary, relations, …)."""

    key: str
    html: Markup


@dataclass(frozen=True)
class SheetParts:
    """A sheet in one language before it is assembled into HTML."""

    record_id: str
    kind: str
    lang: str
    title: str
    subtitle: Markup
    other_names: Markup
    sections: list[Section]
    sources: Markup


class SheetBuilder:
    """Builds the parts of a record's sheet in one language from the database."""

    def __init__(self, db: Database, lang: str) -> None:
        self.db = db
        self.p = Presenter(lang)  # dates, labels, key fields and citations, as on screen
        self.tr = self.p.tr
        self.lang = self.p.lang
        self.label_width = "22%"  # a column of a two-language sheet: wider (see build)

    # --- entry point ------------------------------------------------------------------------

    def build(self, record_id: str, own_language_only: bool = False) -> SheetParts:
        """The sheet's parts; `own_language_only` (a column of a two-language sheet) gives a
        glossary term in this sheet's language only: the other column holds the other one."""
        record = self.db.get(record_id, self.lang)
        self.label_width = "34%" if own_language_only else "22%"
        related = self._related_rows(record)
        sections = [Section("facts", facts_table(self._facts(record), self.label_width))]
        if record.kind == "term":
            sections = [Section("facts", self._term_table(record, own_language_only))]
        else:
            sections.append(Section("summary", self._summary(record)))
        sections.append(Section("roles", self._roles(record)))
        sections += [
            Section("relations", self._relations(record, related)),
            Section("timeline", self._timeline(record, related)),
            Section("documents", self._documents(record, related)),
        ]
        return SheetParts(
            record_id=record.id,
            kind=record.kind,
            lang=self.lang,
            title=record.title(self.lang),
            subtitle=self._subtitle(record),
            other_names=self._other_names(record),
            sections=[s for s in sections if s.html],
            sources=self.sources_html(record.sources) + self._cite(record),
        )

    # --- header ----------------------------------------------------------------------------

    def _subtitle(self, record: Record) -> Markup:
        parts: list[str | Markup] = [self.p.kind(record.kind)]
        acronym = record.acronym(self.lang)
        if acronym:
            parts.insert(0, fragment('<span class="acronym">{{ a }}</span>', a=acronym))
        if record.kind == "document" and record.fields.get("symbol"):
            symbol = record.fields["symbol"]
            parts.append(fragment('<span class="symbol">{{ s }}</span>', s=symbol))
        if record.date and record.kind in ("event", "document", "initiative"):
            parts.append(self.p.date(record.date))
        return join(parts, " · ")

    def _other_names(self, record: Record) -> Markup:
        if record.kind == "term":
            return Markup("")
        shown = record.name(self.lang)
        items = []
        for code, name in record.names.items():
            if name == shown:
                continue
            text = name.name + (f" ({name.acronym})" if name.acronym else "")
            items.append(f"{self.p.language(code)}: {text}")
        if record.aliases:
            also = self.tr._("Also known as")
            items.append(f"{also}: {', '.join(record.aliases)}")
        return paragraph(" · ".join(items), "othernames")

    # --- key fields ----------------------------------------------------------------------

    def _facts(self, record: Record) -> list[tuple[str, Markup]]:
        """The key fields the presentation layer lists (the record page shows the same)."""
        titles = {
            row.id: row.title + (f" ({acronym})" if (acronym := _acronym(row)) else "")
            for row in self.db.rows(self._linked_ids(record), self.lang)
        }
        return [(row.label, self.fact_html(row)) for row in self.p.facts(record, titles)]

    def _linked_ids(self, record: Record) -> list[str]:
        return [
            str(v)
            for key in ("issuing_body", "country")
            if (v := record.fields.get(key)) and isinstance(v, str)
        ]

    def _roles(self, record: Record) -> Markup:
        """A person's public roles, or the people holding roles in an organization: each with
        its period, "as of" date and source."""
        if not record.roles:
            return Markup("")
        of_person = record.kind == "person"
        rows = []
        for role in self.p.roles(record):
            note = "; ".join(x for x in (role.period, role.as_of, role.source_text) if x)
            label = role.organization if of_person else role.person
            rows.append(
                (
                    label,
                    fragment(
                        '{{ v }}{% if n %} <span class="relabel">({{ n }})</span>{% endif %}',
                        v=role.title,
                        n=note,
                    ),
                )
            )
        title = self.tr._("Roles") if of_person else self.tr._("People")
        return heading(title) + facts_table(rows, self.label_width)

    def fact_html(self, row: FactRow) -> Markup:
        """A key field's value on paper: its text, then "as of" and its source when dated."""
        if row.unknown:
            return fragment('<span class="unknown">{{ t }}</span>', t=row.text)
        html = esc(row.text)
        if row.as_of:
            ref = self.p.source_ref(row.source) if row.source else ""
            note = f"{row.as_of}, {ref}" if ref else row.as_of
            html += fragment(' <span class="relabel">({{ n }})</span>', n=note)
        return html

    def _term_table(self, record: Record, own_language_only: bool = False) -> Markup:
        """A glossary term in every language it has (or in this sheet's language only): term
        and definition per language."""
        rows = []
        codes = [self.lang] if own_language_only else _term_languages(record, self.lang)
        for code in codes:
            name = record.names.get(code)
            definition = record.summaries.get(code, "")
            if not name and not definition:
                continue
            term = name.name if name else ""
            rows.append(
                (
                    self.p.language(code),
                    paragraph(term, "term") + paragraph(definition, "definition"),
                )
            )
        table = facts_table(rows, self.label_width)
        themes = self.p.themes(record.themes)
        if themes:
            table += facts_table([(self.tr._("Themes"), themes)], self.label_width)
        return table

    # --- shared sections -------------------------------------------------------------------

    def _summary(self, record: Record) -> Markup:
        text, lang = record.summary(self.lang)
        html = paragraph(text, "summary")
        if text and lang != self.lang:
            note = self.tr._("Summary available in {language} only.").format(
                language=self.p.language(lang)
            )
            html += paragraph(note, "note")
        return html

    def _related_rows(self, record: Record) -> dict[str, RecordRow]:
        ids = list(dict.fromkeys(r.other_id for r in record.relations))
        return {row.id: row for row in self.db.rows(ids, self.lang)}

    def _relations(self, record: Record, related: dict[str, RecordRow]) -> Markup:
        """Links to organizations, initiatives and terms, grouped by their label."""
        groups: dict[str, list[Markup]] = {}
        for rel in listed_relations(record):
            if rel.other_kind in ("event", "document"):
                continue
            label = self.p.relation(rel.type, rel.direction)
            groups.setdefault(label, [])
            text = rel.other_title
            acronym = _acronym(related.get(rel.other_id))
            if acronym and acronym != rel.other_title:
                text += f" ({acronym})"
            item = esc(text) + self._span(rel)
            if item not in groups[label]:
                groups[label].append(item)
        if not groups:
            return Markup("")
        rows = [(label, join(items, "; ")) for label, items in groups.items()]
        return heading(self.tr._("Relations")) + facts_table(rows, self.label_width)

    def _span(self, rel: Relation) -> Markup:
        text = self.p.span(rel.since, rel.until)
        if not text:
            return Markup("")
        return fragment(' <span class="relabel">({{ t }})</span>', t=text)

    def _dated(
        self, record: Record, related: dict[str, RecordRow], kind: str, limit: int
    ) -> list[tuple[str, Markup | str]]:
        seen: dict[str, tuple[str, str, Markup]] = {}
        for rel in record.relations:
            row = related.get(rel.other_id)
            if rel.other_kind != kind or row is None or row.id in seen:
                continue
            when = self.p.date(row.date_text, "short")
            seen[row.id] = (
                row.date_text or "9999",
                when,
                fragment(
                    '{% if symbol %}<span class="symbol">{{ symbol }}</span> {% endif %}'
                    '{{ title }} <span class="relabel">· {{ label }}</span>',
                    symbol=row.extra if kind == "document" else None,
                    title=row.title,
                    label=self.p.relation(rel.type, rel.direction),
                ),
            )
        ordered = sorted(seen.values(), key=lambda item: item[0])
        rows: list[tuple[str, Markup | str]] = [(when, html) for _, when, html in ordered[:limit]]
        if len(ordered) > limit:
            rows.append(("", self.tr._("… and {n} more").format(n=len(ordered) - limit)))
        return rows

    def _timeline(self, record: Record, related: dict[str, RecordRow]) -> Markup:
        rows = self._dated(record, related, "event", MAX_TIMELINE)
        return heading(self.tr._("Timeline")) + dated_list(rows) if rows else Markup("")

    def _documents(self, record: Record, related: dict[str, RecordRow]) -> Markup:
        rows = self._dated(record, related, "document", MAX_DOCUMENTS)
        if not rows:
            return Markup("")
        return heading(self.tr._("Key documents")) + dated_list(rows, "documents")

    def sources_html(self, sources: list[Source]) -> Markup:
        """The numbered sources, each cited by the one source citation builder."""
        if not sources:
            return Markup("")
        return heading(self.tr._("Sources")) + ordered_list(
            (self.p.source(s) for s in sources), "sources"
        )

    def _cite(self, record: Record) -> Markup:
        """How to cite the record: the text "Copy citation" gives on screen (UN style)."""
        context = CitationContext(self.db.meta().get("data_as_of"))
        text = self.p.cite(record, "un", context)
        return heading(self.tr._("How to cite")) + paragraph(text, "cite")


def _acronym(row: RecordRow | None) -> str | None:
    """The row's acronym; `Database.rows` falls back to the id when there is none."""
    if row is None or not row.acronym or row.acronym == row.id:
        return None
    return row.acronym


def _term_languages(record: Record, first: str) -> list[str]:
    codes = [first, *(c for c in ("en", "es", "fr") if c != first)]
    codes += [c for c in (*record.names, *record.summaries) if c not in codes]
    return codes
