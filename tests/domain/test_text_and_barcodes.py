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
