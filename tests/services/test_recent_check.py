"""The incremental check (integrity.recent_check): only what was posted since the journal was
last found sound (check_marks), so it takes the same time after ten years as after one; what
lies before the mark is the full check's (month end, before a restore)."""

from pathlib import Path

from pos.journal import GENESIS_HASH, chain_hash, entry_of, stored_entry
from pos.services import integrity, stock
from pos.services.integrity import mark_checked, recent_check
from tests.insider import as_insider
from tests.services.test_integrity import books  # noqa: F401 (the fixture)
from tests.services.test_sales_service import cart_of, pay_cash


def _marked(db):
    problems, head = recent_check(db)
    assert problems == []
    mark_checked(db, head)
    return head


def test_a_sound_showroom_has_nothing_since_its_mark(books):  # noqa: F811
    head = _marked(books)
    assert head.seq == books.execute("SELECT max(seq) FROM journal").fetchone()[0]
    assert recent_check(books) == ([], head)
    pay_cash(books, cart_of(books, ("BANH-PIA", 1)), token="later")
    problems, later = recent_check(books)
    assert problems == [] and later.seq > head.seq


def test_a_sale_edited_after_the_mark_is_named(books):  # noqa: F811
    _marked(books)
    sale = pay_cash(books, cart_of(books, ("SAM-TRA-20", 2)), token="after")
    as_insider(books, "UPDATE sale_lines SET qty = 1 WHERE sale_id = ?", [sale.id])
    problems, _ = recent_check(books)
    assert [(p.check, p.document) for p in problems] == [("seals", sale.number)]


def test_an_edit_before_the_mark_is_left_to_the_full_check(books):  # noqa: F811
    """The recent check trusts what it verified before; the full check reads everything."""
    first = books.execute("SELECT id, number FROM sales ORDER BY id LIMIT 1").fetchone()
    _marked(books)
    as_insider(books, "UPDATE sale_lines SET qty = qty + 1 WHERE sale_id = ?", [first[0]])
    assert recent_check(books)[0] == []
    assert first[1] in {p.document for p in integrity.full_check(books)}


def test_a_chain_rewritten_up_to_the_mark_is_caught(books):  # noqa: F811
    """An insider rewrites the first entry and re-hashes every entry after it: the chain is
    whole again, but the marked entry no longer has the hash the mark kept."""
    head = _marked(books)
    rows = books.execute(
        "SELECT seq, document_type, document_number, payload FROM journal ORDER BY seq"
    ).fetchall()
    previous, forged = GENESIS_HASH, []
    for seq, kind, number, payload in rows:
        text = entry_of(payload) + (" " if seq == 1 else "")
        previous = chain_hash(previous, kind, number, text)
        forged.append((stored_entry(text), bytes.fromhex(previous), seq))
    for payload, entry_hash, seq in forged:
        as_insider(
            books,
            "UPDATE journal SET payload = ?, hash = ? WHERE seq = ?",
            [payload, entry_hash, seq],
        )
    assert integrity.first_journal_break(books) is None  # the forgery holds together
    problems, _ = recent_check(books)
    assert [(p.check, p.document) for p in problems] == [("journal", f"sổ nhật ký mục {head.seq}")]


def test_a_kept_balance_of_a_lot_moved_after_the_mark_is_named(books):  # noqa: F811
    _marked(books)
    pay_cash(books, cart_of(books, ("BANH-PIA", 1)), token="moved")
    lot = next(s for s in stock.stock_by_lot(books) if s.sku == "BANH-PIA" and s.on_hand)
    as_insider(
        books, "UPDATE lot_balances SET on_hand = on_hand + 3 WHERE lot_id = ?", [lot.lot_id]
    )
    problems, _ = recent_check(books)
    assert [p.document for p in problems] == [f"lô {lot.lot_code}"]


def test_the_command_line_checks_what_came_since_the_mark(books, capsys):  # noqa: F811
    from pos import cli
    from pos.services.showroom_file import database_path

    path = database_path(books)
    _marked(books)
    assert cli.main(["--db", path, "check", "--recent"]) == 0
    sale = pay_cash(books, cart_of(books, ("SAM-TRA-20", 1)), token="cli")
    as_insider(books, "UPDATE payments SET amount_vnd = 1 WHERE sale_id = ?", [sale.id])
    capsys.readouterr()
    assert cli.main(["--db", path, "check", "--recent"]) == 1
    assert sale.number in capsys.readouterr().out


def test_a_sale_posted_while_the_check_runs_is_no_alarm(books, monkeypatch):  # noqa: F811
    """The check beside the app reads one moment of the file: a sale the till posts after
    it has gathered the journal's seals is neither half seen nor taken for an edit."""
    from pos.services import seal_check
    from pos.services.showroom_file import database_path

    gather = seal_check._gather

    def gather_then_sell(db, after_seq):
        yield from gather(db, after_seq)
        pay_cash(books, cart_of(books, ("BANH-PIA", 1)), token="meanwhile")  # the till

    monkeypatch.setattr(seal_check, "_gather", gather_then_sell)
    problems, head = integrity.recent_check_of_file(database_path(books))
    assert problems == []
    assert head.seq < books.execute("SELECT max(seq) FROM journal").fetchone()[0]


def test_the_command_line_says_a_damaged_file_is_damaged(books, tmp_path, capsys):  # noqa: F811
    """The recent check reads only what came since the mark: on a damaged file it first
    says what SQLite's own check found, instead of reading garbage or a traceback."""
    from pos import cli
    from pos.services.showroom_file import database_path
    from tests.services.test_integrity import damage

    books.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    broken = tmp_path / "broken.sqlite3"
    damage(Path(database_path(books)), broken)
    assert cli.main(["--db", str(broken), "check", "--recent"]) == 1
    assert "[sqlite]" in capsys.readouterr().out
