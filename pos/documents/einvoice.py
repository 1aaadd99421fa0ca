"""An e-invoice as plain data: what is queued for a sale or refund and what every attempt to
send it carries, identical each time (its figures are worked out once, when it is queued,
and stored)."""

import json
from dataclasses import asdict, dataclass

NO_BUYER_NAME = "Bán cho người tiêu dùng"  # what an invoice says when the buyer gives nothing


@dataclass(frozen=True)
class Seller:
    tax_code: str
    name: str
    address: str
    location_code: str  # the business location (địa điểm kinh doanh) the till stands in
    location_name: str
    location_address: str


@dataclass(frozen=True)
class Buyer:
    kind: str  # none | business | person
    tax_code: str = ""  # a business's 10 or 10-3 digits, a person's 12-digit number
    name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""


NOBODY = Buyer("none")


@dataclass(frozen=True)
class InvoiceLine:
    """One line before VAT, as the provider checks it: qty x unit price - discount = amount
    (within 1 đồng), amount x rate = VAT (within 1 đồng). An adjustment's lines are negative."""

    line_no: int
    code: str
    name: str
    unit: str
    qty: int
    unit_price: str  # before VAT, a decimal with up to 4 places (prices on the shelf include VAT)
    discount_vnd: int
    amount_vnd: int
    vat_bp: int
    vat_vnd: int


@dataclass(frozen=True)
class InvoiceRef:
    """The invoice an adjustment or a replacement refers to."""

    key: str
    template: str
    symbol: str
    number: str
    issued_on: str  # ISO date


@dataclass(frozen=True)
class Invoice:
    key: str  # the idempotency key (a UUID) every request for this invoice carries
    kind: str  # original | adjustment | replacement
    template: str
    symbol: str
    issued_at: str  # ISO time to the second
    document_number: str  # the receipt or refund it is the invoice of
    seller: Seller
    buyer: Buyer
    lines: tuple[InvoiceLine, ...]
    amount_vnd: int  # before VAT
    vat_vnd: int
    total_vnd: int  # what the customer paid (or got back): the till's own total
    taxes: tuple[tuple[int, int, int], ...]  # (rate bp, amount before VAT, VAT) per rate
    payment_method: str  # TM, CK, TM/CK, thẻ
    amount_in_words: str
    original: InvoiceRef | None = None
    cause: str = ""  # the correction's cause code (05 goods returned, 14 made in error)
    note: str = ""

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @staticmethod
    def from_json(text: str) -> "Invoice":
        data = json.loads(text)
        original = data.pop("original")
        return Invoice(
            **{
                **data,
                "seller": Seller(**data["seller"]),
                "buyer": Buyer(**data["buyer"]),
                "lines": tuple(InvoiceLine(**line) for line in data["lines"]),
                "taxes": tuple(tuple(rate) for rate in data["taxes"]),
                "original": InvoiceRef(**original) if original else None,
            }
        )
