"""Results: facets, paging, escaped snippets; one searcher shared by threads, newest wins."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from sseref.search.engine import SearchCancelled, SearchEngine


def test_result_shape_and_facets(fixture_engine: SearchEngine) -> None:
    result = fixture_engine.search("cooperative", limit=2)
    assert result.total >= 3 and len(result.hits) == 2
    assert sum(result.facets["kind"].values()) == result.total
    assert {"kind", "theme", "lang"} <= set(result.facets)
    data = result.to_json()
    assert set(data) == {"query", "total", "suggestion", "hits", "facets"}
    assert set(data["hits"][0]) == {"id", "kind", "title", "snippet", "score"}


def test_paging_is_stable(fixture_engine: SearchEngine) -> None:
    everything = [h.id for h in fixture_engine.search("cooperative", limit=50).hits]
    pages = [
        h.id
        for off in range(0, len(everything), 2)
        for h in fixture_engine.search("cooperative", limit=2, offset=off).hits
    ]
    assert pages == everything


def test_snippet_highlights_and_escapes(real_engine: SearchEngine) -> None:
    hit = real_engine.search("CEPAL", limit=5).hits
    joined = " ".join(h.snippet for h in hit)
    assert "<b>" in joined
    for h in hit:
        text = h.snippet.replace("<b>", "").replace("</b>", "")
        assert "<" not in text and ">" not in text


def test_snippet_prefers_the_reader_language(fixture_engine: SearchEngine) -> None:
    hit = fixture_engine.search("cooperativa", lang="es", limit=5).hits
    assert any("<b>" in h.snippet for h in hit)


def test_snippet_comes_from_the_interface_language_when_the_record_has_it() -> None:
    from sseref.search.highlight import Highlighter
    from sseref.search.results import Excerpt

    hl = Highlighter({"cooperation", "south"}, set(), ())
    summaries = {
        "en": "South-South cooperation among developing countries.",
        "fr": "La coopération Sud-Sud entre pays en développement.",
    }
    french = Excerpt(hl, summaries, "fr")
    assert french.source_language() == "fr"
    assert french.text().startswith("La <b>coopération</b>")
    # No Spanish text: the summary holding the query's words.
    assert Excerpt(hl, summaries, "es").source_language() == "en"


def test_snippets_are_made_when_asked_for(fixture_engine: SearchEngine) -> None:
    hit = fixture_engine.search("alpha", limit=17).hits[0]  # a page no other test asks for
    assert hit.excerpt is not None
    assert hit.excerpt._text is None  # nothing computed by the search itself
    assert hit.snippet and hit.excerpt._text == hit.snippet


def test_cancelled_token_raises(fixture_engine: SearchEngine) -> None:
    old = fixture_engine.begin()
    new = fixture_engine.begin()  # a newer query supersedes the older one
    assert old.cancelled and not new.cancelled
    with pytest.raises(SearchCancelled):
        fixture_engine.search("cooperative fresh", token=old)
    assert fixture_engine.search("cooperative fresh", token=new).generation == new.generation


def test_threads_share_one_engine(real_engine: SearchEngine) -> None:
    errors: list[BaseException] = []
    queries = [
        "CEPAL",
        "economia social",
        "Bandong",
        "kind:event year:1970..1980",
        "coop",
        '"plan of action"',
        "OIT -ilo",
        "Sud-Sud",
    ]

    def work(q: str) -> None:
        try:
            for _ in range(3):
                real_engine.clear_cache()
                real_engine.search(q)
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(q,)) for q in queries]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_empty_and_filter_only(fixture_engine: SearchEngine) -> None:
    assert fixture_engine.search("").total == 0
    assert fixture_engine.search("   ").hits == []
    assert fixture_engine.search("kind:term").hits[0].id == "term/cooperative"
    assert fixture_engine.search("cooperative", kind="organization").hits[0].kind == "organization"


def test_an_index_refused_half_way_is_closed(
    fixture_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index opened but a later step failed: what opened is closed, not left behind."""
    import sseref.search.engine as engine_module

    closed: list[str] = []
    real_open = engine_module.open_index

    def recording_open(path: Path) -> Any:
        ix = real_open(path)
        real_searcher, real_close = ix.searcher, ix.close

        def searcher() -> Any:
            found = real_searcher()
            close = found.close
            found.close = lambda: (closed.append("searcher"), close())
            return found

        ix.searcher = searcher
        ix.close = lambda: (closed.append("index"), real_close())
        return ix

    class DamagedFacets:
        def __init__(self, _reader: object) -> None:
            raise ValueError("damaged facets")

    monkeypatch.setattr(engine_module, "open_index", recording_open)
    monkeypatch.setattr(engine_module, "FacetTable", DamagedFacets)
    with pytest.raises(engine_module.SearchIndexError, match="damaged facets"):
        engine_module.SearchEngine(fixture_index)
    assert closed == ["searcher", "index"]


def test_the_name_bonus_reorders_but_never_adds_matches(
    fixture_engine: SearchEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Records named by every word typed get a push; the set of matches stays the same."""
    import sseref.search.compiler as compiler

    def run() -> dict[str, float]:
        fixture_engine.clear_cache()
        found = fixture_engine.search("cooperative alliance", limit=50, as_you_type=False)
        return {h.id: h.score for h in found.hits}

    with_bonus = run()
    monkeypatch.setattr(compiler, "NAME_BONUS", 0.0)
    without = run()
    assert set(with_bonus) == set(without) and "org/alpha" in with_bonus
    assert with_bonus["org/alpha"] > without["org/alpha"]  # "Alpha Cooperative Alliance"


def test_cold_caches_give_the_same_results(fixture_engine: SearchEngine) -> None:
    # Length norms read in one piece and year filters from the facet column: the same
    # ranking and the same documents as the warm engine.
    queries = ["alpha", "cooperative year:1970..2030", "solidarity", '"task force"']
    warm = [[(h.id, round(h.score, 6)) for h in fixture_engine.search(q).hits] for q in queries]
    fixture_engine.clear_caches()
    cold = [[(h.id, round(h.score, 6)) for h in fixture_engine.search(q).hits] for q in queries]
    assert cold == warm
    assert any(cold)
