"""A large, plausible showroom for benchmarks: producers, products with GS1 barcodes, people,
and years of trade simulated day by day: goods receipts (one lot per delivered product),
producer returns of goods near expiry, sales taken from lots first-expiry-first-out, refunds
(restocked or written off) with their audit entries, one shift a day with cash put in or
taken out now and then and closed by its Z report; every month issued and closed, each
producer paid (some in part) and, now and then, an amount agreed with one.

Trade is written with bulk SQL (the services would take hours for a million lines), but
every row and journal payload has the shape the services write (sale_writing.write_sales,
refunds.post_refund, stock.write_goods_receipt, stock.return_to_producer,
shift_close.record_cash_movement and close_shift, audit.record), prices come from the real
pricing (pos.cart.price), and the journal is one valid hash chain. That the generator still
writes sales and refunds as the services do is checked, not trusted: build(services_check=True)
posts each of them again through the services, undone, and compares every row and payload
(tests/project/test_bench_generator.py, on the smoke showroom). The month's back office
(statements.issue_statements, record_payout, record_agreed_adjustment) goes through the
services themselves, dated by a patched clock, between two flushes of the trade. Rows written
in bulk are sealed as the app's connection seals them (its triggers, at each commit), and the
documents once at the end (ledger.seal_all_documents, as m013 seals an upgraded shop's), so
`ocop-pos check` (services.integrity.full_check) finds nothing wrong with the database."""

import bisect
import heapq
import json
import math
import random
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from pos import clock
from pos.barcodes import gs1_check_digit
from pos.cart import Cart, CartLine, Discount, price

# _as_dict is the Z report's own payload and stored text: the generator's is the same one.
from pos.documents.shift_report import ProducerLine, ShiftFigures, ShiftReport, banknotes
from pos.journal import ANCHOR_DIGITS, Anchor, chain_hash, entry_of, entry_text, stored_entry
from pos.money import round_half_up, share_bp
from pos.payments import METHODS, Tender, cash_suggestions
from pos.services import users
from pos.services.refunds import RefundItem, post_refund, refund_subject
from pos.services.sale_writing import TermsOnDay, draft_sale, write_sales
from pos.services.search import reindex_product
from pos.services.settings import set_settings
from pos.services.shift_close import _as_dict
from pos.services.shifts import Shift
from pos.services.statements import (
    issue_statements,
    month_bounds,
    record_agreed_adjustment,
    record_payout,
)
from pos.storage.database import open_database
from pos.storage.ledger import last_journal_hash, seal_all_documents
from pos.storage.schema import MOVEMENT_SERIES
from pos.text import strip_marks

CACHE_VERSION = 8  # bump whenever what build() writes changes: an old cache is not reused

# name, category, unit, shelf life in days (None: no expiry, lot named by the receipt), VAT
GOODS = (
    ("Trà", "Trà", "hộp", 540, 1000),
    ("Sâm", "Dược liệu", "hộp", 730, 1000),
    ("Mật ong", "Thực phẩm", "chai", 730, 500),
    ("Gạo", "Nông sản", "túi", 365, 500),
    ("Bánh", "Bánh kẹo", "hộp", 180, 1000),
    ("Mứt", "Bánh kẹo", "hộp", 270, 1000),
    ("Rượu", "Đồ uống", "chai", 1095, 1000),
    ("Nước mắm", "Gia vị", "chai", 730, 1000),
    ("Miến", "Nông sản", "gói", 365, 500),
    ("Tỏi đen", "Dược liệu", "hộp", 540, 1000),
    ("Cà phê", "Đồ uống", "gói", 365, 1000),
    ("Hạt điều", "Nông sản", "hộp", 270, 500),
    ("Nấm", "Nông sản", "gói", 365, 500),
    ("Chè", "Trà", "gói", 540, 1000),
    ("Măng", "Nông sản", "gói", 365, 500),
    ("Ruốc", "Thực phẩm", "hộp", 180, 1000),
    ("Bò khô", "Thực phẩm", "gói", 180, 1000),
    ("Khăn lụa", "Thủ công", "cái", None, 1000),
    ("Gốm", "Thủ công", "cái", None, 1000),
    ("Mây tre", "Thủ công", "cái", None, 1000),
    ("Đường thốt nốt", "Thực phẩm", "gói", 365, 500),
    ("Tiêu", "Gia vị", "hũ", 730, 500),
    ("Quế", "Gia vị", "gói", 730, 500),
    ("Hồi", "Gia vị", "gói", 730, 500),
)
WORDS = tuple(name for name, *_ in GOODS)
PLACES = (
    "Lai Châu",
    "Sơn La",
    "Hà Nội",
    "Cao Bằng",
    "Bắc Kạn",
    "Thái Nguyên",
    "An Giang",
    "Hà Giang",
    "Lào Cai",
    "Hòa Bình",
    "Nghệ An",
    "Đắk Lắk",
)
KINDS = ("company", "cooperative", "household")
KIND_PREFIX = {"company": "Công ty", "cooperative": "HTX", "household": "Hộ"}
BANK_BINS = ("970415", "970436", "970405", "970418", "970422")
PRICES = (9_000, 25_000, 45_000, 65_000, 120_000, 180_000, 350_000, 1_200_000)

TERMINAL = "T01"
CASHIER_NAME = "Nguyễn Thị Lan"  # the shift's cashier, as the open-shift form writes it
CASHIER, MANAGER = "thungan", "quanly"
MANAGER_SECRET = "quanly2026"
BENCH_USERS = (  # the demo's people: for a bench database only
    ("admin", "Quản trị viên", "admin", "quantri2026"),
    (MANAGER, "Trần Văn Minh", "manager", MANAGER_SECRET),
    (CASHIER, CASHIER_NAME, "cashier", "1234"),
)
SETTINGS = {
    "showroom_name": "Showroom OCOP (bench)",
    "showroom_address": "Số 1 phố Bench, Hoàn Kiếm, Hà Nội",
    "showroom_tax_code": "0101234567",
    "bank_bin": "970415",
    "bank_account": "113366668888",
    "bank_account_name": "SHOWROOM OCOP BENCH",
}

LINES_PER_SALE = (1, 2, 2, 3, 3, 3, 4, 4, 5)  # about 3 lines a sale
QTYS = (1, 1, 1, 1, 2, 2, 3)
PAYMENT_METHODS, PAYMENT_WEIGHTS = ("cash", "bank", "card"), (60, 30, 10)
FIVE_PERCENT = Discount("percent", 500)  # within a cashier's own limit (10 %)
REFUND_RATE = 0.008
REFUND_REASONS = (  # reason, written off (damaged goods) or back on the shelf
    ("changed_mind", False),
    ("changed_mind", False),
    ("wrong_item", False),
    ("defective", True),
)
RETURN_BEFORE_EXPIRY = 30  # days: lots this close to expiry go back at the next delivery
RETURN_REASON = "Trả hàng cận hạn sử dụng"

