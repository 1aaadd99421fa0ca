import csv
import io

import pytest

from pos import cli
from pos.cli_signing import PASSWORD_VARIABLE
from pos.storage.database import open_database
from tests.conftest import ADMIN_PASSWORD, FIXTURES, first_admin


def run(capsys, *args):
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def signed(monkeypatch):
    """The administrator's password, as a script gives it to a writing command."""
    monkeypatch.setenv(PASSWORD_VARIABLE, ADMIN_PASSWORD)
    return ("--user", "admin")


def new_showroom(tmp_path) -> str:
    path = tmp_path / "pos.sqlite3"
    db = open_database(path)
    first_admin(db)
    db.close()
    return str(path)


def test_import_then_stock_as_csv(tmp_path, capsys, signed):
    db = new_showroom(tmp_path)
    assert (
        run(capsys, "--db", db, "import", "producers", str(FIXTURES / "producers.csv"), *signed)[0]
        == 0
    )
    code, out, _ = run(
        capsys, "--db", db, "import", "products", str(FIXTURES / "products.csv"), *signed
    )
    assert code == 0 and "29 mới" in out
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "import",
        "intake",
        str(FIXTURES / "intake-2026-11.csv"),
        "--date",
        "2026-11-22",
        *signed,
    )
    assert code == 0 and "PNK-000013" in out
    code, out, _ = run(capsys, "--db", db, "stock", "--producer", "HOABAN", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["sku"], r["lot"], r["expiry"], r["on_hand"]) for r in rows] == [
        ("SAM-CU-100", "L2611-00", "2027-08-11", "6"),
        ("SAM-RUOU-500", "PNK-000001", "", "6"),
        ("SAM-TRA-20", "L2612-01", "2027-08-12", "6"),
    ]


def test_stock_table_is_readable(tmp_path, capsys):
    db = str(tmp_path / "pos.sqlite3")
    run(capsys, "--db", db, "demo", "--plain")
    code, out, _ = run(capsys, "--db", db, "stock")
    assert code == 0
    assert "Sữa tươi thanh trùng Con Bò Vàng 1L" in out
    assert "29 lô, tổng 534 đơn vị" in out


def test_bad_import_exits_non_zero_and_lists_rows(tmp_path, capsys, signed):
    db = new_showroom(tmp_path)
    bad = tmp_path / "producers.csv"
    bad.write_text(
        "code,name,kind,commission_pct\nA,Một,company,120\nB,,shop,10\n", encoding="utf-8"
    )
    code, out, err = run(capsys, "--db", db, "import", "producers", str(bad), *signed)
    assert code != 0 and out == ""
    assert "dòng 2:" in err and "dòng 3:" in err and "không nhập dòng nào" in err
    code, out, _ = run(capsys, "--db", db, "stock", "--format", "csv")
    assert out.strip().splitlines() == [",".join(cli.STOCK_HEADERS)]


def test_demo_refuses_a_database_in_use(tmp_path, capsys):
    db = str(tmp_path / "pos.sqlite3")
    assert run(capsys, "--db", db, "demo", "--plain")[0] == 0
    code, _, err = run(capsys, "--db", db, "demo", "--plain")
    assert code != 0 and "cơ sở dữ liệu trống" in err


def test_db_path_from_environment(tmp_path, capsys, monkeypatch):
    target = tmp_path / "env.sqlite3"
    monkeypatch.setenv("OCOP_POS_DB", str(target))
    assert run(capsys, "demo", "--plain")[0] == 0
    assert target.is_file()


def test_missing_database_folder_is_a_clear_error(tmp_path, capsys):
    code, _, err = run(capsys, "--db", str(tmp_path / "nope" / "pos.sqlite3"), "stock")
    assert code != 0 and "Không có thư mục" in err


