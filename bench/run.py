"""`make bench`: build (once, cached in bench/cache/) a large showroom and measure what a
cashier and a manager feel on it. Prints tables and writes bench/results.json.

Figures, not assertions: a slow machine is not a failing test. Each figure is printed beside
the same machine's own limit measured in the same run (a bare SQLite commit, a bare indexed
lookup, an empty reportlab page), as a ratio, and checked against the targets of issue 9.
`--smoke` runs every step on a tiny showroom in seconds (CI: tests/project/test_bench_smoke.py)."""

import argparse
import compileall
import io
import json
import math
import os
import platform
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.showroom import CACHE_VERSION, CASHIER, FULL, SMOKE, build, cache_name, ean13  # noqa: E402
from pos import clock  # noqa: E402
from pos.cart import Cart, price  # noqa: E402
from pos.einvoicing.fake_viettel import FakeState, FakeViettel  # noqa: E402
from pos.einvoicing.sender import Sender  # noqa: E402
from pos.einvoicing.viettel import Viettel  # noqa: E402
from pos.importing.demo import DEMO_EINVOICING  # noqa: E402
from pos.payments import cash_tender  # noqa: E402
from pos.services import (  # noqa: E402
    catalog,
    einvoice_outbox,  # noqa: E402
    sales,
    settlement,
    shifts,
    statements,
    users,
)
from pos.services.settings import get_setting, set_settings  # noqa: E402
from pos.storage.database import defer_checkpoints, open_database  # noqa: E402

HERE = Path(__file__).resolve().parent
WARMUP = 20  # untimed calls before each timed series: steady state, not the first touch
BLOCK = 10  # sales of one kind in a row, when two kinds are compared (the disk drifts)
SEARCHES = (
    "tra",
    "tra sam",
    "banh mu",
    "ruou",
    "gao lai chau",
    "duong thot",
    "mat o",
    "khan lua ha",
)
# What a cashier has typed after one or two keys: the most rows to rank (issue 16's worst case).
SHORT_SEARCHES = ("t", "b", "m", "đ", "tr", "ba", "mu", "đư", "kh", "gạ")
# Each prefix length, names and codes alike ("89": a barcode's start, "sp": a code's).
PREFIXES = {
    1: ("t", "b", "m", "đ", "s", "8"),
    2: ("tr", "ba", "mu", "đư", "kh", "gạ", "sp", "89"),
    3: ("tra", "ban", "mut", "duo", "gao", "893"),
    4: ("tra ", "banh", "ruou", "mat o", "8938"),
}


# ---- timing ----


def percentiles(samples_s: list[float]) -> dict:
    ordered = sorted(samples_s)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000  # noqa: E731
    return {
        "p50_ms": round(pick(0.50), 3),
        "p99_ms": round(pick(0.99), 3),
        "max_ms": round(ordered[-1] * 1000, 3),
        "n": len(ordered),
    }


def timed(fn, runs: int, warmup: int = WARMUP) -> dict:
    for i in range(warmup):
        fn(i)
    samples = []
    for i in range(runs):
        start = time.perf_counter()
        fn(i)
        samples.append(time.perf_counter() - start)
    return percentiles(samples)


# ---- the machine's own limits ----


def bare_committer(tmp: Path):
    """One single-row transaction, WAL + synchronous=FULL: what any durable sale costs."""
    conn = sqlite3.connect(tmp / "bare.sqlite3", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT)")

    def commit(i):
        conn.execute("BEGIN")
        conn.execute("INSERT INTO t (v) VALUES (?)", [str(i)])
        conn.execute("COMMIT")

    return commit, conn.close


def bare_indexed_lookup(tmp: Path, runs: int) -> dict:
    """SELECT by key from 10,000 rows with an indexed TEXT column: the floor of a scan."""
    conn = sqlite3.connect(tmp / "lookup.sqlite3", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT NOT NULL, name TEXT)")
    conn.execute("CREATE INDEX t_code ON t(code)")
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO t (code, name) VALUES (?, ?)",
        [(ean13(i), f"product {i}") for i in range(1, 10_001)],
    )
    conn.execute("COMMIT")
    rng = random.Random(2)
    keys = [ean13(rng.randint(1, 10_000)) for _ in range(runs + WARMUP)]
    result = timed(
        lambda i: conn.execute("SELECT id, name FROM t WHERE code = ?", [keys[i]]).fetchone(), runs
    )
    conn.close()
    return result


