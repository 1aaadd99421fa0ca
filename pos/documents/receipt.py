"""A posted sale's receipt as plain data: what the till prints, and every reprint."""

from dataclasses import dataclass


@dataclass(frozen=True)
class ReceiptLine:
    name: str
    qty: int
    unit: str
    unit_price_vnd: int
    discount_vnd: int
    net_vnd: int
    producer: str
    province: str
    ocop_rating: str


@dataclass(frozen=True)
class ReceiptPayment:
    method: str
    amount_vnd: int
    tendered_vnd: int | None
    change_vnd: int
    reference: str


@dataclass(frozen=True)
class ReceiptInvoice:
    """The sale's e-invoice as known when the receipt is printed (a reprint shows what is
    known by then: the number and codes come from the provider after the sale)."""

    symbol: str
    number: str  # '' while it is on its way
    tax_authority_code: str
    reservation_code: str  # what the buyer looks it up with
    lookup_url: str


@dataclass(frozen=True)
class ReceiptData:
    """Everything printed on a receipt, as plain values (safe to hand to a print thread)."""

    showroom_name: str
    showroom_address: str
    tax_code: str
    phone: str
    footer: str
    number: str
    sold_at: str
    terminal: str
    cashier: str
    lines: tuple[ReceiptLine, ...]
    gross_vnd: int
    discount_vnd: int
    total_vnd: int
    vat_by_rate: tuple[tuple[int, int], ...]
    payments: tuple[ReceiptPayment, ...]
    qr_payload: str  # the VietQR when paid by transfer, else the receipt lookup code
    einvoice: ReceiptInvoice | None = None
