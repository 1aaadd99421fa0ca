"""The month-end screen: figures per producer, issue all with close, files written in the
background with progress."""

from datetime import date, datetime

from PySide6.QtCore import QDate
from PySide6.QtGui import QDesktopServices

from tests.gui.modals import answer_input_dialogs, answer_message_box
from tests.gui.test_till_gui import open_window
from tests.printing.test_statements import sell_and_refund
from ui.app import configure_application


def settlement_page(qtbot, qapp, demo_db, monkeypatch, select: str | None = None):
    """The settlement screen on 2 December, November sold and refunded, as a manager."""
    monkeypatch.setattr("pos.clock.now", lambda: datetime(2026, 12, 2, 9, 0))
    configure_application(qapp, "vi")
    sell_and_refund(demo_db)
    window = open_window(qtbot, demo_db, "quanly")
    window.show_page("settlement")
    page = window.pages["settlement"]
    if select:
        codes = [page.model.record(r).code for r in range(page.model.rowCount())]
        page.table.selectRow(codes.index(select))
    return page


def test_issue_all_closes_the_month_and_writes_the_files(
    qtbot, qapp, demo_db, tmp_path, monkeypatch
):
    monkeypatch.setattr("pos.clock.now", lambda: datetime(2026, 12, 2, 9, 0))
    monkeypatch.setattr("ui.settlement_page.documents_dir", lambda kind: tmp_path)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    configure_application(qapp, "vi")
    sell_and_refund(demo_db)
    window = open_window(qtbot, demo_db, "quanly")
    window.show_page("settlement")
    page = window.pages["settlement"]
    assert page.start.date() == QDate(2026, 11, 1) and page.end.date() == QDate(2026, 11, 30)
    rows = {page.model.record(r).code: page.model.record(r) for r in range(page.model.rowCount())}
    assert rows["BAOMINH"].figures.owed_vnd == 830_812 and rows["BAOMINH"].number == ""
    assert rows["BAOMINH"].name == "Công ty CP Bánh kẹo Bảo Minh"
    baominh = [page.model.record(r).code for r in range(page.model.rowCount())].index("BAOMINH")
    assert page.model.index(baominh, 5).data() == "bản nháp"
    asked = answer_message_box(qtbot, "yes")
    page.issue_all()
    assert "30/11/2026" in asked[0] and "khóa sổ" in asked[0]
    qtbot.waitUntil(lambda: "đã lưu" in page.message.text().lower(), timeout=20_000)
    assert (tmp_path / "2026-11" / "quyet-toan-BAOMINH-202611.pdf").is_file()
    assert (tmp_path / "2026-11" / "tong-hop-202611.csv").is_file()
    assert demo_db.execute("SELECT count(*) FROM closed_periods").fetchone()[0] == 1
    rows = {page.model.record(r).code: page.model.record(r) for r in range(page.model.rowCount())}
    assert rows["BAOMINH"].number.startswith("QT-")
    assert date(2026, 11, 30) == page.period()[1]


def test_an_agreed_adjustment_is_recorded_for_the_period_shown_and_counts(
    qtbot, qapp, demo_db, monkeypatch
):
    """A manager records what was agreed with a producer (here: 50.000 ₫ of breakage the
    producer bears); it lowers what they are owed for the period on screen."""
    page = settlement_page(qtbot, qapp, demo_db, monkeypatch, "BAOMINH")
    answer_input_dialogs(qtbot, ["-50.000", "Vỡ 2 hũ khi vận chuyển, NSX chịu"])
    page.agreed_adjustment()
    assert "BAOMINH" in page.message.text()
    (on, amount, reason, who) = demo_db.execute(
        "SELECT on_date, amount_vnd, reason, recorded_by FROM agreed_adjustments"
    ).fetchone()
    assert (on, amount, reason, who) == (
        "2026-11-30",
        -50_000,
        "Vỡ 2 hũ khi vận chuyển, NSX chịu",
        "quanly",
    )
    rows = {page.model.record(r).code: page.model.record(r) for r in range(page.model.rowCount())}
    assert rows["BAOMINH"].figures.owed_vnd == 830_812 - 50_000


