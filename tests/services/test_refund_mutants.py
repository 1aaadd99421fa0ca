"""Refunds as the cashier and the manager meet them: the refusal's exact words before a
manager is asked, and the sale the refund dialog shows. Written against surviving mutants of
pos/services/refunds.py."""

import pytest

from pos.errors import ValidationError
from pos.services import refunds
from pos.services.refunds import RefundItem
from tests.services.test_users_and_refunds import T, cash, people, sell  # noqa: F401


def test_the_sale_shown_for_a_refund_is_the_one_asked_for(demo_db, people):  # noqa: F811
    sale = sell(demo_db, [("BANH-PIA", 2)], cash, "s1")
    shown = refunds.sale_for_refund(demo_db, sale.number)
    assert (shown.number, shown.sold_at[:10], shown.methods) == (
        sale.number,
        "2026-11-24",
        ("cash",),
    )
    [line] = shown.lines
    assert (line.sku, line.qty_sold, line.qty_refunded) == ("BANH-PIA", 2, 0)


@pytest.mark.parametrize(
    "items, reason, note, message",
    [
        ([RefundItem(1, 1)], "", "", "cần chọn lý do trả hàng"),
        ([RefundItem(1, 1)], "other", "  ", "lý do khác: hãy ghi rõ lý do"),
        ([RefundItem(1, 0)], "defective", "", "chưa chọn hàng nào để trả"),
        ([], "defective", "", "chưa chọn hàng nào để trả"),
    ],
)
def test_a_request_that_cannot_be_posted_says_why_in_words(items, reason, note, message):
    with pytest.raises(ValidationError) as refused:
        refunds.check_request(items, reason, note)
    assert str(refused.value) == message


def test_a_request_keeps_only_the_lines_with_units():
    kept = refunds.check_request([RefundItem(1, 0), RefundItem(2, 3)], "defective", "")
    assert kept == [RefundItem(2, 3)]
