"""The start page of the record pane: what the data holds, example searches, recent records."""

from __future__ import annotations

from collections import Counter
from urllib.parse import quote

from markupsafe import Markup

from sseref.core.db import Database
from sseref.core.i18n import _
from sseref.gui.actions import PANEL_ORDER
from sseref.gui.labels import date_label, kind_label, kind_plural, number_label
from sseref.gui.theme import Colors

# The panel that lists each kind (the start page's counts link to it).
KIND_PANELS = {
    "organization": "organizations",
    "event": "history",
    "document": "documents",
    "initiative": "initiatives",
    "term": "glossary",
    "person": "people",
    "country": "countries",
}


def example_searches(db: Database) -> list[tuple[str, str]]:
    """(query, what it teaches): built from the data, so that every example finds something."""
    examples: list[tuple[str, str]] = []
    orgs = db.ids("organization")
    names = db.names_by_language(orgs)
    acronyms = [n["en"].acronym for n in names.values() if "en" in n and n["en"].acronym]
    # An acronym that differs in another language teaches that every language's acronym works.
    other = next(
        (
            (by_lang[code].acronym, by_lang["en"].acronym)
            for by_lang in names.values()
            for code in ("es", "fr")
            if "en" in by_lang
            and code in by_lang
            and by_lang[code].acronym
            and by_lang["en"].acronym
            and by_lang[code].acronym != by_lang["en"].acronym
        ),
        None,
    )
    if other:
        examples.append(
            (
                str(other[0]),
                _("an acronym in any language ({a} = {b})").format(a=other[0], b=other[1]),
            )
        )
    terms = db.titles(db.ids("term"), "en")
    phrase = next((t for t in sorted(terms.values()) if " " in t and len(t) < 30), None)
    if phrase:
        examples.append((f'"{phrase}"', _("an exact phrase, in quotes")))
    years = [r.year for r in db.rows(db.ids("document")) if r.year]
    if years:
        decade = Counter(y - y % 10 for y in years).most_common(1)[0][0]
        examples.append(
            (
                f"kind:document year:{decade}..{decade + 10}",
                _("documents of a decade: kind: and year: filters"),
            )
        )
    if len(acronyms) >= 2:
        first, second = sorted(acronyms, key=len)[:2]
        examples.append((f"{first} OR {second}", _("either word: OR")))
    # A one-word term and a word of another term's name to leave out: both from the data.
    words = sorted(t for t in terms.values() if t.isalpha() and len(t) > 4)
    if len(words) >= 2:
        examples.append((f"{words[0]} -{words[-1]}", _("leave a word out: -word")))
    return examples


def start_page_html(db: Database, recent: list[str], colors: Colors, lang: str) -> str:
    """The page shown before any record is open (and with Go → Start page)."""
    meta = db.meta()
    counts = db.counts()
    title = _("Welcome to SSE Ref")
    intro = _(
        "An offline reference on the Social and Solidarity Economy and South-South "
        "cooperation: organizations, history, documents, initiatives, people in public roles, "
        "countries and their SSE laws, and a glossary in English, Spanish and French. Choose a "
        "record in a list, or search with Ctrl+K."
    )
    holds = _("What the data holds")
    as_of = _("Data as of {date}; built on {built}.").format(
        date=date_label(meta.get("data_as_of"), lang) or "?",
        built=date_label((meta.get("built_at") or "")[:10] or None, lang) or "?",
    )
    # Markup: each `{}` is escaped by MarkupSafe as it is filled in (the start page is part of
    # the first frame, which the template engine's import would slow by 20-40 ms).
    muted = Markup("<span style='color:{}'>{}</span>")
    row = Markup(
        "<tr><td align='right' style='padding-right:10px'><b>{}</b></td>"
        "<td><a href='panel:{}'>{}</a></td></tr>"
    )
    rows = Markup("").join(
        row.format(number_label(n), KIND_PANELS[kind], kind_plural(kind))
        for kind, n in counts.items()
        if kind in KIND_PANELS and KIND_PANELS[kind] in PANEL_ORDER
    )
    parts = [
        Markup("<h1>{}</h1><p>{}</p>").format(title, intro),
        Markup("<h3>{}</h3><table cellspacing='2'>{}</table>").format(holds, rows),
        Markup("<p style='color:{}'>{}</p>").format(colors.muted, as_of),
    ]
    examples = example_searches(db)
    if examples:
        item = Markup("<li><a href='search:{}'><code>{}</code></a> {}</li>")
        items = Markup("").join(
            item.format(quote(query), query, muted.format(colors.muted, f"— {why}"))
            for query, why in examples
        )
        more = _("Press F1 for the whole search syntax and every shortcut.")
        parts.append(Markup("<h3>{}</h3><ul>{}</ul>").format(_("Try a search"), items))
        parts.append(Markup("<p style='color:{}'>{}</p>").format(colors.muted, more))
    found = db.titles([r for r in recent if db.exists(r)], lang)
    titles = {rid: found[rid] for rid in recent if rid in found}  # newest first
    if titles:
        kinds = {r.id: r.kind for r in db.rows(list(titles), lang)}
        item = Markup("<li><a href='record:{}'>{}</a> {}</li>")
        items = Markup("").join(
            item.format(
                rid, titles[rid], muted.format(colors.muted, kind_label(kinds.get(rid, "")))
            )
            for rid in titles
        )
        parts.append(Markup("<h3>{}</h3><ul>{}</ul>").format(_("Recently viewed"), items))
    news = _(
        "This copy's data was built on {built}. Newer data comes with a newer version of SSE "
        "Ref; Help → About tells which version you have."
    ).format(built=date_label((meta.get("built_at") or "")[:10] or None, lang) or "?")
    parts.append(Markup("<h3>{}</h3><p>{}</p>").format(_("What is new"), news))
    page = Markup("<html><body style='color:{}'>{}</body></html>")
    return str(page.format(colors.text, Markup("").join(parts)))
