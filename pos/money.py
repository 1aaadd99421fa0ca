"""Money is int đồng, rates are basis points; one rounding rule (half-up to 1 đồng)."""

import re

from pos.errors import ValidationError
from pos.fields import shown

BP_PER_WHOLE = 10_000  # 1 basis point = 0.01 %
# A thousand billion đồng: far above any showroom figure, so it catches typos, and small enough
# that price × quantity (≤ 10^16) and sums of hundreds of such lines fit SQLite's int64 (9.2e18).
MAX_VND = 10**12


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


def beyond_share(part_vnd: int, whole_vnd: int, limit_bp: int) -> bool:
    """Whether ``part_vnd`` is more than ``limit_bp`` of ``whole_vnd`` (a discount beyond the
    cashier's limit): exactly the limit is within it. Exact, with no rounding."""
    return part_vnd * BP_PER_WHOLE > whole_vnd * limit_bp


def format_vnd(amount: int, symbol: bool = True) -> str:
    """1250000 -> '1.250.000 ₫' (dot thousands, as Vietnamese invoices write it)."""
    grouped = f"{abs(amount):,}".replace(",", ".")
    text = f"-{grouped}" if amount < 0 else grouped
    return f"{text} ₫" if symbol else text


# ASCII digits only: str.isdigit() and \d also take '²' (which int() refuses) and other scripts.
_AMOUNT_FORMS = (
    re.compile(r"[0-9]+"),
    re.compile(r"[0-9]{1,3}(\.[0-9]{3})+"),
    re.compile(r"[0-9]{1,3}(,[0-9]{3})+"),
    re.compile(r"[0-9]{1,3}( [0-9]{3})+"),
)
_TOO_LARGE = f"số tiền quá lớn (tối đa {format_vnd(MAX_VND)})"


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
        raise ValidationError(_TOO_LARGE)
    return value


def _parse_vnd_text(raw: str) -> int:
    cleaned = raw.strip().replace("₫", "").replace("đ", "").replace("VND", "").strip()
    cleaned = cleaned.replace("\u00a0", " ")
    negative = cleaned.startswith("-")
    body = cleaned[1:].strip() if negative else cleaned
    multiplier = 1
    if body[-1:].lower() == "k":
        multiplier, body = 1000, body[:-1].strip()
    if not any(form.fullmatch(body) for form in _AMOUNT_FORMS):
        if re.fullmatch(r"[0-9][0-9., ]*", body):  # '1,5', '1.000,5': a fraction or a typo
            raise ValidationError(
                f"'{shown(raw)}' không rõ là bao nhiêu: tiền là số đồng nguyên, "
                "nhóm 3 chữ số bằng dấu chấm (ví dụ: 1.250.000)"
            )
        raise ValidationError(f"'{shown(raw)}' không phải số tiền (ví dụ đúng: 1.250.000)")
    digits = re.sub(r"[., ]", "", body).lstrip("0")
    if len(digits) > len(str(MAX_VND)):  # before int(), which refuses over 4300 digits
        raise ValidationError(_TOO_LARGE)
    value = int(digits or "0") * multiplier
    return -value if negative else value


def parse_percent_bp(text: object) -> int:
    """'22.5' or '22,5' or 22.5 (percent) -> 2250 basis points, 0..100 %."""
    raw = str(text).strip().rstrip("%").strip().replace(",", ".")
    match = re.fullmatch(r"([0-9]{1,3})(?:\.([0-9]{1,2}))?", raw)
    if not match:
        raise ValidationError(f"'{shown(text)}' không phải tỉ lệ phần trăm (ví dụ: 22.5)")
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


def change_bp(earlier: int, later: int) -> int | None:
    """(later - earlier) / |earlier| in basis points, rounded half-up; None when earlier is 0."""
    if earlier == 0:
        return None
    return round_half_up((later - earlier) * BP_PER_WHOLE, abs(earlier))
