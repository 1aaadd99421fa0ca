"""Reports as tables: the columns a manager reads (on screen, CSV, Excel) and each report's
rows in that order."""

from pos.documents.reports import (
    SalesComparison,
    SalesReport,
    SalesReportRow,
    SlowMover,
    StockValue,
)
from pos.money import format_bp

SALES_COLUMNS = (
    "Mã",
    "Tên",
    "SL bán",
    "Doanh số (đ)",
    "SL trả lại",
    "Tiền trả lại (đ)",
    "Doanh thu thuần (đ)",
    "Hoa hồng (đ)",
    "Số hóa đơn",
)


def sales_values(row: SalesReportRow) -> tuple:
    return (
        row.key,
        row.label,
        row.qty_sold,
        row.sales_vnd,
        row.qty_refunded,
        row.refunds_vnd,
        row.net_vnd,
        row.commission_vnd,
        row.receipts,
    )


def sales_table(report: SalesReport) -> list[tuple]:
    """The rows then the total, in SALES_COLUMNS order."""
    return [sales_values(row) for row in report.rows] + [sales_values(report.total)]


SLOW_COLUMNS = (
    "Mã hàng",
    "Tên hàng",
    "Chủ thể",
    "Tồn",
    "SL bán",
    "Bán lần cuối",
    "Số ngày chưa bán",
)


def slow_table(movers: list[SlowMover]) -> list[tuple]:
    return [
        (m.sku, m.name, m.producer_code, m.on_hand, m.qty_sold, m.last_sold_on, m.days_since_sale)
        for m in movers
    ]


STOCK_VALUE_COLUMNS = (
    "Mã chủ thể",
    "Chủ thể",
    "SL tồn",
    "Giá trị bán lẻ (đ)",
    "Hoa hồng (đ)",
    "Giá trị ký gửi (đ)",
)


def stock_value_table(value: StockValue) -> list[tuple]:
    """One row per producer then the total, in STOCK_VALUE_COLUMNS order."""
    rows = [
        (r.code, r.name, r.units, r.retail_vnd, r.commission_vnd, r.cost_vnd) for r in value.rows
    ]
    total = value.retail_vnd - value.cost_vnd
    return rows + [("", "Tổng cộng", value.units, value.retail_vnd, total, value.cost_vnd)]


COMPARE_COLUMNS = (
    "Mã",
    "Tên",
    "Thuần kỳ trước (đ)",
    "Thuần kỳ này (đ)",
    "Chênh lệch (đ)",
    "Thay đổi",
)


def change_text(bp: int | None) -> str:
    """'tăng 25 %' / 'giảm 25,71 %': words, not a sign, so a spreadsheet keeps it as text."""
    if bp is None:
        return ""
    return f"{'giảm' if bp < 0 else 'tăng'} {format_bp(abs(bp))}"


def comparison_table(comparison: SalesComparison) -> list[tuple]:
    """One row per group then the total, in COMPARE_COLUMNS order."""
    return [
        (
            row.key,
            row.label,
            row.earlier.net_vnd,
            row.later.net_vnd,
            row.change_vnd,
            change_text(row.change_bp),
        )
        for row in (*comparison.rows, comparison.total)
    ]
