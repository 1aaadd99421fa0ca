"""Anchors outside the file: the journal head printed on every Z report. An insider holding
the file rewrites a sale and re-hashes the whole chain after it, or cuts off the newest
sales and winds the counter back, then deletes the heads the app kept: the check still
names it, from the head typed in off the paper Z."""

import re
import sqlite3
from datetime import datetime

import pytest

from pos import cli
from pos.errors import ValidationError
from pos.journal import Anchor, chain_hash, entry_of, stored_entry
from pos.printing.blocks import as_text
from pos.printing.shift_report import layout_shift_report
from pos.services import integrity, shift_close, shifts
from pos.storage.ledger import GENESIS_HASH, first_journal_break
from pos.storage.seals import document_seals
from tests.conftest import demo_user
from tests.services.test_sales_service import T, cart_of, pay_cash

MORNING = datetime(2026, 11, 24, 10, 30)
PROTECTED = (
    "sales",
    "sale_lines",
    "sale_line_lots",
    "payments",
    "journal",
    "anchors",
    "stock_movements",
)


@pytest.fixture
def after_z(demo_db, clock_at):
    """Two sales, a Z closing the shift (its head printed and kept), then a new shift's sale."""
    clock_at(MORNING)
    cashier = demo_user(demo_db)
    shifts.open_shift(demo_db, T, cashier.display_name, 0)
    pay_cash(demo_db, cart_of(demo_db, ("SAM-TRA-20", 1)), token="a")
    pay_cash(demo_db, cart_of(demo_db, ("BANH-PIA", 2)), token="b")
    z = shift_close.close_shift(demo_db, T, cashier, {500_000: 1, 20_000: 1, 5_000: 1}, {})
    shifts.open_shift(demo_db, T, cashier.display_name, 0)
    pay_cash(demo_db, cart_of(demo_db, ("MUT-SEN", 1)), token="c")
    return demo_db, z


def unprotect(db) -> None:
    for table in PROTECTED:
        for act in ("update", "delete"):
            db.execute(f"DROP TRIGGER IF EXISTS {table}_no_{act}")


def protect_again(db) -> None:
    """The triggers put back word for word, as the schema check expects them."""
    for (sql,) in _fresh_triggers():
        db.execute(sql)


def _fresh_triggers():
    fresh = sqlite3.connect(":memory:")
    from sqlite_utils import Database

    from pos.storage.schema import migrations

    migrations.apply(Database(fresh, strict=True))
    names = [f"{t}_no_{a}" for t in PROTECTED for a in ("update", "delete")]
    marks = ",".join("?" * len(names))
    return fresh.execute(
        f"SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})", names
    ).fetchall()


def rehash_from_start(db) -> None:
    """What someone who knows the format does after editing an entry: every hash again."""
    previous = GENESIS_HASH
    for seq, kind, number, payload in db.execute(
        "SELECT seq, document_type, document_number, payload FROM journal ORDER BY seq"
    ).fetchall():
        previous = chain_hash(previous, kind, number, entry_of(payload))
        db.execute("UPDATE journal SET hash = ? WHERE seq = ?", [bytes.fromhex(previous), seq])


def rewrite_first_sale(db) -> None:
    """Sale T01-000001 sold for 1 đồng less: rows and journal entry agree, chain re-hashed."""
    unprotect(db)
    db.execute("UPDATE sales SET total_vnd = total_vnd - 1 WHERE number = 'T01-000001'")
    db.execute(
        "UPDATE payments SET amount_vnd = amount_vnd - 1, tendered_vnd = tendered_vnd - 1 "
        "WHERE sale_id = 1"
    )
    db.execute("UPDATE sale_lines SET net_vnd = net_vnd - 1 WHERE sale_id = 1")
    seq, payload = db.execute(
        "SELECT seq, payload FROM journal WHERE document_number = 'T01-000001'"
    ).fetchone()
    text = entry_of(payload)
    edited = re.sub(r'"total":(\d+)', lambda m: f'"total":{int(m.group(1)) - 1}', text)
    edited = edited.replace(",350000,350000,", ",350000,349999,")
    edited = re.sub(r'\["cash",(\d+)', lambda m: f'["cash",{int(m.group(1)) - 1}', edited)
    edited = re.sub(
        r'"seal":"\w+"', f'"seal":"{dict(document_seals(db, "sale", (1, 1)))[1]}"', edited
    )
    db.execute("UPDATE journal SET payload = ? WHERE seq = ?", [stored_entry(edited), seq])
    rehash_from_start(db)


def cut_off_newest_sale(db) -> None:
    """The newest sale gone with its journal entry, and its counter wound back."""
    unprotect(db)
    newest = db.execute("SELECT max(id) FROM sales").fetchone()[0]
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute(
        "DELETE FROM journal WHERE seq > (SELECT seq FROM journal WHERE "
        "document_type = 'sale' AND document_id = ?) - 1",
        [newest],
    )
    db.execute(
        "DELETE FROM stock_movements WHERE document_type = 'sale' AND document_id = ?", [newest]
    )
    db.execute(
        "DELETE FROM sale_line_lots WHERE sale_line_id IN "
        "(SELECT id FROM sale_lines WHERE sale_id = ?)",
        [newest],
    )
    for table in ("sale_lines", "payments"):
        db.execute(f"DELETE FROM {table} WHERE sale_id = ?", [newest])
    db.execute("DELETE FROM sales WHERE id = ?", [newest])
    db.execute("UPDATE document_sequences SET last_number = last_number - 1 WHERE series = 'T01'")


