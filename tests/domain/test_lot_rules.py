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


@given(
    st.lists(
        st.tuples(st.sampled_from(sorted(lots.STATEMENT_COLUMNS)), st.integers(-50, 50)),
        max_size=12,
    )
)
def test_the_statement_columns_in_sql_agree_with_the_python_form(movements):
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE m (kind TEXT, qty INTEGER)")
    conn.executemany("INSERT INTO m VALUES (?, ?)", movements)
    cursor = conn.execute(f"SELECT {lots.statement_column_sums_sql()} FROM m")
    names = [column[0] for column in cursor.description]
    in_sql = {name: value or 0 for name, value in zip(names, cursor.fetchone(), strict=True)}
    conn.close()
    assert in_sql == lots.statement_column_sums(movements)


def test_every_kind_of_movement_the_ledger_allows_has_a_statement_column(db):
    """A new kind of movement must not fall out of the producers' statements unseen."""
    import re

    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'stock_movements'").fetchone()[0]
    allowed = re.search(r"kind IN \(([^)]*)\)", sql).group(1)
    assert set(re.findall(r"'(\w+)'", allowed)) == set(lots.STATEMENT_COLUMNS)
