"""The shared site's pages as HTML, from the presentation layer (its dates, labels, citations).

Pages are Jinja2 templates with autoescape (`report.render`): every string from the data is
escaped by the engine; the fact sheet's sections come as Markup from `report.sheets`; snippets
come from the search layer, which escapes them and adds only <b>. Pages carry no inline script
or style, so the site's Content-Security-Policy can forbid both.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from urllib.parse import quote

from sseref.core.db import Database
from sseref.core.i18n import LANGUAGES
from sseref.core.models import Record
from sseref.report.compose import data_as_of
from sseref.report.i18n import Translator
from sseref.report.markup import Markup, heading, paragraph
from sseref.report.present import Presenter, listed_relations
from sseref.report.render import escape, fragment, join, render
from sseref.report.sheets import SheetBuilder
from sseref.search.results import SearchResults

Searcher = Callable[[str, str], SearchResults]
LANGUAGE_ENDONYMS = {"en": "English", "es": "Español", "fr": "Français"}  # never translated
RESULT_LIMIT = 30
MAX_QUERY = 200  # characters of a query that are searched; the rest is dropped
RESULTS_CACHE = 2048  # result lists kept (a few kB each)
RECORD_SECTIONS = ("facts", "summary", "roles")  # the sheet's relation lists have no links

_RESULTS = (
    '<ol class="results">{% for h in hits %}<li><a href="{{ h.url }}">'
    '<span class="kind">{{ h.kind }}</span> <span class="title">{{ h.title }}</span>'
    '{% if h.acronym %} <span class="acronym">{{ h.acronym }}</span>{% endif %}'
    '{% if h.date %} <span class="date">{{ h.date }}</span>{% endif %}</a>'
    '<p class="snippet">{{ h.snippet }}</p></li>{% endfor %}</ol>'
)
_RECORD = (
    '<article class="record"><p class="subtitle">{{ sheet.subtitle }}</p>'
    "<h1>{{ sheet.title }}</h1>{{ sheet.other_names }}{{ sections }}"
    '{% if pdf %}<p class="actions"><a class="button" href="{{ pdf }}" download>{{ download }}'
    "</a></p>{% endif %}{{ related }}{{ sheet.sources }}</article>"
)
_RELATED = (
    '{% for label, items in groups %}<h3>{{ label }}</h3><ul class="related">'
    '{% for i in items %}<li>{% if i.date %}<span class="date">{{ i.date }}</span> {% endif %}'
    '<a href="{{ i.url }}">{{ i.text }}</a></li>{% endfor %}</ul>{% endfor %}'
)
_TIMELINE = (
    "<h1>{{ title }}</h1>{% for label, items in decades %}<h2>{{ label }}</h2>"
    '<ol class="timeline">{% for i in items %}<li><span class="date">{{ i.date }}</span> '
    '<a href="{{ i.url }}">{{ i.title }}</a></li>{% endfor %}</ol>{% endfor %}'
)
_GLOSSARY = (
    '<h1>{{ title }}</h1><dl class="glossary">{% for t in terms %}'
    '<dt><a href="{{ t.url }}">{{ t.title }}</a></dt><dd>{{ t.definition }}</dd>'
    "{% endfor %}</dl>"
)
_CODE_FORM = (
    "<h1>{{ title }}</h1><p>{{ intro }}</p>"
    '{% if error %}<p class="error">{{ error }}</p>{% endif %}'
    '<form method="post" action="/code" class="code">'
    '<input type="hidden" name="next" value="{{ next_path }}">'
    '<label for="code">{{ title }}</label> '
    '<input id="code" name="code" autocomplete="off" inputmode="text" maxlength="64" '
    "autofocus required> "
    '<button type="submit">{{ enter }}</button></form>'
)


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

    def layout(self, lang: str, title: str, body: Markup, here: str, query: str = "") -> str:
        tr = Translator.for_language(lang)
        _ = tr._
        languages = [
            {
                "code": code,
                "href": f"/lang/{code}?next={quote(here, safe='')}",
                "current": code == lang,
                "name": LANGUAGE_ENDONYMS[code],
            }
            for code in LANGUAGES
        ]
        return str(
            render(
                "share/page.html",
                lang=lang,
                title=f"{title} · {self.title}" if title != self.title else title,
                site=self.title,
                search_label=_("Search the reference"),
                search_button=_("Search"),
                placeholder=_("Name, acronym, symbol, year…"),
                query=query,
                nav_search=_("Search"),
                nav_timeline=_("Timeline"),
                nav_glossary=_("Glossary"),
                languages_label=_("Language"),
                languages=languages,
                body=body,
                footer=_(
                    "Read-only copy shared from the host's computer · data as of {date}"
                ).format(date=data_as_of(self.db, lang)),
            )
        )

    # --- search -----------------------------------------------------------------------------

    def home(self, lang: str, query: str) -> str:
        tr = Translator.for_language(lang)
        results = Markup(self.results(lang, query))
        if not query:
            counts = self.db.counts()
            intro = paragraph(
                tr._("Type to search organizations, events, documents, initiatives and terms.")
            )
            results = intro + fragment(
                '<ul class="counts">{% for label, n in counts %}<li>{{ label }}: {{ n }}</li>'
                "{% endfor %}</ul>",
                counts=[
                    (tr._(label), counts.get(kind, 0)) for kind, label in _kind_plurals().items()
                ],
            )
        body = fragment('<section id="results" aria-live="polite">{{ r }}</section>', r=results)
        return self.layout(lang, self.title, body, "/?q=" + quote(query) if query else "/", query)

    def _results(self, lang: str, query: str) -> str:
        """The result list in the engine's order (also sent alone to the search-as-you-type)."""
        if not query:
            return ""
        p = Presenter(lang)
        tr = p.tr
        _ = tr._
        found = self.search(query, lang)
        out: list[Markup] = []
        if found.suggestion:
            link = fragment(
                '<a href="/?q={{ q }}">{{ s }}</a>', q=quote(found.suggestion), s=found.suggestion
            )
            out.append(paragraph(escape(_("Did you mean {suggestion}?")).format(suggestion=link)))
        if not found.hits:
            out.append(paragraph(_("No results."), "count"))
            return str(join(out))
        count = tr.n_("{n} result", "{n} results", found.total).format(n=found.total)
        out.append(paragraph(count, "count"))
        hits = [
            {
                "url": record_url(hit.id),
                "kind": p.kind(hit.kind),
                "title": hit.title,
                "acronym": hit.acronym,
                "date": p.date(hit.date, "short"),
                # The search layer escapes snippets and adds only <b>: already HTML.
                "snippet": Markup(hit.snippet),
            }
            for hit in found.hits
        ]
        out.append(fragment(_RESULTS, hits=hits))
        return str(join(out))

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
        body = fragment(
            _RECORD,
            sheet=sheet,
            sections=join(s.html for s in sheet.sections if s.key in RECORD_SECTIONS),
            pdf=pdf_url(record_id, lang) if self.pdf else None,
            download=tr._("Download the fact sheet (PDF)"),
            related=self._related(record, builder.p),
        )
        return self.layout(lang, sheet.title, body, record_url(record_id))

    def _related(self, record: Record, p: Presenter) -> Markup:
        """Every related record as a link, grouped by relation (events and documents dated)."""
        ids = list(dict.fromkeys(r.other_id for r in record.relations))
        rows = {row.id: row for row in self.db.rows(ids, p.lang)}
        groups: dict[str, list[tuple[str, str, str, str]]] = {}
        for rel in listed_relations(record):
            row = rows.get(rel.other_id)
            if row is None:
                continue
            label = p.relation(rel.type, rel.direction)
            acronym = row.acronym if row.acronym and row.acronym not in (row.id, row.title) else ""
            text = row.title + (f" ({acronym})" if acronym else "")
            dated = row.kind in ("event", "document", "initiative")
            when = p.date(row.date_text, "short") if dated else ""
            entry = (row.date_text or "", when, record_url(row.id), text)
            if entry not in groups.setdefault(label, []):
                groups[label].append(entry)
        if not groups:
            return Markup("")
        ordered = [
            (label, [{"date": e[1], "url": e[2], "text": e[3]} for e in sorted(entries)])
            for label, entries in groups.items()
        ]
        return heading(p.tr._("Related")) + fragment(_RELATED, groups=ordered)

    # --- lists ------------------------------------------------------------------------------

    def timeline(self, lang: str) -> str:
        """Every event, oldest first, under one heading per decade."""
        p = Presenter(lang)
        tr = p.tr
        rows = self.db.rows(self.db.ids("event"), lang)
        title = tr._("Timeline")
        decades: list[tuple[str, list[dict[str, str]]]] = []
        decade: int | None = None
        for row in rows:
            year = row.year
            this = year - year % 10 if year is not None else None
            if not decades or this != decade:
                if this is None:
                    label = tr._("Undated")
                else:
                    label = tr._("{decade}s").format(decade=this)
                decades.append((label, []))
                decade = this
            decades[-1][1].append(
                {
                    "date": p.date(row.date_text, "short"),
                    "url": record_url(row.id),
                    "title": row.title,
                }
            )
        body = fragment(_TIMELINE, title=title, decades=decades)
        return self.layout(lang, title, body, "/timeline")

    def glossary(self, lang: str) -> str:
        """Every term with its definition in the reader's language (English when it has none)."""
        tr = Translator.for_language(lang)
        ids = self.db.ids("term")
        rows = sorted(self.db.rows(ids, lang), key=lambda r: r.title.casefold())
        definitions = self.db.summaries(ids, lang)
        terms = [
            {"url": record_url(r.id), "title": r.title, "definition": definitions.get(r.id, "")}
            for r in rows
        ]
        title = tr._("Glossary")
        body = fragment(_GLOSSARY, title=title, terms=terms)
        return self.layout(lang, title, body, "/glossary")

    # --- messages and the access code ---------------------------------------------------------

    def message(self, lang: str, title: str, text: str) -> str:
        """An error or notice page (`title` and `text` already in the reader's language)."""
        body = fragment("<h1>{{ title }}</h1><p>{{ text }}</p>", title=title, text=text)
        return self.layout(lang, title, body, "/")

    def code_form(self, lang: str, wrong: bool, next_path: str) -> str:
        tr = Translator.for_language(lang)
        _ = tr._
        body = fragment(
            _CODE_FORM,
            title=_("Access code"),
            intro=_("The host of this meeting gave a code to type once."),
            error=_("Wrong code. Ask the host.") if wrong else "",
            next_path=next_path,
            enter=_("Enter"),
        )
        return self.layout(lang, _("Access code"), body, "/code")


def _kind_plurals() -> dict[str, str]:
    from sseref.core.vocab import KIND_PLURALS

    return KIND_PLURALS
