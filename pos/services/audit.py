"""The audit log: every sensitive act, who did it and who approved it. Entries are posted
documents (never changed) and chained in the journal with everything else."""

import json
from dataclasses import dataclass

from sqlite_utils import Database

from pos.clock import now_iso
from pos.storage.ledger import append_to_journal

# Every act the log records, the one list screens and filters name (a code not listed here
# is refused: a typo would have hidden an act from the manager's filter).
ACTIONS = (
    "refund",
    "z_report",
    "x_report",
    "cash_in",
    "cash_out",
    "drawer_open",
    "approval",
    "login_failed",
    "goods_receipt",
    "producer_return",
    "stock_adjustment",
    "stock_count",
    "stock_count_cancelled",
    "lot_blocked",
    "lot_released",
    "barcode_issued",
    "producer_saved",
    "product_saved",
    "import_catalog",
    "import_goods_receipt",
    "import_sales_import",
    "statements_issued",
    "payout",
    "agreed_adjustment",
    "settings_changed",
    "user_created",
    "restore",
    "price_override",
    "discount_over_limit",
    "einvoice_parked",
    "einvoice_stopped",
    "einvoice_resumed",
    "einvoice_replaced",
    "einvoice_resent",
)


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    action: str
    actor: str
    approver: str | None
    terminal_code: str
    details: dict
    actor_name: str = ""  # display names, as people know each other
    approver_name: str = ""

    @staticmethod
    def person(username: str | None, display_name: str) -> str:
        """'Trần Văn Minh (quanly)': the name people know and the login the log keeps."""
        if not username:
            return ""
        return f"{display_name} ({username})" if display_name else username


def record(
    db: Database,
    action: str,
    actor: str,
    details: dict,
    approver: str | None = None,
    terminal_code: str = "",
) -> int:
    """Inside the caller's transaction: the act and its audit entry commit together."""
    if action not in ACTIONS:
        raise ValueError(f"audit action {action!r} is not in audit.ACTIONS")
    at = now_iso()
    text = json.dumps(details, ensure_ascii=False, sort_keys=True)
    entry_id = db.execute(
        "INSERT INTO audit_log (at, action, actor, approver, terminal_code, details, actor_uuid, "
        "approver_uuid) VALUES (?, ?, ?, ?, ?, ?, (SELECT uuid FROM users WHERE username = ?), "
        "(SELECT uuid FROM users WHERE username = ?))",
        [at, action, actor, approver, terminal_code, text, actor, approver],
    ).lastrowid
    append_to_journal(
        db,
        "audit",
        entry_id,
        f"NK-{entry_id:06d}",
        {"at": at, "action": action, "actor": actor, "approver": approver, "details": details},
    )
    return entry_id


def audit_entries(
    db: Database, action: str | None = None, actor: str | None = None, limit: int = 1000
) -> list[AuditEntry]:
    conditions, params = [], []
    if action:
        conditions.append("a.action = ?")
        params.append(action)
    if actor:
        conditions.append("(a.actor = ? OR a.approver = ?)")
        params += [actor, actor]
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    rows = db.execute(
        "SELECT a.id, a.at, a.action, a.actor, a.approver, a.terminal_code, a.details, "
        "coalesce(ua.display_name, ''), coalesce(up.display_name, '') FROM audit_log a "
        "LEFT JOIN users ua ON ua.uuid = a.actor_uuid "
        f"LEFT JOIN users up ON up.uuid = a.approver_uuid {where} ORDER BY a.id DESC LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [AuditEntry(*row[:6], json.loads(row[6]), *row[7:]) for row in rows]
