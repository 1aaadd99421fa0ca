"""The fake Viettel is itself tested: hand-worked bodies it must accept and refuse under the
rules Viettel publishes, and the trap it must set (one key sent twice at once: two invoices),
so that the till's one-request-per-key rule is what keeps each sale to one invoice."""

import copy
import json
import threading
from datetime import datetime

import httpx
from hypothesis import given, settings
from hypothesis import strategies as st

from pos.cart import Cart, CartLine, Discount, price
from pos.documents.einvoice import NOBODY, Seller
from pos.einvoice import InvoiceHead, PostedLine, build_invoice
from pos.einvoicing.fake_viettel import FakeState, FakeViettel, rule_breaks
from pos.einvoicing.viettel import API, Viettel, payload
from pos.money import round_half_up

# 3 boxes at 350.000 ₫ with 8 % VAT inside: VAT 77.778, before VAT 972.222, worked by hand.
GOOD = {
    "generalInvoiceInfo": {
        "transactionUuid": "8f1c2d3e-0000-4000-8000-000000000001",
        "invoiceSeries": "C26MAA",
    },
    "payments": [{"paymentMethodName": "TM"}],
    "itemInfo": [
        {
            "lineNumber": 1,
            "quantity": 3,
            "unitPrice": 324074.0741,
            "itemTotalAmountWithoutTax": 972222,
            "itemDiscount": 0,
            "itemTotalAmountAfterDiscount": 972222,
            "taxPercentage": 8,
            "taxAmount": 77778,
        }
    ],
    "taxBreakdowns": [{"taxPercentage": 8, "taxableAmount": 972222, "taxAmount": 77778}],
    "summarizeInfo": {
        "totalAmountWithoutTax": 972222,
        "totalTaxAmount": 77778,
        "totalAmountWithTax": 1050000,
    },
}


def changed(path, value):
    body = copy.deepcopy(GOOD)
    *head, last = path
    target = body
    for key in head:
        target = target[key]
    target[last] = value
    return body


def test_the_fake_accepts_what_the_rules_allow_and_refuses_the_rest():
    assert rule_breaks(GOOD) == []
    assert rule_breaks(changed(("itemInfo", 0, "unitPrice"), 324074)) == []  # 0.22 ₫ off
    price_off = rule_breaks(changed(("itemInfo", 0, "unitPrice"), 324073.3))  # 2.3 ₫ off
    assert price_off == ["IVI_TOTAL_A_WITHOUT_TAX_AND_UP_QUAN_NOT_COMPARED dòng 1"]
    tax_off = changed(("itemInfo", 0, "taxAmount"), 77780)  # 972.222 x 8 % = 77.777,76
    assert "VAT_AMOUNT_INVALID dòng 1" in rule_breaks(tax_off)
    assert rule_breaks(changed(("itemInfo", 0, "taxAmount"), 77777)) != []  # breakdown differs
    total_off = changed(("summarizeInfo", "totalAmountWithTax"), 1049999)
    assert rule_breaks(total_off) == ["TOTAL_AMOUNT_WITH_TAX_INVALID"]
    assert rule_breaks(changed(("payments",), [{}])) == ["PAYMENT_METHOD_NAME_REQUIRED"]


def _create(url, token, body):
    return httpx.post(
        f"{url}{API}/createInvoice/0100109106",
        content=json.dumps(body),
        cookies={"access_token": token},
        headers={"Content-Type": "application/json"},
        timeout=10,
    )


def _token(url):
    answer = httpx.post(f"{url}/auth/login", json={"username": "demo", "password": "demo"})
    return answer.json()["access_token"]


