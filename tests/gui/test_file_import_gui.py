"""Importing files from the screens: the same all-or-nothing importers as the command line,
run off the GUI thread; a refused file names every bad row and changes nothing."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from pos.services import catalog
from tests.gui.test_till_gui import open_window
from ui.app import configure_application


@pytest.fixture
def window(qtbot, qapp, demo_db, clock_at):
    configure_application(qapp, "vi")
    return open_window(qtbot, demo_db, "quanly")


def choose_file(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def test_products_file_imported_from_the_products_page(
    qtbot, window, demo_db, tmp_path, monkeypatch
):
    good = tmp_path / "moi.csv"
    good.write_text(
        "sku,barcode,name,producer_code,category,unit,price_vnd,ocop_stars,vat_pct,track_expiry\n"
        "MIEN-200,,Miến dong Bình Liêu 200g,THANHTAM,Thực phẩm,gói,45000,4,8,1\n",
        encoding="utf-8",
    )
    choose_file(monkeypatch, good)
    qtbot.keyClick(window, Qt.Key_4, Qt.ControlModifier)
    page = window.pages["products"]
    qtbot.keyClick(page.search, Qt.Key_I, Qt.ControlModifier)
    qtbot.waitUntil(lambda: "1 mới" in page.message.text())
    assert catalog.find_product_by_code(demo_db, "MIEN-200").name == "Miến dong Bình Liêu 200g"
    assert any(page.model.record(r).sku == "MIEN-200" for r in range(page.model.rowCount()))


def test_a_refused_file_lists_every_bad_row_and_imports_nothing(
    qtbot, window, demo_db, tmp_path, monkeypatch
):
    bad = tmp_path / "sai.csv"
    bad.write_text(
        "code,name,kind,province,phone,tax_code,bank_bin,bank_account,bank_account_name,"
        "commission_pct\n"
        "MOI1,HTX Mới,cooperative,Hà Nội,,123,,,,20\n"
        "MOI2,,company,Hà Nội,,,,,,20\n",
        encoding="utf-8",
    )
    choose_file(monkeypatch, bad)
    before = len(catalog.list_producers(demo_db))
    qtbot.keyClick(window, Qt.Key_3, Qt.ControlModifier)
    page = window.pages["producers"]
    qtbot.keyClick(page.search, Qt.Key_I, Qt.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert "2 lỗi" in page.message.text()
    assert "dòng 2" in box.detailedText() and "dòng 3" in box.detailedText()
    box.close()
    assert len(catalog.list_producers(demo_db)) == before


FAIR = (
    "receipt,sold_at,code,qty,unit_price_vnd,payment\n"
    "HC1,2026-11-23 09:15,BANH-PIA,1,,cash\n"
    "HC2,2026-11-23 10:00,MUT-SEN,2,,bank\n"
)


def test_a_fair_file_repeating_receipts_offers_to_import_only_the_new_ones(
    qtbot, window, demo_db, tmp_path, monkeypatch
):
    day_one, day_two = tmp_path / "ngay-1.csv", tmp_path / "ngay-2.csv"
    day_one.write_text(FAIR, encoding="utf-8")
    day_two.write_text(FAIR + "HC3,2026-11-21 09:00,BANH-PIA,2,,cash\n", encoding="utf-8")
    window.show_page("settlement")
    page = window.pages["settlement"]
    choose_file(monkeypatch, day_one)
    page.import_sales()
    qtbot.waitUntil(lambda: "HOICHO-000002" in page.message.text())
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes
    )
    choose_file(monkeypatch, day_two)
    page.import_sales()
    qtbot.waitUntil(lambda: "HOICHO-000003" in page.message.text())
    assert asked and "phiếu mới" in asked[0]
    # HC3 was sold on 21/11, before the goods came in on 22/11: listed, and gone on with
    assert len(asked) == 2 and "phiếu HC3: BANH-PIA bán trước khi nhận hàng" in asked[1]
    assert demo_db.execute("SELECT number FROM sales ORDER BY id").fetchall() == [
        ("HOICHO-000001",),
        ("HOICHO-000002",),
        ("HOICHO-000003",),
    ]


def test_a_fair_file_sold_before_the_goods_came_in_is_listed_and_can_be_cancelled(
    qtbot, window, demo_db, tmp_path, monkeypatch
):
    early = tmp_path / "hoi-cho.csv"
    early.write_text(FAIR.replace("2026-11-23 10:00", "2026-11-21 10:00"), encoding="utf-8")
    window.show_page("settlement")
    page = window.pages["settlement"]
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.No
    )
    choose_file(monkeypatch, early)
    page.import_sales()
    qtbot.waitUntil(lambda: bool(asked))
    assert (
        "phiếu HC2: MUT-SEN bán trước khi nhận hàng (bán 21/11/2026, nhận hàng 22/11/2026)"
        in (asked[0])
    )
    qtbot.waitUntil(lambda: page.message.property("problem") is True)  # said, not posted
    assert demo_db.execute("SELECT count(*) FROM sales").fetchone()[0] == 0  # nothing posted
