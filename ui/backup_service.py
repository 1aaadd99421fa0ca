"""Automatic backups (after every Z, and daily) and backups to a chosen folder, taken off the
GUI thread on their own connection so the till never waits for them."""

import logging

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from sqlite_utils import Database

from pos import clock
from pos.services import backups
from ui.background import run_in_background

DUE_CHECK_MS = 60 * 60 * 1000  # a shop open past midnight still gets its daily backup


class BackupService(QObject):
    status = Signal(str, bool)  # text for the status bar, is it a problem

    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.db = db
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.timer = QTimer(self, interval=DUE_CHECK_MS)
        self.timer.timeout.connect(self.take_daily_if_due)

    def start(self) -> None:
        self.take_daily_if_due()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.pool.waitForDone()

    def take_daily_if_due(self) -> None:
        if backups.backup_due(self.db, clock.today()):
            self.take_automatic("daily")

    def take_automatic(self, reason: str) -> None:
        self._run(lambda db, _progress: backups.automatic_backup(db, reason))

    def take_to(self, folder) -> None:
        self._run(lambda db, _progress: backups.take_backup(db, folder, "manual"))

    def _run(self, work) -> None:
        run_in_background(self.pool, self.db, work, self, self._done, self._failed)

    def _done(self, backup: backups.Backup) -> None:
        # The time, not the file's long name: the status bar has room for one short line.
        logging.getLogger("ocop_pos").info("backup saved and checked: %s", backup.path)
        self.status.emit(
            self.tr("Backup saved and checked at %1").replace("%1", clock.now().strftime("%H:%M")),
            False,
        )

    def _failed(self, error: str) -> None:
        logging.getLogger("ocop_pos").error("backup failed: %s", error)
        self.status.emit(self.tr("Backup failed: %1").replace("%1", error), True)
