"""Printing and PDF writing off the GUI thread. The GUI thread claims a job and turns the
sale into plain blocks; a pool thread talks to the printer (or writes the file); the GUI
thread records the outcome. The sale is already committed, so a dead printer only ever
delays paper."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from sqlite_utils import Database

from pos.documents.label import LabelData
from pos.errors import PosError
from pos.printing.blocks import Text
from pos.printing.escpos_out import kick_drawer, open_printer, print_images, print_slip
from pos.printing.labels import render_thermal_label, write_label_sheets
from pos.printing.receipt import layout_receipt
from pos.services import print_queue, receipts
from pos.services.printer_settings import printer_config, printer_configured


class _Done(QObject):
    finished = Signal(int, str)  # receipt job id (0: other work), error text ('' when done)


class _Run(QRunnable):
    """One piece of slow I/O on plain data; always reports back."""

    def __init__(self, job_id: int, work: Callable[[], None], done: _Done):
        super().__init__()
        self.job_id, self.work, self.done = job_id, work, done

    def run(self) -> None:
        try:
            self.work()
        except PosError as error:
            self.done.finished.emit(self.job_id, str(error))
        except Exception as error:  # a worker thread must always report back
            self.done.finished.emit(self.job_id, f"lỗi không xác định: {error}")
        else:
            self.done.finished.emit(self.job_id, "")


class PrintService(QObject):
    status = Signal(str, bool)  # the receipt printer, for the cashier: text, is it a problem
    saved = Signal(str, bool)  # other work (a PDF, labels, an export), for whoever asked
    pdf_ready = Signal(str)  # a label PDF or another document was written, to open

    def __init__(self, db: Database, opener=open_printer, parent=None):
        super().__init__(parent)
        self.db = db
        self.opener = opener
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one printer, one job at a time, in order
        self._done = _Done()
        self._done.finished.connect(self._finished)
        self._numbers: dict[int, str] = {}
        self._other: list[tuple[str, Path | None]] = []  # what to say when other work ends

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
        config, opener, drawer = printer_config(self.db), self.opener, job.open_drawer
        self._run(job.id, lambda: print_slip(config, blocks, drawer, opener=opener))

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
        config, opener = printer_config(self.db), self.opener
        self._other_work(
            self.tr("Printer: test page printed"),
            None,
            lambda: print_slip(config, blocks, opener=opener),
        )

    def print_blocks(self, blocks: list, done_text: str = "") -> None:
        """A slip that is not a sale's receipt (refund slip, X/Z report), if a printer is set."""
        if not printer_configured(self.db):
            return
        config, opener = printer_config(self.db), self.opener
        self._other_work(
            done_text or self.tr("Printer: printed"),
            None,
            lambda: print_slip(config, blocks, opener=opener),
        )

    def open_drawer(self) -> None:
        config, opener = printer_config(self.db), self.opener
        self._other_work(self.tr("Drawer opened"), None, lambda: kick_drawer(config, opener))

    def print_labels(self, labels: list[LabelData]) -> None:
        """Thermal labels, one image each, on the receipt printer's connection."""
        config, opener = printer_config(self.db), self.opener
        done = self.tr("Printer: %1 label(s) printed").replace("%1", str(len(labels)))
        self._other_work(
            done,
            None,
            lambda: print_images(
                config, [render_thermal_label(label, config.width_px) for label in labels], opener
            ),
        )

    def write_label_pdf(self, labels: list[LabelData], path: Path, grid: str, start: int) -> None:
        done = self.tr("Labels saved: %1").replace("%1", str(path))
        self._other_work(done, path, lambda: write_label_sheets(labels, path, grid, start))

    def write_document(self, path: Path, write: Callable[[Path], None]) -> None:
        """A document (receipt note PDF, report export) written off the GUI thread from
        plain data, then opened."""
        done = self.tr("Saved: %1").replace("%1", str(path))
        self._other_work(done, path, lambda: write(path))

    def wait(self) -> None:
        self.pool.waitForDone()

    def _other_work(self, done_text: str, pdf: Path | None, work: Callable[[], None]) -> None:
        self._other.append((done_text, pdf))
        self._run(0, work)

    def _run(self, job_id: int, work: Callable[[], None]) -> None:
        self.pool.start(_Run(job_id, work, self._done))

    def _finished(self, job_id: int, error: str) -> None:
        if job_id == 0:  # the pool runs one thing at a time, so reports come in order
            done_text, pdf = self._other.pop(0)
            said = self.status if pdf is None else self.saved  # the printer's, or a file's
            said.emit(error or done_text, bool(error))
            if pdf is not None and not error:
                self.pdf_ready.emit(str(pdf))
            return
        number = self._numbers.pop(job_id, "")
        if error:
            print_queue.mark_failed(self.db, job_id, error)
            self._report_waiting(error)
        else:
            print_queue.mark_printed(self.db, job_id)
            self.status.emit(self.tr("Printer: receipt %1 printed").replace("%1", number), False)

    def _report_waiting(self, error: str = "") -> None:
        waiting = [job for job in print_queue.waiting_jobs(self.db) if job.status == "failed"]
        if waiting:
            text = self.tr("Printer: %1 · %2 receipt(s) waiting, F9 to retry")
            text = text.replace("%1", error or waiting[-1].last_error)
            self.status.emit(text.replace("%2", str(len(waiting))), True)
