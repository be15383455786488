"""Unexpected exceptions: logged to the user's data folder and shown in a dialog with details."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMessageBox

from sseref.core.errors import SSERefError
from sseref.core.i18n import _
from sseref.core.paths import log_file, user_dirs

if TYPE_CHECKING:
    from sseref.gui.dialogs import ErrorDialog

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]
LOG_NAME = "sseref"


def log_path() -> Path:
    user_dirs().ensure()
    path = log_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def get_logger() -> logging.Logger:
    """The program's logger, writing to the user data folder (set up once per process)."""
    logger = logging.getLogger(LOG_NAME)
    path = log_path()
    if not any(
        isinstance(h, logging.FileHandler) and Path(h.baseFilename) == path for h in logger.handlers
    ):
        handler = logging.FileHandler(path, encoding="utf-8", delay=True)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    return logger


class ExceptionHandler:
    """The sys.excepthook: log, then show an ErrorDialog (or print when there is no window)."""

    def __init__(self, show_dialog: bool = True) -> None:
        self.show_dialog = show_dialog
        self.previous: Hook = sys.excepthook
        self.last_dialog: ErrorDialog | None = None
        self._busy = False
        self._told: set[str] = set()  # known failures already shown

    def install(self) -> ExceptionHandler:
        sys.excepthook = self
        return self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self.previous

    def __call__(
        self, etype: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(etype, KeyboardInterrupt):
            self.previous(etype, value, tb)
            return
        details = "".join(traceback.format_exception(etype, value, tb))
        path: Path | None = None
        try:
            path = log_path()
            get_logger().error("Unexpected error\n%s", details)
        except OSError:
            path = None
        known = isinstance(value, SSERefError)
        if known and (str(value) in self._told or self._busy):
            return  # logged; a list drawing row after row must not open a box per row
        app = QApplication.instance()
        if not self.show_dialog or app is None or self._busy:
            sys.stderr.write(details)
            return
        if known:  # a known failure (a damaged file): its message, no traceback
            self._told.add(str(value))

            self._busy = True
            try:
                QMessageBox.warning(QApplication.activeWindow(), _("SSE Ref"), str(value))
            finally:
                self._busy = False
            return
        # The dialogs module brings the template engine (About, Help): loaded when needed.
        from sseref.gui.dialogs import ErrorDialog

        self._busy = True  # an error inside the dialog must not open another one
        try:
            dialog = ErrorDialog(
                str(value) or etype.__name__,
                details,
                str(path) if path else None,
                QApplication.activeWindow(),
            )
            self.last_dialog = dialog
            dialog.open()
        finally:
            self._busy = False
