"""`make bench`: build (once, cached) a large showroom and measure what a cashier feels.
Prints a table and writes bench/results.json. Figures, not assertions: a slow machine is not
a failing test. Each figure is reported beside the same machine's bare SQLite commit."""

import argparse
import json
import os
import platform
import random
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.showroom import FULL, SMOKE, build, ean13  # noqa: E402
from pos.cart import Cart, price  # noqa: E402
from pos.payments import cash_tender  # noqa: E402
from pos.permissions import User  # noqa: E402
from pos.services import catalog, sales, shifts  # noqa: E402
from pos.storage.database import defer_checkpoints, open_database  # noqa: E402

HERE = Path(__file__).resolve().parent


def percentiles(samples_s: list[float]) -> dict:
    ordered = sorted(samples_s)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000  # noqa: E731
    return {"p50_ms": round(pick(0.50), 3), "p99_ms": round(pick(0.99), 3), "n": len(ordered)}


def timed(fn, runs: int) -> dict:
    samples = []
    for i in range(runs):
        start = time.perf_counter()
        fn(i)
        samples.append(time.perf_counter() - start)
    return percentiles(samples)


def bare_full_commit(tmp: Path, runs: int) -> dict:
    conn = sqlite3.connect(tmp / "bare.sqlite3", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")

    def commit(i):
        conn.execute("BEGIN")
        conn.execute("INSERT INTO t (v) VALUES (?)", [str(i)])
        conn.execute("COMMIT")

    result = timed(commit, runs)
    conn.close()
    return result


def measure(db_path: Path, size, runs: int) -> dict:
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        results["bare_full_commit"] = bare_full_commit(tmp, runs)
        work = tmp / "showroom.sqlite3"
        shutil.copy(db_path, work)  # posting adds sales: never to the cached copy
        db = open_database(work)
        defer_checkpoints(db)  # as the app runs: checkpoints happen between customers
        rng = random.Random(1)
        codes = [ean13(rng.randint(1, size.products)) for _ in range(runs)]
        results["barcode_lookup"] = timed(
            lambda i: catalog.find_product_by_code(db, codes[i]), runs
        )
        queries = [
            "tra",
            "tra sam",
            "banh mu",
            "ruou",
            "gao lai chau",
            "duong thot",
            "mat o",
            "khan lua ha",
        ]
        results["search"] = timed(
            lambda i: catalog.search_products(db, queries[i % len(queries)], limit=30), runs
        )
        shifts.open_shift(db, "T01", "bench", 0)

        def post(i):
            cart = Cart()
            for code in codes[i : i + 3]:
                p = catalog.find_product_by_code(db, code)
                cart.add(sales.cart_line(p, 1))
            total = price(cart).total_vnd
            sales.post_sale(db, "T01", cart, [cash_tender(total, total)], uuid.uuid4().hex)

        results["post_sale_3_lines"] = timed(post, runs)
        results["scan_to_row_painted"] = scan_in_window(db, codes, runs)
        db.close()
        results["db_bytes_per_sale_line"] = round(db_path.stat().st_size / size.sale_lines, 1)
    ratio = results["post_sale_3_lines"]["p99_ms"] / results["bare_full_commit"]["p99_ms"]
    results["post_sale_p99_over_bare_commit_p99"] = round(ratio, 2)
    return results


def scan_in_window(db, codes: list[str], runs: int) -> dict:
    """Enter in the real till's scan box until the new row is painted."""
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow(db, "bench", User(0, "bench", "Bench", "manager"))
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    till = window.pages["sell"]

    def scan(i):
        if i % 40 == 0:  # a cart of 40 lines at most, like a real basket
            till.cart = Cart()
            till._show_cart()
        till.scan_box.setText(codes[i])
        till.scan()
        till.cart_table.viewport().repaint()

    result = timed(scan, runs)
    window.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--smoke", action="store_true", help="tiny showroom, seconds (CI)")
    parser.add_argument("--runs", type=int, default=500)
    args = parser.parse_args()
    size = SMOKE if args.smoke else FULL
    runs = 30 if args.smoke else args.runs
    cache = HERE / "cache"
    cache.mkdir(exist_ok=True)
    db_path = cache / f"showroom-{size.products}-{size.sale_lines}.sqlite3"
    if not db_path.exists():
        started = time.perf_counter()
        build(db_path, size)
        print(f"built {db_path.name} in {time.perf_counter() - started:.0f} s")
    results = {
        "machine": {
            "python": platform.python_version(),
            "cpu": platform.processor(),
            "cores": os.cpu_count(),
            "sqlite": sqlite3.sqlite_version,
        },
        "size": size.__dict__,
        "figures": measure(db_path, size, runs),
    }
    print(f"{'figure':<36}{'p50 ms':>10}{'p99 ms':>10}")
    for name, value in results["figures"].items():
        if isinstance(value, dict):
            print(f"{name:<36}{value['p50_ms']:>10}{value['p99_ms']:>10}")
        else:
            print(f"{name:<36}{value:>20}")
    out = HERE / ("results-smoke.json" if args.smoke else "results.json")
    out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"written {out}")


if __name__ == "__main__":
    main()
