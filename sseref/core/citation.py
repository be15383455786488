"""Citations of records in a style, and their exports; dates come from the one formatter."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sseref.core import vocab
from sseref.core.dateformat import format_month_first, format_point, format_spec
from sseref.core.dates import DateSpec, PartialDate
from sseref.core.i18n import _
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


# --- citations in a style, and exports for reference managers ------------------------------
#
# One builder for every citation the program makes: the record page's "Copy citation", the
# exports below and the command line. A record is cited as what it is: a document as the
# document (its issuing body, title, symbol and date), every other kind as an entry of SSE Ref,
# a reference work. Every citation names SSE Ref, the data's date and the date accessed.

WORK_TITLE = "SSE Ref: Social and Solidarity Economy reference"
STYLES: dict[str, str] = vocab.CITATION_STYLES
# Export format → (file suffix, the name people know it by: not translated).
EXPORT_FORMATS: dict[str, tuple[str, str]] = {
    "bibtex": (".bib", "BibTeX"),
    "ris": (".ris", "RIS"),
    "csl-json": (".json", "CSL-JSON"),
}


@dataclass(frozen=True)
class CitationContext:
    """What a citation needs beyond the record: the data's date and the day it was read."""

    data_as_of: str | None = None  # ISO day, from the database's meta
    accessed: dt.date | None = None  # today when None

    def accessed_day(self) -> dt.date:
        return self.accessed or dt.date.today()

    def as_of_date(self) -> dt.date | None:
        try:
            return dt.date.fromisoformat(self.data_as_of) if self.data_as_of else None
        except ValueError:
            return None


@dataclass(frozen=True)
class _Parts:
    """The facts of a record a citation uses, in one language."""

    title: str  # with its acronym for organizations
    body: str | None  # a document's issuing body or publisher
    symbol: str | None
    date: DateSpec | None
    place: str | None
    url: str | None
    is_document: bool


def _parts(record: Record, lang: str) -> _Parts:
    name = record.name(lang)
    title = f"{name.name} ({name.acronym})" if name.acronym else name.name
    fields = record.fields
    body: str | None = None
    if record.kind == "document":
        body_id = fields.get("issuing_body")
        body = next((r.other_title for r in record.relations if r.other_id == body_id), None)
        body = body or fields.get("publisher") or None
        title = name.name  # a document is cited by its title; the acronym is no part of it
    return _Parts(
        title=title,
        body=body,
        symbol=fields.get("symbol") or None,
        date=record.date,
        place=fields.get("place") or None,
        url=fields.get("url") or fields.get("website") or None,
        is_document=record.kind == "document",
    )


def _day(day: dt.date, style: str, lang: str) -> str:
    """A full day as the style writes it (APA and Chicago: month first in English)."""
    point = PartialDate(day.year, day.month, day.day)
    if lang == "en" and style in ("apa", "chicago"):
        return format_month_first(point)
    return format_point(point, lang)


def _point(date: PartialDate, style: str, lang: str) -> str:
    if lang == "en" and style in ("apa", "chicago") and date.month is not None:
        return format_month_first(date)
    return format_point(date, lang)


def _spec(spec: DateSpec, style: str, lang: str) -> str:
    start = _point(spec.start, style, lang)
    return start if spec.end is None else f"{start} – {_point(spec.end, style, lang)}"


def _apa_date(spec: DateSpec | None, lang: str, gettext: Callable[[str], str] = _) -> str:
    """APA's date in parentheses: (2023, April 18), (2023, April), (2023) or (n.d.)."""
    if spec is None:
        return gettext("n.d.")
    start = spec.start
    if start.month is None or lang != "en":
        return (
            str(start.year) if start.month is None else f"{start.year}, {format_spec(spec, lang)}"
        )
    return f"{start.year}, {format_month_first(start, year=False)}"


