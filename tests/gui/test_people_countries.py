"""The People and Countries panels, and the Organizations panel's country filter, on a small
dataset (the fixtures, tests/fixtures/kinds and two more records written here)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.gui.guihelpers import type_text

SECOND_PERSON = """\
id: person/bruno-sample
names:
  en: {name: Bruno Sample}
summary:
  en: A fictional person used by the tests, Director of the Delta agency.
themes: [ssc]
roles:
  - organization: org/delta-agency
    role: {en: "Director", es: "Director", fr: "Directeur"}
    since: "2020-03"
    as_of: "2026-10-01"
    source: 1
sources:
  - title: Test page about Bruno Sample
    publisher: Example
    url: https://example.org/bruno
    checked: "2026-11-20"
"""

SECOND_COUNTRY = """\
id: country/samplonia
iso: FR
region: europe
names:
  en: {name: Samplonia}
  es: {name: Samplonia}
  fr: {name: Samplonie}
summary:
  en: A fictional country used by the tests, seat of the Beta Task Force.
themes: [sse]
sources:
  - title: Test page about Samplonia
    publisher: Example
    url: https://example.org/samplonia
    checked: "2026-11-20"
"""


@pytest.fixture(scope="module")
def people_db_path(kinds_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two people, two countries; the Beta Task Force based in the second country."""
    from sseref.ingest.build import build_database

    data = tmp_path_factory.mktemp("people-data") / "data"
    shutil.copytree(kinds_data, data)
    (data / "people" / "bruno-sample.yaml").write_text(SECOND_PERSON, "utf-8")
    (data / "countries" / "samplonia.yaml").write_text(SECOND_COUNTRY, "utf-8")
    beta = data / "organizations" / "beta-task-force.yaml"
    beta.write_text(
        beta.read_text("utf-8").replace(
            "region: global\n", "region: global\ncountry: country/samplonia\n"
        ),
        "utf-8",
    )
    path = tmp_path_factory.mktemp("people-db") / "sseref.db"
    build_database(data, path)
    return path


@pytest.fixture
def kinds_window(make_window: Any, people_db_path: Path) -> Iterator[Any]:
    from sseref.core.db import Database

    db = Database(people_db_path)
    yield make_window(db=db)
    db.close()


def _ids(panel: Any) -> list[str]:
    return panel.model.ids()


def _row(panel: Any, row: int) -> list[str]:
    return [panel.model.index(row, c).data() for c in range(panel.model.columnCount())]


def _headers(panel: Any) -> list[str]:
    header = panel.table.horizontalHeader()
    return [header.model().headerData(c, Qt.Orientation.Horizontal) for c in range(header.count())]


def test_people_list_their_current_role_and_filter(kinds_window: Any, qtbot: Any) -> None:
    window = kinds_window
    window.show_panel("people")
    panel = window.panels["people"]
    assert window.current_panel_key() == "people"
    assert _headers(panel) == ["Name", "Role", "Organization", "As of"]
    assert _ids(panel) == ["person/ada-example", "person/bruno-sample"]  # by name
    # Ada's current role first, with the other one counted; the date as the list shows dates.
    assert _row(panel, 0) == [
        "Ada Example",
        "Executive Secretary (+1 more)",
        "ACA",  # the organization's acronym
        "20 Nov 2026",
    ]
    assert _row(panel, 1)[1:3] == ["Director", "DNA"]
    # By organization: only who holds (or held) a role there, and that role.
    panel.organization_combo.set_value("org/beta-task-force")
    assert _ids(panel) == ["person/ada-example"]
    assert _row(panel, 0)[1] == "Chair (until 2019)"
    panel.organization_combo.set_value(None)
    panel.period_combo.set_value("past")
    assert _ids(panel) == ["person/ada-example"]
    panel.period_combo.set_value("current")
    assert _ids(panel) == ["person/ada-example", "person/bruno-sample"]
    panel.period_combo.set_value(None)
    panel.theme_combo.set_value("ssc")
    assert _ids(panel) == ["person/bruno-sample"]
    panel.theme_combo.set_value(None)
    type_text(qtbot, panel.search, "bruno")
    qtbot.waitUntil(lambda: _ids(panel) == ["person/bruno-sample"])


def test_people_sort_by_each_column(kinds_window: Any) -> None:
    window = kinds_window
    window.show_panel("people")
    panel = window.panels["people"]
    panel.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # Director < Executive Secretary
    assert _ids(panel) == ["person/bruno-sample", "person/ada-example"]
    panel.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert _ids(panel) == ["person/ada-example", "person/bruno-sample"]
    panel.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # ACA < DNA
    assert _ids(panel) == ["person/ada-example", "person/bruno-sample"]
    panel.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)  # 2026-10-01 < 2026-11-20
    assert _ids(panel) == ["person/bruno-sample", "person/ada-example"]
    panel.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert _ids(panel) == ["person/bruno-sample", "person/ada-example"]


def test_selecting_a_person_or_a_country_opens_its_record(kinds_window: Any, qtbot: Any) -> None:
    window = kinds_window
    for key, record in (("people", "person/bruno-sample"), ("countries", "country/samplonia")):
        window.show_panel(key)
        panel = window.panels[key]
        panel.table.selectRow(_ids(panel).index(record))
        qtbot.waitUntil(lambda r=record: window.record_view.current == r)
        # Enter on the row gives the record page the keyboard.
        panel.table.setFocus()
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
        assert window.record_view.current == record


