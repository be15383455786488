"""File → Update data from file… and Help → Data versions, driven like a user would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget

from sseref.core import packstore, paths
from sseref.core.packformat import verify_pack
from sseref.gui.data_update import UpdateDialog, VersionsDialog, open_update, open_versions

WAIT = 60_000  # generous: the check runs on a worker thread on a shared machine


def texts(tree: QTreeWidget) -> list[str]:
    out: list[str] = []

    def walk(item: Any) -> None:
        out.append(item.text(0))
        for i in range(item.childCount()):
            walk(item.child(i))

    for i in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(i))
    return out


def checked(qtbot: Any, dialog: UpdateDialog) -> UpdateDialog:
    qtbot.waitUntil(lambda: dialog.state not in ("checking", "installing"), timeout=WAIT)
    return dialog


def test_menus_hold_the_commands(window: Any) -> None:
    actions = window.actions_
    assert actions.update_data in actions.menus["file"].actions()
    assert actions.data_versions in actions.menus["help"].actions()
    assert actions.update_data.text() == "&Update data from file…"


def test_update_shows_what_changed_then_installs(pack_env, window: Any, qtbot: Any) -> None:
    dialog = checked(qtbot, open_update(window, pack_env.v2))
    assert dialog.state == "ready"
    lines = texts(dialog.tree)
    assert "Seat: Geneva, Switzerland → Nairobi, Kenya" in lines
    assert any(line.startswith("Removed (1)") for line in lines)
    assert any("init/gamma" in line for line in lines)
    assert "2 changed" not in dialog.summary.text() and "1 removed" in dialog.summary.text()
    assert dialog.install_button.isEnabled()
    assert paths.applied_data_dir() is None  # nothing written by the check
    qtbot.mouseClick(dialog.install_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "installed", timeout=WAIT)
    assert paths.applied_data_dir() is not None
    assert packstore.in_use().data_version == verify_pack(pack_env.v2).manifest.data_version
    assert dialog.restart_button.isVisible() and not dialog.install_button.isVisible()
    dialog.restart_button.click()
    assert window.restart_requested is True
    assert not window.isVisible()


def test_cancel_changes_nothing(pack_env, window: Any, qtbot: Any) -> None:
    dialog = checked(qtbot, open_update(window, pack_env.v1))
    dialog.close_button.click()
    assert not dialog.isVisible()
    assert paths.applied_data_dir() is None


def test_refused_pack_says_why(pack_env, window: Any, qtbot: Any, tmp_path: Path) -> None:
    dialog = checked(qtbot, open_update(window, pack_env.unknown_key))
    assert dialog.state == "refused"
    assert "unknown key" in dialog.summary.text()
    assert not dialog.install_button.isEnabled()
    cut = tmp_path / "cut.sserefpack"
    cut.write_bytes(pack_env.v1.read_bytes()[:5000])
    dialog = checked(qtbot, open_update(window, cut))
    assert dialog.state == "refused" and "damaged" in dialog.summary.text()
    assert not paths.packs_dir().exists()


def test_older_pack_needs_the_downgrade_box(pack_env, window: Any, qtbot: Any) -> None:
    packstore.apply_pack(pack_env.v2)
    dialog = checked(qtbot, open_update(window, pack_env.v1))
    assert dialog.state == "ready" and dialog.downgrade.isVisibleTo(dialog)
    assert not dialog.install_button.isEnabled()
    dialog.downgrade.setChecked(True)
    assert dialog.install_button.isEnabled()
    dialog.install()
    qtbot.waitUntil(lambda: dialog.state == "installed", timeout=WAIT)
    assert packstore.in_use().data_version == verify_pack(pack_env.v1).manifest.data_version


def test_versions_dialog_lists_and_goes_back(pack_env, window: Any, qtbot: Any) -> None:
    packstore.apply_pack(pack_env.v1)
    packstore.apply_pack(pack_env.v2)
    dialog = open_versions(window)
    assert isinstance(dialog, VersionsDialog)
    rows = [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())]
    # The status bar's date style (gui.labels.date_label), as everywhere in the window.
    assert [r.text(1) for r in rows] == ["1 Feb 2027", "1 Jan 2027", "1 Jan 2026"]
    assert rows[0].text(3) == "in use" and rows[2].text(0) == "Bundled with the program"
    assert not dialog.use_button.isEnabled()  # the version in use is selected
    dialog.back_button.click()
    assert packstore.in_use().as_of == "2027-01-01T00:00:00Z"
    assert "next start" in dialog.message.text() and dialog.restart_button.isVisibleTo(dialog)
    bundled = next(
        dialog.tree.topLevelItem(i)
        for i in range(dialog.tree.topLevelItemCount())
        if dialog.tree.topLevelItem(i).text(0) == "Bundled with the program"
    )
    dialog.tree.setCurrentItem(bundled)
    assert dialog.use_button.isEnabled()
    dialog.use_button.click()
    assert packstore.in_use().name is None and paths.applied_data_dir() is None
    assert not dialog.back_button.isEnabled()
    dialog.close()


def test_actions_open_the_dialogs(pack_env, window: Any, qtbot: Any, monkeypatch) -> None:
    from sseref.gui import data_update

    monkeypatch.setattr(data_update, "choose_pack", lambda _parent: None)
    window.actions_.update_data.trigger()  # the file chooser was cancelled: nothing opens
    assert not [w for w in window.findChildren(UpdateDialog) if w.isVisible()]
    window.actions_.data_versions.trigger()
    shown = [w for w in window.findChildren(VersionsDialog) if w.isVisible()]
    assert len(shown) == 1
    shown[0].close()


def test_record_pages_mark_what_the_last_update_changed(
    pack_env, make_window: Any, qtbot: Any
) -> None:
    from sseref.core.db import Database

    packstore.apply_pack(pack_env.v2)
    db = Database(paths.database_path())
    try:
        window = make_window(db=db)
        view = window.record_view
        assert view.open("org/alpha")
        # Fields in the page's order: names and summaries first, then the other fields.
        assert "Changed in the last data update: Summary (en), Seat." in view.page.html
        assert "update-mark" in view.browser.toHtml() or "last data update" in (
            view.browser.toPlainText()
        )
        assert view.open("org/beta-task-force")
        assert "last data update" not in view.page.html
    finally:
        window.close()
        db.close()


def test_bundled_data_has_no_marks(pack_env, window: Any) -> None:
    assert window.record_view.open("org/alpha")
    assert "last data update" not in window.record_view.page.html


def test_look_for_updates_in_a_folder(pack_env, window: Any, qtbot: Any, tmp_path: Path) -> None:
    import shutil

    from sseref.gui.data_update import FindPacksDialog, open_find_packs

    stick = tmp_path / "usb"
    (stick / "updates").mkdir(parents=True)
    shutil.copyfile(pack_env.v1, stick / "v1.sserefpack")
    shutil.copyfile(pack_env.v2, stick / "updates" / "v2.sserefpack")
    shutil.copyfile(pack_env.unknown_key, stick / "stranger.sserefpack")
    (stick / "notes.txt").write_text("not a pack", "utf-8")
    dialog = open_find_packs(window, [stick])
    assert isinstance(dialog, FindPacksDialog)
    rows = [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())]
    assert [Path(r.text(0)).name for r in rows] == [
        "v2.sserefpack",
        "v1.sserefpack",
        "stranger.sserefpack",
    ]
    assert rows[0].text(2) == "newer than the data in use"
    assert "unknown key" in rows[2].text(2)
    update = checked(qtbot, dialog.open_selected())
    assert update.pack == stick / "updates" / "v2.sserefpack" and update.state == "ready"
    update.close()


def test_look_for_updates_action_scans_removable_drives(
    pack_env, window: Any, monkeypatch, tmp_path: Path
) -> None:
    from sseref.core import packsearch
    from sseref.gui.data_update import FindPacksDialog

    monkeypatch.setattr(packsearch, "removable_roots", lambda: [])
    window.actions_.find_updates.trigger()
    shown = [w for w in window.findChildren(FindPacksDialog) if w.isVisible()]
    assert len(shown) == 1 and shown[0].tree.topLevelItemCount() == 0
    assert "no removable drive" in shown[0].intro.text()
    shown[0].close()


def test_long_change_lists_are_cut_with_a_count(qtbot: Any, monkeypatch) -> None:
    from sseref.core.datadiff import Changes, RecordChange
    from sseref.gui import data_update

    monkeypatch.setattr(data_update, "SHOWN_PER_GROUP", 3)
    tree = QTreeWidget()
    qtbot.addWidget(tree)
    added = [RecordChange(f"org/x{i}", "organization", f"X {i}") for i in range(5)]
    data_update.changes_tree(tree, Changes(added=added))
    lines = texts(tree)
    assert lines[0] == "Added (5)" and "… and 2 more" in lines
    assert sum(1 for line in lines if line.startswith("X ")) == 3
