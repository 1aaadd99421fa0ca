"""Shifts: a cashier's session on a terminal. A sale needs an open shift.
(Cash movements, counts and X/Z reports come with shift closing.)"""

from dataclasses import dataclass

from sqlite_utils import Database

from pos.clock import now_iso
from pos.errors import ValidationError
from pos.text import nfc


@dataclass(frozen=True)
class Shift:
    id: int
    terminal_code: str
    cashier: str
    opened_at: str
    opening_float_vnd: int


def ensure_terminal(db: Database, terminal_code: str) -> None:
    db.execute(
        "INSERT OR IGNORE INTO terminals (code, name, created_at) VALUES (?, ?, ?)",
        [terminal_code, f"Quầy {terminal_code}", now_iso()],
    )


def current_shift(db: Database, terminal_code: str) -> Shift | None:
    row = db.execute(
        "SELECT id, terminal_code, cashier, opened_at, opening_float_vnd FROM shifts "
        "WHERE terminal_code = ? AND closed_at IS NULL",
        [terminal_code],
    ).fetchone()
    return Shift(*row) if row else None


def open_shift(
    db: Database,
    terminal_code: str,
    cashier: str,
    opening_float_vnd: int,
    cashier_uuid: str | None = None,
) -> Shift:
    """``cashier``: the display name the Z prints; ``cashier_uuid`` the person signed in
    (the form opens the shift for whoever signed in)."""
    cashier = nfc(cashier)
    if not cashier:
        raise ValidationError("cần tên thu ngân để mở ca")
    if opening_float_vnd < 0:
        raise ValidationError("tiền đầu ca không được âm")
    with db.atomic():
        ensure_terminal(db, terminal_code)
        if current_shift(db, terminal_code) is not None:
            raise ValidationError(f"quầy {terminal_code} đang có ca mở")
        db.execute(
            "INSERT INTO shifts (terminal_code, cashier, opened_at, opening_float_vnd, "
            "cashier_uuid) VALUES (?, ?, ?, ?, ?)",
            [terminal_code, cashier, now_iso(), opening_float_vnd, cashier_uuid],
        )
        return current_shift(db, terminal_code)
