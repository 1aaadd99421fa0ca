"""Labels from the back office screens, written off the GUI thread."""

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog

from pos.services import catalog
from tests.catalog_setup import save_product
from tests.conftest import demo_user
from tests.gui.test_till_gui import open_window
from tests.printing.test_labels import pdf_text
from ui.app import configure_application
from ui.label_dialog import LabelDialog


@pytest.fixture
def window(qtbot, qapp, demo_db, tmp_path, monkeypatch):
    configure_application(qapp, "vi")
    monkeypatch.setattr("ui.label_dialog.documents_dir", lambda kind: tmp_path)
    opened = []
    monkeypatch.setattr("ui.main_window.open_document", lambda path, parent: opened.append(path))
    main = open_window(qtbot, demo_db)
    main.opened_files = opened
    return main


def open_dialog(qtbot) -> LabelDialog:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), LabelDialog))
    return QApplication.activeModalWidget()


def test_product_labels_to_an_a4_pdf(qtbot, window):
    window.show_page("products")
    page = window.pages["products"]
    rows = [page.model.record(r).sku for r in range(page.model.rowCount())]
    page.table.selectRow(rows.index("MUT-SEN"))
    qtbot.keyClick(page.table, Qt.Key_L, Qt.ControlModifier)
    dialog = open_dialog(qtbot)
    dialog.copies.setValue(7)
    dialog.grid.setCurrentIndex(dialog.grid.findData("5x13"))
    dialog.start.setValue(3)
    qtbot.mouseClick(dialog.pdf_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(window.opened_files))
    text = pdf_text(window.opened_files[0])
    assert len(re.findall(r"8\s+936345\s+670405", text)) == 7  # Mứt sen's barcode, 7 times
    assert "Mứt sen trần Bảo Minh" in text


def test_in_store_barcode_on_request(qtbot, window, demo_db):
    save_product(
        demo_db,
        catalog.ProductInput(
            sku="MOI-1",
            name="Mật ong rừng",
            producer_code="HTXTAYBAC",
            price_vnd=250_000,
            ocop_rating="4",
            vat_bp=800,
            tracks_expiry=True,
        ),
        actor=demo_user(demo_db, "quanly"),
    )
    window.show_page("products")
    page = window.pages["products"]
    rows = [page.model.record(r).sku for r in range(page.model.rowCount())]
    page.table.selectRow(rows.index("MOI-1"))
    qtbot.keyClick(page.table, Qt.Key_B, Qt.ControlModifier)
    code = catalog.find_product_by_code(demo_db, "MOI-1").barcodes[0]
    assert code.startswith("20") and code in page.message.text()


def test_one_label_per_unit_of_a_goods_receipt(qtbot, window, monkeypatch):
    window.show_page("stock")
    page = window.pages["stock"].on_hand
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (a[3][-1], True))  # PNK-000001
    qtbot.keyClick(page.producer_table, Qt.Key_L, Qt.ControlModifier)
    dialog = open_dialog(qtbot)
    assert len(dialog.labels) == 18  # HOABAN's receipt: 6 + 6 + 6 units
    qtbot.mouseClick(dialog.pdf_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(window.opened_files))
    text = pdf_text(window.opened_files[0])
    assert text.count("Sâm Lai Châu củ tươi 100g") == 6 and "HSD: 11/08/2027" in text
