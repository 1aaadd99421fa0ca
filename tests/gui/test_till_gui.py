"""The till driven with the keyboard, as a cashier would, then checked in the database."""

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog

from pos.services import shifts
from tests.conftest import demo_user
from tests.qt_typing import type_text
from ui.app import configure_application
from ui.main_window import MainWindow


def open_window(qtbot, db, username: str = "thungan", track: bool = True) -> MainWindow:
    window = MainWindow(db, "test", demo_user(db, username))
    if track:  # qtbot closes tracked windows at the end; a test that destroys one opts out
        qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.fixture
def till(qtbot, qapp, demo_db, clock_at):
    configure_application(qapp, "vi")
    shifts.open_shift(demo_db, "T01", "Lan", 500_000)
    window = open_window(qtbot, demo_db)
    page = window.pages["sell"]
    assert page.scan_box.hasFocus()
    return page


def scan(qtbot, till, text: str) -> None:
    qtbot.keyClicks(till.scan_box, text)
    qtbot.keyClick(till.scan_box, Qt.Key_Return)


def open_payment(qtbot, till):
    qtbot.keyClick(till.scan_box, Qt.Key_F12)
    dialog = till.payment
    qtbot.waitUntil(lambda: dialog.isActiveWindow() and dialog.amount.hasFocus())
    return dialog


def count(db, sql: str) -> int:
    return db.execute(sql).fetchone()[0]


def test_scan_three_products_and_pay_cash_with_change(qtbot, till, demo_db):
    scan(qtbot, till, "8938505970103")  # Trà sâm 350.000
    scan(qtbot, till, "BANH-PIA")  # by sku, 75.000
    scan(qtbot, till, "8938505970103")  # again: the same line goes to 2
    scan(qtbot, till, "2*MUT-SEN")  # 2 × 120.000
    assert [(line.sku, line.qty) for line in till.cart.lines] == [
        ("SAM-TRA-20", 2),
        ("BANH-PIA", 1),
        ("MUT-SEN", 2),
    ]
    assert till.total_label.text() == "1.015.000 ₫"
    assert till.scan_box.hasFocus()

    dialog = open_payment(qtbot, till)
    qtbot.keyClicks(dialog.amount, "1100000")  # the prefilled amount is selected: replaced
    assert "85.000" in dialog.change_label.text()  # shown while typing
    qtbot.keyClick(dialog.amount, Qt.Key_Return)

    assert not dialog.isVisible()
    qtbot.waitUntil(till.scan_box.hasFocus)  # ready for the next customer
    assert till.cart.is_empty() and "T01-000001" in till.message.text()
    # the change stays large where the total was, until the next customer's first scan
    assert " ".join(till.total_label.text().split()) == "Tiền thối 85.000 ₫"
    assert till.total_label.property("change") is True
    assert demo_db.execute(
        "SELECT number, total_vnd, change_vnd, cashier FROM sales"
    ).fetchall() == [("T01-000001", 1_015_000, 85_000, "Nguyễn Thị Lan")]
    assert demo_db.execute(
        "SELECT sku, qty, net_vnd FROM sale_lines ORDER BY line_no"
    ).fetchall() == [("SAM-TRA-20", 2, 700_000), ("BANH-PIA", 1, 75_000), ("MUT-SEN", 2, 240_000)]
    assert demo_db.execute(
        "SELECT method, amount_vnd, tendered_vnd, change_vnd FROM payments"
    ).fetchall() == [("cash", 1_015_000, 1_100_000, 85_000)]
    moves = demo_db.execute(
        "SELECT p.sku, m.qty FROM stock_movements m JOIN products p ON p.id = m.product_id "
        "WHERE m.kind = 'sale' ORDER BY p.sku"
    ).fetchall()
    assert moves == [("BANH-PIA", -1), ("MUT-SEN", -2), ("SAM-TRA-20", -2)]
    assert count(demo_db, "SELECT count(*) FROM open_carts") == 0
    assert till.window().checkpoint_timer.isActive()  # WAL is moved once the counter is idle
    scan(qtbot, till, "BANH-PIA")
    assert till.total_label.text() == "75.000 ₫" and till.total_label.property("change") is False


