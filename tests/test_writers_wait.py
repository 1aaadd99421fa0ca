"""Writers on one file wait their turn: every write transaction takes the write lock first
(BEGIN IMMEDIATE), so the busy timeout is honoured and no raw sqlite3 error reaches anyone."""

import sqlite3
import threading

import pytest

from pos.errors import AuthError, DatabaseError
from pos.services import users
from pos.storage.database import open_database


def _hold_write_lock(path, started: threading.Event, release: threading.Event) -> None:
    """Another program writing: it holds the write lock, then commits a change."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO settings (key, value) VALUES ('other_writer', 'x')")
    started.set()
    release.wait(10)
    conn.execute("COMMIT")
    conn.close()


def test_a_transaction_that_reads_then_writes_waits_for_another_writer(demo_db, tmp_path):
    """A failed sign-in reads the user, then records the failure. With a plain BEGIN its
    snapshot is stale once the other writer commits, and SQLite refuses at once."""
    path = str(tmp_path / "pos.sqlite3")
    other = open_database(path)
    started, release = threading.Event(), threading.Event()
    writer = threading.Thread(target=_hold_write_lock, args=(path, started, release))
    writer.start()
    started.wait(10)
    threading.Timer(0.3, release.set).start()  # the other writer finishes while we wait
    try:
        with pytest.raises(AuthError):
            users.sign_in(other, "thungan", "0000")
    finally:
        release.set()
        writer.join(10)
    failures = other.execute(
        "SELECT failed_attempts FROM users WHERE username = 'thungan'"
    ).fetchone()[0]
    assert failures == 1
    assert other.execute("SELECT value FROM settings WHERE key = 'other_writer'").fetchone()
    other.close()


def test_a_writer_that_cannot_get_its_turn_says_so_in_words(demo_db, tmp_path, monkeypatch):
    path = str(tmp_path / "pos.sqlite3")
    other = open_database(path)
    other.execute("PRAGMA busy_timeout=50")  # do not wait five seconds in a test
    started, release = threading.Event(), threading.Event()
    writer = threading.Thread(target=_hold_write_lock, args=(path, started, release))
    writer.start()
    started.wait(10)
    try:
        with pytest.raises(DatabaseError, match="đang bận") as raised:
            users.sign_in(other, "thungan", "1234")
    finally:
        release.set()
        writer.join(10)
    assert not isinstance(raised.value, sqlite3.Error)
    other.close()


def test_two_big_imports_beside_the_till_refuse_no_sale(tmp_path):
    """Two command-line imports of 20,000 rows each, in their own processes, while a sale
    is posted every 50 ms (faults/busy_writers.py; `python -m faults.busy_writers` prints
    the figures)."""
    from faults import busy_writers

    outcome = busy_writers.run(20_000, tmp_path)
    assert outcome.imports_ok, outcome.import_errors
    assert "Traceback" not in outcome.import_errors
    assert outcome.sales_posted > 0 and outcome.sales_refused == []
    assert outcome.numbers_gapless and outcome.problems == []
