"""The outbox against the fake Viettel over real HTTP on loopback: every sale and refund
reaches it exactly once, whatever the network does."""

import time
from datetime import datetime, timedelta

import pytest

from pos.einvoice import checked_buyer
from pos.einvoicing.fake_viettel import FakeState, FakeViettel
from pos.einvoicing.sender import Sender
from pos.einvoicing.viettel import Viettel
from pos.errors import PermissionDenied, ValidationError
from pos.printing.blocks import as_text
from pos.printing.raster import PAPER_DOTS, render
from pos.printing.receipt import layout_receipt
from pos.services import einvoice_outbox as outbox
from pos.services import einvoices, integrity, receipts
from pos.services.settings import set_settings
from tests.services.test_einvoice_capture import refund_one
from tests.services.test_users_and_refunds import DAY, T, cash, people, sell  # noqa: F401


class Clock:
    def __init__(self) -> None:
        self.at = DAY

    def __call__(self) -> datetime:
        return self.at

    def wait(self, seconds: float) -> None:
        self.at += timedelta(seconds=seconds)


@pytest.fixture
def fake():
    with FakeViettel(FakeState(late_s=0.6)) as server:
        yield server


@pytest.fixture
def till(demo_db, people, fake):  # noqa: F811
    set_settings(
        demo_db,
        {
            "einvoice_provider": "viettel",
            "einvoice_url": fake.url,
            "einvoice_symbol": "1C26MAA",
            "showroom_tax_code": fake.state.tax_code,
        },
        people["admin"],
    )
    provider = Viettel(fake.url, fake.state.tax_code, "demo", "demo", timeout_s=0.3)
    clock = Clock()
    yield Sender(demo_db, provider, clock), clock
    provider.close()


def states(db):
    return [row[0] for row in db.execute("SELECT state FROM einvoice_outbox ORDER BY invoice_id")]


def keys(db):
    return [row[0] for row in db.execute("SELECT key FROM einvoices ORDER BY id")]


def at_fake(fake, db):
    """How many invoices the provider holds for each of ours."""
    return [len(fake.state.by_key(key)) for key in keys(db)]


def settle(sender, clock, rounds=20):
    """Send until nothing is left, letting time pass between tries (bounded)."""
    for _ in range(rounds):
        sender.drain(50)
        if set(states(sender.db)) <= {"issued", "parked", "stopped"}:
            return
        clock.wait(100)
    rows = sender.db.execute("SELECT * FROM einvoice_outbox").fetchall()
    raise AssertionError(f"still unsent: {rows} at {clock.at}")


def test_a_sale_is_issued_and_its_code_comes_back(demo_db, till, fake):
    sender, clock = till
    sale = sell(demo_db, [("SAM-TRA-20", 2), ("BANH-PIA", 1)], cash, "s1", discount="5%")
    assert sender.drain(10) == 1
    assert states(demo_db) == ["issued"]
    number, code, reservation = outbox.answer_of(demo_db, keys(demo_db)[0])
    assert number == "C26MAA1" and code.startswith("M1-26-") and reservation
    [held] = fake.state.invoices
    assert held.body["summarizeInfo"]["totalAmountWithTax"] == sale.total_vnd
    assert held.body["buyerInfo"]["buyerName"] == "Bán cho người tiêu dùng"


def test_a_refund_is_an_adjustment_of_the_issued_invoice(demo_db, till, fake, people):  # noqa: F811
    sender, clock = till
    sale = sell(demo_db, [("SAM-TRA-20", 3)], cash, "s1")
    refund = refund_one(demo_db, people["manager"], sale, DAY + timedelta(hours=1))
    settle(sender, clock)  # dated after the sender's clock (a clock put back): sent all the same
    original, adjustment = fake.state.invoices
    general = adjustment.body["generalInvoiceInfo"]
    assert general["adjustmentType"] == "5" and general["originalInvoiceId"] == original.number
    assert adjustment.body["summarizeInfo"]["totalAmountWithTax"] == refund.total_vnd
    assert adjustment.body["itemInfo"][0]["isIncreaseItem"] is False
    assert general["additionalReferenceDesc"].startswith("05")


