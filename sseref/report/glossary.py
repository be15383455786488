"""A glossary sheet: several terms with their definitions in English, Spanish and French."""

from __future__ import annotations

from sseref.core.db import Database
from sseref.core.models import Record, Source
from sseref.report.markup import Markup, paragraph
from sseref.report.render import fragment
from sseref.report.sheets import SheetBuilder

GLOSSARY_LANGUAGES = ("en", "es", "fr")


def glossary_columns(lang: str) -> list[str]:
    """The sheet's language first, then the other two."""
    return [lang, *(c for c in GLOSSARY_LANGUAGES if c != lang)]


_TABLE = (
    '<table class="glossary" width="100%" cellspacing="0" cellpadding="4"><tr>'
    '{% for name in languages %}<th class="lang" width="{{ width }}%">{{ name }}</th>{% endfor %}'
    "</tr>{% for cells in rows %}<tr>"
    '{% for cell in cells %}<td valign="top">{% if cell %}{{ cell }}{% else %}&#160;{% endif %}'
    "</td>{% endfor %}</tr>{% endfor %}</table>"
)


def glossary_body(db: Database, term_ids: list[str], builder: SheetBuilder) -> Markup:
    """A table with one row per term and one column per language, then the shared sources."""
    columns = glossary_columns(builder.lang)
    records: list[Record] = [db.get(term_id, builder.lang) for term_id in term_ids]
    records.sort(key=lambda r: r.title(builder.lang).casefold())
    rows = []
    for record in records:
        cells = []
        for code in columns:
            name = record.names.get(code)
            definition = record.summaries.get(code, "")
            term = paragraph(name.name, "term") if name else Markup("")
            cells.append(term + paragraph(definition, "definition"))
        rows.append(cells)
    table = fragment(
        _TABLE,
        languages=[builder.p.language(c) for c in columns],
        width=100 // len(columns),
        rows=rows,
    )
    return table + builder.sources_html(_unique_sources(records))


def _unique_sources(records: list[Record]) -> list[Source]:
    seen: dict[tuple[object, ...], Source] = {}
    for record in records:
        for source in record.sources:
            key = (source.doc_id, source.title, source.url)
            seen.setdefault(key, source)
    return list(seen.values())
