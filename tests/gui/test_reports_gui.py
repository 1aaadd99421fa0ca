"""The reports screen: figures computed in the background equal plain sums over the
database, the chart shows, and the table exports to CSV and XLSX."""

import csv
from datetime import datetime

import openpyxl
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QDesktopServices

from pos.services import shifts
from tests.gui.test_till_gui import open_window
from tests.services.test_sales_service import T, cart_of, pay_cash
from ui.app import configure_application


@pytest.fixture
def reports_page(qtbot, qapp, demo_db, clock_at, tmp_path, monkeypatch):
    configure_application(qapp, "vi")
    shifts.open_shift(demo_db, T, "Lan", 0)
    pay_cash(demo_db, cart_of(demo_db, ("SAM-TRA-20", 2), ("SUA-TUOI-1L", 3)), token="a")
    pay_cash(
        demo_db,
        cart_of(demo_db, ("BANH-PIA", 1), ("SUA-TUOI-1L", 1)),
        token="b",
        when=datetime(2026, 11, 24, 16, 0),
    )
    monkeypatch.setattr("ui.reports_page.documents_dir", lambda kind: tmp_path)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    window = open_window(qtbot, demo_db, "quanly")
    qtbot.keyClick(window, Qt.Key_6, Qt.ControlModifier)
    page = window.pages["reports"]
    page.opened_files = opened
    return page


def shown_rows(page) -> list[list[str]]:
    model = page.model
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def wait_for_rows(qtbot, page) -> None:
    qtbot.waitUntil(lambda: not page.busy.isVisible(), timeout=20_000)
    assert page.message.property("problem") is not True, page.message.text()
    assert page.result is not None


def test_sales_by_producer_equal_plain_sums_and_export(qtbot, reports_page, demo_db, tmp_path):
    page = reports_page
    page.by.setCurrentIndex(page.by.findData("producer"))
    page.start.setDate(QDate(2026, 11, 1))
    wait_for_rows(qtbot, page)
    expected = {
        code: (qty, net)
        for code, qty, net in demo_db.execute(
            "SELECT p.code, sum(l.qty), sum(l.net_vnd) FROM sale_lines l "
            "JOIN producers p ON p.id = l.producer_id GROUP BY p.code"
        )
    }
    rows = {row[0]: row for row in page.result.rows if row[0]}
    assert {code: (row[2], row[3]) for code, row in rows.items()} == expected
    shown = shown_rows(page)
    assert shown[-1][3] == f"{sum(net for _, net in expected.values()):,}".replace(",", ".")
    assert page.chart_view.isVisible() and page.chart_view.chart().series()

    qtbot.keyClick(page.kind, Qt.Key_E, Qt.ControlModifier)
    qtbot.waitUntil(lambda: bool(page.opened_files))
    with open(page.opened_files[0], encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0][:4] == ["Mã", "Tên", "SL bán", "Doanh số (đ)"]
    assert {line[0]: int(line[3]) for line in lines[1:] if line[0]} == {
        code: net for code, (_, net) in expected.items()
    }
    qtbot.keyClick(page.kind, Qt.Key_E, Qt.ControlModifier | Qt.ShiftModifier)
    qtbot.waitUntil(lambda: len(page.opened_files) == 2)
    sheet = openpyxl.load_workbook(page.opened_files[1]).active
    assert sheet.cell(1, 1).value == "Mã" and sheet.max_row == len(lines)


def test_every_report_kind_runs_and_shows_rows(qtbot, reports_page):
    page = reports_page
    page.start.setDate(QDate(2026, 11, 1))
    wait_for_rows(qtbot, page)
    for index in range(page.kind.count()):
        if index:  # the first kind is already shown
            page.result = None
            page.kind.setCurrentIndex(index)
            wait_for_rows(qtbot, page)
        assert page.result.rows, page.kind.currentText()
        assert page.model.columnCount() == len(page.result.headers)
    page.end.setDate(QDate(2026, 10, 1))
    assert "trước" in page.message.text()  # end before start: said, nothing computed


def test_dates_are_typed_as_people_type_them_whatever_the_field_held(qtbot, qapp, demo_db):
    """Typing 31122026 over 30/11/2026 gave 30/12/2026 in a QDateEdit (sales of the 31st
    silently left out). Every form of the day gives that day; an impossible one is said."""
    from PySide6.QtCore import QDate, Qt

    from tests.gui.test_till_gui import open_window, type_text

    configure_application(qapp, "vi")
    window = open_window(qtbot, demo_db, "quanly")
    window.show_page("settlement")
    end = window.pages["settlement"].end
    for typed in ("31122026", "31/12/2026", "31-12-2026", "31.12.2026"):
        end.setDate(QDate(2026, 11, 30))
        end.edit.setFocus()
        end.edit.selectAll()
        type_text(end.edit, typed)
        qtbot.keyClick(end.edit, Qt.Key_Tab)
        assert end.date() == QDate(2026, 12, 31), typed
        assert end.edit.text() == "31/12/2026"
    end.edit.selectAll()
    type_text(end.edit, "30022026")
    qtbot.keyClick(end.edit, Qt.Key_Return)
    assert end.date() == QDate(2026, 12, 31)  # kept, and said in place
    assert end.problem.isVisibleTo(end) and "không có ngày 30/02/2026" in end.problem.text()
