"""PDFs inside the app (statements, goods receipt and return notes, label sheets): Qt's own
PDF module shows them, Print sends them through Qt's print dialog, and Open folder shows where
the file is kept. No PDF viewer need be installed on the shop PC."""

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout

from ui.widgets import fit_on_screen


class PdfViewer(QDialog):
    def __init__(self, path: str | Path, parent=None):
        super().__init__(parent)
        self.path = Path(path)
        self.setWindowTitle(self.path.name)
        self.document = QPdfDocument(self)
        self.document.load(str(self.path))
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        buttons = QHBoxLayout()
        for text, action, key in (
            (self.tr("Print (Ctrl+P)"), self.print_pages, "Ctrl+P"),
            (self.tr("Open folder"), self.open_folder, None),
            (self.tr("Close (Esc)"), self.reject, None),
        ):
            button = QPushButton(text)
            button.setAutoDefault(False)
            button.clicked.connect(action)
            buttons.addWidget(button)
            if key:
                QShortcut(QKeySequence(key), self).activated.connect(action)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.resize(900, 1100)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        fit_on_screen(self, 900, 1100)  # an A4 page's width, as tall as the screen allows

    def print_pages(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Every page, scaled to the printer's page, one after another."""
        painter = QPainter(printer)
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        for page in range(self.document.pageCount()):
            if page:
                printer.newPage()
            image = self.document.render(page, area.size())
            painter.drawImage(0, 0, image)
        painter.end()

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))


def show_pdf(path: str | Path, parent) -> PdfViewer:
    viewer = PdfViewer(path, parent)
    viewer.open()
    return viewer


def open_document(path: str | Path, parent) -> None:
    """A PDF in the app's own viewer; a spreadsheet (CSV, XLSX) in the program for it."""
    if Path(path).suffix.lower() == ".pdf":
        show_pdf(path, parent)
    else:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
