"""About, Help and error dialogs (About and Help from templates in resources/dialogs/)."""

from __future__ import annotations

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
from sseref.report.render import render


def about_html(db: Database) -> str:
    """The About text: program version, data version, build date and record counts."""
    stats = db.stats()
    meta = db.meta()
    labels = {
        "intro": _(
            "An offline reference on the Social and Solidarity Economy and South-South cooperation."
        ),
        "data_version": _("Data version"),
        "built": _("Data built"),
        "as_of": _("Data as of"),
        "offline": _("Works without a network connection."),
    }
    sections = [
        (
            _("Licence"),
            _(
                "The program is free software under the MIT licence. The record summaries are "
                "written for SSE Ref; every record lists the sources of its facts, with the "
                "date they were checked."
            ),
        ),
        (
            _("Newer data"),
            _(
                "Newer data comes with a newer version of SSE Ref, as a file to install like "
                "this one: nothing is downloaded. The data date above says how current this "
                "copy is."
            ),
        ),
        (
            _("Corrections"),
            _(
                "To report an error in a record, note its title and the source you checked, "
                "and send them to whoever gave you this copy of SSE Ref (Help → About tells "
                "its version)."
            ),
        ),
    ]
    return render(
        "dialogs/about.html",
        version=__version__,
        t=labels,
        data_version=stats["data_version"],
        built_at=stats["built_at"],
        data_as_of=meta.get("data_as_of", ""),
        counts=[(kind_plural(k), n) for k, n in stats["counts"].items()],
        sections=sections,
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

    labels = {
        "search_heading": _("Search syntax"),
        "keys_heading": _("Keyboard shortcuts"),  # not "keys": a dict's method in a template
        "other_heading": _("Other keys"),
        "timeline": timeline,
    }
    return render("dialogs/help.html", t=labels, syntax=syntax, shortcuts=shortcuts, more=more)


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
