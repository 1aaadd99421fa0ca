"""Writing sales in two steps, the one way sales are written (one from the till, thousands from
a fair's file): ``draft_sale`` prices a cart with the VAT rate and commission in force on its
day (reads only); ``write_sales`` then writes drafts together inside the caller's transaction:
gapless numbers, lots first-expiry-first, stock movements, journal entries. A fair's import
drafts every receipt before it asks for the write lock, so the till waits a fraction of a
second behind it, not the whole import."""

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlite_utils import Database

from pos import lots as lot_rules
from pos.cart import Cart, CartTotals, priced_within_limits
from pos.clock import display_date
from pos.documents.einvoice import NOBODY, Buyer
from pos.errors import PosError, StockError, ValidationError
from pos.money import share_bp
from pos.payments import Tender, check_tenders
from pos.services import catalog, einvoices
from pos.services.periods import check_open
from pos.services.print_queue import PrintJob
from pos.services.shifts import Shift, ensure_terminal
from pos.services.stock import LotOnHand, lots_on_hand, pick_fefo
from pos.storage.ledger import (
    Movement,
    append_entries,
    document_number,
    record_movements,
    reserve_in_sequence,
)

UNRECEIVED_LOT = "CHUA-NHAP"  # where units sold without any recorded stock are booked


@dataclass(frozen=True)
class Shortfall:
    sku: str
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
    print_job: PrintJob | None = None  # the receipt's job, when the sale queued one


@dataclass(frozen=True)
class LineTerms:
    """What a sale line is posted with besides its price: whose goods, VAT, commission, and
    what its receipt prints of the producer and the product (kept for reprints)."""

    producer_id: int
    vat_bp: int
    commission_bp: int
    producer_name: str
    producer_province: str
    ocop_rating: str


class TermsOnDay:
    """Each product's terms on a day, read once however many lines sell it."""

    def __init__(self) -> None:
        self._known: dict[tuple[int, date], LineTerms] = {}

    def of(self, db: Database, product_id: int, on: date) -> LineTerms:
        key = (product_id, on)
        if key not in self._known:
            self._known[key] = _read_terms(db, product_id, on)
        return self._known[key]

    def refuse_changed(self, db: Database) -> None:
        """Inside the writing transaction, for drafts made before it: terms or the producer
        edited in the meantime refuse the whole write (nothing is posted as it no longer is)."""
        for (product_id, on), terms in self._known.items():
            if _read_terms(db, product_id, on) != terms:
                sku = db.execute("SELECT sku FROM products WHERE id = ?", [product_id])
                raise ValidationError(
                    f"Thuế, hoa hồng hoặc chủ thể của mặt hàng {sku.fetchone()[0]} vừa được "
                    "đổi trong lúc nhập: chưa ghi gì, hãy nhập lại."
                )


def _read_terms(db: Database, product_id: int, on: date) -> LineTerms:
    producer_id, name, province, rating = db.execute(
        "SELECT p.producer_id, pr.name, pr.province, p.ocop_rating FROM products p "
        "JOIN producers pr ON pr.id = p.producer_id WHERE p.id = ?",
        [product_id],
    ).fetchone()
    return LineTerms(
        producer_id,
        catalog.vat_rate_on(db, product_id, on),
        catalog.commission_in_force(db, product_id, on),
        name,
        province,
        rating,
    )


@dataclass(frozen=True)
class SaleDraft:
    client_token: str
    sold_at: datetime
    totals: CartTotals  # its lines carry the VAT rate in force on the day of sale
    terms: tuple[LineTerms, ...]
    tenders: tuple[Tender, ...]
    change_vnd: int
    shift_id: int | None
    cashier: str
    cashier_uuid: str | None
    approved_by: str | None
    buyer: Buyer = NOBODY  # who the e-invoice names, if the customer asked

    @property
    def business_date(self) -> date:
        return self.sold_at.date()

    @property
    def source(self) -> str:
        """Rung up at a till (in a shift) or imported from a fair's file."""
        return "till" if self.shift_id else "import"


