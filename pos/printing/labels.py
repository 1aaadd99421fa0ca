"""Shelf and product labels: A4 sheets as PDF (reportlab, bundled font) and thermal labels as
a raster for ESC/POS. A label carries name, price, EAN-13, OCOP stars, producer short name,
and the expiry date when the product tracks expiry."""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PIL import Image, ImageDraw
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode import eanbc
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from pos.catalog import OCOP_RATINGS
from pos.documents.label import LabelData
from pos.errors import ValidationError
from pos.files import write_whole
from pos.money import format_vnd
from pos.printing.blocks import wrap_words
from pos.printing.pdf_fonts import FONT, FONT_BOLD, register_pdf_fonts
from pos.printing.raster import font


@dataclass(frozen=True)
class SheetGrid:
    """A label sheet: columns x rows on A4, with the sheet's own margins and gaps."""

    columns: int
    rows: int
    margin_left_mm: float
    margin_top_mm: float
    gap_x_mm: float = 0
    gap_y_mm: float = 0

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    def label_size_mm(self) -> tuple[float, float]:
        width = (210 - 2 * self.margin_left_mm - (self.columns - 1) * self.gap_x_mm) / self.columns
        height = (297 - 2 * self.margin_top_mm - (self.rows - 1) * self.gap_y_mm) / self.rows
        return width, height


# The common sheets sold in Vietnam (Tomy, Decal A4): 3 x 8 = 70 x 37 mm, 5 x 13 = 38 x 21 mm.
GRIDS = {
    "3x8": SheetGrid(3, 8, 0, 0.5),
    "3x7": SheetGrid(3, 7, 0, 15.15, 0, 0),
    "4x10": SheetGrid(4, 10, 9.5, 13.5, 2.5, 0),
    "5x13": SheetGrid(5, 13, 4.75, 10.7, 2.5, 0),
}


def expiry_text(label: LabelData) -> str:
    return f"HSD: {date.fromisoformat(label.expiry_date):%d/%m/%Y}" if label.expiry_date else ""


def label_lines(label: LabelData) -> tuple[str, str, str]:
    """The three lines of text besides the name and the barcode."""
    origin = f"{label.producer} · OCOP {OCOP_RATINGS[label.ocop_rating]}"
    return format_vnd(label.price_vnd), origin, expiry_text(label)


def write_label_sheets(labels: list[LabelData], path: Path, grid: str = "3x8", start: int = 1):
    """A4 pages of labels; ``start`` skips the positions already used on a partly used sheet.
    Returns the number of pages."""
    if grid not in GRIDS:
        raise ValidationError(f"khổ tem '{grid}' không có; chọn {', '.join(GRIDS)}")
    sheet = GRIDS[grid]
    if not 1 <= start <= sheet.per_sheet:
        raise ValidationError(f"vị trí bắt đầu phải từ 1 đến {sheet.per_sheet}")
    if not labels:
        raise ValidationError("không có tem nào để in")
    register_pdf_fonts()
    pages = 1 + (start - 1 + len(labels) - 1) // sheet.per_sheet
    write_whole(Path(path), lambda temp: _draw_sheets(labels, temp, sheet, start))
    return pages


def _draw_sheets(labels: list[LabelData], path: Path, sheet, start: int) -> None:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setTitle("Tem sản phẩm OCOP")
    width_mm, height_mm = sheet.label_size_mm()
    position = start - 1
    for label in labels:
        if position == sheet.per_sheet:
            pdf.showPage()
            position = 0
        row, column = divmod(position, sheet.columns)
        x = (sheet.margin_left_mm + column * (width_mm + sheet.gap_x_mm)) * mm
        top = (297 - sheet.margin_top_mm - row * (height_mm + sheet.gap_y_mm)) * mm
        _draw_label(pdf, label, x, top, width_mm * mm, height_mm * mm)
        position += 1
    pdf.save()


def _fit(pdf: canvas.Canvas, text: str, font_name: str, size: float, width: float) -> float:
    """The largest size up to ``size`` at which ``text`` fits ``width``."""
    while size > 4 and pdf.stringWidth(text, font_name, size) > width:
        size -= 0.25
    return size


