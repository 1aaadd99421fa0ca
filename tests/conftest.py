import os
import shutil

# Qt must see this before it is imported anywhere, or it aborts with no display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date, datetime, time  # noqa: E402
from pathlib import Path  # noqa: E402

import keyring  # noqa: E402
import pytest  # noqa: E402
from keyring.backends.fail import Keyring as FailKeyring  # noqa: E402

from pos import clock  # noqa: E402
from pos.importing.demo import load_demo  # noqa: E402
from pos.paths import SAMPLE_FIXTURES as FIXTURES  # noqa: E402
from pos.storage.database import open_database  # noqa: E402

# The sample goods receipt arrived the day after its latest production date.
INTAKE_DAY = date(2026, 11, 22)
# The morning the GUI tests work in, two days after the sample goods came in.
MORNING = datetime(2026, 11, 24, 10, 0)


@pytest.fixture(scope="session")
def database_templates(tmp_path_factory) -> dict[str, Path]:
    """A migrated empty database and the demo showroom, each built once per test run: a test
    gets a copy (16 ms) instead of migrating (0.2 s) and loading the demo (0.5-1 s) again."""
    folder = tmp_path_factory.mktemp("templates")
    templates = {"empty": folder / "empty.sqlite3", "demo": folder / "demo.sqlite3"}
    open_database(templates["empty"]).close()
    demo = open_database(templates["demo"])
    # set up on the day its goods came in: the settings documents print are in force from then
    with clock.stopped_at(datetime.combine(INTAKE_DAY, time(8, 0))):
        load_demo(demo, FIXTURES, INTAKE_DAY)
    demo.close()
    for path in templates.values():  # closed whole: no write-ahead log left to copy
        assert not Path(f"{path}-wal").exists()
    return templates


@pytest.fixture
def db(tmp_path, request, database_templates):
    """A new showroom's database (the demo's, when the test also asks for demo_db)."""
    path = tmp_path / "pos.sqlite3"
    kind = "demo" if "demo_db" in request.fixturenames else "empty"
    shutil.copyfile(database_templates[kind], path)
    database = open_database(path)
    yield database
    database.close()


@pytest.fixture
def demo_db(db):
    return db


ADMIN_PASSWORD = "quantri2026"  # the demo's administrator, and first_admin's


def first_admin(db):
    """An empty showroom's administrator, as the app's first start creates one."""
    from pos.services.users import create_first_admin

    return create_first_admin(db, "admin", "Quản trị viên", ADMIN_PASSWORD)


def demo_user(db, username: str = "thungan"):
    """A person from the demo: thungan (cashier, PIN 1234), quanly (manager), admin."""
    from pos.services.users import get_user

    return get_user(db, username)


@pytest.fixture
def clock_at(monkeypatch):
    """Sets the app's clock (``pos.clock.now``); starts at MORNING."""

    def set_clock(moment: datetime) -> None:
        monkeypatch.setattr("pos.clock.now", lambda: moment)

    set_clock(MORNING)
    return set_clock


@pytest.fixture
def no_os_keyring(monkeypatch, tmp_path):
    """The fallback store in a folder of the test's own, whatever store this PC has."""
    held = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    monkeypatch.setattr("pos.einvoicing.credentials.config_dir", lambda: tmp_path / "config")
    yield tmp_path / "config"
    keyring.set_keyring(held)
