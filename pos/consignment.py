"""Consignment maths shared by every place that states what a producer is owed."""


def balance_due(previous_vnd: int, owed_vnd: int, paid_in_period_vnd: int) -> int:
    """What the showroom still owes a producer once a statement is issued: the balance left
    unpaid by earlier statements, plus what this period's statement owes, less what was paid
    out during the period (negative: the producer owes the showroom)."""
    return previous_vnd + owed_vnd - paid_in_period_vnd
