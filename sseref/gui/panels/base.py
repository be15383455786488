"""The shared shape of the browsing panels: a filter box, filter controls and a record table."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sseref.core import kinds, vocab
from sseref.core.db import Database
from sseref.core.i18n import N_, _, current_language, ngettext
from sseref.core.listing import ListFilter
from sseref.gui.labels import number_label, region_label, theme_label, type_label
from sseref.gui.models import Column, HeaderModel, RecordTableModel
from sseref.gui.theme import LIGHT, Colors, mute, title_sheet
from sseref.gui.widgets import FilterCombo, YearRange

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QKeyEvent, QResizeEvent

# A column's share of room beyond its content is capped: the title column takes the rest.
MAX_COLUMN = 240
MIN_COLUMN = 48


def sort_by(
    ids: list[str], key: Callable[[str], str | int | None], descending: bool = False
) -> list[str]:
    """`ids` ordered by a value the database cannot sort by (a count, a role); records without
    a value go last either way, ties keep the database's order (by name)."""
    valued = [(key(i), i) for i in ids]
    # sorted() is stable, reversed too: equal values keep the database's order.
    present = sorted(
        ((v, i) for v, i in valued if v is not None and v != ""),
        key=lambda pair: pair[0],
        reverse=descending,
    )
    return [i for _v, i in present] + [i for v, i in valued if v is None or v == ""]


def _by_label(choice: tuple[str, str]) -> str:
    """Filter choices sort by their label, case and accents aside."""
    return choice[1].casefold()


