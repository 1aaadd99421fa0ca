"""Writers that never trip over each other: two command-line imports of many rows (products,
a fair's sales, goods received) run in their own processes while this process posts a sale
every 50 ms through the real service. Both imports must finish, no sale may be refused,
nothing may end in a traceback, the receipt numbers must run without a gap and the full
check must be clean.

`python -m faults.busy_writers [ROWS] [KIND KIND]` prints the figures (kinds: producers,
products, sales, intake; two product imports unless told)."""

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as day_time
from pathlib import Path

from pos.paths import SAMPLE_FIXTURES

ADMIN_PASSWORD = "quantri2026"  # the demo's administrator
PAUSE_S = 0.05
LIMIT_S = 600  # the whole run stops by itself


@dataclass(frozen=True)
class Outcome:
    imports_ok: bool
    import_errors: str
    sales_posted: int
    sales_refused: list[str]
    numbers_gapless: bool
    problems: list[str]
    longest_wait_s: float
    import_s: float


def products_file(db, path: Path, prefix: str, rows: int) -> Path:
    lines = ["sku,name,producer_code,price_vnd,ocop_stars,vat_pct,track_expiry"]
    lines += [
        f"{prefix}-{n:06d},Hàng thử {prefix} {n},BAOMINH,{10_000 + n},4,8,0" for n in range(rows)
    ]
    return _written(path, lines)


def producers_file(db, path: Path, prefix: str, rows: int) -> Path:
    lines = ["code,name,kind,commission_pct"]
    lines += [f"{prefix}{n:06d},Hợp tác xã thử {prefix} {n},cooperative,20" for n in range(rows)]
    return _written(path, lines)


def sales_file(db, path: Path, prefix: str, rows: int) -> Path:
    """A fair's receipts of two rows each, sold yesterday, of products whose every lot can
    be sold (a file may sell beyond recorded stock: those units become shortfalls)."""
    yesterday = datetime.combine(date.today() - timedelta(days=1), day_time(9))
    codes = [
        sku
        for (sku,) in db.execute(
            "SELECT sku FROM products p WHERE active AND NOT EXISTS (SELECT 1 FROM lots l "
            "WHERE l.product_id = p.id AND (l.status = 'blocked' OR l.expiry_date < ?)) "
            "ORDER BY sku",
            [yesterday.date().isoformat()],
        )
    ]
    lines = ["receipt,sold_at,code,qty,payment"]
    for n in range(rows):
        sold_at = yesterday + timedelta(seconds=n // 2)
        lines.append(f"{prefix}-{n // 2},{sold_at.isoformat()},{codes[n % len(codes)]},1,cash")
    return _written(path, lines)


def intake_file(db, path: Path, prefix: str, rows: int) -> Path:
    """Goods received today, one new lot a line."""
    products = db.execute(
        "SELECT pr.code, p.sku, p.tracks_expiry FROM products p "
        "JOIN producers pr ON pr.id = p.producer_id WHERE p.active AND pr.active ORDER BY p.sku"
    ).fetchall()
    made, expires = date.today().isoformat(), (date.today() + timedelta(days=365)).isoformat()
    lines = ["producer_code,sku,qty,lot,production_date,expiry_date"]
    for n in range(rows):
        producer, sku, tracks_expiry = products[n % len(products)]
        dates = f"{made},{expires}" if tracks_expiry else ","
        lines.append(f"{producer},{sku},5,{prefix}{n},{dates}")
    return _written(path, lines)


def _written(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


FILES = {
    "producers": producers_file,
    "products": products_file,
    "sales": sales_file,
    "intake": intake_file,
}


def run(rows: int, folder: Path, kinds: tuple[str, str] = ("products", "products")) -> Outcome:
    from pos.cart import Cart, price
    from pos.errors import PosError
    from pos.importing.demo import load_demo
    from pos.payments import cash_tender
    from pos.services import catalog, integrity, sales, shifts, users
    from pos.storage.database import open_database

    db_path = folder / "pos.sqlite3"
    db = open_database(db_path)
    load_demo(db, SAMPLE_FIXTURES, date(2026, 11, 22))
    cashier = users.get_user(db, "thungan")
    shifts.open_shift(db, "T01", cashier.display_name, 0)
    files = [
        (kind, FILES[kind](db, folder / f"{prefix}.csv", prefix, rows))
        for kind, prefix in zip(kinds, ("NHAPA", "NHAPB"), strict=True)
    ]
    env = {**os.environ, "OCOP_POS_PASSWORD": ADMIN_PASSWORD}
    cli = "import sys; from pos.cli import main; sys.exit(main(sys.argv[1:]))"
    command = [sys.executable, "-c", cli, "--db", str(db_path), "import"]
    error_files = [tempfile.TemporaryFile() for _ in files]
    started = time.monotonic()
    importers = [
        subprocess.Popen(
            [*command, kind, str(f), "--user", "admin"],
            env=env,
            stdout=subprocess.DEVNULL,  # an unread pipe fills up and stops the import
            stderr=errors,
        )
        for (kind, f), errors in zip(files, error_files, strict=True)
    ]
    posted, refused, longest = 0, [], 0.0
    while any(p.poll() is None for p in importers) and time.monotonic() - started < LIMIT_S:
        cart = Cart()
        cart.add(sales.cart_line(catalog.find_product_by_code(db, "BANH-PIA"), 1))
        total = price(cart).total_vnd
        before = time.monotonic()
        try:
            sales.post_sale(
                db, "T01", cart, [cash_tender(total, total)], f"busy-{posted}", actor=cashier
            )
            posted += 1
        except PosError as error:
            refused.append(str(error))
        longest = max(longest, time.monotonic() - before)
        time.sleep(PAUSE_S)
    import_s = time.monotonic() - started
    errors = ""
    for importer, error_file in zip(importers, error_files, strict=True):
        if importer.poll() is None:
            importer.kill()
        importer.wait()
        error_file.seek(0)
        errors += error_file.read().decode("utf-8", "replace")
        error_file.close()
    numbers = [
        int(n.rpartition("-")[2])
        for (n,) in db.execute("SELECT number FROM sales WHERE terminal_code = 'T01'")
    ]
    db.close()
    problems = [str(p) for p in integrity.check_file(db_path)]
    return Outcome(
        imports_ok=all(p.returncode == 0 for p in importers),
        import_errors=errors,
        sales_posted=posted,
        sales_refused=refused,
        numbers_gapless=sorted(numbers) == list(range(1, len(numbers) + 1)),
        problems=problems,
        longest_wait_s=longest,
        import_s=import_s,
    )


def main() -> int:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    kinds = tuple(sys.argv[2:4]) if len(sys.argv) > 3 else ("products", "products")
    with tempfile.TemporaryDirectory() as folder:
        outcome = run(rows, Path(folder), kinds)
    print(
        f"imports of {' and '.join(kinds)} x {rows} rows beside a sale every "
        f"{PAUSE_S * 1000:.0f} ms: imports "
        f"{'finished' if outcome.imports_ok else 'FAILED'} in {outcome.import_s:.1f} s; "
        f"{outcome.sales_posted} sales posted, {len(outcome.sales_refused)} refused, "
        f"longest wait {outcome.longest_wait_s * 1000:.0f} ms; numbers "
        f"{'gapless' if outcome.numbers_gapless else 'WITH GAPS'}; check: "
        f"{len(outcome.problems)} problems"
    )
    if outcome.import_errors.strip():
        print(outcome.import_errors)
    bad = (
        not outcome.imports_ok
        or outcome.sales_refused
        or not outcome.numbers_gapless
        or outcome.problems
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
