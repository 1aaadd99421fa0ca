"""The showroom's database file as the app holds it: one copy of the app per file, the file
opened (migrated) or checked first, a connection of its own for work off the GUI thread, the
write-ahead log kept short while the counter is idle, SQLite's own errors said in words, and
the first start. The window code reaches storage only through here."""

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from pos.paths import default_backup_dir
from pos.permissions import User
from pos.services.settings import set_settings
from pos.services.users import create_first_admin
from pos.storage.database import (
    checkpoint,
    defer_checkpoints,
    is_stopped,
    open_database,
    stop_writing,
    storage_problem,
)
from pos.storage.instance_lock import InstanceLock
from pos.storage.quick_check import quick_check

__all__ = [
    "checkpoint",
    "defer_checkpoints",
    "open_database",
    "quick_check",
    "stop_writing",
]


def hold(db_path: Path) -> InstanceLock:
    """This copy of the app's hold on the file (raises AlreadyRunning); release it at exit."""
    lock = InstanceLock(db_path)
    lock.acquire()
    return lock


def database_path(db: Database) -> str:
    """The file an open connection is on (for a second connection to the same file)."""
    return db.execute("PRAGMA database_list").fetchone()[2]


def backup_folder_of(db_path: Path) -> Path:
    """The backup folder a (possibly damaged) database names, read without writing."""
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM settings WHERE key = 'backup_dir'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        row = None
    return Path(row[0]) if row and row[0] else default_backup_dir()


def in_wal_mode(db_path: Path) -> bool:
    """The file's header says WAL (bytes 18-19 are 2): opening it then changes nothing of
    it while it is being checked. A new file, or one a restore wrote (rollback journal), is
    not."""
    try:
        with open(db_path, "rb") as file:
            return file.read(20)[18:20] == b"\x02\x02"
    except OSError:
        return False


def in_words(error: BaseException) -> BaseException:
    """An error escaping to the window: SQLite's own failures (disk full, read-only, locked)
    as a PosError a manager understands; any other error as it is."""
    words = isinstance(error, sqlite3.OperationalError) or is_stopped(error)
    return storage_problem(error) if words else error


def first_start(
    db: Database, username: str, display_name: str, password: str, settings: dict[str, str]
) -> User:
    """The showroom set up at its first start: its administrator and its settings, together
    or not at all."""
    with db.atomic():
        admin = create_first_admin(db, username, display_name, password)
        set_settings(db, settings, admin)
        return admin
