"""The back office's stock work on one navigation entry: stock on hand, goods receipts,
returns to producers, counts, expiry and recall; Alt+1..5 switch between them."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget
from sqlite_utils import Database

from ui.expiry_page import ExpiryPage
from ui.goods_receipt_page import GoodsReceiptPage
from ui.print_service import PrintService
from ui.producer_return_page import ProducerReturnPage
from ui.stock_count_page import StockCountPage
from ui.stock_page import StockPage
from ui.widgets import page_shortcut


class StockArea(QWidget):
    def __init__(self, db: Database, printer: PrintService, current_user):
        super().__init__()
        self.on_hand = StockPage(db, printer, current_user)
        self.receive = GoodsReceiptPage(db, printer, current_user)
        self.give_back = ProducerReturnPage(db, printer, current_user)
        self.count = StockCountPage(db, current_user)
        self.expiry = ExpiryPage(db, printer, current_user)
        self.tabs = QTabWidget()
        self.tabs.setUsesScrollButtons(True)  # on a 1024-pixel screen the tabs scroll
        for number, (page, title) in enumerate(
            (
                (self.on_hand, self.tr("Stock on hand")),
                (self.receive, self.tr("Receive goods")),
                (self.give_back, self.tr("Return to producer")),
                (self.count, self.tr("Stock count")),
                (self.expiry, self.tr("Expiry and recall")),
            ),
            start=1,
        ):
            self.tabs.addTab(page, f"{title} (Alt+{number})")
            page_shortcut(self, f"Alt+{number}", lambda p=page: self.tabs.setCurrentWidget(p))
        self.tabs.tabBar().setFocusPolicy(Qt.NoFocus)  # keys belong to the page's fields
        self.tabs.currentChanged.connect(self.refresh)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def show_tab(self, page: QWidget) -> None:
        self.tabs.setCurrentWidget(page)

    def refresh(self) -> None:
        self.tabs.currentWidget().refresh()

    def focus_search(self) -> None:
        page = self.tabs.currentWidget()
        if hasattr(page, "focus_search"):
            page.focus_search()
