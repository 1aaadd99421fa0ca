"""Identities that can leave the file: the showroom, tills, users, producers, products and lots
carry UUIDs minted on the device (an upgraded database gets them too), and posted documents
keep the acting user's UUID beside the name as it was."""

import re

from pos.services import integrity, refunds, shifts
from pos.services.refunds import RefundItem
from pos.services.settings import get_setting
from pos.storage.schema import GLOBAL_TABLES
from tests.conftest import demo_user
from tests.services.test_sales_service import T, cart_of, pay_cash

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


def test_every_global_row_has_its_own_uuid(demo_db):
    shifts.open_shift(demo_db, T, "Lan", 0)
    assert UUID.fullmatch(get_setting(demo_db, "showroom_uuid"))
    for table in GLOBAL_TABLES:
        ids = [row[0] for row in demo_db.execute(f"SELECT uuid FROM {table}")]
        assert ids and all(UUID.fullmatch(i) for i in ids), table
        assert len(set(ids)) == len(ids), table


def test_documents_keep_the_acting_users_uuid_and_name(demo_db):
    """People are stored once: every document names its user by uuid and by the display
    name that day (never the login name, never what the shift form was typed with)."""
    shifts.open_shift(demo_db, T, "Lan", 0)
    cashier, manager = demo_user(demo_db, "thungan"), demo_user(demo_db, "quanly")
    assert UUID.fullmatch(cashier.uuid) and cashier.uuid != manager.uuid
    sale = pay_cash(demo_db, cart_of(demo_db, ("BANH-PIA", 2)), token="a")
    assert demo_db.execute(
        "SELECT cashier, cashier_uuid FROM sales WHERE number = ?", [sale.number]
    ).fetchone() == ("Nguyễn Thị Lan", cashier.uuid)
    [line] = refunds.sale_for_refund(demo_db, sale.number).lines
    refunds.post_refund(
        demo_db,
        T,
        manager,
        sale.number,
        [RefundItem(line.sale_line_id, 1)],
        "defective",
        "cash",
        "r",
    )
    assert demo_db.execute("SELECT cashier, cashier_uuid FROM refunds").fetchone() == (
        "Trần Văn Minh",
        manager.uuid,
    )
    actor, actor_uuid = demo_db.execute(
        "SELECT actor, actor_uuid FROM audit_log WHERE action = 'refund'"
    ).fetchone()
    assert (actor, actor_uuid) == ("quanly", manager.uuid)
    assert integrity.full_check(demo_db) == []


def test_a_uuid_edited_outside_the_program_is_caught(demo_db):
    demo_db.execute("UPDATE products SET uuid = 'x' WHERE sku = 'BANH-PIA'")
    problems = [str(p) for p in integrity.full_check(demo_db)]
    assert any("bảng products" in p for p in problems), problems
