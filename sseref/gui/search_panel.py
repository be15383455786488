"""Search as you type: results grouped by kind, facet chips, "Did you mean …?", keyboard driven."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sseref.core import vocab
from sseref.core.db import Database
from sseref.core.i18n import _, ngettext
from sseref.gui.labels import (
    kind_plural,
    label,
    language_label,
    number_label,
    region_label,
    theme_label,
)
from sseref.gui.models import ID_ROLE
from sseref.gui.search_model import HtmlDelegate, SearchResultsModel, no_results_text
from sseref.gui.search_worker import Outcome, Runner, SearchController
from sseref.gui.theme import LIGHT, Colors, chip_sheet, mute, title_sheet
from sseref.gui.widgets import FlowLayout

CHIPS_PER_FACET = {"kind": 5, "type": 4, "region": 3, "lang": 3, "decade": 4, "theme": 3}
FACET_ORDER = ("kind", "type", "region", "theme", "lang", "decade", "year")


def facet_label(facet: str, value: str) -> str:
    """A readable chip text for one facet value."""
    if facet == "kind":
        return kind_plural(value)
    if facet == "region":
        return region_label(value)
    if facet == "theme":
        return theme_label(value)
    if facet in ("lang", "language"):
        return language_label(value)
    if facet == "type":
        for table in (vocab.ORG_TYPES, vocab.DOC_TYPES, vocab.EVENT_TYPES, vocab.INITIATIVE_TYPES):
            if value in table:
                return label(table, value)
    return value


class SearchPanel(QWidget):
    """The results page shown while the global search box has text."""

    recordActivated = Signal(str)
    suggestionChosen = Signal(str)

    def __init__(self, db: Database, runner: Runner | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.colors = LIGHT
        self.query = ""
        self.filters: dict[str, Any] = {}
        self.outcome: Outcome | None = None
        self.controller = SearchController(runner, self) if runner else None
        if self.controller:
            self.controller.resultsReady.connect(self.show_outcome)
        self.heading = QLabel()
        self.heading.setStyleSheet(title_sheet(self.colors))
        self.status = QLabel()
        mute(self.status)
        self.suggestion = QLabel()
        self.suggestion.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.suggestion.linkActivated.connect(self._use_suggestion)
        self.suggestion.hide()
        self.chips_area = QWidget()
        self.chips_area.setStyleSheet(chip_sheet(self.colors))
        self.chips_box = FlowLayout(self.chips_area)
        self.chips: list[QPushButton] = []
        self.model = SearchResultsModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(HtmlDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setUniformItemSizes(False)
        self.list.setWordWrap(True)
        self.list.activated.connect(self._on_activated)
        self.list.clicked.connect(self._on_activated)
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.status)
        layout.addLayout(head)
        layout.addWidget(self.suggestion)
        layout.addWidget(self.chips_area)
        layout.addWidget(self.list, 1)
        self.retranslate()

    def set_runner(self, runner: Runner) -> None:
        """Search becomes available (the index is ready); re-runs what was typed meanwhile."""
        if self.controller is not None:
            self.controller.shutdown()
            self.controller.deleteLater()
        self.controller = SearchController(runner, self)
        self.controller.resultsReady.connect(self.show_outcome)
        if self.query.strip():
            self.set_query(self.query)

    # --- querying --------------------------------------------------------------------------

    def set_query(self, text: str) -> None:
        """Called on every keystroke of the global search box."""
        if text.strip() != self.query.strip():
            self.filters = {}
        self.query = text
        self._update_heading()
        if not text.strip():
            self.model.set_hits([])
            self._set_chips({})
            self.suggestion.hide()
            return
        if self.controller is None:
            self.status.setText(_("Search is not available: the index is being prepared."))
            return
        self.status.setText(_("Searching…"))
        self.controller.request(text, self.filters)

    def show_outcome(self, outcome: Outcome) -> None:
        if outcome.text != self.query:
            return  # a late answer to an older query
        self.outcome = outcome
        self.model.set_hits(outcome.hits)
        self._set_chips(outcome.facets)
        if outcome.error:
            self.status.setText(_("Search failed: {error}").format(error=outcome.error))
        elif outcome.total:
            self.status.setText(
                ngettext("{n} result", "{n} results", outcome.total).format(
                    n=number_label(outcome.total)
                )
            )
        else:
            self.status.setText(no_results_text(outcome.text))
        if outcome.suggestion:
            self.suggestion.setText(
                _("Did you mean {link}?").format(
                    link=f"<a href='suggest'>{_escape(outcome.suggestion)}</a>"
                )
            )
            self.suggestion.setAccessibleName(
                _("Did you mean {text}?").format(text=outcome.suggestion)
            )
            self.suggestion.show()
        else:
            self.suggestion.hide()
        rows = self.model.hit_rows()
        if rows:
            self.list.setCurrentIndex(self.model.index(rows[0], 0))

    def _use_suggestion(self, _link: str) -> None:
        if self.outcome and self.outcome.suggestion:
            self.suggestionChosen.emit(self.outcome.suggestion)

    # --- facets ----------------------------------------------------------------------------

    def _set_chips(self, facets: dict[str, dict[str, int]]) -> None:
        for chip in self.chips:
            self.chips_box.removeWidget(chip)
            chip.deleteLater()
        self.chips = []
        for facet in sorted(facets, key=lambda f: FACET_ORDER.index(f) if f in FACET_ORDER else 99):
            values = facets[facet]
            top = sorted(values.items(), key=lambda kv: (-kv[1], kv[0]))
            for value, count in top[: CHIPS_PER_FACET.get(facet, 4)]:
                chip = QPushButton(f"{facet_label(facet, str(value))} {count}")
                chip.setObjectName("chip")
                chip.setCheckable(True)
                chip.setChecked(self.filters.get(facet) == value)
                chip.setAccessibleName(
                    _("Only {value}").format(value=facet_label(facet, str(value)))
                )
                chip.toggled.connect(lambda on, f=facet, v=value: self.toggle_filter(f, v, on))
                self.chips.append(chip)
                self.chips_box.addWidget(chip)
        for facet, value in self.filters.items():  # a chosen chip stays visible to undo it
            if not any(c.isChecked() for c in self.chips):
                chip = QPushButton(facet_label(facet, str(value)))
                chip.setObjectName("chip")
                chip.setCheckable(True)
                chip.setChecked(True)
                chip.toggled.connect(lambda on, f=facet, v=value: self.toggle_filter(f, v, on))
                self.chips.append(chip)
                self.chips_box.addWidget(chip)

    def toggle_filter(self, facet: str, value: Any, on: bool) -> None:
        if on:
            self.filters[facet] = value
        else:
            self.filters.pop(facet, None)
        if self.controller and self.query.strip():
            self.controller.request(self.query, self.filters)

    # --- keyboard --------------------------------------------------------------------------

    def handle_key(self, event: QEvent) -> bool:
        """Up/Down move through the results and Enter opens one (keys from the search box)."""
        if not isinstance(event, QKeyEvent):
            return False
        rows = self.model.hit_rows()
        key = event.key()
        if not rows or key not in (
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
            Qt.Key.Key_PageDown,
            Qt.Key.Key_PageUp,
        ):
            return False
        current = self.list.currentIndex().row()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            row = current if current in rows else rows[0]
            self._on_activated(self.model.index(row, 0))
            return True
        pos = rows.index(current) if current in rows else -1
        step = {
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_PageDown: 8,
            Qt.Key.Key_PageUp: -8,
        }[Qt.Key(key)]
        pos = max(0, min(len(rows) - 1, pos + step))
        self.list.setCurrentIndex(self.model.index(rows[pos], 0))
        self.list.scrollTo(self.list.currentIndex())
        return True

    def _on_activated(self, index: QModelIndex) -> None:
        record_id = index.data(ID_ROLE)
        if record_id:
            self.recordActivated.emit(str(record_id))

    # --- look and language -----------------------------------------------------------------

    def set_colors(self, colors: Colors) -> None:
        self.colors = colors
        self.heading.setStyleSheet(title_sheet(colors))
        self.chips_area.setStyleSheet(chip_sheet(colors))

    def _update_heading(self) -> None:
        if self.query.strip():
            self.heading.setText(_("Results for “{query}”").format(query=self.query.strip()))
        else:
            self.heading.setText(_("Search"))

    def retranslate(self) -> None:
        self._update_heading()
        self.list.setAccessibleName(_("Search results"))
        self.suggestion.setAccessibleName(_("Spelling suggestion"))
        if self.outcome is not None and self.query.strip() and self.controller:
            self.controller.request(self.query, self.filters)

    def shutdown(self) -> None:
        if self.controller:
            self.controller.shutdown()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
