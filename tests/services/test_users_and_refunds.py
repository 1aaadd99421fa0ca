import json
import sqlite3
from datetime import datetime

import pytest

from pos.cart import Cart, Discount, price
from pos.documents.einvoice import NOBODY
from pos.errors import AuthError, PermissionDenied, ValidationError
from pos.payments import Tender, cash_tender
from pos.services import audit, catalog, refunds, sales, shift_close, shifts, stock, users
from pos.services.refunds import RefundItem
from pos.services.settings import set_settings
from pos.services.stock import LotQty
from pos.storage.ledger import first_journal_break
from tests.conftest import demo_user

T = "T01"
DAY = datetime(2026, 11, 24, 9, 0)


@pytest.fixture
def people(demo_db, monkeypatch):
    monkeypatch.setattr("pos.clock.now", lambda: DAY)
    admin, manager, cashier = (
        users.get_user(demo_db, name) for name in ("admin", "quanly", "thungan")
    )
    shifts.open_shift(demo_db, T, cashier.display_name, 500_000)
    return {"admin": admin, "manager": manager, "cashier": cashier}


def sell(db, items, tenders_for, token, actor=None, approvals=(), discount=None, buyer=NOBODY):
    actor = actor or users.get_user(db, "thungan")
    cart = Cart()
    for code, qty in items:
        cart.add(sales.cart_line(catalog.find_product_by_code(db, code, DAY.date()), qty))
    if discount:
        cart.set_discount(Discount.parse(discount))
    total = price(cart).total_vnd
    return sales.post_sale(
        db, T, cart, tenders_for(total), token, DAY, actor=actor, approvals=approvals, buyer=buyer
    )


def cash(total):
    return [cash_tender(total, total)]


def test_secrets_are_hashed_and_wrong_pins_lock_the_account(demo_db, people):
    stored = demo_db.execute("SELECT secret_hash FROM users WHERE username = 'thungan'").fetchone()[
        0
    ]
    # Only scrypt's parameters, a random salt and the digest: the PIN is in no field (a
    # random hex salt may contain the digits 1234 by chance, so not "in" the whole text).
    kind, _n, _r, _p, salt, digest = stored.split("$")
    assert kind == "scrypt" and len(salt) == 32 and len(digest) == 128
    assert "1234" not in stored.split("$") and users.secret_matches("1234", stored)
    assert users.sign_in(demo_db, "THUNGAN", "1234").role == "cashier"
    for _ in range(4):
        with pytest.raises(AuthError, match="sai"):
            users.sign_in(demo_db, "thungan", "0000")
    with pytest.raises(AuthError, match="khóa"):
        users.sign_in(demo_db, "thungan", "0000")
    with pytest.raises(AuthError, match="tạm khóa"):
        users.sign_in(demo_db, "thungan", "1234")  # even the right PIN, until the lock ends
    failed = audit.audit_entries(demo_db, action="login_failed")
    assert len(failed) == 5 and first_journal_break(demo_db) is None


def test_rules_for_creating_users(demo_db, people):
    with pytest.raises(PermissionDenied):
        users.create_user(demo_db, people["manager"], "x1", "X", "cashier", "1111")
    with pytest.raises(ValidationError, match="PIN"):
        users.create_user(demo_db, people["admin"], "x2", "X", "cashier", "12a4")
    with pytest.raises(ValidationError, match="8 ký tự"):
        users.create_user(demo_db, people["admin"], "x3", "X", "manager", "short")


def test_cashier_needs_approval_for_price_override_and_big_discounts(demo_db, people):
    cashier, manager = people["cashier"], people["manager"]
    cart = Cart()
    cart.add(
        sales.cart_line(
            catalog.find_product_by_code(demo_db, "BANH-PIA", DAY.date()), 1, unit_price_vnd=60_000
        )
    )
    with pytest.raises(PermissionDenied, match="sửa giá"):
        sales.post_sale(demo_db, T, cart, cash(60_000), "p1", DAY, actor=cashier)
    with pytest.raises(PermissionDenied, match="giảm giá vượt"):
        sell(demo_db, [("MUT-SEN", 1)], cash, "p2", actor=cashier, discount="20%")
    assert sell(demo_db, [("MUT-SEN", 1)], cash, "p3", actor=cashier, discount="10%")  # limit
    [(action, subject)] = sales.approvals_needed(demo_db, cart)
    assert (action, subject) == ("price_override", "BANH-PIA: giá 60.000 ₫")
    approval = users.approve(demo_db, "quanly", "quanly2026", action, cashier, subject, T)
    posted = sales.post_sale(
        demo_db, T, cart, cash(60_000), "p1", DAY, actor=cashier, approvals=(approval,)
    )
    row = demo_db.execute("SELECT approved_by FROM sales WHERE number = ?", [posted.number])
    assert row.fetchone()[0] == "quanly"
    [override] = audit.audit_entries(demo_db, action="price_override")
    assert (override.details, override.approver) == (
        {"sale": posted.number, "subject": subject},
        "quanly",
    )
    [entry] = audit.audit_entries(demo_db, action="approval")
    assert (entry.actor, entry.approver, entry.details) == (
        "thungan",
        "quanly",
        {"for": "price_override", "subject": subject},
    )
    assert sales.post_sale(
        demo_db, T, Cart(cart.lines), cash(60_000), "p4", DAY, actor=manager
    )  # a manager may alone


