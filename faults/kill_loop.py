"""Kill the app's sale posting with SIGKILL, again and again, and check after each kill that
every sale acknowledged before it is in the database, that no sale is partial, and that the
full check (journal chain, documents, stock) passes.

    python -m faults.kill_loop [ROUNDS]          # `make faults` runs 100 rounds

A child process posts sales through the real service in a loop and prints "ACK <number>"
only after post_sale has returned (committed); the parent kills it at a random moment."""

import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pos.importing.demo import load_demo
from pos.paths import SAMPLE_FIXTURES
from pos.services import integrity
from pos.storage.database import open_database
from pos.storage.ledger import first_journal_break

CODES = ("8938505970103", "SUA-TUOI-1L", "BANH-PIA", "MUT-SEN", "KHAN-LUA", "RUOC-BO-200")


@dataclass
class RoundResult:
    acknowledged: int
    found: int
    missing: list[str]
    problems: list[str]


def child(db_path: str) -> None:
    """Post sales until killed; one line per committed sale."""
    sell_until_killed(db_path)


def sell_until_killed(db_path: str, pause_s: float = 0.0) -> None:
    """The till's sales, one after another (up to ``pause_s`` apart), through the real
    service: "ACK <number>" only once a sale is committed."""
    from pos.cart import Cart, price
    from pos.payments import cash_tender
    from pos.services import catalog, sales, shifts, users

    db = open_database(db_path)
    if shifts.current_shift(db, "T01") is None:
        shifts.open_shift(db, "T01", "Lan", 0)
    rng = random.Random(os.getpid())
    cashier = users.get_user(db, "thungan")
    while True:
        cart = Cart()
        for code in rng.sample(CODES, rng.randint(1, 3)):
            cart.add(sales.cart_line(catalog.find_product_by_code(db, code), rng.randint(1, 2)))
        total = price(cart).total_vnd
        token = f"{os.getpid()}-{time.monotonic_ns()}"
        posted = sales.post_sale(db, "T01", cart, [cash_tender(total, total)], token, actor=cashier)
        print(f"ACK {posted.number}", flush=True)
        time.sleep(rng.uniform(0.0, pause_s))


def verify(db_path: Path, acknowledged: list[str], full: bool) -> RoundResult:
    """Every round: acknowledged sales present, none partial, the journal chain whole;
    ``full``: the whole `ocop-pos check` as well (it reads everything, so not every round)."""
    db = open_database(db_path)
    try:
        numbers = {row[0] for row in db.execute("SELECT number FROM sales")}
        partial = db.execute(
            """
            SELECT s.number FROM sales s
            WHERE NOT EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id)
               OR s.total_vnd != (SELECT sum(amount_vnd) FROM payments p WHERE p.sale_id = s.id)
               OR NOT EXISTS (SELECT 1 FROM journal j
                              WHERE j.document_type = 'sale' AND j.document_id = s.id)
            """
        ).fetchall()
        if full:
            problems = [str(p) for p in integrity.full_check(db)]
        else:
            broken = first_journal_break(db)
            problems = [f"{broken.document_number}: {broken.reason}"] if broken else []
        problems += [f"{row[0]}: hóa đơn dở dang" for row in partial]
    finally:
        db.close()
    missing = [n for n in acknowledged if n not in numbers]
    return RoundResult(len(acknowledged), len(numbers), missing, problems)


def _acks(stream) -> list[str]:
    return [line[4:].strip() for line in stream if line.startswith("ACK ")]


def one_round(db_path: Path, rng: random.Random, full: bool) -> RoundResult:
    process = subprocess.Popen(
        [sys.executable, "-m", "faults.kill_loop", "--child", str(db_path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    acknowledged: list[str] = []
    # A reader thread collects acknowledgements as they come; the pipe ends with the child.
    reader = threading.Thread(target=lambda: acknowledged.extend(_acks(process.stdout)))
    reader.start()
    time.sleep(rng.uniform(0.8, 2.5))  # start-up, then some sales, then the kill
    process.send_signal(signal.SIGKILL)
    process.wait()
    reader.join()
    return verify(db_path, acknowledged, full)


def run(rounds: int, seed: int = 7) -> list[RoundResult]:
    rng = random.Random(seed)
    folder = Path(tempfile.mkdtemp(prefix="ocop-kill-"))
    try:
        db_path = folder / "pos.sqlite3"
        db = open_database(db_path)
        load_demo(db, SAMPLE_FIXTURES, date(2026, 11, 22))
        db.close()
        results = []
        for n in range(rounds):
            started = time.monotonic()
            results.append(one_round(db_path, rng, full=n % 10 == 9 or n == rounds - 1))
            done = results[-1]
            print(
                f"round {n + 1}: {done.acknowledged} acknowledged, {done.found} in the database, "
                f"lost {len(done.missing)}, problems {len(done.problems)} "
                f"({time.monotonic() - started:.1f} s)",
                flush=True,
            )
        return results
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        child(argv[1])
        return 0
    rounds = int(argv[0]) if argv else 20
    results = run(rounds)
    acknowledged = sum(r.acknowledged for r in results)
    lost = [n for r in results for n in r.missing]
    problems = [p for r in results for p in r.problems]
    print(
        f"{rounds} SIGKILLs, {acknowledged} sales acknowledged before a kill, "
        f"{results[-1].found if results else 0} sales in the database at the end, "
        f"lost {len(lost)}, problems {len(problems)}"
    )
    for line in (lost + problems)[:20]:
        print("  ", line)
    return 1 if lost or problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
