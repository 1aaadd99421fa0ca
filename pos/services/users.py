"""People who use the till: cashiers sign in with a PIN, managers and admins with a password.
Secrets are kept only as salted scrypt hashes; repeated failures lock the account a while."""

import hashlib
import hmac
import re
import secrets
from datetime import datetime, timedelta

from sqlite_utils import Database

from pos import clock
from pos.errors import AuthError, NotFound, PermissionDenied, ValidationError
from pos.permissions import NEEDS_MANAGER, ROLES, Approval, User, is_manager
from pos.services import approvals, audit
from pos.text import nfc

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
MAX_FAILURES = 5
LOCK_MINUTES = 5


def hash_secret(secret: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(secret.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def secret_matches(secret: str, stored: str) -> bool:
    _, n, r, p, salt, digest = stored.split("$")
    candidate = hashlib.scrypt(
        secret.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p)
    )
    return hmac.compare_digest(candidate.hex(), digest)


def _check_secret(role: str, secret: str) -> None:
    if role == "cashier":
        if not re.fullmatch(r"\d{4,8}", secret):
            raise ValidationError("mã PIN thu ngân gồm 4 đến 8 chữ số")
    elif len(secret) < 8:
        raise ValidationError("mật khẩu quản lý cần ít nhất 8 ký tự")


def has_users(db: Database) -> bool:
    return db.execute("SELECT count(*) FROM users").fetchone()[0] > 0


def create_first_admin(db: Database, username: str, display_name: str, secret: str) -> User:
    """The showroom's first user, at its first start: its administrator."""
    with db.atomic():
        if has_users(db):
            raise PermissionDenied("chỉ quản trị viên được tạo người dùng")
        return _insert(db, username, display_name, "admin", secret, created_by=None)


def create_user(
    db: Database, actor: User, username: str, display_name: str, role: str, secret: str
) -> User:
    """Admins create users."""
    with db.atomic():
        approvals.check_actor(db, actor)
        if actor.role != "admin":
            raise PermissionDenied("chỉ quản trị viên được tạo người dùng")
        return _insert(db, username, display_name, role, secret, created_by=actor.username)


def _insert(
    db: Database, username: str, display_name: str, role: str, secret: str, created_by: str | None
) -> User:
    """Inside the caller's transaction; ``created_by`` None: the first admin, by themself."""
    username = nfc(username).casefold()
    display_name = nfc(display_name)
    if not re.fullmatch(r"[a-z0-9._-]{2,30}", username):
        raise ValidationError("tên đăng nhập 2-30 ký tự: chữ không dấu, số, . _ -")
    if not display_name:
        raise ValidationError("cần họ tên người dùng")
    if role not in ROLES:
        raise ValidationError(f"vai trò không hợp lệ: {role}")
    _check_secret(role, secret)
    if db.execute("SELECT 1 FROM users WHERE username = ?", [username]).fetchone():
        raise ValidationError(f"đã có người dùng '{username}'")
    db.execute(
        "INSERT INTO users (username, display_name, role, secret_hash) VALUES (?, ?, ?, ?)",
        [username, display_name, role, hash_secret(secret)],
    )
    audit.record(db, "user_created", created_by or username, {"username": username, "role": role})
    return get_user(db, username)


def sign_in(db: Database, username: str, secret: str, terminal_code: str = "") -> User:
    username = nfc(username).casefold()
    refusal = None
    with db.atomic():  # a failure is recorded (count, lock, audit) before it is reported
        row = db.execute(
            "SELECT id, username, display_name, role, secret_hash, failed_attempts, locked_until, "
            "uuid FROM users WHERE username = ? AND active = 1",
            [username],
        ).fetchone()
        now = clock.now()
        if row is None:
            audit.record(
                db,
                "login_failed",
                username or "?",
                {"reason": "unknown user"},
                terminal_code=terminal_code,
            )
            refusal = "sai tên đăng nhập hoặc mã PIN/mật khẩu"
        else:
            user_id, name, display, role, stored, failures, locked_until, uuid = row
            if locked_until and datetime.fromisoformat(locked_until) > now:
                refusal = (
                    f"tài khoản tạm khóa đến {datetime.fromisoformat(locked_until):%H:%M} "
                    "vì nhập sai nhiều lần"
                )
            elif secret_matches(secret, stored):
                db.execute(
                    "UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?",
                    [user_id],
                )
            else:
                refusal = _record_failure(db, user_id, name, failures + 1, now, terminal_code)
    if refusal:
        raise AuthError(refusal)
    return User(user_id, name, display, role, uuid)


def _record_failure(
    db: Database, user_id: int, name: str, failures: int, now: datetime, terminal_code: str
) -> str:
    locked = failures >= MAX_FAILURES
    lock_until = (now + timedelta(minutes=LOCK_MINUTES)).isoformat(timespec="seconds")
    db.execute(
        "UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?",
        [0 if locked else failures, lock_until if locked else None, user_id],
    )
    audit.record(db, "login_failed", name, {"attempt": failures}, terminal_code=terminal_code)
    if locked:
        return f"nhập sai {MAX_FAILURES} lần: tài khoản khóa {LOCK_MINUTES} phút"
    return "sai tên đăng nhập hoặc mã PIN/mật khẩu"


def approve(
    db: Database,
    username: str,
    secret: str,
    action: str,
    actor: User,
    subject: str,
    terminal_code: str = "",
) -> Approval:
    """A manager types their credentials at the cashier's screen for one act: ``action`` on
    ``subject`` (the words the manager read: a receipt and its lines, a lot, an amount)."""
    approver = sign_in(db, username, secret, terminal_code)
    if not is_manager(approver):
        raise PermissionDenied("người duyệt phải là quản lý")
    if action not in NEEDS_MANAGER:
        raise ValidationError(f"việc không cần duyệt: {action}")
    approval = Approval(secrets.token_hex(16), action, subject, approver)
    with db.atomic():
        approvals.record(db, approval, actor)
        audit.record(
            db,
            "approval",
            actor.username,
            {"for": action, "subject": subject},
            approver.username,
            terminal_code,
        )
    return approval


def get_user(db: Database, username: str) -> User:
    row = db.execute(
        "SELECT id, username, display_name, role, uuid FROM users WHERE username = ?", [username]
    ).fetchone()
    if row is None:
        raise NotFound(f"không có người dùng '{username}'")
    return User(*row)


def list_users(db: Database) -> list[User]:
    rows = db.execute(
        "SELECT id, username, display_name, role, uuid FROM users WHERE active = 1 "
        "ORDER BY role, username"
    ).fetchall()
    return [User(*row) for row in rows]
