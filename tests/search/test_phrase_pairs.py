"""Phrases through the adjacent-pair field give exactly the hits of the positional check."""

from __future__ import annotations

from sseref.search import nodes as n
from sseref.search.engine import SearchEngine
from sseref.search.evaluate import PAIRED_FIELD


def _phrases(engine: SearchEngine) -> list[tuple[str, ...]]:
    ev = engine._eval
    out: list[tuple[str, ...]] = [("in", "in", "the"), ("the", "the"), ("south", "south")]
    for docnum in range(0, min(ev.doc_count, 300), 7):
        stored = engine._searcher.stored_fields(docnum)
        for text in (stored.get("summaries") or {}).values():
            words = [w.strip(".,;:()").lower() for w in text.split()]
            words = [w for w in words if w.isalpha()]
            for size in (2, 3, 4):
                if len(words) > size:
                    out.append(tuple(words[:size]))
                    out.append(tuple(words[-size:]))
    return out


def test_pairs_match_positions(real_engine: SearchEngine) -> None:
    ev = real_engine._eval
    assert "pairs" in ev.schema
    checked = 0
    for words in _phrases(real_engine):
        parts = [ev.term(PAIRED_FIELD, w) for w in words]
        if not all(parts):
            continue
        candidates = set(parts[0]).intersection(*parts[1:])
        expected = ev._verify_positions(PAIRED_FIELD, words, candidates)
        got = set(ev.run(n.Phrase(PAIRED_FIELD, words)))
        assert got == expected, words
        checked += 1
    assert checked > 20


def test_phrase_scores_read_for_the_hits_only_equal_the_word_sums(
    real_engine: SearchEngine,
) -> None:
    # Cold (no cached word scores), a phrase reads its words' postings only in the blocks
    # holding its hits; the scores must be those of the whole words' BM25 sums.
    ev = real_engine._eval
    checked = 0
    for words in _phrases(real_engine)[:80]:
        parts = [ev.term(PAIRED_FIELD, w) for w in words]
        if not all(parts):
            continue
        expected = {
            d: sum(p[d] for p in parts)
            for d in ev._verify_positions(
                PAIRED_FIELD, words, set(parts[0]).intersection(*parts[1:])
            )
        }
        ev.clear()
        got = ev.run(n.Phrase(PAIRED_FIELD, words))
        assert got.keys() == expected.keys(), words
        assert all(abs(got[d] - expected[d]) < 1e-9 for d in got), words
        checked += 1
    assert checked > 10
