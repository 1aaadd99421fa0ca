"""A sale rung up at the till with the keyboard reaches the demo's fake provider on
loopback, off the GUI thread, and the status line says so."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos.einvoicing.credentials import load_password, save_password
from pos.einvoicing.fake_viettel import FakeState, FakeViettel
from pos.importing.demo import DEMO_EINVOICING
from pos.printing.blocks import as_text
from pos.services import backups, einvoice_outbox, einvoices, shifts, showroom_file
from pos.services.settings import set_settings
from tests.conftest import demo_user
from tests.gui.modals import answer_message_box, when_modal
from tests.gui.test_till_gui import open_payment, open_window, scan
from tests.qt_typing import type_text
from tests.services.test_users_and_refunds import cash, sell
from ui.app import configure_application
from ui.buyer_dialog import BuyerDialog
from ui.close_shift_dialog import CloseShiftDialog


def test_a_sale_at_the_till_is_issued_through_the_demo_provider(qtbot, qapp, demo_db):
    configure_application(qapp, "vi")
    set_settings(demo_db, DEMO_EINVOICING, demo_user(demo_db, "admin"))
    shifts.open_shift(demo_db, "T01", "Lan", 500_000)
    window = open_window(qtbot, demo_db)
    till = window.pages["sell"]
    window.einvoices.start()
    scan(qtbot, till, "8938505970103")
    dialog = open_payment(qtbot, till)
    qtbot.keyClick(dialog.amount, Qt.Key_Return)
    qtbot.waitUntil(till.scan_box.hasFocus)
    assert einvoice_outbox.status(demo_db).unsent in (0, 1)  # the till did not wait for it
    answers = "SELECT count(*) FROM einvoice_answers"
    qtbot.waitUntil(lambda: demo_db.execute(answers).fetchone()[0] == 1, timeout=15_000)
    assert einvoice_outbox.status(demo_db).unsent == 0
    key = demo_db.execute("SELECT key FROM einvoices").fetchone()[0]
    number, code, _ = einvoice_outbox.answer_of(demo_db, key)
    assert number.startswith("C") and code.startswith("M1-")
    window.einvoices.refresh()
    assert window.einvoice_label.text() == "HĐĐT: đã gửi hết"
    window.einvoices.stop()


def test_the_provider_password_stays_out_of_the_database_and_its_backups(
    qtbot, qapp, demo_db, tmp_path, no_os_keyring
):
    configure_application(qapp, "vi")
    secret, account = "S3cret-Pa55-OCOP", "0100109106-215"
    with FakeViettel(FakeState(username=account, password=secret)) as fake:
        window = open_window(qtbot, demo_db, "quanly")
        window.show_page("settings")
        page = window.pages["settings"]
        provider = page.inputs["einvoice_provider"]
        provider.setCurrentIndex(provider.findData("viettel"))
        for key, text in (
            ("einvoice_url", fake.url),
            ("einvoice_username", account),
            ("einvoice_symbol", "1C26MAA"),
            ("showroom_tax_code", fake.state.tax_code),
        ):
            page.inputs[key].setText(text)
        qtbot.keyClicks(page.einvoice_password, secret)
        qtbot.mouseClick(page.save_button, Qt.LeftButton)
        assert page.status.property("problem") is not True, page.status.text()
        assert page.einvoice_password.text() == ""  # not left on the screen either
        assert load_password(account) == secret
        assert (no_os_keyring / "einvoice-password.json").stat().st_mode & 0o077 == 0
        shifts.open_shift(demo_db, "T01", "Lan", 500_000)
        window.einvoices.start()  # signs in with the saved password
        sell(demo_db, [("SAM-TRA-20", 1)], cash, "s1")
        answers = "SELECT count(*) FROM einvoice_answers"
        qtbot.waitUntil(lambda: demo_db.execute(answers).fetchone()[0] == 1, timeout=15_000)
        window.einvoices.stop()
    taken = backups.take_backup(demo_db, tmp_path / "backups", "manual")
    database = Path(showroom_file.database_path(demo_db))
    files = [database, database.with_name(database.name + "-wal"), taken.path]
    for path in files:
        if path.exists():
            assert secret.encode() not in path.read_bytes(), path
    assert taken.path.exists()


def test_closing_the_shift_with_an_invoice_unsent_raises_the_alarm(qtbot, qapp, demo_db):
    configure_application(qapp, "vi")
    set_settings(demo_db, DEMO_EINVOICING, demo_user(demo_db, "admin"))
    shifts.open_shift(demo_db, "T01", "Lan", 500_000)
    window = open_window(qtbot, demo_db, "quanly")  # no sender started: nothing goes out
    till = window.pages["sell"]
    scan(qtbot, till, "BANH-PIA")
    qtbot.keyClick(open_payment(qtbot, till).amount, Qt.Key_Return)  # 75.000 cash
    qtbot.waitUntil(till.scan_box.hasFocus)
    qtbot.keyClick(till.scan_box, Qt.Key_K, Qt.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), CloseShiftDialog))
    dialog = QApplication.activeModalWidget()
    dialog.counts[500_000].setValue(1)
    dialog.counts[50_000].setValue(1)
    dialog.counts[20_000].setValue(1)
    dialog.counts[5_000].setValue(1)  # 575.000: no difference
    answer_message_box(qtbot, "yes")
    qtbot.mouseClick(dialog.z_button, Qt.LeftButton)
    assert "Còn 1 hóa đơn điện tử chưa gửi được" in dialog.message.text()
    assert dialog.message.property("problem") is True
    figures = dialog.report.figures
    assert (figures.einvoices_issued, figures.einvoices_unsent) == (0, 1)
    assert "HĐĐT chưa gửi được 1" in " ".join(as_text(dialog.blocks).split())
    qtbot.keyClick(dialog, Qt.Key_Escape)


def test_a_manager_sends_a_refused_invoice_again_and_replaces_an_issued_one(
    qtbot, qapp, demo_db, clock_at, no_os_keyring
):
    configure_application(qapp, "vi")
    with FakeViettel(FakeState(faults=["reject"])) as fake:
        settings = {
            **DEMO_EINVOICING,
            "einvoice_provider": "viettel",
            "einvoice_url": fake.url,
            "einvoice_username": "demo",
        }
        set_settings(demo_db, settings, demo_user(demo_db, "admin"))
        save_password("demo", "demo")
        shifts.open_shift(demo_db, "T01", "Lan", 500_000)
        sale = sell(demo_db, [("SAM-TRA-20", 1)], cash, "s1")
        window = open_window(qtbot, demo_db, "quanly")
        window.einvoices.start()
        qtbot.waitUntil(lambda: einvoice_outbox.status(demo_db).parked == 1, timeout=15_000)
        qtbot.keyClick(window, Qt.Key_9, Qt.ControlModifier)
        page = window.pages["einvoices"]
        assert window.current_page() is page
        page.show_which.setCurrentIndex(page.show_which.findData("refused"))
        [refused] = page.model._records
        assert refused.document_number == sale.number and "BUYER_TAX_CODE" in refused.message
        page.table.selectRow(0)
        qtbot.mouseClick(page.resend_button, Qt.LeftButton)
        assert f"{sale.number} gửi lại" in page.message.text()
        qtbot.waitUntil(lambda: einvoice_outbox.status(demo_db).unsent == 0, timeout=15_000)

        def fill(dialog):
            for widget, text in (
                (dialog.tax_code, "0100109106"),
                (dialog.name, "Công ty Trà Việt"),
                (dialog.reason, "khách xin hóa đơn công ty"),
            ):
                widget.setFocus()
                type_text(widget, text)
            qtbot.keyClick(dialog.reason, Qt.Key_Return)

        page.show_which.setCurrentIndex(page.show_which.findData("month"))
        page.month.setText("11/2026")
        page.refresh()
        page.table.selectRow(0)
        when_modal(BuyerDialog, fill)
        qtbot.mouseClick(page.replace_button, Qt.LeftButton)
        qtbot.waitUntil(lambda: len(fake.state.invoices) == 2, timeout=15_000)
        window.einvoices.stop()
    assert fake.state.invoices[1].body["buyerInfo"]["buyerLegalName"] == "Công ty Trà Việt"
    page.refresh()
    assert [r.kind for r in page.model._records] == ["original", "replacement"]


def test_a_cashier_does_not_see_the_invoices(qtbot, qapp, demo_db):
    configure_application(qapp, "vi")
    window = open_window(qtbot, demo_db, "thungan")
    window.show_page("einvoices")
    page = window.pages["einvoices"]
    assert page.model.rowCount() == 0
    assert page.status.text() == "Chỉ quản lý xem được hóa đơn điện tử."


def test_the_cashier_puts_the_buyers_name_on_the_invoice_before_paying(qtbot, qapp, demo_db):
    configure_application(qapp, "vi")
    set_settings(demo_db, DEMO_EINVOICING, demo_user(demo_db, "admin"))
    shifts.open_shift(demo_db, "T01", "Lan", 500_000)
    till = open_window(qtbot, demo_db).pages["sell"]
    scan(qtbot, till, "BANH-PIA")
    typed = []

    def fill(dialog):
        typed.append(dialog)
        qtbot.waitUntil(dialog.isActiveWindow)
        dialog.tax_code.setFocus()
        type_text(dialog.tax_code, "0100109107")  # a wrong check digit: refused
        qtbot.keyClick(dialog.tax_code, Qt.Key_Tab)
        dialog.name.setFocus()
        type_text(dialog.name, "Công ty Trà Việt")
        qtbot.keyClick(dialog.name, Qt.Key_Return)
        assert dialog.isVisible() and "chữ số kiểm tra" in dialog.message.text()
        dialog.tax_code.clear()
        type_text(dialog.tax_code, "0100109106")
        qtbot.keyClick(dialog.name, Qt.Key_Return)

    when_modal(BuyerDialog, fill)
    qtbot.keyClick(till.scan_box, Qt.Key_B, Qt.ControlModifier)
    qtbot.waitUntil(lambda: bool(typed) and not typed[0].isVisible())
    assert "Công ty Trà Việt" in till.message.text()
    qtbot.waitUntil(till.scan_box.hasFocus)
    qtbot.keyClick(open_payment(qtbot, till).amount, Qt.Key_Return)
    qtbot.waitUntil(till.scan_box.hasFocus)
    [buyer] = [
        row[0]
        for row in demo_db.execute(
            "SELECT einvoice_buyer FROM sales WHERE einvoice_key IS NOT NULL"
        )
    ]
    assert '"tax_code": "0100109106"' in buyer and "Công ty Trà Việt" in buyer
    einvoices.queue_captured(demo_db)  # what the sender does next: the invoice names them
    [document] = [row[0] for row in demo_db.execute("SELECT document FROM einvoices")]
    assert '"tax_code": "0100109106"' in document and "Công ty Trà Việt" in document
    assert till.buyer.kind == "none"  # the next customer's names nobody

    def known(dialog):  # the next time, the tax code fills in the name
        typed.append(dialog)
        qtbot.waitUntil(dialog.isActiveWindow)  # Tab leaves the field only in the active one
        dialog.tax_code.setFocus()
        type_text(dialog.tax_code, "0100 109 106")
        qtbot.keyClick(dialog.tax_code, Qt.Key_Tab)
        assert dialog.name.text() == "Công ty Trà Việt"
        dialog.reject()

    scan(qtbot, till, "BANH-PIA")
    when_modal(BuyerDialog, known)
    qtbot.keyClick(till.scan_box, Qt.Key_B, Qt.ControlModifier)
    qtbot.waitUntil(lambda: len(typed) == 2 and not typed[1].isVisible())