def empty_pdf_page(runs: int) -> dict:
    """A reportlab canvas with one empty page saved to memory: the floor of any PDF page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    def page(_i):
        pdf = canvas.Canvas(io.BytesIO(), pagesize=A4)
        pdf.showPage()
        pdf.save()

    for i in range(5):
        page(i)
    start = time.perf_counter()
    for i in range(runs):
        page(i)
    return {"mean_ms": round((time.perf_counter() - start) * 1000 / runs, 3), "n": runs}


# ---- the app's figures ----


def sellable_codes(db) -> list[str]:
    """Barcodes of products a cashier could sell today: none of their stock sits in an
    expired or blocked lot (the till refuses those), as goods on the shelf would be."""
    refused = {
        row[0]
        for row in db.execute(
            "SELECT l.product_id FROM lots l JOIN stock_movements m ON m.lot_id = l.id "
            "WHERE l.status = 'blocked' OR l.expiry_date < ? GROUP BY l.id HAVING sum(m.qty) > 0",
            [clock.today().isoformat()],
        )
    }
    return [
        code
        for code, product_id in db.execute("SELECT code, product_id FROM barcodes ORDER BY code")
        if product_id not in refused
    ]


def last_complete_month(db) -> tuple[date, date]:
    last = date.fromisoformat(db.execute("SELECT max(business_date) FROM sales").fetchone()[0])
    if (last + timedelta(days=1)).month == last.month:  # the month is not over: the one before
        last = last.replace(day=1) - timedelta(days=1)
    return statements.month_bounds(f"{last:%Y-%m}")


def settlement_figures(db, start: date, end: date, repeats: int) -> dict:
    """Every producer's figures for the month: as the settlement screen gets them
    (statements.period_overview), and as a loop of settlement.statement_figures."""
    overview, rows = [], []
    for _ in range(repeats):
        began = time.perf_counter()
        rows = statements.period_overview(db, start, end)
        overview.append(time.perf_counter() - began)
    codes = [row.code for row in rows]
    loop = []
    for _ in range(repeats):
        began = time.perf_counter()
        for code in codes:
            settlement.statement_figures(db, code, start, end)
        loop.append(time.perf_counter() - began)
    return {
        "month": f"{start:%Y-%m}",
        "producers_with_activity": len(codes),
        "stock_rows": sum(len(row.figures.stock) for row in rows),
        "sales_rows": sum(len(row.figures.sales) for row in rows),
        "period_overview_s": round(statistics.median(overview), 3),
        "statement_figures_loop_s": round(statistics.median(loop), 3),
        "samples_period_overview_s": [round(s, 3) for s in overview],
        "samples_statement_figures_loop_s": [round(s, 3) for s in loop],
    }


def statement_pdfs(db, start: date, end: date, out: Path) -> dict:
    """statements.write_statements for every producer (what the manager waits for: figures,
    PDF, XLSX and the summary CSV), with the PDF and XLSX writers' own share timed apart."""
    spent = {"pdf": 0.0, "xlsx": 0.0}
    originals = {"pdf": statements.write_statement_pdf, "xlsx": statements.write_statement_xlsx}

    def clocked(kind):
        def write(*args, **kwargs):
            began = time.perf_counter()
            try:
                return originals[kind](*args, **kwargs)
            finally:
                spent[kind] += time.perf_counter() - began

        return write

    statements.write_statement_pdf, statements.write_statement_xlsx = (
        clocked("pdf"),
        clocked("xlsx"),
    )
    try:
        began = time.perf_counter()
        written = statements.write_statements(db, start, end, out)
        total = time.perf_counter() - began
    finally:
        statements.write_statement_pdf = originals["pdf"]
        statements.write_statement_xlsx = originals["xlsx"]
    pages, method = count_pages(written.pdfs)
    return {
        "statements": len(written.pdfs),
        "pages": pages,
        "pages_counted_with": method,
        "total_s": round(total, 3),
        "ms_per_page": round(total * 1000 / max(pages, 1), 2),
        "pdf_writer_s": round(spent["pdf"], 3),
        "pdf_writer_ms_per_page": round(spent["pdf"] * 1000 / max(pages, 1), 2),
        "xlsx_writer_s": round(spent["xlsx"], 3),
        "rest_s": round(total - spent["pdf"] - spent["xlsx"], 3),
    }


PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def count_pages(pdfs: list[Path]) -> tuple[int, str]:
    """Page objects in the bytes (reportlab writes object dictionaries uncompressed),
    checked against poppler's pdfinfo on a few files when it is installed."""
    counted = [len(PAGE_OBJECT.findall(path.read_bytes())) for path in pdfs]
    if not shutil.which("pdfinfo"):
        return sum(counted), "page objects in the bytes"
    for path, pages in list(zip(pdfs, counted, strict=True))[:3]:
        if _pdfinfo_pages(path) != pages:
            return sum(_pdfinfo_pages(path) for path in pdfs), "pdfinfo"
    return sum(counted), "page objects in the bytes (checked with pdfinfo)"


def _pdfinfo_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))


