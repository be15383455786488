"""A record page as sanitized HTML for QTextBrowser: every data string is escaped."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from html import escape
from itertools import groupby

from sseref.core.dateformat import format_spec
from sseref.core.dates import DateError, parse_date
from sseref.core.i18n import LANGUAGES, _
from sseref.core.models import Record, Relation
from sseref.gui.labels import (
    kind_label,
    language_label,
    region_label,
    relation_label,
    theme_label,
    type_label,
)
from sseref.gui.theme import Colors

MINI_TIMELINE_URL = "sseref-mini-timeline"


@dataclass
class Page:
    """The HTML of a page and the texts its copy/open links refer to by number."""

    html: str
    copyable: list[str] = field(default_factory=list)
    openable: list[str] = field(default_factory=list)


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _date(text: str | None, lang: str) -> str:
    if not text:
        return ""
    try:
        return format_spec(parse_date(text), lang)
    except DateError:
        return text


def _fallback_note(what: str, lang: str, shown: str, colors: Colors) -> str:
    """The visible marker of content shown in another language than the interface's."""
    if what == "name":
        text = _("Name not available in {language}; shown in {shown}.")
    else:
        text = _("Summary not available in {language}; shown in {shown}.")
    text = text.format(language=language_label(lang), shown=language_label(shown))
    return (
        f"<p class='fallback' style='color:{colors.muted}'><i>"
        f"<span style='background-color:{colors.muted}; color:{colors.base}'>"
        f"&nbsp;{_e(shown.upper())}&nbsp;</span> {_e(text)}</i></p>"
    )


def _other_languages(record: Record, lang: str, colors: Colors, shown: bool) -> str:
    """A link that shows (or hides) the record's names and summaries in its other languages."""
    others = [
        c
        for c in (*LANGUAGES, *sorted(set(record.summaries) - set(LANGUAGES)))
        if c != lang and (c in record.summaries or c in record.names)
    ]
    if not others:
        return ""
    toggle = _("Hide other languages") if shown else _("Show in other languages")
    out = [f"<p><a href='toggle:languages'>{_e(toggle)}</a></p>"]
    if shown:
        heading = _("In other languages")
        out.append(f"<h3>{_e(heading)}</h3>")
        for code in others:
            name = record.names.get(code)
            heading = _e(name.name) if name else ""
            if name and name.acronym:
                heading += f" ({_e(name.acronym)})"
            # A language with a summary but no name of its own: no dash followed by nothing.
            named = f" — <b>{heading}</b>" if heading else ""
            out.append(
                f"<p lang='{_e(code)}'><b style='color:{colors.muted}'>"
                f"{_e(language_label(code))}</b>{named}<br>"
                f"{_e(record.summaries.get(code, ''))}</p>"
            )
    return "".join(out)


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
) -> Page:
    """Builds the page: names, summary, fields, relations both ways, events and sources.

    Names and the summary come in `lang`; when the record lacks them there, they come in
    English with a visible marker. `other_languages` adds the names and summaries in the
    record's other languages (the page always offers a link to show them).
    """
    page = Page("")
    name = record.name(lang)
    parts = [
        # The kind only: ids are internal (they are in `sseref show`, not on the page).
        f"<p style='color:{colors.muted}'>{_e(kind_label(record.kind))}</p>",
        f"<h1>{_e(name.name)}"
        + (
            f" <span style='color:{colors.muted}'>({_e(name.acronym)})</span>"
            if name.acronym
            else ""
        )
        + "</h1>",
    ]
    name_lang = content_language(record.names, lang)
    if record.names and name_lang != lang:
        parts.append(_fallback_note("name", lang, name_lang, colors))
    parts.append(_names_table(record, colors))
    summary, summary_lang = record.summary(lang)
    if summary:
        if summary_lang != lang:
            parts.append(_fallback_note("summary", lang, summary_lang, colors))
        parts.append(f"<p style='font-size:large'>{_e(summary)}</p>")
    parts.append(_other_languages(record, lang, colors, other_languages))
    parts.append(_fields(record, lang, page))
    parts.append(_relations(record, related_dates, colors))
    if has_mini_timeline:
        heading = _("Timeline of related events")
        parts.append(f"<h3>{_e(heading)}</h3><p><img src='{MINI_TIMELINE_URL}'></p>")
    parts.append(_sources(record, page, colors, lang))
    page.html = f"<html><body style='color:{colors.text}'>" + "".join(parts) + "</body></html>"
    return page


