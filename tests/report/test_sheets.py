"""Fact-sheet HTML: every kind's key fields, relations, timeline, sources; packs; escaping."""

from __future__ import annotations

import datetime as dt

import pytest

from sseref.core.errors import UnknownRecordError
from sseref.report.compose import compose
from sseref.report.markup import esc


def html_of(db, record_id: str, lang: str = "en", **kw) -> str:  # type: ignore[no-untyped-def]
    """The sheet's HTML with Babel's thin/no-break spaces read as plain spaces."""
    html = compose(db, [record_id], lang, **kw).html()
    return html.replace("\u2009", " ").replace("\u202f", " ").replace("\xa0", " ")


def test_organization_sheet(fixture_db) -> None:  # type: ignore[no-untyped-def]
    html = html_of(fixture_db, "org/alpha")
    for expected in (
        "Alpha Cooperative Alliance",
        "ACA",
        "Federation",
        "Geneva, Switzerland",
        "1895",
        "Alianza Cooperativa Alfa",
        "Member of",
        "since 2014",
        "Sources",
        "Test page",
        "checked 20 November 2026",
    ):
        assert expected in html, expected


def test_event_sheet_has_localized_range_and_documents(fixture_db) -> None:  # type: ignore[no-untyped-def]
    html = html_of(fixture_db, "event/1978-conference", "es")
    assert "30 de agosto – 12 de septiembre de 1978" in html
    assert "Buenos Aires, Argentina" in html
    assert "A/RES/77/281" in html  # key documents


def test_document_sheet(fixture_db) -> None:  # type: ignore[no-untyped-def]
    html = html_of(fixture_db, "doc/beta-resolution", "fr")
    assert esc("Promouvoir l'économie solidaire") in html  # escaped, by the one escaper
    assert "A/RES/77/281" in html
    assert "18 avril 2023" in html
    assert "Beta Task Force on Solidarity Economy (BTF)" in html  # issuing body, resolved


def test_summary_fallback_is_announced(fixture_db) -> None:  # type: ignore[no-untyped-def]
    html = html_of(fixture_db, "init/gamma", "fr")
    assert "A fictional working group" in html
    assert "Summary available in English only." in html or "anglais" in html


def test_term_sheet_shows_every_language(fixture_db) -> None:  # type: ignore[no-untyped-def]
    html = html_of(fixture_db, "term/cooperative")
    for text in ("cooperative", "cooperativa", "coopérative", "democratically controlled"):
        assert text in html


def test_glossary_sheet_of_all_terms(fixture_db) -> None:  # type: ignore[no-untyped-def]
    report = compose(fixture_db, [], "en", glossary=True)
    assert report.parts[0].title == "Glossary"
    assert "cooperativa" in report.html()


def test_bilingual_sheet_puts_two_languages_side_by_side(fixture_db) -> None:  # type: ignore[no-untyped-def]
    html = html_of(fixture_db, "org/alpha", "en", bilingual="es")
    assert 'class="bilingual"' in html
    assert "A fictional federation" in html and "Una federación ficticia" in html
    assert "Alianza Cooperativa Alfa" in html


def test_pack_has_cover_contents_and_one_sheet_per_record(fixture_db) -> None:  # type: ignore[no-untyped-def]
    ids = ["org/alpha", "event/1978-conference", "term/cooperative"]
    report = compose(
        fixture_db, ids, "en", meeting_name="Board «meeting» — Genève", today=dt.date(2026, 11, 23)
    )
    assert [p.key for p in report.parts] == ["cover", "contents", "sheet-1", "sheet-2", "sheet-3"]
    html = report.html({"sheet-1": 3, "sheet-2": 4, "sheet-3": 5})
    assert "Board «meeting» — Genève" in html
    assert "23 November 2026" in html
    assert "3 fact sheets" in html
    assert html.count("page-break-before: always") == 4  # contents and each sheet
    assert '<td class="tocpage" width="8%" align="right">4</td>' in html


def test_unknown_ids_are_all_named(fixture_db) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnknownRecordError, match="org/nope, doc/zz"):
        compose(fixture_db, ["org/alpha", "org/nope", "doc/zz"], "en")


def test_data_is_escaped() -> None:
    import html

    text = "<b>\"x\"</b> & y 'z'"
    escaped = esc(text)
    # No character that could open a tag or close an attribute is left; reading it back as
    # HTML gives the text again.
    assert not any(c in escaped for c in "<>\"'")
    assert html.unescape(escaped) == text


def test_footer_text(fixture_db) -> None:  # type: ignore[no-untyped-def]
    report = compose(fixture_db, ["org/alpha"], "fr")
    footer = report.footer(1, 2)
    assert footer.startswith("SSE Ref")
    assert "novembre 2026" in footer and "1" in footer and "2" in footer


def test_every_real_record_composes(real_db) -> None:  # type: ignore[no-untyped-def]
    for record_id in real_db.ids():
        record = real_db.get(record_id)
        html = compose(real_db, [record_id], "en").html()
        assert esc(record.title("en")) in html, record_id


def test_bilingual_term_sheet_shows_one_language_per_column(fixture_db) -> None:  # type: ignore[no-untyped-def]
    html = html_of(fixture_db, "term/cooperative", "es", bilingual="fr")
    # Each definition once: the Spanish column holds Spanish, the French column French.
    assert html.count("Una empresa de propiedad de sus miembros") == 1
    assert html.count("Une entreprise détenue par ses membres") == 1
    assert "An enterprise owned and democratically controlled" not in html


def test_short_labels_keep_their_words_together(fixture_db) -> None:  # type: ignore[no-untyped-def]
    from sseref.report.markup import facts_table

    html = facts_table([("Relacionado con", "x")], "34%")
    assert "Relacionado\xa0con" in html and 'width="34%"' in html


def test_pack_cover_lists_its_sheets(fixture_db) -> None:  # type: ignore[no-untyped-def]
    ids = ["org/alpha", "term/cooperative"]
    report = compose(fixture_db, ids, "en", pack=True, today=dt.date(2026, 11, 23))
    cover = report.parts[0].html
    assert "Alpha Cooperative Alliance" in cover and "cooperative" in cover
    assert "Glossary term" in cover and "offline reference" in cover


def test_sheets_show_no_cache_file_names(fixture_db) -> None:  # type: ignore[no-untyped-def]
    assert "000_test.txt" not in html_of(fixture_db, "org/alpha")
