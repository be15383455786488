"""Plain-text helpers shared by the format readers: whitespace, control characters, language."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

# The most frequent function words of each interface language: enough to tell EN/ES/FR apart
# on a paragraph, with no model to ship.
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the of and to in is that for on with as by are this be from it at an or which".split()
    ),
    "es": frozenset(
        "de la que el en y los del se las por un para con una es al lo como su más".split()
    ),
    "fr": frozenset(
        "de la le et les des en du un une est pour que dans qui au par sur pas sont avec".split()
    ),
}


def clean_text(text: str) -> str:
    """Text safe to store and show: no control characters (tabs and newlines kept), tidy
    spaces, at most one blank line in a row."""
    kept = "".join(
        ch if ch in "\n\t" or unicodedata.category(ch)[0] != "C" else " "
        for ch in text.replace("\r\n", "\n").replace("\r", "\n")
    )
    lines = [_SPACES.sub(" ", line).strip() for line in kept.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def clean_line(text: str | None, limit: int = 500) -> str:
    """A metadata value (title, author) on one line, cut to `limit` characters."""
    if not text:
        return ""
    return " ".join(clean_text(str(text)).split())[:limit]


def guess_language(text: str, sample_chars: int = 20_000) -> str | None:
    """'en', 'es' or 'fr' by function-word counts; None when the text says too little."""
    words = [w.casefold() for w in _WORD.findall(text[:sample_chars])]
    if len(words) < 20:
        return None
    scores = {lang: sum(1 for w in words if w in stop) for lang, stop in _STOPWORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    ranked = sorted(scores.values(), reverse=True)
    # Too few hits, or a tie between two languages: better no answer than a wrong one.
    if ranked[0] < max(3, len(words) // 50) or ranked[0] == ranked[1]:
        return None
    return best


def join_blocks(blocks: Iterable[str]) -> str:
    """Paragraphs joined with blank lines, empty ones dropped."""
    return "\n\n".join(b.strip() for b in blocks if b and b.strip())
