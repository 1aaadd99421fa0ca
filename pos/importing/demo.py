"""The demo showroom: the sample catalog and its goods receipt, loaded into an empty database."""

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlite_utils import Database

from pos.errors import PosError
from pos.fields import optional_date
from pos.importing.catalog_files import import_intake, import_producers, import_products
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


# Demo people, printed in the README: never for a real showroom.
DEMO_USERS = (
    ("admin", "Quản trị viên", "admin", "quantri2026"),
    ("quanly", "Trần Văn Minh", "manager", "quanly2026"),
    ("thungan", "Nguyễn Thị Lan", "cashier", "1234"),
)


@dataclass(frozen=True)
class DemoLoaded:
    producers: int
    products: int
    goods_receipts: list[str]


def is_empty(db: Database) -> bool:
    return db.execute("SELECT count(*) FROM producers").fetchone()[0] == 0


def load_demo(db: Database, fixtures: Path, received_on: date | None = None) -> DemoLoaded:
    """Import producers.csv, products.csv and the intake file; refuses a database in use."""
    if not is_empty(db):
        raise PosError("Cơ sở dữ liệu đã có dữ liệu: chỉ nạp dữ liệu mẫu vào cơ sở dữ liệu trống.")
    intakes = sorted(fixtures.glob("intake-*.csv"))
    if not (fixtures / "producers.csv").is_file() or not intakes:
        raise PosError(f"Không tìm thấy dữ liệu mẫu trong {fixtures}")
    # The sample is dated by its goods, not by today: terms, VAT and lots as of that day.
    day = received_on or _day_after_latest_production(intakes[0])
    with db.atomic():
        (admin_name, admin_display, _, admin_secret), *others = DEMO_USERS
        admin = users.create_first_admin(db, admin_name, admin_display, admin_secret)
        for username, name, role, secret in others:
            users.create_user(db, admin, username, name, role, secret)
        producers = import_producers(db, fixtures / "producers.csv", day, actor=admin)
        products = import_products(db, fixtures / "products.csv", day, actor=admin)
        receipts = []
        for intake in intakes:
            receipts += import_intake(db, intake, day, actor=admin).documents
        set_settings(db, DEMO_SETTINGS, admin)
    return DemoLoaded(producers.created, products.created, receipts)


def _day_after_latest_production(intake: Path) -> date:
    """The day the sample goods arrived, so the demo loads the same on any day."""
    days = [optional_date(cells.get("production_date"), "") for _, cells in read_table(intake).rows]
    return max(day for day in days if day) + timedelta(days=1)
