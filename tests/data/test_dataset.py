"""The real dataset: it builds, every kind is present, seed entities exist, every fact is sourced."""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

from sseref.core.db import Database
from tests.conftest import ROOT

SEED_LIST = ROOT / "tests" / "seed_entities.txt"
SEED_FILES = {
    "000_c8ca7cd99ff0d9ec.txt",
    "001_e771fe0f6cb16c20.txt",
    "002_02b5a2f9c4edfcfb.txt",
    "003_c309d2f47bad9a49.txt",
    "004_bc71ef52dfa28fec.txt",
}
# Copies of the seed texts (shared/seeds/), so the copy check runs wherever the tests run.
SEED_COPIES = ROOT / "tests" / "data" / "seeds"
RUN = 12  # words in a row that make a summary a copy of its seed (issue #23)


def seed_entities() -> list[str]:
    lines = SEED_LIST.read_text(encoding="utf-8").splitlines()
    return [line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()]


def test_every_kind_is_present(real_db: Database) -> None:
    counts = real_db.counts()
    assert all(counts[kind] > 0 for kind in counts), counts


def test_every_entity_the_seeds_name_is_present(real_db: Database) -> None:
    entities = seed_entities()
    assert len(entities) >= 60
    missing = [e for e in entities if not real_db.exists(e)]
    assert missing == []


def test_each_seed_text_is_a_document_record(real_db: Database) -> None:
    seeds = {r.fields.get("seed") for r in map(real_db.get, real_db.ids("document"))}
    assert SEED_FILES <= seeds


def test_every_record_has_a_source_and_an_english_summary(real_db: Database) -> None:
    for record_id in real_db.ids():
        record = real_db.get(record_id)
        assert record.sources, record_id
        assert record.summaries.get("en"), record_id


def test_task_force_lists_members_and_observers_from_the_seeds(real_db: Database) -> None:
    task_force = real_db.get("org/untfsse")
    members = {r.other_id for r in task_force.relations if r.type == "member_of"}
    observers = {r.other_id for r in task_force.relations if r.type == "observer_of"}
    assert {"org/ilo", "org/unctad", "org/eclac", "org/escap", "org/escwa"} <= members
    assert {"org/gsef", "org/catalyst-2030"} <= observers


def test_no_duplicate_names_or_acronyms_within_a_kind(real_db: Database) -> None:
    for kind in ("organization", "document", "initiative", "term"):
        rows = real_db.rows(real_db.ids(kind))
        names = Counter(r.title.casefold() for r in rows)
        assert [n for n, c in names.items() if c > 1] == [], kind


def test_seed_list_file_exists() -> None:
    assert isinstance(SEED_LIST, Path) and SEED_LIST.is_file()


def test_shared_acronyms_are_marked(real_db: Database) -> None:
    """Two records of a kind may share an acronym only when one says so (shares_acronym_with)."""
    from sseref.ingest.build import load_and_validate
    from tests.conftest import REAL_DATA

    marked = {
        frozenset((c.id, other))
        for c in load_and_validate(REAL_DATA).records
        for other in c.data.get("shares_acronym_with", [])
    }
    for kind in ("organization", "document", "initiative"):
        by_acronym: dict[str, list[str]] = {}
        for record_id in real_db.ids(kind):
            for name in real_db.get(record_id).names.values():
                if name.acronym:
                    ids = by_acronym.setdefault(name.acronym.casefold(), [])
                    if record_id not in ids:
                        ids.append(record_id)
        for acronym, ids in by_acronym.items():
            for i, first in enumerate(ids):
                for second in ids[i + 1 :]:
                    assert frozenset((first, second)) in marked, (acronym, first, second)


def test_counts_meet_the_reference_minimums(real_db: Database) -> None:
    counts = real_db.counts()
    minimums = {"organization": 120, "event": 150, "document": 80, "initiative": 30, "term": 100}
    assert all(counts[k] >= n for k, n in minimums.items()), counts


def test_events_and_terms_have_headlines_in_every_language(real_db: Database) -> None:
    """Event headlines and glossary terms are the project's own words: a timeline or glossary
    in Spanish or French must not fall back to English for them."""
    names = real_db.names_by_language(real_db.ids("event") + real_db.ids("term"))
    missing = [rid for rid, by_lang in names.items() if not {"en", "es", "fr"} <= set(by_lang)]
    assert missing == []