def styled_citation(
    record: Record,
    style: str = "un",
    lang: str = "en",
    context: CitationContext | None = None,
    gettext: Callable[[str], str] = _,
) -> str:
    """The record cited in `style` (one of STYLES), naming SSE Ref and the day accessed.

    `gettext` translates the citation's words into `lang` (the interface's by default; a fact
    sheet passes its own language's)."""
    _ = gettext
    ctx = context or CitationContext()
    p = _parts(record, lang)
    accessed = _day(ctx.accessed_day(), style, lang)
    as_of_day = ctx.as_of_date()
    as_of = _day(as_of_day, style, lang) if as_of_day else "?"
    if style == "apa":
        if p.is_document:
            head = f"{p.body}. " if p.body else ""
            symbol = f" ({p.symbol})" if p.symbol else ""
            text = f"{head}({_apa_date(p.date, lang, gettext)}). {p.title}{symbol}."
        else:
            undated = _("n.d.")
            text = f"{p.title}. ({undated})."
        tail = _("In {work} (data as of {as_of}). Retrieved {accessed}.")
        return f"{text} {tail.format(work=WORK_TITLE, as_of=as_of, accessed=accessed)}"
    if style == "chicago":
        if p.is_document:
            bits = [
                p.body,
                f"“{p.title}.”",
                p.symbol,
                _spec(p.date, style, lang) if p.date else None,
            ]
            text = " ".join(_sentence(b) for b in bits if b)
            tail = _("In {work}, data as of {as_of}. Accessed {accessed}.")
        else:
            text = f"{WORK_TITLE}, s.v. “{p.title}.”"
            tail = _("Data as of {as_of}. Accessed {accessed}.")
        return f"{text} {tail.format(work=WORK_TITLE, as_of=as_of, accessed=accessed)}"
    # UN documentation style (the default): body, title, symbol (date).
    if p.is_document:
        when = f" ({_spec(p.date, style, lang)})" if p.date else ""
        named = ", ".join(b for b in (p.body, p.title, p.symbol) if b)
        text = f"{named}{when}."
    else:
        label = _(vocab.KIND_LABELS.get(record.kind, record.kind))
        kind = label[:1].lower() + label[1:]  # mid-sentence
        when = format_spec(p.date, lang) if p.date else ""
        place = p.place or ""
        if record.kind == "organization":
            # A day takes another preposition than a month or a year in French and Spanish
            # ("fondée le 23 mai 2012", "fondée en mai 2012"): two messages, not one.
            if when and p.date is not None and p.date.start.day is not None and not p.date.end:
                when = _("founded on {date}").format(date=when)
            elif when:
                when = _("founded {date}").format(date=when)
            place = record.fields.get("headquarters") or ""
        bits = [p.title, kind, when, place]
        text = ", ".join(b for b in bits if b) + "."
    tail = _("In {work}, data as of {as_of} (accessed {accessed}).")
    return f"{text} {tail.format(work=WORK_TITLE, as_of=as_of, accessed=accessed)}"


def _sentence(text: str) -> str:
    """Chicago separates the elements with periods: one, unless the text ends with one."""
    return text if text.endswith((".", ".”", "?", "!")) else f"{text}."


# --- exports ---------------------------------------------------------------------------------


def citation_key(record: Record) -> str:
    """A key reference managers accept (letters, digits, hyphens): `sseref-doc-bapa`."""
    safe = "".join(c if c.isascii() and c.isalnum() else "-" for c in record.id)
    return f"sseref-{safe}"


def _date_parts(date: PartialDate) -> list[int]:
    return [p for p in (date.year, date.month, date.day) if p is not None]


def csl_item(
    record: Record, lang: str = "en", context: CitationContext | None = None
) -> dict[str, Any]:
    """One record as a CSL-JSON item (what Zotero, Mendeley and citeproc read)."""
    ctx = context or CitationContext()
    p = _parts(record, lang)
    item: dict[str, Any] = {
        "id": citation_key(record),
        "type": "document" if p.is_document else "entry-encyclopedia",
        "title": p.title,
        "container-title": WORK_TITLE,
        "language": lang,
        "accessed": {"date-parts": [_date_parts(_today(ctx))]},
    }
    if p.body:
        item["author"] = [{"literal": p.body}]
    if p.symbol:
        item["number"] = p.symbol
    if p.is_document and p.date:
        item["issued"] = {"date-parts": [_date_parts(p.date.start)]}
    if p.url:
        item["URL"] = p.url
    if p.place:
        item["event-place"] = p.place
    if ctx.data_as_of:
        item["note"] = f"Data as of {ctx.data_as_of}"
    return item


