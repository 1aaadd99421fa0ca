"""The layers' walls, read from the source: what each folder may import. The domain (the
top-level pos modules and pos.documents) is below everything; printing lays out domain data;
storage knows nothing above it; services hold the rules; importing and the command line sit
on the services; the window (ui) talks to services, never to SQLite. ui.launcher, the
ocop-pos script, is the one place above both pos.cli and the window."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# SQL as this code base writes it (keywords in capitals), not a sentence such as "Select a lot".
SQL = re.compile(
    r"\bPRAGMA\b|\bSELECT\b.*\bFROM\b|\bINSERT INTO\b|\bUPDATE\b.*\bSET\b|\bDELETE FROM\b"
)


def _imports(path: Path) -> list[tuple[int, str]]:
    module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = module.rsplit(".", node.level)[0] + "." if node.level else ""
            source = (base + (node.module or "")).rstrip(".")
            found.append((node.lineno, source))  # and each name: `from pos import storage`
            found += [(node.lineno, f"{source}.{alias.name}") for alias in node.names]
    return found


def _files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def _breaches(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for path in _files(folder)
        for line, name in _imports(path)
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    ]


WALLS = {
    "pos": ("PySide6", "ui"),
    "pos/printing": ("pos.services", "pos.storage", "pos.importing", "pos.cli"),
    "pos/documents": ("pos.services", "pos.storage", "pos.importing", "pos.printing"),
    "pos/storage": ("pos.services", "pos.printing", "pos.importing"),
    "pos/services": ("pos.importing", "pos.cli", "pos.einvoicing"),
    "pos/einvoicing": ("pos.storage", "pos.importing", "pos.printing", "pos.cli"),
    "ui": ("sqlite3", "pos.storage"),
}


@pytest.mark.parametrize("folder", sorted(WALLS))
def test_each_layer_imports_only_what_is_below_it(folder):
    assert _breaches(folder, WALLS[folder]) == []


def test_the_window_never_owns_a_transaction_or_talks_sql():
    """Transactions are the services' (one service, one transaction); PRAGMAs are storage's."""
    breaches = []
    for path in _files("ui"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("atomic", "execute", "conn"):
                breaches.append(f"{path.relative_to(ROOT)}:{node.lineno} .{node.attr}")
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if SQL.search(node.value):
                    breaches.append(f"{path.relative_to(ROOT)}:{node.lineno} SQL text")
    assert breaches == []


def test_the_walls_are_read_from_real_imports():
    """The reader itself finds imports (a wall test that reads nothing passes everything)."""
    names = {name for _, name in _imports(ROOT / "ui" / "launcher.py")}
    assert "pos.cli" in names and "ui.app" in names
    assert any(_imports(path) for path in _files("pos/printing"))
    assert SQL.search("PRAGMA wal_checkpoint") and SQL.search("SELECT value FROM settings")
    assert not SQL.search("Select a lot in the list first.")
