import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.errors import ValidationError
from pos.money import (
    format_bp,
    format_vnd,
    parse_percent_bp,
    parse_vnd,
    round_half_up,
    share_bp,
)


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [(5, 10, 1), (4, 10, 0), (15, 10, 2), (25, 10, 3), (-5, 10, -1), (-4, 10, 0), (0, 7, 0)],
)
def test_round_half_up(numerator, denominator, expected):
    assert round_half_up(numerator, denominator) == expected


@given(st.integers(-(10**15), 10**15), st.integers(1, 10**6))
def test_round_half_up_is_nearest_integer(numerator, denominator):
    result = round_half_up(numerator, denominator)
    assert isinstance(result, int)
    assert abs(result * denominator - numerator) * 2 <= denominator


def test_commission_share_in_basis_points():
    assert share_bp(350_000, 2250) == 78_750
    assert share_bp(9_000, 1750) == 1_575
    assert share_bp(1, 5000) == 1  # half a đồng rounds up


def test_format_vnd_uses_dot_thousands():
    assert format_vnd(1_250_000) == "1.250.000 ₫"
    assert format_vnd(0) == "0 ₫"
    assert format_vnd(-42_000) == "-42.000 ₫"
    assert format_vnd(999, symbol=False) == "999"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.250.000", 1_250_000),
        ("1,250,000", 1_250_000),
        ("1250000", 1_250_000),
        ("1.250.000 ₫", 1_250_000),
        (" 42000đ ", 42_000),
        ("50k", 50_000),
        (2500000, 2_500_000),
        (42000.0, 42_000),
    ],
)
def test_parse_vnd_accepts_what_people_type(text, expected):
    assert parse_vnd(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "12.5", "1.25.000", "1,2", "-5000", "1e6", 12.5, True])
def test_parse_vnd_refuses_ambiguous_or_negative(text):
    with pytest.raises(ValidationError):
        parse_vnd(text)


def test_parse_vnd_refuses_absurd_amounts():
    with pytest.raises(ValidationError):
        parse_vnd("99999999999999999")


@pytest.mark.parametrize(
    ("text", "bp"), [("20", 2000), ("22.5", 2250), ("17,5", 1750), ("0", 0), ("100", 10000)]
)
def test_parse_percent_to_basis_points(text, bp):
    assert parse_percent_bp(text) == bp


@pytest.mark.parametrize("text", ["", "-1", "101", "22.555", "abc"])
def test_parse_percent_refuses_bad_values(text):
    with pytest.raises(ValidationError):
        parse_percent_bp(text)


def test_format_bp():
    assert format_bp(2250) == "22,5 %"
    assert format_bp(-2571) == "-25,71 %" and format_bp(-5) == "-0,05 %"
    assert format_bp(2000) == "20 %"
    assert format_bp(1725) == "17,25 %"


def test_a_share_beyond_a_limit_is_exact_at_the_boundary():
    from pos.money import beyond_share

    assert not beyond_share(12_000, 120_000, 1000)  # exactly 10 %
    assert beyond_share(12_001, 120_000, 1000)
    assert not beyond_share(0, 0, 0)
    assert beyond_share(1, 3, 3333) and not beyond_share(1, 3, 3334)  # 33.33 % < 1/3 < 33.34 %


# ---- edges and messages that mutation testing found unpinned (make mutants) ----


def test_a_zero_or_negative_denominator_is_a_programming_error_said_as_such():
    for denominator in (0, -3):
        with pytest.raises(ValueError) as refused:
            round_half_up(1, denominator)
        assert str(refused.value) == "denominator must be positive"


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("0", 0),  # nothing is a valid amount: not negative, not empty
        ("0 ₫", 0),
        ("50.000 VND", 50_000),
        ("1\u00a0250\u00a0000", 1_250_000),  # a spreadsheet's non-breaking spaces
        ("0" * 30 + "5", 5),  # leading zeros are not digits of a huge amount
        ("1.000.000.000.000", 10**12),  # the largest amount the till takes
    ],
)
def test_amounts_at_the_edges_read_as_written(typed, amount):
    assert parse_vnd(typed) == amount


def test_messages_name_what_was_typed_and_how_to_write_it():
    with pytest.raises(ValidationError) as unclear:
        parse_vnd("1,5")
    assert str(unclear.value) == (
        "'1,5' không rõ là bao nhiêu: tiền là số đồng nguyên, "
        "nhóm 3 chữ số bằng dấu chấm (ví dụ: 1.250.000)"
    )
    with pytest.raises(ValidationError) as wrong:
        parse_vnd("năm nghìn")
    assert str(wrong.value) == "'năm nghìn' không phải số tiền (ví dụ đúng: 1.250.000)"
    for too_large in ("1.000.000.000.001", "9" * 40, 10**12 + 1):
        with pytest.raises(ValidationError) as large:
            parse_vnd(too_large)
        assert str(large.value) == "số tiền quá lớn (tối đa 1.000.000.000.000 ₫)"
    with pytest.raises(ValidationError) as flag:
        parse_vnd(True)
    assert str(flag.value) == "'True' không phải số tiền"
    with pytest.raises(ValidationError) as fraction:
        parse_vnd(2.5)
    assert str(fraction.value) == "'2.5' không phải số tiền nguyên đồng"
    with pytest.raises(ValidationError) as percent:
        parse_percent_bp("5X")
    assert str(percent.value) == "'5X' không phải tỉ lệ phần trăm (ví dụ: 22.5)"
    with pytest.raises(ValidationError) as over:
        parse_percent_bp("100,5")
    assert str(over.value) == "tỉ lệ phần trăm phải từ 0 đến 100: 100,5"
