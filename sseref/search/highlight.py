"""Snippets: the best window of a summary, HTML-escaped, the words the query matched in <b>."""

from __future__ import annotations

import bisect
from collections.abc import Collection

from sseref.search import analysis as an
from sseref.search.results import HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN, escape_html

SNIPPET_WORDS = 28


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
