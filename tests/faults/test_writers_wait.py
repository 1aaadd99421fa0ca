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


@pytest.mark.parametrize("kinds", [("products", "products"), ("sales", "intake")])
def test_two_big_imports_beside_the_till_refuse_no_sale(tmp_path, kinds):
    """Two command-line imports of 20,000 rows each (products; a fair's sales and goods
    received), in their own processes, while a sale is posted every 50 ms
    (faults/busy_writers.py; `python -m faults.busy_writers` prints the figures)."""
    from faults import busy_writers

    outcome = busy_writers.run(20_000, tmp_path, kinds)
    assert outcome.imports_ok, outcome.import_errors
    assert "Traceback" not in outcome.import_errors
    assert outcome.sales_posted > 0 and outcome.sales_refused == []
    assert outcome.numbers_gapless and outcome.problems == []


def test_an_import_stages_its_rows_without_the_write_lock_and_posts_all_or_nothing(
    demo_db, tmp_path
):
    """Staging writes TEMP tables only: it finishes while another program holds the write
    lock. Posting is one transaction: a barcode taken meanwhile leaves nothing written."""
    from datetime import date

    from pos.catalog import ProductInput
    from pos.errors import ValidationError
    from pos.services.product_staging import post_staged_products, stage_products

    products = [
        ProductInput(f"NHAP-{n:05d}", f"Trà thử {n}", "BAOMINH", 10_000 + n, "4", 800, False)
        for n in range(2_000)
    ]
    taken = "8930000000019"
    products[-1] = ProductInput(
        "NHAP-CUOI", "Trà cuối", "BAOMINH", 9_000, "4", 800, False, barcodes=(taken,)
    )
    path = str(tmp_path / "pos.sqlite3")
    started, release = threading.Event(), threading.Event()
    writer = threading.Thread(target=_hold_write_lock, args=(path, started, release))
    writer.start()
    started.wait(10)
    try:
        stage_products(demo_db, products)  # would wait, or fail, if it needed the lock
        assert not demo_db.conn.in_transaction
    finally:
        release.set()
        writer.join(10)
    before = demo_db.execute("SELECT count(*) FROM products").fetchone()[0]
    demo_db.execute(  # meanwhile the barcode went to another product
        "INSERT INTO barcodes (code, product_id, kind) "
        "SELECT ?, id, 'gs1' FROM products WHERE sku = 'BANH-PIA'",
        [taken],
    )
    with pytest.raises(ValidationError, match=f"mã vạch {taken} đã thuộc mặt hàng BANH-PIA"):
        with demo_db.atomic():
            post_staged_products(demo_db, date(2026, 11, 24))
    assert demo_db.execute("SELECT count(*) FROM products").fetchone()[0] == before
