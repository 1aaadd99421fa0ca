"""A showroom's database written before m009 (journal hashes as text, lines as objects,
other indexes) upgrades in place: every entry and hash kept, checks pass, new entries chain on."""

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from pos.services import integrity
from pos.storage.database import open_database
from pos.storage.ledger import first_journal_break
from tests.test_sales_service import cart_of, pay_cash

BEFORE_M009 = Path(__file__).parent / "fixtures" / "before_m009.sqlite3"
JOURNAL = "SELECT seq, document_type, document_number, posted_at, payload FROM journal ORDER BY seq"


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
    assert [tuple(row) for row in upgraded.execute(JOURNAL)] == before
    stored = [row[0] for row in upgraded.execute("SELECT hash FROM journal ORDER BY seq")]
    assert [h.hex() for h in stored] == hashes
    assert first_journal_break(upgraded) is None
    assert integrity.full_check(upgraded) == []


def test_new_entries_are_compact_and_chain_onto_the_old(upgraded):
    sale = pay_cash(upgraded, cart_of(upgraded, ("SAM-TRA-20", 2)), token="after-upgrade")
    payload = upgraded.execute(
        "SELECT payload FROM journal WHERE document_number = ?", [sale.number]
    ).fetchone()[0]
    [line] = json.loads(payload)["lines"]
    assert line[:2] == ["SAM-TRA-20", 2]  # an array in LINE_FIELDS order
    assert first_journal_break(upgraded) is None
    assert integrity.full_check(upgraded) == []


def test_a_removed_entry_still_breaks_the_chain_after_the_upgrade(upgraded):
    upgraded.execute("DROP TRIGGER journal_no_delete")
    upgraded.execute("DELETE FROM journal WHERE seq = 10")
    broken = first_journal_break(upgraded)
    assert broken is not None and broken.seq == 11


def test_the_upgrade_replaces_the_indexes(upgraded):
    indexes = {
        row[0]: row[1]
        for row in upgraded.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'")
    }
    assert "(lot_id, moved_on, qty)" in indexes["stock_movements_lot"]
    for gone in ("stock_movements_product", "sale_lines_producer", "sale_lines_product"):
        assert gone not in indexes
    assert "sqlite_autoindex_journal_1" not in indexes
