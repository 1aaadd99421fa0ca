from datetime import date

import pytest

from pos.clock import display_date, parse_day
from pos.errors import ValidationError


@pytest.mark.parametrize(
    "typed", ["31122026", "31/12/2026", "31-12-2026", "31.12.2026", " 31/12/26 ", "31 12 2026"]
)
def test_a_day_typed_any_usual_way(typed):
    assert parse_day(typed) == date(2026, 12, 31)


def test_short_forms_and_what_is_shown():
    assert parse_day("1/2/26") == date(2026, 2, 1)
    assert display_date(parse_day("01022026").isoformat()) == "01/02/2026"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("30022026", "không có ngày 30/02/2026 trong lịch"),
        ("31/13/2026", "không có ngày 31/13/2026 trong lịch"),
        ("3112202", "'3112202' không phải ngày: gõ dạng 31/12/2026 hoặc 31122026"),
        ("hôm nay", "'hôm nay' không phải ngày: gõ dạng 31/12/2026 hoặc 31122026"),
    ],
)
def test_an_impossible_or_unreadable_day_is_said(typed, message):
    with pytest.raises(ValidationError) as refused:
        parse_day(typed)
    assert str(refused.value) == message
