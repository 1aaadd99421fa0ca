"""Viettel SInvoice (API v2), after its published web-service guide: sign in at /auth/login
(the token goes back as the access_token cookie and is renewed before it expires),
createInvoice/{supplierTaxCode} for originals, adjustments (adjustmentType 5, money) and
replacements (3), searchInvoiceByTransactionUuid to look a key up. Cash-register invoices
come back with the tax authority's code (codeOfTax). The guide asks for 90 s before a request
with the same transactionUuid is sent again: two at once make two invoices."""

import json
import time
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import httpx

from pos.documents.einvoice import NO_BUYER_NAME, Invoice, InvoiceLine
from pos.einvoicing.provider import (
    AccountProblem,
    Answer,
    NotSent,
    OrderProblem,
    UnknownOutcome,
)

API = "/services/einvoiceapplication/api/InvoiceAPI/InvoiceWS"
VIETNAM = timezone(timedelta(hours=7))  # invoice times are the shop's wall clock
ADJUSTMENT_TYPES = {"original": "1", "replacement": "3", "adjustment": "5"}
# Error codes that say the account cannot send at all (everything else about one invoice).
ACCOUNT_CODES = {"INVALID_USER_PASSWORD", "OUT_OF_INVOICE_NO", "LICENSE_EXPIRED"}
KEY_USED = "TRANSACTION_UUID_INVALID"  # the key made an invoice already: look it up
NOT_FOUND = "NOT_FOUND_DATA"
RENEW_BEFORE_S = 60


def epoch_ms(iso: str) -> int:
    """An ISO time or date on the shop's clock as the milliseconds the API counts."""
    return int(datetime.fromisoformat(iso).replace(tzinfo=VIETNAM).timestamp()) * 1000


class Viettel:
    resend_wait_s = 90.0

    def __init__(
        self,
        base_url: str,
        tax_code: str,
        username: str,
        password: str,
        timeout_s: float = 60.0,
        clock=time.monotonic,
    ) -> None:
        self.base_url, self.tax_code = base_url.rstrip("/"), tax_code
        self.username, self.password = username, password
        self.clock = clock
        self.http = httpx.Client(
            timeout=httpx.Timeout(timeout_s, connect=min(timeout_s, 10.0)), trust_env=False
        )
        self._token, self._token_until = "", 0.0

    def close(self) -> None:
        self.http.close()

    def issue(self, invoice: Invoice, original: Answer | None) -> Answer:
        body = payload(invoice, self.tax_code, original)
        answer = self._call(
            "POST",
            f"{API}/createInvoice/{self.tax_code}",
            content=json.dumps(body, ensure_ascii=False).encode(),
            headers={"Content-Type": "application/json"},
        )
        return _answer(answer["result"])

    def lookup(self, key: str) -> Answer | None:
        try:
            answer = self._call(
                "POST",
                f"{API}/searchInvoiceByTransactionUuid",
                data={"supplierTaxCode": self.tax_code, "transactionUuid": key},
            )
        except OrderProblem as problem:
            if problem.message.startswith(NOT_FOUND):
                return None
            raise
        found = answer.get("result") or []
        return _answer(found[0]) if found else None

    def _call(self, method: str, path: str, **kwargs) -> dict:
        self._signed_in()
        try:
            response = self.http.request(method, self.base_url + path, **kwargs)
        except (httpx.ConnectError, httpx.ConnectTimeout) as error:
            raise NotSent(f"không kết nối được Viettel: {error}") from error
        except httpx.HTTPError as error:  # sent, but no answer in time or a broken one
            raise UnknownOutcome(f"Viettel không trả lời kịp: {error}") from error
        if response.status_code in (401, 403) or _says(response, "GENERAL"):
            self._token = ""  # expired or revoked: sign in again, and look the key up
            raise UnknownOutcome(f"Viettel từ chối phiên đăng nhập ({response.status_code})")
        if response.status_code >= 500:
            raise UnknownOutcome(f"Viettel lỗi máy chủ ({response.status_code})")
        body = _json(response)
        code = body.get("errorCode") or (body.get("message") if response.status_code == 400 else "")
        if code:
            text = body.get("description") or body.get("data") or ""
            message = f"{code}: {text}".strip(": ")
            if code == KEY_USED:
                raise UnknownOutcome(message)
            if code in ACCOUNT_CODES:
                raise AccountProblem(message)
            raise OrderProblem(message)
        if response.status_code != 200:
            raise OrderProblem(f"Viettel trả lời {response.status_code}")
        return body

    def _signed_in(self) -> None:
        """The token as the access_token cookie, renewed a minute before it expires."""
        if self._token and self.clock() < self._token_until - RENEW_BEFORE_S:
            return
        try:
            response = self.http.post(
                self.base_url + "/auth/login",
                json={"username": self.username, "password": self.password},
            )
        except (httpx.ConnectError, httpx.ConnectTimeout) as error:
            raise NotSent(f"không kết nối được Viettel: {error}") from error
        except httpx.HTTPError as error:
            raise NotSent(f"Viettel không trả lời khi đăng nhập: {error}") from error
        body = _json(response)
        if response.status_code != 200 or not body.get("access_token"):
            raise AccountProblem(
                "Viettel không nhận tên đăng nhập hoặc mật khẩu hóa đơn điện tử "
                f"({response.status_code})"
            )
        self._token = body["access_token"]
        self._token_until = self.clock() + float(body.get("expires_in") or 300)
        self.http.cookies.set("access_token", self._token)


