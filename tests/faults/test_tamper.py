"""The insider's attack on every figure: for every column of every table, read from the schema,
edit it on a database holding every kind of document (triggers dropped, then put back) and
``check`` must object, naming the document or the table. A column that check cannot prove
must be declared, with its reason, in seals.py; a new column cannot slip through."""

import shutil
import sqlite3
from datetime import date, datetime

import pytest

from pos import clock
from pos.einvoicing.fake_viettel import FakeState, FakeViettel
from pos.einvoicing.sender import Sender
from pos.einvoicing.viettel import Viettel
from pos.importing.demo import DEMO_EINVOICING, load_demo
from pos.services import carts, integrity, shift_close, statements, users
from pos.services.settings import set_settings
from pos.storage.database import open_database
from pos.storage.seals import UNCHECKED_COLUMNS, UNSEALED_COLUMNS, is_money_free
from tests.conftest import ADMIN_PASSWORD, FIXTURES, INTAKE_DAY, demo_user
from tests.services.test_integrity import post_stock_documents
from tests.services.test_sales_service import T, cart_of, pay_cash

MONTH = (date(2026, 11, 1), date(2026, 11, 30))


def post_every_document(db) -> None:
    """Every kind of document and record the showroom keeps, through the services."""
    post_stock_documents(db)  # sales, refunds, receipt, return, adjustments, count, recall
    manager, cashier = demo_user(db, "quanly"), demo_user(db, "thungan")
    set_settings(db, DEMO_EINVOICING, demo_user(db, "admin"))
    pay_cash(db, cart_of(db, ("SUA-TUOI-1L", 400)), token="short")  # more than on hand
    with FakeViettel(FakeState(tax_code=DEMO_EINVOICING["showroom_tax_code"])) as fake:
        provider = Viettel(fake.url, fake.state.tax_code, "demo", "demo")
        assert Sender(db, provider).drain(5) == 1  # its e-invoice issued, the answer kept
        provider.close()
    shift_close.record_cash_movement(db, T, cashier, "cash_in", 100_000, "đổi tiền lẻ")
    users.approve(db, "admin", ADMIN_PASSWORD, "no_sale_drawer", cashier, "T01", T)
    carts.park_cart(db, T, cart_of(db, ("BANH-PIA", 1)), "khách quên ví")
    shift_close.x_report(db, T, manager)
    shift_close.close_shift(db, T, manager, {500_000: 2}, {})
    statements.record_agreed_adjustment(db, manager, "BAOMINH", 50_000, MONTH[1], "bù hao hụt")
    statements.issue_statements(db, manager, *MONTH, close=True)
    statements.record_payout(db, manager, "BAOMINH", 10_000, date(2026, 12, 1), "bank", "UNC 1")


@pytest.fixture(scope="module")
def every_document(tmp_path_factory):
    path = tmp_path_factory.mktemp("books") / "pos.sqlite3"
    real_now = clock.now
    clock.now = lambda: datetime(2026, 12, 1, 9, 0)
    try:
        db = open_database(path)
        load_demo(db, FIXTURES, INTAKE_DAY)
        post_every_document(db)
        db.close()
    finally:
        clock.now = real_now
    assert integrity.check_file(path) == []
    return path


def columns_to_attack(path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
            )
        ]
        return [
            (table, column)
            for table in tables
            if not is_money_free(table)
            for (_, column, *_rest) in conn.execute(f"PRAGMA table_info({table})")
            if column not in UNSEALED_COLUMNS.get(table, {})
            and column not in UNCHECKED_COLUMNS.get(table, {})
        ]
    finally:
        conn.close()


def _edited(value, declared: str, attempt: int):
    step = 7 + 1_000_003 * attempt
    if isinstance(value, int) or (value is None and "INT" in declared.upper()):
        return (value or 0) + step
    if isinstance(value, bytes):
        return value + bytes([attempt])
    return f"{value or ''}x{attempt or ''}"


def tamper(path, table: str, column: str) -> None:
    """As an insider with an SQLite tool would: triggers dropped, one value changed, the
    triggers put back exactly as they were."""
    conn = sqlite3.connect(path)
    try:
        triggers = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
        ).fetchall()
        for name, _ in triggers:
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("PRAGMA ignore_check_constraints = ON")
        info = conn.execute(f"PRAGMA table_info({table})").fetchall()
        declared = next(row[2] for row in info if row[1] == column)
        key = [row[1] for row in sorted(info, key=lambda row: row[5]) if row[5]] or ["rowid"]
        found = conn.execute(f"SELECT {', '.join(key)}, {column} FROM {table} LIMIT 1").fetchone()
        assert found is not None, f"the books hold no row of {table} to attack"
        *where, value = found
        for attempt in range(3):
            try:
                conn.execute(
                    f"UPDATE {table} SET {column} = ? WHERE "
                    + " AND ".join(f"{k} = ?" for k in key),
                    [_edited(value, declared, attempt), *where],
                )
                break
            except sqlite3.IntegrityError:
                continue
        else:
            pytest.fail(f"could not edit {table}.{column}")
        for _, sql in triggers:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


