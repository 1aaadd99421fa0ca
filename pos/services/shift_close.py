"""Cash during a shift, and closing it: a blind count by denomination, expected against
counted per payment method, and the X (interim) and Z (closing, numbered) reports."""

import json
from dataclasses import asdict

from sqlite_utils import Database

from pos import clock
from pos.documents.shift_report import DENOMINATIONS, ProducerLine, ShiftFigures, ShiftReport
from pos.errors import ValidationError
from pos.money import format_vnd
from pos.payments import METHODS
from pos.permissions import Approval, User
from pos.services import approvals, audit, einvoices
from pos.services.settings import get_setting
from pos.services.shifts import Shift, current_shift
from pos.storage.ledger import (
    append_to_journal,
    journal_head,
    next_document_number,
    record_anchor,
)
from pos.text import nfc


def _open_shift(db: Database, terminal_code: str) -> Shift:
    shift = current_shift(db, terminal_code)
    if shift is None:
        raise ValidationError("quầy này chưa mở ca")
    return shift


def record_cash_movement(
    db: Database, terminal_code: str, actor: User, kind: str, amount_vnd: int, reason: str
) -> None:
    """Cash put in (buying change) or taken out (paying a delivery) during the shift."""
    reason = nfc(reason)
    if kind not in ("cash_in", "cash_out"):
        raise ValidationError("chỉ có thu tiền vào hoặc chi tiền ra")
    if amount_vnd <= 0:
        raise ValidationError("số tiền phải lớn hơn 0")
    if not reason:
        raise ValidationError("cần ghi lý do thu/chi tiền mặt")
    with db.atomic():
        shift = _open_shift(db, terminal_code)
        db.execute(
            "INSERT INTO cash_movements (shift_id, kind, amount_vnd, reason, actor, at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [shift.id, kind, amount_vnd, reason, actor.username, clock.now_iso()],
        )
        audit.record(
            db,
            kind,
            actor.username,
            {"amount": amount_vnd, "reason": reason},
            terminal_code=terminal_code,
        )


def drawer_subject(terminal_code: str) -> str:
    return f"quầy {terminal_code}"


def open_drawer_without_sale(
    db: Database, terminal_code: str, actor: User, reason: str, approval: Approval | None = None
) -> str | None:
    """Allowed and recorded; the caller then sends the drawer pulse."""
    with db.atomic():
        approver = approvals.use_approval(
            db, actor, "no_sale_drawer", drawer_subject(terminal_code), approval
        )
        audit.record(
            db, "drawer_open", actor.username, {"reason": nfc(reason)}, approver, terminal_code
        )
    return approver


def shift_figures(db: Database, shift: Shift) -> ShiftFigures:
    figures = ShiftFigures(
        shift.terminal_code, shift.cashier, shift.opened_at, shift.opening_float_vnd
    )
    (figures.sales_count, figures.gross_vnd, figures.discount_vnd, figures.net_sales_vnd) = (
        db.execute(
            "SELECT count(*), coalesce(sum(gross_vnd), 0), coalesce(sum(discount_vnd), 0), "
            "coalesce(sum(total_vnd), 0) FROM sales WHERE shift_id = ?",
            [shift.id],
        ).fetchone()
    )
    figures.sales_by_method = dict(
        db.execute(
            "SELECT p.method, sum(p.amount_vnd) FROM payments p JOIN sales s ON s.id = p.sale_id "
            "WHERE s.shift_id = ? GROUP BY p.method",
            [shift.id],
        ).fetchall()
    )
    figures.refunds_count, figures.refunds_vnd = db.execute(
        "SELECT count(*), coalesce(sum(total_vnd), 0) FROM refunds WHERE shift_id = ?",
        [shift.id],
    ).fetchone()
    figures.refunds_by_method = dict(
        db.execute(
            "SELECT method, sum(total_vnd) FROM refunds WHERE shift_id = ? GROUP BY method",
            [shift.id],
        ).fetchall()
    )
    moves = dict(
        db.execute(
            "SELECT kind, sum(amount_vnd) FROM cash_movements WHERE shift_id = ? GROUP BY kind",
            [shift.id],
        ).fetchall()
    )
    figures.cash_in_vnd, figures.cash_out_vnd = moves.get("cash_in", 0), moves.get("cash_out", 0)
    counts = dict(
        db.execute(
            "SELECT action, count(*) FROM audit_log WHERE terminal_code = ? AND at >= ? "
            "AND action IN ('approval', 'drawer_open') GROUP BY action",
            [shift.terminal_code, shift.opened_at],
        ).fetchall()
    )
    figures.approvals, figures.drawer_opens = (
        counts.get("approval", 0),
        counts.get("drawer_open", 0),
    )
    figures.by_producer = [
        ProducerLine(*row)
        for row in db.execute(
            """
        SELECT pr.code, pr.name,
          coalesce((SELECT sum(l.net_vnd) FROM sale_lines l JOIN sales s ON s.id = l.sale_id
                    WHERE s.shift_id = :shift AND l.producer_id = pr.id), 0),
          coalesce((SELECT sum(r.net_vnd) FROM refund_lines r
                    JOIN refunds f ON f.id = r.refund_id
                    JOIN sale_lines l ON l.id = r.sale_line_id
                    WHERE f.shift_id = :shift AND l.producer_id = pr.id), 0)
        FROM producers pr ORDER BY pr.code
        """,
            {"shift": shift.id},
        ).fetchall()
        if row[2] or row[3]
    ]
    states = dict(
        db.execute(
            "SELECT o.state, count(*) FROM einvoices e JOIN einvoice_outbox o "
            "ON o.invoice_id = e.id WHERE e.sale_id IN (SELECT id FROM sales WHERE shift_id = :s) "
            "OR e.refund_id IN (SELECT id FROM refunds WHERE shift_id = :s) GROUP BY o.state",
            {"s": shift.id},
        ).fetchall()
    )
    waiting = db.execute(  # captured, not yet queued by the sender
        f"SELECT count(*) FROM sales s WHERE s.shift_id = ? AND {einvoices.UNQUEUED}",
        [shift.id],
    ).fetchone()[0]
    figures.einvoices_issued = states.pop("issued", 0)
    figures.einvoices_refused = states.pop("parked", 0)
    figures.einvoices_unsent = sum(states.values()) + figures.einvoices_refused + waiting
    return figures


