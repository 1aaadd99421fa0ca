"""Grab every screen of the app on a fresh demo database to PNG files, offscreen,
so a developer can look at what users see: `make screenshots`."""

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QDialog  # noqa: E402

from pos.cart import price
from pos.importing.demo import load_demo  # noqa: E402
from pos.paths import SAMPLE_FIXTURES  # noqa: E402
from pos.printing.raster import render  # noqa: E402
from pos.printing.shift_report import layout_shift_report  # noqa: E402
from pos.services.users import get_user  # noqa: E402
from pos.storage.database import open_database  # noqa: E402
from ui.app import configure_application  # noqa: E402
from ui.catalog_editors import ProducerEditor, ProductEditor  # noqa: E402
from ui.close_shift_dialog import CloseShiftDialog  # noqa: E402
from ui.customer_display import CustomerDisplay, follow_till
from ui.main_window import MainWindow
from ui.refund_dialog import RefundDialog  # noqa: E402


def main(out: Path, language: str, size: tuple[int, int]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    configure_application(app, language)

    def save(widget, name: str) -> None:
        app.processEvents()
        path = out / f"{language}-{size[0]}x{size[1]}-{name}.png"
        widget.grab().save(str(path))
        print(path)

    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "demo.sqlite3")
        load_demo(db, SAMPLE_FIXTURES, date(2026, 11, 22))
        window = MainWindow(db, "demo.sqlite3", get_user(db, "quanly"))
        window.resize(*size)
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
        display = CustomerDisplay("Showroom OCOP Hà Nội (demo)")
        follow_till(display, till)
        display.resize(*size)
        display.show()
        display.show_cart(price(till.cart))
        save(display, "customer-display")
        till.pay()
        save(till.payment, "payment-cash")
        till.payment.choose_method("bank")
        save(till.payment, "payment-vietqr")
        save(display, "customer-display-vietqr")
        till.payment.take_cash(2_000_000)
        save(window, "till-change-due")
        till.show_receipt()
        save(QApplication.activeModalWidget() or till.findChild(QDialog), "receipt-preview")
        for dialog in till.findChildren(QDialog):
            dialog.close()  # the receipt preview
        till.refund()
        refund = next(w for w in till.findChildren(RefundDialog) if w.isVisible())
        refund.number.setText(till.last_sale_number)
        refund.load()
        refund.set_quantity(0, 1)
        save(refund, "refund")
        refund.reject()
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
        back_office(window, save)
        products = window.pages["products"]
        window.show_page("products")
        products.table.selectRow(0)
        products.print_labels()
        save(QApplication.activeModalWidget() or products.findChild(QDialog), "label-dialog")
        db.close()


def back_office(window: MainWindow, save) -> None:
    """The stock tabs with work in progress, the editors with a mistake, and the reports."""
    area = window.pages["stock"]
    window.show_page("stock")
    area.show_tab(area.receive)
    receive = area.receive
    receive.producer.select("HOABAN")
    for code, qty, lot, produced, expires in (
        ("8938505970103", 12, "L2701-01", "20/11/2026", "20/11/2027"),
        ("SAM-RUOU-500", 6, "", "", ""),
        ("SAM-CU-100", 4, "L2701-02", "25/11/2026", "10/12/2026"),
    ):
        receive.scan.setText(code)
        receive.find_product()
        receive.qty.setValue(qty)
        receive.lot.setText(lot)
        receive.produced.setText(produced)
        receive.expires.setText(expires)
        receive.add_line()
    receive.note.setText("Anh Tùng giao, xe 29C-123.45")
    save(window, "stock-receive")
    area.show_tab(area.give_back)
    give_back = area.give_back
    give_back.producer.select("BAOMINH")
    give_back.lot_table.selectRow(0)
    give_back.choose_lot()
    give_back.add_line()
    give_back.reason.setCurrentText("Hết hạn / cận hạn sử dụng")
    save(window, "stock-return")
    area.show_tab(area.count)
    count = area.count
    count.producer.select("HOABAN")
    count.start()
    for code in ("8938505970103", "8938505970103", "3*SAM-CU-100"):
        count.scan.setText(code)
        count.scan_entered()
    count.table.selectRow(0)
    count.reason.setCurrentText("Hỏng, vỡ")
    save(window, "stock-count")
    count.cancel()
    area.show_tab(area.expiry)
    expiry = area.expiry
    expiry.days.setValue(365)
    rows = [expiry.lot_model.record(r).lot.sku for r in range(expiry.lot_model.rowCount())]
    expiry.lot_table.selectRow(rows.index("SAM-TRA-20"))
    expiry.reason.setText("Thông báo thu hồi số 12/ATTP")
    expiry.set_blocked(True)
    save(window, "stock-expiry")
    editor = ProductEditor(window.db, lambda: window.user, window.pages["products"].model.record(0))
    editor.fields["price_vnd"].setText("ba trăm nghìn")
    editor.fields["barcode"].setText("8938505970104")
    editor.show()
    editor.save()
    save(editor, "product-editor")
    editor.close()
    producer = ProducerEditor(window.db, lambda: window.user, None)
    producer.show()
    save(producer, "producer-editor")
    producer.close()
    window.show_page("reports")
    reports = window.pages["reports"]
    for name, kind, by in (
        ("reports-sales-by-day", "sales", "day"),
        ("reports-sales-by-producer", "sales", "producer"),
        ("reports-compare", "compare", "producer"),
        ("reports-stock-value", "stock", "day"),
    ):
        reports.by.setCurrentIndex(reports.by.findData(by))
        reports.kind.setCurrentIndex(reports.kind.findData(kind))
        reports.wait()
        QApplication.processEvents()  # the result arrives as a queued signal
        save(window, name)


if __name__ == "__main__":
    # SCREEN=1024x768 (the window's size; default the commonest shop PC screen, 1366x768)
    width, height = (int(n) for n in os.environ.get("SCREEN", "1366x768").split("x"))
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    main(out, os.environ.get("LANG_UI", "vi"), (width, height))
