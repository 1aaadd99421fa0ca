"""Backups with SQLite's online backup API (consistent while the app runs), each verified
before it counts, kept in a rotating folder; manual copies anywhere (a USB stick); restore
from a verified backup, keeping the database it replaces."""

import contextlib
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlite_utils import Database

from pos import clock
from pos.errors import PosError
from pos.files import remove_leftovers, why
from pos.journal import Anchor
from pos.paths import default_backup_dir
from pos.permissions import Approval, User
from pos.services import approvals, audit
from pos.services.integrity import check_file, mark_checked, quick_check, recent_check_of_file
from pos.services.settings import get_setting
from pos.storage.database import BUSY_TIMEOUT_MS, REPLACED
from pos.storage.ledger import journal_head

AUTOMATIC = ("z", "daily")  # rotated; manual and before-restore copies are never deleted
# The name carries the copy's journal head (older backups' names do not): an anchor outside
# the file, on the USB stick, that `ocop-pos check --backups DIR` holds the journal against.
_NAME = re.compile(r"^ocop-pos-(\d{8}-\d{6})-([a-z-]+?)(?:-(\d+)-([0-9a-f]{16}))?\.sqlite3$")


class BackupError(PosError):
    """A backup could not be written or does not verify."""


class OtherShowroom(BackupError):
    """The backup is another showroom's: restoring it needs an explicit yes."""


@dataclass(frozen=True)
class RestoreChoice:
    """A verified backup the manager chose to go back to, and whether they confirmed that it
    is another showroom's."""

    backup: Path
    other_showroom_ok: bool = False


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime
    reason: str  # 'z', 'daily', 'manual', 'before-restore'
    size_bytes: int
    head: Anchor | None = None  # the copy's journal head, from its name


def backup_folder(db: Database) -> Path:
    chosen = get_setting(db, "backup_dir")
    return Path(chosen) if chosen else default_backup_dir()


