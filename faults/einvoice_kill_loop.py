"""Kill the till with SIGKILL while it sells and sends e-invoices to a provider that times
out, fails, answers late and forgets numbers, again and again; then let it catch up and
check that every sale has exactly one invoice at the provider: none lost, none duplicated.

    python -m faults.einvoice_kill_loop [ROUNDS]     # `make faults` runs 200 rounds

The fake Viettel runs in this process (it outlives every kill); a child process posts a sale
every few milliseconds on one thread and runs the sender on another, as the app does."""

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

from faults.kill_loop import sell_until_killed
from pos.einvoicing.fake_viettel import FAULTS, FakeState, FakeViettel
from pos.importing.demo import DEMO_EINVOICING, load_demo
from pos.paths import SAMPLE_FIXTURES
from pos.services import einvoice_outbox, users
from pos.services.settings import set_settings
from pos.storage.database import open_database

CLIENT_TIMEOUT_S = 0.4
LATE_S = 0.6  # the fake's late answers come after the client has given up
RESEND_WAIT_S = 1.5  # longer than the fake ever takes, as Viettel's 90 s is for Viettel
CATCH_UP_S = 900  # the final catch-up stops by itself (a 5-minute back-off fits inside)
# What a flaky network and a busy provider do (refused data and a spent quota need a person).
NETWORK_FAULTS = tuple(f for f in FAULTS if f not in ("reject", "quota"))


@dataclass(frozen=True)
class Outcome:
    rounds: int
    sales: int
    acknowledged: int
    invoices: int
    at_provider: int
    duplicated: list[str]  # keys the provider holds twice or more
    missing: list[str]  # keys the provider does not hold
    strangers: int  # invoices at the provider with a key the till never minted
    unsent: int
    faults_injected: int


def _provider(url: str, tax_code: str):
    from pos.einvoicing.viettel import Viettel

    provider = Viettel(url, tax_code, "demo", "demo", timeout_s=CLIENT_TIMEOUT_S)
    provider.resend_wait_s = RESEND_WAIT_S
    return provider


def child(db_path: str, url: str, sell: bool) -> None:
    """Sell (one thread) and send (another) until killed; "ACK <number>" per committed sale."""
    from pos.einvoicing.sender import Sender

    stop = threading.Event()

    def send() -> None:  # its own connection, made on its own thread
        provider = _provider(url, DEMO_EINVOICING["showroom_tax_code"])
        Sender(open_database(db_path), provider).run(stop, 0.02)

    threading.Thread(target=send, daemon=True).start()
    if not sell:
        stop.wait()
    sell_until_killed(db_path, pause_s=0.05)


def _spawn(db_path: Path, url: str, sell: bool) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "faults.einvoice_kill_loop", "--child", str(db_path), url]
        + ([] if sell else ["--send-only"]),
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )


def _round(db_path: Path, fake: FakeViettel, rng: random.Random) -> list[str]:
    with fake.state.lock:  # what the provider does to the next requests
        fake.state.faults[:] = [rng.choice(NETWORK_FAULTS + ("",) * 4) for _ in range(8)]
    process = _spawn(db_path, fake.url, sell=True)
    acknowledged: list[str] = []
    reader = threading.Thread(
        target=lambda: acknowledged.extend(
            line[4:].strip() for line in process.stdout if line.startswith("ACK ")
        )
    )
    reader.start()
    time.sleep(rng.uniform(0.8, 2.5))
    process.send_signal(signal.SIGKILL)
    process.wait()
    reader.join()
    return acknowledged


def _catch_up(db_path: Path, fake: FakeViettel) -> None:
    """A last start with a well-behaved provider: sends until nothing is unsent (bounded)."""
    with fake.state.lock:
        fake.state.faults.clear()
    process = _spawn(db_path, fake.url, sell=False)
    db = open_database(db_path)
    try:
        deadline = time.monotonic() + CATCH_UP_S
        while einvoice_outbox.status(db).unsent and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        db.close()
        process.send_signal(signal.SIGKILL)
        process.wait()


def run(rounds: int, seed: int = 7) -> Outcome:
    rng = random.Random(seed)
    folder = Path(tempfile.mkdtemp(prefix="ocop-einvoice-kill-"))
    state = FakeState(tax_code=DEMO_EINVOICING["showroom_tax_code"], late_s=LATE_S)
    try:
        db_path = folder / "pos.sqlite3"
        db = open_database(db_path)
        load_demo(db, SAMPLE_FIXTURES, date(2026, 11, 22))
        with FakeViettel(state) as fake:
            settings = {**DEMO_EINVOICING, "einvoice_provider": "viettel", "einvoice_url": fake.url}
            set_settings(db, settings, users.get_user(db, "admin"))
            acknowledged, injected = [], 0
            for _ in range(rounds):
                acknowledged += _round(db_path, fake, rng)
                injected += 8 - len(state.faults)
            _catch_up(db_path, fake)
        return _outcome(db, rounds, acknowledged, state, injected)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _outcome(db, rounds, acknowledged, state: FakeState, injected: int) -> Outcome:
    keys = [row[0] for row in db.execute("SELECT key FROM einvoices")]
    held: dict[str, int] = {}
    for invoice in state.invoices:
        held[invoice.key] = held.get(invoice.key, 0) + 1
    sales = db.execute("SELECT count(*) FROM sales WHERE source = 'till'").fetchone()[0]
    outcome = Outcome(
        rounds,
        sales,
        len(acknowledged),
        len(keys),
        len(state.invoices),
        [key for key, count in held.items() if count > 1],
        [key for key in keys if key not in held],
        len(set(held) - set(keys)),
        einvoice_outbox.status(db).unsent,
        injected,
    )
    db.close()
    return outcome


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        child(argv[1], argv[2], sell="--send-only" not in argv)
        return 0
    outcome = run(int(argv[0]) if argv else 20)
    print(
        f"{outcome.rounds} SIGKILLs while selling and sending, {outcome.faults_injected} "
        f"provider faults; {outcome.sales} sales ({outcome.acknowledged} acknowledged before a "
        f"kill), {outcome.invoices} invoices captured, {outcome.at_provider} at the provider: "
        f"duplicated {len(outcome.duplicated)}, missing {len(outcome.missing)}, "
        f"unknown {outcome.strangers}, still unsent {outcome.unsent}"
    )
    bad = outcome.duplicated or outcome.missing or outcome.strangers or outcome.unsent
    return 1 if bad or outcome.invoices != outcome.sales else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
