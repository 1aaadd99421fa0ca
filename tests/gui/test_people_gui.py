"""First start, switching user at the till, adding users, and the audit log screen."""

from datetime import datetime

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from pos.services import audit, shifts, users
from pos.services.settings import get_setting
from tests.gui.modals import answer_credentials
from tests.gui.test_till_gui import open_window, scan
from tests.qt_typing import type_text
from ui.app import configure_application
from ui.sign_in import FirstStartDialog, SignInDialog


def test_first_start_creates_the_showroom_and_its_admin(qtbot, qapp, db):
    configure_application(qapp, "vi")
    dialog = FirstStartDialog(db)
    qtbot.addWidget(dialog)
    values = {
        "showroom_name": "Showroom OCOP Phố Cổ",
        "showroom_address": "12 Hàng Bạc",
        "showroom_tax_code": "0109876543",
        "bank_bin": "970436",
        "bank_account": "0011000999999",
        "bank_account_name": "SHOWROOM PHO CO",
        "username": "chuquan",
        "display_name": "Lê Thị Hồng",
        "password": "matkhau-2026",
        "password_again": "matkhau-2026",
    }
    for key, value in values.items():
        type_text(dialog.fields[key], value)
    dialog.submit()
    assert dialog.result() == FirstStartDialog.Accepted
    assert get_setting(db, "showroom_name") == "Showroom OCOP Phố Cổ"
    assert get_setting(db, "bank_account") == "0011000999999"
    assert users.sign_in(db, "chuquan", "matkhau-2026").role == "admin"


def test_first_start_refuses_mismatched_passwords(qtbot, qapp, db):
    dialog = FirstStartDialog(db)
    qtbot.addWidget(dialog)
    type_text(dialog.fields["username"], "admin")
    type_text(dialog.fields["password"], "matkhau-2026")
    type_text(dialog.fields["password_again"], "matkhau-2027")
    dialog.submit()
    assert not users.has_users(db)


@pytest.fixture
def window(qtbot, qapp, demo_db, monkeypatch):
    monkeypatch.setattr("pos.clock.now", lambda: datetime(2026, 11, 24, 10, 0))
    configure_application(qapp, "vi")
    shifts.open_shift(demo_db, "T01", "Nguyễn Thị Lan", 0)
    return open_window(qtbot, demo_db, "thungan")


def sign_in_when_asked(qtbot, username: str, secret: str) -> None:
    def fill(tries=100):
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SignInDialog):
            if tries:
                QTimer.singleShot(20, lambda: fill(tries - 1))
            return
        type_text(dialog.username, username)
        type_text(dialog.secret, secret)
        qtbot.keyClick(dialog.secret, Qt.Key_Return)

    QTimer.singleShot(20, fill)


def test_switch_user_keeps_the_cart(qtbot, window):
    till = window.pages["sell"]
    scan(qtbot, till, "2*BANH-PIA")
    sign_in_when_asked(qtbot, "quanly", "quanly2026")
    qtbot.keyClick(till.scan_box, Qt.Key_F10)
    assert window.user.username == "quanly"
    assert [(line.sku, line.qty) for line in till.cart.lines] == [("BANH-PIA", 2)]
    assert "Trần Văn Minh" in window.statusBar().currentMessage()


