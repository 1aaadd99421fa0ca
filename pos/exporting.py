"""Tables written for a spreadsheet (CSV or XLSX): numbers stay numbers, no text cell can run
as a formula (a product named '=HYPERLINK(...)' stays text), and a file is written whole or
not at all (a temp file in the same folder, renamed over the target)."""

import csv
import os
import secrets
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from pos.errors import PosError

Cell = str | int | date | None

# What Excel and LibreOffice read as the start of a formula (tab and CR too, OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ExportError(PosError):
    """The file could not be written (no folder, no permission, disk full)."""


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
    write_whole(path, lambda temp: book.save(temp))


def write_whole(path: Path, write: Callable[[Path], None]) -> None:
    """Run ``write`` on a temp file beside ``path`` and rename it into place, so a failure
    (disk full, a bad value, a power cut) leaves the previous file, or none, never half a file."""
    path = Path(path)
    if not path.parent.is_dir():
        raise ExportError(f"Không có thư mục {path.parent}: hãy chọn thư mục khác")
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        write(temp)
        with open(temp, "rb+") as written:
            os.fsync(written.fileno())  # on disk before the rename makes it the file
        os.replace(temp, path)
    except PermissionError:
        raise ExportError(
            f"Không ghi được file {path}: file đang mở trong chương trình khác "
            "hoặc không có quyền ghi vào thư mục"
        ) from None
    except OSError as error:
        raise ExportError(f"Không ghi được file {path}: {error.strerror or error}") from None
    finally:
        temp.unlink(missing_ok=True)
