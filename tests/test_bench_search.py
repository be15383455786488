"""The search benchmark's peer does the same work as our engine (no timings are asserted)."""

from __future__ import annotations

from pathlib import Path

from benchmarks import bench_search
from benchmarks.bench_corpus import BenchQuery, CorpusMaker
from benchmarks.bench_fts5 import TunedFts5
from sseref.core.models import Record


def _fts(tmp_path: Path, size: int = 200) -> tuple[TunedFts5, list[Record]]:
    records = CorpusMaker(seed=3).corpus(size)
    fts = TunedFts5(tmp_path / "fts5.db")
    fts.build(records)
    fts.load(records)
    return fts, records


def test_tuned_fts5_counts_facets_snippets_and_corrects_typos(tmp_path: Path) -> None:
    fts, records = _fts(tmp_path)
    conn = fts.connect()
    # The prefix index and optimize were set up.
    sql = conn.execute("select sql from sqlite_master where name = 't'").fetchone()[0]
    assert "prefix = '2 3 4'" in sql
    found = fts.search(conn, BenchQuery("single word", "cooperation", '"cooperation"'))
    assert found["total"] > 10
    assert sum(found["facets"]["kind"].values()) == found["total"]  # every match counted
    assert len(found["hits"]) == 10
    assert any("<b>" in snippet for _r, _names, snippet in found["hits"])
    # A typo: few or no matches, so the vocabulary's closest word is searched as well.
    typo = fts.search(conn, BenchQuery("fuzzy (typo)", "cooperatoin", '"cooperatoin"'))
    assert typo["suggestion"] == '"cooperation"'
    assert typo["total"] == found["total"]
    # Filters come from the rowid arrays: only documents of that kind.
    only = fts.search(
        conn,
        BenchQuery("filtered", "cooperation kind:document", '"cooperation"', "kind = 'document'"),
    )
    assert set(only["facets"]["kind"]) == {"document"}
    conn.close()


def test_stop_words_are_dropped_between_content_words_as_ours_does(tmp_path: Path) -> None:
    fts, _records = _fts(tmp_path, 50)
    q = BenchQuery("several words", "plan of action", '"plan" "of" "action"')
    assert TunedFts5._match_text(q) == '"plan" "action"'
    phrase = BenchQuery("phrase", '"plan of action"', '"plan of action"')
    assert TunedFts5._match_text(phrase) == '"plan of action"'


def test_the_benchmark_prints_cold_and_warm_rows_for_every_kind(tmp_path: Path) -> None:
    out = tmp_path / "search.md"
    assert bench_search.run([120], 2, out, keep=False) == 0
    text = out.read_text("utf-8")
    assert "ours cold p50" in text and "FTS5 cold p50" in text and "warm p95" in text
    for kind in ("single word", "several words", "phrase", "as-you-type prefix", "filtered"):
        assert f"| {kind} |" in text
    assert "| **all** |" in text
