"""The kinds person and country, dated facts and explicit unknowns: accepted in the agreed
shape (notes KINDS-SPEC), refused with `file:line: field: message` otherwise."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from sseref.ingest.build import BuildError, load_and_validate
from tests.conftest import FIXTURE_DATA, KINDS_FIXTURE

PERSON = """\
id: person/test
names:
  en: {name: Test Person}
summary:
  en: A test person in a public role.
roles:
  - organization: org/alpha
    role: {en: Executive Secretary, es: Secretaria Ejecutiva, fr: Secrétaire exécutive}
    since: "2022-10"
    as_of: "2026-12-07"
    source: 1
sources:
  - title: A page
    url: https://example.org/p
    checked: "2026-12-07"
"""
COUNTRY = """\
id: country/testland
iso: MX
region: latin-america-caribbean
names:
  en: {name: Testland}
summary:
  en: A test country.
relations:
  - {type: has_framework, target: doc/beta-resolution, source: 1}
  - {type: has_national_body, target: org/alpha, source: 1}
sources:
  - title: A page
    url: https://example.org/c
    checked: "2026-12-07"
"""
ORG = """\
id: org/test
names:
  en: {name: Test Organization}
summary:
  en: A test.
type: network
country: country/testland
headquarters: {value: "Bordeaux, France", as_of: "2025-10", source: 1}
founded: {value: "1999-05", as_of: "2026-12-07", source: doc/beta-resolution}
website: {unknown: true, checked: "2026-12-07"}
sources:
  - title: A page
    url: https://example.org/o
    checked: "2026-12-07"
