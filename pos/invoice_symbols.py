"""The invoice symbol (ký hiệu hóa đơn) each till issues under, checked against the rule in
force on the invoice's day. The rules are dated data, not constants: a decree changes the
letters allowed, and an invoice is judged by the rule of its own day.

A symbol reads: the form (1 a VAT invoice, 2 a sales invoice), C (coded by the tax authority),
the year's last two digits, the kind of invoice (M: generated from a cash register), and two
upper-case letters the seller chooses (YY when it uses none), e.g. 1C26MAA."""

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from pos.errors import ValidationError
from pos.text import nfc


@dataclass(frozen=True)
class SymbolRule:
    valid_from: date
    forms: str  # the form digits allowed
    kinds: str  # the kind letters allowed
    source: str  # where the rule is written, for the person who checks it


SYMBOL_RULES = (
    SymbolRule(date(2022, 7, 1), "12", "TDLMNBGHX", "Thông tư 78/2021/TT-BTC"),
    SymbolRule(date(2025, 6, 1), "12", "TDLMNBGHXF", "Nghị định 70/2025/NĐ-CP"),
)
CASH_REGISTER = "M"


@dataclass(frozen=True)
class InvoiceSymbol:
    form: str
    year: int
    kind: str
    seller_letters: str

    @property
    def text(self) -> str:
        return f"{self.form}C{self.year % 100:02d}{self.kind}{self.seller_letters}"


def rule_on(day: date, rules: tuple[SymbolRule, ...] = SYMBOL_RULES) -> SymbolRule:
    in_force = [rule for rule in rules if rule.valid_from <= day]
    if not in_force:
        raise ValidationError(f"chưa có quy định ký hiệu hóa đơn cho ngày {day:%d/%m/%Y}")
    return max(in_force, key=lambda rule: rule.valid_from)


def invoice_symbol(
    text: str, day: date, kind: str = CASH_REGISTER, rules: tuple[SymbolRule, ...] = SYMBOL_RULES
) -> InvoiceSymbol:
    """``text`` as a symbol for an invoice of ``kind`` issued on ``day``, or refused with what
    is wrong under the rule of that day."""
    symbol = nfc(text).strip().upper()
    found = re.fullmatch(r"([0-9])C([0-9]{2})([A-Z])([A-Z]{2})", symbol)
    if not found:
        raise ValidationError(
            f"ký hiệu '{text.strip()}' phải có dạng 1C{day:%y}MAA: "
            "mẫu số, C, năm, loại hóa đơn, hai chữ cái"
        )
    form, year, letter, seller = found.groups()
    rule = rule_on(day, rules)
    if form not in rule.forms:
        raise ValidationError(f"ký hiệu '{symbol}': mẫu số {form} không có ({rule.source})")
    if letter not in rule.kinds:
        raise ValidationError(f"ký hiệu '{symbol}': loại {letter} không có ({rule.source})")
    if letter != kind:
        raise ValidationError(
            f"ký hiệu '{symbol}': hóa đơn này cần loại {kind}, không phải {letter}"
        )
    if int(year) != day.year % 100:
        raise ValidationError(
            f"ký hiệu '{symbol}' là của năm 20{year}, hóa đơn ngày {day:%d/%m/%Y}"
        )
    return InvoiceSymbol(form, day.year, letter, seller)


@lru_cache(maxsize=64)  # every sale asks; the answer only changes with the day
def yearly_symbol(text: str, day: date, kind: str = CASH_REGISTER) -> InvoiceSymbol:
    """The till's symbol as set (say 1C26MAA) for an invoice issued on ``day``: a symbol
    holds for one year, so on 1 January the till goes on under the new year's (1C27MAA)."""
    symbol = nfc(text).strip().upper()
    return invoice_symbol(f"{symbol[:2]}{day:%y}{symbol[4:]}", day, kind)
