"""Record pages of the new data: people, countries, dated facts and explicit unknowns."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QUrl


@pytest.fixture
def kinds_window(make_window: Any, kinds_db: Any) -> Any:
    return make_window(db=kinds_db)


def _text(window: Any, record_id: str) -> str:
    assert window.record_view.open(record_id)
    return " ".join(window.record_view.browser.toPlainText().replace("\u202f", " ").split())


def test_person_page_lists_roles_with_organization_links(kinds_window: Any) -> None:
    text = _text(kinds_window, "person/ada-example")
    for expected in (
        "Person",
        "Roles",
        "Executive Secretary, Alpha Cooperative Alliance (ACA) · since Oct 2022 · "
        "as of 20 November 2026 · source 1",
        "Chair, Beta Task Force on Solidarity Economy (BTF) · 2015–2019 · as of June 2019",
    ):
        assert expected in text, expected
    view = kinds_window.record_view
    assert "record:org/alpha" in view.page.html  # the organization is a link
    view.browser.anchorClicked.emit(QUrl("record:org/alpha"))
    assert view.current == "org/alpha"


def test_organization_page_lists_the_people_holding_roles(kinds_window: Any) -> None:
    text = _text(kinds_window, "org/alpha")
    assert "People Ada Example, Executive Secretary · since Oct 2022" in text
    assert "record:person/ada-example" in kinds_window.record_view.page.html


def test_country_page_shows_iso_region_laws_bodies_and_organizations(kinds_window: Any) -> None:
    text = _text(kinds_window, "country/examplia")
    for expected in (
        "ISO code MX",
        "Region Latin America and the Caribbean",
        "SSE laws and policies Promoting the solidarity economy for sustainable development",
        "National bodies Delta National Agency for the Solidarity Economy",
        "Organizations based here Delta National Agency for the Solidarity Economy",
    ):
        assert expected in text, expected
    # The country's own laws come first among its related records.
    assert text.index("SSE laws and policies") < text.index("Organizations based here")


def test_dated_and_unknown_facts_on_an_organization_page(kinds_window: Any) -> None:
    text = _text(kinds_window, "org/delta-agency")
    assert "Headquarters Example City (as of October 2025 · source 1)" in text
    assert "Founded 23 May 2012 (as of 20 November 2026 · Promoting the solidarity" in text
    assert "Website Unknown (no source found; checked 20 November 2026)" in text
    assert "Country Examplia" in text


def test_unknown_is_localized(kinds_window: Any) -> None:
    kinds_window.actions_.languages["fr"].trigger()
    try:
        text = _text(kinds_window, "org/delta-agency")
        assert "Inconnu (aucune source trouvée ; vérifié le 20 novembre 2026)" in text
        assert "Siège Example City (état : octobre 2025 · source 1)" in text
    finally:
        kinds_window.actions_.languages["en"].trigger()
