"""Read-only reports for the Reports screen and `ocop-pos report`: sales by period or by
product, producer, province, region, OCOP rating and category; best and slow sellers; the
value of consigned stock on hand; and two ranges side by side.

Figures come from the sale and refund line snapshots, as settlement does: a sale counts on its
business date, a refund on the day it was made (so a later refund lowers the later period), and
commission is what the line recorded. Sums are SQL aggregates: the lines are never loaded."""

import json
from collections import defaultdict
from datetime import date, timedelta
from itertools import zip_longest

from sqlite_utils import Database

from pos import clock
from pos.catalog import OCOP_RATINGS
from pos.clock import display_date
from pos.consignment import retail_value
from pos.documents.reports import (
    ComparedRow,
    ProducerStockValue,
    SalesComparison,
    SalesReport,
    SalesReportRow,
    SlowMover,
    StockValue,
)
from pos.errors import ValidationError
from pos.money import share_bp
from pos.regions import UNKNOWN_REGION, province_name, region_of
from pos.services.catalog import commission_in_force
from pos.services.stock import balances_before_sql
from pos.text import nfc

PERIOD_GROUPINGS = ("day", "week", "month")
SALES_GROUPINGS = PERIOD_GROUPINGS + (
    "product",
    "producer",
    "province",
    "region",
    "rating",
    "category",
)
GROUPING_LABELS = {
    "day": "Ngày",
    "week": "Tuần",
    "month": "Tháng",
    "product": "Mặt hàng",
    "producer": "Chủ thể",
    "province": "Tỉnh/thành",
    "region": "Vùng",
    "rating": "Hạng OCOP",
    "category": "Ngành hàng",
}
NO_CATEGORY = "Chưa phân loại"


def sales_report(db: Database, date_from: date, date_to: date, by: str) -> SalesReport:
    """Sales and refunds from ``date_from`` to ``date_to`` (both included), one row per group;
    by day, week or month every period of the range has a row, even with nothing sold."""
    if by not in SALES_GROUPINGS:
        raise ValidationError(f"không có cách nhóm '{by}': dùng {', '.join(SALES_GROUPINGS)}")
    _check_range(date_from, date_to)
    if by in PERIOD_GROUPINGS:
        rows = _period_rows(db, date_from, date_to, by)
    else:
        rows = _dimension_rows(db, date_from, date_to, by)
    receipts = db.execute(
        "SELECT count(*) FROM sales WHERE business_date BETWEEN ? AND ?",
        [date_from.isoformat(), date_to.isoformat()],
    ).fetchone()[0]
    total = SalesReportRow(
        "",
        "Tổng cộng",
        *(sum(getattr(row, name) for row in rows) for name in _ADDITIVE),
        receipts=receipts,
    )
    return SalesReport(by, date_from, date_to, tuple(rows), total)


def _check_range(date_from: date, date_to: date) -> None:
    if date_from > date_to:
        raise ValidationError(
            f"ngày bắt đầu {date_from:%d/%m/%Y} ở sau ngày kết thúc {date_to:%d/%m/%Y}"
        )


_ADDITIVE = ("qty_sold", "sales_vnd", "qty_refunded", "refunds_vnd", "commission_vnd")

# CROSS JOIN fixes the loop order: the sales of the range first (by their date index), then
# their lines, then the group key. Left free, SQLite starts from the keys and reads every line
# of every producer (3 s instead of 16 ms for a month of a million-line showroom).
_SOLD = """
SELECT {key}, sum(l.qty), sum(l.net_vnd), sum(l.commission_vnd), count(DISTINCT l.sale_id)
FROM sales s CROSS JOIN sale_lines l ON l.sale_id = s.id {join}
WHERE s.business_date BETWEEN :start AND :end
GROUP BY 1
"""
_REFUNDED = """
SELECT {key}, sum(rl.qty), sum(rl.net_vnd), sum(rl.commission_vnd)
FROM refunds f JOIN refund_lines rl ON rl.refund_id = f.id
JOIN sale_lines l ON l.id = rl.sale_line_id {join}
WHERE f.business_date BETWEEN :start AND :end
GROUP BY 1
"""
# A group key per product or producer id, as a table SQL can join the lines to.
_KEYS = "WITH k(id, key) AS MATERIALIZED (SELECT CAST(key AS INTEGER), value FROM json_each(:keys))"
_KEY_JOIN = "CROSS JOIN k ON k.id = l.{column}"


