"""One table model for every list: records (dataclasses) shown through column definitions."""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel

RIGHT = Qt.AlignRight | Qt.AlignVCenter
LEFT = Qt.AlignLeft | Qt.AlignVCenter
# Roles as plain ints: data() runs for every visible cell on every repaint, and comparing
# Qt enums costs several times more than comparing ints.
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_ALIGN = Qt.ItemDataRole.TextAlignmentRole.value
_BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
_HORIZONTAL = Qt.Orientation.Horizontal

TINTS = {  # row backgrounds that say something: expired, expiring soon, blocked
    "expired": QColor("#f8d7da"),
    "soon": QColor("#fff3cd"),
    "blocked": QColor("#e2e3e5"),
}


@dataclass(frozen=True)
class Column:
    title: str
    value: Callable[[object], object]
    align: Qt.AlignmentFlag = LEFT
    width: int | None = None  # a fixed starting width for long, less important text


class RecordTableModel(QAbstractTableModel):
    def __init__(self, columns: list[Column], tint: Callable[[object], str | None] | None = None):
        super().__init__()
        self.columns = columns
        self._records: list = []
        self._tint = tint

    def set_records(self, records: list) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int):
        return self._records[row]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        role = role if isinstance(role, int) else role.value
        if role == _DISPLAY or role == _TOOLTIP:  # the tooltip shows clipped text whole
            return str(self.columns[index.column()].value(self._records[index.row()]))
        if role == _ALIGN:
            return int(self.columns[index.column()].align)
        if role == _BACKGROUND and self._tint:
            tint = self._tint(self._records[index.row()])
            return QBrush(TINTS[tint]) if tint in TINTS else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        # Asked thousands of times while a window is laid out: ints, not enums, here too.
        role = role if isinstance(role, int) else role.value
        if orientation != _HORIZONTAL:
            return None
        if role == _DISPLAY:
            return self.columns[section].title
        if role == _ALIGN:
            return int(self.columns[section].align)
        return None


class ItemTableModel(QStandardItemModel):
    """Records shown through Columns as in RecordTableModel, but each cell's text is held by
    Qt: a repaint reads the cells without calling Python (a RecordTableModel answers seven
    data() calls per visible cell). For the table that changes and repaints on every scan."""

    def __init__(self, columns: list[Column]):
        super().__init__(0, len(columns))
        self.columns = columns
        self._records: list = []
        for number, column in enumerate(columns):
            header = QStandardItem(column.title)
            header.setTextAlignment(column.align)
            self.setHorizontalHeaderItem(number, header)

    def update_records(self, records: list) -> list[int]:
        """Show ``records`` in place of the current ones, touching only the rows that changed,
        came or went (no reset: the view keeps its selection and scroll position). Returns
        the rows whose cells changed or came."""
        records = list(records)
        old = self._records
        common = min(len(old), len(records))
        if len(old) > common:
            self.removeRows(common, len(old) - common)
        changed = [row for row in range(common) if old[row] != records[row]]
        for row in changed:
            for number, column in enumerate(self.columns):
                text = str(column.value(records[row]))
                item = self.item(row, number)
                if item.text() != text:
                    item.setText(text)
                    item.setToolTip(text)  # the tooltip shows clipped text whole
        for record in records[common:]:
            self.appendRow([self._item(column, record) for column in self.columns])
        self._records = records
        return changed + list(range(common, len(records)))

    @staticmethod
    def _item(column: Column, record) -> QStandardItem:
        text = str(column.value(record))
        item = QStandardItem(text)
        item.setToolTip(text)
        item.setTextAlignment(column.align)
        item.setEditable(False)
        return item

    def record(self, row: int):
        return self._records[row]
