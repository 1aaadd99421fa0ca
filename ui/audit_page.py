"""The audit log for managers: every sensitive act, who did it and who approved, filtered by
kind of act and by person."""

import json

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget
from sqlite_utils import Database

from pos.clock import display_time
from pos.services import audit
from ui.table_model import Column, RecordTableModel
from ui.widgets import make_table, message_label


class AuditPage(QWidget):
    def __init__(self, db: Database, may_view):
        super().__init__()
        self.db, self.may_view = db, may_view
        self.names = self.action_names()
        self.action = QComboBox()
        self.action.addItem(self.tr("All actions"), "")
        for action in audit.ACTIONS:
            self.action.addItem(self.names[action], action)
        self.person = QLineEdit()
        self.person.setPlaceholderText(self.tr("User name (actor or approver)"))
        self.action.currentIndexChanged.connect(self.refresh)
        self.person.returnPressed.connect(self.refresh)
        self.model = RecordTableModel(
            [
                Column(self.tr("Time"), lambda e: display_time(e.at, seconds=True)),
                Column(self.tr("Action"), lambda e: self.names.get(e.action, e.action)),
                Column(self.tr("By"), lambda e: e.person(e.actor, e.actor_name)),
                Column(self.tr("Approved by"), lambda e: e.person(e.approver, e.approver_name)),
                Column(self.tr("Terminal"), lambda e: e.terminal_code),
                Column(self.tr("Details"), lambda e: json.dumps(e.details, ensure_ascii=False)),
            ]
        )
        self.table = make_table(self.model, stretch=(5,))
        self.message = message_label()
        filters = QHBoxLayout()
        filters.addWidget(self.action)
        filters.addWidget(self.person, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.table)

    def action_names(self) -> dict[str, str]:
        """What a manager calls each act of ``audit.ACTIONS`` ("z_report" meant nothing)."""
        return {
            "refund": self.tr("Refund"),
            "z_report": self.tr("Z report (shift closed)"),
            "x_report": self.tr("X report"),
            "cash_in": self.tr("Cash put in"),
            "cash_out": self.tr("Cash taken out"),
            "drawer_open": self.tr("Drawer opened without a sale"),
            "approval": self.tr("Manager's approval"),
            "login_failed": self.tr("Failed sign-in"),
            "goods_receipt": self.tr("Goods receipt"),
            "producer_return": self.tr("Return to a producer"),
            "stock_adjustment": self.tr("Stock adjusted"),
            "stock_count": self.tr("Stock count posted"),
            "stock_count_cancelled": self.tr("Stock count cancelled"),
            "lot_blocked": self.tr("Lot blocked"),
            "lot_released": self.tr("Lot released"),
            "barcode_issued": self.tr("In-store barcode given"),
            "producer_saved": self.tr("Producer saved"),
            "product_saved": self.tr("Product saved"),
            "import_catalog": self.tr("Catalog file imported"),
            "import_goods_receipt": self.tr("Goods receipt file imported"),
            "import_sales_import": self.tr("Trade-fair sales imported"),
            "statements_issued": self.tr("Statements issued"),
            "payout": self.tr("Payout to a producer"),
            "agreed_adjustment": self.tr("Agreed adjustment"),
            "settings_changed": self.tr("Settings changed"),
            "user_created": self.tr("User added"),
            "restore": self.tr("Restored from a backup"),
            "price_override": self.tr("Price changed in a sale"),
            "discount_over_limit": self.tr("Discount over the limit"),
            "einvoice_parked": self.tr("E-invoice refused by the provider"),
            "einvoice_stopped": self.tr("E-invoice sending stopped (account)"),
            "einvoice_resumed": self.tr("E-invoice sending resumed"),
            "einvoice_replaced": self.tr("E-invoice replaced"),
            "einvoice_resent": self.tr("Refused e-invoice sent again"),
        }

    def refresh(self) -> None:
        if not self.may_view():
            self.model.set_records([])
            self.message.setText(self.tr("Only managers can see the audit log."))
            return
        self.message.setText("")
        self.model.set_records(
            audit.audit_entries(
                self.db, self.action.currentData() or None, self.person.text().strip() or None
            )
        )
