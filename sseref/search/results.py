"""Search results (hits, facets, paging) as plain data; the snippets are made by `highlight`.

No Whoosh here: the window rebuilds results that its search process sent (`remote`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from markupsafe import escape

if TYPE_CHECKING:
    from sseref.search.highlight import Highlighter


def escape_html(text: str) -> str:
    """Text made safe for HTML by the program's one escaper (MarkupSafe)."""
    return str(escape(text))


HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE = "<b>", "</b>"


class Excerpt:
    """A hit's snippet, made the first time it is asked for (only painted rows need one)."""

    __slots__ = ("_highlighter", "_lang", "_summaries", "_text")

    def __init__(self, highlighter: Highlighter, summaries: dict[str, str], lang: str) -> None:
        self._highlighter = highlighter
        self._summaries = summaries
        self._lang = lang
        self._text: str | None = None

    def source_language(self) -> str | None:
        """The summary shown: the reader's language when the record has one (its words are
        what the reader reads), else the summary holding most of the query's words."""
        if not self._summaries:
            return None
        if self._lang in self._summaries:
            return self._lang
        order = ["en", *self._summaries]
        count = self._highlighter.count
        return min(
            dict.fromkeys(x for x in order if x in self._summaries),
            key=lambda code: (-count(self._summaries[code]), order.index(code)),
        )

    def text(self) -> str:
        if self._text is None:
            code = self.source_language()
            self._text = self._highlighter.snippet(self._summaries[code], code) if code else ""
        return self._text


class FixedExcerpt(Excerpt):
    """A snippet made elsewhere (a note's, by the user database), behind the same interface."""

    __slots__ = ()

    def __init__(self, text: str) -> None:
        self._summaries = {}
        self._lang = ""
        self._text = text

    def source_language(self) -> str | None:
        return None


@dataclass(frozen=True)
class Hit:
    """One ranked record; its snippet is computed on first use."""

    id: str
    kind: str
    title: str
    score: float
    acronym: str | None = None
    date: str | None = None
    excerpt: Excerpt | None = field(default=None, compare=False, repr=False)

    @property
    def snippet(self) -> str:
        return self.excerpt.text() if self.excerpt is not None else ""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "snippet": self.snippet,
            "score": round(self.score, 4),
        }


@dataclass
class SearchResults:
    """A page of hits with the total, facet counts and an optional "Did you mean"."""

    query: str
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    suggestion: str | None = None
    corrected: bool = False  # the hits come from the suggestion (the query found nothing)
    relaxed: bool = False  # no record had every word: records with most of them
    offset: int = 0
    limit: int = 20
    generation: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "total": self.total,
            "suggestion": self.suggestion,
            "hits": [h.to_json() for h in self.hits],
            "facets": self.facets,
        }

    def by_kind(self) -> dict[str, list[Hit]]:
        """Hits grouped by kind, kinds in order of their best hit (for the results list)."""
        grouped: dict[str, list[Hit]] = {}
        for hit in self.hits:
            grouped.setdefault(hit.kind, []).append(hit)
        return grouped
