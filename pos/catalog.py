"""Catalog vocabulary (producers, products, OCOP ratings) and the validation of their input."""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from pos.barcodes import validate_barcode
from pos.errors import ValidationError
from pos.fields import (
    FieldCollector,
    cell_text,
    code_text,
    flag,
    optional_date,
    optional_text,
    required_text,
    shown,
)
from pos.money import parse_percent_bp, parse_vnd

PRODUCER_KINDS = {
    "company": "Công ty",
    "cooperative": "Hợp tác xã",
    "household": "Hộ sản xuất",
}

# OCOP ratings as stored, and how a label or receipt shows them.
OCOP_RATINGS = {"3": "3★", "4": "4★", "5": "5★", "5-potential": "5★ tiềm năng"}
_RATING_ALIASES = {
    "3": "3",
    "4": "4",
    "5": "5",
    "5-potential": "5-potential",
    "p5": "5-potential",
    "potential": "5-potential",
    "5*": "5-potential",
    "tiềm năng": "5-potential",
    "tiềm năng 5 sao": "5-potential",
}


_NAME_PREFIXES = (
    "công ty tnhh",
    "công ty cp",
    "công ty cổ phần",
    "công ty",
    "htx dịch vụ tổng hợp",
    "htx dịch vụ nông nghiệp",
    "htx nông nghiệp",
    "htx",
    "hợp tác xã",
    "cơ sở",
    "xưởng",
    "hộ",
)


def short_name(producer_name: str) -> str:
    """'Công ty CP Bánh kẹo Bảo Minh' -> 'Bánh kẹo Bảo Minh': what fits on a label line."""
    lowered = producer_name.casefold()
    for prefix in _NAME_PREFIXES:
        if lowered.startswith(prefix + " "):
            return producer_name[len(prefix) + 1 :].strip()
    return producer_name


def parse_ocop_rating(value: object) -> str:
    text = cell_text(value).casefold().replace("sao", "").strip()
    if text not in _RATING_ALIASES:
        raise ValidationError(
            f"hạng OCOP '{shown(value)}' không hợp lệ: dùng 3, 4, 5 hoặc 'tiềm năng'"
        )
    return _RATING_ALIASES[text]


def parse_producer_kind(value: object) -> str:
    text = cell_text(value).casefold()
    if text not in PRODUCER_KINDS:
        raise ValidationError(
            f"loại chủ thể '{shown(value)}' không hợp lệ: dùng company, cooperative hoặc household"
        )
    return text


def _digits(value: object, field_name: str, lengths: tuple[int, ...]) -> str:
    text = cell_text(value).replace(" ", "")
    if text and not (re.fullmatch(r"[0-9]+", text) and len(text) in lengths):
        wanted = " hoặc ".join(str(n) for n in lengths)
        raise ValidationError(f"{field_name} '{shown(text)}' phải gồm {wanted} chữ số")
    return text


def _tax_code(value: object) -> str:
    text = cell_text(value).replace(" ", "")
    if text and not re.fullmatch(r"[0-9]{10}(-[0-9]{3})?", text):
        raise ValidationError(
            f"mã số thuế '{shown(text)}' phải có 10 chữ số (chi nhánh: 10-3 chữ số)"
        )
    return text


def _bank_account(value: object) -> str:
    text = cell_text(value).replace(" ", "")
    if text and not re.fullmatch(r"[0-9A-Za-z]{4,19}", text):
        raise ValidationError(f"số tài khoản '{shown(text)}' chỉ gồm chữ số/chữ cái, 4-19 ký tự")
    return text


@dataclass(frozen=True)
class ProducerInput:
    code: str
    name: str
    kind: str
    province: str = ""
    phone: str = ""
    tax_code: str = ""
    bank_bin: str = ""
    bank_account: str = ""
    bank_account_name: str = ""
    commission_bp: int = 0


