"""Reading a CSV (UTF-8, with or without BOM) or XLSX file into numbered rows of cells."""

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from pos.errors import ImportRejected, RowProblem
from pos.fields import cell_text
from pos.money import format_vnd

# An import is written in one transaction, which a waiting till sale must outlast: at this
# size the longest is about 3 s on a two-core PC (README), well inside SQLite's 5 s wait.
# A showroom's catalog or a fair's sales fit many times over; a bigger file is split.
MAX_IMPORT_ROWS = 20_000


@dataclass(frozen=True)
class TableFile:
    label: str
    headers: tuple[str, ...]
    rows: list[tuple[int, dict[str, object]]]  # (line number as a spreadsheet shows it, cells)


def import_subject(path: str | Path) -> str:
    """What a manager approves when a cashier imports a file: that file."""
    return f"nhập file {Path(path).name}"


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
    (header_line, header_cells), data = numbered[0], numbered[1:]
    if len(data) > MAX_IMPORT_ROWS:
        most = format_vnd(MAX_IMPORT_ROWS, symbol=False)
        raise ImportRejected(
            label,
            [
                RowProblem(
                    data[MAX_IMPORT_ROWS][0],
                    f"file có {format_vnd(len(data), symbol=False)} dòng, một lần nhập tối đa "
                    f"{most} dòng: hãy chia thành nhiều file rồi nhập lần lượt",
                )
            ],
        )
    headers = tuple(cell_text(h).casefold().lstrip("\ufeff") for h in header_cells)
    named = [h for h in headers if h]
    repeated = sorted({h for h in named if named.count(h) > 1})
    if repeated:
        raise ImportRejected(
            label, [RowProblem(header_line, f"cột lặp lại: {', '.join(repeated)}")]
        )
    # A cell past the last heading is data that would be dropped without a word, most often a
    # comma inside an unquoted name that shifted every cell after it.
    problems = [
        RowProblem(
            n, f"có ô ngoài {len(headers)} cột của dòng tiêu đề (ô có dấu phẩy cần ngoặc kép)"
        )
        for n, cells in data
        if any(map(cell_text, cells[len(headers) :]))
    ]
    if problems:
        raise ImportRejected(label, problems)
    rows = [(n, dict(zip(headers, cells, strict=False))) for n, cells in data]
    return TableFile(label, headers, rows)


def _csv_rows(path: Path, label: str) -> list[list[object]]:
    try:
        data = path.read_bytes()
    except OSError:
        raise ImportRejected(
            label, [RowProblem(0, "không đọc được file: không có quyền đọc hoặc file đang bị khóa")]
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportRejected(
            label,
            [RowProblem(line, "file không phải UTF-8: hãy lưu lại dạng 'CSV UTF-8' rồi nhập lại")],
        ) from None
    text = text.replace("\ufeff", "")  # a BOM inside: two files joined into one
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    rows: list[list[object]] = []
    try:
        rows.extend(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error:  # a cell over csv's size limit: most often a quote that is never closed
        raise ImportRejected(
            label, [RowProblem(len(rows) + 1, "ô quá dài: có thể thiếu dấu ngoặc kép đóng")]
        ) from None
    return rows


def _xlsx_rows(path: Path, label: str) -> list[list[object]]:
    import openpyxl  # only XLSX imports pay for loading it

    # A damaged or foreign file fails anywhere inside openpyxl (zip, XML, styles, the sheet
    # read lazily below) with whatever exception that layer has: each is "not a workbook".
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            return [list(row) for row in sheet.iter_rows(values_only=True)]
        finally:
            workbook.close()
    except Exception as error:
        raise ImportRejected(
            label, [RowProblem(0, f"không đọc được file Excel ({error.__class__.__name__})")]
        ) from None


def require_columns(table: TableFile, required: tuple[str, ...]) -> None:
    missing = [column for column in required if column not in table.headers]
    if missing:
        raise ImportRejected(table.label, [RowProblem(1, f"thiếu cột: {', '.join(missing)}")])
