"""The goods receipt note and the producer return note as A4 PDFs in Vietnamese: both parties,
a table of lines (product, lot, dates, quantity, value) whose header repeats on every page,
the total in figures and in words, and the two signatures."""

import io
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from pos.clock import display_date
from pos.documents.stock_note import GOODS_RECEIPT, StockNote
from pos.files import write_whole
from pos.money import format_vnd
from pos.printing.pdf_fonts import FONT
from pos.printing.pdf_layout import (
    CONTENT_WIDTH,
    build_a4_pdf,
    grid_table,
    money,
    signature_block,
    styles,
)

COLUMNS = (
    "STT",
    "Mã hàng",
    "Tên hàng",
    "ĐVT",
    "Số lô",
    "Ngày SX",
    "Hạn SD",
    "Số lượng",
    "Đơn giá (₫)",
    "Thành tiền (₫)",
)
WIDTHS = [w * mm for w in (8.5, 24.5, 40.5, 10, 18.5, 16.5, 16.5, 10.5, 16, 20.5)]  # 182 mm
NUMERIC_FROM = 7  # quantity, price, value
FONT_SIZE = 7.5
PADDING = 3  # points each side of a cell
CODE_SIZE = 7  # SKUs, lot codes and dates: one line each


def _code(text: str, column: int) -> Paragraph:
    """A SKU or lot code on one line, a little smaller if need be; a very long one wraps."""
    room = WIDTHS[column] - 2 * PADDING
    size = min(CODE_SIZE, CODE_SIZE * room / max(stringWidth(text, FONT, CODE_SIZE), 1) * 0.95)
    size = max(size, CODE_SIZE * 0.75)
    style = ParagraphStyle("code", fontName=FONT, fontSize=size, leading=9)
    return Paragraph(escape(text), style)


def _texts(note: StockNote) -> dict[str, str]:
    if note.kind == GOODS_RECEIPT:
        return {
            "title": "PHIẾU NHẬP KHO HÀNG KÝ GỬI",
            "date": "Ngày nhập",
            "producer_side": "BÊN GIAO HÀNG (BÊN KÝ GỬI)",
            "showroom_side": "BÊN NHẬN HÀNG (CỬA HÀNG)",
            "lead": "Cửa hàng đã nhận của bên ký gửi số hàng dưới đây. Hàng ký gửi thuộc "
            "sở hữu của bên ký gửi cho đến khi bán.",
            "note": "Ghi chú",
            "producer_sign": "Người giao hàng (bên ký gửi)",
            "showroom_sign": "Người nhận hàng (cửa hàng)",
            "file_title": "Phiếu nhập kho",
        }
    return {
        "title": "PHIẾU XUẤT TRẢ HÀNG KÝ GỬI",
        "date": "Ngày xuất trả",
        "producer_side": "BÊN NHẬN LẠI HÀNG (BÊN KÝ GỬI)",
        "showroom_side": "BÊN XUẤT TRẢ (CỬA HÀNG)",
        "lead": "Cửa hàng đã trả lại bên ký gửi số hàng ký gửi dưới đây.",
        "note": "Lý do trả hàng",
        "producer_sign": "Người nhận lại hàng (bên ký gửi)",
        "showroom_sign": "Người xuất trả (cửa hàng)",
        "file_title": "Phiếu xuất trả",
    }


def _party(heading: str, name: str, lines: list[str], style: ParagraphStyle) -> Paragraph:
    body = "<br/>".join(escape(line) for line in lines if line)
    return Paragraph(
        f"<font size=7.5>{heading}</font><br/><b>{escape(name)}</b>"
        + (f"<br/>{body}" if body else ""),
        style,
    )


