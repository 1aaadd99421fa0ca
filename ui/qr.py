"""A QR code as a pixmap (VietQR on the payment screen)."""

import qrcode
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPixmap


def qr_pixmap(payload: str, size_px: int) -> QPixmap:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2)
    code.add_data(payload)
    code.make(fit=True)
    matrix = code.get_matrix()
    scale = max(1, size_px // len(matrix))  # whole pixels per module keep it scannable
    pixmap = QPixmap(len(matrix) * scale, len(matrix) * scale)
    pixmap.fill(Qt.white)
    painter = QPainter(pixmap)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(x * scale, y * scale, scale, scale, Qt.black)
    painter.end()
    return pixmap
