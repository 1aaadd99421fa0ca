"""Refunds at the till: scan or type the receipt number, choose lines and quantities, a
reason and how the money goes back. A cashier needs a manager's approval."""

import uuid
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from pos.documents.refund import REASONS
from pos.errors import PosError
from pos.money import format_vnd
from pos.permissions import Approval, User, needs_approval
from pos.printing.receipt import METHOD_LABELS
from pos.services import refunds
from ui.widgets import message_label, show_message


class RefundDialog(QDialog):
    refunded = Signal(object)  # PostedRefund

    def __init__(self, db: Database, terminal: str, actor: User, ask_approval, parent=None):
        super().__init__(parent)
        self.db, self.terminal, self.actor, self.ask_approval = db, terminal, actor, ask_approval
        self.sale: refunds.SaleForRefund | None = None
        self.token = uuid.uuid4().hex  # one refund, however often it is confirmed
        self.setWindowTitle(self.tr("Refund"))
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("Scan the receipt's QR or type its number"))
        self.number.setAttribute(Qt.WA_InputMethodEnabled, False)
        self.number.returnPressed.connect(self.load)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Product"), self.tr("Sold"), self.tr("Refunded before"), self.tr("Refund")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)  # the name gets the room
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        self.table.setTabKeyNavigation(False)  # Tab goes quantity to quantity, then on
        self.table.verticalHeader().hide()
        self.reason = QComboBox()
        self.reason.addItem(self.tr("Choose the reason..."), None)  # no default: chosen
        for code, text in REASONS.items():
            self.reason.addItem(text, code)
        self.reason.currentIndexChanged.connect(self._reason_chosen)
        self.total = QLabel()
        self.total.setObjectName("bigPrice")
        self.total.setAlignment(Qt.AlignRight)
        self.note = QLineEdit()
        self.method = QComboBox()
        self.damaged = QCheckBox(self.tr("Goods damaged: write them off instead of restocking"))
        self.message = message_label()
        # F12 confirms, as it pays at the till (a line edit would swallow Ctrl+Enter)
        self.confirm = QPushButton(self.tr("Refund (F12)"))
        QShortcut(QKeySequence("F12"), self).activated.connect(self.submit)
        self.confirm.setAutoDefault(False)  # Enter loads a receipt; only Ctrl+Enter refunds
        self.confirm.clicked.connect(self.submit)
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.tr("Money back by"), self.method)
        layout = QVBoxLayout(self)
        layout.addWidget(self.number)
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addWidget(self.damaged)
        layout.addWidget(self.total)
        layout.addWidget(self.message)
        layout.addWidget(self.confirm)
        self.resize(640, 480)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.activateWindow()  # the scanner types into this dialog, not the till behind it
        self.number.setFocus()

    def load(self) -> bool:
        try:
            self.sale = refunds.sale_for_refund(self.db, self.number.text())
        except PosError as error:
            self._say(str(error), True)
            return False
        self.table.setRowCount(len(self.sale.lines))
        for row, line in enumerate(self.sale.lines):
            for column, text in enumerate((line.name, str(line.qty_sold), str(line.qty_refunded))):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemIsEnabled)
                self.table.setItem(row, column, item)
            spin = QSpinBox()
            spin.setRange(0, line.qty_left)
            spin.valueChanged.connect(self._show_total)
            self.table.setCellWidget(row, 3, spin)
        self.method.clear()
        for method in ("cash", *[m for m in self.sale.methods if m != "cash"]):
            self.method.addItem(METHOD_LABELS[method], method)
        self._say(
            self.tr("Receipt %1: set the quantities to refund").replace("%1", self.sale.number)
        )
        self._show_total()
        quantities = [self.table.cellWidget(r, 3) for r in range(len(self.sale.lines))]
        steps = [self.number, *quantities, self.reason, self.note, self.method]
        for before, after in pairwise(steps):
            QWidget.setTabOrder(before, after)  # quantities, then the reason: no cell walk
        if self.sale.lines:
            self.table.cellWidget(0, 3).setFocus()
            self.table.cellWidget(0, 3).selectAll()
        return True

    def _items(self) -> list[refunds.RefundItem]:
        return [
            refunds.RefundItem(
                line.sale_line_id, self.table.cellWidget(row, 3).value(), self.damaged.isChecked()
            )
            for row, line in enumerate(self.sale.lines)
        ]

    def _show_total(self) -> None:
        """The money going back as the quantities are set, before F12 (the manager's prompt
        names the same amount)."""
        try:
            total = refunds.refund_total(self.db, self.sale.number, self._items())
        except PosError:
            total = 0
        self.total.setText(self.tr("To refund %1").replace("%1", format_vnd(total)))

    def _reason_chosen(self) -> None:
        """Damaged goods are written off, not put back on the shelf: offered, not forced."""
        self.damaged.setChecked(self.reason.currentData() == "defective")

    def set_quantity(self, row: int, qty: int) -> None:
        self.table.cellWidget(row, 3).setValue(qty)

    def submit(self) -> None:
        if self.sale is None:
            return
        items = self._items()
        approval: Approval | None = None
        try:
            refunds.check_request(items, self.reason.currentData(), self.note.text())
            if needs_approval(self.actor, "refund"):
                total = refunds.refund_total(self.db, self.sale.number, items)
                subject = refunds.refund_subject(self.sale.number, total)
                approval = self.ask_approval("refund", subject, self)
                if approval is None:
                    return
            posted = refunds.post_refund(
                self.db,
                self.terminal,
                self.actor,
                self.sale.number,
                items,
                self.reason.currentData(),
                self.method.currentData(),
                self.token,
                self.note.text(),
                approval,
            )
        except PosError as error:
            self._say(str(error), True)
            return
        self.refunded.emit(posted)
        self.accept()

    def _say(self, text: str, problem: bool = False) -> None:
        show_message(self.message, text, problem)
