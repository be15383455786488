"""People are found by their roles and organizations; countries by name and ISO code."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sseref.core.db import Database
from sseref.search.engine import SearchEngine
from sseref.search.lifecycle import rebuild
from tests.search.conftest import ids


@pytest.fixture(scope="module")
def engine(kinds_db_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchEngine]:
    db = Database(kinds_db_path)
    try:
        folder = rebuild(db, tmp_path_factory.mktemp("kinds-index") / "index")
    finally:
        db.close()
    found = SearchEngine(folder)
    yield found
    found.close()


@pytest.mark.parametrize(
    "query",
    [
        "Executive Secretary ACA",
        "executive secretary Alpha Cooperative Alliance",
        "secretaria ejecutiva alianza",
        "Ada Example",
    ],
)
def test_a_person_is_found_by_role_and_organization(engine: SearchEngine, query: str) -> None:
    assert ids(engine, query)[0] == "person/ada-example"


def test_a_former_role_finds_the_person_too(engine: SearchEngine) -> None:
    assert "person/ada-example" in ids(engine, "chair BTF")


def test_a_country_is_found_by_its_names_and_kind(engine: SearchEngine) -> None:
    assert ids(engine, "Ejemplia")[0] == "country/examplia"
    assert ids(engine, "kind:country") == ["country/examplia"]
    assert ids(engine, "kind:person") == ["person/ada-example"]


@pytest.mark.parametrize("word", ["people", "personas", "personnes"])
def test_the_people_kind_by_its_plural_in_each_language(engine: SearchEngine, word: str) -> None:
    assert ids(engine, f"kind:{word}") == ["person/ada-example"]


@pytest.mark.parametrize("word", ["countries", "países", "pays"])
def test_the_country_kind_by_its_plural_in_each_language(engine: SearchEngine, word: str) -> None:
    assert ids(engine, f"kind:{word}") == ["country/examplia"]


@pytest.mark.parametrize(
    ("word", "kind"),
    [("people", "person"), ("persona", "person"), ("countries", "country"), ("pays", "country")],
)
def test_kind_filters_in_every_language(engine: SearchEngine, word: str, kind: str) -> None:
    assert [i.split("/")[0] for i in ids(engine, f"kind:{word}")] == [kind]


def test_a_national_body_and_a_law_are_found_with_their_country(engine: SearchEngine) -> None:
    assert ids(engine, "Examplia agency")[0] == "org/delta-agency"
    assert "doc/beta-resolution" in ids(engine, "Ejemplia resolution")
