"""Refunds as the cashier and the manager meet them: the refusal's exact words before a
manager is asked, the sale the refund dialog shows, and the lots units go back to. Written
against surviving mutants of pos/services/refunds.py."""

from datetime import date

import pytest

from pos.errors import NotFound, ValidationError
from pos.payments import Tender
from pos.services import audit, refunds, shift_close, stock, users
from pos.services.refunds import RefundItem
from tests.conftest import demo_user
from tests.services.test_einvoice_capture import invoices, invoicing  # noqa: F401
from tests.services.test_statement_mutants import journal_payload
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


def test_refunds_say_in_words_when_the_shift_is_closed_or_the_method_is_not_the_customers(
    demo_db,
    people,  # noqa: F811
):
    manager = people["manager"]
    sale = sell(demo_db, [("BANH-PIA", 2)], lambda t: [Tender("card", t, reference="AP")], "s1")
    [line] = refunds.sale_for_refund(demo_db, sale.number).lines
    item = [RefundItem(line.sale_line_id, 1)]
    with pytest.raises(ValidationError) as refused:
        refunds.post_refund(demo_db, T, manager, sale.number, item, "defective", "bank", "r0")
    assert str(refused.value) == "hoàn tiền bằng tiền mặt hoặc đúng hình thức khách đã trả"
    # Cash back is always possible, even for a sale paid by card.
    refunds.post_refund(demo_db, T, manager, sale.number, item, "defective", "cash", "r1")
    shift_close.close_shift(demo_db, T, manager, {500_000: 1}, {"card": 150_000})
    with pytest.raises(ValidationError) as refused:
        refunds.post_refund(demo_db, T, manager, sale.number, item, "defective", "card", "r2")
    assert str(refused.value) == "Chưa mở ca: hãy mở ca trước khi trả hàng"


@pytest.mark.parametrize(
    "refunded, back",
    [
        # A first refund of 1 goes to the later lot; the next, of 2, fills it no further and
        # gives the rest to the early lot.
        ((1, 2), [("EARLY", 2), ("L2611-12", 1)]),
        # 2 at once: 1 back into the later lot and the other into the early one.
        ((2,), [("EARLY", 1), ("L2611-12", 1)]),
    ],
)
def test_units_go_back_to_each_lot_no_more_than_were_taken_from_it(
    demo_db,
    people,  # noqa: F811
    refunded,
    back,
):
    """Sold 2 from an early lot and 1 from a later one: refunded units go back latest lot
    first, each lot taking no more than it gave, and none is left out of stock."""
    stock.receive_goods(
        demo_db,
        "BAOMINH",
        [stock.IntakeLine("BANH-COM", 2, "EARLY", date(2026, 11, 20), date(2026, 12, 1))],
        received_on=date(2026, 11, 24),
        actor=demo_user(demo_db, "quanly"),
    )
    sale = sell(demo_db, [("BANH-COM", 3)], cash, "s1")  # 2 from EARLY, 1 from L2611-12
    [line] = refunds.sale_for_refund(demo_db, sale.number).lines
    for visit, qty in enumerate(refunded):
        refunds.post_refund(
            demo_db,
            T,
            people["manager"],
            sale.number,
            [RefundItem(line.sale_line_id, qty)],
            "changed_mind",
            "cash",
            f"r{visit}",
        )
    given_back = demo_db.execute(
        "SELECT l.lot_code, sum(rl.qty) FROM refund_line_lots rl JOIN lots l ON l.id = rl.lot_id "
        "GROUP BY l.lot_code ORDER BY l.lot_code"
    ).fetchall()
    assert given_back == back


def test_a_receipt_number_that_does_not_exist_is_named_in_the_refusal(demo_db):
    with pytest.raises(NotFound) as refused:
        refunds.sale_for_refund(demo_db, "T01-999999")
    assert str(refused.value) == "không có hóa đơn số T01-999999"


