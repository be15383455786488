"""Qt item models that hold record ids and fetch the displayed columns lazily, block by block."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, NamedTuple, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QStandardItemModel

from sseref.core.i18n import _

ROLE = Qt.ItemDataRole
# Qt passes roles to data() as ints, a dozen per cell as it paints: compared as ints.
DISPLAY_ROLE = int(ROLE.DisplayRole)
ID_ROLE = int(ROLE.UserRole) + 1
_TEXT_ROLES = frozenset(
    int(r) for r in (ROLE.DisplayRole, ROLE.ToolTipRole, ROLE.AccessibleTextRole)
)
Index = QModelIndex | QPersistentModelIndex
# ids → {id: {column key: text}}: the panel turns core rows into display texts.
Fetch = Callable[[list[str]], dict[str, dict[str, str | None]]]
# (sort key, descending) → ids in that order: the panel asks the Database.
Query = Callable[[str, bool], list[str]]


class Column(NamedTuple):
    """One column: the key it reads from fetched rows (and sorts by) and its header (N_)."""

    key: str
    header: str
    sort_key: str | None = None


class RecordTableModel(QAbstractTableModel):
    """A table of records: holds ids only, fetches rows for the rows being shown."""

    BLOCK = 64
    idsChanged = Signal(int)

    def __init__(
        self, columns: list[Column], fetch: Fetch, query: Query, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._columns = columns
        self._fetch = fetch
        self._query = query
        self._ids: list[str] = []
        self._cache: dict[str, dict[str, str | None]] = {}
        self._sort: tuple[str, bool] = ("natural", False)
        self._loaded = False
        self.generation = 0  # counts the times the shown texts may have changed

    # --- content ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Asks for the ids again (filters changed) and forgets the fetched rows."""
        self._loaded = True
        self.set_ids(self._query(*self._sort))

    def set_ids(self, ids: list[str]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._cache.clear()
        self.generation += 1
        self.endResetModel()
        self.idsChanged.emit(len(self._ids))

    def invalidate(self) -> None:
        """Drops fetched rows (e.g. the language changed) and redraws."""
        self._cache.clear()
        self.generation += 1
        if self._ids:
            last = self.index(len(self._ids) - 1, len(self._columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        # Views take the titles from a HeaderModel: the panel gives it header_labels().

    def header_labels(self) -> list[str]:
        """The column titles in the current language."""
        return [_(column.header) for column in self._columns]

    def ids(self) -> list[str]:
        return list(self._ids)

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: str) -> int:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    def texts(self, column: int, rows: Iterable[int]) -> list[str]:
        """The display texts of one column in some rows (read here, not through Qt's
        model interface: a panel measures a block of rows to size its columns)."""
        key = self._columns[column].key
        return [self._row(row).get(key) or "" for row in rows]

    def _row(self, row: int) -> dict[str, str | None]:
        record_id = self._ids[row]
        if record_id not in self._cache:
            start = row - row % self.BLOCK
            block = [i for i in self._ids[start : start + self.BLOCK] if i not in self._cache]
            fetched = self._fetch(block)
            for i in block:
                self._cache[i] = fetched.get(i, {})
        return self._cache[record_id]

    # --- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = DISPLAY_ROLE) -> Any:
        if role not in _TEXT_ROLES and role != ID_ROLE:
            return None
        row = index.row()
        if not index.isValid() or row >= len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[row]
        value = self._row(row).get(self._columns[index.column()].key)
        return value or ("" if role == DISPLAY_ROLE else None)

    def multiData(  # noqa: N802
        self,
        index: Index,
        roleDataSpan: QModelRoleDataSpan | QModelRoleData,  # noqa: N803
    ) -> None:
        # A view's delegate asks for seven roles per cell at once: answering them in one call
        # instead of seven calls of data() makes painting a screenful of rows a third cheaper.
        if not index.isValid():
            return
        # PySide's stubs do not say that a span iterates over its QModelRoleData items.
        items = (
            [roleDataSpan]
            if isinstance(roleDataSpan, QModelRoleData)
            else cast("Iterable[QModelRoleData]", roleDataSpan)
        )
        for item in items:
            role = item.role()
            if role in _TEXT_ROLES or role == ID_ROLE:
                item.setData(self.data(index, role))

    # Neither flags() nor headerData() is overridden: Qt's flags (enabled, selectable, no
    # children) are a row's, and views show the titles from a HeaderModel.

    def sort(self, column: int, order: Qt.SortOrder | None = None) -> None:
        if not 0 <= column < len(self._columns):
            self._sort = ("natural", False)
        else:
            col = self._columns[column]
            self._sort = (col.sort_key or col.key, order == Qt.SortOrder.DescendingOrder)
        if self._loaded:  # before the first load, only remember the order
            self.refresh()


class HeaderModel(QStandardItemModel):
    """The column titles a table's header shows, kept apart from the records' model.

    Titles change with the language while the records stay: the header's own model keeps
    them, in C++, instead of a Python headerData() called for every header repaint.
    """

    def __init__(self, labels: list[str], parent: QObject | None = None) -> None:
        super().__init__(0, len(labels), parent)
        self.set_labels(labels)

    def set_labels(self, labels: list[str]) -> None:
        self.setHorizontalHeaderLabels(labels)
