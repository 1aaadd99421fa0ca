"""`ocop-pos`'s commands (ui.launcher opens the app window when none is given)."""

import argparse
import sys
import unicodedata
from concurrent.futures import Future
from datetime import date
from pathlib import Path

from pos import cli_einvoice, cli_safety, cli_signing, clock
from pos.clock import display_date
from pos.errors import PosError, ValidationError
from pos.fields import optional_date, whole_number
from pos.money import format_vnd
from pos.paths import SAMPLE_FIXTURES, resolve_db_path
from pos.storage.quick_check import quick_check_started


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ocop-pos", description="OCOP Showroom POS. Không có lệnh: mở cửa sổ bán hàng."
    )
    parser.add_argument("--db", help="file cơ sở dữ liệu (mặc định: thư mục dữ liệu người dùng)")
    commands = parser.add_subparsers(dest="command")
    signed = cli_signing.parent_parser()

    importing = commands.add_parser(
        "import", parents=[signed], help="nhập file CSV/XLSX (tất cả hoặc không)"
    )
    importing.add_argument("kind", choices=["producers", "products", "intake", "sales"])
    importing.add_argument("file", type=Path)
    importing.add_argument(
        "--date", type=date.fromisoformat, help="ngày nhận hàng (intake), YYYY-MM-DD"
    )
    importing.add_argument(
        "--terminal", default="HOICHO", help="mã quầy cho bán hàng hội chợ (sales)"
    )
    importing.add_argument(
        "--only-new",
        action="store_true",
        help="bán hàng hội chợ: bỏ qua các phiếu đã nhập, chỉ nhập phiếu mới (sales)",
    )
    importing.add_argument(
        "--sold-before-stock",
        action="store_true",
        help="bán hàng hội chợ: vẫn nhập các dòng bán trước ngày nhận hàng (sales)",
    )

    stock = commands.add_parser("stock", help="tồn kho theo mặt hàng và lô")
    stock.add_argument("--producer", help="mã chủ thể")
    stock.add_argument("--format", choices=["table", "csv"], default="table")

    labels = commands.add_parser("labels", help="tem sản phẩm khổ A4 (PDF)")
    source = labels.add_mutually_exclusive_group(required=True)
    source.add_argument("--receipt", help="số phiếu nhập: một tem cho mỗi đơn vị nhận")
    source.add_argument("--sku", help="mã hàng")
    labels.add_argument("--copies", type=int, default=1, help="số tem (với --sku)")
    labels.add_argument("--grid", default="3x8", help="khổ tem: 3x8, 3x7, 4x10, 5x13")
    labels.add_argument("--start", type=int, default=1, help="vị trí bắt đầu trên tờ đã dùng")
    labels.add_argument("--out", type=Path, required=True, help="file PDF")

    settle = commands.add_parser(
        "settle", parents=[signed], help="bảng kê quyết toán tháng (PDF + CSV tổng hợp)"
    )
    settle.add_argument("--month", required=True, help="YYYY-MM")
    settle.add_argument("--out", type=Path, required=True, help="thư mục lưu")
    settle.add_argument("--producer", help="chỉ một chủ thể")
    settle.add_argument(
        "--close", action="store_true", help="lập bảng kê chính thức và khóa sổ kỳ này (--user)"
    )

    barcode = commands.add_parser(
        "barcode", parents=[signed], help="cấp mã vạch nội bộ (đầu 20) cho mặt hàng"
    )
    barcode.add_argument("--sku", required=True)

    _add_report_parsers(commands)
    cli_safety.add_parsers(commands, signed)
    cli_einvoice.add_parsers(commands)

    demo = commands.add_parser("demo", help="nạp dữ liệu mẫu vào cơ sở dữ liệu trống")
    demo.add_argument("--fixtures", type=Path, default=SAMPLE_FIXTURES)
    demo.add_argument(
        "--if-empty", action="store_true", help="không báo lỗi nếu đã có dữ liệu (cho make run)"
    )
    demo.add_argument(
        "--plain",
        action="store_true",
        help="chỉ danh mục và phiếu nhập mẫu, không có ba tháng bán hàng đã qua",
    )
    return parser


