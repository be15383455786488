"""The plain values of sseref.gui.qtvalues are Qt's own; enum properties set by name stick."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QTextBrowser

from sseref.gui import qtvalues


def test_roles_are_qts() -> None:
    assert qtvalues.DISPLAY_ROLE == Qt.ItemDataRole.DisplayRole
    assert qtvalues.TOOLTIP_ROLE == Qt.ItemDataRole.ToolTipRole
    assert qtvalues.ACCESSIBLE_TEXT_ROLE == Qt.ItemDataRole.AccessibleTextRole
    assert qtvalues.USER_ROLE == Qt.ItemDataRole.UserRole


def test_enum_and_flag_properties_by_name(qapp: Any) -> None:
    rail = QListWidget()
    qtvalues.set_enum_property(rail, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
    assert rail.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    browser = QTextBrowser()
    qtvalues.set_enum_property(
        browser, "textInteractionFlags", "TextBrowserInteraction|TextSelectableByKeyboard"
    )
    assert browser.textInteractionFlags() == (
        Qt.TextInteractionFlag.TextBrowserInteraction
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )


def test_a_wrong_property_name_is_an_error(qapp: Any) -> None:
    with pytest.raises(ValueError, match="noSuchProperty"):
        qtvalues.set_enum_property(QListWidget(), "noSuchProperty", "X")
