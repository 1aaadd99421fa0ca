"""A receipt on screen exactly as it prints (the same raster), to check or reprint it.
Type or scan a receipt number (its QR is the lookup code) to show another one."""

from PIL.ImageQt import ImageQt
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
)
from sqlite_utils import Database

from pos.errors import PosError
from pos.printing.raster import render
from pos.printing.receipt import layout_receipt
from pos.services import receipts
from pos.services.printer_settings import printer_config
from ui.widgets import fit_on_screen, message_label


class ReceiptPreview(QDialog):
    def __init__(self, db: Database, sale_number: str, reprint, parent=None):
        super().__init__(parent)
        self.db = db
        self.reprint = reprint
        self.sale_number = ""
        self.setWindowTitle(self.tr("Receipt"))
        self.number_box = QLineEdit(sale_number)
        self.number_box.setAttribute(Qt.WA_InputMethodEnabled, False)
        self.number_box.setPlaceholderText(self.tr("Receipt number, e.g. T01-000001"))
        self.number_box.returnPressed.connect(self._show_typed)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignHCenter | Qt.AlignTop)
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(620)
        self.message = message_label()
        self.print_button = QPushButton(self.tr("Print a copy (Ctrl+P)"))
        QShortcut(QKeySequence("Ctrl+P"), self).activated.connect(self.print_copy)
        self.print_button.setAutoDefault(False)  # Enter shows a receipt, never prints
        self.print_button.clicked.connect(self.print_copy)
        layout = QVBoxLayout(self)
        layout.addWidget(self.number_box)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.print_button)
        self.show_receipt(sale_number)
        fit_on_screen(self, 660, 1000)  # more of a long receipt on a tall screen

    def show_receipt(self, sale_number: str) -> bool:
        try:
            data = receipts.receipt_data(self.db, sale_number.strip().upper())
        except PosError as error:
            self.message.setText(str(error))
            return False
        image = render(layout_receipt(data, copy=True), printer_config(self.db).width_px)
        self.image.setPixmap(QPixmap.fromImage(ImageQt(image.convert("RGB"))))
        self.sale_number = data.number
        self.message.setText("")
        return True

    def _show_typed(self) -> None:
        self.show_receipt(self.number_box.text())

    def print_copy(self) -> None:
        if self.sale_number:
            self.reprint(self.sale_number)
            self.accept()