"""


def problems_for(tmp_path: Path, files: dict[str, str]) -> list[str]:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    for name, text in files.items():
        file = data / name
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(textwrap.dedent(text), encoding="utf-8")
    try:
        load_and_validate(data)
    except BuildError as exc:
        return [str(p).replace(str(data) + "/", "") for p in exc.problems]
    return []


def good(**changes: str) -> dict[str, str]:
    files = {
        "people/test.yaml": PERSON,
        "countries/testland.yaml": COUNTRY,
        "organizations/test.yaml": ORG,
    }
    return {**files, **changes}


def test_the_agreed_shapes_are_valid(tmp_path: Path) -> None:
    assert problems_for(tmp_path, good()) == []


def test_the_kinds_fixture_is_valid(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    shutil.copytree(KINDS_FIXTURE, data, dirs_exist_ok=True)
    assert load_and_validate(data).records


@pytest.mark.parametrize(
    ("file", "change", "expected"),
    [
        (
            "people/test.yaml",
            ("org/alpha", "org/nowhere"),
            "people/test.yaml:7: roles.1.organization: 'org/nowhere' is not an organization",
        ),
        (
            "people/test.yaml",
            ("org/alpha", "doc/beta-resolution"),
            "people/test.yaml:7: roles.1.organization: 'doc/beta-resolution' is not an "
            "organization of the dataset",
        ),
        (
            "people/test.yaml",
            ('    as_of: "2026-12-07"\n', ""),
            "people/test.yaml:7: roles.1.as_of: missing (required for every role)",
        ),
        (
            "people/test.yaml",
            ("    source: 1\n", ""),
            "people/test.yaml:7: roles.1.source: missing (required for every role)",
        ),
        (
            "people/test.yaml",
            ("source: 1", "source: 4"),
            "people/test.yaml:11: roles.1.source: there is no source number 4",
        ),
        (
            "people/test.yaml",
            ("{en: Executive Secretary, es:", "{es:"),
            "people/test.yaml:8: roles.1.role: must give the role in English",
        ),
        (
            "people/test.yaml",
            ('since: "2022-10"', 'since: "2022-13"'),
            "people/test.yaml:9: roles.1.since: '2022-13'",
        ),
        (
            "people/test.yaml",
            ('since: "2022-10"', 'since: "2022-10"\n    until: "2021"'),
            "people/test.yaml:10: roles.1.until: '2021' is before 'since' ('2022-10')",
        ),
        (
            "people/test.yaml",
            ("    since:", "    phone: '+1 555'\n    since:"),
            "people/test.yaml:9: roles.1.phone: unknown field (allowed: organization, role,",
        ),
        (
            "people/test.yaml",
            ("roles:\n", "roles: []\nx:\n"),
            "people/test.yaml:6: roles: a person needs at least one role",
        ),
        (
            "people/test.yaml",
            ("sources:", "birth: '1960'\nsources:"),
            "people/test.yaml:12: birth: unknown field for a person",
        ),
        (
            "countries/testland.yaml",
            ("iso: MX", "iso: mx"),
            "countries/testland.yaml:2: iso: 'mx' is not an ISO 3166-1 alpha-2 country code",
        ),
        (
            "countries/testland.yaml",
            ("iso: MX", "iso: XX"),
            "countries/testland.yaml:2: iso: 'XX' is not an ISO 3166-1 alpha-2 country code",
        ),
        (
            "countries/testland.yaml",
            ("iso: MX", "iso: MEX"),
            "countries/testland.yaml:2: iso: 'MEX' is not an ISO 3166-1 alpha-2 country code",
        ),
        (
            "countries/testland.yaml",
            ("iso: MX\n", ""),
            "countries/testland.yaml:1: iso: missing (required for a country)",
        ),
        (
            "countries/testland.yaml",
            ("region: latin-america-caribbean", "region: atlantis"),
            "countries/testland.yaml:3: region: unknown value 'atlantis'",
        ),
        (
            "countries/testland.yaml",
            ("has_framework, target: doc/beta-resolution", "has_framework, target: org/alpha"),
            "countries/testland.yaml:9: relations.1.target: a 'has_framework' link goes to a "
            "document; 'org/alpha' is not one",
        ),
        (
            "countries/testland.yaml",
            ("has_national_body, target: org/alpha", "has_national_body, target: init/gamma"),
            "countries/testland.yaml:10: relations.2.target: a 'has_national_body' link goes to "
            "an organization",
        ),
        (
            "organizations/test.yaml",
            ('as_of: "2025-10", ', ""),
            "organizations/test.yaml:8: headquarters.as_of: missing: the date the cited source",
        ),
        (
            "organizations/test.yaml",
            (", source: 1}", "}"),
            "organizations/test.yaml:8: headquarters.source: missing: the number of an entry",
        ),
        (
            "organizations/test.yaml",
            ("source: 1}", "source: 9}"),
            "organizations/test.yaml:8: headquarters.source: there is no source number 9",
        ),
        (
            "organizations/test.yaml",
            ("source: doc/beta-resolution", "source: doc/nothing"),
            "organizations/test.yaml:9: founded.source: 'doc/nothing' is not a document",
        ),
        (
            "organizations/test.yaml",
            ('value: "1999-05"', 'value: "May 1999"'),
            "organizations/test.yaml:9: founded.value: 'May 1999'",
        ),
        (
            "organizations/test.yaml",
            ('{unknown: true, checked: "2026-12-07"}', "{unknown: true}"),
            "organizations/test.yaml:10: website.checked: missing",
        ),
        (
            "organizations/test.yaml",
            ("{unknown: true,", "{unknown: maybe,"),
            "organizations/test.yaml:10: website.unknown: must be true",
        ),
        (
            "organizations/test.yaml",
            ("{unknown: true,", "{unknown: true, value: x,"),
            "organizations/test.yaml:10: website.value: an unknown fact has only",
        ),
        (
            "organizations/test.yaml",
            ("type: network", "type: {unknown: true, checked: '2026-12-07'}"),
            "organizations/test.yaml:6: type: 'unknown' is only allowed for the changeable "
            "facts (headquarters of an organization, founded of an organization, website of "
            "an organization)",
        ),
        (
            "organizations/test.yaml",
            ("country: country/testland", "country: org/alpha"),
            "organizations/test.yaml:7: country: 'org/alpha' is not a country of the dataset",
        ),
        (
            "organizations/test.yaml",
            ("sources:", "relations:\n  - {type: based_in, target: country/testland}\nsources:"),
            "organizations/test.yaml:12: relations.1.type: 'based_in' links are made by the "
            "build from the field 'country'",
        ),
        (
            "organizations/test.yaml",
            ("sources:", "relations:\n  - {type: held_in, target: country/testland}\nsources:"),
            "organizations/test.yaml:12: relations.1.type: 'held_in' links are made by the "
            "build from the field 'country'",
        ),
    ],
)
def test_bad_values_are_reported_where_they_are(
    tmp_path: Path, file: str, change: tuple[str, str], expected: str
) -> None:
    files = good()
    assert change[0] in files[file], change
    files[file] = files[file].replace(*change, 1)
    found = problems_for(tmp_path, files)
    assert any(p.startswith(expected) for p in found), found


def test_unknown_is_refused_on_an_event_date(tmp_path: Path) -> None:
    event = """\
    id: event/test
    names:
      en: {name: A test event}
    summary:
      en: A test.
    date: {unknown: true, checked: "2026-12-07"}
    sources:
      - doc: doc/beta-resolution
    """
    found = problems_for(tmp_path, {"events/test.yaml": event})
    assert any(
        p.startswith("events/test.yaml:6: date: 'unknown' is only allowed for the changeable")
        for p in found
    ), found
