"""The figures of an e-invoice, worked out once from what the till posted. Shelf prices include
VAT; an invoice states each line before VAT. The till's own VAT per line is kept (its rounding
is within the provider's 1 đồng of amount x rate), so the invoice's VAT is the VAT in the
till's reports and its total is what the customer paid, to the đồng.

The correction causes are dated data: a decree renames or renumbers them."""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from pos.amount_words import amount_in_words
from pos.cart import included_vat
from pos.documents.einvoice import NOBODY, Buyer, Invoice, InvoiceLine, InvoiceRef, Seller
from pos.errors import ValidationError
from pos.tax_codes import business_tax_code, personal_number
from pos.text import nfc

UNIT_PRICE_PLACES = Decimal("0.0001")  # qty (at most 9 999) x the rounding stays below 1 đồng
PAYMENT_NAMES = {"cash": "TM", "bank": "CK", "card": "thẻ"}  # in the order they are written


@dataclass(frozen=True)
class CauseRule:
    valid_from: date
    kind: str  # adjustment | replacement
    code: str
    text: str


CAUSES = (
    CauseRule(date(2025, 6, 1), "adjustment", "05", "Trả lại hàng hóa"),
    CauseRule(date(2025, 6, 1), "replacement", "14", "Lập sai hóa đơn"),
)


def cause_on(kind: str, day: date, rules: tuple[CauseRule, ...] = CAUSES) -> CauseRule:
    in_force = [rule for rule in rules if rule.kind == kind and rule.valid_from <= day]
    if not in_force:
        raise LookupError(f"no {kind} cause in force on {day}")
    return max(in_force, key=lambda rule: rule.valid_from)


@dataclass(frozen=True)
class PostedLine:
    """A sale line as posted (VAT-inclusive amounts), or the part of one a refund gave back."""

    code: str
    name: str
    unit: str
    qty: int
    gross_vnd: int  # qty x shelf price (a refund's: what it gave back, no discount shown)
    net_vnd: int  # after discounts
    vat_bp: int
    vat_vnd: int


def invoice_line(line_no: int, posted: PostedLine, sign: int = 1) -> InvoiceLine:
    """The line before VAT: the amount is what the till posted less its VAT; the discount is
    the discount's own part before VAT; the unit price is (amount + discount) / qty."""
    off = posted.gross_vnd - posted.net_vnd
    discount = off - included_vat(off, posted.vat_bp)
    amount = posted.net_vnd - posted.vat_vnd
    gross_before_vat = amount + discount
    unit_price = (Decimal(gross_before_vat) / posted.qty).quantize(UNIT_PRICE_PLACES, ROUND_HALF_UP)
    return InvoiceLine(
        line_no,
        posted.code,
        posted.name,
        posted.unit,
        sign * posted.qty,
        f"{unit_price.normalize():f}",
        sign * discount,
        sign * amount,
        posted.vat_bp,
        sign * posted.vat_vnd,
    )


def payment_method(methods: set[str]) -> str:
    """TM (cash), CK (transfer), thẻ (card), joined as invoices write a mix: TM/CK."""
    return "/".join(name for method, name in PAYMENT_NAMES.items() if method in methods)


@dataclass(frozen=True)
class InvoiceHead:
    """What an invoice carries besides its lines."""

    key: str
    kind: str
    template: str
    symbol: str
    issued_at: str
    document_number: str
    seller: Seller
    buyer: Buyer
    payment_method: str
    original: InvoiceRef | None = None
    cause: str = ""
    note: str = ""


def build_invoice(head: InvoiceHead, posted: list[PostedLine]) -> Invoice:
    """The invoice of ``posted`` lines: an adjustment's figures are negative."""
    sign = -1 if head.kind == "adjustment" else 1
    lines = tuple(invoice_line(no, line, sign) for no, line in enumerate(posted, start=1))
    taxes: dict[int, list[int]] = {}
    for line in lines:
        amount_and_vat = taxes.setdefault(line.vat_bp, [0, 0])
        amount_and_vat[0] += line.amount_vnd
        amount_and_vat[1] += line.vat_vnd
    amount = sum(line.amount_vnd for line in lines)
    vat = sum(line.vat_vnd for line in lines)
    return Invoice(
        key=head.key,
        kind=head.kind,
        template=head.template,
        symbol=head.symbol,
        issued_at=head.issued_at,
        document_number=head.document_number,
        seller=head.seller,
        buyer=head.buyer,
        lines=lines,
        amount_vnd=amount,
        vat_vnd=vat,
        total_vnd=amount + vat,
        taxes=tuple((rate, a, v) for rate, (a, v) in sorted(taxes.items())),
        payment_method=head.payment_method,
        amount_in_words=amount_in_words(abs(amount + vat)),
        original=head.original,
        cause=head.cause,
        note=head.note,
    )


def checked_buyer(
    kind: str,
    today: date,
    *,
    tax_code: str = "",
    name: str = "",
    address: str = "",
    phone: str = "",
    email: str = "",
) -> Buyer:
    """Who the buyer says they are, or refused with what is missing or wrong: a business
    needs its tax code (checked) and name; a person their name (their 12-digit number, if
    given, is checked); nobody is the shop's consumer."""
    if kind == "none":
        return NOBODY
    name, address = nfc(name).strip(), nfc(address).strip()
    phone, email = nfc(phone).strip(), nfc(email).strip()
    if kind == "business":
        code = business_tax_code(tax_code)
        if not name:
            raise ValidationError("hóa đơn cho doanh nghiệp cần tên doanh nghiệp")
        return Buyer("business", code, name, address, phone, email)
    if kind == "person":
        if not name:
            raise ValidationError("hóa đơn cho cá nhân cần họ tên người mua")
        code = personal_number(tax_code, today) if tax_code.strip() else ""
        return Buyer("person", code, name, address, phone, email)
    raise ValidationError(f"không có loại người mua '{kind}'")