def _figures(db: Database, start: date, end: date, key: str, join: str = "", keys=None):
    """Group key -> [qty sold, sales, commission, receipts, qty refunded, refunds]."""
    params = {"start": start.isoformat(), "end": end.isoformat(), "keys": json.dumps(keys or {})}
    figures: dict[str, list[int]] = defaultdict(lambda: [0] * 6)
    sold_sql = _KEYS + _SOLD.format(key=key.format(day="s.business_date"), join=join)
    for group, qty, amount, commission, receipts in db.execute(sold_sql, params):
        figures[group][:4] = [qty, amount, commission, receipts]
    refunded_sql = _KEYS + _REFUNDED.format(key=key.format(day="f.business_date"), join=join)
    for group, qty, amount, commission in db.execute(refunded_sql, params):
        row = figures[group]
        row[2] -= commission
        row[4:] = [qty, amount]
    return figures


def _row(key: str, label: str, figures: list[int], start: date | None = None) -> SalesReportRow:
    qty, amount, commission, receipts, qty_refunded, refunds = figures
    return SalesReportRow(
        key, label, qty, amount, qty_refunded, refunds, commission, receipts, start
    )


# ---- by period: summed per day in SQL (a receipt has one business date, so receipt counts
# add up across days), then rolled up into weeks and months here ----


def _period_rows(db: Database, start: date, end: date, by: str) -> list[SalesReportRow]:
    by_day = _figures(db, start, end, "{day}")
    periods: dict[date, list[int]] = {}
    day = start
    while day <= end:
        first = _period_start(day, by)
        totals = periods.setdefault(first, [0] * 6)
        for i, value in enumerate(by_day.get(day.isoformat(), ())):
            totals[i] += value
        day += timedelta(days=1)
    return [_row(*_period_name(first, by), figures, first) for first, figures in periods.items()]


def _period_start(day: date, by: str) -> date:
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    return day


def _period_name(first: date, by: str) -> tuple[str, str]:
    if by == "week":
        year, week, _ = first.isocalendar()
        return f"{year}-W{week:02d}", f"{year}-W{week:02d} ({first:%d/%m/%Y})"
    if by == "month":
        return f"{first:%Y-%m}", f"{first:%m/%Y}"
    return first.isoformat(), display_date(first.isoformat())


# ---- by product, producer, place, rating or category ----


def _dimension_rows(db: Database, start: date, end: date, by: str) -> list[SalesReportRow]:
    column, keys, labels = _group_keys(db, by)
    figures = _figures(db, start, end, "k.key", _KEY_JOIN.format(column=column), keys)
    rows = [_row(key, labels[key], values) for key, values in figures.items()]
    return sorted(rows, key=lambda row: (-row.net_vnd, row.key))


def _group_keys(db: Database, by: str) -> tuple[str, dict[int, str], dict[str, str]]:
    """(the sale line column, its id -> group key, group key -> label). Keys are worked out
    here, not in SQL, because provinces are matched as typed ('TP. Hồ Chí Minh' = 'Hồ Chí
    Minh') and regions come from pos.regions; the join keeps receipts counted once per group."""
    if by in ("product", "rating", "category"):
        rows = db.execute("SELECT id, sku, name, ocop_rating, category FROM products")
        if by == "product":
            named = {pid: (sku, name) for pid, sku, name, _, _ in rows}
        elif by == "rating":
            named = {pid: (rating, OCOP_RATINGS[rating]) for pid, _, _, rating, _ in rows}
        else:
            named = {pid: (cat, cat or NO_CATEGORY) for pid, _, _, _, cat in rows}
        column = "product_id"
    else:
        rows = db.execute("SELECT id, code, name, province FROM producers")
        if by == "producer":
            named = {pid: (code, name) for pid, code, name, _ in rows}
        elif by == "province":
            named = {pid: _province(province) for pid, _, _, province in rows}
        else:
            named = {pid: (region_of(p), region_of(p)) for pid, _, _, p in rows}
        column = "producer_id"
    keys = {pid: key for pid, (key, _) in named.items()}
    return column, keys, dict(named.values())


def _province(typed: str) -> tuple[str, str]:
    """A name not recognised as a province keeps its own group, as typed."""
    key = province_name(typed) or nfc(typed)
    return key, key or UNKNOWN_REGION


# ---- tables for the screen and the exports ----

# ---- best and slow sellers ----

TOP_MEASURES = ("net", "qty")


def top_products(
    db: Database, date_from: date, date_to: date, limit: int = 10, measure: str = "net"
) -> list[SalesReportRow]:
    """The ``limit`` products with the most net sales (or units, refunds deducted)."""
    if measure not in TOP_MEASURES:
        raise ValidationError(f"xếp hạng theo '{measure}' không có: dùng net hoặc qty")
    rows = sales_report(db, date_from, date_to, "product").rows
    if measure == "net":
        return list(rows[:limit])  # already by net sales, best first
    return sorted(rows, key=lambda row: (-row.net_qty, row.key))[:limit]


