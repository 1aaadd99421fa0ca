"""A showroom's database written before m009 (journal entries as text with hex hashes, lines
as objects; the stock ledger with its own ids and two indexes) upgrades in place: every entry,
hash and movement kept, checks pass, new entries and movements follow on."""

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from pos.journal import entry_of
from pos.services import backups, integrity
from pos.storage.database import open_database
from pos.storage.ledger import first_journal_break
from tests.golden_files import golden_text
from tests.services.test_sales_service import cart_of, pay_cash

BEFORE_M009 = Path(__file__).parents[1] / "fixtures" / "before_m009.sqlite3"
JOURNAL = "SELECT seq, document_type, document_number, posted_at FROM journal ORDER BY seq"
MOVEMENTS = (
    "SELECT id, product_id, lot_id, qty, kind, document_type, document_id, moved_on "
    "FROM stock_movements ORDER BY id"
)


@pytest.fixture
def upgraded(tmp_path):
    path = tmp_path / "pos.sqlite3"
    shutil.copy(BEFORE_M009, path)
    db = open_database(path)
    yield db
    db.close()


def _rows_before(sql: str) -> list[tuple]:
    with closing(sqlite3.connect(f"file:{BEFORE_M009}?mode=ro", uri=True)) as db:
        return db.execute(sql).fetchall()  # as written then, not migrated


def test_journal_entries_and_hashes_survive_the_upgrade(upgraded):
    before = _rows_before(JOURNAL)
    hashes = [row[0] for row in _rows_before("SELECT hash FROM journal ORDER BY seq")]
    assert len(before) == 29 and all(len(h) == 64 for h in hashes)
    # Later migrations add entries (m013 seals what the file holds) after these.
    assert [tuple(row) for row in upgraded.execute(JOURNAL)][: len(before)] == before
    texts = [row[0] for row in _rows_before("SELECT payload FROM journal ORDER BY seq")]
    stored = upgraded.execute("SELECT payload, hash FROM journal ORDER BY seq").fetchall()
    stored = stored[: len(before)]
    assert [entry_of(payload) for payload, _ in stored] == texts  # the same text, compressed
    assert sum(len(p) for p, _ in stored) < sum(len(t.encode()) for t in texts) / 2
    assert [h.hex() for _, h in stored] == hashes
    assert first_journal_break(upgraded) is None
    assert integrity.full_check(upgraded) == []


def test_new_entries_are_compact_and_chain_onto_the_old(upgraded):
    sale = pay_cash(upgraded, cart_of(upgraded, ("SAM-TRA-20", 2)), token="after-upgrade")
    payload = upgraded.execute(
        "SELECT payload FROM journal WHERE document_number = ?", [sale.number]
    ).fetchone()[0]
    [line] = json.loads(entry_of(payload))["lines"]
    assert line[:2] == ["SAM-TRA-20", 2]  # an array in LINE_FIELDS order
    assert first_journal_break(upgraded) is None
    assert integrity.full_check(upgraded) == []


def test_a_removed_entry_still_breaks_the_chain_after_the_upgrade(upgraded):
    upgraded.execute("DROP TRIGGER journal_no_delete")
    upgraded.execute("DELETE FROM journal WHERE seq = 10")
    broken = first_journal_break(upgraded)
    assert broken is not None and broken.seq == 11


def test_the_stock_ledger_is_kept_by_product_and_lot_and_goes_on_numbering(upgraded):
    before = _rows_before(MOVEMENTS)
    assert len(before) > 30
    assert [tuple(row) for row in upgraded.execute(MOVEMENTS)] == before
    [(ledger,)] = upgraded.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'stock_movements'"
    ).fetchall()
    assert "PRIMARY KEY (product_id, lot_id, moved_on, id)" in ledger
    assert "WITHOUT ROWID" in ledger
    pay_cash(upgraded, cart_of(upgraded, ("SAM-TRA-20", 1)), token="after-upgrade")
    [(newest,)] = upgraded.execute("SELECT max(id) FROM stock_movements").fetchall()
    assert newest == before[-1][0] + 1


def test_the_upgrade_drops_the_indexes_nothing_reads(upgraded):
    indexes = {row[0] for row in upgraded.execute("SELECT name FROM sqlite_master")}
    for gone in (
        "stock_movements_lot",
        "stock_movements_product",
        "sale_lines_producer",
        "sale_lines_product",
        "sqlite_autoindex_journal_1",
    ):
        assert gone not in indexes


