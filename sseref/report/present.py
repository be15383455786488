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
from sseref.core.i18n import N_
from sseref.core.models import Record, Source
from sseref.report.i18n import Translator

_VOCAB_TABLES: dict[str, dict[str, str]] = {
    "org_type": vocab.ORG_TYPES,
    "event_type": vocab.EVENT_TYPES,
    "doc_type": vocab.DOC_TYPES,
    "initiative_type": vocab.INITIATIVE_TYPES,
    "region": vocab.REGIONS,
}


@dataclass(frozen=True)
class FieldShown:
    """A key field of a kind as presented: its name in the data, label and how to show it."""

    name: str
    label: str
    type: str  # text · date · url · vocab · ref · list · fact
    vocabulary: str | None = None
    item: str = "text"  # a fact's or a list's value type


# The key fields of each kind, in the order pages and sheets show them.
FIELDS: dict[str, tuple[FieldShown, ...]] = {
    "organization": (
        FieldShown("type", N_("Type"), "vocab", "org_type"),
        FieldShown("region", N_("Region"), "vocab", "region"),
        FieldShown("headquarters", N_("Headquarters"), "fact"),
        FieldShown("founded", N_("Founded"), "fact", item="date"),
        FieldShown("website", N_("Website"), "fact", item="url"),
    ),
    "event": (
        FieldShown("date", N_("Date"), "date"),
        FieldShown("place", N_("Place"), "text"),
        FieldShown("event_type", N_("Type"), "vocab", "event_type"),
    ),
    "document": (
        FieldShown("doc_type", N_("Type"), "vocab", "doc_type"),
        FieldShown("symbol", N_("Symbol"), "text"),
        FieldShown("date", N_("Date"), "date"),
        FieldShown("issuing_body", N_("Issuing body"), "ref"),
        FieldShown("publisher", N_("Publisher"), "text"),
        FieldShown("languages", N_("Languages"), "list", item="language"),
        FieldShown("url", N_("Address"), "url"),
    ),
    "initiative": (
        FieldShown("initiative_type", N_("Type"), "vocab", "initiative_type"),
        FieldShown("date", N_("Date"), "date"),
        FieldShown("url", N_("Address"), "url"),
    ),
}


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
        return self.tr.vocab_label(_VOCAB_TABLES.get(vocabulary, {}), key)

    def type_label(self, kind: str, key: str | None) -> str:
        table = {
            "organization": "org_type",
            "event": "event_type",
            "document": "doc_type",
            "initiative": "initiative_type",
        }.get(kind, "")
        return self.vocab_label(table, key)

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
        for spec in FIELDS.get(record.kind, ()):
            row = self._fact(record, spec, titles or {})
            if row is not None and (row.text or row.unknown):
                rows.append(row)
        if record.themes:
            rows.append(FactRow("themes", self._("Themes"), self.themes(record.themes)))
        return rows

    def _fact(self, record: Record, spec: FieldShown, titles: Mapping[str, str]) -> FactRow | None:
        label = self._(spec.label)
        raw: Any = record.fields.get(spec.name)
        if spec.type == "date":
            return FactRow(spec.name, label, self.date(record.date))
        if spec.type == "fact":
            return self._changeable(record, spec, label, raw)
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

    def _changeable(self, record: Record, spec: FieldShown, label: str, raw: Any) -> FactRow:
        """A fact that can change: plain, "as of" a date with its source, or explicitly unknown."""
        value, as_of, source = raw, None, None
        if isinstance(raw, Mapping):
            if raw.get("unknown"):
                return self.unknown_row(spec.name, label, raw.get("checked"))
            value, as_of = raw.get("value"), raw.get("as_of")
            source = _source_of(record, raw.get("source"))
        text = "" if value in (None, "") else str(value)
        if spec.item == "date":
            text = self.date(text)
        return FactRow(
            spec.name,
            label,
            text,
            url=text if spec.item == "url" and text else None,
            as_of=self.as_of(as_of),
            source=source,
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

    # --- citations --------------------------------------------------------------------------

    def source(self, source: Source) -> str:
        """A source as one line in this language; titles stay as published."""
        return source.citation(self.date, self.tr._)

    def source_ref(self, source: Source) -> str:
        """How a fact points at its source: "source 2" in the list below, or a document's title."""
        if source.position:
            return self._("source {n}").format(n=source.position)
        return source.doc_title or source.doc_id or ""

    def cite(
        self, record: Record, style: str = "un", context: CitationContext | None = None
    ) -> str:
        """The record cited (the same text "Copy citation" puts on the clipboard)."""
        return styled_citation(record, style, self.lang, context, gettext=self.tr._)


def _source_of(record: Record, ref: object) -> Source | None:
    """The source a fact names: an index into the record's sources (from 1) or a document id."""
    for source in record.sources:
        if isinstance(ref, int) and source.position == ref:
            return source
        if isinstance(ref, str) and source.doc_id == ref:
            return source
    if isinstance(ref, str) and ref:
        return Source(position=0, doc_id=ref, doc_title=ref)
    return None
