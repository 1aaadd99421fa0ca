import logging
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHeaderView, QMessageBox

from pos.errors import ValidationError
from pos.paths import RESOURCES
from pos.services import backups, integrity
from pos.services.settings import get_setting
from tests.conftest import demo_user
from tests.qt_typing import type_text
from ui import errors as ui_errors
from ui.app import configure_application
from ui.main_window import MainWindow


@pytest.fixture
def vietnamese(qapp):
    configure_application(qapp, "vi")


@pytest.fixture
def window(qtbot, demo_db, vietnamese):
    main = MainWindow(demo_db, "demo.sqlite3", demo_user(demo_db, "quanly"))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def test_window_opens_in_vietnamese_with_every_page(window, qtbot):
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles == [
        "Bán hàng",
        "Hàng ký gửi",
        "Chủ thể OCOP",
        "Sản phẩm",
        "Quyết toán",
        "Báo cáo",
        "Cài đặt",
        "Nhật ký kiểm soát",
        "Hóa đơn điện tử",
    ]
    for number, key in enumerate(window.pages, start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key_0 + number), Qt.ControlModifier)
        assert window.current_page() is window.pages[key]


def test_pages_other_than_the_till_are_built_when_first_shown(window, qtbot):
    """Start-up builds the till only; a page is built once, when it is first needed."""
    assert [key for key in window.pages if window.pages.built(key)] == ["sell"]
    qtbot.keyClick(window, Qt.Key_6, Qt.ControlModifier)
    reports = window.pages.built("reports")
    assert reports is not None and window.stack.currentWidget() is window.pages.place("reports")
    assert reports.isVisible()
    qtbot.keyClick(window, Qt.Key_1, Qt.ControlModifier)
    qtbot.keyClick(window, Qt.Key_6, Qt.ControlModifier)
    assert window.pages["reports"] is reports and window.stack.count() == len(window.pages)


def test_products_live_search_in_vietnamese(window, qtbot):
    qtbot.keyClick(window, Qt.Key_4, Qt.ControlModifier)
    page = window.pages["products"]
    assert page.model.rowCount() == 29
    page.search.setFocus()
    type_text(page.search, "trà sâm")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.record(0).sku == "SAM-TRA-20"
    assert page.count_label.text() == "1 mục"
    page.search.clear()
    type_text(page.search, "dac san")  # nothing is called "đặc sản" in the sample
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)


def test_producers_search_folds_diacritics(window, qtbot):
    window.show_page("producers")
    page = window.pages["producers"]
    type_text(page.search, "dong cao")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.record(0).code == "DONGCAO"


def test_stock_page_shows_lots_of_the_selected_producer(window, qtbot):
    window.show_page("stock")
    page = window.pages["stock"].on_hand
    assert page.lot_model.rowCount() == 29  # every lot of every producer
    codes = [
        page.producer_model.record(r).producer_code for r in range(page.producer_model.rowCount())
    ]
    page.producer_table.selectRow(codes.index("CONBOVANG"))
    assert {page.lot_model.record(r).lot_code for r in range(page.lot_model.rowCount())} == {
        "L2613-05",
        "L2611-06",
    }
    assert "48" in page.lots_title.text()
    assert page.tabs.tabText(1) == "Ngoại lệ tồn kho (0)"


def test_settings_save_language(window, qtbot, demo_db):
    window.show_page("settings")
    page = window.pages["settings"]
    assert page.inputs["showroom_name"].text() == "Showroom OCOP Hà Nội (demo)"
    language = page.inputs["ui_language"]
    language.setCurrentIndex(language.findData("en"))
    qtbot.mouseClick(page.save_button, Qt.LeftButton)
    assert get_setting(demo_db, "ui_language") == "en"
    assert "lần mở chương trình sau" in page.status.text()
    page.inputs["bank_bin"].setText("97041")
    qtbot.mouseClick(page.save_button, Qt.LeftButton)
    assert get_setting(demo_db, "bank_bin") == "970415"  # refused as a whole, kept
    assert "BIN" in page.status.text() and page.status.property("problem") is True


