"""The producer's settlement statement as an A4 PDF: readable in Vietnamese (bundled font),
tables whose header rows repeat on every page, "Trang 1/3" page numbers, totals that add up,
a VietQR for the amount owed, and signature blocks."""

from datetime import date
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

import qrcode
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from pos.documents.statement import (
    SalesRow,
    StatementDocument,
    StockRow,
)
from pos.files import write_whole
from pos.money import format_vnd
from pos.printing.pdf_layout import (
    build_a4_pdf,
    grid_table,
    money,
    signature_block,
    styles,
)

# Eleven columns on A4: narrow side padding keeps 'Khách trả' and long SKUs from breaking.
NARROW_PADDING = 2

# The statement's two tables, shared by the PDF and the XLSX.
STOCK_COLUMNS = (
    "Mã hàng",
    "Sản phẩm",
    "Lô",
    "HSD",
    "Đầu kỳ",
    "Nhận",
    "Bán",
    "Khách trả",
    "Trả NSX",
    "Điều chỉnh",
    "Cuối kỳ",
)
SALES_COLUMNS = (
    "Mã hàng",
    "Sản phẩm",
    "SL bán",
    "SL khách trả",
    "Tiền hàng",
    "Giảm giá",
    "Khách trả",
    "Doanh thu thuần",
    "Mức HH",
    "Hoa hồng",
    "Phải trả NSX",
)


def stock_values(row: StockRow) -> tuple:
    return (
        row.sku,
        row.product_name,
        row.lot_code,
        row.expiry_date or "",
        row.opening,
        row.received,
        row.sold,
        row.refunded,
        row.returned,
        row.adjusted,
        row.closing,
    )


def sales_values(row: SalesRow) -> tuple:
    return (
        row.sku,
        row.product_name,
        row.qty_sold,
        row.qty_refunded,
        row.gross_vnd,
        row.discount_vnd,
        row.refund_vnd,
        row.net_vnd,
        row.commission_terms,
        row.commission_vnd,
        row.due_vnd,
    )


class _Bitmap(Flowable):
    """A picture drawn ``size`` points square, straight from memory: platypus' Image wants a
    file, so the QR went through PNG and back and was embedded as RGB."""

    def __init__(self, image, size: float):
        super().__init__()
        self.image, self.size = image, size

    def wrap(self, available_width, available_height):
        return self.size, self.size

    def draw(self):
        self.canv.drawImage(self.image, 0, 0, self.size, self.size)


def _qr_image(payload: str, size: float) -> Flowable:
    return _Bitmap(_qr_picture(payload), size)


@lru_cache(maxsize=64)  # a month's statements share the journal head's code: made once
def _qr_picture(payload: str) -> ImageReader:
    # Black and white as 8-bit grey: a third of the bytes of RGB to compress, the same page.
    return ImageReader(qrcode.make(payload, border=1).get_image().convert("L"))


def _party_text(party) -> str:
    """Names and addresses are typed by people: '&' or '<' must print, not parse as markup."""
    return f"<b>{escape(party.name)}</b><br/>" + "<br/>".join(escape(line) for line in party.lines)


