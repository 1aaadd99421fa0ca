"""The pieces every A4 paper document shares (settlement statement, goods receipt and return
notes): the bundled Vietnamese font with its bold face, paragraph styles, bordered tables whose
header row repeats on every page, signature blocks, and "Trang 1/3" page numbers."""

from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.fonts import addMapping
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Table, TableStyle

from pos.money import format_vnd
from pos.printing.pdf_fonts import FONT, FONT_BOLD, register_pdf_fonts

MARGIN = 14 * mm
BOTTOM_MARGIN = 14 * mm
CONTENT_WIDTH = A4[0] - 2 * MARGIN  # 182 mm
HEADER_BACKGROUND = colors.HexColor("#e4ece7")
TOTALS_BACKGROUND = colors.HexColor("#f4f7f5")
GRID_COLOR = colors.HexColor("#9aa5a0")

# Compressed streams (pages, images) written as binary, not also ASCII85-encoded: a fifth
# smaller, and no pass of reportlab's pure-Python encoder over them (about 1 ms a page without
# its optional C accelerator). PDF readers see the same pages.
rl_config.useA85 = 0


def register_fonts() -> None:
    """The bundled font, with <b> in a paragraph mapped to its bold face (without the mapping
    reportlab silently prints "bold" text in the regular face)."""
    register_pdf_fonts()
    for bold, italic, face in ((0, 0, FONT), (1, 0, FONT_BOLD), (0, 1, FONT), (1, 1, FONT_BOLD)):
        addMapping(FONT, bold, italic, face)


def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("base", fontName=FONT, fontSize=8.5, leading=11)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5),
        "bold": ParagraphStyle("bold", parent=base, fontName=FONT_BOLD),
        "title": ParagraphStyle(
            "title", parent=base, fontName=FONT_BOLD, fontSize=14, leading=18, alignment=1
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=10,
            leading=14,
            spaceBefore=6,
            spaceAfter=3,
        ),
        "center": ParagraphStyle("center", parent=base, alignment=1),
    }


def money(amount: int) -> str:
    """An amount in a table cell: '1.250.000' (the column header says the unit)."""
    return format_vnd(amount, symbol=False)


def grid_table(
    rows: list[list],
    widths: list[float],
    numeric_from: int,
    totals: bool = False,
    padding: float | None = None,
    font_size: float = 7.5,
    wrapped: tuple[int, ...] = (),
) -> Table:
    """A bordered table; header texts wrap inside their column, the header row repeats on
    every page, columns from ``numeric_from`` on are right-aligned, and with ``totals`` the
    last row is bold. ``padding`` (points) narrows the cells' side padding. The body texts
    of the ``wrapped`` columns (typed by people: no markup) wrap inside their cell, left-aligned
    with the leading of a paragraph. Texts are broken into lines here (cell_text), not left to
    Paragraphs that the table would wrap again at every measure, split and draw."""
    register_fonts()
    head = ParagraphStyle(
        "head", fontName=FONT_BOLD, fontSize=font_size - 0.5, leading=font_size + 1, alignment=1
    )
    side = 2 * (6 if padding is None else padding)  # reportlab's default side padding is 6
    body = slice(1, len(rows) - 1 if totals else len(rows))
    if wrapped:
        cell = ParagraphStyle("cell", fontName=FONT, fontSize=font_size, leading=font_size + 2)
        rows = [list(row) for row in rows]  # the caller's rows stay as they were
        for row in rows[body]:
            for column in wrapped:
                row[column] = cell_text(str(row[column]), widths[column] - side, cell)
    header = [
        Paragraph(text, head)  # markup as given
        if any(mark in text for mark in "&<>")
        else cell_text(text, width - side, head)
        for text, width in zip(map(str, rows[0]), widths, strict=True)
    ]
    table = Table([header, *rows[1:]], colWidths=widths, repeatRows=1)
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, font_size),
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, head.fontSize, head.leading),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
        ("GRID", (0, 0), (-1, -1), 0.3, GRID_COLOR),
        ("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT"),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    if padding is not None:
        style += [
            ("LEFTPADDING", (0, 0), (-1, -1), padding),
            ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ]
    if totals:
        style += [
            ("FONT", (0, -1), (-1, -1), FONT_BOLD, font_size),
            ("BACKGROUND", (0, -1), (-1, -1), TOTALS_BACKGROUND),
        ]
    if body.start < body.stop:
        for column in wrapped:
            style += [
                ("ALIGN", (column, body.start), (column, body.stop - 1), "LEFT"),
                ("LEADING", (column, body.start), (column, body.stop - 1), font_size + 2),
            ]
    style += _numbers_fitted(rows, widths, numeric_from, side, font_size, totals)
    table.setStyle(TableStyle(style))
    return table


