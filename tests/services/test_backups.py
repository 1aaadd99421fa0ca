"""Backups that verify before they count, rotation, restore that keeps what it replaces,
one app per database, and `ocop-pos check|backup|restore` on the command line."""

import os
import time
from datetime import datetime

import pytest

from pos import cli
from pos.services import backups, integrity
from pos.services.settings import get_setting, set_settings
from pos.storage.database import open_database
from pos.storage.instance_lock import AlreadyRunning, InstanceLock
from tests.conftest import demo_user
from tests.services.test_sales_service import T, cart_of, pay_cash


def at(monkeypatch, moment: datetime) -> None:
    monkeypatch.setattr("pos.clock.now", lambda: moment)


def sales_count(db) -> int:
    return db.execute("SELECT count(*) FROM sales").fetchone()[0]


@pytest.fixture
def shop(demo_db, tmp_path, monkeypatch):
    from pos.services import shifts

    at(monkeypatch, datetime(2026, 11, 24, 10, 0))
    shifts.open_shift(demo_db, T, "Lan", 0)
    pay_cash(demo_db, cart_of(demo_db, ("SAM-TRA-20", 1)), token="a")
    set_settings(
        demo_db,
        {"backup_dir": str(tmp_path / "backups"), "backup_keep": "2"},
        demo_user(demo_db, "admin"),
    )
    return demo_db


def test_automatic_backups_verify_and_rotate(shop, tmp_path, monkeypatch):
    assert backups.backup_due(shop, datetime(2026, 11, 24).date())
    for minute in range(4):
        at(monkeypatch, datetime(2026, 11, 24, 21, minute))
        backups.automatic_backup(shop, "z")
    at(monkeypatch, datetime(2026, 11, 24, 22, 0))
    manual = backups.take_backup(shop, tmp_path / "backups", "manual")
    kept = backups.list_backups(tmp_path / "backups")
    assert [b.reason for b in kept] == ["manual", "z", "z"]  # the two newest Z, manual kept
    assert [b.taken_at.minute for b in kept[1:]] == [3, 2]
    assert not backups.backup_due(shop, datetime(2026, 11, 24).date())
    assert integrity.check_file(manual.path) == []
    assert not list((tmp_path / "backups").glob(".*.tmp"))  # no half-written copies left


def test_an_automatic_backup_moves_the_check_mark_and_says_what_was_edited_since(shop, monkeypatch):
    """The copy gets the incremental check: clean, the live database's mark moves to the
    copy's head; a sale edited since (outside the program) is named, the copy still kept."""
    from tests.insider import as_insider

    at(monkeypatch, datetime(2026, 11, 24, 21, 0))
    first = backups.automatic_backup(shop, "daily")
    mark = shop.execute("SELECT seq FROM check_marks").fetchone()[0]
    assert mark == first.head.count
    sale = pay_cash(shop, cart_of(shop, ("BANH-PIA", 1)), token="edited")
    as_insider(shop, "UPDATE payments SET amount_vnd = 1 WHERE sale_id = ?", [sale.id])
    at(monkeypatch, datetime(2026, 11, 24, 21, 5))
    with pytest.raises(backups.BackupError, match=f"đã lưu, nhưng.*{sale.number}"):
        backups.automatic_backup(shop, "z")
    assert [b.reason for b in backups.list_backups(backups.backup_folder(shop))] == ["z", "daily"]
    assert shop.execute("SELECT seq FROM check_marks").fetchone()[0] == mark  # not moved


