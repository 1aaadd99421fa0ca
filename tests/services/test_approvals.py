"""Attacks on approvals, as a cashier (or code acting for one) would try them: a forged
approval, a reused one, one given for another act or amount, an expired one, a made-up
user, and every act outside a plain sale tried without a manager. Each must be refused
and leave nothing behind."""

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from pos.catalog import ProductInput
from pos.errors import PermissionDenied
from pos.importing.catalog_files import import_products
from pos.importing.sales_file import import_sales
from pos.permissions import Approval
from pos.services import (
    approvals,
    backups,
    refunds,
    settings,
    shifts,
    statements,
    stock,
    users,
)
from pos.services.refunds import RefundItem
from tests.catalog_setup import save_product
from tests.conftest import demo_user
from tests.services.test_sales_service import T, cart_of, pay_cash

DAY = datetime(2026, 11, 24, 10, 30)


@pytest.fixture
def shop(demo_db, clock_at):
    clock_at(DAY)
    shifts.open_shift(demo_db, T, "Nguyễn Thị Lan", 0)
    pay_cash(demo_db, cart_of(demo_db, ("SAM-TRA-20", 3)), token="s1", when=DAY)
    return demo_db


def cashier(db):
    return demo_user(db, "thungan")


def count(db, table: str) -> int:
    return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def refund_of(db, qty: int, approval, token: str):
    [line] = refunds.sale_for_refund(db, "T01-000001").lines
    return refunds.post_refund(
        db,
        T,
        cashier(db),
        "T01-000001",
        [RefundItem(line.sale_line_id, qty)],
        "defective",
        "cash",
        token,
        approval=approval,
    )


def refund_approval(db, qty: int) -> Approval:
    [line] = refunds.sale_for_refund(db, "T01-000001").lines
    total = refunds.refund_total(db, "T01-000001", [RefundItem(line.sale_line_id, qty)])
    subject = refunds.refund_subject("T01-000001", total)
    return users.approve(db, "quanly", "quanly2026", "refund", cashier(db), subject, T)


def test_an_approval_built_in_code_is_refused(shop):
    real = refund_approval(shop, 1)
    forged = Approval("0" * 32, "refund", real.subject, demo_user(shop, "quanly"))
    with pytest.raises(PermissionDenied, match="không do quản lý nhập mật khẩu"):
        refund_of(shop, 1, forged, "r1")
    assert count(shop, "refunds") == 0


def test_an_approval_is_used_up_by_its_act(shop):
    approval = refund_approval(shop, 1)
    refund_of(shop, 1, approval, "r1")
    with pytest.raises(PermissionDenied, match="đã được dùng"):
        refund_of(shop, 1, approval, "r2")  # the same refund again, a second visit
    assert count(shop, "refunds") == 1


def test_an_approval_for_another_amount_or_act_is_refused(shop):
    one_unit = refund_approval(shop, 1)
    with pytest.raises(PermissionDenied, match="đã cho việc khác"):
        refund_of(shop, 2, one_unit, "r1")  # the manager approved 1 unit's amount, not 2
    lot = stock.stock_by_lot(shop, "HOABAN")[0]
    other_act = replace(one_unit, action="stock_adjustment")
    with pytest.raises(PermissionDenied, match="đã cho việc khác"):
        stock.adjust_stock(
            shop,
            "write_off",
            [stock.LotQty(lot.lot_id, 1)],
            "vỡ",
            actor=cashier(shop),
            approval=other_act,
        )
    assert count(shop, "refunds") == 0 and count(shop, "stock_adjustments") == 0
    refund_of(shop, 1, one_unit, "r2")  # still good for what it was given for


def test_an_approval_for_another_cashier_is_refused(shop):
    approval = refund_approval(shop, 1)
    other = users.create_user(shop, demo_user(shop, "admin"), "hoa", "Hoa", "cashier", "5678")
    [line] = refunds.sale_for_refund(shop, "T01-000001").lines
    with pytest.raises(PermissionDenied, match="đã cho việc khác"):
        refunds.post_refund(
            shop,
            T,
            other,
            "T01-000001",
            [RefundItem(line.sale_line_id, 1)],
            "defective",
            "cash",
            "r1",
            approval=approval,
        )


def test_an_approval_expires(shop, clock_at):
    approval = refund_approval(shop, 1)
    clock_at(DAY + timedelta(minutes=5, seconds=1))
    with pytest.raises(PermissionDenied, match="quá hạn"):
        refund_of(shop, 1, approval, "r1")
    settings.set_settings(shop, {"approval_minutes": "10"}, demo_user(shop, "quanly"))
    assert refund_of(shop, 1, approval, "r1").approved_by == "quanly"


def test_an_approval_from_a_manager_since_demoted_is_refused(shop):
    approval = refund_approval(shop, 1)
    shop.execute("UPDATE users SET role = 'cashier' WHERE username = 'quanly'")
    with pytest.raises(PermissionDenied, match="không còn là quản lý"):
        refund_of(shop, 1, approval, "r1")


def test_a_made_up_user_is_refused_even_as_admin(shop):
    invented = replace(cashier(shop), role="admin")  # the cashier's id, claiming admin
    with pytest.raises(PermissionDenied, match="không có quyền"):
        pay_cash_as(shop, invented)
    with pytest.raises(PermissionDenied, match="không có quyền"):
        statements.issue_statements(shop, invented, date(2026, 11, 1), date(2026, 11, 30), True)
    assert count(shop, "sales") == 1 and count(shop, "closed_periods") == 0