def _today(ctx: CitationContext) -> PartialDate:
    day = ctx.accessed_day()
    return PartialDate(day.year, day.month, day.day)


def _bib_escape(text: str) -> str:
    """BibTeX's special characters escaped; braces kept balanced."""
    out = text.replace("\\", r"\textbackslash{}")
    for char in "{}&%$#_":
        out = out.replace(char, "\\" + char)
    return out.replace("~", r"\textasciitilde{}").replace("^", r"\textasciicircum{}")


def bibtex_entry(record: Record, lang: str = "en", context: CitationContext | None = None) -> str:
    """One record as a BibTeX `@misc` entry (biblatex's `date` and `urldate` included)."""
    item = csl_item(record, lang, context)
    fields: list[tuple[str, str]] = []
    if "author" in item:
        fields.append(("author", "{" + _bib_escape(item["author"][0]["literal"]) + "}"))
    fields.append(("title", "{" + _bib_escape(item["title"]) + "}"))
    if "number" in item:
        fields.append(("number", _bib_escape(item["number"])))
    if "issued" in item:
        parts = item["issued"]["date-parts"][0]
        fields.append(("year", str(parts[0])))
        if len(parts) > 1:
            fields.append(("month", str(parts[1])))
        fields.append(("date", "-".join(f"{n:02d}" for n in parts)))
    fields.append(("howpublished", _bib_escape(WORK_TITLE)))
    if "URL" in item:
        fields.append(("url", item["URL"]))
    fields.append(("urldate", "-".join(f"{n:02d}" for n in item["accessed"]["date-parts"][0])))
    if "note" in item:
        fields.append(("note", _bib_escape(item["note"])))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{item['id']},\n{body}\n}}\n"


def ris_entry(record: Record, lang: str = "en", context: CitationContext | None = None) -> str:
    """One record as an RIS reference (EndNote, Zotero, Mendeley read it)."""
    item = csl_item(record, lang, context)
    kind = "ENCYC"
    if record.kind == "document":
        kind = "GOVDOC" if "number" in item else "GEN"
    lines = [("TY", kind), ("TI", item["title"])]
    if "author" in item:
        lines.append(("AU", item["author"][0]["literal"]))
    if "issued" in item:
        parts = item["issued"]["date-parts"][0]
        lines.append(("PY", str(parts[0])))
        padded = [f"{parts[0]:04d}", *(f"{n:02d}" for n in parts[1:])]
        lines.append(("DA", "/".join(padded + [""] * (3 - len(parts))) + "/"))
    if "number" in item:
        lines.append(("IS", item["number"]))
    lines.append(("T2", WORK_TITLE))
    lines.append(("DB", "SSE Ref"))
    if "URL" in item:
        lines.append(("UR", item["URL"]))
    accessed = item["accessed"]["date-parts"][0]
    lines.append(("Y2", "/".join(f"{n:02d}" for n in accessed)))
    if "note" in item:
        lines.append(("N1", item["note"]))
    lines.append(("LA", lang))
    lines.append(("ER", ""))
    # One field per line; the data's line breaks would end a field early.
    return "".join(f"{tag}  - {' '.join(value.split())}\n" for tag, value in lines)


def export_citations(
    records: list[Record], fmt: str, lang: str = "en", context: CitationContext | None = None
) -> str:
    """Several records in one export format (a key of EXPORT_FORMATS), as file text."""
    if fmt == "bibtex":
        return "\n".join(bibtex_entry(r, lang, context) for r in records)
    if fmt == "ris":
        return "\n".join(ris_entry(r, lang, context) for r in records)
    if fmt == "csl-json":
        items = [csl_item(r, lang, context) for r in records]
        return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"unknown export format: {fmt}")
