"""Runs a compiled query set-at-a-time over Whoosh postings: BM25F scores, totals, filters.

Whoosh's own matchers walk every posting through a tree of Python objects; reading whole
posting blocks into dicts and combining them with dict and set operations is several times
faster, gives the exact total and facets in the same pass, and lets per-term results be cached
between keystrokes.
"""

from __future__ import annotations

import bisect
import math
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from whoosh.query import NumericRange

from sseref.search import nodes as n
from sseref.search import whoosh_internals as wi
from sseref.search.schema import pair_terms

PAIRED_FIELD, PAIRS_FIELD = "plain", "pairs"  # positional field and its adjacent-pair field

K1, B = 1.2, 0.75
TERM_CACHE_POSTINGS = 3_000_000  # cached per-term scores kept across queries (≈ 150 MB max)
Scores = dict[int, float]
Check = Callable[[], None]


def _no_check() -> None:
    pass


def _leaf_norms(leaf: Any, fieldname: str, avg: float) -> list[float]:
    """BM25 length norms of one segment's documents. Whoosh keeps each document's field
    length as one byte: the bytes are read in one piece and mapped through a 256-entry table
    (reading them one call per document made a cold query 3x slower)."""
    count = leaf.doc_count_all()
    table = [K1 * (1 - B + B * (wi.byte_to_length(b) if b else 0) / avg) for b in range(256)]
    raw = wi.length_bytes(leaf, fieldname)
    if raw is None:  # another layout: one document at a time
        length = leaf.doc_field_length
        return [K1 * (1 - B + B * (length(d, fieldname, 0) or 0) / avg) for d in range(count)]
    stored = len(raw)
    return [table[b] for b in raw[:count]] + [table[0]] * (count - min(stored, count))