def draft_sale(
    db: Database,
    cart: Cart,
    tenders: list[Tender],
    client_token: str,
    sold_at: datetime,
    terms: TermsOnDay,
    *,
    shift: Shift | None = None,
    cashier: str,  # who rang it up, as named that day: every sale has one
    cashier_uuid: str | None = None,
    approved_by: str | None = None,
    buyer: Buyer = NOBODY,
) -> SaleDraft:
    """A paid cart priced as it will be posted, or refused; nothing is written."""
    if cart.is_empty():
        raise ValidationError("giỏ hàng trống")
    line_terms = tuple(terms.of(db, line.product_id, sold_at.date()) for line in cart.lines)
    # The rate in force on the day of sale (a cart rung up before midnight on 31/12 included).
    cart = Cart(
        [replace(line, vat_bp=t.vat_bp) for line, t in zip(cart.lines, line_terms, strict=True)],
        cart.discount,
    )
    totals = priced_within_limits(cart)
    payment = check_tenders(totals.total_vnd, tenders)
    if not payment.is_complete:
        raise ValidationError("chưa thanh toán đủ")
    return SaleDraft(
        client_token,
        sold_at,
        totals,
        line_terms,
        tuple(tenders),
        payment.change_vnd,
        shift.id if shift else None,
        cashier,
        cashier_uuid,
        approved_by,
        buyer,
    )


def write_sales(
    db: Database,
    terminal_code: str,
    drafts: list[SaleDraft],
    terms_read_before: TermsOnDay | None = None,
) -> list[PostedSale]:
    """Inside the caller's transaction: the drafts posted in order, numbered one after the
    other in the terminal's series. A draft that cannot be posted raises its PosError with
    ``sale_index`` set to its place in ``drafts`` (the caller rolls everything back)."""
    if terms_read_before is not None:
        terms_read_before.refuse_changed(db)
    ensure_terminal(db, terminal_code)
    batch = _Batch(db, terminal_code, len(drafts))
    open_days: set[date] = set()
    for index, draft in enumerate(drafts):
        try:
            if draft.business_date not in open_days:
                check_open(db, draft.business_date)
                open_days.add(draft.business_date)
            batch.add(draft)
        except PosError as error:
            error.sale_index = index
            raise
    return batch.write()


def _next_id(db: Database, table: str) -> int:
    """The rowid SQLite would give the next row (no table here uses AUTOINCREMENT)."""
    return db.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]