def _json(response: httpx.Response) -> dict:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _says(response: httpx.Response, code: str) -> bool:
    return response.status_code >= 500 and _json(response).get("message") == code


def _answer(result: dict) -> Answer:
    return Answer(
        result.get("invoiceNo") or "",
        result.get("codeOfTax") or "",
        result.get("reservationCode") or "",
    )


def _rate(vat_bp: int) -> int | float:
    percent = Decimal(vat_bp) / 100
    return int(percent) if percent == int(percent) else float(percent)


def _item(line: InvoiceLine, adjusting: bool) -> dict:
    gross = line.amount_vnd + line.discount_vnd
    return {
        "lineNumber": line.line_no,
        "selection": 1,
        "itemCode": line.code,
        "itemName": line.name,
        "unitName": line.unit,
        "unitPrice": float(Decimal(line.unit_price)),  # 4 places: exact as a JSON number
        "quantity": abs(line.qty),
        "itemTotalAmountWithoutTax": abs(gross),
        "itemDiscount": abs(line.discount_vnd),
        "itemTotalAmountAfterDiscount": abs(line.amount_vnd),
        "taxPercentage": _rate(line.vat_bp),
        "taxAmount": abs(line.vat_vnd),
        "itemTotalAmountWithTax": abs(line.amount_vnd + line.vat_vnd),
        "isIncreaseItem": False if adjusting else None,
    }


def _buyer(invoice: Invoice) -> dict:
    buyer = invoice.buyer
    if buyer.kind == "none":
        return {"buyerName": NO_BUYER_NAME, "buyerNotGetInvoice": 1}
    info = {
        "buyerTaxCode": buyer.tax_code,
        "buyerAddressLine": buyer.address,
        "buyerPhoneNumber": buyer.phone,
        "buyerEmail": buyer.email,
        "buyerNotGetInvoice": 0,
    }
    if buyer.kind == "business":
        return {**info, "buyerLegalName": buyer.name}
    return {**info, "buyerName": buyer.name, "buyerIdNo": buyer.tax_code}


def payload(invoice: Invoice, tax_code: str, original: Answer | None) -> dict:
    """The createInvoice body: amounts as positive numbers, an adjustment's marked as
    decreases (isIncreaseItem false, the totals' *Pos flags false)."""
    adjusting = invoice.kind == "adjustment"
    general = {
        "transactionUuid": invoice.key,
        "invoiceType": invoice.template.split("/")[0],
        "templateCode": invoice.template,
        "invoiceSeries": invoice.symbol[1:],
        "invoiceIssuedDate": epoch_ms(invoice.issued_at),
        "currencyCode": "VND",
        "exchangeRate": 1,
        "adjustmentType": ADJUSTMENT_TYPES[invoice.kind],
        "paymentStatus": True,
        "cusGetInvoiceRight": True,
        "validation": 1,
    }
    if invoice.original is not None:
        general |= {
            "adjustmentInvoiceType": "1" if adjusting else None,
            "originalInvoiceId": original.number if original else invoice.original.number,
            "originalInvoiceIssueDate": epoch_ms(invoice.original.issued_on),
            "originalTemplateCode": invoice.original.template,
            "additionalReferenceDesc": f"{invoice.cause} {invoice.note}".strip(),
            "additionalReferenceDate": epoch_ms(invoice.issued_at),
            "adjustedNote": invoice.note,
        }
    seller = invoice.seller
    return {
        "generalInvoiceInfo": {k: v for k, v in general.items() if v is not None},
        "buyerInfo": _buyer(invoice),
        "sellerInfo": {
            "sellerLegalName": seller.name,
            "sellerTaxCode": tax_code,
            "sellerAddressLine": seller.address,
        },
        "payments": [{"paymentMethodName": invoice.payment_method}],
        "itemInfo": [_item(line, adjusting) for line in invoice.lines],
        "taxBreakdowns": [
            {
                "taxPercentage": _rate(rate),
                "taxableAmount": abs(amount),
                "taxAmount": abs(vat),
                **({"taxableAmountPos": False, "taxAmountPos": False} if adjusting else {}),
            }
            for rate, amount, vat in invoice.taxes
        ],
        "summarizeInfo": {
            "totalAmountWithoutTax": abs(invoice.amount_vnd),
            "totalTaxAmount": abs(invoice.vat_vnd),
            "totalAmountWithTax": abs(invoice.total_vnd),
            "totalAmountWithTaxInWords": invoice.amount_in_words,
            "discountAmount": 0,
            **({"isTotalAmountPos": False, "isTotalTaxAmountPos": False} if adjusting else {}),
        },
        "metadata": [
            {"keyTag": "storeCode", "valueType": "text", "stringValue": seller.location_code},
            {"keyTag": "storeName", "valueType": "text", "stringValue": seller.location_name},
            {"keyTag": "storeAddress", "valueType": "text", "stringValue": seller.location_address},
        ],
    }