def test_the_journal_and_audit_log_keep_the_refund_as_posted(demo_db, people):  # noqa: F811
    """What an auditor reads of a refund a cashier made with a manager's yes: the sale, when,
    how, why, each line (written off or not), the total and the approver; the audit log names
    the refund, the sale, the amount and who approved."""
    cashier = people["cashier"]
    sale = sell(demo_db, [("BANH-PIA", 2)], cash, "s1")
    [line] = refunds.sale_for_refund(demo_db, sale.number).lines
    items = [RefundItem(line.sale_line_id, 1, write_off=True)]
    subject = refunds.refund_subject(sale.number, refunds.refund_total(demo_db, sale.number, items))
    yes = users.approve(demo_db, "quanly", "quanly2026", "refund", cashier, subject)
    posted = refunds.post_refund(
        demo_db, T, cashier, sale.number, items, "defective", "cash", "r1", approval=yes
    )
    assert journal_payload(demo_db, posted.number) == {
        "sale": sale.number,
        "refunded_at": "2026-11-24T09:00:00",
        "method": "cash",
        "reason": "defective",
        "total": 75_000,
        "lines": [[1, "BANH-PIA", 1, 75_000, True]],  # the codec keeps lines as rows
        "approved_by": "quanly",
    }
    stored = demo_db.execute("SELECT id FROM refunds WHERE number = ?", [posted.number])
    assert posted.id == stored.fetchone()[0]  # the slip is printed from it
    entry = audit.audit_entries(demo_db, "refund", limit=1)[0]
    assert (entry.actor, entry.approver, entry.terminal_code) == ("thungan", "quanly", T)
    assert entry.details == {"refund": posted.number, "sale": sale.number, "total": 75_000}


def test_refunds_of_a_line_one_unit_at_a_time_add_up_to_the_line(demo_db, people):  # noqa: F811
    """359.000 ₫ for 3 units does not split evenly: the refund that completes the line gets
    what is left, so the three refunds give back exactly what the line took."""
    sale = sell(demo_db, [("MUT-SEN", 3)], cash, "s1", discount="1.000")
    [line] = refunds.sale_for_refund(demo_db, sale.number).lines
    assert line.net_vnd == 359_000
    given = [
        refunds.post_refund(
            demo_db,
            T,
            people["manager"],
            sale.number,
            [RefundItem(line.sale_line_id, 1)],
            "changed_mind",
            "cash",
            f"r{visit}",
        ).total_vnd
        for visit in range(3)
    ]
    assert given == [119_667, 119_667, 119_666] and sum(given) == line.net_vnd


def test_lines_of_another_sale_twice_or_beyond_what_is_left_are_refused_in_words(
    demo_db,
    people,  # noqa: F811
):
    sale = sell(demo_db, [("BANH-PIA", 2)], cash, "s1")
    [line] = refunds.sale_for_refund(demo_db, sale.number).lines
    one = RefundItem(line.sale_line_id, 1)
    for items, message in (
        ([RefundItem(line.sale_line_id + 999, 1)], "dòng hàng không thuộc hóa đơn này"),
        ([one, one], "mỗi dòng hàng chỉ ghi một lần trong phiếu trả"),
        ([RefundItem(line.sale_line_id, -1)], "số lượng trả không được âm"),
        (
            [RefundItem(line.sale_line_id, 3)],
            "Bánh pía Bảo Minh 400g: đã bán 2, đã trả 0, chỉ còn trả được 2",
        ),
    ):
        with pytest.raises(ValidationError) as refused:
            refunds.refund_total(demo_db, sale.number, items)
        assert str(refused.value) == message


def test_the_adjustment_invoice_names_the_goods_given_back_as_the_sale_did(
    demo_db,
    invoicing,  # noqa: F811
):
    """The refund's adjustment invoice carries each line's product code, name and unit as
    the sale's invoice wrote them, so the tax office can match it line for line."""
    sale = sell(demo_db, [("SAM-TRA-20", 3), ("BANH-PIA", 2)], cash, "s1")
    [_, pia] = refunds.sale_for_refund(demo_db, sale.number).lines
    refunds.post_refund(
        demo_db,
        T,
        invoicing["manager"],
        sale.number,
        [RefundItem(pia.sale_line_id, 1)],
        "defective",
        "cash",
        "r1",
    )
    (_, _, original), (_, _, adjustment) = invoices(demo_db)
    [given_back] = adjustment.lines
    sold = original.lines[1]
    assert (given_back.code, given_back.name, given_back.unit) == (sold.code, sold.name, sold.unit)
    assert given_back.code == "BANH-PIA" and given_back.name == pia.name