def _wrap_two(pdf, text: str, font_name: str, size: float, width: float) -> list[str]:
    lines = wrap_words(text, lambda part: pdf.stringWidth(part, font_name, size), width)
    if len(lines) > 2:  # two lines at most on a label: shorten the second with an ellipsis
        lines = [lines[0], _clip(pdf, " ".join(lines[1:]) + "…", font_name, size, width)]
    return lines


def _draw_label(pdf, label: LabelData, x: float, top: float, width: float, height: float):
    pad = 1.5 * mm
    inner = width - 2 * pad
    small = height < 25 * mm  # 5x13-style labels: name, price and barcode only
    name_size = 6.5 if small else 8.5
    y = top - pad - name_size
    for line in _wrap_two(pdf, label.name, FONT_BOLD, name_size, inner):
        pdf.setFont(FONT_BOLD, name_size)
        pdf.drawString(x + pad, y, line)
        y -= name_size + 1
    price, origin, expiry = label_lines(label)
    price_size = _fit(pdf, price, FONT_BOLD, 8 if small else 12, inner / 2)
    pdf.setFont(FONT_BOLD, price_size)
    pdf.drawString(x + pad, y - price_size + 6, price)
    if not small:
        pdf.setFont(FONT, 6)
        pdf.drawRightString(x + width - pad, y - price_size + 6, expiry)
        pdf.drawString(x + pad, top - height + pad, _clip(pdf, origin, FONT, 6, inner))
    barcode_bottom = top - height + pad + (0 if small else 7)
    barcode_height = max(6 * mm, (y - price_size + 2) - barcode_bottom - 2)
    _draw_barcode(pdf, label.barcode, x + pad, barcode_bottom, inner, barcode_height, small)


def _clip(pdf, text: str, font_name: str, size: float, width: float) -> str:
    while pdf.stringWidth(text, font_name, size) > width and len(text) > 1:
        text = text[:-2] + "…"
    return text


def _draw_barcode(pdf, code: str, x: float, y: float, width: float, height: float, small: bool):
    kind = eanbc.Ean8BarcodeWidget if len(code) == 8 else eanbc.Ean13BarcodeWidget
    widget = kind(code[:-1])
    widget.fontName = FONT
    widget.fontSize = 5 if small else 7
    x0, y0, x1, y1 = widget.getBounds()
    scale_x = min(width / (x1 - x0), 1.6)
    widget.barHeight = max(4 * mm, (height - widget.fontSize - 2) / 1)
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(width, height)
    drawing.add(widget)
    drawing.scale(scale_x, min(1, height / (y1 - y0)))
    offset = x + (width - (x1 - x0) * scale_x) / 2
    renderPDF.draw(drawing, pdf, offset, y)


# ---- thermal labels (ESC/POS raster) ----


def barcode_modules(code: str) -> str:
    """The bars and spaces of an EAN-13 or EAN-8 as '1'/'0' (python-barcode encodes)."""
    import barcode

    return barcode.get("ean8" if len(code) == 8 else "ean13", code[:-1]).build()[0]


def render_thermal_label(label: LabelData, width_px: int = 384, height_px: int = 240):
    """One label as a 1-bit image for a thermal printer loaded with label stock."""
    image = Image.new("L", (width_px, height_px), 255)
    draw = ImageDraw.Draw(image)
    name_face, bold_face, small_face = font(22, True), font(30, True), font(18)
    y = 4
    for line in wrap_words(label.name, name_face.getlength, width_px - 8)[:2]:
        draw.text((4, y), line, font=name_face, fill=0)
        y += 26
    price, origin, expiry = label_lines(label)
    draw.text((4, y), price, font=bold_face, fill=0)
    if expiry:
        draw.text(
            (width_px - 4 - small_face.getlength(expiry), y + 10), expiry, font=small_face, fill=0
        )
    y += 36
    modules = barcode_modules(label.barcode)
    module = max(2, (width_px - 16) // len(modules))
    left = (width_px - module * len(modules)) // 2
    bar_bottom = height_px - 46
    for i, bit in enumerate(modules):
        if bit == "1":
            draw.rectangle((left + i * module, y, left + (i + 1) * module - 1, bar_bottom), fill=0)
    digits = label.barcode
    draw.text(
        ((width_px - small_face.getlength(digits)) / 2, bar_bottom + 2),
        digits,
        font=small_face,
        fill=0,
    )
    draw.text((4, height_px - 22), origin, font=small_face, fill=0)
    return image.point(lambda value: 0 if value < 128 else 255, mode="1")
