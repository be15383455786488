"""What changed between two databases: added, removed, and field-level changes."""

from __future__ import annotations

import shutil
from pathlib import Path

from sseref.core.datadiff import changes_from_json, diff_databases
from sseref.ingest.build import build_database
from tests.conftest import FIXTURE_DATA
from tests.packhelpers import edited_data


def test_field_level_changes(tmp_path: Path) -> None:
    old = build_database(FIXTURE_DATA, tmp_path / "old.db").database
    data = edited_data(
        tmp_path / "d",
        seat="Nairobi, Kenya",
        drop_gamma=True,
        summary="A fictional federation of cooperatives, edited.",
    )
    new = build_database(data, tmp_path / "new.db").database
    changes = diff_databases(old, new)
    assert [r.id for r in changes.removed] == ["init/gamma"]
    assert changes.removed[0].title == "Gamma Working Group on Finance"
    assert changes.added == []
    changed = {r.id: r for r in changes.changed}
    alpha = changed["org/alpha"]
    texts = [f.text() for f in alpha.fields]
    assert "Seat: Geneva, Switzerland → Nairobi, Kenya" in texts
    assert any(t.startswith("Summary (en): A fictional federation") for t in texts)
    assert alpha.title == "Alpha Cooperative Alliance" and alpha.kind == "organization"
    # Relations are compared on the record that declares them: the task force, which gamma
    # pointed to, is not listed as changed.
    assert set(changed) == {"org/alpha"}
    assert changes.marks() == {"org/alpha": "changed"}
    again = changes_from_json(changes.to_json())
    assert again.to_json() == changes.to_json()


def test_added_record_and_no_changes(tmp_path: Path) -> None:
    small = edited_data(tmp_path / "small", drop_gamma=True)
    old = build_database(small, tmp_path / "old.db").database
    new = build_database(FIXTURE_DATA, tmp_path / "new.db").database
    changes = diff_databases(old, new)
    assert [(r.id, r.kind) for r in changes.added] == [("init/gamma", "initiative")]
    assert changes.marks() == {"init/gamma": "added"}
    assert diff_databases(new, new).empty


def test_dated_and_unknown_facts_and_roles_show_as_changes(
    kinds_data: Path, tmp_path: Path
) -> None:

    old = tmp_path / "old.db"
    build_database(kinds_data, old)
    data = tmp_path / "data"
    shutil.copytree(kinds_data, data)
    org = data / "organizations" / "delta-agency.yaml"
    text = org.read_text("utf-8")
    text = text.replace('as_of: "2025-10"', 'as_of: "2026-11"')
    text = text.replace(
        'website: {unknown: true, checked: "2026-11-20"}', "website: https://example.org/delta"
    )
    org.write_text(text, "utf-8")
    person = data / "people" / "ada-example.yaml"
    person.write_text(person.read_text("utf-8").replace('until: "2019"', 'until: "2020"'), "utf-8")
    new = tmp_path / "new.db"
    build_database(data, new)
    changes = diff_databases(old, new)
    texts = {r.id: [f.text(limit=500) for f in r.fields] for r in changes.changed}
    assert texts["org/delta-agency"] == [
        "Seat: Example City (as of 2025-10) → Example City (as of 2026-11)",
        "Website: unknown (checked 2026-11-20) → https://example.org/delta",
    ]
    assert texts["person/ada-example"] == [
        "Roles: org/alpha Executive Secretary (2022-10) as of 2026-11-20; org/beta-task-force "
        "Chair (2015–2019) as of 2019-06 → org/alpha Executive Secretary (2022-10) as of "
        "2026-11-20; org/beta-task-force Chair (2015–2020) as of 2019-06"
    ]
