"""The demo showroom: the sample catalog and its goods receipt, loaded into an empty database."""

from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlite_utils import Database

from pos import clock
from pos.errors import PosError
from pos.fields import optional_date
from pos.importing.catalog_files import import_intake, import_producers, import_products
from pos.importing.demo_history import HISTORY_DAYS, DemoHistory, DemoPerson, post_history
from pos.importing.tables import read_table
from pos.services import users
from pos.services.settings import set_settings

DEMO_SETTINGS = {
    "showroom_name": "Showroom OCOP Hà Nội (demo)",
    "showroom_address": "Số 1 phố Demo, Hoàn Kiếm, Hà Nội",
    "bank_bin": "970415",
    "bank_account": "113366668888",
    "bank_account_name": "SHOWROOM OCOP HA NOI",
}
# The lived-in demo issues e-invoices from today on, through the fake provider the app
# starts on loopback (its three months of history were sold before it did).
DEMO_EINVOICING = {
    "einvoice_provider": "fake",
    "showroom_tax_code": "0100109106",
    "einvoice_symbol": "1C26MAA",
    "einvoice_location_code": "HN01",
    "einvoice_location_name": "Showroom OCOP Hà Nội (demo)",
    "einvoice_location_address": "Số 1 phố Demo, Hoàn Kiếm, Hà Nội",
}


# Demo people, printed in the README: never for a real showroom.
DEMO_USERS = (
    ("admin", "Quản trị viên", "admin", "quantri2026"),
    ("quanly", "Trần Văn Minh", "manager", "quanly2026"),
    ("thungan", "Nguyễn Thị Lan", "cashier", "1234"),
    ("thungan2", "Phạm Thu Hà", "cashier", "5678"),
)


@dataclass(frozen=True)
class DemoLoaded:
    producers: int
    products: int
    goods_receipts: list[str]
    history: DemoHistory | None = None


def is_empty(db: Database) -> bool:
    return db.execute("SELECT count(*) FROM producers").fetchone()[0] == 0


def load_demo(
    db: Database, fixtures: Path, received_on: date | None = None, history_until: date | None = None
) -> DemoLoaded:
    """Import producers.csv, products.csv and the intake file; refuses a database in use.
    With ``history_until`` (today) the showroom opened three months before it and has lived
    since (demo_history); the intake is then its first delivery."""
    if not is_empty(db):
        raise PosError("Cơ sở dữ liệu đã có dữ liệu: chỉ nạp dữ liệu mẫu vào cơ sở dữ liệu trống.")
    intakes = sorted(fixtures.glob("intake-*.csv"))
    if not (fixtures / "producers.csv").is_file() or not intakes:
        raise PosError(f"Không tìm thấy dữ liệu mẫu trong {fixtures}")
    # The sample is dated by its goods, not by today: terms, VAT and lots as of that day.
    day = received_on or _day_after_latest_production(intakes[0])
    opening = nullcontext()
    if history_until:
        day = history_until - timedelta(days=HISTORY_DAYS)
        opening = clock.stopped_at(datetime.combine(day, time(7, 0)))
    with db.atomic(), opening:
        (admin_name, admin_display, _, admin_secret), *others = DEMO_USERS
        admin = users.create_first_admin(db, admin_name, admin_display, admin_secret)
        for username, name, role, secret in others:
            users.create_user(db, admin, username, name, role, secret)
        producers = import_producers(db, fixtures / "producers.csv", day, actor=admin)
        products = import_products(db, fixtures / "products.csv", day, actor=admin)
        set_settings(db, DEMO_SETTINGS, admin)
        receipts = []
        if not history_until:
            for intake in intakes:
                receipts += import_intake(db, intake, day, actor=admin).documents
    if history_until:
        with db.atomic():
            history = post_history(
                db, fixtures, history_until, _people("cashier"), _people("manager")[0]
            )
            set_settings(db, DEMO_EINVOICING, users.get_user(db, admin_name))
        return DemoLoaded(producers.created, products.created, history.goods_receipts, history)
    return DemoLoaded(producers.created, products.created, receipts)


def _people(role: str) -> tuple[DemoPerson, ...]:
    return tuple(DemoPerson(name, secret) for name, _, kind, secret in DEMO_USERS if kind == role)


def _day_after_latest_production(intake: Path) -> date:
    """The day the sample goods arrived, so the demo loads the same on any day."""
    days = [optional_date(cells.get("production_date"), "") for _, cells in read_table(intake).rows]
    return max(day for day in days if day) + timedelta(days=1)
