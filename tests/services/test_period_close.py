import sqlite3
from datetime import date, datetime

import pytest

from pos.cart import Cart
from pos.errors import PermissionDenied
from pos.payments import cash_tender
from pos.services import catalog, sales, statements, stock, users
from pos.services.periods import PeriodClosed
from tests.conftest import demo_user
from tests.emv import emv_fields
from tests.printing.test_statements import sell_and_refund

NOV = (date(2026, 11, 1), date(2026, 11, 30))
DEC = (date(2026, 12, 1), date(2026, 12, 31))


def test_issue_and_close_locks_the_month(demo_db):
    sell_and_refund(demo_db)
    manager, cashier = users.get_user(demo_db, "quanly"), users.get_user(demo_db, "thungan")
    with pytest.raises(PermissionDenied):
        statements.issue_statements(demo_db, cashier, *NOV, close=True)
    issued = statements.issue_statements(demo_db, manager, *NOV, close=True)
    baominh = next(s for s in issued if s.producer_code == "BAOMINH")
    assert baominh.number.startswith("QT-") and baominh.owed_vnd == 830_812
    with pytest.raises(Exception, match="đã lập bảng kê"):
        statements.issue_statements(demo_db, manager, *NOV, close=False)

    cart = Cart()
    cart.add(sales.cart_line(catalog.find_product_by_code(demo_db, "BANH-PIA", NOV[1]), 1))
    with pytest.raises(PeriodClosed, match="đã khóa sổ"):
        sales.post_sale(
            demo_db,
            "T01",
            cart,
            [cash_tender(75_000, 75_000)],
            "late",
            datetime(2026, 11, 30, 18),
            actor=demo_user(demo_db, "thungan"),
        )
    with pytest.raises(PeriodClosed):
        stock.receive_goods(
            demo_db,
            "BAOMINH",
            [stock.IntakeLine("BANH-PIA", 1, "X", date(2026, 11, 20), date(2027, 1, 1))],
            date(2026, 11, 29),
            actor=demo_user(demo_db, "quanly"),
        )
    with pytest.raises(sqlite3.IntegrityError, match="period closed"):  # the database refuses too
        demo_db.execute(
            "INSERT INTO goods_receipts (number, producer_id, received_on, "
            "posted_at) VALUES ('X', 1, '2026-11-15', 'now')"
        )
    # a correction in December is fine
    sales.post_sale(
        demo_db,
        "T01",
        cart,
        [cash_tender(75_000, 75_000)],
        "dec",
        datetime(2026, 12, 1, 9),
        actor=demo_user(demo_db, "thungan"),
    )


def test_reprint_gives_the_issued_figures_and_payouts_carry_over(demo_db):
    sell_and_refund(demo_db)
    manager = users.get_user(demo_db, "quanly")
    [issued] = [
        s
        for s in statements.issue_statements(demo_db, manager, *NOV, close=True)
        if s.producer_code == "BAOMINH"
    ]
    before = statements.issued_figures(demo_db, issued.number)
    assert before == statements.statement_figures(demo_db, "BAOMINH", *NOV)
    statements.record_payout(
        demo_db, manager, "BAOMINH", 500_000, date(2026, 12, 5), "bank", "UNC 123"
    )
    cart = Cart()
    cart.add(sales.cart_line(catalog.find_product_by_code(demo_db, "BANH-PIA", DEC[0]), 2))
    sales.post_sale(
        demo_db,
        "T01",
        cart,
        [cash_tender(150_000, 150_000)],
        "dec",
        datetime(2026, 12, 10, 9),
        actor=demo_user(demo_db, "thungan"),
    )
    assert statements.issued_figures(demo_db, issued.number) == before  # unchanged by December
    [december] = [
        s
        for s in statements.issue_statements(
            demo_db,
            manager,
            *DEC,
            close=False,
            not_over_ok=True,  # December is not over
        )
        if s.producer_code == "BAOMINH"
    ]
    assert december.previous_balance_vnd == 830_812
    assert december.paid_in_period_vnd == 500_000
    assert december.owed_vnd == 150_000 - 37_500
    assert december.balance_vnd == 830_812 + 112_500 - 500_000
    document = statements.statement_document(demo_db, "BAOMINH", *DEC, december.number)
    assert (document.previous_balance_vnd, document.paid_in_period_vnd) == (830_812, 500_000)
    assert document.balance_vnd == december.balance_vnd
    # The VietQR on the statement asks for the whole balance, earlier unpaid included.
    assert emv_fields(document.vietqr_payload)["54"] == str(830_812 + 112_500 - 500_000)
    with pytest.raises(PermissionDenied):
        statements.record_payout(
            demo_db, users.get_user(demo_db, "thungan"), "BAOMINH", 1, date(2026, 12, 6), "cash"
        )