class _Batch:
    """The rows of a run of sales, built in memory and then written a table at a time."""

    def __init__(self, db: Database, terminal_code: str, count: int) -> None:
        self.db, self.terminal_code = db, terminal_code
        self.first_number = reserve_in_sequence(db, terminal_code, count)
        self.first_id = _next_id(db, "sales")
        self.next_line_id = _next_id(db, "sale_lines")
        self.lots: dict[int, list[LotOnHand]] = {}  # read once, then taken from in memory
        self.lot_codes: dict[int, str] = {}
        self.shortfall_lots: dict[tuple[int, date], int] = {}
        self.unsellable: dict[tuple[int, date], bool] = {}  # a product holds unsellable lots
        self.sales, self.lines, self.line_lots, self.shortfall_rows = [], [], [], []
        self.payments, self.movements, self.entries, self.posted = [], [], [], []
        self.invoicing = einvoices.capture_settings(db)
        self.buyers = []  # (buyer, sold at) of sales to a buyer who gave a tax code

    def add(self, draft: SaleDraft) -> None:
        sale_id = self.first_id + len(self.posted)
        number = document_number(self.terminal_code, self.first_number + len(self.posted))
        on = draft.business_date
        totals = draft.totals
        sold_at = draft.sold_at.isoformat(timespec="seconds")
        invoice = None
        if self.invoicing is not None:
            invoice = einvoices.capture(
                self.invoicing, draft.source, draft.sold_at.date(), draft.buyer
            )
            if draft.buyer.tax_code:
                self.buyers.append((draft.buyer, sold_at))
        self.sales.append(
            (
                sale_id,
                number,
                self.terminal_code,
                draft.shift_id,
                draft.cashier,
                draft.cashier_uuid,
                sold_at,
                on.isoformat(),
                totals.gross_vnd,
                totals.discount_vnd,
                totals.total_vnd,
                sum(totals.vat_by_rate.values()),
                draft.change_vnd,
                draft.source,
                draft.client_token,
                draft.approved_by,
                invoice and invoice.key,
                invoice and invoice.symbol,
                invoice and invoice.buyer,
            )
        )
        journal_lines, shortfalls = [], []
        for line_no, (priced, terms) in enumerate(
            zip(totals.lines, draft.terms, strict=True), start=1
        ):
            line, line_id = priced.line, self.next_line_id
            self.next_line_id += 1
            self.lines.append(
                (
                    line_id,
                    sale_id,
                    line_no,
                    line.product_id,
                    line.sku,
                    line.name,
                    line.unit,
                    terms.producer_id,
                    line.qty,
                    line.unit_price_vnd,
                    priced.gross_vnd,
                    priced.line_discount_vnd,
                    priced.cart_discount_vnd,
                    priced.net_vnd,
                    line.vat_bp,
                    priced.vat_vnd,
                    terms.commission_bp,
                    share_bp(priced.net_vnd, terms.commission_bp),
                    terms.producer_name,
                    terms.producer_province,
                    terms.ocop_rating,
                )
            )
            codes, short = self._take_from_lots(sale_id, line_id, line.product_id, line.qty, on)
            if short:
                shortfalls.append(Shortfall(line.sku, short))
            journal_lines.append(
                {
                    "sku": line.sku,
                    "qty": line.qty,
                    "price": line.unit_price_vnd,
                    "net": priced.net_vnd,
                    "vat_bp": line.vat_bp,
                    "commission_bp": terms.commission_bp,
                    "lots": codes,
                }
            )
        for tender in draft.tenders:
            self.payments.append(
                (
                    sale_id,
                    tender.method,
                    tender.amount_vnd,
                    tender.tendered_vnd,
                    tender.change_vnd,
                    tender.reference,
                )
            )
        payload = {
            "terminal": self.terminal_code,
            "sold_at": sold_at,
            "total": totals.total_vnd,
            "lines": journal_lines,
            "payments": [[t.method, t.amount_vnd, t.reference] for t in draft.tenders],
        }
        self.entries.append((sale_id, number, payload))
        self.posted.append(
            PostedSale(sale_id, number, totals.total_vnd, draft.change_vnd, tuple(shortfalls))
        )

    def _take_from_lots(
        self, sale_id: int, line_id: int, product_id: int, qty: int, on: date
    ) -> tuple[list[list], int]:
        """The line's lots as [[code, units]] (first expiry first) and the units beyond
        recorded stock, which go to a shortfall."""
        if product_id not in self.lots:
            self.lots[product_id] = lots_on_hand(self.db, product_id)
            self.lot_codes |= {lot.lot_id: lot.lot_code for lot in self.lots[product_id]}
        lots = self.lots[product_id]
        if (product_id, on) not in self.unsellable:  # lots' dates and status stay as read
            self.unsellable[product_id, on] = any(not lot.sellable(on) for lot in lots)
        if self.unsellable[product_id, on]:  # otherwise nothing can be refused
            refuse_unsellable(lots, qty, on)
        allocation = pick_fefo(lots, qty, on)
        picks = [(pick.lot_id, pick.qty) for pick in allocation.picks]
        if allocation.shortfall:
            short_lot = picks[-1][0] if picks else self._shortfall_lot(product_id, on)
            self.shortfall_rows.append((line_id, product_id, short_lot, allocation.shortfall))
            picks.append((short_lot, allocation.shortfall))
        merged: dict[int, int] = {}
        for lot_id, taken in picks:
            merged[lot_id] = merged.get(lot_id, 0) + taken
        _take(lots, {pick.lot_id: merged[pick.lot_id] for pick in allocation.picks})
        codes = []
        for lot_id, taken in merged.items():
            self.line_lots.append((line_id, lot_id, taken))
            self.movements.append(
                Movement(product_id, lot_id, -taken, "sale", "sale", sale_id, on.isoformat())
            )
            codes.append([self.lot_codes[lot_id], taken])
        return codes, allocation.shortfall

    def _shortfall_lot(self, product_id: int, on: date) -> int:
        if (product_id, on) not in self.shortfall_lots:
            self.shortfall_lots[product_id, on] = self._lot_for_shortfall(product_id, on)
        return self.shortfall_lots[product_id, on]

    def _lot_for_shortfall(self, product_id: int, on: date) -> int:
        """The newest sellable lot (its stock goes negative), else a lot for unreceived goods."""
        db = self.db
        row = db.execute(
            "SELECT id, lot_code FROM lots WHERE product_id = :product AND "
            f"{lot_rules.sellable_sql('status', 'expiry_date', ':on')} ORDER BY id DESC LIMIT 1",
            {"product": product_id, "on": on.isoformat()},
        ).fetchone()
        if row is None:
            db.execute(
                "INSERT OR IGNORE INTO lots (product_id, lot_code, status, created_at) "
                "VALUES (?, ?, 'active', ?)",
                [product_id, UNRECEIVED_LOT, on.isoformat()],
            )
            row = db.execute(
                "SELECT id, lot_code FROM lots WHERE product_id = ? AND lot_code = ?",
                [product_id, UNRECEIVED_LOT],
            ).fetchone()
        self.lot_codes[row[0]] = row[1]
        return row[0]

    def write(self) -> list[PostedSale]:
        many = self.db.conn.executemany
        many(
            "INSERT INTO sales (id, number, terminal_code, shift_id, cashier, cashier_uuid, "
            "sold_at, business_date, gross_vnd, discount_vnd, total_vnd, vat_vnd, change_vnd, "
            "source, client_token, approved_by, einvoice_key, einvoice_symbol, einvoice_buyer) "
            "VALUES (" + ", ".join("?" * 19) + ")",
            self.sales,
        )
        many(
            "INSERT INTO sale_lines (id, sale_id, line_no, product_id, sku, product_name, unit, "
            "producer_id, qty, unit_price_vnd, gross_vnd, line_discount_vnd, "
            "cart_discount_vnd, net_vnd, vat_bp, vat_vnd, commission_bp, commission_vnd, "
            "producer_name, producer_province, ocop_rating) "
            "VALUES (" + ", ".join("?" * 21) + ")",
            self.lines,
        )
        many(
            "INSERT INTO stock_shortfalls (sale_line_id, product_id, lot_id, qty) "
            "VALUES (?, ?, ?, ?)",
            self.shortfall_rows,
        )
        many(
            "INSERT INTO sale_line_lots (sale_line_id, lot_id, qty) VALUES (?, ?, ?)",
            self.line_lots,
        )
        many(
            "INSERT INTO payments (sale_id, method, amount_vnd, tendered_vnd, change_vnd, "
            "reference) VALUES (?, ?, ?, ?, ?, ?)",
            self.payments,
        )
        for buyer, sold_at in self.buyers:
            einvoices.remember_buyer(self.db, buyer, sold_at)
        record_movements(self.db, self.movements)
        append_entries(self.db, "sale", self.entries)
        return self.posted


def _take(lots: list[LotOnHand], taken: dict[int, int]) -> None:
    """Leave in ``lots`` what lots_on_hand would read after ``taken`` (lot id: units): lots
    still holding stock. The lots taken from come first among the sellable ones, so the walk
    stops early however many lots a product has."""
    i = 0
    while taken and i < len(lots):
        lot = lots[i]
        units = taken.pop(lot.lot_id, None)
        if units is not None and lot.on_hand <= units:
            del lots[i]
            continue
        if units is not None:
            lots[i] = replace(lot, on_hand=lot.on_hand - units)
        i += 1


def refuse_unsellable(lots: list[LotOnHand], qty: int, on: date) -> None:
    """Refuse units that could only come from an expired or blocked lot, saying which.
    Units beyond all recorded stock are allowed: they become a stock shortfall."""
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
