"""The query language, parsed into a small tree; any input parses, nothing here raises."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from sseref.search import analysis as an
from sseref.search import symbols

MAX_QUERY_CHARS = 512  # a pasted page is cut, not refused
MAX_ITEMS = 24
# Words in the whole query, counted after folding: one pasted token can unfold into hundreds
# ("ﷺ" is four words in NFKD), and each word costs stems, aliases and postings. 32 is more
# than any real question; the rest is ignored, which bounds the slowest query.
MAX_WORDS = 32
FIELD_NAMES = {
    "kind": "kind",
    "type": "type",
    "tipo": "type",
    "year": "year",
    "ano": "year",
    "annee": "year",
    "date": "year",
    "region": "region",
    "lang": "lang",
    "language": "lang",
    "idioma": "lang",
    "langue": "lang",
    "theme": "theme",
    "tema": "theme",
}
_TOKEN_RE = re.compile(r'"[^"]*"?|\(|\)|[^\s"()]+')
_SLASH_SPACES = re.compile(r"\s*/\s*")


@dataclass
class Item:
    """One clause: a word, a phrase, a UN symbol or a field filter; possibly negated."""

    kind: str  # "word" | "phrase" | "symbol" | "filter"
    words: list[str] = field(default_factory=list)  # folded words (word: usually one)
    raw: str = ""
    negated: bool = False
    prefix: bool = False  # the last word while typing
    field_name: str = ""  # filters: kind, type, year, region, lang, theme
    value: str = ""


@dataclass
class ParsedQuery:
    """Positive clauses as OR-groups (all groups required), negations and filters."""

    groups: list[list[Item]] = field(default_factory=list)
    negated: list[Item] = field(default_factory=list)
    filters: list[Item] = field(default_factory=list)
    text: str = ""

    def is_empty(self) -> bool:
        return not self.groups and not self.filters

    def positive_items(self) -> list[Item]:
        return [item for group in self.groups for item in group]


def clean(text: str) -> str:
    """Drops control and format characters and cuts very long input."""
    text = str(text)[: MAX_QUERY_CHARS * 2]
    out = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)
    return out[:MAX_QUERY_CHARS]


def _filter_item(token: str, negated: bool) -> Item | None:
    name, _, value = token.partition(":")
    field_name = FIELD_NAMES.get(an.fold(name))
    if not field_name:
        return None
    value = value.strip().strip('"').strip()
    return Item("filter", raw=token, negated=negated, field_name=field_name, value=value)


def _word_item(token: str, negated: bool) -> Item | None:
    if symbols.SYMBOL_RE.fullmatch(token):
        return Item(
            "symbol",
            words=an.words(token),
            raw=token,
            negated=negated,
            value=symbols.query_key(token),
        )
    words = an.words(token)
    if not words:
        return None
    return Item("word", words=words, raw=token, negated=negated)


def parse(text: str, *, as_you_type: bool = True) -> ParsedQuery:
    """Parses `text`; malformed parts degrade to plain words instead of failing."""
    text = clean(text)
    query = ParsedQuery(text=text)
    body = _SLASH_SPACES.sub("/", text)
    tokens = _TOKEN_RE.findall(body)
    negate_next = False
    or_pending = False
    last_item: Item | None = None
    count = words_used = 0
    for token in tokens:
        if count >= MAX_ITEMS:
            break
        if token in ("(", ")"):
            continue  # grouping is not supported: parentheses only separate words
        if token in ("OR", "|", "||"):
            or_pending = bool(query.groups)
            continue
        if token in ("AND", "&&", "+"):
            continue
        if token == "NOT":
            negate_next = True
            continue
        negated = negate_next
        negate_next = False
        if token.startswith("-") and len(token) > 1:
            negated, token = True, token.lstrip("-")
        item: Item | None
        if token.startswith('"'):
            closed = len(token) > 1 and token.endswith('"')
            inner = token[1:-1] if closed else token[1:]
            words = an.words(inner)
            if not words:
                continue
            if not closed:  # an unbalanced quote: plain words
                item = Item("word", words=words, raw=inner, negated=negated)
            else:
                item = Item(
                    "phrase" if len(words) > 1 else "word", words=words, raw=inner, negated=negated
                )
        elif ":" in token and not token.startswith(":"):
            item = _filter_item(token, negated) or _word_item(token.replace(":", " "), negated)
        else:
            item = _word_item(token, negated)
        if item is None:
            continue
        if item.kind != "filter":
            item.words = item.words[: MAX_WORDS - words_used]
            if not item.words:
                break
            if item.kind == "phrase" and len(item.words) == 1:
                item.kind = "word"
            words_used += len(item.words)
        count += 1
        if item.kind == "filter":
            if item.value:
                query.filters.append(item)
            or_pending = False
            continue
        if item.negated:
            query.negated.append(item)
            or_pending = False
            continue
        if or_pending and query.groups:
            query.groups[-1].append(item)
        else:
            query.groups.append([item])
        or_pending = False
        last_item = item
    _absorb_symbol_leads(query)
    if (
        as_you_type
        and last_item is not None
        and last_item.kind == "word"
        and text
        and not text[-1].isspace()
        and not text.endswith('"')
        and query.groups
        and query.groups[-1][-1] is last_item
    ):
        last_item.prefix = True
    return query


def _absorb_symbol_leads(query: ParsedQuery) -> None:
    """`res 77/281`, `resolución 58/220`: the word before a symbol belongs to the symbol."""
    groups = query.groups
    kept: list[list[Item]] = []
    for i, group in enumerate(groups):
        nxt = groups[i + 1] if i + 1 < len(groups) else None
        if (
            len(group) == 1
            and group[0].kind == "word"
            and len(group[0].words) == 1
            and group[0].words[0] in symbols.SYMBOL_LEAD_WORDS
            and nxt
            and nxt[0].kind == "symbol"
        ):
            continue
        kept.append(group)
    query.groups = kept