def _names_table(record: Record, colors: Colors) -> str:
    rows = []
    for code in (*LANGUAGES, *sorted(set(record.names) - set(LANGUAGES))):
        if code in record.names:
            n = record.names[code]
            acronym = f" ({_e(n.acronym)})" if n.acronym else ""
            rows.append(
                f"<tr><td style='color:{colors.muted}; padding-right:12px'>"
                f"{_e(code.upper())}</td><td>{_e(n.name)}{acronym}</td></tr>"
            )
    if record.aliases:
        also = _("Also")
        rows.append(
            f"<tr><td style='color:{colors.muted}'>{_e(also)}</td>"
            f"<td>{_e('; '.join(record.aliases))}</td></tr>"
        )
    return "<table cellspacing='2'>" + "".join(rows) + "</table>"


def _fields(record: Record, lang: str, page: Page) -> str:
    f = record.fields
    items: list[tuple[str, str]] = []
    if record.date:
        label = _("Founded") if record.kind == "organization" else _("Date")
        items.append((label, _e(format_spec(record.date, lang))))
    kind_type = {
        "organization": "type",
        "event": "event_type",
        "document": "doc_type",
        "initiative": "initiative_type",
    }.get(record.kind)
    if kind_type and f.get(kind_type):
        items.append((_("Type"), _e(type_label(record.kind, f[kind_type]))))
    simple = [
        ("symbol", _("Symbol")),
        ("place", _("Place")),
        ("headquarters", _("Headquarters")),
        ("publisher", _("Publisher")),
    ]
    items += [(label, _e(f[key])) for key, label in simple if f.get(key)]
    if f.get("region"):
        items.append((_("Region"), _e(region_label(f["region"]))))
    if f.get("languages"):
        items.append((_("Languages"), _e(", ".join(language_label(c) for c in f["languages"]))))
    if record.themes:
        items.append((_("Themes"), _e(", ".join(theme_label(t) for t in record.themes))))
    if f.get("issuing_body"):
        body = f["issuing_body"]
        title = next((r.other_title for r in record.relations if r.other_id == body), body)
        items.append((_("Issuing body"), f"<a href='record:{_e(body)}'>{_e(title)}</a>"))
    for key, label in (("website", _("Website")), ("url", _("Address"))):
        if f.get(key):
            items.append((label, _address(str(f[key]), page)))
    if not items:
        return ""
    rows = "".join(
        f"<tr><td style='padding-right:14px'><b>{label}</b></td><td>{value}</td></tr>"
        for label, value in items
    )
    return f"<table cellspacing='3'>{rows}</table>"


def _address(url: str, page: Page) -> str:
    """Web addresses are text to copy, or to open in the browser on explicit request."""
    page.copyable.append(url)
    page.openable.append(url)
    copy, open_ = _("copy"), _("open in browser")  # outside f-strings: Babel extracts them
    return (
        f"<code>{_e(url)}</code> &nbsp;<a href='copy:{len(page.copyable) - 1}'>"
        f"{_e(copy)}</a> · <a href='open:{len(page.openable) - 1}'>"
        f"{_e(open_)}</a>"
    )


def _relations(record: Record, related_dates: dict[str, str], colors: Colors) -> str:
    if not record.relations:
        return ""
    heading = _("Related records")
    out = [f"<h3>{_e(heading)}</h3>"]

    def key(r: Relation) -> tuple[str, str]:  # noqa: E306 - grouped by what the link means
        return (r.type, r.direction)

    ordered = sorted(
        record.relations,
        key=lambda r: (*key(r), related_dates.get(r.other_id, ""), r.other_title.casefold()),
    )
    for (rel_type, direction), group in groupby(ordered, key=key):
        links = []
        for rel in group:
            extra = " – ".join(
                p for p in (rel.since and _("since {year}").format(year=rel.since), rel.note) if p
            )
            links.append(
                f"<li><a href='record:{_e(rel.other_id)}'>{_e(rel.other_title)}</a>"
                f" <span style='color:{colors.muted}'>"
                f"{_e(kind_label(rel.other_kind))}"
                f"{(' · ' + _e(extra)) if extra else ''}</span></li>"
            )
        out.append(
            f"<p><b>{_e(relation_label(rel_type, direction))}</b></p><ul>{''.join(links)}</ul>"
        )
    return "".join(out)


def _sources(record: Record, page: Page, colors: Colors, lang: str) -> str:
    heading, copy = _("Sources"), _("copy")
    out = [f"<h3>{_e(heading)}</h3><ol>"]
    for source in record.sources:
        cited = source.citation(lambda day: _date(day, lang))
        page.copyable.append(cited)
        text = _e(cited)
        if source.doc_id:
            text = (
                f"<a href='record:{_e(source.doc_id)}'>{_e(source.doc_title or source.doc_id)}"
                f"</a> — {text}"
            )
        out.append(
            f"<li>{text} <a href='copy:{len(page.copyable) - 1}' "
            f"style='color:{colors.muted}'>{_e(copy)}</a></li>"
        )
    out.append("</ol>")
    if not record.sources:
        return ""
    return "".join(out)
