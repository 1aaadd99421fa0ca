"""The lot rules in Python and in SQL are one rule: the SQL form, evaluated by SQLite, gives
what the Python form gives, at the edges a shop meets (expiry yesterday, today, tomorrow,
none; a recalled lot)."""

import sqlite3
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from pos import lots

TODAY = date(2026, 12, 1)


def _sql_sellable(status: str, expiry: str | None, on: date) -> bool:
    conn = sqlite3.connect(":memory:")
    condition = lots.sellable_sql(":status", ":expiry", ":on")
    (value,) = conn.execute(
        f"SELECT {condition}", {"status": status, "expiry": expiry, "on": on.isoformat()}
    ).fetchone()
    conn.close()
    return bool(value)


def test_goods_are_sold_up_to_their_expiry_day_and_never_from_a_recalled_lot():
    day = timedelta(days=1)
    cases = {
        ("active", None): True,
        ("active", (TODAY - day).isoformat()): False,
        ("active", TODAY.isoformat()): True,
        ("active", (TODAY + day).isoformat()): True,
        ("blocked", None): False,
        ("blocked", (TODAY + day).isoformat()): False,
    }
    for (status, expiry), expected in cases.items():
        assert lots.sellable(status, expiry, TODAY) is expected, (status, expiry)
        assert _sql_sellable(status, expiry, TODAY) is expected, (status, expiry)


@given(
    status=st.sampled_from(["active", "blocked"]),
    expiry_offset=st.one_of(st.none(), st.integers(-3, 3), st.integers(-4000, 4000)),
    on=st.dates(date(2020, 1, 1), date(2035, 12, 31)),
)
def test_the_sql_form_agrees_with_the_python_form(status, expiry_offset, on):
    expiry = None if expiry_offset is None else (on + timedelta(days=expiry_offset)).isoformat()
    assert _sql_sellable(status, expiry, on) == lots.sellable(status, expiry, on)
