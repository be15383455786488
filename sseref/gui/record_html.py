"""A record page as HTML for QTextBrowser, from the presentation layer and one template.

What the page says (dates, labels, key fields, citations) comes from `report.present`, the same
layer the fact sheet uses; how it looks is `resources/record/page.html`, rendered by Jinja2 with
autoescape (`report.render`): no string from the data reaches the page unescaped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from sseref.core.i18n import LANGUAGES
from sseref.core.models import Record, Relation
from sseref.gui.theme import Colors
from sseref.report.present import FactRow, Presenter, listed_relations, relation_order
from sseref.report.render import render

MINI_TIMELINE_URL = "sseref-mini-timeline"


@dataclass
class Page:
    """The HTML of a page and the texts its copy/open links refer to by number."""

    html: str
    copyable: list[str] = field(default_factory=list)
    openable: list[str] = field(default_factory=list)

    def copy(self, text: str) -> int:
        """Registers a text a "copy" link copies; returns the link's number."""
        self.copyable.append(text)
        return len(self.copyable) - 1

    def open(self, url: str) -> int:
        """Registers an address an "open in browser" link opens; returns the link's number."""
        self.openable.append(url)
        return len(self.openable) - 1


def content_language(available: Mapping[str, object], lang: str) -> str:
    """Which language `Record.name`/`Record.summary` fall back to for `lang` (same order)."""
    for candidate in (lang, "en", *available):
        if candidate in available:
            return candidate
    return lang


def record_page(
    record: Record,
    lang: str,
    colors: Colors,
    related_dates: dict[str, str],
    has_mini_timeline: bool,
    other_languages: bool = False,
    citation: str = "",
) -> Page:
    """Builds the page: names, summary, key fields, relations both ways, events and sources.

    Names and the summary come in `lang`; when the record lacks them there, they come in
    English with a visible marker. `other_languages` adds the names and summaries in the
    record's other languages (the page always offers a link to show them). `citation` is the
    record cited as "Copy citation" copies it, shown at the end with its own copy link.
    """
    p = Presenter(lang)
    _ = p.tr._
    page = Page("")
    name = record.name(lang)
    summary, summary_lang = record.summary(lang)
    name_lang = content_language(record.names, lang)
    values: dict[str, Any] = {
        "c": colors,
        "kind": p.kind(record.kind),
        "name": name.name,
        "acronym": name.acronym,
        "name_notes": (
            [_fallback(p, "name", name_lang)] if record.names and name_lang != lang else []
        ),
        "names": [
            {"code": code.upper(), "name": n.name, "acronym": n.acronym}
            for code in (*LANGUAGES, *sorted(set(record.names) - set(LANGUAGES)))
            if (n := record.names.get(code))
        ],
        "aliases_label": _("Also"),
        "aliases": "; ".join(record.aliases),
        "summary": summary,
        "summary_notes": [_fallback(p, "summary", summary_lang)] if summary_lang != lang else [],
        "other": _other_languages(record, p, other_languages),
        "facts": [_fact(row, page, p) for row in p.facts(record)],
        "roles": _roles(record, p),
        "relations_heading": _("Related records"),
        "relations": _relations(record, related_dates, p),
        "mini_timeline": (
            {"heading": _("Timeline of related events"), "url": MINI_TIMELINE_URL}
            if has_mini_timeline
            else None
        ),
        "sources_heading": _("Sources"),
        "sources": [
            {
                "text": (text := p.source(s)),
                "copy": page.copy(text),
                "doc_id": s.doc_id,
                "doc_title": s.doc_title or s.doc_id,
            }
            for s in record.sources
        ],
        "cite": (
            {"heading": _("How to cite"), "text": citation, "copy": page.copy(citation)}
            if citation
            else None
        ),
        "copy_label": _("copy"),
        "open_label": _("open in browser"),
    }
    page.html = str(render("record/page.html", **values))
    return page


def _fallback(p: Presenter, what: str, shown: str) -> dict[str, str]:
    """The visible marker of content shown in another language than the interface's."""
    if what == "name":
        text = p.tr._("Name not available in {language}; shown in {shown}.")
    else:
        text = p.tr._("Summary not available in {language}; shown in {shown}.")
    text = text.format(language=p.language(p.lang), shown=p.language(shown))
    return {"code": shown.upper(), "text": text}


def _other_languages(record: Record, p: Presenter, shown: bool) -> dict[str, Any] | None:
    """A link that shows (or hides) the record's names and summaries in its other languages."""
    others = [
        c
        for c in (*LANGUAGES, *sorted(set(record.summaries) - set(LANGUAGES)))
        if c != p.lang and (c in record.summaries or c in record.names)
    ]
    if not others:
        return None
    items = []
    for code in others:
        name = record.names.get(code)
        items.append(
            {
                "code": code,
                "language": p.language(code),
                "name": name.name if name else "",
                "acronym": name.acronym if name else None,
                "summary": record.summaries.get(code, ""),
            }
        )
    return {
        "toggle": p.tr._("Hide other languages") if shown else p.tr._("Show in other languages"),
        "shown": shown,
        "heading": p.tr._("In other languages"),
        "items": items,
    }


def _fact(row: FactRow, page: Page, p: Presenter) -> dict[str, Any]:
    """A key field for the template; web addresses are text to copy, or to open on request."""
    source = row.source
    return {
        "label": row.label,
        "text": row.text,
        "record_id": row.record_id,
        "url": row.url,
        "copy": page.copy(row.url) if row.url else None,
        "open": page.open(row.url) if row.url else None,
        "unknown": row.unknown,
        "as_of": row.as_of,
        "source": p.source_ref(source) if source else "",
        "source_id": source.doc_id if source and source.position == 0 else None,
    }


def _roles(record: Record, p: Presenter) -> dict[str, Any] | None:
    """A person's roles (with their organizations), or the people holding roles in an
    organization; each with its period, "as of" date and source."""
    if not record.roles:
        return None
    of_person = record.kind == "person"
    items = [
        {
            **row.__dict__,
            "source": row.source_text,
            "source_id": row.source.doc_id if row.source and row.source.position == 0 else None,
        }
        for row in p.roles(record)
    ]
    heading = p.tr._("Roles") if of_person else p.tr._("People")
    return {"heading": heading, "of_person": of_person, "items": items}


def _relations(record: Record, related_dates: dict[str, str], p: Presenter) -> list[dict[str, Any]]:
    def key(r: Relation) -> tuple[int, str, str]:  # grouped by what the link means
        return relation_order(r.type, r.direction)

    ordered = sorted(
        listed_relations(record),
        key=lambda r: (*key(r), related_dates.get(r.other_id, ""), r.other_title.casefold()),
    )
    groups = []
    for (_rank, rel_type, direction), group in groupby(ordered, key=key):
        links = [
            {
                "id": rel.other_id,
                "title": rel.other_title,
                "kind": p.kind(rel.other_kind),
                "extra": " – ".join(x for x in (p.span(rel.since, rel.until), rel.note) if x),
            }
            for rel in group
        ]
        groups.append({"label": p.relation(rel_type, direction), "links": links})
    return groups
