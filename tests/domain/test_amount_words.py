"""The amount in words an invoice carries: the edges people write by hand (linh, mười lăm,
hai mươi mốt, không trăm), and every amount read back by an independent reader."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.amount_words import amount_in_words


@pytest.mark.parametrize(
    "amount, words",
    [
        (0, "Không đồng"),
        (1, "Một đồng"),
        (5, "Năm đồng"),
        (10, "Mười đồng"),
        (11, "Mười một đồng"),
        (15, "Mười lăm đồng"),
        (21, "Hai mươi mốt đồng"),
        (24, "Hai mươi tư đồng"),
        (25, "Hai mươi lăm đồng"),
        (100, "Một trăm đồng"),
        (105, "Một trăm linh năm đồng"),
        (110, "Một trăm mười đồng"),
        (1_005, "Một nghìn không trăm linh năm đồng"),
        (1_015, "Một nghìn không trăm mười lăm đồng"),
        (105_000, "Một trăm linh năm nghìn đồng"),
        (350_000, "Ba trăm năm mươi nghìn đồng"),
        (1_000_001, "Một triệu không trăm linh một đồng"),
        (1_050_000, "Một triệu không trăm năm mươi nghìn đồng"),
        (2_500_000, "Hai triệu năm trăm nghìn đồng"),
        (1_000_000_000, "Một tỷ đồng"),
        (1_000_000_005, "Một tỷ không trăm linh năm đồng"),
        (21_000_000_000, "Hai mươi mốt tỷ đồng"),
        (1_000_000_000_000, "Một nghìn tỷ đồng"),
    ],
)
def test_amounts_read_as_written_on_invoices(amount, words):
    assert amount_in_words(amount) == words


def test_a_negative_amount_is_refused():
    with pytest.raises(ValueError):
        amount_in_words(-1)


READ = {"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5}
READ |= {"lăm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}


def _read(words: str) -> int:
    """Words back to a number, written apart from the speller: a running group and scales."""
    total = block = group = 0
    for word in words.lower().removesuffix(" đồng").split():
        if word in READ:
            group += READ[word]
        elif word == "mười":
            group += 10
        elif word == "mươi":
            group = group // 10 * 10 + group % 10 * 10
        elif word == "trăm":
            group *= 100
        elif word == "linh":
            pass
        elif word == "nghìn":
            block, group = block + group * 1000, 0
        elif word == "triệu":
            block, group = block + group * 1_000_000, 0
        elif word == "tỷ":
            total, block, group = (total + block + group) * 1_000_000_000, 0, 0
        else:
            raise AssertionError(f"unknown word {word!r}")
    return total + block + group


@given(st.integers(min_value=0, max_value=10**15))
def test_every_amount_reads_back_to_itself(amount):
    words = amount_in_words(amount)
    assert _read(words) == amount
    assert words[0].isupper() and words.endswith(" đồng") and "  " not in words
