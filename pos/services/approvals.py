"""Approvals are capabilities: a manager's password makes one (``users.approve``), it is
bound to one act and the act uses it up, inside the act's own transaction (an act that
fails leaves it usable). Every service that needs a manager calls ``use``."""

from datetime import datetime, timedelta

from sqlite_utils import Database

from pos import clock
from pos.clock import now_iso
from pos.errors import PermissionDenied
from pos.permissions import Approval, User, needs_approval, refuse
from pos.services import settings  # which imports this module: read at call time


def record(db: Database, approval: Approval, actor: User) -> None:
    """Inside ``users.approve``'s transaction: the approval exists from now on."""
    db.execute(
        "INSERT INTO approvals (token, action, subject, actor, approver, given_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            approval.token,
            approval.action,
            approval.subject,
            actor.username,
            approval.approver.username,
            now_iso(),
        ],
    )


def use_approval(
    db: Database, actor: User, action: str, subject: str, approval: Approval | None
) -> str | None:
    """The approving manager's username, the approval used up; None when ``actor`` may act
    alone; or PermissionDenied saying why. Inside the caller's transaction."""
    check_actor(db, actor)
    if not needs_approval(actor, action) or _cashier_may(db, action):
        return None
    if approval is None:
        raise refuse(action)
    row = db.execute(
        "SELECT a.action, a.subject, a.actor, a.approver, a.given_at, a.used_at, u.role, "
        "u.active FROM approvals a LEFT JOIN users u ON u.username = a.approver "
        "WHERE a.token = ?",
        [approval.token],
    ).fetchone()
    if row is None:
        raise refuse(action, " (phê duyệt này không do quản lý nhập mật khẩu)")
    given_for, given_subject, given_to, approver, given_at, used_at, role, active = row
    if used_at is not None:
        raise refuse(action, " (phê duyệt này đã được dùng, mỗi lần duyệt cho một việc)")
    if (given_for, given_subject, given_to) != (action, subject, actor.username):
        raise refuse(action, f" (phê duyệt đã cho việc khác: {given_subject})")
    if clock.now() - datetime.fromisoformat(given_at) > valid_for(db):
        raise refuse(action, " (phê duyệt đã quá hạn, cần duyệt lại)")
    if not active or role not in ("manager", "admin"):
        raise refuse(action, f" ({approver} không còn là quản lý)")
    db.execute("UPDATE approvals SET used_at = ? WHERE token = ?", [now_iso(), approval.token])
    return approver


def check_actor(db: Database, actor: User) -> None:
    """The acting user is someone signed in: an account that exists, is active and has the
    role it claims (a User made up in code is refused)."""
    row = db.execute(
        "SELECT role FROM users WHERE id = ? AND username = ? AND active = 1",
        [actor.id, actor.username],
    ).fetchone()
    if row is None or row[0] != actor.role:
        raise PermissionDenied(f"người dùng '{actor.username}' không có quyền này")


def valid_for(db: Database) -> timedelta:
    return timedelta(minutes=int(settings.get_setting(db, "approval_minutes")))


def _cashier_may(db: Database, action: str) -> bool:
    """What the showroom lets cashiers do alone (setting); never returns or write-offs."""
    return action == "goods_receipt" and settings.get_setting(db, "cashier_may_receive") == "1"
