from dataclasses import replace
from datetime import date, datetime

import pytest

from pos.cart import Cart, Discount
from pos.errors import NotFound, StockError, ValidationError
from pos.payments import Tender, cash_tender
from pos.services import carts, catalog, sale_writing, sales, shifts, stock
from pos.services.stock import IntakeLine
from pos.storage.ledger import first_journal_break
from tests.catalog_setup import save_producer, save_product
from tests.conftest import demo_user
from tests.ledger_sums import on_hand_by_sku

T = "T01"
NOW = datetime(2026, 11, 24, 10, 30)


@pytest.fixture
def shop(demo_db):
    shifts.open_shift(demo_db, T, "Lan", 500_000)
    return demo_db


def cart_of(db, *items) -> Cart:
    cart = Cart()
    for code, qty in items:
        product = catalog.find_product_by_code(db, code, NOW.date())
        cart.add(sales.cart_line(product, qty))
    return cart


def pay_cash(db, cart, token="t1", handed=None, when=NOW):
    from pos.cart import price

    total = price(cart).total_vnd
    return sales.post_sale(
        db,
        T,
        cart,
        [cash_tender(total, handed or total)],
        token,
        when,
        actor=demo_user(db, "thungan"),
    )


def test_sale_writes_lines_payments_movements_and_journal(shop):
    cart = cart_of(shop, ("8938505970103", 2), ("SUA-TUOI-1L", 1))
    posted = pay_cash(shop, cart, handed=800_000)
    assert posted.number == "T01-000001" and posted.total_vnd == 742_000
    assert posted.change_vnd == 58_000
    lines = shop.execute(
        "SELECT sku, qty, unit_price_vnd, net_vnd, vat_bp, commission_bp, commission_vnd "
        "FROM sale_lines ORDER BY line_no"
    ).fetchall()
    assert lines == [
        ("SAM-TRA-20", 2, 350_000, 700_000, 800, 2000, 140_000),
        ("SUA-TUOI-1L", 1, 42_000, 42_000, 800, 1500, 6_300),
    ]
    moves = shop.execute(
        "SELECT p.sku, l.lot_code, m.qty FROM stock_movements m JOIN products p "
        "ON p.id = m.product_id JOIN lots l ON l.id = m.lot_id WHERE m.kind = 'sale'"
    ).fetchall()
    assert sorted(moves) == [("SAM-TRA-20", "L2612-01", -2), ("SUA-TUOI-1L", "L2613-05", -1)]
    assert shop.execute(
        "SELECT method, amount_vnd, tendered_vnd, change_vnd FROM payments"
    ).fetchall() == [("cash", 742_000, 800_000, 58_000)]
    assert first_journal_break(shop) is None
    assert (
        shop.execute("SELECT document_number FROM journal ORDER BY seq DESC").fetchone()[0]
        == "T01-000001"
    )


def test_numbers_are_gapless_per_terminal(shop):
    assert pay_cash(shop, cart_of(shop, ("BANH-PIA", 1)), "a").number == "T01-000001"
    with pytest.raises(ValidationError):
        sales.post_sale(
            shop,
            T,
            cart_of(shop, ("BANH-PIA", 1)),
            [Tender("cash", 1)],
            "b",
            NOW,
            actor=demo_user(shop, "thungan"),
        )
    assert pay_cash(shop, cart_of(shop, ("BANH-PIA", 1)), "c").number == "T01-000002"
    shifts.open_shift(shop, "T02", "Minh", 0)
    other = sales.post_sale(
        shop,
        "T02",
        cart_of(shop, ("BANH-PIA", 1)),
        [Tender("cash", 75_000)],
        "d",
        NOW,
        actor=demo_user(shop, "thungan"),
    )
    assert other.number == "T02-000001"


def test_the_same_payment_twice_is_one_sale(shop):
    cart = cart_of(shop, ("BANH-PIA", 1))
    first = pay_cash(shop, cart, "same-token")
    again = pay_cash(shop, cart, "same-token")
    assert again.replayed and again.number == first.number
    assert shop.execute("SELECT count(*) FROM sales").fetchone()[0] == 1


def test_no_sale_without_an_open_shift(demo_db):
    with pytest.raises(ValidationError, match="Chưa mở ca"):
        pay_cash(demo_db, cart_of(demo_db, ("BANH-PIA", 1)))
    shifts.open_shift(demo_db, T, "Lan", 0)
    with pytest.raises(ValidationError, match="đang có ca mở"):
        shifts.open_shift(demo_db, T, "Lan", 0)


def test_underpaid_sale_is_refused_and_nothing_written(shop):
    cart = cart_of(shop, ("BANH-PIA", 2))
    with pytest.raises(ValidationError, match="chưa thanh toán đủ"):
        sales.post_sale(
            shop, T, cart, [Tender("bank", 100_000)], "x", NOW, actor=demo_user(shop, "thungan")
        )
    assert shop.execute("SELECT count(*) FROM sales").fetchone()[0] == 0
    assert shop.execute("SELECT count(*) FROM stock_movements WHERE kind='sale'").fetchone()[0] == 0


