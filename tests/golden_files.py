"""Golden files: what a receipt or an image must be, kept in tests/golden/. A missing one
fails the test (a deleted file must not pass); `make golden` writes them anew, to review and
commit."""

import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
REWRITE = "OCOP_WRITE_GOLDEN"  # set by `make golden`


def golden_path(name: str, folder: Path = GOLDEN) -> Path:
    """The golden file's path; with REWRITE set, ``write`` puts the new one there first."""
    path = folder / name
    if not path.exists() and not os.environ.get(REWRITE):
        pytest.fail(f"golden file {path} is missing: run `make golden`, review it, commit it")
    return path


def golden_text(name: str, text: str, folder: Path = GOLDEN) -> str:
    path = golden_path(name, folder)
    if os.environ.get(REWRITE):
        path.write_text(text, encoding="utf-8")
    return path.read_text(encoding="utf-8")
