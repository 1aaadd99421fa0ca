"""The till when the disk is full: the cashier is told, the cart stays, and paying again
once there is room posts the sale exactly once."""

from PySide6.QtCore import Qt

from tests.faults.test_faults import fill_the_disk, make_room
from tests.gui.test_till_gui import count, open_payment, scan, till  # noqa: F401 (fixture)
from tests.ledger_sums import on_hand_by_sku


def test_disk_full_at_the_till(qtbot, till, demo_db):  # noqa: F811 (fixture)
    skus = [sku for sku, qty in on_hand_by_sku(demo_db).items() if qty > 2][:20]
    for sku in skus:
        scan(qtbot, till, f"2*{sku}")
    fill_the_disk(demo_db)
    dialog = open_payment(qtbot, till)
    qtbot.keyClick(dialog.amount, Qt.Key_Return)  # exact cash
    qtbot.waitUntil(till.scan_box.hasFocus)
    assert "ổ đĩa đầy" in till.message.text() and till.message.property("problem")
    assert len(till.cart.lines) == len(skus)
    assert count(demo_db, "SELECT count(*) FROM sales") == 0

    make_room(demo_db)
    dialog = open_payment(qtbot, till)
    qtbot.keyClick(dialog.amount, Qt.Key_Return)
    qtbot.waitUntil(lambda: "T01-000001" in till.message.text())
    assert till.cart.is_empty()
    assert count(demo_db, "SELECT count(*) FROM sales") == 1
