"""The reader's language: the switch's cookie, a link's ?lang=, the browser's Accept-Language."""

from __future__ import annotations

import pytest

from sseref.share.languages import choose, from_accept_language


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("es-MX,es;q=0.9,en;q=0.8", "es"),
        ("fr-CA", "fr"),
        ("de-DE,de;q=0.9,fr;q=0.7,en;q=0.5", "fr"),
        ("en;q=0.4, es;q=0.8", "es"),
        ("de, pt", None),
        ("es;q=0, fr;q=0.1", "fr"),
        ("es;q=abc, fr", "fr"),
        ("", None),
        (None, None),
        ("x" * 10_000, None),
    ],
)
def test_accept_language_picks_the_best_supported(header: str | None, expected: str | None) -> None:
    assert from_accept_language(header) == expected


def test_query_beats_cookie_beats_browser() -> None:
    assert choose("fr", "es", "en") == "es"
    assert choose("fr", None, "es") == "fr"
    assert choose(None, None, "es-AR") == "es"
    assert choose("xx", "../../etc", "de") == "en"