def x_report(db: Database, terminal_code: str, actor: User) -> ShiftReport:
    with db.atomic():
        shift = _open_shift(db, terminal_code)
        report = ShiftReport("X", "", clock.now_iso(), shift_figures(db, shift), {}, {})
        _store(db, shift, report)
        audit.record(
            db, "x_report", actor.username, {"shift": shift.id}, terminal_code=terminal_code
        )
    return report


def cash_counted(cash_count: dict[int, int]) -> int:
    return sum(value * count for value, count in cash_count.items())


def z_difference_subject(db: Database, terminal_code: str, cash_count: dict[int, int]) -> str:
    """What a manager approves when the counted cash is off by more than the showroom's
    limit (``z_difference_limit_vnd``); '' when it is within it."""
    shift = _open_shift(db, terminal_code)
    difference = cash_counted(cash_count) - shift_figures(db, shift).expected("cash")
    if abs(difference) <= int(get_setting(db, "z_difference_limit_vnd")):
        return ""
    return f"đóng ca quầy {terminal_code}: tiền mặt lệch {format_vnd(difference)}"


def close_shift(
    db: Database,
    terminal_code: str,
    actor: User,
    cash_count: dict[int, int],
    other_counted: dict[str, int],
    approval: Approval | None = None,
) -> ShiftReport:
    """The Z: counted cash (blind, by denomination) and non-cash totals against expected;
    the shift is closed for good. Cash off by more than the showroom's limit needs a
    manager (z_difference_subject names what they approve)."""
    if any(value not in DENOMINATIONS or count < 0 for value, count in cash_count.items()):
        raise ValidationError("số tờ tiền không hợp lệ")
    if any(method not in METHODS or amount < 0 for method, amount in other_counted.items()):
        raise ValidationError("tổng tiền đếm không hợp lệ")
    counted = {"cash": cash_counted(cash_count)}
    counted |= {m: other_counted.get(m, 0) for m in METHODS if m != "cash"}
    with db.atomic():
        subject = z_difference_subject(db, terminal_code, cash_count)
        approver = (
            approvals.use_approval(db, actor, "z_difference", subject, approval)
            if subject
            else None
        )
        shift = _open_shift(db, terminal_code)
        number = next_document_number(db, f"{terminal_code}-Z")
        head = journal_head(db)  # everything before this Z, printed on it and kept
        report = ShiftReport(
            "Z",
            number,
            clock.now_iso(),
            shift_figures(db, shift),
            counted,
            dict(cash_count),
            str(head),
        )
        record_anchor(db, head, number)
        report_id = _store(db, shift, report)
        db.execute(
            "UPDATE shifts SET closed_at = ?, counted_cash_vnd = ? WHERE id = ?",
            [report.created_at, counted["cash"], shift.id],
        )
        append_to_journal(db, "z_report", report_id, number, _as_dict(report))
        audit.record(
            db,
            "z_report",
            actor.username,
            {"z": number, "differences": {m: report.difference(m) for m in METHODS}},
            approver,
            terminal_code=terminal_code,
        )
    return report


def _as_dict(report: ShiftReport) -> dict:
    data = asdict(report)
    data["cash_count"] = {str(k): v for k, v in report.cash_count.items()}
    return data


def _store(db: Database, shift: Shift, report: ShiftReport) -> int:
    return db.execute(
        "INSERT INTO shift_reports (shift_id, kind, number, created_at, report) "
        "VALUES (?, ?, ?, ?, ?)",
        [
            shift.id,
            report.kind,
            report.number or None,
            report.created_at,
            json.dumps(_as_dict(report), ensure_ascii=False, sort_keys=True),
        ],
    ).lastrowid
