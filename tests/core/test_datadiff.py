"""What changed between two databases: added, removed, and field-level changes."""

from __future__ import annotations

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
