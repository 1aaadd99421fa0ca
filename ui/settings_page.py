"""Settings the showroom manager sets once: showroom identity and the interface language."""

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from pos.errors import PosError
from pos.services.settings import get_setting, set_settings

LANGUAGES = (("vi", "Tiếng Việt"), ("en", "English"))  # each named in its own language
FIELDS = (  # line edits named as the settings they hold
    "showroom_name",
    "showroom_address",
    "terminal_code",
    "bank_bin",
    "bank_account",
    "bank_account_name",
)


class SettingsPage(QWidget):
    def __init__(self, db: Database):
        super().__init__()
        self.db = db
        self.showroom_name = QLineEdit()
        self.showroom_address = QLineEdit()
        self.terminal_code = QLineEdit()
        self.bank_bin = QLineEdit()
        self.bank_bin.setPlaceholderText("970415")
        self.bank_account = QLineEdit()
        self.bank_account_name = QLineEdit()
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setObjectName("scanMessage")
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Showroom name"), self.showroom_name)
        form.addRow(self.tr("Address"), self.showroom_address)
        form.addRow(self.tr("Terminal code (this till)"), self.terminal_code)
        form.addRow(self.tr("Bank BIN for VietQR"), self.bank_bin)
        form.addRow(self.tr("Bank account number"), self.bank_account)
        form.addRow(self.tr("Account holder name"), self.bank_account_name)
        form.addRow(self.tr("Language"), self.language)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.save_button)
        layout.addWidget(self.status)
        layout.addStretch()

    def refresh(self) -> None:
        for key in FIELDS:
            getattr(self, key).setText(get_setting(self.db, key))
        self.language.setCurrentIndex(self.language.findData(get_setting(self.db, "ui_language")))

    def save(self) -> None:
        language_changed = self.language.currentData() != get_setting(self.db, "ui_language")
        terminal_changed = self.terminal_code.text() != get_setting(self.db, "terminal_code")
        try:
            set_settings(
                self.db,
                {key: getattr(self, key).text() for key in FIELDS}
                | {"ui_language": self.language.currentData()},
            )
        except PosError as error:
            self._say(self.tr("Settings not saved: %1").replace("%1", str(error)), True)
            return
        message = self.tr("Saved.")
        if language_changed or terminal_changed:
            message += " " + self.tr("Language and terminal change from the next start.")
        self._say(message)

    def _say(self, text: str, problem: bool = False) -> None:
        self.status.setText(text)
        self.status.setProperty("problem", problem)
        self.status.style().polish(self.status)
