"""Small HTML builders for the sheets: everything from the data is escaped here or by callers.

The markup stays within what Qt's rich-text engine understands (HTML 4 tables, simple CSS), so
the same HTML prints through QTextDocument and opens in any browser.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape


def esc(text: object) -> str:
    """Text made safe for HTML (quotes included)."""
    return escape("" if text is None else str(text), quote=True)


def facts_table(rows: Iterable[tuple[str, str]], label_width: str = "22%") -> str:
    """A two-column table of key fields; `rows` hold (label, value HTML); empty values skipped.

    A column of a two-language sheet is half as wide: its labels take a larger share."""
    # A short label keeps its words together: a narrow column (two languages side by side)
    # would otherwise break "Relacionado con" inside a word.
    cells = [
        f'<tr><td class="label" width="{label_width}" valign="baseline">'
        f"{_keep_together(label)}</td>"
        f'<td class="value" valign="baseline">{value}</td></tr>'
        for label, value in rows
        if value
    ]
    if not cells:
        return ""
    return (
        '<table class="facts" width="100%" cellspacing="0" cellpadding="2">'
        + "".join(cells)
        + "</table>"
    )


def _keep_together(label: str) -> str:
    text = esc(label)
    return text.replace(" ", "\xa0") if len(label) <= 24 else text


def heading(text: str) -> str:
    return f"<h2>{esc(text)}</h2>"


def dated_list(rows: Sequence[tuple[str, str]], css_class: str = "timeline") -> str:
    """A list of (date text, item HTML) as a narrow-date table (timelines, key documents)."""
    if not rows:
        return ""
    body = "".join(
        f'<tr><td class="when" width="20%" valign="baseline">{esc(when)}</td>'
        f'<td class="what" valign="baseline">{what}</td></tr>'
        for when, what in rows
    )
    return f'<table class="{css_class}" width="100%" cellspacing="0" cellpadding="2">{body}</table>'


def ordered_list(items: Iterable[str], css_class: str) -> str:
    """A numbered list of item HTML."""
    body = "".join(f"<li>{item}</li>" for item in items)
    return f'<ol class="{css_class}">{body}</ol>' if body else ""


def paragraph(html: str, css_class: str | None = None) -> str:
    attr = f' class="{css_class}"' if css_class else ""
    return f"<p{attr}>{html}</p>" if html else ""
