"""Month-end settlement: every producer's figures for the period, a statement preview, issuing
all statements with period close (PDF + XLSX + CSV written in the background with a progress
bar), payouts, and the export folder."""

from pathlib import Path

from PySide6.QtCore import QDate, QThreadPool, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from pos import clock
from pos.errors import PosError
from pos.money import format_vnd, parse_vnd
from pos.paths import documents_dir
from pos.services import statements
from ui.background import run_in_background
from ui.date_field import DateField
from ui.file_import import import_file
from ui.pdf_viewer import show_pdf
from ui.sign_in import manager_consent
from ui.table_model import RIGHT, Column, RecordTableModel
from ui.widgets import (
    confirm,
    make_table,
    message_label,
    page_shortcut,
    producer_rank,
    selected_record,
    show_message,
)


class SettlementPage(QWidget):
    def __init__(self, db: Database, current_user):
        super().__init__()
        self.db, self.current_user = db, current_user
        first = clock.today().replace(day=1)
        previous = QDate(first.year, first.month, 1).addMonths(-1)
        self.start = DateField(previous)
        self.end = DateField(previous.addMonths(1).addDays(-1))
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self.refresh)
        self.model = RecordTableModel(
            [
                Column(self.tr("Code"), lambda r: r.code),
                Column(self.tr("Producer"), lambda r: r.name),
                Column(self.tr("Net sales"), lambda r: format_vnd(r.figures.net_vnd), RIGHT),
                Column(
                    self.tr("Commission"), lambda r: format_vnd(r.figures.commission_vnd), RIGHT
                ),
                Column(self.tr("Owed"), lambda r: format_vnd(r.figures.owed_vnd), RIGHT),
                Column(self.tr("Statement"), lambda r: r.number or self.draft),
            ]
        )
        self.draft = self.tr("draft")
        self.find = QLineEdit()
        self.find.setPlaceholderText(self.tr("Find a producer: code or name (Ctrl+F)"))
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(self.refresh)
        self.find.returnPressed.connect(self._to_first_match)
        self.table = make_table(self.model, stretch=(1,))  # the name gets the room
        self.message = message_label()
        buttons = QGridLayout()  # two rows of three: six in a row need 1,150 pixels
        for index, (text, action) in enumerate(
            (
                (self.tr("Preview the statement"), self.preview),
                (self.tr("Issue all and close the period"), self.issue_all),
                (self.tr("Record a payout"), self.payout),
                (self.tr("Record an agreed adjustment"), self.agreed_adjustment),
                (self.tr("Open the export folder"), self.open_folder),
                (self.tr("Import trade-fair sales (Ctrl+I)"), self.import_sales),
            )
        ):
            button = QPushButton(text)
            button.clicked.connect(action)
            buttons.addWidget(button, *divmod(index, 3))
        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("Period")))
        period.addWidget(self.start)
        period.addWidget(QLabel("–"))
        period.addWidget(self.end)
        period.addWidget(self.find, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(period)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.pool = QThreadPool(self)
        page_shortcut(self, "Ctrl+I", self.import_sales)
        self.progress: QProgressDialog | None = None

    def period(self):
        return self.start.date().toPython(), self.end.date().toPython()

    def out_dir(self) -> Path:
        start, _ = self.period()
        return documents_dir("Quyet toan") / f"{start:%Y-%m}"

    def _rows(self):
        return statements.period_overview(self.db, *self.period())

    def refresh(self) -> None:
        typed = self.find.text()
        rows = self._rows()
        if typed.strip():
            rows = [
                r for r in rows if producer_rank(typed, r.code, f"{r.code} · {r.name}") is not None
            ]
        self.model.set_records(rows)

    def focus_search(self) -> None:
        self.find.setFocus()
        self.find.selectAll()

    def _to_first_match(self) -> None:
        if self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def selected_code(self) -> str | None:
        record = selected_record(self.table)
        return record.code if record else None

    def preview(self) -> None:
        code = self.selected_code()
        if code is None:
            return show_message(self.message, self.tr("Select a producer first."), True)
        start, end = self.period()
        run = statements.write_statements(self.db, start, end, self.out_dir(), code)
        if run.pdfs:
            self.viewer = show_pdf(run.pdfs[0], self)

    def issue_all(self) -> None:
        actor = self.current_user()
        start, end = self.period()
        if not self._confirm_close(start, end):
            return
        subject = statements.period_subject(start, end, True)
        consent = manager_consent(self.db, "close_period", subject, actor, self)
        if consent is None:
            return
        try:
            issued = statements.issue_statements(self.db, actor, start, end, True, consent.approval)
        except PosError as error:
            return show_message(self.message, str(error), True)
        self.refresh()
        show_message(
            self.message,
            self.tr("%1 statements issued; the period is closed.").replace("%1", str(len(issued))),
        )
        self.write_files()

    def _confirm_close(self, start, end) -> bool:
        """Nothing can be posted in a closed period: say what will happen, default No."""
        drafts = [row.figures for row in self._rows() if not row.number]
        text = (
            self.tr(
                "Issue %1 statements for %2 - %3 (owed to producers: %4) and close the period?"
                "\n\nAfter closing, nothing dated in the period can be posted; corrections go "
                "into the next period."
            )
            .replace("%1", str(len(drafts)))
            .replace("%2", f"{start:%d/%m/%Y}")
            .replace("%3", f"{end:%d/%m/%Y}")
            .replace("%4", format_vnd(sum(f.owed_vnd for f in drafts)))
        )
        return confirm(self, self.tr("Close the period"), text)

    def write_files(self) -> None:
        self.progress = QProgressDialog(self.tr("Writing statements..."), "", 0, 1, self)
        self.progress.setCancelButton(None)
        self.progress.setMinimumDuration(0)
        start, end, out = *self.period(), self.out_dir()
        run_in_background(
            self.pool,
            self.db,
            lambda db, progress: statements.write_statements(
                db, start, end, out, progress=progress
            ),
            self,
            lambda _: self._written(""),
            self._written,
            lambda done, total: (self.progress.setMaximum(total), self.progress.setValue(done)),
        )

    def _written(self, error: str) -> None:
        if self.progress:
            self.progress.close()
        if error:
            show_message(self.message, error, True)
        else:
            show_message(
                self.message, self.tr("Statements saved in %1").replace("%1", str(self.out_dir()))
            )

    def payout(self) -> None:
        code = self.selected_code()
        if code is None:
            return show_message(self.message, self.tr("Select a producer first."), True)
        amount, ok = QInputDialog.getText(self, code, self.tr("Amount paid"))
        if not ok:
            return
        reference, ok = QInputDialog.getText(self, code, self.tr("Bank reference"))
        if not ok:
            return
        actor = self.current_user()
        try:
            amount_vnd = parse_vnd(amount)
            subject = statements.money_subject("chi trả", code, amount_vnd)
            consent = manager_consent(self.db, "close_period", subject, actor, self)
            if consent is None:
                return
            statements.record_payout(
                self.db, actor, code, amount_vnd, clock.today(), "bank", reference, consent.approval
            )
        except PosError as error:
            return show_message(self.message, str(error), True)
        show_message(self.message, self.tr("Payout recorded"))

    def agreed_adjustment(self) -> None:
        """An amount agreed with the producer for the period shown (breakage they accept,
        a display fee): it prints on their statement, so it needs a manager and an open
        period."""
        code = self.selected_code()
        if code is None:
            return show_message(self.message, self.tr("Select a producer first."), True)
        amount, ok = QInputDialog.getText(
            self, code, self.tr("Amount agreed (+ owed to the producer, - owed by them)")
        )
        if not ok:
            return
        reason, ok = QInputDialog.getText(self, code, self.tr("What was agreed"))
        if not ok:
            return
        actor = self.current_user()
        _, end = self.period()
        try:
            amount_vnd = parse_vnd(amount, allow_negative=True)
            subject = statements.money_subject("điều chỉnh", code, amount_vnd)
            consent = manager_consent(self.db, "close_period", subject, actor, self)
            if consent is None:
                return
            statements.record_agreed_adjustment(
                self.db, actor, code, amount_vnd, end, reason, consent.approval
            )
        except PosError as error:
            return show_message(self.message, str(error), True)
        self.refresh()
        show_message(self.message, self.tr("Adjustment recorded on %1").replace("%1", code))

    def import_sales(self) -> None:
        """Sales rung up away from the till (a trade fair), to be settled with the rest."""
        import_file(
            self, self.db, self.pool, "sales", self.message, self.refresh, self.current_user()
        )

    def open_folder(self) -> None:
        folder = self.out_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def wait(self) -> None:
        self.pool.waitForDone()
