import re
import subprocess

import pytest
from escpos.printer import Dummy

from pos.barcodes import gs1_check_digit, instore_ean13, validate_barcode
from pos.errors import ValidationError
from pos.printing.escpos_out import PrinterConfig, print_images
from pos.printing.labels import render_thermal_label, write_label_sheets
from pos.services import catalog, labels
from tests.catalog_setup import save_product
from tests.conftest import demo_user


def valid_ean13(code: str) -> bool:
    return len(code) == 13 and code.isdigit() and int(code[-1]) == gs1_check_digit(code[:-1])


def test_instore_codes_are_restricted_circulation_with_valid_check_digits():
    codes = [instore_ean13(n) for n in (1, 2, 9, 12345, 9_999_999_999)]
    assert all(code.startswith("20") and valid_ean13(code) for code in codes)
    assert len(set(codes)) == len(codes)
    assert validate_barcode(codes[0]) == codes[0]


def test_goods_received_without_barcode_get_one_at_intake(demo_db):
    silk = catalog.find_product_by_code(demo_db, "KHAN-LUA")
    [code] = silk.barcodes
    assert code.startswith("20") and valid_ean13(code)
    assert catalog.find_product_by_code(demo_db, code).sku == "KHAN-LUA"  # it scans
    kinds = dict(demo_db.execute("SELECT kind, count(*) FROM barcodes GROUP BY kind").fetchall())
    assert kinds == {"gs1": 16, "instore": 13}


def test_issuing_on_request(demo_db):
    product = save_product(
        demo_db,
        catalog.ProductInput(
            sku="MOI-1",
            name="Mật ong rừng Tây Bắc",
            producer_code="HTXTAYBAC",
            price_vnd=250_000,
            ocop_rating="4",
            vat_bp=800,
            tracks_expiry=True,
        ),
        actor=demo_user(demo_db, "quanly"),
    )
    manager = demo_user(demo_db, "quanly")
    code = catalog.issue_instore_barcode(demo_db, product.id, manager)
    assert valid_ean13(code) and catalog.issue_instore_barcode(demo_db, product.id, manager) == code
    gs1 = catalog.find_product_by_code(demo_db, "BANH-PIA")
    with pytest.raises(ValidationError, match="GS1"):
        catalog.issue_instore_barcode(demo_db, gs1.id, manager)


def pdf_text(path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def test_label_sheet_pdf_keeps_vietnamese_and_valid_barcodes(demo_db, tmp_path):
    items = labels.labels_for_goods_receipt(demo_db, "PNK-000003")  # Sữa: 24 + 24 units
    assert len(items) == 48
    path = tmp_path / "tem.pdf"
    assert write_label_sheets(items, path, "3x8") == 2
    text = pdf_text(path)
    assert text.count("Sữa tươi thanh trùng Con Bò Vàng 1L") == 24
    assert text.count("Sữa chua Con Bò Vàng (lốc 4)") == 24
    assert "HSD: 03/12/2026" in text and "42.000 ₫" in text and "OCOP 4★" in text
    digits = re.findall(r"(\d)\s+(\d{6})\s+(\d{6})", text)
    assert len(digits) == 48
    assert all(valid_ean13("".join(groups)) for groups in digits)


def test_partly_used_sheet_starts_at_the_given_position(demo_db, tmp_path):
    items = labels.labels_for_product(demo_db, "KHAN-LUA", 13)
    path = tmp_path / "tem.pdf"
    assert write_label_sheets(items, path, "5x13", start=64) == 2  # 2 on page 1, 11 on page 2
    pages = pdf_text(path).split("\f")
    assert pages[0].count("Khăn lụa tơ tằm Vạn Phúc") == 2
    assert pages[1].count("Khăn lụa tơ tằm Vạn Phúc") == 11
    assert "HSD" not in pdf_text(path)  # silk does not track expiry
    with pytest.raises(ValidationError):
        write_label_sheets(items, path, "5x13", start=66)
    with pytest.raises(ValidationError):
        write_label_sheets(items, path, "9x9")


def test_thermal_labels_print_as_raster(demo_db):
    [label] = labels.labels_for_product(demo_db, "SUA-TUOI-1L", 1)
    image = render_thermal_label(label)
    assert image.mode == "1" and image.width == 384
    paper = Dummy()
    print_images(PrinterConfig("file", "x", 58), [image, image], opener=lambda _c: paper)
    assert paper.output.count(b"\x1dv0") >= 2 and paper.output.count(b"\x1dV") == 2