class RecordTable(QTableView):
    """A table of records where Enter opens the current row, like a double-click.

    Its columns fit its width (no horizontal scrolling): see `fit_columns`.
    """

    activatedId = Signal(str)
    widthChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The viewport's width, as its last resize gave it (0 before its first). Asking
        # viewport() for it costs the first call some 5-10 ms: PySide looks for the Python
        # type of a widget it has not seen yet through every QWidget class of QtWidgets.
        self.viewport_width = 0

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        # A scroll area's resizeEvent is its viewport's (Qt's documentation of
        # QAbstractScrollArea.resizeEvent): the size is the viewport's.
        super().resizeEvent(event)
        self.viewport_width = event.size().width()
        if event.size().width() != event.oldSize().width():
            self.widthChanged.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class ListPanel(QWidget):
    """A panel listing records of one kind; subclasses declare columns, filters and rows."""

    kind = ""
    key = ""
    title = ""  # N_-marked
    recordSelected = Signal(str)
    recordActivated = Signal(str)
    countChanged = Signal(int)
    filtersChanged = Signal(object)  # {name: value}: remembered between runs by the window
    contextRequested = Signal(object)  # (QMenu) a row's menu: the window adds its commands
    stretch_key = "title"  # the column that takes the room the others leave
    stretch_share = 0.36  # the least share of the width it keeps when room is short

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._loaded = False
        self._quiet = False
        self.combos: list[FilterCombo] = []
        self.year_range: YearRange | None = None
        self._widths: tuple[object, list[int]] | None = None  # see _content_widths
        self.heading = QLabel()
        self.heading.setStyleSheet(title_sheet(LIGHT))  # the window passes its own: set_colors
        self.search = QLineEdit()  # its clear button: MainWindow.settle()
        self.count_label = QLabel()
        mute(self.count_label)
        # The filter controls, on one row or, when the panel is narrow (large text, long
        # translations), on two: a control is never squeezed below its text.
        self.filter_bar = QHBoxLayout()
        self.filter_bar.setContentsMargins(0, 0, 0, 0)
        self.filter_bar2 = QHBoxLayout()
        self.filter_bar2.setContentsMargins(0, 0, 0, 0)
        self.filter_widgets: list[QWidget] = []
        self.model = RecordTableModel(self.columns(), self.fetch, self.query, self)
        self.table = RecordTable()
        self.table.setModel(self.model)
        self._setup_table()
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.model.idsChanged.connect(self._on_count)
        self.body = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(self.heading)
        head.addStretch(1)
        head.addWidget(self.count_label)
        self.body.addLayout(head)
        self.body.addWidget(self.search)
        self.body.addLayout(self.filter_bar)
        self.body.addLayout(self.filter_bar2)
        self.build_filters()
        self.filter_bar.addStretch(1)
        self.filter_bar2.addStretch(1)
        self.add_content()
        self.retranslate()

    # --- subclass hooks --------------------------------------------------------------------

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def fetch(self, ids: list[str]) -> dict[str, dict[str, str | None]]:
        raise NotImplementedError

    def build_filters(self) -> None:
        """Adds filter controls with `add_combo` / `add_year_range`."""

    def current_filter(self) -> ListFilter:
        return ListFilter(text=self.search.text())

    def add_content(self) -> None:
        self.body.addWidget(self.table, 1)

    # --- building blocks -------------------------------------------------------------------

    def add_combo(self, combo: FilterCombo) -> FilterCombo:
        self.combos.append(combo)
        combo.changed.connect(self.refresh)
        self.filter_bar.addWidget(combo)
        self.filter_widgets.append(combo)
        return combo

    def add_type_combo(self, accessible: str) -> FilterCombo:
        """A filter by the kind's type (its `kind_type` field in core.kinds), by label."""
        declared = kinds.spec(self.kind).type_field
        assert declared is not None, self.kind

        def choices() -> list[tuple[str, str]]:
            keys = self.db.facet_values(self.kind, declared.name)
            return sorted(((k, type_label(self.kind, k)) for k in keys), key=_by_label)

        return self.add_combo(FilterCombo(N_("All types"), choices, accessible))

    def add_region_combo(self) -> FilterCombo:
        """A filter by region: the regions the kind's records name."""

        def choices() -> list[tuple[str, str]]:
            return [(k, region_label(k)) for k in self.db.facet_values(self.kind, "region")]

        return self.add_combo(FilterCombo(N_("All regions"), choices, N_("Region")))

    def add_theme_combo(self) -> FilterCombo:
        """A filter by theme (SSE, South-South cooperation)."""
        return self.add_combo(
            FilterCombo(
                N_("All themes"), lambda: [(k, theme_label(k)) for k in vocab.THEMES], N_("Theme")
            )
        )

    def add_country_combo(self) -> FilterCombo:
        """A filter by the kind's `country` field: the countries its records name, by name."""

        def choices() -> list[tuple[str, str]]:
            names = self.db.titles(self.db.facet_values(self.kind, "country"), self.lang)
            return sorted(names.items(), key=_by_label)

        return self.add_combo(FilterCombo(N_("All countries"), choices, N_("Country")))

    def add_year_range(self) -> YearRange:
        self.year_range = YearRange(self.db.year_span(self.kind))
        self.year_range.changed.connect(self.refresh)
        self.filter_bar.addWidget(self.year_range)
        self.filter_widgets.append(self.year_range)
        return self.year_range

    def wrap_filters(self) -> None:
        """Puts on the first row the filter controls that fit the panel's width at their
        natural size, the others on a second row (which stays empty when all fit)."""
        if not self.filter_widgets:
            return
        room = (
            self.width() - self.body.contentsMargins().left() - self.body.contentsMargins().right()
        )
        spacing = max(0, self.filter_bar.spacing())
        used, first_row = 0, 0
        for widget in self.filter_widgets:
            need = widget.sizeHint().width() + (spacing if first_row else 0)
            if first_row and used + need > room:
                break
            used += need
            first_row += 1
        for i, widget in enumerate(self.filter_widgets):
            target = self.filter_bar if i < first_row else self.filter_bar2
            if target.indexOf(widget) < 0:
                (self.filter_bar2 if target is self.filter_bar else self.filter_bar).removeWidget(
                    widget
                )
                # Before the row's closing stretch, in the controls' order.
                before = sum(1 for w in self.filter_widgets[:i] if target.indexOf(w) >= 0)
                target.insertWidget(before, widget)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.wrap_filters()

    def _setup_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        # Titles from the header's own model, and sorting done here on a click rather than by
        # Qt's setSortingEnabled (which sorts at once, by the first column): the natural order
        # (by name, date…) shows no arrow until the user picks a column.
        self.header_model = HeaderModel(self.model.header_labels(), self)
        header.setModel(self.header_model)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(False)
        header.sortIndicatorChanged.connect(self._on_sort_indicator)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Sizing a column to its contents reads the first rows only (one block the model fetches
        # anyway), not Qt's default of 1000 rows, which would fetch and format nearly every row.
        header.setResizeContentsPrecision(RecordTableModel.BLOCK)
        # The columns fit the width (fit_columns); a cell cut short shows its text as a tooltip.
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.widthChanged.connect(self.fit_columns)
        # A title longer than its column starts at its first word and ends with "…".
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._row_menu)
        table.setTabKeyNavigation(False)
        table.activated.connect(self._on_activated)
        table.selectionModel().selectionChanged.connect(self._on_selection)

    def set_colors(self, colors: Colors) -> None:
        """The theme changed (or the panel was just built): what the palette does not carry.
        The text size may have changed too: the filters and columns are laid out again."""
        self.heading.setStyleSheet(title_sheet(colors))
        self.wrap_filters()
        self.fit_columns()

    def _on_sort_indicator(self, column: int, order: Qt.SortOrder) -> None:
        """A click on a column title (the header flips its own arrow): sort by that column."""
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.model.sort(column, order)

    # --- behaviour -------------------------------------------------------------------------

    @property
    def lang(self) -> str:
        return current_language()

    def query(self, order: str, descending: bool) -> list[str]:
        return self.db.filter_ids(
            self.kind, self.current_filter(), lang=self.lang, order=order, descending=descending
        )

    def ensure_loaded(self) -> None:
        """Fills the table the first time the panel is shown (start-up stays fast)."""
        if not self._loaded:
            self._loaded = True
            self.refresh()
            self.fit_columns()

    def _content_widths(self) -> list[int]:
        """Each column's width for its title and its longest text among the first rows (the
        block fetched anyway). Measured on the texts: Qt's resizeColumnToContents asks the
        style and the delegate for every row's size, three times the cost. Kept while the
        model's texts and the fonts stay: a window's first show resizes the table twice, and
        the profile showed the second measure costing as much as the first."""
        labels = self.model.header_labels()
        key = (
            self.model.generation,
            self.table.font().key(),
            self.table.horizontalHeader().font().key(),
        )
        if self._widths is not None and self._widths[0] == key:
            return self._widths[1]
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader().fontMetrics()
        rows = range(min(self.model.rowCount(), RecordTableModel.BLOCK))
        widths = []
        for col, label in enumerate(labels):
            texts = self.model.texts(col, rows)
            content = max((metrics.horizontalAdvance(t) for t in texts), default=0)
            widths.append(max(content + 20, header.horizontalAdvance(label) + 28, MIN_COLUMN))
        self._widths = (key, widths)
        return widths

    def fit_columns(self) -> None:
        """Columns sized to their content and to the table's width: the title column takes
        what the others leave; when all do not fit, the widest give way first."""
        if not self._loaded or not self.table.isVisibleTo(self.window()):
            return
        keys = [c.key for c in self.columns()]
        stretch = keys.index(self.stretch_key) if self.stretch_key in keys else 0
        widths = [
            min(w, MAX_COLUMN) if i != stretch else w for i, w in enumerate(self._content_widths())
        ]
        room = self.table.viewport_width
        if room <= 0:
            return
        others = sum(w for i, w in enumerate(widths) if i != stretch)
        # The title keeps its share of the room; the other columns share the rest.
        title_min = int(room * self.stretch_share)
        if others + title_min > room:
            budget = max(room - title_min, MIN_COLUMN * (len(widths) - 1))
            while others > budget:
                i = max((j for j in range(len(widths)) if j != stretch), key=lambda j: widths[j])
                if widths[i] <= MIN_COLUMN:
                    break
                cut = min(widths[i] - MIN_COLUMN, others - budget, max(8, widths[i] // 8))
                widths[i] -= cut
                others -= cut
        widths[stretch] = max(room - others, MIN_COLUMN)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for i, width in enumerate(widths):
            self.table.setColumnWidth(i, width)
        self.table.horizontalScrollBar().setValue(0)

    def refresh(self) -> None:
        self._loaded = True
        self.model.refresh()
        self.filtersChanged.emit(self.filter_values())

    def filter_values(self) -> dict[str, str]:
        """The filters as set now (text, choices, years): what the window remembers."""
        values = {"text": self.search.text()} if self.search.text() else {}
        for i, combo in enumerate(self.combos):
            if combo.value():
                values[f"combo{i}"] = str(combo.value())
        if self.year_range is not None:
            start, end = self.year_range.bounds()
            if start is not None or end is not None:
                values["years"] = f"{start or ''}..{end or ''}"
        return values

    def restore_filters(self, values: dict[str, str]) -> None:
        """Sets the filters remembered from the last run (unknown values are ignored)."""
        if not values:
            return
        for i, combo in enumerate(self.combos):
            if f"combo{i}" in values:
                combo.set_value(values[f"combo{i}"])
        if self.year_range is not None and "years" in values:
            lo, _sep, hi = values["years"].partition("..")
            span = self.year_range._span
            try:
                self.year_range.set_range(int(lo or span[0]), int(hi or span[1]))
            except ValueError:
                pass
        self.search.setText(values.get("text", ""))

    def has_filters(self) -> bool:
        return bool(self.filter_values())

    def _row_menu(self, pos: QPoint) -> None:
        menu = self.row_menu(pos)
        if menu is not None:
            menu.exec(QCursor.pos())
            menu.deleteLater()

    def row_menu(self, pos: QPoint) -> QMenu | None:
        """A row's menu: the row becomes current (its record opens), then its commands."""
        index = self.table.indexAt(pos)
        if not index.isValid():
            return None
        self.table.selectRow(index.row())
        menu = QMenu(self)
        self.contextRequested.emit(menu)
        return menu

    def select_id(self, record_id: str) -> bool:
        """Makes `record_id` the current row if the list shows it (without re-opening it)."""
        row = self.model.row_of(record_id)
        if row < 0:
            return False
        self._quiet = True
        try:
            self.table.selectRow(row)
        finally:
            self._quiet = False
        return True

    def _on_activated(self, index: QModelIndex) -> None:
        record_id = self.model.id_at(index.row())
        if record_id:
            self.recordActivated.emit(record_id)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes and not self._quiet:
            record_id = self.model.id_at(indexes[0].row())
            if record_id:
                self.recordSelected.emit(record_id)

    def _on_count(self, n: int) -> None:
        self.count_label.setText(ngettext("{n} record", "{n} records", n).format(n=number_label(n)))
        self.countChanged.emit(n)

    def stop(self) -> None:
        """Cancels pending work (the window is closing)."""
        self._debounce.stop()

    def reset_filters(self) -> None:
        self.search.clear()
        for combo in self.combos:
            combo.set_value(None)
        if self.year_range:
            self.year_range.reset()

    def retranslate(self) -> None:
        self.heading.setText(_(self.title))
        self.search.setPlaceholderText(_("Filter by name, acronym or symbol…"))
        self.search.setAccessibleName(_("Filter {panel}").format(panel=_(self.title)))
        self.table.setAccessibleName(_(self.title))
        for combo in self.combos:
            combo.retranslate()
        if self.year_range:
            self.year_range.retranslate()
        self.wrap_filters()
        if self._loaded:  # names sort differently in another language: ask again
            self.model.refresh()
        else:
            self.model.invalidate()
        self.header_model.set_labels(self.model.header_labels())
        self._on_count(self.model.rowCount())
        self.count_label.setAccessibleName(self.count_label.text())
