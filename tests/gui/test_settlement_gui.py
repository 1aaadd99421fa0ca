"""The month-end screen: figures per producer, issue all with close, files written in the
background with progress."""

from datetime import date, datetime

from PySide6.QtCore import QDate
from PySide6.QtGui import QDesktopServices

from tests.gui.test_till_gui import open_window
from tests.printing.test_statements import sell_and_refund
from ui.app import configure_application


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
    rows = {page.model.record(r)[0]: page.model.record(r) for r in range(page.model.rowCount())}
    assert rows["BAOMINH"][1].owed_vnd == 830_812 and rows["BAOMINH"][2] == "bản nháp"
    page.issue_all()
    qtbot.waitUntil(lambda: "đã lưu" in page.message.text().lower(), timeout=20_000)
    assert (tmp_path / "2026-11" / "quyet-toan-BAOMINH-202611.pdf").is_file()
    assert (tmp_path / "2026-11" / "tong-hop-202611.csv").is_file()
    assert demo_db.execute("SELECT count(*) FROM closed_periods").fetchone()[0] == 1
    rows = {page.model.record(r)[0]: page.model.record(r) for r in range(page.model.rowCount())}
    assert rows["BAOMINH"][2].startswith("QT-")
    assert date(2026, 11, 30) == page.period()[1]
