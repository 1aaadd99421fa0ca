"""Consignment stock: totals per producer, and each producer's lots with expiry dates."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from pos.clock import display_date, display_time
from pos.errors import PosError
from pos.money import format_vnd
from pos.services import labels, sales, stock
from ui.label_dialog import LabelDialog
from ui.print_service import PrintService
from ui.sign_in import manager_consent
from ui.stock_columns import lot_columns, lot_tint
from ui.table_model import RIGHT, Column, RecordTableModel
from ui.widgets import make_table, message_label, page_shortcut, selected_record, show_message


class StockPage(QWidget):
    def __init__(self, db: Database, printer: PrintService, current_user):
        super().__init__()
        self.db = db
        self.printer = printer
        self.current_user = current_user
        self.producer_model = RecordTableModel(
            [
                Column(self.tr("Code"), lambda s: s.producer_code),
                Column(self.tr("Producer"), lambda s: s.producer_name),
                Column(self.tr("Products"), lambda s: s.products, RIGHT),
                Column(self.tr("On hand"), lambda s: s.on_hand, RIGHT),
                Column(self.tr("Value at retail"), lambda s: format_vnd(s.value_vnd), RIGHT),
            ]
        )
        self.lot_model = RecordTableModel(lot_columns(), tint=lot_tint)
        self.producer_table = make_table(self.producer_model, stretch=(1,))
        self.lot_table = make_table(self.lot_model, stretch=(2,))
        self.lots_title = QLabel()
        self.lots_title.setObjectName("sectionTitle")
        legend = QLabel(self.tr("Red: expired · Yellow: expires within 30 days · Grey: blocked"))
        legend.setObjectName("hint")
        lots_box = QWidget()
        lots_layout = QVBoxLayout(lots_box)
        lots_layout.setContentsMargins(0, 0, 0, 0)
        lots_layout.addWidget(self.lots_title)
        lots_layout.addWidget(self.lot_table)
        lots_layout.addWidget(legend)
        self.shortfall_model = RecordTableModel(
            [
                Column(self.tr("Sold at"), lambda f: display_time(f.sold_at)),
                Column(self.tr("Receipt"), lambda f: f.sale_number),
                Column(self.tr("Producer"), lambda f: f.producer_code),
                Column(self.tr("SKU"), lambda f: f.sku),
                Column(self.tr("Product"), lambda f: f.product_name),
                Column(self.tr("Lot"), lambda f: f.lot_code),
                Column(self.tr("Sold beyond stock"), lambda f: f.qty, RIGHT),
            ]
        )
        self.shortfall_table = make_table(self.shortfall_model, stretch=(4,))
        self.tabs = QTabWidget()
        self.tabs.setUsesScrollButtons(True)  # on a 1024-pixel screen the tabs scroll
        self.tabs.addTab(lots_box, self.tr("Lots"))
        self.tabs.addTab(self.shortfall_table, self.tr("Stock exceptions"))
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(self.producer_table)
        splitter.addWidget(self.tabs)
        splitter.setSizes([260, 440])
        self.labels_button = QPushButton(
            self.tr("Labels for a goods receipt: one per unit (Ctrl+L)")
        )
        page_shortcut(self, "Ctrl+L", self.labels_for_receipt)
        self.labels_button.clicked.connect(self.labels_for_receipt)
        self.adjust_button = QPushButton(self.tr("Adjust or write off the selected lot (Ctrl+W)"))
        self.adjust_button.clicked.connect(self.adjust_lot)
        page_shortcut(self, "Ctrl+W", self.adjust_lot)
        self.message = message_label()
        buttons = QHBoxLayout()
        buttons.addWidget(self.labels_button)
        buttons.addWidget(self.adjust_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.producer_table.selectionModel().selectionChanged.connect(self._show_lots)

    def refresh(self) -> None:
        self.producer_model.set_records(stock.stock_by_producer(self.db))
        self._show_lots()
        shortfalls = sales.stock_shortfalls(self.db)
        self.shortfall_model.set_records(shortfalls)
        self.tabs.setTabText(
            1, self.tr("Stock exceptions (%1)").replace("%1", str(len(shortfalls)))
        )
        if not self.isAncestorOf(self.focusWidget() or self):
            self.producer_table.setFocus()

    def labels_for_receipt(self) -> None:
        receipts = stock.recent_goods_receipts(self.db)
        if not receipts:
            return
        choices = [
            f"{r.number} · {r.producer_code} · {display_date(r.received_on)} · {r.units}"
            for r in receipts
        ]
        choice, ok = QInputDialog.getItem(
            self, self.tr("Labels"), self.tr("Goods receipt (units)"), choices, 0, False
        )
        if not ok:
            return
        number = receipts[choices.index(choice)].number
        items = labels.labels_for_goods_receipt(self.db, number)
        LabelDialog(items, number, number, self.printer, self).open()

    def adjust_lot(self) -> None:
        """A counted difference (+/-) or units written off, with a reason; needs a manager."""
        rows = self.lot_table.selectionModel().selectedRows()
        if not rows:
            self._say(self.tr("Select a lot in the list first."), True)
            return
        lot = self.lot_model.record(rows[0].row())
        kinds = [self.tr("Write off (damaged, expired)"), self.tr("Count difference (+/-)")]
        kind, ok = QInputDialog.getItem(self, lot.lot_code, self.tr("Kind"), kinds, 0, False)
        if not ok:
            return
        qty, ok = QInputDialog.getInt(self, lot.lot_code, self.tr("Units"), 1, -9999, 9999)
        if not ok:
            return
        reason, ok = QInputDialog.getText(self, lot.lot_code, self.tr("Reason"))
        if not ok:
            return
        actor = self.current_user()
        adjustment = "write_off" if kinds.index(kind) == 0 else "count_adjustment"
        lots = [stock.LotQty(lot.lot_id, qty)]
        subject = stock.adjustment_subject(adjustment, lots)
        consent = manager_consent(self.db, "stock_adjustment", subject, actor, self)
        if consent is None:
            return
        try:
            posted = stock.adjust_stock(
                self.db,
                adjustment,
                lots,
                reason,
                actor=actor,
                approval=consent.approval,
            )
        except PosError as error:
            self._say(str(error), True)
            return
        self.refresh()
        self._say(self.tr("Posted %1").replace("%1", posted.number))

    def _say(self, text: str, problem: bool = False) -> None:
        show_message(self.message, text, problem)

    def selected_producer(self) -> str | None:
        record = selected_record(self.producer_table)
        return record.producer_code if record else None

    def _show_lots(self) -> None:
        code = self.selected_producer()
        lots = stock.stock_by_lot(self.db, code)
        self.lot_model.set_records(lots)
        total = sum(lot.on_hand for lot in lots)
        scope = code or self.tr("all producers")
        self.lots_title.setText(
            self.tr("Lots of %1: %2 units").replace("%1", scope).replace("%2", str(total))
        )
