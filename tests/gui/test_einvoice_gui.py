"""A sale rung up at the till with the keyboard reaches the demo's fake provider on
loopback, off the GUI thread, and the status line says so."""

from PySide6.QtCore import Qt

from pos.importing.demo import DEMO_EINVOICING
from pos.services import einvoice_outbox, shifts
from pos.services.settings import set_settings
from tests.conftest import demo_user
from tests.gui.test_till_gui import open_payment, open_window, scan
from ui.app import configure_application


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
