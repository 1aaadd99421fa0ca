"""E-invoices captured with the documents they invoice. A sale keeps in its own row only what
cannot be worked out later (its key, symbol and buyer: nothing more is written while the
customer waits); the sender's thread then builds its invoice from the posted rows and queues
it. A refund's adjustment and a replacement are built and queued in their own transactions,
after every sale before them. Once queued an invoice is final: every attempt to send it sends
these very figures under this key."""

import json
import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlite_utils import Database

from pos import clock
from pos.documents.einvoice import NOBODY, Buyer, Invoice, InvoiceRef, Seller
from pos.einvoice import InvoiceHead, PostedLine, build_invoice, cause_on, payment_method
from pos.errors import NotFound, ValidationError
from pos.invoice_symbols import yearly_symbol
from pos.permissions import User, needs_approval, refuse
from pos.services import audit
from pos.services.approvals import check_actor
from pos.services.settings import get_setting, printed_settings, settings_of
from pos.text import nfc

OFF = "none"


@dataclass(frozen=True)
class CaptureSettings:
    """What a sale's capture needs, read once per run of sales: the symbols."""

    till_symbol: str
    import_symbol: str

    def symbol_for(self, source: str, day: date) -> str:
        """Till sales under the till's symbol; a fair's file under a symbol of its own (its
        dates are earlier than the till's latest, and a symbol's dates never go back)."""
        text = self.till_symbol if source == "till" else self.import_symbol
        if not text:
            raise ValidationError(
                "chưa đặt ký hiệu hóa đơn điện tử cho hàng bán nhập từ tệp: "
                "hãy đặt trong Cài đặt trước khi nhập"
            )
        return yearly_symbol(text, day).text


CAPTURE_KEYS = ("einvoice_provider", "einvoice_symbol", "einvoice_import_symbol")


def capture_settings(db: Database) -> CaptureSettings | None:
    """None while the showroom issues no e-invoices. One read: every sale makes this call."""
    value = settings_of(db, CAPTURE_KEYS)
    if value["einvoice_provider"] == OFF:
        return None
    return CaptureSettings(value["einvoice_symbol"], value["einvoice_import_symbol"])


@dataclass(frozen=True)
class Capture:
    """What a sale's own row keeps of its e-invoice: the idempotency key every request will
    carry, the symbol, and the buyer who asked for one (None: nobody)."""

    key: str
    symbol: str
    buyer: str | None


def capture(settings: CaptureSettings, source: str, day: date, buyer: Buyer) -> Capture:
    """Only what cannot be worked out later from the posted sale: the invoice itself is built
    by queue_captured, off the till's path."""
    return Capture(
        str(uuid.uuid4()),
        settings.symbol_for(source, day),
        None if buyer == NOBODY else json.dumps(vars(buyer), ensure_ascii=False),
    )


QUEUE_BATCH = 50  # sales queued per transaction: a sale waits at most one such to post
# A sale (``s``) captured with an e-invoice that the sender has not yet built and queued.
UNQUEUED = "s.einvoice_key IS NOT NULL AND s.id > (SELECT sale_id FROM einvoice_queue_mark)"


def queue_captured(db: Database, limit: int | None = QUEUE_BATCH) -> int:
    """Sales captured since the mark get their invoices, in sale order (so each symbol's dates
    never go back): built from the posted rows, with the seller as the sale's receipt printed
    it, and queued to send at once. How many were queued."""
    with db.atomic():
        mark = db.execute("SELECT sale_id FROM einvoice_queue_mark").fetchone()[0]
        rows = db.execute(
            "SELECT s.id, s.number, s.sold_at, s.einvoice_key, s.einvoice_symbol, "
            f"s.einvoice_buyer FROM sales s WHERE {UNQUEUED} ORDER BY s.id LIMIT ?",
            [-1 if limit is None else limit],
        ).fetchall()
        if rows:
            dates = SymbolClock(db)
            insert_invoices(db, [(_sale_invoice(db, dates, *row), row[0], None) for row in rows])
        if limit is None or len(rows) < limit:  # every sale up to the latest looked at
            last = db.execute("SELECT coalesce(max(id), 0) FROM sales").fetchone()[0]
        else:
            last = rows[-1][0]
        if last != mark:
            db.execute("UPDATE einvoice_queue_mark SET sale_id = ?", [last])
        return len(rows)


