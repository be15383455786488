"""Light, dark and system themes, large-text mode and zoom, applied to the whole application."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

LARGE_TEXT_FACTOR = 1.6
STYLE = "Fusion"
# Set on the application once it uses STYLE: asking Qt for its style would cost more than
# setting it (PySide6 builds the Python QStyle type and its enums the first time).
STYLE_PROPERTY = "sserefStyle"
SYSTEM_DARK_PROPERTY = "sserefSystemDark"


def new_application(argv: list[str]) -> QApplication:
    """The program's QApplication, created in the Fusion style (not switched to it later)."""
    app = QApplication([*argv[:1], "-style", STYLE, *argv[1:]])
    app.setProperty(STYLE_PROPERTY, STYLE)
    return app


class Colors(NamedTuple):
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
    selection_idle: str  # a selection in a list that does not have the keyboard focus
    on_accent: str  # text drawn on the accent colour (≥ 4.5:1 against it, WCAG AA)


LIGHT = Colors(
    False,
    "#f4f5f7",
    "#ffffff",
    "#1d2127",
    "#5c6470",
    "#1f6feb",
    "#0b57c4",
    "#1a8754",
    "#c2571a",
    "#7b4fc9",
    "#6b7280",
    "#eef1f5",
    "#e2e7ee",
    "#c5d0de",
    "#ffffff",
)
DARK = Colors(
    True,
    "#1e2127",
    "#16181d",
    "#e6e8eb",
    "#a3abb7",
    "#5ea1ff",
    "#8ab4ff",
    "#3fbf7f",
    "#f08a4b",
    "#b294f2",
    "#9aa3ae",
    "#23272e",
    "#2b3039",
    "#3d4655",
    "#0b1220",
)


