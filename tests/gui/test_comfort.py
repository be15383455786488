"""Themes, large text, zoom, language, and settings restored after a restart."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from sseref.core.i18n import set_language
from sseref.gui.settings import GuiSettings


def _window_color() -> int:
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness()


def test_theme_switch(window: Any) -> None:
    window.actions_.themes["dark"].trigger()
    assert _window_color() < 80
    assert window.record_view.colors.dark
    window.actions_.themes["light"].trigger()
    assert _window_color() > 200
    window.actions_.themes["system"].trigger()
    assert window.settings.theme == "system"


def test_system_theme_follows_the_systems_scheme(
    window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.actions_.themes["system"].trigger()
    assert not window.record_view.colors.dark  # offscreen: a light system

    def system_turns_dark() -> bool:
        changed = not window.themes.system_dark
        window.themes.system_dark = True
        return changed

    monkeypatch.setattr(window.themes, "read_system_scheme", system_turns_dark)
    window.follow_system_scheme()
    assert window.record_view.colors.dark and _window_color() < 80
    window.actions_.themes["light"].trigger()
    window.follow_system_scheme()  # a chosen theme does not follow the system
    assert not window.record_view.colors.dark and _window_color() > 200
    window.actions_.themes["system"].trigger()
    assert window.record_view.colors.dark


def test_after_the_first_frame_the_systems_scheme_is_read(window: Any) -> None:
    from sseref.gui.wiring import after_first_frame

    window.actions_.themes["system"].trigger()
    after_first_frame(window)  # offscreen reports no scheme: the palette's answer stays
    assert not window.record_view.colors.dark


def test_large_text_and_zoom(window: Any) -> None:
    base = QApplication.font().pointSizeF()
    window.actions_.large_text.trigger()
    assert window.settings.large_text
    large = QApplication.font().pointSizeF()
    assert large >= base * 1.5
    window.actions_.large_text.trigger()
    assert QApplication.font().pointSizeF() == base
    window.actions_.zoom_in.trigger()
    assert QApplication.font().pointSizeF() > base
    assert "110%" in window.status_label.text()
    window.actions_.zoom_out.trigger()
    window.actions_.zoom_out.trigger()
    assert QApplication.font().pointSizeF() < base
    window.actions_.zoom_reset.trigger()
    assert QApplication.font().pointSizeF() == base


def test_settings_restored_after_restart(make_window: Any, qtbot: Any) -> None:
    first = make_window()
    first.actions_.themes["dark"].trigger()
    first.actions_.zoom_out.trigger()
    first.show_panel("documents")
    first.panels["history"].set_mode("list")
    first.resize(1150, 720)
    first.splitter.setSizes([150, 500, 350])
    splitter_state = first.splitter.saveState()
    first.close()
    saved_geometry = first.saveGeometry()
    stored = GuiSettings()
    assert stored.theme == "dark" and stored.panel == "documents"
    assert stored.path.parent.name == "config"  # the redirected user config folder
    assert stored.path.read_text(encoding="utf-8").startswith("[")  # INI
    second = make_window()
    assert second.current_panel_key() == "documents"
    assert second.settings.theme == "dark" and second.actions_.themes["dark"].isChecked()
    assert abs(second.settings.zoom - 0.9) < 1e-6
    # The offscreen screen is small, so Qt fits the width to it; the height comes back as is.
    assert second.settings.blob("window/geometry") == saved_geometry
    assert second.size().height() == 720
    assert second.settings.blob("window/splitter") == splitter_state
    assert second.panels["history"].mode() == "list"
    second.actions_.themes["light"].trigger()
    second.actions_.zoom_reset.trigger()


def test_language_switch_retranslates_and_reloads(window: Any) -> None:
    window.show_panel("organizations")
    window.record_view.open("org/alpha")
    window.actions_.languages["es"].trigger()
    try:
        panel = window.panels["organizations"]
        assert panel.model.index(0, 0).data() == "Alianza Cooperativa Alfa"
        assert "Alianza Cooperativa Alfa" in window.record_view.browser.toPlainText()
    finally:
        set_language("en")
    assert window.panels["organizations"].model.index(0, 0).data() == "Alpha Cooperative Alliance"


def test_text_boxes_get_their_clear_button_after_the_first_frame(window: Any) -> None:
    assert window.search_box.isClearButtonEnabled()
    assert window.panels["organizations"].search.isClearButtonEnabled()
    assert window.panels["glossary"].search.isClearButtonEnabled()  # built after settling


def test_a_first_run_window_fits_the_screen(window: Any) -> None:
    room = window.screen().availableGeometry().size()
    least = window.minimumSizeHint()  # the offscreen test screen is smaller than that
    assert window.width() <= max(room.width(), least.width())
    assert window.height() <= max(room.height(), least.height())
    assert window.size() == window._first_run_size().expandedTo(least)  # noqa: SLF001


def test_panel_titles_follow_the_theme(window: Any, qtbot: Any) -> None:
    from PySide6.QtGui import QPalette

    from sseref.gui.theme import DARK, LIGHT

    heading = window.panels["organizations"].heading
    text = QPalette.ColorRole.WindowText
    assert heading.font().bold()  # what its style sheet asks for
    window.actions_.themes["dark"].trigger()  # Qt hands the new palette down in events
    qtbot.waitUntil(lambda: heading.palette().color(text).name() == DARK.text)
    window.actions_.themes["light"].trigger()
    qtbot.waitUntil(lambda: heading.palette().color(text).name() == LIGHT.text)
    before = heading.font().pointSizeF()
    window.actions_.large_text.trigger()  # the title keeps its weight and follows the size
    qtbot.waitUntil(lambda: heading.font().pointSizeF() == window.font().pointSizeF() > before)
    assert heading.font().bold()