def unqueued(db: Database) -> tuple[int, str]:
    """(how many captured sales wait to be queued, the oldest one's time or '')."""
    count, oldest = db.execute(
        f"SELECT count(*), coalesce(min(s.sold_at), '') FROM sales s WHERE {UNQUEUED}"
    ).fetchone()
    return count, oldest


def _sale_invoice(
    db: Database,
    dates: "SymbolClock",
    sale_id: int,
    number: str,
    sold_at: str,
    key: str,
    symbol: str,
    buyer: str | None,
) -> Invoice:
    lines = [
        PostedLine(*row)
        for row in db.execute(
            "SELECT sku, product_name, unit, qty, gross_vnd, net_vnd, vat_bp, vat_vnd "
            "FROM sale_lines WHERE sale_id = ? ORDER BY line_no",
            [sale_id],
        )
    ]
    methods = db.execute("SELECT method FROM payments WHERE sale_id = ?", [sale_id]).fetchall()
    printed = printed_settings(db, sold_at)
    head = InvoiceHead(
        key=key,
        kind="original",
        template=printed["einvoice_template"],
        symbol=symbol,
        issued_at=dates.issue_time(symbol, datetime.fromisoformat(sold_at)),
        document_number=number,
        seller=seller_of(printed),
        buyer=Buyer(**json.loads(buyer)) if buyer else NOBODY,
        payment_method=payment_method({method for (method,) in methods}),
    )
    return build_invoice(head, lines)


def seller_of(printed: dict[str, str]) -> Seller:
    """The seller an invoice names, from the settings a document printed (printed_settings)."""
    return Seller(
        printed["showroom_tax_code"],
        printed["showroom_name"],
        printed["showroom_address"],
        printed["einvoice_location_code"],
        printed["einvoice_location_name"],
        printed["einvoice_location_address"],
    )


@dataclass(frozen=True)
class Connection:
    provider: str  # viettel | fake
    url: str
    tax_code: str
    username: str
    symbols: tuple[str, ...]  # the till's and the imports' symbols as set


def connection(db: Database) -> Connection | None:
    """Where the sender sends, as plain values for its own thread (None: no e-invoices)."""
    kind = get_setting(db, "einvoice_provider")
    if kind == OFF:
        return None
    symbols = tuple(
        text
        for text in (get_setting(db, "einvoice_symbol"), get_setting(db, "einvoice_import_symbol"))
        if text
    )
    return Connection(
        kind,
        get_setting(db, "einvoice_url"),
        get_setting(db, "showroom_tax_code"),
        get_setting(db, "einvoice_username"),
        symbols,
    )


class SymbolClock:
    """Each symbol's latest issue time, so a symbol's dates never go back: an invoice is
    never dated before the one issued just before it (a PC clock that went back is warned
    about at the till, never a reason to refuse the sale)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._latest: dict[str, str] = {}

    def issue_time(self, symbol: str, at: datetime) -> str:
        if symbol not in self._latest:
            row = self.db.execute(
                "SELECT max(issued_at) FROM einvoices WHERE symbol = ?", [symbol]
            ).fetchone()
            self._latest[symbol] = row[0] or ""
        issued_at = max(at.isoformat(timespec="seconds"), self._latest[symbol])
        self._latest[symbol] = issued_at
        return issued_at


def insert_invoices(db: Database, rows: list[tuple[Invoice, int | None, int | None]]) -> None:
    """(invoice, sale id, refund id) rows, each queued to send at once."""
    for invoice, sale_id, refund_id in rows:
        refers_to = None
        if invoice.original is not None:
            refers_to = db.execute(
                "SELECT id FROM einvoices WHERE key = ?", [invoice.original.key]
            ).fetchone()[0]
        cursor = db.execute(
            "INSERT INTO einvoices (key, kind, sale_id, refund_id, refers_to, symbol, "
            "issued_at, total_vnd, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                invoice.key,
                invoice.kind,
                sale_id,
                refund_id,
                refers_to,
                invoice.symbol,
                invoice.issued_at,
                invoice.total_vnd,
                invoice.to_json(),
            ],
        )
        db.execute(  # due at once, whatever the PC's clock says: '' is before any time
            "INSERT INTO einvoice_outbox (invoice_id, state, next_try_at) "
            "VALUES (?, 'pending', '')",
            [cursor.lastrowid],
        )


def capture_refund(
    db: Database,
    refund_id: int,
    sale_id: int,
    number: str,
    refunded_at: datetime,
    method: str,
    lines: list[PostedLine],
) -> None:
    """Inside the refund's transaction: the adjustment invoice of the goods given back,
    negative, referring to the sale's invoice (its number is filled in when it is sent, if
    the original is not issued yet)."""
    if capture_settings(db) is None:
        return
    queue_captured(db, limit=None)  # the sale's own invoice, and those before it, come first
    original = current_invoice(db, sale_id)
    if original is None:  # sold before the showroom issued e-invoices
        return
    symbol = original.symbol  # an adjustment stays in its original's series
    head = InvoiceHead(
        key=str(uuid.uuid4()),
        kind="adjustment",
        template=original.template,
        symbol=symbol,
        issued_at=SymbolClock(db).issue_time(symbol, refunded_at),
        document_number=number,
        seller=seller_of(printed_settings(db, refunded_at.isoformat(timespec="seconds"))),
        buyer=original.buyer,
        payment_method=payment_method({method}),
        original=InvoiceRef(
            original.key, original.template, original.symbol, "", original.issued_at[:10]
        ),
        cause=cause_on("adjustment", refunded_at.date()).code,
    )
    insert_invoices(db, [(build_invoice(head, lines), None, refund_id)])


def current_invoice(db: Database, sale_id: int) -> Invoice | None:
    """The sale's invoice as it stands: its original, or the latest replacement of it."""
    row = db.execute(
        "SELECT document FROM einvoices WHERE sale_id = ? ORDER BY id DESC LIMIT 1", [sale_id]
    ).fetchone()
    return Invoice.from_json(row[0]) if row else None


