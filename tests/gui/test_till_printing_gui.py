"""Receipts from the till: the sale is committed first; a dead printer delays only paper."""

from datetime import datetime

import pytest
from escpos.printer import Dummy
from PySide6.QtCore import Qt

from pos.printing.escpos_out import PrinterError
from pos.services import print_queue, shifts
from pos.services.settings import set_settings
from tests.conftest import demo_user
from tests.gui.test_till_gui import open_payment, open_window, scan
from ui.app import configure_application


class Printer:
    """A printer that can be switched off; what it printed is in ``paper``."""

    def __init__(self):
        self.online = False
        self.paper = Dummy()

    def __call__(self, _config):
        if not self.online:
            raise PrinterError("không kết nối được máy in network 192.0.2.1:9100")
        return self.paper


@pytest.fixture
def printer():
    return Printer()


@pytest.fixture
def till(qtbot, qapp, demo_db, printer, monkeypatch):
    monkeypatch.setattr("pos.clock.now", lambda: datetime(2026, 11, 24, 10, 0))
    configure_application(qapp, "vi")
    set_settings(
        demo_db,
        {"printer_kind": "network", "printer_target": "192.0.2.1:9100"},
        demo_user(demo_db, "admin"),
    )
    shifts.open_shift(demo_db, "T01", "Lan", 0)
    window = open_window(qtbot, demo_db)
    window.print_service.opener = printer
    return window.pages["sell"]


def sell_one(qtbot, till) -> None:
    scan(qtbot, till, "BANH-PIA")
    dialog = open_payment(qtbot, till)
    qtbot.keyClick(dialog.amount, Qt.Key_Return)


def test_printer_down_then_retry_prints_exactly_once(qtbot, till, demo_db, printer):
    sell_one(qtbot, till)
    qtbot.waitUntil(lambda: till.printer_label.property("problem") is True)
    assert "F9" in till.printer_label.text()
    assert demo_db.execute("SELECT count(*) FROM sales").fetchone()[0] == 1
    [job] = print_queue.waiting_jobs(demo_db)
    assert (job.document_number, job.status, job.open_drawer) == ("T01-000001", "failed", True)

    printer.online = True
    qtbot.keyClick(till.scan_box, Qt.Key_F9)
    qtbot.waitUntil(lambda: "đã in" in till.printer_label.text())
    assert print_queue.waiting_jobs(demo_db) == []
    assert printer.paper.output.count(b"\x1dV") == 1  # one cut: one receipt
    assert b"\x1bp" in printer.paper.output  # paid cash: the drawer opened
    qtbot.keyClick(till.scan_box, Qt.Key_F9)  # nothing left: a second F9 prints nothing
    till.printer.wait()
    assert printer.paper.output.count(b"\x1dV") == 1


def test_receipt_prints_after_the_sale_when_the_printer_is_up(qtbot, till, demo_db, printer):
    printer.online = True
    sell_one(qtbot, till)
    qtbot.waitUntil(lambda: print_queue.waiting_jobs(demo_db) == [])
    assert printer.paper.output.count(b"\x1dv0") >= 1


def test_reprint_from_the_preview_is_a_marked_copy(qtbot, till, demo_db, printer):
    printer.online = True
    sell_one(qtbot, till)
    qtbot.waitUntil(lambda: print_queue.waiting_jobs(demo_db) == [])
    before = printer.paper.output.count(b"\x1dV")
    qtbot.keyClick(till.scan_box, Qt.Key_P, Qt.ControlModifier)
    dialogs = [w for w in till.children() if w.__class__.__name__ == "ReceiptPreview"]
    assert dialogs and dialogs[-1].sale_number == "T01-000001"
    assert not dialogs[-1].image.pixmap().isNull()
    dialogs[-1].print_copy()
    qtbot.waitUntil(lambda: print_queue.waiting_jobs(demo_db) == [])  # recorded, not just sent
    assert printer.paper.output.count(b"\x1dV") == before + 1
    jobs = demo_db.execute("SELECT copy, status FROM print_jobs ORDER BY id").fetchall()
    assert jobs == [(0, "printed"), (1, "printed")]