def test_a_backup_from_before_the_upgrade_is_checked_and_restored_as_it_is(tmp_path):
    """Backups are checked unmigrated: one taken before m009 must still pass and restore."""
    folder = tmp_path / "backups"
    folder.mkdir()
    backup = folder / "ocop-pos-20261120-080000-daily.sqlite3"
    shutil.copy(BEFORE_M009, backup)
    assert integrity.check_file(backup) == []
    assert backups.newest_good_backup(folder).path == backup
    target = tmp_path / "pos.sqlite3"
    backups.restore_backup(backup, target, folder)
    db = open_database(target)
    assert integrity.full_check(db) == []
    db.close()


def _tampered_before_m009(tmp_path, *statements) -> Path:
    path = tmp_path / "pos.sqlite3"
    shutil.copy(BEFORE_M009, path)
    with closing(sqlite3.connect(path)) as db:
        for statement in statements:
            db.execute(statement)
        db.commit()
    return path


@pytest.mark.parametrize(
    ("tampering", "found"),
    [
        (["DROP TRIGGER journal_no_update"], "thiếu trigger bảo vệ journal_no_update"),
        (
            ["DROP TRIGGER stock_movements_no_delete"],
            "thiếu trigger bảo vệ stock_movements_no_delete",
        ),
        (
            [
                "DROP TRIGGER journal_no_update",
                "UPDATE journal SET hash = upper(hash) WHERE seq = 5",
            ],
            "[journal]",
        ),
        (
            ["DROP TRIGGER journal_no_update", "UPDATE journal SET prev_hash = '00' WHERE seq = 5"],
            "[journal]",
        ),
        (
            [
                "DROP TRIGGER journal_no_update",
                "UPDATE journal SET payload = CAST(x'7bff7d' AS TEXT) WHERE seq = 5",
            ],
            "không đọc được",
        ),
    ],
)
def test_what_was_wrong_before_the_upgrade_opens_and_is_still_found(tmp_path, tampering, found):
    """The upgrade neither refuses such a database nor erases the evidence."""
    path = _tampered_before_m009(tmp_path, *tampering)
    db = open_database(path)
    problems = " | ".join(map(str, integrity.full_check(db)))
    db.close()
    assert found in problems


def test_an_upgraded_database_gets_global_ids_and_its_rows_sealed(upgraded):
    from pos.services.settings import get_setting
    from pos.storage.schema import GLOBAL_TABLES
    from tests.services.test_global_ids import UUID

    assert UUID.fullmatch(get_setting(upgraded, "showroom_uuid"))
    for table in GLOBAL_TABLES:
        ids = [row[0] for row in upgraded.execute(f"SELECT uuid FROM {table}")]
        assert all(UUID.fullmatch(i) for i in ids) and len(set(ids)) == len(ids), table
    assert integrity.full_check(upgraded) == []


def test_the_seals_m013_and_m014_write_are_the_ones_they_were_released_with(tmp_path):
    """m013 and m014 seal rows with today's sealing code (ledger.seal_tables), which must stay
    what the check reads. Were that code to change, a file upgraded later would be sealed
    differently from one upgraded earlier: this golden file catches it, and the change must
    then bring a frozen copy for these migrations (as m009 has, frozen_v1.py)."""
    import re

    from sqlite_utils import Database

    from pos.storage.database import configure_connection
    from pos.storage.schema import migrations
    from pos.storage.seals import ROWS

    path = tmp_path / "pos.sqlite3"
    shutil.copy(BEFORE_M009, path)
    db = Database(path)
    configure_connection(db)
    entries = "SELECT payload FROM journal WHERE seq > ? AND document_type = ? ORDER BY seq"

    def written_since(seq: int) -> list[str]:
        return [entry_of(stored) for (stored,) in db.execute(entries, [seq, ROWS])]

    def last_seq() -> int:
        return db.execute("SELECT max(seq) FROM journal").fetchone()[0]

    migrations.apply(db, stop_before="m014_global_ids")
    before_m014 = last_seq()
    by_m013 = written_since(len(_rows_before(JOURNAL)))
    migrations.apply(db, stop_before="m015_document_part_indexes")
    # m014 seals rows holding the UUIDs it mints at random: their digests vary, the shape not
    digest = re.compile(r'"[0-9a-f]{16}"')
    by_m014 = [digest.sub('"<digest>"', text) for text in written_since(before_m014)]
    db.close()
    assert by_m013 and by_m014
    written = "\n".join(["# m013", *by_m013, "# m014", *by_m014]) + "\n"
    assert written == golden_text("upgrade-m013-m014-seals.txt", written)
