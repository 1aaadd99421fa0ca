"""Why goods came back, as the refund slip and the reports name it."""

REASONS = {
    "defective": "Hàng lỗi / hư hỏng",
    "expired": "Hàng hết hạn",
    "wrong_item": "Bán nhầm hàng",
    "changed_mind": "Khách đổi ý",
    "other": "Lý do khác",
}
