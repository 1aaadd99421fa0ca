"""A producer's settlement statement figures for a period, as plain data: the stock
reconciliation per lot, the sales with commission and the amount owed."""

from dataclasses import dataclass
from datetime import date

from pos.consignment import balance_due


@dataclass(frozen=True)
class StockRow:
    sku: str
    product_name: str
    lot_code: str
    expiry_date: str | None
    opening: int
    received: int
    sold: int  # units out to customers (positive)
    refunded: int  # units back from customers
    returned: int  # units handed back to the producer (positive)
    adjusted: int  # counts and write-offs, signed
    closing: int

    def balances(self) -> bool:
        return (
            self.opening + self.received - self.sold + self.refunded - self.returned + self.adjusted
            == self.closing
        )


@dataclass(frozen=True)
class SalesRow:
    sku: str
    product_name: str
    qty_sold: int
    qty_refunded: int
    gross_vnd: int
    discount_vnd: int
    refund_vnd: int  # customers' refunds in this period (of this or earlier months' sales)
    net_vnd: int  # gross - discount - refunds
    commission_vnd: int
    due_vnd: int  # to the producer: net less commission
    commission_terms: str = ""


@dataclass(frozen=True)
class StatementFigures:
    producer_code: str
    start: date
    end: date
    stock: tuple[StockRow, ...]
    sales: tuple[SalesRow, ...]
    net_vnd: int
    commission_vnd: int
    owed_vnd: int  # net - commission + agreed adjustments
    adjustments: tuple[tuple[str, str, int], ...] = ()  # agreed with the producer: day, why, ±

    @property
    def adjustments_vnd(self) -> int:
        return sum(amount for _, _, amount in self.adjustments)


@dataclass(frozen=True)
class Party:
    name: str
    lines: tuple[str, ...]  # address, tax code, bank account, ... as printed


@dataclass(frozen=True)
class StatementDocument:
    number: str  # '' for a draft
    issued_on: date
    showroom: Party
    producer: Party
    figures: StatementFigures
    expiring: tuple[tuple[str, str, str, int], ...]  # sku, lot, expiry (dd/mm/yyyy), on hand
    vietqr_payload: str  # '' when nothing is owed or no account is known
    previous_balance_vnd: int = 0  # unpaid from earlier statements
    paid_in_period_vnd: int = 0  # payouts made during the period
    journal_head: str = ""  # issued: the journal's head then (pos.journal.Anchor), printed

    @property
    def balance_vnd(self) -> int:
        return balance_due(
            self.previous_balance_vnd, self.figures.owed_vnd, self.paid_in_period_vnd
        )


def has_a_statement(figures: StatementFigures, previous_vnd: int, paid_in_period_vnd: int) -> bool:
    """Whether a producer gets a statement for the period (issued or drafted alike): goods,
    sales, an agreed amount, a balance carried over or a payout; a month with none of them
    has nothing to show."""
    return bool(
        figures.stock or figures.sales or figures.adjustments or previous_vnd or paid_in_period_vnd
    )