def test_only_an_admin_adds_users(qtbot, window, demo_db, monkeypatch):
    window.show_page("settings")
    panel = window.pages["settings"].users_panel
    assert panel.model.rowCount() == 4
    answers = iter([("hoa", True), ("Phạm Thu Hoa", True), ("2468", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (a[3][0], True))
    panel.add_user()  # signed in as a cashier
    assert "quản trị viên" in panel.message.text() and panel.model.rowCount() == 4
    window.user = users.get_user(demo_db, "admin")
    answers = iter([("hoa", True), ("Phạm Thu Hoa", True), ("2468", True)])
    panel.add_user()
    assert panel.model.rowCount() == 5 and users.sign_in(demo_db, "hoa", "2468").role == "cashier"


def test_audit_log_is_for_managers_and_filters(qtbot, window, demo_db):
    cashier = users.get_user(demo_db, "thungan")
    users.approve(demo_db, "quanly", "quanly2026", "refund", cashier, "T01-000001: hoàn 1 ₫")
    window.show_page("audit")
    page = window.pages["audit"]
    assert page.model.rowCount() == 0 and "Chỉ quản lý" in page.message.text()
    window.user = users.get_user(demo_db, "quanly")
    page.action.setCurrentIndex(page.action.findData("approval"))
    assert page.model.rowCount() == 1
    assert page.model.record(0).approver == "quanly"
    columns = [page.model.headerData(c, Qt.Horizontal) for c in range(page.model.columnCount())]
    shown = page.model.index(0, columns.index("Người duyệt")).data()
    assert shown == "Trần Văn Minh (quanly)"  # the name people know, and the login
    assert page.model.index(0, columns.index("Thao tác")).data() == "Quản lý duyệt"
    assert len(audit.audit_entries(demo_db)) >= 4  # users created by the demo, and more


def test_every_act_the_log_records_has_a_name_and_a_filter(qtbot, window):
    """The screen showed 'z_report' and its filter offered eleven of the acts recorded."""
    page = window.pages["audit"]
    offered = [page.action.itemData(i) for i in range(1, page.action.count())]
    assert offered == list(audit.ACTIONS)
    names = [page.action.itemText(i) for i in range(1, page.action.count())]
    assert all(name != code and "_" not in name for name, code in zip(names, offered, strict=True))
    assert len(set(names)) == len(names)


def _sign_in_when_asked(qtbot, username: str | None, secret: str = "") -> list:
    """Answers the next sign-in dialog (or cancels it, with no username)."""
    return answer_credentials(qtbot, SignInDialog, username, secret)


def test_f10_switches_user_on_any_page_without_a_shift_and_sign_out_leaves(qtbot, qapp, demo_db):
    """F10 did nothing until a cashier opened a shift: a manager could not sign in."""
    from tests.gui.test_till_gui import open_window
    from ui.app import configure_application

    configure_application(qapp, "vi")
    window = open_window(qtbot, demo_db, "thungan")  # no shift open: the open-shift form
    assert window.pages["sell"].stack.currentWidget() is window.pages["sell"].open_shift_form
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    seen = _sign_in_when_asked(qtbot, "quanly", "quanly2026")
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key_F10)
    assert seen and window.user.username == "quanly"
    assert "Trần Văn Minh" in window.statusBar().currentMessage()
    window.show_page("reports")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    seen = _sign_in_when_asked(qtbot, "thungan", "1234")
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key_F10)
    assert seen and window.user.username == "thungan"
    [sign_out] = [
        a for a in window.menuBar().actions()[0].menu().actions() if "Đăng xuất" in a.text()
    ]
    seen = _sign_in_when_asked(qtbot, None)  # nobody signs in: the app does not stay open
    sign_out.trigger()
    assert seen and not window.isVisible()


def test_an_untouched_till_locks_itself_and_keeps_the_cart(qtbot, qapp, demo_db):
    """Settings' idle_lock_minutes: the lock covers every page, F10 and Ctrl+2 do nothing
    behind it, and whoever signs in finds the cart as it was."""
    from tests.gui.test_till_gui import open_window
    from ui.app import configure_application

    configure_application(qapp, "vi")
    shifts.open_shift(demo_db, "T01", "Lan", 0)
    window = open_window(qtbot, demo_db, "thungan")
    till = window.pages["sell"]
    scan(qtbot, till, "BANH-PIA")
    window.idle_watch.timer.stop()
    # a key restarts the idle time: typed as a keyboard does, through the window
    qtbot.keyClick(window.windowHandle(), Qt.Key_Down)
    assert window.idle_watch.timer.isActive()
    window.idle_watch.timer.setInterval(30)
    window.idle_watch.touched()
    qtbot.waitUntil(lambda: window.locked)
    assert window.lock_screen.isVisible() and not till.isVisible()
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key_2, Qt.ControlModifier)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key_F10)
    assert window.locked and window.navigation.currentRow() == 0
    seen = _sign_in_when_asked(qtbot, "thungan", "wrong")  # a wrong PIN: still locked
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key_Return)
    assert seen and window.locked
    window.idle_watch.timer.setInterval(60_000)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.lock_screen.button.hasFocus())
    seen = _sign_in_when_asked(qtbot, "quanly", "quanly2026")
    qtbot.keyClick(window.lock_screen.button, Qt.Key_Return)
    assert seen and not window.locked and window.user.username == "quanly"
    assert [line.sku for line in till.cart.lines] == ["BANH-PIA"] and till.isVisible()
