"""Who is at the till: sign in (cashier PIN, manager password), a manager's approval typed
on the cashier's screen, and the first start that creates the admin and the showroom."""

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)
from sqlite_utils import Database

from pos.errors import PosError
from pos.permissions import NEEDS_MANAGER, Approval, User, needs_approval
from pos.services import showroom_file, users
from ui.widgets import message_label, show_message


class CredentialsDialog(QDialog):
    """A name and a secret; ``check`` turns them into a result or raises PosError."""

    def __init__(self, title: str, explanation: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.result_value = None
        self.heading = heading = QLabel(explanation)  # what is approved, for the manager
        heading.setObjectName("sectionTitle")
        heading.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setAttribute(Qt.WA_InputMethodEnabled, False)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.Password)
        self.secret.setAttribute(Qt.WA_InputMethodEnabled, False)
        self.username.returnPressed.connect(self.secret.setFocus)
        self.secret.returnPressed.connect(self.submit)
        self.message = message_label()
        button = QPushButton(self.tr("OK (Enter)"))
        button.setAutoDefault(False)  # Enter in the name moves on; it must not submit
        button.clicked.connect(self.submit)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("PIN or password"), self.secret)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(button)
        self.setMinimumWidth(480)  # the secret label and a long subject, unclipped

    def check(self, username: str, secret: str):
        raise NotImplementedError

    def submit(self) -> None:
        try:
            self.result_value = self.check(self.username.text(), self.secret.text())
        except PosError as error:
            show_message(self.message, str(error), True)
            self.secret.clear()
            self.secret.setFocus()
            return
        self.accept()


class SignInDialog(CredentialsDialog):
    def __init__(self, db: Database, terminal: str, parent=None):
        super().__init__(
            self.tr("Sign in"), self.tr("Sign in to terminal %1").replace("%1", terminal), parent
        )
        self.db, self.terminal = db, terminal

    def check(self, username: str, secret: str) -> User:
        return users.sign_in(self.db, username, secret, self.terminal)


class ApprovalDialog(CredentialsDialog):
    """The manager reads what they approve (the act and its subject) and types their
    password; the approval is good for that act only."""

    def __init__(
        self, db: Database, action: str, subject: str, actor: User, terminal: str, parent=None
    ):
        super().__init__(
            self.tr("Manager approval"),
            self.tr("A manager approves: %1").replace("%1", f"{NEEDS_MANAGER[action]} — {subject}"),
            parent,
        )
        self.db, self.action, self.subject = db, action, subject
        self.actor, self.terminal = actor, terminal

    def check(self, username: str, secret: str) -> Approval:
        return users.approve(
            self.db, username, secret, self.action, self.actor, self.subject, self.terminal
        )


def ask_approval(
    db: Database, action: str, subject: str, actor: User, terminal: str, parent
) -> Approval | None:
    """Blocks until a manager approves or the cashier cancels (Esc)."""
    dialog = ApprovalDialog(db, action, subject, actor, terminal, parent)
    approved = dialog.exec() == QDialog.Accepted
    parent.window().activateWindow()  # back to the screen that asked (not every WM does it)
    return dialog.result_value if approved else None


@dataclass(frozen=True)
class Consent:
    approval: Approval | None  # None: the person acting is a manager and needs none


def manager_consent(
    db: Database, action: str, subject: str, actor: User, parent, terminal: str = ""
) -> Consent | None:
    """What a service needs to let ``actor`` do ``action`` on ``subject``; None when a
    manager was needed and did not approve (the screen then does nothing)."""
    if not needs_approval(actor, action):
        return Consent(None)
    approval = ask_approval(db, action, subject, actor, terminal, parent)
    return Consent(approval) if approval is not None else None


SHOWROOM_KEYS = (  # settings asked at the first start
    "showroom_name",
    "showroom_address",
    "showroom_tax_code",
    "bank_bin",
    "bank_account",
    "bank_account_name",
)


class FirstStartDialog(QDialog):
    """The first start of a new showroom: its name and address, and the admin account."""

    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("New showroom"))
        self.fields = {
            key: QLineEdit()
            for key in (
                *SHOWROOM_KEYS,
                "username",
                "display_name",
                "password",
                "password_again",
            )
        }
        for key in ("password", "password_again"):
            self.fields[key].setEchoMode(QLineEdit.Password)
        self.printer = QComboBox()
        for value, text in (
            ("none", self.tr("No receipt printer yet")),
            ("network", self.tr("Network (LAN)")),
            ("usb", "USB"),
        ):
            self.printer.addItem(text, value)
        labels = {
            "showroom_name": self.tr("Showroom name"),
            "showroom_address": self.tr("Address"),
            "showroom_tax_code": self.tr("Tax code"),
            "bank_bin": self.tr("Bank BIN"),
            "bank_account": self.tr("Bank account number"),
            "bank_account_name": self.tr("Account holder name"),
            "username": self.tr("Admin user name"),
            "display_name": self.tr("Admin full name"),
            "password": self.tr("Admin password (8+ characters)"),
            "password_again": self.tr("Password again"),
        }
        form = QFormLayout()
        for key, widget in self.fields.items():
            form.addRow(labels[key], widget)
        form.addRow(self.tr("Receipt printer"), self.printer)
        self.message = message_label()
        button = QPushButton(self.tr("Create the showroom"))
        button.setAutoDefault(False)
        button.clicked.connect(self.submit)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Welcome. Set up this showroom and its administrator."))
        title.setObjectName("sectionTitle")
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(button)

    def submit(self) -> None:
        values = {key: widget.text() for key, widget in self.fields.items()}
        if values["password"] != values["password_again"]:
            self.message.setText(self.tr("The two passwords differ."))
            return
        try:
            showroom_file.first_start(
                self.db,
                values["username"],
                values["display_name"],
                values["password"],
                {key: values[key] for key in SHOWROOM_KEYS}
                | {"printer_kind": self.printer.currentData()},
            )
        except PosError as error:
            self.message.setText(str(error))
            return
        self.accept()
