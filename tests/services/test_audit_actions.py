"""The acts the audit log records are one list (audit.ACTIONS): every code written as a literal
in pos/ is on it, and record() refuses a code that is not, so the few built at run time (cash
in/out, lot blocked/released, imports, sale approvals) fail their own services' tests if one
goes missing: no act escapes the manager's filter by a typo."""

import ast
from pathlib import Path

import pytest

from pos.services import audit

POS = Path(__file__).resolve().parents[2] / "pos"


def _is_mutant(node: ast.AST) -> bool:
    """Under ``make mutants`` the source also holds each function's mutants
    (``x_name__mutmut_3``): not the code's own words."""
    name = getattr(node, "name", None) or ""
    return "__mutmut_" in name and not name.endswith("__mutmut_orig")


def _nodes_as_written(node: ast.AST):
    yield node
    for child in ast.iter_child_nodes(node):
        if not _is_mutant(child):
            yield from _nodes_as_written(child)


def _literal_actions() -> dict[str, str]:
    """Each action written as a literal in an ``audit.record(db, "...", ...)`` call."""
    found = {}
    for path in POS.rglob("*.py"):
        for node in _nodes_as_written(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "record"
                and getattr(node.func.value, "id", "") == "audit"
                and len(node.args) > 1
                and isinstance(node.args[1], ast.Constant)
            ):
                found[node.args[1].value] = f"{path.name}:{node.lineno}"
    return found


def test_every_action_written_in_pos_is_on_the_list():
    written = _literal_actions()
    assert len(written) > 15  # the scan found the calls
    assert {code: where for code, where in written.items() if code not in audit.ACTIONS} == {}


def test_an_unlisted_action_is_refused_and_nothing_is_written(demo_db):
    before = demo_db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    with pytest.raises(ValueError, match="z_rport"):
        audit.record(demo_db, "z_rport", "quanly", {})
    assert demo_db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == before
