"""VietQR: the EMVCo merchant-presented QR payload that Vietnamese banking apps read (NAPAS)."""

import re

from pos.errors import ValidationError
from pos.text import strip_marks

NAPAS_GUID = "A000000727"
TRANSFER_TO_ACCOUNT = "QRIBFTTA"
CURRENCY_VND = "704"
MAX_PURPOSE = 25


def _field(tag: str, value: str) -> str:
    if len(value) > 99:
        raise ValidationError(f"trường VietQR {tag} quá dài")
    return f"{tag}{len(value):02d}{value}"


def crc16_ccitt_false(data: bytes) -> int:
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def ascii_purpose(text: str) -> str:
    """Banks take plain ASCII: 'Hóa đơn T01-000001' -> 'Hoa don T01-000001', at most 25."""
    return re.sub(r"[^A-Za-z0-9 \-.]", "", strip_marks(text))[:MAX_PURPOSE].strip()


def vietqr_payload(bank_bin: str, account: str, amount_vnd: int | None, purpose: str = "") -> str:
    """Dynamic QR (with amount) when ``amount_vnd`` is given, else static."""
    if not re.fullmatch(r"\d{6}", bank_bin or ""):
        raise ValidationError("chưa có mã BIN ngân hàng (6 chữ số) trong Cài đặt")
    if not re.fullmatch(r"[0-9A-Za-z]{4,19}", account or ""):
        raise ValidationError("chưa có số tài khoản nhận chuyển khoản trong Cài đặt")
    beneficiary = _field("00", bank_bin) + _field("01", account)
    merchant = (
        _field("00", NAPAS_GUID) + _field("01", beneficiary) + _field("02", TRANSFER_TO_ACCOUNT)
    )
    parts = [
        _field("00", "01"),
        _field("01", "12" if amount_vnd is not None else "11"),
        _field("38", merchant),
        _field("53", CURRENCY_VND),
    ]
    if amount_vnd is not None:
        if amount_vnd <= 0:
            raise ValidationError("số tiền chuyển khoản phải lớn hơn 0")
        parts.append(_field("54", str(amount_vnd)))
    parts.append(_field("58", "VN"))
    purpose = ascii_purpose(purpose)
    if purpose:
        parts.append(_field("62", _field("08", purpose)))
    body = "".join(parts) + "6304"
    return body + f"{crc16_ccitt_false(body.encode('ascii')):04X}"
