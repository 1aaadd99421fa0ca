"""Blocks to a 1-bit image at the printer's width, drawn with the bundled font, so that
Vietnamese and ₫ print on any ESC/POS printer (few have a working Vietnamese code page)."""

from dataclasses import dataclass
from functools import lru_cache

import qrcode
from PIL import Image, ImageDraw, ImageFont

from pos.paths import FONTS
from pos.printing.blocks import Block, QrCode, Row, Rule, wrap_words

PAPER_DOTS = {58: 384, 80: 576}  # printable dots per line at 203 dpi
MARGIN = 4
LINE_GAP = 4


@dataclass(frozen=True)
class _Sizes:
    small: int
    normal: int
    large: int


_SIZES = {384: _Sizes(17, 20, 26), 576: _Sizes(22, 26, 36)}


@lru_cache(maxsize=16)
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    # Pillow's own layout, never libraqm where the system happens to have it: the same text
    # gives the same dots on every machine (NFC Vietnamese needs no complex shaping).
    return ImageFont.truetype(str(FONTS / name), size, layout_engine=ImageFont.Layout.BASIC)


def _font_for(width_px: int, size: str, bold: bool) -> ImageFont.FreeTypeFont:
    sizes = _SIZES.get(width_px) or _Sizes(*(round(v * width_px / 576) for v in (22, 26, 36)))
    return font(getattr(sizes, size), bold)


def _wrap(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Wrap by measured width; a single word wider than the paper is cut by characters."""
    result = []
    for line in wrap_words(text, face.getlength, width):
        while face.getlength(line) > width and len(line) > 1:
            cut = max(1, int(len(line) * width / face.getlength(line)))
            result.append(line[:cut])
            line = line[cut:]
        result.append(line)
    return result


def _line_height(face: ImageFont.FreeTypeFont) -> int:
    ascent, descent = face.getmetrics()
    return ascent + descent + LINE_GAP


def render(blocks: list[Block], width_px: int = PAPER_DOTS[80]) -> Image.Image:
    """The whole slip as one black-and-white image, width_px wide."""
    strips = [_render_block(block, width_px) for block in blocks]
    height = sum(strip.height for strip in strips) + 2 * MARGIN
    page = Image.new("L", (width_px, height), 255)
    y = MARGIN
    for strip in strips:
        page.paste(strip, (0, y))
        y += strip.height
    return page.point(lambda value: 0 if value < 128 else 255, mode="1")


def _render_block(block: Block, width: int) -> Image.Image:
    usable = width - 2 * MARGIN
    if isinstance(block, Rule):
        strip = Image.new("L", (width, 14), 255)
        ImageDraw.Draw(strip).line((MARGIN, 7, width - MARGIN, 7), fill=0, width=2)
        return strip
    if isinstance(block, QrCode):
        return _qr_strip(block.payload, width)
    if isinstance(block, Row):
        return _row_strip(block, width, usable)
    face = _font_for(width, block.size, block.bold)
    indent = block.indent * face.getlength(" ")
    lines = _wrap(block.text, face, int(usable - indent))
    strip = Image.new("L", (width, _line_height(face) * len(lines)), 255)
    draw = ImageDraw.Draw(strip)
    for i, line in enumerate(lines):
        text_width = face.getlength(line)
        x = {"center": (width - text_width) / 2, "right": width - MARGIN - text_width}.get(
            block.align, MARGIN + indent
        )
        draw.text((x, i * _line_height(face)), line, font=face, fill=0)
    return strip


def _row_strip(row: Row, width: int, usable: int) -> Image.Image:
    face = _font_for(width, row.size, row.bold)
    indent = row.indent * face.getlength(" ")
    right_width = face.getlength(row.right)
    fits = indent + face.getlength(row.left) + face.getlength("  ") + right_width <= usable
    # The amount shares the label's line when both fit, else it goes on a line of its own:
    # amounts always stay whole and right-aligned like a column of figures.
    left_lines = _wrap(row.left, face, int(usable - indent))
    line_height = _line_height(face)
    lines = len(left_lines) if fits else len(left_lines) + 1
    strip = Image.new("L", (width, line_height * lines), 255)
    draw = ImageDraw.Draw(strip)
    for i, line in enumerate(left_lines):
        draw.text((MARGIN + indent, i * line_height), line, font=face, fill=0)
    draw.text(
        (width - MARGIN - right_width, (lines - 1) * line_height), row.right, font=face, fill=0
    )
    return strip


def _qr_strip(payload: str, width: int) -> Image.Image:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=1)
    code.add_data(payload)
    code.make(fit=True)
    modules = len(code.get_matrix())
    box = max(2, int(width * 0.5) // modules)  # whole dots per module keep it scannable
    image = code.make_image(fill_color="black", back_color="white").get_image()
    image = image.convert("L").resize((modules * box, modules * box), Image.NEAREST)
    strip = Image.new("L", (width, image.height + 8), 255)
    strip.paste(image, ((width - image.width) // 2, 4))
    return strip
