"""Returning goods to their producer: pick the producer, see their lots on hand (expiring,
blocked or just unsold), choose lots and units, give the reason, post, print the return note."""

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from pos import clock
from pos.errors import PosError
from pos.paths import documents_dir
from pos.printing.stock_note_pdf import write_stock_note_pdf
from pos.services import stock, stock_notes
from pos.services.stock import LotQty, LotStock
from ui.print_service import PrintService
from ui.sign_in import manager_consent
from ui.stock_columns import lot_columns, lot_tint
from ui.table_model import RIGHT, Column, RecordTableModel
from ui.widgets import (
    ProducerPicker,
    confirm,
    make_table,
    message_label,
    page_shortcut,
    selected_record,
    show_message,
)

REASONS = (
    "Hết hạn / cận hạn sử dụng",
    "Thu hồi theo yêu cầu",
    "Hàng không bán được",
    "Hỏng, móp méo bao bì",
    "Chủ thể lấy lại hàng",
)


@dataclass(frozen=True)
class ReturnLine:
    lot: LotStock
    qty: int


class ProducerReturnPage(QWidget):
    def __init__(self, db: Database, printer: PrintService, current_user):
        super().__init__()
        self.db, self.current_user = db, current_user
        self.printer = printer
        self.lines: list[ReturnLine] = []
        self.producer = ProducerPicker()
        self.producer.currentIndexChanged.connect(self._producer_changed)
        self.lot_model = RecordTableModel(lot_columns(with_producer=False), tint=lot_tint)
        self.lot_table = make_table(self.lot_model, stretch=(1,))
        self.lot_table.activated.connect(self.choose_lot)
        self.qty = QSpinBox()
        self.qty.setRange(1, 100_000)
        self.qty.lineEdit().returnPressed.connect(self.add_line)
        self.line_model = RecordTableModel(
            [
                Column(self.tr("SKU"), lambda r: r.lot.sku),
                Column(self.tr("Product"), lambda r: r.lot.product_name),
                Column(self.tr("Lot"), lambda r: r.lot.lot_code),
                Column(self.tr("Units returned"), lambda r: r.qty, RIGHT),
            ]
        )
        self.line_table = make_table(self.line_model, stretch=(1,))
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(REASONS)
        self.reason.setCurrentIndex(-1)
        self.reason.lineEdit().setPlaceholderText(self.tr("Why the goods go back (required)"))
        self.post_button = QPushButton(self.tr("Post the return (Ctrl+Enter)"))
        self.post_button.setObjectName("primary")
        self.post_button.clicked.connect(self.post)
        self.remove_button = QPushButton(self.tr("Remove line (Ctrl+Del)"))
        self.remove_button.clicked.connect(self.remove_line)
        self.message = message_label()
        page_shortcut(self, "Ctrl+Return", self.post)
        page_shortcut(self, "Ctrl+Enter", self.post)
        page_shortcut(self, "Ctrl+Del", self.remove_line)
        hint = QLabel(
            self.tr("Enter on a lot, type the units, Enter again: the line goes on the return.")
        )
        hint.setObjectName("hint")
        top = QFormLayout()
        top.addRow(self.tr("Producer"), self.producer)
        qty_row = QHBoxLayout()
        qty_row.addWidget(QLabel(self.tr("Units to return from the selected lot")))
        qty_row.addWidget(self.qty)
        qty_row.addStretch(1)
        lots_box = QWidget()
        lots_layout = QVBoxLayout(lots_box)
        lots_layout.setContentsMargins(0, 0, 0, 0)
        lots_layout.addWidget(hint)
        lots_layout.addWidget(self.lot_table)
        lots_layout.addLayout(qty_row)
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(lots_box)
        splitter.addWidget(self.line_table)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.post_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        reason_row = QFormLayout()
        reason_row.addRow(self.tr("Reason"), self.reason)
        layout.addLayout(reason_row)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        self.producer.reload(self.db)
        self._show_lots()
        self.lot_table.setFocus()

    def _producer_changed(self) -> None:
        self.lines = []
        self._show_lots()

    def _show_lots(self) -> None:
        code = self.producer.code()
        lots = stock.stock_by_lot(self.db, code) if code else []
        self.lot_model.set_records([lot for lot in lots if lot.on_hand > 0])
        self.line_model.set_records(self.lines)
        if self.lot_model.rowCount():
            self.lot_table.selectRow(0)

    def choose_lot(self) -> None:
        lot = self._selected_lot()
        if lot is None:
            return
        self.qty.setMaximum(max(lot.on_hand, 1))
        self.qty.setValue(lot.on_hand)
        self.qty.setFocus()
        self.qty.selectAll()

    def _selected_lot(self) -> LotStock | None:
        return selected_record(self.lot_table)

    def add_line(self) -> None:
        lot = self._selected_lot()
        if lot is None:
            self._say(self.tr("Select a lot in the list first."), True)
            return
        self.lines = [line for line in self.lines if line.lot.lot_id != lot.lot_id]
        self.lines.append(ReturnLine(lot, min(self.qty.value(), lot.on_hand)))
        self.line_model.set_records(self.lines)
        self._say("")
        self.lot_table.setFocus()

    def remove_line(self) -> None:
        rows = self.line_table.selectionModel().selectedRows()
        if rows:
            del self.lines[rows[0].row()]
            self.line_model.set_records(self.lines)

    def post(self) -> None:
        if not self.lines:
            self._say(self.tr("Choose at least one lot to return."), True)
            return
        actor, code = self.current_user(), self.producer.code()
        lots = [LotQty(line.lot.lot_id, line.qty) for line in self.lines]
        try:
            stock.return_reason(self.reason.currentText())
        except PosError as error:
            self._say(str(error), True)
            return
        text = (
            self.tr(
                "Return %1 unit(s) in %2 line(s) to %3? The return note is final: the goods "
                "leave the showroom's stock."
            )
            .replace("%1", str(sum(line.qty for line in self.lines)))
            .replace("%2", str(len(self.lines)))
            .replace("%3", self.producer.currentText() or code)
        )
        if not confirm(self, self.tr("Return to the producer"), text):
            return
        consent = manager_consent(
            self.db, "producer_return", stock.return_subject(code, lots), actor, self
        )
        if consent is None:
            return
        try:
            posted = stock.return_to_producer(
                self.db,
                code,
                lots,
                self.reason.currentText(),
                clock.today(),
                actor=actor,
                approval=consent.approval,
            )
        except PosError as error:
            self._say(str(error), True)
            return
        self.lines = []
        self.reason.setCurrentIndex(-1)
        self._show_lots()
        self._say(
            self.tr("Posted %1: %2 unit(s) back to the producer. The note opens for signing.")
            .replace("%1", posted.number)
            .replace("%2", str(posted.total_qty))
        )
        open_return_note(self.db, self.printer, posted.number)

    def _say(self, text: str, problem: bool = False) -> None:
        show_message(self.message, text, problem)


def open_return_note(db: Database, printer: PrintService, number: str) -> None:
    note = stock_notes.producer_return_note(db, number)
    path = documents_dir("phieu-tra-hang") / f"{number}.pdf"
    printer.write_document(path, lambda out: write_stock_note_pdf(note, out))
