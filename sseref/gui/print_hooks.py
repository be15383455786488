"""Print, PDF and meeting-pack commands, delegated to the fact-sheet layer when it is present."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from sseref.core.db import Database
from sseref.core.i18n import _, current_language


def _function(module: str, name: str) -> Callable[..., Any] | None:
    """The named function of an optional module, or None while it does not exist yet."""
    try:
        mod = importlib.import_module(module)
    except ImportError:
        return None
    func = getattr(mod, name, None)
    return func if callable(func) else None


def available(name: str) -> bool:
    return _function("sseref.gui.printing", name) is not None


def _unavailable(parent: QWidget) -> None:
    QMessageBox.information(
        parent, _("Not available"), _("Fact sheets and printing are not available in this build.")
    )


def _no_record(parent: QWidget) -> None:
    QMessageBox.information(
        parent, _("Nothing to print"), _("Open a record first, then print its fact sheet.")
    )


def run_print(
    name: str,
    parent: QWidget,
    db: Database,
    record_ids: list[str],
    lang: str | None = None,
    **options: Any,
) -> Any:
    """Calls printing.print_preview / print_records / export_pdf for the given records, with
    the options they take (paper, bilingual, folder); returns what it returns (False if not
    run)."""
    if not record_ids:
        _no_record(parent)
        return False
    func = _function("sseref.gui.printing", name)
    if func is None:
        _unavailable(parent)
        return False
    result = func(parent, db, record_ids, lang or current_language(), **options)
    return True if result is None else result


class MeetingPackHooks:
    """The window's meeting pack: adding records to it, and its one window (File → Meeting
    pack…), owned here and built the first time it is opened."""

    def __init__(self, parent: QWidget, db: Database) -> None:
        self.parent = parent
        self.db = db
        self.dialog: Any = None  # the MeetingPackDialog, once opened

    def module(self) -> Any | None:
        try:
            return importlib.import_module("sseref.gui.meeting_pack")
        except ImportError:
            return None

    def add(self, record_id: str | None) -> int:
        """Adds a record to the stored pack; an open pack window shows it at once."""
        if not record_id:
            _no_record(self.parent)
            return 0
        mod = self.module()
        if mod is None:
            _unavailable(self.parent)
            return 0
        added = int(mod.add_to_meeting_pack(self.parent, self.db, record_id) or 0)
        if added and self.dialog is not None:
            self.dialog.widget.reload()
        return added

    def open(self) -> Any:
        """Shows the pack window (made on first use, then the same one) and returns it, or
        None when this build has no fact sheets."""
        mod = self.module()
        if mod is None:
            _unavailable(self.parent)
            return None
        if self.dialog is None:
            self.dialog = mod.MeetingPackDialog(self.db, parent=self.parent)
        self.dialog.widget.set_language(current_language())
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def retranslate(self) -> None:
        """The interface language changed: an open (modeless) pack window follows it."""
        if self.dialog is not None:
            self.dialog.retranslate()
