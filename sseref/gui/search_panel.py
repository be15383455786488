"""Search as you type: the best match first, one line of facet chips, "Did you mean …?"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
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
from sseref.gui.theme import LIGHT, Colors, chip_sheet, link_button_sheet, mute, title_sheet
from sseref.gui.widgets import FlowLayout

# Every kind gets its chip (the data's kinds and the user's own documents).
CHIPS_PER_FACET = {
    "kind": len(vocab.KINDS) + 1,
    "type": 4,
    "region": 3,
    "lang": 3,
    "decade": 4,
    "theme": 3,
}
FACET_ORDER = ("kind", "type", "region", "theme", "lang", "decade", "year")


def useful_chips(
    facets: dict[str, dict[str, int]], total: int, chosen: dict[str, Any]
) -> list[tuple[str, str, int]]:
    """(facet, value, count) worth a chip: a value held by every result cannot narrow them,
    so it gets no chip (unless it is the filter in force, shown to be undone)."""
    chips: list[tuple[str, str, int]] = []
    for facet in sorted(facets, key=lambda f: FACET_ORDER.index(f) if f in FACET_ORDER else 99):
        # The user's own documents ("Mine") come first: few, and never crowded out.
        top = sorted(
            facets[facet].items(),
            key=lambda kv: (kv[0] != vocab.MY_DOCUMENT_KIND, -kv[1], kv[0]),
        )
        shown = 0
        for value, count in top:
            if chosen.get(facet) == value:
                chips.append((facet, str(value), count))
            elif 0 < count < total and shown < CHIPS_PER_FACET.get(facet, 4):
                chips.append((facet, str(value), count))
                shown += 1
    for facet, value in chosen.items():  # a chosen value the results no longer count
        if not any(f == facet and v == str(value) for f, v, _n in chips):
            chips.insert(0, (facet, str(value), total))
    return chips


def facet_label(facet: str, value: str) -> str:
    """A readable chip text for one facet value."""
    if facet == "decade":
        return _("{year}s").format(year=value[:4]) if value[:4].isdigit() else value
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
    recordPreviewed = Signal(str)  # the current result changed by the keyboard: show it
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
        self.heading.setWordWrap(True)
        self.status = QLabel()
        mute(self.status)
        # A button, not a link in a label: Tab reaches it and Space/Enter use it.
        self.suggestion = QPushButton()
        self.suggestion.setObjectName("suggestion")
        self.suggestion.setFlat(True)
        self.suggestion.setCursor(Qt.CursorShape.PointingHandCursor)
        self.suggestion.setStyleSheet(link_button_sheet(self.colors))
        self.suggestion.clicked.connect(self._use_suggestion)
        self.suggestion.hide()
        self.entry: QWidget | None = None  # the search box, first in the Tab order
        self.chips_area = QWidget()
        self.chips_box = FlowLayout(self.chips_area)
        self.chips: list[QPushButton] = []
        # Facets take one line; "More filters" shows the others.
        self.more = QPushButton()
        self.more.setObjectName("moreFilters")
        self.more.setCheckable(True)
        self.more.toggled.connect(lambda _on: self._fit_chips())
        self.more.hide()
        self.filters_row = QWidget()
        self.filters_row.setStyleSheet(chip_sheet(self.colors))
        row = QHBoxLayout(self.filters_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.chips_area, 1)
        row.addWidget(self.more, 0, Qt.AlignmentFlag.AlignTop)
        self.model = SearchResultsModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(HtmlDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Every row one height: the view lays out no row (and makes no snippet) unpainted.
        self.list.setUniformItemSizes(True)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.activated.connect(self._on_activated)
        self.list.clicked.connect(self._on_activated)
        layout = self._layout = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.status)
        layout.addLayout(head)
        layout.addWidget(self.suggestion, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.filters_row)
        layout.addWidget(self.list, 1)
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        self._auto_current = False  # the current row is being set by new results
        self._open_when_ready = False  # Enter came before the results of the text typed
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
        self._open_when_ready = False
        self.query = text
        self._update_heading()
        if not text.strip():
            self.model.set_hits([])
            self._set_chips({}, 0)
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
        self._set_chips(outcome.facets, outcome.total)
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
            self.suggestion.setText(_("Did you mean {text}?").format(text=outcome.suggestion))
            self.suggestion.setAccessibleName(
                _("Did you mean {text}?").format(text=outcome.suggestion)
            )
            self.suggestion.show()
        else:
            self.suggestion.hide()
        if self.model.rowCount():
            # Row 0 is the engine's first hit: the one Enter opens.
            self._auto_current = True
            self.list.setCurrentIndex(self.model.index(0, 0))
            self.list.scrollToTop()
            self._auto_current = False
        self._update_tab_order()
        if self._open_when_ready and not outcome.error:
            self._open_when_ready = False
            if outcome.hits:  # Enter was pressed before these results came
                self.recordActivated.emit(outcome.hits[0].id)

    def _use_suggestion(self, _checked: bool = False) -> None:
        if self.outcome and self.outcome.suggestion:
            self.suggestionChosen.emit(self.outcome.suggestion)

    # --- facets ----------------------------------------------------------------------------

    def _set_chips(self, facets: dict[str, dict[str, int]], total: int) -> None:
        for chip in self.chips:
            self.chips_box.removeWidget(chip)
            chip.deleteLater()
        self.chips = []
        for facet, value, count in useful_chips(facets, total, self.filters):
            text = facet_label(facet, value)
            chip = QPushButton(f"{text} {number_label(count)}")
            chip.setObjectName("chip")
            chip.setCheckable(True)
            chip.setChecked(self.filters.get(facet) == value)
            chip.setAccessibleName(_("Only {value}").format(value=text))
            chip.toggled.connect(lambda on, f=facet, v=value: self.toggle_filter(f, v, on))
            self.chips.append(chip)
            self.chips_box.addWidget(chip)
        self._fit_chips()

    def _fit_chips(self) -> None:
        """Collapsed: the chips that fit on one line, and "More filters" if some do not."""
        # The panel's width, not the row's: the row may be hidden or not laid out yet.
        margins = self.contentsMargins() + self._layout.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        spacing = 6
        widths = [chip.sizeHint().width() + spacing for chip in self.chips]
        # The room kept for the button is the same open or closed: the line does not change.
        labels = (_("Fewer filters"), _("More filters ({n})").format(n=len(self.chips)))
        metrics = self.more.fontMetrics()
        more_width = max(metrics.horizontalAdvance(t) for t in labels) + 4 * spacing + spacing
        fits_all = sum(widths) <= room
        used, hidden, full = 0, 0, False
        for chip, width in zip(self.chips, widths, strict=True):
            full = full or used + width > room - more_width
            visible = self.more.isChecked() or fits_all or not full or chip.isChecked()
            hidden += 0 if visible else 1
            chip.setVisible(visible)
            used += width if visible else 0
        expandable = bool(self.chips) and not fits_all
        self.more.setVisible(expandable)
        self.more.setText(
            _("Fewer filters")
            if self.more.isChecked()
            else _("More filters ({n})").format(n=number_label(hidden))
        )
        self.filters_row.setVisible(bool(self.chips))
        self._update_tab_order()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_chips()

    def focus_chain(self) -> list[QWidget]:
        """The Tab order after the search box: suggestion, chips, "More filters", results."""
        chain: list[QWidget] = []
        if not self.suggestion.isHidden():
            chain.append(self.suggestion)
        chain += [c for c in self.chips if not c.isHidden()]
        if not self.more.isHidden():
            chain.append(self.more)
        chain.append(self.list)
        return chain

    def set_entry(self, entry: QWidget) -> None:
        self.entry = entry
        self._update_tab_order()

    def _update_tab_order(self) -> None:
        chain = self.focus_chain()
        first = self.entry if self.entry is not None else None
        for before, after in zip([first, *chain], chain, strict=False):
            if before is not None:
                QWidget.setTabOrder(before, after)

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
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self.query.strip() and self.controller and not self._is_fresh():
            # The results shown (if any) are an older text's: Enter opens the first result
            # of what was typed as soon as it comes (typing "bapa" then Enter at once).
            self._open_when_ready = True
            return True
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

    def _is_fresh(self) -> bool:
        """Whether the results shown answer the text now in the search box."""
        return self.outcome is not None and self.outcome.text == self.query

    def _on_activated(self, index: QModelIndex) -> None:
        record_id = index.data(ID_ROLE)
        if record_id:
            self.recordActivated.emit(str(record_id))

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """Arrowing through the results shows each one in the record pane (not new results:
        typing must not replace the record pane at every key)."""
        if self._auto_current or not current.isValid():
            return
        record_id = current.data(ID_ROLE)
        if record_id:
            self.recordPreviewed.emit(str(record_id))

    # --- look and language -----------------------------------------------------------------

    def set_colors(self, colors: Colors) -> None:
        self.colors = colors
        self.heading.setStyleSheet(title_sheet(colors))
        self.filters_row.setStyleSheet(chip_sheet(colors))
        self.suggestion.setStyleSheet(link_button_sheet(colors))

    def _update_heading(self) -> None:
        if self.query.strip():
            self.heading.setText(_("Results for “{query}”").format(query=self.query.strip()))
        else:
            self.heading.setText(_("Search"))

    def retranslate(self) -> None:
        self._update_heading()
        self.list.setAccessibleName(_("Search results"))
        self.suggestion.setAccessibleName(_("Spelling suggestion"))
        self.more.setAccessibleName(_("More filters"))
        self._fit_chips()
        if self.outcome is not None and self.query.strip() and self.controller:
            self.controller.request(self.query, self.filters)

    def shutdown(self) -> None:
        if self.controller:
            self.controller.shutdown()
