"""A record's note and tags: the strip under the record page and the dialog that edits them.

Notes are Markdown rendered by Qt with raw HTML switched off; the view loads no resource
(images, style sheets) and follows no link, so a note can never reach a file or the network.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt, QUrl, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sseref.core.i18n import _
from sseref.core.userstore import Note, parse_tags
from sseref.gui.theme import mute

MD = QTextDocument.MarkdownFeature
SAFE_MARKDOWN = QTextDocument.MarkdownFeature(
    MD.MarkdownDialectGitHub.value | MD.MarkdownNoHTML.value
)


class SafeNoteView(QTextBrowser):
    """Shows Markdown without HTML, without loading any resource and without opening links."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDocumentMargin(6)

    def loadResource(self, _type: int, _name: QUrl | str) -> object:  # noqa: N802 (Qt name)
        return None  # no image, style sheet or file is ever read for a note

    def set_note(self, text: str) -> None:
        self.document().setMarkdown(text, SAFE_MARKDOWN)


class TagCompleterEdit(QLineEdit):
    """A "tag, tag, …" line edit whose completion proposes known tags for the word being typed."""

    def __init__(self, known: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tag_model = QStringListModel(known, self)
        self.tag_completer = QCompleter(self.tag_model, self)
        self.tag_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tag_completer.setWidget(self)
        self.tag_completer.activated.connect(self._insert)
        self.textEdited.connect(self._complete)

    def current_word(self) -> str:
        return self.text()[: self.cursorPosition()].split(",")[-1].strip()

    def completions(self) -> list[str]:
        """Known tags starting with the word being typed (what the popup proposes)."""
        word = self.current_word()
        if not word:
            return []
        self.tag_completer.setCompletionPrefix(word)
        model = self.tag_completer.completionModel()
        return [str(model.index(i, 0).data()) for i in range(model.rowCount())]

    def _complete(self, _text: str) -> None:
        if self.completions():
            self.tag_completer.complete()
        else:
            self._hide_popup()

    def _hide_popup(self) -> None:
        popup = self.tag_completer.popup()
        if popup is not None:
            popup.hide()

    def _insert(self, tag: str) -> None:
        head = self.text()[: self.cursorPosition()]
        tail = self.text()[self.cursorPosition() :]
        before = head.rsplit(",", 1)[0] + ", " if "," in head else ""
        self.setText(f"{before}{tag}, {tail.lstrip(', ')}".rstrip())
        self.setCursorPosition(len(before) + len(tag) + 2)


class NoteDialog(QDialog):
    """Edits one record's note (Markdown) and tags; saving is the caller's job (see `saved`)."""

    saved = Signal(str, list)  # (note text, tags)

    def __init__(
        self, title: str, note: Note | None, known_tags: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Note and tags — {title}").format(title=title))
        self.setObjectName("noteDialog")
        self.editor = QPlainTextEdit(note.body if note else "")
        self.editor.setAccessibleName(_("Note"))
        self.editor.setTabChangesFocus(True)
        self.tags = TagCompleterEdit(known_tags)
        self.tags.setText(", ".join(note.tags) if note else "")
        self.tags.setAccessibleName(_("Tags"))
        self.tags.setPlaceholderText(_("tags, separated by commas"))
        hint = QLabel(
            _("Markdown: **bold**, *italic*, - lists, # headings. HTML is shown as text.")
        )
        hint.setWordWrap(True)
        mute(hint)
        form = QFormLayout()
        note_label, tags_label = QLabel(_("&Note:")), QLabel(_("&Tags:"))
        note_label.setBuddy(self.editor)
        tags_label.setBuddy(self.tags)
        form.addRow(note_label, self.editor)
        form.addRow(tags_label, self.tags)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def accept(self) -> None:
        self.saved.emit(self.editor.toPlainText(), parse_tags(self.tags.text()))
        super().accept()


class NoteStrip(QWidget):
    """Under the record page: the star, the tags and the rendered note, with an edit button."""

    def __init__(
        self,
        toggle_star: Callable[[], None],
        edit: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("noteStrip")
        self.star_button = QPushButton()
        self.star_button.setCheckable(True)
        self.star_button.clicked.connect(lambda _checked=False: toggle_star())
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(lambda _checked=False: edit())
        self.tags_label = QLabel()
        self.tags_label.setWordWrap(True)
        self.tags_label.setTextFormat(Qt.TextFormat.PlainText)
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        self.view = SafeNoteView()
        self.view.setMaximumHeight(140)
        self.view.setAccessibleName(_("Your note"))
        row = QHBoxLayout()
        row.addWidget(self.star_button)
        row.addStretch(1)
        row.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 4)
        layout.addLayout(row)
        layout.addWidget(self.tags_label)
        layout.addWidget(self.view)
        # The strip takes the height it needs; the page above keeps the rest.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.starred = False
        self.note: Note | None = None
        self.retranslate()
        self.hide()

    def show_state(self, starred: bool, note: Note | None) -> None:
        self.starred, self.note = starred, note
        self.star_button.setChecked(starred)
        self.view.setVisible(bool(note and note.body.strip()))
        self.view.set_note(note.body if note else "")
        self.retranslate()
        self.show()

    def retranslate(self) -> None:
        self.star_button.setText(_("★ Starred") if self.starred else _("☆ Star"))
        self.star_button.setToolTip(_("Star or unstar this record (Ctrl+D)"))
        self.star_button.setAccessibleName(_("Star this record"))
        self.edit_button.setText(_("Note and tags…"))
        tags = ", ".join(self.note.tags) if self.note else ""
        self.tags_label.setText(_("Tags: {tags}").format(tags=tags) if tags else "")
        self.tags_label.setVisible(bool(tags))
        self.view.setAccessibleName(_("Your note"))
