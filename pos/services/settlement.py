"""The figures of a producer's settlement statement for a period: stock reconciliation per
product and lot, sales with commission (refunds reversed in the period they happened), and
the amount owed. Read-only; issuing, period close and payouts build on it."""

from collections import defaultdict
from datetime import date

from sqlite_utils import Database

from pos.documents.statement import SalesRow, StatementFigures, StockRow
from pos.lots import statement_column_sums_sql
from pos.money import format_bp
from pos.services.catalog import producer_id_of
from pos.services.stock import balances_before_sql


def statement_figures(db: Database, producer_code: str, start: date, end: date) -> StatementFigures:
    found = _figures(db, start, end, producer_id_of(db, producer_code))
    return found.get(producer_code) or no_figures(producer_code, start, end)


def no_figures(producer_code: str, start: date, end: date) -> StatementFigures:
    """A producer with nothing in the period."""
    return StatementFigures(producer_code, start, end, (), (), 0, 0, 0)


def all_statement_figures(db: Database, start: date, end: date) -> dict[str, StatementFigures]:
    """Every producer with anything in the period, from one pass over the ledger and one over
    the period's sales (a loop of statement_figures re-reads the ledger per producer)."""
    return _figures(db, start, end, None)


def _figures(
    db: Database, start: date, end: date, producer_id: int | None
) -> dict[str, StatementFigures]:
    period = {"producer": producer_id, "start": start.isoformat(), "end": end.isoformat()}
    stock, sales, adjustments = defaultdict(list), defaultdict(list), defaultdict(list)
    for code, row in _stock_rows(db, period):
        stock[code].append(row)
    for code, row in _sales_rows(db, period):
        sales[code].append(row)
    for code, *row in db.execute(
        "SELECT pr.code, a.on_date, a.reason, a.amount_vnd FROM agreed_adjustments a "
        "JOIN producers pr ON pr.id = a.producer_id "
        "WHERE (:producer IS NULL OR a.producer_id = :producer) "
        "AND a.on_date BETWEEN :start AND :end ORDER BY a.on_date, a.id",
        period,
    ):
        adjustments[code].append(tuple(row))
    figures = {}
    for code in set(stock) | set(sales) | set(adjustments):
        net = sum(row.net_vnd for row in sales[code])
        commission = sum(row.commission_vnd for row in sales[code])
        agreed = tuple(adjustments[code])
        owed = net - commission + sum(amount for _, _, amount in agreed)
        figures[code] = StatementFigures(
            code, start, end, tuple(stock[code]), tuple(sales[code]), net, commission, owed, agreed
        )
    return figures


def _stock_rows(db: Database, period: dict) -> list[tuple[str, StockRow]]:
    """Per lot: opening balance, the period's movements by kind, closing balance. Only lots
    with stock at the start or a movement in the period are read further; opening balances
    are the kept ones less what moved since the start (balances_before_sql), so a month ten
    years on costs what a month costs in the first year."""
    mine = ""
    if period["producer"] is not None:  # '+': the day index, not the product's whole range
        mine = "AND +product_id IN (SELECT id FROM products WHERE producer_id = :producer)"
    rows = db.execute(
        f"""
        WITH opening AS (
          SELECT lot_id, qty FROM ({balances_before_sql(":start")}) WHERE 1 {mine}),
        moved AS (
          SELECT lot_id, {statement_column_sums_sql()}, sum(qty) AS net
          FROM stock_movements WHERE moved_on BETWEEN :start AND :end {mine}
          GROUP BY product_id, lot_id),
        touched AS (SELECT lot_id FROM opening UNION SELECT lot_id FROM moved)
        SELECT pr.code, p.sku, p.name, l.lot_code, l.expiry_date,
          coalesce(o.qty, 0), coalesce(m.received, 0), coalesce(m.sold, 0),
          coalesce(m.refunded, 0), coalesce(m.returned, 0), coalesce(m.adjusted, 0),
          coalesce(o.qty, 0) + coalesce(m.net, 0)
        FROM touched t JOIN lots l ON l.id = t.lot_id
        JOIN products p ON p.id = l.product_id
        JOIN producers pr ON pr.id = p.producer_id
        LEFT JOIN opening o ON o.lot_id = t.lot_id
        LEFT JOIN moved m ON m.lot_id = t.lot_id
        ORDER BY pr.code, p.sku, l.expiry_date IS NULL, l.expiry_date, l.id
        """,
        period,
    ).fetchall()
    return [(row[0], StockRow(*row[1:])) for row in rows if any(row[5:])]


def _sales_rows(db: Database, period: dict) -> list[tuple[str, SalesRow]]:
    """The period's sales and refunds per product, under the producer each sale line was
    consigned by (its own producer_id): a product given to another producer later stays
    owed to the one whose goods were sold, whichever way the figures are asked for."""
    rows = db.execute(  # the period's sales by date, then their lines
        """
        WITH s AS (
          SELECT l.producer_id, l.product_id, sum(l.qty) AS qty, sum(l.gross_vnd) AS gross,
                 sum(l.line_discount_vnd + l.cart_discount_vnd) AS discount,
                 sum(l.net_vnd) AS net, sum(l.commission_vnd) AS commission,
                 group_concat(DISTINCT l.commission_bp) AS rates
          FROM sales x CROSS JOIN sale_lines l ON l.sale_id = x.id
          WHERE x.business_date BETWEEN :start AND :end
            AND (:producer IS NULL OR l.producer_id = :producer)
          GROUP BY l.producer_id, l.product_id),
        r AS (
          SELECT l.producer_id, l.product_id, sum(rl.qty) AS qty, sum(rl.net_vnd) AS net,
                 sum(rl.commission_vnd) AS commission,
                 group_concat(DISTINCT l.commission_bp) AS rates
          FROM refund_lines rl JOIN refunds f ON f.id = rl.refund_id
          JOIN sale_lines l ON l.id = rl.sale_line_id
          WHERE f.business_date BETWEEN :start AND :end
            AND (:producer IS NULL OR l.producer_id = :producer)
          GROUP BY l.producer_id, l.product_id),
        k AS (SELECT producer_id, product_id FROM s UNION SELECT producer_id, product_id FROM r)
        SELECT pr.code, p.sku, p.name,
          coalesce(s.qty, 0), coalesce(r.qty, 0), coalesce(s.gross, 0), coalesce(s.discount, 0),
          coalesce(r.net, 0), coalesce(s.net, 0) - coalesce(r.net, 0),
          coalesce(s.commission, 0) - coalesce(r.commission, 0),
          coalesce(s.rates, r.rates, '')
        FROM k JOIN products p ON p.id = k.product_id JOIN producers pr ON pr.id = k.producer_id
        LEFT JOIN s ON s.producer_id = k.producer_id AND s.product_id = k.product_id
        LEFT JOIN r ON r.producer_id = k.producer_id AND r.product_id = k.product_id
        ORDER BY pr.code, p.sku
        """,
        period,
    ).fetchall()
    return [
        (
            row[0],
            SalesRow(*row[1:10], due_vnd=row[8] - row[9], commission_terms=_terms(row[10])),
        )
        for row in rows
    ]


def _terms(rates: str) -> str:
    """The commission rates the lines were sold at ('20 %', or '20 % / 22,5 %' when the
    producer's terms changed within the period)."""
    return " / ".join(format_bp(int(bp)) for bp in sorted(set(rates.split(",")), key=int) if bp)
