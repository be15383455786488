"""Search results (hits, facets, paging) and HTML-escaped snippets with the hits highlighted."""

from __future__ import annotations

import bisect
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from markupsafe import escape

from sseref.search import analysis as an


def escape_html(text: str) -> str:
    """Text made safe for HTML by the program's one escaper (MarkupSafe)."""
    return str(escape(text))


SNIPPET_WORDS = 28
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


class Highlighter:
    """Decides which words of a text matched a query (same analysis as the index)."""

    def __init__(
        self, words: Collection[str], stems: Collection[str], prefixes: Collection[str]
    ) -> None:
        self.words = set(words)
        self.stems = set(stems)
        self.prefixes = tuple(p for p in prefixes if p)

    def matches(self, folded: str, lang: str) -> bool:
        if folded in self.words:
            return True
        if self.prefixes and folded.startswith(self.prefixes):
            return True
        if self.stems and not an.is_stopword(folded):
            return an.stem(folded, lang if lang in an.LANGS else "en") in self.stems
        return False

    def snippet(self, text: str, lang: str, size: int = SNIPPET_WORDS) -> str:
        """The best window of `text`, escaped, matched words in <b>…</b>."""
        spans = _spans(text)
        if not spans:
            return escape_html(text)
        hits = [i for i, (_s, _e, w) in enumerate(spans) if self.matches(w, lang)]
        start = 0
        if hits and len(spans) > size:
            # The window holding the most hits; ties go to the earliest.
            best = max(
                range(len(hits)), key=lambda k: (bisect.bisect_left(hits, hits[k] + size) - k, -k)
            )
            start = max(0, min(hits[best] - 3, len(spans) - size))
        end = min(len(spans), start + size)
        # Escape the text between hits in whole chunks: few calls whatever the length.
        pieces: list[str] = []
        cursor = spans[start][0] if start else 0
        for i in hits:
            if start <= i < end:
                s, e, _w = spans[i]
                pieces.append(escape_html(text[cursor:s]))
                pieces.append(HIGHLIGHT_OPEN + escape_html(text[s:e]) + HIGHLIGHT_CLOSE)
                cursor = e
        tail_end = len(text) if end == len(spans) else spans[end - 1][1]
        pieces.append(escape_html(text[cursor:tail_end]))
        out = "".join(pieces).strip()
        if start > 0:
            out = "… " + out
        if end < len(spans):
            out += " …"
        return out

    def count(self, text: str) -> int:
        """A cheap estimate of how many query words `text` holds (picks the summary shown)."""
        found = set(an.words(text))
        n = len(found & self.words)
        if self.prefixes:
            n += sum(1 for w in found if w.startswith(self.prefixes))
        return n


def _spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded word) per word; folds the text once when lengths allow it."""
    folded = an.fold(text)
    if len(folded) != len(text):  # ß → ss and the like: fold word by word
        return list(an.word_spans(text))
    return [(m.start(), m.end(), an.joined(m.group())) for m in an.WORD_RE.finditer(folded)]
