"""The X and the Z, rule by rule: what a refusal says, which counts are accepted, where the
showroom's cash limit lies, and what the audit log and the stored report keep. Written against
surviving mutants of pos/services/shift_close.py: each test pins what a cashier, a manager or
an accountant reading the file relies on."""

import json
import unicodedata

import pytest

from pos.errors import ValidationError
from pos.services import einvoice_outbox, shift_close, shifts, users
from tests.services.test_einvoice_capture import invoicing  # noqa: F401 (a fixture)
from tests.services.test_users_and_refunds import DAY, T, cash, people, sell  # noqa: F401


def _last_audit(db, action: str):
    row = db.execute(
        "SELECT actor, approver, terminal_code, details FROM audit_log WHERE action = ? "
        "ORDER BY id DESC LIMIT 1",
        [action],
    ).fetchone()
    return row[:3], json.loads(row[3])


def _refused(call) -> str:
    with pytest.raises(ValidationError) as refused:
        call()
    return str(refused.value)


def test_a_till_without_an_open_shift_says_so_in_words(demo_db, people):  # noqa: F811
    cashier = people["cashier"]
    shift_close.close_shift(demo_db, T, cashier, {500_000: 1}, {})
    assert _refused(lambda: shift_close.x_report(demo_db, T, cashier)) == "quầy này chưa mở ca"


def test_the_drawer_opened_without_a_sale_keeps_its_reason_its_approver_and_its_till(
    demo_db,
    people,  # noqa: F811
):
    cashier = people["cashier"]
    subject = shift_close.drawer_subject(T)
    yes = users.approve(demo_db, "quanly", "quanly2026", "no_sale_drawer", cashier, subject, T)
    typed = unicodedata.normalize("NFD", "Đổi tiền lẻ")  # as some keyboards send it
    assert shift_close.open_drawer_without_sale(demo_db, T, cashier, typed, yes) == "quanly"
    assert _last_audit(demo_db, "drawer_open") == (
        ("thungan", "quanly", T),
        {"reason": "Đổi tiền lẻ"},
    )


def test_the_x_report_names_the_till_and_cashier_is_not_numbered_and_is_audited(
    demo_db,
    people,  # noqa: F811
):
    cashier = people["cashier"]
    shift = shifts.current_shift(demo_db, T)
    x = shift_close.x_report(demo_db, T, cashier)
    assert (x.kind, x.number, x.counted, x.cash_count) == ("X", "", {}, {})
    assert (x.figures.terminal_code, x.figures.cashier) == (T, cashier.display_name)
    assert _last_audit(demo_db, "x_report") == (("thungan", None, T), {"shift": shift.id})


def test_cash_off_by_exactly_the_limit_is_the_cashiers_to_close(demo_db, people):  # noqa: F811
    """The limit (50.000 ₫) is within the cashier's say; the next count the notes allow
    below it (1.000 ₫ further) is a manager's."""
    off_by_limit = {200_000: 2, 50_000: 1}  # 450.000 counted, 500.000 expected
    assert shift_close.z_difference_subject(demo_db, T, off_by_limit) == ""
    beyond = {200_000: 2, 20_000: 2, 5_000: 1, 2_000: 2}  # 449.000 counted
    assert shift_close.z_difference_subject(demo_db, T, beyond).endswith("lệch -51.000 ₫")
    z = shift_close.close_shift(demo_db, T, people["cashier"], off_by_limit, {})
    assert z.difference("cash") == -50_000


def test_counts_of_none_are_accepted_and_unknown_notes_or_methods_refused(
    demo_db,
    people,  # noqa: F811
):
    cashier = people["cashier"]
    for cash_count, other, message in (
        ({123: 1}, {}, "số tờ tiền không hợp lệ"),  # no such banknote
        ({500_000: -1}, {}, "số tờ tiền không hợp lệ"),
        ({500_000: 1}, {"cheque": 5}, "tổng tiền đếm không hợp lệ"),  # no such method
        ({500_000: 1}, {"bank": -1}, "tổng tiền đếm không hợp lệ"),
    ):
        close = lambda c=cash_count, o=other: shift_close.close_shift(demo_db, T, cashier, c, o)  # noqa: E731
        assert _refused(close) == message
    assert shifts.current_shift(demo_db, T) is not None  # nothing closed by the refusals
    z = shift_close.close_shift(demo_db, T, cashier, {500_000: 1, 200_000: 0}, {"bank": 0})
    assert z.counted == {"cash": 500_000, "bank": 0, "card": 0}  # card not counted: none
    assert z.cash_count == {500_000: 1, 200_000: 0}


def test_the_z_audit_entry_and_stored_report_are_what_was_printed(demo_db, people):  # noqa: F811
    """The stored report is read by people and tools: canonical JSON (keys sorted, Vietnamese
    as written), the banknotes by value, the same figures the Z returned."""
    cashier = people["cashier"]
    z = shift_close.close_shift(demo_db, T, cashier, {200_000: 2, 50_000: 1}, {})  # 50.000 short
    assert _last_audit(demo_db, "z_report") == (
        ("thungan", None, T),
        {"z": z.number, "differences": {"cash": -50_000, "bank": 0, "card": 0}},
    )
    kind, number, stored = demo_db.execute(
        "SELECT kind, number, report FROM shift_reports WHERE number = ?", [z.number]
    ).fetchone()
    data = json.loads(stored)
    assert stored == json.dumps(data, ensure_ascii=False, sort_keys=True)
    assert cashier.display_name in stored  # not \\u-escaped
    assert (kind, number, data["kind"], data["number"]) == ("Z", z.number, "Z", z.number)
    assert data["cash_count"] == {"200000": 2, "50000": 1}
    assert data["counted"] == z.counted and data["journal_head"] == z.journal_head
    assert data["figures"]["cashier"] == cashier.display_name
    assert data["figures"]["opening_float_vnd"] == 500_000


def _einvoice_counts(db, cashier):
    figures = shift_close.x_report(db, T, cashier).figures
    return figures.einvoices_issued, figures.einvoices_refused, figures.einvoices_unsent


def test_the_x_counts_einvoices_issued_refused_and_still_to_go(demo_db, invoicing):  # noqa: F811
    """Issued invoices are counted apart; a refused one is counted, and is also still unsent,
    as is one waiting to send and a sale not yet queued to the sender. With nothing issued or
    refused, both say 0."""
    cashier = invoicing["cashier"]
    for token in ("s1", "s2", "s3"):
        sell(demo_db, [("BANH-PIA", 1)], cash, token)
    assert _einvoice_counts(demo_db, cashier) == (0, 0, 3)  # none queued yet
    work = einvoice_outbox.claim(demo_db, DAY)  # queues the three, sends the first
    einvoice_outbox.issued(demo_db, work, "C26MAA1", "M1-26-X", "R1", DAY)
    work = einvoice_outbox.claim(demo_db, DAY)
    einvoice_outbox.parked(demo_db, work, DAY, "mã số thuế người mua sai")
    sell(demo_db, [("BANH-PIA", 1)], cash, "s4")  # captured, not yet queued
    assert _einvoice_counts(demo_db, cashier) == (1, 1, 3)  # parked + pending + waiting
