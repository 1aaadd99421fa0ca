"""Every page and dialog of the app, visited on the demo showroom with work in progress, as
a person would see them on one screen. ``visit(widget, name)`` is called for each: the
screenshots save it as PNG, the screen-fit check measures it (tests/gui/test_screen_fit.py).

Run with the screen to imitate, e.g. ``QT_QPA_PLATFORM=offscreen:configfile=screen.json``
(see screen_config), so windows are maximised on it as on the shop's PC."""

import json
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from pos import clock
from pos.cart import price
from pos.catalog import ProductInput
from pos.importing.demo import load_demo
from pos.paths import SAMPLE_FIXTURES
from pos.printing.raster import render
from pos.printing.shift_report import layout_shift_report
from pos.services import catalog, stock
from pos.services.users import get_user
from pos.storage.database import open_database
from ui.app import configure_application
from ui.catalog_editors import ProducerEditor, ProductEditor
from ui.close_shift_dialog import CloseShiftDialog
from ui.customer_display import CustomerDisplay, follow_till
from ui.main_window import MainWindow
from ui.refund_dialog import RefundDialog
from ui.sign_in import SignInDialog

# The widest name a cashier meets: upper case, stacked Vietnamese marks, 28 characters.
# Written here on purpose, not taken from ui.till_page: the check states what must fit.
WIDE_NAME = "TRÀ SHAN TUYẾT CỔ THỤ ĐẶC BIỆT"
WIDE_SKU = "TRA-SHAN-CO-THU"
Visit = Callable[[QWidget, str], None]


def screen_config(path: Path, width: int, height: int) -> str:
    """The offscreen platform's one screen of ``width`` × ``height`` logical pixels; returns
    the QT_QPA_PLATFORM value that uses it."""
    screen = {"name": "shop", "x": 0, "y": 0, "width": width, "height": height}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    path.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    return f"offscreen:configfile={path}"


def tour(folder: Path, language: str, visit: Visit, z_printed=None) -> None:
    """The demo with its past (today's shift open), maximised, every screen in turn;
    ``z_printed`` gets the Z report's paper as an image."""
    app = QApplication.instance() or QApplication(sys.argv)
    configure_application(app, language)

    def look(widget: QWidget, name: str) -> None:
        # A resize is laid out in rounds: after one, the till's panel still stood past the edge.
        for _ in range(3):
            app.processEvents()
        visit(widget, name)

    db = open_database(folder / "demo.sqlite3")
    load_demo(db, SAMPLE_FIXTURES, history_until=clock.today())
    manager = get_user(db, "quanly")
    _wide_product(db, manager)
    window = MainWindow(db, "demo.sqlite3", manager)
    window.showMaximized()
    look(window, "till-empty")
    sign_in = SignInDialog(db, "T01", window)
    sign_in.show()
    look(sign_in, "sign-in")
    sign_in.close()
    till = window.pages["sell"]
    for code in (WIDE_SKU, "8938505970103", "2*BANH-PIA", "khan-lua", "MUT-SEN"):
        till.scan_box.setText(code)
        till.scan()
    till.cart_table.selectRow(0)
    look(window, "till")
    display = CustomerDisplay("Showroom OCOP Hà Nội (demo)")
    follow_till(display, till)
    display.resize(window.size())
    display.show()
    display.show_cart(price(till.cart))
    look(display, "customer-display")
    till.pay()
    look(till.payment, "payment-cash")
    till.payment.choose_method("bank")
    look(till.payment, "payment-vietqr")
    look(display, "customer-display-vietqr")
    till.payment.take_cash(2_000_000)
    window.einvoices.refresh()  # the status line's e-invoice count (its sender is not started)
    look(window, "till-change-due")
    display.close()
    till.show_receipt()
    look(QApplication.activeModalWidget() or till.findChild(QDialog), "receipt-preview")
    for dialog in till.findChildren(QDialog):
        dialog.close()  # the receipt preview
    till.refund()
    refund = next(w for w in till.findChildren(RefundDialog) if w.isVisible())
    refund.number.setText(till.last_sale_number)
    refund.load()
    refund.set_quantity(0, 1)
    look(refund, "refund")
    refund.reject()
    till.close_shift()
    closing = next(w for w in till.findChildren(CloseShiftDialog) if w.isVisible())
    for value, count in ((500_000, 2), (200_000, 1), (100_000, 1), (50_000, 2)):
        closing.counts[value].setValue(count)
    look(closing, "close-shift")
    closing.close_shift()
    look(closing, "z-report-dialog")
    if z_printed:
        z_printed(render(layout_shift_report(closing.report, "Showroom OCOP Hà Nội (demo)"), 576))
    closing.accept()
    look(window, "open-shift")
    for key in window.pages:
        if key != "sell":
            window.show_page(key)
            if key == "reports":
                window.pages[key].wait()  # computed off the GUI thread: shown, not "Computing..."
            look(window, key)
    _back_office(window, look)
    products = window.pages["products"]
    window.show_page("products")
    products.table.selectRow(0)
    products.print_labels()
    look(QApplication.activeModalWidget() or products.findChild(QDialog), "label-dialog")
    window.close()
    db.close()


def _wide_product(db, manager) -> None:
    """The widest name, on the shelf (5 units received) so the till sells it."""
    product = ProductInput(WIDE_SKU, WIDE_NAME, "HOABAN", 450_000, "4", 800, False, "Trà", "hộp")
    catalog.edit_product(db, product, True, manager)
    stock.receive_goods(db, "HOABAN", [stock.IntakeLine(WIDE_SKU, 5)], actor=manager)


def _back_office(window: MainWindow, look: Visit) -> None:
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
    look(window, "stock-receive")
    area.show_tab(area.give_back)
    give_back = area.give_back
    give_back.producer.select("BAOMINH")
    give_back.lot_table.selectRow(0)
    give_back.choose_lot()
    give_back.add_line()
    give_back.reason.setCurrentText("Hết hạn / cận hạn sử dụng")
    look(window, "stock-return")
    area.show_tab(area.count)
    count = area.count
    count.producer.select("HOABAN")
    count.start()
    for code in ("8938505970103", "8938505970103", "3*SAM-CU-100"):
        count.scan.setText(code)
        count.scan_entered()
    count.table.selectRow(0)
    count.reason.setCurrentText("Hỏng, vỡ")
    look(window, "stock-count")
    count.cancel()
    area.show_tab(area.expiry)
    expiry = area.expiry
    expiry.days.setValue(365)
    expiry.lot_table.selectRow(0)
    expiry.reason.setText("Thông báo thu hồi số 12/ATTP")
    look(window, "stock-expiry")
    editor = ProductEditor(window.db, lambda: window.user, window.pages["products"].model.record(0))
    editor.fields["price_vnd"].setText("ba trăm nghìn")
    editor.fields["barcode"].setText("8938505970104")
    editor.show()
    editor.save()
    look(editor, "product-editor")
    editor.close()
    producer = ProducerEditor(window.db, lambda: window.user, None)
    producer.show()
    look(producer, "producer-editor")
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
        look(window, name)
