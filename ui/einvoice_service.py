"""The e-invoice sender on a thread of its own, with its own connection: the till never
waits for the provider. The status line says what is unsent, and raises an alarm when an
invoice has waited longer than ALARM_AFTER or sending has stopped."""

import logging
import threading
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal
from sqlite_utils import Database

from pos import clock
from pos.einvoicing.connection import open_provider
from pos.einvoicing.credentials import load_password
from pos.einvoicing.sender import Sender
from pos.services import einvoice_outbox, einvoices, showroom_file

STATUS_EVERY_MS = 20_000
ALARM_AFTER = timedelta(minutes=30)


class EinvoiceService(QObject):
    status = Signal(str, bool)  # text for the status bar, is it a problem

    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.db = db
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.timer = QTimer(self, interval=STATUS_EVERY_MS)
        self.timer.timeout.connect(self.refresh)

    def start(self) -> None:
        connection = einvoices.connection(self.db)
        if connection is None:
            return
        path = showroom_file.database_path(self.db)
        password = load_password(connection.username) if connection.username else ""
        self._thread = threading.Thread(
            target=self._send, args=(path, connection, password), daemon=True
        )
        self._thread.start()
        self.timer.start()
        self.refresh()

    def _send(self, path: str, connection, password: str) -> None:
        db = showroom_file.open_database(path)
        provider, close = open_provider(connection, password, clock.today())
        try:
            Sender(db, provider).run(self._stop, idle_s=3.0)
        except Exception:  # the thread ends; the status line goes on counting what waits
            logging.getLogger("ocop_pos").exception("e-invoice sender stopped")
        finally:
            close()
            db.close()

    def refresh(self) -> None:
        status = einvoice_outbox.status(self.db)
        if status.stopped:
            self.status.emit(self.tr("E-invoices stopped: %1").replace("%1", status.stopped), True)
            return
        if not status.unsent:
            self.status.emit(self.tr("E-invoices: all sent"), False)
            return
        oldest = datetime.fromisoformat(status.oldest_unsent_at)
        late = clock.now() - oldest > ALARM_AFTER or status.parked
        text = self.tr("E-invoices: %1 unsent").replace("%1", str(status.unsent))
        if status.parked:
            text += self.tr(", %1 refused").replace("%1", str(status.parked))
        self.status.emit(text, bool(late))

    def stop(self) -> None:
        self.timer.stop()
        self._stop.set()
        if self._thread is not None:
            self._thread.join(10)
