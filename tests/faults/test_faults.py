"""Faults a showroom meets: a process killed mid-sale, a full disk, a read-only or missing
database, a clock set back. Each is said clearly and loses nothing."""

import sqlite3
from datetime import datetime

import pytest

from faults import einvoice_kill_loop, kill_loop
from pos import cli
from pos.errors import DatabaseError
from pos.services import carts, integrity, sales, shifts
from pos.storage.database import PosDatabase, open_database
from tests.conftest import demo_user
from tests.ledger_sums import on_hand_by_sku
from tests.services.test_sales_service import T, cart_of, pay_cash


@pytest.fixture
def shop(demo_db):
    shifts.open_shift(demo_db, T, "Lan", 0)
    return demo_db


def count(db, table: str) -> int:
    return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_sigkill_while_posting_sales_loses_no_acknowledged_sale():
    results = kill_loop.run(rounds=3, seed=11)
    assert sum(r.acknowledged for r in results) > 0
    assert all(r.missing == [] and r.problems == [] for r in results)


def test_sigkill_while_selling_and_sending_einvoices_leaves_one_invoice_per_sale():
    outcome = einvoice_kill_loop.run(rounds=3, seed=11)
    assert outcome.sales > 0 and outcome.invoices == outcome.sales
    assert (outcome.duplicated, outcome.missing, outcome.strangers, outcome.unsent) == (
        [],
        [],
        0,
        0,
    )
    assert outcome.at_provider == outcome.sales


def fill_the_disk(db) -> None:
    """No page may be added to the file, and the free bytes in its pages are used up. A sale
    in the small demo would still fit in its tables' half-empty pages, so each sale also
    needs a page more (a temporary trigger), as a sale on a long-used, full disk does."""
    db.execute("CREATE TABLE filler (b BLOB)")
    db.execute(f"PRAGMA max_page_count = {db.execute('PRAGMA page_count').fetchone()[0]}")
    for size in (4000, 500, 50, 1):
        with pytest.raises(sqlite3.OperationalError, match="full"):
            while True:
                db.execute("INSERT INTO filler VALUES (zeroblob(?))", [size])
    db.execute(
        "CREATE TEMP TRIGGER sale_needs_a_page AFTER INSERT ON main.sales "
        "BEGIN INSERT INTO filler VALUES (zeroblob(4000)); END"
    )


def make_room(db) -> None:
    db.execute("DROP TRIGGER temp.sale_needs_a_page")
    db.execute("DROP TABLE filler")
    db.execute("PRAGMA max_page_count = 1073741823")


def test_disk_full_refuses_the_sale_whole_and_the_retry_posts_it_once(shop):
    # A big basket: its lines need pages the full disk cannot give.
    skus = [sku for sku, qty in on_hand_by_sku(shop).items() if qty > 2][:20]
    cart = cart_of(shop, *[(sku, 2) for sku in skus])
    carts.save_open_cart(shop, T, cart)
    fill_the_disk(shop)
    before = {t: count(shop, t) for t in ("sales", "sale_lines", "payments", "journal")}
    with pytest.raises(DatabaseError, match="ổ đĩa đầy"):
        pay_cash(shop, cart, token="full")
    assert {t: count(shop, t) for t in before} == before  # nothing half-written
    assert carts.load_open_cart(shop, T).lines  # the cart is still there to pay again
    make_room(shop)
    first = pay_cash(shop, cart, token="full")
    again = pay_cash(shop, cart, token="full")
    assert again.replayed and again.number == first.number == "T01-000001"
    assert integrity.full_check(shop) == []


def test_a_read_only_database_says_so_and_writes_nothing(shop, tmp_path):
    cart = cart_of(shop, ("SAM-TRA-20", 1))
    shop.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    read_only = PosDatabase(sqlite3.connect(f"file:{tmp_path / 'pos.sqlite3'}?mode=ro", uri=True))
    with pytest.raises(DatabaseError, match="chỉ đọc"):
        pay_cash(read_only, cart, token="ro")
    assert count(shop, "sales") == 0


def test_a_missing_database_folder_is_named(tmp_path, capsys):
    missing = tmp_path / "khong-co" / "pos.sqlite3"
    with pytest.raises(DatabaseError, match="Không có thư mục"):
        open_database(missing)
    assert cli.main(["--db", str(missing), "stock"]) == 2
    assert "khong-co" in capsys.readouterr().err
    assert not missing.parent.exists()


def test_clock_set_back_between_two_sales_is_said_and_both_sales_kept(shop):
    first = pay_cash(shop, cart_of(shop, ("SAM-TRA-20", 1)), token="a")
    later = pay_cash(
        shop, cart_of(shop, ("BANH-PIA", 1)), token="b", when=datetime(2026, 11, 24, 9, 0)
    )
    assert first.clock_warning == ""
    assert "T01-000001" in later.clock_warning and "24/11/2026 10:30" in later.clock_warning
    assert later.number == "T01-000002"
    assert count(shop, "sales") == 2 and integrity.full_check(shop) == []


def test_the_clock_is_held_against_the_same_tills_last_sale_only(shop):
    """A second till's first sale, at an earlier time than the first till's last, is no
    clock problem; its next one, set back behind its own first, is (named by that sale)."""
    from pos.cart import price
    from pos.payments import cash_tender

    pay_cash(shop, cart_of(shop, ("SAM-TRA-20", 1)), token="a")  # T01 at 10:30
    shifts.open_shift(shop, "T02", "Minh", 0)

    def on_t02(token, when):
        cart = cart_of(shop, ("BANH-PIA", 1))
        total = price(cart).total_vnd
        return sales.post_sale(
            shop,
            "T02",
            cart,
            [cash_tender(total, total)],
            token,
            when,
            actor=demo_user(shop, "thungan"),
        )

    first = on_t02("b", datetime(2026, 11, 24, 9, 0))
    later = on_t02("c", datetime(2026, 11, 24, 8, 0))
    assert (first.number, first.clock_warning) == ("T02-000001", "")
    assert "T02-000001" in later.clock_warning and "24/11/2026 09:00" in later.clock_warning
