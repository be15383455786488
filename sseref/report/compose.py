"""Assembles sheets into one printable HTML document: a single sheet, or a meeting pack with a
cover and a table of contents, in one language or two side by side.

The Qt printing code lays the HTML out on pages; it asks `ReportDocument` for the running head of
each part, the footer text and, for a pack, the HTML again with the contents' page numbers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from sseref.core import dateformat as dates
from sseref.core.db import Database
from sseref.core.errors import UnknownRecordError
from sseref.core.i18n import _, normalize_language
from sseref.report import templates
from sseref.report.glossary import glossary_body
from sseref.report.i18n import Translator
from sseref.report.markup import Markup, heading, paragraph
from sseref.report.render import fragment, join
from sseref.report.sheets import SheetBuilder, SheetParts

PAGE_BREAK = "page-break-before: always"


@dataclass(frozen=True)
class Part:
    """A run of pages with one running head: the cover, the contents, or one sheet."""

    key: str
    title: str
    kind_label: str
    record_id: str | None
    head: str
    continued_head: str
    html: Markup

    @property
    def has_heading(self) -> bool:
        """Every part but the cover opens with an <h1> (the printer finds parts by it)."""
        return self.key != "cover"


@dataclass
class ReportDocument:
    """Everything the printer needs: parts, footer, and the HTML (with contents page numbers)."""

    lang: str
    title: str
    data_as_of: str
    footer_template: str
    parts: list[Part]
    has_contents: bool = False
    cover_html: str = ""
    toc_heading: str = ""
    tr: Translator = field(default=None, repr=False)  # type: ignore[assignment]

    def footer(self, page: int, pages: int) -> str:
        return self.footer_template.format(date=self.data_as_of, page=page, pages=pages)

    def sheet_parts(self) -> list[Part]:
        return [p for p in self.parts if p.key.startswith("sheet")]

    def html(self, page_numbers: dict[str, int] | None = None) -> str:
        """The whole document; `page_numbers` (part key → page) fill the table of contents."""
        chunks: list[Markup] = []
        first = True
        for part in self.parts:
            html = part.html
            if part.key == "contents":
                html = self._toc(page_numbers or {})
            if first:
                html = html.replace(PAGE_BREAK, "", 1)
                first = False
            chunks.append(html)
        return str(
            templates.fill(
                "document.html",
                lang=self.lang,
                title=self.title,
                css=templates.stylesheet(),
                body=join(chunks, "\n"),
            )
        )

    def _toc(self, page_numbers: dict[str, int]) -> Markup:
        rows = [
            {
                "number": number,
                "title": part.title,
                "kind": part.kind_label,
                "page": page_numbers.get(part.key),
            }
            for number, part in enumerate(self.sheet_parts(), start=1)
        ]
        return templates.fill("toc.html", heading=self.toc_heading, rows=rows)


def check_ids(db: Database, record_ids: Sequence[str]) -> None:
    """Raises UnknownRecordError naming every id that is not in the database."""
    unknown = [i for i in record_ids if not db.exists(i)]
    if unknown:  # a message for the person using the program: the interface language
        raise UnknownRecordError(_("Unknown record id(s): {ids}").format(ids=", ".join(unknown)))


def data_as_of(db: Database, lang: str) -> str:
    meta = db.meta()
    text = meta.get("data_as_of") or (meta.get("built_at") or "")[:10]
    try:
        return dates.format_day(dt.date.fromisoformat(text), lang)
    except ValueError:
        return text


def compose(
    db: Database,
    record_ids: Sequence[str],
    lang: str = "en",
    *,
    bilingual: str | None = None,
    meeting_name: str | None = None,
    glossary: bool = False,
    pack: bool | None = None,
    today: dt.date | None = None,
    notes: Mapping[str, str] | None = None,
) -> ReportDocument:
    """The printable document for some records.

    Several ids (or a meeting name, or `pack=True`) make a meeting pack with a cover and a
    table of contents. `bilingual` names a second language shown beside `lang`. `glossary`
    puts the given terms (all terms when none are given) on one glossary sheet. `notes` (record
    id → the user's note) adds each note at the end of its sheet; nothing adds them by default.
    """
    lang = normalize_language(lang)
    second = normalize_language(bilingual) if bilingual else None
    if second == lang:
        second = None
    ids = list(dict.fromkeys(record_ids))
    if glossary and not ids:
        ids = db.ids("term")
    check_ids(db, ids)
    if not ids:
        raise UnknownRecordError(Translator.for_language(lang)._("No records to print."))
    tr = Translator.for_language(lang)
    _ = tr._
    builder = SheetBuilder(db, lang)
    other = SheetBuilder(db, second) if second else None
    is_pack = pack if pack is not None else (len(ids) > 1 and not glossary) or bool(meeting_name)

    parts: list[Part] = []
    if glossary:
        parts.append(_glossary_part(db, ids, builder))
    else:
        for index, record_id in enumerate(ids, start=1):
            sheet = builder.build(record_id, own_language_only=other is not None)
            second_sheet = other.build(record_id, own_language_only=True) if other else None
            part = _sheet_part(f"sheet-{index}", sheet, second_sheet, tr)
            note = (notes or {}).get(record_id, "")
            parts.append(_with_note(part, note, tr) if note.strip() else part)

    as_of = data_as_of(db, lang)
    if is_pack:
        title = meeting_name or _("Meeting pack")
    else:
        title = parts[0].title
    document = ReportDocument(
        lang=lang,
        title=title,
        data_as_of=as_of,
        footer_template=_("SSE Ref · data as of {date} · page {page} of {pages}"),
        parts=parts,
        tr=tr,
        toc_heading=_("Contents"),
    )
    if is_pack:
        cover = _cover(tr, meeting_name, parts, as_of, today or dt.date.today(), lang, second)
        toc = Part(
            "contents",
            _("Contents"),
            "",
            None,
            _("Meeting pack"),
            _("{title} (continued)").format(title=_("Contents")),
            Markup(""),
        )
        document.parts = [cover, toc, *parts]
        document.has_contents = True
    return document


def _sheet_part(key: str, sheet: SheetParts, second: SheetParts | None, tr: Translator) -> Part:
    _ = tr._
    kind_label = tr.kind(sheet.kind)
    subtitle = sheet.subtitle
    if second is None:
        body = join([s.html for s in sheet.sections], "\n") + sheet.sources
        other_names = sheet.other_names
    else:
        # Each column carries its own subtitle; the head shows the title in both languages.
        body = _bilingual_body(sheet, second)
        other_names = Markup("")
        subtitle = Markup(join([second.title if second.title != sheet.title else kind_label]))
    html = templates.fill(
        "sheet.html",
        page_break=PAGE_BREAK,
        title=sheet.title,
        subtitle=subtitle,
        othernames=other_names,
        body=body,
    )
    return Part(
        key=key,
        title=sheet.title,
        kind_label=kind_label,
        record_id=sheet.record_id,
        head=_("Fact sheet") + " · " + kind_label,
        continued_head=_("{title} (continued)").format(title=sheet.title),
        html=html,
    )


def _with_note(part: Part, note: str, tr: Translator) -> Part:
    """The user's own note after the sheet's sources, as escaped plain text (paragraphs kept)."""
    paragraphs = [p for p in re.split(r"\n\s*\n", note.strip()) if p.strip()]
    body = join(paragraph(join(p.splitlines(), Markup("<br/>")), "note") for p in paragraphs)
    return replace(part, html=part.html + heading(tr._("My note")) + body)


_BILINGUAL = (
    '<table class="bilingual" width="100%" cellspacing="0" cellpadding="3">'
    '<tr><th class="lang" width="50%">{{ lang_a }}</th><th class="lang" width="50%">{{ lang_b }}'
    "</th></tr>"
    "{% for a, b in rows %}"
    '<tr><td class="col" valign="top">{{ a }}</td><td valign="top">{{ b }}</td></tr>'
    "{% endfor %}</table>"
)


def _bilingual_body(first: SheetParts, second: SheetParts) -> Markup:
    """Two languages side by side, section by section, so matching parts stay level."""
    tr_a = Translator.for_language(first.lang)
    tr_b = Translator.for_language(second.lang)
    keys = list(dict.fromkeys([s.key for s in first.sections] + [s.key for s in second.sections]))
    by_a = {s.key: s.html for s in first.sections}
    by_b = {s.key: s.html for s in second.sections}
    rows = [(paragraph(first.subtitle, "subtitle"), paragraph(second.subtitle, "subtitle"))]
    rows += [(by_a.get(key, Markup("")), by_b.get(key, Markup(""))) for key in keys]
    table = fragment(
        _BILINGUAL,
        lang_a=tr_a.language_name(first.lang),
        lang_b=tr_b.language_name(second.lang),
        rows=rows,
    )
    return table + first.sources


def _glossary_part(db: Database, term_ids: list[str], builder: SheetBuilder) -> Part:
    tr = builder.tr
    _ = tr._
    title = _("Glossary")
    count = len(term_ids)
    subtitle = _("{n} terms in English, Spanish and French").format(n=count)
    html = templates.fill(
        "sheet.html",
        page_break=PAGE_BREAK,
        title=title,
        subtitle=subtitle,
        othernames="",
        body=glossary_body(db, term_ids, builder),
    )
    return Part(
        key="sheet-1",
        title=title,
        kind_label=tr.kind("term"),
        record_id=None,
        head=_("Fact sheet") + " · " + title,
        continued_head=_("{title} (continued)").format(title=title),
        html=html,
    )


def _cover(
    tr: Translator,
    meeting_name: str | None,
    parts: list[Part],
    as_of: str,
    today: dt.date,
    lang: str,
    second: str | None,
) -> Part:
    _ = tr._
    if second:
        language_line = _("Languages: {first} and {second}").format(
            first=tr.language_name(lang), second=tr.language_name(second)
        )
    else:
        language_line = _("Language: {language}").format(language=tr.language_name(lang))
    count = len(parts)
    # What the pack holds, on its cover: each sheet's title and kind (the contents page adds
    # the page numbers), and what SSE Ref is for readers who have never met it.
    items = [{"title": part.title, "kind": part.kind_label} for part in parts]
    about = _(
        "SSE Ref is an offline reference on the Social and Solidarity Economy and South-South "
        "cooperation. Every fact sheet lists the sources of its facts."
    )
    html = templates.fill(
        "cover.html",
        items=items,
        about=about,
        title=_("Meeting pack"),
        meeting=meeting_name or "",
        date_line=_("Prepared on {date}").format(date=dates.format_day(today, lang)),
        count_line=tr.n_("{n} fact sheet", "{n} fact sheets", count).format(n=count),
        data_line=_("Data as of {date}").format(date=as_of),
        language_line=language_line,
    )
    return Part("cover", _("Meeting pack"), "", None, "", "", html)