def test_every_message_has_a_vietnamese_translation(tmp_path):
    tree = ET.parse(RESOURCES / "translations" / "ocop_pos_vi.ts")
    # every text the screens ask tr() for is in the file: lupdate run on ui/ as it is now
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for p in (RESOURCES.parent / "ui").glob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    asked = {m.find("source").text for m in ET.parse(fresh).iter("message")}
    assert asked - {m.find("source").text for m in tree.iter("message")} == set(), (
        "run make translations-update and translate the new texts"
    )
    unfinished = [
        m.find("source").text
        for m in tree.iter("message")
        if m.find("translation").get("type") in ("unfinished", "vanished")
    ]
    assert unfinished == []
    assert (RESOURCES / "translations" / "ocop_pos_vi.qm").is_file()


def test_unexpected_error_is_logged_and_shown(vietnamese, monkeypatch, caplog):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    with caplog.at_level(logging.ERROR, logger="ocop_pos"):
        try:
            raise RuntimeError("boom")
        except RuntimeError as error:
            ui_errors.show_error(type(error), error, error.__traceback__)
    assert shown and "Dữ liệu của bạn an toàn" in shown[0]
    assert "RuntimeError: boom" in caplog.text


def test_pos_error_is_shown_as_its_message(qapp, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    error = ValidationError("giá bán không được âm")
    ui_errors.show_error(ValidationError, error, None)
    assert warnings == ["giá bán không được âm"]


def test_no_command_opens_the_window_on_the_given_database(qapp, tmp_path, monkeypatch):
    """What `make run` does: seed the demo once, then start the app on it (the ocop-pos
    script, ui.launcher; pos.cli alone never opens a window)."""
    from pos import cli
    from ui import launcher

    db_path = tmp_path / "demo.sqlite3"
    assert launcher.main(["--db", str(db_path), "demo", "--if-empty"]) == 0
    assert launcher.main(["--db", str(db_path), "demo", "--if-empty"]) == 0  # second: no-op
    assert cli.main(["--db", str(db_path)]) == 2  # says to use ocop-pos
    opened = []

    def fake_exec(app):
        opened.extend(
            w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    from pos.services.users import get_user
    from ui.sign_in import SignInDialog

    def signed_in(dialog):
        dialog.result_value = get_user(dialog.db, "thungan")
        return SignInDialog.Accepted

    monkeypatch.setattr(SignInDialog, "exec", signed_in)
    monkeypatch.setattr("ui.app.configure_logging", lambda: None)
    monkeypatch.setattr("pos.services.backups.default_backup_dir", lambda: tmp_path / "backups")
    assert launcher.main(["--db", str(db_path)]) == 0
    assert opened and opened[0].pages["products"].model.rowCount() == 0  # not shown yet
    opened[0].show_page("products")
    assert opened[0].pages["products"].model.rowCount() == 29
    for window in opened:
        window.close()  # waits for the day's first backup, taken at start
    [daily] = backups.list_backups(tmp_path / "backups")
    assert daily.reason == "daily" and integrity.check_file(daily.path) == []


def test_a_stretched_name_column_keeps_its_text_when_the_table_is_narrow(qtbot):
    """At 1024 pixels the expiry table's other columns took all the width and the product
    name shrank to '…': it now takes its text's width and the table scrolls sideways."""
    from ui.table_model import Column, RecordTableModel
    from ui.widgets import make_table

    model = RecordTableModel(
        [Column("Mã", lambda r: r[0]), Column("Sản phẩm", lambda r: r[1])]
        + [Column(f"Cột {n}", lambda r, n=n: "x" * 30) for n in range(4)]
    )
    table = make_table(model, stretch=(1,))
    qtbot.addWidget(table)
    model.set_records([("SUA-BAVI-200", "Sữa bò tươi Ba Vì 200ml, hộp giấy")])
    table.resize(500, 200)
    table.show()
    qtbot.waitExposed(table)
    assert table.columnWidth(1) >= table.sizeHintForColumn(1)
    table.resize(3000, 200)  # room enough: the name shares the spare width again
    qtbot.waitUntil(lambda: table.horizontalHeader().sectionResizeMode(1) == QHeaderView.Stretch)
