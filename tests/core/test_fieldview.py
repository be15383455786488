"""The presentation's field list: labels and values in the reader's language, facts with their
"as of" date, explicit unknowns said, references named."""

from __future__ import annotations

from sseref.core.db import Database
from sseref.core.fieldview import field_views
from sseref.core.i18n import _, set_language


def test_an_organization_with_dated_and_unknown_facts(kinds_db: Database) -> None:
    org = kinds_db.get("org/delta-agency")
    views = {v.name: v for v in field_views(org, "en")}
    assert [v.label for v in field_views(org, "en")] == [
        "Type",
        "Region",
        "Country",
        "Headquarters",
        "Founded",
        "Website",
        "Themes",
    ]
    assert views["country"].text == "Examplia"
    assert views["country"].link == "country/examplia"
    assert (views["headquarters"].text, views["headquarters"].as_of) == (
        "Example City",
        "as of October 2025",
    )
    assert views["founded"].text == "23 May 2012"
    assert views["website"].unknown
    assert views["website"].text == "Unknown (no source found; checked 20 November 2026)"


def test_labels_and_values_in_french(kinds_db: Database) -> None:
    set_language("fr")
    org = kinds_db.get("org/delta-agency", "fr")
    views = {v.name: v for v in field_views(org, "fr", _)}
    assert views["type"].label == "Type"
    assert views["headquarters"].label == "Siège"
    assert views["headquarters"].as_of == "état : octobre 2025"
    assert views["website"].text.startswith("Inconnu")
    assert "20 novembre 2026" in views["website"].text


def test_a_person_and_a_country(kinds_db: Database) -> None:
    person = kinds_db.get("person/ada-example")
    (roles,) = field_views(person, "es")[:1]
    assert roles.label == "Roles"
    assert roles.text.startswith("Secretaria Ejecutiva, Alpha Cooperative Alliance")
    country = kinds_db.get("country/examplia")
    assert [(v.label, v.text) for v in field_views(country, "en")] == [
        ("ISO code", "MX"),
        ("Region", "Latin America and the Caribbean"),
        ("Themes", "Social and solidarity economy"),
    ]


def test_a_document_keeps_its_fields_and_hides_the_seed(fixture_db: Database) -> None:
    doc = fixture_db.get("doc/beta-resolution")
    assert [(v.label, v.text) for v in field_views(doc, "en")] == [
        ("Type", "Resolution"),
        ("Symbol", "A/RES/77/281"),
        ("Date", "18 April 2023"),
        ("Issuing body", "Beta Task Force on Solidarity Economy"),
        ("Languages", "English, French, Spanish"),
    ]
