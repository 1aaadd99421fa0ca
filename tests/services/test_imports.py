import csv
from datetime import date

import openpyxl
import pytest

from pos.errors import ImportRejected
from pos.importing.catalog_files import import_intake, import_producers, import_products
from pos.services import catalog, stock
from tests.conftest import FIXTURES, INTAKE_DAY, demo_user, first_admin
from tests.ledger_sums import on_hand_by_sku

PRODUCT_HEADER = (
    "sku,barcode,name,producer_code,category,unit,price_vnd,ocop_stars,vat_pct,track_expiry"
)


def content(db):
    """Everything the database holds, as SQL text (the migration timestamps included)."""
    return "\n".join(db.conn.iterdump())


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_fixture_files_give_the_expected_stock_per_product_and_lot(db):
    admin = first_admin(db)
    assert import_producers(db, FIXTURES / "producers.csv", actor=admin).created == 13
    assert import_products(db, FIXTURES / "products.csv", actor=admin).created == 29
    summary = import_intake(db, FIXTURES / "intake-2026-11.csv", INTAKE_DAY, actor=admin)
    assert len(summary.documents) == 13  # one goods receipt per producer

    with open(FIXTURES / "intake-2026-11.csv", encoding="utf-8-sig") as f:
        expected_rows = list(csv.DictReader(f))
    stocked = {(s.sku, s.lot_code): s for s in stock.stock_by_lot(db)}
    receipts = dict(
        db.execute(
            "SELECT pr.code, g.number FROM goods_receipts g "
            "JOIN producers pr ON pr.id = g.producer_id"
        ).fetchall()
    )
    assert len(stocked) == len(expected_rows)
    for row in expected_rows:
        lot_code = row["lot"] or receipts[row["producer_code"]]
        lot = stocked[(row["sku"], lot_code)]
        assert lot.on_hand == int(row["qty"])
        assert lot.producer_code == row["producer_code"]
        assert lot.expiry_date == (row["expiry_date"] or None)
        assert lot.production_date == (row["production_date"] or None)
    per_product = on_hand_by_sku(db)
    assert per_product["TOIDEN-250"] == 24 and per_product["SAM-CU-100"] == 6
    assert sum(per_product.values()) == sum(int(r["qty"]) for r in expected_rows)


def test_commission_percent_becomes_basis_points(demo_db):
    producers = {p.code: p for p in catalog.list_producers(demo_db, on=INTAKE_DAY)}
    assert producers["DONGCAO"].commission_bp == 2250
    assert producers["NGAMY"].commission_bp == 1750
    assert producers["HTXTAYBAC"].name == "HTX Tây Bắc (Viêng Lán, Yên Châu)"


def test_importing_products_again_updates_them_by_sku(demo_db, tmp_path):
    path = write(
        tmp_path,
        "p.csv",
        PRODUCT_HEADER + "\n"
        "BANH-PIA,8936345670009,Bánh pía Bảo Minh 400g (mới),BAOMINH,Bánh kẹo,hộp,"
        '"79.000",4,8,1\n',
    )
    summary = import_products(demo_db, path, actor=demo_user(demo_db, "admin"))
    assert (summary.created, summary.updated) == (0, 1)
    pia = catalog.find_product_by_code(demo_db, "8936345670009")
    assert pia.price_vnd == 79_000 and pia.name.endswith("(mới)")
    assert len(catalog.list_products(demo_db)) == 29


BROKEN_PRODUCTS = (
    PRODUCT_HEADER
    + """
OK-1,,Hàng tốt,HOABAN,Trà,hộp,10000,4,8,1
BAD-PRODUCER,,Hàng A,KHONGCO,Trà,hộp,10000,4,8,1
BAD-CHECK,8938505970005,Hàng B,HOABAN,Trà,hộp,10000,4,8,1
DUP-BARCODE,8938505970004,Hàng C,HOABAN,Trà,hộp,10000,4,8,1
NEG-PRICE,,Hàng D,HOABAN,Trà,hộp,-5000,4,8,1
TEXT-PRICE,,Hàng E,HOABAN,Trà,hộp,mười nghìn,4,8,1
OK-1,,Trùng mã,HOABAN,Trà,hộp,10000,4,8,1
,,,HOABAN,Trà,hộp,10000,9,8,1
"""
)


