"""People who may use the till, for the admin to add (Settings)."""

from PySide6.QtWidgets import QGroupBox, QInputDialog, QLineEdit, QPushButton, QVBoxLayout
from sqlite_utils import Database

from pos.errors import PosError
from pos.services import users
from ui.table_model import Column, RecordTableModel
from ui.widgets import make_table, message_label


class UsersPanel(QGroupBox):
    def __init__(self, db: Database, current_user):
        super().__init__()
        self.setTitle(self.tr("Users"))
        self.db, self.current_user = db, current_user
        self.roles = {
            "cashier": self.tr("cashier (PIN)"),
            "manager": self.tr("manager"),
            "admin": self.tr("admin"),
        }
        self.model = RecordTableModel(
            [
                Column(self.tr("User name"), lambda u: u.username),
                Column(self.tr("Name"), lambda u: u.display_name),
                Column(self.tr("Role"), lambda u: self.roles[u.role]),
            ]
        )
        self.table = make_table(self.model, stretch=(1,))
        self.add_button = QPushButton(self.tr("Add a user (admin)"))
        self.add_button.clicked.connect(self.add_user)
        self.message = message_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.add_button)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        self.model.set_records(users.list_users(self.db))

    def add_user(self) -> None:
        username, ok = QInputDialog.getText(self, self.tr("New user"), self.tr("User name"))
        if not ok:
            return
        name, ok = QInputDialog.getText(self, self.tr("New user"), self.tr("Full name"))
        if not ok:
            return
        labels = list(self.roles.values())
        role, ok = QInputDialog.getItem(
            self, self.tr("New user"), self.tr("Role"), labels, 0, False
        )
        if not ok:
            return
        secret, ok = QInputDialog.getText(
            self,
            self.tr("New user"),
            self.tr("PIN (cashier, 4-8 digits) or password (8+)"),
            QLineEdit.Password,
        )
        if not ok:
            return
        try:
            user = users.create_user(
                self.db,
                self.current_user(),
                username,
                name,
                list(self.roles)[labels.index(role)],
                secret,
            )
        except PosError as error:
            self.message.setText(str(error))
            return
        self.refresh()
        self.message.setText(self.tr("Added %1").replace("%1", user.username))
