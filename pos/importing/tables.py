"""Reading a CSV (UTF-8, with or without BOM) or XLSX file into numbered rows of cells."""

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from pos.errors import ImportRejected, RowProblem
from pos.fields import cell_text


@dataclass(frozen=True)
class TableFile:
    label: str
    headers: tuple[str, ...]
    rows: list[tuple[int, dict[str, object]]]  # (line number as a spreadsheet shows it, cells)


def read_table(path: str | Path) -> TableFile:
    path = Path(path)
    label = path.name
    if not path.is_file():
        raise ImportRejected(label, [RowProblem(0, f"không tìm thấy file {path}")])
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        raw_rows = _xlsx_rows(path, label)
    elif suffix in (".csv", ".txt"):
        raw_rows = _csv_rows(path, label)
    else:
        raise ImportRejected(label, [RowProblem(0, "chỉ nhận file .csv hoặc .xlsx")])
    numbered = [(n, row) for n, row in enumerate(raw_rows, start=1) if any(map(cell_text, row))]
    if not numbered:
        raise ImportRejected(label, [RowProblem(1, "file trống: cần dòng tiêu đề và dữ liệu")])
    (_, header_cells), data = numbered[0], numbered[1:]
    headers = tuple(cell_text(h).casefold().lstrip("\ufeff") for h in header_cells)
    rows = [(n, dict(zip(headers, cells, strict=False))) for n, cells in data]
    return TableFile(label, headers, rows)


def _csv_rows(path: Path, label: str) -> list[list[object]]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportRejected(
            label,
            [RowProblem(line, "file không phải UTF-8: hãy lưu lại dạng 'CSV UTF-8' rồi nhập lại")],
        ) from None
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _xlsx_rows(path: Path, label: str) -> list[list[object]]:
    import openpyxl  # only XLSX imports pay for loading it

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as error:
        raise ImportRejected(
            label, [RowProblem(0, f"không đọc được file Excel ({error.__class__.__name__})")]
        ) from None
    try:
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def require_columns(table: TableFile, required: tuple[str, ...]) -> None:
    missing = [column for column in required if column not in table.headers]
    if missing:
        raise ImportRejected(table.label, [RowProblem(1, f"thiếu cột: {', '.join(missing)}")])
