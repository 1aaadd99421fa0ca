"""Settlement figures hold their identities whatever happens in a quarter: random intakes,
sales with discounts, refunds in later months, producer returns and adjustments."""

import json
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos.cart import Cart, Discount, price
from pos.catalog import ProducerInput, ProductInput
from pos.errors import PosError
from pos.journal import entry_of, lines_of
from pos.payments import cash_tender
from pos.services import catalog, refunds, sales, settlement, shifts, stock
from pos.storage.database import open_database
from tests.catalog_setup import save_producer, save_product
from tests.conftest import demo_user, first_admin

PRODUCERS = (("NSXA", 2000), ("NSXB", 2250))
PRODUCTS = (("A1", "NSXA", 45_000), ("A2", "NSXA", 120_000), ("B1", "NSXB", 33_333))
MONTHS = [
    (date(2026, 10, 1), date(2026, 10, 31)),
    (date(2026, 11, 1), date(2026, 11, 30)),
    (date(2026, 12, 1), date(2026, 12, 31)),
]
START = date(2026, 10, 1)

operation = st.one_of(
    st.tuples(st.just("intake"), st.sampled_from(PRODUCTS), st.integers(1, 20)),
    st.tuples(st.just("sale"), st.sampled_from(PRODUCTS), st.integers(1, 6), st.integers(0, 30)),
    st.tuples(st.just("refund"), st.integers(0, 50), st.integers(1, 3)),
    st.tuples(st.just("return"), st.sampled_from(PRODUCTS), st.integers(1, 5)),
    st.tuples(st.just("adjust"), st.sampled_from(PRODUCTS), st.integers(-3, 3)),
)
day_offsets = st.integers(0, 91)


def new_showroom():
    db = open_database(Path(tempfile.mkdtemp()) / "pos.sqlite3")
    first_admin(db)
    for code, bp in PRODUCERS:
        save_producer(
            db,
            ProducerInput(code=code, name=f"HTX {code}", kind="cooperative", commission_bp=bp),
            on=START,
            actor=demo_user(db, "admin"),
        )
    for sku, producer, price_vnd in PRODUCTS:
        save_product(
            db,
            ProductInput(
                sku=sku,
                name=f"Hàng {sku}",
                producer_code=producer,
                price_vnd=price_vnd,
                ocop_rating="4",
                vat_bp=800,
                tracks_expiry=False,
            ),
            on=START,
            actor=demo_user(db, "admin"),
        )
    shifts.open_shift(db, "T01", "Lan", 0)
    return db


def run(db, steps) -> None:
    posted_sales = []
    for day_offset, op in sorted(steps, key=lambda s: s[0]):
        day = START + timedelta(days=day_offset)
        when = datetime.combine(day, datetime.min.time()) + timedelta(hours=10)
        kind = op[0]
        try:
            if kind == "intake":
                stock.receive_goods(
                    db,
                    op[1][1],
                    [stock.IntakeLine(op[1][0], op[2])],
                    day,
                    actor=demo_user(db, "admin"),
                )
            elif kind == "sale":
                cart = Cart()
                product = catalog.find_product_by_code(db, op[1][0], day)
                cart.add(sales.cart_line(product, op[2]))
                cart.set_discount(Discount("percent", op[3] * 100))
                total = price(cart).total_vnd
                posted = sales.post_sale(
                    db,
                    "T01",
                    cart,
                    [cash_tender(total, total)],
                    f"s{len(posted_sales)}-{day_offset}",
                    when,
                    actor=demo_user(db, "admin"),
                )
                posted_sales.append(posted.number)
            elif kind == "refund" and posted_sales:
                number = posted_sales[op[1] % len(posted_sales)]
                [line] = refunds.sale_for_refund(db, number).lines
                if line.qty_left:
                    refunds.post_refund(
                        db,
                        "T01",
                        demo_user(db, "admin"),
                        number,
                        [refunds.RefundItem(line.sale_line_id, min(op[2], line.qty_left))],
                        "changed_mind",
                        "cash",
                        f"r-{number}-{day_offset}",
                        refunded_at=when,
                    )
            elif kind in ("return", "adjust"):
                lots = [s for s in stock.stock_by_lot(db, op[1][1]) if s.sku == op[1][0]]
                if lots and op[2]:
                    if kind == "return" and lots[0].on_hand > 0:
                        stock.return_to_producer(
                            db,
                            op[1][1],
                            [stock.LotQty(lots[0].lot_id, min(op[2], lots[0].on_hand))],
                            "hết mùa",
                            day,
                            actor=demo_user(db, "admin"),
                        )
                    elif kind == "adjust":
                        stock.adjust_stock(
                            db,
                            "count_adjustment",
                            [stock.LotQty(lots[0].lot_id, op[2])],
                            "kiểm kê",
                            day,
                            actor=demo_user(db, "admin"),
                        )
        except PosError:
            pass  # refused operations (not enough stock...) are part of real life