def test_broken_products_file_lists_every_bad_row_and_changes_nothing(demo_db, tmp_path):
    before = content(demo_db)
    with pytest.raises(ImportRejected) as rejected:
        import_products(
            demo_db,
            write(tmp_path, "broken.csv", BROKEN_PRODUCTS),
            actor=demo_user(demo_db, "admin"),
        )
    reasons = {p.line: p.reason for p in rejected.value.problems}
    assert sorted(reasons) == [3, 4, 5, 6, 7, 8, 9]
    assert "không có chủ thể mã KHONGCO" in reasons[3]
    assert "số kiểm tra" in reasons[4]
    assert "đã thuộc mặt hàng SAM-CU-100" in reasons[5]
    assert "không được âm" in reasons[6]
    assert "không phải số tiền" in reasons[7]
    assert "trùng dòng 2" in reasons[8]
    assert "mã hàng" in reasons[9] and "tên hàng" in reasons[9] and "OCOP" in reasons[9]
    assert "dòng 4:" in str(rejected.value)
    assert content(demo_db) == before


BROKEN_INTAKE = """producer_code,sku,qty,lot,production_date,expiry_date
CONBOVANG,SUA-TUOI-1L,5,L9,2026-11-20,2026-12-20
CONBOVANG,KHONG-CO,5,L9,2026-11-20,2026-12-20
CONBOVANG,SUA-CHUA-4,-3,L9,2026-11-20,2026-12-20
CONBOVANG,SUA-CHUA-4,ba,L9,2026-11-20,2026-12-20
CONBOVANG,SUA-CHUA-4,2,L10,2026-12-20,2026-11-20
CONBOVANG,SUA-CHUA-4,2,L11,2026-11-20,
HOABAN,SUA-CHUA-4,2,L12,2026-11-20,2026-12-20
CONBOVANG,SUA-CHUA-4,2,L13,20/11/2026,31/11/2026
CONBOVANG,SUA-TUOI-1L,1,L9,2026-11-21,2026-12-20
"""


def test_broken_intake_lists_every_bad_row_and_changes_nothing(demo_db, tmp_path):
    before = content(demo_db)
    with pytest.raises(ImportRejected) as rejected:
        import_intake(
            demo_db,
            write(tmp_path, "intake.csv", BROKEN_INTAKE),
            INTAKE_DAY,
            actor=demo_user(demo_db, "admin"),
        )
    reasons = {p.line: p.reason for p in rejected.value.problems}
    assert sorted(reasons) == [3, 4, 5, 6, 7, 8, 9, 10]
    assert "không có mặt hàng mã KHONG-CO" in reasons[3]
    assert "từ 1 trở lên" in reasons[4]
    assert "số nguyên" in reasons[5]
    assert "trước ngày sản xuất" in reasons[6]
    assert "cần hạn sử dụng" in reasons[7]
    assert "thuộc chủ thể CONBOVANG" in reasons[8]
    assert "không phải ngày" in reasons[9]
    assert "khác ngày với dòng 2" in reasons[10]
    assert content(demo_db) == before


def test_missing_columns_and_empty_files(demo_db, tmp_path):
    before = content(demo_db)
    with pytest.raises(ImportRejected, match="thiếu cột: qty"):
        import_intake(
            demo_db,
            write(tmp_path, "a.csv", "producer_code,sku\nHOABAN,X\n"),
            actor=demo_user(demo_db, "admin"),
        )
    with pytest.raises(ImportRejected, match="file trống"):
        import_products(
            demo_db, write(tmp_path, "b.csv", "\n\n"), actor=demo_user(demo_db, "admin")
        )
    with pytest.raises(ImportRejected, match="không tìm thấy"):
        import_products(demo_db, tmp_path / "missing.csv", actor=demo_user(demo_db, "admin"))
    with pytest.raises(ImportRejected, match=".csv hoặc .xlsx"):
        import_products(demo_db, write(tmp_path, "c.pdf", "x"), actor=demo_user(demo_db, "admin"))
    assert content(demo_db) == before


