"""Which lots may be sold: the one rule, in Python for lots read into memory and in SQL for
queries that choose a lot, built here side by side (tests/test_lot_rules.py holds them to
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
