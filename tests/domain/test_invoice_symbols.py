"""The till's invoice symbol, judged by the rule in force on the invoice's day."""

from datetime import date

import pytest

from pos.errors import ValidationError
from pos.invoice_symbols import SYMBOL_RULES, SymbolRule, invoice_symbol, rule_on

DAY = date(2026, 12, 1)


@pytest.mark.parametrize("typed", ["1C26MAA", " 1c26myy ", "2C26MAB"])
def test_a_cash_register_symbol_of_the_invoices_year_is_kept(typed):
    symbol = invoice_symbol(typed, DAY)
    assert symbol.text == typed.strip().upper() and symbol.kind == "M" and symbol.year == 2026


@pytest.mark.parametrize(
    "typed, says",
    [
        ("1C26M", "phải có dạng 1C26MAA"),
        ("1K26MAA", "phải có dạng"),  # K: not coded by the tax authority
        ("3C26MAA", "mẫu số 3 không có"),
        ("1C26ZAA", "loại Z không có"),
        ("1C26TAA", "cần loại M, không phải T"),  # a kind that exists, but not a cash register's
        ("1C25MAA", "năm 2025"),
        ("1C26M1A", "phải có dạng"),
    ],
)
def test_a_wrong_symbol_is_refused_saying_why(typed, says):
    with pytest.raises(ValidationError, match=says):
        invoice_symbol(typed, DAY)


def test_the_rule_of_the_invoices_own_day_applies():
    """F was added by Decree 70/2025 from 01/06/2025: an invoice of 31/05/2025 cannot be F."""
    assert "F" not in rule_on(date(2025, 5, 31)).kinds
    assert "F" in rule_on(date(2025, 6, 1)).kinds
    assert invoice_symbol("1C25FAA", date(2025, 6, 1), kind="F").kind == "F"
    with pytest.raises(ValidationError, match="loại F không có"):
        invoice_symbol("1C25FAA", date(2025, 5, 31), kind="F")


def test_a_later_rule_given_as_data_takes_over_from_its_day():
    later = (*SYMBOL_RULES, SymbolRule(date(2026, 7, 1), "12", "M", "a later circular"))
    assert invoice_symbol("1C26MAA", DAY, rules=later).text == "1C26MAA"
    with pytest.raises(ValidationError, match="a later circular"):
        invoice_symbol("1C26TAA", DAY, kind="T", rules=later)
    with pytest.raises(ValidationError, match="chưa có quy định"):
        rule_on(date(2022, 6, 30))
