"""Stock count: start a count for one producer or all, scan what is on the shelves
(`5*code` counts five), review the differences, give each its reason, post under a manager."""

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from pos import clock
from pos.cart import parse_scan
from pos.errors import PosError
from pos.services import stock_counts
from pos.services.stock_counts import CountVariance, StockCount
from ui.sign_in import manager_consent
from ui.table_model import RIGHT, Column, RecordTableModel
from ui.widgets import (
    ProducerPicker,
    make_table,
    message_label,
    page_shortcut,
    selected_record,
    show_message,
)

REASONS = (
    "Hỏng, vỡ",
    "Mất, thất lạc",
    "Nhầm lô / nhầm mặt hàng",
    "Nhập thiếu / thừa so với phiếu",
    "Bán chưa ghi nhận",
)


class StockCountPage(QWidget):
    def __init__(self, db: Database, current_user):
        super().__init__()
        self.db = db
        self.current_user = current_user
        self.count: StockCount | None = None
        # Starting a count
        self.producer = ProducerPicker(all_text=self.tr("All producers"))
        self.start_button = QPushButton(self.tr("Start the count"))
        self.start_button.setObjectName("primary")
        self.start_button.clicked.connect(self.start)
        self.start_box = QWidget()
        start_row = QHBoxLayout(self.start_box)
        start_row.setContentsMargins(0, 0, 0, 0)
        start_row.addWidget(QLabel(self.tr("Count the goods of")))
        start_row.addWidget(self.producer, 1)
        start_row.addWidget(self.start_button)
        # Counting
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.scan = QLineEdit()
        self.scan.setPlaceholderText(self.tr("Scan each item (5*code counts five)"))
        self.scan.returnPressed.connect(self.scan_entered)
        self.only_differences = QCheckBox(self.tr("Only differences"))
        self.only_differences.toggled.connect(self._show)
        self.model = RecordTableModel(
            [
                Column(self.tr("Producer"), lambda v: v.producer_code),
                Column(self.tr("SKU"), lambda v: v.sku),
                Column(self.tr("Product"), lambda v: v.product_name),
                Column(self.tr("In the books"), lambda v: v.expected, RIGHT),
                Column(self.tr("Counted"), self._counted_text, RIGHT),
                Column(
                    self.tr("Difference"), lambda v: f"{v.variance:+d}" if v.variance else "", RIGHT
                ),
                Column(self.tr("Reason"), lambda v: v.reason),
            ],
            tint=lambda v: "soon" if v.variance else None,
        )
        self.table = make_table(self.model, stretch=(2,))
        self.table.selectionModel().selectionChanged.connect(self._load_selected)
        self.table.activated.connect(lambda: self.counted.setFocus())
        self.counted = QSpinBox()
        self.counted.setRange(0, 1_000_000)
        self.counted.lineEdit().returnPressed.connect(self.reason_focus)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(REASONS)
        self.reason.setCurrentIndex(-1)
        self.reason.setMinimumWidth(280)
        self.reason.lineEdit().returnPressed.connect(self.apply_line)
        self.apply_button = QPushButton(self.tr("Apply to the line (Enter)"))
        self.apply_button.clicked.connect(self.apply_line)
        self.summary = QLabel()
        self.post_button = QPushButton(self.tr("Post the count (Ctrl+Enter)"))
        self.post_button.setObjectName("primary")
        self.post_button.clicked.connect(self.post)
        self.cancel_button = QPushButton(self.tr("Cancel the count"))
        self.cancel_button.clicked.connect(self.cancel)
        page_shortcut(self, "Ctrl+Return", self.post)
        page_shortcut(self, "Ctrl+Enter", self.post)
        self.count_box = QWidget()
        edit_row = QHBoxLayout()
        edit_row.addWidget(QLabel(self.tr("Counted")))
        edit_row.addWidget(self.counted)
        edit_row.addWidget(QLabel(self.tr("Reason")))
        edit_row.addWidget(self.reason, 1)
        edit_row.addWidget(self.apply_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.post_button)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan, 1)
        scan_row.addWidget(self.only_differences)
        count_layout = QVBoxLayout(self.count_box)
        count_layout.setContentsMargins(0, 0, 0, 0)
        count_layout.addWidget(self.title)
        count_layout.addLayout(scan_row)
        count_layout.addWidget(self.table, 1)
        count_layout.addLayout(edit_row)
        count_layout.addLayout(buttons)
        self.message = message_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.start_box)
        layout.addWidget(self.count_box, 1)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        self.count = stock_counts.open_count(self.db)
        self.start_box.setVisible(self.count is None)
        self.count_box.setVisible(self.count is not None)
        if self.count is None:
            self.producer.reload(self.db)
            self.producer.setFocus()
            return
        scope = self.count.producer_code or self.tr("all producers")
        self.title.setText(
            self.tr("Count %1 of %2, started %3 by %4")
            .replace("%1", self.count.number)
            .replace("%2", scope)
            .replace("%3", clock.display_time(self.count.started_at))
            .replace("%4", self.count.started_by)
        )
        self._show()
        self.scan.setFocus()

    def focus_search(self) -> None:
        self.scan.setFocus()
        self.scan.selectAll()

    def start(self) -> None:
        try:
            stock_counts.start_count(self.db, self.producer.code(), self.current_user())
        except PosError as error:
            self._say(str(error), True)
            return
        self._say(self.tr("Count started: scan every item on the shelves and in the store room."))
        self.refresh()

    def scan_entered(self) -> None:
        text = self.scan.text().strip()
        self.scan.clear()
        if not text or self.count is None:
            return
        try:
            scanned = parse_scan(text)
            counted = stock_counts.count_scan(self.db, self.count.id, scanned.code, scanned.qty)
        except PosError as error:
            self._say(str(error), True)
            return
        self._say(
            self.tr("%1 · %2: %3 counted")
            .replace("%1", counted.sku)
            .replace("%2", counted.product_name)
            .replace("%3", str(counted.counted))
        )
        self._show(select=counted.product_id)

    def reason_focus(self) -> None:
        self.reason.setFocus()
        self.reason.lineEdit().selectAll()

    def apply_line(self) -> None:
        variance = self.selected()
        if variance is None or self.count is None:
            self._say(self.tr("Select a line in the list first."), True)
            return
        try:
            stock_counts.set_counted(
                self.db, self.count.id, variance.product_id, self.counted.value()
            )
            stock_counts.set_reason(
                self.db, self.count.id, variance.product_id, self.reason.currentText()
            )
        except PosError as error:
            self._say(str(error), True)
            return
        self._show(select=variance.product_id)
        self.table.setFocus()

    def post(self) -> None:
        if self.count is None:
            return
        actor = self.current_user()
        subject = stock_counts.count_subject(self.count)
        consent = manager_consent(self.db, "stock_adjustment", subject, actor, self)
        if consent is None:
            return
        number = self.count.number
        try:
            posted = stock_counts.post_count(
                self.db, self.count.id, actor, consent.approval, clock.today()
            )
        except PosError as error:
            self._say(str(error), True)
            return
        if posted is None:
            self._say(
                self.tr("Count %1 closed: everything agrees with the books.").replace("%1", number)
            )
        else:
            self._say(
                self.tr("Count %1 closed; adjustment %2 posted (%3 unit(s) net).")
                .replace("%1", number)
                .replace("%2", posted.number)
                .replace("%3", f"{posted.total_qty:+d}")
            )
        self.refresh()

    def cancel(self) -> None:
        if self.count is None:
            return
        stock_counts.cancel_count(self.db, self.count.id, self.current_user())
        self._say(
            self.tr("Count %1 cancelled; nothing was posted.").replace("%1", self.count.number)
        )
        self.refresh()

    def selected(self) -> CountVariance | None:
        return selected_record(self.table)

    def _load_selected(self) -> None:
        variance = self.selected()
        if variance is None:
            return
        self.counted.setValue(variance.counted)
        self.reason.setCurrentText(variance.reason)

    def _show(self, select: int | None = None) -> None:
        if self.count is None:
            return
        current = self.selected()
        keep = select if select is not None else (current.product_id if current else None)
        variances = stock_counts.count_variances(
            self.db, self.count.id, self.only_differences.isChecked()
        )
        self.model.set_records(variances)
        ids = [v.product_id for v in variances]
        if keep in ids:
            self.table.selectRow(ids.index(keep))
        differences = [v for v in variances if v.variance]
        text = self.tr("%1 product(s), %2 with a difference, %3 without a reason").replace(
            "%1", str(len(variances))
        )
        text = text.replace("%2", str(len(differences)))
        text = text.replace("%3", str(sum(1 for v in differences if not v.reason)))
        sold = stock_counts.sales_since_start(self.db, self.count.id)
        if sold:
            text += " · " + self.tr(
                "%1 sale(s) since the count started: recount what they sold"
            ).replace("%1", str(sold))
        self.summary.setText(text)

    def _counted_text(self, variance: CountVariance) -> str:
        return str(variance.counted) if variance.scanned else self.tr("not counted")

    def _say(self, text: str, problem: bool = False) -> None:
        show_message(self.message, text, problem)
