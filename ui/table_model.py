"""One table model for every list: records (dataclasses) shown through column definitions."""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

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