def test_an_adjustment_waits_for_its_original(demo_db, till, fake, people):  # noqa: F811
    sender, clock = till
    fake.state.faults = ["error"]  # the original's first try fails
    sale = sell(demo_db, [("SAM-TRA-20", 2)], cash, "s1")
    refund_one(demo_db, people["manager"], sale)
    sender.drain(10)
    assert states(demo_db)[1] == "pending" and len(fake.state.invoices) == 0
    settle(sender, clock)
    assert at_fake(fake, demo_db) == [1, 1]


@pytest.mark.parametrize(
    "fault", ["timeout", "lost", "error", "error_after_create", "unnumbered", "token_expired"]
)
def test_whatever_the_network_does_each_sale_is_issued_exactly_once(demo_db, till, fake, fault):
    sender, clock = till
    fake.state.faults = [fault]
    for token in ("s1", "s2", "s3"):
        sell(demo_db, [("SAM-TRA-20", 1)], cash, token)
    settle(sender, clock)
    assert states(demo_db) == ["issued"] * 3
    assert at_fake(fake, demo_db) == [1, 1, 1]
    numbers = [outbox.answer_of(demo_db, key)[0] for key in keys(demo_db)]
    assert numbers == ["C26MAA1", "C26MAA2", "C26MAA3"]  # in order, no gap


def test_an_unclear_answer_is_never_followed_by_a_blind_resend_too_soon(demo_db, till, fake):
    sender, clock = till
    fake.state.faults = ["lost"]
    sell(demo_db, [("SAM-TRA-20", 1)], cash, "s1")
    sender.drain(10)  # sent, lost, looked up: not there
    assert states(demo_db) == ["lookup"] and fake.state.invoices == []
    clock.wait(60)  # less than the 90 s Viettel asks for
    sender.drain(10)
    assert states(demo_db) == ["lookup"] and fake.state.invoices == []
    clock.wait(31)
    sender.drain(10)
    assert states(demo_db) == ["issued"] and at_fake(fake, demo_db) == [1]


def test_refused_data_parks_the_invoice_and_holds_its_symbol(demo_db, till, fake):
    sender, clock = till
    fake.state.faults = ["reject"]
    sell(demo_db, [("SAM-TRA-20", 1)], cash, "s1")
    sell(demo_db, [("SAM-TRA-20", 1)], cash, "s2")
    sender.drain(10)
    clock.wait(1000)
    assert sender.drain(10) == 0
    assert states(demo_db) == ["parked", "pending"]  # the next one waits behind it
    status = outbox.status(demo_db)
    assert (status.parked, status.unsent) == (1, 2)
    message = demo_db.execute("SELECT message FROM einvoice_outbox WHERE state = 'parked'")
    assert "Mã số thuế người mua" in message.fetchone()[0]


def test_an_account_problem_stops_everything_until_a_manager_resumes(demo_db, till, fake, people):  # noqa: F811
    sender, clock = till
    fake.state.faults = ["quota"]
    sell(demo_db, [("SAM-TRA-20", 1)], cash, "s1")
    sell(demo_db, [("SAM-TRA-20", 1)], cash, "s2")
    sender.drain(10)
    clock.wait(1000)
    assert sender.drain(10) == 0  # nothing goes while stopped
    assert states(demo_db) == ["stopped", "pending"]
    assert "OUT_OF_INVOICE_NO" in outbox.status(demo_db).stopped
    with pytest.raises(PermissionDenied):
        outbox.resume(demo_db, people["cashier"])
    assert outbox.resume(demo_db, people["manager"]) == 2
    settle(sender, clock)
    assert at_fake(fake, demo_db) == [1, 1]


def test_a_wrong_password_stops_the_queue(demo_db, till, fake):
    sender, clock = till
    sender.provider.password = "sai"
    sell(demo_db, [("SAM-TRA-20", 1)], cash, "s1")
    sender.drain(10)
    assert states(demo_db) == ["stopped"] and fake.state.invoices == []


def test_a_provider_out_of_reach_is_retried_with_growing_waits(demo_db, till, fake):
    sender, clock = till
    sender.provider.base_url = "http://127.0.0.1:9"  # nothing listens there
    sell(demo_db, [("SAM-TRA-20", 1)], cash, "s1")
    waits = []
    for _ in range(4):
        sender.drain(5)
        row = demo_db.execute("SELECT next_try_at FROM einvoice_outbox").fetchone()[0]
        waits.append((datetime.fromisoformat(row) - clock.at).total_seconds())
        clock.at = datetime.fromisoformat(row)
    assert waits == sorted(waits) and waits[-1] > waits[0]
    assert states(demo_db) == ["pending"]
    sender.provider.base_url = fake.url
    settle(sender, clock)
    assert at_fake(fake, demo_db) == [1]


