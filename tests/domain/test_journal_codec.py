"""The journal's stored form and its lines (pos/journal.py), at the edges mutation testing
found unpinned: what cannot be read is said, never half-read."""

import pytest

from pos.errors import ValidationError
from pos.journal import Anchor, UnreadableEntry, entry_of, lines_of, stored_entry

SALE_TEXT = '{"lines":[["SP01",2,10000,20000,800,1500,[["L1",2]]]],"sold_at":"2026-11-24"}'


def test_an_entry_reads_back_as_written_in_vietnamese_too():
    for text in (SALE_TEXT, '{"reason":"Hàng lỗi / hư hỏng"}'):
        assert entry_of(stored_entry(text)) == text
    assert entry_of(SALE_TEXT) == SALE_TEXT  # text: a journal from before m009


def test_bytes_that_are_no_entry_are_refused_in_words():
    for stored in (b"", b"\x02" + stored_entry(SALE_TEXT)[1:], 42):
        with pytest.raises(UnreadableEntry) as refused:
            entry_of(stored)
        assert str(refused.value) == "không phải nội dung sổ nhật ký"
    whole = stored_entry(SALE_TEXT)
    for damaged in (whole[:-3], whole + b"\x00"):  # cut short, or something added
        with pytest.raises(UnreadableEntry) as refused:
            entry_of(damaged)
        assert str(refused.value) == "nội dung sổ nhật ký bị cắt hoặc thừa"


def test_lines_read_as_objects_and_a_short_line_is_an_error_not_a_guess():
    [line] = lines_of("sale", {"lines": [["SP01", 2, 10000, 20000, 800, 1500, []]]})
    assert line == {
        "sku": "SP01",
        "qty": 2,
        "price": 10000,
        "net": 20000,
        "vat_bp": 800,
        "commission_bp": 1500,
        "lots": [],
    }
    assert lines_of("sale", {"lines": [{"sku": "SP01"}]}) == [{"sku": "SP01"}]  # older entries
    assert lines_of("audit", {"action": "sign_in"}) == []
    with pytest.raises(ValueError):
        lines_of("sale", {"lines": [["SP01", 2]]})
    with pytest.raises(ValueError):
        lines_of("audit", {"lines": [["x"]]})  # a kind with no line fields has no array lines


def test_an_anchor_typed_wrong_says_how_to_write_it():
    assert Anchor.parse(" 1234:ABCDEF0123456789 ") == Anchor(1234, "abcdef0123456789")
    with pytest.raises(ValidationError) as refused:
        Anchor.parse("1234-abc")
    assert str(refused.value) == (
        "mốc sổ nhật ký '1234-abc' phải dạng SỐ_MỤC:MÃ (ví dụ 1234:0000000000000000)"
    )


def test_the_journal_format_is_fixed_for_good():
    """Every stored entry was hashed over this exact text: sorted keys, no spaces, UTF-8 kept
    as is. A change here would break the chain of every journal ever written."""
    from pos.journal import GENESIS_HASH, canonical_json, chain_hash, entry_text

    assert canonical_json({"total": 1, "reason": "Hàng lỗi", "at": None}) == (
        '{"at":null,"reason":"Hàng lỗi","total":1}'
    )
    sale = {
        "lines": [
            {
                "sku": "SP01",
                "qty": 2,
                "price": 1,
                "net": 2,
                "vat_bp": 800,
                "commission_bp": 1500,
                "lots": [],
            }
        ],
        "total": 2,
    }
    assert entry_text("sale", sale) == '{"lines":[["SP01",2,1,2,800,1500,[]]],"total":2}'
    assert entry_text("audit", {"lines": [{"a": 1}]}) == '{"lines":[{"a":1}]}'  # kept whole
    assert chain_hash(GENESIS_HASH, "sale", "T01-000001", '{"total":350000}') == (
        "663dc1f49db642dd6b84c83652717226d5de632ab4367d1544d036e468d6b07d"
    )
    assert entry_of(stored_entry(b'{"a":1}')) == '{"a":1}'  # bytes from an older journal
