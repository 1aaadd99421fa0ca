"""Does every page and dialog fit one screen? Tours the app (screen_tour) on an imitated
screen and prints, as JSON, every window lying outside the screen's available area, every
window whose layout needs more than that area, a scrolled part wider than its room (cut
at the right, or reached only sideways: forms and pages scroll up and down), and the cart
cutting the widest name.

    python scripts/screen_fit.py 1024 768        # exit 0 and [] when everything fits"""

import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from screen_tour import WIDE_NAME, screen_config, tour  # noqa: E402

CELL_PADDING = 12  # a table cell's margins and focus frame, both sides


def problems_at(width: int, height: int) -> list[str]:
    from PySide6.QtWidgets import QScrollArea, QWidget

    found: list[str] = []

    def measure(widget: QWidget, name: str) -> None:
        window = widget.window()
        available = window.screen().availableGeometry()
        outer = window.frameGeometry()
        if not available.contains(outer):
            found.append(f"{name}: {_box(outer)} outside the screen's {_box(available)}")
        needs = window.minimumSizeHint().expandedTo(window.minimumSize())
        if needs.width() > available.width() or needs.height() > available.height():
            found.append(f"{name}: its layout needs {needs.width()}×{needs.height()}")
        for area in window.findChildren(QScrollArea):
            inner, room = area.widget(), area.viewport().width()
            if area.isVisible() and inner is not None and inner.width() > room:
                found.append(f"{name}: {inner.width() - room} px past the right edge")
        if name == "till":
            found.extend(_cut_names(window.pages["sell"].cart_table))

    with tempfile.TemporaryDirectory() as folder:
        tour(Path(folder), os.environ.get("LANG_UI", "vi"), measure)
    return found


def _cut_names(table) -> list[str]:
    model, metrics = table.model(), table.fontMetrics()
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            text = model.index(row, column).data()
            if text == WIDE_NAME:
                room = table.columnWidth(column)
                needed = metrics.horizontalAdvance(text) + CELL_PADDING
                return [] if needed <= room else [f"till: '{text}' needs {needed} px, has {room}"]
    return [f"till: '{WIDE_NAME}' is not in the cart"]


def _box(rect) -> str:
    return f"{rect.width()}×{rect.height()} at ({rect.x()}, {rect.y()})"


if __name__ == "__main__":
    width, height = int(sys.argv[1]), int(sys.argv[2])
    config = Path(tempfile.gettempdir()) / f"ocop-fit-{os.getpid()}.json"
    os.environ["QT_QPA_PLATFORM"] = screen_config(config, width, height)
    try:
        print(json.dumps(problems_at(width, height), ensure_ascii=False, indent=1))
    finally:
        config.unlink()
