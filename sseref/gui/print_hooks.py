"""Print, PDF and meeting-pack commands, delegated to the fact-sheet layer when it is present."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

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
    from PySide6.QtWidgets import QMessageBox  # only when it is shown

    QMessageBox.information(
        parent, _("Not available"), _("Fact sheets and printing are not available in this build.")
    )


def _no_record(parent: QWidget) -> None:
    from PySide6.QtWidgets import QMessageBox

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
    """Adding records to the meeting pack and opening its dialog, via sseref.gui.meeting_pack."""

    def __init__(self, parent: QWidget, db: Database) -> None:
        self.parent = parent
        self.db = db
        self._dialog: QWidget | None = None

    def module(self) -> Any | None:
        try:
            return importlib.import_module("sseref.gui.meeting_pack")
        except ImportError:
            return None

    def add(self, record_id: str | None) -> int:
        if not record_id:
            _no_record(self.parent)
            return 0
        mod = self.module()
        adder = getattr(mod, "add_to_meeting_pack", None) if mod else None
        if adder is None:
            _unavailable(self.parent)
            return 0
        return int(adder(self.parent, self.db, record_id) or 0)

    def open(self) -> bool:
        mod = self.module()
        opener = getattr(mod, "open_meeting_pack", None) if mod else None
        if opener is None:
            _unavailable(self.parent)
            return False
        self._dialog = opener(self.parent, self.db, current_language())
        return True

    def retranslate(self) -> None:
        """The interface language changed: an open (modeless) pack window follows it."""
        retranslate = getattr(self._dialog, "retranslate", None)
        if callable(retranslate):
            retranslate()
