"""The till: scan box (always focused), cart, product panel, totals, payment.
Keyboard first: every action has a key, and focus returns to the scan box after each."""

import uuid
from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from pos import clock
from pos.barcodes import looks_like_barcode
from pos.cart import Cart, Discount, parse_scan, price
from pos.catalog import OCOP_RATINGS
from pos.clock import display_date
from pos.documents.einvoice import NOBODY
from pos.errors import NotFound, PosError
from pos.money import format_bp, format_vnd, parse_vnd
from pos.permissions import Approval, User, needs_approval
from pos.printing.shift_report import layout_refund_slip
from pos.services import carts, catalog, einvoices, sales, shift_close, shifts, stock
from pos.services.printer_settings import printer_configured
from pos.services.receipts import refund_slip
from pos.services.settings import get_setting
from ui.buyer_dialog import BuyerDialog
from ui.close_shift_dialog import CloseShiftDialog
from ui.open_shift_form import OpenShiftForm
from ui.payment_dialog import PaymentDialog
from ui.print_service import PrintService
from ui.receipt_preview import ReceiptPreview
from ui.refund_dialog import RefundDialog
from ui.sign_in import ask_approval
from ui.table_model import RIGHT, Column, ItemTableModel, RecordTableModel
from ui.widgets import make_table, message_label, page_shortcut, show_message

NAME_COLUMN, DISCOUNT_COLUMN = 1, 4  # of the cart
# The widest name a cashier meets (upper case, stacked marks, 28 letters): the cart shows it
# whole on a 1024-pixel screen; the side panel gives way, from its widest to its narrowest.
WIDEST_NAME = "TRÀ SHAN TUYẾT CỔ THỤ ĐẶC BIỆT"
SIDE_PANEL_WIDTH = (280, 380)


