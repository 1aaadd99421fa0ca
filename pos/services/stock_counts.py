"""Stock counts: a working sheet of units counted per product (scanned or typed), compared
with the ledger, and posted as one count adjustment with a reason for each difference.

Counting is per product because a scan names a product, not a lot. A difference is spread
over the product's lots: missing units come off the lots that would have sold first (FEFO),
found units go to the lot received last."""

from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from pos.clock import now_iso, today
from pos.errors import NotFound, ValidationError
from pos.permissions import Approval, User
from pos.services import approvals, audit
from pos.services.catalog import find_product_by_code, producer_id_of
from pos.services.periods import check_open
from pos.services.stock import (
    LOT_ON_HAND,
    AdjustmentLine,
    PostedDocument,
    write_stock_adjustment,
)
from pos.storage.ledger import insert_row, next_document_number
from pos.text import nfc

COUNT_SERIES = "KK"  # phiếu kiểm kê


@dataclass(frozen=True)
class StockCount:
    id: int
    number: str
    producer_code: str | None  # None: every producer
    started_at: str
    started_by: str
    status: str


@dataclass(frozen=True)
class CountVariance:
    """One product of the count: what the ledger says, what was counted, and why they differ."""

    product_id: int
    sku: str
    product_name: str
    producer_code: str
    expected: int
    counted: int
    scanned: bool  # False: nobody counted it yet, so it stands at 0
    reason: str

    @property
    def variance(self) -> int:
        return self.counted - self.expected


def start_count(db: Database, producer_code: str | None, actor: User) -> StockCount:
    """Open a count for one producer or all; only one count is open at a time."""
    with db.atomic():
        if open_count(db) is not None:
            raise ValidationError("đang có một phiếu kiểm kê chưa xong: hoàn tất hoặc hủy nó trước")
        producer_id = producer_id_of(db, producer_code) if producer_code else None
        number = next_document_number(db, COUNT_SERIES)
        count_id = insert_row(
            db,
            "stock_counts",
            {
                "number": number,
                "producer_id": producer_id,
                "started_at": now_iso(),
                "started_by": actor.username,
                "status": "open",
            },
        )
    return _count(db, count_id)


def open_count(db: Database) -> StockCount | None:
    row = db.execute("SELECT id FROM stock_counts WHERE status = 'open'").fetchone()
    return _count(db, row[0]) if row else None


def _count(db: Database, count_id: int) -> StockCount:
    row = db.execute(
        "SELECT c.id, c.number, pr.code, c.started_at, c.started_by, c.status "
        "FROM stock_counts c LEFT JOIN producers pr ON pr.id = c.producer_id WHERE c.id = ?",
        [count_id],
    ).fetchone()
    if row is None:
        raise NotFound(f"không có phiếu kiểm kê #{count_id}")
    return StockCount(*row)


def _open(db: Database, count_id: int) -> StockCount:
    count = _count(db, count_id)
    if count.status != "open":
        raise ValidationError(f"phiếu kiểm kê {count.number} đã đóng")
    return count


def count_scan(db: Database, count_id: int, code: str, qty: int = 1) -> CountVariance:
    """Add ``qty`` counted units of the product a barcode or sku names."""
    with db.atomic():
        count = _open(db, count_id)
        product = find_product_by_code(db, nfc(code))
        if product is None:
            raise NotFound(f"không tìm thấy mã '{code.strip()}'")
        if count.producer_code and product.producer_code != count.producer_code:
            raise ValidationError(
                f"{product.sku} thuộc chủ thể {product.producer_code}, "
                f"không thuộc lượt kiểm kê {count.producer_code}"
            )
        counted = _counted(db, count_id, product.id) + qty
        if counted < 0:
            raise ValidationError(f"số đếm của {product.sku} không thể nhỏ hơn 0")
        _write_counted(db, count_id, product.id, counted)
    return _variance_of(db, count_id, product.id)


def set_counted(db: Database, count_id: int, product_id: int, counted: int) -> CountVariance:
    """Correct a product's counted units (a recount, a miscount)."""
    if counted < 0:
        raise ValidationError("số đếm không thể nhỏ hơn 0")
    with db.atomic():
        _open(db, count_id)
        _write_counted(db, count_id, product_id, counted)
    return _variance_of(db, count_id, product_id)


def set_reason(db: Database, count_id: int, product_id: int, reason: str) -> None:
    """Why a product's count differs from the books (broken, lost, wrong lot...)."""
    with db.atomic():
        _open(db, count_id)
        db.execute(
            "INSERT INTO stock_count_lines (stock_count_id, product_id, counted, reason) "
            "VALUES (?, ?, 0, ?) ON CONFLICT DO UPDATE SET reason = excluded.reason",
            [count_id, product_id, nfc(reason).strip()],
        )


def _write_counted(db: Database, count_id: int, product_id: int, counted: int) -> None:
    db.execute(
        "INSERT INTO stock_count_lines (stock_count_id, product_id, counted) VALUES (?, ?, ?) "
        "ON CONFLICT DO UPDATE SET counted = excluded.counted",
        [count_id, product_id, counted],
    )


