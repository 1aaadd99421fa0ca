"""A buyer's tax code at the till: a business's 10 or 10-3 digits with its check digit, or a
person's 12-digit number with a real province and a possible year of birth."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.einvoice import checked_buyer
from pos.errors import ValidationError
from pos.tax_codes import business_tax_code, buyer_tax_code, check_digit, personal_number

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    "typed, kept",
    [
        ("0100109106", "0100109106"),  # Viettel's, as printed on its invoices
        (" 0100109106-001 ", "0100109106-001"),
        ("0100 109 106", "0100109106"),
        ("0100.109.106-002", "0100109106-002"),
        # worked by hand: 31·1 + 29·2 + 23·3 + 19·4 + 17·5 + 13·6 + 7·7 + 5·8 + 3·9 = 513,
        # 513 mod 11 = 7, 10 - 7 = 3 (every weight meets a digit that is not 0)
        ("1234567893", "1234567893"),
        ("0300588569", "0300588569"),  # 375 mod 11 = 1: 9
        ("0101248141", "0101248141"),  # 207 mod 11 = 9: 1
    ],
)
def test_business_codes_with_the_right_check_digit_are_kept(typed, kept):
    assert business_tax_code(typed) == kept


@pytest.mark.parametrize(
    "typed, says",
    [
        ("0100109107", "sai chữ số kiểm tra"),
        ("010010910", "10 chữ số"),
        ("01001091061", "10 chữ số"),
        ("0100109106-01", "10 chữ số"),
        ("0100109106-000", "không thể là 000"),
        ("01OO109106", "10 chữ số"),
        ("０１００１０９１０６", "10 chữ số"),  # full-width digits would reach the invoice
        ("1000000080", "sai chữ số kiểm tra"),  # sum 31 + 24 = 55, mod 11 = 0: no check digit
    ],
)
def test_wrong_business_codes_are_refused_saying_why(typed, says):
    with pytest.raises(ValidationError, match=says):
        business_tax_code(typed)


@given(st.text(alphabet="0123456789", min_size=9, max_size=9), st.integers(0, 9))
def test_only_the_computed_check_digit_passes(first_nine, last):
    code = f"{first_nine}{last}"
    if last == check_digit(first_nine):  # None (no digit possible): every code refused
        assert business_tax_code(code) == code
    else:
        with pytest.raises(ValidationError):
            business_tax_code(code)


@pytest.mark.parametrize(
    "number",
    ["001090012345", "079203000001", "096185999999", "048301000123"],
)
def test_personal_numbers_with_a_province_and_a_possible_birth_year_pass(number):
    assert personal_number(number, TODAY) == number
    assert buyer_tax_code(number, TODAY) == number


@pytest.mark.parametrize(
    "number, says",
    [
        ("003090012345", "không phải mã tỉnh"),  # 003 is no province
        ("097090012345", "không phải mã tỉnh"),
        ("001490012345", "năm sinh"),  # century digit 4: born in the 2100s
        ("001227012345", "năm sinh"),  # born in 2027, after today
        ("00109001234", "12 chữ số"),
    ],
)
def test_impossible_personal_numbers_are_refused(number, says):
    with pytest.raises(ValidationError, match=says):
        personal_number(number, TODAY)


def test_a_born_this_year_number_passes_and_twelve_digits_are_never_a_business():
    assert personal_number("001226000001", TODAY) == "001226000001"
    assert buyer_tax_code("001.090.012.345", TODAY) == "001090012345"  # typed in groups
    with pytest.raises(ValidationError, match="không phải mã tỉnh"):
        buyer_tax_code("003000000000", TODAY)  # not read as a business code


def test_a_buyer_is_checked_before_the_invoice_names_them():
    today = date(2026, 12, 1)
    assert checked_buyer("none", today).kind == "none"
    business = checked_buyer("business", today, tax_code="0100109106", name=" Cty A ")
    assert (business.tax_code, business.name) == ("0100109106", "Cty A")
    with pytest.raises(ValidationError, match="chữ số kiểm tra"):
        checked_buyer("business", today, tax_code="0100109107", name="Cty A")
    with pytest.raises(ValidationError, match="tên doanh nghiệp"):
        checked_buyer("business", today, tax_code="0100109106")
    person = checked_buyer("person", today, name="Lê Văn An")
    assert (person.kind, person.tax_code) == ("person", "")
    with pytest.raises(ValidationError, match="mã tỉnh"):
        checked_buyer("person", today, name="Lê Văn An", tax_code="999012345678")
