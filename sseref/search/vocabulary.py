"""The index vocabulary in memory: bounded prefix expansion and "Did you mean" corrections."""

from __future__ import annotations

import bisect
import heapq
import json
from pathlib import Path
from typing import Any

from sseref.search import analysis as an

PREFIX_SCAN_LIMIT = 4000  # candidates looked at for one prefix (a 1-letter prefix has many)
PREFIX_TERMS = 4  # the most frequent completions searched: bounded work per keystroke
# Written beside the index by the indexer: walking every term of the index with Whoosh at
# each start cost about 100 ms; reading this file costs a few.
VOCABULARY_FILE = "vocabulary.json"


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau–Levenshtein (adjacent swaps count once), stopping early above `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def max_distance(word: str) -> int:
    return 0 if len(word) < 4 else 1 if len(word) < 7 else 2


class Vocabulary:
    """Every folded word of the `plain` field with its document frequency, sorted."""

    def __init__(
        self, reader: Any, terms: list[str], freqs: list[int], fieldname: str = "plain"
    ) -> None:
        self._reader = reader
        self._field = fieldname
        self.terms = terms
        self.freqs = freqs
        self._pos = {t: i for i, t in enumerate(terms)}

    @classmethod
    def from_reader(cls, reader: Any, fieldname: str = "plain") -> Vocabulary:
        """Walks every term of the field in the index (what the indexer does, once)."""
        terms: list[str] = []
        freqs: list[int] = []
        for text, info in reader.iter_field(fieldname):
            terms.append(text if isinstance(text, str) else text.decode("utf-8"))
            freqs.append(info.doc_frequency())
        return cls(reader, terms, freqs, fieldname)

    def save(self, path: Path) -> None:
        """The words and their document frequencies, in the index's term order (JSON: one
        C-speed parse at start-up, and any character a word may hold)."""
        data = {"terms": self.terms, "freqs": self.freqs}
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")

    @classmethod
    def load(cls, path: Path, reader: Any, fieldname: str = "plain") -> Vocabulary:
        """The vocabulary the indexer saved (OSError or ValueError when missing or damaged)."""
        data = json.loads(path.read_text(encoding="utf-8"))
        terms, freqs = data["terms"], data["freqs"]
        if not (
            isinstance(terms, list)
            and isinstance(freqs, list)
            and len(terms) == len(freqs)
            and all(isinstance(t, str) for t in terms)
            and all(isinstance(f, int) for f in freqs)
        ):
            raise ValueError(f"{path.name}: not a vocabulary")
        if terms != sorted(terms):
            raise ValueError(f"{path.name}: words out of order")
        return cls(reader, terms, freqs, fieldname)

    def __len__(self) -> int:
        return len(self.terms)

    def frequency(self, word: str) -> int:
        i = self._pos.get(word)
        return self.freqs[i] if i is not None else 0

    def doc_frequency(self, fieldname: str, text: str) -> int:
        """Documents holding `text` in any field of the index (0 for unusual text)."""
        try:
            return int(self._reader.doc_frequency(fieldname, text))
        except Exception:  # noqa: BLE001 - unusual text in an exact lookup
            return 0

    def expand(self, prefix: str, limit: int = PREFIX_TERMS) -> list[str]:
        """The `limit` most frequent words starting with `prefix` (the prefix itself first)."""
        lo = bisect.bisect_left(self.terms, prefix)
        hi = min(bisect.bisect_left(self.terms, prefix + "\uffff"), lo + PREFIX_SCAN_LIMIT)
        if lo >= hi:
            return []
        best = heapq.nlargest(limit, range(lo, hi), key=self.freqs.__getitem__)
        out = [self.terms[i] for i in best]
        if prefix in self._pos and prefix not in out:
            out[-1] = prefix
        return out

    def corrections(self, word: str, limit: int = 3) -> list[str]:
        """Known words within a small edit distance, closest then most frequent first."""
        maxdist = max_distance(word)
        if maxdist == 0 or not word.isalpha():
            return []
        # Whoosh walks the term index with a Levenshtein automaton; fixing the first two
        # letters (typos are rarely there) keeps the walk short on large vocabularies.
        try:
            candidates = list(self._reader.terms_within(self._field, word, maxdist, prefix=2))
        except Exception:  # noqa: BLE001 - suggestions are optional
            candidates = []
        scored = []
        for cand in candidates:
            cand = cand if isinstance(cand, str) else cand.decode("utf-8")
            if cand == word or an.is_stopword(cand):
                continue
            dist = edit_distance(word, cand, maxdist)
            if dist <= maxdist:
                scored.append((dist, -self.frequency(cand), cand))
        scored.sort()
        return [c for _d, _f, c in scored[:limit]]
