"""Receipts of posted sales as plain data, for printing, previews and reprints."""

from sqlite_utils import Database

from pos.catalog import short_name
from pos.documents.receipt import ReceiptData, ReceiptInvoice, ReceiptLine, ReceiptPayment
from pos.documents.refund import RefundSlip
from pos.errors import NotFound, PosError
from pos.services.settings import get_setting, printed_settings
from pos.vietqr import vietqr_payload


def receipt_data(db: Database, sale_number: str) -> ReceiptData:
    sale = db.execute(
        "SELECT id, number, sold_at, terminal_code, cashier, gross_vnd, discount_vnd, total_vnd "
        "FROM sales WHERE number = ?",
        [sale_number],
    ).fetchone()
    if sale is None:
        raise NotFound(f"không có hóa đơn số {sale_number}")
    sale_id, number, sold_at, terminal, cashier, gross, discount, total = sale
    rows = db.execute(
        """
        SELECT l.product_name, l.qty, l.unit, l.unit_price_vnd,
               l.line_discount_vnd + l.cart_discount_vnd, l.net_vnd,
               -- as sold; a line posted before m016 kept none, so the catalog's
               CASE WHEN l.ocop_rating = '' THEN pr.name ELSE l.producer_name END,
               CASE WHEN l.ocop_rating = '' THEN pr.province ELSE l.producer_province END,
               CASE WHEN l.ocop_rating = '' THEN p.ocop_rating ELSE l.ocop_rating END
        FROM sale_lines l JOIN producers pr ON pr.id = l.producer_id
        JOIN products p ON p.id = l.product_id
        WHERE l.sale_id = ? ORDER BY l.line_no
        """,
        [sale_id],
    ).fetchall()
    lines = tuple(ReceiptLine(*row[:6], short_name(row[6]), row[7], row[8]) for row in rows)
    vat = tuple(
        db.execute(
            "SELECT vat_bp, sum(vat_vnd) FROM sale_lines WHERE sale_id = ? "
            "GROUP BY vat_bp ORDER BY vat_bp",
            [sale_id],
        ).fetchall()
    )
    payments = tuple(
        ReceiptPayment(*row)
        for row in db.execute(
            "SELECT method, amount_vnd, tendered_vnd, change_vnd, reference FROM payments "
            "WHERE sale_id = ? ORDER BY id",
            [sale_id],
        )
    )
    head = printed_settings(db, sold_at)  # as printed then
    return ReceiptData(
        showroom_name=head["showroom_name"],
        showroom_address=head["showroom_address"],
        tax_code=head["showroom_tax_code"],
        phone=head["showroom_phone"],
        footer=head["receipt_footer"],
        number=number,
        sold_at=sold_at,
        terminal=terminal,
        cashier=cashier,
        lines=lines,
        gross_vnd=gross,
        discount_vnd=discount,
        total_vnd=total,
        vat_by_rate=tuple((rate, amount) for rate, amount in vat),
        payments=payments,
        qr_payload=_qr_payload(head, number, payments),
        einvoice=_einvoice(db, sale_id),
    )


def _einvoice(db: Database, sale_id: int) -> ReceiptInvoice | None:
    """The sale's invoice as it stands (the latest replacement), with its answer if any."""
    row = db.execute(
        "SELECT symbol, number, code, reservation FROM ("
        "SELECT 0 AS queued_later, e.id AS invoice_id, e.symbol, coalesce(a.number, '') AS "
        "number, coalesce(a.tax_authority_code, '') AS code, coalesce(a.reservation_code, '') "
        "AS reservation FROM einvoices e LEFT JOIN einvoice_answers a ON a.invoice_id = e.id "
        "WHERE e.sale_id = :sale UNION ALL "  # captured, not queued yet: only its symbol
        "SELECT 1, 0, einvoice_symbol, '', '', '' FROM sales WHERE id = :sale "
        "AND einvoice_key IS NOT NULL) ORDER BY queued_later, invoice_id DESC LIMIT 1",
        {"sale": sale_id},
    ).fetchone()
    if row is None:
        return None
    return ReceiptInvoice(*row, get_setting(db, "einvoice_lookup_url"))


def _qr_payload(head: dict[str, str], number: str, payments: tuple[ReceiptPayment, ...]) -> str:
    """The VietQR of the transfer when the sale was paid by transfer, else the lookup code."""
    transfer = sum(p.amount_vnd for p in payments if p.method == "bank")
    if not transfer:
        return number
    try:
        return vietqr_payload(head["bank_bin"], head["bank_account"], transfer, number)
    except PosError:
        return number  # no account configured: the lookup code still identifies the sale


def refund_slip(db: Database, refund_number: str) -> RefundSlip:
    """The "PHIẾU TRẢ HÀNG" of a posted refund (printing.shift_report lays it out)."""
    row = db.execute(
        "SELECT r.id, r.number, s.number, r.refunded_at, r.total_vnd, r.method, r.reason_code, "
        "r.cashier, r.approved_by FROM refunds r JOIN sales s ON s.id = r.sale_id "
        "WHERE r.number = ?",
        [refund_number],
    ).fetchone()
    if row is None:
        raise NotFound(f"không có phiếu trả hàng số {refund_number}")
    refund_id, number, sale_number, at, total, method, reason, cashier, approver = row
    lines = db.execute(
        "SELECT l.product_name, r.qty, r.net_vnd FROM refund_lines r "
        "JOIN sale_lines l ON l.id = r.sale_line_id WHERE r.refund_id = ? ORDER BY r.id",
        [refund_id],
    ).fetchall()
    return RefundSlip(
        printed_settings(db, at)["showroom_name"],
        number,
        sale_number,
        at,
        tuple(lines),
        total,
        method,
        reason,
        cashier,
        approver,
    )
