"""A cashier at the till: refunds, price changes and stock adjustments stop at a manager's
approval typed on the same screen; closing the shift counts blind and prints a Z."""

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog

from pos.services import shifts
from tests.gui.modals import answer_credentials, answer_message_box, when_modal
from tests.gui.test_till_gui import open_payment, open_window, scan
from ui.app import configure_application
from ui.close_shift_dialog import CloseShiftDialog
from ui.refund_dialog import RefundDialog
from ui.sign_in import ApprovalDialog


@pytest.fixture
def till(qtbot, qapp, demo_db, monkeypatch):
    monkeypatch.setattr("pos.clock.now", lambda: datetime(2026, 11, 24, 10, 0))
    configure_application(qapp, "vi")
    shifts.open_shift(demo_db, "T01", "Nguyễn Thị Lan", 500_000)
    return open_window(qtbot, demo_db, "thungan").pages["sell"]


def answer_approval(qtbot, username: str, secret: str) -> list:
    """When the approval prompt opens, a manager types their name and password."""
    return answer_credentials(qtbot, ApprovalDialog, username, secret)


def refuse_approval() -> None:
    when_modal(ApprovalDialog, lambda dialog: dialog.reject(), tries=100)


def pay_exact(qtbot, till) -> None:
    qtbot.waitUntil(till.scan_box.hasFocus)
    dialog = open_payment(qtbot, till)
    qtbot.keyClick(dialog.amount, Qt.Key_Return)


def test_price_change_needs_a_manager(qtbot, till, demo_db, monkeypatch):
    scan(qtbot, till, "BANH-PIA")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("60.000", True))
    refuse_approval()
    qtbot.keyClick(till.scan_box, Qt.Key_G, Qt.ControlModifier)
    assert "cần quản lý" in till.message.text()
    seen = answer_approval(qtbot, "thungan", "1234")  # paying asks again; a cashier cannot
    qtbot.waitUntil(till.scan_box.hasFocus)
    qtbot.keyClick(till.scan_box, Qt.Key_F12)
    assert seen and "BANH-PIA: giá 60.000 ₫" in seen[0].heading.text()  # the manager reads it
    assert till.payment is None or not till.payment.isVisible()
    assert demo_db.execute("SELECT count(*) FROM sales").fetchone()[0] == 0
    assert "cần quản lý" in till.message.text()

    answer_approval(qtbot, "quanly", "quanly2026")
    qtbot.waitUntil(till.scan_box.hasFocus)
    qtbot.keyClick(till.scan_box, Qt.Key_G, Qt.ControlModifier)
    pay_exact(qtbot, till)
    assert demo_db.execute("SELECT total_vnd, cashier, approved_by FROM sales").fetchall() == [
        (60_000, "Nguyễn Thị Lan", "quanly")
    ]


def test_refund_needs_a_manager_and_records_both(qtbot, till, demo_db):
    scan(qtbot, till, "2*MUT-SEN")
    pay_exact(qtbot, till)
    qtbot.waitUntil(till.scan_box.hasFocus)
    qtbot.keyClick(till.scan_box, Qt.Key_F8)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), RefundDialog))
    dialog = QApplication.activeModalWidget()
    qtbot.keyClicks(dialog.number, "T01-000001")
    qtbot.keyClick(dialog.number, Qt.Key_Return)
    qtbot.waitUntil(dialog.isActiveWindow)
    spin = dialog.table.cellWidget(0, 3)
    assert spin.hasFocus()  # the quantity is typed at once, no cells to walk through
    qtbot.keyClicks(spin, "1")
    assert dialog.total.text() == "Hoàn lại 120.000 ₫"  # before F12, as the prompt will say
    qtbot.keyClick(spin, Qt.Key_Tab)
    assert dialog.reason.hasFocus() and dialog.reason.currentData() is None  # no default
    qtbot.keyClick(dialog.number, Qt.Key_F12)
    assert dialog.message.text() == "Cần chọn lý do trả hàng"  # asked before any manager
    qtbot.keyClick(dialog.reason, Qt.Key_Down)  # the first reason: damaged
    assert dialog.reason.currentData() == "defective" and dialog.damaged.isChecked()
    qtbot.keyClick(dialog.reason, Qt.Key_Down)
    qtbot.keyClick(dialog.reason, Qt.Key_Down)  # sold the wrong item: back on the shelf
    assert dialog.reason.currentData() == "wrong_item" and not dialog.damaged.isChecked()
    seen = answer_approval(qtbot, "thungan", "1234")  # a cashier cannot approve
    qtbot.keyClick(dialog.number, Qt.Key_F12)
    assert seen and "phải là quản lý" in seen[0].message.text()
    assert "120.000" in seen[0].subject
    assert demo_db.execute("SELECT count(*) FROM refunds").fetchone()[0] == 0
    answer_approval(qtbot, "quanly", "quanly2026")
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.number, Qt.Key_F12)
    assert demo_db.execute(
        "SELECT number, total_vnd, cashier, approved_by FROM refunds"
    ).fetchall() == [("T01-TH-000001", 120_000, "Nguyễn Thị Lan", "quanly")]
    assert "T01-TH-000001" in till.message.text()


