"""One fact sheet per record: header block, key fields, summary, relations, timeline, sources.

Each kind contributes its key fields; the rest is shared. A sheet is made of named sections so
that a bilingual sheet can lay two languages side by side, section by section.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sseref.core import dateformat as dates
from sseref.core import vocab
from sseref.core.db import Database
from sseref.core.listing import RecordRow
from sseref.core.models import Record, Relation, Source
from sseref.report.i18n import Translator
from sseref.report.markup import dated_list, esc, facts_table, heading, ordered_list, paragraph

MAX_TIMELINE = 12
MAX_DOCUMENTS = 12


@dataclass(frozen=True)
class Section:
    """A named part of a sheet body in one language (facts, summary, relations, …)."""

    key: str
    html: str


@dataclass(frozen=True)
class SheetParts:
    """A sheet in one language before it is assembled into HTML."""

    record_id: str
    kind: str
    lang: str
    title: str
    subtitle: str
    other_names: str
    sections: list[Section]
    sources: str


class SheetBuilder:
    """Builds the parts of a record's sheet in one language from the database."""

    def __init__(self, db: Database, lang: str) -> None:
        self.db = db
        self.tr = Translator.for_language(lang)
        self.lang = self.tr.lang
        self.label_width = "22%"  # a column of a two-language sheet: wider (see build)

    # --- entry point ------------------------------------------------------------------------

    def build(self, record_id: str, own_language_only: bool = False) -> SheetParts:
        """The sheet's parts; `own_language_only` (a column of a two-language sheet) gives a
        glossary term in this sheet's language only: the other column holds the other one."""
        record = self.db.get(record_id, self.lang)
        self.label_width = "34%" if own_language_only else "22%"
        related = self._related_rows(record)
        facts = _FACTS[record.kind](self, record)
        sections = [Section("facts", facts_table(facts, self.label_width))]
        if record.kind == "term":
            sections = [Section("facts", self._term_table(record, own_language_only))]
        else:
            sections.append(Section("summary", self._summary(record)))
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
            sources=self.sources_html(record.sources),
        )

    # --- header ----------------------------------------------------------------------------

    def _subtitle(self, record: Record) -> str:
        parts = [esc(self.tr.kind(record.kind))]
        acronym = record.acronym(self.lang)
        if acronym:
            parts.insert(0, f'<span class="acronym">{esc(acronym)}</span>')
        if record.kind == "document" and record.fields.get("symbol"):
            parts.append(f'<span class="symbol">{esc(record.fields["symbol"])}</span>')
        if record.date and record.kind in ("event", "document", "initiative"):
            parts.append(esc(dates.format_spec(record.date, self.lang)))
        return " · ".join(parts)

    def _other_names(self, record: Record) -> str:
        if record.kind == "term":
            return ""
        shown = record.name(self.lang)
        items = []
        for code, name in record.names.items():
            if name == shown:
                continue
            text = esc(name.name) + (f" ({esc(name.acronym)})" if name.acronym else "")
            items.append(f"{esc(self.tr.language_name(code))}: {text}")
        if record.aliases:
            also = self.tr._("Also known as")  # outside the f-string, or Babel misses it
            items.append(f"{esc(also)}: {esc(', '.join(record.aliases))}")
        return paragraph(" · ".join(items), "othernames")

    # --- key fields per kind ---------------------------------------------------------------

    def _themes(self, record: Record) -> str:
        return esc(", ".join(self.tr.vocab_label(vocab.THEMES, t) for t in record.themes))

    def _org_name(self, org_id: str | None) -> str:
        if not org_id:
            return ""
        rows = self.db.rows([org_id], self.lang)
        if not rows:
            return esc(org_id)
        row = rows[0]
        acronym = _acronym(row)
        return esc(row.title) + (f" ({esc(acronym)})" if acronym else "")

    def _organization_facts(self, record: Record) -> list[tuple[str, str]]:
        _ = self.tr._
        f = record.fields
        return [
            (_("Type"), esc(self.tr.vocab_label(vocab.ORG_TYPES, f.get("type")))),
            (_("Region"), esc(self.tr.vocab_label(vocab.REGIONS, f.get("region")))),
            (_("Headquarters"), esc(f.get("headquarters", ""))),
            (_("Founded"), esc(dates.format_text(f.get("founded"), self.lang))),
            (_("Website"), esc(f.get("website", ""))),
            (_("Themes"), self._themes(record)),
        ]

    def _event_facts(self, record: Record) -> list[tuple[str, str]]:
        _ = self.tr._
        f = record.fields
        when = dates.format_spec(record.date, self.lang) if record.date else ""
        return [
            (_("Date"), esc(when)),
            (_("Place"), esc(f.get("place", ""))),
            (_("Type"), esc(self.tr.vocab_label(vocab.EVENT_TYPES, f.get("event_type")))),
            (_("Themes"), self._themes(record)),
        ]

    def _document_facts(self, record: Record) -> list[tuple[str, str]]:
        _ = self.tr._
        f = record.fields
        when = dates.format_spec(record.date, self.lang) if record.date else ""
        languages = ", ".join(self.tr.language_name(c) for c in f.get("languages", []))
        return [
            (_("Symbol"), esc(f.get("symbol", ""))),
            (_("Type"), esc(self.tr.vocab_label(vocab.DOC_TYPES, f.get("doc_type")))),
            (_("Date"), esc(when)),
            (_("Issuing body"), self._org_name(f.get("issuing_body"))),
            (_("Publisher"), esc(f.get("publisher", ""))),
            (_("Languages"), esc(languages)),
            (_("Address"), esc(f.get("url", ""))),
            (_("Themes"), self._themes(record)),
        ]

    def _initiative_facts(self, record: Record) -> list[tuple[str, str]]:
        _ = self.tr._
        f = record.fields
        when = dates.format_spec(record.date, self.lang) if record.date else ""
        return [
            (_("Type"), esc(self.tr.vocab_label(vocab.INITIATIVE_TYPES, f.get("initiative_type")))),
            (_("Date"), esc(when)),
            (_("Address"), esc(f.get("url", ""))),
            (_("Themes"), self._themes(record)),
        ]

    def _term_facts(self, record: Record) -> list[tuple[str, str]]:
        return [(self.tr._("Themes"), self._themes(record))]

    def _term_table(self, record: Record, own_language_only: bool = False) -> str:
        """A glossary term in every language it has (or in this sheet's language only): term
        and definition per language."""
        rows = []
        codes = [self.lang] if own_language_only else _term_languages(record, self.lang)
        for code in codes:
            name = record.names.get(code)
            definition = record.summaries.get(code, "")
            if not name and not definition:
                continue
            term = esc(name.name) if name else ""
            rows.append(
                (
                    self.tr.language_name(code),
                    paragraph(term, "term") + paragraph(esc(definition), "definition"),
                )
            )
        table = facts_table(rows, self.label_width)
        themes = self._themes(record)
        if themes:
            table += facts_table([(self.tr._("Themes"), themes)], self.label_width)
        return table

    # --- shared sections -------------------------------------------------------------------

    def _summary(self, record: Record) -> str:
        text, lang = record.summary(self.lang)
        html = paragraph(esc(text), "summary")
        if text and lang != self.lang:
            note = self.tr._("Summary available in {language} only.").format(
                language=self.tr.language_name(lang)
            )
            html += paragraph(esc(note), "note")
        return html

    def _related_rows(self, record: Record) -> dict[str, RecordRow]:
        ids = list(dict.fromkeys(r.other_id for r in record.relations))
        return {row.id: row for row in self.db.rows(ids, self.lang)}

    def _relations(self, record: Record, related: dict[str, RecordRow]) -> str:
        """Links to organizations, initiatives and terms, grouped by their label."""
        groups: dict[str, list[str]] = {}
        for rel in record.relations:
            if rel.other_kind in ("event", "document"):
                continue
            label = self.tr.relation(rel.type, rel.direction)
            groups.setdefault(label, [])
            text = esc(rel.other_title)
            row = related.get(rel.other_id)
            acronym = _acronym(row)
            if acronym and acronym != rel.other_title:
                text += f" ({esc(acronym)})"
            text += self._span(rel)
            if text not in groups[label]:
                groups[label].append(text)
        if not groups:
            return ""
        rows = [(label, "; ".join(items)) for label, items in groups.items()]
        return heading(self.tr._("Relations")) + facts_table(rows, self.label_width)

    def _span(self, rel: Relation) -> str:
        if not rel.since and not rel.until:
            return ""
        since = dates.format_text(rel.since, self.lang, "short") if rel.since else ""
        until = dates.format_text(rel.until, self.lang, "short") if rel.until else ""
        if since and until:
            text = f"{since}–{until}"
        elif since:
            text = self.tr._("since {date}").format(date=since)
        else:
            text = self.tr._("until {date}").format(date=until)
        return f' <span class="relabel">({esc(text)})</span>'

    def _dated(
        self, record: Record, related: dict[str, RecordRow], kind: str, limit: int
    ) -> list[tuple[str, str]]:
        seen: dict[str, tuple[str, str, str]] = {}
        for rel in record.relations:
            row = related.get(rel.other_id)
            if rel.other_kind != kind or row is None or row.id in seen:
                continue
            when = dates.format_text(row.date_text, self.lang, "short")
            title = esc(row.title)
            if kind == "document" and row.extra:
                title = f'<span class="symbol">{esc(row.extra)}</span> {title}'
            label = esc(self.tr.relation(rel.type, rel.direction))
            seen[row.id] = (
                row.date_text or "9999",
                when,
                f'{title} <span class="relabel">· {label}</span>',
            )
        ordered = sorted(seen.values(), key=lambda item: item[0])
        rows = [(when, html) for _, when, html in ordered[:limit]]
        if len(ordered) > limit:
            more = self.tr._("… and {n} more").format(n=len(ordered) - limit)
            rows.append(("", esc(more)))
        return rows

    def _timeline(self, record: Record, related: dict[str, RecordRow]) -> str:
        rows = self._dated(record, related, "event", MAX_TIMELINE)
        return heading(self.tr._("Timeline")) + dated_list(rows) if rows else ""

    def _documents(self, record: Record, related: dict[str, RecordRow]) -> str:
        rows = self._dated(record, related, "document", MAX_DOCUMENTS)
        if not rows:
            return ""
        return heading(self.tr._("Key documents")) + dated_list(rows, "documents")

    def citation(self, source: Source) -> str:
        """A source as one line, in the sheet's language; titles stay as published."""
        title = source.doc_title if source.doc_id else source.title
        date = dates.format_text(source.date, self.lang) if source.date else None
        parts = [
            esc(source.publisher) if source.publisher else None,
            f"“{esc(title)}”" if title else None,
            esc(date) if date else None,
            esc(source.url) if source.url else None,
        ]
        text = ", ".join(p for p in parts if p) or esc(source.doc_id or "")
        if source.checked:
            checked = dates.format_text(source.checked, self.lang)
            text += " " + esc(self.tr._("(checked {date})").format(date=checked))
        if source.note:
            text += f" — {esc(source.note)}"
        return text

    def sources_html(self, sources: list[Source]) -> str:
        if not sources:
            return ""
        return heading(self.tr._("Sources")) + ordered_list(
            (self.citation(s) for s in sources), "sources"
        )


def _acronym(row: RecordRow | None) -> str | None:
    """The row's acronym; `Database.rows` falls back to the id when there is none."""
    if row is None or not row.acronym or row.acronym == row.id:
        return None
    return row.acronym


def _term_languages(record: Record, first: str) -> list[str]:
    codes = [first, *(c for c in ("en", "es", "fr") if c != first)]
    codes += [c for c in (*record.names, *record.summaries) if c not in codes]
    return codes


_FACTS: dict[str, Callable[[SheetBuilder, Record], list[tuple[str, str]]]] = {
    "organization": SheetBuilder._organization_facts,
    "event": SheetBuilder._event_facts,
    "document": SheetBuilder._document_facts,
    "initiative": SheetBuilder._initiative_facts,
    "term": SheetBuilder._term_facts,
}
