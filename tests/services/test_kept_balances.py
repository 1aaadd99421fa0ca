"""Kept lot balances (m022): each lot's units on hand beside the ledger, kept by the movement's
own transaction, read by scans, FEFO and month figures; check proves them equal to the
ledger and names a lot whose balance an insider edited."""

from datetime import date, timedelta

from pos.services import integrity, stock
from pos.services.stock import balances_before_sql
from tests.insider import as_insider
from tests.services.test_integrity import books  # noqa: F401 (the fixture)
from tests.services.test_sales_service import cart_of, pay_cash

LEDGER_SUMS = (
    "SELECT product_id, lot_id, sum(qty) FROM stock_movements GROUP BY product_id, lot_id "
    "HAVING sum(qty) != 0 ORDER BY product_id, lot_id"
)
KEPT = "SELECT product_id, lot_id, on_hand FROM lot_balances ORDER BY product_id, lot_id"


def test_kept_balances_are_the_ledger_summed_after_every_kind_of_document(books):  # noqa: F811
    """Sales (one below zero), refunds, a write-off, a goods receipt, a return, a count and
    a recall: the kept rows are exactly the ledger's non-zero sums, no row for an empty lot."""
    pay_cash(books, cart_of(books, ("SUA-TUOI-1L", 400)), token="short")
    kept = books.execute(KEPT).fetchall()
    assert kept == books.execute(LEDGER_SUMS).fetchall()
    assert any(on_hand < 0 for *_, on_hand in kept)  # sold below zero: owed, kept
    emptied = books.execute(
        "SELECT count(*) FROM (SELECT 1 FROM stock_movements GROUP BY product_id, lot_id "
        "HAVING sum(qty) = 0)"
    ).fetchone()[0]
    assert emptied > 0  # the recalled lot went back whole: it has no row
    assert integrity.full_check(books) == []


def test_balances_before_a_day_are_the_ledger_summed_before_it(books):  # noqa: F811
    first, last = books.execute(
        "SELECT min(moved_on), max(moved_on) FROM stock_movements"
    ).fetchone()
    days = {date.fromisoformat(first), date.fromisoformat(last)}
    days |= {day + timedelta(days=step) for day in set(days) for step in (-1, 1, 17)}
    for day in sorted(days):
        summed = books.execute(
            "SELECT product_id, lot_id, sum(qty) FROM stock_movements WHERE moved_on < ? "
            "GROUP BY product_id, lot_id HAVING sum(qty) != 0 ORDER BY product_id, lot_id",
            [day.isoformat()],
        ).fetchall()
        before = books.execute(
            f"SELECT * FROM ({balances_before_sql('?')}) ORDER BY product_id, lot_id",
            [day.isoformat()],
        ).fetchall()
        assert before == summed, day


def test_a_scan_reads_the_kept_balance_not_the_ledger(books):  # noqa: F811
    """What a sale line checks and allocates from is the kept row: edited (as an insider
    would), the scan believes it, and check is what says it is wrong."""
    tea = next(s for s in stock.stock_by_lot(books, "HOABAN") if s.sku == "SAM-CU-100")
    books.execute("UPDATE lot_balances SET on_hand = on_hand + 5 WHERE lot_id = ?", [tea.lot_id])
    [lot] = [lot for lot in stock.lots_on_hand(books, tea.product_id) if lot.lot_id == tea.lot_id]
    assert lot.on_hand == tea.on_hand + 5
    assert _balance_problems(books) == [
        f"lô {tea.lot_code}: tồn kho ghi sẵn {tea.on_hand + 5}, sổ kho cộng lại {tea.on_hand}"
    ]


def _balance_problems(db) -> list[str]:
    return [
        f"{p.document}: {p.message}"
        for p in integrity.full_check(db)
        if p.check == "stock" and p.document.startswith("lô ")
    ]


def _a_lot(db):
    return next(s for s in stock.stock_by_lot(db, "BAOMINH") if s.on_hand > 1)


def test_a_deleted_kept_balance_is_named(books):  # noqa: F811
    lot = _a_lot(books)
    as_insider(books, "DELETE FROM lot_balances WHERE lot_id = ?", [lot.lot_id])
    assert _balance_problems(books) == [
        f"lô {lot.lot_code}: tồn kho ghi sẵn 0, sổ kho cộng lại {lot.on_hand}"
    ]


def test_a_balance_added_for_an_empty_lot_is_named(books):  # noqa: F811
    empty = books.execute(
        "SELECT m.product_id, m.lot_id, l.lot_code FROM stock_movements m "
        "JOIN lots l ON l.id = m.lot_id GROUP BY m.product_id, m.lot_id HAVING sum(m.qty) = 0"
    ).fetchone()
    as_insider(books, "INSERT INTO lot_balances VALUES (?, ?, 12)", empty[:2])
    assert _balance_problems(books) == [f"lô {empty[2]}: tồn kho ghi sẵn 12, sổ kho cộng lại 0"]


def test_a_sale_posted_while_the_keeping_trigger_was_dropped_is_named(books):  # noqa: F811
    """The insider drops the trigger that keeps balances, sells, and puts it back: the
    ledger has the sale (its documents agree), the kept balance does not."""
    sql = books.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'stock_movements_keep_balance'"
    ).fetchone()[0]
    books.execute("DROP TRIGGER stock_movements_keep_balance")
    before = {s.lot_id: s.on_hand for s in stock.stock_by_lot(books, "HOABAN")}
    pay_cash(books, cart_of(books, ("SAM-CU-100", 1)), token="unkept")
    books.execute(sql)
    [(lot_id, code)] = books.execute(
        "SELECT l.id, l.lot_code FROM sale_line_lots x JOIN lots l ON l.id = x.lot_id "
        "WHERE x.sale_line_id = (SELECT max(id) FROM sale_lines)"
    ).fetchall()
    assert _balance_problems(books) == [
        f"lô {code}: tồn kho ghi sẵn {before[lot_id]}, sổ kho cộng lại {before[lot_id] - 1}"
    ]