def test_one_key_sent_twice_at_once_makes_two_invoices_and_once_after_gives_the_first():
    with FakeViettel(FakeState(work_s=0.3)) as fake:
        token = _token(fake.url)
        answers = []
        threads = [
            threading.Thread(target=lambda: answers.append(_create(fake.url, token, GOOD)))
            for _ in range(2)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(10)
        numbers = sorted(a.json()["result"]["invoiceNo"] for a in answers)
        assert numbers == ["C26MAA1", "C26MAA2"]  # the trap
        again = _create(fake.url, token, GOOD).json()["result"]["invoiceNo"]
        assert again == "C26MAA1" and len(fake.state.invoices) == 2


def test_an_expired_token_is_answered_as_viettel_does():
    with FakeViettel() as fake:
        answer = _create(fake.url, "old", GOOD)
        assert answer.status_code == 500 and answer.json()["message"] == "GENERAL"
        assert fake.state.invoices == []


SELLER = Seller("0100109106", "Showroom OCOP", "Hà Nội", "", "", "")
RATES = st.sampled_from([0, 500, 800, 1000])
LINES = st.lists(
    st.tuples(
        st.integers(1, 5_000_000),
        st.integers(1, 9999),
        RATES,
        st.integers(0, 5000),  # a line discount in basis points
    ),
    min_size=1,
    max_size=8,
)


def _invoice(kind, posted):
    head = InvoiceHead(
        "8f1c2d3e-0000-4000-8000-00000000000a",
        kind,
        "1/001",
        "1C26MAA",
        datetime(2026, 11, 24, 9).isoformat(),
        "T01-000001",
        SELLER,
        NOBODY,
        "TM",
    )
    return build_invoice(head, posted)


@settings(max_examples=300, deadline=None)
@given(LINES, st.integers(0, 3000), st.lists(st.integers(0, 9999), min_size=8, max_size=8))
def test_every_invoice_passes_the_providers_rules_and_equals_the_till_total(lines, cart_bp, parts):
    cart = Cart(
        [
            CartLine(i, f"SP{i}", "Hàng", "hộp", unit_price, rate, qty, Discount("percent", off))
            for i, (unit_price, qty, rate, off) in enumerate(lines)
        ],
        Discount("percent", cart_bp),
    )
    totals = price(cart)
    posted = [
        PostedLine(
            p.line.sku,
            p.line.name,
            p.line.unit,
            p.line.qty,
            p.gross_vnd,
            p.net_vnd,
            p.line.vat_bp,
            p.vat_vnd,
        )
        for p in totals.lines
    ]
    invoice = _invoice("original", posted)
    body = payload(invoice, "0100109106", None)
    assert rule_breaks(json.loads(json.dumps(body))) == []
    assert body["summarizeInfo"]["totalAmountWithTax"] == totals.total_vnd
    assert invoice.vat_vnd == sum(totals.vat_by_rate.values())
    # a refund of part of each line (its amounts shared out as refunds share them): the
    # adjustment passes too, negative, to the đồng
    back = []
    for p, part in zip(posted, parts, strict=False):
        qty = 1 + part % p.qty
        net, vat = (round_half_up(amount * qty, p.qty) for amount in (p.net_vnd, p.vat_vnd))
        back.append(PostedLine(p.code, p.name, p.unit, qty, net, net, p.vat_bp, vat))
    adjustment = _invoice("adjustment", back)
    assert rule_breaks(json.loads(json.dumps(payload(adjustment, "0100109106", None)))) == []
    assert adjustment.total_vnd == -sum(p.net_vnd for p in back)


def test_the_client_signs_in_once_and_again_before_the_token_runs_out():
    with FakeViettel(FakeState(token_s=120)) as fake:
        moment = [0.0]
        client = Viettel(fake.url, "0100109106", "demo", "demo", clock=lambda: moment[0])
        assert client.lookup("8f1c2d3e-0000-4000-8000-00000000000b") is None
        assert client.lookup("8f1c2d3e-0000-4000-8000-00000000000b") is None
        assert len(fake.state.tokens) == 1
        moment[0] = 61  # within a minute of its end: renewed before it is refused
        client.lookup("8f1c2d3e-0000-4000-8000-00000000000b")
        assert len(fake.state.tokens) == 2
        client.close()
