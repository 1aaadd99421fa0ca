"""Closing the shift: a blind count of the cash by denomination (expected amounts are shown
only after counting), the bank and card totals, then the Z report shown and printed."""

from PIL.ImageQt import ImageQt
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
)
from sqlite_utils import Database

from pos.documents.shift_report import DENOMINATIONS, ShiftReport
from pos.errors import PosError
from pos.money import format_vnd, parse_vnd
from pos.permissions import User
from pos.printing.raster import render
from pos.printing.shift_report import layout_shift_report
from pos.services import einvoice_outbox, shift_close
from pos.services.printer_settings import printer_config
from pos.services.settings import get_setting
from ui.sign_in import Consent, manager_consent
from ui.widgets import confirm, fit_on_screen, message_label, show_message


class CloseShiftDialog(QDialog):
    shift_closed = Signal(str)  # the Z report's number, once committed

    def __init__(self, db: Database, terminal: str, actor: User, print_blocks, parent=None):
        super().__init__(parent)
        self.db, self.terminal, self.actor, self.print_blocks = db, terminal, actor, print_blocks
        self.report: ShiftReport | None = None
        self.setWindowTitle(self.tr("Close the shift"))
        grid = QGridLayout()
        self.counts: dict[int, QSpinBox] = {}
        for index, value in enumerate(DENOMINATIONS):
            spin = QSpinBox()
            spin.setRange(0, 10_000)
            spin.valueChanged.connect(self._update_total)
            self.counts[value] = spin
            row, column = divmod(index, 3)
            grid.addWidget(QLabel(format_vnd(value)), row, column * 2)
            grid.addWidget(spin, row, column * 2 + 1)
        self.cash_total = QLabel()
        self.cash_total.setObjectName("bigPrice")
        self.bank = QLineEdit("0")
        self.card = QLineEdit("0")
        totals = QGridLayout()
        totals.addWidget(QLabel(self.tr("Transfers received (from the bank app)")), 0, 0)
        totals.addWidget(self.bank, 0, 1)
        totals.addWidget(QLabel(self.tr("Card total (terminal's batch)")), 1, 0)
        totals.addWidget(self.card, 1, 1)
        self.message = message_label(self.tr("Count the cash in the drawer, note by note."))
        self.x_button = QPushButton(self.tr("X report (interim)"))
        self.x_button.clicked.connect(self.x_report)
        self.z_button = QPushButton(self.tr("Close the shift (Z)"))
        self.z_button.clicked.connect(self.confirm_and_close)
        self.print_button = QPushButton(self.tr("Print again (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_again)
        QShortcut(QKeySequence("Ctrl+P"), self).activated.connect(self.print_again)
        self.print_button.setEnabled(False)  # until there is a report to print
        self.close_button = QPushButton(self.tr("Close (Esc)"))
        self.close_button.clicked.connect(self.reject)
        for button in (self.x_button, self.z_button, self.print_button, self.close_button):
            button.setAutoDefault(False)  # Enter while counting must not close the shift
        buttons = QHBoxLayout()
        buttons.addWidget(self.x_button)
        buttons.addWidget(self.z_button)
        buttons.addStretch()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignHCenter | Qt.AlignTop)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.preview)
        self.scroll.setWidgetResizable(True)
        self.scroll.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Cash counted by denomination")))
        layout.addLayout(grid)
        layout.addWidget(self.cash_total)
        layout.addLayout(totals)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.scroll, 1)
        self._update_total()

    def counted_cash(self) -> dict[int, int]:
        return {value: spin.value() for value, spin in self.counts.items() if spin.value()}

    def _update_total(self) -> None:
        total = sum(value * count for value, count in self.counted_cash().items())
        self.cash_total.setText(self.tr("Cash counted: %1").replace("%1", format_vnd(total)))

    def x_report(self) -> None:
        try:
            self._show(shift_close.x_report(self.db, self.terminal, self.actor))
        except PosError as error:
            self._say(str(error), True)

    def confirm_and_close(self) -> None:
        """The Z cannot be undone: say what it does first (Enter keeps the shift open)."""
        text = (
            self.tr(
                "Close the shift of terminal %1 with %2 in cash counted? The Z report is final: "
                "the next sale needs a new shift."
            )
            .replace("%1", self.terminal)
            .replace("%2", format_vnd(shift_close.cash_counted(self.counted_cash())))
        )
        if confirm(self, self.tr("Close the shift (Z)"), text):
            self.close_shift()

    def close_shift(self) -> None:
        try:
            other = {
                "bank": parse_vnd(self.bank.text() or "0"),
                "card": parse_vnd(self.card.text() or "0"),
            }
            subject = shift_close.z_difference_subject(self.db, self.terminal, self.counted_cash())
            consent = (
                manager_consent(self.db, "z_difference", subject, self.actor, self, self.terminal)
                if subject
                else Consent(None)
            )
            if consent is None:
                self._say(self.tr("Not approved: a manager must see a cash difference this large"))
                return
            report = shift_close.close_shift(
                self.db, self.terminal, self.actor, self.counted_cash(), other, consent.approval
            )
        except PosError as error:
            self._say(str(error), True)
            return
        self._show(report)
        self.shift_closed.emit(report.number)
        for widget in (*self.counts.values(), self.bank, self.card, self.x_button, self.z_button):
            widget.setEnabled(False)
        difference = report.difference("cash")
        text = (
            self.tr("Shift closed: %1 · cash difference %2")
            .replace("%1", report.number)
            .replace("%2", format_vnd(difference))
        )
        unsent = einvoice_outbox.status(self.db).unsent  # the end of the day's alarm
        if unsent:
            text += " · " + self.tr(
                "%1 e-invoices not yet sent: leave this PC on and online, or tell a manager"
            ).replace("%1", str(unsent))
        self._say(text, difference != 0 or bool(unsent))

    def _show(self, report: ShiftReport) -> None:
        self.report = report
        blocks = layout_shift_report(report, get_setting(self.db, "showroom_name"))
        image = render(blocks, printer_config(self.db).width_px)
        self.preview.setPixmap(QPixmap.fromImage(ImageQt(image.convert("RGB"))))
        self.scroll.show()
        fit_on_screen(self, max(self.width(), 660), 860)  # the report scrolls inside
        self.blocks = blocks
        self.print_button.setEnabled(True)
        self.print_blocks(blocks)

    def print_again(self) -> None:
        if self.report is not None:
            self.print_blocks(self.blocks)

    def _say(self, text: str, problem: bool = False) -> None:
        show_message(self.message, text, problem)
