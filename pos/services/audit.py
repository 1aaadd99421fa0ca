"""The audit log: every sensitive act, who did it and who approved it. Entries are posted
documents (never changed) and chained in the journal with everything else."""

import json
from dataclasses import dataclass

from sqlite_utils import Database

from pos.clock import now_iso
from pos.storage.ledger import append_to_journal


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    action: str
    actor: str
    approver: str | None
    terminal_code: str
    details: dict


def record(
    db: Database,
    action: str,
    actor: str,
    details: dict,
    approver: str | None = None,
    terminal_code: str = "",
) -> int:
    """Inside the caller's transaction: the act and its audit entry commit together."""
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
        conditions.append("action = ?")
        params.append(action)
    if actor:
        conditions.append("(actor = ? OR approver = ?)")
        params += [actor, actor]
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    rows = db.execute(
        f"SELECT id, at, action, actor, approver, terminal_code, details FROM audit_log "
        f"{where} ORDER BY id DESC LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [AuditEntry(*row[:6], json.loads(row[6])) for row in rows]
