"""E-invoices captured with the sale and the refund, in their own transactions; a sale's
invoice built and queued afterwards by the sender (queue_captured), from the posted rows."""

from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from pos import clock
from pos.cart import Cart, price
from pos.documents.einvoice import Buyer, Invoice
from pos.errors import ValidationError
from pos.payments import Tender
from pos.services import (
    catalog,
    einvoice_lists,
    einvoices,
    integrity,
    receipts,
    refunds,
    sales,
    users,
)
from pos.services import einvoice_outbox as outbox
from pos.services.refunds import RefundItem
from pos.services.settings import set_settings
from tests.services.test_users_and_refunds import DAY, T, cash, people, sell  # noqa: F401

HOUR = timedelta(hours=1)


@pytest.fixture
def invoicing(demo_db, people):  # noqa: F811
    set_settings(
        demo_db,
        {
            "einvoice_provider": "fake",
            "einvoice_symbol": "1C26MAA",
            "showroom_tax_code": "0100109106",
        },
        people["admin"],
    )
    return people


def invoices(db):
    """The queued invoices, once the sender has queued every captured sale."""
    einvoices.queue_captured(db, limit=None)
    return [
        (row[0], row[1], Invoice.from_json(row[2]))
        for row in db.execute(
            "SELECT e.kind, o.state, e.document FROM einvoices e "
            "JOIN einvoice_outbox o ON o.invoice_id = e.id ORDER BY e.id"
        )
    ]


def refund_one(db, manager, sale, at=None):
    """One unit of the sale's first line back, as defective, in cash."""
    [line, *_] = refunds.sale_for_refund(db, sale.number).lines
    items = [RefundItem(line.sale_line_id, 1)]
    return refunds.post_refund(
        db,
        T,
        manager,
        sale.number,
        items,
        "defective",
        "cash",
        f"r-{sale.number}",
        refunded_at=at,
    )


def test_no_invoice_while_the_showroom_issues_none(demo_db, people):  # noqa: F811
    sell(demo_db, [("SAM-TRA-20", 1)], cash, "s1")
    assert invoices(demo_db) == []


def test_a_sale_keeps_its_key_symbol_and_buyer_and_writes_nothing_else(demo_db, invoicing):
    """The till's write stays as it was before e-invoices but for three columns of the sale's
    own row: the invoice is built off the till's path, and a receipt already shows its
    symbol."""
    sale = sell(demo_db, [("SAM-TRA-20", 1)], cash, "s1")
    key, symbol, buyer = demo_db.execute(
        "SELECT einvoice_key, einvoice_symbol, einvoice_buyer FROM sales WHERE id = ?", [sale.id]
    ).fetchone()
    assert len(key) == 36 and symbol == "1C26MAA" and buyer is None
    assert demo_db.execute("SELECT count(*) FROM einvoices").fetchone()[0] == 0
    assert outbox.status(demo_db).unsent == 1  # waiting all the same
    assert receipts.receipt_data(demo_db, sale.number).einvoice.symbol == "1C26MAA"
    assert einvoices.queue_captured(demo_db) == 1 and einvoices.queue_captured(demo_db) == 0
    [(_, _, invoice)] = invoices(demo_db)
    assert invoice.key == key and outbox.status(demo_db).unsent == 1


def test_a_sale_captures_its_invoice_with_the_tills_figures(demo_db, invoicing):
    sale = sell(demo_db, [("SAM-TRA-20", 3), ("BANH-PIA", 2)], cash, "s1", discount="10%")
    [(kind, state, invoice)] = invoices(demo_db)
    assert (kind, state) == ("original", "pending")
    assert invoice.symbol == "1C26MAA" and invoice.document_number == sale.number
    assert invoice.issued_at == DAY.isoformat(timespec="seconds")
    assert invoice.total_vnd == sale.total_vnd
    assert invoice.buyer.kind == "none" and invoice.payment_method == "TM"
    recorded = demo_db.execute(
        "SELECT sum(l.net_vnd - l.vat_vnd), sum(l.vat_vnd) FROM sale_lines l JOIN sales s "
        "ON s.id = l.sale_id WHERE s.number = ?",
        [sale.number],
    ).fetchone()
    assert (invoice.amount_vnd, invoice.vat_vnd) == recorded
    for line in invoice.lines:  # what the provider checks, line by line
        gross = line.amount_vnd + line.discount_vnd
        assert abs(Decimal(line.unit_price) * line.qty - gross) <= 1
        assert abs(line.amount_vnd * line.vat_bp / 10_000 - line.vat_vnd) <= 1
        assert line.discount_vnd > 0  # the 10 % shows, before VAT
    assert integrity.full_check(demo_db) == []  # sealed with the sale