def test_split_tender_transfer_then_cash(qtbot, till, demo_db):
    scan(qtbot, till, "8938505970004")  # Sâm củ 2.500.000
    dialog = open_payment(qtbot, till)
    qtbot.keyClick(dialog.amount, Qt.Key_F2)  # bank transfer: VietQR for the remaining amount
    assert dialog.qr_label.pixmap() is not None and not dialog.qr_label.pixmap().isNull()
    assert "T01-000001" in dialog.qr_caption.text()
    qtbot.keyClicks(dialog.amount, "2000000")
    qtbot.keyClick(dialog.amount, Qt.Key_Return)  # not confirmed yet: refused
    assert dialog.tenders == [] and dialog.message.property("problem") is True
    qtbot.keyClick(dialog.amount, Qt.Key_F4)  # the money has arrived
    qtbot.keyClick(dialog.amount, Qt.Key_Return)
    assert dialog.remaining_vnd == 500_000 and dialog.method() == "cash"
    qtbot.keyClick(dialog.amount, Qt.Key_Return)  # exact cash for the rest
    assert demo_db.execute(
        "SELECT method, amount_vnd, reference FROM payments ORDER BY id"
    ).fetchall() == [("bank", 2_000_000, "VietQR"), ("cash", 500_000, "")]


def test_card_needs_the_terminal_reference(qtbot, till, demo_db):
    scan(qtbot, till, "BANH-COM")
    dialog = open_payment(qtbot, till)
    qtbot.keyClick(dialog.amount, Qt.Key_F3)
    qtbot.keyClick(dialog.amount, Qt.Key_Return)
    assert "mã giao dịch" in dialog.message.text()
    dialog.reference.setFocus()
    qtbot.keyClicks(dialog.reference, "AP-778812")
    qtbot.keyClick(dialog.reference, Qt.Key_Return)
    assert demo_db.execute("SELECT method, reference FROM payments").fetchall() == [
        ("card", "AP-778812")
    ]


def test_expired_lot_is_refused_with_the_reason(qtbot, till, demo_db, clock_at):
    clock_at(datetime(2026, 11, 29, 9, 0))  # Cà rốt's lot expired on 28/11/2026
    scan(qtbot, till, "CA-ROT-1KG")
    assert till.cart.is_empty()
    assert "đã hết hạn ngày 28/11/2026" in till.message.text()
    assert till.message.property("problem") is True
    assert QApplication.activeModalWidget() is None and till.scan_box.hasFocus()


def test_unknown_code_adds_nothing_and_opens_no_dialog(qtbot, till):
    scan(qtbot, till, "8930000000000")
    assert till.cart.is_empty()
    assert "Không có sản phẩm mã '8930000000000'" in till.message.text()
    assert QApplication.activeModalWidget() is None and till.scan_box.hasFocus()


def test_text_searches_and_arrows_enter_pick(qtbot, till):
    type_text(till.scan_box, "trà")
    qtbot.keyClick(till.scan_box, Qt.Key_Return)
    assert till.results.isVisible() and till.results.hasFocus()
    names = [till.results_model.record(r).name for r in range(till.results_model.rowCount())]
    qtbot.keyClick(till.results, Qt.Key_Down)
    qtbot.keyClick(till.results, Qt.Key_Return)
    assert [line.name for line in till.cart.lines] == [names[1]]
    assert not till.results.isVisible() and till.scan_box.hasFocus()


def test_the_side_panel_follows_the_highlighted_result_then_the_cart(qtbot, till):
    """The panel kept showing the cart's line while the arrows moved through results."""
    scan(qtbot, till, "BANH-PIA")
    assert till.product_name.text() == "Bánh pía Bảo Minh 400g"
    type_text(till.scan_box, "trà")
    qtbot.keyClick(till.scan_box, Qt.Key_Return)
    names = [till.results_model.record(r).name for r in range(till.results_model.rowCount())]
    assert till.product_name.text() == names[0]
    qtbot.keyClick(till.results, Qt.Key_Down)
    assert till.product_name.text() == names[1]
    assert "Tồn kho" in till.product_details.text()
    qtbot.keyClick(till.results, Qt.Key_Escape)
    assert till.product_name.text() == "Bánh pía Bảo Minh 400g"  # back to the cart's line


