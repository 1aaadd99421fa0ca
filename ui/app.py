"""Starting the app: fonts, language, style, error handling, then the main window."""

import argparse
import logging
import sys
from concurrent.futures import Future
from functools import cache
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog

from pos.errors import PosError
from pos.paths import FONTS, RESOURCES, log_dir, resolve_db_path
from pos.services import showroom_file, users
from pos.services.backups import RestoreChoice, backup_folder, restore_backup
from pos.services.settings import get_setting
from ui.errors import install_exception_hook
from ui.main_window import MainWindow
from ui.sign_in import FirstStartDialog, SignInDialog
from ui.startup import CheckWatch, ask_restore_dialog, cannot_open, open_checked

FONT_FAMILY = "DejaVu Sans"  # bundled: Vietnamese glyphs must never depend on the PC's fonts
TRANSLATIONS = RESOURCES / "translations"


@cache  # once per process: run_app needs them before its first message, then configures
def load_bundled_fonts() -> None:
    for font_file in sorted(FONTS.glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(font_file))


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    """English is the source text; Vietnamese (the default) comes from the .qm file."""
    QLocale.setDefault(QLocale(QLocale.Vietnamese if language == "vi" else QLocale.English))
    if language == "en":
        return None
    translator = QTranslator(app)
    if not translator.load(str(TRANSLATIONS / f"ocop_pos_{language}.qm")):
        logging.getLogger("ocop_pos").warning("no translation file for %s", language)
        return None
    app.installTranslator(translator)
    return translator


def configure_application(app: QApplication, language: str) -> None:
    load_bundled_fonts()
    app.setFont(QFont(FONT_FAMILY, 10))
    app.setStyleSheet((RESOURCES / "style.qss").read_text(encoding="utf-8"))
    install_translator(app, language)
    install_exception_hook()


def configure_logging() -> None:
    logging.basicConfig(
        filename=log_dir() / "ocop-pos.log",
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(message)s",
    )


def run_app(db_path: Path, checking: Future | None = None) -> int:
    """``checking``: the database's quick check, started before Qt was loaded (ui.launcher)."""
    configure_logging()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("OCOP Showroom POS")
    load_bundled_fonts()
    try:
        lock = showroom_file.hold(db_path)
    except PosError as error:
        return cannot_open(error)
    try:
        while True:
            try:
                db, checking = open_checked(db_path, ask_restore_dialog, checking)
            except PosError as error:
                return cannot_open(error)
            if db is None:
                return 1
            code, restore_from = run_window(app, db, db_path, checking)
            checking = None  # a restored database is checked again, before it opens
            if restore_from is None:
                return code
            folder = backup_folder(db)
            db.close()
            try:  # the window has let go of the database: put the backup in its place
                restore_backup(restore_from.backup, db_path, folder, restore_from.other_showroom_ok)
            except PosError as error:
                cannot_open(error)  # said; the database as it was opens again
    finally:
        lock.release()


def run_window(
    app: QApplication, db, db_path: Path, checking: Future | None = None
) -> tuple[int, RestoreChoice | None]:
    """The exit code, and the backup to restore if the manager chose one (in the window, or
    when the quick check still running at start found the file damaged)."""
    showroom_file.defer_checkpoints(db)  # the main window checkpoints when the counter is idle
    configure_application(app, get_setting(db, "ui_language"))
    watch = CheckWatch(db, db_path, checking, ask_restore_dialog)
    if not users.has_users(db) and FirstStartDialog(db).exec() != QDialog.Accepted:
        return 0, watch.restore_from
    sign_in = SignInDialog(db, get_setting(db, "terminal_code"))
    watch.stopped.connect(sign_in.reject)
    # the line scripts/fresh-machine-check.sh waits for: the app came up as far as a person sees
    logging.getLogger("ocop_pos").info("sign-in window shown for %s", db_path.name)
    if sign_in.exec() != QDialog.Accepted or watch.damaged:
        return 0, watch.restore_from
    window = MainWindow(db, str(db_path), sign_in.result_value)
    watch.stopped.connect(lambda: window.stop_writing(watch.restore_from))
    window.print_service.start()  # receipts still waiting from before a restart
    window.backups.start()  # today's backup, if none yet
    window.einvoices.start()  # invoices still unsent from before a restart go first
    window.showMaximized()
    code = app.exec()
    return code, window.restore_from


def main() -> int:
    parser = argparse.ArgumentParser(prog="ocop-pos-gui")
    parser.add_argument("--db", help="database file")
    args = parser.parse_args()
    return run_app(resolve_db_path(args.db))
