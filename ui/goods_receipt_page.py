"""Receiving consigned goods: pick the producer, scan each product, type qty, lot and dates
(Enter moves field to field), post, print the receipt note for the producer's signature,
then labels for what came in, one per unit."""

from dataclasses import dataclass, replace

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from pos import clock
from pos.clock import display_date, iso_date
from pos.errors import PosError, ValidationError
from pos.expiry import expiry_state
from pos.fields import optional_date
from pos.paths import documents_dir
from pos.printing.stock_note_pdf import write_stock_note_pdf
from pos.services import catalog, labels, stock, stock_notes
from pos.services.catalog import Product
from pos.services.stock import IntakeLine
from ui.file_import import import_file
from ui.label_dialog import LabelDialog
from ui.print_service import PrintService
from ui.sign_in import manager_consent
from ui.table_model import RIGHT, Column, RecordTableModel
from ui.widgets import ProducerPicker, make_table, message_label, page_shortcut, show_message


@dataclass(frozen=True)
class ReceiptLine:
    product: Product
    line: IntakeLine

    @property
    def expiry_state(self) -> str:
        return expiry_state(iso_date(self.line.expiry_date), clock.today())


class GoodsReceiptPage(QWidget):
    def __init__(self, db: Database, printer: PrintService, current_user):
        super().__init__()
        self.db, self.current_user = db, current_user
        self.printer = printer
        self.lines: list[ReceiptLine] = []
        self.product: Product | None = None
        self.last_posted: str | None = None
        self.producer = ProducerPicker()
        self.producer.currentIndexChanged.connect(self._producer_changed)
        self.scan = QLineEdit()
        self.scan.setPlaceholderText(self.tr("Scan a barcode, or type a SKU or part of the name"))
        self.product_label = QLabel()
        self.product_label.setObjectName("sectionTitle")
        self.qty = QSpinBox()
        self.qty.setRange(1, 100_000)
        self.qty.setMaximumWidth(140)
        self.lot = QLineEdit()
        self.lot.setPlaceholderText(self.tr("as printed on the pack"))
        self.produced = QLineEdit()
        self.expires = QLineEdit()
        for field in (self.produced, self.expires):
            field.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.scan.returnPressed.connect(self.find_product)
        self.qty.lineEdit().returnPressed.connect(self._after_qty)
        self.lot.returnPressed.connect(self.produced.setFocus)
        self.produced.returnPressed.connect(self.expires.setFocus)
        self.expires.returnPressed.connect(self.add_line)
        form = QGridLayout()
        form.addWidget(QLabel(self.tr("Product")), 0, 0)
        form.addWidget(self.scan, 0, 1, 1, 3)
        form.addWidget(self.product_label, 1, 1, 1, 3)
        form.addWidget(QLabel(self.tr("Units")), 2, 0)
        form.addWidget(self.qty, 2, 1)
        form.addWidget(QLabel(self.tr("Lot")), 2, 2)
        form.addWidget(self.lot, 2, 3)
        form.addWidget(QLabel(self.tr("Production date")), 3, 0)
        form.addWidget(self.produced, 3, 1)
        form.addWidget(QLabel(self.tr("Expiry date")), 3, 2)
        form.addWidget(self.expires, 3, 3)
        self.line_message = message_label()
        self.model = RecordTableModel(
            [
                Column(self.tr("SKU"), lambda r: r.product.sku),
                Column(self.tr("Product"), lambda r: r.product.name),
                Column(self.tr("Units"), lambda r: r.line.qty, RIGHT),
                Column(self.tr("Lot"), lambda r: r.line.lot_code),
                Column(
                    self.tr("Produced"), lambda r: display_date(iso_date(r.line.production_date))
                ),
                Column(self.tr("Expiry"), lambda r: display_date(iso_date(r.line.expiry_date))),
            ],
            tint=lambda r: r.expiry_state,
        )
        self.table = make_table(self.model, stretch=(1,))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Delivered by, vehicle, remarks"))
        self.total_label = QLabel()
        self.post_button = QPushButton(self.tr("Post the goods receipt (Ctrl+Enter)"))
        self.post_button.setObjectName("primary")
        self.post_button.clicked.connect(self.post)
        self.remove_button = QPushButton(self.tr("Remove line (Ctrl+Del)"))
        self.remove_button.clicked.connect(self.remove_line)
        self.labels_button = QPushButton(self.tr("Labels for the last receipt (Ctrl+L)"))
        self.labels_button.clicked.connect(self.print_labels)
        self.labels_button.setEnabled(False)
        self.message = message_label()
        page_shortcut(self, "Ctrl+Return", self.post)
        page_shortcut(self, "Ctrl+Enter", self.post)
        page_shortcut(self, "Ctrl+Del", self.remove_line)
        page_shortcut(self, "Ctrl+L", self.print_labels)
        self.pool = QThreadPool(self)
        self.import_button = QPushButton(self.tr("Import a goods receipt file (Ctrl+I)"))
        self.import_button.clicked.connect(self.import_intake)
        page_shortcut(self, "Ctrl+I", self.import_intake)
        top = QFormLayout()
        top.addRow(self.tr("Producer"), self.producer)
        buttons = QGridLayout()  # two rows: four long labels in one row need 960 pixels
        buttons.addWidget(self.remove_button, 0, 0)
        buttons.addWidget(self.import_button, 1, 0)
        buttons.setColumnStretch(1, 1)
        buttons.addWidget(self.labels_button, 0, 2)
        buttons.addWidget(self.post_button, 1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.line_message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total_label)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self._show_lines()

    def refresh(self) -> None:
        self.producer.reload(self.db)
        self.scan.setFocus()

    def focus_search(self) -> None:
        self.scan.setFocus()
        self.scan.selectAll()

    # ---- one line ----

    def find_product(self) -> None:
        text = self.scan.text().strip()
        if not text:
            return
        code = self.producer.code()
        product = catalog.find_product_by_code(self.db, text)
        if product is None:
            matches = [p for p in catalog.search_products(self.db, text) if p.producer_code == code]
            product = self._pick(matches)
            if product is None:
                if not matches:
                    text = self.tr("No product of this producer matches '%1'").replace("%1", text)
                    self._say_line(text, True)
                return
        if product.producer_code != code:
            self._say_line(
                self.tr("%1 belongs to producer %2, not to %3")
                .replace("%1", product.sku)
                .replace("%2", product.producer_code)
                .replace("%3", code or ""),
                True,
            )
            self.scan.selectAll()
            return
        self.product = product
        self.product_label.setText(f"{product.sku} · {product.name}")
        self._say_line("")
        self.qty.setValue(1)
        self.qty.setFocus()
        self.qty.selectAll()

    def _pick(self, matches: list[Product]) -> Product | None:
        if len(matches) <= 1:
            return matches[0] if matches else None
        names = [f"{p.sku} · {p.name}" for p in matches]
        choice, ok = QInputDialog.getItem(
            self, self.tr("Product"), self.tr("Which one?"), names, 0, False
        )
        return matches[names.index(choice)] if ok else None

    def _after_qty(self) -> None:
        if self.product is not None and self.product.tracks_expiry:
            self.lot.setFocus()
        else:
            self.add_line()

    def add_line(self) -> None:
        if self.product is None:
            self._say_line(self.tr("Scan or choose a product first."), True)
            self.scan.setFocus()
            return
        try:
            line = IntakeLine(
                self.product.sku,
                self.qty.value(),
                self.lot.text().strip().upper(),
                optional_date(self.produced.text(), "ngày sản xuất"),
                optional_date(self.expires.text(), "hạn sử dụng"),
            )
            line = self._merged(line)
            stock.check_intake_line(self.db, self.producer.code(), line, clock.today())
        except PosError as error:
            self._say_line(str(error), True)
            return
        self.lines = [r for r in self.lines if not _same_lot(r.line, line)]
        self.lines.append(ReceiptLine(self.product, line))
        added = self.lines[-1]
        if added.expiry_state == "soon":
            days = (line.expiry_date - clock.today()).days
            self._say_line(
                self.tr("Careful: lot %1 expires in %2 day(s), on %3")
                .replace("%1", line.lot_code)
                .replace("%2", str(days))
                .replace("%3", display_date(iso_date(line.expiry_date))),
                True,
            )
        else:
            self._say_line("")
        self.product = None
        self.product_label.clear()
        for field in (self.scan, self.lot, self.produced, self.expires):
            field.clear()
        self.qty.setValue(1)
        self._show_lines()
        self.scan.setFocus()

    def _merged(self, line: IntakeLine) -> IntakeLine:
        """The same lot scanned again adds units; the same lot with other dates is a mistake."""
        for existing in self.lines:
            if _same_lot(existing.line, line):
                if (existing.line.production_date, existing.line.expiry_date) != (
                    line.production_date,
                    line.expiry_date,
                ):
                    raise ValidationError(
                        f"lô {line.lot_code} đã có trên phiếu với ngày sản xuất/hạn dùng khác"
                    )
                return replace(line, qty=existing.line.qty + line.qty)
        return line

    def remove_line(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self._say(self.tr("Select a line in the list first."), True)
            return
        del self.lines[rows[0].row()]
        self._show_lines()

    # ---- the whole receipt ----

    def post(self) -> None:
        if not self.lines:
            self._say(self.tr("The goods receipt has no lines yet."), True)
            return
        code, actor = self.producer.code(), self.current_user()
        lines = [r.line for r in self.lines]
        consent = manager_consent(
            self.db, "goods_receipt", stock.intake_subject(code, lines), actor, self
        )
        if consent is None:
            return
        try:
            posted = stock.receive_goods(
                self.db,
                code,
                lines,
                clock.today(),
                self.note.text(),
                actor=actor,
                approval=consent.approval,
            )
        except PosError as error:
            self._say(str(error), True)
            return
        self.lines = []
        self.note.clear()
        self._show_lines()
        self.last_posted = posted.number
        self.labels_button.setEnabled(True)
        self._say(
            self.tr("Posted %1: %2 unit(s). The note opens for signing; Ctrl+L prints labels.")
            .replace("%1", posted.number)
            .replace("%2", str(posted.total_qty))
        )
        note = stock_notes.goods_receipt_note(self.db, posted.number)
        path = documents_dir("phieu-nhap") / f"{posted.number}.pdf"
        self.printer.write_document(path, lambda out: write_stock_note_pdf(note, out))
        self.scan.setFocus()

    def print_labels(self) -> None:
        if self.last_posted is None:
            self._say(self.tr("Post a goods receipt first."), True)
            return
        try:
            items = labels.labels_for_goods_receipt(self.db, self.last_posted)
        except PosError as error:
            self._say(str(error), True)
            return
        LabelDialog(items, self.last_posted, self.last_posted, self.printer, self).open()

    def import_intake(self) -> None:
        """A producer's delivery list as a file: one receipt per producer in it."""
        import_file(
            self, self.db, self.pool, "intake", self.message, self.refresh, self.current_user()
        )

    def _producer_changed(self) -> None:
        if self.lines:
            self._say(
                self.tr("The lines entered belong to their producer: post or remove them first."),
                True,
            )
            self.producer.blockSignals(True)
            self.producer.select(self.lines[0].product.producer_code)
            self.producer.blockSignals(False)

    def _show_lines(self) -> None:
        self.model.set_records(self.lines)
        units = sum(r.line.qty for r in self.lines)
        self.total_label.setText(
            self.tr("%1 line(s), %2 unit(s)")
            .replace("%1", str(len(self.lines)))
            .replace("%2", str(units))
        )

    def _say(self, text: str, problem: bool = False) -> None:
        show_message(self.message, text, problem)

    def _say_line(self, text: str, problem: bool = False) -> None:
        show_message(self.line_message, text, problem)


def _same_lot(a: IntakeLine, b: IntakeLine) -> bool:
    return a.sku == b.sku and a.lot_code == b.lot_code
