"""Settings the showroom manager sets once: showroom identity and the interface language."""

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from pos.errors import PosError
from pos.services.settings import get_setting, set_settings

LANGUAGES = (("vi", "Tiếng Việt"), ("en", "English"))  # each named in its own language


class SettingsPage(QWidget):
    def __init__(self, db: Database):
        super().__init__()
        self.db = db
        self.showroom_name = QLineEdit()
        self.showroom_address = QLineEdit()
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setObjectName("hint")
        form = QFormLayout()
        form.addRow(self.tr("Showroom name"), self.showroom_name)
        form.addRow(self.tr("Address"), self.showroom_address)
        form.addRow(self.tr("Language"), self.language)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.save_button)
        layout.addWidget(self.status)
        layout.addStretch()

    def refresh(self) -> None:
        self.showroom_name.setText(get_setting(self.db, "showroom_name"))
        self.showroom_address.setText(get_setting(self.db, "showroom_address"))
        self.language.setCurrentIndex(self.language.findData(get_setting(self.db, "ui_language")))

    def save(self) -> None:
        language_changed = self.language.currentData() != get_setting(self.db, "ui_language")
        try:
            set_settings(
                self.db,
                {
                    "showroom_name": self.showroom_name.text(),
                    "showroom_address": self.showroom_address.text(),
                    "ui_language": self.language.currentData(),
                },
            )
        except PosError as error:
            QMessageBox.warning(self, self.tr("Settings not saved"), str(error))
            return
        message = self.tr("Saved.")
        if language_changed:
            message += " " + self.tr("The new language is used from the next start.")
        self.status.setText(message)
