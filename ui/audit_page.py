"""The audit log for managers: every sensitive act, who did it and who approved, filtered by
kind of act and by person."""

import json

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget
from sqlite_utils import Database

from pos.services import audit
from ui.table_model import Column, RecordTableModel
from ui.widgets import make_table, message_label

ACTIONS = (
    "",
    "approval",
    "refund",
    "login_failed",
    "drawer_open",
    "cash_in",
    "cash_out",
    "stock_adjustment",
    "settings_changed",
    "user_created",
    "x_report",
    "z_report",
)


class AuditPage(QWidget):
    def __init__(self, db: Database, may_view):
        super().__init__()
        self.db, self.may_view = db, may_view
        self.action = QComboBox()
        for action in ACTIONS:
            self.action.addItem(action or self.tr("All actions"), action)
        self.person = QLineEdit()
        self.person.setPlaceholderText(self.tr("User name (actor or approver)"))
        self.action.currentIndexChanged.connect(self.refresh)
        self.person.returnPressed.connect(self.refresh)
        self.model = RecordTableModel(
            [
                Column(self.tr("Time"), lambda e: e.at.replace("T", " ")),
                Column(self.tr("Action"), lambda e: e.action),
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
