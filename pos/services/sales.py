"""Posting a sale: one transaction writes the sale, its line snapshots, the lots they came
from, payments, stock movements and the journal entry; the number is gapless per terminal."""

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlite_utils import Database

from pos import clock
from pos.cart import Cart, CartLine, priced_within_limits
from pos.clock import display_date
from pos.errors import NotFound, StockError, ValidationError
from pos.money import BP_PER_WHOLE, format_vnd, share_bp
from pos.payments import Tender, check_tenders
from pos.permissions import Approval, User
from pos.services import audit, carts, catalog, print_queue
from pos.services.approvals import check_actor, use_approval
from pos.services.periods import check_open
from pos.services.settings import get_setting
from pos.services.shifts import Shift, current_shift, ensure_terminal
from pos.services.stock import LotOnHand, lots_on_hand, pick_fefo
from pos.storage.ledger import (
    append_to_journal,
    insert_row,
    next_document_number,
    peek_document_number,
    record_movement,
)

UNRECEIVED_LOT = "CHUA-NHAP"  # where units sold without any recorded stock are booked


@dataclass(frozen=True)
class Shortfall:
    sku: str
    qty: int


@dataclass(frozen=True)
class StockShortfall:
    """Units sold beyond recorded stock: counted wrong, received unrecorded, or mis-scanned."""

    sold_at: str
    sale_number: str
    sku: str
    product_name: str
    producer_code: str
    lot_code: str
    qty: int


@dataclass(frozen=True)
class PostedSale:
    id: int
    number: str
    total_vnd: int
    change_vnd: int
    shortfalls: tuple[Shortfall, ...]
    replayed: bool = False  # True when this payment attempt had already been posted
    clock_warning: str = ""  # the PC's clock is behind this till's previous sale


def cart_line(product: catalog.Product, qty: int, unit_price_vnd: int | None = None) -> CartLine:
    """A cart line for ``qty`` units at the catalog price (or the price actually charged)."""
    price_vnd = product.price_vnd if unit_price_vnd is None else unit_price_vnd
    return CartLine(
        product.id, product.sku, product.name, product.unit, price_vnd, product.vat_bp, qty
    )


def next_sale_number(db: Database, terminal_code: str) -> str:
    """The receipt number the till's next sale gets (shown in the VietQR purpose)."""
    return peek_document_number(db, terminal_code)


def check_sellable(db: Database, product_id: int, qty: int, on: date) -> None:
    """Refuse units that could only come from an expired or blocked lot, saying which.
    Units beyond all recorded stock are allowed: they become a stock shortfall."""
    refuse_unsellable(lots_on_hand(db, product_id), qty, on)


def refuse_unsellable(lots: list[LotOnHand], qty: int, on: date) -> None:
    """check_sellable over lots already read (stock.lots_on_hand)."""
    sellable = sum(lot.on_hand for lot in lots if lot.sellable(on))
    if qty <= sellable:
        return
    refused = [
        f"lô {lot.lot_code} đang bị khóa (thu hồi)"
        if lot.status == "blocked"
        else f"lô {lot.lot_code} đã hết hạn ngày {display_date(lot.expiry_date)}"
        for lot in lots
        if not lot.sellable(on)
    ]
    if refused:
        left = f"chỉ còn {sellable} bán được; " if sellable else ""
        raise StockError(f"Không bán được: {left}{', '.join(refused)}. Hãy để riêng hàng này.")


def product_for_scan(db: Database, code: str, qty: int, cart: Cart, on: date) -> catalog.Product:
    """What the till adds for ``qty`` more units of a scanned code, or why it cannot."""
    product = catalog.find_product_by_code(db, code, on)
    if product is None:
        raise NotFound(f"Không có sản phẩm mã '{code}'")
    if not product.active:
        raise ValidationError(f"Sản phẩm {product.sku} đã ngừng bán")
    check_sellable(db, product.id, cart.qty_of(product.id) + qty, on)
    return product


