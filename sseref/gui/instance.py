"""The running program's side of a second start: watch for its request, then come forward."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Signal

from sseref.core.instance import take_request


class ActivationWatcher(QObject):
    """Emits `requested` when another start of the program asks for this window."""

    requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self._watcher = QFileSystemWatcher([str(self.data_dir)], self)
        self._watcher.directoryChanged.connect(self.check)

    def check(self, _path: str = "") -> bool:
        """Takes a pending request (also one left before watching began); True if there was."""
        if take_request(self.data_dir):
            self.requested.emit()
            return True
        return False
