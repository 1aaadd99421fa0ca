"""Who an e-invoice names: a business (tax code checked, name) or a person (name; their
12-digit number if given). A tax code seen before fills in the rest. Checked before the
dialog closes; ``accept_with(buyer, reason)`` does the act and may refuse it."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
)
from sqlite_utils import Database

from pos import clock
from pos.documents.einvoice import Buyer
from pos.einvoice import checked_buyer
from pos.errors import PosError
from pos.services import einvoices
from ui.widgets import fit_on_screen, message_label, show_message


class BuyerDialog(QDialog):
    def __init__(
        self,
        db: Database,
        title: str,
        accept_with: Callable[[Buyer, str], object],
        ask_reason: bool = False,
        parent=None,
    ):
        super().__init__(parent)
        self.db, self.accept_with = db, accept_with
        self.setWindowTitle(title)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("A business"), "business")
        self.kind.addItem(self.tr("A person"), "person")
        self.tax_code = QLineEdit()
        self.tax_code.editingFinished.connect(self._fill_known)
        self.name = QLineEdit()
        self.address = QLineEdit()
        self.email = QLineEdit()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. the customer asked for an invoice"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        rows = [
            (self.tr("Buyer"), self.kind),
            (self.tr("Tax code or personal number"), self.tax_code),
            (self.tr("Name"), self.name),
            (self.tr("Address"), self.address),
            (self.tr("E-mail"), self.email),
        ]
        if ask_reason:
            rows.append((self.tr("Reason"), self.reason))
        for label, widget in rows:
            form.addRow(label, widget)
        self.message = message_label()
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.tax_code.setFocus(Qt.OtherFocusReason)
        fit_on_screen(self, 520, 380)

    def _fill_known(self) -> None:
        known = einvoices.known_buyer(self.db, self.tax_code.text())
        if known is None:
            return
        self.kind.setCurrentIndex(self.kind.findData(known.kind))
        for widget, value in ((self.name, known.name), (self.address, known.address)):
            if not widget.text():
                widget.setText(value)
        if not self.email.text():
            self.email.setText(known.email)
        show_message(self.message, self.tr("Filled in from an earlier invoice."))

    def save(self) -> None:
        try:
            buyer = checked_buyer(
                self.kind.currentData(),
                clock.today(),
                tax_code=self.tax_code.text(),
                name=self.name.text(),
                address=self.address.text(),
                email=self.email.text(),
            )
            self.accept_with(buyer, self.reason.text())
        except PosError as error:
            show_message(self.message, str(error), True)
            return
        self.buyer = buyer
        self.accept()
