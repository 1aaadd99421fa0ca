"""SQLite's quick check of a database file, read-only; also started on its own thread at app
start so that it runs while Qt loads (SQLite lets go of the GIL while it reads). Imports only
the standard library, so it can start before anything else is loaded."""

import sqlite3
from concurrent.futures import Future
from pathlib import Path
from threading import Thread


def quick_check(path: str | Path) -> str | None:
    """SQLite's quick check on a read-only connection (it never writes into a damaged file):
    None when the file is sound, else what is wrong, in words."""
    try:
        conn = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
        try:
            rows = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        return f"không đọc được file: {error}"
    return None if rows == ["ok"] else "; ".join(rows)


def quick_check_started(path: str | Path) -> Future:
    """The quick check of ``path`` running on a daemon thread; its result is quick_check's."""
    result: Future = Future()

    def run() -> None:
        try:
            result.set_result(quick_check(path))
        except BaseException as error:  # handed to whoever waits for the result
            result.set_exception(error)

    Thread(target=run, name="quick-check", daemon=True).start()
    return result