def replace_invoice(
    db: Database, actor: User, sale_number: str, buyer: Buyer, reason: str
) -> Invoice:
    """A manager's replacement of a sale's invoice (a name asked for after paying, a buyer
    written wrong): the same goods and figures, the corrected buyer, cause 14, referring to
    the invoice it replaces. It is sent once that invoice is issued."""
    reason = nfc(reason).strip()
    with db.atomic():
        check_actor(db, actor)
        if needs_approval(actor, "einvoice"):
            raise refuse("einvoice")
        if not reason:
            raise ValidationError("hãy ghi lý do thay hóa đơn điện tử")
        queue_captured(db, limit=None)
        sale = db.execute("SELECT id FROM sales WHERE number = ?", [sale_number]).fetchone()
        replaced = current_invoice(db, sale[0]) if sale else None
        if replaced is None:
            raise NotFound(f"đơn {sale_number} không có hóa đơn điện tử")
        at = clock.now()
        invoice = replace(
            replaced,
            key=str(uuid.uuid4()),
            kind="replacement",
            issued_at=SymbolClock(db).issue_time(replaced.symbol, at),
            buyer=buyer,
            original=InvoiceRef(
                replaced.key, replaced.template, replaced.symbol, "", replaced.issued_at[:10]
            ),
            cause=cause_on("replacement", at.date()).code,
            note=reason,
        )
        insert_invoices(db, [(invoice, sale[0], None)])
        remember_buyer(db, buyer, invoice.issued_at)
        audit.record(
            db,
            "einvoice_replaced",
            actor.username,
            {"sale": sale_number, "invoice": invoice.key, "why": reason},
        )
    return invoice


def remember_buyer(db: Database, buyer: Buyer, at: str) -> None:
    """A buyer who gave a tax code fills in the form of the next sale to them."""
    if not buyer.tax_code:
        return
    db.execute(
        "INSERT INTO buyers (tax_code, kind, name, address, phone, email, used_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tax_code) DO UPDATE SET kind = excluded.kind, "
        "name = excluded.name, address = excluded.address, phone = excluded.phone, "
        "email = excluded.email, used_at = excluded.used_at",
        [buyer.tax_code, buyer.kind, buyer.name, buyer.address, buyer.phone, buyer.email, at],
    )


def known_buyer(db: Database, tax_code: str) -> Buyer | None:
    """The buyer last invoiced under ``tax_code`` (as typed: spaces and dots aside)."""
    code = "".join(ch for ch in nfc(tax_code) if ch not in " .")
    row = db.execute(
        "SELECT kind, tax_code, name, address, phone, email FROM buyers WHERE tax_code = ?",
        [code],
    ).fetchone()
    return Buyer(*row) if row else None