class ThemeManager:
    """Owns the application's palette, style sheet and font size; one per application."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self._base_point_size: float | None = None  # the platform's, read before any change
        # Until Qt's colour scheme is read after the first frame (`read_system_scheme`), the
        # platform's palette tells (Qt's default palette follows the system's scheme). It is
        # read once per application, before any manager sets a palette of its own.
        if app.property(SYSTEM_DARK_PROPERTY) is None:
            window = app.palette().color(QPalette.ColorRole.Window)
            app.setProperty(SYSTEM_DARK_PROPERTY, window.lightness() < 128)
        self.system_dark = bool(app.property(SYSTEM_DARK_PROPERTY))
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
        return self.system_dark

    def read_system_scheme(self) -> bool:
        """Asks Qt whether the system is in dark mode; True if that changed the answer."""
        scheme = QGuiApplication.styleHints().colorScheme()
        if scheme == Qt.ColorScheme.Unknown:  # no opinion: keep the palette's
            return False
        dark = scheme == Qt.ColorScheme.Dark
        changed, self.system_dark = dark != self.system_dark, dark
        self.app.setProperty(SYSTEM_DARK_PROPERTY, dark)
        return changed

    def apply(self, theme: str, zoom: float, large_text: bool) -> Colors:
        """Applies all three settings at once (they share the font and the style sheet)."""
        self.theme, self.zoom, self.large_text = theme, zoom, large_text
        self.colors = DARK if self.is_dark(theme) else LIGHT
        applied = (self.colors.dark, self._factor(), large_text)
        if applied == self._applied:  # re-styling every widget again would change nothing
            return self.colors
        self._applied = applied
        if self.app.property(STYLE_PROPERTY) != STYLE:
            self.app.setStyle(STYLE)
            self.app.setProperty(STYLE_PROPERTY, STYLE)
        self.app.setPalette(_palette(self.colors))
        if self._base_point_size is not None or self._factor() != 1.0:
            font = QFont(self.app.font())
            font.setPointSizeF(self.point_size())
            self.app.setFont(font)
        return self.colors

    def _factor(self) -> float:
        return self.zoom * (LARGE_TEXT_FACTOR if self.large_text else 1.0)

    def point_size(self) -> float:
        if self._base_point_size is None:
            size = self.app.font().pointSizeF()
            self._base_point_size = size if size > 0 else 10.0
        return round(self._base_point_size * self._factor(), 1)


def _palette(c: Colors) -> QPalette:
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: c.window,
        QPalette.ColorRole.WindowText: c.text,
        QPalette.ColorRole.Base: c.base,
        QPalette.ColorRole.AlternateBase: c.band,
        QPalette.ColorRole.Text: c.text,
        QPalette.ColorRole.Button: c.window,
        QPalette.ColorRole.ButtonText: c.text,
        QPalette.ColorRole.ToolTipBase: c.base,
        QPalette.ColorRole.ToolTipText: c.text,
        QPalette.ColorRole.Highlight: c.accent,
        QPalette.ColorRole.HighlightedText: c.on_accent,
        QPalette.ColorRole.Link: c.link,
        QPalette.ColorRole.LinkVisited: c.link,
        QPalette.ColorRole.PlaceholderText: c.muted,
        QPalette.ColorRole.Mid: c.band_alt,
        QPalette.ColorRole.Midlight: c.band,
    }
    for role, color in roles.items():
        pal.setColor(role, QColor(color))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(c.muted))
    # The visible focus of lists and tables: their selection is in the accent colour while
    # they have the keyboard, and grey otherwise (as in the desktop's own programs).
    pal.setColor(
        QPalette.ColorGroup.Inactive, QPalette.ColorRole.Highlight, QColor(c.selection_idle)
    )
    pal.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.HighlightedText, QColor(c.text))
    return pal


# No application-wide style sheet: one makes Qt style every widget through its style-sheet
# engine, which cost some 10 ms at start-up and slows every repaint of the lists. The few
# widgets that need more than the palette get a sheet of their own.


def title_sheet(c: Colors) -> str:
    """A panel's title in bold. The colour is spelt out: a widget with a sheet of its own
    keeps the palette it was polished with when the theme changes. (A sheet costs the first
    frame less than a bold QFont would: PySide builds the QFont type and its eight enums.)"""
    return f"font-weight: bold; color: {c.text};"


def nav_rail_sheet(c: Colors) -> str:
    """The navigation rail: roomy rows, the current one in the accent colour."""
    return f"""
    QListWidget {{ background: {c.window}; border: none; padding: 4px; }}
    QListWidget::item {{ padding: 8px 10px; border-radius: 6px; }}
    QListWidget::item:selected {{ background: {c.accent}; color: {c.on_accent}; }}
    QListWidget:focus {{ border: 2px solid {c.accent}; }}
    """


def chip_sheet(c: Colors) -> str:
    """Facet chips: rounded toggles, filled in the accent colour when on."""
    return f"""
    QPushButton {{ border: 1px solid {c.muted}; border-radius: 10px; padding: 2px 10px; }}
    QPushButton:checked {{
        background: {c.accent}; color: {c.on_accent}; border-color: {c.accent};
    }}
    QPushButton:focus {{ border: 2px solid {c.accent}; }}
    """


def link_button_sheet(c: Colors) -> str:
    """A flat button that reads as a link ("Did you mean …?"), framed when it has the focus."""
    return f"""
    QPushButton {{ color: {c.link}; border: none; text-decoration: underline; padding: 2px 4px; }}
    QPushButton:focus {{ border: 2px solid {c.accent}; }}
    """


def focus_frame_sheet(c: Colors, widget_class: str) -> str:
    """A clear frame around a reading view (record page, timeline) while it has the focus."""
    return f"{widget_class}:focus {{ border: 2px solid {c.accent}; }}"


def mute(widget: QWidget) -> None:
    """Secondary text (counts, hints) in the theme's muted colour, through the palette."""
    widget.setForegroundRole(QPalette.ColorRole.PlaceholderText)
