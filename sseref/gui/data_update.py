"""File → Update data from file… and Help → Data versions: verify a pack, show what changed,
install it with progress, list the versions on this machine and go back to one.

The window keeps the database it opened; a switch takes effect when SSE Ref restarts, which the
dialogs offer to do at once (the launcher starts the program again after the window closes).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sseref.core import packstore, paths
from sseref.core.datadiff import Changes
from sseref.core.errors import SSERefError
from sseref.core.i18n import _, current_language
from sseref.core.packformat import SUFFIX, VerifiedPack, verify_pack
from sseref.gui.background import BackgroundTask
from sseref.gui.labels import date_label, kind_label
from sseref.report.render import Markup, escape, fragment, join


def as_of_label(as_of: str) -> str:
    """A version's date in the reader's language ("10 December 2026"): the one date formatter."""
    return date_label(as_of[:10], current_language()) or as_of


def _total(counts: dict[str, int]) -> int:
    return sum(counts.values())


def request_restart(window: object) -> None:
    """Asks the main window (a dialog's parent) to close and the launcher to start SSE Ref
    again, on the new data."""
    from sseref.gui.mainwindow import MainWindow

    if isinstance(window, MainWindow):
        window.request_restart()


SHOWN_PER_GROUP = 1000  # records listed per group; `sseref pack diff` lists them all


def changes_tree(tree: QTreeWidget, changes: Changes) -> None:
    """Fills `tree` with three groups: added, removed, changed (with each field's change)."""
    tree.clear()
    groups = (
        (_("Added ({n})"), changes.added),
        (_("Removed ({n})"), changes.removed),
        (_("Changed ({n})"), changes.changed),
    )
    for title, records in groups:
        group = QTreeWidgetItem(tree, [title.format(n=len(records))])
        group.setFirstColumnSpanned(True)
        for rec in records[:SHOWN_PER_GROUP]:
            item = QTreeWidgetItem(group, [f"{rec.title}  ({kind_label(rec.kind)}, {rec.id})"])
            item.setData(0, Qt.ItemDataRole.UserRole, rec.id)
            for field in rec.fields:
                child = QTreeWidgetItem(item, [field.text()])
                child.setToolTip(0, field.text(limit=2000))
        if len(records) > SHOWN_PER_GROUP:  # a whole new dataset: the list would not help
            more = len(records) - SHOWN_PER_GROUP
            QTreeWidgetItem(group, [_("… and {n} more").format(n=more)])
        group.setExpanded(len(records) <= 50)


class UpdateDialog(QDialog):
    """Checks a pack (off the UI thread), shows what it changes, installs it on request."""

    stateChanged = Signal(str)  # "checking", "ready", "refused", "installing", "installed", …

    def __init__(self, pack: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pack = Path(pack)
        self.state = "checking"
        self.verified: VerifiedPack | None = None
        self.changes: Changes | None = None
        self.task: BackgroundTask | None = None
        self.setWindowTitle(_("Update data from file"))
        self.summary = QLabel(_("Checking {file}…").format(file=self.pack.name))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(_("What changed"))
        self.downgrade = QCheckBox(_("Install this older version anyway (downgrade)"))
        self.downgrade.setVisible(False)
        self.downgrade.toggled.connect(lambda _on: self._update_buttons())
        self.buttons = QDialogButtonBox()
        self.install_button = QPushButton(_("&Install"))
        self.restart_button = QPushButton(_("&Restart now"))
        self.buttons.addButton(self.install_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.restart_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.install_button.clicked.connect(self.install)
        self.restart_button.clicked.connect(self._restart)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.downgrade)
        layout.addWidget(self.buttons)
        self.resize(640, 520)
        self._update_buttons()

    def start(self) -> UpdateDialog:
        """Verifies the pack and compares it with the data in use, behind a progress dialog."""
        pack = self.pack

        def work(progress: Any) -> tuple[VerifiedPack, Changes]:
            verified = verify_pack(pack, progress=progress)
            return verified, packstore.changes_in(verified)

        self.task = BackgroundTask(self, _("Checking the data pack…"), work)
        self.task.finished.connect(self._checked)
        self.task.start()
        return self

    def _set_state(self, state: str) -> None:
        self.state = state
        self._update_buttons()
        self.stateChanged.emit(state)

    def _update_buttons(self) -> None:
        relation = self._relation()
        can_install = self.state == "ready" and (
            relation == "newer" or (relation == "older" and self.downgrade.isChecked())
        )
        self.install_button.setEnabled(can_install)
        self.install_button.setVisible(self.state not in ("installed",))
        self.restart_button.setVisible(self.state == "installed")
        self.close_button.setText(
            _("Close") if self.state in ("installed", "refused") else _("Cancel")
        )

    def _relation(self) -> str | None:
        if self.verified is None:
            return None
        return packstore.compare(self.verified.manifest, packstore.in_use())

    def _checked(self, result: Any, error: Exception | None) -> None:
        if error is not None or result is None:
            self._refuse(str(error) if isinstance(error, SSERefError) else repr(error))
            return
        self.verified, self.changes = result
        manifest = self.verified.manifest
        key = self.verified.key.comment or self.verified.key.key_id
        relation = self._relation()
        lines = [
            _("Data as of {as_of} ({version}), {n} records, signed by {key}.").format(
                as_of=as_of_label(manifest.as_of),
                version=manifest.data_version,
                n=_total(manifest.counts),
                key=key,
            ),
            _("{added} added, {removed} removed, {changed} changed").format(
                added=len(self.changes.added),
                removed=len(self.changes.removed),
                changed=len(self.changes.changed),
            ),
        ]
        if relation == "same":
            lines.append(_("This data is already in use."))
        elif relation == "older":
            lines.append(
                _("This pack is not newer than the data in use (as of {as_of}).").format(
                    as_of=as_of_label(packstore.in_use().as_of)
                )
            )
            self.downgrade.setVisible(True)
        else:
            lines.append(
                _(
                    "Install it? Your notes, favourites and lists are kept; you can go back with "
                    "Help → Data versions."
                )
            )
        self.summary.setText(join(lines, Markup("<br>")))
        changes_tree(self.tree, self.changes)
        self._set_state("ready")

    def _refuse(self, message: str) -> None:
        self.summary.setText(
            fragment(
                "<b>{{ refused }}</b><br>{{ why }}",
                refused=_("This pack cannot be used. Nothing was changed."),
                why=message,
            )
        )
        self._set_state("refused")

    def install(self) -> None:
        """Applies the verified pack off the UI thread; the data in use switches at the end."""
        if self.verified is None or not self.install_button.isEnabled():
            return
        verified, allow = self.verified, self.downgrade.isChecked()
        self._set_state("installing")

        def work(progress: Any) -> packstore.ApplyResult:
            return packstore.apply_pack(
                verified.path,
                allow_older=allow,
                verified=verified,
                progress=lambda _step, done, total: progress(done, total),
            )

        self.task = BackgroundTask(self, _("Installing the data…"), work)
        self.task.finished.connect(self._installed)
        self.task.start()

    def _installed(self, result: Any, error: Exception | None) -> None:
        if error is not None:
            self._refuse(str(error) if isinstance(error, SSERefError) else repr(error))
            return
        self.summary.setText(
            escape(
                _("The new data is installed. Restart SSE Ref to use it (version {name}).").format(
                    name=result.name
                )
            )
        )
        self._set_state("installed")

    def _restart(self) -> None:
        self.accept()
        request_restart(self.parent())


def choose_pack(parent: QWidget) -> Path | None:
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Update data from file"),
        str(Path.home()),
        _("SSE Ref data packs (*{suffix})").format(suffix=SUFFIX),
    )
    return Path(name) if name else None


def open_update(parent: QWidget, pack: Path | None = None) -> UpdateDialog | None:
    """File → Update data from file…: asks for a pack (unless given), then checks it."""
    pack = pack or choose_pack(parent)
    if pack is None:
        return None
    dialog = UpdateDialog(pack, parent)
    dialog.open()
    return dialog.start()


class VersionsDialog(QDialog):
    """Help → Data versions: the bundled data and every installed pack; use one, go back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Data versions"))
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([_("Version"), _("Data as of"), _("Records"), _("State")])
        self.tree.setAccessibleName(_("Data versions"))
        self.tree.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.use_button = QPushButton(_("&Use this version"))
        self.back_button = QPushButton(_("&Go back one version"))
        self.update_button = QPushButton(_("&Update from file…"))
        self.restart_button = QPushButton(_("&Restart now"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in (self.use_button, self.back_button, self.update_button, self.restart_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.use_button.clicked.connect(self.use_selected)
        self.back_button.clicked.connect(self.go_back)
        self.update_button.clicked.connect(self._update_from_file)
        self.restart_button.clicked.connect(self._restart)
        self.restart_button.setVisible(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(640, 360)
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        self._rows: dict[int, tuple[str | None, bool]] = {}
        self.versions = packstore.versions()
        window_db = getattr(self.parent(), "db", None)
        opened = getattr(window_db, "path", None) or paths.database_path()
        for version in self.versions:
            state = []
            if version.active:
                state.append(_("in use"))
            if not version.usable:
                state.append(_("damaged"))
            below_floor = version.name is not None and version.as_of < (paths.bundled_as_of() or "")
            if below_floor:
                state.append(_("older than the bundled data"))
            item = QTreeWidgetItem(
                self.tree,
                [
                    version.name or _("Bundled with the program"),
                    as_of_label(version.as_of),
                    str(_total(version.counts)),
                    ", ".join(state),
                ],
            )
            # Kept on the Python side: PySide miscounts references to bools held in QVariants.
            self._rows[id(item)] = (version.name, version.usable and not below_floor)
            if version.active:
                self.tree.setCurrentItem(item)
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        self.intro.setText(
            _(
                "The program uses the newest valid data it has. Data read by this window: {path}"
            ).format(path=opened)
        )
        self._update_buttons()

    def _selected(self) -> QTreeWidgetItem | None:
        return self.tree.currentItem()

    def _update_buttons(self) -> None:
        item = self._selected()
        active = next((v for v in self.versions if v.active), None)
        name, usable = self._rows.get(id(item), (None, False))
        self.use_button.setEnabled(
            item is not None and usable and (active is None or name != active.name)
        )
        position = next((i for i, v in enumerate(self.versions) if v.active), len(self.versions))
        self.back_button.setEnabled(any(v.usable for v in self.versions[position + 1 :]))

    def use_selected(self) -> None:
        item = self._selected()
        if item is None:
            return
        name = self._rows.get(id(item), (None, False))[0]
        self._switched(lambda: packstore.switch_to(name))

    def go_back(self) -> None:
        self._switched(packstore.rollback)

    def _switched(self, switch: Any) -> None:
        try:
            now = switch()
        except SSERefError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(
            _("Data {name} (as of {as_of}) will be used from the next start.").format(
                name=now.name or _("bundled with the program"), as_of=as_of_label(now.as_of)
            )
        )
        self.restart_button.setVisible(True)
        self.refresh()

    def _update_from_file(self) -> None:
        parent = self.parent()
        self.accept()
        if isinstance(parent, QWidget):
            open_update(parent)

    def _restart(self) -> None:
        self.accept()
        request_restart(self.parent())


def open_versions(parent: QWidget) -> VersionsDialog:
    dialog = VersionsDialog(parent)
    dialog.open()
    return dialog


class FindPacksDialog(QDialog):
    """File → Look for data updates…: packs on removable drives or in a chosen folder."""

    def __init__(self, parent: QWidget | None = None, folders: list[Path] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Look for data updates"))
        self.folders = folders
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([_("File"), _("Data as of"), _("State")])
        self.tree.setAccessibleName(_("Data packs found"))
        self.tree.itemActivated.connect(lambda *_a: self.open_selected())
        self.tree.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.open_button = QPushButton(_("&Open…"))
        self.folder_button = QPushButton(_("Choose a &folder…"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self.open_selected)
        self.folder_button.clicked.connect(self._choose_folder)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 360)
        self.refresh()

    def refresh(self) -> None:
        from sseref.core.packsearch import find_packs, removable_roots

        folders = self.folders if self.folders is not None else removable_roots()
        self.found = find_packs(folders)
        self.tree.clear()
        states = {
            "newer": _("newer than the data in use"),
            "same": _("the data in use"),
            "older": _("not newer than the data in use"),
        }
        for found in self.found:
            state = states.get(found.relation, found.problem)
            as_of = as_of_label(found.manifest.as_of) if found.manifest else ""
            item = QTreeWidgetItem(self.tree, [str(found.path), as_of, state])
            item.setData(0, Qt.ItemDataRole.UserRole, str(found.path))
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        where = ", ".join(str(f) for f in folders) or _("no removable drive is connected")
        self.intro.setText(
            _("{n} data pack(s) found in: {where}").format(n=len(self.found), where=where)
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.tree.currentItem() is not None)

    def open_selected(self) -> UpdateDialog | None:
        item = self.tree.currentItem()
        parent = self.parent()
        if item is None or not isinstance(parent, QWidget):
            return None
        self.accept()
        return open_update(parent, Path(item.data(0, Qt.ItemDataRole.UserRole)))

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Look for data updates"))
        if folder:
            self.folders = [Path(folder)]
            self.refresh()


def open_find_packs(parent: QWidget, folders: list[Path] | None = None) -> FindPacksDialog:
    dialog = FindPacksDialog(parent, folders)
    dialog.open()
    return dialog
