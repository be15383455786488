"""The shared site's record pages for the new data: people, countries, dated and unknown facts."""

from __future__ import annotations

from typing import Any

from sseref.report.render import escape
from sseref.share.pages import Pages


def _no_search(query: str, lang: str) -> Any:
    raise AssertionError("a record page does not search")


def test_person_country_and_dated_facts_on_the_shared_site(kinds_db: Any) -> None:
    pages = Pages(kinds_db, _no_search, pdf=False)

    def page(lang: str, record_id: str) -> str:  # short labels keep their words together
        return (pages.record(lang, record_id) or "").replace("\xa0", " ").replace("\u202f", " ")

    person = page("fr", "person/ada-example")
    assert "<h2>Fonctions</h2>" in person and "Secrétaire exécutive" in person
    assert "source 1" in person
    country = page("es", "country/examplia")
    assert "Código ISO" in country and "MX" in country
    # The country's laws first, then its bodies, then the organizations based there; as links.
    laws, bodies = "Leyes y políticas de ESS", "Organismos nacionales"
    assert country.index(laws) < country.index(bodies) < country.index("Organizaciones con sede")
    assert 'href="/r/doc/beta-resolution"' in country
    org = page("en", "org/delta-agency")
    assert escape("Unknown (no source found; checked 20 November 2026)") in org
    assert "as of October 2025, source 1" in org
