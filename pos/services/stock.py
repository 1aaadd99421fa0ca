"""Consignment stock: goods receipts, producer returns, count adjustments and write-offs,
and stock on hand, which is always a sum over the stock_movements ledger."""

from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from pos import lots as lot_rules
from pos.clock import iso_date, now_iso, today
from pos.consignment import retail_value_sql
from pos.errors import NotFound, StockError, ValidationError
from pos.money import format_vnd
from pos.permissions import Approval, User
from pos.services import approvals, audit
from pos.services.catalog import producer_id_of, write_instore_barcode
from pos.services.periods import check_open
from pos.services.settings import get_setting
from pos.storage.ledger import (
    Movement,
    append_to_journal,
    insert_row,
    next_document_number,
    record_movement,
    record_movements,
)
from pos.text import nfc

GOODS_RECEIPT_SERIES = "PNK"  # phiếu nhập kho (ký gửi)
PRODUCER_RETURN_SERIES = "PXT"  # phiếu xuất trả chủ thể
ADJUSTMENT_SERIES = "PDC"  # phiếu điều chỉnh kho
ADJUSTMENT_KINDS = ("count_adjustment", "write_off")


@dataclass(frozen=True)
class IntakeLine:
    """One line of a goods receipt as entered: which product, how many, which lot."""

    sku: str
    qty: int
    lot_code: str = ""
    production_date: date | None = None
    expiry_date: date | None = None


@dataclass(frozen=True)
class LotQty:
    lot_id: int
    qty: int


@dataclass(frozen=True)
class PostedDocument:
    id: int
    number: str
    line_count: int
    total_qty: int


@dataclass(frozen=True)
class LotStock:
    lot_id: int
    lot_code: str
    production_date: str | None
    expiry_date: str | None
    status: str
    product_id: int
    sku: str
    product_name: str
    producer_code: str
    producer_name: str
    on_hand: int


@dataclass(frozen=True)
class ProducerStock:
    producer_code: str
    producer_name: str
    products: int
    on_hand: int
    value_vnd: int


@dataclass(frozen=True)
class Allocation:
    """Where a sale takes its units from: lots first-expiry-first-out, plus any shortfall
    (the goods are in the customer's hands; the manager sees it as a stock exception)."""

    picks: tuple[LotQty, ...]
    shortfall: int


# ---- checking an intake line ----


@dataclass(frozen=True)
class _IntakeProduct:
    id: int
    producer_code: str
    tracks_expiry: bool
    has_barcode: bool


# Units on one intake line: far above any consignment, and with a price of at most
# pos.money.MAX_VND the stock value stays inside SQLite's int64.
MAX_INTAKE_QTY = 99_999


def check_intake_line(
    db: Database, producer_code: str, line: IntakeLine, received_on: date
) -> _IntakeProduct:
    """Everything that makes an intake line unacceptable, as one message."""
    row = db.execute(
        "SELECT p.id, pr.code, p.tracks_expiry, "
        "EXISTS (SELECT 1 FROM barcodes b WHERE b.product_id = p.id), p.active, pr.active "
        "FROM products p JOIN producers pr ON pr.id = p.producer_id WHERE p.sku = ?",
        [line.sku],
    ).fetchone()
    if row is None:
        raise NotFound(f"không có mặt hàng mã {line.sku}")
    product = _IntakeProduct(row[0], row[1], bool(row[2]), bool(row[3]))
    problems = []
    if not row[5]:
        problems.append(f"chủ thể {product.producer_code} đã ngừng ký gửi")
    elif not row[4]:
        problems.append(f"mặt hàng {line.sku} đã ngừng kinh doanh")
    if product.producer_code != producer_code:
        problems.append(
            f"mặt hàng {line.sku} thuộc chủ thể {product.producer_code}, không phải {producer_code}"
        )
    if not 0 < line.qty <= MAX_INTAKE_QTY:
        most = format_vnd(MAX_INTAKE_QTY, symbol=False)
        problems.append(f"số lượng phải từ 1 đến {most}, không phải {line.qty}")
    if product.tracks_expiry and line.expiry_date is None:
        problems.append(f"mặt hàng {line.sku} theo dõi hạn dùng: cần hạn sử dụng")
    if product.tracks_expiry and not line.lot_code:
        problems.append(f"mặt hàng {line.sku} theo dõi hạn dùng: cần số lô")
    if line.production_date and line.expiry_date and line.expiry_date < line.production_date:
        problems.append(
            f"hạn sử dụng {line.expiry_date:%d/%m/%Y} trước ngày sản xuất "
            f"{line.production_date:%d/%m/%Y}"
        )
    elif line.expiry_date and line.expiry_date < received_on:
        problems.append(f"hàng đã hết hạn ngày {line.expiry_date:%d/%m/%Y}")
    if line.production_date and line.production_date > received_on:
        problems.append(f"ngày sản xuất {line.production_date:%d/%m/%Y} sau ngày nhận hàng")
    if line.lot_code:
        lot = db.execute(
            "SELECT production_date, expiry_date FROM lots WHERE product_id = ? AND lot_code = ?",
            [product.id, line.lot_code],
        ).fetchone()
        dates = (iso_date(line.production_date), iso_date(line.expiry_date))
        if lot is not None and tuple(lot) != dates:
            problems.append(
                f"lô {line.lot_code} đã có với ngày sản xuất/hạn dùng khác ({lot[0]} / {lot[1]})"
            )
    if problems:
        raise ValidationError("; ".join(problems))
    return product


