import sqlite3
from datetime import date

import pytest

from pos.errors import NotFound, StockError, ValidationError
from pos.services import catalog, stock
from pos.services.stock import IntakeLine, LotQty
from pos.storage.ledger import first_journal_break
from tests.conftest import demo_user
from tests.ledger_sums import on_hand_by_sku
from tests.services.test_integrity import rewrite_journal_entry

DAY = date(2026, 11, 22)


def lot_id(db, sku, lot_code):
    return db.execute(
        "SELECT l.id FROM lots l JOIN products p ON p.id = l.product_id "
        "WHERE p.sku = ? AND l.lot_code = ?",
        [sku, lot_code],
    ).fetchone()[0]


def on_hand(db, sku):
    return on_hand_by_sku(db)[sku]


def test_receive_creates_lots_movements_and_journal(demo_db):
    posted = stock.receive_goods(
        demo_db,
        "CONBOVANG",
        [
            IntakeLine("SUA-TUOI-1L", 12, "L2614-01", date(2026, 11, 23), date(2026, 12, 7)),
            IntakeLine("SUA-TUOI-1L", 3, "L2613-05", date(2026, 11, 19), date(2026, 12, 3)),
        ],
        received_on=date(2026, 11, 24),
        actor=demo_user(demo_db, "quanly"),
    )
    assert posted.number == "PNK-000014" and posted.total_qty == 15
    assert on_hand(demo_db, "SUA-TUOI-1L") == 24 + 15
    lots = {
        s.lot_code: s.on_hand
        for s in stock.stock_by_lot(demo_db, "CONBOVANG")
        if s.sku == "SUA-TUOI-1L"
    }
    assert lots == {"L2613-05": 27, "L2614-01": 12}
    assert first_journal_break(demo_db) is None
    last = demo_db.execute(
        "SELECT document_number FROM journal WHERE document_type = 'goods_receipt' "
        "ORDER BY seq DESC"
    ).fetchone()
    assert last[0] == "PNK-000014"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (IntakeLine("BANH-PIA", 1, "X", date(2026, 11, 20), date(2027, 1, 1)), "thuộc chủ thể"),
        (IntakeLine("SUA-TUOI-1L", 0, "X", date(2026, 11, 20), date(2027, 1, 1)), "từ 1 đến"),
        (
            IntakeLine("SUA-TUOI-1L", 10**9, "X", date(2026, 11, 20), date(2027, 1, 1)),
            "từ 1 đến 99.999",
        ),
        (IntakeLine("SUA-TUOI-1L", 1, "X", date(2026, 11, 20), None), "cần hạn sử dụng"),
        (IntakeLine("SUA-TUOI-1L", 1, "X", date(2026, 11, 20), date(2026, 11, 1)), "trước ngày"),
        (IntakeLine("SUA-TUOI-1L", 1, "X", date(2026, 11, 1), date(2026, 11, 10)), "hết hạn"),
        (
            IntakeLine("SUA-TUOI-1L", 1, "L2613-05", date(2026, 11, 19), date(2026, 12, 9)),
            "đã có với ngày",
        ),
    ],
)
def test_bad_intake_lines_are_refused_whole(demo_db, line, message):
    good = IntakeLine("SUA-CHUA-4", 5, "NEW", date(2026, 11, 20), date(2026, 12, 20))
    before = demo_db.execute("SELECT count(*) FROM stock_movements").fetchone()[0]
    with pytest.raises(ValidationError, match=message):
        stock.receive_goods(
            demo_db, "CONBOVANG", [good, line], received_on=DAY, actor=demo_user(demo_db, "quanly")
        )
    assert demo_db.execute("SELECT count(*) FROM stock_movements").fetchone()[0] == before
    assert (
        demo_db.execute(
            "SELECT last_number FROM document_sequences WHERE series = 'PNK'"
        ).fetchone()[0]
        == 13
    )


def test_producer_return_never_exceeds_lot_stock(demo_db):
    lot = lot_id(demo_db, "BO-KHO-250", "L2613-23")
    with pytest.raises(StockError, match="chỉ còn 6"):
        stock.return_to_producer(
            demo_db,
            "NGAMY",
            [LotQty(lot, 4), LotQty(lot, 3)],
            "hết mùa",
            actor=demo_user(demo_db, "quanly"),
        )
    posted = stock.return_to_producer(
        demo_db,
        "NGAMY",
        [LotQty(lot, 4)],
        "bao bì móp",
        returned_on=date(2026, 11, 24),
        actor=demo_user(demo_db, "quanly"),
    )
    assert posted.number == "PXT-000001"
    assert on_hand(demo_db, "BO-KHO-250") == 2
    with pytest.raises(ValidationError, match="lý do"):
        stock.return_to_producer(
            demo_db, "NGAMY", [LotQty(lot, 1)], "  ", actor=demo_user(demo_db, "quanly")
        )
    with pytest.raises(ValidationError, match="thuộc chủ thể NGAMY"):
        stock.return_to_producer(
            demo_db, "HOABAN", [LotQty(lot, 1)], "nhầm", actor=demo_user(demo_db, "quanly")
        )


