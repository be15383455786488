"""The meeting pack widget: add, reorder, remove, name; saved at once; damaged file reported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sseref.core.db import Database
from sseref.core.userdata import MeetingPackStore


def make(qtbot, db: Database, folder: Path):  # type: ignore[no-untyped-def]
    from sseref.gui.meeting_pack import MeetingPackWidget

    widget = MeetingPackWidget(db, MeetingPackStore(folder))
    qtbot.addWidget(widget)
    return widget


def titles(widget) -> list[str]:  # type: ignore[no-untyped-def]
    return [widget.list.item(i).text() for i in range(widget.list.count())]


def test_collect_reorder_remove_and_persist(qtbot, fixture_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    widget = make(qtbot, fixture_db, tmp_path)
    assert widget.record_ids() == [] and not widget.export_button.isEnabled()
    assert widget.add_records(["org/alpha", "event/1978-conference", "org/nope"]) == 2
    assert titles(widget)[0].startswith("Alpha Cooperative Alliance (ACA)")
    widget.list.item(1).setSelected(True)
    widget.up_button.click()
    assert widget.record_ids() == ["event/1978-conference", "org/alpha"]
    widget.name_edit.setText("Board meeting")
    widget.name_edit.editingFinished.emit()
    widget.list.clearSelection()
    widget.list.item(0).setSelected(True)
    widget.remove_button.click()
    again = make(qtbot, fixture_db, tmp_path)
    assert again.record_ids() == ["org/alpha"]
    assert again.name_edit.text() == "Board meeting"
    assert again.options()["meeting_name"] == "Board meeting"


def test_pack_from_search_results(qtbot, fixture_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    widget = make(qtbot, fixture_db, tmp_path)
    widget.add_records(["org/alpha"])
    widget.set_records(["term/cooperative", "doc/beta-resolution"])
    assert widget.record_ids() == ["term/cooperative", "doc/beta-resolution"]


def test_adding_a_record_updates_the_windows_open_pack(window: Any) -> None:
    """The main window owns one pack window: "Add to meeting pack" shows there at once."""
    window.actions_.meeting_pack.trigger()
    dialog = window.meeting_pack.dialog
    assert dialog.isVisible() and dialog.widget.record_ids() == []
    window.record_view.open("org/alpha")
    window.actions_.add_to_pack.trigger()
    assert dialog.widget.record_ids() == ["org/alpha"]
    assert window.status_label.text() == "Added to the meeting pack"
    window.actions_.add_to_pack.trigger()
    assert window.status_label.text() == "Already in the meeting pack"
    window.actions_.meeting_pack.trigger()
    assert window.meeting_pack.dialog is dialog  # the same window, not a second one
    dialog.close()


def test_export_from_the_pack(
    qtbot,
    fixture_db: Database,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sseref.gui import printing

    calls = []
    monkeypatch.setattr(printing, "export_pdf", lambda *a, **k: calls.append((a[2], a[3], k)))
    widget = make(qtbot, fixture_db, tmp_path)
    widget.add_records(["org/alpha", "term/cooperative"])
    widget.export_button.click()
    ids, _lang, options = calls[0]
    assert ids == ["org/alpha", "term/cooperative"] and "paper" in options


def test_damaged_pack_file_is_reported(
    qtbot,
    fixture_db: Database,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    (tmp_path / "meeting-pack.json").write_text("{broken", encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: shown.append(a[2])))
    widget = make(qtbot, fixture_db, tmp_path)
    widget.show()
    assert shown and "damaged" in shown[0]
    assert any(p.name.startswith("meeting-pack.damaged-") for p in tmp_path.iterdir())
