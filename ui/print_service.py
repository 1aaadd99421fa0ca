"""Printing off the GUI thread. The GUI thread claims a job and turns the sale into plain
blocks; a pool thread talks to the printer; the GUI thread records the outcome. The sale is
already committed, so a dead printer only ever delays paper."""

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from sqlite_utils import Database

from pos.errors import PosError
from pos.printing.blocks import Block, Text
from pos.printing.escpos_out import PrinterConfig, open_printer, print_slip
from pos.printing.receipt import layout_receipt
from pos.services import print_queue, receipts
from pos.services.printer_settings import printer_config


class _Done(QObject):
    finished = Signal(int, str)  # job id (0 for a test page), error text ('' when printed)


class _PrintRun(QRunnable):
    def __init__(
        self,
        job_id: int,
        config: PrinterConfig,
        blocks: list[Block],
        drawer: bool,
        opener,
        done: _Done,
    ):
        super().__init__()
        self.job_id, self.config, self.blocks, self.drawer = job_id, config, blocks, drawer
        self.opener, self.done = opener, done

    def run(self) -> None:
        try:
            print_slip(self.config, self.blocks, self.drawer, opener=self.opener)
        except PosError as error:
            self.done.finished.emit(self.job_id, str(error))
        except Exception as error:  # a print thread must always report back
            self.done.finished.emit(self.job_id, f"lỗi máy in không xác định: {error}")
        else:
            self.done.finished.emit(self.job_id, "")


class PrintService(QObject):
    """Status for the cashier: (text, is_problem)."""

    status = Signal(str, bool)

    def __init__(self, db: Database, opener=open_printer, parent=None):
        super().__init__(parent)
        self.db = db
        self.opener = opener
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one printer, one job at a time, in order
        self._done = _Done()
        self._done.finished.connect(self._finished)
        self._numbers: dict[int, str] = {}

    def start(self) -> None:
        """After a restart: hold jobs that were mid-print, print the ones still queued."""
        print_queue.recover_after_restart(self.db)
        for job in print_queue.waiting_jobs(self.db):
            if job.status == "queued":
                self.print_job(job.id)
        self._report_waiting()

    def print_job(self, job_id: int) -> None:
        try:
            job = print_queue.claim(self.db, job_id)
            data = receipts.receipt_data(self.db, job.document_number)
        except PosError as error:
            self.status.emit(str(error), True)
            return
        self._numbers[job.id] = job.document_number
        blocks = layout_receipt(data, copy=job.copy)
        self.pool.start(
            _PrintRun(
                job.id, printer_config(self.db), blocks, job.open_drawer, self.opener, self._done
            )
        )

    def retry_waiting(self) -> None:
        jobs = [job for job in print_queue.waiting_jobs(self.db) if job.status != "printing"]
        if not jobs:
            self.status.emit(self.tr("Printer: nothing waiting"), False)
        for job in jobs:
            self.print_job(job.id)

    def reprint(self, sale_number: str) -> None:
        self.print_job(print_queue.queue_copy(self.db, sale_number).id)

    def test_page(self) -> None:
        blocks = [
            Text("IN THỬ · TEST", "center", bold=True, size="large"),
            Text("Tiếng Việt: Trà sâm, Đường thốt nốt, 1.250.000 ₫", "center"),
        ]
        self.pool.start(
            _PrintRun(0, printer_config(self.db), blocks, False, self.opener, self._done)
        )

    def wait(self) -> None:
        self.pool.waitForDone()

    def _finished(self, job_id: int, error: str) -> None:
        number = self._numbers.pop(job_id, "")
        if job_id == 0:
            self.status.emit(error or self.tr("Printer: test page printed"), bool(error))
            return
        if error:
            print_queue.mark_failed(self.db, job_id, error)
            self._report_waiting(error)
        else:
            print_queue.mark_printed(self.db, job_id)
            self.status.emit(self.tr("Printer: receipt %1 printed").replace("%1", number), False)

    def _report_waiting(self, error: str = "") -> None:
        waiting = [job for job in print_queue.waiting_jobs(self.db) if job.status == "failed"]
        if waiting:
            text = (
                self.tr("Printer: %1 · %2 receipt(s) waiting, F9 to retry")
                .replace("%1", error or waiting[-1].last_error)
                .replace("%2", str(len(waiting)))
            )
            self.status.emit(text, True)