def test_agreed_adjustments_change_what_is_owed(demo_db):
    sell_and_refund(demo_db)
    manager = users.get_user(demo_db, "quanly")
    statements.record_agreed_adjustment(
        demo_db, manager, "BAOMINH", -50_000, date(2026, 11, 28), "phí vận chuyển showroom trả hộ"
    )
    figures = statements.statement_figures(demo_db, "BAOMINH", *NOV)
    assert figures.owed_vnd == 830_812 - 50_000 and figures.adjustments_vnd == -50_000
    [issued] = [
        s
        for s in statements.issue_statements(demo_db, manager, *NOV, close=True)
        if s.producer_code == "BAOMINH"
    ]
    assert statements.issued_figures(demo_db, issued.number) == figures  # adjustments kept too
    document = statements.statement_document(demo_db, "BAOMINH", *NOV, issued.number)
    assert document.figures.adjustments == (
        ("2026-11-28", "phí vận chuyển showroom trả hộ", -50_000),
    )
    with pytest.raises(PermissionDenied):
        statements.record_agreed_adjustment(
            demo_db, users.get_user(demo_db, "thungan"), "BAOMINH", 1, date(2026, 11, 28), "x"
        )


def test_a_month_is_closed_only_once_it_is_over(demo_db, monkeypatch):
    """On 1 December a manager typed 01/12-31/12 and closed December at once: the till then
    refused every sale for the rest of the month. The service refuses it, whatever the screen."""
    from pos.errors import ValidationError
    from pos.services import shifts

    manager = demo_user(demo_db, "quanly")
    monkeypatch.setattr("pos.clock.now", lambda: datetime(2026, 12, 1, 9, 0))
    with pytest.raises(ValidationError, match="chưa kết thúc: chỉ khóa sổ được từ ngày 31/12/2026"):
        statements.issue_statements(demo_db, manager, *DEC, close=True)
    with pytest.raises(ValidationError, match="Chỉ lập khi đã xác nhận"):
        statements.issue_statements(demo_db, manager, *DEC, close=False)
    with pytest.raises(ValidationError, match="chưa kết thúc"):  # knowing does not close it
        statements.issue_statements(demo_db, manager, *DEC, close=True, not_over_ok=True)
    assert demo_db.execute("SELECT count(*) FROM closed_periods").fetchone()[0] == 0
    assert demo_db.execute("SELECT count(*) FROM settlements").fetchone()[0] == 0

    # the last day itself: only once no shift is open
    monkeypatch.setattr("pos.clock.now", lambda: datetime(2026, 12, 31, 20, 0))
    shift = shifts.open_shift(demo_db, "T01", "Nguyễn Thị Lan", 0)
    with pytest.raises(ValidationError, match="quầy T01 còn ca đang mở"):
        statements.issue_statements(demo_db, manager, *DEC, close=True)
    demo_db.execute(
        "UPDATE shifts SET closed_at = '2026-12-31T19:00:00', counted_cash_vnd = 0 WHERE id = ?",
        [shift.id],
    )
    statements.issue_statements(demo_db, manager, *DEC, close=True)
    assert demo_db.execute("SELECT count(*) FROM closed_periods").fetchone()[0] == 1


def test_the_period_overview_lists_producers_with_anything_by_code_named(demo_db):
    """What the settlement screen lists: every producer with stock or sales in the period,
    by code, with its name, figures and the statement number once issued."""
    sell_and_refund(demo_db)
    rows = statements.period_overview(demo_db, *NOV)
    assert [row.code for row in rows] == sorted(row.code for row in rows)
    baominh = next(row for row in rows if row.code == "BAOMINH")
    assert baominh.name == "Công ty CP Bánh kẹo Bảo Minh" and baominh.number == ""
    assert baominh.figures == statements.statement_figures(demo_db, "BAOMINH", *NOV)
    assert all(row.figures.stock or row.figures.sales for row in rows)
    issued = statements.issue_statements(demo_db, users.get_user(demo_db, "quanly"), *NOV, True)
    numbers = {row.code: row.number for row in statements.period_overview(demo_db, *NOV)}
    assert numbers["BAOMINH"] == next(s.number for s in issued if s.producer_code == "BAOMINH")
    assert statements.period_overview(demo_db, date(2025, 1, 1), date(2025, 1, 31)) == []


def test_month_bounds_for_every_month_and_february_in_both_kinds_of_year():
    import calendar

    from pos.errors import PosError

    for year in (2026, 2028):  # 2028 is a leap year
        for month in range(1, 13):
            last = calendar.monthrange(year, month)[1]
            assert statements.month_bounds(f"{year}-{month:02d}") == (
                date(year, month, 1),
                date(year, month, last),
            )
    with pytest.raises(PosError) as refused:
        statements.month_bounds("11/2026")
    assert str(refused.value) == "tháng '11/2026' phải dạng YYYY-MM"
