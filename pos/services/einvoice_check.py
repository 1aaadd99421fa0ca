"""What ``check`` asks of e-invoices: every sale and refund still matches the invoice issued
for it (an invoice the provider holds is the one record of a sale an insider cannot reach),
and no captured invoice has left the queue without being issued."""

from sqlite_utils import Database

from pos.money import format_vnd
from pos.services.einvoice_outbox import UNSENT
from pos.services.einvoices import UNQUEUED

# Each invoice beside what it invoices: a sale's total and VAT, or a refund's (negative).
_FIGURES = """
SELECT coalesce(s.number, r.number), e.total_vnd,
  CASE WHEN json_valid(e.document) THEN json_extract(e.document, '$.vat_vnd') END,
  coalesce(s.total_vnd, -r.total_vnd),
  coalesce(s.vat_vnd, -(SELECT sum(vat_vnd) FROM refund_lines WHERE refund_id = r.id)),
  a.number
FROM einvoices e
LEFT JOIN sales s ON s.id = e.sale_id
LEFT JOIN refunds r ON r.id = e.refund_id
LEFT JOIN einvoice_answers a ON a.invoice_id = e.id
"""
# Captured, never answered, and no longer waiting to be sent (a sale the sender passed by
# without queueing its invoice among them).
_LOST = f"""
SELECT coalesce(s.number, r.number), e.symbol FROM einvoices e
LEFT JOIN sales s ON s.id = e.sale_id
LEFT JOIN refunds r ON r.id = e.refund_id
LEFT JOIN einvoice_outbox o ON o.invoice_id = e.id
WHERE NOT EXISTS (SELECT 1 FROM einvoice_answers a WHERE a.invoice_id = e.id)
AND (o.state IS NULL OR o.state NOT IN ({UNSENT}))
UNION ALL
SELECT s.number, s.einvoice_symbol FROM sales s
WHERE s.einvoice_key IS NOT NULL AND NOT ({UNQUEUED})
AND NOT EXISTS (SELECT 1 FROM einvoices e WHERE e.key = s.einvoice_key)
"""


def einvoice_problems(db: Database) -> list[tuple[str, str]]:
    """(document number, what is wrong)."""
    problems = []
    for number, total, vat, paid, paid_vat, issued_as in db.execute(_FIGURES):
        if vat is None:  # its text is no invoice any more: edited outside the program
            problems.append((number or "", "hóa đơn điện tử bị sửa: nội dung không đọc được"))
            continue
        if (total, vat) != (paid, paid_vat):
            invoice = f"hóa đơn điện tử {issued_as}" if issued_as else "hóa đơn điện tử của nó"
            problems.append(
                (
                    number,
                    f"tổng {format_vnd(paid)}, thuế {format_vnd(paid_vat)} khác {invoice} "
                    f"(tổng {format_vnd(total)}, thuế {format_vnd(vat)})",
                )
            )
    for number, symbol in db.execute(_LOST):
        problems.append(
            (number, f"hóa đơn điện tử ký hiệu {symbol} chưa được cấp số mà không còn chờ gửi")
        )
    return problems
