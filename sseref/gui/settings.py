"""The window's remembered state: an INI file (QSettings) in the user's config folder."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from sseref.core.i18n import LANGUAGES
from sseref.core.paths import user_dirs
from sseref.core.vocab import CITATION_STYLES as STYLES

THEMES = ("system", "light", "dark")
LANGUAGE_CHOICES = ("system", *LANGUAGES)
ZOOM_MIN, ZOOM_MAX, ZOOM_STEP = 0.6, 2.5, 0.1
RECENT_MAX = 8


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

    @property
    def maximized(self) -> bool:
        return str(self._qs.value("window/maximized", "false")).lower() == "true"

    @maximized.setter
    def maximized(self, value: bool) -> None:
        self._qs.setValue("window/maximized", "true" if value else "false")

    @property
    def reading_pane(self) -> bool:
        return str(self._qs.value("window/reading_pane", "true")).lower() == "true"

    @reading_pane.setter
    def reading_pane(self, value: bool) -> None:
        self._qs.setValue("window/reading_pane", "true" if value else "false")

    @property
    def last_record(self) -> str:
        """The record open when the window closed ("" for the start page)."""
        return str(self._qs.value("window/record", "") or "")

    @last_record.setter
    def last_record(self, value: str) -> None:
        self._qs.setValue("window/record", value)

    @property
    def citation_style(self) -> str:
        value = str(self._qs.value("citation/style", "un"))
        return value if value in STYLES else "un"

    @citation_style.setter
    def citation_style(self, value: str) -> None:
        self._qs.setValue("citation/style", value)

    @property
    def recent(self) -> list[str]:
        """The ids of the records opened last, newest first."""
        value = self._qs.value("history/recent", [])
        if isinstance(value, str):  # QSettings gives a one-item list back as a string
            value = [value]
        items = value if isinstance(value, list) else []
        return [str(v) for v in items if v][:RECENT_MAX]

    def add_recent(self, record_id: str) -> None:
        ids = [record_id, *(i for i in self.recent if i != record_id)][:RECENT_MAX]
        self._qs.setValue("history/recent", ids)

    @property
    def watched_folder(self) -> str:
        """The folder whose new documents are imported by themselves ("" when none)."""
        return str(self._qs.value("library/watched_folder", "") or "")

    @watched_folder.setter
    def watched_folder(self, value: str) -> None:
        self._qs.setValue("library/watched_folder", value)

    @property
    def save_folder(self) -> str | None:
        """Where the last file was saved (exports start there); None until one is saved."""
        value = self._qs.value("files/folder")
        return str(value) if value else None

    @save_folder.setter
    def save_folder(self, value: str) -> None:
        self._qs.setValue("files/folder", value)

    def filters(self, panel: str) -> dict[str, str]:
        """A panel's remembered filters (text and choices), restored at the next start."""
        value = self._qs.value(f"filters/{panel}")
        if not isinstance(value, str) or not value:
            return {}
        try:
            data = json.loads(value)
        except ValueError:
            return {}
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def set_filters(self, panel: str, values: dict[str, str]) -> None:
        if not values:  # no filters: nothing to remember (nor JSON to write and read back)
            self._qs.remove(f"filters/{panel}")
            return
        self._qs.setValue(f"filters/{panel}", json.dumps(values, sort_keys=True))

    # --- Qt blobs (geometry, window state, splitters) --------------------------------------

    def blob(self, key: str) -> QByteArray | None:
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_blob(self, key: str, value: QByteArray) -> None:
        self._qs.setValue(key, value)
