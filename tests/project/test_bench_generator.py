"""The benchmark writes years of trade with bulk SQL, re-doing what the services do (lots
first-expiry-first, VAT and commission in force that day, refund shares and lots, the journal
payload). On the smoke showroom every sale and refund it generates is posted again by the
services, in a transaction then undone, and must write the same rows and payload
(bench/showroom.py, _check_against_services); a drift fails here, naming the table."""

from bench.showroom import SMOKE, build
from pos.services import integrity
from pos.storage.database import open_database


def test_the_bench_generator_writes_sales_and_refunds_as_the_services_do(tmp_path):
    path = tmp_path / "bench.sqlite3"
    checked = build(path, SMOKE, services_check=True)
    db = open_database(path)
    sales, refunds = (
        db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("sales", "refunds")
    )
    assert refunds > 0 and checked == sales + refunds
    assert integrity.full_check(db) == []
    db.close()
