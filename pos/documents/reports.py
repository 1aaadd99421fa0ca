"""Sales and stock reports as plain data (services work them out; printing makes tables)."""

from dataclasses import dataclass
from datetime import date

from pos.money import change_bp


@dataclass(frozen=True)
class SalesReportRow:
    key: str  # stable id: '2026-11-24', '2026-W47', '2026-11', a sku, a producer code...
    label: str
    qty_sold: int
    sales_vnd: int  # the lines' net amounts: VAT included, after line and cart discounts
    qty_refunded: int
    refunds_vnd: int  # refunds made in the range, whenever the goods were sold
    commission_vnd: int  # on the sales, less the commission the refunds gave back
    receipts: int  # sales (receipts) with a line in this group
    period_start: date | None = None  # first day of the day, week (Monday) or month

    @property
    def net_vnd(self) -> int:
        return self.sales_vnd - self.refunds_vnd

    @property
    def net_qty(self) -> int:
        return self.qty_sold - self.qty_refunded


@dataclass(frozen=True)
class SalesReport:
    by: str
    date_from: date
    date_to: date
    rows: tuple[SalesReportRow, ...]
    total: SalesReportRow


@dataclass(frozen=True)
class SlowMover:
    sku: str
    name: str
    producer_code: str
    on_hand: int
    qty_sold: int  # in the range
    last_sold_on: date | None  # the last sale up to the end of the range, None if never
    days_since_sale: int | None  # from the last sale to the end of the range


@dataclass(frozen=True)
class ProducerStockValue:
    code: str
    name: str
    units: int
    retail_vnd: int  # at today's retail prices
    cost_vnd: int  # what the producer would be owed: retail less the commission in force

    @property
    def commission_vnd(self) -> int:
        return self.retail_vnd - self.cost_vnd


@dataclass(frozen=True)
class StockValue:
    on: date
    rows: tuple[ProducerStockValue, ...]
    units: int
    retail_vnd: int
    cost_vnd: int


@dataclass(frozen=True)
class ComparedRow:
    key: str
    label: str
    earlier: SalesReportRow
    later: SalesReportRow

    @property
    def change_vnd(self) -> int:
        return self.later.net_vnd - self.earlier.net_vnd

    @property
    def change_bp(self) -> int | None:
        """The change in net sales in basis points of the earlier figure (None from nothing)."""
        return change_bp(self.earlier.net_vnd, self.later.net_vnd)


@dataclass(frozen=True)
class SalesComparison:
    earlier: SalesReport
    later: SalesReport
    rows: tuple[ComparedRow, ...]
    total: ComparedRow
