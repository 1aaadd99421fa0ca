"""The demo showroom's past: its last three months, posted day by day through the services
as they would have been (the clock held at each moment), so every screen shows real figures
at first start. Seeded, so the same day gives the same showroom."""

import random
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlite_utils import Database

from pos import clock
from pos.cart import Cart, price
from pos.documents.shift_report import banknotes
from pos.importing.catalog_files import intake_lines
from pos.importing.sales_file import SALES_COLUMNS, import_sales
from pos.payments import Tender
from pos.permissions import User
from pos.services import catalog, sales, shift_close, shifts, statements, stock, users
from pos.services.refunds import (
    RefundItem,
    post_refund,
    refund_subject,
    refund_total,
    sale_for_refund,
)
from pos.services.settings import get_setting
from pos.services.statements import month_bounds

HISTORY_DAYS = 91
OPENING_FLOAT_VND = 1_000_000
RESTOCK_BELOW = 3  # a producer delivers again once a product is down to this
RESTOCK_QTY = 20
SHELF_LIFE_DAYS = 270  # goods whose sample lot has no dates
EXPIRED_REASON = "Hàng hết hạn, trả lại chủ thể"


@dataclass(frozen=True)
class DemoPerson:
    username: str
    secret: str  # printed in the README, demo only


@dataclass
class DemoHistory:
    first_day: date
    sales: int = 0
    refunds: int = 0
    z_reports: int = 0
    goods_receipts: list[str] = field(default_factory=list)
    producer_returns: int = 0
    statements: int = 0


def post_history(
    db: Database,
    fixtures: Path,
    today: date,
    cashiers: tuple[DemoPerson, ...],
    manager: DemoPerson,
    seed: int = 2026,
) -> DemoHistory:
    """From ``today`` - HISTORY_DAYS to ``today``: the sample intake, daily shifts by the
    cashiers taking turns, refunds, re-deliveries, a producer return, a trade-fair import,
    every finished month issued and closed (the older one paid, the last one partly), and a
    shift open today. The catalog must be in place from the first day."""
    past = _Past(db, random.Random(seed), today, cashiers, manager)
    past.run(fixtures)
    return past.history