def post_sales_beside_bare_commits(db, tmp: Path, candidates: list[str], runs: int, rng):
    """A 3-line cash sale through the real service (committed, WAL + synchronous=FULL), each
    one right after a bare commit: the sale and its limit see the same disk at the same time
    (the OS writing back other work's pages makes every fsync slower for a while). Sales
    without and with e-invoices alternate in blocks of BLOCK, so both meet the file and the
    disk in the same states (one run after the other favoured the second by 0.8 ms)."""
    commit, close = bare_committer(tmp)
    baskets = [rng.sample(candidates, 3) for _ in range(2 * (runs + WARMUP))]
    cashier, admin = users.get_user(db, CASHIER), users.get_user(db, "admin")
    off = {key: get_setting(db, key) for key in DEMO_EINVOICING}

    def post(i):
        cart = Cart()
        for code in baskets[i]:
            cart.add(sales.cart_line(catalog.find_product_by_code(db, code), 1))
        total = price(cart).total_vnd
        sales.post_sale(
            db, "T01", cart, [cash_tender(total, total)], uuid.uuid4().hex, actor=cashier
        )

    bare, posted = [], {False: [], True: []}
    block = math.gcd(runs, BLOCK)  # divides runs: both kinds get runs samples
    for i in range(2 * (WARMUP + runs)):
        timed_i = i - 2 * WARMUP  # the warm-up: WARMUP of each kind, untimed
        einvoiced = (i // WARMUP) % 2 == 1 if timed_i < 0 else (timed_i // block) % 2 == 1
        if (i % WARMUP == 0) if timed_i < 0 else (timed_i % block == 0):
            set_settings(db, DEMO_EINVOICING if einvoiced else off, admin)  # between customers
        began = time.perf_counter()
        commit(i)
        between = time.perf_counter()
        post(i)
        ended = time.perf_counter()
        if timed_i >= 0:
            bare.append(between - began)
            posted[einvoiced].append(ended - between)
    close()
    set_settings(db, DEMO_EINVOICING, admin)
    return percentiles(posted[False]), percentiles(posted[True]), percentiles(bare)


def einvoice_drain(db, candidates: list[str], offline_sales: int, rng) -> dict:
    """``offline_sales`` more sales while no provider is reachable (nothing sends), then the
    fake Viettel on loopback and the sender: how fast the backlog goes, and whether it went
    in order (each symbol's numbers rising with its invoices, dates never going back)."""
    cashier = users.get_user(db, CASHIER)
    for _ in range(offline_sales):
        cart = Cart()
        for code in rng.sample(candidates, 3):
            cart.add(sales.cart_line(catalog.find_product_by_code(db, code), 1))
        total = price(cart).total_vnd
        sales.post_sale(
            db, "T01", cart, [cash_tender(total, total)], uuid.uuid4().hex, actor=cashier
        )
    backlog = einvoice_outbox.status(db).unsent
    with FakeViettel(FakeState(tax_code=DEMO_EINVOICING["showroom_tax_code"])) as fake:
        provider = Viettel(fake.url, fake.state.tax_code, "demo", "demo")
        began = time.perf_counter()
        Sender(db, provider).drain(backlog + 10)
        seconds = time.perf_counter() - began
        provider.close()
    issued = db.execute(
        "SELECT e.symbol, e.issued_at, a.number FROM einvoices e "
        "JOIN einvoice_answers a ON a.invoice_id = e.id ORDER BY e.id"
    ).fetchall()
    in_order, last = True, {}
    for symbol, issued_at, number in issued:
        sequence = int(re.search(r"([0-9]+)$", number).group(1))
        if symbol in last:
            previous, previous_at = last[symbol]
            in_order = in_order and sequence > previous and issued_at >= previous_at
        last[symbol] = (sequence, issued_at)
    return {
        "backlog": backlog,
        "issued": len(issued),
        "unsent_after": einvoice_outbox.status(db).unsent,
        "seconds": round(seconds, 2),
        "per_s": round(len(issued) / seconds, 1) if seconds else None,
        "in_order": in_order,
    }


def configure_qt(app) -> None:
    """The app's fonts, style sheet and language (ui.app.configure_application) without its
    exception dialog, which would wait for a click in a benchmark."""
    from PySide6.QtGui import QFont

    from ui.app import FONT_FAMILY, RESOURCES, install_translator, load_bundled_fonts

    load_bundled_fonts()
    app.setFont(QFont(FONT_FAMILY, 10))
    app.setStyleSheet((RESOURCES / "style.qss").read_text(encoding="utf-8"))
    install_translator(app, "vi")


def scan_in_window(db, codes: list[str], runs: int) -> dict:
    """Enter in the real till's scan box until the new row is painted."""
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    configure_qt(app)
    window = MainWindow(db, "bench", users.get_user(db, "thungan"))
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
    app.processEvents()
    return result


def scan_asks(db, code: str) -> None:
    """What one scan asks the database: the product, its lots, whether they can be sold."""
    from pos.errors import PosError

    try:
        sales.product_for_scan(db, code, 1, Cart(), clock.today())
    except PosError:  # sold out meanwhile: the till says so, at the same cost
        pass


def searches_by_prefix(db, runs: int) -> dict:
    """search_products for 1-, 2-, 3- and 4-letter prefixes, as the till lists them (30) and
    as the products page does (500)."""
    return {
        f"{length}_letters_limit_{limit}": timed(
            lambda i, typed=typed, limit=limit: catalog.search_products(
                db, typed[i % len(typed)], limit=limit
            ),
            runs,
        )
        for length, typed in PREFIXES.items()
        for limit in (30, 500)
    }


def sales_on_another_till(db, candidates: list[str], runs: int, rng) -> dict:
    """3-line sales on a second till (T02) that has sold little: its clock check and number
    series must cost what the busy till's do."""
    shifts.open_shift(db, "T02", "Bench", 0)
    cashier = users.get_user(db, CASHIER)
    baskets = [rng.sample(candidates, 3) for _ in range(runs + WARMUP)]

    def post(i):
        cart = Cart()
        for code in baskets[i]:
            cart.add(sales.cart_line(catalog.find_product_by_code(db, code), 1))
        total = price(cart).total_vnd
        sales.post_sale(
            db, "T02", cart, [cash_tender(total, total)], uuid.uuid4().hex, actor=cashier
        )

    return timed(post, runs)


def backup_beside_scans(db, tmp: Path, codes: list[str]) -> dict:
    """The daily backup (copy, its check, the incremental check of the copy) on its own
    connection and thread, as the app takes it, while the till scans: how long it takes
    and what the scans cost meanwhile (their p99)."""
    import threading

    from pos.services import backups, integrity

    path = db.execute("PRAGMA database_list").fetchone()[2]
    done: dict = {}

    def take():
        other = open_database(path)
        began = time.perf_counter()
        try:
            backups.take_backup(other, tmp / "backups", "daily")
            problems, head = integrity.recent_check_of_file(
                backups.list_backups(tmp / "backups")[0].path
            )
            done["problems"] = len(problems)
        finally:
            done["seconds"] = time.perf_counter() - began
            other.close()

    worker = threading.Thread(target=take)
    samples, i = [], 0
    worker.start()
    while worker.is_alive() or i < 50:
        began = time.perf_counter()
        scan_asks(db, codes[i % len(codes)])
        samples.append(time.perf_counter() - began)
        i += 1
        time.sleep(0.002)  # a scan every few milliseconds: far more often than a cashier
    worker.join()
    return {
        "backup_s": round(done["seconds"], 2),
        "problems": done.get("problems"),
        "scans_meanwhile": percentiles(samples),
    }


def recent_check_after_a_day(db, mark) -> dict:
    """integrity.recent_check after what the bench posted since ``mark`` (a day's sales and
    more): it must not grow with the years before."""
    from pos.services import integrity

    posted = db.execute("SELECT count(*) FROM journal WHERE seq > ?", [mark.seq]).fetchone()[0]
    began = time.perf_counter()
    problems, _ = integrity.recent_check(db)
    return {
        "seconds": round(time.perf_counter() - began, 3),
        "entries_since_mark": posted,
        "problems": len(problems),
    }


def cold_start(db_path: Path, runs: int, warmups: int, barcode: str, cached: bool) -> dict:
    """Process start to a scan shown on the till's cart (bench/cold_start.py); the median of
    ``runs`` after ``warmups`` untimed runs. ``cached``: the file as the runs before left it
    in the OS cache; otherwise evicted before each run (the first start after a boot), its
    residency measured and printed, and a run that found more than 1 % of it resident is
    not counted. The app's modules are compiled to bytecode first, as an installed app's
    are: with PYTHONDONTWRITEBYTECODE set (CI images set it) every start would compile them
    again."""
    for package in ("pos", "ui"):
        compileall.compile_dir(HERE.parent / package, quiet=1)
    marks, resident = [], []
    for i in range(warmups + runs):
        if not cached:
            resident.append(evicted(db_path))
            print(f"  cold start {i + 1}: {resident[-1]:.2%} of the file in the OS cache")
        started = time.time()
        done = subprocess.run(
            [sys.executable, str(HERE / "cold_start.py"), str(db_path), repr(started), barcode],
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode != 0:
            raise RuntimeError(f"cold start failed:\n{done.stderr}")
        if i >= warmups and (cached or resident[-1] <= MAX_RESIDENT):
            marks.append(json.loads(done.stdout.strip().splitlines()[-1]))
    if not marks:
        raise RuntimeError("the file stayed in the OS cache: no uncached start to count")
    return {
        "median_s": round(statistics.median(m["ready"] for m in marks), 3),
        "samples_s": [round(m["ready"], 3) for m in marks],
        "warm_up_runs": warmups,
        **({} if cached else {"resident_before_each": [round(r, 4) for r in resident]}),
        "median_phase_ends_s": {
            phase: round(statistics.median(m[phase] for m in marks), 3) for phase in marks[0]
        },
    }


MAX_RESIDENT = 0.01  # of the file's bytes in the OS cache, for an uncached start to count


def evicted(path: Path) -> float:
    """The database (and its WAL) dropped from the OS cache (posix_fadvise DONTNEED, after
    fsync: only clean pages can go); returns how much of the file was still resident then
    (mincore, read by util-linux's fincore)."""
    for part in (path, Path(f"{path}-wal")):
        if part.exists():
            fd = os.open(part, os.O_RDONLY)
            try:
                os.fsync(fd)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)
    out = subprocess.run(
        ["fincore", "--bytes", "--noheadings", "--output", "RES", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return int(out.strip() or 0) / path.stat().st_size


def size_breakdown(db_path: Path, lines: int) -> dict:
    """Bytes per sale line of the biggest tables and indexes (SQLite's dbstat), if built in."""
    conn = sqlite3.connect(db_path)  # read only; a read-write handle tidies the WAL files away
    try:
        rows = conn.execute(
            "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 8"
        ).fetchall()
    except sqlite3.Error:
        return {}
    finally:
        conn.close()
    return {name: round(size / lines, 1) for name, size in rows}


# Run by integrity_check in a fresh interpreter: prints one JSON line.
CHECK_IN_CHILD = """
import json, resource, sys, time
from pos.services import integrity
from pos.storage.database import open_database


def high_water_kb():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes there, KiB elsewhere


db = open_database(sys.argv[1])
before = high_water_kb()
began = time.perf_counter()
problems = integrity.full_check(db)
spent = time.perf_counter() - began
peak = high_water_kb()
db.close()
print(json.dumps({"s": spent, "peak_kb": peak, "before_kb": before,
                  "problems": [str(problem) for problem in problems]}))
"""


def integrity_check(db_path: Path) -> dict:
    """`ocop-pos check` (integrity.full_check) in a fresh process: its time, and its peak
    memory as the process's own high-water mark (VmHWM). Not ru_maxrss: a child's starts
    from its parent's peak, and this process may just have built the showroom."""
    done = subprocess.run(
        [sys.executable, "-c", CHECK_IN_CHILD, str(db_path)],
        cwd=HERE.parent,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the integrity check failed to run:\n{done.stderr}")
    found = json.loads(done.stdout.strip().splitlines()[-1])
    return {
        "check_s": round(found["s"], 1),
        "peak_memory_mb": round(found["peak_kb"] / 1024, 1),
        "memory_before_check_mb": round(found["before_kb"] / 1024, 1),
        "problems": found["problems"],
    }


def check_figures(info: dict) -> dict:
    """The check's figures as kept with the cache (measured when it was built or, for the
    smoke showroom, in this run)."""
    return {
        "check_s": info["integrity_check_s"],
        "peak_memory_mb": info["integrity_check_peak_memory_mb"],
        "memory_before_check_mb": info["integrity_check_memory_before_mb"],
        "problems": info["integrity_problems"],
    }


def record_check(info: dict, check: dict) -> None:
    info["integrity_check_s"] = check["check_s"]
    info["integrity_check_peak_memory_mb"] = check["peak_memory_mb"]
    info["integrity_check_memory_before_mb"] = check["memory_before_check_mb"]
    info["integrity_problems"] = len(check["problems"])


def measure(db_path: Path, smoke: bool, runs: int, cold_runs: int, cold_warmups: int) -> dict:
    lookups = runs * 4  # cheap: more samples make their p99 steadier
    limits, figures = {}, {}
    with tempfile.TemporaryDirectory(prefix="ocop-bench-") as tmp:
        tmp = Path(tmp)
        limits["bare_indexed_lookup"] = bare_indexed_lookup(tmp, lookups)
        limits["empty_pdf_page"] = empty_pdf_page(20 if smoke else 300)
        work = tmp / "showroom.sqlite3"
        shutil.copy(db_path, work)  # posting adds sales: never to the cached copy
        os.sync()  # the copy's pages written back now, not during the timed commits
        db = open_database(work)
        defer_checkpoints(db)  # as the app runs: checkpoints happen between customers
        lines = db.execute("SELECT count(*) FROM sale_lines").fetchone()[0]
        figures["db_bytes_per_sale_line"] = round(db_path.stat().st_size / lines, 1)
        rng = random.Random(1)
        candidates = sellable_codes(db)
        codes = [rng.choice(candidates) for _ in range(lookups + WARMUP)]
        from pos.services import integrity

        problems, mark = integrity.recent_check(db)  # the books as the last check left them
        integrity.mark_checked(db, mark)
        figures["barcode_lookup"] = timed(
            lambda i: catalog.find_product_by_code(db, codes[i]), lookups
        )
        figures["scan_with_stock_check"] = timed(lambda i: scan_asks(db, codes[i]), lookups)
        figures["search_by_prefix"] = searches_by_prefix(db, runs)
        figures["search"] = timed(
            lambda i: catalog.search_products(db, SEARCHES[i % len(SEARCHES)], limit=30), runs
        )
        figures["search_short"] = timed(
            lambda i: catalog.search_products(
                db, SHORT_SEARCHES[i % len(SHORT_SEARCHES)], limit=30
            ),
            runs,
        )
        start, end = last_complete_month(db)
        figures["settlement_month"] = settlement_figures(db, start, end, 1 if smoke else 3)
        figures["statement_pdfs"] = statement_pdfs(db, start, end, tmp / "statements")
        shifts.open_shift(db, "T01", "Bench", 0)
        # With and without e-invoices captured in each sale (issue 17), then the outbox
        # those sales and more filled while the provider was out of reach, drained.
        (
            figures["post_sale_3_lines"],
            figures["post_sale_3_lines_einvoiced"],
            limits["bare_full_commit"],
        ) = post_sales_beside_bare_commits(db, tmp, candidates, runs, rng)
        figures["einvoice_drain"] = einvoice_drain(db, candidates, 30 if smoke else 1000, rng)
        figures["post_sale_other_till"] = sales_on_another_till(db, candidates, runs, rng)
        figures["recent_check_after_a_day"] = recent_check_after_a_day(db, mark)
        figures["backup"] = backup_beside_scans(db, tmp, codes)
        figures["scan_to_row_painted"] = scan_in_window(db, codes, runs)
        db.close()  # the last connection: the WAL goes into the file
        barcode = codes[0]
        figures["cold_start"] = cold_start(work, cold_runs, cold_warmups, barcode, cached=True)
        figures["cold_start_uncached"] = cold_start(work, cold_runs, 0, barcode, cached=False)
    return {"limits": limits, "figures": figures, "sale_lines": lines}


# ---- ratios, targets, tables ----


def ratios(limits: dict, figures: dict) -> dict:
    pdfs, empty = figures["statement_pdfs"], limits["empty_pdf_page"]["mean_ms"]
    return {
        "post_sale_p99_over_bare_commit_p99": round(
            figures["post_sale_3_lines"]["p99_ms"] / limits["bare_full_commit"]["p99_ms"], 2
        ),
        "einvoice_capture_adds_to_post_sale_p50_ms": round(
            figures["post_sale_3_lines_einvoiced"]["p50_ms"]
            - figures["post_sale_3_lines"]["p50_ms"],
            3,
        ),
        "post_sale_p50_over_bare_commit_p50": round(
            figures["post_sale_3_lines"]["p50_ms"] / limits["bare_full_commit"]["p50_ms"], 2
        ),
        "lookup_p99_over_bare_lookup_p99": round(
            figures["barcode_lookup"]["p99_ms"] / limits["bare_indexed_lookup"]["p99_ms"], 2
        ),
        **{
            f"{key}_p99_over_bare_lookup_p99": round(
                figures[key]["p99_ms"] / limits["bare_indexed_lookup"]["p99_ms"], 1
            )
            for key in ("search", "search_short")
        },
        "pdf_ms_per_page_over_empty_page_ms": round(pdfs["ms_per_page"] / empty, 2),
        "pdf_writer_ms_per_page_over_empty_page_ms": round(
            pdfs["pdf_writer_ms_per_page"] / empty, 2
        ),
    }


def targets(limits: dict, figures: dict) -> list[dict]:
    bare = limits["bare_full_commit"]
    searches = figures["search_by_prefix"]
    rows = [
        (
            "sale posting p50 <= 6 x bare FULL commit p50",
            "ms",
            figures["post_sale_3_lines"]["p50_ms"],
            round(6 * bare["p50_ms"], 3),
        ),
        (
            "sale posting p99 <= 5 x bare FULL commit p99",
            "ms",
            figures["post_sale_3_lines"]["p99_ms"],
            round(5 * bare["p99_ms"], 3),
        ),
        (
            "a sale on any till p99 <= 3 ms",
            "ms",
            max(figures["post_sale_3_lines"]["p99_ms"], figures["post_sale_other_till"]["p99_ms"]),
            3,
        ),
        (
            "e-invoice capture adds <= 0.2 ms to sale posting p50",
            "ms",
            round(
                figures["post_sale_3_lines_einvoiced"]["p50_ms"]
                - figures["post_sale_3_lines"]["p50_ms"],
                3,
            ),
            0.2,
        ),
        (
            "a scan's database time (lookup, lots) p99 <= 0.2 ms",
            "ms",
            figures["scan_with_stock_check"]["p99_ms"],
            0.2,
        ),
        (
            "search p99 <= 10 ms, every prefix length, 30 and 500 listed",
            "ms",
            max(figure["p99_ms"] for figure in searches.values()),
            10,
        ),
        ("scan to row painted p99 <= 16 ms", "ms", figures["scan_to_row_painted"]["p99_ms"], 16),
        (
            "all producers' month settlement figures <= 0.5 s",
            "s",
            figures["settlement_month"]["period_overview_s"],
            0.5,
        ),
        (
            "statements (PDF + XLSX) <= 20 ms per page",
            "ms/page",
            figures["statement_pdfs"]["ms_per_page"],
            20,
        ),
        ("cold start, file cached <= 1.5 s", "s", figures["cold_start"]["median_s"], 1.5),
        (
            "cold start, file not cached <= 1.0 s",
            "s",
            figures["cold_start_uncached"]["median_s"],
            1.0,
        ),
        (
            "full check peak memory <= 300 MB",
            "MB",
            figures["integrity_check"]["peak_memory_mb"],
            300,
        ),
        (
            "incremental check after a day of sales <= 2 s",
            "s",
            figures["recent_check_after_a_day"]["seconds"],
            2,
        ),
        ("database <= 400 bytes per sale line", "B/line", figures["db_bytes_per_sale_line"], 400),
    ]
    return [
        {"target": name, "unit": unit, "figure": figure, "limit": limit, "met": figure <= limit}
        for name, unit, figure, limit in rows
    ]


def print_tables(results: dict) -> None:
    limits, figures, ratio = results["limits"], results["figures"], results["ratios"]
    machine = results["machine"]
    size = results["size"]
    print()
    print(
        f"OCOP POS bench, {results['showroom']} showroom: {size['producers']} producers, "
        f"{size['products']} products, {results['sale_lines']} sale lines over "
        f"{size['years']} year(s); {results['date']}"
    )
    print(
        f"machine: {machine['platform']}, {machine['cpu_model']}, {machine['cores']} cores, "
        f"Python {machine['python']}, SQLite {machine['sqlite']}; load average "
        f"{machine['load_average_start']} at start, {machine['load_average_end']} at end"
    )
    bar = "-" * 100
    print(bar)
    print(f"{'machine limit (this run)':<52}{'p50 ms':>10}{'p99 ms':>10}{'mean ms':>10}{'n':>8}")
    for label, key in (
        ("bare 1-row commit, WAL+FULL (beside each sale)", "bare_full_commit"),
        ("bare indexed lookup, 10,000 rows", "bare_indexed_lookup"),
    ):
        value = limits[key]
        print(f"{label:<52}{value['p50_ms']:>10}{value['p99_ms']:>10}{'':>10}{value['n']:>8}")
    empty = limits["empty_pdf_page"]
    print(
        f"{'empty reportlab page (canvas, showPage, save)':<52}{'':>20}"
        f"{empty['mean_ms']:>10}{empty['n']:>8}"
    )
    print(bar)
    print(f"{'figure':<52}{'p50 ms':>10}{'p99 ms':>10}{'n':>8}   ratio to its limit")
    for label, key, note in (
        (
            "barcode lookup (find_product_by_code)",
            "barcode_lookup",
            f"p99 / bare lookup p99 = {ratio['lookup_p99_over_bare_lookup_p99']}",
        ),
        (
            "search-as-you-type (search_products, 30)",
            "search",
            f"p99 / bare lookup p99 = {ratio['search_p99_over_bare_lookup_p99']}",
        ),
        (
            "search of 1-2 letters typed (search_products, 30)",
            "search_short",
            f"p99 / bare lookup p99 = {ratio['search_short_p99_over_bare_lookup_p99']}",
        ),
        ("a scan's database time (product_for_scan)", "scan_with_stock_check", ""),
        (
            "post a 3-line sale (post_sale)",
            "post_sale_3_lines",
            f"p50 / bare p50 = {ratio['post_sale_p50_over_bare_commit_p50']}, "
            f"p99 / bare p99 = {ratio['post_sale_p99_over_bare_commit_p99']}",
        ),
        ("post a 3-line sale on a second, quiet till (T02)", "post_sale_other_till", ""),
        (
            "post a 3-line sale with its e-invoice",
            "post_sale_3_lines_einvoiced",
            f"p50 adds {ratio['einvoice_capture_adds_to_post_sale_p50_ms']} ms",
        ),
        ("scan to row painted (till window)", "scan_to_row_painted", ""),
    ):
        value = figures[key]
        print(f"{label:<52}{value['p50_ms']:>10}{value['p99_ms']:>10}{value['n']:>8}   {note}")
    for key, value in figures["search_by_prefix"].items():
        label = f"search, {key.replace('_', ' ')}"
        print(f"{label:<52}{value['p50_ms']:>10}{value['p99_ms']:>10}{value['n']:>8}")
    backup, recent = figures["backup"], figures["recent_check_after_a_day"]
    scans = backup["scans_meanwhile"]
    print(
        f"daily backup with its checks: {backup['backup_s']} s; scans meanwhile p50 "
        f"{scans['p50_ms']} ms, p99 {scans['p99_ms']} ms ({scans['n']})"
    )
    print(
        f"incremental check after {recent['entries_since_mark']} entries: "
        f"{recent['seconds']} s, {recent['problems']} problems"
    )
    drain = figures["einvoice_drain"]
    print(
        f"e-invoices sent after {drain['backlog']} waited offline: {drain['issued']} issued in "
        f"{drain['seconds']} s ({drain['per_s']} a second, fake provider on loopback), "
        f"in order per symbol: {'yes' if drain['in_order'] else 'NO'}, "
        f"unsent after: {drain['unsent_after']}"
    )
    month, pdfs, cold = (
        figures["settlement_month"],
        figures["statement_pdfs"],
        figures["cold_start"],
    )
    print(bar)
    print(
        f"settlement figures, {month['producers_with_activity']} producers with activity in "
        f"{month['month']} ({month['stock_rows']} stock rows, {month['sales_rows']} sales rows),"
        f" median of {len(month['samples_period_overview_s'])}:"
    )
    print(
        f"  {'statements.period_overview (settlement screen)':<50}"
        f"{month['period_overview_s']:>10} s"
    )
    print(
        f"  {'settlement.statement_figures, one call a producer':<50}"
        f"{month['statement_figures_loop_s']:>10} s"
    )
    print(
        f"statement files, write_statements for {month['month']}: {pdfs['statements']} "
        f"statements, {pdfs['pages']} PDF pages ({pdfs['pages_counted_with']}):"
    )
    print(
        f"  {'total (figures, PDF, XLSX, CSV)':<50}{pdfs['total_s']:>10} s"
        f"{pdfs['ms_per_page']:>10} ms/page   / empty page = "
        f"{ratio['pdf_ms_per_page_over_empty_page_ms']}"
    )
    print(
        f"  {'of which the PDF writer':<50}{pdfs['pdf_writer_s']:>10} s"
        f"{pdfs['pdf_writer_ms_per_page']:>10} ms/page   / empty page = "
        f"{ratio['pdf_writer_ms_per_page_over_empty_page_ms']}"
    )
    print(f"  {'of which the XLSX writer':<50}{pdfs['xlsx_writer_s']:>10} s")
    phases = ", ".join(f"{k} {v}" for k, v in cold["median_phase_ends_s"].items())
    print(
        f"cold start to till ready, median of {len(cold['samples_s'])} after "
        f"{cold['warm_up_runs']} warm-up run(s): {cold['median_s']} s "
        f"(runs {cold['samples_s']})"
    )
    print(f"  phases end at (s since process start): {phases}")
    uncached = figures["cold_start_uncached"]
    print(
        f"cold start, file evicted from the OS cache before each run: {uncached['median_s']} s "
        f"(runs {uncached['samples_s']}, resident before each: "
        f"{uncached['resident_before_each']})"
    )
    print(
        f"database: {figures['db_bytes_per_sale_line']} bytes per sale line "
        f"({results['cache']['bytes'] / 1e6:.1f} MB)"
    )
    if results.get("size_per_sale_line"):
        biggest = ", ".join(f"{k} {v}" for k, v in results["size_per_sale_line"].items())
        print(f"  bytes per sale line by table/index: {biggest}")
    check = figures["integrity_check"]
    print(
        f"integrity (ocop-pos check) on the generated database: {check['problems']} problems, "
        f"in a fresh process:"
    )
    print(f"  {'check time (s)':<50}{check['check_s']:>10}")
    print(
        f"  {'check peak memory (MB)':<50}{check['peak_memory_mb']:>10}"
        f"   ({check['memory_before_check_mb']} MB before the check began)"
    )
    print(bar)
    print(f"{'target':<52}{'figure':>16}{'limit':>16}   result")
    for row in results["targets"]:
        figure, limit = f"{row['figure']} {row['unit']}", f"{row['limit']} {row['unit']}"
        print(f"{row['target']:<52}{figure:>16}{limit:>16}   {'met' if row['met'] else 'NOT met'}")
    print(bar)


# ---- the cache ----


def ensure_cache(cache: Path, size, rebuild: bool) -> tuple[Path, dict]:
    """The generated showroom, built and checked once (an old cache version is removed)."""
    cache.mkdir(exist_ok=True)
    db_path = cache / cache_name(size)
    info_path = db_path.with_suffix(".json")
    for old in cache.glob("showroom-*"):
        if not old.name.startswith(f"showroom-v{CACHE_VERSION}-"):
            print(f"removing an old cache version: {old.name}")
            old.unlink()
    if rebuild or not db_path.exists():
        building = db_path.with_name(f"{db_path.name}.building-{os.getpid()}")
        print(f"building {db_path} (once) ...", flush=True)
        began = time.perf_counter()
        build(building, size)
        built = time.perf_counter() - began
        print(f"built in {built:.0f} s; checking it as `ocop-pos check` does ...", flush=True)
        check = integrity_check(building)
        if check["problems"]:
            for problem in check["problems"][:20]:
                print(problem)
            raise SystemExit(
                f"the generated showroom has {len(check['problems'])} problems: not cached"
            )
        building.replace(db_path)
        info = {
            "path": str(db_path),
            "built_at": datetime.now().isoformat(timespec="seconds"),
            "build_s": round(built, 1),
        }
        record_check(info, check)
        info_path.write_text(json.dumps(info, indent=2), encoding="utf-8")
        print(
            f"checked in {check['check_s']:.0f} s, {check['peak_memory_mb']:.0f} MB at most: "
            f"no problems",
            flush=True,
        )
    info = json.loads(info_path.read_text()) if info_path.exists() else {"path": str(db_path)}
    info["bytes"] = db_path.stat().st_size
    return db_path, info


def machine_info() -> dict:
    model = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "platform": platform.platform(),
        "cpu_model": model,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "load_average_start": _load(),
    }


def _load() -> float | None:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--smoke", action="store_true", help="tiny showroom, seconds (CI)")
    parser.add_argument("--runs", type=int, default=500, help="timed runs per latency figure")
    parser.add_argument("--cold-runs", type=int, default=5, help="timed cold starts")
    parser.add_argument("--rebuild", action="store_true", help="build the showroom again")
    parser.add_argument(
        "--lines",
        type=int,
        default=int(os.environ.get("BENCH_LINES", FULL.sale_lines)),
        help="sale lines of the full showroom (BENCH_LINES; 3000000 is ~15 years)",
    )
    args = parser.parse_args()
    size = SMOKE if args.smoke else showroom_of(args.lines)
    runs = 30 if args.smoke else args.runs
    db_path, cache_info = ensure_cache(HERE / "cache", size, args.rebuild)
    machine = machine_info()
    # Checked by the code as it is now (the figure kept at build time may be older code's).
    record_check(cache_info, integrity_check(db_path))
    measured = measure(
        db_path,
        args.smoke,
        runs,
        cold_runs=1 if args.smoke else args.cold_runs,
        cold_warmups=0 if args.smoke else 1,
    )
    machine["load_average_end"] = _load()
    limits, figures = measured["limits"], measured["figures"]
    figures["integrity_check"] = check_figures(cache_info)
    results = {
        "date": datetime.now().isoformat(timespec="seconds"),
        "showroom": "smoke" if args.smoke else "full",
        "machine": machine,
        "size": size.__dict__,
        "sale_lines": measured["sale_lines"],
        "cache": cache_info,
        "limits": limits,
        "figures": figures,
        "ratios": ratios(limits, figures),
        "targets": targets(limits, figures),
        "size_per_sale_line": size_breakdown(db_path, measured["sale_lines"]),
    }
    print_tables(results)
    out = HERE / ("results-smoke.json" if args.smoke else f"results-{size.sale_lines}.json")
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"written {out}")
    if not args.smoke:
        compared = compare_sizes(HERE)
        (HERE / "results.json").write_text(
            json.dumps(compared, indent=2, ensure_ascii=False), encoding="utf-8"
        )
        print(f"written {HERE / 'results.json'} (every size measured so far, side by side)")


def showroom_of(lines: int):
    """The full showroom at ``lines`` sale lines, at the same daily trade (5 years a million)."""
    years = max(1, round(FULL.years * lines / FULL.sale_lines))
    return replace(FULL, sale_lines=lines, years=years)


# Costs that may grow with the file (the full check reads all of it; so does its size).
GROWS_WITH_THE_FILE = ("full check", "database <=")


def compare_sizes(folder: Path) -> dict:
    """Every full size's last run (results-N.json), each target's figure side by side and
    its growth from the smallest size to the largest: costs must stay flat (< 1.3x)."""
    runs = {}
    for path in folder.glob("results-*.json"):
        if path.stem.removeprefix("results-").isdigit():
            runs[int(path.stem.removeprefix("results-"))] = json.loads(path.read_text("utf-8"))
    sizes = sorted(runs)
    rows = []
    for row in runs[sizes[-1]]["targets"]:
        by_size = {}
        for lines in sizes:
            found = [t for t in runs[lines]["targets"] if t["target"] == row["target"]]
            if found:
                by_size[str(lines)] = {k: found[0][k] for k in ("figure", "limit", "met")}
        first, last = by_size.get(str(sizes[0])), by_size[str(sizes[-1])]
        growth = round(last["figure"] / first["figure"], 2) if first and first["figure"] else None
        flat = row["target"].startswith(GROWS_WITH_THE_FILE) or (
            growth is not None and growth < 1.3
        )
        rows.append(
            {
                "target": row["target"],
                "unit": row["unit"],
                "by_size": by_size,
                "growth": growth,
                "growth_met": flat or len(sizes) == 1,
            }
        )
    print()
    print(f"{'target':<60}" + "".join(f"{lines:>14,}" for lines in sizes) + f"{'growth':>9}")
    for row in rows:
        figures = "".join(
            f"{row['by_size'].get(str(lines), {}).get('figure', '-'):>14}" for lines in sizes
        )
        marks = "".join(
            "" if row["by_size"].get(str(lines), {}).get("met", True) else " (NOT met)"
            for lines in sizes
        )
        print(
            f"{row['target'][:59]:<60}{figures}{row['growth'] or '-':>9}"
            f"{'' if row['growth_met'] else ' (grows)'}{marks}"
        )
    return {
        "sizes": sizes,
        "dates": {str(lines): runs[lines]["date"] for lines in sizes},
        "targets": rows,
        "runs": {str(lines): runs[lines] for lines in sizes},
    }


if __name__ == "__main__":
    main()