# ---- writes ----


def receive_goods(
    db: Database,
    producer_code: str,
    lines: list[IntakeLine],
    received_on: date | None = None,
    note: str = "",
    *,
    actor: User,
    approval: Approval | None = None,
) -> PostedDocument:
    """Post one consignment intake note: creates lots as needed and the intake movements.
    A manager's act, or a cashier's where the showroom allows it (``cashier_may_receive``)."""
    with db.atomic():
        subject = intake_subject(producer_code, lines)
        approver = approvals.use_approval(db, actor, "goods_receipt", subject, approval)
        posted = write_goods_receipt(db, producer_code, lines, received_on or today(), note)
        audit.record(db, "goods_receipt", actor.username, {"document": posted.number}, approver)
        return posted


def intake_subject(producer_code: str, lines: list[IntakeLine]) -> str:
    return f"nhập {sum(line.qty for line in lines)} đơn vị của {producer_code}"


def return_subject(producer_code: str, lines: list[LotQty]) -> str:
    return f"trả {sum(line.qty for line in lines)} đơn vị cho {producer_code}"


def adjustment_subject(kind: str, lines: list[LotQty]) -> str:
    what = "hủy" if kind == "write_off" else "điều chỉnh"
    return f"{what} {sum(abs(line.qty) for line in lines)} đơn vị, {len(lines)} lô"


def write_goods_receipt(
    db: Database, producer_code: str, lines: list[IntakeLine], received_on: date, note: str = ""
) -> PostedDocument:
    if not lines:
        raise ValidationError("phiếu nhập không có dòng hàng nào")
    check_open(db, received_on)
    producer_id = producer_id_of(db, producer_code)
    products = [check_intake_line(db, producer_code, line, received_on) for line in lines]
    number = next_document_number(db, GOODS_RECEIPT_SERIES)
    received = received_on.isoformat()
    receipt_id = insert_row(
        db,
        "goods_receipts",
        {
            "number": number,
            "producer_id": producer_id,
            "received_on": received,
            "note": nfc(note),
            "posted_at": now_iso(),
            **_producer_as_posted(db, producer_id),
        },
    )
    label_every_product = get_setting(db, "auto_instore_barcodes") == "1"
    lot_ids = _lot_ids(db, number, lines, products)
    rows, movements, payload_lines = [], [], []
    for line, product in zip(lines, products, strict=True):
        if label_every_product and not product.has_barcode:
            write_instore_barcode(db, product.id)
        lot_code = line.lot_code or number
        lot_id = lot_ids[product.id, lot_code]
        rows.append((receipt_id, product.id, lot_id, line.qty))
        movements.append(
            Movement(product.id, lot_id, line.qty, "intake", "goods_receipt", receipt_id, received)
        )
        payload_lines.append(
            {
                "sku": line.sku,
                "lot": lot_code,
                "qty": line.qty,
                "expiry": iso_date(line.expiry_date),
            }
        )
    db.conn.executemany(_lines_as_posted("goods_receipt_lines", "goods_receipt_id"), rows)
    record_movements(db, movements)
    append_to_journal(
        db,
        "goods_receipt",
        receipt_id,
        number,
        {"producer": producer_code, "received_on": received, "lines": payload_lines},
    )
    return PostedDocument(receipt_id, number, len(lines), sum(line.qty for line in lines))


