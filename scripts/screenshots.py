"""Grab every screen of the app on the demo showroom to PNG files, offscreen, so a developer
can look at what users see: `make screenshots` (three screen sizes and 1366×768 at 125 %,
Vietnamese and English)."""

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from screen_tour import screen_config, tour  # noqa: E402


def main(out: Path, language: str, size: tuple[int, int]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    prefix = f"{language}-{size[0]}x{size[1]}"

    def save(widget, name: str) -> None:
        path = out / f"{prefix}-{name}.png"
        widget.grab().save(str(path))
        print(path)

    with tempfile.TemporaryDirectory() as tmp:
        tour(Path(tmp), language, save, lambda paper: paper.save(out / f"{language}-z-report.png"))


if __name__ == "__main__":
    # SCREEN=1024x768: the screen imitated (logical pixels; 1366×768 at 125 % is 1093x614)
    width, height = (int(n) for n in os.environ.get("SCREEN", "1366x768").split("x"))
    if "QT_QPA_PLATFORM" not in os.environ:
        config = Path(tempfile.gettempdir()) / f"ocop-screen-{width}x{height}.json"
        os.environ["QT_QPA_PLATFORM"] = screen_config(config, width, height)
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    main(out, os.environ.get("LANG_UI", "vi"), (width, height))