class _Past:
    def __init__(self, db, rng, today, cashiers, manager):
        self.db, self.rng, self.today = db, rng, today
        self.history = DemoHistory(today - timedelta(days=HISTORY_DAYS))
        self.cashiers = [users.get_user(db, person.username) for person in cashiers]
        self.manager_login = manager
        self.manager = users.get_user(db, manager.username)
        self.terminal = get_setting(db, "terminal_code")
        self.products = catalog.list_products(db)
        # cheap goods sell more often than dear ones
        self.weights = [1 / max(product.price_vnd, 1) ** 0.5 for product in self.products]
        self.delivered: dict[str, stock.IntakeLine] = {}  # sku: its first delivery

    def run(self, fixtures: Path) -> None:
        first = self.history.first_day
        with clock.stopped_at(datetime.combine(first, time(7, 30))):
            self._first_delivery(fixtures, first)
        day = first
        while day < self.today:
            if day.day == 1 and day > first:  # a first month begun mid-month too
                self._close_month(day)
            if day == first + timedelta(days=40):
                self._trade_fair(day - timedelta(days=2))
            if day == first + timedelta(days=55):
                self._return_to_producer(day)
            if day.weekday() == 0:
                self._return_expired(day)
            self._restock(day)
            self._shift(day)
            day += timedelta(days=1)
        if self.today.day == 1:
            self._close_month(self.today)
        now = min(clock.now(), datetime.combine(self.today, time(8, 0)))
        with clock.stopped_at(now):
            person = self._cashier(self.today)
            shifts.open_shift(
                self.db, self.terminal, person.display_name, OPENING_FLOAT_VND, person.uuid
            )

    # ---- goods ----

    def _first_delivery(self, fixtures: Path, day: date) -> None:
        """The sample intake, re-dated: made a week before the first day, same shelf life."""
        for producer_code, lines in intake_lines(fixtures / _intake_name(fixtures)).items():
            dated = [_redated(line, day, index) for index, line in enumerate(lines)]
            self._receive(producer_code, dated, day)
            for line in lines:
                self.delivered.setdefault(line.sku, line)

    def _restock(self, day: date) -> None:
        """Producers bring more of what is running out, before the shift opens."""
        low: dict[str, list[stock.IntakeLine]] = {}
        for product in self.products:
            sample = self.delivered.get(product.sku)
            if sample is None or self._on_hand(product.id, day) > RESTOCK_BELOW:
                continue
            line = stock.IntakeLine(sample.sku, RESTOCK_QTY, "", None, None)
            low.setdefault(product.producer_code, []).append(
                _redated(line, day, len(low.get(product.producer_code, ())), sample)
            )
        with clock.stopped_at(datetime.combine(day, time(7, 30))):
            for producer_code, lines in low.items():
                self._receive(producer_code, lines, day)

    def _receive(self, producer_code: str, lines: list[stock.IntakeLine], day: date) -> None:
        posted = stock.receive_goods(
            self.db, producer_code, lines, day, "Giao hàng ký gửi", actor=self.manager
        )
        self.history.goods_receipts.append(posted.number)

    def _return_to_producer(self, day: date) -> None:
        """Two units of the lot nearest its expiry go back to their producer."""
        candidates = [
            (lot.expiry_date, lot.lot_id, product.producer_code)
            for product in self.products
            for lot in stock.lots_on_hand(self.db, product.id)
            if lot.expiry_date and lot.on_hand > 4
        ]
        if not candidates:
            return
        _expiry, lot_id, producer_code = min(candidates)
        with clock.stopped_at(datetime.combine(day, time(7, 45))):
            stock.return_to_producer(
                self.db,
                producer_code,
                [stock.LotQty(lot_id, 2)],
                "Hàng gần hết hạn, trả lại chủ thể",
                day,
                actor=self.manager,
            )
        self.history.producer_returns += 1

    def _return_expired(self, day: date) -> None:
        """On Mondays the manager hands what has expired back to its producers, as a shop
        does: otherwise the expiry screen fills with months-old milk nobody took away."""
        expired: dict[str, list[stock.LotQty]] = {}
        for product in self.products:
            for lot in stock.lots_on_hand(self.db, product.id):
                if lot.expiry_date and lot.expiry_date < day.isoformat():
                    lines = expired.setdefault(product.producer_code, [])
                    lines.append(stock.LotQty(lot.lot_id, lot.on_hand))
        with clock.stopped_at(datetime.combine(day, time(7, 40))):
            for producer_code, lines in expired.items():
                stock.return_to_producer(
                    self.db, producer_code, lines, EXPIRED_REASON, day, actor=self.manager
                )
                self.history.producer_returns += 1

    def _on_hand(self, product_id: int, day: date) -> int:
        return sum(
            lot.on_hand for lot in stock.lots_on_hand(self.db, product_id) if lot.sellable(day)
        )

    # ---- the till ----

    def _cashier(self, day: date) -> User:
        return self.cashiers[day.toordinal() % len(self.cashiers)]

    def _shift(self, day: date) -> None:
        rng, cashier = self.rng, self._cashier(day)
        with clock.stopped_at(datetime.combine(day, time(8, 0))):
            shifts.open_shift(
                self.db, self.terminal, cashier.display_name, OPENING_FLOAT_VND, cashier.uuid
            )
        busy = 1.6 if day.weekday() >= 5 else 1.0
        count = round(rng.randint(6, 12) * busy)
        minutes = sorted(rng.randrange(30, 11 * 60) for _ in range(count))
        for minute in minutes:
            when = datetime.combine(day, time(8, 0)) + timedelta(minutes=minute)
            sale = self._sale(when, cashier)
            if sale and rng.random() < 0.02:
                self._refund(sale, when + timedelta(minutes=20), cashier)
        with clock.stopped_at(datetime.combine(day, time(19, 30))):
            self._close_shift(cashier)

    def _sale(self, when: datetime, cashier: User) -> str | None:
        rng, day = self.rng, when.date()
        cart = Cart()
        for product in rng.choices(self.products, self.weights, k=rng.choice((1, 1, 2, 2, 3))):
            qty = 1 if product.price_vnd > 300_000 else rng.choice((1, 1, 2))
            if self._on_hand(product.id, day) >= cart.qty_of(product.id) + qty:
                cart.add(sales.cart_line(product, qty))
        if cart.is_empty():
            return None
        total = price(cart).total_vnd
        method = rng.choices(("cash", "bank", "card"), (55, 35, 10))[0]
        handed = -(-total // 50_000) * 50_000 if method == "cash" else None
        reference = f"{rng.randrange(10**6):06d}" if method == "card" else ""  # the card slip's
        with clock.stopped_at(when):
            posted = sales.post_sale(
                self.db,
                self.terminal,
                cart,
                [Tender(method, total, handed, reference)],
                f"demo-{when:%Y%m%d%H%M}-{self.history.sales}",
                when,
                actor=cashier,
            )
        self.history.sales += 1
        return posted.number

    def _refund(self, sale_number: str, when: datetime, cashier: User) -> None:
        """The customer changed their mind about the first line; a manager approves."""
        sold = sale_for_refund(self.db, sale_number)
        line = sold.lines[0]
        items = [RefundItem(line.sale_line_id, 1)]
        with clock.stopped_at(when):
            total = refund_total(self.db, sale_number, items)
            approval = users.approve(
                self.db,
                self.manager_login.username,
                self.manager_login.secret,
                "refund",
                cashier,
                refund_subject(sale_number, total),
            )
            post_refund(
                self.db,
                self.terminal,
                cashier,
                sale_number,
                items,
                "changed_mind",
                sold.methods[0],
                f"demo-refund-{sale_number}",
                approval=approval,
                refunded_at=when,
            )
        self.history.refunds += 1

    def _close_shift(self, cashier: User) -> None:
        shift = shifts.current_shift(self.db, self.terminal)
        figures = shift_close.shift_figures(self.db, shift)
        other = {method: figures.expected(method) for method in ("bank", "card")}
        shift_close.close_shift(
            self.db, self.terminal, cashier, banknotes(figures.expected("cash")), other
        )
        self.history.z_reports += 1

    def _trade_fair(self, day: date) -> None:
        """A weekend stand at a trade fair, its receipts imported from the fair's file."""
        rows = []
        for number in range(1, 9):
            product = self.rng.choice(self.products)
            if self._on_hand(product.id, day) < 2:
                continue
            sold_at = datetime.combine(day, time(9, 0)) + timedelta(minutes=47 * number)
            rows.append(f"{sold_at:%Y-%m-%d %H:%M},{product.sku},1,cash")
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"hoi-cho-{day:%Y-%m-%d}.csv"
            path.write_text("\n".join([",".join(SALES_COLUMNS), *rows]) + "\n", encoding="utf-8")
            with clock.stopped_at(datetime.combine(day + timedelta(days=2), time(7, 15))):
                import_sales(self.db, path, actor=self.manager)

    # ---- the month ----

    def _close_month(self, first_of_month: date) -> None:
        """The morning after a month: its statements issued and the month closed, then paid:
        in full for older months, in part for the month just closed."""
        last_month = f"{first_of_month - timedelta(days=1):%Y-%m}"
        start, end = month_bounds(last_month)
        if start < self.history.first_day:
            start = self.history.first_day
        at = datetime.combine(first_of_month, time(7, 0))
        at = min(at, clock.now()) if first_of_month == self.today else at
        with clock.stopped_at(at):
            issued = statements.issue_statements(self.db, self.manager, start, end, close=True)
            latest = first_of_month == self.today.replace(day=1)
            for index, statement in enumerate(issued):
                amount = statement.balance_vnd
                if latest and index % 2:  # the last month: some producers wait
                    amount = 0
                elif latest and index == 0:  # and one is paid half
                    amount = amount // 2_000 * 1_000
                if amount > 0:
                    statements.record_payout(
                        self.db,
                        self.manager,
                        statement.producer_code,
                        amount,
                        first_of_month,
                        "bank",
                        f"UNC {statement.number}",
                    )
        self.history.statements += len(issued)


def _intake_name(fixtures: Path) -> str:
    return sorted(fixtures.glob("intake-*.csv"))[0].name


def _redated(
    line: stock.IntakeLine, day: date, index: int, sample: stock.IntakeLine | None = None
) -> stock.IntakeLine:
    """A delivery on ``day``: made a week before, keeping the sample's shelf life; lots are
    coded by day as producers do."""
    sample = sample or line
    if not sample.lot_code:
        return stock.IntakeLine(line.sku, line.qty)
    made = day - timedelta(days=7)
    life = (
        (sample.expiry_date - sample.production_date).days
        if sample.expiry_date and sample.production_date
        else SHELF_LIFE_DAYS
    )
    return stock.IntakeLine(
        line.sku, line.qty, f"L{day:%y%m%d}-{index:02d}", made, made + timedelta(days=life)
    )
