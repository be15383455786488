"""Text analysis for indexing and querying: folding, tokens, stop words, stems per language."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from whoosh.lang import stemmer_for_language
from whoosh.lang.stopwords import stoplists

from sseref.core.textfold import fold as fold  # the search pipeline folds like lists and notes

LANGS: tuple[str, ...] = ("en", "es", "fr")

# Words: runs of letters/digits; an apostrophe inside a word splits French elisions (l'économie).
# The British "co-operative"/"co-operation" (the ICA's own spelling) is one word, the same as
# "cooperative": the hyphen is dropped (see `_joined`), on the index and the query side alike.
WORD_RE = re.compile(r"(?i:co-op)[^\W_]*|[^\W_]+", re.UNICODE)
_MAX_TOKEN = 40  # longer "words" are noise (base64, URLs) and only bloat the lexicon

# Words that carry meaning in our domain although a stop list names them ("sur" in Sur-Sur).
_KEEP = {"sur", "sud", "un", "este", "estado", "estados"}


def _folded_stoplist(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in stoplists[lang]) - _KEEP


STOPWORDS: dict[str, frozenset[str]] = {lang: _folded_stoplist(lang) for lang in LANGS}
# A query word's language is unknown, so the query side drops words stopped in any language;
# the index side uses the same union so that both agree.
ANY_STOPWORDS: frozenset[str] = frozenset().union(*STOPWORDS.values())

# Spanish Snowball suffixes carry accents (ación, ución, logía); after folding they would no
# longer match, so `cooperacion` would not stem like `cooperación`. Restoring the accent on
# these few suffixes keeps "fold first" and still gets proper stems.
_ES_SUFFIXES = (
    ("aciones", "aciones"),
    ("acion", "ación"),
    ("uciones", "uciones"),
    ("ucion", "ución"),
    ("logias", "logías"),
    ("logia", "logía"),
)
_STEMMERS = {lang: stemmer_for_language(lang) for lang in LANGS}


# Snowball stems "cooperative(s)" and "cooperation" alike ("cooper"), and so Spanish
# "cooperativa(s)" and "cooperación": in this domain they are different things (enterprises of
# the social economy; work between countries). Words of either family get one stem of their
# own in every language: coopérative/cooperativa/cooperative, coopération/cooperación.
_DOMAIN_STEMS = (
    ("cooperativ", "cooperativ"),
    ("cooperatif", "cooperativ"),
    ("cooperation", "cooperation"),
    ("cooperacion", "cooperation"),
)


def clear_caches() -> None:
    """Forgets memoized stems (benchmarks measure cold queries)."""
    stem.cache_clear()


@lru_cache(maxsize=200_000)
def stem(word: str, lang: str) -> str:
    """The Snowball stem of an already folded word, folded again (stemmers may add accents)."""
    for start, domain_stem in _DOMAIN_STEMS:
        if word.startswith(start):
            return domain_stem
    if lang == "es":
        for plain, accented in _ES_SUFFIXES:
            if word.endswith(plain):
                word = word[: -len(plain)] + accented
                break
    return fold(_STEMMERS[lang](word))


def joined(word: str) -> str:
    """A WORD_RE match as a word: "co-operative" → "cooperative" (no other match has a hyphen)."""
    return word.replace("-", "") if "-" in word else word


def words(text: str) -> list[str]:
    """Folded words of `text`, stop words kept (for phrases, prefixes and the vocabulary)."""
    return [joined(w) for w in WORD_RE.findall(fold(text)) if len(w) <= _MAX_TOKEN]


def word_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, folded word) for each word of the original text (for highlighting)."""
    for match in WORD_RE.finditer(text):
        yield match.start(), match.end(), joined(fold(match.group()))


def stems(text: str, lang: str) -> list[str]:
    """Stems of the content words of `text` written in `lang` (index side)."""
    return [stem(w, lang) for w in words(text) if w not in ANY_STOPWORDS]


def query_stems(word: str) -> list[str]:
    """Every stem a folded query word may have in one of our languages (deduplicated)."""
    if word in ANY_STOPWORDS:
        return []
    return list(dict.fromkeys(stem(word, lang) for lang in LANGS))


def is_stopword(word: str) -> bool:
    return word in ANY_STOPWORDS


def key(text: str) -> str:
    """A normalized lookup key for names, acronyms and aliases: `Sur-Sur` → `sur sur`."""
    return " ".join(words(text))


def all_stems(text: str) -> list[str]:
    """Stems under every language, for text whose language is unknown (aliases)."""
    out: list[str] = []
    for w in words(text):
        if w not in ANY_STOPWORDS:
            out.extend(dict.fromkeys(stem(w, lang) for lang in LANGS))
    return out


def join_unique(parts: Iterable[str]) -> str:
    return " ".join(dict.fromkeys(p for p in parts if p))
