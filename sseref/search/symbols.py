"""UN document symbols: the keys a symbol is indexed under and the way queries spell them."""

from __future__ import annotations

import re

# A symbol in free text: letters/digits separated by slashes (A/RES/77/281, TD/B/C.I/L.1,
# 77/281, SSC/17/1); an optional parenthesised roman session (A/RES/3251(XXIX)).
# A body/series prefix may also end at the number: A/RES/3251(XXIX), E/2001/68.
SYMBOL_RE = re.compile(
    r"(?<![\w/])(?:"
    r"(?:[A-Za-z][A-Za-z0-9.\-]*\s*/\s*)+\d+[A-Za-z0-9.\-]*(?:\s*/\s*[A-Za-z0-9.\-]+)*"
    r"|\d+[A-Za-z0-9.\-]*(?:\s*/\s*[A-Za-z0-9.\-]+)+"
    r")(?:\s*\([A-Za-z0-9]+\))?(?![\w/])"
)
# Words that may precede a bare number pair: "res 77/281", "resolución 58/220".
SYMBOL_LEAD_WORDS = {
    "res",
    "resolution",
    "resolutions",
    "resolucion",
    "resoluciones",
    "dec",
    "decision",
    "decisions",
    "decisiones",
    "a",
    "a/res",
    "symbol",
    "simbolo",
    "cote",
    "document",
    "documento",
}
_SERIES = {"res", "dec", "l", "add", "rev", "corr", "conf"}


def normalize(symbol: str) -> str:
    """`A / RES / 77 / 281` → `a/res/77/281` (case and spaces do not matter)."""
    return re.sub(r"\s+", "", symbol).lower().replace("\\", "/").strip("/")


def index_keys(symbol: str) -> list[str]:
    """Every spelling a symbol should be found by: full, without body, without series, bare."""
    full = normalize(symbol)
    parts = [p for p in full.split("/") if p]
    keys = [full]
    numbers = [p for p in parts if re.match(r"^\d", p)]
    letters = [p for p in parts if not re.match(r"^\d", p)]
    if numbers:
        tail = "/".join(numbers)
        keys.append(tail)  # 77/281
        series = [p for p in letters if p in _SERIES]
        bodies = [p for p in letters if p not in _SERIES]
        if series:
            keys.append("/".join([*series, *numbers]))  # res/77/281
        if bodies:
            keys.append("/".join([*bodies, *numbers]))  # a/77/281
        # Old-style A/RES/3251(XXIX): also without the session, as people often write it.
        bare = re.sub(r"\(.*\)$", "", numbers[-1])
        if bare != numbers[-1]:
            keys.append(bare)
            keys.append("/".join([*series, bare]) if series else bare)
            keys.append("/".join([*letters, *numbers[:-1], bare]))  # a/res/3251
    return list(dict.fromkeys(k for k in keys if k))


def query_variants(key: str) -> list[str]:
    """The keys to look a typed symbol up by, most literal first: as typed, without a
    parenthesised session, and without the body/series prefix (`A/RES/58/220` → `58/220`)."""
    variants = [key]
    no_session = re.sub(r"\([a-z0-9]+\)$", "", key)
    variants.append(no_session)
    parts = [p for p in no_session.split("/") if p]
    numbers = [p for p in parts if re.match(r"^\d", p)]
    if numbers and len(numbers) < len(parts) and not any(p.startswith("l.") for p in parts):
        variants.append("/".join(numbers))
    return list(dict.fromkeys(v for v in variants if v))


def cited_keys(texts: list[str], own: set[str]) -> list[str]:
    """Keys of the symbols quoted in `texts` (other documents a record cites), minus its own."""
    keys: list[str] = []
    for text in texts:
        for match in SYMBOL_RE.finditer(text):
            keys.extend(index_keys(match.group()))
    return [k for k in dict.fromkeys(keys) if k not in own]


def query_key(text: str) -> str:
    """The lookup key for a symbol typed in a query (only its normalized form)."""
    return normalize(text)


def find_symbols(text: str) -> list[tuple[int, int, str]]:
    """(start, end, key) for each symbol-like span in a query string."""
    return [(m.start(), m.end(), query_key(m.group())) for m in SYMBOL_RE.finditer(text)]
