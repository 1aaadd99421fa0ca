"""Vietnamese typed through an input method (Unikey/Telex commit their words to the field)
works in every text field; only fields for codes, amounts and secrets turn it off, where
Telex would rewrite what a scanner or a PIN types ('aa' -> 'â')."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QLineEdit

from pos.services import shifts
from tests.gui.test_till_gui import open_window
from ui.app import configure_application
from ui.catalog_editors import ProducerEditor, ProductEditor
from ui.catalog_pages import SEARCH_DELAY_MS
from ui.close_shift_dialog import CloseShiftDialog
from ui.payment_dialog import PaymentDialog
from ui.refund_dialog import RefundDialog
from ui.sign_in import SignInDialog

WORDS = "Trà Shan tuyết Cổ thụ, Đắk Lắk"


def commit(field: QLineEdit, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QCoreApplication.sendEvent(field, event)


def test_every_text_field_takes_an_input_methods_vietnamese(qtbot, qapp, demo_db):
    configure_application(qapp, "vi")
    shifts.open_shift(demo_db, "T01", "Lan", 0)
    window = open_window(qtbot, demo_db, "quanly")
    user = window.user
    dialogs = [
        ProducerEditor(demo_db, lambda: user, None, window),
        ProductEditor(demo_db, lambda: user, None, window),
        RefundDialog(demo_db, "T01", user, lambda *a: None, window),
        CloseShiftDialog(demo_db, "T01", user, lambda blocks: None, window),
        PaymentDialog(150_000, "T01-000001", ("970415", "113366668888", "SHOWROOM"), window),
        SignInDialog(demo_db, "T01", window),
    ]
    till = window.pages["sell"]
    codes_amounts_secrets = {till.scan_box, dialogs[2].number, dialogs[4].amount}
    codes_amounts_secrets |= {dialogs[5].username, dialogs[5].secret}
    fields = [f for key in window.pages for f in window.pages[key].findChildren(QLineEdit)]
    fields += [f for dialog in dialogs for f in dialog.findChildren(QLineEdit)]
    typed_into = 0
    for field in fields:
        if field in codes_amounts_secrets:
            assert not field.testAttribute(Qt.WA_InputMethodEnabled)
            continue
        assert field.testAttribute(Qt.WA_InputMethodEnabled), field.placeholderText()
        free_text = field.validator() is None and field.maxLength() >= len(WORDS)
        if free_text and not field.isReadOnly() and field.isEnabled():
            field.clear()
            commit(field, WORDS)
            assert field.text() == WORDS, (field.objectName(), field.placeholderText())
            typed_into += 1
    assert typed_into > 30  # names, addresses, reasons, notes, searches, settings
    for dialog in dialogs:
        dialog.close()
    qtbot.wait(2 * SEARCH_DELAY_MS)  # the searches typed into run before the database closes