def _producer_as_posted(db: Database, producer_id: int) -> dict[str, str]:
    """What a stock note prints of its producer, kept on the document (reprints show it)."""
    columns = ("name", "kind", "province", "phone", "tax_code")
    row = db.execute(
        f"SELECT {', '.join(columns)} FROM producers WHERE id = ?", [producer_id]
    ).fetchone()
    return {f"producer_{column}": value for column, value in zip(columns, row, strict=True)}


def _lines_as_posted(table: str, parent: str) -> str:
    """A stock note's line, with the product's name, unit and price as posted."""
    return (
        f"INSERT INTO {table} ({parent}, product_id, lot_id, qty, product_name, unit, price_vnd) "
        "SELECT ?1, ?2, ?3, ?4, name, unit, price_vnd FROM products WHERE id = ?2"
    )


def _lot_ids(
    db: Database, number: str, lines: list[IntakeLine], products: list[_IntakeProduct]
) -> dict[tuple[int, str], int]:
    """(product id, lot code) -> lot id for every line, new lots created; a product without
    lot tracking still gets a lot: the receipt number names it."""
    db.conn.executemany(
        "INSERT INTO lots (product_id, lot_code, production_date, expiry_date, status, "
        "created_at) VALUES (?, ?, ?, ?, 'active', ?) "
        "ON CONFLICT (product_id, lot_code) DO NOTHING",
        [
            (
                product.id,
                line.lot_code or number,
                iso_date(line.production_date),
                iso_date(line.expiry_date),
                now_iso(),
            )
            for line, product in zip(lines, products, strict=True)
        ],
    )
    wanted = {
        (product.id, line.lot_code or number) for line, product in zip(lines, products, strict=True)
    }
    return {
        key: db.execute(
            "SELECT id FROM lots WHERE product_id = ? AND lot_code = ?", list(key)
        ).fetchone()[0]
        for key in wanted
    }


def return_to_producer(
    db: Database,
    producer_code: str,
    lines: list[LotQty],
    reason: str,
    returned_on: date | None = None,
    *,
    actor: User,
    approval: Approval | None = None,
) -> PostedDocument:
    """Hand goods back to their producer (unsold, expiring, recalled); never more than on
    hand. Never a cashier's act alone."""
    with db.atomic():
        subject = return_subject(producer_code, lines)
        approver = approvals.use_approval(db, actor, "producer_return", subject, approval)
        posted = write_producer_return(db, producer_code, lines, reason, returned_on or today())
        audit.record(db, "producer_return", actor.username, {"document": posted.number}, approver)
        return posted


def return_reason(reason: str) -> str:
    """A return's reason as kept, or refused: screens ask it before confirming the return."""
    reason = nfc(reason).strip()
    if not reason:
        raise ValidationError("cần ghi lý do trả hàng")
    return reason


def write_producer_return(
    db: Database, producer_code: str, lines: list[LotQty], reason: str, returned_on: date
) -> PostedDocument:
    """The return document, its movements and journal entry, in the caller's transaction."""
    reason = return_reason(reason)
    if not lines:
        raise ValidationError("phiếu trả hàng không có dòng nào")
    returned = returned_on.isoformat()
    check_open(db, returned_on)
    producer_id = producer_id_of(db, producer_code)
    lots = [_lot_for_outflow(db, line, producer_code) for line in lines]
    _refuse_negative_stock(db, [(line.lot_id, -line.qty) for line in lines])
    number = next_document_number(db, PRODUCER_RETURN_SERIES)
    return_id = insert_row(
        db,
        "producer_returns",
        {
            "number": number,
            "producer_id": producer_id,
            "returned_on": returned,
            "reason": reason,
            "posted_at": now_iso(),
            **_producer_as_posted(db, producer_id),
        },
    )
    for line, (product_id, _lot_code) in zip(lines, lots, strict=True):
        db.execute(
            _lines_as_posted("producer_return_lines", "producer_return_id"),
            [return_id, product_id, line.lot_id, line.qty],
        )
        record_movement(
            db,
            product_id=product_id,
            lot_id=line.lot_id,
            qty=-line.qty,
            kind="producer_return",
            document_type="producer_return",
            document_id=return_id,
            moved_on=returned,
        )
    append_to_journal(
        db,
        "producer_return",
        return_id,
        number,
        {
            "producer": producer_code,
            "returned_on": returned,
            "reason": reason,
            "lines": [
                {"lot": code, "qty": line.qty} for line, (_, code) in zip(lines, lots, strict=True)
            ],
        },
    )
    return PostedDocument(return_id, number, len(lines), sum(line.qty for line in lines))


