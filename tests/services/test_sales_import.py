import sqlite3
import threading
import time
from datetime import datetime

import pytest

from pos import cli
from pos.errors import ImportRejected, PosError
from pos.importing.sales_file import import_sales
from pos.storage.database import open_database
from pos.storage.instance_lock import try_lock
from pos.storage.ledger import first_journal_break
from tests.conftest import demo_user

NOW = datetime(2026, 11, 30, 20, 0)
GOOD = """receipt,sold_at,code,qty,unit_price_vnd,payment
HC1,2026-11-28 09:15,8938505970103,2,,cash
HC1,2026-11-28 09:15,BANH-PIA,1,70000,cash
HC2,2026-11-28 10:00,khan-lua,1,,bank
,2026-11-28T11:00:00,MUT-SEN,3,,card
"""


def write(tmp_path, text, name="fair.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def content(db):
    return "\n".join(db.conn.iterdump())


def test_fair_sales_are_posted_like_the_till(demo_db, tmp_path):
    summary = import_sales(
        demo_db, write(tmp_path, GOOD), now=NOW, actor=demo_user(demo_db, "quanly")
    )
    assert summary.documents == ["HOICHO-000001", "HOICHO-000002", "HOICHO-000003"]
    sales = demo_db.execute(
        "SELECT number, business_date, total_vnd, source, shift_id FROM sales ORDER BY id"
    ).fetchall()
    assert sales[0] == ("HOICHO-000001", "2026-11-28", 770_000, "import", None)
    lines = demo_db.execute(
        "SELECT sku, qty, unit_price_vnd, commission_bp FROM sale_lines ORDER BY id"
    ).fetchall()
    assert lines == [
        ("SAM-TRA-20", 2, 350_000, 2000),
        ("BANH-PIA", 1, 70_000, 2500),
        ("KHAN-LUA", 1, 450_000, 3000),
        ("MUT-SEN", 3, 120_000, 2500),
    ]
    assert demo_db.execute("SELECT count(*) FROM sale_line_lots").fetchone()[0] == 4
    assert demo_db.execute("SELECT method FROM payments ORDER BY id").fetchall() == [
        ("cash",),
        ("bank",),
        ("card",),
    ]
    assert first_journal_break(demo_db) is None


def test_the_same_file_twice_is_refused(demo_db, tmp_path):
    path = write(tmp_path, GOOD)
    import_sales(demo_db, path, now=NOW, actor=demo_user(demo_db, "quanly"))
    before = content(demo_db)
    with pytest.raises(ImportRejected, match="đã nhập"):
        import_sales(demo_db, path, now=NOW, actor=demo_user(demo_db, "quanly"))
    assert content(demo_db) == before


def test_bad_rows_are_all_listed_and_nothing_posted(demo_db, tmp_path):
    bad = """receipt,sold_at,code,qty,unit_price_vnd,payment
A,2026-11-28 09:15,BANH-PIA,1,,cash
A,2026-11-28 09:20,BANH-COM,1,,cash
B,hôm qua,BANH-PIA,1,,cash
C,2026-11-28 09:15,KHONG-CO,1,,cash
D,2026-11-28 09:15,BANH-PIA,0,,cash
E,2026-11-28 09:15,BANH-PIA,1,-5,cash
F,2026-11-28 09:15,BANH-PIA,1,,momo
G,2027-01-01 09:15,BANH-PIA,1,,cash
"""
    before = content(demo_db)
    with pytest.raises(ImportRejected) as rejected:
        import_sales(demo_db, write(tmp_path, bad), now=NOW, actor=demo_user(demo_db, "quanly"))
    assert sorted(p.line for p in rejected.value.problems) == [3, 4, 5, 6, 7, 8, 9]
    assert content(demo_db) == before


def test_expired_lot_at_the_fair_date_rejects_the_whole_file(demo_db, tmp_path):
    text = """receipt,sold_at,code,qty,unit_price_vnd,payment
A,2026-11-28 09:15,BANH-PIA,1,,cash
B,2026-11-29 09:15,CA-ROT-1KG,1,,cash
"""
    before = content(demo_db)
    with pytest.raises(ImportRejected) as rejected:
        import_sales(demo_db, write(tmp_path, text), now=NOW, actor=demo_user(demo_db, "quanly"))
    assert rejected.value.problems[0].line == 3
    assert "hết hạn" in rejected.value.problems[0].reason
    assert content(demo_db) == before


def test_cli_import_sales(demo_db, tmp_path, capsys, monkeypatch):
    db_file = demo_db.execute("PRAGMA database_list").fetchone()[2]
    text = GOOD.replace("2026-11-28", "2026-11-23")  # in the past whatever today is
    monkeypatch.setenv("OCOP_POS_PASSWORD", "quanly2026")
    code = cli.main(
        ["--db", db_file, "import", "sales", str(write(tmp_path, text)), "--user", "quanly"]
    )
    assert code == 0 and "HOICHO-000003" in capsys.readouterr().out


def _resaved(tmp_path, variant: str):
    """GOOD as a spreadsheet saves it again: other line endings, a BOM, ';' between cells,
    a blank line at the end, rows in another order, or an Excel workbook."""
    header, *rows = GOOD.strip("\n").split("\n")
    if variant == "xlsx":
        import openpyxl

        book = openpyxl.Workbook()
        for line in (header, *rows):
            book.active.append(line.split(","))
        path = tmp_path / "fair.xlsx"
        book.save(path)
        return path
    text = {
        "crlf": GOOD.replace("\n", "\r\n"),
        "bom": "\ufeff" + GOOD,
        "semicolons": GOOD.replace(",", ";"),
        "blank line": GOOD + "\n\n",
        "reordered": "\n".join([header, *reversed(rows)]) + "\n",
        "all of these": "\ufeff"
        + "\r\n".join([header, *reversed(rows)]).replace(",", ";")
        + "\r\n\r\n",
    }[variant]
    return write(tmp_path, text, "fair-ngay-2.csv")


@pytest.mark.parametrize(
    "variant", ["crlf", "bom", "semicolons", "blank line", "reordered", "all of these", "xlsx"]
)
def test_a_resaved_file_imports_nothing_the_second_time(demo_db, tmp_path, variant):
    manager = demo_user(demo_db, "quanly")
    import_sales(demo_db, write(tmp_path, GOOD), now=NOW, actor=manager)
    before = content(demo_db)
    with pytest.raises(ImportRejected) as refused:
        import_sales(demo_db, _resaved(tmp_path, variant), now=NOW, actor=manager)
    said = str(refused.value)
    assert "phiếu HC1 đã nhập: số HOICHO-000001, nhập ngày" in said
    assert "phiếu HC2 đã nhập: số HOICHO-000002" in said
    assert "HOICHO-000003" in said  # the receipt without a number, known by what it sold
    summary = import_sales(
        demo_db, _resaved(tmp_path, variant), now=NOW, actor=manager, only_new=True
    )
    assert (summary.created, summary.skipped) == (0, 3)
    assert content(demo_db) == before


def test_a_day_two_file_repeating_day_one_imports_only_the_new_receipts(demo_db, tmp_path):
    manager = demo_user(demo_db, "quanly")
    import_sales(demo_db, write(tmp_path, GOOD), now=NOW, actor=manager)
    day_two = write(
        tmp_path,
        GOOD + "HC3,2026-11-29 09:00,BANH-PIA,2,,cash\n",
        "fair-2.csv",
    )
    with pytest.raises(ImportRejected, match="phiếu HC1 đã nhập"):
        import_sales(demo_db, day_two, now=NOW, actor=manager)
    assert demo_db.execute("SELECT count(*) FROM sales").fetchone()[0] == 3
    summary = import_sales(demo_db, day_two, now=NOW, actor=manager, only_new=True)
    assert (summary.documents, summary.skipped) == (["HOICHO-000004"], 3)
    assert demo_db.execute(
        "SELECT count(*) FROM sales WHERE number = 'HOICHO-000004'"
    ).fetchone() == (1,)


def test_receipts_imported_before_receipt_keys_are_still_known(demo_db, tmp_path):
    """A fair imported by an earlier version (its tokens named the file's bytes)."""
    manager = demo_user(demo_db, "quanly")
    import_sales(demo_db, write(tmp_path, GOOD), now=NOW, actor=manager)
    demo_db.execute("DROP TRIGGER sales_no_update")  # the old version's tokens, put back
    demo_db.execute(
        "UPDATE sales SET client_token = 'import:0123456789abcdef:' || "
        "substr(client_token, length('fair:HOICHO:') + 1)"
    )
    with pytest.raises(ImportRejected, match="phiếu HC2 đã nhập: số HOICHO-000002"):
        import_sales(demo_db, _resaved(tmp_path, "crlf"), now=NOW, actor=manager)


def test_receipts_of_one_file_take_lots_first_expiry_first_one_after_another(demo_db, tmp_path):
    """A file's receipts are written together, each taking from what the receipts before it
    left: the earlier-expiring lot first, then the next, then a shortfall."""
    from datetime import date

    from pos.services import stock

    manager = demo_user(demo_db, "quanly")
    producer = demo_db.execute(
        "SELECT pr.code FROM products p JOIN producers pr ON pr.id = p.producer_id "
        "WHERE p.sku = 'BO-KHO-250'"
    ).fetchone()[0]
    early = stock.IntakeLine("BO-KHO-250", 3, "SOM", date(2026, 11, 1), date(2027, 1, 1))
    stock.receive_goods(demo_db, producer, [early], date(2026, 11, 22), actor=manager)
    fair = (
        "receipt,sold_at,code,qty,payment\n"
        "HC1,2026-11-28 09:00,BO-KHO-250,2,cash\n"
        "HC2,2026-11-28 09:05,BO-KHO-250,2,cash\n"
        "HC3,2026-11-28 09:10,BO-KHO-250,6,cash\n"
    )
    import_sales(demo_db, write(tmp_path, fair), now=NOW, actor=manager)
    taken = demo_db.execute(
        "SELECT s.number, l.lot_code, t.qty FROM sale_line_lots t "
        "JOIN sale_lines sl ON sl.id = t.sale_line_id JOIN sales s ON s.id = sl.sale_id "
        "JOIN lots l ON l.id = t.lot_id ORDER BY sl.id, l.expiry_date"
    ).fetchall()
    assert taken == [
        ("HOICHO-000001", "SOM", 2),
        ("HOICHO-000002", "SOM", 1),
        ("HOICHO-000002", "L2613-23", 1),
        ("HOICHO-000003", "L2613-23", 6),
    ]
    short = demo_db.execute("SELECT qty FROM stock_shortfalls").fetchall()
    assert short == [(1,)]
    assert first_journal_break(demo_db) is None


def _import_in_thread(path, fair_file, outcomes: list) -> threading.Thread:
    def run():
        db = open_database(path)
        try:
            summary = import_sales(db, fair_file, now=NOW, actor=demo_user(db, "quanly"))
            outcomes.append(summary.created)
        except PosError as error:
            outcomes.append(str(error))
        finally:
            db.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def _wait_until_an_import_holds_its_turn(path) -> None:
    """Bounded: an import takes its turn only after every receipt is priced."""
    for _ in range(400):
        with open(f"{path}.bulk-lock", "a+b") as handle:
            try:
                try_lock(handle)
            except OSError:
                return
        time.sleep(0.025)
    raise AssertionError("the import never asked for the write lock")


def _another_program_writing(path):
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    return conn


def test_terms_changed_while_an_import_waits_for_the_lock_post_nothing(demo_db, tmp_path):
    """The receipts are priced before the import waits for the write lock; new commission
    terms committed meanwhile refuse the whole file rather than post it on the old terms."""
    path = str(tmp_path / "pos.sqlite3")
    other = _another_program_writing(path)
    outcomes = []
    thread = _import_in_thread(path, write(tmp_path, GOOD), outcomes)
    try:
        _wait_until_an_import_holds_its_turn(path)
        other.execute(
            "INSERT INTO commission_terms (producer_id, product_id, effective_from, "
            "commission_bp, recorded_at) SELECT producer_id, id, '2026-11-01', 1000, "
            "'2026-11-30T19:00:00' FROM products WHERE sku = 'MUT-SEN'"
        )
    finally:
        other.execute("COMMIT")
        thread.join(30)
    assert outcomes == [
        "Thuế, hoa hồng hoặc chủ thể của mặt hàng MUT-SEN vừa được đổi trong lúc nhập: "
        "chưa ghi gì, hãy nhập lại."
    ]
    other.close()
    posted = "SELECT (SELECT count(*) FROM sales), (SELECT count(*) FROM stock_movements "
    assert demo_db.execute(posted + "WHERE kind = 'sale')").fetchone() == (0, 0)


def test_the_same_file_imported_twice_at_once_posts_each_receipt_once(demo_db, tmp_path):
    path = str(tmp_path / "pos.sqlite3")
    fair_file = write(tmp_path, GOOD)
    other = _another_program_writing(path)  # both imports price their receipts first
    outcomes = []
    threads = [_import_in_thread(path, fair_file, outcomes) for _ in range(2)]
    try:
        _wait_until_an_import_holds_its_turn(path)
        time.sleep(0.2)  # the second one prices its receipts too, then waits for its turn
    finally:
        other.execute("COMMIT")
        other.close()
        for thread in threads:
            thread.join(30)
    assert len(outcomes) == 2 and outcomes.count(3) == 1
    [refusal] = [outcome for outcome in outcomes if outcome != 3]
    assert "chưa ghi gì" in refusal or "đã nhập" in refusal
    numbers = demo_db.execute("SELECT number FROM sales ORDER BY id").fetchall()
    assert numbers == [("HOICHO-000001",), ("HOICHO-000002",), ("HOICHO-000003",)]