def _add_report_parsers(commands) -> None:
    # Values are checked by the commands, not argparse, so a mistake is told in Vietnamese.
    output = argparse.ArgumentParser(add_help=False)
    output.add_argument("--format", default="table", help="table (mặc định), csv hoặc xlsx")
    output.add_argument(
        "--out", type=Path, help="file kết quả (csv: không có thì in ra màn hình; xlsx: bắt buộc)"
    )
    dated = argparse.ArgumentParser(add_help=False)
    dated.add_argument(
        "--from",
        dest="date_from",
        help="từ ngày, YYYY-MM-DD hoặc dd/mm/yyyy (mặc định: đầu tháng này)",
    )
    dated.add_argument("--to", dest="date_to", help="đến ngày (mặc định: hôm nay)")

    report = commands.add_parser("report", help="báo cáo doanh số, hàng bán chạy/chậm, tồn kho")
    kinds = report.add_subparsers(dest="report", required=True)
    sales = kinds.add_parser("sales", parents=[dated, output], help="doanh số theo nhóm")
    sales.add_argument(
        "--by",
        default="day",
        help="day, week, month, product, producer, province, region, rating, category",
    )
    top = kinds.add_parser("top", parents=[dated, output], help="mặt hàng bán chạy nhất")
    top.add_argument("--by", default="net", help="net (doanh thu thuần, mặc định) hoặc qty")
    top.add_argument("--limit", default="10", help="số mặt hàng (mặc định 10)")
    slow = kinds.add_parser("slow", parents=[dated, output], help="mặt hàng còn tồn, bán chậm")
    slow.add_argument("--limit", default="20", help="số mặt hàng (mặc định 20)")
    value = kinds.add_parser("stock-value", parents=[output], help="giá trị hàng ký gửi còn tồn")
    value.add_argument("--date", help="tồn đến hết ngày (mặc định: hôm nay)")


def main(argv: list[str] | None = None) -> int:
    """The commands; with none, the app window (ui.launcher, the ``ocop-pos`` script, opens
    it: this layer never loads Qt)."""
    args = build_parser().parse_args(argv)
    if args.command is None:
        print("Mở cửa sổ bán hàng bằng lệnh ocop-pos (không kèm lệnh con).", file=sys.stderr)
        return 2
    return run_command(args)


def app_start(args: argparse.Namespace) -> tuple[Path, Future | None]:
    """The database the app window opens, and its quick check, started on its own thread
    while Qt loads (None for a file not made yet)."""
    path = resolve_db_path(args.db)
    return path, quick_check_started(path) if path.exists() else None


def run_command(args: argparse.Namespace) -> int:
    from pos.storage.database import open_database

    try:
        path = resolve_db_path(args.db)
        if args.command == "check":
            return cli_safety.check(path, args.anchor, args.anchors, args.backups, args.recent)
        if args.command == "backup":
            return cli_safety.backup(path, args.out)
        if args.command == "restore":
            return cli_safety.restore(path, args.file, args.user, args.other_showroom)
        db = open_database(path)
        return COMMANDS[args.command](db, args)
    except PosError as error:
        print(str(error), file=sys.stderr)
        return 2


def _import(db, args) -> int:
    from pos.importing import catalog_files

    actor = cli_signing.signed_in(db, args.user)
    if args.kind == "producers":
        summary = catalog_files.import_producers(db, args.file, actor=actor)
    elif args.kind == "products":
        summary = catalog_files.import_products(db, args.file, actor=actor)
    elif args.kind == "intake":
        summary = catalog_files.import_intake(db, args.file, args.date, actor=actor)
    else:
        from pos.importing.sales_file import import_sales

        summary = import_sales(
            db,
            args.file,
            args.terminal,
            actor=actor,
            only_new=args.only_new,
            before_stock_ok=args.sold_before_stock,
        )
        if summary.skipped:
            print(f"Bỏ qua {summary.skipped} phiếu đã nhập trước đây")
    if summary.documents:
        print(f"Đã nhập {summary.rows} dòng: {_documents(summary.documents)}")
    else:
        print(f"Đã nhập {summary.rows} dòng: {summary.created} mới, {summary.updated} cập nhật")
    return 0


