"""Starting the app: fonts, language, style, error handling, then the main window."""

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from pos.errors import PosError
from pos.paths import FONTS, RESOURCES, log_dir, resolve_db_path
from pos.services import users
from pos.services.settings import get_setting
from pos.storage.database import defer_checkpoints, open_database
from ui.errors import install_exception_hook
from ui.main_window import MainWindow
from ui.sign_in import FirstStartDialog, SignInDialog

FONT_FAMILY = "DejaVu Sans"  # bundled: Vietnamese glyphs must never depend on the PC's fonts
TRANSLATIONS = RESOURCES / "translations"


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


def run_app(db_path: Path) -> int:
    configure_logging()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("OCOP Showroom POS")
    try:
        db = open_database(db_path)
    except PosError as error:
        load_bundled_fonts()
        QMessageBox.critical(None, "OCOP Showroom POS", str(error))
        return 1
    defer_checkpoints(db)  # the main window checkpoints when the counter is idle
    configure_application(app, get_setting(db, "ui_language"))
    if not users.has_users(db) and FirstStartDialog(db).exec() != QDialog.Accepted:
        return 0
    sign_in = SignInDialog(db, get_setting(db, "terminal_code"))
    if sign_in.exec() != QDialog.Accepted:
        return 0
    window = MainWindow(db, str(db_path), sign_in.result_value)
    window.print_service.start()  # receipts still waiting from before a restart
    window.showMaximized()
    return app.exec()


def main() -> int:
    parser = argparse.ArgumentParser(prog="ocop-pos-gui")
    parser.add_argument("--db", help="database file")
    args = parser.parse_args()
    return run_app(resolve_db_path(args.db))