def producer_input_from(row: Mapping[str, object]) -> ProducerInput:
    """Validate one producer as written in producers.csv (commission in percent)."""
    fields = FieldCollector()
    code = fields.read(code_text, row.get("code"), "mã chủ thể", key="code")
    name = fields.read(required_text, row.get("name"), "tên chủ thể", key="name")
    kind = fields.read(parse_producer_kind, row.get("kind"), key="kind")
    tax_code = fields.read(_tax_code, row.get("tax_code"), key="tax_code")
    bank_bin = fields.read(_digits, row.get("bank_bin"), "mã BIN ngân hàng", (6,), key="bank_bin")
    bank_account = fields.read(_bank_account, row.get("bank_account"), key="bank_account")
    commission_bp = fields.read(
        _required_percent, row.get("commission_pct"), "hoa hồng (%)", key="commission_pct"
    )
    province = fields.read(optional_text, row.get("province"), "tỉnh", key="province")
    phone = fields.read(optional_text, row.get("phone"), "điện thoại", key="phone")
    account_name = fields.read(
        optional_text, row.get("bank_account_name"), "tên chủ tài khoản", key="bank_account_name"
    )
    fields.check()
    return ProducerInput(
        code=code,
        name=name,
        kind=kind,
        province=province,
        phone=phone,
        tax_code=tax_code,
        bank_bin=bank_bin,
        bank_account=bank_account,
        bank_account_name=account_name.upper(),
        commission_bp=commission_bp,
    )


def _required_percent(value: object, field_name: str) -> int:
    return parse_percent_bp(required_text(value, field_name))


@dataclass(frozen=True)
class ProductInput:
    sku: str
    name: str
    producer_code: str
    price_vnd: int
    ocop_rating: str
    vat_bp: int
    tracks_expiry: bool
    category: str = ""
    unit: str = ""
    barcodes: tuple[str, ...] = field(default_factory=tuple)
    commission_bp: int | None = None  # None: the producer's terms apply
    ocop_certificate: str = ""  # the certificate number the stars come from
    ocop_certificate_expiry: date | None = None


def _barcode_list(value: object) -> tuple[str, ...]:
    """One or more GS1 codes in one cell, separated by spaces, ';' or '|'."""
    codes = [c for c in re.split(r"[\s;|]+", cell_text(value)) if c]
    for code in codes:
        # validate_barcode trusts str.isdigit(), which '²' and other scripts' digits pass.
        if not code.isascii():
            raise ValidationError(f"mã vạch '{shown(code)}' chỉ gồm chữ số 0-9")
    return tuple(validate_barcode(c) for c in codes)


def product_input_from(row: Mapping[str, object]) -> ProductInput:
    """Validate one product as written in products.csv (price in đồng, VAT in percent)."""
    fields = FieldCollector()
    sku = fields.read(code_text, row.get("sku"), "mã hàng (sku)", key="sku")
    name = fields.read(required_text, row.get("name"), "tên hàng", key="name")
    producer_code = fields.read(
        code_text, row.get("producer_code"), "mã chủ thể", key="producer_code"
    )
    price = fields.read(_price, row.get("price_vnd"), key="price_vnd")
    rating = fields.read(parse_ocop_rating, row.get("ocop_stars"), key="ocop_stars")
    vat_bp = fields.read(_required_percent, row.get("vat_pct"), "thuế GTGT (%)", key="vat_pct")
    tracks_expiry = fields.read(
        flag, row.get("track_expiry"), "theo dõi hạn dùng", key="track_expiry"
    )
    barcodes = fields.read(_barcode_list, row.get("barcode"), key="barcode")
    override = cell_text(row.get("commission_pct"))
    commission_bp = (
        fields.read(parse_percent_bp, override, key="commission_pct") if override else None
    )
    category = fields.read(optional_text, row.get("category"), "nhóm hàng", key="category")
    unit = fields.read(optional_text, row.get("unit"), "đơn vị tính", key="unit")
    certificate = fields.read(
        optional_text, row.get("ocop_certificate"), "giấy chứng nhận OCOP", key="ocop_certificate"
    )
    certificate_expiry = fields.read(
        optional_date,
        row.get("ocop_certificate_expiry"),
        "hạn giấy chứng nhận OCOP",
        key="ocop_certificate_expiry",
    )
    fields.check()
    return ProductInput(
        sku=sku,
        name=name,
        producer_code=producer_code,
        price_vnd=price,
        ocop_rating=rating,
        vat_bp=vat_bp,
        tracks_expiry=tracks_expiry,
        category=category,
        unit=unit,
        barcodes=barcodes,
        commission_bp=commission_bp,
        ocop_certificate=certificate,
        ocop_certificate_expiry=certificate_expiry,
    )


def _price(value: object) -> int:
    if not cell_text(value):
        raise ValidationError("thiếu giá bán")
    try:
        return parse_vnd(value)
    except ValidationError as error:
        raise ValidationError(f"giá bán: {error}") from None
