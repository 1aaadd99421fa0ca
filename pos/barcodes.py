"""GS1 barcodes: EAN-13, EAN-8 and UPC-A, checked (never silently fixed)."""

from pos.errors import ValidationError

_KINDS = {13: "EAN-13", 8: "EAN-8", 12: "UPC-A"}


def gs1_check_digit(body: str) -> int:
    """Check digit for the digits before it: weights 3,1,3,... from the right."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def validate_barcode(code: str) -> str:
    """Return the code if it is a well-formed EAN-13 / EAN-8 / UPC-A, else raise."""
    code = code.strip()
    if not code.isdigit() or len(code) not in _KINDS:
        raise ValidationError(
            f"mã vạch '{code}' không hợp lệ: cần 8, 12 hoặc 13 chữ số (EAN-8, UPC-A, EAN-13)"
        )
    expected = gs1_check_digit(code[:-1])
    if int(code[-1]) != expected:
        raise ValidationError(
            f"mã vạch '{code}' sai số kiểm tra ({_KINDS[len(code)]}: "
            f"chữ số cuối phải là {expected})"
        )
    return code


def looks_like_barcode(text: str) -> bool:
    """True for input a scanner would send (digits of a barcode length), valid or not."""
    return text.isdigit() and len(text) in _KINDS


# GS1 keeps prefixes 20-29 for codes a shop issues for itself; scales often use 21-29 for
# weight or price inside the code, so the showroom's own codes start with 20.
INSTORE_PREFIX = "20"


def instore_ean13(sequence: int) -> str:
    """The sequence-th in-store EAN-13: '20' + 10 digits + check digit."""
    if not 0 < sequence < 10**10:
        raise ValidationError("hết dải mã vạch nội bộ")
    body = f"{INSTORE_PREFIX}{sequence:010d}"
    return body + str(gs1_check_digit(body))


def is_instore(code: str) -> bool:
    return len(code) == 13 and code.startswith("2")
