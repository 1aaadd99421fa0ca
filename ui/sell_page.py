"""The Sell screen's scan box: a code + Enter finds the product; other text searches.
(Carts, payments and shifts are built on this in the till.)"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget
from sqlite_utils import Database

from pos.catalog import OCOP_RATINGS
from pos.clock import display_date, today
from pos.money import format_vnd
from pos.services import catalog, stock
from ui.table_model import RIGHT, Column, RecordTableModel
from ui.widgets import make_table


class SellPage(QWidget):
    def __init__(self, db: Database):
        super().__init__()
        self.db = db
        self.scan_box = QLineEdit()
        self.scan_box.setObjectName("scanBox")
        self.scan_box.setPlaceholderText(self.tr("Scan or type a barcode / SKU, then Enter"))
        # Keyboard-wedge scanners type digits: an input method (Telex) must not rewrite them.
        self.scan_box.setAttribute(Qt.WA_InputMethodEnabled, False)
        self.scan_box.returnPressed.connect(self.scan)
        self.message = QLabel()
        self.message.setObjectName("scanMessage")
        self.name = QLabel()
        self.name.setObjectName("productName")
        self.name.setWordWrap(True)
        self.price = QLabel()
        self.price.setObjectName("bigPrice")
        self.details = {key: QLabel() for key in ("producer", "ocop", "stock", "lot")}
        form = QFormLayout()
        form.addRow(self.tr("Producer"), self.details["producer"])
        form.addRow(self.tr("OCOP rating"), self.details["ocop"])
        form.addRow(self.tr("On hand"), self.details["stock"])
        form.addRow(self.tr("Next lot to sell"), self.details["lot"])
        self.results_model = RecordTableModel(
            [
                Column(self.tr("SKU"), lambda p: p.sku),
                Column(self.tr("Product"), lambda p: p.name),
                Column(self.tr("Producer"), lambda p: p.producer_name),
                Column(self.tr("Price"), lambda p: format_vnd(p.price_vnd), RIGHT),
            ]
        )
        self.results = make_table(self.results_model, stretch=(1,))
        self.results.activated.connect(self._pick_result)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scan_box)
        layout.addWidget(self.message)
        layout.addWidget(self.name)
        layout.addWidget(self.price)
        layout.addLayout(form)
        layout.addWidget(self.results)

    def refresh(self) -> None:
        self.scan_box.setFocus()

    def scan(self) -> None:
        text = self.scan_box.text().strip()
        self.scan_box.clear()
        if not text:
            return
        product = catalog.find_product_by_code(self.db, text)
        if product is not None:
            self.show_product(product)
            return
        matches = catalog.search_products(self.db, text, limit=50)
        self.results_model.set_records(matches)
        if matches:
            self._say(
                self.tr(
                    '%n product(s) match "%1": pick one with the arrows and Enter', "", len(matches)
                ).replace("%1", text)
            )
            self.results.setFocus()
            self.results.selectRow(0)
        else:
            self._say(self.tr('No product has the code or name "%1"').replace("%1", text), True)
            QApplication.beep()

    def show_product(self, product: catalog.Product) -> None:
        self.name.setText(product.name)
        self.price.setText(format_vnd(product.price_vnd))
        self.details["producer"].setText(f"{product.producer_name} · {product.province}")
        self.details["ocop"].setText(OCOP_RATINGS[product.ocop_rating])
        lots = {lot.lot_id: lot for lot in stock.stock_by_lot(self.db, product_id=product.id)}
        on_hand = sum(lot.on_hand for lot in lots.values())
        self.details["stock"].setText(f"{on_hand} {product.unit}")
        allocation = stock.allocate_fefo(self.db, product.id, 1, today())
        if allocation.picks:
            lot = lots[allocation.picks[0].lot_id]
            self.details["lot"].setText(f"{lot.lot_code} {display_date(lot.expiry_date)}".strip())
        else:
            self.details["lot"].setText(self.tr("no sellable lot"))
        self._say(self.tr("Found %1").replace("%1", product.sku))
        self.scan_box.setFocus()

    def _pick_result(self, index) -> None:
        self.show_product(self.results_model.record(index.row()))

    def _say(self, text: str, problem: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("problem", problem)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