def test_most_organizations_are_named_in_spanish_and_french(real_db: Database) -> None:
    """Official names in each language are kept where a source gives them (SOURCES.md): the
    international bodies people look up are covered; local bodies may keep one name."""
    names = real_db.names_by_language(real_db.ids("organization"))
    both = sum(1 for by_lang in names.values() if {"es", "fr"} <= set(by_lang))
    assert both >= 50, both  # 50 of 137 on 2026-11-23: a floor, so the count only grows


def _raw_records() -> list[dict[str, Any]]:
    from sseref.ingest.build import load_and_validate
    from tests.conftest import REAL_DATA

    return [c.data for c in load_and_validate(REAL_DATA).records]


def test_no_relation_is_stored_twice(real_db_path: Path) -> None:
    """A link is stored once: not twice on one record, not on both records (the program shows
    both directions), and not again when a document's issuing_body already implies it."""
    conn = sqlite3.connect(real_db_path)
    try:
        rows = conn.execute("select source_id, type, target_id from relations").fetchall()
    finally:
        conn.close()
    stored = Counter((s, t, o) for s, t, o in rows)
    twice = [key for key, n in stored.items() if n > 1]
    # related_to reads the same from both ends, so A->B and B->A is the same link twice
    both_ways = [
        (s, o) for s, t, o in stored if t == "related_to" and s < o and (o, t, s) in stored
    ]
    assert twice == [] and both_ways == []


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def test_no_summary_shares_twelve_words_with_its_seed() -> None:
    """Summaries are our own words: a run of 12 words taken from a cited seed text is a copy."""
    records = _raw_records()
    seed_of = {d["id"]: d["seed"] for d in records if d.get("seed")}
    seeds = {
        name: " " + " ".join(_words((SEED_COPIES / name).read_text(encoding="utf-8"))) + " "
        for name in set(seed_of.values())
    }
    copies = []
    for d in records:
        cited = {seed_of[s["doc"]] for s in d["sources"] if s.get("doc") in seed_of}
        for lang, text in d.get("summary", {}).items():
            words = _words(text)
            for i in range(len(words) - RUN + 1):
                run = " " + " ".join(words[i : i + RUN]) + " "
                copies += [(d["id"], lang, run) for seed in cited if run in seeds[seed]]
    assert copies == []


def test_the_copy_check_catches_a_copied_sentence() -> None:
    """The check above is not vacuous: a sentence of a seed is found in the seed."""
    text = (SEED_COPIES / "003_c309d2f47bad9a49.txt").read_text(encoding="utf-8")
    words = _words(text)
    assert len(words) > RUN and " ".join(words[40 : 40 + RUN]) in " ".join(words)
    assert {p.name for p in SEED_COPIES.glob("*.txt")} == SEED_FILES


_SYMBOL_WORD = re.compile(
    r"\b(resolution|resolución|résolution|decision|decisión|décision)s?\s+"
    r"(?:A/RES/)?(\d+/\d+|\d+\s*\([IVXL]+\))",
    re.IGNORECASE,
)


def test_decisions_and_resolutions_are_not_confused() -> None:
    """A number the data calls a decision anywhere is never called a resolution elsewhere (and
    the reverse), and a document's type agrees with the form of its symbol."""
    called: dict[str, set[str]] = {}
    for d in _raw_records():
        texts = [n.get("name", "") for n in d.get("names", {}).values()]
        texts += list(d.get("summary", {}).values()) + list(d.get("aliases", []))
        for text in texts:
            for word, number in _SYMBOL_WORD.findall(text):
                form = "resolution" if word.casefold().startswith("r") else "decision"
                called.setdefault(number.replace(" ", ""), set()).add(form)
        symbol, doc_type = d.get("symbol", ""), d.get("doc_type")
        # A/RES/ numbers resolutions (a declaration or agenda may be adopted as one); a General
        # Assembly decision has no RES in its symbol.
        assert not ("/RES/" in symbol and doc_type == "decision"), d["id"]
        assert "/RES/" in symbol or not (symbol.startswith("A/") and doc_type == "resolution"), d[
            "id"
        ]
    assert [n for n, forms in called.items() if len(forms) > 1] == []