def _documents(numbers: list[str]) -> str:
    """The documents an import posted, each by number, or their range when there are many
    (written together, their numbers follow one another)."""
    if len(numbers) <= 10:
        return f"phiếu {', '.join(numbers)}"
    return f"{len(numbers)} phiếu, từ {numbers[0]} đến {numbers[-1]}"


STOCK_HEADERS = ("producer", "sku", "product", "lot", "expiry", "status", "on_hand")


def _stock(db, args) -> int:
    from pos.services.stock import stock_by_lot

    lots = stock_by_lot(db, args.producer)
    as_csv = args.format == "csv"  # CSV keeps ISO dates for other programs
    rows = [
        (
            lot.producer_code,
            lot.sku,
            lot.product_name,
            lot.lot_code,
            (lot.expiry_date or "") if as_csv else display_date(lot.expiry_date),
            lot.status,
            lot.on_hand,
        )
        for lot in lots
    ]
    if as_csv:
        _csv_to_stdout(STOCK_HEADERS, rows)
    else:
        print(text_table(STOCK_HEADERS, rows))
        total = sum(lot.on_hand for lot in lots)
        print(f"\n{len(lots)} lô, tổng {total} đơn vị")
    return 0


def _demo(db, args) -> int:
    from pos.importing.demo import is_empty, load_demo

    if args.if_empty and not is_empty(db):
        return 0
    if args.plain:
        loaded = load_demo(db, args.fixtures)
        print(
            f"Đã nạp dữ liệu mẫu: {loaded.producers} chủ thể, {loaded.products} mặt hàng, "
            f"phiếu nhập {', '.join(loaded.goods_receipts)}"
        )
        return 0
    print("Đang nạp dữ liệu mẫu: ba tháng bán hàng đã qua…", flush=True)
    past = load_demo(db, args.fixtures, history_until=clock.today()).history
    print(
        f"Đã nạp dữ liệu mẫu từ {display_date(past.first_day.isoformat())}: {past.sales} hóa đơn, "
        f"{past.refunds} phiếu trả hàng, {past.z_reports} báo cáo Z, "
        f"{len(past.goods_receipts)} phiếu nhập, {past.statements} bảng kê; ca hôm nay đang mở"
    )
    return 0


def _labels(db, args) -> int:
    from pos.printing.labels import write_label_sheets
    from pos.services import labels

    if args.receipt:
        items = labels.labels_for_goods_receipt(db, args.receipt)
    else:
        items = labels.labels_for_product(db, args.sku, args.copies)
    pages = write_label_sheets(items, args.out, args.grid, args.start)
    print(f"Đã tạo {len(items)} tem trên {pages} trang: {args.out}")
    return 0


def _barcode(db, args) -> int:
    from pos.services.catalog import find_product_by_code, issue_instore_barcode

    actor = cli_signing.signed_in(db, args.user)
    product = find_product_by_code(db, args.sku)
    if product is None:
        print(f"không có mặt hàng mã {args.sku}", file=sys.stderr)
        return 2
    print(issue_instore_barcode(db, product.id, actor))
    return 0


def _settle(db, args) -> int:
    from pos.services.statements import (
        issue_statements,
        issued_numbers,
        month_bounds,
        write_statements,
    )

    start, end = month_bounds(args.month)
    if args.close:
        issue_statements(db, cli_signing.signed_in(db, args.user), start, end, close=True)
    run = write_statements(db, start, end, args.out, args.producer)
    if args.close:
        kind = "chính thức, đã khóa sổ"
    elif issued_numbers(db, start, end):
        kind = "đã phát hành: in lại đúng như khi phát hành"
    else:
        kind = "bản xem trước"
    print(f"Đã lập {len(run.pdfs)} bảng kê ({kind}) và {run.summary_csv}")
    return 0


REPORT_FORMATS = ("table", "csv", "xlsx")


def _report(db, args) -> int:
    if args.format not in REPORT_FORMATS:
        raise ValidationError(f"định dạng '{args.format}' không có: dùng table, csv hoặc xlsx")
    if args.format == "xlsx" and not args.out:
        raise ValidationError("định dạng xlsx cần --out TÊN_FILE.xlsx")
    if args.format == "table" and args.out:
        raise ValidationError("--out chỉ dùng với --format csv hoặc xlsx")
    title, headers, rows = REPORTS[args.report](db, args)
    if args.format == "table":
        print(title)
        print(text_table(headers, rows))
        return 0
    from pos import exporting

    if args.out is None:
        _csv_to_stdout(headers, rows)
        return 0
    if args.format == "csv":
        exporting.write_csv(args.out, headers, rows)
    else:
        exporting.write_xlsx(args.out, headers, rows)
    print(f"Đã ghi {len(rows)} dòng: {args.out}")
    return 0


