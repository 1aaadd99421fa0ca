"""Consignment rules held in Python and in SQL agree, and the screens that state the same
figure state the same number."""

import sqlite3
from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

from pos import consignment
from pos.cart import Cart, price
from pos.payments import cash_tender
from pos.services import catalog, reports, sales, shifts, stock
from tests.conftest import demo_user
from tests.ledger_sums import on_hand_by_sku


@given(price=st.integers(0, 10**9), on_hand=st.integers(-(10**6), 10**6))
def test_retail_value_in_sql_agrees_with_python(price, on_hand):
    conn = sqlite3.connect(":memory:")
    sql = consignment.retail_value_sql(":price", ":on_hand")
    (value,) = conn.execute(f"SELECT {sql}", {"price": price, "on_hand": on_hand}).fetchone()
    conn.close()
    assert value == consignment.retail_value(price, on_hand)


def test_the_stock_page_and_the_stock_value_report_agree_when_a_product_is_short(demo_db):
    """Selling beyond recorded stock leaves a product below zero: it is worth nothing on the
    stock page as in the report, not less than nothing."""
    shifts.open_shift(demo_db, "T01", "Nguyễn Thị Lan", 0)
    product = catalog.find_product_by_code(demo_db, "BO-KHO-250")
    on_hand = on_hand_by_sku(demo_db)["BO-KHO-250"]
    cart = Cart()
    cart.add(sales.cart_line(product, on_hand + 2))
    total = price(cart).total_vnd
    sales.post_sale(
        demo_db,
        "T01",
        cart,
        [cash_tender(total, total)],
        "short",
        datetime.now(),
        actor=demo_user(demo_db, "thungan"),
    )
    assert on_hand_by_sku(demo_db)["BO-KHO-250"] == -2
    page = {row.producer_code: row.value_vnd for row in stock.stock_by_producer(demo_db)}
    report = {row.code: row.retail_vnd for row in reports.stock_value(demo_db).rows}
    assert {code: value for code, value in page.items() if value} == report
