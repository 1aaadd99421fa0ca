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
    run(capsys, "--db", db, "demo")
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
    assert run(capsys, "--db", db, "demo")[0] == 0
    code, _, err = run(capsys, "--db", db, "demo")
    assert code != 0 and "cơ sở dữ liệu trống" in err


def test_db_path_from_environment(tmp_path, capsys, monkeypatch):
    target = tmp_path / "env.sqlite3"
    monkeypatch.setenv("OCOP_POS_DB", str(target))
    assert run(capsys, "demo")[0] == 0
    assert target.is_file()


def test_missing_database_folder_is_a_clear_error(tmp_path, capsys):
    code, _, err = run(capsys, "--db", str(tmp_path / "nope" / "pos.sqlite3"), "stock")
    assert code != 0 and "Không có thư mục" in err
