"""X and Z reports, and the refund slip, laid out as blocks (pure)."""

from pos.clock import display_time
from pos.documents.refund import REASONS, RefundSlip
from pos.documents.shift_report import DENOMINATIONS, ShiftReport
from pos.money import format_vnd
from pos.printing.blocks import Block, QrCode, Row, Rule, Text
from pos.printing.receipt import METHOD_LABELS, money


def _minus(amount: int) -> str:
    return f"-{money(amount)}" if amount else "0"


def layout_shift_report(report: ShiftReport, showroom: str) -> list[Block]:
    f = report.figures
    title = "BÁO CÁO CUỐI CA (Z)" if report.kind == "Z" else "BÁO CÁO GIỮA CA (X)"
    blocks: list[Block] = [
        Text(showroom, "center", bold=True),
        Text(title, "center", bold=True, size="large"),
    ]
    if report.number:
        blocks.append(Text(f"Số: {report.number}", "center"))
    blocks += [
        Row(f"Quầy: {f.terminal_code}", f"Thu ngân: {f.cashier}"),
        Row("Mở ca", display_time(f.opened_at)),
        Row("In lúc", display_time(report.created_at)),
        Rule(),
        Row(f"Bán hàng ({f.sales_count} hóa đơn)", money(f.gross_vnd)),
        Row("Giảm giá", _minus(f.discount_vnd)),
        Row("Doanh thu", money(f.net_sales_vnd), bold=True),
        Row(f"Trả hàng ({f.refunds_count} phiếu)", _minus(f.refunds_vnd)),
        Rule(),
        Text("Theo hình thức thanh toán", bold=True),
    ]
    for method in ("cash", "bank", "card"):
        blocks.append(Row(METHOD_LABELS[method], money(f.sales_by_method.get(method, 0)), indent=2))
        if f.refunds_by_method.get(method):
            blocks.append(Row("trả lại", _minus(f.refunds_by_method[method]), indent=4))
    blocks += [
        Rule(),
        Text("Tiền mặt trong két", bold=True),
        Row("Tiền đầu ca", money(f.opening_float_vnd), indent=2),
        Row("Thu vào", money(f.cash_in_vnd), indent=2),
        Row("Chi ra", _minus(f.cash_out_vnd), indent=2),
        Row("Phải có", money(f.expected("cash")), bold=True, indent=2),
    ]
    if report.kind == "Z":
        blocks += [Rule(), Text("Kiểm đếm", bold=True)]
        for value in DENOMINATIONS:
            if report.cash_count.get(value):
                count = report.cash_count[value]
                blocks.append(Row(f"{money(value)} x {count}", money(value * count), indent=2))
        for method in ("cash", "bank", "card"):
            difference = report.difference(method)
            sign = "+" if difference > 0 else ""
            blocks.append(
                Row(
                    f"{METHOD_LABELS[method]}: đếm / phải có",
                    f"{money(report.counted.get(method, 0))} / {money(f.expected(method))}",
                    indent=2,
                )
            )
            blocks.append(
                Row("chênh lệch", f"{sign}{money(difference)}", bold=bool(difference), indent=4)
            )
    blocks += [Rule(), Text("Theo chủ thể", bold=True)]
    for producer in f.by_producer:
        blocks.append(
            Row(producer.code, money(producer.sales_vnd - producer.refunds_vnd), indent=2)
        )
    blocks += [
        Rule(),
        Row("Lần quản lý duyệt", str(f.approvals)),
        Row("Mở két không bán", str(f.drawer_opens)),
    ]
    if f.einvoices_issued or f.einvoices_unsent:
        blocks += [
            Row("Hóa đơn điện tử đã cấp số", str(f.einvoices_issued)),
            Row("HĐĐT chưa gửi được", str(f.einvoices_unsent), bold=bool(f.einvoices_unsent)),
        ]
        if f.einvoices_refused:
            blocks.append(Row("trong đó bị từ chối", str(f.einvoices_refused), bold=True, indent=2))
    if report.kind == "Z":
        blocks += [Text(" "), Row("Thu ngân ký", "Quản lý ký")]
    if report.journal_head:  # kept on paper: check --anchor proves the books against it
        blocks += [
            Rule(),
            Text(f"Mốc sổ nhật ký: {report.journal_head}", "center"),
            QrCode(report.journal_head),
        ]
    return blocks


def layout_refund_slip(slip: RefundSlip) -> list[Block]:
    blocks: list[Block] = [
        Text(slip.showroom, "center", bold=True),
        Text("PHIẾU TRẢ HÀNG", "center", bold=True, size="large"),
        Row(f"Số: {slip.number}", display_time(slip.refunded_at)),
        Row("Hóa đơn gốc", slip.sale_number),
        Row("Lý do", REASONS[slip.reason_code]),
        Rule(),
    ]
    for name, qty, net in slip.lines:
        blocks += [Text(name, bold=True), Row(f"Trả {qty}", f"-{money(net)}", indent=2)]
    blocks += [
        Rule(),
        Row(f"Hoàn tiền ({METHOD_LABELS[slip.method]})", format_vnd(slip.total_vnd), bold=True),
        Row("Thu ngân", slip.cashier),
    ]
    if slip.approved_by:
        blocks.append(Row("Quản lý duyệt", slip.approved_by))
    blocks += [Text(" "), Row("Khách ký nhận", "")]
    return blocks
