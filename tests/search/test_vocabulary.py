"""The vocabulary file the indexer writes beside the index: the index's own words, in order."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sseref.search.indexer import open_index
from sseref.search.vocabulary import VOCABULARY_FILE, Vocabulary


def test_saved_vocabulary_is_the_index_term_list(fixture_index: Path) -> None:
    ix = open_index(fixture_index)
    try:
        with ix.reader() as reader:
            walked = Vocabulary.from_reader(reader)
            loaded = Vocabulary.load(fixture_index / VOCABULARY_FILE, reader)
    finally:
        ix.close()
    assert len(walked) > 100
    assert loaded.terms == walked.terms and loaded.freqs == walked.freqs
    assert loaded.expand("coop") == walked.expand("coop") != []
    assert loaded.frequency("alpha") == walked.frequency("alpha") > 0


@pytest.mark.parametrize(
    "text",
    [
        '{"terms": ["b", "a"], "freqs": [1, 1]}',  # out of order
        '{"terms": ["a", "b"], "freqs": [1]}',  # lengths differ
        '{"terms": ["a"], "freqs": ["1"]}',
        "[]",
        "not json",
    ],
)
def test_a_damaged_vocabulary_is_refused(text: str, tmp_path: Path) -> None:
    path = tmp_path / VOCABULARY_FILE
    path.write_text(text, "utf-8")
    with pytest.raises((ValueError, TypeError, KeyError)):
        Vocabulary.load(path, reader=None)


def test_words_with_unusual_characters_survive(fixture_index: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ix"
    shutil.copytree(fixture_index, folder)
    words = ["a\u2028b", "c\x85d", "e\tf"]
    Vocabulary(None, words, [1, 2, 3]).save(folder / VOCABULARY_FILE)
    assert json.loads((folder / VOCABULARY_FILE).read_text("utf-8"))["terms"] == words
    assert Vocabulary.load(folder / VOCABULARY_FILE, None).terms == words
