"""The new data on paper: dated facts with their source, explicit unknowns, people, countries.

Uses the small fixtures of tests/fixtures/kinds (a person, a country, an organization with a
dated seat, a dated founding and an unknown website), in English, Spanish and French.
"""

from __future__ import annotations

import pytest

from sseref.report.compose import compose
from sseref.report.present import Presenter
from sseref.report.render import escape

UNKNOWN = {
    "en": "Unknown (no source found; checked 20 November 2026)",
    "es": "Desconocido (no se encontró ninguna fuente; comprobado el 20 de noviembre de 2026)",
    "fr": "Inconnu (aucune source trouvée ; vérifié le 20 novembre 2026)",
}


def sheet(db, record_id: str, lang: str = "en") -> str:  # type: ignore[no-untyped-def]
    """The sheet's HTML with Babel's thin/no-break spaces read as plain spaces."""
    html = compose(db, [record_id], lang).html()
    return html.replace("\u2009", " ").replace("\u202f", " ").replace("\xa0", " ")


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
def test_an_unknown_fact_is_said_never_left_blank(kinds_db, lang: str) -> None:  # type: ignore[no-untyped-def]
    html = sheet(kinds_db, "org/delta-agency", lang)
    assert escape(UNKNOWN[lang]) in html
    record = kinds_db.get("org/delta-agency", lang)
    website = next(r for r in Presenter(lang).facts(record) if r.key == "website")
    assert website.unknown and website.text.replace("\u202f", " ") == UNKNOWN[lang]


def test_a_dated_fact_shows_as_of_and_its_source(kinds_db) -> None:  # type: ignore[no-untyped-def]
    html = sheet(kinds_db, "org/delta-agency")
    assert "Example City" in html and "as of October 2025, source 1" in html
    # A fact sourced to a document of the dataset names that document.
    assert "23 May 2012" in html
    assert "as of 20 November 2026, Promoting the solidarity economy" in html
    fr = sheet(kinds_db, "org/delta-agency", "fr")
    assert "état : octobre 2025, source 1" in fr


def test_a_plain_fact_has_no_as_of(kinds_db) -> None:  # type: ignore[no-untyped-def]
    record = kinds_db.get("org/alpha", "en")
    seat = next(r for r in Presenter("en").facts(record) if r.key == "headquarters")
    assert seat.text == "Geneva, Switzerland" and seat.as_of == "" and seat.source is None


@pytest.mark.parametrize(
    ("lang", "title", "heading"),
    [("en", "Executive Secretary", "Roles"), ("es", "Secretaria Ejecutiva", "Cargos")],
)
def test_person_sheet_lists_roles_with_period_as_of_and_source(  # type: ignore[no-untyped-def]
    kinds_db, lang: str, title: str, heading: str
) -> None:
    html = sheet(kinds_db, "person/ada-example", lang)
    assert f"<h2>{heading}</h2>" in html
    assert title in html and "(ACA)" in html
    if lang == "en":
        assert "since Oct 2022; as of 20 November 2026; source 1" in html
        assert "2015–2019; as of June 2019; Promoting the solidarity economy" in html
    assert "Test page about Ada Example" in html  # the numbered source the role points at


def test_organization_sheet_lists_the_people_holding_roles(kinds_db) -> None:  # type: ignore[no-untyped-def]
    html = sheet(kinds_db, "org/alpha")
    assert "<h2>People</h2>" in html
    assert "Ada Example" in html and "Executive Secretary" in html
    # The role's source is the person's: named, not numbered (this sheet's list differs).
    assert "Example, Test page about Ada Example" in html


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
def test_country_sheet_shows_iso_region_laws_bodies_and_organizations(  # type: ignore[no-untyped-def]
    kinds_db, lang: str
) -> None:
    html = sheet(kinds_db, "country/examplia", lang)
    p = Presenter(lang)
    assert escape(kinds_db.get("country/examplia", lang).title(lang)) in html
    assert "MX" in html
    assert escape(p.region("latin-america-caribbean")) in html
    assert escape(p.relation("has_framework", "out")) in html  # the law, in Key documents
    assert "A/RES/77/281" in html
    assert escape(p.relation("has_national_body", "out")) in html
    assert escape(p.relation("based_in", "in")) in html
    assert escape(kinds_db.get("org/delta-agency", lang).title(lang)) in html


def test_a_link_made_from_a_field_is_not_listed_twice(kinds_db) -> None:  # type: ignore[no-untyped-def]
    # The build turns an organization's `country` into a "based in" link; the page shows the
    # country in its field list and must not repeat it among the relations, while the
    # country's own page still lists the organization (the link, seen from the other side).
    from sseref.report.present import listed_relations

    org = kinds_db.get("org/delta-agency", "en")
    assert org.fields["country"] == "country/examplia"
    assert any(r.type == "based_in" for r in org.relations)
    assert not any(r.type == "based_in" for r in listed_relations(org))
    html = sheet(kinds_db, "org/delta-agency")
    assert "Country</td>" in html and "Based in</td>" not in html
    country = kinds_db.get("country/examplia", "en")
    assert any(r.other_id == "org/delta-agency" for r in listed_relations(country))


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
def test_country_sheet_lists_events_held_there_and_the_event_shows_its_country(  # type: ignore[no-untyped-def]
    kinds_db, lang: str
) -> None:
    from sseref.report.present import listed_relations

    p = Presenter(lang)
    html = sheet(kinds_db, "country/examplia", lang)
    assert escape(p.relation("held_in", "in")) in html
    assert escape(kinds_db.get("event/2019-examplia-forum", lang).title(lang)) in html
    event = kinds_db.get("event/2019-examplia-forum", lang)
    assert not any(r.type == "held_in" for r in listed_relations(event))
    event_html = sheet(kinds_db, "event/2019-examplia-forum", lang)
    assert escape(kinds_db.get("country/examplia", lang).title(lang)) in event_html
