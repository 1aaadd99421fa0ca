"""The pieces a receipt or slip is laid out in, independent of the printer: the same blocks
render to a 1-bit raster for any ESC/POS printer, to a screen preview, and to plain text
(golden files)."""

import textwrap
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    text: str
    align: str = "left"  # left | center | right
    bold: bool = False
    size: str = "normal"  # small | normal | large
    indent: int = 0


@dataclass(frozen=True)
class Row:
    """A label on the left and an amount on the right of the same line."""

    left: str
    right: str
    bold: bool = False
    size: str = "normal"
    indent: int = 0


@dataclass(frozen=True)
class Rule:
    pass


@dataclass(frozen=True)
class QrCode:
    payload: str


Block = Text | Row | Rule | QrCode


def wrap_words(text: str, measure: Callable[[str], float], width: float) -> list[str]:
    """Lines of whole words no wider than ``width`` as ``measure`` sees them (a word wider
    than the line stands alone on its line)."""
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if measure(candidate) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    lines.append(current)
    return lines


def _width(text: str) -> int:
    return sum(1 for ch in unicodedata.normalize("NFC", text) if not unicodedata.combining(ch))


def as_text(blocks: list[Block], columns: int = 42) -> str:
    """A monospace picture of the layout: what golden-file tests compare."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Rule):
            lines.append("-" * columns)
        elif isinstance(block, QrCode):
            lines.append(f"[QR {block.payload}]".center(columns).rstrip())
        elif isinstance(block, Row):
            left = " " * block.indent + block.left
            gap = max(1, columns - _width(left) - _width(block.right))
            if _width(left) + 1 + _width(block.right) > columns:
                lines.extend(textwrap.wrap(left, columns))
                lines.append(block.right.rjust(columns))
            else:
                lines.append(left + " " * gap + block.right)
        else:
            text = block.text.upper() if block.size == "large" else block.text
            for part in textwrap.wrap(text, columns - block.indent) or [""]:
                part = " " * block.indent + part
                if block.align == "center":
                    pad = (columns - _width(part)) // 2
                    part = " " * pad + part
                elif block.align == "right":
                    part = " " * (columns - _width(part)) + part
                lines.append(part.rstrip())
    return "\n".join(lines) + "\n"