def test_cart_is_restored_after_the_window_is_destroyed(qtbot, till, demo_db):
    window = open_window(qtbot, demo_db, track=False)
    till = window.pages["sell"]
    scan(qtbot, till, "3*BANH-CHA")
    scan(qtbot, till, "8936567890100")
    window.close()
    window.deleteLater()
    qtbot.wait(10)
    reopened = open_window(qtbot, demo_db).pages["sell"]
    assert [(line.sku, line.qty) for line in reopened.cart.lines] == [
        ("BANH-CHA", 3),
        ("MIEN-DONG", 1),
    ]
    assert reopened.total_label.text() == "235.000 ₫"


def test_double_enter_makes_one_sale(qtbot, till, demo_db):
    scan(qtbot, till, "BANH-PIA")
    dialog = open_payment(qtbot, till)
    qtbot.keyClick(dialog.amount, Qt.Key_Return)
    qtbot.keyClick(dialog.amount, Qt.Key_Return)
    qtbot.keyClick(till.scan_box, Qt.Key_Return)
    assert count(demo_db, "SELECT count(*) FROM sales") == 1


def test_edit_quantity_discounts_and_remove_with_keys(qtbot, till, monkeypatch, demo_db):
    scan(qtbot, till, "BANH-PIA")
    scan(qtbot, till, "MUT-SEN")
    qtbot.keyClick(till.scan_box, Qt.Key_Up)  # select the first line
    assert till.selected_index() == 0
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (4, True))
    qtbot.keyClick(till.scan_box, Qt.Key_F4)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("10%", True))
    qtbot.keyClick(till.scan_box, Qt.Key_F2)
    assert till.cart.lines[0].qty == 4 and till.total_label.text() == "390.000 ₫"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("10.000", True))
    qtbot.keyClick(till.scan_box, Qt.Key_F3)
    assert till.total_label.text() == "380.000 ₫"
    qtbot.keyClick(till.scan_box, Qt.Key_Down)
    qtbot.keyClick(till.scan_box, Qt.Key_Delete)
    assert [line.sku for line in till.cart.lines] == ["BANH-PIA"]


def test_the_cart_table_and_side_panel_follow_every_change(qtbot, till):
    """The cart's rows are updated in place, not reset: what is shown must still follow."""
    scan(qtbot, till, "BANH-PIA")
    scan(qtbot, till, "MUT-SEN")
    scan(qtbot, till, "BANH-PIA")  # the first line goes to 2 and is selected again
    first, second = (line.name for line in till.cart.lines)
    model = till.cart_table.model()

    def shown():
        return [[model.index(r, c).data() for c in (0, 1, 2)] for r in range(model.rowCount())]

    assert shown() == [["1", first, "2"], ["2", second, "1"]]
    assert till.selected_index() == 0 and till.product_name.text() == first
    qtbot.keyClick(till.scan_box, Qt.Key_Delete)  # the selected first line goes
    assert shown() == [["1", second, "1"]]
    assert till.selected_index() == 0 and till.product_name.text() == second
    header = till.cart_table.horizontalHeader()
    assert all(header.sectionSize(c) >= header.sectionSizeHint(c) for c in (0, 2, 3, 4, 5))


def test_park_and_recall_with_keys(qtbot, till):
    scan(qtbot, till, "BANH-PIA")
    qtbot.keyClick(till.scan_box, Qt.Key_F6)
    assert till.cart.is_empty()
    scan(qtbot, till, "MUT-SEN")
    qtbot.keyClick(till.scan_box, Qt.Key_F7)  # the parked cart comes back, this one is parked
    assert [line.sku for line in till.cart.lines] == ["BANH-PIA"]
    qtbot.keyClick(till.scan_box, Qt.Key_F7)
    assert [line.sku for line in till.cart.lines] == ["MUT-SEN"]


