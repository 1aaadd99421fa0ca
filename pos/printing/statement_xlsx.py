"""The statement's tables as a workbook for the producer's accountant: real numbers, not text.
Text cells that a spreadsheet would run as a formula are written as plain text."""

from pathlib import Path

from pos.exporting import safe_cell, safe_text, workbook_bytes
from pos.files import write_whole
from pos.printing.statement_pdf import (
    SALES_COLUMNS,
    STOCK_COLUMNS,
    StatementDocument,
    sales_values,
    stock_values,
)


def write_statement_xlsx(doc: StatementDocument, path: Path) -> None:
    import openpyxl  # only exports pay for loading it

    f = doc.figures
    book = openpyxl.Workbook()
    stock = book.active
    stock.title = "Ton kho"
    stock.append(list(STOCK_COLUMNS))
    for row in f.stock:
        stock.append([safe_cell(value) for value in stock_values(row)])
    sales = book.create_sheet("Doanh so")
    sales.append(list(SALES_COLUMNS))
    for row in f.sales:
        sales.append([safe_cell(value) for value in sales_values(row)])
    total = book.create_sheet("Tong hop")
    for label, value in (
        ("Số bảng kê", doc.number or "(bản xem trước)"),
        ("Kỳ", f"{f.start:%d/%m/%Y} - {f.end:%d/%m/%Y}"),
        ("Chủ thể", safe_text(doc.producer.name)),
        ("Doanh thu thuần", f.net_vnd),
        ("Hoa hồng", f.commission_vnd),
        ("Phải trả kỳ này", f.owed_vnd),
        ("Còn nợ kỳ trước", doc.previous_balance_vnd),
        ("Đã thanh toán trong kỳ", doc.paid_in_period_vnd),
        ("Còn phải trả", doc.balance_vnd),
    ):
        total.append([label, value])
    for sheet in (stock, sales, total):
        sheet.column_dimensions["B"].width = 40
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, int):
                    cell.number_format = "#,##0"
    data = workbook_bytes(book)
    write_whole(path, lambda temp: temp.write_bytes(data))
