"""A date field that takes a day as people type it (31122026, 31/12/2026, 31-12-2026)
whatever it held before, and says in place when the day is impossible. QDateEdit edits
sections: typing 31122026 over 30/11 gave 30/12/2026, leaving the 31st out of a period."""

from datetime import date as Day

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from pos.clock import parse_day
from pos.errors import ValidationError


class DateField(QWidget):
    """The QDateEdit calls pages use (date, setDate, dateChanged) over a line edit."""

    dateChanged = Signal(QDate)

    def __init__(self, day: QDate | Day | None = None, parent=None):
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("31/12/2026")
        self.edit.setMaxLength(10)
        # "00/00/0000 " wide in the field's own font: dates never elide
        width = self.edit.fontMetrics().horizontalAdvance("00/00/00000") + 24
        self.edit.setMinimumWidth(width)
        self.edit.setMaximumWidth(width + 40)
        self.problem = QLabel()
        self.problem.setObjectName("dateProblem")
        self.problem.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.problem)
        self.setFocusProxy(self.edit)
        self._day = QDate.currentDate()
        self.edit.editingFinished.connect(self._typed)
        self.setDate(day or self._day)

    def date(self) -> QDate:
        return self._day

    def setDate(self, day: QDate | Day) -> None:
        day = day if isinstance(day, QDate) else QDate(day.year, day.month, day.day)
        changed = day != self._day
        self._day = day
        self.edit.setText(day.toString("dd/MM/yyyy"))
        self._say("")
        if changed and not self.signalsBlocked():
            self.dateChanged.emit(day)

    def _typed(self) -> None:
        try:
            typed = parse_day(self.edit.text())
        except ValidationError as error:
            self._say(str(error))  # the field keeps what was typed, to correct
            return
        self.setDate(typed)

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        self.edit.setProperty("problem", bool(text))
        self.edit.style().unpolish(self.edit)
        self.edit.style().polish(self.edit)