def test_a_refund_captures_a_negative_adjustment_referring_to_the_sale(demo_db, invoicing):
    manager = invoicing["manager"]
    sale = sell(demo_db, [("SAM-TRA-20", 3)], cash, "s1")
    refund = refund_one(demo_db, manager, sale, datetime(2026, 11, 24, 10, 0))
    (_, _, original), (kind, state, adjustment) = invoices(demo_db)
    assert (kind, state) == ("adjustment", "pending")
    assert adjustment.original.key == original.key and adjustment.cause == "05"
    assert adjustment.total_vnd == -refund.total_vnd
    assert [line.qty for line in adjustment.lines] == [-1]
    assert adjustment.document_number == refund.number
    assert integrity.full_check(demo_db) == []


def test_the_invoice_time_never_goes_back_within_a_symbol(demo_db, invoicing):
    sell(demo_db, [("SAM-TRA-20", 1)], cash, "s1")
    cashier = users.get_user(demo_db, "thungan")
    cart = Cart()
    cart.add(sales.cart_line(catalog.find_product_by_code(demo_db, "SAM-TRA-20", DAY.date()), 1))
    earlier = datetime(2026, 11, 24, 8, 0)  # the PC's clock went back an hour
    total = price(cart).total_vnd
    posted = sales.post_sale(
        demo_db, T, cart, [Tender("cash", total, total)], "s2", earlier, actor=cashier
    )
    assert posted.clock_warning  # warned, not refused
    times = [invoice.issued_at for _, _, invoice in invoices(demo_db)]
    assert times == [DAY.isoformat(timespec="seconds")] * 2


def test_a_symbol_that_breaks_the_rule_is_refused_in_settings(demo_db, people):  # noqa: F811
    with pytest.raises(ValidationError, match="loại"):
        set_settings(demo_db, {"einvoice_symbol": "1C26QAA"}, people["admin"])


def _as_insider(db, *statements):
    """Triggers dropped, rows changed, triggers put back, as an SQLite tool allows."""
    triggers = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for name, _ in triggers:
        db.execute(f"DROP TRIGGER {name}")
    for statement in statements:
        db.execute(statement)
    for _, sql in triggers:
        db.execute(sql)


def einvoice_findings(db):
    return [(p.document, p.message) for p in integrity.full_check(db) if p.check == "einvoice"]


def test_check_names_a_sale_that_no_longer_matches_its_invoice(demo_db, invoicing):
    sale = sell(demo_db, [("SAM-TRA-20", 2)], cash, "s1")
    sell(demo_db, [("SAM-TRA-20", 1)], cash, "s2")
    einvoices.queue_captured(demo_db)
    assert einvoice_findings(demo_db) == []
    _as_insider(
        demo_db,
        f"UPDATE sales SET total_vnd = total_vnd - 100000 WHERE number = '{sale.number}'",
        f"UPDATE sale_lines SET vat_vnd = vat_vnd - 7407 WHERE sale_id = {sale.id}",
        f"UPDATE sales SET vat_vnd = vat_vnd - 7407 WHERE number = '{sale.number}'",
    )
    [(number, message)] = einvoice_findings(demo_db)
    assert number == sale.number
    assert message == (
        "tổng 600.000 ₫, thuế 44.445 ₫ khác hóa đơn điện tử của nó (tổng 700.000 ₫, thuế 51.852 ₫)"
    )


def test_check_names_an_invoice_taken_out_of_the_queue_unsent(demo_db, invoicing):
    first = sell(demo_db, [("SAM-TRA-20", 1)], cash, "s1")
    second = sell(demo_db, [("SAM-TRA-20", 1)], cash, "s2")
    einvoices.queue_captured(demo_db)
    _as_insider(
        demo_db,
        "DELETE FROM einvoice_outbox WHERE invoice_id = 1",
        "UPDATE einvoice_outbox SET state = 'issued' WHERE invoice_id = 2",
    )
    assert [number for number, _ in einvoice_findings(demo_db)] == [first.number, second.number]


