"""Tables written for a spreadsheet (CSV or XLSX): numbers stay numbers, no text cell can run
as a formula (a product named '=HYPERLINK(...)' stays text), and a file is written whole or
not at all (pos/files.py)."""

import csv
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from pos.files import write_whole

Cell = str | int | date | None

# What Excel and LibreOffice read as the start of a formula (tab and CR too, OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: str) -> str:
    """'=HYPERLINK(...)' -> "'=HYPERLINK(...)": the spreadsheet shows it as typed."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def safe_cell(value: Cell) -> Cell:
    return safe_text(value) if isinstance(value, str) else value


def _csv_cell(value: Cell) -> Cell:
    """Dates as ISO text, so other programs read them without guessing the day order."""
    return value.isoformat() if isinstance(value, date) else safe_cell(value)


def write_csv_rows(stream: TextIO, headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> None:
    """RFC 4180 lines (CRLF, so a CR inside a cell is quoted too): open ``stream`` with
    newline='' so the text layer adds no CR of its own."""
    writer = csv.writer(stream)
    writer.writerow([safe_text(header) for header in headers])
    writer.writerows([_csv_cell(value) for value in row] for row in rows)


def write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> None:
    """UTF-8 with a BOM: without it Excel reads Vietnamese as Windows-1252 mojibake."""

    def write(temp: Path) -> None:
        with open(temp, "w", newline="", encoding="utf-8-sig") as handle:
            write_csv_rows(handle, headers, rows)

    write_whole(path, write)


def write_xlsx(
    path: Path, headers: Sequence[str], rows: Iterable[Sequence[Cell]], title: str = "Bao cao"
) -> None:
    import openpyxl  # only exports pay for loading it

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title[:31]  # Excel's limit for a sheet name
    sheet.append([safe_text(header) for header in headers])
    for row in rows:
        sheet.append([safe_cell(value) for value in row])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, int):
                cell.number_format = "#,##0"
            elif isinstance(cell.value, date):
                cell.number_format = "DD/MM/YYYY"
    sheet.freeze_panes = "A2"
    data = workbook_bytes(book)
    write_whole(path, lambda temp: temp.write_bytes(data))


def workbook_bytes(book) -> bytes:
    """The workbook in memory first: openpyxl leaves its zip open when the disk fills."""
    import io

    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
