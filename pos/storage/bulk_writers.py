"""Long writers (imports) take turns among themselves before they ask SQLite for its write
lock, so a till waiting for that lock waits behind one import at most, never behind a queue
of them (SQLite's busy handler serves whoever retries first, not whoever came first)."""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from pos.errors import DatabaseError
from pos.storage.instance_lock import try_lock

WAIT_S = 600  # an import of a whole catalog takes seconds; ten minutes means one is stuck
POLL_S = 0.05
# After a long writer commits, the next one waits this long: a till waiting on SQLite's busy
# handler retries at least every 100 ms, so it gets the lock before the next import does.
GIVE_WAY_S = 0.25


@contextmanager
def bulk_writer(db: Database) -> Iterator[None]:
    """Hold the database's bulk-writer turn (an OS file lock beside it, released by the OS
    if the process dies) for the duration of the block."""
    main_file = next(row[2] for row in db.execute("PRAGMA database_list") if row[1] == "main")
    if not main_file:  # an in-memory database has no other writers
        yield
        return
    handle = open(Path(f"{main_file}.bulk-lock"), "a+b")  # noqa: SIM115 (held for the block)
    try:
        _wait_for_turn(handle)
        yield
        time.sleep(GIVE_WAY_S)
    finally:
        handle.close()  # closing the file releases the lock


def _wait_for_turn(handle) -> None:
    deadline = time.monotonic() + WAIT_S
    while True:
        try:
            try_lock(handle)
            return
        except OSError:
            if time.monotonic() > deadline:
                raise DatabaseError(
                    "Chưa ghi được: một lần nhập dữ liệu khác chạy quá lâu. Hãy chờ nó xong "
                    "hoặc đóng nó, rồi thử lại. Chưa có gì được ghi."
                ) from None
            time.sleep(POLL_S)