def post_sale(
    db: Database,
    terminal_code: str,
    cart: Cart,
    tenders: list[Tender],
    client_token: str,
    sold_at: datetime | None = None,
    queue_receipt: bool = False,
    *,
    actor: User,
    approvals: tuple[Approval, ...] = (),
) -> PostedSale:
    """Post a paid cart from the till. Calling again with the same ``client_token`` (a second
    Enter, a retry after an error) returns the sale already posted instead of a new one.
    With ``queue_receipt`` the receipt's print job is committed with the sale."""
    with db.atomic():
        existing = _posted_with_token(db, client_token)
        if existing:
            return existing
        shift = current_shift(db, terminal_code)
        if shift is None:
            raise ValidationError("Chưa mở ca: hãy mở ca trước khi bán")
        check_actor(db, actor)  # a sale is always someone's, signed in
        needed = approvals_needed(db, cart)
        approved_by = _use_approvals(db, actor, needed, approvals)
        sold_at = sold_at or clock.now()
        warning = _clock_behind(db, terminal_code, sold_at)
        posted = write_sale(
            db,
            terminal_code,
            cart,
            tenders,
            client_token,
            sold_at,
            shift,
            approved_by=approved_by,
            cashier_uuid=actor.uuid,
        )
        for action, subject in needed:  # changed prices, big discounts: in the audit log
            details = {"sale": posted.number, "subject": subject}
            audit.record(db, action, actor.username, details, approved_by, terminal_code)
        carts.clear_open_cart(db, terminal_code)
        if queue_receipt:
            cash = any(tender.method == "cash" for tender in tenders)
            print_queue.queue_receipt(db, posted.number, open_drawer=cash)
    return replace(posted, clock_warning=warning) if warning else posted


CLOCK_SLACK = timedelta(minutes=2)  # clocks are nudged by time sync; that is not a problem


def _clock_behind(db: Database, terminal_code: str, sold_at: datetime) -> str:
    """A sale is never refused for the clock (the customer has paid), but a PC clock that
    went back would date sales wrongly: say so, naming the previous sale."""
    row = db.execute(
        "SELECT number, sold_at FROM sales WHERE terminal_code = ? ORDER BY id DESC LIMIT 1",
        [terminal_code],
    ).fetchone()
    if row is None or datetime.fromisoformat(row[1]) <= sold_at + CLOCK_SLACK:
        return ""
    return (
        f"đồng hồ máy tính đang chậm hơn hóa đơn trước ({row[0]} lúc "
        f"{datetime.fromisoformat(row[1]):%d/%m/%Y %H:%M}): hãy kiểm tra ngày giờ của máy"
    )


def approvals_needed(db: Database, cart: Cart) -> list[tuple[str, str]]:
    """What a cashier needs a manager for in this cart, each as (action, subject): a changed
    price or a big discount, named by its line and amount, so an approval covers only that."""
    needed = set()
    limit_bp = int(get_setting(db, "discount_limit_bp"))
    totals = priced_within_limits(cart)
    for priced in totals.lines:
        line = priced.line
        catalog_price = db.execute(
            "SELECT price_vnd FROM products WHERE id = ?", [line.product_id]
        ).fetchone()[0]
        if line.unit_price_vnd != catalog_price:
            needed.add(("price_override", f"{line.sku}: giá {format_vnd(line.unit_price_vnd)}"))
        if priced.line_discount_vnd * BP_PER_WHOLE > priced.gross_vnd * limit_bp:
            off = format_vnd(priced.line_discount_vnd)
            needed.add(("discount_over_limit", f"{line.sku}: giảm {off}"))
    after_lines = totals.gross_vnd - sum(p.line_discount_vnd for p in totals.lines)
    cart_off = sum(p.cart_discount_vnd for p in totals.lines)
    if cart_off * BP_PER_WHOLE > after_lines * limit_bp:
        needed.add(("discount_over_limit", f"cả đơn: giảm {format_vnd(cart_off)}"))
    return sorted(needed)


def _use_approvals(
    db: Database, actor: User, needed: list[tuple[str, str]], given: tuple[Approval, ...]
) -> str | None:
    approvers = set()
    for action, subject in needed:
        approval = next((a for a in given if (a.action, a.subject) == (action, subject)), None)
        approver = use_approval(db, actor, action, subject, approval)
        if approver:
            approvers.add(approver)
    return ",".join(sorted(approvers)) or None


