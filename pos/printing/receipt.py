"""The customer's receipt for a posted sale, laid out as blocks (pure: no I/O)."""

from datetime import datetime

from pos.catalog import OCOP_RATINGS
from pos.documents.receipt import ReceiptData, ReceiptInvoice
from pos.money import format_bp, format_vnd
from pos.printing.blocks import Block, QrCode, Row, Rule, Text

METHOD_LABELS = {"cash": "Tiền mặt", "bank": "Chuyển khoản", "card": "Thẻ"}
COPY_MARK = "BẢN IN LẠI"


def money(amount: int) -> str:
    return format_vnd(amount, symbol=False)


def layout_receipt(receipt: ReceiptData, copy: bool = False) -> list[Block]:
    sold = datetime.fromisoformat(receipt.sold_at)
    blocks: list[Block] = [
        Text(receipt.showroom_name, "center", bold=True, size="large"),
        Text(receipt.showroom_address, "center", size="small"),
    ]
    contact = " · ".join(
        part
        for part in (
            f"MST: {receipt.tax_code}" if receipt.tax_code else "",
            f"ĐT: {receipt.phone}" if receipt.phone else "",
        )
        if part
    )
    if contact:
        blocks.append(Text(contact, "center", size="small"))
    blocks.append(Text("HÓA ĐƠN BÁN HÀNG", "center", bold=True))
    if copy:
        blocks.append(Text(f"*** {COPY_MARK} ***", "center", bold=True))
    blocks += [
        Row(f"Số: {receipt.number}", sold.strftime("%d/%m/%Y %H:%M")),
        Row(f"Quầy: {receipt.terminal}", f"Thu ngân: {receipt.cashier}"),
        Rule(),
    ]
    units = 0
    for line in receipt.lines:
        units += line.qty
        blocks.append(Text(line.name, bold=True))
        blocks.append(
            Row(
                f"{line.qty} {line.unit} x {money(line.unit_price_vnd)}",
                money(line.net_vnd + line.discount_vnd),
                indent=2,
            )
        )
        if line.discount_vnd:
            blocks.append(Row("Giảm giá", f"-{money(line.discount_vnd)}", indent=2))
        origin = f"{line.producer} · {line.province} · OCOP {OCOP_RATINGS[line.ocop_rating]}"
        blocks.append(Text(origin, size="small", indent=2))
    blocks += [Rule(), Row(f"Tổng tiền hàng ({units} món)", money(receipt.gross_vnd))]
    if receipt.discount_vnd:
        blocks.append(Row("Giảm giá", f"-{money(receipt.discount_vnd)}"))
    blocks.append(Row("TỔNG CỘNG", format_vnd(receipt.total_vnd), bold=True, size="large"))
    for rate, amount in receipt.vat_by_rate:
        blocks.append(Row(f"Trong đó thuế GTGT {format_bp(rate)}", money(amount), size="small"))
    blocks.append(Rule())
    for payment in receipt.payments:
        label = METHOD_LABELS[payment.method]
        if payment.reference and payment.method == "card":
            label += f" ({payment.reference})"
        shown = payment.tendered_vnd if payment.tendered_vnd else payment.amount_vnd
        blocks.append(Row(label, money(shown)))
        if payment.change_vnd:
            blocks.append(Row("Tiền thối", money(payment.change_vnd)))
    blocks += [Rule(), QrCode(receipt.qr_payload)]
    if receipt.qr_payload == receipt.number:
        blocks.append(Text(f"Mã tra cứu: {receipt.number}", "center", size="small"))
    else:
        blocks.append(Text("VietQR của khoản đã chuyển", "center", size="small"))
    if receipt.einvoice is not None:
        blocks += einvoice_blocks(receipt.einvoice)
    if receipt.footer:
        blocks.append(Text(receipt.footer, "center"))
    return blocks


def einvoice_blocks(invoice: ReceiptInvoice) -> list[Block]:
    """The e-invoice, once the provider has numbered it: its number, the tax authority's
    code, and the lookup code as text and QR; before that, how to look it up later."""
    blocks: list[Block] = [Rule(), Text("HÓA ĐƠN ĐIỆN TỬ", "center", bold=True)]
    if not invoice.number:
        return blocks + [
            Text(f"Ký hiệu {invoice.symbol}: đang gửi cơ quan thuế.", "center", size="small"),
            Text(
                f"Tra cứu tại {invoice.lookup_url} bằng mã tra cứu in trên hóa đơn in lại "
                "(hỏi quầy thu ngân).",
                "center",
                size="small",
            ),
        ]
    return blocks + [
        Row("Ký hiệu", invoice.symbol, size="small"),
        Row("Số", invoice.number, size="small"),
        Text(f"Mã CQT: {invoice.tax_authority_code}", "center", size="small"),
        QrCode(invoice.reservation_code),
        Text(f"Mã tra cứu: {invoice.reservation_code}", "center", bold=True),
        Text(f"Tra cứu tại {invoice.lookup_url}", "center", size="small"),
    ]
