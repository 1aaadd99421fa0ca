"""Taking payment: cash (default) with quick note buttons and change, bank transfer by
VietQR with the cashier's confirmation, card with the terminal's reference; split tender.
Enter completes once fully paid; Esc goes back to the cart."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.errors import PosError
from pos.money import format_vnd, parse_vnd
from pos.payments import Tender, cash_suggestions, cash_tender, check_tenders, tally
from pos.vietqr import vietqr_payload
from ui.qr import qr_pixmap
from ui.widgets import fit_on_screen, message_label, show_message

QR_SIZE = 260


class PaymentDialog(QDialog):
    """Collects tenders; emits ``paid`` with them once they cover the total."""

    paid = Signal(list)
    transfer_shown = Signal(str, int)  # the VietQR payload and its amount (customer display)

    def __init__(self, total_vnd: int, receipt_number: str, bank: tuple[str, str, str], parent):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Payment"))
        self.total_vnd = total_vnd
        self.receipt_number = receipt_number
        self.bank_bin, self.bank_account, self.bank_name = bank
        self.tenders: list[Tender] = []
        self._completed = False
        self.due_label = QLabel()
        self.due_label.setObjectName("bigPrice")
        self.change_label = QLabel()
        self.change_label.setObjectName("bigChange")
        self.tender_list = QListWidget()
        self.tender_list.setFocusPolicy(Qt.NoFocus)
        self.tender_list.setMaximumHeight(90)
        self.method_buttons = QButtonGroup(self)
        methods_row = QHBoxLayout()
        for key, method in zip(("F1", "F2", "F3"), ("cash", "bank", "card"), strict=True):
            button = QPushButton(f"{key} {self._method_name(method)}")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.NoFocus)
            button.setProperty("method", method)
            self.method_buttons.addButton(button)
            methods_row.addWidget(button)
            QShortcut(QKeySequence(key), self).activated.connect(
                lambda m=method: self.choose_method(m)
            )
        self.method_buttons.buttonClicked.connect(
            lambda b: self.choose_method(b.property("method"))
        )
        self.amount = QLineEdit()
        self.amount.setObjectName("amountBox")
        self.amount.setAttribute(Qt.WA_InputMethodEnabled, False)
        self.amount.returnPressed.connect(self.apply_entry)
        self.amount.textChanged.connect(self._preview_change)
        self.quick_row = QHBoxLayout()
        self.quick_buttons: list[QPushButton] = []
        for number in range(1, 6):
            QShortcut(QKeySequence(f"Alt+{number}"), self).activated.connect(
                lambda n=number: self._quick(n)
            )
        self.qr_label = QLabel()
        self.qr_label.setAlignment(Qt.AlignCenter)
        self.qr_caption = QLabel()
        self.qr_caption.setAlignment(Qt.AlignCenter)
        self.qr_caption.setWordWrap(True)
        self.received = QCheckBox(self.tr("Money received in the account (F4)"))
        self.received.setFocusPolicy(Qt.NoFocus)
        QShortcut(QKeySequence("F4"), self).activated.connect(self.received.toggle)
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("Card terminal reference"))
        self.reference.returnPressed.connect(self.apply_entry)
        self.message = message_label()
        hint = QLabel(self.tr("Enter: take this amount · Esc: back to the cart"))
        hint.setObjectName("hint")

        self.bank_box = QWidget()
        bank_layout = QVBoxLayout(self.bank_box)
        bank_layout.addWidget(self.qr_label)
        bank_layout.addWidget(self.qr_caption)
        bank_layout.addWidget(self.received)
        self.reference_label = QLabel(self.tr("Reference"))
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Amount")), 0, 0)
        grid.addWidget(self.amount, 0, 1)
        grid.addWidget(self.reference_label, 1, 0)
        grid.addWidget(self.reference, 1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("To pay")))
        layout.addWidget(self.due_label)
        layout.addLayout(methods_row)
        layout.addLayout(grid)
        layout.addLayout(self.quick_row)
        layout.addWidget(self.bank_box)
        layout.addWidget(self.tender_list)
        layout.addWidget(self.change_label)
        layout.addWidget(self.message)
        layout.addWidget(hint)
        self.setMinimumWidth(620)
        self.choose_method("cash")

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.amount.setFocus()
        self.amount.selectAll()

    # ---- state ----

    @property
    def remaining_vnd(self) -> int:
        return tally(self.total_vnd, self.tenders).remaining_vnd

    def method(self) -> str:
        return self.method_buttons.checkedButton().property("method")

    def choose_method(self, method: str) -> None:
        for button in self.method_buttons.buttons():
            button.setChecked(button.property("method") == method)
        is_cash, is_bank, is_card = (method == m for m in ("cash", "bank", "card"))
        self.bank_box.setVisible(is_bank)
        self.reference.setVisible(is_card)
        self.reference_label.setVisible(is_card)
        self.received.setChecked(False)
        if is_bank:
            self._show_qr()
        self._refresh(amount_text=format_vnd(self.remaining_vnd, symbol=False))
        self.amount.setFocus()
        self.amount.selectAll()
        self.adjustSize()  # the QR appears and goes: fit the dialog to what it now shows
        fit_on_screen(self, self.width(), self.height())  # and keep all of it on the screen

    def _show_qr(self) -> None:
        try:
            payload = vietqr_payload(
                self.bank_bin, self.bank_account, self.remaining_vnd, self.receipt_number
            )
        except PosError as error:
            self.qr_label.clear()
            self.qr_caption.setText(str(error))
            return
        self.qr_label.setPixmap(qr_pixmap(payload, QR_SIZE))
        self.transfer_shown.emit(payload, self.remaining_vnd)
        self.qr_caption.setText(
            f"{self.bank_name} · {self.bank_account}\n"
            f"{format_vnd(self.remaining_vnd)} · {self.receipt_number}"
        )

    def _refresh(self, amount_text: str | None = None) -> None:
        self.due_label.setText(format_vnd(self.remaining_vnd))
        if amount_text is not None:
            self.amount.setText(amount_text)
        self._show_change(tally(self.total_vnd, self.tenders).change_vnd)
        self.tender_list.setVisible(bool(self.tenders))
        self.tender_list.clear()
        for tender in self.tenders:
            handed = (
                " (" + self.tr("handed %1").replace("%1", format_vnd(tender.tendered_vnd)) + ")"
                if tender.tendered_vnd
                else ""
            )
            reference = f" · {tender.reference}" if tender.reference else ""
            self.tender_list.addItem(
                f"{self._method_name(tender.method)}: {format_vnd(tender.amount_vnd)}"
                f"{handed}{reference}"
            )
        self._rebuild_quick_buttons()

    def _show_change(self, change_vnd: int) -> None:
        self.change_label.setText(self.tr("Change: %1").replace("%1", format_vnd(change_vnd)))

    def _preview_change(self, text: str) -> None:
        """While cash is typed, the change it would give (what the cashier counts out)."""
        if self.method() != "cash" or self.remaining_vnd == 0:
            return
        try:
            tender = cash_tender(self.remaining_vnd, parse_vnd(text))
        except PosError:
            return
        self._show_change(tender.change_vnd)

    def _rebuild_quick_buttons(self) -> None:
        for button in self.quick_buttons:
            self.quick_row.removeWidget(button)
            button.hide()  # deleteLater waits for the event loop; it must vanish now
            button.deleteLater()
        self.quick_buttons = []
        for number, amount in enumerate(cash_suggestions(self.remaining_vnd), start=1):
            button = QPushButton(f"Alt+{number}  {format_vnd(amount)}")
            button.setFocusPolicy(Qt.NoFocus)
            button.clicked.connect(lambda _=False, a=amount: self.take_cash(a))
            self.quick_row.addWidget(button)
            button.setVisible(self.method() == "cash")  # after addWidget, which shows it
            self.quick_buttons.append(button)

    # ---- actions ----

    def _quick(self, number: int) -> None:
        amounts = cash_suggestions(self.remaining_vnd)
        if self.method() == "cash" and number <= len(amounts):
            self.take_cash(amounts[number - 1])

    def take_cash(self, handed_vnd: int) -> None:
        self.choose_method("cash")
        self.amount.setText(format_vnd(handed_vnd, symbol=False))
        self.apply_entry()

    def apply_entry(self) -> None:
        """Enter: turn what is typed into a tender; complete once everything is paid."""
        if self._completed:
            return  # a second Enter must never pay twice
        if self.remaining_vnd == 0:
            self._complete()
            return
        try:
            amount = parse_vnd(self.amount.text())
            tender = self._tender_for(amount)
            check_tenders(self.total_vnd, [*self.tenders, tender])
        except PosError as error:
            self._say(str(error))
            return
        self.tenders.append(tender)
        self._say("")
        if self.remaining_vnd == 0:
            self._refresh(amount_text="")
            self._complete()
        else:
            self.choose_method("cash")

    def _tender_for(self, amount: int) -> Tender:
        method = self.method()
        if method == "cash":
            return cash_tender(self.remaining_vnd, amount)
        if method == "bank" and not self.received.isChecked():
            raise PosError(self.tr("Confirm that the transfer has arrived (F4) first."))
        reference = self.reference.text().strip() if method == "card" else "VietQR"
        return Tender(method, amount, None, reference)

    def _complete(self) -> None:
        self._completed = True
        self.paid.emit(list(self.tenders))
        self.accept()

    def _say(self, text: str) -> None:
        show_message(self.message, text, bool(text))

    def _method_name(self, method: str) -> str:
        return {
            "cash": self.tr("Cash"),
            "bank": self.tr("Bank transfer"),
            "card": self.tr("Card"),
        }[method]