OPENING_FLOAT = 500_000
SHIFT_OPENS, SHIFT_CLOSES = time(7, 45), time(20, 45)
CASH_MOVEMENTS = (  # kind, reason, chance a day, amounts
    ("cash_out", "Trả tiền vận chuyển hàng", 0.06, (50_000, 80_000, 150_000, 300_000)),
    ("cash_in", "Đổi thêm tiền lẻ", 0.03, (200_000, 500_000)),
)
MISCOUNT_RATE = 0.04  # Z reports where the counted cash is off by more than the coins
MISCOUNTS = (-50_000, -20_000, -10_000, 10_000, 20_000)
STATEMENTS_AT = time(7, 0)  # the 1st, before the shift: last month issued and closed
PAYOUT_DAY, PAYOUTS_AT = 10, time(9, 0)  # producers are paid what the statement says
PARTIAL_PAYOUT_RATE = 0.15  # of payouts: part now, the rest carried to the next statement
CASH_PAYOUT_RATE = 0.3  # of households' payouts: handed over in cash
ADJUSTMENT_RATE = 0.25  # months with an amount agreed with one producer
ADJUSTMENTS = (  # why, amount (+ owed to the producer, - owed by them)
    ("Showroom hỗ trợ chi phí vận chuyển", 150_000),
    ("Bồi thường hàng vỡ khi trưng bày", 320_000),
    ("Phí gian hàng hội chợ OCOP", -200_000),
)


@dataclass(frozen=True)
class Size:
    producers: int
    products: int
    sale_lines: int
    years: int = 5


FULL = Size(500, 10_000, 1_000_000)
SMOKE = Size(20, 200, 3_000, 1)
END = date(2026, 11, 1)  # trade runs to 31/10/2026: October 2026 is the last complete month


def cache_name(size: Size) -> str:
    return f"showroom-v{CACHE_VERSION}-{size.products}-{size.sale_lines}.sqlite3"


def ean13(number: int) -> str:
    body = f"893{number:09d}"
    return body + str(gs1_check_digit(body))


@dataclass
class _Product:
    id: int
    sku: str
    name: str
    producer: int
    unit: str
    price: int
    vat_bp: int
    reducible: bool
    shelf_days: int | None
    weight: float


class _Lot:
    __slots__ = ("id", "code", "expiry", "on_hand", "alive", "product")

    def __init__(self, lot_id, code, expiry, on_hand, product):
        self.id, self.code, self.expiry, self.on_hand = lot_id, code, expiry, on_hand
        self.alive, self.product = False, product

    def key(self):  # the FEFO order: allocate_fefo's ORDER BY
        return (self.expiry is None, self.expiry or "", self.id)


def build(path: Path, size: Size, seed: int = 7, services_check: bool = False) -> int:
    """The showroom written to ``path``. With ``services_check`` every sale is also posted by
    the services and compared (slow: a test's small showroom); returns the sales so checked."""
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)
    db = open_database(path)
    db.execute("PRAGMA synchronous=OFF")  # this connection only: a generator, not a till
    db.execute("PRAGMA cache_size=-262144")
    start = date(END.year - size.years, END.month, 1)
    _people_and_settings(db, start)
    sim = _Simulation(db, random.Random(seed), size, start)
    sim.services_check = services_check
    sim.catalog()
    sim.run()
    with db.atomic():  # the trade's entries hold no seals: its documents are sealed as m013 does
        seal_all_documents(db)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return sim.checked


def _people_and_settings(db, start: date) -> None:
    """Through the services (audited, journalled), dated the showroom's first morning."""
    with clock.stopped_at(datetime.combine(start, time(7, 0))):
        (admin_name, admin_display, _, admin_secret), *others = BENCH_USERS
        admin = users.create_first_admin(db, admin_name, admin_display, admin_secret)
        for username, name, role, secret in others:
            users.create_user(db, admin, username, name, role, secret)
        set_settings(db, SETTINGS, admin)