def test_split_tender(shop):
    cart = cart_of(shop, ("SAM-CU-100", 1))  # 2.500.000
    posted = sales.post_sale(
        shop,
        T,
        cart,
        [
            Tender("bank", 1_000_000, reference="VQR"),
            Tender("card", 1_000_000, reference="AP123"),
            cash_tender(500_000, 500_000),
        ],
        "split",
        NOW,
        actor=demo_user(shop, "thungan"),
    )
    assert posted.change_vnd == 0
    assert shop.execute("SELECT method, amount_vnd FROM payments ORDER BY id").fetchall() == [
        ("bank", 1_000_000),
        ("card", 1_000_000),
        ("cash", 500_000),
    ]


def test_fefo_across_lots_and_discount_snapshot(shop):
    stock.receive_goods(
        shop,
        "BAOMINH",
        [IntakeLine("BANH-COM", 2, "EARLY", date(2026, 11, 20), date(2026, 12, 1))],
        received_on=date(2026, 11, 22),
        actor=demo_user(shop, "quanly"),
    )
    cart = cart_of(shop, ("BANH-COM", 3))
    cart.set_discount(Discount.parse("10%"))
    pay_cash(shop, cart)
    lots = shop.execute(
        "SELECT l.lot_code, sl.qty FROM sale_line_lots sl JOIN lots l ON l.id = sl.lot_id "
        "ORDER BY l.expiry_date"
    ).fetchall()
    assert lots == [("EARLY", 2), ("L2611-12", 1)]
    net, discount = shop.execute("SELECT net_vnd, cart_discount_vnd FROM sale_lines").fetchone()
    assert (net, discount) == (162_000, 18_000)


def test_expired_lot_is_refused_with_the_reason(shop):
    # Cà rốt's only lot expires 28/11/2026.
    product = catalog.find_product_by_code(shop, "CA-ROT-1KG")
    with pytest.raises(StockError, match="L2613-08 đã hết hạn ngày 28/11/2026"):
        sales.product_for_scan(shop, "CA-ROT-1KG", 1, Cart(), date(2026, 11, 29))
    cart = cart_of(shop, ("CA-ROT-1KG", 1))
    with pytest.raises(StockError):
        pay_cash(shop, cart, when=datetime(2026, 11, 29, 9, 0))
    assert (
        sales.product_for_scan(shop, "CA-ROT-1KG", 1, Cart(), date(2026, 11, 28)).id == product.id
    )


def test_blocked_lot_is_refused(shop):
    lot = next(s for s in stock.stock_by_lot(shop, "HOABAN") if s.sku == "SAM-CU-100")
    stock.set_lot_blocked(shop, lot.lot_id, True)
    with pytest.raises(StockError, match="đang bị khóa"):
        sales.product_for_scan(shop, "8938505970004", 1, Cart(), date(2026, 11, 24))


def test_unknown_code(shop):
    with pytest.raises(NotFound, match="Không có sản phẩm mã '123'"):
        sales.product_for_scan(shop, "123", 1, Cart(), date(2026, 11, 24))


def test_selling_beyond_recorded_stock_goes_through_as_a_shortfall(shop):
    posted = pay_cash(shop, cart_of(shop, ("BO-KHO-250", 8)))  # 6 on hand
    assert posted.shortfalls == (sale_writing.Shortfall("BO-KHO-250", 2),)
    assert shop.execute("SELECT qty FROM stock_shortfalls").fetchone()[0] == 2
    on_hand = on_hand_by_sku(shop)
    assert on_hand["BO-KHO-250"] == -2  # the ledger tells the truth; the manager must count
    [exception] = sales.stock_shortfalls(shop)
    assert (exception.sale_number, exception.sku, exception.lot_code, exception.qty) == (
        "T01-000001",
        "BO-KHO-250",
        "L2613-23",
        2,
    )


def test_selling_a_product_never_received(shop):
    save_product(
        shop,
        catalog.ProductInput(
            sku="NEW-1",
            name="Hàng chưa nhập",
            producer_code="HOABAN",
            price_vnd=10_000,
            ocop_rating="4",
            vat_bp=800,
            tracks_expiry=False,
        ),
        actor=demo_user(shop, "quanly"),
    )
    posted = pay_cash(shop, cart_of(shop, ("NEW-1", 1)))
    assert posted.shortfalls == (sale_writing.Shortfall("NEW-1", 1),)
    lot = shop.execute(
        "SELECT l.lot_code FROM sale_line_lots s JOIN lots l ON l.id = s.lot_id"
    ).fetchone()[0]
    assert lot == sale_writing.UNRECEIVED_LOT


def test_commission_snapshot_does_not_change_with_new_terms(shop):
    pay_cash(shop, cart_of(shop, ("BANH-PIA", 1)), when=datetime(2026, 11, 24, 9))
    current = catalog.get_producer(shop, "BAOMINH")
    save_producer(
        shop,
        catalog.ProducerInput(
            code="BAOMINH", name=current.name, kind=current.kind, commission_bp=3000
        ),
        on=date(2026, 11, 25),
        actor=demo_user(shop, "quanly"),
    )
    pay_cash(shop, cart_of(shop, ("BANH-PIA", 1)), "t2", when=datetime(2026, 11, 25, 9))
    assert shop.execute("SELECT commission_bp FROM sale_lines ORDER BY id").fetchall() == [
        (2500,),
        (3000,),
    ]


