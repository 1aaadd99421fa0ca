"""Starting on a damaged database: nothing is written into it; the newest good backup is
offered and restored only if the manager says yes."""

import shutil
import threading
from concurrent.futures import Future

import pytest

from pos.errors import DatabaseError
from pos.services import backups, shifts, showroom_file
from pos.storage.database import STOPPED
from pos.storage.quick_check import quick_check, quick_check_started
from tests.insider import as_insider
from tests.services.test_integrity import damage
from tests.services.test_sales_service import T, cart_of, pay_cash
from ui import startup


def damaged_shop(demo_db, tmp_path, monkeypatch):
    monkeypatch.setattr(
        "pos.services.showroom_file.default_backup_dir", lambda: tmp_path / "backups"
    )
    good = backups.take_backup(demo_db, tmp_path / "backups", "daily")
    demo_db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    demo_db.close()
    path = tmp_path / "pos.sqlite3"
    damage(path, path)
    return path, good


def test_a_damaged_database_is_left_untouched_when_not_restored(demo_db, tmp_path, monkeypatch):
    path, good = damaged_shop(demo_db, tmp_path, monkeypatch)
    before = path.read_bytes()
    asked = []
    assert startup.open_checked(path, lambda what, offer: asked.append((what, offer))) == (
        None,
        None,
    )
    assert asked[0][0] and asked[0][1].path == good.path
    assert path.read_bytes() == before


def test_the_newest_good_backup_is_restored_and_the_damaged_file_kept(
    demo_db, tmp_path, monkeypatch
):
    path, good = damaged_shop(demo_db, tmp_path, monkeypatch)
    damaged_bytes = path.read_bytes()
    db, watch = startup.open_checked(path, lambda what, offer: True)
    assert watch is None
    assert db.execute("SELECT count(*) FROM products").fetchone()[0] == 29
    [kept] = [b for b in backups.list_backups(tmp_path / "backups") if b.reason == "before-restore"]
    assert kept.path.read_bytes() == damaged_bytes


def test_a_database_restored_at_start_is_not_flagged_by_the_check_that_found_the_damage(
    demo_db, tmp_path, monkeypatch
):
    """The early check found the damage and the backup took the file's place: what it found
    was about the file replaced, so nothing is left for the window's CheckWatch to act on."""
    path, good = damaged_shop(demo_db, tmp_path, monkeypatch)
    checking = quick_check_started(path)
    assert checking.result(timeout=30)  # damage, found before the file opens
    db, watch = startup.open_checked(path, lambda what, offer: True, checking)
    assert watch is None and db.execute("SELECT count(*) FROM products").fetchone()[0] == 29


def test_a_check_that_cannot_run_is_logged_not_taken_for_damage(demo_db, tmp_path, qtbot):
    """A check that fails to run (the file busy, say) stops watching and says so in the log;
    the till goes on writing."""
    demo_db.close()
    path = tmp_path / "pos.sqlite3"
    checking: Future = Future()
    db, checking = startup.open_checked(path, lambda what, offer: True, checking)
    asked = []
    watch = startup.CheckWatch(db, path, checking, lambda what, offer: asked.append(what))
    checking.set_exception(OSError("the disk went away"))
    qtbot.waitUntil(lambda: not watch.timer.isActive(), timeout=5000)
    assert watch.damaged is None and asked == []
    shifts.open_shift(db, T, "Lan", 0)
    assert pay_cash(db, cart_of(db, ("BANH-PIA", 1)), token="still").number


def _ends_soon(result) -> Future:
    """A check still running when the file opens, that ends a moment later."""
    checking: Future = Future()
    threading.Timer(0.3, checking.set_result, [result]).start()
    return checking


def test_a_file_too_damaged_to_open_before_the_check_ends_is_offered_the_restore(
    demo_db, tmp_path, monkeypatch
):
    """Its schema is unreadable, so it cannot even open while the check still reads it:
    the check's words are waited for and the backup offered, as if it had ended first."""
    path, good = damaged_shop(demo_db, tmp_path, monkeypatch)
    shutil.copyfile(good.path, path)  # a sound file again, then its schema page broken
    with open(path, "r+b") as file:
        file.seek(100)
        file.write(b"\xff" * 3000)
    asked = []
    checking = _ends_soon("*** in database main *** Page 1: btreeInitPage() returns error")
    db, watch = startup.open_checked(
        path, lambda what, offer: asked.append((what, offer)) or True, checking
    )
    assert asked == [(checking.result(), asked[0][1])] and asked[0][1].path == good.path
    assert watch is None and db.execute("SELECT count(*) FROM products").fetchone()[0] == 29


def test_a_file_in_rollback_journal_mode_waits_for_its_check(demo_db, tmp_path, monkeypatch):
    """A file a restore wrote is not in WAL mode: opening it would change its journal while
    the check reads it (and wait on it, busy), so the check ends first."""
    path, good = damaged_shop(demo_db, tmp_path, monkeypatch)
    shutil.copyfile(good.path, path)  # backups are kept in rollback-journal mode
    assert not showroom_file.in_wal_mode(path)
    checking = _ends_soon(None)
    db, watch = startup.open_checked(path, lambda what, offer: True, checking)
    assert checking.done() and watch is checking  # waited; the window still runs the rest
    assert showroom_file.in_wal_mode(path)


def test_without_a_good_backup_nothing_happens(demo_db, tmp_path, monkeypatch):
    path, good = damaged_shop(demo_db, tmp_path, monkeypatch)
    damage(good.path, good.path)
    offers = []
    assert startup.open_checked(path, lambda what, offer: offers.append(offer) or True) == (
        None,
        None,
    )
    assert offers == [None]


