"""The customer display: a second window, for a monitor facing the customer, that shows the
showroom's name, the lines as they are scanned, the total, the VietQR large while a transfer
is awaited, and a thank-you with the change after payment. It only listens to the till and
never takes the keyboard from it."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.cart import CartTotals
from pos.money import format_vnd
from ui.qr import qr_pixmap

QR_SIZE = 420  # scanned from a phone a metre away, where the screen has the height
QR_ROOM = 240  # what the heading, the note and the total need beside it


class CustomerDisplay(QWidget):
    def __init__(self, showroom_name: str, parent=None):
        super().__init__(parent, Qt.Window | Qt.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WA_ShowWithoutActivating)  # the cashier keeps the scan box
        self.setFocusPolicy(Qt.NoFocus)
        self.setWindowTitle(showroom_name)
        self.setObjectName("customerDisplay")
        self.heading = QLabel(showroom_name)
        self.heading.setObjectName("sectionTitle")
        self.heading.setAlignment(Qt.AlignCenter)
        # Name, units and amount in columns: one run-on line a product left the amounts
        # zigzagging down the screen's left corner.
        self.lines = QTableWidget(0, 3)
        self.lines.setFocusPolicy(Qt.NoFocus)
        self.lines.setSelectionMode(QAbstractItemView.NoSelection)
        self.lines.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.lines.setShowGrid(False)
        self.lines.horizontalHeader().hide()
        self.lines.verticalHeader().hide()
        columns = self.lines.horizontalHeader()
        columns.setSectionResizeMode(0, QHeaderView.Stretch)
        columns.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        columns.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        self.total = QLabel()
        self.total.setObjectName("bigPrice")
        self.total.setAlignment(Qt.AlignRight)
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignCenter)
        self.note = QLabel()
        self.note.setObjectName("sectionTitle")
        self.note.setAlignment(Qt.AlignCenter)
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.qr)
        layout.addWidget(self.note)
        layout.addWidget(self.total)
        self.welcome()

    def welcome(self) -> None:
        self.lines.setRowCount(0)
        self.qr.clear()
        self.qr.hide()
        self.total.clear()
        self.note.setText(self.tr("Welcome"))

    def show_cart(self, totals: CartTotals) -> None:
        """The cart as the till shows it, after every scan and change."""
        if not totals.lines:
            return  # an emptied cart keeps the thank-you on screen until the next scan
        self.qr.hide()
        self.note.clear()
        self.lines.setRowCount(len(totals.lines))
        for row, priced in enumerate(totals.lines):
            cells = (priced.line.name, f"×{priced.line.qty}", format_vnd(priced.net_vnd))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column:
                    cell.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.lines.setItem(row, column, cell)
        self.lines.resizeRowsToContents()
        self.total.setText(self.tr("Total %1").replace("%1", format_vnd(totals.total_vnd)))

    def show_transfer(self, payload: str, amount_vnd: int) -> None:
        """The VietQR the customer scans, large, while the cashier waits for the transfer."""
        size = min(QR_SIZE, self.screen().availableGeometry().height() - QR_ROOM)
        self.qr.setPixmap(qr_pixmap(payload, size))
        self.qr.show()
        self.note.setText(
            self.tr("Scan to pay %1 by transfer").replace("%1", format_vnd(amount_vnd))
        )

    def show_thanks(self, change_vnd: int, paid_cash: bool) -> None:
        self.qr.hide()
        self.lines.setRowCount(0)
        text = self.tr("Thank you!")
        if paid_cash:
            text += "\n" + self.tr("Your change: %1").replace("%1", format_vnd(change_vnd))
        self.note.setText(text)
        self.total.clear()


def follow_till(display: CustomerDisplay, till) -> None:
    """The display shows what the till (a TillPage) does, as it does it."""
    till.cart_shown.connect(display.show_cart)
    till.transfer_shown.connect(display.show_transfer)
    till.sale_paid.connect(display.show_thanks)


def place_on_screen(display: CustomerDisplay, number: int) -> bool:
    """Full screen on screen ``number`` (1 = the first); False when there is no such one."""
    from PySide6.QtGui import QGuiApplication

    screens = QGuiApplication.screens()
    if not 1 <= number <= len(screens):
        return False
    display.setGeometry(screens[number - 1].geometry())
    display.showFullScreen()
    return True
