"""Text folded for matching: lower case without accents, the same for the lists and the search.

A list's filter box (the keys the build stores), the search index and the query all compare
text folded here, so `lodz` finds `Łódź` in a list exactly when the search finds it. (The
user's notes and documents are matched by SQLite's FTS5 `unicode61 remove_diacritics 2`,
which folds accents the same way but leaves a few letters such as `ł` and `ø` as they are.)
"""

from __future__ import annotations

import unicodedata

# Letters NFKD does not decompose into a base letter plus a combining mark.
_EXTRA_FOLD = str.maketrans(
    {
        "œ": "oe",
        "æ": "ae",
        "ß": "ss",
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ı": "i",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "´": "'",
    }
)


class _FoldTable(dict[int, str]):
    """Per-character folding, computed once per character then served by str.translate."""

    def __missing__(self, code: int) -> str:
        text = chr(code).translate(_EXTRA_FOLD)
        decomposed = unicodedata.normalize("NFKD", text)
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str | None) -> str:
    """Lower-cases and strips accents: `Économía` → `economia`, `Łódź` → `lodz` (None: "")."""
    if not text:
        return ""
    text = text.casefold()
    return text if text.isascii() else text.translate(_FOLD_TABLE)