class _Simulation:
    def __init__(self, db, rng: random.Random, size: Size, start: date):
        self.db, self.rng, self.size, self.start = db, rng, size, start
        self.days = (END - start).days
        self.manager = users.get_user(db, MANAGER)  # issues statements and pays producers
        self.issued = []  # last month's statements, paid on PAYOUT_DAY
        self.ids = {
            name: 0
            for name in (
                "sale",
                "line",
                "payment",
                "refund",
                "refund_line",
                "receipt",
                "receipt_line",
                "return",
                "return_line",
                "lot",
                "shift_report",
            )
        }
        self._resync()
        self.ids["movement"] = db.execute(
            "SELECT coalesce(max(id), 0) FROM stock_movements"
        ).fetchone()[0]
        self.numbers = {"sale": 0, "refund": 0, "receipt": 0, "return": 0, "z": 0}
        self.services_check, self.checked = False, 0  # check_generator() turns it on
        self.rows: dict[str, list] = {table: [] for table in _INSERTS}
        self.vat_reductions = db.execute(
            "SELECT standard_bp, reduced_bp, valid_from, valid_to FROM vat_reductions"
        ).fetchall()

    # ---- catalog ----

    def catalog(self) -> None:
        rng, size, start = self.rng, self.size, self.start
        producers = []
        for i in range(1, size.producers + 1):
            kind = rng.choice(KINDS)
            name = f"{KIND_PREFIX[kind]} {rng.choice(WORDS)} {rng.choice(PLACES)} {i}"
            producers.append(
                (
                    i,
                    f"NSX{i:04d}",
                    name,
                    kind,
                    rng.choice(PLACES),
                    f"09{rng.randrange(10**8):08d}",
                    f"{rng.randrange(10**10):010d}",
                    rng.choice(BANK_BINS),
                    f"{rng.randrange(10**12):012d}",
                    strip_marks(name).upper(),
                )
            )
        self.producer_codes = {row[0]: row[1] for row in producers}
        self.producer_names = {row[0]: row[2] for row in producers}
        self.provinces = {row[0]: row[4] for row in producers}
        self.producer_kinds = {row[1]: row[3] for row in producers}  # by code
        products, self.products, self.ratings = [], [], {}
        for i in range(1, size.products + 1):
            word, category, unit, shelf, vat = rng.choice(GOODS)
            name = f"{word} {rng.choice(WORDS).lower()} {rng.choice(PLACES)} {i}"
            product = _Product(
                i,
                f"SP{i:06d}",
                name,
                rng.randint(1, size.producers),
                unit,
                rng.choice(PRICES),
                vat,
                vat == 1000,
                shelf,
                rng.lognormvariate(0, 1),
            )
            self.products.append(product)
            products.append(
                row := (
                    i,
                    product.sku,
                    name,
                    product.producer,
                    category,
                    unit,
                    product.price,
                    rng.choice(("3", "4", "5")),
                    vat,
                    int(shelf is not None),
                    int(product.reducible),
                    f"OCOP-{rng.randrange(10**6):06d}",
                    (start + timedelta(days=365 * 3 + rng.randrange(730))).isoformat(),
                )
            )
            self.ratings[product.id] = row[7]
        # Commission: each producer's terms from the start, renegotiated by some, a few
        # products with their own terms (services.catalog.commission_in_force reads them).
        self.terms: dict[int, tuple[list[str], list[int]]] = {}
        self.product_terms: dict[int, tuple[list[str], list[int]]] = {}
        terms_rows = []
        for producer_id, *_ in producers:
            bp = rng.choice((1500, 1750, 2000, 2250, 2500, 3000))
            dated = [(start.isoformat(), bp)]
            if rng.random() < 0.3:
                day = start + timedelta(days=rng.randrange(60, self.days))
                dated.append((day.isoformat(), bp + rng.choice((-250, 250, 500))))
            self.terms[producer_id] = ([d for d, _ in dated], [b for _, b in dated])
            terms_rows += [(producer_id, None, d, b, d) for d, b in dated]
        for product in self.products:
            if rng.random() < 0.01:
                day = (start + timedelta(days=rng.randrange(self.days))).isoformat()
                bp = rng.choice((1000, 1500, 3500))
                self.product_terms[product.id] = ([day], [bp])
                terms_rows.append((product.producer, product.id, day, bp, day))
        with self.db.atomic():
            self.db.conn.executemany(
                "INSERT INTO producers (id, code, name, kind, province, phone, tax_code, bank_bin,"
                " bank_account, bank_account_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                producers,
            )
            self.db.conn.executemany(
                "INSERT INTO products (id, sku, name, producer_id, category, unit, price_vnd, "
                "ocop_rating, vat_bp, tracks_expiry, vat_reducible, ocop_certificate, "
                "ocop_certificate_expiry) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                products,
            )
            self.db.conn.executemany(
                "INSERT INTO commission_terms (producer_id, product_id, effective_from, "
                "commission_bp, recorded_at) VALUES (?, ?, ?, ?, ?)",
                terms_rows,
            )
            self.db.conn.executemany(
                "INSERT INTO barcodes (code, product_id, kind) VALUES (?, ?, 'gs1')",
                [(ean13(i), i) for i in range(1, size.products + 1)],
            )
            for product_id in range(1, size.products + 1):
                reindex_product(self.db, product_id)
            self.db.execute(
                "INSERT INTO terminals (code, name, created_at) VALUES (?, ?, ?)",
                [TERMINAL, f"Quầy {TERMINAL}", f"{start.isoformat()}T07:00:00"],
            )
        self._resync()  # the commit sealed the catalog's rows in an entry of its own
        self.by_producer: dict[int, list[_Product]] = {}
        for product in self.products:
            self.by_producer.setdefault(product.producer, []).append(product)
        self.alive: dict[int, list[_Lot]] = {p.id: [] for p in self.products}
        total_weight = sum(p.weight for p in self.products)
        self.cum_weights = list(_accumulate(p.weight for p in self.products))
        units_per_day = size.sale_lines / self.days * (sum(QTYS) / len(QTYS))
        self.rate = {p.id: units_per_day * p.weight / total_weight for p in self.products}
        self.picks: list[int] = []

    # ---- the days ----

    def run(self) -> None:
        rng = self.rng
        budgets = self._lines_per_day()
        next_delivery = {producer: 0 for producer in self.by_producer}
        self.cycle = {p: rng.choice((14, 30, 30, 45, 60, 90)) for p in self.by_producer}
        self.refunds_due: dict[int, list] = {}
        carry = 0
        month = self.start.month
        for index in range(self.days):
            day = self.start + timedelta(days=index)
            if day.month != month:  # every document of the month is written: it can close
                self._close_month(day - timedelta(days=1), day)
                month = day.month
            if day.day == PAYOUT_DAY:
                self._pay_producers(day)
            self._open_shift(index + 1, day)
            for producer in sorted(p for p, due in next_delivery.items() if due == index):
                self._deliver(producer, day)
                next_delivery[producer] = index + max(7, self.cycle[producer] + rng.randint(-3, 3))
            events = []  # (time, order, kind, data): what the till does, in the order it happens
            counts = self._sale_sizes(budgets[index], carry)
            opening = datetime.combine(day, time(8, 0))
            seconds = sorted(rng.randrange(12 * 3600) for _ in counts)
            for order, (second, lines) in enumerate(zip(seconds, counts, strict=True)):
                events.append((opening + timedelta(seconds=second), order, "sale", lines))
            for order, refund in enumerate(self.refunds_due.pop(index, ())):
                events.append((refund[0], len(counts) + order, "refund", refund))
            for movement in self._cash_movements(day):
                events.append((movement[0], len(events), "cash", movement))
            heapq.heapify(events)
            carry, order = 0, len(events)
            while events:
                when, _, kind, data = heapq.heappop(events)
                if kind == "refund":
                    self._refund(*data)
                    continue
                if kind == "cash":
                    self._cash_movement(*data)
                    continue
                missing, refund = self._sale(when, data + carry)
                carry = missing
                if refund:
                    days_later = rng.choice((0, 0, 0, 1, 1, 2, 3, 7))
                    refund_day = index + days_later
                    if days_later == 0:
                        at = when + timedelta(minutes=rng.randint(5, 90))
                        if at.date() == day:
                            order += 1
                            heapq.heappush(events, (at, order, "refund", (at, *refund)))
                    elif refund_day < self.days:
                        at = datetime.combine(
                            self.start + timedelta(days=refund_day), time(8, 0)
                        ) + timedelta(seconds=rng.randrange(12 * 3600))
                        self.refunds_due.setdefault(refund_day, []).append((at, *refund))
            self._close_shift(day)
        self._close_month(END - timedelta(days=1), END)
        self.db.conn.executemany(
            "INSERT INTO document_sequences (series, last_number) VALUES (?, ?) "
            "ON CONFLICT (series) DO UPDATE SET last_number = excluded.last_number",
            [(series, self.numbers[kind]) for series, kind in _SERIES.items()]
            + [(MOVEMENT_SERIES, self.ids["movement"])],
        )
        self.db.conn.commit()

    def _lines_per_day(self) -> list[int]:
        """Sale lines per day summing exactly to the size: weekends and Tết busier, and the
        showroom growing over the years."""
        weights = []
        for index in range(self.days):
            day = self.start + timedelta(days=index)
            weight = 1.4 if day.weekday() >= 5 else 1.0
            weight *= {1: 1.6, 2: 1.3, 9: 1.15}.get(day.month, 1.0)
            weights.append(weight * (1 + 0.4 * index / self.days))
        total, budgets, done, running = sum(weights), [], 0, 0.0
        for weight in weights:
            running += weight
            upto = round(self.size.sale_lines * running / total)
            budgets.append(upto - done)
            done = upto
        return budgets

    def _sale_sizes(self, lines: int, carry: int) -> list[int]:
        lines += carry
        if lines <= 0:
            return []
        count = max(1, round(lines / (sum(LINES_PER_SALE) / len(LINES_PER_SALE))))
        sizes = [self.rng.choice(LINES_PER_SALE) for _ in range(count)]
        while sum(sizes) > lines:
            i = self.rng.randrange(count)
            if sizes[i] > 1:
                sizes[i] -= 1
        while sum(sizes) < lines:
            sizes[self.rng.randrange(count)] += 1
        return sizes

    def _pick(self) -> _Product:
        if not self.picks:
            self.picks = self.rng.choices(
                range(len(self.products)), cum_weights=self.cum_weights, k=50_000
            )
        return self.products[self.picks.pop()]

    # ---- the month's back office, through the services ----

    @contextmanager
    def _as_of(self, when: datetime):
        """Services called at ``when`` on a database holding everything generated so far
        (they read it and chain onto its journal), in one transaction."""
        self._flush(when)
        with clock.stopped_at(when), self.db.atomic():
            yield
        self._resync()

    def _close_month(self, last_day: date, on: date) -> None:
        """statements.issue_statements with close, the morning after the month's last day."""
        start, end = month_bounds(f"{last_day:%Y-%m}")
        with self._as_of(datetime.combine(on, STATEMENTS_AT)):
            self.issued = issue_statements(self.db, self.manager, start, end, close=True)

    def _pay_producers(self, day: date) -> None:
        """What last month's statements say is owed, paid (some of it only, now and then),
        and sometimes an amount agreed with one producer."""
        rng = self.rng
        with self._as_of(datetime.combine(day, PAYOUTS_AT)):
            for statement in self.issued:
                amount = statement.balance_vnd
                if amount <= 0:
                    continue
                if rng.random() < PARTIAL_PAYOUT_RATE:
                    amount = max(1_000, int(amount * rng.uniform(0.5, 0.9)) // 1_000 * 1_000)
                cash = self.producer_kinds[statement.producer_code] == "household"
                cash = cash and rng.random() < CASH_PAYOUT_RATE
                record_payout(
                    self.db,
                    self.manager,
                    statement.producer_code,
                    amount,
                    day,
                    "cash" if cash else "bank",
                    "" if cash else f"UNC {statement.number}",
                )
            if rng.random() < ADJUSTMENT_RATE:
                reason, amount = rng.choice(ADJUSTMENTS)
                code = self.producer_codes[rng.randint(1, self.size.producers)]
                record_agreed_adjustment(self.db, self.manager, code, amount, day, reason)
        self.issued = []

    # ---- the shift ----

    def _open_shift(self, shift_id: int, day: date) -> None:
        """shifts.open_shift; the row is written when the Z closes it (the same row)."""
        self.shift_id = shift_id
        opened_at = datetime.combine(day, SHIFT_OPENS).isoformat(timespec="seconds")
        # What shift_close.shift_figures will read back, counted as the day goes.
        self.till = ShiftFigures(TERMINAL, CASHIER_NAME, opened_at, OPENING_FLOAT)
        self.till_producers: dict[int, list[int]] = {}  # producer: [sales, refunds]

    def _cash_movements(self, day: date) -> list[tuple]:
        """(at, kind, amount, reason) of the day's cash put in or taken out."""
        found = []
        for kind, reason, chance, amounts in CASH_MOVEMENTS:
            if self.rng.random() < chance:
                at = datetime.combine(day, time(9, 0)) + timedelta(
                    seconds=self.rng.randrange(10 * 3600)
                )
                found.append((at, kind, self.rng.choice(amounts), reason))
        return found

    def _cash_movement(self, at: datetime, kind: str, amount: int, reason: str) -> None:
        """shift_close.record_cash_movement: the row and its audit entry."""
        at_iso = at.isoformat(timespec="seconds")
        self.rows["cash_movements"].append((self.shift_id, kind, amount, reason, CASHIER, at_iso))
        if kind == "cash_in":
            self.till.cash_in_vnd += amount
        else:
            self.till.cash_out_vnd += amount
        self._audit(at_iso, kind, CASHIER, None, {"amount": amount, "reason": reason})

    def _close_shift(self, day: date) -> None:
        """shift_close.close_shift: the cashier's blind count, the Z report with the
        journal's head (kept as an anchor), the shift closed, the report's audit entry."""
        till = self.till
        till.by_producer = [
            ProducerLine(self.producer_codes[p], self.producer_names[p], sold, refunded)
            for p, (sold, refunded) in sorted(self.till_producers.items())
            if sold or refunded
        ]
        counted_cash = till.expected("cash") // 1_000 * 1_000  # no coins in the drawer
        if self.rng.random() < MISCOUNT_RATE:
            counted_cash = max(0, counted_cash + self.rng.choice(MISCOUNTS))
        cash_count = banknotes(counted_cash)
        counted = {"cash": counted_cash}
        counted |= {m: max(0, till.expected(m)) for m in METHODS if m != "cash"}
        at = datetime.combine(day, SHIFT_CLOSES).isoformat(timespec="seconds")
        number = f"{TERMINAL}-Z-{self._number('z'):06d}"
        head = Anchor(self.journal_seq, self.prev_hash[:ANCHOR_DIGITS])
        report = ShiftReport("Z", number, at, till, counted, cash_count, str(head))
        self.rows["anchors"].append((head.count, head.hash_prefix, number, at))
        report_id = self._next("shift_report")
        text = json.dumps(_as_dict(report), ensure_ascii=False, sort_keys=True)
        self.rows["shift_reports"].append((report_id, self.shift_id, "Z", number, at, text))
        self.rows["shifts"].append(
            (self.shift_id, TERMINAL, CASHIER_NAME, till.opened_at, OPENING_FLOAT, at, counted_cash)
        )
        self._journal("z_report", report_id, number, at, _as_dict(report))
        differences = {m: report.difference(m) for m in METHODS}
        self._audit(at, "z_report", CASHIER, None, {"z": number, "differences": differences})

    def _till_producer(self, producer: int) -> list[int]:
        return self.till_producers.setdefault(producer, [0, 0])

    # ---- goods receipts and producer returns ----

    def _deliver(self, producer: int, day: date) -> None:
        """Return lots near expiry, then receive what has run low, each product a new lot."""
        rng, products = self.rng, self.by_producer[producer]
        day_iso = day.isoformat()
        soon = (day + timedelta(days=RETURN_BEFORE_EXPIRY)).isoformat()
        code = self.producer_codes[producer]
        posted = f"{day_iso}T08:00:00"
        going_back = []
        for product in products:
            for lot in self.alive[product.id]:
                if lot.expiry is not None and lot.expiry <= soon and lot.on_hand > 0:
                    going_back.append((product, lot, lot.on_hand))
        if going_back:
            return_id = self._next("return")
            number = f"PXT-{self._number('return'):06d}"
            self.rows["producer_returns"].append(
                (return_id, number, producer, day_iso, RETURN_REASON, posted)
            )
            for product, lot, qty in going_back:
                self.rows["producer_return_lines"].append(
                    (self._next("return_line"), return_id, product.id, lot.id, qty)
                )
                self._move(
                    product.id,
                    lot.id,
                    -qty,
                    "producer_return",
                    "producer_return",
                    return_id,
                    day_iso,
                )
                self._take(lot, qty)
            self._journal(
                "producer_return",
                return_id,
                number,
                posted,
                {
                    "producer": code,
                    "returned_on": day_iso,
                    "reason": RETURN_REASON,
                    "lines": [{"lot": lot.code, "qty": qty} for _, lot, qty in going_back],
                },
            )
        cycle = self.cycle[producer]
        wanted = []
        for product in products:
            on_hand = sum(
                lot.on_hand
                for lot in self.alive[product.id]
                if lot.expiry is None or lot.expiry > soon
            )
            rate = self.rate[product.id]
            reorder_at = math.ceil(rate * (cycle + 10) * 1.2)
            target = max(2, math.ceil(rate * (cycle + 30) * 1.5))
            if (on_hand == 0 or on_hand < reorder_at) and target > on_hand:
                wanted.append((product, target - on_hand))
        if not wanted:
            return
        receipt_id = self._next("receipt")
        number = f"PNK-{self._number('receipt'):06d}"
        self.rows["goods_receipts"].append((receipt_id, number, producer, day_iso, posted))
        payload_lines = []
        for product, qty in wanted:
            if product.shelf_days is None:  # untracked: the receipt number names the lot
                lot_code, made, expiry = number, None, None
            else:
                made_on = day - timedelta(days=rng.randint(3, 45))
                lot_code = f"L{day:%y%m%d}"
                made, expiry = (
                    made_on.isoformat(),
                    (made_on + timedelta(days=product.shelf_days)).isoformat(),
                )
            lot = _Lot(self._next("lot"), lot_code, expiry, 0, product.id)
            self.rows["lots"].append((lot.id, product.id, lot_code, made, expiry, posted))
            self.rows["goods_receipt_lines"].append(
                (self._next("receipt_line"), receipt_id, product.id, lot.id, qty)
            )
            self._move(product.id, lot.id, qty, "intake", "goods_receipt", receipt_id, day_iso)
            self._put(lot, qty)
            payload_lines.append(
                {"sku": product.sku, "lot": lot_code, "qty": qty, "expiry": expiry}
            )
        self._journal(
            "goods_receipt",
            receipt_id,
            number,
            posted,
            {"producer": code, "received_on": day_iso, "lines": payload_lines},
        )

    def _put(self, lot: _Lot, qty: int) -> None:
        lot.on_hand += qty
        if not lot.alive and lot.on_hand > 0:
            lot.alive = True
            bisect.insort(self.alive[lot.product], lot, key=_Lot.key)

    def _take(self, lot: _Lot, qty: int) -> None:
        lot.on_hand -= qty
        if lot.on_hand <= 0 and lot.alive:
            lot.alive = False
            self.alive[lot.product].remove(lot)

    # ---- sales ----

    def _sale(self, when: datetime, wanted_lines: int):
        """One till sale as sale_writing.write_sales writes it. Returns the lines it could not fill
        (products out of sellable stock) and, sometimes, a refund to come."""
        rng, day_iso = self.rng, when.date().isoformat()
        chosen, seen, tries = [], set(), 0
        while len(chosen) < wanted_lines and tries < wanted_lines * 30:
            tries += 1
            product = self._pick()
            if product.id in seen:
                continue
            sellable = sum(
                lot.on_hand
                for lot in self.alive[product.id]
                if lot.expiry is None or lot.expiry >= day_iso
            )
            if sellable <= 0:
                continue
            seen.add(product.id)
            qty = min(rng.choice(QTYS), sellable)
            vat = self._vat(product, day_iso)
            discount = FIVE_PERCENT if rng.random() < 0.02 else Discount("amount", 0)
            chosen.append(
                (
                    product,
                    CartLine(
                        product.id,
                        product.sku,
                        product.name,
                        product.unit,
                        product.price,
                        vat,
                        qty,
                        discount,
                    ),
                )
            )
        if not chosen:
            return wanted_lines, None
        before = self._mark()
        cart = Cart([line for _, line in chosen])
        if rng.random() < 0.04:
            cart.discount = FIVE_PERCENT
        totals = price(cart)
        sale_id = self._next("sale")
        number = f"{TERMINAL}-{self._number('sale'):06d}"
        sold_at = when.isoformat(timespec="seconds")
        journal_lines, sale_lines = [], []
        for line_no, ((product, _), priced) in enumerate(zip(chosen, totals.lines, strict=True), 1):
            line = priced.line
            commission_bp = self._commission(product, day_iso)
            line_id = self._next("line")
            commission_vnd = share_bp(priced.net_vnd, commission_bp)
            self._till_producer(product.producer)[0] += priced.net_vnd
            self.rows["sale_lines"].append(
                (
                    line_id,
                    sale_id,
                    line_no,
                    product.id,
                    product.sku,
                    product.name,
                    product.unit,
                    product.producer,
                    line.qty,
                    line.unit_price_vnd,
                    priced.gross_vnd,
                    priced.line_discount_vnd,
                    priced.cart_discount_vnd,
                    priced.net_vnd,
                    line.vat_bp,
                    priced.vat_vnd,
                    commission_bp,
                    commission_vnd,
                    self.producer_names[product.producer],  # as sold (m016)
                    self.provinces[product.producer],
                    self.ratings[product.id],
                )
            )
            picks, remaining = [], line.qty
            for lot in list(self.alive[product.id]):
                if remaining == 0:
                    break
                if lot.expiry is not None and lot.expiry < day_iso:
                    continue
                taken = min(lot.on_hand, remaining)
                picks.append((lot, taken))
                remaining -= taken
            for lot, taken in picks:
                self.rows["sale_line_lots"].append((line_id, lot.id, taken))
                self._move(product.id, lot.id, -taken, "sale", "sale", sale_id, day_iso)
                self._take(lot, taken)
            journal_lines.append(
                {
                    "sku": product.sku,
                    "qty": line.qty,
                    "price": line.unit_price_vnd,
                    "net": priced.net_vnd,
                    "vat_bp": line.vat_bp,
                    "commission_bp": commission_bp,
                    "lots": [[lot.code, taken] for lot, taken in picks],
                }
            )
            sale_lines.append(
                (
                    line_id,
                    line_no,
                    product,
                    line.qty,
                    priced.net_vnd,
                    priced.vat_vnd,
                    commission_vnd,
                    picks,
                )
            )
        total = totals.total_vnd
        method = rng.choices(PAYMENT_METHODS, PAYMENT_WEIGHTS)[0]
        if method == "cash":
            tendered = rng.choice(cash_suggestions(total))
            payment = ("cash", total, tendered, tendered - total, "")
        elif method == "bank":
            payment = ("bank", total, None, 0, "VietQR")
        else:
            payment = ("card", total, None, 0, f"{rng.randrange(10**6):06d}")
        self.rows["sales"].append(
            (
                sale_id,
                number,
                TERMINAL,
                self.shift_id,
                CASHIER_NAME,
                sold_at,
                day_iso,
                totals.gross_vnd,
                totals.discount_vnd,
                total,
                sum(totals.vat_by_rate.values()),
                payment[3],
                "till",
                f"{rng.getrandbits(128):032x}",
            )
        )
        self.rows["payments"].append((self._next("payment"), sale_id, *payment))
        till = self.till
        till.sales_count += 1
        till.gross_vnd += totals.gross_vnd
        till.discount_vnd += totals.discount_vnd
        till.net_sales_vnd += total
        till.sales_by_method[method] = till.sales_by_method.get(method, 0) + total
        self._journal(
            "sale",
            sale_id,
            number,
            sold_at,
            {
                "terminal": TERMINAL,
                "sold_at": sold_at,
                "total": total,
                "lines": journal_lines,
                "payments": [[payment[0], payment[1], payment[4]]],
            },
        )
        if self.services_check:
            self._check_sale(before, cart, payment, when)
        refund = None
        if rng.random() < REFUND_RATE:
            refund = (sale_id, number, method, rng.choice(sale_lines))
        return wanted_lines - len(chosen), refund

    def _mark(self) -> tuple:
        """Where the generated rows and counters stand before a document (for the check)."""
        return {t: len(rows) for t, rows in self.rows.items()}, dict(self.numbers), dict(self.ids)

    def _check_against_services(self, before: tuple, when: datetime, post, ours) -> None:
        """The document just generated, posted again by ``post(db)`` (the services) on the
        database as the till would hold it then, and undone: ``post`` returns what it wrote,
        which must equal ``ours(generated rows)``, or the generator has drifted."""
        db, (lengths, numbers, ids) = self.db, before
        mine = {t: rows[lengths[t] :] for t, rows in self.rows.items()}
        try:
            with clock.stopped_at(when), db.atomic():
                db.execute(  # the day's shift is written when it closes; it is open here
                    "INSERT INTO shifts (id, terminal_code, cashier, opened_at, "
                    "opening_float_vnd) VALUES (?, ?, ?, ?, ?)",
                    [self.shift_id, TERMINAL, CASHIER_NAME, self.till.opened_at, OPENING_FLOAT],
                )
                for table, sql in _INSERTS.items():  # what came before it, as a flush would
                    if self.rows[table][: lengths[table]]:
                        db.conn.executemany(sql, self.rows[table][: lengths[table]])
                db.conn.executemany(
                    "INSERT INTO document_sequences (series, last_number) VALUES (?, ?) "
                    "ON CONFLICT (series) DO UPDATE SET last_number = excluded.last_number",
                    [(series, numbers[kind]) for series, kind in _SERIES.items()]
                    + [(MOVEMENT_SERIES, ids["movement"])],
                )
                raise _Undo(post(db))
        except _Undo as undo:
            theirs = undo.args[0]
        expected = ours(mine)
        if expected != theirs:
            differ = [table for table in expected if expected[table] != theirs[table]]
            raise AssertionError(
                f"the generator drifted from the services in {differ}: "
                f"{[(expected[t], theirs[t]) for t in differ]}"
            )
        self.checked += 1

    def _check_sale(self, before: tuple, cart: Cart, payment, when: datetime) -> None:
        """sale_writing.draft_sale and write_sales, on the same cart and payment."""
        method, amount, tendered, _change, reference = payment
        token = self.rows["sales"][-1][13]
        shift = Shift(self.shift_id, TERMINAL, CASHIER_NAME, self.till.opened_at, OPENING_FLOAT)

        def post(db):
            tender = Tender(method, amount, tendered, reference)
            draft = draft_sale(
                db, cart, [tender], token, when, TermsOnDay(), shift=shift, cashier=CASHIER_NAME
            )
            [posted] = write_sales(db, TERMINAL, [draft])
            return _rows_of_sale(db, posted.id)

        def ours(mine):
            return {
                "sales": mine["sales"],
                "sale_lines": mine["sale_lines"],
                "sale_line_lots": sorted(mine["sale_line_lots"]),  # the table's order: its key
                "payments": [row[1:] for row in mine["payments"]],  # their id: the table's next
                "stock_movements": mine["stock_movements"],
                "journal": [_entry_of_row(row) for row in mine["journal"]],
            }

        self._check_against_services(before, when, post, ours)

    def _check_refund(self, before: tuple, at: datetime, refund_row, sale_number, item) -> None:
        """refunds.post_refund of the same line and quantity, approved by the manager."""
        (refund_id, _, _, _, _, _, _, reason, method, total, _, _, token) = refund_row

        def post(db):
            cashier = users.get_user(db, CASHIER)
            subject = refund_subject(sale_number, total)
            approval = users.approve(db, MANAGER, MANAGER_SECRET, "refund", cashier, subject)
            posted = post_refund(
                db,
                TERMINAL,
                cashier,
                sale_number,
                [item],
                reason,
                method,
                token,
                approval=approval,
                refunded_at=at,
            )
            return _rows_of_refund(db, posted.id)

        def ours(mine):
            return {
                "refunds": mine["refunds"],
                "refund_lines": mine["refund_lines"],
                "refund_line_lots": sorted(mine["refund_line_lots"]),
                "stock_movements": mine["stock_movements"],
                "journal": [_entry_of_row(r) for r in mine["journal"] if r[0] == "refund"],
                "audit_log": [row[1:] for row in mine["audit_log"]],  # ids: approvals' come first
            }

        self._check_against_services(before, at, post, ours)

    def _vat(self, product: _Product, day_iso: str) -> int:
        """services.catalog.vat_rate_on: the reduced rate in force that day, if reducible."""
        if product.reducible:
            for standard, reduced, valid_from, valid_to in self.vat_reductions:
                if standard == product.vat_bp and valid_from <= day_iso <= valid_to:
                    return reduced
        return product.vat_bp

    def _commission(self, product: _Product, day_iso: str) -> int:
        """services.catalog.commission_in_force: product terms, else producer's, else first."""
        for terms in (self.product_terms.get(product.id), self.terms[product.producer]):
            if terms is None:
                continue
            days, rates = terms
            at = bisect.bisect_right(days, day_iso)
            if at:
                return rates[at - 1]
        return self.terms[product.producer][1][0]

    # ---- refunds ----

    def _refund(self, at: datetime, sale_id, sale_number, sale_method, sale_line) -> None:
        """refunds.post_refund: one line, all or part of it, back to its lots (latest-expiry
        first) or written off; approved by the manager; audited."""
        rng = self.rng
        line_id, line_no, product, sold, net, vat, commission, picks = sale_line
        qty = sold if sold == 1 or rng.random() < 0.6 else rng.randint(1, sold - 1)
        reason, write_off = rng.choice(REFUND_REASONS)
        method = "cash" if sale_method == "cash" or rng.random() < 0.5 else sale_method
        amounts = [
            total if qty == sold else round_half_up(total * qty, sold)
            for total in (net, vat, commission)
        ]
        if amounts[0] <= 0:  # a free line (100 % discount) cannot be refunded for money
            return
        before = self._mark()
        refund_id = self._next("refund")
        number = f"{TERMINAL}-TH-{self._number('refund'):06d}"
        refunded_at = at.isoformat(timespec="seconds")
        day_iso = at.date().isoformat()
        self.rows["refunds"].append(
            (
                refund_id,
                number,
                sale_id,
                TERMINAL,
                self.shift_id,
                refunded_at,
                day_iso,
                reason,
                method,
                amounts[0],
                CASHIER_NAME,
                MANAGER,
                f"{rng.getrandbits(128):032x}",
            )
        )
        refund_line_id = self._next("refund_line")
        self.rows["refund_lines"].append(
            (
                refund_line_id,
                refund_id,
                line_id,
                qty,
                *amounts,
                "write_off" if write_off else "restock",
            )
        )
        remaining = qty
        # _back_to_lots: ORDER BY expiry_date IS NULL DESC, expiry_date DESC
        latest_first = sorted(
            picks, key=lambda pick: (pick[0].expiry is None, pick[0].expiry or ""), reverse=True
        )
        for lot, taken in latest_first:
            back = min(remaining, taken)
            if back <= 0:
                continue
            self.rows["refund_line_lots"].append((refund_line_id, lot.id, back))
            self._move(product.id, lot.id, back, "refund", "refund", refund_id, day_iso)
            if write_off:
                self._move(product.id, lot.id, -back, "write_off", "refund", refund_id, day_iso)
            else:
                self._put(lot, back)
            remaining -= back
            if remaining == 0:
                break
        self._journal(
            "refund",
            refund_id,
            number,
            refunded_at,
            {
                "sale": sale_number,
                "refunded_at": refunded_at,
                "method": method,
                "reason": reason,
                "total": amounts[0],
                "lines": [
                    {
                        "line": line_no,
                        "sku": product.sku,
                        "qty": qty,
                        "net": amounts[0],
                        "write_off": write_off,
                    }
                ],
                "approved_by": MANAGER,
            },
        )
        till = self.till
        till.refunds_count += 1
        till.refunds_vnd += amounts[0]
        till.refunds_by_method[method] = till.refunds_by_method.get(method, 0) + amounts[0]
        self._till_producer(product.producer)[1] += amounts[0]
        details = {"refund": number, "sale": sale_number, "total": amounts[0]}
        self._audit(refunded_at, "refund", CASHIER, MANAGER, details)
        if self.services_check:
            item = RefundItem(line_id, qty, write_off)
            self._check_refund(before, at, self.rows["refunds"][-1], sale_number, item)

    # ---- rows ----

    def _next(self, name: str) -> int:
        self.ids[name] += 1
        return self.ids[name]

    def _number(self, series: str) -> int:
        self.numbers[series] += 1
        return self.numbers[series]

    def _move(self, product_id, lot_id, qty, kind, document_type, document_id, day_iso) -> None:
        self.rows["stock_movements"].append(
            (
                self._next("movement"),
                product_id,
                lot_id,
                qty,
                kind,
                document_type,
                document_id,
                day_iso,
            )
        )

    def _audit(self, at: str, action: str, actor: str, approver, details: dict) -> None:
        """audit.record: the entry and its journal entry (on the till's terminal)."""
        audit_id = self._next("audit")
        self.rows["audit_log"].append(
            (audit_id, at, action, actor, approver, TERMINAL, _audit_text(details))
        )
        self._journal(
            "audit",
            audit_id,
            f"NK-{audit_id:06d}",
            at,
            {"at": at, "action": action, "actor": actor, "approver": approver, "details": details},
        )

    def _journal(self, document_type, document_id, number, posted_at, payload) -> None:
        """storage.ledger.append_to_journal, dated when the document was posted."""
        text = entry_text(document_type, payload)
        entry = chain_hash(self.prev_hash, document_type, number, text)
        self.rows["journal"].append(
            (
                document_type,
                document_id,
                number,
                posted_at,
                stored_entry(text),
                bytes.fromhex(entry),
            )
        )
        self.prev_hash = entry
        self.journal_seq += 1

    def _flush(self, when: datetime) -> None:
        """Write what is generated so far, committed at ``when`` (the entry sealing the rows
        written is dated then)."""
        with clock.stopped_at(when), self.db.atomic():
            for table, sql in _INSERTS.items():  # parents before children
                if self.rows[table]:
                    self.db.conn.executemany(sql, self.rows[table])
                    self.rows[table] = []
        self._resync()

    def _resync(self) -> None:
        """Chain on from the database's journal, not from this generator's last entry: a
        commit seals the rows it wrote in an entry of its own (type rows, after those
        flushed), and services write entries (and audit entries) of their own."""
        self.prev_hash = last_journal_hash(self.db)
        self.journal_seq = self.db.execute("SELECT coalesce(max(seq), 0) FROM journal").fetchone()[
            0
        ]
        self.ids["audit"] = self.db.execute(
            "SELECT coalesce(max(id), 0) FROM audit_log"
        ).fetchone()[0]


# document series -> the generator's counter of them (numbers), as run() writes them at the end
_SERIES = {
    TERMINAL: "sale",
    f"{TERMINAL}-TH": "refund",
    "PNK": "receipt",
    "PXT": "return",
    f"{TERMINAL}-Z": "z",
}


class _Undo(Exception):
    """Leaves a transaction, rolled back, with what was read inside it."""


def _rows_of_sale(db, sale_id: int) -> dict[str, list]:
    """What write_sales wrote for one sale, in the generator's columns."""
    lines = [
        tuple(row)
        for row in db.execute(
            "SELECT id, sale_id, line_no, product_id, sku, product_name, unit, producer_id, qty, "
            "unit_price_vnd, gross_vnd, line_discount_vnd, cart_discount_vnd, net_vnd, vat_bp, "
            "vat_vnd, commission_bp, commission_vnd, producer_name, producer_province, "
            "ocop_rating FROM sale_lines WHERE sale_id = ? ORDER BY id",
            [sale_id],
        )
    ]
    marks = ",".join("?" * len(lines))
    return {
        "sales": [
            tuple(row)
            for row in db.execute(
                "SELECT id, number, terminal_code, shift_id, cashier, sold_at, business_date, "
                "gross_vnd, discount_vnd, total_vnd, vat_vnd, change_vnd, source, client_token "
                "FROM sales WHERE id = ?",
                [sale_id],
            )
        ],
        "sale_lines": lines,
        "sale_line_lots": [
            tuple(row)
            for row in db.execute(
                f"SELECT sale_line_id, lot_id, qty FROM sale_line_lots "
                f"WHERE sale_line_id IN ({marks}) ORDER BY sale_line_id, lot_id",
                [line[0] for line in lines],
            )
        ],
        "payments": [
            tuple(row)
            for row in db.execute(
                "SELECT sale_id, method, amount_vnd, tendered_vnd, change_vnd, reference "
                "FROM payments WHERE sale_id = ? ORDER BY id",
                [sale_id],
            )
        ],
        "stock_movements": [
            tuple(row)
            for row in db.execute(
                "SELECT id, product_id, lot_id, qty, kind, document_type, document_id, moved_on "
                "FROM stock_movements WHERE document_type = 'sale' AND document_id = ? "
                "ORDER BY id",
                [sale_id],
            )
        ],
        "journal": [
            _entry_of_row(row)
            for row in db.execute(
                "SELECT document_type, document_id, document_number, posted_at, payload "
                "FROM journal WHERE document_type = 'sale' AND document_id = ?",
                [sale_id],
            )
        ],
    }


def _rows_of_refund(db, refund_id: int) -> dict[str, list]:
    """What post_refund wrote for one refund, in the generator's columns."""

    def rows(sql: str, params=(refund_id,)) -> list[tuple]:
        return [tuple(row) for row in db.execute(sql, list(params))]

    lines = rows(
        "SELECT id, refund_id, sale_line_id, qty, net_vnd, vat_vnd, commission_vnd, disposition "
        "FROM refund_lines WHERE refund_id = ? ORDER BY id"
    )
    number = rows("SELECT number FROM refunds WHERE id = ?")[0][0]
    return {
        "refunds": rows(
            "SELECT id, number, sale_id, terminal_code, shift_id, refunded_at, business_date, "
            "reason_code, method, total_vnd, cashier, approved_by, client_token FROM refunds "
            "WHERE id = ?"
        ),
        "refund_lines": lines,
        "refund_line_lots": sorted(
            rows(
                "SELECT refund_line_id, lot_id, qty FROM refund_line_lots WHERE refund_line_id "
                f"IN ({','.join('?' * len(lines))})",
                [line[0] for line in lines],
            )
        ),
        "stock_movements": rows(
            "SELECT id, product_id, lot_id, qty, kind, document_type, document_id, moved_on "
            "FROM stock_movements WHERE document_type = 'refund' AND document_id = ? ORDER BY id"
        ),
        "journal": [
            _entry_of_row(row)
            for row in rows(
                "SELECT document_type, document_id, document_number, posted_at, payload "
                "FROM journal WHERE document_type = 'refund' AND document_id = ?"
            )
        ],
        "audit_log": rows(
            "SELECT at, action, actor, approver, terminal_code, details FROM audit_log "
            "WHERE action = 'refund' AND details LIKE ? ORDER BY id",
            [f"%{number}%"],
        ),
    }


def _entry_of_row(row) -> tuple:
    """A journal row's document and payload, without what seals rows (the services seal a
    document in its entry; the generator's rows are sealed in entries of their own)."""
    document_type, document_id, number, posted_at, stored = row[:5]
    payload = json.loads(entry_of(stored))
    for sealing in ("seal", "sealed"):
        payload.pop(sealing, None)
    return (document_type, document_id, number, posted_at, payload)


def _audit_text(details: dict) -> str:
    """audit.record's text of the details."""
    return json.dumps(details, ensure_ascii=False, sort_keys=True)


def _accumulate(values):
    total = 0.0
    for value in values:
        total += value
        yield total


_INSERTS = {
    "shifts": "INSERT INTO shifts (id, terminal_code, cashier, opened_at, opening_float_vnd, "
    "closed_at, counted_cash_vnd) VALUES (?, ?, ?, ?, ?, ?, ?)",
    "cash_movements": "INSERT INTO cash_movements (shift_id, kind, amount_vnd, reason, actor, "
    "at) VALUES (?, ?, ?, ?, ?, ?)",
    "shift_reports": "INSERT INTO shift_reports (id, shift_id, kind, number, created_at, "
    "report) VALUES (?, ?, ?, ?, ?, ?)",
    "anchors": "INSERT INTO anchors (entries, hash_prefix, printed_on, at) VALUES (?, ?, ?, ?)",
    "lots": "INSERT INTO lots (id, product_id, lot_code, production_date, expiry_date, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?)",
    "goods_receipts": "INSERT INTO goods_receipts (id, number, producer_id, received_on, "
    "posted_at) VALUES (?, ?, ?, ?, ?)",
    "goods_receipt_lines": "INSERT INTO goods_receipt_lines (id, goods_receipt_id, product_id, "
    "lot_id, qty) VALUES (?, ?, ?, ?, ?)",
    "producer_returns": "INSERT INTO producer_returns (id, number, producer_id, returned_on, "
    "reason, posted_at) VALUES (?, ?, ?, ?, ?, ?)",
    "producer_return_lines": "INSERT INTO producer_return_lines (id, producer_return_id, "
    "product_id, lot_id, qty) VALUES (?, ?, ?, ?, ?)",
    "sales": "INSERT INTO sales (id, number, terminal_code, shift_id, cashier, sold_at, "
    "business_date, gross_vnd, discount_vnd, total_vnd, vat_vnd, change_vnd, source, "
    "client_token) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "sale_lines": "INSERT INTO sale_lines (id, sale_id, line_no, product_id, sku, product_name, "
    "unit, producer_id, qty, unit_price_vnd, gross_vnd, line_discount_vnd, cart_discount_vnd, "
    "net_vnd, vat_bp, vat_vnd, commission_bp, commission_vnd, producer_name, producer_province, "
    "ocop_rating) VALUES (" + ", ".join("?" * 21) + ")",
    "sale_line_lots": "INSERT INTO sale_line_lots (sale_line_id, lot_id, qty) VALUES (?, ?, ?)",
    "payments": "INSERT INTO payments (id, sale_id, method, amount_vnd, tendered_vnd, "
    "change_vnd, reference) VALUES (?, ?, ?, ?, ?, ?, ?)",
    "refunds": "INSERT INTO refunds (id, number, sale_id, terminal_code, shift_id, refunded_at,"
    " business_date, reason_code, method, total_vnd, cashier, approved_by, client_token) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "refund_lines": "INSERT INTO refund_lines (id, refund_id, sale_line_id, qty, net_vnd, "
    "vat_vnd, commission_vnd, disposition) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    "refund_line_lots": "INSERT INTO refund_line_lots (refund_line_id, lot_id, qty) "
    "VALUES (?, ?, ?)",
    "audit_log": "INSERT INTO audit_log (id, at, action, actor, approver, terminal_code, "
    "details) VALUES (?, ?, ?, ?, ?, ?, ?)",
    "stock_movements": "INSERT INTO stock_movements (id, product_id, lot_id, qty, kind, "
    "document_type, document_id, moved_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    "journal": "INSERT INTO journal (document_type, document_id, document_number, posted_at, "
    "payload, hash) VALUES (?, ?, ?, ?, ?, ?)",
}
