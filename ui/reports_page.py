"""Reports: sales by period or group, best and slow sellers, stock value per producer and
period comparison, each as a chart over an exact table that exports to CSV or XLSX.
Figures are computed off the GUI thread on their own connection; the window stays live."""

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QDate, Qt, QThreadPool
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from pos import clock
from pos.catalog import short_name
from pos.documents.reports import SalesReport, SalesReportRow
from pos.exporting import write_csv, write_xlsx
from pos.money import format_vnd
from pos.paths import documents_dir
from pos.printing import report_tables
from pos.services import reports
from ui.background import run_in_background
from ui.date_field import DateField
from ui.print_service import PrintService
from ui.report_chart import bar_chart
from ui.table_model import LEFT, RIGHT, Column, RecordTableModel
from ui.widgets import make_table, message_label, page_shortcut, show_message

CHART_ROWS = 10  # bars beyond this are unreadable; the table has every row


@dataclass(frozen=True)
class ReportResult:
    """A computed report as plain data: what the table, the chart and the exports show."""

    name: str  # file name stem
    headers: tuple[str, ...]
    rows: list[tuple]
    chart_labels: list[str]
    chart_series: dict[str, list[int]]
    horizontal: bool


def _chart_label(row: SalesReportRow, by: str) -> str:
    """Short labels under the bars of a period: 24/11, W47, 11/2026."""
    if by == "day":
        return f"{row.period_start:%d/%m}"
    if by == "week":
        return row.key[-3:]
    if by == "month":
        return f"{row.period_start:%m/%Y}"
    return row.label


def _sales_result(report: SalesReport, name: str) -> ReportResult:
    rows = report.rows
    charted = rows if report.by in reports.PERIOD_GROUPINGS else rows[:CHART_ROWS]
    return ReportResult(
        name,
        report_tables.SALES_COLUMNS,
        report_tables.sales_table(report),
        [_chart_label(row, report.by) for row in charted],
        {"": [row.net_vnd for row in charted]},
        report.by not in reports.PERIOD_GROUPINGS,
    )


def compute(kind: str, by: str, start: date, end: date):
    """What to run in the background for a report kind; returns a ReportResult."""
    stem = f"{kind}-{by}-{start:%Y%m%d}-{end:%Y%m%d}"

    def sales(db, _progress):
        return _sales_result(reports.sales_report(db, start, end, by), stem)

    def top(db, _progress):
        best = reports.top_products(db, start, end, limit=50)
        rows = [report_tables.sales_values(row) for row in best]
        charted = best[:CHART_ROWS]
        return ReportResult(
            stem,
            report_tables.SALES_COLUMNS,
            rows,
            [row.label for row in charted],
            {"": [row.net_vnd for row in charted]},
            True,
        )

    def slow(db, _progress):
        movers = reports.slow_movers(db, start, end, limit=100)
        return ReportResult(
            stem, report_tables.SLOW_COLUMNS, report_tables.slow_table(movers), [], {}, True
        )

    def stock_value(db, _progress):
        value = reports.stock_value(db, end)
        charted = sorted(value.rows, key=lambda row: -row.retail_vnd)[:CHART_ROWS]
        return ReportResult(
            stem,
            report_tables.STOCK_VALUE_COLUMNS,
            report_tables.stock_value_table(value),
            [short_name(row.name) for row in charted],
            {"": [row.retail_vnd for row in charted]},
            True,
        )

    def compare(db, _progress):
        length = (end - start).days + 1
        earlier = (start - timedelta(days=length), start - timedelta(days=1))
        comparison = reports.compare_sales(db, earlier, (start, end), by)
        # Two bars a name: ten names left each of them no height but for "…".
        charted = comparison.rows[: CHART_ROWS // 2]
        before = f"{earlier[0]:%d/%m/%Y}–{earlier[1]:%d/%m/%Y}"
        after = f"{start:%d/%m/%Y}–{end:%d/%m/%Y}"
        return ReportResult(
            stem,
            report_tables.COMPARE_COLUMNS,
            report_tables.comparison_table(comparison),
            [_chart_label(row.later if row.later.key else row.earlier, by) for row in charted],
            {
                before: [row.earlier.net_vnd for row in charted],
                after: [row.later.net_vnd for row in charted],
            },
            by not in reports.PERIOD_GROUPINGS,
        )

    return {"sales": sales, "top": top, "slow": slow, "stock": stock_value, "compare": compare}[
        kind
    ]


def _cell(value) -> str:
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, int):
        return format_vnd(value, symbol=False)
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return str(value)