def test_stock_write_off_needs_a_manager(qtbot, till, demo_db, monkeypatch):
    window = till.window()
    window.show_page("stock")
    page = window.pages["stock"].on_hand
    page.lot_table.selectRow(0)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.lot_table.setFocus()
    qtbot.waitUntil(page.lot_table.hasFocus)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (a[3][0], True))
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (2, True))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("hộp bị móp", True))
    refuse_approval()
    qtbot.keyClick(page.lot_table, Qt.Key_W, Qt.ControlModifier)
    assert demo_db.execute("SELECT count(*) FROM stock_adjustments").fetchone()[0] == 0
    answer_approval(qtbot, "quanly", "quanly2026")
    qtbot.waitUntil(window.isActiveWindow)
    page.lot_table.setFocus()
    qtbot.waitUntil(page.lot_table.hasFocus)
    qtbot.keyClick(page.lot_table, Qt.Key_W, Qt.ControlModifier)
    assert demo_db.execute("SELECT kind FROM stock_adjustments").fetchall() == [("write_off",)]
    assert "PDC-000001" in page.message.text()


def test_close_shift_counts_blind_and_shows_the_z(qtbot, till, demo_db):
    scan(qtbot, till, "BANH-PIA")
    pay_exact(qtbot, till)  # 75.000 cash
    qtbot.waitUntil(till.scan_box.hasFocus)
    qtbot.keyClick(till.scan_box, Qt.Key_K, Qt.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), CloseShiftDialog))
    dialog = QApplication.activeModalWidget()
    assert "575.000" not in dialog.message.text()  # blind: nothing says what to expect
    dialog.counts[500_000].setValue(1)
    dialog.counts[50_000].setValue(1)
    dialog.counts[20_000].setValue(1)
    dialog.counts[5_000].setValue(1)  # 575.000
    asked = answer_message_box(qtbot, "enter")  # the default keeps the shift open
    qtbot.mouseClick(dialog.z_button, Qt.LeftButton)
    assert "575.000 ₫" in asked[0] and "T01" in asked[0]
    assert demo_db.execute("SELECT count(*) FROM shift_reports").fetchone()[0] == 0
    answer_message_box(qtbot, "yes")
    qtbot.mouseClick(dialog.z_button, Qt.LeftButton)
    assert dialog.report.number == "T01-Z-000001" and dialog.report.difference("cash") == 0
    assert not dialog.preview.pixmap().isNull()
    assert demo_db.execute("SELECT kind, number FROM shift_reports").fetchall() == [
        ("Z", "T01-Z-000001")
    ]
    # the Z fits the screen with its buttons in sight (it ran off a 768-pixel screen)
    available = dialog.screen().availableGeometry()
    assert available.contains(dialog.frameGeometry()), (dialog.frameGeometry(), available)
    for button in (dialog.print_button, dialog.close_button):
        assert button.isVisible() and button.isEnabled()
        corner = button.mapTo(dialog, button.rect().bottomRight())
        assert dialog.rect().contains(corner)
    printed = []
    dialog.print_blocks = printed.append
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key_P, Qt.ControlModifier)
    assert printed == [dialog.blocks]
    qtbot.keyClick(dialog, Qt.Key_Escape)
    assert not dialog.isVisible()
    assert till.stack.currentWidget() is till.open_shift_form  # a new shift must be opened


def test_parking_a_cart_drops_its_approvals(qtbot, till, demo_db, monkeypatch):
    scan(qtbot, till, "BANH-PIA")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("60.000", True))
    answer_approval(qtbot, "quanly", "quanly2026")
    qtbot.keyClick(till.scan_box, Qt.Key_G, Qt.ControlModifier)
    assert len(till.approvals) == 1
    qtbot.waitUntil(till.scan_box.hasFocus)
    qtbot.keyClick(till.scan_box, Qt.Key_F6)  # park
    qtbot.keyClick(till.scan_box, Qt.Key_F7)  # recall: the same cart, no approval with it
    assert till.approvals == [] and till.cart.lines[0].unit_price_vnd == 60_000
    seen = answer_approval(qtbot, "thungan", "1234")  # asked again at payment; refused
    qtbot.keyClick(till.scan_box, Qt.Key_F12)
    assert seen and demo_db.execute("SELECT count(*) FROM sales").fetchone()[0] == 0
    used = demo_db.execute("SELECT count(*) FROM approvals WHERE used_at IS NOT NULL")
    assert used.fetchone()[0] == 0