def _posted_with_token(db: Database, client_token: str) -> PostedSale | None:
    row = db.execute(
        "SELECT id, number, total_vnd, change_vnd FROM sales WHERE client_token = ?",
        [client_token],
    ).fetchone()
    return PostedSale(*row, shortfalls=(), replayed=True) if row else None


def write_sale(
    db: Database,
    terminal_code: str,
    cart: Cart,
    tenders: list[Tender],
    client_token: str,
    sold_at: datetime,
    shift: Shift | None,
    cashier: str = "",
    approved_by: str | None = None,
    cashier_uuid: str | None = None,
) -> PostedSale:
    """The sale itself, inside the caller's transaction (the till, or a file import)."""
    if cart.is_empty():
        raise ValidationError("giỏ hàng trống")
    business_date = sold_at.date()
    check_open(db, business_date)
    # The rate in force on the day of sale (a cart rung up before midnight on 31/12 included).
    cart = Cart(
        [
            replace(line, vat_bp=catalog.vat_rate_on(db, line.product_id, business_date))
            for line in cart.lines
        ],
        cart.discount,
    )
    totals = priced_within_limits(cart)
    payment = check_tenders(totals.total_vnd, tenders)
    if not payment.is_complete:
        raise ValidationError("chưa thanh toán đủ")
    ensure_terminal(db, terminal_code)
    number = next_document_number(db, terminal_code)
    sale_id = insert_row(
        db,
        "sales",
        {
            "number": number,
            "terminal_code": terminal_code,
            "shift_id": shift.id if shift else None,
            "cashier": shift.cashier if shift else cashier,
            "cashier_uuid": cashier_uuid,
            "sold_at": sold_at.isoformat(timespec="seconds"),
            "business_date": business_date.isoformat(),
            "gross_vnd": totals.gross_vnd,
            "discount_vnd": totals.discount_vnd,
            "total_vnd": totals.total_vnd,
            "vat_vnd": sum(totals.vat_by_rate.values()),
            "change_vnd": payment.change_vnd,
            "source": "till" if shift else "import",
            "client_token": client_token,
            "approved_by": approved_by,
        },
    )
    journal_lines, shortfalls = [], []
    for line_no, priced in enumerate(totals.lines, start=1):
        line = priced.line
        lots = lots_on_hand(db, line.product_id)  # read once: checked, then taken from
        refuse_unsellable(lots, line.qty, business_date)
        producer_id = db.execute(
            "SELECT producer_id FROM products WHERE id = ?", [line.product_id]
        ).fetchone()[0]
        commission_bp = catalog.commission_in_force(db, line.product_id, business_date)
        line_id = insert_row(
            db,
            "sale_lines",
            {
                "sale_id": sale_id,
                "line_no": line_no,
                "product_id": line.product_id,
                "sku": line.sku,
                "product_name": line.name,
                "unit": line.unit,
                "producer_id": producer_id,
                "qty": line.qty,
                "unit_price_vnd": line.unit_price_vnd,
                "gross_vnd": priced.gross_vnd,
                "line_discount_vnd": priced.line_discount_vnd,
                "cart_discount_vnd": priced.cart_discount_vnd,
                "net_vnd": priced.net_vnd,
                "vat_bp": line.vat_bp,
                "vat_vnd": priced.vat_vnd,
                "commission_bp": commission_bp,
                "commission_vnd": share_bp(priced.net_vnd, commission_bp),
            },
        )
        taken = _take_from_lots(
            db, sale_id, line_id, line.product_id, line.qty, business_date, lots
        )
        if taken.shortfall:
            shortfalls.append(Shortfall(line.sku, taken.shortfall))
        journal_lines.append(
            {
                "sku": line.sku,
                "qty": line.qty,
                "price": line.unit_price_vnd,
                "net": priced.net_vnd,
                "vat_bp": line.vat_bp,
                "commission_bp": commission_bp,
                "lots": taken.codes,
            }
        )
    for tender in tenders:
        db.execute(
            "INSERT INTO payments (sale_id, method, amount_vnd, tendered_vnd, change_vnd, "
            "reference) VALUES (?, ?, ?, ?, ?, ?)",
            [
                sale_id,
                tender.method,
                tender.amount_vnd,
                tender.tendered_vnd,
                tender.change_vnd,
                tender.reference,
            ],
        )
    append_to_journal(
        db,
        "sale",
        sale_id,
        number,
        {
            "terminal": terminal_code,
            "sold_at": sold_at.isoformat(timespec="seconds"),
            "total": totals.total_vnd,
            "lines": journal_lines,
            "payments": [[t.method, t.amount_vnd, t.reference] for t in tenders],
        },
    )
    return PostedSale(sale_id, number, totals.total_vnd, payment.change_vnd, tuple(shortfalls))