def test_selling_needs_an_open_shift(qtbot, qapp, demo_db, clock_at):
    configure_application(qapp, "vi")
    window = open_window(qtbot, demo_db)
    till = window.pages["sell"]
    form = till.open_shift_form
    assert till.stack.currentWidget() is form
    assert form.cashier.text() == "Nguyễn Thị Lan"  # the signed-in cashier
    assert form.opening_float.hasFocus()
    qtbot.keyClicks(form.opening_float, "500k")  # as cashiers write it
    qtbot.keyClick(form.opening_float, Qt.Key_Return)
    assert till.stack.currentWidget() is till.till and till.scan_box.hasFocus()
    cashier = demo_user(demo_db, "thungan")
    assert demo_db.execute(
        "SELECT cashier, cashier_uuid, opening_float_vnd FROM shifts"
    ).fetchall() == [("Nguyễn Thị Lan", cashier.uuid, 500_000)]  # who signed in, by uuid
    assert form.cashier.isReadOnly()  # another person signs in (F10) to open their shift
    scan(qtbot, till, "BANH-PIA")
    dialog = open_payment(qtbot, till)
    for handed in ("100.000", "100000", "100k"):  # the same money, typed three ways
        dialog.amount.selectAll()
        qtbot.keyClicks(dialog.amount, handed)
        assert dialog.change_label.text().endswith("25.000 ₫"), handed


def test_escape_in_payment_goes_back_to_the_cart(qtbot, till, demo_db):
    scan(qtbot, till, "BANH-PIA")
    dialog = open_payment(qtbot, till)
    qtbot.keyClick(dialog.amount, Qt.Key_Escape)
    assert not dialog.isVisible()
    assert [line.sku for line in till.cart.lines] == ["BANH-PIA"]
    assert count(demo_db, "SELECT count(*) FROM sales") == 0
    qtbot.waitUntil(till.scan_box.hasFocus)


def test_a_new_shift_starts_with_nothing_said_from_the_last_one(qtbot, till, demo_db):
    """The previous shift's refund message stayed on the till after a new shift opened."""
    from pos.services import shift_close, users

    scan(qtbot, till, "BANH-PIA")
    dialog = open_payment(qtbot, till)
    qtbot.keyClick(dialog.amount, Qt.Key_Return)
    qtbot.waitUntil(till.scan_box.hasFocus)
    assert "T01-000001" in till.message.text()
    manager = users.get_user(demo_db, "quanly")
    shift_close.close_shift(
        demo_db, "T01", manager, {500_000: 1, 50_000: 1, 20_000: 1, 5_000: 1}, {}
    )
    till.refresh()
    assert till.stack.currentWidget() is till.open_shift_form and till.message.text() == ""
    shifts.open_shift(demo_db, "T01", "Hoa", 300_000)
    till.refresh()
    assert till.message.text() == "" and till.total_label.text() == "0 ₫"


def test_the_customer_display_follows_a_sale_and_never_takes_the_keyboard(
    qtbot, qapp, demo_db, clock_at
):
    from pos.services.settings import set_settings
    from tests.conftest import demo_user

    set_settings(demo_db, {"customer_display": "1"}, demo_user(demo_db, "admin"))
    configure_application(qapp, "vi")
    shifts.open_shift(demo_db, "T01", "Lan", 500_000)
    window = open_window(qtbot, demo_db)
    till, display = window.pages["sell"], window.customer_display
    assert display.isVisible() and display.note.text() == "Xin chào quý khách"
    assert display.testAttribute(Qt.WA_ShowWithoutActivating)
    scan(qtbot, till, "8938505970103")
    scan(qtbot, till, "2*BANH-PIA")
    assert till.scan_box.hasFocus()  # the display did not take it
    shown = [
        [display.lines.item(r, c).text() for c in range(3)] for r in range(display.lines.rowCount())
    ]
    assert shown[0][0].startswith("Trà sâm Lai Châu") and shown[1][1:] == ["×2", "150.000 ₫"]
    assert display.total.text() == "Tổng cộng 500.000 ₫"
    dialog = open_payment(qtbot, till)
    dialog.choose_method("bank")
    assert display.qr.isVisible() and not display.qr.pixmap().isNull()
    assert "500.000 ₫" in display.note.text()
    dialog.choose_method("cash")
    qtbot.keyClicks(dialog.amount, "600000")
    qtbot.keyClick(dialog.amount, Qt.Key_Return)
    qtbot.waitUntil(till.scan_box.hasFocus)
    assert display.note.text() == "Cảm ơn quý khách!\nTiền thối: 100.000 ₫"
    assert not display.qr.isVisible() and display.lines.rowCount() == 0
    scan(qtbot, till, "BANH-PIA")  # the next customer
    assert display.lines.rowCount() == 1 and display.note.text() == ""
