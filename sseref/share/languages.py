"""The reader's language: a cookie set by the switch, else the browser's Accept-Language."""

from __future__ import annotations

from sseref.core.i18n import LANGUAGES

MAX_HEADER = 512  # a longer Accept-Language is not parsed past this (it costs nothing then)


def from_accept_language(header: str | None) -> str | None:
    """The first supported language in an Accept-Language header, by quality (`es-MX;q=0.8`)."""
    if not header:
        return None
    ranked: list[tuple[float, int, str]] = []
    for position, item in enumerate(header[:MAX_HEADER].split(",")):
        tag, _sep, params = item.strip().partition(";")
        code = tag.strip().split("-")[0].split("_")[0].lower()
        quality = 1.0
        for param in params.split(";"):
            key, _eq, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if code in LANGUAGES and quality > 0:
            ranked.append((-quality, position, code))
    return min(ranked)[2] if ranked else None


def choose(cookie: str | None, query: str | None, accept: str | None) -> str:
    """`?lang=` wins (a shared link), then the switch's cookie, then the browser, then English."""
    for explicit in (query, cookie):
        if explicit in LANGUAGES:
            return str(explicit)
    return from_accept_language(accept) or "en"