@dataclass(frozen=True)
class _LotsTaken:
    codes: list[list]
    shortfall: int


def _take_from_lots(
    db: Database,
    sale_id: int,
    line_id: int,
    product_id: int,
    qty: int,
    on: date,
    lots: list[LotOnHand],
) -> _LotsTaken:
    allocation = pick_fefo(lots, qty, on)
    codes_of = {lot.lot_id: lot.lot_code for lot in lots}
    picks = [(pick.lot_id, pick.qty) for pick in allocation.picks]
    if allocation.shortfall:
        short_lot = picks[-1][0] if picks else _lot_for_shortfall(db, product_id, on)
        db.execute(
            "INSERT INTO stock_shortfalls (sale_line_id, product_id, lot_id, qty) "
            "VALUES (?, ?, ?, ?)",
            [line_id, product_id, short_lot, allocation.shortfall],
        )
        picks.append((short_lot, allocation.shortfall))
    merged: dict[int, int] = {}
    for lot_id, taken in picks:
        merged[lot_id] = merged.get(lot_id, 0) + taken
    codes = []
    for lot_id, taken in merged.items():
        db.execute(
            "INSERT INTO sale_line_lots (sale_line_id, lot_id, qty) VALUES (?, ?, ?)",
            [line_id, lot_id, taken],
        )
        record_movement(
            db,
            product_id=product_id,
            lot_id=lot_id,
            qty=-taken,
            kind="sale",
            document_type="sale",
            document_id=sale_id,
            moved_on=on.isoformat(),
        )
        code = (
            codes_of.get(lot_id)
            or db.execute(  # a shortfall's lot may hold no stock
                "SELECT lot_code FROM lots WHERE id = ?", [lot_id]
            ).fetchone()[0]
        )
        codes.append([code, taken])
    return _LotsTaken(codes, allocation.shortfall)


def _lot_for_shortfall(db: Database, product_id: int, on: date) -> int:
    """The newest sellable lot (its stock goes negative), else a lot for unreceived goods."""
    row = db.execute(
        "SELECT id FROM lots WHERE product_id = ? AND status = 'active' "
        "AND (expiry_date IS NULL OR expiry_date >= ?) ORDER BY id DESC LIMIT 1",
        [product_id, on.isoformat()],
    ).fetchone()
    if row:
        return row[0]
    db.execute(
        "INSERT OR IGNORE INTO lots (product_id, lot_code, status, created_at) "
        "VALUES (?, ?, 'active', ?)",
        [product_id, UNRECEIVED_LOT, on.isoformat()],
    )
    return db.execute(
        "SELECT id FROM lots WHERE product_id = ? AND lot_code = ?", [product_id, UNRECEIVED_LOT]
    ).fetchone()[0]


def stock_shortfalls(db: Database, limit: int = 500) -> list[StockShortfall]:
    """The latest sales that took more than recorded stock, newest first."""
    rows = db.execute(
        """
        SELECT s.sold_at, s.number, l.sku, l.product_name, pr.code, lot.lot_code, f.qty
        FROM stock_shortfalls f
        JOIN sale_lines l ON l.id = f.sale_line_id
        JOIN sales s ON s.id = l.sale_id
        JOIN producers pr ON pr.id = l.producer_id
        JOIN lots lot ON lot.id = f.lot_id
        ORDER BY f.id DESC LIMIT ?
        """,
        [limit],
    ).fetchall()
    return [StockShortfall(*row) for row in rows]
