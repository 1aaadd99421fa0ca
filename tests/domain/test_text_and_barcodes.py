import unicodedata

import pytest

from pos.barcodes import gs1_check_digit, looks_like_barcode, validate_barcode
from pos.errors import ValidationError
from pos.text import fold, nfc


def test_nfc_normalises_decomposed_vietnamese():
    decomposed = unicodedata.normalize("NFD", "Trà sâm Lai Châu")
    assert decomposed != "Trà sâm Lai Châu"
    assert nfc(f"  {decomposed} ") == "Trà sâm Lai Châu"
    assert nfc(None) == ""


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Trà sâm", "tra sam"),
        ("Đặc sản", "dac san"),
        ("đường thốt nốt", "duong thot not"),
        ("Ống hút gạo", "ong hut gao"),
        (unicodedata.normalize("NFD", "Rượu men lá"), "ruou men la"),
    ],
)
def test_fold_removes_diacritics_and_folds_d(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize("code", ["8938505970004", "8936345670207", "96385074", "036000291452"])
def test_valid_gs1_codes(code):
    assert validate_barcode(code) == code


def test_wrong_check_digit_is_an_error_not_fixed():
    with pytest.raises(ValidationError, match="số kiểm tra.*phải là 4"):
        validate_barcode("8938505970005")


@pytest.mark.parametrize("code", ["89385059700", "ABC", "", "893850597000412"])
def test_malformed_codes(code):
    with pytest.raises(ValidationError):
        validate_barcode(code)


def test_check_digit_and_scan_shape():
    assert gs1_check_digit("893850597000") == 4
    assert looks_like_barcode("8938505970004")
    assert not looks_like_barcode("SAM-CU-100")


# ---- edges and messages that mutation testing found unpinned (make mutants) ----


def test_only_digits_of_a_barcode_length_look_like_a_scan():
    assert looks_like_barcode("20000000") and not looks_like_barcode("abcdefgh")
    assert not looks_like_barcode("2000000") and not looks_like_barcode("BANH-PIA")


def test_a_malformed_barcode_is_refused_in_words():
    with pytest.raises(ValidationError) as refused:
        validate_barcode(" 12345 ")
    assert str(refused.value) == (
        "mã vạch '12345' không hợp lệ: cần 8, 12 hoặc 13 chữ số (EAN-8, UPC-A, EAN-13)"
    )


def test_the_instore_range_is_ten_digits_after_20_and_no_more():
    from pos.barcodes import instore_ean13, is_instore

    assert instore_ean13(1) == "2000000000015"
    assert instore_ean13(10**10 - 1).startswith("209999999999")
    for outside in (0, 10**10, 10**11):
        with pytest.raises(ValidationError) as refused:
            instore_ean13(outside)
        assert str(refused.value) == "hết dải mã vạch nội bộ"
    assert is_instore("2000000000015") and is_instore("2999999999990")
    assert not is_instore("20000007")  # an EAN-8 starting with 2 is a maker's code
    assert not is_instore("8938505970103") and not is_instore("20000000000150")


def test_folding_keeps_every_space_so_the_folded_name_lines_up_with_the_name():
    name = "Trà  sâm   Lai Châu đặc biệt"
    assert fold(name) == "tra  sam   lai chau dac biet"
    assert len(fold(name)) == len(name)


def test_a_refusal_names_what_needs_a_manager_and_nothing_else():
    from pos.permissions import NEEDS_MANAGER, refuse

    assert str(refuse("refund")) == f"Cần quản lý duyệt: {NEEDS_MANAGER['refund']}"
    assert str(refuse("refund", " (quá hạn)")).endswith(" (quá hạn)")