class ReportsPage(QWidget):
    def __init__(self, db: Database, printer: PrintService):
        super().__init__()
        self.db = db
        self.printer = printer
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.result: ReportResult | None = None
        self._running = 0  # the newest request; an older answer arriving late is dropped
        self.kind = QComboBox()
        for key, text in (
            ("sales", self.tr("Sales")),
            ("top", self.tr("Best sellers")),
            ("slow", self.tr("Slow movers (stock that does not sell)")),
            ("stock", self.tr("Stock value per producer (at the end date)")),
            ("compare", self.tr("Compare with the previous period")),
        ):
            self.kind.addItem(text, key)
        self.by = QComboBox()
        for key in reports.SALES_GROUPINGS:
            self.by.addItem(self._grouping_text(key), key)
        self.start, self.end = DateField(), DateField()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # computing: a moving bar, the window stays usable
        self.busy.setMaximumWidth(160)
        self.busy.hide()
        self.chart_view = QChartView()
        self.chart_view.setRenderHint(QPainter.Antialiasing)
        self.chart_view.setMinimumHeight(300)
        self.model = RecordTableModel([])
        self.table = make_table(self.model)
        self.message = message_label()
        csv_button = QPushButton(self.tr("Export CSV (Ctrl+E)"))
        csv_button.clicked.connect(lambda: self.export("csv"))
        xlsx_button = QPushButton(self.tr("Export Excel (Ctrl+Shift+E)"))
        xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        page_shortcut(self, "Ctrl+E", lambda: self.export("csv"))
        page_shortcut(self, "Ctrl+Shift+E", lambda: self.export("xlsx"))
        controls = QHBoxLayout()
        controls.addWidget(self.kind, 2)
        controls.addWidget(self.by, 1)
        controls.addWidget(QLabel(self.tr("From")))
        controls.addWidget(self.start)
        controls.addWidget(QLabel(self.tr("to")))
        controls.addWidget(self.end)
        quick = QHBoxLayout()
        for text, period in (
            (self.tr("This month"), "month"),
            (self.tr("Last month"), "last_month"),
            (self.tr("This year"), "year"),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, p=period: self.set_period(p))
            quick.addWidget(button)
        quick.addStretch(1)
        quick.addWidget(self.busy)
        quick.addWidget(csv_button)
        quick.addWidget(xlsx_button)
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(self.chart_view)
        splitter.addWidget(self.table)
        splitter.setSizes([300, 360])
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addLayout(quick)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        self.set_period("month", run=False)  # computed when the page is first shown
        for signal in (
            self.kind.currentIndexChanged,
            self.by.currentIndexChanged,
            self.start.dateChanged,
            self.end.dateChanged,
        ):
            signal.connect(self.refresh)

    def set_period(self, period: str, run: bool = True) -> None:
        today = clock.today()
        first = today.replace(day=1)
        start, end = {
            "month": (first, today),
            "last_month": ((first - timedelta(days=1)).replace(day=1), first - timedelta(days=1)),
            "year": (today.replace(month=1, day=1), today),
        }[period]
        for edit, day in ((self.start, start), (self.end, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        if run:
            self.refresh()

    def period(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()

    def refresh(self) -> None:
        kind = self.kind.currentData()
        self.by.setEnabled(kind in ("sales", "compare"))
        start, end = self.period()
        if end < start:
            show_message(self.message, self.tr("The end date is before the start date."), True)
            return
        self._running += 1
        request = self._running
        self.busy.show()
        show_message(self.message, self.tr("Computing..."))
        run_in_background(
            self.pool,
            self.db,
            compute(kind, self.by.currentData(), start, end),
            self,
            lambda result: self._show(request, result),
            lambda error: self._failed(request, error),
        )

    def wait(self) -> None:
        self.pool.waitForDone()

    def _failed(self, request: int, error: str) -> None:
        if request == self._running:
            self.busy.hide()
            show_message(self.message, error, True)

    def _show(self, request: int, result: ReportResult) -> None:
        if request != self._running:
            return
        self.busy.hide()
        self.result = result
        self.model.columns = [
            Column(
                header, lambda row, i=i: _cell(row[i]), RIGHT if self._numeric(result, i) else LEFT
            )
            for i, header in enumerate(result.headers)
        ]
        self.model.set_records(result.rows)
        old = self.chart_view.chart()
        if result.chart_labels:
            title = self.kind.currentText()
            if self.by.isEnabled():
                title += " · " + self.by.currentText()
            chart = bar_chart(
                title,
                result.chart_labels,
                result.chart_series,
                result.horizontal,
                self.tr("thousand đồng"),
            )
            self.chart_view.setChart(chart)
        self.chart_view.setVisible(bool(result.chart_labels))
        if old is not None and old is not self.chart_view.chart():
            old.deleteLater()
        show_message(self.message, self.tr("%1 row(s)").replace("%1", str(len(result.rows))))

    @staticmethod
    def _numeric(result: ReportResult, column: int) -> bool:
        return any(isinstance(row[column], int) for row in result.rows)

    def export(self, kind: str) -> None:
        if self.result is None:
            return
        result = self.result
        path = documents_dir("bao-cao") / f"{result.name}.{kind}"
        write = write_csv if kind == "csv" else write_xlsx
        self.printer.write_document(path, lambda out: write(out, result.headers, result.rows))
        show_message(self.message, self.tr("Saving %1").replace("%1", str(path)))

    def _grouping_text(self, key: str) -> str:
        return {
            "day": self.tr("by day"),
            "week": self.tr("by week"),
            "month": self.tr("by month"),
            "product": self.tr("by product"),
            "producer": self.tr("by producer"),
            "province": self.tr("by province"),
            "region": self.tr("by region"),
            "rating": self.tr("by OCOP stars"),
            "category": self.tr("by category"),
        }[key]