def _csv_to_stdout(headers, rows) -> None:
    from pos.exporting import write_csv_rows

    sys.stdout.reconfigure(newline="")  # the CSV writes its own CRLF (Windows would double it)
    write_csv_rows(sys.stdout, headers, rows)


def _dates(args) -> tuple[date, date]:
    today = clock.today()
    start = optional_date(args.date_from, "--from") or today.replace(day=1)
    end = optional_date(args.date_to, "--to") or today
    return start, end


def _range_text(start: date, end: date) -> str:
    return f"{start:%d/%m/%Y} - {end:%d/%m/%Y}"


def _sales_report(db, args) -> tuple:
    from pos.printing import report_tables
    from pos.services import reports

    start, end = _dates(args)
    report = reports.sales_report(db, start, end, args.by)
    grouping = reports.GROUPING_LABELS[args.by]
    title = f"Doanh số theo {grouping[:1].lower()}{grouping[1:]}, {_range_text(start, end)}"
    return title, report_tables.SALES_COLUMNS, report_tables.sales_table(report)


def _top_report(db, args) -> tuple:
    from pos.printing import report_tables
    from pos.services import reports

    start, end = _dates(args)
    limit = whole_number(args.limit, "--limit", minimum=1)
    rows = reports.top_products(db, start, end, limit, args.by)
    title = f"{limit} mặt hàng bán chạy nhất, {_range_text(start, end)}"
    return title, report_tables.SALES_COLUMNS, [report_tables.sales_values(row) for row in rows]


def _slow_report(db, args) -> tuple:
    from pos.printing import report_tables
    from pos.services import reports

    start, end = _dates(args)
    limit = whole_number(args.limit, "--limit", minimum=1)
    movers = reports.slow_movers(db, start, end, limit)
    title = f"Mặt hàng còn tồn bán chậm nhất, {_range_text(start, end)}"
    return title, report_tables.SLOW_COLUMNS, report_tables.slow_table(movers)


def _stock_value_report(db, args) -> tuple:
    from pos.printing import report_tables
    from pos.services import reports

    value = reports.stock_value(db, optional_date(args.date, "--date"))
    title = f"Giá trị hàng ký gửi còn tồn đến hết ngày {value.on:%d/%m/%Y}"
    return title, report_tables.STOCK_VALUE_COLUMNS, report_tables.stock_value_table(value)


REPORTS = {
    "sales": _sales_report,
    "top": _top_report,
    "slow": _slow_report,
    "stock-value": _stock_value_report,
}

COMMANDS = {
    "report": _report,
    "settle": _settle,
    "import": _import,
    "stock": _stock,
    "demo": _demo,
    "labels": _labels,
    "barcode": _barcode,
    "einvoice": cli_einvoice.run,
}


def _width(text: str) -> int:
    """Columns a terminal uses for ``text`` (combining marks take none)."""
    return sum(1 for ch in unicodedata.normalize("NFC", text) if not unicodedata.combining(ch))


def _shown(value) -> str:
    """As a Vietnamese reader expects: 1.250.000, 24/11/2026, nothing for None."""
    if value is None:
        return ""
    if isinstance(value, int):
        return format_vnd(value, symbol=False)
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return str(value)


def text_table(headers: tuple[str, ...], rows: list[tuple]) -> str:
    """A plain aligned table; numbers are grouped and right-aligned."""
    cells = [list(map(str, headers))] + [[_shown(v) for v in row] for row in rows]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(headers))]
    numeric = [
        rows and all(isinstance(row[i], int | None) for row in rows) for i in range(len(headers))
    ]
    lines = []
    for row in cells:
        parts = []
        for i, value in enumerate(row):
            pad = " " * (widths[i] - _width(value))
            parts.append(pad + value if numeric[i] else value + pad)
        lines.append("  ".join(parts).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
