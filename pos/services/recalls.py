"""Expiry and recall: which lots need a manager's eye, blocking a lot so the till refuses it,
who bought a recalled lot, and sending what is left of it back to its producer in one step."""

from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from pos.clock import today
from pos.errors import ValidationError
from pos.expiry import expiry_state
from pos.permissions import Approval, User
from pos.services import approvals, audit
from pos.services.stock import (
    LotQty,
    LotStock,
    PostedDocument,
    get_lot,
    set_lot_blocked,
    stock_by_lot,
    write_producer_return,
)
from pos.text import nfc


@dataclass(frozen=True)
class WatchedLot:
    lot: LotStock
    state: str  # 'blocked', 'expired' or 'soon'
    days_left: int | None


@dataclass(frozen=True)
class LotSale:
    sold_at: str
    sale_number: str
    cashier: str
    qty: int
    refunded: int  # units of this lot that came back on refunds of the sale


def lots_to_watch(db: Database, within_days: int, on: date | None = None) -> list[WatchedLot]:
    """Lots with units on hand that are blocked, expired or expire within ``within_days``;
    most urgent first."""
    on = on or today()
    watched = []
    for lot in stock_by_lot(db):
        state = (
            "blocked" if lot.status == "blocked" else expiry_state(lot.expiry_date, on, within_days)
        )
        if state in ("blocked", "expired", "soon"):
            days = (date.fromisoformat(lot.expiry_date) - on).days if lot.expiry_date else None
            watched.append(WatchedLot(lot, state, days))
    order = {"blocked": 0, "expired": 1, "soon": 2}
    return sorted(
        watched, key=lambda w: (order[w.state], w.days_left if w.days_left is not None else 0)
    )


def set_lot_recalled(
    db: Database,
    lot_id: int,
    blocked: bool,
    reason: str,
    actor: User,
    approval: Approval | None = None,
) -> None:
    """Block a lot (recall, quality doubt) so the till refuses it, or release it; audited."""
    with db.atomic():
        lot = get_lot(db, lot_id)
        approver = approvals.use_approval(db, actor, "recall", lot_subject(lot), approval)
        _set_recalled(db, lot, blocked, reason, actor, approver)


def lot_subject(lot: LotStock) -> str:
    return f"lô {lot.lot_code} ({lot.sku})"


def _set_recalled(
    db: Database, lot: LotStock, blocked: bool, reason: str, actor: User, approver: str | None
) -> None:
    reason = nfc(reason).strip()
    if not reason:
        raise ValidationError("cần ghi lý do chặn hoặc mở lô")
    set_lot_blocked(db, lot.lot_id, blocked)
    action = "lot_blocked" if blocked else "lot_released"
    audit.record(db, action, actor.username, {"lot": lot.lot_code, "reason": reason}, approver)


def sales_of_lot(db: Database, lot_id: int) -> list[LotSale]:
    """Every sale that took units of the lot, oldest first: whom to call back in a recall."""
    get_lot(db, lot_id)
    rows = db.execute(
        """
        SELECT s.sold_at, s.number, s.cashier, sum(sll.qty),
               coalesce((SELECT sum(rll.qty) FROM refund_line_lots rll
                          JOIN refund_lines rl ON rl.id = rll.refund_line_id
                          JOIN sale_lines sl2 ON sl2.id = rl.sale_line_id
                         WHERE sl2.sale_id = s.id AND rll.lot_id = :lot), 0)
        FROM sale_line_lots sll
        JOIN sale_lines sl ON sl.id = sll.sale_line_id
        JOIN sales s ON s.id = sl.sale_id
        WHERE sll.lot_id = :lot
        GROUP BY s.id ORDER BY s.sold_at, s.id
        """,
        {"lot": lot_id},
    ).fetchall()
    return [LotSale(*row) for row in rows]


def return_recalled_lot(
    db: Database,
    lot_id: int,
    reason: str,
    actor: User,
    approval: Approval | None = None,
    returned_on: date | None = None,
) -> PostedDocument:
    """Block the lot (if it is not yet) and return every unit still on hand to its producer,
    in one transaction."""
    with db.atomic():
        lot = get_lot(db, lot_id)
        approver = approvals.use_approval(db, actor, "recall", lot_subject(lot), approval)
        if lot.on_hand <= 0:
            raise ValidationError(f"lô {lot.lot_code} không còn hàng trong cửa hàng để trả")
        if lot.status != "blocked":
            _set_recalled(db, lot, True, reason, actor, approver)
        posted = write_producer_return(
            db, lot.producer_code, [LotQty(lot_id, lot.on_hand)], reason, returned_on or today()
        )
        details = {"document": posted.number, "lot": lot.lot_code}
        audit.record(db, "producer_return", actor.username, details, approver)
        return posted
