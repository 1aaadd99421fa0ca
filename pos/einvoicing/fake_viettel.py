"""A stand-in for Viettel SInvoice on loopback, speaking its API shapes: for the tests and
for the demo (the app starts it in its own process, so a newcomer sees invoices issued).

It checks what the guide says Viettel checks (each line's quantity x unit price against its
amount, within 1 đồng; each line's VAT against its rate, within 1 đồng; lines summing to each
rate's figures and to the totals), numbers invoices per series, returns a tax authority's
code, and behaves as the real one does with one key sent twice at once: it makes two
invoices. ``faults`` (a list, taken one per createInvoice) tells it to misbehave."""

import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

from pos.einvoicing.viettel import API

FAULTS = (
    "timeout",  # work longer than the client waits, then create the invoice and answer
    "lost",  # take the request, create nothing, answer only after the client has given up
    "error",  # answer 500, creating nothing
    "error_after_create",  # create, then answer 500
    "unnumbered",  # create, answer with an empty number (looked up, it has one)
    "reject",  # refuse the invoice's data
    "token_expired",  # answer as Viettel does to an expired token
    "quota",  # the account's invoices are used up
)
TOKEN = "fake-token-"


@dataclass
class Issued:
    key: str
    series: str
    number: str
    code: str
    reservation: str
    body: dict


@dataclass
class FakeState:
    tax_code: str = "0100109106"
    username: str = "demo"
    password: str = "demo"
    series: set[str] = field(default_factory=lambda: {"C26MAA", "C26MBB", "C27MAA"})
    token_s: int = 1200
    late_s: float = 2.0  # how late a "timeout" or "lost" answer comes
    work_s: float = 0.02  # between the key's check and the invoice's creation
    faults: list[str] = field(default_factory=list)
    invoices: list[Issued] = field(default_factory=list)
    tokens: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def by_key(self, key: str) -> list[Issued]:
        with self.lock:
            return [invoice for invoice in self.invoices if invoice.key == key]


def rule_breaks(body: dict) -> list[str]:
    """What Viettel's checks refuse in a createInvoice body (codes as its guide names them)."""
    breaks = []
    general = body.get("generalInvoiceInfo", {})
    if not 10 <= len(general.get("transactionUuid") or "") <= 36:
        breaks.append("TRANSACTION_UUID_REQUIRED")
    if not (body.get("payments") or [{}])[0].get("paymentMethodName"):
        breaks.append("PAYMENT_METHOD_NAME_REQUIRED")
    by_rate: dict[Decimal, list[Decimal]] = {}
    for item in body.get("itemInfo", []):
        qty, price = Decimal(str(item["quantity"])), Decimal(str(item["unitPrice"]))
        gross = Decimal(item["itemTotalAmountWithoutTax"])
        after = Decimal(item["itemTotalAmountAfterDiscount"])
        rate, tax = Decimal(str(item["taxPercentage"])), Decimal(item["taxAmount"])
        if abs(qty * price - gross) > 1:
            breaks.append(
                f"IVI_TOTAL_A_WITHOUT_TAX_AND_UP_QUAN_NOT_COMPARED dòng {item['lineNumber']}"
            )
        if abs(gross - Decimal(item.get("itemDiscount") or 0) - after) > 1:
            breaks.append(f"ITEM_DISCOUNT_INVALID dòng {item['lineNumber']}")
        system_tax = (after * rate / 100).quantize(Decimal(1), ROUND_HALF_UP)
        if abs(system_tax - tax) > 1:  # "may differ by 1 đồng from the system's figure"
            breaks.append(f"VAT_AMOUNT_INVALID dòng {item['lineNumber']}")
        sums = by_rate.setdefault(rate, [Decimal(0), Decimal(0)])
        sums[0] += after
        sums[1] += tax
    stated = {
        Decimal(str(row["taxPercentage"])): [
            Decimal(row["taxableAmount"]),
            Decimal(row["taxAmount"]),
        ]
        for row in body.get("taxBreakdowns", [])
    }
    if stated != by_rate:
        breaks.append("TAX_BREAKDOWN_NOT_MATCH_ITEMS")
    summary = body.get("summarizeInfo", {})
    amount = sum((sums[0] for sums in by_rate.values()), Decimal(0))
    tax = sum((sums[1] for sums in by_rate.values()), Decimal(0))
    if Decimal(summary.get("totalAmountWithoutTax", -1)) != amount:
        breaks.append("TOTAL_AMOUNT_WITHOUT_TAX_INVALID")
    if Decimal(summary.get("totalTaxAmount", -1)) != tax:
        breaks.append("TOTAL_TAX_AMOUNT_INVALID")
    if Decimal(summary.get("totalAmountWithTax", -1)) != amount + tax:
        breaks.append("TOTAL_AMOUNT_WITH_TAX_INVALID")
    return breaks


