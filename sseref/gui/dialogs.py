"""About, Help and error dialogs (the error dialog's details can be copied in one click)."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sseref import __version__
from sseref.core.db import Database
from sseref.core.i18n import _
from sseref.gui.labels import kind_plural


def about_html(db: Database) -> str:
    """The About text: program version, data version, build date and record counts."""
    stats = db.stats()
    meta = db.meta()
    intro = _(
        "An offline reference on the Social and Solidarity Economy and South-South cooperation."
    )
    counts = "".join(f"<li>{escape(kind_plural(k))}: {n}</li>" for k, n in stats["counts"].items())
    # Messages outside the f-string: Babel does not extract _() inside f-strings on 3.11.
    version, built, as_of = _("Data version"), _("Data built"), _("Data as of")
    offline = _("Works without a network connection.")
    return (
        f"<h2>SSE Ref {escape(__version__)}</h2>"
        f"<p>{escape(intro)}</p>"
        f"<p><b>{escape(version)}:</b> {escape(str(stats['data_version']))}<br>"
        f"<b>{escape(built)}:</b> {escape(str(stats['built_at']))}<br>"
        f"<b>{escape(as_of)}:</b> {escape(str(meta.get('data_as_of', '')))}</p>"
        f"<ul>{counts}</ul>"
        f"<p>{escape(offline)}</p>"
    )


class TextDialog(QDialog):
    """A dialog showing rich text (About, Help) with a Close button."""

    def __init__(self, title: str, html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.browser = QTextBrowser()
        self.browser.setHtml(html)
        self.browser.setAccessibleName(title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(520, 460)


def help_html() -> str:
    """Keyboard help: every command is reachable without a mouse."""
    rows = [
        ("Ctrl+K, Ctrl+F", _("Search everything; arrows move through results, Enter opens")),
        ("Ctrl+1 … Ctrl+5", _("Organizations, History, Documents, Initiatives, Glossary")),
        ("Ctrl+L", _("Filter the current list")),
        ("Alt+Left, Alt+Right", _("Back and forward between records")),
        ("Ctrl+Shift+C", _("Copy the citation of the open record")),
        ("Ctrl+P, Ctrl+Shift+P", _("Print the fact sheet, print preview")),
        ("Ctrl+Shift+E", _("Export the fact sheet as PDF")),
        ("Ctrl++, Ctrl+-, Ctrl+0", _("Zoom in, zoom out, actual size")),
        ("Ctrl+Shift+L", _("Large text for projectors")),
        ("Tab, Shift+Tab", _("Move between the sidebar, the list and the record page")),
        ("Ctrl+Q", _("Quit")),
    ]
    timeline = _(
        "In the timeline: arrows move between events, Enter opens one, Ctrl+wheel or +/- zoom."
    )
    body = "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows)
    heading = _("Keyboard shortcuts")
    return (
        f"<h2>{escape(heading)}</h2><table cellspacing='6'>{body}</table><p>{escape(timeline)}</p>"
    )


class ErrorDialog(QDialog):
    """Shown for unexpected errors: a plain message and the technical details to copy."""

    def __init__(
        self, message: str, details: str, log_path: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Unexpected error"))
        text = _("Something went wrong: {message}").format(message=message)
        if log_path:
            text += "\n" + _("The details were saved in {path}.").format(path=log_path)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(_("Error details"))
        self.copy_button = QPushButton(_("Copy details"))
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.details.toPlainText())
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        self.resize(640, 420)
