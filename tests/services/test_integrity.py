"""`full_check` finds what is wrong and names the document; a sound database has nothing."""

from datetime import date

import pytest

from pos.journal import entry_of, stored_entry
from pos.services import integrity, recalls, refunds, shifts, stock, stock_counts
from pos.services.refunds import RefundItem
from pos.services.stock import IntakeLine, LotQty
from tests.conftest import demo_user
from tests.services.test_sales_service import T, cart_of, pay_cash

DAY = date(2026, 11, 24)


@pytest.fixture
def books(demo_db):
    """A showroom with every kind of stock document posted through the services."""
    return post_stock_documents(demo_db)


def post_stock_documents(db):
    manager = demo_user(db, "quanly")
    shifts.open_shift(db, T, "Lan", 0)
    pay_cash(db, cart_of(db, ("SAM-TRA-20", 2), ("SUA-TUOI-1L", 1)), token="a")
    sale = pay_cash(db, cart_of(db, ("BANH-PIA", 3)), token="b")
    [line] = refunds.sale_for_refund(db, sale.number).lines
    refunds.post_refund(
        db, T, manager, sale.number, [RefundItem(line.sale_line_id, 1)], "defective", "cash", "r1"
    )
    refunds.post_refund(
        db,
        T,
        manager,
        sale.number,
        [RefundItem(line.sale_line_id, 1, write_off=True)],
        "defective",
        "cash",
        "r2",
    )
    stock.receive_goods(
        db,
        "HOABAN",
        [IntakeLine("SAM-CU-100", 2, "LX", date(2026, 11, 20), date(2027, 11, 1))],
        DAY,
        actor=demo_user(db, "quanly"),
    )
    lot = next(s for s in stock.stock_by_lot(db, "BAOMINH") if s.sku == "MUT-SEN")
    stock.return_to_producer(
        db, "BAOMINH", [LotQty(lot.lot_id, 2)], "hết mùa", DAY, actor=demo_user(db, "quanly")
    )
    stock.adjust_stock(
        db, "write_off", [LotQty(lot.lot_id, 1)], "vỡ", DAY, actor=demo_user(db, "quanly")
    )
    count = stock_counts.start_count(db, "NGAMY", manager)
    [beef] = [v for v in stock_counts.count_variances(db, count.id) if v.sku == "BO-KHO-250"]
    stock_counts.set_counted(db, count.id, beef.product_id, beef.expected - 1)
    stock_counts.set_reason(db, count.id, beef.product_id, "mất")
    for v in stock_counts.count_variances(db, count.id):
        if v.sku != "BO-KHO-250":
            stock_counts.set_counted(db, count.id, v.product_id, v.expected)
    stock_counts.post_count(db, count.id, manager, on=DAY)
    tea = next(s for s in stock.stock_by_lot(db, "HOABAN") if s.sku == "SAM-TRA-20")
    recalls.return_recalled_lot(db, tea.lot_id, "thu hồi", manager, returned_on=DAY)
    return db


def drop_protection(db, table: str) -> None:
    db.execute(f"DROP TRIGGER {table}_no_update")
    db.execute(f"DROP TRIGGER {table}_no_delete")


def rewrite_journal_entry(db, seq: int, old: str, new: str) -> None:
    """What someone who knows the storage format could do to an entry, triggers dropped."""
    text = entry_of(db.execute("SELECT payload FROM journal WHERE seq = ?", [seq]).fetchone()[0])
    assert old in text
    db.execute(
        "UPDATE journal SET payload = ? WHERE seq = ?",
        [stored_entry(text.replace(old, new, 1)), seq],
    )


def test_a_sound_database_has_no_problems(books):
    assert integrity.full_check(books) == []


def test_a_changed_sale_line_is_found_and_named(books):
    drop_protection(books, "sale_lines")
    books.execute("UPDATE sale_lines SET qty = 1, net_vnd = 350000 WHERE sku = 'SAM-TRA-20'")
    problems = integrity.full_check(books)
    assert "[triggers] thiếu trigger bảo vệ sale_lines_no_update" in map(str, problems)
    documents = [p for p in problems if p.check == "documents"]
    assert [p.document for p in documents] == ["T01-000001"]
    assert "dòng 1 khác sổ nhật ký" in documents[0].message


def test_deleted_rows_are_found_and_named(books):
    drop_protection(books, "payments")
    drop_protection(books, "stock_movements")
    books.execute("DELETE FROM payments WHERE sale_id = 2")
    books.execute(
        "DELETE FROM stock_movements WHERE document_type = 'goods_receipt' AND id = "
        "(SELECT max(id) FROM stock_movements WHERE document_type = 'goods_receipt')"
    )
    problems = {(p.check, p.document) for p in integrity.full_check(books)}
    assert ("documents", "T01-000002") in problems
    assert ("stock", "PNK-000014") in problems


