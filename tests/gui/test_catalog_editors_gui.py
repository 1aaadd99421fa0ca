"""Producer and product editors: problems shown under their fields, saves that keep history."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos.cart import Cart
from pos.clock import today
from pos.errors import PosError
from pos.services import catalog, sales
from tests.gui.test_till_gui import open_window
from tests.qt_typing import type_text
from ui.app import configure_application
from ui.catalog_editors import RecordEditor


@pytest.fixture
def window(qtbot, qapp, demo_db, clock_at):
    configure_application(qapp, "vi")
    return open_window(qtbot, demo_db, "quanly")


def editor_open(qtbot) -> RecordEditor:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), RecordEditor))
    editor = QApplication.activeModalWidget()
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def replace_text(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key_Delete)
    type_text(field, text)


def select_sku(page, sku: str) -> None:
    skus = [page.model.record(r).sku for r in range(page.model.rowCount())]
    page.table.setFocus()
    page.table.selectRow(skus.index(sku))


def test_product_editor_shows_problems_in_place_then_saves(qtbot, window, demo_db):
    qtbot.keyClick(window, Qt.Key_4, Qt.ControlModifier)
    page = window.pages["products"]
    select_sku(page, "SAM-TRA-20")
    qtbot.keyClick(page.table, Qt.Key_Return)
    editor = editor_open(qtbot)
    assert editor.fields["sku"].isReadOnly()
    replace_text(qtbot, editor.fields["price_vnd"], "ba trăm")
    replace_text(qtbot, editor.fields["barcode"], "8938505970104")  # wrong check digit
    qtbot.keyClick(editor.fields["name"], Qt.Key_S, Qt.ControlModifier)
    assert editor.isVisible()
    assert editor.errors["price_vnd"].isVisible() and "Giá bán" in editor.errors["price_vnd"].text()
    assert editor.errors["barcode"].isVisible() and "phải là 3" in editor.errors["barcode"].text()
    assert not editor.errors["name"].isVisible()
    assert catalog.find_product_by_code(demo_db, "SAM-TRA-20").price_vnd == 350_000

    replace_text(qtbot, editor.fields["price_vnd"], "365.000")
    replace_text(qtbot, editor.fields["barcode"], "8938505970103 8938505970110")
    replace_text(qtbot, editor.fields["ocop_certificate"], "OCOP-LC-2024/117")
    replace_text(qtbot, editor.fields["ocop_certificate_expiry"], "31/12/2027")
    replace_text(qtbot, editor.fields["commission_pct"], "22,5")
    qtbot.keyClick(editor.fields["name"], Qt.Key_Return)
    qtbot.waitUntil(lambda: not editor.isVisible() or editor.message.text() != "", timeout=2000)
    assert not editor.isVisible(), editor.message.text() + str(
        {k: e.text() for k, e in editor.errors.items() if e.text()}
    )
    product = catalog.find_product_by_code(demo_db, "8938505970110")
    assert (product.sku, product.price_vnd, product.ocop_certificate) == (
        "SAM-TRA-20",
        365_000,
        "OCOP-LC-2024/117",
    )
    assert product.ocop_certificate_expiry == "2027-12-31"
    assert catalog.commission_in_force(demo_db, product.id, today()) == 2250
    assert "Trà sâm" in page.message.text()
    actions = demo_db.execute("SELECT action, actor FROM audit_log").fetchall()
    assert ("product_saved", "quanly") in actions


def test_deactivating_a_product_keeps_it_and_the_till_refuses_it(qtbot, window, demo_db):
    qtbot.keyClick(window, Qt.Key_4, Qt.ControlModifier)
    page = window.pages["products"]
    select_sku(page, "MUT-SEN")
    qtbot.keyClick(page.table, Qt.Key_F2)
    editor = editor_open(qtbot)
    editor.active.setFocus()
    qtbot.keyClick(editor.active, Qt.Key_Space)
    qtbot.keyClick(editor.active, Qt.Key_S, Qt.ControlModifier)
    qtbot.waitUntil(lambda: not editor.isVisible())
    product = catalog.find_product_by_code(demo_db, "MUT-SEN")
    assert product is not None and not product.active
    with pytest.raises(PosError, match="ngừng"):
        sales.product_for_scan(demo_db, "MUT-SEN", 1, Cart(), today())


def test_new_producer_with_a_bad_tax_code_then_saved(qtbot, window, demo_db):
    qtbot.keyClick(window, Qt.Key_3, Qt.ControlModifier)
    page = window.pages["producers"]
    qtbot.keyClick(page.search, Qt.Key_N, Qt.ControlModifier)
    editor = editor_open(qtbot)
    type_text(editor.fields["code"], "MIENDONG")
    type_text(editor.fields["name"], "HTX Miến dong Bình Liêu")
    type_text(editor.fields["province"], "Quảng Ninh")
    type_text(editor.fields["tax_code"], "57001")
    type_text(editor.fields["commission_pct"], "18")
    qtbot.keyClick(editor.fields["tax_code"], Qt.Key_Return)
    assert editor.errors["tax_code"].isVisible() and editor.fields["tax_code"].hasFocus()
    replace_text(qtbot, editor.fields["tax_code"], "5700123456")
    qtbot.keyClick(editor.fields["tax_code"], Qt.Key_Return)
    qtbot.waitUntil(lambda: not editor.isVisible())
    producer = catalog.get_producer(demo_db, "MIENDONG")
    assert (producer.name, producer.province, producer.commission_bp) == (
        "HTX Miến dong Bình Liêu",
        "Quảng Ninh",
        1800,
    )
