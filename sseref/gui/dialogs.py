"""About, Help and error dialogs (the error dialog's details can be copied in one click)."""

from __future__ import annotations

from markupsafe import escape
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
    licence = _(
        "The program is free software under the MIT licence. The record summaries are written "
        "for SSE Ref; every record lists the sources of its facts, with the date they were "
        "checked."
    )
    updates = _(
        "Newer data comes with a newer version of SSE Ref, as a file to install like this "
        "one: nothing is downloaded. The data date above says how current this copy is."
    )
    contact = _(
        "To report an error in a record, note its title and the source you checked, and send "
        "them to whoever gave you this copy of SSE Ref (Help → About tells its version)."
    )
    heading_licence, heading_updates, heading_contact = (
        _("Licence"),
        _("Newer data"),
        _("Corrections"),
    )
    return (
        f"<h2>SSE Ref {escape(__version__)}</h2>"
        f"<p>{escape(intro)}</p>"
        f"<p><b>{escape(version)}:</b> {escape(str(stats['data_version']))}<br>"
        f"<b>{escape(built)}:</b> {escape(str(stats['built_at']))}<br>"
        f"<b>{escape(as_of)}:</b> {escape(str(meta.get('data_as_of', '')))}</p>"
        f"<ul>{counts}</ul>"
        f"<p>{escape(offline)}</p>"
        f"<h3>{escape(heading_licence)}</h3><p>{escape(licence)}</p>"
        f"<h3>{escape(heading_updates)}</h3><p>{escape(updates)}</p>"
        f"<h3>{escape(heading_contact)}</h3><p>{escape(contact)}</p>"
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


def help_html(shortcuts: list[tuple[str, str]]) -> str:
    """F1: the search syntax, then every shortcut (`Actions.shortcut_rows`: read from the
    actions themselves, so the help cannot forget one or name a key that changed)."""
    syntax = [
        ("ilo cepal", _("Words: records holding every word, in any language; accents optional")),
        ("CEPAL, OIT, ESS", _("Acronyms in English, Spanish or French find the same body")),
        ('"plan of action"', _("An exact phrase")),
        ("ILO OR UNCTAD", _("Either word")),
        ("cooperative -bank", _("Leave out records with a word")),
        ("A/RES/77/281, 58/220", _("UN document symbols")),
        (
            "kind:document",
            _("One kind: organization, event, document, initiative, term, person or country"),
        ),
        ("year:1978, year:1970..1980", _("A year or a range of years")),
        ("type:  region:  lang:", _("Filter by type, region or document language")),
    ]
    more = [
        ("↑ ↓, Enter", _("In the search box: move through the results, open one")),
        ("Escape", _("Leave the search, or close the find bar")),
        ("Tab, Shift+Tab", _("Move between the sidebar, the list and the record page")),
        ("Enter", _("In a list: open the record")),
        ("Shift+F10, Menu", _("The context menu of a list row or the record page")),
    ]
    timeline = _(
        "In the timeline: arrows move between events, Enter opens one, +/- or Ctrl+wheel zoom "
        "around the pointer, 0 shows the whole range."
    )

    def table(rows: list[tuple[str, str]]) -> str:
        body = "".join(
            f"<tr><td style='padding-right:14px'><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>"
            for k, v in rows
        )
        return f"<table cellspacing='4'>{body}</table>"

    search_heading, keys_heading = _("Search syntax"), _("Keyboard shortcuts")
    other_heading = _("Other keys")
    return (
        f"<h2>{escape(search_heading)}</h2>{table(syntax)}"
        f"<h2>{escape(keys_heading)}</h2>{table(shortcuts)}"
        f"<h3>{escape(other_heading)}</h3>{table(more)}<p>{escape(timeline)}</p>"
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