def stock_note_story(note: StockNote) -> list:
    s = styles()
    t = _texts(note)
    p = note.producer
    producer_lines = [
        f"Mã: {p.code} · {p.kind_label}" + (f" · {p.province}" if p.province else ""),
        f"Điện thoại: {p.phone}" if p.phone else "",
        f"Mã số thuế: {p.tax_code}" if p.tax_code else "",
    ]
    showroom_lines = [
        note.showroom_address,
        f"Điện thoại: {note.showroom_phone}" if note.showroom_phone else "",
        f"Mã số thuế: {note.showroom_tax_code}" if note.showroom_tax_code else "",
    ]
    parties = Table(
        [
            [
                _party(t["producer_side"], p.name, producer_lines, s["base"]),
                _party(t["showroom_side"], note.showroom_name, showroom_lines, s["base"]),
            ]
        ],
        colWidths=[CONTENT_WIDTH / 2] * 2,
    )
    parties.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOX", (0, 0), (0, 0), 0.3, "#9aa5a0"),
                ("BOX", (1, 0), (1, 0), 0.3, "#9aa5a0"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    rows: list[list] = [list(COLUMNS)]
    for line in note.lines:
        rows.append(
            [
                str(line.line_no),
                _code(line.sku, 1),
                line.product_name,
                line.unit,
                _code(line.lot_code, 4),
                display_date(line.production_date),
                display_date(line.expiry_date),
                money(line.qty),
                money(line.unit_price_vnd),
                money(line.value_vnd),
            ]
        )
    rows.append(
        [
            "Cộng",
            *[""] * (NUMERIC_FROM - 1),
            money(note.total_qty),
            "",
            money(note.total_value_vnd),
        ]
    )
    table = grid_table(
        rows,
        WIDTHS,
        numeric_from=NUMERIC_FROM,
        totals=True,
        padding=PADDING,
        font_size=FONT_SIZE,
        wrapped=(2, 3),
    )
    table.setStyle(
        TableStyle(
            [
                ("ALIGN", (0, 1), (0, -2), "CENTER"),  # line numbers
                ("ALIGN", (5, 1), (6, -1), "CENTER"),  # dates
                ("FONTSIZE", (5, 1), (6, -2), CODE_SIZE),
                ("SPAN", (0, -1), (NUMERIC_FROM - 1, -1)),
            ]
        )
    )
    total_style = ParagraphStyle("total", parent=s["base"], fontSize=9, leading=12.5)
    story = [
        Paragraph(t["title"], s["title"]),
        Paragraph(
            f"Số: <b>{escape(note.number)}</b> · {t['date']}: {display_date(note.date)}",
            s["center"],
        ),
        Spacer(1, 5 * mm),
        parties,
        Spacer(1, 3 * mm),
    ]
    if note.note or note.kind != GOODS_RECEIPT:
        story.append(Paragraph(f"<b>{t['note']}:</b> {escape(note.note)}", s["base"]))
    story += [
        Paragraph(t["lead"], s["base"]),
        Spacer(1, 2 * mm),
        table,
        Spacer(1, 3 * mm),
        KeepTogether(
            [
                Paragraph(
                    f"Tổng số lượng: <b>{money(note.total_qty)}</b> · "
                    f"Tổng giá trị: <b>{format_vnd(note.total_value_vnd)}</b>",
                    total_style,
                ),
                Paragraph(
                    f"Bằng chữ: {vnd_in_words(note.total_value_vnd)}.",
                    total_style,
                ),
                Paragraph(
                    "Đơn giá là giá bán lẻ niêm yết của cửa hàng. "
                    "Mỗi bên giữ một bản có đủ chữ ký.",
                    s["small"],
                ),
                Spacer(1, 8 * mm),
                signature_block((t["producer_sign"], t["showroom_sign"]), space=24 * mm),
            ]
        ),
    ]
    return story


def stock_note_pdf_bytes(note: StockNote) -> bytes:
    buffer = io.BytesIO()
    build_a4_pdf(
        stock_note_story(note),
        buffer,
        title=f"{_texts(note)['file_title']} {note.number}",
        footer=f"{note.number} · {note.producer.name}",
    )
    return buffer.getvalue()


def write_stock_note_pdf(note: StockNote, path: Path | str) -> None:
    pdf = stock_note_pdf_bytes(note)
    write_whole(Path(path), lambda temp: temp.write_bytes(pdf))


# ---- amounts in words, as Vietnamese documents write them ----

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def _hundreds(n: int, inner: bool) -> list[str]:
    """0 < n < 1000; ``inner`` when a higher group precedes it (so '0 trăm', 'linh' are read)."""
    h, t, u = n // 100, n // 10 % 10, n % 10
    words = [_DIGITS[h], "trăm"] if h or inner else []
    if t == 0:
        if u and words:
            words.append("linh")
    elif t == 1:
        words.append("mười")
    else:
        words += [_DIGITS[t], "mươi"]
    if u == 1 and t >= 2:
        words.append("mốt")
    elif u == 5 and t >= 1:
        words.append("lăm")
    elif u == 4 and t >= 2:
        words.append("tư")
    elif u:
        words.append(_DIGITS[u])
    return words


def _number_words(n: int, inner: bool = False) -> list[str]:
    if n >= 1_000_000_000:
        high, low = divmod(n, 1_000_000_000)
        return _number_words(high, inner) + ["tỷ"] + (_number_words(low, True) if low else [])
    words: list[str] = []
    for scale, name in ((1_000_000, "triệu"), (1_000, "nghìn"), (1, "")):
        group = n // scale % 1000
        if group:
            words += _hundreds(group, inner) + ([name] if name else [])
            inner = True
    return words


def vnd_in_words(amount: int) -> str:
    """1_250_000 -> 'Một triệu hai trăm năm mươi nghìn đồng'."""
    words = ["âm"] if amount < 0 else []
    words += _number_words(abs(amount)) if amount else ["không"]
    text = " ".join([*words, "đồng"])
    return text[0].upper() + text[1:]