def test_non_utf8_file_names_the_line(demo_db, tmp_path):
    text = (
        PRODUCT_HEADER + "\nOK-1,,Hang tot,HOABAN,Tra,hop,10000,4,8,1\nX,,Bánh,HOABAN,a,b,1,4,8,1\n"
    )
    path = write(tmp_path, "cp1258.csv", text, encoding="cp1258")
    with pytest.raises(ImportRejected) as rejected:
        import_products(demo_db, path, actor=demo_user(demo_db, "admin"))
    assert rejected.value.problems[0].line == 3
    assert "UTF-8" in rejected.value.problems[0].reason


def test_bom_and_semicolons_are_accepted(db, tmp_path):
    admin = first_admin(db)
    path = tmp_path / "producers.csv"
    path.write_bytes(
        "\ufeffcode;name;kind;commission_pct\nLANG;Làng nghề;household;22,5\n".encode("utf-8")
    )
    assert import_producers(db, path, actor=admin).created == 1
    assert catalog.get_producer(db, "LANG").commission_bp == 2250


def test_xlsx_import_with_real_numbers_and_dates(demo_db, tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["producer_code", "sku", "qty", "lot", "production_date", "expiry_date"])
    sheet.append(["BAOMINH", "MUT-SEN", 12.0, "L-X1", date(2026, 11, 20), date(2027, 2, 1)])
    sheet.append(["BAOMINH", "BANH-CHA", 3, "L-X2", "2026-11-21", "01/03/2027"])
    path = tmp_path / "intake.xlsx"
    workbook.save(path)
    summary = import_intake(demo_db, path, INTAKE_DAY, actor=demo_user(demo_db, "admin"))
    assert len(summary.documents) == 1
    lots = {(s.sku, s.lot_code): s for s in stock.stock_by_lot(demo_db, "BAOMINH")}
    assert lots[("MUT-SEN", "L-X1")].on_hand == 12
    assert lots[("BANH-CHA", "L-X2")].expiry_date == "2027-03-01"


def test_corrupt_xlsx_is_a_clear_error(demo_db, tmp_path):
    path = write(tmp_path, "broken.xlsx", "not a zip")
    with pytest.raises(ImportRejected, match="không đọc được file Excel"):
        import_products(demo_db, path, actor=demo_user(demo_db, "admin"))


def test_a_file_over_the_import_limit_is_refused_whole(demo_db, tmp_path):
    """One import is one transaction a waiting sale must outlast, so its size is bounded."""
    from pos.importing.tables import MAX_IMPORT_ROWS

    path = tmp_path / "big.csv"
    rows = [f"NHAP-{n:06d},Hàng {n},BAOMINH,10000,4,8,0" for n in range(MAX_IMPORT_ROWS + 1)]
    path.write_text(
        "sku,name,producer_code,price_vnd,ocop_stars,vat_pct,track_expiry\n" + "\n".join(rows),
        encoding="utf-8",
    )
    before = demo_db.execute("SELECT count(*) FROM products").fetchone()[0]
    with pytest.raises(ImportRejected) as rejected:
        import_products(demo_db, path, actor=demo_user(demo_db, "quanly"))
    [problem] = rejected.value.problems
    assert problem.line == MAX_IMPORT_ROWS + 2  # the first row past the limit
    assert "file có 20.001 dòng, một lần nhập tối đa 20.000 dòng" in problem.reason
    assert demo_db.execute("SELECT count(*) FROM products").fetchone()[0] == before
    path.write_text("\n".join(path.read_text(encoding="utf-8").splitlines()[:-1]) + "\n")
    summary = import_products(demo_db, path, actor=demo_user(demo_db, "quanly"))
    assert summary.created == MAX_IMPORT_ROWS
