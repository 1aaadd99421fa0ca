"""Expiry and recall: lots that are blocked, expired or expire within N days; block a lot so
the till refuses it, see every sale of it, and send what is left back to the producer."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from pos import clock
from pos.errors import PosError
from pos.services import recalls, stock
from pos.services.recalls import WatchedLot
from ui.print_service import PrintService
from ui.producer_return_page import open_return_note
from ui.sign_in import manager_consent
from ui.stock_columns import lot_columns, lot_tint
from ui.table_model import RIGHT, Column, RecordTableModel
from ui.widgets import (
    confirm,
    make_table,
    message_label,
    page_shortcut,
    selected_record,
    show_message,
)


class ExpiryPage(QWidget):
    def __init__(self, db: Database, printer: PrintService, current_user):
        super().__init__()
        self.db = db
        self.printer = printer
        self.current_user = current_user
        self.days = QSpinBox()
        self.days.setRange(1, 365)
        self.days.setValue(30)
        self.days.setSuffix(self.tr(" days"))
        self.days.valueChanged.connect(self.refresh)
        columns = [Column(c.title, _of_lot(c.value), c.align, c.width) for c in lot_columns()]
        days_left = Column(
            self.tr("Days left"), lambda w: "" if w.days_left is None else w.days_left, RIGHT
        )
        columns.insert(6, days_left)
        self.lot_model = RecordTableModel(columns, tint=lambda w: lot_tint(w.lot))
        self.lot_table = make_table(self.lot_model, stretch=(2,))
        self.lot_table.selectionModel().selectionChanged.connect(self._show_sales)
        self.sales_title = QLabel()
        self.sales_title.setObjectName("sectionTitle")
        self.sales_model = RecordTableModel(
            [
                Column(self.tr("Sold at"), lambda s: clock.display_time(s.sold_at)),
                Column(self.tr("Receipt"), lambda s: s.sale_number),
                Column(self.tr("Cashier"), lambda s: s.cashier),
                Column(self.tr("Units from this lot"), lambda s: s.qty, RIGHT),
                Column(self.tr("Units brought back"), lambda s: s.refunded, RIGHT),
            ]
        )
        self.sales_table = make_table(self.sales_model, stretch=(2,))
        self.sales_table.setFocusPolicy(Qt.ClickFocus)  # to read: Tab goes lot -> reason
        self.reason = QLineEdit()
        self.reason.textEdited.connect(lambda _text: show_message(self.message, ""))
        self.reason.setPlaceholderText(
            self.tr("Reason: recall notice, quality doubt, expired... (required)")
        )
        self.block_button = QPushButton(self.tr("Block the lot (Ctrl+B)"))
        self.block_button.clicked.connect(lambda: self.set_blocked(True))
        self.release_button = QPushButton(self.tr("Release the lot"))
        self.release_button.clicked.connect(lambda: self.set_blocked(False))
        self.return_button = QPushButton(self.tr("Return what is left to the producer (Ctrl+R)"))
        self.return_button.setObjectName("primary")
        self.return_button.clicked.connect(self.return_lot)
        page_shortcut(self, "Ctrl+B", lambda: self.set_blocked(True))
        page_shortcut(self, "Ctrl+R", self.return_lot)
        self.message = message_label()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Blocked, expired, and lots expiring within")))
        top.addWidget(self.days)
        top.addStretch(1)
        sales_box = QWidget()
        sales_layout = QVBoxLayout(sales_box)
        sales_layout.setContentsMargins(0, 0, 0, 0)
        sales_layout.addWidget(self.sales_title)
        sales_layout.addWidget(self.sales_table)
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(self.lot_table)
        splitter.addWidget(sales_box)
        splitter.setSizes([380, 220])
        buttons = QHBoxLayout()
        buttons.addWidget(self.block_button)
        buttons.addWidget(self.release_button)
        buttons.addStretch(1)
        buttons.addWidget(self.return_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.reason)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        selected = self.selected()
        watched = recalls.lots_to_watch(self.db, self.days.value(), clock.today())
        self.lot_model.set_records(watched)
        ids = [w.lot.lot_id for w in watched]
        if watched:
            keep = selected.lot.lot_id if selected and selected.lot.lot_id in ids else ids[0]
            self.lot_table.selectRow(ids.index(keep))
        self._show_sales()
        self.lot_table.setFocus()

    def selected(self) -> WatchedLot | None:
        return selected_record(self.lot_table)

    def _show_sales(self) -> None:
        watched = self.selected()
        if watched is None:
            self.sales_model.set_records([])
            self.sales_title.setText(self.tr("Select a lot to see who bought it."))
            return
        sold = recalls.sales_of_lot(self.db, watched.lot.lot_id)
        self.sales_model.set_records(sold)
        self.sales_title.setText(
            self.tr("Sales of lot %1 (%2): %3 unit(s) on %4 receipt(s)")
            .replace("%1", watched.lot.lot_code)
            .replace("%2", watched.lot.product_name)
            .replace("%3", str(sum(s.qty for s in sold)))
            .replace("%4", str(len(sold)))
        )

    def _lot_and_consent(self):
        """The selected lot, the person acting and a manager's consent; None if either lacks."""
        watched = self.selected()
        if watched is None:
            self._say(self.tr("Select a lot in the list first."), True)
            return None
        actor = self.current_user()
        subject = recalls.lot_subject(watched.lot)
        consent = manager_consent(self.db, "recall", subject, actor, self)
        return None if consent is None else (watched.lot, actor, consent.approval)

    def set_blocked(self, blocked: bool) -> None:
        chosen = self._lot_and_consent()
        if chosen is None:
            return
        lot, actor, approval = chosen
        try:
            recalls.set_lot_recalled(
                self.db, lot.lot_id, blocked, self.reason.text(), actor, approval
            )
        except PosError as error:
            self._say(str(error), True)
            return
        text = (
            self.tr("Lot %1 is blocked: the till refuses it.")
            if blocked
            else self.tr("Lot %1 is released: it sells again.")
        )
        self._say(text.replace("%1", lot.lot_code))
        self.refresh()

    def return_lot(self) -> None:
        watched = self.selected()
        if watched is not None and not self._confirm_return(watched.lot):
            return
        chosen = self._lot_and_consent()
        if chosen is None:
            return
        lot, actor, approval = chosen
        try:
            posted = recalls.return_recalled_lot(
                self.db, lot.lot_id, self.reason.text(), actor, approval, clock.today()
            )
        except PosError as error:
            self._say(str(error), True)
            return
        self._say(
            self.tr("Posted %1: %2 unit(s) of lot %3 back to %4. The note opens for signing.")
            .replace("%1", posted.number)
            .replace("%2", str(posted.total_qty))
            .replace("%3", lot.lot_code)
            .replace("%4", lot.producer_code)
        )
        self.reason.clear()
        open_return_note(self.db, self.printer, posted.number)
        self.refresh()

    def _confirm_return(self, lot) -> bool:
        try:
            stock.return_reason(self.reason.text())
        except PosError as error:
            self._say(str(error), True)
            return False
        text = (
            self.tr(
                "Block lot %1 of %2 and return all %3 unit(s) on hand to %4? The return note "
                "is final: the goods leave the showroom's stock."
            )
            .replace("%1", lot.lot_code)
            .replace("%2", lot.product_name)
            .replace("%3", str(lot.on_hand))
            .replace("%4", lot.producer_code)
        )
        return confirm(self, self.tr("Return the lot to its producer"), text)

    def _say(self, text: str, problem: bool = False) -> None:
        show_message(self.message, text, problem)


def _of_lot(value):
    return lambda watched: value(watched.lot)
