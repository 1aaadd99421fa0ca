"""Refunds: a new posted document pointing at the original sale lines. Never more than was
sold minus what was already refunded; partial refunds over several visits add up exactly to
the line; goods go back into the lots they came from, or are written off if damaged."""

from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from pos import clock
from pos.documents.refund import REASONS
from pos.einvoice import PostedLine
from pos.errors import NotFound, ValidationError
from pos.money import format_vnd, round_half_up
from pos.permissions import Approval, User
from pos.services import approvals, audit, einvoices
from pos.services.periods import check_open
from pos.services.shifts import current_shift
from pos.storage.ledger import append_to_journal, next_document_number, record_movement
from pos.text import nfc


@dataclass(frozen=True)
class RefundableLine:
    sale_line_id: int
    line_no: int
    sku: str
    name: str
    unit_price_vnd: int
    qty_sold: int
    qty_refunded: int
    net_vnd: int

    @property
    def qty_left(self) -> int:
        return self.qty_sold - self.qty_refunded


@dataclass(frozen=True)
class SaleForRefund:
    number: str
    sold_at: str
    lines: tuple[RefundableLine, ...]
    methods: tuple[str, ...]  # how it was paid, for refunding "by the original method"


@dataclass(frozen=True)
class RefundItem:
    sale_line_id: int
    qty: int
    write_off: bool = False  # damaged: back in stock, then written off


@dataclass(frozen=True)
class PostedRefund:
    id: int
    number: str
    total_vnd: int
    approved_by: str | None


def sale_for_refund(db: Database, sale_number: str) -> SaleForRefund:
    sale = db.execute(
        "SELECT id, number, sold_at FROM sales WHERE number = ?", [sale_number.strip().upper()]
    ).fetchone()
    if sale is None:
        raise NotFound(f"không có hóa đơn số {sale_number}")
    lines = tuple(
        RefundableLine(*row)
        for row in db.execute(
            """
            SELECT l.id, l.line_no, l.sku, l.product_name, l.unit_price_vnd, l.qty,
                   coalesce((SELECT sum(r.qty) FROM refund_lines r WHERE r.sale_line_id = l.id), 0),
                   l.net_vnd
            FROM sale_lines l WHERE l.sale_id = ? ORDER BY l.line_no
            """,
            [sale[0]],
        )
    )
    methods = tuple(
        row[0]
        for row in db.execute(
            "SELECT DISTINCT method FROM payments WHERE sale_id = ? ORDER BY id", [sale[0]]
        )
    )
    return SaleForRefund(sale[1], sale[2], lines, methods)


def _share(total: int, already: int, qty: int, sold: int, refunded_before: int) -> int:
    """This refund's part of a line amount: proportional, and the exact remainder when the
    refund completes the line, so all refunds of a line add up to the line to the đồng."""
    if refunded_before + qty == sold:
        return total - already
    return round_half_up(total * qty, sold)


def _priced_items(db: Database, sale, items: list[RefundItem]) -> list[tuple]:
    by_id = {line.sale_line_id: line for line in sale.lines}
    _refuse_over_refund(items, by_id)
    return [
        (item, by_id[item.sale_line_id], _amounts(db, item, by_id[item.sale_line_id]))
        for item in items
    ]


def refund_total(db: Database, sale_number: str, items: list[RefundItem]) -> int:
    """What the refund of ``items`` gives back, before it is posted (what a manager approves)."""
    sale = sale_for_refund(db, sale_number)
    priced = _priced_items(db, sale, [item for item in items if item.qty])
    return sum(amounts[0] for _, _, amounts in priced)


def refund_subject(sale_number: str, total_vnd: int) -> str:
    """The act a refund approval is bound to: this receipt, this amount."""
    return f"{sale_number}: hoàn {format_vnd(total_vnd)}"