def statement_story(doc: StatementDocument) -> list:
    s = styles()
    f = doc.figures
    period = f"{f.start:%d/%m/%Y} – {f.end:%d/%m/%Y}"
    title = "BẢNG KÊ QUYẾT TOÁN HÀNG KÝ GỬI" + ("" if doc.number else " (BẢN XEM TRƯỚC)")
    parties = Table(
        [
            [
                Paragraph(_party_text(doc.showroom), s["base"]),
                Paragraph(_party_text(doc.producer), s["base"]),
            ]
        ],
        colWidths=[90 * mm, 92 * mm],
    )
    parties.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story = [
        Paragraph(title, s["title"]),
        Paragraph(
            f"Số: {doc.number or '—'} · Kỳ: {period} · Ngày lập: {doc.issued_on:%d/%m/%Y}",
            s["center"],
        ),
        Spacer(1, 4 * mm),
        parties,
        Paragraph("1. Đối chiếu tồn kho (theo sản phẩm và lô)", s["h2"]),
    ]
    stock_rows = [list(STOCK_COLUMNS)]
    for row in f.stock:
        sku, name, lot, expiry, *counts = stock_values(row)
        stock_rows.append(
            [
                sku,
                name,
                lot,
                _dmy(expiry or None),
                *counts,
            ]
        )
    stock_rows.append(
        [
            "Cộng",
            "",
            "",
            "",
            *(
                sum(getattr(r, c) for r in f.stock)
                for c in (
                    "opening",
                    "received",
                    "sold",
                    "refunded",
                    "returned",
                    "adjusted",
                    "closing",
                )
            ),
        ]
    )
    story.append(
        grid_table(
            stock_rows,
            [24 * mm, 40 * mm, 18 * mm, 18 * mm] + [11.7 * mm] * 7,
            numeric_from=4,
            totals=True,
            padding=NARROW_PADDING,
            wrapped=(0, 1),
        )
    )
    story.append(Paragraph("2. Doanh số, hoa hồng và tiền thanh toán cho chủ thể", s["h2"]))
    sales_rows = [list(SALES_COLUMNS)]
    for row in f.sales:
        sku, name, sold, refunded, *amounts, terms, commission, due = sales_values(row)
        sales_rows.append(
            [
                sku,
                name,
                sold,
                refunded,
                *map(money, amounts),
                terms,
                money(commission),
                money(due),
            ]
        )
    sales_rows.append(
        [
            "Cộng",
            "",
            *(sum(getattr(r, c) for r in f.sales) for c in ("qty_sold", "qty_refunded")),
            *(
                money(sum(getattr(r, c) for r in f.sales))
                for c in ("gross_vnd", "discount_vnd", "refund_vnd")
            ),
            money(f.net_vnd),
            "",
            money(f.commission_vnd),
            money(sum(r.due_vnd for r in f.sales)),  # agreed amounts come below
        ]
    )
    widths = [
        22 * mm,
        30 * mm,
        10 * mm,
        11 * mm,
        18 * mm,
        15 * mm,
        15 * mm,
        18 * mm,
        11 * mm,
        15 * mm,
        17 * mm,
    ]
    story.append(
        grid_table(
            sales_rows,
            widths,
            numeric_from=2,
            totals=True,
            padding=NARROW_PADDING,
            wrapped=(0, 1, 8),
        )
    )
    story.append(Spacer(1, 3 * mm))
    owed = Table(
        [
            [
                Paragraph(
                    f"<b>Số tiền phải thanh toán cho chủ thể: {format_vnd(f.owed_vnd)}</b><br/>"
                    f"= doanh thu thuần {format_vnd(f.net_vnd)} − hoa hồng "
                    f"{format_vnd(f.commission_vnd)}"
                    + "".join(
                        f"<br/>{'+' if amount > 0 else '−'} {format_vnd(abs(amount))}: "
                        f"{escape(reason)} ({_dmy(day)})"
                        for day, reason, amount in f.adjustments
                    )
                    + ("<br/>Quét mã VietQR để chuyển khoản." if doc.vietqr_payload else ""),
                    s["base"],
                ),
                _qr_image(doc.vietqr_payload, 28 * mm) if doc.vietqr_payload else "",
            ]
        ],
        colWidths=[150 * mm, 32 * mm],
    )
    owed.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    story.append(owed)
    if doc.previous_balance_vnd or doc.paid_in_period_vnd:
        story.append(
            grid_table(
                [
                    [
                        "Còn nợ kỳ trước",
                        "Phải trả kỳ này",
                        "Đã thanh toán trong kỳ",
                        "Còn phải trả",
                    ],
                    [
                        money(doc.previous_balance_vnd),
                        money(f.owed_vnd),
                        money(doc.paid_in_period_vnd),
                        money(doc.balance_vnd),
                    ],
                ],
                [45 * mm] * 4,
                numeric_from=0,
                totals=True,
            )
        )
    if doc.expiring:
        story.append(
            Paragraph("3. Lô sắp hết hạn (30 ngày) hoặc bị khóa: đề nghị nhận lại", s["h2"])
        )
        story.append(
            grid_table(
                [
                    ["Mã hàng", "Lô", "HSD / trạng thái", "Tồn"],
                    *[list(item) for item in doc.expiring],
                ],
                [30 * mm, 30 * mm, 40 * mm, 20 * mm],
                numeric_from=3,
            )
        )
    story += [
        Spacer(1, 10 * mm),
        signature_block(("ĐẠI DIỆN CHỦ THỂ", "ĐẠI DIỆN SHOWROOM")),
    ]
    if doc.journal_head:  # kept on paper by both sides: check --anchor proves the books
        story += [
            Spacer(1, 6 * mm),
            Table(
                [[_qr_image(doc.journal_head, 14 * mm), Paragraph(_head_text(doc), s["small"])]],
                colWidths=[17 * mm, None],
                style=[("VALIGN", (0, 0), (-1, -1), "MIDDLE")],
            ),
        ]
    return story


def _head_text(doc: StatementDocument) -> str:
    return (
        f"Mốc sổ nhật ký khi lập bảng kê: <b>{doc.journal_head}</b>. Đối chiếu bằng lệnh "
        f"ocop-pos check --anchor {doc.journal_head}: sổ sách của showroom không thể bị sửa "
        "mà không lộ ra."
    )


def _dmy(iso: str | None) -> str:
    return date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else ""


def write_statement_pdf(doc: StatementDocument, path: Path) -> None:
    story = statement_story(doc)
    title = f"Quyết toán {doc.figures.producer_code}"
    write_whole(path, lambda temp: build_a4_pdf(story, temp, title=title))