def pay_cash_as(db, actor):
    from pos.cart import price
    from pos.payments import cash_tender
    from pos.services import sales

    cart = cart_of(db, ("BANH-PIA", 1))
    total = price(cart).total_vnd
    return sales.post_sale(db, T, cart, [cash_tender(total, total)], "x", DAY, actor=actor)


def test_an_approval_row_cannot_be_reset_or_removed(shop):
    import sqlite3

    approval = refund_approval(shop, 1)
    refund_of(shop, 1, approval, "r1")
    for statement in ("UPDATE approvals SET used_at = NULL", "DELETE FROM approvals"):
        with pytest.raises(sqlite3.IntegrityError):
            shop.execute(statement)


def _products_file(tmp_path: Path) -> Path:
    path = tmp_path / "products.csv"
    path.write_text(
        "sku,name,producer_code,price_vnd,ocop_stars,vat_pct,track_expiry\n"
        "BANH-PIA,Bánh pía,BAOMINH,1,4,8,0\n",
        encoding="utf-8",
    )
    return path


def _sales_file(tmp_path: Path) -> Path:
    path = tmp_path / "fair.csv"
    path.write_text(
        "receipt,sold_at,code,qty,unit_price_vnd,payment\nHC1,2026-11-23 09:15,BANH-PIA,1,,cash\n",
        encoding="utf-8",
    )
    return path


def _a_lot(db):
    return stock.stock_by_lot(db, "BAOMINH")[0]


# Every act outside a plain sale that a cashier tries alone: (what, the call).
CASHIER_ATTEMPTS = {
    "return to producer": lambda db, who, tmp: stock.return_to_producer(
        db, "BAOMINH", [stock.LotQty(_a_lot(db).lot_id, 1)], "hết mùa", actor=who
    ),
    "write off": lambda db, who, tmp: stock.adjust_stock(
        db, "write_off", [stock.LotQty(_a_lot(db).lot_id, 1)], "vỡ", actor=who
    ),
    "goods receipt": lambda db, who, tmp: stock.receive_goods(
        db, "HOABAN", [stock.IntakeLine("SAM-RUOU-500", 5)], actor=who
    ),
    "change a price": lambda db, who, tmp: save_product(
        db,
        ProductInput("BANH-PIA", "Bánh pía", "BAOMINH", 1, "4", 800, False, commission_bp=0),
        actor=who,
    ),
    "import products": lambda db, who, tmp: import_products(db, _products_file(tmp), actor=who),
    "import fair sales": lambda db, who, tmp: import_sales(db, _sales_file(tmp), actor=who),
    "issue and close": lambda db, who, tmp: statements.issue_statements(
        db,
        who,
        date(2026, 10, 1),
        date(2026, 10, 31),
        True,  # over: the tests' day is in November
    ),
    "pay out": lambda db, who, tmp: statements.record_payout(
        db, who, "BAOMINH", 100_000, date(2026, 11, 30), "bank"
    ),
    "agreed adjustment": lambda db, who, tmp: statements.record_agreed_adjustment(
        db, who, "BAOMINH", 50_000, date(2026, 11, 24), "vận chuyển"
    ),
    "restore": lambda db, who, tmp: backups.authorise_restore(db, who, tmp / "backup.sqlite3"),
    "settings": lambda db, who, tmp: settings.set_settings(db, {"bank_account": "999999"}, who),
}
BOOKS = (
    "producer_returns",
    "stock_adjustments",
    "goods_receipts",
    "settlements",
    "closed_periods",
    "payouts",
    "agreed_adjustments",
)


def _books(db) -> tuple:
    products = db.execute("SELECT price_vnd FROM products WHERE sku = 'BANH-PIA'").fetchone()
    terms = count(db, "commission_terms")
    return tuple(count(db, t) for t in BOOKS) + (count(db, "sales"), products, terms)


@pytest.mark.parametrize("attempt", sorted(CASHIER_ATTEMPTS))
def test_a_cashier_alone_is_refused_and_nothing_is_written(shop, tmp_path, attempt):
    before = _books(shop)
    audit_before = count(shop, "audit_log")
    with pytest.raises(PermissionDenied, match="Cần quản lý duyệt"):
        CASHIER_ATTEMPTS[attempt](shop, cashier(shop), tmp_path)
    assert _books(shop) == before and count(shop, "audit_log") == audit_before


@pytest.mark.parametrize("attempt", sorted(CASHIER_ATTEMPTS))
def test_a_manager_acting_alone_is_audited(shop, tmp_path, attempt):
    (tmp_path / "backup.sqlite3").touch()
    before = count(shop, "audit_log")
    CASHIER_ATTEMPTS[attempt](shop, demo_user(shop, "quanly"), tmp_path)
    newest = shop.execute("SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    assert count(shop, "audit_log") > before and newest == ("quanly",)


def test_cashiers_receive_goods_only_where_the_showroom_allows_it(shop):
    manager = demo_user(shop, "quanly")
    settings.set_settings(shop, {"cashier_may_receive": "1"}, manager)
    posted = stock.receive_goods(
        shop, "HOABAN", [stock.IntakeLine("SAM-RUOU-500", 5)], actor=cashier(shop)
    )
    entry = shop.execute(
        "SELECT actor, approver FROM audit_log WHERE action = 'goods_receipt'"
    ).fetchone()
    assert posted.number.startswith("PNK-") and entry == ("thungan", None)
    with pytest.raises(PermissionDenied):  # returns never
        CASHIER_ATTEMPTS["return to producer"](shop, cashier(shop), None)
    assert approvals.valid_for(shop) == timedelta(minutes=5)