def check_request(items: list[RefundItem], reason_code: str | None, note: str) -> list:
    """The lines to refund, or why the request cannot be posted: checked before a manager
    is asked to approve it, and again when it is posted."""
    if reason_code not in REASONS:
        raise ValidationError("cần chọn lý do trả hàng")
    if reason_code == "other" and not nfc(note):
        raise ValidationError("lý do khác: hãy ghi rõ lý do")
    items = [item for item in items if item.qty]
    if not items:
        raise ValidationError("chưa chọn hàng nào để trả")
    return items


def post_refund(
    db: Database,
    terminal_code: str,
    actor: User,
    sale_number: str,
    items: list[RefundItem],
    reason_code: str,
    method: str,
    client_token: str,
    reason_note: str = "",
    approval: Approval | None = None,
    refunded_at: datetime | None = None,
) -> PostedRefund:
    reason_note = nfc(reason_note)
    items = check_request(items, reason_code, reason_note)
    refunded_at = refunded_at or clock.now()
    with db.atomic():
        existing = db.execute(
            "SELECT id, number, total_vnd, approved_by FROM refunds WHERE client_token = ?",
            [client_token],
        ).fetchone()
        if existing:
            return PostedRefund(*existing)
        shift = current_shift(db, terminal_code)
        if shift is None:
            raise ValidationError("Chưa mở ca: hãy mở ca trước khi trả hàng")
        check_open(db, refunded_at.date())
        sale = sale_for_refund(db, sale_number)
        if method != "cash" and method not in sale.methods:
            raise ValidationError("hoàn tiền bằng tiền mặt hoặc đúng hình thức khách đã trả")
        priced = _priced_items(db, sale, items)
        total = sum(amounts[0] for _, _, amounts in priced)
        approver = approvals.use_approval(
            db, actor, "refund", refund_subject(sale.number, total), approval
        )
        number = next_document_number(db, f"{terminal_code}-TH")
        sale_id = db.execute("SELECT id FROM sales WHERE number = ?", [sale.number]).fetchone()[0]
        refund_id = db.execute(
            "INSERT INTO refunds (number, sale_id, terminal_code, shift_id, refunded_at, "
            "business_date, reason_code, reason_note, method, total_vnd, cashier, approved_by, "
            "client_token, cashier_uuid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                number,
                sale_id,
                terminal_code,
                shift.id,
                refunded_at.isoformat(timespec="seconds"),
                refunded_at.date().isoformat(),
                reason_code,
                reason_note,
                method,
                total,
                actor.display_name,  # as sales name their cashier
                approver,
                client_token,
                actor.uuid,
            ],
        ).lastrowid
        journal_lines = []
        for item, line, amounts in priced:
            _write_line(db, refund_id, item, line, amounts, refunded_at)
            journal_lines.append(
                {
                    "line": line.line_no,
                    "sku": line.sku,
                    "qty": item.qty,
                    "net": amounts[0],
                    "write_off": item.write_off,
                }
            )
        _capture_invoice(db, refund_id, sale_id, number, refunded_at, method, priced)
        append_to_journal(  # seals the refund's invoice too
            db,
            "refund",
            refund_id,
            number,
            {
                "sale": sale.number,
                "refunded_at": refunded_at.isoformat(timespec="seconds"),
                "method": method,
                "reason": reason_code,
                "total": total,
                "lines": journal_lines,
                "approved_by": approver,
            },
        )
        audit.record(
            db,
            "refund",
            actor.username,
            {"refund": number, "sale": sale.number, "total": total},
            approver,
            terminal_code,
        )
    return PostedRefund(refund_id, number, total, approver)


def _capture_invoice(db, refund_id, sale_id, number, refunded_at, method, priced) -> None:
    """The adjustment invoice of the lines given back, before VAT as the sale's was."""
    units = {
        line_id: (unit, vat_bp)
        for line_id, unit, vat_bp in db.execute(
            "SELECT id, unit, vat_bp FROM sale_lines WHERE sale_id = ?", [sale_id]
        )
    }
    lines = []
    for item, line, (net, vat, _) in priced:
        unit, vat_bp = units[line.sale_line_id]
        lines.append(PostedLine(line.sku, line.name, unit, item.qty, net, net, vat_bp, vat))
    einvoices.capture_refund(db, refund_id, sale_id, number, refunded_at, method, lines)


