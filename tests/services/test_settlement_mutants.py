"""Settlement figures a producer reads on the statement: whose and which period they are, and
the commission terms when they changed within the month. Written against surviving mutants
of pos/services/settlement.py."""

from datetime import date, datetime

import pytest

from pos.cart import Cart, price
from pos.catalog import producer_input_from
from pos.errors import NotFound
from pos.payments import cash_tender
from pos.services import catalog, sales, settlement, shifts, statements
from tests.conftest import demo_user
from tests.services.test_statement_mutants import journal_payload

NOV = (date(2026, 11, 1), date(2026, 11, 30))


def _sell(db, code: str, when: datetime, token: str) -> None:
    cart = Cart()
    cart.add(sales.cart_line(catalog.find_product_by_code(db, code, when.date()), 1))
    total = price(cart).total_vnd
    sales.post_sale(
        db, "T01", cart, [cash_tender(total, total)], token, when, actor=demo_user(db, "thungan")
    )


def test_figures_name_their_producer_and_period_even_when_empty(demo_db):
    quiet = settlement.statement_figures(demo_db, "HOABAN", date(2025, 1, 1), date(2025, 1, 31))
    assert (quiet.producer_code, quiet.start, quiet.end) == (
        "HOABAN",
        date(2025, 1, 1),
        date(2025, 1, 31),
    )
    assert (quiet.stock, quiet.sales, quiet.owed_vnd) == ((), (), 0)
    busy = settlement.statement_figures(demo_db, "BAOMINH", *NOV)
    assert busy.producer_code == "BAOMINH" and busy.stock  # the demo's goods receipt


def test_terms_changed_within_the_month_show_both_rates_lowest_first(demo_db, monkeypatch):
    """Bảo Minh sold at 25 %, then at 5 % from the 20th: '5 % / 25 %' on the line, numbers
    in order as numbers (as text '25' sorts before '5')."""
    shifts.open_shift(demo_db, "T01", "Lan", 0)
    _sell(demo_db, "BANH-PIA", datetime(2026, 11, 18, 10), "before")
    monkeypatch.setattr("pos.clock.now", lambda: datetime(2026, 11, 20, 8))
    terms = {"code": "BAOMINH", "name": "Công ty CP Bánh kẹo Bảo Minh", "kind": "company"}
    catalog.edit_producer(
        demo_db,
        producer_input_from(terms | {"commission_pct": "5"}),
        True,
        demo_user(demo_db, "admin"),
    )
    _sell(demo_db, "BANH-PIA", datetime(2026, 11, 21, 10), "after")
    figures = settlement.statement_figures(demo_db, "BAOMINH", *NOV)
    pia = next(row for row in figures.sales if row.sku == "BANH-PIA")
    assert pia.commission_terms == "5 % / 25 %"


def test_an_unknown_producer_has_no_statement_rather_than_an_empty_one(demo_db):
    """A producer code that does not exist is refused, not shown as a quiet month."""
    with pytest.raises(NotFound, match="không có chủ thể mã KHONG-CO"):
        settlement.statement_figures(demo_db, "KHONG-CO", *NOV)


def test_an_agreed_amount_alone_is_owed_in_a_period_without_stock_or_sales(demo_db):
    """A month with no goods and no sales for a producer still owes what was agreed with
    them in it."""
    jan = (date(2025, 1, 1), date(2025, 1, 31))
    statements.record_agreed_adjustment(
        demo_db, demo_user(demo_db, "quanly"), "HOABAN", 50_000, date(2025, 1, 15), "vận chuyển"
    )
    figures = settlement.statement_figures(demo_db, "HOABAN", *jan)
    assert (figures.stock, figures.sales) == ((), ())
    assert figures.adjustments == (("2025-01-15", "vận chuyển", 50_000),)
    assert figures.owed_vnd == 50_000
    assert settlement.all_statement_figures(demo_db, *jan)["HOABAN"].owed_vnd == 50_000
    # It is a posted document of its own kind: the journal keeps it, so check covers it.
    kept = demo_db.execute(
        "SELECT document_type, document_number FROM journal WHERE document_type != 'audit' "
        "ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    assert kept[0] == "agreed_adjustment" and kept[1].startswith("DC-NSX-")
    assert journal_payload(demo_db, kept[1]) == {
        "producer": "HOABAN",
        "on": "2025-01-15",
        "amount": 50_000,
        "reason": "vận chuyển",
    }


def test_sales_stay_with_the_producer_who_consigned_them_when_a_product_moves(demo_db):
    """A product given to another producer after it sold: the month's sales are owed to the
    producer whose goods were sold (the sale line's), in one producer's statement and in
    the whole month's figures alike; the new producer is owed nothing for them."""
    import csv

    from pos.catalog import product_input_from
    from pos.services import shifts as shift_service
    from tests.conftest import FIXTURES

    shift_service.open_shift(demo_db, "T01", "Lan", 0)
    _sell(demo_db, "BANH-PIA", datetime(2026, 11, 24, 10, 0), "before-move")
    with open(FIXTURES / "products.csv", encoding="utf-8") as rows:
        row = next(r for r in csv.DictReader(rows) if r["sku"] == "BANH-PIA")
    moved = product_input_from({**row, "producer_code": "HOABAN"})
    catalog.edit_product(demo_db, moved, True, demo_user(demo_db, "admin"))
    alone = {
        code: settlement.statement_figures(demo_db, code, *NOV) for code in ("BAOMINH", "HOABAN")
    }
    every = settlement.all_statement_figures(demo_db, *NOV)
    assert [r.sku for r in alone["BAOMINH"].sales] == ["BANH-PIA"]
    assert "BANH-PIA" not in [r.sku for r in alone["HOABAN"].sales]
    for code in ("BAOMINH", "HOABAN"):
        assert every[code].sales == alone[code].sales
        assert every[code].owed_vnd == alone[code].owed_vnd
