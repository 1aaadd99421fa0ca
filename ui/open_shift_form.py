"""Opening a shift: a sale needs one. Asks the cashier's name and the opening cash float."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from pos.errors import PosError
from pos.money import parse_vnd
from pos.services import shifts
from ui.widgets import message_label, show_message


class OpenShiftForm(QWidget):
    """A sale needs an open shift: the cashier's name and the opening cash float."""

    def __init__(self, db: Database, terminal: str, opened: Callable[[], None], current_user=None):
        super().__init__()
        self.db = db
        self.current_user = current_user
        self.terminal = terminal
        self.opened = opened
        self.cashier = QLineEdit()
        self.opening_float = QLineEdit()
        self.opening_float.setPlaceholderText("500.000")
        self.opening_float.returnPressed.connect(self.open_shift)
        self.cashier.returnPressed.connect(self.opening_float.setFocus)
        self.button = QPushButton(self.tr("Open shift"))
        self.button.clicked.connect(self.open_shift)
        self.message = message_label()
        title = QLabel(self.tr("Open a shift to start selling"))
        title.setObjectName("sectionTitle")
        form = QFormLayout()
        form.addRow(self.tr("Cashier"), self.cashier)
        form.addRow(self.tr("Opening cash float"), self.opening_float)
        box = QWidget()
        box.setMaximumWidth(520)
        column = QVBoxLayout(box)
        column.addWidget(title)
        column.addLayout(form)
        column.addWidget(self.button)
        column.addWidget(self.message)
        layout = QHBoxLayout(self)
        layout.addStretch()
        layout.addWidget(box, 0, Qt.AlignTop)
        layout.addStretch()

    def start(self) -> None:
        if self.current_user:  # the shift is whoever signed in: F10 to open it for another
            self.cashier.setText(self.current_user().display_name)
            self.cashier.setReadOnly(True)
        (self.opening_float if self.cashier.text() else self.cashier).setFocus()

    def open_shift(self) -> None:
        try:
            amount = parse_vnd(self.opening_float.text() or "0")
            person = self.current_user() if self.current_user else None
            shifts.open_shift(
                self.db, self.terminal, self.cashier.text(), amount, person.uuid if person else None
            )
        except PosError as error:
            show_message(self.message, str(error), True)
            return
        self.opened()