def test_the_z_prints_the_head_and_the_app_keeps_it(after_z):
    db, z = after_z
    anchor = Anchor.parse(z.journal_head)
    assert db.execute("SELECT entries, hash_prefix, printed_on FROM anchors").fetchall() == [
        (anchor.count, anchor.hash_prefix, z.number)
    ]
    printed = as_text(layout_shift_report(z, "Showroom"))
    assert f"Mốc sổ nhật ký: {z.journal_head}" in printed
    assert integrity.full_check(db, (anchor,)) == []


def test_a_rewritten_sale_with_the_chain_rehashed_is_caught_by_the_kept_head(after_z):
    db, z = after_z
    rewrite_first_sale(db)
    protect_again(db)
    assert first_journal_break(db) is None  # the chain itself holds: it was re-hashed
    said = [str(p) for p in integrity.full_check(db)]
    assert said == [
        f"[anchors] {z.number}: mốc {z.journal_head} in trên {z.number}: "
        f"mục {Anchor.parse(z.journal_head).count} đã bị viết lại"
    ]


def test_with_the_kept_heads_deleted_too_the_head_typed_from_the_paper_z_catches_it(
    after_z, tmp_path, capsys
):
    db, z = after_z
    rewrite_first_sale(db)
    with db.atomic():  # through the app's own connection, so that the deletion is sealed
        db.execute("DELETE FROM anchors")
    protect_again(db)
    assert integrity.full_check(db) == []  # nothing inside the file can tell any more
    path = db.execute("PRAGMA database_list").fetchone()[2]
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert cli.main(["--db", path, "check", "--anchor", z.journal_head]) == 1
    assert "đã bị viết lại" in capsys.readouterr().out
    anchors_file = tmp_path / "moc.txt"
    anchors_file.write_text(f"{z.journal_head}\n\n", encoding="utf-8")
    assert cli.main(["--db", path, "check", "--anchors", str(anchors_file)]) == 1


def test_the_newest_sales_cut_off_below_a_head_are_caught(after_z, capsys):
    db, z = after_z
    pay_cash(db, cart_of(db, ("BANH-PIA", 1)), token="d")
    later = shift_close.x_report(db, T, demo_user(db)).figures  # nothing kept for an X
    assert later.sales_count == 2
    head = integrity_head(db)
    cut_off_newest_sale(db)
    protect_again(db)
    left = db.execute("SELECT count(*) FROM journal").fetchone()[0]
    assert left < head.count and first_journal_break(db) is None
    said = [str(p) for p in integrity.full_check(db, (head,))]
    assert f"[anchors] mốc {head}: sổ nhật ký chỉ còn {left} mục" in said


def integrity_head(db) -> Anchor:
    from pos.storage.ledger import journal_head

    return journal_head(db)


def test_a_sound_file_matches_its_heads_and_a_mistyped_head_is_said(after_z, capsys):
    db, z = after_z
    path = db.execute("PRAGMA database_list").fetchone()[2]
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert cli.main(["--db", path, "check", "--anchor", z.journal_head]) == 0
    assert "khớp 1 mốc" in capsys.readouterr().out
    assert cli.main(["--db", path, "check", "--anchor", "12:abc"]) == 2
    assert "SỐ_MỤC:MÃ" in capsys.readouterr().err
    with pytest.raises(ValidationError):
        Anchor.parse("mười:0123456789abcdef")


def test_issued_statements_print_the_head_kept_for_check(after_z, tmp_path, clock_at):
    from datetime import date

    from pos.printing.statement_pdf import write_statement_pdf
    from pos.services import statements
    from tests.printing.test_statements import pdf_text

    db, z = after_z
    before = integrity_head(db)
    manager = demo_user(db, "quanly")
    issued = statements.issue_statements(
        db, manager, date(2026, 11, 1), date(2026, 11, 30), False, not_over_ok=True
    )
    kept = db.execute("SELECT entries, hash_prefix, printed_on FROM anchors ORDER BY id").fetchall()
    assert kept[-1] == (
        before.count,
        before.hash_prefix,
        f"{issued[0].number}…{issued[-1].number}",
    )
    document = statements.statement_document(
        db, issued[0].producer_code, date(2026, 11, 1), date(2026, 11, 30), issued[0].number
    )
    assert document.journal_head == str(before)
    pay_cash(db, cart_of(db, ("BANH-PIA", 1)), token="later")  # a reprint still says then
    clock_at(datetime(2026, 12, 3, 9, 0))
    again = statements.statement_document(
        db, issued[0].producer_code, date(2026, 11, 1), date(2026, 11, 30), issued[0].number
    )
    assert again.journal_head == str(before)
    assert again.issued_on == document.issued_on == date(2026, 11, 24)
    pdf = tmp_path / "bang-ke.pdf"
    write_statement_pdf(again, pdf)
    assert f"Mốc sổ nhật ký khi lập bảng kê: {before}" in " ".join(pdf_text(pdf).split())
    assert integrity.full_check(db, (before,)) == []
