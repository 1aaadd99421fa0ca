"""Grab every screen of the app on a fresh demo database to PNG files, offscreen,
so a developer can look at what users see: `make screenshots`."""

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QDialog  # noqa: E402

from pos.paths import SAMPLE_FIXTURES  # noqa: E402
from pos.printing.raster import render  # noqa: E402
from pos.printing.shift_report import layout_shift_report  # noqa: E402
from pos.services.demo import load_demo  # noqa: E402
from pos.services.users import get_user  # noqa: E402
from pos.storage.database import open_database  # noqa: E402
from ui.app import configure_application  # noqa: E402
from ui.close_shift_dialog import CloseShiftDialog  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402


def main(out: Path, language: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    configure_application(app, language)

    def save(widget, name: str) -> None:
        app.processEvents()
        path = out / f"{language}-{name}.png"
        widget.grab().save(str(path))
        print(path)

    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "demo.sqlite3")
        load_demo(db, SAMPLE_FIXTURES, date(2026, 11, 22))
        window = MainWindow(db, "demo.sqlite3", get_user(db, "quanly"))
        window.resize(1366, 768)  # the commonest screen of a shop PC
        window.show()
        save(window, "open-shift")
        till = window.pages["sell"]
        till.open_shift_form.cashier.setText("Nguyễn Thị Lan")
        till.open_shift_form.opening_float.setText("500.000")
        till.open_shift_form.open_shift()
        for code in ("8938505970103", "2*BANH-PIA", "khan-lua", "8938505970103", "MUT-SEN"):
            till.scan_box.setText(code)
            till.scan()
        till.cart_table.selectRow(2)
        save(window, "till")
        till.pay()
        save(till.payment, "payment-cash")
        till.payment.choose_method("bank")
        save(till.payment, "payment-vietqr")
        till.payment.take_cash(2_000_000)
        till.show_receipt()
        save(QApplication.activeModalWidget() or till.findChild(QDialog), "receipt-preview")
        for dialog in till.findChildren(QDialog):
            dialog.close()  # the receipt preview
        till.close_shift()
        closing = next(w for w in till.findChildren(CloseShiftDialog) if w.isVisible())
        for value, count in ((500_000, 2), (200_000, 1), (100_000, 1), (50_000, 2)):
            closing.counts[value].setValue(count)
        save(closing, "close-shift")
        closing.close_shift()
        save(closing, "z-report-dialog")
        blocks = layout_shift_report(closing.report, "Showroom OCOP Hà Nội (demo)")
        render(blocks, 576).save(out / f"{language}-z-report.png")
        closing.accept()
        for key in window.pages:
            if key != "sell":
                window.show_page(key)
                save(window, key)
        products = window.pages["products"]
        window.show_page("products")
        products.table.selectRow(0)
        products.print_labels()
        save(QApplication.activeModalWidget() or products.findChild(QDialog), "label-dialog")
        db.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"), os.environ.get("LANG_UI", "vi"))
