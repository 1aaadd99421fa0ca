"""Money is int đồng, rates are basis points; one rounding rule (half-up to 1 đồng)."""

import re

from pos.errors import ValidationError

BP_PER_WHOLE = 10_000  # 1 basis point = 0.01 %
MAX_VND = 10**13  # ten thousand billion đồng: far above any showroom figure, catches typos


def round_half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half away from zero, in integers only."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    sign = -1 if numerator < 0 else 1
    quotient, remainder = divmod(abs(numerator), denominator)
    if remainder * 2 >= denominator:
        quotient += 1
    return sign * quotient


def share_bp(amount: int, rate_bp: int) -> int:
    """The part of ``amount`` at ``rate_bp`` basis points (commission, discount), rounded."""
    return round_half_up(amount * rate_bp, BP_PER_WHOLE)


def format_vnd(amount: int, symbol: bool = True) -> str:
    """1250000 -> '1.250.000 ₫' (dot thousands, as Vietnamese invoices write it)."""
    grouped = f"{abs(amount):,}".replace(",", ".")
    text = f"-{grouped}" if amount < 0 else grouped
    return f"{text} ₫" if symbol else text


_GROUPED_DOTS = re.compile(r"^\d{1,3}(\.\d{3})+$")
_GROUPED_COMMAS = re.compile(r"^\d{1,3}(,\d{3})+$")
_GROUPED_SPACES = re.compile(r"^\d{1,3}( \d{3})+$")


def parse_vnd(text: object, *, allow_negative: bool = False) -> int:
    """Read an amount typed by a person or found in a file: '1.250.000', '1,250,000',
    '1250000', '1.250.000 ₫', '50k'. Fractions of a đồng and ambiguous forms are refused."""
    if isinstance(text, bool):
        raise ValidationError(f"'{text}' không phải số tiền")
    if isinstance(text, int):
        value = text
    elif isinstance(text, float):
        if not text.is_integer():
            raise ValidationError(f"'{text}' không phải số tiền nguyên đồng")
        value = int(text)
    else:
        value = _parse_vnd_text(str(text))
    if value < 0 and not allow_negative:
        raise ValidationError(f"số tiền không được âm: {format_vnd(value)}")
    if abs(value) > MAX_VND:
        raise ValidationError(f"số tiền quá lớn: {text}")
    return value


def _parse_vnd_text(raw: str) -> int:
    cleaned = raw.strip().replace("₫", "").replace("đ", "").replace("VND", "").strip()
    cleaned = cleaned.replace("\u00a0", " ")
    negative = cleaned.startswith("-")
    body = cleaned[1:].strip() if negative else cleaned
    multiplier = 1
    if body[-1:].lower() == "k":
        multiplier, body = 1000, body[:-1].strip()
    if body.isdigit():
        value = int(body)
    elif _GROUPED_DOTS.match(body) or _GROUPED_COMMAS.match(body) or _GROUPED_SPACES.match(body):
        value = int(re.sub(r"[., ]", "", body))
    else:
        raise ValidationError(f"'{raw.strip()}' không phải số tiền (ví dụ đúng: 1.250.000)")
    value *= multiplier
    return -value if negative else value


def parse_percent_bp(text: object) -> int:
    """'22.5' or '22,5' or 22.5 (percent) -> 2250 basis points, 0..100 %."""
    raw = str(text).strip().rstrip("%").strip().replace(",", ".")
    match = re.fullmatch(r"(\d{1,3})(?:\.(\d{1,2}))?", raw)
    if not match:
        raise ValidationError(f"'{text}' không phải tỉ lệ phần trăm (ví dụ: 22.5)")
    whole, fraction = match.group(1), (match.group(2) or "").ljust(2, "0")
    bp = int(whole) * 100 + int(fraction)
    if bp > BP_PER_WHOLE:
        raise ValidationError(f"tỉ lệ phần trăm phải từ 0 đến 100: {text}")
    return bp


def format_bp(bp: int) -> str:
    """2250 -> '22,5 %' (Vietnamese decimal comma); -2571 -> '-25,71 %'."""
    whole, fraction = divmod(abs(bp), 100)
    text = str(whole) if fraction == 0 else f"{whole},{fraction:02d}".rstrip("0")
    return f"{'-' if bp < 0 else ''}{text} %"
