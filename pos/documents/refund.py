"""A refund's paper slip as plain data, and why goods came back (as slips and reports name it)."""

from dataclasses import dataclass

REASONS = {
    "defective": "Hàng lỗi / hư hỏng",
    "expired": "Hàng hết hạn",
    "wrong_item": "Bán nhầm hàng",
    "changed_mind": "Khách đổi ý",
    "other": "Lý do khác",
}


@dataclass(frozen=True)
class RefundSlip:
    showroom: str
    number: str
    sale_number: str
    refunded_at: str
    lines: tuple[tuple[str, int, int], ...]  # product name as sold, units back, net đồng
    total_vnd: int
    method: str
    reason_code: str
    cashier: str
    approved_by: str | None
