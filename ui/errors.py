"""Uncaught exceptions: logged with their trace, shown to the person as a readable dialog,
and never allowed to close the app silently."""

import logging
import sqlite3
import sys
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from pos.errors import PosError
from pos.storage.database import storage_problem

log = logging.getLogger("ocop_pos")


def show_error(exc_type, exc_value, exc_traceback) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    title = QCoreApplication.translate("ErrorDialog", "Something went wrong")
    if isinstance(exc_value, sqlite3.OperationalError):  # disk full, read-only, locked
        exc_value = storage_problem(exc_value)
    if isinstance(exc_value, PosError):
        log.warning("%s", exc_value)
        QMessageBox.warning(QApplication.activeWindow(), title, str(exc_value))
        return
    log.error("".join(traceback.format_exception(exc_type, exc_value, exc_traceback)))
    text = QCoreApplication.translate(
        "ErrorDialog",
        "The program hit an unexpected error. Your data is safe: everything already saved "
        "stays saved. The details were written to the log file.",
    )
    box = QMessageBox(QMessageBox.Critical, title, text, parent=QApplication.activeWindow())
    box.setDetailedText(f"{exc_type.__name__}: {exc_value}")
    box.exec()


def install_exception_hook() -> None:
    sys.excepthook = show_error