def test_check_names_a_sale_the_queue_was_moved_past(demo_db, invoicing):
    """An insider moving the sender's mark beyond sales not yet queued: their invoices would
    never be built, and check says so."""
    first = sell(demo_db, [("SAM-TRA-20", 1)], cash, "s1")
    einvoices.queue_captured(demo_db)
    second = sell(demo_db, [("SAM-TRA-20", 1)], cash, "s2")
    _as_insider(demo_db, f"UPDATE einvoice_queue_mark SET sale_id = {second.id}")
    assert einvoices.queue_captured(demo_db) == 0
    assert einvoice_findings(demo_db) == [
        (second.number, "hóa đơn điện tử ký hiệu 1C26MAA chưa được cấp số mà không còn chờ gửi")
    ]
    assert first.number != second.number


def test_an_invoice_names_the_seller_as_the_sale_printed_it(demo_db, invoicing):
    """The sender may build a sale's invoice days later (the PC was off): a seller's address
    changed in between does not reach the invoice of an earlier sale."""
    cashier = users.get_user(demo_db, "thungan")
    cart = Cart()
    cart.add(sales.cart_line(catalog.find_product_by_code(demo_db, "SAM-TRA-20", DAY.date()), 1))
    total = price(cart).total_vnd
    sales.post_sale(
        demo_db, T, cart, [Tender("cash", total, total)], "s1", DAY - HOUR, actor=cashier
    )
    with clock.stopped_at(DAY - HOUR / 2):
        set_settings(
            demo_db,
            {"showroom_address": "Số 2 Tràng Tiền, Hà Nội", "einvoice_location_name": "Quầy mới"},
            invoicing["admin"],
        )
    sell(demo_db, [("SAM-TRA-20", 1)], cash, "s2")  # at DAY
    (_, _, first), (_, _, second) = invoices(demo_db)
    assert second.seller.address == "Số 2 Tràng Tiền, Hà Nội"
    assert second.seller.location_name == "Quầy mới"
    assert first.seller.address != second.seller.address and first.seller.location_name == ""


def test_a_refund_before_the_sale_is_queued_comes_after_it(demo_db, invoicing):
    """A refund at once after the sale (the sender not yet round): the sale's invoice is
    queued first, so the adjustment refers to it and the symbol's order holds."""
    sale = sell(demo_db, [("SAM-TRA-20", 2)], cash, "s1")
    refund_one(demo_db, invoicing["manager"], sale, datetime(2026, 11, 24, 10, 0))
    kinds = [(kind, invoice.document_number) for kind, _, invoice in invoices(demo_db)]
    assert kinds[0] == ("original", sale.number) and kinds[1][0] == "adjustment"


def test_a_sale_not_yet_queued_shows_as_waiting_on_the_lists(demo_db, invoicing):
    """A manager looking a receipt up seconds after the sale sees its invoice waiting, with
    the sale's figures, not 'no invoice'; once queued it is the same key, still waiting."""
    buyer = Buyer("business", "0100109106", "Công ty Trà Việt")
    sale = sell(demo_db, [("SAM-TRA-20", 2)], cash, "s1", buyer=buyer)
    [waiting] = einvoice_lists.of_document(demo_db, sale.number)
    assert (waiting.state, waiting.kind, waiting.symbol) == ("pending", "original", "1C26MAA")
    assert (waiting.buyer_name, waiting.buyer_tax_code) == ("Công ty Trà Việt", "0100109106")
    assert waiting.total_vnd == sale.total_vnd
    assert einvoice_lists.of_month(demo_db, DAY.date()) == [waiting]
    einvoices.queue_captured(demo_db)
    [queued] = einvoice_lists.of_month(demo_db, DAY.date())
    assert (queued.key, queued.state, queued.total_vnd) == (waiting.key, "pending", sale.total_vnd)
    assert queued.amount_vnd + queued.vat_vnd == sale.total_vnd
    assert (queued.amount_vnd, queued.vat_vnd) == (waiting.amount_vnd, waiting.vat_vnd)
