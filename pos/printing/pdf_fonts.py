"""The bundled font registered with reportlab (its own fonts have no Vietnamese glyphs)."""

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from pos.paths import FONTS

FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"


def register_pdf_fonts() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(FONTS / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONTS / "DejaVuSans-Bold.ttf")))
