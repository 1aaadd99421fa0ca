"""`ocop-pos einvoice`: the queue's state, sending it, a receipt's invoices, a month's."""

import csv
from datetime import timedelta

import openpyxl
import pytest

from pos import cli
from pos.einvoicing.credentials import save_password
from pos.einvoicing.fake_viettel import FakeState, FakeViettel
from pos.services import showroom_file
from pos.services.settings import set_settings
from tests.services.test_einvoice_capture import refund_one
from tests.services.test_users_and_refunds import DAY, cash, people, sell  # noqa: F401


def run(capsys, db, *args):
    code = cli.main(["--db", showroom_file.database_path(db), "einvoice", *args])
    out, err = capsys.readouterr()
    return code, out + err


@pytest.fixture
def fake():
    with FakeViettel(FakeState(username="0100109106-215", password="Mk-2026")) as server:
        yield server


@pytest.fixture
def shop(demo_db, people, fake, no_os_keyring):  # noqa: F811
    set_settings(
        demo_db,
        {
            "einvoice_provider": "viettel",
            "einvoice_url": fake.url,
            "einvoice_username": "0100109106-215",
            "einvoice_symbol": "1C26MAA",
            "showroom_tax_code": fake.state.tax_code,
        },
        people["admin"],
    )
    save_password("0100109106-215", "Mk-2026")
    first = sell(demo_db, [("SAM-TRA-20", 2)], cash, "s1")
    sell(demo_db, [("BANH-PIA", 1)], cash, "s2")
    refund_one(demo_db, people["manager"], first, DAY + timedelta(minutes=5))
    return first


def test_status_send_lookup_and_the_months_export(demo_db, shop, fake, capsys, tmp_path):
    assert run(capsys, demo_db, "status") == (
        0,
        "Hóa đơn điện tử chưa gửi: 3, cũ nhất lập lúc 24/11/2026 09:00\n",
    )
    code, out = run(capsys, demo_db, "send")
    assert (code, out) == (0, "Đã cấp số 3 hóa đơn; còn chưa gửi 0\n")
    assert len(fake.state.invoices) == 3
    code, out = run(capsys, demo_db, "lookup", shop.number)
    original, adjustment = fake.state.invoices[0], fake.state.invoices[2]
    assert code == 0
    assert f"{shop.number} · gốc · ký hiệu 1C26MAA · đã cấp số" in out
    assert f"số {original.number}, mã CQT {original.code}" in out
    assert "điều chỉnh giảm" in out and f"số {adjustment.number}" in out
    for name in ("month.csv", "month.xlsx"):
        assert (
            run(capsys, demo_db, "export", "--month", "11/2026", "-o", str(tmp_path / name))[0] == 0
        )
    with open(tmp_path / "month.csv", encoding="utf-8-sig") as file:
        rows = list(csv.DictReader(file))
    assert [row["number"] for row in rows] == [i.number for i in fake.state.invoices]
    assert [int(row["total"]) for row in rows] == [700_000, 75_000, -350_000]
    sheet = openpyxl.load_workbook(tmp_path / "month.xlsx").active
    assert [cell.value for cell in sheet[4]][4] == adjustment.number
    code, out = run(capsys, demo_db, "export", "--month", "2026-12", "-o", str(tmp_path / "d.csv"))
    assert "Đã ghi 0 hóa đơn điện tử tháng 12/2026" in out


def test_status_names_a_refused_invoice_and_fails(demo_db, shop, fake, capsys):
    fake.state.faults = ["reject"]
    assert run(capsys, demo_db, "send")[0] == 1  # two wait behind the refused one
    code, out = run(capsys, demo_db, "status")
    assert code == 1 and f"{shop.number} (1C26MAA): BUYER_TAX_CODE_INVALID" in out


def test_a_receipt_without_an_invoice_and_a_month_that_is_not_one(demo_db, shop, capsys):
    assert run(capsys, demo_db, "lookup", "T09-000001") == (
        2,
        "không có hóa đơn điện tử nào của T09-000001\n",
    )
    code, out = run(capsys, demo_db, "export", "--month", "13/2026", "-o", "x.csv")
    assert code == 2 and "tháng" in out


def test_send_waits_for_the_app_to_be_closed(demo_db, shop, fake, capsys):
    from pos.services import showroom_file

    held = showroom_file.hold(showroom_file.database_path(demo_db))  # the app is open
    try:
        code, out = run(capsys, demo_db, "send")
    finally:
        held.release()
    assert code == 2 and "đang mở cơ sở dữ liệu này" in out and fake.state.invoices == []
