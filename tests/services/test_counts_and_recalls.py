from datetime import date, datetime

import pytest

from pos.errors import NotFound, PermissionDenied, StockError, ValidationError
from pos.permissions import Approval
from pos.services import recalls, sales, shifts, stock, stock_counts, users
from pos.services.stock import IntakeLine
from pos.storage.ledger import first_journal_break
from tests.conftest import demo_user
from tests.services.test_sales_service import T, cart_of, pay_cash

DAY = date(2026, 11, 24)


def lot_stock(db, sku):
    return {s.lot_code: s.on_hand for s in stock.stock_by_lot(db) if s.sku == sku}


def test_count_spreads_differences_over_lots_and_posts_one_adjustment(demo_db):
    manager = demo_user(demo_db, "quanly")
    stock.receive_goods(
        demo_db,
        "HOABAN",
        [IntakeLine("SAM-TRA-20", 4, "L2701-01", date(2026, 11, 20), date(2027, 11, 20))],
        received_on=DAY,
        actor=demo_user(demo_db, "quanly"),
    )
    before = lot_stock(demo_db, "SAM-TRA-20")
    assert before == {"L2612-01": 6, "L2701-01": 4}
    count = stock_counts.start_count(demo_db, "HOABAN", manager)
    for _ in range(7):
        stock_counts.count_scan(demo_db, count.id, "8938505970103")  # trà sâm: 10 → 7
    sam = stock_counts.count_scan(demo_db, count.id, "SAM-CU-100", 8)  # sâm củ: 6 → 8
    assert (sam.expected, sam.counted, sam.variance) == (6, 8, 2)
    variances = {v.sku: v for v in stock_counts.count_variances(demo_db, count.id)}
    assert variances["SAM-TRA-20"].variance == -3
    # Products of the producer not counted at all stand at 0 and show as missing.
    uncounted = [v for v in variances.values() if not v.scanned]
    assert uncounted and all(v.counted == 0 and v.variance == -v.expected for v in uncounted)
    for v in uncounted:
        stock_counts.set_counted(demo_db, count.id, v.product_id, v.expected)

    with pytest.raises(
        ValidationError, match="cần ghi lý do chênh lệch cho: SAM-CU-100, SAM-TRA-20"
    ):
        stock_counts.post_count(demo_db, count.id, manager, on=DAY)
    stock_counts.set_reason(demo_db, count.id, sam.product_id, "đếm sót phiếu nhập")
    stock_counts.set_reason(demo_db, count.id, variances["SAM-TRA-20"].product_id, "vỡ hộp")
    posted = stock_counts.post_count(demo_db, count.id, manager, on=DAY)

    assert posted.total_qty == -1 and posted.number.startswith("PDC-")
    # Missing units come off the lot that would have sold first; found units go to the newest.
    assert lot_stock(demo_db, "SAM-TRA-20") == {"L2612-01": 3, "L2701-01": 4}
    assert sum(lot_stock(demo_db, "SAM-CU-100").values()) == 8
    reasons = demo_db.execute(
        "SELECT p.sku, l.qty_delta, l.reason FROM stock_adjustment_lines l "
        "JOIN products p ON p.id = l.product_id ORDER BY p.sku"
    ).fetchall()
    assert reasons == [("SAM-CU-100", 2, "đếm sót phiếu nhập"), ("SAM-TRA-20", -3, "vỡ hộp")]
    assert stock_counts.open_count(demo_db) is None
    assert first_journal_break(demo_db) is None
    with pytest.raises(ValidationError, match="đã đóng"):
        stock_counts.count_scan(demo_db, count.id, "SAM-CU-100")


def test_count_refuses_other_producers_unknown_codes_and_a_second_open_count(demo_db):
    manager = demo_user(demo_db, "quanly")
    count = stock_counts.start_count(demo_db, "HOABAN", manager)
    with pytest.raises(ValidationError, match="không thuộc lượt kiểm kê HOABAN"):
        stock_counts.count_scan(demo_db, count.id, "SUA-TUOI-1L")
    with pytest.raises(NotFound, match="không tìm thấy mã '999'"):
        stock_counts.count_scan(demo_db, count.id, "999")
    with pytest.raises(ValidationError, match="chưa xong"):
        stock_counts.start_count(demo_db, None, manager)
    stock_counts.count_scan(demo_db, count.id, "SAM-CU-100")
    with pytest.raises(ValidationError, match="nhỏ hơn 0"):
        stock_counts.count_scan(demo_db, count.id, "SAM-CU-100", -2)
    stock_counts.cancel_count(demo_db, count.id, manager)
    assert stock_counts.start_count(demo_db, None, manager).number == "KK-000002"


