"""Every page and dialog fits the shop's screen: 1024×768, 1366×768, 1920×1080 and
1366×768 at Windows' 125 % (1093×614 logical pixels). Each size is a screen of its own for
the offscreen platform, so each runs the tour (scripts/screen_tour.py) in a process of its
own and reports what lies outside the available area or cuts the widest product name."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SIZES = [
    (1024, 768, "vi"),
    (1024, 768, "en"),
    (1366, 768, "vi"),
    (1093, 614, "vi"),
    (1920, 1080, "vi"),
]


@pytest.mark.parametrize(("width", "height", "language"), SIZES)
def test_every_screen_fits_and_the_cart_shows_the_widest_name(width, height, language):
    environment = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "screen_fit.py"), str(width), str(height)],
        env=environment | {"LANG_UI": language},
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert json.loads(run.stdout) == []
