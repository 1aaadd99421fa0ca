"""Consignment maths shared by every place that states what a producer is owed."""


def balance_due(previous_vnd: int, owed_vnd: int, paid_in_period_vnd: int) -> int:
    """What the showroom still owes a producer once a statement is issued: the balance left
    unpaid by earlier statements, plus what this period's statement owes, less what was paid
    out during the period (negative: the producer owes the showroom)."""
    return previous_vnd + owed_vnd - paid_in_period_vnd


def retail_value(price_vnd: int, on_hand: int) -> int:
    """Stock at retail price: a product short of stock (negative on hand) is worth nothing
    here, not less than nothing; the stock count settles it."""
    return price_vnd * max(on_hand, 0)


def retail_value_sql(price: str, on_hand: str) -> str:
    """``retail_value`` as an SQL expression over the given SQL expressions."""
    return f"({price} * max({on_hand}, 0))"
