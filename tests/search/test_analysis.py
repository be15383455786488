"""Folding, stop words and stems: accents never matter, languages meet on shared stems."""

from __future__ import annotations

from sseref.search import analysis as an


def test_fold_strips_accents_and_case() -> None:
    assert an.fold("Économía") == "economia"
    assert an.fold("Coopération") == "cooperation"
    assert an.fold("ŒUVRE Straße") == "oeuvre strasse"
    assert an.fold("l’été") == "l'ete"


def test_words_split_elisions_and_hyphens() -> None:
    assert an.words("l'économie Sur-Sur") == ["l", "economie", "sur", "sur"]


def test_accentless_spanish_stems_like_accented() -> None:
    for plain, accented in [
        ("cooperacion", "cooperación"),
        ("economia", "economía"),
        ("resolucion", "resolución"),
    ]:
        assert an.stem(an.fold(plain), "es") == an.stem(an.fold(accented), "es")


def test_french_folding_before_stemming() -> None:
    assert an.stem(an.fold("développement"), "fr") == an.stem("developpement", "fr")


def test_query_stems_cross_languages() -> None:
    # "cooperacion" typed by a Spanish speaker meets English "cooperation" on one stem.
    english = set(an.stems("cooperation", "en"))
    assert english & set(an.query_stems("cooperacion"))
    assert set(an.stems("coopération", "fr")) & set(an.query_stems("cooperacion"))


def test_modern_english_stemmer() -> None:
    assert an.stem("running", "en") == "run"


def test_stop_words_per_language_but_domain_words_kept() -> None:
    for word in ("the", "de", "et", "los"):
        assert an.is_stopword(word)
    for word in ("sur", "sud", "un"):
        assert not an.is_stopword(word)
    assert an.stems("the economy of the south", "en") == ["economi", "south"]


def test_the_british_co_operative_is_one_word() -> None:
    from sseref.search import analysis as an

    assert an.words("International Co-operative Alliance") == [
        "international",
        "cooperative",
        "alliance",
    ]
    assert an.words("co-operation Sur-Sur") == ["cooperation", "sur", "sur"]
    assert [w for _s, _e, w in an.word_spans("Co-op shop")] == ["coop", "shop"]