class FakeViettel:
    """``with FakeViettel() as fake:`` a server on 127.0.0.1 (a free port), ``fake.url``."""

    def __init__(self, state: FakeState | None = None) -> None:
        self.state = state or FakeState()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self.state))
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "FakeViettel":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def _handler(state: FakeState):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # quiet: the tests read the state instead
            pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            if self.path == "/auth/login":
                return self._login(json.loads(raw or b"{}"))
            token = self.headers.get("Cookie", "").removeprefix("access_token=")
            if token not in state.tokens:
                return self._send(500, {"error": "Internal Server Error", "message": "GENERAL"})
            if self.path == f"{API}/createInvoice/{state.tax_code}":
                return self._create(json.loads(raw, parse_float=Decimal))
            if self.path == f"{API}/searchInvoiceByTransactionUuid":
                form = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
                return self._search(form.get("transactionUuid", ""))
            self._send(404, {"code": 404, "message": "NOT_FOUND", "data": self.path})

        def _login(self, body: dict) -> None:
            if (body.get("username"), body.get("password")) != (state.username, state.password):
                return self._send(401, {"code": 401, "message": "INVALID_USER_PASSWORD"})
            token = TOKEN + secrets.token_hex(8)
            with state.lock:
                state.tokens.add(token)
            self._send(
                200, {"access_token": token, "token_type": "bearer", "expires_in": state.token_s}
            )

        def _create(self, body: dict) -> None:
            with state.lock:
                fault = state.faults.pop(0) if state.faults else ""
            if fault == "token_expired":
                state.tokens.clear()
                return self._send(500, {"error": "Internal Server Error", "message": "GENERAL"})
            if fault == "quota":
                return self._error("OUT_OF_INVOICE_NO", "Hết số hóa đơn")
            if fault == "error":
                return self._send(500, {"error": "Internal Server Error"})
            if fault == "lost":
                time.sleep(state.late_s)
                return self._send(504, {})
            if fault == "reject":
                return self._error("BUYER_TAX_CODE_INVALID", "Mã số thuế người mua không hợp lệ")
            general = body["generalInvoiceInfo"]
            series = general.get("invoiceSeries")
            if series not in state.series:
                return self._error("INVOICE_SERIAL_NOT_FOUND", "Ký hiệu hóa đơn không tồn tại")
            breaks = rule_breaks(body)
            if breaks:
                return self._error(breaks[0].split()[0], "; ".join(breaks))
            work_s = state.late_s if fault == "timeout" else state.work_s
            issued = self._issue(general["transactionUuid"], series, body, work_s)
            if fault == "error_after_create":
                return self._send(500, {"error": "Internal Server Error"})
            result = _result(issued, state.tax_code)
            if fault == "unnumbered":
                result["invoiceNo"] = ""
            self._send(200, {"errorCode": None, "description": None, "result": result})

        def _issue(self, key: str, series: str, body: dict, work_s: float) -> Issued:
            """A key seen before gives back its invoice; a request sent while another with
            its key is still being worked on passes the check too (as the real one does):
            two invoices."""
            with state.lock:
                existing = [invoice for invoice in state.invoices if invoice.key == key]
            if existing:
                return existing[0]
            time.sleep(work_s)
            with state.lock:
                number = 1 + sum(1 for invoice in state.invoices if invoice.series == series)
                issued = Issued(
                    key,
                    series,
                    f"{series}{number}",
                    f"M1-{series[1:3]}-{state.tax_code[:5]}-{number:011d}",
                    secrets.token_hex(6).upper(),
                    body,
                )
                state.invoices.append(issued)
            return issued

        def _search(self, key: str) -> None:
            found = state.by_key(key)
            if not found:
                return self._send(
                    400,
                    {"code": 400, "message": "NOT_FOUND_DATA", "data": "Không tìm thấy dữ liệu"},
                )
            results = [_result(invoice, state.tax_code) for invoice in found]
            self._send(
                200,
                {"errorCode": None, "description": None, "transactionUuid": key, "result": results},
            )

        def _error(self, code: str, text: str) -> None:
            self._send(200, {"errorCode": code, "description": text, "result": None})

        def _send(self, status: int, body: dict) -> None:
            data = json.dumps(body, ensure_ascii=False).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting: what it missed is looked up

    return Handler


def _result(invoice: Issued, tax_code: str) -> dict:
    return {
        "supplierTaxCode": tax_code,
        "invoiceNo": invoice.number,
        "transactionID": str(abs(hash(invoice.key))),
        "reservationCode": invoice.reservation,
        "codeOfTax": invoice.code,
    }
