"""Product and producer lists with live, diacritic-insensitive search."""

from PySide6.QtCore import QCoreApplication, QThreadPool, QTimer
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from pos.catalog import OCOP_RATINGS, PRODUCER_KINDS
from pos.errors import PosError
from pos.money import format_bp, format_vnd
from pos.services import catalog, labels
from pos.text import fold
from ui.catalog_editors import ProducerEditor, ProductEditor
from ui.file_import import import_file
from ui.label_dialog import LabelDialog
from ui.print_service import PrintService
from ui.table_model import RIGHT, Column, RecordTableModel
from ui.widgets import make_table, message_label, page_shortcut, show_message

SEARCH_DELAY_MS = 120  # search as you type, without a query per keystroke of a fast typist
BUTTONS_A_ROW = 2


# One context for every list page (a self.tr() in the base would look under each subclass).
def item_count_text(count: int) -> str:
    return QCoreApplication.translate("SearchListPage", "%n item(s)", "", count)


def item_select_text() -> str:
    return QCoreApplication.translate("SearchListPage", "Select a line in the list first.")


def saved_text(name: str) -> str:
    return QCoreApplication.translate("SearchListPage", "Saved: %1").replace("%1", name)


class SearchListPage(QWidget):
    """A search box over a table; subclasses say which records match."""

    def __init__(
        self,
        db: Database,
        columns: list[Column],
        placeholder: str,
        stretch: tuple[int, ...],
        current_user,
    ):
        super().__init__()
        self.db = db
        self.current_user = current_user
        self.search = QLineEdit()
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        # Inactive records stay listed (they have history), greyed like a blocked lot.
        self.model = RecordTableModel(columns, tint=lambda r: None if r.active else "blocked")
        self.table = make_table(self.model, stretch)
        self.table.activated.connect(self.edit_selected)
        self.message = message_label()
        self.search.returnPressed.connect(self.table.setFocus)
        self.count_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(self.count_label)
        layout.addWidget(self.message)
        # Two a row (three ran past a 1024 screen): one a row took 150 pixels from the list.
        self.buttons = QGridLayout()
        layout.addLayout(self.buttons)
        self.pool = QThreadPool(self)
        for key, text, action in (
            ("Ctrl+N", self.tr("New (Ctrl+N)"), self.create),
            ("F2", self.tr("Edit the selected one (F2 or Enter)"), self.edit_selected),
            ("Ctrl+I", self.tr("Import a CSV or Excel file (Ctrl+I)"), self.import_file),
        ):
            self.add_action(key, text, action)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self.refresh)

    def refresh(self) -> None:
        records = self.records(self.search.text())
        self.model.set_records(records)
        self.count_label.setText(item_count_text(len(records)))

    def add_action(self, key: str, text: str, action) -> None:
        button = QPushButton(text)
        button.clicked.connect(action)
        page_shortcut(self, key, action)
        placed = self.buttons.count()
        self.buttons.addWidget(button, placed // BUTTONS_A_ROW, placed % BUTTONS_A_ROW)

    def records(self, query: str) -> list:
        raise NotImplementedError

    def editor(self, record):
        """The editor dialog for a record (None: a new one)."""
        raise NotImplementedError

    import_kind = ""  # which importer reads this page's files

    def import_file(self) -> None:
        import_file(
            self,
            self.db,
            self.pool,
            self.import_kind,
            self.message,
            self.refresh,
            self.current_user(),
        )

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self._say(item_select_text(), True)
            return None
        return self.model.record(rows[0].row())

    def create(self) -> None:
        self._open(self.editor(None))

    def edit_selected(self) -> None:
        record = self.selected()
        if record is not None:
            self._open(self.editor(record))

    def _open(self, editor) -> None:
        editor.accepted.connect(lambda: self._saved(editor))
        editor.open()

    def _saved(self, editor) -> None:
        self.refresh()
        self._say(saved_text(editor.windowTitle()))
        self.table.setFocus()

    def _say(self, text: str, problem: bool = False) -> None:
        show_message(self.message, text, problem)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()


class ProductsPage(SearchListPage):
    import_kind = "products"

    def __init__(self, db: Database, printer: PrintService, current_user):
        columns = [
            Column(self.tr("SKU"), lambda p: p.sku),
            Column(self.tr("Barcode"), lambda p: " ".join(p.barcodes)),
            Column(self.tr("Product"), lambda p: p.name),
            Column(self.tr("Producer"), lambda p: p.producer_name, width=225),
            Column(self.tr("OCOP"), lambda p: OCOP_RATINGS[p.ocop_rating]),
            Column(self.tr("Unit"), lambda p: p.unit),
            Column(self.tr("Price"), lambda p: format_vnd(p.price_vnd), RIGHT),
            Column(self.tr("VAT"), lambda p: format_bp(p.vat_bp), RIGHT),
        ]
        placeholder = self.tr("Search name, SKU, barcode or producer (e.g. tra sam)")
        super().__init__(db, columns, placeholder, (2,), current_user)
        self.printer = printer
        self.add_action(
            "Ctrl+L", self.tr("Labels for the selected product (Ctrl+L)"), self.print_labels
        )
        self.add_action(
            "Ctrl+B", self.tr("Give it an in-store barcode (Ctrl+B)"), self.issue_barcode
        )

    def editor(self, record):
        return ProductEditor(self.db, self.current_user, record, self)

    def print_labels(self) -> None:
        product = self.selected()
        if product is None:
            return
        try:
            [label] = labels.labels_for_product(self.db, product.sku, 1)
        except PosError as error:
            self._say(str(error), True)
            return
        self.refresh()  # a product without a barcode has just been given one
        LabelDialog([label], product.name, product.sku, self.printer, self, copies=True).open()

    def issue_barcode(self) -> None:
        product = self.selected()
        if product is None:
            return
        try:
            code = catalog.issue_instore_barcode(self.db, product.id, self.current_user())
        except PosError as error:
            self._say(str(error), True)
            return
        self.refresh()
        self._say(
            self.tr("%1 has the in-store barcode %2").replace("%1", product.sku).replace("%2", code)
        )

    def records(self, query: str) -> list:
        if query.strip():
            return catalog.search_products(self.db, query, limit=500)
        return catalog.list_products(self.db)


class ProducersPage(SearchListPage):
    import_kind = "producers"

    def __init__(self, db: Database, current_user):
        columns = [
            Column(self.tr("Code"), lambda p: p.code),
            Column(self.tr("Producer"), lambda p: p.name),
            Column(self.tr("Kind"), lambda p: PRODUCER_KINDS[p.kind]),
            Column(self.tr("Province"), lambda p: p.province),
            Column(self.tr("Phone"), lambda p: p.phone),
            Column(self.tr("Tax code"), lambda p: p.tax_code),
            Column(self.tr("Bank account"), lambda p: f"{p.bank_bin} {p.bank_account}".strip()),
            Column(self.tr("Commission"), lambda p: format_bp(p.commission_bp), RIGHT),
        ]
        placeholder = self.tr("Search producer name, code or province")
        super().__init__(db, columns, placeholder, (1,), current_user)

    def editor(self, record):
        return ProducerEditor(self.db, self.current_user, record, self)

    def records(self, query: str) -> list:
        producers = catalog.list_producers(self.db)
        words = fold(query).split()
        return [p for p in producers if all(w in _producer_text(p) for w in words)]


def _producer_text(producer: catalog.Producer) -> str:
    return fold(f"{producer.code} {producer.name} {producer.province}")
