"""Light, dark and system themes, large-text mode and zoom, applied to the whole application."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

LARGE_TEXT_FACTOR = 1.6
STYLE = "Fusion"
# Set on the application once it uses STYLE: asking Qt for its style would cost more than
# setting it (PySide6 builds the Python QStyle type and its enums the first time).
STYLE_PROPERTY = "sserefStyle"


def new_application(argv: list[str]) -> QApplication:
    """The program's QApplication, created in the Fusion style (not switched to it later)."""
    app = QApplication([*argv[:1], "-style", STYLE, *argv[1:]])
    app.setProperty(STYLE_PROPERTY, STYLE)
    return app


@dataclass(frozen=True)
class Colors:
    """The few colors drawn by hand (timeline, record pages) for one theme."""

    dark: bool
    window: str
    base: str
    text: str
    muted: str
    accent: str
    link: str
    sse: str
    ssc: str
    both: str
    other: str
    band: str
    band_alt: str


LIGHT = Colors(False, "#f4f5f7", "#ffffff", "#1d2127", "#5c6470", "#1f6feb", "#0b57c4",
               "#1a8754", "#c2571a", "#7b4fc9", "#6b7280", "#eef1f5", "#e2e7ee")
DARK = Colors(True, "#1e2127", "#16181d", "#e6e8eb", "#a3abb7", "#5ea1ff", "#8ab4ff",
              "#3fbf7f", "#f08a4b", "#b294f2", "#9aa3ae", "#23272e", "#2b3039")


class ThemeManager:
    """Owns the application's palette, style sheet and font size; one per application."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self._base_point_size = app.font().pointSizeF() if app.font().pointSizeF() > 0 else 10.0
        self.theme = "system"
        self.zoom = 1.0
        self.large_text = False
        self.colors = LIGHT
        self._applied: tuple[bool, float, bool] | None = None  # what the application shows

    def is_dark(self, theme: str) -> bool:
        if theme == "dark":
            return True
        if theme == "light":
            return False
        hints = QGuiApplication.styleHints()
        return hints.colorScheme() == Qt.ColorScheme.Dark

    def apply(self, theme: str, zoom: float, large_text: bool) -> Colors:
        """Applies all three settings at once (they share the font and the style sheet)."""
        self.theme, self.zoom, self.large_text = theme, zoom, large_text
        self.colors = DARK if self.is_dark(theme) else LIGHT
        applied = (self.colors.dark, self.point_size(), large_text)
        if applied == self._applied:  # re-styling every widget again would change nothing
            return self.colors
        self._applied = applied
        if self.app.property(STYLE_PROPERTY) != STYLE:
            self.app.setStyle(STYLE)
            self.app.setProperty(STYLE_PROPERTY, STYLE)
        self.app.setPalette(_palette(self.colors))
        font = QFont(self.app.font())
        font.setPointSizeF(self.point_size())
        self.app.setFont(font)
        self.app.setStyleSheet(_style_sheet(self.colors))
        return self.colors

    def point_size(self) -> float:
        factor = self.zoom * (LARGE_TEXT_FACTOR if self.large_text else 1.0)
        return round(self._base_point_size * factor, 1)


def _palette(c: Colors) -> QPalette:
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: c.window, QPalette.ColorRole.WindowText: c.text,
        QPalette.ColorRole.Base: c.base, QPalette.ColorRole.AlternateBase: c.band,
        QPalette.ColorRole.Text: c.text, QPalette.ColorRole.Button: c.window,
        QPalette.ColorRole.ButtonText: c.text, QPalette.ColorRole.ToolTipBase: c.base,
        QPalette.ColorRole.ToolTipText: c.text, QPalette.ColorRole.Highlight: c.accent,
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.Link: c.link,
        QPalette.ColorRole.LinkVisited: c.link, QPalette.ColorRole.PlaceholderText: c.muted,
        QPalette.ColorRole.Mid: c.band_alt, QPalette.ColorRole.Midlight: c.band,
    }
    for role, color in roles.items():
        pal.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(c.muted))
    return pal


def _style_sheet(c: Colors) -> str:
    """Visible keyboard focus everywhere, and a calm navigation rail."""
    return f"""
    QWidget:focus {{ outline: none; }}
    QLineEdit:focus, QComboBox:focus, QSpinBox:focus, QAbstractItemView:focus,
    QTextBrowser:focus, QGraphicsView:focus, QPushButton:focus, QToolButton:focus,
    QCheckBox:focus, QRadioButton:focus {{ border: 2px solid {c.accent}; }}
    QListWidget#navRail {{ background: {c.window}; border: none; padding: 4px; }}
    QListWidget#navRail::item {{ padding: 8px 10px; border-radius: 6px; }}
    QListWidget#navRail::item:selected {{ background: {c.accent}; color: #ffffff; }}
    QLabel#panelTitle {{ font-weight: bold; }}
    QLabel#muted {{ color: {c.muted}; }}
    QPushButton#chip {{ border: 1px solid {c.muted}; border-radius: 10px; padding: 2px 10px; }}
    QPushButton#chip:checked {{ background: {c.accent}; color: #ffffff; border-color: {c.accent}; }}
    """
