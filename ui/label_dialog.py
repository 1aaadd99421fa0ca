"""Printing labels: A4 sheets as PDF (grid, start position on a partly used sheet) or
straight to the thermal printer. The work runs off the GUI thread."""

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from pos.documents.label import LabelData
from pos.paths import documents_dir
from pos.printing.labels import GRIDS
from ui.print_service import PrintService


class LabelDialog(QDialog):
    def __init__(
        self,
        labels: list[LabelData],
        title: str,
        file_stem: str,
        printer: PrintService,
        parent=None,
        copies: bool = False,
    ):
        """``copies``: one product's label, printed as many times as asked."""
        super().__init__(parent)
        self._labels, self.printer, self.file_stem = labels, printer, file_stem
        self.one_product = copies
        self.copies = QSpinBox()
        self.copies.setRange(1, 1000)
        self.setWindowTitle(self.tr("Labels"))
        self.grid = QComboBox()
        for key, grid in GRIDS.items():
            width, height = grid.label_size_mm()
            self.grid.addItem(f"{key} ({width:.0f} × {height:.0f} mm)", key)
        self.start = QSpinBox()
        self.grid.currentIndexChanged.connect(self._limit_start)
        self._limit_start()
        heading = QLabel(title)
        heading.setObjectName("sectionTitle")
        heading.setWordWrap(True)
        form = QFormLayout()
        if copies:
            form.addRow(self.tr("Number of labels"), self.copies)
        else:
            heading.setText(title + " · " + self.tr("%n label(s)", "", len(labels)))
        form.addRow(self.tr("A4 sheet"), self.grid)
        form.addRow(self.tr("Start at position"), self.start)
        self.pdf_button = QPushButton(self.tr("A4 sheet (PDF)"))
        self.pdf_button.setDefault(True)
        self.pdf_button.clicked.connect(self.make_pdf)
        self.thermal_button = QPushButton(self.tr("Thermal printer"))
        self.thermal_button.clicked.connect(self.print_thermal)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.thermal_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addLayout(buttons)

    @property
    def labels(self) -> list[LabelData]:
        return self._labels[:1] * self.copies.value() if self.one_product else self._labels

    def _limit_start(self) -> None:
        self.start.setRange(1, GRIDS[self.grid.currentData()].per_sheet)

    def pdf_path(self) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        return documents_dir("Tem") / f"tem-{self.file_stem}-{stamp}.pdf"

    def make_pdf(self) -> None:
        self.printer.write_label_pdf(
            self.labels, self.pdf_path(), self.grid.currentData(), self.start.value()
        )
        self.accept()

    def print_thermal(self) -> None:
        self.printer.print_labels(self.labels)
        self.accept()