def test_closing_asks_first_and_enter_keeps_the_period_open(qtbot, qapp, demo_db, monkeypatch):
    """Issuing and closing cannot be undone: the question names the period, the number of
    statements and what is owed; its default is No."""
    page = settlement_page(qtbot, qapp, demo_db, monkeypatch)
    from pos.money import format_vnd

    rows = [page.model.record(r) for r in range(page.model.rowCount())]
    owed = format_vnd(sum(row.figures.owed_vnd for row in rows))
    asked = answer_message_box(qtbot, "enter")
    page.issue_all()
    assert f"Lập {len(rows)} bảng kê cho kỳ 01/11/2026 - 30/11/2026" in asked[0]
    assert f"phải trả các chủ thể: {owed}" in asked[0]
    assert demo_db.execute("SELECT count(*) FROM closed_periods").fetchone()[0] == 0
    assert demo_db.execute("SELECT count(*) FROM settlements").fetchone()[0] == 0


def test_the_current_month_cannot_be_closed_from_the_screen(qtbot, qapp, demo_db, monkeypatch):
    monkeypatch.setattr("pos.clock.now", lambda: datetime(2026, 12, 1, 9, 0))
    configure_application(qapp, "vi")
    window = open_window(qtbot, demo_db, "quanly")
    window.show_page("settlement")
    page = window.pages["settlement"]
    page.start.setDate(QDate(2026, 12, 1))
    page.end.setDate(QDate(2026, 12, 31))
    answer_message_box(qtbot, "yes")
    page.issue_all()
    assert "chưa kết thúc" in page.message.text()
    assert demo_db.execute("SELECT count(*) FROM closed_periods").fetchone()[0] == 0


def test_a_statement_opens_inside_the_app_with_print_and_close(
    qtbot, qapp, demo_db, tmp_path, monkeypatch
):
    """'Xem bảng kê' showed nothing on a PC without a PDF viewer: the app shows it itself."""
    from PySide6.QtCore import Qt
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

    monkeypatch.setattr("ui.settlement_page.documents_dir", lambda kind: tmp_path)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url))
    page = settlement_page(qtbot, qapp, demo_db, monkeypatch, "BAOMINH")
    page.preview()
    viewer = page.viewer
    qtbot.waitUntil(viewer.isVisible)
    assert opened == []  # no outside program asked
    assert viewer.document.status() == QPdfDocument.Status.Ready
    assert viewer.document.pageCount() >= 1 and "BAOMINH" in viewer.path.name
    assert viewer.screen().availableGeometry().contains(viewer.frameGeometry())
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    viewer.print_to(printer)  # what Print sends once the print dialog said where
    assert (tmp_path / "printed.pdf").stat().st_size > 1000
    qtbot.keyClick(viewer.view, Qt.Key_Escape)
    assert not viewer.isVisible()


def test_the_list_shows_names_and_finds_a_producer_by_code_or_name(
    qtbot, qapp, demo_db, monkeypatch
):
    """The list showed codes only and could not be searched: Ctrl+F, part of a name with or
    without its marks, Enter, and the statement's actions act on that producer."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from tests.qt_typing import type_text

    page = settlement_page(qtbot, qapp, demo_db, monkeypatch)
    every = page.model.rowCount()
    assert page.model.record(0).name and every > 5
    window = page.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key_F, Qt.ControlModifier)
    assert page.find.hasFocus()
    type_text(page.find, "bánh kẹo")
    assert [page.model.record(r).code for r in range(page.model.rowCount())] == ["BAOMINH"]
    page.find.clear()
    type_text(page.find, "banh keo")  # no marks typed: the same producer
    assert [page.model.record(r).code for r in range(page.model.rowCount())] == ["BAOMINH"]
    qtbot.keyClick(page.find, Qt.Key_Return)
    assert page.table.hasFocus() and page.selected_code() == "BAOMINH"
    page.find.clear()
    assert page.model.rowCount() == every
