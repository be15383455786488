"""The generated hostile corpus (tests/library/hostile.py) imported as a folder: 0 crashes, 0
hangs, 0 network, every refusal one plain sentence, nothing of the library lost.

By default 15 % of the corpus runs (every category and every variant of it, ≈150 files);
SSEREF_HOSTILE_SCALE=1 runs all ≈1,000 (benchmarks/hostile_corpus.py prints the same tally).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from sseref.core.userdb import UserDatabase
from sseref.core.userdocs import DocumentStore
from sseref.library import importer
from sseref.library.importer import IMPORTED, REFUSED, expand, import_file
from sseref.library.limits import Limits
from tests.library import hostile, samples

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits")
SCALE = float(os.environ.get("SSEREF_HOSTILE_SCALE", "0.15"))


def test_the_full_corpus_has_at_least_a_thousand_files() -> None:
    assert sum(count for _c, count in hostile.cases_for(1.0)) >= 1000


def test_the_hostile_corpus_is_imported_without_a_crash_a_leak_or_a_loss(tmp_path: Path) -> None:
    db_path, library = tmp_path / "data" / "user.db", tmp_path / "data" / "library"
    db = UserDatabase(db_path)
    docs = DocumentStore(db, library)
    try:
        kept = [
            import_file(docs, samples.write(tmp_path, f"kept{i}.txt", f"{samples.ENGLISH} {i}"))
            for i in range(3)
        ]
        assert all(k.status == IMPORTED for k in kept)
        cases = hostile.generate(tmp_path / "inbox", tmp_path / "outside", SCALE)
        limits = Limits(wall_seconds=30.0, cpu_seconds=20)
        tally = hostile.run(
            tmp_path / "inbox",
            cases,
            hostile.importer_for(db_path, library, limits),
            lambda paths: list(expand(paths)),
        )
        assert tally.problems == []
        assert {c.category for c in cases} == set(tally.rows)
        assert sum(sum(c.values()) for c in tally.rows.values()) == len(cases)
        assert all(not counts["crash"] for counts in tally.rows.values())
        for category in ("encrypted PDF", "zip bomb", "XML entity attack", "0-byte"):
            assert set(tally.rows[category]) == {REFUSED}, category
        assert set(tally.rows["symlink out"]) == {"skipped"}
        assert hostile.intact(docs, [k.document.sha256 for k in kept if k.document]) == []
        assert hostile.leaked(docs) == 0
        # The odd names are kept (on one line) and the documents are found by their words.
        names = {d.file_name for d in docs.documents()}
        assert any("\u202e" in n for n in names) and not any("\n" in n for n in names)
        odd = next(c for c in cases if c.category == "odd name")
        assert docs.search(odd.name.split()[-1].split(".")[0]) != []
    finally:
        db.close()


def test_a_2_gb_sparse_file_is_refused_by_its_size_without_being_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def never(*_args: object) -> None:
        raise AssertionError("the file was read")

    monkeypatch.setattr(importer, "file_sha256", never)
    monkeypatch.setattr(importer, "extract_in_sandbox", never)
    big = tmp_path / "huge.pdf"
    with open(big, "wb") as handle:
        handle.truncate(hostile.SPARSE_BYTES)
    db = UserDatabase(tmp_path / "user.db")
    try:
        outcome = import_file(DocumentStore(db, tmp_path / "library"), big)
    finally:
        db.close()
    assert outcome.status == REFUSED and "200 MB" in outcome.message
    assert hostile.plain_sentence(outcome.message)
