"""Qt values the start-up path needs, as plain ints and strings: no `Qt` namespace type needed.

PySide builds its Python types on first use, and the first use of `PySide6.QtCore.Qt` builds
all 93 of its enums at once: about 25 ms, a tenth of a bare window's whole start-up. Code that
runs before the first frame therefore uses these values (checked against Qt's own in
tests/gui/test_qtvalues.py), sets enum properties by name through `set_enum_property`, and
imports `Qt` inside the functions that run later. tests/gui/test_startup_path.py holds it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

DISPLAY_ROLE = 0  # Qt.ItemDataRole.DisplayRole
TOOLTIP_ROLE = 3  # Qt.ItemDataRole.ToolTipRole
ACCESSIBLE_TEXT_ROLE = 11  # Qt.ItemDataRole.AccessibleTextRole
USER_ROLE = 256  # Qt.ItemDataRole.UserRole


def set_enum_property(obj: QObject, name: str, keys: str) -> None:
    """Sets an enum or flags property by its key names ("A|B"), as Qt Designer files do."""
    if not obj.setProperty(name, keys):
        raise ValueError(f"{type(obj).__name__}.{name} does not accept {keys!r}")
