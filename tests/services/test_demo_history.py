"""The demo a newcomer's `make run` opens: three months lived through the services, so
reports, settlement, audit and the Z show real figures at first start."""

from datetime import date, datetime, time, timedelta

import pytest

from pos import cli, clock
from pos.importing.demo import load_demo
from pos.importing.demo_history import EXPIRED_REASON
from pos.services import reports, shifts, statements
from pos.services.settings import get_setting
from pos.storage.database import open_database
from tests.conftest import FIXTURES

TODAY = date(2026, 12, 1)  # the first of a month: last month is closed this very morning


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo-history") / "demo.sqlite3"
    db = open_database(path)
    with clock.stopped_at(datetime.combine(TODAY, time(9, 15))):
        loaded = load_demo(db, FIXTURES, history_until=TODAY)
    yield db, path, loaded.history
    db.close()


def rows(db, sql, params=()):
    return db.execute(sql, params).fetchall()


def test_last_month_is_closed_with_issued_statements_owing_money(demo):
    db, _, _ = demo
    start, end = statements.month_bounds("2026-11")
    issued = statements.issued_numbers(db, start, end)
    assert len(issued) >= 10
    figures = [statements.issued_figures(db, number) for number in issued.values()]
    assert sum(f.net_vnd for f in figures) > 10_000_000
    assert all(f.owed_vnd > 0 for f in figures if f.net_vnd > 0)
    assert rows(db, "SELECT count(*) FROM closed_periods WHERE period_end = '2026-11-30'") == [(1,)]


def test_older_months_are_paid_in_full_and_last_month_in_part(demo):
    db, _, _ = demo
    producers = [row[0] for row in rows(db, "SELECT id FROM producers")]
    assert all(statements.balance_before(db, p, date(2026, 11, 2)) == 0 for p in producers)
    owed_now = [statements.balance_before(db, p, date(2026, 12, 2)) for p in producers]
    assert any(owed > 0 for owed in owed_now)  # some producers wait for November's money
    paid_today = dict(
        rows(db, "SELECT producer_id, amount_vnd FROM payouts WHERE paid_on = ?", ["2026-12-01"])
    )
    partly = [
        p
        for p, amount in paid_today.items()
        if statements.balance_before(db, p, date(2026, 12, 2)) > 0
    ]
    assert paid_today and len(partly) == 1  # one producer got half


def test_every_past_day_has_its_z_and_a_shift_is_open_today(demo):
    db, _, history = demo
    z_days = rows(db, "SELECT count(DISTINCT substr(closed_at, 1, 10)) FROM shifts WHERE closed_at")
    assert z_days == [(91,)] and history.z_reports == 91
    today = shifts.current_shift(db, get_setting(db, "terminal_code"))
    assert today is not None and today.opened_at.startswith("2026-12-01")
    cashiers = rows(db, "SELECT DISTINCT cashier FROM shifts ORDER BY 1")
    assert cashiers == [("Nguyễn Thị Lan",), ("Phạm Thu Hà",)]
    people = rows(
        db,
        "SELECT DISTINCT s.cashier = u.display_name FROM shifts s "
        "LEFT JOIN users u ON u.uuid = s.cashier_uuid",
    )
    assert people == [(1,)]  # every shift names its person by uuid too


def test_reports_of_last_month_hold_sales_refunds_and_a_trade_fair(demo):
    db, _, history = demo
    report = reports.sales_report(db, date(2026, 11, 1), date(2026, 11, 30), "producer")
    assert report.total.receipts > 150 and report.total.sales_vnd > 10_000_000
    assert history.refunds > 0 and rows(db, "SELECT count(*) FROM refunds")[0][0] == history.refunds
    assert rows(db, "SELECT count(*) FROM sales WHERE terminal_code = 'HOICHO'")[0][0] > 0
    returned = rows(db, "SELECT count(*) FROM producer_returns")[0][0]
    assert returned == history.producer_returns > 1  # the near-expiry one, then expired goods
    assert len(history.goods_receipts) > 13  # the first delivery and re-deliveries since


def test_expired_goods_do_not_linger_on_the_shelf(demo):
    """Mondays' returns leave at most a week's expired lots: the expiry screen shows what a
    manager would act on, not months-old milk."""
    db, _, _ = demo
    week_ago = (TODAY - timedelta(days=7)).isoformat()
    lingering = rows(
        db,
        "SELECT count(*) FROM lots l JOIN (SELECT lot_id, sum(qty) AS q FROM stock_movements "
        "GROUP BY lot_id HAVING q > 0) s ON s.lot_id = l.id WHERE l.expiry_date < ?",
        [week_ago],
    )
    assert lingering == [(0,)]
    expired = "SELECT count(*) FROM producer_returns WHERE reason = ?"
    assert rows(db, expired, [EXPIRED_REASON])[0][0] > 0


def test_the_demo_passes_the_integrity_check(demo):
    _, path, _ = demo
    assert cli.main(["--db", str(path), "check"]) == 0


def test_the_same_day_gives_the_same_showroom(demo, tmp_path):
    db, _, _ = demo
    again = open_database(tmp_path / "again.sqlite3")
    with clock.stopped_at(datetime.combine(TODAY, time(9, 15))):
        load_demo(again, FIXTURES, history_until=TODAY)
    query = "SELECT number, total_vnd, sold_at FROM sales ORDER BY number"
    assert rows(again, query) == rows(db, query)


def test_seeded_mid_month_every_month_since_the_first_day_is_closed(tmp_path):
    """Seeded on the 15th (or the 31st) the demo still closes the part-month it began in,
    and the month just closed is the one paid in part."""
    for today in (date(2026, 12, 15), date(2026, 12, 31)):
        db = open_database(tmp_path / f"{today}.sqlite3")
        with clock.stopped_at(datetime.combine(today, time(9, 15))):
            history = load_demo(db, FIXTURES, history_until=today).history
        closed = rows(db, "SELECT period_start, period_end FROM closed_periods ORDER BY 1")
        months = range(history.first_day.month, 12)  # from the first day's month to November
        ends = [statements.month_bounds(f"2026-{m:02d}")[1].isoformat() for m in months]
        assert [end for _, end in closed] == ends and len(ends) >= 2
        assert closed[0][0] == history.first_day.isoformat()
        producers = [row[0] for row in rows(db, "SELECT id FROM producers")]
        assert all(statements.balance_before(db, p, date(2026, 11, 2)) == 0 for p in producers)
        assert any(statements.balance_before(db, p, date(2026, 12, 2)) > 0 for p in producers)
        db.close()