def test_a_backup_that_cannot_be_written_says_why_and_leaves_nothing(shop, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(backups.BackupError, match="không ghi được bản sao lưu"):
        backups.take_backup(shop, blocker / "usb", "manual")


def test_restore_verifies_first_and_keeps_the_replaced_database(shop, tmp_path):
    path = tmp_path / "pos.sqlite3"
    good = backups.take_backup(shop, tmp_path / "usb", "manual")
    pay_cash(shop, cart_of(shop, ("SUA-TUOI-1L", 1)), token="b")  # after the backup
    shop.close()

    damaged = tmp_path / "usb" / "ocop-pos-20261124-235959-manual.sqlite3"
    data = bytearray(good.path.read_bytes())
    for offset in range(4096 * 2, len(data), 131):
        data[offset] ^= 0x33
    damaged.write_bytes(bytes(data))
    with pytest.raises(backups.BackupError, match="bị lỗi"):
        backups.restore_backup(damaged, path, tmp_path / "safety")
    assert sales_count(open_database(path)) == 2  # untouched
    assert backups.newest_good_backup(tmp_path / "usb").path == good.path

    kept = backups.restore_backup(good.path, path, tmp_path / "safety")
    assert sales_count(open_database(path)) == 1
    assert sales_count(open_database(kept)) == 2  # the replaced database, with its last sale


def test_one_app_per_database(tmp_path):
    path = tmp_path / "pos.sqlite3"
    with InstanceLock(path):
        with pytest.raises(AlreadyRunning, match="đang mở"):
            InstanceLock(path).acquire()
        assert cli.main(["--db", str(path), "restore", str(path)]) == 2  # refused while open
    with InstanceLock(path):  # released: the next start gets it
        pass


def test_cli_check_names_the_tampered_document(shop, tmp_path, capsys):
    path = tmp_path / "pos.sqlite3"
    assert cli.main(["--db", str(path), "check"]) == 0
    shop.execute("DROP TRIGGER sale_lines_no_update")
    shop.execute("UPDATE sale_lines SET unit_price_vnd = 1000")
    capsys.readouterr()
    assert cli.main(["--db", str(path), "check"]) == 1
    captured = capsys.readouterr()
    assert "T01-000001" in captured.out and "sale_lines_no_update" in captured.out
    assert "chứng từ đầu tiên bị ảnh hưởng: T01-000001" in captured.err


def test_cli_backup_then_restore(shop, tmp_path, capsys, monkeypatch):
    path = tmp_path / "pos.sqlite3"
    assert cli.main(["--db", str(path), "backup", "--out", str(tmp_path / "usb")]) == 0
    [copy] = (tmp_path / "usb").glob("ocop-pos-*-manual-*.sqlite3")
    pay_cash(shop, cart_of(shop, ("SUA-TUOI-1L", 1)), token="b")
    shop.close()
    monkeypatch.setenv("OCOP_POS_PASSWORD", "quanly2026")
    assert cli.main(["--db", str(path), "restore", str(copy), "--user", "quanly"]) == 0
    assert sales_count(open_database(path)) == 1
    assert "trước khi khôi phục" in capsys.readouterr().out


def test_a_backup_leaves_only_itself_and_a_killed_ones_leftovers_go(shop, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    killed = usb / ".ocop-pos-20261101-090000-manual.sqlite3.tmp"
    killed.write_bytes(b"half a copy")
    os.utime(killed, (time.time() - 7200, time.time() - 7200))
    running = usb / ".ocop-pos-20261124-102959-manual.sqlite3.tmp"
    running.write_bytes(b"another backup, still being written")
    taken = backups.take_backup(shop, usb, "manual")
    assert integrity.check_file(taken.path) == []  # opened and checked again
    assert sorted(p.name for p in usb.iterdir()) == sorted([taken.path.name, running.name])
    restored = tmp_path / "restored.sqlite3"
    backups.restore_backup(taken.path, restored, tmp_path / "kept")
    assert open_database(restored).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def _other_programs_file(path):
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "make, said",
    [
        (lambda path: path.write_bytes(b""), "không phải cơ sở dữ liệu OCOP POS"),
        (_other_programs_file, "không phải cơ sở dữ liệu OCOP POS"),
        (lambda path: path.write_bytes(b"PK\x03\x04 a spreadsheet"), "không đọc được file"),
    ],
)
def test_restoring_what_is_not_a_showroom_database_says_so_in_one_sentence(
    shop, tmp_path, capsys, monkeypatch, make, said
):
    path = tmp_path / "pos.sqlite3"
    wrong = tmp_path / "usb" / "sao-luu.sqlite3"
    wrong.parent.mkdir()
    make(wrong)
    shop.close()
    monkeypatch.setenv("OCOP_POS_PASSWORD", "quanly2026")
    assert cli.main(["--db", str(path), "restore", str(wrong), "--user", "quanly"]) == 2
    err = capsys.readouterr().err.strip()
    assert said in err and "Traceback" not in err and len(err.splitlines()) == 1
    assert sales_count(open_database(path)) == 1  # the showroom's own file untouched


def test_a_backup_from_an_early_version_is_checked_migrated_and_restored(tmp_path):
    from sqlite_utils import Database

    from pos.storage.schema import migrations

    early = tmp_path / "ocop-pos-20260101-080000-manual.sqlite3"
    db = Database(early, strict=True)
    migrations.apply(db, stop_before="m005_users_refunds_shift_close")  # before refunds existed
    db.close()
    assert integrity.check_file(early) == []
    target = tmp_path / "pos.sqlite3"
    current = open_database(target)  # a showroom with an identity
    ours = get_setting(current, "showroom_uuid")
    current.close()
    backups.restore_backup(early, target, tmp_path / "kept")
    restored = open_database(target)
    assert not migrations.pending(restored) and integrity.full_check(restored) == []
    assert get_setting(restored, "showroom_uuid") == ours  # its own past, the same showroom


WRITER = """
import sys, time
from pos.cart import Cart, price
from pos.errors import PosError
from pos.payments import cash_tender
from pos.services import catalog, sales, users
from pos.storage.database import open_database

db = open_database(sys.argv[1])
cashier = users.get_user(db, "thungan")
refused, started = 0, time.monotonic()
n = 0
while refused < 5 and time.monotonic() - started < 60:
    n += 1
    cart = Cart()
    cart.add(sales.cart_line(catalog.find_product_by_code(db, "BANH-PIA"), 1))
    total = price(cart).total_vnd
    try:
        tenders = [cash_tender(total, total)]
        posted = sales.post_sale(db, "T01", cart, tenders, f"w{n}", actor=cashier)
        print("ACK", posted.number, flush=True)
    except PosError as error:
        refused += 1
        print("REFUSED", error, flush=True)
    time.sleep(0.02)
"""


def test_a_restore_while_another_process_writes_loses_nothing_acknowledged(shop, tmp_path):
    """Every sale acknowledged before the swap is in the kept copy; every later attempt is
    refused in words; none is acknowledged and then missing from both files."""
    import subprocess
    import sys

    path = tmp_path / "pos.sqlite3"
    good = backups.take_backup(shop, tmp_path / "usb", "manual")
    in_backup = sales_count(shop)
    shop.close()
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    seen = []
    while len(seen) < 5:
        line = writer.stdout.readline()
        assert line, writer.stderr.read()
        seen.append(line)
    kept = backups.restore_backup(good.path, path, tmp_path / "safety")
    out, err = writer.communicate(timeout=90)
    lines = seen + out.splitlines()
    acknowledged = [line.split()[1] for line in lines if line.startswith("ACK")]
    refusals = [line for line in lines if line.startswith("REFUSED")]
    assert "Traceback" not in err and len(refusals) == 5
    assert all("đã được thay bằng bản khôi phục" in line for line in refusals)
    in_kept = {n for (n,) in open_database(kept).execute("SELECT number FROM sales")}
    restored = open_database(path)
    in_restored = {n for (n,) in restored.execute("SELECT number FROM sales")}
    assert set(acknowledged) <= in_kept  # nothing acknowledged is lost
    assert len(in_restored) == in_backup and integrity.full_check(restored) == []
    assert not any(
        name.startswith("replaced_")
        for (name,) in restored.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    )


def test_a_backup_carries_its_journal_head_and_check_holds_the_file_to_it(shop, tmp_path, capsys):
    """Tail truncation after a backup: the newest sales cut off with their entries and the
    counter wound back leave a chain that holds; the head in the backup's name does not."""
    from pos.storage.ledger import journal_head
    from tests.services.test_anchors import cut_off_newest_sale, protect_again

    usb = tmp_path / "usb"
    pay_cash(shop, cart_of(shop, ("SUA-TUOI-1L", 1)), token="b")
    taken = backups.take_backup(shop, usb, "manual")
    assert taken.head == journal_head(shop)
    assert taken.path.name.endswith(f"-manual-{taken.head.count}-{taken.head.hash_prefix}.sqlite3")
    assert backups.list_backups(usb)[0].head == taken.head
    path = tmp_path / "pos.sqlite3"
    assert cli.main(["--db", str(path), "check", "--backups", str(usb)]) == 0
    cut_off_newest_sale(shop)
    protect_again(shop)
    shop.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    capsys.readouterr()
    assert cli.main(["--db", str(path), "check", "--backups", str(usb)]) == 1
    assert f"mốc {taken.head}: sổ nhật ký chỉ còn" in capsys.readouterr().out


def test_another_showrooms_backup_is_restored_only_on_an_explicit_yes(shop, tmp_path, capsys):
    """The CLI refuses it naming both showrooms; with --other-showroom it restores."""
    from pos.importing.demo import load_demo
    from tests.conftest import FIXTURES, INTAKE_DAY

    other = open_database(tmp_path / "other.sqlite3")
    load_demo(other, FIXTURES, INTAKE_DAY)
    set_settings(other, {"showroom_name": "Showroom Hà Giang"}, demo_user(other, "admin"))
    theirs = backups.take_backup(other, tmp_path / "theirs", "manual")
    other.close()
    path = tmp_path / "pos.sqlite3"
    said = backups.other_showroom_than(shop, theirs.path)
    assert "Showroom Hà Giang" in said and "Showroom OCOP" in said
    shop.close()
    with pytest.raises(backups.OtherShowroom):
        backups.restore_backup(theirs.path, path, tmp_path / "kept")
    env = {"OCOP_POS_PASSWORD": "quanly2026"}
    os.environ.update(env)
    try:
        restore = ["--db", str(path), "restore", str(theirs.path), "--user", "quanly"]
        assert cli.main(restore) == 2
        err = capsys.readouterr().err
        assert "Showroom Hà Giang" in err and "--other-showroom" in err
        assert sales_count(open_database(path)) == 1  # nothing replaced
        assert cli.main([*restore, "--other-showroom"]) == 0
    finally:
        os.environ.pop("OCOP_POS_PASSWORD")
    assert sales_count(open_database(path)) == 0  # the other showroom's books now


def test_the_same_showrooms_backup_needs_no_second_yes(shop, tmp_path):
    taken = backups.take_backup(shop, tmp_path / "usb", "manual")
    assert backups.other_showroom_than(shop, taken.path) is None
