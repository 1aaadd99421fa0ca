"""Posting a sale from the till: one transaction checks the cashier and approvals and writes
the sale (sale_writing.py) with its audit entries and receipt job."""

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlite_utils import Database

from pos import clock
from pos.cart import Cart, CartLine, priced_within_limits
from pos.documents.einvoice import NOBODY, Buyer
from pos.errors import NotFound, ValidationError
from pos.money import beyond_share, format_vnd
from pos.payments import Tender
from pos.permissions import Approval, User
from pos.services import audit, carts, catalog, print_queue
from pos.services.approvals import check_actor, use_approval
from pos.services.sale_writing import (
    PostedSale,
    TermsOnDay,
    draft_sale,
    refuse_unsellable,
    write_sales,
)
from pos.services.settings import get_setting
from pos.services.shifts import current_shift
from pos.services.stock import lots_on_hand
from pos.storage.ledger import last_document_number, peek_document_number


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
    buyer: Buyer = NOBODY,
) -> PostedSale:
    """Post a paid cart from the till. Calling again with the same ``client_token`` (a second
    Enter, a retry after an error) returns the sale already posted instead of a new one.
    With ``queue_receipt`` the receipt's print job is committed with the sale."""
    with db.atomic():
        existing = _posted_with_token(db, client_token)
        if existing:  # its receipt, if one was queued, is the job still to print
            job = print_queue.original_job(db, existing.number) if queue_receipt else None
            return replace(existing, print_job=job)
        shift = current_shift(db, terminal_code)
        if shift is None:
            raise ValidationError("Chưa mở ca: hãy mở ca trước khi bán")
        check_actor(db, actor)  # a sale is always someone's, signed in
        needed = approvals_needed(db, cart)
        approved_by = _use_approvals(db, actor, needed, approvals)
        sold_at = sold_at or clock.now()
        warning = _clock_behind(db, terminal_code, sold_at)
        draft = draft_sale(
            db,
            cart,
            tenders,
            client_token,
            sold_at,
            TermsOnDay(),
            shift=shift,
            cashier=actor.display_name,  # who rang it up, as named that day
            cashier_uuid=actor.uuid,
            approved_by=approved_by,
            buyer=buyer,
        )
        posted = write_sales(db, terminal_code, [draft])[0]
        for action, subject in needed:  # changed prices, big discounts: in the audit log
            details = {"sale": posted.number, "subject": subject}
            audit.record(db, action, actor.username, details, approved_by, terminal_code)
        carts.clear_open_cart(db, terminal_code)
        if queue_receipt:
            cash = any(tender.method == "cash" for tender in tenders)
            job = print_queue.queue_receipt(db, posted.number, open_drawer=cash)
            posted = replace(posted, print_job=job)
    return replace(posted, clock_warning=warning)


CLOCK_SLACK = timedelta(minutes=2)  # clocks are nudged by time sync; that is not a problem


def _clock_behind(db: Database, terminal_code: str, sold_at: datetime) -> str:
    """A sale is never refused for the clock (the customer has paid), but a PC clock that
    went back would date sales wrongly: say so, naming the previous sale."""
    row = db.execute(  # a till's sales are the series named after it
        "SELECT number, sold_at FROM sales WHERE number = ?",
        [last_document_number(db, terminal_code)],
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
        if beyond_share(priced.line_discount_vnd, priced.gross_vnd, limit_bp):
            off = format_vnd(priced.line_discount_vnd)
            needed.add(("discount_over_limit", f"{line.sku}: giảm {off}"))
    after_lines = totals.gross_vnd - sum(p.line_discount_vnd for p in totals.lines)
    cart_off = sum(p.cart_discount_vnd for p in totals.lines)
    if beyond_share(cart_off, after_lines, limit_bp):
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