def test_count_adjustment_and_write_off(demo_db):
    lot = lot_id(demo_db, "BANH-PIA", "L2613-11")
    stock.adjust_stock(
        demo_db,
        "count_adjustment",
        [LotQty(lot, -2)],
        "kiểm kê thiếu",
        actor=demo_user(demo_db, "quanly"),
    )
    stock.adjust_stock(
        demo_db, "write_off", [LotQty(lot, 1)], "hộp bị ẩm", actor=demo_user(demo_db, "quanly")
    )
    assert on_hand(demo_db, "BANH-PIA") == 21
    kinds = demo_db.execute(
        "SELECT kind, qty FROM stock_movements WHERE lot_id = ? ORDER BY id", [lot]
    ).fetchall()
    assert kinds == [("intake", 24), ("count_adjustment", -2), ("write_off", -1)]
    with pytest.raises(StockError):
        stock.adjust_stock(
            demo_db, "write_off", [LotQty(lot, 22)], "hỏng", actor=demo_user(demo_db, "quanly")
        )
    with pytest.raises(ValidationError):
        stock.adjust_stock(
            demo_db, "write_off", [LotQty(lot, -1)], "âm", actor=demo_user(demo_db, "quanly")
        )
    with pytest.raises(NotFound):
        stock.adjust_stock(
            demo_db, "count_adjustment", [LotQty(99999, 1)], "x", actor=demo_user(demo_db, "quanly")
        )


def test_stock_is_a_sum_over_the_ledger(demo_db):
    by_product = on_hand_by_sku(demo_db)
    ledger = dict(
        demo_db.execute(
            "SELECT p.sku, sum(m.qty) FROM stock_movements m "
            "JOIN products p ON p.id = m.product_id GROUP BY p.sku"
        ).fetchall()
    )
    assert by_product == ledger
    producers = {s.producer_code: s for s in stock.stock_by_producer(demo_db)}
    assert producers["HOABAN"].on_hand == 18
    assert producers["HOABAN"].value_vnd == 6 * 2_500_000 + 6 * 350_000 + 6 * 1_200_000


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE stock_movements SET qty = 100",
        "DELETE FROM stock_movements",
        "UPDATE goods_receipt_lines SET qty = 1",
        "DELETE FROM goods_receipts",
        "UPDATE journal SET payload = x'00'",
    ],
)
def test_posted_rows_are_protected(demo_db, statement):
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        demo_db.execute(statement)


def test_journal_detects_tampering_when_triggers_are_dropped(demo_db):
    demo_db.execute("DROP TRIGGER journal_no_update")
    receipt = demo_db.execute(
        "SELECT seq FROM journal WHERE document_number = 'PNK-000003'"
    ).fetchone()
    rewrite_journal_entry(demo_db, receipt[0], "24", "25")
    broken = first_journal_break(demo_db)
    assert broken is not None and broken.seq == receipt[0]
    assert broken.document_number == "PNK-000003"


def make_lots(db):
    """Three lots of one product: late expiry, early expiry, and blocked earliest."""
    stock.receive_goods(
        db,
        "BAOMINH",
        [
            IntakeLine("BANH-COM", 5, "LATE", date(2026, 11, 20), date(2027, 12, 1)),
            IntakeLine("BANH-COM", 5, "EARLY", date(2026, 11, 20), date(2026, 12, 1)),
            IntakeLine("BANH-COM", 5, "BLOCKED", date(2026, 11, 20), date(2026, 11, 30)),
        ],
        received_on=DAY,
        actor=demo_user(db, "quanly"),
    )
    stock.set_lot_blocked(db, lot_id(db, "BANH-COM", "BLOCKED"), True)
    return catalog.find_product_by_code(db, "BANH-COM").id


def test_fefo_takes_earliest_sellable_expiry_first(demo_db):
    product_id = make_lots(demo_db)
    allocation = stock.allocate_fefo(demo_db, product_id, 8, date(2026, 11, 25))
    codes = [
        demo_db.execute("SELECT lot_code FROM lots WHERE id = ?", [p.lot_id]).fetchone()[0]
        for p in allocation.picks
    ]
    assert codes == ["EARLY", "L2611-12"]
    assert [p.qty for p in allocation.picks] == [5, 3] and allocation.shortfall == 0


