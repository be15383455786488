"""The shared site's pages as HTML, built from the report layer (its escaping, dates and labels).

Every string from the data goes through `report.markup.esc` or comes from the report layer's
builders (which escape); snippets come from the search layer, which escapes them and adds only
<b>. Pages carry no inline script or style, so the site's Content-Security-Policy can forbid both.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from string import Template
from urllib.parse import quote

from sseref.core import dateformat as dates
from sseref.core.db import Database
from sseref.core.i18n import LANGUAGES
from sseref.core.models import Record
from sseref.core.paths import resources_dir
from sseref.report.compose import data_as_of
from sseref.report.i18n import Translator
from sseref.report.markup import esc, heading, paragraph
from sseref.report.sheets import SheetBuilder
from sseref.search.results import SearchResults

Searcher = Callable[[str, str], SearchResults]
LANGUAGE_ENDONYMS = {"en": "English", "es": "Español", "fr": "Français"}  # never translated
RESULT_LIMIT = 30
MAX_QUERY = 200  # characters of a query that are searched; the rest is dropped
RESULTS_CACHE = 2048  # result lists kept (a few kB each)
RECORD_SECTIONS = ("facts", "summary")  # the sheet's own relation lists have no links


@lru_cache(maxsize=8)
def _template(name: str) -> Template:
    return Template((resources_dir() / "share" / name).read_text(encoding="utf-8"))


def record_url(record_id: str) -> str:
    return "/r/" + quote(record_id, safe="/")


def pdf_url(record_id: str, lang: str) -> str:
    return "/pdf/" + quote(record_id, safe="/") + "?lang=" + lang


def clean_query(text: str | None) -> str:
    """A query as searched: control characters become spaces, at most MAX_QUERY characters."""
    if not text:
        return ""
    text = "".join(c if c.isprintable() else " " for c in text[: MAX_QUERY * 2])
    return " ".join(text.split())[:MAX_QUERY]


class Pages:
    """Renders each page of the site in the reader's language from the database and the search."""

    def __init__(
        self, db: Database, search: Searcher, title: str = "SSE Ref", pdf: bool = True
    ) -> None:
        self.db = db
        self.search = search
        self.title = title
        self.pdf = pdf  # whether fact sheets can be downloaded (the host can render them)
        # The data does not change while the site is up, and a room types the same prefixes
        # ("c", "co", "coo", …): result lists are kept (the engine runs one query at a time).
        self.results = lru_cache(maxsize=RESULTS_CACHE)(self._results)

    # --- the frame around every page ------------------------------------------------------

    def layout(self, lang: str, title: str, body: str, here: str, query: str = "") -> str:
        tr = Translator.for_language(lang)
        _ = tr._
        switch = " ".join(
            f'<a href="/lang/{code}?next={quote(here, safe="")}" hreflang="{code}" lang="{code}"'
            + (' aria-current="true" class="current"' if code == lang else "")
            + f">{esc(LANGUAGE_ENDONYMS[code])}</a>"
            for code in LANGUAGES
        )
        return _template("page.html").substitute(
            lang=esc(lang),
            title=esc(f"{title} · {self.title}" if title != self.title else title),
            site=esc(self.title),
            search_label=esc(_("Search the reference")),
            search_button=esc(_("Search")),
            placeholder=esc(_("Name, acronym, symbol, year…")),
            query=esc(query),
            nav_search=esc(_("Search")),
            nav_timeline=esc(_("Timeline")),
            nav_glossary=esc(_("Glossary")),
            languages_label=esc(_("Language")),
            languages=switch,
            body=body,
            footer=esc(
                _("Read-only copy shared from the host's computer · data as of {date}").format(
                    date=data_as_of(self.db, lang)
                )
            ),
        )

    # --- search -----------------------------------------------------------------------------

    def home(self, lang: str, query: str) -> str:
        tr = Translator.for_language(lang)
        results = self.results(lang, query)
        if not query:
            counts = self.db.counts()
            items = "".join(
                f"<li>{esc(tr._(label))}: {counts.get(kind, 0)}</li>"
                for kind, label in _kind_plurals().items()
            )
            intro = paragraph(
                esc(tr._("Type to search organizations, events, documents, initiatives and terms."))
            )
            results = intro + f'<ul class="counts">{items}</ul>'
        body = f'<section id="results" aria-live="polite">{results}</section>'
        return self.layout(lang, self.title, body, "/?q=" + quote(query) if query else "/", query)

    def _results(self, lang: str, query: str) -> str:
        """The result list in the engine's order (also sent alone to the search-as-you-type)."""
        if not query:
            return ""
        tr = Translator.for_language(lang)
        _ = tr._
        found = self.search(query, lang)
        out = []
        if found.suggestion:
            link = f'<a href="/?q={quote(found.suggestion)}">{esc(found.suggestion)}</a>'
            out.append(paragraph(esc(_("Did you mean {suggestion}?")).format(suggestion=link)))
        if not found.hits:
            out.append(paragraph(esc(_("No results.")), "count"))
            return "".join(out)
        count = tr.n_("{n} result", "{n} results", found.total).format(n=found.total)
        out.append(paragraph(esc(count), "count"))
        items = []
        for hit in found.hits:
            acronym = f' <span class="acronym">{esc(hit.acronym)}</span>' if hit.acronym else ""
            when = dates.format_text(hit.date, lang, "short") if hit.date else ""
            date = f' <span class="date">{esc(when)}</span>' if when else ""
            items.append(
                f'<li><a href="{esc(record_url(hit.id))}">'
                f'<span class="kind">{esc(tr.kind(hit.kind))}</span> '
                f'<span class="title">{esc(hit.title)}</span>{acronym}{date}</a>'
                f'<p class="snippet">{hit.snippet}</p></li>'
            )
        out.append(f'<ol class="results">{"".join(items)}</ol>')
        return "".join(out)

    # --- records ----------------------------------------------------------------------------

    def record(self, lang: str, record_id: str) -> str | None:
        """A record page: the fact sheet's header, fields and summary, linked relations, sources.

        None when there is no such record (the id is only ever looked up, never used as a path).
        """
        if not self.db.exists(record_id):
            return None
        builder = SheetBuilder(self.db, lang)
        tr = builder.tr
        sheet = builder.build(record_id)
        record = self.db.get(record_id, lang)
        sections = "".join(s.html for s in sheet.sections if s.key in RECORD_SECTIONS)
        download = tr._("Download the fact sheet (PDF)")  # outside f-strings, for Babel
        pdf = (
            f'<p class="actions"><a class="button" href="{esc(pdf_url(record_id, lang))}" '
            f"download>{esc(download)}</a></p>"
            if self.pdf
            else ""
        )
        body = (
            f'<article class="record"><p class="subtitle">{sheet.subtitle}</p>'
            f"<h1>{esc(sheet.title)}</h1>{sheet.other_names}{sections}{pdf}"
            f"{self._related(record, tr)}{sheet.sources}</article>"
        )
        return self.layout(lang, sheet.title, body, record_url(record_id))

    def _related(self, record: Record, tr: Translator) -> str:
        """Every related record as a link, grouped by relation (events and documents dated)."""
        ids = list(dict.fromkeys(r.other_id for r in record.relations))
        rows = {row.id: row for row in self.db.rows(ids, tr.lang)}
        groups: dict[str, list[tuple[str, str]]] = {}
        for rel in record.relations:
            row = rows.get(rel.other_id)
            if row is None:
                continue
            label = tr.relation(rel.type, rel.direction)
            acronym = row.acronym if row.acronym and row.acronym not in (row.id, row.title) else ""
            text = esc(row.title) + (f" ({esc(acronym)})" if acronym else "")
            when = dates.format_text(row.date_text, tr.lang, "short") if row.date_text else ""
            item = f'<a href="{esc(record_url(row.id))}">{text}</a>'
            if when and row.kind in ("event", "document", "initiative"):
                item = f'<span class="date">{esc(when)}</span> {item}'
            entry = (row.date_text or "", item)
            if entry not in groups.setdefault(label, []):
                groups[label].append(entry)
        if not groups:
            return ""
        parts = [heading(tr._("Related"))]
        for label, entries in groups.items():
            items = "".join(f"<li>{item}</li>" for _key, item in sorted(entries))
            parts.append(f'<h3>{esc(label)}</h3><ul class="related">{items}</ul>')
        return "".join(parts)

    # --- lists ------------------------------------------------------------------------------

    def timeline(self, lang: str) -> str:
        """Every event, oldest first, under one heading per decade."""
        tr = Translator.for_language(lang)
        rows = self.db.rows(self.db.ids("event"), lang)
        title = tr._("Timeline")
        parts = [f"<h1>{esc(title)}</h1>"]
        decade: int | None = None
        items: list[str] = []
        for row in rows:
            year = row.year
            this = year - year % 10 if year is not None else None
            if this != decade and items:
                parts.append(f'<ol class="timeline">{"".join(items)}</ol>')
                items = []
            if this != decade:
                if this is None:
                    label = tr._("Undated")
                else:
                    label = tr._("{decade}s").format(decade=this)
                parts.append(f"<h2>{esc(label)}</h2>")
                decade = this
            when = dates.format_text(row.date_text, lang, "short") if row.date_text else ""
            items.append(
                f'<li><span class="date">{esc(when)}</span> '
                f'<a href="{esc(record_url(row.id))}">{esc(row.title)}</a></li>'
            )
        if items:
            parts.append(f'<ol class="timeline">{"".join(items)}</ol>')
        return self.layout(lang, title, "".join(parts), "/timeline")

    def glossary(self, lang: str) -> str:
        """Every term with its definition in the reader's language (English when it has none)."""
        tr = Translator.for_language(lang)
        ids = self.db.ids("term")
        rows = sorted(self.db.rows(ids, lang), key=lambda r: r.title.casefold())
        definitions = self.db.summaries(ids, lang)
        items = "".join(
            f'<dt><a href="{esc(record_url(row.id))}">{esc(row.title)}</a></dt>'
            f"<dd>{esc(definitions.get(row.id, ''))}</dd>"
            for row in rows
        )
        title = tr._("Glossary")
        body = f'<h1>{esc(title)}</h1><dl class="glossary">{items}</dl>'
        return self.layout(lang, title, body, "/glossary")

    # --- messages and the access code ---------------------------------------------------------

    def message(self, lang: str, title: str, text: str) -> str:
        """An error or notice page (`title` and `text` already in the reader's language)."""
        body = f"<h1>{esc(title)}</h1>" + paragraph(esc(text))
        return self.layout(lang, title, body, "/")

    def code_form(self, lang: str, wrong: bool, next_path: str) -> str:
        tr = Translator.for_language(lang)
        _ = tr._
        error = paragraph(esc(_("Wrong code. Ask the host.")), "error") if wrong else ""
        title, enter = _("Access code"), _("Enter")
        body = (
            f"<h1>{esc(title)}</h1>"
            + paragraph(esc(_("The host of this meeting gave a code to type once.")))
            + error
            + '<form method="post" action="/code" class="code">'
            f'<input type="hidden" name="next" value="{esc(next_path)}">'
            f'<label for="code">{esc(title)}</label> '
            '<input id="code" name="code" autocomplete="off" inputmode="text" maxlength="64" '
            "autofocus required> "
            f'<button type="submit">{esc(enter)}</button></form>'
        )
        return self.layout(lang, title, body, "/code")


def _kind_plurals() -> dict[str, str]:
    from sseref.core.vocab import KIND_PLURALS

    return KIND_PLURALS
