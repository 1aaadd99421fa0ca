"""A product label as plain data: what the label sheet and the thermal label print."""

from dataclasses import dataclass


@dataclass(frozen=True)
class LabelData:
    name: str
    price_vnd: int
    barcode: str
    ocop_rating: str
    producer: str
    expiry_date: str | None  # ISO; only for products that track expiry
