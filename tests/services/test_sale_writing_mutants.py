"""What sale writing must get exactly right that other tests let slip (found by mutmut): its
refusals word for word, a till sale marked as the till's, the posted sale's own id, what the
journal keeps of its terminal and lots, and the lots a run of drafts takes one after another,
expired lots ahead of them or not."""

from datetime import date

import pytest

from pos.cart import Cart, price
from pos.errors import ValidationError
from pos.journal import lines_of
from pos.payments import Tender, cash_tender
from pos.services import sale_writing, sales, stock
from pos.services.stock import IntakeLine
from tests.conftest import demo_user
from tests.services.test_sales_service import NOW, T, cart_of, pay_cash, shop  # noqa: F401
from tests.services.test_statement_mutants import journal_payload


def test_an_empty_cart_and_an_underpaid_one_are_refused_word_for_word(shop):  # noqa: F811
    cashier = demo_user(shop, "thungan")
    with pytest.raises(ValidationError, match=r"^giỏ hàng trống$"):
        sale_writing.draft_sale(
            shop, Cart(), [], "e", NOW, sale_writing.TermsOnDay(), cashier="Lan"
        )
    cart = cart_of(shop, ("BANH-PIA", 1))
    with pytest.raises(ValidationError, match=r"^chưa thanh toán đủ$"):
        sales.post_sale(shop, T, cart, [Tender("bank", 1_000)], "u", NOW, actor=cashier)


def test_a_till_sale_is_the_tills_and_comes_back_with_its_own_id(shop):  # noqa: F811
    pay_cash(shop, cart_of(shop, ("BANH-PIA", 1)), token="first")
    posted = pay_cash(shop, cart_of(shop, ("SUA-TUOI-1L", 1)), token="second")
    row = shop.execute("SELECT id, source FROM sales WHERE number = ?", [posted.number])
    assert row.fetchone() == (posted.id, "till")


def test_the_journal_keeps_the_terminal_and_each_lines_lots(shop):  # noqa: F811
    posted = pay_cash(shop, cart_of(shop, ("8938505970103", 2), ("SUA-TUOI-1L", 1)))
    payload = journal_payload(shop, posted.number)
    assert payload["terminal"] == T
    assert [line["lots"] for line in lines_of("sale", payload)] == [
        [["L2612-01", 2]],
        [["L2613-05", 1]],
    ]


def lots_taken_together(shop, quantities):  # noqa: F811
    """Cash sales of BANH-COM, one a quantity, drafted and then written in one go (a fair's
    file): the (lot, units) each took, first expiry first."""
    terms = sale_writing.TermsOnDay()
    drafts = []
    for token, qty in enumerate(quantities):
        cart = cart_of(shop, ("BANH-COM", qty))
        total = price(cart).total_vnd
        drafts.append(
            sale_writing.draft_sale(
                shop, cart, [cash_tender(total, total)], str(token), NOW, terms, cashier="Lan"
            )
        )
    with shop.atomic():
        posted = sale_writing.write_sales(shop, "HOICHO", drafts, terms)
    return [
        shop.execute(
            "SELECT l.lot_code, sl.qty FROM sale_line_lots sl JOIN lots l ON l.id = sl.lot_id "
            "JOIN sale_lines s ON s.id = sl.sale_line_id WHERE s.sale_id = ? "
            "ORDER BY l.expiry_date",
            [sale.id],
        ).fetchall()
        for sale in posted
    ]


def test_drafts_written_together_take_the_lots_one_after_another(shop):  # noqa: F811
    """A fair's file: several receipts of one product in one write, each taking from what
    the ones before it left (the lots are read once and taken from in memory)."""
    stock.receive_goods(
        shop,
        "BAOMINH",
        [
            IntakeLine("BANH-COM", 2, "EARLY", date(2026, 11, 20), date(2026, 12, 1)),
            IntakeLine("BANH-COM", 2, "MIDDLE", date(2026, 11, 20), date(2026, 12, 5)),
        ],
        received_on=date(2026, 11, 22),
        actor=demo_user(shop, "quanly"),
    )
    assert lots_taken_together(shop, [1, 1, 3]) == [
        [("EARLY", 1)],
        [("EARLY", 1)],
        [("MIDDLE", 2), ("L2611-12", 1)],
    ]


def test_drafts_take_lots_that_sit_behind_expired_ones(shop):  # noqa: F811
    """Expired lots come first in expiry order but are never taken, so the lot a draft takes
    from can sit third or fourth: the in-memory walk must still find it, once, and the next
    draft must see what it left."""
    expired = [
        IntakeLine("BANH-COM", 1, f"OLD{n}", date(2026, 11, 10), date(2026, 11, 20 + n))
        for n in (1, 2, 3)
    ]
    stock.receive_goods(
        shop,
        "BAOMINH",
        [*expired, IntakeLine("BANH-COM", 2, "NEAR", date(2026, 11, 20), date(2026, 12, 1))],
        received_on=date(2026, 11, 20),
        actor=demo_user(shop, "quanly"),
    )
    assert lots_taken_together(shop, [1, 2]) == [[("NEAR", 1)], [("NEAR", 1), ("L2611-12", 1)]]


def test_the_journal_names_the_lot_a_sale_beyond_stock_is_booked_to(shop):  # noqa: F811
    """Once a product is sold out, a further sale goes to its newest sellable lot (stock goes
    negative) and the journal names that lot, as it does for lots with stock."""
    pay_cash(shop, cart_of(shop, ("BO-KHO-250", 6)), token="all")  # the 6 on hand
    posted = pay_cash(shop, cart_of(shop, ("BO-KHO-250", 2)), token="beyond")
    assert posted.shortfalls == (sale_writing.Shortfall("BO-KHO-250", 2),)
    [line] = lines_of("sale", journal_payload(shop, posted.number))
    assert line["lots"] == [["L2613-23", 2]]