def _lot_for_outflow(db: Database, line: LotQty, producer_code: str) -> tuple[int, str]:
    row = db.execute(
        "SELECT l.product_id, l.lot_code, pr.code FROM lots l "
        "JOIN products p ON p.id = l.product_id JOIN producers pr ON pr.id = p.producer_id "
        "WHERE l.id = ?",
        [line.lot_id],
    ).fetchone()
    if row is None:
        raise NotFound(f"không có lô #{line.lot_id}")
    product_id, lot_code, owner = row
    if owner != producer_code:
        raise ValidationError(f"lô {lot_code} thuộc chủ thể {owner}, không phải {producer_code}")
    if line.qty <= 0:
        raise ValidationError(f"số lượng trả của lô {lot_code} phải lớn hơn 0")
    return product_id, lot_code


def _refuse_negative_stock(db: Database, lot_deltas: list[tuple[int, int]]) -> None:
    """No lot may go below zero, counting every line of the document that touches it."""
    totals: dict[int, int] = {}
    for lot_id, delta in lot_deltas:
        totals[lot_id] = totals.get(lot_id, 0) + delta
    for lot_id, delta in totals.items():
        available = lot_on_hand(db, lot_id)
        if available + delta < 0:
            code = db.execute("SELECT lot_code FROM lots WHERE id = ?", [lot_id]).fetchone()[0]
            raise StockError(f"lô {code} chỉ còn {available}, không thể giảm {-delta}")


def adjust_stock(
    db: Database,
    kind: str,
    lines: list[LotQty],
    reason: str,
    adjusted_on: date | None = None,
    *,
    actor: User,
    approval: Approval | None = None,
) -> PostedDocument:
    """A count adjustment (signed qty: found or missing units) or a write-off (damaged,
    expired: qty given as a positive number of units taken out): a manager's act, audited."""
    if kind == "write_off" and any(line.qty < 0 for line in lines):
        raise ValidationError("số lượng hủy phải là số dương")
    deltas = [
        AdjustmentLine(line.lot_id, -line.qty if kind == "write_off" else line.qty)
        for line in lines
    ]
    adjusted = adjusted_on or today()
    with db.atomic():
        check_open(db, adjusted)  # inside: a close committed meanwhile is seen
        subject = adjustment_subject(kind, lines)
        approver = approvals.use_approval(db, actor, "stock_adjustment", subject, approval)
        posted = write_stock_adjustment(db, kind, deltas, reason, adjusted)
        audit.record(db, "stock_adjustment", actor.username, {"document": posted.number}, approver)
    return posted


@dataclass(frozen=True)
class AdjustmentLine:
    """A signed change to one lot, and why (a count gives each product its own reason)."""

    lot_id: int
    delta: int
    reason: str = ""