def test_approval_must_come_from_a_manager_with_the_right_secret(demo_db, people):
    cashier = people["cashier"]
    with pytest.raises(AuthError):
        users.approve(demo_db, "quanly", "wrong-password", "refund", cashier, "T01-000001")
    users.create_user(demo_db, people["admin"], "hoa", "Hoa", "cashier", "5678")
    with pytest.raises(PermissionDenied, match="quản lý"):
        users.approve(demo_db, "hoa", "5678", "refund", cashier, "T01-000001")


def test_cashier_cannot_adjust_stock_or_settings_alone(demo_db, people):
    cashier = people["cashier"]
    lot = stock.stock_by_lot(demo_db, "BAOMINH")[0].lot_id
    with pytest.raises(PermissionDenied):
        stock.adjust_stock(demo_db, "write_off", [LotQty(lot, 1)], "vỡ", actor=cashier)
    with pytest.raises(PermissionDenied):
        set_settings(demo_db, {"showroom_name": "X"}, actor=cashier)
    subject = stock.adjustment_subject("write_off", [LotQty(lot, 1)])
    approval = users.approve(demo_db, "quanly", "quanly2026", "stock_adjustment", cashier, subject)
    posted = stock.adjust_stock(
        demo_db, "write_off", [LotQty(lot, 1)], "vỡ", actor=cashier, approval=approval
    )
    [entry] = audit.audit_entries(demo_db, action="stock_adjustment")
    assert entry.details == {"document": posted.number} and entry.approver == "quanly"


def test_refunds_need_approval_never_exceed_and_add_up_across_visits(demo_db, people):
    cashier, manager = people["cashier"], people["manager"]
    sale = sell(demo_db, [("SAM-TRA-20", 3)], cash, "s1", discount="10.000")  # net 1.040.000
    [line] = refunds.sale_for_refund(demo_db, sale.number).lines
    with pytest.raises(PermissionDenied):
        refunds.post_refund(
            demo_db,
            T,
            cashier,
            sale.number,
            [RefundItem(line.sale_line_id, 1)],
            "defective",
            "cash",
            "r0",
        )
    total = refunds.refund_total(demo_db, sale.number, [RefundItem(line.sale_line_id, 1)])
    subject = refunds.refund_subject(sale.number, total)
    assert subject == f"{sale.number}: hoàn 346.667 ₫"
    approval = users.approve(demo_db, "quanly", "quanly2026", "refund", cashier, subject)
    first = refunds.post_refund(
        demo_db,
        T,
        cashier,
        sale.number,
        [RefundItem(line.sale_line_id, 1)],
        "defective",
        "cash",
        "r1",
        approval=approval,
    )
    assert first.approved_by == "quanly" and first.total_vnd == 346_667
    with pytest.raises(ValidationError, match="chỉ còn trả được 2"):
        refunds.post_refund(
            demo_db,
            T,
            manager,
            sale.number,
            [RefundItem(line.sale_line_id, 3)],
            "defective",
            "cash",
            "r2",
        )
    second = refunds.post_refund(
        demo_db,
        T,
        manager,
        sale.number,
        [RefundItem(line.sale_line_id, 2)],
        "changed_mind",
        "cash",
        "r3",
    )
    assert first.total_vnd + second.total_vnd == line.net_vnd == 1_040_000
    sums = demo_db.execute("SELECT sum(vat_vnd), sum(commission_vnd) FROM refund_lines").fetchone()
    assert sums == demo_db.execute("SELECT vat_vnd, commission_vnd FROM sale_lines").fetchone()
    with pytest.raises(ValidationError, match="chỉ còn trả được 0"):
        refunds.post_refund(
            demo_db,
            T,
            manager,
            sale.number,
            [RefundItem(line.sale_line_id, 1)],
            "defective",
            "cash",
            "r4",
        )
    assert first_journal_break(demo_db) is None


