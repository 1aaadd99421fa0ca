import sqlite3

import pytest

from pos.storage import seals
from pos.storage.database import open_database
from pos.storage.ledger import next_document_number
from pos.storage.schema import migrations


def test_every_connection_is_configured_for_durability(db):
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_all_tables_are_strict(db):
    tables = db.execute(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' "
        "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'product_search%' "
        "AND name != '_sqlite_migrations'"
    ).fetchall()
    assert tables and all(strict == 1 for _, strict in tables), tables


def test_money_columns_refuse_floats(demo_db):
    with pytest.raises(sqlite3.IntegrityError):
        demo_db.execute("UPDATE products SET price_vnd = 1.5 WHERE sku = 'BANH-PIA'")
    money_columns = [
        (table, column["name"], column["type"])
        for table in demo_db.table_names()
        for column in demo_db.query(f"PRAGMA table_info('{table}')")
        if column["name"].endswith(("_vnd", "_bp"))
    ]
    assert money_columns and all(kind == "INTEGER" for _, _, kind in money_columns)


def test_foreign_keys_are_enforced(db):
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO products (sku, name, producer_id, price_vnd, ocop_rating, vat_bp, "
            "tracks_expiry) VALUES ('X', 'X', 999, 1, '4', 800, 0)"
        )


def test_reopening_applies_no_migration_twice(tmp_path):
    path = tmp_path / "pos.sqlite3"
    open_database(path).close()
    db = open_database(path)
    assert len(migrations.applied(db)) >= 1
    assert migrations.pending(db) == []


def test_document_numbers_are_gapless_and_roll_back(db):
    with db.atomic():
        assert next_document_number(db, "PNK") == "PNK-000001"
    with pytest.raises(RuntimeError):
        with db.atomic():
            assert next_document_number(db, "PNK") == "PNK-000002"
            raise RuntimeError("document refused")
    with db.atomic():
        assert next_document_number(db, "PNK") == "PNK-000002"
        assert next_document_number(db, "PXT") == "PXT-000001"


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    from pos.errors import DatabaseError

    path = tmp_path / "pos.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DatabaseError, match="Không mở được"):
        open_database(path)


def test_checkpoints_can_wait_for_an_idle_moment(db):
    from pos.storage.database import checkpoint, defer_checkpoints

    defer_checkpoints(db)
    assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
    for i in range(50):
        db.execute("INSERT INTO settings (key, value) VALUES (?, 'x')", [f"k{i}"])
    checkpoint(db)
    busy, wal_pages, moved = db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    assert busy == 0 and wal_pages == moved  # everything reached the database file


def test_sealing_a_document_reads_only_its_rows(db):
    """Posting seals the document from its rows read back: each table's read goes through an
    index, never through every row posted in ten years."""
    known = seals.shapes(db)
    for document_type, parts in seals.DOCUMENT_PARTS.items():
        for part in parts:
            sql = seals.document_rows_sql(known[part.table], part, ranged=True)
            plan = [row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", [1, 1])]
            scans = [step for step in plan if step.startswith("SCAN")]
            assert not scans, (document_type, part.table, plan)


def test_the_frozen_codec_m009_writes_with_is_the_journal_s_format_one():
    """m009 carries its own copy of the codec; the journal reads what it writes, and while
    the journal still writes format 1 the two give the same bytes."""
    from pos import journal
    from pos.storage import frozen_v1

    text = '{"lines":[["BANH-PIA",2,75000,150000,800,2500,[["L2613-11",2]]]],"total":150000}'
    frozen = frozen_v1.stored_entry(text.encode())
    assert journal.entry_of(frozen) == text
    assert frozen_v1.GENESIS_HASH == journal.GENESIS_HASH
    if journal.STORED_FORMAT == frozen_v1.FORMAT:
        assert journal.stored_entry(text) == frozen
        assert journal.STORED_DICTIONARY == frozen_v1.DICTIONARY