def _numbers_fitted(rows, widths, numeric_from, side, font_size, totals) -> list[tuple]:
    """A smaller font for any figure wider than its column (a bold month total of
    '13.112.712' ran into its neighbour): an amount is never cut or wrapped."""
    fitted = []
    for number, row in enumerate(rows[1:], start=1):
        font = FONT_BOLD if totals and number == len(rows) - 1 else FONT
        for column in range(numeric_from, len(row)):
            text, room = row[column], widths[column] - side
            if isinstance(text, str) and "\n" not in text:
                needed = stringWidth(text, font, font_size)
                if needed > room:
                    size = int(font_size * room / needed * 10) / 10
                    fitted.append(("FONTSIZE", (column, number), (column, number), size))
    return fitted


def cell_text(text: str, width: float, style: ParagraphStyle) -> str | Paragraph:
    """``text`` broken into the lines a Paragraph in ``style`` would break it into within
    ``width`` points, as one string: a table draws a string with a few text operators, while a
    Paragraph is parsed, and wrapped again each time the table is measured, split or drawn
    (most of a long statement's time). Text a greedy break at spaces would not lay out exactly
    as the Paragraph does (a word wider than the cell, a line that fits only by squeezing its
    spaces, empty text, other white space, invisible characters or '&<>') stays a Paragraph."""
    if (
        not text
        or not text.isprintable()
        or " ".join(text.split()) != text
        or any(mark in text for mark in "&<>")  # escaped, they become fragments of their own
    ):
        return Paragraph(escape(text), style)
    font, size = style.fontName, style.fontSize
    space = stringWidth(" ", font, size)
    squeeze = style.spaceShrinkage * space  # what a Paragraph may take off each space
    lines, line, used = [], [], -space  # the Paragraph's sums, so the same rounding
    for word in text.split(" "):
        word_width = stringWidth(word, font, size)
        if word_width > width:
            return Paragraph(escape(text), style)  # split inside the word
        wider = used + space + word_width
        if wider <= width:
            line.append(word)
            used = wider
        elif wider <= width + squeeze * len(line):
            return Paragraph(escape(text), style)  # kept on the line with narrower spaces
        else:
            lines.append(" ".join(line))
            line, used = [word], word_width
    lines.append(" ".join(line))
    return "\n".join(lines)


def signature_block(
    roles: tuple[str, ...], hint: str = "(ký, ghi rõ họ tên)", space: float = 0
) -> Table:
    """One column per signer: the role in bold, the hint under it, ``space`` to sign in."""
    s = styles()
    width = CONTENT_WIDTH / len(roles)
    cells = [Paragraph(f"<b>{role}</b><br/>{hint}", s["center"]) for role in roles]
    rows = [cells] + ([[""] * len(roles)] if space else [])
    table = Table(rows, colWidths=[width] * len(roles))
    if space:
        table.setStyle(TableStyle([("BOTTOMPADDING", (0, 1), (-1, 1), space)]))
    return table


def numbered_canvas(footer: str = "") -> type[pdf_canvas.Canvas]:
    """A canvas class that writes "Trang x/y" (and ``footer`` on the left) on every page once
    the total number of pages is known."""

    class NumberedCanvas(pdf_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(FONT, 7.5)
                self.drawRightString(A4[0] - MARGIN, 8 * mm, f"Trang {self._pageNumber}/{total}")
                if footer:
                    self.drawString(
                        MARGIN, 8 * mm, _clip(footer, FONT, 7.5, CONTENT_WIDTH - 30 * mm)
                    )
                super().showPage()
            super().save()

    return NumberedCanvas


NumberedCanvas = numbered_canvas()


def _clip(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut to ``width`` with an ellipsis, for a one-line footer."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def build_a4_pdf(story: list, target: str | Path | BinaryIO, title: str, footer: str = "") -> None:
    """Lay ``story`` out on A4 portrait pages with the shared margins and page numbers. The
    frame has no inner padding, so text and full-width tables line up on the margin."""
    template = BaseDocTemplate(
        str(target) if isinstance(target, (str, Path)) else target,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=title,
        invariant=True,  # no creation time or random id: a reprint is the same bytes
    )
    frame = Frame(
        MARGIN,
        BOTTOM_MARGIN,
        CONTENT_WIDTH,
        A4[1] - MARGIN - BOTTOM_MARGIN,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="normal",
    )
    template.addPageTemplates([PageTemplate(id="a4", frames=[frame])])
    template.build(story, canvasmaker=numbered_canvas(footer) if footer else NumberedCanvas)