def test_refunded_goods_go_back_to_their_own_lot_or_are_written_off(demo_db, people):
    manager = people["manager"]
    stock.receive_goods(
        demo_db,
        "BAOMINH",
        [
            stock.IntakeLine(
                "BANH-COM", 2, "EARLY", datetime(2026, 11, 20).date(), datetime(2026, 12, 1).date()
            )
        ],
        received_on=DAY.date(),
        actor=demo_user(demo_db, "quanly"),
    )
    sale = sell(demo_db, [("BANH-COM", 3)], cash, "s1")  # 2 from EARLY, 1 from L2611-12
    [line] = refunds.sale_for_refund(demo_db, sale.number).lines

    def on_hand(lot_code):
        return next(
            s.on_hand
            for s in stock.stock_by_lot(demo_db, "BAOMINH", include_empty=True)
            if s.lot_code == lot_code
        )

    assert (on_hand("EARLY"), on_hand("L2611-12")) == (0, 23)
    refunds.post_refund(
        demo_db,
        T,
        manager,
        sale.number,
        [RefundItem(line.sale_line_id, 1)],
        "changed_mind",
        "cash",
        "r1",
    )
    assert (on_hand("EARLY"), on_hand("L2611-12")) == (0, 24)  # the later lot first
    refunds.post_refund(
        demo_db,
        T,
        manager,
        sale.number,
        [RefundItem(line.sale_line_id, 2, write_off=True)],
        "defective",
        "cash",
        "r2",
    )
    assert (on_hand("EARLY"), on_hand("L2611-12")) == (0, 24)  # back, then written off
    moves = demo_db.execute(
        "SELECT kind, qty FROM stock_movements WHERE document_type = 'refund' ORDER BY id"
    ).fetchall()
    assert moves == [("refund", 1), ("refund", 2), ("write_off", -2)]


def test_refund_method_and_reason_rules(demo_db, people):
    manager = people["manager"]
    sale = sell(demo_db, [("BANH-PIA", 1)], cash, "s1")
    [line] = refunds.sale_for_refund(demo_db, sale.number).lines
    item = [RefundItem(line.sale_line_id, 1)]
    with pytest.raises(ValidationError, match="hình thức"):
        refunds.post_refund(demo_db, T, manager, sale.number, item, "defective", "card", "r")
    with pytest.raises(ValidationError, match="lý do"):
        refunds.post_refund(demo_db, T, manager, sale.number, item, "", "cash", "r")
    with pytest.raises(ValidationError, match="ghi rõ"):
        refunds.post_refund(demo_db, T, manager, sale.number, item, "other", "cash", "r")
    refunds.post_refund(
        demo_db, T, manager, sale.number, item, "other", "cash", "r", reason_note="khách tặng lại"
    )
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        demo_db.execute("UPDATE refunds SET total_vnd = 1")


def test_shift_reconciles_to_the_dong_and_z_equals_independent_sums(demo_db, people):
    cashier, manager = people["cashier"], people["manager"]
    sell(
        demo_db, [("8938505970103", 2), ("BANH-PIA", 1)], lambda t: [cash_tender(t, 800_000)], "a"
    )  # 775.000 cash, change 25.000
    sell(demo_db, [("SAM-CU-100", 1)], lambda t: [Tender("bank", t, reference="VietQR")], "b")
    sell(
        demo_db,
        [("MUT-SEN", 2), ("KHAN-LUA", 1)],
        lambda t: [Tender("card", 300_000, reference="AP1"), cash_tender(t - 300_000, 400_000)],
        "c",
    )  # 690.000: card 300.000 + cash 390.000
    sale_a = demo_db.execute("SELECT number FROM sales ORDER BY id").fetchone()[0]
    line = refunds.sale_for_refund(demo_db, sale_a).lines[1]
    refunds.post_refund(
        demo_db, T, manager, sale_a, [RefundItem(line.sale_line_id, 1)], "defective", "cash", "r"
    )  # 75.000 back in cash
    shift_close.record_cash_movement(demo_db, T, cashier, "cash_out", 50_000, "trả tiền ship")
    shift_close.record_cash_movement(demo_db, T, cashier, "cash_in", 100_000, "đổi tiền lẻ")

    x = shift_close.x_report(demo_db, T, cashier)
    assert x.figures.expected("cash") == 500_000 + 775_000 + 390_000 - 75_000 - 50_000 + 100_000
    counts = {500_000: 2, 200_000: 2, 100_000: 2, 20_000: 2}  # 1.640.000
    z = shift_close.close_shift(demo_db, T, cashier, counts, {"bank": 2_500_000, "card": 300_000})
    assert z.number == "T01-Z-000001"
    assert z.counted["cash"] == 1_640_000 and z.difference("cash") == 0
    assert z.difference("bank") == 0 and z.difference("card") == 0

    # The same figures, summed independently from the tables.
    def one(sql):
        return demo_db.execute(sql).fetchone()[0]

    assert z.figures.net_sales_vnd == one("SELECT sum(total_vnd) FROM sales")
    assert z.figures.sales_by_method["cash"] == one(
        "SELECT sum(amount_vnd) FROM payments WHERE method = 'cash'"
    )
    assert z.figures.refunds_vnd == one("SELECT sum(total_vnd) FROM refunds")
    assert z.figures.cash_out_vnd == 50_000 and z.figures.cash_in_vnd == 100_000
    assert sum(p.sales_vnd for p in z.figures.by_producer) == one(
        "SELECT sum(net_vnd) FROM sale_lines"
    )
    assert sum(p.refunds_vnd for p in z.figures.by_producer) == one(
        "SELECT sum(net_vnd) FROM refund_lines"
    )
    assert z.figures.approvals == 0 and z.figures.drawer_opens == 0
    assert shifts.current_shift(demo_db, T) is None  # the Z closed it for good
    with pytest.raises(ValidationError, match="chưa mở ca"):
        shift_close.close_shift(demo_db, T, cashier, counts, {})
    assert first_journal_break(demo_db) is None