class TillPage(QWidget):
    cart_shown = Signal(object)  # CartTotals, after every change (the customer display)
    transfer_shown = Signal(str, int)  # a VietQR awaited: payload, amount
    sale_paid = Signal(int, bool)  # change due, whether paid in cash
    sale_posted = Signal(str)  # the sale's number, once committed

    shift_closed = Signal(str)  # the Z report's number

    def __init__(self, db: Database, printer: PrintService, current_user: Callable[[], User]):
        super().__init__()
        self.db = db
        self.printer = printer
        self.current_user = current_user
        self.approvals: list[Approval] = []  # given by a manager for the cart on the till
        self.buyer = NOBODY  # whom this cart's e-invoice names (Ctrl+B)
        self.last_sale_number = ""
        self.terminal = get_setting(db, "terminal_code")
        self.cart: Cart = carts.load_open_cart(db, self.terminal)
        self.payment: PaymentDialog | None = None
        self._shown_product_id: int | None = None  # whose lots and stock the side panel shows
        self._cart_columns_fitted = False
        self.open_shift_form = OpenShiftForm(db, self.terminal, self.refresh, current_user)
        self.till = QWidget()
        self._build_till()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.open_shift_form)
        self.stack.addWidget(self.till)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._show_cart()

    # ---- layout ----

    def _build_till(self) -> None:
        self.scan_box = QLineEdit()
        self.scan_box.setObjectName("scanBox")
        self.scan_box.setPlaceholderText(self.tr("Scan or type a barcode / SKU, then Enter"))
        # Keyboard-wedge scanners type digits: an input method (Telex) must not rewrite them.
        self.scan_box.setAttribute(Qt.WA_InputMethodEnabled, False)
        self.scan_box.returnPressed.connect(self.scan)
        self.scan_box.installEventFilter(self)
        self.message = message_label()
        self.results_model = RecordTableModel(
            [
                Column(self.tr("SKU"), lambda p: p.sku),
                Column(self.tr("Product"), lambda p: p.name),
                Column(self.tr("Producer"), lambda p: p.producer_name, width=200),
                Column(self.tr("Price"), lambda p: format_vnd(p.price_vnd), RIGHT),
            ]
        )
        self.results = make_table(self.results_model, stretch=(1,))
        self.results.setMaximumHeight(220)
        self.results.hide()
        self.results.activated.connect(lambda index: self._pick_result(index.row()))
        self.results.installEventFilter(self)
        self.results.selectionModel().selectionChanged.connect(self._show_highlighted_result)
        self.cart_model = ItemTableModel(
            [
                # records are (line number, priced line)
                Column("#", lambda r: r[0], RIGHT),
                Column(self.tr("Product"), lambda r: r[1].line.name),
                Column(self.tr("Qty"), lambda r: r[1].line.qty, RIGHT),
                # Amounts without the ₫ of every cell (the totals carry it): room for names.
                Column(self.tr("Price"), lambda r: _amount(r[1].line.unit_price_vnd), RIGHT),
                Column(self.tr("Discount"), lambda r: _discount_text(r[1]), RIGHT),
                Column(self.tr("Amount"), lambda r: _amount(r[1].net_vnd), RIGHT),
            ]
        )
        # Not sized to contents by Qt, which measures every row on every scan: see
        # _fit_cart_columns.
        self.cart_table = make_table(self.cart_model, stretch=(1,), fit_contents=False)
        self.cart_table.setFocusPolicy(Qt.NoFocus)
        self.cart_table.setObjectName("cartTable")
        # The header shares the table's selection and so repainted whole on every scan to
        # mark the selected row's columns; a selection of its own that never changes.
        header = self.cart_table.horizontalHeader()
        header.setSelectionModel(QItemSelectionModel(self.cart_model, header))
        self.cart_table.selectionModel().selectionChanged.connect(self._show_selected_product)

        self.product_name = QLabel()
        self.product_name.setObjectName("sectionTitle")
        self.product_name.setWordWrap(True)
        self.product_details = QLabel()
        self.product_details.setWordWrap(True)
        self.product_details.setObjectName("productDetails")
        # Totals in plain labels, one row each (goods, discount, VAT per rate): a rich-text
        # table in one label was laid out again on every scan.
        self.totals_box = QWidget()
        self.totals_grid = QGridLayout(self.totals_box)
        self.totals_grid.setContentsMargins(0, 0, 0, 0)
        self.totals_rows: list[tuple[QLabel, QLabel]] = []
        self.total_label = QLabel()
        self.total_label.setObjectName("bigPrice")
        self.total_label.setAlignment(Qt.AlignRight)
        self.total_label.setWordWrap(True)  # the change due: a line for the words, one for it
        self.pay_button = QPushButton(self.tr("Pay (F12)"))
        self.pay_button.setObjectName("payButton")
        self.pay_button.setFocusPolicy(Qt.NoFocus)
        self.pay_button.clicked.connect(self.pay)
        self.shift_label = QLabel()
        self.shift_label.setObjectName("hint")
        self.printer_label = message_label()
        self.printer.status.connect(self._printer_status)
        keys = QLabel(
            self.tr(
                "F12 pay · F4 quantity · F2 line discount · F3 cart discount · "
                "Del remove line · F6 park · F7 recall · ↑↓ select line · Esc clear · "
                "Ctrl+P receipts · F9 retry printing · F8 refund · Ctrl+G price · "
                "F11 cash in/out · Ctrl+D drawer · Ctrl+B buyer (e-invoice) · "
                "F10 switch user · Ctrl+K close shift"
            )
        )
        keys.setObjectName("hint")
        keys.setWordWrap(True)

        side = QVBoxLayout()
        side.addWidget(self.product_name)
        side.addWidget(self.product_details)
        side.addStretch()
        side.addWidget(self.totals_box)
        side.addWidget(self.total_label)
        side.addWidget(self.pay_button)
        side.addWidget(self.printer_label)
        side.addWidget(self.shift_label)
        self.side_box = side_box = QWidget()
        side_box.setObjectName("sidePanel")
        side_box.setLayout(side)
        side_box.setFixedWidth(SIDE_PANEL_WIDTH[1])
        left = QVBoxLayout()
        left.addWidget(self.scan_box)
        left.addWidget(self.message)
        left.addWidget(self.results)
        left.addWidget(self.cart_table, 1)
        left.addWidget(keys)
        row = QHBoxLayout(self.till)
        row.addLayout(left, 1)
        row.addWidget(side_box)

        for key, action in (
            ("F12", self.pay),
            ("F4", self.change_qty),
            ("F2", self.discount_line),
            ("F3", self.discount_cart),
            ("F6", self.park),
            ("F7", self.recall),
            ("F9", self.printer.retry_waiting),
            ("Ctrl+P", self.show_receipt),
            ("F8", self.refund),
            ("F11", self.cash_movement),
            ("Ctrl+G", self.change_price),
            ("Ctrl+D", self.open_drawer),
            ("Ctrl+K", self.close_shift),
            ("Ctrl+B", self.ask_buyer),
        ):
            page_shortcut(self.till, key, action)

    # ---- page life ----

    def refresh(self) -> None:
        shift = shifts.current_shift(self.db, self.terminal)
        if shift is None:
            self._say("")  # what was said belonged to the shift that ended
            self._show_cart()  # and the change due of its last sale
            self.stack.setCurrentWidget(self.open_shift_form)
            self.open_shift_form.start()
            return
        self.stack.setCurrentWidget(self.till)
        self.shift_label.setText(
            self.tr("Terminal %1 · cashier %2")
            .replace("%1", self.terminal)
            .replace("%2", shift.cashier)
        )
        self._shown_product_id = None  # lots may have been blocked or returned meanwhile
        self._show_selected_product()
        self.focus_scan_box()

    def focus_scan_box(self) -> None:
        self.scan_box.setFocus()

    def _back_from_dialog(self) -> None:
        self.window().activateWindow()  # some window managers leave no window active
        self.focus_scan_box()

    def focus_search(self) -> None:
        self.focus_scan_box()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.KeyPress:
            return False
        key = event.key()
        if watched is self.scan_box:
            if key in (Qt.Key_Up, Qt.Key_Down) and self.results.isHidden():
                self._move_selection(-1 if key == Qt.Key_Up else 1)
                return True
            if key == Qt.Key_Down and self.results.isVisible():
                self.results.setFocus()
                return False
            if key == Qt.Key_Delete and not self.scan_box.text():
                self.remove_line()
                return True
            if key == Qt.Key_Escape:
                self.scan_box.clear()
                self._hide_results()
                return True
        elif watched is self.results and key == Qt.Key_Escape:
            self._hide_results()
            return True
        return False

    # ---- scanning ----

    def scan(self) -> None:
        text = self.scan_box.text().strip()
        self.scan_box.clear()
        if not text:
            return
        try:
            wanted = parse_scan(text)
        except PosError as error:
            self._problem(str(error))
            return
        self._add(wanted.code, wanted.qty, search_text=text)

    def _add(self, code: str, qty: int, search_text: str = "") -> None:
        """One lookup per scan; text that is no code and no product becomes a search."""
        try:
            product = sales.product_for_scan(self.db, code, qty, self.cart, clock.today())
            index = self.cart.add(sales.cart_line(product, qty))
        except NotFound as error:
            if search_text and not looks_like_barcode(code):
                self._search(search_text)
            else:
                self._problem(str(error))
            return
        except PosError as error:
            self._problem(str(error))
            return
        self._cart_changed(select=index)
        self._say(self.tr("Added %1 × %2").replace("%1", str(qty)).replace("%2", product.name))

    def _search(self, text: str) -> None:
        matches = catalog.search_products(self.db, text, limit=30)
        if not matches:
            self._problem(self.tr('No product has the code or name "%1"').replace("%1", text))
            return
        self.results_model.set_records(matches)
        self.results.show()
        self.results.selectRow(0)
        self.results.setFocus()
        self._say(
            self.tr(
                '%n product(s) match "%1": pick one with the arrows and Enter', "", len(matches)
            ).replace("%1", text)
        )

    def _pick_result(self, row: int) -> None:
        product = self.results_model.record(row)
        self._hide_results()
        self._add(product.sku, 1)

    def _hide_results(self) -> None:
        self.results.hide()
        self.focus_scan_box()
        self._shown_product_id = None  # the panel goes back to the cart's line
        if self.cart.is_empty():
            self.product_name.clear()
            self.product_details.clear()
        else:
            self._show_selected_product()

    # ---- cart editing ----

    def selected_index(self) -> int | None:
        rows = self.cart_table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _move_selection(self, step: int) -> None:
        if self.cart.is_empty():
            return
        current = self.selected_index()
        target = 0 if current is None else min(max(current + step, 0), len(self.cart.lines) - 1)
        self.cart_table.selectRow(target)

    def change_qty(self) -> None:
        index = self.selected_index()
        if index is None:
            return
        line = self.cart.lines[index]
        qty, ok = QInputDialog.getInt(self, self.tr("Quantity"), line.name, line.qty, 1, 9999)
        if ok:
            self._edit(lambda: self._set_qty(index, qty), select=index)
        self.focus_scan_box()

    def _set_qty(self, index: int, qty: int) -> None:
        line = self.cart.lines[index]
        sales.check_sellable(self.db, line.product_id, qty, clock.today())
        self.cart.set_qty(index, qty)

    def discount_line(self) -> None:
        index = self.selected_index()
        if index is None:
            return
        text = self._ask_discount(self.cart.lines[index].name)
        if text is not None:
            self._edit(lambda: self.cart.set_line_discount(index, Discount.parse(text)), index)
            self._approve_if_needed()

    def discount_cart(self) -> None:
        if self.cart.is_empty():
            return
        text = self._ask_discount(self.tr("Whole cart"))
        if text is not None:
            self._edit(lambda: self.cart.set_discount(Discount.parse(text)), self.selected_index())
            self._approve_if_needed()

    def _ask_discount(self, label: str) -> str | None:
        text, ok = QInputDialog.getText(
            self,
            self.tr("Discount"),
            self.tr("%1\nAmount (e.g. 5.000) or percent (e.g. 10%)").replace("%1", label),
        )
        self.focus_scan_box()
        return text if ok else None

    def change_price(self) -> None:
        """Sell the selected line at another price (a manager approves it for a cashier)."""
        index = self.selected_index()
        if index is None:
            return
        line = self.cart.lines[index]
        text, ok = QInputDialog.getText(
            self,
            self.tr("Price"),
            self.tr("New unit price for %1").replace("%1", line.name),
            text=format_vnd(line.unit_price_vnd, symbol=False),
        )
        self.focus_scan_box()
        if not ok:
            return
        try:
            new_price = parse_vnd(text)
        except PosError as error:
            self._problem(str(error))
            return
        self._edit(lambda: self.cart.set_price(index, new_price), index)
        self._approve_if_needed()

    def _approve_if_needed(self) -> bool:
        """Ask a manager now for what the cart needs, rather than at payment; False when a
        manager did not approve."""
        for action, subject in sales.approvals_needed(self.db, self.cart):
            given = any((a.action, a.subject) == (action, subject) for a in self.approvals)
            if given or not needs_approval(self.current_user(), action):
                continue
            approval = ask_approval(
                self.db, action, subject, self.current_user(), self.terminal, self
            )
            if approval is None:
                self._back_from_dialog()
                self._problem(self.tr("Not approved: the change is not allowed without a manager"))
                return False
            self.approvals.append(approval)
        self._back_from_dialog()
        return True

    def remove_line(self) -> None:
        index = self.selected_index()
        if index is None:
            return
        name = self.cart.lines[index].name
        self.cart.remove(index)
        self._cart_changed(select=min(index, len(self.cart.lines) - 1))
        self._say(self.tr("Removed %1").replace("%1", name))

    def _edit(self, change, select: int | None) -> None:
        try:
            change()
        except PosError as error:
            self._problem(str(error))
            return
        self._cart_changed(select)

    def _cart_changed(self, select: int | None = None) -> None:
        carts.save_open_cart(self.db, self.terminal, self.cart)  # survives a crash
        self._show_cart(select)

    def _show_cart(self, select: int | None = None) -> None:
        totals = price(self.cart)
        changed = self.cart_model.update_records(list(enumerate(totals.lines, start=1)))
        discounted = any(line.line_discount_vnd + line.cart_discount_vnd for line in totals.lines)
        self.cart_table.setColumnHidden(DISCOUNT_COLUMN, not discounted)  # room for names
        self._fit_cart_columns(changed)
        self._share_width()
        if select is not None and select >= 0 and not self.cart.is_empty():
            self.cart_table.selectRow(select)
            self.cart_table.scrollTo(self.cart_model.index(select, 0))
            self._show_selected_product()  # the same row may now hold another line
        rows = [
            (self.tr("Goods (%n item(s))", "", totals.units), format_vnd(totals.gross_vnd)),
            (self.tr("Discount"), format_vnd(-totals.discount_vnd)),
        ] + [
            (self.tr("incl. VAT %1").replace("%1", format_bp(rate)), format_vnd(amount))
            for rate, amount in totals.vat_by_rate.items()
        ]
        self._show_totals(rows)
        self.cart_shown.emit(totals)
        self.total_label.setText(format_vnd(totals.total_vnd))
        self._mark_change(False)
        self.pay_button.setEnabled(not self.cart.is_empty())
        if self.cart.is_empty():
            self.product_name.clear()
            self.product_details.clear()
            self._shown_product_id = None

    def _mark_change(self, change: bool) -> None:
        if self.total_label.property("change") != change:
            self.total_label.setProperty("change", change)
            self.total_label.style().unpolish(self.total_label)
            self.total_label.style().polish(self.total_label)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._share_width()

    def _share_width(self) -> None:
        """The cart's name column gets its room first (the widest name a cashier meets,
        unelided), the side panel what is left, within its narrowest and widest."""
        table = self.cart_table
        others = sum(
            table.columnWidth(column)
            for column in range(self.cart_model.columnCount())
            if column != NAME_COLUMN and not table.isColumnHidden(column)
        )
        name = table.fontMetrics().horizontalAdvance(WIDEST_NAME) + 12
        scroll_bar = table.verticalScrollBar().sizeHint().width()
        margins = self.till.layout().contentsMargins()
        spacing = 3 * self.till.layout().spacing() + margins.left() + margins.right()
        left = others + name + scroll_bar + 2 * table.frameWidth() + spacing
        narrowest, widest = SIDE_PANEL_WIDTH
        side = max(narrowest, min(widest, self.till.width() - left))
        if side != self.side_box.width():
            self.side_box.setFixedWidth(side)

    def _fit_cart_columns(self, rows: list[int]) -> None:
        """Columns as wide as their header and widest text, as Qt's ResizeToContents makes
        them, measuring only the rows that changed; narrow again for the next customer."""
        table, header = self.cart_table, self.cart_table.horizontalHeader()
        table.ensurePolished()  # the style sheet's font, before the window is first shown
        start_over = self.cart.is_empty() or not self._cart_columns_fitted
        if start_over:  # a new customer, or the cart restored at start: every row
            rows = list(range(self.cart_model.rowCount()))
        self._cart_columns_fitted = True
        grid = 1 if table.showGrid() else 0
        for column in range(self.cart_model.columnCount()):
            if header.sectionResizeMode(column) == QHeaderView.Stretch:
                continue
            width = 0 if start_over else header.sectionSize(column)
            width = max(
                [width, header.sectionSizeHint(column)]
                + [
                    table.sizeHintForIndex(self.cart_model.index(row, column)).width() + grid
                    for row in rows
                ]
            )
            if width != header.sectionSize(column):
                header.resizeSection(column, width)

    def _show_totals(self, rows: list[tuple[str, str]]) -> None:
        while len(self.totals_rows) < len(rows):
            name, amount = QLabel(), QLabel()
            name.setObjectName("totals")
            amount.setObjectName("totals")
            amount.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
            self.totals_grid.addWidget(name, len(self.totals_rows), 0)
            self.totals_grid.addWidget(amount, len(self.totals_rows), 1)
            self.totals_rows.append((name, amount))
        for number, labels in enumerate(self.totals_rows):
            texts = rows[number] if number < len(rows) else ("", "")
            for label, text in zip(labels, texts, strict=True):
                label.setText(text)  # the same text again repaints nothing
                label.setVisible(number < len(rows))

    def _show_selected_product(self) -> None:
        index = self.selected_index()
        if index is None or index >= len(self.cart.lines):
            return
        self._show_product(self.cart.lines[index].product_id)

    def _show_highlighted_result(self) -> None:
        """The side panel follows the search result the arrows are on: its stock and lot
        before the cashier picks it."""
        rows = self.results.selectionModel().selectedRows()
        if rows and self.results.isVisible():
            self._show_product(self.results_model.record(rows[0].row()).id)

    def _show_product(self, product_id: int) -> None:
        if product_id == self._shown_product_id:
            return  # scanned again: its lots and stock on hand are already shown
        self._shown_product_id = product_id
        product = catalog.products_by_ids(self.db, [product_id])[0]
        lots = {lot.lot_id: lot for lot in stock.stock_by_lot(self.db, product_id=product.id)}
        allocation = stock.allocate_fefo(self.db, product.id, 1, clock.today())
        lot_text = self.tr("no recorded stock")
        if allocation.picks:
            lot = lots[allocation.picks[0].lot_id]
            lot_text = lot.lot_code
            if lot.expiry_date:
                lot_text = (
                    self.tr("%1 · expires %2")
                    .replace("%1", lot.lot_code)
                    .replace("%2", display_date(lot.expiry_date))
                )
        on_hand = sum(lot.on_hand for lot in lots.values())
        self.product_name.setText(product.name)
        self.product_details.setText(
            "\n".join(
                (
                    product.producer_name,
                    f"{product.province} · OCOP {OCOP_RATINGS[product.ocop_rating]}",
                    self.tr("Lot: %1").replace("%1", lot_text),
                    self.tr("On hand: %1").replace("%1", f"{on_hand} {product.unit}"),
                )
            )
        )

    # ---- park / recall ----

    def park(self) -> None:
        if self.cart.is_empty():
            return
        totals = price(self.cart)
        label = self.tr("%n item(s)", "", totals.units) + f" · {format_vnd(totals.total_vnd)}"
        carts.park_cart(self.db, self.terminal, self.cart, label)
        self.cart = Cart()
        self.approvals = []  # approvals are for the cart on the till, asked again on recall
        self.buyer = NOBODY  # and the buyer is asked again too
        self._show_cart()
        self._say(self.tr("Cart parked: F7 brings it back"))
        self.focus_scan_box()

    def recall(self) -> None:
        parked = carts.parked_carts(self.db, self.terminal)
        if not parked:
            self._problem(self.tr("No parked cart"))
            return
        labels = [f"{p.saved_at[11:16]} · {p.label}" for p in parked]
        if len(parked) == 1:
            choice, ok = labels[0], True
        else:
            choice, ok = QInputDialog.getItem(
                self, self.tr("Recall a parked cart"), self.tr("Cart"), labels, 0, False
            )
        if ok:
            slot = parked[labels.index(choice)].slot
            self.cart = carts.recall_cart(self.db, self.terminal, slot, self.cart)
            self.approvals = []
            self._show_cart(select=0)
            self._say(self.tr("Cart recalled"))
        self.focus_scan_box()

    # ---- payment ----

    def pay(self) -> None:
        if self.cart.is_empty() or (self.payment is not None and self.payment.isVisible()):
            return
        if not self._approve_if_needed():  # a recalled cart, or a cart changed since
            return
        total = price(self.cart).total_vnd
        bank = tuple(
            get_setting(self.db, k) for k in ("bank_bin", "bank_account", "bank_account_name")
        )
        self.payment = PaymentDialog(
            total, sales.next_sale_number(self.db, self.terminal), bank, self
        )
        token = uuid.uuid4().hex  # one payment attempt, one sale, however often Enter is hit
        self.payment.paid.connect(lambda tenders: self._post(tenders, token))
        self.payment.transfer_shown.connect(self.transfer_shown)
        self.payment.finished.connect(lambda _result: self._back_from_dialog())
        self.payment.open()

    def _post(self, tenders: list, token: str) -> None:
        with_receipt = printer_configured(self.db)
        try:
            posted = sales.post_sale(
                self.db,
                self.terminal,
                self.cart,
                tenders,
                token,
                queue_receipt=with_receipt,
                actor=self.current_user(),
                approvals=tuple(self.approvals),
                buyer=self.buyer,
            )
        except PosError as error:
            self._problem(self.tr("The sale was not saved: %1").replace("%1", str(error)))
            return
        self.last_sale_number = posted.number
        self.sale_posted.emit(posted.number)
        self.approvals = []
        self.buyer = NOBODY  # the next customer's invoice names nobody unless asked
        job = posted.print_job  # printed after the commit: paper can wait, the sale cannot
        if job is not None and job.status == "queued":
            self.printer.print_job(job.id)
        self.cart = Cart()
        self._show_cart()
        self.sale_paid.emit(posted.change_vnd, any(t.method == "cash" for t in tenders))
        if any(tender.method == "cash" for tender in tenders):
            # large where the total was, until the next scan: the cashier counts it out
            amount = format_vnd(posted.change_vnd).replace(" ", "\u00a0")  # one piece
            self.total_label.setText(self.tr("Change %1").replace("%1", "\n" + amount))
            self._mark_change(True)
        text = (
            self.tr("Sale %1 saved · change %2")
            .replace("%1", posted.number)
            .replace("%2", format_vnd(posted.change_vnd))
        )
        if posted.shortfalls:
            short = ", ".join(f"{s.sku} ({s.qty})" for s in posted.shortfalls)
            text += " · " + self.tr("more sold than recorded stock: %1").replace("%1", short)
        if posted.clock_warning:  # saved, but the dates of what follows would be wrong
            self._problem(text + " · " + posted.clock_warning)
            return
        self._say(text)

    def ask_buyer(self) -> None:
        """Before payment: the invoice in the buyer's name (a business's checked tax code, or
        a person's name), for this cart's sale only."""
        if einvoices.capture_settings(self.db) is None:
            self._problem(self.tr("This showroom issues no e-invoices (Settings)"))
            return

        def keep(buyer, _reason) -> None:
            self.buyer = buyer

        dialog = BuyerDialog(self.db, self.tr("Buyer on the e-invoice"), keep, parent=self)
        dialog.accepted.connect(
            lambda: self._say(
                self.tr("The e-invoice of this sale goes to %1").replace("%1", self.buyer.name)
            )
        )
        dialog.finished.connect(lambda _result: self._back_from_dialog())
        dialog.open()

    # ---- refunds, cash, shift ----

    def _approval_for(self, action: str, subject: str, asking=None) -> Approval | None:
        """A manager's approval of ``subject``, prompted over ``asking`` (the dialog that
        needs it)."""
        return ask_approval(
            self.db, action, subject, self.current_user(), self.terminal, asking or self
        )

    def refund(self) -> None:
        dialog = RefundDialog(self.db, self.terminal, self.current_user(), self._approval_for, self)
        dialog.refunded.connect(self._refunded)
        dialog.finished.connect(lambda _result: self._back_from_dialog())
        dialog.open()

    def _refunded(self, posted) -> None:
        self._say(
            self.tr("Refund %1 saved: give back %2")
            .replace("%1", posted.number)
            .replace("%2", format_vnd(posted.total_vnd))
        )
        self.printer.print_blocks(layout_refund_slip(refund_slip(self.db, posted.number)))

    def cash_movement(self) -> None:
        kinds = [self.tr("Cash out (paying a delivery...)"), self.tr("Cash in (buying change...)")]
        kind, ok = QInputDialog.getItem(
            self, self.tr("Cash in / out"), self.tr("Kind"), kinds, 0, False
        )
        if not ok:
            return self.focus_scan_box()
        amount, ok = QInputDialog.getText(self, self.tr("Cash in / out"), self.tr("Amount"))
        if not ok:
            return self.focus_scan_box()
        reason, ok = QInputDialog.getText(self, self.tr("Cash in / out"), self.tr("Reason"))
        self.focus_scan_box()
        if not ok:
            return
        try:
            shift_close.record_cash_movement(
                self.db,
                self.terminal,
                self.current_user(),
                "cash_out" if kinds.index(kind) == 0 else "cash_in",
                parse_vnd(amount),
                reason,
            )
        except PosError as error:
            self._problem(str(error))
            return
        self._say(self.tr("Recorded: %1 %2").replace("%1", kind).replace("%2", amount))

    def open_drawer(self) -> None:
        approval = None
        if needs_approval(self.current_user(), "no_sale_drawer"):
            approval = self._approval_for(
                "no_sale_drawer", shift_close.drawer_subject(self.terminal)
            )
            if approval is None:
                return self.focus_scan_box()
        try:
            shift_close.open_drawer_without_sale(
                self.db, self.terminal, self.current_user(), "mở két không bán", approval
            )
        except PosError as error:
            self._problem(str(error))
            return
        self.printer.open_drawer()
        self.focus_scan_box()

    def close_shift(self) -> None:
        if not self.cart.is_empty():
            self._problem(self.tr("Finish or park the cart before closing the shift"))
            return
        dialog = CloseShiftDialog(
            self.db, self.terminal, self.current_user(), self.printer.print_blocks, self
        )
        dialog.finished.connect(lambda _result: self.refresh())
        dialog.shift_closed.connect(self.shift_closed)
        dialog.open()

    # ---- receipts ----

    def show_receipt(self) -> None:
        preview = ReceiptPreview(self.db, self.last_sale_number, self.printer.reprint, self)
        preview.finished.connect(lambda _result: self._back_from_dialog())
        preview.open()

    def _printer_status(self, text: str, problem: bool) -> None:
        show_message(self.printer_label, text, problem)

    # ---- messages ----

    def _say(self, text: str) -> None:
        show_message(self.message, text, False)

    def _problem(self, text: str) -> None:
        """Said on the screen with a beep, never as a dialog the cashier must dismiss."""
        show_message(self.message, text, True)
        QApplication.beep()
        self.focus_scan_box()


def _amount(vnd: int) -> str:
    return format_vnd(vnd, symbol=False)


def _discount_text(priced) -> str:
    off = priced.line_discount_vnd + priced.cart_discount_vnd
    return _amount(-off) if off else ""
