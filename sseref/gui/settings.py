"""The window's remembered state: an INI file (QSettings) in the user's config folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from sseref.core.i18n import LANGUAGES
from sseref.core.paths import user_dirs

THEMES = ("system", "light", "dark")
LANGUAGE_CHOICES = ("system", *LANGUAGES)
ZOOM_MIN, ZOOM_MAX, ZOOM_STEP = 0.6, 2.5, 0.1


class GuiSettings:
    """Typed access to the few values the window remembers between runs."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            dirs = user_dirs()
            try:
                dirs.ensure()
            except OSError:  # said once at start-up; the settings are just not kept
                pass
            path = dirs.config / "sseref.ini"
        self.path = path
        self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        self._qs.sync()

    # --- plain values ----------------------------------------------------------------------

    @property
    def theme(self) -> str:
        value = str(self._qs.value("view/theme", "system"))
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._qs.setValue("view/theme", value if value in THEMES else "system")

    @property
    def zoom(self) -> float:
        try:
            value = float(self._qs.value("view/zoom", 1.0))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            value = 1.0
        return min(ZOOM_MAX, max(ZOOM_MIN, value))

    @zoom.setter
    def zoom(self, value: float) -> None:
        self._qs.setValue("view/zoom", round(min(ZOOM_MAX, max(ZOOM_MIN, value)), 2))

    @property
    def large_text(self) -> bool:
        return str(self._qs.value("view/large_text", "false")).lower() == "true"

    @large_text.setter
    def large_text(self, value: bool) -> None:
        self._qs.setValue("view/large_text", "true" if value else "false")

    @property
    def language(self) -> str:
        """The interface language chosen in View → Language: "system", "en", "es" or "fr"."""
        value = str(self._qs.value("view/language", "system"))
        return value if value in LANGUAGE_CHOICES else "system"

    @language.setter
    def language(self, value: str) -> None:
        self._qs.setValue("view/language", value if value in LANGUAGE_CHOICES else "system")

    @property
    def panel(self) -> str:
        return str(self._qs.value("window/panel", "organizations"))

    @panel.setter
    def panel(self, value: str) -> None:
        self._qs.setValue("window/panel", value)

    @property
    def history_mode(self) -> str:
        return str(self._qs.value("history/mode", "timeline"))

    @history_mode.setter
    def history_mode(self, value: str) -> None:
        self._qs.setValue("history/mode", value)

    # --- Qt blobs (geometry, window state, splitters) --------------------------------------

    def blob(self, key: str) -> QByteArray | None:
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_blob(self, key: str, value: QByteArray) -> None:
        self._qs.setValue(key, value)