def write_stock_adjustment(
    db: Database, kind: str, lines: list[AdjustmentLine], reason: str, adjusted_on: date
) -> PostedDocument:
    """The adjustment document, its movements and journal entry, in the caller's transaction."""
    if kind not in ADJUSTMENT_KINDS:
        raise ValidationError(f"loại điều chỉnh không hợp lệ: {kind}")
    reason = nfc(reason).strip()
    if not reason:
        raise ValidationError("cần ghi lý do điều chỉnh kho")
    if not lines or any(line.delta == 0 for line in lines):
        raise ValidationError("mỗi dòng điều chỉnh cần số lượng khác 0")
    adjusted = adjusted_on.isoformat()
    lots = []
    for line in lines:
        row = db.execute(
            "SELECT product_id, lot_code FROM lots WHERE id = ?", [line.lot_id]
        ).fetchone()
        if row is None:
            raise NotFound(f"không có lô #{line.lot_id}")
        lots.append(row)
    _refuse_negative_stock(db, [(line.lot_id, line.delta) for line in lines])
    number = next_document_number(db, ADJUSTMENT_SERIES)
    adjustment_id = insert_row(
        db,
        "stock_adjustments",
        {
            "number": number,
            "kind": kind,
            "adjusted_on": adjusted,
            "reason": reason,
            "posted_at": now_iso(),
        },
    )
    for line, (product_id, _code) in zip(lines, lots, strict=True):
        db.execute(
            "INSERT INTO stock_adjustment_lines "
            "(stock_adjustment_id, product_id, lot_id, qty_delta, reason) VALUES (?, ?, ?, ?, ?)",
            [adjustment_id, product_id, line.lot_id, line.delta, nfc(line.reason).strip()],
        )
        record_movement(
            db,
            product_id=product_id,
            lot_id=line.lot_id,
            qty=line.delta,
            kind=kind,
            document_type="stock_adjustment",
            document_id=adjustment_id,
            moved_on=adjusted,
        )
    payload_lines = []
    for line, (_, code) in zip(lines, lots, strict=True):
        entry = {"lot": code, "qty": line.delta}
        if line.reason:
            entry["reason"] = nfc(line.reason).strip()
        payload_lines.append(entry)
    append_to_journal(
        db,
        "stock_adjustment",
        adjustment_id,
        number,
        {"kind": kind, "adjusted_on": adjusted, "reason": reason, "lines": payload_lines},
    )
    return PostedDocument(adjustment_id, number, len(lines), sum(line.delta for line in lines))


def set_lot_blocked(db: Database, lot_id: int, blocked: bool) -> None:
    """Block a lot (recall, quality doubt) so nothing more is sold from it, or release it."""
    with db.atomic():
        cursor = db.execute(
            "UPDATE lots SET status = ? WHERE id = ?", ["blocked" if blocked else "active", lot_id]
        )
        if cursor.rowcount == 0:
            raise NotFound(f"không có lô #{lot_id}")


# ---- reads ----


@dataclass(frozen=True)
class GoodsReceiptSummary:
    number: str
    producer_code: str
    received_on: str
    units: int


def recent_goods_receipts(db: Database, limit: int = 50) -> list[GoodsReceiptSummary]:
    rows = db.execute(
        "SELECT g.number, pr.code, g.received_on, "
        "(SELECT sum(qty) FROM goods_receipt_lines l WHERE l.goods_receipt_id = g.id) "
        "FROM goods_receipts g JOIN producers pr ON pr.id = g.producer_id "
        "ORDER BY g.id DESC LIMIT ?",
        [limit],
    ).fetchall()
    return [GoodsReceiptSummary(*row) for row in rows]


# A lot's units on hand (over the lots alias ``l``): its kept balance, which the trigger on
# every movement keeps and check proves equal to the ledger's sum; no row means none.
LOT_ON_HAND = (
    "coalesce((SELECT b.on_hand FROM lot_balances b "
    "WHERE b.product_id = l.product_id AND b.lot_id = l.id), 0)"
)


def balances_before_sql(day: str) -> str:
    """(product_id, lot_id, qty): each lot's units on hand at the start of ``day`` (an SQL
    expression, ISO text), for lots that held or owed any: the kept balances less what moved
    on or after it, read through the ledger's day index, so a past date costs what happened
    since and not the years before it."""
    return f"""
    SELECT product_id, lot_id, sum(qty) AS qty FROM (
      SELECT product_id, lot_id, on_hand AS qty FROM lot_balances
      UNION ALL
      SELECT product_id, lot_id, -qty FROM stock_movements WHERE moved_on >= {day})
    GROUP BY product_id, lot_id HAVING sum(qty) != 0"""


def lot_on_hand(db: Database, lot_id: int) -> int:
    row = db.execute(f"SELECT {LOT_ON_HAND} FROM lots l WHERE l.id = ?", [lot_id]).fetchone()
    return row[0] if row else 0