def slow_movers(db: Database, date_from: date, date_to: date, limit: int = 20) -> list[SlowMover]:
    """Active products with stock on hand at the end of the range that sold the fewest units
    in it (none at all first), the longest unsold first among equals."""
    _check_range(date_from, date_to)
    rows = db.execute(
        """
        SELECT p.sku, p.name, pr.code, h.on_hand, coalesce(s.qty, 0), h.last_sold
        FROM products p JOIN producers pr ON pr.id = p.producer_id
        JOIN (SELECT product_id, sum(qty) AS on_hand,
                     max(CASE WHEN kind = 'sale' THEN moved_on END) AS last_sold
              FROM stock_movements WHERE moved_on <= :end
              GROUP BY product_id HAVING sum(qty) > 0) h
          ON h.product_id = p.id
        LEFT JOIN (SELECT l.product_id, sum(l.qty) AS qty
                   FROM sales x JOIN sale_lines l ON l.sale_id = x.id
                   WHERE x.business_date BETWEEN :start AND :end
                   GROUP BY l.product_id) s ON s.product_id = p.id
        WHERE p.active = 1
        ORDER BY coalesce(s.qty, 0), h.last_sold IS NOT NULL, h.last_sold, p.sku
        LIMIT :limit
        """,
        {"start": date_from.isoformat(), "end": date_to.isoformat(), "limit": limit},
    ).fetchall()
    movers = []
    for sku, name, producer, on_hand, qty, last in rows:
        last_day = date.fromisoformat(last) if last else None
        days = (date_to - last_day).days if last_day else None
        movers.append(SlowMover(sku, name, producer, on_hand, qty, last_day, days))
    return movers


# ---- consigned stock on hand, valued ----


def stock_value(db: Database, on: date | None = None) -> StockValue:
    """Units on hand at the end of ``on`` (default today) per producer, valued per product
    at the current price and the commission in force on that day, rounded per product as a
    sale line is. Products short of stock (negative on hand) are left out: there is nothing
    there to value, the stock count settles them."""
    on = on or clock.today()
    products = db.execute(
        f"""
        SELECT p.id, p.producer_id, p.price_vnd, sum(m.qty)
        FROM ({balances_before_sql("?")}) m JOIN products p ON p.id = m.product_id
        GROUP BY p.id HAVING sum(m.qty) > 0
        """,
        [(on + timedelta(days=1)).isoformat()],
    ).fetchall()
    by_producer: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for product_id, producer_id, price, units in products:
        retail = retail_value(price, units)
        commission = share_bp(retail, commission_in_force(db, product_id, on))
        totals = by_producer[producer_id]
        totals[0] += units
        totals[1] += retail
        totals[2] += retail - commission
    names = {
        pid: (code, name) for pid, code, name in db.execute("SELECT id, code, name FROM producers")
    }
    rows = tuple(
        sorted(
            (ProducerStockValue(*names[pid], *totals) for pid, totals in by_producer.items()),
            key=lambda row: row.code,
        )
    )
    return StockValue(
        on,
        rows,
        sum(row.units for row in rows),
        sum(row.retail_vnd for row in rows),
        sum(row.cost_vnd for row in rows),
    )


# ---- two ranges side by side ----


def compare_sales(
    db: Database, earlier: tuple[date, date], later: tuple[date, date], by: str
) -> SalesComparison:
    """Both ranges grouped the same way. By period, rows pair up in order (the first day of
    one range against the first day of the other); otherwise by group key."""
    before, after = sales_report(db, *earlier, by), sales_report(db, *later, by)
    if by in PERIOD_GROUPINGS:
        pairs = list(zip_longest(before.rows, after.rows))
    else:
        old = {row.key: row for row in before.rows}
        new = {row.key: row for row in after.rows}
        keys = list(new) + [key for key in old if key not in new]
        pairs = [(old.get(key), new.get(key)) for key in keys]
    rows = tuple(_compared(old, new) for old, new in pairs)
    return SalesComparison(before, after, rows, _compared(before.total, after.total))


_NOTHING = SalesReportRow("", "", 0, 0, 0, 0, 0, 0)  # the side of a pair with no such group


def _compared(old: SalesReportRow | None, new: SalesReportRow | None) -> ComparedRow:
    shown = new or old
    return ComparedRow(shown.key, shown.label, old or _NOTHING, new or _NOTHING)