def journal_net(db, start: date, end: date) -> int:
    """The period's sales less refunds, read from the journal's own payloads."""
    total = 0
    for doc_type, payload in db.execute(
        "SELECT document_type, payload FROM journal WHERE document_type IN ('sale', 'refund')"
    ):
        data = json.loads(entry_of(payload))
        when = date.fromisoformat((data.get("sold_at") or data["refunded_at"])[:10])
        if start <= when <= end:
            lines = sum(line["net"] for line in lines_of(doc_type, data))
            total += lines if doc_type == "sale" else -lines
    return total


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(day_offsets, operation), min_size=5, max_size=40))
def test_statement_identities_hold_over_random_quarters(steps):
    db = new_showroom()
    run(db, steps)
    quarter = {}
    for code, _ in PRODUCERS:
        whole = settlement.statement_figures(db, code, MONTHS[0][0], MONTHS[-1][1])
        quarter[code] = whole
        monthly = [settlement.statement_figures(db, code, start, end) for start, end in MONTHS]
        for figures in [whole, *monthly]:
            assert all(row.balances() for row in figures.stock)
            assert figures.owed_vnd == (
                figures.net_vnd - figures.commission_vnd + figures.adjustments_vnd
            )
            assert all(row.due_vnd == row.net_vnd - row.commission_vnd for row in figures.sales)
            assert all(
                row.net_vnd == row.gross_vnd - row.discount_vnd - row.refund_vnd
                for row in figures.sales
            )
        # nothing counted twice or lost at month boundaries
        assert sum(m.net_vnd for m in monthly) == whole.net_vnd
        assert sum(m.commission_vnd for m in monthly) == whole.commission_vnd
        closing = {(r.sku, r.lot_code): r.closing for r in monthly[0].stock}
        for month in monthly[1:]:
            opening = {(r.sku, r.lot_code): r.opening for r in month.stock}
            assert all(
                opening.get(key, 0) == value
                for key, value in closing.items()
                if value or key in opening
            )
            closing = {(r.sku, r.lot_code): r.closing for r in month.stock}
    for start, end in [*MONTHS, (MONTHS[0][0], MONTHS[-1][1])]:
        producers_net = sum(
            settlement.statement_figures(db, code, start, end).net_vnd for code, _ in PRODUCERS
        )
        assert producers_net == journal_net(db, start, end)
        # all producers in one pass give exactly each producer's own statement
        together = settlement.all_statement_figures(db, start, end)
        for code, _ in PRODUCERS:
            alone = settlement.statement_figures(db, code, start, end)
            assert together.get(code, settlement.no_figures(code, start, end)) == alone
    db.close()


def test_a_refund_next_month_is_reversed_in_that_month():
    db = new_showroom()
    steps = [
        (0, ("intake", PRODUCTS[1], 10)),  # 01/10: 10 × A2 at 120.000
        (5, ("sale", PRODUCTS[1], 3, 10)),  # 06/10: 3 sold, 10 % off -> 324.000
        (40, ("refund", 0, 1)),  # 10/11: one back
    ]
    run(db, steps)
    october = settlement.statement_figures(db, "NSXA", *MONTHS[0])
    november = settlement.statement_figures(db, "NSXA", *MONTHS[1])
    assert (october.net_vnd, october.commission_vnd, october.owed_vnd) == (324_000, 64_800, 259_200)
    assert (november.net_vnd, november.commission_vnd) == (-108_000, -21_600)
    [row] = october.stock
    assert (row.opening, row.received, row.sold, row.closing) == (0, 10, 3, 7)
    [row] = november.stock
    assert (row.opening, row.refunded, row.closing) == (7, 1, 8)
    db.close()
