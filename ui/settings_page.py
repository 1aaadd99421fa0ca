"""Settings the showroom manager sets once: showroom identity, this till, the VietQR account,
the receipt printer and the interface language. Saved together or not at all."""

from pathlib import Path

from PySide6.QtCore import QThreadPool, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from pos.einvoicing.credentials import save_password
from pos.errors import PosError
from pos.paths import default_backup_dir
from pos.services import backups
from pos.services.backups import backup_folder
from pos.services.integrity import check_file
from pos.services.settings import get_setting, set_settings, settings_subject
from ui.background import run_in_background
from ui.backup_service import BackupService
from ui.print_service import PrintService
from ui.sign_in import manager_consent
from ui.users_panel import UsersPanel
from ui.widgets import message_label, show_message

WRAPPED_LABEL_CHARS = 32


class SettingsPage(QWidget):
    restore_requested = Signal(object)  # backups.RestoreChoice: what the manager chose

    def __init__(self, db: Database, printer: PrintService, backups: BackupService, current_user):
        super().__init__()
        self.db = db
        self.printer = printer
        self.backups = backups
        self.current_user = current_user
        self.inputs: dict[str, QLineEdit | QComboBox] = {}
        showroom = self._group(
            self.tr("Showroom"),
            [
                ("showroom_name", self.tr("Showroom name"), ""),
                ("showroom_address", self.tr("Address"), ""),
                ("showroom_tax_code", self.tr("Tax code"), "0101234567"),
                ("showroom_phone", self.tr("Phone"), ""),
                ("receipt_footer", self.tr("Receipt footer"), ""),
            ],
        )
        # Apart from the showroom's short fields: these long labels squeezed its name and
        # address to 200 pixels on a 1366 screen.
        till = self._group(
            self.tr("This till"),
            [
                ("terminal_code", self.tr("Terminal code (this till)"), "T01"),
                (
                    "customer_display",
                    self.tr("Customer display"),
                    (
                        ("", self.tr("None")),
                        ("1", self.tr("Screen 1")),
                        ("2", self.tr("Screen 2")),
                        ("3", self.tr("Screen 3")),
                    ),
                ),
                (
                    "z_difference_limit_vnd",
                    self.tr("Cash difference at a Z that needs a manager (đồng)"),
                    "50000",
                ),
                (
                    "idle_lock_minutes",
                    self.tr("Lock the till after minutes untouched (0: never)"),
                    "10",
                ),
                ("ui_language", self.tr("Language"), (("vi", "Tiếng Việt"), ("en", "English"))),
            ],
        )
        bank = self._group(
            self.tr("Bank account for VietQR"),
            [
                ("bank_bin", self.tr("Bank BIN"), "970415"),
                ("bank_account", self.tr("Bank account number"), ""),
                ("bank_account_name", self.tr("Account holder name"), ""),
            ],
        )
        printer_kinds = (
            ("none", self.tr("No receipt printer")),
            ("usb", "USB"),
            ("network", self.tr("Network (LAN)")),
            ("serial", self.tr("Serial port")),
            ("cups", "CUPS"),
            ("lp", self.tr("LP (lp command)")),
            ("windows", self.tr("Windows printer")),
            ("file", self.tr("Device file")),
        )
        printing = self._group(
            self.tr("Receipt printer"),
            [
                ("printer_kind", self.tr("Connection"), printer_kinds),
                ("printer_target", self.tr("Address"), "USB 04b8:0202 · LAN 192.168.1.50:9100"),
                ("printer_paper_mm", self.tr("Paper"), (("80", "80 mm"), ("58", "58 mm"))),
                (
                    "printer_mode",
                    self.tr("Mode"),
                    (
                        ("raster", self.tr("Raster: Vietnamese on any printer")),
                        ("text", self.tr("Text with a code page")),
                    ),
                ),
                ("printer_codepage", self.tr("Code page (text mode)"), "CP1258"),
            ],
        )
        einvoicing = self._group(
            self.tr("E-invoices"),
            [
                (
                    "einvoice_provider",
                    self.tr("Provider"),
                    (
                        ("none", self.tr("None")),
                        ("viettel", "Viettel SInvoice"),
                        ("fake", self.tr("Demo (this PC)")),
                    ),
                ),
                ("einvoice_url", self.tr("Provider address"), "https://api-vinvoice.viettel.vn"),
                ("einvoice_username", self.tr("User name"), "0100109106-215"),
                ("einvoice_template", self.tr("Template"), "1/001"),
                ("einvoice_symbol", self.tr("Symbol of this till"), "1C26MAA"),
                ("einvoice_import_symbol", self.tr("Symbol for imported sales"), "1C26MBB"),
                ("einvoice_location_code", self.tr("Business location code"), ""),
                ("einvoice_location_name", self.tr("Business location name"), ""),
                ("einvoice_location_address", self.tr("Business location address"), ""),
            ],
        )
        # Never a setting: saved in the OS's password store, never in the database.
        self.einvoice_password = QLineEdit()
        self.einvoice_password.setEchoMode(QLineEdit.Password)
        self.einvoice_password.setPlaceholderText(self.tr("unchanged"))
        einvoicing.layout().addRow(QLabel(self.tr("Password")), self.einvoice_password)
        safety = self._group(
            self.tr("Backups (automatic at every Z close and daily)"),
            [
                ("backup_dir", self.tr("Backup folder"), str(default_backup_dir())),
                ("backup_keep", self.tr("Automatic backups kept"), "30"),
            ],
        )
        backup_buttons = QHBoxLayout()
        for text, action in (
            (self.tr("Back up now"), lambda: self.backups.take_to(backup_folder(self.db))),
            (self.tr("Back up to a USB stick..."), self.back_up_to),
            (self.tr("Restore from a backup..."), self.choose_restore),
        ):
            button = QPushButton(text)
            button.clicked.connect(action)
            backup_buttons.addWidget(button)
        safety.layout().addRow(backup_buttons)
        self.backups.status.connect(lambda text, problem: self._say(text, problem))
        self.pool = QThreadPool(self)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.test_button = QPushButton(self.tr("Save and print a test page"))
        self.test_button.clicked.connect(self.test_print)
        self.status = message_label()
        self.printer.status.connect(lambda text, problem: self._say(text, problem))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.test_button)
        self.users_panel = UsersPanel(db, current_user)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(showroom)
        left.addWidget(bank)
        left.addWidget(safety)
        left.addStretch()  # the groups keep their height when the other column is taller
        right = QVBoxLayout()
        right.addWidget(till)
        right.addWidget(printing)
        right.addWidget(einvoicing)
        right.addStretch()
        columns.addLayout(left)
        columns.addLayout(right)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        # Full width below: in the right column at 1024 pixels the names were cut to "Quản t…".
        layout.addWidget(self.users_panel, 1)

    def back_up_to(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Back up to"))
        if folder:
            self._say(self.tr("Backing up to %1...").replace("%1", folder))
            self.backups.take_to(Path(folder))

    def choose_restore(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from a backup"),
            str(backup_folder(self.db)),
            self.tr("OCOP POS backups (*.sqlite3)"),
        )
        if not path:
            return
        self._say(self.tr("Checking the backup..."))
        run_in_background(
            self.pool,
            self.db,
            lambda _db, _progress: check_file(Path(path)),
            self,
            lambda problems: self._verified(Path(path), problems),
            lambda error: self._say(error, True),
        )

    def _verified(self, path: Path, problems: list) -> None:
        if problems:
            self._say(
                self.tr("This backup cannot be restored: %1").replace("%1", str(problems[0])),
                True,
            )
            return
        actor = self.current_user()
        consent = manager_consent(self.db, "restore", backups.restore_subject(path), actor, self)
        if consent is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore"),
            self.tr(
                "The backup %1 is sound. Go back to it? Everything recorded after it is set "
                "aside (the current database is kept in the backup folder). The app restarts "
                "and asks who is signing in."
            ).replace("%1", path.name),
        )
        if answer != QMessageBox.Yes:
            return
        other = backups.other_showroom_than(self.db, path)
        if other:  # a second, explicit yes that names both showrooms
            warning = QMessageBox(
                QMessageBox.Warning, self.tr("Another showroom"), other, parent=self
            )
            go = warning.addButton(self.tr("Restore the other showroom"), QMessageBox.AcceptRole)
            warning.addButton(QMessageBox.Cancel)
            warning.setDefaultButton(QMessageBox.Cancel)
            warning.exec()
            if warning.clickedButton() is not go:
                return
        try:
            backups.authorise_restore(self.db, actor, path, consent.approval)
        except PosError as error:
            self._say(str(error), True)
            return
        self.restore_requested.emit(backups.RestoreChoice(path, other_showroom_ok=bool(other)))

    def _group(self, title: str, fields: list) -> QGroupBox:
        """A titled form; a field is a line edit (placeholder) or a combo ((value, label)...)."""
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)  # on a small screen, label above field
        for key, label, spec in fields:
            if isinstance(spec, tuple):
                widget = QComboBox()
                # as wide as the column allows, not as its longest choice
                widget.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
                widget.setMinimumContentsLength(12)
                for value, text in spec:
                    widget.addItem(text, value)
            else:
                widget = QLineEdit()
                widget.setPlaceholderText(spec)
                widget.setMinimumWidth(200)  # narrower, and the label goes above it
            self.inputs[key] = widget
            caption = QLabel(label)
            # A long one breaks in two, not past the page's edge; a short one never does (two
            # lines beside a combo box overlap the next row).
            caption.setWordWrap(len(label) > WRAPPED_LABEL_CHARS)
            form.addRow(caption, widget)
        return box

    def refresh(self) -> None:
        self.users_panel.refresh()
        for key, widget in self.inputs.items():
            value = get_setting(self.db, key)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            else:
                widget.setText(value)
                widget.setCursorPosition(0)  # show the start of long texts

    def values(self) -> dict[str, str]:
        return {
            key: widget.currentData() if isinstance(widget, QComboBox) else widget.text()
            for key, widget in self.inputs.items()
        }

    def save(self) -> bool:
        values = self.values()
        restart = any(
            values[key] != get_setting(self.db, key) for key in ("ui_language", "terminal_code")
        )
        if self.einvoice_password.text() and not values["einvoice_username"].strip():
            self._say(self.tr("Type the e-invoice user name the password is for."), True)
            return False
        actor = self.current_user()
        subject = settings_subject(values)
        consent = manager_consent(
            self.db, "settings", subject, actor, self, values["terminal_code"]
        )
        if consent is None:
            return False
        try:
            set_settings(self.db, values, actor, consent.approval)
        except PosError as error:
            self._say(self.tr("Settings not saved: %1").replace("%1", str(error)), True)
            return False
        if self.einvoice_password.text():
            save_password(values["einvoice_username"], self.einvoice_password.text())
            self.einvoice_password.clear()
        message = self.tr("Saved.")
        if restart:
            message += " " + self.tr("Language and terminal change from the next start.")
        self._say(message)
        return True

    def test_print(self) -> None:
        if self.save():
            self._say(self.tr("Printing a test page..."))
            self.printer.test_page()

    def _say(self, text: str, problem: bool = False) -> None:
        show_message(self.status, text, problem)
