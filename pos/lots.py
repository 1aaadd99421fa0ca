"""Which lots may be sold: the one rule, in Python for lots read into memory and in SQL for
queries that choose a lot, built here side by side (tests/domain/test_lot_rules.py holds them to
each other)."""

from datetime import date


def sellable(status: str, expiry_iso: str | None, on: date) -> bool:
    """An active (not recalled) lot that has not passed its expiry date: goods are sold up
    to and including the day printed on them."""
    return status == "active" and (expiry_iso is None or expiry_iso >= on.isoformat())


def sellable_sql(status: str, expiry: str, on: str) -> str:
    """``sellable`` as an SQL condition over the given SQL expressions (columns, parameters);
    dates are ISO text, so they compare as the Python does."""
    return f"({status} = 'active' AND ({expiry} IS NULL OR {expiry} >= {on}))"


# Each kind of stock movement and the statement column it counts in, with the sign that turns
# the ledger's signed units into the column's (units sold leave the ledger as -3: "sold 3").
STATEMENT_COLUMNS = {
    "intake": ("received", 1),
    "sale": ("sold", -1),
    "refund": ("refunded", 1),
    "producer_return": ("returned", -1),
    "count_adjustment": ("adjusted", 1),
    "write_off": ("adjusted", 1),
}


def statement_column_sums(movements: list[tuple[str, int]]) -> dict[str, int]:
    """The statement's columns over (kind, signed units) movements."""
    sums = dict.fromkeys((column for column, _ in STATEMENT_COLUMNS.values()), 0)
    for kind, qty in movements:
        column, sign = STATEMENT_COLUMNS[kind]
        sums[column] += sign * qty
    return sums


def statement_column_sums_sql() -> str:
    """``statement_column_sums`` as SQL select items over a query's ``kind`` and ``qty``
    (aggregates named by column; NULL where no movement of the column's kinds)."""
    kinds: dict[tuple[str, int], list[str]] = {}
    for movement_kind, column_sign in STATEMENT_COLUMNS.items():
        kinds.setdefault(column_sign, []).append(f"'{movement_kind}'")
    return ", ".join(
        f"sum(CASE WHEN kind IN ({', '.join(names)}) THEN {sign} * qty END) AS {column}"
        for (column, sign), names in kinds.items()
    )