class Evaluator:
    """Per-index state: field statistics, length norms and a cache of scored terms."""

    def __init__(self, searcher: Any, years: list[int | None] | None = None) -> None:
        """`years`: each document's year by document number, when known (year filters are
        then a scan of that list instead of a walk through the numeric field's terms)."""
        self.searcher = searcher
        self.years = years
        self.reader = searcher.reader()
        self.leaves = list(self.reader.leaf_readers())
        self.doc_count = self.reader.doc_count_all()
        self.schema = searcher.schema
        self._norms: dict[str, list[float]] = {}
        self._terms: OrderedDict[tuple[str, str], Scores] = OrderedDict()
        self._cached_postings = 0
        self._filters: OrderedDict[n.Filter, frozenset[int]] = OrderedDict()
        self._lock = threading.Lock()

    def clear(self) -> None:
        """Forgets every cached term score, filter and length norm (a cold start's state)."""
        with self._lock:
            self._norms.clear()
            self._terms.clear()
            self._cached_postings = 0
            self._filters.clear()

    # --- postings and scores -------------------------------------------------------------

    def postings(self, fieldname: str, text: str) -> tuple[list[int], list[float]]:
        """Document numbers and term frequencies, read block by block."""
        ids: list[int] = []
        weights: list[float] = []
        for leaf, base in self.leaves:
            local, leaf_weights = wi.postings(leaf, fieldname, text)
            ids.extend(local if not base else [d + base for d in local])
            weights.extend(leaf_weights)
        return ids, weights

    def _norm(self, fieldname: str) -> list[float]:
        norm = self._norms.get(fieldname)
        if norm is None:
            total = self.reader.field_length(fieldname) or 1
            avg = total / max(1, self.doc_count)
            norm = []
            for leaf, _base in self.leaves:
                norm.extend(_leaf_norms(leaf, fieldname, avg))
            self._norms[fieldname] = norm
        return norm

    def term(self, fieldname: str, text: str) -> Scores:
        """docnum → BM25 score of one term, times the field's boost (cached)."""
        key = (fieldname, text)
        with self._lock:
            cached = self._terms.get(key)
            if cached is not None:
                self._terms.move_to_end(key)
                return cached
        ids, weights = self.postings(fieldname, text)
        if not ids:
            return {}
        df = len(ids)
        idf = math.log(1 + (self.doc_count - df + 0.5) / (df + 0.5))
        field = self.schema[fieldname] if fieldname in self.schema else None
        factor = idf * (K1 + 1) * (getattr(field, "field_boost", 1.0) or 1.0)
        norm = self._norm(fieldname)
        scores = {d: factor * w / (w + norm[d]) for d, w in zip(ids, weights, strict=True)}
        with self._lock:
            self._terms[key] = scores
            self._cached_postings += len(scores)
            while self._cached_postings > TERM_CACHE_POSTINGS and len(self._terms) > 1:
                _k, old = self._terms.popitem(last=False)
                self._cached_postings -= len(old)
        return scores

    # --- evaluation ----------------------------------------------------------------------

    def run(self, node: n.Node, check: Check = _no_check) -> Scores:
        """docnum → score for every matching document."""
        if isinstance(node, n.Term):
            scores = self.term(node.fieldname, node.text)
            return _scaled(scores, node.boost)
        if isinstance(node, n.Or):
            return self._or(node, check)
        if isinstance(node, n.And):
            return self._and(node, check)
        if isinstance(node, n.Max):
            return self._max(node, check)
        if isinstance(node, n.Phrase):
            return self._phrase(node)
        if isinstance(node, n.Every):
            return dict.fromkeys(range(self.doc_count), 0.0)
        if isinstance(node, n.Filter):
            return dict.fromkeys(self.docs(node), 0.0)
        return {}

    def _or(self, node: n.Or, check: Check) -> Scores:
        parts = [self.run(child, check) for child in node.children]
        parts = [p for p in parts if p]
        if not parts:
            return {}
        parts.sort(key=len, reverse=True)
        out = dict(parts[0])
        for part in parts[1:]:
            check()
            get = out.get
            for d, s in part.items():
                out[d] = get(d, 0.0) + s
        return out

    def _max(self, node: n.Max, check: Check) -> Scores:
        out: Scores = {}
        for child in node.children:
            check()
            get = out.get
            for d, s in self.run(child, check).items():
                if s > get(d, 0.0):
                    out[d] = s
        return _scaled(out, node.boost)

    def _and(self, node: n.And, check: Check) -> Scores:
        parts: list[Scores] = []
        for child in node.children:
            part = self.run(child, check)
            if not part:
                return {}
            parts.append(part)
        parts.sort(key=len)
        out = parts[0]
        for part in parts[1:]:
            check()
            out = {d: s + part[d] for d, s in out.items() if d in part}
            if not out:
                return {}
        return out if len(parts) > 1 else dict(out)

    def _phrase(self, node: n.Phrase) -> Scores:
        words = node.words
        if len(words) == 1:
            return _scaled(self.term(node.fieldname, words[0]), node.boost)
        if node.fieldname == PAIRED_FIELD and PAIRS_FIELD in self.schema:
            return self._paired_phrase(node)
        parts = [self.term(node.fieldname, w) for w in words]
        if not all(parts):
            return {}
        order = sorted(range(len(parts)), key=lambda i: len(parts[i]))
        candidates = set(parts[order[0]])
        for i in order[1:]:
            candidates.intersection_update(parts[i])
            if not candidates:
                return {}
        if node.fieldname == PAIRED_FIELD and PAIRS_FIELD in self.schema:
            # Documents holding every adjacent pair: exactly the hits of a two-word phrase;
            # a longer one only checks positions in these (usually few) documents.
            for pair in sorted(pair_terms(words), key=lambda t: self._df(PAIRS_FIELD, t)):
                candidates.intersection_update(self.postings(PAIRS_FIELD, pair)[0])
                if not candidates:
                    return {}
            hits = (
                candidates
                if len(words) == 2
                else self._verify_positions(node.fieldname, words, candidates)
            )
        else:
            hits = self._verify_positions(node.fieldname, words, candidates)
        return {d: node.boost * sum(p[d] for p in parts) for d in hits}

    def _paired_phrase(self, node: n.Phrase) -> Scores:
        """A phrase in the field that has adjacent pairs: the documents holding every pair
        first (short, presence-only lists), then each word scored for those documents only.

        Scoring whole words first meant decoding every posting of a common word ("de",
        "la", "social") on a cold start, to keep a handful of documents."""
        words, field = node.words, node.fieldname
        candidates: set[int] | None = None
        for pair in sorted(pair_terms(words), key=lambda t: self._df(PAIRS_FIELD, t)):
            docs = self.postings(PAIRS_FIELD, pair)[0]
            candidates = set(docs) if candidates is None else candidates & set(docs)
            if not candidates:
                return {}
        if not candidates:
            return {}
        hits = candidates if len(words) == 2 else self._verify_positions(field, words, candidates)
        wanted = sorted(hits)
        total = dict.fromkeys(wanted, 0.0)
        for word in words:  # a repeated word counts each time, as in the word-by-word sum
            for d, score in self._scores_for(field, word, wanted).items():
                total[d] += score
        return {d: node.boost * s for d, s in total.items()}

    def _scores_for(self, fieldname: str, text: str, wanted: list[int]) -> Scores:
        """The BM25 scores `term()` gives, for the sorted documents `wanted` only (from the
        term cache when it holds the word, else from the blocks holding those documents)."""
        with self._lock:
            cached = self._terms.get((fieldname, text))
        if cached is not None:
            return {d: cached[d] for d in wanted if d in cached}
        df = self._df(fieldname, text)
        if not df:
            return {}
        idf = math.log(1 + (self.doc_count - df + 0.5) / (df + 0.5))
        field = self.schema[fieldname] if fieldname in self.schema else None
        factor = idf * (K1 + 1) * (getattr(field, "field_boost", 1.0) or 1.0)
        norm = self._norm(fieldname)
        # The weight the postings hold (the value's count times the format's boost), so
        # scores equal term()'s.
        boost = float(getattr(getattr(field, "format", None), "field_boost", 1.0) or 1.0)
        out: Scores = {}
        for d, raw in self._encoded_positions(fieldname, text, wanted):
            w = wi.stored_weight(raw, boost)
            out[d] = factor * w / (w + norm[d])
        return out

    def _verify_positions(
        self, fieldname: str, words: tuple[str, ...], candidates: set[int]
    ) -> set[int]:
        """Candidates where the words stand next to each other, in order.

        Word by word, rarest first: each word's positions are read only for the documents
        still in the running (posting blocks holding none of them are skipped without being
        decompressed), and every document keeps the set of phrase starts its words allow
        so far; a document drops out as soon as that set is empty. A phrase of common words
        therefore decodes the positions of its later words for a few documents only.
        """
        rarity = {w: self._df(fieldname, w) for w in words}
        starts: dict[int, set[int]] = {}
        first = True
        for word in sorted(rarity, key=rarity.__getitem__):
            offsets = [i for i, w in enumerate(words) if w == word]
            alive = candidates if first else starts.keys()
            found: dict[int, set[int]] = {}
            for docnum, raw in self._encoded_positions(fieldname, word, sorted(alive)):
                positions = wi.positions(raw)
                allowed = {p - offsets[0] for p in positions}
                for offset in offsets[1:]:
                    allowed.intersection_update(p - offset for p in positions)
                if not first:
                    allowed &= starts[docnum]
                if allowed:
                    found[docnum] = allowed
            starts = found
            first = False
            if not starts:
                break
        return set(starts)

    def _df(self, fieldname: str, text: str) -> int:
        try:
            return int(self.reader.doc_frequency(fieldname, text))
        except Exception:  # noqa: BLE001 - unusual text: treat as rare
            return 0

    def _encoded_positions(
        self, fieldname: str, text: str, wanted: list[int]
    ) -> list[tuple[int, bytes]]:
        """(docnum, encoded positions) of `text` for the sorted docnums in `wanted`."""
        out: list[tuple[int, bytes]] = []
        if not wanted:
            return out
        for leaf, base in self.leaves:
            lo = bisect.bisect_left(wanted, base)
            hi = bisect.bisect_left(wanted, base + leaf.doc_count_all())
            if lo >= hi:
                continue
            local = [d - base for d in wanted[lo:hi]]
            out.extend((d + base, v) for d, v in wi.values_for(leaf, fieldname, text, local))
        return out

    def docs(self, node: n.Filter) -> frozenset[int]:
        """Documents a filter lets through (cached: there are few distinct filters)."""
        with self._lock:
            cached = self._filters.get(node)
        if cached is not None:
            return cached
        if node.fieldname == "year" and self.years is not None:
            low = node.low if node.low is not None else -(10**9)
            high = node.high if node.high is not None else 10**9
            found = frozenset(
                d for d, y in enumerate(self.years) if y is not None and low <= y <= high
            )
        elif node.fieldname == "year":
            q = NumericRange("year", node.low, node.high)
            found = frozenset(q.docs(self.searcher))
        else:
            found = frozenset().union(*(self.postings(node.fieldname, v)[0] for v in node.values))
        with self._lock:
            self._filters[node] = found
            while len(self._filters) > 256:
                self._filters.popitem(last=False)
        return found

    def evaluate(self, query: n.Query, check: Check = _no_check) -> Scores:
        """The whole query: scored matches, narrowed by filters, minus exclusions."""
        scores = self.run(query.main, check)
        for f in query.filters:
            check()
            allowed = self.docs(f)
            scores = {d: s for d, s in scores.items() if d in allowed}
        for ex in query.exclude:
            check()
            drop = self.run(ex, check)
            if drop:
                scores = {d: s for d, s in scores.items() if d not in drop}
        for extra in query.bonus:
            check()
            more = self.run(extra, check)
            if more:
                scores = {d: s + more.get(d, 0.0) for d, s in scores.items()}
        return scores


def _scaled(scores: Scores, boost: float) -> Scores:
    if boost == 1.0:
        return scores  # shared with the cache: callers never modify what they get
    return {d: s * boost for d, s in scores.items()}
