"""The one HTML writer: Jinja2 templates with autoescape, and MarkupSafe for small fragments.

Every HTML string the program builds from data (record pages, fact sheets, the shared site, the
result list's rows) goes through here: text is escaped by the engine, never by hand, and HTML
that is already safe travels as `Markup`. Templates live in `resources/` (`record/`,
`factsheets/`, `share/`), so they ship with the data and the fonts.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template
from markupsafe import Markup, escape

from sseref.core.paths import resources_dir

__all__ = ["Markup", "escape", "fragment", "join", "render"]


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The template engine: autoescape on for every template, a missing value is an error."""
    return Environment(
        loader=FileSystemLoader(str(resources_dir())),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def render(template: str, /, **values: Any) -> Markup:
    """`template` (a path under resources/, e.g. "factsheets/sheet.html") filled in."""
    return Markup(environment().get_template(template).render(**values))


@lru_cache(maxsize=256)
def _inline(source: str) -> Template:
    return environment().from_string(source)


def fragment(source: str, /, **values: Any) -> Markup:
    """A small inline template ("<b>{{ text }}</b>"): values are escaped like in a file."""
    return Markup(_inline(source).render(**values))


def join(parts: Iterable[str | Markup], separator: str = "") -> Markup:
    """Parts joined into HTML: plain text parts are escaped, Markup parts kept as they are."""
    return Markup(escape(separator)).join(escape(p) for p in parts)