def test_fefo_skips_expired_lots_and_reports_shortfall(demo_db):
    product_id = make_lots(demo_db)
    allocation = stock.allocate_fefo(demo_db, product_id, 40, date(2026, 12, 2))
    assert sum(p.qty for p in allocation.picks) == 24 + 5  # EARLY expired, BLOCKED blocked
    assert allocation.shortfall == 11


def test_products_without_lot_tracking_get_a_lot_named_by_the_receipt(demo_db):
    lots = [s for s in stock.stock_by_lot(demo_db, "LUAVANPHUC")]
    assert {s.lot_code for s in lots} == {"PNK-000011"}
    assert all(s.expiry_date is None for s in lots)


def test_units_from_expired_or_blocked_lots_are_refused_saying_which_and_how_many_are_left():
    """Found unpinned by make mutants: selling exactly what is sellable beside an expired
    lot, and the words of the refusal."""
    from pos.services.sale_writing import refuse_unsellable
    from pos.services.stock import LotOnHand

    today = date(2026, 11, 24)
    good = LotOnHand(1, "L-TOT", "2027-01-01", "active", 3)
    expired = LotOnHand(2, "L-HET", "2026-11-23", "active", 5)
    blocked = LotOnHand(3, "L-KHOA", "2027-06-01", "blocked", 2)
    refuse_unsellable([good, expired], 3, today)  # all three from the good lot: sold
    refuse_unsellable([good], 7, today)  # beyond any stock: a shortfall, not a refusal
    with pytest.raises(StockError) as some_left:
        refuse_unsellable([good, expired, blocked], 4, today)
    assert str(some_left.value) == (
        "Không bán được: chỉ còn 3 bán được; lô L-HET đã hết hạn ngày 23/11/2026, "
        "lô L-KHOA đang bị khóa (thu hồi). Hãy để riêng hàng này."
    )
    with pytest.raises(StockError) as none_left:
        refuse_unsellable([blocked], 1, today)
    assert str(none_left.value) == (
        "Không bán được: lô L-KHOA đang bị khóa (thu hồi). Hãy để riêng hàng này."
    )


def test_a_payout_is_a_positive_amount_and_keeps_no_reference_unless_given(demo_db):
    from pos.services import statements

    manager = demo_user(demo_db, "quanly")
    for amount in (0, -1):
        with pytest.raises(ValidationError) as refused:
            statements.record_payout(
                demo_db, manager, "BAOMINH", amount, date(2026, 11, 30), "bank"
            )
        assert str(refused.value) == "số tiền thanh toán phải lớn hơn 0"
    statements.record_payout(demo_db, manager, "BAOMINH", 1, date(2026, 11, 30), "bank")
    assert demo_db.execute("SELECT amount_vnd, reference FROM payouts").fetchall() == [(1, "")]


def test_a_cashiers_payout_needs_the_managers_yes_for_it_and_is_journalled_as_paid(demo_db):
    import json
    import unicodedata

    from pos.errors import PermissionDenied
    from pos.journal import entry_of
    from pos.services import statements, users

    cashier = demo_user(demo_db, "thungan")
    paid_on = date(2026, 11, 30)
    with pytest.raises(ValidationError) as refused:
        statements.record_payout(demo_db, cashier, "BAOMINH", 500_000, paid_on, "cheque")
    assert str(refused.value) == "thanh toán bằng chuyển khoản hoặc tiền mặt"
    subject = "chi trả BAOMINH 500.000 ₫"
    wrong = users.approve(demo_db, "quanly", "quanly2026", "close_period", cashier, "chi trả khác")
    with pytest.raises(PermissionDenied, match="phê duyệt đã cho việc khác"):
        statements.record_payout(demo_db, cashier, "BAOMINH", 500_000, paid_on, "bank", "", wrong)
    yes = users.approve(demo_db, "quanly", "quanly2026", "close_period", cashier, subject)
    reference = unicodedata.normalize("NFD", "UNC số 12")
    statements.record_payout(demo_db, cashier, "BAOMINH", 500_000, paid_on, "bank", reference, yes)
    assert demo_db.execute(
        "SELECT method, reference, amount_vnd, recorded_by FROM payouts"
    ).fetchall() == [("bank", "UNC số 12", 500_000, "thungan")]
    number, stored = demo_db.execute(
        "SELECT document_number, payload FROM journal WHERE document_type = 'payout'"
    ).fetchone()
    payload = json.loads(entry_of(stored))
    for sealing in ("seal", "sealed"):  # what seals rows, not what was paid
        payload.pop(sealing, None)
    assert number == "TT-000001"
    assert payload == {  # the journal kept the reference as typed, undecomposed, as the row
        "producer": "BAOMINH",
        "paid_on": "2026-11-30",
        "amount": 500_000,
        "method": "bank",
        "reference": "UNC số 12",
    }