def take_backup(db: Database, folder: Path, reason: str) -> Backup:
    """Copy the live database into ``folder``, check the copy, and only then give it its
    name: a half-written or unreadable copy never looks like a backup."""
    folder = Path(folder)
    taken_at = clock.now().replace(microsecond=0)
    temp = folder / f".ocop-pos-{taken_at:%Y%m%d-%H%M%S}-{reason}.sqlite3.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        remove_leftovers(folder)
        copy = sqlite3.connect(temp)
        try:
            db.conn.backup(copy)
            # A copy in WAL mode grows hidden -wal/-shm files beside it whenever it is opened
            # (by the check below, on the USB stick); a rollback-journal copy does not.
            copy.execute("PRAGMA journal_mode=DELETE")
            head = journal_head(Database(copy))
        finally:
            copy.close()
        target = folder / (
            f"ocop-pos-{taken_at:%Y%m%d-%H%M%S}-{reason}-{head.count}-{head.hash_prefix}.sqlite3"
        )
        problems = check_file(temp, full=False)
        if problems:
            raise BackupError(f"bản sao lưu không đạt kiểm tra: {problems[0]}")
        with open(temp, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(temp, target)
    except (OSError, sqlite3.Error) as error:
        raise BackupError(f"không ghi được bản sao lưu vào {folder}: {_reason(error)}") from None
    finally:
        with contextlib.suppress(OSError):  # the folder itself may be what failed
            temp.unlink(missing_ok=True)
    return _backup(target)


def _reason(error: Exception) -> str:
    if isinstance(error, OSError):
        return why(error)
    text = str(error)
    if "full" in text:
        return "ổ đĩa đầy"
    return "không có quyền ghi (ổ chỉ đọc?)" if "readonly" in text else text


def automatic_backup(db: Database, reason: str) -> Backup:
    """At a Z close and once a day: into the backup folder, keeping the newest N. The copy
    then gets the incremental check (what was posted since the books were last found
    sound), which moves the live database's mark when it finds nothing."""
    folder = backup_folder(db)
    backup = take_backup(db, folder, reason)
    problems, head = recent_check_of_file(backup.path)
    if problems:  # the copy is kept: it is what the file holds; the manager is told
        raise BackupError(f"đã lưu, nhưng sổ sách có chỗ bị sửa ngoài chương trình: {problems[0]}")
    mark_checked(db, head)
    keep = int(get_setting(db, "backup_keep"))
    automatic = [b for b in list_backups(folder) if b.reason in AUTOMATIC]
    for old in automatic[keep:]:
        old.path.unlink(missing_ok=True)
    return backup


def backup_due(db: Database, on: date) -> bool:
    """No backup taken on ``on`` yet (the daily one)."""
    return not any(b.taken_at.date() == on for b in list_backups(backup_folder(db)))


def list_backups(folder: Path) -> list[Backup]:
    """The backups in ``folder``, newest first."""
    if not Path(folder).is_dir():
        return []
    found = [_backup(path) for path in Path(folder).iterdir() if _NAME.match(path.name)]
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def _backup(path: Path) -> Backup:
    stamp, reason, entries, prefix = _NAME.match(path.name).groups()
    head = Anchor(int(entries), prefix) if entries else None
    taken_at = datetime.strptime(stamp, "%Y%m%d-%H%M%S")
    return Backup(path, taken_at, reason, path.stat().st_size, head)


def backup_heads(folder: Path) -> tuple[Anchor, ...]:
    """The journal heads the backups in ``folder`` carry in their names, oldest first."""
    return tuple(b.head for b in reversed(list_backups(folder)) if b.head is not None)


def newest_good_backup(folder: Path) -> Backup | None:
    for backup in list_backups(folder):  # the restore itself runs the full check
        if not check_file(backup.path, full=False):
            return backup
    return None


def restore_subject(backup: Path) -> str:
    return f"khôi phục {Path(backup).name}"


def authorise_restore(
    db: Database, actor: User, backup: Path, approval: Approval | None = None
) -> None:
    """A manager's act, recorded in the database being replaced (kept beside the backups)
    before the files are swapped."""
    with db.atomic():
        approver = approvals.use_approval(db, actor, "restore", restore_subject(backup), approval)
        audit.record(db, "restore", actor.username, {"backup": Path(backup).name}, approver)


def restore_backup(
    backup: Path, db_path: Path, safety_folder: Path, other_showroom_ok: bool = False
) -> Path | None:
    """Put a verified backup in place of the database at ``db_path`` (nothing may have it
    open). The database it replaces is kept in ``safety_folder`` first, even if damaged;
    returns that copy's path (None when there was no database). Another showroom's backup
    only with ``other_showroom_ok`` (the manager read both names and said yes)."""
    problems = check_file(backup)
    if problems:
        raise BackupError(f"không khôi phục: bản sao lưu {backup.name} bị lỗi: {problems[0]}")
    db_path = Path(db_path)
    ours = _showroom_of(db_path)
    other = _other(backup, ours)
    if other and not other_showroom_ok:
        raise OtherShowroom(other)
    kept = None
    try:
        if db_path.exists():
            safety_folder.mkdir(parents=True, exist_ok=True)
            kept = safety_folder / f"ocop-pos-{clock.now():%Y%m%d-%H%M%S}-before-restore.sqlite3"
            if quick_check(db_path) is None:
                _keep_and_retire(db_path, kept)
            else:
                _copy_damaged(db_path, kept)
        temp = db_path.with_name(f".{db_path.name}.restoring")
        shutil.copyfile(backup, temp)
        if ours and _showroom_of(temp) is None:
            _carry_showroom(temp, ours[0])
        with open(temp, "rb+") as written:
            os.fsync(written.fileno())
        for suffix in ("-wal", "-shm"):  # the old WAL must not be replayed onto the backup
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        os.replace(temp, db_path)
    except OSError as error:
        raise BackupError(f"không khôi phục được vào {db_path}: {_reason(error)}") from None
    return kept


def other_showroom(backup: Path, db_path: Path) -> str | None:
    """The sentence naming both showrooms when ``backup`` is not the database's showroom's
    (None when it is, or when either cannot say: a file from before showrooms had UUIDs)."""
    return _other(backup, _showroom_of(db_path))


def other_showroom_than(db: Database, backup: Path) -> str | None:
    """The same, against the open database (the settings screen)."""
    uuid = get_setting(db, "showroom_uuid")
    return _other(backup, (uuid, get_setting(db, "showroom_name")) if uuid else None)


def _other(backup: Path, ours: tuple[str, str] | None) -> str | None:
    theirs = _showroom_of(backup)
    if theirs is None or ours is None or theirs[0] == ours[0]:
        return None
    return (
        f"Bản sao lưu {Path(backup).name} là của showroom “{theirs[1]}” (mã {theirs[0][:8]}), "
        f"không phải của showroom này, “{ours[1]}” (mã {ours[0][:8]}): khôi phục sẽ thay toàn "
        "bộ sổ sách của showroom này bằng sổ sách của showroom kia."
    )


def _carry_showroom(path: Path, showroom_uuid: str) -> None:
    """A backup from before showrooms had UUIDs is this showroom's own past (it was not
    another's, or the manager said yes): it keeps the showroom's identity when it is migrated
    (m014 mints one only where there is none, and seals the settings again)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute(
            "INSERT INTO settings (key, value) VALUES ('showroom_uuid', ?)", [showroom_uuid]
        )
        conn.commit()
    finally:
        conn.close()


def _showroom_of(path: Path) -> tuple[str, str] | None:
    if not Path(path).is_file() or quick_check(path) is not None:
        return None
    conn = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
    try:
        found = dict(
            conn.execute(
                "SELECT key, value FROM settings WHERE key IN ('showroom_uuid', 'showroom_name')"
            ).fetchall()
        )
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    if "showroom_uuid" not in found:
        return None
    return found["showroom_uuid"], found.get("showroom_name", "")


def _keep_and_retire(db_path: Path, kept: Path) -> None:
    """Take the database away from every writer (the app, a command, another program):
    wait for the write lock, copy what is committed into ``kept``, then, in the same
    transaction, make every later write into this file fail with REPLACED. A writer that
    still has it open is told so; nothing it acknowledged before is missing from ``kept``."""
    conn = sqlite3.connect(db_path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute("BEGIN IMMEDIATE")
        # Read on another connection: with the lock held here, it sees every commit there is.
        source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        copy = sqlite3.connect(kept)
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%' "
                "AND name NOT LIKE 'product_search_%'"
            )
        ]
        for table in tables:
            for act in ("INSERT", "UPDATE", "DELETE"):
                conn.execute(
                    f'CREATE TRIGGER "replaced_{table}_{act.lower()}" BEFORE {act} ON "{table}" '
                    f"BEGIN SELECT RAISE(ABORT, '{REPLACED}'); END"
                )
        conn.execute("COMMIT")
    finally:
        conn.close()


def _copy_damaged(db_path: Path, target: Path) -> None:
    """A damaged database kept as its bytes are, WAL beside them."""
    shutil.copyfile(db_path, target)
    wal = Path(f"{db_path}-wal")
    if wal.exists():
        shutil.copyfile(wal, Path(f"{target}-wal"))
