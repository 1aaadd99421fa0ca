"""E-invoices for managers: what waits and what the provider refused (with its message), a
month's invoices searchable by receipt, number, buyer or tax code; resume sending after an
account problem, send a refused one again, replace an issued one with the buyer's details."""

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from pos import clock
from pos.clock import display_time
from pos.errors import PosError
from pos.fields import month_of
from pos.money import format_vnd
from pos.permissions import is_manager
from pos.services import einvoice_lists, einvoice_outbox, einvoices
from ui.buyer_dialog import BuyerDialog
from ui.table_model import RIGHT, Column, RecordTableModel
from ui.widgets import make_table, message_label, show_message


class EinvoicePage(QWidget):
    def __init__(self, db: Database, current_user):
        super().__init__()
        self.db, self.current_user = db, current_user
        self.status = message_label()
        self.month = QLineEdit(f"{clock.today():%m/%Y}")
        self.month.setPlaceholderText("mm/yyyy")
        self.month.setMaximumWidth(110)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Receipt, invoice number, buyer or tax code"))
        self.show_which = QComboBox()
        self.show_which.addItem(self.tr("The month's invoices"), "month")
        self.show_which.addItem(self.tr("Refused or stopped"), "refused")
        for edit in (self.month, self.search):
            edit.returnPressed.connect(self.refresh)
        self.show_which.currentIndexChanged.connect(self.refresh)
        self.model = RecordTableModel(
            [
                Column(self.tr("Made at"), lambda r: display_time(r.issued_at)),
                Column(self.tr("Receipt"), lambda r: r.document_number),
                Column(self.tr("Kind"), lambda r: einvoice_lists.KINDS[r.kind]),
                Column(self.tr("Number"), lambda r: r.number),
                Column(self.tr("State"), lambda r: einvoice_lists.STATES[r.state]),
                Column(self.tr("Buyer"), lambda r: r.buyer_name),
                Column(self.tr("Total"), lambda r: format_vnd(r.total_vnd), RIGHT),
                Column(self.tr("Provider's message"), lambda r: r.message),
            ]
        )
        self.table = make_table(self.model, stretch=(7,))
        # The provider's message in full below the table (its column is cut on a small screen).
        self.table.selectionModel().selectionChanged.connect(self._show_message_of_selected)
        self.resume_button = QPushButton(self.tr("Resume sending"))
        self.resend_button = QPushButton(self.tr("Send the refused one again"))
        self.replace_button = QPushButton(self.tr("Replace with the buyer's details..."))
        self.resume_button.clicked.connect(self.resume)
        self.resend_button.clicked.connect(self.resend)
        self.replace_button.clicked.connect(self.replace)
        self.message = message_label()
        filters = QHBoxLayout()
        filters.addWidget(self.show_which)
        filters.addWidget(self.month)
        filters.addWidget(self.search, 1)
        buttons = QHBoxLayout()
        for button in (self.resume_button, self.resend_button, self.replace_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        if not is_manager(self.current_user()):
            self.model.set_records([])
            self.status.setText(self.tr("Only managers can see the e-invoices."))
            return
        status = einvoice_outbox.status(self.db)
        if status.stopped:
            show_message(
                self.status, self.tr("Sending stopped: %1").replace("%1", status.stopped), True
            )
        elif status.unsent:
            show_message(
                self.status,
                self.tr("%1 not yet sent, the oldest made at %2")
                .replace("%1", str(status.unsent))
                .replace("%2", display_time(status.oldest_unsent_at)),
                bool(status.parked),
            )
        else:
            show_message(self.status, self.tr("Every e-invoice has been sent."))
        self.resume_button.setEnabled(bool(status.stopped))
        try:
            rows = (
                einvoice_lists.refused(self.db)
                if self.show_which.currentData() == "refused"
                else einvoice_lists.of_month(self.db, month_of(self.month.text()))
            )
        except PosError as error:
            self._say(str(error), True)
            return
        self.model.set_records(einvoice_lists.matching(rows, self.search.text()))
        self.search.setFocus()

    def _show_message_of_selected(self) -> None:
        row = self.selected()
        self._say(row.message if row is not None else "", bool(row and row.message))

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def resume(self) -> None:
        self._act(
            lambda: einvoice_outbox.resume(self.db, self.current_user()), self.tr("Sending again.")
        )

    def resend(self) -> None:
        row = self.selected()
        if row is None or row.state != "parked":
            self._say(self.tr("Choose a refused invoice first."), True)
            return
        self._act(
            lambda: einvoice_outbox.resend(self.db, self.current_user(), row.key),
            self.tr("%1 goes again.").replace("%1", row.document_number),
        )

    def replace(self) -> None:
        row = self.selected()
        if row is None or row.kind == "adjustment":
            self._say(self.tr("Choose a sale's invoice first."), True)
            return
        dialog = BuyerDialog(
            self.db,
            self.tr("Replace the e-invoice of %1").replace("%1", row.document_number),
            lambda buyer, reason: einvoices.replace_invoice(
                self.db, self.current_user(), row.document_number, buyer, reason
            ),
            ask_reason=True,
            parent=self,
        )
        if dialog.exec() == QDialog.Accepted:
            self._say(
                self.tr("A replacement for %1 is on its way.").replace("%1", row.document_number)
            )
            self.refresh()

    def _act(self, work, done: str) -> None:
        try:
            work()
        except PosError as error:
            self._say(str(error), True)
            return
        self._say(done)
        self.refresh()

    def _say(self, text: str, problem: bool = False) -> None:
        show_message(self.message, text, problem)