def test_countries_list_their_links_filter_and_sort(kinds_window: Any, qtbot: Any) -> None:
    window = kinds_window
    window.show_panel("countries")
    panel = window.panels["countries"]
    assert _headers(panel) == [
        "Name",
        "ISO code",
        "Region",
        "Laws and policies",
        "National bodies",
        "Based there",
    ]
    assert _ids(panel) == ["country/examplia", "country/samplonia"]
    assert _row(panel, 0) == [
        "Examplia",
        "MX",
        "Latin America and the Caribbean",
        "1",
        "1",
        "1",  # the Delta agency (its `country` field)
    ]
    assert _row(panel, 1) == ["Samplonia", "FR", "Europe", "", "", "1"]
    panel.region_combo.set_value("europe")
    assert _ids(panel) == ["country/samplonia"]
    panel.region_combo.set_value(None)
    panel.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # FR < MX
    assert _ids(panel) == ["country/samplonia", "country/examplia"]
    panel.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # the most laws first
    assert _ids(panel) == ["country/examplia", "country/samplonia"]
    panel.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    assert _ids(panel) == ["country/samplonia", "country/examplia"]
    type_text(qtbot, panel.search, "Ejemplia")  # a name in another language
    qtbot.waitUntil(lambda: _ids(panel) == ["country/examplia"])


def test_organizations_filter_by_country(kinds_window: Any) -> None:
    window = kinds_window
    window.show_panel("organizations")
    panel = window.panels["organizations"]
    combo = panel.country_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "All countries",
        "Examplia",
        "Samplonia",
    ]
    panel.country_combo.set_value("country/examplia")
    assert _ids(panel) == ["org/delta-agency"]
    panel.country_combo.set_value("country/samplonia")
    assert _ids(panel) == ["org/beta-task-force"]
    panel.country_combo.set_value(None)
    assert len(_ids(panel)) == 3


def test_new_panels_in_the_rail_the_go_menu_and_their_shortcuts(kinds_window: Any) -> None:
    window = kinds_window
    actions = window.actions_
    rail = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert rail[-2:] == ["People", "Countries"]
    assert actions.panels["people"] in actions.menus["go"].actions()
    assert actions.panels["people"].shortcut().toString() == "Ctrl+6"
    assert actions.panels["countries"].shortcut().toString() == "Ctrl+7"
    actions.panels["countries"].trigger()
    assert window.current_panel_key() == "countries"
    assert window.nav.currentRow() == 6
    window.nav.setCurrentRow(5)
    assert window.current_panel_key() == "people"
    # F1's list of shortcuts is read from the actions: the new ones are in it.
    help_rows = dict(actions.shortcut_rows())
    assert help_rows["Ctrl+6"] == "People" and help_rows["Ctrl+7"] == "Countries"


def test_the_new_panels_follow_the_language_and_remember_filters(
    kinds_window: Any, make_window: Any, people_db_path: Path
) -> None:
    from sseref.core.db import Database

    window = kinds_window
    window.show_panel("organizations")
    organizations = window.panels["organizations"]
    assert _ids(organizations) == ["org/alpha", "org/beta-task-force", "org/delta-agency"]
    window.show_panel("countries")
    panel = window.panels["countries"]
    panel.region_combo.set_value("europe")
    panel.table.selectRow(0)
    assert window.record_view.current == "country/samplonia"
    window.set_language_choice("es")
    # The open record stays selected in the list asked again in the new language.
    assert panel.model.id_at(panel.table.currentIndex().row()) == "country/samplonia"
    assert panel.table.selectionModel().isRowSelected(0)
    try:
        # Lists are ordered by name in the new language (Agencia, Alianza, Grupo).
        assert _ids(organizations) == ["org/delta-agency", "org/alpha", "org/beta-task-force"]
        assert panel.heading.text() == "Países"
        assert _headers(panel)[0:2] == ["Nombre", "Código ISO"]
        assert _row(panel, 0)[0:3] == ["Samplonia", "FR", "Europa"]
        window.show_panel("people")
        people = window.panels["people"]
        assert _row(people, 0)[1] == "Secretaria Ejecutiva (+1 más)"
        assert _row(people, 1)[2] == "ANDES"  # the Spanish acronym
    finally:
        window.set_language_choice("en")
    window.show_panel("countries")
    window.close()  # saves the panel and its filters
    db = Database(people_db_path)
    try:
        again = make_window(db=db)
        assert again.current_panel_key() == "countries"
        assert again.panels["countries"].region_combo.value() == "europe"
        assert _ids(again.panels["countries"]) == ["country/samplonia"]
    finally:
        db.close()


def test_values_the_database_cannot_sort_keep_missing_ones_last() -> None:
    from sseref.gui.panels.base import sort_by

    ids = ["a", "b", "c", "d"]
    values = {"a": 2, "b": None, "c": 1, "d": 2}
    assert sort_by(ids, values.get) == ["c", "a", "d", "b"]
    assert sort_by(ids, values.get, descending=True) == ["a", "d", "c", "b"]  # ties keep order


def test_the_new_panels_models_pass_the_model_tester(kinds_window: Any, qtmodeltester: Any) -> None:
    for key in ("people", "countries"):
        panel = kinds_window.panels[key]
        panel.ensure_loaded()
        assert panel.model.rowCount() == 2, key
        qtmodeltester.check(panel.model)


def test_history_filters_events_by_the_country_they_were_held_in(kinds_window: Any) -> None:
    window = kinds_window
    window.show_panel("history")
    panel = window.panels["history"]
    panel.set_mode("list")
    combo = panel.country_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["All countries", "Examplia"]
    everything = _ids(panel)
    combo.set_value("country/examplia")
    assert _ids(panel) == ["event/2019-examplia-forum"]
    combo.set_value(None)
    assert _ids(panel) == everything and len(everything) > 1
