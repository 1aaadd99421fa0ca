"""Editors for producers and products. The fields are read by the same validation as the
import files, and each problem is shown under its own field. Nothing with history is
deleted: a producer or product is deactivated instead."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from pos.catalog import OCOP_RATINGS, PRODUCER_KINDS, producer_input_from, product_input_from
from pos.clock import display_date
from pos.errors import PosError
from pos.fields import FieldProblems
from pos.money import format_bp, format_vnd
from pos.services import catalog
from pos.services.catalog import Producer, Product
from ui.sign_in import manager_consent
from ui.widgets import ProducerPicker, fit_on_screen, message_label, show_message

ROOM_BESIDE_FORM = 150  # the tick box, the message, the buttons and the margins


class RecordEditor(QDialog):
    """A form whose fields are named like the import columns; Ctrl+S or Enter saves."""

    def __init__(self, db: Database, current_user, parent=None):
        super().__init__(parent)
        self.db = db
        self.current_user = current_user
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.active = QCheckBox(
            self.tr("Active (untick to stop: history stays, nothing is deleted)")
        )
        self.active.setChecked(True)
        self.message = message_label()
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText(self.tr("Save (Ctrl+S)"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel (Esc)"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.Save, self).activated.connect(self.save)
        form_box = QWidget()
        form_box.setLayout(self.form)
        # On a 768-pixel screen the messages under the fields may not all fit: scroll, never squash.
        scroll = QScrollArea()
        scroll.setWidget(form_box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scroll = scroll
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.active)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.saved = None

    def fit(self, width: int) -> None:
        """Tall enough for the form and what is below it, within the screen; again when
        errors appear under fields (at 1920×1080 they pushed the form into a scroll bar)."""
        fit_on_screen(self, width, self.form.sizeHint().height() + ROOM_BESIDE_FORM)

    def add_field(self, key: str, label: str, widget: QWidget, hint: str = "") -> QWidget:
        error = QLabel()
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.hide()
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.setSpacing(2)
        box_layout.addWidget(widget)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setObjectName("hint")
            hint_label.setWordWrap(True)
            box_layout.addWidget(hint_label)
        box_layout.addWidget(error)
        self.form.addRow(label, box)
        self.fields[key], self.errors[key] = widget, error
        if isinstance(widget, QLineEdit):
            widget.returnPressed.connect(self.save)
        return widget

    def values(self) -> dict[str, object]:
        values = {}
        for key, widget in self.fields.items():
            if isinstance(widget, QLineEdit):
                values[key] = widget.text()
            elif isinstance(widget, QCheckBox):
                values[key] = "1" if widget.isChecked() else "0"
            elif isinstance(widget, ProducerPicker):
                values[key] = widget.code() or ""
            elif isinstance(widget, QComboBox):
                data = widget.currentData()
                values[key] = data if data is not None else widget.currentText()
        return values

    def save(self) -> None:
        for label in self.errors.values():
            label.hide()
        actor = self.current_user()
        try:
            record = self.read(self.values())
        except FieldProblems as problems:
            self._show_problems(problems.by_field)
            return
        except PosError as error:
            show_message(self.message, str(error), True)
            return
        consent = manager_consent(self.db, "catalog", self.subject(record), actor, self)
        if consent is None:
            return
        try:
            self.saved = self.write(record, self.active.isChecked(), actor, consent.approval)
        except PosError as error:
            show_message(self.message, str(error), True)
            return
        self.accept()

    def _show_problems(self, by_field: dict[str, str]) -> None:
        first = None
        for key, text in by_field.items():
            if key in self.errors:
                self.errors[key].setText(text[:1].upper() + text[1:])
                self.errors[key].show()
                first = first or self.fields[key]
        show_message(self.message, self.tr("Please correct the fields marked in red."), True)
        self.fit(self.width())
        self.scroll.ensureWidgetVisible(first or self.scroll.widget())
        if first is not None:
            first.setFocus()

    def read(self, values: dict[str, object]):
        raise NotImplementedError

    def write(self, record, active: bool, actor, approval):
        raise NotImplementedError

    def subject(self, record) -> str:
        """What a manager approves when a cashier saves ``record``."""
        raise NotImplementedError


def _line(text: str = "", placeholder: str = "") -> QLineEdit:
    field = QLineEdit(text)
    field.setPlaceholderText(placeholder)
    return field


def _choice(options: dict[str, str], current: str) -> QComboBox:
    combo = QComboBox()
    for value, label in options.items():
        combo.addItem(label, value)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


def _percent(bp: int | None) -> str:
    return "" if bp is None else format_bp(bp).replace(" ", "").rstrip("%")


class ProducerEditor(RecordEditor):
    def __init__(self, db: Database, current_user, producer: Producer | None = None, parent=None):
        super().__init__(db, current_user, parent)
        self.setWindowTitle(producer.name if producer else self.tr("New producer"))
        p = producer
        code = self.add_field("code", self.tr("Code"), _line(p.code if p else "", "HOABAN"))
        code.setReadOnly(p is not None)  # documents and statements refer to it
        self.add_field("name", self.tr("Name"), _line(p.name if p else ""))
        self.add_field("kind", self.tr("Kind"), _choice(PRODUCER_KINDS, p.kind if p else ""))
        self.add_field("province", self.tr("Province"), _line(p.province if p else ""))
        self.add_field("phone", self.tr("Phone"), _line(p.phone if p else ""))
        self.add_field("tax_code", self.tr("Tax code"), _line(p.tax_code if p else ""))
        self.add_field(
            "bank_bin",
            self.tr("Bank BIN"),
            _line(p.bank_bin if p else "", "970436"),
            self.tr("6 digits of the bank, for the VietQR on statements"),
        )
        self.add_field("bank_account", self.tr("Bank account"), _line(p.bank_account if p else ""))
        self.add_field(
            "bank_account_name",
            self.tr("Account holder"),
            _line(p.bank_account_name if p else ""),
        )
        self.add_field(
            "commission_pct",
            self.tr("Commission %"),
            _line(_percent(p.commission_bp) if p else "", "20"),
            self.tr("New terms apply to sales from today; earlier sales keep theirs."),
        )
        self.active.setChecked(p.active if p else True)
        self.fit(640)

    def read(self, values):
        return producer_input_from(values)

    def write(self, record, active, actor, approval):
        return catalog.edit_producer(self.db, record, active, actor, approval)

    def subject(self, record) -> str:
        return catalog.producer_subject(record)


class ProductEditor(RecordEditor):
    def __init__(self, db: Database, current_user, product: Product | None = None, parent=None):
        super().__init__(db, current_user, parent)
        self.setWindowTitle(product.name if product else self.tr("New product"))
        p = product
        terms = catalog.product_terms(db, p.id) if p else None
        sku = self.add_field("sku", self.tr("SKU"), _line(p.sku if p else "", "SAM-TRA-20"))
        sku.setReadOnly(p is not None)
        self.add_field("name", self.tr("Name"), _line(p.name if p else ""))
        picker = ProducerPicker()
        picker.setMinimumWidth(0)  # the form sets the width
        picker.reload(db)
        if p:
            picker.select(p.producer_code)
        self.add_field("producer_code", self.tr("Producer"), picker)
        category = QComboBox()
        category.setEditable(True)
        category.addItems(catalog.categories(db))
        category.setCurrentText(p.category if p else "")
        self.add_field("category", self.tr("Category"), category)
        self.add_field("unit", self.tr("Unit"), _line(p.unit if p else "", "hộp"))
        self.add_field(
            "price_vnd",
            self.tr("Price (đồng)"),
            _line(format_vnd(p.price_vnd).replace(" ₫", "") if p else "", "350.000"),
        )
        self.add_field(
            "ocop_stars", self.tr("OCOP stars"), _choice(OCOP_RATINGS, p.ocop_rating if p else "")
        )
        self.add_field(
            "ocop_certificate",
            self.tr("OCOP certificate no."),
            _line(p.ocop_certificate if p else ""),
        )
        expiry = display_date(p.ocop_certificate_expiry) if p and p.ocop_certificate_expiry else ""
        self.add_field(
            "ocop_certificate_expiry",
            self.tr("Certificate valid until"),
            _line(expiry, "dd/mm/yyyy"),
        )
        self.add_field(
            "vat_pct",
            self.tr("VAT %"),
            _line(_percent(terms.standard_vat_bp) if terms else "", "8"),
            self.tr("The standard rate; a dated reduction applies by itself."),
        )
        tracks = QCheckBox(self.tr("Has lots and expiry dates"))
        tracks.setChecked(p.tracks_expiry if p else True)
        self.add_field("track_expiry", "", tracks)
        self.add_field(
            "barcode",
            self.tr("Barcodes"),
            _line(" ".join(p.barcodes) if p else "", "8938505970103"),
            self.tr("Several separated by spaces; a code taken off no longer scans."),
        )
        self.add_field(
            "commission_pct",
            self.tr("Commission % for this product"),
            _line(_percent(terms.commission_override_bp) if terms else ""),
            self.tr("Empty: the producer's terms."),
        )
        self.active.setChecked(p.active if p else True)
        self.fit(680)

    def read(self, values):
        return product_input_from(values)

    def write(self, record, active, actor, approval):
        return catalog.edit_product(self.db, record, active, actor, approval)

    def subject(self, record) -> str:
        return catalog.product_subject(record)
