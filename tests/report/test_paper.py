"""The default paper follows the locale: US Letter in the Americas that use it, A4 elsewhere."""

from __future__ import annotations

import pytest

from sseref.report.paper import Paper, default_paper, paper_for_locale, parse_paper


@pytest.mark.parametrize(
    ("locale", "paper"),
    [
        ("en_US.UTF-8", Paper.LETTER),
        ("es_MX", Paper.LETTER),
        ("fr_CA.utf8", Paper.LETTER),
        ("fr_FR.UTF-8", Paper.A4),
        ("es_AR", Paper.A4),
        ("en_GB", Paper.A4),
        ("C", Paper.A4),
        ("", Paper.A4),
        (None, Paper.A4),
    ],
)
def test_paper_for_locale(locale: str | None, paper: Paper) -> None:
    assert paper_for_locale(locale) is paper


def test_default_paper_reads_lc_paper_first() -> None:
    assert default_paper({"LC_PAPER": "en_US.UTF-8", "LANG": "fr_FR"}) is Paper.LETTER
    assert default_paper({"LANG": "fr_FR"}) is Paper.A4
    assert default_paper({}) is Paper.A4


def test_parse_paper() -> None:
    assert parse_paper("A4") is Paper.A4
    assert parse_paper("us-letter") is Paper.LETTER
    with pytest.raises(ValueError, match="unknown paper"):
        parse_paper("a3")