def test_a_request_in_flight_when_the_program_died_is_looked_up(demo_db, till, fake):
    sender, clock = till
    sell(demo_db, [("SAM-TRA-20", 1)], cash, "s1")
    work = outbox.claim(demo_db, clock())  # claimed and sent ...
    sender.provider.issue(work.invoice, None)  # ... reached the provider, then a kill
    outbox.recover(demo_db)
    assert states(demo_db) == ["lookup"]
    sender.drain(10)
    assert states(demo_db) == ["issued"] and at_fake(fake, demo_db) == [1]


def test_a_wrong_invoice_is_replaced_by_a_manager_with_a_reason(demo_db, till, fake, people):  # noqa: F811
    sender, clock = till
    sale = sell(demo_db, [("SAM-TRA-20", 1)], cash, "s1")
    settle(sender, clock)
    buyer = checked_buyer(
        "business", DAY.date(), tax_code="0100109106", name="Công ty Trà Việt", address="Hà Nội"
    )
    with pytest.raises(PermissionDenied):
        einvoices.replace_invoice(demo_db, people["cashier"], sale.number, buyer, "xin hóa đơn")
    with pytest.raises(ValidationError, match="lý do"):
        einvoices.replace_invoice(demo_db, people["manager"], sale.number, buyer, "  ")
    einvoices.replace_invoice(demo_db, people["manager"], sale.number, buyer, "khách xin hóa đơn")
    settle(sender, clock)
    original, replacement = fake.state.invoices
    general = replacement.body["generalInvoiceInfo"]
    assert general["adjustmentType"] == "3" and general["originalInvoiceId"] == original.number
    assert "adjustmentInvoiceType" not in general
    assert general["additionalReferenceDesc"] == "14 khách xin hóa đơn"
    assert replacement.body["buyerInfo"]["buyerTaxCode"] == "0100109106"
    assert replacement.body["buyerInfo"]["buyerLegalName"] == "Công ty Trà Việt"
    assert replacement.body["summarizeInfo"] == original.body["summarizeInfo"]
    assert integrity.full_check(demo_db) == []  # the sale matches both invoices


@pytest.mark.parametrize(("wait_s", "invoices"), [(0, 2), (90, 1)])
def test_the_wait_before_a_blind_resend_is_what_keeps_a_slow_invoice_single(
    demo_db, till, fake, wait_s, invoices
):
    """The trap, through the till: the provider still works on the first request when a till
    that did not wait sends the key again, and two invoices are made."""
    sender, clock = till
    fake.state.faults = ["timeout"]
    sell(demo_db, [("SAM-TRA-20", 1)], cash, "s1")
    sender.provider.resend_wait_s = wait_s
    sender.drain(1)  # timed out
    clock.wait(5)  # its lookup is due (on the till's clock) while the provider still works
    sender.drain(3)
    time.sleep(fake.state.late_s)  # the slow request finishes too
    assert at_fake(fake, demo_db) == [invoices]


def test_the_receipt_says_how_to_look_it_up_and_a_reprint_shows_its_codes(demo_db, till, fake):
    sender, clock = till
    sale = sell(demo_db, [("SAM-TRA-20", 1)], cash, "s1")
    printed = as_text(layout_receipt(receipts.receipt_data(demo_db, sale.number)))
    assert "HÓA ĐƠN ĐIỆN TỬ" in printed and "Ký hiệu 1C26MAA: đang gửi cơ quan thuế." in printed
    assert "vinvoice.viettel.vn" in printed
    settle(sender, clock)
    [held] = fake.state.invoices
    again = receipts.receipt_data(demo_db, sale.number)
    assert again.einvoice.number == held.number
    reprint = as_text(layout_receipt(again, copy=True))
    assert f"Mã CQT: {held.code}" in reprint and f"Mã tra cứu: {held.reservation}" in reprint
    assert "đang gửi" not in reprint
    assert render(layout_receipt(again), PAPER_DOTS[80]).width == PAPER_DOTS[80]