def test_no_sale_drawer_open_needs_approval_and_is_counted(demo_db, people):
    cashier = people["cashier"]
    with pytest.raises(PermissionDenied):
        shift_close.open_drawer_without_sale(demo_db, T, cashier, "đổi tiền")
    subject = shift_close.drawer_subject(T)
    approval = users.approve(demo_db, "quanly", "quanly2026", "no_sale_drawer", cashier, subject, T)
    shift_close.open_drawer_without_sale(demo_db, T, cashier, "đổi tiền", approval)
    figures = shift_close.x_report(demo_db, T, cashier).figures
    assert (figures.approvals, figures.drawer_opens) == (1, 1)


@pytest.mark.parametrize("where", ["line", "cart"])
def test_a_discount_of_exactly_the_limit_needs_no_manager_and_one_dong_more_does(demo_db, where):
    """The limit (10 %) is the cashier's to give; one đồng beyond it is the manager's."""
    product = catalog.find_product_by_code(demo_db, "MUT-SEN", DAY.date())  # 120.000 ₫
    for off, needs_manager in (("12.000", False), ("12.001", True)):
        cart = Cart()
        cart.add(sales.cart_line(product, 1))
        if where == "line":
            cart.set_line_discount(0, Discount.parse(off))
        else:
            cart.set_discount(Discount.parse(off))
        needed = sales.approvals_needed(demo_db, cart)
        assert bool(needed) is needs_manager, (where, off, needed)
        if needs_manager:
            assert needed[0][0] == "discount_over_limit"


def test_the_refund_slip_says_what_came_back_why_and_who_approved(demo_db, people):
    from pos.printing.blocks import as_text
    from pos.printing.shift_report import layout_refund_slip
    from pos.services.receipts import refund_slip

    manager = people["manager"]
    sale = sell(demo_db, [("SAM-TRA-20", 2)], cash, "slip")
    [line] = refunds.sale_for_refund(demo_db, sale.number).lines
    posted = refunds.post_refund(
        demo_db,
        T,
        manager,
        sale.number,
        [RefundItem(line.sale_line_id, 1)],
        "defective",
        "cash",
        "slip-r",
    )
    slip = refund_slip(demo_db, posted.number)
    assert (slip.sale_number, slip.reason_code, slip.total_vnd) == (
        sale.number,
        "defective",
        posted.total_vnd,
    )
    text = as_text(layout_refund_slip(slip))
    assert "PHIẾU TRẢ HÀNG" in text and sale.number in text and "Hàng lỗi / hư hỏng" in text
    assert line.name in text and "Tiền mặt" in text


