"""What a manager and the accountant read of e-invoices: those of a receipt, a month's, the
ones refused. Plain rows; the command line and the screens lay them out."""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlite_utils import Database

from pos.documents.einvoice import NO_BUYER_NAME
from pos.errors import NotFound
from pos.services.einvoices import UNQUEUED
from pos.text import fold

STATES = {
    "pending": "chờ gửi",
    "in_flight": "đang gửi",
    "lookup": "đang tra lại",
    "issued": "đã cấp số",
    "parked": "bị từ chối",
    "stopped": "dừng gửi",
}
KINDS = {"original": "gốc", "adjustment": "điều chỉnh giảm", "replacement": "thay thế"}


@dataclass(frozen=True)
class InvoiceRow:
    key: str
    document_number: str  # the receipt or refund
    kind: str
    symbol: str
    issued_at: str
    state: str
    number: str  # '' until issued
    tax_authority_code: str
    reservation_code: str
    buyer_name: str  # "Bán cho người tiêu dùng" when the buyer gave nothing
    buyer_tax_code: str
    amount_vnd: int
    vat_vnd: int
    total_vnd: int
    message: str  # the provider's, for a refused one


# A document edited outside the program into something unreadable shows empty, never stops
# the screen (check names it).
_DOCUMENT = "CASE WHEN json_valid(e.document) THEN e.document END"
_ROWS = f"""
SELECT e.key, coalesce(json_extract({_DOCUMENT}, '$.document_number'), ''), e.kind, e.symbol,
  e.issued_at, coalesce(o.state, 'issued'), coalesce(a.number, ''),
  coalesce(a.tax_authority_code, ''), coalesce(a.reservation_code, ''),
  coalesce(nullif(json_extract({_DOCUMENT}, '$.buyer.name'), ''), :nobody),
  coalesce(json_extract({_DOCUMENT}, '$.buyer.tax_code'), ''),
  coalesce(json_extract({_DOCUMENT}, '$.amount_vnd'), 0),
  coalesce(json_extract({_DOCUMENT}, '$.vat_vnd'), 0), e.total_vnd, coalesce(o.message, '')
FROM einvoices e
LEFT JOIN einvoice_answers a ON a.invoice_id = e.id
LEFT JOIN einvoice_outbox o ON o.invoice_id = e.id
"""

# Sales captured in the last seconds, their invoices not yet built by the sender: shown as
# waiting, with the sale's own figures (the range after the mark is a few rows).
_WAITING = f"""
SELECT s.einvoice_key, s.number, 'original', s.einvoice_symbol, s.sold_at, 'pending', '', '',
  '', coalesce(nullif(json_extract(s.einvoice_buyer, '$.name'), ''), :nobody),
  coalesce(json_extract(s.einvoice_buyer, '$.tax_code'), ''), s.total_vnd - s.vat_vnd,
  s.vat_vnd, s.total_vnd, ''
FROM sales s WHERE {UNQUEUED}
"""

# Each symbol once, one index step apiece (DISTINCT would read every invoice's entry).
_SYMBOLS = """
WITH RECURSIVE s(symbol) AS (
  SELECT min(symbol) FROM einvoices
  UNION ALL SELECT (SELECT min(symbol) FROM einvoices WHERE symbol > s.symbol) FROM s
  WHERE s.symbol IS NOT NULL)
SELECT symbol FROM s WHERE symbol IS NOT NULL
"""


def of_document(db: Database, number: str) -> list[InvoiceRow]:
    """The invoices of a receipt (its original, replacements, its refunds' adjustments) or of
    a refund."""
    values = {"n": number.strip(), "nobody": NO_BUYER_NAME}
    rows = (
        db.execute(
            _ROWS + "WHERE e.sale_id = (SELECT id FROM sales WHERE number = :n) "
            "OR e.refund_id IN (SELECT id FROM refunds WHERE number = :n OR sale_id = "
            "(SELECT id FROM sales WHERE number = :n)) ORDER BY e.id",
            values,
        ).fetchall()
        or db.execute(_WAITING + "AND s.number = :n", values).fetchall()
    )
    if not rows:
        raise NotFound(f"không có hóa đơn điện tử nào của {number.strip()}")
    return [InvoiceRow(*row) for row in rows]


def of_month(db: Database, month: date) -> list[InvoiceRow]:
    """Every invoice issued in ``month`` (any day of it), in the order they were made. Read
    through each symbol's index, so years of invoices are not scanned."""
    start = month.replace(day=1)
    end = (start + timedelta(days=32)).replace(day=1)
    values = {"start": start.isoformat(), "end": end.isoformat(), "nobody": NO_BUYER_NAME}
    rows = (
        db.execute(
            _ROWS + f"WHERE e.symbol IN ({_SYMBOLS}) "
            "AND e.issued_at >= :start AND e.issued_at < :end ORDER BY e.issued_at, e.id",
            values,
        ).fetchall()
        + db.execute(
            _WAITING + "AND s.sold_at >= :start AND s.sold_at < :end ORDER BY s.id", values
        ).fetchall()
    )
    return [InvoiceRow(*row) for row in rows]


def refused(db: Database) -> list[InvoiceRow]:
    """The parked and stopped ones, with the provider's message."""
    rows = db.execute(
        _ROWS + "WHERE e.id IN (SELECT invoice_id FROM einvoice_outbox "
        "WHERE state IN ('parked', 'stopped')) ORDER BY e.id",
        {"nobody": NO_BUYER_NAME},
    ).fetchall()
    return [InvoiceRow(*row) for row in rows]


def matching(rows: list[InvoiceRow], typed: str) -> list[InvoiceRow]:
    """The rows whose receipt, invoice number, buyer or buyer's tax code holds ``typed``
    (accents and case aside)."""
    wanted = fold(typed)
    if not wanted:
        return rows
    return [
        row
        for row in rows
        if any(
            wanted in fold(text)
            for text in (row.document_number, row.number, row.buyer_name, row.buyer_tax_code)
        )
    ]
