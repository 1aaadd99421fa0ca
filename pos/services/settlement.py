"""The figures of a producer's settlement statement for a period: stock reconciliation per
product and lot, sales with commission (refunds reversed in the period they happened), and
the amount owed. Read-only; issuing, period close and payouts build on it."""

from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from pos.money import format_bp
from pos.services.catalog import producer_id_of

STOCK_KINDS = {  # movement kind -> statement column
    "intake": "received",
    "sale": "sold",
    "refund": "refunded",
    "producer_return": "returned",
    "count_adjustment": "adjusted",
    "write_off": "adjusted",
}


@dataclass(frozen=True)
class StockRow:
    sku: str
    product_name: str
    lot_code: str
    expiry_date: str | None
    opening: int
    received: int
    sold: int  # units out to customers (positive)
    refunded: int  # units back from customers
    returned: int  # units handed back to the producer (positive)
    adjusted: int  # counts and write-offs, signed
    closing: int

    def balances(self) -> bool:
        return (
            self.opening + self.received - self.sold + self.refunded - self.returned + self.adjusted
            == self.closing
        )


@dataclass(frozen=True)
class SalesRow:
    sku: str
    product_name: str
    qty_sold: int
    qty_refunded: int
    gross_vnd: int
    discount_vnd: int
    refund_vnd: int  # customers' refunds in this period (of this or earlier months' sales)
    net_vnd: int  # gross - discount - refunds
    commission_vnd: int
    due_vnd: int  # to the producer: net less commission
    commission_terms: str = ""


@dataclass(frozen=True)
class StatementFigures:
    producer_code: str
    start: date
    end: date
    stock: tuple[StockRow, ...]
    sales: tuple[SalesRow, ...]
    net_vnd: int
    commission_vnd: int
    owed_vnd: int  # net - commission + agreed adjustments
    adjustments: tuple[tuple[str, str, int], ...] = ()  # agreed with the producer: day, why, ±

    @property
    def adjustments_vnd(self) -> int:
        return sum(amount for _, _, amount in self.adjustments)


def statement_figures(db: Database, producer_code: str, start: date, end: date) -> StatementFigures:
    producer_id = producer_id_of(db, producer_code)
    period = {"producer": producer_id, "start": start.isoformat(), "end": end.isoformat()}
    stock = tuple(_stock_rows(db, period))
    sales = tuple(_sales_rows(db, period))
    net = sum(row.net_vnd for row in sales)
    commission = sum(row.commission_vnd for row in sales)
    adjustments = tuple(
        tuple(row)
        for row in db.execute(
            "SELECT on_date, reason, amount_vnd FROM agreed_adjustments "
            "WHERE producer_id = :producer AND on_date BETWEEN :start AND :end "
            "ORDER BY on_date, id",
            period,
        ).fetchall()
    )
    owed = net - commission + sum(amount for _, _, amount in adjustments)
    return StatementFigures(
        producer_code, start, end, stock, sales, net, commission, owed, adjustments
    )


def _stock_rows(db: Database, period: dict) -> list[StockRow]:
    rows = db.execute(
        """
        SELECT p.sku, p.name, l.lot_code, l.expiry_date,
          coalesce(sum(CASE WHEN m.moved_on < :start THEN m.qty END), 0),
          coalesce(sum(CASE WHEN m.moved_on BETWEEN :start AND :end AND m.kind = 'intake'
                       THEN m.qty END), 0),
          -coalesce(sum(CASE WHEN m.moved_on BETWEEN :start AND :end AND m.kind = 'sale'
                        THEN m.qty END), 0),
          coalesce(sum(CASE WHEN m.moved_on BETWEEN :start AND :end AND m.kind = 'refund'
                       THEN m.qty END), 0),
          -coalesce(sum(CASE WHEN m.moved_on BETWEEN :start AND :end
                        AND m.kind = 'producer_return' THEN m.qty END), 0),
          coalesce(sum(CASE WHEN m.moved_on BETWEEN :start AND :end
                       AND m.kind IN ('count_adjustment', 'write_off') THEN m.qty END), 0),
          coalesce(sum(CASE WHEN m.moved_on <= :end THEN m.qty END), 0)
        FROM lots l JOIN products p ON p.id = l.product_id
        JOIN stock_movements m ON m.lot_id = l.id
        WHERE p.producer_id = :producer
        GROUP BY l.id ORDER BY p.sku, l.expiry_date IS NULL, l.expiry_date, l.id
        """,
        period,
    ).fetchall()
    return [StockRow(*row) for row in rows if any(row[4:])]


def _sales_rows(db: Database, period: dict) -> list[SalesRow]:
    rows = db.execute(
        """
        SELECT p.sku, p.name,
          coalesce(s.qty, 0), coalesce(r.qty, 0), coalesce(s.gross, 0), coalesce(s.discount, 0),
          coalesce(r.net, 0), coalesce(s.net, 0) - coalesce(r.net, 0),
          coalesce(s.commission, 0) - coalesce(r.commission, 0),
          coalesce(s.rates, r.rates, '')
        FROM products p
        LEFT JOIN (SELECT l.product_id, sum(l.qty) AS qty, sum(l.gross_vnd) AS gross,
                          sum(l.line_discount_vnd + l.cart_discount_vnd) AS discount,
                          sum(l.net_vnd) AS net, sum(l.commission_vnd) AS commission,
                          group_concat(DISTINCT l.commission_bp) AS rates
                   FROM sale_lines l JOIN sales x ON x.id = l.sale_id
                   WHERE l.producer_id = :producer AND x.business_date BETWEEN :start AND :end
                   GROUP BY l.product_id) s ON s.product_id = p.id
        LEFT JOIN (SELECT l.product_id, sum(rl.qty) AS qty, sum(rl.net_vnd) AS net,
                          sum(rl.commission_vnd) AS commission,
                          group_concat(DISTINCT l.commission_bp) AS rates
                   FROM refund_lines rl JOIN refunds f ON f.id = rl.refund_id
                   JOIN sale_lines l ON l.id = rl.sale_line_id
                   WHERE l.producer_id = :producer AND f.business_date BETWEEN :start AND :end
                   GROUP BY l.product_id) r ON r.product_id = p.id
        WHERE p.producer_id = :producer AND (s.qty IS NOT NULL OR r.qty IS NOT NULL)
        ORDER BY p.sku
        """,
        period,
    ).fetchall()
    return [
        SalesRow(*row[:9], due_vnd=row[7] - row[8], commission_terms=_terms(row[9])) for row in rows
    ]


def _terms(rates: str) -> str:
    """The commission rates the lines were sold at ('20 %', or '20 % / 22,5 %' when the
    producer's terms changed within the period)."""
    return " / ".join(format_bp(int(bp)) for bp in sorted(set(rates.split(",")), key=int) if bp)
