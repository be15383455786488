"""Small HTML builders for the sheets and the shared site, written as Jinja2 fragments.

Values are plain text (escaped by the engine) or `Markup` (HTML already made safe, kept as is);
nothing here escapes by hand. The markup stays within what Qt's rich-text engine understands
(HTML 4 tables, simple CSS), so the same HTML prints through QTextDocument and opens in any
browser.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from markupsafe import Markup

from sseref.report.render import escape, fragment

__all__ = [
    "Markup",
    "dated_list",
    "esc",
    "facts_table",
    "heading",
    "ordered_list",
    "paragraph",
]

Html = str | Markup


def esc(text: object) -> Markup:
    """Text made safe for HTML (MarkupSafe's escaping; None is empty)."""
    return escape("" if text is None else text)


_FACTS = (
    '<table class="facts" width="100%" cellspacing="0" cellpadding="2">'
    "{% for label, value in rows %}"
    '<tr><td class="label" width="{{ width }}" valign="baseline">{{ label }}</td>'
    '<td class="value" valign="baseline">{{ value }}</td></tr>'
    "{% endfor %}</table>"
)


def facts_table(rows: Iterable[tuple[str, Html]], label_width: str = "22%") -> Markup:
    """A two-column table of key fields: (label, value) pairs; empty values skipped.

    A column of a two-language sheet is half as wide: its labels take a larger share."""
    kept = [(_keep_together(label), value) for label, value in rows if value]
    return fragment(_FACTS, rows=kept, width=label_width) if kept else Markup("")


def _keep_together(label: str) -> str:
    # A short label keeps its words together: a narrow column (two languages side by side)
    # would otherwise break "Relacionado con" inside a word.
    return label.replace(" ", "\xa0") if len(label) <= 24 else label


def heading(text: str) -> Markup:
    return fragment("<h2>{{ text }}</h2>", text=text)


_DATED = (
    '<table class="{{ css }}" width="100%" cellspacing="0" cellpadding="2">'
    "{% for when, what in rows %}"
    '<tr><td class="when" width="20%" valign="baseline">{{ when }}</td>'
    '<td class="what" valign="baseline">{{ what }}</td></tr>'
    "{% endfor %}</table>"
)


def dated_list(rows: Sequence[tuple[str, Html]], css_class: str = "timeline") -> Markup:
    """A list of (date text, item) as a narrow-date table (timelines, key documents)."""
    return fragment(_DATED, rows=rows, css=css_class) if rows else Markup("")


def ordered_list(items: Iterable[Html], css_class: str) -> Markup:
    """A numbered list of items."""
    kept = list(items)
    if not kept:
        return Markup("")
    source = '<ol class="{{ css }}">{% for item in items %}<li>{{ item }}</li>{% endfor %}</ol>'
    return fragment(source, items=kept, css=css_class)


def paragraph(content: Html, css_class: str | None = None) -> Markup:
    """A paragraph (nothing when empty)."""
    if not content:
        return Markup("")
    return fragment(
        '<p{% if css %} class="{{ css }}"{% endif %}>{{ c }}</p>', c=content, css=css_class
    )
