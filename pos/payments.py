"""Tenders against a total: cash (with change), bank transfer (VietQR), card; split allowed."""

from dataclasses import dataclass

from pos.errors import ValidationError
from pos.money import MAX_VND, format_vnd

METHODS = ("cash", "bank", "card")
NOTES_VND = (10_000, 20_000, 50_000, 100_000, 200_000, 500_000)


@dataclass(frozen=True)
class Tender:
    method: str
    amount_vnd: int  # what this tender pays of the sale
    tendered_vnd: int | None = None  # cash handed over (change = tendered - amount)
    reference: str = ""  # card terminal reference, transfer note

    @property
    def change_vnd(self) -> int:
        return (self.tendered_vnd or self.amount_vnd) - self.amount_vnd


@dataclass(frozen=True)
class PaymentState:
    total_vnd: int
    paid_vnd: int
    change_vnd: int

    @property
    def remaining_vnd(self) -> int:
        return self.total_vnd - self.paid_vnd

    @property
    def is_complete(self) -> bool:
        return self.paid_vnd == self.total_vnd


def check_tenders(total_vnd: int, tenders: list[Tender]) -> PaymentState:
    """Refuse tenders that pay more than is due or give change from anything but cash."""
    paid = 0
    for tender in tenders:
        if tender.method not in METHODS:
            raise ValidationError(f"hình thức thanh toán không hợp lệ: {tender.method}")
        if tender.amount_vnd <= 0:
            raise ValidationError("số tiền thanh toán phải lớn hơn 0")
        if max(tender.amount_vnd, tender.tendered_vnd or 0) > MAX_VND:
            raise ValidationError(f"số tiền quá lớn (tối đa {format_vnd(MAX_VND)})")
        if tender.tendered_vnd is not None and tender.method != "cash":
            raise ValidationError("chỉ tiền mặt mới có tiền thối lại")
        if tender.tendered_vnd is not None and tender.tendered_vnd < tender.amount_vnd:
            raise ValidationError("tiền khách đưa ít hơn số tiền thanh toán")
        if tender.method == "card" and not tender.reference.strip():
            raise ValidationError("cần mã giao dịch của máy cà thẻ")
        paid += tender.amount_vnd
        if paid > total_vnd:
            raise ValidationError("tổng thanh toán vượt số tiền phải trả")
    return tally(total_vnd, tenders)


def tally(total_vnd: int, tenders: list[Tender]) -> PaymentState:
    """What the tenders so far pay and give back (the payment dialog shows it as they come)."""
    return PaymentState(
        total_vnd, sum(t.amount_vnd for t in tenders), sum(t.change_vnd for t in tenders)
    )


def cash_tender(remaining_vnd: int, handed_vnd: int) -> Tender:
    """Cash handed over against what is still due: pays up to that, the rest is change."""
    if handed_vnd <= 0:
        raise ValidationError("nhập số tiền khách đưa")
    return Tender("cash", min(handed_vnd, remaining_vnd), handed_vnd)


def cash_suggestions(due_vnd: int, count: int = 5) -> list[int]:
    """The exact amount, then the next amounts payable with round notes (10k ... 500k)."""
    if due_vnd <= 0:
        return []
    amounts = {due_vnd}
    for note in NOTES_VND:
        amounts.add(-(-due_vnd // note) * note)
    return sorted(amounts)[:count]
