"""Uncaught exceptions: logged with their trace, shown to the person as a readable dialog,
and never allowed to close the app silently."""

import logging
import sys
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from pos.errors import PosError
from pos.services.showroom_file import in_words

log = logging.getLogger("ocop_pos")


def show_error(exc_type, exc_value, exc_traceback) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    title = QCoreApplication.translate("ErrorDialog", "Something went wrong")
    exc_value = in_words(exc_value)  # disk full, read-only, locked: said in words
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
