"""A buyer's tax code as an e-invoice needs it, checked at the till before payment: a
business's 10 digits (its last the check digit) or 10-3 for a branch, or a person's 12-digit
identification number, which now serves as their tax code (its first three digits a province,
the fourth the century and sex, the next two the year of birth)."""

import re
from datetime import date

from pos.errors import ValidationError
from pos.text import nfc

WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)  # the tax authority's, over the first nine digits

# Province codes of personal identification numbers (the 63 provinces' codes; the 2025
# merger kept the numbers already issued).
PERSONAL_PROVINCES = frozenset(
    "001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 "
    "035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 "
    "070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096".split()
)
CENTURY_STARTS = {0: 1900, 1: 1900, 2: 2000, 3: 2000}  # even digit men, odd women

_BUSINESS = re.compile(r"([0-9]{10})(?:-([0-9]{3}))?")  # ASCII digits: they go on the invoice


def check_digit(first_nine: str) -> int | None:
    """The tenth digit, 10 - (weighted sum mod 11): 10 - 0 is no digit, so no code begins so."""
    check = 10 - sum(w * int(d) for w, d in zip(WEIGHTS, first_nine, strict=True)) % 11
    return check if check != 10 else None


def business_tax_code(text: str) -> str:
    """'0100109106' or '0100109106-001' (spaces and dots people type are dropped), or
    refused with what is wrong."""
    code = _typed(text)
    found = _BUSINESS.fullmatch(code)
    if not found:
        raise ValidationError(
            f"mã số thuế '{text.strip()}' phải có 10 chữ số "
            "(chi nhánh: 10 chữ số, gạch ngang, 3 chữ số)"
        )
    main, branch = found.groups()
    if check_digit(main[:9]) != int(main[9]):
        raise ValidationError(f"mã số thuế '{code}' sai chữ số kiểm tra: hãy xem lại từng số")
    if branch == "000":
        raise ValidationError(f"mã số thuế '{code}': số chi nhánh không thể là 000")
    return code


def personal_number(text: str, today: date) -> str:
    """A person's 12-digit identification number, or refused with what is wrong."""
    number = _typed(text)
    if not re.fullmatch(r"[0-9]{12}", number):
        raise ValidationError(f"số định danh cá nhân '{text.strip()}' phải có đúng 12 chữ số")
    if number[:3] not in PERSONAL_PROVINCES:
        raise ValidationError(f"số định danh '{number}': {number[:3]} không phải mã tỉnh nào")
    century = CENTURY_STARTS.get(int(number[3]))
    if century is None or century + int(number[4:6]) > today.year:
        raise ValidationError(f"số định danh '{number}': năm sinh không hợp lệ")
    return number


def buyer_tax_code(text: str, today: date) -> str:
    """What the buyer gives: 12 digits are a person's number, anything else a business's."""
    if re.fullmatch(r"[0-9]{12}", _typed(text)):
        return personal_number(text, today)
    return business_tax_code(text)


def _typed(text: str) -> str:
    """Without the spaces and dots people type between digit groups."""
    return re.sub(r"[\s.]", "", nfc(text))
