"""Opening the database: connection settings every connection needs, then migrations."""

import sqlite3
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from pos.errors import DatabaseError
from pos.storage.ledger import seal_noted_rows
from pos.storage.schema import migrations
from pos.storage.seals import start_sealing
from pos.text import fold

BUSY_TIMEOUT_MS = 5000


# What a write into a database that a restore has replaced says (the retiring triggers').
REPLACED = "cơ sở dữ liệu này đã được thay bằng bản khôi phục: hãy mở lại chương trình"


# What a write says once the check running beside the app found the file damaged.
STOPPED = (
    "kiểm tra thấy file cơ sở dữ liệu bị hỏng nên chương trình không ghi gì thêm vào nó; "
    "hãy khôi phục từ bản sao lưu (Cài đặt, Sao lưu) hoặc gọi hỗ trợ"
)
# Writes, and a pragma that writes the log into the file, refused once the file is damaged.
_WRITES = {
    sqlite3.SQLITE_INSERT,
    sqlite3.SQLITE_UPDATE,
    sqlite3.SQLITE_DELETE,
    sqlite3.SQLITE_CREATE_INDEX,
    sqlite3.SQLITE_CREATE_TABLE,
    sqlite3.SQLITE_CREATE_TRIGGER,
    sqlite3.SQLITE_CREATE_VIEW,
    sqlite3.SQLITE_DROP_INDEX,
    sqlite3.SQLITE_DROP_TABLE,
    sqlite3.SQLITE_DROP_TRIGGER,
    sqlite3.SQLITE_DROP_VIEW,
    sqlite3.SQLITE_ALTER_TABLE,
}


def stop_writing(db: Database) -> None:
    """This connection writes nothing more (the check beside the app found the file
    damaged); reading goes on. Every write is refused by SQLite's authorizer, which comes
    out as STOPPED in words."""

    def refuse(action, first, *_):
        if action == sqlite3.SQLITE_UPDATE and first == "sqlite_master":
            return sqlite3.SQLITE_OK  # asked when a virtual table (the search) is first read
        if action in _WRITES or (action == sqlite3.SQLITE_PRAGMA and first == "wal_checkpoint"):
            return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK

    db.conn.set_authorizer(refuse)
    _stopped.add(db)


_stopped: "weakref.WeakSet[Database]" = weakref.WeakSet()  # the connections stop_writing stopped


def storage_problem(error: sqlite3.Error) -> DatabaseError:
    """What a shop manager needs to know when SQLite cannot write: nothing was half-written
    (the transaction rolled back), why, and what to do."""
    text = str(error).lower()
    if REPLACED in str(error):
        why = REPLACED
    elif is_stopped(error):
        why = STOPPED
    elif "full" in text:
        why = "ổ đĩa đầy. Hãy giải phóng dung lượng (xóa file tạm, chép ảnh ra USB) rồi thử lại"
    elif "readonly" in text or "read-only" in text:
        why = (
            "file cơ sở dữ liệu đang ở chế độ chỉ đọc (quyền của file hoặc thư mục, "
            "hoặc ổ USB bị khóa ghi)"
        )
    elif "locked" in text or "busy" in text:
        why = "cơ sở dữ liệu đang bận vì chương trình khác đang ghi; thử lại sau giây lát"
    elif "disk i/o" in text:
        why = "lỗi đọc/ghi ổ đĩa: hãy sao lưu ngay và kiểm tra ổ đĩa"
    else:
        why = f"lỗi cơ sở dữ liệu ({error})"
    return DatabaseError(f"Chưa ghi được: {why}. Những gì đã ghi trước đó vẫn an toàn.")


@contextmanager
def storage_errors() -> Iterator[None]:
    """Turn SQLite's write failures into a DatabaseError with a human message."""
    try:
        yield
    except sqlite3.OperationalError as error:
        raise storage_problem(error) from error
    except sqlite3.IntegrityError as error:
        if REPLACED not in str(error):
            raise
        raise storage_problem(error) from error
    except sqlite3.DatabaseError as error:  # an authorizer's refusal: stop_writing
        if not is_stopped(error):
            raise
        raise storage_problem(error) from error


def is_stopped(error: BaseException) -> bool:
    return isinstance(error, sqlite3.DatabaseError) and str(error) == "not authorized"


class PosDatabase(Database):
    """sqlite-utils' Database whose transactions start with ``BEGIN IMMEDIATE``: a plain
    ``BEGIN`` that reads and then writes fails at once with "database is locked" when another
    connection wrote meanwhile, whatever the busy timeout; taking the write lock first makes
    it wait its turn. SQLite's write failures inside come out as a DatabaseError that says
    what happened, never as a raw sqlite3 error."""

    @contextmanager
    def atomic(self) -> Iterator["PosDatabase"]:
        if self.conn.in_transaction:  # nested: a savepoint in the caller's transaction
            with super().atomic():
                yield self
            return
        with storage_errors():
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
            except BaseException:
                self.rollback()
                raise
            try:
                seal_noted_rows(self)
                self.conn.execute("COMMIT")
            except BaseException:
                self.rollback()
                raise


def open_database(path: str | Path) -> Database:
    """Open (creating if new) the showroom database and bring its schema up to date."""
    path = Path(path)
    if not path.parent.is_dir():
        raise DatabaseError(f"Không có thư mục chứa cơ sở dữ liệu: {path.parent}")
    try:
        db = PosDatabase(path, strict=True)
        configure_connection(db)
        migrations.apply(db)
        start_sealing(db)
    except sqlite3.OperationalError as error:
        raise DatabaseError(
            f"Không mở được cơ sở dữ liệu {path}: {storage_problem(error)}"
        ) from error
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"Không mở được cơ sở dữ liệu {path}: {error}") from error
    return db


def configure_connection(db: Database) -> None:
    # WAL + FULL: a committed sale survives a power cut; foreign keys are off by default.
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # The search index's folding (đ -> d, no marks), the same function in SQL as in Python.
    db.conn.create_function("fold", 1, fold, deterministic=True)


@contextmanager
def unsynced_commit(db: Database) -> Iterator[None]:
    """Commit what is inside without waiting for the disk (synchronous=NORMAL), for data a
    power cut may take back but a crash of the app may not: the commit is written to the WAL
    at once (the OS holds it if the app dies), and the next FULL commit, a sale, or a
    checkpoint makes it durable with everything before it. Never for posted documents."""
    if db.conn.in_transaction:  # the caller's transaction decides
        yield
        return
    db.execute("PRAGMA synchronous=NORMAL")
    try:
        yield
    finally:
        db.execute("PRAGMA synchronous=FULL")


def defer_checkpoints(db: Database) -> None:
    """The till's connection: no WAL checkpoint inside a sale's commit (it made one sale in a
    hundred take 15-130 ms); the app calls checkpoint() when the counter is idle instead."""
    db.execute("PRAGMA wal_autocheckpoint=0")


def checkpoint(db: Database) -> None:
    """Copy committed pages from the WAL into the database file without blocking anyone
    (not into a file found damaged: stop_writing)."""
    if db not in _stopped:
        db.execute("PRAGMA wal_checkpoint(PASSIVE)")