def _counted(db: Database, count_id: int, product_id: int) -> int:
    row = db.execute(
        "SELECT counted FROM stock_count_lines WHERE stock_count_id = ? AND product_id = ?",
        [count_id, product_id],
    ).fetchone()
    return row[0] if row else 0


# Products in the count's scope that have stock or have been counted, with both figures.
_VARIANCES = """
SELECT p.id, p.sku, p.name, pr.code,
       (SELECT coalesce(sum(b.on_hand), 0) FROM lot_balances b WHERE b.product_id = p.id)
         AS expected,
       coalesce(c.counted, 0), c.product_id IS NOT NULL, coalesce(c.reason, '')
FROM products p JOIN producers pr ON pr.id = p.producer_id
LEFT JOIN stock_count_lines c ON c.product_id = p.id AND c.stock_count_id = :count
WHERE (:producer IS NULL OR pr.code = :producer) AND (:product IS NULL OR p.id = :product)
"""


def count_variances(
    db: Database, count_id: int, only_differences: bool = False
) -> list[CountVariance]:
    """Every product of the count, differences first; products not yet counted stand at 0."""
    count = _count(db, count_id)
    variances = [
        v for v in _variance_rows(db, count_id, count.producer_code) if v.expected or v.scanned
    ]
    if only_differences:
        variances = [v for v in variances if v.variance != 0]
    return sorted(variances, key=lambda v: (v.variance == 0, v.producer_code, v.sku))


def _variance_of(db: Database, count_id: int, product_id: int) -> CountVariance:
    [variance] = _variance_rows(db, count_id, None, product_id)
    return variance


def _variance_rows(
    db: Database, count_id: int, producer_code: str | None, product_id: int | None = None
) -> list[CountVariance]:
    rows = db.execute(
        _VARIANCES, {"count": count_id, "producer": producer_code, "product": product_id}
    ).fetchall()
    return [CountVariance(*row[:6], scanned=bool(row[6]), reason=row[7]) for row in rows]


def sales_since_start(db: Database, count_id: int) -> int:
    """Sales rung up while counting make the books move under the counter's feet."""
    started_at = _count(db, count_id).started_at
    return db.execute("SELECT count(*) FROM sales WHERE sold_at > ?", [started_at]).fetchone()[0]


def count_subject(count: StockCount) -> str:
    return f"kiểm kê {count.number}"


def post_count(
    db: Database,
    count_id: int,
    actor: User,
    approval: Approval | None = None,
    on: date | None = None,
) -> PostedDocument | None:
    """Close the count: one count adjustment for every difference (None when all agree).
    Every difference needs its reason; a manager signs it off."""
    adjusted_on = on or today()
    with db.atomic():
        check_open(db, adjusted_on)  # inside: a close committed meanwhile is seen
        count = _open(db, count_id)
        approver = approvals.use_approval(
            db, actor, "stock_adjustment", count_subject(count), approval
        )
        differences = count_variances(db, count_id, only_differences=True)
        unexplained = [v.sku for v in differences if not v.reason]
        if unexplained:
            raise ValidationError("cần ghi lý do chênh lệch cho: " + ", ".join(unexplained))
        lines = [line for v in differences for line in _spread_over_lots(db, v)]
        posted = None
        if lines:
            posted = write_stock_adjustment(
                db, "count_adjustment", lines, f"Kiểm kê {count.number}", adjusted_on
            )
        db.execute(
            "UPDATE stock_counts SET status = 'posted', adjustment_id = ? WHERE id = ?",
            [posted.id if posted else None, count_id],
        )
        audit.record(
            db,
            "stock_count",
            actor.username,
            {"count": count.number, "document": posted.number if posted else None},
            approver,
        )
    return posted


def cancel_count(db: Database, count_id: int, actor: User) -> None:
    with db.atomic():
        count = _open(db, count_id)
        db.execute("UPDATE stock_counts SET status = 'cancelled' WHERE id = ?", [count_id])
        audit.record(db, "stock_count_cancelled", actor.username, {"count": count.number})


def _spread_over_lots(db: Database, variance: CountVariance) -> list[AdjustmentLine]:
    lots = db.execute(
        f"SELECT l.id, {LOT_ON_HAND} FROM lots l WHERE l.product_id = ? "
        "ORDER BY l.expiry_date IS NULL, l.expiry_date, l.id",
        [variance.product_id],
    ).fetchall()
    if variance.variance > 0:
        if not lots:
            raise ValidationError(
                f"{variance.sku} chưa từng được nhập kho: lập phiếu nhập thay vì điều chỉnh"
            )
        # Lots sold below zero (a stock exception) are put right first, the rest is newest.
        lines, found = [], variance.variance
        for lot_id, on_hand in lots:
            if on_hand < 0 and found:
                lines.append(AdjustmentLine(lot_id, min(-on_hand, found), variance.reason))
                found -= lines[-1].delta
        if found:
            newest = max(lot_id for lot_id, _ in lots)
            lines.append(AdjustmentLine(newest, found, variance.reason))
        return lines
    lines, missing = [], -variance.variance
    for lot_id, on_hand in lots:
        take = min(on_hand, missing)
        if take > 0:
            lines.append(AdjustmentLine(lot_id, -take, variance.reason))
            missing -= take
    return lines