def test_a_changed_refund_return_or_adjustment_is_found(books):
    for table in ("refund_lines", "producer_return_lines", "stock_adjustment_lines"):
        drop_protection(books, table)
    books.execute("UPDATE refund_lines SET net_vnd = net_vnd + 1000 WHERE id = 1")
    books.execute("UPDATE producer_return_lines SET qty = qty + 1 WHERE id = 1")
    books.execute("UPDATE stock_adjustment_lines SET qty_delta = qty_delta - 5 WHERE id = 1")
    documents = {p.document for p in integrity.full_check(books) if p.check == "documents"}
    assert documents == {"T01-TH-000001", "PXT-000001", "PDC-000001"}


def test_a_rewritten_journal_entry_breaks_the_chain(books):
    drop_protection(books, "journal")
    sale = books.execute("SELECT min(seq) FROM journal WHERE document_type = 'sale'").fetchone()
    rewrite_journal_entry(books, sale[0], '"total":', '"total":1')
    [problem] = [p for p in integrity.full_check(books) if p.check == "journal"]
    assert "bị sửa" in problem.message and problem.document


def damage(source, target) -> None:
    """A copy of ``source`` with bytes flipped across its pages, as a failing disk leaves it."""
    data = bytearray(source.read_bytes())
    for offset in range(4096 * 2, len(data), 97):
        data[offset] ^= 0x5A
    target.write_bytes(bytes(data))


def test_quick_check_names_a_damaged_file(tmp_path, books):
    path = tmp_path / "pos.sqlite3"
    books.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert integrity.quick_check(path) is None
    damage(path, tmp_path / "broken.sqlite3")
    assert integrity.quick_check(tmp_path / "broken.sqlite3")
    assert integrity.quick_check(tmp_path / "nothing-here.sqlite3")


def test_an_unreadable_journal_entry_is_named(books):
    drop_protection(books, "journal")
    books.execute("UPDATE journal SET payload = x'01ff00' WHERE seq = 20")
    [problem] = [p for p in integrity.full_check(books) if p.check == "journal"]
    assert "không đọc được" in problem.message and problem.document


def _added_and_put_back(db, statement: str) -> list[str]:
    """An insider adds something to the schema while the protections are off, then puts
    the protections back word for word: what the check says."""
    drop_protection(db, "sales")
    db.execute(statement)
    for act in ("UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER sales_no_{act.lower()} BEFORE {act} ON sales\n"
            f"BEGIN SELECT RAISE(ABORT, 'posted document is immutable: sales'); END"
        )
    return [str(p) for p in integrity.full_check(db)]


def test_an_added_trigger_that_rewrites_the_vietqr_account_is_found(books):
    said = _added_and_put_back(
        books,
        "CREATE TRIGGER after_sale AFTER INSERT ON sales BEGIN "
        "UPDATE settings SET value = '999999999' WHERE key = 'bank_account'; END",
    )
    assert "[schema] có thêm trigger bảo vệ after_sale không do chương trình tạo" in said
    assert not any("sales_no_update" in line for line in said)  # put back as it was


@pytest.mark.parametrize(
    "statement, named",
    [
        ("CREATE INDEX sales_cashier ON sales(cashier)", "chỉ mục sales_cashier"),
        ("CREATE VIEW everything AS SELECT * FROM sales", "view everything"),
        ("CREATE TABLE notes (x TEXT)", "bảng notes"),
    ],
)
def test_an_added_index_view_or_table_is_found(books, statement, named):
    assert f"[schema] có thêm {named} không do chương trình tạo" in _added_and_put_back(
        books, statement
    )


def test_an_altered_index_is_found(books):
    books.execute("DROP INDEX sales_business_date")
    books.execute("CREATE INDEX sales_business_date ON sales(business_date, cashier)")
    assert "[schema] chỉ mục sales_business_date đã bị sửa" in map(str, integrity.full_check(books))


def test_a_deleted_sale_leaves_a_hole_in_its_series(books):
    for table in ("sales", "sale_lines", "sale_line_lots", "payments", "journal"):
        drop_protection(books, table)
    books.execute("PRAGMA foreign_keys = OFF")
    books.execute(
        "DELETE FROM sale_line_lots WHERE sale_line_id IN "
        "(SELECT id FROM sale_lines WHERE sale_id = 1)"
    )
    books.execute("DELETE FROM sale_lines WHERE sale_id = 1")
    books.execute("DELETE FROM payments WHERE sale_id = 1")
    books.execute("DELETE FROM sales WHERE id = 1")
    books.execute("DELETE FROM journal WHERE document_type = 'sale' AND document_id = 1")
    said = [str(p) for p in integrity.full_check(books) if p.check == "numbers"]
    assert said == ["[numbers] T01-000001: dãy T01 thiếu 1 số"]


def test_a_counter_ahead_of_the_documents_is_found(books):
    books.execute(
        "UPDATE document_sequences SET last_number = last_number + 1 WHERE series = 'PNK'"
    )
    said = [str(p) for p in integrity.full_check(books) if p.check == "numbers"]
    assert said == ["[numbers] PNK-000014: bộ đếm dãy PNK là 15, số lớn nhất là 14"]