# Stock per lot is each lot's kept balance, so asking for one product's or one producer's
# lots never aggregates the ledger.
_LOT_STOCK = """
SELECT * FROM (
  SELECT l.id AS lot_id, l.lot_code, l.production_date, l.expiry_date, l.status,
         p.id, p.sku, p.name, pr.code AS producer_code, pr.name,
         {on_hand} AS on_hand,
         l.expiry_date IS NULL AS no_expiry
  FROM lots l
  JOIN products p ON p.id = l.product_id
  JOIN producers pr ON pr.id = p.producer_id
  {where}
)
"""


def stock_by_lot(
    db: Database,
    producer_code: str | None = None,
    include_empty: bool = False,
    product_id: int | None = None,
) -> list[LotStock]:
    """Every lot with units on hand (or all lots), by producer, product, then expiry."""
    conditions, params = [], []
    if producer_code:
        conditions.append("pr.code = ?")
        params.append(producer_code)
    if product_id is not None:
        conditions.append("p.id = ?")
        params.append(product_id)
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    nonzero = "" if include_empty else "WHERE on_hand != 0"
    rows = db.execute(
        f"{_LOT_STOCK.format(where=where, on_hand=LOT_ON_HAND)} {nonzero} "
        "ORDER BY producer_code, sku, no_expiry, expiry_date, lot_id",
        params,
    ).fetchall()
    return [LotStock(*row[:11]) for row in rows]


def get_lot(db: Database, lot_id: int) -> LotStock:
    row = db.execute(
        _LOT_STOCK.format(where="WHERE l.id = ?", on_hand=LOT_ON_HAND), [lot_id]
    ).fetchone()
    if row is None:
        raise NotFound(f"không có lô #{lot_id}")
    return LotStock(*row[:11])


def stock_by_producer(db: Database) -> list[ProducerStock]:
    rows = db.execute(
        f"""
        SELECT pr.code, pr.name, count(p.id), coalesce(sum(m.on_hand), 0),
               coalesce(sum({retail_value_sql("p.price_vnd", "m.on_hand")}), 0)
        FROM producers pr
        LEFT JOIN products p ON p.producer_id = pr.id
        LEFT JOIN (SELECT product_id, sum(on_hand) AS on_hand FROM lot_balances
                   GROUP BY product_id) m ON m.product_id = p.id
        GROUP BY pr.id ORDER BY pr.code
        """
    ).fetchall()
    return [ProducerStock(*row) for row in rows]


@dataclass(frozen=True)
class LotOnHand:
    lot_id: int
    lot_code: str
    expiry_date: str | None
    status: str
    on_hand: int

    def sellable(self, on: date) -> bool:
        return lot_rules.sellable(self.status, self.expiry_date, on)


def lots_on_hand(db: Database, product_id: int) -> list[LotOnHand]:
    """A product's lots that hold stock, first expiry first (lots without expiry last): the
    product's range of the kept balances (live lots only), which a sale line both checks and
    allocates from."""
    rows = db.execute(
        """
        SELECT l.id, l.lot_code, l.expiry_date, l.status, b.on_hand
        FROM lot_balances b JOIN lots l ON l.id = b.lot_id
        WHERE b.product_id = ? AND b.on_hand > 0
        ORDER BY l.expiry_date IS NULL, l.expiry_date, l.id
        """,
        [product_id],
    ).fetchall()
    return [LotOnHand(*row) for row in rows]


def allocate_fefo(db: Database, product_id: int, qty: int, on: date) -> Allocation:
    """Take ``qty`` units from sellable lots, earliest expiry first (lots without expiry last).
    Expired and blocked lots are never picked."""
    return pick_fefo(lots_on_hand(db, product_id), qty, on)


def pick_fefo(lots: list[LotOnHand], qty: int, on: date) -> Allocation:
    """allocate_fefo over lots already read (lots_on_hand)."""
    if qty <= 0:
        raise ValidationError("số lượng phải lớn hơn 0")
    picks, remaining = [], qty
    for lot in lots:
        if remaining == 0:
            break
        if lot.sellable(on):
            take = min(lot.on_hand, remaining)
            picks.append(LotQty(lot.lot_id, take))
            remaining -= take
    return Allocation(tuple(picks), remaining)