def test_the_books_hold_every_kind_of_document(every_document):
    conn = sqlite3.connect(every_document)
    try:
        empty = [
            table
            for table, _ in columns_to_attack(every_document)
            if conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
        ]
    finally:
        conn.close()
    assert empty == []


def pytest_generate_tests(metafunc):
    if "attacked_column" in metafunc.fixturenames:
        metafunc.parametrize("attacked_column", _all_columns(), ids="{0[0]}.{0[1]}".format)


def _all_columns() -> list[tuple[str, str]]:
    """Every column of a freshly migrated database (the books have the same schema)."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fresh.sqlite3"
        open_database(path).close()
        return columns_to_attack(path)


def test_every_edited_column_is_caught(every_document, attacked_column, tmp_path):
    table, column = attacked_column
    copy = tmp_path / "tampered.sqlite3"
    shutil.copy(every_document, copy)
    tamper(copy, table, column)
    problems = integrity.check_file(copy)
    assert problems, f"check passed with {table}.{column} edited"
    assert any(p.document for p in problems), problems


def _tables(path) -> list[str]:
    return sorted({table for table, _ in columns_to_attack(path)})


def _unprotected(path):
    conn = sqlite3.connect(path)
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for name, _ in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("PRAGMA foreign_keys = OFF")
    return conn, triggers


def _protect_again(conn, triggers) -> None:
    for _, sql in triggers:
        conn.execute(sql)
    conn.commit()
    conn.close()


def _key(conn, table: str) -> str:
    info = conn.execute(f"PRAGMA table_info({table})").fetchall()
    return ", ".join(r[1] for r in sorted(info, key=lambda r: r[5]) if r[5]) or "rowid"


def test_a_row_deleted_from_any_table_is_caught(every_document, tmp_path):
    """A closed period, a payout, an audit entry, a sale line...: each table loses its first
    row (triggers dropped and put back) and check names it."""
    missed = []
    for table in _tables(every_document):
        copy = tmp_path / f"{table}.sqlite3"
        shutil.copy(every_document, copy)
        conn, triggers = _unprotected(copy)
        key = _key(conn, table)
        conn.execute(f"DELETE FROM {table} WHERE ({key}) IN (SELECT {key} FROM {table} LIMIT 1)")
        _protect_again(conn, triggers)
        if not integrity.check_file(copy):
            missed.append(table)
    assert missed == []


def test_a_row_added_to_any_sealed_table_is_caught(every_document, tmp_path):
    """A payout, an agreed adjustment, a commission term, a user... written with another
    program: a copy of an existing row, its keys and texts changed so that it fits."""
    from pos.storage.seals import PROVED_OTHERWISE

    missed = []
    for table in _tables(every_document):
        if table in PROVED_OTHERWISE:
            continue
        copy = tmp_path / f"{table}.sqlite3"
        shutil.copy(every_document, copy)
        conn, triggers = _unprotected(copy)
        conn.execute("PRAGMA ignore_check_constraints = ON")
        conn.execute(f"CREATE TEMP TABLE extra AS SELECT * FROM {table} LIMIT 1")
        info = conn.execute(f"PRAGMA table_info({table})").fetchall()
        for column, declared, is_key in [(r[1], r[2].upper(), r[5]) for r in info]:
            if "INT" in declared and is_key:
                conn.execute(f"UPDATE extra SET {column} = {column} + 1000003")
            elif "TEXT" in declared:
                conn.execute(f"UPDATE extra SET {column} = {column} || 'x'")
        try:
            conn.execute(f"INSERT INTO {table} SELECT * FROM extra")
        except sqlite3.IntegrityError:  # a unique number on another column: move it too
            ints = [r[1] for r in info if "INT" in r[2].upper() and not r[5]]
            for column in ints:
                conn.execute(f"UPDATE extra SET {column} = {column} + 1000003")
            conn.execute(f"INSERT INTO {table} SELECT * FROM extra")
        _protect_again(conn, triggers)
        if not integrity.check_file(copy):
            missed.append(table)
    assert missed == []