def _refuse_over_refund(items: list[RefundItem], lines: dict[int, RefundableLine]) -> None:
    seen: set[int] = set()
    for item in items:
        if item.sale_line_id not in lines:
            raise ValidationError("dòng hàng không thuộc hóa đơn này")
        if item.sale_line_id in seen:
            raise ValidationError("mỗi dòng hàng chỉ ghi một lần trong phiếu trả")
        seen.add(item.sale_line_id)
        if item.qty < 0:
            raise ValidationError("số lượng trả không được âm")
        line = lines[item.sale_line_id]
        if item.qty > line.qty_left:
            raise ValidationError(
                f"{line.name}: đã bán {line.qty_sold}, đã trả {line.qty_refunded}, "
                f"chỉ còn trả được {line.qty_left}"
            )


def _amounts(db: Database, item: RefundItem, line: RefundableLine) -> tuple[int, int, int]:
    """Net, VAT and commission given back for ``item`` (see _share)."""
    totals = db.execute(
        "SELECT net_vnd, vat_vnd, commission_vnd FROM sale_lines WHERE id = ?",
        [line.sale_line_id],
    ).fetchone()
    before = db.execute(
        "SELECT coalesce(sum(net_vnd), 0), coalesce(sum(vat_vnd), 0), "
        "coalesce(sum(commission_vnd), 0) FROM refund_lines WHERE sale_line_id = ?",
        [line.sale_line_id],
    ).fetchone()
    return tuple(
        _share(total, already, item.qty, line.qty_sold, line.qty_refunded)
        for total, already in zip(totals, before, strict=True)
    )


def _write_line(db, refund_id, item, line: RefundableLine, amounts, at: datetime) -> None:
    net, vat, commission = amounts
    product_id = db.execute(
        "SELECT product_id FROM sale_lines WHERE id = ?", [line.sale_line_id]
    ).fetchone()[0]
    refund_line_id = db.execute(
        "INSERT INTO refund_lines (refund_id, sale_line_id, qty, net_vnd, vat_vnd, "
        "commission_vnd, disposition) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            refund_id,
            line.sale_line_id,
            item.qty,
            net,
            vat,
            commission,
            "write_off" if item.write_off else "restock",
        ],
    ).lastrowid
    _back_to_lots(db, refund_id, refund_line_id, line.sale_line_id, product_id, item, at)


def _back_to_lots(db, refund_id, refund_line_id, sale_line_id, product_id, item, at) -> None:
    """Units go back to the lots they were sold from (latest-taken first)."""
    remaining = item.qty
    for lot_id, taken, returned in db.execute(
        """
        SELECT s.lot_id, s.qty, coalesce((SELECT sum(rl.qty) FROM refund_line_lots rl
            JOIN refund_lines r ON r.id = rl.refund_line_id
            WHERE r.sale_line_id = s.sale_line_id AND rl.lot_id = s.lot_id), 0)
        FROM sale_line_lots s JOIN lots l ON l.id = s.lot_id
        WHERE s.sale_line_id = ? ORDER BY l.expiry_date IS NULL DESC, l.expiry_date DESC
        """,
        [sale_line_id],
    ).fetchall():
        back = min(remaining, taken - returned)
        if back <= 0:
            continue
        db.execute(
            "INSERT INTO refund_line_lots (refund_line_id, lot_id, qty) VALUES (?, ?, ?)",
            [refund_line_id, lot_id, back],
        )
        day = at.date().isoformat()
        record_movement(
            db,
            product_id=product_id,
            lot_id=lot_id,
            qty=back,
            kind="refund",
            document_type="refund",
            document_id=refund_id,
            moved_on=day,
        )
        if item.write_off:
            record_movement(
                db,
                product_id=product_id,
                lot_id=lot_id,
                qty=-back,
                kind="write_off",
                document_type="refund",
                document_id=refund_id,
                moved_on=day,
            )
        remaining -= back
        if remaining == 0:
            break
