"""The X and Z reports of a shift as plain data: what the services work out and keep, and what
printing lays out; with the rule of what the drawer should hold."""

from dataclasses import dataclass, field

DENOMINATIONS = (500_000, 200_000, 100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000)


def banknotes(amount_vnd: int) -> dict[int, int]:
    """A drawer's count by denomination, largest notes first (what is left under 1,000 đ
    is not counted: there are no such notes)."""
    notes = {}
    for value in DENOMINATIONS:
        count, amount_vnd = divmod(amount_vnd, value)
        if count:
            notes[value] = count
    return notes


@dataclass(frozen=True)
class ProducerLine:
    code: str
    name: str
    sales_vnd: int
    refunds_vnd: int


@dataclass
class ShiftFigures:
    terminal_code: str
    cashier: str
    opened_at: str
    opening_float_vnd: int
    sales_count: int = 0
    gross_vnd: int = 0
    discount_vnd: int = 0
    net_sales_vnd: int = 0
    sales_by_method: dict[str, int] = field(default_factory=dict)
    refunds_count: int = 0
    refunds_vnd: int = 0
    refunds_by_method: dict[str, int] = field(default_factory=dict)
    cash_in_vnd: int = 0
    cash_out_vnd: int = 0
    approvals: int = 0
    drawer_opens: int = 0
    by_producer: list[ProducerLine] = field(default_factory=list)
    # The e-invoices of the shift's sales and refunds, as the provider's answers stand.
    einvoices_issued: int = 0
    einvoices_unsent: int = 0
    einvoices_refused: int = 0

    def expected(self, method: str) -> int:
        """What should be there for ``method`` at the end of the shift."""
        amount = self.sales_by_method.get(method, 0) - self.refunds_by_method.get(method, 0)
        if method == "cash":
            amount += self.opening_float_vnd + self.cash_in_vnd - self.cash_out_vnd
        return amount


@dataclass(frozen=True)
class ShiftReport:
    kind: str  # X | Z
    number: str  # Z-numbered per terminal; X reports are not numbered
    created_at: str
    figures: ShiftFigures
    counted: dict[str, int]  # per method, Z only
    cash_count: dict[int, int]  # banknotes counted, Z only
    journal_head: str = ""  # Z only: the journal's head as printed (pos.journal.Anchor)

    def difference(self, method: str) -> int:
        return self.counted.get(method, 0) - self.figures.expected(method)
