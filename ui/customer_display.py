"""The customer display: a second window, for a monitor facing the customer, that shows the
showroom's name, the lines as they are scanned, the total, the VietQR large while a transfer
is awaited, and a thank-you with the change after payment. It only listens to the till and
never takes the keyboard from it."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

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
        self.lines = QListWidget()
        self.lines.setFocusPolicy(Qt.NoFocus)
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
        self.lines.clear()
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
        self.lines.clear()
        for priced in totals.lines:
            line = priced.line
            self.lines.addItem(f"{line.name}  ×{line.qty}    {format_vnd(priced.net_vnd)}")
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
        self.lines.clear()
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
