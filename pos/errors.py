"""Errors a person can act on. Messages are written for a shop manager, in Vietnamese."""

from dataclasses import dataclass


class PosError(Exception):
    """Base of every error a service raises on purpose; str(error) is the message to show."""


class ValidationError(PosError):
    """Input that cannot be accepted as it is (bad price, bad barcode, missing field)."""


class NotFound(PosError):
    """A code, sku or document that does not exist."""


class StockError(PosError):
    """A stock movement that the ledger cannot accept (more than on hand, blocked lot)."""


class DatabaseError(PosError):
    """The database file cannot be opened or used."""


class ImportRejected(PosError):
    """A file import refused as a whole; ``problems`` lists every bad row."""

    def __init__(self, file_label: str, problems: list["RowProblem"]):
        self.problems = problems
        lines = [f"{file_label}: {len(problems)} lỗi, không nhập dòng nào."]
        lines += [str(p) for p in problems]
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class RowProblem:
    """One bad row of an imported file: its line number (as a spreadsheet shows it) and why."""

    line: int
    reason: str

    def __str__(self) -> str:
        return f"  dòng {self.line}: {self.reason}"


class PermissionDenied(PosError):
    """The signed-in person may not do this without a manager's approval."""


class AuthError(PosError):
    """Wrong name, PIN or password, or a locked account."""