# Every command that changes the database, on the demo showroom: (arguments, needs a manager).
def _writing_commands(tmp_path):
    products = tmp_path / "products.csv"
    products.write_text(
        "sku,name,producer_code,price_vnd,ocop_stars,vat_pct,track_expiry\n"
        "BANH-PIA,Bánh pía,BAOMINH,1,4,8,0\n",
        encoding="utf-8",
    )
    fair = tmp_path / "fair.csv"
    fair.write_text(
        "receipt,sold_at,code,qty,unit_price_vnd,payment\nHC1,2026-11-23 09:15,BANH-PIA,1,,cash\n",
        encoding="utf-8",
    )
    out = str(tmp_path / "out")
    return {
        "import products": (["import", "products", str(products)], True),
        "import sales": (["import", "sales", str(fair)], True),
        "settle --close": (["settle", "--month", "2026-11", "--out", out, "--close"], True),
        "barcode": (["barcode", "--sku", "BINH-GOM"], False),
    }


WRITING = ("import products", "import sales", "settle --close", "barcode")


@pytest.fixture
def demo_file(demo_db, tmp_path):
    return demo_db.execute("PRAGMA database_list").fetchone()[2]


def _audit_count(demo_db) -> int:
    return demo_db.execute("SELECT count(*) FROM audit_log").fetchone()[0]


@pytest.mark.parametrize("command", WRITING)
def test_a_writing_command_needs_a_signed_in_person(
    demo_db, demo_file, tmp_path, capsys, monkeypatch, command
):
    args, needs_manager = _writing_commands(tmp_path)[command]
    before = _audit_count(demo_db)
    code, _, err = run(capsys, "--db", demo_file, *args)
    assert code == 2 and "cần --user" in err and _audit_count(demo_db) == before

    monkeypatch.setenv(PASSWORD_VARIABLE, "sai-mat-khau")
    code, _, err = run(capsys, "--db", demo_file, *args, "--user", "quanly")
    assert code == 2 and "sai tên đăng nhập" in err
    failed = demo_db.execute(
        "SELECT actor, terminal_code FROM audit_log WHERE action = 'login_failed'"
    ).fetchall()
    assert failed == [("quanly", "CLI")]  # counted towards the lockout like the app's

    if needs_manager:
        monkeypatch.setenv(PASSWORD_VARIABLE, "1234")
        code, _, err = run(capsys, "--db", demo_file, *args, "--user", "thungan")
        assert code == 2 and "Cần quản lý duyệt" in err

    monkeypatch.setenv(PASSWORD_VARIABLE, "quanly2026")
    code, _, err = run(capsys, "--db", demo_file, *args, "--user", "quanly")
    assert code == 0, err
    newest = demo_db.execute(
        "SELECT action, actor FROM audit_log WHERE action NOT IN ('login_failed') "
        "ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert newest[1] == "quanly"


def test_restore_needs_a_manager_and_is_audited_in_the_kept_copy(
    demo_db, demo_file, tmp_path, capsys, monkeypatch
):
    assert run(capsys, "--db", demo_file, "backup", "--out", str(tmp_path / "usb"))[0] == 0
    [copy] = (tmp_path / "usb").glob("*.sqlite3")
    demo_db.close()
    code, _, err = run(capsys, "--db", demo_file, "restore", str(copy))
    assert code == 2 and "cần --user" in err
    monkeypatch.setenv(PASSWORD_VARIABLE, "1234")
    code, _, err = run(capsys, "--db", demo_file, "restore", str(copy), "--user", "thungan")
    assert code == 2 and "Cần quản lý duyệt" in err
    monkeypatch.setenv(PASSWORD_VARIABLE, "quanly2026")
    code, out, _ = run(capsys, "--db", demo_file, "restore", str(copy), "--user", "quanly")
    assert code == 0
    kept = out.split("được giữ tại ")[1].strip()
    db = open_database(kept)
    assert db.execute("SELECT actor FROM audit_log WHERE action = 'restore'").fetchall() == [
        ("quanly",)
    ]
    db.close()
