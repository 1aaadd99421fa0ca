"""The main window: navigation on the left, one page per job on the right."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)
from sqlite_utils import Database

from pos.permissions import User, is_manager
from pos.services.settings import get_setting
from pos.services.showroom_file import checkpoint
from ui.audit_page import AuditPage
from ui.backup_service import BackupService
from ui.catalog_pages import ProducersPage, ProductsPage
from ui.customer_display import CustomerDisplay, follow_till, place_on_screen
from ui.einvoice_page import EinvoicePage
from ui.einvoice_service import EinvoiceService
from ui.idle_lock import IdleWatch, LockScreen
from ui.page_shelf import PageShelf
from ui.pdf_viewer import open_document
from ui.print_service import PrintService
from ui.reports_page import ReportsPage
from ui.settings_page import SettingsPage
from ui.settlement_page import SettlementPage
from ui.sign_in import SignInDialog
from ui.stock_area import StockArea
from ui.till_page import TillPage
from ui.widgets import message_label, show_message

CHECKPOINT_IDLE_MS = 3000
NAVIGATION_WIDEST = 190
CHECKPOINT_EVERY_MS = 60_000


class MainWindow(QMainWindow):
    def __init__(self, db: Database, db_label: str, user: User):
        super().__init__()
        self.db = db
        self.user = user
        self.db_label = db_label
        self.setWindowTitle(f"{get_setting(db, 'showroom_name')} · OCOP Showroom POS")
        self.print_service = PrintService(db, parent=self)
        self.backup_label = self._status_line()
        self.backups = BackupService(db, self)
        self.backups.status.connect(self._status)
        self.einvoice_label = self._status_line()
        self.einvoices = EinvoiceService(db, self)
        self.einvoices.status.connect(
            lambda text, problem: show_message(self.einvoice_label, text, problem)
        )
        self.stack = QStackedWidget()
        self.pages = PageShelf(
            self.stack,
            {
                "sell": lambda: TillPage(db, self.print_service, lambda: self.user),
                "stock": lambda: StockArea(db, self.print_service, lambda: self.user),
                "producers": lambda: ProducersPage(db, lambda: self.user),
                "products": lambda: ProductsPage(db, self.print_service, lambda: self.user),
                "settlement": lambda: SettlementPage(db, lambda: self.user),
                "reports": lambda: ReportsPage(db, self.print_service),
                "settings": lambda: SettingsPage(
                    db, self.print_service, self.backups, lambda: self.user
                ),
                "audit": lambda: AuditPage(db, lambda: is_manager(self.user)),
                "einvoices": lambda: EinvoicePage(db, lambda: self.user),
            },
        )
        titles = {
            "sell": self.tr("Sell"),
            "stock": self.tr("Stock"),
            "producers": self.tr("Producers"),
            "products": self.tr("Products"),
            "settlement": self.tr("Settlement"),
            "reports": self.tr("Reports"),
            "settings": self.tr("Settings"),
            "audit": self.tr("Audit log"),
            "einvoices": self.tr("E-invoices"),
        }
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.shortcuts = []  # off while the till is locked
        for number, key in enumerate(self.pages, start=1):
            self.navigation.addItem(titles[key])
            self.navigation.item(number - 1).setToolTip(f"Ctrl+{number}")
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda row=number - 1: self.navigation.setCurrentRow(row))
            self.shortcuts.append(shortcut)
        self.navigation.ensurePolished()  # the style sheet's font, to measure the titles
        longest = max(self.navigation.fontMetrics().horizontalAdvance(t) for t in titles.values())
        self.navigation.setWordWrap(True)  # a long title takes two lines: the till needs room
        self.navigation.setTextElideMode(Qt.ElideNone)
        self.navigation.setFixedWidth(min(NAVIGATION_WIDEST, longest + 32))
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.navigation.setFocusPolicy(Qt.NoFocus)  # keys belong to the page (the scan box)
        self.navigation.currentRowChanged.connect(self._show_page)
        for keys, slot in (
            (QKeySequence("F5"), self.refresh_current),
            (QKeySequence.Find, self._focus_search),
        ):
            self.shortcuts.append(QShortcut(keys, self))
            self.shortcuts[-1].activated.connect(slot)
        self.work = QWidget()
        layout = QHBoxLayout(self.work)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.lock_screen = LockScreen(self.unlock)
        self.screens = QStackedWidget()
        self.screens.addWidget(self.work)
        self.screens.addWidget(self.lock_screen)
        self.setCentralWidget(self.screens)
        self.people = people = self.menuBar().addMenu(self.tr("&People"))
        switch = people.addAction(self.tr("Switch user"))
        switch.setShortcut(QKeySequence("F10"))  # on every page, with or without a shift
        switch.triggered.connect(self.switch_user)
        sign_out = people.addAction(self.tr("Sign out"))
        sign_out.setShortcut(QKeySequence("Ctrl+Shift+L"))
        sign_out.triggered.connect(self.sign_out)
        self.restore_from = None  # a backups.RestoreChoice, when the manager chose one
        self.pages.when_built(
            "settings", lambda page: page.restore_requested.connect(self._restore)
        )
        self.pages["sell"].shift_closed.connect(lambda _z: self.backups.take_automatic("z"))
        self._show_user()
        # WAL pages go to the database file between customers, never inside a sale's commit.
        self.checkpoint_timer = QTimer(self, interval=CHECKPOINT_IDLE_MS, singleShot=True)
        self.checkpoint_timer.timeout.connect(lambda: checkpoint(self.db))
        self.pages["sell"].sale_posted.connect(self.checkpoint_timer.start)
        self.print_service.pdf_ready.connect(lambda path: open_document(path, self))
        # A saved PDF's path belongs to the back office's moment, not on the till's screen.
        self.print_service.saved.connect(lambda text, _problem: self.statusBar().showMessage(text))
        self.periodic_checkpoint = QTimer(self, interval=CHECKPOINT_EVERY_MS)
        self.periodic_checkpoint.timeout.connect(lambda: checkpoint(self.db))
        self.periodic_checkpoint.start()  # back-office writes too, so the WAL never grows long
        self.idle_watch = IdleWatch(int(get_setting(db, "idle_lock_minutes")), self)
        self.idle_watch.idle.connect(self.lock)
        self.resize(1200, 760)
        self.navigation.setCurrentRow(0)
        self.customer_display = self._customer_display()

    def _customer_display(self) -> CustomerDisplay | None:
        """The window facing the customer, on the screen Settings names (none by default)."""
        screen = get_setting(self.db, "customer_display")
        if not screen:
            return None
        display = CustomerDisplay(get_setting(self.db, "showroom_name"), self)
        follow_till(display, self.pages["sell"])
        if not place_on_screen(display, int(screen)):
            display.show()  # that screen is not plugged in: a window the manager can move
        return display

    def switch_user(self) -> bool:
        """Another person takes the till; the cart on it stays as it is. False when nobody
        signed in (the previous person stays)."""
        dialog = SignInDialog(self.db, self.pages["sell"].terminal, self)
        signed_in = dialog.exec() == SignInDialog.Accepted
        if signed_in:
            self.user = dialog.result_value
            self.pages["sell"].approvals = []  # approvals were given to the previous person
            self._show_user()
        self.refresh_current()
        return signed_in

    def lock(self) -> None:
        """Nobody is at the till: every page is covered until someone signs in."""
        self.pages["sell"].approvals = []
        self._set_locked(True)
        self.lock_screen.button.setFocus()

    def unlock(self) -> None:
        if not self.switch_user():
            self.lock_screen.button.setFocus()  # Enter again for the next try
            return
        self._set_locked(False)
        self._focus_search()

    @property
    def locked(self) -> bool:
        return self.screens.currentWidget() is self.lock_screen

    def _set_locked(self, locked: bool) -> None:
        self.screens.setCurrentWidget(self.lock_screen if locked else self.work)
        for control in (*self.shortcuts, *self.people.actions()):
            control.setEnabled(not locked)

    def sign_out(self) -> None:
        """The person leaves: someone signs in, or the app closes (it never stays signed in
        as the one who left). The cart and the shift stay as they are."""
        self.pages["sell"].approvals = []
        if not self.switch_user():
            self.close()

    def _show_user(self) -> None:
        roles = {
            "cashier": self.tr("cashier"),
            "manager": self.tr("manager"),
            "admin": self.tr("admin"),
        }
        self.statusBar().showMessage(
            self.tr("Signed in: %1 (%2) · database: %3")
            .replace("%1", self.user.display_name)
            .replace("%2", roles[self.user.role])
            .replace("%3", self.db_label)
        )

    def stop_writing(self, choice) -> None:
        """The file was found damaged after it opened: nothing more is sent or backed up
        from it, and the window closes if the manager chose a backup to restore."""
        self.einvoices.stop()
        self.backups.stop()
        if choice is not None:
            self._restore(choice)

    def _restore(self, choice) -> None:
        """The database is replaced once this window has let go of it (see ui.app)."""
        self.restore_from = choice
        self.close()

    def _status_line(self) -> QLabel:
        """One line on the status bar's right: its last letter clear of the window's edge."""
        label = message_label()
        label.setWordWrap(False)
        label.setContentsMargins(12, 0, 8, 0)
        self.statusBar().addPermanentWidget(label)
        return label

    def _status(self, text: str, problem: bool) -> None:
        show_message(self.backup_label, text, problem)

    def closeEvent(self, event) -> None:
        self.idle_watch.stop()
        self.checkpoint_timer.stop()  # a closed window must not touch the database later
        self.periodic_checkpoint.stop()
        self.print_service.wait()
        self.backups.stop()
        self.einvoices.stop()
        if reports := self.pages.built("reports"):
            reports.wait()
        checkpoint(self.db)
        super().closeEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh_current()  # the page puts focus where typing belongs

    def show_page(self, key: str) -> None:
        self.navigation.setCurrentRow(list(self.pages).index(key))

    def current_page(self) -> QWidget:
        return self.pages[list(self.pages)[self.navigation.currentRow()]]

    def refresh_current(self) -> None:
        self.current_page().refresh()

    def _show_page(self, row: int) -> None:
        self.stack.setCurrentWidget(self.pages.place(list(self.pages)[row]))
        self.refresh_current()

    def _focus_search(self) -> None:
        page = self.current_page()
        if hasattr(page, "focus_search"):
            page.focus_search()
