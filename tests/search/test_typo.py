"""Typo tolerance: corrected results and a "Did you mean" from the index vocabulary."""

from __future__ import annotations

from sseref.search.engine import SearchEngine
from sseref.search.vocabulary import edit_distance


def test_edit_distance() -> None:
    assert edit_distance("bandong", "bandung", 2) == 1
    assert edit_distance("guerero", "guerrero", 2) == 1
    assert edit_distance("ab", "ba", 2) == 1  # a swap is one edit


def test_bandong(real_engine: SearchEngine) -> None:
    result = real_engine.search("Bandong", as_you_type=False)
    assert result.suggestion and "bandung" in result.suggestion.lower()
    assert "event/1955-bandung-conference" in [h.id for h in result.hits[:3]]


def test_perez_guerero(real_engine: SearchEngine) -> None:
    result = real_engine.search("Perez Guerero")
    assert result.suggestion and "guerrero" in result.suggestion.lower()
    assert "org/pgtf" in [h.id for h in result.hits[:3]]


def test_no_suggestion_for_known_words(real_engine: SearchEngine) -> None:
    assert real_engine.search("cooperatives", as_you_type=False).suggestion is None


def test_fixture_typo(fixture_engine: SearchEngine) -> None:
    result = fixture_engine.search("cooperativs federation", as_you_type=False)
    assert result.suggestion is not None
    assert result.hits and result.hits[0].id == "org/alpha"
