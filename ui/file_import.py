"""Importing a CSV/XLSX file from a screen: the same all-or-nothing importers as
`ocop-pos import`, run off the GUI thread; a refused file lists every bad row."""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from sqlite_utils import Database

from pos.importing import catalog_files
from pos.importing.catalog_files import ImportSummary
from pos.importing.sales_file import REPEATED_RECEIPT, SOLD_BEFORE_STOCK, import_sales
from pos.importing.tables import import_subject
from pos.permissions import User
from ui.background import run_in_background
from ui.sign_in import manager_consent
from ui.widgets import show_message

IMPORTERS: dict[str, tuple[Callable, str]] = {  # the importer, and the permission it needs
    "producers": (catalog_files.import_producers, "catalog"),
    "products": (catalog_files.import_products, "catalog"),
    "intake": (catalog_files.import_intake, "goods_receipt"),
    "sales": (import_sales, "sales_import"),
}


def summary_text(summary: ImportSummary) -> str:
    if summary.documents:
        return (
            QCoreApplication.translate("FileImport", "Imported %1 row(s): %2")
            .replace("%1", str(summary.rows))
            .replace("%2", ", ".join(summary.documents))
        )
    return (
        QCoreApplication.translate("FileImport", "Imported %1 row(s): %2 new, %3 updated")
        .replace("%1", str(summary.rows))
        .replace("%2", str(summary.created))
        .replace("%3", str(summary.updated))
    )


def import_file(
    page: QWidget,
    db: Database,
    pool: QThreadPool,
    kind: str,
    message,
    done: Callable[[], None],
    actor: User,
) -> None:
    """Ask for the file, import it in the background, then say what happened."""
    path, _ = QFileDialog.getOpenFileName(
        page,
        QCoreApplication.translate("FileImport", "Import a file"),
        "",
        QCoreApplication.translate("FileImport", "CSV or Excel (*.csv *.xlsx)"),
    )
    if not path:
        return
    importer, action = IMPORTERS[kind]
    consent = manager_consent(db, action, import_subject(path), actor, page)
    if consent is None:
        return

    def start(**options) -> None:
        show_message(message, QCoreApplication.translate("FileImport", "Importing..."))
        run_in_background(
            pool,
            db,
            lambda own_db, _progress: importer(
                own_db, path, actor=actor, approval=consent.approval, **options
            ),
            page,
            lambda summary: (show_message(message, summary_text(summary)), done()),
            lambda error: _refused(page, message, error, retry),
        )

    options: dict[str, bool] = {}

    def retry(error: str) -> bool:
        """A fair's next-day file often repeats receipts already imported: offer the rest.
        Lines sold before their goods were received are listed: the manager goes on or not."""
        if kind != "sales":
            return False
        if REPEATED_RECEIPT in error and not options.get("only_new"):
            title = QCoreApplication.translate("FileImport", "Receipts already imported")
            text = QCoreApplication.translate(
                "FileImport",
                "Some receipts in this file were imported before (listed below the message). "
                "Import only the new ones?",
            )
            option = "only_new"
        elif SOLD_BEFORE_STOCK in error and not options.get("before_stock_ok"):
            lines = [line for line in error.splitlines() if SOLD_BEFORE_STOCK in line]
            shown = "\n".join(lines[:10]) + ("\n…" if len(lines) > 10 else "")
            title = QCoreApplication.translate("FileImport", "Sold before the goods came in")
            text = (
                QCoreApplication.translate(
                    "FileImport",
                    "These lines are dated before their goods were first received. A wrong date "
                    "in the file? Import them as they are?",
                )
                + "\n\n"
                + shown
            )
            option = "before_stock_ok"
        else:
            return False
        if QMessageBox.question(page, title, text) != QMessageBox.Yes:
            return False
        options[option] = True
        start(**options)
        return True

    start()


def _refused(page: QWidget, message, error: str, retry: Callable[[str], bool]) -> None:
    if retry(error):
        return
    first, _, rest = error.partition("\n")
    show_message(message, first, True)
    if rest:  # every bad row, to fix in the file and import again
        box = QMessageBox(QMessageBox.Warning, first, first, QMessageBox.Ok, page)
        box.setDetailedText(rest)
        box.open()
