"""Citations in each style for each kind of record, and exports read back by their libraries."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import bibtexparser
import pytest
import rispy

from sseref.core.citation import (
    EXPORT_FORMATS,
    STYLES,
    CitationContext,
    citation_key,
    export_citations,
    styled_citation,
)

CTX = CitationContext("2026-11-21", dt.date(2026, 12, 7))
WORK = "SSE Ref: Social and Solidarity Economy reference"
UN_TAIL = f"In {WORK}, data as of 21 November 2026 (accessed 7 December 2026)."
APA_TAIL = f"In {WORK} (data as of November 21, 2026). Retrieved December 7, 2026."
CHICAGO_TAIL = "Data as of November 21, 2026. Accessed December 7, 2026."

# Written by hand from the style guides' patterns, not printed by the code.
EXPECTED = {
    ("doc/beta-resolution", "un"): (
        "Beta Task Force on Solidarity Economy, Promoting the solidarity economy for "
        f"sustainable development, A/RES/77/281 (18 April 2023). {UN_TAIL}"
    ),
    ("doc/beta-resolution", "apa"): (
        "Beta Task Force on Solidarity Economy. (2023, April 18). Promoting the solidarity "
        f"economy for sustainable development (A/RES/77/281). {APA_TAIL}"
    ),
    ("doc/beta-resolution", "chicago"): (
        "Beta Task Force on Solidarity Economy. “Promoting the solidarity economy for "
        f"sustainable development.” A/RES/77/281. April 18, 2023. In {WORK}, data as of "
        "November 21, 2026. Accessed December 7, 2026."
    ),
    ("org/alpha", "un"): (
        f"Alpha Cooperative Alliance (ACA), organization, founded 1895, Geneva, Switzerland. "
        f"{UN_TAIL}"
    ),
    ("org/alpha", "apa"): f"Alpha Cooperative Alliance (ACA). (n.d.). {APA_TAIL}",
    ("org/alpha", "chicago"): (f"{WORK}, s.v. “Alpha Cooperative Alliance (ACA).” {CHICAGO_TAIL}"),
    ("event/1978-conference", "un"): (
        "Conference on Technical Cooperation in Buenos Aires, event, 30 August – "
        f"12 September 1978, Buenos Aires, Argentina. {UN_TAIL}"
    ),
    ("event/1978-conference", "apa"): (
        f"Conference on Technical Cooperation in Buenos Aires. (n.d.). {APA_TAIL}"
    ),
    ("event/1978-conference", "chicago"): (
        f"{WORK}, s.v. “Conference on Technical Cooperation in Buenos Aires.” {CHICAGO_TAIL}"
    ),
    ("init/gamma", "un"): f"Gamma Working Group on Finance (GWGF), initiative, 2024. {UN_TAIL}",
    ("init/gamma", "apa"): f"Gamma Working Group on Finance (GWGF). (n.d.). {APA_TAIL}",
    (
        "init/gamma",
        "chicago",
    ): f"{WORK}, s.v. “Gamma Working Group on Finance (GWGF).” {CHICAGO_TAIL}",
    ("term/cooperative", "un"): f"cooperative, glossary term. {UN_TAIL}",
    ("term/cooperative", "apa"): f"cooperative. (n.d.). {APA_TAIL}",
    ("term/cooperative", "chicago"): f"{WORK}, s.v. “cooperative.” {CHICAGO_TAIL}",
}
IDS = sorted({rid for rid, _style in EXPECTED})


@pytest.mark.parametrize(("record_id", "style"), sorted(EXPECTED))
def test_each_style_on_each_kind(fixture_db: Any, record_id: str, style: str) -> None:
    record = fixture_db.get(record_id, "en")
    assert styled_citation(record, style, "en", CTX) == EXPECTED[(record_id, style)]


def test_every_style_is_covered() -> None:
    assert {style for _rid, style in EXPECTED} == set(STYLES)


def test_a_citation_in_spanish_formats_dates_in_spanish(fixture_db: Any) -> None:
    record = fixture_db.get("doc/beta-resolution", "es")
    text = styled_citation(record, "un", "es", CTX)
    assert "(18 de abril de 2023)" in text and "A/RES/77/281" in text


def test_no_citation_shows_an_internal_id_or_a_cache_file(fixture_db: Any) -> None:
    for record_id in IDS:
        record = fixture_db.get(record_id, "en")
        for style in STYLES:
            text = styled_citation(record, style, "en", CTX)
            assert record_id not in text and "000_test.txt" not in text


def test_bibtex_round_trip(fixture_db: Any) -> None:
    records = [fixture_db.get(rid, "en") for rid in IDS]
    text = export_citations(records, "bibtex", "en", CTX)
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    entries = {e.key: e for e in library.entries}
    assert set(entries) == {citation_key(r) for r in records}
    doc = entries["sseref-doc-beta-resolution"]
    assert doc.entry_type == "misc"
    fields = {f.key: f.value for f in doc.fields}
    assert fields["title"] == "{Promoting the solidarity economy for sustainable development}"
    assert fields["author"] == "{Beta Task Force on Solidarity Economy}"
    assert fields["number"] == "A/RES/77/281"
    assert fields["date"] == "2023-04-18" and fields["year"] == "2023"
    assert fields["urldate"] == "2026-12-07"


def test_bibtex_escapes_special_characters(fixture_db: Any) -> None:
    from dataclasses import replace

    from sseref.core.models import Name

    record = fixture_db.get("term/cooperative", "en")
    odd = replace(record, names={"en": Name("Savings & credit {100%} _co-ops_ #1")})
    library = bibtexparser.parse_string(export_citations([odd], "bibtex", "en", CTX))
    assert not library.failed_blocks
    title = {f.key: f.value for f in library.entries[0].fields}["title"]
    assert title == r"{Savings \& credit \{100\%\} \_co-ops\_ \#1}"


def test_ris_round_trip(fixture_db: Any) -> None:
    records = [fixture_db.get(rid, "en") for rid in IDS]
    entries = rispy.loads(export_citations(records, "ris", "en", CTX))
    assert len(entries) == len(records)
    doc = entries[IDS.index("doc/beta-resolution")]
    assert doc["type_of_reference"] == "GOVDOC"
    assert doc["title"] == "Promoting the solidarity economy for sustainable development"
    assert doc["authors"] == ["Beta Task Force on Solidarity Economy"]
    assert doc["year"] == "2023" and doc["date"] == "2023/04/18/"
    assert doc["number"] == "A/RES/77/281"
    assert doc["access_date"] == "2026/12/07"
    org = entries[IDS.index("org/alpha")]
    assert org["type_of_reference"] == "ENCYC"
    assert org["secondary_title"] == WORK


def test_csl_json_round_trip(fixture_db: Any) -> None:
    records = [fixture_db.get(rid, "en") for rid in IDS]
    items = json.loads(export_citations(records, "csl-json", "en", CTX))
    by_id = {item["id"]: item for item in items}
    doc = by_id["sseref-doc-beta-resolution"]
    assert doc["type"] == "document"
    assert doc["issued"] == {"date-parts": [[2023, 4, 18]]}
    assert doc["accessed"] == {"date-parts": [[2026, 12, 7]]}
    assert doc["author"] == [{"literal": "Beta Task Force on Solidarity Economy"}]
    assert by_id["sseref-term-cooperative"]["type"] == "entry-encyclopedia"
    assert by_id["sseref-org-alpha"]["URL"] == "https://example.org/alpha"


def test_every_export_format_is_written(fixture_db: Any) -> None:
    record = fixture_db.get("org/alpha", "en")
    for fmt in EXPORT_FORMATS:
        assert "Alpha Cooperative Alliance" in export_citations([record], fmt, "en", CTX)
    with pytest.raises(ValueError):
        export_citations([record], "docx", "en", CTX)


@pytest.mark.parametrize(
    ("founded", "lang", "expected"),
    [
        ("2012-05-23", "fr", "fondée le 23 mai 2012"),
        ("2012-05", "fr", "fondée en mai 2012"),
        ("2012", "fr", "fondée en 2012"),
        ("2012-05-23", "es", "fundada el 23 de mayo de 2012"),
        ("2012", "es", "fundada en 2012"),
        ("2012-05-23", "en", "founded on 23 May 2012"),
    ],
)
def test_a_founding_day_takes_its_own_preposition(
    fixture_db: Any, founded: str, lang: str, expected: str
) -> None:
    # French and Spanish say "le 23 mai" / "el 23 de mayo" but "en mai" / "en 2012".
    from dataclasses import replace

    from sseref.core import i18n
    from sseref.core.dates import parse_date

    i18n.set_language(lang)
    record = fixture_db.get("org/alpha", lang)
    record = replace(record, date=parse_date(founded))
    try:
        assert expected in styled_citation(record, "un", lang, CTX)
    finally:
        i18n.set_language("en")
