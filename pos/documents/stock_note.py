"""A posted stock document's paper note as plain data: the goods receipt note a producer's
deliverer signs, and the producer return note."""

from dataclasses import dataclass

GOODS_RECEIPT = "goods_receipt"
PRODUCER_RETURN = "producer_return"


@dataclass(frozen=True)
class NoteProducer:
    code: str
    name: str
    kind: str  # 'company' | 'cooperative' | 'household', as stored
    kind_label: str  # 'Hợp tác xã', ... as printed
    province: str
    phone: str
    tax_code: str


@dataclass(frozen=True)
class StockNoteLine:
    line_no: int  # 1, 2, ... in the order the lines were posted
    sku: str
    product_name: str
    unit: str
    lot_code: str
    production_date: str | None  # ISO, as stored
    expiry_date: str | None
    qty: int
    unit_price_vnd: int  # the product's retail price
    value_vnd: int  # qty × unit price


@dataclass(frozen=True)
class StockNote:
    kind: str  # GOODS_RECEIPT | PRODUCER_RETURN
    number: str  # PNK-000001, PXT-000001
    date: str  # ISO day received / returned
    showroom_name: str
    showroom_address: str
    showroom_phone: str
    showroom_tax_code: str
    producer: NoteProducer
    note: str  # the receipt's note, or the reason for the return
    lines: tuple[StockNoteLine, ...]
    total_qty: int
    total_value_vnd: int