def test_a_z_with_cash_off_beyond_the_limit_needs_a_manager(demo_db, people):
    """A cashier closed a Z 100.000 ₫ short with nobody's approval. Beyond the showroom's
    limit (50.000 ₫ by default) the service refuses it without a manager's yes for that
    difference; within it, the cashier closes alone."""
    from pos.errors import PermissionDenied

    cashier = people["cashier"]  # the shift is open, 500.000 ₫ in the drawer
    short = {200_000: 2}  # 400.000 counted against 500.000 expected
    subject = shift_close.z_difference_subject(demo_db, T, short)
    assert subject == "đóng ca quầy T01: tiền mặt lệch -100.000 ₫"
    with pytest.raises(PermissionDenied, match="đóng ca lệch tiền mặt vượt ngưỡng"):
        shift_close.close_shift(demo_db, T, cashier, short, {})
    other = users.approve(demo_db, "quanly", "quanly2026", "z_difference", cashier, "ca khác")
    with pytest.raises(PermissionDenied, match="phê duyệt đã cho việc khác"):
        shift_close.close_shift(demo_db, T, cashier, short, {}, other)
    assert shifts.current_shift(demo_db, T) is not None  # nothing closed by the refusals
    yes = users.approve(demo_db, "quanly", "quanly2026", "z_difference", cashier, subject)
    z = shift_close.close_shift(demo_db, T, cashier, short, {}, yes)
    assert z.difference("cash") == -100_000
    assert demo_db.execute(
        "SELECT actor, approver FROM audit_log WHERE action = 'z_report'"
    ).fetchone() == ("thungan", "quanly")

    shifts.open_shift(demo_db, T, "Lan", 500_000)  # within the limit: alone
    assert shift_close.z_difference_subject(demo_db, T, {200_000: 2, 50_000: 2}) == ""
    shift_close.close_shift(demo_db, T, cashier, {200_000: 2, 50_000: 1, 20_000: 2}, {})


def test_cash_in_and_out_are_checked_recorded_and_audited_as_they_were(demo_db, people):
    """Found unpinned by make mutants: the refusals' words and the audit entry's content."""
    cashier = people["cashier"]
    for kind, amount, reason, message in (
        ("gift", 10_000, "x", "chỉ có thu tiền vào hoặc chi tiền ra"),
        ("cash_out", 0, "x", "số tiền phải lớn hơn 0"),
        ("cash_out", 10_000, "  ", "cần ghi lý do thu/chi tiền mặt"),
    ):
        with pytest.raises(ValidationError) as refused:
            shift_close.record_cash_movement(demo_db, T, cashier, kind, amount, reason)
        assert str(refused.value) == message
    shift_close.record_cash_movement(demo_db, T, cashier, "cash_out", 1, "Trả tiền ship")
    assert demo_db.execute(
        "SELECT kind, amount_vnd, reason, actor FROM cash_movements"
    ).fetchall() == [("cash_out", 1, "Trả tiền ship", "thungan")]
    row = demo_db.execute(
        "SELECT action, actor, terminal_code, details FROM audit_log ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert row[:3] == ("cash_out", "thungan", T)
    assert json.loads(row[3]) == {"amount": 1, "reason": "Trả tiền ship"}


def test_an_agreed_adjustment_needs_an_amount_a_reason_and_a_manager_for_that_amount(
    demo_db, people
):
    from pos.errors import PermissionDenied
    from pos.services import statements

    cashier, manager = people["cashier"], people["manager"]
    for amount, reason in ((0, "vận chuyển"), (50_000, " "), (0, "")):
        with pytest.raises(ValidationError) as refused:
            statements.record_agreed_adjustment(
                demo_db, manager, "BAOMINH", amount, DAY.date(), reason
            )
        assert str(refused.value) == "cần số tiền khác 0 và lý do đã thỏa thuận"
    subject = "điều chỉnh BAOMINH -50.000 ₫"
    assert statements.money_subject("điều chỉnh", "BAOMINH", -50_000) == subject
    with pytest.raises(PermissionDenied):
        statements.record_agreed_adjustment(demo_db, cashier, "BAOMINH", -50_000, DAY.date(), "vỡ")
    other = users.approve(
        demo_db, "quanly", "quanly2026", "close_period", cashier, "điều chỉnh BAOMINH -5.000 ₫"
    )
    with pytest.raises(PermissionDenied, match="phê duyệt đã cho việc khác"):
        statements.record_agreed_adjustment(
            demo_db, cashier, "BAOMINH", -50_000, DAY.date(), "vỡ", other
        )
    yes = users.approve(demo_db, "quanly", "quanly2026", "close_period", cashier, subject)
    statements.record_agreed_adjustment(demo_db, cashier, "BAOMINH", -50_000, DAY.date(), "vỡ", yes)
    assert demo_db.execute(
        "SELECT amount_vnd, reason, recorded_by FROM agreed_adjustments"
    ).fetchall() == [(-50_000, "vỡ", "thungan")]
