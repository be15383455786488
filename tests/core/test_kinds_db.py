"""People, countries and dated facts as the runtime reads them back from the database."""

from __future__ import annotations

import pytest

from sseref.core import vocab
from sseref.core.db import _ORDERS, Database
from sseref.core.listing import ListFilter


def test_a_person_has_roles_with_names_dates_and_sources(kinds_db: Database) -> None:
    person = kinds_db.get("person/ada-example")
    assert person.kind == "person"
    assert person.title() == "Ada Example"
    current, former = person.roles
    assert current.organization_id == "org/alpha"
    assert current.organization_name == "Alpha Cooperative Alliance"
    assert current.title("es") == "Secretaria Ejecutiva"
    assert current.title("pt") == "Executive Secretary"
    assert (current.since, current.until, current.as_of) == ("2022-10", None, "2026-11-20")
    assert current.current and not former.current
    assert current.source is not None and current.source.url == "https://example.org/ada"
    assert former.organization_id == "org/beta-task-force"
    assert former.until == "2019"
    # A document id as a role's source: cited with the document's own title.
    assert former.source is not None and former.source.doc_id == "doc/beta-resolution"
    assert former.source.doc_title == "Promoting the solidarity economy for sustainable development"


def test_an_organization_lists_the_people_in_roles_there(kinds_db: Database) -> None:
    org = kinds_db.get("org/alpha", "fr")
    assert [(r.person_id, r.person_name, r.title("fr")) for r in org.roles] == [
        ("person/ada-example", "Ada Example", "Secrétaire exécutive")
    ]
    assert kinds_db.get("org/beta-task-force").roles[0].until == "2019"


def test_facts_keep_as_of_source_and_explicit_unknown(kinds_db: Database) -> None:
    org = kinds_db.get("org/delta-agency")
    # `fields` keeps the known values as before (lists, citations and old pages read them).
    assert org.fields["headquarters"] == "Example City"
    assert org.fields["founded"] == "2012-05-23"
    assert "website" not in org.fields
    seat = org.facts["headquarters"]
    assert (seat.value, seat.as_of, seat.unknown) == ("Example City", "2025-10", False)
    assert seat.source is not None and seat.source.position == 1
    founded = org.facts["founded"]
    assert founded.source is not None and founded.source.doc_id == "doc/beta-resolution"
    assert org.date is not None and org.date.text() == "2012-05-23"
    website = org.facts["website"]
    assert (website.value, website.unknown, website.checked) == (None, True, "2026-11-20")
    # A plain value is a fact without "as of".
    plain = kinds_db.get("org/alpha").facts["founded"]
    assert (plain.value, plain.as_of, plain.source, plain.unknown) == ("1895", None, None, False)
    data = org.to_json()
    assert data["facts"]["website"]["unknown"] is True
    assert data["facts"]["headquarters"]["as_of"] == "2025-10"


def test_a_country_has_its_code_region_framework_and_bodies(kinds_db: Database) -> None:
    country = kinds_db.get("country/examplia", "es")
    assert country.title("es") == "Ejemplia"
    assert country.fields == {"iso": "MX", "region": "latin-america-caribbean"}
    links = {(r.type, r.direction, r.other_id) for r in country.relations}
    assert ("has_framework", "out", "doc/beta-resolution") in links
    assert ("has_national_body", "out", "org/delta-agency") in links
    # The organization's `country` field reads as a link from both sides.
    assert ("based_in", "in", "org/delta-agency") in links
    org = kinds_db.get("org/delta-agency")
    assert org.fields["country"] == "country/examplia"
    assert ("based_in", "out", "country/examplia") in {
        (r.type, r.direction, r.other_id) for r in org.relations
    }
    assert ("has_framework", "in", "country/examplia") in {
        (r.type, r.direction, r.other_id) for r in kinds_db.get("doc/beta-resolution").relations
    }


def test_lists_count_filter_and_show_the_new_kinds(kinds_db: Database) -> None:
    counts = kinds_db.counts()
    assert (counts["person"], counts["country"], counts["organization"]) == (1, 1, 3)
    assert kinds_db.ids("person") == ["person/ada-example"]
    based = kinds_db.filter_ids("organization", ListFilter(country="country/examplia"))
    assert based == ["org/delta-agency"]
    assert kinds_db.facet_values("organization", "country") == ["country/examplia"]
    assert kinds_db.filter_ids("country", ListFilter(region="latin-america-caribbean")) == [
        "country/examplia"
    ]
    (row,) = kinds_db.rows(["country/examplia"])
    assert (row.kind, row.region, row.extra) == ("country", "latin-america-caribbean", "MX")


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("kind", list(vocab.KINDS))
def test_every_sort_key_works_both_ways_for_every_kind(
    kinds_db: Database, kind: str, descending: bool
) -> None:
    every = sorted(kinds_db.ids(kind))
    for order in _ORDERS:
        found = kinds_db.filter_ids(kind, order=order, descending=descending)
        assert sorted(found) == every, order


def test_descending_type_and_region_reverse_the_list(kinds_db: Database) -> None:
    up = kinds_db.filter_ids("organization", order="type")
    down = kinds_db.filter_ids("organization", order="type", descending=True)
    assert up == ["org/alpha", "org/delta-agency", "org/beta-task-force"]
    assert down == list(reversed(up))
    assert kinds_db.filter_ids("organization", order="country", descending=True)[-1] == (
        "org/delta-agency"
    )


def test_an_events_country_reads_as_a_link_from_both_sides(kinds_db: Database) -> None:
    # A field added by one declaration line (kinds: event `country`, link "held_in").
    event = kinds_db.get("event/2019-examplia-forum")
    assert event.fields["country"] == "country/examplia"
    assert ("held_in", "out", "country/examplia") in {
        (r.type, r.direction, r.other_id) for r in event.relations
    }
    country = kinds_db.get("country/examplia")
    assert ("held_in", "in", "event/2019-examplia-forum") in {
        (r.type, r.direction, r.other_id) for r in country.relations
    }
    # The organization's country is still its own link type.
    assert not any(r.type == "held_in" for r in kinds_db.get("org/delta-agency").relations)