def test_the_check_started_before_qt_loaded_is_the_one_that_counts(demo_db, tmp_path, monkeypatch):
    """pos.cli.app_start starts the quick check on its own thread; open_checked waits for it."""
    path, good = damaged_shop(demo_db, tmp_path, monkeypatch)
    checking = quick_check_started(path)
    assert checking.result(timeout=30) == quick_check(path) is not None
    before = path.read_bytes()
    asked = []
    assert startup.open_checked(path, lambda what, offer: asked.append(what), checking) == (
        None,
        None,
    )
    assert asked == [checking.result()] and path.read_bytes() == before


def test_a_sound_database_opens_on_the_early_check(demo_db, tmp_path):
    demo_db.close()
    path = tmp_path / "pos.sqlite3"
    checking = quick_check_started(path)
    db, watch = startup.open_checked(path, lambda what, offer: True, checking)
    assert checking.result() is None
    assert db.execute("SELECT count(*) FROM products").fetchone()[0] == 29


def test_the_file_opens_before_the_check_ends_and_stops_writing_when_it_finds_damage(
    demo_db, tmp_path, monkeypatch, qtbot
):
    """The quick check reads the whole file (seconds after years of sales), so the till
    opens without waiting; when the check then finds damage, nothing more is written (a
    sale is refused in words) and the newest good backup is offered, as at start."""

    monkeypatch.setattr(
        "pos.services.showroom_file.default_backup_dir", lambda: tmp_path / "backups"
    )
    good = backups.take_backup(demo_db, tmp_path / "backups", "daily")
    demo_db.close()
    path = tmp_path / "pos.sqlite3"
    checking: Future = Future()  # still running
    db, watching = startup.open_checked(
        path, lambda what, offer: pytest.fail("asked too early"), checking
    )
    assert watching is checking  # still running: the window's CheckWatch acts on it
    asked = []
    watch = startup.CheckWatch(
        db, path, checking, lambda what, offer: asked.append((what, offer)) or True
    )
    shifts.open_shift(db, T, "Lan", 0)
    pay_cash(db, cart_of(db, ("BANH-PIA", 1)), token="before")  # the till sells meanwhile
    with qtbot.waitSignal(watch.stopped, timeout=5000):
        checking.set_result("*** in database main *** Page 7: btreeInitPage() returns error")
    assert asked == [(checking.result(), asked[0][1])] and asked[0][1].path == good.path
    assert watch.restore_from == backups.RestoreChoice(good.path)
    sales_before = db.execute("SELECT count(*) FROM sales").fetchone()[0]
    with pytest.raises(DatabaseError, match=STOPPED[:40]):
        pay_cash(db, cart_of(db, ("BANH-PIA", 1)), token="after")
    assert db.execute("SELECT count(*) FROM sales").fetchone()[0] == sales_before
    showroom_file.checkpoint(db)  # the idle checkpoint: nothing copied in, nothing raised


def test_a_stopped_database_is_still_read_and_searched(demo_db, tmp_path):
    """Stopped before anything was searched on its connection: the search index (a virtual
    table, which SQLite connects through its schema) still reads."""
    from pos.services import catalog

    demo_db.close()
    db = showroom_file.open_database(tmp_path / "pos.sqlite3")
    showroom_file.stop_writing(db)
    assert [p.sku for p in catalog.search_products(db, "bánh pía")] == ["BANH-PIA"]
    with pytest.raises(DatabaseError, match=STOPPED[:40]):
        shifts.open_shift(db, T, "Lan", 0)


def test_a_sound_check_that_ends_later_changes_nothing(demo_db, tmp_path, qtbot):
    demo_db.close()
    path = tmp_path / "pos.sqlite3"
    checking: Future = Future()
    db, checking = startup.open_checked(path, lambda what, offer: True, checking)
    watch = startup.CheckWatch(db, path, checking, lambda what, offer: True)
    checking.set_result(None)
    qtbot.waitUntil(lambda: not watch.timer.isActive(), timeout=10000)
    assert watch.damaged is None and watch.restore_from is None
    head = db.execute("SELECT max(seq) FROM journal").fetchone()[0]  # then checked up to here
    assert db.execute("SELECT seq FROM check_marks").fetchall() == [(head,)]
    shifts.open_shift(db, T, "Lan", 0)
    assert pay_cash(db, cart_of(db, ("BANH-PIA", 1)), token="later").number


def test_books_edited_since_the_last_check_stop_writing_like_damage(
    demo_db, tmp_path, monkeypatch, qtbot
):
    """The file is whole but a posted sale was edited outside the program since the journal
    was last found sound: the incremental check after the quick one names it, and the app
    stops writing and offers the restore, as for damage."""
    monkeypatch.setattr(
        "pos.services.showroom_file.default_backup_dir", lambda: tmp_path / "backups"
    )
    shifts.open_shift(demo_db, T, "Lan", 0)
    sale = pay_cash(demo_db, cart_of(demo_db, ("SAM-TRA-20", 2)), token="edited")
    as_insider(demo_db, "UPDATE sale_lines SET qty = 1 WHERE sale_id = ?", [sale.id])
    demo_db.close()
    path = tmp_path / "pos.sqlite3"
    checking: Future = Future()
    checking.set_result(None)  # SQLite finds the file whole
    db, checking = startup.open_checked(path, lambda what, offer: True, checking)
    asked = []
    watch = startup.CheckWatch(db, path, checking, lambda what, offer: asked.append(what))
    with qtbot.waitSignal(watch.stopped, timeout=20000):
        pass
    assert sale.number in asked[0] and watch.restore_from is None
    with pytest.raises(DatabaseError, match=STOPPED[:40]):
        pay_cash(db, cart_of(db, ("BANH-PIA", 1)), token="after")
    assert db.execute("SELECT count(*) FROM check_marks").fetchone()[0] == 0
