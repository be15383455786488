"""Cross-language aliases and acronyms, learnt from the records (CEPAL → ECLAC, ÉSS → SSE)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sseref.core.models import Record
from sseref.search import analysis as an

MAX_KEY_WORDS = 8  # longer names are not typed as queries
MAX_GROUPS_PER_KEY = 3  # a key shared by more records is too ambiguous to expand
MAX_CONCEPT_GROUP = 14
_HYPHENATED = re.compile(r"[^\W_]+(?:-[^\W_]+)+")
# "social and solidarity economy (SSE)": an acronym defined in parentheses after its words.
_DEFINED = re.compile(r"\(([^\W\d_][^\W_]{1,9})\)")


@dataclass
class AliasTable:
    """Groups of equivalent keys; `lookup` maps a key to the groups it belongs to."""

    groups: list[list[str]] = field(default_factory=list)
    lookup: dict[str, list[int]] = field(default_factory=dict)

    def add_group(self, keys: Iterable[str]) -> None:
        group = list(dict.fromkeys(k for k in keys if k and len(k.split()) <= MAX_KEY_WORDS))
        if len(group) < 2:
            return
        index = len(self.groups)
        self.groups.append(group)
        for k in group:
            self.lookup.setdefault(k, []).append(index)

    def expansions(self, key: str) -> list[str]:
        """Other keys meaning the same as `key` (empty when unknown or too ambiguous)."""
        found = self.lookup.get(key, [])
        if not found or len(found) > MAX_GROUPS_PER_KEY:
            return []
        out: list[str] = []
        for index in found:
            out.extend(k for k in self.groups[index] if k != key)
        return list(dict.fromkeys(out))

    def longest_match(self, words: list[str], start: int) -> int:
        """The length of the longest alias key starting at `words[start]` (0 when none)."""
        for n in range(min(MAX_KEY_WORDS, len(words) - start), 0, -1):
            if " ".join(words[start : start + n]) in self.lookup:
                return n
        return 0

    def save(self, path: Path) -> None:
        path.write_text(json.dumps({"groups": self.groups}, ensure_ascii=False), "utf-8")

    @classmethod
    def load(cls, path: Path) -> AliasTable:
        table = cls()
        try:
            data = json.loads(path.read_text("utf-8"))
            for group in data.get("groups", []):
                table.add_group(str(k) for k in group)
        except (OSError, ValueError, AttributeError, TypeError):
            pass  # aliases only improve recall; a missing table must not stop search
        return table


def _record_keys(rec: Record) -> list[str]:
    keys: list[str] = []
    for name in rec.names.values():
        if name.acronym:
            keys.append(an.key(name.acronym))
        keys.append(an.key(name.name))
    keys.extend(an.key(a) for a in rec.aliases)
    return keys


def _hyphen_group(rec: Record) -> list[str]:
    """Sur-Sur / Sud-Sud / South-South: the one hyphenated compound of each language's name."""
    found: list[str] = []
    for name in rec.names.values():
        compounds = {an.key(c) for c in _HYPHENATED.findall(name.name)}
        if len(compounds) != 1:
            return []
        found.append(compounds.pop())
    return found if len(set(found)) > 1 else []


def _definitions(text: str) -> list[tuple[str, str]]:
    """(acronym key, long form key) pairs for "long form (ACR)" patterns in a summary."""
    pairs: list[tuple[str, str]] = []
    for match in _DEFINED.finditer(text):
        acronym = match.group(1)
        letters = an.fold(acronym)
        if not (acronym[:2].isupper() and letters.isalpha()):
            continue
        before = an.words(text[: match.start()])
        content = 0
        start = len(before)
        # Walk back over as many content words as the acronym has letters.
        while start > 0 and content < len(letters):
            start -= 1
            if not an.is_stopword(before[start]):
                content += 1
        span = before[start:]
        if content == len(letters) and span and span[0][0] == letters[0]:
            pairs.append((letters, " ".join(span)))
    return pairs


class _UnionFind:
    """Merges concept keys that the records say are the same (bounded group size)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.members: dict[str, set[str]] = {}

    def find(self, k: str) -> str:
        self.parent.setdefault(k, k)
        self.members.setdefault(k, {k})
        while self.parent[k] != k:
            k = self.parent[k]
        return k

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or len(self.members[ra]) + len(self.members[rb]) > MAX_CONCEPT_GROUP:
            return
        self.parent[rb] = ra
        self.members[ra] |= self.members.pop(rb)


def build_aliases(records: Iterable[Record]) -> AliasTable:
    """Alias groups from names, acronyms and aliases, hyphenated compounds and definitions."""
    table = AliasTable()
    concepts = _UnionFind()
    for rec in records:
        table.add_group(_record_keys(rec))
        hyphen = _hyphen_group(rec)
        for k in hyphen[1:]:
            concepts.union(hyphen[0], k)
        per_lang = [_definitions(text) for text in rec.summaries.values()]
        for pairs in per_lang:
            for acronym, long_form in pairs:
                concepts.union(acronym, long_form)
        # The same number of definitions in every language: the nth ones mean the same.
        if len(per_lang) > 1 and len({len(p) for p in per_lang}) == 1:
            for column in zip(*per_lang, strict=True):
                for acronym, _long in column[1:]:
                    concepts.union(column[0][0], acronym)
    for members in concepts.members.values():
        table.add_group(sorted(members))
    return table