def test_posting_clears_the_saved_open_cart(shop):
    cart = cart_of(shop, ("BANH-PIA", 1))
    carts.save_open_cart(shop, T, cart)
    assert carts.load_open_cart(shop, T) == cart
    pay_cash(shop, cart)
    assert carts.load_open_cart(shop, T).is_empty()


def test_the_open_cart_is_saved_without_an_fsync_and_sales_still_get_one(shop):
    cart = cart_of(shop, ("BANH-PIA", 1))
    carts.save_open_cart(shop, T, cart)  # synchronous=NORMAL for this commit only
    assert carts.load_open_cart(shop, T) == cart
    assert shop.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL again for the sale
    pay_cash(shop, cart)
    assert carts.load_open_cart(shop, T).is_empty()


def test_park_and_recall(shop):
    first = cart_of(shop, ("BANH-PIA", 1))
    carts.save_open_cart(shop, T, first)
    slot = carts.park_cart(shop, T, first, "khách áo xanh")
    assert carts.load_open_cart(shop, T).is_empty()
    second = cart_of(shop, ("MUT-SEN", 2))
    parked = carts.parked_carts(shop, T)
    assert [(p.slot, p.label) for p in parked] == [(slot, "khách áo xanh")]
    assert carts.recall_cart(shop, T, slot, second) == first
    assert carts.load_open_cart(shop, T) == first
    assert [p.cart for p in carts.parked_carts(shop, T)] == [second]


def test_posted_sales_are_immutable(shop):
    import sqlite3

    pay_cash(shop, cart_of(shop, ("BANH-PIA", 1)))
    for statement in (
        "UPDATE sales SET total_vnd = 1",
        "DELETE FROM sale_lines",
        "UPDATE payments SET amount_vnd = 1",
        "DELETE FROM sale_line_lots",
    ):
        with pytest.raises(sqlite3.IntegrityError, match="immutable"):
            shop.execute(statement)


def test_vat_follows_the_rate_in_force_on_the_day(shop):
    """8 % is the reduced rate of 10 % goods until 31/12/2026; 5 % and 10 % goods keep theirs."""
    rates = {
        day: {
            code: catalog.find_product_by_code(shop, code, day).vat_bp
            for code in ("SAM-TRA-20", "RUOU-MEN-LA", "RAU-CAI-500")
        }
        for day in (date(2026, 12, 31), date(2027, 1, 1))
    }
    assert rates[date(2026, 12, 31)] == {"SAM-TRA-20": 800, "RUOU-MEN-LA": 1000, "RAU-CAI-500": 500}
    assert rates[date(2027, 1, 1)] == {"SAM-TRA-20": 1000, "RUOU-MEN-LA": 1000, "RAU-CAI-500": 500}
    # Rung up on New Year's Eve (8 %), paid after midnight: sold at the new year's 10 %.
    cart = cart_of(shop, ("SAM-TRA-20", 1))
    assert cart.lines[0].vat_bp == 800
    pay_cash(shop, cart, when=datetime(2027, 1, 1, 0, 5))
    assert shop.execute("SELECT vat_bp, vat_vnd FROM sale_lines").fetchone() == (1000, 31_818)


@pytest.mark.parametrize(
    "change, refusal",
    [
        (lambda line: replace(line, qty=10**9), "số lượng phải từ 1 đến 9999"),
        (lambda line: replace(line, qty=0), "số lượng phải từ 1 đến 9999"),
        (lambda line: replace(line, unit_price_vnd=-1), "giá bán"),
        (lambda line: replace(line, unit_price_vnd=10**13), "giá bán"),
        (lambda line: replace(line, qty=9999, unit_price_vnd=10**12), "tổng phiếu quá lớn"),
    ],
)
def test_post_sale_itself_refuses_a_cart_beyond_the_tills_limits(shop, change, refusal):
    """A cart built in code (not through Cart.add) meets the bounds the till shows."""
    cart = cart_of(shop, ("SAM-TRA-20", 1))
    cart.lines[0] = change(cart.lines[0])
    with pytest.raises(ValidationError, match=refusal):
        sales.post_sale(
            shop,
            T,
            cart,
            [Tender("bank", 1_000, None, "QR")],
            "huge",
            actor=demo_user(shop, "thungan"),
        )
    assert shop.execute("SELECT count(*) FROM sales").fetchone()[0] == 0


def test_a_tender_beyond_any_amount_is_refused(shop):
    cart = cart_of(shop, ("SAM-TRA-20", 1))
    with pytest.raises(ValidationError, match="số tiền quá lớn"):
        sales.post_sale(
            shop,
            T,
            cart,
            [Tender("cash", 350_000, 10**15)],
            "rich",
            actor=demo_user(shop, "thungan"),
        )