def test_a_count_that_agrees_posts_no_adjustment_and_a_cashier_needs_a_manager(demo_db):
    cashier, manager = demo_user(demo_db), demo_user(demo_db, "quanly")
    count = stock_counts.start_count(demo_db, "HOABAN", cashier)
    for v in stock_counts.count_variances(demo_db, count.id):
        stock_counts.set_counted(demo_db, count.id, v.product_id, v.expected)
    with pytest.raises(PermissionDenied):
        stock_counts.post_count(demo_db, count.id, cashier, on=DAY)
    subject = stock_counts.count_subject(count)
    forged = Approval("made-up", "stock_adjustment", subject, manager)  # no password given
    with pytest.raises(PermissionDenied, match="không do quản lý nhập mật khẩu"):
        stock_counts.post_count(demo_db, count.id, cashier, forged, on=DAY)
    approval = users.approve(demo_db, "quanly", "quanly2026", "stock_adjustment", cashier, subject)
    assert stock_counts.post_count(demo_db, count.id, cashier, approval, on=DAY) is None
    assert demo_db.execute("SELECT count(*) FROM stock_adjustments").fetchone()[0] == 0
    assert demo_db.execute(
        "SELECT approver FROM audit_log WHERE action = 'stock_count'"
    ).fetchone() == ("quanly",)


def test_found_units_first_put_right_a_lot_sold_below_zero(demo_db):
    shifts.open_shift(demo_db, T, "Lan", 0)
    pay_cash(demo_db, cart_of(demo_db, ("BO-KHO-250", 8)))  # 6 on hand: one lot at -2
    manager = demo_user(demo_db, "quanly")
    count = stock_counts.start_count(demo_db, "NGAMY", manager)
    [beef] = [v for v in stock_counts.count_variances(demo_db, count.id) if v.sku == "BO-KHO-250"]
    stock_counts.set_counted(demo_db, count.id, beef.product_id, 1)
    stock_counts.set_reason(demo_db, count.id, beef.product_id, "khách trả lại chưa nhập")
    others = [v for v in stock_counts.count_variances(demo_db, count.id) if v.sku != "BO-KHO-250"]
    for v in others:
        stock_counts.set_counted(demo_db, count.id, v.product_id, v.expected)
    stock_counts.post_count(demo_db, count.id, manager, on=DAY)
    assert all(qty >= 0 for qty in lot_stock(demo_db, "BO-KHO-250").values())
    assert sum(lot_stock(demo_db, "BO-KHO-250").values()) == 1


def test_blocked_lot_lists_its_sales_and_goes_back_to_the_producer_in_one_step(demo_db):
    shifts.open_shift(demo_db, T, "Lan", 0)
    manager, cashier = demo_user(demo_db, "quanly"), demo_user(demo_db)
    pay_cash(demo_db, cart_of(demo_db, ("SAM-TRA-20", 2)), token="a")
    pay_cash(
        demo_db, cart_of(demo_db, ("SAM-TRA-20", 1)), token="b", when=datetime(2026, 11, 24, 15, 0)
    )
    lot = next(s for s in stock.stock_by_lot(demo_db, "HOABAN") if s.sku == "SAM-TRA-20")

    with pytest.raises(PermissionDenied):
        recalls.set_lot_recalled(demo_db, lot.lot_id, True, "thu hồi", cashier)
    with pytest.raises(ValidationError, match="lý do"):
        recalls.set_lot_recalled(demo_db, lot.lot_id, True, "  ", manager)
    recalls.set_lot_recalled(demo_db, lot.lot_id, True, "Sở Y tế yêu cầu thu hồi", manager)
    with pytest.raises(StockError, match="L2612-01"):
        sales.product_for_scan(demo_db, "SAM-TRA-20", 1, cart_of(demo_db), DAY)
    watched = recalls.lots_to_watch(demo_db, 30, DAY)
    assert watched[0].lot.lot_id == lot.lot_id and watched[0].state == "blocked"

    sold = recalls.sales_of_lot(demo_db, lot.lot_id)
    assert [(s.sale_number, s.qty, s.refunded) for s in sold] == [
        ("T01-000001", 2, 0),
        ("T01-000002", 1, 0),
    ]
    posted = recalls.return_recalled_lot(
        demo_db, lot.lot_id, "thu hồi lô", manager, returned_on=DAY
    )
    assert posted.total_qty == 3 and posted.number.startswith("PXT-")
    assert stock.get_lot(demo_db, lot.lot_id).on_hand == 0
    with pytest.raises(ValidationError, match="không còn hàng"):
        recalls.return_recalled_lot(demo_db, lot.lot_id, "lần hai", manager, returned_on=DAY)
    actions = [r[0] for r in demo_db.execute("SELECT action FROM audit_log ORDER BY id")]
    assert "lot_blocked" in actions
    assert first_journal_break(demo_db) is None


def test_watch_list_has_expired_and_soon_lots_with_stock_only(demo_db):
    watched = recalls.lots_to_watch(demo_db, 10, date(2026, 11, 29))
    states = {(w.lot.sku, w.state) for w in watched}
    assert ("CA-ROT-1KG", "expired") in states  # expired 28/11/2026
    assert all(w.lot.on_hand > 0 for w in watched)
    assert all(w.state != "soon" or 0 <= w.days_left <= 10 for w in watched)
    days = [w.days_left for w in watched if w.state == "soon"]
    assert days == sorted(days)
